"""Quotation frames: the speaker and verb around a quotation, and reported speech.

The frames news agencies use, read around one quotation or in one sentence; the speaker phrases
and who they name are :mod:`toolkit.speakers`' job, the quotation spans
:mod:`toolkit.quote_spans`', and :mod:`toolkit.quotes` puts them together.

- after a quotation: '"...," X said', '"...", said X', '"...", the Belarusian leader said',
  '"...," Dieter Graumann, head of ..., said';
- before it: 'X said: "..."', 'X noted that "..."', 'X noted that [a clause], "..."', 'X
  responded by saying: "..."';
- reported speech: 'X stressed that ...', 'X said the talks ...', '..., X said (on Thursday).',
  'According to X, ...';
- a quotation that goes on one just attributed (:func:`continues`).

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = '"We are ready," Dmitry Peskov said.'
    >>> s, e, verb, _ = after_frame(text, 15, len(text), lexicon())
    >>> text[s:e], verb
    ('Dmitry Peskov', 'say')
"""

from __future__ import annotations

import re

from toolkit.speakers import (
    DETERMINERS,
    QUANTIFIERS,
    UPPER,
    is_person,
    speaker_phrase,
    word_spans,
)

__all__ = ["after_frame", "before_frame", "continues", "lemma_of", "reported"]

_ADVERB = re.compile(
    r"^(?:\w+ly|also|then|later|again|once|further|however|has|have|had|would|will|long|since|"
    r"already|never|not|just)$",
    re.I,
)
# a clause right after "said" or "added", not a phrase ("said in", "said nothing")
# (also after a day: "said on Wednesday he did not want ...")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_BARE_CLAUSE = re.compile(
    rf"(?:\s+(?:on\s+)?{_DAY}|\s+yesterday|\s+today)?"
    r"\s+(?!(?:in|on|at|to|after|before|during|with|by|for|of|so|nothing|it|this|yes|no)\b)"
    rf"(?!{_DAY}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)([a-zA-Z].{{15,}}?)[.!?]?$"
)
# a phrase that opens a sentence and is no clause: "In line with its CSTO obligations"
_INTRODUCTORY = re.compile(
    r"\s*(?:In|On|At|With|After|Before|During|For|Under|Despite|Following)\b(?:\s+\S+){0,7}$"
)
# "As X said (at the briefing), ...": the clause after the comma
_AS_FRAME = re.compile(r"([^,\"“”«»]{0,60}),\s+(.{8,}?)[.!?]?$")
# "This was emphasized by President X (during his speech ...)": the sentence before is X's
_PASSIVE = re.compile(
    r"\s*(?:This|That|It|These words)\s+(?:was|were|has been|had been)\s+(?:\w+ly\s+)?"
    r"(\w+(?:\s+out)?)\s+by\s+(.+?)(?:,|\s+(?:during|in|at|on|while|after|when)\b.*)?\.?$"
)
# a word that reads as the verb right after a subject: "Mr. Garcia expressed concern ..."
_VERB_LIKE = re.compile(
    r"^(?:[a-z]+(?:ed|es)|has|had|will|would|took|made|met|went|gave|spoke|"
    r"held|came|saw|told|said|paused|sent|left)$"
)

# the content clause after a reporting verb, at the first "that": "said (to reporters) that, ...",
# "said that it was an issue that could ..."; and after a long
# prepositional phrase ("emphasized at a function held by ... in Beijing late last year that")
_THAT = re.compile(r"(\s+[^,.;:\"“”]{0,50}?)??\s+that,?\s+(.{8,}?)[.!?]?[\"”]?$")
_ADJUNCT = (r"(?:in|on|at|during|after|before|while|with|to|from|for|via|late|earlier|later|"
            rf"last|this|yesterday|today|tomorrow|\w+ly|{_DAY})\b")  # fmt: skip
_PP_THAT = re.compile(rf"(\s+{_ADJUNCT}[^.;:\"“”]{{0,150}}?)\s+that,?\s+(.{{8,}}?)[.!?]?[\"”]?$")
# "that" opening a relative clause: a verb right after it
_RELATIVE = re.compile(
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|did|does|do)\b"
)
# an appositive between a speaker and the verb: "Dieter Graumann, head of the Central Council
# of Jews, said", "Mr. Herzog, 54, said"
_APPOSITIVE = re.compile(r",\s+((?:the |a |an |\d)?[\w’'\-]+)[^,\"“”«»;:!?()]{0,90}?,\s*$")


# a name in commas after a noun phrase, right before the verb: "a spokesman for the Chinese
# Ministry of Foreign Affairs, Hong Lei, said", "Sisi's sole rival, the leftist Hamdeen Sabbahi,"
_NAMED = re.compile(r"(?:^|,)\s*([^,\"“”«»;:!?()]{3,80}?),\s+([^,\"“”«»;:!?()]{3,60}?),\s*$")
# a relative clause between a speaker and the verb: "Abdel Fattah al-Sisi, who deposed ..., said"
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose)\b[^\"“”«»;:!?()]{0,200}?,\s*$")
# an aside between dashes or a participle phrase in commas: "the Alliance for Peace and
# Democracy - the organizer of a massive petition - said", "Hollande, speaking to reporters
# later, welcomed"
_ASIDE = re.compile(
    r"(?:\s+[-–—]\s+[^-–—\"“”«»;:!?]{3,120}?\s+[-–—]|,\s+[a-z]+ing\b[^,\"“”«»;:!?]{0,80},)\s*$"
)
_NP_OPENS = re.compile(r"(?:the|a|an|another|one|his|her|its|their|\w+['’]s)$", re.I)


def _without_appositive(head: str, lex: dict) -> str:
    """The words before a verb without an appositive that ends them: a noun phrase that starts
    with a determiner, an age or a role word ("Scott Mastic, regional director for ...,"), or a
    relative clause ("X, who deposed Morsi on July 3, said"); not a clause ("..., they are not
    ..., said X"). A name in commas after a noun phrase is the speaker itself: what comes before
    it is blanked ("The Deputy Magistrate, Michael Chan Pik-kiu, said"), so offsets hold."""
    named = _NAMED.search(head)
    if named and _is_named(named.group(2), lex) and _is_noun_phrase(named.group(1), lex):
        return " " * named.start(2) + head[named.start(2) : named.end(2)]
    # the verb of a relative clause ("Scolari, who also said he ..."), or one that ends the
    # subject ("The Israeli official who described the campaign acknowledged that ...")
    who = re.search(r",?\s+who(?:\s+\w+)?\s*$", head) or re.search(
        r"\s+who\s+[^,;:\"“”«»]{3,80}$", head
    )
    if who and speaker_phrase(word_spans(head[: who.start()]), lex):
        return head[: who.start()]
    m = _RELATIVE_CLAUSE.search(head) or _ASIDE.search(head)
    if m is not None:
        return head[: m.start()]
    m = _APPOSITIVE.search(head)
    if m is None:
        return head
    first = m.group(1)
    lower_role = any(w in lex["role_words"] for w in re.findall(r"\b[a-z]+\b", m.group()[:40]))
    opens = re.match(r"(?:the|a|an) |\d", first) or first.lower() in lex["role_words"]
    return head[: m.start()] if opens or lower_role else head


def _is_named(phrase: str, lex: dict) -> bool:
    """Whether a phrase ends with a person's name of two or more words ("Hong Lei", "the
    leftist Hamdeen Sabbahi"), not an institution's ("the Central Council of Jews")."""
    words = word_spans(phrase)
    got = speaker_phrase(words, lex)
    if not got:
        return False
    named = [w for _, _, w in words[got[0] : got[1]]]
    caps = 0
    for w in reversed(named):
        if not re.match(rf"[{UPPER}]", w) or w in lex["titles"] or w.lower() in lex["role_words"]:
            break
        caps += 1
    return caps >= 2 and is_person(" ".join(named[-caps:]), lex)


def _is_noun_phrase(phrase: str, lex: dict) -> bool:
    """Whether the words before a name in commas are a noun phrase about a person ("a spokesman
    for ...", "Another abstainer", "Sisi's sole rival"), not a clause or a list of names."""
    words = phrase.split()
    return (
        0 < len(words) <= 12
        and not lex["verb"].search(phrase)
        and (_NP_OPENS.match(words[0]) is not None or words[0].lower() in lex["role_words"])
    )


