"""action_change_language: the new language's acknowledgement, and the previous answer again."""

import pytest

from actions.language import ActionChangeLanguage


def bot_event(response: str, **values: str) -> dict:
    return {
        "event": "bot",
        "timestamp": None,
        "text": "...",
        "metadata": {"utter_action": response, **values},
    }


@pytest.mark.parametrize(
    "said, then",
    [
        # "can you write in english please? it's for my husband" after the complaint's advice
        (
            ["utter_complaint_defective", "utter_contact_seller_first", "utter_offer_walkthrough"],
            [
                "utter_language_changed_repeat",
                "utter_complaint_defective",
                "utter_contact_seller_first",
                "utter_offer_walkthrough",
            ],
        ),
        # the standing holds dates written in the old language: not said again
        (
            ["utter_standing_seller_window_open", "utter_standing_escalation_later"],
            ["utter_language_changed"],
        ),
        ([], ["utter_language_changed"]),  # the first message
    ],
)
async def test_the_previous_answer_is_said_again_when_it_can_be(
    said, then, make_tracker, dispatcher, domain, ev, sent
):
    events = [ev.action("action_listen"), ev.user("report_defective")]
    events += [bot_event(response) for response in said]
    events += [ev.action("action_listen"), ev.user("change_language")]
    tracker = make_tracker("change_language", events=events)

    assert await ActionChangeLanguage().run(dispatcher, tracker, domain) == []
    assert sent(dispatcher) == then


async def test_only_the_turn_before_the_request(make_tracker, dispatcher, domain, ev, sent):
    events = [ev.action("action_listen"), ev.user("greet"), bot_event("utter_greet")]
    events += [ev.action("action_listen"), ev.user("ask_return_process")]
    events += [bot_event("utter_return_process")]
    events += [ev.action("action_listen"), ev.user("change_language")]
    tracker = make_tracker("change_language", events=events)

    await ActionChangeLanguage().run(dispatcher, tracker, domain)

    assert sent(dispatcher) == ["utter_language_changed_repeat", "utter_return_process"]
