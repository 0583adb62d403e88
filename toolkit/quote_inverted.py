"""The speaker right after an inverted reporting verb ('"...," said X, the ...', '..., said
a statement from the Foreign Ministry'): a role and the name after it, one of a group, a
document and whose it is, a name before a second verb or a relative clause.
:mod:`toolkit.quote_frames` reads it after a quotation, :mod:`toolkit.quote_ends` after the
clause it reports.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = '"We agreed," said Vladimir Putin (pictured).'
    >>> a, b = inverted(text, 17, len(text), lexicon())
    >>> text[a:b]
    'Vladimir Putin'
"""

from __future__ import annotations

import re

from toolkit.quote_subjects import noun_phrase, without_parenthetical
from toolkit.speaker_offices import SPEAKS_FOR
from toolkit.speaker_titles import name_of
from toolkit.speakers import DAY, GIVEN_NAME, UPPER, is_person, speaker_phrase, word_spans

__all__ = ["ASIDE", "DOCUMENT_OF", "inverted"]

# after an inverted verb, a role in lower case before the name: "said her lawyer, Vítor ..."
_ROLE_WORD = rf"(?:[a-z][\w’'-]*|[{UPPER}][\w’'.-]*)"
_ROLE_BEFORE_NAME = re.compile(
    rf"\s+(?:his|her|their|its|our|my|the|a|an|one|another|(?:[{UPPER}][\w’'.-]*\s+){{0,3}}[{UPPER}][\w-]*['’]s)"
    rf"(?:(?:\s+[a-z\d][\w’'-]*){{1,6}}|(?:\s+{_ROLE_WORD}){{0,4}}\s+[a-z][\w’'-]*"
    rf"(?:\s+(?:at|of|for|in|with)\s+(?:the\s+)?[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*){{0,3}})?)"
    rf",\s+(?=(?:the\s+)?[{UPPER}])"
)  # (also after a possessive name: "said New York City’s comptroller, John Liu"; a body's name
# may open with "the": "said the main opposition group, the National Salvation Front"; a
# possessive name with its title: "said Mr. Paul’s chief digital strategist, Vincent Harris";
# capitalised words in the role, and where it is held: "said another Twitter user, Johanna
# Bayer", "said his best friend at Lehigh, Bruce Turry"; an age: "said a 45-year-old
# shopkeeper, Esmatullah Baghrani")


# a bare role in lower case right before the name, no determiner: "said student protester
# Joshua Wong", "wrote herpetologist David Blackburn"; after a number or a capitalised
# modifier too ("said 9/11 widow Terry Strada", "said 34-year-old ...", "said Republican
# strategist John Feehery", "said Nobel laureate ..."); a role with its "of" ("said chief of staff
# Reince Priebus", "said master of ceremonies Asab Al-Tabchi")
_BARE_ROLE = re.compile(
    r"\s+(?!(?:his|her|their|its|the|a|an|one|another|and|or|but|who|which|that|in|on|at|to|"
    r"of|for|by|with|from|after|before|during|while|also|then|now|later)\b)"
    rf"(?:(?:\d[\w/\-]*|[{UPPER}][a-z]+)\s+)?"
    rf"(?:[a-z][a-z\-]+\s+(?:of\s+[a-z]+\s+)?){{1,2}}(?=[{UPPER}][\w’'\-]+\s+[{UPPER}])"
)


# one of an office holder's staff: the name after the office is the holder's
_STAFF_OF = re.compile(rf"\b(?:{'|'.join(SPEAKS_FOR)})\s+(?:for|to)\s")


# one of a group after an inverted verb, and what it is in an appositive: "said one of the
# officials, a senior military officer."
_ONE_OF = re.compile(
    r"\s+((?:one|another)\s+of\s+(?:the|his|her|their|its|those|these|my|our)\s+"
    r"(?:[\w\-’']+\s+){0,2}([a-z]+s))\b"
    rf"(?:,\s+(an?\s+[a-z][a-z\s\-]{{2,60}}?|[{UPPER}][\w’'\-]+(?:\s+[{UPPER}][\w’'\-]+){{0,3}})"
    r"(?=[,.;]))?(?=[\s,.;])"
)  # (or the one's name: "said another of the Ahmed daughters, Tofa, 58.")
# one of those just spoken of and the one's name: "asked one, Burcu Baran, 30."
_ONE_NAMED = re.compile(
    rf"\s+(?:one|another),\s+([{UPPER}][\w’'\-]+(?:\s+[{UPPER}][\w’'\-]+){{1,3}}"
    rf"(?:\s+of\s+(?:the\s+)?[{UPPER}][\w’'\-]+(?:\s+[{UPPER}][\w’'\-]+){{0,3}})?)(?=[,.;])"
)  # (and where the one is from: "said one, Senator Lindsey Graham of South Carolina, who")


