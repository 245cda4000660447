"""Lexical cues that frame filling reads around a trigger: tense, intention, hosting, witnessing,
document lists. Patterns per language; what counts as an event word is in
``data/lexicons/triggers.tsv``, these decide what the words around it mean."""
from __future__ import annotations

import re

PLANNED = {
    "en": re.compile(r"\b(?:will|is set to|are set to|is scheduled to|are scheduled to|scheduled to|"
                     r"is due to|are due to|plans to|is expected to|are expected to|upcoming|to pay|would)\b"),
    "vi": re.compile(r"(?:\bsẽ\b|\bsắp\b|\bdự kiến\b|\bchuẩn bị\b)"),
}
INTENT = {
    "en": re.compile(r"\b(?:agreed to|agree to|pledged to|proposed|suggested|invited|invitation to|hopes? to|hoped to|"
                     r"look(?:s|ed)? forward to|wish(?:es|ed)? to|would like to|called for|promote|promoting|"
                     r"increase|increasing|boost|encourage|continue to|further|more|regular|exchanges? of|"
                     r"high-level|mutual|frequent|maintain(?:ing)?|promised to|promise to|vowed to|"
                     r"(?:is|are|was|were) likely to|could|may|might|early|towards|aim(?:s|ed)? to|"
                     r"push(?:ed)? for|seek(?:s|ing)? to|sought to|invite|invites|inviting|arrange|arranging|in talks to)\b"
                     # "invite Mr. X to visit": 'Mr.' is a word; "proposed closer ties while meeting X": a
                     # clause of time starts a new predicate the wish does not govern
                     r"(?:\s+(?!(?:while|when|whilst|after|before|during)\b)(?:[A-Z][a-z]{0,3}\.|[^\s,;.]+)){0,8}\s*$"),
    "vi": re.compile(r"(?:thúc đẩy|tăng cường|\bsớm\b|mong muốn|đề nghị|\bmời\b|đẩy mạnh|duy trì|"
                     r"các chuyến|nhiều chuyến|những chuyến|trao đổi đoàn|lẫn nhau|hướng tới|nhằm|có thể|"
                     r"cam kết|hứa|mong được|rất mong|hy vọng|hi vọng|sẵn sàng)(?:\s+[^\s,;.]+){0,8}\s*$"),
}
NOT_EVENT_AFTER = {
    "en": re.compile(r"^\s*(?:and exchanges|exchanges|at all levels)"),
    "vi": re.compile(r"^\s*(?:lẫn nhau|các cấp|cấp cao hai nước)"),
}
HOST_CUE = {
    "en": re.compile(r"\b(?:invitation of|invited by|hosted by|welcomed|welcomes|welcoming|chaired the official welcome|"
                     r"bid farewell|reception during)\b", re.I),
    "vi": re.compile(r"(?:lời mời của|theo lời mời|chủ trì lễ đón|hoan nghênh|chào mừng|đón tiếp|mừng đón)"),
}
WITNESS = {"en": re.compile(r"\bwitness\w*", re.I), "vi": re.compile(r"chứng kiến")}
AGREEMENT_CUE = {
    "en": re.compile(r"\b(?:sign\w*|ink\w*|exchang\w*|adopt\w*|issu\w*|witness\w*|includ\w*|as follows|"
                     r"concluded|reached|announced)\b", re.I),
    "vi": re.compile(r"(?:\bký\b|\btrao\b|thông qua|chứng kiến|công bố|\bgồm\b|\bra (?:Tuyên bố|Thông cáo))", re.I),
}
AGREEMENT_NOT = {
    # a document acted under, or one only hoped for ("promised to soon sign", "looking forward to
    # an early signing", "is likely to see the signing of"): no signing is reported
    "en": re.compile(r"\b(?:implement\w*|under|existing|in line with|based on|pursuant|amending|continuing|"
                     r"promis\w* to|vow\w* to|hop\w* to|look\w* forward to|early|soon|(?:is|are) likely to|"
                     r"could|would|might|aim\w* to|seek\w* to|wish\w* to)\b(?:\s+\S+){0,4}\s*$", re.I),
    "vi": re.compile(r"(?:thực hiện|triển khai|\bsớm\b|hiện có|theo|trên cơ sở|hy vọng|hi vọng|mong muốn|"
                     r"hướng tới|có thể|sẵn sàng)(?:\s+\S+){0,4}\s*$"),
}
TWO_LEADERS = {
    "en": re.compile(r"\b(?:[Tt]he two (?:leaders|PMs|Prime Ministers|Presidents|[Mm]inisters|sides' leaders)|"
                     r"[Bb]oth leaders|[Tt]he leaders|[Bb]oth PMs|[Tt]hey|[Tt]he host and (?:the )?guest|"
                     r"[Tt]he two (?:heads of state|Foreign Ministers|Defence Ministers|Defense Ministers|Speakers))\b"),
    "vi": re.compile(r"(?:[Hh]ai (?:lãnh đạo|nhà lãnh đạo|Thủ tướng|Bộ trưởng|Chủ tịch|Tổng thống|người đứng đầu|"
                     r"Ngoại trưởng|nguyên thủ)|[Cc]hủ nhà và (?:vị )?khách)"),
}
ANAPHORIC_COUNTRY = {
    "en": re.compile(r"\b(?:to|in|visiting)\s+the\s+(?:[\w-]+\s+){0,3}(?:nation|country|kingdom|republic)\b"),
    "vi": re.compile(r"(?:đến|tới|sang|thăm)\s+(?:đất\s+)?nước\s+(?:này|bạn)"),
}
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
MODIFIER_CUE = {
    "en": re.compile(r"\b(?:envoy of|on behalf of|greetings from|regards from|led by|headed by|letter from|"
                     r"message from|invitation of)\s+"),
    # "Quốc thư của X": the envoy presenting credentials acts, X is no modifier
    "vi": re.compile(r"(?:(?<![Qq]uốc thư )\bcủa|\bthay mặt|\bdo|\bdẫn đầu bởi|\blời mời của|\bchuyển lời[^,.;]{0,40}?)\s+"),
}
OBJECT_STOP = re.compile(r"\b(?:said|says|quoted|according|as saying|told|theo|cho biết|to discuss|in order to|"
                          r"who|which|while|trong khi|khi|after|before|sau khi|trước khi)\b")
