"""`codify site`: the generated MkDocs project, read as an adopter and as a maintainer would.

Builds are real: `mkdocs build --strict` through `codify site --build`, and `zensical build`
when Zensical is installed. The browser tests are in test_site_browser.py.
"""

from __future__ import annotations

import base64
import html as html_module
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import FIXTURE_SPEC, external_resources, write_fixture
from tests.conftest import EXAMPLES, ROOT

# Any attempt to reach the network during a build goes to a closed port and fails at once.
OFFLINE = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
}


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    return write_fixture(tmp_path / "spec")


def pages(out: Path) -> dict[str, str]:
    return {
        str(p.relative_to(out / "docs")): p.read_text(encoding="utf-8")
        for p in sorted((out / "docs").rglob("*.md"))
    }


# --- the project ---------------------------------------------------------------------------------


def test_one_spec_gives_every_page(tmp_path: Path, spec: Path) -> None:
    out = tmp_path / "site"
    code, stdout, _ = run("site", str(spec), "--out", str(out))
    assert code == 0
    assert "Wrote" in stdout and "15 pages for 1 intervention" in stdout
    assert set(pages(out)) == {
        "index.md",
        "keep/index.md",
        "keep/daily-huddle.md",
        "keep/audit-feedback.md",
        "adapt/index.md",
        "adapt/huddle-time.md",
        "adapt/huddle-length.md",
        "roles.md",
        "materials.md",
        "delivery.md",
        "pathway.md",
        "fidelity.md",
        "glossary.md",
        "references.md",
        "downloads.md",
    }
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "font: false" in config  # no Google Fonts
    for feature in ("navigation.tabs", "navigation.sections", "search.highlight"):
        assert f'"{feature}"' in config
    assert '"slate"' in config and '"default"' in config  # light and dark palettes
    assert "privacy" not in config and "social" not in config  # both download at build time
    nav = config[config.index("nav:") :]
    for tab in ("Overview:", "Keep:", "Adapt:", "Deliver:", '"Fidelity checklist":', "Reference:"):
        assert tab in nav
    # The spec itself is offered for download, next to the handbook and checklist.
    assert (out / "docs/files/huddles-2.1.0.yaml").read_bytes() == spec.read_bytes()
    assert (out / "docs/files/materials/card/huddle-card.txt").is_file()
    downloads = pages(out)["downloads.md"]
    for name in ("handbook.html", "checklist.html", "checklist.csv", "huddles-2.1.0.yaml"):
        assert f"[{name}](files/{name})" in downloads
        assert (out / "docs/files" / name).is_file()


def test_every_page_names_the_version_and_marks_core_and_adaptable(
    tmp_path: Path, spec: Path
) -> None:
    out = tmp_path / "site"
    assert run("site", str(spec), "--out", str(out))[0] == 0
    for name, text in pages(out).items():
        assert "<strong>Hand hygiene huddles</strong>, version 2.1.0" in text, name
    found = pages(out)
    core = found["keep/daily-huddle.md"]
    assert '!!! core "Core element: keep it"' in core
    for heading in ("## Function", "## Form", "## Why it is core", "## How it is assessed"):
        assert heading in core
    assert "[1. Huddles are held daily](../fidelity.md#crit-held-daily)" in core
    adaptable = found["adapt/huddle-length.md"]
    assert '!!! adapt "Adaptable element: you may change it"' in adaptable
    # The handbook's wording; 5.0 prints as 5.
    assert "Any value from 5 to 15 minutes." in adaptable
    assert "## Guardrails" in adaptable and '!!! warning "Approval needed"' in adaptable
    # The warning's words are indented under it, so they are inside the box, not after it.
    after = adaptable.split('!!! warning "Approval needed"\n\n', 1)[1]
    assert after.startswith("    ") and "must approve" in after.splitlines()[0]
    # Wherever an element is linked among others, its kind is in words, not colour alone.
    assert "Core: keep</span> [Audit feedback](../keep/audit-feedback.md)" in adaptable
    assert "Adaptable: may change</span> [Time of the huddle]" in core


