"""What a date in a buyer's message refers to, from the words around it.

"I opened the dispute 3 days ago" gives the dispute's date; "I paid two months ago" the order's;
"the seller has been silent for a week" how long the seller is quiet; "what if we still disagree
after two weeks?" is a duration inside a question about the rules. Only a date the buyer gives
as their dispute's may be used to tell them where their dispute stands; a date with no role is
asked about.
"""

import re
from typing import Any, Iterable, List, Mapping, Optional

DISPUTE_OPENED = "dispute_opened"
ORDERED = "ordered"
DELIVERED = "delivered"
SELLER_SILENT = "seller_silent"
OTHER_EVENT = "other_event"  # something else happened then (the seller wrote, agreed, shipped)
RULE = "rule"  # a duration inside a question about the rules
ROLES = [DISPUTE_OPENED, ORDERED, DELIVERED, SELLER_SILENT, OTHER_EVENT, RULE]

_DISPUTE_WORD = re.compile(r"\b(disputes?|claims?|cases?|complaints?|reclamations?)\b")
# Cues for each role; the one nearest before the date wins. A bare mention of the dispute
# ("my dispute is from Monday") counts only when no cue is found.
_OPENING_THE_PARCEL = (
    r"\b(open(ed|ing)?|unpack(ed|ing)?) (the |my )?(package|parcel|box|item|it up)\b"
)
_OPENING_A_DISPUTE = (
    r"\b(open(ed|ing)?|fil(e|ed|ing)|start(ed|ing)?|rais(e|ed|ing)|submit(ted|ting)?"
    r"|lodg(e|ed|ing)|launch(ed|ing)?|creat(e|ed|ing)|put in)\b"
)
_CUES = [
    (DELIVERED, _OPENING_THE_PARCEL),
    (DISPUTE_OPENED, _OPENING_A_DISPUTE),
    (ORDERED, r"\b(order(ed|ing)?|bought|buy|purchas\w*|paid|pay(ing)?|placed|checkout)\b"),
    (DELIVERED, r"\b(arriv\w*|receiv\w*|came|come|deliver\w*|got (it|them|the))\b"),
    (
        SELLER_SILENT,
        r"\b(silen(t|ce)|ignor\w*|quiet|ghost\w*|no (answer|reply|response|word)|heard nothing"
        r"|not (answer|repl|respond)\w*"
        r"|(hasn'?t|has not|haven'?t|didn'?t|did not|won'?t|doesn'?t|does not|don'?t|do not)"
        r" (answer|repl|respond|said|got back)\w*|waiting|nothing from)\b",
    ),
    (
        OTHER_EVENT,
        r"\b(agree\w*|promis\w*|accept\w*|wrote|written|messag\w*|email\w*|repl(y|ied)"
        r"|answer(ed)?|said|told|sent|ship(ped|ping)?|dispatch\w*|track\w*|refund(ed)?"
        r"|finished|closed|resolved|ended|reject(ed)?|denied)\b",
    ),
]
# Clauses end at sentence punctuation or at a coordinating word.
_CLAUSE_BREAK = re.compile(r"[.;!?\n]|,\s|\b(but|and then|so|because|although|though)\b")
_QUESTION_START = re.compile(
    r"^\s*(?:(?:so|and|but|ok|okay|then|hmm|huh|wait|hang on)\W+)*"
    r"(what|whats|when|where|wheres|why|who|which|how|do|does|did|is|are|can|could|will|would"
    r"|should|must|if|after|within"
    r"|before|are weekends)\b"
)
_ANCHORED = re.compile(r"\b(ago|last|since|yesterday|today|on|back)\b|\d{1,2}[/.]\d{1,2}")
# "three days after you open it", "within 15 days of opening": a span of time, not a day
_SPAN_OF_AN_EVENT = re.compile(r"^\s*(after|from|of|once|following)\b")
# "... the 19th? That's when I opened it."
_THEN_OPENED = re.compile(
    r"\s*(?:that'?s|that is|that was|which is|which was) (?:when|the day)"
    r"(?: (?:i|we|my \w+))? (?:opened|filed|started|raised|made|put in|created)\b"
)
# "it stopped working after two days": how long something took, not a day of the dispute
_AFTER_A_SPAN = re.compile(r"\b(?:after|within)\s*$")


