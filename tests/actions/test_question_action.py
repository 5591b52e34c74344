"""action_answer_question: the ResponseSelector's answer, with what the case already says."""

from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet

from actions.questions import ActionAnswerQuestion

NLU_DATA = Path(__file__).parents[2] / "data" / "nlu"
OPENED = {"entity": "date", "value": "on the 12th", "role": "dispute_opened"}


def asked(make_tracker, answer, entities=(), slots=None, active_loop=None):
    tracker = make_tracker("faq", list(entities), slots=slots or {}, active_loop=active_loop)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"utter_action": answer, "confidence": 0.9}}
    }
    return tracker


async def run(tracker, dispatcher, domain):
    return await ActionAnswerQuestion().run(dispatcher, tracker, domain)


def test_every_answer_in_the_data_has_a_response(domain):
    keys = {
        item["intent"]
        for path in NLU_DATA.glob("*.yml")
        for item in yaml.safe_load(path.read_text()).get("nlu", [])
        if item.get("intent", "").startswith("faq/")
    }
    assert keys and all(f"utter_{key}" in domain["responses"] for key in keys)


async def test_the_selected_answer_is_sent(make_tracker, dispatcher, domain, sent):
    tracker = asked(make_tracker, "utter_faq/evidence")
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_faq/evidence"]


@pytest.mark.parametrize(
    "answer", ["utter_faq/seller_response_window", "utter_faq/escalation_rule"]
)
async def test_a_deadline_question_with_a_known_date_gets_the_buyers_dates(
    answer, make_tracker, dispatcher, domain, sent
):
    tracker = asked(make_tracker, answer, slots={"dispute_date": "2026-11-20"})
    assert await run(tracker, dispatcher, domain) == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == []


@pytest.mark.parametrize(
    "opened, said",
    [
        (None, ["utter_faq/escalation_button_three_days"]),
        ("2026-11-20", ["utter_standing_escalation_later", "utter_escalation_button_caveat"]),
        ("2026-11-10", ["utter_standing_escalation_available", "utter_escalation_button_caveat"]),
    ],
)
async def test_when_the_escalate_button_shows_up_gets_the_buyers_day_once_known(
    opened, said, make_tracker, dispatcher, domain, sent
):
    tracker = asked(
        make_tracker, "utter_faq/escalation_button_three_days", slots={"dispute_date": opened}
    )
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == said
    if opened == "2026-11-20":
        assert dispatcher.messages[0]["escalation_from"] == "Saturday 5 December"


async def test_a_question_told_with_the_dispute_date_is_answered_then_the_standing(
    make_tracker, dispatcher, domain, sent
):
    tracker = asked(
        make_tracker, "utter_faq/dispute_rejected", [OPENED], slots={"dispute_date": "2026-11-12"}
    )
    assert await run(tracker, dispatcher, domain) == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == ["utter_faq/dispute_rejected"]


async def test_while_asked_for_the_date_only_the_answer(make_tracker, dispatcher, domain, sent):
    tracker = asked(
        make_tracker,
        "utter_faq/seller_response_window",
        slots={"dispute_date": "2026-11-20"},
        active_loop={"name": "deadline_form"},
    )
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_faq/seller_response_window"]


async def test_no_dispute_yet_while_asked_for_the_date_ends_the_question(
    make_tracker, dispatcher, domain, sent
):
    tracker = asked(
        make_tracker, "utter_faq/seller_response_window", active_loop={"name": "deadline_form"}
    )
    tracker.latest_message["text"] = "no dispute yet. how many days will the seller get?"
    assert await run(tracker, dispatcher, domain) == [
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        FollowupAction("action_listen"),
    ]
    assert sent(dispatcher) == ["utter_faq/seller_response_window"]


@pytest.mark.parametrize("answer", [None, "utter_greet"])
async def test_without_an_answer_the_buyer_is_asked_to_rephrase(
    answer, make_tracker, dispatcher, domain, sent
):
    tracker = asked(make_tracker, answer)
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_please_rephrase"]


async def test_a_complaint_told_with_the_question_is_acknowledged_first(
    make_tracker, dispatcher, domain, sent
):
    glue = {"entity": "complaint", "value": "defective"}
    tracker = asked(make_tracker, "utter_faq/evidence", [glue])
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_noted_complaint_defective", "utter_faq/evidence"]


@pytest.mark.parametrize(
    "answer, named",
    [
        ("utter_faq/keep_wrong_size", "not_as_described"),
        ("utter_faq/marked_delivered", "defective"),
    ],
)
async def test_an_answer_about_another_complaint_gives_the_named_ones_guidance(
    answer, named, make_tracker, dispatcher, domain, sent
):
    complaint = {"entity": "complaint", "value": named}
    tracker = asked(make_tracker, answer, [complaint])
    assert await run(tracker, dispatcher, domain) == [FollowupAction("action_explain_complaint")]
    assert sent(dispatcher) == []


async def test_an_answer_about_the_complaint_named_is_given(make_tracker, dispatcher, domain, sent):
    too_small = {"entity": "complaint", "value": "wrong_size"}
    tracker = asked(make_tracker, "utter_faq/keep_wrong_size", [too_small])
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_noted_complaint_wrong_size", "utter_faq/keep_wrong_size"]


@pytest.mark.parametrize(
    "text, then",
    [
        ("actually, can you cancel them? I'll keep track of it myself", "cancelled"),
        ("the seller asks me to cancel the dispute", None),
    ],
)
async def test_cancel_them_with_reminders_set_is_about_the_reminders(
    text, then, make_tracker, dispatcher, domain, ev, sent
):
    events = [
        ev.action("action_listen"),
        ev.user("accept_reminders"),
        {"event": "reminder", "timestamp": None, "name": "seller_window_closed:buyer-1"},
        ev.action("action_listen"),
        ev.user("faq", text=text),
    ]
    tracker = make_tracker("faq", events=events, text=text)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"utter_action": "utter_faq/seller_asks_cancel", "confidence": 0.9}}
    }
    events = await run(tracker, dispatcher, domain)
    if then:
        assert [e["event"] for e in events] == ["cancel_reminder", "cancel_reminder"]
        assert sent(dispatcher) == ["utter_reminders_cancelled"]
    else:
        assert sent(dispatcher) == ["utter_faq/seller_asks_cancel"]


async def test_a_question_told_with_a_date_of_nothing_asks_for_the_disputes(
    make_tracker, dispatcher, domain, sent
):
    # "sprawa jest od 18 listopada a sprzedawca nie odpowiada. kiedy dostanę pieniądze?"
    said = {"entity": "date", "value": "od 18 listopada"}
    tracker = asked(make_tracker, "utter_faq/refund_time", [said])
    assert await run(tracker, dispatcher, domain) == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == ["utter_faq/refund_time"]

    ordered = dict(said, role="ordered")  # a date said for something else: the answer alone
    dispatcher.messages.clear()
    tracker = asked(make_tracker, "utter_faq/refund_time", [ordered])
    assert await run(tracker, dispatcher, domain) == []


async def test_days_of_the_week_in_a_question_about_weekends_are_not_a_date(
    make_tracker, dispatcher, domain, sent
):
    # "czy do tych 5 dni dla sprzedawcy licza sie soboty i niedziele?"
    said = {"entity": "date", "value": "niedziele"}
    tracker = asked(make_tracker, "utter_faq/weekends", [said])
    assert await run(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_faq/weekends"]
