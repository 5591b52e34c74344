"""addons/nlu/silence_told.py: the seller's silence, told, is the report of it."""

import pytest

from addons.nlu.silence_told import read_silence_told
from tests.addons.nlu.classified import classified


def parsed(text, intent="faq", answer="faq/dispute_rejected", confidence=0.41):
    message = classified(
        text,
        [(intent, 0.93), ("report_seller_unresponsive", 0.04), ("report_not_received", 0.03)],
        answer={"intent_response_key": answer, "confidence": confidence},
    )
    read_silence_told(message, doubtful_unasked=0.7)
    return message


@pytest.mark.parametrize(
    "text",
    [
        "el vendedor no responde a mi disputa de unas botas que nunca llegaron",
        "o vendedor não responde a minha disputa das botas",
        "продавец молчит по спору",
    ],
)
def test_silence_read_as_a_rejection_is_the_report(text):
    message = parsed(text)
    assert message.get("intent") == {"name": "report_seller_unresponsive", "confidence": 0.93}


@pytest.mark.parametrize(
    "text",
    [
        "the seller rejected my dispute and now ignores me",  # a refusal was told
        "sprzedawca odrzucił spór, co teraz",
    ],
)
def test_a_rejection_stays_a_rejection(text):
    assert parsed(text).get("intent")["name"] == "faq"


def test_silence_told_without_a_question_and_a_doubted_answer_is_the_report():
    text = "el vendedor no responde a mi disputa de unas botas que nunca llegaron"
    message = parsed(text, answer="faq/seller_response_window", confidence=0.39)
    assert message.get("intent")["name"] == "report_seller_unresponsive"


@pytest.mark.parametrize(
    "text, confidence",
    [
        ("el vendedor no responde a mi disputa de unas botas", 0.9),  # a sure answer
        ("what happens if the seller just ignores my dispute", 0.39),  # a question
    ],
)
def test_the_rule_stays_for_a_question_or_a_sure_answer(text, confidence):
    message = parsed(text, answer="faq/seller_response_window", confidence=confidence)
    assert message.get("intent")["name"] == "faq"


@pytest.mark.parametrize("intent", ["next_step", "nlu_fallback"])
def test_silence_read_as_a_step_or_the_fallback_is_the_report(intent):
    message = parsed("the shop is dead silent since i opened the case, what now", intent)
    assert message.get("intent")["name"] == "report_seller_unresponsive"


@pytest.mark.parametrize("intent", ["check_deadlines", "request_human", "ask_escalation"])
def test_other_intents_are_left_alone(intent):
    message = parsed("the seller is ignoring me, when can I escalate?", intent)
    assert message.get("intent")["name"] == intent
