"""How codify writes numbers and ranges, the same in every output.

The handbook, the checklist and the site all call these, so a number is printed one way
wherever a reader meets it. Citations have their own module, codify.documents.citations: one
citation engine cites and lists references for every output.
"""

from __future__ import annotations

from codify.model import Range
from codify.phrases import Phrasebook


def num(value: float | int) -> str:
    """A number without a needless '.0': 30.0 prints as 30, 2.5 as 2.5."""
    return str(int(value)) if float(value).is_integer() else str(value)


def score_span(low: float | int, high: float | int, dash: str = "\u2013") -> str:
    """The totals a scoring band covers: '4\u20135', or '4' for a band of one total."""
    return num(low) if low == high else f"{num(low)}{dash}{num(high)}"


def range_text(r: Range, book: Phrasebook) -> str:
    """A permitted range in words: 'from 30 to 60 minutes', 'at least 3 panellists'."""
    if r.min is not None and r.max is not None:
        return book.fill("range.between", min=num(r.min), max=num(r.max), unit=r.unit)
    if r.min is not None:
        return book.fill("range.at_least", min=num(r.min), unit=r.unit)
    if r.max is not None:
        return book.fill("range.up_to", max=num(r.max), unit=r.unit)
    return r.unit
