"""`codify diff` and the version rule: the bundled examples, changed one rule at a time, compared
by id; real git repositories for `REV:path` and `--against`; exit codes, JSON, positions and
escaping of hostile spec text in every output."""

from __future__ import annotations

import copy
import functools
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.diff import (
    LEVEL_BUMP,
    RULES,
    Bump,
    Level,
    Side,
    declared_bump,
    diff_specs,
    read_side,
)
from codify.loader import load_file
from tests.conftest import PRE_COMMIT, ROOT, needs_pre_commit, published_hook

SCHWARTZ = ROOT / "examples" / "schwartz_rounds" / "intervention.yaml"
RAID = ROOT / "examples" / "raid" / "intervention.yaml"

Data = dict[str, Any]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def git(folder: Path, *args: str) -> None:
    base = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder)]
    subprocess.run([*base, *args], check=True, capture_output=True)


def data_of(path: Path) -> Data:
    loaded: Data = load_file(path).data
    return copy.deepcopy(loaded)


def write_data(path: Path, data: Data) -> Path:
    """Write data as a spec: JSON is YAML, so the loader reads it with positions."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    return path


def by_id(items: list[Data], ident: str) -> Data:
    return next(i for i in items if i["id"] == ident)


def first(items: list[Data], test: Callable[[Data], bool]) -> Data:
    return next(i for i in items if test(i))


# --- one mutation per rule: (example, change to its data, the rules it must give, exactly) -----


def _core_added(d: Data) -> None:
    d["core_elements"].append(
        {
            "id": "new-core",
            "name": "New",
            "function": "F.",
            "form": "Form.",
            "rationale": "R.",
            "fidelity": ["Seen."],
        }
    )


def _core_roles_added(d: Data) -> None:
    core = d["core_elements"][0]
    core["roles"] = [*core.get("roles", []), "senior-champion"]


def _alt_form_added(d: Data) -> None:
    first(d["core_elements"], lambda c: "alternative_forms" in c)["alternative_forms"].append(
        {"context": "Rural sites", "form": "By video."}
    )


def _alt_form_removed(d: Data) -> None:
    first(d["core_elements"], lambda c: "alternative_forms" in c)["alternative_forms"].pop()


def _options(d: Data) -> list[Any]:
    element = first(d["adaptable_elements"], lambda a: len(a["adaptations"].get("options", [])) > 1)
    options: list[Any] = element["adaptations"]["options"]
    return options


def _ranged(d: Data) -> Data:
    ranged: Data = first(d["adaptable_elements"], lambda a: "range" in a["adaptations"])
    return ranged["adaptations"]["range"]


def _narrow(d: Data) -> None:
    r = _ranged(d)
    r["min"] = (r.get("min") or 0) + 1


def _widen(d: Data) -> None:
    r = _ranged(d)
    r["max"] = (r.get("max") or 10) + 5


def _range_added(d: Data) -> None:
    element = first(d["adaptable_elements"], lambda a: "range" not in a["adaptations"])
    element["adaptations"]["range"] = {"min": 1, "max": 3, "unit": "hours"}


def _range_removed(d: Data) -> None:
    del first(d["adaptable_elements"], lambda a: "range" in a["adaptations"])["adaptations"][
        "range"
    ]


def _approval(value: bool) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        d["adaptable_elements"][0]["requires_approval"] = value

    return change


def _guardrail_added(d: Data) -> None:
    element = d["adaptable_elements"][0]
    element.setdefault("guardrails", []).append(
        {"core_element": "licensed-delivery", "note": "Keep it licensed."}
    )


def _guardrail_removed(d: Data) -> None:
    first(d["adaptable_elements"], lambda a: bool(a.get("guardrails")))["guardrails"].pop()


def _must_pass(d: Data) -> None:
    first(d["fidelity"]["criteria"], lambda c: "minimum" not in c)["minimum"] = 1


def _criterion(d: Data) -> Data:
    criterion: Data = first(d["fidelity"]["criteria"], lambda c: "minimum" in c)
    return criterion


def _raise_min(d: Data) -> None:
    _criterion(d)["minimum"] += 1


def _lower_min(d: Data) -> None:
    del _criterion(d)["minimum"]


def _new_criterion(minimum: int | None) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        new = copy.deepcopy(d["fidelity"]["criteria"][0])
        new["id"] = "new-criterion"
        new.pop("minimum", None)
        if minimum is not None:
            new["minimum"] = minimum
        d["fidelity"]["criteria"].append(new)

    return change


def _standard(step: int) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        band = first(d["fidelity"]["bands"], lambda b: bool(b.get("meets_standard")))
        band["min"] += step

    return change


def _readiness(required: bool) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        d["readiness"].append({"id": "new-ready", "criterion": "A room.", "required": required})

    return change


def _obligation(required: bool) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        d["support"]["obligations"].append(
            {"kind": "reporting", "description": "Report yearly.", "required": required}
        )

    return change


def _role(required: bool | None) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        role: Data = {"id": "new-role", "title": "Helper", "responsibilities": ["Helps."]}
        if required is not None:
            role["required"] = required
        d["roles"].append(role)

    return change


def _withdrawn(d: Data) -> None:
    d["status"] = "retired"
    d["verdict"] = {
        "summary": "Replaced.",
        "reason": "A newer model.",
        "decided_by": "The owners",
        "date": "2026-01",
    }


def _set(*path: Any, value: Any) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        node: Any = d
        for key in path[:-1]:
            node = by_id(node, key) if isinstance(node, list) else node[key]
        node[path[-1]] = value

    return change


def _remove(section: str, ident: str) -> Callable[[Data], None]:
    def change(d: Data) -> None:
        d[section] = [i for i in d[section] if i["id"] != ident]

    return change


S, R = SCHWARTZ, RAID
CASES: dict[str, tuple[Path, Callable[[Data], None], set[str]]] = {
    "core-element-added": (S, _core_added, {"core-element-added"}),
    "core-element-removed": (
        S,
        _remove("core_elements", "prepared-panel"),
        {"core-element-removed"},
    ),
    "core-function-changed": (
        S,
        _set("core_elements", "emotional-focus", "function", value="Another purpose."),
        {"core-function-changed"},
    ),
    "core-form-changed": (
        S,
        _set("core_elements", "emotional-focus", "form", value="Another way."),
        {"core-form-changed"},
    ),
    "alternative-form-added": (R, _alt_form_added, {"alternative-form-added"}),
    "alternative-form-removed": (R, _alt_form_removed, {"alternative-form-removed"}),
    "core-resource-added": (S, _core_roles_added, {"core-resource-added"}),
    "core-resource-removed": (
        S,
        _set("core_elements", "story-then-reflection", "roles", value=[]),
        {"core-resource-removed"},
    ),
    "adaptable-element-removed": (
        S,
        _remove("adaptable_elements", "food"),
        {"adaptable-element-removed"},
    ),
    "adaptable-element-added": (
        S,
        lambda d: d["adaptable_elements"].append(
            {**copy.deepcopy(d["adaptable_elements"][0]), "id": "new-adaptable"}
        ),
        {"adaptable-element-added"},
    ),
    "option-removed": (S, lambda d: _options(d).pop(), {"option-removed"}),
    "option-added": (S, lambda d: _options(d).append("A new choice"), {"option-added"}),
    "range-added": (S, _range_added, {"range-added"}),
    "range-narrowed": (S, _narrow, {"range-narrowed"}),
    "range-widened": (S, _widen, {"range-widened"}),
    "range-removed": (S, _range_removed, {"range-removed"}),
    "approval-required": (S, _approval(True), {"approval-required"}),
    "approval-relaxed": (R, _approval(False), set()),  # false already: no change at all
    "guardrail-added": (S, _guardrail_added, {"guardrail-added"}),
    "guardrail-removed": (S, _guardrail_removed, {"guardrail-removed"}),
    "default-changed": (
        S,
        lambda d: d["adaptable_elements"][0].__setitem__("default", "Something else"),
        {"default-changed"},
    ),
    "proscribed-added": (
        S,
        lambda d: d["proscribed"].append(
            {"id": "no-recording", "practice": "Recording.", "reason": "Confidentiality."}
        ),
        {"proscribed-added"},
    ),
    "proscribed-removed": (S, _remove("proscribed", "no-attribution"), {"proscribed-removed"}),
    "must-pass-added": (S, _must_pass, {"must-pass-added"}),
    "must-pass-added (new criterion)": (S, _new_criterion(1), {"must-pass-added"}),
    "minimum-raised": (R, _raise_min, {"minimum-raised"}),
    "minimum-lowered": (R, _lower_min, {"minimum-lowered"}),
    "criterion-added": (S, _new_criterion(None), {"criterion-added"}),
    "criterion-removed": (
        S,
        lambda d: d["fidelity"]["criteria"].pop(0),
        {"criterion-removed"},
    ),
    "standard-raised": (S, _standard(1), {"standard-raised"}),
    "standard-lowered": (S, _standard(-1), {"standard-lowered"}),
    "readiness-added": (S, _readiness(True), {"readiness-added"}),
    "readiness-recommended": (S, _readiness(False), {"readiness-recommended"}),
    "readiness-removed": (S, _remove("readiness", "funding"), {"readiness-removed"}),
    "obligation-added": (S, _obligation(True), {"obligation-added"}),
    "obligation-recommended": (S, _obligation(False), {"obligation-recommended"}),
    "obligation-removed": (S, lambda d: d["support"]["obligations"].pop(), {"obligation-removed"}),
    "role-required-added": (S, _role(True), {"role-required-added"}),
    "role-added": (S, _role(None), {"role-added"}),
    "role-removed": (S, _remove("roles", "senior-champion"), {"role-removed"}),
    "material-added": (
        S,
        lambda d: d["materials"].append({"id": "new-m", "title": "Leaflet", "description": "D."}),
        {"material-added"},
    ),
    "material-removed": (S, _remove("materials", "virtual-rounds-guidance"), {"material-removed"}),
    "delivery-mode-removed": (
        S,
        _set("delivery", "modes", value=["face_to_face"]),
        {"delivery-mode-removed"},
    ),
    "delivery-mode-added": (
        S,
        _set("delivery", "modes", value=["face_to_face", "online", "telephone"]),
        {"delivery-mode-added"},
    ),
    "status-withdrawn": (S, _withdrawn, {"status-withdrawn", "record-changed"}),
    "element-added": (
        S,
        lambda d: d["pathway"].append({**copy.deepcopy(d["pathway"][0]), "id": "new-phase"}),
        {"element-added"},
    ),
    "element-removed": (S, _remove("pathway", "sustain"), {"element-removed"}),
    "record-changed": (
        S,
        lambda d: d["references"][0].__setitem__("title", "Another title"),
        {"record-changed"},
    ),
    "text-changed": (
        S,
        _set("core_elements", "emotional-focus", "name", value="Feelings first"),
        {"text-changed"},
    ),
}


@functools.cache
def _original(source: Path) -> Side:
    """An example read once for every case: a Side is never changed."""
    return read_side(str(source))


def _diff(source: Path, change: Callable[[Data], None], tmp_path: Path) -> Any:
    data = data_of(source)
    change(data)
    new = write_data(tmp_path / "intervention.yaml", data)
    return diff_specs(_original(source), read_side(str(new)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_change_is_classified_by_its_rule(name: str, tmp_path: Path) -> None:
    source, change, expected = CASES[name]
    found = _diff(source, change, tmp_path)
    assert {c.rule for c in found.changes} == expected, [(c.rule, c.message) for c in found.changes]
    for c in found.changes:
        assert c.old_at is not None or c.new_at is not None, c


def test_every_rule_has_a_case() -> None:
    covered = set().union(*(expected for _, _, expected in CASES.values()))
    # approval-relaxed is met on the way to a new option's own rule, below.
    assert covered | {"approval-relaxed"} == set(RULES)


def test_an_option_that_no_longer_needs_approval(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        d["adaptable_elements"][0]["requires_approval"] = True

    data = data_of(SCHWARTZ)
    change(data)
    old = write_data(tmp_path / "old.yaml", data)
    found = diff_specs(read_side(str(old)), read_side(str(SCHWARTZ)))
    assert [c.rule for c in found.changes] == ["approval-relaxed"]


def test_an_unchanged_spec_has_no_changes() -> None:
    found = diff_specs(read_side(str(RAID)), read_side(str(RAID)))
    assert found.changes == [] and found.required is Bump.none and found.ok


def test_levels_and_bumps() -> None:
    assert {r.level for r in RULES.values()} == set(Level)
    assert declared_bump("1.2.3", "2.0.0") is Bump.major
    assert declared_bump("1.2.3", "1.3.0") is Bump.minor
    assert declared_bump("1.2.3", "1.2.4") is Bump.patch
    assert declared_bump("1.2.3", "1.2.3") is Bump.none
    assert declared_bump("1.2.3", "1.2.2") is None
    assert declared_bump("1.2", "1.3.0") is None


def test_positions_in_both_files(tmp_path: Path) -> None:
    source, change, _ = CASES["core-form-changed"]
    found = _diff(source, change, tmp_path)
    (c,) = found.changes
    assert c.path == "core_elements[emotional-focus].form"
    old_lines = SCHWARTZ.read_text(encoding="utf-8").splitlines()
    new_lines = (tmp_path / "intervention.yaml").read_text(encoding="utf-8").splitlines()
    assert c.old_at is not None and c.new_at is not None
    assert old_lines[c.old_at[0] - 1].lstrip().startswith("form:")
    assert '"Another way."' in new_lines[c.new_at[0] - 1]


def test_before_one_a_minor_bump_is_enough_for_breaking_changes(tmp_path: Path) -> None:
    data = data_of(SCHWARTZ)
    data["version"] = "0.3.0"
    old = write_data(tmp_path / "old.yaml", data)
    _core_added(data)
    data["version"] = "0.4.0"
    new = write_data(tmp_path / "new.yaml", data)
    found = diff_specs(read_side(str(old)), read_side(str(new)))
    assert found.required is Bump.minor and found.ok


# --- the command --------------------------------------------------------------------------------


def _pair(tmp_path: Path, version: str, change: Callable[[Data], None] = _core_added) -> Path:
    data = data_of(SCHWARTZ)
    change(data)
    data["version"] = version
    return write_data(tmp_path / "intervention.yaml", data)


@pytest.mark.parametrize(("version", "code"), [("2.0.0", 0), ("1.1.0", 1), ("1.0.0", 1)])
def test_exit_code_says_whether_the_bump_is_enough(tmp_path: Path, version: str, code: int) -> None:
    new = _pair(tmp_path, version)
    status, out = run("diff", str(SCHWARTZ), str(new))
    assert status == code, out
    assert "breaking core-element-added core_elements[new-core]" in out
    assert ("enough" if code == 0 else "too small") in out.splitlines()[-1]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("diff", str(SCHWARTZ))[0] == 2
    assert run("diff", "--against", "HEAD", str(SCHWARTZ), str(RAID))[0] == 2
    code, out = run("diff", str(tmp_path / "missing.yaml"), str(SCHWARTZ))
    assert code == 2 and "missing.yaml" in out
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    code, out = run("diff", str(tmp_path / "bad.yaml"), str(SCHWARTZ))
    assert code == 2 and "cannot be read as a spec" in out
    (tmp_path / "wrong.yaml").write_text("id: x\nname: No more\n", encoding="utf-8")
    code, out = run("diff", str(tmp_path / "wrong.yaml"), str(SCHWARTZ))
    assert code == 2 and "not a valid spec" in out and "CS002" in out


def test_json_shape(tmp_path: Path) -> None:
    new = _pair(tmp_path, "1.1.0")
    code, out = run("diff", "--format", "json", str(SCHWARTZ), str(new))
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"old", "new", "changes", "required_bump", "declared_bump", "ok"}
    assert data["old"] == {"label": str(SCHWARTZ), "id": "schwartz-rounds", "version": "1.0.0"}
    assert (data["required_bump"], data["declared_bump"], data["ok"]) == ("major", "minor", False)
    (change,) = data["changes"]
    assert set(change) == {"rule", "level", "bump", "path", "message", "old", "new"}
    assert (change["rule"], change["level"], change["bump"]) == (
        "core-element-added",
        "breaking",
        "major",
    )
    assert change["old"] is None and set(change["new"]) == {"line", "column"}


def test_markdown_for_adopters(tmp_path: Path) -> None:
    pytest.importorskip("markupsafe")

    def change(d: Data) -> None:
        _core_added(d)
        _options(d).append("A new choice")
        d["references"][0]["title"] = "Another title"

    new = _pair(tmp_path, "2.0.0", change)
    code, out = run("diff", "--format", "markdown", str(SCHWARTZ), str(new))
    assert code == 0
    must = out.index("## What you must now do differently")
    may = out.index("## What you may now do")
    assert must < out.index("core-element-added") < may < out.index("option-added")
    assert "from 1.0.0 to 2.0.0: a major bump" in out


HOSTILE = "Evil \x1b[31mred\x1b[0m <script>alert(1)</script> {: onclick=x } \u202e"


def test_hostile_spec_text_is_escaped(tmp_path: Path) -> None:
    pytest.importorskip("markupsafe")
    new = _pair(
        tmp_path,
        "2.0.0",
        _set("core_elements", "emotional-focus", "form", value=HOSTILE),
    )
    code, text = run("diff", str(SCHWARTZ), str(new))
    assert code == 0
    assert "\x1b" not in text and "\u202e" not in text and "\\x1b[31m" in text
    code, md = run("diff", "--format", "markdown", str(SCHWARTZ), str(new))
    assert "<script>" not in md and "&lt;script&gt;" in md and "{:" not in md
    assert "\x1b" not in md
    code, js = run("diff", "--format", "json", str(SCHWARTZ), str(new))
    assert HOSTILE in json.loads(js)["changes"][0]["message"]  # JSON keeps it, escaped


# --- git: REV:path and --against ---------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding both examples, tagged v1.0.0, then edited (not committed)."""
    folder = tmp_path / "repo"
    for example in ("schwartz_rounds", "raid"):
        (folder / example).mkdir(parents=True)
        text = (ROOT / "examples" / example / "intervention.yaml").read_text(encoding="utf-8")
        (folder / example / "intervention.yaml").write_text(text, encoding="utf-8")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "v1")
    git(folder, "tag", "v1.0.0")
    monkeypatch.chdir(folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


_PROSCRIBED = (
    "proscribed:\n",
    "proscribed:\n  - id: no-recording\n    practice: Recording a Round.\n"
    "    reason: It breaks confidentiality.\n",
)


def test_rev_path_and_against_read_git(repo: Path) -> None:
    spec = repo / "schwartz_rounds" / "intervention.yaml"
    _edit(spec, *_PROSCRIBED)
    _edit(spec, 'version: "1.0.0"', 'version: "1.1.0"')
    code, out = run("diff", "v1.0.0:schwartz_rounds/intervention.yaml", str(spec))
    assert code == 1 and "breaking proscribed-added proscribed[no-recording]" in out
    assert out.startswith("v1.0.0:schwartz_rounds/intervention.yaml -> ")
    code2, out2 = run("diff", "--against", "v1.0.0", "schwartz_rounds")
    assert code2 == 1 and "proscribed-added" in out2
    git(repo, "commit", "-q", "-am", "v1.1")
    # Both sides from git: the tag and the commit after it.
    code3, out3 = run(
        "diff", "v1.0.0:schwartz_rounds/intervention.yaml", "HEAD:schwartz_rounds/intervention.yaml"
    )
    assert code3 == 1 and out3.count("proscribed-added") == 1


def test_git_problems_are_usage_errors(repo: Path, tmp_path: Path) -> None:
    code, out = run("diff", "v9.9.9:raid/intervention.yaml", "raid/intervention.yaml")
    assert code == 2 and "'v9.9.9' is not a revision" in out
    code, out = run("diff", "v1.0.0:nowhere.yaml", "raid/intervention.yaml")
    assert code == 2 and "does not exist" in out
    code, out = run("diff", "--against", "--upload-pack=x", "raid/intervention.yaml")
    assert code == 2 and "not a git revision" in out
    code, out = run(
        "diff", "v1.0.0:raid/intervention.yaml", "raid/intervention.yaml", env={"PATH": ""}
    )
    assert code == 2 and "git is not installed" in out
    outside = tmp_path / "outside"
    outside.mkdir()
    spec = outside / "intervention.yaml"
    spec.write_text(SCHWARTZ.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run("diff", "--against", "HEAD", str(spec))
    assert code == 2 and "not inside a git repository" in out


def test_check_against_reports_the_version_line(repo: Path) -> None:
    spec = repo / "schwartz_rounds" / "intervention.yaml"
    _edit(spec, *_PROSCRIBED)
    _edit(spec, 'version: "1.0.0"', 'version: "1.1.0"')
    code, out = run("check", "--against", "v1.0.0", "--format", "json", "schwartz_rounds")
    assert code == 1
    (d,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "CR031"]
    line = spec.read_text(encoding="utf-8").splitlines()[d["line"] - 1]
    assert line.startswith("version:") and d["column"] == line.index('"1.1.0"') + 1
    assert "minor bump from 1.0.0 at v1.0.0" in d["message"]
    assert "proscribed-added proscribed[no-recording]" in d["message"]
    # The other example did not change; a major bump makes this one pass.
    _edit(spec, 'version: "1.1.0"', 'version: "2.0.0"')
    code, out = run("check", "--against", "v1.0.0", ".")
    assert "CR031" not in out
    # Without --against nothing is compared; an unknown revision is a usage error.
    _edit(spec, 'version: "2.0.0"', 'version: "1.0.0"')
    assert "CR031" not in run("check", "schwartz_rounds")[1]
    assert run("check", "--against", "nope", "schwartz_rounds")[0] == 2


def test_a_new_spec_may_start_at_any_version(repo: Path) -> None:
    new = repo / "new" / "intervention.yaml"
    new.parent.mkdir()
    new.write_text(SCHWARTZ.read_text(encoding="utf-8"), encoding="utf-8")
    _code, out = run("check", "--against", "v1.0.0", "--format", "json", "new")
    assert "CR031" not in out


def test_version_rule_can_be_suppressed_on_its_line(repo: Path) -> None:
    spec = repo / "schwartz_rounds" / "intervention.yaml"
    _edit(spec, *_PROSCRIBED)
    _edit(spec, 'version: "1.0.0"', 'version: "1.0.1"  # codify: ignore[CR031]')
    _code, out = run("check", "--against", "v1.0.0", "--format", "json", "schwartz_rounds")
    assert "CR031" not in {d["code"] for d in json.loads(out)["diagnostics"]}


# --- scale --------------------------------------------------------------------------------------


def _grown(n: int) -> Data:
    data = data_of(SCHWARTZ)
    template = data["core_elements"][0]
    data["core_elements"] = [
        {**copy.deepcopy(template), "id": f"core-{i}", "name": f"Core {i}"} for i in range(n)
    ]
    return data


@pytest.mark.slow
def test_time_grows_linearly_with_the_spec(tmp_path: Path) -> None:
    def timed(n: int) -> float:
        data = _grown(n)
        old = write_data(tmp_path / f"old{n}.yaml", data)
        data["core_elements"].reverse()  # every element moves: pairing is by id, not place
        data["core_elements"][0]["form"] = "Changed."
        new = write_data(tmp_path / f"new{n}.yaml", data)
        a, b = read_side(str(old)), read_side(str(new))
        start = time.perf_counter()
        found = diff_specs(a, b)
        took = time.perf_counter() - start
        assert [c.rule for c in found.changes] == ["core-form-changed"]
        return took

    small, large = timed(500), timed(5000)
    assert large < small * 40  # ten times the size; quadratic would be a hundred


def test_side_labels_are_kept() -> None:
    side = read_side(str(SCHWARTZ))
    assert isinstance(side, Side) and side.label == str(SCHWARTZ) and side.document is not None


def test_a_migrated_format_1_spec_changes_nothing_for_adopters(tmp_path: Path) -> None:
    # Format 1 read a role without `required` as required; migrating writes `required: true`.
    data = data_of(SCHWARTZ)
    old = copy.deepcopy(data)
    del old["format_version"]
    for role in old["roles"]:
        if role.get("required") is True:
            del role["required"]
    for role in data["roles"]:
        role.setdefault("required", True)
    found = diff_specs(
        read_side(str(write_data(tmp_path / "old.yaml", old))),
        read_side(str(write_data(tmp_path / "new.yaml", data))),
    )
    assert found.changes == []
    # In format 2 a role that does not say is "not stated": saying "required" is then new.
    data["roles"][0].pop("required")
    data["roles"][0]["required"] = True
    unstated = copy.deepcopy(data)
    del unstated["roles"][0]["required"]
    found = diff_specs(
        read_side(str(write_data(tmp_path / "unstated.yaml", unstated))),
        read_side(str(write_data(tmp_path / "stated.yaml", data))),
    )
    assert [c.rule for c in found.changes] == ["role-required-added"]


def test_the_guide_lists_every_rule_as_the_table_says() -> None:
    guide = (ROOT / "docs" / "guides" / "change-control.md").read_text(encoding="utf-8")
    rows = [line for line in guide.splitlines() if line.startswith("| `")]
    expected = [
        f"| `{r.id}` | {r.level.value} | {LEVEL_BUMP[r.level].name} | {r.summary} |"
        for r in RULES.values()
    ]
    assert rows == expected


@pytest.mark.slow
@needs_pre_commit
def test_the_version_rule_through_the_real_pre_commit(tmp_path: Path, base_spec: str) -> None:
    """The published hook's definition with `args: [--against, main]`, run by pre-commit on a
    staged edit: the codify that runs is this one (a system hook), the rest is pre-commit's."""

    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v0.1.0")
    hook = published_hook()
    hook = {
        **hook,
        "entry": f"{sys.executable} -m codify check",
        "language": "system",
        "args": ["--against", "main"],
    }
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "run", "--files", "intervention.yaml", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    spec = repo / "intervention.yaml"
    _edit(spec, "Lunchtime, Early morning, Late afternoon", "Lunchtime, Early morning")
    git(repo, "add", ".")
    bad = pre_commit()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    line = next(n for n, t in enumerate(base_spec.splitlines(), 1) if t.startswith("version:"))
    assert f"intervention.yaml:{line}:10: CR031 version 0.1.0 is the same as 0.1.0 at main" in (
        bad.stdout
    )
    assert "option-removed adaptable_elements[" in bad.stdout
    _edit(spec, "version: 0.1.0", "version: 0.2.0")
    git(repo, "add", ".")
    good = pre_commit()
    assert good.returncode == 0, good.stdout + good.stderr


def test_two_tagged_releases_of_both_examples(repo: Path) -> None:
    """v1.0.0 and v2.0.0 of a repository holding both examples, with realistic edits of each
    class between them, compared tag to tag; then a release whose version says too little."""
    schwartz = repo / "schwartz_rounds" / "intervention.yaml"
    raid = repo / "raid" / "intervention.yaml"
    _edit(schwartz, *_PROSCRIBED)  # breaking
    _edit(
        schwartz,
        "      guidance: >-\n        Choose the slot at which",
        "      options: [Lunchtime, Early evening, Before a night shift]\n"
        "      guidance: >-\n        Choose the slot at which",
    )  # compatible: options where there were none
    _edit(
        schwartz,
        "  Schwartz Rounds are a regular one-hour",
        "  Schwartz Rounds are a monthly one-hour",
    )
    _edit(schwartz, 'version: "1.0.0"', 'version: "2.0.0"')
    _edit(
        raid,
        "materials:\n",
        "materials:\n  - id: pocket-card\n    title: Referral pocket card\n"
        "    description: The referral criteria on a card for ward staff.\n",
    )  # compatible
    _edit(raid, "  Mental-health problems are very common", "  Mental-health problems are common")
    _edit(raid, 'version: "1.0.0"', 'version: "1.1.0"')
    git(repo, "commit", "-q", "-am", "v2")
    git(repo, "tag", "v2.0.0")

    code, out = run(
        "diff", "--format", "json",
        "v1.0.0:schwartz_rounds/intervention.yaml", "v2.0.0:schwartz_rounds/intervention.yaml",
    )  # fmt: skip
    data = json.loads(out)
    assert code == 0 and data["required_bump"] == "major" and data["declared_bump"] == "major"
    levels = {(c["rule"], c["level"]) for c in data["changes"]}
    assert ("proscribed-added", "breaking") in levels
    assert ("option-added", "compatible") in levels
    assert ("record-changed", "editorial") in levels  # the summary's wording
    code, out = run("diff", "v1.0.0:raid/intervention.yaml", "v2.0.0:raid/intervention.yaml")
    assert code == 0 and "compatible material-added materials[pocket-card]" in out
    assert "required bump: minor; declared: minor (1.0.0 -> 1.1.0): enough" in out
    assert "CR031" not in run("check", "--against", "v1.0.0", ".")[1]

    # A release that calls a new proscribed practice a patch is refused, on its version line.
    _edit(raid, "proscribed:\n", "proscribed:\n  - id: no-sedation\n    practice: Sedating to"
          " discharge.\n    reason: It hides the problem.\n")  # fmt: skip
    _edit(raid, 'version: "1.1.0"', 'version: "1.1.1"')
    code, out = run("check", "--against", "v2.0.0", "raid")
    assert code == 1 and ":17:10: CR031 version 1.1.1 is a patch bump from 1.1.0 at v2.0.0" in out


def test_a_change_deep_in_a_long_text_is_shown_on_both_sides(tmp_path: Path) -> None:
    # Cut at 80 characters, both sides of a change past them read alike ("within the …" to
    # "within the …"); the words around the change are shown instead.
    from codify.diff import _from_to

    before = (
        "Patients referred from the emergency department are seen within 1 hour of referral; "
        "patients referred from wards are seen within 24 hours."
    )
    after = before.replace("within 1 hour", "within 2 hours")
    said = _from_to(before, after)
    assert "within 1 hour of referral" in said.split(" to ")[0]
    assert "within 2 hours of referral" in said.split(" to ")[1]
    assert said.startswith("from '…") and len(said) < 2 * 80 + 20
    # Short texts are shown whole; a text that grew at its end shows its new end.
    assert _from_to("Monthly", "Weekly") == "from 'Monthly' to 'Weekly'"
    longer = _from_to(before, before + " Urgent referrals from wards within 4 hours.")
    assert longer.endswith("within 4 hours.'")


def test_the_markdown_page_names_each_item_as_adopters_know_it(tmp_path: Path) -> None:
    # "What changed for adopters" is read by adopters, who know an element by its name, not
    # by the id in its path.
    from click.testing import CliRunner

    from codify.cli import cli as main_cli
    from tests.conftest import EXAMPLES

    raid = next(e for e in EXAMPLES if e.parent.name == "raid")
    text = raid.read_text(encoding="utf-8")
    assert text.count("within 1 hour of referral;") == 1
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(
        text.replace("within 1 hour of referral;", "within 2 hours of referral;"), "utf-8"
    )
    result = CliRunner().invoke(main_cli, ["diff", str(old), str(new), "--format", "markdown"])
    line = next(ln for ln in result.output.splitlines() if "within 2 hours" in ln)
    assert line.lstrip().startswith("- core element **Rapid response standards"), line
    assert "(`form`) changed from '…" in line and "core_elements[" not in line
