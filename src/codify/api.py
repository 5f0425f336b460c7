"""codify as a library: check specs, build their documents, make and preview their site.

Each function does what the matching command does (`codify check`, `codify build`,
`codify site`), and the commands only call these: options in, results out. Nothing here prints
or exits. Results come back as values; anything that stops a run is a `CodifyError` whose
message names the file at fault (its `exit_code` is the status the command exits with); and
long runs report progress through callbacks, so a caller can draw its own progress bar.

Importing this module is cheap: Jinja, MkDocs and the renderers are imported on first use, so
a program that only checks specs never loads them (`codify check` relies on it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, get_args

from codify import outputs

# Defined apart so that `codify check` finds and checks specs without importing this module;
# re-exported here, where the library's users look for them.
from codify.discovery import (
    PathArg as PathArg,
    Specs as Specs,
    find_specs as find_specs,
    paths_of as _paths,
)
from codify.errors import (
    CodifyError as CodifyError,
    InputError as InputError,
    SettingsError as SettingsError,
)

if TYPE_CHECKING:
    import threading
    from concurrent.futures import Future

    from codify.checker import FileResult
    from codify.config import Config, SettingsFinder
    from codify.diagnostics import Diagnostic
    from codify.documents.pdf import PdfEngine, Printer
    from codify.documents.render import SpecRendering
    from codify.model import Intervention
    from codify.render.write import OutputWriter
    from codify.site.downloads import Maker
    from codify.site.project import Project, SiteSource

__all__ = [
    "BuildResult",
    "BuiltSpec",
    "CodifyError",
    "EngineNotFound",
    "InputError",
    "OutputFolderError",
    "PdfError",
    "PreviewError",
    "Progress",
    "SettingsError",
    "SiteBuild",
    "SiteBuildFailed",
    "SiteError",
    "SiteResult",
    "SpecProblems",
    "TemplateError",
    "build_documents",
    "check",
    "check_preview",
    "find_specs",
    "load_settings",
    "make_site",
    "serve_site",
    "settings_for",
]

Part = Literal["handbook", "checklist"]
Engine = Literal["mkdocs", "zensical"]
ProgressCallback = Callable[["Progress"], None]
CheckedCallback = Callable[[Sequence["FileResult"]], None]

# What the last build wrote into an output folder: lets a rebuild remove files that are no
# longer generated and refuse to replace files a person wrote or edited.
BUILD_MANIFEST = outputs.BUILD_MANIFEST
DEFAULT_DEV_ADDR = "127.0.0.1:8000"
# How a preview stopped with Ctrl-C ends, as shells report it (128 + SIGINT).
INTERRUPTED = 130


# --- errors ---------------------------------------------------------------------------------------


class SpecProblems(CodifyError):
    """A spec failed the check, so nothing was written.

    `results` holds every spec's check, with its positioned diagnostics, for a reporter
    (`codify.report.text`) to print. `unreadable` is true when a file could not be read as a
    spec at all (exit 2); otherwise a spec has errors (exit 1) and `force=True` would go ahead
    if its structure loaded.
    """

    def __init__(self, message: str, results: Sequence[FileResult], *, unreadable: bool) -> None:
        super().__init__(message, exit_code=2 if unreadable else 1)
        self.results = list(results)
        self.unreadable = unreadable

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every problem found, file by file, in position order."""
        return [d for r in self.results for d in r.diagnostics]


class OutputFolderError(CodifyError):
    """The output folder cannot be used: it cannot be written, it is or holds a spec's folder,
    or a file there is one codify did not write (or one edited since), which it never replaces.
    Nothing was written."""


class TemplateError(CodifyError):
    """A template could not be loaded or rendered; the message names it and the line."""


class EngineNotFound(CodifyError):
    """A tool the run needs is not installed: Chromium or WeasyPrint for PDFs, or Zensical."""


class PdfError(CodifyError):
    """Printing a document to PDF failed; the message names the spec and the engine."""


class SiteError(CodifyError):
    """The site cannot be generated as asked (its folder, its logo, two specs with one id, a
    download that cannot be made); the message says why and what to do."""


class SiteBuildFailed(CodifyError):
    """The site was generated, but building its HTML failed (exit 1 when the strict build warned
    or failed, 2 when its folder could not be used).

    `problems` are the warnings and errors MkDocs or Zensical reported; `site` is what was
    generated before the build, which stays on disk.
    """

    def __init__(
        self,
        message: str,
        site: SiteResult,
        problems: Sequence[str] = (),
        *,
        exit_code: int = 2,
    ) -> None:
        super().__init__(message, exit_code=exit_code)
        self.site = site
        self.problems = list(problems)


class PreviewError(CodifyError):
    """A preview cannot start or stopped on an error: an address it cannot listen on, or a
    first build that failed."""


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """One step of a long run, for a progress display.

    `stage` is "checking", "building" or "printing" (the PDFs a build has to print, after
    every spec is rendered); `done` of `total` items are finished. Each item is announced as
    it starts, with its spec file as `path`; a last call with `done == total` and no path says
    the stage is over.
    """

    stage: Literal["checking", "building", "printing"]
    done: int
    total: int
    path: Path | None


@dataclass(frozen=True)
class BuiltSpec:
    """What a build made of one spec: its files, and which of them it wrote."""

    result: FileResult = field(repr=False, compare=False)  # the spec's check
    source: Path  # the spec file
    folder: Path  # where its files are: `out`, or `out/<spec id>` when several are built
    files: tuple[Path, ...]  # every file of its build, each as out/<name>, in name order
    written: tuple[Path, ...]  # those whose content changed; the rest were left untouched
    # Files taken as the last build left them, not rendered or printed again, because nothing
    # they are made from has changed (see `build_documents`).
    reused: tuple[Path, ...] = ()

    @property
    def spec(self) -> Intervention:
        """The spec's model, made on first use: a build that renders nothing needs none."""
        assert self.result.spec is not None
        return self.result.spec

    @property
    def id(self) -> str:
        """The spec's id (read without making its model)."""
        return _fields(self.result).id

    @property
    def version(self) -> str:
        """The spec's version (read without making its model)."""
        return _fields(self.result).version

    @property
    def unchanged(self) -> tuple[Path, ...]:
        """The files that already held exactly what the build made, so were not rewritten."""
        return tuple(f for f in self.files if f not in self.written)


