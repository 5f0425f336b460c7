"""References through a real citation engine: citeproc-py with the three shipped CSL styles.

Each output (handbook.html, handbook.md, the site) cites and lists references the one way the
settings' `citation_style` says; corporate authors stay whole; ambiguous author-date cites get
year suffixes (2012a, 2012b; n.d.-a, n.d.-b); the 1.x line of authors still builds, with CR025;
bibliographies import from BibTeX, RIS and CSL-JSON; and hostile text in a reference stays text.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from codify.cli import cli
from codify.documents.citations import bibliography, csl_json, markdown_text, reference_type
from codify.model import Reference
from tests.conftest import reader_text

FIXTURE = Path(__file__).parent / "fixtures" / "every_field.yaml"
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"]
NICE = "National Institute for Health and Care Excellence"


def ref(**fields: Any) -> Reference:
    return Reference.model_validate({"id": "r", "title": "A title", **fields})


# --- the engine ------------------------------------------------------------------------------


def test_a_corporate_author_is_never_split() -> None:
    for authors in (NICE, [{"literal": NICE}]):
        for style in ("vancouver", "harvard", "apa"):
            cited = bibliography([ref(authors=authors, year=2020)], style).citations[0]
            assert cited.entry.text.startswith(NICE), (style, cited.entry.text)
            if style != "vancouver":
                assert cited.label == f"{NICE}, 2020", style


def test_a_line_of_authors_is_cited_whole_never_split_on_and_or_commas() -> None:
    line = "Department of Health and Social Care, Smith J & Jones K"
    for style in ("vancouver", "harvard", "apa"):
        cited = bibliography([ref(authors=line, year=2019)], style).citations[0]
        assert line in cited.entry.text, style
        assert "et al" not in cited.entry.text + cited.label, style


def test_people_are_cited_as_the_style_names_them() -> None:
    people = [
        {"family": "Maben", "given": "Jill"},
        {"family": "Taylor", "given": "Cath"},
        {"family": "Leamy", "given": "MC"},
    ]
    r = ref(authors=people, year=2018, type="article-journal", publisher="BMJ Open")
    vancouver = bibliography([r], "vancouver").citations[0]
    assert vancouver.label == "1"
    assert vancouver.entry.text.startswith("Maben J, Taylor C, Leamy MC. A title. BMJ Open. 2018")
    harvard = bibliography([r], "harvard").citations[0]
    assert harvard.label == "Maben, Taylor and Leamy, 2018"
    assert harvard.entry.text.startswith("Maben, J., Taylor, C. and Leamy, M.C. (2018)")
    apa = bibliography([r], "apa").citations[0]
    assert apa.label == "Maben et al., 2018"
    assert apa.entry.text.startswith("Maben, J., Taylor, C., & Leamy, M. C. (2018).")


def test_same_author_same_year_and_undated_works_get_year_suffixes() -> None:
    refs = [
        ref(id="beta", authors=[{"family": "Cottrell", "given": "S"}], year=2012, title="Beta"),
        ref(id="alpha", authors=[{"family": "Cottrell", "given": "S"}], year=2012, title="Alpha"),
        ref(id="undated-b", authors=[{"literal": NICE}], title="Guideline B"),
        ref(id="undated-a", authors=[{"literal": NICE}], title="Guideline A"),
        ref(id="other", authors=[{"family": "Cottrell", "given": "S"}], year=2013, title="Gamma"),
    ]
    # Suffixes follow the list's order, which is by title within one author and year.
    harvard = {refs[c.index].id: c.label for c in bibliography(refs, "harvard").citations}
    assert harvard == {
        "alpha": "Cottrell, 2012a",
        "beta": "Cottrell, 2012b",
        "other": "Cottrell, 2013",
        "undated-a": f"{NICE}, no date a",
        "undated-b": f"{NICE}, no date b",
    }
    apa = bibliography(refs, "apa")
    labels = {refs[c.index].id: c.label for c in apa.citations}
    assert labels["alpha"] == "Cottrell, 2012a" and labels["undated-b"] == f"{NICE}, n.d.-b"
    entries = {refs[c.index].id: c.entry.text for c in apa.citations}
    assert entries["alpha"].startswith("Cottrell, S. (2012a). Alpha")
    assert entries["undated-a"].startswith(f"{NICE}. (n.d.-a). Guideline A")
    # A numbered style needs no suffix: every work has its own number, in the spec's order.
    vancouver = bibliography(refs, "vancouver")
    assert [c.label for c in vancouver.citations] == ["1", "2", "3", "4", "5"]
    assert not any("2012a" in c.entry.text for c in vancouver.citations)


def test_author_date_lists_are_sorted_and_numbered_lists_keep_the_spec_order() -> None:
    refs = [ref(id=n, authors=[{"family": n.title()}], year=2020) for n in ("zed", "amos")]
    assert [refs[c.index].id for c in bibliography(refs, "vancouver").citations] == ["zed", "amos"]
    assert bibliography(refs, "vancouver").numbered
    harvard = bibliography(refs, "harvard")
    assert [refs[c.index].id for c in harvard.citations] == ["amos", "zed"]
    assert not harvard.numbered


def test_fields_map_to_csl_json() -> None:
    r = ref(
        authors=[{"family": "Maben", "given": "Jill"}, {"literal": NICE}],
        year=2018,
        accessed="2024-02-19",
        publisher="Health Services and Delivery Research",
        details="6(12):1-120",
        doi="10.3310/hsdr06120",
        url="https://example.org/a",
    )
    assert csl_json(r) == {
        "id": "r",
        "type": "article-journal",
        "author": [{"family": "Maben", "given": "Jill"}, {"literal": NICE}],
        "title": "A title",
        "issued": {"date-parts": [[2018]]},
        "accessed": {"date-parts": [[2024, 2, 19]]},
        "container-title": "Health Services and Delivery Research",
        "volume": "6(12):1-120",
        "DOI": "10.3310/hsdr06120",
        "URL": "https://example.org/a",
    }
    assert reference_type(ref(authors="X", details="21:392")) == "article-journal"
    assert reference_type(ref(authors="X", url="https://a.org")) == "webpage"
    assert reference_type(ref(authors="X", year=2020, url="https://a.org")) == "report"
    assert reference_type(ref(authors="X", type="book", doi="10.1/x")) == "book"
    report = csl_json(ref(authors="X", publisher="NHS England", details="Gateway 05958"))
    assert report["publisher"] == "NHS England" and report["note"] == "Gateway 05958"


def test_what_a_style_leaves_out_is_printed_after_the_entry() -> None:
    r = ref(authors=[{"literal": NICE}], accessed="2026", details="For members only.")
    for style in ("vancouver", "harvard", "apa"):
        text = bibliography([r], style).citations[0].entry.text
        assert text.endswith("For members only. (accessed 2026)."), (style, text)


def test_a_url_beside_a_doi_is_kept_when_the_style_drops_it() -> None:
    r = ref(
        authors=[{"family": "Okafor", "given": "A"}],
        year=2018,
        publisher="Journal of Night Nursing",
        doi="10.5555/x",
        url="https://example.org/free-text",
    )
    for style in ("vancouver", "harvard", "apa"):
        entry = bibliography([r], style).citations[0].entry
        links = [run.href for run in entry.runs if run.href]
        assert links.count("https://example.org/free-text") == 1, (style, entry.text)
        assert "https://doi.org/10.5555/x" in links, style


def test_a_welsh_document_cites_in_the_welsh_locale() -> None:
    from codify.phrases import Phrasebook

    r = ref(authors=[{"literal": NICE}])
    english = bibliography([r], "harvard").citations[0].label
    welsh = bibliography([r], "harvard", Phrasebook("cy")).citations[0].label
    assert english == f"{NICE}, no date" and welsh != english and welsh.startswith(NICE)


# --- escaping --------------------------------------------------------------------------------

HOSTILE = "<b>bold</b> <script>alert(1)</script> [click](javascript:alert(1)) a|b {: onclick=x } {{ 7+7 }} `c` *e* _u_ ~~s~~ &lt;"


def test_markdown_text_is_inert_in_every_dialect() -> None:
    shown = markdown_text(HOSTILE)
    rendered = markdown.markdown(shown, extensions=SITE_EXTENSIONS)
    parsed = _parse(rendered)
    assert parsed.tags == {"p"} and parsed.attrs == [], rendered
    assert "|" not in shown and "{" not in shown
    assert _text(rendered) == HOSTILE.replace("&lt;", "&lt;")


def test_entries_escape_their_text_and_link_only_safe_urls() -> None:
    bad = ref(
        authors=[{"family": "<i>Evil</i>", "given": "[x](javascript:y)"}, {"literal": HOSTILE}],
        title=HOSTILE,
        year=2020,
        url="javascript:alert(1)",
    )
    for style in ("vancouver", "harvard", "apa"):
        entry = bibliography([bad], style).citations[0].entry
        page = entry.html()
        assert "<b>" not in page and "<script" not in page and "javascript:" not in _hrefs(page)
        assert "&lt;b&gt;bold" in page, style
        assert not _tags(page) - {"i", "b", "a", "sup", "sub"}, style
        rendered = markdown.markdown(str(entry.markdown()), extensions=SITE_EXTENSIONS)
        assert not _tags(rendered) - {"p", "em", "strong", "a", "sup", "sub"}, style
        assert "javascript:" not in _hrefs(rendered), style
        assert {k for k, _ in _parse(rendered).attrs} <= {"href"}, style
        assert "{{ 7+7 }}" in _text(rendered) and "14" not in _text(rendered), style


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    parser.close()
    return parser


def _tags(page: str) -> set[str]:
    return _parse(page).tags


def _hrefs(page: str) -> str:
    return " ".join(_parse(page).hrefs)


def _text(page: str) -> str:
    return "".join(_parse(page).text)


# --- every output, by the setting -------------------------------------------------------------


def _spec() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(FIXTURE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    ids = [r["id"] for r in data["references"]]  # cited elsewhere in the fixture: kept
    original = list(data["references"])
    data["references"] = [
        {"id": ids[0], "authors": [{"family": "Cottrell", "given": "S"}], "year": 2012,
         "title": "Beta book", "type": "book", "publisher": "Palgrave"},
        {"id": ids[1], "authors": [{"family": "Cottrell", "given": "S"}], "year": 2012,
         "title": "Alpha book", "type": "book", "publisher": "Palgrave"},
        {"id": ids[2], "authors": [{"literal": NICE}], "title": "Guideline B",
         "url": "https://example.org/b", "accessed": "2024-02-19"},
        {"id": ids[3], "authors": [{"literal": NICE}], "title": "Guideline A",
         "publisher": "NICE"},
    ]  # fmt: skip
    # Any further reference the fixture cites stays as it is.
    data["references"] += [r for r in original if r["id"] not in ids[:4]]
    return data


def _outputs(tmp_path: Path, spec: dict[str, Any], style: str | None) -> dict[str, str]:
    folder = tmp_path / "spec"
    folder.mkdir()
    for material in FIXTURE.parent.iterdir():
        if material.is_file() and material.suffix != ".yaml":
            shutil.copy(material, folder / material.name)
    path = folder / "intervention.yaml"
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(spec, handle)
    config = tmp_path / "codify.toml"
    config.write_text(f'citation_style = "{style}"\n' if style else "", encoding="utf-8")
    runner = CliRunner()
    common = ["--config", str(config), "-q"]
    built = runner.invoke(cli, ["build", str(path), "--out", str(tmp_path / "b"), *common])
    assert built.exit_code == 0, built.output
    site = runner.invoke(cli, ["site", str(path), "--out", str(tmp_path / "s"), *common])
    assert site.exit_code == 0, site.output
    found = {p.name: reader_text(p) for p in (tmp_path / "b").glob("*.*")}
    docs = tmp_path / "s" / "docs"
    found.update({f"site/{p.relative_to(docs)}": p.read_text("utf-8") for p in docs.rglob("*.md")})
    return found


def _site(out: dict[str, str]) -> str:
    return "\n".join(text for name, text in out.items() if name.startswith("site/"))


@pytest.mark.parametrize(
    ("style", "in_text", "entry_md", "entry_html"),
    [
        (None, "(2)", "2. Cottrell S. Alpha book. Palgrave; 2012.", '<ol class="references">'),
        ("vancouver", "(2)", "Cottrell S. Alpha book.", "Cottrell S. Alpha book. Palgrave; 2012."),
        (
            "harvard",
            "(Cottrell, 2012a)",
            "- Cottrell, S. (2012a) *Alpha book*. Palgrave.",
            "Cottrell, S. (2012a) <i>Alpha book</i>. Palgrave.",
        ),
        (
            "apa",
            "(Cottrell, 2012a)",
            "- Cottrell, S. (2012a). *Alpha book*. Palgrave.",
            "Cottrell, S. (2012a). <i>Alpha book</i>. Palgrave.",
        ),
    ],
)
def test_the_setting_chooses_the_style_of_the_handbook_and_the_site(
    tmp_path: Path, style: str | None, in_text: str, entry_md: str, entry_html: str
) -> None:
    out = _outputs(tmp_path, _spec(), style)
    handbook_md, handbook_html, site = out["handbook.md"], out["handbook.html"], _site(out)
    assert entry_md in handbook_md
    assert entry_html in handbook_html
    assert entry_md.removeprefix("- ").replace("2. ", "2\\. ") in site
    # The fixture's second reference (Alpha) is cited as evidence; the site links the label.
    assert in_text in handbook_md and in_text in _text(handbook_html)
    assert f"[{in_text[1:-1]}](references.md#ref-" in site
    if style in ("harvard", "apa"):
        assert '<ul class="references">' in handbook_html
        no_date = "no date a" if style == "harvard" else "n.d.-a"
        assert no_date in handbook_md and no_date in site
        listed = re.search(r"(?ms)^## \d+\. References$(.*?)(?=^## |\Z)", handbook_md)
        assert listed and "\n- Cottrell" in listed.group(1), handbook_md
        assert not re.search(r"(?m)^\d+\. ", listed.group(1))


def test_an_unknown_style_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    config = tmp_path / "codify.toml"
    config.write_text('citation_style = "harward"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", str(FIXTURE), "--config", str(config), "--out", str(tmp_path / "b")]
    )
    assert result.exit_code == 2, result.output
    assert "did you mean 'harvard'" in result.output
    assert "vancouver, harvard, apa" in result.output and "Traceback" not in result.output
    config.write_text("citation_style = 3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(FIXTURE), "--config", str(config)])
    assert result.exit_code == 2 and "expected a string" in result.output


def test_the_1x_line_of_authors_warns_where_it_is_and_still_builds(tmp_path: Path) -> None:
    spec = _spec()
    spec["references"][0]["authors"] = "Cottrell S, Morris N"
    out = _outputs(tmp_path, spec, "harvard")
    assert "(Cottrell S, Morris N, 2012)" in out["handbook.md"]
    path = tmp_path / "spec" / "intervention.yaml"
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    found = json.loads(result.output)["diagnostics"]
    warnings = [d for d in found if d["code"] == "CR025"]
    line = next(
        n
        for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "Cottrell S, Morris N" in text
    )
    assert [(d["severity"], d["line"]) for d in warnings] == [("warning", line)], found
    assert "list them" in warnings[0]["message"]


def test_check_loads_no_citation_engine(tmp_path: Path, base_spec: str) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text(base_spec, encoding="utf-8")
    probe = (
        "import sys\n"
        "from codify.cli import main\n"
        f"sys.argv = ['codify', 'check', {str(spec)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('citeproc', 'lxml', 'bibtexparser', 'rispy', 'pylatexenc')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


# --- importing -------------------------------------------------------------------------------

BIBTEX = r"""
@article{Maben2018,
  author = {Maben, Jill and Taylor, Cath and {National Institute for Health and Care Excellence}},
  title = {Schwartz {Center} Rounds: an evaluation in {\"O}sterreich},
  journal = {Health Services and Delivery Research},
  year = {2018}, volume = {6}, number = {12}, pages = {1--120},
  doi = {https://doi.org/10.3310/hsdr06120}, url = {https://example.org/a%20b_c}
}
@book{cottrell, author = {Cottrell, Stella}, title = {The Study Skills Handbook}, year = 2012,
  publisher = {Palgrave}}
@misc{cottrell, author = {Cottrell, Stella}, title = {Critical Thinking}, year = 2012,
  url = {https://example.org/ct}}
"""
RIS = """TY  - JOUR
AU  - Maben, Jill
AU  - National Institute for Health and Care Excellence
TI  - Schwartz Rounds | <b>bold</b> [x](javascript:alert(1)) {{ 7*7 }}
T2  - Health Services and Delivery Research
PY  - 2018/05/01/
VL  - 6
IS  - 12
SP  - 1
EP  - 120
DO  - 10.3310/hsdr06120
ER  -

TY  - ELEC
AU  - Point of Care Foundation
TI  - "Quoted": a page
UR  - https://example.org/faq
Y2  - 2024/02/19
ER  -
"""
CSLJSON = json.dumps(
    [
        {
            "id": "Cottrell:2012",
            "type": "book",
            "title": "Study: skills # not a comment",
            "author": [{"family": "Cottrell", "given": "Stella"}],
            "issued": {"date-parts": [[2012]]},
            "publisher": "Palgrave",
        },
        {
            "id": "nice",
            "type": "report",
            "title": "Guideline",
            "author": [{"literal": NICE}],
            "accessed": {"date-parts": [[2024, 2, 19]]},
            "URL": "https://nice.org.uk",
            "number": "NG1",
        },
    ]
)


def _import(tmp_path: Path, name: str, text: str, *extra: str) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["references", "import", str(source), *extra])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "text", "ids"),
    [
        ("refs.bib", BIBTEX, ["maben2018", "cottrell", "cottrell-2"]),
        ("refs.ris", RIS, ["maben-2018", "point-of-care"]),
        ("refs.json", CSLJSON, ["cottrell-2012", "nice"]),
    ],
)
def test_an_imported_bibliography_makes_a_spec_that_checks(
    tmp_path: Path, base_spec: str, name: str, text: str, ids: list[str]
) -> None:
    code, out, err = _import(tmp_path, name, text)
    assert code == 0, err
    imported = YAML(typ="safe").load(out)["references"]
    assert [r["id"] for r in imported] == ids
    for r in imported:
        Reference.model_validate(r)
        assert isinstance(r["authors"], list)
    organisations = [a["literal"] for r in imported for a in r["authors"] if "literal" in a]
    assert NICE in organisations or "Point of Care Foundation" in organisations
    spec = tmp_path / "spec" / "intervention.yaml"
    spec.parent.mkdir()
    spec.write_text(base_spec.rstrip("\n") + "\n\n" + out, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(spec), "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = {d["code"] for d in json.loads(result.output)["diagnostics"]}
    assert "CR025" not in codes and not any(c.startswith(("CS", "CY")) for c in codes), codes


def test_imported_fields_keep_their_meaning(tmp_path: Path) -> None:
    _, out, _ = _import(tmp_path, "refs.bib", BIBTEX)
    maben = YAML(typ="safe").load(out)["references"][0]
    assert maben == {
        "id": "maben2018",
        "type": "article-journal",
        "authors": [
            {"family": "Maben", "given": "Jill"},
            {"family": "Taylor", "given": "Cath"},
            {"literal": NICE},
        ],
        "year": 2018,
        "title": "Schwartz Center Rounds: an evaluation in Österreich",
        "publisher": "Health Services and Delivery Research",
        "details": "6(12):1–120",
        "doi": "10.3310/hsdr06120",
        "url": "https://example.org/a%20b_c",
    }
    _, out, _ = _import(tmp_path, "refs.ris", RIS)
    ris = YAML(typ="safe").load(out)["references"]
    assert ris[0]["title"] == "Schwartz Rounds | <b>bold</b> [x](javascript:alert(1)) {{ 7*7 }}"
    assert ris[1]["accessed"] == "2024-02-19" and ris[1]["type"] == "webpage"
    assert ris[1]["title"] == '"Quoted": a page'
    # Every string is double-quoted: nothing in the file can change the YAML's structure.
    assert all(
        re.fullmatch(r'\s*(- )?(\{.*\}|[a-z]+: ("[^\n]*"|\d+)|[a-z]+:|references:)', line)
        for line in out.splitlines()
    ), out


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("bad.bib", "@book{ok, title={A}, author={B, C}}\n@misc{bad,\n  title = {Unclosed\n", "bad.bib:2:"),
        ("bad.json", '[{"id": "x",\n "title": }]', "bad.json:2:"),
        ("bad.ris", "TY  - JOUR\nTI  - x\n", "bad.ris:1:"),
        ("none.ris", "TY  - JOUR\nAU  - A, B\nER  -\n", "none.ris:1: an entry has no title"),
        ("no-authors.json", '[{"id": "x", "title": "T"}]', "no-authors.json: entry 'x' has no authors"),
        ("empty.bib", "% nothing here\n", "empty.bib: no entries"),
    ],
)  # fmt: skip
def test_bad_input_is_reported_with_file_and_line_and_exit_2(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    code, out, err = _import(tmp_path, name, text)
    assert code == 2, out + err
    assert f"codify: {tmp_path / where}" in err, err
    assert "Traceback" not in err and out == ""


def test_import_refuses_a_folder_and_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "missing.bib"):
        result = CliRunner().invoke(cli, ["references", "import", str(target)])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    odd = tmp_path / "refs.txt"
    odd.write_text("just words\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["references", "import", str(odd)])
    assert result.exit_code == 2 and "--format" in result.stderr
    result = CliRunner().invoke(cli, ["references", "import", str(odd), "--format", "ris"])
    assert result.exit_code == 2 and "no RIS records" in result.stderr
