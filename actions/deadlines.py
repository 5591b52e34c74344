"""When the dispute was opened, and what that means for the buyer today."""

from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.case import (
    bot_said,
    buyer_locale,
    complaint_to_acknowledge,
    current_standing,
    dispute_date_asked_for,
    reminder_dates,
    reminders_asked_too,
    stored_date,
    tell_standing,
    words_language,
)
from actions.formatting import long_date
from actions.reminders import ActionSetReminders
from nlp_pipeline.meaning import date_roles
from refund_rules.dates import DateDoubt, read_buyer_date
from refund_rules.deadlines import DateProblem, DisputeStanding, check_dispute_date
from refund_rules.reminders import ReminderKind, reminders_to_offer

_DOUBT_RESPONSES = {
    DateDoubt.UNREADABLE: "utter_dispute_date_unreadable",
    DateDoubt.VAGUE: "utter_dispute_date_vague",
    DateDoubt.UPCOMING: "utter_dispute_date_upcoming",
    DateDoubt.AMBIGUOUS: "utter_dispute_date_ambiguous",
}
_PROBLEM_RESPONSES = {
    DateProblem.IN_FUTURE: "utter_dispute_date_in_future",
    DateProblem.BEFORE_ORDER: "utter_dispute_date_before_order",
    DateProblem.TOO_OLD: "utter_dispute_date_too_old",
}


# Answers that state the seller's window and the escalation rule themselves.
RULES_STATED = {
    "utter_deadline_rules",
    "utter_escalation",
    "utter_faq/seller_response_window",
    "utter_faq/escalation_rule",
}


class ActionAskDisputeDate(Action):
    """The deadline form's question for the dispute date. When the buyer asked about their
    deadlines ("how long does the seller get?"), the rules come first, once a conversation:
    the answer, then the question for their own date."""

    def name(self) -> Text:
        return "action_ask_dispute_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        asked_about_deadlines = tracker.get_intent_of_latest_message() == "check_deadlines"
        if asked_about_deadlines and not bot_said(tracker, RULES_STATED):
            dispatcher.utter_message(response="utter_deadline_rules")
        dispatcher.utter_message(response="utter_ask_dispute_date")
        return []


# What a buyer who confirms the date they just gave is read as ("yes, that's when I opened it").
_CONFIRMING_INTENTS = {"affirm", "check_deadlines"}


class ValidateDeadlineForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_deadline_form"

    async def extract_dispute_date(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """ "Yes, that's when I opened it" to "When did you open the dispute?", asked after a
        message that gave a date without saying what it was ("the seller isn't answering. 25
        November"): that date is the dispute's."""
        if tracker.get_slot("requested_slot") != "dispute_date":
            return {}
        said_now = tracker.latest_message.get("entities", [])
        if tracker.get_intent_of_latest_message() not in _CONFIRMING_INTENTS or date_roles(
            said_now
        ):
            return {}
        to_confirm = stored_date(tracker, "date_to_confirm")
        if to_confirm is None or None not in date_roles(_previous_user_entities(tracker)):
            return {}
        return {"dispute_date": to_confirm.isoformat()}

    def validate_dispute_date(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        if _only_rule_spans(tracker):  # "what's the 15 days thing about?" asks, not answers
            dispatcher.utter_message(response="utter_deadline_rules")
            return {"dispute_date": None}
        today = clock.today()
        reading = read_buyer_date(slot_value, today, words_language(tracker))
        opened = reading.day
        if reading.doubt is not None or opened is None:
            dispatcher.utter_message(
                response=_DOUBT_RESPONSES[reading.doubt or DateDoubt.UNREADABLE],
                date=long_date(opened, today, buyer_locale(tracker)) if opened else "",
                words=str(slot_value),
            )
            return {"dispute_date": None}
        ordered = stored_date(tracker, "order_date")
        problem = check_dispute_date(opened, today, ordered)
        if problem is not None:
            dispatcher.utter_message(
                response=_PROBLEM_RESPONSES[problem],
                date=long_date(opened, today, buyer_locale(tracker)),
                order_date=long_date(ordered, today, buyer_locale(tracker)) if ordered else "",
            )
            return {"dispute_date": None}
        return {"dispute_date": opened.isoformat()}


class ActionCheckDeadlines(Action):
    def name(self) -> Text:
        return "action_check_deadlines"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        today = clock.today()
        standing = current_standing(tracker, today)
        if standing is None or check_dispute_date(standing.opened, today) is not None:
            dispatcher.utter_message(response="utter_ask_dispute_date")
            return []
        complaint = complaint_to_acknowledge(tracker)
        if complaint:
            dispatcher.utter_message(response=f"utter_noted_complaint_{complaint}")
        tell_standing(dispatcher, standing, buyer_locale(tracker))
        if reminders_asked_too(tracker):  # "opened it yesterday, remind me when it's time"
            return await ActionSetReminders().run(dispatcher, tracker, domain)
        _offer_reminders(dispatcher, standing, buyer_locale(tracker))
        return []


def _offer_reminders(
    dispatcher: CollectingDispatcher, standing: DisputeStanding, locale: str
) -> None:
    planned = reminders_to_offer(standing)
    if not planned:
        return
    seller_too = any(r.kind is ReminderKind.SELLER_WINDOW_CLOSED for r in planned)
    dispatcher.utter_message(
        response="utter_offer_reminders" if seller_too else "utter_offer_escalation_reminder",
        **reminder_dates(planned, standing.today, locale),
    )


class ActionNoteDetails(Action):
    """The buyer gave a date or an order number outside the deadline questions.

    A date given as the dispute's opens the deadline questions (already answered); a span in a
    question about the rules gets the rules; a date said without saying what it is gets "Is that
    the day you opened your dispute?".
    """

    def name(self) -> Text:
        return "action_note_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        entities = tracker.latest_message.get("entities", [])
        roles = {e.get("role") for e in entities if e.get("entity") == "date"}
        if "dispute_opened" in roles:
            return [FollowupAction("deadline_form")]
        if _only_rule_spans(tracker):  # "so what's the 15 days thing about?"
            dispatcher.utter_message(response="utter_deadline_rules")
            return []
        to_confirm = stored_date(tracker, "date_to_confirm")
        if to_confirm is not None and (
            dispute_date_asked_for(tracker) or stored_date(tracker, "dispute_date") is not None
        ):
            # The answer to "when did you open it?", or a correction of a date already given.
            return _use_as_dispute_date(to_confirm)
        if to_confirm is None and roles == {None} and dispute_date_asked_for(tracker):
            # "honestly no idea when I opened it, sometime last week maybe?": asked again
            return [FollowupAction("deadline_form")]
        if to_confirm is not None:
            dispatcher.utter_message(
                response="utter_confirm_dispute_date",
                date=long_date(to_confirm, clock.today(), buyer_locale(tracker)),
            )
            return []
        if any(e.get("entity") == "order_number" for e in entities):
            dispatcher.utter_message(
                response="utter_noted_order_number", order_number=tracker.get_slot("order_number")
            )
        elif not roles:
            dispatcher.utter_message(response="utter_please_rephrase")
            return []
        dispatcher.utter_message(response="utter_ask_what_happened")
        return []


class ActionConfirmDisputeDate(Action):
    """ "Yes" to "Is that the day you opened your dispute?": the date becomes the dispute's."""

    def name(self) -> Text:
        return "action_confirm_dispute_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        to_confirm = stored_date(tracker, "date_to_confirm")
        if to_confirm is None:
            dispatcher.utter_message(response="utter_ask_what_happened")
            return []
        return _use_as_dispute_date(to_confirm)


def _previous_user_entities(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The entities of the buyer's message before the latest one."""
    said = [e for e in tracker.events if e.get("event") == "user"]
    return (said[-2].get("parse_data") or {}).get("entities", []) if len(said) > 1 else []


def _only_rule_spans(tracker: Tracker) -> bool:
    """Are all the dates in the buyer's message spans in a question about the rules?"""
    entities = tracker.latest_message.get("entities", [])
    roles = {e.get("role") for e in entities if e.get("entity") == "date"}
    return roles == {"rule"}


def _use_as_dispute_date(day: date) -> List[Dict[Text, Any]]:
    return [
        SlotSet("dispute_date", day.isoformat()),
        SlotSet("date_to_confirm", None),
        FollowupAction("deadline_form"),
    ]