# a document and its owner's capitalised name after an inverted verb: "said an article in
# People's Daily", "said a statement from the Foreign Ministry", "said a report by the IMF"
DOCUMENT_OF = re.compile(
    r"\s+((?:an?|the)\s+(?:[a-z\-]+\s+)?(?:article|editorial|commentary|statement|report|study|"
    r"survey|analysis|column)\s+(?:in|by|from|of)\s+(?:the\s+)?"
    rf"[{UPPER}][\w'’.\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[{UPPER}][\w'’.\-]*)*)"
    r"(?=[\s,.;:!?]|$)"
    # or put out, and when or by whom, up to the sentence's end: "said a statement released
    # after the meeting", "said a statement issued by the ministry on Monday"
    r"|\s+((?:an?|the)\s+(?:[a-z\-]+\s+)?(?:statement|report|communique|editorial|letter)\s+"
    r"(?:released|issued|published|posted|sent|signed|adopted)\s"
    r"(?:[^.;:!?\"“”]|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.){3,80})(?=[.!?])"  # ("regarding Mr.")
)


# one described and the name given after it, in commas: "said the well-dressed manager, who
# gave only his first name, Viktor, ..."
_DESCRIBED = re.compile(
    rf"\s+((?:the|a|an|one|another)\s[^,.;:!?\"“”()]{{1,60}}?){GIVEN_NAME.pattern}(?=[\s,.;:!?]|$)"
)


# an aside in brackets of any length; one that closes the sentence after a word is no part
# of the speaker's name
ASIDE = r"\s\([^()\"“”]{1,160}\)"
_CLOSING_ASIDE = re.compile(rf"(?<=[\w.]){ASIDE}(?=[.!?](?:\s|$))")


