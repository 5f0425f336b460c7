"""Every filled field of a spec reaches every document a reader acts on.

The spec is walked generically, field by field, from the models in codify.model: each filled
leaf (prose, a date, a number, an enumeration value) must appear in the handbook (HTML and
Markdown), in the pages of the built site, and, for the fidelity fields, in the checklist
(HTML, Markdown and CSV). A yes/no field has no text of its own, so it must instead change
what each document says when it is flipped. What an output cannot reasonably show is on the
allow-list below, per output, with the reason.

tests/fixtures/every_field.yaml fills every field of the format, and the first test proves it:
adding a field to the model without filling it there fails, so the new field is covered too.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from codify.cli import cli
from codify.config import Branding
from codify.dates import words as date_words
from codify.documents.formats import num as number
from codify.documents.view import build_document
from codify.loader import load_file
from codify.model import (
    Audience,
    ChangeLevel,
    Criterion,
    GuidanceStance,
    Intervention,
    Party,
    Qualifier,
    ScaleKind,
)
from codify.phrases import Phrasebook
from codify.render.text import md_to_html, plain, words
from tests.conftest import EXAMPLES, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "every_field.yaml"
SPECS = [FIXTURE, *EXAMPLES]
SPEC_IDS = ["every_field", *(p.parent.name for p in EXAMPLES)]

HANDBOOK = ("handbook.html", "handbook.md")
CHECKLIST = ("checklist.html", "checklist.md", "checklist.csv")
SITE = "site"
OUTPUTS = (*HANDBOOK, *CHECKLIST, SITE)


def load(path: Path) -> Intervention:
    return Intervention.model_validate(load_file(path).data)


# --- walking the format -------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One field of the format, wherever it occurs: `core_elements[].alternative_forms[].form`."""

    path: str
    leaf: Any  # the field's type once Optional, Annotated and list are taken off
    is_list: bool
    repeated: bool  # whether the field can occur more than once in one spec (it is in a list)


def _unannotated(annotation: Any) -> Any:
    """The type inside any Annotated wrappers."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _bare(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional and Annotated, and whether it is a list of that type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            lists = [a for a in args if typing.get_origin(_unannotated(a)) is list]
            models = [a for a in args if _is_model(a)]
            if len(args) > 1 and lists:
                # A field written either way (authors as one line of 1.x text, or a list):
                # the fixture fills the structured form, which the other merely abbreviates.
                annotation = lists[0]
            elif len(args) > 1 and len(models) == len(args):
                return tuple(models), False  # one of several kinds of item (a person, a body)
            elif len(args) > 1 and models:
                # An item written either way (an option as a line of text, or with its own
                # approval rule): the structured form holds the fields to fill.
                return tuple(models), False
            else:
                assert len(args) == 1, f"a union of several types: {annotation}"
                annotation = args[0]
        elif origin is list:
            inner, nested = _bare(typing.get_args(annotation)[0])
            assert not nested, f"a list of lists: {annotation}"
            return inner, True
        else:
            return annotation, False


def _is_model(leaf: Any) -> bool:
    return isinstance(leaf, type) and issubclass(leaf, BaseModel)


def slots(
    model: type[BaseModel] = Intervention, prefix: str = "", repeated: bool = False
) -> Iterator[Slot]:
    """Every field of `model` and of the models inside it, recursively."""
    for name, info in model.model_fields.items():
        leaf, is_list = _bare(info.annotation)
        path = f"{prefix}{name}"
        yield Slot(path, leaf, is_list, repeated)
        kinds = leaf if isinstance(leaf, tuple) else (leaf,)
        for kind in kinds:
            if _is_model(kind):
                here = f"{path}[]." if is_list else f"{path}."
                yield from slots(kind, here, repeated or is_list)


def slot_of(path: str) -> str:
    """The slot a concrete path belongs to: `core_elements[2].name` -> `core_elements[].name`."""
    return re.sub(r"\[\d+\]", "[]", path)


def values(obj: BaseModel, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every field of a loaded spec, nested ones included, as (path, value); lists item by item."""
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        path = f"{prefix}{name}"
        yield path, value
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, item in items:
            here = path if i is None else f"{path}[{i}]"
            if i is not None:
                yield here, item
            if isinstance(item, BaseModel):
                yield from values(item, f"{here}.")


