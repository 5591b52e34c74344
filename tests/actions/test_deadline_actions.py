"""validate_deadline_form and action_check_deadlines, with today pinned to Sat 28 Nov 2026."""

import pytest
from rasa_sdk.events import SlotSet

from actions.deadlines import ActionAskDisputeDate, ActionCheckDeadlines, ValidateDeadlineForm
from refund_rules.deadlines import DateProblem, SellerWindow


def test_names():
    assert ValidateDeadlineForm().name() == "validate_deadline_form"
    assert ValidateDeadlineForm().form_name() == "deadline_form"
    assert ActionCheckDeadlines().name() == "action_check_deadlines"


def test_every_response_the_deadline_actions_can_send_exists(domain):
    from actions.deadlines import _PROBLEM_RESPONSES

    names = (
        set(_PROBLEM_RESPONSES.values())
        | {f"utter_standing_seller_window_{w.value}" for w in SellerWindow}
        | {
            "utter_dispute_date_unreadable",
            "utter_ask_dispute_date",
            "utter_standing_escalation_available",
            "utter_standing_escalation_later",
            "utter_escalation_button_caveat",
        }
    )
    assert set(_PROBLEM_RESPONSES) == set(DateProblem)
    assert names <= set(domain["responses"])


# --- validate_deadline_form -------------------------------------------------------------


def validate(value, tracker, dispatcher, domain):
    return ValidateDeadlineForm().validate_dispute_date(value, dispatcher, tracker, domain)


