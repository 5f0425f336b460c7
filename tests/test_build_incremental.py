"""`codify build` makes again only what changed: every input of a file is in its source digest.

A build records with each file a digest of what it was made from; a rebuild takes a file as it
is when that digest is the same and the file is still as written. These tests change one input
at a time and check that the files made from it are rendered again (and the others are not),
and that what a rebuild takes is exactly what the last build wrote, untouched on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codify import api
from codify.outputs import BUILD_MANIFEST
from tests.conftest import ROOT

RAID = ROOT / "examples" / "raid"
SCHWARTZ = ROOT / "examples" / "schwartz_rounds"
RENDERED = ("handbook.html", "handbook.md", "checklist.html", "checklist.md", "checklist.csv")
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect fill="#%s"/></svg>'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the RAID example (it has a material file) with settings and a logo."""
    shutil.copytree(RAID, tmp_path / "spec")
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.svg").write_text(LOGO % "000", encoding="utf-8")
    (tmp_path / "codify.toml").write_text(
        '[branding]\norganisation = "North Shore"\nlogo = "brand/logo.svg"\n', encoding="utf-8"
    )
    (tmp_path / "templates").mkdir()
    return tmp_path


def build(project: Path, **options: object) -> api.BuildResult:
    """Build the project's spec into project/out with its settings and override folder."""
    kwargs: dict[str, object] = {
        "config": project / "codify.toml",
        "templates": project / "templates",
    }
    kwargs.update(options)
    return api.build_documents(project / "spec", project / "out", **kwargs)  # type: ignore[arg-type]


def names(paths: tuple[Path, ...], out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in paths}


