"""`ForeignDates`: the dates in a message written in one of the assistant's other languages
("abrí la disputa hace 3 días", "спор открыт 20 ноября"), as `date` entities with a role.

The spaCy rules (nlp_pipeline/) read English. For a message LanguageIdentifier found to be in
another spoken language, that language's patterns (refund_rules/date_phrases.py) find the date
phrases, which the action reads in the language (refund_rules/dates.py). The role comes from the
nearest word of a kind (the dispute, the order or payment, the shipping, the delivery); with
none, the date has no role and the assistant asks what it is.
Runs after LanguageIdentifier (a short message is read in the language it guesses) and before
the components that act on a date's role.
"""

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LANGUAGE, LANGUAGE_GUESS
from addons.nlu.per_message import PerMessageComponent
from refund_rules.date_phrases import DATES, date_phrases

# The words whose nearness gives a date its role (stems, lower case).
_ROLE_WORDS = {
    # Opening something ("abri dia 24", "otworzyłem w zeszły poniedziałek")...
    "dispute_opened": {
        "es": r"\babr[ií](?:la|mos)?\b|\babiert[oa]\b",
        "pt": r"\babri(?:mos)?\b|\babert[oa]\b",
        "fr": r"\bouvert\w*|\bouvr\w*",
        "ru": r"открыл\w*|открыт\w*",
        "pl": r"otworzy[lł]\w*|otwar\w*|za[lł]o[zż]y[lł]\w*",
    },
    # ...or the dispute named ("mi disputa de hace 3 días"), which a word for what happened to it
    # in the same clause outweighs ("mon litige est marqué Dispute Finished depuis une semaine").
    "dispute_named": {
        "es": r"disputa|reclam",
        "pt": r"disputa|reclama",
        "fr": r"litige|r[ée]clamation",
        "ru": r"спор",
        "pl": r"sp[oó]r|reklamacj",
    },
    # ...unless it was the parcel that was opened ("abrí la caja el lunes").
    "delivered_opened": {
        "es": r"\babr[ií]\w* (?:el |la )?(?:paquete|caja|sobre)",
        "pt": r"\babri\w* (?:o |a )?(?:pacote|caixa|encomenda)",
        "fr": r"\bouv(?:ert|r)\w* (?:le |la )?(?:colis|paquet|carton|bo[iî]te)",
        "ru": r"открыл\w* (?:посылк|коробк|пакет)",
        "pl": r"otworzy[lł]\w* (?:paczk|pude[lł]k|karton)",
    },
    # Verbs, not "pedido" or "заказ": the order is named in every kind of message.
    "ordered": {
        "es": r"\bped[ií]\b|\bcompr[eé]\b|\bpagu[eé]\b",
        "pt": r"\bcomprei\b|\bpaguei\b|\bpedi\b",
        "fr": r"\bcommand[ée]|\bachet[ée]|\bpay[ée]",
        "ru": r"заказал|оплатил|купил",
        "pl": r"zam[oó]wi[lł]|kupi[lł]|zap[lł]aci[lł]",
    },
    # The shipping, a message to the seller ("позавчера я ему просто в чат писал"), or the dispute
    # closing ("le litige est clôturé depuis 10 jours", "ta como Dispute Finished faz uma semana":
    # AliExpress's English label).
    "other_event": {
        "es": r"envi[oó]|env[ií]o|mand[oó]|despach|escrib[ií]|mensaje|\bchat|cerrad|finalizad"
        r"|\bfinished\b",
        "pt": r"envio|enviou|despach|postou|mandou|escrevi|mensagem|\bchat"
        r"|encerrad|fechad|finalizad|\bfinished\b",
        "fr": r"envoy|exp[ée]di|[ée]crit au vendeur|message|\bchat|cl[ôo]tur|ferm[ée]|termin[ée]"
        r"|\bfinished\b",
        "ru": r"отправ|писал|написал|\bчат|сообщени|закрыт|завершен|завершён|\bfinished\b",
        "pl": r"wys[lł]a|nada[lł]|wysy[lł]k|pisa[lł]|napisa[lł]|wiadomo[sś]|\bczat"
        r"|zamkni[eę]t|zako[nń]czon|\bfinished\b",
    },
    # The seller gone quiet, then how long, in one clause ("o vendedor tá sumido faz 10 dias",
    # "продавец молчит неделю"); a date before it or in another sentence may be the dispute's
    # ("sprawa jest od 18 listopada a sprzedawca nie odpowiada", "продавец молчит. 25 ноября").
    "seller_silent": {
        "es": r"no (?:me )?(?:responde|contesta|dice nada)|sin respuesta|ignor|desaparec|callad",
        "pt": r"n[aã]o (?:me )?(?:responde|respondeu|retorna)|sem resposta|ignor|sumi|desaparec"
        r"|calad|mudo",
        "fr": r"r[ée]pond (?:pas|plus|jamais)|aucune r[ée]ponse|ignor|dispar",
        "ru": r"молч|не отвеча|игнор|пропал",
        "pl": r"nie (?:odpowiada|odpisuje|odpisa[lł])|milcz|ignor|znikn|brak odpowiedzi",
    },
    "delivered": {
        "es": r"lleg[oó]|recib[ií]|entreg",
        "pt": r"chegou|recebi|entreg",
        "fr": r"re[çc]u|arriv|livr",
        "ru": r"пришл|пришёл|пришел|получил|доставл",
        "pl": r"dosz[lł]|dosta[lł]|przysz[lł]|dostarcz",
    },
}


