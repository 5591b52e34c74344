"""refund_rules.walkthrough: navigate (every command from every step, and the edges) and
step_from_words (where the buyer says they are)."""

import pytest

from refund_rules.policy import default_policy
from refund_rules.walkthrough import Command, Move, Outcome, navigate, step_from_words

DISPUTE_STEPS = default_policy().dispute_steps


def test_five_steps():
    assert DISPUTE_STEPS == 5


@pytest.mark.parametrize("current", [None, 1, 2, 3, 4, 5])
def test_start_always_goes_to_step_1(current):
    assert navigate(Command.START, current) == Move(1, Outcome.STARTED)


def test_next_with_nothing_running_starts_the_steps():
    assert navigate(Command.NEXT, None) == Move(1, Outcome.STARTED)


@pytest.mark.parametrize("command", [Command.BACK, Command.REPEAT, Command.RESUME])
def test_other_commands_with_nothing_running_start_at_step_1_and_say_so(command):
    assert navigate(command, None) == Move(1, Outcome.NOT_STARTED)


@pytest.mark.parametrize("command", [Command.NEXT, Command.REPEAT, Command.RESUME])
def test_after_the_last_step_it_stays_finished(command):
    assert navigate(command, None, finished=True) == Move(None, Outcome.FINISHED)


def test_back_after_the_last_step_shows_the_last_step():
    assert navigate(Command.BACK, None, finished=True) == Move(DISPUTE_STEPS, Outcome.MOVED)


def test_start_after_the_last_step_starts_again():
    assert navigate(Command.START, None, finished=True) == Move(1, Outcome.STARTED)


@pytest.mark.parametrize("command", list(Command))
@pytest.mark.parametrize("current", [None, 1, 4])
def test_the_step_the_buyer_states_wins(command, current):
    assert navigate(command, current, stated=3) == Move(3, Outcome.FROM_HERE)


def test_stating_the_step_already_shown_repeats_it():
    assert navigate(Command.NEXT, 3, stated=3) == Move(3, Outcome.MOVED)


@pytest.mark.parametrize("current", [None, 2, 5])
def test_stating_a_submitted_dispute_finishes(current):
    assert navigate(Command.NEXT, current, stated=DISPUTE_STEPS + 1) == Move(None, Outcome.FINISHED)


@pytest.mark.parametrize("current, expected", [(1, 2), (2, 3), (3, 4), (4, 5)])
def test_next_moves_on(current, expected):
    assert navigate(Command.NEXT, current) == Move(expected, Outcome.MOVED)


def test_next_at_the_last_step_finishes():
    assert navigate(Command.NEXT, 5) == Move(None, Outcome.FINISHED)


@pytest.mark.parametrize("current, expected", [(2, 1), (3, 2), (4, 3), (5, 4)])
def test_back_moves_back(current, expected):
    assert navigate(Command.BACK, current) == Move(expected, Outcome.MOVED)


def test_back_at_the_first_step_stays():
    assert navigate(Command.BACK, 1) == Move(1, Outcome.ALREADY_FIRST)


@pytest.mark.parametrize("current", [1, 2, 3, 4, 5])
def test_repeat_stays(current):
    assert navigate(Command.REPEAT, current) == Move(current, Outcome.MOVED)


@pytest.mark.parametrize("current", [1, 2, 3, 4, 5])
def test_resume_stays_and_says_so(current):
    assert navigate(Command.RESUME, current) == Move(current, Outcome.RESUMED)