NOMINAL_BEFORE = {
    "en": re.compile(r"\b(?:at|during|after|following|before|in)\s+(?:the|their|these|this|that)\s+"
                     r"(?:bilateral\s+)?$", re.I),
    "vi": re.compile(r"(?:[Tt]ại|[Tt]rong|[Ss]au|[Tt]rước|[Qq]ua|[Kk]ết thúc)\s+(?:cuộc|buổi)?\s*$"),
}
CONTINUED_LIST = {
    "en": re.compile(r"\s*(?:There (?:are|is|were|was) also|(?:It|They) also include|Also (?:signed|included)|"
                     r"Other documents)\b"),
    "vi": re.compile(r"\s*(?:Ngoài ra,? (?:còn )?(?:có)?|Các văn kiện khác)"),
}
GENERIC_DOCS = re.compile(r"^(?:\d+\s+|several\s+|a number of\s+|important\s+|các\s+)?(?:cooperation\s+)?"
                           r"(?:documents|deals|agreements|văn kiện)\b", re.I)
COUNTED_DOCS = re.compile(r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(protocols|agreements|MoUs|"
                           r"memorandums of understanding|letters of intent)\s+on\s+(.+)$", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
LIST_ITEM = re.compile(r"\s*(?:[-–•+*]|\d+[.)])\s+")  # "- A MoU on ...": an item of a list of documents
RECEIVE_CUE = {
    "en": re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|greeted|invitation of)\b", re.I),
    "vi": re.compile(r"(?:\btiếp\b|đón|hoan nghênh|chào mừng|lời mời)"),
}
HAS_DIGIT = re.compile(r"\d|hôm nay|chiều nay|sáng nay|tối nay|today|yesterday")
PRONOUN_HEAD = re.compile(r"^\s*(?:He|She|The (?:Party chief|Vietnamese|host|guest)|Ông|Bà|During|Trong)\b")

# where a document's name ends: the next list item or clause, a date, the occasion, a participle
TITLE_END = re.compile(
    r";|\.\s|\.$|\n| and (?:a|an) | và (?!Đào tạo)|, (?:which|thể hiện|contributing)|"
    r",? (?:on|during|at|in the presence of) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"the sidelines|his|her|their|[A-Z][a-z]+ \d)|, (?:during|at|in) |, (?!and\b)(?=[a-z])|"
    r" (?:vào|trong|tại) (?:ngày|sáng|chiều|tối|dịp|khuôn khổ|lễ|Lễ)")
