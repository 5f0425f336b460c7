"""The statistics a network report rests on: XmR charts and their special-cause rules, funnel
plot limits for proportions, and reading an assessment interval from a spec's words.

Kept apart from loading and rendering so each rule can be tested on hand-computed numbers.

XmR (individuals and moving range), as NHS England's "Making Data Count" teaches it: the
centre line is the mean of the baseline points, the moving range the absolute difference of
consecutive points, and the process limits are the mean plus and minus 2.66 times the mean
moving range (2.66 = 3 / d2, d2 = 1.128 for ranges of two points), all from the baseline.

The special-cause rules (`signals`):
- a point above the upper or below the lower process limit;
- two of three consecutive points more than two sigma from the mean on the same side (sigma
  estimated as the mean moving range / 1.128), near a limit;
- a run of 7 or more consecutive points above the mean, or below it (a point on the mean ends
  a run: it is on neither side);
- a trend of 7 or more consecutive points each higher than the one before, or each lower (an
  equal value ends a trend).

Funnel limits follow Spiegelhalter (2005) for a proportion, with the normal approximation to
the binomial: around the network's pooled proportion p, at volume n, p +/- z * sqrt(p(1-p)/n),
z = 1.959964 for 95 % and 3.090232 for 99.8 %, clipped to 0 and 1.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

XMR_FACTOR = 2.66
# The fewest baseline points limits are drawn from. From two or three, the mean moving range
# (one or two ranges) says almost nothing of the process, and a chart would still offer a
# signal or an assurance read from it; below this, a chart has its mean and points alone.
MIN_LIMIT_POINTS = 5
# The fewest sites a funnel sets a site's result against: with two, the network's value is
# little more than their mean, and one of them would often look a special cause.
MIN_FUNNEL_SITES = 3
D2 = 1.128  # sigma = mean moving range / d2, for moving ranges of two points
RUN_LENGTH = 7
TREND_LENGTH = 7
Z95 = 1.959964
Z998 = 3.090232


@dataclass(frozen=True)
class Xmr:
    """An XmR chart's centre line and process limits (None from fewer than MIN_LIMIT_POINTS)."""

    mean: float
    moving_range: float | None
    lower: float | None
    upper: float | None
    baseline: int


def xmr(values: list[float], baseline: int | None = None) -> Xmr | None:
    """The mean and limits of `values`, from the first `baseline` points (all by default)."""
    if not values:
        return None
    base = values[: baseline or len(values)]
    mean = sum(base) / len(base)
    if len(base) < MIN_LIMIT_POINTS:
        return Xmr(mean, None, None, None, len(base))
    ranges = [abs(b - a) for a, b in itertools.pairwise(base)]
    mr = sum(ranges) / len(ranges)
    return Xmr(mean, mr, mean - XMR_FACTOR * mr, mean + XMR_FACTOR * mr, len(base))


class Rule(StrEnum):
    """A special-cause rule."""

    above_limit = "above_limit"
    below_limit = "below_limit"
    run_above = "run_above"
    run_below = "run_below"
    trend_up = "trend_up"
    trend_down = "trend_down"
    near_upper = "near_upper"
    near_lower = "near_lower"


@dataclass(frozen=True)
class Signal:
    """One special-cause signal: the rule, and the points (first and last index) it covers."""

    rule: Rule
    first: int
    last: int

    @property
    def improving(self) -> bool:
        """Whether the signal is in the higher direction (higher fidelity is better)."""
        return self.rule in (Rule.above_limit, Rule.run_above, Rule.trend_up, Rule.near_upper)


def signals(values: list[float], chart: Xmr) -> list[Signal]:
    """Every special-cause signal in `values` on `chart`, in order of where it ends.

    A run or trend is reported once, covering all its points, however far past 7 it goes.
    """
    found: list[Signal] = []
    if chart.upper is not None and chart.lower is not None:
        for i, v in enumerate(values):
            if v > chart.upper:
                found.append(Signal(Rule.above_limit, i, i))
            elif v < chart.lower:
                found.append(Signal(Rule.below_limit, i, i))
    if chart.moving_range is not None:
        two_sigma = 2 * chart.moving_range / D2
        found += _two_of_three([v > chart.mean + two_sigma for v in values], Rule.near_upper)
        found += _two_of_three([v < chart.mean - two_sigma for v in values], Rule.near_lower)
    sides = [(v > chart.mean) - (v < chart.mean) for v in values]
    found += _stretches(sides, RUN_LENGTH, {1: Rule.run_above, -1: Rule.run_below}, offset=0)
    steps = [(b > a) - (b < a) for a, b in itertools.pairwise(values)]
    # A trend of 7 points is 6 steps the same way; step i joins point i and point i + 1.
    found += _stretches(steps, TREND_LENGTH - 1, {1: Rule.trend_up, -1: Rule.trend_down}, offset=1)
    return sorted(found, key=lambda s: (s.last, s.first, s.rule.value))


