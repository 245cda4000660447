"""The stanza backend without stanza's models: the converter and the relation helpers on real
stanza Documents built from CoNLL-U (a Vietnamese treebank sample and hand-written parses),
and the error that explains how to install models offline.

Expected values were read off the CoNLL-U by hand.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("stanza")

from stanza.models.common.doc import Document  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

from pipeline.backends.base import BackendUnavailable  # noqa: E402
from pipeline.lang.stanza_backend import StanzaBackend, StanzaModelsMissing, document_to_records  # noqa: E402
from pipeline.stages.deprel import coordinated, verb_arguments  # noqa: E402

VTB = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "ud_vietnamese_vtb" / "vi_vtb-ud-test.conllu"


def conllu(text: str, rows: list[tuple]) -> str:
    """A one-sentence CoNLL-U string: rows are (form, upos, head, deprel[, misc]) numbered from 1."""
    lines = [f"# text = {text}"]
    for i, row in enumerate(rows, 1):
        form, upos, head, deprel = row[:4]
        misc = row[4] if len(row) > 4 else "_"
        lines.append("\t".join([str(i), form, form.lower(), upos, "_", "_", str(head), deprel, "_", misc]))
    return "\n".join(lines) + "\n\n"


def records(text: str, rows: list[tuple], comment: str | None = None):
    """Parse a hand-written sentence into a real stanza Document (no offsets) and convert it against ``text``.

    ``comment`` is the sentence's `# text =` when the treebank wrote it differently from ``text``.
    """
    doc = CoNLL.conll2doc(input_str=conllu(comment or text, rows))
    return document_to_records(doc, text)


def treebank_texts() -> list[str]:
    """The `# text =` comments of the treebank, read without stanza (the file writes `# text =Thanh ...`)."""
    texts = []
    for line in VTB.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            texts.append(line[len("# text ="):].strip())
    return texts


@pytest.fixture(scope="module")
def treebank() -> Path:
    if not VTB.exists():
        pytest.skip("../shared/datasets/ud_vietnamese_vtb is not beside the checkout")
    return VTB


@pytest.fixture(scope="module")
def treebank_records(treebank):
    """The treebank read without offsets, converted against its sentence texts joined by newlines."""
    text = "\n".join(treebank_texts())
    sents, _ = document_to_records(CoNLL.conll2doc(input_file=str(treebank)), text)
    return text, sents


# --- converter on the Vietnamese treebank -------------------------------------------------

def test_treebank_document_without_offsets_aligns_every_token_to_the_sentence_texts(treebank, caplog):
    texts = treebank_texts()
    text = "\n".join(texts)
    doc = CoNLL.conll2doc(input_file=str(treebank))
    assert doc.sentences[0].tokens[0].start_char is None  # really the no-offset path
    with caplog.at_level(logging.WARNING, logger="pipeline.lang.stanza_backend"):
        sents, _ = document_to_records(doc, text)
    assert caplog.records == []
    assert [s.text for s in sents] == texts
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert s.start <= t.start < t.end <= s.end
            assert text[t.start:t.end] == t.text
    starts = [s.start for s in sents]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_treebank_document_with_stanza_offsets_is_shifted_by_the_offset(treebank):
    doc = CoNLL.conll2doc(input_file=str(treebank), reconstruct_text=True)
    header = "Tin tức\n"
    text = header + doc.text
    sents, _ = document_to_records(doc, text, offset=len(header))
    assert sents[0].start == len(header)
    assert sents[0].tokens[0].start == len(header) and sents[0].tokens[0].text == "Thanh"
    assert [s.text for s in sents] == treebank_texts()
    for s in sents:
        for t in s.tokens:
            assert text[t.start:t.end] == t.text


def test_treebank_heads_become_indices_within_the_sentence(treebank_records):
    text, sents = treebank_records
    # text-s1: Thanh bắt chuyện với Hùng và nói : " Tôi trông ông quen quen ? " .
    s1 = [(t.text, t.head, t.deprel, t.upos) for t in sents[0].tokens]
    assert s1[:7] == [("Thanh", 1, "nsubj", "PROPN"), ("bắt chuyện", -1, "root", "VERB"),
                      ("với", 3, "case", "ADP"), ("Hùng", 1, "obl:with", "PROPN"),
                      ("và", 5, "cc", "CCONJ"), ("nói", 1, "conj", "VERB"), (":", 9, "punct", "PUNCT")]
    assert s1[9] == ("trông", 1, "parataxis", "VERB")
    assert s1[11] == ("quen quen", 9, "compound:redup", "VERB")
    assert s1[14] == (".", 1, "punct", "PUNCT")
    assert (sents[0].tokens[0].start, sents[0].tokens[0].end) == (0, 5)
    assert (sents[0].tokens[1].start, sents[0].tokens[1].end) == (6, 16)
    # text-s3: Thanh quay sang Hùng : " ông quê đâu nhỉ ?
    s3 = [(t.text, t.head, t.deprel) for t in sents[2].tokens]
    assert s3 == [("Thanh", 1, "nsubj"), ("quay", -1, "root"), ("sang", 1, "compound:dir"),
                  ("Hùng", 1, "obj"), (":", 7, "punct"), ('"', 7, "punct"), ("ông", 7, "nsubj"),
                  ("quê", 1, "parataxis"), ("đâu", 7, "det:pmod"), ("nhỉ", 8, "discourse"), ("?", 1, "punct")]


def test_multi_syllable_words_keep_their_inner_spaces(treebank_records):
    text, sents = treebank_records
    sent = next(s for s in sents if s.text.startswith("Thương con , năm 1990"))
    toks = sent.tokens
    assert toks[9].text == "Hà Nội" and text[toks[9].start:toks[9].end] == "Hà Nội"
    assert (toks[9].head, toks[9].deprel) == (8, "obj")  # object of "về"
    assert toks[13].text == "Nguyễn Đình Chiểu" and text[toks[13].start:toks[13].end] == "Nguyễn Đình Chiểu"
    assert (toks[13].head, toks[13].deprel) == (12, "nmod")  # of "trường"
    assert toks[16].head == 6  # the final stop hangs on the root "đưa"


# --- converter edge cases ----------------------------------------------------------------

def test_words_written_with_underscores_or_wider_spaces_still_align():
    text = "Ông  về Hà Nội ."
    sents, _ = records(text, comment="Ông về Hà_Nội .", rows=[("Ông", "NOUN", 2, "nsubj"), ("về", "VERB", 0, "root"),
                                            ("Hà_Nội", "PROPN", 2, "obj"), (".", "PUNCT", 2, "punct")])
    spans = [text[t.start:t.end] for t in sents[0].tokens]
    assert spans == ["Ông", "về", "Hà Nội", "."]
    assert sents[0].text == text


def test_a_token_missing_from_the_text_is_warned_about_and_kept_inside_the_text(caplog):
    text = 'Ông nói "có" .'
    rows = [("Ông", "NOUN", 2, "nsubj"), ("nói", "VERB", 0, "root"), ("``", "PUNCT", 4, "punct"),
            ("có", "VERB", 2, "ccomp"), ('"', "PUNCT", 4, "punct"), (".", "PUNCT", 2, "punct")]
    with caplog.at_level(logging.WARNING, logger="pipeline.lang.stanza_backend"):
        sents, _ = records(text, rows, comment='Ông nói `` có " .')
    assert any("``" in r.getMessage() for r in caplog.records)
    toks = sents[0].tokens
    assert toks[2].start == toks[2].end and 0 <= toks[2].start <= len(text)
    assert [text[t.start:t.end] for t in toks] == ["Ông", "nói", "", "có", '"', "."]
    assert toks[3].head == 1 and toks[2].head == 3  # heads are untouched by the failed alignment


def test_a_token_found_only_further_on_does_not_swallow_the_words_between(caplog):
    text = "Ông gặp cô Loan và bà Hoa ."
    rows = [("Ông", "NOUN", 2, "nsubj"), ("gặp", "VERB", 0, "root"), ("bà", "NOUN", 2, "obj"),
            ("Loan", "PROPN", 3, "nmod"), ("và", "CCONJ", 6, "cc"), ("bà", "NOUN", 3, "conj"),
            ("Hoa", "PROPN", 6, "nmod"), (".", "PUNCT", 2, "punct")]
    with caplog.at_level(logging.WARNING, logger="pipeline.lang.stanza_backend"):
        sents, _ = records(text, rows, comment="Ông gặp bà Loan và bà Hoa .")
    assert len(caplog.records) == 1
    assert [text[t.start:t.end] for t in sents[0].tokens] == ["Ông", "gặp", "", "Loan", "và", "bà", "Hoa", "."]


_WORD = st.text(alphabet="aàb _\n.", min_size=1, max_size=6).filter(lambda w: w.strip(" _\n"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(text=st.text(alphabet="aàb _\n.", max_size=40),
       sentences=st.lists(st.lists(_WORD, min_size=1, max_size=5), min_size=1, max_size=3),
       offset=st.integers(min_value=-3, max_value=45), with_offsets=st.booleans())
def test_token_offsets_stay_in_the_text_in_order_and_on_one_line(text, sentences, offset, with_offsets):
    dicts, pos = [], 0
    for words in sentences:
        sent = []
        for i, w in enumerate(words):
            entry = {"id": (i + 1,), "text": w.strip(), "head": 0 if i == 0 else 1, "deprel": "dep"}
            if with_offsets:  # offsets that may or may not fit the text
                entry.update(start_char=pos, end_char=pos + len(w.strip()))
                pos += len(w.strip()) + 1
            sent.append(entry)
        dicts.append(sent)
    logging.disable(logging.WARNING)
    try:
        sents, _ = document_to_records(Document(dicts), text, offset)
    finally:
        logging.disable(logging.NOTSET)
    last = 0
    for s in sents:
        assert 0 <= s.start <= s.end <= len(text) and s.text == text[s.start:s.end]
        for t in s.tokens:
            assert 0 <= t.start <= t.end <= len(text) and "\n" not in text[t.start:t.end]
            assert t.start >= last
            last = t.end
            assert -1 <= t.head < len(s.tokens)


def test_multi_word_token_words_share_the_span_of_their_token():
    conll = ("# text = Vietnam won't sign .\n"
             "1\tVietnam\tVietnam\tPROPN\t_\t_\t4\tnsubj\t_\t_\n"
             "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
             "2\two\twill\tAUX\t_\t_\t4\taux\t_\t_\n"
             "3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_\n"
             "4\tsign\tsign\tVERB\t_\t_\t0\troot\t_\t_\n"
             "5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n")
    text = "Vietnam won't sign ."
    sents, _ = document_to_records(CoNLL.conll2doc(input_str=conll), text)
    toks = sents[0].tokens
    assert [t.text for t in toks] == ["Vietnam", "wo", "n't", "sign", "."]
    assert (toks[1].start, toks[1].end) == (8, 13) and (toks[2].start, toks[2].end) == (8, 13)
    assert [t.head for t in toks] == [3, 3, 3, -1, 3]


def test_ner_labels_are_mapped_and_others_dropped():
    text = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet tại Hà Nội ."
    _, ents = records(text, [
        ("Thủ tướng", "NOUN", 3, "nsubj", "ner=S-MISC"), ("Phạm Minh Chính", "PROPN", 1, "nmod", "ner=S-PER"),
        ("hội đàm", "VERB", 0, "root"), ("với", "ADP", 5, "case"), ("Thủ tướng", "NOUN", 3, "obl:with"),
        ("Campuchia", "PROPN", 5, "nmod", "ner=S-LOC"), ("Hun Manet", "PROPN", 5, "nmod", "ner=S-PER"),
        ("tại", "ADP", 9, "case"), ("Hà Nội", "PROPN", 3, "obl", "ner=S-LOC"), (".", "PUNCT", 3, "punct")])
    assert [(e.text, e.label, e.source) for e in ents] == [
        ("Phạm Minh Chính", "PERSON", "ner"), ("Campuchia", "LOC", "ner"),
        ("Hun Manet", "PERSON", "ner"), ("Hà Nội", "LOC", "ner")]
    assert all(text[e.start:e.end] == e.text for e in ents)

    text = "Japanese Prime Minister Fumio Kishida visited Vietnam on Monday ."
    _, ents = records(text, [
        ("Japanese", "ADJ", 3, "amod", "ner=S-NORP"), ("Prime", "ADJ", 3, "amod"), ("Minister", "PROPN", 4, "compound"),
        ("Fumio", "PROPN", 6, "nsubj", "ner=B-PERSON"), ("Kishida", "PROPN", 4, "flat", "ner=E-PERSON"),
        ("visited", "VERB", 0, "root"), ("Vietnam", "PROPN", 6, "obj", "ner=S-GPE"), ("on", "ADP", 9, "case"),
        ("Monday", "PROPN", 6, "obl", "ner=S-DATE"), (".", "PUNCT", 6, "punct")])
    assert [(e.text, e.label) for e in ents] == [("Japanese", "NORP"), ("Fumio Kishida", "PERSON"), ("Vietnam", "LOC")]
    assert (ents[1].start, ents[1].end) == (24, 37)


class _WhitespacePipeline:
    """Stands in for stanza.Pipeline: one real Document per piece, split on spaces, with offsets."""

    TAGS = {"Hanoi": "S-GPE", "To": "B-PER", "Lam": "E-PER", "Tokyo": "S-GPE"}

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.batches: list[int] = []

    def bulk_process(self, pieces: list[str]) -> list[Document]:
        self.pieces.extend(pieces)
        self.batches.append(len(pieces))
        docs = []
        for piece in pieces:
            words, pos = [], 0
            for form in piece.split():
                start = piece.index(form, pos)
                pos = start + len(form)
                words.append({"id": (len(words) + 1,), "text": form, "start_char": start, "end_char": pos,
                              "head": 0 if not words else 1, "deprel": "root" if not words else "dep",
                              "ner": self.TAGS.get(form, "O")})
            docs.append(Document([words], text=piece))
        return docs


def test_analyse_parses_each_line_and_keeps_offsets_into_the_original_text():
    nlp = _WhitespacePipeline()
    backend = StanzaBackend.from_pipeline(nlp, "en")
    texts = ["Xi Jinping visited Hanoi .\nHe met To Lam .", "", "Tokyo ."]
    out = backend.analyse(texts, batch_size=2)
    assert nlp.batches == [2, 1]
    assert nlp.pieces == ["Xi Jinping visited Hanoi .", "He met To Lam .", "Tokyo ."]
    sents, ents = out[0]
    assert [(s.start, s.end) for s in sents] == [(0, 26), (27, 42)]
    assert sents[1].text == "He met To Lam ."
    assert sents[1].tokens[2].start == 34 and sents[1].tokens[2].head == 0
    assert [(e.start, e.end, e.text, e.label) for e in ents] == [(19, 24, "Hanoi", "LOC"), (34, 40, "To Lam", "PERSON")]
    assert out[1] == ([], [])
    assert [(e.text, e.label) for e in out[2][1]] == [("Tokyo", "LOC")]


# --- relations from the parse ----------------------------------------------------------------

VI_TALKS = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet tại Hà Nội ."


def vi_talks_rows(partner_rel: str) -> list[tuple]:
    return [("Thủ tướng", "NOUN", 3, "nsubj"), ("Phạm Minh Chính", "PROPN", 1, "nmod"),
            ("hội đàm", "VERB", 0, "root"), ("với", "ADP", 5, "case"), ("Thủ tướng", "NOUN", 3, partner_rel),
            ("Campuchia", "PROPN", 5, "nmod"), ("Hun Manet", "PROPN", 5, "nmod"),
            ("tại", "ADP", 9, "case"), ("Hà Nội", "PROPN", 3, "obl"), (".", "PUNCT", 3, "punct")]


@pytest.mark.parametrize("partner_rel", ["obl:with", "obl"])
def test_vietnamese_talks_subject_and_partner_come_from_the_parse(partner_rel):
    sents, _ = records(VI_TALKS, vi_talks_rows(partner_rel))
    start = VI_TALKS.index("hội đàm")
    subjects, objects = verb_arguments(sents[0].tokens, start, start + len("hội đàm"))
    assert [VI_TALKS[s:e] for s, e in subjects] == ["Thủ tướng Phạm Minh Chính"]
    assert [VI_TALKS[s:e] for s, e in objects] == ["Thủ tướng Campuchia Hun Manet"]  # not "tại Hà Nội"


def test_coordinated_objects_are_separate_phrases():
    text = "Chủ tịch nước Lương Cường tiếp Đại sứ Nhật Bản và Đại sứ Lào ."
    sents, _ = records(text, [
        ("Chủ tịch nước", "NOUN", 3, "nsubj"), ("Lương Cường", "PROPN", 1, "nmod"), ("tiếp", "VERB", 0, "root"),
        ("Đại sứ", "NOUN", 3, "obj"), ("Nhật Bản", "PROPN", 4, "nmod"), ("và", "CCONJ", 7, "cc"),
        ("Đại sứ", "NOUN", 4, "conj"), ("Lào", "PROPN", 7, "nmod"), (".", "PUNCT", 3, "punct")])
    toks = sents[0].tokens
    assert coordinated(toks, 3) == [3, 6]
    assert coordinated(toks, 0) == [0]
    start = text.index("tiếp")
    subjects, objects = verb_arguments(toks, start, start + len("tiếp"))
    assert [text[s:e] for s, e in subjects] == ["Chủ tịch nước Lương Cường"]
    assert [text[s:e] for s, e in objects] == ["Đại sứ Nhật Bản", "Đại sứ Lào"]


def test_english_held_talks_with_finds_the_partner_attached_to_the_noun():
    text = "Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun Manet in Hanoi on Monday ."
    sents, _ = records(text, [
        ("Prime", "ADJ", 2, "amod"), ("Minister", "PROPN", 3, "compound"), ("Pham", "PROPN", 6, "nsubj"),
        ("Minh", "PROPN", 3, "flat"), ("Chinh", "PROPN", 3, "flat"), ("held", "VERB", 0, "root"),
        ("talks", "NOUN", 6, "obj"), ("with", "ADP", 12, "case"), ("Cambodian", "ADJ", 11, "amod"),
        ("Prime", "ADJ", 11, "amod"), ("Minister", "PROPN", 12, "compound"), ("Hun", "PROPN", 7, "nmod"),
        ("Manet", "PROPN", 12, "flat"), ("in", "ADP", 15, "case"), ("Hanoi", "PROPN", 6, "obl"),
        ("on", "ADP", 17, "case"), ("Monday", "PROPN", 6, "obl"), (".", "PUNCT", 6, "punct")])
    start = text.index("held talks")
    subjects, objects = verb_arguments(sents[0].tokens, start, start + len("held talks"))
    assert [text[s:e] for s, e in subjects] == ["Prime Minister Pham Minh Chinh"]
    assert [text[s:e] for s, e in objects] == ["Cambodian Prime Minister Hun Manet"]


def test_english_coordinated_subjects_and_a_conjoined_verb_sharing_the_subject():
    text = "Xi Jinping and To Lam arrived in Hanoi and met Prime Minister Pham Minh Chinh ."
    sents, _ = records(text, [
        ("Xi", "PROPN", 6, "nsubj"), ("Jinping", "PROPN", 1, "flat"), ("and", "CCONJ", 4, "cc"),
        ("To", "PROPN", 1, "conj"), ("Lam", "PROPN", 4, "flat"), ("arrived", "VERB", 0, "root"),
        ("in", "ADP", 8, "case"), ("Hanoi", "PROPN", 6, "obl"), ("and", "CCONJ", 10, "cc"),
        ("met", "VERB", 6, "conj"), ("Prime", "ADJ", 12, "amod"), ("Minister", "PROPN", 13, "compound"),
        ("Pham", "PROPN", 10, "obj"), ("Minh", "PROPN", 13, "flat"), ("Chinh", "PROPN", 13, "flat"),
        (".", "PUNCT", 6, "punct")])
    toks = sents[0].tokens
    start = text.index("met")
    subjects, objects = verb_arguments(toks, start, start + 3)
    assert [text[s:e] for s, e in subjects] == ["Xi Jinping", "To Lam"]
    assert [text[s:e] for s, e in objects] == ["Prime Minister Pham Minh Chinh"]
    start = text.index("arrived")
    subjects, objects = verb_arguments(toks, start, start + len("arrived"))
    assert [text[s:e] for s, e in subjects] == ["Xi Jinping", "To Lam"]
    assert objects == []  # "in Hanoi" is a place, not a partner


def test_a_trigger_no_token_covers_has_no_arguments():
    sents, _ = records(VI_TALKS, vi_talks_rows("obl:with"))
    assert verb_arguments(sents[0].tokens, len(VI_TALKS) + 5, len(VI_TALKS) + 9) == ([], [])


# --- models missing --------------------------------------------------------------------------

def test_an_empty_resources_dir_raises_models_missing_with_the_offline_recipe(tmp_path):
    with pytest.raises(StanzaModelsMissing) as info:
        StanzaBackend("vi", resources_dir=tmp_path)
    message = str(info.value)
    assert str(tmp_path) in message
    assert f"stanza.download('vi', model_dir='{tmp_path}')" in message
    assert f"STANZA_RESOURCES_DIR={tmp_path}" in message
    assert isinstance(info.value, BackendUnavailable)


def test_resources_json_without_the_language_models_names_the_missing_folders(tmp_path):
    (tmp_path / "resources.json").write_text(json.dumps({"vi": {"lang_name": "Vietnamese"}}), encoding="utf-8")
    (tmp_path / "vi" / "tokenize").mkdir(parents=True)
    (tmp_path / "vi" / "tokenize" / "vtb.pt").write_bytes(b"")
    with pytest.raises(StanzaModelsMissing) as info:
        StanzaBackend("vi", resources_dir=str(tmp_path))
    message = str(info.value)
    assert str(tmp_path / "vi" / "depparse") in message and str(tmp_path / "vi" / "ner") in message
    assert str(tmp_path / "vi" / "tokenize") not in message.split("missing:")[1].split(")")[0]
    assert "stanza.download('vi'" in message


def test_the_default_package_in_resources_json_names_the_exact_missing_model_files(tmp_path):
    packages = {"tokenize": "vtb", "pos": "vtb_charlm", "lemma": "identity", "depparse": "vtb_charlm", "ner": "vlsp"}
    (tmp_path / "resources.json").write_text(json.dumps({"vi": {"packages": {"default": packages}}}), encoding="utf-8")
    (tmp_path / "vi" / "tokenize").mkdir(parents=True)
    (tmp_path / "vi" / "tokenize" / "vtb.pt").write_bytes(b"")
    with pytest.raises(StanzaModelsMissing) as info:
        StanzaBackend("vi", resources_dir=str(tmp_path))
    assert info.value.missing == [str(tmp_path / "vi" / "pos" / "vtb_charlm.pt"),
                                  str(tmp_path / "vi" / "depparse" / "vtb_charlm.pt"),
                                  str(tmp_path / "vi" / "ner" / "vlsp.pt")]  # no file for the identity lemmatizer


def _fake_models(root: Path, lang: str) -> None:
    (root / "resources.json").write_text(json.dumps({lang: {"lang_name": lang}}), encoding="utf-8")
    for processor in ("tokenize", "pos", "lemma", "depparse", "ner"):
        (root / lang / processor).mkdir(parents=True)
        (root / lang / processor / "default.pt").write_bytes(b"")


def test_with_models_present_the_pipeline_is_built_from_the_directory_without_downloading(tmp_path, monkeypatch):
    import stanza

    calls = []
    monkeypatch.setattr(stanza, "Pipeline", lambda *args, **kwargs: calls.append((args, kwargs)) or "nlp")
    _fake_models(tmp_path, "vi")
    backend = StanzaBackend("vi", resources_dir=tmp_path)
    assert backend.nlp == "nlp" and backend.name == "stanza" and backend.lang == "vi"
    (args, kwargs), = calls
    assert args == ("vi",)
    assert kwargs["dir"] == str(tmp_path) and kwargs["download_method"] is None
    assert kwargs["processors"] == "tokenize,pos,lemma,depparse,ner"


def test_a_model_dependency_stanza_cannot_find_is_reported_as_models_missing(tmp_path, monkeypatch):
    import stanza

    pretrain = str(tmp_path / "vi" / "pretrain" / "conll17.pt")

    def pipeline(*args, **kwargs):
        raise FileNotFoundError(2, "No such file or directory", pretrain)

    monkeypatch.setattr(stanza, "Pipeline", pipeline)
    _fake_models(tmp_path, "vi")
    with pytest.raises(StanzaModelsMissing) as info:
        StanzaBackend("vi", resources_dir=tmp_path)
    assert info.value.missing == [pretrain]
    assert "stanza.download('vi'" in str(info.value)


def test_stanza_resources_dir_is_used_when_no_directory_is_passed(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "models"))
    with pytest.raises(StanzaModelsMissing) as info:
        StanzaBackend("en")
    assert f"stanza.download('en', model_dir='{tmp_path / 'models'}')" in str(info.value)
