"""`codify check` without click: the arguments it reads itself, it reads as click does, and it
does exactly what the click command does with them; anything else goes to click."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest

from codify import cli
from codify.cli import CHECK_DEFAULTS, CHECK_OPTIONS, plain_check
from tests.conftest import EXAMPLES, ROOT


def _declared() -> tuple[dict[str, tuple[str, str, tuple[str, ...]]], dict[str, Any]]:
    """The check command's options as click declares them, in `CHECK_OPTIONS`'s terms."""
    from codify.commands.check import check

    options: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for param in check.params:
        if not isinstance(param, click.Option):
            assert isinstance(param, click.Argument) and param.nargs == -1
            continue
        if param.name in ("help",):
            continue
        assert param.name is not None
        if param.count:
            kind = "count"
        elif param.is_flag:
            kind = "flag"
        elif isinstance(param.type, click.Choice):
            kind = "choice"
        elif isinstance(param.type, click.Path):
            kind = "path"
        else:
            assert param.type is click.STRING, param.name
            kind = "text"
        assert not param.multiple and not param.secondary_opts and param.envvar is None
        choices = tuple(param.type.choices) if isinstance(param.type, click.Choice) else ()
        for opt in param.opts:
            options[opt] = (param.name, kind, choices)
        # Options that only keep a value for `common_options` are read as `verbose`.
        name = "verbose" if param.name == "verbose_meta" else param.name
        if name != param.name:
            for opt in param.opts:
                options[opt] = (name, kind, choices)
    # What click passes the command when no option is given.
    with check.make_context("check", []) as ctx:
        defaults = {k: v for k, v in ctx.params.items() if k != "paths"}
    defaults["verbose"] = 0  # kept for common_options, not passed: none given counts 0
    return options, defaults


def test_the_plain_reader_knows_exactly_the_options_click_declares() -> None:
    options, defaults = _declared()
    assert options == CHECK_OPTIONS, "codify.cli.CHECK_OPTIONS differs from the check command"
    assert defaults == CHECK_DEFAULTS


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["check", "-h"],
        ["check", "--nonsense"],
        ["check", "-qv"],  # short options run together: click's to read
        ["check", "--format", "nonsense"],
        ["check", "--format"],
        ["check", "--format", "--strict"],
        ["check", "--strict=yes"],
        ["check", "-o=report.txt"],
        ["check", "-o", "."],  # a folder where a file is wanted: click words the refusal
        ["check", "--forma", "json"],  # click would not guess either; it reports it
        ["--version"],
        ["build", "examples"],
        [],
    ],
)
def test_what_it_is_not_sure_of_goes_to_click(args: list[str]) -> None:
    assert plain_check(args) is None


def test_plain_arguments_are_read_as_click_reads_them() -> None:
    got = plain_check(
        ["check", "a.yaml", "--format=json", "-o", "out.json", "-v", "--verbose", "--", "-x"]
    )
    assert got is not None
    assert got["paths"] == (Path("a.yaml"), Path("-x"))
    assert got["fmt"] == "json" and got["output_file"] == Path("out.json")
    assert got["verbose"] == 2 and got["strict"] is False
    assert plain_check(["check", "-"]) == {**CHECK_DEFAULTS, "paths": (Path("-"),)}


def _run_both(args: list[str], cwd: Path, stdin: bytes = b"") -> list[tuple[int, str, str]]:
    """The same arguments run by the plain reader and by click, in fresh processes."""
    probes = {
        # What the `codify` command runs: the plain reader first.
        "plain": "import sys\nfrom codify.cli import main\nmain(sys.argv[1:])\n",
        # The click group itself, as before the plain reader existed.
        "click": "import sys\nfrom codify.cli import cli\n"
        "cli.main(args=sys.argv[1:], prog_name='codify', standalone_mode=True)\n",
    }
    outcomes = []
    report = cwd / "OUT" / "r"
    for how, probe in probes.items():
        proc = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            cwd=cwd,
            input=stdin,
            env={**os.environ, "NO_COLOR": "1"},
        )
        outcomes.append((proc.returncode, proc.stdout.decode(), proc.stderr.decode()))
        if how == "plain" and report.exists():
            report.rename(report.with_name("r.plain"))  # the click run writes its own
    return outcomes


CASES: list[list[str]] = [
    ["check", "examples"],
    ["check", "-v", "examples/raid/intervention.yaml"],
    ["check", "--format", "json", "examples/schwartz_rounds"],
    ["check", "--format=sarif", "-q", "examples/raid/intervention.yaml"],
    ["check", "--strict", "--color", "never", "BAD"],
    ["check", "--format", "github", "BAD"],
    ["check", "-o", "OUT/report.json", "--format", "json", "BAD"],
    ["check", "--config", "SETTINGS", "-v", "BAD"],
    ["check", "--stdin-filename", "piped.yaml"],
    ["check", "missing-folder"],
    ["--debug", "check", "-q", "examples"],
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a))
def test_a_plain_check_does_what_the_click_command_does(
    tmp_path: Path, base_spec: str, args: list[str]
) -> None:
    """Same exit code, same standard output, same standard error, same report file; and the
    plain reader did read the arguments (else both runs would be click's)."""
    bad = tmp_path / "bad" / "intervention.yaml"
    bad.parent.mkdir()
    bad.write_text(base_spec.replace("status: draft", "status: drafty"), encoding="utf-8")
    settings = tmp_path / "codify.toml"
    settings.write_text('[rules]\nCR011 = "off"\n', encoding="utf-8")
    (tmp_path / "OUT").mkdir()
    args = [
        {
            "BAD": str(bad),
            "SETTINGS": str(settings),
            "OUT/report.json": str(tmp_path / "OUT" / "r"),
        }.get(a, a).replace("examples", str(ROOT / "examples"))
        for a in args
    ]
    stdin = base_spec.encode() if "--stdin-filename" in args else b""
    assert plain_check(args[1:] if args[0] == "--debug" else args) is not None
    report = tmp_path / "OUT" / "r"
    plain, clicked = _run_both(args, tmp_path, stdin)
    if report.exists():  # each run's report file, compared byte for byte
        assert report.with_name("r.plain").read_bytes() == report.read_bytes()
    assert plain == clicked
    assert plain[0] in (0, 1, 2)
    assert "Traceback" not in plain[2]


def test_a_plain_check_imports_no_click() -> None:
    probe = (
        "import sys\n"
        "from codify.cli import main\n"
        f"sys.argv = ['codify', 'check', '-q', {str(EXAMPLES[0])!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print(code, 'click' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.stdout.split() == ["0", "False"], proc.stderr


def test_the_group_is_still_there_for_whoever_imports_it() -> None:
    """`from codify.cli import cli` gives the click group, made once."""
    assert isinstance(cli.cli, click.Group) and cli.cli is cli.cli
    assert "check" in cli.cli.list_commands(click.Context(cli.cli))
    with pytest.raises(AttributeError):
        cli.__getattr__("nothing_of_the_kind")


def test_an_unexpected_error_on_the_plain_path_is_one_short_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from codify.commands import checking

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(checking, "run", broken)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", str(EXAMPLES[0])])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something inside broke" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("problems", [False, True], ids=["clean", "with problems"])
def test_the_command_ends_a_check_without_teardown_and_loses_no_output(
    tmp_path: Path, problems: bool
) -> None:
    """`codify` (the installed entry point) ends a plain check once its report is flushed,
    skipping Python's teardown; its output and exit code are those of `main`, which, called
    from Python, still raises SystemExit and lets the process tidy up."""
    import shutil

    shutil.copytree(EXAMPLES[0].parent, tmp_path / "spec")
    spec = tmp_path / "spec" / EXAMPLES[0].name
    if problems:
        spec.write_text(spec.read_text(encoding="utf-8") + "extra_key: 1\n", encoding="utf-8")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('TEARDOWN', file=sys.stderr))\n"
        "from codify import cli\n"
        f"sys.argv = ['codify', 'check', {str(spec)!r}]\n"
        "getattr(cli, ENTRY)()\n"
    )
    runs = {}
    for entry in ("entry", "main"):
        code = probe.replace("ENTRY", repr(entry))
        runs[entry] = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    hard, soft = runs["entry"], runs["main"]
    assert hard.returncode == soft.returncode == (1 if problems else 0)
    assert hard.stdout == soft.stdout and hard.stdout.strip()
    assert "TEARDOWN" not in hard.stderr and "TEARDOWN" in soft.stderr


def test_under_a_profiler_the_check_ends_normally_for_it_to_write(tmp_path: Path) -> None:
    """`python -m cProfile -o FILE -m codify check` (or coverage, or a debugger) gets its
    results: the direct ending is only for a run that nothing is watching."""
    out = tmp_path / "check.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "codify", "check", "-q"]
    proc = subprocess.run(
        [*command, str(EXAMPLES[0])],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 0
