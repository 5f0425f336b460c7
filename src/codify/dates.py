"""Dates as people know them: ISO 8601, and the Extended Date/Time Format levels 0 and 1.

Every date in a spec is text, kept exactly as the author wrote it. Besides `2009`, `2009-12`
and `2009-12-01`, the Library of Congress Extended Date/Time Format (EDTF, ISO 8601-2) lets an
author say what they know and no more:

| Written | Means | In words |
|---|---|---|
| `2000~` | approximately 2000 | around 2000 |
| `2004?` | 2004, but not certain | 2004 (uncertain) |
| `2004%` | both | around 2004 (uncertain) |
| `200X`, `20XX` | some year of the 2000s; some year from 2000 to 2099 | the 2000s |
| `2001-21` | a season: 21 spring, 22 summer, 23 autumn, 24 winter | spring 2001 |
| `2014/2016`, `2014-03/2015` | an interval | 2014 to 2016 |
| `../2016`, `2014/..` | an interval open at one end | until 2016, from 2014 |

This module is the one place that knows the subset: `check` is the model's after-validator
(refusing what the pattern lets through but no calendar has, such as month 13 or
`2016/2014`), `bounds` gives the earliest and latest day a date can mean (for rules that
compare dates), `words` writes a date in a phrasebook's language, and `parse` gives the parts
to anyone else who needs them (the citation engine).

The `edtf` package is the authority on the extended syntax: every value that uses it (a
qualifier, an X, a season or an open end) is also parsed by it, and must be one of its level 1
forms. EDTF level 0 is plain ISO 8601, a date or an interval of two dates, and is checked with
the standard library alone, so that `codify check` on a spec with no extended dates never
imports edtf (its grammar takes about a third of a second to build).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from codify.phrases import Phrasebook

# The pattern the schema gives every date (model.PartialDate, and the words for it in
# structure.PATTERN_FORMATS): the shapes of the supported subset, digits not yet checked.
# ASCII digits only, so that the schema's and pydantic's regular expression engines agree.
# A test asserts that the three copies are the same text.
PATTERN = (
    r"^(?:(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{2}(?:[0-9]X|XX)|[0-9]{4}-XX(?:-XX)?"
    r"|[0-9]{4}-[0-9]{2}-XX)[?~%]?"
    r"|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.)/"
    r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.))$"
)

# What a refused date should look like, for messages: shown after "expected".
EXPECTED = (
    "a date such as 2009, 2009-12 or 2009-12-01, or an EDTF date: 2000~ (around 2000), "
    "2004? (uncertain), 200X (the 2000s), 2001-21 (spring 2001), 2014/2016 (an interval), "
    "../2016 or 2014/.. (open at one end)"
)

# One point of time as written: a year (its last digits perhaps X), month or season, day.
_POINT = re.compile(
    r"(?P<year>[0-9]{2}(?:[0-9]{2}|[0-9]X|XX))"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qualifier>[?~%])?",
    re.ASCII,
)
_PLAIN_ISO = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", re.ASCII)
_OPEN = ".."
QUALIFIERS = {"~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# The months each season covers, as EDTF's northern-hemisphere reading of them: winter runs
# from December into the next year's February.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


class DateError(ValueError):
    """A date the format does not accept, with what is wrong in words."""


def days_in(year: int, month: int) -> int:
    """How many days `month` has in `year`, by the Gregorian calendar's leap-year rule.

    Written here rather than asked of the calendar module, whose import (with locale) costs
    `codify check` three milliseconds on every run for one line of arithmetic.
    """
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Point(NamedTuple):
    """One end of a date as written: `2009-12`, `2004?`, `200X`, `2001-21`.

    `year` is the first year it can be (X read as 0) and `unknown_digits` how many of its last
    digits are X; `month` is None when not given or written XX, `season` 21 to 24 in its place.
    """

    year: int
    unknown_digits: int = 0
    month: int | None = None
    day: int | None = None
    season: int | None = None
    qualifier: str = ""

    @property
    def approximate(self) -> bool:
        """Marked `~` (approximate) or `%` (approximate and uncertain)."""
        return self.qualifier in ("~", "%")

    @property
    def uncertain(self) -> bool:
        """Marked `?` (uncertain) or `%` (approximate and uncertain)."""
        return self.qualifier in ("?", "%")

    @property
    def last_year(self) -> int:
        """The last year it can be: 2009 for 200X, 2099 for 20XX."""
        return self.year + (1, 10, 100)[self.unknown_digits] - 1

    def earliest(self) -> datetime.date:
        """The first day it can mean."""
        if self.season is not None:
            return datetime.date(self.year, _SEASON_MONTHS[self.season][0], 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day it can mean (no later than the calendar's last, 9999-12-31)."""
        if self.season is not None:
            last = _SEASON_MONTHS[self.season][1]
            year, month = self.year + (last - 1) // 12, (last - 1) % 12 + 1
            if year > datetime.MAXYEAR:  # winter 9999 runs into a year no date can hold
                return datetime.date.max
            return datetime.date(year, month, days_in(year, month))
        year, month = self.last_year, self.month or 12
        return datetime.date(year, month, self.day or days_in(year, month))


