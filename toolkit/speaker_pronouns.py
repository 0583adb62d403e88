"""Whom a pronoun names in a document: "he" and "she" the person quoted or named last (of the
pronoun's gender where the text gives it; a sentence's subject, after its titles, before a
name later in the sentence, unless that name opens a main clause of its own), else a name that
opens the sentence before as its subject; "it" the body, paper or document that opens the
pronoun's clause or the sentence before, else the organisation quoted last.
:class:`toolkit.speaker_resolver.Resolver` calls these
with itself as ``r``: its mentions, chain of persons, genders, quotation spans and the person
quoted last.

Example:
    >>> from toolkit.speaker_names import find_mentions
    >>> from toolkit.speaker_resolver import Resolver
    >>> from toolkit.speakers import lexicon
    >>> text = "Vladimir Putin met the press. He said the talks went well."
    >>> r = Resolver(find_mentions(text, lexicon()), lexicon(), {}, text)
    >>> pronoun_person(r, "he", text.index("He"))
    'Vladimir Putin'
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from toolkit.speaker_chain import ADDRESS_BEFORE, ADDRESS_GENDER, FEMALE, MALE
from toolkit.speaker_offices import REACH
from toolkit.speakers import UPPER, is_person

__all__ = [
    "GENDER",
    "body_it",
    "described_person",
    "person_before",
    "pronoun_person",
    "subject_before",
    "thing_before",
]

_PRONOUN_REACH = REACH  # characters between a pronoun and the last mention of its person
GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# a description's word that says the person's gender ("one man in the crowd" is no "she")
_GENDERED = re.compile(
    rf"\b(?:(?P<m>{'|'.join(sorted(MALE))})|(?P<f>{'|'.join(sorted(FEMALE))}))\b"
)
# a name in the possessive ("Mr. Brown’s killing")
_POSSESSIVE = re.compile(rf"(?:[{UPPER}][\w.\-]*\s+)*[{UPPER}][\w\-]*['’]s\b")
# a name right after a preposition: the object of a phrase ("a problem with Gates")
_OBJECT = re.compile(r"\b(?:with|about|against|toward|towards)\s+$")
# capitalised words that open a sentence but are no title ("After President Hosni Mubarak was
# toppled, General Sisi ...": Mubarak is no subject)
_LEADS = (
    "After As At Before By During For From If In On Since Though Although Because To Under "
    "Until When Where While With"
).split()
# what may come before a sentence's subject: a short introductory phrase and its comma, a
# title of address ("In an interview, Mr. Fu", "Asked about the deal brokered by Mr. Kerry,")
_OPENING = re.compile(
    r"\s*(?:[A-Z](?:[^,.;:“”\"]|(?<=\b(?:Mr|Ms|Dr))\.|(?<=\bMrs)\.){0,60},\s+)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    # the name's titles and whose they are ("Bahamas Prime Minister Perry Christie")
    r"(?:(?:[Tt]he\s+)?(?!(?:" + "|".join(_LEADS) + r")\s)(?:[A-Z][\w’'\-]*\s+){1,5})?"
)
_CAPITALISED_RUN = re.compile(rf"[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*)*")
# a pronoun's frame in commas right after a name: the name opens what the pronoun reports
_ASIDE_AFTER = re.compile(r",\s+(?:he|she|they)\s+(?:\w+ly\s+)?([a-z]+(?:\s+out)?),")
# the endings of past verbs, regular and not ("laid", "met", "held", "drew", "took", "gave")
_PAST = "ed|ew|id|ok|ade|ave|ent|et|ld"
# a lower-case verb after a name, past or present
_VERB_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?[a-z]+(?:{_PAST}|s)\b")
# what follows a subject: an appositive's comma or a verb
_SUBJECT_AFTER = re.compile(rf",\s|{_VERB_AFTER.pattern}")
# a second main clause between two names: ", and", ", but", a semicolon
_NEXT_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s")


# one person described, not named: "he" after it is that person ("an obstetrician who taught
# Mr. Assad in medical school said ... he said")
_DESCRIBED = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*[^s\W]\s+who\s"
    # (or where one works: "a receptionist at the resort", "an official at the ministry")
    r"|(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*[^s\W]\s+"
    r"(?:at|in|from|with|for)\s"
    r"|[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}(?:king|queen|pope|prince|princess|emir|sheikh|monarch|"
    r"man|woman|activist|witness|resident)$"
)  # (or one person the text calls by such a noun only: "“...,” the king said. And he said")
# or one in a role, new to the text: "a Western diplomat", "another United Nations official"
_ONE_IN_ROLE = re.compile(
    r"(?:[Aa]n?|[Aa]nother)\s+(?:[\w\-]+\s+){0,4}?([a-z]+)(?:\s+(?:of|for|at|in|with|from)\s.*)?"
)
_APPOSITIVE = re.compile(r",\s*(?:\d+,\s*)?$")  # after a name: "Susan Deng, 31, an office manager"


def described_person(text: str, speaker_text: str, at: int, verb: str | None, lex: Any) -> bool:
    """Whether a frame's speaker as written (at ``at`` in ``text``) describes one person the
    text does not name, whom "he" or "she" after it may be: not a document's or a body's role
    ("a court document"), not an appositive of a name, not one who tells someone ("an official
    told him ...": "he" is him)."""
    if _DESCRIBED.match(speaker_text):
        return True
    role = _ONE_IN_ROLE.fullmatch(speaker_text)
    head = role.group(1) if role else ""
    return (head in lex["roles"] and not head.endswith("s") and verb != "tell"
            and all(head not in lex[k] for k in ("documents", "sources", "organisations"))
            and not _APPOSITIVE.search(text, max(0, at - 8), at))  # fmt: skip


def pronoun_person(r: Any, low: str, pos: int) -> str | None:
    """The person a pronoun (``low``: he, she or they) at ``pos`` names: the person quoted
    last, or mentioned last (by name or surname, outside quotation marks, of the pronoun's
    gender where the text says it with Mr. or Ms.), or the one quoted last described without a
    name where no one is named after the description; None for a pronoun further from its
    person."""
    last = r.last_person
    if last and low in GENDER and r.gender.get(last[1], GENDER[low]) != GENDER[low]:
        last = None
    named = person_before(r, pos, low)
    if last and named and last[0] < named[0] < r.last_said:
        named = None  # named in the frame of the person quoted last ("Col. Qassim Atia, an
        # aide to General Atta, said it was ...": "he" is Atia)
    if (last and named and r.last_said < last[0] < named[0] and _same_sentence(r, last[0], named[0])
            and not _office_since(r, named, last, pos)):  # fmt: skip
        named = None  # named after the speaker of an inverted frame, in its sentence ('“...,”
        # said Tom Brown, an aide to Senator John Smith. “...,” he said': Brown)
    if last and named and last[0] < named[0] and _object_of_office(r, named[0]):
        named = None  # the object of an office or a pronoun the sentence opens with ("The
        # President asked Artur Parfenchikov to coordinate ... He said": the President, quoted
        # last)
    near = [p for p in (last, named) if p and 0 < pos - p[0] < _PRONOUN_REACH]
    described = r.last_described
    said = _GENDERED.search(described[1]) if described else None
    if (
        described
        and low in GENDER
        and (said.lastgroup if said else r.gender.get(described[1], GENDER[low])) == GENDER[low]
        and 0 < pos - described[0] < _PRONOUN_REACH
        and all(p[0] < described[0] + described[2] for p in near)
    ):  # no one named since the one described (a name inside the description is no one)
        r.gender.setdefault(described[1], GENDER[low])  # ("She said ...": no "he" after)
        return described[1]
    if not near and low in GENDER:
        return subject_before(r, pos)
    return max(near)[1] if near else None


# a sentence's subject that is an office or a pronoun, and its verb, before a name its object
_OFFICE_VERB = re.compile(
    r"(?:(?:The|the)\s+(?:[A-Z][\w\-]*\s+(?:of\s+(?:the\s+)?)?){1,4}|He\s+|She\s+)"
    r"(?:\w+ly\s+|also\s+)?[a-z]+(?:ed|ld|id|ew|ok|ave)\s+$"
)


# an office that opens a sentence, after a short phrase: "For his part, the Prime Minister of
# Canada reaffirmed"
_OFFICE_OPENS = re.compile(
    r"(?:[A-Z][^,.;:“”\"]{0,40},\s+)?[Tt]he\s+((?:[A-Z][\w\-]*\s+(?:of\s+(?:the\s+)?)?){1,5})"
)


def _office_since(r: Any, named: tuple[int, str], last: tuple[int, str], pos: int) -> bool:
    """Whether a sentence between ``named``'s and the pronoun at ``pos`` opens with an office
    that ``named``'s titles hold and ``last``'s do not: that sentence is about ``named``
    ('“...,” said Volodymyr Zelenskyy, addressing Justin Trudeau. For his part, the Prime
    Minister of Canada reaffirmed ... he said': Trudeau)."""
    starts = r._sentence_starts
    titles = {p: set() for p in (named[1], last[1])}
    for m in r.mentions:
        if m.name in titles:
            titles[m.name] |= {t.lower().strip(",") for t in m.titles}
    for begin in starts[bisect.bisect_right(starts, named[0]) : bisect.bisect_left(starts, pos)]:
        office = _OFFICE_OPENS.match(r.text, begin)
        if office:
            words = {w.lower() for w in office.group(1).split() if w[:1].isupper()}
            if words <= titles[named[1]] and not words <= titles[last[1]]:
                return True
    return False


def _same_sentence(r: Any, a: int, b: int) -> bool:
    """Whether the offsets ``a`` and ``b`` are in one sentence."""
    starts = r._sentence_starts
    return bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)