@pytest.mark.parametrize(
    "said, stored",
    [
        ("2 days ago", "2026-11-26"),
        ("today", "2026-11-28"),
        ("I opened it last Monday", "2026-11-23"),
        ("on November 20", "2026-11-20"),
        ("20/11/2026", "2026-11-20"),
        ("2026-11-20", "2026-11-20"),
        ("28/11/2025", "2025-11-28"),  # exactly 365 days back is still fine
    ],
)
def test_a_good_date_is_stored_as_iso(said, stored, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker(
        "inform", slots={"dispute_date": said}, active_loop={"name": "deadline_form"}
    )

    assert validate(said, tracker, dispatcher, domain) == {"dispute_date": stored}
    assert sent(dispatcher) == []


def test_a_rule_question_is_answered_not_taken_as_the_date(make_tracker, dispatcher, domain, sent):
    said = "huh. so what's the 15 days thing about then"
    span = {"entity": "date", "value": "15 days", "role": "rule"}
    tracker = make_tracker(
        "inform", [span], slots={"dispute_date": said}, active_loop={"name": "deadline_form"}
    )

    assert validate(said, tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_deadline_rules"]


@pytest.mark.parametrize("said", ["banana", "I don't remember"])
def test_an_unreadable_date_is_refused(said, make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker(
        "inform", slots={"dispute_date": said}, active_loop={"name": "deadline_form"}
    )

    assert validate(said, tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_dispute_date_unreadable"]
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "Sorry, I couldn't work out a date from that."
    )


@pytest.mark.parametrize(
    "said, response, shown",
    [
        ("a few days ago", "utter_dispute_date_vague", "I need the day itself"),
        ("the other day", "utter_dispute_date_vague", "I need the day itself"),
        ("last month", "utter_dispute_date_vague", "I need the day itself"),
        ("December 10", "utter_dispute_date_upcoming", "Thursday 10 December is still to come"),
        ("11/10", "utter_dispute_date_ambiguous", "'11/10' can be read two ways"),
    ],
)
def test_a_date_in_doubt_is_asked_about(
    said, response, shown, make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker(
        "inform", slots={"dispute_date": said}, active_loop={"name": "deadline_form"}
    )

    assert validate(said, tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == [response]
    assert shown in render(dispatcher.messages[0], tracker)["text"]


def test_a_future_date_is_refused(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "tomorrow"})

    assert validate("tomorrow", tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_dispute_date_in_future"]
    message = dispatcher.messages[0]
    assert (message["date"], message["order_date"]) == ("Sunday 29 November", "")
    assert render(message, tracker)["text"] == (
        "Sunday 29 November is still in the future, so the dispute can't have been opened then."
    )


def test_a_date_before_the_order_is_refused(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker(
        "inform", slots={"dispute_date": "November 18", "order_date": "2026-11-20"}
    )

    assert validate("November 18", tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_dispute_date_before_order"]
    message = dispatcher.messages[0]
    assert (message["date"], message["order_date"]) == (
        "Wednesday 18 November",
        "Friday 20 November",
    )
    assert render(message, tracker)["text"] == (
        "Wednesday 18 November is before you placed the order (Friday 20 November), so it "
        "can't be when the dispute was opened."
    )


async def test_the_order_date_in_buyer_words_is_understood_too(extracted, dispatcher, domain, sent):
    # order_date as said with a request_refund, stored by action_validate_slot_mappings
    tracker = await extracted("inform", slots={"order_date": "a week ago"})

    assert validate("10 days ago", tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_dispute_date_before_order"]


def test_the_same_day_as_the_order_is_fine(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("inform", slots={"order_date": "2026-11-20"})

    assert validate("November 20", tracker, dispatcher, domain) == {"dispute_date": "2026-11-20"}
    assert sent(dispatcher) == []


def test_a_date_over_a_year_back_is_refused(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "20/11/2025"})

    assert validate("20/11/2025", tracker, dispatcher, domain) == {"dispute_date": None}
    assert sent(dispatcher) == ["utter_dispute_date_too_old"]
    message = dispatcher.messages[0]
    assert message["date"] == "Thursday 20 November 2025"  # another year: the year is shown
    assert render(message, tracker)["text"] == (
        "Thursday 20 November 2025 is more than a year ago, which looks like a typo."
    )


async def test_run_validates_the_slot_candidate_rasa_appends(
    ev, make_tracker, dispatcher, domain, sent
):
    # What Rasa's FormAction sends: the extracted candidate as the last event(s).
    events = [
        ev.action("action_listen"),
        ev.user("check_deadlines"),
        ev.action("deadline_form"),
        {"event": "active_loop", "timestamp": None, "name": "deadline_form"},
        ev.slot("requested_slot", "dispute_date"),
        ev.action("action_listen"),
        ev.user("inform", text="3 days ago"),
        ev.slot("dispute_date", "3 days ago"),
    ]
    tracker = make_tracker(
        "inform",
        slots={"dispute_date": "3 days ago", "requested_slot": "dispute_date"},
        events=events,
        text="3 days ago",
        active_loop={"name": "deadline_form"},
    )

    result = await ValidateDeadlineForm().run(dispatcher, tracker, domain)

    assert result == [SlotSet("dispute_date", "2026-11-25")]
    assert sent(dispatcher) == []


async def test_run_rejects_a_future_candidate(ev, make_tracker, dispatcher, domain, sent):
    events = [
        ev.action("action_listen"),
        ev.user("inform", text="next monday"),
        ev.slot("dispute_date", "next monday"),
    ]
    tracker = make_tracker(
        "inform",
        slots={"dispute_date": "next monday"},
        events=events,
        active_loop={"name": "deadline_form"},
    )

    result = await ValidateDeadlineForm().run(dispatcher, tracker, domain)

    assert result == [SlotSet("dispute_date", None)]
    assert sent(dispatcher) == ["utter_dispute_date_in_future"]
    assert dispatcher.messages[0]["date"] == "Monday 30 November"


def _asked_after_a_date_of_no_stated_meaning(ev, make_tracker, intent, text, entities=()):
    """ "The seller isn't answering. 25 November" -> "When did you open the dispute?" -> text."""
    told = [{"entity": "date", "value": "25 November"}]
    events = [
        ev.action("action_listen"),
        ev.user("report_seller_unresponsive", told, text="the seller isn't answering. 25 November"),
        ev.slot("date_to_confirm", "2026-11-25"),
        ev.action("deadline_form"),
        ev.slot("requested_slot", "dispute_date"),
        ev.action("action_listen"),
        ev.user(intent, list(entities), text=text),
    ]
    return make_tracker(
        intent,
        list(entities),
        slots={"date_to_confirm": "2026-11-25", "requested_slot": "dispute_date"},
        events=events,
        text=text,
        active_loop={"name": "deadline_form"},
    )


@pytest.mark.parametrize(
    "intent, text",
    [("affirm", "yes, that's the day"), ("check_deadlines", "да, это когда я спор открыл")],
)
async def test_yes_takes_the_date_just_given_as_the_disputes(
    ev, make_tracker, dispatcher, domain, sent, intent, text
):
    tracker = _asked_after_a_date_of_no_stated_meaning(ev, make_tracker, intent, text)

    result = await ValidateDeadlineForm().run(dispatcher, tracker, domain)

    assert result == [SlotSet("dispute_date", "2026-11-25")]
    assert sent(dispatcher) == []


async def test_a_new_date_is_not_replaced_by_the_one_before(ev, make_tracker, dispatcher, domain):
    new_day = [{"entity": "date", "value": "3 days ago"}]
    tracker = _asked_after_a_date_of_no_stated_meaning(
        ev, make_tracker, "check_deadlines", "no wait, 3 days ago", new_day
    )

    assert await ValidateDeadlineForm().extract_dispute_date(dispatcher, tracker, domain) == {}


async def test_yes_with_no_date_given_just_before_takes_nothing(
    ev, make_tracker, dispatcher, domain
):
    events = [ev.action("action_listen"), ev.user("affirm", text="yes")]
    tracker = make_tracker(
        "affirm",
        slots={"date_to_confirm": "2026-11-01", "requested_slot": "dispute_date"},
        events=events,
        text="yes",
        active_loop={"name": "deadline_form"},
    )

    assert await ValidateDeadlineForm().extract_dispute_date(dispatcher, tracker, domain) == {}


# --- action_check_deadlines -------------------------------------------------------------


async def check(tracker, dispatcher, domain):
    return await ActionCheckDeadlines().run(dispatcher, tracker, domain)


async def test_day_2(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "2026-11-26"})

    assert await check(tracker, dispatcher, domain) == []

    values = {
        "opened": "Thursday 26 November",
        "opened_ago": "2 days ago",
        "days_left": "3 days",
        "seller_deadline": "Tuesday 1 December",
        "escalation_from": "Friday 11 December",
        "days_until": "13 days",
    }
    assert sent(dispatcher) == [
        "utter_standing_seller_window_open",
        "utter_standing_escalation_later",
        "utter_offer_reminders",
    ]
    assert dispatcher.messages[2]["seller_last_day"] == "Tuesday 1 December"
    assert dispatcher.messages[2]["escalation_reminder_on"] == "Friday 11 December"
    for message in dispatcher.messages[:2]:
        assert {k: message[k] for k in values} == values
    assert dispatcher.messages[0]["days_left"] == "3 days"
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "You opened the dispute on Thursday 26 November (2 days ago). The seller has up to 5 "
        "days to respond, so they have 3 days left. If they stay silent, you'll be refunded "
        "automatically when their time runs out on Tuesday 1 December."
    )
    assert (
        "from Friday 11 December (15 days after opening, 13 days from now)"
        in render(dispatcher.messages[1], tracker)["text"]
    )


@pytest.mark.parametrize("asked_too, then", [(0.23, "set"), (0.02, "offer")])
async def test_reminders_asked_for_with_the_date_are_set_not_offered(
    asked_too, then, make_tracker, dispatcher, domain, sent
):
    # "disputa abierta ayer, avisame cuando se le acabe el plazo al vendedor"
    tracker = make_tracker("check_deadlines", slots={"dispute_date": "2026-11-27"})
    tracker.latest_message["intent_ranking"] = [
        {"name": "check_deadlines", "confidence": 0.71},
        {"name": "accept_reminders", "confidence": asked_too},
    ]

    events = await check(tracker, dispatcher, domain)

    said = sent(dispatcher)
    assert said[:2] == ["utter_standing_seller_window_open", "utter_standing_escalation_later"]
    if then == "set":
        assert [e["event"] for e in events] == ["reminder", "reminder"]
        assert said[2:] == ["utter_reminders_set"]
    else:
        assert events == [] and said[2:] == ["utter_offer_reminders"]


@pytest.mark.parametrize(
    "said, opened_ago, days_left",
    [
        ("today", "today", "5 days"),
        ("yesterday", "yesterday", "4 days"),
        ("2026-11-24", "4 days ago", "1 day"),
    ],
)
async def test_open_window_wording(
    said, opened_ago, days_left, extracted, dispatcher, domain, sent
):
    tracker = await extracted("inform", slots={"dispute_date": said})

    assert await check(tracker, dispatcher, domain) == []
    assert sent(dispatcher)[0] == "utter_standing_seller_window_open"
    assert dispatcher.messages[0]["opened_ago"] == opened_ago
    assert dispatcher.messages[0]["days_left"] == days_left


async def test_day_5_is_the_sellers_last_day(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "2026-11-23"})

    assert await check(tracker, dispatcher, domain) == []

    assert sent(dispatcher) == [
        "utter_standing_seller_window_last_day",
        "utter_standing_escalation_later",
        "utter_offer_reminders",  # the seller reminder is tomorrow
    ]
    assert dispatcher.messages[2]["seller_last_day"] == "Saturday 28 November"  # today
    first = dispatcher.messages[0]
    assert first["opened"] == "Monday 23 November"
    assert first["opened_ago"] == "5 days ago"
    assert first["days_left"] == "0 days"
    assert first["seller_deadline"] == "Saturday 28 November"
    assert first["escalation_from"] == "Tuesday 8 December"
    assert first["days_until"] == "10 days"
    assert "today (Saturday 28 November) is the seller's last day" in render(first, tracker)["text"]


async def test_a_complaint_said_with_the_dispute_date_is_acknowledged_first(
    make_tracker, dispatcher, domain, sent
):
    # "The watch came broken and I opened a dispute 6 days ago"
    said = [
        {"entity": "complaint", "value": "defective"},
        {"entity": "date", "value": "6 days ago", "role": "dispute_opened"},
    ]
    tracker = make_tracker("check_deadlines", entities=said, slots={"dispute_date": "2026-11-22"})

    await check(tracker, dispatcher, domain)

    assert sent(dispatcher)[:2] == [
        "utter_noted_complaint_defective",
        "utter_standing_seller_window_closed",
    ]


async def test_day_6_the_window_has_closed(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "2026-11-22"})

    assert await check(tracker, dispatcher, domain) == []

    assert sent(dispatcher) == [
        "utter_standing_seller_window_closed",
        "utter_standing_escalation_later",
        "utter_offer_escalation_reminder",  # the seller's time is already over
    ]
    assert dispatcher.messages[2]["escalation_reminder_on"] == "Monday 7 December"
    first = dispatcher.messages[0]
    assert first["opened_ago"] == "6 days ago"
    assert first["seller_deadline"] == "Friday 27 November"
    assert first["escalation_from"] == "Monday 7 December"
    assert first["days_until"] == "9 days"
    assert "ran out on Friday 27 November" in render(first, tracker)["text"]


async def test_day_14_escalation_is_tomorrow(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("inform", slots={"dispute_date": "2026-11-14"})

    assert await check(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == [
        "utter_standing_seller_window_closed",
        "utter_standing_escalation_later",
        "utter_offer_escalation_reminder",
    ]
    assert dispatcher.messages[1]["escalation_from"] == "Sunday 29 November"
    assert dispatcher.messages[1]["days_until"] == "1 day"


async def test_day_15_escalation_with_the_caveat(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("inform", slots={"dispute_date": "2026-11-13"})

    assert await check(tracker, dispatcher, domain) == []

    assert sent(dispatcher) == [
        "utter_standing_seller_window_closed",
        "utter_standing_escalation_available",
        "utter_escalation_button_caveat",
    ]
    assert dispatcher.messages[1]["escalation_from"] == "Saturday 28 November"
    assert dispatcher.messages[1]["days_until"] == "0 days"
    assert (
        "(since Saturday 28 November), so you can escalate now"
        in render(dispatcher.messages[1], tracker)["text"]
    )
    assert "three days after the initial request" in render(dispatcher.messages[2], tracker)["text"]


async def test_dates_in_another_year_show_the_year(
    pin_today, make_tracker, dispatcher, domain, sent
):
    pin_today("2027-01-02")
    tracker = make_tracker("inform", slots={"dispute_date": "2026-12-30"})

    assert await check(tracker, dispatcher, domain) == []

    assert sent(dispatcher) == [
        "utter_standing_seller_window_open",
        "utter_standing_escalation_later",
        "utter_offer_reminders",
    ]
    first = dispatcher.messages[0]
    assert first["opened"] == "Wednesday 30 December 2026"
    assert first["opened_ago"] == "3 days ago"
    assert first["days_left"] == "2 days"
    assert first["seller_deadline"] == "Monday 4 January"
    assert first["escalation_from"] == "Thursday 14 January"


@pytest.mark.parametrize("dispute_date", [None, "banana", "tomorrow", "2026-12-01", "2025-01-01"])
async def test_no_usable_date_asks_for_it(dispute_date, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("check_deadlines", slots={"dispute_date": dispute_date})

    assert await check(tracker, dispatcher, domain) == []
    assert sent(dispatcher) == ["utter_ask_dispute_date"]


# --- action_ask_dispute_date ----------------------------------------------------------


async def ask(tracker, dispatcher, domain):
    return await ActionAskDisputeDate().run(dispatcher, tracker, domain)


async def test_a_deadline_question_gets_the_rules_before_the_date_question(
    make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker("check_deadlines", text="how long does the seller get to answer?")

    await ask(tracker, dispatcher, domain)

    assert sent(dispatcher) == ["utter_deadline_rules", "utter_ask_dispute_date"]
    rules = render(dispatcher.messages[0], tracker)["text"]
    assert "5 days" in rules and "15 days" in rules and "'Escalate Dispute'" in rules


async def test_the_rules_are_said_once_a_conversation(make_tracker, dispatcher, domain, sent):
    said = {"event": "bot", "metadata": {"utter_action": "utter_faq/seller_response_window"}}
    tracker = make_tracker("check_deadlines", events=[said])

    await ask(tracker, dispatcher, domain)

    assert sent(dispatcher) == ["utter_ask_dispute_date"]


async def test_other_reasons_to_ask_get_the_question_alone(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("report_seller_unresponsive")

    await ask(tracker, dispatcher, domain)

    assert sent(dispatcher) == ["utter_ask_dispute_date"]
