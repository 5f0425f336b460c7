"""Which sections each document has, in what order, and when each appears: the one registry.

A section is a key, a heading (a phrase, `section.<key>`), and a test of whether a spec has
anything to put in it. Its body is one small template per output syntax,
`<document>/sections/<key>.html` and `.md`, which the document's base layout includes in the
order given here; overriding one section with `--templates` means copying that file alone.
Numbered sections come first; appendices (lettered) follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codify.model import Intervention


def _always(spec: Intervention) -> bool:
    return True


def for_adoption(spec: Intervention) -> bool:
    """Whether the spec is meant to be adopted: not a record of a rejected or retired one."""
    return spec.for_adoption


@dataclass(frozen=True)
class SectionSpec:
    """One section of a document: its key, whether it is an appendix, and when it appears."""

    key: str
    present: Callable[[Intervention], bool] = _always
    appendix: bool = False
    # What the section shows, for the docs and for the templates guide.
    summary: str = ""


# The handbook puts the summary a service manager needs first (keep, adapt, never), then
# what the intervention is, the detail of each part, and only then its evidence and history.
HANDBOOK: tuple[SectionSpec, ...] = (
    SectionSpec("at-a-glance", summary="The core, adaptable and ruled-out elements on one page."),
    SectionSpec(
        "about", summary="What it is, the problem, who it is for, where, and why it works."
    ),
    SectionSpec(
        "components",
        lambda s: bool(s.components),
        summary="For a programme: how many components an adopter takes, and each one.",
    ),
    SectionSpec("core", summary="Each core element: function, form, rationale, how it is judged."),
    SectionSpec(
        "adaptable",
        lambda s: bool(s.adaptable_elements),
        summary="Each adaptable element: default, permitted choices, guardrails, who decides.",
    ),
    SectionSpec(
        "proscribed",
        lambda s: bool(s.proscribed),
        summary="Practices that must never be adopted, and the core elements they break.",
    ),
    SectionSpec("roles", summary="Who takes part, their responsibilities and time."),
    SectionSpec("materials", lambda s: bool(s.materials), summary="The materials and files."),
    SectionSpec(
        "readiness",
        lambda s: bool(s.readiness) and for_adoption(s),
        summary="What must be in place before launch (not in the record of a tested one).",
    ),
    SectionSpec(
        "pathway", lambda s: bool(s.pathway), summary="The implementation phases and their steps."
    ),
    SectionSpec("delivery", summary="Mode, format, schedule, dose and procedures."),
    SectionSpec(
        "technology",
        lambda s: s.technology is not None,
        summary="The platforms, regulatory status, data protection and hosting it depends on.",
    ),
    SectionSpec(
        "fidelity",
        lambda s: s.fidelity is not None,
        summary="The criteria, their scales, the bands and the standard.",
    ),
    SectionSpec("outcomes", summary="What to measure, how and when."),
    SectionSpec("evidence", summary="The evidence, where it comes from, spread and variants."),
    SectionSpec("support", summary="Spread model, licence, support, obligations and contacts."),
    SectionSpec("glossary", lambda s: bool(s.glossary), summary="Terms and their meanings."),
    SectionSpec("references", lambda s: bool(s.references), summary="The numbered references."),
    SectionSpec("tidier", appendix=True, summary="The TIDieR items and where each is answered."),
    SectionSpec(
        "modifications",
        lambda s: bool(s.modifications),
        appendix=True,
        summary="Modifications so far, coded with FRAME.",
    ),
    SectionSpec(
        "complexity",
        lambda s: s.complexity is not None,
        appendix=True,
        summary="NASSS complexity ratings.",
    ),
    SectionSpec(
        "history",
        lambda s: bool(s.history),
        appendix=True,
        summary="The released versions: what each changed, and by when adopters must act.",
    ),
)

DOCUMENTS: dict[str, tuple[SectionSpec, ...]] = {"handbook": HANDBOOK}


def section_template(document: str, key: str, syntax: str) -> str:
    """The template of one section: 'handbook/sections/core.html'."""
    return f"{document}/sections/{key}.{syntax}"
