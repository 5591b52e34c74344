"""How dates and day counts appear inside responses, in the buyer's locale (Babel, CLDR data).

No wording of our own here: the words come from CLDR ("Wednesday", "3 days ago", "yesterday").
"""

from datetime import date, timedelta

from babel import Locale
from babel.dates import format_date, format_skeleton, format_timedelta

DATE_FORMAT = "EEEE d MMMM"  # 'Wednesday 25 November'
DATE_FORMAT_OTHER_YEAR = "EEEE d MMMM y"  # 'Thursday 20 November 2025'


def long_date(day: date, today: date, locale: str = "en") -> str:
    """'Wednesday 25 November', 'miércoles, 25 de noviembre', 'среда, 25 ноября': with the
    year when it is not this year."""
    same_year = day.year == today.year
    if locale == "en":
        return format_date(day, format=DATE_FORMAT if same_year else DATE_FORMAT_OTHER_YEAR)
    # The locale's own day-and-month (its month case, its "de"), after the weekday's full name.
    day_and_month = format_skeleton("MMMMd" if same_year else "yMMMMd", day, locale=locale)
    weekday = format_date(day, format="EEEE", locale=locale)
    return f"{weekday} {day_and_month}" if locale == "fr" else f"{weekday}, {day_and_month}"


def day_count(days: int, locale: str = "en") -> str:
    """'1 day', '3 days', '0 days'."""
    return _in_days(days, locale, add_direction=False)


def days_ago(days: int, locale: str = "en") -> str:
    """'today', 'yesterday', '3 days ago': the locale's own name for the day when it has one."""
    named = Locale.parse(locale)._data["date_fields"]["day"]["relative"]
    if -days in named:
        return named[-days]
    return _in_days(-days, locale, add_direction=True)


def _in_days(days: int, locale: str, add_direction: bool) -> str:
    # An infinite threshold keeps days as days: never "2 weeks" or "1 month".
    return format_timedelta(
        timedelta(days=days),
        granularity="day",
        threshold=float("inf"),
        add_direction=add_direction,
        locale=locale,
    )
