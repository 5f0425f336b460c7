"""The documentation: generated reference pages are current, and the site builds offline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from codify.docgen import targets
from tests.conftest import ROOT


@pytest.mark.parametrize("path", sorted(targets(ROOT)), ids=lambda p: str(p.relative_to(ROOT)))
def test_generated_reference_is_current(path: Path) -> None:
    expected = targets(ROOT)[path]()
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(ROOT)} is stale: run `python -m codify.docgen` from the repository root"
    )


def test_reference_covers_every_rule_and_command() -> None:
    from codify.cli import COMMANDS
    from codify.rules import REGISTRY

    rules = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    assert all(f"## {code}" in rules for code in REGISTRY)
    cli = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert all(f"## codify {name}" in cli for name in COMMANDS)


@pytest.mark.slow
def test_docs_build_strict_and_load_nothing_from_other_hosts(tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    # A canonical link (from site_url) names the page's published address and loads nothing.
    external = re.compile(
        r"""<(?:script|link|img)\b(?![^>]*\brel="canonical")[^>]*\b(?:src|href)=["']https?://"""
    )
    offenders = [
        str(p.relative_to(site)) for p in site.rglob("*.html") if external.search(p.read_text())
    ]
    assert offenders == []


def test_the_format_reference_names_types_in_words() -> None:
    page = (ROOT / "docs" / "reference" / "format.md").read_text(encoding="utf-8")
    assert "Pattern:" not in page and "^[a-z]" not in page and "\\d{4}" not in page
    headings = re.findall(r"^## (.+)$", page, flags=re.MULTILINE)
    assert headings[0] == "The top level"
    # Objects are named in words, never by their class in the model.
    assert not [h for h in headings if re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", h)], headings
    assert "| `roles` | a list of role ids |" in page
    assert "| `year` | a whole number from 1800 to 2100 |" in page


def test_the_status_page_prints_every_status_and_spread_sentence() -> None:
    from codify.model import SpreadModel, Status
    from codify.phrases import all_phrases

    page = (ROOT / "docs" / "concepts" / "status.md").read_text(encoding="utf-8")
    phrases = all_phrases()
    assert all(f"| `{s.value}` |" in page for s in Status)
    for model in SpreadModel:
        sentence = phrases.get(f"spread.{model.value}")
        assert f"| `{model.value}` |" in page
        if isinstance(sentence, str):
            assert sentence in page, model


def test_every_mistake_in_the_primer_shows_what_codify_says() -> None:
    page = (ROOT / "docs" / "getting-started" / "yaml.md").read_text(encoding="utf-8")
    mistakes = re.findall(
        r'```yaml title="Mistake[^"]*"\n.*?```\n\n(```console\n.*?```)', page, re.S
    )
    assert len(mistakes) == page.count('title="Mistake'), "a mistake without its check"
    # Only the ' #' comment passes the check (the page says why); every other one is reported.
    assert sum("All good" in m for m in mistakes) == 1
