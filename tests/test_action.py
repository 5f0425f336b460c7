"""The GitHub Action (action.yml) and the CI workflows the integration guide documents.

GitHub cannot be run here, so the action is read as the runner reads it and its shell steps
are run as the runner runs them (`bash --noprofile --norc -eo pipefail`), with the inputs,
`github.action_path` and step outputs filled in as GitHub fills them. `uses:` steps cannot run
here: what they are given is checked instead. The documented workflows are parsed, checked for
what makes a workflow hide a failure, and their `codify check` lines are run on a broken spec.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

ACTION = ROOT / "action.yml"
GUIDE = ROOT / "docs" / "guides" / "integration.md"
BIN = Path(sys.executable).parent  # where the test run's `codify` command is
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_yaml(text: str) -> Any:
    """YAML as GitHub reads it (1.2, no custom tags)."""
    return YAML(typ="safe", pure=True).load(text)


ACTION_DATA: dict[str, Any] = load_yaml(ACTION.read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION_DATA["runs"]["steps"]


# --- a small evaluator of GitHub expressions, for the ones the action uses --------------------


class Context:
    """The `inputs`, `github` and `steps` contexts of one run of the action."""

    def __init__(self, inputs: dict[str, str], action_path: Path) -> None:
        declared = ACTION_DATA["inputs"]
        unknown = set(inputs) - set(declared)
        assert not unknown, f"not inputs of the action: {unknown}"
        self.inputs = {k: inputs.get(k, str(v.get("default", ""))) for k, v in declared.items()}
        self.github = {"action_path": str(action_path)}
        self.steps: dict[str, dict[str, dict[str, str]]] = {}

    def lookup(self, name: str) -> str:
        """A context value such as `inputs.paths` or `steps.check.outputs.exit-code`."""
        head, _, rest = name.partition(".")
        if head == "inputs":
            return self.inputs[rest]
        if head == "github":
            return self.github[rest]
        if head == "steps":
            step, _, output = rest.partition(".outputs.")
            return self.steps.get(step, {}).get("outputs", {}).get(output, "")
        raise AssertionError(f"the test does not know the context of {name!r}")

    def value(self, expression: str) -> str | bool:
        """An expression of `==`, `!=`, `&&`, `||`, functions of status and literals."""
        expression = expression.strip()
        if "||" in expression:
            return any(self.value(part) for part in expression.split("||"))
        if "&&" in expression:
            return all(self.value(part) for part in expression.split("&&"))
        for op in ("==", "!="):
            if op in expression:
                left, right = (str(self.value(side)) for side in expression.split(op))
                return (left == right) if op == "==" else (left != right)
        if expression in ("success()", "always()", "failure()"):
            return expression != "failure()"  # the action's steps never fail before its last
        if expression.startswith("'") and expression.endswith("'"):
            return expression[1:-1]
        return self.lookup(expression)

    def fill(self, text: str) -> str:
        """`text` with each `${{ ... }}` replaced by its value, as GitHub does before a step."""
        return _EXPRESSION.sub(lambda m: str(self.value(m[1])), text)

    def runs(self, step: dict[str, Any]) -> bool:
        """Whether the step's `if:` lets it run (no `if:` means `success()`)."""
        condition = step.get("if")
        return True if condition is None else bool(self.value(_EXPRESSION.sub(r"\1", condition)))


