"""No live agents here: say so, and give the buyer their case to paste into AliExpress support."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.case import current_standing, standing_values, tell_standing

# Its text stands for each detail of the case the buyer hasn't given.
NOT_GIVEN_RESPONSE = "utter_case_not_given"


class ActionSummariseCase(Action):
    def name(self) -> Text:
        return "action_summarise_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        not_given = _text(domain, NOT_GIVEN_RESPONSE)
        complaint = tracker.get_slot("complaint")
        standing = current_standing(tracker, clock.today())
        dates = standing_values(standing) if standing else {}
        summary = {
            "complaint": _text(domain, f"utter_problem_{complaint}", complaint or not_given),
            "order_number": tracker.get_slot("order_number") or not_given,
            "product": tracker.get_slot("product") or not_given,
            "dispute_opened": dates.get("opened", not_given),
            "seller_deadline": dates.get("seller_deadline", not_given),
            "escalation_from": dates.get("escalation_from", not_given),
        }
        dispatcher.utter_message(response="utter_no_live_agents")
        dispatcher.utter_message(response="utter_case_summary", **summary)
        if standing:  # and where it stands now, as a buyer asking for a person wants to know
            tell_standing(dispatcher, standing)
        return []


def _text(domain: DomainDict, response: Text, default: Text = "") -> Text:
    """The text of a response of the domain (used inside another response)."""
    variations = domain["responses"].get(response) or [{"text": default}]
    return variations[0]["text"]