def _object_of_office(r: Any, start: int) -> bool:
    """Whether the mention at ``start`` is the object of the verb its sentence opens with,
    whose subject is an office or a pronoun ("The President asked Artur Parfenchikov ...")."""
    k = bisect.bisect_right(r._sentence_starts, start) - 1
    begin = r._sentence_starts[k] if k >= 0 else 0
    return _OFFICE_VERB.fullmatch(r.text, begin, start) is not None


def person_before(r: Any, pos: int, pronoun: str = "") -> tuple[int, str] | None:
    """The person mentioned last before ``pos`` (outside quotation marks) whose known
    gender, if any, agrees with the pronoun; one named in the possessive only when no
    other is."""
    starts, names = r._chain
    want = GENDER.get(pronoun.lower())
    owner = None
    oblique, since = None, -1
    for i in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
        if pos - starts[i] > _PRONOUN_REACH or (oblique and starts[i] < since):
            break
        if any(a <= starts[i] < b for a, b in r.reported):
            continue
        run = _CAPITALISED_RUN.match(r.text, starts[i])
        aside = run and _ASIDE_AFTER.match(r.text, run.end())
        if aside and r.lex["verb"].fullmatch(aside.group(1)):
            continue  # "Mr. Assad, he said, would ...": the reported clause's subject
        # (the mention's own address must agree too: "Mr. Sanders" is no "she", though the
        # chain gives his name no gender)
        addressed = ADDRESS_BEFORE.search(r.text, max(0, starts[i] - 6), starts[i])
        if addressed and want and ADDRESS_GENDER[addressed.group(1)] != want:
            continue
        if want is None or r.gender.get(names[i], want) == want:
            if oblique is None and _OBJECT.search(r.text, 0, starts[i]):
                # "When I spoke with Weingarten, she elaborated on her members’ problem
                # with Gates. “...,” she said": the object of a preposition only when no
                # one is named before it in its sentence
                oblique = (starts[i], names[i])
                since = r.text.rfind(". ", 0, starts[i])
                continue
            if not _POSSESSIVE.match(r.text, starts[i]):
                return _sentence_subject(r, i, want) or (starts[i], names[i])
            # "Even before Mr. Brown’s killing, he said": a name in the possessive only
            # when no other person is named before it ("Mr. Mandela’s life ... he wrote")
            owner = owner or (starts[i], names[i])
    return owner or oblique