def reused(result: api.BuildResult) -> set[str]:
    (built,) = result.specs
    return names(built.reused, result.out)


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the output with its bytes and time of last change."""
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_an_unchanged_rebuild_takes_every_file_as_it_is(project: Path) -> None:
    first = build(project)
    assert reused(first) == set()
    before = snapshot(project / "out")
    manifest = json.loads((project / "out" / BUILD_MANIFEST).read_text("utf-8"))
    # Each rendered file is recorded with the digest of what it was made from.
    assert set(RENDERED) <= set(manifest["sources"])
    assert not any(name.startswith("materials/") for name in manifest["sources"])

    second = build(project)
    assert reused(second) >= set(RENDERED) | {"assessment.yaml"}
    (built,) = second.specs
    assert built.written == ()
    assert snapshot(project / "out") == before  # bytes and times of change alike


def test_an_unchanged_rebuild_makes_no_model_and_loads_no_renderer(project: Path) -> None:
    # A rebuild with nothing changed reads the check's records, not pydantic's model, and
    # renders nothing: what it would spend importing them is most of its time.
    build(project)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from codify import api\n"
        "p = Path(sys.argv[1])\n"
        "r = api.build_documents(p / 'spec', p / 'out', config=p / 'codify.toml',"
        " templates=p / 'templates')\n"
        "(built,) = r.specs\n"
        "print(built.id, built.version, len(built.written))\n"
        "print(*sorted(m for m in ('pydantic', 'codify.model', 'jinja2', 'codify.documents.render')"
        " if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(project)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["raid 1.0.0 0", ""], proc.stdout
    # Asked for, the model is still there.
    (built,) = build(project).specs
    assert built.spec.id == built.id == "raid" and built.spec.version == built.version


def _edit_spec(project: Path) -> None:
    spec = project / "spec" / "intervention.yaml"
    text = spec.read_text("utf-8")
    assert 'version: "1.0.0"' in text
    spec.write_text(text.replace('version: "1.0.0"', 'version: "1.0.1"', 1), "utf-8")


def _edit_material(project: Path) -> None:
    (project / "spec" / "referral-log-template.csv").write_text("date,ward\n", "utf-8")


def _edit_settings(project: Path) -> None:
    config = project / "codify.toml"
    config.write_text(config.read_text("utf-8") + 'accent_color = "#aa3300"\n', "utf-8")


def _edit_citation_style(project: Path) -> None:
    config = project / "codify.toml"
    config.write_text('citation_style = "apa"\n' + config.read_text("utf-8"), "utf-8")


def _edit_logo(project: Path) -> None:
    (project / "brand" / "logo.svg").write_text(LOGO % "fff", encoding="utf-8")


def _add_override(project: Path) -> None:
    packaged = ROOT / "src" / "codify" / "templates" / "handbook" / "style.css"
    (project / "templates" / "handbook").mkdir()
    (project / "templates" / "handbook" / "style.css").write_text(
        packaged.read_text("utf-8") + "\n/* ours */\n", "utf-8"
    )


def _new_codify(project: Path) -> None:
    # Stands for another version of codify, or an edit to its templates in a development copy.
    api._CODE[:] = ["another codify"]


INPUTS: dict[str, Callable[[Path], None]] = {
    "spec": _edit_spec,
    "material": _edit_material,
    "settings": _edit_settings,
    "citation style": _edit_citation_style,
    "logo": _edit_logo,
    "template override": _add_override,
    "codify": _new_codify,
}


@pytest.mark.parametrize("change", list(INPUTS))
def test_a_change_to_any_input_renders_again(
    project: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "_CODE", list(api._CODE))
    build(project)
    assert reused(build(project)) >= set(RENDERED)
    INPUTS[change](project)
    again = build(project)
    assert reused(again) == set()
    # And once rebuilt, the new output is what a further rebuild takes as it is.
    assert reused(build(project)) >= set(RENDERED)


def test_a_change_of_language_or_of_parts_renders_again(project: Path) -> None:
    build(project)
    assert reused(build(project, language="cy")) == set()
    assert reused(build(project, language="cy")) >= set(RENDERED)
    assert reused(build(project)) == set()
    # A build of one part keeps the other's files, and makes its own from other inputs.
    assert reused(build(project, only="handbook")) == set()
    assert reused(build(project)) == set()


def test_a_file_changed_on_disk_is_not_taken(project: Path) -> None:
    build(project)
    out = project / "out"
    (out / "handbook.md").unlink()
    again = build(project)
    assert "handbook.md" not in reused(again) and (out / "handbook.md").is_file()
    assert reused(build(project)) >= set(RENDERED)

    # An edited file is never taken as output, nor overwritten: the build refuses, as ever.
    (out / "checklist.md").write_text("my notes\n", "utf-8")
    with pytest.raises(api.OutputFolderError, match="was edited since codify wrote it"):
        build(project)
    assert (out / "checklist.md").read_text("utf-8") == "my notes\n"


def test_a_manifest_without_sources_takes_nothing(project: Path) -> None:
    build(project)
    manifest = project / "out" / BUILD_MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    del data["sources"]
    manifest.write_text(json.dumps(data), "utf-8")
    assert reused(build(project)) == set()


def test_a_forged_source_takes_no_file_codify_did_not_write(project: Path) -> None:
    """A source recorded for a file the manifest does not claim is ignored."""
    build(project)
    out = project / "out"
    manifest = out / BUILD_MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    source = data["sources"]["handbook.md"]
    del data["files"]["handbook.md"]
    manifest.write_text(json.dumps(data), "utf-8")
    (out / "handbook.md").write_text("a person's file\n", "utf-8")
    from codify.render.write import OutputWriter

    writer = OutputWriter(out, BUILD_MANIFEST)
    assert writer.reusable("handbook.md", source) is None
    with pytest.raises(api.OutputFolderError, match="was not written by codify"):
        build(project)


def test_several_specs_each_reuse_their_own(tmp_path: Path) -> None:
    shutil.copytree(RAID, tmp_path / "specs" / "raid")
    shutil.copytree(SCHWARTZ, tmp_path / "specs" / "schwartz")
    out = tmp_path / "out"
    api.build_documents(tmp_path / "specs", out, config=api.load_settings(start=tmp_path))
    spec = tmp_path / "specs" / "schwartz" / "intervention.yaml"
    spec.write_text(spec.read_text("utf-8") + "\n# a comment changes no output\n", "utf-8")
    raid_md = out / "raid" / "handbook.md"
    os.utime(raid_md, ns=(1, 1))
    again = api.build_documents(tmp_path / "specs", out, config=api.load_settings(start=tmp_path))
    by_id = {b.spec.id: names(b.reused, out) for b in again.specs}
    assert by_id["raid"] >= {f"raid/{n}" for n in RENDERED}
    assert by_id["schwartz-rounds"] >= {f"schwartz-rounds/{n}" for n in RENDERED}
    assert raid_md.stat().st_mtime_ns == 1  # taken, so not even touched


def test_the_names_of_each_part_agree_with_the_renderer() -> None:
    from codify.documents.render import CHECKLIST_FILES, HANDBOOK_FILES, PDF_SOURCES

    expected = {name: "handbook" for name in HANDBOOK_FILES}
    tables = ["checklist.csv", "checklist.xlsx"]
    expected.update({name: "checklist" for name in [*CHECKLIST_FILES, *tables]})
    assert expected == api._PART_OF
    assert api._PDF_SOURCES == PDF_SOURCES


def build_on_a_terminal(*args: str) -> tuple[str, str]:
    """Run `codify build` with stderr on a pseudo-terminal: what it drew there, and stdout."""
    import pty
    import subprocess
    import sys

    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "codify", "build", *args],
        stdout=subprocess.PIPE,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
    )
    os.close(terminal)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        drawn += chunk
    stdout, _ = process.communicate()
    os.close(main)
    assert process.returncode == 0, drawn.decode("utf-8", "replace")
    return drawn.decode("utf-8", "replace"), stdout.decode("utf-8")


def test_progress_is_drawn_on_a_terminal_only(tmp_path: Path) -> None:
    import subprocess
    import sys

    drawn, _ = build_on_a_terminal(str(ROOT / "examples"), "--out", str(tmp_path / "a"))
    assert "Building" in drawn
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "codify",
            "build",
            str(ROOT / "examples"),
            "--out",
            str(tmp_path / "b"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Building" not in piped.stderr and piped.stderr == ""
