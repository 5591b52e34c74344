"""refund_rules.dates.parse_buyer_date with `today` fixed at Saturday 28 November 2026."""

from datetime import date

import pytest

from refund_rules.dates import DateDoubt, parse_buyer_date, read_buyer_date

TODAY = date(2026, 11, 28)
assert TODAY.strftime("%A") == "Saturday"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3 days ago", date(2026, 11, 25)),
        ("a minute ago", date(2026, 11, 28)),
        ("just now", date(2026, 11, 28)),
        ("the day 20 of this month", date(2026, 11, 20)),
        ("day 3 of last month", date(2026, 10, 3)),
        ("three days ago", date(2026, 11, 25)),
        ("on November 20", date(2026, 11, 20)),
        ("November 20", date(2026, 11, 20)),
        ("20 November", date(2026, 11, 20)),
        ("20/11/2026", date(2026, 11, 20)),
        ("2026-11-20", date(2026, 11, 20)),
        ("20.11.2026", date(2026, 11, 20)),
        ("nov 20th, 2026", date(2026, 11, 20)),
        ("on the 20th", date(2026, 11, 20)),
        ("last Monday", date(2026, 11, 23)),
        ("monday", date(2026, 11, 23)),
        ("on Monday", date(2026, 11, 23)),
        ("a week ago", date(2026, 11, 21)),
        ("2 weeks ago", date(2026, 11, 14)),
        ("yesterday", date(2026, 11, 27)),
        ("today", date(2026, 11, 28)),
        ("the day before yesterday", date(2026, 11, 26)),
        ("for a week", date(2026, 11, 21)),
        ("for 10 days", date(2026, 11, 18)),
        ("since Tuesday", date(2026, 11, 24)),
        ("a couple of days ago", date(2026, 11, 26)),
        ("I opened it 3 days ago", date(2026, 11, 25)),
        ("I opened it last Monday", date(2026, 11, 23)),
        ("I've been waiting for a week", date(2026, 11, 21)),
        ("Opened it 3 days ago.", date(2026, 11, 25)),
        ("3 DAYS AGO!", date(2026, 11, 25)),
        ("  3   days   ago  ", date(2026, 11, 25)),
    ],
)
def test_past_phrases(text, expected):
    assert parse_buyer_date(text, TODAY) == expected


def test_same_weekday_as_today_means_last_week():
    # Said on a Saturday, "saturday" is a week ago rather than today.
    assert parse_buyer_date("saturday", TODAY) == date(2026, 11, 21)
    assert parse_buyer_date("last saturday", TODAY) == date(2026, 11, 21)


def test_a_datetime_is_not_needed_and_a_date_comes_back():
    parsed = parse_buyer_date("yesterday", TODAY)
    assert type(parsed) is date


# --- order numbers are not dates --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I opened it 3 days ago, order 8123456789012345", date(2026, 11, 25)),
        ("order 8123456789012345, I opened the dispute yesterday", date(2026, 11, 27)),
        ("opened on November 20 for order #8123456789012345", date(2026, 11, 20)),
        ("8123456789012345", None),
        ("order #8123456789012345", None),
        ("my order number is 3012345678901234", None),
    ],
)
def test_order_numbers_are_not_taken_for_dates(text, expected):
    assert parse_buyer_date(text, TODAY) == expected


# --- the future comes back as the future (the caller rejects it) ------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tomorrow", date(2026, 11, 29)),
        ("next monday", date(2026, 11, 30)),
        ("in 2 days", date(2026, 11, 30)),
        ("in two days", date(2026, 11, 30)),
        ("in a week", date(2026, 12, 5)),
        ("next week", date(2026, 12, 5)),
        ("the day after tomorrow", date(2026, 11, 30)),
    ],
)
def test_future_phrases_come_back_in_the_future(text, expected):
    parsed = parse_buyer_date(text, TODAY)
    assert parsed == expected
    assert parsed > TODAY


