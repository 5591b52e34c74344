"""action_explain_complaint: guidance for each complaint, then the seller, then the offer."""

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions.complaints import ActionExplainComplaint

GUIDANCE = {
    "report_not_received": "utter_complaint_not_received",
    "report_not_as_described": "utter_complaint_not_as_described",
    "report_defective": "utter_complaint_defective",
    "report_wrong_size": "utter_complaint_wrong_size",
}


def test_name():
    assert ActionExplainComplaint().name() == "action_explain_complaint"


@pytest.mark.parametrize("intent, guidance", sorted(GUIDANCE.items()))
async def test_each_complaint_gets_its_guidance_and_the_offer(
    intent, guidance, extracted, dispatcher, domain, sent, render
):
    tracker = await extracted(intent, slots={"order_date": "40 days ago"})

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    # 40 days before Saturday 28 November 2026
    assert events == [SlotSet("order_date", "2026-10-19")]
    assert events == [
        {"event": "slot", "timestamp": None, "name": "order_date", "value": "2026-10-19"}
    ]
    assert sent(dispatcher) == [guidance, "utter_contact_seller_first", "utter_offer_walkthrough"]
    offer = render(dispatcher.messages[2], tracker)
    assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]


@pytest.mark.parametrize(
    "order_date, stored",
    [
        ("40 days ago", "2026-10-19"),
        ("on November 20", "2026-11-20"),
        ("a week ago", "2026-11-21"),
        ("2026-09-01", "2026-09-01"),  # already ISO: unchanged
        ("a few days ago", None),  # too vague to keep
        (None, None),
    ],
)
async def test_order_date_is_stored_as_an_iso_date(
    order_date, stored, extracted, dispatcher, domain, sent
):
    tracker = await extracted("report_not_received", slots={"order_date": order_date})

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert events == [SlotSet("order_date", stored)]
    assert sent(dispatcher) == [
        "utter_complaint_not_received",
        "utter_contact_seller_first",
        "utter_offer_walkthrough",
    ]


async def test_order_date_is_relative_to_the_pinned_today(pin_today, extracted, dispatcher, domain):
    pin_today("2027-01-02")
    tracker = await extracted("report_defective", slots={"order_date": "3 days ago"})

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert events == [SlotSet("order_date", "2026-12-30")]


async def test_a_refund_request_without_a_problem_gets_the_overview_and_the_question(
    make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker("request_refund", slots={"order_date": "2026-11-01"})

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_refund_overview", "utter_request_refund"]
    overview = render(dispatcher.messages[0], tracker)["text"]
    assert "'Contact now'" in overview and "5 days" in overview and "15" in overview
    reply = render(dispatcher.messages[1], tracker)
    assert [b["payload"] for b in reply["buttons"]] == [f"/{i}" for i in GUIDANCE]


async def test_complaint_below_an_nlu_fallback_still_counts(make_tracker, dispatcher, domain, sent):
    # rasa_sdk skips nlu_fallback at the top of the ranking and takes the next intent
    tracker = make_tracker("report_wrong_size")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "report_wrong_size", "confidence": 0.4},
    ]

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert events == [SlotSet("order_date", None)]
    assert sent(dispatcher)[0] == "utter_complaint_wrong_size"


async def test_guidance_texts_render(make_tracker, dispatcher, domain, render):
    tracker = make_tracker("report_defective")
    await ActionExplainComplaint().run(dispatcher, tracker, domain)
    texts = [render(m, tracker)["text"] for m in dispatcher.messages]
    assert "photos" in texts[0]
    assert "Contact now" in texts[1]
    assert "walk you through" in texts[2]


async def test_a_refund_request_naming_the_problem_gets_its_guidance(
    ev, make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "request_refund",
        entities=[ev.entity("complaint", "defective")],
        slots={"complaint": "defective"},
        text="it came cracked, how do I get my money back?",
    )

    await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert sent(dispatcher) == [
        "utter_complaint_defective",
        "utter_contact_seller_first",
        "utter_offer_walkthrough",
    ]


async def test_a_complaint_with_the_disputes_date_goes_to_where_it_stands(
    ev, make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "report_defective",
        entities=[ev.entity("date", "3 days ago", role="dispute_opened")],
        slots={"complaint": "defective", "dispute_date": "2026-11-25"},
    )

    events = await ActionExplainComplaint().run(dispatcher, tracker, domain)

    assert events == [FollowupAction("deadline_form")]
    assert sent(dispatcher) == ["utter_complaint_defective"]


async def test_a_complaint_said_again_is_noted_not_explained_again(
    make_tracker, dispatcher, domain, sent, render
):
    explained = {"event": "bot", "metadata": {"utter_action": "utter_complaint_not_as_described"}}
    tracker = make_tracker(
        "report_not_as_described",
        events=[explained],
        slots={"complaint": "not_as_described"},
        text="like it's a completely different product",
    )

    assert await ActionExplainComplaint().run(dispatcher, tracker, domain) == []

    assert sent(dispatcher) == [
        "utter_noted_complaint_not_as_described",
        "utter_offer_walkthrough_again",
    ]
    offer = render(dispatcher.messages[1], tracker)
    assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]
