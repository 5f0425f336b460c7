"""`codify build PROFILE`, `codify init --adopt` and a profile pinned to an older spec version.

The bundled example profiles are built once per module (HTML, Markdown and Word); one test
prints PDFs. Every piece of a profile's text must reach the local handbook, the Word file must
say what the HTML says, and hostile profile text must stay text in every output.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from codify.cli import cli as main
from codify.localbuild import build_profiles
from codify.localcheck import load_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ROOT / "examples" / "raid" / "north-shore.local.yaml",
    ROOT / "examples" / "schwartz_rounds" / "riverside.local.yaml",
]

docx = pytest.importorskip("docx")


class _Text(HTMLParser):
    """The text a reader sees in one of codify's pages, without its head and contents lists."""

    SKIP = frozenset({"head", "style", "script", "title", "nav"})
    VOID = frozenset({"br", "img", "meta", "link", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if (self.depth or tag in self.SKIP) and tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def page_text(page: str) -> str:
    reader = _Text()
    reader.feed(page)
    return " ".join("".join(reader.parts).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    build_profiles(EXAMPLES, out)
    return out


@pytest.mark.parametrize("name", ["north-shore", "riverside"])
def test_each_example_profile_builds_in_html_markdown_and_word(built: Path, name: str) -> None:
    folder = built / name
    for document in ("local-handbook", "local-checklist"):
        for ext in ("html", "md", "docx"):
            assert (folder / f"{document}.{ext}").stat().st_size > 1000, (document, ext)
    handbook = (folder / "local-handbook.html").read_text(encoding="utf-8")
    spec = load_profile(EXAMPLES[0 if name == "north-shore" else 1]).spec
    assert spec is not None
    # It says which version of the model it follows, and that it is illustrative.
    assert f"version {spec.version}" in page_text(handbook)
    assert "Illustrative." in page_text(handbook)


@pytest.mark.parametrize("name", ["north-shore", "riverside"])
def test_a_local_build_gives_a_blank_assessment_for_the_site_that_scores(
    built: Path, name: str, tmp_path: Path
) -> None:
    # The adopter's own build gives the file `codify score` reads, with their site named:
    # they need not build the model's spec as well to get one.
    text = (built / name / "local-assessment.yaml").read_text(encoding="utf-8")
    profile = load_profile(EXAMPLES[0 if name == "north-shore" else 1])
    assert profile.profile is not None and profile.spec is not None
    (site,) = profile.profile.organisation.sites
    assert f"site: {json.dumps(site.name)}" in text
    rated = re.sub(r"(?m)^    rating: null", "    rating: 1", text)
    done = tmp_path / "2026-12-01.yaml"
    done.write_text(rated.replace('date: ""', 'date: "2026-12-01"', 1), encoding="utf-8")
    spec_file = EXAMPLES[0 if name == "north-shore" else 1].parent / "intervention.yaml"
    scored = CliRunner().invoke(main, ["score", str(done), "--spec", str(spec_file)])
    assert scored.exit_code in (0, 1) and "total" in scored.output, scored.output
    assert "CA00" not in scored.output.replace("CA007", ""), scored.output


@pytest.mark.parametrize("name", ["north-shore", "riverside"])
@pytest.mark.parametrize("document", ["local-handbook", "local-checklist"])
def test_the_word_file_opens_and_says_what_the_html_says(
    built: Path, name: str, document: str
) -> None:
    from codify.documents.docx import docx_text

    data = (built / name / f"{document}.docx").read_bytes()
    opened = docx.Document(__import__("io").BytesIO(data))
    assert opened.paragraphs, "the Word file has no paragraphs"
    word = re.sub(r"\s+", "", docx_text(data))
    page = re.sub(r"\s+", "", page_text((built / name / f"{document}.html").read_text("utf-8")))
    assert word == page


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))]
    return [(path, str(value))] if isinstance(value, str) else []