# --- nothing to go on: None so the assistant asks again ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "banana",
        "",
        "   ",
        "a few days ago",
        "the other day",
        "several days ago",
        "some days ago",
        "a while ago",
        "recently",
    ],
)
def test_unparseable_or_vague_returns_none(text):
    assert parse_buyer_date(text, TODAY) is None


def test_a_couple_of_weeks_is_two_weeks():
    assert parse_buyer_date("a couple of weeks ago", TODAY) == date(2026, 11, 14)


def test_none_like_input_returns_none():
    assert parse_buyer_date("?!", TODAY) is None


def test_invalid_calendar_dates_return_none():
    assert parse_buyer_date("2026-02-30", TODAY) is None
    assert parse_buyer_date("32/13/2026", TODAY) is None


# --- across a month and year end --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3 days ago", date(2026, 12, 30)),
        ("yesterday", date(2027, 1, 1)),
        ("a week ago", date(2026, 12, 26)),
        ("last Monday", date(2026, 12, 28)),
        ("December 30", date(2026, 12, 30)),
        ("on December 31", date(2026, 12, 31)),
        ("30/12/2026", date(2026, 12, 30)),
        ("30/12", date(2026, 12, 30)),
        ("tomorrow", date(2027, 1, 3)),
    ],
)
def test_across_the_year_end(text, expected):
    assert parse_buyer_date(text, date(2027, 1, 2)) == expected


# --- phrases that were once misread ----------------------------------------------------
# The spaCy entity_ruler (nlp_pipeline/patterns.py) tags each of these as a `date`, so the
# parser must read them.


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("this morning", date(2026, 11, 28), id="this morning"),
        pytest.param("I opened it this morning", date(2026, 11, 28), id="opened this morning"),
        pytest.param("tonight", date(2026, 11, 28), id="tonight"),
        pytest.param("last night", date(2026, 11, 27), id="last night"),
        pytest.param("yday", date(2026, 11, 27), id="yday"),
        pytest.param("a couple days ago", date(2026, 11, 26), id="a couple days ago"),
        pytest.param("fifteen days ago", date(2026, 11, 13), id="fifteen days ago"),
        pytest.param("twenty days ago", date(2026, 11, 8), id="twenty days ago"),
        pytest.param("2 wks ago", date(2026, 11, 14), id="2 wks ago"),
        pytest.param("on thurs", date(2026, 11, 26), id="on thurs"),
    ],
)
def test_phrases_the_nlu_tags_as_dates_are_read(text, expected):
    assert parse_buyer_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["an hour ago", "2 hours ago", "5 minutes ago", "I opened it 2 hours ago"]
)
def test_hours_ago_is_today(text):
    assert parse_buyer_date(text, TODAY) == TODAY


def test_day_dot_month_without_year():
    assert parse_buyer_date("20.11", TODAY) == date(2026, 11, 20)


def test_days_from_now_is_the_future():
    assert parse_buyer_date("2 days from now", TODAY) == date(2026, 11, 30)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I opened it yesterday while I was at work", date(2026, 11, 27)),
        ("I opened it 3 days ago, the seller gave some excuse", date(2026, 11, 25)),
    ],
)
def test_vague_word_elsewhere_in_the_sentence_is_ignored(text, expected):
    assert parse_buyer_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["last month", "hmm, last month sometime", "early last month", "last week i think"]
)
def test_a_week_or_a_month_without_its_day_is_vague(text):
    assert read_buyer_date(text, TODAY).doubt is DateDoubt.VAGUE


@pytest.mark.parametrize(
    "text, expected",
    [
        ("around the 10th of last month", date(2026, 10, 10)),
        ("tuesday of last week", date(2026, 11, 24)),
    ],
)
def test_a_day_named_in_a_week_or_a_month_is_read(text, expected):
    assert read_buyer_date(text, TODAY).day == expected
