"""action_show_dispute_step: start, next, back, repeat, resume, finish, not started, 'yes', and
"I'm logged in, what now?" from where the buyer says they are."""

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions import clock
from actions.walkthrough import ActionShowDisputeStep

STEPS = [f"utter_dispute_step_{n}" for n in range(1, 6)]


def test_name():
    assert ActionShowDisputeStep().name() == "action_show_dispute_step"


def test_every_step_response_exists(domain):
    assert all(step in domain["responses"] for step in STEPS)


async def run(tracker, dispatcher, domain):
    return await ActionShowDisputeStep().run(dispatcher, tracker, domain)


async def test_start(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("ask_dispute_steps")

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]
    assert render(dispatcher.messages[1], tracker)["text"].startswith("Step 1 of 5")


async def test_a_follow_up_handed_over_starts_the_steps(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("ask_follow_up", text="k how do i open one")

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


async def test_a_complaint_named_with_the_request_is_acknowledged_once(
    make_tracker, dispatcher, domain, sent, render
):
    cracked = [{"entity": "complaint", "value": "defective"}]
    tracker = make_tracker("ask_dispute_steps", entities=cracked, text="it came cracked, how do i")

    await run(tracker, dispatcher, domain)

    assert sent(dispatcher) == [
        "utter_noted_complaint_defective",
        "utter_walkthrough_intro",
        "utter_dispute_step_1",
    ]
    assert "broken" in render(dispatcher.messages[0], tracker)["text"]


async def test_a_complaint_already_answered_is_not_acknowledged_again(
    make_tracker, dispatcher, domain, sent
):
    cracked = [{"entity": "complaint", "value": "defective"}]
    answered = {"event": "bot", "metadata": {"utter_action": "utter_complaint_defective"}}
    tracker = make_tracker(
        "ask_dispute_steps", entities=cracked, events=[answered], text="it's cracked, steps?"
    )

    await run(tracker, dispatcher, domain)

    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


async def test_start_again_in_the_middle_goes_back_to_step_1(
    make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker("ask_dispute_steps", slots={"dispute_step": 4.0})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


@pytest.mark.parametrize("current, shown", [(1.0, 2), (2.0, 3), (3.0, 4), (4.0, 5)])
async def test_next(current, shown, make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker("next_step", slots={"dispute_step": current})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", shown)]
    assert sent(dispatcher) == [f"utter_dispute_step_{shown}"]
    assert render(dispatcher.messages[0], tracker)["text"].startswith(f"Step {shown} of 5")


async def test_next_at_step_5_finishes_and_clears_the_step(
    make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker("next_step", slots={"dispute_step": 5.0})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", None)]
    assert events == [{"event": "slot", "timestamp": None, "name": "dispute_step", "value": None}]
    assert sent(dispatcher) == ["utter_walkthrough_done"]
    done = render(dispatcher.messages[0], tracker)
    # the "I opened it today" button must come out as a valid inform payload
    assert [b["payload"] for b in done["buttons"]] == ['/inform{"date": "today"}', "/deny"]


@pytest.mark.parametrize("current, shown", [(2.0, 1), (3.0, 2), (5.0, 4)])
async def test_back(current, shown, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("previous_step", slots={"dispute_step": current})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", shown)]
    assert sent(dispatcher) == [f"utter_dispute_step_{shown}"]


async def test_back_at_step_1(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("previous_step", slots={"dispute_step": 1.0})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_first_step", "utter_dispute_step_1"]


async def test_repeat(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("repeat_step", slots={"dispute_step": 4.0})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 4)]
    assert sent(dispatcher) == ["utter_dispute_step_4"]


@pytest.mark.parametrize("stored", [3, 3.0])
async def test_resume_says_where_the_buyer_was(
    stored, make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker("resume_walkthrough", slots={"dispute_step": stored})

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 3)]
    assert sent(dispatcher) == ["utter_walkthrough_resume", "utter_dispute_step_3"]
    assert dispatcher.messages[0]["step"] == 3
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "You were on step 3 of 5. Here it is again:"
    )


async def test_next_with_nothing_running_starts_the_steps(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("next_step", text="ok, carry on")

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


@pytest.mark.parametrize("intent", ["previous_step", "repeat_step", "resume_walkthrough"])
async def test_not_started(intent, make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker(intent)

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_not_started", "utter_dispute_step_1"]
    assert "English" not in render(dispatcher.messages[0], tracker)["text"]


@pytest.mark.parametrize(
    "intent, text, shown",
    [
        ("next_step", "I'm logged in, what now?", 2),
        ("next_step", "ok im on my orders page and picked the order", 3),
        ("next_step", "I clicked Open Dispute, now what", 4),
        ("next_step", "I've filled in the form, what next?", 5),
        ("ask_dispute_steps", "where is the open dispute button", 3),
        ("resume_walkthrough", "I'm logged in again, where was I?", 2),
    ],
)
async def test_from_where_the_buyer_says_they_are(
    intent, text, shown, make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker(intent, text=text)

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", shown)]
    assert sent(dispatcher) == ["utter_walkthrough_from_here", f"utter_dispute_step_{shown}"]
    assert render(dispatcher.messages[1], tracker)["text"].startswith(f"Step {shown} of 5")


async def test_a_stated_step_in_the_middle_of_the_steps_jumps_without_a_note(
    make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "next_step", slots={"dispute_step": 1.0}, text="clicked open dispute already"
    )

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", 4)]
    assert sent(dispatcher) == ["utter_dispute_step_4"]


async def test_submitted_finishes(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("next_step", text="submitted it, now what?")

    events = await run(tracker, dispatcher, domain)

    assert events == [SlotSet("dispute_step", None)]
    assert sent(dispatcher) == ["utter_walkthrough_done"]


async def test_submitted_during_the_steps_opens_the_dispute_today(
    make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker("next_step", text="submitted it just now!", slots={"dispute_step": 5})

    events = await run(tracker, dispatcher, domain)

    assert events == [
        SlotSet("dispute_step", None),
        SlotSet("dispute_date", clock.today().isoformat()),
        FollowupAction("deadline_form"),
    ]
    assert sent(dispatcher) == ["utter_walkthrough_submitted"]


def _done_events(ev):
    return [
        ev.action("action_listen"),
        ev.user("next_step"),
        ev.action("action_show_dispute_step"),
        {
            "event": "bot",
            "timestamp": None,
            "text": "That's it: your dispute is open. ...",
            "data": {},
            "metadata": {"utter_action": "utter_walkthrough_done"},
        },
        ev.slot("dispute_step", None),
        ev.action("action_listen"),
    ]


@pytest.mark.parametrize("intent", ["next_step", "resume_walkthrough", "repeat_step"])
async def test_after_the_last_step_it_says_the_dispute_is_open(
    intent, ev, make_tracker, dispatcher, domain, sent
):
    events = _done_events(ev) + [ev.user(intent, text="where was i?")]
    tracker = make_tracker(intent, events=events, text="where was i?")

    result = await run(tracker, dispatcher, domain)

    assert result == [SlotSet("dispute_step", None)]
    assert sent(dispatcher) == ["utter_walkthrough_done"]


def test_the_step_responses_say_nothing_about_not_being_in_the_steps(domain):
    assert "utter_no_walkthrough" not in domain["responses"]


# --- "yes" / "ok" -------------------------------------------------------------------------


def _history(ev, *turns):
    """Events of a conversation: (intent, [actions...]) per turn, then the affirm."""
    events = [ev.action("action_listen")]
    for intent, actions in turns:
        events.append(ev.user(intent))
        for name in actions:
            events.append(ev.action(name))
        events.append(ev.action("action_listen"))
    events.append(ev.user("affirm"))
    return events


async def test_affirm_after_action_explain_complaint_starts(
    ev, make_tracker, dispatcher, domain, sent
):
    events = [
        ev.action("action_listen"),
        ev.user("report_not_received"),
        ev.action("action_explain_complaint"),
        ev.slot("order_date", None),
        ev.action("action_listen"),
        ev.user("affirm"),
    ]
    tracker = make_tracker("affirm", events=events)

    result = await run(tracker, dispatcher, domain)

    assert result == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


async def test_affirm_after_a_complaint_restarts_an_old_walkthrough(
    ev, make_tracker, dispatcher, domain, sent
):
    events = _history(ev, ("report_defective", ["action_explain_complaint"]))
    tracker = make_tracker("affirm", slots={"dispute_step": 3.0}, events=events)

    result = await run(tracker, dispatcher, domain)

    assert result == [SlotSet("dispute_step", 1)]
    assert sent(dispatcher) == ["utter_walkthrough_intro", "utter_dispute_step_1"]


async def test_ok_after_a_step_moves_on(ev, make_tracker, dispatcher, domain, sent):
    events = _history(ev, ("next_step", ["action_show_dispute_step"]))
    tracker = make_tracker("affirm", slots={"dispute_step": 2.0}, events=events)

    result = await run(tracker, dispatcher, domain)

    assert result == [SlotSet("dispute_step", 3)]
    assert sent(dispatcher) == ["utter_dispute_step_3"]


async def test_ok_at_step_5_finishes(ev, make_tracker, dispatcher, domain, sent):
    events = _history(ev, ("next_step", ["action_show_dispute_step"]))
    tracker = make_tracker("affirm", slots={"dispute_step": 5.0}, events=events)

    result = await run(tracker, dispatcher, domain)

    assert result == [SlotSet("dispute_step", None)]
    assert sent(dispatcher) == ["utter_walkthrough_done"]


async def test_ok_after_the_walkthrough_is_done_does_not_restart_it(
    ev, make_tracker, dispatcher, domain, sent
):
    events = [
        ev.action("action_listen"),
        ev.user("next_step"),
        ev.action("action_show_dispute_step"),
        {
            "event": "bot",
            "timestamp": None,
            "text": "That's it: your dispute is open. ...",
            "data": {},
            "metadata": {"utter_action": "utter_walkthrough_done"},
        },
        ev.slot("dispute_step", None),
        ev.action("action_listen"),
        ev.user("affirm", text="ok great"),
    ]
    tracker = make_tracker("affirm", events=events, text="ok great")

    result = await run(tracker, dispatcher, domain)

    assert sent(dispatcher) == ["utter_ask_what_happened"]
    assert result == []
