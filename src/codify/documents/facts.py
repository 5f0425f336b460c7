"""The format's descriptive parts as labelled facts, one shape for every output to print.

Parties, components, technology, guidance, funding, spread lessons, targets, tiers, lineage,
per-mode delivery, endpoints and the fidelity instrument are lists of named things, each with
a few labelled values. Rather than a template per part and per output, the view turns each
into `Item`s of `Fact`s here, once: a label (a phrase key), and a value that is spec text, an
enum value, codify's own words or cited references. Every output has one macro that prints
them, so a new field reaches every output by being added here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from codify.model import (
    Choice,
    Endpoint,
    Evidence,
    Fidelity,
    Intervention,
    Party,
    Qualifier,
)

if TYPE_CHECKING:
    from codify.documents.view import Link
    from codify.phrases import Phrasebook

Cite = Callable[[Iterable[str]], "list[Link]"]


@dataclass(frozen=True)
class Fact:
    """One labelled value. Exactly one of `text`, `label`, `sentence`, `links`, `date` is set.

    `text` is spec text (Markdown, escaped by the output); `label` an enum value the output
    words in its language; `sentence` says the fact is the phrase `key` itself, written by the
    output in its own syntax (with its marks); `links` references, cited as the output does.
    """

    key: str
    text: str | None = None
    label: Enum | None = None
    sentence: bool = False
    links: list[Link] = field(default_factory=list)
    date: str | None = None  # a date as the spec wrote it, printed as the outputs print dates


@dataclass(frozen=True)
class Item:
    """A named thing with its facts: a party, a guideline, a funder, a component..."""

    title: str
    facts: list[Fact]
    text: str | None = None
    references: list[Link] = field(default_factory=list)
    anchor: str | None = None


# Facts whose value is a date.
DATE_KEYS = frozenset({"guidance.date", "targets.by"})


def facts(*pairs: tuple[str, object]) -> list[Fact]:
    """Facts from (key, value) pairs, skipping empty values; the value's type picks its kind."""
    out: list[Fact] = []
    for key, value in pairs:
        if value is None or value == [] or value == "":
            continue
        if key in DATE_KEYS:
            out.append(Fact(key, date=str(value)))
        elif isinstance(value, Enum):
            out.append(Fact(key, label=value))
        elif isinstance(value, list):
            out.append(Fact(key, links=value))
        else:
            out.append(Fact(key, text=str(value)))
    return out


def _sentence(key: str) -> Fact:
    return Fact(key, sentence=True)


@dataclass(frozen=True)
class Extras:
    """The descriptive parts of a spec, each a list of items (empty when the spec has none)."""

    parties: list[Item] = field(default_factory=list)
    components: list[Item] = field(default_factory=list)
    choice: str | None = None  # codify's words: "Adopters take at least 2 of the 5."
    choice_note: str | None = None  # the spec's: how to choose
    technology: list[Item] = field(default_factory=list)
    technology_facts: list[Fact] = field(default_factory=list)
    guidance: list[Item] = field(default_factory=list)
    funding: list[Item] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    lessons: list[Item] = field(default_factory=list)
    targets: list[Item] = field(default_factory=list)
    lineage: list[Item] = field(default_factory=list)
    tiers: list[Item] = field(default_factory=list)
    by_mode: list[Item] = field(default_factory=list)
    instrument: list[Fact] = field(default_factory=list)
    illustrative: bool = False


def evidence_facts(e: Evidence, cite: Cite) -> list[Fact]:
    """What kind of evidence an entry is, which way it points, how sure, and its other sources."""
    return facts(
        ("evidence.kind", e.kind),
        ("evidence.direction", e.direction),
        ("evidence.certainty", e.certainty),
        ("evidence.basis", e.basis),
        ("evidence.also", cite(e.references)),
    )


def endpoint_items(endpoints: list[Endpoint], book: Phrasebook) -> list[Item]:
    """Each outcome a study measured: primary or secondary, its estimate and direction."""
    items = []
    for ep in endpoints:
        which: list[Fact] = []
        if ep.primary is not None:
            which = [_sentence("evidence.primary" if ep.primary else "evidence.secondary")]
        items.append(
            Item(
                ep.name,
                [
                    *which,
                    *facts(
                        ("evidence.estimate", ep.estimate),
                        ("evidence.direction", ep.direction),
                        ("evidence.basis", ep.basis),
                    ),
                ],
            )
        )
    return items


def count_words(count: int, qualifier: Qualifier | None, unit: str | None, book: Phrasebook) -> str:
    """'more than 16,000 people' or 'about 400': a count as exact as the spec says it is."""
    number = f"{count:,}"
    shown = book.fill(f"count.{qualifier.value}", count=number) if qualifier else number
    return f"{shown} {unit}" if unit else shown


def choice_words(choice: Choice | None, n: int, book: Phrasebook) -> str | None:
    """What a programme asks of adopters: all its components, or at least some of them."""
    if n == 0:
        return None
    if choice is None or choice.rule.value == "all":
        return book.fill("components.all", n)
    count = choice.count or 1
    return book.fill("components.at_least", n, count=count)


