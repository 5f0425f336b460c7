"""Turn spec text (Markdown) into safe HTML, or into Markdown safe to embed in a page.

Spec text is data, never a template: it is passed to Jinja as a value, so `{{ ... }}` in it is
printed literally. Raw HTML in spec text is escaped, and links may only use safe schemes.
"""

from __future__ import annotations

import re
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


def md_escape_html(text: str | None) -> str:
    """Spec Markdown made safe to embed in a Markdown page that MkDocs will render.

    Angle brackets become entities, so raw HTML shows as text; links with unsafe schemes are
    replaced by '#'.
    """
    if not text:
        return ""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Restore blockquote markers at line starts, which Markdown needs as a literal '>'.
    out = re.sub(r"(?m)^(\s*)&gt;", r"\1>", out)

    def fix(m: re.Match[str]) -> str:
        return m.group(0) if safe_url(m.group(1)) else m.group(0).replace(m.group(1), "#")

    return _UNSAFE_LINK.sub(fix, out)


def plain(text: str | None) -> str:
    """Spec text with Markdown markup removed, for CSV cells and page titles."""
    if not text:
        return ""
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    s = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", s)
    return " ".join(s.split())


__all__ = ["escape", "md_escape_html", "md_inline", "md_to_html", "plain", "safe_url"]
