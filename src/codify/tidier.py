"""Where each TIDieR item (Hoffmann et al. 2014) is answered in a spec."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from codify.model import Intervention


class TidierItem(NamedTuple):
    """One item of the TIDieR checklist and the parts of the format that answer it."""

    number: int
    name: str
    question: str
    fields: tuple[str, ...]
    answered: Callable[[Intervention], list[str]]


def _present(spec: Intervention, *names: str) -> list[str]:
    """The dotted field names, among `names`, that hold a non-empty value."""
    found = []
    for name in names:
        value: object = spec
        for part in name.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value not in (None, "", [], ()):
            found.append(name)
    return found


ITEMS: tuple[TidierItem, ...] = (
    TidierItem(
        1,
        "Brief name",
        "A name or phrase that identifies the intervention.",
        ("name", "short_name"),
        lambda s: _present(s, "name", "short_name"),
    ),
    TidierItem(
        2,
        "Why",
        "The rationale, theory or goal of the elements essential to it.",
        ("rationale", "core_elements[].function", "core_elements[].rationale"),
        lambda s: (
            _present(s, "rationale.summary", "rationale.theory_of_change")
            + (["core_elements[].rationale"] if s.core_elements else [])
        ),
    ),
    TidierItem(
        3,
        "What: materials",
        "Materials used in delivery or training, and where to get them.",
        ("materials", "technology"),
        lambda s: _present(s, "materials", "technology"),
    ),
    TidierItem(
        4,
        "What: procedures",
        "The procedures, activities and processes, including enabling ones.",
        ("delivery.procedures", "core_elements[].form", "components"),
        lambda s: _present(s, "delivery.procedures", "components"),
    ),
    TidierItem(
        5,
        "Who provided",
        "Each provider's expertise, background and specific training.",
        ("roles", "parties"),
        lambda s: _present(s, "roles", "parties"),
    ),
    TidierItem(
        6,
        "How",
        "Mode of delivery, and whether individual or group.",
        ("delivery.modes", "delivery.formats", "delivery.by_mode"),
        lambda s: _present(s, "delivery.modes", "delivery.formats", "delivery.by_mode"),
    ),
    TidierItem(
        7,
        "Where",
        "Types of location, with necessary infrastructure.",
        ("settings",),
        lambda s: _present(s, "settings"),
    ),
    TidierItem(
        8,
        "When and how much",
        "Number of sessions, schedule, duration, intensity or dose.",
        ("delivery.schedule", "delivery.duration", "delivery.intensity", "delivery.period"),
        lambda s: _present(
            s, "delivery.schedule", "delivery.duration", "delivery.intensity", "delivery.period"
        ),
    ),
    TidierItem(
        9,
        "Tailoring",
        "Planned personalisation or adaptation: what, why, when and how.",
        ("adaptable_elements",),
        lambda s: _present(s, "adaptable_elements"),
    ),
    TidierItem(
        10,
        "Modifications",
        "Changes made during delivery or rollout: what, why, when, how.",
        ("modifications",),
        lambda s: _present(s, "modifications"),
    ),
    TidierItem(
        11,
        "How well: planned",
        "How fidelity is assessed, by whom, and how it is maintained.",
        ("fidelity.approach", "fidelity.criteria", "fidelity.strategies", "fidelity.instrument"),
        lambda s: _present(
            s,
            "fidelity.approach",
            "fidelity.criteria",
            "fidelity.strategies",
            "fidelity.instrument",
        ),
    ),
    TidierItem(
        12,
        "How well: actual",
        "The extent to which it was delivered as planned.",
        ("fidelity.results",),
        lambda s: _present(s, "fidelity.results"),
    ),
)


class TidierRow(NamedTuple):
    """One row of a filled-in TIDieR checklist."""

    item: TidierItem
    answered_by: list[str]
    not_applicable: str | None

    @property
    def status(self) -> str:
        """'answered', 'not applicable' or 'missing'."""
        if self.answered_by:
            return "answered"
        return "not applicable" if self.not_applicable else "missing"


def checklist(spec: Intervention) -> list[TidierRow]:
    """The TIDieR checklist filled in from a spec."""
    declared = {na.item: na.reason for na in spec.not_applicable}
    return [TidierRow(item, item.answered(spec), declared.get(item.number)) for item in ITEMS]
