"""Print HTML to PDF with headless Chromium, or with WeasyPrint when it is installed.

Chromium is found as `$CODIFY_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome`
or `google-chrome-stable` on PATH. It is started with a fresh profile and every background
service off, so it never waits on a network it may not have. The dates Chromium stamps into a
PDF are replaced by a fixed one, so the same HTML always gives the same bytes.

Printing must never read a file of the build machine or reach a host from it (in CI that would
be a request from inside the organisation's network). So, whatever the HTML says: the page
gets codify's Content-Security-Policy, which allows nothing to load but data: URIs; Chromium
sends every request to a proxy that does not exist, loopback included; WeasyPrint is given a
fetcher that answers data: URIs only.

The PDF has bookmarks from the headings, and the contents give each section's page. WeasyPrint
does both itself (`target-counter()` in the print CSS); Chromium writes the bookmarks
(`--generate-pdf-document-outline`) but cannot count pages, so when pypdf is installed the page
is printed once, each contents link's page read from the PDF's named destinations, and printed
again with the numbers filled in. pypdf also mends the bookmark titles Chromium runs together.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    # No request leaves the printer: every URL goes to a proxy on a port nothing listens on,
    # and "<-loopback>" stops Chromium sending localhost and 127.0.0.1 around the proxy.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--disable-remote-fonts",
)
TIMEOUT_SECONDS = 120
# Printing with the contents' page numbers filled in moves nothing after the contents (the body
# starts on a fresh page), so the second print agrees with the first; a third is the limit.
MAX_PRINTS = 3

HOW_TO_GET = (
    "--pdf needs Chromium or WeasyPrint, and neither was found. Install one of them:\n"
    "  apt install chromium                     (Debian/Ubuntu; or install Google Chrome)\n"
    "  pip install 'codify-interventions[pdf]'  (WeasyPrint)\n"
    "or set CODIFY_CHROMIUM to the path of a Chrome or Chromium binary."
)


class PdfError(Exception):
    """Printing to PDF failed; the message says what the engine reported."""


@dataclass(frozen=True)
class PdfEngine:
    """A way to print HTML to PDF: 'chromium' with its binary, or 'weasyprint'."""

    name: str
    binary: str | None = None

    def render(self, html: str) -> bytes:
        """The PDF of one self-contained HTML page, with bookmarks and a paginated contents."""
        html = with_policy(without_relative_links(html))
        if self.name == "weasyprint":
            pdf = _weasyprint(html)
        else:
            assert self.binary is not None
            pdf = _chromium_paginated(self.binary, html)
        return fixed_dates(with_heading_titles(pdf, heading_texts(html)))

    def describe(self) -> str:
        """The engine for messages, e.g. 'chromium (/usr/bin/chromium)'."""
        return f"{self.name} ({self.binary})" if self.binary else self.name


def find_chromium() -> str | None:
    """The Chromium or Chrome binary to use, or None."""
    chosen = os.environ.get("CODIFY_CHROMIUM")
    if chosen:
        return shutil.which(chosen) or (chosen if os.access(chosen, os.X_OK) else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_engine() -> PdfEngine | None:
    """Chromium if there is one, else WeasyPrint if it imports, else None."""
    binary = find_chromium()
    if binary:
        return PdfEngine("chromium", binary)
    try:
        import weasyprint  # noqa: F401
    except Exception:  # ImportError, or OSError when its system libraries are missing
        return None
    return PdfEngine("weasyprint")


def chromium_command(binary: str, profile: Path, *extra: str) -> list[str]:
    """The command line that starts headless Chromium safely offline."""
    return [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra]


def _chromium_paginated(binary: str, html: str) -> bytes:
    """Chromium's PDF, printed again until the contents show the pages their links lead to."""
    targets = contents_targets(html)
    if not targets or not has_pypdf():
        return _chromium(binary, html)
    # The first print holds a two-digit number's room, so the contents wrap as they will.
    pdf = _chromium(binary, with_page_numbers(html, dict.fromkeys(targets, 88)))
    pages = destination_pages(pdf, targets)
    for _ in range(MAX_PRINTS - 1):
        pdf = _chromium(binary, with_page_numbers(html, pages))
        printed, pages = pages, destination_pages(pdf, targets)
        if pages == printed:
            break
    return pdf


