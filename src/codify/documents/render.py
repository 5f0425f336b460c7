"""Render one spec into the handbook and fidelity-checklist files.

Nothing is written here: `render_spec` returns every file as bytes, keyed by its path inside
the spec's output folder, and the command hands them to an OutputWriter, which writes all of
them or none. Output is deterministic: no dates, and every list in spec order.
"""

from __future__ import annotations

import csv
import io
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codify.config import Branding
from codify.documents.assets import material_files
from codify.documents.view import CriterionView, Document, build_document
from codify.model import Intervention
from codify.render.filters import NOT_YAML_TEXT
from codify.render.text import plain

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


class TemplateFailure(Exception):
    """A template could not be loaded or rendered; the message names it and the line."""


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


def _where(exc: BaseException, name: str, overrides: Path | None) -> str:
    """'handbook/handbook.html line 12' for an error raised while rendering a template."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"{exc.filename or exc.name or name} line {exc.lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and not frame.filename.endswith(".py") and frame.lineno:
            return f"{_template_name(Path(frame.filename), overrides)} line {frame.lineno}"
    return name


def _template_name(path: Path, overrides: Path | None) -> str:
    """A packaged template by its name (handbook/handbook.html); an override by its path."""
    if overrides is not None and path.resolve().is_relative_to(overrides.resolve()):
        return str(path)
    parts = path.parts
    if "templates" in parts:
        index = len(parts) - 1 - parts[::-1].index("templates")
        return "/".join(parts[index + 1 :])
    return str(path)


def render_template(env: Any, name: str, doc: Document) -> str:
    """Render one template with the document, turning any failure into TemplateFailure."""
    import jinja2

    try:
        template = env.get_template(name)
        text: str = template.render(doc=doc, spec=doc.spec)
    except jinja2.TemplateNotFound as exc:
        raise TemplateFailure(f"template '{exc.name}' not found") from None
    except Exception as exc:  # any error a template raises, e.g. an undefined name
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        where = _where(exc, name, getattr(env, "codify_overrides", None))
        raise TemplateFailure(f"template {where}: {message}") from None
    return text


def checklist_csv(doc: Document) -> str:
    """One row per criterion, for spreadsheets. Plain text; the csv module does the quoting.

    Starts with a byte-order mark so spreadsheet programs read it as UTF-8. Every text cell
    that could start a formula gets a leading apostrophe (see `_cell`).
    """
    spec = doc.spec
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "intervention",
            "version",
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
        ]
    )
    for c in doc.criteria:
        crit = c.criterion
        anchors = _anchor_text(c)
        row = [
            spec.id,
            spec.version,
            c.number,
            crit.id,
            plain(crit.name),
            "; ".join(plain(link.label) for link in c.core),
            " ".join(crit.core_elements),
            doc.book.label(crit.dimension) if crit.dimension else "",
            plain(crit.method),
            "; ".join(doc.book.label(d) for d in crit.data_sources),
            "yes_no" if c.is_yes_no else "rating",
            c.low,
            c.high,
            anchors,
            "" if crit.minimum is None else crit.minimum,
            "",
            "",
        ]
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _anchor_text(c: CriterionView) -> str:
    """The scale's points as text: '1 = yes: ...; 0 = no' or '1: ...; 2: ...'."""
    parts = []
    for p in c.points:
        label = f"{p.score} = {p.name.lower()}" if c.is_yes_no else str(p.score)
        parts.append(f"{label}: {plain(p.description)}" if p.description else label)
    return "; ".join(parts)


# A spreadsheet reads a cell starting with one of these as a formula (the full-width forms too,
# in East Asian locales), also after leading spaces or controls that it trims.
_FORMULA_START = frozenset("=+-@|%\uff1d\uff0b\uff0d\uff20")


def _cell(value: object) -> object:
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
    out = Rendered()
    parts = [only] if only else list(PARTS)
    materials = (
        material_files(spec, spec_path.parent, material_name) if "handbook" in parts else None
    )
    doc = build_document(
        spec, branding, logo, materials.targets if materials else None, book=env.codify_book
    )
    for part in parts:
        names = HANDBOOK_FILES if part == "handbook" else CHECKLIST_FILES
        for target, template in names.items():
            text = render_template(env, template, doc)
            out.files[target] = text.encode("utf-8")
            if target.endswith(".html"):
                out.html[target] = text
        if part == "checklist":
            out.files["checklist.csv"] = checklist_csv(doc).encode("utf-8")
    if materials is not None:
        out.files.update(materials.contents)
        out.notes.extend(materials.skipped)
    return out
