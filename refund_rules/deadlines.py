"""Where a dispute stands on a given day.

Facts from the refund guide: the seller has at most 5 days to respond to a dispute,
after which the money is refunded automatically; if buyer and seller cannot agree
within 15 days, the buyer can use 'Escalate Dispute'.

Day counting (decided here, tested at the boundaries): the day the dispute is opened
is day 0. The seller's 5 days run out on day 5 (the window's closing date): on day 5
the seller can still answer today, from day 6 an unanswered dispute should already
have been refunded. Escalation becomes available on day 15.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

SELLER_RESPONSE_DAYS = 5
ESCALATION_AFTER_DAYS = 15
# Not a platform rule: a date further back than this is almost surely a typo (e.g. "32/13").
PLAUSIBLE_AGE_DAYS = 365


class SellerWindow(enum.Enum):
    OPEN = "open"  # the seller can still respond
    LAST_DAY = "last_day"  # today is the last day the seller can respond
    CLOSED = "closed"  # the window has passed; an unanswered dispute refunds itself


class DateProblem(enum.Enum):
    IN_FUTURE = "in_future"
    BEFORE_ORDER = "before_order"
    TOO_OLD = "too_old"


@dataclass(frozen=True)
class DisputeStanding:
    opened: date
    today: date
    days_elapsed: int
    seller_window: SellerWindow
    seller_deadline: date  # the 5 days run out; no answer by then means an automatic refund
    seller_days_left: int  # 0 on the last day and after
    escalation_from: date
    can_escalate: bool
    days_until_escalation: int  # 0 once escalation is available


def check_dispute_date(
    opened: date, today: date, ordered: Optional[date] = None
) -> Optional[DateProblem]:
    """Say what is wrong with a claimed opening date, or None if it is usable."""
    if opened > today:
        return DateProblem.IN_FUTURE
    if ordered is not None and opened < ordered:
        return DateProblem.BEFORE_ORDER
    if (today - opened).days > PLAUSIBLE_AGE_DAYS:
        return DateProblem.TOO_OLD
    return None


def dispute_standing(opened: date, today: date) -> DisputeStanding:
    """Work out the seller window and escalation dates for a dispute opened on `opened`."""
    if opened > today:
        raise ValueError(f"dispute opened in the future: {opened} > {today}")
    elapsed = (today - opened).days
    seller_deadline = opened + timedelta(days=SELLER_RESPONSE_DAYS)
    escalation_from = opened + timedelta(days=ESCALATION_AFTER_DAYS)
    if elapsed < SELLER_RESPONSE_DAYS:
        window = SellerWindow.OPEN
    elif elapsed == SELLER_RESPONSE_DAYS:
        window = SellerWindow.LAST_DAY
    else:
        window = SellerWindow.CLOSED
    return DisputeStanding(
        opened=opened,
        today=today,
        days_elapsed=elapsed,
        seller_window=window,
        seller_deadline=seller_deadline,
        seller_days_left=max(0, SELLER_RESPONSE_DAYS - elapsed),
        escalation_from=escalation_from,
        can_escalate=elapsed >= ESCALATION_AFTER_DAYS,
        days_until_escalation=max(0, ESCALATION_AFTER_DAYS - elapsed),
    )