def _clause_around(text: str, start: int, end: int) -> tuple:
    """(words before the date in its clause, words after it in its clause)."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    after = text[end:]
    stop = _CLAUSE_BREAK.search(after)
    after = after[: stop.start()] if stop else after
    return before.lower(), after.lower()


def _sentence_around(text: str, start: int, end: int) -> str:
    head = re.split(r"[.!\n]", text[:start])[-1]
    tail = re.split(r"[.!?\n]", text[end:])[0]
    question = text[end : end + len(tail) + 1].endswith("?")
    return (head + text[start:end] + tail + ("?" if question else "")).lower()


def _follows_the_dispute_opening(text: str, start: int) -> bool:
    """Is the clause before the date's own one about opening the dispute, in a message that
    talks about a dispute?"""
    *earlier, _own = [c for c in _CLAUSE_BREAK.split(text[:start]) if c is not None]
    earlier = [c for c in earlier if c.strip()]
    if not earlier:
        return False
    previous = earlier[-1].lower()
    if re.search(_OPENING_THE_PARCEL, previous) or not re.search(_OPENING_A_DISPUTE, previous):
        return False
    return bool(_DISPUTE_WORD.search(text.lower()))


_CORRECTION = re.compile(
    r"\b(no,? wait|wait,? no|sorry|i mean|i meant|actually|or rather|correction|no no"
    r"|scratch that|hang on|hold on|oops)\b"
)


def corrects(words_between: str) -> bool:
    """Do the words between two dates take the first one back ("on monday... no wait, it was
    tuesday")?"""
    return bool(_CORRECTION.search(words_between.lower()))


_WEEKDAY = re.compile(
    r"^(?:the |on |on the )?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE
)
_APPOSITION = re.compile(r"^[\s,(\-–]*(?:the\s+|that\s+(?:was\s+)?|a\s+)?$", re.IGNORECASE)


def is_a_weekday(date_phrase: str) -> bool:
    """Is the date only a day of the week ("Sunday", "on the Sunday")?"""
    return bool(_WEEKDAY.match(date_phrase.strip()))


def names_the_same_day(first: str, words_between: str, second: str) -> bool:
    """Is one of two dates side by side a weekday naming the other, a day of the month ("the
    15th, the Sunday", "Sunday the 15th")?"""
    one_is_a_weekday = is_a_weekday(first) != is_a_weekday(second)
    return one_is_a_weekday and bool(_APPOSITION.match(words_between))


def date_roles(entities: Iterable[Mapping[str, Any]]) -> List[Optional[str]]:
    """The role of each date among Rasa entities (None: the words didn't say)."""
    return [e.get("role") for e in entities if e.get("entity") == "date"]


def tells_dispute_date(entities: Iterable[Mapping[str, Any]]) -> bool:
    """Is one of the dates among these Rasa entities given as the dispute's?"""
    return DISPUTE_OPENED in date_roles(entities)


def asks_a_question(text: str) -> bool:
    """Does any sentence of the message ask something?"""
    return "?" in text or any(
        _QUESTION_START.search(sentence) for sentence in re.split(r"[.!\n]", text.lower())
    )


# "and what if he never answers?", "et si…", "y si…", "e se…", "a jeśli…", "а если…": a
# question about what would happen. A comma after "si" is a "yes" ("si, no contesta").
_SUPPOSING = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|et|mais|y|pero|e|mas|a|i|и|а|но)\W+)*"
    r"(?:what\W+if|co\W+jak|(?:(?:что|чо|че|шо)\W+)?если|(?:co\W+)?(?:jeśli|jesli|jeżeli|jezeli|gdyby)|if|si|se"
    r"|jak(?=(?:\W+\w+){0,3}?\W+nie\b))"  # "a jak sprzedawca nie odpowie": "jak" as "if"
    r"\b(?!\s*,)"
)
# "..., to co", "... then what": a question without its question mark.
_ASKING_TAIL = re.compile(
    r"\b(?:to co|i co|co wtedy|co dalej|что тогда|и что|et alors|y entonces|e a[ií]|then what"
    r"|what then)\W*$"
)


