"""Check a local profile against the spec it adopts, reporting each problem at its position.

A profile is untrusted like a spec: every value a message repeats goes through `shown`. The
checks follow the profile's parts in order: the spec adopted and its version, each choice
(element, option, value, open adaptation, guardrails, approval), readiness, roles, pathway
dates and the modification log. The codes are the CL family of codify.codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify.codes import (
    ADAPTATION_NOT_PERMITTED,
    APPROVAL_MISSING,
    APPROVAL_PENDING,
    CHOICE_FORM,
    CHOICE_MISSING,
    CODES,
    CORE_ELEMENT_CHOSEN,
    DATES_OUT_OF_ORDER,
    DUPLICATE_MODIFICATION,
    FIDELITY_INCONSISTENT,
    INVALID_RANGE,
    INVALID_VALUE,
    NO_RATIONALE,
    OPTION_NOT_PERMITTED,
    OTHER_INTERVENTION,
    PLACEHOLDER,
    READINESS_NOT_MET,
    ROLE_UNFILLED,
    SPEC_CHANGED,
    SPEC_MOVED_ON,
    SPEC_NOT_FOUND,
    UNACKNOWLEDGED_GUARDRAIL,
    UNKNOWN_ELEMENT,
    UNKNOWN_GUARDRAIL,
    UNKNOWN_MODIFIED,
    UNKNOWN_PHASE,
    UNKNOWN_READINESS,
    UNKNOWN_ROLE,
    VALUE_OUT_OF_RANGE,
    VERSION_OUT_OF_RANGE,
)
from codify.diagnostics import Diagnostic, printable
from codify.structure import UNSAFE_CHARACTERS, Suggester, SuggestionBudget, shown
from codify.suppress import Note

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.diff import Change
    from codify.loader import Document, JsonPath
    from codify.local import Choice, LocalProfile
    from codify.model import AdaptableElement, Intervention, Option


# How much of an option's words a CL008 finding shows: of each option a choice could be, and
# of each option when the choice matches none.
OPTION_SHOWN_AMBIGUOUS = 120
OPTION_SHOWN_LISTED = 60
# The fewest letters and digits a choice naming an option by its beginning must have.
MIN_BEGINNING = 4


@dataclass
class _Findings:
    """The problems found so far in one profile, each placed by its path in the document."""

    doc: Document
    found: list[Diagnostic] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def add(self, path: JsonPath, code: str, message: str, *, key: bool = False) -> None:
        line, col = self.doc.position(path, key=key)
        entry = CODES[code]
        self.found.append(
            Diagnostic(self.doc.path, line, col, code, message, entry.severity, entry.summary)
        )


@cache
def _validator() -> Any:
    from codify.local import local_json_schema
    from codify.structure import validator_for

    return validator_for(local_json_schema())


@dataclass(frozen=True)
class ProfileCheck:
    """A profile's check with what it was checked against: its model, the spec and its file.

    `profile`, `spec` and `spec_path` are None when the check could not get that far; a build
    uses them only when the check found no errors.
    """

    result: FileResult
    profile: LocalProfile | None = None
    spec: Intervention | None = None
    spec_path: Path | None = None


def check_profile(doc: Document, name: str, folder: Path) -> FileResult:
    """Check the profile in `doc` (from `folder`) for structure, then against its spec."""
    return examine_profile(doc, name, folder).result


def examine_profile(doc: Document, name: str, folder: Path) -> ProfileCheck:
    """Check the profile in `doc`, keeping the profile's model and the spec it adopts."""
    from codify.checker import FileResult
    from codify.structure import check_structure

    structural = check_structure(doc, _validator())
    if structural:
        return ProfileCheck(FileResult(name, structural))
    built = _model(doc, name)
    if isinstance(built, list):
        return ProfileCheck(FileResult(name, built))
    findings = _Findings(doc)
    adopted = _adopted_spec(built, folder, findings)
    spec, spec_path = adopted if adopted is not None else (None, None)
    if spec is not None and spec_path is not None:
        _check_version(built, spec, spec_path, findings)
        _check_choices(built, spec, findings)
        _check_readiness(built, spec, findings)
        _check_roles_and_pathway(built, spec, findings)
        _check_modifications(built, spec, findings)
    _check_placeholders(doc, findings)
    result = FileResult(name, sorted(findings.found), notes=findings.notes)
    return ProfileCheck(result, built, spec, spec_path)


