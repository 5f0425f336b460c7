"""A release as users meet it: the pre-commit `rev` the docs show, and the schema at its `$id`.

The slow tests run the real tools: pre-commit installs the hook from a clone of this repository
tagged as the docs say, and `mkdocs build` publishes the schema where its `$id` points.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from codify import __version__
from codify.model import SCHEMA_ID
from tests.conftest import PRE_COMMIT, ROOT, needs_checkout, needs_pre_commit, published_hook

TAG = f"v{__version__}"
DOCUMENTED = [ROOT / "README.md", ROOT / "docs" / "guides" / "integration.md"]
CATALOGUE = json.loads((ROOT / "spec" / "catalog.json").read_text(encoding="utf-8"))


def test_every_documented_rev_is_this_release() -> None:
    for path in [*DOCUMENTED, ROOT / ".pre-commit-hooks.yaml"]:
        revs = re.findall(r"rev: (v[^\s]+)", path.read_text(encoding="utf-8"))
        assert revs and set(revs) == {TAG}, f"{path.name}: {revs}"


def test_the_schema_id_is_under_the_docs_site() -> None:
    site_url = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert SCHEMA_ID.startswith(site_url) and SCHEMA_ID.endswith("/intervention.schema.json")
    schema = json.loads((ROOT / "spec" / "intervention.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == SCHEMA_ID
    scaffold = (ROOT / "src" / "codify" / "scaffold.yaml").read_text(encoding="utf-8")
    assert scaffold.startswith(f"# yaml-language-server: $schema={SCHEMA_ID}\n")


def test_the_catalogue_entry_points_at_the_schema_and_matches_the_hooks_files() -> None:
    (entry,) = CATALOGUE["schemas"]
    assert entry["url"] == SCHEMA_ID
    hook = published_hook()
    files = re.compile(hook["files"])
    # Catalogue patterns match a file's name, as SchemaStore's do; they and the hook's pattern
    # must agree on what a spec is called.
    names = [
        "intervention.yaml",
        "intervention.yml",
        "huddles.intervention.yaml",
        "a.b.intervention.yml",
    ]
    others = ["notes.yaml", "myintervention.yaml", "intervention.yaml.bak", "intervention.json"]
    for name in names + others:
        by_catalogue = any(fnmatch.fnmatchcase(name, p) for p in entry["fileMatch"])
        assert by_catalogue == bool(files.search(f"specs/{name}")) == (name in names), name


def test_the_editors_guide_shows_the_published_address() -> None:
    guide = (ROOT / "docs" / "guides" / "editors.md").read_text(encoding="utf-8")
    assert guide.count(SCHEMA_ID) >= 4  # the address, the modeline, VS Code and Neovim
    assert '--8<-- "spec/catalog.json"' in guide
    for pattern in CATALOGUE["schemas"][0]["fileMatch"]:
        assert f'"{pattern}"' in guide


@pytest.mark.slow
def test_the_docs_site_serves_the_schema_at_its_id(tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site_url = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    published = site / SCHEMA_ID.removeprefix(site_url)
    assert published.read_bytes() == (ROOT / "spec" / "intervention.schema.json").read_bytes()
    catalogue = published.parent.parent / "catalog.json"
    assert json.loads(catalogue.read_text(encoding="utf-8")) == CATALOGUE


@pytest.mark.slow
@needs_pre_commit
@needs_checkout
def test_pre_commit_at_the_documented_tag_installs_a_light_hook(
    tmp_path: Path, base_spec: str
) -> None:
    """The README's configuration, run by pre-commit against a clone tagged as a release is.

    The clone is of the last commit, tagged (or re-tagged) in the clone only. The hook's
    environment must hold codify without any generator's library.
    """

    def git(cwd: Path, *args: str) -> None:
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)

    upstream = tmp_path / "codify"
    git(tmp_path, "clone", "-q", "--no-local", str(ROOT), str(upstream))
    # Forced: a clone of a released checkout already has the tag, on an older commit.
    git(upstream, "-c", "user.name=Test", "-c", "user.email=test@example.org", "tag", "-f", TAG)

    repo = tmp_path / "specs"
    repo.mkdir()
    git(repo, "init", "-q")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:\n.*?)```", readme, re.S)
    assert block, "the README shows no pre-commit configuration"
    config = block.group(1).replace("https://github.com/codify-health/codify", str(upstream))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    git(repo, "add", ".")

    cache = tmp_path / "cache"
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "run", "--all-files", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    start = time.perf_counter()
    good = run()
    first = time.perf_counter() - start
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"codify check\.+Passed", good.stdout)

    (repo / "intervention.yaml").write_text(base_spec.replace("version: 0.1.0", "version: '1.0'"))
    git(repo, "add", ".")
    bad = run()
    assert bad.returncode == 1 and "CR006 '1.0' is not a semantic version" in bad.stdout

    pythons = list(cache.glob("repo*/py_env-*/bin/python"))
    assert len(pythons) == 1, pythons
    listed = subprocess.run(
        [str(pythons[0]), "-m", "pip", "list", "--format", "freeze"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.lower()
    assert "codify-interventions==" in listed
    for heavy in ("mkdocs", "jinja2", "markdown", "citeproc-py", "lxml"):
        assert f"\n{heavy}==" not in f"\n{listed}", heavy
    print(f"first hook run {first:.1f} s")
