"""action_validate_slot_mappings: Rasa runs it after every message on the slots just
extracted. A date the buyer said is stored as an ISO date, or quietly cleared when it can't
be read.

While the deadline form is active (also when it starts: Rasa extracts the slots again then)
the form validates the dispute date itself, from the buyer's words, and says what is wrong
with it (validate_deadline_form).
"""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions import clock
from refund_rules.dates import parse_buyer_date

DATE_SLOTS = ["order_date", "dispute_date", "date_to_confirm"]


def _iso_date(words: Any) -> Optional[Text]:
    day = parse_buyer_date(words, clock.today()) if words else None
    return day.isoformat() if day else None


class ValidateSlotMappings(ValidationAction):
    def domain_slots(self, domain: DomainDict) -> List[Text]:
        # Only the date slots: the others hold what was said as it was said.
        return DATE_SLOTS

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        if tracker.active_loop_name == "deadline_form":
            return [slot for slot in domain_slots if slot != "dispute_date"]
        return domain_slots

    def validate_order_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"order_date": _iso_date(value)}

    def validate_dispute_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"dispute_date": _iso_date(value)}

    def validate_date_to_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"date_to_confirm": _iso_date(value)}
