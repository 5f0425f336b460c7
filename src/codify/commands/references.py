"""`codify references import`: a bibliography file as the `references:` list of a spec.

BibTeX (read by bibtexparser), RIS (rispy) and CSL-JSON (the standard library) are turned into
codify's own references: structured authors (people with family and given names, and
organisations kept whole), the type, year, title, publisher, details, DOI, URL and access date.
The YAML goes to standard output, every string double-quoted by the one YAML writer codify
uses for untrusted text, so nothing in the file can change the YAML's structure. Ids come from
the entry's key, or its first author and year, made unique.

A file that cannot be read, or an entry without a title or authors, stops the command with a
message naming the file and, where the format has one, the line (exit 2). Each reference is
checked against the spec format before anything is printed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from codify.commands._common import common_options
from codify.commands._output import fail
from codify.extras import require_extra

# A bibliography is larger than a spec's references but far smaller than this.
MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("bibtex", "ris", "csljson")
_BY_SUFFIX = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "csljson"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The libraries of the `references` extra that reading each format imports.
_NEEDS = {"bibtex": ("bibtexparser", "pylatexenc"), "ris": ("rispy",)}


class ImportProblem(Exception):
    """The file, or one entry of it, cannot become references; the message says where."""


@dataclass
class Imported:
    """One entry on its way to a reference: where it was, and its fields in spec terms."""

    line: int | None  # 1-based, when the format tells
    key: str | None
    type: str | None = None
    authors: list[dict[str, str]] = field(default_factory=list)
    year: int | None = None
    accessed: str | None = None
    title: str | None = None
    publisher: str | None = None
    details: str | None = None
    doi: str | None = None
    url: str | None = None

    def where(self, display: str) -> str:
        place = f"{display}:{self.line}" if self.line else display
        return f"{place}: entry {self.key!r}" if self.key else f"{place}: an entry"


# --- values --------------------------------------------------------------------------------


def _clean(value: object) -> str | None:
    """Text as a spec holds it: one line, no control characters; None when empty."""
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return text or None


def _year(value: object) -> int | None:
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", str(value or ""))
    if found and 1800 <= int(found.group(1)) <= 2100:
        return int(found.group(1))
    return None


def _date(value: object) -> str | None:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, from '2024/02/19', '2024-02' and the like."""
    found = re.match(r"\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", str(value or ""))
    if not found:
        return None
    parts = [found.group(1)] + [f"{int(p):02d}" for p in found.groups()[1:] if p]
    return "-".join(parts)


def _doi(value: object) -> str | None:
    text = _clean(value)
    if text is None:
        return None
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.IGNORECASE)


def _details(volume: object, issue: object, pages: object) -> str | None:
    """Volume, issue and pages as Vancouver writes them: 6(12):1-120."""
    vol, iss, pp = _clean(volume), _clean(issue), _clean(pages)
    text = (vol or "") + (f"({iss})" if iss else "")
    if pp:
        text = f"{text}:{pp}" if text else pp
    return text or None


def _person(family: object, given: object = None) -> dict[str, str]:
    fam, giv = _clean(family), _clean(given)
    if fam is None:
        return {"literal": giv or ""}
    return {"family": fam, **({"given": giv} if giv else {})}


# --- BibTeX --------------------------------------------------------------------------------

_BIBTEX_TYPES = {
    "article": "article-journal",
    "book": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
}


def _line(start: int | None) -> int | None:
    """bibtexparser's 0-based line as a 1-based one (None when it has none)."""
    return None if start is None else start + 1


