"""addons/nlu/step_told.py: a step the buyer says they reached continues the steps."""

import pytest

from addons.nlu.step_told import read_step
from tests.addons.nlu.classified import classified


def parsed(intent, text, answer=None, answer_confidence=0.9, complaint=None):
    selected = {"intent_response_key": answer, "confidence": answer_confidence} if answer else None
    entities = [{"entity": "complaint", "value": complaint}] if complaint else []
    message = classified(text, [(intent, 0.4), ("next_step", 0.1)], entities, selected)
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


def test_other_intents_are_left_alone():
    assert parsed("ask_escalation", "I'm logged in, what now") == "ask_escalation"


def test_a_question_with_a_sure_answer_keeps_it():
    text = "I'm logged in, will the money go to my card?"
    assert parsed("faq", text, "faq/refund_method") == "faq"


def test_a_question_without_a_sure_answer_about_a_step_gets_that_step():
    text = "what am I supposed to write in the dispute form?"
    assert parsed("faq", text, "faq/what_is_a_dispute", answer_confidence=0.24) == "next_step"


def test_a_complaint_said_with_a_step_keeps_the_complaint():
    text = "I'm logged in but the lamp arrived broken"
    assert parsed("report_defective", text, complaint="defective") == "report_defective"


def test_a_complaint_intent_without_complaint_words_is_the_step():
    text = "submitted. it errored out on Monday, so today is the real one"
    assert parsed("report_defective", text) == "next_step"


def test_a_silent_seller_said_with_a_step_stays():
    text = "submitted it days ago and the seller still hasn't answered"
    assert parsed("report_seller_unresponsive", text) == "report_seller_unresponsive"


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


@pytest.mark.parametrize(
    "text",
    [
        "wait, go back a bit, I think I clicked the wrong order",
        "espera, volta um pouquinho, acho que cliquei no pedido errado",
        "espera, vuelve atrás, creo que elegí el pedido equivocado",
        "attends, reviens en arrière, j'ai cliqué sur la mauvaise commande",
        "стоп, вернись на шаг назад, я не тот заказ выбрал",
        "czekaj, cofnij, kliknąłem złe zamówienie",
    ],
)
def test_going_back_wins_over_the_step_the_words_name(text):
    assert parsed("next_step", text) == "previous_step"


@pytest.mark.parametrize(
    "text",
    [
        "I want my money back",
        "will the refund go back on my visa or into some aliexpress credit thing",
        "quero meu dinheiro de volta",
        "abrí la disputa hace 3 días atrás",
        "я открыл спор 3 дня назад",
        "sprzedawca ma mi zwrócić pieniądze",
        "can I go back to the seller and ask for a refund instead?",
    ],
)
def test_other_backs_are_no_step_back(text):
    assert parsed("request_refund", text) == "request_refund"


@pytest.mark.parametrize(
    "text", ["e se ele continuar mudo até la?", "and what if he carries on ignoring me?"]
)
def test_a_supposition_read_as_the_next_step_is_a_follow_up(text):
    assert parsed("next_step", text) == "ask_follow_up"


def test_a_step_command_stays_a_step():
    assert parsed("next_step", "ok continue") == "next_step"
