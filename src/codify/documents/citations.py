"""Citations and reference lists, made by a real citation engine: citeproc-py and CSL styles.

Every output cites through `bibliography`: the handbook (HTML and Markdown), the checklist and
the site get the same in-text label and the same entry for a reference, in the citation style
the settings choose (`citation_style`: vancouver, harvard or apa; see CITATION_STYLES). The
styles are the Citation Style Language project's own files, shipped in `csl/` with their
licence and authors.

What citeproc-py does not do, this module does around it, so that the styles behave as CSL
says: year-suffix disambiguation ('Cottrell, 2012a', 'n.d.-a'), the spacing of localised
dates, and punctuation across a change of font. In-text labels leave out the style's outer
brackets, because every template puts a citation in brackets of its own.

Spec text is untrusted. It is made plain (its Markdown removed, character references read)
before citeproc sees it, and citeproc never writes markup: its formatter marks italic, bold,
superscript and subscript with private-use characters, which no spec text can hold (they are
removed on the way in). An `Entry` is a list of such runs, and only its `html` and `markdown`
methods turn them into markup, escaping every character of text for where it goes. URLs and
DOIs reach citeproc as placeholders, so a link is made only from the spec's own value, and only
when `safe_url` allows it.

citeproc-py (and lxml) are imported on first use, so `codify check` never loads them.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from codify import dates
from codify.config import CITATION_STYLES, DEFAULT_CITATION_STYLE
from codify.model import Organisation, Reference, ReferenceType
from codify.phrases import Phrasebook
from codify.render.text import plain, safe_url

CSL_DIR = Path(__file__).parent / "csl"
STYLE_FILES: dict[str, str] = {
    "vancouver": "nlm-citation-sequence.csl",
    "harvard": "harvard-cite-them-right.csl",
    "apa": "apa.csl",
}
assert tuple(STYLE_FILES) == CITATION_STYLES, "codify.config names the styles shipped here"

# The CSL locale each language of the phrasebook cites in: British English for 'en', as the
# phrasebook writes it.
LOCALES = {"en": "en-GB", "cy": "cy-GB"}

_CSL = "http://purl.org/net/xbiblio/csl"
_NS = {"cs": _CSL}

# What citeproc's formatter writes around styled text, and the placeholders for links.
_ITALIC = ("\ue000", "\ue001")
_BOLD = ("\ue002", "\ue003")
_SUP = ("\ue004", "\ue005")
_SUB = ("\ue006", "\ue007")
_URL, _DOI = "\ue010", "\ue011"
_MARKS = {_ITALIC[0]: "italic", _BOLD[0]: "bold", _SUP[0]: "sup", _SUB[0]: "sub"}
_CLOSES = {_ITALIC[1]: "italic", _BOLD[1]: "bold", _SUP[1]: "sup", _SUB[1]: "sub"}
_PRIVATE = re.compile("[\ue000-\ue01f]")

# A details text that begins like a volume ('12(3)', '21:392', 'Volume 6'): an article's.
_VOLUME = re.compile(r"^\s*(?:\d+\s*[(:]|vol(?:ume)?\b\.?)", re.IGNORECASE)
# What a style may write just before a DOI; it is made part of the DOI's link.
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi: ", "doi:")


# --- entries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A stretch of an entry in one font: its text, and the link it is, if it is one."""

    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False
    sub: bool = False
    href: str | None = None  # the spec's URL or the DOI's, judged by safe_url when written

    def same_font(self, other: Run) -> bool:
        """Whether two runs differ only in their text, so that they can be one run."""
        return replace(self, text="") == replace(other, text="")