def load_profile(path: Path) -> ProfileCheck:
    """Read and check the profile file at `path`, as `codify check` does, keeping its parts."""
    from codify.checker import FileResult
    from codify.loader import LoadError, load_file

    try:
        doc = load_file(path, kind="profile")
    except LoadError as exc:
        return ProfileCheck(FileResult(str(path), [exc.diagnostic], loaded=False))
    return examine_profile(doc, str(path), path.parent)


def _model(doc: Document, name: str) -> LocalProfile | list[Diagnostic]:
    """The profile's model from schema-valid data, or the (rare) problems pydantic finds."""
    from pydantic import ValidationError

    from codify.checker import _plain_words
    from codify.local import LocalProfile

    try:
        return LocalProfile.model_validate(doc.data)
    except ValidationError as exc:
        return [
            Diagnostic(name, *doc.position(tuple(e["loc"])), INVALID_VALUE, _plain_words(e))
            for e in exc.errors(include_url=False)
        ]


# --- the spec adopted -----------------------------------------------------------------------


def _adopted_spec(
    profile: LocalProfile, folder: Path, out: _Findings
) -> tuple[Intervention, Path] | None:
    """The spec the profile adopts and its file, checked and built; None (with the reason
    reported) if it cannot be."""
    from codify.checker import check_file, is_spec_file

    adopts = profile.adopts
    if adopts.spec is not None:
        where: JsonPath = ("adopts", "spec")
        path = adopts.spec
        bad = UNSAFE_CHARACTERS.search(path) or "\n" in path or "\t" in path
        if bad:
            out.add(where, SPEC_NOT_FOUND, f"adopts.spec {shown(path)} holds a control character")
            return None
        if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":"):
            out.add(
                where,
                SPEC_NOT_FOUND,
                f"adopts.spec {shown(path)} is absolute; use a path "
                "relative to this profile's folder",
            )
            return None
        target = folder / path
        # Only a file named as a spec is read: a profile cannot make codify open any file.
        if not is_spec_file(Path(path)):
            out.add(
                where,
                SPEC_NOT_FOUND,
                f"adopts.spec {shown(path)} is not named as a spec "
                "is (intervention.yaml or NAME.intervention.yaml)",
            )
            return None
        if not target.is_file():
            out.add(
                where,
                SPEC_NOT_FOUND,
                f"adopts.spec {shown(path)} is not a file beside this profile",
            )
            return None
    elif adopts.id is not None:
        where = ("adopts", "id")
        found = _spec_by_id(folder, adopts.id)
        if found is None:
            out.add(
                where,
                SPEC_NOT_FOUND,
                f"no spec with the id {shown(adopts.id)} in this "
                "profile's folder; name its file in adopts.spec",
            )
            return None
        target, path = found, found.name
    else:
        out.add(("adopts",), SPEC_NOT_FOUND, "adopts names no spec: give its path (spec) or id")
        return None
    result = check_file(target, display=path)
    if result.spec is None:
        first = result.diagnostics[0].message if result.diagnostics else "it is not a spec"
        out.add(
            where,
            SPEC_NOT_FOUND,
            f"the spec {shown(path)} cannot be read as a spec "
            f"({shown(first, 80)}); run `codify check` on it",
        )
        return None
    spec = result.spec
    if adopts.id is not None and adopts.id != spec.id:
        out.add(
            ("adopts", "id"),
            OTHER_INTERVENTION,
            f"adopts.id is {shown(adopts.id)}, but {shown(path)} is the spec of '{spec.id}'",
        )
    return spec, target


def _spec_by_id(folder: Path, ident: str) -> Path | None:
    """The spec file in `folder` (not below it) whose id is `ident`."""
    from codify.checker import is_spec_file
    from codify.loader import LoadError, load_file

    try:
        names = sorted(p for p in folder.iterdir() if is_spec_file(p) and p.is_file())
    except OSError:
        return None
    for candidate in names:
        try:
            data = load_file(candidate).data
        except LoadError:
            continue
        if isinstance(data, dict) and data.get("id") == ident:
            return candidate
    return None


