"""Score a filled-in fidelity assessment: the assessment.yaml, checklist.csv or checklist.xlsx
that `codify build` writes, or the YAML and CSV the site's checklist page exports.

An assessor rates each criterion; this module checks the ratings against the spec's scales,
adds them up, finds the band, applies the must-pass minimums and says whether the site meets
the standard. Problems carry the position in the assessment file, like every other diagnostic:
line and column in YAML, the row and column a spreadsheet shows in CSV, and the cell (C7) in
XLSX. `read_assessment` is the entry point for callers; `score` works on a loaded Document.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codify.codes import (
    BAD_ASSESSMENT,
    CODES,
    INVALID_VALUE,
    MISSING_CRITERION,
    NOT_RATED,
    OFF_SCALE,
    OTHER_VERSION,
    STATED_RESULT_DIFFERS,
    UNKNOWN_CRITERION,
    UNREADABLE_FILE,
    WRONG_INTERVENTION,
)
from codify.diagnostics import Diagnostic, Severity
from codify.loader import Document, JsonPath, LoadError, Pos, kind_of, load_text, read_text
from codify.model import Band, Criterion, Intervention
from codify.structure import (
    UNSAFE_CHARACTERS,
    Suggester,
    SuggestionBudget,
    character_name,
    format_path,
    shown,
)

__all__ = [
    "TABLE_COLUMNS",
    "CriterionScore",
    "Score",
    "cell_name",
    "load_assessment",
    "read_assessment",
    "score",
]

_KEYS = {
    "intervention",
    "version",
    "site",
    "date",
    "assessors",
    "criteria",
    "total",
    "must_pass_met",
    "band",
    "actions",
    "next_assessment",
}
_ENTRY_KEYS = {"id", "rating", "evidence"}


@dataclass(frozen=True)
class CriterionScore:
    """One criterion's line of the breakdown: its rating (None if unrated) and its scale."""

    criterion: Criterion
    rating: int | None
    low: int
    high: int
    off_scale: bool = False  # rated, but not with a score on its scale (reported as CA005)

    @property
    def below_minimum(self) -> bool:
        """True when the criterion is rated below its must-pass minimum."""
        minimum = self.criterion.minimum
        return self.rating is not None and minimum is not None and self.rating < minimum

    @property
    def share(self) -> float | None:
        """Where the rating sits on its own scale, 0 (lowest) to 1 (highest); None if unrated."""
        if self.rating is None:
            return None
        return (self.rating - self.low) / (self.high - self.low) if self.high > self.low else 1.0


