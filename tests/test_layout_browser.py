"""The handbook, the checklist and every page of the built site fit a phone's screen.

At 390 x 844 CSS pixels (a common phone) no page may be wider than the screen: a wide table
scrolls inside its own box, a long web address wraps. Debian's Chromium is driven by
Playwright, as in test_site_browser.py; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import launch, serve, sync_playwright
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}

# The outermost elements whose right edge is past the screen's, as "tag#id.class (right px)".
# One inside a box that scrolls or clips sideways is that box's business, not the page's.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const found = [];
  for (const e of document.body.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5 || clipped(e)) continue;
    if (found.some((f) => f.contains(e))) continue;
    found.push(e);
  }
  return found.slice(0, 5).map((e) => {
    const cls = typeof e.className === "string" && e.className.trim()
      ? "." + e.className.trim().split(/\\s+/).join(".") : "";
    return `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${cls}`
      + ` (right ${Math.round(e.getBoundingClientRect().right)}px)`;
  });
}"""


# Welsh words run longer than English ones: both must fit.
@pytest.fixture(scope="module", params=["en", "cy"])
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """Both bundled examples as documents (docs/<example>/) and as a site (site/)."""
    language = ["--language", request.param]
    root = tmp_path_factory.mktemp(f"layout-{request.param}")
    for example in EXAMPLES:
        out = root / "docs" / example.parent.name
        result = CliRunner().invoke(
            cli, ["build", str(example), "--out", str(out), "-q", *language]
        )
        assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        cli,
        [
            "site",
            *(str(e) for e in EXAMPLES),
            "--out",
            str(root / "portfolio"),
            "--build",
            "-q",
            *language,
        ],
    )
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def phone(built: Path) -> Iterator[tuple[Any, str]]:
    """One page in one browser at the phone's size, and the base URL `built` is served at."""
    with sync_playwright() as playwright, serve(built) as url:
        browser = launch(playwright)
        try:
            yield browser.new_page(viewport=PHONE, device_scale_factor=1), url
        finally:
            browser.close()


def too_wide(page: Any, url: str) -> str | None:
    """Why the page at `url` is wider than the phone's screen, or None when it fits."""
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return None
    culprits = page.evaluate(OVERFLOWING)
    return f"{width}px wide: " + (", ".join(culprits) or "no single element found")


def test_the_handbook_and_checklist_fit_a_phone(built: Path, phone: tuple[Any, str]) -> None:
    page, base = phone
    documents = sorted((built / "docs").glob("*/*.html"))
    assert {d.name for d in documents} == {"handbook.html", "checklist.html"}
    assert len(documents) == 2 * len(EXAMPLES)
    wide = {}
    for document in documents:
        path = document.relative_to(built).as_posix()
        reason = too_wide(page, base + path)
        if reason:
            wide[path] = reason
    assert not wide, "wider than a phone:\n" + "\n".join(f"  {p}: {r}" for p, r in wide.items())


def test_every_page_of_the_site_fits_a_phone(built: Path, phone: tuple[Any, str]) -> None:
    page, base = phone
    site = built / "portfolio" / "site"
    pages = sorted(p.relative_to(built).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 20 * len(EXAMPLES), "every page of both examples' sites"
    wide = {}
    for path in pages:
        reason = too_wide(page, base + path)
        if reason:
            wide[path] = reason
    assert not wide, "wider than a phone:\n" + "\n".join(f"  {p}: {r}" for p, r in wide.items())
