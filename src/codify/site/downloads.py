"""The site's downloads, made by the handbook and checklist generator (`codify build`).

The site offers the same handbook, checklist and material files that `codify build` writes,
made by the same code, so a site and a handbook generated from one spec never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from codify.config import Config
from codify.site.project import SiteError, SiteSource, download_name

# Files from `codify build` that the site offers. Its Markdown versions are left out: MkDocs
# would take a .md file in docs/ for a page of the site.
# checklist.xlsx is there when the 'xlsx' extra is installed.
OFFERED = ("handbook.html", "checklist.html", "checklist.csv", "checklist.xlsx", "assessment.yaml")

Maker = Callable[[SiteSource], tuple[dict[str, bytes], list[str]]]


def maker(config: Config, templates: Path | None) -> Maker:
    """A function that returns one spec's downloads as {file name: bytes} and notes."""
    from codify.documents.assets import AssetError, logo_data_uri
    from codify.documents.render import TemplateFailure, environment, render_spec

    try:
        logo = logo_data_uri(config.branding.logo, config.source)
    except AssetError as exc:
        raise SiteError(str(exc)) from None
    env = environment(templates, config.branding, config.language)

    def make(source: SiteSource) -> tuple[dict[str, bytes], list[str]]:
        try:
            # The handbook offered on the site links materials by the names the site gives
            # them, so a renamed file (guide.md.txt) is still found.
            rendered = render_spec(
                source.spec,
                source.path,
                env,
                config.branding,
                logo,
                material_name=download_name,
            )
        except TemplateFailure as exc:
            raise SiteError(f"{source.path}: the handbook could not be made: {exc}") from None
        files = {
            name: data
            for name, data in rendered.files.items()
            if name in OFFERED or name.startswith("materials/")
        }
        return files, [f"{source.path}: {note}" for note in rendered.notes]

    return make