def test_glossary_terms_become_tooltips_on_the_pages_that_use_them(
    tmp_path: Path, spec: Path
) -> None:
    out = tmp_path / "site"
    assert run("site", str(spec), "--out", str(out))[0] == 0
    huddle = "*[huddle]: A short, standing team meeting.\n"
    emergency = "*[A&E]: Accident and emergency department.\n"
    found = pages(out)
    # The overview uses both terms; each page is given only the terms it uses, so a large
    # glossary does not make every page of a large site longer.
    assert found["index.md"].endswith(huddle + emergency)
    assert found["adapt/huddle-length.md"].endswith("\n\n" + huddle)
    for name, text in found.items():
        body = text.split("\n*[", 1)[0]
        assert (huddle in text) == bool(re.search(r"\bhuddle\b", body)), name
        assert (emergency in text) == ("A&E" in body), name


def test_portfolio_has_a_home_page_and_a_folder_per_intervention(tmp_path: Path) -> None:
    first = write_fixture(tmp_path / "a")
    second = write_fixture(
        tmp_path / "b",
        FIXTURE_SPEC.read_text(encoding="utf-8")
        .replace("id: huddles", "id: safety-cross", 1)
        .replace("name: Hand hygiene huddles", "name: Safety cross", 1)
        .replace("short_name: Huddles", "short_name: Cross", 1)
        .replace("version: 2.1.0", "version: 1.0.0", 1),
    )
    out = tmp_path / "site"
    code, stdout, _ = run("site", str(first), str(second), "--out", str(out))
    assert code == 0, stdout
    found = pages(out)
    assert "index.md" in found and "huddles/keep/daily-huddle.md" in found
    assert "safety-cross/adapt/huddle-time.md" in found
    home = found["index.md"]
    assert "| [Hand hygiene huddles](huddles/index.md) | 2.1.0 |" in home
    assert "| [Safety cross](safety-cross/index.md) | 1.0.0 |" in home
    assert "version 1.0.0" in found["safety-cross/fidelity.md"]
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Interventions"' in config
    # Tabs use the short names; pages keep the full ones.
    assert "- Huddles:" in config and "- Cross:" in config


