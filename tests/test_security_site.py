"""`codify site` with hostile specs and settings: nothing from them runs, or breaks the site.

Every test runs the real CLI and, where a page is judged, a real `mkdocs build --strict`; the
built HTML is read with Python's HTML parser, which decodes character references in attribute
values as a browser does. The preview tests run `codify site --serve` as a subprocess.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from click.testing import CliRunner

from codify.cli import cli
from tests.browser.support import FIXTURE_SPEC, write_fixture
from tests.conftest import run_unprivileged

posix_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX processes")
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
# What a browser accepts as the scheme of a link target once it has decoded the attribute.
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def run_process(*args: str, timeout: float = 60) -> tuple[int, str]:
    """`codify ARGS` in a fresh process, for commands that would block if they went wrong."""
    done = subprocess.run(
        [sys.executable, "-m", "codify", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stderr


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """`codify ARGS`: the exit code and stderr, asserting it ended without a traceback."""
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stderr


def fixture() -> dict[str, Any]:
    """The site tests' fixture spec, as data to make hostile (read as codify reads YAML)."""
    from codify.loader import load_text

    data: dict[str, Any] = load_text(FIXTURE_SPEC.read_text(encoding="utf-8")).data
    return data


def write(folder: Path, data: dict[str, Any]) -> Path:
    """The spec as JSON (which is YAML), every character YAML does not allow raw escaped."""
    text = json.dumps(data, indent=1, ensure_ascii=False)
    text = re.sub(
        "[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m[0]):04x}", text
    )
    return write_fixture(folder, text)


def build(spec: Path | list[Path], out: Path, *extra: str) -> str:
    """`codify site --build --force` (the hostile specs fail the check on purpose); stderr."""
    specs = [spec] if isinstance(spec, Path) else spec
    code, stderr = run(
        "site", *map(str, specs), "--out", str(out), "--build", "--force", *extra, env=OFFLINE
    )
    assert code == 0, stderr
    return stderr


