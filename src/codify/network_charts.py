"""The network report's charts as small hand-written SVG: an XmR chart per site, a
criterion-by-site heat map and a funnel plot per outcome measure.

Why not a plotting library: a report of 1,000 sites draws 1,000 XmR charts, and a figure from
matplotlib costs tens of milliseconds to lay out and save, where writing these few shapes
costs well under one; the charts are simple (lines, points, rectangles) and their look is
fixed; every text they hold (a site's name, a band label) comes from a profile or a spec and
is escaped here by markupsafe, the same escaping the HTML uses, rather than trusted to a
library's SVG writer; and the SVG carries what a screen reader needs (role="img", a <title>
and <desc> it is labelled by), which matplotlib does not write. The output is byte-for-byte
the same for the same data, with no dates or random ids in it.

Colours follow NHS England's "Making Data Count" charts: grey for common cause, orange for a
concerning special cause, blue for an improving one; shape tells them apart too (circle,
square, triangle), so colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from codify.network_stats import Funnel, Signal, Xmr, funnel_limits

GREY = "#768692"
ORANGE = "#d9730d"
BLUE = "#005eb8"
RED = "#da291c"
INK = "#212b32"
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _f(x: float) -> str:
    """A coordinate with one decimal, no '-0.0'."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def _svg(width: int, height: int, ident: str, title: str, desc: str, body: list[str]) -> Markup:
    """An accessible SVG: role="img", labelled by its <title> and described by its <desc>."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="chart">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" fill="{INK}" {FONT}{extra}>'
        f"{escape(words)}</text>"
    )


def _marker(x: float, y: float, kind: str) -> str:
    """A point: circle (common cause), square (concerning), triangle (improving)."""
    if kind == "concerning":
        return f'<rect x="{_f(x - 4)}" y="{_f(y - 4)}" width="8" height="8" fill="{ORANGE}"/>'
    if kind == "improving":
        pts = f"{_f(x)},{_f(y - 5)} {_f(x + 5)},{_f(y + 4)} {_f(x - 5)},{_f(y + 4)}"
        return f'<polygon points="{pts}" fill="{BLUE}"/>'
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{GREY}"/>'


@dataclass(frozen=True)
class SpcLabels:
    """The words an XmR chart writes: its title, description and line labels."""

    title: str
    desc: str
    mean: str
    limits: str
    standard: str
    first: str
    last: str


def spc_chart(
    ident: str,
    values: Sequence[int],
    chart: Xmr,
    found: Sequence[Signal],
    low: int,
    high: int,
    standard: int | None,
    labels: SpcLabels,
) -> Markup:
    """An XmR chart of one site's totals, evenly spaced in time order, on the spec's scale."""
    width, height = 560, 190
    left, right, top, bottom = 44, 110, 12, 30
    # The axis spans what is drawn (points, limits, standard) with a margin, within the
    # scale: a site whose totals move by a few points is not flattened against 9 to 47.
    drawn = [float(v) for v in values] + [chart.mean]
    drawn += [v for v in (chart.lower, chart.upper, standard) if v is not None]
    lo_y = float(min(math.floor(min(drawn)), max(low, math.floor(min(drawn)) - 2)))
    hi_y = float(max(math.ceil(max(drawn)), min(high, math.ceil(max(drawn)) + 2)))
    span_y = max(hi_y - lo_y, 1.0)

    def y(v: float) -> float:
        return top + (hi_y - v) / span_y * (height - top - bottom)

    n = len(values)

    def x(i: int) -> float:
        inner = width - left - right
        return left + (inner / 2 if n == 1 else i * inner / (n - 1))

    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>']
    # The frame and the scale's ends.
    for v in (lo_y, hi_y):
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_f(y(v))}" y2="{_f(y(v))}" '
            f'stroke="#d8dde0"/>'
        )
        body.append(_text(left - 6, y(v) + 4, f"{v:g}", "end"))
    notes: list[tuple[float, str]] = []  # labels at the right end of their lines
    if standard is not None:
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_f(y(standard))}" '
            f'y2="{_f(y(standard))}" stroke="{RED}" stroke-dasharray="6 3"/>'
        )
        notes.append((y(standard), f"{labels.standard} {standard}"))
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{_f(y(chart.mean))}" '
        f'y2="{_f(y(chart.mean))}" stroke="{INK}"/>'
    )
    notes.append((y(chart.mean), f"{labels.mean} {chart.mean:.1f}"))
    if chart.lower is not None and chart.upper is not None:
        for v in (chart.lower, chart.upper):
            body.append(
                f'<line x1="{left}" x2="{width - right}" y1="{_f(y(v))}" y2="{_f(y(v))}" '
                f'stroke="{GREY}" stroke-dasharray="2 3"/>'
            )
        notes.append((y(chart.upper), f"{labels.limits} {chart.upper:.1f}"))
        notes.append((y(chart.lower), f"{labels.limits} {chart.lower:.1f}"))
    body.extend(_text(width - right + 4, at + 4, words) for at, words in _spread(notes))
    points = " ".join(f"{_f(x(i))},{_f(y(v))}" for i, v in enumerate(values))
    body.append(f'<polyline points="{points}" fill="none" stroke="{GREY}" stroke-width="1.5"/>')
    kinds = ["common"] * n
    for s in found:
        for i in range(s.first, s.last + 1):
            # A concerning signal wins over an improving one at the same point.
            if kinds[i] != "concerning":
                kinds[i] = "improving" if s.improving else "concerning"
    body.extend(_marker(x(i), y(v), kinds[i]) for i, v in enumerate(values))
    body.append(_text(left, height - 8, labels.first))
    body.append(_text(width - right, height - 8, labels.last, "end"))
    return _svg(width, height, ident, labels.title, labels.desc, body)


def _spread(notes: list[tuple[float, str]], gap: float = 12) -> list[tuple[float, str]]:
    """Labels moved apart so that none overlaps the one above it (top to bottom)."""
    placed: list[tuple[float, str]] = []
    for at, words in sorted(notes):
        if placed and at < placed[-1][0] + gap:
            at = placed[-1][0] + gap
        placed.append((at, words))
    return placed


def _shade(share: float) -> tuple[str, str]:
    """A fill from light (share 0) to dark blue (share 1), and a text colour readable on it."""
    light, dark = (0xE8, 0xF1, 0xFA), (0x00, 0x3D, 0x7A)
    mix = [round(a + (b - a) * share) for a, b in zip(light, dark, strict=True)]
    fill = "#" + "".join(f"{c:02x}" for c in mix)
    return fill, ("#fff" if share > 0.5 else INK)


@dataclass(frozen=True)
class HeatCell:
    """One site's latest rating of one criterion (None: not rated)."""

    rating: int | None
    share: float | None
    below_minimum: bool