def test_a_whole_walk_forward_and_back():
    step, outcomes = None, []
    for command in [
        Command.START,
        Command.NEXT,
        Command.NEXT,
        Command.BACK,
        Command.REPEAT,
        Command.NEXT,
        Command.NEXT,
        Command.NEXT,
        Command.NEXT,
    ]:
        move = navigate(command, step)
        step = move.step
        outcomes.append((command, move.step, move.outcome))
    assert outcomes == [
        (Command.START, 1, Outcome.STARTED),
        (Command.NEXT, 2, Outcome.MOVED),
        (Command.NEXT, 3, Outcome.MOVED),
        (Command.BACK, 2, Outcome.MOVED),
        (Command.REPEAT, 2, Outcome.MOVED),
        (Command.NEXT, 3, Outcome.MOVED),
        (Command.NEXT, 4, Outcome.MOVED),
        (Command.NEXT, 5, Outcome.MOVED),
        (Command.NEXT, None, Outcome.FINISHED),
    ]
    # once finished, the walkthrough is no longer running: "next" again says it's done
    assert step is None
    assert navigate(Command.NEXT, step, finished=True) == Move(None, Outcome.FINISHED)


@pytest.mark.parametrize(
    "text, step",
    [
        # logged in -> step 2
        ("I'm logged in, what now?", 2),
        ("ok signed in to the app", 2),
        ("i am inside my account now", 2),
        # on My Orders -> step 2 there; the order picked -> step 3
        ("I'm on My Orders", 2),
        ("im on the my orders page and picked the order", 3),
        ("found the order, what next", 3),
        # clicked Open Dispute -> step 4
        ("I clicked Open Dispute, now what", 4),
        ("i am already click open dispute", 4),
        ("I'm in the dispute form", 4),
        ("clicked it, there's a form now", 4),
        # filled in -> step 5
        ("I've filled in all the details on the form, what now?", 5),
        ("wrote everything and uploaded photos", 5),
        # submitted -> past the last step
        ("submitted it!", DISPUTE_STEPS + 1),
        # not done, or can't find it -> that step
        ("I haven't logged in yet", 1),
        ("where is the open dispute button?", 3),
        ("i can't find my orders", 2),
        ("how do I fill in the dispute form", 4),
        ("go back a step, I want to check what I'm supposed to fill in", 4),
        ("what do I need to fill in there?", 4),
        # a step said by number, and a correction: the last "not done" wins
        ("i'm on step 2", 2),
        ("I'm at step 3 - sorry, no, I haven't even logged in yet", 1),
        # writing to the seller is not the dispute's details
        ("I only wrote to the seller", None),
        ("right, i'm in", 2),
        ("I'm in the dispute form", 4),
        ("I wrote what happened in the box", 5),
    ],
)
def test_step_from_words(text, step):
    assert step_from_words(text) == step


@pytest.mark.parametrize(
    "text",
    [
        "next",
        "ok, carry on",
        "where was I?",
        "how do I open a dispute?",
        "I want to dispute my order",
        "what information do I need for a dispute",
        "I'm on step 9",
        "once it's submitted, how do I check on it?",
        "what happens after I submit it?",
        # a step required, not done
        "is there a form i need to fill out to get a refund?",
        "do I have to log in first?",
    ],
)
def test_words_that_say_no_step(text):
    assert step_from_words(text) is None


@pytest.mark.parametrize(
    "text, step",
    [
        ("Pronto, entrei na minha conta", 2),
        ("achei o pedido do jogo de panelas, e agora?", 3),
        ("нажал на Открыть спор", 4),
        ("ya rellené todo y subí las fotos", 5),
        ("j'ai cliqué sur « Ouvrir un litige »", 4),
        ("zalogowałam się, co dalej?", 2),
        ("Jestem już zalogowana na swoim koncie AliExpress. Co dalej?", 2),
        ("щас зашел в акк на али, чо дальше", 2),
        ("отправила заявку", 6),
        ("estoy en el paso 3", 3),
        # not done, not found, asked about: that step
        ("no encuentro el botón, no le di a abrir disputa todavía", 3),
        ("не вошла в аккаунт ещё", 1),
        ("nie wybrałam zamówienia jeszcze", 2),
        ("je suis dans mes commandes", 2),
    ],
)
def test_step_from_words_in_other_languages(text, step):
    assert step_from_words(text) == step


@pytest.mark.parametrize(
    "text",
    ["¿cómo abro una disputa?", "abri a disputa ontem", "спор открыла 3 дня назад", "paso 5 días"],
)
def test_other_languages_words_that_say_no_step(text):
    assert step_from_words(text) is None
