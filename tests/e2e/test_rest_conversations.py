"""Real conversations with the running bot over the REST channel ("today" is Sat 28 Nov 2026)."""

import uuid

import pytest


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def test_dispute_opened_two_days_ago_leaves_three_days(bot, sender):
    bot.texts(sender, "the seller hasn't answered my dispute")
    answer = bot.texts(sender, "I opened it 2 days ago")
    assert "Thursday 26 November" in answer
    assert "they have 3 days left" in answer
    assert "Tuesday 1 December" in answer  # the seller's 5 days run out
    assert "Friday 11 December" in answer  # escalation from day 15


def test_how_long_the_seller_is_silent_is_not_the_disputes_date(bot, sender):
    answer = bot.texts(sender, "the seller has ignored my dispute for a week")
    assert "When did you open the dispute?" in answer
    assert "You opened the dispute on" not in answer


def test_date_given_up_front_is_answered_at_once(bot, sender):
    answer = bot.texts(sender, "the seller has ignored my dispute since I opened it a week ago")
    assert "Saturday 21 November" in answer
    assert "ran out on Thursday 26 November" in answer
    assert "Dispute Finished" in answer
    assert "from Sunday 6 December" in answer


def test_day_five_is_the_sellers_last_day(bot, sender):
    bot.texts(sender, "how long does the seller have to reply?")
    answer = bot.texts(sender, "5 days ago")
    assert "today (Saturday 28 November) is the seller's last day" in answer


def test_day_fifteen_escalation_is_open_with_the_caveat(bot, sender):
    bot.texts(sender, "when can I escalate my dispute")
    answer = bot.texts(sender, "on November 13")
    assert "you can escalate now" in answer
    assert "three days" in answer  # the guide's unclear 3-day note, said honestly


def test_bad_dates_are_asked_again_and_nothing_is_lost(bot, sender):
    bot.texts(sender, "how many days are left on my dispute")
    assert "couldn't work out a date" in bot.texts(sender, "blorp")
    assert "in the future" in bot.texts(sender, "tomorrow")
    answer = bot.texts(sender, "yesterday")
    assert "Friday 27 November" in answer and "4 days left" in answer


@pytest.mark.parametrize("gibberish", ["blorp", "asdfgh"])
def test_gibberish_gets_the_menu(bot, sender, gibberish):
    answer = bot.texts(sender, gibberish)
    assert "Could you say it another way" in answer


def test_correction_replaces_the_date(bot, sender):
    bot.texts(sender, "my dispute was opened 20 days ago, can I escalate?")
    answer = bot.texts(sender, "sorry, it was 4 days ago")
    assert "Tuesday 24 November" in answer and "1 day left" in answer


def test_walkthrough_survives_an_interruption(bot, sender):
    assert "Contact now" in bot.texts(sender, "my parcel never came")
    assert "Step 1 of 5" in bot.texts(sender, "yes please")
    assert "Step 2 of 5" in bot.texts(sender, "next")
    assert "RMA" in bot.texts(sender, "how does the return process work?")
    resumed = bot.texts(sender, "where was I?")
    assert "You were on step 2 of 5" in resumed and "My Orders" in resumed
    assert "Step 1 of 5" in bot.texts(sender, "go back")
    for step in (2, 3, 4, 5):
        assert f"Step {step} of 5" in bot.texts(sender, "next")
    assert "your dispute is open" in bot.texts(sender, "done")


def test_each_complaint_gets_its_own_guidance(bot):
    cases = {
        "the dress is two sizes too small": "size you ordered",
        "the phone case arrived cracked": "defective or damaged",
        "it looks nothing like the photos on the listing": "apologise to you by email",
        "my package never arrived": "never arrived",
    }
    for message, guidance in cases.items():
        answer = bot.texts(f"e2e-{uuid.uuid4().hex[:8]}", message)
        assert guidance in answer, (message, answer)
        assert "Contact now" in answer


