"""Where the buyer is in the dispute steps, and where a command takes them.

The number of steps is the policy's `dispute_steps` (the guide's 5: log in; My Orders, pick
the order; Open Dispute; fill in; submit).

A buyer may also say where they are ("I'm logged in, what now?", "I clicked Open Dispute",
"entrei na minha conta", "нажал на Открыть спор"), in any of the assistant's six languages:
`step_from_words` reads that, and `navigate` starts or continues the steps from there, also
when no walkthrough is running.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from refund_rules.policy import DisputePolicy, default_policy


class Command(enum.Enum):
    START = "start"
    NEXT = "next"
    BACK = "back"
    REPEAT = "repeat"
    RESUME = "resume"


class Outcome(enum.Enum):
    STARTED = "started"  # from step 1, with the introduction
    MOVED = "moved"
    ALREADY_FIRST = "already_first"
    RESUMED = "resumed"
    FINISHED = "finished"
    NOT_STARTED = "not_started"  # nothing was running: start at step 1, and say so
    FROM_HERE = "from_here"  # the buyer said where they are: that step


@dataclass(frozen=True)
class Move:
    step: Optional[int]  # the step to show now; None when the walkthrough is not running
    outcome: Outcome


def navigate(
    command: Command,
    current: Optional[int],
    policy: Optional[DisputePolicy] = None,
    stated: Optional[int] = None,
    finished: bool = False,
) -> Move:
    """Apply a command to the current step (None: no walkthrough in progress).

    `stated` is the step the buyer's own words put them at (`step_from_words`): it wins over
    the stored step; one past the last step means they have submitted. `finished`: the buyer
    went through every step already (so "where was I?" is "all done", not "not started").
    """
    last = (policy or default_policy()).dispute_steps
    if stated is not None:
        if stated > last:
            return Move(None, Outcome.FINISHED)
        if stated == current and command is not Command.START:
            return Move(current, Outcome.MOVED)
        return Move(max(stated, 1), Outcome.FROM_HERE)
    if command is Command.START:
        return Move(1, Outcome.STARTED)
    if current is None and finished:
        if command is Command.BACK:
            return Move(last, Outcome.MOVED)
        return Move(None, Outcome.FINISHED)
    if current is None:
        # "next", "ok, carry on", "where was I?" with nothing running: begin, never refuse
        if command is Command.NEXT:
            return Move(1, Outcome.STARTED)
        return Move(1, Outcome.NOT_STARTED)
    if command is Command.NEXT:
        if current >= last:
            return Move(None, Outcome.FINISHED)
        return Move(current + 1, Outcome.MOVED)
    if command is Command.BACK:
        if current <= 1:
            return Move(1, Outcome.ALREADY_FIRST)
        return Move(current - 1, Outcome.MOVED)
    if command is Command.RESUME:
        return Move(current, Outcome.RESUMED)
    return Move(current, Outcome.MOVED)


# What the buyer does in each step, as they say it. A step's landmark said as done ("I'm
# logged in") puts them at the next step; said as not done or not found ("I haven't logged
# in", "I can't find My Orders") puts them at that step.
_LANDMARKS: List[Tuple[int, str]] = [
    (
        1,
        r"log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|logged on"
        r"|in(?:side|to)? my (?:aliexpress )?account|\b(?:i'?m|i am) in(?: now)?\W*$",
    ),
    (
        2,
        r"my ?orders\b(?: page| section| tab| list)?|orders (?:page|list|section|tab)"
        r"|(?:picked|selected|chose|chosen|found|clicked|tapped) (?:on )?(?:the|my|that) order",
    ),
    (
        3,
        r"(?:click|press|tap|hit|chose|choose|select|found)\w* (?:on )?(?:the )?['\"]?open ?disput"
        r"|open ?dispute (?:button|option|link)",
    ),
    (
        4,
        # "wrote" alone, not "I wrote to the seller"
        r"fill(?:ed|ing)? (?:it |them |everything |all )?(?:in|out)|filled"
        r"|(?:wrote|written)(?! to\b)|typed"
        r"|uploaded|added (?:the |my )?(?:photos|pictures|details)",
    ),
    (5, r"submit\w*|sent (?:it|the (?:request|dispute))"),
]
_NOT_DONE = re.compile(
    r"(?:\bnot|n't|\bnever|\byet to|\bcan'?t find|\bcannot find|\bdon'?t see|\bwhere is"
    r"|\bwhere's|\bhow do i|\bhow to|\bhow can i)\b(?:\W+\w+){0,3}\W*$"
)
# "I want to check what I'm supposed to fill in": asking about a step puts the buyer at it
_ASKING_WHAT = re.compile(r"\bwhat\b(?:\W+\w+){0,4}\W*$")
# "once it's submitted, how do I check on it?": a step talked about, not a step done
_HYPOTHETICAL = re.compile(r"\b(?:once|when|after|if|before|until)\b(?:\W+\w+){0,2}\W*$")
# "is there a form I need to fill out?", "do I have to log in first?": a step required, not done
_REQUIRED = re.compile(r"\b(?:need|needs|have|has|got)\s+to\b(?:\W+\w+)?\W*$|\bmust\W*$")
_THERE_NOW = re.compile(r"\b(?:i'?m|im|i am|am)\s+(?:now\s+)?(?:on|in|at)\b(?:\W+\w+){0,2}\W*$")
# Places that are a step themselves: "I'm in the dispute form" is step 4.
_PLACES: List[Tuple[int, str]] = [
    (4, r"\b(?:in|on|into) the (?:open )?dispute (?:form|page|screen)|\bthere'?s (?:a|the) form\b")
]
_EXPLICIT = re.compile(r"\b(?:on|at|from|to) step (\d)\b")

# The same in Spanish, Portuguese, French, Russian and Polish: what the buyer says they did.
_LANDMARKS_ELSEWHERE: List[Tuple[int, str]] = [
    (
        1,
        r"entr[eé] (?:en|a) (?:mi )?(?:cuenta|aliexpress)|inici[eé] sesi[oó]n|me logu[eé]"
        r"|ya estoy (?:en mi cuenta|logueado|logueada|dentro)"
        r"|entrei (?:na|no) (?:minha )?(?:conta|aliexpress)|loguei|fiz (?:o )?login"
        r"|(?:t[oô]|estou) logad[oa]"
        r"|(?:je suis |suis )connect[ée]|je me suis connect[ée]|j'ai ouvert (?:une |ma )?session"
        r"|вош[её]л|вошла|залогинил\w*|авторизовал\w*"
        r"|(?:заш[её]л|зашла|зашли) в (?:аккаунт|акк\w*|приложение|профиль|личный кабинет|али\w*)"
        r"|zalogowa\w*",
    ),
    (
        2,
        r"(?:encontr[eé]|eleg[ií]|seleccion[eé]|abr[ií]|escog[ií]) el pedido"
        r"|(?:achei|encontrei|escolhi|selecionei|abri) o pedido"
        r"|(?:trouv[ée]|choisi|s[ée]lectionn[ée]) (?:la|ma) commande"
        r"|(?:наш[её]л|нашла|выбрал\w*|открыл\w*) (?:нужный |свой )?заказ"
        r"|(?:znalaz[lł]\w*|wybra[lł]\w*|otworzy[lł]\w*) zam[oó]wieni\w",
    ),
    (
        3,
        r"(?:d[ií]|puls[eé]|hice clic|cliqu[eé]|toqu[eé]|presion[eé]|apret[eé]) (?:en |a )?"
        r"(?:el bot[oó]n )?(?:de )?[«\"'“]?abrir (?:una )?disputa"
        r"|(?:cliquei|apertei|toquei) (?:em |no |n[ao] )?(?:bot[aã]o )?[«\"'“]?abrir"
        r" (?:uma )?disputa"
        r"|(?:cliqu[ée]|appuy[ée]) sur (?:le bouton )?[«\"'“]?\s?ouvrir (?:un )?litige"
        r"|нажал\w* (?:на )?(?:кнопку )?[«\"'“]?открыть спор"
        r"|(?:klikn[aą][lł]\w*|nacisn[aą][lł]\w*) (?:w |na )?(?:przycisk )?[„\"']?"
        r"otw[oó]rz sp[oó]r",
    ),
    (
        4,
        r"rellen[eé]|llen[eé] (?:el formulario|los detalles|todo)|sub[ií] las fotos"
        r"|preenchi|anexei|coloquei (?:a descri[cç][aã]o|os detalhes|as fotos)"
        r"|j'ai (?:tout )?rempli|(?:j'ai )?(?:ajout[ée]|joint) les photos"
        r"|заполнил\w*|прикрепил\w* (?:фото|видео)"
        r"|wype[lł]ni[lł]\w*|uzupe[lł]ni[lł]\w*|doda[lł]\w* zdj[eę]cia",
    ),
    (
        5,
        r"(?:envi[eé]|mand[eé]) (?:la disputa|la solicitud|el formulario|la reclamaci[oó]n)"
        r"|(?:enviei|mandei) (?:a disputa|o formul[aá]rio|a solicita[cç][aã]o|a reclama[cç][aã]o)"
        r"|(?:envoy[ée]|soumis) (?:le litige|la demande|le formulaire|la r[ée]clamation)"
        r"|отправил\w* (?:спор|заявку|форму|претензию)"
        r"|wys[lł]a[lł]\w* (?:sp[oó]r|formularz|zg[lł]oszenie|reklamacj[eę])",
    ),
]
# Not done, not found, or asked about, in those languages.
_NOT_DONE_ELSEWHERE = re.compile(
    r"(?:\bno|\bnunca|\bd[oó]nde|\bc[oó]mo|\bn[aã]o|\bonde|\bpas|\bjamais|\boù|\bcomment"
    r"|\bне|\bгде|\bкак|\bnie|\bgdzie|\bjak)\b(?:\W+\w+){0,3}\W*$"
)
_PLACES_ELSEWHERE: List[Tuple[int, str]] = [
    (2, r"\b(?:estoy|entr[eé]) en mis pedidos|\b(?:t[oô]|estou|entrei) em meus pedidos"),
    (
        2,
        r"\b(?:je suis|suis) dans mes commandes|\bв (?:разделе )?«?мои заказы"
        r"|\bw moich zam[oó]wieniach",
    ),
]
_EXPLICIT_ELSEWHERE = re.compile(
    r"\b(?:paso|passo|[ée]tape|etapa|шаг[еау]?|krok\w*)\s+(\d)\b(?!\s*(?:d[ií]a|jour|дн|dni|dzie))"
)


# "wait, go back a bit, I think I clicked the wrong order", in each language: not "send it back",
# "will it go back on my visa", "dinheiro de volta", "3 días atrás", "3 дня назад" or "zwróć".
_GO_BACK = re.compile(
    r"\bgo back\b(?=\s*(?:$|[,.!?]|a (?:bit|step)|one\b|to (?:the )?(?:previous|last|step)))"
    r"|\b(?:a |one )?step back\b|\bprevious step"
    r"|(?<!de )\bvolta(?:r)?\s+(?:um|uma|1|atr[aá]s)\b|(?<!de )(?<!tem )\bvolta\s*(?:$|[,.!?])"
    r"|passo anterior|etapa anterior"
    r"|\bvuelve\s+(?:atr[aá]s|un paso|al paso anterior)|\bvuelve\s*(?:$|[,.!?])|volver atr[aá]s"
    r"|paso anterior|\bretrocede"
    r"|\breviens\s+(?:en arri[eè]re|[àa] l'[ée]tape|d'une [ée]tape)|\breviens\s*(?:$|[,.!?])"
    r"|[ée]tape pr[ée]c[ée]dente"
    r"|\bвернись\s+(?:назад|на шаг)|\bвернись\s*(?:$|[,.!?])|\bшаг назад|\bпредыдущ\w* шаг"
    r"|^\s*назад\b"
    r"|\bcofnij\b(?! przypom)|\bwr[oó][cć]\s+(?:do poprzedniego|o krok|krok)"
    r"|\bwr[oó][cć]\s*(?:$|[,.!?])|\bwstecz\b|\bpoprzedni\w* krok"
)


def says_go_back(text: str) -> bool:
    """Do the words ask to go back a step, in any of the assistant's languages?"""
    return bool(_GO_BACK.search(" ".join(text.lower().split())))


