"""`FaqGate`: a message is a question for the ResponseSelector only when it picks an answer.

The intent classifier learns `faq` from several hundred varied questions and can take long
messages that are not questions ("ordered a cable, got a toy car instead") for one. The
answer selector then finds no answer that fits, and its confidence stays low. Below `threshold`
the gate gives the message the next intent of the classifier's ranking instead. Between
`threshold` and `doubtful`, the answer is doubted only when the classifier also had a real second
choice (at least `runner_up`): "hey so whats the deal with refunds, do i just ask the seller or is
there some form" (faq 0.56, answer 0.33, request_refund 0.44) is the headline question, while "do
I really have to mail back a 2 dollar phone case?" (faq 0.89, answer 0.29) stays a question. On
the 500 held-out messages (six languages) read as `faq`, 0.2 alone gives 459 right intents; with
0.35 and 0.2 466, and no message right before is wrong after. In the buyer conversations, 0.35
without the second choice answered four questions (who pays, must I send it back) with another
intent's answer.

A message that asks no question is doubted up to `doubtful_unasked`: "the vendor is ignoring my
dispute completely" (faq 0.63, answer 0.64, report_seller_unresponsive 0.27) tells the buyer's
case. Of the 189 held-out messages read as `faq` that ask nothing, 0.7 changed 3, each to its
right intent; doubting them all changed 12, 8 of them wrongly ("tracking says delivered but i
never got anything" has its answer).

The other way round, a question whose intent is a general one ("and if they want it back, how
would I know where to send it?" as a follow-up, "do I have to send the item back" as the returns
process) is answered when `faq` is close behind (at least `close_behind`) and the selector is sure
of an answer (at least `answer_found`): the specific answer fits better. Not when the intent is
about the buyer's own case (their deadlines, their dispute's status, escalating it): "il reste
combien de jours au vendeur ?" wants the buyer's dates, not the rule; nor the steps, nor small
talk. On the held-out messages, 0.25 and 0.4 (the thresholds `NoDisputeYet` uses for the same
question) changed 4 intents, each to the right one, as 0.5 does; with 0.4 one more English buyer
conversation passes.

A supposition is not a report: "and what if the seller never answers?" read as the buyer telling
that the seller is silent gets the rule's answer when the selector has one it does not doubt (at
least `doubtful`; "et si le vendeur calcule pas ?" had 0.22 for what a seller owes for a
misdescribed item).

A complaint told with a question the selector has no sure answer for ("the lid split right down
the middle. How do I get my money back for it?", "parcel lost. refund?": below `doubtful`) is the
complaint: its answer says how to get the money back, and a doubted answer (how long a refund
takes) would drop what the buyer told.

A buyer who says fewer items came than were ordered ("pedi 3 camisetas e só chegou 1") has a
partial order, not the complaint the words of the one item suggest (wrong size, for a T-shirt):
when the selector answers with `faq/partial_order` (at least `answer_found`) and the counts say so
(`nlp_pipeline.quantities`), a complaint or a refund request gets that answer. On the held-out
messages this changed 3 intents, each to the right one.

Runs after the answer selector and before the FallbackClassifier.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_a_question, supposes
from nlp_pipeline.quantities import says_fewer_arrived

RETRIEVAL_INTENT = "faq"
# `faq` close behind another intent, and an answer the selector is sure of: also what
# `NoDisputeYet` asks of a question said with "no dispute yet".
CLOSE_BEHIND = 0.25
ANSWER_FOUND = 0.4
# Intents a rule's answer does not replace: about the buyer's own case, the steps ("where is the
# Open Dispute button?" is not what a dispute is), and small talk ("e aí, tudo certo?" asks nothing
# the guide answers).
KEPT_INTENTS = {
    "check_deadlines",
    "ask_dispute_status",
    "ask_escalation",
    "ask_dispute_steps",
    "greet",
    "goodbye",
    "thank",
    "bot_challenge",
    "affirm",
    "deny",
}


# Reports a supposition is not: "a jeśli sprzedawca nie odpisze?" asks what the seller's silence
# would lead to, it does not tell that the seller is silent.
SUPPOSED_REPORTS = {"report_seller_unresponsive"}


def _selected(message: Message) -> Dict[Text, Any]:
    selected = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    return selected.get("response") or {}


def answer_confidence(message: Message) -> Optional[float]:
    """The ResponseSelector's confidence in its answer for `faq`, if it gave one."""
    confidence = _selected(message).get(PREDICTED_CONFIDENCE_KEY)
    return float(confidence) if confidence is not None else None


def answer_key(message: Message) -> Optional[Text]:
    """The ResponseSelector's answer for `faq` ("faq/seller_response_window"), if it gave one."""
    return _selected(message).get("intent_response_key")