def _check_version(
    profile: LocalProfile, spec: Intervention, spec_path: Path, out: _Findings
) -> None:
    """The spec's version is in the profile's range; a spec that moved past it is a warning,
    with each change since the version followed that affects this profile (see
    `_changes_since`)."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version

    where: JsonPath = ("adopts", "version")
    text = profile.adopts.version
    try:
        wanted = SpecifierSet(text)
    except InvalidSpecifier:
        out.add(
            where,
            INVALID_RANGE,
            f"adopts.version {shown(text)} is not a version range; "
            "write conditions such as '>=1.0,<2', '~=1.2' or '==1.0.0'",
        )
        return
    try:
        version = Version(spec.version)
    except InvalidVersion:
        out.add(
            where,
            VERSION_OUT_OF_RANGE,
            f"the spec's version {shown(spec.version)} is not "
            "a semantic version, so it cannot be compared with the range",
        )
        return
    if wanted.contains(version, prereleases=True):
        return
    if _moved_past(wanted, version):
        out.add(
            where,
            SPEC_MOVED_ON,
            f"the profile follows {shown(text)}, and the spec is now "
            f"version {spec.version}: review what changed, then update the profile and its "
            "range",
        )
        _changes_since(profile, spec, spec_path, wanted, out)
    else:
        out.add(
            where,
            VERSION_OUT_OF_RANGE,
            f"the spec is version {spec.version}, which is not in {shown(text)}",
        )


def _moved_past(wanted: Any, version: Any) -> bool:
    """Whether `version` fails the range only by being newer than everything it allows.

    Each condition it fails must be an upper bound (<, <=, or an == or ~= below it); a failed
    lower bound or a != means the profile asks for something else, not for an older version.
    """
    from packaging.version import Version

    for condition in wanted:
        if condition.contains(version, prereleases=True):
            continue
        op = condition.operator
        if op in ("<", "<="):
            continue
        if op in ("==", "~=", "==="):
            target = condition.version.removesuffix(".*")
            try:
                if version > Version(target):
                    continue
            except ValueError:
                return False
        return False
    return True


# --- choices ----------------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Text as options are compared: runs of spaces as one, case ignored."""
    return " ".join(text.split()).casefold()


def _option_text(option: str | Option) -> str:
    return option if isinstance(option, str) else option.option


def match_option(wanted: str, options: list[str | Option]) -> list[int]:
    """The indexes of the permitted options `wanted` names: its words, or their beginning.

    A whole option's words win, then an option's label (its words before a colon); otherwise
    every option that starts with `wanted` at a word's end (so 'Core 24' names 'Core 24: 24/7
    cover...' but not 'Core: the basic level'), if `wanted` has MIN_BEGINNING letters or digits.
    """
    key = _norm(wanted)
    texts = [_norm(_option_text(o)) for o in options]
    exact = [i for i, t in enumerate(texts) if t == key]
    if exact:
        return exact[:1]
    # Short of the whole words, a label or beginning too short to mean anything ('A', 'No')
    # names no option: a one-letter slip must not choose one unseen.
    if sum(c.isalnum() for c in key) < MIN_BEGINNING:
        return []
    # An option written "Label: what it means" is named by its label alone ('Core' names
    # 'Core: the basic level', not 'Core 24: ...'); the colon of 1:1 or 9:00 makes no label.
    labelled = [i for i, t in enumerate(texts) if ": " in t and t.split(": ", 1)[0] == key]
    if len(labelled) == 1:
        return labelled
    return [
        i
        for i, t in enumerate(texts)
        if key and t.startswith(key) and (len(t) == len(key) or not t[len(key)].isalnum())
    ]


def _number(value: float) -> str:
    return f"{value:g}"


