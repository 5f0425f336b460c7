"""Every filter and phrase function a codify template can use, in one table, one meaning each.

The names say where their result may go: `md_html*` turn spec Markdown into sanitised HTML
(the handbook and checklist pages); `md_block`, `md_line`, `md_cell`, `md_heading` and
`md_label` keep it Markdown, escaped for a Markdown page (handbook.md, the site); `plain`
strips it for text that is not markup at all (CSV, YAML comments, titles). `t` writes a
phrase from the phrasebook in the syntax of the template it is called from.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from codify import dates
from codify.documents.formats import num, range_text, score_span
from codify.model import Range
from codify.phrases import Phrasebook, Slots, html_marks, plain_marks
from codify.render import text
from codify.render.yamltext import yaml_string
from codify.site import text as md

# Characters YAML does not allow in a document, even inside quotes (C0 but tab and line breaks,
# DEL, C1 but NEL, surrogates, U+FFFE/U+FFFF), plus those it reads as line breaks (NEL, U+2028,
# U+2029) and the byte-order mark: in a comment each is replaced, so the file always loads.
NOT_YAML_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)


def yaml_str(value: str | None) -> str:
    """A YAML double-quoted scalar for a string (or null); reads back as exactly the string."""
    return "null" if value is None else yaml_string(value)


def yaml_comment(
    value: str | None, indent: int = 0, hang: int = 0, width: int = 96, markup: bool = False
) -> str:
    """Text as YAML comment lines ('# ...'), wrapped, at `indent` spaces.

    Lines after the first are indented `hang` more spaces, so a wrapped item stays readable.
    Spec text has its Markdown removed; codify's own words (`markup=True`) keep their `code`.
    """
    prefix = " " * indent + "# "
    shown = (value or "") if markup else text.plain(value)
    lines = textwrap.wrap(
        NOT_YAML_TEXT.sub("\ufffd", shown),
        width=max(width - len(prefix), 20),
        subsequent_indent=" " * hang,
        break_on_hyphens=False,
    ) or [""]
    return "\n".join((prefix + line).rstrip() for line in lines)


def path_href(path: str) -> str:
    """A relative file path as a link target: each segment percent-encoded.

    A material's file name may hold '#', '?', '%' or spaces, which would otherwise end or
    change the link.
    """
    return "/".join(quote(segment, safe="") for segment in path.split("/"))


def safe_href(url: str | None) -> bool:
    """Whether a URL from a spec may be used as a link target."""
    return bool(url) and text.safe_url(url or "")


def css_str(value: str) -> str:
    """Text as the inside of a double-quoted CSS string, safe inside an HTML <style>."""
    out = []
    for ch in value:
        if ch in '"\\<>&' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


def stop(value: str | None) -> str:
    """'.' when spec text does not already end a sentence, so templates never print '..'."""
    ending = text.plain(value).rstrip("*_`)]\"' ")
    return "" if ending.endswith((".", "!", "?", ":")) else "."


class Phrases:
    """The phrasebook as template functions: `t` in the template's syntax, `tp` as plain text."""

    def __init__(self, book: Phrasebook) -> None:
        self.book = book

    def html(self, key: str, n: int | None = None, **values: Any) -> Markup:
        """A phrase as HTML: its text escaped, its marks as tags, spec values escaped."""
        template = _html_template(self.book.text(key, n))
        if "{" not in template:  # most phrases are labels: nothing to fill in
            return template
        values.setdefault("n", n)
        return template.format_map(Slots({k: self._value(v) for k, v in values.items()}, key))

    def markdown(self, key: str, n: int | None = None, **values: Any) -> Markup:
        """A phrase as Markdown: values that are not already Markup are escaped as spec text."""
        text = self.book.text(key, n)
        if "{" not in text:
            return Markup(text)
        values.setdefault("n", n)
        shown = {k: self._markdown_value(v) for k, v in values.items()}
        return Markup(text.format_map(Slots(shown, key)))

    def _markdown_value(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        value = self._value(value)
        # A count or a score needs no escaping; text, whatever its source, is spec text.
        return value if isinstance(value, int) else md.cell(str(value))

    def plain(self, key: str, n: int | None = None, **values: Any) -> str:
        """A phrase as plain text, for YAML comments, CSV and titles."""
        values.setdefault("n", n)
        shown = {k: self._value(v) for k, v in values.items()}
        return plain_marks(self.book.text(key, n)).format_map(Slots(shown, key))

    def _value(self, value: Any) -> Any:
        if isinstance(value, Enum):
            return self.book.label(value)
        if isinstance(value, float):
            return num(value)
        return "" if value is None else value

    def words(self, value: object) -> str:
        """An enum value in the document's language ('face to face'); an id as words."""
        if isinstance(value, Enum):
            return self.book.label(value)
        return text.words(value)

    def range_text(self, value: Range) -> str:
        """A permitted range in words, in the document's language."""
        return range_text(value, self.book)

    def date_words(self, value: str | None) -> str:
        """A spec's date in words, in the document's language: 'December 2009', 'around
        2000', '2014 to 2016' (codify.dates); nothing for no date."""
        return "" if value is None else dates.words(value, self.book)


@lru_cache(maxsize=2048)
def _html_template(text: str) -> Markup:
    """A phrase's text escaped for HTML with its marks as tags, made once per phrase."""
    return Markup(html_marks(str(escape(text))))


def filters(book: Phrasebook) -> dict[str, Callable[..., Any]]:
    """Every filter, by name, for templates written in the phrasebook's language."""
    phrases = Phrases(book)
    return {
        # Spec Markdown into sanitised HTML: handbook.html, checklist.html.
        "md_html": text.md_to_html,
        "md_html_inline": text.md_inline,
        # Spec Markdown kept Markdown, escaped for a Markdown page: handbook.md, the site.
        "md_block": md.markdown,
        "md_line": md.inline,
        "md_cell": md.cell,
        "md_heading": md.heading,
        "md_label": md.label,
        # Markup removed.
        "plain": text.plain,
        "title_text": md.title_text,
        "html_text": md.html_text,
        # Values codify words itself.
        "words": phrases.words,
        "num": num,
        "score_span": lambda band, dash="\u2013": score_span(band.min, band.max, dash),
        "range_text": phrases.range_text,
        "date_words": phrases.date_words,
        "stop": stop,
        # Links, styles and data files.
        "safe_href": safe_href,
        "path_href": path_href,
        "link": md.link,
        "email": md.email,
        "literal": md.literal,
        "css_str": css_str,
        "yaml_str": yaml_str,
        "yaml_comment": yaml_comment,
    }


# Filters whose result stays Markdown (or becomes HTML from it): a cross-reference becomes a
# link where the template's context says how to reach its target (`xref_href`), else words.
_LINKING = ("md_html", "md_html_inline", "md_block", "md_line", "md_cell")
# Filters whose result is plain text (titles, labels, CSV, YAML): the target's name, as words.
_WORDING = ("plain", "title_text", "html_text", "md_heading", "md_label", "yaml_comment")


def with_cross_references(table: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The text filters, taught to show each `[[id]]` in spec text (codify.xref).

    The template's `doc` names each target; `xref_href`, when the template has one, turns a
    target into a link (the HTML handbook: an anchor; the site: a page). Text with no `[[` is
    passed straight through, so the cost falls only on text that uses the syntax.
    """
    from jinja2 import pass_context
    from jinja2.runtime import Context

    from codify import xref

    def label_of(ctx: Context, ref: xref.XRef) -> str:
        doc = ctx.get("doc")
        if doc is not None and hasattr(doc, "xref_label"):
            return str(doc.xref_label(ref))
        return ref.words or xref.as_words(ref.id)

    def linking(base: Callable[..., Any]) -> Callable[..., Any]:
        @pass_context
        def wrapped(ctx: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(value, str) and not isinstance(value, Markup) and "[[" in value:
                doc = ctx.get("doc")
                href = ctx.get("xref_href")

                def show(ref: xref.XRef) -> str:
                    label = str(md.label(label_of(ctx, ref)))
                    target = getattr(doc, "targets", {}).get(ref.id)
                    url = href(target) if href and target and target.anchor else None
                    return f"[{label}]({url})" if url else label

                value = xref.expand(value, show)
            return base(value, *args, **kwargs)

        return wrapped

    def wording(base: Callable[..., Any]) -> Callable[..., Any]:
        @pass_context
        def wrapped(ctx: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(value, str) and not isinstance(value, Markup) and "[[" in value:
                value = xref.expand(value, lambda ref: label_of(ctx, ref))
            return base(value, *args, **kwargs)

        return wrapped

    out = dict(table)
    for name in _LINKING:
        out[name] = linking(table[name])
    for name in _WORDING:
        out[name] = wording(table[name])
    return out


def phrase_globals(book: Phrasebook) -> dict[str, Any]:
    """The phrase functions templates call: `t` (HTML or Markdown, by the template) and `tp`."""
    from jinja2 import pass_context
    from jinja2.runtime import Context

    phrases = Phrases(book)

    def framed(ctx: Context, key: str) -> str:
        # The record of a tested intervention words some facts its own way (`.record` twins).
        doc = ctx.get("doc")
        return book.framed(key, bool(getattr(doc, "record", False)))

    @pass_context
    def t(ctx: Context, key: str, n: int | None = None, **values: Any) -> Markup:
        # Autoescaping is on for HTML templates and off for Markdown ones: that says which.
        if ctx.eval_ctx.autoescape:
            return phrases.html(framed(ctx, key), n, **values)
        return phrases.markdown(framed(ctx, key), n, **values)

    @pass_context
    def tp(ctx: Context, key: str, n: int | None = None, **values: Any) -> str:
        return phrases.plain(framed(ctx, key), n, **values)

    return {"t": t, "tp": tp, "language": book.language}
