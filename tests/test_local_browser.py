"""The local handbook and local checklist in a real browser: no WCAG 2.2 AA violation that
axe-core finds, and no page wider than a phone's screen.

Debian's Chromium, driven by Playwright (tests/browser/support.py); both example profiles are
built once. The pages forbid scripts (their Content-Security-Policy), so the browser context
bypasses it to run axe-core, and only axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from codify.localbuild import build_profiles
from tests.browser.support import axe_source, axe_violations, chromium, describe, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

PROFILES = [
    ROOT / "examples" / "raid" / "north-shore.local.yaml",
    ROOT / "examples" / "schwartz_rounds" / "riverside.local.yaml",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("local-browser")
    build_profiles(PROFILES, out)
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    with chromium() as browser:
        context = browser.new_context(viewport=PHONE, bypass_csp=True)
        try:
            yield context.new_page()
        finally:
            context.close()


@pytest.mark.parametrize("name", ["north-shore", "riverside"])
@pytest.mark.parametrize("document", ["local-handbook.html", "local-checklist.html"])
def test_the_local_documents_pass_axe_and_fit_a_phone(
    site: str, page: Any, name: str, document: str
) -> None:
    page.goto(f"{site}/{name}/{document}")
    violations = axe_violations(page, axe_source())
    assert violations == [], describe(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{document} is {width}px wide on a phone"
