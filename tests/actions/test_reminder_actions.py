"""action_set_reminders and action_cancel_reminders, with today pinned to Sat 28 Nov 2026."""

import pytest
from rasa_sdk.events import FollowupAction

from actions.reminders import ActionCancelReminders, ActionSetReminders


async def test_both_reminders_are_set_and_named(make_tracker, dispatcher, domain, sent, render):
    # the seller's days run out on Monday 30 November: reminded the morning after
    tracker = make_tracker("affirm", slots={"dispute_date": "2026-11-25"})

    events = await ActionSetReminders().run(dispatcher, tracker, domain)

    assert [e["name"] for e in events] == [
        "seller_window_closed:buyer-1",
        "escalation_available:buyer-1",
    ]
    assert [e["intent"] for e in events] == [
        "EXTERNAL_seller_window_closed",
        "EXTERNAL_escalation_available",
    ]
    assert sent(dispatcher) == ["utter_reminders_set"]
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "Done: I'll message you here the morning after the seller's last day (Monday 30 "
        "November) and on Thursday 10 December. Say 'cancel my reminders' any time to stop them."
    )


async def test_only_the_escalation_reminder_is_left(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("affirm", slots={"dispute_date": "2026-11-20"})

    events = await ActionSetReminders().run(dispatcher, tracker, domain)

    assert [e["name"] for e in events] == ["escalation_available:buyer-1"]
    assert sent(dispatcher) == ["utter_escalation_reminder_set"]
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "Done: I'll message you here on Saturday 5 December. Say 'cancel my reminders' any "
        "time to stop them."
    )


async def test_nothing_left_to_remind(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("affirm", slots={"dispute_date": "2026-11-01"})

    assert await ActionSetReminders().run(dispatcher, tracker, domain) == []
    assert sent(dispatcher) == ["utter_no_reminders_needed"]


async def test_asked_for_before_the_dispute_date_is_known(make_tracker, dispatcher, domain, sent):
    # "remind me please" out of the blue: ask for the date (the deadline form), then offer them
    tracker = make_tracker("accept_reminders", text="remind me please")

    events = await ActionSetReminders().run(dispatcher, tracker, domain)

    assert events == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == ["utter_reminders_need_date"]


def _scheduled(ev):
    reminder = {
        "event": "reminder",
        "timestamp": None,
        "intent": "EXTERNAL_seller_window_closed",
        "entities": None,
        "date_time": "2026-12-01T09:00:00",
        "name": "seller_window_closed:buyer-1",
        "kill_on_user_msg": False,
    }
    return [ev.action("action_listen"), ev.user("accept_reminders"), reminder]


async def test_cancel(ev, make_tracker, dispatcher, domain, sent):
    events = _scheduled(ev) + [ev.action("action_listen"), ev.user("cancel_reminders")]
    tracker = make_tracker("cancel_reminders", events=events)

    events = await ActionCancelReminders().run(dispatcher, tracker, domain)

    assert [e["event"] for e in events] == ["cancel_reminder", "cancel_reminder"]
    assert sent(dispatcher) == ["utter_reminders_cancelled"]


async def test_cancel_with_no_reminders_set(make_tracker, dispatcher, domain, sent):
    events = await ActionCancelReminders().run(dispatcher, make_tracker("cancel_reminders"), domain)

    assert events == []
    assert sent(dispatcher) == ["utter_no_reminders_to_cancel"]


async def test_cancel_twice(ev, make_tracker, dispatcher, domain, sent):
    name = "seller_window_closed:buyer-1"
    cancelled = {"event": "cancel_reminder", "timestamp": None, "name": name}
    events = _scheduled(ev) + [cancelled, ev.action("action_listen"), ev.user("cancel_reminders")]
    tracker = make_tracker("cancel_reminders", events=events)

    assert await ActionCancelReminders().run(dispatcher, tracker, domain) == []
    assert sent(dispatcher) == ["utter_no_reminders_to_cancel"]


@pytest.mark.parametrize(
    "text",
    ["no, don't cancel them, will they come here?", "не, отменять ничего не надо", "nie anuluj"],
)
async def test_saying_not_to_cancel_keeps_the_reminders(
    ev, make_tracker, dispatcher, domain, sent, text
):
    events = _scheduled(ev) + [ev.action("action_listen"), ev.user("cancel_reminders", text=text)]
    tracker = make_tracker(
        "cancel_reminders", events=events, text=text, slots={"dispute_date": "2026-11-26"}
    )

    events = await ActionCancelReminders().run(dispatcher, tracker, domain)

    assert [e["event"] for e in events] == ["reminder", "reminder"]
    assert sent(dispatcher) == ["utter_reminders_set"]
