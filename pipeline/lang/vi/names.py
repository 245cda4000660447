"""How Vietnamese writes names and titles, for the shared actor stage.

Vietnamese news capitalises titles freely ("Nhà Vua", "Thủ Tướng"), chains
titles with commas ("Tổng Bí thư, Chủ tịch nước Tô Lâm"), and opens sentences
with capitalised compounds that are no names ("Hội nghị", listed in
``data/lexicons/vi_capitalised_compounds.txt``). An organisation word ends a
name only at its start: "Văn phòng" is an office, "Võ Văn Thưởng" a person.
"""
from __future__ import annotations

from pipeline import lexicon
from pipeline.lang.base import NameRules

RULES = NameRules(
    titles_any_case=True,
    stop_words_anywhere=False,
    capitalised_compounds=tuple(lexicon.read_list("vi_capitalised_compounds.txt")),
    strip_leading_body_words=True,  # "Bộ trưởng Công Thương Nguyễn Hồng Diên": the ministry's name first
    lone_word_short_mention=False,
    lower_syllable_after_capital=True,
    comma_chains_titles=True,
    demonym_leader_mentions=False,
    demonym_delegations=False,
    title_gap_words=frozenset({"nước", "của", "tại", "ở", "và",
                               "đặc", "mệnh", "toàn", "quyền", "thường", "trực", "ban", "chấp", "hành", "trung",
                               "ương", "đảng", "cộng", "sản", "bộ", "chính", "trị", "quốc", "hội", "phủ", "viện",
                               "ủy", "uỷ", "vụ", "nhân", "dân", "hạ", "thượng", "chủ", "tịch", "liên", "bang",
                               "vương",
                               "hòa", "hoà", "xã", "nghĩa", "hiệp",  # "Cộng hòa Xã hội chủ nghĩa …"
                               "ông", "bà", "ngài"}),  # "Tổng thống Cộng hòa Chile, ông X"
    title_gap_breaks="",
    capacity_words="với tư cách(?: là)?|trên cương vị|với cương vị",
    conjunctions="và",
    of_words="của",
    articles="",
    state_prefixes=r"nước\s+",
)
