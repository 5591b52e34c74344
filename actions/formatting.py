"""How dates and day counts appear inside responses."""

from datetime import date


def long_date(day: date, today: date) -> str:
    """'Wednesday 25 November', with the year when it is not this year."""
    text = f"{day:%A} {day.day} {day:%B}"
    return text if day.year == today.year else f"{text} {day.year}"


def day_count(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def days_ago(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"
