"""Render one spec into the handbook and fidelity-checklist files.

Nothing is written here: `render_spec` returns every file as bytes, keyed by its path inside
the spec's output folder, and the command hands them to an OutputWriter, which writes all of
them or none. Output is deterministic: no dates, and every list in spec order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codify.config import Branding
from codify.documents.assets import material_files
from codify.documents.view import CriterionView, Document, Link, build_document
from codify.extras import missing_modules
from codify.model import Intervention
from codify.render.filters import NOT_YAML_TEXT
from codify.render.templates import TemplateFailure, render

__all__ = [
    "CHECKLIST_COLUMNS",
    "SpecRendering",
    "TemplateFailure",
    "checklist_csv",
    "checklist_rows",
    "environment",
    "render_spec",
    "render_template",
]

HANDBOOK_FILES = {
    "handbook.html": "handbook/handbook.html",
    "handbook.md": "handbook/handbook.md",
}
CHECKLIST_FILES = {
    "checklist.html": "checklist/checklist.html",
    "checklist.md": "checklist/checklist.md",
    "assessment.yaml": "checklist/assessment.yaml",
}
PDF_SOURCES = {"handbook.pdf": "handbook.html", "checklist.pdf": "checklist.html"}
PARTS = ("handbook", "checklist")


@dataclass
class Rendered:
    """The files of one spec's build, before they are written."""

    files: dict[str, bytes] = field(default_factory=dict)
    html: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def environment(templates: Path | None, branding: Branding, language: str = "en") -> Any:
    """The shared codify environment, remembering the override folder for error messages."""
    from codify.render.templates import environment as base

    return base(templates, branding, language)


# --- rendering ----------------------------------------------------------------------------------


def render_template(env: Any, name: str, doc: Document, *, links: bool = False) -> str:
    """Render one document template, turning any failure into TemplateFailure.

    With `links`, a cross-reference in spec text links to its target's anchor in the same
    document (the HTML handbook, and the PDF printed from it); elsewhere it is words.
    """
    if links:
        return render(env, name, doc=doc, spec=doc.spec, xref_href=_anchor_href)
    return render(env, name, doc=doc, spec=doc.spec)


def _anchor_href(target: Link) -> str:
    return f"#{target.anchor}"


# The checklist table's columns, in order: the CSV and the XLSX checklist share them, and
# `codify score` reads them back by name (codify.assessment.TABLE_COLUMNS).
CHECKLIST_COLUMNS = (
    "intervention",
    "version",
    "status",
    "status_note",
    "instrument",
    "number",
    "criterion_id",
    "criterion",
    "protects",
    "core_element_ids",
    "dimension",
    "method",
    "data_sources",
    "scale",
    "min",
    "max",
    "anchors",
    "minimum",
    "rating",
    "evidence",
)


def checklist_rows(doc: Document) -> list[list[object]]:
    """One row of CHECKLIST_COLUMNS values per criterion, as plain text and numbers.

    Not yet safe for a spreadsheet: each writer escapes the cells in its own way.
    """
    spec = doc.spec
    # A draft, a pilot or a rejected intervention says so on every row a spreadsheet shows.
    status_note = (
        doc.book.fill(doc.banner_key, verdict=doc.words(doc.verdict_summary))
        if doc.banner_key
        else ""
    )
    # Where the checklist comes from: an illustrative one says so on every row.
    found = spec.fidelity.instrument if spec.fidelity else None
    instrument = found.provenance.value if found else ""
    rows: list[list[object]] = []
    for c in doc.criteria:
        crit = c.criterion
        rows.append(
            [
                spec.id,
                spec.version,
                spec.status.value,
                status_note,
                instrument,
                c.number,
                crit.id,
                doc.words(crit.name),
                "; ".join(doc.words(link.label) for link in c.core),
                " ".join(crit.core_elements),
                doc.book.label(crit.dimension) if crit.dimension else "",
                doc.words(crit.method),
                "; ".join(doc.book.label(d) for d in crit.data_sources),
                "yes_no" if c.is_yes_no else "rating",
                c.low,
                c.high,
                _anchor_text(c, doc),
                "" if crit.minimum is None else crit.minimum,
                "",
                "",
            ]
        )
    return rows


