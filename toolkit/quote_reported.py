"""Reported speech: the speaker, verb and clause of a sentence with no quotation marks.

- 'X stressed that ...', 'X said the talks ...', 'X said on Wednesday he ...';
- '..., X said (on Thursday).', '..., said X, the ...', 'However, X noted, the ...';
- 'As X said at the briefing, ...', 'As pointed out by X, ...' ('According to X, ...' is
  :mod:`toolkit.quote_sources`);
- 'This was stated by X.' (the sentence before is X's);
- '..., just as X reiterated on Monday.', 'X said on the merits, [clause]', 'X emphasized:
  [clause]' (a colon and no quotation marks);
- a document's verbs ('The Executive Order specifies that ...', 'states, in part, that');
- a second verb that takes the subject of the first ('X expressed concern ... but said that'),
  and a participle after a comma or "by" that takes the clause's subject ('X echoed that
  sentiment, saying that ...', 'X began the conversation by noting that ...').

The frames around quotations are :mod:`toolkit.quote_frames`'; :mod:`toolkit.quotes` puts
them together.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "Dmitry Peskov stressed that the talks would go on."
    >>> [(text[a:b], text[p:q], verb) for a, b, (p, q), verb in reported(text, 0, len(text), [],
    ...                                                                  lexicon())]
    [('the talks would go on', 'Dmitry Peskov', 'stress')]
"""

from __future__ import annotations

import re

from toolkit.given_names import is_given_name
from toolkit.quote_asides import ADDRESSEES, group_frame, inside_clause
from toolkit.quote_bare import bare_clause
from toolkit.quote_cited import cited
from toolkit.quote_coordinated import (
    aside_participle_subject,
    coordinated_subject,
    first_clause_subject,
    issuer,
    opening_participle,
    participle_subject,
)
from toolkit.quote_ends import (
    ADJUNCT,
    as_by,
    clause_before,
    final_frame,
    inverted_report,
    named_subject,
    passive_report,
)
from toolkit.quote_groups import aside_group
from toolkit.quote_heads import (
    PROGRESSIVE,
    TIME_AT_END,
    after_stop,
    lemma_of,
    without_adverbs,
    without_appositive,
    without_time,
)
from toolkit.quote_nouns import noun_reports, relative_reports
from toolkit.quote_objects import after_preposition
from toolkit.quote_relative import listed_subject, modified_subject, relative_subject, who_subject
from toolkit.quote_sources import according_to, in_opinion
from toolkit.quote_subjects import AUXILIARY, clause_subject, noun_phrase
from toolkit.quote_verb_forms import (
    clause_follows,
    infinitive_first,
    reports_here,
    subject_words,
    that_clause,
    without_asides,
    without_manner,
)
from toolkit.quote_voices import own_voice
from toolkit.speaker_turns import without_turn_label
from toolkit.speakers import speaker_phrase, word_spans

__all__ = ["reported"]

# "As X said (at the briefing), ...", "As her cousin Omar Robert Hamilton noted, ...": the clause
# after the comma (also after a phrase or a conjunction: "In view of this, as ...", "But as ...")
_AS_OPENING = re.compile(
    r"\s*(?:[A-Z][\w’']*(?:\s+[\w’']+){0,5},\s+[Aa]s|(?:But|And|Yet|So|Still),?\s+as|As"
    r"|(?:Just|Exactly|Precisely)\s+as"  # ("Just as President Xi said, ...")
    # (or after a clause and its subordinator: "..., since, as President Lukashenko told me, ...")
    r"|[^\"“”]{3,200}?\s(?:since|because|although|though|while|but|and|so|that),?\s+as)\s+"
    r"(?:(?:his|her|their|its|the|a|an|one|my|our)\s+(?:[a-z][\w\-]*\s+){1,2})?"
)
# what opens and ends a noun phrase a name follows in commas ("But the lawyer, John Wang,")
_NAMED_AFTER = re.compile(r"^\W*(?:But|And|Yet|So)\s+|,\s*$")
_AS_FRAME = re.compile(r"([^,\"“”«»]{0,90}),\s+(.{8,}?)[.!?]?$")

