"""YAML double-quoted scalars that read back as exactly the text given: one writer for all.

Used wherever codify writes YAML from untrusted text: mkdocs.yml and page front matter for a
site, the blank assessment file, and the spec `codify init` scaffolds.
"""

from __future__ import annotations

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
# Allowed by YAML, but able to reorder what a person reading the file sees ("Trojan Source"):
# written as escapes, so the file shows where they are.
_DISGUISING = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _as_is(c: str) -> bool:
    """Whether `c` may stand as it is inside a double-quoted scalar on one line."""
    o = ord(c)
    if 0x20 <= o <= 0x7E:
        return c not in '"\\'
    if c in _DISGUISING:
        return False
    # YAML's printable set, less its line breaks (U+0085, U+2028, U+2029) and the byte order
    # mark, which readers may drop.
    return (
        (0xA0 <= o <= 0xD7FF and o not in (0x2028, 0x2029))
        or (0xE000 <= o <= 0xFFFD and o != 0xFEFF)
        or 0x10000 <= o <= 0x10FFFF
    )


def yaml_string(value: str) -> str:
    """`value` as a YAML double-quoted scalar that reads back as exactly `value`, on one line.

    Every character YAML does not allow as it is, reads as a line break, or that could
    disguise the text is escaped.
    """
    out = ['"']
    for c in value:
        if _as_is(c):
            out.append(c)
        elif c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif ord(c) <= 0xFF:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) <= 0xFFFF:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    out.append('"')
    return "".join(out)