def leaves(spec: Intervention) -> Iterator[tuple[str, Any]]:
    """The filled leaves a reader could be shown: text, numbers, yes/no and enumeration values."""
    for path, value in values(spec):
        if isinstance(value, (BaseModel, list)) or value is None or value == "":
            continue
        yield path, value


# --- 1. the fixture fills every field -----------------------------------------------------------


def test_the_fixture_fills_every_field_of_the_format() -> None:
    spec = load(FIXTURE)
    found: dict[str, list[Any]] = {}
    for path, value in values(spec):
        if not re.search(r"\[\d+\]$", path):  # list items are counted through their list
            found.setdefault(slot_of(path), []).append(value)
    all_slots = list(slots())
    problems: list[str] = []
    enum_slots: dict[type[Enum], list[Slot]] = {}
    for slot in all_slots:
        seen = found.get(slot.path, [])
        filled = [v for v in seen if v not in (None, "", [])]
        if not filled:
            problems.append(f"{slot.path}: never filled")
            continue
        if slot.is_list and max(len(v) for v in filled) < 2:
            problems.append(f"{slot.path}: no instance of the list has two items or more")
        if slot.leaf is bool and slot.repeated and set(filled) != {True, False}:
            problems.append(f"{slot.path}: only ever {filled[0]}; give both values somewhere")
        if isinstance(slot.leaf, type) and issubclass(slot.leaf, Enum):
            enum_slots.setdefault(slot.leaf, []).append(slot)
    used: dict[type[Enum], set[Enum]] = {}
    for slot_list in enum_slots.values():
        for slot in slot_list:
            for v in found.get(slot.path, []):
                for item in v if isinstance(v, list) else [v]:
                    if item is not None:
                        used.setdefault(type(item), set()).add(item)
    for enum, slot_list in enum_slots.items():
        # A field a spec holds once (status, spread model) shows one value per spec; any field
        # that can hold several must show them all.
        room = sum(1 for s in slot_list if not (s.is_list or s.repeated))
        many = any(s.is_list or s.repeated for s in slot_list)
        wanted = len(enum) if many else min(len(enum), room)
        got = used.get(enum, set())
        if len(got) < wanted:
            missing = sorted(e.value for e in enum if e not in got)
            where = ", ".join(s.path for s in slot_list)
            problems.append(f"{enum.__name__} ({where}): values never used: {missing}")
    assert not problems, "every_field.yaml does not fill the format:\n" + "\n".join(problems)
    # The walk is not vacuous: it reached nested models, lists of models and optional models.
    paths = {s.path for s in all_slots}
    for deep in (
        "core_elements[].alternative_forms[].context",
        "licence.previous_holders[].note",
        "adaptable_elements[].adaptations.range.min",
        "fidelity.criteria[].scale.anchors[].description",
        "complexity.embedding.notes",
        "modifications[].reasons[].factor",
    ):
        assert deep in paths


def test_the_fixture_passes_a_strict_check() -> None:
    # Filling every field means declaring TIDieR items not applicable that the fixture also
    # answers (10 and 12): CR023 is right to say so, and is the only thing it may say.
    result = CliRunner().invoke(cli, ["check", "--strict", "--format", "json", str(FIXTURE)])
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["code"], d["message"].split(" (")[0]) for d in found] == [
        ("CR023", "TIDieR item 10"),
        ("CR023", "TIDieR item 12"),
    ], result.stdout + result.stderr


