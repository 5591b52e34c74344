"""addons/nlu/tfidf_intent_classifier.py: scikit-learn's TF-IDF weighting, a trained model that
loads back to the same answers, and no intent for a message of unknown words."""

import shutil

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfTransformer

from addons.nlu import tfidf_intent_classifier
from addons.nlu.tfidf_intent_classifier import (
    TfidfIntentClassifier,
    inverse_document_frequency,
    weighted,
)
from tests.addons.nlu.trained import trained

EXAMPLES = {
    "report_not_received": ["my parcel never came", "the package never arrived", "no parcel yet"],
    "request_refund": ["i want my money back", "give me a refund", "how do i get a refund"],
    "greet": ["hello", "hi there", "good morning"],
}


def test_the_weighting_is_scikit_learns_sublinear_tfidf():
    counts = csr_matrix(np.array([[3, 0, 1, 0], [0, 2, 1, 0], [1, 1, 0, 5]]))
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(counts).toarray()
    ours = weighted(counts, inverse_document_frequency(counts)).toarray()
    np.testing.assert_allclose(ours, expected)


@pytest.fixture
def pipeline(tmp_path):
    messages = [
        Message(data={"text": text, "intent": intent})
        for intent, texts in EXAMPLES.items()
        for text in texts
    ]
    parsers = trained(tmp_path, TfidfIntentClassifier, TrainingData(messages))

    def intent_of(parse):
        def read(text):
            message = parse(text)
            return message.get("intent"), message.get("intent_ranking")

        return read

    return tuple(intent_of(parse) for parse in parsers)


def test_known_words_get_their_intent(pipeline):
    parse, _ = pipeline
    assert parse("my parcel never arrived")[0]["name"] == "report_not_received"
    assert parse("refund my money")[0]["name"] == "request_refund"


def test_the_loaded_model_answers_the_same(pipeline):
    parse, parse_loaded = pipeline
    for text in ["my parcel never arrived", "hello", "refund please"]:
        (intent, _), (loaded, _) = parse(text), parse_loaded(text)
        assert loaded["name"] == intent["name"]
        assert loaded["confidence"] == pytest.approx(intent["confidence"])


@pytest.mark.parametrize("text", ["asdfgh", "blorp qwerty"])
def test_unknown_words_get_no_confidence(pipeline, text):
    parse, parse_loaded = pipeline
    for intent, ranking in (parse(text), parse_loaded(text)):
        assert intent["confidence"] == 0.0
        assert {ranked["confidence"] for ranked in ranking} == {0.0}


def test_an_empty_message_gets_no_intent(pipeline):
    parse, parse_loaded = pipeline
    for intent, ranking in (parse(""), parse_loaded("")):
        assert intent == {"name": None, "confidence": 0.0}
        assert ranking == []


def test_single_precision_answers_as_double_precision_would(tmp_path, monkeypatch):
    def examples():
        return TrainingData(
            [
                Message(data={"text": text, "intent": intent})
                for intent, texts in EXAMPLES.items()
                for text in texts
            ]
        )

    single, _ = trained(mkdir(tmp_path / "single"), TfidfIntentClassifier, examples())
    monkeypatch.setattr(tfidf_intent_classifier, "PREDICTION_DTYPE", np.float64)
    double, _ = trained(mkdir(tmp_path / "double"), TfidfIntentClassifier, examples())

    for text in ["my parcel never arrived", "refund please", "hello there"]:
        ours, exact = single(text).get("intent_ranking"), double(text).get("intent_ranking")
        assert [i["name"] for i in ours] == [i["name"] for i in exact]
        for mine, theirs in zip(ours, exact, strict=True):
            assert mine["confidence"] == pytest.approx(theirs["confidence"], abs=1e-6)


def mkdir(path):
    path.mkdir()
    return path


def test_a_model_restored_under_another_node_name_loads(tmp_path):
    # Rasa's training cache restores a component's files under the node's new name when the
    # pipeline before it changed ("...TfidfIntentClassifier10" -> "...11").
    trained(tmp_path, TfidfIntentClassifier, TrainingData(messages_of(EXAMPLES)))
    shutil.copytree(tmp_path / "tested", tmp_path / "renamed")
    context = ExecutionContext(graph_schema=None, node_name="renamed")  # type: ignore[arg-type]
    config = TfidfIntentClassifier.get_default_config()

    loaded = TfidfIntentClassifier.load(
        config, LocalModelStorage(tmp_path), Resource("renamed"), context
    )

    assert loaded.idf.size and set(loaded.clf.classes_) == set(EXAMPLES)


def test_a_model_of_the_older_format_asks_to_be_trained_again(tmp_path):
    trained(tmp_path, TfidfIntentClassifier, TrainingData(messages_of(EXAMPLES)))
    (tmp_path / "tested" / "all.skops").write_bytes(b"")  # what an older version wrote
    context = ExecutionContext(graph_schema=None, node_name="tested")  # type: ignore[arg-type]
    config = TfidfIntentClassifier.get_default_config()

    with pytest.raises(RasaException, match="train it again"):
        TfidfIntentClassifier.load(config, LocalModelStorage(tmp_path), Resource("tested"), context)


def messages_of(examples):
    return [
        Message(data={"text": text, "intent": intent})
        for intent, texts in examples.items()
        for text in texts
    ]


def test_each_message_says_how_many_of_its_words_are_known(tmp_path):
    messages = [
        Message(data={"text": text, "intent": intent})
        for intent, texts in EXAMPLES.items()
        for text in texts
    ]
    parse, _ = trained(tmp_path, TfidfIntentClassifier, TrainingData(messages))
    assert parse("my parcel blorp").get("words_known") == (2, 3)
