"""When the dispute was opened, and what that means for the buyer today."""

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.formatting import day_count, days_ago, long_date
from refund_rules.dates import parse_buyer_date
from refund_rules.deadlines import DateProblem, check_dispute_date, dispute_standing
from refund_rules.reminders import ReminderKind, reminders_to_offer

_PROBLEM_RESPONSES = {
    DateProblem.IN_FUTURE: "utter_dispute_date_in_future",
    DateProblem.BEFORE_ORDER: "utter_dispute_date_before_order",
    DateProblem.TOO_OLD: "utter_dispute_date_too_old",
}


def stored_date(tracker: Tracker, slot: Text, today: date) -> Optional[date]:
    """A date slot as a date: ISO once validated, the buyer's words before that."""
    value = tracker.get_slot(slot)
    return parse_buyer_date(value, today) if value else None


def standing_values(opened: date, today: date) -> Dict[Text, Text]:
    """The values the standing responses fill in."""
    standing = dispute_standing(opened, today)
    return {
        "opened": long_date(opened, today),
        "opened_ago": days_ago(standing.days_elapsed),
        "days_left": day_count(standing.seller_days_left),
        "seller_deadline": long_date(standing.seller_deadline, today),
        "escalation_from": long_date(standing.escalation_from, today),
        "days_until": day_count(standing.days_until_escalation),
    }


class ValidateDeadlineForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_deadline_form"

    def validate_dispute_date(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        today = clock.today()
        opened = parse_buyer_date(slot_value, today)
        if opened is None:
            dispatcher.utter_message(response="utter_dispute_date_unreadable")
            return {"dispute_date": None}
        ordered = stored_date(tracker, "order_date", today)
        problem = check_dispute_date(opened, today, ordered)
        if problem is not None:
            dispatcher.utter_message(
                response=_PROBLEM_RESPONSES[problem],
                date=long_date(opened, today),
                order_date=long_date(ordered, today) if ordered else "",
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
        opened = stored_date(tracker, "dispute_date", today)
        if opened is None or check_dispute_date(opened, today) is not None:
            dispatcher.utter_message(response="utter_ask_dispute_date")
            return []
        standing = dispute_standing(opened, today)
        values = standing_values(opened, today)
        dispatcher.utter_message(
            response=f"utter_standing_seller_window_{standing.seller_window.value}", **values
        )
        if standing.can_escalate:
            dispatcher.utter_message(response="utter_standing_escalation_available", **values)
            dispatcher.utter_message(response="utter_escalation_button_caveat")
        else:
            dispatcher.utter_message(response="utter_standing_escalation_later", **values)
        _offer_reminders(dispatcher, opened, today)
        return []


def _offer_reminders(dispatcher: CollectingDispatcher, opened: date, today: date) -> None:
    planned = {r.kind: long_date(r.on, today) for r in reminders_to_offer(opened, today)}
    if ReminderKind.SELLER_WINDOW_CLOSED in planned:
        dispatcher.utter_message(
            response="utter_offer_reminders",
            seller_reminder_on=planned[ReminderKind.SELLER_WINDOW_CLOSED],
            escalation_reminder_on=planned[ReminderKind.ESCALATION_AVAILABLE],
        )
    elif planned:
        dispatcher.utter_message(
            response="utter_offer_escalation_reminder",
            escalation_reminder_on=planned[ReminderKind.ESCALATION_AVAILABLE],
        )


class ActionNoteDetails(Action):
    """The buyer gave a date or an order number outside the deadline questions."""

    def name(self) -> Text:
        return "action_note_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        entities = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        if "date" in entities:
            return [FollowupAction("deadline_form")]
        if "order_number" in entities:
            dispatcher.utter_message(
                response="utter_noted_order_number", order_number=tracker.get_slot("order_number")
            )
            dispatcher.utter_message(response="utter_ask_what_happened")
            return []
        dispatcher.utter_message(response="utter_please_rephrase")
        return []
