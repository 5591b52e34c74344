"""refund_rules.walkthrough.navigate: every command from every step, and the edges."""

import pytest

from refund_rules.policy import default_policy
from refund_rules.walkthrough import Command, Move, Outcome, navigate

DISPUTE_STEPS = default_policy().dispute_steps


def test_five_steps():
    assert DISPUTE_STEPS == 5


@pytest.mark.parametrize("current", [None, 1, 2, 3, 4, 5])
def test_start_always_goes_to_step_1(current):
    assert navigate(Command.START, current) == Move(1, Outcome.STARTED)


@pytest.mark.parametrize("command", [Command.NEXT, Command.BACK, Command.REPEAT, Command.RESUME])
def test_not_started(command):
    assert navigate(command, None) == Move(None, Outcome.NOT_STARTED)


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
    # once finished, the walkthrough is no longer running
    assert navigate(Command.NEXT, step) == Move(None, Outcome.NOT_STARTED)
