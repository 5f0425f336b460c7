"""Colours for the site theme, derived from the branding accent so that text stays readable.

WCAG 2.2 AA asks for a contrast ratio of at least 4.5:1 for body text. The branding accent is
whatever an organisation chose, so every colour the theme puts text on (or uses for text) is
checked here and, when needed, darkened or lightened until it passes.
"""

from __future__ import annotations

from dataclasses import dataclass

AA_TEXT = 4.5
WHITE = "#ffffff"
INK = "#1a1a1a"
# Material's own backgrounds: the light page, and the slate (dark) scheme's page at hue 232.
LIGHT_PAGE = "#ffffff"
DARK_PAGE = "#1e2129"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG defines it, from 0 (black) to 1 (white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio between two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share_of_b: float) -> str:
    """`a` moved towards `b` by `share_of_b` (0 keeps a, 1 gives b)."""
    ra, rb = _rgb(a), _rgb(b)
    red, green, blue = (x + (y - x) * share_of_b for x, y in zip(ra, rb, strict=True))
    return _hex((red, green, blue))


def normalise(colour: str) -> str:
    """A colour as lowercase #rrggbb."""
    return _hex(_rgb(colour))


def readable_on(colour: str, background: str, minimum: float = AA_TEXT) -> str:
    """`colour`, darkened or lightened just enough to reach `minimum` contrast on `background`."""
    if contrast(colour, background) >= minimum:
        return normalise(colour)
    towards = INK if luminance(background) > 0.5 else WHITE
    for step in range(1, 21):
        candidate = mix(colour, towards, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return towards


def text_on(background: str) -> str:
    """White or near-black, whichever reads better on `background`."""
    return WHITE if contrast(WHITE, background) >= contrast(INK, background) else INK


@dataclass(frozen=True)
class Palette:
    """Every colour the site's stylesheet sets, for the light and the dark scheme."""

    header: str
    header_text: str
    link_light: str
    link_dark: str
    core_light: str
    core_dark: str
    adapt_light: str
    adapt_dark: str


CORE = "#8e24aa"  # purple: keep
ADAPT = "#2e7d32"  # green: may change


def palette(accent: str) -> Palette:
    """The site palette for a branding accent colour."""
    accent = normalise(accent)
    # The header carries its own text at AA: a mid-tone accent on which neither white nor
    # near-black reads well is darkened until white does.
    readable = contrast(text_on(accent), accent) >= AA_TEXT
    header = accent if readable else readable_on(accent, WHITE)
    header_text = text_on(header)
    return Palette(
        header=header,
        header_text=header_text,
        link_light=readable_on(accent, LIGHT_PAGE),
        link_dark=readable_on(accent, DARK_PAGE),
        core_light=readable_on(CORE, LIGHT_PAGE),
        core_dark=readable_on(CORE, DARK_PAGE),
        adapt_light=readable_on(ADAPT, LIGHT_PAGE),
        adapt_dark=readable_on(ADAPT, DARK_PAGE),
    )