# Openings that ask without a question mark: "и чо если он так и будет молчать дальше".
_ASKING_SUPPOSITION = re.compile(
    r"^\W*(?:(?:and|so|и|а|но)\W+)*(?:what\W+if|(?:что|чо|че|шо)\W+если|[иа]\W+если"
    r"|co\W+(?:jeśli|jesli|jak|gdyby))\b"
)


def supposes(text: str) -> bool:
    """Does the message ask what would happen if something did (or did not)?"""
    lowered = text.lower()
    if _ASKING_SUPPOSITION.search(lowered):
        return True
    asks = asks_a_question(text) or bool(_ASKING_TAIL.search(lowered))
    return asks and bool(_SUPPOSING.search(lowered))


def _anchored(text: str, start: int, end: int) -> bool:
    """Is the phrase a point in time ("3 days ago", "two weeks back", "on the 9th") rather than
    a span ("three days")? The word after it counts: "two weeks" + "back"."""
    next_word = re.match(r"\s*\w+", text[end:])
    return bool(
        _ANCHORED.search(
            text[start:end].lower() + (next_word.group(0).lower() if next_word else "")
        )
    )


def _said_opened_next(text: str, end: int) -> bool:
    """Does the sentence after the date's say that was when the dispute was opened?"""
    sentence_end = re.search(r"[.!?]+", text[end:])
    return bool(sentence_end and _THEN_OPENED.match(text[end + sentence_end.end() :].lower()))


def date_role(text: str, start: int, end: int) -> Optional[str]:
    """The role of the date at text[start:end], or None when the words don't say."""
    if _said_opened_next(text, end):  # "Isn't the 19th recent enough? That's when I opened it."
        return DISPUTE_OPENED
    before, after = _clause_around(text, start, end)
    sentence = _sentence_around(text, start, end)
    if not _anchored(text, start, end) and (
        _SPAN_OF_AN_EVENT.search(after)
        or _QUESTION_START.search(sentence)
        or sentence.endswith("?")  # "so the seller's 5 days start from when exactly?"
    ):
        return RULE  # "if the seller doesn't respond for 16 days, can I escalate?"
    if not _anchored(text, start, end) and _AFTER_A_SPAN.search(before):
        return None
    nearest: Optional[tuple] = None
    for role, cue in _CUES:
        for match in re.finditer(cue, before):
            distance = len(before) - match.end()
            if (
                nearest is None
                or distance < nearest[0]
                or (distance == nearest[0] and role == DELIVERED)
            ):
                nearest = (distance, role)
    if nearest is not None:
        return nearest[1]
    for role, cue in _CUES:
        if re.search(cue, after):
            return role
    if _DISPUTE_WORD.search(before) or _DISPUTE_WORD.search(after):
        return DISPUTE_OPENED
    if _follows_the_dispute_opening(text, start):  # "I already opened a dispute! On the 24th!"
        return DISPUTE_OPENED
    return None


# "I haven't opened a dispute, I only messaged the seller", "no dispute yet", "I not open dispute".
_OPEN = r"(?:open|opened|file|filed|start|started|raise|raised|make|made|create|created|do|done)"
_A_DISPUTE = r"(?:(?:a|any|the|my) )?(?:dispute|claim|case)s?|one|any|anything|it"
NO_DISPUTE_YET = re.compile(
    rf"(?:\b(?:have|has|had|did|do|does)n'?t|\b(?:have|has|had|did|do|does) not|\bnever|\bnot yet"
    rf"|\bi not|\byet to)\s+(?:\w+\s+){{0,2}}?{_OPEN}\s+(?:{_A_DISPUTE})\b"
    rf"|\bno (?:dispute|claim)s?\b(?!\s+(?:button|option))"
    rf"|\b(?:dispute|claim)s? (?:not|isn'?t|wasn'?t) (?:yet )?(?:open|opened|filed|started)\b",
)


