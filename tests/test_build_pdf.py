"""`codify build --pdf`: the handbook and checklist printed by headless Chromium.

Skipped when no Chromium is installed (`apt install chromium`, or set CODIFY_CHROMIUM).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.documents.pdf import find_chromium, page_count
from tests.conftest import EXAMPLES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="needs Chromium for --pdf: apt install chromium, or set CODIFY_CHROMIUM",
    ),
]


def test_pdf_is_a4_many_pages_and_the_same_every_time(tmp_path: Path) -> None:
    example = next(e for e in EXAMPLES if "raid" in str(e))
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = CliRunner().invoke(cli, ["build", str(example), "--out", str(out), "--pdf"])
        assert result.exit_code == 0, result.output
        outputs.append(out)
    handbook = (outputs[0] / "handbook.pdf").read_bytes()
    checklist = (outputs[0] / "checklist.pdf").read_bytes()
    assert handbook.startswith(b"%PDF-") and checklist.startswith(b"%PDF-")
    assert page_count(handbook) > 10, "the handbook should run to many A4 pages"
    assert page_count(checklist) > 1
    assert b"/MediaBox [0 0 594.95996 841.91998]" in handbook  # A4, in points
    assert len(handbook) > 100_000
    # no timestamps: the same spec prints to the same bytes
    assert (outputs[1] / "handbook.pdf").read_bytes() == handbook
    assert (outputs[1] / "checklist.pdf").read_bytes() == checklist
