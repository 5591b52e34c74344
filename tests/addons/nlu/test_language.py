"""addons/nlu/language.py: the language a message is written in (with lingua's confidence) or
asks for; short or language-neutral messages have none, and a language the assistant doesn't
speak gets `other_language`."""

from typing import Optional

import pytest
from rasa.shared.nlu.training_data.message import Message

from actions.slot_mappings import conversation_language
from addons.nlu.language import (
    LanguageIdentifier,
    LanguageRequestWithMore,
    OtherLanguage,
    language_asked_for,
)
from tests.addons.nlu.classified import classified


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(LanguageIdentifier.get_default_config())


def parsed(identifier: LanguageIdentifier, text: str) -> Message:
    messages = identifier.process([classified(text, [("report_not_received", 0.7)])])
    return OtherLanguage(OtherLanguage.get_default_config()).process(messages)[0]


def language_entity(message: Message, current: Optional[str] = "en") -> Optional[str]:
    """The conversation's language after the message: `current` when the message says nothing
    of it (action_validate_slot_mappings decides from what the component found)."""
    decided = conversation_language(current, message.as_dict(only_output_properties=True))
    return None if decided == current else decided


@pytest.mark.parametrize(
    "text, language",
    [
        ("mi paquete nunca llegó, quiero mi dinero", "es"),
        ("meu pedido não chegou até agora", "pt"),
        ("mon colis n'est jamais arrivé", "fr"),
        ("моя посылка так и не пришла", "ru"),
        ("moja paczka nie dotarła do mnie", "pl"),
        ("moja paczka nie dotarla do mnie", "pl"),
    ],
)
def test_a_spoken_language_sets_the_language_and_keeps_the_intent(identifier, text, language):
    message = parsed(identifier, text)
    assert message.get("language") == language
    assert language_entity(message) == language
    assert language_entity(message, current=None) == language
    assert message.get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize(
    "text, language",
    [("mein Paket ist nicht angekommen", "de"), ("il mio pacco non è mai arrivato", "it")],
)
def test_a_language_not_spoken_gets_other_language(identifier, text, language):
    message = parsed(identifier, text)
    assert message.get("language") == language
    assert language_entity(message) is None
    assert message.get("intent") == {"name": "other_language", "confidence": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "नमस्ते, AliExpress से पैसे वापस कैसे मिलते हैं?",  # Hindi: a script lingua isn't asked about
        "我的包裹没有到",
        "مرحبا، لم يصل طلبي",
        "Γεια σας, το δέμα δεν ήρθε",
    ],
)
def test_a_script_no_spoken_language_uses_gets_other_language(identifier, text):
    message = parsed(identifier, text)
    assert message.get("intent") == {"name": "other_language", "confidence": 1.0}


@pytest.mark.parametrize(
    "text", ["my parcel 😡😡 never came", "my order from AliExpress 中国 never came"]
)
def test_a_few_other_characters_or_emoji_are_no_other_language(identifier, text):
    assert parsed(identifier, text).get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize(
    "text",
    ["а можно на украинском общаться?", "can we talk in German?", "pode falar em alemão?"],
)
def test_asking_for_a_language_not_spoken_gets_other_language(identifier, text):
    assert parsed(identifier, text).get("intent") == {"name": "other_language", "confidence": 1.0}


@pytest.mark.parametrize(
    "text", ["the seller only writes in chinese", "the manual is in German, not in English"]
)
def test_someone_elses_language_is_no_request(identifier, text):
    assert parsed(identifier, text).get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize("text", ["jjjjkkk ñlñlñ qwqw", "kkkkk jjjjj lllll"])
def test_keyboard_mashing_is_left_to_the_fallback(identifier, text):
    message = parsed(identifier, text)
    assert message.get("language") == "nl" and message.get("language_confidence") >= 0.8
    assert message.get("intent")["name"] == "report_not_received"  # not other_language


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
def test_english_is_english(identifier, text):
    message = parsed(identifier, text)
    assert message.get("language") == "en"
    assert language_entity(message, current=None) == "en"
    assert language_entity(message, current="es") in ("en", None)
    assert message.get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize("text", ["ok", "3", "order 8123456789012345", "👍", "si", "yes"])
