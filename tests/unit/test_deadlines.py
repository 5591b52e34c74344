"""refund_rules.deadlines at every boundary.

Day counting under test: the opening day is day 0, the seller's 5 days run out on day 5
(LAST_DAY), from day 6 the window is CLOSED, escalation is available from day 15.
Expected dates are written out by hand, not computed with timedelta.
"""

from datetime import date

import pytest

from refund_rules.deadlines import (
    PLAUSIBLE_AGE_DAYS,
    DateProblem,
    DisputeStanding,
    SellerWindow,
    check_dispute_date,
    dispute_standing,
)
from refund_rules.policy import default_policy

SELLER_RESPONSE_DAYS = default_policy().seller_response_days
ESCALATION_AFTER_DAYS = default_policy().escalation_after_days

TODAY = date(2026, 11, 28)  # a Saturday
NEW_YEAR = date(2027, 1, 2)  # a Saturday just after a month and year end

OPEN, LAST_DAY, CLOSED = SellerWindow.OPEN, SellerWindow.LAST_DAY, SellerWindow.CLOSED

# day, opened, window, seller_days_left, seller_deadline, escalation_from, can_escalate,
# days_until_escalation
BOUNDARIES_NOVEMBER = [
    (0, date(2026, 11, 28), OPEN, 5, date(2026, 12, 3), date(2026, 12, 13), False, 15),
    (4, date(2026, 11, 24), OPEN, 1, date(2026, 11, 29), date(2026, 12, 9), False, 11),
    (5, date(2026, 11, 23), LAST_DAY, 0, date(2026, 11, 28), date(2026, 12, 8), False, 10),
    (6, date(2026, 11, 22), CLOSED, 0, date(2026, 11, 27), date(2026, 12, 7), False, 9),
    (14, date(2026, 11, 14), CLOSED, 0, date(2026, 11, 19), date(2026, 11, 29), False, 1),
    (15, date(2026, 11, 13), CLOSED, 0, date(2026, 11, 18), date(2026, 11, 28), True, 0),
    (16, date(2026, 11, 12), CLOSED, 0, date(2026, 11, 17), date(2026, 11, 27), True, 0),
]

BOUNDARIES_NEW_YEAR = [
    (0, date(2027, 1, 2), OPEN, 5, date(2027, 1, 7), date(2027, 1, 17), False, 15),
    (4, date(2026, 12, 29), OPEN, 1, date(2027, 1, 3), date(2027, 1, 13), False, 11),
    (5, date(2026, 12, 28), LAST_DAY, 0, date(2027, 1, 2), date(2027, 1, 12), False, 10),
    (6, date(2026, 12, 27), CLOSED, 0, date(2027, 1, 1), date(2027, 1, 11), False, 9),
    (14, date(2026, 12, 19), CLOSED, 0, date(2026, 12, 24), date(2027, 1, 3), False, 1),
    (15, date(2026, 12, 18), CLOSED, 0, date(2026, 12, 23), date(2027, 1, 2), True, 0),
    (16, date(2026, 12, 17), CLOSED, 0, date(2026, 12, 22), date(2027, 1, 1), True, 0),
]


def _cases(today, rows):
    return [pytest.param(today, *row, id=f"{today.isoformat()}-day{row[0]}") for row in rows]


def test_the_platform_numbers():
    assert SELLER_RESPONSE_DAYS == 5
    assert ESCALATION_AFTER_DAYS == 15
    assert PLAUSIBLE_AGE_DAYS == 365


@pytest.mark.parametrize(
    "today, day, opened, window, days_left, seller_deadline, escalation_from, can_escalate, "
    "days_until",
    _cases(TODAY, BOUNDARIES_NOVEMBER) + _cases(NEW_YEAR, BOUNDARIES_NEW_YEAR),
)
def test_standing_at_each_boundary(
    today,
    day,
    opened,
    window,
    days_left,
    seller_deadline,
    escalation_from,
    can_escalate,
    days_until,
):
    standing = dispute_standing(opened, today)

    assert standing == DisputeStanding(
        opened=opened,
        today=today,
        days_elapsed=day,
        seller_window=window,
        seller_deadline=seller_deadline,
        seller_days_left=days_left,
        escalation_from=escalation_from,
        can_escalate=can_escalate,
        days_until_escalation=days_until,
    )
    # every date on a boundary is a usable opening date
    assert check_dispute_date(opened, today) is None


