"""Which reminders a buyer can still get for a dispute, and when they fire.

Two moments matter: the morning after the seller's days run out ("check that your
refund arrived") and the day escalation becomes possible.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import List

from refund_rules.deadlines import DisputeStanding

REMINDER_TIME = time(9, 0)  # local time of the server
SECONDS_PER_DAY = 86400


class ReminderKind(enum.Enum):
    SELLER_WINDOW_CLOSED = "seller_window_closed"
    ESCALATION_AVAILABLE = "escalation_available"


@dataclass(frozen=True)
class PlannedReminder:
    kind: ReminderKind
    on: date
    about: date  # the day it is about: the seller's last day, or the first day to escalate


def reminders_to_offer(standing: DisputeStanding) -> List[PlannedReminder]:
    """The reminders still in the future for a dispute in this standing."""
    planned = [
        PlannedReminder(
            ReminderKind.SELLER_WINDOW_CLOSED,
            on=standing.seller_deadline + timedelta(days=1),
            about=standing.seller_deadline,
        ),
        PlannedReminder(
            ReminderKind.ESCALATION_AVAILABLE,
            on=standing.escalation_from,
            about=standing.escalation_from,
        ),
    ]
    return [reminder for reminder in planned if reminder.on > standing.today]


def fire_time(
    on: date, today: date, now: datetime, seconds_per_day: float = SECONDS_PER_DAY
) -> datetime:
    """When a reminder for day `on` fires; a shorter `seconds_per_day` speeds time up for tests."""
    if seconds_per_day == SECONDS_PER_DAY:
        return datetime.combine(on, REMINDER_TIME, tzinfo=now.tzinfo)
    return now + timedelta(seconds=(on - today).days * seconds_per_day)
