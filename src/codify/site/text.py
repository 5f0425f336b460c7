"""Spec text made safe for the site, one function per place it can land.

Every value a site template prints goes through `finalize`: plain strings are spec text and are
escaped with `md_escape_html`; only `Markup` (built here, from escaped parts) passes as it is.
A template therefore cannot print spec text unescaped by forgetting a filter.

Text the theme prints itself (the site name, navigation and page titles, the copyright line,
glossary tooltips) never passes through Markdown, and Material prints it in several ways at
once: raw inside a quoted attribute, escaped, through `striptags` (which decodes character
references), and, for tooltips, as `innerHTML` in the browser. `theme_text` makes text that
reads the same in all of them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from codify.render.text import md_escape_html, plain, safe_url, words

# C0 and C1 control characters (tab and line feed are text), and lone surrogates, which no
# file can be written with. Line and paragraph separators end a line, as in YAML.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")


def clean(text: str | None) -> str:
    """Spec text without control characters: they mean nothing on a page and break YAML.

    Python-Markdown also uses two of them (STX and ETX) to mark its own placeholders, so text
    carrying them could pose as the parser's output.
    """
    if not text:
        return ""
    text = _LINE_BREAK.sub("\n", text)
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def markdown(text: str | None) -> Markup:
    """Spec Markdown as a block for a site page: raw HTML, pictures and unsafe links escaped."""
    return Markup(md_escape_html(clean(text)).strip())


def inline(text: str | None) -> Markup:
    """Spec Markdown on one line, for a list item or a sentence."""
    return Markup(" ".join(markdown(text).split()))


def cell(text: str | None) -> Markup:
    """Spec Markdown for one cell of a Markdown table: one line, pipes escaped."""
    return Markup(inline(text).replace("|", "\\|"))


def title_text(text: str | None) -> str:
    """Plain one-line text for a heading, with no angle bracket that could open a tag."""
    return plain(clean(text)).replace("<", "\u2039").replace(">", "\u203a")


# `&` followed by one of these could begin a character reference (`&lt;`, `&#60;`).
_REFERENCE_START = re.compile(r"&(?=[A-Za-z0-9#])")
# A character reference as Markdown reads one: with its semicolon.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_OPENS_QUOTE = set(" \t\n([{\u2039\u2014\u2013-/")
THEME_TEXT_LIMIT = 160


def theme_text(text: str | None, limit: int = THEME_TEXT_LIMIT) -> str:
    """Plain one-line text that reads the same wherever a theme prints it, escaped or not.

    It holds no character that HTML gives a meaning: angle brackets become ‹ ›, quotation marks
    and apostrophes become typographic ones, and an `&` that could begin a character reference
    is followed by a word joiner (invisible), so it stays an ampersand even after `striptags`
    or `innerHTML` decode it. Long text is shortened to `limit` characters: it is printed on
    every page, so its length would otherwise multiply the size of the whole site.

    Spec text is Markdown, where `&amp;` is an ampersand: character references are read first,
    so the theme shows what the page shows, never a reference spelt out.
    """
    value = title_text(_REFERENCE.sub(lambda m: html.unescape(m.group(0)), clean(text)))
    out: list[str] = []
    for i, c in enumerate(value):
        opening = i == 0 or value[i - 1] in _OPENS_QUOTE
        if c == '"':
            out.append("\u201c" if opening else "\u201d")
        elif c == "'":
            out.append("\u2018" if opening and value[i + 1 : i + 2].strip() else "\u2019")
        else:
            out.append(c)
    value = _REFERENCE_START.sub("&\u2060", "".join(out))
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "\u2026"
    return value


def heading(text: str | None) -> Markup:
    """Spec text for a Markdown heading: plain, one line, escaped."""
    # '#' becomes a reference before escaping, so the escaper's own references stay whole.
    return Markup(md_escape_html(title_text(text).replace("#", "&#35;")))


def html_text(text: str | None) -> Markup:
    """Spec text for raw HTML that the generator writes: plain and HTML-escaped."""
    return escape(plain(clean(text)))


def label(text: str | None) -> Markup:
    """Spec text as the label of a Markdown link: plain, one line, no bracket that could end it.

    Brackets and backslashes become character references, which Markdown prints as they are
    and which nothing else in the text can turn back into syntax.
    """
    shown = title_text(text).replace("\\", "&#92;").replace("|", "&#124;")
    # A '|' would end a table cell: labels go into tables (the keep and adapt overviews).
    return inline(shown.replace("[", "&#91;").replace("]", "&#93;"))


def finalize(value: Any) -> Any:
    """Jinja's last step for every `{{ ... }}`: escape spec text unless it is already Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, Enum):
        return md_escape_html(words(value))
    if isinstance(value, str):
        return md_escape_html(clean(value))
    return value


# --- links --------------------------------------------------------------------------------------

# Characters kept as they are in a link target: the URL's own syntax, and `%` so that targets
# already percent-encoded stay as written. Everything else (spaces, brackets, quotes, `<`, `>`,
# backslashes, backticks, non-ASCII) is percent-encoded, so no target can end the Markdown link
# early or carry Markdown or HTML syntax; `&` is written as `&amp;`, so the browser reads the
# target exactly as it was judged, never decoding a character reference in it.
_URL_KEEP = ":/?#@!$&'*+,;=%~-._"


def url_target(url: str | None) -> str | None:
    """A spec URL as the target of a Markdown link, or None when it must not be a link."""
    value = clean(url).strip()
    if not value or not safe_url(value):
        return None
    return quote(value, safe=_URL_KEEP).replace("&", "&amp;")


