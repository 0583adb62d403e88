"""Offices and documents as speakers: who "the President", "the governor" or "the statement"
is in a document that gives no one that title, used by :mod:`toolkit.speaker_resolver`.

- an office (:func:`office_holder`) is the person named last before it, in an earlier sentence,
  whom the text makes the subject of a speech act or a meeting, whom no other office names and
  whom the text neither titles with another office nor the same office of another country; a
  country the office names ("the Russian President") must be named near that person; an office
  that opens a readout is the first such speaker after it;
- a speaker the text introduced by a description ("A law enforcement official said") is who
  "the official" is after it (:class:`Descriptions`), unless a name was given that title since;
- a document (:func:`document_owner`) is whose the text says it is before it ("In an article
  ..., X said", "X issued a statement", "a statement by X"), else the document named whole.

Example:
    >>> document_owner("The Sabahi campaign issued a statement. “No,” the statement said.",
    ...                "statement", 45)
    'Sabahi campaign'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from toolkit.quote_sources import DAY, MONTH
from toolkit.quote_subjects import document_head
from toolkit.speaker_countries import country_named, country_words, place_stem, same_place
from toolkit.speaker_names import KNOWN_BY_TITLE
from toolkit.speakers import NOT_NAME_WORDS, UPPER, is_person

__all__ = [
    "INDEFINITE",
    "REACH",
    "SPEAKS_FOR",
    "TITLED",
    "TITLES_OF",
    "Descriptions",
    "described_again",
    "document_owner",
    "is_titled_person",
    "modifier_in",
    "named_after",
    "office_holder",
    "owner_in",
    "quoted_by_title",
    "title_matches",
    "titled_surname",
]

REACH = 1500  # characters between an office or a pronoun and the mention of its person
INDEFINITE = ("a", "an", "one", "another")  # what opens a description of one not named before
# the titles of a role's holder the text may write before a surname only ("President Obama",
# "Gen. Allen", "Judge Nervo"): not a title's second word ("Attorney General Holder")
TITLES_OF = {"president": r"President", "general": r"(?:General|Gen\.)", "judge": r"Judge",
             "senator": r"(?:Senator|Sen\.)", "governor": r"(?:Governor|Gov\.)"}  # fmt: skip
_NOT_FIRST = r"(?<!Attorney )(?<!Secretary )(?<!Secretary-)(?<!Inspector )(?<!Surgeon )"
# a person the text names by a title and surname only ("President Obama"), the surname group 1
# (not an institution's or a role's name: "General Assembly", "General Motors", "General Staff")
_INSTITUTION_AFTER = {"motors", "electric", "dynamics", "mills", "staff", "secretary",
                      "prosecutor", "directorate", "election", "elections", "strike", "hospital",
                      "manager", "counsel", "services", "affairs"}  # fmt: skip
_NOT_SURNAME = "|".join(sorted(NOT_NAME_WORDS | _INSTITUTION_AFTER))
TITLED = re.compile(
    rf"{_NOT_FIRST}\b(?:{'|'.join(TITLES_OF.values())})\s+(?!(?i:{_NOT_SURNAME})\b)"
    rf"([{UPPER}][\w’'\-]+)"
)

# a speech act or a meeting right after a subject: "Vladimir Putin noted", "Dmitry Artyukhov
# also spoke", "Vladimir Putin had a telephone conversation" (what places do not do)
_SUBJECT_VERB = (
    r"(?:said|says|spoke|told|noted|stressed|emphasi[sz]ed|underscored|pointed|added|asked|"
    r"thanked|explained|reported|proposed|suggested|recalled|replied|answered|informed|"
    r"congratulated|discussed|described|briefed|presented|raised|voiced|expressed|"
    r"began|opened|started|welcomed|greeted|visited|inquired|instructed|highlighted|mentioned|"
    r"announced|commented|remarked|praised|wished|urged|observed|warned|reiterated|confirmed|"
    r"met|held|chaired|had\s+a\s+(?:telephone\s+)?(?:conversation|meeting|talk)|"
    # what an office holder does in a readout ("Vladimir Putin fulfilled the dream of ...")
    r"fulfilled|signed|awarded|attended|toured|joined|sent|handed|took\s+part|laid\s+out|"
    r"set\s+out|outlined|shared|gave)\b"
)
# adverbs between the subject and its verb: "Vladimir Putin once again emphasised"
_ADVERBS = r"(?:(?:also|again|once\s+again|then|later|further|[a-z]+ly)\s+){0,2}"
# the staff around an office holder, never the holder ("Jay Carney, the press secretary")
_STAFF = {"secretary", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
          "director", "deputy", "assistant",  # and the clergy's and the bench's titles, no
          "cardinal", "archbishop", "bishop", "imam", "rabbi", "judge", "justice"}  # fmt: skip


def title_matches(titles: set[str], head: str, modifiers: set[str], lex: dict,
                  served: set[str] | frozenset[str] = frozenset()) -> bool:  # fmt: skip
    """Whether a name's title words give it the office ``head`` (or a synonym) with the
    role's ``modifiers``; words that say whose office the person serves (``served``) give no
    office ("the President" is not the Deputy Head of the Office of the President)."""
    heads = lex["synonyms"].get(head, set()) | {head}
    own = titles - served
    joined = " ".join(sorted(own))
    if not any(all(w in own for w in h.split()) for h in heads) and head not in joined:
        return False
    return all(modifier_in(w, titles) for w in modifiers)


def modifier_in(word: str, titles: set[str]) -> bool:
    """Whether a role's modifier is among a name's title words, a country as its adjective
    ("Belarus" for "Belarusian", "Ukraine" for "Ukrainian", "China" for "Chinese", "Poland" for
    "Polish")."""
    stem = word.rstrip("aeiou")
    if word in titles or (len(stem) >= 4 and any(t.startswith(stem) for t in titles)):
        return True
    # ... or the other way round ("Belarusian" for "President of Belarus")
    if any(same_place(word, t) for t in titles):
        return True
    # ... or an adjective in "-ish" that opens as it does ("Poland" for "Polish", "Sweden")
    if any(t.endswith("ish") and t[:3] == word[:3] and len(word) >= 5 for t in titles):
        return True
    return _initials_in(word, titles)


def _initials_in(word: str, titles: set[str]) -> bool:
    """Whether a short modifier is the initials of title words ("imf" for "International
    Monetary Fund", "icc" for "International Criminal Court"): each letter the first of a
    word among them, one word a letter."""
    if not 2 <= len(word) <= 5 or not word.isalpha():
        return False
    left = [t for t in titles if t[:1].isalpha() and t not in ("of", "the", "for", "and")]
    for letter in word:
        match = next((t for t in left if t[0] == letter), None)
        if match is None:
            return False
        left.remove(match)
    return True


# words of a title that say nothing of whose office it is
_BARE_TITLE_WORDS = {"the", "of", "former", "acting", "incumbent", "then", "mr", "mr.", "ms",
                     "ms.", "mrs", "mrs."}  # fmt: skip


def office_holder(r: Any, written: str, head: str, modifiers: set[str], pos: int,
                  among: set[str] | None = None) -> str | None:  # fmt: skip
    """The person an office ("the President", "the Governor", "the Russian President")
    names in a document that gives no one that title: the one it named before, else the
    person named or quoted last before it (outside quotation marks) whom neither the text nor
    its title titles or already calls by another office ("Dmitry Artyukhov also spoke about
    ... The governor explained"; "The Head of the Republic noted ... The President noted" is
    the person before the Head of the Republic; "Cardinal Timothy Dolan" is no president);
    else, for an office written as an official site writes it ("The President") or a lead's
    office of a country, the next person the text makes a speaker after it. ``r`` is the
    document's :class:`toolkit.speaker_resolver.Resolver`."""
    office = (head, frozenset(modifiers))
    if office in r.offices and (among is None or r.offices[office] in among):
        return r.offices[office]
    # the holders of other offices ("the Head of State" and "the President" are one)
    heads = r.lex["synonyms"].get(head, set()) | {head}
    taken = {name for (h, _), name in r.offices.items() if h not in heads}
    same = {w for h in heads for w in h.split()}
    # a person the text or its title gives another office or role ("Governor Beglov", "Jay
    # Carney, the White House press secretary" for "the President"; "Meeting with Head of the
    # Republic of Daghestan Sergei Melikov": a head, of no state)
    roles = r.lex["offices"] | _STAFF
    other = {m.name for m in (*r.mentions, *r.headline) if m.cue and m.titles & roles
             and not any(set(h.split()) <= m.titles for h in heads)}  # fmt: skip
    # and one titled with this office of another country ("Belarusian President Alexander
    # Lukashenko" is not "the President of Russia")
    # (a title with no modifier of its own, "President Volodymyr Zelenskyy", is of none)
    # (the title's too, where the office names its country: "Telephone conversation with
    # President of France Emmanuel Macron" for "the President of Russia")
    named = [*r.mentions, *r.headline] if any(country_words([w]) for w in modifiers) else r.mentions
    other |= {m.name for m in named if modifiers and m.cue and m.titles & same
              and m.titles - same - _BARE_TITLE_WORDS
              and not title_matches(m.titles, head, modifiers, r.lex, m.served)}  # fmt: skip
    # the people the text makes the subject of a speech act or a meeting ("Vladimir Putin
    # noted", "Dmitry Artyukhov also spoke", named in full; not a place), named before it
    acts = {m.name for m in r.mentions if is_person(m.name, r.lex) and re.match(
        rf"(?:\s+and\s+(?:[{UPPER}][\w\-]+\s+){{1,3}}?[{UPPER}][\w\-]+)?\s+{_ADVERBS}"
        rf"{_SUBJECT_VERB}", r.text[m.start + len(m.name) :])
        and not re.search(r"\b(?:in|at|from|of|to|for|across|near|on|by|with|about)\s+$",
                          r.text[max(0, m.start - 8) : m.start])}  # fmt: skip
    # (not a place: "officials in New York said")
    chain = [(a, n) for a, n in zip(*r._chain, strict=True) if a < pos]
    chain += [(m.start, m.name) for m in r.mentions if m.name in acts and m.start < pos
              and r._outside_quotes(m.start)]  # fmt: skip
    chain = sorted(set(chain))
    if r.last_person and r.last_person[0] < pos:
        chain = sorted({*chain, r.last_person})
        acts.add(r.last_person[1])
    for at, name in reversed(chain):
        if pos - at > REACH:
            break
        if (among is not None and name not in among) or not _country_near(
            r, name, modifiers, pos, written
        ):
            continue
        if (name in taken or name in other or name not in acts
                or not re.search(r"[.!?][\"”’)]*(?:\s|(?=[A-Z“\"]))", r.text[at : pos + 1])
                or any(a <= at < b for a, b in r.reported)):  # fmt: skip
            # nor one named in the office's own sentence ("Responding to the concerns
            # expressed by Emmanuel Macron, the President of Russia emphasised")
            continue
        r.offices[office] = name
        return name
    # (a bare office only as an official site writes it, capitalised: "the president" in
    # news copy may be a head of state the text never names)
    if among is None and (not chain if modifiers else head.title() in written):
        # a lead that names no one before the office ("The Russian President emphasised
        # ..." in a call readout), or no one it may be ("Sergei Melikov said ... The
        # President noted ... Vladimir Putin noted"): the first person the text makes a
        # speaker after it, of that country, whom no other office names
        later = sorted((m.start, m.name) for m in r.mentions
                       if m.start > pos and m.name in acts and m.name not in taken | other
                       and m.start - pos < REACH)  # fmt: skip
        for _, name in later:
            if _country_near(r, name, modifiers, pos, written):
                r.offices[office] = name
                return name
    return None


_LINKS = {"in", "of", "from", "at", "with", "about", "on", "by", "for"}


def document_owner(text: str, head: str, pos: int, written: str = "") -> str | None:
    """Who a document ("the article", "the statement") is by, as the text says before it: 'In
    an article ..., the Communist Party of China Central Commission for Discipline Inspection
    said', 'The Hong Kong General Chamber of Commerce issued a statement', 'a statement by the
    Sabahi campaign', 'a statement released by the office of President Jacob Zuma', 'President
    Jacob Zuma's office said in a statement'; else the document named whole before ('the Xinhua
    editorial'). None when the text does not say, or when the role as ``written`` names another
    owner: its own name ("A DBS report" is no "HSBC report") or a possessive."""
    words = written.split()[1 : len(written.split()) - len(head.split())]
    if any(re.search(r"[’']s$", w) or w in _LINKS for w in words):
        return None  # (nor "a person cited in the report": no document)
    own = {w.lower() for w in words if w[:1].isupper()}
    found = _document_owner(text, head, pos)
    return found if found and all(w in found.lower() for w in own) else None


def _document_owner(text: str, head: str, pos: int) -> str | None:
    before = text[max(0, pos - REACH) : pos]
    # (also one's office or family: "the office of President Jacob Zuma")
    owner = rf"((?:[Tt]he\s+)?(?:(?:office|family)\s+of\s+)?[{UPPER}][^,.;:\"“”]*?)"
    patterns = (
        rf"\bIn (?:an?|the|its|his|her|their) (?:[\w’'\-]+\s+){{0,3}}{head}\b[^.;\"“”]*?,"
        rf"\s+{owner}\s+(?:said|says|stated|noted|wrote|added|argued)\b",
        rf"{owner}\s+(?:issued|released|published|posted|put out)\s+(?:an?|the|its|their)\s+"
        rf"(?:[\w’'\-]+\s+){{0,2}}{head}\b",
        rf"\b(?:[Aa]n?|[Tt]he)\s+(?:joint\s+|new\s+|recent\s+|annual\s+|latest\s+)?{head}\s+"
        rf"(?:(?:released|issued|published|posted|sent)\s+(?:on\s+\w+\s+)?)?(?:by|from)\s+"
        rf"(?:an?\s+)?{owner}(?=[,.;]|\s+(?:on|in|that|which|said|says|warned|due|[a-z]+ed|"
        rf"found|finds|showed|shows|stated|noted|concluded|was|is|has|had)\b)",
        # "..., President Jacob Zuma's office said in a statement."
        rf"(?:^|[.!?”\"]\s+|,\s+)(?!(?:On|In|At|By|Last|This|Early|Late|After|Before)\b)"
        rf"{owner}\s+(?:said|says|announced|added)\s+(?:on\s+\w+\s+)?"
        rf"in\s+(?:an?|its|their)\s+(?:[\w’'\-]+\s+){{0,2}}{head}\b",
    )
    found = [(m.start(), m.group(1)) for p in patterns for m in re.finditer(p, before)]
    if found:
        name = _OWNER_TAIL.sub("", re.sub(r"^[Tt]he\s+", "", max(found)[1].strip()))
        name = _CLAUSE_BEFORE.sub("", name)  # "as the Islamist pressure grew ... the generals"
        return name if len(name.split()) <= 12 else None
    whole = re.findall(rf"\b(?:[Tt]he|[Aa]n?)\s+((?:[{UPPER}][\w’'\-]*\s+){{1,3}}){head}\b", before)
    return f"the {whole[-1]}{head}" if whole else None


# a document and its owner after "by" or "from" (two capitals or an initialism; not "A report
# from Moscow"), less lower-case words before its name ("A study by the watchdog Media Matters")
_BY_OWNER = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'.\-]+\s+){0,4}?(?P<doc>[a-z]+)\s+"
    r"(?:by|from(?=\s+(?:the\s+)?(?:[A-Z]\S*\s+[A-Z]|[A-Z]{2,}\b)))\s+"
    r"(?P<owner>(?:(?:the|an?)\s+)?(?P<plain>(?:(?!(?:in|of|on|at|for|from|with|and)\s)"
    rf"[a-z][\w\-]*\s+){{0,4}}(?=[{UPPER}]))?.+)"
)


