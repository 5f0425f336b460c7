"""`codify build --pdf`: one browser for every PDF of a run, and none when nothing changed.

Chromium is run through a small wrapper script (CODIFY_CHROMIUM) that notes each start in a
log and then becomes the real browser, so the tests count real launches. Skipped without
Chromium.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from codify import api
from codify.documents.pdf import PdfEngine, find_chromium, numbered_nodes
from tests.conftest import ROOT

pytest.importorskip("pypdf", reason="the contents' page numbers need pypdf (dev extra)")
CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium: apt install chromium"),
]
PDFS = {"raid/handbook.pdf", "raid/checklist.pdf"}
PDFS |= {"schwartz-rounds/handbook.pdf", "schwartz-rounds/checklist.pdf"}


@pytest.fixture
def launches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log with a line for each Chromium started (CODIFY_CHROMIUM is a counting wrapper)."""
    log = tmp_path / "launches.log"
    log.write_text("", encoding="utf-8")
    wrapper = tmp_path / "chromium"
    wrapper.write_text(f'#!/bin/sh\necho started >> "{log}"\nexec "{CHROMIUM}" "$@"\n', "utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("CODIFY_CHROMIUM", str(wrapper))
    return log


def started(log: Path) -> int:
    return len(log.read_text("utf-8").splitlines())


def test_one_browser_prints_every_pdf_and_an_unchanged_rebuild_starts_none(
    tmp_path: Path, launches: Path
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    out = tmp_path / "out"
    settings = api.load_settings(start=tmp_path)
    events: list[api.Progress] = []
    first = api.build_documents(
        tmp_path / "examples", out, pdf=True, config=settings, on_progress=events.append
    )
    # Each PDF is announced as it is printed, for a progress bar (drawn on a terminal only).
    printing = [(e.done, e.total) for e in events if e.stage == "printing"]
    assert printing == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    written = {p.relative_to(out).as_posix() for b in first.specs for p in b.written}
    assert written >= PDFS
    assert started(launches) == 1  # four PDFs, each printed at least twice, one browser

    before = {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in PDFS}
    events.clear()
    again = api.build_documents(
        tmp_path / "examples", out, pdf=True, config=settings, on_progress=events.append
    )
    assert started(launches) == 1  # nothing to print: no browser started at all
    assert not [e for e in events if e.stage == "printing"]
    reused = {p.relative_to(out).as_posix() for b in again.specs for p in b.reused}
    assert reused >= PDFS
    assert all(b.written == () for b in again.specs)
    after = {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in PDFS}
    assert after == before

    # A change to one spec's handbook prints that handbook again, and nothing else.
    spec = tmp_path / "examples" / "raid" / "intervention.yaml"
    text = spec.read_text("utf-8")
    spec.write_text(text.replace('version: "1.0.0"', 'version: "1.0.1"', 1), "utf-8")
    third = api.build_documents(tmp_path / "examples", out, pdf=True, config=settings)
    assert started(launches) == 2
    reprinted = {p.relative_to(out).as_posix() for b in third.specs for p in b.written}
    assert {"raid/handbook.pdf", "raid/checklist.pdf"} <= reprinted
    assert not reprinted & {"schwartz-rounds/handbook.pdf", "schwartz-rounds/checklist.pdf"}


def test_a_page_prints_to_the_same_bytes_first_or_after_others(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    out = tmp_path / "out"
    api.build_documents(ROOT / "examples" / "schwartz_rounds", out)
    handbook = (out / "handbook.html").read_text("utf-8")
    checklist = (out / "checklist.html").read_text("utf-8")
    engine = PdfEngine("chromium", CHROMIUM)
    with engine.printer() as printer:
        alone = printer.render(checklist)
    with engine.printer() as printer:
        printer.render(handbook)
        second = printer.render(checklist)
        assert printer.launches == 1
    assert alone == second
    assert b"(node00000001)" in alone  # the structure's ids, numbered from 1


def test_node_ids_are_numbered_in_order_keeping_each_width() -> None:
    pdf = b"/ID (node00000907)>> [(node00000905) 1 0 R (node00000907) 2 0 R] (node00000905)"
    assert numbered_nodes(pdf) == (
        b"/ID (node00000002)>> [(node00000001) 1 0 R (node00000002) 2 0 R] (node00000001)"
    )
    assert numbered_nodes(b"no structure") == b"no structure"


def test_printing_progress_is_drawn_on_a_terminal(tmp_path: Path, launches: Path) -> None:
    from tests.test_build_incremental import build_on_a_terminal

    spec = str(ROOT / "examples" / "schwartz_rounds")
    drawn, _ = build_on_a_terminal(spec, "--pdf", "--out", str(tmp_path / "out"))
    assert "Printing PDFs" in drawn
    assert started(launches) == 1