def test_last_day_is_the_deadline_itself():
    standing = dispute_standing(date(2026, 11, 23), TODAY)
    assert standing.seller_window is SellerWindow.LAST_DAY
    assert standing.seller_deadline == TODAY


def test_escalation_opens_on_its_own_date():
    standing = dispute_standing(date(2026, 11, 13), TODAY)
    assert standing.escalation_from == TODAY
    assert standing.can_escalate is True
    assert standing.days_until_escalation == 0


def test_standing_across_a_leap_day():
    # 2028 is a leap year: 26 February + 5 days is 2 March, + 15 days is 12 March.
    standing = dispute_standing(date(2028, 2, 26), date(2028, 2, 29))
    assert standing.days_elapsed == 3
    assert standing.seller_days_left == 2
    assert standing.seller_deadline == date(2028, 3, 2)
    assert standing.escalation_from == date(2028, 3, 12)


# --- check_dispute_date ------------------------------------------------------------------


def test_future_date_is_flagged_and_has_no_standing():
    tomorrow = date(2026, 11, 29)
    assert check_dispute_date(tomorrow, TODAY) is DateProblem.IN_FUTURE
    with pytest.raises(ValueError):
        dispute_standing(tomorrow, TODAY)


def test_future_across_the_year_end():
    assert check_dispute_date(date(2027, 1, 3), NEW_YEAR) is DateProblem.IN_FUTURE
    with pytest.raises(ValueError):
        dispute_standing(date(2027, 1, 3), NEW_YEAR)


def test_today_is_fine():
    assert check_dispute_date(TODAY, TODAY) is None


def test_before_the_order_is_flagged():
    assert (
        check_dispute_date(date(2026, 11, 20), TODAY, ordered=date(2026, 11, 21))
        is DateProblem.BEFORE_ORDER
    )


def test_before_the_order_across_the_year_end():
    assert (
        check_dispute_date(date(2026, 12, 31), NEW_YEAR, ordered=date(2027, 1, 1))
        is DateProblem.BEFORE_ORDER
    )


def test_same_day_as_the_order_is_fine():
    assert check_dispute_date(date(2026, 11, 21), TODAY, ordered=date(2026, 11, 21)) is None


def test_after_the_order_is_fine():
    assert check_dispute_date(date(2026, 11, 25), TODAY, ordered=date(2026, 10, 1)) is None


def test_without_an_order_date_any_past_date_is_fine():
    assert check_dispute_date(date(2026, 1, 1), TODAY, ordered=None) is None
    assert check_dispute_date(date(2026, 1, 1), TODAY) is None


def test_exactly_365_days_back_is_fine():
    opened = date(2025, 11, 28)
    assert (TODAY - opened).days == 365
    assert check_dispute_date(opened, TODAY) is None


def test_366_days_back_is_too_old():
    opened = date(2025, 11, 27)
    assert (TODAY - opened).days == 366
    assert check_dispute_date(opened, TODAY) is DateProblem.TOO_OLD


def test_too_old_across_a_leap_year():
    # 2028 has a 29 February, so 365 days before 1 March 2028 is 2 March 2027.
    assert check_dispute_date(date(2027, 3, 2), date(2028, 3, 1)) is None
    assert check_dispute_date(date(2027, 3, 1), date(2028, 3, 1)) is DateProblem.TOO_OLD


def test_future_wins_over_before_order():
    assert (
        check_dispute_date(date(2026, 11, 30), TODAY, ordered=date(2026, 12, 5))
        is DateProblem.IN_FUTURE
    )


def test_before_order_wins_over_too_old():
    assert (
        check_dispute_date(date(2024, 1, 1), TODAY, ordered=date(2024, 2, 1))
        is DateProblem.BEFORE_ORDER
    )