# Values the handbook shows in words rather than as written: dates ('March 2026'), codes of
# the FRAME vocabulary and readiness statuses, ids (shown by the names they stand for), and
# the spec's path.
_AS_WORDS = {"date", "start", "end", "launch", "status", "id", "spec", "version"}
_CODED = {"when", "planned", "decided_by", "what", "level", "context", "goals", "fidelity"}
_CODED |= {"elements", "nature", "target", "reasons", "references"}


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_every_text_of_a_profile_reaches_the_local_handbook(built: Path, profile: Path) -> None:
    data = YAML(typ="safe").load(profile.read_text(encoding="utf-8"))
    name = profile.name.removesuffix(".local.yaml")
    page = page_text((built / name / "local-handbook.html").read_text(encoding="utf-8"))
    markdown = (built / name / "local-handbook.md").read_text(encoding="utf-8")
    missing = []
    for path, text in _leaves(data):
        last = next((p for p in reversed(path) if isinstance(p, str)), "")
        if last in _AS_WORDS or (path[0] == "modifications" and last in _CODED):
            continue
        words = " ".join(text.split())
        if words not in page or words.split()[0] not in markdown:
            missing.append((path, words[:60]))
    assert missing == []
    # Each element a modification touched is named; each role holder, phase and criterion
    # the profile answers appears beside the spec's own name for it.
    checked = load_profile(profile)
    assert checked.spec is not None and checked.profile is not None
    names = {e.id: e.name for e in [*checked.spec.core_elements, *checked.spec.adaptable_elements]}
    for mod in checked.profile.modifications:
        for ident in mod.elements:
            assert " ".join(names[ident].split()) in page
    for role in checked.spec.roles:
        if role.id in checked.profile.roles:
            assert " ".join(role.title.split()) in page
    # Coded and dated values arrive in words: each date, each readiness status, the range.
    assert data["adopts"]["version"] in html.unescape(page)
    assert ("Not yet" in page) == any(
        r["status"] == "not_yet" for r in data.get("readiness", {}).values()
    )


HOSTILE = '<script>alert(1)</script> =cmd| "[x](javascript:alert(2))" *{{ 7*7 }}*'


def _copy_example(tmp: Path, folder: str = "raid") -> Path:
    target = tmp / folder
    shutil.copytree(ROOT / "examples" / folder, target)
    return target


