"""addons/nlu/spacy_nlp.py: each distinct training text parsed once, the parses as Rasa's."""

import spacy
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.spacy_nlp import SpacyNLP

ANSWER = "The seller has up to 5 days to respond."


def _with_a_ruler():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "complaint", "pattern": "never came"}])
    return SpacyModel(model=nlp, model_name="ruled")


def _parsed(component, model=None):
    messages = [
        Message(data={"text": "how long does the seller have", "response": ANSWER}),
        Message(data={"text": "is there a time limit for the seller", "response": ANSWER}),
        Message(data={"text": "my parcel never came"}),
    ]
    model = model or SpacyModel(model=spacy.blank("en"), model_name="blank")
    component(model, component.get_default_config()).process_training_data(
        TrainingData(messages), model
    )
    return messages


def test_a_text_said_twice_is_parsed_once_to_the_same_tokens_as_rasas():
    ours, rasas = _parsed(SpacyNLP), _parsed(RasaSpacyNLP)
    assert ours[0].get("response_spacy_doc") is ours[1].get("response_spacy_doc")
    for own, theirs in zip(ours, rasas, strict=True):
        for attribute in ("text_spacy_doc", "response_spacy_doc"):
            own_doc, their_doc = own.get(attribute), theirs.get(attribute)
            assert (own_doc is None) == (their_doc is None)
            if own_doc is not None:
                assert [t.text for t in own_doc] == [t.text for t in their_doc]
    assert ours[2].get("response_spacy_doc") is None


def test_training_parses_leave_the_entity_ruler_out_and_messages_keep_it():
    ours, rasas = _parsed(SpacyNLP, _with_a_ruler()), _parsed(RasaSpacyNLP, _with_a_ruler())
    own_doc, their_doc = ours[2].get("text_spacy_doc"), rasas[2].get("text_spacy_doc")
    assert [t.text for t in own_doc] == [t.text for t in their_doc]  # the same tokens
    assert own_doc.ents == () and [e.text for e in their_doc.ents] == ["never came"]

    model = _with_a_ruler()
    message = Message(data={"text": "my parcel never came"})
    SpacyNLP(model, SpacyNLP.get_default_config()).process([message], model)
    assert [e.text for e in message.get("text_spacy_doc").ents] == ["never came"]