# --- 2. every filled leaf reaches every output --------------------------------------------------

# What each output may leave out, by path pattern: `*` stands for any run of characters and
# `[*]` for any list index; a pattern that begins `*.` also matches at the top level. Each
# reason is what a reviewer would accept; a real gap not yet fixed starts with "GAP:".
IDS = {
    "*.id": "an id is the spec's own name for an item: outputs use it as an anchor or a file "
    "name, and show the item's name or title",
    "*.reference": "a cross-reference is an id: outputs show the citation it points at",
    "*.references[*]": "a cross-reference is an id: outputs show the citations it points at",
    "*.evidence[*]": "a cross-reference is an id: outputs show the citations it points at",
    "*.roles[*]": "a cross-reference is an id: outputs show the titles of the roles it names",
    "*.materials[*]": "a cross-reference is an id: outputs show the titles of the materials",
    "*.core_element": "a cross-reference is an id: outputs show the core element's name",
    "*.core_elements[*]": "a cross-reference is an id: outputs show the core elements' names",
    "*.elements[*]": "a cross-reference is an id: outputs show the elements' names",
}
EVERYWHERE = {
    **IDS,
    "not_applicable[*].*": "why a TIDieR item does not apply is shown only while the spec "
    "leaves the item unanswered (tested below); an answered item shows its answer instead",
    "verdict.*": "a verdict leads every output only when the status is not_recommended or "
    "retired; tests/test_status.py builds this fixture with each status and checks it there",
}
# The citation style lays out each reference (codify.documents.citations, Vancouver by
# default): some parts it uses without printing them as given.
CITED = {
    "references[*].type": "the kind of work (journal article, report, web page) decides how "
    "the citation style lays out the entry; the word itself is not printed",
    "references[*].authors[*].given": "the citation style prints given names as initials "
    "(Okafor A), as Vancouver does",
    "references[*].accessed": "the citation style writes the access date in its own form "
    "(cited 2024 Feb 19)",
    "references[*].authors[6+].family": "Vancouver lists the first six authors, then et al.",
}
HANDBOOKS = {
    **EVERYWHERE,
    **CITED,
    "*.party": "a party is an id: the handbook shows the organisation's name, or the kind's words",
}
BLANK_FORM = {
    "fidelity.strategies[*]": "the checklist is the form for one assessment; what keeps "
    "fidelity up between assessments is in the handbook and on the site",
    "fidelity.results[*].*": "the checklist is a blank form for a new assessment; earlier "
    "results are in the handbook and on the site",
}
ONE_ROW_PER_CRITERION = {
    "fidelity.approach": "the CSV holds one row per criterion, for a spreadsheet; how fidelity "
    "is assessed is on the printable checklist",
    "fidelity.assessors": "the CSV holds one row per criterion; who assesses is on the "
    "printable checklist",
    "fidelity.frequency": "the CSV holds one row per criterion; how often is on the printable "
    "checklist",
    "fidelity.bands[*].*": "the CSV holds one row per criterion; the scoring bands are on the "
    "printable checklist",
    "fidelity.instrument.owner": "the CSV says on every row whether the checklist is official, "
    "adapted or illustrative; who owns it and why is on the printable checklist",
    "fidelity.instrument.url": "the CSV names the instrument's kind on every row; where it is "
    "published is on the printable checklist",
    "fidelity.instrument.note": "the CSV names the instrument's kind on every row; what was "
    "adapted is on the printable checklist",
    "fidelity.instrument.validated": "the CSV names the instrument's kind on every row; "
    "whether it was validated is on the printable checklist",
    "fidelity.unit": "the CSV holds one row per criterion; what one assessment is of is on "
    "the printable checklist",
}
# Under `fidelity`, ids name criteria, the core elements they protect and the references of
# results. The CSV shows the first two, for joining a spreadsheet with other data.
FORM_IDS = {k: IDS[k] for k in ("*.id", "*.core_elements[*]", "*.reference")}
ALLOWED: dict[str, dict[str, str]] = {
    "handbook.html": HANDBOOKS,
    "handbook.md": HANDBOOKS,
    "checklist.html": {**FORM_IDS, **BLANK_FORM},
    "checklist.md": {**FORM_IDS, **BLANK_FORM},
    "checklist.csv": {"*.reference": IDS["*.reference"], **BLANK_FORM, **ONE_ROW_PER_CRITERION},
    SITE: {
        **EVERYWHERE,
        **CITED,
        "materials[*].path": "material paths are copied as files: the site offers the file "
        "to download, and the link text is the material's title",
    },
}


