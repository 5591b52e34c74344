"""action_validate_slot_mappings: Rasa runs it after every message on the slots just
extracted. A date the buyer said is stored as an ISO date, or quietly cleared when it can't
be read.

The `language` slot (custom mapping): until a message clearly in one language sets it, the
channel's hint (the web page's browser language, Telegram's `language_code`) or a telling short
message ("hola") does.

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
from actions.case import words_language
from refund_rules.dates import parse_buyer_date
from refund_rules.languages import LOCALES

DATE_SLOTS = ["order_date", "dispute_date", "date_to_confirm"]
# Where channels put the buyer's language in a message's metadata (web page, Telegram).
LANGUAGE_HINTS = ["language", "language_code"]


def _iso_date(words: Any, tracker: Tracker) -> Optional[Text]:
    day = parse_buyer_date(words, clock.today(), words_language(tracker)) if words else None
    return day.isoformat() if day else None


class ValidateSlotMappings(ValidationAction):
    def domain_slots(self, domain: DomainDict) -> List[Text]:
        # The date slots and the language: the others hold what was said as it was said.
        return [*DATE_SLOTS, "language"]

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

    def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        latest = tracker.latest_message or {}
        said = any(e.get("entity") == "language" for e in latest.get("entities") or [])
        if tracker.get_slot("language") is not None or said:
            return {}
        hinted = channel_language(latest.get("metadata") or {})
        first = hinted or latest.get("language_guess")
        return {"language": first} if first else {}

    def validate_order_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"order_date": _iso_date(value, tracker)}

    def validate_dispute_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"dispute_date": _iso_date(value, tracker)}

    def validate_date_to_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"date_to_confirm": _iso_date(value, tracker)}


def channel_language(metadata: Dict[Text, Any]) -> Optional[Text]:
    """A language the assistant speaks from a channel's hint ("es-ES", "pt-br", "ru")."""
    for key in LANGUAGE_HINTS:
        hint = metadata.get(key)
        if isinstance(hint, str):
            code = hint.strip().lower().replace("_", "-").split("-")[0]
            if code in LOCALES:
                return code
    return None
