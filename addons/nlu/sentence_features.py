"""Rasa's count-vector and regex featurizers, computing only what our classifiers read.

`TfidfIntentClassifier` and `TfidfResponseSelector` read one thing: the sparse sentence features
of the message's text. Rasa's featurizers also build a matrix per token (sequence features, for
DIET and the CRF, which this pipeline does not use), for every attribute of every training example
(intent names, responses), and the regex featurizer marks each token with a dict of every pattern.
Rasa fingerprints the whole training data after each component (its training cache), so all of it
was also hashed again and again. These subclasses give the text's sentence features, the same
values Rasa's would, computed for a batch of messages at once.

One change to the words: a letter said three times or more counts once ("hiii", "thanksss",
"спасибооо", "yesss" are "hi", "thanks", "спасибо", "yes"). Those words were unknown to the
classifier, and ten of thirteen such greetings, thanks and yeses fell back to the menu.
"""

import re
from typing import Any, Dict, List, Optional, Text

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.featurizers.sparse_featurizer.regex_featurizer import RegexFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# A letter said three times or more: "hiii", "merciiii".
_LETTER_SAID_OVER = re.compile(r"([^\W\d_])\1{2,}")


def letters_once(word: Text) -> Text:
    """The word with each letter said three times or more said once: "hiii" -> "hi"."""
    return _LETTER_SAID_OVER.sub(r"\1", word)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    """`CountVectorsFeaturizer` (trained the same way) giving the text's sentence features only."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """How words are read: Rasa's training cache does not restore features read otherwise."""
        return "letters_once"

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def _process_tokens(self, tokens: List[Text], attribute: Text = TEXT) -> List[Text]:
        tokens = super()._process_tokens(tokens, attribute)
        if attribute != TEXT:
            return tokens
        return [letters_once(token) for token in tokens]

    def process(self, messages: List[Message]) -> List[Message]:
        vectorizer = (self.vectorizers or {}).get(TEXT)
        if vectorizer is None:
            return super().process(messages)  # logs that it is not trained
        with_tokens = []
        for message in messages:
            tokens = self._get_processed_message_tokens_by_attribute(message, TEXT)
            if tokens:
                with_tokens.append((message, " ".join(tokens)))
        if not with_tokens:
            return messages
        counts = vectorizer.transform([text for _, text in with_tokens])
        counts.sort_indices()
        for row, (message, _) in enumerate(with_tokens):
            self.add_features_to_message(None, counts[row].tocoo(), TEXT, message)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceRegexFeaturizer(RegexFeaturizer):
    """`RegexFeaturizer` giving the text's sentence features only: 1 for each pattern with a match
    that overlaps a token, as Rasa's sentence vector has."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.known_patterns:
            return messages
        flags = 0 if self.case_sensitive else re.IGNORECASE
        compiled = [re.compile(pattern["pattern"], flags) for pattern in self.known_patterns]
        for message in messages:
            text = message.get(TEXT)
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            if not text or not tokens:
                continue
            matched = [
                index
                for index, pattern in enumerate(compiled)
                if any(
                    token.start < match.end() and token.end > match.start()
                    for match in pattern.finditer(text)
                    for token in tokens
                )
            ]
            features = scipy.sparse.coo_matrix(
                ([1.0] * len(matched), ([0] * len(matched), matched)),
                shape=(1, len(compiled)),
            )
            self.add_features_to_message(None, features, TEXT, message)
        return messages