def path_target(path: str) -> str:
    """A docs-relative path as a link target: each segment percent-encoded (`#`, `?`, `%`)."""
    return "/".join(quote(part, safe="") for part in path.split("/"))


def literal(text: str | None) -> Markup:
    """Text shown exactly as written, with no Markdown or HTML meaning (a URL, a file name).

    Punctuation becomes character references, which every Markdown parser prints literally.
    """
    value = " ".join(clean(text).split())
    return Markup("".join(f"&#{ord(c)};" if _is_punctuation(c) else c for c in value))


def _is_punctuation(c: str) -> bool:
    return c.isascii() and not c.isalnum() and c != " "


def link(url: str | None, text: str | None = None) -> Markup:
    """A Markdown link to a spec URL, or the URL as plain text when it must not be a link."""
    if not url:
        return Markup("")
    shown = label(text) if text is not None else literal(url)
    target = url_target(url)
    if target is None:
        return shown
    return Markup(f"[{shown}](<{target}>)")


_EMAIL = re.compile(r"[^\s@<>()\[\]\\,;:\"&%/?#]+@[^\s@<>()\[\]\\,;:\"&%/?#]+")


def email(address: str | None) -> Markup:
    """An email address as a mailto link, or as text when it does not look like one."""
    value = clean(address).strip()
    if not value:
        return Markup("")
    if _EMAIL.fullmatch(value):
        return link(f"mailto:{value}", value)
    return literal(value)


# --- glossary tooltips --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
# Python-Markdown's abbreviations match a page with one regular expression of every term, whose
# cost is the page's length times the number of terms. Only the terms a page uses are given to
# it, and at most this many: past that, terms stay in the glossary only.
MAX_TOOLTIPS_PER_PAGE = 100
# A tooltip term is a word or a short phrase; it is found on a page by its words.
MAX_TERM_WORDS = 8
TOOLTIP_LIMIT = 300


class Tooltips:
    """The glossary as tooltips: which abbreviation lines each page needs, in linear time.

    A term is looked up by its sequence of words at every word of the page, so the work per
    page is its length times MAX_TERM_WORDS, whatever the size of the glossary.
    """

    def __init__(self, glossary: Iterable[tuple[str, str]]) -> None:
        self.lines: dict[str, str] = {}
        self.phrase_lengths: set[int] = set()  # in words, of terms of two words or more
        self.phrase_starts: set[str] = set()  # the first words of those terms
        self.longest = 0
        for term, definition in glossary:
            name = " ".join(clean(term).split())
            line = abbreviation(name, definition)
            if line is None or name in self.lines:
                continue
            self.lines[name] = line
            found = _WORD.findall(name)
            if len(found) > 1:
                self.phrase_lengths.add(len(found))
                self.phrase_starts.add(found[0])
            self.longest = max(self.longest, len(name))

    def for_page(self, body: str) -> list[str]:
        """The abbreviation lines for the terms this page's Markdown uses, in order of use."""
        if not self.lines:
            return []
        found: dict[str, str] = {}
        if not self.phrase_starts:  # one-word terms only: a lookup per word
            for word in _WORD.findall(body):
                line = self.lines.get(word)
                if line is not None and word not in found:
                    found[word] = line
                    if len(found) >= MAX_TOOLTIPS_PER_PAGE:
                        break
            return list(found.values())
        words = list(_WORD.finditer(body))
        for i, word in enumerate(words):
            candidates = [word.group()]
            if candidates[0] in self.phrase_starts:
                for n in self.phrase_lengths:
                    end = words[i + n - 1].end() if i + n <= len(words) else None
                    if end is not None and end - word.start() <= self.longest:
                        candidates.append(body[word.start() : end])
            for name in candidates:
                line = self.lines.get(name)
                if line is not None and name not in found:
                    found[name] = line
                    if len(found) >= MAX_TOOLTIPS_PER_PAGE:
                        return list(found.values())
        return list(found.values())


def abbreviation(term: str, definition: str) -> str | None:
    """A Python-Markdown abbreviation line for a glossary term, or None if it cannot be one.

    Abbreviations turn every whole-word use of the term on a page into a tooltip. The term
    must begin and end with a letter or digit and have at most MAX_TERM_WORDS words, and
    cannot hold brackets or a backslash (the syntax has no escape for them); other terms stay
    in the glossary only. The meaning is theme text: tooltips are attributes, and Material
    shows them through `innerHTML`.
    """
    name = " ".join(clean(term).split())
    words_in = _WORD.findall(name)
    if not words_in or len(words_in) > MAX_TERM_WORDS or re.search(r"[\[\]\\<>]", name):
        return None
    if not (_WORD.match(name[0]) and _WORD.match(name[-1])):
        return None
    meaning = theme_text(definition, TOOLTIP_LIMIT)
    if not meaning:
        return None
    return f"*[{name}]: {meaning}"


def unique_names(ids: Sequence[str], reserved: Iterable[str] = ()) -> list[str]:
    """A file name for each id, never the same twice and never a reserved one.

    An id keeps its own name when it can; a reserved or repeated one gets the first free
    `<id>-2`, `<id>-3`, ... that no other id uses, so no page can replace another.
    """
    taken = {r.lower() for r in reserved}
    natural = {i for i in ids if i.lower() not in taken}
    taken |= natural
    seen: set[str] = set()
    counters: dict[str, int] = {}
    names: list[str] = []
    for i in ids:
        if i in natural and i not in seen:
            seen.add(i)
            names.append(i)
            continue
        k = counters.get(i, 1)
        while True:
            k += 1
            candidate = f"{i}-{k}"
            if candidate.lower() not in taken:
                break
        counters[i] = k
        taken.add(candidate.lower())
        names.append(candidate)
    return names