class Page(HTMLParser):
    """What a built page holds that could run or mislead: handlers, links, scripts, titles."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name.startswith("on") or name in ("autofocus", "formaction", "srcdoc"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "data", "poster"):
                self.links.append(value or "")
        self._in = tag if tag in ("script", "title") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "title":
            self.title += data


def read(page: Path) -> Page:
    parsed = Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def browser_scheme(href: str) -> str | None:
    """The scheme a browser reads from a decoded href: controls and spaces around it dropped,
    tabs and newlines inside it removed (the URL standard's own steps)."""
    value = re.sub(r"[\t\n\r]", "", href.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                               "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                               "\x19\x1a\x1b\x1c\x1d\x1e\x1f \t\n\r"))  # fmt: skip
    m = SCHEME.match(value)
    return m.group(1).lower() if m else None


def assert_nothing_runs(site_dir: Path) -> None:
    """No page of the built site has an event handler, a script from spec text or a bad link."""
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        parsed = read(page)
        assert parsed.handlers == [], page
        assert not [s for s in parsed.scripts if "alert" in s], page
        bad = [h for h in parsed.links if browser_scheme(h) not in (None, *SAFE_SCHEMES)]
        assert bad == [], (page, bad)
        assert "<" not in parsed.title and "alert" not in parsed.title.replace("alert(", ""), page


def header_names(page: Path) -> list[str]:
    """The site's name as the header's logo link carries it: its title and aria-label."""
    parsed = read(page)
    return [
        v for tag, name, v in parsed.attributes if tag == "a" and name in ("title", "aria-label")
    ][:2]


# --- 1. names and titles in the theme's attributes ------------------------------------------------

BREAKOUT = '" onfocus="alert(1)" autofocus x="'


@pytest.mark.slow
def test_a_name_cannot_break_out_of_the_themes_attributes(tmp_path: Path) -> None:
    data = fixture()
    data["name"] = f"The {BREAKOUT} huddles"
    data["short_name"] = f"Tab {BREAKOUT}"
    data["core_elements"][0]["name"] = (
        f"Element {BREAKOUT} &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
    )
    data["adaptable_elements"][0]["name"] = "Time </title><script>alert(3)</script> & 'x'"
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    assert_nothing_runs(out / "site")
    # The page's title, decoded as the browser shows it, keeps the words and opens no tag.
    core = read(out / "site/keep/daily-huddle/index.html")
    assert core.title.startswith("Element \u201c onfocus=\u201dalert(1)\u201d autofocus x=\u201d")
    assert "\u2039/title\u203a\u2039script\u203a" in core.title


@pytest.mark.slow
@pytest.mark.parametrize("carrier", ["--title", "organisation"])
def test_a_title_or_organisation_cannot_break_out_of_the_header(
    tmp_path: Path, carrier: str
) -> None:
    first = write(tmp_path / "a", fixture())
    second_data = fixture()
    second_data["id"] = "second"
    second = write(tmp_path / "b", second_data)
    hostile = f"North {BREAKOUT} &lt;img src=x onerror=alert(4)&gt;"
    extra: list[str] = []
    if carrier == "--title":
        extra = ["--title", hostile]
    else:
        settings = tmp_path / "codify.toml"
        settings.write_text(f"[branding]\norganisation = {json.dumps(hostile)}\n", "utf-8")
        extra = ["--config", str(settings)]
    out = tmp_path / "site"
    build([first, second], out, *extra)  # a portfolio: the organisation names the site
    assert_nothing_runs(out / "site")
    for name in header_names(out / "site/index.html"):
        assert name.startswith("North \u201c onfocus="), name
        assert "<" not in name and '"' not in name


@pytest.mark.slow
def test_an_ordinary_name_with_quotes_and_an_ampersand_reads_as_written(tmp_path: Path) -> None:
    data = fixture()
    data["name"] = 'The "Big Conversation" & R&D'
    data["core_elements"][1]["name"] = "Audit & feedback"
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    # Neither double-escaped (&amp;amp;) nor broken markup: the header says it in words.
    for name in header_names(out / "site/index.html"):
        assert name.replace("\u2060", "") == "The \u201cBig Conversation\u201d & R&D", name
    previous = read(out / "site/keep/daily-huddle/index.html")
    labels = [v for tag, n, v in previous.attributes if n == "aria-label" and "Next" in v]
    assert labels == ["Next: Audit & feedback"]


# --- 2. link targets in any spelling -------------------------------------------------------------

DANGEROUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript&colon;alert(1)",
    "java&#115;cript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&#x3a;alert(1)",
    "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    " \x01javascript:alert(1)",
    "%6Aavascript:alert(1)",
    "javascript%3Aalert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]


@pytest.mark.slow
def test_no_spelling_of_a_dangerous_url_becomes_a_link(tmp_path: Path) -> None:
    data = fixture()
    base = data["references"][0]
    data["references"] = [
        {**copy.deepcopy(base), "id": f"ref-{i}", "url": url} for i, url in enumerate(DANGEROUS)
    ]
    data["materials"][0]["url"] = DANGEROUS[2]
    data["licence"]["url"] = DANGEROUS[3]
    data["owners"][0]["url"] = DANGEROUS[4]
    data["owners"][0]["email"] = "x@example.org?body=javascript:alert(1)"
    data["evidence"] = [{**data["evidence"][0], "reference": "ref-0"}]
    data["core_elements"][0]["evidence"] = ["ref-0"]
    data["adaptable_elements"][0]["examples"][0]["reference"] = "ref-0"
    data["outcomes"][0]["references"] = ["ref-0"]
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    assert_nothing_runs(out / "site")


@pytest.mark.slow
def test_a_safe_url_with_brackets_and_spaces_stays_one_link(tmp_path: Path) -> None:
    data = fixture()
    data["references"][0]["url"] = 'https://example.org/a b)c>d"e<f [g](javascript:alert(1))'
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    refs = read(out / "site/references/index.html")
    wanted = "https://example.org/a%20b%29c%3Ed%22e%3Cf%20%5Bg%5D%28javascript:alert%281%29%29"
    assert wanted in refs.links
    assert_nothing_runs(out / "site")


# --- 3. materials are files, never pages ---------------------------------------------------------

MATERIAL_FILES = {
    "guide.md": '# Guide\n\n<script>alert("md")</script>\n{{ config.site_name }}\n',
    "Notes.MARKDOWN": "<script>alert('upper')</script>\n",
    "handout.html": "<script>alert('html')</script>{{ config }}",
    "badge.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "odd #1?%&.txt": "odd name",
    ".hidden.txt": "hidden",
}


@pytest.mark.slow
def test_materials_are_offered_as_files_and_never_become_pages(tmp_path: Path) -> None:
    data = fixture()
    folder = tmp_path / "spec"
    folder.mkdir()
    for i, (name, text) in enumerate(MATERIAL_FILES.items()):
        (folder / name).write_text(text, encoding="utf-8")
        data["materials"].append(
            {"id": f"m{i}", "title": f"File {i}", "description": "A file.", "path": name}
        )
    data["core_elements"][0]["materials"] = [m["id"] for m in data["materials"]]
    out = tmp_path / "site"
    build(write(folder, data), out)
    built = out / "site"
    assert_nothing_runs(built)
    # No page was made from a material, and nothing from one was run as a template.
    materials = built / "files" / "materials"
    assert not [p for p in materials.rglob("*") if p.suffix == ".html"]
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "alert(&quot;md&quot;)" not in text and 'alert("md")' not in text
    # Every material link on the materials page reaches the file, byte for byte.
    page = built / "materials" / "index.html"
    targets = [unquote(urlsplit(h).path) for h in read(page).links if "files/materials/" in h]
    assert len(targets) == len(data["materials"])
    offered = {(page.parent / t).resolve().read_bytes() for t in targets}
    originals = {(folder / m["path"]).read_bytes() for m in data["materials"]}
    assert offered == originals
    # So does every material link in the handbook the site offers, renamed files included.
    handbook = built / "files" / "handbook.html"
    links = [unquote(urlsplit(h).path) for h in read(handbook).links if "materials/" in h]
    assert len(links) >= len(data["materials"])
    assert all((handbook.parent / link).is_file() for link in links), links


# --- 4. page paths never collide -----------------------------------------------------------------


@pytest.mark.slow
def test_an_element_called_index_cannot_replace_a_section_page(tmp_path: Path) -> None:
    data = fixture()
    data["core_elements"][0]["id"] = "index"
    data["adaptable_elements"][0]["id"] = "index"
    data["adaptable_elements"][1]["id"] = "index-2"  # the name a clash might be moved to
    # A repeated id (refused by the check, published with --force) gets its own page too.
    data["core_elements"].append({**copy.deepcopy(data["core_elements"][1]), "name": "Twin"})
    text = json.dumps(data).replace('"daily-huddle"', '"index"')
    spec = write_fixture(tmp_path / "spec", text)
    out = tmp_path / "site"
    build(spec, out)
    keep = (out / "site/keep/index.html").read_text(encoding="utf-8")
    assert "Core elements: keep these" in keep and "A daily huddle" in keep
    adapt = (out / "site/adapt/index.html").read_text(encoding="utf-8")
    assert "Adaptable elements: you may change these" in adapt
    titles = {read(p).title.split(" - ")[0] for p in (out / "site/keep").glob("*/index.html")}
    assert {"A daily huddle", "Audit feedback", "Twin"} <= titles
    titles = {read(p).title.split(" - ")[0] for p in (out / "site/adapt").glob("*/index.html")}
    assert {"Time of the huddle", "Length of the huddle"} <= titles


@pytest.mark.slow
def test_interventions_named_like_the_sites_own_folders_are_published(tmp_path: Path) -> None:
    specs = []
    for spec_id in ("templates", "assets", "search"):
        data = fixture()
        data["id"] = spec_id
        data["short_name"] = spec_id.title()
        specs.append(write(tmp_path / spec_id, data))
    out = tmp_path / "site"
    build(specs, out)  # strict: every page is found, so none was left out or replaced
    home = read(out / "site/index.html")
    for tab in ("Templates", "Assets", "Search"):
        assert tab in (out / "site/index.html").read_text(encoding="utf-8")
    assert (out / "site/assets/stylesheets").is_dir()  # the theme's own assets are intact
    assert not [h for h in home.links if h.startswith(("templates/", "assets/index"))]


# --- 5. mkdocs.yml is valid for every string -----------------------------------------------------


@pytest.mark.slow
def test_control_and_unusual_characters_give_a_valid_mkdocs_yml(tmp_path: Path) -> None:
    data = fixture()
    odd = "".join(chr(c) for c in [*range(1, 32), *range(0x7F, 0xA0)])
    data["name"] = f"Bell{odd}\u2028sep\u2029par\ufeffbom\ufffe end \U0001f600"
    data["short_name"] = "Short\x1b[31mred"
    data["core_elements"][0]["name"] = "Esc\x1b\x00name"
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"].startswith("Bell") and config["site_name"].endswith("\U0001f600")
    assert not re.search("[\x00-\x1f\x7f-\x9f]", json.dumps(config, ensure_ascii=False))


def test_the_mkdocs_yml_writer_reads_back_every_character() -> None:
    from codify.render.yamltext import yaml_string

    # MkDocs reads mkdocs.yml with PyYAML's pure-Python loader: every code point but the lone
    # surrogates (which no file can hold) must read back as written, on one line.
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for start in range(0, len(chars), 4096):
        value = "".join(chars[start : start + 4096])
        text = f"key: {yaml_string(value)}\n"
        assert "\n" not in text[:-1]
        assert yaml.load(text, Loader=yaml.SafeLoader) == {"key": value}, start


# --- 6. tooltips ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_tooltips_show_the_definition_as_text_neither_escaped_twice_nor_as_markup(
    tmp_path: Path,
) -> None:
    data = fixture()
    data["glossary"] = [
        {"term": "huddle", "definition": "Accident &amp; emergency, R&D and A & B."},
        {"term": "A&E", "definition": 'Shown "as" &lt;img src=x onerror=alert(1)&gt; <b>x</b>'},
    ]
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    home = read(out / "site/index.html")
    titles = {v for tag, name, v in home.attributes if tag == "abbr" and name == "title"}
    shown = {t.replace("\u2060", "") for t in titles}
    assert "Accident & emergency, R&D and A & B." in shown
    assert (
        "Shown \u201cas\u201d \u2039img src=x onerror=alert(1)\u203a \u2039b\u203ax\u2039/b\u203a"
        in shown
    )
    assert not [t for t in titles if "<" in t or "&amp;" in t]


# --- 7. the spec offered is the spec the pages describe --------------------------------------------


def test_a_spec_changed_while_the_site_is_made_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import codify.checker

    spec = write_fixture(tmp_path / "spec")
    checked = codify.checker.check_file

    def check_then_save(path: Path, *args: Any, **kwargs: Any) -> Any:
        # An editor saves the spec just after codify has checked it.
        result = checked(path, *args, **kwargs)
        path.write_text(path.read_text("utf-8").replace("Hand hygiene huddles", "Renamed"), "utf-8")
        return result

    monkeypatch.setattr(codify.checker, "check_file", check_then_save)
    out = tmp_path / "site"
    code, stderr = run("site", str(spec), "--out", str(out))
    assert code == 2 and f"{spec} changed while the site was being made" in stderr
    assert not out.exists()


def test_the_spec_offered_is_byte_for_byte_the_one_read(tmp_path: Path) -> None:
    spec = write_fixture(tmp_path / "spec")
    spec.write_bytes(spec.read_bytes().replace(b"\n", b"\r\n"))  # bytes, not just text
    out = tmp_path / "site"
    assert run("site", str(spec), "--out", str(out))[0] == 0
    assert (out / "docs/files/huddles-2.1.0.yaml").read_bytes() == spec.read_bytes()


# --- 8. the preview -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _serve(spec: Path, out: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    """The preview, started as a user at a terminal starts it: with Ctrl-C's signal at its
    default, whatever this test run inherited. A suite started in the background by a shell
    without job control inherits SIGINT ignored, and Python then leaves it ignored, as a
    background job should; the preview would never see the test's Ctrl-C."""
    env = {**os.environ, **OFFLINE, "NO_PROXY": "127.0.0.1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "codify", "site", str(spec), "--out", str(out), "--serve",
         "--dev-addr", f"127.0.0.1:{port}", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        preexec_fn=_default_interrupt,
    )  # fmt: skip


def _default_interrupt() -> None:
    """In the child before it runs codify: SIGINT back to its default action."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _get(url: str, deadline: float, want: str = "") -> str:
    """The page at `url` once it answers (and holds `want`), or '' at the deadline."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        try:
            with opener.open(url, timeout=5) as response:
                body: str = response.read().decode("utf-8")
            if want in body:
                return body
        except OSError:
            pass
        time.sleep(0.2)
    return ""


class Output:
    """A subprocess's output, read line by line on a thread, so a test can wait for a line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        import threading

        self.lines: list[str] = []
        self._process = process
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.lines.append(line)

    def wait_for(self, pattern: str, deadline: float) -> bool:
        """Whether a line matching `pattern` has appeared by the deadline."""
        while time.monotonic() < deadline:
            if any(re.search(pattern, line) for line in self.lines):
                return True
            time.sleep(0.1)
        return False

    @property
    def text(self) -> str:
        return "".join(self.lines)


@contextmanager
def serving(
    spec: Path, out: Path, *extra: str
) -> Iterator[tuple[subprocess.Popen[str], Output, str]]:
    """`codify site --serve` on a free port; yields the process, its output and the base URL."""
    port = _free_port()
    process = _serve(spec, out, port, *extra)
    output = Output(process)
    try:
        yield process, output, f"http://127.0.0.1:{port}/"
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.slow
def test_a_bad_save_is_reported_and_the_preview_keeps_regenerating(tmp_path: Path) -> None:
    spec = write_fixture(tmp_path / "spec")
    good = spec.read_text(encoding="utf-8")
    with serving(spec, tmp_path / "site") as (process, output, url):
        deadline = time.monotonic() + 60
        page = url + "keep/daily-huddle/"
        assert "A ten-minute standing" in _get(page, deadline), output.text
        # A material path no file can have, then YAML that does not parse: each is reported
        # with its position, and neither stops the preview.
        spec.write_text(good.replace("path: huddle-card.txt", 'path: "huddle\\0card.txt"'), "utf-8")
        assert output.wait_for(r"intervention\.yaml:\d+:\d+: CR\d+ ", deadline), output.text
        assert output.wait_for("not regenerated", deadline), output.text
        spec.write_text("id: [unclosed\n", "utf-8")
        assert output.wait_for(r"intervention\.yaml:\d+:\d+: CY\d+ ", deadline), output.text
        spec.write_text(good.replace("A ten-minute standing", "A twelve-minute standing"), "utf-8")
        assert "A twelve-minute standing" in _get(page, deadline, "twelve"), output.text
        assert process.poll() is None
    assert "Traceback" not in output.text


@pytest.mark.slow
@posix_only
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_or_sigterm_stops_the_preview_with_the_shells_exit_code(
    tmp_path: Path, stop: signal.Signals, code: int
) -> None:
    spec = write_fixture(tmp_path / "spec")
    with serving(spec, tmp_path / "site") as (process, output, url):
        assert _get(url, time.monotonic() + 60), output.text
        process.send_signal(stop)
        assert process.wait(30) == code, output.text
    assert "Traceback" not in output.text and "Aborted" not in output.text


def _zensical_servers(port: int) -> list[int]:
    """Processes still serving on `port` with Zensical, by pid (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "zensical" in command and f":{port}" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.slow
@posix_only
def test_sigterm_leaves_no_zensical_server_running(tmp_path: Path) -> None:
    from codify.site.engine import zensical_command

    if zensical_command() is None:
        pytest.skip("Zensical is not installed (pip install zensical)")
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to see which processes are left")
    spec = write_fixture(tmp_path / "spec")
    port = 0
    try:
        with serving(spec, tmp_path / "site", "--engine", "zensical") as (process, output, url):
            port = int(url.rsplit(":", 1)[1].strip("/"))
            assert _get(url, time.monotonic() + 60), output.text
            assert _zensical_servers(port), "the test could not see the Zensical server"
            process.send_signal(signal.SIGTERM)
            code = process.wait(30)
        deadline = time.monotonic() + 10
        while _zensical_servers(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _zensical_servers(port) == [], "a Zensical server outlived codify"
        assert code == 128 + signal.SIGTERM, output.text
    finally:
        for pid in _zensical_servers(port) if port else []:  # ours: never leave one running
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("localhost:99999", "not a port number"),
        ("127.0.0.1:0", "not a port number"),
        ("127.0.0.1:http", "not a port number"),
        ("nohost", "is not HOST:PORT"),
        (":8000", "is not HOST:PORT"),
        ("nohost:8000", "is not an IP address or localhost"),
        ("[::1:8000", "is not an IP address or localhost"),
        ("192.0.2.1:8000", "cannot listen on"),  # an address this machine does not have
    ],
)
def test_a_bad_dev_addr_is_refused_before_anything_is_written(
    tmp_path: Path, address: str, says: str
) -> None:
    spec = write_fixture(tmp_path / "spec")
    out = tmp_path / "site"
    args = ("site", str(spec), "--out", str(out), "--serve", "--dev-addr", address)
    code, stderr = run_process(*args)
    assert code == 2, stderr
    assert f"--dev-addr {address}: " in stderr and says in stderr, stderr
    assert not out.exists()


def test_a_port_in_use_is_refused(tmp_path: Path) -> None:
    spec = write_fixture(tmp_path / "spec")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ("site", str(spec), "--out", str(tmp_path / "site"))
        code, stderr = run_process(*args, "--serve", "--dev-addr", f"127.0.0.1:{port}")
    assert code == 2 and f"port {port} on 127.0.0.1 is already in use" in stderr, stderr


# --- 9. a missing engine, unwritable folders -----------------------------------------------------


@pytest.mark.parametrize("action", ["--build", "--serve"])
def test_a_missing_zensical_exits_2_with_the_pip_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    # As on a machine without Zensical: none beside this Python, none on PATH.
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setattr(sys, "executable", str(empty / "python"))
    monkeypatch.setenv("PATH", str(empty))
    spec = write_fixture(tmp_path / "spec")
    out = tmp_path / "site"
    code, stderr = run("site", str(spec), "--out", str(out), action, "--engine", "zensical")
    assert code == 2 and "pip install zensical" in stderr, stderr
    assert not out.exists()


def test_an_out_folder_below_a_file_is_refused_naming_it(tmp_path: Path) -> None:
    spec = write_fixture(tmp_path / "spec")
    afile = tmp_path / "notes.txt"
    afile.write_text("mine", encoding="utf-8")
    code, stderr = run("site", str(spec), "--out", str(afile / "site"))
    assert code == 2 and f"{afile} is a file" in stderr, stderr
    assert afile.read_text(encoding="utf-8") == "mine"


@posix_only
def test_a_full_disk_is_reported_naming_the_path(tmp_path: Path) -> None:
    import resource  # POSIX only

    spec = write_fixture(tmp_path / "spec")
    out = tmp_path / "site"

    def small_files() -> None:  # writing past 4 KiB fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [sys.executable, "-m", "codify", "site", str(spec), "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and str(out) in done.stderr, done.stderr
    assert not (out / "mkdocs.yml").exists()


@posix_only
def test_a_read_only_out_folder_is_reported_naming_it() -> None:
    # Root may write anywhere, so as root the command runs as 'nobody' in a forked child; the
    # folder is made outside pytest's private temporary folder so that 'nobody' can reach it.
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        spec = write_fixture(base / "spec")
        for p in (base / "spec", spec, base / "spec" / "huddle-card.txt"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        assert run("site", str(spec), "--out", str(base / "warm"))[0] == 0  # imports done here
        locked = base / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        for out in (locked, locked / "site"):
            code, stderr = run_unprivileged(["site", str(spec), "--out", str(out)])
            assert code == 2 and f"{locked} is read-only" in stderr, stderr
            assert "Traceback" not in stderr
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- 10. a large site stays small per page ---------------------------------------------------------


@pytest.mark.slow
def test_a_large_site_lists_its_elements_on_the_section_page_not_in_every_page(
    tmp_path: Path,
) -> None:
    from codify.site.project import NAV_ELEMENT_LIMIT
    from codify.site.view import MAX_ITEM_HEADINGS

    data = fixture()
    template = data["core_elements"][1]
    extra = NAV_ELEMENT_LIMIT + 1
    data["core_elements"] += [
        {**copy.deepcopy(template), "id": f"e{i}", "name": f"E{i} &lt;/title&gt;{BREAKOUT}"}
        for i in range(extra)
    ]
    role = data["roles"][1]
    data["roles"] += [
        {**copy.deepcopy(role), "id": f"r{i}", "title": f"Role {i}"}
        for i in range(MAX_ITEM_HEADINGS)
    ]
    data["core_elements"][0]["roles"] += ["r0", f"r{MAX_ITEM_HEADINGS - 1}"]
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)  # strict: pages outside the nav are on purpose
    assert_nothing_runs(out / "site")
    page = (out / "site/glossary/index.html").read_text(encoding="utf-8")
    assert "keep/e0/" not in page  # the navigation no longer lists every element
    keep = read(out / "site/keep/index.html")
    assert sum("e" in h and h.rstrip("/").split("/")[-1][1:].isdigit() for h in keep.links) >= extra
    # A page listing more items than the theme's search indexes in linear time gives them
    # bold lines with the same anchors (the strict build checked every link to one).
    roles = (out / "site/roles/index.html").read_text(encoding="utf-8")
    assert '<h2 id="role-' not in roles
    assert '<p id="role-r0">' in roles and '<p id="role-lead">' in roles
    title = read(out / "site/keep/e0/index.html").title
    assert title.startswith("E0 \u2039/title\u203a") and "onfocus=" in title


# --- in a real browser ----------------------------------------------------------------------------


@pytest.mark.slow
def test_nothing_from_a_hostile_spec_runs_in_chromium(tmp_path: Path) -> None:
    from tests.browser.support import launch, serve, sync_playwright

    data = fixture()
    data["name"] = f"The {BREAKOUT} huddles"
    data["core_elements"][0]["name"] = f"Element {BREAKOUT}"
    data["summary"] = 'A [link](https://example.org "&lt;img src=x onerror=alert(5)&gt;") here.'
    data["glossary"][0]["definition"] = "&lt;img src=x onerror=alert(6)&gt; and <b>x</b>"
    out = tmp_path / "site"
    build(write(tmp_path / "spec", data), out)
    with sync_playwright() as playwright, serve(out / "site") as url:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for path in ("", "keep/daily-huddle/", "glossary/"):
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                # Tab through the page and point at everything with a title (tooltips).
                for _ in range(15):
                    page.keyboard.press("Tab")
                titled = page.locator(".md-header [title], .md-content [title]").all()[:40]
                for element in titled:
                    if element.is_visible():
                        element.hover(force=True, timeout=5000)
                page.wait_for_timeout(300)
            # Search results show titles and text from the index: as text.
            for word in ("onfocus", "onerror"):  # in titles, and in text
                page.locator(".md-search__input").fill("")
                page.locator(".md-search__input").click()
                page.keyboard.type(word, delay=20)
                page.locator(".md-search-result__item").first.wait_for()
                page.wait_for_timeout(300)
            assert dialogs == []
            # The theme's tooltips are not used: they would show a title as HTML.
            assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
        finally:
            browser.close()


def test_an_svg_logo_with_a_script_is_never_served_from_the_site(tmp_path: Path) -> None:
    from codify.cli import cli as codify_cli

    folder = tmp_path / "spec"
    folder.mkdir()
    spec = write(folder, fixture())
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8"
    )
    (folder / "codify.toml").write_text('[branding]\nlogo = "logo.svg"\n', encoding="utf-8")
    out = tmp_path / "site"
    args = ["site", str(spec), "--out", str(out), "--config", str(folder / "codify.toml")]
    result = CliRunner().invoke(codify_cli, args)
    assert result.exit_code == 0, result.output
    served = [p for p in (out / "docs").rglob("*") if p.is_file() and b"<script>" in p.read_bytes()]
    assert served == []
    (folder / "logo.svg").write_text("<svg>" + "x" * 40_000 + "</svg>", encoding="utf-8")
    result = CliRunner().invoke(codify_cli, args)
    assert result.exit_code == 2
    assert "under 32 KiB, or a PNG" in result.output


