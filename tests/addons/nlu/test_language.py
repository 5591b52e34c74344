"""addons/nlu/language.py: the message's language, and `other_language` for what the model
does not understand; short or language-neutral messages never count as another language."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LanguageIdentifier
from tests.addons.nlu.classified import classified


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(LanguageIdentifier.get_default_config())


def parsed(identifier: LanguageIdentifier, text: str) -> Message:
    return identifier.process([classified(text, [("report_not_received", 0.7)])])[0]


@pytest.mark.parametrize(
    "text, language",
    [
        ("mi paquete nunca llegó, quiero mi dinero", "es"),
        ("meu pedido não chegou até agora", "pt"),
        ("mon colis n'est jamais arrivé", "fr"),
        ("моя посылка так и не пришла", "ru"),
        ("moja paczka nie dotarła do mnie", "pl"),
        ("mein Paket ist nicht angekommen", "de"),
    ],
)
def test_another_language_is_named_and_gets_other_language(identifier, text, language):
    message = parsed(identifier, text)
    assert message.get("language") == language
    assert message.get("intent") == {"name": "other_language", "confidence": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Good afternoon. The seller wrote to me on the 20th of November and said he agrees to "
        "give back my money for the broken teapot. What should I do now?",
        "sorry. my order no arrive. what i can do",
        "msgd the seller monday thru contact now no answer yet wat now",
        "I ordered from AliExpress España and the seller in São Paulo never answered",
    ],
)
def test_english_keeps_its_intent(identifier, text):
    message = parsed(identifier, text)
    assert message.get("language") == "en"
    assert message.get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize("text", ["ok", "3", "order 8123456789012345", "👍", "si", "gracias"])
def test_short_or_neutral_messages_have_no_language(identifier, text):
    message = parsed(identifier, text)
    assert message.get("language") is None
    assert message.get("intent")["name"] == "report_not_received"
