"""The one Jinja2 environment behind every HTML page the package writes (run report, evidence pages).

Why one: the pages show scraped article text and table values, so escaping
must not depend on who adds the next template. Every template is loaded from
``pipeline/templates/`` (package data) through this environment, with
autoescaping always on and undefined names raising instead of printing
nothing.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["environment", "render_template"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment (built once: loading and compiling templates is not free)."""
    return Environment(loader=PackageLoader("pipeline", "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_template(name: str, **context: Any) -> str:
    """``templates/<name>`` rendered with ``context``; every value is escaped unless it is ``Markup``."""
    return environment().get_template(name).render(**context)
