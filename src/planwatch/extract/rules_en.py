"""English vocabularies for clause resolution: change words, tense and fact markers, projections, funding,
commitment wording and rate units.

Word lists only (compiled regexes); the rules that use them are in :mod:`.measure`, :mod:`.classify` and
:mod:`.resolve`. Comparator words are in :mod:`.comparators`, time expressions in :mod:`.years`.
"""

from __future__ import annotations

import re

from .patterns import YEAR

# ---- direction of a change and measure ("cut by 40%", "grow 7.5% a year", "to 26% below 2005 levels")
EN_REDUCE = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion|tions)|cut(?:s|ting)?|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
    r"fall(?:s|en|ing)?|fell|declin(?:e|es|ed|ing)|shrink(?:s|ing)?|slash(?:es|ed|ing)?|curb(?:s|ed|ing)?|"
    r"down|less|lessen(?:ing)?|abate(?:ment)?|diminish(?:ing)?)\b",
    re.I,
)
EN_REDUCE_AFTER = re.compile(
    r"\s*(?!(?:or|and)\b)(?:[A-Za-z-]+\s+){0,2}?(?:reduction|cut|decrease|decline|drop|fall|lower|less)\b",
    re.I,
)
EN_REL_LEVEL = re.compile(
    rf"\s*(?P<d>below|under|lower\s+than|above|over|higher\s+than)\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?:{YEAR}|baseline|base[\s-]year)\b",
    re.I,
)
EN_GROW = re.compile(
    r"\b(?:increas(?:e|es|ed|ing)|ris(?:e|es|ing)|grow(?:s|th|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
    r"expand(?:s|ed|ing)?|improv(?:e|es|ed|ing)|up|higher|more|gain)\b",
    re.I,
)
# A change verb that governs a distant "by N%" in the same sentence: "reduce the use of A, the loss of B and
# the sale of C by 40%", "cut A by 15%, B by 25% and C by 50%", "decrease, compared with 2015, A by 20%".
# Only finite / infinitive / -ing forms: "reduced" is too often an adjective ("reduced tariffs").
EN_REDUCE_VERB = re.compile(
    r"\b(?:reduc(?:e|es|ing)|cut(?:s|ting)?|lower(?:s|ing)?|decreas(?:e|es|ing)|slash(?:es|ing)?|"
    r"curb(?:s|ing)?|bring(?:s|ing)?\s+down|fall(?:s|ing)?|drop(?:s|ping)?|declin(?:e|es|ing))\b",
    re.I,
)
EN_GROW_VERB = re.compile(
    r"\b(?:increas(?:e|es|ing)|rais(?:e|es|ing)|grow(?:s|ing)?|boost(?:s|ing)?|expand(?:s|ing)?|"
    r"lift(?:s|ing)?|ris(?:e|es|ing))\b",
    re.I,
)
# comparator words that EN_GROW would read as a direction ("by more than 40%", "by up to 20%")
EN_CMP_WORDS = re.compile(r"\b(?:more|higher|greater)\s+than\b|\bup\s+to\b", re.I)
EN_TO_LEVEL = re.compile(
    r"\b(?:to|at)\s*(?:around|about|approximately|at\s+least|more\s+than|over|a\s+record|a|an|the)?\s*\Z",
    re.I,
)
EN_BY = re.compile(
    r"\bby\s*(?:around|about|approximately|roughly|some|nearly|at\s+least|more\s+than|over|up\s+to|"
    r"no\s+less\s+than|a\s+further|an\s+additional|a\s+total\s+of|a\s+further\s+)?\s*\Z",
    re.I,
)
EN_OF = re.compile(
    r"\bof\s*(?:around|about|approximately|roughly|some|at\s+least|more\s+than|over|up\s+to|"
    r"no\s+less\s+than)?\s*\Z",
    re.I,
)
EN_GROWTH_OF = re.compile(
    r"\b(?:growth|increase|rise|inflation)\s+(?:rate\s+)?of\s*(?:around|about|approximately|"
    r"at\s+least|over|more\s+than)?\s*\Z",
    re.I,
)
EN_ANNUAL = re.compile(
    r"\b(?:average\s+annual|annual\s+average|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|"
    r"year[\s-]on[\s-]year\s+average|annually|compound\s+annual|cagr)\b",
    re.I,
)
EN_GROWTH_NOUN = re.compile(r"\b(?:growth|increase|rise|inflation|cpi|expansion)\b", re.I)

