"""Where a dispute stands on a given day.

The policy (`policy.yml`, by default the refund guide's values): the seller has at most
`seller_response_days` (5) to respond to a dispute, after which the money is refunded
automatically; if buyer and seller cannot agree within `escalation_after_days` (15), the
buyer can escalate.

Day counting (decided here, tested at the boundaries): the day the dispute is opened
is day 0. With the guide's values the seller's 5 days run out on day 5 (the window's
closing date): on day 5 the seller can still answer today, from day 6 an unanswered
dispute should already have been refunded. Escalation becomes available on day 15.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from refund_rules.policy import DisputePolicy, default_policy

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
    seller_deadline: date  # the seller's days run out; no answer by then: automatic refund
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


def dispute_standing(
    opened: date, today: date, policy: Optional[DisputePolicy] = None
) -> DisputeStanding:
    """Work out the seller window and escalation dates for a dispute opened on `opened`."""
    if opened > today:
        raise ValueError(f"dispute opened in the future: {opened} > {today}")
    policy = policy or default_policy()
    seller_days, escalation_days = policy.seller_response_days, policy.escalation_after_days
    elapsed = (today - opened).days
    seller_deadline = opened + timedelta(days=seller_days)
    escalation_from = opened + timedelta(days=escalation_days)
    if elapsed < seller_days:
        window = SellerWindow.OPEN
    elif elapsed == seller_days:
        window = SellerWindow.LAST_DAY
    else:
        window = SellerWindow.CLOSED
    return DisputeStanding(
        opened=opened,
        today=today,
        days_elapsed=elapsed,
        seller_window=window,
        seller_deadline=seller_deadline,
        seller_days_left=max(0, seller_days - elapsed),
        escalation_from=escalation_from,
        can_escalate=elapsed >= escalation_days,
        days_until_escalation=max(0, escalation_days - elapsed),
    )
