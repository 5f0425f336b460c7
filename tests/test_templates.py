"""Sections are the one place for a document's order and presence, and each can be overridden.

The templates guide promises that one section can be changed by copying one file; these
tests hold codify to it, and keep the guide's tables in step with the registries.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from codify.cli import cli
from codify.documents.sections import HANDBOOK
from codify.phrases import Phrasebook
from codify.render.filters import filters
from tests.conftest import EXAMPLES

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "codify" / "templates"
RAID = next(e for e in EXAMPLES if "raid" in str(e))


def test_every_section_has_a_template_in_each_syntax_and_no_template_is_orphaned() -> None:
    keys = {s.key for s in HANDBOOK}
    on_disk = {p.stem for p in (TEMPLATES / "handbook" / "sections").iterdir()}
    assert on_disk == keys
    for key in keys:
        for syntax in ("html", "md"):
            assert (TEMPLATES / "handbook" / "sections" / f"{key}.{syntax}").is_file()


def test_the_templates_guide_lists_every_section_and_filter() -> None:
    guide = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    for s in HANDBOOK:
        assert f"`handbook/sections/{s.key}.html`" in guide, s.key
    for name in filters(Phrasebook()):
        assert f"| `{name}` |" in guide, name


def _sections(page: str) -> dict[str, str]:
    """Each top-level <section> of a handbook page, by the id its heading labels it with."""
    found = {}
    for match in re.finditer(r'<section[^>]*aria-labelledby="([^"]+)">(.*?)</section>', page, re.S):
        found[match.group(1)] = match.group(2)
    return found


def _build(out: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["build", str(RAID), "--out", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return (out / "handbook.html").read_text(encoding="utf-8")


def test_overriding_one_section_changes_that_section_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "handbook" / "sections"
    mine.mkdir(parents=True)
    (mine / "core.html").write_text(
        '{% import "handbook/macros.html" as m %}\n'
        '<section class="chapter" aria-labelledby="core">\n'
        '{{ m.section_head(doc, "core") }}\n'
        "<p>Our own words: {{ doc.core|length }} elements.</p>\n"
        "</section>\n",
        encoding="utf-8",
    )
    default = _sections(_build(tmp_path / "default"))
    changed = _sections(_build(tmp_path / "changed", "--templates", str(tmp_path / "mine")))
    assert set(default) == set(changed)
    assert "Our own words: 6 elements." in changed["core"]
    assert "Our own words" not in default["core"]
    assert [k for k in default if default[k] != changed[k]] == ["core"]


def test_a_broken_site_template_names_the_file_and_line_not_a_traceback(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "site"
    mine.mkdir(parents=True)
    (mine / "roles.md.j2").write_text(
        "# Roles\n\n{{ no_such_thing.attribute }}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        ["site", str(RAID), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "mine")],
    )
    assert result.exit_code == 2, result.output
    assert "roles.md.j2 line 3" in result.output and "no_such_thing" in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not (tmp_path / "out" / "mkdocs.yml").exists()


def test_a_template_syntax_error_names_the_template_by_its_name(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "handbook" / "sections"
    mine.mkdir(parents=True)
    (mine / "glossary.md").write_text("{% if %}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["build", str(RAID), "--out", str(tmp_path / "o"), "--templates", str(tmp_path / "mine")],
    )
    assert result.exit_code == 2, result.output
    assert "glossary.md line 1" in result.output
    assert "Traceback" not in result.output


# --- the templates compiled ahead of time ---------------------------------------------------------


def test_the_compiled_templates_are_generated_from_todays_templates() -> None:
    """codify/_jinja_code.py is what `python -m codify.render.precompiled` writes now: run it
    after editing a template (until then, the edited template is compiled from its text)."""
    import jinja2
    import pytest

    from codify import _jinja_code
    from codify.render import precompiled

    if _jinja_code.OPTIONS[0] != jinja2.__version__:
        pytest.skip(f"made with Jinja {_jinja_code.OPTIONS[0]}; this is {jinja2.__version__}")
    assert precompiled.GENERATED.read_text(encoding="utf-8") == precompiled.generated_source()


def _compiles(env: object) -> list[str]:
    """The names of the templates `env` compiles from here on, listed as it does."""
    calls: list[str] = []
    original = env.compile  # type: ignore[attr-defined]

    def counting(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        calls.append(str(name))
        return original(source, name, *args, **kwargs)

    env.compile = counting  # type: ignore[attr-defined]
    return calls


def test_a_packaged_template_is_loaded_from_its_compiled_code_without_compiling() -> None:
    """A build compiles none of the packaged templates (the goldens show the documents are
    the same); with nothing precompiled, each would be compiled from its text."""
    from codify.render.templates import environment

    names = ("handbook/handbook.md", "checklist/checklist.md", "handbook/macros.html")
    for precompiled in (True, False):
        env = environment()
        if not precompiled:
            env.loader.loaders[-1]._code = {}
        calls = _compiles(env)
        for name in names:
            assert env.get_template(name).name == name
        assert calls == ([] if precompiled else list(names))


def test_an_environment_with_other_options_compiles_the_templates_itself() -> None:
    """The site's environment escapes every value through its `finalize`; code compiled
    without one would print values without it, so that environment compiles its own."""
    from codify.render.templates import environment
    from codify.site import text

    env = environment()
    env.finalize = text.finalize
    calls = _compiles(env)
    env.get_template("site/pathway.md.j2")
    assert calls == ["site/pathway.md.j2"]


def test_a_template_changed_since_it_was_compiled_is_compiled_from_its_text() -> None:
    """The compiled code is used only for the text it was made from: a changed template (its
    digest no longer the one recorded) is compiled as it is now."""
    from codify.render.templates import environment

    env = environment()
    loader = env.loader.loaders[-1]
    code = dict(loader._compiled(env))
    digest, escapes, source = code["handbook/handbook.md"]
    code["handbook/handbook.md"] = ("0" * len(digest), escapes, source)
    loader._code = code
    calls = _compiles(env)
    env.get_template("handbook/handbook.md")
    assert calls == ["handbook/handbook.md"]
