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
# lingua's confidence (addons/nlu/language.py) from which a message sets the first language,
# and from which it switches a language already set. Measured on the 15,923 training and
# held-out messages of 10 letters or more in the six languages: at 0.7, 23 of the 12,226 messages
# read (0.19%) are taken for another language, as few as at 0.8 (22 of 10,758), and 64% of the
# English messages switch instead of 50%. lingua is less sure of English, whose words are in
# every language's messages ("Dispute Finished", "RMA"): a switch to English needs 0.6, at which
# 75% of English messages switch and 15 in other languages would (most of them English: "in
# English please"; 11 at 0.7).
FIRST_LANGUAGE_CONFIDENCE = 0.5
SWITCH_CONFIDENCE = {"en": 0.6}
SWITCH_CONFIDENCE_OTHERS = 0.7
# Messages the NLU did not understand never switch the language.
NOT_UNDERSTOOD = {"nlu_fallback", "other_language"}


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
        language = conversation_language(tracker.get_slot("language"), tracker.latest_message)
        return {"language": language} if language != tracker.get_slot("language") else {}

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


def conversation_language(current: Optional[Text], message: Dict[Text, Any]) -> Optional[Text]:
    """The conversation's language after `message` (its parse data), `current` before it.

    A language asked for ("in English please") is taken; a message clearly in a language
    switches to it; short or uncertain messages keep the current one. Before any is known, a
    message fairly sure of its language gives the first; else the channel's hint, lingua's
    best reading, or a telling short message ("hola")."""
    asked = message.get("language_asked")
    if asked in LOCALES:
        return asked
    if current is not None and (message.get("intent") or {}).get("name") in NOT_UNDERSTOOD:
        return current  # "fjdksl qweqwe" is no language
    detected = message.get("language")
    confidence = float(message.get("language_confidence") or 0.0)
    spoken = detected if detected in LOCALES else None
    if current is not None:
        needed = SWITCH_CONFIDENCE.get(spoken or "", SWITCH_CONFIDENCE_OTHERS)
        return spoken if spoken and confidence >= needed else current
    if spoken and confidence >= FIRST_LANGUAGE_CONFIDENCE:
        return spoken
    hinted = channel_language(message.get("metadata") or {})
    return hinted or spoken or message.get("language_guess") or None


def channel_language(metadata: Dict[Text, Any]) -> Optional[Text]:
    """A language the assistant speaks from a channel's hint ("es-ES", "pt-br", "ru")."""
    for key in LANGUAGE_HINTS:
        hint = metadata.get(key)
        if isinstance(hint, str):
            code = hint.strip().lower().replace("_", "-").split("-")[0]
            if code in LOCALES:
                return code
    return None
