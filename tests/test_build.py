"""`codify build`: the adopter handbook and fidelity checklist, through the real CLI.

Golden files: every file built from each example is compared byte for byte with
tests/golden/build/<spec id>/. When the output differs, the test fails and leaves the whole new
output in tests/golden/build/<spec id>.pending/; after reviewing it, accept it with

    .venv/bin/python tests/accept_golden.py

and run the tests again (see tests/golden.py). A run never rewrites a golden itself.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from codify.cli import cli
from tests.conftest import EXAMPLES
from tests.golden import ROOT as GOLDEN_ROOT, assert_golden_tree

GOLDEN = GOLDEN_ROOT / "build"
TEXT_OUTPUTS = (
    "handbook.html",
    "handbook.md",
    "checklist.html",
    "checklist.md",
    "checklist.csv",
    "assessment.yaml",
)

# Spec text an attacker (or a careless paste) might write: raw HTML, script, template syntax,
# unsafe links, Markdown attribute lists, a table-breaking pipe and a CSS-string breaker.
PAYLOAD = (
    ' <script>alert("x")</script> {{ 7*7 }} {% if 1 %}IF{% endif %}'
    ' [click](javascript:alert(1)) <img src=x onerror=alert(1)> a|b "q" </style>'
    "\n\n[ref]: javascript:alert(2)\n\nsee [ref] {: onclick=alert(3) }"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, ["build", *args], env=env)
    assert "Traceback" not in result.output, result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its POSIX path relative to it."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_spec(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "intervention.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- golden files ------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_match_golden_files(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(str(example), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert_golden_tree(GOLDEN / _spec_id(example), without_sources(snapshot(out)))


def without_sources(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files with the manifest's `sources` left out: digests of what each file was made
    from, codify's own code included, so any change to codify changes them
    (tests/test_build_incremental.py tests them)."""
    import json

    manifest = json.loads(files[".codify-build.json"])
    assert set(manifest["sources"]) <= set(manifest["files"])
    del manifest["sources"]
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    return {**files, ".codify-build.json": text.encode("utf-8")}


def test_every_golden_folder_belongs_to_an_example() -> None:
    # A golden left behind by a renamed or removed example would never be compared again.
    folders = {p.name for p in GOLDEN.iterdir() if p.is_dir() and p.suffix != ".pending"}
    assert folders == {_spec_id(e) for e in EXAMPLES}


def test_a_changed_output_waits_beside_the_golden_and_fails_until_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import accept_golden, golden

    root = tmp_path / "tests" / "golden"
    folder = root / "build" / "demo"
    folder.mkdir(parents=True)
    (folder / "same.txt").write_bytes(b"same\n")
    (folder / "edited.md").write_bytes(b"# Title\nold line\n")
    (folder / "gone.csv").write_bytes(b"a,b\n")
    before = golden.tree(folder)
    built = {"same.txt": b"same\n", "edited.md": b"# Title\nnew line\n", "new.html": b"<p>\n"}

    for _ in range(2):  # a second run with the same output fails again: nothing was rewritten
        with pytest.raises(pytest.fail.Exception) as failed:
            golden.assert_golden_tree(folder, built, root=root)
        message = str(failed.value)
        assert "tests/golden/build/demo.pending/" in message
        assert "python tests/accept_golden.py" in message
        for line in ("added:   new.html", "removed: gone.csv", "changed: edited.md"):
            assert line in message
        assert "-old line\n+new line" in message
        assert golden.tree(folder) == before
        assert golden.tree(folder.with_name("demo.pending")) == built

    monkeypatch.setattr(accept_golden, "ROOT", root)
    assert accept_golden.main(["--list"]) == 0
    assert golden.tree(folder) == before  # listing moves nothing
    assert accept_golden.main([]) == 0
    assert golden.tree(folder) == built
    assert not folder.with_name("demo.pending").exists()
    golden.assert_golden_tree(folder, built, root=root)  # the next run passes


