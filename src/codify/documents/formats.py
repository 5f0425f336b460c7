"""How codify writes numbers, ranges and citations, the same in every output.

The handbook, the checklist and the site all call these, so a reference is cited one way
and a number printed one way wherever a reader meets it.
"""

from __future__ import annotations

import re

from codify.model import Range, Reference
from codify.phrases import Phrasebook
from codify.render.text import plain


def num(value: float | int) -> str:
    """A number without a needless '.0': 30.0 prints as 30, 2.5 as 2.5."""
    return str(int(value)) if float(value).is_integer() else str(value)


def range_text(r: Range, book: Phrasebook) -> str:
    """A permitted range in words: 'from 30 to 60 minutes', 'at least 3 panellists'."""
    if r.min is not None and r.max is not None:
        return book.fill("range.between", min=num(r.min), max=num(r.max), unit=r.unit)
    if r.min is not None:
        return book.fill("range.at_least", min=num(r.min), unit=r.unit)
    if r.max is not None:
        return book.fill("range.up_to", max=num(r.max), unit=r.unit)
    return r.unit


# People are listed with commas or semicolons; 'and' or '&' joins two people only when the
# name before it ends in initials ('Smith J and Jones K'), never inside a corporate author
# ('Department of Health and Social Care').
_LIST = re.compile(r"[,;]")
_PERSON_AND = re.compile(r"^(\S.*?\s[A-Z]{1,3}\.?)\s+(?:and|&)\s+\S")


def citation_label(ref: Reference, book: Phrasebook) -> str:
    """A short author-year citation: the first author (or corporate author) and the year.

    'Maben J, Taylor C, Reynolds E' of 2018 gives 'Maben J et al. 2018'; 'Smith J.' stays
    'Smith J.'; a corporate author such as 'Department of Health and Social Care' stays whole.
    """
    authors = plain(ref.authors).strip()
    first = _LIST.split(authors, maxsplit=1)[0].strip()
    joined = _PERSON_AND.match(first)
    if joined:
        first = joined.group(1)
    several = first.rstrip(".") != authors.rstrip(".,; ")
    name = book.fill("ref.et_al", first=first) if several else first
    year = str(ref.year) if ref.year is not None else book.fill("ref.no_date")
    return f"{name} {year}"