# a discourse word in commas before the sentence's subject ("In Markha, though, Tsetan Dolkar")
_ASIDE_WORD = re.compile(
    r",\s+(?:though|however|too|meanwhile|moreover|in turn|nonetheless|nevertheless|in fact),"
    r"(?=\s*[A-Z\d])"
)
# a short quoted phrase inside a sentence: a name or a scare-quoted word, no quotation (a comma
# inside the closing mark, as the American style sets it: 'as a “political atheist,” said')
_SHORT_QUOTED = re.compile(r"(?<=[\s(])[“\"]([\w’'\-]+(?:\s[\w’'\-]+){0,3},?)[”\"](?=[\s,])")
# a verb's prepositional object ("insist on a plan ... that"), not a day ("on Monday")
_ON_OBJECT = re.compile(r"\s+(?:on|upon)\s+(?:an?|the|its|their|his|her)\s+(?!sidelines)[a-z]")
# an auxiliary, modal or copula: a finite verb of its own between a verb and "that" (and,
# right after "that", a relative clause's verb)
_AUXILIARIES = rf"(?:{AUXILIARY})"
_AUXILIARY_WORD = re.compile(rf"\b{_AUXILIARIES}\b")


_THAT = that_clause(70)
_TOLD_THAT = that_clause(110)  # whom one told, and where and when
_WHOM_WORD = re.compile(r"[A-Z]|(?:the|of) [A-Z]")  # a name's word, or "the"/"of" before one
_PP_THAT = re.compile(rf"(\s+{ADJUNCT}[^.;:\"“”]{{0,150}}?)\s+that,?\s+(.{{8,}}?)[.!?]?[\"”]?$")
# a preposition, a determiner and up to two words right before a plural verb form that is also
# a noun: the noun ("said in her opening remarks that"; not "say the rules that ...")
_NOUN_BEFORE = re.compile(
    r"\b(?:in|at|during|on|after|before|with|to|from)\s+"
    r"(?:the|a|an|his|her|its|their|our|my|this|these|those)\s+(?:[a-z]+\s+){0,2}$"
)


def _verb_before_that(words: str, lex: dict) -> bool:
    """Whether the words between a reporting verb and "that" hold a verb's form that is a
    verb there, not a plural noun after a preposition and a determiner ("said in her opening
    remarks that") nor an infinitive ("went on to explain that")."""
    return any(not (_NOUN_BEFORE.search(words[: m.start()]) and m.group().endswith("s")
                    and lemma_of(m.group(), lex) in lex["noun_forms"])
               and not (words[: m.start()].endswith("to ") and lemma_of(m.group(), lex) == m[0])
               for m in lex["verb"].finditer(words))  # fmt: skip


# "that" opening a relative clause: a verb right after it
_RELATIVE = re.compile(rf"{_AUXILIARIES}\b")
# a past verb right after "that": the relative clause's own verb
_RELATIVE_PAST = re.compile(
    r"(?:[a-z]+ed|took|made|came|went|led|began|brought|left|gave|became|held|kept|saw|"
    r"struck|hit|shook|won|lost|fell|rose|grew|ran|set|spread|swept|broke)\b"
)
# verbs whose object is whom they address, before "that"
_TELLS = {"tell", "inform", "assure", "remind", "warn", "convince", "brief", "persuade",
          "notify", "urge", "teach", "show"}  # fmt: skip


