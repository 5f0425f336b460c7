"""Print HTML to PDF with headless Chromium, or with WeasyPrint when it is installed.

Chromium is found as `$CODIFY_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome`
or `google-chrome-stable` on PATH. It is started with a fresh profile and every background
service off, so it never waits on a network it may not have. The dates Chromium stamps into a
PDF are replaced by a fixed one, so the same HTML always gives the same bytes.

Printing must never read a file of the build machine or reach a host from it (in CI that would
be a request from inside the organisation's network). So, whatever the HTML says: the page
gets codify's Content-Security-Policy, which allows nothing to load but data: URIs; Chromium
sends every request to a proxy that does not exist, loopback included; WeasyPrint is given a
fetcher that answers data: URIs only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    # No request leaves the printer: every URL goes to a proxy on a port nothing listens on,
    # and "<-loopback>" stops Chromium sending localhost and 127.0.0.1 around the proxy.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--disable-remote-fonts",
)
TIMEOUT_SECONDS = 120

HOW_TO_GET = (
    "--pdf needs Chromium or WeasyPrint, and neither was found. Install one of them:\n"
    "  apt install chromium          (Debian/Ubuntu; or install Google Chrome)\n"
    "  pip install 'codify[pdf]'     (WeasyPrint)\n"
    "or set CODIFY_CHROMIUM to the path of a Chrome or Chromium binary."
)


class PdfError(Exception):
    """Printing to PDF failed; the message says what the engine reported."""


@dataclass(frozen=True)
class PdfEngine:
    """A way to print HTML to PDF: 'chromium' with its binary, or 'weasyprint'."""

    name: str
    binary: str | None = None

    def render(self, html: str) -> bytes:
        """The PDF of one self-contained HTML page."""
        html = with_policy(without_relative_links(html))
        if self.name == "weasyprint":
            return _weasyprint(html)
        assert self.binary is not None
        return _chromium(self.binary, html)

    def describe(self) -> str:
        """The engine for messages, e.g. 'chromium (/usr/bin/chromium)'."""
        return f"{self.name} ({self.binary})" if self.binary else self.name


def find_chromium() -> str | None:
    """The Chromium or Chrome binary to use, or None."""
    chosen = os.environ.get("CODIFY_CHROMIUM")
    if chosen:
        return shutil.which(chosen) or (chosen if os.access(chosen, os.X_OK) else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_engine() -> PdfEngine | None:
    """Chromium if there is one, else WeasyPrint if it imports, else None."""
    binary = find_chromium()
    if binary:
        return PdfEngine("chromium", binary)
    try:
        import weasyprint  # noqa: F401
    except Exception:  # ImportError, or OSError when its system libraries are missing
        return None
    return PdfEngine("weasyprint")


def chromium_command(binary: str, profile: Path, *extra: str) -> list[str]:
    """The command line that starts headless Chromium safely offline."""
    return [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra]


def _chromium(binary: str, html: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="codify-pdf-") as tmp:
        folder = Path(tmp)
        page = folder / "page.html"
        page.write_text(html, encoding="utf-8")
        target = folder / "page.pdf"
        profile = folder / "profile"
        profile.mkdir()
        command = chromium_command(
            binary,
            profile,
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.as_uri(),
        )
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"{binary} did not finish within {TIMEOUT_SECONDS} s") from None
        except OSError as exc:
            raise PdfError(f"cannot run {binary}: {exc.strerror}") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(
                f"{binary} exited with {done.returncode} and wrote no PDF"
                + (":\n  " + "\n  ".join(tail) if tail else "")
            )
        return fixed_dates(target.read_bytes())


def _data_only(url: str) -> dict[str, object]:
    """WeasyPrint's URL fetcher: data: URIs (the logo) load; anything else is refused."""
    import weasyprint

    if not url.startswith("data:"):
        raise ValueError(f"codify prints nothing from outside the page ({url[:60]})")
    fetched: dict[str, object] = weasyprint.default_url_fetcher(url)
    return fetched


def _weasyprint(html: str) -> bytes:
    import weasyprint

    try:
        data: bytes = weasyprint.HTML(string=html, url_fetcher=_data_only).write_pdf()
    except Exception as exc:
        raise PdfError(f"WeasyPrint failed: {exc}") from None
    return fixed_dates(data)


_RELATIVE_HREF = re.compile(r'\shref="(?!#)(?![A-Za-z][A-Za-z0-9+.-]*:)[^"]*"')


def without_relative_links(html: str) -> str:
    """The page with links to files beside it (checklist.html, materials/...) unlinked.

    A PDF engine turns them into file: links to its temporary folder, which lead nowhere once
    the PDF is moved and would make every build's PDF different. Links within the page and to
    web addresses stay.
    """
    return _RELATIVE_HREF.sub("", html)


_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_DOCTYPE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)


def with_policy(html: str) -> str:
    """The page with codify's Content-Security-Policy as the first thing in its head.

    Templates carry it already; adding it here too means a template override that leaves it
    out still prints nothing from outside the page. Two policies both apply, the stricter wins.
    """
    from codify.render.templates import CONTENT_SECURITY_POLICY

    meta = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
    head = _HEAD.search(html)
    if head:
        return html[: head.end()] + meta + html[head.end() :]
    doctype = _DOCTYPE.match(html)
    at = doctype.end() if doctype else 0
    return html[:at] + meta + html[at:]


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})")


def fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 2000-01-01.

    Only the 14 digits change, so every byte offset in the file stays valid.
    """
    return _DATE.sub(lambda m: m.group(0)[:-14] + b"20000101000000", pdf)


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has (counts page objects; enough for the PDFs we write)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