def _check_choices(profile: LocalProfile, spec: Intervention, out: _Findings) -> None:
    adaptable = {e.id: e for e in spec.adaptable_elements}
    core = {e.id for e in spec.core_elements}
    hints = Suggester(adaptable, SuggestionBudget())
    for ident, choice in profile.choices.items():
        at: JsonPath = ("choices", ident)
        element = adaptable.get(ident)
        if element is None:
            if ident in core:
                out.add(
                    at,
                    CORE_ELEMENT_CHOSEN,
                    f"'{ident}' is a core element, which every "
                    "adopter keeps as it is: it cannot be chosen. A local change to it is a "
                    "modification: log it under modifications, FRAME-coded",
                    key=True,
                )
            else:
                out.add(
                    at,
                    UNKNOWN_ELEMENT,
                    f"{shown(ident)} is not an adaptable element of '{spec.id}'{hints.hint(ident)}",
                    key=True,
                )
            continue
        _check_choice(ident, choice, element, at, out)
    for element in spec.adaptable_elements:
        if element.id not in profile.choices:
            out.add(
                ("choices",),
                CHOICE_MISSING,
                f"no choice for the adaptable element "
                f"'{element.id}' ({shown(element.name)}); say what is done here, or "
                "keep_default: true",
                key=True,
            )


def _check_choice(
    ident: str, choice: Choice, element: AdaptableElement, at: JsonPath, out: _Findings
) -> None:
    """One choice: its form, option, value, open adaptation, guardrails and approval."""
    allowed = element.adaptations
    changes = choice.option is not None or choice.value is not None or choice.adaptation
    if choice.keep_default and changes:
        out.add(
            (*at, "keep_default"),
            CHOICE_FORM,
            f"choice '{ident}': keep_default keeps the "
            "element's default, so it cannot come with an option, a value or an "
            "adaptation; remove one or the other",
            key=True,
        )
    elif not choice.keep_default and not changes:
        out.add(
            at,
            CHOICE_FORM,
            f"choice '{ident}' says nothing is chosen: give an option, a "
            "value or an adaptation, or keep_default: true",
            key=True,
        )
    option: str | Option | None = None
    if choice.option is not None:
        option = _check_option(ident, choice.option, element, (*at, "option"), out)
    if choice.value is not None:
        _check_value(ident, choice, element, (*at, "value"), out)
    elif choice.unit is not None:
        out.add(
            (*at, "unit"),
            VALUE_OUT_OF_RANGE,
            f"choice '{ident}': a unit without a value; give the value too",
            key=True,
        )
    if choice.adaptation is not None:
        if allowed.guidance is None:
            out.add(
                (*at, "adaptation"),
                ADAPTATION_NOT_PERMITTED,
                f"choice '{ident}': the spec "
                "permits no open adaptation of this element, only its options or range; "
                "if it was changed all the same, log it under modifications",
                key=True,
            )
        if choice.rationale is None:
            out.add(
                (*at, "adaptation"),
                NO_RATIONALE,
                f"choice '{ident}': an open adaptation "
                "needs its rationale: say why, under rationale",
                key=True,
            )
    _check_guardrails(ident, choice, element, at, out, changes=bool(changes))
    _check_approval(ident, choice, element, option, at, out)


def _check_option(
    ident: str, wanted: str, element: AdaptableElement, at: JsonPath, out: _Findings
) -> str | Option | None:
    options = element.adaptations.options
    if not options:
        out.add(
            at,
            OPTION_NOT_PERMITTED,
            f"choice '{ident}': the element lists no options to "
            "choose from"
            + (" (it has a range: give a value)" if element.adaptations.range else ""),
        )
        return None
    found = match_option(wanted, options)
    if len(found) == 1:
        return options[found[0]]
    # The options a choice could be are shown at length, for where they differ may be late in
    # their words; a list of all the options, shorter.
    limit = OPTION_SHOWN_AMBIGUOUS if found else OPTION_SHOWN_LISTED
    listed = "; ".join(
        shown(_option_text(options[i]), limit) for i in (found or range(len(options)))
    )
    if found:
        out.add(
            at,
            OPTION_NOT_PERMITTED,
            f"choice '{ident}': {shown(wanted)} could be any of "
            f"{listed}; write more of the option's words",
        )
    else:
        out.add(
            at,
            OPTION_NOT_PERMITTED,
            f"choice '{ident}': {shown(wanted)} is not one of the permitted options: {listed}",
        )
    return None