_OWNER_TAIL = re.compile(
    rf"\s+(?:on\s+(?:{DAY}|{MONTH})|(?:in|this|last|earlier|late|early)\s+(?:[{UPPER}][\w’'\-]*|"
    r"week|month|year|\d{4})\b|released|published|issued|conducted|due\b).*$"
)  # (not "on" before a name: "The Committee on Academic Freedom")
# what a clause before an owner's "the" leaves of it (not after "of", "for" and the like)
_CLAUSE_BEFORE = re.compile(r"^.*\b(?!(?:of|for|and|in|on|to|at|by|with|from)\b)[a-z]+\s+the\s+")


def owner_in(written: str, lex: dict, resolve: Callable[[str, int], str]) -> str | None:
    """The owner a document's phrase names after "by" ("Media Matters" for "A study by the
    liberal watchdog group Media Matters"), as ``resolve`` (the owner as written, where it
    starts in the phrase) names it, unless that is a part of it ("the Institute for Policy
    Analysis of Conflict" is no "Policy Analysis"); None where the phrase is no document's, or
    names no owner."""
    m = _BY_OWNER.fullmatch(written)
    if not m or not document_head(m["doc"], lex):
        return None
    at = m.end("plain") if m["plain"] is not None else m.start("owner")
    # (not a time, a place or a release after it: "Data Popular this month", "Myanmar News
    # Agency on Wednesday", "the national university released Thursday")
    owner = _OWNER_TAIL.sub("", written[at:])
    if not owner:
        return None
    name = resolve(owner, at)
    return owner if name in owner else name


