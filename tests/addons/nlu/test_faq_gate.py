"""addons/nlu/faq_gate.py: `faq` stays only when the ResponseSelector found a fitting answer."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import (
    answer_first,
    complaint_over_doubt,
    gate,
    partial_order_answered,
    supposition_answered,
)
from tests.addons.nlu.classified import classified


def parsed(answer_confidence: float, faq: float = 0.8) -> Message:
    second = (1 - faq) * 0.75
    ranking = [
        ("faq", faq),
        ("report_not_as_described", second),
        ("report_defective", 1 - faq - second),
    ]
    answer = {"confidence": answer_confidence, "utter_action": "utter_faq/x"}
    return classified("ordered a cable, got a toy car instead", ranking, answer=answer)


def test_no_fitting_answer_gives_the_next_intent_its_share():
    message = parsed(answer_confidence=0.1)

    gate(message, threshold=0.2)

    intent = message.get("intent")
    assert intent["name"] == "report_not_as_described"
    assert abs(intent["confidence"] - 0.75) < 1e-9
    names = [ranked["name"] for ranked in message.get("intent_ranking")]
    assert names == ["report_not_as_described", "report_defective", "faq"]


def test_a_fitting_answer_keeps_faq():
    message = parsed(answer_confidence=0.9)

    gate(message, threshold=0.2)

    assert message.get("intent") == {"name": "faq", "confidence": 0.8}


def test_other_intents_are_left_alone():
    message = parsed(answer_confidence=0.0)
    message.set("intent", {"name": "greet", "confidence": 0.9})

    gate(message, threshold=0.2)

    assert message.get("intent") == {"name": "greet", "confidence": 0.9}


def test_a_doubtful_answer_gives_way_to_a_real_second_choice():
    message = parsed(answer_confidence=0.3, faq=0.56)

    gate(message, threshold=0.2, doubtful=0.35, runner_up=0.2)

    assert message.get("intent")["name"] == "report_not_as_described"


def test_a_doubtful_answer_stays_when_the_classifier_had_no_second_choice():
    message = parsed(answer_confidence=0.3, faq=0.89)

    gate(message, threshold=0.2, doubtful=0.35, runner_up=0.2)

    assert message.get("intent") == {"name": "faq", "confidence": 0.89}


def _behind(text, intent, faq, answer):
    return classified(
        text,
        [(intent, 1 - faq), ("faq", faq)],
        answer={"intent_response_key": "faq/return_address", "confidence": answer},
    )


def test_a_question_with_faq_close_behind_and_a_sure_answer_is_answered():
    message = _behind("and if they want it back, where do I send it?", "ask_follow_up", 0.3, 0.9)
    answer_first(message, close_behind=0.25, answer_found=0.5)
    assert message.get("intent") == {"name": "faq", "confidence": 0.3}


@pytest.mark.parametrize(
    "text, intent, faq, answer",
    [
        ("il reste combien de jours au vendeur ?", "check_deadlines", 0.35, 0.89),  # own case
        ("where do I send it?", "ask_follow_up", 0.2, 0.9),  # faq not close
        ("where do I send it?", "ask_follow_up", 0.3, 0.4),  # no sure answer
        ("they want it back, I send it to the address", "inform", 0.3, 0.9),  # no question
    ],
)
def test_otherwise_the_intent_stays(text, intent, faq, answer):
    message = _behind(text, intent, faq, answer)
    answer_first(message, close_behind=0.25, answer_found=0.5)
    assert message.get("intent")["name"] == intent


def test_small_talk_is_not_answered_with_a_rule():
    message = _behind("e ai, tudo certo?", "greet", 0.3, 0.42)
    answer_first(message, close_behind=0.25, answer_found=0.4)
    assert message.get("intent")["name"] == "greet"


def test_a_message_that_asks_nothing_gives_way_to_a_real_second_choice():
    message = classified(
        "the vendor is ignoring my dispute completely",
        [("faq", 0.63), ("report_seller_unresponsive", 0.27)],
        answer={"intent_response_key": "faq/seller_response_window", "confidence": 0.64},
    )
    gate(message, threshold=0.2, doubtful=0.35, runner_up=0.2, doubtful_unasked=0.7)
    assert message.get("intent")["name"] == "report_seller_unresponsive"


@pytest.mark.parametrize(
    "text, ranking, answer",
    [
        ("still no return address from the seller", [("faq", 0.99), ("x", 0.004)], 0.6),
        (
            "tracking says delivered but i never got anything",
            [("faq", 0.6), ("report_not_received", 0.35)],
            0.85,
        ),
    ],
)
def test_a_message_that_asks_nothing_stays_faq_with_a_sure_answer_or_no_second_choice(
    text, ranking, answer
):
    message = classified(
        text, ranking, answer={"intent_response_key": "faq/x", "confidence": answer}
    )
    gate(message, threshold=0.2, doubtful=0.35, runner_up=0.2, doubtful_unasked=0.7)
    assert message.get("intent")["name"] == "faq"


def test_the_steps_are_not_answered_with_a_rule():
    message = _behind("where is the Open Dispute button?", "ask_dispute_steps", 0.26, 0.46)
    answer_first(message, close_behind=0.25, answer_found=0.4)
    assert message.get("intent")["name"] == "ask_dispute_steps"


def _reported(text, answer):
    return classified(
        text,
        [("report_seller_unresponsive", 0.62), ("faq", 0.05), ("ask_follow_up", 0.33)],
        answer={"intent_response_key": "faq/seller_response_window", "confidence": answer},
    )


def test_a_supposition_about_the_sellers_silence_gets_the_rule():
    message = _reported("a jeśli sprzedawca nie odpisze?", 0.89)
    supposition_answered(message, threshold=0.35)
    assert message.get("intent") == {"name": "faq", "confidence": 0.62}


@pytest.mark.parametrize(
    "text, answer",
    [
        ("sprzedawca nie odpisuje od tygodnia", 0.89),  # tells
        ("a jeśli sprzedawca nie odpisze?", 0.1),  # no answer fits
        ("et si le vendeur calcule pas ?", 0.22),  # an answer FaqGate doubts
    ],
)
def test_a_report_of_silence_stays(text, answer):
    message = _reported(text, answer)
    supposition_answered(message, threshold=0.35)
    assert message.get("intent")["name"] == "report_seller_unresponsive"


def _complained(text, intent, answer_key, answer):
    return classified(
        text,
        [(intent, 0.74), ("faq", 0.1), ("report_not_as_described", 0.16)],
        answer={"intent_response_key": answer_key, "confidence": answer},
    )


def test_fewer_items_than_ordered_is_a_partial_order():
    message = _complained(
        "pedi 3 camisetas e só chegou 1", "report_wrong_size", "faq/partial_order", 0.97
    )
    partial_order_answered(message, answer_found=0.4)
    assert message.get("intent") == {"name": "faq", "confidence": 0.74}


@pytest.mark.parametrize(
    "text, intent, answer_key, answer",
    [
        ("pedi M e veio GG", "report_wrong_size", "faq/partial_order", 0.84),  # no counts
        ("pedi 3 camisetas e só chegou 1", "report_wrong_size", "faq/partial_order", 0.3),
        ("pedi 3 camisetas e só chegou 1", "report_wrong_size", "faq/keep_wrong_size", 0.9),
        (
            "ordered 3 cables and only 1 came, how do I open a dispute?",
            "ask_dispute_steps",
            "faq/partial_order",
            0.9,
        ),  # the steps asked for
    ],
)
def test_a_complaint_stays_without_the_counts_or_the_answer(text, intent, answer_key, answer):
    message = _complained(text, intent, answer_key, answer)
    partial_order_answered(message, answer_found=0.4)
    assert message.get("intent")["name"] == intent


NOTED = [{"entity": "complaint", "value": "defective"}]


def test_a_doubted_answer_said_with_a_complaint_is_the_complaint():
    message = classified(
        "the lid split right down the middle. How do I get my money back for it?",
        [("faq", 0.4), ("check_deadlines", 0.1), ("report_defective", 0.1)],
        NOTED,
        answer={"intent_response_key": "faq/refund_time", "confidence": 0.24},
    )
    complaint_over_doubt(message, doubtful=0.35)
    assert message.get("intent") == {"name": "report_defective", "confidence": 0.4}


@pytest.mark.parametrize(
    "entities, answer",
    [
        (NOTED, 0.9),  # a sure answer: "it came broken, who pays the return shipping?"
        ([], 0.24),  # nothing told
    ],
)
def test_a_question_stays_with_a_sure_answer_or_no_complaint(entities, answer):
    message = classified(
        "it came broken, who pays the return shipping?",
        [("faq", 0.6), ("report_defective", 0.3)],
        entities,
        answer={"intent_response_key": "faq/return_shipping_cost", "confidence": answer},
    )
    complaint_over_doubt(message, doubtful=0.35)
    assert message.get("intent")["name"] == "faq"
