"""The site's checklist page in a real browser: a reviewer rates by keyboard, sees the total,
the band and a must-pass failure as they go, downloads the assessment, and `codify score`
accepts both downloads with the same total.

Debian's Chromium, driven by Playwright as in tests/test_site_browser.py (one browser for the
module, from tests/browser/support.py); the RAID example's site is built once and served from
127.0.0.1, and any request elsewhere is recorded and fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import axe_source, axe_violations, chromium, describe, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
expect = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
).expect

SPEC = ROOT / "examples" / "raid" / "intervention.yaml"
# One rating per RAID criterion in checklist order (tests/test_score.py): total 41, a band
# that meets the standard. Items 7 and 11 are yes/no.
GOOD = [5, 4, 4, 5, 5, 4, 1, 5, 3, 4, 1]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("checklist-site") / "site"
    result = CliRunner().invoke(cli, ["site", str(SPEC), "--out", str(out), "--build", "-q"])
    assert result.exit_code == 0, result.output
    with serve(out / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as opened:
        yield opened


def rate(page: Any, criterion: str, rating: int) -> None:
    """Rate one criterion from the keyboard: Space picks the group's first radio button, and
    each arrow press moves to (and picks) the next, as a screen-reader user would."""
    group = page.locator(f'fieldset[data-criterion="{criterion}"] input[type=radio]')
    values = [int(v) for v in group.evaluate_all("els => els.map(e => e.value)")]
    group.first.focus()
    page.keyboard.press("Space")
    for _ in range(values.index(rating)):
        page.keyboard.press("ArrowRight")
    expect(group.nth(values.index(rating))).to_be_checked()


def download(page: Any, button: str, folder: Path) -> Path:
    """Press a download button with Enter and keep the file it gives."""
    page.get_by_role("button", name=button).focus()
    with page.expect_download() as started:
        page.keyboard.press("Enter")
    got = started.value
    path = folder / got.suggested_filename
    got.save_as(path)
    return path


def score(path: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["score", "--format", "json", "--spec", str(SPEC), str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output)


def test_a_reviewer_rates_by_keyboard_and_codify_scores_the_downloads(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith((site_url, "blob:", "data:")) else elsewhere.append(r.url)
        ),
    )
    page.goto(site_url + "fidelity/")
    result = page.locator(".codify-scorer-result")
    expect(result).to_have_attribute("aria-live", "polite")
    expect(result).to_have_text("0 of 11 criteria rated; total so far 0.")

    # Who and when, typed; evidence with text a spreadsheet or a page must not run.
    page.get_by_label("Site assessed").focus()
    page.keyboard.type("St Elsewhere's </script> =HYPERLINK(1)")
    page.get_by_label("Date of the assessment").focus()
    page.keyboard.type("03012027")  # the date field, as typed in an en-US browser: mm dd yyyy
    page.get_by_label("Evidence for 9").fill('=1+1, "quoted", and\na second line')

    criteria = page.locator("fieldset[data-criterion]").evaluate_all(
        "els => els.map(e => e.dataset.criterion)"
    )
    assert len(criteria) == len(GOOD)
    for criterion, rating in zip(criteria[:-1], GOOD[:-1], strict=True):
        rate(page, criterion, rating)
    expect(result).to_contain_text("10 of 11 criteria rated; total so far 40.")
    rate(page, criteria[-1], GOOD[-1])
    expect(result).to_contain_text("Total 41 (possible 9 to 47).")
    expect(result).to_contain_text("Band: RAID model in place.")
    expect(result).to_contain_text("Meets the standard.")
    page.screenshot(path=tmp_path / "rated.png", full_page=True)

    # ED response to 3, below its must-pass minimum of 4: shown at once, the standard not met.
    rate(page, "c_ed_response", 3)
    expect(result).to_contain_text("Below the must-pass minimum: 2. Emergency department")
    expect(result).to_contain_text("Does not meet the standard.")
    expect(page.locator('fieldset[data-criterion="c_ed_response"]')).to_have_class(
        "codify-rating codify-below"
    )
    rate(page, "c_ed_response", 4)
    expect(result).to_contain_text("Meets the standard.")

    yaml_file = download(page, "Download the assessment (YAML)", tmp_path)
    csv_file = download(page, "Download the assessment (CSV)", tmp_path)
    assert yaml_file.name == "assessment-raid-2027-03-01.yaml"
    assert csv_file.name == "assessment-raid-2027-03-01.csv"
    for path in (yaml_file, csv_file):
        code, data = score(path)
        assert code == 0, data["diagnostics"]
        assert data["diagnostics"] == [], data["diagnostics"]
        assert (data["total"], data["band"], data["meets_standard"]) == (
            41,
            "RAID model in place",
            True,
        )
        assert data["site"] == "St Elsewhere's </script> =HYPERLINK(1)"
        assert data["date"] == "2027-03-01"
    # The CSV protects the site and the evidence from formula evaluation, as codify build's does.
    text = csv_file.read_text(encoding="utf-8-sig")
    assert '"\'=1+1, ""quoted"", and\na second line"' in text

    # The page after rating has no serious accessibility problem.
    violations = axe_violations(page, axe_source())
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, describe(serious)
    assert errors == [] and elsewhere == []
    context.close()


def test_leaving_with_ratings_not_downloaded_asks_first(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    """The ratings live in the page alone: leaving it before they are downloaded asks the
    reviewer, and once they are downloaded (or before any is made) it does not."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.goto(site_url + "fidelity/")
    page.reload()  # nothing rated yet: no question
    assert asked == []

    criterion = page.locator("fieldset[data-criterion]").first.get_attribute("data-criterion")
    rate(page, criterion, GOOD[0])
    with page.expect_event("dialog"):
        page.close(run_before_unload=True)
    assert asked == ["beforeunload"] and not page.is_closed()

    download(page, "Download the assessment (YAML)", tmp_path)
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    assert asked == ["beforeunload"]
    context.close()


def test_without_javascript_the_page_is_the_printable_form(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "fidelity/")
    assert page.locator("fieldset[data-criterion] legend").count() == len(GOOD)
    assert page.locator(".codify-rating input[type=radio]").first.is_visible()
    # The scorer and its evidence boxes need the script, so without it they are not shown.
    assert not page.locator(".codify-scorer").is_visible()
    assert not page.locator(".codify-evidence").first.is_visible()
    # The data the script reads is JSON in an attribute, not a script that runs.
    data = json.loads(page.locator("[data-codify-scoring]").get_attribute("data-codify-scoring"))
    assert [c["id"] for c in data["criteria"]][:2] == ["c_round_the_clock", "c_ed_response"]
    context.close()
