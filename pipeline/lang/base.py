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

from pipeline.lang.date_calendar import Cand


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
class SharedCueWords:
    """What a language adds to the cues tried on every article whatever its language (quotes, names
    and list layouts cross languages): regular-expression alternatives, "" where it adds nothing.
    ``pipeline/stages/frame_cues.py`` joins every registered language's words into one pattern each."""

    said_after: str  # a verb of saying right after a date: the date is the day it was said ("cho hay")
    said_before: str  # a verb of saying right before a date: the date is the day it was said ("announced on")
    said_before_day: str  # a verb of saying before a date that is then the day it was said ...
    past_day_words: tuple[str, ...]  # ... only when the date starts with one of these ("cho biết hôm 7/5")
    holiday: str  # a holiday or anniversary named by its date ("Quốc khánh 2/9"): no event's date
    period_start: str  # a period's start, a founding, a taking of office: governs its clause's date
    object_stop: str  # speech, purpose or a relative clause: the list of people met has ended
    generic_doc_quantity: str  # "several", "các" before a generic name of documents
    generic_doc_modifier: str  # "cooperation" before it
    generic_doc_heads: str  # "documents", "văn kiện": documents not named one by one
    today: str  # words for today: a sentence without a digit may still state the day
    pronoun_head: str  # a sentence opening whose subject is the article's protagonist ("He", "Ông")
    title_end: str  # where a document's name ends ("vào ngày", ", which")
    split_counted_list: Callable[[str], list[str]] | None  # "three protocols on A, B and C": three names


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
    # words of title handling, joined over every language (a title and a name may be written
    # in the other language's text): regex alternatives, "" where the language has none
    title_gap_words: frozenset[str]  # lower-case words that may stand between a title and its name
    title_gap_breaks: str  # words between a title and a name that show the title is not the name's
    conjunctions: str  # "and", "và": two titles of one person, or two people
    of_words: str  # "of", "của": "President of India"
    articles: str  # "the" after "of"
    state_prefixes: str  # "Republic of", "nước" between "of" and a country's name


@dataclass(frozen=True)
class DateGrammar:
    """The language's date and duration expressions (the shared stage selects and joins them)."""

    candidates: Callable[[str, datetime.date | None, list[Cand]], None]  # appends its candidates
    durations: Callable[[str], list[tuple[int, int, int]]]  # (start, end, days)
    prefilter_words: str  # an alternation of words without which no expression of the language matches
    # words that join two days into one span, for every text (a range may be written across languages)
    join_consecutive: str  # "và", "and": two consecutive days
    join_range: str  # "đến", "to", "until": any two days up to a month apart
    range_from: str  # "từ", "from": before the first of two joined weekdays
    day_words: str  # "ngày", "on": may stand before the second day


@dataclass(frozen=True)
class LanguageProfile:
    """Everything language-specific the shared stages ask for."""

    code: str
    cues: FrameCues
    shared: SharedCueWords
    names: NameRules
    dates: DateGrammar
    letters: frozenset[str]  # letters only this language writes (language identification of short text)