def _pattern(glob: str) -> re.Pattern[str]:
    anywhere = glob.startswith("*.")
    body = glob[2:] if anywhere else glob
    # `[*]` is any item; `[6+]` is the seventh item onwards (index 6 or more).
    parts = re.split(r"(\[\*\]|\[\d\+\]|\*)", body)

    def piece(p: str) -> str:
        if p == "[*]":
            return r"\[\d+\]"
        if re.fullmatch(r"\[\d\+\]", p):
            low = int(p[1:-2])
            return rf"\[(?:[{low}-9]|[1-9]\d+)\]" if low < 10 else r"\[\d{2,}\]"
        return ".*" if p == "*" else re.escape(p)

    regex = "".join(piece(p) for p in parts)
    return re.compile(("(?:.*\\.)?" if anywhere else "") + regex)


def excused_by(output: str, path: str) -> list[str]:
    """The allow-list patterns that excuse `path` from `output`."""
    return [glob for glob in ALLOWED[output] if _pattern(glob).fullmatch(path)]


def in_scope(output: str, path: str) -> bool:
    """The checklist is about fidelity: only the fields under `fidelity` must reach it."""
    return output not in CHECKLIST or path.startswith("fidelity.")


# --- reading the outputs as a reader sees them ---------------------------------------------------

_BLOCKS = {
    "p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "br", "h1", "h2", "h3", "h4",
    "h5", "h6", "dt", "dd", "dl", "section", "article", "header", "footer", "blockquote",
    "fieldset", "legend", "label", "details", "summary", "figure", "figcaption", "nav",
}  # fmt: skip