@dataclass(frozen=True)
class Entry:
    """A reference as the style lists it: runs of plain text, written out by `html` or
    `markdown`, which escape every character of it."""

    runs: tuple[Run, ...] = ()

    @property
    def text(self) -> str:
        """The entry as plain text."""
        return "".join(r.text for r in self.runs)

    def html(self) -> Markup:
        """The entry as HTML: text escaped, fonts as <i>, <b>, <sup>, <sub>, links as <a>."""
        out: list[str] = []
        for run in self.runs:
            piece = html.escape(run.text, quote=False)  # text, never inside an attribute
            if run.href is not None and safe_url(run.href):
                piece = f'<a href="{escape(run.href)}">{piece}</a>'
            for flag, tag in (("sub", "sub"), ("sup", "sup"), ("bold", "b"), ("italic", "i")):
                if getattr(run, flag):
                    piece = f"<{tag}>{piece}</{tag}>"
            out.append(piece)
        return Markup("".join(out))

    def markdown(self) -> Markup:
        """The entry as one line of Markdown that reads the same in GitHub and MkDocs.

        Text is escaped character by character (see `markdown_text`), so nothing in it is
        syntax; italic and bold are `*` and `**` around the run, links `[text](<target>)` with
        the target percent-encoded as the site writes every link. A first character that
        would start a block (a heading, a list, a quote) is escaped too.
        """
        from codify.site.text import url_target

        out: list[str] = []
        for run in self.runs:
            piece = markdown_text(run.text)
            target = url_target(run.href) if run.href is not None else None
            if target is not None and piece.strip():
                piece = f"[{piece}](<{target}>)"
            if run.sup:
                piece = f"<sup>{piece}</sup>"
            elif run.sub:
                piece = f"<sub>{piece}</sub>"
            for flag, mark in (("bold", "**"), ("italic", "*")):
                if getattr(run, flag) and piece.strip():
                    lead = piece[: len(piece) - len(piece.lstrip())]
                    trail = piece[len(piece.rstrip()) :]
                    piece = f"{lead}{mark}{piece.strip()}{mark}{trail}"
            out.append(piece)
        return Markup(_unblock("".join(out)))