# a second main clause joined to a report, with a subject and a reporting verb of its own:
# "..., and human rights groups warned that"
_JOINS = r",\s+(?:and|but|while|whereas)\s"
_NEXT_REPORT = re.compile(rf"{_JOINS}+((?:[\w’'\-.]+\s+){{1,6}}?)(\w+)\s+that\b")
# ... or a second reporting verb in the past that shares its subject: "said he was tired and
# added that" (not a passive's participle: "approved and welcomed by")
_NEXT_VERB = re.compile(r",?\s+(?:and|but)\s+(?:(?:also|then|[a-z]+ly)\s+)?(said|told|wrote|"
                        r"[a-z]+ed)\b(?!\s+by\b)")  # fmt: skip
# where a second main clause joins the one before: ", but", ", and", ", while", a semicolon,
# or a second reporting verb right before its quotation ("said he did not know and added, “",
# "said the government supports ..., adding, “"; a verb of the lexicon, read by
# _before_joined_quotation, or a participle)
_JOINED = re.compile(
    rf"{_JOINS}|;\s|\s(?:and|but)\s+(?:then\s+)?(?P<verb>[a-z]+)\s*[,:]\s*[\"“«]?$"
    r"|,\s+(?P<participle>[a-z]+ing)\s*[,:]?\s*[\"“«]?$"
)


def _before_joined_quotation(
    text: str, r: tuple, direct: list[tuple[int, int]], lex: dict
) -> tuple:
    """A report whose clause runs into a second clause, joined, that holds another's quotation
    ("Merkel says, the refugees must be divided, but Cameron is adamant that “...”"): up to
    the join, else as it is."""
    a, b, (_, p1), _ = r
    inside = [x for x, y in direct if max(a, x) < min(b, y)]
    joined = [j for j in (_JOINED.finditer(text, a, min(inside)) if inside else ())
              if not (j.group("verb") or j.group("participle"))
              or (lex["verb"].fullmatch(j.group("verb") or j.group("participle"))
                  and not (j.group("verb") or "").endswith("ing"))]  # fmt: skip
    if joined and joined[-1].start() > max(p1, a):
        return a, joined[-1].start(), *r[2:]
    return r


def _own_clause(clause: str, lex: dict) -> int:
    """The length of a reported clause up to a second main clause that reports another's words
    ("Obama emphasized that the reforms were not complete, and human rights groups warned
    that ...": the groups' report is no part of Obama's), or up to a second report of the same
    speaker ("said he was tired and added that ...": the second verb's row reports the rest)."""
    for m in _NEXT_REPORT.finditer(clause):
        if (lex["verb"].fullmatch(m.group(2)) and not m.group(2).endswith("ing")
                and not re.search(r"\b(?:that|which|who)\b", m.group(1))):  # fmt: skip
            return m.start()
    second = [m.start() for m in _NEXT_VERB.finditer(clause) if lex["verb"].fullmatch(m.group(1))]
    return second[0] if second else len(clause)


