"""What several actions share about the buyer's case: the stored dates, the dispute's standing
(worked out once per message and passed along) and the values responses fill in from it."""

from datetime import date
from typing import Dict, List, Optional, Set, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.formatting import day_count, days_ago, long_date
from refund_rules.deadlines import DisputeStanding, dispute_standing
from refund_rules.languages import LOCALES, locale_of
from refund_rules.reminders import PlannedReminder, ReminderKind

# lingua's confidence from which the buyer's words are read in the language it found.
WORDS_LANGUAGE_CONFIDENCE = 0.5


def buyer_language(tracker: Tracker) -> Optional[Text]:
    """The conversation's language (the `language` slot); None until it is known."""
    return tracker.get_slot("language")


def words_language(tracker: Tracker) -> Optional[Text]:
    """The language to read the buyer's latest words in: theirs when lingua is sure of it, or
    the conversation's ("ayer" is too short to tell)."""
    latest = tracker.latest_message
    sure = float(latest.get("language_confidence") or 0.0) >= WORDS_LANGUAGE_CONFIDENCE
    language = latest.get("language")
    return language if sure and language in LOCALES else buyer_language(tracker)


def buyer_locale(tracker: Tracker) -> str:
    """The locale dates and day counts are written in for this conversation."""
    return locale_of(buyer_language(tracker))


def stored_date(tracker: Tracker, slot: Text) -> Optional[date]:
    """A date slot as a date. Date slots hold ISO dates (action_validate_slot_mappings and
    the deadline form store them so); anything else counts as not given."""
    value = tracker.get_slot(slot)
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def dispute_date_said(tracker: Tracker) -> bool:
    """Did the buyer's latest message say when they opened their dispute (a date with the role
    `dispute_opened`), however vaguely ("the other day")?"""
    entities = tracker.latest_message.get("entities") or []
    return any(e.get("entity") == "date" and e.get("role") == "dispute_opened" for e in entities)


def dispute_date_given(tracker: Tracker) -> bool:
    """Did the buyer's latest message give the day they opened their dispute (said, and stored
    as `dispute_date`)?"""
    return dispute_date_said(tracker) and stored_date(tracker, "dispute_date") is not None


# Bot messages that ask for the day the dispute was opened, or offer to work out its dates.
ASK_FOR_DISPUTE_DATE = {
    "utter_ask_dispute_date",
    "utter_dispute_status",
    "utter_walkthrough_done",
    "utter_faq/seller_response_window",
    "utter_faq/escalation_rule",
    "utter_faq/dispute_rejected",
}


def last_said(tracker: Tracker) -> Optional[Text]:
    """The response of the bot's most recent message, if it sent one."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def dispute_date_asked_for(tracker: Tracker) -> bool:
    """Was the bot's last message a question for (or an offer to use) the dispute's date?"""
    return last_said(tracker) in ASK_FOR_DISPUTE_DATE


def current_standing(tracker: Tracker, today: date) -> Optional[DisputeStanding]:
    """Where the dispute stands today; None without an opening date, or with a future one."""
    opened = stored_date(tracker, "dispute_date")
    if opened is None or opened > today:
        return None
    return dispute_standing(opened, today)


def standing_values(standing: DisputeStanding, locale: str = "en") -> Dict[Text, Text]:
    """The values the standing responses fill in."""
    today = standing.today
    return {
        "opened": long_date(standing.opened, today, locale),
        "opened_ago": days_ago(standing.days_elapsed, locale),
        "days_left": day_count(standing.seller_days_left, locale),
        "seller_deadline": long_date(standing.seller_deadline, today, locale),
        "escalation_from": long_date(standing.escalation_from, today, locale),
        "days_until": day_count(standing.days_until_escalation, locale),
    }


def tell_standing(
    dispatcher: CollectingDispatcher, standing: DisputeStanding, locale: str = "en"
) -> None:
    """Where the dispute stands: the seller's days, then escalation (now, or from when)."""
    values = standing_values(standing, locale)
    dispatcher.utter_message(
        response=f"utter_standing_seller_window_{standing.seller_window.value}", **values
    )
    tell_escalation(dispatcher, standing, locale)


def tell_escalation(
    dispatcher: CollectingDispatcher, standing: DisputeStanding, locale: str = "en"
) -> None:
    """When the buyer can escalate: now (with the guide's unclear note on the button), or from
    which day."""
    values = standing_values(standing, locale)
    if standing.can_escalate:
        dispatcher.utter_message(response="utter_standing_escalation_available", **values)
        dispatcher.utter_message(response="utter_escalation_button_caveat")
    else:
        dispatcher.utter_message(response="utter_standing_escalation_later", **values)


def answer_when_to_escalate(
    dispatcher: CollectingDispatcher, standing: DisputeStanding, locale: str = "en"
) -> None:
    """ "When can I escalate?" with the dispute's date known: the buyer's day, and the guide's
    unclear note on the button whether that day has come or not."""
    tell_escalation(dispatcher, standing, locale)
    if not standing.can_escalate:  # the note comes with "escalate now" already
        dispatcher.utter_message(response="utter_escalation_button_caveat")


def reminder_dates(
    planned: List[PlannedReminder], today: date, locale: str = "en"
) -> Dict[Text, Text]:
    """`seller_last_day` and `escalation_reminder_on`, for the reminders planned. The seller's
    reminder is named by the day it follows, the one the buyer was just told is the seller's last,
    so that an answer never holds two dates for the seller's time."""
    names = {
        ReminderKind.SELLER_WINDOW_CLOSED: "seller_last_day",
        ReminderKind.ESCALATION_AVAILABLE: "escalation_reminder_on",
    }
    return {names[r.kind]: long_date(r.about, today, locale) for r in planned}


# From this confidence, a second intent `accept_reminders` in a message about the dispute's date
# ("opened it yesterday, remind me when the seller's time is up") is a request said with it.
REMINDERS_ASKED_TOO = 0.1


def reminders_asked_too(tracker: Tracker) -> bool:
    """Did the buyer's latest message also ask for reminders?"""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return any(
        i.get("name") == "accept_reminders" and i.get("confidence", 0.0) >= REMINDERS_ASKED_TOO
        for i in ranking
    )


def complaint_to_acknowledge(tracker: Tracker) -> Optional[Text]:
    """The complaint type the buyer's latest message named, unless the bot already answered
    that complaint (its guidance or a short acknowledgement) in this conversation."""
    named = complaint_named(tracker)
    if not named:
        return None
    if bot_said(tracker, {f"utter_complaint_{named}", f"utter_noted_complaint_{named}"}):
        return None
    return named


def complaint_named(tracker: Tracker) -> Optional[Text]:
    """The complaint type the buyer's latest message names ("got a keychain instead"), if any."""
    entities = tracker.latest_message.get("entities") or []
    return next((e.get("value") for e in entities if e.get("entity") == "complaint"), None)


def bot_said(tracker: Tracker, responses: Set[Text]) -> bool:
    """Has the bot sent one of `responses` in this conversation?"""
    return any(
        (event.get("metadata") or {}).get("utter_action") in responses
        for event in tracker.events
        if event.get("event") == "bot"
    )
