"""When the dispute was opened, and what that means for the buyer today."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.case import current_standing, reminder_dates, standing_values, stored_date
from actions.formatting import long_date
from refund_rules.dates import parse_buyer_date
from refund_rules.deadlines import DateProblem, DisputeStanding, check_dispute_date
from refund_rules.reminders import ReminderKind, reminders_to_offer

_PROBLEM_RESPONSES = {
    DateProblem.IN_FUTURE: "utter_dispute_date_in_future",
    DateProblem.BEFORE_ORDER: "utter_dispute_date_before_order",
    DateProblem.TOO_OLD: "utter_dispute_date_too_old",
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
        ordered = stored_date(tracker, "order_date")
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
        standing = current_standing(tracker, today)
        if standing is None or check_dispute_date(standing.opened, today) is not None:
            dispatcher.utter_message(response="utter_ask_dispute_date")
            return []
        values = standing_values(standing)
        dispatcher.utter_message(
            response=f"utter_standing_seller_window_{standing.seller_window.value}", **values
        )
        if standing.can_escalate:
            dispatcher.utter_message(response="utter_standing_escalation_available", **values)
            dispatcher.utter_message(response="utter_escalation_button_caveat")
        else:
            dispatcher.utter_message(response="utter_standing_escalation_later", **values)
        _offer_reminders(dispatcher, standing)
        return []


def _offer_reminders(dispatcher: CollectingDispatcher, standing: DisputeStanding) -> None:
    planned = reminders_to_offer(standing)
    if not planned:
        return
    seller_too = any(r.kind is ReminderKind.SELLER_WINDOW_CLOSED for r in planned)
    dispatcher.utter_message(
        response="utter_offer_reminders" if seller_too else "utter_offer_escalation_reminder",
        **reminder_dates(planned, standing.today),
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