def test_a_missing_golden_file_fails_and_a_match_clears_a_stale_pending(tmp_path: Path) -> None:
    from tests import golden

    root = tmp_path / "tests" / "golden"
    target = root / "report" / "text.txt"
    with pytest.raises(
        pytest.fail.Exception, match=r"no golden file tests/golden/report/text\.txt"
    ):
        golden.assert_golden(target, "All good\n", root=root)
    pending = golden.pending_path(target)
    assert pending.read_text(encoding="utf-8") == "All good\n" and not target.exists()
    assert golden.accept(pending) == target
    golden.assert_golden(target, "All good\n", root=root)
    pending.write_text("left over from an earlier run", encoding="utf-8")
    golden.assert_golden(target, "All good\n", root=root)
    assert not pending.exists()  # so it cannot be accepted over a golden that is right
    with pytest.raises(pytest.fail.Exception, match="No newline at end of file"):
        golden.assert_golden(target, "All good", root=root)
    assert target.read_text(encoding="utf-8") == "All good\n"


def _spec_id(example: Path) -> str:
    match = re.search(r"(?m)^id:\s*(\S+)", example.read_text(encoding="utf-8"))
    assert match
    return match.group(1)


def test_same_spec_gives_the_same_bytes_and_rewrites_nothing(tmp_path: Path) -> None:
    example = EXAMPLES[0]
    first = run(str(example), "--out", str(tmp_path / "a"))
    assert first.exit_code == 0
    run(str(example), "--out", str(tmp_path / "b"))
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    times = {p: p.stat().st_mtime_ns for p in (tmp_path / "a").rglob("*") if p.is_file()}
    again = run(str(example), "--out", str(tmp_path / "a"))
    assert again.exit_code == 0
    documents = [p for p in times if p.name != ".codify-build.json"]  # the summary lists these
    assert f"(all {len(documents)} unchanged)" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in times} == times
    assert "written" not in again.stdout


# --- what the documents say ---------------------------------------------------------------------


