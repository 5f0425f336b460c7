"""Examples in the docs read back as what they show, so an author can copy them into a spec."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from tests.conftest import ROOT

FORMAT = ROOT / "docs" / "reference" / "format.md"


def test_every_list_example_of_the_format_reference_loads_as_its_items() -> None:
    yaml = YAML(typ="safe")
    examples = re.findall(r"\| `(\[.*?\])` \|$", FORMAT.read_text(encoding="utf-8"), re.M)
    assert len(examples) > 20
    for example in examples:
        shown = example.removesuffix(", ...]") + ("]" if example.endswith(", ...]") else "")
        items = yaml.load(f"key: {shown}")["key"]
        assert isinstance(items, list) and items, example
        # An item is one piece of text: a comma inside it was quoted, not a new item.
        assert all(isinstance(i, (str, int)) for i in items), example
        assert len(items) == shown.count(", ") + 1 - sum(
            i.count(", ") for i in items if isinstance(i, str)
        ), example


def test_every_yaml_block_of_the_guides_loads() -> None:
    yaml = YAML(typ="safe")
    loaded = 0
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
            if "@" in block.split("\n", 1)[0] or "..." in block:
                continue  # a fragment with an elision is not meant to load on its own
            yaml.load(block)
            loaded += 1
    assert loaded > 10
