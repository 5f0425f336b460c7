"""Settings per spec: each spec has the nearest settings file from its own folder upwards.

Real files in temporary folders, the real CLI in-process (so that a test can count the reads
of a settings file). Each test's root holds a `.git` folder, the boundary the search stops at,
so that nothing above the temporary folder can change what a test sees.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codify import api
from codify.cli import cli

SPARE_ROLE = """roles:
  - id: spare
    title: Spare
    responsibilities: [Nothing yet.]
    time_commitment: None
  - id: lead"""


def run(*args: str, cwd: Path) -> Result:
    """The CLI in `cwd`, with stdout and stderr apart; never a traceback."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty repository: the search for settings stops at its root."""
    (tmp_path / ".git").mkdir()
    return tmp_path


@pytest.fixture
def spare_spec(base_spec: str) -> str:
    """A spec with one role nothing uses: CR011, a warning unless the settings say otherwise."""
    assert "roles:\n  - id: lead" in base_spec
    return base_spec.replace("roles:\n  - id: lead", SPARE_ROLE)


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def severities(result: Result) -> dict[str, list[tuple[str, str]]]:
    """From `check --format json`: each file's (code, severity) findings, by its path."""
    data = json.loads(result.stdout)
    found: dict[str, list[tuple[str, str]]] = {f["path"]: [] for f in data["files"]}
    for d in data["diagnostics"]:
        found[d["path"]].append((d["code"], d["severity"]))
    return found


def nested(repo: Path, spec: str) -> None:
    """The same spec at three depths: no settings at the root, CR011 an error in a/, and off
    in a/b/ (whose codify.toml wins over a/'s: the nearest file, whole)."""
    put(repo / "intervention.yaml", spec)
    put(repo / "a" / "intervention.yaml", spec)
    put(repo / "a" / "b" / "intervention.yaml", spec)
    put(repo / "a" / "codify.toml", '[rules]\nCR011 = "error"\n')
    put(repo / "a" / "b" / "codify.toml", '[rules]\nCR011 = "off"\n')


def test_nested_folders_each_take_their_nearest_settings(repo: Path, spare_spec: str) -> None:
    nested(repo, spare_spec)
    result = run("check", "--format", "json", ".", cwd=repo)
    assert result.exit_code == 1, result.output  # a/'s error
    assert severities(result) == {
        "a/b/intervention.yaml": [],  # switched off
        "a/intervention.yaml": [("CR011", "error")],
        "intervention.yaml": [("CR011", "warning")],  # the default: no settings above it
    }
    # Named one by one from a parent folder, or checked from inside, the answers are the same.
    inside = run("check", "--format", "json", "intervention.yaml", "b", cwd=repo / "a")
    assert severities(inside) == {
        "intervention.yaml": [("CR011", "error")],
        "b/intervention.yaml": [],
    }


def test_a_spec_with_no_settings_above_it_has_the_defaults(repo: Path, spare_spec: str) -> None:
    spec = put(repo / "deep" / "er" / "intervention.yaml", spare_spec)
    # Settings in a sibling folder, or in the folder it is checked from, are not the spec's.
    put(repo / "other" / "codify.toml", '[rules]\nCR011 = "error"\n')
    result = run("check", "-v", "--format", "json", str(spec), cwd=repo / "other")
    assert result.exit_code == 0, result.output
    assert severities(result) == {str(spec): [("CR011", "warning")]}
    assert f"codify: settings for {spec}: none found, using the defaults\n" in result.stderr


def test_config_overrides_every_specs_own(repo: Path, spare_spec: str) -> None:
    nested(repo, spare_spec)
    chosen = put(repo / "elsewhere" / "strict.toml", '[rules]\nCR011 = "error"\n')
    result = run("check", "-v", "--format", "json", "--config", str(chosen), ".", cwd=repo)
    assert result.exit_code == 1
    assert all(found == [("CR011", "error")] for found in severities(result).values())
    # -v names the one file once, not spec by spec.
    assert f"codify: settings: {chosen}\n" in result.stderr
    assert "settings for " not in result.stderr


