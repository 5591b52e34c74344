"""A classifier of ours trained on word counts in a scratch model storage, for its tests."""

from pathlib import Path
from typing import Callable, Tuple, Type

from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.tfidf_intent_classifier import TfidfIntentClassifier

Parse = Callable[[str], Message]


def trained(
    tmp_path: Path, component: Type[TfidfIntentClassifier], data: TrainingData
) -> Tuple[Parse, Parse]:
    """`component` trained on `data`, and the same loaded back from storage: a parse function
    (text -> processed message) for each."""
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(graph_schema=None, node_name="tested")  # type: ignore[arg-type]
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizer = CountVectorsFeaturizer.create(
        CountVectorsFeaturizer.get_default_config(), storage, Resource("words"), context
    )
    tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    config = component.get_default_config()
    fresh = component.create(config, storage, Resource("tested"), context)
    fresh.train(data)
    loaded = component.load(config, storage, Resource("tested"), context)

    def parse_with(classifier: TfidfIntentClassifier) -> Parse:
        def parse(text: str) -> Message:
            message = Message(data={"text": text})
            tokenizer.process([message])
            featurizer.process([message])
            classifier.process([message])
            return message

        return parse

    return parse_with(fresh), parse_with(loaded)