def build_extras(spec: Intervention, cite: Cite, book: Phrasebook) -> Extras:
    """Every descriptive part of the spec as items and facts, in spec order."""
    tech = spec.technology
    fidelity: Fidelity | None = spec.fidelity
    instrument: list[Fact] = []
    illustrative = False
    if fidelity is not None and fidelity.instrument is not None:
        ins = fidelity.instrument
        illustrative = ins.provenance.value == "illustrative"
        instrument = [
            _sentence(f"instrument.{ins.provenance.value}"),
            *(
                [_sentence("instrument.validated" if ins.validated else "instrument.not_validated")]
                if ins.validated is not None
                else []
            ),
            *facts(
                ("instrument.owner", ins.owner),
                ("instrument.url", ins.url),
                ("instrument.note", ins.note),
                ("instrument.source", cite([ins.reference] if ins.reference else [])),
            ),
        ]
    if fidelity is not None and fidelity.unit is not None:
        instrument.append(Fact("instrument.unit", label=fidelity.unit))
    return Extras(
        parties=[
            Item(
                p.name,
                [
                    *facts(("parties.kind", p.kind), ("parties.description", p.description)),
                    *(Fact("parties.does", text=r) for r in p.responsibilities),
                ],
                anchor=f"party-{p.id}",
            )
            for p in spec.parties
        ],
        components=[
            Item(
                c.name,
                [
                    *([_sentence("components.required")] if c.required else []),
                    *facts(("components.spec", c.spec)),
                ],
                text=c.summary,
                anchor=f"component-{c.id}",
            )
            for c in spec.components
        ],
        choice=choice_words(spec.choose, len(spec.components), book),
        choice_note=spec.choose.note if spec.choose else None,
        technology=[
            Item(
                c.name,
                facts(("tech.supplier", c.supplier), ("tech.owner", c.owner), ("tech.url", c.url)),
                text=c.description,
            )
            for c in (tech.components if tech else [])
        ]
        + [
            Item(
                r.scheme,
                facts(("tech.status", r.status)),
                references=cite([r.reference] if r.reference else []),
            )
            for r in (tech.regulatory if tech else [])
        ],
        technology_facts=facts(
            ("tech.data_protection", tech.data_protection if tech else None),
            ("tech.interoperability", "; ".join(tech.interoperability) if tech else None),
            ("tech.hosting", tech.hosting if tech else None),
        ),
        guidance=[
            Item(
                f"{g.body}: {g.document}",
                facts(("guidance.stance", g.stance), ("guidance.date", g.date)),
                text=g.note,
                references=cite([g.reference] if g.reference else []),
            )
            for g in spec.guidance
        ],
        funding=[
            Item(
                f.funder,
                facts(
                    ("funding.kind", f.kind),
                    ("funding.purpose", f.purpose),
                    ("funding.period", f.period),
                ),
                references=cite([f.reference] if f.reference else []),
            )
            for f in spec.funding
        ],
        conflicts=list(spec.conflicts_of_interest),
        lessons=[
            Item(
                lesson.lever,
                facts(("lessons.effect", lesson.effect)),
                references=cite([lesson.reference] if lesson.reference else []),
            )
            for lesson in spec.spread_lessons
        ],
        targets=[
            Item(
                t.name,
                facts(("targets.by", t.by), ("targets.set_by", t.set_by)),
                references=cite([t.reference] if t.reference else []),
            )
            for t in spec.targets
        ],
        lineage=[
            Item(
                d.name,
                facts(("lineage.place", d.place)),
                text=d.note,
                references=cite([d.reference] if d.reference else []),
            )
            for d in spec.origin.derived_from
        ],
        tiers=[
            Item(
                t.name,
                [
                    *facts(("tiers.fee", t.fee)),
                    *(Fact("tiers.obligation", text=o) for o in t.obligations),
                ],
                text=t.description,
                anchor=f"tier-{t.id}",
            )
            for t in (spec.licence.tiers if spec.licence else [])
        ],
        by_mode=[
            Item(
                book.label(m.mode),
                facts(
                    (
                        "delivery.group_size",
                        _group_words(m.group_size.min, m.group_size.max, book)
                        if m.group_size
                        else None,
                    ),
                    ("delivery.mode_duration", m.duration),
                    ("delivery.mode_note", m.note),
                ),
            )
            for m in spec.delivery.by_mode
        ],
        instrument=instrument,
        illustrative=illustrative,
    )


def _group_words(low: int, high: int | None, book: Phrasebook) -> str:
    """'6 to 8 people', 'at least 6 people' (codify's words; the numbers are the spec's)."""
    if high is None:
        return book.fill("delivery.group_at_least", low)
    if high == low:
        return book.fill("delivery.group_exactly", low)
    return book.fill("delivery.group_range", high, min=low, max=high)


def party_words(spec: Intervention, ident: str | None, book: Phrasebook) -> str | None:
    """Who a `party:` names, in words: a listed organisation's name, or the kind's label."""
    if ident is None:
        return None
    for p in spec.parties:
        if p.id == ident:
            return p.name
    try:
        return book.label(Party(ident))
    except ValueError:
        return ident  # unknown (CR028), shown only under --force


__all__ = ["Extras", "Fact", "Item", "build_extras", "count_words", "party_words"]