def test_a_pyproject_without_codify_settings_is_passed_over(repo: Path, spare_spec: str) -> None:
    put(repo / "codify.toml", '[rules]\nCR011 = "off"\n')
    # A Python project inside the repository, with settings for other tools only.
    put(
        repo / "pkg" / "pyproject.toml",
        '[project]\nname = "pkg"\n\n[tool.ruff]\nline-length = 99\n',
    )
    put(repo / "pkg" / "intervention.yaml", spare_spec)
    # One that has them is taken, before a codify.toml above it.
    put(repo / "tool" / "pyproject.toml", '[tool.codify.rules]\nCR011 = "error"\n')
    put(repo / "tool" / "intervention.yaml", spare_spec)
    result = run("check", "-v", "--format", "json", "pkg", "tool", cwd=repo)
    assert severities(result) == {
        "pkg/intervention.yaml": [],
        "tool/intervention.yaml": [("CR011", "error")],
    }
    assert f"settings for pkg/intervention.yaml: {repo / 'codify.toml'}\n" in result.stderr
    assert f"settings for tool/intervention.yaml: {repo / 'tool' / 'pyproject.toml'}\n" in (
        result.stderr
    )


def test_the_search_stops_at_the_repository_root(tmp_path: Path, spare_spec: str) -> None:
    (tmp_path / ".git").mkdir()  # the outer boundary, for the test's own sake
    put(tmp_path / "codify.toml", '[rules]\nCR011 = "error"\n')  # above the repository
    inner = tmp_path / "checkout"
    put(inner / ".git", "gitdir: ../.git/worktrees/checkout\n")  # a worktree's .git file
    put(inner / "specs" / "intervention.yaml", spare_spec)
    result = run("check", "--format", "json", "specs", cwd=inner)
    assert result.exit_code == 0, result.output
    assert severities(result) == {"specs/intervention.yaml": [("CR011", "warning")]}
    # Settings at the root itself are the repository's, and found.
    put(inner / "codify.toml", '[rules]\nCR011 = "off"\n')
    again = run("check", "--format", "json", "specs", cwd=inner)
    assert severities(again) == {"specs/intervention.yaml": []}


def test_each_setting_follows_its_spec(repo: Path, spare_spec: str) -> None:
    # Per-file ignores are matched from their own file's folder; language and rules too.
    put(repo / "a" / "codify.toml", '[per_file_ignores]\n"drafts/*.yaml" = ["CR011"]\n')
    put(repo / "a" / "drafts" / "x.intervention.yaml", spare_spec)
    put(repo / "b" / "codify.toml", 'language = "cy"\n')
    put(repo / "b" / "drafts" / "x.intervention.yaml", spare_spec)
    result = run("check", "--format", "json", ".", cwd=repo)
    assert severities(result) == {
        "a/drafts/x.intervention.yaml": [],
        "b/drafts/x.intervention.yaml": [("CR011", "warning")],
    }
    found = {Path(p).parent.parent.name: api.settings_for(repo / p) for p in severities(result)}
    assert (found["a"].language, found["b"].language) == ("en", "cy")
    assert found["b"].source == repo / "b" / "codify.toml"


def test_a_mistake_in_any_specs_settings_stops_the_run(repo: Path, spare_spec: str) -> None:
    put(repo / "a" / "intervention.yaml", spare_spec)
    put(repo / "z" / "intervention.yaml", spare_spec)
    bad = put(repo / "z" / "codify.toml", '[rules]\nCR999 = "off"\n')
    result = run("check", ".", cwd=repo)
    assert result.exit_code == 2
    assert f"{bad}: rules.CR999: unknown rule code" in result.stderr
    assert result.stdout == ""  # refused before any spec is reported