class _Text(HTMLParser):
    """The text of an HTML document, as a reader sees it: no styles, scripts or head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head", "template"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def collapse(text: str) -> str:
    return " ".join(text.split())


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return collapse("".join(parser.parts))


SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"]


def markdown_text(text: str) -> str:
    """Markdown as a reader of the rendered page sees it."""
    return html_text(markdown.markdown(text, extensions=SITE_EXTENSIONS))


def csv_text(text: str) -> str:
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    return collapse(" | ".join(cell for row in rows for cell in row))


def site_text(site_dir: Path) -> str:
    """The text of every page of the built site: each page's article, not the theme around it.

    The downloads under files/ (copies of the handbook and checklist) are not pages.
    """
    texts = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir)
        if rel.parts[0] in ("files", "assets", "search") or rel.name == "404.html":
            continue
        found = re.search(r"<article\b.*?</article>", page.read_text("utf-8"), re.S)
        assert found, f"{rel}: no article"
        texts.append(html_text(found.group(0)))
    return " ¶ ".join(texts)


def texts_of(build: Path, site: Path) -> dict[str, str]:
    def read(name: str) -> str:
        return (build / name).read_text("utf-8")

    return {
        "handbook.html": html_text(read("handbook.html")),
        "handbook.md": markdown_text(read("handbook.md")),
        "checklist.html": html_text(read("checklist.html")),
        "checklist.md": markdown_text(read("checklist.md")),
        "checklist.csv": csv_text(read("checklist.csv")),
        SITE: site_text(site),
    }


# --- what a leaf looks like in an output ---------------------------------------------------------

# Enumeration values that outputs show in other words than their own.
LABELS: dict[Enum, tuple[str, ...]] = {
    ScaleKind.yes_no: ("yes (1) or no (0)",),
    ScaleKind.rating: ("rated ",),
    # Whose a role is, as the role says it ("The adopting organisation's").
    Party.adopter: ("adopting organisation",),
    Party.central: ("central team",),
    Party.partner: ("partner organisation",),
    # Who the documents are for, as the handbook's opening sentence addresses them.
    Audience.mixed: ("staff, volunteers and managers",),
    GuidanceStance.predates_evidence: ("written before the evidence",),
    # A release's changes are grouped under what they ask of adopters.
    ChangeLevel.breaking: ("what you must now do differently",),
    ChangeLevel.compatible: ("what you may now do",),
    ChangeLevel.editorial: ("wording only",),
}


# What a date leaf looks like before it is printed in words (codify.dates).
DATE = re.compile(r"^(\d{4}|\.\.)[-\d/?~%X.]*$")
ENGLISH = Phrasebook("en")


def shown(value: Any, text: str, folded: str, as_words: Callable[[str], str] | None = None) -> bool:
    """Whether a leaf's value appears in an output's text (`folded` is it in lower case).

    `as_words` shows text with cross-references ([[id]]) as every output shows them.
    """
    if value is Qualifier.exactly:
        return True  # an exact count is printed as the number alone, which is checked itself
    if isinstance(value, Enum):
        names = (words(value), str(value.value), *LABELS.get(value, ()))
        return any(n.lower() in folded for n in names)
    if isinstance(value, (int, float)):
        return re.search(rf"(?<![\d.]){re.escape(number(value))}(?!\.?\d)", text) is not None
    candidates = {collapse(value), collapse(plain(value)), html_text(str(md_to_html(value)))}
    if isinstance(value, str) and "[[" in value and as_words is not None:
        candidates.add(collapse(as_words(value)))
    if isinstance(value, str) and DATE.match(value):
        candidates.add(date_words(value, ENGLISH))  # a date is printed in words: "June 2020"
    return any(c and c in text for c in candidates)


def excerpt(value: Any, limit: int = 60) -> str:
    text = collapse(str(value.value if isinstance(value, Enum) else value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Built:
    spec: Intervention
    texts: dict[str, str]
    project: Path  # the site's MkDocs project, with its built site/


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Each spec's handbook, checklist and built site, made once for the module."""
    found = {}
    for name, spec_path in zip(SPEC_IDS, SPECS, strict=True):
        out = tmp_path_factory.mktemp(name)
        run("build", str(spec_path), "--out", str(out / "build"))
        run("site", str(spec_path), "--out", str(out / "project"), "--build", "--quiet")
        texts = texts_of(out / "build", out / "project" / "site")
        found[name] = Built(load(spec_path), texts, out / "project")
    return found


def unseen(b: Built) -> Iterator[tuple[str, str, Any]]:
    """Every (output, path, value) of a filled leaf that a reader of the output does not see."""
    folded = {k: v.lower() for k, v in b.texts.items()}
    as_words = build_document(b.spec, Branding()).words
    for path, value in leaves(b.spec):
        if isinstance(value, bool):
            continue  # a yes/no field has no text of its own: it is flipped, below
        for output in OUTPUTS:
            if in_scope(output, path) and not shown(
                value, b.texts[output], folded[output], as_words
            ):
                yield output, path, value


@pytest.mark.parametrize("name", SPEC_IDS)
def test_every_filled_field_reaches_every_output(builds: dict[str, Built], name: str) -> None:
    missing = [(o, p, v) for o, p, v in unseen(builds[name]) if not excused_by(o, p)]
    lines = [f"{o}: {p} = {excerpt(v)!r}" for o, p, v in missing]
    assert not missing, f"{len(missing)} values no reader sees:\n" + "\n".join(lines)


