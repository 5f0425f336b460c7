"""The built replication site in a real browser: navigation, search, console, accessibility.

Debian's Chromium (/usr/bin/chromium) is driven by Playwright; nothing is downloaded. The site
is the portfolio of the fixture spec and the bundled examples, built by `codify site --build`
and served from 127.0.0.1. Screenshots land in each test's tmp_path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import (
    UNIQUE_PAGE,
    UNIQUE_WORD,
    axe_source,
    axe_violations,
    chromium,
    describe,
    serve,
    write_fixture,
)
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow
# Auto-waiting assertions; without the package every test here is skipped, as support.py says.
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portfolio site, built strictly and served on localhost."""
    root = tmp_path_factory.mktemp("browser-site")
    specs = [write_fixture(root / "spec"), *EXAMPLES]
    out = root / "site"
    result = CliRunner().invoke(
        cli, ["site", *(str(s) for s in specs), "--out", str(out), "--build", "-q"]
    )
    assert result.exit_code == 0, result.output
    with serve(out / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def title(page: Any) -> Any:
    """The page's title: its first level-one heading."""
    return page.locator("h1").first


def heading_text(text: str) -> re.Pattern[str]:
    """A heading's text as a reader sees it, with or without the permalink sign after it."""
    return re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$")


class Watched:
    """A page whose console errors and requests to other hosts are recorded."""

    def __init__(self, browser: Any, base: str, scheme: str = "light") -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        self.errors: list[str] = []
        self.elsewhere: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((base, "data:", "blob:"))
                else self.elsewhere.append(request.url)
            ),
        )

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def close(self) -> None:
        self.page.close()


def test_a_reader_finds_a_core_element_and_searches_an_adaptation(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    # Every check below waits for what it expects (Playwright's `expect` retries until its
    # timeout): the theme renders search results and highlights words from scripts that run
    # after the page has loaded, so a check made at once would race them.
    watched = Watched(browser, site_url)
    page = watched.page
    page.goto(site_url)
    page.screenshot(path=tmp_path / "home.png")
    expect(title(page)).to_have_text(heading_text("Interventions"))

    # Follow the navigation: the intervention's tab, then a core element in the sidebar.
    page.locator(".md-tabs").get_by_role("link", name="Huddles", exact=True).click()
    page.wait_for_url("**/huddles/")
    page.locator(".md-sidebar--primary").get_by_role("link", name="A daily huddle").click()
    page.wait_for_url("**/huddles/keep/daily-huddle/")
    expect(title(page)).to_have_text(heading_text("A daily huddle"))
    expect(page.locator(".admonition.core .admonition-title")).to_have_text("Core element: keep it")
    expect(page.locator(".codify-version")).to_contain_text("version 2.1.0")
    page.screenshot(path=tmp_path / "core.png", full_page=True)

    # Search for a word that only one adaptable element uses; that page is the result.
    search = page.locator(".md-search__input")
    search.click()
    page.keyboard.type(UNIQUE_WORD, delay=20)  # as typed: the theme listens for key presses
    expect(search).to_have_value(UNIQUE_WORD)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    # The theme searches again after each key press; the results for the whole word are the
    # ones whose section link asks the page to highlight it. Wait for those, not for the first
    # list to appear, which may answer a prefix typed on the way.
    matched = results.and_(page.locator(f'[href*="h={UNIQUE_WORD}"]'))
    expect(matched).to_have_count(1)
    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")
    elsewhere = results.and_(page.locator(f':not([href*="huddles/{UNIQUE_PAGE}"])'))
    expect(elsewhere).to_have_count(0)
    page.screenshot(path=tmp_path / "search.png")
    # The section that matched, with the word highlighted (search.highlight).
    matched.click()
    page.wait_for_url(f"**/huddles/{UNIQUE_PAGE}?h={UNIQUE_WORD}**")
    expect(title(page)).to_have_text(heading_text("Length of the huddle"))
    expect(page.locator(".admonition.adapt")).to_have_count(1)
    marks = page.locator(".md-content mark", has_text=UNIQUE_WORD)
    expect(marks).to_have_count(1)  # the word appears once, in the element's guidance
    expect(marks).to_be_visible()
    expect(marks).to_have_text(UNIQUE_WORD)

    # A glossary term shows its meaning as a tooltip.
    term = page.locator("abbr", has_text="huddle").first
    expect(term).to_have_attribute("title", "A short, standing team meeting.")

    assert watched.errors == []
    assert watched.elsewhere == []
    watched.close()


PAGES = {
    "home": "",
    "core-element": "schwartz-rounds/keep/story-then-reflection/",
    "checklist": "huddles/fidelity/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(
    browser: Any, site_url: str, tmp_path: Path, scheme: str
) -> None:
    source = axe_source()
    pages = dict(PAGES)
    if not any(e.parent.name == "schwartz_rounds" for e in EXAMPLES):
        pages["core-element"] = "huddles/keep/daily-huddle/"
    failures = []
    for name, path in pages.items():
        watched = Watched(browser, site_url, scheme)
        watched.page.goto(site_url + path)
        watched.page.wait_for_load_state("networkidle")
        watched.page.screenshot(path=tmp_path / f"{name}-{scheme}.png", full_page=name == "home")
        violations = axe_violations(watched.page, source)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            failures.append(f"{path or '/'} ({scheme}):\n{describe(serious)}")
        assert watched.errors == [], watched.errors
        assert watched.elsewhere == [], watched.elsewhere
        watched.close()
    assert not failures, "\n".join(failures)


def test_the_checklist_prints_with_its_form_controls_and_without_navigation(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    watched = Watched(browser, site_url)
    page = watched.page
    page.goto(site_url + "huddles/fidelity/")
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "checklist-print.png", full_page=True)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-tabs").is_visible()
    # Each criterion is a group of radio buttons: yes and no (2), or one per anchor (3).
    assert page.locator(".codify-rating input[type=radio]").first.is_visible()
    assert page.locator(".codify-rating input[type=radio]").count() == 5
    # Every form control has a label a screen reader can announce.
    for control in page.locator(".md-content input").all():
        assert control.evaluate("e => e.labels.length") == 1
    assert "version 2.1.0" in page.locator(".codify-version").inner_text()
    watched.close()