def inverted(text: str, at: int, limit: int, lex: dict) -> tuple[int, int] | None:
    """The speaker right after an inverted verb ('..., said X, the ...'), up to a comma or a
    stop; None when the words there are no speaker phrase."""
    # 'said her lawyer, Vítor Manuel Parente Ribeiro.': a role in lower case (one no list
    # needs to hold), then the person's name in commas
    given = _DESCRIBED.match(text, at, limit)
    if given and noun_phrase(given.group(1), lex):
        return given.start(1), given.end()
    if lone := _ONE_NAMED.match(text, at, limit):
        return lone.span(1)
    one = _ONE_OF.match(text, at, limit)
    named = (one.group(3) or "")[:1].isupper() if one else False  # "another of ..., Tofa, 58."
    if one and (one.group(2) in lex["roles"] or named):  # 'said one of the officials, a senior
        # military officer.': the one the appositive describes or names, else one of the group
        return one.span(3) if one.group(3) else one.span(1)
    role = _ROLE_BEFORE_NAME.match(text, at, limit) or _BARE_ROLE.match(text, at, limit)
    if role:
        who = inverted(text, role.end(), limit, lex)  # a person's name, or a body's after
        body = role.group().rstrip(", ").split()[-1] in lex["organisations"]  # what it is
        if (
            who
            and _STAFF_OF.search(role.group())
            and (role.group().rstrip(", ").split()[-1].lower() in lex["offices"])
        ):  # 'said a spokeswoman for the island's leader, Ma Ying-jeou': the name is the
            # leader's, the speaker the one described
            return at + len(role.group()) - len(role.group().lstrip()), who[1]
        if who and (is_person(text[who[0] : who[1]], lex) or body):
            return who
    # a sentence that ends with no space after its stop ("Parente Ribeiro.He said") ends there
    # (nor does the speaker run into the quotation's next part: 'tweeted Johnson "to ...')
    ahead = r"(?<=[a-zß-ÿ])([.!?])(?=[A-Z•]).*|(?<=\w)\s*,?\s+[“\"«].*"
    # (a short parenthetical after a name is blanked, offsets kept: "said Rep. Gwen Moore
    # (D-Wis.)", a party and state; so is an aside of any length that ends the sentence:
    # 'said Mr. Burman (a view echoed by everyone I interviewed).')
    window = without_parenthetical(
        _CLOSING_ASIDE.sub(lambda m: " " * len(m.group()), text[at:limit][:250])[:80]
    )
    window = re.sub(r"(?<=[,.;:!?])[)\]]", " ", window)  # "said one activist.)": its stop
    # (where they are is no part of them: "said a journalist there who knew ...")
    window = re.sub(
        r"(?<=[a-z]) (?:here|there)(?=\s+who\b|[,.;]|$)", lambda m: " " * len(m[0]), window
    )
    after = []
    for x, y, w in word_spans(re.sub(ahead, lambda m: m.group(1) or ",", window, flags=re.S)):
        if after and re.fullmatch(r"[,.;:!?]", w) and y - x == 1 and window[x - 1] == " ":
            # the stop after a blanked parenthetical: the name's, as if it followed the name
            after[-1] = (after[-1][0], after[-1][1] + 1, after[-1][2] + w)
        else:
            after.append((x, y, w))
    ends = [i for i, (_, _, w) in enumerate(after) if re.search(r"[,.;:!?]$", w)
            and w not in lex["titles"] and not re.fullmatch(rf"(?:[{UPPER}]\.)+", w)]  # fmt: skip
    # (an initial, or initials joined, is no stop: "said V.V. Putin", "said Rep. G.K. Butterfield")
    cut = ends[0] if ends else None
    words = after[: cut + 1] if cut is not None else after[:4]
    if not words:
        return None
    last = words[-1]
    words[-1] = (last[0], last[1] - (re.search(r"[,.;:!?]$", last[2]) is not None),
                 re.sub(r"[,.;:!?]$", "", last[2]))  # fmt: skip
    got = speaker_phrase(words, lex)
    if got and got[0] == 0 and got[1] == len(words) and words[0][2]:
        return at + words[0][0], at + words[-1][1]
    if (got and got[1] == len(words) == got[0] + 1 == 2 and words[0][2][:1].isupper()
            and is_person(text[at + words[0][0] : at + words[-1][1]], lex)):  # fmt: skip
        return at + words[0][0], at + words[-1][1]  # 'said Henning Meyer.': a given name no
        # list holds, before the surname the phrase reads
    if got and got[1] == len(words) and _described_name(words, got[0], text, at, lex):
        return at + words[0][0], at + words[-1][1]  # 'said former Massachusetts
        # congressman Barney Frank.': the name after the words that describe it
    named = _NAME_OF.match(text, at + words[0][0], at + words[-1][1] + 1)
    if named and is_person(named.group(1), lex) and speaker_phrase(
            word_spans(named.group(1)), lex) == (0, len(named.group(1).split())):  # fmt: skip
        return at + words[0][0], at + words[-1][1]  # 'said Robert Antonacci of the New
        # York delegation.': a person and what the person is of
    # 'said Denys Shmyhal and assured that ...', 'said one American who attended': the
    # speaker before a second verb or a relative clause; 'said the 75-year-old, who ...'
    stop = next((i for i, (_, _, w) in enumerate(words) if i and (w == "who" or (
        w == "and" and i + 1 < len(after) and lex["verb"].fullmatch(after[i + 1][2])))),
        None)  # fmt: skip
    if stop and speaker_phrase(words[:stop], lex) == (0, stop):
        end = at + words[stop - 1][1]
        clause = re.match(r"\s+who\s[^,.;:!?\"“”]{3,120}", text[end:limit])
        if clause and not is_person(text[at + words[0][0] : end], lex):
            end += clause.end()  # "said a person who is involved in the decisions": described
        return at + words[0][0], end
    aged = re.match(r"the \d+-year-old\b", text[at + words[0][0] : limit])
    if aged:
        return at + words[0][0], at + words[0][0] + aged.end()
    # 'said an article in People's Daily on Monday': a document and whose it is, by its
    # capitalised name
    document = DOCUMENT_OF.match(text, at, limit)
    if document and document.group(2):
        return document.span(2)
    if document:  # (a stop that ends the sentence is no part of the name)
        return document.start(1), document.end(1) - document.group(1).endswith(".")
    # 'said Xi Jinping on Monday.': the speaker before an adjunct that ends the sentence
    # (or "for" the paper a name writes for: "wrote Cameron Easley for Morning Consult.")
    adjunct = next((i for i, (_, _, w) in enumerate(words) if i
                    and (re.fullmatch(r"on|in|at|during|while|after|before|yesterday|today|as|over|"
                                     r"recently|later|earlier|last|this|late|early|by|via|about", w)
                         or (w == "for" and words[i - 1][2][:1].isupper()))),
                   None)  # fmt: skip
    span = None
    verb = text[max(0, at - 20) : at].split()[-1:]  # (the inverted verb, as written)
    said = bool(verb) and verb[0].lower() in _SAID
    if cut is None and (adjunct is None or said):  # no stop near: 'said the Ukrainian Head of
        # State during a meeting with ... .'; a name before it after a verb of speaking: 'said
        # Volodymyr Zelenskyy during a meeting with media representatives ...' (not 'denies
        # Moscow’s in ...')
        near = next((i for i, (_, _, w) in enumerate(after[:8]) if i and re.fullmatch(
            r"during|while|after|at|in|over|recently|later|earlier", w)), None)  # fmt: skip
        span = _name_before(after, near, lex)
    elif (
        adjunct
        and cut is not None
        and words[-1][2]
        and (
            text[at + words[-1][1]] in ".!?"
            # (or a time's before a comma: 'said Rep. Bobby Scott at the time, adding that')
            or (text[at + words[-1][1]] in ",;"
                and all(w.islower() or re.fullmatch(DAY, w) for _, _, w in words[adjunct:]))
            # (or a place's before the quotation's next part: 'said Mr. Joyce at Free Legal
            # Advice Centers, “is that ...'; or a title: 'in the book "The Thing".'; or a
            # participle's clause: 'wrote columnist Liu Zhun in the Global Times, noting that')
            or re.match(r",?\s*[“\"]", text[at + words[-1][1] :])
            or (words[adjunct - 1][2][:1].isupper()  # (a name's, not a description's)
                and re.match(r",\s+[a-z]{3,}ing\s", text[at + words[-1][1] :]))
        )
    ):  # fmt: skip
        span = _name_before(words, adjunct, lex)
    if span:
        return at + span[0], at + span[1]
    # 'said Mr. Barroso from Teneo Intelligence, “...”': a name, "from" and an institution's
    # capitalised name (the resolver takes the name)
    link = next((i for i, (_, _, w) in enumerate(words) if w == "from"), None)
    org = words[link + 1 : link + 3] if link else []
    if org and (
        org[0][2][:1].isupper() or (org[0][2] == "the" and org[1:] and org[1][2][:1].isupper())
    ):
        got = speaker_phrase(words[:link], lex)
        titles, name = name_of(text[at + words[0][0] : at + words[link - 1][1]], lex)
        if got == (0, link) and name and all(t in lex["titles"] for t in titles):
            return at + words[0][0], at + words[-1][1]
        if got == (0, link) and words[0][2].lower() in ("a", "an", "the", "one"):
            return at + words[0][0], at + words[-1][1]  # 'said a critic from The Telegraph'
    # 'said one Spanish investigator.': a noun phrase after a determiner that ends the sentence
    # (or a role's, an appositive after it) speaks though no role list holds its head, with a
    # relative clause that describes it ('said a 74-year-old man who refused to give his name')
    head = words[:stop] if stop and words[stop][2] == "who" else words
    phrase = text[at + words[0][0] : at + head[-1][1]]
    # (what follows the phrase; the text's end ends its sentence as a stop does)
    ends = text[at + words[-1][1] :][:1] or "."
    if (cut is not None and 2 <= len(head) <= 12
            and (ends in ".!?" or (ends == "," and (words[-1][2].lower() in lex["roles"]
                                                    or _WHO.match(text, at + words[-1][1])
                                                    or (_APPOSITIVE.match(text, at + words[-1][1])
                                                        and verb != ["to"]))))
            and verb and not verb[0].endswith("ing")  # not 'announcing a renovation.'
            and words[0][2].lower() in ("a", "an", "one", "another", "the")
            and words[1][2] != "of"  # not 'said one of the cars.
            and noun_phrase(phrase, lex)):  # fmt: skip
        return at + words[0][0], at + words[-1][1]
    # (or before a clause of when or while it was said: 'said a taxi driver as we walked')
    told = next((i for i, (_, _, w) in enumerate(words[2:7], 2)
                 if w in ("as", "while", "after", "before", "when")), None)  # fmt: skip
    if (told and verb and verb[0].lower() in _SAID
            and words[0][2].lower() in ("a", "an", "one", "another", "the")
            and noun_phrase(text[at + words[0][0] : at + words[told - 1][1]], lex)):  # fmt: skip
        return at + words[0][0], at + words[told - 1][1]
    # (or before a participle that describes it, to the sentence's end: 'said one ... official
    # working on economic development in ...', 'said a poster designed by the group', 'said a
    # political scientist currently working in Egypt')
    part = next((i for i, (_, _, w) in enumerate(after[2:9], 2) if re.fullmatch(
        r"[a-z]{3,}ing|currently", w) or (re.fullmatch(r"[a-z]{3,}ed|written|known", w)
        and i + 1 < len(after) and after[i + 1][2] in ("by", "in", "on", "at"))), None)  # fmt: skip
    if (part and verb and verb[0].lower() in _SAID
            and after[0][2].lower() in ("a", "an", "one", "another", "the")
            and not re.search(r"[\"“”«]", text[at + after[part][0] : limit])
            and noun_phrase(text[at + after[0][0] : at + after[part - 1][1]], lex)):  # fmt: skip
        return at + after[0][0], at + after[part - 1][1]
    return None