def reported(text: str, s0: int, s1: int, direct: list[tuple[int, int]], lex: dict,
             previous: tuple[int, int] | None = None):  # fmt: skip
    """Reported speech in the sentence text[s0:s1]: (start, end, speaker span, lemma); the
    sentence before it (``previous``) is the quote of a passive frame ('This was stated by
    X.')."""
    sentence = without_asides(text[s0:s1], lex)  # "the Hong Kong Bar Association (HKBA) said"
    sentence = without_turn_label(sentence)  # a turn's opening label blanked ("Putin: Friends")
    # a discourse word in commas before a subject blanked, its first comma kept ("In Markha,
    # though, Tsetan Dolkar, 34, ..., said")
    sentence = _ASIDE_WORD.sub(lambda m: "," + " " * (len(m.group()) - 1), sentence)
    # before a verb, a name or a word or two in quotation marks reads as plain words, offsets
    # kept ("the groups that coordinated the “Marching Shoes” in Paris, said"); reports keep them
    plain = _SHORT_QUOTED.sub(lambda m: f" {m.group(1)} ", sentence)
    if re.match(r"\s*(?:Do|Does|Did)\s[^\"“”«»]*\?\s*$", sentence):
        return []  # "Does he believe that ...?": a question, no report
    out = []
    passive = passive_report(text, s0, s1, previous, lex)
    if passive:
        return [passive]
    out.extend(according_to(sentence, s0, lex))
    out.extend(in_opinion(sentence, s0, lex))  # "In his opinion, ..."
    out.extend(noun_reports(sentence, s0, lex))  # "claims by Russia and Iran that ..."
    out.extend(opening_participle(sentence, s0, lex))
    by = as_by(sentence, lex)
    clause = re.fullmatch(r"([^\"“”]{8,}?)[.!?]?", sentence[by[2] :]) if by else None
    if by and clause:
        # "As pointed out by Zhang Dejiang, chairman of the NPCSC, as closer cooperation ..."
        out.append((s0 + by[2], s0 + by[2] + clause.end(1), (s0 + by[0], s0 + by[1]), by[3]))
    for v in lex["verb"].finditer(sentence):
        at = s0 + v.start()
        if any(a <= at < b for a, b in direct):
            continue
        lemma = lemma_of(v.group(), lex)
        if not reports_here(sentence, v, lemma, lex) or (
            v.group() in ("saying", "telling") and cited(plain[: v.start()], lex)
        ):
            continue  # (nor the document's "saying": "quoted X as saying" is X's, quote_cited)
        before = without_manner(plain[: v.start()])
        if before is None:
            continue  # "it is wrong to say the plan ...": no one's report
        before = without_time(before)  # "The police force on Monday"
        before = after_stop(before)  # "Haredi schools teach little math: one study said"
        before = subject_words(before, progressive=v.group().lower().endswith("ing"))
        words = word_spans(without_appositive(before, lex))
        if words and words[-1][2] in ("did", "does"):
            words = words[:-1]  # "Obama did acknowledge that": an emphatic "do" (not "did not
            # say that": a report of what was not said)
        words = without_adverbs(words)
        if v.group().lower().endswith("ing") and words and words[-1][2] in PROGRESSIVE:
            words = without_adverbs(words[:-1])  # "are now claiming that": the subject before
        got = speaker_phrase(words, lex)
        if v.group().lower().endswith("ing"):
            got = issuer(words, got, lex)
        if not got and words and words[-1][2] in ("and", "but"):
            got = coordinated_subject(words, lex)  # "X expressed concern ... but said that ..."
        if v.group().lower().endswith("ing") and (not got or after_preposition(words, got[0])):
            # (not the object of a preposition: "In May, a judge sided with ..., saying")
            words, got = participle_subject(plain[: v.start()], lex) or (words, None)
        if v.group()[0].isupper() and sentence[: v.start()].strip():
            continue  # part of a name ("United States Embassy officials")
        # (a pair whose second a speaker phrase names: "Current and former officials said")
        pair = bool(got) and got[0] > 0 and words[got[0] - 1][2] in ("and", "or")
        relative = re.search(r"\w\s+who\s*$", before) is not None  # a restrictive relative
        place = bool(got) and got[0] > 0 and words[got[0] - 1][2] in ("in", "on", "at")
        if got and after_preposition(words, got[0]) and (place or not relative):
            got = None  # "chief executive of Risk Office, ..., said": the object of "of" (not a
            # restrictive relative's, "ammunition to Republicans who say"; but "some in Japan who")
        subject, widened = None, False
        if (got and got[1] - got[0] == 1 and words[got[0]][2].islower() and got[1] == len(words)
                and words[got[0]][2] not in lex["offices"]):  # fmt: skip
            # a bare head word the clause's subject takes whole ("Algeria’s largest party said")
            whole = clause_subject(before, lex)
            if whole and whole[0] < words[got[0]][0] and whole[1] == words[got[0]][1]:
                got, subject, widened = None, whole, True
        if (not got and words and (words[-1][2] in ("and", "but", "then")
                                   or re.search(r",\s+then\s*$", before))  # ", then said"
                and not v.group().endswith("ing")):  # fmt: skip
            # "Ms. Rousseff ... praised ... and said that" (not "but noting that ..., the trustees
            # approved", nor a noun after a plural: "Democrats are attacking ... and rules that")
            subject = first_clause_subject(plain[: v.start()], lex)
            if subject and v.group().endswith("s") and lemma in lex["noun_forms"]:
                subject = None if re.search(r"(?:s|they|we)$", plain[: subject[1]]) else subject
        who = who_subject(before, lex) if got else None
        if (
            who
            and who[0] < words[got[0]][0]
            and not re.search(r"\b(?:who|that)\s+$", before[: words[got[0]][0]])
        ):  # "those who back her opponents say": not "her opponents" (but "a development that
            # rights advocates say goes": an object's relative clause, its subject the speaker)
            got, subject = None, who
        listed = None if subject else listed_subject(before, lex)
        if listed and (not got or words[got[0]][0] > listed[0]):
            got, subject = None, listed  # "Putin, Lukashenko and Tokayev said": not "Tokayev"
        # a verb, no noun, after a finding's head ("poll shows") or a name ("Chris Christie hopes")
        head = (before.split() or [""])[-1].lower() in lex["finding_heads"] | lex["documents"]
        person = bool(got) and is_given_name(" ".join(w for *_, w in words[got[0] : got[1]][-2:]))
        noun = v.group().endswith("s") and lemma in lex["noun_forms"] and not (head or person)
        inverted = None if got or subject else inverted_report(text, s0, s1, v, lemma, lex)
        if inverted and named_subject(sentence[: v.start()], lex):
            inverted = None  # "Antonio Tabet, 39, one of the partners ..., said many
            # Brazilians, despite ..., were": a name and its appositives are the subject
        if inverted:  # "..., said Linda D. Henderson, a professor ...": the speaker after it
            out.append(inverted)
            continue
        if (
            not got
            and not subject
            and not (noun and not re.match(r"\s+that\s", sentence[v.end() :]))
        ):
            # a subject no list names, before a verb no plural noun ("notes that", not "comments")
            subject = (
                relative_subject(before, lex)
                or clause_subject(before, lex)
                or who_subject(before, lex)
                or (None if v.group().endswith("ing") or noun else modified_subject(before, lex))
                or aside_group(before, lex)
            )
            if subject and re.search(r"\bby\s*$", sentence[subject[0] : subject[1]]):
                subject = None  # "The WSJ article misleads readers by suggesting that": no
                # subject ends with the preposition before its participle
            if subject is None and v.group().lower().endswith("ing"):
                # "The government, arguing that ..., moved", "with demonstrators contending"
                subject = aside_participle_subject(before, sentence[v.end() :], lex)
        if not got and subject is None:
            final = final_frame(sentence, v, lex)
            if final:  # "The police discouraged reporting on the accident, the group said."
                a, b, p, q = final
                out.append((s0 + a, s0 + b, (s0 + p, s0 + q), lemma))
            continue
        if (
            got
            and got[0] >= 2
            and words[got[0] - 1][2] == "and"
            and (
                words[got[0]][2].lower() in ("his", "her", "its", "their")
                and words[got[0] - 2][2][:1].isupper()
            )
        ):
            # "Trump and his supporters claimed": the person and the group together
            first = got[0] - 2
            while first and words[first - 1][2][:1].isupper():
                first -= 1
            got = (first, got[1])
        if got:
            speaker = (s0 + words[got[0]][0], s0 + words[got[1] - 1][1])
        else:  # the clause's own subject ("The monitors said", "Martin Lee, founder ..., said")
            speaker = (s0 + subject[0], s0 + subject[1])
        spoken = text[speaker[0] : speaker[1]]  # (a group is the text's: "these people said")
        if own_voice(spoken, sentence[: speaker[0] - s0], lex):
            continue  # "This author believes ...": the writer's own voice, no one quoted
        # "states, in part, that": the aside blanked out, the offsets kept
        rest = re.sub(r"^,\s+in\s+part,", lambda m: " " * len(m.group()), sentence[v.end() :])
        if lemma in lex["quote_objects"] and not re.match(r"\s+that\s", rest):
            continue  # "called his address ...", "praised the team": no report without "that"
        as_frame = _AS_FRAME.match(rest)
        if as_frame and lemma != "tell" and re.match(r"\s+(?:its|his|her|their|our|an?)\s", rest):
            as_frame = None  # "As France observed its second day of mourning, ...": an object
        if (as_frame and lemma not in ("go on", "continue")  # "As the protest goes on, ...",
                and not re.match(r"\s+on\s*,", rest)  # "But as he read on, Mr. Ross ..."
                and (spoken.lower(), lemma) != ("they", "say")  # "as they say": an idiom
                and not re.match(r"\s+who\s", text[speaker[1] :])  # ("as a writer who has")
                and _AS_OPENING.fullmatch(sentence[: speaker[0] - s0])
                and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b",
                                  sentence[: speaker[0] - s0])):  # fmt: skip
            # (not "This is AmpliTest, as I said, a testing of ...": a clause before "as")
            out.append((s0 + v.end() + as_frame.start(2), s0 + v.end() + as_frame.end(2),
                        speaker, lemma))  # fmt: skip
            continue  # "As Iryna Vereshchuk said at the briefing, ..."
        clause = re.match(_TOLD_THAT if lemma == "tell" else _THAT, rest) or (
            None if subject else re.match(_PP_THAT, rest)
        )  # (whom one told and where and when: "told a press conference on Friday ... that")
        between = (clause.group(1) or "").split() if clause else []
        if clause and between[:1] and between[0] in ("he", "she", "they", "we", "I"):
            clause = None  # "says they both share the belief that ...": a clause of its own
            # before the "that", read whole (not "that every child ..." alone)
        if lemma == "tell" and between[:1] and between[0] in ADDRESSEES:
            between = between[1:]  # "told reporters after the meeting that": whom it was told
        while lemma == "tell" and _WHOM_WORD.match(" ".join(between[:2])):
            between = between[1:]  # (or a name: "told The New York Times", "the Head of State")
        between = TIME_AT_END.sub("", " ".join(between)).split()  # (and when it was told)
        if clause and subject and len([w for w in between if not w.endswith("ly")]) > 3:
            clause = None  # a subject no list names: "that" right after the verb or its object
            # ("costs ... added to discontent that prompted"), an adverb aside ("said pointedly")
        if clause and _verb_before_that(clause.group(1) or "", lex):
            clause = None  # "News reports here ... have suggested that": the noun; "said he
            # welcomed the election that is ...": a bare clause, its "that" further in
        if (clause and _AUXILIARY_WORD.search(clause.group(1) or "")
                and not re.search(r"\b(?:who|which|whom)\b", clause.group(1))):  # fmt: skip
            clause = None  # "The aid Mr. Kerry announced would be in addition to the food that
            # ...": a verb of the sentence's own before "that", whose clause it opens
        if clause and infinitive_first(rest, lemma):
            clause = None  # "vowed to fight the forces that ...": a relative clause's "that"
        if clause and lemma in ("insist", "agree") and _ON_OBJECT.match(clause.group(1) or ""):
            clause = None  # "insist on a plan for ... that bars candidates": what it is on, and
            # that plan's relative clause (not "insisted on Monday that")
        nounal = lemma.startswith(("issue ", "make ", "express "))  # "made a statement that"
        if (
            clause
            and ((clause.group(1) or "").strip() or nounal)
            and _RELATIVE.match(clause.group(2))
        ):
            clause = None  # "mentioned an exhibition that had been opened": a relative clause
        if (
            clause
            and lemma not in _TELLS
            and re.match(r"\s+(?:the|a|an|his|her|its|their|these|those)\s", clause.group(1) or "")
            and _RELATIVE_PAST.match(clause.group(2))
        ):
            clause = None  # "recalled the tragic events that took place in ...": a past verb
            # after "that" on a verb's object (not whom one tells: "told the reporters that ...")
        if clause and subject and re.search(r"\b(?:about|of)\b", " ".join(between)):
            clause = None  # "The exhibit tells the audience about the factors that ...": an
            # object, and a relative clause on it; a subject no list names needs a clean report
        # (the clause without "that" of a verb after a quotation's mark is no report of its own)
        framed = re.search(r"[\"“”«»]", sentence[: v.start()]) is not None
        bare = None
        if clause is None:
            # (a report's, study's or poll's subject: a plural, or one with a word before it)
            core = re.split(r"\s+(?:from|of|by|in|on)\s", spoken)[0].split()
            document = core[-1].lower() in lex["sources"] and (len(core) > 1 or core[-1][-1] == "s")
            bare = bare_clause(rest, lemma, lex, noun=noun, subject=subject is not None
                               and not pair, named=bool(got) or pair, framed=framed,
                               document=document)  # fmt: skip
        if clause is not None or bare is not None:  # bare: "X said the talks went well"
            a, b = (clause.start(2), clause.end(2)) if clause else (bare.start(1), bare.end(1))
            b = a + _own_clause(rest[a:b], lex)
            out.append((s0 + v.end() + a, s0 + v.end() + b, speaker, lemma))
            continue
        if subject and not widened:  # (the head word's whole phrase reads as the word did)
            # a subject no list names reports only a clause after its verb, or its frame's
            # ("Only guests may stay, a receptionist at the resort said.": "Only" no adverb)
            final = final_frame(sentence, v, lex)
            if final:
                out.append((s0 + final[0], s0 + final[1], (s0 + final[2], s0 + final[3]), lemma))
            if final or not group_frame(spoken, sentence[: speaker[0] - s0], rest, lex):
                continue  # (a group's aside read as a name's: "..., these people said, would")
        if relative:
            continue  # a relative clause's verb frames nothing before it ("The article also
            # misspelled, in some copies, the surname of a professor who commented on ...")
        inside = inside_clause(sentence, speaker[0] - s0, v.end(), lemma, lex)
        if inside:  # "The talks, Lavrov said, were useful.", "However, X noted, the ..."
            out.append((s0 + inside[0], s0 + inside[1], speaker, lemma))
            continue
        named = _NAMED_AFTER.sub("", sentence[: speaker[0] - s0].strip())
        if (sentence[speaker[1] - s0 :].startswith(",") and noun_phrase(named, lex)
                and re.match(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er)\s", named)):  # fmt: skip
            continue  # "But the lawyer, John Wang, told her": a noun phrase, a name, no clause
        ends = clause_before(text, sentence, s0, speaker, rest, lemma)
        # (not after one name and a plural verb, a list's last: "Talks of Iran, US conclude")
        if ends and not (v.group() == lemma and re.fullmatch(r"[A-Z][\w.’'\-]*", spoken)):
            out.append((*ends, speaker, lemma))  # "..., X said on Thursday.", "..., as X noted."
    # a relative clause's report ("what operatives say is ...") no other reading gave its speaker
    out += [r for r in relative_reports(sentence, s0, lex)
            if not any(r[2] == o[2] and max(r[0], o[0]) < min(r[1], o[1])
                       for o in out)]  # fmt: skip
    out = [r for r in out if r[3] not in lex["clause_only"] or clause_follows(text[: r[0]], lex)]
    out = [_before_joined_quotation(text, r, direct, lex) for r in out]
    # one speaker for a clause: "He recalled statements by officials that ...": the officials'
    return [r for i, r in enumerate(out) if all(r[:2] != o[:2] for o in out[:i])]