def _chromium(binary: str, html: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="codify-pdf-") as tmp:
        folder = Path(tmp)
        page = folder / "page.html"
        page.write_text(html, encoding="utf-8")
        target = folder / "page.pdf"
        profile = folder / "profile"
        profile.mkdir()
        command = chromium_command(
            binary,
            profile,
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={target}",
            page.as_uri(),
        )
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"{binary} did not finish within {TIMEOUT_SECONDS} s") from None
        except OSError as exc:
            raise PdfError(f"cannot run {binary}: {exc.strerror}") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(
                f"{binary} exited with {done.returncode} and wrote no PDF"
                + (":\n  " + "\n  ".join(tail) if tail else "")
            )
        return target.read_bytes()


def _data_only(url: str) -> dict[str, object]:
    """WeasyPrint's URL fetcher: data: URIs (the logo) load; anything else is refused."""
    import weasyprint

    if not url.startswith("data:"):
        raise ValueError(f"codify prints nothing from outside the page ({url[:60]})")
    fetched: dict[str, object] = weasyprint.default_url_fetcher(url)
    return fetched


def _weasyprint(html: str) -> bytes:
    import weasyprint

    try:
        data: bytes = weasyprint.HTML(string=html, url_fetcher=_data_only).write_pdf(
            pdf_tags=True  # tagged for screen readers, as public-sector accessibility rules ask
        )
    except Exception as exc:
        raise PdfError(f"WeasyPrint failed: {exc}") from None
    return data


_RELATIVE_HREF = re.compile(r'\shref="(?!#)(?![A-Za-z][A-Za-z0-9+.-]*:)[^"]*"')


def without_relative_links(html: str) -> str:
    """The page with links to files beside it (checklist.html, materials/...) unlinked.

    A PDF engine turns them into file: links to its temporary folder, which lead nowhere once
    the PDF is moved and would make every build's PDF different. Links within the page and to
    web addresses stay.
    """
    return _RELATIVE_HREF.sub("", html)


_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_DOCTYPE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)


def with_policy(html: str) -> str:
    """The page with codify's Content-Security-Policy as the first thing in its head.

    Templates carry it already; adding it here too means a template override that leaves it
    out still prints nothing from outside the page. Two policies both apply, the stricter wins.
    """
    from codify.render.templates import CONTENT_SECURITY_POLICY

    meta = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
    return _at_head_start(html, meta)


def _at_head_start(html: str, markup: str) -> str:
    """The page with `markup` first in its head (or first after the doctype, if no <head>)."""
    head = _HEAD.search(html)
    if head:
        return html[: head.end()] + markup + html[head.end() :]
    doctype = _DOCTYPE.match(html)
    at = doctype.end() if doctype else 0
    return html[:at] + markup + html[at:]


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})")


def fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 2000-01-01.

    Only the 14 digits change, so every byte offset in the file stays valid.
    """
    return _DATE.sub(lambda m: m.group(0)[:-14] + b"20000101000000", pdf)


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has (counts page objects; enough for the PDFs we write)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


# --- the contents' page numbers and the bookmarks -------------------------------------------


def has_pypdf() -> bool:
    """Whether pypdf, which reads back where Chromium put each heading, is installed."""
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


# An id that goes into a CSS selector below: plain ones only, so no page can write CSS with it.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements with no end tag: they open nothing that a later end tag would close.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Outline(HTMLParser):
    """The in-page links inside <nav> elements, and the text of every heading, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.headings: list[str] = []
        self._open: list[tuple[str, bool, bool]] = []  # tag, hidden from readers, a number label
        self._navs = 0
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        hidden = values.get("aria-hidden") == "true" or any(h for _, h, _ in self._open)
        self._open.append((tag, hidden, "num" in (values.get("class") or "").split()))
        if tag == "nav":
            self._navs += 1
        elif tag == "a" and self._navs:
            href = values.get("href") or ""
            if href.startswith("#") and _PLAIN_ID.fullmatch(href[1:]):
                self.targets.append(href[1:])
        elif tag in _HEADINGS and self._text is None:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _, _ in self._open):
            return
        while self._open:
            closed, _, number = self._open.pop()
            if closed == "nav":
                self._navs -= 1
            if number and self._text is not None:
                # A section number is set apart by a margin, not a space: give the title one.
                self._text.append(" ")
            if closed in _HEADINGS and self._text is not None:
                self.headings.append(" ".join("".join(self._text).split()))
                self._text = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._text is not None and not any(h for _, h, _ in self._open):
            self._text.append(data)