def test_hostile_profile_text_stays_text_in_every_output(tmp_path: Path) -> None:
    from codify.documents.docx import docx_text

    folder = _copy_example(tmp_path)
    profile = folder / "north-shore.local.yaml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace(
        "name: North Shore Health Partnership (an invented example)", f"name: '{HOSTILE}'"
    ).replace("The hospital has a 24-hour", f"{HOSTILE} The hospital has a 24-hour")
    profile.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build_profiles([profile], out)
    page = (out / "local-handbook.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "javascript:" not in page
    shown = page_text(page)
    assert "<script>alert(1)</script>" in shown  # shown as text, not run
    assert "{{ 7" in shown  # profile text is data, never template code
    markdown = (out / "local-handbook.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "](javascript:" not in markdown
    word = docx_text((out / "local-handbook.docx").read_bytes())
    assert "<script>alert(1)</script>" in word  # text, exactly as written, never markup


def test_a_version_that_departs_from_the_model_says_so_before_anything_else(
    tmp_path: Path,
) -> None:
    # A modification logged as inconsistent with the model's core functions means the service
    # is not the model as specified: every local document says so under its title, and the
    # core elements are no longer said to be kept as they are without a word.
    from codify.documents.docx import docx_text

    folder = _copy_example(tmp_path)
    profile = folder / "north-shore.local.yaml"
    text = profile.read_text(encoding="utf-8")
    assert text.count("    fidelity: fidelity_consistent\n") == 1
    profile.write_text(
        text.replace(
            "    fidelity: fidelity_consistent\n", "    fidelity: fidelity_inconsistent\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_profiles([profile], out)
    banner = (
        "This local version departs from the model. 1 modification logged here is recorded as "
        "inconsistent with the model's core functions: as recorded, the service is not RAID"
    )
    for name in ("local-handbook.html", "local-checklist.html"):
        shown = page_text((out / name).read_text(encoding="utf-8"))
        assert banner in shown, name
        assert shown.index(banner) < shown.index("written for versions"), name
    core = "Here, though, 1 logged modification departs from the model's core functions"
    assert core in page_text((out / "local-handbook.html").read_text(encoding="utf-8"))
    for name in ("local-handbook.md", "local-checklist.md"):
        assert banner.replace("model. 1", "model.** 1").replace("This", "> **This") in (
            out / name
        ).read_text(encoding="utf-8"), name
    assert banner in " ".join(docx_text((out / "local-handbook.docx").read_bytes()).split())
    # A version that keeps to the model says nothing of the kind.
    build_profiles([ROOT / "examples" / "raid" / "north-shore.local.yaml"], tmp_path / "kept")
    kept = (tmp_path / "kept" / "local-handbook.html").read_text(encoding="utf-8")
    assert "departs from the model." not in page_text(kept)


def test_an_unfilled_role_shows_the_models_time_as_the_models(tmp_path: Path) -> None:
    # With no holder named, the Time column gives the model's guide, said to be the model's:
    # not to be read as this organisation's own figure.
    folder = _copy_example(tmp_path)
    profile = folder / "north-shore.local.yaml"
    text = profile.read_text(encoding="utf-8")
    held = "  psychologist:\n    - name: Clinical psychologist (a post)\n      time: 1.0 FTE\n"
    assert held in text
    profile.write_text(text.replace(held, ""), encoding="utf-8")
    out = tmp_path / "out"
    build_profiles([profile], out)
    page = (out / "local-handbook.html").read_text(encoding="utf-8")
    row = next(r for r in page.split("<tr>") if r.startswith("<td>Clinical psychologist</td>"))
    assert "Not filled yet" in row
    assert "the model&#39;s guide: The Birmingham team is reported to have" in row
    markdown = (out / "local-handbook.md").read_text(encoding="utf-8")
    assert "*the model's guide: The Birmingham team is reported" in markdown


def _png(width: int = 4, height: int = 2) -> bytes:
    """A small valid PNG image, red."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("name", "content", "pictures"),
    [
        ("logo.png", _png(), 1),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 0),
        ("logo.png", b"\x89PNG\r\n\x1a\n not really", 0),
    ],
)
def test_the_word_files_carry_the_organisations_logo(
    tmp_path: Path, name: str, content: bytes, pictures: int
) -> None:
    """The branding logo heads each Word file as it heads the HTML; a kind Word does not show
    (SVG) or an image it cannot read is left out of the Word file, and the build goes on."""
    import io

    folder = _copy_example(tmp_path)
    (folder / name).write_bytes(content)
    config = folder / "codify.toml"
    config.write_text(f'[branding]\nlogo = "{name}"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(folder / "north-shore.local.yaml"),
            "--out",
            str(out),
            "--config",
            str(config),
        ],
    )
    assert result.exit_code == 0, result.output
    for document in ("local-handbook", "local-checklist"):
        opened = docx.Document(io.BytesIO((out / f"{document}.docx").read_bytes()))
        assert len(opened.inline_shapes) == pictures, document
        assert 'class="logo"' in (out / f"{document}.html").read_text(encoding="utf-8")


def test_a_profile_that_fails_its_check_is_not_built(tmp_path: Path) -> None:
    folder = _copy_example(tmp_path)
    profile = folder / "north-shore.local.yaml"
    profile.write_text(
        profile.read_text("utf-8").replace('option: "Core 24"', 'option: "Core 99"'), "utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(profile), "-o", str(out)])
    assert result.exit_code == 1
    assert re.search(r"north-shore\.local\.yaml:\d+:\d+: CL008", result.output)
    assert not out.exists()


def test_a_second_build_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_profiles([EXAMPLES[1]], out)
    again = build_profiles([EXAMPLES[1]], out)
    assert first.profiles[0].written and not again.profiles[0].written
    assert again.profiles[0].files == first.profiles[0].files


def test_one_pdf_build_prints_both_documents(tmp_path: Path) -> None:
    from codify.documents.pdf import find_engine

    if find_engine() is None:
        pytest.skip("no PDF engine")
    out = tmp_path / "out"
    build_profiles([EXAMPLES[1]], out, pdf=True)
    for name in ("local-handbook.pdf", "local-checklist.pdf"):
        assert (out / name).read_bytes().startswith(b"%PDF")
    # Its bookmarks are the local handbook's sections, as the model handbook's are.
    pypdf = pytest.importorskip("pypdf")

    def titles(outline: list[Any]) -> list[str]:
        return [t for o in outline for t in (titles(o) if isinstance(o, list) else [o.title])]

    marks = titles(pypdf.PdfReader(out / "local-handbook.pdf").outline)
    for section in ("1 About this local version", "2 What we do here", "4 Who does what here"):
        assert section in marks, marks


# --- codify init --adopt ------------------------------------------------------------------------


def test_init_adopt_scaffolds_a_profile_that_checks_clean_once_filled_in(tmp_path: Path) -> None:
    from codify.checker import check_file

    folder = _copy_example(tmp_path, "schwartz_rounds")
    target = folder / "ours.local.yaml"
    runner = CliRunner()
    made = runner.invoke(
        main, ["init", "--adopt", str(folder / "intervention.yaml"), "--to", str(target)]
    )
    assert made.exit_code == 0, made.output
    found = check_file(target)
    assert found.diagnostics and {d.code for d in found.diagnostics} == {"CL027"}
    again = runner.invoke(
        main, ["init", "--adopt", str(folder / "intervention.yaml"), "--to", str(target)]
    )
    assert again.exit_code == 2 and "not overwriting" in again.output
    filled = re.sub(r'"TODO: [^"]*"', '"Filled in by the team."', target.read_text("utf-8"))
    target.write_text(filled, encoding="utf-8")
    assert check_file(target).diagnostics == []


def test_init_adopt_asks_for_guardrails_only_where_the_default_is_changed(
    tmp_path: Path,
) -> None:
    # Each element starts at its default, which answers no guardrail: the guardrail lines are
    # there to uncomment for a change, not blanks the first check counts against the team.
    from codify.checker import check_file

    folder = _copy_example(tmp_path)
    target = folder / "ours.local.yaml"
    made = CliRunner().invoke(
        main, ["init", "--adopt", str(folder / "intervention.yaml"), "--to", str(target)]
    )
    assert made.exit_code == 0, made.output
    text = target.read_text("utf-8")
    assert "    # guardrails:\n" in text and "\n    guardrails:" not in text
    found = check_file(target)
    assert not [
        d for d in found.diagnostics if ".guardrails" in d.message or "guardrail" in d.message
    ]
    # Uncommented under a changed choice, the lines are the guardrails the check wants.
    lines = text.split("\n")
    start = lines.index("    # guardrails:")
    end = start
    while lines[end].startswith("    #"):
        end += 1
    lines[start:end] = ["    " + line[6:] for line in lines[start:end]]
    element = next(
        i
        for i in range(start, 0, -1)
        if lines[i].startswith("  ") and lines[i].endswith(":") and not lines[i].startswith("   ")
    )
    assert lines[element + 1] == "    keep_default: true"
    lines[element + 1] = '    option: "Core 24"'
    filled = re.sub(r'"TODO: [^"]*"', '"Filled in by the team."', "\n".join(lines))
    target.write_text(filled, encoding="utf-8")
    assert check_file(target).diagnostics == []


def test_a_profile_with_blanks_left_is_not_built(tmp_path: Path) -> None:
    """A fresh `init --adopt` profile fails its check on each TODO (CL027, an error) and
    `codify build` writes no local handbook from it: none is handed out with blanks in it."""
    folder = _copy_example(tmp_path, "schwartz_rounds")
    target = folder / "ours.local.yaml"
    runner = CliRunner()
    spec = str(folder / "intervention.yaml")
    assert runner.invoke(main, ["init", "--adopt", spec, "--to", str(target)]).exit_code == 0
    checked = runner.invoke(main, ["check", str(target)])
    assert checked.exit_code == 1 and "CL027 still to fill in" in checked.output
    out = tmp_path / "out"
    built = runner.invoke(main, ["build", str(target), "--out", str(out)])
    assert built.exit_code == 1, built.output
    assert not (out / "local-handbook.html").exists()


# --- a profile pinned to an older version of its spec ---------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_a_profile_pinned_to_an_older_version_hears_what_changed_for_it(tmp_path: Path) -> None:
    from codify.checker import check_file

    folder = _copy_example(tmp_path)
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "1.0.0")
    _git(folder, "tag", "v1.0.0")
    spec = folder / "intervention.yaml"
    text = spec.read_text("utf-8")
    text = re.sub(r"(?m)^version: .*$", "version: 2.0.0", text, count=1)
    # Withdraw the option the profile chose for substance misuse, and add a required
    # readiness criterion.
    withdrawn = re.search(r"(?m)^ *- (?:option: )?\"?Within the generic team.*\n", text)
    assert withdrawn is not None
    text = text.replace(withdrawn.group(0), "", 1)
    text = text.replace(
        "readiness:\n",
        "readiness:\n  - id: board_sign_off\n    criterion: The board has signed off the "
        "service.\n    required: true\n",
        1,
    )
    spec.write_text(text, encoding="utf-8")
    _git(folder, "commit", "-qam", "2.0.0")
    result = check_file(folder / "north-shore.local.yaml")
    changed = [d for d in result.diagnostics if d.code == "CL026"]
    profile_lines = (folder / "north-shore.local.yaml").read_text("utf-8").splitlines()
    lines = {profile_lines[d.line - 1].strip().split(":")[0] for d in changed}
    assert "option" in lines, changed  # the withdrawn option, on the profile's own line
    assert "readiness" in lines, changed  # the new required readiness criterion
    assert all("v1.0.0" in d.message for d in changed)
    assert "CL005" in {d.code for d in result.diagnostics}


def test_without_git_the_changes_cannot_be_listed_and_a_note_says_so(tmp_path: Path) -> None:
    from codify.checker import check_file

    folder = _copy_example(tmp_path)
    spec = folder / "intervention.yaml"
    spec.write_text(
        re.sub(r"(?m)^version: .*$", "version: 2.0.0", spec.read_text("utf-8"), count=1), "utf-8"
    )
    result = check_file(folder / "north-shore.local.yaml")
    assert "CL026" not in {d.code for d in result.diagnostics}
    assert len(result.notes) == 1 and "cannot be listed" in result.notes[0].message


def test_every_local_section_has_a_template_in_each_syntax_and_the_guide_lists_it() -> None:
    from codify.documents.local import LOCAL_HANDBOOK

    templates = ROOT / "src" / "codify" / "templates"
    keys = {s.key for s in LOCAL_HANDBOOK}
    on_disk = {p.stem for p in (templates / "local" / "sections").iterdir()}
    assert on_disk - {"_approval"} == keys
    guide = (templates / "README.md").read_text(encoding="utf-8")
    for key in keys:
        for syntax in ("html", "md"):
            assert (templates / "local" / "sections" / f"{key}.{syntax}").is_file()
        assert f"`local/sections/{key}.html`" in guide, key


# --- every field of a profile reaches the local handbook ------------------------------------------

RIVERSIDE = ROOT / "examples" / "schwartz_rounds" / "riverside.local.yaml"


def _every_field_profile(folder: Path) -> Path:
    """The Riverside example with every field of the profile format filled in, beside a copy
    of its spec: an approval, a kept default, notes, and a modification with every FRAME code."""
    data = YAML(typ="safe").load(RIVERSIDE.read_text(encoding="utf-8"))
    data["organisation"]["sites"][0]["description"] = "A converted warehouse by the river."
    data["choices"]["frequency"].update(
        {
            "approval": {
                "requested": {"date": "2026-01-10", "to": "The licence holder"},
                "granted": {"date": "2026-01-20", "by": "The licence holder's Rounds team"},
                "note": "Agreed in a letter kept with the steering group's papers.",
            },
            "decided_by": "The steering group, at its first meeting",
            "date": "2026-01",
            "note": "The frequency is reviewed every year.",
        }
    )
    data["choices"]["sector"] = {
        "keep_default": True,
        "guardrails": {"emotional-focus": "The focus stays on the work's experience."},
    }
    data["roles"]["facilitator"][0]["note"] = "Vacant until May: recruiting."
    data["pathway"]["readiness"]["note"] = "Led by the steering group's chair."
    data["modifications"] = [
        {
            "id": "evening-round",
            "description": "One Round a quarter was held in the evening, for night staff.",
            "site": "Riverside Community Health headquarters (invented)",
            "date": "2026-12",
            "target": "implementation_strategy",
            "when": "implementation",
            "planned": "planned_reactive",
            "decided_by": ["programme_leader"],
            "what": ["context"],
            "level": "cohort",
            "context": ["setting"],
            "nature": ["tailoring"],
            "fidelity": "fidelity_inconsistent",
            "goals": ["increase_reach"],
            "reasons": [{"level": "organisation", "factor": "Night staff could not come at noon."}],
            "elements": ["regular-bounded-hour"],
            "references": ["maben-2018"],
        }
    ]
    shutil.copyfile(RIVERSIDE.parent / "intervention.yaml", folder / "intervention.yaml")
    profile = folder / "every.local.yaml"
    out = __import__("io").StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    profile.write_text(out.getvalue(), encoding="utf-8")
    return profile


def _fields(model: Any, prefix: str = "") -> set[str]:
    """Every field path of a pydantic model, into nested models through lists and mappings."""
    import types as pytypes
    import typing

    from pydantic import BaseModel

    found: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        found.add(path)
        todo = [info.annotation]
        while todo:
            t = todo.pop()
            if isinstance(t, type) and issubclass(t, BaseModel):
                found |= _fields(t, f"{path}.")
            elif typing.get_origin(t) in (list, dict, typing.Union, pytypes.UnionType):
                todo.extend(typing.get_args(t))
    return found


def _filled(value: Any, prefix: str = "") -> set[str]:
    """Every field path the instance fills (not None, not empty)."""
    from pydantic import BaseModel

    found: set[str] = set()
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is None or item == [] or item == {}:
                continue
            found.add(f"{prefix}{name}")
            found |= _filled(item, f"{prefix}{name}.")
    elif isinstance(value, list):
        for item in value:
            found |= _filled(item, prefix)
    elif isinstance(value, dict):
        for item in value.values():
            found |= _filled(item, prefix)
    return found


def _leaf_values(value: Any, path: str = "") -> list[tuple[str, Any]]:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return [
            leaf
            for name in type(value).model_fields
            for leaf in _leaf_values(getattr(value, name), f"{path}.{name}".lstrip("."))
        ]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaf_values(item, path)]
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaf_values(item, path)]
    return [] if value is None else [(path, value)]


# What the local handbook shows otherwise than as written, and how the test finds it there.
_SHOWN_AS_ID = {"organisation.sites.id": 'id="site-{}"', "modifications.id": 'id="mod-{}"'}
_NOT_SHOWN = {
    # The spec's file, which the profile reads: the handbook names the model and its version.
    "adopts.spec",
    # Named by their targets' names and citations, checked below.
    "modifications.elements",
    "modifications.references",
}


def test_every_field_of_a_profile_reaches_the_local_handbook(tmp_path: Path) -> None:
    from enum import Enum

    from codify.dates import words as date_words
    from codify.documents.formats import num
    from codify.local import LocalProfile
    from codify.phrases import Phrasebook

    profile_path = _every_field_profile(tmp_path)
    checked = load_profile(profile_path)
    assert checked.result.errors == 0, checked.result.diagnostics
    profile, spec = checked.profile, checked.spec
    assert profile is not None and spec is not None
    # The fixture fills every field of the format: a new field must be filled here too.
    assert _fields(LocalProfile) - _filled(profile) == set()

    out = tmp_path / "out"
    build_profiles([profile_path], out)
    raw = (out / "local-handbook.html").read_text(encoding="utf-8")
    page = page_text(raw)
    markdown = " ".join((out / "local-handbook.md").read_text(encoding="utf-8").split())
    book = Phrasebook()
    missing = []
    for path, value in _leaf_values(profile):
        if path in _NOT_SHOWN:
            continue
        if path in _SHOWN_AS_ID:
            shown = _SHOWN_AS_ID[path].format(value) in raw
        elif isinstance(value, bool):
            shown = True  # checked below: what each flag changes
        elif path == "readiness.status":
            shown = book.fill(f"local.ready_{value.value}") in page
        elif isinstance(value, Enum):
            label = book.label(value).lower()
            shown = label in page.lower() and label in markdown.lower()
        elif isinstance(value, (int, float)):
            shown = num(value) in page and num(value) in markdown
        elif path.split(".")[-1] in {"date", "start", "end", "launch"}:
            shown = date_words(str(value), book) in page
        elif path == "adopts.id":
            shown = f"`{value}`" in markdown
        else:
            words = " ".join(str(value).split())
            shown = words in page and words.split(":")[-1].strip().split()[0] in markdown
        if not shown:
            missing.append((path, value))
    assert missing == []
    # The flags: illustrative says so; keep_default says the default is kept.
    assert "Illustrative." in page
    assert "the model's default is kept" in page
    # Ids the profile keys by are shown by the names the spec gives them.
    names = {e.id: e.name for e in [*spec.core_elements, *spec.adaptable_elements]}
    for ident in [*profile.choices, *profile.modifications[0].elements]:
        assert " ".join(names[ident].split()) in page, ident
    for ident in profile.roles:
        assert next(r.title for r in spec.roles if r.id == ident) in page, ident
    for ident in profile.pathway:
        assert next(p.name for p in spec.pathway if p.id == ident) in page, ident
    assert "Maben" in page.split("Reported in")[-1]
    # A fidelity-inconsistent modification is flagged.
    assert "Departs from the model" in page


def test_a_choice_written_as_the_start_of_an_option_is_shown_in_the_models_words(
    built: Path,
) -> None:
    """Riverside chose "Theme-based", the start of a permitted option: the local checklist
    and handbook both give the option as the model words it, not the shortened form."""
    option = "Theme-based, different experiences of one theme"
    for document in ("local-checklist", "local-handbook"):
        for ext in ("md", "html"):
            page = (built / "riverside" / f"{document}.{ext}").read_text(encoding="utf-8")
            assert option in page, (document, ext)
    markdown = (built / "riverside" / "local-checklist.md").read_text(encoding="utf-8")
    assert "**Cases and themes:** Theme-based\n" not in markdown


def test_the_same_page_gives_the_same_word_file(built: Path) -> None:
    from codify.documents.docx import html_to_docx

    page = (built / "riverside" / "local-handbook.html").read_text(encoding="utf-8")
    first, second = html_to_docx(page), html_to_docx(page)
    assert first == second
    opened = docx.Document(__import__("io").BytesIO(first))
    assert opened.core_properties.title.endswith("our version of Schwartz Rounds: local handbook")
    assert opened.core_properties.created is None  # no date: the same bytes every time
    styles = {p.style.name for p in opened.paragraphs}
    assert {"Heading 1", "Heading 2", "List Bullet"} <= styles
    assert opened.tables, "the roles, readiness and dates tables are Word tables"


def test_the_word_file_keeps_links_to_the_web_and_to_e_mail() -> None:
    """A link of the page to the web or to an e-mail address is a link in Word too (in a
    paragraph or a table cell), to the same address with the same words; a link within the
    page, or to anything else, is its words alone."""
    import io

    from codify.documents.docx import docx_text, html_to_docx

    page = (
        "<html><head><title>T</title></head><body>"
        '<p><a href="https://example.org/a?b=1&amp;c=2">Maben</a> et al., see '
        '<a href="#later">below</a>, <a href="javascript:alert(1)">this</a> and '
        '<strong><a href="mailto:team@example.org">write</a></strong>.</p>'
        '<table><tr><th>Source</th></tr><tr><td>See <a href="https://doi.org/10.1/x">the '
        "trial</a> now</td></tr></table></body></html>"
    )
    data = html_to_docx(page)
    opened = docx.Document(io.BytesIO(data))
    cells = [p for t in opened.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    links = [(h.address, h.text) for p in [*opened.paragraphs, *cells] for h in p.hyperlinks]
    assert links == [
        ("https://example.org/a?b=1&c=2", "Maben"),
        ("mailto:team@example.org", "write"),
        ("https://doi.org/10.1/x", "the trial"),
    ]
    assert docx_text(data).splitlines() == [
        "Maben et al., see below, this and write.",
        "Source",
        "See the trial now",
    ]


def test_init_adopt_keeps_hostile_spec_text_inside_its_comments(tmp_path: Path) -> None:
    folder = _copy_example(tmp_path, "schwartz_rounds")
    spec = folder / "intervention.yaml"
    text = spec.read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    element = data["adaptable_elements"][0]
    # Line breaks the check lets through (it refuses control characters), as YAML escapes.
    hostile = '"Frequency\\u2028evil: true\\u2029# and\\nmore: 1"'
    line = next(ln for ln in text.splitlines() if ln.strip() == f"name: {element['name']}")
    spec.write_text(text.replace(line, line.split("name:")[0] + "name: " + hostile, 1), "utf-8")
    assert "evil" in YAML(typ="safe").load(spec.read_text("utf-8"))["adaptable_elements"][0]["name"]
    target = folder / "ours.local.yaml"
    made = CliRunner().invoke(main, ["init", "--adopt", str(spec), "--to", str(target)])
    assert made.exit_code == 0, made.output
    loaded = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    assert "evil" not in loaded and "more" not in loaded
    assert set(loaded["choices"]) == {e["id"] for e in data["adaptable_elements"]}


def test_without_python_docx_the_rest_is_built_and_a_note_says_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codify.extras

    real = codify.extras.missing_modules
    monkeypatch.setattr(
        codify.extras,
        "missing_modules",
        lambda extra, modules=None: ["docx"] if extra == "docx" else real(extra, modules),
    )
    out = tmp_path / "out"
    result = build_profiles([EXAMPLES[1]], out)
    names = sorted(p.name for p in result.profiles[0].files)
    assert names == [
        "local-assessment.yaml",
        "local-checklist.html",
        "local-checklist.md",
        "local-handbook.html",
        "local-handbook.md",
    ]
    assert any("pip install 'codify-interventions[docx]'" in n for n in result.notes)
