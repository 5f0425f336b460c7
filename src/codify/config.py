"""Per-repository settings, read from `[tool.codify]` in pyproject.toml or from codify.toml.

The nearest file found walking up from the working directory wins; `--config` names one
explicitly. Settings are validated: an unknown key or rule code is an error, not ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codify.diagnostics import Severity

_SEVERITIES = {"error": Severity.error, "warning": Severity.warning, "off": None}
_KEYS = {"rules", "branding"}


class ConfigError(Exception):
    """The configuration file is unreadable or invalid; the message names it."""


@dataclass(frozen=True)
class Branding:
    """How generated documents are branded: shared by the handbook, checklist and site."""

    organisation: str | None = None
    logo: str | None = None
    accent_color: str = "#005eb8"


@dataclass(frozen=True)
class Config:
    """Validated settings. `rules` maps a rule code to its severity, or None for off."""

    source: Path | None = None
    rules: dict[str, Severity | None] = field(default_factory=dict)
    branding: Branding = field(default_factory=Branding)


def find_config(start: Path) -> Path | None:
    """The nearest codify.toml, or pyproject.toml with a [tool.codify] table, above `start`."""
    for folder in (start, *start.parents):
        candidate = folder / "codify.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.codify" in pyproject.read_bytes():
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate settings from `path` (None gives the defaults)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table: Any = data.get("tool", {}).get("codify", {}) if path.name == "pyproject.toml" else data
    prefix = "[tool.codify]" if path.name == "pyproject.toml" else ""
    return _parse(table, path, prefix)


def _parse(table: dict[str, Any], path: Path, prefix: str) -> Config:
    from codify.rules import REGISTRY

    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(
            f"{path}: {prefix} unknown setting '{sorted(unknown)[0]}'; known settings: rules, branding"
        )
    rules: dict[str, Severity | None] = {}
    for code, level in table.get("rules", {}).items():
        if code not in REGISTRY:
            raise ConfigError(
                f"{path}: unknown rule code '{code}' in rules; `codify rules` lists them"
            )
        if level not in _SEVERITIES:
            raise ConfigError(f"{path}: rule {code}: '{level}' is not one of: error, warning, off")
        rules[code] = _SEVERITIES[level]
    raw = table.get("branding", {})
    if not isinstance(raw, dict) or set(raw) - {"organisation", "logo", "accent_color"}:
        raise ConfigError(f"{path}: branding takes only organisation, logo and accent_color")
    for key, value in raw.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: branding.{key} must be a string")
    accent = raw.get("accent_color", Branding.accent_color)
    if not _is_colour(accent):
        raise ConfigError(f"{path}: branding.accent_color '{accent}' is not a colour like #005eb8")
    branding = Branding(raw.get("organisation"), raw.get("logo"), accent)
    return Config(path, rules, branding)


def _is_colour(value: str) -> bool:
    return (
        len(value) in (4, 7)
        and value.startswith("#")
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )
