"""What a user installs: the core wheel alone runs the checker; the generators come as extras.

The slow test builds the wheel, installs it with no extras into a fresh venv (its dependencies
come from the package index or pip's cache) and runs the core commands there, with no MkDocs,
Jinja or Markdown installed. The fast ones keep pyproject.toml, codify.extras and the docs in
step: one version, one distribution name, and an extra for every generator's imports.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify import __version__
from codify.cli import cli
from codify.extras import DISTRIBUTION, EXTRAS, install_command
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# How each optional distribution is imported.
IMPORT_NAMES = {
    "jinja2": "jinja2",
    "markupsafe": "markupsafe",
    "markdown": "markdown",
    "nh3": "nh3",
    "citeproc-py": "citeproc",
    "babel": "babel",
    "mkdocs": "mkdocs",
    "mkdocs-material": "material",
    "zensical": "zensical",
    "weasyprint": "weasyprint",
    "pypdf": "pypdf",
    "bibtexparser": "bibtexparser",
    "pylatexenc": "pylatexenc",
    "rispy": "rispy",
    "openpyxl": "openpyxl",
    "python-docx": "docx",
}
# What no core command may need: every generator's library.
GENERATORS = ("jinja2", "markdown", "markupsafe", "mkdocs", "material", "citeproc", "nh3")


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def _distributions(extra: str) -> set[str]:
    """The distributions an extra brings, following the extras it names of codify itself."""
    found: set[str] = set()
    for requirement in PROJECT["optional-dependencies"][extra]:
        if _name(requirement) == DISTRIBUTION:
            inner = re.search(r"\[([^\]]+)\]", requirement)
            assert inner, requirement
            for other in inner.group(1).split(","):
                found |= _distributions(other.strip())
        else:
            found.add(_name(requirement))
    return found


def test_the_distribution_name_is_ours_and_used_everywhere() -> None:
    assert PROJECT["name"] == DISTRIBUTION == "codify-interventions"
    assert PROJECT["scripts"] == {"codify": "codify.cli:entry"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"pip install {DISTRIBUTION}" in readme
    docs = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "src").rglob("*.py")]
    wrong = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in docs
        for line in path.read_text(encoding="utf-8").splitlines()
        # "pip install codify" or "codify[extra]" would install PyPI's unrelated "codify".
        if re.search(r"pip install ['\"]?codify(?![-\w])|(?<![-\w])codify\[", line)
    ]
    assert wrong == []


def test_the_core_has_no_generator_library() -> None:
    core = {_name(r) for r in PROJECT["dependencies"]}
    assert core.isdisjoint(IMPORT_NAMES), core & set(IMPORT_NAMES)


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_each_extra_brings_the_modules_codify_checks_for(extra: str) -> None:
    brought = {IMPORT_NAMES[d] for d in _distributions(extra)}
    assert brought == set(EXTRAS[extra])


def test_all_brings_every_extra() -> None:
    everything = set().union(*(_distributions(e) for e in EXTRAS))
    assert _distributions("all") == everything


def test_the_version_is_written_once() -> None:
    assert "version" not in PROJECT and PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/codify/__init__.py"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## \[?(\d[^\]\s]*)\]?", changelog, re.M)
    assert first and first.group(1) == __version__, "CHANGELOG.md has no entry for this version"


def test_deptry_finds_every_import_declared_and_every_dependency_used() -> None:
    deptry = Path(sys.executable).with_name("deptry")
    if not deptry.exists():
        pytest.skip("deptry is not installed (pip install --group dev)")
    done = subprocess.run(
        [str(deptry), "src"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_dev_tools_are_a_dependency_group_not_an_extra() -> None:
    assert "dev" not in PROJECT["optional-dependencies"]
    group = {_name(r) for r in PYPROJECT["dependency-groups"]["dev"]}
    assert {"pytest", "ruff", "mypy", "pre-commit", "playwright", "deptry"} <= group


def test_classifiers_name_every_python_the_suite_runs_on() -> None:
    classifiers = set(PROJECT["classifiers"])
    for minor in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {minor}" in classifiers
    assert "Typing :: Typed" in classifiers and (ROOT / "src" / "codify" / "py.typed").is_file()
    assert PROJECT["requires-python"] == ">=3.11"
    assert {"Source", "Documentation", "Issues", "Changelog"} <= set(PROJECT["urls"])


def test_readme_links_are_absolute_so_they_work_on_pypi() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    assert targets
    relative = [t for t in targets if not re.match(r"https?://|#", t)]
    assert relative == []


def _without(
    module: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`codify ARGS` in a process where `module` cannot be imported, as if not installed."""
    code = (
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] == {module!r}:\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from codify.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


