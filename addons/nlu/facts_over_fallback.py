"""`FactsOverFallback`: a message the classifier is unsure about, read from the facts in it.

Long messages with several facts often leave no intent confident enough ("I opened the dispute
3 days ago for a smartwatch with a dead screen" spreads DIET over four intents), yet the
entities in them are clear. When the FallbackClassifier gave `nlu_fallback`, the message gets
the intent of its weightiest fact instead: the day the dispute was opened (`check_deadlines`),
what went wrong (`report_<type>`), any other date or an order number (`inform`). Only a
message with none of them keeps `nlu_fallback` and its "say it another way" menu. Runs right
after the FallbackClassifier.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FALLBACK = "nlu_fallback"


def intent_of_facts(entities: List[Dict[Text, Any]]) -> Optional[Text]:
    def said(name: Text, role: Optional[Text] = None) -> List[Dict[Text, Any]]:
        return [
            e for e in entities if e.get("entity") == name and (not role or e.get("role") == role)
        ]

    if said("date", role="dispute_opened"):
        return "check_deadlines"
    complaints = said("complaint")
    if complaints:
        return f"report_{complaints[0]['value']}"
    if said("date") or said("order_number"):
        return "inform"
    return None


def read_facts(message: Message) -> None:
    intent = message.get(INTENT) or {}
    if intent.get("name") != FALLBACK:
        return
    name = intent_of_facts(message.get(ENTITIES) or [])
    if name is None:
        return
    ranking: List[Dict[Text, Any]] = message.get(INTENT_RANKING_KEY) or []
    ranked = next((r for r in ranking if r.get("name") == name), {"confidence": 0.0})
    chosen = {"name": name, "confidence": float(ranked.get("confidence") or 0.0)}
    message.set(INTENT, chosen, add_to_output=True)
    others = [r for r in ranking if r.get("name") not in (name, FALLBACK)]
    message.set(INTENT_RANKING_KEY, [chosen, *others, intent], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FactsOverFallback(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "FactsOverFallback":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            read_facts(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
