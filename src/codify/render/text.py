"""Turn spec text (Markdown) into safe HTML, or into Markdown safe to embed in a page.

Spec text is data, never a template: it is passed to Jinja as a value, so `{{ ... }}` in it is
printed literally. Raw HTML in spec text is escaped, and links may only use safe schemes.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from typing import Any
from xml.etree.ElementTree import Element

from markupsafe import Markup, escape

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "#", "/", "./", "../")


def safe_url(url: str) -> bool:
    """Whether a link target is safe to put in an href (no javascript:, data: and the like)."""
    u = re.sub(r"[\x00-\x20]", "", url).lower()
    if ":" not in u.split("/")[0].split("#")[0].split("?")[0]:
        return True  # relative link
    return u.startswith(_SAFE_SCHEMES)


@cache
def _markdown() -> Any:
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _DropUnsafeLinks(Treeprocessor):  # type: ignore[misc]
        def run(self, root: Element) -> None:
            for el in root.iter():
                for attr in ("href", "src"):
                    value = el.get(attr)
                    if value is not None and not safe_url(value):
                        del el.attrib[attr]
            # A picture from another host would make the document load something from outside
            # the reader's network (and tell that host who read it): it becomes a link.
            for parent in list(root.iter()):
                for index, el in enumerate(list(parent)):
                    src = el.get("src") or ""
                    if el.tag == "img" and re.match(r"(?i)\s*(https?:)?//", src):
                        link = Element("a", {"href": src})
                        link.text = el.get("alt") or src
                        link.tail = el.tail
                        parent.remove(el)
                        parent.insert(index, link)

    class _Safe(Extension):  # type: ignore[misc]
        def extendMarkdown(self, md: Any) -> None:
            # Without these two, raw HTML would pass straight through to the page.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)

    return markdown.Markdown(extensions=[_Safe(), "sane_lists"], output_format="html")


def md_to_html(text: str | None) -> Markup:
    """Render Markdown spec text to HTML with raw HTML escaped and unsafe links removed."""
    if not text:
        return Markup("")
    md = _markdown()
    md.reset()
    return Markup(md.convert(text))


def md_inline(text: str | None) -> Markup:
    """Like md_to_html, without the wrapping paragraph, for short text in tables and lists."""
    html = str(md_to_html(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_UNSAFE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)", re.IGNORECASE)
# A reference-style link definition: `[label]: url "title"`. Matched anywhere, not only at a
# line start: inside list items and blockquotes a definition may be indented or follow '>', and
# its URL may start on the next line. Only unsafe URLs are replaced, so prose is unharmed.
_LINK_DEFINITION = re.compile(r"(\[[^\]\n]*\]:\s*)(&lt;)?(\S+?)(&gt;)?(?=\s|$)")
# Python-Markdown's attr_list syntax, `{: #id .class key=value }`, would let spec text set any
# attribute (onclick=...) on the element before it. Braces written as character references
# are plain text to every Markdown dialect (a backslash escape is not enough: the author can
# escape the backslash), so `{{ ... }}` and `{: ... }` both print as written.
_BRACES = {"{": "&#123;", "}": "&#125;"}


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the inline code spans of one line are, as Python-Markdown finds them.

    A run of N backticks not escaped by a backslash opens a span that the next run of exactly
    N backticks closes. Spans never cross lines here: text spread over lines is escaped.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c != "`":
            i += 1
            continue
        j = i
        while j < n and line[j] == "`":
            j += 1
        run = j - i
        k = j
        close = -1
        while k < n:
            if line[k] == "`":
                m = k
                while m < n and line[m] == "`":
                    m += 1
                if m - k == run:
                    close = m
                    break
                k = m
            else:
                k += 1
        if close < 0:
            i = j
            continue
        spans.append((i, close))
        i = close
    return spans


def _escape_prose(text: str) -> str:
    out = text.replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("{", _BRACES["{"]).replace("}", _BRACES["}"])


def md_escape_html(text: str | None) -> str:
    """Spec Markdown made safe to embed in a Markdown page that MkDocs will render.

    Angle brackets become entities, so raw HTML shows as text; so do braces, so
    attribute lists (`{: onclick=... }`) and template syntax (`{{ ... }}`) print literally; links
    and link definitions with unsafe schemes point at '#'. Inline code spans on one line are
    left as written, since Markdown already shows their content literally. Entities such as
    `&amp;` are kept, so the text renders as `md_to_html` renders it.
    """
    if not text:
        return ""
    lines = []
    for line in text.split("\n"):
        parts, last = [], 0
        for start, end in _code_spans(line):
            parts.append(_escape_prose(line[last:start]))
            parts.append(line[start:end])
            last = end
        parts.append(_escape_prose(line[last:]))
        lines.append("".join(parts))
    out = "\n".join(lines)
    # Restore blockquote markers at line starts, which Markdown needs as a literal '>'.
    out = re.sub(r"(?m)^(\s*)&gt;", r"\1>", out)

    def fix(m: re.Match[str]) -> str:
        return m.group(0) if safe_url(m.group(1)) else m.group(0).replace(m.group(1), "#")

    def fix_definition(m: re.Match[str]) -> str:
        if safe_url(m.group(3)):
            return m.group(0)
        return f"{m.group(1)}#"

    out = _LINK_DEFINITION.sub(fix_definition, out)
    return _UNSAFE_LINK.sub(fix, out)


def words(value: object) -> str:
    """An enumeration value or id as words: `face_to_face` becomes 'face to face'."""
    raw = value.value if isinstance(value, Enum) else value
    return str(raw).replace("_", " ")


def plain(text: str | None) -> str:
    """Spec text with Markdown markup removed, for CSV cells and page titles."""
    if not text:
        return ""
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    s = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", s)
    return " ".join(s.split())


__all__ = ["escape", "md_escape_html", "md_inline", "md_to_html", "plain", "safe_url", "words"]