def test_same_specs_give_the_same_files_and_unchanged_files_are_not_rewritten(
    tmp_path: Path, spec: Path
) -> None:
    def snapshot(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    first, second = tmp_path / "one", tmp_path / "two"
    assert run("site", str(spec), "--out", str(first))[0] == 0
    assert run("site", str(spec), "--out", str(second))[0] == 0
    assert snapshot(first) == snapshot(second)
    stamps = {p: p.stat().st_mtime_ns for p in first.rglob("*") if p.is_file()}
    time.sleep(0.01)
    assert run("site", str(spec), "--out", str(first))[0] == 0
    assert stamps == {p: p.stat().st_mtime_ns for p in first.rglob("*") if p.is_file()}


def test_pages_of_removed_elements_are_removed(tmp_path: Path, spec: Path) -> None:
    out = tmp_path / "site"
    assert run("site", str(spec), "--out", str(out))[0] == 0
    assert (out / "docs/adapt/huddle-time.md").is_file()
    text = spec.read_text(encoding="utf-8")
    start = text.index("  - id: huddle-time")
    end = text.index("  - id: huddle-length")
    spec.write_text(
        (text[:start] + text[end:]).replace("    elements: [huddle-time]\n", ""), encoding="utf-8"
    )
    code, _, stderr = run("site", str(spec), "--out", str(out))
    assert code == 0, stderr
    assert not (out / "docs/adapt/huddle-time.md").exists()
    assert (out / "docs/adapt/huddle-length.md").is_file()


def test_generating_twice_from_a_folder_skips_the_earlier_site(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    write_fixture(folder)
    for _ in range(2):
        code, stdout, stderr = run("site", str(folder), "--out", str(folder / "public"))
        assert code == 0, stderr
        assert "for 1 intervention." in stdout


def test_a_folder_codify_did_not_make_is_never_overwritten(tmp_path: Path, spec: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    code, _, stderr = run("site", str(spec), "--out", str(out))
    assert code == 2
    assert "is not empty and was not made by `codify site`" in stderr
    assert (out / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"


def test_a_page_edited_by_hand_is_not_overwritten(tmp_path: Path, spec: Path) -> None:
    out = tmp_path / "site"
    assert run("site", str(spec), "--out", str(out))[0] == 0
    page = out / "docs" / "adapt" / "huddle-time.md"
    page.write_text("Our own notes on timing.\n", encoding="utf-8")
    code, _, stderr = run("site", str(spec), "--out", str(out))
    assert code == 2
    assert "huddle-time.md was edited since codify wrote it" in stderr
    assert page.read_text(encoding="utf-8") == "Our own notes on timing.\n"


# --- specs that fail the check -------------------------------------------------------------------


def test_a_spec_with_errors_is_refused_with_its_diagnostics_unless_forced(
    tmp_path: Path, spec: Path
) -> None:
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            "core_element: daily-huddle", "core_element: nope"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    code, stdout, stderr = run("site", str(spec), "--out", str(out))
    assert code == 1
    assert re.search(r"intervention\.yaml:\d+:\d+: CR002 ", stderr)
    assert "refusing to generate a site from specs with errors" in stderr and "--force" in stderr
    assert not out.exists() and stdout == ""

    code, stdout, stderr = run("site", str(spec), "--out", str(out), "--force")
    assert code == 0 and "CR002" in stderr
    # The unknown id prints as itself, never as a broken link.
    assert "- `nope`: Choose a time" in (out / "docs/adapt/huddle-time.md").read_text("utf-8")


def test_unreadable_specs_and_bad_paths_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "intervention.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, stderr = run("site", str(broken), "--out", str(tmp_path / "out"))
    assert code == 2 and "intervention.yaml:" in stderr
    code, _, stderr = run("site", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file or folder" in stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, stderr = run("site", str(empty))
    assert code == 2 and "no spec files found" in stderr


def test_quiet_and_not_a_terminal_print_no_progress(tmp_path: Path, spec: Path) -> None:
    code, stdout, stderr = run("site", str(spec), "--out", str(tmp_path / "o"), "-q")
    assert (code, stdout, stderr) == (0, "", "")


def test_help_explains_the_command() -> None:
    code, stdout, _ = run("site", "--help")
    assert code == 0
    for words in (
        "--out",
        "--build",
        "--serve",
        "--force",
        "--engine",
        "Keep",
        "Adapt",
        "Exit codes",
    ):
        assert words in stdout


# --- safety --------------------------------------------------------------------------------------

HOSTILE = {
    "summary: >-": (
        "summary: >-\n"
        "  <script>alert('summary')</script> <img src=x onerror=alert(1)> {{ config }}\n"
        "  [click](javascript:alert(2)) ![pixel](https://tracker.example.org/p.png)\n"
        "  Keep `{{ literal }}` and `<b>code</b>` as written.\n"
        "  "
    ),
    "problem: Hand hygiene compliance drops on busy wards, and audits are not fed back to the team.": (
        "problem: |-\n"
        "  A paragraph with an attribute list.\n"
        '  {: onclick="alert(3)" }\n'
        "\n"
        "  A [reference link][evil].\n"
        "\n"
        "  [evil]: javascript:alert(4)"
    ),
    "name: A daily huddle": "name: A daily </title><script>alert(5)</script> huddle",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        self.hrefs += [v or "" for name, v in attrs if name in ("href", "src")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.mark.slow
def test_spec_text_cannot_inject_html_or_load_from_other_hosts(tmp_path: Path) -> None:
    text = FIXTURE_SPEC.read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text
        text = text.replace(old, new, 1)
    spec = write_fixture(tmp_path / "spec", text)
    out = tmp_path / "site"
    # --force: `codify check` refuses the picture (CR016); the site must be safe regardless.
    code, _, stderr = run("site", str(spec), "--out", str(out), "--build", "--force", env=OFFLINE)
    assert code == 0, stderr
    for page in (out / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        tags = _Tags()
        tags.feed(html)
        assert tags.handlers == [], page
        assert not [h for h in tags.hrefs if h.strip().lower().startswith("javascript:")], page
        assert not [s for s in tags.scripts if "alert(" in s], page
    index = (out / "site/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in index  # shown as text
    shown = html_module.unescape(index)
    assert "{{ config }}" in shown  # printed literally, never evaluated
    # Code spans show their text exactly (written as character references, which no dialect
    # reads as markup), and their tags are text.
    codes = [html_module.unescape(c) for c in re.findall(r"<code>(.*?)</code>", index)]
    assert "{{ literal }}" in codes and "<b>code</b>" in codes
    assert '{: onclick="alert(3)" }' in shown
    # The remote picture is never loaded: spec text can show no picture at all.
    assert not external_resources(out / "site")
    home = _Tags()
    home.feed(index)
    assert not [h for h in home.hrefs if "tracker.example.org" in h]
    core = (out / "site/keep/daily-huddle/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", core, re.S)
    assert title and "<script>" not in title.group(1)


# --- real builds ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_is_strict_offline_and_loads_nothing_from_other_hosts(
    tmp_path: Path, spec: Path
) -> None:
    out = tmp_path / "site"
    code, stdout, stderr = run("site", str(spec), "--out", str(out), "--build", env=OFFLINE)
    assert code == 0, stderr
    assert re.search(r"Built .*site in \d+\.\d s \(mkdocs, strict\)\.", stdout)
    built = out / "site"
    assert (built / "keep/daily-huddle/index.html").is_file()
    assert (built / "search/search_index.json").is_file()
    assert external_resources(built) == []
    core = (built / "keep/daily-huddle/index.html").read_text(encoding="utf-8")
    assert 'class="admonition core"' in core and "version 2.1.0" in core
    assert '<abbr title="A short, standing team meeting.">huddle</abbr>' in core
    assert 'title="Accident and emergency department.">A&amp;E</abbr>' in (
        built / "index.html"
    ).read_text(encoding="utf-8")


@pytest.mark.slow
def test_build_fails_loudly_on_a_warning(tmp_path: Path, spec: Path) -> None:
    overrides = tmp_path / "templates" / "site"
    overrides.mkdir(parents=True)
    source = ROOT / "src/codify/templates/site/roles.md.j2"
    (overrides / "roles.md.j2").write_text(
        source.read_text(encoding="utf-8") + "\n[A broken link](nowhere.md)\n", encoding="utf-8"
    )
    code, _, stderr = run(
        "site", str(spec), "--out", str(tmp_path / "site"), "--build",
        "--templates", str(tmp_path / "templates"),
    )  # fmt: skip
    assert code == 1
    assert "nowhere.md" in stderr and "WARNING" in stderr
    assert "mkdocs build failed in strict mode" in stderr


def _example_ids() -> list[str]:
    return [p.parent.name for p in EXAMPLES]


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=_example_ids())
def test_each_example_builds_strictly(tmp_path: Path, example: Path) -> None:
    out = tmp_path / "site"
    code, _, stderr = run("site", str(example), "--out", str(out), "--build", env=OFFLINE)
    assert code == 0, stderr
    assert external_resources(out / "site") == []


@pytest.mark.slow
def test_the_examples_build_together_as_a_portfolio(tmp_path: Path) -> None:
    if len(EXAMPLES) < 2:
        pytest.skip("needs both examples in examples/")
    out = tmp_path / "site"
    code, stdout, stderr = run(
        "site", *(str(e) for e in EXAMPLES), "--out", str(out), "--build", env=OFFLINE
    )
    assert code == 0, stderr
    assert f"for {len(EXAMPLES)} interventions" in stdout
    home = (out / "site/index.html").read_text(encoding="utf-8")
    for example in EXAMPLES:
        spec_id = re.search(r"(?m)^id: (\S+)", example.read_text(encoding="utf-8"))
        assert spec_id and f'href="{spec_id.group(1)}/"' in home


def _zensical() -> list[str]:
    from codify.site.engine import zensical_command

    command = zensical_command()
    if command is None:
        pytest.skip(
            "Zensical is not installed (pip install zensical, or codify-interventions[zensical])"
        )
    return command


@pytest.mark.slow
def test_the_project_builds_with_zensical_unchanged(tmp_path: Path) -> None:
    command = _zensical()
    specs = [write_fixture(tmp_path / "spec"), *EXAMPLES]
    out = tmp_path / "site"
    assert run("site", *(str(s) for s in specs), "--out", str(out))[0] == 0
    before = (out / "mkdocs.yml").read_bytes()
    build = subprocess.run(
        [*command, "build", "--clean", "--strict"],
        cwd=out,
        capture_output=True,
        text=True,
        env={**os.environ, **OFFLINE},
        timeout=120,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (out / "mkdocs.yml").read_bytes() == before
    assert (out / "site/huddles/keep/daily-huddle/index.html").is_file()
    assert external_resources(out / "site") == []


# --- preview -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_serve_previews_and_regenerates_when_the_spec_changes(
    tmp_path: Path, spec: Path, engine: str
) -> None:
    from codify.site.engine import zensical_command

    if engine == "zensical" and zensical_command() is None:
        pytest.skip("zensical is not installed (pip install 'codify-interventions[zensical]')")
    port = _free_port()
    out = tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "codify", "site", str(spec), "--out", str(out), "--serve",
         "--dev-addr", f"127.0.0.1:{port}", "--engine", engine],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **OFFLINE, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"},
    )  # fmt: skip
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    urllib.request.install_opener(opener)
    try:
        page = f"http://127.0.0.1:{port}/keep/daily-huddle/"
        deadline = time.monotonic() + 30
        body = ""
        while time.monotonic() < deadline:
            try:
                body = _get(page)
                break
            except OSError:
                time.sleep(0.2)
        assert "A ten-minute standing" in body
        # The preview reloads the browser on rebuild (MkDocs by polling, Zensical by WebSocket).
        assert ("livereload" if engine == "mkdocs" else "WebSocket") in body
        spec.write_text(
            spec.read_text(encoding="utf-8").replace(
                "A ten-minute standing", "A twelve-minute standing"
            ),
            encoding="utf-8",
        )
        while time.monotonic() < deadline:
            body = _get(page)
            if "A twelve-minute standing" in body:
                break
            time.sleep(0.3)
        assert "A twelve-minute standing" in body
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        urllib.request.install_opener(urllib.request.build_opener())
        assert process.stdout is not None
        process.stdout.close()


# --- branding ------------------------------------------------------------------------------------


def test_branding_sets_colours_logo_and_organisation(tmp_path: Path, spec: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
        encoding="utf-8",
    )
    settings = tmp_path / "codify.toml"
    settings.write_text(
        '[branding]\norganisation = "Example <Trust>"\nlogo = "logo.svg"\naccent_color = "#ffcc00"\n',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    code, _, stderr = run("site", str(spec), "--out", str(out), "--config", str(settings))
    assert code == 0, stderr
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    # An SVG can carry script, so it is embedded as a picture, never served as a file.
    embedded = base64.b64encode(logo.read_bytes()).decode("ascii")
    assert f'logo: "data:image/svg+xml;base64,{embedded}"' in config
    # The theme prints the copyright as HTML: the organisation's name is text, brackets and all.
    assert (
        'copyright: "Example \u2039Trust\u203a · Hand hygiene huddles, version 2.1.0 · Generated'
        in config
    )
    assert not (out / "docs/assets/logo.svg").exists()
    css = (out / "docs/assets/codify.css").read_text(encoding="utf-8")
    # A yellow header takes dark text; links are darkened until they read on white.
    assert "--md-primary-fg-color: #ffcc00;" in css
    assert "--md-primary-bg-color: #1a1a1a;" in css
    link = re.search(r"--md-typeset-a-color: (#[0-9a-f]{6});", css)
    from codify.site.colours import contrast

    assert link and contrast(link.group(1), "#ffffff") >= 4.5


def test_colours_reach_aa_contrast_for_any_accent() -> None:
    from codify.site.colours import DARK_PAGE, LIGHT_PAGE, contrast, palette

    for accent in ("#005eb8", "#ffcc00", "#ff8800", "#777777", "#000000", "#ffffff", "#0f0"):
        p = palette(accent)
        assert contrast(p.header, p.header_text) >= 4.5, accent
        assert contrast(p.link_light, LIGHT_PAGE) >= 4.5, accent
        assert contrast(p.link_dark, DARK_PAGE) >= 4.5, accent
        assert contrast(p.core_light, LIGHT_PAGE) >= 4.5 and contrast(p.core_dark, DARK_PAGE) >= 4.5


def test_site_command_does_not_import_mkdocs_until_it_builds(tmp_path: Path, spec: Path) -> None:
    code = (
        "import sys; from codify.cli import main\n"
        "try: main(['site', sys.argv[1], '--out', sys.argv[2], '-q'])\n"
        "except SystemExit: pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('mkdocs', 'material')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + code, str(spec), str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