def _bibtex(text: str, display: str) -> Iterator[Imported]:
    import logging

    from bibtexparser.entrypoint import parse_string
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )
    from pylatexenc.latex2text import LatexNodes2Text

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we say what failed
    from bibtexparser.model import DuplicateBlockKeyBlock, Entry

    library = parse_string(text)
    # A key used twice is BibTeX's error, not the reader's: both entries are kept, and the
    # ids codify gives them are made unique.
    entries = list(library.entries)
    failed = []
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(
            block.ignore_error_block, Entry
        ):
            entries.append(block.ignore_error_block)
        else:
            failed.append(block)
    entries.sort(key=lambda e: e.start_line or 0)
    if failed:
        line = _line(failed[0].start_line)
        raise ImportProblem(
            f"{display}{f':{line}' if line else ''}: not a BibTeX entry that can be read "
            "(an unclosed brace or quote, or a missing comma?)"
        )
    latex = LatexNodes2Text(math_mode="verbatim")

    def decoded(value: object) -> str | None:
        """LaTeX as text ('{\\"O}' is 'Ö'); braces that protect case are dropped."""
        if value is None:
            return None
        try:
            return _clean(latex.latex_to_text(str(value)))
        except Exception:  # pylatexenc gives up on odd LaTeX: keep what was written
            return _clean(value)

    for entry in entries:
        fields = {f.key.lower(): f.value for f in entry.fields}
        kind = entry.entry_type.lower()
        item = Imported(_line(entry.start_line), entry.key)
        item.type = _BIBTEX_TYPES.get(kind)
        if kind == "misc" and fields.get("url") and not fields.get("publisher"):
            item.type = "webpage"
        names = fields.get("author") or fields.get("editor") or ""
        # BibTeX itself separates people with 'and' (outside braces); a name in braces is
        # one that must not be split or reordered: an organisation, kept whole.
        for name in split_multiple_persons_names(str(names)):
            name = name.strip()
            if name.startswith("{") and name.endswith("}") and "," not in name:
                item.authors.append({"literal": decoded(name) or ""})
                continue
            parts = parse_single_name_into_parts(name)
            family = " ".join([*parts.von, *parts.last, *parts.jr])
            if parts.first:
                item.authors.append(_person(decoded(family), decoded(" ".join(parts.first))))
            else:
                item.authors.append({"literal": decoded(family) or ""})
        item.title = decoded(fields.get("title"))
        item.year = _year(fields.get("year") or fields.get("date"))
        item.accessed = _date(fields.get("urldate"))
        item.doi = _doi(fields.get("doi"))  # DOIs and URLs are not LaTeX: '%' is not a comment
        item.url = _clean(fields.get("url"))
        pages = decoded(fields.get("pages"))
        if kind == "article":
            item.publisher = decoded(fields.get("journal") or fields.get("journaltitle"))
            item.details = _details(
                decoded(fields.get("volume")), decoded(fields.get("number")), pages
            )
        elif item.type == "chapter" and fields.get("booktitle"):
            item.publisher = decoded(fields.get("publisher"))
            book = decoded(fields["booktitle"])
            item.details = _clean(f"In: {book}" + (f", pp. {pages}" if pages else ""))
        else:
            item.publisher = decoded(
                fields.get("publisher")
                or fields.get("institution")
                or fields.get("organization")
                or fields.get("howpublished")
            )
            item.details = decoded(fields.get("number") or fields.get("note"))
        yield item


# --- RIS -----------------------------------------------------------------------------------

_RIS_TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "MGZN": "article-journal",
    "BOOK": "book",
    "EBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "RPRT": "report",
    "GOVDOC": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "webpage",
    "NEWS": "webpage",
}
_RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")


def _ris_records(text: str, display: str) -> list[int]:
    """The line of each record's `TY  -`, after checking that every record is closed.

    rispy drops an unclosed record without a word, so the records are found here first.
    """
    starts: list[int] = []
    open_at: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        tag = _RIS_TAG.match(line)
        if tag is None:
            continue
        if tag.group(1) == "TY":
            if open_at is not None:
                raise ImportProblem(
                    f"{display}:{open_at}: the record is not closed: a new one starts at line "
                    f"{number} before its 'ER  -' line"
                )
            open_at = number
            starts.append(number)
        elif tag.group(1) == "ER":
            if open_at is None:
                raise ImportProblem(f"{display}:{number}: 'ER  -' without a record ('TY  -')")
            open_at = None
    if open_at is not None:
        raise ImportProblem(f"{display}:{open_at}: the record has no 'ER  -' line to end it")
    if not starts:
        raise ImportProblem(f"{display}: no RIS records (lines 'TY  - ...') found")
    return starts


