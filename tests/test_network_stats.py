"""The network report's statistics on hand-computed numbers: XmR limits, the special-cause
rules, Spiegelhalter's funnel limits, and the assessment interval read from a spec's words."""

from __future__ import annotations

from datetime import date

import pytest

from codify.network_stats import (
    Interval,
    Position,
    Rule,
    Signal,
    Xmr,
    add_months,
    funnel_limits,
    funnel_position,
    interval_from_words,
    period_key,
    signals,
    xmr,
)

# A chart whose limits are far away and with no moving range (so no sigma), so that only the
# run and trend rules can fire.
WIDE = Xmr(mean=5.0, moving_range=None, lower=-100.0, upper=100.0, baseline=8)


def test_xmr_limits_are_the_mean_plus_and_minus_2_66_mean_moving_ranges() -> None:
    # Mean 4.5; each moving range is 1; limits 4.5 +/- 2.66 = 1.84 and 7.16.
    chart = xmr([1, 2, 3, 4, 5, 6, 7, 8])
    assert chart is not None
    assert chart.mean == pytest.approx(4.5)
    assert chart.moving_range == pytest.approx(1.0)
    assert chart.lower == pytest.approx(1.84)
    assert chart.upper == pytest.approx(7.16)
    assert chart.baseline == 8


def test_the_baseline_sets_the_limits_and_later_points_are_judged_against_them() -> None:
    # Baseline 10, 12, 11, 12, 10: mean 11, moving ranges 2, 1, 1, 2 (mean 1.5), upper
    # 11 + 3.99 = 14.99.
    values = [10.0, 12.0, 11.0, 12.0, 10.0, 30.0]
    chart = xmr(values, baseline=5)
    assert chart is not None
    assert (chart.mean, chart.upper) == (pytest.approx(11.0), pytest.approx(14.99))
    assert signals(values, chart) == [Signal(Rule.above_limit, 5, 5)]
    # With all six points as baseline the outlier drags the mean and widens the limits.
    everything = xmr(values)
    assert everything is not None and everything.mean == pytest.approx(85 / 6)
    assert everything.upper is not None and everything.upper > 27


def test_one_point_has_a_mean_but_no_limits() -> None:
    chart = xmr([7.0])
    assert chart == Xmr(7.0, None, None, None, 1)
    assert signals([7.0], chart) == []
    assert xmr([]) is None


def test_too_few_points_draw_no_limits_and_so_no_signal_from_them() -> None:
    # Two or four points would give limits (11 to 43 from 24 and 30) that say nothing of the
    # process, and a point beyond them would read as a special cause.
    for values in ([24.0, 30.0], [24.0, 30.0, 26.0, 60.0]):
        chart = xmr(values)
        assert chart is not None and chart.baseline == len(values)
        assert (chart.lower, chart.upper, chart.moving_range) == (None, None, None)
        assert signals(values, chart) == []
    assert xmr([24.0, 30.0, 26.0, 28.0, 27.0]).upper is not None  # type: ignore[union-attr]


def test_points_beyond_the_limits_and_a_trend_of_eight_reported_once() -> None:
    values = [1.0, 2, 3, 4, 5, 6, 7, 8]
    chart = xmr(values)
    assert chart is not None
    # 1 < 1.84 and 8 > 7.16; eight rising points are one trend covering all of them. Sigma
    # is 1 / 1.128: 1 and 2 are more than two sigma (1.77) below the mean, 7 and 8 above it.
    assert signals(values, chart) == [
        Signal(Rule.below_limit, 0, 0),
        Signal(Rule.near_lower, 0, 1),
        Signal(Rule.trend_up, 0, 7),
        Signal(Rule.near_upper, 6, 7),
        Signal(Rule.above_limit, 7, 7),
    ]


# Mean 10 and mean moving range 1.128: sigma is 1, the process limits are 10 +/- 3.00.
NEAR = Xmr(mean=10.0, moving_range=1.128, lower=10 - 3.00048, upper=10 + 3.00048, baseline=5)


def test_two_of_three_points_beyond_two_sigma_on_one_side() -> None:
    # 12.5 is 2.5 sigma above the mean, inside the upper limit (13.0).
    assert signals([10, 12.5, 10, 12.5, 10], NEAR) == [Signal(Rule.near_upper, 1, 3)]
    assert signals([10, 7.5, 7.5, 10, 10], NEAR) == [Signal(Rule.near_lower, 1, 2)]
    # Overlapping windows make one signal: 12.5 at 1, 2 and 4 (windows 0-2, 1-3, 2-4).
    assert signals([10, 12.5, 12.5, 10, 12.5], NEAR) == [Signal(Rule.near_upper, 1, 4)]


def test_two_beyond_two_sigma_but_not_within_three_points_or_not_on_one_side() -> None:
    assert signals([10, 12.5, 10, 10, 12.5], NEAR) == []
    assert signals([10, 12.5, 7.5, 10, 10], NEAR) == []
    # 11.9 is less than two sigma above the mean.
    assert signals([10, 11.9, 11.9, 10, 10], NEAR) == []