def _fields(result: FileResult) -> Intervention:
    """A checked spec's fields as the check read them: its records where the check made them
    (no pydantic), else its model."""
    found = result.checked
    assert found is not None
    return found


@dataclass(frozen=True)
class BuildResult:
    """What `build_documents` did, spec by spec."""

    out: Path
    specs: tuple[BuiltSpec, ...]
    removed: tuple[Path, ...]  # files an earlier build wrote that are no longer generated
    notes: tuple[str, ...]  # warnings, each naming its spec (a material file not copied)
    # Each spec's check, warnings included (left out of the repr: it holds the whole spec).
    checked: tuple[FileResult, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class SiteBuild:
    """How the site's HTML was built: by which engine, where, and in how long."""

    engine: Engine
    site_dir: Path
    seconds: float
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class _SiteRun:
    """What regenerating a site during a preview needs: the arguments it was made with."""

    targets: tuple[Path, ...]
    # Settings for every spec (`config=`), or None to find each spec's own on each generation,
    # so that a preview sees a settings file edited since.
    config: Config | None
    force: bool
    title: str | None
    templates: Path | None
    language: str | None  # `language=`, which overrides the settings' language
    engine: Engine
    network: Path | None = None  # a network folder whose pages the site adds (`network=`)


@dataclass(frozen=True)
class SiteResult:
    """What `make_site` did: the MkDocs project it wrote and, with `build=True`, the HTML."""

    out: Path
    mkdocs_yml: Path
    specs: tuple[Path, ...]  # the spec files published, one intervention each
    pages: tuple[str, ...]  # each page's path inside out/docs/
    written: tuple[Path, ...]  # files whose content changed
    removed: tuple[Path, ...]  # files an earlier generation wrote that are no longer made
    notes: tuple[str, ...]  # notes, each naming its spec (a material offered under a new name)
    language: str
    # Each spec's check, warnings included (left out of the repr: it holds the whole spec).
    checked: tuple[FileResult, ...] = field(default=(), repr=False)
    build: SiteBuild | None = None
    # The settings file the site as a whole was made with (its branding, language, citation
    # style and publishing), None for the defaults; each spec's own is in `checked`.
    settings: Path | None = None
    # With `network=`: the problems of each file of the network that its pages leave out.
    network_excluded: tuple[Diagnostic, ...] = ()
    _run: _SiteRun | None = field(default=None, repr=False, compare=False)
    _inputs: tuple[Path, ...] = field(default=(), repr=False, compare=False)


# --- settings and specs ------------------------------------------------------------------------


def load_settings(path: PathArg | None = None, *, start: PathArg | None = None) -> Config:
    """The settings in `path`, or else in the nearest codify.toml or pyproject.toml with a
    [tool.codify] table at or above `start` (default: the current folder), up to the
    repository root (a folder holding `.git`); the defaults if none.

    The functions that take specs find each spec's settings themselves (see `settings_for`);
    pass them the result of this to use one file for every spec. Raises SettingsError naming
    the file and the key at fault.
    """
    from codify.config import ConfigError, find_config, load_config

    try:
        if path is not None:
            return load_config(Path(path))
        return load_config(find_config(Path(start) if start is not None else Path.cwd()))
    except ConfigError as exc:
        raise SettingsError(str(exc)) from None


def settings_for(spec: PathArg, config: Config | PathArg | None = None) -> Config:
    """The settings `check`, `build_documents` and `make_site` use for the spec file `spec`:
    `config` if given (settings, or a settings file), else the nearest codify.toml, or
    pyproject.toml with [tool.codify], from the spec's folder up to the repository root.

    Raises SettingsError naming the file and the key at fault.
    """
    return _each_settings(_finder(config), [Path(spec)])[0]


def check(specs: Specs, config: Config | PathArg | None = None) -> list[FileResult]:
    """Check every spec in `specs` (files, or folders searched) as `codify check` does.

    Problems in a spec are not raised: each FileResult lists its diagnostics, and `loaded` is
    false for a file that could not be read as YAML. `config` is the settings for every spec
    (or a settings file); by default each spec is checked with its own (see `settings_for`),
    read once per folder, and each result names the file in `settings`. Raises InputError when
    a path does not exist or no spec is found, and SettingsError for invalid settings (before
    any spec is checked).
    """
    from codify.checker import check_file

    paths = find_specs(specs)
    settings = _each_settings(_finder(config), paths)
    return [check_file(path, own) for path, own in zip(paths, settings, strict=True)]


# --- documents ------------------------------------------------------------------------------------


@dataclass
class _Job:
    """One spec to build and the folder (inside the output folder) its files go to."""

    result: FileResult
    path: Path
    prefix: str
    settings: Config

    @property
    def spec(self) -> Intervention:
        """The spec's model (only specs whose structure loaded are ever built), made on first
        use: only rendering needs it."""
        assert self.result.spec is not None
        return self.result.spec

    @property
    def fields(self) -> Intervention:
        """The spec's fields, for all the build reads before rendering (its id, materials,
        criteria): the check's records, so that a build that renders nothing imports no
        pydantic."""
        return _fields(self.result)

    @property
    def source(self) -> object:
        """What the spec's documents are made from, for their digest: the data the check read,
        of which the model is made by codify's code (also in the digest); else the model."""
        return self.result.data if self.result.data is not None else self.spec


def build_documents(
    specs: Specs,
    out: PathArg,
    *,
    only: Part | None = None,
    pdf: bool = False,
    templates: PathArg | None = None,
    force: bool = False,
    config: Config | PathArg | None = None,
    language: str | None = None,
    on_progress: ProgressCallback | None = None,
    on_checked: CheckedCallback | None = None,
) -> BuildResult:
    """Build the adopter handbook and fidelity checklist of each spec into `out`.

    With one spec the files go straight into `out`; with several, into `out/<spec id>/`. `only`
    builds just the "handbook" or the "checklist"; `pdf` also prints both to PDF (Chromium or
    WeasyPrint); `templates` is a folder of template overrides; `force` builds specs with
    errors if their structure loads; `language` ("en", "cy") overrides the settings' language.
    `on_checked` is called with every spec's check once all have passed, before anything is
    written (warnings are printed there); `on_progress` with each spec as it is built.

    `config` is the settings for every spec (or a settings file). By default each spec has its
    own (see `settings_for`): its rules, and its documents' language, citation style and
    branding, as each spec's handbook and checklist are documents of their own. What the run
    writes into (`out`), the templates and `only` and `pdf` are the run's.

    Writing is all or nothing, never over a file codify did not write or one edited since, and
    files of kinds not built (with `only`, or PDFs without `pdf`) are kept. Nothing is made
    again that has not changed: the manifest records with each file a digest of everything it
    is made from (the spec, its materials, the settings, the language, the logo, the template
    overrides, codify's own code and templates, and for a PDF its HTML and the engine), and a
    file whose digest is the same, and which is still as written, is taken as it is. All the
    PDFs of a run are printed by one browser. Raises
    SettingsError, InputError, SpecProblems, EngineNotFound, OutputFolderError, TemplateError
    or PdfError; ValueError for an `only` or `language` codify does not know.
    """
    from codify.documents.pdf import Printer
    from codify.render.write import OutputError, OutputWriter, refuse_overlap

    if only is not None and only not in get_args(Part):
        raise ValueError(f"only: {only!r} is not one of {', '.join(get_args(Part))}")
    finder = _finder(config)
    out_dir, overrides, chosen, engine = _documents_setup(out, templates, language, pdf)

    jobs = _jobs(specs, finder, force, out_dir, on_progress, on_checked)
    try:
        refuse_overlap(out_dir, [job.path for job in jobs])
    except OutputError as exc:
        raise OutputFolderError(str(exc)) from None
    writer = OutputWriter(
        out_dir,
        manifest=BUILD_MANIFEST,
        specs=[job.path for job in jobs],
        inputs=_inputs(
            [(job.fields, job.path) for job in jobs], [job.settings for job in jobs], overrides
        ),
    )
    for name in _unbuilt(writer.previous(), jobs, only, pdf):
        writer.keep(name)
    build = _Build(writer, chosen, overrides, only)
    for job in jobs:  # every logo is vetted (SettingsError) before anything is built
        build.look(job.settings)
    # The browser starts only if a PDF has to be printed, and quits while the files are
    # committed; both are done before this returns.
    printer = Printer(engine) if engine is not None else None
    if engine is not None and printer is not None:
        build.start_printing(engine, printer)
    try:
        try:
            for done, job in enumerate(jobs):
                if on_progress is not None:
                    on_progress(Progress("building", done, len(jobs), job.path))
                build.spec(job)
            build.finish_rendering()
            if on_progress is not None:
                on_progress(Progress("building", len(jobs), len(jobs), None))
            build.finish_printing(on_progress)
        except OutputError as exc:
            raise OutputFolderError(str(exc)) from None
    except BaseException:
        if printer is not None:
            printer.close()  # stops what is still printing, and the browser
        raise
    closing = _in_background(printer.close) if printer is not None else None
    try:
        changed = writer.commit()
    except OutputError as exc:
        raise OutputFolderError(f"{exc}; nothing was written") from None
    finally:
        if closing is not None:
            closing.join()
    root = out_dir.resolve()
    changed_names = {p.relative_to(root).as_posix() for p in changed}
    names = [str(f) for f in writer.files]
    build.notes.extend(_workbook_note(jobs, only))
    return BuildResult(
        out=out_dir,
        specs=tuple(_built(job, out_dir, names, changed_names, build.reused) for job in jobs),
        removed=tuple(out_dir / p.relative_to(root) for p in writer.removed),
        notes=tuple(build.notes),
        checked=tuple(job.result for job in jobs),
    )


def _built(
    job: _Job, out_dir: Path, names: list[str], changed: set[str], reused: set[str]
) -> BuiltSpec:
    """One spec's part of the build: its files, in name order, which were written or reused."""
    mine = sorted(f for f in names if f.startswith(job.prefix))
    return BuiltSpec(
        result=job.result,
        source=job.path,
        folder=out_dir / job.prefix if job.prefix else out_dir,
        files=tuple(out_dir / f for f in mine),
        written=tuple(out_dir / f for f in mine if f in changed),
        reused=tuple(out_dir / f for f in mine if f in reused),
    )


def _jobs(
    specs: Specs,
    finder: SettingsFinder,
    force: bool,
    out_dir: Path,
    on_progress: ProgressCallback | None,
    on_checked: CheckedCallback | None,
) -> list[_Job]:
    """Find and check every spec; raise unless every one can be built, each with its own id."""
    paths = find_specs(specs, exclude=out_dir)
    settings = _each_settings(finder, paths)
    results = _check_all(paths, settings, force, "not building", on_progress, on_checked)
    ids: dict[str, Path] = {}
    for r, p in zip(results, paths, strict=True):
        spec_id = _fields(r).id
        if spec_id in ids:
            raise InputError(
                f"{p} and {ids[spec_id]} have the same id '{spec_id}'; ids must differ"
            )
        ids[spec_id] = p
    several = len(results) > 1
    return [
        _Job(r, p, f"{_fields(r).id}/" if several else "", own)
        for r, p, own in zip(results, paths, settings, strict=True)
    ]


def _workbook_note(jobs: list[_Job], only: Part | None) -> list[str]:
    """Why no checklist.xlsx was written, when a checklist was built without openpyxl."""
    from codify.extras import install_command, missing_modules

    if only == "handbook" or not missing_modules("xlsx"):
        return []
    if not any(job.fields.fidelity is not None for job in jobs):
        return []
    return [
        "no checklist.xlsx: the workbook needs the 'xlsx' extra "
        f"({install_command('xlsx')}); checklist.csv has the same criteria"
    ]


def _unbuilt(previous: dict[str, str], jobs: list[_Job], only: str | None, pdf: bool) -> list[str]:
    """Files an earlier build wrote that this one leaves alone: kinds it was not asked for.

    `only="handbook"` keeps the checklist files (and the reverse), and a build without `pdf`
    keeps the PDFs, rather than removing them as no longer generated.
    """
    kinds = dict(_PART_OF)
    kinds.update({pdf_name: kinds[source] for pdf_name, source in _PDF_SOURCES.items()})
    kept: list[str] = []
    for name in previous:
        for job in jobs:
            if not name.startswith(job.prefix):
                continue
            rest = name.removeprefix(job.prefix)
            kind = "handbook" if rest.startswith("materials/") else kinds.get(rest)
            if kind is None:
                continue
            if (only is not None and kind != only) or (rest in _PDF_SOURCES and not pdf):
                kept.append(name)
                break
    return kept


# The files each part renders and the HTML each PDF is printed from, as in
# codify.documents.render: named here too, so that a build that renders nothing does not import
# the renderers (tests/test_build_incremental.py checks that the two agree).
_PART_OF: dict[str, Part] = {
    "handbook.html": "handbook",
    "handbook.md": "handbook",
    "checklist.html": "checklist",
    "checklist.md": "checklist",
    "assessment.yaml": "checklist",
    "checklist.csv": "checklist",
    "checklist.xlsx": "checklist",  # only with the 'xlsx' extra (see _previous)
}
_PDF_SOURCES = {"handbook.pdf": "handbook.html", "checklist.pdf": "checklist.html"}
# Libraries whose upgrade can change what is rendered; each is named in the digest of codify's
# code by where it is installed and when, which costs no import.
_RENDERING_LIBRARIES = (
    # pydantic makes the model from the data a build digests, where the fast path cannot.
    "pydantic",
    "pydantic_core",
    "jinja2",
    "markupsafe",
    "markdown",
    "nh3",
    "citeproc",
    "lxml",
    "pypdf",
    "openpyxl",
)


@dataclass(frozen=True)
class _Look:
    """What one settings file makes of a spec's documents in a build: their language, the
    logo as embedded, and the digest of all that (with codify's code and the templates)."""

    language: str
    logo: str | None
    common: str


@dataclass
class _Print:
    """One PDF a build prints: where it goes, its source digest, and the print under way."""

    job: _Job
    name: str
    source: str
    printed: Future[bytes]


class _Build:
    """One run of `build_documents`: each spec's files, made or taken from the last build.

    A file is made again only when its source digest differs from the one the manifest
    records for it (or the file is not as it was written). Rendering is all of a spec's parts
    or none: the parts share one document model, so they are made together.
    """

    def __init__(
        self, writer: OutputWriter, language: str | None, overrides: Path | None, only: Part | None
    ) -> None:
        self.writer = writer
        self.language = language  # `language=`, over every spec's settings
        self.overrides = overrides
        self.parts: list[Part] = [only] if only else ["handbook", "checklist"]
        self.only = only
        self.tree = _tree(overrides)
        # Each spec's settings decide its documents' look: worked out once per settings
        # object (the finder gives one per file), and one template environment per branding
        # and language, as making an environment loads the templates and the phrasebook.
        self._looks: dict[int, tuple[Config, _Look]] = {}
        self._envs: dict[tuple[object, str], object] = {}
        self.notes: list[str] = []
        self.reused: set[str] = set()
        # Each HTML file's spec and text, by its name in the output: what PDFs print.
        self.html: dict[str, tuple[_Job, str]] = {}
        self.pending: list[_Print] = []
        # With --pdf, a rendered spec's files other than its HTML are made after the next
        # spec's HTML, so that its PDFs print while they are made (see `spec`).
        self._unfinished: tuple[_Job, SpecRendering, dict[Part, str]] | None = None
        # With --pdf: the printer, and the engine's identity in each PDF's source digest.
        self.printer: Printer | None = None
        self.engine: PdfEngine | None = None
        self._identity = ""

    def look(self, settings: Config) -> _Look:
        """The language, logo and common digest of documents made with `settings`; raises
        SettingsError for a logo that cannot be used."""
        from codify.documents.assets import AssetError, logo_data_uri

        known = self._looks.get(id(settings))
        if known is not None:
            return known[1]
        language = self.language or settings.language
        try:
            logo = logo_data_uri(settings.branding.logo, settings.source)
        except AssetError as exc:
            raise SettingsError(str(exc)) from None
        common = _digest(_codify_code(), language, _canonical(settings), logo or "", self.tree)
        made = _Look(language, logo, common)
        self._looks[id(settings)] = (settings, made)  # the object is kept, so its id is too
        return made

    def spec(self, job: _Job) -> None:
        """Add one spec's files to the writer: taken as they are if unchanged, else rendered."""
        import hashlib

        from codify.documents.assets import material_files

        materials = (
            material_files(job.fields, job.path.parent) if "handbook" in self.parts else None
        )
        spec_key = _digest(
            self.look(job.settings).common,
            job.prefix,
            str(job.path),
            _canonical(job.source),
            self.only or "",
            *(
                f"{target}\0{hashlib.sha256(data).hexdigest()}"
                for target, data in (materials.contents.items() if materials else ())
            ),
            *(materials.skipped if materials else ()),
        )
        sources = {part: _digest(spec_key, part) for part in self.parts}
        taken = self._previous(job, sources)
        if taken is None:
            self._render(job, sources)
            return
        self.finish_rendering()  # what an earlier spec left to make: the notes stay in order
        for name, data in taken.items():
            part = _PART_OF[name.removeprefix(job.prefix)]
            self.writer.add(name, data, sources[part])
            self.reused.add(name)
            if name.endswith(".html"):
                self.html[name] = (job, data.decode("utf-8"))
        if materials is not None:
            for relative, data in materials.contents.items():
                self.writer.add(job.prefix + relative, data)
            self.notes.extend(f"{job.result.path}: {n}" for n in materials.skipped)
        if self.printer is not None:
            self._queue_pdfs(job)

    def _previous(self, job: _Job, sources: dict[Part, str]) -> dict[str, bytes] | None:
        """Every rendered file of the spec as the last build wrote it, if all can be reused.

        A part renders all its files or (a checklist with no fidelity criteria) none; a spec
        whose part renders none is rendered each time, which is cheap, rather than reused.
        """
        if "checklist" in sources and job.fields.fidelity is None:
            return None
        taken: dict[str, bytes] = {}
        from codify.extras import missing_modules

        # The workbook is rendered only where openpyxl is installed (its presence is in the
        # code digest, so installing it renders again).
        workbook = not missing_modules("xlsx")
        for name, part in _PART_OF.items():
            if name == "checklist.xlsx" and not workbook:
                continue
            if part in sources:
                data = self.writer.reusable(job.prefix + name, sources[part])
                if data is None:
                    return None
                taken[job.prefix + name] = data
        return taken

    def _render(self, job: _Job, sources: dict[Part, str]) -> None:
        """Render the spec's files and add them, each rendered one with its part's source.

        With --pdf, its HTML is rendered and its PDFs queued first, and its other files are
        made after the next spec's HTML (or by `finish_rendering`): a handbook prints for
        longer than a spec takes to render, so the next spec's PDFs start printing sooner.
        """
        from codify.documents.render import SpecRendering, TemplateFailure, environment

        if self.printer is not None:
            self.printer.warm_up()  # its PDFs will most likely print: start the browser
        branding, look = job.settings.branding, self.look(job.settings)
        env = self._envs.get((branding, look.language))
        if env is None:
            env = environment(self.overrides, branding, look.language)
            self._envs[(branding, look.language)] = env
        try:
            rendering = SpecRendering(job.spec, job.path, env, branding, look.logo, self.only)
            for relative, text in rendering.pages().items():
                self.html[job.prefix + relative] = (job, text)
        except TemplateFailure as exc:
            raise TemplateError(f"{exc}; nothing was written") from None
        if self.printer is not None:
            self._queue_pdfs(job)
        self.finish_rendering()  # the spec before's other files, while these PDFs print
        self._unfinished = (job, rendering, sources)
        if self.printer is None:
            self.finish_rendering()  # nothing prints meanwhile: made at once

    def finish_rendering(self) -> None:
        """Make and add the files of the spec whose HTML alone was rendered, if there is one."""
        if self._unfinished is None:
            return
        from codify.documents.render import TemplateFailure

        job, rendering, sources = self._unfinished
        self._unfinished = None
        try:
            rendered = rendering.finish()
        except TemplateFailure as exc:
            raise TemplateError(f"{exc}; nothing was written") from None
        for relative, data in rendered.files.items():
            part = _PART_OF.get(relative)
            self.writer.add(job.prefix + relative, data, sources[part] if part else None)
        self.notes.extend(f"{job.result.path}: {n}" for n in rendered.notes)

    def start_printing(self, engine: PdfEngine, printer: Printer) -> None:
        """Print PDFs with `printer`: each spec's are queued as soon as its HTML is ready."""
        self.engine = engine
        self.printer = printer
        self._identity = _digest(_codify_code(), engine.identity())

    def _queue_pdfs(self, job: _Job) -> None:
        """Take each PDF of the spec from the last build if its HTML and engine are the same;
        else queue it to print (in the background, while the next spec renders)."""
        assert self.printer is not None
        for target, source in _PDF_SOURCES.items():
            found = self.html.get(job.prefix + source)
            if found is None:
                continue
            html = found[1]
            pdf_name = job.prefix + target
            key = _digest(self._identity, html)
            data = self.writer.reusable(pdf_name, key)
            if data is not None:
                self.writer.add(pdf_name, data, key)
                self.reused.add(pdf_name)
            else:
                self.pending.append(_Print(job, pdf_name, key, self.printer.submit(html)))

    def finish_printing(self, on_progress: ProgressCallback | None) -> None:
        """Wait for every PDF queued, in order, and add each to the writer."""
        from codify.documents.pdf import PdfError as EnginePdfError

        total = len(self.pending)
        for done, item in enumerate(self.pending):
            if on_progress is not None:
                on_progress(Progress("printing", done, total, item.job.path))
            try:
                data = item.printed.result()
            except EnginePdfError as exc:
                engine = self.engine.describe() if self.engine is not None else "the engine"
                raise PdfError(
                    f"{item.job.path}: printing {item.name.rpartition('/')[2]} with {engine}: {exc}"
                ) from None
            self.writer.add(item.name, data, item.source)
        if total and on_progress is not None:
            on_progress(Progress("printing", total, total, None))


def _in_background(work: Callable[[], None]) -> threading.Thread:
    """Run `work` in a thread of its own, started now; join the thread to wait for it."""
    import threading

    thread = threading.Thread(target=work, name="codify-background")
    thread.start()
    return thread


def _digest(*parts: str) -> str:
    """One SHA-256 over several strings, each ended so that no two lists give the same text."""
    import hashlib

    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape")
        h.update(str(len(data)).encode() + b":" + data)
    return h.hexdigest()


def _canonical(value: object) -> str:
    """Settings or a spec's model as JSON in one order: sets sorted, paths and enumerations as
    text. A model is walked field by field rather than dumped, which would build pydantic's
    serialiser (codify builds none on a path that only checks)."""
    import dataclasses
    import enum
    import json

    def plain(v: object) -> object:
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return {f.name: plain(getattr(v, f.name)) for f in dataclasses.fields(v)}
        fields = getattr(type(v), "model_fields", None)
        if isinstance(fields, dict):  # a pydantic model: its fields, and any extra ones
            extra = getattr(v, "__pydantic_extra__", None) or {}
            found = {name: getattr(v, name) for name in fields} | dict(extra)
            return {"": type(v).__name__} | {k: plain(x) for k, x in sorted(found.items())}
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
        if isinstance(v, (set, frozenset)):
            return sorted((plain(x) for x in v), key=repr)
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, enum.Enum):
            return plain(v.value)
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        return str(v)

    return json.dumps(plain(value), sort_keys=True)


