"""Turn spec text (Markdown) into safe HTML, or into Markdown safe to embed in a page.

Spec text is untrusted data, never a template: it is passed to Jinja as a value, so `{{ ... }}`
in it is printed literally. Three defences stand between it and a reader's browser:

1. Before any Markdown parser sees it, `_bounded` escapes what would make the parser do
   unbounded work or load a picture: brackets nested deeper than two or never closed, list and
   quote markers nested deeper than eight, and every image (`![`). Python-Markdown's work on
   such text grows with the square of its length, or overflows the stack.
2. Raw HTML is never passed through: it is escaped before (Markdown output) or switched off
   in the parser (HTML output).
3. The HTML we produce goes through nh3 (the Ammonia sanitiser) with a short allow-list of
   tags and attributes, and every link target is judged by `safe_url` on its decoded value.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from enum import Enum
from functools import cache, lru_cache
from typing import Any
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from markupsafe import Markup, escape

# Link schemes a document may point at; anything else with a scheme is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Characters a browser strips from, or ignores in, a URL before reading its scheme, and the
# invisible ones that can hide a scheme from a human reviewer: C0/C1 controls, spaces, the
# zero-width and bidirectional marks.
_IGNORED_IN_URL = re.compile(
    "[\x00-\x20\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f"
    "\u3000\ufeff]"
)
_SCHEME = re.compile(r"([^:/?#]*):")


def _decoded(url: str) -> str | None:
    """The URL as a browser may finally read it, or None if decoding never settles.

    Character references and percent-encoding are undone repeatedly (`&amp;#106;` is two
    layers deep), then ignored characters are removed and backslashes read as slashes.
    """
    value = url
    for _ in range(8):
        decoded = unquote(_html.unescape(value))
        if decoded == value:
            break
        value = decoded
    else:
        return None
    value = _IGNORED_IN_URL.sub("", unicodedata.normalize("NFKC", value))
    return value.replace("\\", "/")


def safe_url(url: str) -> bool:
    """Whether a link target from a spec may be put in an href.

    Decided on the decoded value: a scheme, if the text before the first ':' could be one,
    must be http, https, mailto or tel; a target without a scheme (relative, '#anchor',
    '//host/…') is allowed.
    """
    value = _decoded(url)
    if value is None:
        return False
    scheme = _SCHEME.match(value)
    if scheme is None:
        return True  # no ':' before the first '/', '?' or '#': relative
    return scheme.group(1).lower() in SAFE_SCHEMES


# --- bounding the parser's work ----------------------------------------------------------------

MAX_BRACKET_DEPTH = 2
MAX_NESTING = 8
_CONTAINER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")
_LEADING_SPACE = re.compile(r"[ \t]*")


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the inline code spans of one line are, as Python-Markdown finds them.

    A run of N backticks not escaped by a backslash opens a span that the next run of exactly
    N backticks closes. Spans never cross lines here: text spread over lines is escaped.
    Linear: each backtick run is looked at a bounded number of times (runs are indexed by
    length, and each opening run looks for the next run of its own length).
    """
    if "`" not in line:
        return []
    runs: list[tuple[int, int]] = []  # (start, length) of unescaped backtick runs
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
        runs.append((i, j - i))
        i = j
    by_length: dict[int, list[int]] = {}
    for index, (_, length) in enumerate(runs):
        by_length.setdefault(length, []).append(index)
    cursor = {length: 0 for length in by_length}
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, length = runs[index]
        same = by_length[length]
        while cursor[length] < len(same) and same[cursor[length]] <= index:
            cursor[length] += 1
        if cursor[length] >= len(same):
            index += 1  # no closing run: these backticks are literal
            continue
        close = same[cursor[length]]
        spans.append((start, runs[close][0] + length))
        index = close + 1
    return spans


def _prose_mask(text: str) -> list[bool]:
    """For each character of `text`, whether it is prose (outside inline code spans)."""
    mask = [True] * len(text)
    offset = 0
    for line in text.split("\n"):
        for start, end in _code_spans(line):
            for k in range(offset + start, offset + end):
                mask[k] = False
        offset += len(line) + 1
    return mask


