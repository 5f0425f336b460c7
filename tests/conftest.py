"""Shared fixtures: the repository's paths, the bundled examples and a clean base spec."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/intervention.yaml"))
# Tests parametrised over the examples would silently become skips without them.
assert len(EXAMPLES) == 2, f"expected the two bundled examples, found {EXAMPLES}"


@pytest.fixture
def base_spec() -> str:
    """The text `codify init` writes: a small spec that checks clean."""
    from codify.commands.init import scaffold

    return scaffold("hand-hygiene", "Hand hygiene huddles")
