"""`FactsOverFallback`: a message the classifier is unsure about, read from the facts in it.

Long messages with several facts often leave no intent confident enough ("I opened the dispute 3
days ago for a smartwatch with a dead screen" spreads the intent classifier over four intents), yet
what they hold is clear. When the FallbackClassifier gave `nlu_fallback`, the message gets the
intent of its weightiest fact instead:
- a question the ResponseSelector is sure of (`faq`, from `sure_answer`);
- the day the dispute was opened (`check_deadlines`);
- what went wrong (`report_<type>`);
- a step of opening a dispute said as done or not ("I'm logged in, what now?": `next_step`,
  the walkthrough goes on from there);
- since when the seller is silent (`report_seller_unresponsive`);
- any other date, or an order number (`inform`);
- a short "and X?" after an answer ("a święta? bo zaraz grudzień", after the weekends:
  `ask_follow_up`, answered on the last answer's topic);
- a greeting it opens with ("bonjour, c'est pour mon père, il préfère écrire lui-même": `greet`,
  which asks what went wrong).
Only a message with none of them keeps `nlu_fallback` and its "say it another way" menu. Runs
right after the FallbackClassifier.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import RETRIEVAL_INTENT, answer_confidence
from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_and_what_about, opens_with_a_greeting
from refund_rules.walkthrough import step_from_words

FALLBACK = "nlu_fallback"


def intent_of_facts(entities: List[Dict[Text, Any]], text: Text = "") -> Optional[Text]:
    def said(name: Text, role: Optional[Text] = None) -> List[Dict[Text, Any]]:
        return [
            e for e in entities if e.get("entity") == name and (not role or e.get("role") == role)
        ]

    if said("date", role="dispute_opened"):
        return "check_deadlines"
    complaints = said("complaint")
    if complaints:
        return f"report_{complaints[0]['value']}"
    if step_from_words(text) is not None:
        return "next_step"
    if said("date", role="seller_silent"):  # "the seller's been quiet since last Tuesday"
        return "report_seller_unresponsive"
    dates = [e for e in said("date") if e.get("role") != "rule"]  # a span in a rule question
    if dates or said("order_number"):
        return "inform"
    if asks_and_what_about(text):
        return "ask_follow_up"
    if opens_with_a_greeting(text):
        return "greet"
    return None


def read_facts(message: Message, sure_answer: float = 0.9) -> None:
    intent = message.get(INTENT) or {}
    if intent.get("name") != FALLBACK:
        return
    if (answer_confidence(message) or 0.0) >= sure_answer:
        name: Optional[Text] = RETRIEVAL_INTENT  # the ResponseSelector is sure of its answer
    else:
        name = intent_of_facts(message.get(ENTITIES) or [], message.get(TEXT) or "")
    if name is not None:
        choose_intent(message, name)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FactsOverFallback(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The ResponseSelector's confidence from which its answer is given to an unsure message.
        return {"sure_answer": 0.9}

    def process_message(self, message: Message) -> None:
        read_facts(message, float(self.config["sure_answer"]))
