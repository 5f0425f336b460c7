"""Generate a Material for MkDocs project (mkdocs.yml and docs/) from one or more specs.

One spec gives a site about that intervention. Several give a portfolio: a home page listing
them all, and each intervention in its own folder and navigation tab. The project is plain
MkDocs: `mkdocs build` or `zensical build` in the output folder builds it, with no codify
installed and no network. Generation is deterministic: the same specs, settings and codify
version give the same bytes.
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from codify import __version__
from codify.config import Branding, SiteSettings
from codify.documents.view import build_document
from codify.model import Intervention
from codify.outputs import SITE_MANIFEST
from codify.phrases import Phrasebook
from codify.render.templates import TemplateFailure, render
from codify.render.yamltext import yaml_string
from codify.site import text as site_text
from codify.site.colours import Palette, palette
from codify.site.view import Download, SpecView, label

DOCS = "docs"
SITE_DIR = "site"
MANIFEST = SITE_MANIFEST
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
LOGO_MAX_BYTES = 2 * 1024 * 1024
SVG_LOGO_MAX_BYTES = 32 * 1024
# Folders at the root of docs/ that a portfolio's intervention folder must not take: the
# theme's assets, MkDocs' search index, and `templates/`, which MkDocs leaves out of every site.
RESERVED_FOLDERS = ("assets", "search", "templates")
# Material puts the whole navigation into every page, so a navigation listing every element
# would make the site's size grow with the square of the number of elements. Past this many
# element pages, a section lists only its index page (a table linking every element).
NAV_ELEMENT_LIMIT = 60
# File names that MkDocs or Zensical would make into a page of the site, or that a browser
# would run as a page of the site (HTML, SVG and XML can carry scripts). A material is a file
# to download, so such a file is offered with `.txt` added to its name.
ACTIVE_SUFFIXES = (
    *(".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"),
    *(".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt"),
    *(".js", ".mjs"),
)

# Search on a site opened from file:// runs its worker in a frame (see this script). The name
# must contain "iframe-worker": Material's offline plugin then adds no shim of its own.
FILE_SHARE_WORKER = "assets/codify-iframe-worker.js"

NavItem = dict[str, "str | list[NavItem | str]"] | str


class SiteError(Exception):
    """The site cannot be generated as asked; the message says why and what to do."""


@dataclass(frozen=True)
class SiteSource:
    """One spec to publish: the model, the file it came from, and that file's bytes.

    The pages are made from `spec` and the download is `raw`; both come from one reading of
    the file, so the spec offered is always the one the pages describe.
    """

    spec: Intervention
    path: Path
    raw: bytes


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
    not_in_nav: list[str] = field(default_factory=list)


# Pages every intervention gets, in navigation order: (file, template). A page's title is the
# phrase `site.page.<template>`, so it reads the same in the navigation, on the page and in
# every language.
DELIVER_PAGES = (
    ("roles.md", "roles"),
    ("materials.md", "materials"),
    ("delivery.md", "delivery"),
    ("pathway.md", "pathway"),
)
REFERENCE_PAGES = (
    ("glossary.md", "glossary"),
    ("references.md", "references"),
    ("downloads.md", "downloads"),
)

DownloadMaker = Callable[[SiteSource], tuple[dict[str, bytes], list[str]]]


@dataclass
class _Plan:
    pages: list[Page] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    not_in_nav: list[str] = field(default_factory=list)
    nav_budget: int = NAV_ELEMENT_LIMIT


def plan(
    sources: Sequence[SiteSource],
    downloads: DownloadMaker | None = None,
    book: Phrasebook | None = None,
    branding: Branding | None = None,
) -> _Plan:
    """The pages, navigation and static files for these specs (nothing rendered yet)."""
    seen: set[str] = set()
    for source in sources:
        if source.spec.id in seen:
            raise SiteError(
                f"{source.path}: another spec also has the id '{source.spec.id}'; "
                "each intervention in a site needs its own id"
            )
        seen.add(source.spec.id)
    book = book or Phrasebook()
    portfolio = len(sources) > 1
    found = _Plan()
    if portfolio:
        home = book.fill("site.page.portfolio")
        found.pages.append(Page("index.md", "portfolio", home))
        found.nav.append({home: "index.md"})
    ordered = sorted(sources, key=lambda s: s.spec.id) if portfolio else list(sources)
    folders = site_text.unique_names([s.spec.id for s in ordered], RESERVED_FOLDERS)
    for source, folder in zip(ordered, folders, strict=True):
        doc = build_document(source.spec, branding or Branding(), book=book)
        view = SpecView(source.spec, source.path, f"{folder}/" if portfolio else "", doc)
        static, made_notes = _static_files(view, source.raw, downloads)
        found.files.update({f"{DOCS}/{k}": v for k, v in static.items()})
        found.notes.extend(made_notes)
        spec_nav = _spec_pages(view, found)
        if portfolio:
            tab = source.spec.short_name or source.spec.name
            found.nav.append({site_text.theme_text(tab): spec_nav})
        else:
            found.nav.extend(spec_nav)
    return found


def _spec_pages(view: SpecView, found: _Plan) -> list[NavItem | str]:
    """Add one spec's pages to `found`; return its navigation."""
    spec = view.spec
    p = view.path
    pages = found.pages

    def title(template: str) -> str:
        return view.doc.say(f"site.page.{template}")

    def nav(key: str) -> str:
        return view.doc.say(f"site.nav.{key}")

    pages.append(Page(p("index.md"), "overview", spec.name, view))
    pages.append(Page(p("keep/index.md"), "keep", title("keep"), view))
    keep: list[NavItem | str] = [p("keep/index.md")]
    for core, page in view.core_pages:
        pages.append(Page(page, "core", core.name, view, {"element": core}))
        keep.append({site_text.theme_text(core.name): page})
    pages.append(Page(p("adapt/index.md"), "adapt", title("adapt"), view))
    adapt: list[NavItem | str] = [p("adapt/index.md")]
    for element, page in view.adapt_pages:
        pages.append(Page(page, "adaptable", element.name, view, {"element": element}))
        adapt.append({site_text.theme_text(element.name): page})
    deliver: list[NavItem | str] = []
    for name, template in DELIVER_PAGES:
        if template == "pathway" and not spec.pathway:
            continue  # a record of a tested intervention may have no pathway to follow
        pages.append(Page(p(name), template, title(template), view))
        deliver.append({title(template): p(name)})
    if spec.fidelity is not None:
        pages.append(Page(p("fidelity.md"), "fidelity", title("fidelity"), view))
    reference: list[NavItem | str] = []
    for name, template in REFERENCE_PAGES:
        pages.append(Page(p(name), template, title(template), view))
        reference.append({title(template): p(name)})
    if spec.history:
        # What changed for adopters, from the history the spec records. With one release there
        # is nothing to compare yet: the page is built (the release's summary reaches the site)
        # but kept out of the navigation.
        pages.append(Page(p("changes.md"), "changes", title("changes"), view))
        if len(spec.history) > 1:
            reference.append({title("changes"): p("changes.md")})
        else:
            found.not_in_nav.append(f"/{p('changes.md')}")
    menu: list[NavItem | str] = [
        {nav("overview"): p("index.md")},
        {nav("keep"): _bounded_section(keep, p("keep/"), found)},
        {nav("adapt"): _bounded_section(adapt, p("adapt/"), found)},
        {nav("deliver"): deliver},
    ]
    if spec.fidelity is not None:
        menu.append({title("fidelity"): p("fidelity.md")})
    menu.append({nav("reference"): reference})
    return menu


