"""The stage registry and the runner's use of it: lookup by language, the build-time chain
check, records refused when a stage returns anything else, and error rows named by stage.

Nothing here loads an NLP model: the toy stages are registered in a registry of their
own, and the shipped pipeline is only built, or fed articles that stop before the backend.
"""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from pipeline.doc import Article, Document
from pipeline.runner import Pipeline
from pipeline.stages import PIPELINE
from pipeline.stages.registry import STAGES, ChainError, Rejected, StageRegistry

ROOT = Path(__file__).resolve().parents[2]


def _registry() -> StageRegistry:
    return StageRegistry("vnevents-test", uuid.uuid4().hex)


class _Start:
    """The smallest chain head: the article as given, its stated language."""

    def __init__(self, resources: object) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        doc.article, doc.text, doc.lang = doc.source, doc.source.text, doc.source.lang
        return doc


class _Finish:
    def __init__(self, resources: object) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        doc.events, doc.entities = [], []
        return doc


def _toy(reg: StageRegistry) -> StageRegistry:
    reg.register("start", provides=("article", "text", "lang"))(_Start)
    reg.register("finish", requires=("text",), provides=("events", "entities"))(_Finish)
    return reg


def _pipeline(reg: StageRegistry, *stages: str) -> Pipeline:
    return Pipeline(stages=stages, registry=reg, languages=("vi", "en"))


# ------------------------------------------------------------------ lookup


def test_a_languages_own_stage_is_found_before_the_generic_one() -> None:
    reg = _registry()

    @reg.register("tag", requires=("text",))
    def generic(resources: object) -> object:
        return lambda doc: doc

    @reg.register("tag", lang="vi", requires=("text",))
    def vietnamese(resources: object) -> object:
        return lambda doc: doc

    assert reg.lookup("tag", "vi").factory is vietnamese
    assert reg.lookup("tag", "en").factory is generic
    assert reg.lookup("tag", None).factory is generic


def test_a_stage_before_the_language_is_known_is_the_generic_one_even_where_a_language_has_its_own() -> None:
    reg = _toy(_registry())
    reg.register("prep")(lambda resources: (lambda doc: doc))
    reg.register("prep", lang="vi")(_Finish)
    steps = reg.chain(("prep", "start", "prep", "finish"), "vi")
    assert [(s.info.name, s.info.lang, s.routed) for s in steps] == [
        ("prep", None, False), ("start", None, False), ("prep", "vi", True), ("finish", None, True)]


def test_the_backend_is_registered_per_language_with_no_generic_fallback() -> None:
    assert STAGES.lookup("backend", "vi").lang == "vi"
    assert STAGES.lookup("backend", "en").lang == "en"
    with pytest.raises(ChainError, match="no stage 'backend' is registered for language 'fr'"):
        STAGES.lookup("backend", "fr")


def test_every_stage_of_the_pipeline_lives_in_a_file_named_after_it() -> None:
    for name in PIPELINE:
        generic = ROOT / "pipeline" / "stages" / f"{name}_stage.py"
        own = [ROOT / "pipeline" / "lang" / lang / f"{name}_stage.py" for lang in ("vi", "en")]
        assert generic.exists() or all(p.exists() for p in own), name
        for lang in ("vi", "en"):
            info = STAGES.lookup(name, lang)
            module = info.factory.__module__
            assert module.endswith(f".{name}_stage"), (name, module)


# ------------------------------------------------------------------ the chain, checked when built


def test_the_shipped_chain_builds_for_both_languages() -> None:
    pipe = Pipeline()
    assert pipe.stage_names == PIPELINE
    for lang in ("vi", "en"):
        steps = STAGES.chain(PIPELINE, lang)
        assert [s.info.name for s in steps] == list(PIPELINE)
        assert [s.info.lang for s in steps if s.info.lang] == [lang]  # only the backend is the language's own


def test_a_stage_whose_requirement_no_earlier_stage_provides_fails_when_the_pipeline_is_built() -> None:
    frames_first = tuple(n for n in PIPELINE if n != "frames")
    frames_first = frames_first[:3] + ("frames",) + frames_first[3:]  # before ingest and actors
    with pytest.raises(ChainError) as err:
        Pipeline(stages=frames_first)
    message = str(err.value)
    assert "stage 4 'frames' requires" in message
    assert "actors" in message and "dateline" in message and "reference" in message


def test_a_chain_that_never_provides_the_events_fails_when_built() -> None:
    with pytest.raises(ChainError, match="no stage provides events, entities"):
        Pipeline(stages=("validate", "langid"))


def test_an_unknown_stage_name_fails_when_built() -> None:
    with pytest.raises(ChainError, match="no stage 'tokenize'"):
        Pipeline(stages=("validate", "langid", "tokenize"))