def _without_adverbs(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words before a verb without up to two adverbs or auxiliaries that end them ("has
    long denied", "also said")."""
    for _ in range(2):
        if len(words) > 1 and _ADVERB.match(words[-1][2]):
            words = words[:-1]
    return words


def lemma_of(form: str, lex: dict) -> str:
    return lex["forms"][re.sub(r"\s+", " ", form.lower())]


def after_frame(text: str, close: int, limit: int, lex: dict) -> tuple[int, int, str, int] | None:
    """'"...," X said' or '"...", said X' right after a closing quotation mark: the speaker's
    span, the verb's lemma and where the frame ends."""
    tail = text[close:limit]
    lead = re.match(r"[\s,—–-]*", tail).end()
    if "\n" in tail[:lead] or text[close - 2 : close - 1] == ".":
        return None  # a quotation that ends its sentence or paragraph has no frame after it
    for m in lex["verb"].finditer(tail, lead, min(len(tail), lead + 120)):
        lemma = lemma_of(m.group(), lex)
        before = _without_appositive(tail[lead : m.start()], lex)
        words = word_spans(before)
        words = _without_adverbs(words)
        got = speaker_phrase(words, lex) if words else None
        stops = [w for _, _, w in words if re.search(r"[.!?]$", w) and w not in lex["titles"]
                 and not re.fullmatch(rf"[{UPPER}]\.", w)]  # fmt: skip
        if got and got[0] == 0 and not stops and not re.search(r"[!?]|\.\s*$", before):
            s, e = lead + words[0][0], lead + words[got[1] - 1][1]
            return close + s, close + e, lemma, close + m.end()
        if not before.strip() and lemma not in ("tell", "read"):  # inverted: said X
            who = _inverted(text, close + m.end(), limit, lex)
            if who:
                return who[0], who[1], lemma, who[1]
        break
    return None


def before_frame(head: str, lex: dict) -> tuple[int, int, str] | None:
    """'X said: "...' or 'X noted that "...': the speaker's span and the verb's lemma."""
    verbs = list(lex["verb"].finditer(head))
    if not verbs:
        return None
    m = re.search(r"(?:[:,]|\bthat|\bin part[:,]?)\s*$", head) or _quoted_object(
        head, verbs[-1], lex
    )
    if not m:
        return None
    v = verbs[-1]
    if (len(verbs) > 1 and v.group().lower().endswith("ing")
            and re.search(r"(?:\bby|,)\s*$", head[: v.start()])
            and not re.search(r"[.!?;\"“”«»]", head[verbs[-2].end() : v.start()])):  # fmt: skip
        v = verbs[-2]  # "X responded to them by saying: ...": the subject of the verb before
        between = ""
    else:
        between = _ABBREVIATION.sub("", head[v.end() : m.start()])
    reported = re.match(r"\s+that\s", between) and len(between.split()) <= 40
    if re.search(r"[.!?;\"“”«»]", between) or (len(between.split()) > 6 and not reported):
        return None  # a frame, or "X noted that [a clause], “...”" (the quotation goes on)
    if re.match(r"\s*(?:to|on|at|in)\s*$", between) and not m.group().startswith(":"):
        return None
    words = word_spans(_without_appositive(head[: v.start()], lex))
    words = _without_adverbs(words)
    got = speaker_phrase(words, lex)
    if not got or _after_preposition(words, got[0]):
        return None
    return words[got[0]][0], words[got[1] - 1][1], lemma_of(v.group(), lex)


_ABBREVIATION = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov)\.")


def _quoted_object(head: str, v: re.Match, lex: dict) -> re.Match | None:
    """A quoted phrase as the object of a verb or its complement, a few words after it with no
    stop between ('dismissed it as "', 'calling them "', 'saying it raised "'): a verb that
    takes one, or a participle after a comma ('..., saying ...'). The match is empty, at the
    end of ``head``."""
    between = _ABBREVIATION.sub("", head[v.end() :])
    if len(between.split()) > 4 or re.search(r"[.,;:!?\"“”«»()]", between):
        return None
    if not between.strip() and lemma_of(v.group(), lex) == "call":
        return None  # 'politicians called "Mad Dog"': a name given, not words said
    participle = v.group().lower().endswith("ing") and re.search(r",\s*$", head[: v.start()])
    if lemma_of(v.group(), lex) in lex["quote_objects"] or participle:
        return re.search(r"$", head)
    return None


_PREPOSITION = re.compile(
    r"^(?:in|of|from|at|for|with|by|to|on|about|against|between|among|"
    r"into|over|under|without|than|like|and|or)$",
    re.I,
)


def _after_preposition(words: list[tuple[int, int, str]], first: int) -> bool:
    """Whether the speaker phrase starting at ``words[first]`` is the object of a preposition
    or the second of a pair ("reports here and in Australia suggested"): then it is no subject."""
    if first == 0 or _PREPOSITION.match(words[first - 1][2]) is None:
        return False
    # "... over the issue and many residents worry that": a new clause, its subject opening
    # with a determiner
    opens = words[first][2].lower() in DETERMINERS | QUANTIFIERS
    return not (words[first - 1][2] in ("and", "but") and opens)


def _inverted(text: str, at: int, limit: int, lex: dict) -> tuple[int, int] | None:
    """The speaker right after an inverted verb ('..., said X, the ...'), up to a comma or a
    stop; None when the words there are no speaker phrase."""
    after = word_spans(text[at:limit][:80])
    ends = [i for i, (_, _, w) in enumerate(after) if re.search(r"[,.;:!?]$", w)
            and w not in lex["titles"] and not re.fullmatch(rf"[{UPPER}]\.", w)]  # fmt: skip
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
    return None


def _is_speaker(phrase: str, lex: dict) -> bool:
    words = word_spans(phrase)
    if len(words) == 1 and words[0][2].lower() in ("him", "her"):
        return True
    got = speaker_phrase(words, lex)
    return bool(got and got[0] == 0)


def _inverted_report(text: str, s0: int, s1: int, v: re.Match, lemma: str, lex: dict):
    """'..., said Natalia Eismont, spokeswoman of the Belarusian leader.': the clause before the
    verb, and the speaker after it, who ends the sentence or takes an appositive."""
    head = re.match(r"^(.{12,}?),\s*$", text[s0 : s0 + v.start()])
    if head is None or lemma in ("tell", "read"):
        return None
    who = _inverted(text, s0 + v.end(), s1, lex)
    rest = text[who[1] : s1] if who else ""
    if who and (not rest.strip(" .") or re.match(r",\s+(?:the |a |an |who |\w+ of )", rest)):
        return s0 + head.start(1), s0 + head.end(1), who, lemma
    return None


def _coordinated_subject(words: list[tuple[int, int, str]], lex: dict) -> tuple[int, int] | None:
    """The last speaker phrase followed by a word that reads as its verb (not a copula: "Rome
    was not built in a day and ..."): the subject of a clause whose second verb is a reporting
    one ("Then President Obama paused and recalled that ...")."""
    for k in range(len(words) - 1, 0, -1):
        if not _VERB_LIKE.match(words[k][2]):
            continue
        got = speaker_phrase(words[:k], lex)
        if got and got[1] == k and not _after_preposition(words, got[0]):
            return got
    return None


def _participle_subject(head: str, lex: dict):
    """The subject of the clause a participle after a comma hangs on ("As he walked ..., Masete
    Levy, president of ..., echoed that sentiment, saying that ..."): the speaker phrase right
    before the clause's verb, at the start or after a comma: the words before that verb, and
    the subject's span among them."""
    if not re.search(r",\s*$", head):
        return None
    words = word_spans(head)
    for k in range(len(words) - 1, 0, -1):
        if _VERB_LIKE.match(words[k][2]):
            subject = _without_adverbs(word_spans(_without_appositive(head[: words[k][0]], lex)))
            got = speaker_phrase(subject, lex)
            if got and (got[0] == 0 or re.search(r"[,;:]$", subject[got[0] - 1][2])):
                return subject, got
            return None
    return None


def _passive(text: str, s0: int, s1: int, previous: tuple[int, int] | None, lex: dict):
    """'This was emphasized by President X.': the sentence before, said by X."""
    m = _PASSIVE.match(text[s0:s1])
    if m is None or previous is None or not lex["verb"].fullmatch(m.group(1)):
        return None
    if not _is_speaker(m.group(2), lex):
        return None
    return (previous[0], previous[1], (s0 + m.start(2), s0 + m.end(2)),
            lemma_of(m.group(1), lex))  # fmt: skip


def reported(text: str, s0: int, s1: int, direct: list[tuple[int, int]], lex: dict,
             previous: tuple[int, int] | None = None):  # fmt: skip
    """Reported speech in the sentence text[s0:s1]: (start, end, speaker span, lemma); the
    sentence before it (``previous``) is the quote of a passive frame ('This was stated by
    X.')."""
    sentence = text[s0:s1]
    out = []
    passive = _passive(text, s0, s1, previous, lex)
    if passive:
        return [passive]
    for m, quote, who in (
        (re.search(r"(?:^\s*A|[;:]\s+a)ccording to ([^,]{2,80}),\s*(.+?)[.]?$", sentence), 2, 1),
        (re.search(r"^(.{12,}?),\s+according to ([^,.]{2,80})\.?$", sentence), 1, 2),
    ):
        if m and _is_speaker(m.group(who), lex):  # "according to the data" is no speaker
            out.append((s0 + m.start(quote), s0 + m.end(quote),
                        (s0 + m.start(who), s0 + m.end(who)), "according to"))  # fmt: skip
    for v in lex["verb"].finditer(sentence):
        at = s0 + v.start()
        if any(a <= at < b for a, b in direct):
            continue
        lemma = lemma_of(v.group(), lex)
        words = word_spans(_without_appositive(sentence[: v.start()], lex))
        words = _without_adverbs(words)
        got = speaker_phrase(words, lex)
        if not got and words and words[-1][2] in ("and", "but"):
            got = _coordinated_subject(words, lex)  # "X expressed concern ... but said that ..."
        if not got and v.group().lower().endswith("ing"):
            words, got = _participle_subject(sentence[: v.start()], lex) or (words, None)
        if not got:
            inverted = _inverted_report(text, s0, s1, v, lemma, lex)
            if inverted:
                out.append(inverted)
            continue
        if _after_preposition(words, got[0]):
            continue
        speaker = (s0 + words[got[0]][0], s0 + words[got[1] - 1][1])
        rest = sentence[v.end() :]
        if lemma in lex["quote_objects"] and not re.match(r"\s+that\s", rest):
            continue  # "called his address ...", "praised the team": no report without "that"
        as_frame = _AS_FRAME.match(rest)
        if as_frame and re.fullmatch(r"\s*As\s+", sentence[: speaker[0] - s0]):
            out.append((s0 + v.end() + as_frame.start(2), s0 + v.end() + as_frame.end(2),
                        speaker, lemma))  # fmt: skip
            continue  # "As Iryna Vereshchuk said at the briefing, ..."
        clause = re.match(_THAT, rest) or re.match(_PP_THAT, rest)
        if clause and lex["verb"].search(clause.group(1) or ""):
            continue  # "News reports here ... have suggested that": the noun, not the verb
        if clause and (clause.group(1) or "").strip() and _RELATIVE.match(clause.group(2)):
            clause = None  # "mentioned an exhibition that had been opened": a relative clause
        bare = _BARE_CLAUSE.match(rest) if clause is None and lemma in ("say", "add") else None
        if clause is not None or bare is not None:  # bare: "X said the talks went well"
            a, b = (clause.start(2), clause.end(2)) if clause else (bare.start(1), bare.end(1))
            out.append((s0 + v.end() + a, s0 + v.end() + b, speaker, lemma))
            continue
        aside = re.match(r",\s+([^\"“”«»].{14,}?)[.!?]?$", rest)  # "However, X noted, the ..."
        if aside and re.search(r"(?:^|,)\s*$", sentence[: speaker[0] - s0]):
            out.append((s0 + v.end() + aside.start(1), s0 + v.end() + aside.end(1), speaker, lemma))
            continue
        head = sentence[: speaker[0] - s0]
        tail = re.match(r"^(.{12,}?),\s*$", head)
        if tail and _INTRODUCTORY.match(tail.group(1)):
            tail = None  # "In line with its obligations, Tajikistan responded to ...": no clause
        n_rest = len(rest.split())
        adjunct = (re.match(r"[\s.]*$", rest) or (lemma == "tell" and n_rest <= 8)
                   or (re.match(rf"\s+{_ADJUNCT}", rest) and n_rest <= 15))  # fmt: skip
        if (tail and adjunct and "that" not in rest.split() and not re.search(r"[\"“”«»]", rest)
                and not re.search(r"[,:]\s*$", sentence)):  # fmt: skip
            # "..., X said on Thursday."; a frame that ends in a comma or colon introduces
            # what follows ("On this occasion, the Head of State emphasised,")
            out.append((s0 + tail.start(1), s0 + tail.end(1), speaker, lemma))
    return out


def continues(gap: str, lex: dict) -> bool:
    """Whether a quotation goes on the one attributed before it, given the text between that
    one's frame and it: nothing, or the rest of the frame's sentence ('..., Mr. Herzog said on
    Israeli television Monday evening. “The choice ...'), with no verb of its own; after a comma
    the frame's appositive and adjuncts (up to 20 words, one sentence)."""
    rest = gap.strip(' \n.,;:"“”«»')
    if not rest:
        return True
    # the frame's appositive and adjuncts after a comma may run longer ('..., said Aimal Faizi,
    # a spokesman for the president, in an electronic message sent late Tuesday.“The ...')
    reach = 20 if re.match(r"\s*,", gap) and not re.search(r"[.!?]\s", gap.rstrip()) else 8
    short = len(rest.split()) <= reach and "\n" not in gap and gap.rstrip().endswith(".")
    return short and not lex["verb"].search(rest) and not re.search(r"[a-z]ed\b|[\"“”«»]", rest)
