"""Vietnamese cues that frame filling reads around a trigger ("sẽ", "theo lời mời của", "hai nhà lãnh đạo").

What counts as an event word is in ``data/lexicons/triggers.tsv``; these decide what the
words around it mean. The fields are those of ``pipeline.lang.base.FrameCues``.
"""
from __future__ import annotations

import re

from pipeline.lang.base import FrameCues, SharedCueWords

CUES = FrameCues(
    planned=re.compile(r"(?:\bsẽ\b|\bsắp\b|\bdự kiến\b|\bchuẩn bị\b)"),
    intent=re.compile(r"(?:thúc đẩy|tăng cường|\bsớm\b|mong muốn|đề nghị|\bmời\b|đẩy mạnh|duy trì|"
                      r"các chuyến|nhiều chuyến|những chuyến|trao đổi đoàn|lẫn nhau|hướng tới|nhằm|có thể|"
                      r"cam kết|hứa|mong được|rất mong|hy vọng|hi vọng|sẵn sàng)(?:\s+[^\s,;.]+){0,8}\s*$"),
    # "sẽ thăm Chile vào một thời điểm thích hợp", "... trong thời gian sớm nhất": a wish, no time set
    not_event_after=re.compile(r"^\s*(?:lẫn nhau|các cấp|cấp cao hai nước)"
                               r"|^[^.;,]{0,40}?(?:vào (?:một )?thời (?:điểm|gian) "
                               r"(?:thích hợp|phù hợp|thuận tiện)|trong thời gian sớm nhất|\bsớm nhất)"),
    thanks_for=re.compile(r"(?:cảm ơn|cám ơn)\s[^.;:]{0,80}?\bđã\s+(?:[^\s.;:]+\s+){0,5}$", re.I),
    speculation=re.compile(r"(?!)"),  # "dự kiến" announces a schedule: a planned event of its own
    host=re.compile(r"(?:lời mời của|theo lời mời|chủ trì lễ đón|hoan nghênh|chào mừng|đón tiếp|mừng đón)"),
    receive=re.compile(r"(?:\btiếp\b|đón|hoan nghênh|chào mừng|lời mời)"),
    witness=re.compile(r"chứng kiến"),
    # "thỏa thuận ... mà hai nước đạt được năm 2005": a document reached; "đạt được thỏa thuận về" only agrees
    agreement=re.compile(r"(?:\bký\b|\btrao\b|thông qua|chứng kiến|công bố|\bgồm\b|\bra (?:Tuyên bố|Thông cáo)|"
                         r"(?:[Tt]h(?:ỏa|oả) thuận|[Hh]iệp định)[^.;,]{1,60}?đạt được|"
                         # "thỏa thuận ..., được thống nhất giữa A và B vào ngày 5/3": a document agreed on a day;
                         # "đạt được nhiều thỏa thuận hợp tác": several documents concluded
                         r"(?:[Tt]h(?:ỏa|oả) thuận|[Hh]iệp định)[^.;]{1,80}?được thống nhất giữa|"
                         r"đạt được (?:nhiều|các|một số|những|\d+) (?:[Tt]h(?:ỏa|oả) thuận|[Hh]ợp đồng))", re.I),
    agreement_not=re.compile(r"(?:thực hiện|triển khai|\bsớm\b|hiện có|theo|trên cơ sở|hy vọng|hi vọng|mong muốn|"
                             r"hướng tới|có thể|sẵn sàng|quy định (?:tại|trong)|dựa (?:trên|vào)|đàm phán|soạn thảo|"
                             r"xây dựng)(?:\s+\S+){0,4}\s*$"),
    # "các thỏa thuận đạt được giữa lãnh đạo hai nước": common understandings, not a document
    agreement_not_after=re.compile(r"^[Tt]h(?:ỏa|oả) thuận(?: quan trọng| cấp cao)? (?:đã |mà )?đạt được"),
    # "đề nghị hai nước sớm đàm phán, ký", "từ chối ký vào": no signing reported
    signing_hoped=re.compile(r"(?:đề nghị|đề xuất|từ chối|mong muốn|hy vọng|hi vọng|kêu gọi|\bsớm\b|"
                             r"tiến tới|hướng tới)[^.;:!?]{0,50}$"),
    list_word=re.compile(r"^(?:gồm)$", re.I),
    # "Hiệp định này", "Hiệp định là rất quan trọng": a document named before
    doc_again_before=re.compile(r""),
    doc_again_after=re.compile(r"^\s*(?:này|đó|nói trên|trên(?! cơ sở)|là)\b"),
    # "thực hiện thỏa thuận hợp tác (được ký kết ngày 14/5/2018)": a past signing referred to with its time
    signed_dated_after=re.compile(r"^[^.;:]{0,100}?(?:ký kết|\bký|được thống nhất giữa[^.;:]{0,80}?)\s+(?:vào\s+)?"
                                  r"(?:ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\b|(?:ngày|tháng|năm)\s+"
                                  r"[\d/.-]*(?:1[89]|20)\d\d\b)"),
    two_leaders=re.compile(r"(?:[Hh]ai (?:vị |nhà )?(?i:lãnh đạo|Thủ tướng|Bộ trưởng|Chủ tịch|Tổng thống|"
                           r"người đứng đầu|Ngoại trưởng|nguyên thủ|Tổng Bí thư)|[Cc]hủ nhà và (?:vị )?khách)"),
    anaphoric_country=re.compile(r"(?:đến|tới|sang|thăm)\s+(?:đất\s+)?nước\s+(?:này|bạn)"),
    # "Quốc thư của X": the envoy presenting credentials acts, X is no modifier
    modifier=re.compile(r"(?:(?<![Qq]uốc thư )\bcủa|\bthay mặt|\bdo|\bdẫn đầu bởi|\blời mời của|"
                        r"\bchuyển lời[^,.;]{0,40}?)\s+"),
    remembered=re.compile(r"(?<!\w)cố\s+(?=[A-ZĐ])(?:[^\s,.;]+\s+){0,3}$"),
    nominal_before=re.compile(r"(?:[Tt]ại|[Tt]rong|[Ss]au|[Tt]rước|[Qq]ua|[Kk]ết thúc)\s+(?:cuộc|buổi)?\s*$"),
    passive_agent=re.compile(r"^được ", re.I),  # "A được B tiếp": B inside the trigger
    continued_list=re.compile(r"\s*(?:Ngoài ra,? (?:còn )?(?:có)?|Các văn kiện khác)"),
    # "dưới sự tháp tùng của X": the host escorts the guest; "đón đoàn có": those at the airport
    entourage=re.compile(r"(?:(?<!sự )[Tt]háp tùng|[Cc]ùng đi với|[Tt]hành phần [Đđ]oàn (?:gồm|có)|"
                         r"^\s*(?:\d+\.\s*)?[Đđ]oàn (?:chính thức )?(?:gồm|gồm có|có)\b)"),
)

