"""Build or preview a generated project with MkDocs (Material for MkDocs) or Zensical.

MkDocs is imported here only, when a build or preview is asked for, so that `codify check`
never pays for it. Builds are strict: any warning (a broken link, a page missing from the
navigation) fails the build, because a replication site with a broken link misleads adopters.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from codify.outputs import BUILT_RECORD

ZENSICAL_MISSING = (
    "Zensical is not installed; install it with `pip install zensical` "
    "(or `pip install 'codify-interventions[zensical]'`), or use --engine mkdocs"
)


@dataclass
class BuildOutcome:
    """What a build did: whether it passed, its warnings and errors, and how long it took.

    `unwritable` is set when the build failed because its folder could not be written (a
    read-only or full disk), which is the user's to fix, not a problem of the site.
    """

    ok: bool
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    site_dir: Path | None = None
    unwritable: bool = False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def mkdocs_build(project_dir: Path) -> BuildOutcome:
    """`mkdocs build --strict` on the project, through MkDocs' Python API."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    start = time.perf_counter()
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)  # the strict-mode counter only sees what the logger passes
    unwritable = False
    site_dir: Path | None = None
    try:
        config = load_config(config_file=str(project_dir / "mkdocs.yml"), strict=True)
        build(config)
        ok = not handler.messages
        site_dir = Path(config.site_dir)
    except MkDocsException as exc:
        handler.messages.append(f"ERROR: {exc}")
        ok = False
    except OSError as exc:
        where = exc.filename or project_dir / "site"
        handler.messages.append(f"ERROR: {where}: {(exc.strerror or str(exc)).lower()}")
        ok, unwritable = False, True
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return BuildOutcome(
        ok, handler.messages, time.perf_counter() - start, site_dir, unwritable=unwritable
    )


def zensical_command() -> list[str] | None:
    """How to run Zensical here (its CLI beside this Python, or on PATH), or None."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    return [found] if found else None


def zensical_build(project_dir: Path) -> BuildOutcome:
    """`zensical build --strict` on the project, as a subprocess of its CLI."""
    command = zensical_command()
    if command is None:
        return BuildOutcome(False, [f"ERROR: {ZENSICAL_MISSING}"])
    start = time.perf_counter()
    try:
        run = subprocess.run(
            [*command, "build", "--clean", "--strict", "--config-file", "mkdocs.yml"],
            cwd=project_dir,
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
        )
    except OSError as exc:
        return BuildOutcome(False, [f"ERROR: {command[0]}: {exc.strerror}"])
    output = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    problems = [] if run.returncode == 0 else output
    return BuildOutcome(
        run.returncode == 0, problems, time.perf_counter() - start, project_dir / "site"
    )


# --- preview ------------------------------------------------------------------------------------


def check_dev_addr(value: str) -> tuple[str, int]:
    """The host and port of `--dev-addr`, once it is sure a preview can listen there.

    Raises ValueError with a plain reason: not HOST:PORT, a port outside 1 to 65535, a host
    that is neither `localhost` nor an IP address (what MkDocs and Zensical accept), or an
    address this machine cannot listen on (a port in use, an address not its own).
    """
    host, colon, port_text = value.rpartition(":")
    if not colon or not host:
        raise ValueError(f"'{value}' is not HOST:PORT, for example 127.0.0.1:8000")
    if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"'{port_text}' is not a port number from 1 to 65535")
    port = int(port_text)
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if bare != "localhost":
        try:
            ipaddress.ip_address(bare)
        except ValueError:
            raise ValueError(
                f"'{host}' is not an IP address or localhost (for example 127.0.0.1 or [::1])"
            ) from None
    try:
        infos = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ValueError(f"cannot listen on '{host}': {exc}") from None
    family, kind, proto, _, address = infos[0]
    # Bound as the preview servers bind (address reuse on), then released at once.
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ValueError(f"port {port} on {host} is already in use") from None
            if exc.errno == errno.EACCES:
                raise ValueError(f"not allowed to listen on port {port} on {host}") from None
            reason = (exc.strerror or str(exc)).lower()
            raise ValueError(f"cannot listen on {value}: {reason}") from None
    return bare, port


def watch(
    paths: Callable[[], Sequence[Path]],
    on_change: Callable[[], None],
    on_error: Callable[[BaseException], None],
    interval: float = 0.5,
) -> threading.Thread:
    """Call `on_change` whenever one of `paths()` changes, from a daemon thread.

    The thread never dies of a bad save: a file that vanishes for a moment (editors save by
    replacing) counts as a change, and anything `on_change` raises goes to `on_error` while
    watching goes on. `paths` is asked again after each change, so files a spec starts to name
    are watched too.
    """

    def stamp(files: Sequence[Path]) -> tuple[tuple[int, int] | None, ...]:
        found: list[tuple[int, int] | None] = []
        for p in files:
            try:
                s = p.stat()
                found.append((s.st_mtime_ns, s.st_size))
            except (OSError, ValueError):
                found.append(None)
        return tuple(found)

    def loop() -> None:
        files = list(paths())
        seen = stamp(files)
        while True:
            time.sleep(interval)
            try:
                now = stamp(files)
                if now == seen:
                    continue
                on_change()
                files = list(paths())
                seen = stamp(files)
            except Exception as exc:  # the preview must outlive any one bad save
                on_error(exc)
                seen = stamp(files)

    thread = threading.Thread(target=loop, name="codify-site-watch", daemon=True)
    thread.start()
    return thread


class Stopped(Exception):
    """The preview was stopped by a signal (SIGTERM or SIGHUP); carries the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(f"stopped by signal {code - 128}")
        self.code = code


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the preview runs, SIGTERM and SIGHUP stop it as Ctrl-C does, cleaning up."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Stopped(128 + signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


