"""vnevents: diplomatic visits, meetings and agreements from Vietnamese and English news.

In a notebook or script:

    >>> import pipeline
    >>> result = pipeline.extract()        # the bundled samples; or a folder/file of your own  # doctest: +SKIP
    >>> result.events[["type", "subtype", "date_start", "countries"]]   # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract(articles=None, **kwargs):
    """See :func:`pipeline.api.extract` (imported lazily so ``import pipeline`` stays cheap); with no
    ``articles``, the bundled sample articles."""
    from pipeline.api import extract as _extract

    return _extract(articles, **kwargs)


def load_pipeline(backends: dict[str, str] | None = None):
    """A reusable :class:`pipeline.runner.Pipeline` (models load once, on first use)."""
    from pipeline.runner import Pipeline

    return Pipeline(backends)


__all__ = ["extract", "load_pipeline", "__version__"]
