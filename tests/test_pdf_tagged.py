"""WeasyPrint's handbook PDF is tagged: a structure tree a screen reader can follow.

An untagged PDF fails the public-sector accessibility regulations many adopters work under, so
the `pdf` extra's engine is asked for tags (WeasyPrint 66 or newer). The PDF is read back with
pypdf: the catalogue must say the document is marked, hold a structure tree, and name the
language.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.documents.pdf import PdfEngine
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_a_weasyprint_handbook_is_a_tagged_pdf(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="WeasyPrint is not installed (the pdf extra)")
    pypdf = pytest.importorskip("pypdf")
    built = CliRunner().invoke(
        cli, ["build", str(ROOT / "examples" / "raid"), "--out", str(tmp_path), "-q"]
    )
    assert built.exit_code == 0, built.output
    html = (tmp_path / "handbook.html").read_text(encoding="utf-8")
    pdf = PdfEngine("weasyprint").render(html)
    root = pypdf.PdfReader(BytesIO(pdf)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/K"], "the structure tree is empty"
    assert str(root["/Lang"]).startswith("en")
