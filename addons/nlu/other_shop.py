"""`OtherShop`: a question about another marketplace is outside what the assistant knows.

"does amazon refund you without sending the item back", "como faço reclamação na shopee?", "jak
zwrócić towar na allegro?": the intent classifier reads the refund or return question in them and
the buyer would get AliExpress's rules for another shop. A question that names another marketplace
and not AliExpress (`nlp_pipeline.meaning.asks_about_another_shop`) becomes `out_of_scope`. A
complaint keeps its intent ("the charger is a cheap copy of the one on amazon"), and so does a
question that also names AliExpress ("is aliexpress like amazon, do they refund without a return?").
Runs after the FallbackClassifier, so such a question that fell back is answered too.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_about_another_shop

OUT_OF_SCOPE = "out_of_scope"
# Questions whose answers would be AliExpress's rules.
READ_AS_OUR_RULES = {
    "faq",
    "request_refund",
    "ask_return_process",
    "ask_dispute_steps",
    "ask_dispute_status",
    "ask_escalation",
    "contact_seller",
    "check_deadlines",
    "ask_help",
    "ask_follow_up",
    "nlu_fallback",
}


def read_other_shop(message: Message) -> None:
    intent = message.get(INTENT) or {}
    if intent.get("name") in READ_AS_OUR_RULES and asks_about_another_shop(message.get(TEXT) or ""):
        choose_intent(message, OUT_OF_SCOPE, float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OtherShop(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_other_shop(message)
