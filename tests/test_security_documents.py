"""The handbook and checklist treat spec text as hostile: faults found in an attacker's review.

Grouped by class: injection (links, spreadsheet formulas, YAML), disclosure (what printing a PDF
may read or fetch), resource bounds (text that made the Markdown parser quadratic or overflow
its stack, files that never end) and crash-free messages. The property-style sweep over a
generated corpus is in test_security_hostile.py.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import re
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.documents.pdf import find_chromium, find_engine
from codify.loader import load_file
from codify.render.text import md_escape_html, md_to_html, safe_url
from tests.conftest import EXAMPLES

RAID = next(e for e in EXAMPLES if "raid" in str(e))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _spec_with(tmp_path: Path, change: dict[str, object]) -> Path:
    """A copy of RAID (materials and all) with top-level fields replaced, written as JSON."""
    folder = tmp_path / "spec"
    shutil.copytree(RAID.parent, folder)
    data = load_file(RAID).data
    data.update(change)
    spec = folder / "intervention.yaml"
    spec.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return spec


# --- injection: links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript&colon;alert(1)",
        "java&#115;cript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#0000058alert(1)",
        "%6Aavascript:alert(1)",
        "java%0Ascript:alert(1)",
        "java\tscript:alert(1)",
        " \x01javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&amp;#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ｊavascript:alert(1)",
    ],
)
def test_a_link_is_judged_on_what_the_browser_decodes(url: str) -> None:
    assert not safe_url(url)
    html = str(md_to_html(f"[x]({url}) and [y][r]\n\n[r]: {url}"))
    assert "href" not in html
    assert "](#)" in md_escape_html(f"[x]({url})")
    if not any(c.isspace() for c in url):  # with a space inside, no dialect reads a definition
        assert "[r]: #" in md_escape_html(f"[y][r]\n\n[r]: {url}")
        # A definition in a quote, its URL on the next line behind the quote marker.
        assert "[q]: #" in md_escape_html(f"> [q]:\n> {url}\n\n[y][q]")


@pytest.mark.parametrize(
    "url", ["https://example.org/a_(b)?q=1#f", "mailto:team@example.org", "tel:+441234", "#top"]
)
def test_ordinary_links_still_work(url: str) -> None:
    assert safe_url(url)
    assert f'href="{url}"' in str(md_to_html(f"[x]({url})")).replace("&amp;", "&")
    assert f"]({url})" in md_escape_html(f"[x]({url})")


def test_no_picture_from_spec_text_is_ever_loaded() -> None:
    for text in (
        "![x](http://127.0.0.1:9/x.png)",
        "![x](/etc/passwd)",
        "![a]b](//evil.example/x.png)",
        "![r][img]\n\n[img]: http://evil.example/x.png",
        "![x](http:127.0.0.1:8765/x.png)",
        '<img src="http://evil.example/x.png">',
    ):
        assert "<img" not in str(md_to_html(text))
        import markdown

        assert "<img" not in markdown.markdown(md_escape_html(text), extensions=["attr_list"])


def test_handbook_and_checklist_carry_a_policy_that_forbids_loading_anything(
    tmp_path: Path,
) -> None:
    code, output = run("build", str(RAID), "--out", str(tmp_path), "-q")
    assert code == 0, output
    for name in ("handbook.html", "checklist.html"):
        head = (tmp_path / name).read_text(encoding="utf-8").split("</head>")[0]
        assert 'http-equiv="Content-Security-Policy"' in head
        assert "default-src &#39;none&#39;" in head


# --- injection: spreadsheets and YAML ----------------------------------------------------------


def test_no_csv_cell_can_start_a_formula(tmp_path: Path) -> None:
    spec = _spec_with(tmp_path, {"version": '=HYPERLINK("http://evil")', "id": "raid"})
    code, output = run("build", str(spec), "--out", str(tmp_path / "out"), "--force", "-q")
    assert code == 0, output
    rows = list(csv.reader(io.StringIO((tmp_path / "out/checklist.csv").read_text("utf-8-sig"))))
    for row in rows[1:]:
        for cell in row:
            assert cell.lstrip()[:1] not in ("=", "+", "-", "@", "|", "%", "\uff1d"), cell


def test_control_characters_in_spec_text_still_give_an_assessment_file_that_loads(
    tmp_path: Path,
) -> None:
    data = load_file(RAID).data
    criteria = data["fidelity"]["criteria"]
    criteria[0]["name"] = "Cover\x1b[2J\u2028line\x85next\x7f"
    spec = _spec_with(tmp_path, {"fidelity": data["fidelity"]})
    out = tmp_path / "out"
    code, output = run("build", str(spec), "--out", str(out), "--force", "-q")
    assert code == 0, output
    assessment = out / "assessment.yaml"
    loaded = load_file(assessment)
    assert loaded.data["intervention"] == "raid"
    code, output = run("score", str(assessment), "--spec", str(spec))
    assert "CY" not in output  # read as YAML without complaint; blank ratings are its only gap


# --- disclosure: printing ----------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[tuple[int, list[str]]]:
    """A web server on loopback that records every request it gets."""
    _Recorder.hits = []
    server = socketserver.TCPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], _Recorder.hits
    finally:
        server.shutdown()
        server.server_close()


needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="needs Chromium for --pdf")


@pytest.mark.slow
@needs_chromium
def test_printing_a_pdf_reads_no_local_file_and_reaches_no_host(
    tmp_path: Path, local_server: tuple[int, list[str]]
) -> None:
    port, hits = local_server
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n-secret-")
    text = (
        f"![a](http://127.0.0.1:{port}/md.png) ![b](http:127.0.0.1:{port}/b.png) "
        f"![c]({secret}) ![d](../../{secret.name}) [e]: http://localhost:{port}/e.png"
    )
    spec = _spec_with(tmp_path, {"summary": text})
    code, output = run("build", str(spec), "--out", str(tmp_path / "o"), "--pdf", "--force", "-q")
    assert code == 0, output
    assert hits == []

    # Even raw HTML that loads things (a template override, or a hole in sanitising) prints
    # nothing from outside the page: the engine adds the policy and Chromium has no network.
    engine = find_engine()
    assert engine is not None
    hostile = (
        f'<!doctype html><html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/c">'
        f'</head><body><img src="http://127.0.0.1:{port}/i"><img src="{secret.as_uri()}">'
        f'<iframe src="http://localhost:{port}/f"></iframe>'
        f'<script>fetch("http://127.0.0.1:{port}/s")</script></body></html>'
    )
    pdf = engine.render(hostile)
    assert pdf.startswith(b"%PDF")
    assert hits == []
    assert b"-secret-" not in pdf


# --- resource bounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000,
        "![" * 10_000,
        "[a](" * 5_000,
        "[" * 5_000 + "]" * 5_000,
        "- " * 3_000 + "deep",
        "1. " * 3_000 + "deep",
        "\n".join(" " * (4 * i) + "- x" for i in range(1_000)),
        "\n".join(">" * i + " x" for i in range(1_000)),
    ],
    ids=[
        "brackets",
        "pictures",
        "open-links",
        "nested",
        "list-line",
        "ol-line",
        "indents",
        "quotes",
    ],
)
def test_pathological_text_renders_without_crashing(text: str) -> None:
    # Time is measured in tests/benchmarks/bench_bounds.py; here, that it finishes and keeps
    # the text (Python-Markdown overflowed its stack on the nested cases).
    html = str(md_to_html(text))
    assert html
    import markdown

    assert markdown.markdown(md_escape_html(text))


def test_a_material_that_is_a_pipe_or_huge_is_reported_not_copied(tmp_path: Path) -> None:
    spec = _spec_with(tmp_path, {})
    data = json.loads(spec.read_text())
    fifo = spec.parent / "pipe.csv"
    os.mkfifo(fifo)
    huge = spec.parent / "huge.pdf"
    with open(huge, "wb") as fh:  # sparse: costs no disk
        fh.truncate(60 * 1024 * 1024)
    data["materials"][0]["path"] = "pipe.csv"
    data["materials"].append({**data["materials"][0], "id": "huge_one", "path": "huge.pdf"})
    spec.write_text(json.dumps(data), encoding="utf-8")
    # check refuses such a path (CR013); with --force the build still must not hang or copy it
    args = ["build", str(spec), "--out", str(tmp_path / "out"), "-q", "--force"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "pipe" in result.output
    assert "larger than" in result.output
    assert not (tmp_path / "out/materials/huge_one").exists()


def test_what_build_prints_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    spec = _spec_with(tmp_path, {"version": "1.0.0\x1b[2J\rAll good"})
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "o"), "--force"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "\\x1b[2J" in result.output


def test_material_links_reach_files_whose_names_hold_url_characters(tmp_path: Path) -> None:
    from urllib.parse import unquote, urlsplit

    spec = _spec_with(tmp_path, {})
    data = json.loads(spec.read_text())
    name = "odd #1?%&.csv"
    (spec.parent / name).write_text("a,b\n", encoding="utf-8")
    data["materials"][0]["path"] = name
    spec.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("build", str(spec), "--out", str(out), "-q")
    assert code == 0, output
    html = (out / "handbook.html").read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r'href="([^"]+)"', html) if h.startswith("materials/")]
    assert hrefs and all((out / unquote(urlsplit(h).path)).is_file() for h in hrefs), hrefs
    md = (out / "handbook.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(<(materials/[^>]+)>\)", md)
    assert targets and all((out / unquote(t)).is_file() for t in targets), targets


@pytest.mark.parametrize(
    "text",
    [
        "`a\\`<img src=x onerror=alert(1)>`",
        "`a\nb` <img src=x onerror=alert(1)> `c`",
        "``x`` <script>alert(1)</script> ``y``",
    ],
)
def test_code_spans_cannot_carry_raw_html_into_markdown_pages(text: str) -> None:
    # Dialects disagree on where a code span ends; whichever way one reads it, no tag is live.
    import markdown

    html = markdown.markdown(md_escape_html(text), extensions=["attr_list", "md_in_html"])
    assert "<img" not in html and "<script" not in html, html
