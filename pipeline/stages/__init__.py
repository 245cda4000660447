"""The pipeline's stages, in the order they run: the one place the pipeline's shape is written down.

Every article becomes a :class:`pipeline.doc.Document` record that each stage
takes and returns, filling in what it provides. Stage ``x`` lives in
``pipeline/stages/x_stage.py`` (or, for one language only, in
``pipeline/lang/<code>/x_stage.py``), registered there with what it requires and
provides (:mod:`pipeline.stages.registry`); most call the module of the same
name beside it (``actors_stage.py`` calls ``actors.py``). The name is the
``stage`` column of an error row when an article fails in it.

To change the pipeline, change this list (or pass ``Pipeline(stages=...)``):
the chain is checked when a pipeline is built, so a stage placed before the one
that provides what it needs is an error at once, naming both.
"""
from __future__ import annotations

PIPELINE: tuple[str, ...] = (
    "validate",     # id, Unicode and text checked; HTML markup blanked in place (article, text)
    "langid",       # vi or en; any other language is refused (lang)
    "backend",      # per language, in batches: sentences and statistical NER (sentences, ner)
    "ingest",       # dateline, publication/reference date, page clutter dropped (dateline, reference, ...)
    "actors",       # people, titles, countries, places (actors)
    "ner",          # on-demand NER of event sentences with unexplained names (ner_extra)
    "actors",       # found again when on-demand NER added names
    "frames",       # visits, meetings and agreements with roles, dates, places (events)
    "propose",      # learned proposer: candidates the rules missed, above its threshold (events)
    "consolidate",  # one event per real event in the article; ids; entities (events, entities)
    "confidence",   # learned confidence; events below the model's threshold dropped (events)
    "check",        # every event and entity against the output contract
)
