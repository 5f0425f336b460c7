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

One build prints all its PDFs with one Chromium (`PdfEngine.printer`): it is started once,
driven over the DevTools protocol on a pipe (never a network port another process could
reach), and each page is printed in its own tab. Starting Chromium costs more than printing a
page, so a build of several PDFs pays it once. Chromium numbers a tagged PDF's structure
elements after the page's DOM nodes, a count that runs on across pages; the numbers are
rewritten in order, so a PDF's bytes do not depend on what the browser printed before it.

The PDF has bookmarks from the headings, and the contents give each section's page. WeasyPrint
does both itself (`target-counter()` in the print CSS); Chromium writes the bookmarks
(`--generate-pdf-document-outline`) but cannot count pages, so when pypdf is installed the page
is printed once, each contents link's page read from the PDF's named destinations, and printed
again with the numbers filled in. pypdf also mends the bookmark titles Chromium runs together.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

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
    # Headless Chromium still builds a browser window, and with it the omnibox's pop-up, a
    # web page of its own that costs about as much as printing a page; nothing here uses it.
    # (A name a Chromium does not know is ignored.)
    "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,"
    "WebUIOmniboxFullPopup",
    # No request leaves the printer: every URL goes to a proxy on a port nothing listens on,
    # and "<-loopback>" stops Chromium sending localhost and 127.0.0.1 around the proxy.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--disable-remote-fonts",
)
TIMEOUT_SECONDS = 120
# Printing with the contents' page numbers filled in moves nothing after the contents (the body
# starts on a fresh page), so the second print agrees with the first; a third is the limit.
MAX_PRINTS = 3

