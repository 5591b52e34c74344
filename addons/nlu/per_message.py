"""The shape our NLU components share: nothing to train, each message changed on its own."""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


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
