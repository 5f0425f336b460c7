"""Cross-references in prose (`[[id]]`, `[[id|words]]`): checked, and shown in every output.

An author points at another part of the spec from any text; every document shows the target's
name (or the author's words), linked where the output can link, and `codify check` refuses an
id the spec does not define. The spec is the RAID example with cross-references written into
a folded block, a one-line value and a fidelity criterion (which the checklist prints).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.xref import expand, find, malformed
from tests.conftest import ROOT, reader_text

RAID = ROOT / "examples" / "raid"
ROUND_THE_CLOCK = "Available 24 hours a day, 7 days a week"


def _raid_with_references(folder: Path) -> Path:
    """A copy of the RAID example whose prose points at a core element, a role and a material."""
    for f in RAID.iterdir():
        if f.is_file():  # the spec and its materials; not the example network beside them
            shutil.copy(f, folder / f.name)
    spec = folder / "intervention.yaml"
    text = spec.read_text(encoding="utf-8")
    edits = [
        (
            "      Most of the savings found in Birmingham came",
            "      As [[round_the_clock]] and [[consultant|the consultants]] show, and "
            "\\[[brackets]] aside,\n      most of the savings found in Birmingham came",
        ),
        (
            "      method: Review the rota and the shift-fill record for the last 3 months.",
            "      method: Review the rota kept by [[administrator]] for the last 3 months.",
        ),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    spec.write_text(text, encoding="utf-8")
    return spec


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The build's files and the built site's pages, as text, by name."""
    folder = tmp_path_factory.mktemp("xref")
    spec = _raid_with_references(folder)
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--strict", str(spec)])
    assert checked.exit_code == 0, checked.output
    built = runner.invoke(cli, ["build", str(spec), "--out", str(folder / "b"), "-q"])
    assert built.exit_code == 0, built.output
    # --build runs MkDocs in strict mode: a link to a page that does not exist fails it.
    site = runner.invoke(cli, ["site", str(spec), "--out", str(folder / "s"), "--build", "-q"])
    assert site.exit_code == 0, site.output
    found = {p.name: reader_text(p) for p in (folder / "b").glob("*.*")}
    html = folder / "s" / "site"
    for page in html.rglob("index.html"):
        found[f"site/{page.relative_to(html).parent}"] = page.read_text(encoding="utf-8")
    return found


def test_no_output_prints_the_syntax(outputs: dict[str, str]) -> None:
    for name, text in outputs.items():
        assert "[[round_the_clock" not in text, name
        assert "[[consultant" not in text, name
        assert "[[administrator" not in text, name


def test_the_handbook_links_each_target_to_its_anchor(outputs: dict[str, str]) -> None:
    html = outputs["handbook.html"]
    assert re.search(rf'As <a href="#core-round_the_clock"[^>]*>{ROUND_THE_CLOCK}</a>', html)
    assert re.search(r'<a href="#role-consultant"[^>]*>the consultants</a> show', html)
    assert 'id="core-round_the_clock"' in html and 'id="role-consultant"' in html
    # The Markdown handbook has no anchors of its own: it names the targets.
    assert f"As {ROUND_THE_CLOCK} and the consultants show" in outputs["handbook.md"]


def test_escaped_brackets_print_as_written(outputs: dict[str, str]) -> None:
    assert "and [[brackets]] aside" in outputs["handbook.html"]
    assert "\\[[brackets" not in outputs["handbook.html"]


def test_the_checklist_in_every_format_names_the_target(outputs: dict[str, str]) -> None:
    for name in ("checklist.html", "checklist.md", "checklist.csv", "assessment.yaml"):
        assert "rota kept by Team administrator for the last 3 months" in outputs[name], name


def test_the_site_links_to_the_target_page(outputs: dict[str, str]) -> None:
    page = outputs["site/keep/all_age_team"]
    assert re.search(rf'<a href="\.\./round_the_clock/">{ROUND_THE_CLOCK}</a>', page)
    assert re.search(r'<a href="\.\./\.\./roles/#role-consultant">the consultants</a>', page)
    assert 'id="role-consultant"' in outputs["site/roles"]


def test_an_unknown_id_fails_check_at_its_place(tmp_path: Path) -> None:
    spec = _raid_with_references(tmp_path)
    text = spec.read_text(encoding="utf-8").replace("[[administrator]]", "[[administrater]]")
    spec.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "[[administrater]]" in s)
    column = text.splitlines()[line - 1].index("[[administrater") + 1
    assert f"intervention.yaml:{line}:{column}: CR026" in result.output
    assert "did you mean 'administrator'" in result.output
    built = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "b")])
    assert built.exit_code == 1 and not (tmp_path / "b" / "handbook.html").exists()


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("see [[a1]] and [[b-2|the second]]", ["a1", "b-2"]),
        ("[[ spaced ]] is allowed", ["spaced"]),
        ("\\[[escaped]] is not one", []),
        ("[[Not An Id]] and [[]] are not", []),
        ("[[a|words [with] brackets]] is not", []),
    ],
)
def test_the_syntax(text: str, ids: list[str]) -> None:
    assert [r.id for r in find(text)] == ids


def test_malformed_references_are_found_and_escapes_are_not() -> None:
    assert list(malformed("[[Not An Id]], [[ok]] and \\[[fine]]")) == ["[[Not An Id]]"]
    assert expand("a \\[[b]] c", lambda r: "X") == "a [[b]] c"


HOSTILE_WORDS = "<script>alert(1)</script>](javascript:alert(2)) *x* \\\\ `y` &lt;b&gt;"


def test_hostile_words_after_the_bar_are_text_in_every_output(tmp_path: Path) -> None:
    spec = _raid_with_references(tmp_path)
    text = spec.read_text(encoding="utf-8")
    hostile = HOSTILE_WORDS.replace("[", "").replace("]", "")
    text = text.replace("[[consultant|the consultants]]", f"[[consultant|{hostile}]]")
    spec.write_text(text, encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(spec), "--out", str(tmp_path / "b"), "-q"])
    assert built.exit_code == 0, built.output
    site = runner.invoke(cli, ["site", str(spec), "--out", str(tmp_path / "s"), "--build", "-q"])
    assert site.exit_code == 0, site.output
    pages = [*(tmp_path / "b").glob("*.html"), *(tmp_path / "s" / "site").rglob("*.html")]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert 'href="javascript:' not in html, page
    handbook = (tmp_path / "b" / "handbook.html").read_text(encoding="utf-8")
    # A link's text is plain: angle brackets become the look-alikes codify uses in labels.
    assert "\u2039script\u203aalert(1)\u2039/script\u203a(javascript:alert(2))" in handbook
