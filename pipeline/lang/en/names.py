"""How English writes names and titles, for the shared actor stage.

Titles match with either case of their first letter only ("President",
"president"); an organisation word anywhere in a run of capitals makes it no
name ("Heydar Aliyev International Airport"), and a body's last words before a
name are dropped ("House of Representatives Kono Yohei"). A demonym stands for
a country's person ("the Vietnamese leader") or delegation ("the Japanese
delegation"), and one known word refers back to a person already named ("Modi").
"""
from __future__ import annotations

from pipeline.lang.base import NameRules

RULES = NameRules(
    titles_any_case=False,
    stop_words_anywhere=True,
    capitalised_compounds=(),
    strip_leading_body_words=True,
    lone_word_short_mention=True,
    lower_syllable_after_capital=False,
    comma_chains_titles=False,
    demonym_leader_mentions=True,
    demonym_delegations=True,
    title_gap_words=frozenset({"of", "the", "for", "and", "in", "at", "on", "to"}),
    title_gap_breaks="who|which|with|met|held|received|to",
    conjunctions="and",
    capacity_words=r"(?<!well )(?<!such )as|capacity\s+as",
    of_words="of",
    articles="the",
    state_prefixes=(r"(?:Socialist\s+|Federal\s+|Democratic\s+|People's\s+|Islamic\s+|Arab\s+)?Republic\s+of\s+"
                    r"(?:the\s+)?|Kingdom\s+of\s+|State\s+of\s+"),
)
