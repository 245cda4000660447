"""What a language contributes to the shared stages: one frozen record per language.

Each ``pipeline/lang/<code>/profile.py`` builds a ``LanguageProfile`` from its own
cue, name and date modules; the shared stages read its named fields instead of
testing the language code, so a rule of one language never leaks into another
and a new language must fill every field.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Callable

from pipeline.stages.date_calendar import Cand


@dataclass(frozen=True)
class FrameCues:
    """Patterns frame filling reads around a trigger (what the event words are is in triggers.tsv)."""

    planned: re.Pattern[str]  # before a trigger: the event is still to come ("will", "sẽ")
    intent: re.Pattern[str]  # before a trigger: only an intention ("agreed to increase visits")
    not_event_after: re.Pattern[str]  # after a trigger: a generic mention ("exchanges at all levels")
    host: re.Pattern[str]  # in the sentence: someone hosts the visit ("at the invitation of")
    receive: re.Pattern[str]  # in the sentence: someone receives the visitor ("received", "tiếp")
    witness: re.Pattern[str]  # in the sentence: the people named witness a signing
    agreement: re.Pattern[str]  # in the sentence: a document is signed, exchanged or adopted
    agreement_not: re.Pattern[str]  # before a trigger: a document acted under or only hoped for
    two_leaders: re.Pattern[str]  # "the two leaders", "hai nhà lãnh đạo": the article's pair
    anaphoric_country: re.Pattern[str]  # "to the Southeast Asian nation", "sang nước bạn"
    modifier: re.Pattern[str]  # "envoy of", "thay mặt": the person after it only qualifies
    nominal_before: re.Pattern[str]  # "at the", "tại cuộc": the trigger is a noun, not a new event
    continued_list: re.Pattern[str]  # a sentence continuing a list of documents ("Also signed")


@dataclass(frozen=True)
class NameRules:
    """How names and titles are written in the language."""

    titles_any_case: bool  # titles match in any case ("Thủ Tướng"), not only a capital first letter
    stop_words_anywhere: bool  # an organisation word anywhere in a run (else only first) is no name
    capitalised_compounds: tuple[str, ...]  # capitalised common words that are no name at a sentence start
    strip_leading_body_words: bool  # "House of Representatives Kono Yohei": drop the body's last words
    lone_word_short_mention: bool  # one known word ("Modi") refers back without a title or honorific
    comma_chains_titles: bool  # "Tổng Bí thư, Chủ tịch nước X": a comma after a title continues a chain
    demonym_leader_mentions: bool  # "the Vietnamese leader" refers to the last person of that country
    demonym_delegations: bool  # "the Japanese delegation": a demonym before a delegation word


@dataclass(frozen=True)
class DateGrammar:
    """The language's date and duration expressions (the shared stage selects and joins them)."""

    candidates: Callable[[str, datetime.date | None, list[Cand]], None]  # appends its candidates
    durations: Callable[[str], list[tuple[int, int, int]]]  # (start, end, days)
    prefilter_words: str  # an alternation of words without which no expression of the language matches


@dataclass(frozen=True)
class LanguageProfile:
    """Everything language-specific the shared stages ask for."""

    code: str
    cues: FrameCues
    names: NameRules
    dates: DateGrammar
    letters: frozenset[str]  # letters only this language writes (language identification of short text)
