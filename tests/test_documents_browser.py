"""The handbook and the fidelity checklist in a real browser, on a phone and on a desktop: no
WCAG 2.2 AA violation that axe-core finds.

On a phone every table scrolls sideways inside its own box (handbook/base.css), and a box that
scrolls must be reachable by keyboard, so each table is focusable. Debian's Chromium, driven by
Playwright (tests/browser/support.py); both examples are built once. The pages forbid scripts
(their Content-Security-Policy), so the browser context bypasses it to run axe-core, and only
axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from codify import api
from tests.browser.support import axe_source, axe_violations, chromium, describe, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("documents-browser")
    api.build_documents(ROOT / "examples", out)
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("example", ["raid", "schwartz-rounds"])
@pytest.mark.parametrize("document", ["handbook.html", "checklist.html"])
def test_the_documents_pass_axe_on_every_screen(
    built: str, browser: Any, screen: str, example: str, document: str
) -> None:
    context = browser.new_context(viewport=SCREENS[screen], bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(f"{built}/{example}/{document}")
        violations = axe_violations(page, axe_source())
        assert violations == [], describe(violations)
    finally:
        context.close()
