"""refund_rules.dates in the assistant's other languages, `today` Saturday 28 November 2026:
the same rules as in English (the recent past, vague answers asked again, a day still to come
asked about)."""

from datetime import date

import pytest

from refund_rules.dates import DateDoubt, DateReading, read_buyer_date

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("es", "hace 3 días", date(2026, 11, 25)),
        ("es", "hace tres dias", date(2026, 11, 25)),
        ("es", "anteayer", date(2026, 11, 26)),
        ("es", "el lunes pasado", date(2026, 11, 23)),
        ("es", "el 20 de noviembre", date(2026, 11, 20)),
        ("es", "hace dos semanas", date(2026, 11, 14)),
        ("es", "el 14", date(2026, 11, 14)),
        ("es", "del 14", date(2026, 11, 14)),
        ("es", "20/11", date(2026, 11, 20)),
        ("pt", "há 3 dias", date(2026, 11, 25)),
        ("pt", "3 dias atrás", date(2026, 11, 25)),
        ("pt", "faz duas semanas", date(2026, 11, 14)),
        ("pt", "dia 20 de novembro", date(2026, 11, 20)),
        ("pt", "segunda-feira passada", date(2026, 11, 23)),
        ("pt", "dia 14", date(2026, 11, 14)),
        ("fr", "il y a 3 jours", date(2026, 11, 25)),
        ("fr", "avant-hier", date(2026, 11, 26)),
        ("fr", "lundi dernier", date(2026, 11, 23)),
        ("fr", "le 20 novembre", date(2026, 11, 20)),
        ("fr", "le 14", date(2026, 11, 14)),
        ("fr", "du 14", date(2026, 11, 14)),
        ("ru", "3 дня назад", date(2026, 11, 25)),
        ("ru", "позавчера", date(2026, 11, 26)),
        ("ru", "в прошлый понедельник", date(2026, 11, 23)),
        ("ru", "20 ноября", date(2026, 11, 20)),
        ("ru", "14-го", date(2026, 11, 14)),
        ("ru", "14 числа", date(2026, 11, 14)),
        ("pl", "3 dni temu", date(2026, 11, 25)),
        ("pl", "trzy dni temu", date(2026, 11, 25)),
        ("pl", "w zeszły poniedziałek", date(2026, 11, 23)),
        ("pl", "w zeszly poniedzialek", date(2026, 11, 23)),
        ("pl", "20 listopada", date(2026, 11, 20)),
        ("pl", "tydzień temu", date(2026, 11, 21)),
        ("pl", "14-go", date(2026, 11, 14)),
        ("pl", "14-go listopada", date(2026, 11, 14)),
        ("ru", "25-го ноября", date(2026, 11, 25)),
        ("es", "el dia 2 de noviembre", date(2026, 11, 2)),
        ("fr", "il y a une semaine", date(2026, 11, 21)),
        ("fr", "ça fait deux semaines", date(2026, 11, 14)),
        ("fr", "depuis 10 jours", date(2026, 11, 18)),
        ("pl", "od 4 dni", date(2026, 11, 24)),
        ("pl", "od tygodnia", date(2026, 11, 21)),
        ("pl", "miesiąc temu", date(2026, 10, 28)),
        ("pl", "w środę", date(2026, 11, 25)),
        ("ru", "в среду", date(2026, 11, 25)),
        ("ru", "в пятницу", date(2026, 11, 27)),
        # "just now"
        ("es", "ahora mismo", TODAY),
        ("pt", "agora mesmo", TODAY),
        ("fr", "à l'instant", TODAY),
        ("ru", "только что", TODAY),
        ("pl", "przed chwilą", TODAY),
    ],
)
def test_past_phrases(language, text, expected):
    assert read_buyer_date(text, TODAY, language).day == expected
    assert read_buyer_date(text, TODAY, language).doubt is None


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "hace unos días"),
        ("es", "el mes pasado"),
        ("pt", "uns dias atrás"),
        ("fr", "l'autre jour"),
        ("ru", "на днях"),
        ("pl", "kilka dni temu"),
        ("es", "la semana pasada"),
        ("pt", "semana passada"),
        ("fr", "la semaine dernière"),
        ("ru", "на прошлой неделе"),
        ("pl", "w zeszłym tygodniu"),
        # a month and no day: which day, not today's number in that month
        ("en", "in November"),
        ("en", "December"),
        ("es", "en noviembre"),
        ("pt", "novembro"),
        ("pl", "grudzień"),
        ("pl", "w listopadzie"),
        ("ru", "ноябрь"),
        ("ru", "открыл в ноябре"),
        ("fr", "en novembre"),
        # among other words: still a month
        ("pl", "a swieta? bo zaraz grudzien"),
        ("en", "hmm maybe november"),
    ],
)
def test_vague_answers_are_asked_again(language, text):
    assert read_buyer_date(text, TODAY, language).doubt is DateDoubt.VAGUE


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "el 10 de diciembre"),
        ("fr", "le 10 décembre"),
        ("ru", "10 декабря"),
        ("pl", "10 grudnia"),
    ],
)
def test_a_day_still_to_come_is_asked_about(language, text):
    reading = read_buyer_date(text, TODAY, language)
    assert reading.doubt is DateDoubt.UPCOMING
    assert reading.day == date(2026, 12, 10)


def test_english_stays_english():
    assert read_buyer_date("3 days ago", TODAY, "en").day == date(2026, 11, 25)
    assert read_buyer_date("3 days ago", TODAY).day == date(2026, 11, 25)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("pt", "abri no dia 26", date(2026, 11, 26)),
        ("es", "la abri el martes pasado creo", date(2026, 11, 24)),
        ("fr", "je l'ai ouvert lundi dernier", date(2026, 11, 23)),
        ("pl", "otworzylem spor 3 dni temu", date(2026, 11, 25)),
        ("ru", "открыл его позавчера", date(2026, 11, 26)),
    ],
)
def test_an_answer_that_says_more_than_the_date(language, text, expected):
    assert read_buyer_date(text, TODAY, language).day == expected


@pytest.mark.parametrize(
    "language, text, day",
    [("en", "a month ago", date(2026, 10, 28)), ("pl", "20 listopada", date(2026, 11, 20))],
)
def test_a_month_with_its_day_or_counted_back_is_a_date(language, text, day):
    assert read_buyer_date(text, TODAY, language) == DateReading(day)
