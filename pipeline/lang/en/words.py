"""English words in the patterns of the shared stages ("at the", "led by", "and his wife", "signing ceremony").

The fields are those of ``pipeline.lang.base.StageWords``; each is joined with the other
languages' words into patterns tried on every article.
"""
from __future__ import annotations

from pipeline.lang.base import StageWords

WORDS = StageWords(
    # actors
    place_noun_before="province|city|district|street|airport|of the",
    place_noun_after=r"province|prefecture|city|district|county|municipality|state(?!\s+(?:visit|banquet|dinner|funeral|call|media|council|secretary|of))",
    led_by_name_before="",
    led_by=r"\b(?:led|headed)\s+by\b",
    portfolio_before="for|of",
    possessive=r"['’]s(?:\s+[a-z][\w-]*){0,2}",
    to_place=r"\bto",
    at_place=r"\bin|\bat",
    palace_before_title="",
    article="the",
    articles_before_noun=r"the\s+|a\s+|an\s+",
    determiners="the|a|an|his|her",
    leads="led|leads|leading|headed|heads|heading",
    accompanied=r"and|with|accompanied\s+by|along\s+with",
    # meetings
    list_continuers=("and", "as"),
    envoys_of=r"\b(?:ambassadors?|envoys?)\s+(?:of|from)\s+",
    credentials="credential",
    with_words="with",
    and_also="and|as well as",
    many_countries_people=r"ambassadors?|\b(?:leaders|heads of (?:state|government)|presidents|prime ministers|"
                          r"counterparts)\s+(?:from|of)\b",
    group_lead=r"with\s+|for\s+|between\s+",
    many_countries=r"\s+(?:(?:of|from)\s+)?(?:the\s+)?(?:other|several|many|various|\w+\s+)?(?:countries|nations|states)\b",
    group_determiners=r"(?:the|some|several|other|many|various)\s+(?:senior\s+|high-ranking\s+)?|senior\s+",
    group_heads=r"(?:[\w-]+(?:['’]s)?\s+)?(?:representatives|leaders|delegation|officials|executives|"
                r"members\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:senate|parliament|congress|assembly|house)|"
                r"corporations|businesses|business\s+(?:leaders|community|executives|people)|"
                r"former|CEOs|\w+\s+(?:corporations|companies|businesses|firms))",
    # "met A, B and five senior senators", "and a number of major economic organisations": a group met
    # besides the people named (not "and his delegation": those came with the person)
    with_after_list=r"together\s+with|with",
    group_after_names=r"(?:(?:the|some|several|other|many|a\s+(?:number|group)\s+of|\d+|two|three|four|five|six|"
                      r"seven|eight|nine|ten)\s+)?(?:[\w-]+(?:['’]s)?\s+){0,3}?(?:senators|lawmakers|legislators|"
                      r"parliamentarians|congressmen|organi[sz]ations|(?:friendship|business)\s+groups?|"
                      r"companies|corporations|businesses|firms|enterprises|scholars|business\s+(?:leaders|"
                      r"community|circles?|executives|people)|representatives\s+of)\b",
    between="between",
    # "..., his spokesperson X told the press", "..., the ministry's spokeswoman, X, said on Monday";
    # not the inverted "..., said the Kremlin", whose name after the verb is the speaker
    speaker_after=(r"(?:\s+|\s*,\s*(?=(?:said|says|stated|announced)\s*(?:[.,;]|(?:on|in|at|during|yesterday|"
                   r"today|earlier|later|last|this|[A-Z][a-z]+day)\b)))(?:said|says|told|tells|announced|"
                   r"confirmed|stated)\b"),
    # visits
    attend="attend",
    spouse_along=r"and (?:his|her) (?:wife|spouse|husband)\s*",
    visitor_auxiliary=r"who is|who was|on an?|during an?",
    visitor_list_breaks=r"\bby\b|\bof\b|\bwith\b|\bfor\b",
    capital_before_place=r"the\s+|capital\s+",
    agent_of="of|by",
    agent_by="by",
    host_verbs=r"invit\w*|host\w*|welcom\w*|greet\w*|chair\w*|organi[sz]\w*",
    visiting="visiting|to visit",
    plural_visits="visits$|trips$",
    venues="Embassy|Pagoda|mausoleum",
    spouse="spouse|wife|husband",
    # agreements
    signing_ceremony="signing ceremony",
    list_follows_after="include|includes|included|are as follows",
    list_follows="include|includes|included|as follows",
    list_including="including|among them",
    statement_titles="joint statement|declaration",
    hoped_for="hope|look forward",
    upgrade_recalled=r"\banniversary of(?: the)?",
    both_sides="two sides|both sides",
    upgrade_to="a |the |an ",
    relations_word="",
    partnership_word="partner",
    upgrade_name_end=r" between| for| with| in ",
    # frames
    lead_words=r"Also|And|But|Earlier|Later|Then|Meanwhile|Previously|According to [^,.;]{1,40}",
    lead_prepositions="[Oo]n|[Ii]n",
    until=r"\b(?:until|till|through)",
    until_weekday=r"[A-Z][a-z]+day,?\s+",
    other_time="after|before|following|since|than|like|previous",
    date_prepositions="on|in|at",
    relative_after_comma="who|which|where|while|whose",
    relative="who|which|while",
    begin=r"\b(?:depart\w*|left|leaves|leaving|arriv\w*|began|begins|beginning|start\w*|set off|embark\w*)\b",
    attribute_lead=r"(?:with\s+)?(?:the\s+|a\s+)?",
    concluded=r"conclud\w*|wrapp\w* up|ending",
    earlier=r"previous|previously|last|earlier(?!\s+(?:in\s+the\s+day|today|that\s+day))|former|past|recent",
    visit_anaphor=r"\b(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|stay|tour)\b",
    visit_day_ordinal=(r"\b(?P<n>second|third|fourth|fifth|sixth|seventh|[2-7](?:nd|rd|th))\s+(?:and\s+final\s+)?day\s+"
                       r"(?:of|in)\s+(?:(?:the|his|her|their|its)\s+)?$"),
    ordinal_words=("first", "second", "third", "fourth", "fifth", "sixth", "seventh"),
    led_by_cue="led by|headed by",
    delegation="delegation|leadership|representatives",
    name_gap_words=("the", "of", "and"),
    invitation_of="invitation of",
    and_with="and",
    with_while="with|while",
    # consolidation, dependency arguments, datelines
    generic_documents=("document", "documents", "deals", "agreements", "pacts", "cooperation documents"),
    doc_topic=("on", "relating to", "regarding", "concerning"),
    comitative_cases=("with",),
    header_words="am|pm|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|published|updated"
                 "|posted|on|at|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
                 "|april|june|july|august|september|october|november|december",
    clutter_lines=(
        r"Hotline\s*:?\s*[\d][\d .()+-]{5,}",
        r"\d+\s+SHARES?\s+Share\s+Tweet",
        r"For\s+more\s+visit\s+China\s+Daily\W*",
        r"For\s+subscriptions\s+on\s+news\s+from\s+China\s+Daily,\s+or\s+inquiries,\s+please\s+contact.*",
        r"About\s+The\s+Author",
        r"Read\s+full\s+this\s+story\W*",
        r"Hindustan\s+Times\s+-\s+your\s+fastest\s+source\s+for\s+breaking\s+news!\s+Read\s+now\.?",
    ),
    appositive_lead=r"the\s+|a\s+|then\s+|then-",
    demonym_leader_modifiers=r"top\s+|Party\s+|State\s+|legislative\s+|NA\s+",
    demonym_leader_heads="leader|PM|premier|President|Prime Minister|guest|chief|head of state|head of government",
    count_words="two|three|four|five|six|seven|eight|nine|ten",
    list_item_end="signed|adopted|exchanged|concluded|reached|which",
    day_before_paren="today|Thursday|Friday|Monday|Tuesday|Wednesday|Saturday|Sunday|local time",
    welcome_verbs="welcom|host",
    phrase_enders="with|during|about|of|on|in|at|to|for|by|from|after|before|and|a|an|the",
    possessive_marks="’s|'s",
    name_abbreviations=(" Jr.", " Sr.", " St."),
    possessive_pronouns="his|her|their",
    en_route=r"on\s+(?:his|her|their|the)\s+way\s+to",
    pair_subject=r"both|the\s+two",
    first_since=r"\bfirst\s+(?:[\w-]+\s+)?(?P<trig>visit|trip)(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
                r"\s+since\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)\s+)?(?P<y>(?:19|20)\d\d)\b",
    pair_of_sides=r"\b(?:both|the\s+two)\s+(?:[\w-]+\s+)?(?:ministries|sides|countries|nations|states|governments|"
                  r"delegations|parties|provinces|agencies|organi[sz]ations)\b",
    venue_clause_breaks=r"where|which|who|whose|while",
    tour_list_lead=r"including|comprising|namely",
    list_item_article=r"a|an",
    body_run_before=r"\b[A-Z][\w-]+\s+(?:and|&)\s+",
    portfolio_items=r"(?:[A-Z][\w-]*,\s+)+(?:[A-Z][\w-]*\s+)?(?:and|&)\s+",
    region_of_before=r"\b(?:State|Province|Prefecture|Region|Canton)\s+of\s+",
    next_leg=r"(?:and(?:\s+then)?|then)(?:\s+(?:on\s+)?to)?",
)
