"""Files the package ships with: the bundled sample articles.

The samples live once, in the checkout's ``data/samples`` beside the package
(as the lexicons and gazetteers in ``data/`` do), and are found from the
package's own location, never from the working folder, so
``pipeline.extract()`` and ``vnevents extract`` with no input work wherever
they are started.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["SAMPLES_DIR", "samples_dir"]

SAMPLES_DIR: Path = Path(str(files("pipeline"))).resolve().parent / "data" / "samples"


def samples_dir() -> Path:
    """The folder of bundled sample articles (one ``.txt`` file per article); a clear error if missing."""
    path = SAMPLES_DIR
    if not path.is_dir():
        raise FileNotFoundError(f"the bundled samples are missing: no folder {path} (the package is run from "
                                "a checkout of the repository, where data/samples sits beside pipeline/)")
    return path