# Characters with a meaning in Markdown (CommonMark, GitHub's and Python-Markdown with the
# site's extensions), written so that every dialect prints them as they are. Backslash
# escapes are used where both dialects read them, character references elsewhere.
_MD_ESCAPES = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "<": "&lt;",
    ">": "&gt;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "~": "&#126;",
}
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>{}|~]|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:([#+-])|(\d{1,9})([.)]))")


def markdown_text(text: str) -> str:
    """Plain text as Markdown that shows exactly that text: no character of it is syntax.

    An `&` is written `&amp;` only where it could begin a character reference.
    """
    return _MD_SPECIAL.sub(lambda m: _MD_ESCAPES.get(m.group(0), "&amp;"), text)


def _unblock(line: str) -> str:
    """A line whose first character would start a block, with that character escaped."""
    found = _BLOCK_START.match(line)
    if found is None:
        return line
    if found.group(1):
        return "\\" + line
    return f"{found.group(2)}\\{found.group(3)}{line[found.end() :]}"


# --- from the spec to CSL ---------------------------------------------------------------------


def _text(value: str | None) -> str:
    """Spec text as citeproc gets it: Markdown removed, references read, one line."""
    shown = html.unescape(plain(value))
    return " ".join(_PRIVATE.sub("", shown).split())


_INITIALS = re.compile(r"[A-Z]{2,4}")


def _given(value: str) -> str:
    """Given names as citeproc reads them; a run of capitals ('MC', as PubMed writes
    initials) is spaced into initials ('M C'), which citeproc would read as one name 'M'."""
    text = _text(value)
    return " ".join(text) if _INITIALS.fullmatch(text) else text


def reference_type(ref: Reference) -> str:
    """The CSL type of a reference: its `type`, else inferred from what it gives.

    An article when it has a DOI or its details begin like a volume ('12(3)', '21:392',
    'Volume 6'); a web page when it has a URL and no year; otherwise a report.
    """
    if ref.type is not None:
        return ref.type.value
    if ref.doi or (ref.details and _VOLUME.match(plain(ref.details))):
        return ReferenceType.article_journal.value
    if ref.url and ref.year is None:
        return ReferenceType.webpage.value
    return ReferenceType.report.value


def csl_date(value: str, book: Phrasebook | None = None) -> dict[str, Any]:
    """A spec's date (ISO 8601 or EDTF, codify.dates) as a CSL-JSON date.

    A date is `date-parts` of year, month and day; a season is the year with `season` 1 to 4;
    an interval, or digits left unspecified (200X: 2000 to 2009), is two `date-parts`, a
    range; approximate or uncertain (~ ? %) at either end sets `circa`, which a style may
    print ('ca. 2000'). An interval open at one end has no CSL form, so it is a `literal` in
    the words of `book`'s language ('until 2016').
    """
    parsed = dates.parse(value)
    start, end = parsed.start, parsed.end
    if start is None or end is None:
        return {"literal": dates.words(value, book or Phrasebook())}
    out: dict[str, Any] = {}
    if start.season is not None and not parsed.interval:
        out = {"date-parts": [[start.year]], "season": start.season - 20}
    elif parsed.interval or start.unknown_digits:
        out = {"date-parts": [_parts(start, first=True), _parts(end, first=False)]}
    else:
        out = {"date-parts": [_parts(start, first=True)]}
    if start.qualifier or end.qualifier:
        out["circa"] = True
    return out


def _parts(point: dates.Point, first: bool) -> list[int]:
    """[year, month, day] as far as the point gives them; a season's months, a decade's years
    (200X: 2000 at the start of a range, 2009 at its end)."""
    if point.season is not None:
        day = point.earliest() if first else point.latest()
        return [day.year, day.month]
    parts = [point.year if first else point.last_year]
    if point.month is not None:
        parts.append(point.month)
        if point.day is not None:
            parts.append(point.day)
    return parts


def csl_json(
    ref: Reference, key: str | None = None, book: Phrasebook | None = None
) -> dict[str, Any]:
    """The reference as a CSL-JSON item, as citeproc (and any CSL processor) reads it.

    `publisher` is the journal (`container-title`) of an article, else the `publisher`;
    `details` is an article's `volume` (volume, issue and pages as written), a report's
    `number`, and for other types a `note`, which codify prints after the entry. A 1.x
    `authors` text is one author, `{"literal": ...}`, exactly as written. Dates are mapped
    by `csl_date`, in the words of `book` where CSL has no form for them.
    """
    kind = reference_type(ref)
    item: dict[str, Any] = {"id": key or ref.id, "type": kind}
    if isinstance(ref.authors, str):
        item["author"] = [{"literal": _text(ref.authors)}]
    else:
        item["author"] = [
            {"literal": _text(a.literal)}
            if isinstance(a, Organisation)
            else {"family": _text(a.family), **({"given": _given(a.given)} if a.given else {})}
            for a in ref.authors
        ]
    item["title"] = _text(ref.title)
    if ref.year is not None:
        item["issued"] = {"date-parts": [[ref.year]]}
    if ref.accessed:
        item["accessed"] = csl_date(ref.accessed, book)
    if ref.publisher:
        item["container-title" if kind == "article-journal" else "publisher"] = _text(ref.publisher)
    if ref.details:
        where = "volume" if kind == "article-journal" else "note"
        item[where] = _text(ref.details)
    if ref.doi:
        item["DOI"] = ref.doi.strip()
    if ref.url:
        item["URL"] = ref.url.strip()
    return item


# --- the engine -------------------------------------------------------------------------------


def _formatter() -> Any:
    """citeproc-py's formatter interface, marking fonts with private-use characters.

    Text passes through untouched (`preformat`): it is escaped when the entry is written.
    """

    def wrap(marks: tuple[str, str]) -> Any:
        return lambda text: f"{marks[0]}{text}{marks[1]}"

    def same(text: Any) -> Any:
        return text

    return SimpleNamespace(
        preformat=same,
        Italic=wrap(_ITALIC),
        Oblique=wrap(_ITALIC),
        Bold=wrap(_BOLD),
        Light=same,
        Underline=same,
        SmallCaps=same,
        Superscript=wrap(_SUP),
        Subscript=wrap(_SUB),
    )


@dataclass(frozen=True)
class _Style:
    style: Any  # citeproc.CitationStylesStyle
    numeric: bool  # cited by number: the list is numbered, in the order the spec gives
    year_suffix: bool  # whether the style tells ambiguous cites apart with 2012a, 2012b
    sorts: bool  # whether the style sorts its bibliography


def csl_locale(language: str) -> str:
    """The CSL locale to cite in for a phrasebook language ('en' -> 'en-GB')."""
    from citeproc import LOCALES_PATH, PRIMARY_DIALECTS

    if language in LOCALES:
        return LOCALES[language]
    if (Path(LOCALES_PATH) / f"locales-{language}.xml").is_file():
        return language
    dialect: str = PRIMARY_DIALECTS.get(language, "en-GB")
    return dialect


@cache
def _style(name: str, locale: str) -> _Style:
    """A style parsed once, with what citeproc-py does not read put in terms it does."""
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(CSL_DIR / STYLE_FILES[name]), locale, validate=False)
    root = style.root
    # In-text labels without the style's outer brackets: templates write their own.
    for layout in root.xpath("cs:citation/cs:layout", namespaces=_NS):
        for affix in ("prefix", "suffix"):
            layout.attrib.pop(affix, None)
    # The number of a numbered list is the list's own (<ol>, '1.'), never part of the entry.
    for number in root.xpath(
        "cs:bibliography/cs:layout/cs:text[@variable='citation-number']", namespaces=_NS
    ):
        number.getparent().remove(number)
    # CSL 1.0.2 lets a localised date set the delimiter between its parts; citeproc-py
    # ignores it ('2024Feb19'), so it becomes a prefix of every part but the first.
    for date in root.xpath("//cs:locale/cs:date[@delimiter]", namespaces=_NS):
        for part in date.xpath("cs:date-part", namespaces=_NS)[1:]:
            if "prefix" not in part.attrib:
                part.set("prefix", date.get("delimiter"))
        del date.attrib["delimiter"]
    numeric = bool(root.xpath("cs:info/cs:category[@citation-format='numeric']", namespaces=_NS))
    year_suffix = bool(
        root.xpath("cs:citation[@disambiguate-add-year-suffix='true']", namespaces=_NS)
    )
    sorts = bool(root.xpath("cs:bibliography/cs:sort", namespaces=_NS))
    return _Style(style, numeric, year_suffix, sorts)


def _citeproc_reference(item: dict[str, Any], placeholders: bool) -> Any:
    """A CSL-JSON item as citeproc-py's Reference, built directly so no text is parsed.

    (citeproc's own JSON reader treats `<span class="nocase">` in any text as markup.) With
    `placeholders`, the URL and DOI are written as the placeholders the entry's links replace.
    """
    from citeproc.source import Name, Reference as CiteprocReference
    from citeproc.string import String

    data: dict[str, Any] = {}
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        name = key.replace("-", "_")
        if key == "author":
            data[name] = [Name(**{k: String(v) for k, v in person.items()}) for person in value]
        elif key in ("issued", "accessed"):
            data[name] = _citeproc_date(value)
        elif placeholders and key == "URL":
            data[name] = String(_URL)
        elif placeholders and key == "DOI":
            data[name] = String(_DOI)
        else:
            data[name] = String(str(value))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CiteprocReference(str(item["id"]).lower(), item["type"], **data)


def _citeproc_date(value: dict[str, Any]) -> Any:
    """A CSL-JSON date (see `csl_date`) as citeproc-py's Date, DateRange or LiteralDate."""
    from citeproc.source import Date, DateRange, LiteralDate

    circa = bool(value.get("circa"))
    if "literal" in value:
        return LiteralDate(str(value["literal"]), circa=circa)
    ends = [
        dict(zip(("year", "month", "day"), parts, strict=False)) for parts in value["date-parts"]
    ]
    if len(ends) == 2:
        return DateRange(begin=Date(**ends[0]), end=Date(**ends[1]), circa=circa)
    if "season" in value:
        return Date(year=ends[0]["year"], season=value["season"], circa=circa)
    return Date(**ends[0], circa=circa)


def _source(items: Sequence[dict[str, Any]], placeholders: bool) -> Any:
    from citeproc.source import BibliographySource

    source = BibliographySource()
    for item in items:
        source.add(_citeproc_reference(item, placeholders))
    return source


def _order(style: _Style, items: Sequence[dict[str, Any]]) -> list[int]:
    """The bibliography's order, as indexes into `items`: the style's sort, else as given.

    The sort runs with plain text and the real URLs, so placeholders never weigh in it.
    """
    if not style.sorts:
        return list(range(len(items)))
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter

    bib = CitationStylesBibliography(style.style, _source(items, False), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(str(item["id"]))]))
    bib.sort()
    where = {str(item["id"]).lower(): i for i, item in enumerate(items)}
    return [where[key] for key in bib.keys]


