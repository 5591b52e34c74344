"""entity_ruler patterns: dates and durations, AliExpress order numbers, products.

Labels are the Rasa entity names: `date`, `order_number`, `product`, and `complaint_<type>` (see
COMPLAINT_PHRASES).
"""

NUMBER_WORDS = [
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "couple",
    "few",
]
UNITS = ["day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "wk", "wks"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Short forms are ordinary words too ("sat", "sun"): only taken after "on", "last", ...
WEEKDAY_ABBREVIATIONS = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
DAY_OF_MONTH = r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
YEAR = r"^20\d\d$"
NUMERIC_DATE = r"^(\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?|20\d\d-\d{1,2}-\d{1,2})$"

_amount = {"LOWER": {"IN": NUMBER_WORDS}}
_digits = {"TEXT": {"REGEX": r"^\d{1,3}$"}}
_unit = {"LOWER": {"IN": UNITS}}
# spaCy keeps the dot of an abbreviation in its token: "13 Nov."
_month = {"LOWER": {"IN": MONTHS + [f"{month}." for month in MONTHS if len(month) <= 4]}}
_day = {"LOWER": {"REGEX": DAY_OF_MONTH}}
_year = {"TEXT": {"REGEX": YEAR}, "OP": "?"}
_comma = {"TEXT": ",", "OP": "?"}
_lead = {"LOWER": {"IN": ["for", "since", "over"]}, "OP": "?"}  # "for a week", "since ..."
_ago = {"LOWER": "ago", "OP": "?"}
_on = {"LOWER": "on", "OP": "?"}
_the = {"LOWER": "the", "OP": "?"}
_weekday_lead = ["last", "past", "this", "on", "since"]

DATE_PATTERNS = [
    # "3 days ago", "a week ago", "a couple of days ago", "for 10 days", "2 weeks"
    [_lead, _digits, _unit, _ago],
    [_lead, {"LOWER": "a", "OP": "?"}, _amount, {"LOWER": "of", "OP": "?"}, _unit, _ago],
    # "two weeks ago today" is one date, not two
    [_digits, _unit, {"LOWER": "ago"}, {"LOWER": "today"}],
    [{"LOWER": "a", "OP": "?"}, _amount, _unit, {"LOWER": "ago"}, {"LOWER": "today"}],
    [{"LOWER": {"IN": ["yesterday", "today", "tonight", "yday", "tomorrow"]}}],
    # future dates are caught too, so the assistant can say they can't be right
    [{"LOWER": "next"}, {"LOWER": {"IN": WEEKDAYS + ["week", "month"]}}],
    [{"LOWER": "in"}, {"LOWER": "a", "OP": "?"}, {"LOWER": {"IN": NUMBER_WORDS}}, _unit],
    [{"LOWER": "in"}, _digits, _unit],
    [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": "before"}, {"LOWER": "yesterday"}],
    # "the day 20 of this month"; "the other day" (vague: asked about)
    [
        _the,
        {"LOWER": "day"},
        _digits,
        {"LOWER": "of"},
        {"LOWER": {"IN": ["this", "last"]}},
        {"LOWER": "month"},
    ],
    [{"LOWER": "the"}, {"LOWER": "other"}, {"LOWER": "day"}],
    # "a minute ago", "2 hours ago", "just now": today
    [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["minute", "hour"]}}, {"LOWER": "ago"}],
    [_digits, {"LOWER": {"IN": ["minutes", "mins", "hours", "hrs"]}}, {"LOWER": "ago"}],
    [{"LOWER": "just"}, {"LOWER": "now"}],
    [{"LOWER": "this"}, {"LOWER": "morning"}],
    [{"LOWER": "last"}, {"LOWER": {"IN": ["week", "month", "night"]}}],
    # "last Monday", "on tuesday", "since Friday"
    [{"LOWER": {"IN": _weekday_lead}, "OP": "?"}, {"LOWER": {"IN": WEEKDAYS}}],
    [{"LOWER": {"IN": _weekday_lead}}, {"LOWER": {"IN": WEEKDAY_ABBREVIATIONS}}],
    # "November 20", "nov 20th, 2026", "on the 20th of November", "20 nov"
    [_on, _month, _the, _day, _comma, _year],
    [_on, _the, _day, {"LOWER": "of", "OP": "?"}, _month, _comma, _year],
    [_on, {"LOWER": "the"}, {"LOWER": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)$"}}],
    # "20/11", "20.11.2026", "2026-11-20"
    [_on, {"TEXT": {"REGEX": NUMERIC_DATE}}],
    [_on, {"TEXT": {"REGEX": YEAR}}, {"TEXT": "-"}, _digits, {"TEXT": "-"}, _digits],
]

# AliExpress order numbers are long digit strings (usually 16 digits); a shorter one counts when
# the word for an order comes before it ("заказ 8800553535", "commande n° 51002388"). The entity
# is narrowed to the digits (addons/nlu/entity_meaning.py).
ORDER_WORD = r"^(orders?|pedidos?|encomenda|commande|заказ\w*|zam[oó]wieni\w*)$"
NUMBER_WORD = r"^(nr|no|n|nº|number|n[uú]mero|numer|номер)$"
ORDER_NUMBER_PATTERNS = [
    [{"TEXT": {"REGEX": r"^#?\d{12,20}$"}}],
    [
        {"LOWER": {"REGEX": ORDER_WORD}},
        {"LOWER": {"REGEX": NUMBER_WORD}, "OP": "?"},
        {"TEXT": {"REGEX": r"^[.°º:#№]$"}, "OP": "?"},
        {"TEXT": {"REGEX": r"^[#№]?\d{6,11}$"}},
    ],
]

PRODUCTS = [
    "dress",
    "shirt",
    "t-shirt",
    "tshirt",
    "hoodie",
    "jacket",
    "coat",
    "jeans",
    "trousers",
    "pants",
    "skirt",
    "shorts",
    "sweater",
    "jumper",
    "bra",
    "socks",
    "shoes",
    "sneakers",
    "trainers",
    "boots",
    "sandals",
    "slippers",
    "hat",
    "cap",
    "gloves",
    "scarf",
    "bag",
    "handbag",
    "backpack",
    "wallet",
    "belt",
    "ring",
    "necklace",
    "earrings",
    "bracelet",
    "watch",
    "smartwatch",
    "phone",
    "phone case",
    "screen protector",
    "charger",
    "cable",
    "usb cable",
    "power bank",
    "earbuds",
    "earphones",
    "headphones",
    "headset",
    "speaker",
    "keyboard",
    "mouse",
    "laptop",
    "tablet",
    "camera",
    "drone",
    "lamp",
    "led strip",
    "light",
    "bulb",
    "projector",
    "router",
    "memory card",
    "sd card",
    "flash drive",
    "ssd",
    "hard drive",
    "toy",
    "doll",
    "lego",
    "puzzle",
    "wig",
    "sunglasses",
    "glasses",
    "curtains",
    "bedding",
    "pillow",
    "blanket",
    "rug",
    "mug",
    "knife",
    "tool",
    "drill",
    "bike",
    "bicycle",
    "scooter",
    "helmet",
    "tent",
    "swimsuit",
    "bikini",
    "leggings",
    "pyjamas",
    "pajamas",
    "costume",
    "makeup",
    "brush",
    "perfume",
    "parcel",
    "package",
    "item",
    "order",
]
# Generic words are not products.
PRODUCTS = [p for p in PRODUCTS if p not in {"parcel", "package", "item", "order"}]


def _product_pattern(name: str) -> list:
    *head, last = name.split()
    plurals = [last, last + "s", last + "es"]
    return [{"LOWER": word} for word in head] + [{"LOWER": {"IN": plurals}}]


# "ordered a cable and got a toy car": something else came. Not "and got a refund".
_NOT_AN_ITEM = [
    "refund",
    "reply",
    "message",
    "response",
    "answer",
    "coupon",
    "tracking",
    "email",
    "notification",
    "partial",
    "full",
    "replacement",
    "few",
    "couple",
    "new",
    "bit",
]
_SIZE_LETTERS = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl"]
_NOT_AN_ITEM_EITHER = [
    *["a", "an", "the", "my", "what", "refunding", "money", "chat", "chatbot", "bot", "human"],
    *["person", "dispute", "waiting", "paying", "returning", "sending", "cash", "talking"],
    # where money goes: "the refund to my card instead of the balance"
    *["balance", "card", "credit", "wallet", "paypal", "bank", "account", "voucher", "points"],
]
_COLOURS = ["red", "blue", "green", "pink", "black", "white", "yellow", "purple", "grey", "gray"]
_COLOURS += ["orange", "brown", "beige", "navy", "gold", "silver", "violet", "turquoise"]
COMPLAINT_TOKEN_PATTERNS = {
    # "came in XS", "got an XXL", "they sent me a size L"
    "wrong_size": [
        [
            {"LOWER": {"IN": ["came", "arrived", "got", "received", "recieved", "sent"]}},
            {"LOWER": "me", "OP": "?"},
            {"LOWER": {"IN": ["in", "a", "an", "as"]}, "OP": "?"},
            {"LOWER": "size", "OP": "?"},
            {"LOWER": {"IN": _SIZE_LETTERS}},
        ],
    ],
    "not_as_described": [
        # "ordered it in navy blue and it came bright pink"
        [
            {"LOWER": {"IN": ["came", "arrived"]}},
            {"LOWER": "in", "OP": "?"},
            {"LOWER": {"IN": ["bright", "dark", "light", "pale", "a"]}, "OP": "?"},
            {"LOWER": {"IN": _COLOURS}},
        ],
        # "sent a phone case instead of the earphones", not "a coupon instead of a refund"
        [
            {"LOWER": "instead"},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["a", "an", "the", "my", "what"]}, "OP": "?"},
            {"LOWER": {"NOT_IN": _NOT_AN_ITEM + _NOT_AN_ITEM_EITHER}, "IS_ALPHA": True},
        ],
        [
            {"LOWER": {"IN": ["and", "but"]}},
            {"LOWER": {"IN": ["i", "they"]}, "OP": "?"},
            {"LOWER": {"IN": ["got", "received", "recieved", "get", "sent"]}},
            {"LOWER": {"IN": ["me"]}, "OP": "?"},
            {"LOWER": {"IN": ["a", "an", "some"]}},
            {"LOWER": {"NOT_IN": _NOT_AN_ITEM}, "IS_ALPHA": True},
        ],
        # "got a little plastic toy car instead", not "got a coupon instead"
        [
            {"LOWER": {"IN": ["got", "received", "recieved", "sent"]}},
            {"LOWER": {"IN": ["me"]}, "OP": "?"},
            {"LOWER": {"IN": ["a", "an", "some", "this", "that"]}},
            *[{"LOWER": {"NOT_IN": _NOT_AN_ITEM}, "IS_ALPHA": True, "OP": "?"}] * 3,
            {"LOWER": {"NOT_IN": _NOT_AN_ITEM}, "IS_ALPHA": True},
            {"LOWER": "instead"},
        ],
    ],
}  # fmt: skip


