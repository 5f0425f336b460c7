"""The model's history and "What changed for adopters", on one git repository built once.

The repository holds both bundled examples. v1.0.0 is them as bundled, with a history entry
for Schwartz Rounds 1.0.0; before v2.0.0 each example is edited realistically: Schwartz Rounds
gains a proscribed practice (breaking), new time-slot options (compatible) and a reworded
summary (editorial), and `codify diff --write-history` drafts its 2.0.0 release, which is then
given a summary and a transition; RAID gains a material (compatible) and a reworded problem
(editorial), with no history, so its changelog comes from git alone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.loader import load_file
from tests.conftest import PRE_COMMIT, ROOT, needs_pre_commit, published_hook
from tests.test_output_coverage import html_text, markdown_text

HISTORY_V1 = (
    "\n# What each release changed, newest first.\n"
    "history:\n"
    '  - version: "1.0.0"\n'
    '    date: "2024-05"\n'
    "    summary: The first release of the Rounds for adopting trusts.\n"
)
PROSCRIBED = (
    "proscribed:\n",
    "proscribed:\n  - id: no-recording\n    practice: Recording a Round.\n"
    "    reason: It breaks confidentiality.\n",
)
OPTIONS = (
    "      guidance: >-\n        Choose the slot at which",
    "      options: [Lunchtime, Early evening, Before a night shift]\n"
    "      guidance: >-\n        Choose the slot at which",
)
SUMMARY = ("  Schwartz Rounds are a regular one-hour", "  Schwartz Rounds are a monthly one-hour")
MATERIAL = (
    "materials:\n",
    "materials:\n  - id: pocket-card\n    title: Referral pocket card\n"
    "    description: The referral criteria on a card for ward staff.\n",
)
TRANSITION = (
    "    # transition: {until: YYYY-MM-DD, note: ...}  # by when adopters act\n",
    '    transition:\n      until: "2025-06-30"\n'
    "      note: Rounds recorded before then may be kept for training.\n",
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


def git(folder: Path, *args: str) -> str:
    base = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder)]
    done = subprocess.run([*base, *args], check=True, capture_output=True, text=True)
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class Repo:
    root: Path
    drafted: str  # Schwartz Rounds' text as --write-history left it
    before_draft: str  # and as it was just before
    draft_output: str  # what the command said


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repo]:
    root = tmp_path_factory.mktemp("changes") / "repo"
    for example in ("schwartz_rounds", "raid"):
        shutil.copytree(ROOT / "examples" / example, root / example)
    schwartz = root / "schwartz_rounds" / "intervention.yaml"
    raid = root / "raid" / "intervention.yaml"
    with schwartz.open("a", encoding="utf-8") as fh:
        fh.write(HISTORY_V1)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    git(root, "tag", "v1.0.0")

    edit(schwartz, *PROSCRIBED)
    edit(schwartz, *OPTIONS)
    edit(schwartz, *SUMMARY)
    edit(schwartz, '\nversion: "1.0.0"', '\nversion: "2.0.0"')
    edit(raid, *MATERIAL)
    edit(raid, "  Mental-health problems are very common", "  Mental-health problems are common")
    edit(raid, 'version: "1.0.0"', 'version: "1.1.0"')
    old_cwd = Path.cwd()
    os.chdir(root)
    try:
        before = schwartz.read_text(encoding="utf-8")
        code, out, err = run("diff", "--against", "v1.0.0", "schwartz_rounds", "--write-history")
        assert code == 0, out + err
        drafted = schwartz.read_text(encoding="utf-8")
        # The innovator rewrites the draft's summary and states the transition.
        summary = re.search(r'    summary: "Draft from codify diff[^\n]*\n', drafted)
        assert summary is not None
        edit(
            schwartz,
            summary.group(0),
            "    summary: Rounds are never recorded now, and may be held at new times.\n",
        )
        # and dates it (the draft says today), so that the transition comes after the release.
        dated = re.search(r'    date: "\d{4}-\d{2}-\d{2}"\n', drafted)
        assert dated is not None
        edit(schwartz, dated.group(0), '    date: "2025-01-15"\n')
        edit(schwartz, *TRANSITION)
        git(root, "commit", "-q", "-am", "v2")
        git(root, "tag", "v2.0.0")
        yield Repo(root, drafted, before, err)
    finally:
        os.chdir(old_cwd)


# --- drafting the history -----------------------------------------------------------------------


def test_write_history_drafts_the_release_and_keeps_every_other_line(repo: Repo) -> None:
    lines = repo.drafted.splitlines()
    # Every line of the file as it was is still there, in order: only lines were added, and
    # the comment above the history survives.
    kept = iter(lines)
    assert all(line in kept for line in repo.before_draft.splitlines())
    assert "# What each release changed, newest first." in lines
    data = load_file_text(repo.drafted)
    top, first = data["history"]
    assert first["version"] == "1.0.0" and top["version"] == "2.0.0"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", top["date"])
    assert [c["level"] for c in top["changes"]] == ["breaking", "compatible", "editorial"]
    assert top["changes"][0]["description"] == (
        "Recording a Round: A new practice adopters must never do."
    )
    # The options added are named after the line, as the comparison found them.
    assert top["changes"][1]["description"] == (
        "Time slot: Adopters have a new permitted option. "
        "(Lunchtime; Early evening; Before a night shift)"
    )
    assert "give it a transition" in repo.draft_output


def load_file_text(text: str) -> dict[str, object]:
    from codify.loader import load_text

    data: dict[str, object] = load_text(text).data
    return data


def test_write_history_refuses_a_release_already_there_and_writes_nothing(repo: Repo) -> None:
    spec = repo.root / "schwartz_rounds" / "intervention.yaml"
    before = spec.read_bytes()
    code, _out, err = run(
        "diff", "v1.0.0:schwartz_rounds/intervention.yaml", str(spec), "--write-history"
    )
    assert code == 2 and "already has a release 2.0.0; nothing was written" in err
    assert spec.read_bytes() == before


def test_write_history_adds_a_history_to_a_spec_without_one(repo: Repo, tmp_path: Path) -> None:
    new = tmp_path / "intervention.yaml"
    new.write_text((repo.root / "raid" / "intervention.yaml").read_text("utf-8"), "utf-8")
    code, _out, err = run("diff", "v1.0.0:raid/intervention.yaml", str(new), "--write-history")
    assert code == 0, err
    (release,) = load_file(new).data["history"]
    assert release["version"] == "1.1.0"
    assert [c["level"] for c in release["changes"]] == ["compatible", "editorial"]
    assert "Referral pocket card: A new material adopters may use." in str(release["changes"])
    # A bump too small for the changes drafts nothing.
    again = tmp_path / "again.yaml"
    again.write_text(new.read_text("utf-8").replace('version: "1.1.0"', 'version: "1.0.1"'))
    code, _out, err = run("diff", "v1.0.0:raid/intervention.yaml", str(again), "--write-history")
    assert code == 1 and "no release was drafted" in err
    assert "history" not in again.read_text("utf-8").split("history:", 1)[0][-1:]


def test_write_history_keeps_crlf_and_a_bom_and_refuses_a_link(repo: Repo, tmp_path: Path) -> None:
    text = (repo.root / "raid" / "intervention.yaml").read_text("utf-8")
    new = tmp_path / "intervention.yaml"
    new.write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    code, _out, err = run("diff", "v1.0.0:raid/intervention.yaml", str(new), "--write-history")
    assert code == 0, err
    raw = new.read_bytes()
    assert raw.startswith("\ufeff".encode()) and raw.count(b"\n") == raw.count(b"\r\n")
    assert load_file(new).data["history"][0]["version"] == "1.1.0"
    link = tmp_path / "link.yaml"
    link.symlink_to(new)
    before = new.read_bytes()
    code, _out, err = run("diff", "v1.0.0:raid/intervention.yaml", str(link), "--write-history")
    assert code == 2 and "symbolic link" in err and new.read_bytes() == before


# --- the diff and the rules on the tags ----------------------------------------------------------


def test_the_tags_diff_by_class(repo: Repo) -> None:
    code, out, _ = run(
        "diff", "--format", "json",
        "v1.0.0:schwartz_rounds/intervention.yaml", "v2.0.0:schwartz_rounds/intervention.yaml",
    )  # fmt: skip
    found = json.loads(out)
    assert code == 0 and found["required_bump"] == "major"
    assert {(c["rule"], c["level"]) for c in found["changes"]} == {
        ("proscribed-added", "breaking"),
        ("option-added", "compatible"),
        ("record-changed", "editorial"),
    }  # the history the release added is not itself a change


def test_the_history_must_name_the_version_and_state_enough(repo: Repo, tmp_path: Path) -> None:
    spec = repo.root / "schwartz_rounds" / "intervention.yaml"
    text = spec.read_text("utf-8")
    lines = text.splitlines()
    try:
        # A new version with no release in the history: CR032 on the newest release's version.
        spec.write_text(re.sub('^version: "2.0.0"', 'version: "2.0.1"', text, flags=re.M), "utf-8")
        code, out, _ = run("check", "--format", "json", str(spec))
        (d,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "CR032"]
        assert code == 1 and "newest release in the history is 2.0.0" in d["message"]
        assert lines[d["line"] - 1].strip() == '- version: "2.0.0"'
        # A release that calls its breaking change compatible: CR033 on its changes.
        understated = text.replace("      - level: breaking\n", "      - level: compatible\n")
        spec.write_text(understated, "utf-8")
        code, out, _ = run("check", "--against", "v1.0.0", "--format", "json", str(spec))
        (d,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "CR033"]
        assert code == 1 and "states compatible changes at most" in d["message"]
        assert "proscribed-added proscribed[no-recording]" in d["message"]
        # On the release's list of changes: its first item, the one that understates.
        assert understated.splitlines()[d["line"] - 1].strip() == "- level: compatible"
        # As released, the spec passes both rules and the version rule.
        spec.write_text(text, "utf-8")
        code, out, _ = run("check", "--against", "v1.0.0", "--format", "json", str(spec))
        found = {d["code"] for d in json.loads(out)["diagnostics"]}
        assert not found & {"CR031", "CR032", "CR033"}, out
    finally:
        spec.write_text(text, "utf-8")


# --- what changed for adopters -------------------------------------------------------------------


def _section(md: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same or higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = md.index(heading + "\n")
    rest = md[start + len(heading) + 1 :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


@pytest.fixture(scope="module")
def changelogs(repo: Repo, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("changelogs")
    for example in ("schwartz_rounds", "raid"):
        code, _, err = run("changes", str(repo.root / example), "--out", str(out / example))
        assert code == 0, err
    return {e: out / e for e in ("schwartz_rounds", "raid")}


def test_the_changelog_tells_adopters_what_they_must_now_do_and_by_when(
    changelogs: dict[str, Path],
) -> None:
    md = (changelogs["schwartz_rounds"] / "changes.md").read_text("utf-8")
    assert md.startswith("# What changed for adopters: Schwartz Rounds\n")
    v2 = _section(md, "## Version 2.0.0")
    assert "Rounds are never recorded now, and may be held at new times." in v2
    must = markdown_text(_section(v2, "### What you must now do differently"))
    assert must.startswith("Make these changes by 30 June 2025.")
    assert "Recording a Round: A new practice adopters must never do." in must
    may = markdown_text(_section(v2, "### What you may now do"))
    assert may == (
        "Time slot: Adopters have a new permitted option. "
        "(Lunchtime; Early evening; Before a night shift)"
    )
    assert "The wording changed in 1 place" in _section(v2, "### Wording only")
    v1 = _section(md, "## Version 1.0.0")
    assert "Released May 2024." in v1 and "The first release of the Rounds" in v1
    assert md.index("## Version 2.0.0") < md.index("## Version 1.0.0")  # newest first
    html = html_text((changelogs["schwartz_rounds"] / "changes.html").read_text("utf-8"))
    assert "What you must now do differently Make these changes by 30 June 2025." in html


def test_a_changelog_from_git_alone(changelogs: dict[str, Path]) -> None:
    md = (changelogs["raid"] / "changes.md").read_text("utf-8")
    v11 = _section(md, "## Version 1.1.0")
    assert "What you must now do differently" not in v11
    may = markdown_text(_section(v11, "### What you may now do"))
    assert may == "Referral pocket card: A new material adopters may use."
    assert "The wording changed in 1 place; nothing you do changes." in v11
    assert "The first release." in _section(md, "## Version 1.0.0")


def test_changelog_escapes_spec_text_and_speaks_welsh(repo: Repo, tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    text = (repo.root / "schwartz_rounds" / "intervention.yaml").read_text("utf-8")
    hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> {: onclick="x"}'
    spec.write_text(
        text.replace(
            "summary: Rounds are never recorded now, and may be held at new times.",
            f"summary: {json.dumps(hostile)}",
        ),
        "utf-8",
    )
    code, _, err = run("changes", str(spec), "--no-git", "--out", str(tmp_path / "out"))
    assert code == 0, err
    page = (tmp_path / "out" / "changes.html").read_text("utf-8")
    assert "<script>alert" not in page and "<img" not in page
    md = (tmp_path / "out" / "changes.md").read_text("utf-8")
    assert "<script>" not in md and "<img" not in md and "{: onclick" not in md
    code, _, err = run(
        "changes", str(spec), "--no-git", "--language", "cy", "--out", str(tmp_path / "cy")
    )
    assert code == 0, err
    welsh = (tmp_path / "cy" / "changes.md").read_text("utf-8")
    assert "Beth sydd wedi newid i fabwysiadwyr" in welsh
    assert "Beth y mae'n rhaid i chi ei wneud yn wahanol nawr" in welsh


def test_a_transition_is_shown_when_the_release_lists_no_change(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    text = (ROOT / "examples" / "raid" / "intervention.yaml").read_text("utf-8")
    spec.write_text(
        text + 'history:\n  - version: "1.0.0"\n    date: "2025-01"\n'
        "    summary: Every referral is now seen within the hour.\n"
        '    transition: {until: "2025-07-31"}\n',
        "utf-8",
    )
    code, _, err = run("changes", str(spec), "--no-git", "--out", str(tmp_path / "out"))
    assert code == 0, err
    md = (tmp_path / "out" / "changes.md").read_text("utf-8")
    must = _section(md, "### What you must now do differently")
    assert "**Make these changes by 31 July 2025.**" in must
    assert "The first release." not in md and "Nothing you do has changed." not in md


def test_quiet_changes_prints_nothing_and_writes_the_files(repo: Repo, tmp_path: Path) -> None:
    code, out, err = run("changes", "-q", str(repo.root / "raid"), "--out", str(tmp_path / "o"))
    assert (code, out, err) == (0, "", "")
    assert (tmp_path / "o" / "changes.md").is_file() and (tmp_path / "o" / "changes.html").is_file()


def test_changes_writes_only_into_its_own_files(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "changes.md").write_text("mine\n", "utf-8")
    code, _, err = run("changes", str(repo.root / "raid"), "--out", str(out))
    assert code == 2 and (out / "changes.md").read_text("utf-8") == "mine\n", err
    code, _, err = run("changes", str(repo.root / "raid"), "--out", str(repo.root / "raid"))
    assert code == 2, err


# --- the site's page, built by MkDocs ------------------------------------------------------------


@pytest.mark.slow
def test_the_site_has_a_changes_page_in_its_navigation(repo: Repo, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = run(
        "site", str(repo.root / "schwartz_rounds"), "--out", str(out), "--build", "--quiet"
    )
    assert code == 0, err
    built = (out / "site" / "changes" / "index.html").read_text("utf-8")
    found = re.search(r"<article\b.*?</article>", built, re.S)
    assert found is not None
    article = html_text(found.group(0)).replace("¶", "")
    assert "What you must now do differently Make these changes by 30 June 2025." in article
    assert "Recording a Round: A new practice adopters must never do." in article
    assert article.index("Version 2.0.0") < article.index("Version 1.0.0")
    home = (out / "site" / "index.html").read_text("utf-8")
    assert 'href="changes/"' in home  # in the navigation: there are two releases
    # With one release the page is built but kept out of the navigation.
    one = tmp_path / "one"
    shutil.copytree(ROOT / "examples" / "raid", one)
    with (one / "intervention.yaml").open("a", encoding="utf-8") as fh:
        fh.write(HISTORY_V1.replace("Rounds", "service"))
    code, _, err = run("site", str(one), "--out", str(tmp_path / "site1"), "--quiet")
    assert code == 0, err
    config = (tmp_path / "site1" / "mkdocs.yml").read_text("utf-8")
    assert (tmp_path / "site1" / "docs" / "changes.md").is_file()
    assert (
        'not_in_nav: "/changes.md"' in config
        and 'changes.md"\n' not in config.split("not_in_nav")[0]
    )


# --- the version rule through the real pre-commit -----------------------------------------------


@pytest.mark.slow
@needs_pre_commit
def test_the_history_and_version_rules_through_the_real_pre_commit(
    repo: Repo, tmp_path: Path
) -> None:
    """The published hook with `args: [--against, v2.0.0]` on a staged edit of the fixture's
    RAID after its release: a new proscribed practice called a patch fails on the version line."""

    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", str(repo.root), str(clone)], check=True, capture_output=True
    )
    hook = published_hook()
    hook = {
        **hook,
        "entry": f"{sys.executable} -m codify check",
        "language": "system",
        "args": ["--against", "v2.0.0"],
    }
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (clone / ".pre-commit-config.yaml").write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    raid = clone / "raid" / "intervention.yaml"
    edit(raid, "proscribed:\n", "proscribed:\n  - id: no-sedation\n    practice: Sedating to"
         " discharge.\n    reason: It hides the problem.\n")  # fmt: skip
    edit(raid, 'version: "1.1.0"', 'version: "1.1.1"')
    git(clone, "add", ".")

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "run", "--files", "raid/intervention.yaml", "--color", "never"],
            cwd=clone, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    bad = pre_commit()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    line = next(
        n for n, t in enumerate(raid.read_text("utf-8").splitlines(), 1) if t.startswith("version:")
    )
    assert f"raid/intervention.yaml:{line}:10: CR031 version 1.1.1 is a patch bump" in bad.stdout
    assert "proscribed-added proscribed[no-sedation]" in bad.stdout
    edit(raid, 'version: "1.1.1"', 'version: "2.0.0"')
    git(clone, "add", ".")
    good = pre_commit()
    assert good.returncode == 0, good.stdout + good.stderr


def test_found_changes_name_what_was_added_under_each_line(repo: Repo) -> None:
    """Without a history, the notes come from the comparison: one line per rule and item, with
    the options added listed under it."""
    from codify.changelog import changelog_of, render_changelog
    from codify.diff import read_side, side_from_bytes

    old = read_side(f"{ROOT / 'examples' / 'schwartz_rounds' / 'intervention.yaml'}")
    text = (ROOT / "examples" / "schwartz_rounds" / "intervention.yaml").read_text("utf-8")
    for change in (OPTIONS, PROSCRIBED):
        assert text.count(change[0]) == 1
        text = text.replace(*change)
    text = re.sub('^version: "1.0.0"', 'version: "2.0.0"', text, flags=re.M)
    new = side_from_bytes(text.encode("utf-8"), "new.yaml")
    found = changelog_of(new, [("v1", "2024-05-01", old), ("v2", "2025-01-10", new)])
    v2, v1 = found.releases
    assert (v2.version, v2.date, v1.first) == ("2.0.0", "2025-01-10", True)
    (option,) = v2.may
    assert (option.rule, option.text) == ("option-added", "Time slot")
    assert option.values == ["Lunchtime", "Early evening", "Before a night shift"]
    md = render_changelog(found, "markdown")
    assert "- **Time slot**: Adopters have a new permitted option.\n    - Lunchtime\n" in md
    assert "**Recording a Round**: A new practice adopters must never do." in md