def _check_value(
    ident: str, choice: Choice, element: AdaptableElement, at: JsonPath, out: _Findings
) -> None:
    limits = element.adaptations.range
    value = choice.value
    assert value is not None
    if limits is None:
        out.add(
            at,
            VALUE_OUT_OF_RANGE,
            f"choice '{ident}': the element has no range, so a "
            "value cannot be chosen; choose one of its options",
        )
        return
    if choice.unit is None:
        out.add(
            at,
            VALUE_OUT_OF_RANGE,
            f"choice '{ident}': the value {_number(value)} needs "
            f"its unit: unit: {shown(limits.unit)}",
        )
    elif _norm(choice.unit) != _norm(limits.unit):
        out.add(
            (*at[:-1], "unit"),
            VALUE_OUT_OF_RANGE,
            f"choice '{ident}': the unit is "
            f"{shown(choice.unit)}, and the range is in {shown(limits.unit)}; give the "
            "value in that unit",
        )
    low, high = limits.min, limits.max
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            span = f"{_number(low)} to {_number(high)}"
        elif low is not None:
            span = f"at least {_number(low)}"
        else:
            span = f"at most {_number(high or 0)}"
        out.add(
            at,
            VALUE_OUT_OF_RANGE,
            f"choice '{ident}': {_number(value)} is outside the "
            f"permitted range, {span} {shown(limits.unit)}",
        )


def _check_guardrails(
    ident: str,
    choice: Choice,
    element: AdaptableElement,
    at: JsonPath,
    out: _Findings,
    *,
    changes: bool,
) -> None:
    """Every guardrail of a changed element acknowledged; none acknowledged that it lacks."""
    protected = {g.core_element: g for g in element.guardrails}
    for core in choice.guardrails:
        if core not in protected:
            names = ", ".join(f"'{c}'" for c in protected) or "none"
            out.add(
                (*at, "guardrails", core),
                UNKNOWN_GUARDRAIL,
                f"choice '{ident}': "
                f"{shown(core)} is not a guardrail of this element (its guardrails: "
                f"{names})",
                key=True,
            )
    if not changes:
        return
    where = (*at, "guardrails") if "guardrails" in _raw(out.doc, at) else at
    for core, guardrail in protected.items():
        if core not in choice.guardrails:
            out.add(
                where,
                UNACKNOWLEDGED_GUARDRAIL,
                f"choice '{ident}': the guardrail on "
                f"'{core}' is not acknowledged; say under guardrails how this choice keeps "
                f"to it (the spec: {shown(guardrail.note, 80)})",
                key=True,
            )


def _raw(doc: Document, path: JsonPath) -> Any:
    """The loaded value at `path` (a mapping's keys are what is tested), or an empty dict."""
    value: Any = doc.data
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value if isinstance(value, dict) else {}


def _check_approval(
    ident: str,
    choice: Choice,
    element: AdaptableElement,
    option: str | Option | None,
    at: JsonPath,
    out: _Findings,
) -> None:
    """A choice needing approval (the option's own rule, else the element's) records one."""
    if choice.keep_default:
        return
    own = None if option is None or isinstance(option, str) else option.requires_approval
    needed = own if own is not None else element.requires_approval is True
    approval = choice.approval
    if needed and (approval is None or (approval.requested is None and approval.granted is None)):
        whose = "this option" if own else "a change to this element"
        out.add(
            at,
            APPROVAL_MISSING,
            f"choice '{ident}': the spec says {whose} needs approval, "
            "and none is recorded; add approval: with requested and granted",
            key=True,
        )
    elif approval is not None and approval.granted is None and approval.requested is not None:
        out.add(
            (*at, "approval"),
            APPROVAL_PENDING,
            f"choice '{ident}': approval was asked for "
            f"on {approval.requested.date} and is not granted yet",
            key=True,
        )


# --- readiness, roles, pathway ------------------------------------------------------------------


