"""addons/nlu/dispute_date_told.py: a dispute date told with a status or steps question is a
question about the deadlines."""

import pytest

from addons.nlu.dispute_date_told import read_dispute_date
from tests.addons.nlu.classified import classified


def parsed(intent, role, text="..."):
    date = {"entity": "date", "value": "26/11", "role": role}
    message = classified(text, [(intent, 0.7), ("check_deadlines", 0.2)], [date])
    read_dispute_date(message)
    return message.get("intent")["name"]


@pytest.mark.parametrize(
    "intent", ["ask_dispute_status", "ask_dispute_steps", "ask_follow_up", "thank", "affirm"]
)
def test_a_dispute_date_makes_it_a_deadline_question(intent):
    assert parsed(intent, "dispute_opened") == "check_deadlines"


@pytest.mark.parametrize("role", ["ordered", "seller_silent", "rule", None])
def test_other_dates_leave_the_intent(role):
    assert parsed("ask_dispute_status", role) == "ask_dispute_status"


def test_a_rule_question_that_asks_nothing_is_a_date_told():
    text = "put in a dispute about two weeks back for a cracked mirror"
    assert parsed("faq", "dispute_opened", text) == "check_deadlines"


@pytest.mark.parametrize(
    "text", ["opened it Monday, will the money go to my card?", "I opened it Monday. what now"]
)
def test_a_question_keeps_its_answer(text):
    assert parsed("faq", "dispute_opened", text) == "faq"


@pytest.mark.parametrize(
    "intent", ["report_not_received", "ask_escalation", "request_human", "accept_reminders"]
)
def test_other_intents_are_left_alone(intent):
    assert parsed(intent, "dispute_opened") == intent


@pytest.mark.parametrize("role, intent", [(None, "inform"), ("ordered", "check_deadlines")])
def test_a_deadline_question_with_a_date_of_no_role_confirms_it(role, intent):
    assert parsed("check_deadlines", role) == intent