def _country_near(r: Any, name: str, modifiers: set[str], pos: int, office: str) -> bool:
    """Whether the text near a person's mentions says what an office's modifiers say
    ("Russia" or "Russian" within a sentence of "Vladimir Putin" for "the President of
    Russia"); a role with a modifier the text never puts near the person is not theirs."""
    at = {p for p, n in zip(*r._chain, strict=True) if n == name}
    at |= {m.start for m in r.mentions if m.name == name}
    # the office's own words ("The US President") say nothing about the person
    text = r.text[:pos] + " " * len(office) + r.text[pos + len(office) :]
    near = " ".join(text[max(0, p - 600) : p + 600].lower() for p in sorted(at))
    for word in modifiers:
        stem = word.rstrip("aeiou")
        cue = (
            rf"\b{re.escape(stem[: max(4, len(stem) - 2)])}"
            if len(stem) >= 4
            else (rf"\b{re.escape(word)}\b")
        )
        # (or the country named for its adjective: "Belarus" for "the Belarusian leader")
        named = country_named(word) and rf"\b{re.escape(place_stem(word))}\w{{0,3}}\b"
        if not re.search(cue, near) and not (named and re.search(named, near)):
            return False
    return True


# a speaker the text introduces by a description (an indefinite article, words before the head
# noun or a phrase after it), and the same one again ("the [modifier] head")
_INTRODUCED = re.compile(
    r"(?:An?|an?)\s+(?P<mods>(?:(?!(?:who|that|which|is|was)\s)[a-z][\w\-]*\s+){0,4})"
    r"(?P<head>[a-z][\w\-]*[^s\W])"
    r"(?P<after>\s+(?:in|on|of|at|from|with|who|that|close|familiar)\s.*)?"
)
_AGAIN = re.compile(r"(?:[Tt]he\s+)([a-z][\w\-]*\s+)?([a-z][\w\-]*[^s\W])")
_DESCRIBED_REACH = 3000  # characters from a description to "the" head that names it again