def _ris(text: str, display: str) -> Iterator[Imported]:
    import rispy

    starts = _ris_records(text, display)
    try:
        records = rispy.loads(text)
    except Exception as exc:  # rispy raises bare errors on odd input
        raise ImportProblem(f"{display}: not a RIS file that can be read ({exc})") from None
    for line, record in zip(starts, records, strict=False):
        item = Imported(line, _clean(record.get("id")))
        kind = str(record.get("type_of_reference", "")).upper()
        item.type = _RIS_TYPES.get(kind)
        for name in record.get("authors") or record.get("first_authors") or []:
            family, comma, given = str(name).partition(",")
            if comma:  # RIS writes a person 'Family, Given'
                item.authors.append(_person(family, given))
            else:  # without a comma: an organisation, kept whole
                item.authors.append({"literal": _clean(name) or ""})
        item.title = _clean(record.get("title") or record.get("primary_title"))
        item.year = _year(
            record.get("year") or record.get("publication_year") or record.get("date")
        )
        item.accessed = _date(record.get("access_date"))
        item.doi = _doi(record.get("doi"))
        urls = record.get("urls") or []
        item.url = _clean(urls[0]) if urls else None
        container = (
            record.get("journal_name")
            or record.get("secondary_title")
            or record.get("alternate_title3")
            or record.get("alternate_title1")
        )
        start, end = _clean(record.get("start_page")), _clean(record.get("end_page"))
        pages = f"{start}-{end}" if start and end else start
        if item.type == "article-journal":
            item.publisher = _clean(container)
            item.details = _details(record.get("volume"), record.get("number"), pages)
        elif item.type == "chapter" and container:
            item.publisher = _clean(record.get("publisher"))
            item.details = _clean(f"In: {container}" + (f", pp. {pages}" if pages else ""))
        else:
            item.publisher = _clean(record.get("publisher") or container)
            item.details = _clean(record.get("number") or record.get("notes_abstract"))
        yield item


# --- CSL-JSON ------------------------------------------------------------------------------

_CSL_TYPES = {
    "article-journal": "article-journal",
    "article-magazine": "article-journal",
    "article": "article-journal",
    "report": "report",
    "webpage": "webpage",
    "post-weblog": "webpage",
    "article-newspaper": "webpage",
    "book": "book",
    "chapter": "chapter",
}


def _csl_date(value: object) -> str | None:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return _date("-".join(str(p) for p in parts[0][:3]))
        return _date(value.get("raw") or value.get("literal"))
    return _date(value)


def _csljson(text: str, display: str) -> Iterator[Imported]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{display}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    items = data if isinstance(data, list) else [data]
    for n, raw in enumerate(items, 1):
        if not isinstance(raw, dict):
            raise ImportProblem(f"{display}: item {n} is not a CSL-JSON object")
        item = Imported(None, _clean(raw.get("id")) or f"item {n}")
        item.type = _CSL_TYPES.get(str(raw.get("type", "")))
        names = raw.get("author") or raw.get("editor") or []
        if not isinstance(names, list):
            raise ImportProblem(f"{item.where(display)}: 'author' is not a list of names")
        for name in names:
            if not isinstance(name, dict):
                raise ImportProblem(f"{item.where(display)}: an author is not a name object")
            if name.get("literal") or not name.get("family"):
                item.authors.append({"literal": _clean(name.get("literal")) or ""})
            else:
                particle = _clean(name.get("non-dropping-particle"))
                family = f"{particle} {name['family']}" if particle else name["family"]
                item.authors.append(_person(family, name.get("given")))
        item.title = _clean(raw.get("title"))
        issued = _csl_date(raw.get("issued"))
        item.year = _year(issued)
        item.accessed = _csl_date(raw.get("accessed"))
        item.doi = _doi(raw.get("DOI"))
        item.url = _clean(raw.get("URL"))
        container = _clean(raw.get("container-title"))
        if item.type == "article-journal":
            item.publisher = container
            item.details = _details(raw.get("volume"), raw.get("issue"), raw.get("page"))
        elif item.type == "chapter" and container:
            item.publisher = _clean(raw.get("publisher"))
            page = _clean(raw.get("page"))
            item.details = _clean(f"In: {container}" + (f", pp. {page}" if page else ""))
        else:
            item.publisher = _clean(raw.get("publisher") or container)
            item.details = _clean(raw.get("number") or raw.get("note"))
        yield item


# --- to the spec ---------------------------------------------------------------------------

READERS = {"bibtex": _bibtex, "ris": _ris, "csljson": _csljson}


