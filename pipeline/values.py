"""Cell-value conventions shared by the readers, the writers and the table views.

Why one place: "absent" has four spellings in pandas (None, NaN, pd.NA, NaT)
and a Python string can hold lone surrogates that no output format can encode;
reading an article, writing a table and counting events must agree on both.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ISO_DATE", "is_missing", "printable", "surrogate_at"]

#: An ISO date of any precision: YYYY, YYYY-MM or YYYY-MM-DD.
ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")

_SURROGATE = re.compile("[\ud800-\udfff]")


def is_missing(value: Any) -> bool:
    """None, NaN, pd.NA and NaT are all 'absent'; containers never are."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, tuple, dict, set, np.ndarray)):
        return False
    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, (bool, np.bool_)) else False


def printable(text: str) -> str:
    r"""``text`` with lone surrogates written as ``\udXXX``: a string that can always be encoded.

    Python strings can hold lone surrogates (a JSON ``"\ud800"`` escape, a file name
    that is not UTF-8); no output format can, so names and messages pass through here."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def surrogate_at(text: str) -> re.Match[str] | None:
    """The first lone surrogate in ``text``, if any."""
    return _SURROGATE.search(text)
