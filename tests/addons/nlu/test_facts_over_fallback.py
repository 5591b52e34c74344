"""addons/nlu/facts_over_fallback.py: an unsure message is read from its facts."""

from typing import Any, Dict, List

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.facts_over_fallback import read_facts
from tests.addons.nlu.classified import classified

DISPUTE_DATE = {"entity": "date", "value": "3 days ago", "role": "dispute_opened"}
ORDER_DATE = {"entity": "date", "value": "two months ago", "role": "ordered"}
NEVER_CAME = {"entity": "complaint", "value": "not_received"}
ORDER_NUMBER = {"entity": "order_number", "value": "8123456789012345"}


def parsed(intent: str, entities: List[Dict[str, Any]]) -> Message:
    ranking = [
        (intent, 0.4),
        ("ask_dispute_steps", 0.22),
        ("check_deadlines", 0.19),
        ("report_not_received", 0.1),
    ]
    return classified("a long message with several facts", ranking, entities)


@pytest.mark.parametrize(
    "entities, intent",
    [
        ([NEVER_CAME, DISPUTE_DATE], "check_deadlines"),
        ([ORDER_DATE, NEVER_CAME], "report_not_received"),
        ([ORDER_DATE], "inform"),
        (
            [{"entity": "date", "value": "since Tuesday", "role": "seller_silent"}],
            "report_seller_unresponsive",
        ),
        ([ORDER_NUMBER], "inform"),
    ],
)
def test_the_weightiest_fact_gives_the_intent(entities, intent):
    message = parsed("nlu_fallback", entities)
    read_facts(message)
    assert message.get("intent")["name"] == intent
    ranking = [ranked["name"] for ranked in message.get("intent_ranking")]
    assert ranking[0] == intent and ranking[-1] == "nlu_fallback"
    assert len(ranking) == len(set(ranking))


def test_a_step_said_as_done_continues_the_steps():
    message = parsed("nlu_fallback", [])
    message.set("text", "ok i signed in to my account, what comes next")
    read_facts(message)
    assert message.get("intent")["name"] == "next_step"


def test_the_chosen_intent_keeps_the_classifiers_confidence():
    message = parsed("nlu_fallback", [DISPUTE_DATE])
    read_facts(message)
    assert message.get("intent") == {"name": "check_deadlines", "confidence": 0.19}


def test_a_span_in_a_rule_question_is_not_a_fact():
    message = parsed("nlu_fallback", [{"entity": "date", "value": "15 days", "role": "rule"}])
    read_facts(message)
    assert message.get("intent")["name"] == "nlu_fallback"


def test_without_facts_the_fallback_stays():
    message = parsed("nlu_fallback", [{"entity": "product", "value": "lamp"}])
    read_facts(message)
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_confident_intent_is_left_alone():
    message = parsed("ask_dispute_steps", [NEVER_CAME, DISPUTE_DATE])
    read_facts(message)
    assert message.get("intent")["name"] == "ask_dispute_steps"


def with_answer(message: Message, confidence: float) -> Message:
    message.set(
        "response_selector",
        {"faq": {"response": {"confidence": confidence, "intent_response_key": "faq/x"}}},
    )
    return message


def test_a_question_the_response_selector_is_sure_of_gets_its_answer():
    message = with_answer(parsed("nlu_fallback", [NEVER_CAME]), confidence=0.95)
    read_facts(message, sure_answer=0.9)
    assert message.get("intent")["name"] == "faq"


def test_an_answer_it_is_unsure_of_leaves_the_facts_to_decide():
    message = with_answer(parsed("nlu_fallback", [NEVER_CAME]), confidence=0.6)
    read_facts(message, sure_answer=0.9)
    assert message.get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize(
    "text", ["bonjour, c'est pour mon père, il préfère écrire lui-même", "hi there, long story"]
)
def test_a_greeting_it_opens_with_is_a_greeting(text):
    message = classified(text, [("nlu_fallback", 0.2), ("greet", 0.2)])
    read_facts(message)
    assert message.get("intent")["name"] == "greet"


def test_gibberish_after_no_greeting_stays_the_fallback():
    message = classified("asdkjh qwe hi", [("nlu_fallback", 0.2), ("greet", 0.2)])
    read_facts(message)
    assert message.get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["a swieta? bo zaraz grudzien", "and holidays?", "а праздники?"])
def test_a_short_and_what_about_is_a_follow_up(text):
    message = classified(text, [("nlu_fallback", 0.2), ("thank", 0.2)])
    read_facts(message)
    assert message.get("intent")["name"] == "ask_follow_up"
