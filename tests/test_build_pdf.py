"""`codify build --pdf`: the handbook and checklist printed by headless Chromium.

Skipped when no Chromium is installed (`apt install chromium`, or set CODIFY_CHROMIUM). The
pages, their text and the bookmarks are read back with pypdf (a dev dependency).
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.documents.pdf import find_chromium, page_count
from tests.conftest import EXAMPLES

pypdf = pytest.importorskip("pypdf", reason="the PDF tests read PDFs with pypdf (dev extra)")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="needs Chromium for --pdf: apt install chromium, or set CODIFY_CHROMIUM",
    ),
]

# The handbook's @page margins (base.css), in points: 15 mm at the sides, 17 mm top, 18 mm foot.
LEFT_MARGIN = 15 / 25.4 * 72
TOP_MARGIN = 17 / 25.4 * 72
BOTTOM_MARGIN = 18 / 25.4 * 72
# A page other than the last with less body text than this share of the usual page's is a
# page left nearly empty (by a forced break, or a block that would not fit below).
LEAST_SHARE_OF_A_PAGE = 0.2


def build(example: Path, out: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", str(example), "--out", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each bundled example built once with --pdf, by the example's folder name."""
    root = tmp_path_factory.mktemp("pdf")
    return {e.parent.name: build(e, root / e.parent.name) for e in EXAMPLES}


@dataclass(frozen=True)
class Text:
    """One run of text on a page, at its start point in PDF points (origin bottom left)."""

    x: float
    y: float
    text: str


def runs(page: Any) -> list[Text]:
    """The page's runs of text with where each starts."""
    found: list[Text] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            # NFKC undoes the typeface's ligatures: "ﬁ" reads as "fi".
            found.append(Text(x, y, unicodedata.normalize("NFKC", text).strip()))

    page.extract_text(visitor_text=visit)
    return found


def body_chars(page: Any) -> int:
    """Non-space characters on the page between the running head and foot."""
    top = float(page.mediabox.top) - TOP_MARGIN
    return sum(len("".join(r.text.split())) for r in runs(page) if BOTTOM_MARGIN < r.y < top)


def bookmarks(reader: Any) -> Iterator[tuple[str, int]]:
    """Every bookmark as (title, page from 1), depth first."""

    def walk(items: list[Any]) -> Iterator[tuple[str, int]]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield " ".join(item.title.split()), reader.get_destination_page_number(item) + 1

    yield from walk(reader.outline)


@dataclass(frozen=True)
class Entry:
    """A line of the printed contents: where its link leads, what it says, the page it shows."""

    target: str
    title: str
    shown: int | None


def contents_entries(reader: Any) -> list[Entry]:
    """The links on the contents page, each with its text and the page number printed in it."""
    entries = []
    page = reader.pages[0]
    texts = runs(page)
    for annot in page.get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
            continue
        x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
        inside = sorted(
            (t for t in texts if x0 - 1 <= t.x <= x1 + 1 and y0 - 1 <= t.y <= y1 + 1),
            key=lambda t: (-round(t.y), t.x),
        )
        # The page number is the run furthest right, set at the link's right-hand end.
        number = max(inside, key=lambda t: t.x, default=None)
        shown = None
        if number and number.text.isdigit() and number.x > (x0 + x1) / 2:
            shown = int(number.text)
            inside.remove(number)
        words = [t.text for t in inside]
        entries.append(Entry(str(annot["/Dest"]).removeprefix("/"), " ".join(words), shown))
    return entries


def destination_page(reader: Any, name: str) -> int:
    named = {k.removeprefix("/"): v for k, v in reader.named_destinations.items()}
    return int(reader.get_destination_page_number(named[name])) + 1


def contents_ids(html: str) -> list[str]:
    """The ids the handbook's printed contents link to, read from its HTML."""
    nav = re.search(r'(?s)<nav class="[^"]*\btoc-inline\b[^"]*".*?</nav>', html)
    assert nav, "the handbook has a contents list for print"
    return re.findall(r'href="#([^"]+)"', nav.group(0))


def test_pdf_is_a4_many_pages_and_the_same_every_time(
    printed: dict[str, Path], tmp_path: Path
) -> None:
    example = next(e for e in EXAMPLES if "raid" in str(e))
    outputs = [printed[example.parent.name], build(example, tmp_path / "again")]
    handbook = (outputs[0] / "handbook.pdf").read_bytes()
    checklist = (outputs[0] / "checklist.pdf").read_bytes()
    assert handbook.startswith(b"%PDF-") and checklist.startswith(b"%PDF-")
    assert page_count(handbook) > 10, "the handbook should run to many A4 pages"
    assert page_count(checklist) > 1
    assert b"/MediaBox [0 0 594.95996 841.91998]" in handbook  # A4, in points
    assert len(handbook) > 100_000
    # no timestamps: the same spec prints to the same bytes
    assert (outputs[1] / "handbook.pdf").read_bytes() == handbook
    assert (outputs[1] / "checklist.pdf").read_bytes() == checklist