# The same in Spanish, Portuguese, French, Russian and Polish ("todavía no abrí la disputa",
# "ainda não abri", "pas encore ouvert de litige", "спор пока не открывала", "nie otworzyłam
# jeszcze sporu").
NO_DISPUTE_YET_ELSEWHERE = re.compile(
    r"\bno (?:he |hemos )?(?:abierto|abr[ií]|puesto|iniciado)(?: (?:ninguna|una|la))? "
    r"(?:disputa|reclamaci[oó]n|reclamo)|\b(?:a[uú]n|todav[ií]a) no (?:he )?(?:abierto|abr[ií])\b"
    r"|\bno (?:tengo|hay) (?:ninguna )?(?:disputa|reclamaci[oó]n)|\bsin (?:abrir )?disputa"
    r"|\bnunca (?:he )?(?:abierto|abr[ií])(?: (?:ninguna|una))? (?:disputa|reclamaci[oó]n|reclamo)"
    r"|\bnunca abri(?: (?:nenhuma|uma))? (?:disputa|reclama[cç][aã]o)"
    r"|\bn[aã]o (?:abri|abrimos|fiz|tenho|h[aá])(?: (?:nenhuma|uma|a))? "
    r"(?:disputa|reclama[cç][aã]o)"
    r"|\bainda n[aã]o (?:abri|fiz)\b|\bnenhuma disputa|\bsem disputa"
    r"|\bpas (?:encore )?(?:ouvert|fait|lanc[ée]|d[ée]pos[ée])(?: (?:de|le|un))? "
    r"(?:litige|r[ée]clamation)|\b(?:aucun|pas de|pas encore de) litige"
    r"|\b(?:n'ai|j'ai|ai) (?:pas|jamais) (?:encore )?(?:ouvert|fait|lanc[ée])"
    r" (?:de |le |un )?litige"
    r"|\bспор(?:а)? (?:ещ[её] |пока )?(?:не (?:открыва|открыл|открыт)|нет)|\bбез спора"
    r"|\bне (?:открывал|открыл)[аи]? (?:ещ[её] |пока )?спор"
    r"|\bnie (?:otworzy[lł]\w*|otwiera[lł]\w*|za[lł]o[zż]y[lł]\w*) (?:jeszcze )?"
    r"(?:sporu|reklamacji)"
    r"|\bjeszcze nie (?:otworzy[lł]|otwiera[lł]|za[lł]o[zż]y[lł])\w*|\bnie mam (?:jeszcze )?sporu"
    r"|\bbez sporu|\bsporu (?:jeszcze |na razie )?nie"
)


# "no, don't cancel anything", "no hace falta cancelar", "não cancela não", "n'annule rien",
# "отменять ничего не надо", "nie anuluj": reminders kept, not cancelled.
NOT_TO_CANCEL = re.compile(
    r"\b(?:don'?t|do not|no need to|not)\s+(?:\w+\s+)?cancel|\bno (?:\w+ )?cancel\w*"
    r"|\bsin cancelar|\bn[aã]o (?:\w+ )?cancel\w*|\bn'?\s*annule\w* (?:pas|rien)"
    r"|\bpas (?:besoin )?d'annuler|\bne (?:pas|rien) annuler"
    r"|\bне (?:надо |нужно |стоит )?отмен\w*|\bотмен\w* (?:\w+ )?не (?:надо|нужно)"
    r"|\bnie (?:\w+ )?anul\w*"
)


def says_not_to_cancel(text: str) -> bool:
    """Do the words say not to cancel (the reminders), in any of the assistant's languages?"""
    return bool(NOT_TO_CANCEL.search(text.lower().replace("\u2019", "'")))


def says_no_dispute_yet(text: str) -> bool:
    """Do the words say there is no dispute yet ("I haven't opened one", "no dispute yet"), in
    any of the assistant's languages?"""
    lowered = text.lower().replace("\u2019", "'")
    return bool(NO_DISPUTE_YET.search(lowered) or NO_DISPUTE_YET_ELSEWHERE.search(lowered))