def _bounded_section(
    section: list[NavItem | str], folder: str, found: _Plan
) -> list[NavItem | str]:
    """The section as it is while the site's navigation stays small, else its index alone.

    The element pages of a shortened section are still built and linked from its index page;
    `not_in_nav` tells MkDocs they are left out of the navigation on purpose.
    """
    elements = len(section) - 1
    if elements <= found.nav_budget:
        found.nav_budget -= elements
        return section
    found.not_in_nav.append(f"/{folder}*.md")
    return section[:1]


def download_name(name: str) -> str:
    """A material's file name as the site offers it: never one a tool would make into a page.

    MkDocs and Zensical skip files whose name starts with '.', so leading dots go.
    """
    shown = name.lstrip(".") or "file"
    if shown.lower().endswith(ACTIVE_SUFFIXES):
        shown += ".txt"
    return shown


def _static_files(
    view: SpecView, raw: bytes, downloads: DownloadMaker | None
) -> tuple[dict[str, bytes], list[str]]:
    """Files copied into docs/ for one spec: the spec itself, generated documents, materials."""
    files: dict[str, bytes] = {}
    notes: list[str] = []
    if downloads is not None:
        made, made_notes = downloads(SiteSource(view.spec, view.source, raw))
        notes.extend(made_notes)
        for name, data in sorted(made.items()):
            if name.startswith("materials/"):
                parts = PurePosixPath(name).parts
                material_id, file_name = parts[1], parts[-1]
                offered = download_name(file_name)
                if offered != file_name:
                    notes.append(
                        f"{view.source}: material '{material_id}': offered as '{offered}', "
                        "so that the site shows it as a file to download, not as a page"
                    )
                target = view.path(f"files/materials/{material_id}/{offered}")
                view.material_files[material_id] = target
            else:
                target = view.path(f"files/{name}")
            files[target] = data
        for name, key in DOWNLOAD_LABELS.items():  # documents first, in this order
            if name in made:
                description = view.doc.book.fill(key)
                view.downloads.append(Download(view.path(f"files/{name}"), name, description))
    # Not named intervention.yaml: `codify check .` must not find the copy as a second spec.
    version = re.sub(r"[^A-Za-z0-9.+-]+", "-", view.spec.version).strip(".-") or "unversioned"
    spec_name = f"{view.spec.id}-{version}.yaml"
    files[view.path(f"files/{spec_name}")] = raw
    view.downloads.append(
        Download(
            view.path(f"files/{spec_name}"),
            spec_name,
            view.doc.book.fill("site.download.spec"),
        )
    )
    return files, notes