# ---- past, facts, projections, funding and commitments
EN_PAST_VERB = re.compile(
    r"\b(?P<v>reached|was|were|hit|grew|rose|fell|increased|decreased|declined|dropped|totall?ed|amounted|stood|exceeded|"
    r"surpassed|achieved|recorded|broke|saw|registered|climbed|jumped|doubled|tripled|halved|accounted|generated|"
    r"created|invested|spent|attracted|received|signed|completed|reduced|lowered|expanded|grown|risen|fallen|"
    r"diagnosed|delivered|mobili[sz]ed|built|installed|deployed|trained|launched)\b",
    re.I,
)
EN_AUX_BEFORE_VERB = re.compile(
    r"\b(?P<a>be|been|being|to|will|shall|should|must|would|could|can|may|might|has|have|"
    r"had|is|are|am)\s+(?:(?:not|also|further|still|already|then|now|been|being|"
    r"[a-z]+ly)\s+){0,2}\Z",
    re.I,
)
EN_FACT_MARK = re.compile(
    r"\b(?:last\s+(?:year|month|week|decade|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|summer|winter|spring|autumn)|ago|so\s+far|to\s+date|as\s+of\s+(?:now|today|the\s+end\s+of\s+"
    r"(?:last|the\s+previous))|since\s+(?:19|20)\d\d|already|currently|at\s+present|now|today[’']s|previously|in\s+the\s+past|"
    r"there\s+(?:is|are|were|was)\b(?!\s+(?:also\s+)?an?\s+(?:[\w-]+\s+){0,2}(?:requirements?|targets?|goals?|"
    r"obligations?|sub-?targets?|mandates?|caps?|limits?)\b)|ranges?\s+from|varies|vary|has\s+risen|have\s+risen|record\s+levels?)\b",
    re.I,
)
EN_PROJECTION = re.compile(
    r"\b(?:projected|projections?|forecasts?|forecasted|estimated|estimates?|could|would|might|likely|"
    r"(?:we|they|analysts|experts|it\s+is)\s+(?:expect|expects|anticipate|anticipates|predict|predicts)|"
    r"set\s+to\s+(?:increase|rise|grow|fall|decline|double|reach)|on\s+track|potential(?:ly)?|equal\s+to|"
    r"equivalent\s+(?:to|of)|enough\s+to|the\s+equivalent)\b",
    re.I,
)
EN_PAST_ACT = (
    r"(?:agreed|adopted|announced|published|launched|decided|proposed|presented|set\s+out|signed|approved|"
    r"endorsed|unveiled|introduced|released|issued)"
)
EN_GOAL_NOUN = re.compile(r"\b(?:goals?|targets?|commitments?|ambitions?|pledges?|objectives?|aims?)\b", re.I)


