"""addons/nlu/question_not_yes.py: a question of several words is not a "yes" or a "no"."""

import pytest

from addons.nlu.question_not_yes import read_question
from tests.addons.nlu.classified import classified


@pytest.mark.parametrize(
    "text", ["y si no contesta cuando escalo?", "no, but what happens after that?"]
)
def test_a_question_takes_the_next_intent(text):
    message = classified(text, [("affirm", 0.36), ("faq", 0.3), ("check_deadlines", 0.12)])
    read_question(message, min_words=4)
    assert message.get("intent")["name"] == "faq"


@pytest.mark.parametrize("text", ["yes please", "yes? what now", "sí, la abrí el lunes"])
def test_a_short_or_unasking_answer_stays(text):
    message = classified(text, [("affirm", 0.6), ("faq", 0.3)])
    read_question(message, min_words=4)
    assert message.get("intent")["name"] == "affirm"
