"""What ruff and pre-commit users expect of a command line: stdin, aliases, -v/-q/--config on
every command, inline and per-file suppression, and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codify.cli import COMMANDS, cli
from tests.conftest import ROOT

SPARE_ROLE = """roles:
  - id: spare{comment}
    title: {title}
    responsibilities: [Nothing yet.]
    time_commitment: None
  - id: lead"""


def run(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None) -> Result:
    """The CLI in-process, with stdout and stderr apart; never a traceback."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), input=stdin)
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result


def with_spare_role(spec: str, comment: str = "", title: str = "Spare") -> str:
    """The base spec with a role nothing uses (CR011), its `- id:` line ending in `comment`."""
    return spec.replace("roles:\n  - id: lead", SPARE_ROLE.format(comment=comment, title=title))


# --- standard input ---------------------------------------------------------------------------


def test_dash_reads_a_spec_from_stdin_with_the_stdin_filename_in_positions(
    base_spec: str,
) -> None:
    spec = base_spec.replace("version: 0.1.0", "version: '1.0'")
    plain = run("check", "-", stdin=spec)
    assert plain.exit_code == 1
    assert plain.stdout.startswith("-:10:10: CR006 ")
    named = run("check", "--stdin-filename", "specs/ward.intervention.yaml", "-", stdin=spec)
    assert named.stdout.startswith("specs/ward.intervention.yaml:10:10: CR006 ")
    # A name for standard input and no paths: standard input is read, as in ruff.
    implied = run("check", "--stdin-filename", "ward.yaml", stdin=spec)
    assert implied.stdout.startswith("ward.yaml:10:10: CR006 ")


def test_stdin_is_checked_beside_files_and_read_like_one(tmp_path: Path, base_spec: str) -> None:
    (tmp_path / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    both = run("check", "-", str(tmp_path), stdin=base_spec)
    assert (both.exit_code, both.stdout) == (0, "All good: 2 files checked, no problems.\n")
    bad = run("check", "-", stdin=b"id: x\n\xff\n")
    assert bad.exit_code == 2 and bad.stdout.startswith("-:2:1: CY002 not valid UTF-8")
    empty = run("check", "-", stdin="")
    assert empty.exit_code == 2 and "CY004" in empty.stdout


def test_relative_paths_in_a_spec_on_stdin_are_read_beside_its_stdin_filename(
    tmp_path: Path, base_spec: str
) -> None:
    spec = base_spec.replace(
        "    provided_by: The originating organisation",
        "    provided_by: The originating organisation\n    path: guide.pdf",
    )
    (tmp_path / "guide.pdf").write_bytes(b"%PDF-1.4\n")
    missing = run("check", "-", stdin=spec)  # read from the working folder: not there
    assert missing.exit_code == 1 and "CR013 'guide.pdf' does not exist" in missing.stdout
    named = str(tmp_path / "intervention.yaml")
    found = run("check", "--stdin-filename", named, "-", stdin=spec)
    assert found.exit_code == 0, found.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "`-` (standard input) is given more than once"),
        (["--stdin-filename", "x.yaml", "examples"], "add `-` to the paths"),
    ],
)
def test_stdin_usage_errors_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = run("check", *args, stdin="id: x\n")
    assert result.exit_code == 2 and message in result.stderr


# --- --output-format and --output-file --------------------------------------------------------


def test_output_format_is_an_alias_of_format(base_spec: str) -> None:
    spec = base_spec.replace("version: 0.1.0", "version: '1.0'")
    for fmt in ("json", "sarif", "junit", "gitlab", "github"):
        assert run("check", "--output-format", fmt, "-", stdin=spec).stdout == (
            run("check", "--format", fmt, "-", stdin=spec).stdout
        )