def ruler_patterns() -> list:
    patterns = [{"label": "date", "pattern": p} for p in DATE_PATTERNS]
    patterns += [{"label": "order_number", "pattern": p} for p in ORDER_NUMBER_PATTERNS]
    patterns += [{"label": "product", "pattern": _product_pattern(name)} for name in PRODUCTS]
    patterns += [
        {"label": f"complaint_{kind}", "pattern": phrase}
        for kind, phrases in COMPLAINT_PHRASES.items()
        for phrase in phrases
    ]
    patterns += [
        {"label": f"complaint_{kind}", "pattern": pattern}
        for kind, token_patterns in COMPLAINT_TOKEN_PATTERNS.items()
        for pattern in token_patterns
    ]
    return patterns


# What went wrong, said in any message ("it came cracked, how do I get my money back?"): phrases
# per complaint type, matched on lowercase text. Labels are `complaint_<type>`; the NLU component
# addons/nlu/entity_meaning.py turns them into one `complaint` entity whose value is the type.
COMPLAINT_PHRASES = {
    "not_received": [
        "never arrived", "never came", "never showed up", "never got it", "never received",
        "never delivered", "didn't arrive", "didnt arrive", "did not arrive", "hasn't arrived",
        "hasnt arrived", "has not arrived", "not arrived", "not received", "didn't receive",
        "didnt receive", "haven't received", "havent received", "have not received",
        "didn't come", "didnt come", "hasn't come", "hasnt come", "not delivered",
        "still not here", "still hasn't arrived", "lost parcel", "lost package", "parcel is lost",
        "package is lost", "tracking stuck", "tracking hasn't moved", "no come", "not come",
        "never turned up", "hasn't turned up", "not turned up", "still waiting for my parcel",
        "still waiting for my package", "still waiting for my order", "where is my parcel",
        "where is my package", "where is my order", "never come", "never reached",
        "hasn't reached", "no arrive", "not arrive", "never arrive", "didn't get it",
        "did not get it", "didnt get it", "never got my", "not yet arrived", "still not arrived",
        "parcel lost", "package lost", "order lost", "lost in transit", "got lost in the post",
    ],
    "not_as_described": [
        "not as described", "not like the picture", "not like the photo", "doesn't match",
        "doesnt match", "does not match", "not what i ordered", "wrong item", "wrong product",
        "different item", "different product", "wrong colour", "wrong color",
        "different colour", "different color", "fake", "counterfeit", "looks nothing like",
        "not the same as the picture", "not the same as the photo", "knock-off",
        "knockoff", "cheap copy", "wrong model", "wrong thing", "wrong one", "wrong stuff",
        "sent the wrong", "sent me the wrong", "got the wrong", "received the wrong",
        "not what i paid for", "totally different", "completely different",
        # a wrong item altogether: "ordered a cable and what came in the bag is a toy car"
        "what came in", "what arrived in", "what came was", "what arrived was",
        "received something else", "got something else", "sent me something else",
        "sent something else", "came instead", "arrived instead",
        # parts of it missing: "the servo and half the resistors are missing"
        "are missing", "is missing", "were missing", "was missing", "parts missing",
        "pieces missing", "missing parts", "missing pieces",
    ],
    "defective": [
        "broken", "cracked", "smashed", "damaged", "defective", "faulty", "doesn't work",
        "doesnt work", "does not work", "not working", "stopped working", "won't turn on",
        "wont turn on", "dead on arrival", "shattered", "torn", "ripped", "dented", "leaking",
        "scratched", "won't charge", "wont charge", "falling apart", "fell apart",
        "not work", "no work", "don't work", "dont work", "snapped", "in pieces", "died",
        "dead screen", "peeling off", "won't switch on", "wont switch on",
        "split down", "split in half", "split in two", "lid split", "a crack", "cracks", "chipped",
        "bent", "burnt out", "doesn't charge", "doesnt charge", "does not charge", "not charging",
    ],
    "wrong_size": [
        "too small", "too big", "too large", "too tight", "too loose", "too short", "too long",
        "wrong size", "doesn't fit", "doesnt fit", "does not fit", "don't fit", "dont fit",
        "sizes too", "size too", "size smaller", "size bigger", "runs small", "runs big",
    ],
}  # fmt: skip