def heat_map(
    ident: str,
    sites: Sequence[str],
    criteria: Sequence[int],
    cells: Sequence[Sequence[HeatCell]],
    title: str,
    desc: str,
) -> Markup:
    """Sites as rows, criteria (by number) as columns; a cell's shade is its rating on the
    criterion's scale, its number the rating, an orange frame a must-pass failure."""
    label_w, cell_w, cell_h, head = 200, 30, 20, 22
    width = label_w + cell_w * len(criteria) + 10
    height = head + cell_h * len(sites) + 6
    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>']
    for j, number in enumerate(criteria):
        body.append(_text(label_w + j * cell_w + cell_w / 2, head - 8, str(number), "middle"))
    for i, name in enumerate(sites):
        top = head + i * cell_h
        shown = name if len(name) <= 30 else name[:29] + "…"
        body.append(_text(label_w - 6, top + cell_h / 2 + 4, shown, "end"))
        for j, cell in enumerate(cells[i]):
            x0 = label_w + j * cell_w
            if cell.rating is None or cell.share is None:
                body.append(
                    f'<rect x="{x0 + 1}" y="{top + 1}" width="{cell_w - 2}" '
                    f'height="{cell_h - 2}" fill="#f0f4f5"/>'
                )
                continue
            fill, ink = _shade(cell.share)
            frame = f' stroke="{ORANGE}" stroke-width="3"' if cell.below_minimum else ""
            body.append(
                f'<rect x="{x0 + 2}" y="{top + 2}" width="{cell_w - 4}" height="{cell_h - 4}" '
                f'fill="{fill}"{frame}/>'
            )
            body.append(
                f'<text x="{_f(x0 + cell_w / 2)}" y="{_f(top + cell_h / 2 + 4)}" '
                f'text-anchor="middle" fill="{ink}" {FONT}>{cell.rating}</text>'
            )
    return _svg(width, height, ident, title, desc, body)


