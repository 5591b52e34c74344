"""addons/nlu/step_told.py: a step the buyer says they reached continues the steps."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.step_told import read_step


def parsed(intent, text, answer=None):
    message = Message(data={"text": text})
    if answer:
        message.set("response_selector", {"faq": {"response": {"intent_response_key": answer}}})
    message.set("intent", {"name": intent, "confidence": 0.4})
    message.set(
        "intent_ranking",
        [{"name": intent, "confidence": 0.4}, {"name": "next_step", "confidence": 0.1}],
    )
    read_step(message)
    return message.get("intent")["name"]


@pytest.mark.parametrize(
    "intent", ["request_refund", "ask_follow_up", "ask_help", "affirm", "goodbye", "inform"]
)
def test_a_step_reached_gives_the_next_one(intent):
    text = "Yes please. I am already logged in, my grandson showed me how. What do I do now?"
    assert parsed(intent, text) == "next_step"


def test_without_a_step_the_intent_stays():
    assert parsed("request_refund", "how do I get my money back?") == "request_refund"


@pytest.mark.parametrize("intent", ["faq", "ask_escalation", "report_defective"])
def test_other_intents_are_left_alone(intent):
    assert parsed(intent, "I'm logged in, what now") == intent


def test_submitted_and_a_deadline_question_continues_the_steps():
    text = "submitted it just now! by when does the seller have to answer?"
    assert parsed("faq", text, "faq/seller_response_window") == "next_step"


def test_submitted_and_another_question_keeps_its_answer():
    text = "I have submitted it. will the money go to my card?"
    assert parsed("faq", text, "faq/refund_method") == "faq"


def test_a_step_said_with_a_deadline_reading_continues_the_steps():
    text = "I found the order and clicked on it. What comes next?"
    assert parsed("faq", text, "faq/seller_response_window") == "next_step"


def test_im_in_is_logged_in():
    assert parsed("goodbye", "I'm in.") == "next_step"