def _sentence_subject(r: Any, i: int, want: str | None) -> tuple[int, str] | None:
    """The person who opens the sentence of the chain's ``i``-th mention as its subject,
    when that mention comes later in it ("In an interview, Mr. Fu, a former dissident,
    waved off suggestions that he manipulated Mr. Chen. “...,” he said": Mr. Fu), of the
    pronoun's gender where known."""
    starts, names = r._chain
    # the sentence it is in, as the attribution reads the text (past "Mr." and initials,
    # and where a page glues two: "the divisive issue.In an interview")
    k = bisect.bisect_right(r._sentence_starts, starts[i]) - 1
    begin = r._sentence_starts[k] if k >= 0 else 0
    for j in range(bisect.bisect_left(starts, begin), i):
        if names[j] == names[i] or (want and r.gender.get(names[j], want) != want):
            continue
        lead = r.text[begin : starts[j]]
        # the mention as written: the full name, or the surname alone ("Mr. Fu")
        run = _CAPITALISED_RUN.match(r.text, starts[j])
        if run is None:
            continue  # a mention that opens with no capital: no subject written there
        after = r.text[run.end() : run.end() + 40]
        if _NEXT_CLAUSE.search(r.text, run.end(), starts[i]) and _subject_of_own(r, i):
            return None  # the later name is the subject of a clause of its own ("Justice
            # Souter was gone, and this time Justice Stevens assigned the dissent to himself")
        if (_OPENING.fullmatch(lead) and _SUBJECT_AFTER.match(after)
                and not re.match(r"\s*[A-Z][a-z]+ing\s", lead)):  # fmt: skip
            # (not a participle's object: "Meeting with Egypt’s foreign minister, Nabil
            # Fahmy, ... Secretary of State John Kerry flagged ...")
            return starts[j], names[j]
    return None


