"""Lexical cues that frame filling applies to every article, whatever its language.

The cues of one language (tense, intention, hosting, witnessing, document
lists) are in ``pipeline/lang/<code>/cues.py`` and reached through the
language's profile. These few are tried on every article because quotes,
names and list layouts cross languages; each holds the words of every
supported language.
"""
from __future__ import annotations

import re

# Cues that make a following date not the date of the event in its clause, matched against the text
# before the date: `report` — the day something was said, only the date right after the verb
# ("announced on Monday"; `report_vi`: "cho biết hôm 7/5", when the date is a "hôm"); `fixed` — a holiday or anniversary named by its date
# ("Quốc khánh 2/9"); otherwise the start of a period, a founding or a taking of office, which governs
# its whole clause, up to a comma, semicolon or bracket ("since the two countries established ties in
# 1992", "kể từ khi thiết lập quan hệ năm 2013"), though an event word inside that clause may still
# take the date ("since Kohl's visit in 1993").
DATE_NOT_EVENT = re.compile(
    r"(?P<report>(?:\b(?:announced|said|told\s+\w+|stated|confirmed|reported|declared|wrote)"
    r"(?:\s+(?:in\s+a\s+statement|late|early|earlier|on|the\s+(?:morning|afternoon|evening|night)\s+of))*"
    r"|\b[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|announcement|press\s+release|post|"
    r"interview|letter|message|speech)(?:\s+(?:on|issued|released|published))*)\s*$)|(?P<report_vi>(?:cho biết|thông báo|tuyên bố|phát biểu|nói)(?:\s+vào)?)\s*$"
    r"|(?P<fixed>anniversary|kỷ niệm|Quốc khánh|National Day|Independence Day|ngày lễ|dịp lễ)[^,.;()]{0,25}$"
    r"|(?:\bsince|kể từ|\btừ năm|thiết lập quan hệ|established|establishment of|founded|thành lập|nhậm chức|"
    r"took office|taking office|assumed office|\bbầu\b|elected|election)[^,.;:()]{0,90}$", re.I)
# A date right before a verb of saying ("Bộ Ngoại giao ngày 5/5 cho hay …", "the ministry on Monday
# announced that …") is the day something was said, not the day of what was said.
REPORT_AFTER = re.compile(r"\s*,?\s*(?:đã\s+)?(?:cho hay|cho biết|thông báo|tuyên bố|công bố|phát biểu|khẳng định)\b"
                          r"|\s*,?\s*(?:said|says|announced|told|confirmed|stated|reported|declared)\b")
OBJECT_STOP = re.compile(r"\b(?:said|says|quoted|according|as saying|told|theo|cho biết|to discuss|in order to|"
                          r"who|which|while|trong khi|khi|after|before|sau khi|trước khi)\b")
GENERIC_DOCS = re.compile(r"^(?:\d+\s+|several\s+|a number of\s+|important\s+|các\s+)?(?:cooperation\s+)?"
                           r"(?:documents|deals|agreements|văn kiện)\b", re.I)
COUNTED_DOCS = re.compile(r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(protocols|agreements|MoUs|"
                           r"memorandums of understanding|letters of intent)\s+on\s+(.+)$", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
LIST_ITEM = re.compile(r"\s*(?:[-–•+*]|\d+[.)])\s+")  # "- A MoU on ...": an item of a list of documents
HAS_DIGIT = re.compile(r"\d|hôm nay|chiều nay|sáng nay|tối nay|today|yesterday")
PRONOUN_HEAD = re.compile(r"^\s*(?:He|She|The (?:Party chief|Vietnamese|host|guest)|Ông|Bà|During|Trong)\b")

# where a document's name ends: the next list item or clause, a date, the occasion, a participle
TITLE_END = re.compile(
    r";|\.\s|\.$|\n| and (?:a|an) | và (?!Đào tạo)|, (?:which|thể hiện|contributing)|"
    r",? (?:on|during|at|in the presence of) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"the sidelines|his|her|their|[A-Z][a-z]+ \d)|, (?:during|at|in) |, (?!and\b)(?=[a-z])|"
    r" (?:vào|trong|tại) (?:ngày|sáng|chiều|tối|dịp|khuôn khổ|lễ|Lễ)")
