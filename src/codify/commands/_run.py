"""The parts of running a command that reading specs needs, free of click: settings, specs,
and what -v says about them.

`codify check` runs without importing click when its arguments are plain (`codify.cli.main`),
so what it shares with the other commands lives here; `codify.commands._common` re-exports it
beside the click options.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from codify.commands._output import detail, fail, run_meta, verbosity

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.config import Config, SettingsFinder


def prepare(given: Path | None, *, config: bool, per_spec: bool) -> None:
    """What every command does first with its shared options (`common_options`).

    `given` is the command's own `--config`, if it has one; else one kept by the shared
    option is used. A file given is used for every spec, and -v names it here, once. With
    `config`, a given file is read now (exit 2 on a mistake). Otherwise -v names the settings
    in use, unless each spec's own are named spec by spec (`per_spec`).
    """
    given = given or settings_path()
    if given is not None:
        run_meta()["codify.settings-for-all"] = True
    if config and given is not None:
        load_settings(given)  # exits 2 on a mistake; -v names the file
    elif verbosity() > 0 and not (per_spec and given is None):
        from codify.config import find_config

        _say_settings(given or find_config(Path.cwd()))


def settings_path() -> Path | None:
    """The `--config` given to a command that takes it through `common_options`, if any."""
    value = run_meta().get("codify.config")
    return value if isinstance(value, Path) else None


def load_settings(config_path: Path | None = None) -> Config:
    """The settings of the current folder, or exit 2 with the problem; `-v` says where they
    came from. For a command that needs no spec's own settings.

    Without `config_path`, a `--config` kept by `common_options` is used, then the nearest
    settings file.
    """
    from codify import api

    try:
        config = api.load_settings(config_path or settings_path())
    except api.SettingsError as exc:
        fail(exc.message)
    _say_settings(config.source)
    return config


def settings_finder(config_path: Path | None = None) -> SettingsFinder:
    """What finds each spec's settings in this run: `--config` (`config_path`, else one kept
    by `common_options`) for every spec, read now (exit 2 on a mistake); else each spec's own.
    """
    from codify.config import SettingsFinder

    given = config_path or settings_path()
    return SettingsFinder(load_settings(given) if given is not None else None)


def spec_settings(finder: SettingsFinder, spec: Path | None) -> Config:
    """The settings of `spec` (None: a spec with no file, found from the current folder), or
    exit 2 naming the file and the setting at fault."""
    from codify.config import ConfigError

    try:
        return finder.for_spec(spec) if spec is not None else finder.for_folder(Path.cwd())
    except ConfigError as exc:
        fail(str(exc))


def say_spec_settings(results: Iterable[FileResult]) -> None:
    """With -v, the settings file each spec was checked with, unless --config named one for
    all of them (said once, at the start)."""
    if verbosity() <= 0 or run_meta().get("codify.settings-for-all"):
        return
    for r in results:
        used = str(r.settings) if r.settings else "none found, using the defaults"
        detail(f"settings for {r.path}: {used}")


def _say_settings(source: Path | None) -> None:
    """With -v, name the settings file in use, once in a run however often it is read."""
    meta = run_meta()
    if not meta.get("codify.said-settings"):
        meta["codify.said-settings"] = True
        detail(f"settings: {source}" if source else "settings: none found, using the defaults")


def find_specs(
    targets: Iterable[Path], exclude: Path | None = None, *, profiles: bool = False
) -> list[Path]:
    """Spec files in `targets` (files as given, folders searched); exit 2 if none.

    See `codify.api.find_specs` (codify.discovery), which this calls.
    """
    from codify.discovery import find_specs as find
    from codify.errors import InputError

    try:
        return find(list(targets), exclude=exclude, profiles=profiles)
    except InputError as exc:
        fail(exc.message)