def mkdocs_serve(project_dir: Path, dev_addr: str) -> None:
    """`mkdocs serve` with live reload; blocks until interrupted.

    MkDocs handles Ctrl-C itself and returns; a signal raises Stopped. Raises MkDocsException
    when the first build fails, and OSError when the address cannot be listened on.
    """
    from mkdocs.commands.serve import serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
    serve(config_file=str(project_dir / "mkdocs.yml"), livereload=True, dev_addr=dev_addr)


def zensical_serve(project_dir: Path, dev_addr: str) -> int:
    """`zensical serve` (which rebuilds on change); blocks until it ends or is interrupted.

    Zensical runs in its own process group, and however this function is left (Ctrl-C, a
    signal, an error) the whole group is stopped, so no server outlives codify. Returns
    Zensical's exit code. Raises FileNotFoundError when Zensical is not installed.
    """
    command = zensical_command()
    if command is None:
        raise FileNotFoundError(ZENSICAL_MISSING)
    process = subprocess.Popen(
        [*command, "serve", "--config-file", "mkdocs.yml", "--dev-addr", dev_addr],
        cwd=project_dir,
        start_new_session=True,
    )
    try:
        return process.wait()
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a child started in its own session, and everything it started: TERM, then KILL."""
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        with suppress(ProcessLookupError, PermissionError):  # the group has already gone
            os.killpg(process.pid, sig)
        try:
            process.wait(grace)
            break
        except subprocess.TimeoutExpired:
            continue
    # Members of the group may outlive its leader for a moment.
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


# --- the built site's folder --------------------------------------------------------------------

# What the last build put in <out>/site, by path: MkDocs and Zensical empty that folder before
# they build, so codify checks first that everything in it is what a build of its own left.


class BuiltSiteInTheWay(Exception):
    """The folder a build would empty holds something codify did not build; says what."""


def _built_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every entry below `site_dir` as (POSIX path, path), links included, not followed."""
    for folder, dirs, files in os.walk(site_dir, followlinks=False):
        base = Path(folder)
        for name in [*files, *(d for d in dirs if (base / d).is_symlink())]:
            path = base / name
            yield path.relative_to(site_dir).as_posix(), path


def _digest(path: Path) -> str:
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def guard_built_site(project_dir: Path) -> None:
    """Refuse to build if emptying <project>/site would lose anything codify did not build.

    A link in its place (or inside it) is refused: the engine would empty and fill what it
    points at. Files are compared with the record the last build left; a build that was
    interrupted leaves its record marked, and then what is there counts as that build's.
    """
    import json

    site_dir = project_dir / "site"
    if site_dir.is_symlink():
        raise BuiltSiteInTheWay(
            f"{site_dir} is a link; codify builds the site only into a real folder, since "
            "building empties it first"
        )
    if not site_dir.exists():
        return
    if not site_dir.is_dir():
        raise BuiltSiteInTheWay(f"{site_dir} exists and is not a folder; move it away")
    try:
        record = json.loads((project_dir / BUILT_RECORD).read_text(encoding="utf-8"))
        files = record.get("files", {}) if isinstance(record, dict) else {}
        interrupted = bool(record.get("building")) if isinstance(record, dict) else False
    except (OSError, ValueError):
        files, interrupted = {}, False
    if interrupted:
        return
    strangers = []
    for rel, path in _built_files(site_dir):
        if path.is_symlink() or not path.is_file() or files.get(rel) != _digest(path):
            strangers.append(rel)
            if len(strangers) == 3:
                break
    if strangers:
        shown = ", ".join(strangers)
        raise BuiltSiteInTheWay(
            f"{site_dir} holds files the last codify build did not write, or that were edited "
            f"since ({shown}); building would delete them: move them away, or choose another "
            "--out"
        )


def record_built_site(project_dir: Path, *, building: bool) -> None:
    """Write the record `guard_built_site` reads: before a build (marked), and after it."""
    import json
    import tempfile

    site_dir = project_dir / "site"
    files = {}
    if not building and site_dir.is_dir() and not site_dir.is_symlink():
        files = {rel: _digest(p) for rel, p in _built_files(site_dir) if p.is_file()}
    text = json.dumps({"building": building, "files": files}, indent=0, sort_keys=True)
    fd, tmp = tempfile.mkstemp(prefix=".codify-", dir=project_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    os.replace(tmp, project_dir / BUILT_RECORD)
