"""addons/nlu/foreign_dates.py: dates in the other spoken languages, with the role the words
around them give; a duration in a question about the rules is not a date."""

import pytest

from addons.nlu.foreign_dates import foreign_dates


@pytest.mark.parametrize(
    "language, text, phrase, role",
    [
        (
            "es",
            "abrí la disputa hace 3 días y el vendedor no contesta",
            "hace 3 días",
            "dispute_opened",
        ),
        ("pt", "abri a disputa há 3 dias e o vendedor não responde", "há 3 dias", "dispute_opened"),
        (
            "fr",
            "j'ai ouvert un litige il y a 3 jours pour une montre",
            "il y a 3 jours",
            "dispute_opened",
        ),
        ("ru", "открыла спор 3 дня назад, продавец молчит", "3 дня назад", "dispute_opened"),
        (
            "pl",
            "otworzyłem spór 20 listopada a sprzedawca milczy",
            "20 listopada",
            "dispute_opened",
        ),
        ("pl", "zamówiłem 2 tygodnie temu i nic nie doszło", "2 tygodnie temu", "ordered"),
        ("es", "hace 3 días", "hace 3 días", None),
        ("es", "hace una semana abri la disputa", "hace una semana", "dispute_opened"),
        ("pt", "abri a disputa quarta agora", "quarta", "dispute_opened"),
        # opening, as in English, is the dispute's; opening the parcel is not
        ("pt", "abri no dia 26", "no dia 26", "dispute_opened"),
        ("pt", "quantos dias faltam pro reembolso? abri dia 24", "dia 24", "dispute_opened"),
        (
            "pl",
            "ile mi zostalo, otworzylem w zeszly poniedzialek",
            "w zeszly poniedzialek",
            "dispute_opened",
        ),
        ("fr", "j'ai ouvert le colis lundi, il était cassé", "lundi", "delivered"),
        ("ru", "открыл посылку 20 ноября а там не то", "20 ноября", "delivered"),
        ("es", "abrí la caja el lunes y estaba rota", "el lunes", "delivered"),
        (
            "pt",
            "minha disputa ta como Dispute Finished faz uma semana",
            "faz uma semana",
            "other_event",
        ),
        ("pt", "a disputa eu abri hj", "hj", "dispute_opened"),
        # a dispute "of the 14th"
        ("fr", "mon litige date du 14 et toujours rien", "du 14", "dispute_opened"),
        ("es", "la disputa es del 14 y el vendedor no contesta", "del 14", "dispute_opened"),
        ("pt", "o vendedor despachou dia 18", "dia 18", "other_event"),
        # the seller gone quiet, or the dispute's state, is not the dispute's opening
        (
            "pt",
            "e o vendedor ta sumido faz 10 dias. vou fazer reclamação",
            "faz 10 dias",
            "seller_silent",
        ),
        ("pl", "sprzedawca nie odpisuje od tygodnia", "od tygodnia", "seller_silent"),
        (
            "fr",
            "ca fait une semaine que mon litige est marque Dispute Finished",
            "ca fait une semaine",
            "other_event",
        ),
        (
            "pt",
            "abri a disputa faz 3 dias e o vendedor nao responde",
            "faz 3 dias",
            "dispute_opened",
        ),
        ("ru", "открыл спор в понедельник", "в понедельник", "dispute_opened"),
        ("pl", "spor otworzylam we wtorek", "we wtorek", "dispute_opened"),
        (
            "fr",
            "ça fait deux semaines pile que j'ai ouvert le litige",
            "ça fait deux semaines",
            "dispute_opened",
        ),
        ("pt", "abri a disputa semana passada", "semana passada", "dispute_opened"),
        ("pl", "spór otworzyłam 14-go listopada", "14-go listopada", "dispute_opened"),
        # the weekday after "в" and "w" (not Babel's nominative)
        ("ru", "спор был в среду", "в среду", "dispute_opened"),
        ("pl", "Spór otworzyłam w środę ale sprzedawca milczy", "w środę", "dispute_opened"),
        ("pl", "spór mam otwarty od 4 dni, ile jeszcze?", "od 4 dni", "dispute_opened"),
        ("pl", "sprawa jest od 18 listopada a sprzedawca nie odpowiada", "18 listopada", None),
        ("fr", "Parfait, je viens de l'ouvrir a l'instant.", "a l'instant", "dispute_opened"),
        ("fr", "j'ai pu ouvrir le colis hier", "hier", "delivered"),
        ("pl", "A jak sie taki spor otwiera? Wnuczek mi pomaga, ale dzis go nie ma.", "dzis", None),
    ],
)
def test_a_date_and_its_role(language, text, phrase, role):
    (found,) = foreign_dates(text, language)
    assert found["value"] == phrase
    assert text[found["start"] : found["end"]] == phrase
    assert found.get("role") == role


def test_a_message_to_the_seller_is_not_the_dispute():
    said = "хотя нет вру, спор был в среду, а позавчера я ему просто в чат писал"
    found = foreign_dates(said, "ru")
    assert [(e["value"], e.get("role")) for e in found] == [
        ("в среду", "dispute_opened"),
        ("позавчера", "other_event"),
    ]


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "le litige est clôturé depuis 10 jours et aucun remboursement"),
        ("pl", "spór zamknięty od tygodnia a kasy dalej brak"),
    ],
)
def test_the_day_a_dispute_closed_is_not_the_day_it_opened(language, text):
    (found,) = foreign_dates(text, language)
    assert found.get("role") == "other_event"


def test_the_words_of_the_dates_own_sentence_come_first():
    said = "спор открыл в прошлый понедельник, 16-го. продавец написал что разберется и пропал"
    (found,) = foreign_dates(said, "ru")
    assert (found["value"], found.get("role")) == ("16-го", "dispute_opened")


def test_each_date_gets_the_role_of_the_words_nearest_to_it():
    found = foreign_dates("compré el 2 de noviembre y abrí la disputa el lunes", "es")
    assert [(e["value"], e.get("role")) for e in found] == [
        ("el 2 de noviembre", "ordered"),
        ("el lunes", "dispute_opened"),
    ]


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "¿el vendedor tiene 5 días para responder?"),
        ("fr", "le vendeur a 5 jours pour répondre?"),
        ("ru", "что если мы не договоримся за 15 дней?"),
        ("pt", "o vendedor vai ter até quando?"),  # "ter" is not Tuesday
        ("es", "Pedí unas zapatillas del 38 y me han mandado un 42"),
        ("fr", "je chausse du 38 et on m'a envoyé du 42"),
        # "until today" is no day something happened
        ("pt", "uma bolsa e até hj nada, to desesperada"),
        ("es", "y hasta hoy nada"),
        ("pl", "i do dziś nic"),
    ],
)
def test_a_duration_in_a_question_is_not_a_date(language, text):
    assert foreign_dates(text, language) == []


@pytest.mark.parametrize(
    "text, language, said, denied",
    [
        ("je l'ai ouvert dimanche dernier, pas samedi", "fr", "dimanche dernier", "samedi"),
        ("me equivoque, la abri el 19 no el 21", "es", "el 19", "el 21"),
        ("сорри, спор открыла не вчера, а в понедельник", "ru", "в понедельник", "вчера"),
        ("poprawka, otworzyłam w czwartek, nie w piątek", "pl", "w czwartek", "w piątek"),
    ],
)
def test_a_date_the_buyer_says_it_was_not_has_no_role(text, language, said, denied):
    roles = {e["value"]: e.get("role") for e in foreign_dates(text, language)}
    assert roles == {said: "dispute_opened", denied: None}