def checklist_csv(doc: Document) -> str:
    """One row per criterion, for spreadsheets. Plain text; the csv module does the quoting.

    Starts with a byte-order mark so spreadsheet programs read it as UTF-8. Every text cell
    that could start a formula gets a leading apostrophe (see `csv_cell`).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CHECKLIST_COLUMNS)
    for row in checklist_rows(doc):
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _anchor_text(c: CriterionView, doc: Document) -> str:
    """The scale's points as text: '1 = yes: ...; 0 = no' or '1: ...; 2: ...'."""
    parts = []
    for p in c.points:
        label = f"{p.score} = {p.name.lower()}" if c.is_yes_no else str(p.score)
        parts.append(f"{label}: {doc.words(p.description)}" if p.description else label)
    return "; ".join(parts)


# A spreadsheet reads a cell starting with one of these as a formula (the full-width forms too,
# in East Asian locales), also after leading spaces or controls that it trims.
_FORMULA_START = frozenset("=+-@|%\uff1d\uff0b\uff0d\uff20")


def csv_cell(value: object) -> object:
    """A CSV cell no spreadsheet will run: text that could start a formula gets a leading '.

    Numbers stay numbers. Every text cell comes through here, whatever its column: the
    version, an id or a name are as much spec text as a criterion's wording.
    """
    if not isinstance(value, str):
        return value
    text = NOT_YAML_TEXT.sub("\ufffd", value)
    stripped = text.lstrip(" \t\r\n\x0b\x0c")
    if stripped[:1] in _FORMULA_START or (stripped != text and stripped):
        return "'" + text
    return text


def render_spec(
    spec: Intervention,
    spec_path: Path,
    env: Any,
    branding: Branding,
    logo: str | None,
    only: str | None = None,
    material_name: Callable[[str], str] | None = None,
) -> Rendered:
    """Every file of one spec's build, as bytes keyed by path in its output folder.

    `material_name` renames material files as they are copied (see `material_files`).
    """
    # `finish` renders the pages first if they are not yet rendered: one step, as the site wants.
    return SpecRendering(spec, spec_path, env, branding, logo, only, material_name).finish()


class SpecRendering:
    """One spec's files rendered in two steps: `pages`, the HTML that PDFs print from, then
    `finish`, everything else, so that a build can start printing before the rest is made.

    `finish` gives the same files, in the same order, as rendering all in one go.
    """

    def __init__(
        self,
        spec: Intervention,
        spec_path: Path,
        env: Any,
        branding: Branding,
        logo: str | None,
        only: str | None = None,
        material_name: Callable[[str], str] | None = None,
    ) -> None:
        self.env = env
        self.parts = [only] if only else list(PARTS)
        self.materials = (
            material_files(spec, spec_path.parent, material_name)
            if "handbook" in self.parts
            else None
        )
        self.doc = build_document(
            spec,
            branding,
            logo,
            self.materials.targets if self.materials else None,
            book=env.codify_book,
        )
        self._html: dict[str, str] | None = None

    def _built_parts(self) -> list[str]:
        # Only a record of a tested intervention may leave fidelity out (the schema says so);
        # with no criteria there is no checklist to print, which the build reports.
        return [p for p in self.parts if p != "checklist" or self.doc.spec.fidelity is not None]

    def pages(self) -> dict[str, str]:
        """The spec's HTML files (handbook.html, checklist.html), rendered, by file name."""
        if self._html is None:
            self._html = {}
            for part in self._built_parts():
                for target, template in _files(part).items():
                    if target.endswith(".html"):
                        links = target == "handbook.html"
                        self._html[target] = render_template(
                            self.env, template, self.doc, links=links
                        )
        return self._html

    def finish(self) -> Rendered:
        """Every file of the spec: the pages as rendered by `pages`, and the rest made now."""
        html = self.pages()
        doc, out = self.doc, Rendered()
        for part in self.parts:
            if part not in self._built_parts():
                out.notes.append("no fidelity checklist: the spec sets no fidelity criteria")
                continue
            for target, template in _files(part).items():
                text = html.get(target)
                if text is None:
                    text = render_template(self.env, template, doc)
                else:
                    out.html[target] = text
                out.files[target] = text.encode("utf-8")
            if part == "checklist":
                out.files["checklist.csv"] = checklist_csv(doc).encode("utf-8")
                # The workbook comes with the 'xlsx' extra; without it the CSV serves
                # spreadsheets.
                if not missing_modules("xlsx"):
                    from codify.documents.workbook import checklist_xlsx

                    out.files["checklist.xlsx"] = checklist_xlsx(doc)
        if self.materials is not None:
            out.files.update(self.materials.contents)
            out.notes.extend(self.materials.skipped)
        return out


def _files(part: str) -> dict[str, str]:
    """The files of a part and the template each is rendered from."""
    return HANDBOOK_FILES if part == "handbook" else CHECKLIST_FILES