def _subject_of_own(r: Any, i: int) -> bool:
    """Whether the chain's ``i``-th mention has a verb of its own after it."""
    run = _CAPITALISED_RUN.match(r.text, r._chain[0][i])
    return run is not None and _VERB_AFTER.match(r.text, run.end()) is not None


def subject_before(r: Any, pos: int) -> str | None:
    """A name that opens the sentence before ``pos`` as its subject, a lower-case verb
    after it, when no person is named or quoted nearer: "Vladimir Putin laid out his
    assessments of the talks. He stressed that ..." (a name the text gives no other cue
    of a person)."""
    start = r.text.rfind(". ", 0, pos)
    start = r.text.rfind(". ", 0, start) if start > 0 else -1
    for m in reversed(r.mentions):
        if not start < m.start < pos or not r._outside_quotes(m.start):
            continue
        opens = re.search(r"(?:^|[.!?]\s+|\n\s*)$", r.text[max(0, m.start - 3) : m.start])
        verb = re.match(rf"\s+(?:\w+ly\s+)?[a-z]+(?:{_PAST})\b", r.text[m.start + len(m.name) :])
        if opens and verb and is_person(m.name, r.lex):
            return m.name
    return None


# a plural group that opens a sentence as its subject, a verb after it: "The students voiced
# the same refrain.", "Many residents have complained"
_GROUP_SUBJECT = re.compile(
    r"(?:[^,.;:\"“”]{3,80},\s+)?"  # after an opening clause: "When the order came, the students"
    r"(?P<group>(?:(?:[Tt]he|[Mm]any|[Ss]ome|[Ss]everal|[Oo]ther|[Mm]ost|[Bb]oth)\s+)?"
    r"(?:[A-Za-z][\w\-’']*\s+){0,3}?(?P<head>[a-z][a-z\-]{2,}s))"
    r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|have|had|were|are|say|said|told)\b"
)


def group_before(r: Any, pos: int) -> str | None:
    """The group "they" names where no group was quoted just before: one that opens the
    sentence before the pronoun's as its subject ("The students voiced the same refrain.
    “...,” they said"): a plural noun the lexicon holds as a role, with its modifiers."""
    k = bisect.bisect_right(r._sentence_starts, pos) - 1
    if k < 1:
        return None
    begin, end = r._sentence_starts[k - 1], r._sentence_starts[k]
    m = _GROUP_SUBJECT.match(r.text[begin:end].lstrip())
    return m.group("group") if m and m.group("head") in r.lex["roles"] else None


# a body, a paper or a document that opens a clause as its subject, its verb after it (an
# appositive between): "Amazon is hiring.", "The Liaoning Daily, a party newspaper, drew ...",
# "A DBS report earlier this year showed", "When the Pentagon did come up with"
_THING_SUBJECT = re.compile(
    r"(?:[^,.;:\"“”]{3,80},\s+)?(?:(?:When|While|After|Because|Although|Though|As|If|Since)\s+)?"
    r"(?P<thing>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w.&’'\-]+\s+){0,5}?[\w.&’'\-]+)"
    r"(?:,\s+(?P<apposed>(?:an?|the)\s+[^,;:\"“”]{3,80}),)?"
    r"\s+(?:\w+ly\s+)?(?:(?:[a-z]{2,}ed|is|was|has|had|did|does|will|would|went|made|took|gave|"
    r"sent|told|said)[\s,]|[a-z]{2,}[^su\W]s\s)"  # (a plural before a comma is no verb:
)  # "Chinese academics, it complained")