# Each document offered for download, in this order, with the phrase that describes it.
DOWNLOAD_LABELS = {
    "handbook.html": "site.download.handbook_html",
    "handbook.pdf": "site.download.handbook_pdf",
    "checklist.html": "site.download.checklist_html",
    "checklist.pdf": "site.download.checklist_pdf",
    "checklist.csv": "site.download.checklist_csv",
    "checklist.xlsx": "site.download.checklist_xlsx",
    "assessment.yaml": "site.download.assessment",
}


# --- rendering ----------------------------------------------------------------------------------


def render_pages(
    pages: Sequence[Page],
    sources: Sequence[SiteSource],
    env: Any,
    site_name: str,
) -> dict[str, bytes]:
    """Every page's Markdown: a title for the theme, the body, and the tooltips it uses."""
    out: dict[str, bytes] = {}
    tooltips: dict[int, site_text.Tooltips] = {}
    portfolio_views: list[SpecView] | None = None
    for page in pages:
        context: dict[str, Any] = {
            "page": page,
            "site_name": site_name,
            "label": label,
            **page.extra,
        }
        if page.view is not None:
            page.view.current = page.path
            context.update(
                s=page.view, spec=page.view.spec, doc=page.view.doc, xref_href=page.view.xref_href
            )
        else:
            if portfolio_views is None:
                portfolio_views = _portfolio_views(pages)
            for v in portfolio_views:
                v.current = page.path
            context["views"] = portfolio_views
        try:
            body = render(env, f"site/{page.template}.md.j2", **context)
        except TemplateFailure as exc:
            raise SiteError(f"{exc}; nothing was written") from None
        body = body.rstrip("\n") + "\n"
        if page.view is not None:
            key = id(page.view)
            if key not in tooltips:
                glossary = [(t.term, t.definition) for t in page.view.spec.glossary]
                tooltips[key] = site_text.Tooltips(glossary)
            abbreviations = tooltips[key].for_page(body)
            if abbreviations:
                body += "\n" + "\n".join(abbreviations) + "\n"
        out[f"{DOCS}/{page.path}"] = (_front_matter(page) + body).encode("utf-8")
    return out


def _portfolio_views(pages: Sequence[Page]) -> list[SpecView]:
    """Each intervention's view (with its folder), in the portfolio's order."""
    views: dict[int, SpecView] = {}
    for page in pages:
        if page.view is not None:
            views.setdefault(id(page.view), page.view)
    found = sorted(views.values(), key=lambda v: v.spec.id)
    _relate(found)
    return found


