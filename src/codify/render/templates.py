"""The Jinja environment shared by the generators.

Templates are looked up first in a user's override folder (`--templates DIR`), then in the
packaged src/codify/templates/, so any one file can be replaced without copying the rest.
Autoescaping is on for HTML; spec text is passed as data and rendered through the filters
of `codify.render.filters`, and codify's own words come from the phrasebook through `t`.
"""

from __future__ import annotations

import traceback
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
    from codify.render.filters import filters, phrase_globals, with_cross_references
    from codify.render.precompiled import PackagedLoader

    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    # The packaged templates, compiled ahead of time where that is current (see its module).
    loaders.append(PackagedLoader())
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
    env.filters.update(with_cross_references(filters(book)))
    env.globals.update(phrase_globals(book))
    env.globals["codify_version"] = __version__
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    env.globals["branding"] = branding or Branding()
    return env


def _where(exc: BaseException, name: str, overrides: Path | None) -> str:
    """'handbook/handbook.html line 12' for an error raised while rendering a template."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        # A packaged template by its name, not by where this machine installed it.
        shown = _template_name(Path(exc.filename), overrides) if exc.filename else exc.name
        return f"{shown or name} line {exc.lineno}"
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


class TemplateFailure(Exception):
    """A template could not be loaded or rendered; the message names it and the line."""


def render(env: Any, name: str, **context: Any) -> str:
    """Render one template, turning any failure into TemplateFailure naming it and the line.

    A template error is the template author's to fix (a packaged one is a bug; an override is
    the user's), so it is reported as a file and line, never as a traceback.
    """
    import jinja2

    try:
        template = env.get_template(name)
        text: str = template.render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateFailure(f"template '{exc.name}' not found") from None
    except Exception as exc:  # any error a template raises, e.g. an undefined name
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        where = _where(exc, name, getattr(env, "codify_overrides", None))
        raise TemplateFailure(f"template {where}: {message}") from None
    return text
