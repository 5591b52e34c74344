"""The shape our NLU components share: nothing to train, each message changed on its own."""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


def choose_intent(message: Message, name: Text, confidence: Optional[float] = None) -> None:
    """Give `message` the intent `name`, with `confidence` or else the confidence the classifier
    gave it; the intent it replaces goes to the end of the ranking."""
    replaced = message.get(INTENT) or {}
    if replaced.get("name") == name:
        return
    ranking: List[Dict[Text, Any]] = message.get(INTENT_RANKING_KEY) or []
    if confidence is None:
        ranked = next((r for r in ranking if r.get("name") == name), {"confidence": 0.0})
        confidence = float(ranked.get("confidence") or 0.0)
    chosen = {"name": name, "confidence": confidence}
    others = [r for r in ranking if r.get("name") not in (name, replaced.get("name"))]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *others, replaced], add_to_output=True)


class PerMessageComponent(GraphComponent):
    """Subclasses say what they do to one message in `process_message`; their settings, with
    `get_default_config`, arrive in `self.config`."""

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        self.config = config or {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PerMessageComponent":
        return cls(config)

    def process_message(self, message: Message) -> None:
        raise NotImplementedError

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.process_message(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