# "the seller agreed to a return", "el vendedor aceptó la devolución", "o vendedor aceitou a
# devolução", "le vendeur a accepté le retour", "продавец согласился на возврат", "sprzedawca
# zgodził się na zwrot": the item goes back. Not a refund of the money ("aceptó la devolución del
# dinero", "согласился на возврат денег", "zgodził się na zwrot pieniędzy").
_NOT_THE_MONEY = (
    r"(?!\s+(?:my |the |your |del |de mi |do |de )?"
    r"(?:money|cash|payment|funds|dinero|plata|dinheiro|grana|argent)"
    r"|\s+(?:денег|деньги|средств)|\s+(?:pieni[eę]dzy|kasy|got[oó]wki))"
)
# Not after a "not": "sklep nie zgodził się na zwrot", "не согласился", "n'a pas accepté".
_NOT_DENIED = (
    r"(?<!not )(?<!n't )(?<!never )(?<!no )(?<!nunca )(?<!não )(?<!nao )(?<!pas )"
    r"(?<!jamais )(?<!не )(?<!nie )"
)
_RETURN_AGREED_BY_LANGUAGE = [
    r"(?:agreed|accepted|approved|ok'?d|okayed|said yes)(?: to)?(?: a| the| my)? "
    rf"(?:return|send(?:ing)? it back|tak(?:e|ing) it back)\b{_NOT_THE_MONEY}",
    r"(?:acept[oó]|aprob[oó]|autoriz[oó]|est[aá] de acuerdo con|dijo que s[ií] a)(?: la| el)? "
    rf"(?:devoluci[oó]n|devolver(?:lo|la)?|retorno)\b{_NOT_THE_MONEY}",
    r"(?:aceitou|aprovou|autorizou|concordou com)(?: a| o)? "
    rf"(?:devolu[cç][aã]o|devolver|troca)\b{_NOT_THE_MONEY}",
    r"(?:a |m'a )?(?:accept[ée]|valid[ée]|autoris[ée]|ok pour|d'accord pour)(?: le| un| mon)? "
    r"(?:retour|renvoi)\b",
    r"(?:согласил\w*|одобрил\w*|принял\w*|разрешил\w*) (?:на )?"
    rf"(?:возврат|вернуть)\b{_NOT_THE_MONEY}",
    r"(?:zgodzi[lł]\w* (?:si[eę] )?na|zaakceptowa[lł]\w*|przyj(?:[aą][lł]|[eę][lł]a)\w*"
    rf"|zatwierdzi[lł]\w*) (?:zwrot|odes[lł]anie)\b{_NOT_THE_MONEY}",
]
RETURN_AGREED = re.compile(rf"{_NOT_DENIED}\b(?:{'|'.join(_RETURN_AGREED_BY_LANGUAGE)})")


def says_return_agreed(text: str) -> bool:
    """Do the words say the seller agreed to have the item sent back, in any of the assistant's
    languages?"""
    return bool(RETURN_AGREED.search(text.lower().replace("\u2019", "'")))


# "the seller isn't answering my dispute", "el vendedor no responde", "o vendedor não responde",
# "le vendeur ne répond pas", "продавец молчит", "sprzedawca nie odpisuje".
SELLER_SILENT_WORDS = re.compile(
    r"\b(?:isn'?t|is not|hasn'?t|has not|doesn'?t|does not|won'?t|not|never)"
    r" (?:answer|respond|repl)\w*"
    r"|\bignor(?:e|es|ed|ing|a|an|ó|ou|ando|uje|ują)\b|\bghost\w*|\bsilent\b"
    r"|\bno (?:answer|reply|response)\b"
    r"|\bno (?:me )?(?:responde|contesta|ha respondido|ha contestado|dice nada)\b|\bsin respuesta\b"
    r"|\bn[aã]o (?:me )?(?:responde|respondeu|retorna|d[aá] retorno)\b|\b(?:sem|nenhuma) resposta\b"
    r"|\bne (?:me )?r[ée]pond (?:pas|plus|jamais|toujours pas)\b|\baucune r[ée]ponse\b"
    r"|\bне отвечает\b|\bмолчит\b|\bигнорирует\b|\bнет ответа\b"
    r"|\bnie (?:odpowiada|odpisuje|odpowiedzia[lł]|odpisa[lł])\b|\bmilczy\b|\bbrak odpowiedzi\b"
)
# Who is silent: the seller, the shop or the dispute ("el mando no responde" is a broken remote).
SELLER_OR_DISPUTE_WORDS = re.compile(
    r"seller|shop|store|vendor|merchant|supplier|disput|claim|\bcase\b"
    r"|vendedor|tienda|loja|lojista|fornecedor|proveedor|reclam"
    r"|vendeu?r|boutique|magasin|fournisseur|litige"
    r"|продав|магазин|селлер|спор"
    r"|sprzedaw|sklep|sp[oó]r"
)
# A refusal: "rejected", "rechazó", "recusou", "a refusé", "отклонил", "odrzucił".
REJECTION_WORDS = re.compile(
    r"reject|refus|declin|\bdenied|rechaz|rejeit|recus|negou|отклон|отказ|odrzuc|odrzuć|odm[oó]wi"
)


