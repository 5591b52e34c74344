"""A complaint: guidance for that reason, try the seller first, and the dispute offer."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.case import bot_said, dispute_date_given, stored_date

# What each complaint intent says went wrong (the slot's own mappings in domain.yml).
COMPLAINT_OF_INTENT = {
    "report_not_received": "not_received",
    "report_not_as_described": "not_as_described",
    "report_defective": "defective",
    "report_wrong_size": "wrong_size",
}


class ActionExplainComplaint(Action):
    """Guidance for what went wrong, whichever way the buyer said it: a complaint ("my parcel
    never came") or a request naming it ("it came cracked, how do I get my money back?")."""

    def name(self) -> Text:
        return "action_explain_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        complaint = tracker.get_slot("complaint") or COMPLAINT_OF_INTENT.get(
            tracker.get_intent_of_latest_message()
        )
        if not complaint:
            dispatcher.utter_message(response="utter_refund_overview")
            dispatcher.utter_message(response="utter_request_refund")
            return []
        if bot_said(tracker, {f"utter_complaint_{complaint}"}) and not dispute_date_given(tracker):
            # said again ("like it's a completely different product"): noted, not the guidance again
            dispatcher.utter_message(response=f"utter_noted_complaint_{complaint}")
            dispatcher.utter_message(response="utter_offer_walkthrough_again")
            return []
        dispatcher.utter_message(response=f"utter_complaint_{complaint}")
        if dispute_date_given(tracker):
            # The dispute is already open: where it stands, not how to open one.
            return [FollowupAction("deadline_form")]
        dispatcher.utter_message(response="utter_contact_seller_first")
        dispatcher.utter_message(response="utter_offer_walkthrough")
        # The order date this complaint leaves: an ISO date or none.
        ordered = stored_date(tracker, "order_date")
        return [SlotSet("order_date", ordered.isoformat() if ordered else None)]