def _tree(folder: Path | None) -> str:
    """A digest of a folder's files (names and contents): the template overrides."""
    if folder is None:
        return ""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


_CODE: list[str] = []


def _codify_code() -> str:
    """A digest of the codify that is running: its version, every file of the package (code,
    templates, phrases, styles) and where and when each rendering library was installed.

    So an upgrade, or an edit to a template in a development copy, makes everything again.
    Worked out once per process.
    """
    if not _CODE:
        import hashlib
        import importlib.util

        from codify import __version__

        package = Path(__file__).resolve().parent
        h = hashlib.sha256(__version__.encode())
        for path in sorted(package.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
        for name in _RENDERING_LIBRARIES:
            try:
                found = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                found = None
            origin = found.origin if found is not None else None
            h.update(name.encode() + b"\0")
            if origin:
                try:
                    st = os.stat(origin)
                except OSError:
                    continue
                h.update(f"{origin}\0{st.st_size}\0{st.st_mtime_ns}".encode())
        _CODE.append(h.hexdigest())
    return _CODE[0]


# --- the site -----------------------------------------------------------------------------------


def make_site(
    specs: Specs,
    out: PathArg,
    *,
    build: bool = False,
    engine: Engine = "mkdocs",
    title: str | None = None,
    templates: PathArg | None = None,
    force: bool = False,
    config: Config | PathArg | None = None,
    language: str | None = None,
    on_progress: ProgressCallback | None = None,
    on_checked: CheckedCallback | None = None,
    network: PathArg | None = None,
) -> SiteResult:
    """Generate a Material for MkDocs project (mkdocs.yml and docs/) from the specs into `out`.

    One spec gives a site about that intervention; several, a portfolio. With `build`, also
    build the HTML into `out/site` with `engine` ("mkdocs" or "zensical") in strict mode.
    `title` names the site; `templates` is a folder of template overrides; `force` publishes
    specs with errors if their structure loads; `language` overrides the settings' language.
    The callbacks are as for `build_documents` (`on_progress` reports the check).

    `config` is the settings for every spec (or a settings file). By default each spec is
    checked with its own (see `settings_for`), but a site is one publication: its branding,
    language, citation style (the downloads' too, to match the pages) and `site` settings are
    those of the nearest settings file to the folder that holds every spec (for one spec, its
    own), named in `SiteResult.settings`.

    `network` is a network folder (see codify.network): the site gets a Network section with
    the network report's figures and charts, and `SiteResult.network_excluded` lists the
    problems of the files it left out. A network that cannot be reported at all (no
    network.yaml, or its spec missing) raises InputError.

    Raises SettingsError, InputError, SpecProblems, SiteError, EngineNotFound (Zensical) or,
    after generating, SiteBuildFailed; ValueError for an engine or language codify does not know.
    """
    if engine not in get_args(Engine):
        raise ValueError(f"engine: {engine!r} is not one of {', '.join(get_args(Engine))}")
    # What cannot work is refused before anything is written.
    if build:
        _require_engine(engine)
    run = _SiteRun(
        targets=tuple(_paths(specs)),
        config=_finder(config).override,
        force=force,
        title=title,
        templates=_templates(templates),
        language=_chosen_language(language),
        engine=engine,
        network=Path(network) if network is not None else None,
    )
    made = _generate_site(run, Path(out), on_progress, on_checked, first=True)
    if not build:
        return made
    return replace(made, build=_build_site(made))


def check_preview(dev_addr: str = DEFAULT_DEV_ADDR, engine: Engine = "mkdocs") -> None:
    """Make sure `serve_site` can run: the engine is installed and `dev_addr` (HOST:PORT, with
    localhost or an IP address) is free to listen on. Call it before `make_site`, so that a
    preview that cannot start writes nothing. Raises EngineNotFound or PreviewError."""
    from codify.site.engine import check_dev_addr

    if engine not in get_args(Engine):
        raise ValueError(f"engine: {engine!r} is not one of {', '.join(get_args(Engine))}")
    _require_engine(engine)
    try:
        check_dev_addr(dev_addr)
    except ValueError as exc:
        raise PreviewError(f"--dev-addr {dev_addr}: {exc}") from None


def serve_site(
    site: SiteResult,
    *,
    dev_addr: str = DEFAULT_DEV_ADDR,
    on_progress: ProgressCallback | None = None,
    on_checked: CheckedCallback | None = None,
    on_regenerated: Callable[[SiteResult], None] | None = None,
    on_failed: Callable[[Exception], None] | None = None,
) -> int:
    """Preview a site `make_site` made, with live reload, until stopped; return how it ended.

    Every save of a spec, a material, the settings or the logo regenerates the pages from the
    same arguments: `on_regenerated` gets the new result, `on_failed` the error when the specs
    cannot be published as saved (a CodifyError, or anything unexpected), and the last good
    pages stay until the next save. Blocks until Ctrl-C or SIGTERM/SIGHUP; returns the status
    a shell would report (130 for Ctrl-C, 128 + the signal's number) or Zensical's own.
    Raises PreviewError when the server cannot start (exit 1 when MkDocs' first build fails).
    """
    from codify.site.engine import Stopped, stop_on_signals, watch, zensical_serve

    run = site._run
    if run is None:
        raise ValueError("serve_site needs a SiteResult that make_site returned")
    current = site

    def regenerate() -> None:
        nonlocal current
        try:
            made = _generate_site(run, site.out, on_progress, on_checked, first=False)
        except CodifyError as exc:
            if on_failed is not None:
                on_failed(exc)
            return
        current = made
        if on_regenerated is not None:
            on_regenerated(made)

    def report(exc: BaseException) -> None:
        if on_failed is not None and isinstance(exc, Exception):
            on_failed(exc)

    watch(lambda: _watched(run, site.out, current), regenerate, report)
    code = INTERRUPTED
    try:
        with stop_on_signals():
            if run.engine == "zensical":
                returned = zensical_serve(site.out, dev_addr)
                # Zensical ended by itself; a signal that ended it reads as 128 + its number.
                code = 128 - returned if returned < 0 else returned
            else:
                _mkdocs_serve(site.out, dev_addr)
    except KeyboardInterrupt:
        code = INTERRUPTED
    except Stopped as exc:
        code = exc.code
    except FileNotFoundError as exc:
        raise PreviewError(str(exc)) from None
    return code


def _require_engine(engine: Engine) -> None:
    """Raise EngineNotFound unless the engine can run here (MkDocs is always installed)."""
    from codify.site.engine import ZENSICAL_MISSING, zensical_command

    if engine == "zensical" and zensical_command() is None:
        raise EngineNotFound(ZENSICAL_MISSING)


def _generate_site(
    run: _SiteRun,
    out_dir: Path,
    on_progress: ProgressCallback | None,
    on_checked: CheckedCallback | None,
    *,
    first: bool,
) -> SiteResult:
    """Check the specs, generate the project and write it (the folder is vetted first time)."""
    from codify.config import SettingsFinder
    from codify.site import project as site_project
    from codify.site.downloads import maker

    paths = find_specs(run.targets, exclude=out_dir)
    # A new finder each time: a preview regenerates with the settings files as saved.
    finder = SettingsFinder(run.config)
    settings = _each_settings(finder, paths)
    site = _site_settings(finder, paths)
    language = run.language or site.language
    refusal = "refusing to generate a site from specs with errors"
    results = _check_all(paths, settings, run.force, refusal, on_progress, on_checked)
    sources = [_source(r, path) for r, path in zip(results, paths, strict=True)]
    inputs = _inputs([(s.spec, s.path) for s in sources], [*settings, site], run.templates)
    sections, excluded = _network_section(run.network, language or "en")
    if sections:
        inputs = [*inputs, *sections[0][2]]
    try:
        if first:
            site_project.check_out_dir(out_dir, [s.path for s in sources])
        # The downloads are documents made in the site's language.
        downloads: Maker = maker(site._replace(language=language), run.templates)
        project: Project = site_project.generate(
            sources,
            site.branding,
            site.source,
            title=run.title,
            templates=run.templates,
            downloads=downloads,
            language=language,
            publishing=site.site,
            sections=[(nav, files) for nav, files, _ in sections],
        )
        written, removed = site_project.write(
            project,
            out_dir,
            specs=[s.path for s in sources],
            inputs=inputs,
        )
    except site_project.SiteError as exc:
        raise SiteError(str(exc)) from None
    root = out_dir.resolve()
    return SiteResult(
        out=out_dir,
        mkdocs_yml=out_dir / "mkdocs.yml",
        specs=tuple(s.path for s in sources),
        pages=tuple(page.path for page in project.pages),
        written=tuple(out_dir / p.relative_to(root) for p in written),
        removed=tuple(out_dir / p.relative_to(root) for p in removed),
        notes=tuple(project.notes),
        checked=tuple(results),
        language=language,
        settings=site.source,
        network_excluded=excluded,
        _run=run,
        _inputs=tuple(inputs),
    )


def _network_section(
    folder: Path | None, language: str
) -> tuple[list[tuple[Any, dict[str, bytes], list[Path]]], tuple[Diagnostic, ...]]:
    """A network's site pages (navigation, files, the files read) and what they left out."""
    if folder is None:
        return [], ()
    from codify.network import NetworkError
    from codify.network_site import site_section

    try:
        made = site_section(folder, language)
    except NetworkError as exc:
        from codify.report import diagnostic_lines

        lines = diagnostic_lines(sorted(exc.diagnostics), False)
        raise InputError("\n".join([exc.message, *lines])) from None
    excluded = tuple(d for x in made.network.excluded for d in x.diagnostics)
    return [(made.nav, made.files, made.network.inputs)], excluded


def _source(result: FileResult, path: Path) -> SiteSource:
    """The spec as published: its model and its bytes, from one reading of the file.

    The file is read once more here, and its model compared with the one that was checked:
    the download must be byte for byte the spec the pages describe, so a file changed in the
    meantime is refused rather than published half old, half new.
    """
    from pydantic import ValidationError

    from codify.loader import LoadError, decode_text, load_text, read_untrusted
    from codify.model import Intervention
    from codify.site.project import SiteSource

    name = str(path)
    spec: Intervention | None
    try:
        raw = read_untrusted(path, name)
        spec = Intervention.model_validate(load_text(decode_text(raw, name), name).data)
    except LoadError as exc:
        raise InputError(f"{name}: {exc}") from None
    except ValidationError:
        spec = None
    if spec is None or spec != result.spec:
        raise InputError(f"{name} changed while the site was being made; run codify site again")
    return SiteSource(spec, path, raw)


def _build_site(site: SiteResult) -> SiteBuild:
    """Build the generated project's HTML in strict mode; raise SiteBuildFailed if it fails."""
    from codify.site.engine import (
        BuiltSiteInTheWay,
        guard_built_site,
        mkdocs_build,
        record_built_site,
        zensical_build,
    )

    assert site._run is not None
    engine = site._run.engine
    out_dir = site.out
    try:
        guard_built_site(out_dir)
        record_built_site(out_dir, building=True)
    except BuiltSiteInTheWay as exc:
        raise SiteBuildFailed(str(exc), site) from None
    except OSError as exc:
        raise SiteBuildFailed(_cannot_write(out_dir, exc), site) from None
    outcome = mkdocs_build(out_dir) if engine == "mkdocs" else zensical_build(out_dir)
    if outcome.ok:
        try:
            record_built_site(out_dir, building=False)
        except OSError as exc:
            raise SiteBuildFailed(_cannot_write(out_dir, exc), site) from None
    if outcome.unwritable:
        raise SiteBuildFailed(
            f"{out_dir / 'site'}: the built site could not be written; choose another --out",
            site,
            outcome.problems,
        )
    if not outcome.ok:
        raise SiteBuildFailed(
            f"{engine} build failed in strict mode; the site was not built cleanly",
            site,
            outcome.problems,
            exit_code=1,
        )
    # Named as the caller named the folder (relative stays relative).
    return SiteBuild(engine, out_dir / "site", outcome.seconds, tuple(outcome.problems))


def _cannot_write(out_dir: Path, exc: OSError) -> str:
    return f"{out_dir}: cannot write: {(exc.strerror or str(exc)).lower()}"


def _mkdocs_serve(out_dir: Path, dev_addr: str) -> None:
    """Run MkDocs' preview; its failures become a PreviewError, not a traceback."""
    from mkdocs.exceptions import MkDocsException

    from codify.site.engine import mkdocs_serve

    try:
        mkdocs_serve(out_dir, dev_addr)
    except MkDocsException as exc:
        raise PreviewError(f"mkdocs serve: {exc}", exit_code=1) from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise PreviewError(f"mkdocs serve: cannot listen on {dev_addr}: {reason}") from None


def _watched(run: _SiteRun, out_dir: Path, site: SiteResult) -> list[Path]:
    """What a preview watches: every spec and every other input of the site.

    Specs are searched for again each time, so a new spec file is picked up on the next save.
    """
    from codify.checker import discover

    inside = out_dir.resolve()
    found = dict.fromkeys(discover(run.targets))
    specs = [p for p in found if not p.resolve().is_relative_to(inside)]
    return [*specs, *site._inputs]


# --- shared -------------------------------------------------------------------------------------


def _finder(config: Config | PathArg | None) -> SettingsFinder:
    """What finds each spec's settings: the settings given, or read from the file given, for
    every spec; or, without either, each spec's own. Raises SettingsError for a bad file."""
    from codify.config import Config, SettingsFinder

    if config is None:
        return SettingsFinder()
    return SettingsFinder(config if isinstance(config, Config) else load_settings(config))


def _each_settings(finder: SettingsFinder, paths: Sequence[Path]) -> list[Config]:
    """Each spec's settings, all found (and every file vetted) before any spec is checked."""
    from codify.config import ConfigError

    try:
        return [finder.for_spec(path) for path in paths]
    except ConfigError as exc:
        raise SettingsError(str(exc)) from None


def _site_settings(finder: SettingsFinder, paths: Sequence[Path]) -> Config:
    """The settings of a site as a whole: those for the folder that holds every spec.

    For one spec, its own; for a portfolio, the nearest settings file to the specs' common
    folder, which is where settings shared by all of them would be written.
    """
    from codify.config import ConfigError

    folders = {os.path.abspath(path.parent) for path in paths}
    try:
        common = os.path.commonpath(sorted(folders)) if folders else os.getcwd()
    except ValueError:  # on Windows, specs on different drives share no folder
        common = os.getcwd()
    try:
        return finder.for_folder(common)
    except ConfigError as exc:
        raise SettingsError(str(exc)) from None


def _documents_setup(
    out: PathArg, templates: PathArg | None, language: str | None, pdf: bool
) -> tuple[Path, Path | None, str | None, Any]:
    """What a build of documents (a spec's or a profile's) checks before reading any spec:
    the output folder, template overrides, language and PDF engine. Returns them, or raises
    TemplateError, ValueError, EngineNotFound or OutputFolderError."""
    from codify.documents.pdf import HOW_TO_GET, find_engine
    from codify.render.write import output_problem

    out_dir = Path(out)
    overrides = _templates(templates)
    chosen = _chosen_language(language)
    engine = find_engine() if pdf else None
    if pdf and engine is None:
        raise EngineNotFound(HOW_TO_GET)
    problem = output_problem(out_dir)
    if problem:
        raise OutputFolderError(problem)
    return out_dir, overrides, chosen, engine


def _chosen_language(language: str | None) -> str | None:
    """The language asked for, checked (None: each settings' own); ValueError naming the
    choices."""
    from codify.config import ConfigError, check_language

    if language is None:
        return None
    try:
        return check_language(language, "language")
    except ConfigError as exc:
        raise ValueError(str(exc)) from None


def _templates(templates: PathArg | None) -> Path | None:
    """The override folder, which must exist: a misspelt one would silently change nothing."""
    if templates is None:
        return None
    folder = Path(templates)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of templates")
    return folder


def _check_all(
    paths: list[Path],
    settings: list[Config],
    force: bool,
    refusal: str,
    on_progress: ProgressCallback | None,
    on_checked: CheckedCallback | None,
) -> list[FileResult]:
    """Check each spec with its settings; raise SpecProblems unless every one can be used.

    A file that cannot be read as YAML is refused (exit 2); a spec with errors is refused with
    `refusal` (exit 1), unless `force` and its structure loaded.
    """
    import codify.checker

    results = []
    for done, (path, config) in enumerate(zip(paths, settings, strict=True)):
        if on_progress is not None:
            on_progress(Progress("checking", done, len(paths), path))
        # Looked up on each call, not imported once: tests stand in for it.
        results.append(codify.checker.check_file(path, config))
    if on_progress is not None:
        on_progress(Progress("checking", len(paths), len(paths), None))
    unreadable = [r for r in results if not r.loaded]
    if unreadable:
        count = f"{len(unreadable)} of {len(results)} file{'s' if len(results) != 1 else ''}"
        raise SpecProblems(f"{count} could not be read as a spec", results, unreadable=True)
    refused = [r for r in results if not r.modelled or (r.errors and not force)]
    if refused:
        hint = "" if not any(r.modelled for r in refused) else "; fix them, or use --force"
        count = f"{len(refused)} of {len(results)} spec{'s' if len(results) != 1 else ''}"
        raise SpecProblems(f"{refusal}: {count} failed the check{hint}", results, unreadable=False)
    if on_checked is not None:
        on_checked(results)
    return results


def _inputs(
    specs: Iterable[tuple[Intervention, Path]],
    settings: Iterable[Config],
    templates: Path | None = None,
) -> list[Path]:
    """Every file a build or site is made from besides the specs themselves.

    Materials, the settings files, their logos and override templates: the writer never
    overwrites or removes one of them, and a preview watches them for changes.
    """
    found: list[Path] = []
    for spec, path in specs:
        for material in spec.materials:
            if material.path:
                found.append(path.parent / PurePosixPath(material.path.replace("\\", "/")))
    sources = {config.source: config for config in settings if config.source is not None}
    for source, config in sources.items():
        found.append(source)
        if config.branding.logo:
            logo = PurePosixPath(config.branding.logo.replace("\\", "/"))
            found.append(source.parent / logo)
    if templates is not None:
        found.extend(p for p in sorted(templates.rglob("*")) if p.is_file())
    return found
