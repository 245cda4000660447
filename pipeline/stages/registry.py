"""Stages registered by name and language, and the check that a chain of them can run.

Modelled on spaCy's ``Language.factory`` (a name bound to a factory that builds
the component when a pipeline is built) and stanza's ``register_processor``
(each processor states what it requires and provides). A stage is registered
with the attributes of :class:`pipeline.doc.Document` it reads (``requires``)
and writes (``provides``), so a pipeline is checked when it is built: a stage
whose requirement no earlier stage provides is an error then, naming both,
not an ``AttributeError`` on the first article.

Lookup goes language first: ``backend`` for Vietnamese is the stage registered
as ``("backend", "vi")`` when there is one, else the generic ``"backend"``.
Until a stage has provided ``lang`` the language is unknown and only generic
stages can run. The registry imports a stage's module the first time the stage
is looked up, by a fixed convention: ``pipeline/lang/<lang>/<name>_stage.py``
for a language's own stage, ``pipeline/stages/<name>_stage.py`` for the
generic one, so each stage lives in one file named after it.

The tables are `catalogue <https://github.com/explosion/catalogue>`_
registries (the one spaCy uses), one namespace per language.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import catalogue

from pipeline.doc import Document, Event

if TYPE_CHECKING:
    from pipeline.backends.base import Backend
    from pipeline.stages.actors import ActorFinder
    from pipeline.stages.confidence import ConfidenceModel

__all__ = ["ChainError", "Rejected", "Resources", "Stage", "StageInfo", "StageOutputError", "StageRegistry", "Step",
           "STAGES", "register_stage", "INITIAL", "RESULT", "ROUTE"]

INITIAL: tuple[str, ...] = ("source", "duplicate_id")  # what the run puts in a new record
RESULT: tuple[str, ...] = ("article", "lang", "events", "entities")  # what the run reads from a finished one
ROUTE = "lang"  # once a stage provides it, each record goes to its language's stages
ANY = "*"       # the namespace of generic stages

_NAME = re.compile(r"[a-z][a-z0-9_]*")


class Stage(Protocol):
    """Takes the record and returns it, filled in.

    A stage may also have ``pipe(docs) -> list[Document | BaseException]`` to take a
    whole group of records of one language at once (the backend batches them); an
    exception in that list is that record's failure."""

    def __call__(self, doc: Document) -> Document:
        """The record, with what the stage provides filled in."""


class Resources(Protocol):
    """What stage factories are given: the pipeline's settings and its shared, lazily loaded models."""

    max_chars: int
    confidence_model: ConfidenceModel
    confidence_filter: bool
    proposer: Callable[[Document], list[Event]] | None

    def backend(self, lang: str) -> Backend:
        """The language's NLP backend."""

    def actor_finder(self, lang: str) -> ActorFinder:
        """The language's actor finder."""


Factory = Callable[[Resources], Stage]
F = TypeVar("F", bound=Callable[..., Any])


class ChainError(ValueError):
    """A pipeline whose stages cannot run in the order given (raised when it is built)."""


class StageOutputError(TypeError):
    """A stage returned something other than the record it was given."""


class Rejected(Exception):
    """An article a stage refuses; ``error`` is the error class the errors table shows."""

    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error = error


@dataclass(frozen=True)
class StageInfo:
    """One registered stage: its name, its language (None: any), and its contract."""

    name: str
    lang: str | None
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    factory: Factory

    def __str__(self) -> str:
        return self.name if self.lang is None else f"{self.name} ({self.lang})"


@dataclass(frozen=True)
class Step:
    """A stage in a checked chain: ``routed`` says whether the record's language was known there."""

    info: StageInfo
    routed: bool


class StageRegistry:
    """Stages by (name, language), in catalogue namespaces ``(*namespace, lang)`` and ``(*namespace, "*")``.

    ``modules``: where a stage's module is found by name (``{name}`` and ``{lang}`` are
    filled in); a registry for tests passes none and registers its stages itself."""

    def __init__(self, *namespace: str, modules: Sequence[str] = ()) -> None:
        self.namespace = namespace
        self.modules = tuple(modules)

    def _table(self, lang: str | None) -> catalogue.Registry:
        return catalogue.Registry((*self.namespace, lang or ANY))

    def register(self, name: str, *, lang: str | None = None, requires: Sequence[str] = (),
                 provides: Sequence[str] = ()) -> Callable[[F], F]:
        """Decorator: register ``factory(resources) -> stage`` as stage ``name`` (for ``lang`` only, if given)."""
        if not _NAME.fullmatch(name):
            raise ValueError(f"stage name {name!r} must be lower-case letters, digits and '_' (it names a file)")
        unknown = sorted((set(requires) | set(provides)) - set(Document.__dataclass_fields__))
        if unknown:
            raise ValueError(f"stage {name!r}: {', '.join(unknown)} not attributes of pipeline.doc.Document")

        def add(factory: F) -> F:
            table = self._table(lang)
            if name in table:
                old = table.get(name).factory
                if (old.__module__, old.__qualname__) != (factory.__module__, factory.__qualname__):
                    raise ValueError(f"stage {name!r} for {lang or 'any language'} is registered twice: "
                                     f"{old.__module__}.{old.__qualname__} and "
                                     f"{factory.__module__}.{factory.__qualname__}")
            table.register(name, func=StageInfo(name, lang, tuple(requires), tuple(provides), factory))
            return factory

        return add

    def _import(self, name: str, lang: str | None) -> None:
        """Import the modules that, by convention, register stage ``name``; absent ones are skipped."""
        for template in self.modules:
            if "{lang}" in template and lang is None:
                continue
            module = template.format(name=name, lang=lang)
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name is None or not (module == exc.name or module.startswith(exc.name + ".")):
                    raise  # the stage module exists but imports something missing: say so

    def lookup(self, name: str, lang: str | None) -> StageInfo:
        """The stage ``name`` for ``lang``: its own if registered, else the generic one."""
        self._import(name, lang)
        for key in (lang, None) if lang else (None,):
            table = self._table(key)
            if name in table:
                info: StageInfo = table.get(name)
                return info
        where = f"language {lang!r}" if lang else "articles whose language is not known yet"
        raise ChainError(f"no stage {name!r} is registered for {where}" + (
            "" if lang else f" (a language-specific stage runs only after a stage provides {ROUTE!r})"))

    def chain(self, names: Sequence[str], lang: str) -> list[Step]:
        """The stages ``names`` resolve to for an article in ``lang``, checked in order.

        Raises :class:`ChainError` when a stage requires an attribute that no earlier
        stage provides, or when the chain leaves out what the run reads at the end."""
        have = set(INITIAL)
        steps: list[Step] = []
        for i, name in enumerate(names, 1):
            routed = ROUTE in have
            info = self.lookup(name, lang if routed else None)
            missing = [r for r in info.requires if r not in have]
            if missing:
                raise ChainError(
                    f"stage {i} {str(info)!r} requires {', '.join(missing)}, which no earlier stage provides "
                    f"(for {lang!r}, before it: {', '.join(names[:i - 1]) or 'none'}; "
                    f"provided: {', '.join(sorted(have))})")
            have.update(info.provides)
            steps.append(Step(info, routed))
        missing = [r for r in RESULT if r not in have]
        if missing:
            raise ChainError(f"no stage provides {', '.join(missing)}, which every finished article needs "
                             f"(stages for {lang!r}: {', '.join(names) or 'none'})")
        return steps


STAGES = StageRegistry("vnevents", "stages",
                       modules=("pipeline.lang.{lang}.{name}_stage", "pipeline.stages.{name}_stage"))
register_stage = STAGES.register
