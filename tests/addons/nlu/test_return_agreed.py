"""addons/nlu/return_agreed.py: a return the seller agreed to gets how the return goes."""

import pytest

from addons.nlu.return_agreed import read_return_agreed
from tests.addons.nlu.classified import classified


def parsed(intent, text, answer=None, answer_confidence=0.9):
    selected = {"intent_response_key": answer, "confidence": answer_confidence} if answer else None
    complaint = [{"entity": "complaint", "value": "defective"}]
    message = classified(text, [(intent, 0.6), ("ask_return_process", 0.1)], complaint, selected)
    read_return_agreed(message)
    return message


@pytest.mark.parametrize(
    "intent, text",
    [
        (
            "report_defective",
            "пылесос пришел с трещиной, продавец согласился на возврат, что дальше",
        ),
        ("faq", "a lâmpada chegou quebrada e o vendedor aceitou a devolução, e agora?"),
        ("faq", "lampa przyszła zepsuta, sprzedawca zgodził się na zwrot, co teraz?"),
        ("report_wrong_size", "my shoes are too small, the seller accepted the return, what next"),
    ],
)
def test_an_agreed_return_gets_the_return_process(intent, text):
    message = parsed(intent, text)
    assert message.get("intent")["name"] == "ask_return_process"
    assert message.get("entities") == [{"entity": "complaint", "value": "defective"}]  # kept


def test_an_answer_the_selector_is_not_sure_of_gives_way():
    text = "the lamp arrived broken and the seller agreed to a return, what do I do now?"
    message = parsed("faq", text, "faq/must_send_back", answer_confidence=0.31)
    assert message.get("intent")["name"] == "ask_return_process"


def test_a_rejected_dispute_is_not_what_an_agreed_return_means():
    text = "lampa przyszła zepsuta, sprzedawca zgodził się na zwrot, co teraz?"
    message = parsed("faq", text, "faq/dispute_rejected", answer_confidence=0.46)
    assert message.get("intent")["name"] == "ask_return_process"


@pytest.mark.parametrize(
    "intent, text, answer",
    [
        ("faq", "the seller agreed to a return, who pays the postage?", "faq/return_shipping_cost"),
        ("request_human", "the seller accepted the return but I want a person", None),
        ("faq", "the seller agreed to return my money but nothing came", "faq/finished_no_money"),
        ("report_defective", "it came broken, I want to return it", None),
    ],
)
def test_otherwise_the_intent_stays(intent, text, answer):
    assert parsed(intent, text, answer).get("intent")["name"] == intent