HOW_TO_GET = (
    "--pdf needs Chromium or WeasyPrint, and neither was found. Install one of them:\n"
    "  apt install chromium                     (Debian/Ubuntu; or install Google Chrome)\n"
    "  pip install 'codify-interventions[pdf]'  (WeasyPrint)\n"
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
        """The PDF of one self-contained HTML page, with bookmarks and a paginated contents.

        Starts and stops a browser for this one page; to print several, use `printer()`.
        """
        printer = Printer(self, workers=1)  # one page: the browser opens one tab, not one a core
        try:
            return printer.render(html)
        finally:
            printer.close()

    @contextmanager
    def printer(self) -> Iterator[Printer]:
        """A printer for many pages that starts this engine's browser once, on first use."""
        printer = Printer(self)
        try:
            yield printer
        finally:
            printer.close()

    def describe(self) -> str:
        """The engine for messages, e.g. 'chromium (/usr/bin/chromium)'."""
        return f"{self.name} ({self.binary})" if self.binary else self.name

    def identity(self) -> str:
        """What a PDF depends on besides its HTML: the engine, its build and pypdf's presence.

        A build records it with each PDF, so that upgrading Chromium or WeasyPrint (or adding
        pypdf, which fills in the contents' page numbers) prints the PDFs again. Chromium's
        binary is named with its size and time of change rather than run for its version,
        which would cost a start of the browser.
        """
        import importlib.util

        found = importlib.util.find_spec("pypdf")  # without importing it, which takes a while
        parts = [self.name, f"pypdf {found.origin}" if found else "no-pypdf"]
        if self.binary is not None:
            resolved = Path(shutil.which(self.binary) or self.binary).resolve()
            parts.append(str(resolved))
            with suppress(OSError):
                st = resolved.stat()
                parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        else:
            with suppress(Exception):
                import weasyprint

                parts.append(str(weasyprint.__version__))
        return " ".join(parts)


class Printer:
    """Prints pages to PDF with one engine, starting its browser at most once.

    `launches` counts the browsers started, so a caller (and a test) can see that a run of
    many PDFs started one. With WeasyPrint, which runs in this process, it stays 0.
    `submit` queues a page and returns at once: up to `workers` pages print at a time, each
    thread in a tab of its own, while the caller goes on (rendering the next spec).
    """

    def __init__(self, engine: PdfEngine, workers: int | None = None) -> None:
        self.engine = engine
        self.launches = 0
        # Chromium lays out and prints each tab in a process of its own, so on a machine with
        # more than one core two pages print in about the time of one. WeasyPrint runs here.
        if workers is None:
            workers = min(4, os.cpu_count() or 1)
        self.workers = 1 if engine.name == "weasyprint" else max(1, workers)
        self._lock = threading.Lock()
        self._browser: Future[Browser] | None = None
        self._starter: ThreadPoolExecutor | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._tabs: dict[int, Tab] = {}  # by thread
        # Tabs opened with the browser, before any page is ready to print (see `_started`).
        self._spare: list[Future[Tab]] = []

    def render(self, html: str) -> bytes:
        """The PDF of one self-contained HTML page, with bookmarks and a paginated contents."""
        html = with_policy(without_relative_links(html))
        outline = _outline_of(html)  # read once, for the contents' pages and the bookmarks
        if self.engine.name == "weasyprint":
            pdf = _weasyprint(html)
        else:
            pdf = _paginated(self._print, html, list(dict.fromkeys(outline.targets)))
        return fixed_dates(with_heading_titles(pdf, outline.headings))

    def submit(self, html: str) -> Future[bytes]:
        """Queue one page; its PDF (or the PdfError) is the future's result."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, "codify-print")
            pool = self._pool
        return pool.submit(self.render, html)

    def render_all(self, pages: Sequence[str]) -> list[bytes]:
        """The PDF of each page, in order, printed `workers` at a time."""
        return [future.result() for future in [self.submit(html) for html in pages]]

    def warm_up(self) -> None:
        """Start the browser now, in the background, so that it is ready by the first print
        (a caller that knows it will print calls this before rendering the pages)."""
        if self.engine.name == "chromium" and PIPE_SUPPORTED:
            self._started()

    def _started(self) -> Future[Browser]:
        """The browser, started (once) in a thread of its own, which then opens a tab for
        each worker: opening the first makes the browser's window, which costs Chromium
        about as much as a print, and is best done while the pages are still rendering."""
        assert self.engine.binary is not None
        with self._lock:
            if self._browser is None:
                self._starter = ThreadPoolExecutor(1, "codify-chromium-start")
                browser = self._browser = self._starter.submit(Browser, self.engine.binary)
                self.launches += 1
                self._spare = [
                    self._starter.submit(lambda: browser.result().open_tab())
                    for _ in range(self.workers)
                ]
            return self._browser

    def _tab(self, browser: Browser) -> Tab:
        """A tab for this thread alone: one opened with the browser, else a new one."""
        with self._lock:
            spare = self._spare.pop(0) if self._spare else None
        return spare.result() if spare is not None else browser.open_tab()

    def _print(self, html: str, final: bool) -> bytes:
        """One print by Chromium: in this thread's tab of the running browser, or (on
        Windows) by a browser of its own."""
        assert self.engine.binary is not None
        if not PIPE_SUPPORTED:
            with self._lock:
                self.launches += 1
            return _chromium(self.engine.binary, html)
        browser = self._started().result()
        key = threading.get_ident()
        tab = self._tabs.get(key)
        if tab is None:
            tab = self._tabs[key] = self._tab(browser)
        return tab.print_pdf(html, final=final)

    def close(self) -> None:
        """Finish or cancel what is queued, and stop the browser, if one was started."""
        with self._lock:
            pool, self._pool = self._pool, None
            started, self._browser = self._browser, None
            starter, self._starter = self._starter, None
            self._tabs.clear()
            self._spare = []
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if started is not None:
            try:
                browser = started.result()
            except Exception:  # it failed to start; the print that needed it said so
                browser = None
            if browser is not None:
                browser.close()
        if starter is not None:
            starter.shutdown(wait=True, cancel_futures=True)


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


def _paginated(print_pdf: Any, html: str, targets: list[str]) -> bytes:
    """Chromium's PDF, printed again until the contents show the pages their links lead to.

    `print_pdf(html, final)` prints once; `final` is false for the first print, which is
    made only to read where each heading lands, so it may leave out the tags and bookmarks
    (which change no page). `targets` are the page's `contents_targets`.
    """
    if not targets or not has_pypdf():
        return bytes(print_pdf(html, True))
    # The first print holds a two-digit number's room, so the contents wrap as they will, and
    # paints nothing: it is read only for where the headings land, which hiding leaves as it
    # is, and an empty page prints in about two thirds of the time. (Were a page to come out
    # otherwise, the check of the next print below would see it and print once more.)
    pdf: bytes = print_pdf(layout_only(with_page_numbers(html, dict.fromkeys(targets, 88))), False)
    pages = destination_pages(pdf, targets)
    for _ in range(MAX_PRINTS - 1):
        pdf = print_pdf(with_page_numbers(html, pages), True)
        printed, pages = pages, destination_pages(pdf, targets)
        if pages == printed:
            break
    return pdf


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
            "--generate-pdf-document-outline",
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
        return numbered_nodes(target.read_bytes())


# --- one browser for many prints ------------------------------------------------------------

# Chromium reads DevTools commands from its fd 3 and writes replies to fd 4. Python cannot hand
# a child a pipe at a chosen number without preexec_fn (unsafe with threads), so a small Python
# start-up moves the two pipe ends to 3 and 4 and then becomes Chromium.
PIPE_SUPPORTED = sys.platform != "win32"
_MOVE_FDS = """\
import fcntl, os, sys
read, write = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])
os.dup2(read, 3)
os.dup2(write, 4)
for fd in {read, write, int(sys.argv[1]), int(sys.argv[2])} - {3, 4}:
    os.close(fd)
