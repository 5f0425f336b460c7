"""Dates as people know them: ISO 8601 and EDTF levels 0 and 1 in every date field.

A date is checked (the schema's pattern, then codify.dates against the calendar and the edtf
package), kept exactly as written, and printed in words in every output and language: 'around
2000', 'the 2000s', '2014 to 2016'. The fast path accepts exactly what the schema and the model
accept, and citations map the dates to CSL.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML

from codify import dates, structure
from codify.cli import cli
from codify.documents.citations import bibliography, csl_date, csl_json
from codify.loader import load_text
from codify.model import PartialDate, Reference
from codify.phrases import Phrasebook
from tests.conftest import EXAMPLES, ROOT
from tests.test_fast_path import _agree

EN, CY = Phrasebook("en"), Phrasebook("cy")
D = datetime.date

# (as written, in English, in Welsh, earliest day, latest day)
ACCEPTED = [
    ("2009", "2009", "2009", D(2009, 1, 1), D(2009, 12, 31)),
    ("2009-12", "December 2009", "Rhagfyr 2009", D(2009, 12, 1), D(2009, 12, 31)),
    ("2009-12-01", "1 December 2009", "1 Rhagfyr 2009", D(2009, 12, 1), D(2009, 12, 1)),
    ("2020-02-29", "29 February 2020", "29 Chwefror 2020", D(2020, 2, 29), D(2020, 2, 29)),
    ("2000~", "around 2000", "tua 2000", D(2000, 1, 1), D(2000, 12, 31)),
    ("2004?", "2004 (uncertain)", "2004 (ansicr)", D(2004, 1, 1), D(2004, 12, 31)),
    ("2004%", "around 2004 (uncertain)", "tua 2004 (ansicr)", D(2004, 1, 1), D(2004, 12, 31)),
    ("2004-06~", "around June 2004", "tua Mehefin 2004", D(2004, 6, 1), D(2004, 6, 30)),
    ("200X", "the 2000s", "y 2000au", D(2000, 1, 1), D(2009, 12, 31)),
    ("20XX", "some time from 2000 to 2099", "rywbryd rhwng 2000 a 2099", D(2000, 1, 1),
     D(2099, 12, 31)),
    ("201X?", "the 2010s (uncertain)", "y 2010au (ansicr)", D(2010, 1, 1), D(2019, 12, 31)),
    ("2004-XX", "2004", "2004", D(2004, 1, 1), D(2004, 12, 31)),
    ("2004-02-XX", "February 2004", "Chwefror 2004", D(2004, 2, 1), D(2004, 2, 29)),
    ("2001-21", "spring 2001", "gwanwyn 2001", D(2001, 3, 1), D(2001, 5, 31)),
    ("2001-24", "winter 2001", "gaeaf 2001", D(2001, 12, 1), D(2002, 2, 28)),
    ("2014/2016", "2014 to 2016", "2014 i 2016", D(2014, 1, 1), D(2016, 12, 31)),
    ("2014-03/2015", "March 2014 to 2015", "Mawrth 2014 i 2015", D(2014, 3, 1),
     D(2015, 12, 31)),
    ("2004?/2006~", "2004 (uncertain) to around 2006", "2004 (ansicr) i tua 2006",
     D(2004, 1, 1), D(2006, 12, 31)),
    ("2014/2014", "2014 to 2014", "2014 i 2014", D(2014, 1, 1), D(2014, 12, 31)),
    ("../2016", "until 2016", "hyd at 2016", None, D(2016, 12, 31)),
    ("2014-05/..", "from May 2014", "Mai 2014 ymlaen", D(2014, 5, 1), None),
]  # fmt: skip

# (as written, what the message says): each matches the schema's pattern or fails it.
REFUSED = [
    ("2009-13", "there is no month 13 (months are 01 to 12"),
    ("2009-00", "there is no month 00"),
    ("2019-02-29", "there is no day 29 in February 2019, which has 28 days"),
    ("2009-04-31", "there is no day 31 in April 2009"),
    ("2016/2014", "the interval starts after it ends; write the earlier date first, 2014/2016"),
    ("2014-06/2014-05-31", "the interval starts after it ends"),
    ("../..", "an interval needs at least one known end"),
    ("2001-21~", "a season cannot be marked ~"),
    ("2001-22-05", "a season (22, summer) takes no day"),
    ("0000", "codify's dates start at the year 0001"),
    # The pattern refuses these: the message gives the expected forms.
    ("2009/12", dates.EXPECTED),
    ("2009-1", dates.EXPECTED),
    ("12-2009", dates.EXPECTED),
    ("2XXX", dates.EXPECTED),
    ("200X/2010", dates.EXPECTED),
    ("2004-XX-05", dates.EXPECTED),
    ("/2016", dates.EXPECTED),
    ("2000~~", dates.EXPECTED),
    ("2009-12-01T10:00", dates.EXPECTED),
    ("circa 2000", dates.EXPECTED),
    ("\u0662\u0660\u0660\u0669", dates.EXPECTED),  # Arabic-Indic digits: ASCII only
    ("2009\n", dates.EXPECTED),
    ("", dates.EXPECTED),
]


# --- reading, refusing, wording ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "english", "welsh", "first", "last"), ACCEPTED)
def test_each_supported_date_is_read_worded_and_bounded(
    text: str, english: str, welsh: str, first: D | None, last: D | None
) -> None:
    assert dates.check(text) == text
    assert dates.words(text, EN) == english
    assert dates.words(text, CY) == welsh
    assert dates.bounds(text) == (first, last)


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_a_date_no_calendar_has_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(dates.DateError) as refused:
        dates.check(text)
    assert message in str(refused.value)
    with pytest.raises(ValidationError):
        TypeAdapter(PartialDate).validate_python(text)


def test_the_edtf_package_reads_every_extended_date_codify_accepts() -> None:
    from edtf import parse_edtf

    for text, *_ in ACCEPTED:
        parsed = parse_edtf(text)
        # Levels 0 and 1 only: nothing codify accepts needs level 2.
        assert not type(parsed).__name__.startswith(("Level2", "Partial")), text


def test_words_leave_text_that_is_not_a_date_as_written() -> None:
    # Outputs are built from checked specs; an unchecked one still shows the author's text.
    assert dates.words("sometime in 2009", EN) == "sometime in 2009"


# --- one pattern, one truth -----------------------------------------------------------------------


def _schema_pattern() -> str:
    field = typing.get_args(PartialDate)[1]
    return str(field.metadata[0].pattern)


def test_the_model_the_schema_and_the_messages_share_one_pattern() -> None:
    assert _schema_pattern() == dates.PATTERN
    assert structure.PATTERN_FORMATS[dates.PATTERN] == dates.EXPECTED
    schema = json.loads((ROOT / "spec" / "intervention.schema.json").read_text(encoding="utf-8"))
    found = set(re.findall(r'"pattern": ("[^"]*X[^"]*")', json.dumps(schema)))
    assert {json.loads(p) for p in found} == {dates.PATTERN}


def _candidates() -> list[str]:
    """Date-like strings on both sides of every edge of the subset."""
    years = ["2009", "200X", "20XX", "2XXX", "0000", "1999"]
    tails = ["", "-01", "-12", "-13", "-00", "-21", "-24", "-25", "-XX", "-02-29", "-02-28",
             "-04-31", "-12-XX", "-XX-XX", "-XX-01", "-21-01"]  # fmt: skip
    points = [y + t + q for y in years for t in tails for q in ("", "~", "?", "%", "~~")]
    ends = ["2014", "2016-03~", "2001-21", "200X", "..", "", "2014-13"]
    intervals = [f"{a}/{b}" for a in ends for b in ends]
    return points + intervals + ["2009\n", " 2009", "2009 ", "2009-1", "2009/12"]


def test_the_schema_and_the_model_accept_exactly_the_subset() -> None:
    # Whatever the schema's pattern lets through, the model checks against the calendar; the
    # model accepts exactly what both accept, and the edtf package reads every one of them.
    from edtf import parse_edtf

    schema = {"type": "string", "pattern": dates.PATTERN}
    adapter = TypeAdapter(PartialDate)
    accepted = 0
    for text in _candidates():
        by_schema = jsonschema.Draft202012Validator(schema).is_valid(text)
        try:
            dates.check(text)
            by_dates = True
        except dates.DateError:
            by_dates = False
        try:
            adapter.validate_python(text)
            by_model = True
        except ValidationError:
            by_model = False
        assert by_model == (by_schema and by_dates), text
        if by_dates:
            assert by_schema, f"{text!r}: codify.dates accepts what the schema refuses"
            parse_edtf(text)
            accepted += 1
    assert accepted > 40


def test_the_fast_path_accepts_exactly_what_the_schema_and_the_model_accept(
    base_spec: str,
) -> None:
    base = load_text(base_spec).data
    built = 0
    for text in _candidates():
        data = json.loads(json.dumps(base))
        data["origin"]["first_delivered"] = text
        by_schema, made = _agree(base_spec, data)  # and pydantic agrees with what is built
        try:
            by_dates = dates.check(text) == text
        except dates.DateError:
            by_dates = False
        # Everything else in the spec is valid: the fast path builds it exactly when both the
        # schema and the after-validator accept the date.
        assert made == (by_schema and by_dates), text
        built += made
    assert built > 40


# --- in the check ---------------------------------------------------------------------------------


def _raid_with(tmp_path: Path, first_delivered: str) -> tuple[Path, int, int]:
    """A copy of the RAID example (and its material) with `origin.first_delivered` replaced;
    the value's line and column."""
    example = next(p for p in EXAMPLES if p.parent.name == "raid")
    source = example.read_text(encoding="utf-8")
    found = re.search(r'^  first_delivered: ("[^"]*")', source, re.M)
    assert found
    text = source[: found.start(1)] + json.dumps(first_delivered) + source[found.end(1) :]
    line = text.count("\n", 0, found.start(1)) + 1
    column = found.start(1) - text.rfind("\n", 0, found.start(1))
    spec = tmp_path / "raid" / "intervention.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(text, encoding="utf-8")
    for material in example.parent.glob("*.csv"):
        shutil.copy(material, spec.parent / material.name)
    return spec, line, column


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2009-13", "'2009-13' is not valid: there is no month 13 (months are 01 to 12, and 21 "
         "to 24 are the seasons spring, summer, autumn and winter)"),
        ("2016/2014", "'2016/2014' is not valid: the interval starts after it ends; write the "
         "earlier date first, 2014/2016"),
        ("2009/12", f"'2009/12' is not valid; expected {dates.EXPECTED}"),
    ],
)  # fmt: skip
def test_a_refused_date_is_reported_at_its_place_with_what_to_write(
    tmp_path: Path, written: str, message: str
) -> None:
    spec, line, column = _raid_with(tmp_path, written)
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1, result.output
    assert f"{spec}:{line}:{column}: CS004 origin.first_delivered: {message}\n" in result.output


