"""Where the buyer is in the dispute steps, and where a command takes them.

The number of steps is the policy's `dispute_steps` (the guide's 5: log in; My Orders, pick
the order; Open Dispute; fill in; submit).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional

from refund_rules.policy import DisputePolicy, default_policy


class Command(enum.Enum):
    START = "start"
    NEXT = "next"
    BACK = "back"
    REPEAT = "repeat"
    RESUME = "resume"


class Outcome(enum.Enum):
    STARTED = "started"
    MOVED = "moved"
    ALREADY_FIRST = "already_first"
    RESUMED = "resumed"
    FINISHED = "finished"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Move:
    step: Optional[int]  # the step to show now; None when the walkthrough is not running
    outcome: Outcome


def navigate(
    command: Command, current: Optional[int], policy: Optional[DisputePolicy] = None
) -> Move:
    """Apply a command to the current step (None: no walkthrough in progress)."""
    if command is Command.START:
        return Move(1, Outcome.STARTED)
    if current is None:
        return Move(None, Outcome.NOT_STARTED)
    if command is Command.NEXT:
        if current >= (policy or default_policy()).dispute_steps:
            return Move(None, Outcome.FINISHED)
        return Move(current + 1, Outcome.MOVED)
    if command is Command.BACK:
        if current <= 1:
            return Move(1, Outcome.ALREADY_FIRST)
        return Move(current - 1, Outcome.MOVED)
    if command is Command.RESUME:
        return Move(current, Outcome.RESUMED)
    return Move(current, Outcome.MOVED)
