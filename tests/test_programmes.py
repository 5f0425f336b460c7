"""A programme of several interventions: a menu for adopters, and a portfolio that shows it.

A national programme (detect, protect) is a spec whose `components` name the specs of its
parts by path and whose `choose` says how many an adopter takes. Checked together the three
specs pass; the programme's handbook and site page are a menu; a portfolio of the three links
the programme to its parts and back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.phrases import Phrasebook
from tests.test_rules_pinned import BASE

EN = Phrasebook("en")


def _spec(ident: str, name: str, extra: str = "") -> str:
    text = BASE.replace("id: hand-hygiene", f"id: {ident}", 1)
    text = text.replace('name: "Hand hygiene huddles"', f'name: "{name}"', 1)
    return text.replace("settings:\n", extra + "settings:\n", 1)


PROGRAMME = """components:
  - id: detect-part
    name: Detect
    summary: Find people with undiagnosed atrial fibrillation.
    spec: ../detect/intervention.yaml
    required: true
  - id: protect-part
    name: Protect
    summary: Offer anticoagulation to those at risk of stroke.
    spec: ../protect/intervention.yaml
choose:
  rule: at_least
  count: 1
  note: Each region chooses by its own priorities.
"""


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """Three specs side by side: the programme and its two components."""
    for folder, ident, name, extra in (
        ("programme", "af-programme", "Atrial fibrillation programme", PROGRAMME),
        ("detect", "af-detect", "Detect atrial fibrillation", ""),
        ("protect", "af-protect", "Protect from stroke", ""),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "intervention.yaml").write_text(
            _spec(ident, name, extra), encoding="utf-8"
        )
    return tmp_path


def test_a_programme_and_its_parts_check_together(programme: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--strict", str(programme)])
    assert result.exit_code == 0, result.output
    assert "3 files checked" in result.output


def test_a_missing_part_is_an_error_at_its_line(programme: Path) -> None:
    spec = programme / "programme" / "intervention.yaml"
    text = spec.read_text(encoding="utf-8").replace("../protect/", "../protekt/")
    spec.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "../protekt/" in row)
    assert f"intervention.yaml:{line}:" in result.output and "CR030" in result.output


def test_the_handbook_is_a_menu(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = programme / "programme" / "intervention.yaml"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    for name in ("handbook.html", "handbook.md"):
        text = (out / name).read_text(encoding="utf-8")
        assert EN.fill("components.at_least", 2, count=1) in text, name
        assert "Each region chooses by its own priorities." in text
        assert "Find people with undiagnosed atrial fibrillation." in text
        assert EN.fill("components.required") in text


def test_the_portfolio_links_the_programme_and_its_parts(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["site", str(programme), "--out", str(out), "--build", "-q"])
    assert result.exit_code == 0, result.output
    home = (out / "docs" / "index.md").read_text(encoding="utf-8")
    parts = home.split("## Atrial fibrillation programme", 1)[1].split("\n## ", 1)[0]
    assert f"**{EN.fill('site.portfolio.parts')}:** [Detect atrial fibrillation](" in parts
    assert "[Protect from stroke](" in parts
    detect = home.split("## Detect atrial fibrillation", 1)[1].split("\n## ", 1)[0]
    assert f"**{EN.fill('site.portfolio.part_of')}:** [Atrial fibrillation programme](" in detect
    # MkDocs built the site strictly, so every one of those links reached a page.
    assert (out / "site" / "index.html").is_file()
