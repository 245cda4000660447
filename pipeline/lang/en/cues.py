"""English cues that frame filling reads around a trigger ("will", "at the invitation of", "the two leaders").

What counts as an event word is in ``data/lexicons/triggers.tsv``; these decide what the
words around it mean. The fields are those of ``pipeline.lang.base.FrameCues``.
"""
from __future__ import annotations

import re

from pipeline.lang.base import FrameCues, SharedCueWords
from pipeline.lang.en.documents import split_counted_list

CUES = FrameCues(
    planned=re.compile(r"\b(?:will|is set to|are set to|is scheduled to|are scheduled to|scheduled to|"
                       r"is due|are due|plans to|is expected to|are expected to|upcoming|to pay|would)\b"),
    # "would like to" is a wish, a bare "would" in reported speech a plan ("said X would meet Y")
    intent=re.compile(r"\b(?:agreed to|agree to|pledged to|proposed|suggested|invited|invitations? to|invitations? for|"
                      r"hopes? to|hoped to|"
                      r"look(?:s|ed)? forward to|wish(?:es|ed)? to|would like to|called for|promote|promoting|"
                      r"increase|increasing|boost|encourage|continue to|further|more|regular|exchanges? of|"
                      r"high-level|mutual|frequent|maintain(?:ing)?|promised to|promise to|vowed to|"
                      r"(?:is|are|was|were) likely to|could|may|might|towards|aim(?:s|ed)? to|"
                      # "an early visit", not "left Hanoi early December 9"
                      r"early(?!\s+(?:on|in|this|last|next|morning|afternoon|evening|hours|today|"
                      r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))|"
                      r"push(?:ed)? for|seek(?:s|ing)? to|sought to|invite|invites|inviting|arrange|arranging|"
                      r"in talks to)\b"
                      # "invite Mr. X to visit": 'Mr.' is a word; "proposed closer ties while meeting X": a
                      # clause of time starts a new predicate the wish does not govern
                      r"(?:\s+(?!(?:while|when|whilst|after|before|during)\b)(?:[A-Z][a-z]{0,3}\.|[^\s,;.]+)){0,8}\s*$"),
    # "to visit Chile soon", "will visit at a convenient time": a wish with no time set, no plan
    not_event_after=re.compile(r"^\s*(?:and exchanges|exchanges|at all levels)"
                               r"|^[^.;,]{0,40}?\b(?:soon|at an early date|"
                               r"at (?:a|an|the) (?:mutually )?(?:convenient|appropriate|suitable) time)\b"),
    # "the minister is also expected to hold talks with ...", "are expected to sign": up to the trigger
    thanks_for=re.compile(r"\bthank(?:s|ed|ing)?\b[^.;:]{0,80}?\bfor\s+(?:[^\s.;:]+\s+){0,5}$", re.I),
    speculation=re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?expected\s+to(?:\s+be)?(?:\s+[^\s,;.]+){0,2}\s*$"),
    host=re.compile(r"\b(?:invitation of|invited by|hosted by|welcomed|welcomes|welcoming|chaired the official welcome|"
                    r"bid farewell|reception during)\b", re.I),
    receive=re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|greeted|invitation of)\b", re.I),
    witness=re.compile(r"\bwitness\w*", re.I),
    # "issues" only as a verb ("issues a joint statement"), not the noun ("touched upon issues such as")
    agreement=re.compile(r"\b(?:sign\w*|ink\w*|exchang\w*|adopt\w*|issu(?:e|ed|ing|ance)|issues(?=\s+(?:a|an|the|joint)\b)|"
                         r"witness\w*|includ\w*|as follows|concluded|reached|announced)\b", re.I),
    # a document acted under, or one only hoped for ("promised to soon sign", "looking forward to
    # an early signing", "is likely to see the signing of"): no signing is reported
    agreement_not=re.compile(r"\b(?:implement\w*|under|existing|in line with|based on|pursuant|amending|continuing|"
                             # a document put to work or valued, not signed ("realise the MoU", "under the
                             # terms of the trade pact", "highlighting the importance of the agreement")
                             r"carr(?:y|ies|ied|ying) out|realis\w*|realiz\w*|"
                             r"bring\w* into (?:full )?play|importance of|(?:terms|provisions) of|"
                             # "has signed and put into force an FTA": a document long in force, no new signing
                             r"(?:put|brought|entered|came) into force|"
                             r"promis\w* to|vow\w* to|hop\w* to|look\w* forward to|early|soon|(?:is|are) likely to|"
                             r"could|would|might|aim\w* to|seek\w* to|wish\w* to|"
                             # a document still to be drafted or negotiated ("should build an action plan",
                             # "the plan to come up with a rice agreement", "finalising negotiations on")
                             r"should|must|needs? to|plans? to|come up with|draft\w*|negotiat\w*(?: on| for)?|"
                             r"finali[sz]\w*)\b(?:\s+\S+){0,4}"
                             # the capitalised words of a named document do not count ("... on the
                             # much-anticipated EU-Vietnam Free Trade Agreement")
                             r"(?:\s+(?-i:[A-Z])[\w-]*)*\s*$"
                             # "is likely to see the signing of several major agreements": a forecast
                             r"|\b(?:is|are|was|were)\s+(?:likely|expected)\s+to\s+see\b(?:\s+\S+){0,7}\s*$", re.I),
    # "the agreements reached by the leaders": common understandings; "an agreement was reached to maintain
    # dialogue": an intention
    agreement_not_after=re.compile(r"^(?:agreements|accords|deals)\s+(?:\w+\s+){0,2}?reached\s+(?:by|between|at|during)\b"
                                   r"|^\w+\s+(?:was|were|has\s+been|had\s+been)\s+reached\s+to\s+\w+", re.I),
    # "proposed that the two countries negotiate and sign accords", "looking forward to an early signing
    # and ratification of", "refused to sign", "is likely to see the signing of": no signing reported
    signing_hoped=re.compile(r"\b(?:propos\w*|suggest\w*|look\w* forward to|hop\w* (?:to|for)|wish\w* to|"
                             r"call\w* for|urg\w*|refus\w* to|declin\w* to|(?:is|are|was|were) likely to|"
                             r"expected to see|should|early|aim\w* to|seek\w* to|push\w* for)\b[^.;:!?]{0,60}$", re.I),
    list_word=re.compile(r"^(?:includ\w*|as follows)$", re.I),
    # "the RAA deal", "The comprehensive partnership treaty signed today": a document named before
    # "the first such major agreement which Vietnam has signed": the same document, whatever follows
    doc_again_before=re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+"
                                r"(?:(?!(?:new|first|second|another|other|next|latest|a|an|of|\d+)\b)[\w'’-]+\s+){0,3}$"
                                r"|\b(?P<such>such)\s+(?:[\w-]+\s+){0,2}$"),
    doc_again_after=re.compile(r"^(?!s\b)(?!\s*(?:\(|(?:on|for|of|between|with|to|in|regarding|concerning|"
                               r"covering|worth|that|which|under|and|or)\b))"),
    # "implementing their cooperation agreement signed in 2015": a past signing referred to with its time
    signed_dated_after=re.compile(r"^[^.;:]{0,100}?\b(?:signed|inked|concluded|reached|adopted|issued)\s+(?:on|in)\s+"
                                  r"(?:[\w,]+\s+){0,2}?(?:1[89]|20)\d\d\b"),
    two_leaders=re.compile(r"\b(?:[Tt]he two (?:leaders|PMs|Prime Ministers|Presidents|[Mm]inisters|sides' leaders)|"
                           r"[Bb]oth leaders|[Tt]he leaders|[Bb]oth PMs|[Tt]hey|[Tt]he host and (?:the )?guest|"
                           r"[Tt]he two (?:countries|nations)['’] leaders|"
                           r"[Tt]he two (?:heads of state|Foreign Ministers|Defence Ministers|Defense Ministers|"
                           r"Speakers))\b"),
    anaphoric_country=re.compile(r"\b(?:to|in|visiting)\s+the\s+(?:[\w-]+\s+){0,3}"
                                 r"(?:nation|country|kingdom|republic)\b"),
    modifier=re.compile(r"\b(?:envoy of|on behalf of|greetings from|regards from|led by|headed by|letter from|"
                        r"message from|invitation of)\s+"),
    remembered=re.compile(r"\blate\s+(?:[A-Z][\w-]*\s+){0,3}$"),
    nominal_before=re.compile(r"\b(?:at|during|after|following|before|in)\s+(?:the|their|these|this|that)\s+"
                              r"(?:bilateral\s+)?$|\b(?:after|following)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I),
    passive_agent=re.compile(r"\bby$", re.I),  # "A was received by B": B right after the trigger
    continued_list=re.compile(r"\s*(?:There (?:are|is|were|was) also|(?:It|They) also include|Also (?:signed|included)|"
                              r"Other documents)\b"),
    entourage=re.compile(r"\b(?:[Aa]ccompanied\s+by|[Aa]ccompanying\s+(?:him|her|them|the\s+\w+(?:\s+\w+)?)\s+(?:are|were|is|was)|"
                         r"(?:delegation|entourage)\s+(?:includes|included|including|comprising|comprises|comprised|"
                         r"consisting\s+of|consists\s+of)|members\s+of\s+the\s+(?:delegation|entourage)\s+(?:are|were|include))\b"),
)

