"""Organisations as speakers, read from the document: "the ministry" as the one ministry it
names ("the Russian Emergencies Ministry"), "the company" or "the newspaper" as the one an
appositive calls so ("BYD, a Chinese company", "Libération, a left-leaning national daily"),
"the F.E.C." as the name the text writes whole, "Police" as the longer name it gave before
("Thames Valley Police"), and the head words that end an institution's
name. :mod:`toolkit.speaker_resolver` calls these for its roles and initialisms.

Example:
    >>> text = "The Federal Election Commission will rule."
    >>> spelled_out(text, "the F.E.C.")
    'Federal Election Commission'
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import dropwhile

from toolkit.quote_sources import DAY
from toolkit.speaker_countries import is_country
from toolkit.speaker_offices import REACH, modifier_in
from toolkit.speakers import UPPER, is_person

__all__ = [
    "GROUP_HEADS",
    "INSTITUTION_WORDS",
    "longer_form",
    "of_state",
    "organisation",
    "spelled_out",
]

# capitalised words that end an institution's name before a place ("Radio Television Hong
# Kong", "Bank of China Hong Kong"): what follows them is no person's name
INSTITUTION_WORDS = {"Television", "Radio", "News", "Bank", "Group", "Agency", "Times", "Post",
                      "Library", "Museum", "Center", "Centre", "School", "College", "Institution",
                      "Daily", "Press", "Network", "Foundation", "Institute", "University",
                      "Party", "Council", "Association", "Federation", "Corporation", "Company",
                      "Airlines", "Commission", "Committee", "Ministry", "Department", "Court",
                      "Office", "Bureau", "Service", "Union", "Assembly", "Congress",
                      "Parliament", "Senate", "Administration", "Authority", "Organization",
                      "Organisation", "Alliance", "Coalition", "Movement", "League", "Forum",
                      "Society", "Fund", "Board", "Chamber", "Cabinet", "Tribunal", "Survey",
                      "Academy", "Observatory", "Laboratory"}  # fmt: skip
# the words of a public body's name: no company's ("the company" is never the ministry)
_PUBLIC = INSTITUTION_WORDS - {"Group", "Company", "Corporation", "Airlines", "Bank", "Network",
                               "Times", "Post", "Daily", "Press", "News", "Television"}  # fmt: skip
# the words an appositive may call an organisation that a role names by its head word ("the
# newspaper" for "Libération, a left-leaning national daily")
_PAPERS = ("newspaper", "daily", "paper", "tabloid", "weekly")
_HEAD_KINDS = {"newspaper": _PAPERS, "paper": _PAPERS, "daily": _PAPERS}
# the words a newspaper's own name ends with ("the Financial Times", "The Washington Post")
_PAPER_NAMES = ("Times|Post|Journal|Daily|Herald|Tribune|Gazette|Telegraph|Guardian|Observer|"
                "Chronicle|Globe|Inquirer|Examiner|Ahram|Shimbun|Ilbo|Pravda|Izvestia|Kommersant|"
                "Vedomosti")  # fmt: skip
_PAPER = re.compile(
    rf"(?<![\w’'.\-])((?:[{UPPER}][\w’'&\-]*\s+){{0,3}}?(?:{_PAPER_NAMES}))(?![\w’'\-])"
)
# heads of a role that names a body of people the text may have named only by its own name
# ("The Alliance for Peace and Democracy ... the group said") or given that head as a title
# ("The advocacy group Human Rights Watch": where no organisation is found, the resolver looks
# among the titles given); and the head words of such names
GROUP_HEADS = {"group"}
_GROUP_WORDS = {"Alliance", "Association", "Coalition", "Movement", "League", "Federation",
                "Society", "Group", "Union", "Forum", "Party", "Front", "Campaign", "Network",
                "Committee", "Council", "Foundation", "Institute", "Center", "Centre", "Watch",
                "International"}  # fmt: skip


_WEEKDAY = re.compile(DAY)


def spelled_out(text: str, written: str) -> str | None:
    """The name an initialism stands for where the text writes it whole once ("S.E.C." and
    "the Securities and Exchange Commission"): its capitalised words' initials, the words
    that link them ("and", "of", "for", "the", "on") left out; None where no name or more
    than one fits."""
    bare = re.sub(r"^(?:[Tt]he\s+)", "", written.strip())
    if not re.fullmatch(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}", bare):
        return None
    letters = bare.replace(".", "")
    run = rf"[{UPPER}][\w’'\-]*(?:\s+(?:(?:and|of|for|the|on)\s+)*[{UPPER}][\w’'\-]*)*"
    found = set()
    for m in re.finditer(rf"(?<![\w.]){run}", text):
        words = [w for w in m.group().split() if w[:1].isupper()]
        for i in range(len(words) - len(letters) + 1):
            part = words[i : i + len(letters)]
            if "".join(w[0] for w in part) == letters and all(len(w) > 1 for w in part):
                first, last = m.group().index(part[0]), m.group().rindex(part[-1])
                found.add(m.group()[first : last + len(part[-1])])
    return found.pop() if len(found) == 1 else None


# capitalised words that open a sentence, no part of a name before another ("On", "But"; and
# the weekdays, :data:`_WEEKDAY`)
_NOT_OPENING = {"The", "A", "An", "On", "In", "At", "By", "But", "And", "For", "After",
                "Before", "When", "While", "Yesterday", "Today", "According"}  # fmt: skip


def _most_named(text: str, tail: str, pos: int, *, acts: bool = False) -> str | None:
    """The form "<capitalised words> ``tail``" the text writes before ``pos`` most often (less
    the words that open a sentence: "The European Court of Justice"); None where it writes
    none, or two as often. A word joined to a lower-case one is no name's ("the Beijing-backed
    government"). With ``acts``, only a form that ends its phrase, before a verb or a stop
    ("Hong Kong police arrested", not "American military aid"), within ``BODY_REACH``."""
    word = rf"[{UPPER}][\w’']*(?:-[{UPPER}\d][\w’']*)*"
    run = rf"(?<![\w’'\-])((?:{word}\s+){{1,3}}){re.escape(tail)}\b"
    start = 0
    if acts:
        run += rf"(?=\s*[,.;:]|\s+(?:[a-z]+ed|{_PAST})\b)"
        start = max(0, pos - BODY_REACH)
    opening = lambda w: w in _NOT_OPENING or _WEEKDAY.fullmatch(w) is not None  # noqa: E731
    found = Counter(
        " ".join([*words, tail])
        for m in re.compile(run).finditer(text, start, pos)
        if (words := list(dropwhile(opening, m.group(1).split())))
    ).most_common(2)
    return found[0][0] if found and (len(found) == 1 or found[0][1] > found[1][1]) else None


# bodies of many people a text names by their place once, then bare ("Hong Kong police" ...
# "the police")
_BODIES = {"police", "state media", "state television", "state TV", "military", "army"}
BODY_REACH = 3000  # characters between a body's bare name and its longer one
# verbs after a subject, as a body's longer name is written before one (beside any "-ed")
_PAST = "|".join(
    "said says have has had was were is are will would took held kept made told began fought led"
    " shot struck won went broke".split()
)


def longer_form(text: str, written: str, pos: int) -> str | None:
    """The longer name the text gives before ``pos`` to an institution it names shorter
    ("Police" after "Thames Valley Police", "the Court of Justice" after "the European Court of
    Justice"; "the police" after "Hong Kong police", "state media" after "Saudi state media":
    a body of many people written in lower case): capitalised words before the same name, the
    form named so most often; None where none is, or two are as often."""
    bare = re.sub(r"^[Tt]he\s+", "", written.strip())
    if bare in _BODIES:
        return _most_named(text, bare, pos, acts=True)
    words = bare.split()
    heads = INSTITUTION_WORDS | {"Police", "Survey"}
    links = ("of", "for", "and", "on")
    if not any(w in heads for w in words) or not all(w[:1].isupper() or w in links for w in words):
        return None
    return _most_named(text, bare, pos)


# heads the text writes in lower case after whose they are: "the Hong Kong government", "the
# Obama administration" (not "company": "a Chinese company" names none)
_WHOSE_HEADS = {"government", "administration"}


def organisation(text: str, lex: dict, written: str, head: str, modifiers: set[str],
                 pos: int, last: tuple[int, str] | None = None) -> str:  # fmt: skip
    """The one organisation ("the ministry") the document names with that head word and the
    role's modifiers ("the Russian Emergencies Ministry"), before the role, else anywhere;
    a shorter form of the same name ("the Foreign Ministry") is the longer one. The name
    may go on after the head ("Central Commission for Discipline Inspection"), or start
    with it ("Bank Rossiya"). "The company" that no name or appositive names is the
    organisation quoted ``last`` (where, who), within reach, where that is no public body's or
    country's name ("Alibaba said ... the company said")."""
    cap = rf"[{UPPER}][\w’'\-]*"
    found = [(m.start(), m.group().strip()) for m in re.finditer(
        rf"(?<![\w’'\-])(?:{cap}\s+(?:(?:of|for|and)\s+)?){{1,6}}{re.escape(head.title())}\b"
        rf"(?:\s+(?:of|for|on)(?:\s+{cap}){{1,4}}\b)?", text)]  # fmt: skip
    first = rf"(?<=[a-z,;:] ){re.escape(head.title())}(?:\s+{cap}){{1,3}}\b"
    found += [(m.start(), m.group()) for m in re.finditer(first, text)]
    names = []
    for start, name in found:
        name = re.sub(rf"\s+on\s+(?:{DAY})$", "", name)  # "Agency on Wednesday": no "Committee on"
        words = re.sub(r"['’]s$", "", name).split()  # "Bank Rossiya's board"
        while words and (words[0] in lex["not_speakers"] | {"The"} or _WEEKDAY.fullmatch(words[0])):
            words = words[1:]  # (a day opens no name: "On Friday Ford Motor Company announced")
        low = {w.lower() for w in words}
        if len(words) >= 2 and all(modifier_in(w, low) for w in modifiers):
            names.append((start, " ".join(words)))
    for pool in ({n for s, n in names if s < pos}, {n for _, n in names}):
        longest = max(pool, key=len, default=None)
        if longest and all(n in longest for n in pool):
            return longest
        if pool:
            return written
    described = _described(text, lex, written, head, modifiers, pos)
    if described == written and head in GROUP_HEADS:
        return _named_before(text, lex, pos) or written
    if described == written and head in _WHOSE_HEADS and not modifiers:
        return _most_named(text, head, pos) or written  # "the Obama administration"
    if (described == written and written.lower() == "the company" and last
            and 0 < pos - last[0] < REACH and not set(last[1].split()) & _PUBLIC
            and re.match(r"[A-Z](?!he [a-z])", last[1]) and not is_country(last[1])):  # fmt: skip
        return last[1]
    return described


