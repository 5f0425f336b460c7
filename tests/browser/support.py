"""Helpers for the site tests: a fixture spec, a local web server, Chromium and axe-core.

Nothing here downloads anything. Chromium is Debian's (/usr/bin/chromium), driven by the
`playwright` Python package with `executable_path`; axe-core comes from this folder's
node_modules (`npm ci --prefix tests/browser`). A test that needs one of them and does not
find it is skipped, saying what to install.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from codify.documents.pdf import find_chromium

HERE = Path(__file__).resolve().parent
FIXTURE_SPEC = HERE / "fixture_spec.yaml"
FIXTURE_FILES = (HERE / "huddle-card.txt",)
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
# The same search as `codify build --pdf`: CODIFY_CHROMIUM, else chromium or Chrome on PATH.
CHROMIUM = Path(find_chromium() or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The word the search test looks for: it appears only in one adaptable element's guidance.
UNIQUE_WORD = "quernstone"
UNIQUE_PAGE = "adapt/huddle-length/"
# WCAG 2.2 AA, as axe-core tags it.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def write_fixture(folder: Path, text: str | None = None) -> Path:
    """The fixture spec (or `text` in its place) and its material file, written to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "intervention.yaml"
    spec.write_text(
        text if text is not None else FIXTURE_SPEC.read_text(encoding="utf-8"), encoding="utf-8"
    )
    for extra in FIXTURE_FILES:
        shutil.copy(extra, folder / extra.name)
    return spec


# --- a local web server ----------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (any free port) from a thread; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --- Chromium and axe-core -------------------------------------------------------------------


def sync_playwright() -> Any:
    """Playwright's sync API, or skip when the package or Debian's Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        pytest.skip("the playwright package is not installed (.venv/bin/pip install playwright)")
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    return start()


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@contextmanager
def chromium() -> Iterator[Any]:
    """A launched browser for a module's tests, closed with its Playwright when they end."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


def axe_source() -> str:
    """axe-core's script, or skip when it has not been installed with npm."""
    if not AXE.is_file():
        pytest.skip(
            f"axe-core is not installed (npm ci --prefix {HERE.relative_to(HERE.parents[1])})"
        )
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, source: str) -> list[dict[str, Any]]:
    """The WCAG 2.2 AA violations axe-core finds on the page as it is now."""
    page.add_script_tag(content=source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as readable lines, for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']}")
        lines.extend(f"    {n['target']}: {n.get('failureSummary', '')}" for n in v["nodes"][:3])
    return "\n".join(lines)


# --- what a built site loads -----------------------------------------------------------------

_LOADING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = _LOADING.get(tag, ())
        for name, value in attrs:
            if value and name in names:
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            if name == "style" and value:
                self.urls.extend(a or b for a, b in _CSS_URL.findall(value))


def external_resources(site_dir: Path) -> list[str]:
    """Every resource a built site's HTML or CSS loads from another host, as 'file: url'.

    Outbound links (<a href>) are not resources: a reader follows them or not.
    """
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            parser = _Resources()
            parser.feed(text)
            urls = parser.urls
            urls += [
                a or b
                for a, b in _CSS_URL.findall(
                    " ".join(re.findall(r"(?s)<style[^>]*>(.*?)</style>", text))
                )
            ]
        else:
            urls = [a or b for a, b in _CSS_URL.findall(text)]
        for url in urls:
            parsed = urlparse(url)
            if parsed.scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{path.relative_to(site_dir)}: {url}")
    return found
