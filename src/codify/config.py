"""Settings, read from `[tool.codify]` in pyproject.toml or from codify.toml.

Each spec has the settings of the nearest settings file at or above its own folder, found as
ruff finds its configuration: the search stops at the repository root (a folder holding
`.git`) or the filesystem root, and the first file found wins whole (files are not merged).
`--config` names one file for every spec instead. A `SettingsFinder` remembers what it found
for each folder, so checking many specs in one folder looks once and reads each file once.
Settings are validated: an unknown key or rule code is an error, not ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from codify.diagnostics import Severity

_SEVERITIES = {"error": Severity.error, "warning": Severity.warning, "off": None}
_KEYS = {"rules", "branding", "language", "citation_style", "per_file_ignores", "site"}
# The citation styles codify cites with (codify.documents.citations holds their CSL files),
# named here so that checking a setting never imports the citation engine.
CITATION_STYLES = ("vancouver", "harvard", "apa")
DEFAULT_CITATION_STYLE = "vancouver"
# The accent colour of documents and sites when the settings give none (NHS blue).
DEFAULT_ACCENT = "#005eb8"


class ConfigError(Exception):
    """The configuration file is unreadable or invalid; the message names it."""


# The settings are named tuples rather than dataclasses: immutable and compared by value alike,
# and `codify check` starts faster without importing dataclasses (which imports inspect).


class Branding(NamedTuple):
    """How generated documents are branded: shared by the handbook, checklist and site."""

    organisation: str | None = None
    logo: str | None = None
    accent_color: str = DEFAULT_ACCENT
    # How references are cited and listed (a name of CITATION_STYLES). It travels with the
    # branding because the branding is what every builder of a document or site is handed.
    citation_style: str = DEFAULT_CITATION_STYLE


class SiteSettings(NamedTuple):
    """How `codify site` publishes the site: `[tool.codify.site]`."""

    # For a site opened from a file share or a folder (file://) rather than a web server:
    # pages link to page files (`keep/index.html`, not the folder `keep/`, which a browser
    # shows as a listing), and Material's offline plugin keeps the search working.
    file_share: bool = False
    # The address the site is served from, for the sitemap and each page's canonical link.
    site_url: str | None = None


# The default's rules: one empty mapping shared by every Config made without rules, typed
# read-only (a plain dict, so that a Config copies and pickles as the dataclass did).
_NO_RULES: Mapping[str, Severity | None] = {}


class Config(NamedTuple):
    """Validated settings. `rules` maps a rule code to its severity, or None for off."""

    source: Path | None = None
    rules: Mapping[str, Severity | None] = _NO_RULES
    branding: Branding = Branding()
    # The language codify writes documents and sites in (a key of codify.phrases.LANGUAGES).
    language: str = "en"
    # Glob patterns (relative to the settings file's folder) and the rule codes each switches
    # off for the specs it matches, like ruff's per-file-ignores; in the order written.
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    # How the replication site is published (codify site).
    site: SiteSettings = SiteSettings()

    @property
    def citation_style(self) -> str:
        """The citation style of every document and site (`citation_style` in the settings)."""
        return self.branding.citation_style

    def ignored_for(self, spec: str | Path) -> dict[str, str]:
        """The codes `per_file_ignores` switches off for `spec`, each with the pattern that did.

        A pattern is matched against the spec's path relative to the settings file's folder
        (or the working folder, without a settings file) and, when it has no `/`, against the
        file name alone, so `"draft.intervention.yaml"` matches that file in any folder.
        """
        if not self.per_file_ignores:
            return {}
        import os

        base = self.source.parent if self.source is not None else Path.cwd()
        try:
            relative = Path(os.path.relpath(os.path.abspath(spec), os.path.abspath(base)))
        except ValueError:  # another drive, on Windows: only the name can match
            relative = Path(Path(spec).name)
        found: dict[str, str] = {}
        for pattern, codes in self.per_file_ignores:
            if glob_matches(pattern, relative):
                for code in sorted(codes):
                    found.setdefault(code, pattern)
        return found


# The settings of a spec with no settings file above it; one object, shared, as it never changes.
_DEFAULTS = Config()


def glob_matches(pattern: str, path: Path) -> bool:
    """Whether a settings glob matches `path`: `*` and `?` within a folder, `**` across them.

    A pattern without `/` matches the file name in any folder, as in ruff and .gitignore.
    """
    target = path.as_posix() if "/" in pattern else path.name
    return _glob_regex(pattern).fullmatch(target) is not None


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression (every other character taken literally)."""
    out, i = [], 0
    pattern = pattern.removeprefix("./")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