def test_output_file_takes_the_report_and_the_exit_code_stays(
    tmp_path: Path, base_spec: str
) -> None:
    spec = base_spec.replace("version: 0.1.0", "version: '1.0'")
    target = tmp_path / "report dir" / "codify.sarif"
    target.parent.mkdir()
    result = run("check", "--output-format", "sarif", "-o", str(target), "-", stdin=spec)
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == (
        "CR006"
    )
    clean = tmp_path / "clean.sarif"
    quiet = run("check", "-q", "--output-format", "sarif", "-o", str(clean), "-", stdin=base_spec)
    assert (quiet.exit_code, quiet.stdout) == (0, "")
    assert json.loads(clean.read_text(encoding="utf-8"))["runs"][0]["results"] == []
    unwritable = run("check", "-o", str(tmp_path / "no such dir" / "x.txt"), "-", stdin=spec)
    assert unwritable.exit_code == 2 and "cannot write the output" in unwritable.stderr


# --- -v, -q and --config on every command -----------------------------------------------------

COMMAND_LINES = {
    "check": ["check", "{spec}"],
    "rules": ["rules"],
    "explain": ["explain", "CR011"],
    "tidier": ["tidier", "{spec}"],
    "schema": ["schema"],
    "init": ["init", "{tmp}/new"],
    "build": ["build", "{spec}", "--out", "{tmp}/out"],
    "site": ["site", "{spec}", "--out", "{tmp}/site"],
    "score": ["score", "{tmp}/assessment.yaml", "--spec", "{spec}"],
    "references": ["references", "import", "{tmp}/refs.json"],
    "migrate": ["migrate", "--check", "{spec}"],
    "diff": ["diff", "{spec}", "{spec}"],
    "changes": ["changes", "{spec}", "--no-git", "--out", "{tmp}/changes"],
    "network": ["network", "{network}", "--out", "{tmp}/network"],
}


def test_every_command_has_a_command_line_here() -> None:
    assert sorted(COMMAND_LINES) == sorted(COMMANDS)


def _help(name: str) -> str:
    words = ["references", "import"] if name == "references" else [name]
    return run(*words, "--help").stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_takes_verbose_quiet_and_config(name: str) -> None:
    shown = _help(name)
    for option in ("-v, --verbose", "-q, --quiet", "--config"):
        assert option in shown, f"codify {name} lacks {option}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_reads_config_and_says_so_with_v(
    name: str, tmp_path: Path, base_spec: str
) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text(base_spec, encoding="utf-8")
    (tmp_path / "refs.json").write_text("[]", encoding="utf-8")
    (tmp_path / "assessment.yaml").write_text("intervention: x\n", encoding="utf-8")
    network = ROOT / "examples" / "raid" / "network"
    line = [w.format(spec=spec, tmp=tmp_path, network=network) for w in COMMAND_LINES[name]]
    bad = tmp_path / "bad.toml"
    bad.write_text('[rules]\nCR999 = "off"\n', encoding="utf-8")
    refused = run(*line, "--config", str(bad))
    assert refused.exit_code == 2, refused.output
    assert f"{bad}: rules.CR999: unknown rule code" in refused.stderr
    good = tmp_path / "codify.toml"
    good.write_text('language = "en"\n', encoding="utf-8")
    told = run(*line, "-v", "--config", str(good))
    assert f"codify: settings: {good}\n" in told.stderr, told.output


def test_quiet_init_writes_the_spec_and_says_nothing(tmp_path: Path) -> None:
    result = run("init", "-q", str(tmp_path / "new"), "--name", "Ward huddles")
    assert (result.exit_code, result.stdout) == (0, "")
    assert (tmp_path / "new" / "intervention.yaml").is_file()


def test_verbose_check_lists_each_file_and_each_suppressed_finding(base_spec: str) -> None:
    spec = with_spare_role(base_spec, "  # codify: ignore[CR011]")
    result = run("check", "-v", "--stdin-filename", "w.yaml", stdin=spec)
    assert result.exit_code == 0
    assert "codify: checked w.yaml: errors: 0, warnings: 0, suppressed: 1\n" in result.stderr
    assert "CR011 role 'spare' is not used" in result.stderr
    assert "(suppressed by comment on line " in result.stderr


# --- inline suppression -----------------------------------------------------------------------