def test_a_date_is_kept_exactly_as_written(tmp_path: Path) -> None:
    # A YAML timestamp (unquoted 2009-12-01) and EDTF marks reach the model as the text written.
    for written, value in (("2009-12-01", "2009-12-01"), ("2000~", "2000~"), ('"200X"', "200X")):
        spec, *_ = _raid_with(tmp_path / written.strip('"'), "PLACEHOLDER")
        text = spec.read_text(encoding="utf-8").replace('"PLACEHOLDER"', written)
        spec.write_text(text, encoding="utf-8")
        from codify.checker import check_file

        found = check_file(spec)
        assert found.spec is not None, found.diagnostics
        assert found.spec.origin.first_delivered == value


def test_a_check_without_extended_dates_never_imports_edtf(tmp_path: Path, base_spec: str) -> None:
    # Plain ISO 8601 (EDTF level 0: a date, or an interval of two) is checked by the standard
    # library, so the hook stays quick; an extended date is read by the edtf package.
    extended, *_ = _raid_with(tmp_path, "2000~")
    found = re.search(r'^  first_delivered: "[^"]*"', base_spec, re.M)
    assert found, "the scaffold gives a first_delivered date"
    plain = tmp_path / "plain" / "intervention.yaml"
    plain.parent.mkdir()
    shown = (
        base_spec[: found.start()] + '  first_delivered: "2014/2016-03"' + base_spec[found.end() :]
    )
    plain.write_text(shown, encoding="utf-8")
    assert not re.search(r"[~?%X]|\.\.", "".join(re.findall(r"\d{4}\S*", shown)))
    probe = (
        "import json, sys\n"
        "from codify.cli import main\n"
        "sys.argv = ['codify', 'check', '-q', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print(json.dumps([code, 'edtf' in sys.modules]))\n"
    )
    for spec, imported in ((str(plain), False), (str(extended), True)):
        proc = subprocess.run(
            [sys.executable, "-c", probe, spec], capture_output=True, text=True, check=False
        )
        assert json.loads(proc.stdout.splitlines()[-1]) == [0, imported], proc.stderr