@pytest.mark.parametrize(
    ("module", "args", "extra"),
    [
        ("jinja2", ["build", "examples/raid", "--out", "{tmp}/out"], "handbook"),
        ("citeproc", ["build", "examples/raid", "--out", "{tmp}/out"], "handbook"),
        ("jinja2", ["site", "examples/raid", "--out", "{tmp}/site"], "site"),
        ("material", ["site", "examples/raid", "--out", "{tmp}/site", "--build"], "site"),
    ],
)
def test_a_command_whose_extra_is_missing_names_the_pip_command(
    tmp_path: Path, module: str, args: list[str], extra: str
) -> None:
    done = _without(module, *(a.format(tmp=tmp_path) for a in args), cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert install_command(extra) in done.stderr
    assert f"missing: {module}" in done.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "site").exists()


def test_a_missing_extra_for_a_bibtex_file_names_the_references_extra(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{a, title={T}, author={Smith, J}, year={2020}}\n", encoding="utf-8")
    done = _without("bibtexparser", "references", "import", str(bib), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert install_command("references") in done.stderr


def test_pdf_with_neither_engine_names_both_ways_to_get_one(tmp_path: Path) -> None:
    # The dev environment has WeasyPrint (the pdf extra); hidden, and with no Chromium on PATH,
    # --pdf has no engine.
    env = {k: v for k, v in os.environ.items() if k != "CODIFY_CHROMIUM"}
    env["PATH"] = str(tmp_path / "empty")
    out = tmp_path / "out"
    done = _without(
        "weasyprint", "build", "examples/raid", "--out", str(out), "--pdf", cwd=ROOT, env=env
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "apt install chromium" in done.stderr and install_command("pdf") in done.stderr
    assert not out.exists()


# --- the core wheel, alone, in a fresh venv ------------------------------------------------------


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, check=False, env=env, timeout=900
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.mark.slow
def test_the_core_wheel_alone_runs_every_core_command(tmp_path: Path) -> None:
    # The blank assessment to score comes from `codify build`, which the core does not have.
    built = CliRunner().invoke(
        cli, ["build", str(ROOT / "examples" / "raid"), "--out", str(tmp_path / "built"), "-q"]
    )
    assert built.exit_code == 0, built.output

    wheels = tmp_path / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        ROOT,
    )
    (wheel,) = wheels.glob("codify_interventions-*.whl")
    assert wheel.name.startswith(f"codify_interventions-{__version__}-")

    home = tmp_path / "venv"
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    _run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path, env)
    listed = _run([str(python), "-m", "pip", "list", "--format", "freeze"], tmp_path, env)
    installed = {line.split("==")[0].lower() for line in listed.splitlines()}
    assert installed.isdisjoint({"mkdocs", "mkdocs-material", "jinja2", "markdown", "citeproc-py"})
    site_packages = next(home.glob("lib/python3*/site-packages"))
    megabytes = _size(site_packages) / 1e6
    print(f"core install: {len(installed)} distributions, {megabytes:.0f} MB of site-packages")
    assert megabytes < 60, "the core install grew: a generator's library may have crept in"

    codify = str(home / "bin" / "codify")
    work = tmp_path / "work"
    work.mkdir()
    # Every core command works, and none imports a generator's library.
    probe = (
        "import sys, json\n"
        "from codify.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "finally:\n"
        f"    loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({GENERATORS!r}))\n"
        "    print(json.dumps(loaded), file=sys.stderr)\n"
    )
    raid = str(ROOT / "examples" / "raid")
    for args in (
        ["check", "--strict", str(ROOT / "examples")],
        ["rules"],
        ["explain", "CR003"],
        ["schema"],
        ["init", "huddles", "--name", "Ward huddles"],
        ["tidier", raid],
        ["score", str(tmp_path / "built" / "assessment.yaml"), "--spec", raid],
        ["migrate", "--check", str(ROOT / "examples")],
        ["diff", "--format", "json", raid, raid],
    ):
        done = subprocess.run(
            [str(python), "-c", probe, *args], cwd=work, capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, f"codify {' '.join(args)}:\n{done.stdout}{done.stderr}"
        assert done.stderr.strip().splitlines()[-1] == "[]", (args, done.stderr)
    schema = _run([codify, "schema"], work, env)
    assert schema == (ROOT / "spec" / "intervention.schema.json").read_text(encoding="utf-8")
    assert _run([codify, "--version"], work, env).strip().endswith(__version__)

    # A generator says which extra to install, and stops with exit 2.
    for command, extra in (("build", "handbook"), ("site", "site")):
        done = subprocess.run(
            [codify, command, raid, "--out", str(tmp_path / command)],
            cwd=work,
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert install_command(extra) in done.stderr
