"""A copy of models/manifest.json with one model's entry changed, for the backends' checksum tests."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pipeline.models as models


def manifest_with(tmp_path: Path, name: str, **changes: object) -> Path:
    """The manifest copied into ``tmp_path`` with ``changes`` applied to model ``name``."""
    path = tmp_path / "manifest.json"
    shutil.copyfile(models.MANIFEST, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    for m in raw["models"]:
        if m["name"] == name:
            m.update(changes)
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path