def says_seller_silent_not_rejecting(text: str) -> bool:
    """Do the words say the seller is silent, without saying anything was refused?"""
    lowered = text.lower().replace("\u2019", "'")
    return bool(
        SELLER_SILENT_WORDS.search(lowered) and SELLER_OR_DISPUTE_WORDS.search(lowered)
    ) and not REJECTION_WORDS.search(lowered)


# Other marketplaces, and AliExpress by its names in the six languages.
OTHER_SHOPS = re.compile(
    r"\b(?:amazon|ebay|shein|wish\.com|allegro|shopee|mercado ?(?:livre|libre)|ozon\w*|озон\w*"
    r"|wildberries|вайлдберриз|cdiscount|vinted|etsy|walmart|joom|banggood|dhgate|lazada|olx"
    r"|magalu|americanas|rakuten|zalando)\b"
    # Temu after a preposition or an article: Polish "temu" is "ago" ("3 dni temu")
    r"|\b(?:on|from|at|en|de|da|na|no|sur|chez|the|в|на|z|w|u)\s+temu\b|\btemu\.com"
)
ALIEXPRESS = re.compile(r"ali ?express|\bali\b|\baliexa\b|алиэкспресс\w*|\bали\b|\bалик\w*")


def asks_about_another_shop(text: str) -> bool:
    """Does the buyer ask about another marketplace ("how do I return something on amazon?"),
    without naming AliExpress?"""
    lowered = text.lower()
    return (
        asks_a_question(text)
        and bool(OTHER_SHOPS.search(lowered))
        and not ALIEXPRESS.search(lowered)
    )


# A greeting at the start of a message, in the six languages.
_GREETING_OPENING = re.compile(
    r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening)"
    r"|hola|buenas|buenos d[ií]as|oi|ol[aá]|bom dia|boa (?:tarde|noite)"
    r"|bonjour|bonsoir|salut|coucou|привет|здравствуйте|добрый (?:день|вечер)|доброе утро"
    r"|dzie[nń] dobry|cze[sś][cć]|witam|hej)\b"
)


def opens_with_a_greeting(text: str) -> bool:
    """Does the message open with a greeting ("bonjour, c'est pour mon père")?"""
    return bool(_GREETING_OPENING.match(text.lower()))


# "a święta?", "and holidays?", "et les jours fériés ?", "y los festivos?", "а праздники?": the
# last answer's question asked again about something else, in a few words.
_AND_WHAT_ABOUT = re.compile(
    r"^\W*(?:and|what about|how about|et|y|e|и|а|a|i|oraz)\W+(?:[^\W\d_]+\W+){0,2}[^\W\d_]+\s*\?"
)
_AND_WHAT_ABOUT_MAX_WORDS = 8


def asks_and_what_about(text: str) -> bool:
    """Is the message a short "and X?" asking the last question again about X?"""
    lowered = text.lower()
    return len(lowered.split()) <= _AND_WHAT_ABOUT_MAX_WORDS and bool(
        _AND_WHAT_ABOUT.match(lowered)
    )
