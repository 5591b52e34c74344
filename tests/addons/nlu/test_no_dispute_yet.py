"""addons/nlu/no_dispute_yet.py: "there is no dispute yet" gets the steps, whatever the
intent classifier said."""

import pytest

from addons.nlu.no_dispute_yet import read_no_dispute, says_no_dispute_yet
from tests.addons.nlu.classified import classified


@pytest.mark.parametrize(
    "text",
    [
        "i havent opened a dispute",
        "We did not open any dispute, my husband only phoned the shop",
        "nope, never filed one",
        "I have not started a claim",
        "there's no dispute, he just keeps promising",
        "the dispute isn't opened yet",
        "i not make dispute",
        "Haven’t raised anything yet",
        "no, todavía no abrí la disputa, solo le escribí al vendedor",
        "ainda não abri disputa nenhuma",
        "je n'ai pas encore ouvert de litige",
        "non j'ai jamais ouvert de litige, je savais pas que ça existait",  # "ne" dropped
        "nunca abrí una disputa",
        "nunca abri nenhuma disputa",
        "не, спор пока не открывала",
        "nie otworzyłam jeszcze sporu",
    ],
)
def test_saying_there_is_no_dispute(text):
    assert says_no_dispute_yet(text)


@pytest.mark.parametrize(
    "text",
    [
        "I opened a dispute on Monday",
        "the seller hasn't answered my dispute",
        "I haven't opened the parcel yet",
        "I haven't received my refund",
        "where's the Open Dispute button?",
        "no, it was the 12th",
        "my dispute is still open",
        "there's no dispute button on my order",
        "abrí la disputa hace 3 días",
        "спор открыла 26 ноября, продавец молчит",
        "j'ai ouvert un litige lundi",
    ],
)
def test_other_messages_are_not_read_as_no_dispute(text):
    assert not says_no_dispute_yet(text)


def parsed(text, entities=()):
    return classified(text, [("deny", 0.6), ("ask_dispute_steps", 0.3)], entities)


def test_the_intent_becomes_the_steps():
    message = parsed("no i never opened one")
    read_no_dispute(message)
    assert message.get("intent") == {"name": "ask_dispute_steps", "confidence": 0.3}
    assert [r["name"] for r in message.get("intent_ranking")] == ["ask_dispute_steps", "deny"]


def test_a_dispute_date_in_the_message_wins():
    opened = {"entity": "date", "value": "Monday", "role": "dispute_opened"}
    message = parsed("I didn't open it on Friday, I opened the dispute on Monday", [opened])
    read_no_dispute(message)
    assert message.get("intent")["name"] == "deny"


def test_the_steps_already_chosen_are_left_as_they_are():
    message = parsed("i never opened one")
    message.set("intent", {"name": "ask_dispute_steps", "confidence": 0.8})
    message.set("intent_ranking", [{"name": "ask_dispute_steps", "confidence": 0.8}])
    read_no_dispute(message)
    assert message.get("intent_ranking") == [{"name": "ask_dispute_steps", "confidence": 0.8}]


def test_a_question_about_the_rules_is_answered():
    message = parsed("no dispute yet. how many days do they get once i do open one?")
    message.set("intent", {"name": "faq", "confidence": 0.7})
    read_no_dispute(message)
    assert message.get("intent")["name"] == "faq"


def test_a_faq_reading_that_asks_nothing_still_gets_the_steps():
    message = parsed("haven't even opened a dispute yet tbh, I was hoping they'd just sort it")
    message.set("intent", {"name": "faq", "confidence": 0.7})
    message.set("intent_ranking", [{"name": "faq", "confidence": 0.7}])
    read_no_dispute(message)
    assert message.get("intent")["name"] == "ask_dispute_steps"


def with_answer(message, confidence):
    message.set("response_selector", {"faq": {"response": {"confidence": confidence}}})
    return message


def test_a_question_with_faq_close_behind_and_an_answer_is_answered():
    message = parsed("no dispute yet. how many days do they get once i do open one")
    message.set("intent", {"name": "ask_dispute_steps", "confidence": 0.65})
    message.set(
        "intent_ranking",
        [{"name": "ask_dispute_steps", "confidence": 0.65}, {"name": "faq", "confidence": 0.35}],
    )
    read_no_dispute(with_answer(message, 0.57))
    assert message.get("intent")["name"] == "faq"


def test_asking_for_the_steps_gets_the_steps():
    message = parsed("I haven't opened a dispute yet, how do I open one?")
    message.set(
        "intent_ranking",
        [{"name": "deny", "confidence": 0.6}, {"name": "faq", "confidence": 0.02}],
    )
    read_no_dispute(with_answer(message, 0.19))
    assert message.get("intent")["name"] == "ask_dispute_steps"


def test_a_question_that_says_nothing_of_a_dispute_keeps_its_intent():
    # faq close behind with a sure answer, but no "no dispute yet": the classifier's reading stands
    message = classified(
        "il reste combien de jours au vendeur ?",
        [("check_deadlines", 0.64), ("faq", 0.35)],
        answer={"intent_response_key": "faq/seller_response_window", "confidence": 0.89},
    )
    read_no_dispute(message)
    assert message.get("intent")["name"] == "check_deadlines"
