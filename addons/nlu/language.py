"""`LanguageIdentifier`: the language a message is written in or asks for.

lingua's models ship inside its wheel (nothing is downloaded). It adds to the parse data:
- `language` and `language_confidence`: lingua's best language and its confidence, for a
  message of at least `min_letters` letters. Short or language-neutral messages ("ok", "3", an
  order number, an emoji) have none.
- `language_asked`: the language a message asks for ("in English please", "en español").
- `language_guess`: the language of a short message that is still telling ("hola", "привет").
The `language` slot is decided from these with the conversation's current language in view
(action_validate_slot_mappings). Runs before the date components that read other languages.

`LanguageRequestWithMore`: a request for a language said with something else ("¿puedes hablar en
español? ¿cuándo puedo escalar?") gets the intent of the something else; the language slot
switches all the same (`language_asked`).

`OtherLanguage`: a message clearly in a language the assistant doesn't speak gets the intent
`other_language` (keyboard mashing is left to the fallback). Both run last, after the
FallbackClassifier.
"""

import re
import unicodedata
from typing import Any, Dict, List, Optional, Pattern, Text, Tuple

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.dispute_date_told import DEADLINES_INTENT
from addons.nlu.per_message import PerMessageComponent, choose_intent
from addons.nlu.tfidf_intent_classifier import WORDS_KNOWN
from nlp_pipeline.meaning import tells_dispute_date

LANGUAGE = "language"
LANGUAGE_CONFIDENCE = "language_confidence"
LANGUAGE_ASKED = "language_asked"
LANGUAGE_GUESS = "language_guess"
OTHER_LANGUAGE = "other_language"
CHANGE_LANGUAGE = "change_language"
# Said around a request for a language ("English please, thanks"): the request is answered.
_PLEASANTRIES = {"greet", "thank", "goodbye", "affirm", "deny"}

# A language's name as buyers write it after "in", "en", "em", "на", "po"... ("in English",
# "en español", "em português", "на русском", "po polsku", "по-русски").
_NAMES = {
    "en": r"english|ingl[eé]s|ingl[eê]s|anglais|английск\w*|angielsk\w*|po angielsku|по-английски",
    "es": r"spanish|espa[nñ]ol|espanhol|espagnol|испанск\w*|hiszpa[nń]sk\w*|po hiszpa[nń]sku",
    "pt": r"portuguese|portugu[eé]s|portugu[eê]s|portugais|португальск\w*|portugalsk\w*",
    "fr": r"french|franc[eé]s|franc[eê]s|fran[cç]ais|французск\w*|francusk\w*|po francusku",
    "ru": r"russian|ruso|russo|russe|по-русски|по русски|русск\w*|rosyjsk\w*|po rosyjsku",
    "pl": r"polish|polaco|polon[eê]s|polonais|по-польски|польск\w*|polsk\w*|po polsku",
}
_ASKED = r"(?<!\w)(?:in|en|em|на|po|speak)\s+(?:{names})(?!\w)"
# Languages buyers ask for that the assistant does not speak, named in ours ("на украинском",
# "auf Deutsch" is German itself and goes to lingua): answered with the languages it speaks.
_UNSPOKEN_NAMES = (
    r"ukrainian|german|italian|chinese|turkish|arabic|dutch|ucraniano|alem[aáã]n?|alem[aã]o"
    r"|italiano|chino|chin[eê]s|turco|[aá]rabe|ukrainien|allemand|italien|chinois|turc|arabe"
    r"|украинск\w*|немецк\w*|итальянск\w*|китайск\w*|турецк\w*|арабск\w*"
    r"|ukrai[nń]sk\w*|niemieck\w*|w[łl]osk\w*|chi[nń]sk\w*|tureck\w*|arabsk\w*"
)
# "по-украински" says the language without a preposition.
_UNSPOKEN_ASKED = re.compile(
    _ASKED.format(names=_UNSPOKEN_NAMES) + r"|по-украински|по-немецки", re.IGNORECASE
)
# ...unless the message is about someone else's language ("the seller only writes in Chinese").
_SOMEONE_ELSE = re.compile(
    r"seller|shop|store|vendedor|vendeur|vendeuse|loja|tienda|boutique|продав|магазин|sprzedaw"
    r"|sklep|label|manual|instructions|box|caja|caixa|bo[iî]te|коробк|инструкц|pude[łl]k|instrukc",
    re.IGNORECASE,
)
# Short openers that tell the language on their own, below `min_letters`.
_OPENERS = {
    "es": r"hola|buenas|buenos d[ií]as|buenas tardes|buenas noches|gracias|vale|saludos",
    "pt": r"oi|ol[aá]|bom dia|boa tarde|boa noite|obrigad[oa]|valeu|tudo bem",
    "fr": r"bonjour|bonsoir|salut|coucou|merci",
    "pl": r"cze[sś][cć]|dzie[nń] dobry|dzi[eę]ki|dzi[eę]kuj[eę]|witam|witaj|siema|hej",
}