_ROLES = {
    role: {language: re.compile(words, re.IGNORECASE) for language, words in by_language.items()}
    for role, by_language in _ROLE_WORDS.items()
}


# The entity roles of the kinds of words above that are not roles themselves.
_ROLE_NAMES = {"delivered_opened": "delivered", "dispute_named": "dispute_opened"}

_SENTENCE_END = re.compile(r"[.!?\n]+")
_CLAUSE_END = re.compile(r"[.!?\n,;]+")


def _around(boundary: "re.Pattern[str]", text: Text, start: int, end: int) -> Tuple[int, int]:
    """Where the sentence or clause holding text[start:end] begins and ends."""
    ends = [m.end() for m in boundary.finditer(text, 0, start)]
    following = boundary.search(text, end)
    return (ends[-1] if ends else 0), (following.start() if following else len(text))


def role_near(text: Text, start: int, end: int, language: Text) -> Optional[Text]:
    """The role of the date at `start`-`end`: that of the nearest word of a kind in its clause,
    else in its sentence, else in the message ("спор открыл 16-го. продавец написал и пропал":
    the dispute's). The dispute named counts only in the date's sentence, and the seller's silence
    only before the date in its clause."""
    first, last = _around(_SENTENCE_END, text, start, end)
    clause_first, clause_last = _around(_CLAUSE_END, text, start, end)
    matches = [
        (role, match)
        for role, patterns in _ROLES.items()
        for match in patterns[language].finditer(text)
        if role != "seller_silent" or clause_first <= match.start() < start  # silent, since then
        if role != "dispute_named" or first <= match.start() < last  # "jak się otwiera spór? dziś"
    ]
    in_clause = {role for role, m in matches if clause_first <= m.start() < clause_last}
    found = [
        (
            not first <= match.start() < last,
            not clause_first <= match.start() < clause_last,
            role == "dispute_named" and "other_event" in in_clause,
            max(start - match.end(), match.start() - end, 0),  # the gap between them
            role,
        )
        for role, match in matches
    ]
    return min(found)[-1] if found else None


# A date the buyer says it was not ("dimanche dernier, pas samedi", "w środę, nie we wtorek"):
# no role, as in English ("last sunday, not saturday").
_DENIED = re.compile(r"\b(?:pas|non|no|n[aã]o|не|nie)\s*$", re.IGNORECASE)


def foreign_dates(text: Text, language: Text) -> List[Dict[Text, Any]]:
    entities = []
    for phrase, start, end in date_phrases(text, language):
        entity: Dict[Text, Any] = {
            "entity": "date",
            "value": phrase,
            "start": start,
            "end": end,
            "extractor": ForeignDates.__name__,
        }
        role = None if _DENIED.search(text[:start]) else role_near(text, start, end, language)
        if role:
            entity["role"] = _ROLE_NAMES.get(role, role)
        entities.append(entity)
    return entities


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ForeignDates(PerMessageComponent, EntityExtractorMixin):
    def process_message(self, message: Message) -> None:
        language = message.get(LANGUAGE) or message.get(LANGUAGE_GUESS)
        if language not in DATES:
            return
        text = message.get(TEXT) or ""
        found = foreign_dates(text, language)
        if not found:
            return
        kept = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "date"]
        message.set(ENTITIES, [*kept, *found], add_to_output=True)
