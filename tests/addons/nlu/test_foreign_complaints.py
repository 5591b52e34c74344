"""ForeignComplaints: what went wrong, said in another language in a message of any intent."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.foreign_complaints import ForeignComplaints, complaint_said, folded


@pytest.mark.parametrize(
    "language, text, kind",
    [
        # the money asked for in the next sentence: still the parcel
        (
            "pl",
            "paczka do dzis nie przyszla. Jak moge odzyskac pieniadze?",
            "not_received",
        ),
        ("es", "mi paquete nunca llegó. ¿Cómo recupero mi dinero?", "not_received"),
        (
            "ru",
            "у меня заказ 8800553535, фен пришел сломанный, не греет. спор открыла 26 ноября",
            "defective",
        ),
        (
            "ru",
            "Заказ 8134567721, пришли кроссовки 38 размера вместо 41, спор открыла 24 ноября",
            "wrong_size",
        ),
        ("ru", "прислали 42 вместо 38", "wrong_size"),
        (
            "fr",
            "commande 8034567812345678, écouteurs jamais reçus, litige ouvert le 16 novembre",
            "not_received",
        ),
        ("fr", "j'ai commandé un chargeur et j'ai reçu une coque de téléphone", "not_as_described"),
        (
            "es",
            "me llego la batidora con la jarra rajada, abri la disputa hace 3 dias",
            "defective",
        ),
        ("es", "pedí una funda y vino un cargador", "not_as_described"),
        # "ordered ..., it came ..." with what went wrong: that, not one thing for another
        ("ru", "Заказал тонометр, пришёл с треснутым корпусом, давление 200 на 40", "defective"),
        ("es", "pedí unos cascos y llegaron rotos", "defective"),
        ("fr", "elles ne ressemblaient pas du tout à la photo", "not_as_described"),
        ("es", "pedi una M y me llego una XL", "wrong_size"),
        ("es", "mi paquete no ha llegado y el vendedor no contesta", "not_received"),
        ("pt", "o fone chegou quebrado, como peço reembolso?", "defective"),
        ("es", "me llegó roto, el número de pedido es 8123456789012345", "defective"),
        ("pt", "pedi 40 e chegou 38", "wrong_size"),
        ("pl", "No trudno. Uszkodzony czajnik przyszedł, pęknięta obudowa.", "defective"),
        ("pl", "paczka nie doszla, spor otwarty wczoraj", "not_received"),
        ("pl", "zamowilem czarny a przyszedl rozowy", "not_as_described"),
    ],
)
def test_the_complaint_is_found_in_any_message(language, text, kind):
    found = complaint_said(text, language)
    assert found and found["entity"] == "complaint" and found["value"] == kind


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "me pone disputa finalizada pero el dinero no me ha llegado"),  # money
        ("ru", "деньги так и не пришли"),
        ("fr", "j'ai pas reçu d'adresse de retour ni de RMA"),  # an address
        ("pl", "nie dostałam zwrotu pieniędzy"),
        ("es", "me ofrecen un cupon en vez de reembolso"),  # not a wrong item
        (
            "fr",
            "pourriez-vous m'expliquer pas à pas, dans l'application",
        ),  # "m'", "l'" are no sizes
        ("es", "cuanto tiempo tiene el vendedor para responder"),
        ("es", "otra cosa, la proteccion del comprador cuanto dura?"),  # "another thing"
        ("pt", "a disputa foi aberta no dia 20 e o vendedor simplesmente sumiu"),  # the seller
        ("en", "my parcel never arrived"),  # English has the spaCy rules
    ],
)
def test_no_complaint_where_none_is_said(language, text):
    assert complaint_said(text, language) is None


def test_a_tracking_number_that_does_not_work_is_no_defect():
    assert complaint_said("numer śledzenia w ogóle nie działa", "pl") is None
    assert complaint_said("el número de seguimiento no funciona", "es") is None


def test_accents_are_folded_one_character_for_one():
    text = "Llegó ROTO, ł ё"
    assert folded(text) == "llego roto, l е" and len(folded(text)) == len(text)


def test_the_component_adds_the_entity_unless_one_is_there():
    message = Message(data={"text": "la lampe est arrivée cassée", "language": "fr"})
    ForeignComplaints().process([message])
    (entity,) = message.get("entities")
    assert entity["value"] == "defective"
    assert message.get("text")[entity["start"] : entity["end"]] == "cassée"

    said = {"entity": "complaint", "value": "wrong_size", "start": 0, "end": 1}
    message = Message(
        data={"text": "la lampe est arrivée cassée", "language": "fr", "entities": [said]}
    )
    ForeignComplaints().process([message])
    assert message.get("entities") == [said]
