"""No live agents here: say so, and give the buyer their case to paste into AliExpress support."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.deadlines import standing_values, stored_date

NOT_GIVEN = "not given yet"


class ActionSummariseCase(Action):
    def name(self) -> Text:
        return "action_summarise_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        today = clock.today()
        summary = {
            "complaint": tracker.get_slot("complaint") or NOT_GIVEN,
            "order_number": tracker.get_slot("order_number") or NOT_GIVEN,
            "product": tracker.get_slot("product") or NOT_GIVEN,
            "dispute_opened": NOT_GIVEN,
            "seller_deadline": NOT_GIVEN,
            "escalation_from": NOT_GIVEN,
        }
        opened = stored_date(tracker, "dispute_date", today)
        if opened is not None and opened <= today:
            standing = standing_values(opened, today)
            summary["dispute_opened"] = standing["opened"]
            summary["seller_deadline"] = standing["seller_deadline"]
            summary["escalation_from"] = standing["escalation_from"]
        dispatcher.utter_message(response="utter_no_live_agents")
        dispatcher.utter_message(response="utter_case_summary", **summary)
        return []
