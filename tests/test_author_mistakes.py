"""Mistakes authors make early, caught with a message that says how to fix them.

The scaffold's placeholders (CR019), a `#` line in a text block (CR020), a role without its time
(CR021), an uncited reference (CR022), a TIDieR item answered and declared not applicable
(CR023), bands out of order (CR024); YAML errors with a hint (': ' in unquoted text, a comma in
`{...}`); refused ids and dates with the expected format; and a handbook title that does not
repeat the short name. Each message is pinned once in tests/test_rules_pinned.py; these test
the edges: where a problem is reported, and what is not one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codify.checker import check_file
from codify.loader import LoadError, load_text
from tests.conftest import ROOT

Found = tuple[str, int, int, str]


def found(tmp_path: Path, text: str) -> list[Found]:
    """What checking `text` as a spec file reports, as (code, line, column, message)."""
    spec = tmp_path / "intervention.yaml"
    spec.write_text(text, encoding="utf-8")
    result = check_file(spec, display="intervention.yaml")
    return [(d.code, d.line, d.column, d.message) for d in result.diagnostics]


def codes(tmp_path: Path, text: str) -> set[str]:
    return {c for c, *_ in found(tmp_path, text)}


def edited(base: str, old: str, new: str) -> str:
    assert base.count(old) == 1, f"the scaffold holds {old!r} {base.count(old)} times"
    return base.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` starts."""
    return text[: text.index(needle)].count("\n") + 1


# --- CR019: placeholders -------------------------------------------------------------------------


def test_init_writes_a_spec_whose_first_check_lists_every_placeholder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from codify.cli import cli

    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--name", "Ward huddles"])
    assert result.exit_code == 0 and "TODO: placeholders" in result.output
    text = (tmp_path / "intervention.yaml").read_text(encoding="utf-8")
    problems = found(tmp_path, text)
    assert {c for c, *_ in problems} == {"CR019"}
    # One per placeholder, at the placeholder itself: inside a block, the line holding it.
    lines = text.splitlines()
    assert [line for _, line, _, _ in problems] == [
        n for n, ln in enumerate(lines, 1) if "TODO: " in ln
    ]
    for _, line, col, _ in problems:
        assert lines[line - 1][col - 1 :].startswith(("TODO: ", '"TODO: '))


def test_an_authors_own_todo_is_found_where_it_is(tmp_path: Path, base_spec: str) -> None:
    text = edited(
        base_spec,
        "  The problem the intervention addresses, and for whom.\n",
        "  The problem the intervention addresses.\n\n  Who it is for. TODO: ask the ward\n",
    )
    line = line_of(text, "  Who it is for.")
    assert found(tmp_path, text) == [
        ("CR019", line, 18, "problem is a placeholder still to replace: 'TODO: ask the ward'")
    ]


@pytest.mark.parametrize(
    "words", ["Things to do: ask the ward", "todo: lower case", "TODO without a colon", "NOTODO:"]
)
def test_prose_is_not_a_placeholder(tmp_path: Path, base_spec: str, words: str) -> None:
    text = edited(
        base_spec, "  The problem the intervention addresses, and for whom.\n", f"  {words}\n"
    )
    assert "CR019" not in codes(tmp_path, text)


# --- CR020: headings in text ---------------------------------------------------------------------


def _problem(base: str, block: str) -> str:
    return edited(
        base, "problem: >-\n  The problem the intervention addresses, and for whom.\n", block
    )


def test_a_heading_in_a_folded_block_is_reported_at_its_line(
    tmp_path: Path, base_spec: str
) -> None:
    text = _problem(
        base_spec,
        "problem: >-\n  Staff rarely hear of risks\n  together.\n\n  # Who it is for\n"
        "  Every ward team.\n\n  ## And\n",
    )
    problems = [p for p in found(tmp_path, text) if p[0] == "CR020"]
    assert [(line, col) for _, line, col, _ in problems] == [
        (line_of(text, "  # Who"), 3),
        (line_of(text, "  ## And"), 3),
    ]
    assert "'# Who it is for Every ward team.'" in problems[0][3]  # folded into one line