def _check_readiness(profile: LocalProfile, spec: Intervention, out: _Findings) -> None:
    from codify.dates import bounds

    criteria = {c.id: c for c in spec.readiness}
    hints = Suggester(criteria, SuggestionBudget())
    for ident in profile.readiness:
        if ident not in criteria:
            out.add(
                ("readiness", ident),
                UNKNOWN_READINESS,
                f"{shown(ident)} is not a readiness criterion of '{spec.id}'{hints.hint(ident)}",
                key=True,
            )
    if profile.launch is None:
        return
    _, launch_end = bounds(profile.launch)
    for criterion in spec.readiness:
        if not criterion.required:
            continue
        entry = profile.readiness.get(criterion.id)
        if entry is None or entry.status.value == "not_yet":
            said = "is not assessed" if entry is None else "is not yet met"
            where: JsonPath = ("launch",) if entry is None else ("readiness", criterion.id)
            out.add(
                where,
                READINESS_NOT_MET,
                f"the required readiness criterion "
                f"'{criterion.id}' {said}, and the launch is set for {profile.launch}",
                key=entry is not None,
            )
        elif entry.date is not None and launch_end is not None:
            met_start, _ = bounds(entry.date)
            if met_start is not None and met_start > launch_end:
                out.add(
                    ("readiness", criterion.id, "date"),
                    READINESS_NOT_MET,
                    f"the required "
                    f"readiness criterion '{criterion.id}' is met on {entry.date}, after the "
                    f"launch on {profile.launch}",
                )


def _check_roles_and_pathway(profile: LocalProfile, spec: Intervention, out: _Findings) -> None:
    from codify.dates import bounds

    roles = {r.id for r in spec.roles}
    role_hints = Suggester(roles, SuggestionBudget())
    meant: set[str] = set()  # roles a misspelt one is taken for (CL019 says so already)
    for ident in profile.roles:
        if ident not in roles:
            near = role_hints(ident)
            if near is not None:
                meant.add(near)
            out.add(
                ("roles", ident),
                UNKNOWN_ROLE,
                f"{shown(ident)} is not a role of '{spec.id}'{role_hints.hint(ident)}",
                key=True,
            )
    # A role the adopter must have, left without a holder, is a gap the local handbook would
    # only show as "not filled yet". Roles of another party (the central team, a partner)
    # are not the adopter's to fill.
    listed = "roles" in (out.doc.data or {})  # placed at the roles key, else the file's top
    for role in spec.roles:
        if (
            role.required
            and role.party in (None, "adopter")
            and not profile.roles.get(role.id)
            and role.id not in meant
        ):
            out.add(
                ("roles",) if listed else (),
                ROLE_UNFILLED,
                f"the role {shown(role.id)} ({shown(role.title)}) is one an adopter must have, "
                "and the profile names no one who holds it: add it under roles, with the "
                "person or post",
                key=listed,
            )
    phases = {p.id for p in spec.pathway}
    phase_hints = Suggester(phases, SuggestionBudget())
    for ident, dates in profile.pathway.items():
        if ident not in phases:
            out.add(
                ("pathway", ident),
                UNKNOWN_PHASE,
                f"{shown(ident)} is not a phase of the "
                f"pathway of '{spec.id}'{phase_hints.hint(ident)}",
                key=True,
            )
        if dates.start is not None and dates.end is not None:
            first, _ = bounds(dates.start)
            _, last = bounds(dates.end)
            if first is not None and last is not None and first > last:
                out.add(
                    ("pathway", ident, "end"),
                    DATES_OUT_OF_ORDER,
                    f"phase {shown(ident)} ends ({dates.end}) before it starts ({dates.start})",
                )


# --- the modification log -----------------------------------------------------------------------


