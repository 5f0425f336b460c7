"""The printer's browser: its tabs are opened as it starts, each shown in a window of its
own, and it runs no page but the ones it prints.

A build prints while it renders, on a machine that may have two cores; what Chromium does
besides printing (making a window, the omnibox's pop-up page, a tab in the background run at
a lower priority) is time taken from the prints. Skipped without Chromium.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from codify import api
from codify.documents import pdf
from codify.documents.pdf import Browser, PdfEngine, Tab, find_chromium
from tests.conftest import EXAMPLES

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium: apt install chromium"),
    pytest.mark.skipif(not pdf.PIPE_SUPPORTED, reason="one browser for many pages: not Windows"),
]
PAGE = "<!doctype html><html><head><title>t</title></head><body><p>A page.</p></body></html>"


def _tabs_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread that opens each tab of the browser, from here on."""
    opened: list[str] = []
    open_tab = Browser.open_tab

    def noting(self: Browser) -> Tab:
        opened.append(threading.current_thread().name)
        return open_tab(self)

    monkeypatch.setattr(Browser, "open_tab", noting)
    return opened


def test_the_tabs_are_opened_as_the_browser_starts_not_when_the_pages_come(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert CHROMIUM is not None
    opened = _tabs_opened(monkeypatch)
    with PdfEngine("chromium", CHROMIUM).printer() as printer:
        printer.workers = 2
        printer.warm_up()
        printed = printer.render_all([PAGE, PAGE, PAGE])
        assert printer.launches == 1
    assert all(data.startswith(b"%PDF") for data in printed)
    # One tab for each printing thread, opened by the thread that started the browser.
    assert len(opened) == 2
    assert all(name.startswith("codify-chromium-start") for name in opened)


def test_one_page_alone_opens_one_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    assert CHROMIUM is not None
    opened = _tabs_opened(monkeypatch)
    assert PdfEngine("chromium", CHROMIUM).render(PAGE).startswith(b"%PDF")
    assert len(opened) == 1


def test_the_browser_runs_no_page_but_the_ones_it_prints() -> None:
    assert CHROMIUM is not None
    browser = Browser(CHROMIUM)
    try:
        tab = browser.open_tab()
        tab.print_pdf(PAGE)
        targets = browser.call("Target.getTargets", {"filter": [{}]})["targetInfos"]
        urls = {str(t["url"]) for t in targets}
        # No omnibox pop-up or other page of Chromium's own (chrome://...).
        assert urls and all(u.startswith(("file:", "about:")) for u in urls), urls
    finally:
        browser.close()


def test_a_tab_lays_pages_out_for_print_from_the_start_and_prints_the_same_bytes(
    tmp_path: Path,
) -> None:
    # The tab emulates print media so that a page is not laid out for the screen first; what
    # it prints must not change for it. The example's handbook has every kind of block.
    assert CHROMIUM is not None
    api.build_documents(EXAMPLES[0], tmp_path, only="handbook")
    html = (tmp_path / "handbook.html").read_text(encoding="utf-8")
    browser = Browser(CHROMIUM)
    try:
        tab = browser.open_tab()
        printed = tab.print_pdf(html)
        browser.call("Emulation.setEmulatedMedia", {"media": ""}, tab.session)
        on_screen = tab.print_pdf(html)
    finally:
        browser.close()
    assert printed.startswith(b"%PDF") and pdf.page_count(printed) > 10
    assert pdf.fixed_dates(printed) == pdf.fixed_dates(on_screen)  # Chromium stamps the time


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads priorities in /proc")
def test_two_tabs_print_at_the_priority_of_the_build() -> None:
    assert CHROMIUM is not None
    page = PAGE.replace("<p>A page.</p>", "<p>A paragraph of a longer page.</p>" * 3000)
    browser = Browser(CHROMIUM)
    try:
        tabs = [browser.open_tab(), browser.open_tab()]
        threads = [threading.Thread(target=tab.print_pdf, args=(page,)) for tab in tabs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The two renderers that printed are the two busiest; Chromium may keep a spare one.
        busiest = sorted(_renderers(browser), reverse=True)[:2]
        assert len(busiest) == 2, "no renderers of this browser found"
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert all(nice <= ours for _, nice in busiest), busiest
    finally:
        browser.close()


def _renderers(browser: Browser) -> list[tuple[int, int]]:
    """The CPU time used and the nice value of each renderer process of `browser`."""
    profile = str(browser._folder).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if profile in command and b"--type=renderer" in command:
            fields = stat[stat.rindex(")") + 2 :].split()
            found.append((int(fields[11]) + int(fields[12]), int(fields[16])))
    return found
