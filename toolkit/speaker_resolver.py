"""Who a written speaker is in its document: surnames, roles, institutions and pronouns
resolved to the names the document gives (:class:`Resolver`).

- a surname to the full name that ends with it, else one that starts with it (a family name
  written first: "Choi" -> "Choi Man-yiu", also after a given name: "Wong" -> "Joseph Wong
  Wing-ping", "Koon" -> "Peter Douglas Koon Ho-ming"), also a surname joined to a particle
  ("Sisi" -> "Abdel Fattah al-Sisi"); of two people with one surname, "Ms." names the one the
  text makes a woman ("Ms. Mugabe" -> "Grace Mugabe" beside "Mr. Mugabe"), and a form of
  address no one named of the other gender ("Mr. Obama" is not "Michelle Obama");
- an initialism to the name the text writes whole ("the F.E.C." -> "Federal Election Commission");
- a role to the one name the document gives that title ("Belarusian President Aleksandr
  Lukashenko" makes "the Belarusian leader" and "the President of Belarus" Aleksandr
  Lukashenko), before the role, else right at a name after it (a headline); an office ("the
  President") that the document gives no one is, like "he", the person quoted last;
- an institution's head word ("the ministry") to the one institution the document names with it
  ("the Russian Emergencies Ministry"), and "it" to the institution quoted last;
- "I" to the speaker of the transcript turn it is in ("Vladimir Putin: ... I said");
- "he" or "she" to the person quoted or mentioned last (by full name or surname, outside
  quotation marks and reported clauses, of the gender "Mr." or "Ms." gives, within 1,500
  characters), along the chain :mod:`toolkit.speaker_chain` gives. Names and their titles
  are found by :mod:`toolkit.speakers`.

Example:
    >>> from toolkit.speaker_names import find_mentions
    >>> from toolkit.speakers import lexicon
    >>> text = "Belarusian President Aleksandr Lukashenko met Sergey Lavrov. Lukashenko spoke."
    >>> resolver = Resolver(find_mentions(text, lexicon()), lexicon(), {}, text)
    >>> resolver.resolve("the Belarusian leader", len(text))
    'Aleksandr Lukashenko'
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from toolkit.quote_spans import sentences as split_document
from toolkit.speaker_chain import addressed_as, person_chain
from toolkit.speaker_names import Mention, titled_name
from toolkit.speaker_offices import (
    INDEFINITE,
    Descriptions,
    described_again,
    document_owner,
    office_holder,
    owner_in,
    quoted_by_title,
    title_matches,
    titled_surname,
)
from toolkit.speaker_organisations import (
    GROUP_HEADS,
    INSTITUTION_WORDS,
    longer_form,
    of_state,
    organisation,
    spelled_out,
)
from toolkit.speaker_pronouns import GENDER, body_it, group_before, pronoun_person
from toolkit.speaker_relations import both_sides, near_another, related
from toolkit.speaker_titles import name_of
from toolkit.speaker_turns import addressee, turns
from toolkit.speakers import (
    DETERMINERS,
    HYPHENED_GIVEN,
    PARTICLES,
    UPPER,
    folded,
    given_name_after,
    is_person,
    one_edit,
    surname,
)

__all__ = ["Resolver"]

_GROUP_REACH = 300  # characters between "they" and the end of its group's report
# the two sides of talks: "the two leaders", "the presidents", "both sides", "the parties"
_BOTH = re.compile(r"(?:(?:the\s+)?two\s+|the\s+|both\s+)(?:leaders|presidents|sides|parties)")
# role heads that name many people, never one ("local media" is no "media tycoon Jimmy Lai")
_COLLECTIVE = {"media", "police", "military", "army", "authorities"}


def _unhyphened(name: str) -> str:
    """A name as two spellings of it may agree, hyphens left out too ("Deng Xiao-ping")."""
    return folded(name).replace("-", "")


@dataclass
class Resolver:
    """Who a written speaker is in one document: the names it mentions, the lexicon, the
    aliases (lower-case form -> canonical name), the text, the spans inside quotation marks
    (names there are not antecedents of a pronoun), the reported clauses attributed so far
    (nor are names there: "Mr. Amin said that he suspected the assault on Mr. Parolari. He
    said ..." is Mr. Amin again) and the person quoted last."""

    mentions: list[Mention]
    lex: dict[str, Any]
    aliases: dict[str, str]
    text: str = ""
    quoted: list[tuple[int, int]] = field(default_factory=list)
    last_person: tuple[int, str] | None = None
    last_said: int = 0  # where the quotation of the person quoted last starts
    reported: list[tuple[int, int]] = field(default_factory=list)
    last_organisation: tuple[int, str] | None = None
    last_group: tuple[int, str] | None = None  # where the report of the group quoted last ends
    # the one person quoted last whom the text describes without a name: where, who, how long
    last_described: tuple[int, str, int] | None = None
    # whose words the text is, by its title ("Speech by President Zelenskyy"): "I" outside turns
    voice: str | None = None
    # an office (its head and modifiers) -> the person it named
    offices: dict[tuple[str, frozenset[str]], str] = field(default_factory=dict)
    # the text's sentences, (start, end), as :func:`toolkit.quote_spans.sentences` cuts them
    sentences: list[tuple[int, int]] | None = None
    # the speakers the text introduced by a description ("A law enforcement official said")
    described: Descriptions = field(default_factory=Descriptions)
    # the names the document's title gives with their titles ("Telephone conversation with
    # President of France Emmanuel Macron"): whom an office names where the text names no one
    headline: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.sentences is None:
            self.sentences = split_document(self.text)
        self._sentence_starts = [a for a, _ in self.sentences]
        self.count = Counter(m.name for m in self.mentions)
        chain = person_chain(self.mentions, self.lex, self.text, self.quoted)
        self.persons, self.gender = chain.persons, chain.gender
        self._chain = chain.starts, chain.names
        # names that read as a person's, salient or not, and transcript turns, in text order
        self._named = sorted(m.start for m in self.mentions if is_person(m.name, self.lex)
                             and self._outside_quotes(m.start))  # fmt: skip
        self._turns = turns(self.text, self.lex)
        self._hk = {m.name for m in self.mentions if re.search(r"\S \S+ [A-Z]\w+-[a-z]+$", m.name)}

    def _outside_quotes(self, pos: int) -> bool:
        return not any(a <= pos < b for a, b in self.quoted)

    def person_between(self, start: int, end: int) -> bool:
        """Whether a name that reads as a person's is given (outside quotation marks) between
        two offsets, salient or not ("Mordechai Gordon, a professor ..., sees ...")."""
        i = bisect.bisect_left(self._named, start)
        return i < len(self._named) and self._named[i] < end

    def resolve(self, written: str, pos: int) -> str:
        """The speaker ``written`` at ``pos`` names, under the user's name for it where the
        aliases list that name (any way it was reached: a surname, a title, a pronoun)."""
        name = self._resolve(written, pos)
        fuller = {f for f in self._hk if f.startswith(name + " ") and " " in name}
        name = fuller.pop() if len(fuller) == 1 else name  # with the Chinese given name the
        # text also gives it ("Jeremy Young" -> "Jeremy Young Chit-on")
        if re.match(r"[Tt]he\s", written) and name != written and name == self._turn(pos):
            name = written  # a transcript's speaker names someone else by a role ("The
            # President just said ..." in Alexander Lukashenko's turn)
        return self.aliases.get(name.lower(), name)

    def _resolve(self, written: str, pos: int) -> str:
        lex = self.lex
        low = written.lower()
        if low == "it":  # a body the clause or the sentence before opens with, else the one
            return body_it(self, pos) or written  # quoted last
        if low == "i":
            return self._turn(pos) or self.voice or written
        if low == "you":  # whom this turn answers: a surname resolves as written
            k = bisect.bisect_right(self._sentence_starts, pos) - 1
            who = addressee(self.text, self.sentences[max(k, 0)], pos, self._turns)
            return self._resolve(who, pos) if who else written
        if low in ("they", "their"):  # the group quoted last, its report ending just before,
            last = self.last_group  # else one that opens the sentence before ("The leaders")
            if last and 0 <= pos - last[0] < _GROUP_REACH:
                return last[1]
            group = group_before(self, pos)
            if not (group and _BOTH.fullmatch(group.lower())):
                return group or written
            low = group.lower()  # "The leaders agreed ... They": both sides, as below
        if _BOTH.fullmatch(low):
            # (the persons the title names after the text's: "Telephone conversation with
            # President of Palestine Mahmoud Abbas" over "The leaders discussed ...")
            titled = [m.name for m in self.headline
                      if is_person(m.name, self.lex) and m.name not in self._chain[1]]  # fmt: skip
            return both_sides(self._chain[1] + titled) or written
        if re.fullmatch(rf"(?:[Oo]ne|[Aa]n?|[Aa]nother)\s[{UPPER}][a-z]+(?:an|ese|ish|i)", written):
            return written  # "one American", "a Lebanese": someone of a nation, no surname
        if re.match(r"(?:[Ss]ome|[Mm]any|[Mm]ost|[Oo]thers|[Ff]ew)\s+(?:in|of|from|at)\s", written):
            return written  # "Some in Maranhão", "Many of them": a group, no one named
        owned = owner_in(written, lex, lambda owner, at: self._resolve(owner, pos + at))
        if owned:  # "A study by the Council of ...": the Council's
            return owned
        again = described_again(self, written, pos)
        if again:  # "the official" after "A law enforcement official said"
            return again
        agent = re.fullmatch(r"[Tt]he ([A-Za-z][a-z]+(?:ist|ian))", written)
        if agent and (
            agent.group(1).lower() in lex["role_words"] | lex["organisations"]
            or re.search(
                rf"[a-z,]\s+The\s+{agent.group(1)}\b|\b(?:in|to|by|from|told)\s+"
                rf"{agent.group(1)}\b",
                self.text,
            )
        ):
            agent = None  # a role, or a name written so inside a sentence ("The Guardian")
        if re.fullmatch(r"the \d+-year-old", low) or agent:
            low = "they"  # "The 66-year-old acknowledged", "The Africanist believes" (one the
            # text has named, described by what they are): like a pronoun of either gender
        written = re.sub(r"\bthe (\w+)['’]s (Office|Administration|Press Service)\b",
                         r"the \2 of the \1", written)  # "the President's Office"  # fmt: skip
        if low in GENDER or low == "they":
            return pronoun_person(self, low, pos) or written
        pair = [re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.?\s+", "", side) for side in written.split(" and ")]
        people = len(pair) == 2 and all(
            is_person(side, lex) or re.fullmatch(rf"[{UPPER}][\w’'\-]+", side) for side in pair
        )
        group = re.match(r"(?:\w+\s+)?(\w+s)\s+(?:of|from)\s", written)
        relation = related(self, written, pos, people=people)
        if relation:  # "his wife Bernadette", "his critics", "Trump and his supporters", ...
            return relation
        if people or (
            group and (group.group(1).islower() or group.group(1).lower() in lex["roles"])
        ):
            return written  # two people ("Mr. Obama and Mr. Putin"), or a group of a person's
            # or from a place ("Other friends of Ms. Power", "Organizers from Dallas"): no one
        if re.match(r"(?:[Tt]he\s+)?[A-Z][a-z]+\s+\d", written):
            return written  # "Article 45 of Hong Kong's Basic Law": a document named whole
        spelled = spelled_out(self.text, written) or longer_form(self.text, written, pos)
        if spelled:  # "the F.E.C." where the text also writes "the Federal Election Commission"
            return spelled
        named = given_name_after(written)
        if named:  # "a man named Mikita", "the manager, who gave only his
            return named.group(1)  # first name, Viktor": the name as given, no one else's
        titles, name = name_of(written, lex)
        if titles[-2:-1] and titles[-2] in INSTITUTION_WORDS and titles[-1] in ("for", "on"):
            name = None  # "president of the Center for American Progress": a role
        if near_another(written, titles, lex):
            if not re.match(r"[Tt]he\s", written):
                return written  # "an aide to US President Woodrow Wilson", "a source close to
                # Joe Biden": ones the text does not name, not the one named after
            name = None  # "The adviser to the President": a role, which the text may have named
        cut = next((i for i, t in enumerate(titles) if t.lower() in ("of", "from", "at")), None)
        before_titles, before = name_of(" ".join(titles[:cut]), lex) if cut else ([], None)
        titled = before_titles and all(t in lex["titles"] for t in before_titles)
        # "Louise M. Slaughter of New York", "Mr. Barroso from Teneo Intelligence", "Julia
        # Lakatos of the Center for Fair Political Analysis": the person before "of" (a surname
        # after a title), not the place or institution after it
        person = bool(before and (len(before.split()) >= 2 or titled)
                      and before.split()[-1] not in INSTITUTION_WORDS)  # fmt: skip
        # (not "The Standing Committee of the National People's Congress": an institution)
        last = max((j for j, t in enumerate(titles) if t in INSTITUTION_WORDS), default=None)
        # a person's title that ends with an institution, the name right after it ("Deputy
        # Head of the Presidential Office Kyrylo Tymoshenko"): the title's own words say so
        # (also where the institution's place follows it: "Member of the National Scout
        # Organization of Ukraine Natalia Strokan", a person's name after it)
        held = (
            last is not None
            and (last == len(titles) - 1 or (name is not None and is_person(name, lex)))
            and any(
                (t in lex["titles"] and t not in ("State", "Press"))
                or t.lower() in lex["role_words"] | {"member"}
                for t in titles[:last]
            )
        )
        # a role of an institution with no person's name after it ("the former head of the
        # Law Society of Hong Kong"): an office, which the office holder's rules resolve
        office = last is not None and any(t.lower() in lex["roles"] for t in titles[:last])
        if (
            name
            and not person
            and not held
            and not office
            # (not "the ... Court Prosecutor", a role; a plural is a body's: "Cabinet of Ministers")
            and (name.lower() not in lex["roles"] or name.endswith("s"))
            and last is not None
            and all(
                w in ("for", "of", "and", "on", "the", "a", "to")
                or (
                    w[:1].isupper() and w not in lex["titles"] and w.lower() not in lex["roles"]
                )
                for w in titles[last + 1 :]
            )
        ) or (name and not person and name.split()[-1] in INSTITUTION_WORDS and is_person(
            re.sub(r"^[Tt]he\s+", "", written), lex)):  # fmt: skip
            # "Radio Television Hong Kong", "the Central Commission for Discipline Inspection":
            # an institution's name, the words after its head no person's name; "The Brooklyn
            # Public Library": capitalised words that end with its head ("the Committee to
            return re.sub(r"^[Tt]he\s+", "", written)  # Protect Journalists" too)
        plain = all(t not in lex["titles"] and t.lower() not in lex["role_words"] for t in titles)
        long = len([w for w in written.split() if w.lower() not in PARTICLES]) in (3, 4)
        if name and titles and plain and long and is_person(written, lex):
            name = written  # three or four words written whole: "Lee Kuan Yew"
        if person:
            name = before
        elif name and cut and titles[-1].lower() in ("of", "from", "the"):
            name = None  # "a former mayor of San José", "the Prime Minister of the United
            # Kingdom": a role, and the place it is of
        if name and len(name.split()) >= 2:
            # the one longer name the document gives that ends with it ("Ali Akbar Velayati"
            # for "Akbar Velayati", the two last words of a three-word name)
            longer = [m for m in self.mentions if m.name.endswith(" " + name)]
            if len({m.name for m in longer}) > 1:  # "Mr. García Pelayo" of two brothers: the
                # one the sentence before names, else the one the text introduced first
                return (
                    self._named_just_before(longer, pos) or min(longer, key=lambda m: m.start).name
                )
            if longer:
                return longer[0].name
            # the same name the text spelled first another way ("Deng Xiao-ping" after "Deng
            # Xiaoping", "Daivd Dollar" after "David Dollar"): the first spelling
            first, rest = name.split(" ", 1)
            same = [m for m in self.mentions if _unhyphened(m.name) == _unhyphened(name) or (
                m.name.endswith(" " + rest) and one_edit(m.name.split()[0], first))]  # fmt: skip
            return min(same, key=lambda m: m.start).name if same else name
        if name:  # a surname: the full name that ends with it, the latest before, else the first
            people = [m for m in self.mentions if is_person(m.name, lex)]  # not "Hong Kong"
            full = [m for m in people if surname(m.name) in (name, surname(name))]
            # else one written with letters this one leaves plain ("Recep Tayyip Erdoğan")
            plain = (folded(name), folded(surname(name)))
            full = full or [m for m in people if folded(surname(m.name)) in plain]
            full = full or [m for m in people if one_edit(surname(m.name), name)]  # misspelt
            # else one a family name opens ("Choi Man-yiu"; "Joseph Wong Wing-ping": "Mr. Wong")
            full = full or [m for m in self.mentions if _family_first(name, m.name)]
            full = addressed_as(full, written, self.gender, self.text)  # ("Ms. Mugabe")
            near = self._named_just_before(full, pos)
            if near:  # several of that name: one the sentence before introduces
                return near
            if full:  # the one most often named, the latest before the quote among equals
                key = lambda m: (bool(m.titles & lex["title_words"]), self.count[m.name],  # noqa: E731
                                 m.start < pos, m.start)  # fmt: skip
                best = max(full, key=key)
                last = self.last_person[1] if self.last_person else ""
                # (the longer form the person quoted last was given: "Jes Kaliebe Petersen")
                return last if last.endswith(" " + best.name) else best.name
            titled = titled_name(self.text, name)
            if titled:  # no given name in the text: the title and surname it writes ("Mr.
                return titled  # Obama" -> "President Obama", "Beatrix" -> "Queen Beatrix")
            if len(written.split()) == 1:
                return written
            # no name ends with it: a role with a capitalised complement ("the ... of ...")
        words = [w.lower().replace("’", "'") for w in written.split()
                 if w.lower() not in DETERMINERS]  # fmt: skip
        complement: list[str] = []
        links = [i for i, w in enumerate(words) if w in ("of", "for") and i]
        at = links[0] if links else 0  # "the President of Belarus", "a spokesman for the ..."
        if (
            at
            and " ".join(words) not in lex["roles"]
            and lex["roles"] & {" ".join(words[i:at]) for i in range(at)}
        ):
            # "the Russian Minister of Foreign Affairs": the role, what it is of as modifiers
            words, complement = words[:at], [w for w in words[at + 1 :] if w != "the"]
            if words[-1] == "head" and complement[-1:] == ["ministry"]:
                # "the Head of the Belarusian Foreign Ministry": the Belarusian Foreign Minister
                words, complement = [*words[:-1], *complement[:-1], "minister"], []
        head = next((" ".join(words[i:]) for i in range(len(words))
                     if " ".join(words[i:]) in lex["roles"]), None)  # fmt: skip
        if head is not None and words == [head] and re.search(r"[^s]s$", head):
            # a bare group ("officials said") right after the same group named fuller
            # ("Afghan and American officials said Sunday ... officials said")
            last = self.last_group
            if last and 0 <= pos - last[0] < _GROUP_REACH and last[1].lower().endswith(" " + head):
                return last[1]
        if head is None or re.search(r"[^s]s$", head) or head in _COLLECTIVE:
            return written  # no role, or a group ("officials", "sources"): never one person
        modifiers = {re.sub(r"'s$", "", w) for w in words[: len(words) - len(head.split())]
                     if w[:1].isalpha() and w not in {"top", "senior", "former"}}  # fmt: skip
        # (a country's formal name is the country: "the President of the Republic of Turkey"
        # is the "President of Turkey" the text named)
        formal = [w for w in complement if w not in ("republic", "federation", "of")]
        modifiers |= set(formal if formal and {"republic", "federation"} & set(complement)
                         else complement)  # fmt: skip
        if head in lex["organisations"]:
            last = self.last_organisation  # ("the company": the body quoted last, none since)
            last = None if last and self.last_person and self.last_person[0] > last[0] else last
            named = organisation(self.text, lex, written, head, modifiers, pos, last)
            if named != written or head not in GROUP_HEADS:
                return named
            # else one the text gave that title ("The advocacy group Human Rights Watch")
        if head in lex["documents"]:  # "the statement": whose the text says before it, if it does
            owner = document_owner(self.text, head, pos, written)
            return owner if owner else written
        one = low.split()[0] in INDEFINITE  # "a spokesman": none named before, but its appositive's
        titled = [m for m in self.mentions if title_matches(m.titles, head, modifiers, lex,
                  m.served) and (not one or 0 < pos - m.start - len(m.name) < 4)]  # fmt: skip
        people = {p.name for p in self.persons}
        # the names given that title before the role, else an office holder titled right at the
        # name after it (a headline, or a lead that names the person only later); people first
        later = [m for m in titled if m.start >= pos and m.cue and head in lex["offices"]]
        if later and titled_surname(self.text, pos, head, modifiers):
            later = []  # "President Obama" before "the president", not "President Bush" later
        if held := quoted_by_title(self, head, modifiers, pos, titled):
            return held  # "President Obama" quoted last, not "President Macky Sall" before him
        for pool in ([m for m in titled if m.start < pos], later):
            names = of_state(pool, people, modifiers)  # people first; a state's office
            if len(names) == 1:
                return names.pop()
            if names and self.last_person and self.last_person[1] in names:
                return self.last_person[1]
            if names and low.split()[0] not in ("a", "an"):  # several given the title: the one
                # named last before, in an earlier sentence ("President Putin and I ..." is no
                # antecedent), else the one called by title and surname ("President Obama")
                held = office_holder(self, written, head, modifiers, pos, names)
                return held or titled_surname(self.text, pos, head, modifiers, names) or written
            if names:
                return written
        if head in lex["offices"] and low.split()[0] not in ("a", "an"):  # "a spokesman": anyone
            heading = {m.name for m in self.headline if modifiers
                       and title_matches(m.titles, head, modifiers, lex, m.served)}  # fmt: skip
            if len(heading) == 1:  # "The President of France" in a readout the title says is
                return heading.pop()  # "... with President of France Emmanuel Macron"
            held = office_holder(self, written, head, modifiers, pos)
            return held or titled_surname(self.text, pos, head, modifiers) or written
        # a role the text gives with a surname only ("General Allen ... the general said")
        return (low.startswith("the ") and titled_surname(self.text, pos, head)) or written

    def _named_just_before(self, full: list[Mention], pos: int) -> str | None:
        """Of several people a surname may name, the one the text names in full (two words
        or more) in the sentence before ``pos`` or earlier in its own, when no other of them
        is named since: "Kim Seom-gyeong, 91, arrived ... “...,” Mr. Kim was quoted as
        saying" (not Kim Dae-jung, named more often further up)."""
        if len({m.name for m in full}) < 2:
            return None
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        since = self._sentence_starts[max(0, k - 1)] if k >= 0 else 0
        before = [m for m in full if m.start < pos]
        if not before:
            return None
        last = max(before, key=lambda m: m.start)
        whole = self.text[last.start : last.start + len(last.name)] == last.name
        return last.name if last.start >= since and whole and " " in last.name else None

    def _turn(self, pos: int) -> str | None:
        """The speaker of the transcript turn ``pos`` is in: the last label before it, a
        person's name and a colon that open a paragraph or follow a sentence's end ("Vladimir
        Putin: Ms Akhmedova, you have raised ...")."""
        i = bisect.bisect_left(self._turns, (pos, "")) - 1
        return self._turns[i][1] if i >= 0 else None


def _family_first(name: str, full: str) -> bool:
    """Whether a full name holds ``name`` as its family name written before a given one: one of
    its first two words ("Choi Man-yiu", "Joseph Wong Wing-ping"), or the word before a hyphened
    given name after two English ones ("Peter Douglas Koon Ho-ming" for "Koon")."""
    words = full.split()
    return name in words[:-1][:2] or (
        len(words) >= 3 and HYPHENED_GIVEN.fullmatch(words[-1]) is not None and name == words[-2]
    )
