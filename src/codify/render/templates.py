"""The Jinja environment shared by the generators.

Templates are looked up first in a user's override folder (`--templates DIR`), then in the
packaged src/codify/templates/, so any one file can be replaced without copying the rest.
Autoescaping is on for HTML; spec text is passed as data and rendered through the filters
of `codify.render.filters`, and codify's own words come from the phrasebook through `t`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codify.config import Branding

# Every self-contained page codify writes (handbook, checklist) forbids loading anything: no
# script, no frame, no fetch, no picture but the data: URIs codify itself embeds (the logo),
# only the inline styles it writes. A hole in sanitising spec text then still runs nothing
# and loads nothing, in a browser or in the PDF printer.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def environment(
    overrides: Path | None = None, branding: Branding | None = None, language: str = "en"
) -> Any:
    """A Jinja environment with the codify filters, the phrasebook and the globals."""
    import jinja2

    from codify import __version__
    from codify.phrases import Phrasebook
    from codify.render.filters import filters, phrase_globals

    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.PackageLoader("codify", "templates"))
    env: Any = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    book = Phrasebook(language)
    env.codify_book = book
    env.codify_overrides = overrides
    env.filters.update(filters(book))
    env.globals.update(phrase_globals(book))
    env.globals["codify_version"] = __version__
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    env.globals["branding"] = branding or Branding()
    return env