def test_a_run_of_seven_on_one_side_of_the_mean() -> None:
    assert signals([6, 7, 6, 7, 6, 7, 6, 4], WIDE) == [Signal(Rule.run_above, 0, 6)]
    assert signals([4, 3, 4, 3, 4, 3, 4], WIDE) == [Signal(Rule.run_below, 0, 6)]


def test_six_on_one_side_is_not_a_run() -> None:
    assert signals([6, 7, 6, 7, 6, 7, 4], WIDE) == []


def test_a_point_on_the_mean_ends_a_run() -> None:
    # Three above, one on the mean, four above: neither stretch reaches seven.
    assert signals([6, 7, 6, 5, 6, 7, 6, 7], WIDE) == []


def test_a_trend_of_seven_rising_or_falling() -> None:
    assert signals([1, 2, 3, 4, 5, 6, 7], Xmr(4.0, None, -100.0, 100.0, 7)) == [
        Signal(Rule.trend_up, 0, 6)
    ]
    falling = [9, 8, 7, 6, 5, 4, 3]
    assert signals(falling, Xmr(6.0, None, -100.0, 100.0, 7)) == [Signal(Rule.trend_down, 0, 6)]


def test_six_rising_points_or_an_equal_value_is_no_trend() -> None:
    chart = Xmr(4.0, None, -100.0, 100.0, 7)
    assert signals([1, 2, 3, 4, 5, 6], chart) == []
    # 1 2 3 3 4 5 6 7: the repeated 3 ends the first stretch; the second is five points.
    assert signals([1, 2, 3, 3, 4, 5, 6, 7], chart) == []


def test_a_run_and_a_trend_can_overlap_and_are_both_reported() -> None:
    # Seven points above mean 5, each higher than the last: a run and a trend.
    found = signals([6, 7, 8, 9, 10, 11, 12], WIDE)
    assert found == [Signal(Rule.run_above, 0, 6), Signal(Rule.trend_up, 0, 6)]
    assert all(s.improving for s in found)
    assert not Signal(Rule.run_below, 0, 6).improving


def test_funnel_limits_for_a_proportion_by_hand() -> None:
    # p = 0.8, n = 100: sd = sqrt(0.8 * 0.2 / 100) = 0.04.
    limits = funnel_limits(0.8, 100)
    assert limits.lower95 == pytest.approx(0.8 - 1.959964 * 0.04)  # 0.7216
    assert limits.upper95 == pytest.approx(0.8784, abs=1e-4)
    assert limits.lower998 == pytest.approx(0.6764, abs=1e-4)  # 0.8 - 3.090232 * 0.04
    assert limits.upper998 == pytest.approx(0.9236, abs=1e-4)


def test_funnel_limits_narrow_as_volume_grows_and_stay_between_0_and_1() -> None:
    small, large = funnel_limits(0.5, 25), funnel_limits(0.5, 2500)
    assert small.upper998 - small.lower998 > large.upper998 - large.lower998
    # sd at n = 2500 is 0.01: ten times narrower than at n = 25 (0.1).
    assert large.upper95 - 0.5 == pytest.approx((small.upper95 - 0.5) / 10)
    near_one = funnel_limits(0.99, 10)
    assert near_one.upper998 == 1.0 and near_one.upper95 == 1.0
    assert funnel_limits(0.0, 50).lower998 == 0.0


@pytest.mark.parametrize(
    ("value", "position"),
    [
        (0.95, Position.above998),
        (0.90, Position.above95),
        (0.80, Position.within),
        (0.70, Position.below95),
        (0.60, Position.below998),
    ],
)
def test_where_a_proportion_falls_on_the_funnel(value: float, position: Position) -> None:
    assert funnel_position(value, funnel_limits(0.8, 100)) is position


@pytest.mark.parametrize(
    ("words", "interval"),
    [
        (
            "Yearly; every 6 months until the service reaches a band that meets the standard.",
            Interval(12, 6),
        ),
        (
            "Six-monthly in the first year after launch, then yearly once the standard is met.",
            Interval(12, 6),
        ),
        ("Six-monthly.", Interval(6)),
        ("Quarterly, by the steering group.", Interval(3)),
        ("Every two years.", Interval(24)),
        ("Annually.", Interval(12)),
        ("When the commissioner asks.", None),
    ],
)
def test_the_interval_read_from_a_spec_frequency(words: str, interval: Interval | None) -> None:
    assert interval_from_words(words) == interval


def test_the_interval_for_a_site_below_the_standard_is_the_shorter_one() -> None:
    two = Interval(12, 6)
    assert (two.for_site(True), two.for_site(False), two.for_site(None)) == (12, 6, 12)
    assert Interval(12).for_site(False) == 12


def test_months_are_added_as_calendar_months() -> None:
    assert add_months(date(2025, 3, 15), 12) == date(2026, 3, 15)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)


def test_periods_sort_by_their_last_day() -> None:
    periods = ["2026-Q1", "2025", "2025-06", "2026-02-10", "2025-Q3"]
    assert sorted(periods, key=period_key) == [
        "2025-06",
        "2025-Q3",
        "2025",
        "2026-02-10",
        "2026-Q1",
    ]