@dataclass
class Descriptions:
    """The speaker quoted last under each head noun in a document: where, and the description
    that introduced them ("A front-page commentary article in People's Daily"), or None where
    the head was resolved to a name."""

    heads: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    def note(self, written: str, pos: int, speaker: str | None) -> None:
        introduced = _INTRODUCED.fullmatch(written)
        if introduced and not (introduced["mods"] or introduced["after"]):
            introduced = None  # "a spokesman": no description
        m = introduced or _AGAIN.fullmatch(written)
        if m:
            head = m["head"] if introduced else m.group(2)
            self.heads[head] = (pos, written if introduced and speaker == written else None)

    def again(self, written: str, pos: int, mentions: list) -> str | None:
        """The description "the [modifier] head" at ``pos`` names again, None where none
        does: the modifier must be the description's, and no name titled with the head may
        come between."""
        m = _AGAIN.fullmatch(written)
        said = self.heads.get(m.group(2)) if m else None
        if not said or not said[1] or not 0 < pos - said[0] < _DESCRIBED_REACH:
            return None
        if m.group(1) and m.group(1).strip() not in said[1].lower().split():
            return None
        if any(said[0] < n.start < pos and m.group(2) in n.titles for n in mentions):
            return None
        return said[1]


# those who speak for another ("a spokesman for the governor", "a lawyer for Mr. Trump")
SPEAKS_FOR = ("spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer",
              "attorney")  # fmt: skip
