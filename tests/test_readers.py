"""Sentences codify adds are worded for the spec's readers and claim nothing the spec does not.

Who the handbook is for follows `audience` (or the settings' types); a role is "Required" or
"Optional" only when the spec says so, and roles are grouped by whose they are (`party`) once
the spec says. Each test builds the handbook with the CLI and reads it as a reader would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.phrases import Phrasebook
from codify.render.yamltext import yaml_string

EN = Phrasebook("en")
SETTING = '  - type: "Acute hospital"\n'


def _handbook(tmp_path: Path, spec_text: str) -> str:
    """handbook.md built from the spec text (which must check clean)."""
    spec = tmp_path / "intervention.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / "handbook.md").read_text(encoding="utf-8")


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture
def spec_text(base_spec: str) -> str:
    """The scaffold with its placeholders accepted, its audience left to the settings."""
    text = _replace(base_spec, "audience: clinical\n", "")
    return _replace(
        text, "  - type: The kind of place where it is delivered, e.g. acute hospital\n", SETTING
    )


@pytest.mark.parametrize(
    ("settings", "key"),
    [
        (["Acute hospital"], "howto.audience.clinical"),
        (["GP practices and community pharmacies"], "howto.audience.clinical"),
        (["Food banks run by local churches"], "howto.audience.community"),
        (["Trussell Trust food bank"], "howto.audience.community"),
        (["Community pharmacy", "Food bank"], "howto.audience.mixed"),
        (["A town square"], "howto.audience"),
    ],
)
def test_the_handbook_addresses_the_readers_its_settings_suggest(
    tmp_path: Path, spec_text: str, settings: list[str], key: str
) -> None:
    text = _replace(spec_text, SETTING, "".join(f"  - type: {yaml_string(s)}\n" for s in settings))
    handbook = _handbook(tmp_path, text)
    assert EN.fill(key, name="Hand hygiene huddles") in handbook
    if key != "howto.audience.clinical":
        assert "clinical and managerial staff" not in handbook


def test_a_stated_audience_wins_over_the_settings(tmp_path: Path, spec_text: str) -> None:
    text = _replace(spec_text, SETTING, '  - type: "Acute hospital"\n')
    text = _replace(text, "settings:\n", "audience: community\nsettings:\n")
    handbook = _handbook(tmp_path, text)
    assert EN.fill("howto.audience.community", name="Hand hygiene huddles") in handbook


def test_a_role_is_required_or_optional_only_when_the_spec_says(
    tmp_path: Path, spec_text: str
) -> None:
    text = _replace(
        spec_text,
        "    party: adopter              # adopter | central | partner: whose role it is\n"
        "    required: true              # false when recommended but optional\n",
        "",
    )
    handbook = _handbook(tmp_path, text)
    assert "Required" not in handbook and "Optional" not in handbook
    assert EN.fill("roles.needed") not in handbook  # no column with nothing to say
    assert EN.fill("roles.group.adopter") not in handbook  # nor whose it is


def test_roles_are_grouped_by_whose_they_are(tmp_path: Path, spec_text: str) -> None:
    more = """  - id: area-manager
    title: Area manager
    party: central
    responsibilities:
      - Visits each new site in its first month.
  - id: agency
    title: Referral agency worker
    party: partner
    required: false
    responsibilities:
      - Refers people who need the service.
"""
    text = _replace(spec_text, "\nmaterials:\n", more + "\nmaterials:\n")
    text = _replace(
        text,
        "    roles: [lead]\n    materials: [guide]\n    fidelity:",
        "    roles: [lead, area-manager, agency]\n    materials: [guide]\n    fidelity:",
    )
    handbook = _handbook(tmp_path, text)
    groups = [EN.fill(f"roles.group.{p}") for p in ("adopter", "central", "partner")]
    at = [handbook.index(f"### {g}") for g in groups]
    assert at == sorted(at)
    central = handbook[at[1] : at[2]]
    assert "#### Area manager\n" in central  # neither required nor optional: not said
    assert "#### Referral agency worker (optional)" in handbook[at[2] :]
    assert "#### Local lead (required)" in handbook[at[0] : at[1]]
