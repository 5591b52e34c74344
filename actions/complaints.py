"""A complaint: guidance for that reason, try the seller first, and the dispute offer."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.case import stored_date

_GUIDANCE = {
    "report_not_received": "utter_complaint_not_received",
    "report_not_as_described": "utter_complaint_not_as_described",
    "report_defective": "utter_complaint_defective",
    "report_wrong_size": "utter_complaint_wrong_size",
}


class ActionExplainComplaint(Action):
    def name(self) -> Text:
        return "action_explain_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        guidance = _GUIDANCE.get(tracker.get_intent_of_latest_message())
        if guidance is None:
            dispatcher.utter_message(response="utter_request_refund")
            return []
        dispatcher.utter_message(response=guidance)
        dispatcher.utter_message(response="utter_contact_seller_first")
        dispatcher.utter_message(response="utter_offer_walkthrough")
        # The order date this complaint leaves: an ISO date or none.
        ordered = stored_date(tracker, "order_date")
        return [SlotSet("order_date", ordered.isoformat() if ordered else None)]
