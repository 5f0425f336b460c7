"""Spec text made safe for the site's Markdown pages, one filter per place it can appear.

Every value a site template prints goes through `finalize`: plain strings are spec text and are
escaped with `md_escape_html`; only `Markup` (built here, from escaped parts) passes as it is.
A template therefore cannot print spec text unescaped by forgetting a filter.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from markupsafe import Markup, escape

from codify.render.text import md_escape_html, plain, words

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(")


def markdown(text: str | None) -> Markup:
    """Spec Markdown as a block for a site page.

    Besides `md_escape_html`, images become links: a picture from another host would make the
    page load something from outside the organisation's network, and one beside the spec is
    not copied into the site.
    """
    return Markup(_IMAGE.sub(r"[\1](", md_escape_html(text)).strip())


def inline(text: str | None) -> Markup:
    """Spec Markdown on one line, for a list item or a sentence."""
    return Markup(" ".join(markdown(text).split()))


def cell(text: str | None) -> Markup:
    """Spec Markdown for one cell of a Markdown table: one line, pipes escaped."""
    return Markup(inline(text).replace("|", "\\|"))


def title_text(text: str | None) -> str:
    """Plain one-line text for a page title, a heading or the navigation.

    MkDocs themes print titles without escaping (and `striptags` undoes entities in <title>),
    so angle brackets are replaced by look-alike quotation marks: no spec text can ever open a
    tag through a title.
    """
    return plain(text).replace("<", "\u2039").replace(">", "\u203a")


def heading(text: str | None) -> Markup:
    """Spec text for a Markdown heading: plain, one line, escaped."""
    return Markup(md_escape_html(title_text(text)).replace("#", "&#35;"))


def html_text(text: str | None) -> Markup:
    """Spec text for raw HTML that the generator writes: plain and HTML-escaped."""
    return escape(plain(text))


def finalize(value: Any) -> Any:
    """Jinja's last step for every `{{ ... }}`: escape spec text unless it is already Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, Enum):
        return md_escape_html(words(value))
    if isinstance(value, str):
        return md_escape_html(value)
    return value


def abbreviation(term: str, definition: str) -> str | None:
    """A Python-Markdown abbreviation line for a glossary term, or None if it cannot be one.

    Abbreviations turn every whole-word use of the term on a page into a tooltip. A term with
    brackets or a backslash cannot be written in that syntax and stays in the glossary only.
    """
    name = " ".join(term.split())
    if not name or re.search(r"[\[\]\\<>]", name):
        return None
    meaning = title_text(definition)
    if not meaning:
        return None
    return f"*[{name}]: {meaning}"


_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def link(url: str | None, text: str | None = None) -> Markup:
    """A Markdown link to a spec URL, or the URL as plain text when its scheme is unsafe."""
    from urllib.parse import quote

    from codify.render.text import safe_url

    if not url:
        return Markup("")
    shown = inline(text if text is not None else url).replace("[", "\\[").replace("]", "\\]")
    if not safe_url(url):
        return Markup(shown)
    return Markup(f"[{shown}](<{quote(url.strip(), safe=_URL_SAFE)}>)")


def email(address: str | None) -> Markup:
    """An email address as a mailto link, or as text when it does not look like one."""
    if not address:
        return Markup("")
    if re.fullmatch(r"[^\s@<>()\[\]\\,;:\"]+@[^\s@<>()\[\]\\,;:\"]+", address):
        return link(f"mailto:{address}", address)
    return inline(address)


def number(value: float | int) -> str:
    """A number without a needless '.0': 30.0 prints as 30."""
    return str(int(value)) if float(value).is_integer() else str(value)


SPREAD_MODELS = {
    "open": "Open: any organisation may adopt it, free, without asking.",
    "dissemination": "Dissemination: the originator publishes how to do it; organisations "
    "adopt it on their own.",
    "licence": "Licence: organisations adopt it under a licence from the holder, on the terms "
    "below.",
    "franchise": "Franchise: organisations join a franchise and deliver it under its name, "
    "with training, support and fidelity review from the holder.",
    "network": "Network: organisations join a network of adopters that shares learning and "
    "holds each other to the standard.",
    "direct": "Direct: the originating organisation delivers it itself in new places.",
}