def _check_modifications(profile: LocalProfile, spec: Intervention, out: _Findings) -> None:
    core = {e.id for e in spec.core_elements}
    elements = core | {e.id for e in spec.adaptable_elements}
    references = {r.id for r in spec.references}
    seen: set[str] = set()
    for i, mod in enumerate(profile.modifications):
        at: JsonPath = ("modifications", i)
        if mod.id in seen:
            out.add(
                (*at, "id"), DUPLICATE_MODIFICATION, f"the modification id '{mod.id}' is used twice"
            )
        seen.add(mod.id)
        for j, ident in enumerate(mod.elements):
            if ident not in elements:
                out.add(
                    (*at, "elements", j),
                    UNKNOWN_MODIFIED,
                    f"modification '{mod.id}': "
                    f"'{ident}' is not a core or adaptable element of '{spec.id}'",
                )
        for j, ident in enumerate(mod.references):
            if ident not in references:
                out.add(
                    (*at, "references", j),
                    UNKNOWN_MODIFIED,
                    f"modification '{mod.id}': '{ident}' is not a reference of '{spec.id}'",
                )
        if mod.fidelity.value == "fidelity_inconsistent":
            touched = [e for e in mod.elements if e in core]
            which = f" (core element {', '.join(touched)})" if touched else ""
            out.add(
                (*at, "fidelity"),
                FIDELITY_INCONSISTENT,
                f"modification '{mod.id}' departs "
                f"from the model's core functions{which}; the site no longer runs it as "
                "specified",
            )


# --- what changed since the version followed ----------------------------------------------------

# How many commits of the spec's file are looked through for the version a profile follows:
# enough for any real history, while a pathological one cannot make a check take minutes.
_HISTORY_LIMIT = 300
# Changes to an adaptable element that matter only to a profile that changes it, not to one
# that keeps the default.
_IF_CHANGED = frozenset({"guardrail-added", "approval-required"})


def _changes_since(
    profile: LocalProfile, spec: Intervention, spec_path: Path, wanted: Any, out: _Findings
) -> None:
    """Each breaking change between the version the profile follows and the spec now, that
    affects this profile, as a warning on the profile's line it affects (CL026).

    The version followed is read from git: the newest commit of the spec's file whose version
    is in the profile's range. When there is none to read (no git, not a repository, no such
    version committed), a note says so once: the profile is still checked against the spec.
    """
    from codify.diff import DiffError, Level, Side, diff_specs, side_from_bytes

    try:
        found = _followed_version(spec_path, wanted)
    except DiffError as exc:
        found = f"git could not be asked ({exc})"
    if isinstance(found, str):
        line, col = out.doc.position(("adopts", "version"))
        out.notes.append(
            Note(
                out.doc.path,
                line,
                col,
                "the changes since the version this profile follows cannot be listed: "
                f"{found}; compare the two versions with `codify diff`",
            )
        )
        return
    label, raw = found
    try:
        old = side_from_bytes(raw, label)
    except DiffError as exc:
        line, col = out.doc.position(("adopts", "version"))
        out.notes.append(
            Note(out.doc.path, line, col, f"the version this profile follows, {label}: {exc}")
        )
        return
    changed = diff_specs(old, Side(spec_path.name, spec))
    since = f"since version {old.spec.version} ({label})"
    for change in changed.changes:
        if change.level is not Level.breaking:
            continue  # what an adopter may now do, or wording: nothing it must change
        where = _affected(change, profile, old.spec, spec)
        if where is not None:
            out.add(
                where,
                SPEC_CHANGED,
                # The message quotes spec text already cut short (codify.diff); it is
                # escaped for the terminal here as every value a message repeats is.
                f"{since}, a change that affects this profile: "
                f"{printable(change.message[:240])} [{change.rule}]",
                key=True,
            )


