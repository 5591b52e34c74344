"""The spaCy entity_ruler pipeline: which date / order_number / product entities come out.

The pipeline is built once per session into a tmp dir with nlp_pipeline.build.build and
loaded back with spacy.load, exactly as Rasa's SpacyNLP loads build/spacy_en_refund.
"""

import pytest
import spacy

from nlp_pipeline.build import build


@pytest.fixture(scope="session")
def nlp(tmp_path_factory):
    target = tmp_path_factory.mktemp("spacy") / "en_refund_rules"
    build(target)
    return spacy.load(target)


def entities(nlp, text, complaints=False):
    """(label, text) of the entities; complaint phrases only when asked for."""
    return [
        (ent.label_, ent.text)
        for ent in nlp(text).ents
        if complaints or not ent.label_.startswith("complaint_")
    ]


def test_pipeline_is_a_blank_english_entity_ruler(nlp):
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["entity_ruler"]
    assert nlp.meta["name"] == "en_refund_rules"
    assert set(nlp.get_pipe("entity_ruler").labels) == {
        "date",
        "order_number",
        "product",
        "complaint_not_received",
        "complaint_not_as_described",
        "complaint_defective",
        "complaint_wrong_size",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I opened the dispute 3 days ago", [("date", "3 days ago")]),
        ("I've just opened the dispute, literally a minute ago", [("date", "a minute ago")]),
        ("I open the dispute in the day 20 of this month", [("date", "the day 20 of this month")]),
        ("dispute open since the other day", [("date", "the other day")]),
        ("my order 8123456789012345 never arrived", [("order_number", "8123456789012345")]),
        ("order #8112233445566778", [("order_number", "8112233445566778")]),
        # a shorter number after the word for an order (narrowed to its digits later)
        ("Заказ 8134567721, пришли кроссовки", [("order_number", "Заказ 8134567721")]),
        ("commande n° 51002388", [("order_number", "commande n° 51002388")]),
        ("zamówienie nr. 80344122", [("order_number", "zamówienie nr. 80344122")]),
        ("заказ №8800553535", [("order_number", "заказ №8800553535")]),
        (
            "I ordered a dress on November 20 and it never came",
            [("product", "dress"), ("date", "on November 20")],
        ),
        ("the phone case I got is broken", [("product", "phone case")]),
        ("opened it last Monday", [("date", "last Monday")]),
        ("the page says opened 13 Nov.", [("date", "13 Nov.")]),
        ("since tuesday the seller hasn't replied", [("date", "since tuesday")]),
        ("I've been waiting for a week", [("date", "for a week")]),
        ("it was 20/11/2026", [("date", "20/11/2026")]),
        ("2026-11-20", [("date", "2026-11-20")]),
        ("the day before yesterday", [("date", "the day before yesterday")]),
        (
            "the shoes are the wrong size, ordered 2 weeks ago",
            [("product", "shoes"), ("date", "2 weeks ago")],
        ),
        (
            "i opened the dispute on the 20th of November, 2026",
            [("date", "on the 20th of November, 2026")],
        ),
        (
            "I opened it yesterday for order 3012345678901234",
            [("date", "yesterday"), ("order_number", "3012345678901234")],
        ),
        ("the usb cable doesn't work", [("product", "usb cable")]),
        ("my sunglasses arrived scratched", [("product", "sunglasses")]),
        ("I received 2 dresses instead of one", [("product", "dresses")]),
        (
            "3 weeks ago I bought a power bank",
            [("date", "3 weeks ago"), ("product", "power bank")],
        ),
        ("a couple of days ago", [("date", "a couple of days ago")]),
        ("it was on sat", [("date", "on sat")]),
        ("nov 20th, 2026", [("date", "nov 20th, 2026")]),
        ("ordered on 15.03.2026", [("date", "on 15.03.2026")]),
    ],
)
def test_realistic_buyer_messages(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tomorrow", [("date", "tomorrow")]),
        ("next monday", [("date", "next monday")]),
        ("in 2 days", [("date", "in 2 days")]),
        ("in a week", [("date", "in a week")]),
    ],
)
def test_future_dates_are_caught_so_they_can_be_refused(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I sat down and wrote to the seller",
        "may I ask how to open a dispute",
        "I may have to wait",
        "the colour faded in the sun",
        "what happens next",
        "it's been a while",
    ],
)
def test_ordinary_words_are_not_dates(nlp, text):
    assert [e for e in entities(nlp, text) if e[0] == "date"] == []


@pytest.mark.parametrize(
    "text",
    ["order 12345 arrived broken", "I paid 29.99 for it", "call me on 0612345678"],
)
def test_short_numbers_are_not_order_numbers(nlp, text):
    assert [e for e in entities(nlp, text) if e[0] == "order_number"] == []


@pytest.mark.parametrize(
    "text",
    ["my parcel never arrived", "the package is empty", "the item is fake", "where is my order"],
)
def test_generic_words_are_not_products(nlp, text):
    assert [e for e in entities(nlp, text) if e[0] == "product"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "how do i open a case for order 8123456789012345",
            [("order_number", "8123456789012345")],
        ),
        (
            "a couple of days ago I opened a case about my headphones",
            [("date", "a couple of days ago"), ("product", "headphones")],
        ),
    ],
)
def test_a_dispute_case_is_not_a_product(nlp, text, expected):
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("it came cracked, how do I get my money back?", "complaint_defective"),
        ("my parcel never arrived", "complaint_not_received"),
        ("the dress is two sizes too small", "complaint_wrong_size"),
        ("ordered a cable, got a toy car instead of it", "complaint_not_as_described"),
        ("the charger doesnt work at all", "complaint_defective"),
        ("still waiting for my package, what can i do", "complaint_not_received"),
        ("i bought a lamp but received a teapot", "complaint_not_as_described"),
        ("ordered a cable and what came in the bag is a toy car", "complaint_not_as_described"),
        ("they sent me slippers instead of the boots", "complaint_not_as_described"),
        ("Ordered a cable, got a little plastic toy car instead.", "complaint_not_as_described"),
        ("the jacket came in S, i ordered XL", "complaint_wrong_size"),
        ("my order no arrive since 2 month", "complaint_not_received"),
        ("the left earbud not work", "complaint_defective"),
        ("the lid split right down the middle", "complaint_defective"),
        ("the little LCD has a crack across it", "complaint_defective"),
        ("parcel lost. refund?", "complaint_not_received"),
        ("ordered it in navy blue and it came bright pink", "complaint_not_as_described"),
        ("the servo and half the resistors are missing", "complaint_not_as_described"),
    ],
)
def test_complaint_phrases_are_found_in_any_message(nlp, text, expected):
    found = [label for label, _ in entities(nlp, text, complaints=True)]
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "he offers me a coupon instead of a refund",
        "the seller sent me a partial refund instead",
        "i got a coupon instead",
        "can I talk to a person instead of a bot?",
        "can i get the refund to my card instead of the balance?",
        "I asked and got a reply from the seller",
        "i got an email from aliexpress",
    ],
)
def test_other_messages_hold_no_complaint(nlp, text):
    assert not [label for label, _ in entities(nlp, text, complaints=True) if "complaint" in label]