def lingua_language(code: Text) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))


def _asked_pattern(names: Text) -> Pattern[Text]:
    return re.compile(
        rf"{_ASKED.format(names=names)}|^(?:{names})(?:\s+(?:please|por favor|s'il vous pla[iî]t"
        rf"|stp|пожалуйста|prosz[eę]))?[\s.!?]*$|(?:по-|на )(?:{names})",
        re.IGNORECASE,
    )


_ASKED_FOR = {code: _asked_pattern(names) for code, names in _NAMES.items()}
_OPENER = {
    code: re.compile(rf"^\s*(?:{words})[\s.!?,]*$", re.IGNORECASE)
    for code, words in _OPENERS.items()
}
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_ANY_NAME = re.compile("|".join(_NAMES.values()), re.IGNORECASE)
# Keyboard mashing ("jjjjkkk ñlñlñ qwqw"), which lingua takes for Dutch or German with confidence:
# words of Latin letters that have no vowel or one letter three times running.
_LATIN_WORD = re.compile(r"[a-zà-ÿąćęłńśźż]{3,}", re.IGNORECASE)
_VOWEL = re.compile(r"[aeiouyà-æè-ïò-öø-ÿąę]", re.IGNORECASE)
_LETTER_THRICE = re.compile(r"(\w)\1\1")
_CLAUSE = re.compile(r"[.!?,;:\n]+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_keyboard_mashing(text: Text) -> bool:
    """Are at least half the Latin-letter words of the message not words at all?"""
    words = _LATIN_WORD.findall(text)
    wordlike = [w for w in words if _VOWEL.search(w) and not _LETTER_THRICE.search(w)]
    return bool(words) and 2 * len(wordlike) <= len(words)


# The scripts the spoken languages are written in; a message mostly in another one (Hindi's
# Devanagari, Arabic, Chinese, Greek) is in a language lingua is not asked about.
_OUR_SCRIPTS = ("LATIN", "CYRILLIC")


def written_in_another_script(text: Text, min_letters: int = 2) -> bool:
    """Are most of the message's letters, and at least `min_letters`, of a script none of the
    spoken languages uses?"""
    letters = [character for character in text if character.isalpha()]
    other = [c for c in letters if not unicodedata.name(c, "").startswith(_OUR_SCRIPTS)]
    return len(other) >= min_letters and 2 * len(other) > len(letters)


def says_more_than_a_language(text: Text, min_words: int = 3) -> bool:
    """Does a clause that names no language hold a request of its own ("in English please. when
    can I escalate?")?"""
    clauses = [c for c in _CLAUSE.split(text) if not _ANY_NAME.search(c)]
    return any(len(_WORD.findall(clause)) >= min_words for clause in clauses)


def unspoken_language_asked(text: Text) -> bool:
    """Does the message ask for a language the assistant doesn't speak ("can we talk in
    Ukrainian?")?"""
    return bool(_UNSPOKEN_ASKED.search(text)) and not _SOMEONE_ELSE.search(text)


def language_asked_for(text: Text) -> Optional[Text]:
    """The language a message asks the assistant to speak ("in English please"), if any."""
    asked = [code for code, pattern in _ASKED_FOR.items() if pattern.search(text)]
    return asked[0] if len(asked) == 1 else None


class Identifier:
    def __init__(self, known: List[Text], min_letters: int, min_guess_confidence: float) -> None:
        self.detector: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*map(lingua_language, known))
            .with_preloaded_language_models()
            .build()
        )
        self.min_letters = min_letters
        self.min_guess_confidence = min_guess_confidence

    def language_of(self, text: Text) -> Tuple[Optional[Text], float]:
        """The ISO 639-1 code of `text`'s language and lingua's confidence in it; None when
        the text is too short to tell."""
        if sum(character.isalpha() for character in text) < self.min_letters:
            return None, 0.0
        best = self.detector.compute_language_confidence_values(text)[0]
        return best.language.iso_code_639_1.name.lower(), best.value

    def guess(self, text: Text, spoken: List[Text]) -> Optional[Text]:
        """The language of a short message that is telling on its own ("hola", "спасибо")."""
        if _CYRILLIC.search(text):
            return "ru"
        for code, opener in _OPENER.items():
            if opener.match(text):
                return code
        if not any(character.isalpha() for character in text):
            return None
        best = self.detector.compute_language_confidence_values(text)[0]
        code = best.language.iso_code_639_1.name.lower()
        return code if code in spoken and best.value >= self.min_guess_confidence else None


