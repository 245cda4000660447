"""The one way an output file is replaced: never a truncated file under its final name.

Every file the pipeline writes for a reader (the tables, the workbook, HTML
pages, the run marker, the batch's part files that ``--resume`` trusts) is
written to a temporary file in the target's own folder (so the rename cannot
cross file systems), flushed and fsynced, renamed over the target with
``os.replace`` (atomic on POSIX and Windows), and then the folder itself is
fsynced where the OS allows, so the rename survives a power cut. The temporary
file is removed on every failure path (a full disk, an exception in the
caller's code, Ctrl-C); one a killed process left behind has the name
:func:`temp_glob` matches, for :func:`pipeline.outsafe.sweep_temp_files`.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Iterator

__all__ = ["AtomicFile", "atomic_open", "atomic_path", "temp_glob", "write_text"]


def temp_glob(name: str) -> str:
    """The glob of the temporary files written for a final file called ``name``."""
    return f".{name}.*.tmp"


def _umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AtomicFile:
    """A temporary file beside ``final``: write to :attr:`path`, then :meth:`commit` or :meth:`discard`.

    Used directly by writers that keep several files open and replace them
    together at the end (:mod:`pipeline.stream`); :func:`atomic_open` and
    :func:`atomic_path` cover the one-file case. As a context manager it
    commits on success and discards on any exception.
    """

    def __init__(self, final: str | Path) -> None:
        self.final = Path(final)
        fd, name = tempfile.mkstemp(dir=self.final.parent, prefix=f".{self.final.name}.", suffix=".tmp")
        os.close(fd)
        self.path = Path(name)
        self._open = True

    def commit(self) -> Path:
        """Make the write durable: fsync the written file, give it the usual permissions, rename it
        over the target and fsync the folder. Any failure removes the temporary file and is raised."""
        if not self._open:
            raise RuntimeError(f"{self.final}: already committed or discarded")
        try:
            with open(self.path, "rb+") as f:  # fsync through any descriptor syncs the file's data
                os.fsync(f.fileno())
            os.chmod(self.path, 0o666 & ~_umask())  # mkstemp makes 0600
            os.replace(self.path, self.final)
        except BaseException:
            self.discard()
            raise
        self._open = False
        _sync_folder(self.final.parent)
        return self.final

    def discard(self) -> None:
        """Remove the temporary file (quietly: this runs on failure paths)."""
        if self._open:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._open = False

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


@contextlib.contextmanager
def atomic_path(final: str | Path) -> Iterator[Path]:
    """A temporary path committed over ``final`` on success, for writers that take a path (pyarrow,
    openpyxl): ``with atomic_path(p) as tmp: writer(tmp)``."""
    with AtomicFile(final) as f:
        yield f.path


@contextlib.contextmanager
def atomic_open(final: str | Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """:func:`open` on a temporary file, closed (flushed) before it is committed over ``final``:
    ``with atomic_open(p, "w", encoding=...) as f: f.write(...)``."""
    with AtomicFile(final) as target, open(target.path, mode, **kwargs) as f:
        yield f


def write_text(final: str | Path, text: str, *, encoding: str = "utf-8", newline: str | None = "\n") -> Path:
    """Replace ``final`` with ``text``, atomically and durably."""
    with atomic_open(final, "w", encoding=encoding, newline=newline) as f:
        f.write(text)
    return Path(final)
