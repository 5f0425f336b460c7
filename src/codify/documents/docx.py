"""Word (DOCX) files made from codify's own HTML, with python-docx.

Adopting organisations file and edit their documents in Word, so the local handbook and
checklist come as .docx too. Rather than a third set of templates that could drift from the
other two, a page is made from the HTML codify has just rendered: headings, paragraphs, lists,
tables, bold, italic, links to the web or to an e-mail address and the organisation's logo
carry over; the table of contents (Word makes its own), links within the page, styles and the
like do not. So the Word file says exactly what the HTML says.

The HTML is codify's own (every piece of spec and profile text in it already escaped and
sanitised), read with the standard library's parser: text is only ever inserted as text, so
nothing in it can become markup in the Word file. The zip is written with a fixed date, so the
same page gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# The links a Word file keeps: to the web and to e-mail. Any other address (a link within the
# page, a relative file) stays as its text; codify's HTML has already refused unsafe schemes.
_LINK_SCHEMES = ("http://", "https://", "mailto:")
Run = tuple[str, bool, bool, str | None]  # text, bold, italic, link address
# The logo's kinds Word shows (not SVG or WebP, which a Word file leaves out), and its width.
_PICTURES = ("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,")
_LOGO_WIDTH_CM = 3.5

# Elements whose content is not part of the page's text in Word: the stylesheet, the head,
# and the side and inline contents (Word has its own navigation pane).
_SKIPPED = frozenset({"head", "style", "script", "title", "nav", "template"})
_BLOCKS = frozenset(
    {"p", "div", "section", "header", "footer", "main", "article", "aside", "dl", "dt", "dd",
     "figure", "figcaption", "blockquote", "details", "summary", "ul", "ol", "table"}
)  # fmt: skip
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)


@dataclass
class _Cell:
    """A table cell being read: its runs, and whether it is a header cell."""

    header: bool
    runs: list[Run] = field(default_factory=list)


class _Reader(HTMLParser):
    """Turns codify's HTML into calls on a python-docx Document, in order."""

    def __init__(self, document: Any) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.skip = 0  # depth inside elements whose text is left out
        self.bold = 0
        self.italic = 0
        self.lists: list[str] = []  # 'ul' or 'ol', innermost last
        self.paragraph: Any = None
        self.heading: int | None = None
        self.rows: list[list[_Cell]] | None = None
        self.cell: _Cell | None = None
        self.nested = 0  # depth of tables inside a table's cell: read as the cell's text
        self.in_title = False
        self.title = ""  # the page's <title>, for the Word file's properties
        self.links: list[str | None] = []  # each open <a>'s address, if Word keeps it

    # -- paragraphs ---------------------------------------------------------------------------

    def _end(self) -> None:
        self.paragraph = None
        self.heading = None

    def _current(self) -> Any:
        if self.paragraph is None:
            if self.heading is not None:
                self.paragraph = self.document.add_heading("", level=self.heading)
            elif self.lists:
                style = "List Number" if self.lists[-1] == "ol" else "List Bullet"
                depth = min(len(self.lists), 3)
                self.paragraph = self.document.add_paragraph(
                    style=style if depth == 1 else f"{style} {depth}"
                )
            else:
                self.paragraph = self.document.add_paragraph()
        return self.paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_title = tag == "title"
        if self.skip or tag in _SKIPPED:
            self.skip += tag in _SKIPPED or tag not in _VOID
            return
        if tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "br":
            self._text("\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href if href.lower().startswith(_LINK_SCHEMES) else None)
        elif (
            tag == "img"
            and self.rows is None
            and "logo" in (dict(attrs).get("class") or "").split()
        ):
            self._logo(dict(attrs).get("src") or "")
        elif tag in _HEADINGS:
            self._end()
            self.heading = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self._end()
            self.lists.append(tag)
        elif tag == "li":
            self._end()
        elif tag == "table":
            if self.rows is not None:
                self.nested += 1
            else:
                self._end()
                self.rows = []
        elif self.nested:
            return
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            if not self.rows:
                self.rows.append([])
            self.cell = _Cell(tag == "th")
            self.rows[-1].append(self.cell)
        elif tag in _BLOCKS and self.cell is None:
            self._end()

    def handle_endtag(self, tag: str) -> None:
        self.in_title = False
        if self.skip:
            if tag in _SKIPPED or tag not in _VOID:
                self.skip -= 1
            return
        if tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            if self.links:
                self.links.pop()
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._end()
        elif tag == "table" and self.nested:
            self.nested -= 1
        elif self.nested:
            return
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None
            self._end()
        elif tag in _HEADINGS or tag == "li" or (tag in _BLOCKS and self.cell is None):
            self._end()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.skip:
            return
        self._text(data)

    def _logo(self, source: str) -> None:
        """The branding logo (codify embeds it in the HTML as a data: URI), as a picture in a
        paragraph of its own; a kind Word does not show, or an image it cannot read, is left
        out, as the page's other images are."""
        import base64
        import binascii
        import struct

        from docx.image.exceptions import (
            InvalidImageStreamError,
            UnexpectedEndOfFileError,
            UnrecognizedImageError,
        )
        from docx.shared import Cm

        # What python-docx raises, or lets through, on an image file it cannot read.
        unreadable = (
            InvalidImageStreamError,
            UnexpectedEndOfFileError,
            UnrecognizedImageError,
            struct.error,
            ValueError,
            IndexError,
            KeyError,
            ZeroDivisionError,
            OSError,
        )

        kind = next((k for k in _PICTURES if source.startswith(k)), None)
        if kind is None:
            return
        try:
            data = base64.b64decode(source[len(kind) :], validate=True)
        except (binascii.Error, ValueError):
            return
        self._end()
        paragraph = self.document.add_paragraph()
        try:
            paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(_LOGO_WIDTH_CM))
        except unreadable:
            paragraph._p.getparent().remove(paragraph._p)
        self._end()

    @property
    def _link(self) -> str | None:
        """The address of the innermost open link, when Word keeps it."""
        return self.links[-1] if self.links else None

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.runs.append((data, bool(self.bold), bool(self.italic), self._link))
            return
        if self.rows is not None:
            return  # text between a table's cells is layout
        if not data.strip() and self.paragraph is None:
            return  # whitespace between blocks
        text = " ".join(data.split())
        if not text:
            text = " "
        elif data[:1].isspace():
            text = " " + text
        if data[-1:].isspace() and text != " ":
            text += " "
        paragraph = self._current()
        if not _has_text(paragraph):
            text = text.lstrip()
            if not text:
                return
        _add_run(paragraph, text, bool(self.bold), bool(self.italic), self._link)

    def _table(self, rows: list[list[_Cell]]) -> None:
        rows = [r for r in rows if r]
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                target = table.cell(i, j).paragraphs[0]
                text = " ".join("".join(t for t, _, _, _ in cell.runs).split())
                if not text:
                    continue
                for piece, bold, italic, link in _tidy(cell.runs):
                    _add_run(target, piece, bold or cell.header, italic, link)

    def close(self) -> None:
        super().close()
        if self.rows is not None:
            self._table(self.rows)
            self.rows = None


