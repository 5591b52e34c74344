"""action_note_details: a date or an order number given outside the deadline questions."""

from rasa_sdk.events import FollowupAction, SlotSet

from actions.deadlines import ActionConfirmDisputeDate, ActionNoteDetails


def test_name():
    assert ActionNoteDetails().name() == "action_note_details"


async def test_a_date_given_as_the_disputes_starts_the_deadline_form(
    ev, make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("date", "3 days ago", role="dispute_opened")],
        slots={"dispute_date": "3 days ago"},
        text="3 days ago",
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == [FollowupAction("deadline_form")]
    assert events == [{"event": "followup", "timestamp": None, "name": "deadline_form"}]
    assert "deadline_form" in domain["forms"]
    assert sent(dispatcher) == []


async def test_a_date_wins_over_an_order_number(ev, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker(
        "inform",
        entities=[
            ev.entity("order_number", "8123456789012345"),
            ev.entity("date", "yesterday", role="dispute_opened"),
        ],
        slots={"order_number": "8123456789012345", "dispute_date": "yesterday"},
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == []


async def test_an_order_number_is_acknowledged(ev, make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("order_number", "8123456789012345")],
        slots={"order_number": "8123456789012345"},
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_noted_order_number", "utter_ask_what_happened"]
    assert dispatcher.messages[0]["order_number"] == "8123456789012345"
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "Thanks, I've noted order 8123456789012345."
    )


async def test_neither_asks_to_rephrase(ev, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("product", "dress")],
        slots={"product": "dress"},
        text="the dress",
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_please_rephrase"]


async def test_no_entities_at_all_asks_to_rephrase(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("inform", text="hmm")

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_please_rephrase"]


async def test_a_date_that_says_nothing_more_is_asked_about(
    ev, make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("date", "3 days ago")],
        slots={"date_to_confirm": "2026-11-25"},
        text="3 days ago",
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_confirm_dispute_date"]
    assert render(dispatcher.messages[0], tracker)["text"] == (
        "Is Wednesday 25 November the day you opened your dispute?"
    )


async def test_a_date_of_something_else_is_not_the_disputes(
    ev, make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("date", "2 months ago", role="ordered")],
        text="paid 2 months ago",
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_ask_what_happened"]


async def test_a_span_in_a_rule_question_gets_the_rules(ev, make_tracker, dispatcher, domain, sent):
    tracker = make_tracker(
        "inform",
        entities=[ev.entity("date", "15 days", role="rule")],
        text="so what's the 15 days thing about then",
    )

    events = await ActionNoteDetails().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_deadline_rules"]


async def test_yes_makes_the_date_the_disputes(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("affirm", slots={"date_to_confirm": "2026-11-25"})

    events = await ActionConfirmDisputeDate().run(dispatcher, tracker, domain)

    assert events == [
        SlotSet("dispute_date", "2026-11-25"),
        SlotSet("date_to_confirm", None),
        FollowupAction("deadline_form"),
    ]
    assert sent(dispatcher) == []


async def test_yes_with_no_date_to_confirm_asks_what_next(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("affirm")

    events = await ActionConfirmDisputeDate().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_ask_what_happened"]


async def test_a_vague_date_after_the_offer_to_work_out_the_dates_is_asked_again(
    ev, make_tracker, dispatcher, domain, sent
):
    said = "honestly no idea when I opened it, sometime last week maybe?"
    offer = {
        "event": "bot",
        "timestamp": None,
        "text": "...",
        "metadata": {"utter_action": "utter_faq/escalation_rule"},
    }
    events = [ev.action("action_listen"), ev.user("faq"), offer, ev.action("action_listen")]
    events.append(ev.user("inform", [ev.entity("date", "last week")], said))
    tracker = make_tracker(
        "inform", entities=[ev.entity("date", "last week")], events=events, text=said
    )

    assert await ActionNoteDetails().run(dispatcher, tracker, domain) == [
        FollowupAction("deadline_form")
    ]
    assert sent(dispatcher) == []