@pytest.mark.parametrize(
    "block",
    [
        # Folded without a blank line before it, '#' is mid-line text: no heading.
        "problem: >-\n  Staff rarely hear\n  # of risks together.\n",
        # Indented more than the block, the line keeps its spaces: no heading.
        "problem: |-\n  Staff rarely hear of risks.\n    # a code sample\n",
        # A hash inside a line.
        "problem: >-\n  Staff rarely hear of risks (#1 on the list).\n",
    ],
)
def test_a_hash_that_makes_no_heading_is_not_reported(
    tmp_path: Path, base_spec: str, block: str
) -> None:
    assert "CR020" not in codes(tmp_path, _problem(base_spec, block))


def test_a_heading_in_quoted_text_is_reported_at_the_value(tmp_path: Path, base_spec: str) -> None:
    text = _problem(base_spec, 'problem: "Staff rarely hear of risks.\\n#1 priority"\n')
    assert found(tmp_path, text) == [
        (
            "CR020",
            line_of(text, "problem:"),
            10,
            "problem: the line '#1 priority' will be a heading (inside a text block, '#' starts "
            "no comment); remove the '#', or use **bold**",
        )
    ]


def test_python_markdown_makes_such_lines_headings() -> None:
    from codify.render.text import md_to_html

    for line in ("# Who it is for", "#1 priority", "## And"):
        assert re.search(r"<h[12]>", str(md_to_html(f"Text.\n{line}")))
    assert "<h" not in str(md_to_html("Text.\n # indented"))


# --- CR021 to CR024 ------------------------------------------------------------------------------


def test_an_optional_role_may_leave_its_time_unstated(tmp_path: Path, base_spec: str) -> None:
    role = "    time_commitment: About two hours a month\n"
    assert "CR021" in codes(tmp_path, edited(base_spec, role, ""))
    assert "CR021" not in codes(tmp_path, edited(base_spec, role, "    required: false\n"))


def test_every_kind_of_citation_counts_for_cr022(tmp_path: Path, base_spec: str) -> None:
    refs = "references:\n" + "".join(
        f"  - {{id: ref-{n}, authors: A, title: T}}\n" for n in range(1, 6)
    )
    text = edited(base_spec, "not_applicable:\n", refs + "not_applicable:\n")
    text = edited(
        text,
        "    roles: [lead]\n    materials: [guide]\n    fidelity:",
        "    roles: [lead]\n    materials: [guide]\n    evidence: [ref-1]\n    fidelity:",
    )
    text = edited(
        text,
        "    measure: How it is measured.\n",
        "    measure: How it is measured.\n    references: [ref-2]\n",
    )
    text = edited(text, "  first_delivered:", "  references: [ref-3]\n  first_delivered:")
    text = edited(
        text,
        "outcomes:\n",
        "variants:\n  - {name: V, description: D, references: [ref-4]}\noutcomes:\n",
    )
    problems = found(tmp_path, text)
    assert [p[3] for p in problems if p[0] == "CR022"] == [
        "reference 'ref-5' is not cited by any element, evidence entry, outcome or other part "
        "of the spec"
    ]