class Date(NamedTuple):
    """A date as the format reads it: one point, or an interval whose ends may be open (None)."""

    text: str
    start: Point | None
    end: Point | None
    interval: bool

    def bounds(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The earliest and latest day the date can mean; None for an open end."""
        return (
            self.start.earliest() if self.start else None,
            self.end.latest() if self.end else None,
        )


def parse(text: str) -> Date:
    """The parts of a date in the supported subset; DateError says what is wrong otherwise.

    Checks everything the schema's pattern cannot: that months, days and seasons exist, that
    an interval runs forwards and has a known end, and that the edtf package reads the value
    as a level 0 or level 1 EDTF date.
    """
    if not isinstance(text, str) or not re.fullmatch(PATTERN, text, re.ASCII):
        raise DateError(f"expected {EXPECTED}")
    if "/" in text:
        first, _, second = text.partition("/")
        start = None if first == _OPEN else _point(first)
        end = None if second == _OPEN else _point(second)
        if start is None and end is None:
            raise DateError("an interval needs at least one known end, e.g. ../2016 or 2014/..")
        if start is not None and end is not None and start.earliest() > end.latest():
            raise DateError(
                f"the interval starts after it ends; write the earlier date first, {second}/{first}"
            )
        parsed = Date(text, start, end, interval=True)
    else:
        point = _point(text)
        parsed = Date(text, point, point, interval=False)
    if not all(_PLAIN_ISO.fullmatch(end) for end in text.split("/")):
        _edtf_accepts(text)  # level 1; level 0, plain ISO 8601, needs nothing more
    return parsed


def check(text: str) -> str:
    """The model's after-validator: the date unchanged, or a ValueError saying what is wrong."""
    parse(text)
    return text


def bounds(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    """The earliest and latest day a date can mean (None for an open end of an interval).

    For rules that compare dates: `2014/2016` is 2014-01-01 to 2016-12-31, `200X` 2000-01-01
    to 2009-12-31, and `2000~` the year 2000 itself (how far "around" reaches is not known).
    """
    return parse(text).bounds()


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _point(text: str) -> Point:
    """One point, its year, month, day and season checked against the calendar.

    Messages leave the value out: the check's message shows it beside them.
    """
    found = _POINT.fullmatch(text)
    if found is None:  # the pattern admitted the whole, so this is a bug, not the author's
        raise DateError(f"expected {EXPECTED}")
    year_text, month_text, day_text = found.group("year", "month", "day")
    qualifier = found.group("qualifier") or ""
    unknown = year_text.count("X")
    year = int(year_text.replace("X", "0"))
    if year < datetime.MINYEAR:
        raise DateError("codify's dates start at the year 0001")
    if month_text == "XX":
        return Point(year, qualifier=qualifier)  # some month (and day) of the year
    if month_text is None:
        return Point(year, unknown, qualifier=qualifier)
    number = int(month_text)
    if number in SEASONS:
        if day_text is not None:
            raise DateError(f"a season ({month_text}, {SEASONS[number]}) takes no day")
        if qualifier:
            raise DateError(
                f"a season cannot be marked {qualifier} (EDTF marks only years, months and "
                "days as approximate or uncertain)"
            )
        return Point(year, season=number)
    if not 1 <= number <= 12:
        raise DateError(
            f"there is no month {month_text} (months are 01 to 12, and 21 to 24 are the "
            "seasons spring, summer, autumn and winter)"
        )
    if day_text is None or day_text == "XX":
        return Point(year, month=number, qualifier=qualifier)
    days = days_in(year, number)
    if not 1 <= int(day_text) <= days:
        raise DateError(
            f"there is no day {day_text} in {_MONTHS[number - 1]} {year}, which has {days} days"
        )
    return Point(year, month=number, day=int(day_text), qualifier=qualifier)


# The edtf package's classes for the forms of levels 0 and 1 this module supports.
_EDTF_LEVEL_0_1 = frozenset(
    {"Date", "Interval", "Level1Interval", "UncertainOrApproximate", "Unspecified", "Season"}
)


def _edtf_accepts(text: str) -> None:
    """Refuse what the edtf package does not read as a level 0 or level 1 EDTF date.

    Imported here, not at the top: only extended dates need it (see the module's docstring).
    """
    from edtf import EDTFParseException, parse_edtf

    try:
        parsed = parse_edtf(text)
    except EDTFParseException:
        raise DateError(f"not an EDTF date; expected {EXPECTED}") from None
    if type(parsed).__name__ not in _EDTF_LEVEL_0_1:
        raise DateError(f"an EDTF form codify does not support; expected {EXPECTED}")


# --- in words ---------------------------------------------------------------------------------


def words(text: str, book: Phrasebook) -> str:
    """A date in the words of `book`'s language: 'December 2009', 'around 2000', '2014 to 2016'.

    Text that is not a date the format accepts is returned as written: outputs are made from
    checked specs, and showing the author's text beats failing to write a document.
    """
    try:
        parsed = parse(text)
    except DateError:
        return text
    if not parsed.interval:
        assert parsed.start is not None
        return _point_words(parsed.start, book)
    if parsed.start is None:
        assert parsed.end is not None
        return book.fill("date.until", end=_point_words(parsed.end, book))
    if parsed.end is None:
        return book.fill("date.from", start=_point_words(parsed.start, book))
    return book.fill(
        "date.interval",
        start=_point_words(parsed.start, book),
        end=_point_words(parsed.end, book),
    )


def _point_words(point: Point, book: Phrasebook) -> str:
    """One point in words, with its qualifier."""
    if point.unknown_digits == 1:
        said = book.fill("date.decade", decade=point.year)
    elif point.unknown_digits:
        said = book.fill("date.some_time", start=point.year, end=point.last_year)
    elif point.season is not None:
        said = book.fill(
            "date.season", season=book.text(f"date.season.{point.season}"), year=point.year
        )
    elif point.month is None:
        said = str(point.year)
    else:
        month = book.text(f"date.month.{point.month:02d}")
        if point.day is None:
            said = book.fill("date.month", month=month, year=point.year)
        else:
            said = book.fill("date.day", day=point.day, month=month, year=point.year)
    if point.qualifier:
        key = {"~": "date.approximate", "?": "date.uncertain", "%": "date.approximate_uncertain"}
        said = book.fill(key[point.qualifier], date=said)
    return said
