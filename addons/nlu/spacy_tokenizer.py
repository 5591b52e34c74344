"""`SpacyTokenizer` whose tokens remember their fingerprint, for the texts that are read.

While training, Rasa fingerprints the whole training data after every pipeline component (its
training cache), and a `Token` hashes itself again each time: with six languages' examples that was
about 40 % of the training time. These tokens hash once, the same way (`Token.fingerprint`), so
fingerprints and the training cache are unchanged.

The answer texts that the answer selector's examples carry (`response`, 2 MB) and end-to-end
action texts are not tokenised: no component of this pipeline reads their tokens (the featurizers
give the message text's features only), and hashing them took 10 s of each training.
"""

from typing import Any, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import MESSAGE_ATTRIBUTES, TOKENS_NAMES
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer as RasaSpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import (
    ACTION_NAME,
    ACTION_TEXT,
    INTENT,
    INTENT_RESPONSE_KEY,
    RESPONSE,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

UNREAD_ATTRIBUTES = {RESPONSE, ACTION_TEXT}
NAME_ATTRIBUTES = {INTENT, ACTION_NAME, INTENT_RESPONSE_KEY}


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
    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            for attribute in MESSAGE_ATTRIBUTES:
                if attribute in UNREAD_ATTRIBUTES or not example.get(attribute):
                    continue
                if attribute in NAME_ATTRIBUTES:
                    tokens = self._split_name(example, attribute)
                else:
                    tokens = self.tokenize(example, attribute)
                example.set(TOKENS_NAMES[attribute], tokens)
        return training_data

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        return _fingerprinted(super().tokenize(message, attribute))

    def _split_name(self, message: Message, attribute: Text = INTENT) -> List[Token]:
        # the intent's and the response key's tokens
        return _fingerprinted(super()._split_name(message, attribute))