def test_a_comment_on_the_line_of_a_finding_suppresses_it(base_spec: str) -> None:
    unsuppressed = run("check", "--format", "json", "-", stdin=with_spare_role(base_spec))
    (finding,) = json.loads(unsuppressed.stdout)["diagnostics"]
    assert finding["code"] == "CR011"
    spec = with_spare_role(base_spec, "  # codify: ignore[CR011]")
    result = run("check", "--format", "json", "-", stdin=spec)
    data = json.loads(result.stdout)
    assert (result.exit_code, data["diagnostics"], data["notes"]) == (0, [], [])
    (hidden,) = data["suppressed"]
    assert (hidden["code"], hidden["line"]) == ("CR011", finding["line"])
    assert hidden["suppressed_by"] == f"comment on line {finding['line']}"
    assert data["files"][0]["suppressed"] == 1
    text = run("check", "-", stdin=spec)
    assert text.stdout == "All good: 1 file checked, no problems (1 suppressed).\n"


def test_a_comment_on_an_items_id_line_covers_the_whole_item(base_spec: str) -> None:
    spec = base_spec.replace(
        "    roles: [lead]\n    materials: [guide]\n    fidelity:",
        ("    roles: [leed]\n    materials: [guide]\n    fidelity:"),
        1,
    )
    broken = run("check", "-", stdin=spec)
    assert broken.exit_code == 1 and "CR002 'leed'" in broken.stdout
    covered = spec.replace(
        "  - id: core-activity", "  - id: core-activity  # codify: ignore[CR002]"
    )
    result = run("check", "-", stdin=covered)
    assert result.exit_code == 0, result.stdout
    assert "(1 suppressed)" in result.stdout
    # The same comment on another item's line covers nothing here, and says so.
    elsewhere = spec.replace("  - id: timing", "  - id: timing  # codify: ignore[CR002]")
    missed = run("check", "-", stdin=elsewhere)
    assert missed.exit_code == 1 and "CR002 'leed'" in missed.stdout
    assert "note: unused suppression: no CR002 finding here" in missed.stdout


def test_only_real_comments_suppress_not_text_that_looks_like_one(base_spec: str) -> None:
    quoted = with_spare_role(base_spec, title='"Spare  # codify: ignore[CR011]"')
    assert "CR011" in run("check", "-", stdin=quoted).stdout
    block = base_spec.replace(
        "problem: >-\n  The problem the intervention addresses, and for whom.",
        "problem: |-\n  The problem.\n  # codify: ignore[CR011]",
    )
    assert "CR011" in run("check", "-", stdin=with_spare_role(block)).stdout


def test_suppressions_that_cannot_work_are_noted_and_change_no_exit_code(
    base_spec: str,
) -> None:
    spec = base_spec.replace(
        "id: hand-hygiene ", "id: hand-hygiene  # codify: ignore[CS001, CR999, CR011] "
    ).replace("version: 0.1.0 ", "version: 0.1.0  # codify: ignore ")
    lines = spec.splitlines()
    at_id = next(i for i, line in enumerate(lines, 1) if line.startswith("id: "))
    at_version = next(i for i, line in enumerate(lines, 1) if line.startswith("version: "))
    result = run("check", "-", stdin=spec)
    assert result.exit_code == 0
    notes = [line for line in result.stdout.splitlines() if ": note: " in line]
    assert notes == [
        f"-:{at_id}:19: note: CS001 cannot be suppressed: only the semantic rules (CR codes) "
        "can be",
        f"-:{at_id}:19: note: 'CR999' is not a codify code (`codify rules` lists them)",
        f"-:{at_id}:19: note: unused suppression: no CR011 finding here",
        f"-:{at_version}:17: note: 'codify: ignore' names no code; write the codes it "
        "suppresses, e.g. # codify: ignore[CR011]",
    ]
    assert result.stdout.endswith("All good: 1 file checked, no problems.\n")
    github = run("check", "--format", "github", "-", stdin=spec).stdout
    assert github.count("::notice file=-,line=") == 4


def test_a_structure_error_is_never_suppressed(base_spec: str) -> None:
    spec = base_spec.replace('name: "Hand', 'nmae: "Hand', 1).replace(
        'nmae: "Hand hygiene huddles"', 'nmae: "Hand hygiene huddles"  # codify: ignore[CS001]'
    )
    result = run("check", "-", stdin=spec)
    assert result.exit_code == 1 and "CS001" in result.stdout


