"""No live agents here: say so, and give the buyer their case to paste into AliExpress support:
in their language, and in English too when that is another one."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.case import buyer_language, current_standing, standing_values, tell_standing
from refund_rules.deadlines import DisputeStanding
from refund_rules.languages import ENGLISH, locale_of, translated_responses

# Its text stands for each detail of the case the buyer hasn't given.
NOT_GIVEN_RESPONSE = "utter_case_not_given"


class ActionSummariseCase(Action):
    def name(self) -> Text:
        return "action_summarise_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        language = buyer_language(tracker) or ENGLISH
        standing = current_standing(tracker, clock.today())
        dispatcher.utter_message(response="utter_no_live_agents")
        dispatcher.utter_message(
            response="utter_case_summary", **_summary(tracker, domain, standing, language)
        )
        if language != ENGLISH:  # AliExpress's support reads English
            dispatcher.utter_message(response="utter_case_summary_english_copy")
            english = _summary(tracker, domain, standing, ENGLISH)
            dispatcher.utter_message(response="utter_case_summary", language=ENGLISH, **english)
        if standing:  # and where it stands now, as a buyer asking for a person wants to know
            tell_standing(dispatcher, standing, locale_of(language))
        return []


def _summary(
    tracker: Tracker, domain: DomainDict, standing: Optional[DisputeStanding], language: Text
) -> Dict[Text, Text]:
    not_given = _text(domain, NOT_GIVEN_RESPONSE, language)
    complaint = tracker.get_slot("complaint")
    dates = standing_values(standing, locale_of(language)) if standing else {}
    return {
        "complaint": _text(domain, f"utter_problem_{complaint}", language, complaint or not_given),
        "order_number": tracker.get_slot("order_number") or not_given,
        "product": tracker.get_slot("product") or not_given,
        "dispute_opened": dates.get("opened", not_given),
        "seller_deadline": dates.get("seller_deadline", not_given),
        "escalation_from": dates.get("escalation_from", not_given),
    }


def _text(domain: DomainDict, response: Text, language: Text, default: Text = "") -> Text:
    """The text of a response (used inside another response), in `language` when it has it."""
    variations = (
        translated_responses(language).get(response)
        or domain["responses"].get(response)
        or [{"text": default}]
    )
    return variations[0]["text"]