@dataclass(frozen=True)
class FunnelDot:
    """A site on a funnel plot: its number in the table, volume, proportion and kind."""

    number: int
    n: int
    p: float
    kind: str  # "common", "improving" (positive deviance), "concerning"
    labelled: bool


def funnel_plot(
    ident: str,
    target: float,
    dots: Sequence[FunnelDot],
    title: str,
    desc: str,
    axis_x: str,
    axis_y: str,
) -> Markup:
    """Proportion against volume, with the 95 % and 99.8 % limits narrowing around the target."""
    width, height = 560, 320
    left, right, top, bottom = 52, 16, 14, 44
    max_n = max((d.n for d in dots), default=1)
    x_hi = max_n * 1.08
    n_lo = max(1.0, min((d.n for d in dots), default=1) * 0.6)
    steps = [n_lo + (x_hi - n_lo) * k / 60 for k in range(61)]
    curves: dict[str, list[tuple[float, float]]] = {
        name: [] for name in ("lower998", "lower95", "upper95", "upper998")
    }
    for n in steps:
        lim: Funnel = funnel_limits(target, max(1, round(n)))
        for name in curves:
            curves[name].append((n, float(getattr(lim, name))))
    ys = [d.p for d in dots] + [target] + [v for c in curves.values() for _, v in c[5:]]
    y_lo, y_hi = max(0.0, min(ys) - 0.03), min(1.0, max(ys) + 0.03)
    span = max(y_hi - y_lo, 0.01)

    def x(n: float) -> float:
        return left + n / x_hi * (width - left - right)

    def y(p: float) -> float:
        return top + (y_hi - max(y_lo, min(y_hi, p))) / span * (height - top - bottom)

    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>']
    for k in range(5):
        p = y_lo + span * k / 4
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{_f(y(p))}" y2="{_f(y(p))}" '
            f'stroke="#eef1f3"/>'
        )
        body.append(_text(left - 6, y(p) + 4, f"{p * 100:.0f}%", "end"))
    for k in range(5):
        n = x_hi * k / 4
        body.append(_text(x(n), height - bottom + 16, f"{n:.0f}", "middle"))
    body.append(_text((left + width - right) / 2, height - 8, axis_x, "middle"))
    body.append(
        f'<text x="12" y="{_f((top + height - bottom) / 2)}" text-anchor="middle" '
        f'fill="{INK}" {FONT} transform="rotate(-90 12 {_f((top + height - bottom) / 2)})">'
        f"{escape(axis_y)}</text>"
    )
    for name, dash in (
        ("lower998", "2 3"),
        ("upper998", "2 3"),
        ("lower95", "6 3"),
        ("upper95", "6 3"),
    ):
        pts = " ".join(f"{_f(x(n))},{_f(y(v))}" for n, v in curves[name])
        body.append(
            f'<polyline points="{pts}" fill="none" stroke="{GREY}" stroke-dasharray="{dash}"/>'
        )
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{_f(y(target))}" y2="{_f(y(target))}" '
        f'stroke="{INK}"/>'
    )
    for d in dots:
        body.append(_marker(x(d.n), y(d.p), d.kind))
        if d.labelled:
            body.append(_text(x(d.n) + 7, y(d.p) - 6, str(d.number)))
    return _svg(width, height, ident, title, desc, body)