EN_EFFECT_START = re.compile(
    r"^\W*(?:this|these|that|those|it|which|such)\b(?:\s+\w+){0,3}?\s+(?:will|would|could|can|is\s+expected\s+to)\s+"
    r"(?:also\s+|help\s+(?:to\s+)?)?(?:support|create|generate|power|save|avoid|deliver|bring|lead\s+to|result\s+in|cut|"
    r"reduce|lower|provide|mobili[sz]e|unlock|leverage|attract|sustain|add|boost|remove|prevent)\b",
    re.I,
)
EN_FUNDING = re.compile(
    r"\b(?:invest(?:s|ed|ing|ments?)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|budgets?|allocat(?:e|es|ed|ing|ion)|"
    r"grants?|mobili[sz](?:e|es|ed|ing)|packages?|envelopes?|spend(?:s|ing)?|subsid(?:y|ies|ise|ize)|"
    r"loans?|support(?:ing)?\s+of|commitments?\s+of|commit(?:s|ted)?\s+(?:[$€£]|\w+\s+[$€£]))\b",
    re.I,
)
EN_FUNDED_BY = re.compile(
    r"\b(?:supported|financed|funded|backed|co-?financed|co-?funded|paid\s+for|underpinned)\s+(?:by|with|through)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:total\s+)?(?:investment|budget|envelope|allocation|contribution)s?\s+of\s+)?"
    r"(?:some\s+|around\s+|about\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+|up\s+to\s+)?[$€£]?\s*\Z",
    re.I,
)
EN_FUNDS_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:of|in|from)\s+(?:[\w-]+\s+){0,3}?(?:funds?|funding|financing|investments?|grants?|"
    r"loans?|budget|money|subsidies)\b",
    re.I,
)
EN_MONEY_GOAL = re.compile(
    r"\b(?:aims?|aiming|targets?|targeting|goals?|objectives?|ambitions?)\b[^.;]{0,60}?"
    r"\b(?:mobili[sz]\w*|attract\w*|rais\w*|leverag\w*|reach\w*|secur\w*|generat\w*)\b",
    re.I,
)
EN_TARGET_LEVEL_VERB = re.compile(
    r"\b(?:increas\w*|rais\w*|boost\w*|grow\w*|lift\w*|expand\w*)\b[^.;]{0,80}\bto\s*(?:a\s+record\s+|around\s+|about\s+)?\Z",
    re.I,
)
EN_STRONG = re.compile(
    r"\b(?:targets?|targeting|goals?|aims?\s+(?:to|at|for)|aiming|ambitions?|objectives?|missions?|pledges?|pledged\s+to|"
    r"commit(?:s|ted)?\s+to|commitments?|plans?\s+to|planned|seeks?\s+to|strives?\s+to|striving|intends?\s+to|"
    r"ensur(?:e|es|ing)|shall|should|must|will\s+(?:have|be|reach|exceed|increase|rise|grow|fall|drop|decline|account|"
    r"make|double|cut|reduce|deploy|install|build|create|train|achieve|diagnose|survive|lead|hit|maintain|remain|keep|"
    r"stay|hold|provide|deliver|see|need|require)|calls?\s+for|proposes?|proposing|requires?\s+that|is\s+to|are\s+to|"
    r"to\s+be\s+(?:reached|met|achieved|attained|delivered|completed))\b",
    re.I,
)
EN_FRAMING = re.compile(
    r"\b(?:targets?|goals?|aims?\s+to|ambitions?|objectives?|pledges?|commit(?:s|ted)?\s+to|"
    r"plans?\s+to|will|shall|should|must)\b",
    re.I,
)
EN_REPORTED = re.compile(
    r"^[^,;:.]{0,60}?\b(?:said|says|told|reported|indicated|believed?|thought|responded|"
    r"answered|would|could|might)\b",
    re.I,
)
EN_SURVEY = re.compile(
    r"\b(?:respondents|interviewees|(?:those|people|adults|firms|companies|businesses)\s+"
    r"(?:surveyed|polled|asked|questioned)|(?:survey|poll)\s+(?:found|showed|shows|suggests))\b",
    re.I,
)
EN_CUE = re.compile(
    r"\b(?:will|shall|should|must|to|aim\w*|target\w*|goal\w*|plan\w*|by|reach\w*|exceed\w*|achiev\w*|maintain\w*|"
    r"increas\w*|rais\w*|boost\w*|cut\w*|reduc\w*|doubl\w*|halv\w*|deploy\w*|install\w*|build\w*|ensur\w*|"
    r"at\s+least|more\s+than|over|about|around|approximately|within|min|up\s+to|less\s+than)\b",
    re.I,
)
EN_DURATION_BEFORE = re.compile(
    r"\b(?:for|lasting|spanning|over)\s+(?:about\s+|around\s+|at\s+least\s+|more\s+than\s+|"
    r"up\s+to\s+|over\s+)?\Z",
    re.I,
)
EN_BASELINE_BEFORE = re.compile(
    r"\b(?:from|up\s+from|down\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
    r"(?:the\s+)?(?:current\s+|existing\s+|previous\s+|today['’]s\s+)?(?:level\s+of\s+)?"
    r"(?:around\s+|about\s+)?\Z",
    re.I,
)
EN_ADJ_FACT = re.compile(
    r"\b(?:current(?:ly)?|existing|present|today['’]s|previous)\s+(?:\w+\s+){0,2}\Z", re.I
)


