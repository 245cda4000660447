"""Output safety: write only regular files we own, one run per output folder, no litter.

An operator's mistakes (``--out /dev/null``, ``--out`` naming the input, two
runs into one folder, a full disk) must end in a one-line error, never in a
replaced device, an overwritten input or two runs' rows mixed in one table.
Everything here raises :class:`OutputError` (CLI exit 3) or :class:`UsageError`
(exit 2) with a message that names the path and the problem.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from pipeline.atomic import temp_glob, write_text

LOCK_NAME = ".vnevents.lock"
MARKER_NAME = ".vnevents-run.json"  # written after a successful run: the folder's tables are ours
_PAGE_SIGNATURE = "default-src 'none'; style-src 'unsafe-inline'"  # in the <head> of every rendered page


class OutputError(Exception):
    """The output cannot be written (read-only, not a folder, disk full, in use by another run)."""


class UsageError(Exception):
    """The command asks for something unsafe (an input as the output, replacing a foreign file)."""


def describe_os_error(path: str | Path, exc: OSError) -> str:
    """'cannot write PATH: no space left on device' — the reason in words, without errno noise."""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "no space left on device"
    elif exc.errno in (errno.EROFS,):
        reason = "read-only file system"
    elif exc.errno == errno.EFBIG:
        reason = "file too large (file size limit reached)"
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(path)
    return f"cannot write {where}: {reason.lower()}"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_not_an_input(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output path that is (or, for a folder input, lies among) one of the inputs."""
    for src in inputs:
        if src is None:
            continue
        src = Path(src)
        if _same_file(target, src):
            raise UsageError(f"--out {target} is the input {src}; refusing to overwrite an input")
        if src.is_dir() and target.exists() and _same_file(target.parent, src) and target.suffix.lower() == ".txt":
            raise UsageError(f"--out {target} is one of the input articles in {src}; refusing to overwrite it")


def _lstat(path: Path) -> os.stat_result | None:
    """The path's own status (a link not followed), None when nothing is there; any other
    failure is an output error naming the path."""
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(describe_os_error(path, exc)) from exc


def check_output_file(target: Path, inputs: Sequence[Path], force: bool) -> None:
    """Checks before writing one file (``render --out``): a regular file or nothing, not an
    input, and, unless ``force``, a page this tool wrote."""
    check_not_an_input(target, inputs)
    st = _lstat(target)
    if st is None:
        return
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {target}: it is a folder, not a file")
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a regular file (a device, pipe or socket)"
        raise OutputError(f"cannot write {target}: it is {kind}; choose a plain file path")
    if not force and not _is_our_page(target):
        raise UsageError(f"--out {target} exists and is not a page written by vnevents render; "
                         "refusing to replace it (pass --force to replace it anyway)")


def _is_our_page(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(2048).decode("utf-8", "replace")
    except OSError:
        return False
    return head.startswith("<!DOCTYPE html>") and _PAGE_SIGNATURE in head


def check_output_folder(out_dir: Path, targets: Sequence[str], inputs: Sequence[Path], force: bool) -> None:
    """Checks before a batch run writes its tables into ``out_dir``: a folder (or nothing yet),
    no table file that is an input, device or link, and no existing table file from elsewhere
    unless ``force``. A folder a run of ours finished in (marker) or was interrupted in (parts)
    holds our files."""
    for src in inputs:
        if src is not None and _same_file(out_dir, src):
            raise UsageError(f"--out {out_dir} is the input {src}; choose another output folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"cannot write to {out_dir}: it is a file, not a folder")
    if not out_dir.exists():
        return
    ours = (out_dir / MARKER_NAME).exists() or (out_dir / ".vnevents-parts").is_dir()
    foreign = []
    for name in targets:
        path = out_dir / name
        st = _lstat(path)
        if st is None:
            continue
        check_not_an_input(path, inputs)
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"cannot write {path}: it is not a regular file (a device, pipe, link or "
                              "folder); remove it or choose another --out")
        if not ours:
            foreign.append(name)
    if foreign and not force:
        raise UsageError(f"--out {out_dir} already holds {', '.join(foreign[:3])}"
                         f"{' …' if len(foreign) > 3 else ''} not written by a vnevents run; refusing to "
                         "replace them (pass --force to replace them anyway)")


def mark_ours(out_dir: Path, outputs: Sequence[str]) -> None:
    """Record that ``out_dir``'s tables were written by a vnevents run (small, rewritten each run)."""
    marker = out_dir / MARKER_NAME
    try:
        write_text(marker, json.dumps({"written_by": "vnevents", "files": sorted(outputs)}) + "\n")
    except OSError as exc:
        raise OutputError(describe_os_error(marker, exc)) from exc


def sweep_temp_files(out_dir: Path, names: Iterable[str]) -> None:
    """Remove temporary files an earlier run of ours left (killed mid-write): only the
    :mod:`pipeline.atomic` temporaries of the given file names, and only while holding the
    folder's lock."""
    for name in names:
        for p in out_dir.glob(temp_glob(name)):
            with contextlib.suppress(OSError):
                p.unlink()


@contextlib.contextmanager
def folder_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` for a whole run.

    ``flock`` on ``OUT/.vnevents.lock`` (released by the kernel when the process dies, so a
    killed run never leaves a stale lock); the holder's pid is written into the file so the
    refusal can name it. The file is removed on release; a run that opened it just before
    checks, after locking, that it holds the file still on disk and retries otherwise.
    """
    import fcntl

    path = out_dir / LOCK_NAME
    for _ in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(describe_os_error(path, exc)) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = ""
            with contextlib.suppress(OSError):
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f"pid {holder}" if holder.isdigit() else "another process"
            raise OutputError(f"{out_dir} is in use by another vnevents run ({who}); wait for it to finish "
                              "or choose another --out") from None
        except OSError as exc:
            os.close(fd)
            raise OutputError(describe_os_error(path, exc)) from exc
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed it between our open and our lock: try the new file
    else:
        raise OutputError(f"cannot lock {path}: it keeps being replaced")
    try:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as exc:
            raise OutputError(describe_os_error(path, exc)) from exc
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)  # closing releases the lock
