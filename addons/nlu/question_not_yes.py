"""`QuestionNotYes`: a question is not a "yes" or a "no".

"y si no contesta, cuando escalo?" ("and if he doesn't answer, when do I escalate?"): without its
accent, "si" (if) is the Spanish "sí" (yes), and the intent classifier reads the question as a
"yes"; with no offer pending, the buyer then gets "what would you like to do now?". A message of
at least `min_words` words that asks something (a question mark, or a question's opening words)
takes the classifier's next intent instead ("yes? and then what" is short and stays a "yes").
Runs after the ResponseSelector and before FaqGate, which judges a `faq` chosen here.
"""

from typing import Any, Dict, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_a_question

ANSWERS = {"affirm", "deny"}


def read_question(message: Message, min_words: int) -> None:
    if (message.get(INTENT) or {}).get("name") not in ANSWERS:
        return
    text = message.get(TEXT) or ""
    if len(text.split()) < min_words or not asks_a_question(text):
        return
    ranking = message.get(INTENT_RANKING_KEY) or []
    other = next((r["name"] for r in ranking if r.get("name") not in ANSWERS), None)
    if other is not None:
        choose_intent(message, other)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionNotYes(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_words": 4}

    def process_message(self, message: Message) -> None:
        read_question(message, int(self.config["min_words"]))