def _render(
    style: _Style,
    items: Sequence[dict[str, Any]],
    order: Sequence[int],
    only: Collection[int] | None = None,
) -> list[tuple[str, str]]:
    """(in-text label, entry) of each item, both still carrying the formatter's marks.

    With `only`, the other items are cited as before (a number or suffix may depend on them)
    but their entries are not made, and they get ("", ""): citeproc-py takes milliseconds an
    entry.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography

    bib = CitationStylesBibliography(style.style, _source(items, True), _formatter())
    citations = {}
    for i in order:  # registered in list order: a numbered style's number is the position
        citations[i] = Citation([CitationItem(str(items[i]["id"]))])
        bib.register(citations[i])
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, item in enumerate(items):
            label = str(bib.cite(citations[i], lambda cite: None))
            if only is not None and i not in only:
                out.append(("", ""))
                continue
            key = str(item["id"]).lower()
            rendered = style.style.render_bibliography([c for c in bib.items if c.key == key])
            out.append((label, str(rendered[0]) if rendered else ""))
    return out


def _suffix(n: int) -> str:
    """The nth year suffix, as CSL counts them: a ... z, aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = letters[rest] + out
    return out


# --- from marked text to runs -----------------------------------------------------------------


def _runs(marked: str, ref: Reference) -> tuple[Run, ...]:
    """Formatter-marked text as runs: fonts read from the marks, placeholders made links."""
    runs: list[Run] = []
    font = {"italic": False, "bold": False, "sup": False, "sub": False}
    buffer: list[str] = []

    def flush(href: str | None = None, text: str | None = None) -> None:
        shown = "".join(buffer) if text is None else text
        buffer.clear()
        if shown:
            runs.append(Run(shown, href=href, **font))

    for c in marked:
        if c in _MARKS:
            flush()
            font[_MARKS[c]] = True
        elif c in _CLOSES:
            flush()
            font[_CLOSES[c]] = False
        elif c == _URL:
            flush()
            url = (ref.url or "").strip()
            flush(url, url)
        elif c == _DOI:
            before = "".join(buffer)
            prefix = next((p for p in _DOI_PREFIXES if before.lower().endswith(p)), "")
            cut = len(before) - len(prefix)
            buffer[:] = list(before[:cut])
            flush()
            doi = (ref.doi or "").strip()
            flush(f"https://doi.org/{quote(doi, safe='/')}", before[cut:] + doi)
        else:
            buffer.append(c)
    flush()
    return _tidy(runs)


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Runs with neighbours of one font joined, and punctuation doubled across a change of
    font ('Title.' then '.') written once, as CSL asks."""
    out: list[Run] = []
    for run in runs:
        if out:
            last = out[-1]
            if last.text[-1:] == run.text[:1] and run.text[:1] in ".,;:":
                run = replace(run, text=run.text[1:])
                if not run.text:
                    continue
            if last.text.endswith(" ") and run.text.startswith(" "):
                run = replace(run, text=run.text[1:])
            if last.same_font(run):
                out[-1] = replace(last, text=last.text + run.text)
                continue
        out.append(run)
    return tuple(out)


def _sentence(text: str) -> Run:
    """Text printed after an entry, as a sentence of its own."""
    return Run(" " + text + ("" if text.endswith((".", "!", "?")) else "."))


def _label(marked: str) -> str:
    """An in-text label as plain text: marks dropped, placeholders never reach it."""
    return " ".join(_PRIVATE.sub("", marked).split())


# --- the bibliography -------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """One reference as cited: its index in the list given, its label and its entry."""

    index: int
    label: str  # in text, without the style's brackets: '1', 'Maben et al., 2018'
    entry: Entry


@dataclass(frozen=True)
class Bibliography:
    """The references in the order the style lists them, and whether the list is numbered."""

    style: str
    numbered: bool
    citations: tuple[Citation, ...]


# Bibliographies already made in this process: a site cites each spec for its pages and again
# for each download, and an author-date style costs citeproc-py tens of milliseconds a work.
_MADE: dict[tuple[str, str, tuple[str, ...]], Bibliography] = {}
_KEEP = 16


def bibliography(
    references: Sequence[Reference],
    style: str = DEFAULT_CITATION_STYLE,
    book: Phrasebook | None = None,
) -> Bibliography:
    """Cite and list `references` in `style`, in the CSL locale of the phrasebook's language.

    See `_bibliography`; the same references in the same style and language are cited once.
    """
    book = book or Phrasebook()
    key = (style, book.language, tuple(ref.model_dump_json() for ref in references))
    made = _MADE.get(key)
    if made is None:
        made = _bibliography(references, style, book)
        if len(_MADE) >= _KEEP:
            del _MADE[next(iter(_MADE))]
        _MADE[key] = made
    return made


def _bibliography(references: Sequence[Reference], style: str, book: Phrasebook) -> Bibliography:
    """Cite and list `references` in `style`, in the CSL locale of the phrasebook's language.

    The list is in the style's order: as given for a numbered style (Vancouver), sorted by
    author and year for an author-date one. Cites that the style would print alike get year
    suffixes in list order when the style asks for them (2012a, 2012b; n.d.-a, n.d.-b).

    What a style leaves out is printed after the entry, so that nothing the spec says is lost:
    `details` that are not an article's volume; the URL, which a style may drop beside a DOI;
    and the access date, which a style shows only beside some URLs ('(accessed 2026)', in the
    phrasebook's words).
    """
    if style not in STYLE_FILES:
        raise ValueError(f"no citation style {style!r}; choose one of {', '.join(STYLE_FILES)}")
    if not references:
        return Bibliography(style, True, ())
    loaded = _style(style, csl_locale(book.language))
    items = [csl_json(ref, f"r{i}", book) for i, ref in enumerate(references)]
    order = _order(loaded, items)
    rendered = _render(loaded, items, order)
    if loaded.year_suffix:
        alike: dict[str, list[int]] = {}
        for i in order:
            alike.setdefault(_label(rendered[i][0]), []).append(i)
        groups = [group for group in alike.values() if len(group) > 1]
        if groups:
            for group in groups:
                for n, i in enumerate(group):
                    items[i] = {**items[i], "year-suffix": _suffix(n)}
            rendered = _render(loaded, items, order)
    # Whether the style shows an access date is seen by citing once more without it.
    # Only the entries with an access date are cited again.
    dated = {i for i, item in enumerate(items) if "accessed" in item}
    undated = (
        _render(
            loaded,
            [{k: v for k, v in it.items() if k != "accessed"} for it in items],
            order,
            dated,
        )
        if dated
        else rendered
    )
    citations = []
    for i in order:
        ref = references[i]
        label, marked = rendered[i]
        runs = list(_runs(marked, ref))
        if items[i].get("note"):
            runs.append(_sentence(str(items[i]["note"])))
        if ref.url and _URL not in marked:
            url = ref.url.strip()
            runs += [Run(" "), Run(url, href=url)]
        if ref.accessed and undated[i][1] == marked:
            runs.append(_sentence(book.fill("ref.accessed", date=dates.words(ref.accessed, book))))
        citations.append(Citation(i, _label(label), Entry(_tidy(runs))))
    return Bibliography(style, loaded.numeric, tuple(citations))