def test_a_tool_codify_prefix_in_codify_toml_is_explained(repo: Path, base_spec: str) -> None:
    put(repo / "intervention.yaml", base_spec)
    settings = put(
        repo / "codify.toml",
        'language = "en"\n\n[tool.codify.branding]\norganisation = "North Shore"\n\n'
        '[ tool.codify.rules ]  # spaced, and with a comment\nCR011 = "off"\n',
    )
    result = run("check", ".", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr == (
        f"codify: {settings}:3: [tool.codify.branding]: in codify.toml the tables are written "
        'without the "tool.codify." prefix: write [branding] (that form is for pyproject.toml); '
        "line 6 has it too\n"
    )
    # A [tool.codify] header of its own: its keys belong at the top.
    settings.write_text('[tool.codify]\nlanguage = "cy"\n', encoding="utf-8")
    bare = run("check", ".", cwd=repo)
    assert bare.exit_code == 2
    assert f"{settings}:1: [tool.codify]: in codify.toml the settings are at the top level" in (
        bare.stderr
    )
    assert "unknown setting 'tool'" not in bare.stderr + result.stderr
    # The same tables in pyproject.toml are right, and read.
    settings.unlink()
    put(repo / "pyproject.toml", '[tool.codify.branding]\norganisation = "North Shore"\n')
    assert run("check", ".", cwd=repo).exit_code == 0


def test_one_folder_of_specs_reads_its_settings_file_once(
    repo: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codify.config

    for n in range(40):
        put(
            repo / "many" / f"s{n:02}.intervention.yaml", base_spec.replace("hand-hygiene", f"s{n}")
        )
    put(repo / "many" / "deeper" / "intervention.yaml", base_spec)
    put(repo / "pyproject.toml", '[tool.codify]\nlanguage = "en"\n')
    put(repo / "many" / "pyproject.toml", '[project]\nname = "not-ours"\n')
    reads: Counter[Path] = Counter()
    real = codify.config._read

    def counted(path: Path) -> bytes:
        reads[path] += 1
        return real(path)

    monkeypatch.setattr(codify.config, "_read", counted)
    result = run("check", "many", cwd=repo)
    assert result.exit_code == 0, result.output
    assert "41 files checked" in result.stdout
    # Each file read once for 41 specs: the pyproject that is not codify's is looked at, and
    # passed over, once; the settings are read (and their bytes reused to parse) once.
    assert reads == {repo / "many" / "pyproject.toml": 1, repo / "pyproject.toml": 1}


def test_api_takes_a_config_or_a_path_over_each_specs_own(repo: Path, spare_spec: str) -> None:
    nested(repo, spare_spec)
    own = {Path(r.path).parent.name: r.warnings + r.errors for r in api.check(repo)}
    assert own == {repo.name: 1, "a": 1, "b": 0}
    chosen = put(repo / "off.toml", '[rules]\nCR011 = "off"\n')
    assert all(not r.diagnostics for r in api.check(repo, config=chosen))
    assert all(not r.diagnostics for r in api.check(repo, config=api.load_settings(chosen)))
    assert {r.settings for r in api.check(repo, config=chosen)} == {chosen}
    assert api.settings_for(repo / "a" / "b" / "intervention.yaml").rules == {"CR011": None}


def test_build_gives_each_spec_its_own_language_and_says_which_file(
    repo: Path, base_spec: str
) -> None:
    put(repo / "cy" / "codify.toml", 'language = "cy"\ncitation_style = "apa"\n')
    put(repo / "cy" / "intervention.yaml", base_spec.replace("hand-hygiene", "welsh-one"))
    put(repo / "en" / "intervention.yaml", base_spec)
    result = run("build", "-v", "cy", "en", "--out", "out", cwd=repo)
    assert result.exit_code == 0, result.output
    assert 'lang="cy"' in (repo / "out" / "welsh-one" / "handbook.html").read_text("utf-8")
    assert 'lang="en"' in (repo / "out" / "hand-hygiene" / "handbook.html").read_text("utf-8")
    assert f"settings for cy/intervention.yaml: {repo / 'cy' / 'codify.toml'}\n" in result.stderr
    assert "settings for en/intervention.yaml: none found, using the defaults\n" in result.stderr
    # --language is the run's, over every spec's settings.
    forced = run("build", "cy", "en", "--out", "out2", "--language", "en", cwd=repo)
    assert forced.exit_code == 0, forced.output
    assert 'lang="en"' in (repo / "out2" / "welsh-one" / "handbook.html").read_text("utf-8")


def test_a_site_checks_each_spec_with_its_own_rules_and_is_branded_once(
    repo: Path, base_spec: str, spare_spec: str
) -> None:
    put(repo / "codify.toml", '[branding]\norganisation = "Portfolio Partnership"\n')
    put(repo / "strict" / "codify.toml", '[rules]\nCR011 = "error"\n')
    put(repo / "strict" / "intervention.yaml", spare_spec.replace("hand-hygiene", "strict-one"))
    put(repo / "easy" / "intervention.yaml", spare_spec)
    refused = run("site", "strict", "easy", "--out", "site", cwd=repo)
    assert refused.exit_code == 1
    assert "strict/intervention.yaml" in refused.stderr and "CR011" in refused.stderr
    (repo / "strict" / "codify.toml").write_text('[rules]\nCR011 = "off"\n', encoding="utf-8")
    made = run("site", "-v", "strict", "easy", "--out", "site", cwd=repo)
    assert made.exit_code == 0, made.output
    assert f"site settings: {repo / 'codify.toml'}\n" in made.stderr
    assert "Portfolio Partnership" in (repo / "site" / "mkdocs.yml").read_text("utf-8")


@pytest.mark.parametrize(
    ("table", "taken"),
    [
        ('[build-system]\nrequires = ["codify-interventions>=1"]\n', False),
        ("[tool.other]\ncodify = 1\n# codify. is mentioned here\n", False),
        ('[tool . codify . rules]\nCR011 = "error"\n', True),
        ('[tool."codify".rules]\nCR011 = "error"\n', True),
        ('[tool]\ncodify = {rules = {CR011 = "error"}}\n', True),
        ('[tool]\ncodify.rules.CR011 = "error"\n', True),
        ('tool.codify.rules.CR011 = "error"\n', True),
        ('[tool]\n"codi\\u0066y" = {rules = {CR011 = "error"}}\n', True),
    ],
    ids=["dependency", "other-tool", "spaced", "quoted", "inline", "dotted", "top", "escaped"],
)
def test_a_pyproject_is_taken_for_codify_settings_however_the_table_is_written(
    repo: Path, spare_spec: str, table: str, taken: bool
) -> None:
    """Every TOML spelling of `[tool.codify]` is found (the file is parsed whenever it could
    hold one); a file naming codify only otherwise, as a dependency, is passed over unread."""
    put(repo / "pkg" / "pyproject.toml", table + '\n[project]\nname = "pkg"\n')
    put(repo / "pkg" / "intervention.yaml", spare_spec)
    result = run("check", "--format", "json", "pkg", cwd=repo)
    # The spec has one unused definition: a warning by default, an error in the settings.
    assert severities(result) == {
        "pkg/intervention.yaml": [("CR011", "error" if taken else "warning")]
    }


def test_a_pyproject_naming_codify_as_a_dependency_is_not_parsed(
    repo: Path, spare_spec: str
) -> None:
    """The check passes over such a file without importing the TOML parser: a project that
    depends on codify-interventions pays nothing for it at start-up."""
    import subprocess
    import sys

    put(repo / "pkg" / "pyproject.toml", '[project]\ndependencies = ["codify-interventions"]\n')
    put(repo / "pkg" / "intervention.yaml", spare_spec)
    probe = (
        "import sys\n"
        "from codify.cli import main\n"
        "sys.argv = ['codify', 'check', '-q', 'pkg']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('tomllib' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=repo, check=True
    )
    assert proc.stdout.splitlines()[-1] == "False"