def _two_of_three(beyond: list[bool], rule: Rule) -> list[Signal]:
    """Windows of three consecutive points with two or more `beyond`, overlapping windows
    merged: one signal from the first such point to the last."""
    found: list[Signal] = []
    for i in range(len(beyond) - 2):
        if sum(beyond[i : i + 3]) < 2:
            continue
        marked = [j for j in range(i, i + 3) if beyond[j]]
        if found and found[-1].last >= marked[0]:
            found[-1] = Signal(rule, found[-1].first, max(found[-1].last, marked[-1]))
        else:
            found.append(Signal(rule, marked[0], marked[-1]))
    return found


def _stretches(marks: list[int], length: int, rules: dict[int, Rule], offset: int) -> list[Signal]:
    """Stretches of at least `length` equal non-zero marks, as signals over the points."""
    found: list[Signal] = []
    if not marks:
        return found
    start = 0
    for i in range(len(marks) + 1):
        if i == len(marks) or marks[i] != marks[start]:
            if marks[start] != 0 and i - start >= length:
                # Marks are on points (offset 0) or on steps between points (offset 1).
                found.append(Signal(rules[marks[start]], start, i - 1 + offset))
            start = i
    return found


@dataclass(frozen=True)
class Funnel:
    """The limits at one volume around a pooled proportion."""

    lower998: float
    lower95: float
    upper95: float
    upper998: float


def funnel_limits(target: float, n: int) -> Funnel:
    """Spiegelhalter's limits for a proportion at volume `n` around `target` (0 to 1)."""
    spread = math.sqrt(target * (1 - target) / n)

    def clip(x: float) -> float:
        return min(1.0, max(0.0, x))

    return Funnel(
        clip(target - Z998 * spread),
        clip(target - Z95 * spread),
        clip(target + Z95 * spread),
        clip(target + Z998 * spread),
    )


class Position(StrEnum):
    """Where a site's proportion sits on the funnel."""

    above998 = "above998"
    above95 = "above95"
    within = "within"
    below95 = "below95"
    below998 = "below998"


def funnel_position(value: float, limits: Funnel) -> Position:
    """Which band of the funnel `value` falls in (on a limit counts as within it)."""
    if value > limits.upper998:
        return Position.above998
    if value > limits.upper95:
        return Position.above95
    if value < limits.lower998:
        return Position.below998
    if value < limits.lower95:
        return Position.below95
    return Position.within


# --- assessment intervals --------------------------------------------------------------------

_INTERVALS = {
    "m3": (r"quarterly|every (?:3|three) months", 3),
    "m6": (r"six[- ]monthly|half[- ]yearly|every (?:6|six) months|twice a year", 6),
    "m12": (r"yearly|annual(?:ly)?|every year|once a year|every 12 months", 12),
    "m1": (r"monthly|every month", 1),
    "m24": (r"every (?:2|two) years|biennial(?:ly)?", 24),
}
# One alternation: matches never overlap, so 'six-monthly' is one match, not also 'monthly'.
_INTERVAL = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k}>{p})" for k, (p, _) in _INTERVALS.items()) + r")\b"
)


@dataclass(frozen=True)
class Interval:
    """Months between assessments, and (when shorter) while below the standard."""

    months: int
    below_standard_months: int | None = None

    def for_site(self, meets_standard: bool | None) -> int:
        """The interval for a site whose latest result meets the standard or not."""
        if meets_standard is False and self.below_standard_months is not None:
            return self.below_standard_months
        return self.months


def interval_from_words(text: str) -> Interval | None:
    """The interval a spec's fidelity frequency names, or None when it names none.

    One period ('Yearly') is the interval. Two periods and the word 'standard' ('Yearly;
    every 6 months until the service meets the standard', 'six-monthly ... then yearly once
    the standard is met') read as the shorter one while below the standard, the longer after.
    """
    lowered = text.casefold()
    found = [_INTERVALS[m.lastgroup][1] for m in _INTERVAL.finditer(lowered) if m.lastgroup]
    if not found:
        return None
    distinct = sorted(set(found))
    if len(distinct) >= 2 and "standard" in lowered:
        return Interval(distinct[-1], distinct[0])
    return Interval(found[0])


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, on the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(f"no day in {year}-{month}")  # pragma: no cover - 28 always exists


def period_problem(period: str) -> str | None:
    """Why a period or day the pattern accepts is not on the calendar (2025-13, 2025-02-30,
    2025-Q0 never pass the pattern), or None when it is."""
    parts = period.split("-")
    if len(parts) >= 2 and not parts[1].startswith("Q") and not 1 <= int(parts[1]) <= 12:
        return f"{period} has no month {parts[1]}"
    if len(parts) == 3:
        try:
            date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return f"{period} is not a day: {parts[0]}-{parts[1]} has no day {parts[2]}"
    return None


def period_order(period: str) -> tuple[tuple[int, int, int], int, str]:
    """How periods sort, earliest first: by their last day, and for periods ending on one day
    (2025, 2025-Q4, 2025-12) by their text, so that the same data gives the same order."""
    return period_key(period), len(period), period


def period_key(period: str) -> tuple[int, int, int]:
    """A sortable key for a period (2025, 2025-Q2, 2025-06, 2025-06-30): its last day."""
    parts = period.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return (year, 12, 31)
    if parts[1].startswith("Q"):
        return (year, int(parts[1][1:]) * 3, 31)
    month = int(parts[1])
    return (year, month, int(parts[2]) if len(parts) > 2 else 31)
