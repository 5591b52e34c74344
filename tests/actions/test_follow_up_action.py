"""action_answer_follow_up: "where do I click to do that?" answered from the last answer's topic."""

import pytest
from rasa_sdk.events import FollowupAction

from actions.follow_up import ActionAnswerFollowUp


def bot_event(response: str) -> dict:
    return {
        "event": "bot",
        "timestamp": None,
        "text": "...",
        "metadata": {"utter_action": response},
    }


async def answer(make_tracker, dispatcher, domain, ev, said, slots=None):
    events = [ev.action("action_listen"), ev.user("greet")]
    events += [bot_event(response) for response in said]
    events += [ev.action("action_listen"), ev.user("ask_follow_up")]
    tracker = make_tracker("ask_follow_up", events=events, slots=slots)
    return await ActionAnswerFollowUp().run(dispatcher, tracker, domain)


@pytest.mark.parametrize(
    "said, follow_up",
    [
        (["utter_faq/escalation_rule"], "utter_follow_up_escalation"),
        (
            ["utter_standing_seller_window_open", "utter_standing_escalation_later"],
            "utter_follow_up_escalation",
        ),
        (["utter_faq/what_is_rma"], "utter_follow_up_return"),
        (["utter_return_process"], "utter_follow_up_return"),
        (["utter_contact_seller"], "utter_follow_up_seller"),
        # "ok, where do I start?" after how refunds work: with the seller
        (["utter_refund_overview", "utter_request_refund"], "utter_follow_up_seller"),
        (["utter_faq/seller_response_window"], "utter_follow_up_seller_window"),
        # "where do I ask about that then?" after what the guide does not cover
        (["utter_faq/closed_by_mistake"], "utter_follow_up_aliexpress_help"),
        (["utter_faq/finished_no_money"], "utter_follow_up_aliexpress_help"),
        # "where do I see that in the app?" after where the dispute's status shows
        (["utter_dispute_status"], "utter_follow_up_status"),
        # "and does it count if I misread the listing?" after what counts as a reason
        (["utter_faq/valid_reasons"], "utter_faq/valid_reasons"),
        # "and if he doesn't?" after what a seller who misdescribed the item must do
        (["utter_faq/seller_apology"], "utter_follow_up_seller"),
        # a second follow-up stays on the topic
        (["utter_return_process", "utter_follow_up_return"], "utter_follow_up_return"),
        # the most recent topic wins, and answers without a topic are passed over
        (
            ["utter_contact_seller", "utter_faq/what_is_rma", "utter_you_are_welcome"],
            "utter_follow_up_return",
        ),
    ],
)
async def test_the_answer_follows_the_topic(
    make_tracker, dispatcher, domain, ev, sent, said, follow_up
):
    assert await answer(make_tracker, dispatcher, domain, ev, said) == []
    assert sent(dispatcher) == [follow_up]


@pytest.mark.parametrize(
    "opened, told",
    [
        # today is Sat 28 Nov 2026: 5 days in, escalation from 8 December
        ("2026-11-23", ["utter_standing_escalation_later", "utter_escalation_button_caveat"]),
        ("2026-11-10", ["utter_standing_escalation_available", "utter_escalation_button_caveat"]),
    ],
)
async def test_an_escalation_follow_up_with_the_dispute_date_known_gets_the_buyers_day(
    make_tracker, dispatcher, domain, ev, sent, opened, told
):
    said = ["utter_standing_seller_window_last_day", "utter_standing_escalation_later"]
    slots = {"dispute_date": opened}
    await answer(make_tracker, dispatcher, domain, ev, said, slots=slots)
    assert sent(dispatcher) == told


async def test_during_the_steps_the_current_step_again(make_tracker, dispatcher, domain, ev, sent):
    said = ["utter_dispute_step_3", "utter_dispute_step_4"]
    await answer(make_tracker, dispatcher, domain, ev, said, slots={"dispute_step": 4})
    assert sent(dispatcher) == ["utter_dispute_step_4"]


@pytest.mark.parametrize(
    "said", [[], ["utter_greet"], ["utter_dispute_step_5", "utter_walkthrough_done"]]
)
async def test_without_a_topic_it_asks_what_the_buyer_means(
    make_tracker, dispatcher, domain, ev, sent, said
):
    await answer(make_tracker, dispatcher, domain, ev, said)
    assert sent(dispatcher) == ["utter_follow_up_unclear"]