@pytest.mark.parametrize("example", [e.parent.name for e in EXAMPLES])
def test_every_section_has_a_bookmark_and_its_page_in_the_contents(
    printed: dict[str, Path], example: str
) -> None:
    out = printed[example]
    reader = pypdf.PdfReader(out / "handbook.pdf")
    marks = list(bookmarks(reader))
    entries = contents_entries(reader)
    assert [e.target for e in entries] == contents_ids(
        (out / "handbook.html").read_text(encoding="utf-8")
    ), "every line of the contents is a link to its section"
    assert len(entries) >= 10
    for entry in entries:
        where = destination_page(reader, entry.target)
        assert entry.shown == where, f"contents line {entry.title!r} shows {entry.shown}"
        # One bookmark per numbered section, titled as its heading reads ("1 What it is and why
        # it works", "Appendix A TIDieR checklist"), on the section's first page.
        assert any(
            (title == entry.title or title.endswith(" " + entry.title)) and page == where
            for title, page in marks
        ), f"no bookmark {entry.title!r} on page {where}"
        assert re.match(r"(\d+|Appendix [A-Z]|[A-Z]) \S", entry.title), entry.title
    titles = [t for t, _ in marks]
    assert all("  " not in t and t == t.strip() for t in titles)
    # Headings below the sections have bookmarks too (the element cards, the criteria).
    assert len(marks) > 2 * len(entries)
    # The checklist has bookmarks as well, one for each criterion at least.
    checklist = pypdf.PdfReader(out / "checklist.pdf")
    assert len(list(bookmarks(checklist))) > 3


@pytest.mark.parametrize("example", [e.parent.name for e in EXAMPLES])
def test_no_page_is_left_nearly_empty_and_nothing_is_cut_off(
    printed: dict[str, Path], example: str
) -> None:
    for name in ("handbook.pdf", "checklist.pdf"):
        reader = pypdf.PdfReader(printed[example] / name)
        pages = list(reader.pages)
        if name == "handbook.pdf":
            assert 15 <= len(pages) <= 60, f"{name} has {len(pages)} pages"
        chars = [body_chars(page) for page in pages]
        usual = statistics.median(chars)
        sparse = [
            f"page {n} ({c} characters, the usual page {usual:.0f})"
            for n, c in enumerate(chars[:-1], start=1)
            if c < LEAST_SHARE_OF_A_PAGE * usual
        ]
        assert not sparse, f"{example} {name}: nearly empty " + ", ".join(sparse)
        # Text that starts left of the page's margin was clipped there: "10." printed as ".0."
        cut = [
            f"page {n}: {t.text!r}"
            for n, page in enumerate(pages, start=1)
            for t in runs(page)
            if t.x < LEFT_MARGIN - 0.5
        ]
        assert not cut, f"{example} {name}: text cut off at the left edge: " + ", ".join(cut[:5])


@pytest.mark.parametrize("example", [e.parent.name for e in EXAMPLES])
def test_a_handbook_prints_twice_and_its_first_print_paints_nothing(
    printed: dict[str, Path], example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first print is read only for where each heading lands, so it is laid out with
    # nothing painted; the pages it finds must be the ones the painted print has, or the
    # handbook would be printed a third time (and its build take half as long again).
    from codify.documents import pdf

    prints: list[tuple[bytes, bool]] = []
    _print = pdf.Printer._print

    def noting(self: pdf.Printer, html: str, final: bool) -> bytes:
        data = _print(self, html, final)
        prints.append((data, final))
        return data

    monkeypatch.setattr(pdf.Printer, "_print", noting)
    html = (printed[example] / "handbook.html").read_text(encoding="utf-8")
    engine = pdf.find_engine()
    assert engine is not None and engine.name == "chromium"
    final = engine.render(html)
    assert [f for _, f in prints] == [False, True], "one print to lay out, one to keep"
    first = pypdf.PdfReader(io.BytesIO(prints[0][0]))
    assert not "".join(page.extract_text() for page in first.pages).strip()
    targets = contents_ids(html)
    assert pdf.destination_pages(prints[0][0], targets) == pdf.destination_pages(final, targets)