# A settings file is a few lines; a pyproject.toml of a large project is a few kilobytes.
MAX_CONFIG_BYTES = 1024 * 1024


def find_config(start: Path) -> Path | None:
    """The nearest codify.toml, or pyproject.toml with a [tool.codify] table, at or above
    `start`, up to the repository root; None if there is none."""
    return SettingsFinder().file_for(start)


# Where the search for settings stops going up: the root of a git repository (`.git` is a
# folder, or a file in a worktree or a submodule). Settings above a repository belong to
# something else, and a spec checked in CI must not depend on what lies outside the checkout.
REPOSITORY_MARKER = ".git"


class SettingsFinder:
    """Each spec's settings: the nearest settings file at or above its folder, read once.

    In a folder, codify.toml is taken before pyproject.toml, and a pyproject.toml without a
    [tool.codify] table is passed over, so a project's pyproject does not hide a codify.toml
    above it. `override` (the settings of `--config`, or a Config given to the API) applies
    to every spec instead, and nothing is searched for.

    A finder lasts one run. It remembers the answer for every folder it walked through and
    the settings of every file it read, so checking 1,000 specs in one folder reads one file;
    a new finder sees files changed since. Settings are read on first use only: a run whose
    specs have none above them reads no TOML at all. Paths are made absolute (not resolved,
    so a symbolic link is searched from where it is, as the user sees it).
    """

    def __init__(self, override: Config | None = None) -> None:
        self.override = override
        # The settings file found for each absolute folder, None when there is none.
        self._files: dict[str, Path | None] = {}
        # Each settings file's validated settings, and the bytes of a pyproject.toml read to
        # see whether it holds [tool.codify], kept so that the file is not read twice.
        self._configs: dict[Path, Config] = {}
        self._bytes: dict[Path, bytes] = {}

    def for_spec(self, spec: str | os.PathLike[str]) -> Config:
        """The settings of the spec file `spec`: found from its folder upwards."""
        if self.override is not None:
            return self.override
        return self.for_folder(Path(spec).parent)

    def for_folder(self, folder: str | os.PathLike[str]) -> Config:
        """The settings that apply in `folder`; the defaults if no file is found."""
        if self.override is not None:
            return self.override
        source = self.file_for(folder)
        if source is None:
            return _DEFAULTS
        config = self._configs.get(source)
        if config is None:
            config = load_config(source, self._bytes.pop(source, None))
            self._configs[source] = config
        return config

    def file_for(self, folder: str | os.PathLike[str]) -> Path | None:
        """The settings file for `folder`, or None: see the class. Never reads settings."""
        current = os.path.abspath(folder)
        walked: list[str] = []
        found: Path | None = None
        while True:
            if current in self._files:
                found = self._files[current]
                break
            walked.append(current)
            found = self._here(current)
            if found is not None or os.path.exists(os.path.join(current, REPOSITORY_MARKER)):
                break
            parent = os.path.dirname(current)
            if parent == current:  # the filesystem root
                break
            current = parent
        for seen in walked:  # the answer holds for every folder on the way up
            self._files[seen] = found
        return found

    def _here(self, folder: str) -> Path | None:
        """The settings file in `folder` itself, if it has one."""
        candidate = Path(folder, "codify.toml")
        if _is_file(candidate):
            return candidate
        pyproject = Path(folder, "pyproject.toml")
        if _is_file(pyproject):
            raw = _read(pyproject)
            if _has_codify_table(raw):
                self._bytes[pyproject] = raw
                return pyproject
        return None


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; a folder we may not look into holds none we could read."""
    try:
        return path.is_file()
    except OSError:  # e.g. permission denied on a folder above: settings cannot be there
        return False


def _has_codify_table(raw: bytes) -> bool:
    """Whether a pyproject.toml holds settings for codify, however the table is written.

    `[tool.codify...]` headers are found without parsing; a file that merely mentions codify
    (a dotted `codify = {...}` under `[tool]`, or a dependency) is parsed to be sure, and one
    that does not parse is not taken for codify's: its owner's tools will report it.
    """
    if b"[tool.codify" in raw:
        return True
    if not re.search(rb"codify(?:\"|')?[ \t]*[.=\]]|\\[uU]", raw):
        # Named only as a dependency (`codify-interventions`) or in prose: TOML can make
        # `codify` a key only as a word followed by `.`, `=` or `]` (quoted or not), or
        # spelt with an escape.
        return False
    import tomllib  # here: a check with no settings file to read does not load it

    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return isinstance(tool, dict) and "codify" in tool


def _read(path: Path) -> bytes:
    """The file's bytes, read as every untrusted file is (bounded, regular files only)."""
    from codify.loader import LoadError, read_untrusted

    try:
        return read_untrusted(path, str(path), limit=MAX_CONFIG_BYTES)
    except LoadError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def load_config(path: Path | None, raw: bytes | None = None) -> Config:
    """Read and validate settings from `path` (None gives the defaults); `raw` is the file's
    content when it has been read already."""
    if path is None:
        return Config()
    from codify.loader import LoadError, decode_text

    try:
        text = decode_text(_read(path) if raw is None else raw, str(path))
    except LoadError as exc:
        raise ConfigError(f"{exc.diagnostic.location()}: {exc}") from None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: tool: expected a table, got {_kind(tool)}")
        table = tool.get("codify", {})
        prefix = "tool.codify."
    else:
        tool = data.get("tool")
        if isinstance(tool, dict) and "codify" in tool:
            raise ConfigError(_prefixed(path, text))
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(
            f"{path}: {prefix.rstrip('.')}: expected a table of settings, got {_kind(table)}"
        )
    return _parse(table, path, prefix)