@dataclass
class Score:
    """The outcome of scoring one assessment.

    `breakdown` has one entry per criterion of the spec, in checklist order, rated or not;
    `total`, `band` and `failed_minimums` are set only once every criterion is rated and no
    error was found. `site` and `date` are the assessment's own, when it gives them as text.
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    total: int | None = None
    lowest: int = 0
    highest: int = 0
    band: Band | None = None
    failed_minimums: list[Criterion] = field(default_factory=list)
    rated: int = 0
    criteria: int = 0
    breakdown: list[CriterionScore] = field(default_factory=list)
    site: str | None = None
    date: str | None = None

    @property
    def meets_standard(self) -> bool | None:
        """True or False once every criterion is rated; None before."""
        if self.total is None or self.band is None:
            return None
        return self.band.meets_standard and not self.failed_minimums

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(d.severity is Severity.error for d in self.diagnostics)

    def lowest_rated(self, limit: int = 3) -> list[CriterionScore]:
        """The rated criteria furthest down their own scales, at most `limit`, worst first.

        Scales differ (yes/no, 1 to 5, 0 to 3), so each rating is compared as a share of its
        own scale; a criterion at the top of its scale is never listed, and ties keep
        checklist order.
        """
        rated = [e for e in self.breakdown if e.share is not None and e.share < 1]
        return sorted(rated, key=lambda e: e.share or 0.0)[:limit]


def score(doc: Document, spec: Intervention) -> Score:
    """Check the assessment in `doc` against `spec` and compute its result."""
    from codify.scoring import criterion_range, scale_range

    if spec.fidelity is None:
        raise ValueError("the spec sets no fidelity criteria to score against")
    fidelity = spec.fidelity
    result = Score(criteria=len(fidelity.criteria))
    result.lowest, result.highest = scale_range(spec)
    data: dict[str, Any] = doc.data

    def problem(path: JsonPath, code: str, message: str, *, key: bool = False) -> None:
        severity = CODES[code].severity
        line, col = doc.position(path, key=key)
        result.diagnostics.append(Diagnostic(doc.path, line, col, code, message, severity))

    # An assessment is untrusted like a spec: the same characters CR017 refuses in a spec
    # are refused here, at their place, and every value a message repeats goes through shown().
    for at, char, is_key in _hidden_characters(data):
        if is_key:
            parent = f" in {format_path(at[:-1])}" if len(at) > 1 else ""
            what = f"the key {shown(at[-1])}{parent}"
        else:
            what = format_path(at)
        problem(
            at,
            BAD_ASSESSMENT,
            f"{what} contains the character {character_name(char)}; remove it",
            key=is_key,
        )
    # One budget for the file's did-you-mean hints: thousands of typos cost bounded time.
    budget = SuggestionBudget()
    key_hints = Suggester(_KEYS, budget)
    for key in sorted(set(data) - _KEYS, key=str):
        problem((key,), BAD_ASSESSMENT, f"unknown key {shown(key)}{key_hints.hint(key)}", key=True)
    if data.get("intervention") != spec.id:
        problem(
            ("intervention",),
            WRONG_INTERVENTION,
            f"the assessment is for {shown(data.get('intervention'))}, the spec is '{spec.id}'",
        )
    if data.get("version") is not None and str(data.get("version")) != spec.version:
        problem(
            ("version",),
            OTHER_VERSION,
            f"assessed against version {shown(data['version'])}; "
            f"the spec is version {spec.version}",
        )

    entries = data.get("criteria")
    if not isinstance(entries, list):
        problem(("criteria",), BAD_ASSESSMENT, f"criteria: expected a list, got {kind_of(entries)}")
        entries = []
    by_id = {c.id: c for c in fidelity.criteria}
    id_hints = Suggester(by_id, budget)
    ratings: dict[str, int] = {}
    off_scale: set[str] = set()
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where: JsonPath = ("criteria", i)
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problem(where, BAD_ASSESSMENT, f"criteria[{i}]: expected a mapping with an id")
            continue
        for key in sorted(set(entry) - _ENTRY_KEYS, key=str):
            problem(
                (*where, key), BAD_ASSESSMENT, f"criteria[{i}]: unknown key {shown(key)}", key=True
            )
        ident = entry["id"]
        criterion = by_id.get(ident)
        if criterion is None:
            problem(
                (*where, "id"),
                UNKNOWN_CRITERION,
                f"{shown(ident)} is not a criterion of {spec.id} {spec.version}"
                f"{id_hints.hint(ident)}",
            )
            continue
        if ident in seen:
            problem((*where, "id"), UNKNOWN_CRITERION, f"criterion '{ident}' is rated twice")
            continue
        seen.add(ident)
        raw = entry.get("rating")
        rating = _rating(raw, criterion)
        if rating is None:
            problem((*where, "rating"), NOT_RATED, f"criterion '{ident}' is not rated yet")
            continue
        low, high = criterion_range(criterion)
        if not isinstance(rating, int) or not low <= rating <= high:
            spelled = " (or yes/no)" if criterion.scale.kind == "yes_no" else ""
            problem(
                (*where, "rating"),
                OFF_SCALE,
                f"criterion '{ident}': rating {shown(raw)} is not on its scale, "
                f"{low} to {high}{spelled}",
            )
            off_scale.add(ident)
            continue
        ratings[ident] = rating
    for criterion in fidelity.criteria:
        if criterion.id not in seen:
            problem(
                ("criteria",),
                MISSING_CRITERION,
                f"criterion '{criterion.id}' ({criterion.name}) is missing",
            )

    result.rated = len(ratings)
    result.breakdown = [
        CriterionScore(c, ratings.get(c.id), *criterion_range(c), off_scale=c.id in off_scale)
        for c in fidelity.criteria
    ]
    for key in ("site", "date"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            setattr(result, key, value.strip())
    wrong_day = day_problem(data.get("date"))
    if wrong_day is not None:
        # A network report leaves out an assessment it cannot place in time: said here first.
        problem(("date",), INVALID_VALUE, wrong_day)
    if len(ratings) == len(by_id) and not result.errors:
        result.total = sum(ratings.values())
        result.band = next((b for b in fidelity.bands if b.min <= result.total <= b.max), None)
        result.failed_minimums = [
            c for c in fidelity.criteria if c.minimum is not None and ratings[c.id] < c.minimum
        ]
        _compare_stated(data, result, problem)
    if isinstance(doc, _Table) and doc.cells:
        result.diagnostics = [_at_cell(d, True) for d in result.diagnostics]
    return result


# Spellings of yes and no a spreadsheet, a form or a person may use, compared in lower case.
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_OFF = object()  # a rating that is there but is no number on any scale
_NUMBER = re.compile(r"[-+]?[0-9]{1,12}(\.0*)?")


def _rating(value: Any, criterion: Criterion) -> int | object | None:
    """A rating as an integer, None when not given, or _OFF when it cannot be one.

    Accepted: integers; whole floats (4.0, as spreadsheets store numbers); numbers written as
    text ("4", " 4 ", "4.0"); and for a yes/no criterion, YAML's true/false and the usual
    spellings of yes and no in any case. An empty cell is not rated yet. Whether the number
    is on the criterion's scale is checked by the caller.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    yes_no = criterion.scale.kind == "yes_no"
    if isinstance(value, bool):
        return int(value) if yes_no else _OFF
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else _OFF
    if not isinstance(value, str):
        return _OFF
    text = value.strip().lower()
    if yes_no and text in _YES:
        return 1
    if yes_no and text in _NO:
        return 0
    if _NUMBER.fullmatch(text):
        return int(text.split(".")[0])
    return _OFF


