"""action_summarise_case: no live agents, and the case to paste into AliExpress support."""

from pathlib import Path

import pytest
import yaml

from actions.handoff import ActionSummariseCase

# The wording for a detail not given is in domain.yml.
DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
NOT_GIVEN = DOMAIN["responses"]["utter_case_not_given"][0]["text"]

SUMMARY_KEYS = [
    "complaint",
    "order_number",
    "product",
    "dispute_opened",
    "seller_deadline",
    "escalation_from",
]


def test_name():
    assert ActionSummariseCase().name() == "action_summarise_case"


async def test_without_slots_everything_is_not_given(
    make_tracker, dispatcher, domain, sent, render
):
    tracker = make_tracker("request_human")

    events = await ActionSummariseCase().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_no_live_agents", "utter_case_summary"]
    summary = dispatcher.messages[1]
    assert {k: summary[k] for k in SUMMARY_KEYS} == {k: NOT_GIVEN for k in SUMMARY_KEYS}
    assert NOT_GIVEN == "not given yet"
    assert render(summary, tracker)["text"] == (
        "Problem: not given yet\nOrder number: not given yet\nProduct: not given yet\n"
        "Dispute opened: not given yet\nSeller's 5 days end: not given yet\n"
        "Escalation possible from: not given yet"
    )


async def test_with_slots_the_case_is_filled_in(make_tracker, dispatcher, domain, sent, render):
    tracker = make_tracker(
        "request_human",
        slots={
            "complaint": "not_received",
            "order_number": "8123456789012345",
            "product": "dress",
            "order_date": "2026-10-19",
            "dispute_date": "2026-11-20",
            "dispute_step": 3.0,
        },
    )

    events = await ActionSummariseCase().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == [
        "utter_no_live_agents",
        "utter_case_summary",
        "utter_standing_seller_window_closed",
        "utter_standing_escalation_later",
    ]
    summary = dispatcher.messages[1]
    assert {k: summary[k] for k in SUMMARY_KEYS} == {
        "complaint": "item not received",
        "order_number": "8123456789012345",
        "product": "dress",
        "dispute_opened": "Friday 20 November",
        "seller_deadline": "Wednesday 25 November",
        "escalation_from": "Saturday 5 December",
    }
    assert render(summary, tracker)["text"] == (
        "Problem: item not received\nOrder number: 8123456789012345\nProduct: dress\n"
        "Dispute opened: Friday 20 November\nSeller's 5 days end: Wednesday 25 November\n"
        "Escalation possible from: Saturday 5 December"
    )


async def test_the_dispute_date_in_buyer_words(extracted, dispatcher, domain):
    tracker = await extracted("request_human", slots={"dispute_date": "3 days ago"})

    await ActionSummariseCase().run(dispatcher, tracker, domain)

    summary = dispatcher.messages[1]
    assert summary["dispute_opened"] == "Wednesday 25 November"
    assert summary["seller_deadline"] == "Monday 30 November"
    assert summary["escalation_from"] == "Thursday 10 December"


@pytest.mark.parametrize("dispute_date", ["tomorrow", "2026-12-01", "banana"])
async def test_an_unusable_dispute_date_is_left_out(
    dispute_date, make_tracker, dispatcher, domain, sent
):
    tracker = make_tracker(
        "request_human", slots={"complaint": "wrong_size", "dispute_date": dispute_date}
    )

    events = await ActionSummariseCase().run(dispatcher, tracker, domain)

    assert events == []
    assert sent(dispatcher) == ["utter_no_live_agents", "utter_case_summary"]
    summary = dispatcher.messages[1]
    assert summary["complaint"] == "wrong size"
    assert (summary["dispute_opened"], summary["seller_deadline"], summary["escalation_from"]) == (
        NOT_GIVEN,
        NOT_GIVEN,
        NOT_GIVEN,
    )


async def test_a_dispute_opened_today_is_included(make_tracker, dispatcher, domain):
    tracker = make_tracker("request_human", slots={"dispute_date": "2026-11-28"})

    await ActionSummariseCase().run(dispatcher, tracker, domain)

    summary = dispatcher.messages[1]
    assert summary["dispute_opened"] == "Saturday 28 November"
    assert summary["seller_deadline"] == "Thursday 3 December"
    assert summary["escalation_from"] == "Sunday 13 December"


async def test_where_it_stands_follows_the_summary(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("request_human", slots={"dispute_date": "2026-11-10"})

    await ActionSummariseCase().run(dispatcher, tracker, domain)

    assert sent(dispatcher)[2:] == [
        "utter_standing_seller_window_closed",
        "utter_standing_escalation_available",
        "utter_escalation_button_caveat",
    ]
    assert dispatcher.messages[2]["opened"] == "Tuesday 10 November"