def _relate(views: list[SpecView]) -> None:
    """Link each programme to the specs it names as components, when they are in the site.

    A component's `spec` is a path from the programme's folder; it names another spec of the
    portfolio when both resolve to the same file. Each pair is linked once, both ways.
    """
    by_file: dict[Path, SpecView] = {}
    for v in views:
        with contextlib.suppress(OSError):
            by_file[v.source.resolve()] = v
    for v in views:
        v.parts.clear()
    for v in views:
        v.part_of.clear()
    for v in views:
        for component in v.spec.components:
            if component.spec is None:
                continue
            try:
                target = (v.source.parent / component.spec).resolve()
            except (OSError, ValueError):
                continue
            other = by_file.get(target)
            if other is not None and other is not v and all(p is not other for p in v.parts):
                v.parts.append(other)
                other.part_of.append(v)


def _front_matter(page: Page) -> str:
    """The page's title for the theme (its window title and header), as front matter.

    Without it, MkDocs takes a page's title from its first heading as HTML, and Material
    prints that through `striptags`, which decodes character references: a heading showing
    `&lt;/title&gt;` would close the window title. The site's home page has none, so the
    theme names it by the site.
    """
    if page.path == "index.md":
        return ""
    return f"---\ntitle: {yaml_string(site_text.theme_text(page.title))}\n---\n\n"


# --- mkdocs.yml ---------------------------------------------------------------------------------


