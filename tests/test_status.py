"""The status drives every output: a draft says so on every page, a rejected intervention is a record.

The not-recommended fixture is written from a published null trial (PREVENTT). Its documents
must lead with the verdict everywhere, handbook, checklist in every format, assessment file
and every site page, and must never word it as something to adopt.
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
from codify.phrases import Phrasebook
from tests.conftest import reader_text

FIXTURES = Path(__file__).parent / "fixtures"
PREVENTT = FIXTURES / "status" / "preventt.yaml"
EVERY_FIELD = FIXTURES / "every_field.yaml"
ENGLISH = Phrasebook("en")

# Words that invite adoption: none may appear in the record of a tested intervention.
ADOPTION_WORDS = (
    "Adopter handbook",
    "must keep",
    "MUST KEEP",
    "non-negotiable",
    "Why it works",
    "deliver every element",
    "Anyone may adopt",
    "No approval from the licence holder",
    ENGLISH.fill("section.core"),
    ENGLISH.fill("core.intro_lead"),
)


def _outputs(folder: Path, spec: Path, *extra: str) -> dict[str, str]:
    """Every file a reader gets for a spec: the documents and the site's Markdown pages."""
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(spec), "--out", str(folder / "b"), "-q", *extra])
    assert built.exit_code == 0, built.output
    site = runner.invoke(cli, ["site", str(spec), "--out", str(folder / "s"), "-q", *extra])
    assert site.exit_code == 0, site.output
    found = {
        p.name: reader_text(p)
        for p in (folder / "b").glob("*.*")
        if not p.name.startswith(".")  # codify's own record of what it wrote
    }
    docs = folder / "s" / "docs"
    for page in docs.rglob("*.md"):
        found[f"site/{page.relative_to(docs)}"] = page.read_text(encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def preventt(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _outputs(tmp_path_factory.mktemp("preventt"), PREVENTT)


def test_the_record_of_a_null_trial_leads_with_its_verdict_everywhere(
    preventt: dict[str, str],
) -> None:
    verdict = "Do not give intravenous iron to anaemic adults"
    for name, text in preventt.items():
        if name.startswith("site/") and name.endswith(("index.md", ".md")):
            assert verdict in text or "Not recommended" in text, name
        else:
            assert verdict in text, name
    assert "not_recommended" in preventt["checklist.csv"]


def test_the_record_of_a_null_trial_never_invites_adoption(preventt: dict[str, str]) -> None:
    for name, text in preventt.items():
        for words in ADOPTION_WORDS:
            assert words not in text, (name, words)
    assert "Record of a tested intervention" in preventt["handbook.html"]
    assert ENGLISH.fill("spread.none") in preventt["handbook.md"]


def _with_status(folder: Path, status: str) -> Path:
    """The every-field fixture with another status (and a verdict where one is needed)."""
    yaml = YAML(typ="safe")
    spec: dict[str, Any] = copy.deepcopy(yaml.load(EVERY_FIELD.read_text(encoding="utf-8")))
    spec["status"] = status
    if status in ("not_recommended", "retired"):
        spec["verdict"] = {
            "summary": "Stopped in favour of the regional rounds.",
            "reason": "Evaluation found no fewer emergency calls.",
            "decided_by": "The network board",
            "date": "2025-03",
            "replaced_by": "Regional night rounds",
        }
    for material in FIXTURES.iterdir():
        if material.is_file() and material.suffix != ".yaml":
            shutil.copy(material, folder / material.name)
    path = folder / "intervention.yaml"
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(spec, handle)
    return path


@pytest.mark.parametrize(
    "status", ["draft", "piloting", "spreading", "mainstreamed", "not_recommended", "retired"]
)
def test_each_status_is_framed_in_every_output(tmp_path: Path, status: str) -> None:
    out = _outputs(tmp_path, _with_status(tmp_path, status))
    short = {
        "draft": "Draft, not for use",
        "piloting": "Being piloted",
        "not_recommended": "Not recommended",
        "retired": "Retired",
    }.get(status)
    for name, text in out.items():
        if short is None:
            assert "Draft, not for use" not in text and "Being piloted." not in text, name
        else:
            assert short in text, (name, status)
    if status == "retired":
        assert "Regional night rounds" in out["handbook.html"]
        assert "Regional night rounds" in out["site/index.md"]


def test_a_not_recommended_spec_without_a_verdict_fails_check(tmp_path: Path) -> None:
    path = _with_status(tmp_path, "not_recommended")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\nverdict:")[0] + "\n" + _after_verdict(text), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "CR018" in result.output and "needs a verdict" in result.output
    line = next(
        i for i, row in enumerate(path.read_text().splitlines(), 1) if row.startswith("status:")
    )
    assert f"intervention.yaml:{line}:" in result.output
    assert "CR014" not in result.output


def _after_verdict(text: str) -> str:
    """The spec text after its `verdict:` block (the block's indented lines dropped)."""
    lines = text.split("\nverdict:")[1].splitlines()[1:]
    rest = [row for row in lines]
    while rest and (rest[0].startswith(" ") or not rest[0].strip()):
        rest.pop(0)
    return "\n".join(rest) + "\n"


def test_approval_the_spec_does_not_mention_is_not_asserted(tmp_path: Path) -> None:
    yaml = YAML(typ="safe")
    spec: dict[str, Any] = copy.deepcopy(yaml.load(EVERY_FIELD.read_text(encoding="utf-8")))
    for element in spec["adaptable_elements"]:
        element.pop("requires_approval", None)
    for material in FIXTURES.iterdir():
        if material.is_file() and material.suffix != ".yaml":
            shutil.copy(material, tmp_path / material.name)
    path = tmp_path / "intervention.yaml"
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(spec, handle)
    out = _outputs(tmp_path, path)
    for name, text in out.items():
        assert "No approval from the licence holder is needed" not in text, name
        assert "must approve a change" not in text, name


def _preventt_without(folder: Path, *keys: str, status: str = "retired") -> Path:
    """PREVENTT with some top-level sections left out (and another status, if asked)."""
    yaml = YAML(typ="safe")
    spec: dict[str, Any] = yaml.load(PREVENTT.read_text(encoding="utf-8"))
    for key in keys:
        spec.pop(key)
    spec["status"] = status
    spec["verdict"]["replaced_by"] = "Treating iron deficiency when it is found, for its own sake"
    if "fidelity" in keys:  # TIDieR asks how fidelity was planned: say why it does not apply
        spec["not_applicable"].append(
            {"item": 11, "reason": "Nobody is to deliver it, so no fidelity is assessed."}
        )
    path = folder / "intervention.yaml"
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(spec, handle)
    return path


def test_a_record_may_leave_out_licence_pathway_and_fidelity(tmp_path: Path) -> None:
    path = _preventt_without(tmp_path, "licence", "pathway", "fidelity")
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--strict", str(path)])
    assert checked.exit_code == 0, checked.output
    built = runner.invoke(cli, ["build", str(path), "--out", str(tmp_path / "b")])
    assert built.exit_code == 0, built.output
    assert "no fidelity checklist: the spec sets no fidelity criteria" in built.output
    names = {p.name for p in (tmp_path / "b").iterdir()}
    assert {"handbook.html", "handbook.md"} <= names
    assert not names & {"checklist.html", "checklist.md", "checklist.csv", "assessment.yaml"}
    handbook = (tmp_path / "b" / "handbook.html").read_text(encoding="utf-8")
    assert "Not for spread" in handbook and "checklist.html" not in handbook
    assert 'id="pathway"' not in handbook and 'id="fidelity"' not in handbook
    # The site has no checklist or pathway page, and MkDocs finds no link to one (strict).
    site = runner.invoke(cli, ["site", str(path), "--out", str(tmp_path / "s"), "--build", "-q"])
    assert site.exit_code == 0, site.output
    docs = tmp_path / "s" / "docs"
    assert not (docs / "fidelity.md").exists() and not (docs / "pathway.md").exists()
    assert "fidelity.md" not in (tmp_path / "s" / "mkdocs.yml").read_text(encoding="utf-8")
    score = runner.invoke(cli, ["score", str(tmp_path / "a.yaml"), "--spec", str(path)])
    assert score.exit_code == 2 and "sets no fidelity criteria" in score.output


@pytest.mark.parametrize("status", ["draft", "piloting", "spreading", "mainstreamed"])
def test_an_intervention_meant_for_adoption_needs_them(tmp_path: Path, status: str) -> None:
    path = _preventt_without(tmp_path, "licence", "pathway", "fidelity", status=status)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    for key in ("licence", "pathway", "fidelity"):
        assert (
            f"missing required key '{key}' (needed while the status is '{status}'; only a "
            "not_recommended or retired intervention may leave it out)"
        ) in result.output
