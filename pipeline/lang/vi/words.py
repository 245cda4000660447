"""Vietnamese words in the patterns of the shared stages ("tại", "do ông", "và Phu nhân", "lễ ký").

The fields are those of ``pipeline.lang.base.StageWords``; each is joined with the other
languages' words into patterns tried on every article.
"""
from __future__ import annotations

from pipeline.lang.base import StageWords

WORDS = StageWords(
    # actors
    place_noun_before=r"tỉnh|thành phố|huyện|xã|quận|thủ đô|vùng|khu|phố|đường|sông|núi|"
                      r"sân bay|cung|lăng|đền|chùa",
    place_noun_after="",
    led_by_name_before=r"\bdo\s+(?:ông\s+|bà\s+|đồng chí\s+)?",
    led_by="",
    portfolio_before="",
    possessive="",
    to_place="",
    at_place=r"\btại|\bở",
    palace_before_title=r"\bPhủ",
    article="",
    articles_before_noun="",
    determiners="",
    leads="dẫn đầu",
    accompanied="cùng|và",
    # meetings
    list_continuers=("và",),
    envoys_of=r"\b(?:Đại sứ|đại sứ)\s+(?:các nước\s+)?",
    credentials="quốc thư",
    with_words="với",
    and_also="và|cùng",
    many_countries_people=r"Đại sứ|(?:lãnh đạo|nguyên thủ|người đồng cấp) (?:các nước|các quốc gia)\s",
    group_lead=r"với\s+",
    group_determiners=r"(?:các|một số|những|nhiều)\s+(?:nguyên\s+|cựu\s+)?",  # "một số nguyên lãnh đạo"
    group_heads=r"đại diện|lãnh đạo|đoàn|doanh nghiệp",
    # "hội kiến A, B và đại diện các doanh nghiệp": a group met besides the people named
    with_after_list=r"cùng\s+với|cùng|với",
    group_after_names=r"(?:(?:các|một số|những|nhiều)\s+)?(?:đại diện|lãnh đạo|nghị sĩ|học giả)\s+"
                      r"(?:các|một số|những|nhiều)?\s*(?:doanh nghiệp|tập đoàn|công ty|tổ chức|nghị sĩ|học giả)|"
                      r"(?:các|một số|những|nhiều)\s+(?:doanh nghiệp|tập đoàn|nghị sĩ|học giả)",
    many_countries=r"\s+(?:của\s+)?(?:các|nhiều)\s+(?:nước|quốc gia)\b",
    between="giữa",
    # "người phát ngôn X cho biết": no comma, which would leave the subject of the clause before it
    # speaking ("Thủ tướng tiếp Đại sứ X, cho biết ...")
    speaker_after=r"\s+(?:đã\s+)?(?:cho biết|cho hay|nói với|nói rằng|thông báo)\b",
    # visits
    attend="tham dự|dự",
    spouse_along=r"(?:và|cùng) [Pp]hu (?:nhân|quân)\s*",
    visitor_auxiliary=r"(?:đang|đã|vừa|sẽ)(?:\s+có)?|có",
    visitor_list_breaks=r"\bcủa\b|\bvới\b",
    capital_before_place=r"thủ đô\s+|[Tt]hành phố\s+",
    agent_of="của",
    agent_by="của",
    host_verbs="mời|chủ trì",
    visiting=r"(?:sang|đến|tới|đang) thăm",
    plural_visits=r"(?:các|những) (?:chuyến|cuộc) (?:thăm|công du)",
    venues=r"Đại sứ quán|Quan Su|chùa|đền|Lăng",
    spouse="phu nhân",
    # agreements
    signing_ceremony="[Ll]ễ ký",
    list_follows_after="gồm|bao gồm",
    list_follows="gồm|bao gồm",
    list_including="trong đó có|trong đó",
    statement_titles="Tuyên bố chung",
    hoped_for=r"\bsớm\b|mong muốn",
    upgrade_recalled=(r"(?:vui mừng|hài lòng|đánh giá cao|cho rằng|nhận định)[^.;]{0,40}?\bviệc\b(?:\s+\S+){0,8}"
                      r"|kỷ niệm\s+\d+\s+năm"),
    both_sides="hai bên",
    upgrade_to="thành |mức |khuôn khổ ",
    relations_word="quan hệ ",
    partnership_word="đối tác",
    upgrade_name_end=r" giữa| vì| nhằm| năm \d| vào",
    # frames
    lead_words=r"Trước đó|Sau đó|Tiếp đó|Ngoài ra|Cũng|Theo [^,.;]{1,40}",
    lead_prepositions=r"[Vv]ào|[Tt]rong|[Đđ]ến|[Tt]ừ",
    until=r"(?<!\w)đến hết(?: ngày)?",
    until_weekday="",
    other_time="sau|trước|kể từ|so với|như",
    date_prepositions="vào|ngày|hôm|trong",
    relative_after_comma="người|đang|khi|trong khi",
    relative="đang",
    begin="lên đường|rời|bắt đầu",
    official_welcome=r"(?<!\w)sau\s+[Ll]ễ\s+đón\s+chính\s+thức",
    arrived_at=r"(?<!\w)(?:đến|tới|sang|có mặt (?:tại|ở))",
    attribute_lead="",
    concluded="kết thúc",
    earlier="trước đây|trước đó|lần trước|từng|đã từng",
    visit_anaphor=r"[Cc]huyến\s+(?:thăm|công\s+tác|công\s+du)(?:\s+(?:chính\s+thức|cấp\s+[Nn]hà\s+nước|làm\s+việc))?"
                  r"(?:\s+(?:này|lần\s+này))?|[Tt]rong\s+thời\s+gian\s+(?:ở|thăm|lưu\s+lại|làm\s+việc)",
    visit_day_ordinal=r"(?<!\w)[Nn]gày\s+(?:làm\s+việc\s+)?thứ\s+(?P<n>\d|hai|ba|tư|năm|sáu|bảy)\s+(?:trong|của)\s+$",
    ordinal_words=("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy"),
    led_by_cue="do|dẫn đầu bởi",
    delegation="[Đđ]oàn",
    name_gap_words=("nước", "và"),
    invitation_of="lời mời của",
    inviting_body=r"(?:Bộ(?! trưởng)|Văn phòng|Ban|Trung ương|T\.Ư|Quốc hội|Chính phủ|[ỦUỦ]y ban|Uỷ ban|[ĐÐ]ảng|"
                  r"Hội đồng|Tỉnh ủy|Thành ủy|Viện)(?!\w)",
    and_with="và|cùng",
    with_while="với|trong khi",
    # consolidation, dependency arguments, datelines
    generic_documents=("văn kiện",),
    doc_topic=("về", "trong lĩnh vực"),
    comitative_cases=("với",),
    header_words="thứ|hai|ba|tư|năm|sáu|bảy|chủ|nhật|ngày|tháng|cập|nhật|đăng|lúc",
    clutter_lines=(
        r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật)\s*,?\s*\d{1,2}/\d{1,2}/\d{4}"
        r"(?:\s*[,-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(GMT[+-]\d{1,2}\))?",
        r"Theo\s+dõi\s+[\w-]+(?:\.[\w-]+)+\s+trên(?:\s+[\w ]{1,30})?",
    ),
    appositive_lead="",
    demonym_leader_modifiers="",
    demonym_leader_heads="",
    count_words="",
    list_item_end="",
    day_before_paren="nay",
    welcome_verbs="",
    phrase_enders="",
    possessive_marks="",
    name_abbreviations=(),
    possessive_pronouns="",
    en_route=r"trên đường (?:tới|đến|sang|đi)",
    pair_subject=r"hai",
    venue_clause_breaks="",
    tour_list_lead=r"gồm|bao gồm|gồm có|là",
    list_item_article="",
    body_run_before="",
    portfolio_items="",
    region_of_before="",
    next_leg=r"(?:và|rồi|sau đó)(?:\s+(?:tới|đến|sang|thăm))?",
)