def test_a_modification_makes_the_item_10_declaration_contradict_it(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(
        base_spec,
        "outcomes:\n",
        "modifications:\n  - id: earlier\n    description: Moved to the morning.\n"
        "    when: implementation\n    planned: planned_proactive\n"
        "    decided_by: [delivery_team]\n    what: [context]\n    level: unit\n"
        "    fidelity: fidelity_consistent\n    goals: [improve_fit]\noutcomes:\n",
    )
    assert [p for p in found(tmp_path, text) if p[0] != "CR022"] == [
        (
            "CR023",
            line_of(text, "  - item: 10"),
            11,
            "TIDieR item 10 (Modifications) is answered by modifications but declared not "
            "applicable; remove the declaration",
        )
    ]


def test_bands_in_order_but_overlapping_are_cr007_alone(tmp_path: Path, base_spec: str) -> None:
    text = edited(base_spec, "      min: 0\n      max: 0\n", "      min: 0\n      max: 1\n")
    assert codes(tmp_path, text) == {"CR007"}


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*/intervention.yaml")))
def test_the_examples_give_every_role_its_time(example: Path) -> None:
    result = check_file(example)
    assert not [
        d for d in result.diagnostics if d.code in ("CR020", "CR021", "CR022", "CR023", "CR024")
    ]


# --- YAML hints ---------------------------------------------------------------------------------


def _load_error(text: str) -> str:
    with pytest.raises(LoadError) as caught:
        load_text(text)
    return caught.value.diagnostic.message


@pytest.mark.parametrize(
    "text",
    [
        "id: a\nsummary: Timing: one hour\n",
        "id: a\nroles:\n  - title: Lead\n    time_commitment: Weekly: an hour\n",
    ],
)
def test_a_colon_in_unquoted_text_gets_a_hint_to_quote_it(text: str) -> None:
    message = _load_error(text)
    assert "mapping values are not allowed" in message
    assert message.endswith(
        "text that contains ': ' must be quoted, e.g. note: \"Timing: one hour\""
    )


def test_other_yaml_errors_get_no_colon_hint() -> None:
    assert "must be quoted" not in _load_error("id: a\nname: [unclosed\n")


def _load_failure(text: str) -> tuple[int, int, str]:
    with pytest.raises(LoadError) as caught:
        load_text(text)
    d = caught.value.diagnostic
    return d.line, d.column, d.message


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_reported_where_it_was_opened(quote: str) -> None:
    # YAML itself stops only where the runaway text runs into a quote of the same kind, often
    # many lines on; the author needs the line where the quote was opened.
    text = (
        f"id: a\nname: {quote}Ward huddles\nsummary: Short daily meetings.\n"
        "problem: Handovers miss things.\norigin:\n  organisation: The team's own trust\n"
        "status: draft\n"
    )
    line, col, message = _load_failure(text)
    assert (line, col) == (2, 7), message
    assert message.startswith("invalid YAML: this quote is not closed on its line")
    assert "close the quote on this line" in message


def test_an_unclosed_quote_closed_by_a_later_values_quote_is_found() -> None:
    text = 'id: a\nname: "Ward huddles\nsummary: Short.\nproblem: "Handovers miss things\n'
    line, col, message = _load_failure(text)
    assert (line, col) == (2, 7), message


def test_an_unclosed_quote_in_a_list_item_is_found_too() -> None:
    text = (
        "id: a\nroles:\n  - id: lead\n    title: 'Ward lead\n    time_commitment: An hour\n"
        "  - id: nurse\n    title: Nurse's aide\n"
    )
    line, col, message = _load_failure(text)
    assert (line, col) == (4, 12), message
    assert "this quote is not closed on its line" in message


def test_a_quoted_value_over_several_lines_is_not_blamed() -> None:
    # Quoted text may go on over lines (indented further); an error after it is its own.
    text = 'id: a\nname: "Ward\n  huddles"\nsummary: [unclosed\n'
    line, _, message = _load_failure(text)
    assert "quote is not closed" not in message and line >= 4


def test_a_line_in_a_block_of_text_that_starts_with_a_quote_is_not_blamed() -> None:
    text = 'id: a\nsummary: |\n  "Quoted words," she said\nname: [unclosed\n'
    _, _, message = _load_failure(text)
    assert "quote is not closed" not in message


def test_a_key_indented_under_a_finished_value_says_to_line_it_up() -> None:
    line, _, message = _load_failure("id: a\nname: Ward huddles\n  summary: Short meetings.\n")
    assert line == 3
    assert message.endswith(
        "this line is indented further than the key on line 2, whose value is already given: "
        "if it is a key of its own, line it up with that one"
    )
    assert "must be quoted" not in message


def test_a_key_whose_value_is_only_a_comment_is_not_a_finished_value() -> None:
    # `notes: # ...` opens a mapping; the line under it is fine, and its `a: b` is the mistake.
    _, _, message = _load_failure("id: x\nnotes: # a comment\n  sub: a: b\n")
    assert message.endswith('must be quoted, e.g. note: "Timing: one hour"'), message


def test_a_misspelt_key_needed_only_for_adoption_says_so() -> None:
    from codify.checker import check_source
    from tests.conftest import EXAMPLES

    raid = next(e for e in EXAMPLES if e.parent.name == "raid")
    text = raid.read_text(encoding="utf-8").replace("\nlicence:", "\nlisence:", 1)
    found = check_source(text.encode(), "raid.yaml", spec_dir=raid.parent)
    (typo,) = [d for d in found.diagnostics if d.code in ("CS001", "CS002")]
    assert "did you mean 'licence'? It is required here (needed while the status is" in (
        typo.message
    )


_ANCHOR = "    - {score: 1, description: Fewer than half, or peer review found gaps}\n"


def _rating(base: str, anchor: str) -> str:
    """The base spec's yes/no criterion as a 0-1 rating, with `anchor` for its score 1."""
    return edited(
        base,
        "        kind: yes_no\n        yes: The session followed the delivery guide.\n",
        "        kind: rating\n        min: 0\n        max: 1\n        anchors:\n"
        "          - {score: 0, description: Not delivered.}\n"
        + anchor.replace("    - ", "          - "),
    )


@pytest.mark.parametrize(
    ("anchor", "key"),
    [
        (_ANCHOR, "or peer review found gaps"),
        # The tail of the sentence holds ': ', so it even has a value: the same mistake.
        ("    - {score: 1, description: Fewer than half, or see: the review}\n", "or see"),
    ],
)
def test_a_comma_in_a_flow_mapping_gets_a_hint_to_quote(
    tmp_path: Path, base_spec: str, anchor: str, key: str
) -> None:
    text = _rating(base_spec, anchor)
    ((code, line, col, message),) = found(tmp_path, text)
    assert (code, line) == ("CS001", line_of(text, "          - {score: 1"))
    assert text.splitlines()[line - 1][col - 1 :].startswith(key)
    assert message == (
        f"fidelity.criteria[0].scale.anchors[1][{key!r}]: unknown key {key!r}; "
        "a comma inside {...} starts a new key: quote the text"
    )
    quoted = anchor.replace("description: ", 'description: "').replace("}\n", '"}\n')
    assert found(tmp_path, _rating(base_spec, quoted)) == []


def test_a_typo_in_a_flow_mapping_still_gets_its_suggestion(tmp_path: Path, base_spec: str) -> None:
    text = _rating(base_spec, "    - {scroe: 1, description: Fewer than half}\n")
    messages = [m for c, *_, m in found(tmp_path, text) if c in ("CS001", "CS002")]
    assert messages == [
        "fidelity.criteria[0].scale.anchors[1].scroe: unknown key 'scroe'; did you mean 'score'? "
        "It is required here, and missing"
    ]


def test_a_key_with_spaces_in_a_block_mapping_gets_no_comma_hint(
    tmp_path: Path, base_spec: str
) -> None:
    text = edited(base_spec, "  schedule: Monthly\n", "  schedule: Monthly\n  time of day: noon\n")
    ((code, *_, message),) = found(tmp_path, text)
    assert code == "CS001" and "comma" not in message


def _yaml_examples() -> list[tuple[str, str]]:
    """Every YAML example readers copy: in the docs, the rules' examples and the READMEs."""
    from codify.rules import REGISTRY

    snippets = [(code, r.example) for code, r in REGISTRY.items()]
    pages = [*sorted((ROOT / "docs").rglob("*.md")), *sorted(ROOT.glob("**/README.md"))]
    for page in pages:
        if "node_modules" in page.parts or ".venv" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"```ya?ml\n(.*?)```", text, re.DOTALL):
            snippets.append((str(page.relative_to(ROOT)), block.group(1)))
    return snippets


