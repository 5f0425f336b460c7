"""Every page codify builds is safe to open, whatever a spec's text says (property-style).

A corpus of hostile spellings is generated: script schemes hidden behind character references,
percent-encoding, case and whitespace; raw HTML with event handlers; attribute lists; quotes
that try to close an attribute; pictures from other hosts and from the build machine. Every
text field of a real example gets a share of it, the spec is built with `--force` (rules off,
as an author in a hurry would), and every page written — handbook, checklist, each site page
as MkDocs renders it — is parsed like a browser would parse it. No page may carry an
event-handler attribute, a link or load whose decoded scheme is not http, https, mailto or tel,
a load from another host, or a script codify did not put there.

The checks here are written independently of codify's own sanitiser (`codify.render.text`), so
a mistake there is not repeated in the test.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from codify.cli import cli
from codify.loader import load_file
from codify.model import Intervention
from tests.conftest import EXAMPLES

ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
    "cite",
    "ping",
    "srcset",
    "longdesc",
}
# Elements whose URL attribute makes the browser fetch something as the page loads.
LOADING_TAGS = {"img", "script", "iframe", "frame", "embed", "object", "source", "video"}
LOADING_TAGS |= {"audio", "track", "input", "image", "use", "link", "meta"}


def _spellings(word: str) -> Iterator[str]:
    """Ways of writing `word` (a scheme with its colon) that a browser reads as `word`."""
    yield word
    yield "".join(c.upper() if i % 2 else c for i, c in enumerate(word))
    for i in (0, 3, len(word) - 1):
        c = word[i]
        for ref in (f"&#{ord(c)};", f"&#x{ord(c):X};", f"&#{ord(c):07d}", f"%{ord(c):02x}"):
            yield word[:i] + ref + word[i + 1 :]
    yield word.replace(":", "&colon;")
    for gap in ("\t", "\n", "&Tab;", "&NewLine;", "&#9;", "%09", "\u200b"):
        yield word[:4] + gap + word[4:]
    yield " \x01" + word
    yield "&amp;#106;" + word[1:]


def hostile_corpus() -> list[str]:
    """Markdown-and-HTML payloads, each in the places an author's text could carry it."""
    targets = []
    for scheme in ("javascript:", "vbscript:", "data:", "file:"):
        for spelled in _spellings(scheme):
            payload = {
                "javascript:": "alert(1)",
                "vbscript:": "msgbox(1)",
                "data:": "text/html,<script>alert(1)</script>",
                "file:": "///etc/passwd",
            }[scheme]
            targets.append(spelled + payload)
    contexts = [
        "[click]({t})",
        "[click](<{t}>)",
        '[click]({t} "title")',
        "[click][ref]\n\n[ref]: {t}",
        "> [quoted]:\n> {t}\n\n[click][quoted]",
        "<{t}>",
        '<a href="{t}">click</a>',
        "![pic]({t})",
    ]
    corpus = [c.format(t=t) for c, t in zip(itertools.cycle(contexts), targets, strict=False)]
    corpus += [c.format(t=t) for c, t in zip(contexts, reversed(targets), strict=False)]
    corpus += [
        "<img src=x onerror=alert(1)>",
        "`a\\`<img src=x onerror=alert(1)>` and `b\\`<svg onload=alert(1)>`",
        "`open\nacross` <img src=x onerror=alert(1)> `lines`",
        "<svg onload=alert(1)>",
        "<script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<style>@import url(http://127.0.0.1:9/x.css)</style>",
        'para {: onclick="alert(1)" }',
        "{: #x onmouseover=alert(1) }\n\nnext",
        '" onfocus="alert(1)" autofocus x="',
        "' onmouseover='alert(1)' x='",
        'The "Big Conversation" & <friends>',
        "![remote](http://127.0.0.1:9/x.png)",
        "![remote](//evil.example/x.png)",
        "![a]b](http://evil.example/x.png)",
        "![r][img]\n\n[img]: http://evil.example/x.png",
        "![x](/etc/passwd) and ![y](../../../etc/hostname)",
        "![x](http:127.0.0.1:8765/x.png) ![y](/\\evil.example/x.png)",
        "*[HTML]: onmouseover=alert(1)",
        "{{ 7*7 }} {% raw %}",
        "[" * 300 + "x",
        "- " * 200 + "deep",
        "text\x1b]0;owned\x07\x1b[2J\rAll good",
    ]
    return corpus


MARKER = "zq-hostile-"


def _is_prose(value: str) -> bool:
    return bool(value.strip())


def _poison(data: Any, corpus: Iterator[str], counter: Iterator[int]) -> Any:
    """`data` with every string leaf followed by a marker and a payload from the corpus."""
    if isinstance(data, dict):
        return {k: _poison(v, corpus, counter) for k, v in data.items()}
    if isinstance(data, list):
        return [_poison(v, corpus, counter) for v in data]
    if isinstance(data, str) and _is_prose(data):
        return f"{data} {MARKER}{next(counter)} {next(corpus)}"
    return data


def _restore(poisoned: Any, original: Any, loc: tuple[Any, ...]) -> None:
    """Put back the original value at `loc` (a pydantic error location)."""
    target, source = poisoned, original
    for key in loc[:-1]:
        target, source = target[key], source[key]
    target[loc[-1]] = source[loc[-1]]