# A table header written for pyproject.toml: `[tool.codify]` or `[tool.codify.branding]`, with
# the spaces TOML allows around the dots. The rest (`branding`) is what codify.toml takes.
_PREFIXED_HEADER = re.compile(
    r"\s*\[\s*tool\s*\.\s*codify\s*(?:\.\s*(?P<rest>[^\]#]*?))?\s*\]\s*(?:#.*)?"
)
# A dotted key written the same way: `tool.codify.language = "cy"`.
_PREFIXED_KEY = re.compile(r"\s*tool\s*\.\s*codify\s*\.\s*(?P<rest>[^=#]*?)\s*=")


def _prefixed(path: Path, text: str) -> str:
    """The message for a codify.toml written as if it were a pyproject.toml.

    tomllib gives no positions, so the line is found in the text: the first header (or dotted
    key) with the prefix, and the corrected form beside it; other lines with it are listed.
    """
    found: list[tuple[int, str, str]] = []  # line, as written, the advice
    prefix = '"tool.codify." prefix'
    for number, line in enumerate(text.splitlines(), 1):
        header = _PREFIXED_HEADER.fullmatch(line)
        key = None if header is not None else _PREFIXED_KEY.match(line)
        if header is not None and header["rest"]:
            name = re.sub(r"\s*\.\s*", ".", header["rest"])
            advice = f"in codify.toml the tables are written without the {prefix}: write [{name}]"
            found.append((number, f"[tool.codify.{name}]", advice))
        elif header is not None:
            advice = (
                "in codify.toml the settings are at the top level, with no [tool.codify] "
                "header: remove that line and put its keys before the first table"
            )
            found.append((number, "[tool.codify]", advice))
        elif key is not None:
            name = re.sub(r"\s*\.\s*", ".", key["rest"])
            advice = f"in codify.toml the keys are written without the {prefix}: write {name} = ..."
            found.append((number, f"tool.codify.{name}", advice))
    if not found:  # written some other way, such as [tool] with codify.rules under it
        return (
            f"{path}: tool.codify: in codify.toml the settings are written at the top level, "
            "without tool.codify (that form is for pyproject.toml)"
        )
    number, written, advice = found[0]
    others = [str(n) for n, _, _ in found[1:]]
    also = ""
    if len(others) == 1:
        also = f"; line {others[0]} has it too"
    elif others:
        also = f"; lines {', '.join(others[:-1])} and {others[-1]} have it too"
    return f"{path}:{number}: {written}: {advice} (that form is for pyproject.toml){also}"