# --- in every output ------------------------------------------------------------------------------

# Schwartz Rounds with an EDTF date in each kind of date field, and what each prints.
EDITS: list[tuple[tuple[Any, ...], str, str, str]] = [
    (("origin", "first_delivered"), "1997~", "around 1997", "tua 1997"),
    (("licence", "previous_holders", 0, "start"), "2013?", "2013 (uncertain)", "2013 (ansicr)"),
    (("licence", "previous_holders", 0, "end"), "2025-24", "winter 2025", "gaeaf 2025"),
    (("fidelity", "results", 0, "date"), "2017/2018", "2017 to 2018", "2017 i 2018"),
    (("modifications", 0, "date"), "2020-03/..", "from March 2020", "Mawrth 2020 ymlaen"),
    (("adoption", 0, "date"), "201X", "the 2010s", "y 2010au"),
]


def _schwartz_with_edtf(tmp_path: Path) -> Path:
    yaml = YAML()
    source = next(p for p in EXAMPLES if p.parent.name == "schwartz_rounds")
    data = yaml.load(source.read_text(encoding="utf-8"))
    for path, value, *_ in EDITS:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    spec = tmp_path / "spec" / "intervention.yaml"
    spec.parent.mkdir(parents=True)
    with spec.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return spec


def _text_of(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in (".md", ".html", ".csv", ".yaml")
    }


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_output_prints_each_date_in_words(tmp_path: Path, language: str) -> None:
    spec = _schwartz_with_edtf(tmp_path)
    column = 2 if language == "en" else 3
    out = tmp_path / "out"
    built = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--language", language])
    assert built.exit_code == 0, built.output
    site = tmp_path / "site"
    made = CliRunner().invoke(cli, ["site", str(spec), "--out", str(site), "--language", language])
    assert made.exit_code == 0, made.output
    handbook = _text_of(out)
    pages = {k: v for k, v in _text_of(site / "docs").items() if not k.startswith("files/")}
    for name in ("handbook.html", "handbook.md"):
        for edit in EDITS:
            assert edit[column] in handbook[name], f"{name} lacks {edit[column]!r} for {edit[0]}"
    everything = "\n".join(pages.values())
    for edit in EDITS:
        assert edit[column] in everything, f"the site lacks {edit[column]!r} for {edit[0]}"
    # No output prints a date as written in EDTF: not the handbook, the checklist, the blank
    # assessment or any page of the site (the spec's own copy among the downloads aside).
    for name, text in {**handbook, **{f"site/{k}": v for k, v in pages.items()}}.items():
        for _, written, *_ in EDITS:
            assert written not in text, f"{name} prints {written!r} as written"
    assert {"checklist.html", "checklist.md", "checklist.csv", "assessment.yaml"} <= set(handbook)


def test_the_tidier_table_gives_result_dates_in_words(tmp_path: Path) -> None:
    from codify.checker import check_file
    from codify.config import Branding
    from codify.documents.view import build_document

    found = check_file(_schwartz_with_edtf(tmp_path))
    assert found.spec is not None
    doc = build_document(found.spec, Branding(), book=EN)
    answers = [" ".join(row.answer) for row in doc.tidier if row.row.item.number == 12]
    assert answers and "(2017 to 2018)" in answers[0]


def test_the_date_words_filter_writes_nothing_for_no_date() -> None:
    from codify.render.filters import filters

    date_words = filters(CY)["date_words"]
    assert date_words(None) == ""
    assert date_words("2009-12") == "Rhagfyr 2009"


# --- citations --------------------------------------------------------------------------------


def _page(accessed: str | None = None, **fields: Any) -> Reference:
    return Reference.model_validate(
        {"id": "p", "type": "webpage", "authors": [{"literal": "NHS England"}],
         "title": "A page", "url": "https://example.org/p", "accessed": accessed, **fields}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("written", "csl"),
    [
        ("2024-02-19", {"date-parts": [[2024, 2, 19]]}),
        ("2026~", {"date-parts": [[2026]], "circa": True}),
        ("2026-03?", {"date-parts": [[2026, 3]], "circa": True}),
        ("2025/2026", {"date-parts": [[2025], [2026]]}),
        ("2025-11/2026-01%", {"date-parts": [[2025, 11], [2026, 1]], "circa": True}),
        ("202X", {"date-parts": [[2020], [2029]]}),
        ("2026-21", {"date-parts": [[2026]], "season": 1}),
        ("2025-24/2026", {"date-parts": [[2025, 12], [2026]]}),
        ("2024/..", {"literal": "from 2024"}),
        ("../2026", {"literal": "until 2026"}),
    ],
)
def test_dates_map_to_csl(written: str, csl: dict[str, Any]) -> None:
    assert csl_date(written) == csl
    assert csl_json(_page(written))["accessed"] == csl