# What English adds to the cues tried on every article (pipeline/stages/frame_cues.py).
SHARED = SharedCueWords(
    said_after=r"\s*,?\s*(?:said|says|announced|told|confirmed|stated|reported|declared)\b",
    said_before=(r"\b(?:announced|said|told\s+\w+|stated|confirmed|reported|declared|wrote)"
                 r"(?:\s+(?:in\s+a\s+statement|late|early|earlier|on|the\s+(?:morning|afternoon|evening|night)\s+of))*"
                 r"|\b[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|announcement|press\s+release|post|"
                 r"interview|letter|message|speech)(?:\s+(?:on|issued|released|published))*"),
    said_before_day="",
    past_day_words=(),
    holiday=r"anniversary|National Day|Independence Day",
    period_start=(r"\bsince|established|establishment of|founded|took office|taking office|assumed office|"
                  r"elected|election"),
    object_stop=r"said|says|quoted|according|as saying|told|to discuss|in order to|who|which|while|after|before",
    generic_doc_quantity=r"several\s+|a number of\s+|important\s+",
    generic_doc_modifier=r"cooperation\s+",
    generic_doc_heads=r"documents|deals|agreements",
    today=r"today|yesterday",
    pronoun_head=r"He|She|The (?:Party chief|Vietnamese|host|guest)|During",
    pronoun_clause=(r"(?:,\s*|\b(?:where|when|and|after\s+which)\s+)(?:he|she)\s+"
                    r"(?:(?:will|would|also|then|is\s+to|is\s+due\s+to|is\s+scheduled\s+to)\s+)*$"),
    title_end=(r" and (?:a|an) |, (?:which|contributing)|"
               r",? (?:on|during|at|in the presence of) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
               r"the sidelines|his|her|their|[A-Z][a-z]+ \d)|, (?:during|at|in) |, (?!and\b)(?=[a-z])"),
    split_counted_list=split_counted_list,
)