# What Vietnamese adds to the cues tried on every article (pipeline/stages/frame_cues.py).
SHARED = SharedCueWords(
    said_after=(r"\s*,?\s*(?:đã\s+)?(?:cho hay|cho biết|thông báo|tuyên bố|công bố|phát biểu|khẳng định"
                r"|ra thông cáo|đưa tin|loan tin)\b"),
    # "Theo Thông cáo của Bộ Ngoại giao ngày 28/8": the day of the communiqué, not of what it announces
    said_before=r"[Tt]heo\s+(?:[Tt]hông\s+cáo|[Tt]hông\s+báo)(?:\s+báo\s+chí)?(?:\s+của\s+[^,.;()\d]{1,40}?)?",
    said_before_day=r"(?:cho biết|thông báo|tuyên bố|phát biểu|nói)(?:\s+vào)?",
    past_day_words=("hôm",),  # "cho biết hôm 7/5"; "cho biết ngày 7/5 sẽ …" is what was said
    holiday=r"kỷ niệm|Quốc khánh|ngày lễ|dịp lễ",
    period_start=r"kể từ|\btừ năm|thiết lập quan hệ|thành lập|nhậm chức|\bbầu\b",
    object_stop=r"theo|cho biết|trong khi|khi|sau khi|trước khi",
    generic_doc_quantity=r"các\s+",
    generic_doc_modifier="",
    generic_doc_heads=r"văn kiện",
    today=r"hôm nay|chiều nay|sáng nay|tối nay",
    pronoun_head=r"Ông|Bà|Trong",
    pronoun_clause="",
    title_end=r" và (?!Đào tạo)|, thể hiện| (?:vào|trong|tại) (?:ngày|sáng|chiều|tối|dịp|khuôn khổ|lễ|Lễ)",
    split_counted_list=None,
)