def _has_text(paragraph: Any) -> bool:
    """Whether anything has been added to the paragraph yet: a run, or a link holding one."""
    return any(child.tag.endswith(("}r", "}hyperlink")) for child in paragraph._p.iterchildren())


def _add_run(paragraph: Any, text: str, bold: bool, italic: bool, link: str | None) -> None:
    """Add text to a paragraph: a run, or inside a hyperlink to `link` (blue and underlined,
    as Word shows a link; python-docx has no call for a hyperlink, so it is built here)."""
    if link is None:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        return
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), paragraph.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, True))
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for name, value in (("w:b", bold), ("w:i", italic)):
        if value:
            props.append(OxmlElement(name))
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    words = OxmlElement("w:t")
    words.text = text  # text, never markup: lxml escapes it
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def _tidy(runs: list[Run]) -> list[Run]:
    """A cell's runs with whitespace collapsed as a browser shows it, and trimmed at the ends."""
    out: list[Run] = []
    previous_space = True
    for text, bold, italic, link in runs:
        collapsed = "".join(" " if c.isspace() else c for c in text)
        piece = []
        for c in collapsed:
            if c == " " and previous_space:
                continue
            piece.append(c)
            previous_space = c == " "
        if piece:
            out.append(("".join(piece), bold, italic, link))
    if out:
        last, b, i, a = out[-1]
        out[-1] = (last.rstrip(), b, i, a)
    return [r for r in out if r[0]]


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


def html_to_docx(html: str, title: str | None = None) -> bytes:
    """A Word file with the text and structure of one of codify's HTML pages."""
    import docx

    document = docx.Document()
    reader = _Reader(document)
    reader.feed(html)
    reader.close()
    props = document.core_properties
    props.author = "codify"
    props.title = title if title is not None else " ".join(reader.title.split())
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated alike and in the same order: the same bytes for the
    same page (python-docx dates entries with the time of saving, and the core properties
    with none we keep)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _undated(content)
            target.writestr(entry, content)
    return out.getvalue()


def _undated(core: bytes) -> bytes:
    """The core properties without the dates python-docx's template carries."""
    import re

    return re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", core)


def docx_text(data: bytes) -> str:
    """Every paragraph's and table cell's text of a Word file, one per line: for tests and
    for comparing a Word file with its HTML."""
    import docx

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}tc"):
                    lines.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return "\n".join(line for line in lines if line.strip())
