"""The range of fidelity scores a spec's criteria allow, for the check, scoring and documents.

Kept apart from the rules so that the handbook, checklist, site and `codify score` can use it
without loading every rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from codify.model import Criterion, Intervention


def criterion_range(criterion: Criterion) -> tuple[int, int]:
    """The lowest and highest score of one criterion: 0-1 for yes/no, else min-max."""
    if criterion.scale.kind == "yes_no":
        return 0, 1
    return criterion.scale.min or 0, criterion.scale.max or 0


def scale_range(spec: Intervention) -> tuple[int, int]:
    """The lowest and highest possible total fidelity score."""
    ranges = [criterion_range(c) for c in (spec.fidelity.criteria if spec.fidelity else ())]
    return sum(low for low, _ in ranges), sum(high for _, high in ranges)
