"""`codify build` never loses a person's work: not their files, not a build's inputs, not on a kill.

These run the real CLI. Interrupted builds are simulated two ways: a forked child that dies
(os._exit, as a SIGKILL would leave it) just before its k-th rename, for every k; and real
SIGKILLs of a `codify build` subprocess at random moments, a bounded number of times.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codify.cli import cli
from tests.conftest import run_unprivileged

MANIFEST = ".codify-build.json"
PROVIDED = "    provided_by: The originating organisation\n"
CHECKLIST = ("checklist.html", "checklist.md", "checklist.csv", "assessment.yaml")
posix_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def run(*args: str) -> Result:
    """`codify build ARGS`, asserting it ended with a message, never a traceback."""
    result = CliRunner().invoke(cli, ["build", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its POSIX path relative to it."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def staging_left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".codify-") and p.is_dir())


def with_materials(base_spec: str, *materials: tuple[str, str]) -> str:
    """The base spec with the guide's file at `path` and more materials, as (id, path)."""
    guide, *more = materials
    extra = "".join(
        f"  - id: {mid}\n    title: Sheet {mid}\n    description: A handout.\n    path: {path}\n"
        for mid, path in more
    )
    return base_spec.replace(PROVIDED, f"{PROVIDED}    path: {guide[1]}\n{extra}", 1)


def write_spec(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "intervention.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the author's own files ---------------------------------------------------------------------


def test_out_that_is_or_holds_a_spec_folder_is_refused(tmp_path: Path, base_spec: str) -> None:
    folder = tmp_path / "spec"
    put(folder / "materials" / "guide" / "guide.txt", "the only copy")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "materials/guide/guide.txt")))
    before = snapshot(tmp_path)
    for out, says in ((folder, "is the folder of the spec"), (tmp_path, "contains")):
        result = run(str(spec), "--out", str(out))
        assert result.exit_code == 2
        assert says in result.stderr and str(spec) in result.stderr
        assert f"output folder {out} " in result.stderr
    # Naming the folder to search, from inside it, says the same rather than "no specs found".
    result = run(str(folder), "--out", str(folder))
    assert result.exit_code == 2 and "is the folder of the spec" in result.stderr
    assert snapshot(tmp_path) == before


def test_a_file_already_holding_the_output_is_not_claimed_nor_removed(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "guide text")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "docs/guide.txt")))
    out = tmp_path / "out"
    mine = put(out / "materials" / "guide" / "guide.txt", "guide text")  # a person's own copy
    assert run(str(spec), "--out", str(out)).exit_code == 0
    recorded = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert "materials/guide/guide.txt" not in recorded and "handbook.html" in recorded
    write_spec(folder, base_spec)  # the material leaves the spec
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert mine.read_text(encoding="utf-8") == "guide text"
    assert "Removed" not in result.stdout


def test_an_input_in_the_output_folder_is_never_overwritten_or_removed(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    out = folder / "out"  # an output folder inside the spec's folder is a usual layout
    kept = put(out / "materials" / "guide" / "guide.txt", "kept where the build puts it")
    text = with_materials(base_spec, ("guide", "out/materials/guide/guide.txt"))
    spec = write_spec(folder, text)
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert "materials/guide/guide.txt" not in (out / MANIFEST).read_text(encoding="utf-8")
    write_spec(folder, base_spec)
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert kept.read_text(encoding="utf-8") == "kept where the build puts it"

    # A material copied onto the path where another material is kept is refused.
    put(folder / "docs" / "guide.txt", "a different guide")
    text = with_materials(
        base_spec, ("guide", "docs/guide.txt"), ("sheet", "out/materials/guide/guide.txt")
    )
    write_spec(folder, text)
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert f"{out / 'materials' / 'guide' / 'guide.txt'} is an input of this build" in result.stderr
    assert kept.read_text(encoding="utf-8") == "kept where the build puts it"


# --- interrupted builds -------------------------------------------------------------------------


@pytest.fixture
def two_versions(tmp_path: Path, base_spec: str) -> tuple[Path, str, str]:
    """A spec folder and two texts: the second bumps the version, drops a material, adds one."""
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "guide")
    put(folder / "docs" / "sheet.txt", "sheet")
    put(folder / "docs" / "poster.txt", "poster")
    first = with_materials(base_spec, ("guide", "docs/guide.txt"), ("sheet", "docs/sheet.txt"))
    second = with_materials(
        base_spec.replace("version: 0.1.0", "version: 0.2.0"),
        ("guide", "docs/guide.txt"),
        ("poster", "docs/poster.txt"),
    )
    return folder, first, second