# --- per-file ignores -------------------------------------------------------------------------


def test_per_file_ignores_switch_codes_off_for_matching_specs(
    tmp_path: Path, base_spec: str
) -> None:
    drafts = tmp_path / "drafts" / "ward"
    drafts.mkdir(parents=True)
    (drafts / "intervention.yaml").write_text(with_spare_role(base_spec), encoding="utf-8")
    (tmp_path / "live.intervention.yaml").write_text(with_spare_role(base_spec), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codify.per_file_ignores]\n"drafts/**" = ["CR011"]\n', encoding="utf-8"
    )
    result = run("check", "--format", "json", ".", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert [(d["path"], d["code"]) for d in data["diagnostics"]] == [
        ("live.intervention.yaml", "CR011")
    ]
    (hidden,) = data["suppressed"]
    assert hidden["path"] == os.path.join("drafts", "ward", "intervention.yaml")
    assert hidden["suppressed_by"] == "per_file_ignores pattern 'drafts/**'"
    # A pattern without a slash matches the file name in any folder; the settings file's
    # folder is the base wherever codify runs.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codify.per_file_ignores]\n"live.*.yaml" = ["CR011"]\n', encoding="utf-8"
    )
    inner = run("check", "--format", "json", "..", cwd=tmp_path / "drafts")
    assert [d["path"] for d in json.loads(inner.stdout)["diagnostics"]] == [
        os.path.join("..", "drafts", "ward", "intervention.yaml")
    ]


def test_per_file_ignores_match_the_stdin_filename(tmp_path: Path, base_spec: str) -> None:
    settings = tmp_path / "codify.toml"
    settings.write_text('[per_file_ignores]\n"drafts/*.yaml" = ["CR011"]\n', encoding="utf-8")
    spec = with_spare_role(base_spec)
    args = ("check", "--config", str(settings), "--stdin-filename")
    assert run(*args, str(tmp_path / "drafts" / "a.yaml"), "-", stdin=spec).exit_code == 0
    assert "CR011" in run(*args, str(tmp_path / "a.yaml"), "-", stdin=spec).stdout


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('"drafts/**" = ["CR999"]', "'CR999' is not a rule code"),
        ('"drafts/**" = ["cr011"]', "did you mean 'CR011'?"),
        ('"drafts/**" = ["CS001"]', "only the semantic rules"),
        ('"drafts/**" = "CR011"', 'expected a list of rule codes such as ["CR009"], got a string'),
        ('"" = ["CR011"]', "the pattern is empty"),
    ],
)
def test_bad_per_file_ignores_are_refused(
    tmp_path: Path, base_spec: str, table: str, message: str
) -> None:
    settings = tmp_path / "codify.toml"
    settings.write_text(f"[per_file_ignores]\n{table}\n", encoding="utf-8")
    result = run("check", "--config", str(settings), "-", stdin=base_spec)
    assert result.exit_code == 2 and message in result.stderr, result.stderr


# --- shell completion -------------------------------------------------------------------------


def _complete(env: dict[str, str]) -> str:
    """The installed `codify` command's completion output, as the shell would ask for it."""
    done = subprocess.run(
        [sys.executable, "-c", "from codify.cli import main; main()"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_shell_completion_scripts_and_answers() -> None:
    assert "_codify_completion" in _complete({"_CODIFY_COMPLETE": "bash_source"})
    assert "#compdef codify" in _complete({"_CODIFY_COMPLETE": "zsh_source"})
    words = {"_CODIFY_COMPLETE": "bash_complete", "COMP_WORDS": "codify che", "COMP_CWORD": "1"}
    assert _complete(words).split() == ["plain,check"]
    words["COMP_WORDS"] = "codify ch"  # check and changes
    assert sorted(_complete(words).split()) == ["plain,changes", "plain,check"]
    formats = {
        "_CODIFY_COMPLETE": "bash_complete",
        "COMP_WORDS": "codify check --output-format ",
        "COMP_CWORD": "3",
    }
    assert {"plain,junit", "plain,gitlab", "plain,sarif"} <= set(_complete(formats).split())