# --- yes/no fields change the wording -------------------------------------------------------------


def _flipped(data: dict[str, Any], path: str) -> None:
    """Flip the yes/no field at `path` in a spec's data, in place."""
    keys = re.findall(r"[^.\[\]]+", path)
    target: Any = data
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    target[keys[-1]] = not target[keys[-1]]


def _texts_from_data(data: dict[str, Any], folder: Path) -> dict[str, str]:
    """The outputs' text for a spec given as data (the site's pages as generated, not built)."""
    folder.mkdir()
    for material in FIXTURE.parent.glob("every-field-*"):
        (folder / material.name).write_bytes(material.read_bytes())
    spec = folder / "every_field.yaml"
    spec.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    run("build", str(spec), "--out", str(folder / "build"))
    run("site", str(spec), "--out", str(folder / "project"), "--quiet")
    texts = {
        name: html_text((folder / "build" / name).read_text("utf-8"))
        for name in ("handbook.html", "checklist.html")
    }
    for name in ("handbook.md", "checklist.md"):
        texts[name] = markdown_text((folder / "build" / name).read_text("utf-8"))
    texts["checklist.csv"] = csv_text((folder / "build" / "checklist.csv").read_text("utf-8"))
    docs = folder / "project" / "docs"
    pages = sorted(p for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] != "files")
    bodies = [re.sub(r"\A---\n.*?\n---\n", "", p.read_text("utf-8"), flags=re.S) for p in pages]
    texts[SITE] = " ¶ ".join(markdown_text(body) for body in bodies)  # without front matter
    return texts


@pytest.fixture(scope="module")
def flips(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, bool]]:
    """Each yes/no field of the format flipped once in the fixture, and the outputs it left alone.

    Returns (output, path, value before the flip) for every output whose text did not change.
    """
    spec = load(FIXTURE)
    data = spec.model_dump(mode="json", exclude_none=True)
    root = tmp_path_factory.mktemp("flips")
    before = _texts_from_data(data, root / "as-is")
    chosen: dict[str, tuple[str, bool]] = {}
    for path, value in values(spec):
        if isinstance(value, bool):
            chosen.setdefault(slot_of(path), (path, value))
    unchanged = []
    for n, (path, value) in enumerate(chosen.values()):
        flipped = copy.deepcopy(data)
        _flipped(flipped, path)
        after = _texts_from_data(flipped, root / f"flip-{n}")
        for output in OUTPUTS:
            if in_scope(output, path) and after[output] == before[output]:
                unchanged.append((output, path, value))
    assert chosen, "the fixture has no yes/no fields to flip"
    return unchanged


def test_every_yes_no_field_changes_what_each_output_says(
    flips: list[tuple[str, str, bool]],
) -> None:
    missing = [(o, p, v) for o, p, v in flips if not excused_by(o, p)]
    lines = [f"{o}: {p} (was {v}) flipped, and nothing changed" for o, p, v in missing]
    assert not missing, "\n".join(lines)


def _without(data: Any, key: str) -> Any:
    """Spec data with every field named `key` removed, at any depth."""
    if isinstance(data, dict):
        return {k: _without(v, key) for k, v in data.items() if k != key}
    if isinstance(data, list):
        return [_without(v, key) for v in data]
    return data


def test_why_a_tidier_item_does_not_apply_is_shown_where_the_item_would_be(
    tmp_path: Path,
) -> None:
    """The fixture answers every item; without materials, adaptations, changes or results, the
    handbook and the site say why each of those does not apply yet, as the spec says it."""
    data = _without(load(FIXTURE).model_dump(mode="json", exclude_none=True), "materials")
    # The technology answers item 3 (what materials) as much as the materials do.
    for key in ("adaptable_elements", "modifications", "technology"):
        del data[key]
    del data["fidelity"]["results"]
    reasons = {
        3: "Every ward already has the cards it needs, so none are supplied.",
        9: "Nothing may be changed until the first winter has been evaluated.",
        10: "No adopting trust has changed the rounds so far.",
        12: "The first autumn assessments are still to come.",
    }
    data["not_applicable"] = [{"item": n, "reason": r} for n, r in reasons.items()]
    texts = _texts_from_data(data, tmp_path / "spec")
    for output in (*HANDBOOK, SITE):
        for n, reason in reasons.items():
            assert f"Not applicable: {reason}" in texts[output], (output, n)


