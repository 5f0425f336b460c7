"""`codify migrate`: format-1 specs rewritten for format 2, changing nothing but what must change.

Each test runs the real command line on real files. The corpus is the bundled examples with
their format-2 keys taken out, and every spec the repository held before format 2 (the
examples, the test fixtures and the `codify init` scaffold, from git history): the migration
must add exactly the intended lines, byte for byte, and mean what format 1 meant.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codify.cli import cli
from codify.loader import load_text
from codify.migrate import MigrationError, migrate_text

from .conftest import EXAMPLES, ROOT

# Specs written for format 1, as the repository held them before format 2: each (commit, path)
# is a distinct version of the file.
FORMAT_1_SPECS = [
    ("7c3d3a1", "examples/raid/intervention.yaml"),
    ("c35d828", "examples/raid/intervention.yaml"),
    ("928a83e", "examples/raid/intervention.yaml"),
    ("6de820b", "examples/raid/intervention.yaml"),
    ("7c3d3a1", "examples/schwartz_rounds/intervention.yaml"),
    ("c35d828", "examples/schwartz_rounds/intervention.yaml"),
    ("928a83e", "examples/schwartz_rounds/intervention.yaml"),
    ("6de820b", "examples/schwartz_rounds/intervention.yaml"),
    ("e8f57fd", "tests/fixtures/every_field.yaml"),
    ("96ea0be", "tests/fixtures/every_field.yaml"),
    ("96ea0be", "tests/fixtures/status/preventt.yaml"),
    ("667681c", "tests/browser/fixture_spec.yaml"),
    ("49e5bac", "tests/browser/fixture_spec.yaml"),
    ("0a8b79b", "src/codify/scaffold.yaml"),
    ("365c716", "src/codify/scaffold.yaml"),
    ("3d06dab", "src/codify/scaffold.yaml"),
]

ROLE_REQUIRED = "required: true"


def run(*args: str, cwd: Path | None = None) -> Result:
    """The CLI in-process, stdout and stderr apart; never a traceback."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def git_show(rev: str, path: str) -> str:
    """A file as it was at `rev`; the test is skipped in a clone without that history."""
    try:
        shown = subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, check=False
        )
    except FileNotFoundError:
        pytest.skip("git is not installed")
    if shown.returncode:
        pytest.skip(f"{rev} is not in this clone's history (a shallow clone?)")
    return shown.stdout.decode("utf-8")


def as_format_1(text: str) -> str:
    """A format-2 example as format 1 would have it: no format_version, no `required` on roles.

    Only the role entries lose the key; `required` on readiness criteria and obligations meant
    the same in both formats and stays.
    """
    out, in_roles = [], False
    for line in text.splitlines(keepends=True):
        if re.match(r"\S", line):
            in_roles = line.startswith("roles:")
        if line.startswith("format_version:"):
            continue
        if in_roles and re.match(r"    required: (true|false)\b", line):
            continue
        out.append(line)
    return "".join(out)


