"""What a date in a message refers to (nlp_pipeline/meaning.py) and the NLU component that
gives entities their meaning (addons/nlu/entity_meaning.py)."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.entity_meaning import EntityMeaning, give_meaning
from nlp_pipeline.meaning import (
    asks_a_question,
    date_role,
    says_return_agreed,
    says_seller_silent_not_rejecting,
    supposes,
)


def role_of(text: str, phrase: str):
    start = text.index(phrase)
    return date_role(text, start, start + len(phrase))


@pytest.mark.parametrize(
    "text, phrase, role",
    [
        ("I opened the dispute 3 days ago", "3 days ago", "dispute_opened"),
        ("3 days ago I opened a dispute", "3 days ago", "dispute_opened"),
        ("I opened it last Monday", "last Monday", "dispute_opened"),
        ("my dispute is from last monday", "last monday", "dispute_opened"),
        ("it never arrived and i started a claim on the 14th", "on the 14th", "dispute_opened"),
        ("i paid for a desk lamp like two months ago", "two months ago", "ordered"),
        ("ordered it 40 days ago and nothing", "40 days ago", "ordered"),
        ("I receive the package on 20 of november", "on 20 of november", "delivered"),
        ("I opened the package 3 days ago and it was broken", "3 days ago", "delivered"),
        ("This seller has been ignoring me for a WEEK", "for a WEEK", "seller_silent"),
        ("the seller has ignored my dispute for a week", "for a week", "seller_silent"),
        ("the seller went quiet since last Tuesday", "since last Tuesday", "seller_silent"),
        ("The seller wrote to me on the 20th of November", "on the 20th", "other_event"),
        ("says Dispute Finished since monday but no money", "since monday", "other_event"),
        ("the seller rejected my dispute on the 12th", "on the 12th", "other_event"),
        ("what if we still disagree after two weeks?", "two weeks", "rule"),
        ("do Saturday and Sunday count toward the five days", "Saturday", "rule"),
        ("How long does a seller have? 5 days?", "5 days", "rule"),
        ("it's only there for three days after you open the dispute??", "three days", "rule"),
        ("can I escalate within 15 days of opening a dispute", "15 days", "rule"),
        ("huh. so what's the 15 days thing about then", "15 days", "rule"),
        ("so the seller's 5 days start from when exactly?", "5 days", "rule"),
        (
            "If the seller doesn't respond to a dispute for like 16 days, can I escalate?",
            "16 days",
            "rule",
        ),
        ("the seller doesn't respond since monday", "since monday", "seller_silent"),
        (
            "put in a dispute about two weeks back for a cracked mirror",
            "two weeks",
            "dispute_opened",
        ),
        # the clause before says the dispute was opened
        ("We filed a claim! It was on the 9th", "on the 9th", "dispute_opened"),
        (
            "my son opened one for me, I think it was last Friday. Dispute says in progress",
            "last Friday",
            "dispute_opened",
        ),
        ("I opened the parcel, on the 3rd it broke", "on the 3rd", None),
        # the next sentence says it was the dispute's
        ("Isn't the 19th recent enough? That's when I opened it.", "the 19th", "dispute_opened"),
        # how long something took
        (
            "the watch stopped working after two days what are the steps to dispute this",
            "two days",
            None,
        ),
        ("3 days ago", "3 days ago", None),
        ("no, more like a week ago", "a week ago", None),
    ],
)
def test_the_words_around_a_date_give_its_role(text, phrase, role):
    assert role_of(text, phrase) == role


@pytest.mark.parametrize(
    "text",
    [
        "I opened my dispute on monday... no wait, it was tuesday. when does the seller run out?",
        "Opened a dispute on monday because the lamp arrived smashed. Hang on, no, it was tuesday.",
    ],
)
def test_a_correction_takes_over_the_role_of_the_date_before(text):
    monday, tuesday = text.index("on monday"), text.index("tuesday")
    entities = [
        {"entity": "date", "value": "on monday", "start": monday, "end": monday + 9},
        {"entity": "date", "value": "tuesday", "start": tuesday, "end": tuesday + 7},
    ]
    first, second = give_meaning(text, entities)
    assert "role" not in first and second["role"] == "dispute_opened"


def test_two_dates_in_one_message_get_their_own_roles():
    text = "the seller went quiet since last Tuesday, I opened the dispute on Monday"
    assert role_of(text, "since last Tuesday") == "seller_silent"
    assert role_of(text, "on Monday") == "dispute_opened"


def test_entities_get_their_meaning():
    text = "it came cracked, I opened the dispute 3 days ago"
    cracked, ago = text.index("cracked"), text.index("3 days ago")
    entities = [
        {"entity": "complaint_defective", "value": "cracked", "start": cracked, "end": cracked + 7},
        {"entity": "date", "value": "3 days ago", "start": ago, "end": ago + 10},
        {"entity": "product", "value": "dress", "start": 0, "end": 0},
    ]

    meant = give_meaning(text, entities)

    assert meant[0] == {
        "entity": "complaint",
        "value": "defective",
        "start": cracked,
        "end": cracked + 7,
    }
    assert meant[1]["role"] == "dispute_opened"
    assert meant[2] == entities[2]
    assert "role" not in entities[1]  # the input is left as it was


def date_entities(text, *phrases):
    return [
        {"entity": "date", "value": p, "start": text.index(p), "end": text.index(p) + len(p)}
        for p in phrases
    ]


@pytest.mark.parametrize(
    "text, phrases, kept",
    [
        ("no hang on, it was the 15th, the Sunday", ("the 15th", "Sunday"), "the 15th"),
        ("I opened it on Sunday the 15th", ("Sunday", "the 15th"), "the 15th"),
        ("opened it on the 15th (a Sunday)", ("the 15th", "Sunday"), "the 15th"),
        ("it was Sunday, the fifteenth", ("Sunday", "the fifteenth"), "the fifteenth"),
    ],
)
def test_a_weekday_naming_the_day_of_the_month_beside_it_is_dropped(text, phrases, kept):
    meant = give_meaning(text, date_entities(text, *phrases))
    assert [e["value"] for e in meant] == [kept]


def test_two_different_days_are_both_kept():
    text = "I ordered on the 2nd and opened the dispute on Sunday"
    meant = give_meaning(text, date_entities(text, "the 2nd", "Sunday"))
    assert [e["value"] for e in meant] == ["the 2nd", "Sunday"]


@pytest.mark.parametrize(
    "text, span, digits",
    [
        ("у меня заказ 8800553535, фен пришел сломанный", "заказ 8800553535", "8800553535"),
        ("commande n° 51002388 jamais reçue", "commande n° 51002388", "51002388"),
        ("zamówienie nr #80344122", "zamówienie nr #80344122", "80344122"),
    ],
)
def test_an_order_number_is_its_digits(text, span, digits):
    start = text.index(span)
    found = {"entity": "order_number", "value": span, "start": start, "end": start + len(span)}

    (meant,) = give_meaning(text, [found])

    assert meant["value"] == digits and text[meant["start"] : meant["end"]] == digits


@pytest.mark.parametrize(
    "text, found", [("8172635490", True), ("#12345678", True), ("1234", False)]
)
def test_a_message_that_is_only_a_long_number_is_the_order_number(text, found):
    message = Message(data={"text": text, "entities": []})
    EntityMeaning().process([message])
    entities = message.get("entities") or []
    assert [e["value"] for e in entities] == ([text.lstrip("#")] if found else [])


@pytest.mark.parametrize(
    "text, asks",
    [
        ("where is my money seller said he refund me 1 week ago", True),
        ("why did the seller reject it", True),
        ("ok so which button do I press", True),
        ("the seller hasn't answered my dispute", False),
        ("wherever it is, it never came to me.", False),
    ],
)
def test_a_question_is_asked(text, asks):
    assert asks_a_question(text) is asks


@pytest.mark.parametrize(
    "text, supposing",
    [
        ("and what if the seller never answers?", True),
        ("et si le vendeur répond pas ?", True),
        ("y si pasa de mi?", True),
        ("e se a loja me ignorar?", True),
        ("a jeśli sprzedawca nie odpisze?", True),
        ("a jak sprzedawca nie odpowie to co", True),  # "jak" as "if", a question without "?"
        ("а если магазин проигнорирует мой спор, что тогда", True),
        ("a jak długo ma sprzedawca?", False),  # "how long"
        ("jak otworzyć spór?", False),
        ("а если продавец не ответит?", True),
        ("и чо если он так и будет молчать дальше", True),  # asks without "?"
        ("what if they ignore it", True),
        ("если продавец не ответит, открою спор", False),  # a plan, not a question
        ("si, el vendedor no contesta", False),  # "yes"
        ("jak się zakłada ten spór?", False),  # "how"
        ("the seller is ignoring me", False),
        ("what is an RMA?", False),
    ],
)
def test_a_supposition_asks_what_would_happen(text, supposing):
    assert supposes(text) is supposing


@pytest.mark.parametrize(
    "text, agreed",
    [
        ("the lamp came broken and the seller agreed to a return", True),
        ("el vendedor aceptó la devolución, ¿ahora qué hago?", True),
        ("o vendedor aceitou a devolução, e agora?", True),
        ("le vendeur a accepté le retour, je fais quoi ?", True),
        ("продавец согласился на возврат а что дальше", True),
        ("sprzedawca zgodził się na zwrot, co teraz?", True),
        ("the seller agreed to return my money", False),  # a refund
        ("продавец согласился на возврат денег", False),
        ("sprzedawca zgodził się na zwrot pieniędzy", False),
        ("el vendedor aceptó la devolución del dinero", False),
        ("I want to return it", False),
        ("sklep nie zgodzil sie na zwrot i zamknal temat", False),  # refused
        ("le vendeur n'a pas accepté le retour", False),
        ("the seller never accepted the return", False),
        ("продавец не согласился на возврат", False),
    ],
)
def test_a_return_the_seller_agreed_to(text, agreed):
    assert says_return_agreed(text) is agreed


@pytest.mark.parametrize(
    "text, silent",
    [
        ("the seller isn't answering my dispute", True),
        ("shop has been ignoring me for a week", True),
        ("el vendedor no responde a mi disputa", True),
        ("o vendedor não responde faz dias", True),
        ("le vendeur ne répond toujours pas", True),
        ("продавец молчит уже неделю", True),
        ("sprzedawca nie odpisuje od piątku", True),
        ("the seller rejected my dispute and ignores me", False),  # a refusal
        ("sprzedawca odrzucił spór i milczy", False),
        ("o vendedor recusou e não responde mais", False),
        ("the seller answered but offers a coupon", False),
        ("the remote doesn't respond to the buttons", False),  # no seller, no dispute
        ("el mando de la consola no responde", False),
        ("od 14-go tracking milczy", False),
        ("Me desculpe a ignorancia, mas o que e essa tal de disputa?", False),
        ("il m'ignore depuis l'ouverture du litige", True),
    ],
)
def test_the_sellers_silence_without_a_refusal(text, silent):
    assert says_seller_silent_not_rejecting(text) is silent
