"""action_validate_slot_mappings: date slots hold ISO dates, never the buyer's words."""

import pytest
from rasa_sdk.events import SlotSet

from actions.slot_mappings import ValidateSlotMappings


def test_name(domain_obj):
    assert ValidateSlotMappings().name() == "action_validate_slot_mappings"
    assert "action_validate_slot_mappings" in domain_obj.user_actions


async def validate(tracker, dispatcher, domain):
    return await ValidateSlotMappings().run(dispatcher, tracker, domain)


def with_candidates(tracker, ev, **slots):
    """The tracker as Rasa's action_extract_slots sends it: the candidates as last events."""
    tracker.slots.update(slots)
    tracker.events.extend(ev.slot(name, value) for name, value in slots.items())
    return tracker


@pytest.mark.parametrize(
    "slot, said, stored",
    [
        ("dispute_date", "3 days ago", "2026-11-25"),
        ("dispute_date", "last Monday", "2026-11-23"),
        ("dispute_date", "next monday", "2026-11-30"),  # the form says it can't be right
        ("order_date", "40 days ago", "2026-10-19"),
        ("order_date", "2026-09-01", "2026-09-01"),
    ],
)
async def test_a_date_is_stored_as_iso(slot, said, stored, ev, make_tracker, dispatcher, domain):
    tracker = with_candidates(make_tracker("inform"), ev, **{slot: said})

    assert await validate(tracker, dispatcher, domain) == [SlotSet(slot, stored)]
    assert dispatcher.messages == []


async def test_an_unreadable_order_date_is_cleared(ev, make_tracker, dispatcher, domain):
    tracker = with_candidates(make_tracker("report_defective"), ev, order_date="a few days ago")

    assert await validate(tracker, dispatcher, domain) == [SlotSet("order_date", None)]
    assert dispatcher.messages == []


async def test_an_unreadable_dispute_date_is_cleared(ev, make_tracker, dispatcher, domain):
    # If the deadline form starts on this message, it says the date couldn't be read.
    tracker = with_candidates(make_tracker("inform"), ev, dispute_date="a few days ago")

    assert await validate(tracker, dispatcher, domain) == [SlotSet("dispute_date", None)]
    assert dispatcher.messages == []


async def test_the_deadline_form_validates_its_dispute_date_itself(
    ev, make_tracker, dispatcher, domain
):
    tracker = make_tracker("inform", active_loop={"name": "deadline_form"})
    tracker = with_candidates(tracker, ev, dispute_date="3 days ago", order_date="a week ago")

    # the dispute date is left to validate_deadline_form; the order date is stored
    assert await validate(tracker, dispatcher, domain) == [SlotSet("order_date", "2026-11-21")]


async def test_other_slots_are_left_as_said(ev, make_tracker, dispatcher, domain):
    tracker = with_candidates(make_tracker("inform"), ev, product="dress", complaint="wrong size")

    assert await validate(tracker, dispatcher, domain) == []


@pytest.mark.parametrize(
    "metadata, guess, first",
    [
        ({"language": "es-ES"}, None, "es"),  # the web page's browser language
        ({"language_code": "pt-br"}, None, "pt"),  # Telegram's
        ({"language": "de-DE"}, None, None),  # a language not spoken: English
        ({}, "ru", "ru"),  # "спасибо" as the first message
        ({"language": "fr"}, "es", "fr"),  # the channel's hint before a guess
        ({}, None, None),
    ],
)
async def test_the_first_language_comes_from_the_channel_or_a_telling_word(
    metadata, guess, first, make_tracker, dispatcher, domain
):
    tracker = make_tracker("greet")
    tracker.latest_message.update(metadata=metadata, language_guess=guess)

    events = await validate(tracker, dispatcher, domain)

    assert events == ([SlotSet("language", first)] if first else [])


async def test_a_hint_never_changes_a_language_already_set(make_tracker, dispatcher, domain):
    tracker = make_tracker("affirm", slots={"language": "en"})
    tracker.latest_message.update(metadata={"language": "es-ES"}, language_guess="es")

    assert await validate(tracker, dispatcher, domain) == []


async def test_a_message_clearly_in_a_language_wins_over_the_hint(make_tracker, dispatcher, domain):
    tracker = make_tracker("report_not_received")
    tracker.latest_message.update(
        metadata={"language": "es-ES"}, language="en", language_confidence=0.9
    )

    assert await validate(tracker, dispatcher, domain) == [SlotSet("language", "en")]


@pytest.mark.parametrize(
    "current, parsed, after",
    [
        ("es", {"language": "en", "language_confidence": 0.95}, "en"),  # clearly English
        ("es", {"language": "en", "language_confidence": 0.55}, "es"),  # not sure enough
        # "sorry, English is easier for me at work. how do I send it back?"
        ("pl", {"language": "en", "language_confidence": 0.753}, "en"),
        # "sorry. how i get refund from aliexpress?": English needs less
        ("pt", {"language": "en", "language_confidence": 0.615}, "en"),
        ("en", {"language": "fr", "language_confidence": 0.65}, "en"),
        ("es", {"language": None, "language_guess": "pt"}, "es"),  # short: never a switch
        ("es", {"language": "es", "language_confidence": 0.3, "language_asked": "en"}, "en"),
        ("en", {"language": "de", "language_confidence": 0.99}, "en"),  # not spoken
        (None, {"language": "fr", "language_confidence": 0.55}, "fr"),  # the first language
    ],
)
async def test_the_language_switches_only_on_a_clear_message_or_a_request(
    current, parsed, after, make_tracker, dispatcher, domain
):
    tracker = make_tracker("affirm", slots={"language": current})
    tracker.latest_message.update(parsed)

    events = await validate(tracker, dispatcher, domain)

    assert events == ([SlotSet("language", after)] if after != current else [])


async def test_a_date_is_read_in_the_buyers_language(ev, make_tracker, dispatcher, domain):
    tracker = make_tracker("inform", slots={"language": "es"})
    tracker = with_candidates(tracker, ev, dispute_date="hace 3 días")

    assert await validate(tracker, dispatcher, domain) == [SlotSet("dispute_date", "2026-11-25")]


async def test_a_message_not_understood_never_switches(make_tracker, dispatcher, domain):
    tracker = make_tracker("nlu_fallback", slots={"language": "pl"})
    tracker.latest_message.update(language="en", language_confidence=0.9)

    assert await validate(tracker, dispatcher, domain) == []