@pytest.mark.parametrize(
    "text, follow_up",
    [
        ("Where is the escalate button? I can't find it anywhere.", "utter_follow_up_escalation"),
        ("and where's the RMA supposed to come from", "utter_follow_up_return"),
    ],
)
async def test_a_topic_named_in_the_message_wins(
    make_tracker, dispatcher, domain, ev, sent, text, follow_up
):
    events = [ev.action("action_listen"), ev.user("greet"), bot_event("utter_contact_seller")]
    tracker = make_tracker("ask_follow_up", events=events, text=text)
    await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert sent(dispatcher) == [follow_up]


@pytest.mark.parametrize(
    "text",
    [
        "k how do i open one",
        "entendi. e como abro entao?",
        "vale, y como la abro?",
        "d'accord, et je l'ouvre comment ?",
        "а можно поподробнее, по шагам?",
        "ok, a jak go otworzyć?",
    ],
)
async def test_opening_one_with_no_steps_running_starts_the_steps(
    text, make_tracker, dispatcher, domain, ev, sent
):
    events = [
        ev.action("action_listen"),
        ev.user("faq"),
        bot_event("utter_faq/seller_response_window"),
    ]
    tracker = make_tracker("ask_follow_up", events=events, text=text)
    events = await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert events == [FollowupAction("action_show_dispute_step")]
    assert sent(dispatcher) == []


async def test_opening_it_during_the_steps_is_that_step_again(
    make_tracker, dispatcher, domain, ev, sent
):
    events = [ev.action("action_listen"), ev.user("next_step"), bot_event("utter_dispute_step_3")]
    tracker = make_tracker(
        "ask_follow_up", events=events, text="how do i open it", slots={"dispute_step": 3}
    )
    assert await ActionAnswerFollowUp().run(dispatcher, tracker, domain) == []
    assert sent(dispatcher) == ["utter_dispute_step_3"]


@pytest.mark.parametrize(
    "text, last, follow_up",
    [
        # the seller's silence named: what it leads to, whatever the last topic
        (
            "e se ele continuar mudo até la?",
            "utter_standing_escalation_later",
            "utter_follow_up_seller_window",
        ),
        ("and if they keep ignoring me?", "utter_contact_seller", "utter_follow_up_seller_window"),
        # the money after a standing whose last words were about escalating
        (
            "czyli kasa powinna juz byc?",
            "utter_offer_escalation_reminder",
            "utter_follow_up_seller_window",
        ),
        (
            "so the refund is already due?",
            "utter_standing_escalation_later",
            "utter_follow_up_seller_window",
        ),
        # the money after the returns: still the returns
        ("and the refund, where do I send it?", "utter_return_process", "utter_follow_up_return"),
        # escalating named with the money: escalating
        (
            "can I escalate to get my money?",
            "utter_standing_escalation_later",
            "utter_follow_up_escalation",
        ),
    ],
)
async def test_the_sellers_silence_or_the_money_after_a_standing(
    make_tracker, dispatcher, domain, ev, sent, text, last, follow_up
):
    events = [ev.action("action_listen"), ev.user("greet"), bot_event(last)]
    tracker = make_tracker("ask_follow_up", events=events, text=text)
    await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    assert sent(dispatcher) == [follow_up]


@pytest.mark.parametrize(
    "accept, then", [(0.27, [FollowupAction("action_set_reminders")]), (0.02, [])]
)
async def test_a_follow_up_asking_for_reminders_just_after_the_offer_is_a_yes(
    accept, then, make_tracker, dispatcher, domain, ev
):
    text = "ça marche, tu peux me faire signe à ces dates-là ?"
    events = [ev.action("action_listen"), ev.user("inform"), bot_event("utter_offer_reminders")]
    tracker = make_tracker("ask_follow_up", events=events, text=text)
    tracker.latest_message["intent_ranking"] = [
        {"name": "ask_follow_up", "confidence": 0.36},
        {"name": "accept_reminders", "confidence": accept},
    ]
    assert await ActionAnswerFollowUp().run(dispatcher, tracker, domain) == then
