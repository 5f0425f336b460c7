"""Check specs: load, validate against the schema, build the model, run the semantic rules.

The checker never prints; it returns results that a reporter renders.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify.codes import INVALID_VALUE
from codify.diagnostics import Diagnostic, Severity
from codify.loader import Document, JsonPath, LoadError, load_file
from codify.outputs import RECORDS
from codify.suppress import Note, Suppressed

if TYPE_CHECKING:
    from codify.config import Config
    from codify.model import Intervention

SPEC_NAMES = ("intervention.yaml", "intervention.yml")
SPEC_SUFFIXES = (".intervention.yaml", ".intervention.yml")
# Local profiles (codify.local): found by `check` beside the specs they adopt.
LOCAL_SUFFIXES = (".local.yaml", ".local.yml")
_SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


class FileResult:
    """The outcome of checking one file.

    `spec`, the model, is built from the spec's data when first asked for: a valid spec is
    checked on records (codify.records) without importing pydantic, `check` never needs more,
    and a generator that does pays for the model only then. (A plain class, not a dataclass:
    `codify check` starts faster without importing dataclasses, which imports inspect.)
    """

    __slots__ = (
        "_spec",
        "data",
        "diagnostics",
        "loaded",
        "notes",
        "path",
        "records",
        "settings",
        "suppressed",
    )

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic] | None = None,
        loaded: bool = True,
        spec: Intervention | None = None,
        suppressed: list[Suppressed] | None = None,
        notes: list[Note] | None = None,
        settings: Path | None = None,
        records: Any = None,
        data: Any = None,
    ) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.loaded = loaded
        self._spec = spec
        # Findings that a `# codify: ignore[...]` comment or a per-file ignore suppressed, and
        # notes on suppressions that suppressed nothing: reported, but never problems.
        self.suppressed: list[Suppressed] = [] if suppressed is None else suppressed
        self.notes: list[Note] = [] if notes is None else notes
        # The settings file the spec was checked with (None: the defaults), for `-v` to name:
        # each spec has its own, found from its folder upwards.
        self.settings = settings
        # The spec as the rules read it on the fast path (records), and its data, which the
        # model is built from on first use of `spec` (the data alone: not the positions).
        self.records = records
        self.data = data

    @property
    def spec(self) -> Intervention | None:
        """The model of a valid spec (built now if it was checked as records), else None."""
        if self._spec is None and self.data is not None:
            self._spec = _full_model(self.data)
        return self._spec

    @spec.setter
    def spec(self, value: Intervention | None) -> None:
        self._spec = value

    def _compared(self) -> tuple[Any, ...]:
        # As the dataclass this was compared: the model, records and data take no part.
        return (
            self.path,
            self.diagnostics,
            self.loaded,
            self.suppressed,
            self.notes,
            self.settings,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as a list is

    def __repr__(self) -> str:
        return (
            f"FileResult(path={self.path!r}, diagnostics={self.diagnostics!r}, "
            f"loaded={self.loaded!r}, suppressed={self.suppressed!r}, notes={self.notes!r}, "
            f"settings={self.settings!r})"
        )

    @property
    def modelled(self) -> bool:
        """Whether the spec's structure loaded, so that it has a model (without making it)."""
        return self._spec is not None or self.data is not None

    @property
    def checked(self) -> Intervention | None:
        """The spec as the rules read it: its records, or the model; None if it was not valid."""
        found: Intervention | None = self.records if self.records is not None else self.spec
        return found

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(d.severity is Severity.error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        """How many problems are warnings."""
        return sum(d.severity is Severity.warning for d in self.diagnostics)


class CheckResult:
    """The outcome of checking several files."""

    __slots__ = ("files",)

    def __init__(self, files: list[FileResult]) -> None:
        self.files = files

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CheckResult):
            return NotImplemented
        return self.files == other.files

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CheckResult(files={self.files!r})"

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """All problems, file by file, in position order."""
        return [d for f in self.files for d in f.diagnostics]

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 problems found, 2 when a file could not be read as YAML at all."""
        if any(not f.loaded for f in self.files):
            return 2
        if any(f.errors or (strict and f.warnings) for f in self.files):
            return 1
        return 0


def is_spec_file(path: Path) -> bool:
    """Whether a file name follows the spec naming convention."""
    return path.name in SPEC_NAMES or path.name.endswith(SPEC_SUFFIXES)


def is_local_profile(name: str) -> bool:
    """Whether a file name follows the local profile naming convention, `NAME.local.yaml`."""
    return name.endswith(LOCAL_SUFFIXES) and name not in (".local.yaml", ".local.yml")


def discover(paths: Iterable[Path], *, profiles: bool = False) -> Iterator[Path]:
    """Files as given; folders searched for intervention.yaml / *.intervention.yaml files,
    and with `profiles` for local profiles (*.local.yaml) too, which only `check` reads."""
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                # Tool folders, hidden ones, and folders codify wrote (they hold one of its
                # records) are passed over; any other folder, named `site` or not, is searched.
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in _SKIP_DIRS
                    and not d.startswith(".")
                    and not any(os.path.exists(os.path.join(root, d, r)) for r in RECORDS)
                )
                found.extend(
                    Path(root) / f
                    for f in files
                    if is_spec_file(Path(f)) or (profiles and is_local_profile(f))
                )
            yield from sorted(found)
        else:
            yield path


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a spec is loaded and checked.

    Loading builds hundreds of thousands of small containers, and every few hundred of them
    the collector rescans the growing heap, which made checking time grow faster than the
    spec. The data has no reference cycles (an alias cannot point into its own anchor), so
    reference counting frees it all the same.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_file(path: Path, config: Config | None = None, display: str | None = None) -> FileResult:
    """Check one spec file and return every problem found."""
    with _gc_paused():
        result = _check_file(path, config, display)
    result.settings = config.source if config is not None else None
    return result


def _check_file(path: Path, config: Config | None, display: str | None) -> FileResult:
    from codify.config import Config

    config = config or Config()
    name = display if display is not None else str(path)
    try:
        doc = load_file(path, name, kind="profile" if is_local_profile(path.name) else "spec")
    except LoadError as exc:
        return FileResult(name, [exc.diagnostic], loaded=False)
    return _check_document(doc, name, path.parent, config, path)


def check_source(
    raw: bytes, name: str, config: Config | None = None, spec_dir: Path | None = None
) -> FileResult:
    """Check a spec that is not a file of its own, such as one read from standard input.

    `name` stands for the file in every finding and is matched by per-file ignores (unless it
    is `-`); relative paths in the spec are read from `spec_dir` (default: the working folder).
    """
    from codify.config import Config
    from codify.loader import decode_text, load_text

    with _gc_paused():
        try:
            doc = load_text(decode_text(raw, name), name)
        except LoadError as exc:
            return FileResult(name, [exc.diagnostic], loaded=False)
        match = Path(name) if name != "-" else None
        result = _check_document(doc, name, spec_dir or Path.cwd(), config or Config(), match)
    result.settings = config.source if config is not None else None
    return result


def _check_document(
    doc: Document, name: str, spec_dir: Path, config: Config, match: Path | None
) -> FileResult:
    """Validate a loaded document and run the rules; `match` is the path per-file ignores see.

    A local profile (named *.local.yaml) is checked against the spec it adopts instead.
    """
    if match is not None and is_local_profile(match.name):
        from codify.localcheck import check_profile

        return check_profile(doc, name, spec_dir)
    fast = _records(doc)
    if fast is None:
        from codify.structure import check_structure

        structural = check_structure(doc)
        if structural:
            return FileResult(name, structural)
        built = _model(doc, name)
        if isinstance(built, FileResult):
            return built
        spec = built
    else:
        spec = fast

    from codify.rules import At, RuleContext, run_rules
    from codify.suppress import apply

    found: list[tuple[Diagnostic, JsonPath]] = []
    ctx = RuleContext(spec_dir=spec_dir, document=doc)
    for rule, severity, where, message in run_rules(spec, ctx, config.rules):
        if isinstance(where, At):
            line, col, at = where.line, where.column, where.path
        else:
            (line, col), at = doc.position(where), where
        found.append((Diagnostic(name, line, col, rule.code, message, severity, rule.summary), at))
    ignored = config.ignored_for(match) if match is not None else {}
    kept, suppressed, notes = apply(doc, found, ignored)
    if fast is None:
        return FileResult(name, sorted(kept), spec=spec, suppressed=suppressed, notes=notes)
    return FileResult(
        name, sorted(kept), suppressed=suppressed, notes=notes, records=spec, data=doc.data
    )


def _records(doc: Document) -> Intervention | None:
    """The spec as records, when the compiled schema accepts the data and it converts exactly;
    else None.

    A valid spec, the usual case, is checked by the committed schema compiled to Python and
    built into plain records (codify.records) that the rules read as they read the model, so
    that the check never imports pydantic. Whatever the fast path refuses or is unsure of (an
    invalid spec, a value pydantic would convert in a way it does not copy) falls back to the
    schema and pydantic, which report every problem in plain words; tests/test_fast_path.py
    checks that the fast path accepts exactly what the schema accepts and that the records hold
    exactly what pydantic builds.
    """
    from codify import fastpath, records

    if not fastpath.accepts(doc.data):
        return None
    try:
        # Typed as the model: the rules read a record's fields as they read the model's.
        spec: Intervention = records.build(doc.data)
    except records.GiveUp:
        return None
    return spec


def _full_model(data: Any) -> Intervention:
    """The model of a spec the fast path accepted, built without validating when it can."""
    from codify import fastpath
    from codify.model import Intervention

    try:
        spec: Intervention = fastpath.construct(Intervention, data)
    except (fastpath.GiveUp, NotImplementedError):
        spec = Intervention.model_validate(data)
    return spec


def _model(doc: Document, name: str) -> Intervention | FileResult:
    """Build the model from schema-valid data (lax mode: 1.0 is accepted as an integer)."""
    from pydantic import ValidationError

    from codify.model import Intervention

    try:
        return Intervention.model_validate(doc.data)
    except ValidationError as exc:  # the schema is generated from the model, so this is rare
        return FileResult(
            name,
            [
                Diagnostic(name, *doc.position(tuple(e["loc"])), INVALID_VALUE, _plain_words(e))
                for e in exc.errors(include_url=False)
            ],
        )


# Pydantic's error types in the words the structure check uses; its own messages name Python
# types and regular expressions, which mean nothing to the person who wrote the spec.
_PYDANTIC_WORDS = {
    "string_type": "expected a string",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "is not valid here",
    "int_type": "expected an integer",
    "int_parsing": "expected an integer",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "model_type": "expected a mapping",
    "dict_type": "expected a mapping",
    "enum": "is not one of the allowed values",
    "missing": "a required key is missing",
    "extra_forbidden": "unknown key",
    "too_short": "has too few items",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
}


def _plain_words(error: Any) -> str:
    """One pydantic error as a plain-words message naming the node and the value."""
    from codify.structure import format_path, shown

    where = format_path(tuple(error["loc"]))
    words = _PYDANTIC_WORDS.get(error["type"], "is not accepted here")
    value = error.get("input")
    if words.startswith("expected"):
        from codify.loader import kind_of

        return f"{where}: {words}, got {kind_of(value)}"
    if error["type"] in ("missing", "extra_forbidden") or isinstance(value, (dict, list)):
        return f"{where}: {words}"
    if error["type"] == "value_error" and isinstance(error.get("ctx", {}).get("error"), ValueError):
        # An after-validator's own words (codify.dates: "there is no month 13: ..."), which
        # hold no text from the spec; the value is shown, escaped, before them.
        return f"{where}: {shown(value)} is not valid: {error['ctx']['error']}"
    if error["type"] == "string_pattern_mismatch":
        from codify.structure import expected_format

        known = expected_format(str(error.get("ctx", {}).get("pattern", "")))
        if known is not None:
            return f"{where}: {shown(value)} is not valid{known}"
    return f"{where}: {shown(value)} {words}"


def check_paths(
    paths: Iterable[Path], config: Config | Callable[[Path], Config] | None = None
) -> CheckResult:
    """Check every spec found in `paths`, in one process.

    `config` is the settings for every spec, or a function that gives each spec's own.
    """
    results = []
    for path in discover(paths):
        results.append(check_file(path, config(path) if callable(config) else config))
    return CheckResult(results)
