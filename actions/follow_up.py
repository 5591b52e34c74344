"""A follow-up that points back at the last answer ("where do I click to do that?", "HOW", "and
where would I get one of those?"): answered from the topic of that answer, or from the topic it
names ("Where is the escalate button? I can't find it"), with the buyer's own day to escalate when
their dispute's date is known; "ok, how do I open one?" with no steps running starts the steps.
Just after a reminder offer, a follow-up that also asks for reminders is a yes."""

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.case import (
    answer_when_to_escalate,
    buyer_locale,
    current_standing,
    last_said,
    reminders_asked_too,
)

# The follow-up answer for each topic, and the answers that are on that topic.
_TOPICS: Dict[Text, List[Text]] = {
    "utter_follow_up_escalation": [
        "utter_escalation",
        "utter_faq/escalation_rule",
        "utter_faq/escalation_button_three_days",
        "utter_faq/dispute_rejected",
        "utter_standing_escalation_available",
        "utter_standing_escalation_later",
        "utter_escalation_button_caveat",
        "utter_offer_escalation_reminder",
        "utter_reminder_escalation_available",
    ],
    "utter_follow_up_return": [
        "utter_return_process",
        "utter_complaint_wrong_size",
        "utter_faq/must_send_back",
        "utter_faq/return_shipping_cost",
        "utter_faq/no_rma_number",
        "utter_faq/return_address",
        "utter_faq/keep_wrong_size",
        "utter_faq/what_is_rma",
    ],
    "utter_follow_up_seller": [  # where to start: the seller first
        "utter_refund_overview",
        "utter_contact_seller",
        "utter_contact_seller_first",
        "utter_offer_walkthrough",
        "utter_offer_walkthrough_again",
        "utter_faq/seller_apology",
    ],
    "utter_follow_up_aliexpress_help": [  # what the guide does not cover
        "utter_faq/weekends",
        "utter_faq/refund_method",
        "utter_faq/refund_time",
        "utter_faq/buyer_protection",
        "utter_faq/finished_no_money",
        "utter_faq/marked_delivered",
        "utter_faq/closed_by_mistake",
        "utter_faq/exchange_rate",
        "utter_faq/partial_order",
        "utter_faq/evidence",
        "utter_faq/seller_asks_cancel",
        "utter_faq/partial_refund_or_coupon",
        "utter_no_live_agents",
    ],
    "utter_follow_up_status": ["utter_dispute_status"],
    # "and if I misread the listing myself, does it count?": the reasons again, that one among them
    "utter_faq/valid_reasons": ["utter_faq/valid_reasons"],
    "utter_follow_up_seller_window": [
        "utter_faq/seller_response_window",
        "utter_deadline_rules",
        "utter_standing_seller_window_open",
        "utter_standing_seller_window_last_day",
        "utter_offer_reminders",
    ],
}
_ESCALATION = "utter_follow_up_escalation"
_SELLER_WINDOW = "utter_follow_up_seller_window"
_TOPIC_OF = {said: answer for answer, topic in _TOPICS.items() for said in topic}
_STEP = "utter_dispute_step_"


# A follow-up that names its topic ("Where is the escalate button? I can't find it").
_NAMED_TOPICS = [
    (_ESCALATION, re.compile(r"\b(escal|eskal|эскал|обостр)")),
    ("utter_follow_up_return", re.compile(r"\b(rma|return address|send (it|them) back)\b")),
    # "and if he stays silent until then?": what the seller's silence leads to
    (
        _SELLER_WINDOW,
        re.compile(r"\b(silent|quiet|ignor|callad|mud[oa]|calad|muet|молч|игнор|milcz|olewa)"),
    ),
]
# "so the money should be there by now?" after a standing: the seller's days, not escalating
_MONEY = re.compile(
    r"\b(money|refund|dinero|plata|reembols|dinheiro|grana|estorno|argent|rembours"
    r"|деньг|денег|возврат|kas[aęy]|pieni[ąę]\w*|zwrot)"
)


# "ok, how do I open one?", "how do I file it", "e como abro entao?", "а можно по шагам?": a dispute
# to open.
_OPENING_ONE = re.compile(
    r"\b(open|file|start|raise)\s+(it|one|a dispute|the dispute)\b"
    r"|\b(abr[oe]|abrir\w*|ouvrir|ouvre|otworzy[cćeę]|otwiera[mcć])\b"
    r"|открыть|открою|открыва\w*"
    r"|paso a paso|por pasos|passo a passo|pas [àa] pas|[ée]tape par [ée]tape|krok po kroku"
    r"|по шагам|пошагово"
)


def _named_topic(text: Text, last: Optional[Text]) -> Optional[Text]:
    text = text.lower()
    named = next((topic for topic, words in _NAMED_TOPICS if words.search(text)), None)
    if named is None and last == _ESCALATION and _MONEY.search(text):
        return _SELLER_WINDOW
    return named


# The offers a follow-up that also asks for reminders answers yes to.
REMINDER_OFFERS = {"utter_offer_reminders", "utter_offer_escalation_reminder"}


def _last_topic(tracker: Tracker) -> Optional[Text]:
    """The bot's most recent answer that has a topic: a follow-up answer or a dispute step."""
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        said = (event.get("metadata") or {}).get("utter_action") or ""
        if said.startswith(_STEP):
            return _STEP
        if said in _TOPIC_OF:
            return _TOPIC_OF[said]
        if said in _TOPICS:  # a second follow-up on the same topic
            return said
    return None


class ActionAnswerFollowUp(Action):
    def name(self) -> Text:
        return "action_answer_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if last_said(tracker) in REMINDER_OFFERS and reminders_asked_too(tracker):
            # "ça marche, tu peux me faire signe à ces dates-là ?" just after the offer: a yes
            return [FollowupAction("action_set_reminders")]
        text = tracker.latest_message.get("text") or ""
        step = tracker.get_slot("dispute_step")
        if step is None and _OPENING_ONE.search(text.lower()):
            return [FollowupAction("action_show_dispute_step")]
        last = _last_topic(tracker)
        topic = _named_topic(text, last) or last
        if topic == _STEP:  # "what do I write in there?" during the steps: that step again
            topic = f"{_STEP}{int(step)}" if step else None
        standing = current_standing(tracker, clock.today()) if topic == _ESCALATION else None
        if standing:  # "and if that fails, when do I escalate?": the buyer's own day
            answer_when_to_escalate(dispatcher, standing, buyer_locale(tracker))
            return []
        dispatcher.utter_message(response=topic or "utter_follow_up_unclear")
        return []