# words in -ed that are adjectives, not a past-tense narration ("proposed", "installed"); and the wording that
# makes a sentence about the future or a commitment
EN_ADJ_ED = {
    "proposed",
    "expected",
    "based",
    "targeted",
    "dedicated",
    "advanced",
    "integrated",
    "renewed",
    "limited",
    "united",
    "related",
    "detailed",
    "combined",
    "skilled",
    "planned",
    "increased",
    "reduced",
    "improved",
    "enhanced",
    "employed",
    "installed",
    "connected",
    "distributed",
    "certified",
    "qualified",
    "committed",
    "interested",
    "concerned",
    "required",
    "needed",
    "added",
    "estimated",
    "projected",
    "regulated",
    "protected",
    "organised",
    "organized",
    "automated",
    "diversified",
    "decentralised",
    "decentralized",
    "accelerated",
    "sustained",
    "balanced",
    "shared",
    "coordinated",
    "networked",
    "recycled",
    "supported",
    "funded",
    "subsidised",
    "subsidized",
    "licensed",
}
EN_MODAL = re.compile(
    r"\b(?:will|shall|should|must|aims?|aiming|targets?|goals?|plans?\s+to|commit\w*|pledge\w*|ambitions?|"
    r"objectives?|missions?|ensur\w+|to\s+be|is\s+to|are\s+to|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|"
    r"strive\w*|seek\w*|intend\w*|want|wants)\b",
    re.I,
)

# ---- rate units and scopes
EN_RATE = [
    (
        re.compile(
            r"\bper\s+10,?\s?000\s+(?:employed|employees|workers|people\s+employed|persons\s+employed|"
            r"employed\s+persons|employed\s+people|labou?r\s+force)",
            re.I,
        ),
        "per 10,000 employed",
    ),
    (
        re.compile(r"\bper\s+10,?\s?000\s+(?:people|population|inhabitants|residents|persons|capita)", re.I),
        "per 10,000 population",
    ),
    (
        re.compile(r"\bper\s+100,?\s?000\s+(?:people|population|inhabitants|residents|persons)", re.I),
        "per 100,000 population",
    ),
    (
        re.compile(
            r"\bper\s+1,?000\s+(?:people|population|inhabitants|residents|persons|live\s+births|births)", re.I
        ),
        "per 1,000 population",
    ),
]
EN_PER_HOUSEHOLD = re.compile(r"\bper\s+(?:(?P<n>\d[\d,]*)\s+)?households?\b", re.I)

# ---- documents and sentences that report rather than commit
EN_FACT_DOC = re.compile(
    r"\b(?:statistical\s+(?:bulletin|release|communiqu[eé])|annual\s+statistics|statistics\s+release)\b", re.I
)
EN_ANALYSIS = re.compile(
    r"\b(?:found|concluded|warned|recommended|calculated|estimated|argued|modelled|modeled)\s+that\b", re.I
)

# words before a duration that make it a target ("within 3 days", "cut … to 2 hours")
EN_TIME_CUE = re.compile(
    r"\b(?:within|to|reach\w*|at\s+least|at\s+most|no\s+more\s+than|less\s+than|more\s+than|over|"
    r"under|up\s+to|by|of|cut\w*|reduc\w*|increas\w*|extend\w*|rais\w*|maximum|minimum|"
    r"about|around|approximately)\s*(?:\w+\s+){0,1}\Z",
    re.I,
)