@pytest.mark.slow
def test_building_never_deletes_or_writes_through_what_codify_did_not_build(
    tmp_path: Path,
) -> None:
    """MkDocs empties <out>/site before it builds: codify checks that folder first."""
    from codify.cli import cli as codify_cli

    folder = tmp_path / "spec"
    folder.mkdir()
    spec = write(folder, fixture())
    out = tmp_path / "out"

    def site_build() -> tuple[int, str]:
        result = CliRunner().invoke(codify_cli, ["site", str(spec), "--out", str(out), "--build"])
        return result.exit_code, result.output

    assert site_build()[0] == 0
    assert site_build()[0] == 0  # a rebuild over codify's own build is fine
    # A file a person put there, or edited, is not deleted.
    (out / "site" / "CNAME").write_text("precious", encoding="utf-8")
    code, output = site_build()
    assert code == 2 and "CNAME" in output
    assert (out / "site" / "CNAME").read_text(encoding="utf-8") == "precious"
    (out / "site" / "CNAME").unlink()
    page = out / "site" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- my edit -->", encoding="utf-8")
    code, output = site_build()
    assert code == 2 and "index.html" in output
    assert "my edit" in page.read_text(encoding="utf-8")
    # A link in the site folder's place is refused: the spec's folder is not emptied.
    shutil.rmtree(out / "site")
    (out / "site").symlink_to(folder, target_is_directory=True)
    code, output = site_build()
    assert code == 2 and "is a link" in output
    assert spec.is_file()