def run_step(step: dict[str, Any], ctx: Context, workspace: Path, path: str) -> int:
    """Run one `run:` step as the runner does, and record the outputs it writes."""
    assert step["shell"] == "bash"
    outputs = workspace / f".output-{len(ctx.steps)}"
    outputs.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": path,
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_ACTION_PATH": ctx.github["action_path"],
        **{k: ctx.fill(str(v)) for k, v in step.get("env", {}).items()},
    }
    script = workspace / ".step.sh"
    script.write_text(step["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = dict(
        line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines() if line
    )
    ctx.steps[step.get("id", f"step{len(ctx.steps)}")] = {"outputs": found}
    step["_log"] = done.stdout + done.stderr
    return done.returncode


def run_action(
    inputs: dict[str, str], workspace: Path, action_path: Path
) -> tuple[Context, dict[str, int | str]]:
    """Every step of the action in order: each shell step's exit code, or what a `uses:` step
    would have been given, or `skipped`. The install step's `python` is a stand-in that
    records its arguments (nothing is installed: the test run's codify is on PATH)."""
    shims = workspace.parent / "shims"
    shims.mkdir(exist_ok=True)
    (shims / "python").write_text(
        '#!/bin/sh\nprintf "%s\\n" "$@" > "$PIP_ARGS"\n', encoding="utf-8"
    )
    (shims / "python").chmod(0o755)
    os.environ["PIP_ARGS"] = str(workspace.parent / "pip-args")
    path = os.pathsep.join([str(shims), str(BIN), os.environ.get("PATH", "")])
    ctx = Context(inputs, action_path)
    outcome: dict[str, int | str] = {}
    for step in STEPS:
        name = step["name"]
        if not ctx.runs(step):
            outcome[name] = "skipped"
        elif "uses" in step:
            given = {k: ctx.fill(str(v)) for k, v in step.get("with", {}).items()}
            outcome[name] = json.dumps({"uses": step["uses"], **given})
        else:
            outcome[name] = run_step(step, ctx, workspace, path)
    return ctx, outcome


# --- the action, read ---------------------------------------------------------------------------


def test_the_action_is_composite_and_its_expressions_name_what_exists() -> None:
    assert ACTION_DATA["runs"]["using"] == "composite"
    assert ACTION_DATA["name"] and ACTION_DATA["description"]
    ids = {s["id"] for s in STEPS if "id" in s}
    text = ACTION.read_text(encoding="utf-8")
    for expression in _EXPRESSION.findall(text) + [s["if"] for s in STEPS if "if" in s]:
        for name in re.findall(r"\b(inputs|steps|github)\.([\w.-]+)", expression):
            if name[0] == "inputs":
                assert name[1] in ACTION_DATA["inputs"], expression
            elif name[0] == "steps":
                assert name[1].split(".")[0] in ids, expression
    for step in STEPS:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            # Inputs reach scripts through env only: pasted into a script, a value could run.
            assert "${{" not in step["run"], step["name"]
    for key, output in ACTION_DATA["outputs"].items():
        assert output["description"] and "steps.check.outputs." in output["value"], key
    uses = [s["uses"] for s in STEPS if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]


def test_the_shell_steps_pass_shellcheck_if_it_is_installed(tmp_path: Path) -> None:
    from shutil import which

    if which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    for step in STEPS:
        if "run" in step:
            script = tmp_path / "step.sh"
            script.write_text("#!/bin/bash\n" + step["run"], encoding="utf-8")
            done = subprocess.run(
                ["shellcheck", str(script)], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stdout


# --- the action, run ----------------------------------------------------------------------------


@pytest.fixture
def checkout(tmp_path: Path, base_spec: str) -> tuple[Path, Path]:
    """A workspace with a spec with an error in a folder with a space, a clean spec, and the
    action's own repository reached through a path with a space (as `github.action_path`)."""
    workspace = tmp_path / "work"
    (workspace / "my specs").mkdir(parents=True)
    (workspace / "my specs" / "intervention.yaml").write_text(
        base_spec.replace("version: 0.1.0", "version: '1.0'"), encoding="utf-8"
    )
    (workspace / "clean").mkdir()
    (workspace / "clean" / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    action_path = tmp_path / "the action"
    action_path.symlink_to(ROOT, target_is_directory=True)
    return workspace, action_path


def test_the_action_installs_itself_checks_uploads_and_then_fails(
    checkout: tuple[Path, Path],
) -> None:
    workspace, action_path = checkout
    ctx, outcome = run_action({"paths": "my specs\nclean\n"}, workspace, action_path)
    assert outcome["Set up Python"] == json.dumps(
        {"uses": "actions/setup-python@v5", "python-version": "3.12"}
    )
    assert outcome["Install codify"] == 0
    pip = (workspace.parent / "pip-args").read_text(encoding="utf-8").splitlines()
    assert pip[:3] == ["-m", "pip", "install"] and pip[-1] == str(action_path)
    assert outcome["Check the specs"] == 0  # it records the code; the last step fails
    assert ctx.steps["check"]["outputs"] == {"exit-code": "1", "sarif-file": "codify.sarif"}
    log = json.loads((workspace / "codify.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["CR006"]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20specs/intervention.yaml"
    assert outcome["Upload to code scanning"] == json.dumps(
        {
            "uses": "github/codeql-action/upload-sarif@v3",
            "sarif_file": "codify.sarif",
            "category": "codify",
        }
    )
    assert outcome["Fail on problems"] == 1
    check_step = next(s for s in STEPS if s.get("id") == "check")
    assert "CR006" in check_step["_log"]  # the findings are in the job's log as text


def test_a_clean_run_passes_and_still_uploads(checkout: tuple[Path, Path]) -> None:
    workspace, action_path = checkout
    ctx, outcome = run_action(
        {"paths": "clean", "strict": "true", "upload": "true"}, workspace, action_path
    )
    assert ctx.steps["check"]["outputs"]["exit-code"] == "0"
    assert outcome["Upload to code scanning"] != "skipped"  # an empty report closes alerts
    assert outcome["Fail on problems"] == "skipped"


@pytest.mark.parametrize(
    ("inputs", "upload"),
    [
        ({"strict": "yes"}, "skipped"),  # not true or false: refused, nothing to upload
        ({"config": "missing.toml"}, "skipped"),  # settings that cannot be read: exit 2
        ({"paths": "clean", "upload": "false"}, "skipped"),
    ],
)
def test_refusals_fail_the_job_and_skip_the_upload(
    checkout: tuple[Path, Path], inputs: dict[str, str], upload: str
) -> None:
    workspace, action_path = checkout
    ctx, outcome = run_action(inputs, workspace, action_path)
    assert outcome["Upload to code scanning"] == upload
    code = ctx.steps["check"]["outputs"]["exit-code"]
    if inputs.get("upload") == "false":
        assert (code, outcome["Fail on problems"]) == ("0", "skipped")
    else:
        assert code == "2" and outcome["Fail on problems"] == 2


def test_a_path_cannot_run_as_a_command(checkout: tuple[Path, Path]) -> None:
    workspace, action_path = checkout
    canary = workspace / "ran"
    ctx, _ = run_action(
        {"paths": f"clean $(touch {canary}) `touch {canary}`"}, workspace, action_path
    )
    assert not canary.exists()
    assert ctx.steps["check"]["outputs"]["exit-code"] == "2"  # no such paths


# --- the documented workflows -------------------------------------------------------------------


def documented_workflows() -> list[dict[str, Any]]:
    """Each complete GitHub workflow (a YAML block with `jobs:`) in the integration guide."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    return [load_yaml(b) for b in blocks if re.search(r"(?m)^jobs:", b)]


def gitlab_jobs() -> dict[str, Any]:
    """The GitLab CI jobs (mappings with a `script`) in the integration guide."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    jobs: dict[str, Any] = {}
    for block in blocks:
        data = load_yaml(block)
        if isinstance(data, dict):
            jobs.update({k: v for k, v in data.items() if isinstance(v, dict) and "script" in v})
    return jobs


def test_the_guide_documents_workflows_for_each_way_of_running() -> None:
    workflows = documented_workflows()
    assert len(workflows) == 3
    assert len(gitlab_jobs()) == 2


@pytest.mark.parametrize("index", range(3))
def test_documented_workflows_fail_on_errors_and_may_upload(index: int) -> None:
    workflow = documented_workflows()[index]
    for job in workflow["jobs"].values():
        steps = job["steps"]
        for step in steps:
            assert "|| true" not in str(step.get("run", "")), step
            assert "continue-on-error" not in step, step
        uploads = [
            s
            for s in steps
            if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
            or (str(s.get("uses", "")).startswith("codify-health/codify@"))
        ]
        if uploads:
            assert job["permissions"]["security-events"] == "write", job
        for step in steps:
            uses = str(step.get("uses", ""))
            if uses.startswith("codify-health/codify@"):
                assert set(step.get("with", {})) <= set(ACTION_DATA["inputs"]), step
            if uses.startswith("github/codeql-action/upload-sarif"):
                # Uploaded when the check failed too, but not when the job was cancelled.
                assert step["if"] in ("success() || failure()", "always()"), step


def _codify_lines() -> list[str]:
    """Every `codify check` command line in the documented workflows and GitLab jobs."""
    lines = []
    for workflow in documented_workflows():
        for job in workflow["jobs"].values():
            lines += [str(s["run"]) for s in job["steps"] if "run" in s]
    for job in gitlab_jobs().values():
        lines += [str(line) for line in job["script"]]
    return [line for line in lines if line.startswith("codify check")]


@pytest.mark.parametrize("line", _codify_lines())
def test_each_documented_check_fails_on_a_broken_spec_and_writes_its_report(
    line: str, tmp_path: Path, base_spec: str
) -> None:
    (tmp_path / "intervention.yaml").write_text(
        base_spec.replace("version: 0.1.0", "version: '1.0'"), encoding="utf-8"
    )
    done = subprocess.run(
        [str(BIN / "codify"), *shlex.split(line)[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    words = shlex.split(line)
    if "--output-file" in words:
        report = tmp_path / words[words.index("--output-file") + 1]
        assert "CR006" in report.read_text(encoding="utf-8")
    else:
        assert "CR006" in done.stdout
