"""The phrasebook: one wording per fact for every output, translatable, and kept in step.

Every heading and sentence codify writes comes from codify.phrases; these tests fail when a
template writes English of its own, when a key is used that the phrasebook lacks (or a
phrase nothing uses), when the committed catalogues drift from the phrases, and when the
Welsh catalogue loses a slot or a translation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from codify.cli import cli
from codify.phrases import (
    LANGUAGES,
    PHRASES,
    REVIEW_STATUS,
    Phrasebook,
    all_phrases,
    catalogue,
    existing_translations,
    slots,
)
from tests.conftest import EXAMPLES

SRC = Path(__file__).resolve().parents[1] / "src" / "codify"
TEMPLATES = SRC / "templates"
# The document templates whose words must all come from the phrasebook.
PHRASED = sorted(
    [
        *TEMPLATES.glob("handbook/**/*.html"),
        *TEMPLATES.glob("handbook/**/*.md"),
        *TEMPLATES.glob("checklist/*.html"),
        *TEMPLATES.glob("checklist/*.md"),
        *TEMPLATES.glob("checklist/*.yaml"),
        *TEMPLATES.glob("site/*.j2"),
        *TEMPLATES.glob("network/**/*.html"),
    ]
)


def _literal_text(template: str) -> str:
    """What a template prints of its own: Jinja and HTML tags removed."""
    text = re.sub(r"\{#.*?#\}", " ", template, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    return re.sub(r"<[^>]*>", " ", text)


@pytest.mark.parametrize("path", PHRASED, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_templates_write_no_english_of_their_own(path: Path) -> None:
    # Three words in a row outside a tag is a sentence the phrasebook should hold.
    found = re.findall(
        r"[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}", _literal_text(path.read_text())
    )
    assert not found, f"{path.name} writes its own words: {found[:5]}; add them to codify.phrases"


def _keys_used() -> tuple[set[str], set[str]]:
    """Phrase keys the templates and the code name literally, and key prefixes built at run time."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    sources = [*PHRASED, *SRC.rglob("*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        literal.update(
            re.findall(r"""\b(?:t|tp|fill|text)\(\s*["']([a-z][\w.-]*[\w-])["']""", text)
        )
        prefixes.update(
            re.findall(r"""\b(?:t|tp|fill|text)\(\s*f?["']([a-z][\w.-]*\.)(?:["'] ~|\{)""", text)
        )
        if path.suffix == ".py":  # a key built in code: f"status.{status}.banner"
            prefixes.update(re.findall(r"""\bf["']([a-z][\w.-]*\.)\{""", text))
        if path.suffix == ".py":  # a key kept in a table, e.g. what each download is called
            literal.update(re.findall(r"""["']((?:site|doc)\.[\w.-]*[\w-])["']""", text))
    return literal, prefixes


def _base(key: str) -> str:
    """The phrase a `.record` twin stands in for; any other key is its own."""
    twin = key.removesuffix(".record")
    return twin if twin != key and twin in PHRASES else key