os.execv(sys.argv[3], sys.argv[3:])
"""
# How long Chromium may take to start, and to close once asked.
START_SECONDS = 60
CLOSE_SECONDS = 10


class Browser:
    """One headless Chromium, driven over the DevTools protocol on a pipe, printing in tabs.

    It runs with the same offline flags as a one-off print, and a fresh profile in a temporary
    folder that is removed when it closes. Scripts are switched off in its tabs: nothing codify
    prints needs one, and the page's policy forbids them anyway. Several threads may print at
    once, each in a tab of its own (`open_tab`): a thread reads Chromium's messages and hands
    each reply to the thread waiting for it.
    """

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self._folder = Path(tempfile.mkdtemp(prefix="codify-pdf-"))
        self._log = (self._folder / "chromium.log").open("wb")
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._pages = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._events: dict[str, list[str]] = {}  # the events each tab has had, by session
        self._stopped: PdfError | None = None
        profile = self._folder / "profile"
        profile.mkdir()
        path = shutil.which(binary) or binary  # execv needs the binary's path
        # Our ends (write commands, read replies) and Chromium's (read commands, write replies).
        their_read, our_write = os.pipe()
        our_read, their_write = os.pipe()
        command = [
            sys.executable,
            "-I",
            "-S",
            "-c",
            _MOVE_FDS,
            str(their_read),
            str(their_write),
            *chromium_command(path, profile, "--remote-debugging-pipe", "--no-startup-window"),
        ]
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._log,
                pass_fds=(their_read, their_write),
            )
        except OSError as exc:
            os.close(our_read)
            os.close(our_write)
            self._cleanup()
            raise PdfError(f"cannot run {binary}: {exc.strerror}") from None
        finally:
            os.close(their_read)
            os.close(their_write)
        self._write: int | None = our_write
        self._read = our_read
        self._reader = threading.Thread(target=self._read_all, name="codify-chromium", daemon=True)
        self._reader.start()
        try:
            self.call("Browser.getVersion", timeout=START_SECONDS)
        except BaseException:
            self.close()
            raise

    def open_tab(self) -> Tab:
        """A new tab to print in, with scripts off."""
        # Each in a window of its own, where it is the tab shown: Chromium runs a tab in the
        # background at a lower priority, and two tabs print at once.
        opened = self.call("Target.createTarget", {"url": "about:blank", "newWindow": True})
        target = opened["targetId"]
        attached = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
        session = str(attached["sessionId"])
        with self._lock:
            self._events[session] = []
        self.call("Page.enable", session=session)
        self.call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        # Laid out with the print styles from the start: otherwise Chromium lays each page out
        # for the screen as it loads, and again for print, a fifth of a handbook's print. The
        # PDF is the same to the byte (a test compares the two).
        self.call("Emulation.setEmulatedMedia", {"media": "print"}, session)
        return Tab(self, session)

    def page_file(self, html: str) -> Path:
        """A new file in the browser's folder holding one page to load."""
        with self._lock:
            self._pages += 1
            page = self._folder / f"page-{self._pages}.html"
        page.write_text(html, encoding="utf-8")
        return page

    def close(self) -> None:
        """Ask Chromium to quit, stop it if it does not, and remove its temporary folder."""
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            with suppress(PdfError, OSError):
                self._send("Browser.close", {}, None)
            try:
                process.wait(CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        with self._write_lock:
            if self._write is not None:
                with suppress(OSError):
                    os.close(self._write)
                self._write = None
        reader = getattr(self, "_reader", None)
        if reader is not None:
            reader.join(CLOSE_SECONDS)  # it ends at the end of the pipe, and closes it
        self._cleanup()

    def _cleanup(self) -> None:
        with suppress(OSError):
            self._log.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    # --- the protocol: JSON messages, each ended by a NUL byte -------------------------------

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
    ) -> dict[str, Any]:
        """Send one command and wait for its reply; PdfError if it fails or does not come."""
        sent = self._send(method, params or {}, session)
        with self._changed:
            if not self._changed.wait_for(
                lambda: sent in self._replies or self._stopped is not None, timeout
            ):
                raise PdfError(f"{self.binary} did not answer {method} within {timeout:.0f} s")
            if sent not in self._replies:
                assert self._stopped is not None
                raise self._stopped
            message = self._replies.pop(sent)
        if "error" in message:
            error = message["error"]
            text = error.get("message") if isinstance(error, dict) else error
            raise PdfError(f"{self.binary}: {method} failed: {text}")
        result = message.get("result")
        return result if isinstance(result, dict) else {}

    def forget_events(self, session: str) -> None:
        """Drop the events a tab has had so far: the next wait is for a new one."""
        with self._lock:
            self._events[session] = []

    def wait_for_event(self, method: str, session: str, timeout: float = TIMEOUT_SECONDS) -> None:
        """Wait until the tab has had the event `method` since its events were last dropped."""
        with self._changed:

            def arrived() -> bool:
                events = self._events.get(session, [])
                return method in events or "Inspector.detached" in events

            if not self._changed.wait_for(lambda: arrived() or self._stopped is not None, timeout):
                raise PdfError(f"{self.binary}: no {method} within {timeout:.0f} s")
            events = self._events.get(session, [])
            if method in events:
                events.remove(method)
                return
            if "Inspector.detached" in events:
                raise PdfError(f"{self.binary}: the page's renderer stopped while printing")
            assert self._stopped is not None
            raise self._stopped

    def _send(self, method: str, params: dict[str, Any], session: str | None) -> int:
        with self._lock:
            if self._stopped is not None:
                raise self._stopped
            self._next_id += 1
            sent = self._next_id
        message: dict[str, Any] = {"id": sent, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        with self._write_lock:
            if self._write is None:
                raise PdfError(f"{self.binary} is closed")
            try:
                while data:
                    data = data[os.write(self._write, data) :]
            except OSError:
                raise self._died() from None
        return sent

    def _read_all(self) -> None:
        """The reader thread: hand each reply to its caller, note each tab's events, until the
        pipe ends (Chromium quit or crashed)."""
        buffer = b""
        try:
            while True:
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    break
                buffer += chunk
                while b"\0" in buffer:
                    line, _, buffer = buffer.partition(b"\0")
                    self._dispatch(line)
        except OSError:
            pass
        finally:
            with suppress(OSError):
                os.close(self._read)
            stopped = self._died()
            with self._changed:
                self._stopped = stopped
                self._changed.notify_all()

    def _dispatch(self, line: bytes) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        with self._changed:
            if isinstance(message.get("id"), int):
                self._replies[message["id"]] = message
            elif isinstance(message.get("sessionId"), str) and message["sessionId"] in self._events:
                # Only what a wait asks about is kept: a page sends many events.
                if message.get("method") in ("Page.loadEventFired", "Inspector.detached"):
                    self._events[message["sessionId"]].append(str(message["method"]))
            else:
                return
            self._changed.notify_all()

    def _died(self) -> PdfError:
        """The error for a browser that stopped: its exit status and the end of its log."""
        code = None
        with suppress(subprocess.TimeoutExpired):
            code = self._process.wait(5)
        tail: list[str] = []
        with suppress(OSError, ValueError):
            self._log.flush()
            text = (self._folder / "chromium.log").read_text("utf-8", "replace")
            tail = [line for line in text.strip().splitlines() if line.strip()][-3:]
        return PdfError(
            f"{self.binary} exited with {code} while printing"
            + (":\n  " + "\n  ".join(tail) if tail else "")
        )


class Tab:
    """One tab of a Browser; prints one page at a time."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def print_pdf(self, html: str, *, final: bool = True) -> bytes:
        """Load one page and print it; `final=False` leaves out the tags and bookmarks."""
        browser = self.browser
        page = browser.page_file(html)
        try:
            browser.forget_events(self.session)
            browser.call("Page.navigate", {"url": page.as_uri()}, self.session)
            browser.wait_for_event("Page.loadEventFired", self.session)
            printed = browser.call(
                "Page.printToPDF",
                {
                    # What `--print-to-pdf --no-pdf-header-footer` asks for.
                    "printBackground": True,
                    "preferCSSPageSize": True,
                    "displayHeaderFooter": False,
                    "generateTaggedPDF": final,
                    "generateDocumentOutline": final,
                },
                self.session,
            )
        finally:
            page.unlink(missing_ok=True)
        try:
            pdf = base64.b64decode(printed["data"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise PdfError(f"{browser.binary} printed no PDF") from None
        if not pdf.startswith(b"%PDF"):
            raise PdfError(f"{browser.binary} printed no PDF")
        return numbered_nodes(pdf)


_NODE_ID = re.compile(rb"\(node(\d+)\)")


def numbered_nodes(pdf: bytes) -> bytes:
    """The PDF with its structure elements' ids (`node00001063`) numbered from 1, in order.

    Chromium takes them from a count of DOM nodes that runs on in a browser across pages, so
    the same page printed second would otherwise differ from the same page printed first.
    Each id keeps its width, so every byte offset in the file stays valid, and their order is
    kept, so the sorted tree of ids stays sorted.
    """
    found = sorted({m.group(1) for m in _NODE_ID.finditer(pdf)}, key=lambda d: (len(d), d))
    renumbered = {old: str(i).zfill(len(old)).encode() for i, old in enumerate(found, start=1)}
    if all(old == new for old, new in renumbered.items()):
        return pdf
    return _NODE_ID.sub(lambda m: b"(node" + renumbered[m.group(1)] + b")", pdf)


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
        data: bytes = weasyprint.HTML(string=html, url_fetcher=_data_only).write_pdf(
            pdf_tags=True  # tagged for screen readers, as public-sector accessibility rules ask
        )
    except Exception as exc:
        raise PdfError(f"WeasyPrint failed: {exc}") from None
    return data


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
    return _at_head_start(html, meta)


def _at_head_start(html: str, markup: str) -> str:
    """The page with `markup` first in its head (or first after the doctype, if no <head>)."""
    head = _HEAD.search(html)
    if head:
        return html[: head.end()] + markup + html[head.end() :]
    doctype = _DOCTYPE.match(html)
    at = doctype.end() if doctype else 0
    return html[:at] + markup + html[at:]


_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})")


def fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 2000-01-01.

    Only the 14 digits change, so every byte offset in the file stays valid.
    """
    return _DATE.sub(lambda m: m.group(0)[:-14] + b"20000101000000", pdf)


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has (counts page objects; enough for the PDFs we write)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


# --- the contents' page numbers and the bookmarks -------------------------------------------


def has_pypdf() -> bool:
    """Whether pypdf, which reads back where Chromium put each heading, is installed."""
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


# An id that goes into a CSS selector below: plain ones only, so no page can write CSS with it.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements with no end tag: they open nothing that a later end tag would close.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Outline(HTMLParser):
    """The in-page links inside <nav> elements, and the text of every heading, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.headings: list[str] = []
        self._open: list[tuple[str, bool, bool]] = []  # tag, hidden from readers, a number label
        self._navs = 0
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        hidden = values.get("aria-hidden") == "true" or any(h for _, h, _ in self._open)
        self._open.append((tag, hidden, "num" in (values.get("class") or "").split()))
        if tag == "nav":
            self._navs += 1
        elif tag == "a" and self._navs:
            href = values.get("href") or ""
            if href.startswith("#") and _PLAIN_ID.fullmatch(href[1:]):
                self.targets.append(href[1:])
        elif tag in _HEADINGS and self._text is None:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _, _ in self._open):
            return
        while self._open:
            closed, _, number = self._open.pop()
            if closed == "nav":
                self._navs -= 1
            if number and self._text is not None:
                # A section number is set apart by a margin, not a space: give the title one.
                self._text.append(" ")
            if closed in _HEADINGS and self._text is not None:
                self.headings.append(" ".join("".join(self._text).split()))
                self._text = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._text is not None and not any(h for _, h, _ in self._open):
            self._text.append(data)


def _outline_of(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return parser


def contents_targets(html: str) -> list[str]:
    """The ids the page's contents link to (in-page links inside <nav>), each once, in order."""
    return list(dict.fromkeys(_outline_of(html).targets))


def heading_texts(html: str) -> list[str]:
    """Each heading's text as a reader hears it (aria-hidden symbols left out), in page order."""
    return _outline_of(html).headings


def with_page_numbers(html: str, pages: Mapping[str, int]) -> str:
    """The page with each contents link to a known id showing that id's page in print.

    The number goes in as CSS content on the link's ::after box, styled by the template, so
    the HTML itself stays as the template wrote it. `nav a[href][href="#id"]` outranks the
    template's own `.toc a::after`, whatever order the two come in.
    """
    rules = "".join(
        f'nav a[href][href="#{target}"]::after {{ content: "{page}"; }}'
        for target, page in pages.items()
        if _PLAIN_ID.fullmatch(target)
    )
    return _at_head_end(html, f"<style>@media print {{ {rules} }}</style>")


def _at_head_end(html: str, markup: str) -> str:
    """The page with `markup` last in its head, after the template's own styles (or first
    after the doctype, if no </head>)."""
    end = re.search(r"</head\s*>", html, re.IGNORECASE)
    if end:
        return html[: end.start()] + markup + html[end.start() :]
    return _at_head_start(html, markup)


# `visibility: hidden` keeps every box where it was and paints none of them.
_INVISIBLE = (
    "<style>@media print { *, *::before, *::after, *::marker "
    "{ visibility: hidden !important; } }</style>"
)


def layout_only(html: str) -> str:
    """The page laid out as it is, with nothing painted: what a print read only for where
    things land needs (the PDF has no text, so Chromium has no fonts to embed)."""
    return _at_head_end(html, _INVISIBLE)


def destination_pages(pdf: bytes, targets: Sequence[str]) -> dict[str, int]:
    """The page (from 1) each of `targets` lands on, read from the PDF's named destinations.

    Chromium names a destination after each element id a link points to; one it did not
    write (a link to nothing) is left out.
    """
    reader = _read(pdf)
    named = {name.removeprefix("/"): dest for name, dest in reader.named_destinations.items()}
    pages = {}
    for target in targets:
        if target in named:
            index = reader.get_destination_page_number(named[target])
            if index is not None and index >= 0:
                pages[target] = index + 1
    return pages


# The PDF a thread read last, with its reader: the final print is read for its pages and then
# for its bookmarks, and parsing a PDF of many pages takes a while.
_LAST_READ = threading.local()


def _read(pdf: bytes, *, last: bool = False) -> Any:
    """A pypdf reader of `pdf`, parsed once for the two readings of the same print.

    `last` says it is the last use (the bookmarks are then changed in the reader's objects),
    so the reader is not kept for another.
    """
    import pypdf

    kept: tuple[bytes, Any] = getattr(_LAST_READ, "pair", None) or (b"", None)
    _LAST_READ.pair = None
    reader = kept[1] if kept[0] is pdf else pypdf.PdfReader(io.BytesIO(pdf))
    if not last:
        _LAST_READ.pair = (pdf, reader)
    return reader


def _squashed(text: str) -> str:
    return "".join(text.split()).casefold()


def _outline_items(first: Any) -> Iterator[tuple[Any, Any]]:
    """Every bookmark below `first`, depth first (the order of the headings on the page): the
    reference to each, and the bookmark."""
    ref = first
    while ref is not None:
        item = ref.get_object()
        yield ref, item
        if "/First" in item:
            yield from _outline_items(item.raw_get("/First"))
        ref = item.raw_get("/Next") if "/Next" in item else None


def with_heading_titles(pdf: bytes, headings: Sequence[str]) -> bytes:
    """The PDF with each bookmark titled as its heading reads, spaces and capitals included.

    Chromium runs a wrapped heading's lines together ("Interface andDischarge") and a section
    number into its title ("1What it is"), and takes text-transform's capitals. Each bookmark
    is matched, in order, to the next heading with the same letters; a bookmark with no such
    heading keeps its title. The changes are appended as an incremental update, so the bytes
    Chromium wrote stay as they were. Without pypdf, or without bookmarks, the PDF is unchanged.

    pypdf reads the bookmarks; the update (the retitled bookmarks, a cross-reference section
    for them and a trailer pointing back at Chromium's) is written here, because pypdf's
    incremental writer copies every object of the file first, which takes far longer than
    printing it.
    """
    if not headings or not has_pypdf():
        return pdf
    import pypdf
    from pypdf.generic import IndirectObject, NameObject, TextStringObject

    try:
        reader = _read(pdf, last=True)
        root: Any = reader.trailer["/Root"].get_object()
        outlines = root.get("/Outlines")
        if outlines is None or "/First" not in outlines.get_object():
            return pdf
        squashed = [_squashed(h) for h in headings]
        at = 0
        changed: list[tuple[IndirectObject, Any]] = []
        for ref, item in _outline_items(outlines.get_object().raw_get("/First")):
            title = str(item.get("/Title", ""))
            key = _squashed(title)
            if not key or key not in squashed[at:]:
                continue
            found = squashed.index(key, at)
            at = found + 1
            if headings[found] != title:
                if not isinstance(ref, IndirectObject):
                    return pdf  # a bookmark written inline: not one of Chromium's
                item[NameObject("/Title")] = TextStringObject(headings[found])
                changed.append((ref, item))
        if not changed:
            return pdf
        return _incremental_update(pdf, reader.trailer, changed)
    except (pypdf.errors.PyPdfError, KeyError, ValueError):
        return pdf  # bookmarks titled as Chromium wrote them are better than no PDF


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def _incremental_update(pdf: bytes, trailer: Any, changed: Sequence[tuple[Any, Any]]) -> bytes:
    """`pdf` with new versions of some objects appended, as the PDF format's updates are.

    Needs a file with a classic cross-reference table, as Chromium writes; ValueError if it
    has none, so the caller keeps the file as it was.
    """
    last = _STARTXREF.search(pdf[-64:])
    if last is None or b"/XRef" in pdf[int(last.group(1)) : int(last.group(1)) + 64]:
        raise ValueError("not a classic cross-reference table")
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: list[tuple[int, int, int]] = []
    for ref, item in sorted(changed, key=lambda pair: int(pair[0].idnum)):
        offsets.append((int(ref.idnum), int(ref.generation), len(out)))
        body = io.BytesIO()
        item.write_to_stream(body)
        out += f"{ref.idnum} {ref.generation} obj\n".encode() + body.getvalue() + b"\nendobj\n"
    table = len(out)
    # Object 0, the head of the free list, first: readers take a section that starts
    # elsewhere for a table numbered from the wrong place.
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number, generation, offset in offsets:  # one subsection per object: always valid
        out += f"{number} 1\n{offset:010d} {generation:05d} n \n".encode()
    fields = io.BytesIO()
    for key in ("/Root", "/Info", "/ID"):
        if key in trailer:
            fields.write(key.encode() + b" ")
            trailer.raw_get(key).write_to_stream(fields)
            fields.write(b"\n")
    size = int(trailer["/Size"])
    out += b"trailer\n<</Size %d\n%s/Prev %d>>\n" % (size, fields.getvalue(), int(last.group(1)))
    out += b"startxref\n%d\n%%%%EOF\n" % table
    return bytes(out)
