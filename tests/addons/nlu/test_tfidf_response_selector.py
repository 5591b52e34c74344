"""addons/nlu/tfidf_response_selector.py: the answer of a retrieval intent, in the shape of Rasa's
ResponseSelector, the same once loaded back."""

import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.tfidf_response_selector import TfidfResponseSelector
from tests.addons.nlu.trained import trained

ANSWERS = {
    "faq/refund_time": ["how long until the money shows up", "when will i see the refund"],
    "faq/weekends": ["do weekends count", "are saturdays part of the days"],
}
OTHER = {"greet": ["hello", "hi there"]}
RESPONSES = {
    "utter_faq/refund_time": [{"text": "The guide doesn't say."}],
    "utter_faq/weekends": [{"text": "The guide doesn't say either."}],
    "utter_greet": [{"text": "Hi!"}],
}


@pytest.fixture
def selectors(tmp_path):
    messages = [
        Message(data={"text": text, "intent": key.split("/")[0], "intent_response_key": key})
        for key, texts in ANSWERS.items()
        for text in texts
    ] + [Message(data={"text": t, "intent": i}) for i, texts in OTHER.items() for t in texts]
    data = TrainingData(messages, responses=RESPONSES)
    parsers = trained(tmp_path, TfidfResponseSelector, data)
    return tuple(
        lambda text, parse=parse: parse(text).get("response_selector") for parse in parsers
    )


def test_the_answer_in_the_shape_of_rasas_response_selector(selectors):
    select, _ = selectors
    selected = select("how long until i see the money")
    assert selected["all_retrieval_intents"] == ["faq"]
    response = selected["faq"]["response"]
    assert response["intent_response_key"] == "faq/refund_time"
    assert response["utter_action"] == "utter_faq/refund_time"
    assert response["responses"] == RESPONSES["utter_faq/refund_time"]
    assert 0.5 < response["confidence"] <= 1.0
    ranking = selected["faq"]["ranking"]
    assert [r["intent_response_key"] for r in ranking] == ["faq/refund_time", "faq/weekends"]
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_the_loaded_model_answers_the_same(selectors):
    select, select_loaded = selectors
    for text in ["do weekends count", "when is my refund", "hello"]:
        assert select_loaded(text) == select(text)


def test_an_empty_message_gets_no_answer(selectors):
    select, select_loaded = selectors
    assert select("") is None and select_loaded("") is None