def _named_in_code() -> set[str]:
    """Dotted strings in codify's code: a view property may return a phrase key whole."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"""["']([a-z][\w-]*\.[\w.-]*[\w-])["']""", text))
    return found


def test_every_key_a_template_uses_exists_and_every_phrase_is_used() -> None:
    literal, prefixes = _keys_used()
    named = _named_in_code() & set(all_phrases())
    phrases = all_phrases()
    assert literal - set(phrases) == set(), "templates use keys the phrasebook lacks"
    unused = {
        key
        for key in PHRASES
        # A `.record` twin is written wherever its phrase is, in the record of a tested one.
        if (base := _base(key)) not in literal | named
        and not any(base.startswith(p) for p in prefixes)
    }
    assert unused == set(), f"phrases nothing writes: {sorted(unused)}"


def test_the_committed_template_catalogue_matches_the_phrases() -> None:
    committed = (SRC / "locale" / "codify.pot").read_bytes()
    assert committed == catalogue(), "run: python -m codify.phrases"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_each_language_catalogue_is_current_and_complete(language: str) -> None:
    path = SRC / "locale" / language / "LC_MESSAGES" / "codify.po"
    assert path.read_bytes() == catalogue(language, existing_translations(language)), (
        "run: python -m codify.phrases"
    )
    translated = existing_translations(language)
    missing = [
        key for key, phrase in all_phrases().items() if (key, _english(phrase)) not in translated
    ]
    assert missing == [], f"{language}: untranslated: {missing[:10]}"
    assert REVIEW_STATUS[language] in path.read_text(encoding="utf-8")


def _english(phrase: str | tuple[str, str]) -> str:
    return phrase if isinstance(phrase, str) else phrase[0]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_phrase_keeps_its_slots_and_marks_in_every_language(language: str) -> None:
    book = Phrasebook(language)
    for key, phrase in all_phrases().items():
        english = phrase if isinstance(phrase, str) else phrase[1]
        for n in [None] if isinstance(phrase, str) else [0, 1, 2, 3, 6, 9]:
            text = book.text(key, n)
            # A plural form may leave the count unsaid ("its core element"), never another slot.
            if n is None:
                assert slots(text) == slots(english), (language, key, text)
            else:
                assert slots(english) - {"n"} <= slots(text) <= slots(english), (language, key)
            assert text.count("**") == english.count("**"), (language, key, text)
            assert text.count("*") == english.count("*"), (language, key, text)


def test_an_unknown_language_is_refused_with_the_choices(tmp_path: Path) -> None:
    settings = tmp_path / "codify.toml"
    settings.write_text('language = "cyy"\n', encoding="utf-8")
    spec = next(e for e in EXAMPLES if "raid" in str(e))
    result = CliRunner().invoke(
        cli, ["build", str(spec), "--config", str(settings), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2, result.output
    assert "did you mean 'cy'" in result.output and "en (English)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_welsh_build_writes_welsh_and_says_it_awaits_review(
    tmp_path: Path, example: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(example), "--out", str(out), "--language", "cy"])
    assert result.exit_code == 0, result.output
    book = Phrasebook("cy")
    for name in ("handbook.html", "handbook.md", "checklist.html", "checklist.md"):
        page = (out / name).read_text(encoding="utf-8")
        english = Phrasebook("en")
        for key in (
            ("section.core", "section.fidelity")
            if name.startswith("handbook")
            else (
                "checklist.criteria",
                "checklist.scoring",
            )
        ):
            shown = str(escape(book.fill(key))) if name.endswith(".html") else book.fill(key)
            assert shown in page, (name, key)
            assert english.fill(key) not in page, (name, key)
    assert '<html lang="cy">' in (out / "handbook.html").read_text(encoding="utf-8")


def test_a_welsh_site_of_both_examples_builds_strictly_in_welsh(tmp_path: Path) -> None:
    out = tmp_path / "site"
    examples = str(EXAMPLES[0].parent.parent)
    result = CliRunner().invoke(
        cli, ["site", examples, "--out", str(out), "--build", "--language", "cy", "-q"]
    )
    assert result.exit_code == 0, result.output
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'language: "cy"' in config or "language: cy" in config
    book, english = Phrasebook("cy"), Phrasebook("en")
    pages = list((out / "site").rglob("*.html"))
    assert len(pages) > 40
    fidelity = next(p for p in pages if p.parent.name == "fidelity" or p.name == "fidelity.html")
    text = fidelity.read_text(encoding="utf-8")
    assert '<html lang="cy"' in text
    assert str(escape(book.fill("fidelity.bands"))) in text
    assert english.fill("fidelity.bands") not in text
    # The theme's own words are Welsh too (Material's translation of its search box).
    assert "Chwilio" in text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_handbook_and_the_site_word_and_cite_the_same_facts_alike(
    tmp_path: Path, example: Path
) -> None:
    from codify.checker import check_file
    from codify.config import Branding
    from codify.documents.view import build_document

    runner = CliRunner()
    assert (
        runner.invoke(cli, ["build", str(example), "--out", str(tmp_path / "b"), "-q"]).exit_code
        == 0
    )
    assert (
        runner.invoke(cli, ["site", str(example), "--out", str(tmp_path / "s"), "-q"]).exit_code
        == 0
    )
    handbook = (tmp_path / "b" / "handbook.md").read_text(encoding="utf-8")
    site = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "s" / "docs").rglob("*.md"))
    spec = check_file(example).spec
    assert spec is not None
    doc = build_document(spec, Branding())
    facts = [doc.spread_model_text]
    facts += [r.label for r in doc.references]
    facts += [c.scale_text for c in doc.criteria]
    facts += [c.minimum_text for c in doc.criteria if c.minimum_text]
    assert facts
    for fact in facts:
        assert fact in handbook, fact
        assert fact in site, fact