def test_short_or_neutral_messages_set_no_language(identifier, text):
    message = parsed(identifier, text)
    assert message.get("language") is None
    assert language_entity(message) is None
    assert message.get("language_guess") is None
    assert message.get("intent")["name"] == "report_not_received"


@pytest.mark.parametrize(
    "text, guess",
    [("hola", "es"), ("Olá!", "pt"), ("merci", "fr"), ("спасибо", "ru"), ("cześć", "pl")],
)
def test_a_telling_short_message_is_only_a_guess(identifier, text, guess):
    message = parsed(identifier, text)
    assert language_entity(message) is None
    assert message.get("language_guess") == guess


@pytest.mark.parametrize(
    "text, language",
    [
        ("in English please", "en"),
        ("en español", "es"),
        ("pode falar em portugues?", "pt"),
        ("parlez en français svp", "fr"),
        ("можно на русском?", "ru"),
        ("po polsku", "pl"),
        ("Spanish please", "es"),
    ],
)
def test_asking_for_a_language_sets_it(identifier, text, language):
    assert language_asked_for(text) == language
    other = "ru" if language != "ru" else "es"
    assert language_entity(parsed(identifier, text), current=other) == language


@pytest.mark.parametrize(
    "text", ["el vendedor habla inglés", "I ordered an english keyboard", "french fries"]
)
def test_naming_a_language_is_not_asking_for_it(text):
    assert language_asked_for(text) is None


@pytest.mark.parametrize(
    "text, behind, intent",
    [
        ("¿puedes hablar en español? ¿cuándo puedo escalar?", ("faq", 0.3), "faq"),
        ("answer in English please? my husband wants to read it", ("faq", 0.11), "change_language"),
        ("sorry my phone switched to english, when can I escalate it?", ("faq", 0.3), "faq"),
        ("in English please", ("faq", 0.3), "change_language"),
        ("hablame en español por favor", ("check_deadlines", 0.2), "change_language"),
        ("English please, thank you so much", ("thank", 0.3), "change_language"),
        ("po polsku prosze. kiedy moge eskalowac", ("ask_escalation", 0.05), "change_language"),
    ],
)
def test_a_request_for_a_language_with_a_question_gets_the_question_answered(text, behind, intent):
    message = classified(text, [("change_language", 0.7), behind])
    LanguageRequestWithMore(LanguageRequestWithMore.get_default_config()).process([message])
    assert message.get("intent")["name"] == intent


def test_a_request_for_a_language_with_the_disputes_date_gets_the_standing():
    text = "Sorry, can we continue in English? My partner can't read French. I opened it on Monday."
    opened = {"entity": "date", "value": "on Monday", "role": "dispute_opened"}
    message = classified(text, [("change_language", 0.7), ("faq", 0.1)], [opened])
    LanguageRequestWithMore(LanguageRequestWithMore.get_default_config()).process([message])
    assert message.get("intent")["name"] == "check_deadlines"


@pytest.mark.parametrize(
    "text, known, intent",
    [
        # Swahili, which lingua takes for Polish: 1 word of 11 known
        (
            "Habari, niliagiza viatu kutoka AliExpress lakini havijafika hadi sasa. Nifanye nini?",
            (1, 11),
            "other_language",
        ),
        ("moja paczka nie dotarla do mnie a sprzedawca milczy", (7, 9), "report_not_received"),
        ("too few words to judge", (0, 5), "report_not_received"),
        ("asdf qwer zxcv uiop hjkl bnm ghjk tyui", (0, 8), "report_not_received"),  # mashing
    ],
)
def test_a_message_of_words_the_training_examples_lack_is_in_another_language(
    identifier, text, known, intent
):
    message = classified(text, [("report_not_received", 0.7)])
    message.set("words_known", known)
    identifier.process([message])
    OtherLanguage(OtherLanguage.get_default_config()).process([message])
    assert message.get("intent")["name"] == intent