def step_from_words(text: str, policy: Optional[DisputePolicy] = None) -> Optional[int]:
    """The step the buyer's words put them at, or None when they don't say.

    "I'm logged in, what now?" -> 2; "I'm on My Orders" -> 2 (there, the order still to pick);
    "I clicked Open Dispute" -> 4; "I've filled in the form" -> 5; "I submitted it" -> one past
    the last step; "I'm on step 3" -> 3. Something not done or not found puts the buyer at that
    step, and the last such mention wins ("step 3, sorry, no, I haven't logged in yet" -> 1);
    otherwise the furthest step said wins.
    """
    last = (policy or default_policy()).dispute_steps
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    explicit = [*_EXPLICIT.finditer(lowered), *_EXPLICIT_ELSEWHERE.finditer(lowered)]
    reached: List[int] = [int(m.group(1)) for m in explicit]
    reached = [number for number in reached if 1 <= number <= last]
    not_done: List[Tuple[int, int]] = []  # (position in the text, step)
    for step, pattern in _LANDMARKS:
        for match in re.finditer(rf"\b(?:{pattern})", lowered):
            before = lowered[max(0, match.start() - 40) : match.start()]
            if _HYPOTHETICAL.search(before):
                continue
            if _NOT_DONE.search(before) or _ASKING_WHAT.search(before):
                not_done.append((match.start(), step))
            elif _REQUIRED.search(before):
                continue
            elif step == 2 and match.group(0).startswith("my") and _THERE_NOW.search(before):
                reached.append(step)  # "I'm on My Orders": there now, the order still to pick
            else:
                reached.append(step + 1)
    for step, pattern in _LANDMARKS_ELSEWHERE:
        for match in re.finditer(rf"\b(?:{pattern})", lowered):
            before = lowered[max(0, match.start() - 40) : match.start()]
            if _NOT_DONE_ELSEWHERE.search(before):
                not_done.append((match.start(), step))
            else:
                reached.append(step + 1)
    places = _PLACES + _PLACES_ELSEWHERE
    reached += [step for step, pattern in places if re.search(pattern, lowered)]
    if not_done:
        return max(not_done)[1]
    return max(reached) if reached else None