def test_open_intervals_are_cited_in_the_documents_language() -> None:
    assert csl_date("2024/..", CY) == {"literal": "2024 ymlaen"}


@pytest.mark.parametrize("style", ["vancouver", "harvard", "apa"])
def test_approximate_undated_and_interval_dates_are_cited(style: str) -> None:
    refs = [
        _page("2025/2026"),
        _page("2026~", id="q", authors=[{"literal": "NHS Wales"}]),
        _page("2024/..", id="r", authors=[{"literal": "HSE"}]),
        _page(None, id="s", authors=[{"literal": "King's Fund"}], type="report", url=None),
    ]
    cited = bibliography(refs, style).citations
    entries = {refs[c.index].id: c.entry.markdown() for c in cited}
    assert "2025–2026" in entries["p"]
    assert "2026" in entries["q"] and "~" not in entries["q"]
    assert "from 2024" in entries["r"]
    assert "King's Fund" in entries["s"]
    if style != "vancouver":  # author-date styles say an undated work has no date
        assert any(w in entries["s"] for w in ("n.d.", "no date"))


def test_an_access_date_the_style_leaves_out_is_printed_in_words() -> None:
    # A report with no URL: Vancouver prints its access date nowhere, so codify adds it.
    report = _page("2026~", type="report", url=None)
    entry = bibliography([report], "vancouver").citations[0].entry.markdown()
    assert "(accessed around 2026)" in entry
    welsh = bibliography([report], "vancouver", CY).citations[0].entry.markdown()
    assert "tua 2026" in welsh


def test_the_days_in_a_month_are_the_calendars() -> None:
    """codify.dates counts days itself (the calendar module costs the check its import)."""
    import calendar

    from codify.dates import days_in

    for year in (1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            assert days_in(year, month) == calendar.monthrange(year, month)[1], (year, month)


def test_winter_9999_ends_on_the_calendars_last_day() -> None:
    """A season that runs into the year 10000 ends at the last day a date can hold, not in an
    error: the format accepts `9999-24`, so every rule that bounds it must be able to."""
    assert dates.parse("9999-24").bounds() == (D(9999, 12, 1), D.max)


@pytest.mark.parametrize(
    ("newer", "older", "until", "found"),
    [
        ("2023-05", "2024", None, ["date"]),  # certainly earlier: reported
        ("2024-03", "2024", None, []),  # may be the same year: no contradiction
        ("2025-01-10~", "2025-01-12", None, []),  # approximate: contradicts nothing
        ("2024?", "2025-01", None, []),  # uncertain
        ("2024%", "2025", None, []),
        ("200X", "2005", None, []),  # any year of the decade
        ("../2024", "2023", None, []),  # an open start
        ("9999-24", "9999-01", None, []),  # winter 9999, to the calendar's end
        ("2025-03-01", "2024", "2024-12", ["transition"]),  # ends before its release
        ("2025-03-01", "2024", "2025-02~", []),
        ("2025", "2024", "2025", []),
    ],
)
def test_the_historys_dates_are_held_to_its_order_only_where_they_contradict_it(
    newer: str, older: str, until: str | None, found: list[str]
) -> None:
    from types import SimpleNamespace

    from codify.history import history_findings

    transition = SimpleNamespace(until=until) if until else None
    releases = [
        SimpleNamespace(version="0.2.0", date=newer, transition=transition),
        SimpleNamespace(version="0.1.0", date=older, transition=None),
    ]
    spec = SimpleNamespace(history=releases, version="0.2.0")
    kinds = [path[2] for path, _ in history_findings(spec)]  # type: ignore[arg-type]
    assert kinds == found
