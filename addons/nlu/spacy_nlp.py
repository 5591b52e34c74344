"""`SpacyNLP` that parses each distinct text of the training data once.

Every answer-selector example carries its answer's text (the `response` attribute): 5,583
examples, 2 MB of text, in a few dozen distinct answers. Rasa's `SpacyNLP` parses each copy,
which was 23 of its 31 seconds of training; here the copies share one parse (spaCy documents are
only read after parsing). Named as Rasa's, so the components that take their model from
`SpacyNLP` find this one.
"""

from typing import List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from spacy.language import Language
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
        parsed = dict(zip(distinct, model.pipe(distinct, batch_size=PARSE_BATCH), strict=True))
        return [(index, parsed[text]) for index, text in samples_to_pipe]
