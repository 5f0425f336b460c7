"""Bad input is reported with its file and line, with exit code 2, and never a traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.loader import LoadError, load_text

BOMB = "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
    for p, c in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)

BAD_INPUTS = {
    "empty": (b"", "CY004", None),
    "only-comments": (b"# nothing here\n", "CY004", None),
    "invalid-yaml": (b"id: x\nname: [unclosed\n", "CY003", 3),
    "tabs": (b"id: x\nrationale:\n\tsummary: y\n", "CY003", 3),
    "duplicate-key": (b"id: a\nname: b\nid: c\n", "CY009", 3),
    "non-utf8": (b"id: x\nname: caf\xe9\n", "CY002", 2),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "CY002", None),
    "top-level-list": (b"- id: x\n", "CY008", 1),
    "top-level-scalar": (b"just text\n", "CY008", 1),
    "multiple-documents": (b"id: a\n---\nid: b\n", "CY005", 2),
    "alias-bomb": (BOMB.encode(), "CY007", None),
    "deep-nesting": (b"id: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "CY007", 1),
    "python-tag": (b"id: !!python/object/apply:os.system ['echo pwned']\n", "CY006", 1),
    "custom-tag": (b"id: !include other.yaml\n", "CY006", 1),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_reported_with_position_and_exit_2(tmp_path: Path, name: str) -> None:
    data, code, line = BAD_INPUTS[name]
    spec = tmp_path / "intervention.yaml"
    spec.write_bytes(data)
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["check", str(spec)])
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert first.startswith(str(spec)), first
    assert code in first
    if line is not None:
        assert first.startswith(f"{spec}:{line}:"), first
    # Bounded work: even hostile input is refused quickly (a generous bound, not a benchmark).
    assert elapsed < 20


def test_unknown_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    spec = tmp_path / "intervention.yaml"
    spec.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\n")
    CliRunner().invoke(cli, ["check", str(spec)])
    assert not marker.exists()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml: no such file or folder" in result.output


def test_folder_without_specs_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no spec files found" in result.output


def test_dates_stay_as_written() -> None:
    doc = load_text("first: 2009-12-01\nyear: 2009\nmonth: 2009-12\n")
    assert doc.data == {"first": "2009-12-01", "year": 2009, "month": "2009-12"}


def test_yaml_1_2_booleans_and_merge_keys() -> None:
    doc = load_text("base: &b {a: 1}\nother:\n  <<: *b\n  c: 2\nflag: yes\nreal: true\n")
    assert doc.data["other"] == {"a": 1, "c": 2}
    assert doc.data["flag"] == "yes"  # YAML 1.2: 'yes' is a string, not a boolean
    assert doc.data["real"] is True


def test_positions_are_one_based_line_and_column() -> None:
    doc = load_text("id: x\ncore_elements:\n  - id: a\n    name: b\n")
    assert doc.position(("core_elements", 0, "name")) == (4, 11)
    assert doc.position(("core_elements", 0, "name"), key=True) == (4, 5)
    assert doc.position(("core_elements", 0, "missing")) == (3, 5)


def test_every_node_and_key_has_its_position_by_path() -> None:
    """The positions, kept per container, read as one mapping from each path to its place."""
    doc = load_text("id: x\ntags: [a, b]\nmeta:\n  when: 2020\n  who: {name: n}\n")
    assert dict(doc.positions) == {
        (): (1, 1),
        ("id",): (1, 5),
        ("tags",): (2, 7),
        ("tags", 0): (2, 8),
        ("tags", 1): (2, 11),
        ("meta",): (4, 3),
        ("meta", "when"): (4, 9),
        ("meta", "who"): (5, 8),
        ("meta", "who", "name"): (5, 15),
    }
    assert dict(doc.key_positions) == {
        ("id",): (1, 1),
        ("tags",): (2, 1),
        ("meta",): (3, 1),
        ("meta", "when"): (4, 3),
        ("meta", "who"): (5, 3),
        ("meta", "who", "name"): (5, 9),
    }
    assert ("tags", 2) not in doc.positions and doc.positions.get(("nowhere", 0)) is None
    assert len(doc.positions) == 9 and ("meta", "who") in doc.positions


def test_load_error_carries_a_diagnostic() -> None:
    with pytest.raises(LoadError) as info:
        load_text("a: 1\na: 2\n", "f.yaml")
    d = info.value.diagnostic
    assert (d.path, d.line, d.column, d.code) == ("f.yaml", 2, 1, "CY009")


def test_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "intervention.yaml"
    spec.write_bytes(b"\xff\xfe\x00garbage")
    proc = subprocess.run(
        [sys.executable, "-m", "codify", "check", str(spec)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "CY002" in proc.stdout


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("spec", "a spec is a mapping of keys such as id and name"),
        ("profile", "a local profile is a mapping of keys such as adopts and organisation"),
        ("assessment", "an assessment is a mapping of keys such as intervention and ratings"),
        ("outcomes", "an outcomes report is a mapping of keys such as period and measures"),
        ("network", "network.yaml is a mapping of keys such as name and spec"),
    ],
)
def test_an_empty_file_is_told_what_it_should_hold(kind: str, says: str) -> None:
    # An empty assessment is not told what a spec holds.
    from codify.loader import LoadError, load_text

    with pytest.raises(LoadError) as caught:
        load_text("# nothing yet\n", "f.yaml", kind=kind)
    assert caught.value.diagnostic.message == f"the file is empty; {says}"
    with pytest.raises(LoadError) as caught:
        load_text("- a list\n", "f.yaml", kind=kind)
    assert caught.value.diagnostic.message.endswith(
        f"keys such as {says.rsplit('such as ', 1)[1]}, got a list"
    )
