"""English lists of documents named by count: "three protocols on A, B, and C" names three."""
from __future__ import annotations

import re

COUNTED_DOCS = re.compile(r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(protocols|agreements|MoUs|"
                          r"memorandums of understanding|letters of intent)\s+on\s+(.+)$", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def split_counted_list(title: str) -> list[str]:
    """'three protocols on A, B, and C' names three documents: 'protocol on A', 'protocol on B', ...;
    the title unchanged when the count and the items do not agree."""
    m = COUNTED_DOCS.match(title)
    if not m:
        return [title]
    n = NUMBER_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?", m.group(3)) if x.strip()]
    if n < 2 or len(items) != n:
        return [title]
    noun = m.group(2)
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    return [f"{singular} on {item}" for item in items]