def gate(
    message: Message,
    threshold: float,
    doubtful: float = 0.0,
    runner_up: float = 1.0,
    doubtful_unasked: float = 0.0,
) -> None:
    """Replace `faq` by the next intent when no answer fits well enough: below `threshold`, or
    below `doubtful` (`doubtful_unasked` for a message that asks nothing) when the next intent has
    at least `runner_up`."""
    intent = message.get(INTENT) or {}
    if intent.get("name") != RETRIEVAL_INTENT:
        return
    confidence = answer_confidence(message)
    if confidence is None:
        return
    if not asks_a_question(message.get(TEXT) or ""):
        doubtful = max(doubtful, doubtful_unasked)
    if confidence >= max(threshold, doubtful):
        return
    ranking: List[Dict[Text, Any]] = message.get(INTENT_RANKING_KEY) or []
    others = [ranked for ranked in ranking if ranked.get("name") != RETRIEVAL_INTENT]
    total = sum(float(ranked.get(PREDICTED_CONFIDENCE_KEY) or 0) for ranked in others)
    if not others or total <= 0:
        return
    second = float(others[0].get(PREDICTED_CONFIDENCE_KEY) or 0)
    if confidence >= threshold and second < runner_up:
        return
    # The other intents' shares of what `faq` leaves, so the FallbackClassifier judges the
    # new top intent by how the classifier ranked it against the others.
    others = [
        dict(ranked, confidence=float(ranked.get(PREDICTED_CONFIDENCE_KEY) or 0) / total)
        for ranked in others
    ]
    message.set(INTENT, dict(others[0]), add_to_output=True)
    message.set(INTENT_RANKING_KEY, others + [dict(intent, confidence=0.0)], add_to_output=True)


def faq_close_behind(message: Message, close_behind: float, answer_found: float) -> bool:
    """Is `faq` the intent, or close behind it with an answer the selector is sure of?"""
    if (message.get(INTENT) or {}).get("name") == RETRIEVAL_INTENT:
        return True
    ranking: List[Dict[Text, Any]] = message.get(INTENT_RANKING_KEY) or []
    faq = next((r for r in ranking if r.get("name") == RETRIEVAL_INTENT), {})
    answer = answer_confidence(message)
    close = float(faq.get(PREDICTED_CONFIDENCE_KEY) or 0) >= close_behind
    return close and answer is not None and answer >= answer_found


def answer_first(message: Message, close_behind: float, answer_found: float) -> None:
    """A question with `faq` close behind a general intent, and a sure answer: `faq`."""
    intent = (message.get(INTENT) or {}).get("name")
    if intent in KEPT_INTENTS or not asks_a_question(message.get(TEXT) or ""):
        return
    if faq_close_behind(message, close_behind, answer_found):
        choose_intent(message, RETRIEVAL_INTENT)


def supposition_answered(message: Message, threshold: float) -> None:
    """ "e se a loja me ignorar?" read as the buyer's report: the rule's answer, when the selector
    is sure enough of one (`threshold`: FaqGate's doubt), with the report's confidence (both
    readings are about the same silence)."""
    intent = message.get(INTENT) or {}
    answer = answer_confidence(message)
    if intent.get("name") not in SUPPOSED_REPORTS or answer is None or answer < threshold:
        return
    if supposes(message.get(TEXT) or ""):
        choose_intent(message, RETRIEVAL_INTENT, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0))


def complaint_over_doubt(message: Message, doubtful: float) -> None:
    """A question with a doubted answer, said with a complaint: the complaint's intent, with the
    question's confidence."""
    intent = message.get(INTENT) or {}
    if intent.get("name") != RETRIEVAL_INTENT or (answer_confidence(message) or 0.0) >= doubtful:
        return
    told = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "complaint"]
    if told:
        report = f"report_{told[0].get('value')}"
        choose_intent(message, report, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0))


PARTIAL_ORDER = "faq/partial_order"
# What a buyer who got fewer items than ordered may be read as saying: one of the complaints
# about the item that came, or a request for the money.
PARTIAL_ORDER_READINGS = {
    "report_not_received",
    "report_not_as_described",
    "report_defective",
    "report_wrong_size",
    "request_refund",
}


def partial_order_answered(message: Message, answer_found: float) -> None:
    """ "ordered 4 phone cases and only 2 arrived" read as a complaint: the partial order's answer,
    when the selector gives it and the counts say fewer arrived, with the complaint's confidence
    (both readings are about the same order)."""
    intent = message.get(INTENT) or {}
    if intent.get("name") not in PARTIAL_ORDER_READINGS or answer_key(message) != PARTIAL_ORDER:
        return
    if (answer_confidence(message) or 0.0) >= answer_found and says_fewer_arrived(
        message.get(TEXT) or ""
    ):
        choose_intent(message, RETRIEVAL_INTENT, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FaqGate(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "threshold": 0.2,
            "doubtful": 0.35,
            "runner_up": 0.2,
            "close_behind": CLOSE_BEHIND,
            "answer_found": ANSWER_FOUND,
            "doubtful_unasked": 0.7,
        }

    def process_message(self, message: Message) -> None:
        partial_order_answered(message, float(self.config["answer_found"]))
        answer_first(
            message, float(self.config["close_behind"]), float(self.config["answer_found"])
        )
        gate(
            message,
            float(self.config["threshold"]),
            float(self.config["doubtful"]),
            float(self.config["runner_up"]),
            float(self.config["doubtful_unasked"]),
        )
        complaint_over_doubt(message, float(self.config["doubtful"]))
        supposition_answered(message, float(self.config["doubtful"]))