# a person's name, then "of" and a phrase to the sentence's end or a comma
_NAME_OF = re.compile(
    rf"((?:[{UPPER}][\w’'\-.]*\s+){{1,3}}[{UPPER}][\w’'\-]*)\s+of\s+[^,.;:!?\"“”()]{{2,60}}[,.!?]"
)
# the verbs of speaking that put a described speaker before a clause of when it was said
# ('said a taxi driver as we walked'; not 'condemned the latest attack soon after ...')
_SAID = frozenset("said says asked added replied answered recalled explained continued".split())
# a relative clause on a person after a comma: "said the designer, who works for ..."
# (or a participle of speech on it: "said the man, adding that ...")
_WHO = re.compile(r",\s+(?:who|adding|saying|noting|referring|speaking|citing|explaining)\s")
# an appositive or an age after a comma: "said a cabdriver, a former businessman from
# Chongqing.", "said one shopkeeper, 43." (after a verb: "according to" a document with an
# appositive is read as a source, and a quotation inside a clause stays the clause's)
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the)\s+[a-z]|\d{1,3}[,.;]|\d{1,3}$)")
# what may describe a name before it: a capitalised word, an ordinal, or a lower-case word that
# is no function word ("former Massachusetts congressman", "Air Force 1st Lt.")
_FUNCTION = frozenset(
    "a an the one another and or but who which that of for in on at to by with from as "
    "after before during while said says told he she it we they i you his her its their "
    "is are was were be been has have had will would could should may might not".split()
)