def _in_child(action: Callable[[], None]) -> int:
    """Run `action` in a forked child and return its exit status; the child never returns."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _dies_at_rename(k: int, args: list[str]) -> Callable[[], None]:
    """A build that dies, as if killed, just before its k-th rename."""

    def action() -> None:
        real, calls = os.replace, [0]

        def replace(src: str | Path, dst: str | Path) -> None:
            calls[0] += 1
            if calls[0] == k:
                os._exit(9)
            real(src, dst)

        os.replace = replace  # type: ignore[assignment]
        CliRunner().invoke(cli, args)

    return action


@posix_only
def test_a_build_killed_before_any_rename_leaves_the_previous_output(
    tmp_path: Path, two_versions: tuple[Path, str, str]
) -> None:
    folder, first, second = two_versions
    spec = write_spec(folder, first)
    # The handbook alone keeps this quick; it has every kind of step: files replaced, a
    # material added, one removed, a folder made and one emptied, the manifest.
    only = ("--only", "handbook")
    reference = tmp_path / "reference"
    assert run(str(spec), "--out", str(reference), *only).exit_code == 0
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out), *only).exit_code == 0
    killed_at = 0
    for k in range(1, 80):
        write_spec(folder, second)
        status = _in_child(_dies_at_rename(k, ["build", str(spec), "--out", str(out), *only]))
        if status == 0:
            break  # the build finished: k is past its last rename
        assert status == 9
        killed_at = k
        # The next build finds the previous output exactly: nothing to write, no false conflict.
        write_spec(folder, first)
        result = run(str(spec), "--out", str(out), *only)
        assert result.exit_code == 0, f"after a kill at rename {k}: {result.output}"
        assert "unchanged)" in result.stdout and "written  " not in result.stdout, k
        assert snapshot(out) == snapshot(reference), k
        assert staging_left(out) == [], k
    assert killed_at >= 8  # the journal, 2 files replaced (2 renames each), 1 added, 1 removed
    write_spec(folder, second)  # and the second version still builds cleanly
    assert run(str(spec), "--out", str(out), *only).exit_code == 0
    assert (out / "materials" / "poster" / "poster.txt").is_file()
    assert not (out / "materials" / "sheet").exists()
    assert staging_left(out) == []


def test_an_error_part_way_through_a_commit_puts_everything_back(
    tmp_path: Path, two_versions: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, first, second = two_versions
    spec = write_spec(folder, first)
    out = tmp_path / "out"
    only = ("--only", "handbook")
    assert run(str(spec), "--out", str(out), *only).exit_code == 0
    before = snapshot(out)
    real = os.replace
    failed_at = 0
    for k in range(1, 80):
        calls = [0]

        def replace(src: str | Path, dst: str | Path, k: int = k, calls: list[int] = calls) -> None:
            calls[0] += 1
            if calls[0] == k:  # the disk fills up, or a folder turns read-only, just here
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
            real(src, dst)

        monkeypatch.setattr(os, "replace", replace)
        write_spec(folder, second)
        result = run(str(spec), "--out", str(out), *only)
        monkeypatch.setattr(os, "replace", real)
        if result.exit_code == 0:
            break
        failed_at = k
        assert result.exit_code == 2 and os.strerror(errno.ENOSPC) in result.stderr, k
        assert "nothing was written" in result.stderr
        assert snapshot(out) == before, k
        assert staging_left(out) == [], k
    assert failed_at >= 8


def test_a_file_saved_while_codify_writes_is_kept(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    write_spec(tmp_path / "spec", base_spec.replace("version: 0.1.0", "version: 0.2.0"))
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(src).name == "handbook.md":  # codify sets the old file aside: save over it first
            Path(src).write_text("saved by a person just now", encoding="utf-8")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run(str(spec), "--out", str(out))
    monkeypatch.setattr(os, "replace", real)
    assert result.exit_code == 2
    assert f"{out / 'handbook.md'} changed while codify was writing" in result.stderr
    assert (out / "handbook.md").read_text(encoding="utf-8") == "saved by a person just now"
    assert "0.1.0" in (out / "handbook.html").read_text(encoding="utf-8")  # all put back
    assert staging_left(out) == []


@posix_only
def test_ctrl_c_while_files_are_moved_into_place_waits_for_the_commit(
    tmp_path: Path, two_versions: tuple[Path, str, str]
) -> None:
    folder, first, second = two_versions
    spec = write_spec(folder, second)
    reference = tmp_path / "reference"
    assert run(str(spec), "--out", str(reference)).exit_code == 0
    out = tmp_path / "out"
    write_spec(folder, first)
    assert run(str(spec), "--out", str(out)).exit_code == 0
    write_spec(folder, second)

    def interrupted() -> None:
        real, calls = os.replace, [0]

        def replace(src: str | Path, dst: str | Path) -> None:
            calls[0] += 1
            if calls[0] == 4:  # among the files being moved into place
                os.kill(os.getpid(), signal.SIGINT)
            real(src, dst)

        os.replace = replace  # type: ignore[assignment]
        CliRunner().invoke(cli, ["build", str(spec), "--out", str(out)])

    _in_child(interrupted)
    assert snapshot(out) == snapshot(reference)
    assert staging_left(out) == []


def test_random_sigkills_never_leave_a_false_conflict(tmp_path: Path, base_spec: str) -> None:
    """Kill a real `codify build` at random moments; the next build must always succeed."""
    count = 30  # enough files that moving them into place takes a while
    versions: list[Path] = []
    for v in (1, 2):
        folder = tmp_path / f"spec{v}"
        for i in range(count):
            put(folder / "docs" / f"s{i}.txt", f"handout {i}, edition {v}\n" * 20)
        text = with_materials(
            base_spec.replace("version: 0.1.0", f"version: 0.{v}.0"),
            ("guide", "docs/s0.txt"),
            *((f"s{i}", f"docs/s{i}.txt") for i in range(1, count)),
        )
        versions.append(write_spec(folder, text))
    references = [tmp_path / "ref1", tmp_path / "ref2"]
    for spec, ref in zip(versions, references, strict=True):
        assert run(str(spec), "--out", str(ref), "-q").exit_code == 0
    out = tmp_path / "out"
    command = [sys.executable, "-m", "codify", "build", "-q", "--out", str(out)]
    # One run to the end tells how long a run lasts here, to choose moments within it.
    started = time.monotonic()
    subprocess.run([*command, str(versions[0])], check=True)
    lasts = time.monotonic() - started

    rng = random.Random(20240611)
    kills = 0
    for attempt in range(6):
        which = (attempt + 1) % 2
        proc = subprocess.Popen([*command, str(versions[which])], stderr=subprocess.DEVNULL)
        # Most kills come soon after the commit has begun (its journal is on disk), as the
        # window that matters is short; the others at any moment of the run.
        after_journal = attempt % 3 != 2
        while after_journal and proc.poll() is None:
            if any(out.glob(".codify-*/journal.json")):
                break
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.02) if after_journal else rng.uniform(0, lasts))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        result = run(str(versions[which]), "--out", str(out), "-q")
        assert result.exit_code == 0, f"attempt {attempt}: {result.output}"
        assert snapshot(out) == snapshot(references[which]), attempt
        assert staging_left(out) == []
    assert kills >= 2  # a run that ended before its moment came is no test of anything


def test_two_builds_into_one_folder_at_once_take_turns(
    tmp_path: Path, two_versions: tuple[Path, str, str]
) -> None:
    folder, first, second = two_versions
    specs = [write_spec(tmp_path / "a", first), write_spec(tmp_path / "b", second)]
    for spec in specs:
        shutil.copytree(folder / "docs", spec.parent / "docs")
    references = [tmp_path / "ref-a", tmp_path / "ref-b"]
    for spec, ref in zip(specs, references, strict=True):
        assert run(str(spec), "--out", str(ref), "-q").exit_code == 0
    out = tmp_path / "out"
    for _ in range(2):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "codify", "build", "-q", str(spec), "--out", str(out)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for spec in specs
        ]
        for proc in procs:
            _, err = proc.communicate()
            assert proc.returncode == 0, err
        assert snapshot(out) in [snapshot(ref) for ref in references]
        assert staging_left(out) == []


def test_staging_left_by_a_killed_run_is_cleaned_but_not_a_persons_folder(
    tmp_path: Path, base_spec: str
) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    put(out / ".codify-k3j9x2aa" / "0.part", "half a file")  # as an older codify left it
    put(out / ".codify-u81mq0zz" / "3.new", "staged, never journalled")
    notes = put(out / ".codify-notes" / "ideas.txt", "a person's folder")
    write_spec(tmp_path / "spec", base_spec.replace("version: 0.1.0", "version: 0.2.0"))
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert staging_left(out) == [".codify-notes"]
    assert notes.read_text(encoding="utf-8") == "a person's folder"


def test_a_planted_journal_cannot_touch_files_outside_the_output(
    tmp_path: Path, base_spec: str
) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    precious = put(tmp_path / "precious.txt", "years of notes")
    sha = hashlib.sha256(precious.read_bytes()).hexdigest()
    planted = out / ".codify-planted1"
    put(planted / "0.old", "attacker's text")
    journal = {
        "manifest": None,
        "folders": ["../escape"],
        "writes": [
            {"target": "../precious.txt", "staged": "0.new", "backup": None, "digest": sha},
            {"target": "../new.txt", "staged": "0.new", "backup": "0.old", "digest": sha},
            {"target": str(precious), "staged": "0.new", "backup": None, "digest": sha},
        ],
        "removals": [{"target": "../gone.txt", "backup": "../../precious.txt"}],
    }
    put(planted / "journal.json", json.dumps(journal))
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert precious.read_text(encoding="utf-8") == "years of notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "precious.txt", "spec"]


# --- partial builds -----------------------------------------------------------------------------


def test_a_partial_build_keeps_the_kinds_it_did_not_build(tmp_path: Path, base_spec: str) -> None:
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "guide")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "docs/guide.txt")))
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    # As if an earlier build had run with --pdf.
    (out / "handbook.pdf").write_bytes(b"%PDF-1.7 handbook")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["handbook.pdf"] = hashlib.sha256(b"%PDF-1.7 handbook").hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")

    write_spec(folder, spec.read_text(encoding="utf-8").replace("version: 0.1.0", "version: 0.2.0"))
    result = run(str(spec), "--out", str(out), "--only", "handbook")
    assert result.exit_code == 0 and "Removed" not in result.stdout
    assert all((out / name).is_file() for name in (*CHECKLIST, "handbook.pdf"))
    result = run(str(spec), "--out", str(out), "--only", "checklist")
    assert result.exit_code == 0 and "Removed" not in result.stdout
    assert (out / "materials" / "guide" / "guide.txt").is_file()
    # Everything kept is still codify's: a full build replaces it without a conflict.
    assert run(str(spec), "--out", str(out)).exit_code == 0


# --- output folders that cannot be used -----------------------------------------------------------


def test_unusable_output_folders_get_a_clear_message(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    afile = put(tmp_path / "afile", "x")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    cases = {
        str(afile / "out"): f"{afile} is a file, not a folder",
        str(afile): "is a file",
        str(tmp_path / "dangling"): "is a link to",
        str(tmp_path / "dangling" / "out"): "which does not exist",
    }
    for out, says in cases.items():
        result = run(str(spec), "--out", out)
        assert result.exit_code == 2, out
        assert says in result.stderr, result.stderr
    assert not (tmp_path / "nowhere").exists()


@posix_only
def test_a_full_disk_is_reported_and_changes_nothing(tmp_path: Path, base_spec: str) -> None:
    spec = write_spec(tmp_path / "spec", base_spec)
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    before = snapshot(out)
    write_spec(tmp_path / "spec", base_spec.replace("version: 0.1.0", "version: 0.2.0"))

    import resource  # POSIX only

    def small_files() -> None:  # writing past 4 KiB fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [sys.executable, "-m", "codify", "build", str(spec), "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{out}: cannot write:" in done.stderr and "nothing was written" in done.stderr
    assert snapshot(out) == before and staging_left(out) == []


@posix_only
def test_a_read_only_output_folder_is_reported(base_spec: str) -> None:
    # Root may write anywhere, so as root the build runs as 'nobody' in a forked child; the
    # folder is made outside pytest's private temporary folder so that 'nobody' can reach it.
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        spec = write_spec(base / "spec", base_spec)
        assert run(str(spec), "--out", str(base / "warm")).exit_code == 0  # imports done here
        locked = base / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        for out in (locked, locked / "out"):
            code, stderr = run_unprivileged(["build", str(spec), "--out", str(out)])
            assert code == 2 and f"{locked} is read-only" in stderr, stderr
            assert "Traceback" not in stderr
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- whatever stands where codify writes -----------------------------------------------------------


def test_a_folder_or_file_in_the_way_is_refused_before_anything_changes(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "guide")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "docs/guide.txt")))
    out = tmp_path / "out"
    put(out / "handbook.html" / "draft.txt", "a folder where a file goes")
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2 and f"{out / 'handbook.html'} is a folder" in result.stderr
    assert snapshot(out) == {"handbook.html/draft.txt": b"a folder where a file goes"}

    out2 = tmp_path / "out2"
    put(out2 / "materials", "a file where a folder goes")
    result = run(str(spec), "--out", str(out2))
    assert result.exit_code == 2
    assert f"{out2 / 'materials'} is a file where codify needs a folder" in result.stderr
    assert snapshot(out2) == {"materials": b"a file where a folder goes"}
    assert staging_left(out) == staging_left(out2) == []


def test_removing_a_file_never_follows_a_link_planted_in_its_place(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "guide")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "docs/guide.txt")))
    out = tmp_path / "out"
    assert run(str(spec), "--out", str(out)).exit_code == 0
    # Someone keeps their own copy in the output and links the generated name to it.
    mine = put(out / "keep" / "guide.txt", "guide")
    generated = out / "materials" / "guide" / "guide.txt"
    generated.unlink()
    generated.symlink_to(Path("..", "..", "keep", "guide.txt"))
    write_spec(folder, base_spec)
    assert run(str(spec), "--out", str(out)).exit_code == 0
    assert mine.read_text(encoding="utf-8") == "guide"
    assert generated.is_symlink()


def test_nothing_is_written_through_a_linked_folder_out_of_the_output(
    tmp_path: Path, base_spec: str
) -> None:
    folder = tmp_path / "spec"
    put(folder / "docs" / "guide.txt", "new guide")
    spec = write_spec(folder, with_materials(base_spec, ("guide", "docs/guide.txt")))
    elsewhere = tmp_path / "elsewhere"
    theirs = put(elsewhere / "guide" / "guide.txt", "someone else's file")
    out = tmp_path / "out"
    out.mkdir()
    (out / "materials").symlink_to(elsewhere)
    result = run(str(spec), "--out", str(out))
    assert result.exit_code == 2 and "outside the output folder" in result.stderr
    assert theirs.read_text(encoding="utf-8") == "someone else's file"
    assert sorted(p.name for p in out.iterdir()) == ["materials"]