def _bound_nesting(line: str) -> str:
    """The line with container markers (`>`, `-`, `1.`) past MAX_NESTING deep escaped.

    Indentation counts as nesting too (four spaces a level), so deep indents are shortened.
    """
    depth, pos = 0, 0
    while depth <= MAX_NESTING:
        space = _LEADING_SPACE.match(line, pos)
        assert space is not None
        levels = len(space.group(0).expandtabs(4)) // 4
        if depth + levels > MAX_NESTING:
            keep = " " * 4 * (MAX_NESTING - depth)
            return line[:pos] + keep + _escape_marker(line[space.end() :])
        marker = _CONTAINER.match(line, pos)
        if marker is None:
            return line
        depth += 1 + levels
        if depth > MAX_NESTING:
            start = space.end()
            return line[:start] + _escape_marker(line[start:])
        pos = marker.end()
    return line


def _escape_marker(rest: str) -> str:
    """`rest` with the container marker it starts with (if any) made literal."""
    m = re.match(r"(\d{1,9})([.)])", rest)
    if m:
        return m.group(1) + "\\" + rest[len(m.group(1)) :]
    if rest[:1] in (">", "-", "*", "+"):
        return "\\" + rest
    return rest


def _bound_brackets(text: str, mask: list[bool]) -> str:
    """`text` with the brackets that would cost the parser quadratic time escaped.

    Escaped: every `[` after `!` (no pictures), every `[` never closed in its paragraph, and
    pairs nested deeper than MAX_BRACKET_DEPTH; also a `(` right after `]` that is never
    closed. Code spans (mask False) and backslash-escaped characters are left alone.
    """
    escape_at: set[int] = set()
    opens: list[int] = []
    parens: list[int] = []
    link_parens: list[int] = []  # indexes into `parens` that open a link destination
    i, n = 0, len(text)

    def close_paragraph() -> None:
        escape_at.update(opens)
        opens.clear()
        escape_at.update(parens[k] for k in link_parens)
        parens.clear()
        link_parens.clear()

    while i < n:
        c = text[i]
        if not mask[i]:
            i += 1
            continue
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            end = text.find("\n", i + 1)
            if not text[i + 1 : n if end < 0 else end].strip():
                close_paragraph()
        elif c == "[":
            if i > 0 and text[i - 1] == "!" and mask[i - 1] and not _escaped(text, i - 1):
                escape_at.add(i)
            else:
                opens.append(i)
        elif c == "]" and opens:
            start = opens.pop()
            if len(opens) >= MAX_BRACKET_DEPTH:
                escape_at.update((start, i))
            elif i + 1 < n and text[i + 1] == "(" and mask[i + 1]:
                link_parens.append(len(parens))
                parens.append(i + 1)
                i += 2
                continue
        elif c == "(":
            parens.append(i)
        elif c == ")" and parens:
            parens.pop()
            if link_parens and link_parens[-1] == len(parens):
                link_parens.pop()
        i += 1
    close_paragraph()
    if not escape_at:
        return text
    out, last = [], 0
    for k in sorted(escape_at):
        out.append(text[last:k])
        out.append("\\")
        last = k
    out.append(text[last:])
    return "".join(out)


def _escaped(text: str, index: int) -> bool:
    """Whether the character at `index` follows an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _bounded(text: str) -> str:
    """Spec Markdown that any Markdown parser reads in linear time, with no pictures."""
    text = "\n".join(_bound_nesting(line) for line in text.split("\n"))
    if "[" not in text:
        return text  # every escape _bound_brackets makes is of a `[` or of a `](`'s paren
    return _bound_brackets(text, _prose_mask(text))


# Python-Markdown rebuilds a paragraph's text after each inline match (an escape, an entity, a
# link), so a paragraph with tens of thousands of them takes quadratic time. No real prose
# has this many markup characters in one paragraph; a paragraph that does is shown as it was
# written, with no Markdown read in it.
MAX_MARKUP_PER_PARAGRAPH = 2_000
_MARKUP = re.compile(r"[\\`*_\[\]!<>&{}()#~|]")
_PARAGRAPHS = re.compile(r"(\n(?:[ \t]*\n)+)")


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    """`text` cut at blank lines into (piece, literal) pairs, separators kept with the text.

    A paragraph is literal when it has more than MAX_MARKUP_PER_PARAGRAPH markup characters;
    neighbouring ordinary paragraphs stay together, so lists and quotes keep their shape.
    """
    pieces: list[tuple[str, bool]] = []
    parts = _PARAGRAPHS.split(text)
    for index, part in enumerate(parts):
        literal = index % 2 == 0 and len(_MARKUP.findall(part)) > MAX_MARKUP_PER_PARAGRAPH
        if pieces and not literal and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + part, False)
        else:
            pieces.append((part, literal))
    return pieces


# --- HTML ---------------------------------------------------------------------------------------

# What Python-Markdown makes of spec text with our extensions; nothing else survives nh3.
_ALLOWED_TAGS = frozenset(
    {"a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li"}
    | {"ol", "p", "pre", "strong", "ul"}
)
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: a link target stays only if safe_url accepts it."""
    if name == "href" and not safe_url(value):
        return None
    return value