def _described_name(words: list, first: int, text: str, at: int, lex: dict) -> bool:
    """Whether ``words[first:]`` is a person's name (titles allowed) and every word before it
    describes that person: lower-case modifiers and roles, capitalised words and possessives,
    ordinals ("Montclair State University political scientist Brigid Harrison")."""
    before = [w for _, _, w in words[:first]]
    before = before[1:] if before[:1] == ["the"] else before  # "the reserve forward Matt Bonner"
    if not 1 <= len(before) <= 8 or (not before[-1].islower() and before[-1] not in lex["titles"]):
        return False  # (a lower-case role or a title right before the name)
    _, name = name_of(text[at + words[first][0] : at + words[-1][1]], lex)
    if not name or not is_person(name, lex):
        return False
    return all(
        (w[:1].isupper() and not re.search(r"[,;:]$", w))
        or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)
        or (re.fullmatch(r"[a-z][a-z\-]+", w) and w not in _FUNCTION
            and not lex["verb"].fullmatch(w))
        for w in before
    )  # fmt: skip


def _name_before(words: list, adjunct: int | None, lex: dict) -> tuple[int, int] | None:
    """The speaker phrase that ends right before ``words[adjunct]`` (its offsets in the words'
    text), from the first word or after a determiner and a lower-case noun that describe it
    ("the musicologist Mark Clague in a joint interview"; not "in Shenzhen on Thursday")."""
    got = speaker_phrase(words[:adjunct], lex) if adjunct else None
    if not got or got[1] != adjunct:
        return None
    before = words[: got[0]]
    described = (
        0 < len(before) <= 2
        and before[0][2] in ("the", "a", "an")
        and all(w[:1].islower() for _, _, w in before)
    )
    return (words[got[0]][0], words[adjunct - 1][1]) if got[0] == 0 or described else None
