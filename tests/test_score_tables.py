"""`codify score` of the checklist tables `codify build` writes: checklist.csv and checklist.xlsx.

An assessor fills in the rating column in a spreadsheet, in whatever spelling it keeps
(4, "4", 4.0, yes, TRUE, n), and scores the file as it is. A bad cell is reported at its row
and column (CSV) or its cell (XLSX). The workbook itself is checked as a spreadsheet reads
it: typed cells, data validation on the ratings, and no spec text that a spreadsheet would run.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.conftest import ROOT

openpyxl = pytest.importorskip("openpyxl", reason="the 'xlsx' extra is not installed")

# One rating per RAID criterion, in checklist order (as tests/test_score.py): total 41.
GOOD = [5, 4, 4, 5, 5, 4, 1, 5, 3, 4, 1]
# The same ratings as people and spreadsheets write them; items 7 and 11 are yes/no.
SPELLED = ["5", " 4 ", "4.0", 5, 5.0, "4", "Yes", "5", 3, "+4", "TRUE"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def built(tmp: Path, example: str) -> Path:
    """A copy of a bundled example with its checklist built into `out/`."""
    source = ROOT / "examples" / example
    shutil.copytree(source, tmp / example)
    code, out = run("build", str(tmp / example), "--out", str(tmp / example / "out"))
    assert code == 0, out
    return tmp / example


@pytest.fixture(scope="module")
def raid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("tables"), "raid")


@pytest.fixture(scope="module")
def schwartz(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("tables"), "schwartz_rounds")


def csv_rows(folder: Path) -> list[list[str]]:
    text = (folder / "out" / "checklist.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return path


def rated_csv(folder: Path, ratings: list[object], name: str, delimiter: str = ",") -> Path:
    rows = csv_rows(folder)
    column = rows[0].index("rating")
    for row, rating in zip(rows[1:], ratings, strict=True):
        row[column] = str(rating)
    return write_csv(folder / name, rows, delimiter)


def rated_xlsx(folder: Path, ratings: list[object], name: str) -> Path:
    book = openpyxl.load_workbook(folder / "out" / "checklist.xlsx")
    sheet = book["Checklist"]
    column = [c.value for c in sheet[1]].index("rating") + 1
    for row, rating in enumerate(ratings, 2):
        sheet.cell(row=row, column=column, value=rating)
    book.save(folder / name)
    return folder / name


def scored(path: Path, spec: Path) -> dict[str, object]:
    code, out = run("score", "--format", "json", "--spec", str(spec), str(path))
    data: dict[str, object] = json.loads(out)
    data["exit"] = code
    return data


# --- the spellings of a rating ---------------------------------------------------------------


def test_a_yaml_assessment_takes_ratings_as_text_floats_and_yes_no(raid: Path) -> None:
    text = (raid / "out" / "assessment.yaml").read_text(encoding="utf-8")
    values = iter(['"5"', "4", "4.0", "5", '"5"', "4", "yes", "5", "3", "4", "true"])
    text = re.sub(r"(?m)^    rating: null", lambda m: f"    rating: {next(values)}", text)
    path = raid / "spelled.yaml"
    path.write_text(text, encoding="utf-8")
    code, out = run("score", str(path))
    assert code == 0, out
    assert "total 41 (possible 9 to 47), band 'RAID model in place'" in out
    assert (
        "A named consultant liaison psychiatrist leads the whole team (c_consultant_lead): yes (1)"
        in out
    )


@pytest.mark.parametrize("spelling", ["no", "N", "false", "FALSE", "0", 0, 0.0])
def test_every_spelling_of_no_scores_0(raid: Path, spelling: object) -> None:
    ratings = [*GOOD[:10], spelling]
    data = scored(rated_csv(raid, ratings, "no.csv"), raid / "intervention.yaml")
    assert data["exit"] == 0, data["diagnostics"]
    assert data["total"] == 40


def test_yes_is_refused_for_a_rating_criterion(raid: Path) -> None:
    ratings = ["yes", *GOOD[1:]]
    path = rated_csv(raid, ratings, "yes-for-a-rating.csv")
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    assert code == 1
    column = csv_rows(raid)[0].index("rating") + 1
    assert (
        f"{path}:2:{column}: CA005 criterion 'c_round_the_clock': rating 'yes' is not on its scale, 1 to 5"
        in out
    )
    assert "(c_round_the_clock): not on its scale" in out


# --- CSV -------------------------------------------------------------------------------------


def test_the_filled_in_csv_checklist_scores_like_the_yaml(raid: Path) -> None:
    data = scored(rated_csv(raid, SPELLED, "filled.csv"), raid / "intervention.yaml")
    assert data["exit"] == 0, data["diagnostics"]
    assert (data["total"], data["band"], data["meets_standard"]) == (
        41,
        "RAID model in place",
        True,
    )
    breakdown = data["breakdown"]
    assert isinstance(breakdown, list)
    assert [e["rating"] for e in breakdown] == GOOD
    assert str(data["band_meaning"]).startswith("The core elements are in place.")
    # Furthest down their own scales first: 3 of 1 to 5, then the 4s in checklist order.
    lowest = data["lowest_rated"]
    assert isinstance(lowest, list)
    assert [e["id"] for e in lowest] == ["c_staff_teaching", "c_ed_response", "c_ward_response"]


def test_a_spreadsheet_saved_with_semicolons_is_read_too(raid: Path) -> None:
    path = rated_csv(raid, GOOD, "semicolons.csv", delimiter=";")
    assert scored(path, raid / "intervention.yaml")["total"] == 41


def test_bad_csv_cells_are_reported_at_their_row_and_column(raid: Path) -> None:
    ratings = [*GOOD]
    ratings[2] = "lots"  # row 4: the header is row 1
    ratings[6] = "maybe"  # row 8, a yes/no criterion
    ratings[9] = "4.5"
    path = rated_csv(raid, ratings, "bad.csv")
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    column = csv_rows(raid)[0].index("rating") + 1
    assert code == 1
    assert f"{path}:4:{column}: CA005 criterion 'c_ward_response': rating 'lots'" in out
    assert (
        f"{path}:8:{column}: CA005 criterion 'c_consultant_lead': rating 'maybe' is not on its scale, 0 to 1 (or yes/no)"
        in out
    )
    assert f"{path}:11:{column}: CA005" in out
    assert "no total until every criterion is rated" in out


def test_an_empty_rating_cell_is_not_rated_yet(raid: Path) -> None:
    path = rated_csv(raid, [*GOOD[:-1], ""], "unrated.csv")
    data = scored(path, raid / "intervention.yaml")
    assert data["exit"] == 0 and data["total"] is None and data["rated"] == 10
    assert [d["code"] for d in data["diagnostics"]] == ["CA007"]  # type: ignore[union-attr]


def test_an_unknown_criterion_id_in_a_row_is_named_with_its_row(raid: Path) -> None:
    rows = csv_rows(raid)
    column = rows[0].index("rating")
    for row, rating in zip(rows[1:], GOOD, strict=True):
        row[column] = str(rating)
    ident = rows[0].index("criterion_id")
    rows[3][ident] = "c_ward_respons"
    path = write_csv(raid / "typo.csv", rows)
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    assert code == 1
    assert (
        f"{path}:4:{ident + 1}: CA003 'c_ward_respons' is not a criterion of raid 1.0.0; did you mean 'c_ward_response'?"
        in out
    )


def test_a_table_without_a_rating_column_cannot_be_scored(raid: Path) -> None:
    rows = [
        [cell for i, cell in enumerate(r) if i != csv_rows(raid)[0].index("rating")]
        for r in csv_rows(raid)
    ]
    path = write_csv(raid / "no-rating.csv", rows)
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    assert code == 2
    assert f"{path}:1:1: CA008 no 'rating' column" in out


# --- XLSX ------------------------------------------------------------------------------------


def test_the_filled_in_workbook_scores_like_the_csv(raid: Path, schwartz: Path) -> None:
    data = scored(rated_xlsx(raid, SPELLED, "filled.xlsx"), raid / "intervention.yaml")
    assert data["exit"] == 0, data["diagnostics"]
    assert (data["total"], data["band"]) == (41, "RAID model in place")

    # A must-pass minimum missed: the total is in a good band, the standard is not met.
    below = [*GOOD]
    below[1] = 3
    data = scored(rated_xlsx(raid, below, "below.xlsx"), raid / "intervention.yaml")
    assert data["must_pass_failed"] == ["c_ed_response"] and data["meets_standard"] is False
    failures = data["must_pass_failures"]
    assert isinstance(failures, list)
    assert [(f["id"], f["rating"], f["minimum"]) for f in failures] == [("c_ed_response", 3, 4)]

    # The other example: every criterion at the top of its scale.
    book = openpyxl.load_workbook(schwartz / "out" / "checklist.xlsx")
    sheet = book["Checklist"]
    header = [c.value for c in sheet[1]]
    tops = [row[header.index("max")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    data = scored(rated_xlsx(schwartz, tops, "top.xlsx"), schwartz / "intervention.yaml")
    assert data["exit"] == 0, data["diagnostics"]
    assert data["total"] == data["range"][1]  # type: ignore[index]
    assert data["lowest_rated"] == []


def test_a_bad_workbook_cell_is_reported_by_its_cell_reference(raid: Path) -> None:
    ratings: list[object] = [*GOOD]
    ratings[2] = "lots"
    path = rated_xlsx(raid, ratings, "bad.xlsx")
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    assert code == 1
    assert f"{path}:S4: CA005 criterion 'c_ward_response': rating 'lots'" in out
    data = scored(path, raid / "intervention.yaml")
    problem = data["diagnostics"][0]  # type: ignore[index]
    assert (problem["cell"], problem["line"], problem["column"]) == ("S4", 4, 19)


def test_a_file_that_is_not_a_workbook_is_refused_with_exit_2(raid: Path) -> None:
    path = raid / "not-a-workbook.xlsx"
    path.write_text("intervention,rating\n", encoding="utf-8")
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(path))
    assert code == 2 and "cannot be read as an XLSX workbook" in out


@pytest.mark.parametrize(
    ("part", "text"),
    [
        ("xl/workbook.xml", b"<x"),  # truncated XML: the parser raises a SyntaxError
        ("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row"),
        ("[Content_Types].xml", b"not xml at all"),
    ],
)
def test_a_workbook_with_broken_parts_is_refused_at_the_file(
    raid: Path, tmp_path: Path, part: str, text: bytes
) -> None:
    """A real zip whose XML is broken: a message at the file and exit 2, never a traceback."""
    import zipfile

    good = raid / "out" / "checklist.xlsx"
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            out.writestr(item, text if item.filename == part else src.read(item.filename))
    code, out = run("score", "--spec", str(raid / "intervention.yaml"), str(broken))
    assert code == 2, out
    assert f"{broken}: " in out and "cannot be read as an XLSX workbook" in out
    assert "internal error" not in out and "Traceback" not in out


def test_without_the_extra_a_workbook_names_the_install_command(
    raid: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codify import assessment, extras

    monkeypatch.setattr(extras, "missing_modules", lambda extra, modules=None: ["openpyxl"])
    result, problems = assessment.read_assessment(raid / "out" / "checklist.xlsx", _spec(raid))
    assert result is None
    assert "pip install 'codify-interventions[xlsx]'" in problems[0].message


def _spec(folder: Path):  # type: ignore[no-untyped-def]
    from codify.loader import load_file
    from codify.model import Intervention

    return Intervention.model_validate(load_file(folder / "intervention.yaml").data)


def test_the_workbook_validates_ratings_and_marks_the_cells_to_fill(raid: Path) -> None:
    book = openpyxl.load_workbook(raid / "out" / "checklist.xlsx")
    sheet = book["Checklist"]
    header = [c.value for c in sheet[1]]
    assert tuple(header) == tuple(csv_rows(raid)[0])  # the same columns as the CSV
    assert sheet.freeze_panes == "A2"
    rules = {}
    for rule in sheet.data_validations.dataValidation:
        for cells in rule.sqref.ranges:
            for row in range(cells.min_row, cells.max_row + 1):
                rules[row] = (rule.type, rule.formula1, rule.formula2)
    assert rules[2] == ("whole", "1", "5")  # c_round_the_clock, rated 1 to 5
    assert rules[8] == ("list", '"yes,no"', None)  # c_consultant_lead, yes/no
    assert sorted(rules) == list(range(2, 13))  # every rating cell, and no other row


def test_spec_text_in_the_workbook_is_never_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(ROOT / "examples" / "raid", folder)
    spec = folder / "intervention.yaml"
    payloads = ['=HYPERLINK("https://example.org/x","click")', "@SUM(1+1)*cmd|' /C calc'!A0"]
    text = spec.read_text(encoding="utf-8")
    text = text.replace(
        "name: Emergency department referrals are seen within 1 hour",
        f"name: {json.dumps(payloads[0])}",
        1,
    )
    text = text.replace(
        "name: Ward referrals are seen within 24 hours", f"name: {json.dumps(payloads[1])}", 1
    )
    spec.write_text(text, encoding="utf-8")
    code, out = run(
        "build", str(folder), "--out", str(folder / "out"), "--only", "checklist", "--force"
    )
    assert code == 0, out
    workbook = folder / "out" / "checklist.xlsx"
    with zipfile.ZipFile(workbook) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere
    cells = openpyxl.load_workbook(workbook)["Checklist"]
    column = [c.value for c in cells[1]].index("criterion") + 1
    for row, payload in ((3, payloads[0]), (4, payloads[1])):
        cell = cells.cell(row=row, column=column)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (payload, "s", True)


def test_the_workbook_is_the_same_bytes_for_the_same_spec(tmp_path: Path, raid: Path) -> None:
    code, out = run("build", str(raid), "--out", str(tmp_path / "again"), "--only", "checklist")
    assert code == 0, out
    assert (tmp_path / "again" / "checklist.xlsx").read_bytes() == (
        raid / "out" / "checklist.xlsx"
    ).read_bytes()
    with zipfile.ZipFile(raid / "out" / "checklist.xlsx") as archive:
        assert b"dcterms:created" not in archive.read("docProps/core.xml")


# --- the site's scorer gets spec text as data ------------------------------------------------


def test_spec_text_reaches_the_site_scorer_as_data_that_cannot_end_its_attribute(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(ROOT / "examples" / "raid", folder)
    spec = folder / "intervention.yaml"
    name = "Seen </script><script>alert(1)</script> & <!-- within 1 hour"
    text = spec.read_text(encoding="utf-8").replace(
        "name: Emergency department referrals are seen within 1 hour",
        f"name: {json.dumps(name)}",
        1,
    )
    spec.write_text(text, encoding="utf-8")
    code, out = run("site", str(folder), "--out", str(tmp_path / "site"), "--force", "-q")
    assert code == 0, out
    page = (tmp_path / "site" / "docs" / "fidelity.md").read_text(encoding="utf-8")
    assert "<script" not in page  # the scorer's data is never in a script element
    found = re.findall(r'data-codify-scoring="([^"]*)"', page)
    assert len(found) == 1
    assert "<" not in found[0] and ">" not in found[0] and "'" not in found[0]
    data = json.loads(html.unescape(found[0]))
    assert data["criteria"][1]["name"] == name
    assert data["intervention"] == "raid" and data["high"] == 47
    assert "RAID model in place" in [b["label"] for b in data["bands"]]
