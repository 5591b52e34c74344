"""Today's date for the actions; `REFUND_ASSISTANT_TODAY` (ISO date) pins it for demos and tests."""

import os
from datetime import date


def today() -> date:
    pinned = os.environ.get("REFUND_ASSISTANT_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def seconds_per_day() -> float:
    """`REFUND_ASSISTANT_SECONDS_PER_DAY` speeds reminders up for tests (e.g. 2: a day is 2 s)."""
    return float(os.environ.get("REFUND_ASSISTANT_SECONDS_PER_DAY", 86400))
