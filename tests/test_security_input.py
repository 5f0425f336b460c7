"""Reading and checking untrusted input: whatever a spec or a settings file holds, `codify check`
answers with a positioned problem or a message naming the file, in bounded time and memory,
and never with a traceback or an internal error."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.loader import MAX_BYTES, LoadError, read_untrusted

# A generous guard so that a regression (a read that blocks for ever) fails instead of hanging
# the suite; it bounds nothing a user sees and is not a measurement.
HANG_GUARD = 120


def run(*args: str) -> tuple[int, str]:
    """Run the real CLI in-process; no run may end in a traceback or an internal error."""
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    assert "internal error" not in result.output, result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def run_process(*args: str, limit_memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run `codify` in a fresh process, optionally with its address space capped (bytes)."""

    def cap() -> None:
        if limit_memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit_memory, limit_memory))

    proc = subprocess.run(
        [sys.executable, "-m", "codify", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        preexec_fn=cap if limit_memory is not None else None,
    )
    both = proc.stdout + proc.stderr
    assert "Traceback" not in both and "internal error" not in both, both
    return proc


def write(folder: Path, text: str, name: str = "intervention.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(base: str, old: str, new: str) -> str:
    assert old in base, f"the scaffold no longer holds {old!r}"
    return base.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` starts."""
    return text[: text.index(needle)].count("\n") + 1


# --- 1. only regular files, read only up to the limit ---------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_spec_linked_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.symlink_to("/dev/zero")
    # Capped memory: reading the device until it ends would exhaust any limit.
    proc = run_process("check", str(spec), limit_memory=2 * 1024**3)
    assert proc.returncode == 2
    assert f"{spec}: CY001 is a device, not a regular file" in proc.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "huddles.intervention.yaml"
    os.mkfifo(pipe)
    proc = run_process("check", str(tmp_path))  # found by searching the folder, too
    assert proc.returncode == 2
    assert f"{pipe}: CY001 is a named pipe (FIFO), not a regular file" in proc.stdout


def test_a_huge_file_is_refused_as_too_large_without_being_read(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    with spec.open("wb") as fh:
        fh.truncate(4 * 1024**3)  # 4 GiB, sparse: no disk space is used
    # With 1 GiB of address space, reading the whole file would fail with MemoryError.
    proc = run_process("check", str(spec), limit_memory=1024**3)
    assert proc.returncode == 2
    assert f"{spec}: CY001 file is larger than 20 MB" in proc.stdout


def test_a_file_just_over_the_limit_is_refused_and_one_at_it_is_read(tmp_path: Path) -> None:
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(LoadError, match="larger than 20 MB"):
        read_untrusted(over, "over.yaml")
    at = tmp_path / "at.yaml"
    at.write_bytes(b"#" * 100)
    assert read_untrusted(at, "at.yaml", limit=100) == b"#" * 100
    with pytest.raises(LoadError, match="larger than 99 bytes"):
        read_untrusted(at, "at.yaml", limit=99)


def test_a_folder_where_a_file_is_expected_is_called_a_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        read_untrusted(tmp_path, "given.yaml")
    assert info.value.diagnostic.location() == "given.yaml"
    assert str(info.value) == "is a folder, not a file"


ENCODINGS = {
    "utf-16 with a byte-order mark": ("utf-16", "UTF-16"),
    "utf-16-le without a mark": ("utf-16-le", "UTF-16"),
    "utf-16-be without a mark": ("utf-16-be", "UTF-16"),
    "utf-32 with a byte-order mark": ("utf-32", "UTF-32"),
    "utf-32-be without a mark": ("utf-32-be", "UTF-32"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_wide_unicode_text_is_named_and_the_fix_given(
    tmp_path: Path, base_spec: str, name: str
) -> None:
    codec, shown = ENCODINGS[name]
    spec = tmp_path / "intervention.yaml"
    spec.write_bytes(base_spec.replace("huddles", "huddles – café").encode(codec))
    code, out = run("check", str(spec))
    assert code == 2
    first = out.splitlines()[0]
    assert first.startswith(f"{spec}: CY002 the file is saved as {shown}"), first
    assert "save it as UTF-8" in first and "binary" not in first


def test_binary_files_are_still_called_binary_with_the_position(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_bytes(b"id: x\nname: \x00\x01\x02\xff\xfe\x00\x00\x00\x9a")
    code, out = run("check", str(spec))
    assert code == 2
    assert out.startswith(f"{spec}:2:7: CY002 binary file (contains NUL bytes)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_settings_files_are_read_the_same_careful_way(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec)
    pipe = tmp_path / "codify.toml"
    os.mkfifo(pipe)
    proc = run_process("check", "--config", str(pipe), str(spec))
    assert proc.returncode == 2
    assert f"codify: {pipe}: is a named pipe (FIFO), not a regular file" in proc.stderr
    wide = tmp_path / "wide.toml"
    wide.write_bytes('[rules]\nCR011 = "off"\n'.encode("utf-16"))
    code, out = run("check", "--config", str(wide), str(spec))
    assert code == 2 and f"{wide}: the file is saved as UTF-16" in out


# --- 2. did-you-mean stays bounded --------------------------------------------------------------


def misspelt(folder: Path, base_spec: str, n: int) -> Path:
    """A spec with n roles and n references to them, each misspelt."""
    from codify.loader import load_text

    data = load_text(base_spec).data
    role = data["roles"][0]
    data["roles"] += [{**role, "id": f"role-{i}"} for i in range(n)]
    data["core_elements"][0]["roles"] = [f"rloe-{i}" for i in range(n)]
    return write(folder, json.dumps(data, indent=1), f"n{n}.intervention.yaml")


def test_thousands_of_misspelt_references_are_all_reported(tmp_path: Path, base_spec: str) -> None:
    code, out = run("check", "--format", "json", str(misspelt(tmp_path, base_spec, 1000)))
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "CR002"]
    assert code == 1 and len(found) == 1000
    # The first ones still get a hint; the budget only ends the search, never the report.
    assert found[0]["message"] == "'rloe-0' is not the id of any role; did you mean 'role-0'?"


def test_suggestion_work_grows_no_faster_than_the_typos(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Work is counted, not timed: every suggestion compares strings with difflib's
    # SequenceMatcher, one set_seq1 call per candidate looked at. Each typo used to be compared
    # with every id, so four times the typos (and ids) cost sixteen times the comparisons.
    import difflib

    calls = 0
    original = difflib.SequenceMatcher.set_seq1

    def counted(self: difflib.SequenceMatcher[str], a: str) -> None:
        nonlocal calls
        calls += 1
        original(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counted)
    work = {}
    for n in (500, 2000):
        calls = 0
        assert run("check", "-q", str(misspelt(tmp_path, base_spec, n)))[0] == 1
        work[n] = calls
    assert work[500] > 0
    assert work[2000] <= 4 * work[500], work


def test_suggestions_match_difflib_and_stop_when_the_budget_is_spent() -> None:
    import difflib

    from codify.structure import Suggester, SuggestionBudget

    names = ["facilitator", "panellist", "clinical-lead", "steering-group", "a", "ab", "abd"]
    for word in ("facilitater", "panelist", "clinical_lead", "steering", "b", "abc", "zzzz"):
        expected = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        assert Suggester(names)(word) == (expected[0] if expected else None), word
    # Past 80 characters nobody expects a hint, and comparing long strings is what is slow.
    assert Suggester(["x" * 200])("x" * 199) is None
    assert Suggester(["CR011", "CR012"])("cr011") == "CR011"  # a case slip first
    spent = Suggester(names, SuggestionBudget(3))
    assert spent("facilitater") is None  # out of budget: no hint, and no more work


# --- 3. content that used to crash the checker -----------------------------------------------


@pytest.mark.parametrize(
    "value", ["<<", "[<<]", "!!merge x"], ids=["plain", "in-a-list", "merge-tag"]
)
def test_a_merge_key_used_as_a_value_is_a_positioned_error(
    tmp_path: Path, base_spec: str, value: str
) -> None:
    text = edited(base_spec, "status: draft ", f"status: {value} ")
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 2
    line = line_of(text, "status: ")
    assert re.match(rf"{re.escape(str(spec))}:{line}:\d+: CY003 '<<' is YAML's merge key", out)


@pytest.mark.parametrize(
    "number", ["1" + "0" * 4400, "-" + "9" * 101, "0x" + "f" * 5000, "!!int " + "7" * 5000]
)
def test_an_overlong_integer_is_a_positioned_error(
    tmp_path: Path, base_spec: str, number: str
) -> None:
    text = edited(base_spec, "version: 0.1.0", f"version: {number}")
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 2
    line = line_of(text, "\nversion: ") + 1  # not format_version, on the line above
    assert out.startswith(f"{spec}:{line}:10: CY007 a number of more than 100 digits")


PATHS = {
    "nul": ('"guide\\0.pdf"', "contains a NUL character"),
    "escape": ('"guide\\e[2J.pdf"', "contains the control character U+001B"),
    "newline": ('"guide\\n.pdf"', "contains the control character U+000A"),
    "300 characters": ("a" * 300, "is 300 characters long"),
    "a name over 255 bytes": ("é" * 200, "has a name longer than 255 bytes"),
    "a folder": ("materials", "is a folder, not a file"),
    "the spec's own folder": ('"."', "is a folder, not a file"),
}


@pytest.mark.parametrize("case", sorted(PATHS))
def test_an_unusable_material_path_is_refused_with_a_reason(
    tmp_path: Path, base_spec: str, case: str
) -> None:
    value, reason = PATHS[case]
    (tmp_path / "materials").mkdir()
    text = edited(
        base_spec,
        "    provided_by: The originating organisation\n",
        f"    path: {value}\n",
    )
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    line = line_of(text, "    path: ")
    assert re.search(
        rf"^{re.escape(f'{spec}:{line}:11: CR013')} '.*' {re.escape(reason)}", out, re.M
    ), out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_material_path_to_a_pipe_is_refused(tmp_path: Path, base_spec: str) -> None:
    os.mkfifo(tmp_path / "guide.pdf")
    text = edited(
        base_spec, "    provided_by: The originating organisation\n", "    path: guide.pdf\n"
    )
    code, out = run("check", str(write(tmp_path, text)))
    assert code == 1 and "CR013 'guide.pdf' is not a regular file" in out


SETTINGS = {
    "rules as a string": ('rules = "off"', "rules: expected a table"),
    "rules as an array": ('rules = ["CR011"]', "rules: expected a table"),
    "a severity as a number": ("[rules]\nCR011 = 0", "rules.CR011: expected"),
    "a severity as a boolean": ("[rules]\nCR011 = false", "rules.CR011: expected"),
    "a severity as an array": ('[rules]\nCR011 = ["off"]', "rules.CR011: expected"),
    "a severity as a table": ("[rules.CR011]\nlevel = 'off'", "rules.CR011: expected"),
    "branding as a string": ('branding = "NHS"', "branding: expected a table"),
    "a logo as a table": ("[branding.logo]\npath = 'x.png'", "branding.logo: expected a string"),
    "an organisation as a boolean": ("[branding]\norganisation = true", "branding.organisation"),
    "a colour as a number": ("[branding]\naccent_color = 0x005eb8", "branding.accent_color"),
    "a date for a name": ("[branding]\norganisation = 2024-01-01", "got a date or time"),
    "a control character": ('[branding]\norganisation = "a\\u001b[2J"', "U+001B"),
}


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_settings_of_the_wrong_type_name_the_file_and_the_key(
    tmp_path: Path, base_spec: str, case: str
) -> None:
    body, expected = SETTINGS[case]
    spec = write(tmp_path, base_spec)
    config = write(tmp_path, body + "\n", "codify.toml")
    code, out = run("check", "--config", str(config), str(spec))
    assert code == 2
    assert out.startswith(f"codify: {config}: "), out
    assert expected in out, out


@pytest.mark.parametrize(
    "body",
    ['[tool]\ncodify = "x"', "tool = 1", "[tool.codify]\nrules = 3", "[tool.codify.branding.x]"],
)
def test_pyproject_tables_of_the_wrong_type_are_named(
    tmp_path: Path, base_spec: str, body: str
) -> None:
    spec = write(tmp_path, base_spec)
    config = write(tmp_path, body + "\n", "pyproject.toml")
    code, out = run("check", "--config", str(config), str(spec))
    assert code == 2
    assert re.match(rf"codify: {re.escape(str(config))}: tool(\.codify)?[.:]", out), out


def test_settings_written_as_a_dotted_table_are_found(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write(tmp_path, base_spec.replace("status: draft", "status: spreading"))
    write(tmp_path, '[tool]\ncodify = {rules = {CR010 = "error"}}\n', "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    code, out = run("check", str(spec))
    assert code == 1 and "CR010" in out and "(warning)" not in out


def test_an_id_with_a_trailing_newline_gets_plain_words(tmp_path: Path, base_spec: str) -> None:
    text = re.sub(r"^id: .*$", "id: |\n  hand-hygiene", base_spec, count=1, flags=re.M)
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    assert f"{spec}:{line_of(text, 'id: |')}:5: CS004 id: 'hand-hygiene\\n' is not valid" in out
    assert "it ends with a line break" in out
    for raw in ("String should", "should match pattern", "Input should", "^[a-z]"):
        assert raw not in out


# --- 4. rule codes in settings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'cr011 = "off"',
            "rules.cr011: unknown rule code 'cr011'; codes are upper case: did you mean 'CR011'?",
        ),
        ('CR999 = "off"', "rules.CR999: unknown rule code 'CR999'; the rules are CR001 to"),
        ('CS001 = "off"', "rules.CS001: CS001 is a load or structure check"),
        (
            'CR011 = "Off"',
            "rules.CR011: 'Off' is not one of: error, warning, off; did you mean 'off'?",
        ),
    ],
)
def test_rule_codes_and_severities_are_exact_and_mistakes_are_explained(
    tmp_path: Path, base_spec: str, body: str, expected: str
) -> None:
    spec = write(tmp_path, base_spec)
    config = write(tmp_path, f"[rules]\n{body}\n", "codify.toml")
    code, out = run("check", "--config", str(config), str(spec))
    assert code == 2
    assert out == f"codify: {config}: {expected}" + out.partition(expected)[2], out


# --- 5. the glossary ----------------------------------------------------------------------------


@pytest.mark.parametrize("second", ["NHS", "nhs", " Nhs  ", "ＮＨＳ"])
def test_a_glossary_term_defined_twice_is_an_error_at_the_second(
    tmp_path: Path, base_spec: str, second: str
) -> None:
    text = edited(
        base_spec,
        "problem: >-\n",
        "glossary:\n  - term: NHS\n    definition: National Health Service.\n"
        f"  - term: {json.dumps(second, ensure_ascii=False)}\n    definition: Again.\n"
        "problem: >-\n",
    )
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    line = line_of(text, "  - term: " + json.dumps(second, ensure_ascii=False))
    assert f"{spec}:{line}:11: CR015 glossary term" in out
    assert "is already defined at glossary[0]" in out


# --- 6. new rules: pictures and hidden characters in text ----------------------------------------

IMAGES = {
    "inline": "![chart](http://169.254.169.254/latest)",
    "a local file": "![](file:///etc/passwd)",
    "reference": "![logo][1]\n\n  [1]: /etc/passwd",
    "collapsed reference": "![logo][]",
    "shortcut": "see ![logo] here",
    "brackets in the alt text": "![a [nested] alt](x.png)",
    "a line break in the alt text": "![two\n  lines](x.png)",
    "with a title": '![x](x.png "title")',
    "an escaped backslash before it": "\\\\![x](x.png)",
}


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_a_markdown_image_in_any_text_is_an_error(
    tmp_path: Path, base_spec: str, case: str
) -> None:
    text = edited(
        base_spec,
        "  The problem the intervention addresses, and for whom.\n",
        f"  The problem. {IMAGES[case]}\n",
    )
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    assert (
        f"{spec}:{line_of(text, 'problem: >-')}:10: CR016 problem contains a Markdown image" in out
    )


def test_images_are_found_deep_in_the_spec_and_an_escaped_one_is_text(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(
        base_spec, "    fidelity:\n      - ", "    fidelity:\n      - Seen ![it](http://x/y.png) "
    )
    text = edited(text, "  The problem the", "  Write \\![x](y) to show the syntax. The")
    spec = write(tmp_path, text)
    code, out = run("check", "--format", "json", str(spec))
    found = [d for d in json.loads(out)["diagnostics"] if d["code"] == "CR016"]
    assert code == 1 and len(found) == 1
    assert found[0]["message"].startswith("core_elements[0].fidelity[0] contains")


CONTROLS = {
    "ESC": ("\\e", "U+001B"),
    "BEL": ("\\a", "U+0007"),
    "carriage return": ("\\r", "U+000D"),
    "DEL": ("\\x7f", "U+007F"),
    "NEL (C1)": ("\\N", "U+0085"),
    "C1 CSI": ("\\x9b", "U+009B"),
    "right-to-left override": ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "left-to-right embedding": ("\\u202a", "U+202A (LEFT-TO-RIGHT EMBEDDING)"),
    "first strong isolate": ("\\u2068", "U+2068 (FIRST STRONG ISOLATE)"),
    "pop directional isolate": ("\\u2069", "U+2069 (POP DIRECTIONAL ISOLATE)"),
}


@pytest.mark.parametrize("case", sorted(CONTROLS))
def test_control_and_direction_characters_are_errors_naming_the_character(
    tmp_path: Path, base_spec: str, case: str
) -> None:
    escape, name = CONTROLS[case]
    text = edited(
        base_spec,
        "    title: Delivery guide\n",
        f'    title: "Delivery {escape}guide"\n',
    )
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    line = line_of(text, '    title: "Delivery')
    assert f"{spec}:{line}:12: CR017 materials[0].title contains the character {name}" in out


def test_direction_characters_pasted_raw_are_found_and_tabs_are_fine(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(base_spec, "\nsummary: >-", '\nshort_name: "a\\tb"\nsummary: >-')
    assert run("check", str(write(tmp_path, text)))[0] == 0
    text = edited(base_spec, "    title: Delivery guide", "    title: Delivery \u202eguide")
    code, out = run("check", str(write(tmp_path, text)))
    assert code == 1 and "CR017" in out and "\u202e" not in out


def test_check_still_imports_no_markdown_when_it_finds_an_image(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(base_spec, "  The problem the", "  ![x](y) The")
    spec = write(tmp_path, text)
    probe = (
        "import sys\n"
        "from codify.cli import main\n"
        f"sys.argv = ['codify', 'check', {str(spec)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jinja2', 'mkdocs', 'markdown', 'material') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "CR016" in proc.stdout and "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


# --- messages never repeat hostile text raw ------------------------------------------------------


def test_messages_quote_hostile_keys_and_values_escaped_and_short(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(
        base_spec,
        "status: draft ",
        'status: "draft\\e[2J"\n"fo\\e]0;x\\ao": 1\nversion_: ' + "v" * 5000 + "\n#",
    )
    code, out = run("check", str(write(tmp_path, text)))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "status: 'draft\\x1b[2J' is not one of" in out
    assert "unknown key 'fo\\x1b]0;x\\x07o'" in out
    assert max(len(line) for line in out.splitlines()) < 400


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x08", "\x7f", "\x9b"])
def test_a_raw_control_character_in_the_file_is_a_positioned_error(
    tmp_path: Path, base_spec: str, char: str
) -> None:
    text = edited(base_spec, "status: draft ", f"status: dr{char}aft ")
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 2
    line = line_of(text, "status: ")
    assert re.match(rf"{re.escape(str(spec))}:{line}:11: CY003 the file contains U\+00", out), out
    assert char not in out


def test_aliases_cannot_repeat_a_long_text_past_the_size_limit(tmp_path: Path) -> None:
    # Few nodes, much text: 20,000 aliases to a 10 KB string would expand to 200 MB.
    long_text = "word " * 2000
    lines = ["id: x", "mechanisms:", f'  - &m "{long_text}"', *(["  - *m"] * 20_000)]
    spec = tmp_path / "intervention.yaml"
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run("check", str(spec))
    assert code == 2
    assert re.match(rf"{re.escape(str(spec))}:\d+:\d+: CY007 the document expands to more", out)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop privileges")
def test_settings_search_passes_over_folders_it_may_not_read(
    monkeypatch: pytest.MonkeyPatch, base_spec: str
) -> None:
    import shutil
    import tempfile

    from tests.conftest import run_unprivileged

    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        (base / "spec").mkdir(mode=0o755)
        spec = base / "spec" / "intervention.yaml"
        spec.write_text(base_spec, encoding="utf-8")
        spec.chmod(0o644)
        assert run("check", str(spec))[0] == 0  # imports done here, as root
        private = base / "private"
        private.mkdir(mode=0o700)  # root's: 'nobody' may not look inside
        monkeypatch.chdir(private)
        code, out = run_unprivileged(["check", str(spec)])
        assert code == 0, out
        assert "internal error" not in out
    finally:
        shutil.rmtree(base, ignore_errors=True)
