"""`ReturnAgreed`: a buyer who says the seller agreed to a return wants to know how the return
goes (the RMA number and the address in the seller's apology email, the tracking number).

"пылесос пришел с трещиной ... продавец согласился на возврат, а что дальше делать?" The intent
classifier reads the complaint ("came cracked") or a question about the rules, and "the seller
accepted the return" even became a rejected dispute ("o vendedor aceitou a devolução, e agora?").
With the words for an agreed return (`nlp_pipeline.meaning.RETURN_AGREED`, six languages) the
intent becomes `ask_return_process`; the complaint stays an entity, kept for the case. A
question the ResponseSelector is sure it answers about the return itself or the money after it
("the seller agreed to a return, who pays the shipping?") keeps its own answer; "the lamp came
broken and the seller agreed to a return, what now?" was "must I send it back?", at 0.31. Runs
after StepTold, before PersonAsked.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import ANSWER_FOUND, RETRIEVAL_INTENT, answer_confidence, answer_key
from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import says_return_agreed

RETURN_INTENT = "ask_return_process"
# Answers about the return itself or the money after it, more precise than the whole process
# when the selector is sure of one ("the seller agreed to a return, who pays the postage?").
KEPT_ANSWERS = {
    "faq/return_shipping_cost",
    "faq/return_address",
    "faq/no_rma_number",
    "faq/what_is_rma",
    "faq/must_send_back",
    "faq/keep_wrong_size",
    "faq/refund_time",
    "faq/refund_method",
    "faq/finished_no_money",
    "faq/exchange_rate",
}
# Requests another answer serves: a person, the reminders, the buyer's data.
KEPT_INTENTS = {"request_human", "cancel_reminders", "accept_reminders", "delete_my_data"}


def _sure_of_a_kept_answer(message: Message) -> bool:
    if (message.get(INTENT) or {}).get("name") != RETRIEVAL_INTENT:
        return False
    sure = (answer_confidence(message) or 0.0) >= ANSWER_FOUND
    return sure and answer_key(message) in KEPT_ANSWERS


def read_return_agreed(message: Message) -> None:
    intent = (message.get(INTENT) or {}).get("name")
    if intent in KEPT_INTENTS or _sure_of_a_kept_answer(message):
        return
    if says_return_agreed(message.get(TEXT) or ""):
        choose_intent(message, RETURN_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ReturnAgreed(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_return_agreed(message)