# A message featurizer to Rasa's recipe, so that it also reads the training examples.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class LanguageIdentifier(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # Languages lingua chooses between: ours, and neighbours that would otherwise be
            # taken for one of ours.
            "known": ["en", "es", "pt", "fr", "ru", "pl", "de", "it", "nl", "tr"],
            # Languages the assistant speaks (NLU data and responses).
            "spoken": ["en", "es", "pt", "fr", "ru", "pl"],
            "min_letters": 10,
            "min_guess_confidence": 0.6,
        }

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        super().__init__(config)
        self.identifier = Identifier(
            self.config["known"],
            int(self.config["min_letters"]),
            float(self.config["min_guess_confidence"]),
        )
        self.spoken = list(self.config["spoken"])

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        # The classifiers train one regression per language (tfidf_intent_classifier.py).
        for example in training_data.intent_examples:
            self.process_message(example)
        return training_data

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        asked = language_asked_for(text)
        language, confidence = self.identifier.language_of(text)
        message.set(LANGUAGE, language, add_to_output=True)
        message.set(LANGUAGE_CONFIDENCE, round(confidence, 3), add_to_output=True)
        message.set(LANGUAGE_ASKED, asked, add_to_output=True)
        if language is None:
            message.set(
                LANGUAGE_GUESS, self.identifier.guess(text, self.spoken), add_to_output=True
            )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OtherLanguage(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "spoken": LanguageIdentifier.get_default_config()["spoken"],
            # A message counts as written in a language not spoken from this confidence on:
            # 2 of the 12,491 training and held-out messages in our languages reach it;
            # "dale, mandame el recordatorio" (Italian, 0.74) does not, "il mio pacco non è
            # mai arrivato" (0.84) does.
            "min_confidence": 0.8,
            # A message of at least `min_words` words, fewer than `max_known_share` of which
            # occur in the training examples, is in a language lingua was not asked about and
            # took for one of ours ("Habari, niliagiza viatu kutoka AliExpress lakini havijafika
            # hadi sasa", Swahili, read as Polish: 1 word of 11). In the held-out messages and
            # the buyer conversations in our languages, no message of 5 words or more has a
            # share below 0.4.
            "min_words": 8,
            "max_known_share": 0.25,
        }

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        written_in_another = written_in_another_script(text) or (
            (self._lingua_names_another(message) or self._in_words_unknown(message))
            and not is_keyboard_mashing(text)
        )
        if not message.get(LANGUAGE_ASKED) and (
            written_in_another or unspoken_language_asked(text)
        ):
            intent = {"name": OTHER_LANGUAGE, "confidence": 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)

    def _lingua_names_another(self, message: Message) -> bool:
        language = message.get(LANGUAGE)
        return (
            language is not None
            and language not in self.config["spoken"]
            and message.get(LANGUAGE_CONFIDENCE, 0.0) >= float(self.config["min_confidence"])
        )

    def _in_words_unknown(self, message: Message) -> bool:
        known, total = message.get(WORDS_KNOWN) or (0, 0)
        return (
            total >= int(self.config["min_words"])
            and known < float(self.config["max_known_share"]) * total
        )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageRequestWithMore(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The intent behind the request needs at least the FallbackClassifier's threshold: "can
        # you answer in English please? my husband wants to read it too" has `faq` at 0.11.
        return {"min_confidence": 0.2}

    def process_message(self, message: Message) -> None:
        if (message.get(INTENT) or {}).get("name") != CHANGE_LANGUAGE:
            return
        if not says_more_than_a_language(message.get(TEXT) or ""):
            return
        if tells_dispute_date(message.get(ENTITIES) or []):
            # "can we continue in English? I opened it on Monday": where the dispute stands
            choose_intent(message, DEADLINES_INTENT)
            return
        behind = [r for r in message.get(INTENT_RANKING_KEY) or [] if r["name"] != CHANGE_LANGUAGE]
        if (
            behind
            and behind[0]["name"] not in _PLEASANTRIES
            and float(behind[0]["confidence"]) >= float(self.config["min_confidence"])
        ):
            choose_intent(message, behind[0]["name"])
