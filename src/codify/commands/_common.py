"""What the commands that read specs share: settings, specs, progress and stopping on problems.

The work is in `codify.api`; these turn its results and errors into output and exit codes.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar, cast

import click

from codify import api
from codify.commands._output import fail

# Re-exported: the commands import these from here; they live in codify.commands._run, which
# does not import click, so that `codify check` can run without it.
from codify.commands._run import (
    find_specs as find_specs,
    load_settings as load_settings,
    prepare,
    say_spec_settings as say_spec_settings,
    settings_finder as settings_finder,
    settings_path as settings_path,
    spec_settings as spec_settings,
)

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar as ClickBar

    from codify.checker import FileResult
    from codify.model import Intervention

FC = TypeVar("FC", bound=Callable[..., object])

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file for every spec (default: each spec's own, the nearest codify.toml, or "
    "pyproject.toml with [tool.codify], from its folder up to the repository root).",
)


def language_option() -> Callable[[FC], FC]:
    """`--language`, with the languages codify writes as its choices (default: the settings')."""
    from codify.phrases import LANGUAGES

    return click.option(
        "--language",
        type=click.Choice(list(LANGUAGES)),
        help="Language to write in (default: `language` in the settings, else en).",
    )


def _remember(key: str) -> Callable[[click.Context, click.Parameter, object], object]:
    """A callback that keeps an option's value in the root context's `meta` for `_output`."""

    def keep(ctx: click.Context, param: click.Parameter, value: object) -> object:
        if value:  # an option left out never overrides one given to the same run
            ctx.find_root().meta[key] = value
        return value

    return keep


def common_options(
    *, quiet: bool = True, config: bool = True, per_spec: bool = False
) -> Callable[[FC], FC]:
    """`-v/--verbose`, and `-q/--quiet` and `--config` for a command that lacks its own.

    Every command takes all three, as ruff's and pre-commit's do, so a script or an alias can
    pass them to any command. They are kept in the click context rather than passed to the
    command: `-v` makes `detail` print (first of all, the settings file in use), `-q` silences
    notes, and a `--config` given to a command whose output settings do not change is still
    read, so that a mistake in it is reported. A command with its own `-q` or `--config`, whose
    value it uses directly, passes `quiet=False` or `config=False`. A command that finds each
    spec's settings (`per_spec=True`) names them spec by spec (`say_spec_settings`), not the
    current folder's at the start. Apply it below `@click.command()`, as the other options are.
    """

    def decorate(command: FC) -> FC:
        @functools.wraps(command)
        def run(*args: object, **kwargs: object) -> object:
            own = kwargs.get("config_path")
            prepare(own if isinstance(own, Path) else None, config=config, per_spec=per_spec)
            return command(*args, **kwargs)

        f = cast(FC, run)
        if config:
            f = click.option(
                "--config",
                "config_meta",
                type=click.Path(path_type=Path, dir_okay=False),
                expose_value=False,
                callback=_remember("codify.config"),
                help="Settings file (default: the nearest codify.toml, or pyproject.toml with "
                "[tool.codify], up to the repository root); read and checked.",
            )(f)
        if quiet:
            f = click.option(
                "-q",
                "--quiet",
                "quiet_meta",
                is_flag=True,
                is_eager=True,  # before --config is read, which it may silence
                expose_value=False,
                callback=_remember("codify.quiet"),
                help="Print only the output asked for and problems.",
            )(f)
        f = click.option(
            "-v",
            "--verbose",
            "verbose_meta",
            count=True,
            is_eager=True,  # before --config is read, which it reports
            expose_value=False,
            callback=_remember("codify.verbose"),
            help="Say more on stderr: the settings file used, each file read.",
        )(f)
        return f

    return decorate


def stop(exc: api.CodifyError) -> NoReturn:
    """Report what stopped a run and exit with its code.

    A spec's problems are printed with their positions first; a file that could not be read
    as YAML needs no more words than its diagnostics.
    """
    if isinstance(exc, api.SpecProblems):
        report_checked(exc.results)
        if exc.unreadable:
            sys.exit(exc.exit_code)
    fail(exc.message, exc.exit_code)


def report_checked(results: Sequence[FileResult], force: bool = False) -> None:
    """Print the specs' problems to stderr, and say so when --force goes ahead despite errors.

    With -v, first the settings file of each spec.
    """
    from codify.checker import CheckResult
    from codify.commands.check import use_color
    from codify.report import text

    say_spec_settings(results)
    noisy = [r for r in results if r.diagnostics]
    if noisy:
        click.echo(text(CheckResult(noisy), use_color("auto", sys.stderr)), err=True, nl=False)
    if force and any(r.errors for r in results):
        click.echo("codify: going ahead despite errors (--force)", err=True)


class ProgressBar:
    """A progress bar on stderr for the API's progress reports, shown on a terminal only.

    `labels` names the stages to show ("building": "Building"); a stage of one item, or one
    not named, shows nothing. Use it as a context manager, so that a run stopped half-way
    still ends the bar's line before its error is printed.
    """

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        self.show = sys.stderr.isatty()
        self.bar: ClickBar[Path] | None = None

    def __call__(self, progress: api.Progress) -> None:
        label = self.labels.get(progress.stage)
        if not self.show or label is None or progress.total < 2:
            return
        if progress.done == 0:
            self.close()  # a new run of the stage (a preview regenerating)
        if self.bar is None:
            self.bar = click.progressbar(
                length=progress.total, label=label, file=sys.stderr, item_show_func=_shown
            )
            self.bar.current_item = progress.path
            self.bar.__enter__()
        elif progress.done < progress.total:
            self.bar.update(1, progress.path)
        else:  # the stage is over: drawn full, as click draws a bar it iterates
            self.bar.update(1)
            self.bar.finish()
            self.bar.render_progress()
            self.close()

    def close(self) -> None:
        """End the bar's line, if one is drawn."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _shown(path: Path | None) -> str | None:
    """A path for the progress bar, with control characters in its name shown as escapes."""
    from codify.diagnostics import printable

    return printable(str(path)) if path else None


def load_valid_spec(spec_path: Path, config_path: Path | None = None) -> Intervention:
    """Load one spec that passes the structural check, or print its diagnostics and exit.

    It is checked with its own settings, or those of `config_path` (or `--config`).
    """
    from codify.checker import CheckResult, check_file
    from codify.report import text

    found = find_specs([spec_path])
    if len(found) != 1:
        fail(f"{spec_path}: expected one spec, found {len(found)}")
    result = check_file(found[0], spec_settings(settings_finder(config_path), found[0]))
    say_spec_settings([result])
    if result.spec is None:
        click.echo(text(CheckResult([result]), False), err=True, nl=False)
        sys.exit(2 if not result.loaded else 1)
    return result.spec