def _outline_of(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return parser


def contents_targets(html: str) -> list[str]:
    """The ids the page's contents link to (in-page links inside <nav>), each once, in order."""
    return list(dict.fromkeys(_outline_of(html).targets))


def heading_texts(html: str) -> list[str]:
    """Each heading's text as a reader hears it (aria-hidden symbols left out), in page order."""
    return _outline_of(html).headings


def with_page_numbers(html: str, pages: Mapping[str, int]) -> str:
    """The page with each contents link to a known id showing that id's page in print.

    The number goes in as CSS content on the link's ::after box, styled by the template, so
    the HTML itself stays as the template wrote it. `nav a[href][href="#id"]` outranks the
    template's own `.toc a::after`, whatever order the two come in.
    """
    rules = "".join(
        f'nav a[href][href="#{target}"]::after {{ content: "{page}"; }}'
        for target, page in pages.items()
        if _PLAIN_ID.fullmatch(target)
    )
    style = f"<style>@media print {{ {rules} }}</style>"
    end = re.search(r"</head\s*>", html, re.IGNORECASE)
    if end:
        return html[: end.start()] + style + html[end.start() :]
    return _at_head_start(html, style)


def destination_pages(pdf: bytes, targets: Sequence[str]) -> dict[str, int]:
    """The page (from 1) each of `targets` lands on, read from the PDF's named destinations.

    Chromium names a destination after each element id a link points to; one it did not
    write (a link to nothing) is left out.
    """
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    named = {name.removeprefix("/"): dest for name, dest in reader.named_destinations.items()}
    pages = {}
    for target in targets:
        if target in named:
            index = reader.get_destination_page_number(named[target])
            if index is not None and index >= 0:
                pages[target] = index + 1
    return pages


def _squashed(text: str) -> str:
    return "".join(text.split()).casefold()


def _outline_items(first: Any) -> Iterator[Any]:
    """Every bookmark below `first`, depth first: the order of the headings on the page."""
    item = first
    while item is not None:
        item = item.get_object()
        yield item
        if "/First" in item:
            yield from _outline_items(item["/First"])
        item = item.get("/Next")


def with_heading_titles(pdf: bytes, headings: Sequence[str]) -> bytes:
    """The PDF with each bookmark titled as its heading reads, spaces and capitals included.

    Chromium runs a wrapped heading's lines together ("Interface andDischarge") and a section
    number into its title ("1What it is"), and takes text-transform's capitals. Each bookmark
    is matched, in order, to the next heading with the same letters; a bookmark with no such
    heading keeps its title. The changes are appended as an incremental update, so the bytes
    Chromium wrote stay as they were. Without pypdf, or without bookmarks, the PDF is unchanged.
    """
    if not headings or not has_pypdf():
        return pdf
    import pypdf
    from pypdf.generic import NameObject, TextStringObject

    try:
        writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
        outlines = writer.root_object.get("/Outlines")
        if outlines is None or "/First" not in outlines.get_object():
            return pdf
        squashed = [_squashed(h) for h in headings]
        at = 0
        changed = False
        for item in _outline_items(outlines.get_object()["/First"]):
            title = str(item.get("/Title", ""))
            key = _squashed(title)
            if not key or key not in squashed[at:]:
                continue
            found = squashed.index(key, at)
            at = found + 1
            if headings[found] != title:
                item[NameObject("/Title")] = TextStringObject(headings[found])
                changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        writer.write(out)
    except pypdf.errors.PyPdfError:
        return pdf  # bookmarks titled as Chromium wrote them are better than no PDF
    return out.getvalue()