def _hidden_characters(data: Any) -> list[tuple[JsonPath, str, bool]]:
    """Every key and text value holding a control character: (where, the character, is a key).

    Walked with an explicit stack: the loader bounds the depth, but recursion is not needed.
    """
    found: list[tuple[JsonPath, str, bool]] = []
    stack: list[tuple[JsonPath, Any]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            bad = UNSAFE_CHARACTERS.search(value)
            if bad is not None:
                found.append((where, bad[0], False))
        elif isinstance(value, dict):
            for key, item in value.items():
                bad = UNSAFE_CHARACTERS.search(key) if isinstance(key, str) else None
                if bad is not None:
                    found.append(((*where, key), bad[0], True))
                stack.append(((*where, key), item))
        elif isinstance(value, list):
            stack.extend(((*where, i), item) for i, item in enumerate(value))
    return found


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_problem(stated: object) -> str | None:
    """Why an assessment's `date` is not a day (YYYY-MM-DD), or None if it is one or is blank.

    One rule for `codify score` and `codify network`, which places each assessment in time.
    """
    if stated in (None, ""):
        return None
    if isinstance(stated, datetime.date) and not isinstance(stated, datetime.datetime):
        return None
    text = str(stated).strip()
    # fromisoformat alone would also take 20260915 and week dates such as 2026-W38-2.
    try:
        if _DAY.fullmatch(text) and datetime.date.fromisoformat(text):
            return None
    except ValueError:  # the shape of a day, but no such day (2026-02-30)
        pass
    return f"date {shown(text)} is not a day written YYYY-MM-DD"


_LISTED_FAILURES = 5  # must-pass criteria a CA006 finding names before it counts the rest


def _compare_stated(data: dict[str, Any], result: Score, problem: Any) -> None:
    """Report stated results that differ from the computed ones."""
    stated_total = data.get("total")
    if stated_total is not None and stated_total != result.total:
        problem(
            ("total",),
            STATED_RESULT_DIFFERS,
            f"total is {shown(stated_total)}, but the ratings add up to {result.total}",
        )
    stated_band = data.get("band")
    if stated_band is not None and result.band is not None and stated_band != result.band.label:
        problem(
            ("band",),
            STATED_RESULT_DIFFERS,
            f"band is {shown(stated_band)}, but a total of {result.total} "
            f"is in '{result.band.label}'",
        )
    stated_pass = data.get("must_pass_met")
    if stated_pass is not None and stated_pass != (not result.failed_minimums):
        failed = result.failed_minimums
        if not isinstance(stated_pass, bool):
            actual = f"it takes true or false: here it is {str(not failed).lower()}"
        elif not any(e.criterion.minimum is not None for e in result.breakdown):
            actual = "no criterion has a must-pass minimum, so it is true"
        elif failed:
            names = ", ".join(shown(c.name, 60) for c in failed[:_LISTED_FAILURES])
            more = (
                f" and {len(failed) - _LISTED_FAILURES} more"
                if len(failed) > _LISTED_FAILURES
                else ""
            )
            actual = (
                f"{len(failed)} must-pass criteri{'on is' if len(failed) == 1 else 'a are'} "
                f"below {'its' if len(failed) == 1 else 'their'} minimum: {names}{more}"
            )
        else:
            actual = "every must-pass criterion reaches its minimum"
        problem(
            ("must_pass_met",),
            STATED_RESULT_DIFFERS,
            f"must_pass_met is {shown(stated_pass)}, but {actual}",
        )


# --- reading CSV and XLSX checklists ------------------------------------------------------------

# The columns codify reads from a checklist table (the checklist.csv or checklist.xlsx that
# `codify build` writes, or the CSV the site's checklist page exports). Every other column
# describes the criterion for the assessor and is left alone, as are columns people add.
TABLE_COLUMNS = (
    "intervention",
    "version",
    "criterion_id",
    "rating",
    "evidence",
    "site",
    "date",
    "assessors",
)
_REQUIRED_COLUMNS = ("criterion_id", "rating")
# Once per table, not per criterion: taken from the first row that fills them in.
_ONCE_COLUMNS = ("intervention", "version", "site", "date", "assessors")
# A checklist has a row per criterion: far fewer than this. The bounds keep a hostile
# workbook (a sheet claiming a million rows) from costing more than a real one.
MAX_TABLE_ROWS = 10_000
MAX_TABLE_COLUMNS = 200
# A text cell the writers protected from formula evaluation starts with an apostrophe.
_QUOTED_FORMULA = re.compile("'(?=[\\s=+\\-@|%\uff1d\uff0b\uff0d\uff20])")

Row = tuple[int, list[Any]]  # a spreadsheet row number (the header is usually 1) and its cells


class _Table(Document):
    """An assessment read from a table; with `cells`, positions are shown as cells (C7)."""

    __slots__ = ("cells",)

    def __init__(
        self,
        path: str,
        data: Any,
        positions: dict[JsonPath, Pos],
        key_positions: dict[JsonPath, Pos],
        *,
        cells: bool = False,
    ) -> None:
        super().__init__(path, data, positions, key_positions)
        self.cells = cells


def read_assessment(
    path: Path, spec: Intervention, display: str | None = None
) -> tuple[Score | None, list[Diagnostic]]:
    """Read one filled-in assessment (YAML, CSV or XLSX, by suffix) and score it against `spec`.

    Returns the Score and its diagnostics, or None and the one diagnostic saying why the file
    could not be read at all (unreadable, not YAML/CSV/XLSX, no rating column, or an XLSX file
    without the 'xlsx' extra). Never raises for bad input. `display` is the path shown in
    messages (default: `path` as given). `spec` must have fidelity criteria.
    """
    try:
        doc = load_assessment(path, display)
    except LoadError as exc:
        return None, [exc.diagnostic]
    result = score(doc, spec)
    return result, result.diagnostics


def load_assessment(path: Path, display: str | None = None) -> Document:
    """Load an assessment file into a Document by its suffix: .csv, .xlsx, or else YAML.

    A table becomes the same data as assessment.yaml (intervention, version, criteria with
    id, rating and evidence), with each value's position at its cell, so that `score` checks
    all three alike. Raises LoadError with a positioned diagnostic.
    """
    name = display if display is not None else str(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _table_document(_csv_rows(read_text(path, name), name), name, cells=False)
    if suffix == ".xlsx":
        from codify.loader import read_untrusted

        return _table_document(_xlsx_rows(read_untrusted(path, name), name), name, cells=True)
    return load_text(read_text(path, name), name, kind="assessment")


def _csv_rows(text: str, name: str) -> list[Row]:
    """The records of a CSV file, numbered as a spreadsheet numbers its rows.

    A spreadsheet saved in a locale whose decimal mark is a comma uses semicolons (or tabs)
    between cells; the header line says which.
    """
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    try:
        for number, cells in enumerate(reader, 1):
            if number > MAX_TABLE_ROWS:
                raise _table_error(name, number, 1, f"more than {MAX_TABLE_ROWS:,} rows")
            rows.append((number, cells[:MAX_TABLE_COLUMNS]))
    except csv.Error as exc:
        raise _table_error(name, reader.line_num, 1, f"cannot be read as CSV: {exc}") from None
    return rows


def _xlsx_rows(raw: bytes, name: str) -> list[Row]:
    """The rows of the workbook's Checklist sheet (or its first sheet), cell values only.

    Formulas count by the value the spreadsheet last computed for them (data_only): codify
    never evaluates anything. openpyxl reads the sheet as a stream (read_only).
    """
    from codify.extras import install_command, missing_modules

    if missing_modules("xlsx"):
        raise LoadError(
            Diagnostic(
                name,
                0,
                0,
                UNREADABLE_FILE,
                "reading an XLSX checklist needs the 'xlsx' extra, which is not installed; "
                f"install it with {install_command('xlsx')}, or save the sheet as CSV",
            )
        )

    import openpyxl

    # The file is untrusted and openpyxl reads zip, XML and numbers from it: whatever it raises
    # (a bad zip, truncated XML as a SyntaxError, a zlib error, a malformed part) means only that
    # this file cannot be read, which is said at the file, never as an internal error.
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:
        why = str(exc) or type(exc).__name__
        raise _table_error(name, 0, 0, f"cannot be read as an XLSX workbook: {why}") from None
    try:
        sheets = book.worksheets
        if not sheets:
            raise _table_error(name, 0, 0, "the workbook has no worksheet")
        sheet = book["Checklist"] if "Checklist" in book.sheetnames else sheets[0]
        rows: list[Row] = []
        # Rows are as wide as the sheet says it is (openpyxl pads each to that), and never
        # wider than MAX_TABLE_COLUMNS, whatever a hostile file claims.
        width = min(sheet.max_column or MAX_TABLE_COLUMNS, MAX_TABLE_COLUMNS)
        for number, cells in enumerate(sheet.iter_rows(max_col=width, values_only=True), 1):
            if number > MAX_TABLE_ROWS:
                raise _table_error(name, number, 1, f"more than {MAX_TABLE_ROWS:,} rows")
            rows.append((number, [_xlsx_value(v) for v in cells]))
    except LoadError:
        raise
    except Exception as exc:  # as above: the sheet's parts are read only now
        why = str(exc) or type(exc).__name__
        raise _table_error(name, 0, 0, f"cannot be read as an XLSX workbook: {why}") from None
    finally:
        book.close()
    return rows


def _xlsx_value(value: Any) -> Any:
    """A cell's value as YAML would give it: dates as ISO text, other types as they are."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _table_document(rows: list[Row], name: str, *, cells: bool) -> Document:
    """The assessment a checklist table holds, with every value's position at its cell."""
    header_at = next((i for i, (_, row) in enumerate(rows) if any(_filled(v) for v in row)), None)
    if header_at is None:
        raise _table_error(name, 0, 0, "the file is empty; fill in the checklist codify built")
    header_row, header = rows[header_at]
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        key = str(title).strip().lower().replace(" ", "_") if _filled(title) else ""
        columns.setdefault(key, index)
    if "criterion_id" not in columns and "id" in columns:
        columns["criterion_id"] = columns["id"]
    for needed in _REQUIRED_COLUMNS:
        if needed not in columns:
            raise _table_error(
                name,
                header_row,
                1,
                f"no {needed!r} column: the first row must name the columns, as in the "
                "checklist that codify build writes",
                cells=cells,
            )
    data: dict[str, Any] = {"criteria": []}
    positions: dict[JsonPath, tuple[int, int]] = {
        (): (header_row, 1),
        ("criteria",): (header_row, columns["criterion_id"] + 1),
    }

    def cell(row: list[Any], column: str) -> Any:
        index = columns.get(column)
        value = row[index] if index is not None and index < len(row) else None
        if isinstance(value, str):
            value = _QUOTED_FORMULA.sub("", value, count=1) if value.startswith("'") else value
            return value.strip() if column != "evidence" else value
        return value

    for number, row in rows[header_at + 1 :]:
        if not any(_filled(v) for v in row):
            continue
        for column in _ONCE_COLUMNS:
            value = cell(row, column)
            if column not in data and _filled(value):
                data[column] = str(value) if column == "version" else value
                positions[(column,)] = (number, columns[column] + 1)
        ident = cell(row, "criterion_id")
        entry: dict[str, Any] = {
            "id": str(ident) if isinstance(ident, (int, float)) else ident or None
        }
        rating = cell(row, "rating")
        entry["rating"] = rating if _filled(rating) else None
        evidence = cell(row, "evidence")
        if isinstance(evidence, str) and evidence.strip():
            entry["evidence"] = evidence
        where: JsonPath = ("criteria", len(data["criteria"]))
        positions[where] = positions[(*where, "id")] = (number, columns["criterion_id"] + 1)
        positions[(*where, "rating")] = (number, columns["rating"] + 1)
        data["criteria"].append(entry)
    if isinstance(data.get("assessors"), str):
        data["assessors"] = [a.strip() for a in data["assessors"].split(";") if a.strip()]
    return _Table(name, data, positions, dict(positions), cells=cells)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _table_error(
    name: str, row: int, column: int, message: str, *, cells: bool = False
) -> LoadError:
    return LoadError(_at_cell(Diagnostic(name, row, column, BAD_ASSESSMENT, message), cells))


def _at_cell(d: Diagnostic, cells: bool) -> Diagnostic:
    """`d` located by its spreadsheet cell (C7) when the assessment is a workbook."""
    return d.replace(cell=cell_name(d.line, d.column)) if cells and d.line else d


def cell_name(row: int, column: int) -> str:
    """A spreadsheet's name for a cell: column 3 of row 7 is C7, column 28 is AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"
