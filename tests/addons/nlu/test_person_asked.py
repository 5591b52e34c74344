"""addons/nlu/person_asked.py: an explicit request for a person is answered as one."""

import pytest

from addons.nlu.person_asked import asks_for_a_person, read_person_asked
from tests.addons.nlu.classified import classified


@pytest.mark.parametrize(
    "text",
    [
        "I want to escalate RIGHT NOW. Get me a manager.",
        "what's the refund process - oh wait, first, am I talking to a real person?",
        "can I speak to a human please",
        "put me through to someone at aliexpress",
        "i want to talk with a real person about my order",
        "quiero hablar con una persona, no con una máquina",
        "me passa pra um atendente por favor",
        "je veux parler à un vrai conseiller, pas à un robot",
        "дайте оператора пожалуйста, хочу чтобы человек посмотрел",
        "Proszę mnie połączyć z prawdziwym człowiekiem",
        # the case summary that answer gives, asked for with the facts
        "bon ok fais moi le résumé alors. commande 8034567812345678, écouteurs jamais reçus",
        "No trudno. Uszkodzony czajnik przyszedł. Proszę o to podsumowanie dla obsługi.",
        "ok, can I get a summary to send them? the lamp came broken",
    ],
)
def test_a_request_for_a_person(text):
    assert asks_for_a_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "the seller said a person would check it",
        "I talked to the seller already",
        "my parcel never came",
        "give me my money back",
        "el vendedor dijo que una persona lo revisaría",
        "оператор доставки потерял посылку",
        "rozmawiałam już ze sprzedawcą",
        "en resumen, el paquete nunca llegó",
    ],
)
def test_other_messages(text):
    assert not asks_for_a_person(text)


def parsed(intent, text):
    message = classified(text, [(intent, 0.6), ("request_human", 0.1)])
    read_person_asked(message)
    return message.get("intent")["name"]


def test_the_request_wins_over_the_story():
    text = "I NEVER GOT MY PARCEL. I opened a dispute a fortnight ago. Get me a manager."
    assert parsed("report_not_received", text) == "request_human"


def test_are_you_a_bot_keeps_its_answer():
    assert parsed("bot_challenge", "am I talking to a real person?") == "bot_challenge"


def test_a_handover_asked_wins_over_are_you_a_bot():
    text = "Can you pass this on to a human please? I'm tired of chatbots."
    assert asks_for_a_person(text)
    assert parsed("bot_challenge", text) == "request_human"