@cache
def _cleaner() -> Any:
    import nh3

    return nh3.Cleaner(
        tags=set(_ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in _ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
    )


@cache
def _markdown() -> Any:
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _DropUnsafeLinks(Treeprocessor):  # type: ignore[misc]
        """Remove unsafe link targets and turn any picture into its alt text.

        nh3 does both again afterwards; doing it here too keeps the text of a dropped
        picture, which the sanitiser would throw away with the tag.
        """

        def run(self, root: Element) -> None:
            for el in root.iter():
                href = el.get("href")
                if href is not None and not safe_url(href):
                    del el.attrib["href"]
            for parent in list(root.iter()):
                for index, el in enumerate(list(parent)):
                    if el.tag == "img":
                        span = Element("span")
                        span.text = el.get("alt") or ""
                        span.tail = el.tail
                        parent.remove(el)
                        parent.insert(index, span)

    class _Safe(Extension):  # type: ignore[misc]
        def extendMarkdown(self, md: Any) -> None:
            # Without these two, raw HTML would pass straight through to the page.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)

    return markdown.Markdown(extensions=[_Safe(), "sane_lists"], output_format="html")


# A build renders much of a spec's text more than once (its handbook, its checklist, the
# site's pages of it); the result depends on the text alone.
@lru_cache(maxsize=8192)
def md_to_html(text: str | None) -> Markup:
    """Render Markdown spec text to sanitised HTML: no raw HTML, no pictures, safe links."""
    if not text:
        return Markup("")
    md = _markdown()
    out = []
    for piece, literal in _paragraphs(text):
        if literal:
            out.append(f"<p>{escape(' '.join(piece.split()))}</p>")
        elif piece.strip():
            md.reset()
            out.append(_cleaner().clean(md.convert(_bounded(piece))))
    return Markup("\n".join(out))


def md_inline(text: str | None) -> Markup:
    """Like md_to_html, without the wrapping paragraph, for short text in tables and lists."""
    html = str(md_to_html(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


# --- Markdown -----------------------------------------------------------------------------------

# Python-Markdown's attr_list syntax, `{: #id .class key=value }`, would let spec text set any
# attribute (onclick=...) on the element before it. Braces written as character references
# are plain text to every Markdown dialect (a backslash escape is not enough: the author can
# escape the backslash), so `{{ ... }}` and `{: ... }` both print as written.
_BRACES = {"{": "&#123;", "}": "&#125;"}
# An abbreviation definition (`*[HTML]: ...`) would change every page it lands on.
_ABBREVIATION = re.compile(r"(?m)^(\s*)\*\[")
# A reference-style link definition: `[label]: url "title"`. Matched anywhere, not only at a
# line start: inside list items and blockquotes a definition may be indented or follow '>', and
# its URL may start on the next line, after that line's own quote markers.
_LINK_DEFINITION = re.compile(
    r"(\[[^\]\n]*\]:[ \t]*(?:\n(?:[ \t]|>|&gt;)*)?)(&lt;)?(\S+?)(&gt;)?(?=\s|$)"
)


def _escape_prose(text: str) -> str:
    out = text.replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("{", _BRACES["{"]).replace("}", _BRACES["}"])


def _link_destinations(text: str) -> list[tuple[int, int]]:
    """Where each inline link's destination is: from after `](` to its closing `)`.

    Parentheses nest inside a destination, as Python-Markdown reads them; a destination that
    is never closed runs to the end of its paragraph.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while True:
        i = text.find("](", i)
        if i < 0:
            return spans
        if _escaped(text, i):
            i += 1
            continue
        start = i + 2
        depth, k = 1, start
        while k < n:
            c = text[k]
            if c == "\\":
                k += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c == "\n" and text.startswith("\n", k + 1):
                break
            k += 1
        spans.append((start, min(k, n)))
        i = max(k, start)


def md_escape_html(text: str | None) -> str:
    """Spec Markdown made safe to embed in a Markdown page that MkDocs will render.

    Angle brackets become entities, so raw HTML shows as text; so do braces, so attribute
    lists (`{: onclick=... }`) and template syntax (`{{ ... }}`) print literally. Pictures and
    the brackets that would make the parser's work grow without bound are escaped (see
    `_bounded`). A link or link definition whose decoded target is unsafe points at '#'. Inline
    code spans on one line are left as written, since Markdown shows their content literally.
    Entities such as `&amp;` are kept, so the text renders as `md_to_html` renders it.
    """
    if not text:
        return ""
    pieces = _paragraphs(text)
    if len(pieces) > 1 or pieces[0][1]:
        return "".join(_literal_code(p) if literal else md_escape_html(p) for p, literal in pieces)
    text = _bounded(text)
    lines = []
    for line in text.split("\n"):
        parts, last = [], 0
        for start, end in _code_spans(line):
            parts.append(_escape_prose(line[last:start]))
            parts.append(_code_html(line[start:end]))
            last = end
        parts.append(_escape_prose(line[last:]))
        lines.append("".join(parts))
    out = "\n".join(lines)
    # Restore blockquote markers at line starts, which Markdown needs as a literal '>'.
    out = re.sub(r"(?m)^(\s*)&gt;", r"\1>", out)
    out = _ABBREVIATION.sub(r"\1\\*[", out)

    def fix_definition(m: re.Match[str]) -> str:
        if safe_url(m.group(3)):
            return m.group(0)
        # Keep the replacement on the label's line: '#' at a line start would be a heading.
        return m.group(1).split("\n")[0].rstrip() + " #"

    out = _LINK_DEFINITION.sub(fix_definition, out)
    kept: list[str] = []
    last = 0
    for start, end in _link_destinations(out):
        destination = out[start:end]
        kept.append(out[last:start])
        # The whole destination, title included, is judged: a browser drops the whitespace
        # that might otherwise hide part of a scheme from a narrower look.
        kept.append(destination if safe_url(destination) else "#")
        last = end
    kept.append(out[last:])
    return "".join(kept)


def _code_html(span: str) -> str:
    """An inline code span (backticks included) as a `<code>` element whose text is inert.

    Markdown dialects disagree on where a span ends (a backslash before a backtick ends it in
    CommonMark and Python-Markdown alike), so the span is not left for them to read: it
    becomes HTML, with every character but letters, digits and spaces written as a numeric
    reference, which no dialect reads as markup or as a tag.
    """
    fence = len(span) - len(span.lstrip("`"))
    inner = span[fence : len(span) - fence]
    if _PLAIN_CODE.fullmatch(inner):
        return span  # harmless whether a dialect reads it as code or as prose: left as written
    text = "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in inner.strip())
    return f"<code>{text}</code>"


# Code whose characters mean nothing to any Markdown dialect or to HTML, even read as prose.
_PLAIN_CODE = re.compile(r"[\w \-.,/:;'\"=+#%@?]*")


def _literal_code(paragraph: str) -> str:
    """A paragraph as one inline code span: Markdown shows its text exactly, reading nothing.

    The fence is one backtick longer than any run inside; lines are joined (Markdown would
    join them anyway), so nothing in the text can start a block.
    """
    text = " ".join(paragraph.split())
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def words(value: object) -> str:
    """An enumeration value or id as words: `face_to_face` becomes 'face to face'."""
    raw = value.value if isinstance(value, Enum) else value
    return str(raw).replace("_", " ")


_PLAIN_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_PLAIN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)([^\n]{1,500}?)\1")


def plain(text: str | None) -> str:
    """Spec text with Markdown markup removed, for CSV cells and page titles."""
    if not text:
        return ""
    # Each pattern looks a bounded distance ahead, so the work stays linear in the text.
    s = _PLAIN_LINK.sub(r"\1", text)
    s = _PLAIN_EMPHASIS.sub(r"\2", s)
    return " ".join(s.split())


__all__ = [
    "SAFE_SCHEMES",
    "escape",
    "md_escape_html",
    "md_inline",
    "md_to_html",
    "plain",
    "safe_url",
    "words",
]
