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
    # before a trigger: a forecast ("is expected to visit"), which adds to an event the article
    # announces but is not one of its own
    speculation: re.Pattern[str]
    # before a trigger: thanks for a meeting ("thanked X for receiving him", "cảm ơn X đã tiếp"): the
    # meeting the thanks are said at, which the article reports in its own words
    thanks_for: re.Pattern[str]
    host: re.Pattern[str]  # in the sentence: someone hosts the visit ("at the invitation of")
    receive: re.Pattern[str]  # in the sentence: someone receives the visitor ("received", "tiếp")
    witness: re.Pattern[str]  # in the sentence: the people named witness a signing
    agreement: re.Pattern[str]  # in the sentence: a document is signed, exchanged or adopted
    agreement_not: re.Pattern[str]  # before a trigger: a document acted under or only hoped for
    agreement_not_after: re.Pattern[str]  # from the trigger on: understandings, not a document
    signed_dated_after: re.Pattern[str]  # after a document word: its own signing date ("signed in 2015")
    signing_hoped: re.Pattern[str]  # before a signing word: only proposed, hoped for, refused, forecast
    list_word: re.Pattern[str]  # a signing cue that only opens a list ("including", "gồm")
    doc_again_before: re.Pattern[str]  # before a document word: a definite mention ("the RAA deal")
    doc_again_after: re.Pattern[str]  # after it: no name follows, the document was named before
    two_leaders: re.Pattern[str]  # "the two leaders", "hai nhà lãnh đạo": the article's pair
    anaphoric_country: re.Pattern[str]  # "to the Southeast Asian nation", "sang nước bạn"
    modifier: re.Pattern[str]  # "envoy of", "thay mặt": the person after it only qualifies
    nominal_before: re.Pattern[str]  # "at the", "tại cuộc": the trigger is a noun, not a new event
    passive_agent: re.Pattern[str]  # a passive trigger ("was received by", "được B tiếp"): the people in
    # it, else right after it, act; the subject before it is received
    continued_list: re.Pattern[str]  # a sentence continuing a list of documents ("Also signed")
    remembered: re.Pattern[str]  # right before a name (and its title): someone dead ("the late", "cố")
    entourage: re.Pattern[str]  # opens a list of a travelling delegation's members ("accompanied by", "tháp tùng")


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
    pronoun_clause: str  # a pronoun subject opening a clause right before the event word ("where he will")
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
    lower_syllable_after_capital: bool  # "Bộ trưởng Thương mại": a body's name capitalises its first syllable only
    comma_chains_titles: bool  # "Tổng Bí thư, Chủ tịch nước X": a comma after a title continues a chain
    demonym_leader_mentions: bool  # "the Vietnamese leader" refers to the last person of that country
    demonym_delegations: bool  # "the Japanese delegation": a demonym before a delegation word
    # words of title handling, joined over every language (a title and a name may be written
    # in the other language's text): regex alternatives, "" where the language has none
    title_gap_words: frozenset[str]  # lower-case words that may stand between a title and its name
    title_gap_breaks: str  # words between a title and a name that show the title is not the name's
    conjunctions: str  # "and", "và": two titles of one person, or two people
    capacity_words: str  # "as", "với tư cách": a bare title after them is a capacity, nobody referred to
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
class StageWords:
    """The words a language adds to the patterns of the shared stages (actors, frames, visits,
    meetings, agreements). Most of these patterns run on every article whatever its language
    (names, quotes and titles cross languages), so each field is joined over every registered
    language, in registry order (``pipeline.lang.joined``): regular-expression alternatives, or a
    tuple of words, "" or () where the language adds nothing."""

    # actors
    place_noun_before: str  # a place's kind before its name: "tỉnh", "province of the"
    place_noun_after: str  # a place's kind after its name: "Ca Mau province"
    led_by_name_before: str  # "do ông": a delegation's leader's capitalised name follows
    led_by: str  # "led by": a delegation's leader follows
    portfolio_before: str  # "for", "of": a title's portfolio follows ("Minister for Climate Change")
    possessive: str  # "'s new": between a country and the title it owns
    to_place: str  # "to" before a place
    at_place: str  # "tại", "at", "in" before a place
    palace_before_title: str  # "Phủ": a title that names a place ("Phủ Chủ tịch")
    article: str  # "the" before a noun phrase
    articles_before_noun: str  # "the ", "a ", "an " (each with its space) before a noun
    determiners: str  # "the", "his" before a noun
    leads: str  # "dẫn đầu", "led": the person before it leads a delegation
    accompanied: str  # "cùng", "with": the delegation after it accompanies a named leader
    # meetings
    list_continuers: tuple[str, ...]  # "và", "as": a lower-case word after ";" that continues a list
    envoys_of: str  # "ambassadors of", "Đại sứ các nước": envoys named by their countries
    credentials: str  # "quốc thư", "credential": the envoy lives in the host country
    with_words: str  # "với", "with": the other side of a meeting
    and_also: str  # "và", "as well as": a list of people continues
    many_countries_people: str  # "leaders of", "lãnh đạo các nước": one meeting per country
    group_lead: str  # "with", "với" before a group met
    group_determiners: str  # "các", "the" before a group met
    group_heads: str  # "representatives", "đại diện": a group met, not a person
    with_after_list: str  # "cùng", "together with": who closes a list of activities ("hội đàm, ... cùng X")
    group_after_names: str  # "and five senators", "và đại diện doanh nghiệp": a group listed after people met
    many_countries: str  # "of other countries", "các nước": a group from many states, none of them named
    between: str  # "giữa", "between"
    speaker_after: str  # "told", "cho biết" right after a name: the person reports the meeting, nobody met
    # visits
    attend: str  # "tham dự", "attend": a trip to attend something
    spouse_along: str  # "và Phu nhân", "and his wife" between a visitor and the visit
    visitor_auxiliary: str  # "đang", "who is" between a visitor and the visit
    visitor_list_breaks: str  # "của", "by": the list of visitors has ended
    capital_before_place: str  # "thủ đô", "the capital" between "at" and a place
    agent_of: str  # "của", "by", "of": the visit's agent follows
    agent_by: str  # "của", "by": the agent of a verb follows
    host_verbs: str  # "mời", "hosted": the agent after "by" hosts, not visits
    visiting: str  # "sang thăm", "visiting": the trigger itself names a visit under way
    plural_visits: str  # "các chuyến thăm", "visits": visits in general
    venues: str  # "Đại sứ quán", "Embassy": a visit to a venue, not a country
    spouse: str  # "phu nhân", "wife"
    en_route: str  # "on his way to", "trên đường tới": the trip to there is still to come
    pair_subject: str  # "both", "the two", "hai": the subject is the pair the article is about
    venue_clause_breaks: str  # "where", "which": a clause about the attended event, not where it is held
    body_run_before: str  # "Affairs and ": a body's name goes on in the run of capitals after it
    portfolio_items: str  # "Land, Infrastructure, Transport and ": a portfolio's list before its last item
    region_of_before: str  # "State of ": a region's one-word name opens the run of capitals after it
    tour_list_lead: str  # "gồm", "including": a list of the trip's countries follows
    list_item_article: str  # "a|an": opens a noun item of a comma list (", a meeting with B"); "" for none
    next_leg: str  # "và tới", "and then to": after a leg's dates, the trip's next destination follows
    # agreements
    signing_ceremony: str  # "lễ ký", "signing ceremony"
    list_follows_after: str  # right after a document word: a list of documents follows
    list_follows: str  # before a document word: it is one item of a list
    list_including: str  # after unnamed documents, before a named one: an item of them ("including")
    statement_titles: str  # "Tuyên bố chung", "joint statement": an upgrade named in its title
    hoped_for: str  # "mong muốn", "hope": an upgrade only hoped for
    upgrade_recalled: str  # before an upgrade: an earlier one valued or its anniversary ("vui mừng trước việc")
    both_sides: str  # "hai bên", "both sides": the sides are not named people
    upgrade_to: str  # "thành ", "a ": before the name of an upgraded partnership
    relations_word: str  # "quan hệ ": before the name of an upgraded partnership
    partnership_word: str  # "partnership", "đối tác": an event word that is itself the partnership's name
    upgrade_name_end: str  # " giữa", " between": where the name of an upgraded partnership ends
    # frames: dates and participants
    lead_words: str  # a sentence-opening adverb before a date ("Trước đó", "Earlier")
    lead_prepositions: str  # "vào", "On" right before a sentence-opening date
    until: str  # "đến hết", "until": the date is the last day of a stay
    until_weekday: str  # "Friday, " between "until" and the date
    other_time: str  # "sau", "after": the date is of another time
    date_prepositions: str  # "vào", "on" after a comma, before a date
    relative_after_comma: str  # ", who", ", khi": a relative clause after a comma
    relative: str  # "who", "đang": a relative clause
    begin: str  # "lên đường", "departed": the date is a trip's start
    attribute_lead: str  # "with": an attribute of the event follows
    concluded: str  # "kết thúc", "concluded": a stay's duration ends here
    earlier: str  # "trước đây", "previous": an earlier event
    visit_anaphor: str  # "the visit", "their stay", "chuyến thăm": the article's trip named again, no actors
    visit_day_ordinal: str  # "the second day of the", "Ngày thứ 3 trong" right before a visit word; group n
    ordinal_words: tuple[str, ...]  # the ordinals from "first" on, lower case, for visit_day_ordinal's n
    led_by_cue: str  # "do", "led by": a delegation's leader follows
    delegation: str  # "đoàn", "delegation"
    name_gap_words: tuple[str, ...]  # lower-case words between two names of one list ("nước", "of")
    invitation_of: str  # "lời mời của", "invitation of"
    and_with: str  # "và", "and": two people of one side
    with_while: str  # "với", "while": two people of two sides
    # consolidation, dependency arguments, datelines
    generic_documents: tuple[str, ...]  # "văn kiện", "documents": a title that names no one document
    doc_topic: tuple[str, ...]  # "on", "về": what follows gives unnamed documents their subject
    comitative_cases: tuple[str, ...]  # "với", "with": a case marker that makes its noun an object
    header_words: str  # "thứ", "published": words a page's header date line may hold besides its date
    clutter_lines: tuple[str, ...]  # whole lines of page clutter (verbose regular expressions)
    # English-only structures (other languages add nothing)
    appositive_lead: str  # an appositive's first words after a name's comma ("the", "then")
    demonym_leader_modifiers: str  # "top", "Party" between a demonym and its leader
    demonym_leader_heads: str  # "the Vietnamese leader": a demonym's leader words
    count_words: str  # "three" before a document word: a counted list follows
    list_item_end: str  # ", signed": where an item of a counted list ends
    day_before_paren: str  # "hôm nay (", "Friday (": a bracket after a day holds its local date
    welcome_verbs: str  # "welcomed": a meeting trigger where the agent receives
    phrase_enders: str  # a preposition or article that ends a noun phrase ("with", "the")
    possessive_marks: str  # "'s" after an owner
    name_abbreviations: tuple[str, ...]  # " Jr.": a full stop in a name that ends no sentence (4 characters)
    possessive_pronouns: str  # "his", "their" before a visit
    pair_of_sides: str = ""  # "the leaders of both ministries": a subject that is two sides, not one person
    first_since: str = ""  # "first visit since 2000": the visit before this one, in that year (group y)
    inviting_body: str = ""  # "Bộ", "Trung ương Đảng": an invitation from a body, whose phrase ends at its comma
    official_welcome: str = ""  # "ngay sau lễ đón chính thức": talks right after it are those of an official visit
    arrived_at: str = ""  # "đến", "arrived in" before a place: the place reached, then "bắt đầu chuyến thăm"


@dataclass(frozen=True)
class LanguageProfile:
    """Everything language-specific the shared stages ask for."""

    code: str
    cues: FrameCues
    shared: SharedCueWords
    names: NameRules
    dates: DateGrammar
    words: StageWords
    letters: frozenset[str]  # letters only this language writes (language identification of short text)
