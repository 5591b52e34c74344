"""`PersonAsked`: a buyer who asks for a person, or for the case summary that answer gives, gets
the answer about people, whatever else the message says.

"I NEVER GOT MY PARCEL. I opened a dispute a fortnight ago and I want to escalate RIGHT NOW. Get me
a manager." The intent classifier reads the story (a complaint, a dispute date) and the request for
a person is lost. Asking for a person is the request a buyer most needs honoured: with the explicit
words (`PERSON_ASKED`) the intent becomes `request_human`, whose answer says there are no live
agents and gives the case summary (complaint, order, dates) to send to AliExpress's support. Runs
after the other components that choose an intent.
"""

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent

PERSON_INTENT = "request_human"
ANSWERED_ALREADY = {PERSON_INTENT, "bot_challenge"}
_SOMEONE = (
    r"(?:a |an |the |your |some )?(?:real |actual |live |human )?"
    r"(?:person|human|agent|manager|supervisor|someone|somebody|people)"
)
_GIVE_ME = r"(?:get|give|put|transfer|connect|pass|let) me (?:through )?(?:to |talk to |speak to )?"
# Asking to be handed over: "get me a manager", "pass this on to a human", "talk to a person".
HANDOVER_ASKED = re.compile(
    rf"\b{_GIVE_ME}{_SOMEONE}\b"
    r"|\b(?:pass|hand|send|forward|transfer)(?:ing)? (?:this|it|me|my case)(?: on| over)? "
    rf"to {_SOMEONE}\b"
    rf"|(?<!am i )\b(?:talk|speak|chat)(?:ing)? (?:to|with) {_SOMEONE}\b"
)
# The same in Spanish, Portuguese, French, Russian and Polish ("quiero hablar con una persona", "me
# passa pra um atendente", "je veux parler à un vrai conseiller", "дайте оператора", "proszę mnie
# połączyć z prawdziwym człowiekiem").
HANDOVER_ASKED_ELSEWHERE = re.compile(
    r"\b(?:hablar|habla|p[aá]same|pasarme|ponme|comunicarme) (?:con )?"
    r"(?:un |una |alg[uú]n |el |la )?"
    r"(?:persona|humano|agente|operador\w*|encargad\w*|responsable|supervisor\w*|alguien)\b"
    r"|\b(?:falar|me passa|me transfere|transferir) (?:com |pra |para )?(?:um |uma |o |a )?"
    r"(?:pessoa|humano|atendente|agente|operador|algu[eé]m|gerente|supervisor)\b"
    r"|\b(?:parler|passez-moi|passe-moi) (?:[àa] |avec )?(?:un |une |le |la )?(?:vrai |vraie )?"
    r"(?:personne|humain|conseill\w*|agent|op[ée]rat\w*|responsable|quelqu'un)\b"
    r"|(?:дайте|позовите|нужен|соедините с|поговорить с) (?:живого |живым |живой )?"
    r"(?:оператор\w*|человек\w*|менеджер\w*|сотрудник\w*)"
    r"|\b(?:porozmawia\w*|po[lł][aą]cz\w*|przeka[zż]\w*) (?:mnie |mi )?(?:z|do) "
    r"(?:prawdziwym |[zż]ywym )?(?:cz[lł]owiek\w*|konsultant\w*|osob\w*|pracownik\w*|agent\w*)"
)
# Asking for the case summary that answer gives, told with the facts for it ("ok fais-moi le
# résumé alors. commande 8034..., écouteurs jamais reçus", "proszę o to podsumowanie dla obsługi").
SUMMARY_ASKED = re.compile(
    r"\b(?:the|a|my|case) (?:summary|recap)\b"
    r"|\b(?:el|un|ese|este) resumen\b|\bresumen (?:del|de mi) caso\b"
    r"|\b(?:o|um|esse|este) resumo\b"
    r"|\b(?:le|un|ce) (?:r[ée]sum[ée]|r[ée]capitulatif)\b"
    r"|\bpodsumowani\w*|\bсводк\w*|\bрезюме\b"
)
# Asking whether there is one: "am I talking to a real person?" (the bot's own answer fits too).
PERSON_ASKED = re.compile(
    r"\bam i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:real |actual )?"
    r"(?:person|human|bot)\b"
)


def asks_for_a_person(text: str) -> bool:
    text = text.lower()
    return bool(_handover_asked(text) or PERSON_ASKED.search(text))


def _handover_asked(lowered: str) -> bool:
    return any(
        pattern.search(lowered)
        for pattern in (HANDOVER_ASKED, HANDOVER_ASKED_ELSEWHERE, SUMMARY_ASKED)
    )


def read_person_asked(message: Message) -> None:
    intent = (message.get(INTENT) or {}).get("name")
    text = (message.get(TEXT) or "").lower()
    if intent == PERSON_INTENT:
        return
    if _handover_asked(text) or (intent not in ANSWERED_ALREADY and PERSON_ASKED.search(text)):
        choose_intent(message, PERSON_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PersonAsked(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_person_asked(message)
