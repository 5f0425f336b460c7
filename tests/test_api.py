"""`codify.api`, used as a library user would: no CLI, results as values, problems as errors.

Also: the commands hold no orchestration of their own, importing the API stays cheap, and
every public name is documented on docs/reference/library.md.
"""

from __future__ import annotations

import ast
import html
import inspect
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from codify import api
from codify.phrases import Phrasebook
from tests.conftest import EXAMPLES, ROOT

SRC = ROOT / "src" / "codify"
LIBRARY_PAGE = ROOT / "docs" / "reference" / "library.md"


def _spec(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "intervention.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- documents ----------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_build_documents_writes_each_file_and_says_what_it_wrote(
    tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    result = api.build_documents(example, out, config=api.load_settings(start=tmp_path))

    (built,) = result.specs
    assert result.out == out and built.folder == out and built.source == example
    names = {p.relative_to(out).as_posix() for p in built.files}
    expected = {"handbook.html", "handbook.md", "checklist.html", "checklist.md"}
    assert expected | {"checklist.csv", "assessment.yaml"} <= names
    assert all(p.is_file() for p in built.files)
    assert built.written == built.files and built.unchanged == ()
    assert [r.path for r in result.checked] == [str(example)] and result.removed == ()

    again = api.build_documents(example, out, config=api.load_settings(start=tmp_path))
    assert again.specs[0].written == () and again.specs[0].unchanged == built.files
    # A library prints nothing: everything it has to say is in the result.
    assert capsys.readouterr() == ("", "")


def test_several_specs_go_into_a_folder_each_and_progress_is_reported(tmp_path: Path) -> None:
    seen: list[api.Progress] = []
    checked: list[int] = []
    result = api.build_documents(
        EXAMPLES,
        tmp_path / "out",
        only="checklist",
        config=api.load_settings(start=tmp_path),
        on_progress=seen.append,
        on_checked=lambda results: checked.append(len(results)),
    )
    ids = [b.spec.id for b in result.specs]
    assert [b.folder for b in result.specs] == [tmp_path / "out" / i for i in ids]
    assert all(not (b.folder / "handbook.html").exists() for b in result.specs)
    assert all((b.folder / "checklist.html").is_file() for b in result.specs)
    assert checked == [2]
    stages = [(p.stage, p.done, p.total, p.path) for p in seen]
    assert stages == [
        ("checking", 0, 2, EXAMPLES[0]),
        ("checking", 1, 2, EXAMPLES[1]),
        ("checking", 2, 2, None),
        ("building", 0, 2, EXAMPLES[0]),
        ("building", 1, 2, EXAMPLES[1]),
        ("building", 2, 2, None),
    ]


def test_a_spec_with_errors_is_refused_with_its_diagnostics(
    tmp_path: Path, base_spec: str, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec(tmp_path / "spec", base_spec.replace("roles: [lead]", "roles: [nobody]"))
    out = tmp_path / "out"
    with pytest.raises(api.SpecProblems) as refused:
        api.build_documents(spec, out, config=api.load_settings(start=tmp_path))
    problems = refused.value
    assert problems.exit_code == 1 and not problems.unreadable
    assert "not building: 1 of 1 spec failed the check; fix them, or use --force" in str(problems)
    assert [r.path for r in problems.results] == [str(spec)]
    assert {(d.code, d.message) for d in problems.diagnostics} >= {
        ("CR002", "'nobody' is not the id of any role")
    }
    assert all(d.line > 0 for d in problems.diagnostics)
    assert not out.exists()
    # With force, a spec whose structure loads is built all the same.
    forced = api.build_documents(spec, out, force=True, config=api.load_settings(start=tmp_path))
    assert forced.checked[0].errors > 0 and (out / "handbook.html").is_file()
    assert capsys.readouterr() == ("", "")


def test_a_file_that_is_not_yaml_is_refused_as_unreadable(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "spec", "id: [unclosed\n")
    with pytest.raises(api.SpecProblems) as refused:
        api.build_documents(spec, tmp_path / "out", config=api.load_settings(start=tmp_path))
    assert refused.value.unreadable and refused.value.exit_code == 2
    assert refused.value.results[0].loaded is False
    assert refused.value.diagnostics[0].code.startswith("CY")


def test_errors_name_the_file_and_carry_the_commands_exit_code(
    tmp_path: Path, base_spec: str
) -> None:
    spec = _spec(tmp_path / "spec", base_spec)
    defaults = api.load_settings(start=tmp_path)
    with pytest.raises(api.InputError, match="no such file or folder") as missing:
        api.build_documents(tmp_path / "nowhere", tmp_path / "out", config=defaults)
    assert str(tmp_path / "nowhere") in str(missing.value) and missing.value.exit_code == 2
    with pytest.raises(api.OutputFolderError, match="is the folder of the spec"):
        api.build_documents(spec, spec.parent, config=defaults)
    settings = tmp_path / "codify.toml"
    settings.write_text('language = "cyy"\n', encoding="utf-8")
    with pytest.raises(api.SettingsError, match="did you mean 'cy'") as bad:
        api.build_documents(spec, tmp_path / "out", config=settings)
    assert str(settings) in str(bad.value)
    with pytest.raises(ValueError, match="not a language codify writes"):
        api.build_documents(spec, tmp_path / "out", config=defaults, language="xx")
    broken = tmp_path / "templates" / "handbook"
    broken.mkdir(parents=True)
    (broken / "handbook.md").write_text("{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(api.TemplateError, match=r"handbook\.md line 1") as template:
        api.build_documents(
            spec, tmp_path / "out", templates=tmp_path / "templates", config=defaults
        )
    assert "nothing was written" in str(template.value)
    assert not (tmp_path / "out").exists()
    assert issubclass(api.SpecProblems, api.CodifyError)


def test_welsh_documents_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    api.build_documents(EXAMPLES[0], out, language="cy", config=api.load_settings(start=tmp_path))
    page = (out / "handbook.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in page
    assert Phrasebook("cy").fill("section.core") in html.unescape(page)


def test_check_returns_each_files_result(tmp_path: Path, base_spec: str) -> None:
    _spec(tmp_path / "a", base_spec)
    _spec(tmp_path / "b", base_spec.replace("roles: [lead]", "roles: [nobody]"))
    results = api.check(tmp_path, config=api.load_settings(start=tmp_path))
    assert [(Path(r.path).parent.name, r.errors > 0) for r in results] == [
        ("a", False),
        ("b", True),
    ]


# --- the site -----------------------------------------------------------------------------------


def test_make_site_writes_the_project_without_building_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    result = api.make_site(EXAMPLES, out, config=api.load_settings(start=tmp_path))
    assert result.mkdocs_yml == out / "mkdocs.yml" and result.mkdocs_yml.is_file()
    assert result.specs == tuple(EXAMPLES) and result.build is None
    assert "index.md" in result.pages
    assert all((out / "docs" / page).is_file() for page in result.pages)
    assert out / "mkdocs.yml" in result.written and result.removed == ()
    assert not (out / "site").exists()
    assert result.language == "en"
    assert capsys.readouterr() == ("", "")


def test_a_welsh_site_tells_the_theme(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = api.make_site(
        EXAMPLES[0], out, language="cy", config=api.load_settings(start=tmp_path)
    )
    assert result.language == "cy"
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "cy"


def test_a_site_refuses_a_spec_with_errors_and_an_unknown_engine(
    tmp_path: Path, base_spec: str
) -> None:
    spec = _spec(tmp_path / "spec", base_spec.replace("roles: [lead]", "roles: [nobody]"))
    with pytest.raises(api.SpecProblems, match="refusing to generate a site"):
        api.make_site(spec, tmp_path / "site", config=api.load_settings(start=tmp_path))
    with pytest.raises(ValueError, match="engine"):
        api.make_site(spec, tmp_path / "site", engine="sphinx")  # type: ignore[arg-type]
    with pytest.raises(api.PreviewError, match="--dev-addr"):
        api.check_preview("nowhere")
    assert not (tmp_path / "site").exists()


# --- the commands only call the API -------------------------------------------------------------


def _imported_names(path: Path) -> set[str]:
    """Every module and name a file imports, anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("command", ["build", "site"])
def test_the_commands_hold_no_orchestration(command: str) -> None:
    imported = _imported_names(SRC / "commands" / f"{command}.py")
    work = {
        "OutputWriter",
        "render_spec",
        "environment",
        "find_engine",
        "generate",
        "write",
        "mkdocs_build",
        "watch",
        "check_file",
    }
    assert imported & work == set()
    assert not {m for m in imported if m.startswith(("codify.documents", "codify.site"))}
    assert not {m for m in imported if m.startswith("codify.render")}


def test_importing_the_api_loads_nothing_heavy() -> None:
    probe = (
        "import json, sys, codify.api\n"
        "heavy = ('jinja2', 'mkdocs', 'markdown', 'pydantic', 'codify.documents', 'codify.site')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert json.loads(proc.stdout) == [], proc.stderr


def test_the_api_never_prints_or_exits() -> None:
    tree = ast.parse((SRC / "api.py").read_text(encoding="utf-8"))
    calls = {
        ast.unparse(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
    }
    assert calls & {"print", "sys.exit", "exit", "click.echo", "say", "fail"} == set()


# --- the reference page -------------------------------------------------------------------------


class _Written:
    """An annotation shown as it is written in the source (they are strings there)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(function: object) -> inspect.Signature:
    """The function's signature with its annotations unquoted, as the page shows it."""
    assert callable(function)
    signature = inspect.signature(function)

    def unquoted(annotation: object) -> object:
        return _Written(annotation) if isinstance(annotation, str) else annotation

    return signature.replace(
        parameters=[
            p.replace(annotation=unquoted(p.annotation)) for p in signature.parameters.values()
        ],
        return_annotation=unquoted(signature.return_annotation),
    )


@pytest.mark.parametrize("name", api.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    page = LIBRARY_PAGE.read_text(encoding="utf-8")
    obj = getattr(api, name)
    assert f"### `{name}" in page, f"docs/reference/library.md does not document {name}"
    assert obj.__doc__, f"codify.api.{name} has no docstring"
    if inspect.isfunction(obj):
        # The signature on the page is the function's own, so the page cannot drift.
        shown = f"{name}{_signature(obj)}"
        assert " ".join(shown.split()) in " ".join(page.split()), shown


def test_the_library_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "reference/library.md" in nav


@pytest.mark.slow
def test_the_worked_example_on_the_page_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = LIBRARY_PAGE.read_text(encoding="utf-8")
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    raid = next(e for e in EXAMPLES if e.parent.name == "raid")
    (tmp_path / "examples").mkdir()
    shutil.copytree(raid.parent, tmp_path / "examples" / "raid")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, str(LIBRARY_PAGE), "exec"), {})
    printed = capsys.readouterr().out
    # The handbook's two files, the checklist's five (checklist.xlsx with the 'xlsx' extra,
    # which the tests install), and the referral log among the materials.
    assert "raid: 8 written, 0 unchanged" in printed
    assert (tmp_path / "out" / "site" / "site" / "index.html").is_file()


def test_a_welsh_site_offers_welsh_downloads(tmp_path: Path) -> None:
    out = tmp_path / "site"
    api.make_site(EXAMPLES[0], out, language="cy", config=api.load_settings(start=tmp_path))
    offered = next((out / "docs").rglob("handbook.html")).read_text(encoding="utf-8")
    assert '<html lang="cy">' in offered
