"""Generate a Material for MkDocs project (mkdocs.yml and docs/) from one or more specs.

One spec gives a site about that intervention. Several give a portfolio: a home page listing
them all, and each intervention in its own folder and navigation tab. The project is plain
MkDocs: `mkdocs build` or `zensical build` in the output folder builds it, with no codify
installed and no network. Generation is deterministic: the same specs, settings and codify
version give the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from codify import __version__
from codify.config import Branding
from codify.model import Intervention
from codify.render.text import words
from codify.site import text as site_text
from codify.site.colours import Palette, palette
from codify.site.view import ADAPT_BADGE, CORE_BADGE, Download, SpecView, label

DOCS = "docs"
SITE_DIR = "site"
MANIFEST = ".codify-site.json"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")

NavItem = dict[str, "str | list[NavItem | str]"] | str


class SiteError(Exception):
    """The site cannot be generated as asked; the message says why and what to do."""


@dataclass(frozen=True)
class SiteSource:
    """One spec to publish, with the file it came from."""

    spec: Intervention
    path: Path


@dataclass
class Page:
    """One Markdown page: where it goes in docs/, its template, and the spec it belongs to."""

    path: str
    template: str
    title: str
    view: SpecView | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Project:
    """Every file of a generated MkDocs project, keyed by its path inside the output folder."""

    files: dict[str, bytes] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Pages every intervention gets, in navigation order: (file, title, template).
DELIVER_PAGES = (
    ("roles.md", "Roles", "roles"),
    ("materials.md", "Materials", "materials"),
    ("delivery.md", "Delivery", "delivery"),
    ("pathway.md", "Implementation pathway", "pathway"),
)
REFERENCE_PAGES = (
    ("glossary.md", "Glossary", "glossary"),
    ("references.md", "References", "references"),
    ("downloads.md", "Downloads", "downloads"),
)

DownloadMaker = Callable[[SiteSource], tuple[dict[str, bytes], list[str]]]


def plan(
    sources: Sequence[SiteSource],
    downloads: DownloadMaker | None = None,
) -> tuple[list[Page], list[NavItem], dict[str, bytes], list[str]]:
    """The pages, navigation and static files for these specs (nothing rendered yet)."""
    ids = [s.spec.id for s in sources]
    duplicate = sorted({i for i in ids if ids.count(i) > 1})
    if duplicate:
        raise SiteError(
            f"two specs have the id '{duplicate[0]}'; each intervention in a site needs its own id"
        )
    portfolio = len(sources) > 1
    pages: list[Page] = []
    nav: list[NavItem] = []
    files: dict[str, bytes] = {}
    notes: list[str] = []
    if portfolio:
        pages.append(Page("index.md", "portfolio", "Home"))
        nav.append({"Home": "index.md"})
    for source in sorted(sources, key=lambda s: s.spec.id) if portfolio else sources:
        prefix = f"{source.spec.id}/" if portfolio else ""
        view = SpecView(source.spec, source.path, prefix)
        static, made_notes = _static_files(view, downloads)
        files.update({f"{DOCS}/{k}": v for k, v in static.items()})
        notes.extend(made_notes)
        spec_pages, spec_nav = _spec_pages(view)
        pages.extend(spec_pages)
        if portfolio:
            tab = source.spec.short_name or source.spec.name
            nav.append({site_text.title_text(tab): spec_nav})
        else:
            nav.extend(spec_nav)
    return pages, nav, files, notes


def _spec_pages(view: SpecView) -> tuple[list[Page], list[NavItem]]:
    spec = view.spec
    p = view.path
    pages = [Page(p("index.md"), "overview", "Overview", view)]
    keep: list[NavItem | str] = [p("keep/index.md")]
    pages.append(Page(p("keep/index.md"), "keep", "Keep: core elements", view))
    for core in spec.core_elements:
        pages.append(Page(view.core_path(core.id), "core", core.name, view, {"element": core}))
        keep.append({site_text.title_text(core.name): view.core_path(core.id)})
    adapt: list[NavItem | str] = [p("adapt/index.md")]
    pages.append(Page(p("adapt/index.md"), "adapt", "Adapt: adaptable elements", view))
    for element in spec.adaptable_elements:
        pages.append(
            Page(view.adapt_path(element.id), "adaptable", element.name, view, {"element": element})
        )
        adapt.append({site_text.title_text(element.name): view.adapt_path(element.id)})
    deliver: list[NavItem | str] = []
    for name, title, template in DELIVER_PAGES:
        pages.append(Page(p(name), template, title, view))
        deliver.append({title: p(name)})
    pages.append(Page(p("fidelity.md"), "fidelity", "Fidelity checklist", view))
    reference: list[NavItem | str] = []
    for name, title, template in REFERENCE_PAGES:
        pages.append(Page(p(name), template, title, view))
        reference.append({title: p(name)})
    nav: list[NavItem] = [
        {"Overview": p("index.md")},
        {"Keep": keep},
        {"Adapt": adapt},
        {"Deliver": deliver},
        {"Fidelity checklist": p("fidelity.md")},
        {"Reference": reference},
    ]
    return pages, nav


def _static_files(
    view: SpecView, downloads: DownloadMaker | None
) -> tuple[dict[str, bytes], list[str]]:
    """Files copied into docs/ for one spec: the spec itself, generated documents, materials."""
    files: dict[str, bytes] = {}
    notes: list[str] = []
    if downloads is not None:
        made, made_notes = downloads(SiteSource(view.spec, view.source))
        notes.extend(made_notes)
        for name, data in sorted(made.items()):
            target = view.path(f"files/{name}")
            files[target] = data
            if name.startswith("materials/"):
                material_id = PurePosixPath(name).parts[1]
                view.material_files[material_id] = target
        for name, description in DOWNLOAD_LABELS.items():  # documents first, in this order
            if name in made:
                view.downloads.append(Download(view.path(f"files/{name}"), name, description))
    # Not named intervention.yaml: `codify check .` must not find the copy as a second spec.
    version = re.sub(r"[^A-Za-z0-9.+-]+", "-", view.spec.version).strip(".-") or "unversioned"
    spec_name = f"{view.spec.id}-{version}.yaml"
    files[view.path(f"files/{spec_name}")] = view.source.read_bytes()
    view.downloads.append(
        Download(
            view.path(f"files/{spec_name}"),
            spec_name,
            "The codified spec itself (YAML): the source every page of this site is made from.",
        )
    )
    return files, notes


DOWNLOAD_LABELS = {
    "handbook.html": "The adopter handbook, as one self-contained web page to read, print or "
    "save as PDF.",
    "handbook.pdf": "The adopter handbook as a PDF.",
    "checklist.html": "The fidelity checklist as a printable web page.",
    "checklist.pdf": "The fidelity checklist as a PDF.",
    "checklist.csv": "The fidelity checklist as a spreadsheet (CSV), one row per criterion.",
    "assessment.yaml": "A blank fidelity assessment to fill in and keep with your records.",
}


# --- rendering ----------------------------------------------------------------------------------


def render_pages(
    pages: Sequence[Page],
    sources: Sequence[SiteSource],
    env: Any,
    site_name: str,
) -> dict[str, bytes]:
    """Every page's Markdown, with the glossary's abbreviations appended to each page."""
    out: dict[str, bytes] = {}
    for page in pages:
        context: dict[str, Any] = {
            "page": page,
            "site_name": site_name,
            "core_badge": CORE_BADGE,
            "adapt_badge": ADAPT_BADGE,
            "label": label,
            **page.extra,
        }
        if page.view is not None:
            page.view.current = page.path
            context.update(s=page.view, spec=page.view.spec)
        else:
            views = [SpecView(s.spec, s.path, f"{s.spec.id}/", current=page.path) for s in sources]
            context["views"] = sorted(views, key=lambda v: v.spec.id)
        body = env.get_template(f"site/{page.template}.md.j2").render(context)
        body = body.rstrip("\n") + "\n"
        if page.view is not None:
            abbreviations = [
                line
                for term in page.view.spec.glossary
                if (line := site_text.abbreviation(term.term, term.definition))
            ]
            if abbreviations:
                body += "\n" + "\n".join(abbreviations) + "\n"
        out[f"{DOCS}/{page.path}"] = body.encode("utf-8")
    return out


# --- mkdocs.yml ---------------------------------------------------------------------------------


def yaml_text(value: Any, indent: int = 0) -> str:
    """A small, deterministic YAML writer for mkdocs.yml: mappings, lists and JSON scalars."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            k = key if _plain_key(key) else json.dumps(key, ensure_ascii=False)
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{k}:\n{yaml_text(item, indent + 1)}")
            else:
                lines.append(f"{pad}{k}: {yaml_text(item, indent + 1)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        lines = []
        for item in value:
            if isinstance(item, dict) and item:
                inner = yaml_text(item, indent + 1).lstrip()
                lines.append(f"{pad}- {inner}")
            elif isinstance(item, list) and item:
                lines.append(f"{pad}-\n{yaml_text(item, indent + 1)}")
            else:
                lines.append(f"{pad}- {yaml_text(item, indent + 1)}")
        return "\n".join(lines)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def _plain_key(key: str) -> bool:
    return key.replace("_", "").replace(".", "").replace("-", "").isalnum() and key.isascii()


def _escape_html(text: str) -> str:
    """Plain text for the raw HTML MkDocs themes print config values as (site_name, nav)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mkdocs_config(
    site_name: str,
    nav: list[NavItem],
    sources: Sequence[SiteSource],
    branding: Branding,
    logo: str | None,
) -> dict[str, Any]:
    """The mkdocs.yml settings. Only what Material for MkDocs and Zensical both understand."""
    theme: dict[str, Any] = {
        "name": "material",
        # Zensical reads this (Material ignores it): its classic look is Material's, so a site
        # keeps its branding and accessibility fixes whichever tool builds it.
        "variant": "classic",
        "language": "en",
        # Material links Google Fonts by default: a site inside a closed network must not.
        "font": False,
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
            },
        ],
        "features": [
            "navigation.tabs",
            "navigation.sections",
            "navigation.indexes",
            "navigation.top",
            "navigation.footer",
            "search.highlight",
            "content.tooltips",
            "toc.follow",
        ],
    }
    if logo:
        theme["logo"] = logo
        theme["favicon"] = logo
    copyright_parts = []
    if branding.organisation:
        copyright_parts.append(_escape_html(branding.organisation))
    if len(sources) == 1:  # in a portfolio, each page names its own intervention's version
        only = sources[0].spec
        copyright_parts.append(
            _escape_html(site_text.title_text(f"{only.name}, version {only.version}"))
        )
    copyright_parts.append(f"Generated by codify {__version__}")
    config: dict[str, Any] = {
        "site_name": _escape_html(site_name),
        "docs_dir": DOCS,
        "site_dir": SITE_DIR,
        "copyright": " · ".join(copyright_parts),
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True, "permalink_title": "Link to this section"}},
            "pymdownx.details",
        ],
        "extra_css": ["assets/codify.css"],
        "extra_javascript": ["assets/codify.js"],
        "extra": {"generator": False},
        "validation": {
            "omitted_files": "warn",
            "not_found": "warn",
            "anchors": "warn",
        },
        "nav": [_nav_escaped(item) for item in nav],
    }
    return config


def _nav_escaped(item: NavItem | str) -> NavItem | str:
    if isinstance(item, str):
        return item
    out: dict[str, Any] = {}
    for title, target in item.items():
        if isinstance(target, list):
            out[_escape_html(title)] = [_nav_escaped(i) for i in target]
        else:
            out[_escape_html(title)] = target
    return out


# --- theme assets -------------------------------------------------------------------------------


def theme_files(env: Any, colours: Palette) -> dict[str, bytes]:
    """The stylesheet and script that brand the theme and fix its accessibility gaps."""
    css = env.get_template("site/assets/codify.css").render(colours=colours)
    js = env.get_template("site/assets/codify.js").render()
    return {
        f"{DOCS}/assets/codify.css": css.encode("utf-8"),
        f"{DOCS}/assets/codify.js": js.encode("utf-8"),
    }


def logo_file(branding: Branding, config_file: Path | None) -> tuple[str, bytes] | None:
    """The branding logo as (docs path, bytes), read relative to the config file's folder."""
    if not branding.logo:
        return None
    from codify.rules import path_problem

    where = str(config_file) if config_file else "the settings"
    if config_file is None:
        raise SiteError(f"{where}: branding.logo needs a config file to be relative to")
    base = config_file.parent
    problem = path_problem(branding.logo, base)
    if problem:
        raise SiteError(f"{where}: branding.logo {problem.replace('spec', 'config file')}")
    source = base / PurePosixPath(branding.logo.replace("\\", "/"))
    if source.suffix.lower() not in LOGO_TYPES:
        raise SiteError(
            f"{where}: branding.logo '{branding.logo}' is not an image ({', '.join(LOGO_TYPES)})"
        )
    return f"assets/logo{source.suffix.lower()}", source.read_bytes()


# --- the whole project ------------------------------------------------------------------------


def generate(
    sources: Sequence[SiteSource],
    branding: Branding,
    config_file: Path | None = None,
    *,
    title: str | None = None,
    templates: Path | None = None,
    downloads: DownloadMaker | None = None,
) -> Project:
    """Every file of the MkDocs project for these specs, in memory."""
    from codify.render.templates import environment

    if not sources:
        raise SiteError("no specs to publish")
    env = environment(templates, branding)
    # Set before any template is compiled: every {{ }} escapes spec text unless it is Markup.
    env.finalize = site_text.finalize
    env.filters.update(
        md=site_text.markdown,
        inline=site_text.inline,
        cell=site_text.cell,
        heading=site_text.heading,
        html_text=site_text.html_text,
        words=words,
        title_text=site_text.title_text,
        link=site_text.link,
        email=site_text.email,
        num=site_text.number,
    )
    env.globals["spread_models"] = site_text.SPREAD_MODELS
    if title:
        site_name = site_text.title_text(title)
    elif len(sources) == 1:
        site_name = site_text.title_text(sources[0].spec.name)
    else:
        site_name = (
            f"{branding.organisation} interventions" if branding.organisation else "Interventions"
        )
        site_name = site_text.title_text(site_name)
    pages, nav, files, notes = plan(sources, downloads)
    project = Project(pages=pages, notes=notes)
    project.files.update(files)
    project.files.update(render_pages(pages, sources, env, site_name))
    project.files.update(theme_files(env, palette(branding.accent_color)))
    logo = logo_file(branding, config_file)
    if logo:
        project.files[f"{DOCS}/{logo[0]}"] = logo[1]
    config = mkdocs_config(site_name, nav, sources, branding, logo[0] if logo else None)
    header = (
        f"# Generated by codify {__version__} (`codify site`). Do not edit: change the spec, or\n"
        "# the templates with --templates (codify will not overwrite a file edited by hand).\n"
        "# Builds with `mkdocs build` (Material for MkDocs) or `zensical build`.\n"
    )
    project.files["mkdocs.yml"] = (header + yaml_text(config) + "\n").encode("utf-8")
    return project


def write(project: Project, out_dir: Path) -> tuple[list[Path], list[Path]]:
    """Write the project atomically; remove files an earlier generation made that are gone now.

    The writer's manifest records what codify wrote, so pages edited by hand are never
    overwritten and pages of removed elements are removed. Returns (changed, removed).
    """
    from codify.render.write import OutputWriter

    writer = OutputWriter(out_dir, manifest=MANIFEST)
    for name, data in sorted(project.files.items()):
        writer.add(name, data)
    changed = writer.commit()
    return changed, writer.removed


def check_out_dir(out_dir: Path) -> None:
    """Raise SiteError unless `out_dir` is new, empty, or a site codify generated before."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise SiteError(f"{out_dir} is a file; --out needs a folder")
    if (out_dir / MANIFEST).is_file():
        return
    if any(out_dir.iterdir()):
        raise SiteError(
            f"{out_dir} is not empty and was not made by `codify site`; "
            "choose another --out folder (codify never overwrites files it did not make)"
        )
