"""addons/nlu/sentence_features.py: the text's sentence features, equal to Rasa's, and no others."""

from pathlib import Path
from typing import Any, Dict, List, Type

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.featurizers.sparse_featurizer.regex_featurizer import RegexFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.sentence_features import (
    SentenceCountVectorsFeaturizer,
    SentenceRegexFeaturizer,
    letters_once,
)

TEXTS = ["my parcel never came", "where was I?", "the dress is two sizes too small", "ok"]
UNSEEN = ["my dress never came, where was I", "blorp", "where"]
PATTERNS = [{"name": "where_was_i", "pattern": r"where (was|were) (i|we)"}]


def _training_data() -> TrainingData:
    examples = [Message(data={TEXT: t, "intent": f"i{n}"}) for n, t in enumerate(TEXTS)]
    return TrainingData(examples, regex_features=PATTERNS)


def _features(
    component: Type[Any], config: Dict[str, Any], tmp_path: Path, texts: List[str]
) -> List[List[Any]]:
    """The features `component`, trained on TEXTS, gives each of `texts`."""
    directory = tmp_path / component.__name__
    directory.mkdir(exist_ok=True)
    storage = LocalModelStorage(directory)
    context = ExecutionContext(graph_schema=None, node_name="tested")  # type: ignore[arg-type]
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizer = component.create(
        {**component.get_default_config(), **config}, storage, Resource("f"), context
    )
    data = _training_data()
    tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    messages = [Message(data={TEXT: t}) for t in texts]
    tokenizer.process(messages)
    featurizer.process(messages)
    return [m.features for m in data.training_examples + messages]


@pytest.mark.parametrize(
    "ours, rasas, config",
    [
        (SentenceCountVectorsFeaturizer, CountVectorsFeaturizer, {}),
        (
            SentenceCountVectorsFeaturizer,
            CountVectorsFeaturizer,
            {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4},
        ),
        (SentenceRegexFeaturizer, RegexFeaturizer, {}),
    ],
)
def test_the_texts_sentence_features_are_rasas_and_the_only_ones(
    ours: Type[Any], rasas: Type[Any], config: Dict[str, Any], tmp_path: Path
) -> None:
    for own, theirs in zip(
        _features(ours, config, tmp_path, UNSEEN),
        _features(rasas, config, tmp_path, UNSEEN),
        strict=True,
    ):
        assert all(f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE for f in own)
        wanted = [f for f in theirs if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
        assert len(own) == len(wanted) == 1
        assert own[0].features.shape == wanted[0].features.shape
        assert np.array_equal(own[0].features.toarray(), wanted[0].features.toarray())


def test_a_pattern_marks_the_sentence_it_matches(tmp_path: Path) -> None:
    matched = _features(
        SentenceRegexFeaturizer,
        {"case_sensitive": False},
        tmp_path,
        ["so where was I", "I was where"],
    )
    assert matched[-2][0].features.toarray().tolist() == [[1.0]]
    assert matched[-1][0].features.toarray().tolist() == [[0.0]]


@pytest.mark.parametrize(
    "word, once",
    [("hiii", "hi"), ("thanksss", "thanks"), ("спасибооо", "спасибо"), ("good", "good")],
)
def test_a_letter_said_three_times_or_more_is_said_once(word: str, once: str) -> None:
    assert letters_once(word) == once


@pytest.mark.parametrize("config", [{}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}])
def test_an_elongated_word_has_the_words_features(config: Dict[str, Any], tmp_path: Path) -> None:
    elongated, plain = _features(SentenceCountVectorsFeaturizer, config, tmp_path, ["okkk", "ok"])[
        -2:
    ]
    assert np.array_equal(elongated[0].features.toarray(), plain[0].features.toarray())
