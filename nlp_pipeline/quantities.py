"""Counts of items in a buyer's message: did fewer arrive than were ordered?

"pedi 3 camisetas e só chegou 1", "ordered 4 phone cases and only 2 arrived", "заказал 3 футболки,
пришла только одна", "got 2 out of 5": some of the order is missing, a partial order, not a
complaint about the one thing that came. Sizes ("ordered a 42, got a 39"), days, prices and dates
are not counts.
"""

import re
from typing import List, Optional, Pattern, Tuple

# One to ten in each language, forms of the same number joined by "|".
_ONE_TO_TEN = [
    "one two three four five six seven eight nine ten",
    "uno|una dos tres cuatro cinco seis siete ocho nueve diez",
    "um|uma dois|duas três|tres quatro cinco seis sete oito nove dez",
    "un|une deux trois quatre cinq six sept huit neuf dix",
    "один|одна|одну|одно два|две три четыре пять шесть семь восемь девять десять",
    "jeden|jedna|jedną|jedno dwa|dwie trzy cztery pięć sześć siedem osiem dziewięć dziesięć",
]
_NUMBER_WORDS = {
    form: value
    for numbers in _ONE_TO_TEN
    for value, forms in enumerate(numbers.split(), start=1)
    for form in forms.split("|")
}
# Words after a number that make it something other than a count of items.
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:days?|weeks?|months?|hours?|years?|st|nd|rd|th|dias?|días?|semanas?|mes(?:es)?|m[eê]s"
    r"|horas?|anos?|años?|jours?|semaines?|mois|heures?|ans|дн\w*|день|недел\w*|месяц\w*|час\w*"
    r"|год\w*|лет|dni|dzie[nń]|tydz\w*|tygod\w*|miesi\w*|godzin\w*|lat|rok\w*"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|dollars?|bucks|usd|eur|euros?|reais|real|pesos?|руб\w*|zł\w*|zl\w*|złotych|zlotych|cm|mm|kg"
    r"|percent|por|pour|procent\w*|%)$"
)
_NOT_A_COUNT_BEFORE = re.compile(r"^(?:the|on|el|le|o|no|w|size|r|us|eu|uk|du|del|€|\$)$")
# Larger numbers are sizes ("pedi 44 e veio 40"), models ("заказывал 14, пришел 11") or bulk.
_MOST_ITEMS = 12
# A size in the message makes its numbers sizes ("pedi 42 e veio 39").
_SIZE_WORDS = re.compile(r"\b(?:sizes?|tall[ae]s?|tamanhos?|tailles?|размер\w*|rozmiar\w*|numeraç)")
# Near the smaller count: it arrived, was received, or was the only one.
_ARRIVED = re.compile(
    r"^(?:arriv\w*|came|come|got|get|received|delivered|only|just|showed|"
    r"cheg\w*|vier\w*|veio|vem|receb\w*|s[oó]|apenas|somente|"
    r"lleg\w*|recib\w*|solo|sólo|solamente|"
    r"re[cç]u\w*|seul\w*|seulement|que|livr\w*|"
    r"пришл\w*|пришёл|пришел|получил\w*|доставил\w*|только|лишь|"
    r"dosz\w*|przysz\w*|przyszed\w*|otrzyma\w*|dosta\w*|tylko|dotar\w*)$"
)
# Near the larger count: it was ordered, or it is the size of a set.
_ORDERED = re.compile(
    r"^(?:order\w*|bought|buy|purchased|set|kit|pack|box|"
    r"ped[ií]\w*|compr\w*|encomend\w*|conjunto|juego|lote|"
    r"command\w*|achet\w*|lot|"
    r"заказ\w*|купил\w*|набор\w*|комплект\w*|"
    r"zam[oó]wi\w*|kupi\w*|zestaw\w*)$"
)
_ORDERED_WITHIN = 4
# Dates, times and prices written with digits: "03/11", "14:30", "59,90".
_DIGITS_WITH_SEPARATORS = re.compile(r"\d+(?:[/.:,]\d+)+")
# "2 of 5", "1 out of the 3", "2 de 5", "deux sur cinq", "2 из 5", "2 z 5".
_OUT_OF = {"of", "de", "sur", "из", "z", "ze"}
_OUT_OF_WITHIN = 4
_ARRIVED_WITHIN = 3
_ALSO_ARTICLES = {"un", "une", "um", "uma", "una", "uno"}


def _counts(words: List[str]) -> List[Tuple[int, int]]:
    """(position, count) for each number among the words that counts items."""
    found = []
    for position, word in enumerate(words):
        value: Optional[int] = int(word) if word.isdigit() and int(word) <= _MOST_ITEMS else None
        if value is None:
            value = _NUMBER_WORDS.get(word)
        if not value:
            continue
        after = words[position + 1] if position + 1 < len(words) else ""
        before = words[position - 1] if position else ""
        out_of_the = position > 1 and words[position - 2] in _OUT_OF  # "1 of the 3"
        if _NOT_A_COUNT_AFTER.match(after) or (
            _NOT_A_COUNT_BEFORE.match(before) and not out_of_the
        ):
            continue
        if after in {"de", "del", "d"} and not _is_a_number(words, position + 2):
            continue  # a date: "el 3 de noviembre", "le 3 d'octobre"; not "2 de 5"
        found.append((position, value))
    return found


def _is_a_number(words: List[str], position: int) -> bool:
    word = words[position] if position < len(words) else ""
    return word.isdigit() or word in _NUMBER_WORDS


def _near(words: List[str], position: int, pattern: Pattern[str], within: int) -> bool:
    nearby = words[max(0, position - within) : position + within + 1]
    return any(pattern.match(word) for word in nearby)


def says_fewer_arrived(text: str) -> bool:
    """Does the buyer say fewer items arrived than they ordered, in any of the assistant's
    languages?"""
    lowered = text.lower().replace("\u2019", "'")
    if _SIZE_WORDS.search(lowered):
        return False
    words = re.findall(r"[\w€$%]+", _DIGITS_WITH_SEPARATORS.sub(" ", lowered))
    counts = _counts(words)
    for index, (position, arrived) in enumerate(counts):
        # "un"/"uma" are articles too: "rien reçu, pas même un avis" counts nothing
        within = 1 if words[position] in _ALSO_ARTICLES else _ARRIVED_WITHIN
        if not _near(words, position, _ARRIVED, within):
            continue
        ordered_before = any(
            count > arrived and _near(words, where, _ORDERED, _ORDERED_WITHIN)
            for where, count in counts[:index]
        )
        ordered_after = any(
            count > arrived and _OUT_OF & set(words[position + 1 : where])
            for where, count in counts[index + 1 :]
            if where - position <= _OUT_OF_WITHIN
        )
        if ordered_before or ordered_after:
            return True
    return False