# --- the must-pass rule on the site ---------------------------------------------------------------


def _minimum_label(criterion: Criterion) -> str:
    """What a must-pass criterion needs, as the handbook words it: 'yes', '5', '4 or more'."""
    scale = criterion.scale
    if scale.kind == ScaleKind.yes_no:
        return "yes"
    scores = sorted(a.score for a in scale.anchors)
    high = scale.max if scale.max is not None else scores[-1]
    assert criterion.minimum is not None
    return str(criterion.minimum) if criterion.minimum >= high else f"{criterion.minimum} or more"


@pytest.mark.parametrize("name", SPEC_IDS)
def test_a_scorer_on_the_site_sees_each_must_pass_minimum_beside_its_criterion(
    builds: dict[str, Built], name: str
) -> None:
    """A site that meets the total but misses a must-pass minimum does not meet the standard.

    Scoring from the site's checklist alone, an assessor must see each minimum where they rate
    the criterion, and the rule that a minimum missed fails the standard whatever the total.
    """
    b = builds[name]
    page = (b.project / "docs" / "fidelity.md").read_text("utf-8")
    must_pass = [c for c in b.spec.fidelity.criteria if c.minimum is not None]
    assert must_pass, f"{name} has no must-pass criterion to check"
    for c in must_pass:
        start = page.index(f"{{ #crit-{c.id} }}")
        ends = [page.find(m, start + 1) for m in ("{ #crit-", "## Scoring bands")]
        section = markdown_text(page[start : min(e for e in ends if e > 0)])
        if c.scale.kind == ScaleKind.yes_no:
            rule = "Must-pass: the answer must be yes, whatever the total score."
        else:
            rule = f"Must-pass: the rating must be {_minimum_label(c)}, whatever the total score."
        assert rule in section, f"{c.id}: {section}"
    bands = markdown_text(page[page.index("## Scoring bands") :])
    assert "A site below a minimum does not meet the standard, whatever its total." in bands
    for c in must_pass:
        assert f"{collapse(plain(c.name))} ({_minimum_label(c)})" in bands


# --- the allow-list stays honest -------------------------------------------------------------------


def test_every_allow_list_entry_excuses_something_no_reader_sees(
    builds: dict[str, Built], flips: list[tuple[str, str, bool]]
) -> None:
    """An entry that excuses nothing (the output now shows the field) must go."""
    fixture_paths = [path for path, _ in leaves(builds["every_field"].spec)]
    used: set[tuple[str, str]] = set()
    for b in builds.values():
        for output, path, _ in unseen(b):
            used.update((output, glob) for glob in excused_by(output, path))
    for output, path, _ in flips:
        used.update((output, glob) for glob in excused_by(output, path))
    stale = []
    for output, entries in ALLOWED.items():
        for glob, reason in entries.items():
            assert len(reason.split()) >= 5, f"{output}: {glob!r}: say why, in a sentence"
            # `[6+]` names the same field as `[*]`: from the seventh item on.
            field = re.sub(r"\[\d+\+\]", "[*]", glob)
            if not any(in_scope(output, p) and _pattern(field).fullmatch(p) for p in fixture_paths):
                stale.append(f"{output}: {glob!r} names no field this output must show")
            elif (output, glob) not in used:
                stale.append(f"{output}: {glob!r} excuses nothing: the output shows it now")
    assert not stale, "\n".join(stale)