def test_a_language_specific_stage_before_the_language_is_known_fails_when_built() -> None:
    with pytest.raises(ChainError, match="no stage 'backend' is registered for articles whose language"):
        Pipeline(stages=("validate", "backend", "langid"))


def test_a_second_different_stage_under_a_taken_name_and_language_is_refused() -> None:
    reg = _toy(_registry())
    reg.register("start", lang="vi")(_Start)  # another language: fine
    with pytest.raises(ValueError, match="registered twice"):
        reg.register("start")(_Finish)


def test_requires_and_provides_must_be_attributes_of_the_record() -> None:
    with pytest.raises(ValueError, match="tokens not attributes"):
        _registry().register("x", requires=("tokens",))
    with pytest.raises(ValueError, match="names a file"):
        _registry().register("Bad-Name")


# ------------------------------------------------------------------ running the records


def test_a_stage_that_returns_anything_but_the_record_is_refused_for_that_article_only() -> None:
    reg = _toy(_registry())

    @reg.register("careless", requires=("text",))
    def careless(resources: object) -> object:
        return lambda doc: None if doc.source.id == "b" else doc

    results = list(_pipeline(reg, "start", "careless", "finish").run(
        [Article("a", "one", "en"), Article("b", "two", "en"), Article("c", "three", "vi")]))
    assert [r.error for r in results if r.doc_id != "b"] == [None, None]
    (bad,) = [r for r in results if r.doc_id == "b"]
    assert bad.error is not None
    assert bad.error[:2] == ("careless", "StageOutputError")
    assert "returned NoneType, not the record" in bad.error[2]


def test_a_batch_stage_that_returns_a_non_record_or_the_wrong_count_is_refused() -> None:
    reg = _toy(_registry())

    class Short:
        def __init__(self, resources: object) -> None:
            pass

        def __call__(self, doc: Document) -> Document:
            return doc

        def pipe(self, docs: list[Document]) -> list[object]:
            return ["not a record"] + docs[1:] if docs[0].lang == "en" else docs[1:]

    reg.register("short", requires=("text",))(Short)
    results = list(_pipeline(reg, "start", "short", "finish").run(
        [Article("e1", "x", "en"), Article("e2", "y", "en"), Article("v1", "z", "vi"), Article("v2", "w", "vi")]))
    errors = {r.doc_id: r.error[:2] if r.error else None for r in results}
    assert errors == {"e1": ("short", "StageOutputError"), "e2": None,
                      "v1": ("short", "StageOutputError"), "v2": ("short", "StageOutputError")}


def test_error_rows_name_the_stage_as_registered_for_the_articles_language() -> None:
    reg = _toy(_registry())

    @reg.register("parse", lang="vi", requires=("text",))
    def vi_parse(resources: object) -> object:
        def fail(doc: Document) -> Document:
            raise ValueError("no parse")
        return fail

    @reg.register("parse", requires=("text",))
    def any_parse(resources: object) -> object:
        def refuse(doc: Document) -> Document:
            if doc.source.id == "e2":
                raise Rejected("TooShort", "two words are not an article")
            return doc
        return refuse

    results = list(_pipeline(reg, "start", "parse", "finish").run(
        [Article("v1", "một", "vi"), Article("e1", "one", "en"), Article("e2", "two", "en")]))
    assert [r.error for r in results] == [
        ("parse", "ValueError", "v1: no parse"), None, ("parse", "TooShort", "e2: two words are not an article")]
    assert [r.lang for r in results] == ["vi", "en", "en"]


def test_an_article_whose_language_the_pipeline_was_not_built_for_is_an_error_row() -> None:
    reg = _toy(_registry())
    reg.register("parse", lang="vi", requires=("text",))(lambda resources: (lambda doc: doc))
    reg.register("parse", lang="en", requires=("text",))(lambda resources: (lambda doc: doc))
    (res,) = _pipeline(reg, "start", "parse", "finish").run([Article("f1", "un", "fr")])
    assert res.error is not None and res.error[:2] == ("parse", "LookupError")
    assert "language 'fr'" in res.error[2]


def test_the_shipped_pipeline_names_its_stages_in_error_rows_as_before() -> None:
    """validate, langid and backend failures, without any NLP model loaded."""
    pipe = Pipeline(backends={"en": "nosuchbackend"})
    results = list(pipe.run([
        Article("empty", "   ", "en"),
        Article("fr", "Le président a rencontré son homologue à Paris.", "fr"),
        Article("en1", "The President met the Prime Minister in Hanoi.", "en"),
        Article("empty", "Another text with the same id.", "en"),
    ]))
    assert [(r.doc_id, r.error[:2] if r.error else None) for r in results] == [
        ("empty", ("validate", "EmptyText")),
        ("fr", ("langid", "UnsupportedLanguage")),
        ("en1", ("backend", "BackendUnavailable")),
        ("empty", ("validate", "DuplicateId")),
    ]
    assert pipe._backends == {}  # nothing loaded
