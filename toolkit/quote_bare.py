"""A reported clause without "that": the words a reporting verb takes as its clause directly
('X said the talks went well', 'X announced on Twitter the agency was to investigate', 'X told
reporters they would ...', 'X said on the merits, Africa had ...', 'X emphasized: all obstacles
... must be removed', an indirect question: 'X asked Y whether ...', a finding's small clause:
'a poll found Clinton leading Trump'), told from an object ('X noted the increased attention',
'X explained how ...'). :mod:`toolkit.quote_reported` reads the reports of a sentence with it.
"""

from __future__ import annotations

import re

from toolkit.quote_finite import IRREGULAR_PAST, PAST_ONLY, finite_clause
from toolkit.quote_heads import SAID_IN
from toolkit.quote_sources import DAY as _DAY
from toolkit.quote_subjects import AUXILIARY
from toolkit.speakers import UPPER

__all__ = ["SHORT_CLAUSE", "bare_clause"]

# a short clause that opens with a pronoun and its verb: "said it was fine", "she agreed",
# "This time, he said, it will work" (quote_asides reads the same after an aside)
SHORT_CLAUSE = r"(?:he|she|they|it|we|I|there)(?:\s+|['’](?=[a-z]))[a-z’']{2,}.*?"

# a phrase of when or where between "said" and a clause with a pronoun subject and a finite
# verb ("said after the convention he would not accept", "said in Minsk they had agreed")
_PP_BEFORE_PRONOUN = (
    r"\s+(?:after|before|during|at|in|on|for)\s+(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+"
    r"(?=\s+(?:he|she|they|we|I|there)(?:['’](?:s|re|d|ll|ve)|\s+(?:is|was|are|were|would|will|"
    r"could|can|had|has|have|should|must|might|may|did|does|do|[a-z]+ed))\b)"
)
# a clause right after "said" or "added", not a phrase ("said in", "said nothing")
# (also after a day: "said on Wednesday he did not want ...", "said Friday afternoon, as they
# ...": no clause)
_BARE_CLAUSE = re.compile(
    rf"(?:\s+(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|\s+yesterday|\s+today|"
    rf"{_PP_BEFORE_PRONOUN})?"
    r"\s+(?!(?:in|on|at(?!\s+(?:least|most)\b)|to|after|before|during|following|amid|with|by|for|"
    r"of|about(?!\s+(?:\d|a\s|an\s|half|one|two|three|four|five|ten))|so|nothing|"
    r"little(?=[,.;]|\s+(?:about|of|on|to|in)\b)|"
    r"morning|afternoon|evening|night|"
    r"yes(?!\s+[a-z]+\s+[a-z])|no(?!\s+(?!to\b)[a-z]+\s+[a-z]))\b)"
    r"(?!(?:it|this)\b(?!['’](?:s|ll|d)\b|\s+(?:is|was|would|will|could|cannot|can|has|had|must|"
    r"should|might|did|"
    rf"does|{IRREGULAR_PAST}|[a-z]+ed|"
    r"[a-z]{2,}[^s\W]s)(?:n['’]t)?\b"  # ("said it wants", "said it gave", "said it's", "said
    # it wouldn’t", not "said it")
    r"|(?:\s+(?!(?:when|if|because|while|as|after|before|since|he|she|they|we)\s)[a-z]+"
    r"(?:['’]s)?){1,3}\s+(?:is|was|are|were|will|would|could|can|has|had|[a-z]+ed|"
    r"[a-z]{2,}[^s\W]s)\b))"
    # ("said this choice makes", "said this year's elections were")
    rf"(?!{_DAY}(?!['’]s)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"([\"“]?[a-zA-Z].{15,}?|\d[\d,.]*%?\s+[a-zA-Z].{12,}?"
    rf"|{SHORT_CLAUSE})[.!?]?$"
)
# (a clause may open with a quoted word, a mixed quotation: 'said "civil nomination" dilutes')
# (a clause may open with "at least" or a number: "said at least 18 people had been injured",
# "said 18 people had", "said 40% of voters are"; and with "it" before a verb in the past:
# "said it made the decision")
# where or when it was said, between the verb and its clause ("announced on Twitter the
# agency ...", "said in a statement on Monday the ..."): blanked, offsets kept
_LEAD_ADJUNCTS = re.compile(
    rf"(?:\s+(?:on\s+(?:Twitter|Facebook|Instagram|Telegram|Weibo|X|social\s+media|{_DAY})"
    rf"|(?:in|at)\s+(?:a|an|the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:{SAID_IN})"
    r"|yesterday|today|earlier|later|also)(?=\s))+"
)
# a noun phrase and a verb alone: a relative clause on the noun before it, no clause
_RELATIVE_AFTER = re.compile(r"\s*(?:the|an?|his|her|its|their)\s+(?:\S+\s+){1,3}[a-z]+\W*")
# two noun phrases before the first auxiliary: an object and a relative clause on it without
# "that" ("noted the increased attention the ministry has paid to schools"), no clause
_TWO_NOUN_PHRASES = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|this|these|those)\s+(?:[\w’'\-]+\s+){1,3}?"
    r"(?:the|a|an|his|her|its|their|this|these|those)\s+(?:[\w’'\-]+\s+){1,3}?"
    r"(?:is|are|was|were|has|had|have|will|would|could|can|should|may|might|must|did|does|do)\b"
)
# a clause's subject that is a name: capitalised words, then (after an appositive in commas) a
# word in lower case
_NAME_SUBJECT = re.compile(
    rf"\s+(?:[{UPPER}][\w’'\-]+\s+){{0,3}}[{UPPER}][\w’'\-]+(?<![’']s)"
    r"(?:,[^,;:\"“”]{3,60},)?\s+[a-z]"
)  # (not a possessive: "reiterated Russia's demands made earlier" is an object)
# a clause whose subject is a noun phrase with a determiner and whose verb a past form that is
# no participle ("the email came", not "the progress made in the talks")
_IRREGULAR_CLAUSE = re.compile(
    r"\s+(?:the|a|an|this|that|these|those|his|her|its|their)\s+"
    rf"(?:(?!(?:and|or|but)\b)[\w’'\-]+\s+){{1,3}}?(?:{PAST_ONLY})\b"
)
# a question word that opens what a verb takes: a question or a way, no report ("explained how
# they are protecting the coastline")
_WH_WORD = re.compile(r"\s+(?:how|why|what|when|where|whether|which|who|if)\b")

# a clause with a pronoun subject right after a verb that otherwise needs "that": "noted there
# was", "announced it will" (not "noted the increased attention")
_PRONOUN_CLAUSE = re.compile(
    rf"\s+(?:there|it|he|she|they|we|I|(?:[{UPPER}][\w’'\-]+\s+){{0,2}}[{UPPER}][\w’'\-]+)"
    r"\s+(?:is|was|are|were|has|had|have|will|would|could|can|should|may|might|must|did|does|"
    r"do)\b"
)  # (or a name: "stressed Hong Kong should eliminate ...")
# whom one told, then a clause with a pronoun subject: "told the authorities he had ...",
# "told reporters they would ...", "told a news conference they are ..."
_TOLD_CLAUSE = re.compile(
    rf"\s+(?:(?:the|his|her|their|its)\s+)?(?:[a-z]+|(?:a|an|the)\s+[a-z]+\s+[a-z]+|"
    rf"[{UPPER}][\w’'\-]+(?:\s+[{UPPER}][\w’'\-]+){{0,3}}"  # ("told The Washington Post he")
    # (or a possessive's noun phrase: "told USA TODAY's weekly video newsmaker series it is")
    rf"(?:['’]s(?:\s+[a-z]+){{1,4}})?)"
    # (and the name's place and when it was told: "told The Star-Ledger of Newark last week")
    rf"(?:\s+of\s+[{UPPER}][\w’'\-]+)?(?:\s+(?:on\s+)?{_DAY}|\s+(?:last|this)\s+(?:week|month)|"
    r"\s+yesterday)?"
    r"\s+((?:he|she|they|it|we|I|there)\s+(?!to\b)[a-z]+\b.{8,}?)[.!?]?$"
)
# whom one told, then a clause with a noun phrase for its subject: "told the press the officers
# claimed ...", "told The Jakarta Post radio broadcasts were being used ..." (a clause
# :func:`finite_clause` reads; after a capitalised name, one that opens in lower case)
_TOLD_NP_CLAUSE = re.compile(
    rf"\s+(?:(?:the|his|her|their|its|our|a|an)\s+)?"
    rf"(?:(?!(?:the|his|her|their|its|our|a|an)\b)[a-z]+|[{UPPER}][\w’'\-.]+"
    rf"(?:\s+[{UPPER}][\w’'\-.]+){{0,3}}(?=\s+[a-z]))\s+(?!(?:to|about|that|of|in|on|at|for)\b)"
    r"([^\"“”«»,;:\s].{14,}?)[.!?]?$"
)

# an indirect question after "asked" and whom it asked: "asked Trump how high the wall would
# be", "asked the minister whether he would resign", "asked if the talks ...": the question
# (whom it asked no verb, comma or quotation: "asked the audience to crowd" is a request)
_WHOM_WORD = r"\s+(?!(?:to|for|about|by|that)\b)[\w’'\-.]+"
_ASKED = re.compile(
    rf"(?:{_WHOM_WORD}(?:{_WHOM_WORD}){{0,5}}?)?"
    r"\s+((?:whether|if|how|what|why|when|where|who)\s(?:[^\"“”«»]|[“\"][^\"“”«»]{1,60}[”\"]){8,}?)"
    r"[.!?]?$"
)  # (a quoted phrase may end it: 'asked Trump if he would deport ... or just “the bad ones.”')
# a finding's small clause: a name and how it stands ("found Clinton leading Trump by 15
# points", "shows Sanders with 47 percent", "showed Mr. Trump ahead of Mr. Cruz")
_STANDING = re.compile(
    rf"\s+((?:(?:Mr|Mrs|Ms|Sen|Gov|Rep)\.\s+)?[{UPPER}][\w’'\-]+(?:\s+[{UPPER}][\w’'\-]+){{0,2}}"
    r"\s+(?:(?:leading|trailing|winning|beating|gaining|taking|moving|pulling|holding|edging|"
    r"surging)\s|(?:ahead|behind)\b|(?:tied|even|neck and neck)\s+with\b|with\s+(?:a\s+)?\d)"
    r".{4,}?)[.!?]?$"
)
# a clause after a reporting verb and a colon, with no quotation marks
_COLON_CLAUSE = re.compile(r"\s*:\s+([^\"“”«»‘\s][^\"“”«»]{14,}?)[.!?]?$")
_FINITE_WORD = re.compile(
    r"\b(?:is|are|was|were|will|would|must|should|can|could|has|have|had|may|might|need)\b"
)
# a prepositional phrase and a comma between "said" and its clause (not a main clause joined:
# "said on Saturday, and it has ...")
_PP_COMMA = re.compile(
    r"\s+(?:on|in|at|after|during|for|with|from|of)\s+[^,;:\"“”]{2,40},\s+"
    r"(?!(?:and|but|or)\s)([^\"“”\s].{14,}?)[.!?]?$"
)


def bare_clause(
    rest: str,
    lemma: str,
    lex: dict,
    *,
    noun: bool,
    subject: bool,
    named: bool,
    framed: bool,
    document: bool = False,
) -> re.Match | None:
    """The clause a reporting verb (``lemma``) takes without "that" in ``rest``, the words after
    it: its match, the clause its first group; None where they are no such clause.

    Args:
        noun: the verb's form may be a plural noun ("reports", "claims").
        subject: the verb's subject is one no speaker list names (it reports only a clear clause).
        named: a speaker phrase is the verb's subject (a clause after a colon is theirs).
        framed: a quotation mark stands before the verb in its sentence (a quotation's frame).
        document: the verb's subject is a report, a study or a poll, which has no object a
            clause in a regular past could be ("Early reports suggested police used ...").
    """
    if lemma in lex["findings"] and not noun and (standing := _STANDING.match(rest)):
        return standing  # (not "A new poll shows Trump far out in front": no standing word)
    if lemma in ("say", "add"):
        # (a pronoun subject before a mixed quotation reads as before its words: 'said it
        # “cannot confirm or deny employment,”')
        mixed = re.match(r"\s+(?:it|this|they|he|she|we)\s+[\"“]", rest)
        bare = _BARE_CLAUSE.match(re.sub(r"[\"“”]", " ", rest) if mixed else rest)
        if bare and lemma == "add" and bare.group(1)[0].isdigit():
            bare = None  # "Investment added 7.6 percent": a rise, no report
        # (a mixed quotation's marks are no words: 'says Kaine “has a passion for ...”')
        plain = re.sub(r"[\"“”]", " ", rest)
        if bare and (subject or lemma == "add") and not finite_clause(plain, past=True):
            bare = None  # "The issue says something about ...", "Daimler has added an
            # assembly line for buses": an object, no clause
        lead = None if bare else _LEAD_ADJUNCTS.match(plain)
        if lead:  # "said in a statement the AP report merits ...": where, then a clause
            plain = " " * lead.end() + plain[lead.end() :]
            clause = finite_clause(plain[lead.end() - 1 :], past=True)
            bare = _BARE_CLAUSE.match(plain) if clause else None
            if bare and _RELATIVE_AFTER.fullmatch(bare[1]):
                bare = None  # ("said in a statement the ministry released.": its relative)
        if bare:
            return bare
    if lemma in lex["bare_clause"] and not noun:
        # "claimed they had seen", "believes overpasses are", "announced on Twitter the agency
        # was to investigate"
        lead = _LEAD_ADJUNCTS.match(rest)
        plain = " " * lead.end() + rest[lead.end() :] if lead else rest
        if (
            (
                finite_clause(plain)
                # a name for the clause's subject, then any verb ("claimed Joe Biden only won",
                # "reported Adil Abdul-Mahdi, the caretaker Prime Minister, recommended"): an
                # object would not be a name and a verb
                or ((_NAME_SUBJECT.match(plain) or document) and finite_clause(plain, past=True))
                # or a noun phrase and a past that no participle shares ("reported the email
                # came hours after ...", not "noted the increased attention")
                or _IRREGULAR_CLAUSE.match(plain)
            )
            and not _WH_WORD.match(plain)
            and not _TWO_NOUN_PHRASES.match(plain)
            # ("it" opens a clause only after a subject a list names: "Amazon reported it
            # sold"; not "... threatened over false claim it donated")
            and not (subject and re.match(r"\s+it\s", plain))
            and (bare := _BARE_CLAUSE.match(plain))
        ):
            return bare
    if lemma in lex["need_that"] and _PRONOUN_CLAUSE.match(rest):
        bare = _BARE_CLAUSE.match(rest)  # "noted there was a disconnect", "announced it will"
        if bare:
            return bare
    if lemma == "ask" and not noun:
        asked = _ASKED.match(rest)  # "asked Trump how high the wall would be"
        question = asked.group(1) if asked else ""
        if (
            asked
            and not re.match(r"\w+\s+(?:\w+\s+)?to\s", question)
            and re.search(rf"\b(?:{AUXILIARY}|{IRREGULAR_PAST}|[a-z]+ed)\b", question)
        ):
            return asked  # (a question with its own verb: not "asked what to do")
    if lemma == "tell":
        told = _TOLD_CLAUSE.match(rest)  # "told the authorities he had the e-mails"
        if told:
            return told
        told = _TOLD_NP_CLAUSE.match(rest)
        # (a quotation mark inside is no word: 'told reporters the council “is very much ...')
        words = " " + re.sub(r"[\"“”]", "", told.group(1)) if told else ""
        if (
            told
            and finite_clause(words, past=True)
            and not _WH_WORD.match(words)
            and not re.search(r"\b(?:who|which|that|whom)\b", words[:60])
            and not re.match(r"\s\S+\s+to\s", words)  # ("told the Chinese government to")
        ):
            return told  # "told the press the officers claimed to be seeking a bomb"
    if lemma in ("say", "add"):
        # "Mr. Rhodes said on the merits, Africa had transformed itself ...": a phrase and a
        # comma, then a finite clause
        pp = _PP_COMMA.match(rest)
        if (
            pp
            and finite_clause(" " + pp.group(1), past=True)
            and not framed
            and not re.search(r"\b(?:which|whom|whose)\b", " ".join(pp.group(1).split()[:6]))
        ):
            return pp
    if named:
        # "Iryna Vereshchuk emphasized: all obstacles ... must be removed": a named speaker's
        # clause after a colon, no quotation marks
        colon = _COLON_CLAUSE.match(rest)
        if colon and _FINITE_WORD.search(colon.group(1)):
            return colon
    return None
