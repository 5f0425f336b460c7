"""A site for a file share (`[tool.codify.site] file_share`), opened from file:// in Chromium.

Many NHS staff reach a team's documents through a shared drive, not a web server. There a
link to a folder opens a listing of it and the theme's search cannot fetch its index, so the
setting makes pages link to page files and adds Material's offline plugin. The browser test
opens the built site's index.html straight from disk, follows the navigation and searches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from codify.cli import cli
from codify.config import ConfigError, load_config
from tests.browser.support import UNIQUE_PAGE, UNIQUE_WORD, chromium, write_fixture

SETTINGS = '[site]\nfile_share = true\nsite_url = "https://intranet.example.nhs.uk/huddles/"\n'


def _site(root: Path, settings: str | None, build: bool) -> Path:
    """`codify site` on the fixture spec with these settings; the output folder."""
    spec = write_fixture(root / "spec")
    args = ["site", str(spec), "--out", str(root / "out"), "-q"]
    if settings is not None:
        (root / "codify.toml").write_text(settings, encoding="utf-8")
        args += ["--config", str(root / "codify.toml")]
    if build:
        args.append("--build")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return root / "out"


def test_the_switch_writes_the_offline_settings(tmp_path: Path) -> None:
    config = YAML(typ="safe").load(_site(tmp_path, SETTINGS, build=False) / "mkdocs.yml")
    assert config["use_directory_urls"] is False
    assert "offline" in config["plugins"]
    assert config["site_url"] == "https://intranet.example.nhs.uk/huddles/"


def test_without_settings_the_site_is_for_a_web_server(tmp_path: Path) -> None:
    config = YAML(typ="safe").load(_site(tmp_path, None, build=False) / "mkdocs.yml")
    assert "use_directory_urls" not in config and "site_url" not in config
    assert "offline" not in config["plugins"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("[site]\nfile_share = 'yes'\n", "site.file_share: expected true or false, got a string"),
        ("[site]\nsite_url = 'intranet/huddles'\n", "is not an http or https address"),
        ("[site]\nsite_url = 'https://x.org/\"><script>'\n", "is not an http or https address"),
        ("[site]\nfileshare = true\n", "site.fileshare: unknown setting; did you mean"),
        ("site = 1\n", "site: expected a table"),
    ],
)
def test_bad_site_settings_are_refused_with_their_place(
    tmp_path: Path, settings: str, message: str
) -> None:
    path = tmp_path / "codify.toml"
    path.write_text(settings, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path)


@pytest.mark.slow
def test_a_built_file_share_site_has_a_sitemap_and_no_folder_links(tmp_path: Path) -> None:
    site = _site(tmp_path, SETTINGS, build=True) / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://intranet.example.nhs.uk/huddles/keep/index.html</loc>" in sitemap
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # Every link to a page of the site names its file; "keep/" would open a folder listing.
        local = re.findall(r'href="((?![a-z]+:|#)[^"]*)"', html)
        folders = [link for link in local if link.split("#")[0].endswith("/")]
        assert folders == [], f"{page.relative_to(site)} links to folders: {folders[:5]}"
    assert (site / "search" / "search_index.js").is_file()  # the index the offline plugin adds


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as opened:
        yield opened


@pytest.mark.slow
def test_a_reader_opens_the_site_from_a_file_share_and_searches(
    browser: Any, tmp_path: Path
) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    site = _site(tmp_path, SETTINGS, build=True) / "site"
    home = (site / "index.html").as_uri()
    base = site.as_uri()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else 0)
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "data:", "blob:")) else elsewhere.append(r.url),
    )
    page.goto(home)
    page.screenshot(path=tmp_path / "home.png")

    # The navigation leads to page files, which open as pages from the disk.
    page.locator(".md-tabs").get_by_role("link", name="Keep", exact=True).click()
    page.wait_for_url(f"{base}/keep/index.html")
    page.locator(".md-sidebar--primary").get_by_role("link", name="A daily huddle").click()
    page.wait_for_url(f"{base}/keep/daily-huddle.html")
    expect(page.locator("h1").first).to_contain_text("A daily huddle")

    # The search works without a server: the word only one adaptable element uses finds it.
    search = page.locator(".md-search__input")
    search.click()
    page.keyboard.type(UNIQUE_WORD, delay=20)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    matched = results.and_(page.locator(f'[href*="h={UNIQUE_WORD}"]'))
    expect(matched).to_have_count(1)
    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")
    page.screenshot(path=tmp_path / "search.png")
    matched.click()
    target = UNIQUE_PAGE.rstrip("/") + ".html"
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/{re.escape(target)}\?h={UNIQUE_WORD}"))
    expect(page.locator(".md-content mark", has_text=UNIQUE_WORD)).to_have_count(1)

    assert errors == []
    assert elsewhere == []
    page.close()
