"""`codify build PROFILE`: the local handbook and local checklist of each local profile.

A profile is checked against the spec it adopts first, exactly as `codify check` does; one
with errors is never built (there is no --force for a local version: a document that says an
organisation runs the model within its limits must not be made from choices outside them).
Then each profile's documents are rendered from one `LocalDocument` (codify.documents.local)
into HTML and Markdown, the Word files are made from the HTML, and with `pdf` the PDFs are
printed from it, all by one browser. Files are written as `codify build` writes a spec's: all
or nothing, never over a file codify did not write, and a file whose inputs are unchanged is
neither rendered nor rewritten (the build manifest records each file's source digest).

With one profile the files go straight into `out`; with several, into `out/<name>/`, where
`name` is the profile's file name without `.local.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from codify.api import (
    CheckedCallback,
    InputError,
    OutputFolderError,
    PathArg,
    PdfError,
    SettingsError,
    SpecProblems,
    TemplateError,
)
from codify.outputs import BUILD_MANIFEST

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.config import Config
    from codify.documents.pdf import Printer
    from codify.local import LocalProfile
    from codify.localcheck import ProfileCheck
    from codify.model import Intervention

LocalPart = Literal["handbook", "checklist"]


@dataclass(frozen=True)
class BuiltProfile:
    """What a build made of one profile: its files, and which of them it wrote."""

    source: Path  # the profile file
    profile: LocalProfile
    spec: Intervention
    folder: Path  # `out`, or `out/<name>` when several profiles are built
    files: tuple[Path, ...]
    written: tuple[Path, ...]


@dataclass(frozen=True)
class LocalBuildResult:
    """What `build_profiles` did, profile by profile."""

    out: Path
    profiles: tuple[BuiltProfile, ...]
    removed: tuple[Path, ...]
    notes: tuple[str, ...]
    checked: tuple[FileResult, ...]


def is_profile(path: PathArg) -> bool:
    """Whether `path` names a local profile file (NAME.local.yaml) rather than a spec."""
    from codify.checker import is_local_profile

    return is_local_profile(Path(path).name)


def profile_name(path: Path) -> str:
    """The profile's name from its file: 'north-shore' for north-shore.local.yaml."""
    name = path.name
    for suffix in (".local.yaml", ".local.yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


@dataclass
class _Job:
    path: Path
    checked: ProfileCheck
    settings: Config
    prefix: str

    @property
    def profile(self) -> LocalProfile:
        assert self.checked.profile is not None
        return self.checked.profile

    @property
    def spec(self) -> Intervention:
        assert self.checked.spec is not None
        return self.checked.spec


def _check(paths: Sequence[Path], settings: Sequence[Config]) -> list[_Job]:
    """Check every profile; raise SpecProblems unless every one can be built."""
    from codify.localcheck import load_profile

    checks = [load_profile(p) for p in paths]
    results = [c.result for c in checks]
    unreadable = [r for r in results if not r.loaded]
    total = f"{len(results)} profile{'s' if len(results) != 1 else ''}"
    if unreadable:
        raise SpecProblems(
            f"{len(unreadable)} of {total} could not be read", results, unreadable=True
        )
    refused = [c.result for c in checks if c.result.errors or c.spec is None or c.profile is None]
    if refused:
        raise SpecProblems(
            f"not building: {len(refused)} of {total} failed the check; fix them first",
            results,
            unreadable=False,
        )
    several = len(paths) > 1
    names: dict[str, Path] = {}
    jobs = []
    for path, check, own in zip(paths, checks, settings, strict=True):
        name = profile_name(path)
        if several and name in names:
            raise InputError(
                f"{path} and {names[name]} have the same name '{name}'; "
                "build them into different folders"
            )
        names[name] = path
        jobs.append(_Job(path, check, own, f"{name}/" if several else ""))
    return jobs


def build_profiles(
    profiles: Sequence[PathArg],
    out: PathArg,
    *,
    only: LocalPart | None = None,
    pdf: bool = False,
    templates: PathArg | None = None,
    config: Config | PathArg | None = None,
    language: str | None = None,
    on_checked: CheckedCallback | None = None,
) -> LocalBuildResult:
    """Build the local handbook and local checklist of each profile into `out`.

    `only` builds just the "handbook" or the "checklist" (the other's files are kept); `pdf`
    also prints each to PDF; the Word files need python-docx (the `docx` extra), and without
    it a note says so. `templates`, `config` and `language` are as for
    `codify.api.build_documents`. `on_checked` is called with every profile's check before
    anything is written. Raises SettingsError, InputError, SpecProblems, EngineNotFound,
    OutputFolderError, TemplateError or PdfError.
    """
    from codify.api import _documents_setup, _each_settings, _finder
    from codify.documents.pdf import Printer
    from codify.extras import missing_modules
    from codify.render.write import OutputError, OutputWriter, refuse_overlap

    paths = [Path(p) for p in profiles]
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such profile file")
    out_dir, overrides, chosen, engine = _documents_setup(out, templates, language, pdf)
    settings = _each_settings(_finder(config), paths)
    jobs = _check(paths, settings)
    if on_checked is not None:
        on_checked([j.checked.result for j in jobs])
    specs = [j.checked.spec_path for j in jobs if j.checked.spec_path is not None]
    try:
        refuse_overlap(out_dir, [*paths, *specs])
    except OutputError as exc:
        raise OutputFolderError(str(exc)) from None
    inputs = [s.source for s in settings if s.source is not None]
    writer = OutputWriter(out_dir, manifest=BUILD_MANIFEST, specs=[*paths, *specs], inputs=inputs)
    docx = not missing_modules("docx")
    notes = [] if docx else [_NO_DOCX]
    builder = _Builder(writer, chosen, overrides, only, docx)
    for name in writer.previous():
        if builder.unbuilt(name, jobs, pdf):
            writer.keep(name)
    printer = Printer(engine) if engine is not None else None
    try:
        try:
            for job in jobs:
                builder.profile(job, printer, engine.identity() if engine else "")
            builder.finish(printer)
        except OutputError as exc:
            raise OutputFolderError(str(exc)) from None
    finally:
        if printer is not None:
            printer.close()
    try:
        changed = writer.commit()
    except OutputError as exc:
        raise OutputFolderError(f"{exc}; nothing was written") from None
    root = out_dir.resolve()
    changed_names = {p.relative_to(root).as_posix() for p in changed}
    names = sorted(str(f) for f in writer.files)
    built = []
    for job in jobs:
        mine = [n for n in names if n.startswith(job.prefix)]
        built.append(
            BuiltProfile(
                job.path,
                job.profile,
                job.spec,
                out_dir / job.prefix if job.prefix else out_dir,
                tuple(out_dir / n for n in mine),
                tuple(out_dir / n for n in mine if n in changed_names),
            )
        )
    return LocalBuildResult(
        out_dir,
        tuple(built),
        tuple(out_dir / p.relative_to(root) for p in writer.removed),
        tuple([*notes, *builder.notes]),
        tuple(j.checked.result for j in jobs),
    )


_NO_DOCX = (
    "no Word files: python-docx is not installed; "
    "pip install 'codify-interventions[docx]' makes local-handbook.docx and local-checklist.docx"
)


def _part(name: str) -> LocalPart | None:
    """Which document a file of a profile's build belongs to."""
    if name.startswith("local-handbook."):
        return "handbook"
    if name.startswith(("local-checklist.", "local-assessment.")):
        return "checklist"
    return None


class _Builder:
    """One run of `build_profiles`: each profile's files, made or taken from the last build."""

    def __init__(
        self,
        writer: object,
        language: str | None,
        overrides: Path | None,
        only: LocalPart | None,
        docx: bool,
    ) -> None:
        from codify.api import _tree
        from codify.render.write import OutputWriter

        assert isinstance(writer, OutputWriter)
        self.writer = writer
        self.language = language
        self.overrides = overrides
        self.only = only
        self.docx = docx
        self.tree = _tree(overrides)
        self.pending: list[tuple[str, str, object]] = []
        self.notes: list[str] = []

    def unbuilt(self, name: str, jobs: list[_Job], pdf: bool) -> bool:
        """Whether a file the last build wrote is of a kind this one leaves alone: the other
        document with `only`, a PDF without `pdf`, a Word file without python-docx."""
        for job in jobs:
            if not name.startswith(job.prefix):
                continue
            rest = name.removeprefix(job.prefix)
            part = _part(rest)
            if part is None:
                return False
            return (
                (self.only is not None and part != self.only)
                or (rest.endswith(".pdf") and not pdf)
                or (rest.endswith(".docx") and not self.docx)
            )
        return False

    def profile(self, job: _Job, printer: Printer | None, engine: str) -> None:
        """Add one profile's files: taken as they are if unchanged, else rendered."""
        from codify.api import _canonical, _codify_code, _digest
        from codify.documents.assets import AssetError, logo_data_uri
        from codify.documents.local import DOCX_SOURCES, LOCAL_FILES, PDF_SOURCES

        language = self.language or job.settings.language
        try:
            logo = logo_data_uri(job.settings.branding.logo, job.settings.source)
        except AssetError as exc:
            raise SettingsError(str(exc)) from None
        key = _digest(
            _codify_code(),
            language,
            _canonical(job.settings),
            logo or "",
            self.tree,
            job.prefix,
            str(job.path),
            _canonical(job.profile),
            _canonical(job.spec),
            "docx" if self.docx else "",
        )
        wanted = [
            n
            for n in [*LOCAL_FILES, *(DOCX_SOURCES if self.docx else ())]
            if self.only is None or _part(n) == self.only
        ]
        if not job.spec.fidelity or not job.spec.fidelity.criteria:
            # A record of a tested intervention may set no criteria: no checklist to print.
            if self.only != "handbook":
                self.notes.append(
                    f"{job.path}: no local checklist: the spec sets no fidelity criteria"
                )
            wanted = [n for n in wanted if _part(n) != "checklist"]
        files: dict[str, bytes] = {}
        for name in wanted:
            data = self.writer.reusable(job.prefix + name, key)
            if data is None:
                files = self._render(job, language, logo, wanted)
                break
            files[name] = data
        for name, data in files.items():
            self.writer.add(job.prefix + name, data, key)
        if printer is None:
            return
        for target, source in PDF_SOURCES.items():
            html = files.get(source)
            if html is None:
                continue
            pdf_key = _digest(_codify_code(), engine, html.decode("utf-8"))
            reused = self.writer.reusable(job.prefix + target, pdf_key)
            if reused is not None:
                self.writer.add(job.prefix + target, reused, pdf_key)
            else:
                future = printer.submit(html.decode("utf-8"))
                self.pending.append((job.prefix + target, pdf_key, future))

    def _render(
        self, job: _Job, language: str, logo: str | None, wanted: list[str]
    ) -> dict[str, bytes]:
        from codify.documents.local import build_local_document, render_local
        from codify.render.templates import TemplateFailure, environment

        branding = job.settings.branding
        env = environment(self.overrides, branding, language)
        local = build_local_document(job.spec, job.profile, branding, logo, book=env.codify_book)
        try:
            rendered = render_local(env, local, docx=self.docx)
        except TemplateFailure as exc:
            raise TemplateError(f"{exc}; nothing was written") from None
        return {name: data for name, data in rendered.items() if name in wanted}

    def finish(self, printer: Printer | None) -> None:
        """Wait for every PDF queued, in order, and add each to the writer."""
        from concurrent.futures import Future

        from codify.documents.pdf import PdfError as EnginePdfError

        for name, key, future in self.pending:
            assert isinstance(future, Future)
            try:
                data = future.result()
            except EnginePdfError as exc:
                raise PdfError(f"printing {name}: {exc}") from None
            self.writer.add(name, data, key)