def body_it(r: Any, pos: int) -> str | None:
    """Whom "it" at ``pos`` names: the body, paper or document :func:`thing_before` finds,
    resolved, where that names no person ("Amazon is hiring. It said"); else the organisation
    quoted last, within reach ("the ministry recalled ... it noted"); else None."""
    thing = thing_before(r, pos)
    named = thing and r._resolve(thing, pos)
    if named and not is_person(named, r.lex):
        return named
    last = r.last_organisation
    return last[1] if last and 0 < pos - last[0] < REACH else None


def thing_before(r: Any, pos: int) -> str | None:
    """What "it" names where no body was quoted just before: a body, a paper or a document that
    is the subject of the pronoun's clause before it or of the sentence before ("When the
    Pentagon did come up with what it calls", "Amazon is hiring. It said"): a phrase whose
    head the lexicon holds as an institution or a document ("A DBS report", "The Liaoning
    Daily"), or capitalised words that name no person; None where neither sentence opens so."""
    k = bisect.bisect_right(r._sentence_starts, pos) - 1
    # (not the clause "it" reports: "The central government has followed a policy, it says";
    # but "While the White House doubted ..., it hoped to use")
    frame = re.match(r"\w+\s+(?:\w+ly\s+)?[a-z]+\s*[,.;:!?]", r.text[pos : pos + 40])
    own = k >= 0 and not (frame and re.search(r",\s*$", r.text[r._sentence_starts[k] : pos]))
    spans = [(r._sentence_starts[k], pos)] if own else []
    spans += [(r._sentence_starts[k - 1], r._sentence_starts[k])] if k >= 1 else []
    for begin, end in spans:
        # what is quoted is no clause of the report's (a quotation may open sentences before)
        chars = list(r.text[begin:end])
        for a, b in r.quoted:
            lo, hi = max(a, begin), min(b, end)
            if lo < hi:
                chars[lo - begin : hi - begin] = " " * (hi - lo)
        plain = re.sub(r"“[^“”]*”|\"[^\"]*\"", lambda q: " " * len(q.group()), "".join(chars))
        if begin < r._sentence_starts[k] and re.search(
            rf",\s+(?:[\w’'.\-]+\s+){{1,4}}?(?:{r.lex['verb'].pattern})[^,;]*$", plain.rstrip()
        ):
            continue  # a sentence a frame ends reports someone's clause: its subject is theirs
        m = _THING_SUBJECT.match(plain.lstrip())
        thing = m and _speaking_thing(m.group("thing"), r.lex)
        named = m and m.group("apposed") and _speaking_thing(m.group("apposed"), r.lex)
        if thing:  # a description, and the name in commas after it ("The major opposition
            # group, the National Salvation Front,"): the name
            return named if named and re.match(r"(?:the\s+)?[A-Z]", named) else thing
    return None


def _speaking_thing(phrase: str, lex: dict) -> str | None:
    """The phrase up to its head where it names a body, a paper or a document that can speak,
    else None (a person, a pronoun, a role, a common noun, an opening word: "Recently", "Yet
    the ministry", "in a report")."""
    words = re.sub(r"['’]s$", "", phrase).split()  # (whose: "Citigroup’s earnings")
    if not words or not re.match(r"(?:[Tt]he|[Aa]n?)$|[A-Z]", words[0]) or words[0] in _OPENERS:
        return None
    if re.fullmatch(r"[A-Z][a-z]+(?:ly|ing|ed)", words[0]):
        return None
    heads = lex["organisations"] | lex["documents"]
    at = next((i for i, w in enumerate(words) if w.lower().strip("’'") in heads), None)
    if at is not None:  # "A DBS report earlier this year": "A DBS report"; "Article 10"
        end = next((i for i in range(at + 1, len(words)) if not re.match(r"[\dA-Z]", words[i])),
                   len(words))  # fmt: skip
        return " ".join(words[:end])
    named = [w for w in words if w.lower() not in ("the", "a", "an")]
    if (named and all(w[:1].isupper() for w in named) and not is_person(" ".join(named), lex)
            and not re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i)s?", named[0])  # a nation's people
            and not (len(named) == 1 and named[0].lower() in lex["role_words"])  # "Witnesses"
            and not any(w in lex["not_speakers"] or w.lower() in lex["pronouns"]
                        for w in named)):  # fmt: skip
        return " ".join(words)
    return None


# capitalised words that open a clause and name nothing
_OPENERS = {"Yet", "Even", "But", "And", "So", "Still", "Then", "Now", "Ask", "My", "Our",
            "Your", "His", "Her", "Their", "Its", "In", "On", "At", "For", "With", "By",
            "From"}  # fmt: skip
