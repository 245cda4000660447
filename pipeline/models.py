"""The model manifest: every model artifact the pipeline loads, checked before it is loaded.

``models/manifest.json`` lists each artifact with its name, language, version, source,
licence and sha256. An artifact is either a file in ``models/`` (``"file"``) or files
inside an installed package (``"package"``, ``"path"`` below the package's directory,
``"files"`` below that). The digest of one file is its sha256; the digest of several is
the sha256 of the lines ``sha256sum`` prints for them in the listed order, so
``cd DIR && sha256sum FILE... | sha256sum`` reproduces it.

:func:`verify` is called where each model is loaded. It raises :class:`ModelMissing` or
:class:`ModelChecksumMismatch` naming the model, the path and both digests, so a
silently altered or swapped model (underthesea's segmenter and normaliser are pickles)
never runs. Digests are cached per process: each artifact is hashed once. An optional
artifact without a pinned digest (stanza's models, downloaded by the user) is reported
as unchecked, not refused; ``python -m pipeline.models digest DIR`` prints the digest to
pin.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
MANIFEST = MODEL_DIR / "manifest.json"


class ModelError(RuntimeError):
    """A model artifact cannot be checked or does not match the manifest."""


class ModelMissing(ModelError):
    """A model artifact (or one of its files) is not where the manifest says."""


class ModelChecksumMismatch(ModelError):
    """A model artifact's digest differs from the one in the manifest."""


@dataclass(frozen=True)
class Entry:
    """One manifest entry: what the artifact is and where its files are."""

    name: str
    language: str
    version: str
    source: str
    licence: str
    sha256: str | None
    files: tuple[str, ...]
    package: str | None = None  # importable package holding the artifact; None: a file in models/
    path: str = ""  # below the package's directory
    optional: bool = False


def load_manifest(manifest: Path = MANIFEST) -> dict[str, Entry]:
    """The manifest's entries by name."""
    if not manifest.is_file():
        raise ModelMissing(f"model manifest {manifest} is missing: it lists the checksums of every model")
    raw = json.loads(manifest.read_text(encoding="utf-8"))["models"]
    out: dict[str, Entry] = {}
    for m in raw:
        files = (m["file"],) if "file" in m else tuple(m.get("files", ()))
        out[m["name"]] = Entry(m["name"], m["language"], m["version"], m["source"], m["licence"],
                               m.get("sha256"), files, m.get("package"), m.get("path", ""),
                               bool(m.get("optional", False)))
    return out


def sha256_file(path: Path) -> str:
    """The file's sha256, read in 1 MiB blocks so a large model file is never read into memory whole."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def digest(root: Path, files: Sequence[str]) -> str:
    """One file's sha256, or the sha256 of ``sha256sum``'s lines for several (in the given order)."""
    if len(files) == 1:
        return sha256_file(root / files[0])
    lines = "".join(f"{sha256_file(root / f)}  {f}\n" for f in files)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def package_dir(package: str) -> Path | None:
    """The directory of an installed package, found without importing it (None if absent)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def location(entry: Entry, manifest: Path = MANIFEST) -> Path | None:
    """Where the entry's files are: ``models/``, inside its package, or a directory named by an
    environment variable (``"path": "$STANZA_RESOURCES_DIR"``); None when not installed."""
    if entry.path.startswith("$"):
        found = os.environ.get(entry.path[1:])
        return Path(found) if found else None
    if entry.package is None:
        return manifest.parent
    base = package_dir(entry.package)
    return None if base is None else base / entry.path


def verify(name: str, root: str | Path | None = None, manifest: str | Path | None = None) -> str | None:
    """Check the artifact ``name`` against the manifest before it is loaded; its digest, or None
    for an optional artifact with no pinned digest. ``root`` overrides where its files are (a
    copy, or the data directory of another package with the same weights)."""
    return _verify(name, None if root is None else Path(root).resolve(),
                   Path(manifest).resolve() if manifest is not None else MANIFEST)


@lru_cache(maxsize=None)
def _digest_once(root: Path, files: tuple[str, ...]) -> str:
    """:func:`digest`, once per process for each set of files (the manifest itself is re-read)."""
    return digest(root, files)


def _verify(name: str, root: Path | None, manifest: Path) -> str | None:
    entries = load_manifest(manifest)
    if name not in entries:
        raise ModelError(f"model {name!r} is not listed in {manifest}: every model the pipeline loads must be")
    entry = entries[name]
    if entry.sha256 is None:
        if not entry.optional:
            raise ModelError(f"model {name!r} has no sha256 in {manifest}")
        logger.warning("model %r is optional and has no pinned sha256 in %s: its files are not checked; "
                       "pin them with `python -m pipeline.models digest DIR`", name, manifest)
        return None
    where = root if root is not None else location(entry, manifest)
    if where is None:
        raise ModelMissing(f"model {name!r}: package {entry.package!r} is not installed "
                           f"(expected {entry.source})")
    absent = [f for f in entry.files if not (where / f).is_file()]
    if absent:
        raise ModelMissing(f"model {name!r} is incomplete: {', '.join(str(where / f) for f in absent)} "
                           f"missing (expected sha256 {entry.sha256}); reinstall it ({entry.source})")
    found = _digest_once(where.resolve(), entry.files)
    if found != entry.sha256:
        raise ModelChecksumMismatch(
            f"model {name!r} at {where} does not match {manifest}: expected sha256 {entry.sha256}, "
            f"found {found}. The files were altered or another version is installed; reinstall "
            f"{entry.package or 'it'} {entry.version} ({entry.source})")
    return found


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.models",
                                 description="Check the model manifest, or print the digest of a model directory.")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="verify every installed, non-optional model against models/manifest.json")
    d = sub.add_parser("digest", help="the 'files' and 'sha256' of a directory, to pin in the manifest")
    d.add_argument("directory", type=Path)
    args = ap.parse_args(argv)
    if args.command == "digest":
        files = sorted(p.relative_to(args.directory).as_posix() for p in args.directory.rglob("*") if p.is_file())
        print(json.dumps({"files": files, "sha256": digest(args.directory, files)}, indent=1))
        return 0
    failed = 0
    for name, entry in load_manifest().items():
        try:
            got = verify(name)
        except ModelError as exc:
            if entry.optional:
                print(f"{name}: optional, not checked ({exc})")
                continue
            failed += 1
            print(f"{name}: FAILED {exc}")
        else:
            print(f"{name}: {'ok ' + got[:12] if got else 'optional, no pinned digest'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(_main())