def test_handbook_sets_core_apart_from_adaptable_in_words(tmp_path: Path) -> None:
    example = next(e for e in EXAMPLES if "raid" in str(e))
    run(str(example), "--out", str(tmp_path))
    page = (tmp_path / "handbook.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "handbook.md").read_text(encoding="utf-8")
    assert page.count('class="element core"') == page.count("· must keep</p>") > 0
    assert page.count('class="element adaptable"') == page.count("may change within guardrails")
    assert "MUST KEEP — Core element 1:" in markdown
    assert "MAY ADAPT — Adaptable element 1:" in markdown
    for heading in (
        "What it is and why it works",
        "What you must never do",
        "Roles and time commitment",
        "Readiness checklist",
        "Implementation, step by step",
        "Fidelity self-assessment",
        "Glossary",
        "References",
        "TIDieR checklist",
    ):
        assert heading in page and heading in markdown
    # version on the page, in the print header of every page, and in the Markdown
    assert page.lower().count("version 1.") >= 3 and '@top-right {\n    content: "Version ' in page
    assert "Version 1." in markdown.splitlines()[2]
    # self-contained: no external stylesheet, script, font or image
    assert not re.search(r"<(link|script)\b|\bsrc=\"(https?:)?//|@import|url\(http", page)


def test_checklist_csv_has_one_row_per_criterion(tmp_path: Path) -> None:
    from codify.checker import check_file

    example = EXAMPLES[0]
    spec = check_file(example).spec
    assert spec is not None
    run(str(example), "--out", str(tmp_path), "--only", "checklist")
    data = (tmp_path / "checklist.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["criterion_id"] for r in rows] == [c.id for c in spec.fidelity.criteria]
    assert {r["version"] for r in rows} == {spec.version}
    assert all(r["rating"] == "" and r["evidence"] == "" for r in rows)
    assert not (tmp_path / "handbook.html").exists()


def test_assessment_file_is_blank_yaml_to_fill_in(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from codify.checker import check_file

    example = EXAMPLES[-1]
    spec = check_file(example).spec
    assert spec is not None
    run(str(example), "--out", str(tmp_path))
    text = (tmp_path / "assessment.yaml").read_text(encoding="utf-8")
    data: Any = YAML(typ="safe").load(text)
    assert data["intervention"] == spec.id and data["version"] == spec.version
    assert data["site"] == "" and data["assessors"] == [] and data["total"] is None
    assert [c["id"] for c in data["criteria"]] == [c.id for c in spec.fidelity.criteria]
    assert all(c["rating"] is None and c["evidence"] == "" for c in data["criteria"])
    assert "# Scale: " in text and all(
        ln.startswith("#") or not ln.lstrip().startswith("#") or len(ln) <= 100
        for ln in text.splitlines()
    )


# --- safety of spec text ------------------------------------------------------------------------


def _hostile_spec(folder: Path) -> Path:
    """The RAID example with the payload appended to every string the format accepts it in."""
    from pydantic import ValidationError
    from ruamel.yaml import YAML

    from codify.model import Intervention

    source = next(e for e in EXAMPLES if "raid" in str(e))
    yaml = YAML(typ="safe")
    data: Any = yaml.load(source.read_text(encoding="utf-8"))

    def paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if isinstance(node, dict):
            return [p for k, v in node.items() for p in paths(v, (*at, k))]
        if isinstance(node, list):
            return [p for i, v in enumerate(node) for p in paths(v, (*at, i))]
        return [at] if isinstance(node, str) else []

    def get(at: tuple[Any, ...]) -> Any:
        node = data
        for key in at[:-1]:
            node = node[key]
        return node

    for at in paths(data):
        if at[-1] not in ("path",):
            get(at)[at[-1]] += PAYLOAD
    while True:  # put back the values that must stay ids, enumerations or dates
        try:
            Intervention.model_validate(data)
            break
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                while loc and not isinstance(get(loc)[loc[-1]], str):
                    loc = loc[:-1]
                get(loc)[loc[-1]] = get(loc)[loc[-1]].removesuffix(PAYLOAD)
    folder.mkdir(parents=True)
    for extra in source.parent.iterdir():
        if extra.name != "intervention.yaml" and extra.is_file():
            shutil.copy(extra, folder / extra.name)
    out = io.StringIO()
    YAML().dump(data, out)
    return write_spec(folder, out.getvalue())


def test_spec_text_is_escaped_and_never_evaluated(tmp_path: Path) -> None:
    import markdown

    spec = _hostile_spec(tmp_path / "spec")
    result = run(str(spec), "--out", str(tmp_path / "out"), "--force")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for name in ("handbook.html", "checklist.html"):
        page = (out / name).read_text(encoding="utf-8")
        _assert_safe_html(page, name)
        assert page.count("</style>") == 1, f"{name}: spec text closed the <style> element"
        assert "{{ 7*7 }}" in html.unescape(page) and "{% if 1 %}IF{% endif %}" in page
    for name in ("handbook.md", "checklist.md"):
        text = (out / name).read_text(encoding="utf-8")
        assert "<script" not in text.lower() and "<img" not in text.lower()
        # as MkDocs or any Python-Markdown site would render it
        rendered = markdown.markdown(text, extensions=["tables", "attr_list", "sane_lists"])
        _assert_safe_html(rendered, name)
        assert "{{ 7*7 }}" in html.unescape(rendered)
    text = (out / "assessment.yaml").read_text(encoding="utf-8")
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(text)["criteria"]  # still valid YAML
    rows = list(csv.reader(io.StringIO((out / "checklist.csv").read_text(encoding="utf-8-sig"))))
    criterion = rows[0].index("criterion")
    assert len({len(r) for r in rows}) == 1 and '"q"' in rows[1][criterion]


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_safe_html(page: str, name: str) -> None:
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "iframe", "object", "embed"), f"{name}: <{tag}> got through"
        for attr, value in attrs:
            assert not attr.startswith("on"), f"{name}: <{tag} {attr}=...> got through"
            if attr in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:"), name
    assert "<img src=x" not in page.lower(), f"{name}: raw HTML got through"


def test_csv_quotes_and_defuses_formulas(tmp_path: Path, base_spec: str) -> None:
    text = base_spec.replace(
        "name: The core activity is delivered as intended",
        'name: "=HYPERLINK(\\"x\\"), with a comma; \\"quotes\\"\\nand a new line"',
    )
    spec = write_spec(tmp_path / "spec", text)
    assert run(str(spec), "--out", str(tmp_path / "out")).exit_code == 0
    rows = list(
        csv.DictReader(io.StringIO((tmp_path / "out" / "checklist.csv").read_text("utf-8-sig")))
    )
    assert rows[0]["criterion"] == '\'=HYPERLINK("x"), with a comma; "quotes" and a new line'


def test_a_band_of_one_total_shows_that_total_alone(tmp_path: Path, base_spec: str) -> None:
    # The scaffold's bands are 0 to 0 and 1 to 1: each shows as its one total, not "0–0".
    spec = write_spec(tmp_path / "spec", base_spec)
    assert run(str(spec), "--out", str(tmp_path / "out")).exit_code == 0
    out = tmp_path / "out"
    for name in ("handbook.md", "handbook.html", "checklist.md", "checklist.html"):
        page = (out / name).read_text("utf-8")
        assert "Delivered as intended" in page, name
        assert not re.search(r"\b(\d+)\s*(?:–|&ndash;|-)\s*\1\b", page), name
    assert re.search(r"\| \*\*Not yet\*\* \| 0 \|", (out / "handbook.md").read_text("utf-8"))
    assembled = (out / "assessment.yaml").read_text("utf-8")
    assert "- Delivered as intended (1)" in assembled and "(1-1)" not in assembled


def test_an_illustrative_spec_says_so_under_the_title_of_every_document(
    tmp_path: Path, base_spec: str
) -> None:
    # An invented example, built into a handbook, must not be taken for a model to adopt.
    notice = "An invented example, not for use."
    spec = write_spec(
        tmp_path / "spec", base_spec.replace("\nstatus:", "\nillustrative: true\nstatus:", 1)
    )
    assert run(str(spec), "--out", str(tmp_path / "out")).exit_code == 0
    for name in (
        "handbook.html",
        "handbook.md",
        "checklist.html",
        "checklist.md",
        "assessment.yaml",
    ):
        text = html.unescape((tmp_path / "out" / name).read_text("utf-8"))
        assert notice in text, name
        # Said before anything to act on: ahead of the first criterion.
        assert text.index(notice) < text.index("The core activity is delivered as intended"), name
    plain = write_spec(tmp_path / "plain", base_spec)
    assert run(str(plain), "--out", str(tmp_path / "plain-out")).exit_code == 0
    assert notice not in (tmp_path / "plain-out" / "handbook.html").read_text("utf-8")


def test_without_openpyxl_the_build_says_why_there_is_no_workbook(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codify import extras
    from codify.documents import render

    def absent(extra: str, modules: tuple[str, ...] | None = None) -> list[str]:
        return ["openpyxl"] if extra == "xlsx" else []

    monkeypatch.setattr(extras, "missing_modules", absent)
    monkeypatch.setattr(render, "missing_modules", absent)
    spec = write_spec(tmp_path / "spec", base_spec)
    result = run(str(spec), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out" / "checklist.xlsx").exists()
    assert (tmp_path / "out" / "checklist.csv").is_file()
    assert (
        "codify: warning: no checklist.xlsx: the workbook needs the 'xlsx' extra "
        "(pip install 'codify-interventions[xlsx]'); checklist.csv has the same criteria"
    ) in result.stderr
    # Nothing to say when no checklist is asked for.
    again = run(str(spec), "--out", str(tmp_path / "out"), "--only", "handbook")
    assert again.exit_code == 0 and "xlsx" not in again.stderr


# --- refusing, forcing, failing safely -----------------------------------------------------------


def test_spec_with_errors_is_refused_with_the_check_diagnostics(
    tmp_path: Path, base_spec: str
) -> None:
    spec = write_spec(tmp_path / "spec", base_spec.replace("roles: [lead]", "roles: [leed]", 1))
    checked = CliRunner().invoke(cli, ["check", "--color", "never", str(spec)])
    assert checked.exit_code == 1
    result = run(str(spec), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(checked.stdout)
    assert "use --force" in result.stderr
    assert not (tmp_path / "out").exists()

    forced = run(str(spec), "--out", str(tmp_path / "out"), "--force")
    assert forced.exit_code == 0, forced.output
    assert "leed" in (tmp_path / "out" / "handbook.html").read_text(encoding="utf-8")


def test_warnings_do_not_stop_a_build(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec.replace("      meets_standard: true\n", ""))
    result = run(str(spec), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "CR014" in result.stderr and "(warning)" in result.stderr


def test_broken_structure_is_refused_even_with_force(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec.replace("    function:", "    fucntion:"))
    result = run(str(spec), "--out", str(tmp_path / "out"), "--force")
    assert result.exit_code == 1 and "CS001" in result.stderr
    bad_yaml = write_spec(tmp_path / "bad", "id: [unclosed\n")
    result = run(str(bad_yaml), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "CY003" in result.stderr
    assert not (tmp_path / "out").exists()


def test_failed_build_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    example = EXAMPLES[0]
    assert run(str(example), "--out", str(out)).exit_code == 0
    before = snapshot(out)
    times = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    overrides = tmp_path / "templates" / "checklist"
    overrides.mkdir(parents=True)
    (overrides / "checklist.md").write_text("{{ spec.no_such_field }}\n", encoding="utf-8")
    result = run(str(example), "--out", str(out), "--templates", str(tmp_path / "templates"))
    assert result.exit_code == 2
    assert "checklist.md line 1" in result.stderr and "nothing was written" in result.stderr
    assert snapshot(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == times  # no staging folder left


def test_template_override_replaces_one_template(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    overrides = tmp_path / "templates" / "handbook"
    overrides.mkdir(parents=True)
    (overrides / "style.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    result = run(
        str(spec), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "templates")
    )
    assert result.exit_code == 0
    page = (tmp_path / "out" / "handbook.html").read_text(encoding="utf-8")
    assert "rebeccapurple" in page and "--accent:" in page  # base.css still the packaged one
    assert "rebeccapurple" not in (tmp_path / "out" / "checklist.html").read_text("utf-8")


def test_nothing_is_written_through_a_link_out_of_the_output(
    tmp_path: Path, base_spec: str
) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.html"
    outside.write_text("keep me", encoding="utf-8")
    (out / "handbook.html").symlink_to(outside)
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2 and "outside the output folder" in result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == ["handbook.html"]


def test_material_files_are_copied_only_from_inside_the_spec_folder(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "guide.pdf").write_bytes(b"%PDF-guide")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "docs" / "link.txt").symlink_to(tmp_path / "secret.txt")
    text = base_spec.replace(
        "    provided_by: The originating organisation\n",
        "    provided_by: The originating organisation\n    path: docs/guide.pdf\n"
        "  - id: secret\n    title: Secret\n    description: Not to publish.\n"
        "    path: docs/link.txt\n"
        "  - id: parent\n    title: Parent\n    description: Not to publish.\n"
        "    path: ../secret.txt\n",
    )
    spec = write_spec(folder, text)
    refused = run(str(spec), "--out", str(tmp_path / "out"))
    assert refused.exit_code == 1 and refused.stderr.count("CR013") == 2
    result = run(str(spec), "--out", str(tmp_path / "out"), "--force")
    assert result.exit_code == 0
    files = snapshot(tmp_path / "out")
    assert files["materials/guide/guide.pdf"] == b"%PDF-guide"
    assert not any(data == b"secret" for data in files.values())
    assert result.stderr.count("not copied") == 2
    page = (tmp_path / "out" / "handbook.html").read_text(encoding="utf-8")
    assert 'href="materials/guide/guide.pdf"' in page


# --- options ------------------------------------------------------------------------------------


def test_several_specs_get_a_folder_each_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(*(str(e.parent) for e in EXAMPLES), "--out", str(out))
    assert result.exit_code == 0, result.output
    ids = sorted(_spec_id(e) for e in EXAMPLES)
    assert sorted(p.name for p in out.iterdir()) == [".codify-build.json", *ids]
    for spec_id in ids:
        assert (out / spec_id / "handbook.html").is_file()
        assert f"Built {spec_id} " in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_two_specs_with_one_id_are_refused(tmp_path: Path, base_spec: str) -> None:
    write_spec(tmp_path / "a", base_spec)
    write_spec(tmp_path / "b", base_spec)
    result = run(str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "have the same id 'hand-hygiene'" in result.stderr


def test_branding_comes_from_the_config(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    config = tmp_path / "codify.toml"
    config.write_text(
        '[branding]\norganisation = "North Shore <Health>"\nlogo = "brand/logo.svg"\n'
        'accent_color = "#aa3300"\n',
        encoding="utf-8",
    )
    result = run(str(spec), "--out", str(tmp_path / "out"), "--config", str(config))
    assert result.exit_code == 0, result.output
    for name in ("handbook.html", "checklist.html"):
        page = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert 'src="data:image/svg+xml;base64,' in page
        assert "North Shore &lt;Health&gt;" in page and "--accent: #aa3300;" in page
    assert "North Shore &lt;Health&gt;" in (tmp_path / "out" / "handbook.md").read_text("utf-8")

    config.write_text('[branding]\nlogo = "../logo.png"\n', encoding="utf-8")
    result = run(str(spec), "--out", str(tmp_path / "out2"), "--config", str(config))
    assert result.exit_code == 2 and "branding.logo" in result.stderr
    assert "leaves the config file's folder" in result.stderr
    assert not (tmp_path / "out2").exists()


def test_usage_errors_exit_2_without_a_traceback(tmp_path: Path, base_spec: str) -> None:
    assert run("--help").exit_code == 0 and "assessment.yaml" in run("--help").output
    assert run(str(tmp_path / "missing")).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no spec files found" in run(str(empty)).stderr
    spec = write_spec(tmp_path / "spec", base_spec)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert run(str(spec), "--out", str(tmp_path / "file")).exit_code == 2
    assert run(str(spec), "--only", "site").exit_code == 2
    assert run(str(spec), "--templates", str(tmp_path / "nope")).exit_code == 2


def test_pdf_without_an_engine_says_how_to_get_one(tmp_path: Path, base_spec: str) -> None:
    import subprocess

    try:
        import weasyprint  # noqa: F401

        pytest.skip("WeasyPrint is installed, so --pdf has an engine")
    except Exception:
        pass
    spec = write_spec(tmp_path / "spec", base_spec)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "CODIFY_CHROMIUM"}
    env["PATH"] = str(bin_dir)
    done = subprocess.run(
        [sys.executable, "-m", "codify", "build", str(spec), "--out", str(tmp_path / "o"), "--pdf"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert (
        "apt install chromium" in done.stderr
        and "pip install 'codify-interventions[pdf]'" in done.stderr
    )
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "o").exists()


# --- never over a person's work -------------------------------------------------------------------


def test_a_file_codify_did_not_write_is_never_overwritten(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    out.mkdir()
    (out / "handbook.html").write_text("my own notes", encoding="utf-8")
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2
    assert "handbook.html exists and was not written by codify" in result.stderr
    assert (out / "handbook.html").read_text(encoding="utf-8") == "my own notes"
    assert sorted(p.name for p in out.iterdir()) == ["handbook.html"]  # nothing else written


def test_a_generated_file_edited_by_hand_is_not_replaced(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    (out / "checklist.md").write_text("edited by the steering group", encoding="utf-8")
    write_spec(tmp_path / "spec", base_spec.replace("version: 0.1.0", "version: 0.2.0"))
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2
    assert "checklist.md was edited since codify wrote it" in result.stderr
    assert (out / "checklist.md").read_text(encoding="utf-8") == "edited by the steering group"
    assert "0.1.0" in (out / "handbook.md").read_text(encoding="utf-8")  # all or nothing


def test_files_no_longer_generated_are_removed(tmp_path: Path, base_spec: str) -> None:
    folder = tmp_path / "spec"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "guide.pdf").write_bytes(b"%PDF-guide")
    with_file = base_spec.replace(
        "    provided_by: The originating organisation\n",
        "    provided_by: The originating organisation\n    path: docs/guide.pdf\n",
    )
    spec = write_spec(folder, with_file)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert (out / "materials" / "guide" / "guide.pdf").is_file()
    write_spec(folder, base_spec)  # the material no longer has a file
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert not (out / "materials").exists()
    assert "Removed" in result.stdout and "guide.pdf (no longer generated)" in result.stdout
