"""addons/nlu/spacy_tokenizer.py: tokens hashed once, to the fingerprint Rasa's would have, and
again after a change."""

from rasa.nlu.tokenizers.tokenizer import Token

from addons.nlu.spacy_tokenizer import FingerprintedToken


def test_the_fingerprint_is_rasas():
    ours = FingerprintedToken("parcel", 3, 9, data={"pos": "NOUN"}, lemma="parcel")
    rasas = Token("parcel", 3, 9, data={"pos": "NOUN"}, lemma="parcel")
    assert ours.fingerprint() == rasas.fingerprint()
    assert ours.fingerprint() == rasas.fingerprint()  # the remembered one


def test_a_change_gives_a_new_fingerprint():
    token = FingerprintedToken("parcel", 3, 9, data={"pos": "NOUN"}, lemma="parcel")
    before = token.fingerprint()
    token.set("pos", "VERB")
    assert token.fingerprint() != before
    assert token.fingerprint() == Token("parcel", 3, 9, {"pos": "VERB"}, "parcel").fingerprint()


def test_the_intent_and_text_tokens_are_fingerprinted_tokens():
    import spacy
    from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from addons.nlu.spacy_tokenizer import SpacyTokenizer

    model = SpacyModel(model=spacy.blank("en"), model_name="blank")
    message = Message(data={"text": "my parcel never came", "intent": "report_not_received"})
    data = SpacyNLP(model, SpacyNLP.get_default_config()).process_training_data(
        TrainingData([message]), model
    )
    SpacyTokenizer(SpacyTokenizer.get_default_config()).process_training_data(data)
    for name in ("text_tokens", "intent_tokens"):
        tokens = message.get(name)
        assert tokens and all(isinstance(t, FingerprintedToken) for t in tokens), name
    assert [t.text for t in message.get("text_tokens")] == ["my", "parcel", "never", "came"]


def test_the_answer_text_an_example_carries_is_not_tokenised():
    import spacy
    from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from addons.nlu.spacy_tokenizer import SpacyTokenizer

    model = SpacyModel(model=spacy.blank("en"), model_name="blank")
    message = Message(
        data={
            "text": "how long does the seller have",
            "intent": "faq",
            "intent_response_key": "faq/seller_response_window",
            "response": "The seller has up to 5 days to respond.",
        }
    )
    data = SpacyNLP(model, SpacyNLP.get_default_config()).process_training_data(
        TrainingData([message]), model
    )
    SpacyTokenizer(SpacyTokenizer.get_default_config()).process_training_data(data)
    assert [t.text for t in message.get("text_tokens")][:2] == ["how", "long"]
    assert message.get("intent_response_key_tokens")
    assert message.get("response_tokens") is None