def yaml_text(value: Any, indent: int = 0) -> str:
    """A small, deterministic YAML writer for mkdocs.yml: mappings, lists and quoted scalars."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            k = key if _plain_key(key) else yaml_string(key)
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
    if isinstance(value, int):
        return str(value)
    return yaml_string(str(value))


# Words YAML 1.1 (which PyYAML, and so MkDocs, reads) takes for booleans or null.
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _plain_key(key: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key)) and key.lower() not in _YAML_WORDS


def mkdocs_config(
    site_name: str,
    nav: list[NavItem],
    sources: Sequence[SiteSource],
    branding: Branding,
    logo: str | None,
    not_in_nav: Sequence[str] = (),
    language: str = "en",
    publishing: SiteSettings | None = None,
) -> dict[str, Any]:
    """The mkdocs.yml settings. Only what Material for MkDocs and Zensical both understand.

    `publishing` says where the site will live: its address (`site_url`, for the sitemap
    and canonical links), and whether it is opened from a file share rather than a server.

    Every value that comes from a spec or the settings is theme text (see
    `site_text.theme_text`): MkDocs themes print these values without escaping, inside
    attributes as well as text.
    """
    book = Phrasebook(language)
    theme: dict[str, Any] = {
        "name": "material",
        # Zensical reads this (Material ignores it): its classic look is Material's, so a site
        # keeps its branding and accessibility fixes whichever tool builds it.
        "variant": "classic",
        # Material translates its own chrome (search box, navigation labels) to match.
        "language": language,
        # Material links Google Fonts by default: a site inside a closed network must not.
        "font": False,
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-night", "name": book.fill("site.dark_mode")},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": "custom",
                "accent": "custom",
                "toggle": {"icon": "material/weather-sunny", "name": book.fill("site.light_mode")},
            },
        ],
        # Not `content.tooltips`: Material shows those tooltips by putting an element's title
        # into the page as HTML, and titles come from spec text (links may carry one). The
        # browser's own tooltips show a title as text.
        "features": [
            "navigation.tabs",
            "navigation.sections",
            "navigation.indexes",
            "navigation.top",
            "navigation.footer",
            "search.highlight",
            "toc.follow",
        ],
    }
    if logo:
        theme["logo"] = logo
        theme["favicon"] = logo
    copyright_parts = []
    if branding.organisation:
        copyright_parts.append(site_text.theme_text(branding.organisation))
    if len(sources) == 1:  # in a portfolio, each page names its own intervention's version
        only = sources[0].spec
        line = book.fill("site.copyright_version", name=only.name, version=only.version)
        copyright_parts.append(site_text.theme_text(line))
    copyright_parts.append(site_text.theme_text(book.fill("site.generated", codify=__version__)))
    config: dict[str, Any] = {
        "site_name": site_name,
        "docs_dir": DOCS,
        "site_dir": SITE_DIR,
        "copyright": " · ".join(copyright_parts),
        "theme": theme,
        # The search index has no Welsh stemmer: other languages are indexed as English.
        "plugins": ["search"] if language == "en" else [{"search": {"lang": ["en"]}}],
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True, "permalink_title": book.fill("site.permalink")}},
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
        "nav": nav,
    }
    if not_in_nav:
        config["not_in_nav"] = "\n".join(not_in_nav)
    publishing = publishing or SiteSettings()
    if publishing.site_url:
        config["site_url"] = publishing.site_url
    if publishing.file_share:
        # From file://, a link to a folder (`keep/`) opens a listing of it, and the search
        # cannot fetch its index. Pages link to `keep/index.html` instead, and Material's
        # offline plugin puts the index into a script that file:// pages may load.
        config["use_directory_urls"] = False
        config["plugins"] = [*config["plugins"], "offline"]
        # The plugin's Worker shim would come from unpkg.com; codify's own is in the site.
        config["extra"] = {**config["extra"], "polyfills": [FILE_SHARE_WORKER]}
    return config


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
    """The branding logo as (docs path, bytes), read relative to the config file's folder.

    An SVG logo comes back as (data: URI, b""): it is embedded, never served as a file.
    """
    if not branding.logo:
        return None
    from codify.loader import LoadError, read_untrusted
    from codify.paths import path_problem

    where = str(config_file) if config_file else "the settings"
    if config_file is None:
        raise SiteError(f"{where}: branding.logo needs a config file to be relative to")
    base = config_file.parent
    problem = path_problem(branding.logo, base, owner="config file")
    if problem:
        raise SiteError(f"{where}: branding.logo {problem}")
    source = base / PurePosixPath(branding.logo.replace("\\", "/"))
    if source.suffix.lower() not in LOGO_TYPES:
        raise SiteError(
            f"{where}: branding.logo '{branding.logo}' is not an image ({', '.join(LOGO_TYPES)})"
        )
    try:
        data = read_untrusted(source, str(source), limit=LOGO_MAX_BYTES)
    except LoadError as exc:
        raise SiteError(f"{where}: branding.logo: {source}: {exc}") from None
    suffix = source.suffix.lower()
    if suffix == ".svg":
        # An SVG is a document that can carry script: served as a file from the site's own
        # origin, opening it would run that script there. As a data: URI it is only ever
        # drawn as a picture (browsers refuse to open data: URIs as pages), so it stays small.
        if len(data) > SVG_LOGO_MAX_BYTES:
            raise SiteError(
                f"{where}: branding.logo '{branding.logo}' is an SVG of {len(data) // 1024} KiB; "
                f"a site embeds SVG logos in every page, so use one under "
                f"{SVG_LOGO_MAX_BYTES // 1024} KiB, or a PNG"
            )
        return f"data:image/svg+xml;base64,{base64.b64encode(data).decode('ascii')}", b""
    return f"assets/logo{suffix}", data


# --- the whole project ------------------------------------------------------------------------


def generate(
    sources: Sequence[SiteSource],
    branding: Branding,
    config_file: Path | None = None,
    *,
    title: str | None = None,
    templates: Path | None = None,
    downloads: DownloadMaker | None = None,
    language: str = "en",
    publishing: SiteSettings | None = None,
    sections: Sequence[tuple[NavItem, dict[str, bytes]]] = (),
) -> Project:
    """Every file of the MkDocs project for these specs, in memory, in one language.

    `publishing` is `[tool.codify.site]`: the site's address, and file-share use. `sections`
    are made elsewhere and added as they are, each a navigation entry (after the specs') and
    its files: a network's pages (codify.network_site).
    """
    from codify.render.templates import environment

    if not sources:
        raise SiteError("no specs to publish")
    env = environment(templates, branding, language)
    book: Phrasebook = env.codify_book
    # The filters are the shared table (codify.render.filters), the same names everywhere.
    # Set before any template is compiled: every {{ }} escapes spec text unless it is Markup.
    env.finalize = site_text.finalize
    if title:
        name = title
    elif len(sources) == 1:
        name = sources[0].spec.name
    else:
        name = (
            book.fill("site.portfolio_of", organisation=branding.organisation)
            if branding.organisation
            else book.fill("site.portfolio")
        )
    site_name = site_text.theme_text(name)
    found = plan(sources, downloads, book, branding)
    project = Project(pages=found.pages, notes=found.notes, not_in_nav=found.not_in_nav)
    project.files.update(found.files)
    project.files.update(render_pages(found.pages, sources, env, site_name))
    project.files.update(theme_files(env, palette(branding.accent_color)))
    for nav, files in sections:
        found.nav.append(nav)
        project.files.update(files)
    if publishing is not None and publishing.file_share:
        shim = resources.files("codify.site").joinpath(Path(FILE_SHARE_WORKER).name)
        project.files[f"{DOCS}/{FILE_SHARE_WORKER}"] = shim.read_bytes()
    logo = logo_file(branding, config_file)
    if logo and logo[1]:
        project.files[f"{DOCS}/{logo[0]}"] = logo[1]
    config = mkdocs_config(
        site_name,
        found.nav,
        sources,
        branding,
        logo[0] if logo else None,
        found.not_in_nav,
        language,
        publishing,
    )
    header = (
        f"# Generated by codify {__version__} (`codify site`). Do not edit: change the spec, or\n"
        "# the templates with --templates (codify will not overwrite a file edited by hand).\n"
        "# Builds with `mkdocs build` (Material for MkDocs) or `zensical build`.\n"
    )
    project.files["mkdocs.yml"] = (header + yaml_text(config) + "\n").encode("utf-8")
    return project


def write(
    project: Project,
    out_dir: Path,
    *,
    specs: Sequence[Path] = (),
    inputs: Sequence[Path] = (),
) -> tuple[list[Path], list[Path]]:
    """Write the project as one transaction; remove files an earlier generation made that are gone.

    The writer's manifest records what codify wrote, so pages edited by hand are never
    overwritten and pages of removed elements are removed. `specs` and `inputs` (materials,
    settings, logo, templates) are what the site is made from: none is ever overwritten or
    removed, and `out_dir` may not be, or contain, a spec's folder. Returns (changed, removed).
    Raises SiteError, naming the path, when the folder cannot be used or written.
    """
    from codify.render.write import OutputError, OutputWriter

    check_out_dir(out_dir)
    writer = OutputWriter(out_dir, manifest=MANIFEST, specs=specs, inputs=inputs)
    try:
        for name, data in sorted(project.files.items()):
            writer.add(name, data)
        changed = writer.commit()
    except OutputError as exc:
        raise SiteError(str(exc)) from None
    except OSError as exc:  # the writer reports these itself; this is a last resort
        raise SiteError(unwritable(exc, out_dir)) from None
    return changed, writer.removed


def unwritable(exc: OSError, out_dir: Path) -> str:
    """A plain message for a folder that could not be written, naming the path."""
    where = exc.filename if exc.filename else out_dir
    reason = (exc.strerror or str(exc)).lower()
    return f"{where}: cannot write the site there: {reason}; choose another --out folder"


def check_out_dir(out_dir: Path, specs: Sequence[Path] = ()) -> None:
    """Raise SiteError unless `out_dir` can hold the site: new, empty, or made by codify site.

    It must also be, or be makeable as, a writable folder, and must not be or contain the
    folder of one of `specs`.
    """
    from codify.render.write import OutputError, output_problem, refuse_overlap

    problem = output_problem(out_dir)
    if problem:
        raise SiteError(problem)
    try:
        refuse_overlap(out_dir, specs)
    except OutputError as exc:
        raise SiteError(str(exc)) from None
    try:
        if not out_dir.exists() or (out_dir / MANIFEST).is_file():
            return
        if any(out_dir.iterdir()):
            raise SiteError(
                f"{out_dir} is not empty and was not made by `codify site`; "
                "choose another --out folder (codify never overwrites files it did not make)"
            )
    except OSError as exc:
        raise SiteError(f"{out_dir}: cannot use it as the --out folder: {exc.strerror}") from None