def hostile_spec(example: Path) -> dict[str, Any]:
    """The example's data with a payload in every text field the format accepts it in."""
    doc = load_file(example)
    original = json.loads(json.dumps(doc.data))
    corpus = itertools.cycle(hostile_corpus())
    poisoned = _poison(original, corpus, itertools.count())
    for _ in range(20):  # ids, dates, versions and enums refuse payloads: give them back
        try:
            Intervention.model_validate(poisoned)
            return dict(poisoned)
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                while loc:
                    try:
                        _restore(poisoned, original, loc)
                        break
                    except (KeyError, IndexError, TypeError):
                        loc = loc[:-1]
    raise AssertionError("could not make a valid hostile spec")


class _Page(HTMLParser):
    """Collects what a browser would act on in one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name == "style" and value and "url(" in value.lower():
                self.problems.append(f"<{tag} style> loads {value[:60]}")
            if name in URL_ATTRIBUTES and value is not None:
                scheme = _scheme(value)
                if scheme is not None and scheme not in ALLOWED_SCHEMES:
                    self.problems.append(f"<{tag} {name}> has scheme {scheme!r}: {value[:60]!r}")
                # An href is a load only on <link> (stylesheets, icons); elsewhere it is a link.
                loads = tag in LOADING_TAGS and (name != "href" or tag == "link")
                if loads and _remote(value):
                    self.problems.append(f"<{tag} {name}> loads from another host: {value[:60]}")
            if tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._in_script = True
            self.scripts.append(dict(attrs).get("src") or "inline")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and ("alert(" in data or MARKER in data):
            self.problems.append(f"spec text inside a <script>: {data[:60]!r}")
        self.text.append(data)


def _decoded(value: str) -> str:
    for _ in range(10):
        new = unquote(html.unescape(value))
        if new == value:
            break
        value = new
    return re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]", "", value).replace("\\", "/")


def _scheme(value: str) -> str | None:
    m = re.match(r"([^:/?#]*):", _decoded(value))
    return m.group(1).lower() if m else None


def _remote(value: str) -> bool:
    v = _decoded(value).lower()
    return v.startswith(("http:", "https:", "//", "ftp:"))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _write_spec(tmp_path: Path, example: Path) -> Path:
    folder = tmp_path / "spec"
    shutil.copytree(example.parent, folder)
    spec = folder / "intervention.yaml"
    # JSON is YAML: every payload, control characters included, arrives exactly as written.
    spec.write_text(json.dumps(hostile_spec(example), indent=1), encoding="utf-8")
    return spec


def test_the_corpus_reaches_every_kind_of_text(tmp_path: Path) -> None:
    """Guard against a vacuous test: most of the example's strings carry a payload."""
    spec = hostile_spec(EXAMPLES[0])
    text = json.dumps(spec)
    assert text.count(MARKER) > 150
    for payload in ("&#x6A;", "onerror", "![", "{: ", '" onfocus'):
        assert payload in text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_handbook_and_checklist_pages_run_and_load_nothing_from_spec_text(
    tmp_path: Path, example: Path
) -> None:
    spec = _write_spec(tmp_path, example)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--force", "-q"])
    assert result.exit_code == 0, result.output
    for name in ("handbook.html", "checklist.html"):
        page = parse(out / name)
        assert page.problems == [], f"{name}: {page.problems[:5]}"
        assert page.scripts == [], f"{name} has a script"
        assert sum(MARKER in t for t in page.text) > 20, f"{name}: payloads never reached it"
    # The Markdown twin, read by MkDocs, GitHub or any other renderer, is held to the same rules
    # once rendered by the Python-Markdown that MkDocs uses.
    import markdown

    rendered = tmp_path / "handbook.md.html"
    md = markdown.Markdown(extensions=["abbr", "attr_list", "def_list", "md_in_html", "tables"])
    rendered.write_text(md.convert((out / "handbook.md").read_text(encoding="utf-8")))
    page = parse(rendered)
    assert page.problems == [], f"handbook.md: {page.problems[:5]}"
    assert page.scripts == []


@pytest.mark.slow
def test_every_site_page_runs_and_loads_nothing_from_spec_text(tmp_path: Path) -> None:
    example = EXAMPLES[0]
    clean_out = tmp_path / "clean"
    ok = CliRunner().invoke(cli, ["site", str(example), "--out", str(clean_out), "--build", "-q"])
    assert ok.exit_code == 0, ok.output
    baseline = {
        p.relative_to(clean_out).as_posix(): sorted(set(parse(p).scripts))
        for p in (clean_out / "site").rglob("*.html")
    }

    spec = _write_spec(tmp_path, example)
    out = tmp_path / "site-src"
    args = ["site", str(spec), "--out", str(out), "--build", "--force", "-q"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    pages = sorted((out / "site").rglob("*.html"))
    assert len(pages) >= 10
    reached = 0
    for path in pages:
        page = parse(path)
        name = path.relative_to(out).as_posix()
        assert page.problems == [], f"{name}: {page.problems[:5]}"
        allowed = set().union(*baseline.values())
        assert set(page.scripts) <= allowed, f"{name} runs {set(page.scripts) - allowed}"
        reached += any(MARKER in t for t in page.text)
    assert reached >= len(pages) // 2, "payloads reached too few site pages to prove anything"