@pytest.mark.parametrize(
    "message, said",
    [
        ("the kettle came leaking and the seller agreed to a return, what do I do now?", "RMA"),
        ("lampa przyszła pęknięta, sprzedawca zgodził się na zwrot, co teraz?", "RMA"),
        ("a lâmpada chegou quebrada e o vendedor aceitou a devolução, e agora?", "RMA"),
    ],
)
def test_a_return_the_seller_agreed_to_gets_how_it_goes(bot, message, said):
    answer = bot.texts(f"e2e-{uuid.uuid4().hex[:8]}", message)
    assert said in answer, answer
    assert "Contact now" not in answer  # not the complaint's first advice again


# One message, and words its answer must hold.
ANSWERED = [
    # a supposition, read as the buyer reporting the silence before FaqGate: the rule
    pytest.param("y si el vendedor me ignora?", "automáticamente", id="supposed-silence-es"),
    pytest.param("a jeśli sprzedawca nie odpisze?", "automatycznie", id="supposed-silence-pl"),
    # what a seller owes for an item it misdescribed
    pytest.param(
        "does the seller have to apologise if the watch is a fake?",
        "apology by email",
        id="seller-apology-en",
    ),
    pytest.param(
        "czy sprzedawca musi mnie przeprosić, jak zegarek to podróbka?",
        "przeprosić e-mailem",
        id="seller-apology-pl",
    ),
    pytest.param(
        "el vendedor tiene que disculparse si el reloj es falso?",
        "correo electrónico",
        id="seller-apology-es",
    ),
    # silence told with the complaint, not a rejected dispute: the dispute's date is asked
    pytest.param(
        "el vendedor no contesta mi disputa por un reloj que nunca llegó",
        "¿Cuándo abriste",
        id="silent-seller-es",
    ),
    pytest.param(
        "o vendedor nao responde minha disputa de um relogio que nunca chegou",
        "Quando você",
        id="silent-seller-pt",
    ),
    # fewer items came than were ordered: the partial order, not the complaint about the item
    pytest.param("pedi 5 capinhas e vieram so 2", "só alguns itens", id="partial-order-pt"),
    pytest.param(
        "zamówiłem 4 koszulki a przyszły tylko 2",
        "tylko części przedmiotów",
        id="partial-order-pl",
    ),
    # another marketplace: outside what the assistant knows
    pytest.param(
        "how do I return something on amazon", "outside what I can help with", id="other-shop-en"
    ),
    pytest.param("jak zwrócić towar na allegro?", "w tym nie pomogę", id="other-shop-pl"),
]


@pytest.mark.parametrize("message, said", ANSWERED)
def test_one_message_gets_its_answer(bot, message, said):
    answer = bot.texts(f"e2e-{uuid.uuid4().hex[:8]}", message)
    assert said in answer, answer


@pytest.mark.parametrize(
    "message, currency_answer",
    [
        ("gastei 80 reais numa bolsa que veio diferente da foto, quero reembolso", "câmbio"),
        ("pagué 50 euros por unas zapatillas que nunca llegaron, quiero mi reembolso", "divisa"),
    ],
)
def test_a_price_paid_is_not_a_question_about_the_exchange_rate(bot, message, currency_answer):
    answer = bot.texts(f"e2e-{uuid.uuid4().hex[:8]}", message)
    assert currency_answer not in answer, answer
    assert "disput" in answer, answer  # the way to the money: the seller, then a dispute


def test_weekdays_in_a_question_about_weekends_are_not_a_date(bot, sender):
    answer = bot.texts(sender, "czy soboty i niedziele liczą się do tych 5 dni?")
    assert "weekendy" in answer
    assert "Kiedy spór został otwarty" not in answer


def test_human_request_gives_a_case_summary(bot, sender):
    bot.texts(sender, "my earbuds never arrived, order 8123456789012345")
    bot.texts(sender, "no thanks")
    bot.texts(sender, "I opened a dispute 3 days ago and the seller is ignoring me")
    answer = bot.texts(sender, "can I talk to a real person")
    assert "no live agents" in answer
    assert "Order number: 8123456789012345" in answer
    assert "Problem: item not received" in answer
    assert "Dispute opened: Wednesday 25 November" in answer


def test_buttons_come_with_the_greeting(bot, sender):
    replies = bot.say(sender, "hello")
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/report_not_received" in payloads
    answer = bot.texts(sender, "/report_wrong_size")
    assert "size you ordered" in answer
