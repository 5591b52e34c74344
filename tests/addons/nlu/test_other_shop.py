"""addons/nlu/other_shop.py: a question about another marketplace is out of scope."""

import pytest

from addons.nlu.other_shop import read_other_shop
from tests.addons.nlu.classified import classified


@pytest.mark.parametrize(
    "text, intent",
    [
        ("does amazon refund you without sending the item back", "faq"),
        ("comment je fais un retour sur amazon ?", "ask_return_process"),
        ("como faço reclamação na shopee?", "ask_dispute_steps"),
        ("como rastreio um pedido da shopee?", "nlu_fallback"),
    ],
)
def test_a_question_about_another_shop_is_out_of_scope(text, intent):
    message = classified(text, [(intent, 0.6), ("out_of_scope", 0.1)])
    read_other_shop(message)
    assert message.get("intent") == {"name": "out_of_scope", "confidence": 0.6}


@pytest.mark.parametrize(
    "text, intent",
    [
        ("the charger is a cheap copy of the one on amazon, it doesnt work", "report_defective"),
        ("is aliexpress like amazon, do they refund without a return?", "faq"),  # AliExpress too
        ("spór otwarty 3 dni temu, ile dni zostało sprzedawcy?", "check_deadlines"),  # "ago"
        ("how do I return something?", "ask_return_process"),
    ],
)
def test_our_own_questions_and_complaints_stay(text, intent):
    message = classified(text, [(intent, 0.6), ("out_of_scope", 0.1)])
    read_other_shop(message)
    assert message.get("intent")["name"] == intent