def test_no_example_in_the_docs_splits_text_with_a_comma_in_braces() -> None:
    from codify.structure import split_by_comma

    checked = 0
    for where, snippet in _yaml_examples():
        try:
            doc = load_text(snippet)
        except LoadError:
            continue  # a fragment, a list, or a deliberate mistake
        for path in doc.flow_mappings:
            node = doc.data
            for part in path:
                node = node[part]
            checked += 1
            for key in node:
                assert not split_by_comma(doc, path, key), f"{where}: quote the text before {key!r}"
    assert checked > 5  # the search found the flow mappings, or it proves nothing


# --- refused ids and dates ----------------------------------------------------------------------


def test_every_pattern_in_the_schema_has_its_format_in_words() -> None:
    import json

    from codify.schema import json_schema
    from codify.structure import PATTERN_FORMATS

    patterns = set(re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', json.dumps(json_schema())))
    assert patterns and {json.loads(p) for p in patterns} <= set(PATTERN_FORMATS)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("  - id: lead\n", "  - id: 2nd-lead\n", "expected an id: lower-case letters"),
        ("  - id: lead\n", "  - id: Lead\n", "e.g. daily_huddle"),
        ('  first_delivered: "', '  first_delivered: "March ', "expected a date such as 2009"),
    ],
)
def test_a_refused_id_or_date_says_the_expected_format(
    tmp_path: Path, base_spec: str, old: str, new: str, words: str
) -> None:
    ((code, *_, message),) = found(tmp_path, edited(base_spec, old, new))
    assert code == "CS004" and words in message
    assert "stable identifier" not in message  # no longer the field's description


