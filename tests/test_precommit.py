"""The published pre-commit hook, run by the real pre-commit framework on a scratch repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PRE_COMMIT, ROOT, needs_checkout, needs_pre_commit, published_hooks


def test_hook_files_pattern_matches_the_naming_convention() -> None:
    hooks = published_hooks()
    assert [h["id"] for h in hooks] == ["codify-check", "codify-check-all"]
    assert len({h["files"] for h in hooks}) == 1  # both run for the same files
    pattern = re.compile(hooks[0]["files"])
    for path in (
        "intervention.yaml",
        "examples/raid/intervention.yaml",
        "x/huddles.intervention.yml",
    ):
        assert pattern.search(path), path
    for path in ("notes.yaml", "myintervention.yaml", "intervention.yaml.bak", "intervention.json"):
        assert not pattern.search(path), path


def _scratch_repo(repo: Path, cache: Path) -> tuple[dict[str, str], Callable[..., None]]:
    """A git repository at `repo` for pre-commit to run in: its environment (pre-commit's
    cache in `cache`, outside any virtualenv) and a `git` that runs there."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "Test")
    return env, git


@pytest.mark.slow
@needs_pre_commit
@needs_checkout
def test_real_pre_commit_passes_a_good_spec_and_fails_a_bad_one(
    tmp_path: Path, base_spec: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env, git = _scratch_repo(repo, tmp_path / "cache")
    (repo / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    (repo / "notes.yaml").write_text("not: a spec\n", encoding="utf-8")
    git("add", ".")

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(ROOT), "codify-check", "--all-files", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    good = try_repo()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "codify check" in good.stdout and "Passed" in good.stdout

    (repo / "intervention.yaml").write_text(base_spec.replace("version: 0.1.0", "version: '1.0'"))
    git("add", ".")
    bad = try_repo()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "intervention.yaml:10:10: CR006 '1.0' is not a semantic version" in bad.stdout
    assert "notes.yaml" not in bad.stdout  # only files named by the convention are checked


@pytest.mark.slow
@needs_pre_commit
@needs_checkout
def test_the_all_files_hook_sees_a_spec_change_that_breaks_a_profile(tmp_path: Path) -> None:
    """A commit that changes only a spec can break a local profile that adopts it: the
    `codify-check` hook checks the changed files alone and lets it through (as documented),
    `codify-check-all` checks every spec and profile and stops it, naming the profile."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "schwartz_rounds", repo / "rounds")
    env, git = _scratch_repo(repo, tmp_path / "cache")
    git("add", ".")
    git("commit", "-q", "-m", "the model and one adopter's profile")
    spec = repo / "rounds" / "intervention.yaml"
    chosen = "        - Theme-based, different experiences of one theme\n"
    text = spec.read_text(encoding="utf-8")
    assert text.count(chosen) == 1
    spec.write_text(text.replace(chosen, ""), encoding="utf-8")  # the option Riverside chose
    git("add", "rounds/intervention.yaml")  # only the spec is staged

    def try_repo(hook: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(ROOT), hook, "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    changed_only = try_repo("codify-check")
    assert changed_only.returncode == 0, changed_only.stdout + changed_only.stderr
    everything = try_repo("codify-check-all")
    assert everything.returncode == 1, everything.stdout + everything.stderr
    assert "riverside.local.yaml" in everything.stdout and "CL008" in everything.stdout