def only_added(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`; fails if any line of `old` is changed or removed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    added = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert op in ("equal", "insert"), f"{op} of lines {i1 + 1}-{i2}: {a[i1:i2]} -> {b[j1:j2]}"
        if op == "insert":
            added += b[j1:j2]
    return added


def roles_without_required(text: str) -> int:
    data = load_text(text).data
    return sum("required" not in r for r in data.get("roles", []))


def expected_data(old: str) -> object:
    """What a format-1 spec means in format 2: every role without `required` is required."""
    data = load_text(old).data
    data["format_version"] = "2"
    for role in data.get("roles", []):
        role.setdefault("required", True)
    return data


# --- the corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_an_example_stripped_to_format_1_gains_exactly_the_lines_it_lost(
    example: Path, tmp_path: Path
) -> None:
    current = example.read_text(encoding="utf-8")
    old = as_format_1(current)
    roles = roles_without_required(old)
    assert roles == len(load_text(current).data["roles"]) > 3
    folder = tmp_path / example.parent.name
    shutil.copytree(example.parent, folder)
    spec = folder / "intervention.yaml"
    spec.write_text(old, encoding="utf-8")
    before = run("check", "--format", "json", str(spec))

    result = run("migrate", str(spec))
    assert result.exit_code == 0, result.output
    assert f'(adds format_version: "2" and required: true to {roles} roles)' in result.stdout
    new = spec.read_text(encoding="utf-8")
    added = only_added(old, new)
    assert added == ['format_version: "2"\n'] + [f"    {ROLE_REQUIRED}\n"] * roles
    assert new.index('format_version: "2"\n') < new.index(f"\nid: {load_text(old).data['id']}")
    assert load_text(new).data == expected_data(old)
    # Written for format 1, the example meant every role to be required, and now says so (the
    # roles optional in today's example were not optional in the format-1 text): the check
    # finds what it found before, and has no note left to give.
    after = run("check", "--format", "json", str(spec))
    assert (after.exit_code, findings(after)) == (before.exit_code, findings(before))
    assert "note:" not in run("check", str(spec)).stderr


@pytest.mark.parametrize(("rev", "path"), FORMAT_1_SPECS, ids=lambda x: x.replace("/", "_"))
def test_every_format_1_spec_in_history_migrates_to_exactly_its_meaning(
    rev: str, path: str, tmp_path: Path
) -> None:
    old = git_show(rev, path)
    assert "format_version" not in old
    spec = tmp_path / "intervention.yaml"
    spec.write_text(old, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "raid" / "referral-log-template.csv", tmp_path)
    before = run("check", "--format", "json", str(spec))

    lacking = roles_without_required(old)
    result = run("migrate", str(spec))
    assert result.exit_code == 0, result.output
    new = spec.read_text(encoding="utf-8")
    added = only_added(old, new)
    assert len(added) == 1 + lacking
    assert added[0] == 'format_version: "2"\n'
    assert all(line.strip() == ROLE_REQUIRED for line in added[1:])
    assert load_text(new).data == expected_data(old)
    # The same spec saved with Windows line endings migrates to the same, with its endings.
    assert migrate_text(old.replace("\n", "\r\n")).text == new.replace("\n", "\r\n")

    # Idempotent: a second run finds nothing to do and touches nothing.
    again = run("migrate", str(spec))
    assert again.exit_code == 0 and "already at format 2, nothing to do" in again.stdout
    assert spec.read_text(encoding="utf-8") == new
    # Migrating neither adds nor removes a finding of the check (lines move, messages do not).
    after = run("check", "--format", "json", str(spec))
    assert (after.exit_code, findings(after)) == (before.exit_code, findings(before))


def findings(result: Result) -> list[tuple[str, str]]:
    import json

    return sorted((d["code"], d["message"]) for d in json.loads(result.stdout)["diagnostics"])


def test_a_format_1_spec_from_history_checks_clean_before_and_after_migrating(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text(git_show("96ea0be", "tests/fixtures/status/preventt.yaml"), encoding="utf-8")
    before = run("check", "--strict", str(spec))
    assert before.exit_code == 0, before.output
    assert f"{spec}: note: written for format 1; `codify migrate {spec}` updates it" in (
        before.stderr
    )
    assert '(adds format_version: "2" and required: true to 1 role)' in before.stderr
    assert run("migrate", str(spec)).exit_code == 0
    after = run("check", "--strict", str(spec))
    assert after.exit_code == 0, after.output
    assert after.stderr == ""


# --- what is preserved ----------------------------------------------------------------------


HAND_WRITTEN = """\
# A spec written by hand, with every kind of layout a person might use.
# yaml-language-server: $schema=../spec/intervention.schema.json

id:   'hand-written'   # odd spacing, single quotes
name: "Hand written"
roles:
    # wide indentation, a comment before the first role
    -   id: lead
        title: Lead   # trailing comment
        responsibilities:
            - Leads.
        time_commitment: |+
            Two hours.

    -   {id: flow, title: "Flow, quoted", responsibilities: [a, b]}
    -   id: stated
        title: Stated
        responsibilities: [x]
        required: false    # stays false
    -   id: folded
        title: Folded
        responsibilities:
            - y
        training: >-
            A long text
            over two lines.

        # a comment after the role, kept where it is
    -   &base
        id: anchored
        title: Anchored
        responsibilities: [z]
    -   <<: *base
        id: merged
    -   <<: {required: false, title: Inherits}
        id: inherits
        responsibilities: [w]
materials: []   # the end
"""


def test_comments_quoting_flow_style_and_layout_stay_byte_for_byte(tmp_path: Path) -> None:
    result = migrate_text(HAND_WRITTEN)
    new = result.text
    flow = '-   {id: flow, title: "Flow, quoted", responsibilities: [a, b]'
    # Every line but the flow role's is kept as it was; that one gains the key inside its braces.
    added = only_added(HAND_WRITTEN, new.replace(flow + ", required: true}", flow + "}"))
    assert added == ['format_version: "2"\n'] + ["        required: true\n"] * 4
    assert new.startswith(
        "# A spec written by hand, with every kind of layout a person might use.\n"
        "# yaml-language-server: $schema=../spec/intervention.schema.json\n\n"
        "format_version: \"2\"\nid:   'hand-written'   # odd spacing, single quotes\n"
    )
    # Block roles gain the key at their own indentation, after their last value (a `|+` text's
    # kept blank line is part of it, so the key goes after that); a flow role gains it inside
    # its braces; a role that states it, or inherits it through `<<`, is left alone.
    assert "        time_commitment: |+\n            Two hours.\n\n        required: true\n" in new
    assert '-   {id: flow, title: "Flow, quoted", responsibilities: [a, b], required: true}' in new
    assert "            over two lines.\n        required: true\n\n        # a comment" in new
    assert "        responsibilities: [z]\n        required: true\n    -   <<: *base" in new
    assert "        id: merged\n        required: true\n" in new
    assert "        id: inherits\n        responsibilities: [w]\n" in new
    assert new.count("required: true") == 5
    assert [c.path for c in result.changes] == [
        "format_version",
        "roles[0]",
        "roles[1]",
        "roles[3]",
        "roles[4]",
        "roles[5]",
    ]
    assert [c.line for c in result.changes] == [4, 8, 15, 20, 29, 33]
    data = load_text(new).data
    required = [r.get("required") for r in data["roles"]]
    assert required == [True, True, False, True, True, True, False]
    assert load_text(new).data["roles"][1]["title"] == "Flow, quoted"
    assert migrate_text(new).text == new  # idempotent


def test_line_endings_a_byte_order_mark_and_a_missing_last_newline_are_kept(
    tmp_path: Path,
) -> None:
    text = "\ufeffid: x\r\nroles:\r\n  - id: a\r\n    title: A"
    spec = tmp_path / "intervention.yaml"
    spec.write_bytes(text.encode("utf-8"))
    assert run("migrate", str(spec)).exit_code == 0
    assert spec.read_bytes() == (
        '\ufeffformat_version: "2"\r\nid: x\r\nroles:\r\n  - id: a\r\n    title: A\r\n'
        "    required: true"
    ).encode("utf-8")


def test_an_explicit_format_1_is_replaced_in_its_own_quotes() -> None:
    text = "id: x  # the id\nformat_version: '1'  # old\nroles: []\n"
    result = migrate_text(text)
    assert result.text == "id: x  # the id\nformat_version: '2'  # old\nroles: []\n"
    assert result.source_version == "1"
    assert result.summary() == 'adds format_version: "2"'
    # Unquoted, it is a number; its meaning is plain, and the migration quotes it.
    assert migrate_text("id: x\nformat_version: 1\n").text == 'id: x\nformat_version: "2"\n'


def test_a_role_that_is_an_alias_of_another_role_gets_the_key_once() -> None:
    text = "id: x\nroles:\n  - &r {id: a, title: A, responsibilities: [x]}\n  - *r\n"
    result = migrate_text(text)
    assert result.text == (
        'format_version: "2"\nid: x\nroles:\n'
        "  - &r {id: a, title: A, responsibilities: [x], required: true}\n  - *r\n"
    )
    assert load_text(result.text).data["roles"][1]["required"] is True


def test_a_role_aliased_from_outside_the_roles_is_refused_with_its_position() -> None:
    text = "id: x\nglossary:\n  - &r {id: a, title: A}\nroles:\n  - *r\n"
    with pytest.raises(MigrationError) as caught:
        migrate_text(text)
    assert (caught.value.line, caught.value.column) == (5, 5)
    assert "roles[0] is an alias (*r)" in caught.value.message


def test_a_roles_list_written_elsewhere_is_refused_with_its_position() -> None:
    text = "id: x\nglossary: &all [{id: a, title: A}]\nroles: *all\n"
    with pytest.raises(MigrationError) as caught:
        migrate_text(text)
    assert (caught.value.line, caught.value.column) == (3, 1)
    assert "roles is not written out as a list here" in caught.value.message


def test_a_migration_that_would_change_something_else_is_refused(tmp_path: Path) -> None:
    # The role is merged into a material: its new key would reach the material too.
    text = "id: x\nroles:\n  - &r\n    id: a\n    title: A\nmaterials:\n  - <<: *r\n    id: m\n"
    spec = tmp_path / "intervention.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run("migrate", str(spec))
    assert result.exit_code == 2
    assert "migrating would also change materials[0].required" in result.stderr
    assert spec.read_text(encoding="utf-8") == text


# --- the command ---------------------------------------------------------------------------


def format_1(tmp_path: Path, name: str = "intervention.yaml") -> Path:
    spec = tmp_path / name
    spec.write_text(git_show("96ea0be", "tests/fixtures/status/preventt.yaml"), encoding="utf-8")
    return spec


def test_diff_prints_a_patch_that_applies_and_writes_nothing(tmp_path: Path) -> None:
    spec = format_1(tmp_path)
    before, stamp = spec.read_bytes(), spec.stat().st_mtime_ns
    result = run("migrate", "--diff", "intervention.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert (spec.read_bytes(), spec.stat().st_mtime_ns) == (before, stamp)
    assert result.stdout.startswith("--- intervention.yaml\n+++ intervention.yaml\n@@ ")
    assert '+format_version: "2"\n' in result.stdout and "+    required: true\n" in result.stdout
    assert "would migrate from format 1" in result.stderr  # stdout holds the patch alone
    patch = tmp_path / "change.patch"
    patch.write_text(result.stdout, encoding="utf-8")
    applied = subprocess.run(
        ["git", "apply", "--unidiff-zero", str(patch)], cwd=tmp_path, capture_output=True
    )
    assert applied.returncode == 0, applied.stderr
    assert spec.read_text(encoding="utf-8") == migrate_text(before.decode("utf-8")).text


def test_check_exits_1_when_a_migration_is_due_and_0_after(tmp_path: Path) -> None:
    spec = format_1(tmp_path)
    before = spec.read_bytes()
    due = run("migrate", "--check", str(spec))
    assert due.exit_code == 1
    assert "would migrate from format 1" in due.stdout and "1 file would be migrated." in due.stdout
    assert spec.read_bytes() == before
    assert run("migrate", "-q", str(spec)).stdout == ""
    done = run("migrate", "--check", str(tmp_path))  # a folder: its specs, found as check does
    assert done.exit_code == 0
    assert "1 file already at the current format." in done.stdout


def test_a_spec_at_format_2_is_left_untouched(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    shutil.copy(EXAMPLES[0], spec)
    stamp = spec.stat().st_mtime_ns
    result = run("migrate", str(spec))
    assert result.exit_code == 0
    assert f"{spec}: already at format 2, nothing to do" in result.stdout
    assert spec.stat().st_mtime_ns == stamp and spec.read_bytes() == EXAMPLES[0].read_bytes()


def test_a_newer_format_is_refused_with_exit_2(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text('id: x\nformat_version: "3"\n', encoding="utf-8")
    result = run("migrate", str(spec))
    assert result.exit_code == 2
    assert f"{spec}:2:17: written for format 3, newer than the format this codify knows (2)" in (
        result.stderr
    )
    assert spec.read_text(encoding="utf-8") == 'id: x\nformat_version: "3"\n'


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: x\nroles: [\n", ":3:1: CY003 invalid YAML"),
        ("id: x\nid: y\n", ":2:1: CY009 duplicate key"),
        ("- id: x\n", ":1:1: CY008 the top level must be a mapping"),
        ("id: x\nformat_version: two\n", ":2:17: format_version: 'two' is not a format version"),
    ],
)
def test_a_file_that_is_not_a_spec_gets_a_positioned_error_and_exit_2(
    tmp_path: Path, text: str, where: str
) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run("migrate", str(spec))
    assert result.exit_code == 2
    assert f"{spec}{where}" in result.stderr, result.stderr
    assert spec.read_text(encoding="utf-8") == text


def test_the_write_is_atomic_keeps_permissions_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    spec = format_1(tmp_path)
    spec.chmod(0o640)
    assert run("migrate", str(spec)).exit_code == 0
    assert spec.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intervention.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_symbolic_link_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    target = format_1(outside, "real.yaml")
    before = target.read_bytes()
    link = tmp_path / "intervention.yaml"
    link.symlink_to(target)
    result = run("migrate", str(link))
    assert result.exit_code == 2
    assert f"{link}: is a symbolic link (to {target}); nothing was written" in result.stderr
    assert link.is_symlink() and target.read_bytes() == before
    assert run("migrate", "--check", str(link)).exit_code == 1  # reading through it is fine


# --- what `codify check` says -----------------------------------------------------------------


def test_check_notes_a_due_migration_without_failing_strict_or_touching_machine_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = format_1(tmp_path)
    # The check decides from the model it built: it never parses the text again.
    import codify.migrate

    def refuse(*args: object) -> None:
        raise AssertionError("the check path parsed the spec for the migration")

    monkeypatch.setattr(codify.migrate, "_tree", refuse)
    text = run("check", "--strict", str(spec))
    assert text.exit_code == 0
    assert text.stdout == "All good: 1 file checked, no problems.\n"
    assert text.stderr == (
        f"{spec}: note: written for format 1; `codify migrate {spec}` updates it "
        '(adds format_version: "2" and required: true to 1 role)\n'
    )
    assert run("check", "-q", str(spec)).output == ""
    for fmt in ("json", "sarif", "junit", "gitlab", "github"):
        machine = run("check", "--strict", "--format", fmt, str(spec))
        assert (machine.exit_code, machine.stderr) == (0, ""), fmt
    # A spec at format 2 gets no note.
    current = run("check", str(EXAMPLES[0]))
    assert current.exit_code == 0 and current.stderr == ""


def test_check_notes_a_spec_written_for_a_newer_format(tmp_path: Path, base_spec: str) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_text(base_spec.replace('format_version: "2"', 'format_version: "2.1"'), "utf-8")
    result = run("check", str(spec))
    assert result.exit_code == 0
    assert "note: written for format 2.1, newer than this codify reads (format 2)" in (
        result.stderr
    )


def test_a_new_spec_from_init_is_at_the_current_format(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "new"), "--name", "Ward huddles").exit_code == 0
    assert run("migrate", "--check", str(tmp_path / "new")).exit_code == 0


def test_a_role_ending_in_an_empty_value_gains_the_key_after_it() -> None:
    text = "id: x\nroles:\n  - id: a\n    notes:\n  - id: b\n    notes:   # none yet\n"
    assert migrate_text(text).text == (
        'format_version: "2"\nid: x\nroles:\n  - id: a\n    notes:\n    required: true\n'
        "  - id: b\n    notes:   # none yet\n    required: true\n"
    )


# --- the guide ----------------------------------------------------------------------------


def test_the_guide_shows_what_check_and_migrate_print_for_the_tutorials_spec(
    tmp_path: Path,
) -> None:
    """docs/guides/migrating.md shows the tutorial's finished spec as format 1 had it (no
    format_version, no party or required on roles); its outputs must be what codify prints."""
    import textwrap

    tutorial = (ROOT / "docs" / "getting-started" / "tutorial.md").read_text(encoding="utf-8")
    at = tutorial.index('??? example "The whole spec, as it now stands"')
    block = re.search(r"```yaml\n(.*?)    ```", tutorial[at:], re.S)
    assert block is not None
    spec = textwrap.dedent(block.group(1))
    lines, in_roles = [], False
    for line in spec.splitlines(keepends=True):
        if re.match(r"\S", line):
            in_roles = line.startswith("roles:")
        if line.startswith("format_version:"):
            line = "\n"  # where the scaffold had a blank line before format 2
        if not (in_roles and re.match(r"    (required|party): ", line)):
            lines.append(line)
    (tmp_path / "ward-huddles").mkdir()
    (tmp_path / "ward-huddles" / "intervention.yaml").write_text("".join(lines), "utf-8")

    guide = (ROOT / "docs" / "guides" / "migrating.md").read_text(encoding="utf-8")
    shown = {
        m.group(1): m.group(2)
        for m in re.finditer(r"```console\n\$ (codify [^\n]*)\n(.*?)```", guide, re.S)
    }

    def same(command: str, result: Result) -> None:
        got = [ln.rstrip() for ln in (result.stderr + result.stdout).splitlines()]
        assert got == [ln.rstrip() for ln in shown[command].splitlines()], command

    same("codify check ward-huddles", run("check", "ward-huddles", cwd=tmp_path))
    diff = run("migrate", "--diff", "ward-huddles", cwd=tmp_path)
    assert [ln.rstrip() for ln in diff.stdout.splitlines()] == [
        ln.rstrip() for ln in shown["codify migrate --diff ward-huddles"].splitlines()
    ]
    same("codify migrate ward-huddles", run("migrate", "ward-huddles", cwd=tmp_path))


def test_the_library_pages_example_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ROOT / "docs" / "reference" / "library.md").read_text(encoding="utf-8")
    at = page.index("## Migrating a spec's text")
    code = re.search(r"```python\n(.*?)```", page[at:], re.S)
    assert code is not None
    (tmp_path / "ward-huddles").mkdir()
    format_1(tmp_path / "ward-huddles")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "library.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        'ward-huddles/intervention.yaml:7: format_version: added format_version: "2"',
        "ward-huddles/intervention.yaml:75: roles[0]: added required: true to the role "
        "(preop_clinician)",
        'adds format_version: "2" and required: true to 1 role',
    ]