def _kind(value: object) -> str:
    """A TOML value's type in words, as messages name it."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a date or time"  # the only other TOML values


def _table(value: object, path: Path, key: str, example: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(
            f"{path}: {key}: expected a table such as [{key}] with {example}, got {_kind(value)}"
        )
    return value


def _parse(table: dict[str, Any], path: Path, prefix: str) -> Config:
    from codify.structure import Suggester, shown

    for key in sorted(set(table) - _KEYS):
        hint = Suggester(_KEYS).hint(key)
        raise ConfigError(
            f"{path}: {prefix}{_toml_key(key)}: unknown setting{hint} "
            "(the settings are rules, branding, language, citation_style, per_file_ignores and site)"
        )
    rules = _rules(
        _table(table.get("rules", {}), path, f"{prefix}rules", 'CR011 = "off"'), path, prefix
    )
    raw = _table(table.get("branding", {}), path, f"{prefix}branding", 'organisation = "..."')
    known = ("organisation", "logo", "accent_color")
    for key, value in raw.items():
        where = f"{prefix}branding.{_toml_key(key)}"
        if key not in known:
            hint = Suggester(known).hint(key)
            raise ConfigError(
                f"{path}: {where}: unknown setting{hint} (branding takes organisation, logo "
                "and accent_color)"
            )
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {where}: expected a string, got {_kind(value)}")
        bad = _unsafe(value)
        if bad:
            raise ConfigError(f"{path}: {where}: {shown(value)} contains the character {bad}")
    accent = raw.get("accent_color", DEFAULT_ACCENT)
    if not _is_colour(accent):
        raise ConfigError(
            f"{path}: {prefix}branding.accent_color: {shown(accent)} is not a colour like #005eb8"
        )
    style = check_citation_style(
        table.get("citation_style", DEFAULT_CITATION_STYLE), f"{path}: {prefix}citation_style"
    )
    branding = Branding(raw.get("organisation"), raw.get("logo"), accent, style)
    language = table.get("language", "en")
    check_language(language, f"{path}: {prefix}language")
    ignores = _per_file_ignores(
        _table(
            table.get("per_file_ignores", {}),
            path,
            f"{prefix}per_file_ignores",
            '"drafts/**" = ["CR009"]',
        ),
        path,
        prefix,
    )
    site = _site(table.get("site", {}), path, prefix)
    return Config(path, rules, branding, language, ignores, site=site)


def _per_file_ignores(
    table: dict[str, Any], path: Path, prefix: str
) -> tuple[tuple[str, frozenset[str]], ...]:
    """Patterns and the rule codes each switches off; a code that is not a rule is an error."""
    from codify.rules import REGISTRY
    from codify.structure import shown

    out = []
    for pattern, codes in table.items():
        where = f"{prefix}per_file_ignores.{_toml_key(pattern)}"
        if not pattern.strip():
            raise ConfigError(f"{path}: {where}: the pattern is empty")
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(
                f'{path}: {where}: expected a list of rule codes such as ["CR009"], '
                f"got {_kind(codes)}"
            )
        for code in codes:
            if code not in REGISTRY:
                upper = code.strip().upper()
                why = (
                    f"did you mean '{upper}'? codes are upper case"
                    if upper in REGISTRY
                    else "only the semantic rules (CR codes, `codify rules` lists them) can be "
                    "ignored"
                )
                raise ConfigError(f"{path}: {where}: {shown(code)} is not a rule code; {why}")
        out.append((pattern, frozenset(codes)))
    return tuple(out)


# A plain web address: scheme, host, optional port and path, no query, quotes or spaces.
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+/-]*)?")


def _site(value: object, path: Path, prefix: str) -> SiteSettings:
    """`[tool.codify.site]`: file_share (true or false) and site_url (an http(s) address)."""
    from codify.structure import Suggester, shown

    where = f"{prefix}site"
    raw = _table(value, path, where, "file_share = true")
    known = ("file_share", "site_url")
    for key in raw:
        if key not in known:
            hint = Suggester(known).hint(key)
            raise ConfigError(
                f"{path}: {where}.{_toml_key(key)}: unknown setting{hint} "
                "(site takes file_share and site_url)"
            )
    file_share = raw.get("file_share", False)
    if not isinstance(file_share, bool):
        raise ConfigError(
            f"{path}: {where}.file_share: expected true or false, got {_kind(file_share)}"
        )
    url = raw.get("site_url")
    if url is not None:
        if not isinstance(url, str):
            raise ConfigError(f"{path}: {where}.site_url: expected a string, got {_kind(url)}")
        # The address goes into every page's <link rel="canonical"> and the sitemap: one plain
        # http(s) URL, nothing that could end the attribute or start a script.
        if not _SITE_URL.fullmatch(url):
            raise ConfigError(
                f"{path}: {where}.site_url: {shown(url)} is not an http or https address "
                "such as https://example.org/raid/"
            )
    return SiteSettings(file_share=file_share, site_url=url)


def check_citation_style(value: object, where: str) -> str:
    """`value` if it names a citation style codify has; otherwise ConfigError with the choices."""
    if value in CITATION_STYLES:
        return str(value)
    from codify.structure import Suggester, shown

    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {_kind(value)}")
    hint = Suggester(CITATION_STYLES).hint(value)
    raise ConfigError(
        f"{where}: {shown(value)} is not a citation style codify has{hint}; "
        f"choose one of {', '.join(CITATION_STYLES)}"
    )


def check_language(value: object, where: str) -> str:
    """`value` if codify writes that language; otherwise ConfigError naming the choices."""
    if value == "en":  # the default: no need to load the phrasebook on `codify check`'s path
        return value
    from codify.phrases import LANGUAGES
    from codify.structure import Suggester, shown

    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {_kind(value)}")
    if value not in LANGUAGES:
        hint = Suggester(LANGUAGES).hint(value)
        choices = ", ".join(f"{code} ({name.split(':')[0]})" for code, name in LANGUAGES.items())
        raise ConfigError(
            f"{where}: {shown(value)} is not a language codify writes{hint}; "
            f"choose one of {choices}"
        )
    return value


def _rules(table: dict[str, Any], path: Path, prefix: str) -> dict[str, Severity | None]:
    """Severities by rule code. Codes are case-sensitive, as in ruff: `cr011` is refused with
    a suggestion, so that one spelling of each code is found by a search across repositories."""
    from codify.codes import CODES, Family
    from codify.rules import REGISTRY
    from codify.structure import Suggester, shown

    rules: dict[str, Severity | None] = {}
    for code, level in table.items():
        where = f"{prefix}rules.{_toml_key(code)}"
        if code not in REGISTRY:
            upper = code.strip().upper()
            if upper in REGISTRY:
                why = f"unknown rule code {shown(code)}; codes are upper case: did you mean '{upper}'?"
            elif upper in CODES and not CODES[upper].configurable:
                if CODES[upper].family is Family.assessment:
                    why = (
                        f"{upper} is a check `codify score` makes of an assessment, which "
                        "cannot be configured"
                    )
                elif CODES[upper].family is Family.local:
                    why = (
                        f"{upper} is a check of a local profile against its spec, which "
                        "cannot be configured"
                    )
                else:
                    why = (
                        f"{upper} is a load or structure check, which is always an error and "
                        "cannot be configured"
                    )
            else:
                why = (
                    f"unknown rule code {shown(code)}; the rules are {min(REGISTRY)} to "
                    f"{max(REGISTRY)} (`codify rules` lists them)"
                )
            raise ConfigError(f"{path}: {where}: {why}")
        if not isinstance(level, str):
            raise ConfigError(
                f'{path}: {where}: expected "error", "warning" or "off", got {_kind(level)}'
            )
        if level not in _SEVERITIES:
            hint = Suggester(_SEVERITIES).hint(level)
            raise ConfigError(
                f"{path}: {where}: {shown(level)} is not one of: error, warning, off{hint}"
            )
        rules[code] = _SEVERITIES[level]
    return rules


def _toml_key(key: str) -> str:
    """A TOML key as it would be written: bare when it can be, quoted and escaped otherwise."""
    from codify.diagnostics import printable

    if key and len(key) <= 60 and all(c.isascii() and (c.isalnum() or c in "-_") for c in key):
        return key
    text = key if len(key) <= 60 else key[:60] + "..."
    return '"' + printable(text).replace('"', '\\"') + '"'


def _unsafe(value: str) -> str | None:
    from codify.structure import UNSAFE_CHARACTERS, character_name

    found = UNSAFE_CHARACTERS.search(value) or re.search("[\n\t]", value)
    return character_name(found[0]) if found else None


def _is_colour(value: str) -> bool:
    return (
        len(value) in (4, 7)
        and value.startswith("#")
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )
