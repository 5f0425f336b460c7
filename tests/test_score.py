"""`codify score`: an assessor fills in the blank assessment and codify works out the result."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.conftest import ROOT

# One rating per RAID criterion, in checklist order: a service that meets every Core 24 minimum.
GOOD = [5, 4, 4, 5, 5, 4, 1, 5, 3, 4, 1]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The RAID spec and the blank assessment `codify build` writes for it."""
    folder = tmp_path_factory.mktemp("raid")
    for name in ("intervention.yaml", "referral-log-template.csv"):
        shutil.copy(ROOT / "examples" / "raid" / name, folder / name)
    code, out = run("build", str(folder), "--out", str(folder / "out"), "--only", "checklist")
    assert code == 0, out
    return folder, (folder / "out" / "assessment.yaml").read_text(encoding="utf-8")


def filled(blank: tuple[Path, str], ratings: list[object], **stated: str) -> Path:
    folder, text = blank
    values = iter(ratings)
    text = re.sub(r"(?m)^    rating: null", lambda m: f"    rating: {next(values)}", text)
    for key, value in stated.items():
        text = re.sub(rf"(?m)^{key}: null", f"{key}: {value}", text)
    path = folder / "2027-03-assessment.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_blank_assessment_is_not_yet_scored(blank: tuple[Path, str]) -> None:
    folder, text = blank
    path = folder / "blank.yaml"
    path.write_text(text, encoding="utf-8")
    code, out = run("score", str(path))
    assert code == 0
    assert out.count("CA007") == 11
    assert "0 of 11 criteria rated; no total" in out
    assert run("score", "--strict", str(path))[0] == 1


def test_a_complete_assessment_gets_its_band_and_standard(blank: tuple[Path, str]) -> None:
    path = filled(blank, GOOD, total="41", band='"RAID model in place"', must_pass_met="true")
    code, out = run("score", str(path))
    assert code == 0, out
    assert "total 41 (possible 9 to 47), band 'RAID model in place'" in out
    assert out.rstrip().endswith("Meets the standard.")


def test_a_must_pass_minimum_overrides_a_good_total(blank: tuple[Path, str]) -> None:
    ratings = [5, 3, 4, 5, 5, 4, 1, 5, 3, 4, 1]  # ED response falls to 3; the minimum is 4
    code, out = run("score", "--format", "json", str(filled(blank, ratings)))
    data = json.loads(out)
    assert code == 0
    assert (data["total"], data["band"]) == (40, "RAID model in place")
    assert data["must_pass_failed"] == ["c_ed_response"]
    assert data["meets_standard"] is False


def test_a_wrong_must_pass_met_names_the_criteria_below_their_minimum(
    blank: tuple[Path, str],
) -> None:
    ratings = [5, 3, 4, 5, 5, 4, 1, 5, 3, 4, 1]  # ED response falls to 3; the minimum is 4
    code, out = run("score", str(filled(blank, ratings, must_pass_met="true")))
    assert code == 1
    assert "CA006 must_pass_met is true, but 1 must-pass criterion is below its minimum: '" in out
    code, out = run("score", str(filled(blank, GOOD, must_pass_met="false")))
    assert code == 1
    assert "CA006 must_pass_met is false, but every must-pass criterion reaches its minimum" in out


@pytest.mark.parametrize(
    "day", ['"2025/2026"', '"next Tuesday"', '"2026-02-30"', '"20260915"', '"2026-W38-2"']
)
def test_a_date_that_is_not_a_day_is_refused_as_the_network_would(
    blank: tuple[Path, str], day: str
) -> None:
    # `codify network` leaves out an assessment it cannot place in time; scoring says so first.
    folder, text = blank
    assert '\ndate: ""' in text
    dated = (folder, text.replace('\ndate: ""', f"\ndate: {day}", 1))
    code, out = run("score", str(filled(dated, GOOD)))
    assert code == 1, out
    assert f"CS004 date '{day.strip(chr(34))}' is not a day written YYYY-MM-DD" in out
    good = (folder, text.replace('\ndate: ""', '\ndate: "2026-02-28"', 1))
    assert run("score", str(filled(good, GOOD)))[0] == 0


def test_wrong_sums_and_off_scale_ratings_are_reported_where_they_are(
    blank: tuple[Path, str],
) -> None:
    path = filled(blank, GOOD, total="40", band='"Developing"')
    code, out = run("score", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    total_line = next(i for i, ln in enumerate(lines, 1) if ln.startswith("total: 40"))
    assert code == 1
    assert f"{path}:{total_line}:8: CA006 total is 40, but the ratings add up to 41" in out
    assert "CA006 band is 'Developing', but a total of 41 is in 'RAID model in place'" in out

    bad = [7 if r == 1 else r for r in GOOD]
    code, out = run("score", str(filled(blank, bad)))
    assert code == 1
    assert "CA005 criterion 'c_consultant_lead': rating 7 is not on its scale, 0 to 1" in out


def test_unknown_criteria_and_keys_are_caught(blank: tuple[Path, str]) -> None:
    path = filled(blank, GOOD)
    text = path.read_text(encoding="utf-8").replace('id: "c_skill_mix"', 'id: "c_skil_mix"')
    path.write_text(text.replace("actions: []", "action: []"), encoding="utf-8")
    code, out = run("score", str(path))
    assert code == 1
    assert "CA003 'c_skil_mix' is not a criterion of raid 1.0.0; did you mean 'c_skill_mix'?" in out
    assert "CA004 criterion 'c_skill_mix'" in out
    assert "CA008 unknown key 'action'; did you mean 'actions'?" in out


def test_an_assessment_of_another_intervention_is_refused(blank: tuple[Path, str]) -> None:
    path = filled(blank, GOOD)
    path.write_text(
        path.read_text().replace('intervention: "raid"', 'intervention: "schwartz-rounds"')
    )
    code, out = run("score", str(path))
    assert code == 1 and "CA001" in out


def test_unreadable_assessment_exits_2(blank: tuple[Path, str]) -> None:
    folder, _ = blank
    path = folder / "broken.yaml"
    path.write_text("criteria: [unclosed\n")
    code, out = run("score", str(path))
    assert code == 2 and f"{path}:2:1: CY003" in out


def test_assessment_codes_are_explained() -> None:
    code, out = run("explain", "CA005")
    assert code == 0 and "scale" in out
