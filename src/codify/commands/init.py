"""`codify init`: scaffold a new spec that a newcomer can fill in."""

from __future__ import annotations

import datetime
import os
import re
import shlex
import unicodedata
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import click

from codify.commands._common import common_options
from codify.commands._output import fail, verbosity
from codify.diagnostics import printable, unprintable
from codify.model import SCHEMA_ID
from codify.render.yamltext import yaml_string
from codify.schema import SCHEMA_FILENAME

if TYPE_CHECKING:
    from codify.model import Intervention

_ID = re.compile(r"[a-z][a-z0-9_-]*")
# Plain scalars that YAML 1.2 (and 1.1, which PyYAML and some editors still speak) reads as
# something other than text. An id never needs these, but `--id null` must not become null.
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly this text, whatever it holds.

    An id-shaped word is written plain, as a person would write it; anything else becomes a
    double-quoted scalar with every character that could end it or hide in it escaped. So `: `,
    `#`, quotes, a leading `-`, `*`, `&`, `!`, `%`, `@` or `|`, and a line break cannot end the
    value or start a key. A lone surrogate (undecodable input) cannot be written at all.
    """
    if _ID.fullmatch(value) and value not in _YAML_WORDS:
        return value
    if _SURROGATE.search(value):
        raise ValueError("it is not valid Unicode text (it holds a lone surrogate)")
    return yaml_string(value)


@cache
def _template() -> str:
    """The packaged scaffold, read once per process."""
    return files("codify").joinpath("scaffold.yaml").read_text(encoding="utf-8")


def scaffold(identifier: str, name: str, schema: str = SCHEMA_ID) -> str:
    """The text of a new, commented spec: well formed, with every text still to write marked.

    Each placeholder starts with "TODO:", so `codify check` lists every one (CR019) until the
    author replaces it, rather than building a polished handbook of placeholder text; nothing
    else in it fails the check. `schema` is where the editor modeline on the first line points:
    a path relative to the spec, or the schema's URL. Every value is written as a YAML-safe
    scalar.
    """
    text = _template()
    year = str(datetime.date.today().year)
    text = text.replace(f"$schema={SCHEMA_ID}", f"$schema={_modeline_target(schema)}", 1)
    return (
        text.replace("__ID__", yaml_scalar(identifier))
        .replace("__NAME__", yaml_scalar(name))
        .replace("__YEAR__", year)
    )


def _modeline_target(schema: str) -> str:
    """The schema path or URL as it may stand on the comment line: one URI reference.

    The language server reads the modeline up to the first white space, and a line break
    would end the comment and start YAML, so anything beyond the URI characters is
    percent-encoded. `%` is kept, so a reference that is already encoded is unchanged.
    """
    return quote(os.fsencode(schema), safe="/:#?&=+,;@!$'()*~%")


def schema_for(
    folder: Path, filename: str = SCHEMA_FILENAME, *, within_repository: bool = False
) -> str | None:
    """A relative path from `folder` to the nearest copy of a schema above it, if any.

    Editors resolve a relative modeline without a network, so a schema saved in the
    repository (`codify schema > intervention.schema.json`, or spec/ in codify's own) wins.
    With `within_repository`, the search stops at the folder holding `.git`.
    """
    start = folder.resolve()
    for parent in (start, *start.parents):
        for candidate in (parent / filename, parent / "spec" / filename):
            try:
                found = candidate.is_file()
            except OSError:  # a folder above that cannot be searched: keep looking further up
                continue
            if found:
                return os.path.relpath(candidate, start).replace(os.sep, "/")
        if within_repository and (parent / ".git").exists():
            break
    return None


def _create(target: Path, text: str) -> None:
    """Write `target`, a new file, making its folder; exit 2 if it exists or cannot be made."""
    folder = target.parent
    try:
        if target.exists() or target.is_symlink():
            fail(f"{target} already exists; not overwriting it")
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        fail(f"{folder}: exists and is not a folder")
    except OSError as exc:
        fail(f"{folder}: cannot create the folder: {_reason(exc)}")
    _write_new(target, text)


def _refuse_hidden(option: str, value: str) -> None:
    """Exit 2 if an option's value holds a control character: it is never meant, only pasted.

    A name is one line of plain text; a tab, a line break or an escape sequence in it would
    follow the spec into every handbook and site built from it.
    """
    if _SURROGATE.search(value):
        fail(f"{option} is not valid text: it holds bytes that are not UTF-8")
    char = unprintable(value)
    if char is not None:
        from codify.structure import character_name

        fail(
            f"{option} contains the control character {character_name(char)}; "
            "give it as plain text on one line"
        )


def _verify(text: str, identifier: str, name: str) -> None:
    """Exit 2 unless `text` loads, passes the structural check and keeps the values given.

    This is the guarantee that whatever went into --name or --id, init never writes a spec
    that codify itself cannot read.
    """
    from pydantic import ValidationError

    from codify.loader import LoadError, load_text
    from codify.model import Intervention
    from codify.structure import check_structure

    try:
        doc = load_text(text, "intervention.yaml")
    except LoadError as exc:
        fail(f"cannot write a spec with this --name or --id: {exc.diagnostic.message}")
    problems = check_structure(doc)
    if problems:
        fail(f"cannot write a spec with this --name or --id: {problems[0].message}")
    try:
        Intervention.model_validate(doc.data)
    except ValidationError as exc:
        fail(f"cannot write a spec with this --name or --id: {exc.errors()[0]['msg']}")
    if doc.data.get("id") != identifier or doc.data.get("name") != name:
        fail("cannot write a spec with this --name or --id: it does not read back unchanged")


def _derive_id(name: str) -> str:
    """An id from the name: lowercase ASCII words joined by '-', or 'intervention'.

    Accents are dropped rather than the letters they sit on, so 'Crèche' gives 'creche'.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "intervention"


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option(
    "--name", default="My intervention", show_default=True, help="The intervention's name."
)
@click.option("--id", "identifier", help="The spec's id (default: derived from --name).")
@click.option(
    "--adopt",
    "adopt",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="SPEC",
    help="Instead, scaffold a local profile adopting SPEC (beside it, or at --to).",
)
@click.option(
    "--to",
    "to",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PATH",
    help="With --adopt: the profile's file, named NAME.local.yaml.",
)
@common_options()
def init(
    folder: Path, name: str, identifier: str | None, adopt: Path | None, to: Path | None
) -> None:
    """Create FOLDER/intervention.yaml, a commented spec to fill in.

    Never overwrites: if the file exists, nothing is written and the exit code is 2.
    The first line points editors at the JSON Schema: at the nearest intervention.schema.json
    (or spec/intervention.schema.json) in FOLDER or above it, else at the schema's URL.

    With --adopt SPEC, create a local profile instead: every adaptable element of SPEC with
    its default and what it permits in comments, every guardrail, readiness criterion, role
    and phase ready to answer, each blank marked TODO (which `codify check` lists until it is
    filled in). It goes to --to PATH (NAME.local.yaml), else beside SPEC as local.local.yaml.
    """
    if adopt is not None:
        _adopt(adopt, to)
        return
    if to is not None:
        fail("--to goes with --adopt SPEC")
    _refuse_hidden("--name", name)
    if not name.strip():
        fail("--name is empty; give the intervention's name")
    if identifier is not None:
        _refuse_hidden("--id", identifier)
    derived = identifier is None
    identifier = _derive_id(name) if identifier is None else identifier
    if not _ID.fullmatch(identifier):
        if derived:
            fail(
                f"cannot make an id from --name (got '{identifier}'): an id starts with a "
                "lowercase letter; give one with --id"
            )
        fail(f"'{identifier}' is not a valid id: use lowercase letters, digits, '-' or '_'")

    # The text is made and verified before anything is created, so a refused value leaves
    # no empty folder behind.
    local = schema_for(folder)
    try:
        text = scaffold(identifier, name, local or SCHEMA_ID)
    except ValueError as exc:
        fail(f"--name cannot be written: {exc}")
    _verify(text, identifier, name)

    target = folder / "intervention.yaml"
    _create(target, text)
    if verbosity() < 0:  # -q: the file is written; nothing to say about it
        return
    command = f"codify check {shlex.quote(str(folder))}"
    click.echo(
        f"Created {_shown(target)}. Next: replace its TODO: placeholders, then run "
        f"`{_shown(command)}`."
    )
    if local is None:
        click.echo(
            "Tip: for completion and inline errors in your editor, save the schema in your "
            f"repository (codify schema > {SCHEMA_FILENAME}) and point the first line of the "
            "spec at it."
        )


def _write_new(target: Path, text: str) -> None:
    """Write `text` to a file that must not exist yet; exit 2 with the reason if that fails.

    Mode 'x' creates the file or fails, and never follows a symbolic link planted where the
    file should be. A file half-written (a full disk) is removed, as it is ours alone.
    """
    created = False
    try:
        with open(target, "x", encoding="utf-8") as fh:
            created = True
            fh.write(text)
    except FileExistsError:
        fail(f"{target} already exists; not overwriting it")
    except OSError as exc:
        if created:
            target.unlink(missing_ok=True)
        fail(f"{target}: cannot {'write' if created else 'create'} the file: {_reason(exc)}")


def _reason(exc: OSError) -> str:
    """The operating system's reason, without Python's `[Errno 13]` decoration."""
    return exc.strerror or str(exc)


def _shown(text: str | Path) -> str:
    """A path as printed: the user typed it, but a terminal still gets no control characters."""
    return printable(str(text))


# --- a local profile: `codify init --adopt SPEC` ------------------------------------------------

# What a scaffolded profile leaves to write: each starts with this, so `codify check` lists
# every one (CL027) until it is replaced.
TO_FILL = "TODO:"


def _comment(text: str, indent: int = 0, width: int = 96) -> str:
    """Spec text as YAML comment lines at `indent` spaces: one line of words each, wrapped,
    with every character that could end the comment (a line break, a control) replaced."""
    import textwrap

    prefix = " " * indent + "# "
    words = "".join(
        "\ufffd" if unicodedata.category(c).startswith("C") else c for c in " ".join(text.split())
    )
    lines = textwrap.wrap(words, width=max(width - len(prefix), 20), break_on_hyphens=False)
    return "\n".join((prefix + line).rstrip() for line in lines or [""])


def _version_range(version: str) -> str:
    """The versions a new profile follows: this one and what semantic versioning says stays
    compatible with it ('>=1.2.0,<2'; before 1.0.0, '>=0.3.1,<0.4')."""
    found = re.fullmatch(r"(\d+)\.(\d+)\.(\d+).*", version)
    if found is None:
        return f"=={version}"
    major, minor = int(found.group(1)), int(found.group(2))
    upper = f"<{major + 1}" if major else f"<0.{minor + 1}"
    return f">={version},{upper}"


def adopt_scaffold(spec: Intervention, spec_ref: str, schema: str) -> str:
    """The text of a new local profile for `spec`: every adaptable element with its default and
    what it permits in comments, ready to choose; every guardrail, readiness criterion and role
    ready to answer; the pathway's phases to date. `spec_ref` is the spec's path from the
    profile's folder; `schema` what the editor modeline points at.

    Every text still to write starts with "TODO:", which `codify check` lists as an error
    (CL027); nothing else in the scaffold fails the check. Every spec value is written as a
    YAML-safe scalar or a comment.
    """
    from codify.documents.formats import num

    q = yaml_scalar
    out: list[str] = [
        f"# yaml-language-server: $schema={_modeline_target(schema)}",
        "#",
        _comment(
            f"Our local version of {spec.name}, version {spec.version}: what this organisation "
            "does for each element the model lets adopters change, its readiness, who holds "
            "each role, and its dates. Replace every TODO, choose for each element, then run "
            "`codify check` on this file, and `codify build` on it for the local handbook."
        ),
        "",
        "adopts:",
        f"  spec: {q(spec_ref)}",
        f"  id: {q(spec.id)}",
        f"  version: {q(_version_range(spec.version))}",
        "organisation:",
        f"  name: {q(TO_FILL + ' the organisation adopting it')}",
        f"  description: {q(TO_FILL + ' who it is, in a sentence or two')}",
        "  sites:",
        "    - id: main_site",
        f"      name: {q(TO_FILL + ' where it runs, e.g. a hospital or a hall')}",
        '# date: "2026-01"  # when this profile was last reviewed',
        "",
        "choices:",
    ]
    for element in spec.adaptable_elements:
        a = element.adaptations
        out += ["", _comment(f"{element.name}.", 2)]
        out.append(_comment(f"Default: {element.default}", 2))
        for option in a.options:
            text = option if isinstance(option, str) else option.option
            needs = "" if isinstance(option, str) or not option.requires_approval else " [approval]"
            out.append(_comment(f"- option: {text}{needs}", 2))
        if a.range is not None:
            low = "" if a.range.min is None else f"from {num(a.range.min)} "
            high = "" if a.range.max is None else f"to {num(a.range.max)} "
            out.append(
                _comment(f"- value: {low}{high}{a.range.unit} (give unit: {a.range.unit})", 2)
            )
        if a.guidance:
            out.append(_comment(f"- adaptation (with its rationale): {a.guidance}", 2))
        out.append(_comment(f"Decided by: {element.decided_by}", 2))
        if element.requires_approval:
            out.append(_comment("A change needs approval: record it under approval:", 2))
        out.append(
            _comment(
                "Keep the default, or replace keep_default with option:, value: and unit:, or "
                "adaptation: and rationale:.",
                2,
            )
        )
        out += [f"  {element.id}:", "    keep_default: true"]
        if element.guardrails:
            # Commented out while the default is kept: a guardrail is answered for a change,
            # and blanks on elements nobody changed would be most of the first check's errors.
            out.append(
                _comment(
                    "When you change it, uncomment these lines and say how your choice keeps "
                    "to each guardrail:",
                    4,
                )
            )
            out.append("    # guardrails:")
            for guardrail in element.guardrails:
                note = _comment(guardrail.note, width=88).split("\n")
                out.extend(f"    #   {line}" for line in note)
                out.append(
                    f"    #   {q(guardrail.core_element)}: "
                    f"{q(TO_FILL + ' how this choice keeps to it')}"
                )
    if not spec.adaptable_elements:
        out[-1] = "choices: {}"
    out += ["", "readiness:" if spec.readiness else "readiness: {}"]
    for criterion in spec.readiness:
        need = "required" if criterion.required else "recommended"
        out.append(_comment(f"{criterion.criterion} ({need})", 2))
        if criterion.how_to_show:
            out.append(_comment(f"How to show it: {criterion.how_to_show}", 2))
        out += [
            f"  {criterion.id}:",
            "    status: not_yet  # met, or not_yet",
            f"    evidence: {q(TO_FILL + ' what shows it, or what is still missing')}",
        ]
    out += ["", "roles:" if spec.roles else "roles: {}"]
    for role in spec.roles:
        said = f": {role.time_commitment}" if role.time_commitment else ""
        out.append(_comment(f"{role.title}{said}", 2))
        out += [
            f"  {role.id}:",
            f"    - name: {q(TO_FILL + ' who holds it: a person, a post or a team')}",
            f"      time: {q(TO_FILL + ' how much of their time, e.g. 0.5 FTE')}",
        ]
    out += [
        "",
        '# launch: "2026-10-01"  # when the service starts for the people it serves',
        "",
        "pathway:" if spec.pathway else "pathway: {}",
    ]
    for phase in spec.pathway:
        out.append(_comment(f"{phase.name} (the model's timescale: {phase.timescale})", 2))
        out += [
            f"  {phase.id}:",
            f"    note: {q(TO_FILL + ' who leads it here, what it depends on')}",
            '    # start: "2026-01"',
            '    # end: "2026-03"',
        ]
    out += [
        "",
        _comment(
            "Log each local modification here as you make it, FRAME-coded (see the format "
            "reference: id, description, when, planned, decided_by, what, level, fidelity, "
            "goals, elements)."
        ),
        "modifications: []",
        "",
    ]
    return "\n".join(out)


def _adopt(spec_path: Path, to: Path | None) -> None:
    """`codify init --adopt SPEC`: write a new profile for SPEC, which must check clean."""
    from codify.checker import check_file, is_local_profile, is_spec_file
    from codify.local import LOCAL_SCHEMA_FILENAME, LOCAL_SCHEMA_ID

    if not spec_path.is_file():
        fail(f"{_shown(spec_path)}: no such spec file")
    if not is_spec_file(spec_path):
        fail(
            f"{_shown(spec_path)} is not named as a spec (intervention.yaml or NAME.intervention.yaml)"
        )
    target = to if to is not None else spec_path.parent / "local.local.yaml"
    if not is_local_profile(target.name):
        fail(f"{_shown(target)}: a profile's file is named NAME.local.yaml")
    result = check_file(spec_path)
    if result.spec is None or result.errors:
        fail(
            f"{_shown(spec_path)} has errors; run `codify check` on it and fix them before "
            "adopting it"
        )
    folder = target.parent
    spec_ref = Path(os.path.relpath(spec_path.resolve(), folder.resolve())).as_posix()
    local_schema = schema_for(folder, LOCAL_SCHEMA_FILENAME, within_repository=True)
    try:
        text = adopt_scaffold(result.spec, spec_ref, local_schema or LOCAL_SCHEMA_ID)
    except ValueError as exc:
        fail(f"the spec cannot be written into a profile: {exc}")
    _create(target, text)
    if verbosity() < 0:
        return
    command = f"codify check {shlex.quote(str(target))}"
    click.echo(
        f"Created {_shown(target)}. Next: make a choice for each element, replace its TODO: "
        f"placeholders, then run `{_shown(command)}`."
    )