def _named_before(text: str, lex: dict, pos: int) -> str | None:
    """The one organisation named as a subject in the sentence before ``pos`` or earlier in its
    own (a capitalised name with an institution's head word that opens a sentence, a verb
    after it: "The Alliance for Peace and Democracy expressed ... “...,” the group said");
    None where none is, or several are."""
    at = max(0, pos - 600)
    # what is quoted is no name the report gives (nor does it end a sentence of the report)
    before = re.sub(r"“[^“”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), text[at:pos])
    start = before.rfind(". ")
    start = before.rfind(". ", 0, start) if start > 0 else -1
    word = rf"[{UPPER}][\w’'&\-]*"
    run = rf"{word}(?:\s+(?:(?:of|for|and|the)\s+)*{word}){{1,6}}"
    names = set()
    # the subject of a sentence: the name opens it, a lower-case verb follows
    # (an appositive between: "The Israel Religious Action Center, a legal advocacy arm of
    # ..., said")
    subject = (
        rf"(?:^|[.!?]\s+)(?:The\s+)?({run})(?:,\s+(?:an?|the)\s[^,.;:]{{3,120}},)?\s+"
        rf"(?:\w+ly\s+)?(?:[a-z]+(?:ed|s)|said)\b"
    )
    for m in re.finditer(subject, before[start + 1 :].lstrip()):
        words = m.group(1).split()
        if len(words) >= 2 and any(w in _GROUP_WORDS for w in words):
            names.add(" ".join(words))
    return names.pop() if len(names) == 1 else None


# a sentence's opening phrase before the comma, no name ("In November, a three-judge panel
# of the Federal District Court ...")
_OPENING_PHRASE = re.compile(
    r"(?:In|On|At|By|For|From|After|Before|During|Since|Until|Last|This|Next)\b"
)


def _described(text: str, lex: dict, written: str, head: str, modifiers: set[str],
               pos: int) -> str:  # fmt: skip
    """The organisation the text calls by the head word in an appositive before ``pos``
    ("Another Chinese company, BYD, ..." or "BYD, a Chinese company," make "the company"
    BYD): the one name so described, else the role as written."""
    word = rf"[{UPPER}][\w’'&\-]*"
    # (a number may end the name: "Hong Kong 2020")
    cap = rf"{word}(?:\s+(?:(?:of|for|and|the)\s+)*(?:{word}|\d{{1,4}}\b)){{0,5}}"
    # the head word ends the appositive: "a Chinese company," not "a company man"
    heads = "|".join(re.escape(h) for h in _HEAD_KINDS.get(head, (head,)))
    noun = (
        rf"(?:[\w\-]+\s+){{0,4}}(?:{heads})(?=\s*[,.;:)]|\s+(?:based|in|of|that|which|"
        rf"led|run|founded|formed|backed|representing|made)\b)"
    )  # "a group led by"
    before = text[:pos]
    found = [m.span(1) for m in re.finditer(rf"\b{noun},\s+({cap}),", before)]
    found += [m.span(1) for m in re.finditer(
        rf"(?<![\w’'.\-])({cap}),\s+(?:an?|the|one)\s+{noun}", before)]  # fmt: skip
    # else before the name as its title, or named so: "the daily Vietnam News", "the flagship
    # state newspaper Al Ahram", "a civic group called Dekomunizace" (not a verb's object:
    # "preferring to call the group Bengalis"; nor a day: "the company Monday")
    so_named = False  # (found as the text titles it: "the newspaper Al Ahram")
    if not found and head not in _WHOSE_HEADS:
        titled = re.compile(
            rf"(?<!call )(?<!calls )(?<!called )(?<!calling )(?<!name )(?<!named )"
            rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w\-]*\s+){{0,4}}?(?:{heads})\s+"
            rf"(?:(?:called|named|calling\s+itself)\s+)?({cap})(?![\w’'\-])"
        )
        found = [m.span(1) for m in titled.finditer(before)
                 if not _WEEKDAY.match(before, m.start(1))]  # fmt: skip
        so_named = bool(found)  # (a name so titled is the body's, though it reads as a
        # person's: "the newspaper Al Ahram", "the daily Frankfurter Allgemeine Zeitung")
    if not found and head in _HEAD_KINDS:  # a paper the text names by a paper's name ("the
        # Financial Times reported ... the newspaper said"), the one within reach
        found = [m.span(1) for m in _PAPER.finditer(before, max(0, pos - BODY_REACH))]
    # not a person's name after a title ("Mr. Li, a company man")
    kept = [(a, re.sub(r"^The\s+", "", before[a:b])) for a, b in found
            if before[:a].split()[-1:] not in ([t] for t in lex["titles"])]  # fmt: skip
    kept = [(a, n) for a, n in kept if n not in lex["not_speakers"]
            and not _OPENING_PHRASE.match(n)
            and all(modifier_in(w, {n.lower()}) or w in before for w in modifiers)
            and (so_named or not is_person(n, lex))]  # fmt: skip
    if len({n for _, n in kept}) > 1 and so_named:  # of several so named, the last ("the French
        return max(kept)[1]  # newspaper Le Monde ... told the newspaper Libération")
    return kept[0][1] if len({n for _, n in kept}) == 1 else written


# the words of an institution whose president is no state's ("President of the European
# Commission"); a federation or a union may be a state ("President of the Russian Federation")
_NOT_A_STATE = {w.lower() for w in INSTITUTION_WORDS} - {"federation", "union"}


def of_state(pool: list, people: set[str], modifiers: set[str]) -> set[str]:
    """The names of the mentions in ``pool`` given an office's title, those ``people`` holds
    (persons) first; for an office with no modifiers ("the President", "the Head of State"),
    those not titled by an institution first ("President of Ukraine Volodymyr Zelenskyy met
    with President of the European Commission Ursula von der Leyen": "The President" is
    Zelenskyy)."""
    names = ({m.name for m in pool} & people) or {m.name for m in pool}
    if modifiers or len(names) < 2:
        return names
    return {m.name for m in pool if m.name in names and not m.titles & _NOT_A_STATE} or names