def test_the_model_path_says_the_expected_format_too() -> None:
    from pydantic import ValidationError

    from codify.checker import _plain_words
    from codify.model import Reference

    with pytest.raises(ValidationError) as caught:
        Reference.model_validate({"id": "Smith 2020", "authors": "A", "title": "T"})
    (error,) = caught.value.errors(include_url=False)
    assert _plain_words(error) == (
        "id: 'Smith 2020' is not valid; expected an id: lower-case letters, digits, '-' or '_', "
        "starting with a letter, e.g. daily_huddle"
    )


# --- the handbook's title -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "short", "title"),
    [
        ("Schwartz Rounds", "Rounds", "Schwartz Rounds"),
        ("Schwartz Rounds", "rounds", "Schwartz Rounds"),
        (
            "RAID: Rapid Assessment, Interface and Discharge",
            "RAID",
            "RAID: Rapid Assessment, Interface and Discharge",
        ),
        ("Raiders of the ward", "RAID", "Raiders of the ward (RAID)"),
        ("Hand hygiene huddles", "HHH", "Hand hygiene huddles (HHH)"),
        ("Hand hygiene huddles", "Hand hygiene", "Hand hygiene huddles"),
        ("Hand hygiene huddles", "Hand hygiene huddles", "Hand hygiene huddles"),
        ("C++ rounds", "C++", "C++ rounds"),
    ],
)
def test_the_title_adds_the_short_name_only_when_the_name_lacks_it(
    tmp_path: Path, base_spec: str, name: str, short: str, title: str
) -> None:
    from codify.config import Branding
    from codify.documents.view import build_document
    from codify.render.yamltext import yaml_string

    text = edited(
        base_spec,
        'name: "Hand hygiene huddles"\n',
        f"name: {yaml_string(name)}\nshort_name: {yaml_string(short)}\n",
    )
    spec = tmp_path / "intervention.yaml"
    spec.write_text(text, encoding="utf-8")
    model = check_file(spec).spec
    assert model is not None
    assert build_document(model, Branding()).title == title
