"""`codify build --pdf` queues a spec's PDFs as soon as its HTML is rendered.

A handbook takes longer to print than a spec takes to render, so the rest of a spec's files
(the Markdown, the checklist's tables) are made after the next spec's HTML, while the browser
prints. Skipped without Chromium.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from codify import api
from codify.documents import render
from codify.documents.pdf import Printer, find_chromium
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="needs Chromium: apt install chromium"),
]


def test_every_spec_s_pdfs_are_queued_before_the_first_spec_s_markdown_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    submit = Printer.submit
    render_template = render.render_template

    def noting_submit(self: Printer, html: str) -> Future[bytes]:
        events.append("print")
        return submit(self, html)

    def noting_render(env: Any, name: str, doc: Any, *, links: bool = False) -> str:
        events.append(name)
        return render_template(env, name, doc, links=links)

    monkeypatch.setattr(Printer, "submit", noting_submit)
    monkeypatch.setattr(render, "render_template", noting_render)
    built = api.build_documents(ROOT / "examples", tmp_path / "out", pdf=True)
    assert len(built.specs) == 2
    first_markdown = events.index("handbook/handbook.md")
    assert events[:first_markdown].count("print") == 4  # two specs, two PDFs each
    assert events.count("handbook/handbook.md") == 2
    assert {p.name for b in built.specs for p in b.files} >= {"handbook.pdf", "handbook.md"}
