"""`SpacyNLP` that parses each distinct text of the training data once.

Every answer-selector example carries its answer's text (the `response` attribute): 5,583
examples, 2 MB of text, in a few dozen distinct answers. Rasa's `SpacyNLP` parses each copy,
which was 23 of its 31 seconds of training; here the copies share one parse (spaCy documents are
only read after parsing). Named as Rasa's, so the components that take their model from
`SpacyNLP` find this one.

The entity ruler is left out of those parses: no component trained on them reads their entities
(the tokenizer reads the tokens, which the ruler does not change; SpacyEntityExtractor and the
entity add-ons run on messages only). It was 9 of spaCy's 11 seconds of training.
"""

from typing import List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

PARSE_BATCH = 50  # Rasa's batch size


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(RasaSpacyNLP):
    @staticmethod
    def _process_content_bearing_samples(
        model: Language, samples_to_pipe: List[Tuple[int, str]]
    ) -> List[Tuple[int, Doc]]:
        distinct = list(dict.fromkeys(text for _, text in samples_to_pipe))
        rulers = [name for name, pipe in model.pipeline if isinstance(pipe, EntityRuler)]
        docs = model.pipe(distinct, batch_size=PARSE_BATCH, disable=rulers)
        parsed = dict(zip(distinct, docs, strict=True))
        return [(index, parsed[text]) for index, text in samples_to_pipe]
