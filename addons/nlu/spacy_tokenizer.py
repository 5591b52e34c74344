"""`SpacyTokenizer` whose tokens remember their fingerprint.

While training, Rasa fingerprints the whole training data after every pipeline component (its
training cache), and a `Token` hashes itself again each time: with six languages' examples that was
about 40 % of the training time. These tokens hash once, the same way (`Token.fingerprint`), so
fingerprints and the training cache are unchanged.
"""

from typing import Any, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer as RasaSpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message


class FingerprintedToken(Token):
    """A `Token` that computes its fingerprint once, and again only after `set`."""

    _fingerprint: Optional[Text] = None

    def set(self, prop: Text, info: Any) -> None:
        self._fingerprint = None
        super().set(prop, info)

    def fingerprint(self) -> Text:
        if self._fingerprint is None:
            self._fingerprint = super().fingerprint()
        return self._fingerprint


def _fingerprinted(tokens: List[Token]) -> List[Token]:
    return [FingerprintedToken(t.text, t.start, t.end, data=t.data, lemma=t.lemma) for t in tokens]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class SpacyTokenizer(RasaSpacyTokenizer):
    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        return _fingerprinted(super().tokenize(message, attribute))

    def _split_name(self, message: Message, attribute: Text = INTENT) -> List[Token]:
        # the intent's and the response key's tokens
        return _fingerprinted(super()._split_name(message, attribute))
