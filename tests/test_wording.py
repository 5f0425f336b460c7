"""What codify writes reads right for the spec in front of it, in every output.

Each test changes one thing in the every-field fixture and reads the documents and the site a
reader would get: the version as the spec writes it, counts that agree with their nouns,
citations that name the right authors, and spec text that cannot break a site's tables.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from codify.cli import cli
from tests.conftest import reader_text

FIXTURE = Path(__file__).parent / "fixtures" / "every_field.yaml"


def _spec() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(FIXTURE.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def _write(folder: Path, spec: dict[str, Any]) -> Path:
    """The spec written as YAML beside copies of the fixture's material files."""
    for material in FIXTURE.parent.iterdir():
        if material.is_file() and material.suffix != ".yaml":
            shutil.copy(material, folder / material.name)
    path = folder / "intervention.yaml"
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(spec, handle)
    return path


def _outputs(tmp_path: Path, spec: dict[str, Any], *extra: str) -> dict[str, str]:
    """The handbook, checklist and assessment, and the site's pages, for one spec."""
    path = _write(tmp_path, spec)
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(path), "--out", str(tmp_path / "b"), "-q", *extra])
    assert built.exit_code == 0, built.output
    site = runner.invoke(cli, ["site", str(path), "--out", str(tmp_path / "s"), "-q", *extra])
    assert site.exit_code == 0, site.output
    found = {p.name: reader_text(p) for p in (tmp_path / "b").glob("*.*")}
    docs = tmp_path / "s" / "docs"
    found.update({f"site/{p.relative_to(docs)}": p.read_text() for p in docs.rglob("*.md")})
    return found


def test_the_version_is_printed_as_the_spec_writes_it(tmp_path: Path) -> None:
    spec = _spec()
    spec["version"] = "2.0.0-RC.1+Build.A"
    # The fixture's history is of its own version; a spec released as this one would list it.
    spec["history"] = [{**spec["history"][0], "version": "2.0.0-RC.1+Build.A"}]
    out = _outputs(tmp_path, spec)
    for name in ("handbook.html", "handbook.md", "checklist.html", "checklist.md"):
        assert "2.0.0-rc.1" not in out[name], name
        assert out[name].count("2.0.0-RC.1+Build.A") >= 2, name
    assert (
        "2.0.0-RC.1+Build.A"
        in out["assessment.yaml"].splitlines()[0] + out["assessment.yaml"].splitlines()[1]
    )


def test_a_pipe_in_a_name_does_not_break_the_sites_tables(tmp_path: Path) -> None:
    spec = _spec()
    spec["core_elements"][0]["name"] = "Watch|list"
    out = _outputs(tmp_path, spec)
    keep = out["site/keep/index.md"]
    row = next(line for line in keep.splitlines() if "Watch" in line and line.startswith("|"))
    # Three columns: the element, its function, the criteria that check it.
    assert row.count("|") - row.count("\\|") == 4, row
    assert "Watch&#124;list" in row


def test_braces_in_a_name_read_as_braces_in_the_sites_headings(tmp_path: Path) -> None:
    spec = _spec()
    spec["name"] = "Lantern rounds {2026}"
    out = _outputs(tmp_path, spec)
    title = next(line for line in out["site/index.md"].splitlines() if line.startswith("# "))
    assert "&#123;2026&#125;" in title and "&amp;#" not in title and "&#35;123" not in title


@pytest.mark.parametrize(
    ("authors", "label"),
    [
        # Vancouver (the default) cites by number and lists a 1.x line of authors whole.
        ("Smith J.", "Smith J. Lantern rounds"),
        ("Department of Health and Social Care", "Department of Health and Social Care. Lantern"),
        ("Smith J and Jones K", "Smith J and Jones K. Lantern"),
        ("Okafor A, Bell R, Dunmore S", "Okafor A, Bell R, Dunmore S. Lantern"),
    ],
)
def test_a_citation_names_one_author_or_several_rightly(
    tmp_path: Path, authors: str, label: str
) -> None:
    spec = _spec()
    spec["references"][0]["authors"] = authors
    spec["references"][0]["year"] = 2019
    out = _outputs(tmp_path, spec)
    assert label in out["handbook.md"]
    assert any(label in text for name, text in out.items() if name.startswith("site/"))


def test_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    spec = _spec()
    spec["core_elements"] = spec["core_elements"][:1]
    keep = spec["core_elements"][0]["id"]
    spec["fidelity"]["criteria"] = [spec["fidelity"]["criteria"][0]]
    spec["fidelity"]["criteria"][0]["core_elements"] = [keep]
    spec["fidelity"]["criteria"][0].pop("minimum", None)
    spec["fidelity"]["bands"] = [spec["fidelity"]["bands"][0]]
    out = _outputs(tmp_path, spec, "--force")
    handbook = out["handbook.md"]
    assert "1 criterion, 1 scoring band" in handbook
    assert "must keep its core element." in handbook and "its 1 core element" not in handbook


def test_a_range_must_be_finite(tmp_path: Path) -> None:
    spec = _spec()
    element = next(a for a in spec["adaptable_elements"] if a["adaptations"].get("range"))
    element["adaptations"]["range"]["max"] = float("inf")
    path = _write(tmp_path, spec)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "CS004" in result.output and "intervention.yaml:" in result.output


def test_a_group_of_exactly_n_says_so(tmp_path: Path) -> None:
    spec = _spec()
    spec["delivery"]["group_size"] = {"min": 5, "max": 5}
    out = _outputs(tmp_path, spec)
    for name in ("handbook.md", "handbook.html", "site/delivery.md"):
        assert "groups of 5" in out[name] and "5 to 5" not in out[name], name
