"""The network report in a real browser: no WCAG 2.2 AA violation that axe-core finds, every
chart drawn at its size, and nothing but the page itself loaded.

Debian's Chromium, driven by Playwright (tests/browser/support.py). The report forbids
scripts (its Content-Security-Policy), so the browser context bypasses it to run axe-core,
and only axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import axe_source, axe_violations, chromium, describe, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("network-browser")
    for name in ("raid", "schwartz_rounds"):
        network = ROOT / "examples" / name / "network"
        result = CliRunner().invoke(cli, ["network", str(network), "--out", str(out / name)])
        assert result.exit_code == 0, result.output
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        yield context.new_page()
        context.close()


@pytest.mark.parametrize("name", ["raid", "schwartz_rounds"])
def test_the_report_has_no_accessibility_violation_and_loads_nothing_else(
    report: str, page: Any, name: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{report}/{name}/report.html")
    assert [u for u in requested if not u.endswith(f"/{name}/report.html")] == []
    violations = axe_violations(page, axe_source())
    assert violations == [], describe(violations)
    # Every chart is drawn, at a size a reader can see, and is named for assistive technology.
    charts = page.locator("svg[role=img]")
    # An XmR chart per site, the heat map, and a funnel plot per charted measure.
    assert charts.count() == {"raid": 6 + 1 + 2, "schwartz_rounds": 6 + 1 + 1}[name]
    for i in range(charts.count()):
        chart = charts.nth(i)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100
        label = chart.evaluate(
            "svg => svg.getAttribute('aria-labelledby').split(' ')"
            ".map(id => document.getElementById(id).textContent).join(' ')"
        )
        assert len(label) > 20