# one of them introduced without a name ("A spokesman for the governor said")
_UNNAMED_STAFF = re.compile(
    rf"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<head>{'|'.join(SPEAKS_FOR)})\b"
)
_NAMED_AFTER_REACH = 400  # characters after the description's frame that may name it


def named_after(text: str, written: str, pos: int, lex: dict) -> str | None:
    """The name the text gives an unnamed staff member right after (within two sentences) by
    the same head noun: 'A spokesman for the governor said ... “...,” said the spokesman,
    Tucker Martin.', '... said a spokeswoman for the island's leader. Lee Chia-fei, spokeswoman
    for Ma's office, said'; None where no one or more than one is named so."""
    m = _UNNAMED_STAFF.match(written)
    if m is None:
        return None
    head = m["head"]
    name = rf"([{UPPER}][\w’'\-.]*(?:\s+[{UPPER}][\w’'\-.]*){{1,3}})"
    after = text[pos + len(written) : pos + len(written) + _NAMED_AFTER_REACH]
    if re.search(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){{0,2}}?{head}\b", after):
        return None  # a second one of the same staff: whom the name is is not clear
    found = {g.rstrip(".") for g in re.findall(rf"\b[Tt]he\s+{head},\s+{name}", after)}
    found |= {g.rstrip(".") for g in re.findall(
        rf"{name},\s+(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?{head}\b", after)}  # fmt: skip
    found = {f for f in found if is_person(f, lex)}
    return found.pop() if len(found) == 1 else None