def detect_format(path: Path, text: str) -> str:
    """The format a file is in, by its extension, else by how it starts."""
    by_suffix = _BY_SUFFIX.get(path.suffix.lower())
    if by_suffix:
        return by_suffix
    start = text.lstrip()[:1]
    if start in "[{" and start:
        return "csljson"
    if start == "@":
        return "bibtex"
    if re.search(r"(?m)^TY  -", text):
        return "ris"
    raise ImportProblem(f"{path}: cannot tell the format; give --format ({', '.join(FORMATS)})")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _ids(items: list[Imported]) -> list[str]:
    """An id for each entry: its key, else its first author and year; unique, in order."""
    taken: set[str] = set()
    out = []
    for item in items:
        first = item.authors[0] if item.authors else {}
        # A person by family name; an organisation by its first words ('point-of-care').
        words = 3 if "literal" in first else 1
        author = _slug(first.get("family") or first.get("literal") or "ref")
        if "family" in first:
            author = author.replace("-", "")
        short = "-".join(author.split("-")[:words])
        base = _slug(item.key or "") or "-".join(p for p in (short, str(item.year or "")) if p)
        if not base[:1].isalpha():
            base = f"ref-{base}".rstrip("-")
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        out.append(ident)
    return out


def references_from(text: str, fmt: str, display: str) -> list[dict[str, Any]]:
    """The entries of a bibliography as spec references (dicts), each checked by the model."""
    from pydantic import ValidationError

    from codify.model import Reference

    items = list(READERS[fmt](text, display))
    if not items:
        raise ImportProblem(f"{display}: no entries found")
    out = []
    for item, ident in zip(items, _ids(items), strict=True):
        if not item.title:
            raise ImportProblem(f"{item.where(display)} has no title; add one and try again")
        authors = [a for a in item.authors if a.get("family") or a.get("literal")]
        if not authors:
            raise ImportProblem(
                f"{item.where(display)} has no authors or editors; add the person or "
                "organisation responsible and try again"
            )
        ref: dict[str, Any] = {"id": ident}
        if item.type:
            ref["type"] = item.type
        ref["authors"] = authors
        for name in ("year", "accessed", "title", "publisher", "details", "doi", "url"):
            value = getattr(item, name)
            if value is not None:
                ref[name] = value
        try:
            Reference.model_validate(ref)
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"])
            raise ImportProblem(f"{item.where(display)}: {where}: {problem['msg']}") from None
        out.append(ref)
    return out


def to_yaml(references: list[dict[str, Any]]) -> str:
    """The `references:` list as YAML, every string double-quoted so that it reads back as is."""
    from codify.render.yamltext import yaml_string

    def scalar(value: object) -> str:
        return str(value) if isinstance(value, int) else yaml_string(str(value))

    lines = ["references:"]
    for ref in references:
        lines.append(f"  - id: {scalar(ref['id'])}")
        for key, value in ref.items():
            if key == "id":
                continue
            if key == "authors":
                lines.append("    authors:")
                for author in value:
                    inner = ", ".join(f"{k}: {scalar(v)}" for k, v in author.items())
                    lines.append(f"      - {{{inner}}}")
            else:
                lines.append(f"    {key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


@click.group()
def references() -> None:
    """Work with a spec's references."""


@references.command("import", short_help="Print a bibliography file as a `references:` list.")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="The file's format (default: from its extension, .bib .ris .json, or its content).",
)
@common_options()
def import_references(file: Path, fmt: str | None) -> None:
    """Print a BibTeX, RIS or CSL-JSON file's entries as a spec's `references:` list.

    Paste the YAML into intervention.yaml. Authors become people ({family, given}) and
    organisations ({literal}, kept whole); ids come from each entry's key, or its first
    author and year. Exit 2 when the file or an entry cannot be read.
    """
    from codify.loader import LoadError, read_text

    display = str(file)
    try:
        text = read_text(file, display, limit=MAX_BYTES)
    except LoadError as exc:
        fail(f"{exc.diagnostic.location()}: {exc}")
    try:
        chosen = fmt or detect_format(file, text)
        if chosen in _NEEDS:  # CSL-JSON is read by the standard library alone
            require_extra("references", f"codify references import ({chosen})", _NEEDS[chosen])
        found = references_from(text, chosen, display)
    except ImportProblem as exc:
        fail(str(exc))
    click.echo(to_yaml(found), nl=False)