def _followed_version(spec_path: Path, wanted: Any) -> tuple[str, bytes] | str:
    """The spec's text at the newest commit whose version is in `wanted`, with a label for it
    ('v1.0.0:intervention.yaml', by a tag when one points there); or why there is none."""
    from packaging.version import InvalidVersion, Version

    from codify.diff import _git
    from codify.loader import LoadError, decode_text, load_text

    folder = spec_path.parent.resolve()
    name = spec_path.name
    inside = _git(["rev-parse", "--is-inside-work-tree"], folder)
    if inside.returncode != 0:
        return "the spec is not in a git repository"
    log = _git(["log", f"--max-count={_HISTORY_LIMIT}", "--format=%H", "--", name], folder)
    commits = log.stdout.decode("ascii", "replace").split() if log.returncode == 0 else []
    if not commits:
        return "the spec's file has no history in git"
    for commit in commits:
        shown_ = _git(["show", "--no-color", f"{commit}:./{name}"], folder)
        if shown_.returncode != 0:
            continue
        try:
            data = load_text(decode_text(shown_.stdout, name), name).data
        except LoadError:
            continue
        version = data.get("version") if isinstance(data, dict) else None
        try:
            ok = isinstance(version, str) and wanted.contains(Version(version), prereleases=True)
        except InvalidVersion:
            ok = False
        if ok:
            tags = _git(["tag", "--points-at", commit], folder)
            tag = tags.stdout.decode("utf-8", "replace").split() if tags.returncode == 0 else []
            return f"{tag[0] if tag else commit[:12]}:{name}", shown_.stdout
    return "no committed version of the spec is in the profile's range"


def _ident(path: str, section: str) -> str | None:
    """'service_level' from 'adaptable_elements[service_level].adaptations.options'."""
    head = f"{section}["
    if not path.startswith(head):
        return None
    end = path.find("]", len(head))
    return path[len(head) : end] if end > 0 else None


def _affected(
    change: Change, profile: LocalProfile, old: Intervention, new: Intervention
) -> JsonPath | None:
    """Where in the profile a breaking change lands, or None when it does not touch it.

    A change to an adaptable element matters to the profile's choice for it: a withdrawn
    option only if it is the one chosen, a new or narrowed range only if a value is chosen, a
    new guardrail or approval only if the default is not kept. A new required readiness
    criterion or role lands on that part of the profile; anything else asks every adopter to
    change (a core element, a proscribed practice, a must-pass criterion), so it lands on the
    version the profile follows.
    """
    version: JsonPath = ("adopts", "version")
    element = _ident(change.path, "adaptable_elements")
    if element is not None:
        choice = profile.choices.get(element)
        if choice is None:
            return None
        at: JsonPath = ("choices", element)
        if change.rule == "option-removed":
            if choice.option is None or "requires_approval" in change.path:
                return None
            removed = _chose_removed(choice.option, element, old, new)
            return (*at, "option") if removed else None
        if change.rule in ("range-added", "range-narrowed"):
            return (*at, "value") if choice.value is not None else None
        if change.rule in _IF_CHANGED and choice.keep_default:
            return None
        return at
    core = _ident(change.path, "core_elements")
    if core is not None:
        for i, mod in enumerate(profile.modifications):
            if core in mod.elements:
                return ("modifications", i, "elements", mod.elements.index(core))
        return version
    criterion = _ident(change.path, "readiness")
    if criterion is not None:
        return ("readiness", criterion) if criterion in profile.readiness else ("readiness",)
    role = _ident(change.path, "roles")
    if role is not None:
        return ("roles", role) if role in profile.roles else ("roles",)
    return version


def _chose_removed(option: str, element: str, old: Intervention, new: Intervention) -> bool:
    """Whether the option the profile names, as the old version words it, is gone from the
    element's options in the new one."""
    before = next((e for e in old.adaptable_elements if e.id == element), None)
    after = next((e for e in new.adaptable_elements if e.id == element), None)
    if before is None or after is None:
        return after is None
    matched = match_option(option, before.adaptations.options)
    if len(matched) != 1:
        return False
    text = _norm(_option_text(before.adaptations.options[matched[0]]))
    return all(_norm(_option_text(o)) != text for o in after.adaptations.options)


# --- what is still to fill in ------------------------------------------------------------------

# How `codify init --adopt` marks each blank (codify.commands.init.TO_FILL).
_TO_FILL = "TODO:"


def _check_placeholders(doc: Document, out: _Findings) -> None:
    """Each text still marked "TODO:" (a scaffold's blank) at its place (CL027): an error, as
    a spec's TODO is (CR019), so that no local handbook is built, and handed out, with one."""

    def walk(value: Any, path: JsonPath) -> None:
        if isinstance(value, str):
            if value.lstrip().startswith(_TO_FILL):
                out.add(path, PLACEHOLDER, f"still to fill in: {shown(value, 80)}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))

    walk(doc.data, ())