def described_again(r: Any, written: str, pos: int) -> str | None:
    """Whom a description names that the document's :class:`toolkit.speaker_resolver.Resolver`
    ``r`` has met before it ("the official" after "A law enforcement official said") or that
    the text names right after it ("A spokesman for the governor said ... said the spokesman,
    Tucker Martin"); None where neither does."""
    return r.described.again(written, pos, r.mentions) or named_after(r.text, written, pos, r.lex)


def is_titled_person(name: str) -> bool:
    """Whether a resolved name is a person the text names by title and surname only
    ("President Obama", "Queen Beatrix")."""
    return re.fullmatch(rf"(?:{TITLED.pattern}|{KNOWN_BY_TITLE}\s+\S+)", name) is not None


def quoted_by_title(r: Any, head: str, modifiers: set[str], pos: int, titled: list) -> str | None:
    """The holder named by this office's title and surname only ("President Obama") over those
    titled with a full name before (``titled``: "President Macky Sall"): quoted last within
    reach, or named over twice as often as each ("Obama" 30 times, "Kenyatta" 4), none of whose
    names holds the surname ("General Gutiérrez" is Jesús Gutiérrez Rebollo); else None."""
    if modifiers or head not in TITLES_OF or not any(m.start < pos for m in titled):
        return None  # (no one else titled: titled_surname and office_holder read it)
    last = r.last_person
    if last and 0 <= pos - last[0] <= REACH and is_titled_person(last[1]):  # quoted last
        return last[1] if re.match(TITLES_OF[head], last[1]) else None
    written = titled_surname(r.text, pos, head, reach=pos)  # anywhere before, not only near
    name = written.split()[-1] if written else ""
    often = lambda word: len(re.findall(rf"\b{re.escape(word)}\b", r.text[:pos]))  # noqa: E731
    rivals = [m.name.split() for m in titled if m.start < pos]
    more = name and all(name not in w and often(name) > 2 * often(w[-1]) for w in rivals)
    return written if more else None


def titled_surname(text: str, pos: int, head: str, modifiers: set[str] | frozenset = frozenset(),
                   names: set[str] | frozenset = frozenset(),
                   reach: int = REACH) -> str | None:  # fmt: skip
    """The holder of a role with no modifiers (``head``: a key of ``TITLES_OF``) the text names
    by title and surname only, ``reach`` or less before ``pos`` ("President Obama vowed ... the
    president said", "General Allen ... the general"), where it names one surname only (a
    possessive is the same one: "President Trump's diagnosis"): the one of ``names`` (given the
    title) with that surname ("US President Donald Trump ... President Trump ... the
    president"), else title and surname as first written; None for another role."""
    if head not in TITLES_OF or modifiers:
        return None
    found = [(re.sub(r"['’]s$", "", m.group()), re.sub(r"['’]s$", "", m.group(1)))
             for m in TITLED.finditer(text, max(0, pos - reach), pos)
             if re.match(TITLES_OF[head], m.group())
             and not re.match(rf"\s+[{UPPER}]", text[m.end() :])]  # fmt: skip
    if len({s for _, s in found}) != 1:
        return None
    titled, last = found[0]
    full = [n for n in names if last in n.split()[1:]]  # (of two surnames, the first:
    return full[0] if len(full) == 1 else titled  # "Jesús Gutiérrez Rebollo")
