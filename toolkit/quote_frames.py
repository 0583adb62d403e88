"""Quotation frames: the speaker and verb around a quotation.

The frames news agencies use, read around one quotation; reported speech in a sentence is
:mod:`toolkit.quote_reported`'s job (the speaker after an inverted verb is
:mod:`toolkit.quote_inverted`'s; a verb's subject without its appositives and adverbs is
:mod:`toolkit.quote_heads`'), the speaker phrases and who they name are :mod:`toolkit.speakers`'
job, the quotation spans :mod:`toolkit.quote_spans`', and :mod:`toolkit.quotes` puts them together.

- after a quotation: '"...," X said', '"...", said X', '"...", the Belarusian leader said',
  '"...," Dieter Graumann, head of ..., said';
- before it: 'X said: "..."', 'X noted that "..."', 'X noted that [a clause], "..."', 'X
  responded by saying: "..."', 'X interjected to say: "..."' (a quotation that goes on one
  just attributed is :mod:`toolkit.quote_continued`'s).

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = '"We are ready," Dmitry Peskov said.'
    >>> s, e, verb, _ = after_frame(text, 15, len(text), lexicon())
    >>> text[s:e], verb
    ('Dmitry Peskov', 'say')
"""

from __future__ import annotations

import re

from toolkit.quote_cited import QUOTED_AS
from toolkit.quote_coordinated import issuer
from toolkit.quote_heads import (
    PROGRESSIVE,
    STATES,
    lemma_of,
    without_adverbs,
    without_appositive,
    without_time,
)
from toolkit.quote_inverted import DOCUMENT_OF, inverted
from toolkit.quote_objects import (
    ABBREVIATION,
    OBJECT_RELATIVE,
    WHEN_ASKED,
    WHO_END,
    after_preposition,
    object_words,
    quoted_object,
    said_quote,
)
from toolkit.quote_subjects import clause_subject, noun_phrase, without_parenthetical
from toolkit.quote_verb_forms import (
    ACCUSED_OF,
    IN_NAME,
    PROMISES,
    REQUESTS,
    infinitive_first,
    names_thing,
    noun_before_quote,
    without_manner,
)
from toolkit.speaker_names import VERBS_FIRST
from toolkit.speakers import (
    DETERMINERS,
    QUANTIFIERS,
    UPPER,
    is_person,
    speaker_phrase,
    word_spans,
)

__all__ = ["after_frame", "before_frame"]

# a name after an inverted verb, then the quotation's next part: its frame splits it
_SPLIT = re.compile(rf"\s+[{UPPER}][\w’'\-.]*(?:\s+[{UPPER}][\w’'\-.]*){{0,3}}\s*,?\s*[“\"]")


def after_frame(text: str, close: int, limit: int, lex: dict) -> tuple[int, int, str, int] | None:
    """'"...," X said' or '"...", said X' right after a closing quotation mark: the speaker's
    span, the verb's lemma and where the frame ends."""
    tail = text[close:limit]
    lead = re.match(r"[\s,—–-]*", tail).end()
    if "\n" in tail[:lead] or text[close - 2 : close - 1] == ".":
        return None  # a quotation that ends its sentence or paragraph has no frame after it
    last = re.sub(r"[\s’'\"”]+$", "", text[max(0, close - 6) : close - 1])[-1:]  # nested quotes
    quoted = text[max(0, close - 80) : close - 1].rsplit("“", 1)[-1].rsplit('"', 1)[-1].split()
    named = all(w[:1].isupper() for w in quoted if len(w) > 3)  # a title: "The Transitional Period"
    split = lex["verb"].match(tail, lead) if lead else None  # '"We stand ready" tweeted
    split = split and _SPLIT.match(tail, split.end())  # Johnson "to provide ...": split by it
    if (
        not re.search(r"[,—–-]", tail[:lead])
        and last not in (",", "?", "!", "…")
        and (len(quoted) <= 3 or named)
        and not split
    ):
        return None  # 'certain "pan-democrat" legislators have suggested': a word or two (or a
        # title) in quotation marks before a noun; a frame follows a comma (in the quotation or
        # after it), or a whole sentence quoted ('"... Ukraine is winning" he said')
    source = re.match(r"according to\s+", tail[lead:]) if lead else None
    if source:  # '“...,” according to Bruce Gyory, a veteran political consultant.'
        who = inverted(text, close + lead + source.end(), limit, lex)
        return (who[0], who[1], "according to", who[1]) if who else None
    short = len(quoted) < 6 and last not in ("!", "?", "…")  # a phrase, no exclamation
    for m in lex["verb"].finditer(tail, lead, min(len(tail), lead + 220)):
        lemma = lemma_of(m.group(), lex)
        if m.group()[0].isupper() and IN_NAME.search(tail, lead, m.start()):
            continue  # '“...,” X, a former United States ambassador to Russia, said': a
            # capitalised form after a name's word, in prose (not a headline's capitals)
        if (m.group().endswith("s") and lemma in lex["noun_forms"]
                and _PLURAL_BEFORE.search(tail, lead, m.start())):  # fmt: skip
            continue  # '“...,” X, ..., one of the states suing the EPA, said': a plural noun
        raw = re.sub(
            rf"\b(?:Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|Calif|Col|Lt|Maj|Capt|Sgt|Adm|Rev|Prof|Jr|"
            rf"No(?=\.\s\d)|[{UPPER}])\.",
            "",
            tail[lead : m.start()],
        )
        raw = without_parenthetical(raw)  # a party and state: "(D-Wis.)"
        if re.search(r";|[.!?][\"”’)]*(?:\s|(?=[A-Z]))", raw):
            break  # a sentence ends before the verb: that verb frames another sentence
        if re.match(r"\s+that\b", tail[m.end() :]) or (
            short and infinitive_first(tail[m.end() :], lemma)
        ):
            break  # '“Air Nuts,” the airline announced that ...': the verb reports its clause
            # (or asks for a deed after a phrase: '“start a revolution”, Chan also urged residents
            # to block'; not after an exclamation: '‘No rush!’ US vows to keep sanctions')
        if re.match(r"\s*:\s*[“\"«]", tail[m.end() :]):
            break  # 'the slogan “Assad forever,” one supporter spluttered: “...”': the next one's
        before = without_appositive(without_time(tail[lead : m.start()]), lex)
        if before.strip() and (ACCUSED_OF.match(tail, m.start()) or (m.group().lower().endswith(
                "ing") and " quoted as " not in m.group().lower())):  # fmt: skip
            continue  # '“...,” the online petition calling for a boycott', "the professor
            # accused of ...": a participle on a noun phrase; a frame has a finite verb
        if re.search(r"\s(?:that|who|which)\s*$", tail[lead : m.start()]):
            continue  # '“...,” the head of the panel that ruled on the case, X, said': a relative's
        agent = _QUOTED_BY.match(tail, m.end()) if lemma == "quote" else None
        aux = agent and re.search(r"\s(?:was|were|is|are|has been|have been)\s*$", before)
        if aux:  # '“...,” Mr. Kim was quoted by Yonhap as saying': the one quoted speaks
            before, lemma, m = before[: aux.start()], "say", agent
        words = word_spans(before)
        words = without_adverbs(words)
        got = speaker_phrase(words, lex) if words else None
        phrase = _OBJECT_PHRASE.match(before)
        who = word_spans(before[phrase.end() :]) if phrase else []
        if who and speaker_phrase(who, lex) == (0, len(who)) and who[0][2][:1].isupper():
            # '“I have admiration for the mechanics” of the Clinton proposals, Mr. Holtz-Eakin
            # said': what the quotation is of, then the speaker
            at = close + lead + phrase.end()
            return at + who[0][0], at + who[-1][1], lemma, close + m.end()
        ended = (
            re.search(r"[.!?]$", text[close - 2 : close - 1]) and words and words[0][2].istitle()
        )
        # a plural noun, not a verb that ends the frame: '“metadata” — logs of all phone calls
        # Americans have made' (not '“...,” the poet notes.'); a name's ("the United States?")
        ends = re.match(r"\s*(?:[.,;!?]|$)", tail[m.end() :]) and m.group()[0].islower()
        noun = m.group().endswith("s") and lemma in lex["noun_forms"] and not ends
        if ((not got or got[0]) and words and words[0][2].lower() in DETERMINERS | QUANTIFIERS
                and not ended and not noun and noun_phrase(before.strip(), lex)):  # fmt: skip
            # ('“... America?” The issue says ...': a new sentence, no frame)
            got = (0, len(words))  # '"...," the activist told him', '"...," the Canadian I.O.C.
            # member Dick Pound told reporters': any noun phrase speaks
        stops = [w for _, _, w in words if re.search(r"[.!?]$", w) and w not in lex["titles"]
                 and not _NO_STOP.fullmatch(w)]  # fmt: skip
        # (nor a name's "Jr." or "St.": "James B. Comey Jr., ..., said"; nor "Louisville, Ky.,")
        quoted = QUOTED_AS.match(tail, m.end()) if lemma == "quote" else None
        if quoted and (got or not before.strip() or noun_phrase(before.strip(), lex)):
            # '“...,” the report quotes him as saying', '“...,” newspapers quoted him as
            # saying': the one quoted speaks, not the report
            return close + quoted.start(1), close + quoted.end(1), "say", close + quoted.end()
        if got and got[0] == 0 and not stops and not re.search(r"[!?]|\.\s*$", before):
            s, e = lead + words[0][0], lead + words[got[1] - 1][1]
            return close + s, close + e, lemma, close + m.end()
        subject = (None if stops or ended or noun
                   else clause_subject(without_time(tail[lead : m.start()]), lex))  # fmt: skip
        # ('“metadata” — logs of all phone calls ...': "calls" is a noun)
        if subject:  # '"...," Matt Rothschild, executive director of ..., a nonprofit that
            # tracks election spending, said'
            return close + lead + subject[0], close + lead + subject[1], lemma, close + m.end()
        document = lemma == "read" and DOCUMENT_OF.match(text, close + m.end(), limit)
        if not before.strip() and (lemma not in ("tell", "read", "accuse") or document):
            # inverted: said X (read by a document: '“...,” read the editorial in X')
            who = inverted(text, close + m.end(), limit, lex)
            if who:
                return who[0], who[1], lemma, who[1]
        break
    return None


# a word's stop that ends no sentence: an initial's, "Jr.", "St.", a state's ("Ky.")
_NO_STOP = re.compile(rf"(?:[{UPPER}]\.)+|[JS]r\.|St\.|(?:{STATES})\.")
# what a quotation that opens the sentence is of or about, before the speaker and the verb
_OBJECT_PHRASE = re.compile(r"\s*(?:of|about|on|for)\s[^,;:.!?\"“”]{2,60},\s+")


# whom one told by name, and perhaps where or how
_TOLD_NAMED = re.compile(
    r"(?:\s+(?:the|[A-Z][\w.&’'\-]*|host))+(\s+(?:in|at|on|during|after)\s[^,;:]{2,60})?"
    # (or by what they are, then where: 'told a roomful of teachers at a ... meeting, “')
    r"|\s+(?:an?|the|his|her|their)\s+[a-z][\w’'\-]*(?:\s+of\s+[a-z][\w’'\-]*)?"
    r"(\s+(?:in|at|on|during|after)\s[^,;:]{2,60})"
)
# what a promise or a call asks for right before its quotation: 'vowed to “', 'called on fellow
# Muslims to “' (no second "to": not 'asked him to go to “the Big Apple”')
_PROMISE_TO = re.compile(r"\s+to\s*")
_CALL_TO = re.compile(r"\s+(?:on\s+)?(?:(?!to\b)[\w’'\-]+\s+){1,4}?to\s*")


def _asked_for(head: str, v: re.Match, lex: dict) -> bool:
    """Whether a quotation right after ``head`` is what its last verb ``v`` promised or called
    for, in the speaker's words ('he vowed to “take our fight” to the 35 states', 'Ali called
    on fellow Muslims to “stand up to those who ...”')."""
    lemma, rest = lemma_of(v.group(), lex), head[v.end() :]
    if lemma in PROMISES:
        return _PROMISE_TO.fullmatch(rest) is not None
    # (not a demand's object and its preposition: 'demanding an end to “asylum terror”')
    return lemma in REQUESTS - {"demand"} and _CALL_TO.fullmatch(rest) is not None


# the verb first, then the speaker (and an appositive) before the quotation: "Said Ellis: “"
_VERB_FIRST = re.compile(
    rf"^\s*(?P<verb>{VERBS_FIRST})\s+(?P<who>[^,:;\"“”«»]{{2,80}}?)"
    r"(?:,[^\"“”«»]{3,150}?)?\s*[:,]\s*$"
)


def before_frame(head: str, lex: dict, tail: str = "") -> tuple[int, int, str] | None:
    """'X said: "...' or 'X noted that "...': the speaker's span and the verb's lemma; an aside
    before the quotation in its sentence: '..., or as he says, put it “on a bicycle.”'.
    ``tail`` is the text after the quotation's closing mark: 'X said "..."' with no colon or
    comma is a frame only where the quotation ends the clause there."""
    first = _VERB_FIRST.match(head)
    if first:  # 'Said Ellis: “...”', 'Said Dorothy Poynter, who grew up with Ali, “...”'
        words = word_spans(first.group("who"))
        if speaker_phrase(words, lex) == (0, len(words)):
            return first.start("who"), first.end("who"), lemma_of(first.group("verb").lower(), lex)
    aside = _AS_ASIDE.search(head)
    if aside:
        who = aside.group("who")
        words = word_spans(who)
        got = speaker_phrase(words, lex)
        if (got and got[0] == 0) or (  # "one Scottish officer": any noun phrase with a determiner
            words[0][2].lower() in DETERMINERS | QUANTIFIERS and noun_phrase(who, lex)
        ):
            verb = aside.group("verb").split()[0]
            lemma = "put" if verb.startswith("put") else lemma_of(verb, lex)
            return aside.start("who"), aside.start("who") + words[-1][1], lemma
    turned = _INVERTED_ASIDE.search(head)  # 'A new election, added Fitch, “could ...”'
    if turned and turned.start() and lex["forms"].get(turned.group("verb")) in _INVERTS:
        who = inverted(head, turned.end("verb"), len(head), lex)  # the inverted frame's speaker
        if who and who[1] == turned.end("who"):
            return who[0], who[1], lemma_of(turned.group("verb"), lex)
    # an aside in dashes before the quotation ('said — as reported by Hurriyet — “...”'): blanked
    head = _DASH_ASIDE.sub(lambda d: " " * len(d.group()), head)
    every = list(lex["verb"].finditer(head))  # ('a page called “...”': a name, no one's words)
    verbs = [v for v in every if not noun_before_quote(head, v, lex)
             and not WHEN_ASKED.search(head, 0, v.start())  # (nor a name's: "the United States")
             and not (v.group()[0].isupper() and IN_NAME.search(head, 0, v.start()))]  # fmt: skip
    if not verbs or names_thing(head, every[-1]):
        return None
    promised = _asked_for(head, verbs[-1], lex)
    m = (re.search(r"(?:[:,]|\bthat|\bin part[:,]?)\s*$", head)
         or quoted_object(head, verbs[-1], lex)
         or said_quote(head, verbs[-1], lex, tail)
         or (re.search(r"$", head) if promised else None))  # fmt: skip
    if not m:
        return None
    v = verbs[-1]
    named = _NAMED_ING.search(head, 0, v.start()) if v.group().endswith("ing") else None
    if named and is_person(named.group(1), lex):  # 'footage of Hillary Clinton saying, “'
        return named.start(1), named.end(1), lemma_of(v.group(), lex)
    if v.group() == lemma_of(v.group(), lex) and re.search(
        r",\s+as\s+[^,;:]{1,60}$", head[: v.start()]
    ):
        return None  # '..., as some politicians suggest: "...': a view answered, no frame
    agent = _PASSIVE_AGENT.match(head, v.end()) if not m.group() else None
    passive = re.search(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$", head[: v.start()])
    if agent and (passive or v.group().endswith("ed")):
        # 'The proposal was criticized by some as being “...”': the agent after "by" (also after
        # a participle on a noun: "a drug lord once described by the United States as the “")
        words = word_spans(agent.group(1))
        got = speaker_phrase(words, lex)
        if got == (0, len(words)) or agent.group(1).lower() in ("some", "many", "others"):
            return agent.start(1), agent.end(1), lemma_of(v.group(), lex)
    after_verb = len(verbs) > 1 and not head[verbs[-2].end() : v.start()].strip()
    last = (head[: v.start()].split() or [""])[-1].lower()  # a document's participle, or a noun
    document = v.group().endswith("ing") and last in lex["documents"]
    if (v.group().endswith("ing") and not after_verb and not document
            and _ARTICLE_WORDS.search(head[: v.start()])):  # fmt: skip
        return None  # "an ancient Chinese saying: ...": no frame (but "issued a statement saying")
    object_between = head[verbs[-2].end() : v.start()] if len(verbs) > 1 else ""
    if (len(verbs) > 1 and v.group().lower().endswith("ing")
            and (re.search(r"(?:\bby|,)\s*$", head[: v.start()])
                 # or right after the first verb's short object ("tweeted her reasoning saying")
                 or (len(object_between.split()) <= 3 and "," not in object_between))
            and not re.search(r"[.!?;\"“”«»]", object_between)):  # fmt: skip
        v = verbs[-2]  # "X responded to them by saying: ...": the subject of the verb before
        between = ""
    else:
        between = ABBREVIATION.sub("", head[v.end() : m.start()])
    if m.group().startswith(",") and infinitive_first(between + " ", lemma_of(v.group(), lex)):
        return None  # "he rarely asks surrogates to stump for him, “...”": no frame of it
    reported = re.match(r"\s+that\s", between) and len(between.split()) <= 40
    # (a longer adjunct before a colon, "said in a statement from his office in Geneva:", or comma)
    adjunct = re.match(r",?\s+(?:in|at|on|during|after|to)\s", between) and (
        m.group().startswith(":")
        # (before a comma, a phrase of where or when with no verb: 'said at a press conference
        # after the incident, “...”')
        or (m.group().startswith(",") and not lex["verb"].search(between)
            and not re.search(r"\b(?:is|was|are|were|has|had|have|will|would|that|which|who)\b",
                              between))
    )  # fmt: skip
    # (whom or what it was said of, before "that": 'said of Tocqueville's masterpiece, ..., that "')
    said_of = m.group().startswith("that") and re.match(r",?\s+(?:of|about)\s", between)
    limit = 14 if adjunct or said_of else 6
    told = lemma_of(v.group(), lex) == "tell" and _TOLD_NAMED.fullmatch(between)
    if told:  # whom one told, named ('told Breitbart News Daily SiriusXM host Matt Boyle, “'),
        # and where ('told the Post in a statement, “')
        limit = 14 if told.group(1) or told.group(2) else 10
    elif lemma_of(v.group(), lex) == "tell" and re.match(r"\s+(?:the|a|an)\s+\w+\s+who\s", between):
        limit = 14  # and who they are ('told the mayors who gathered in the city of ..., “')
    elif lemma_of(v.group(), lex) == "tell" and m.group().startswith(":"):
        limit = 10  # whom, before a colon ('told a delegation of leaders in Hong Kong: "')
    if (not m.group() and re.search(r"\b(?:who|which)\s+(?:\w+ly\s+)?$", head[: v.start()])
            and re.search(r"\b(?:is|are|was|were|will|would)\s", between)):  # fmt: skip
        return None  # a relative clause's verb, the main verb after it ("the prosecutors who
        # called for the march were “...”"): the quotation is the main clause's, no object
    if (m.group().startswith(",") and between.strip() and lemma_of(v.group(), lex) != "tell"
            and re.search(r"\bwho\s+(?:has\s+|had\s+)?$", head[: v.start()])):  # fmt: skip
        return None  # '“Cyril,” says X, a professor who has written a biography, “is ...”': a
        # relative's verb and object, the frame's quotation going on (not "who told me,")
    if not m.group():  # a quoted object's complement ('described ... as “')
        if v.group().lower().endswith("ing") and len(between.split()) > 4:
            return None  # a participle's longer object: its clause's subject is read by
            # quote_coordinated.participle_frame
        limit = max(limit, object_words(between, lemma_of(v.group(), lex), lex))
    long = len(between.split()) > limit
    if re.search(r"[.!?;\"“”«»]|\s[-–—]\s+[A-Z]", between) or (long and not reported):
        return None  # a frame, or "X noted that [a clause], “...”" (the quotation goes on), or
        # a dash's label ("Pollsters agree - Carl Bialik: “...”")
    if re.match(r"\s*(?:to|on|at|in)\s*$", between) and not (m.group().startswith(":") or promised):
        return None
    along = v.group().lower().endswith("ing") and _WITH_SUBJECT.search(head[: v.start()])
    if along:  # "..., with Steve Scalise of Louisiana calling the investigation “...”": the
        # participle's own subject, after "with"
        words = word_spans(along.group(1))
        got = speaker_phrase(words, lex)
        if got and got[0] == 0:
            return along.start(1), along.start(1) + words[got[1] - 1][1], lemma_of(v.group(), lex)
    manner = without_manner(head[: v.start()])  # ("interjected to say:", "was quick to say:")
    if manner is None:
        return None  # "It is wrong to say: ...": no one's words
    subject_end = len(manner)
    by = v.group().lower().endswith("ing") and re.search(
        r"\s+(?:[a-z]+ed|began|begun)(?:\s+(?:his|her|their|its|the)\s+[a-z]+)?\s+by\s*$",
        head[:subject_end],
    )  # (the verb's short object too: "punctuated his list by saying “...”")
    if by:  # "Members of the House of Commons protested by shouting “...”", "He began by saying,
        subject_end = by.start()  # “...”": the subject of the verb the participle's "by" follows
    timeless = without_time(head[:subject_end])
    if re.search(r"\)\s*,\s*$", timeless):  # "Gov. John Kasich (R-OH), said,": both left out
        timeless = re.sub(r",(?=\s*$)", " ", without_parenthetical(timeless))
    if whom := OBJECT_RELATIVE.search(timeless):  # '..., who Beck on Wednesday called “...”':
        return whom.start(1), whom.end(1), lemma_of(v.group(), lex)  # the relative's subject
    words = without_adverbs(word_spans(without_appositive(timeless, lex)))
    if v.group().endswith("ing") and words and words[-1][2] in PROGRESSIVE:
        words = without_adverbs(words[:-1])  # "I was saying to Dmitry Rogozin, “...”"
    got = speaker_phrase(words, lex)
    # "Obama released a statement saying, “": who put it out (not "an article describing “")
    if document and v.group().endswith("ing") and not (got := issuer(words, None, lex)):
        return None
    who = WHO_END.search(timeless) if not got or after_preposition(words, got[0]) else None
    if who and "," not in timeless[: who.start()]:  # the antecedent of "who", a preposition's
        cut = without_adverbs(word_spans(timeless[: who.start()]))  # object too ("according to
        if antecedent := speaker_phrase(cut, lex):  # Gorchakov, who said,", "Lynch, who told")
            return cut[antecedent[0]][0], cut[antecedent[1] - 1][1], lemma_of(v.group(), lex)
    if not got or after_preposition(words, got[0]):
        # the clause's own subject past its parentheticals ('Nick Ryan, the founder of ..., said,')
        subject = clause_subject(without_time(head[:subject_end]), lex)
        if subject and head[: subject[1]].endswith(" by"):
            return None  # ('“Look at my African-American over here!” line by saying it was a
            # “term of endearment”': no subject ends with "by"; the quotation cut the clause)
        return (*subject, lemma_of(v.group(), lex)) if subject else None
    return words[got[0]][0], words[got[1] - 1][1], lemma_of(v.group(), lex)


# an aside that names the speaker of what follows in its sentence, up to four words before
# the quotation: "..., or as he says, put it “...”", "but, as the Chinese often say, a “...”"
_AS_ASIDE = re.compile(
    r"(?:[,—–]|^)\s*(?:or\s+|but\s+)?[Aa]s\s+(?P<who>[^,;:—–\"“”«».!?]{1,60}?)"
    r"(?:,\s[^,;:—–\"“”«»!?]{1,60}?,)?\s+"  # an appositive ("As X, the theater's director,")
    r"(?:(?:\w+ly|often|once|later|has|have|had|might|would)\s+){0,2}"
    r"(?P<verb>says?|said|puts it|put it|noted|notes|wrote|writes|stressed|argued|argues)"
    r"(?:\s+(?:in|on|at|to)\s[^,;:—–\"“”«».!?]{1,100}?)?"  # where ("put it in an interview")
    r"\s*[,—–]\s*(?:[\w’'\-]+\s+){0,4}$"
)
# verbs that take no object, whose inverted frame may stand in the clause before a quotation's
# next words (not "Josh Earnest, told reporters, “...”", "calling it, “...”")
_INVERTS = {"say", "add", "write", "continue", "note", "argue", "explain", "caution", "insist",
            "recall", "observe", "conclude", "declare", "reply", "respond"}  # fmt: skip
# an inverted frame set in the clause right before the quotation's next words, its speaker
# named in commas: 'A new election, added Fitch, “could produce ...”'
_INVERTED_ASIDE = re.compile(r",\s+(?P<verb>[a-z]+)\s+(?P<who>[^,;:—–\"“”«»!?]{2,60}?),\s*$")
# a name right before a participle, after what shows or is heard of the person: the
# participle's subject ("footage of Hillary Clinton saying", "heard Mr. Putin telling")
_NAMED_ING = re.compile(
    rf"\b(?:of|showing|featuring|hear|heard|see|saw|watch|watched)\s+"
    rf"((?:[{UPPER}][\w’'\-.]*\s+){{1,3}}[{UPPER}][\w’'\-]*)\s+$"
)
# an article and up to three words before an "-ing" form: a noun ("an ancient Chinese saying")
_ARTICLE_WORDS = re.compile(
    r"\b(?:an?|the)\s+(?:(?!(?:by|to|of|in|on|at|for|with|from|after|before|while|when|and|"
    r"or|but)\b)[\w’'\-]+\s+){0,3}$",
    re.I,
)
# a participle's subject after "with" ("..., with Smith saying, “...”")
_WITH_SUBJECT = re.compile(r",\s+with\s+([^,;:\"“”«»]{2,60}?)\s*$")
_DASH_ASIDE = re.compile(r"\s+[—–]\s+(?:as|according)\s[^—–\"“”«»]{3,80}?\s+[—–]\s*$")


# the agent of a passive verb before its quoted complement: "was described by Johnson as a “"
_PASSIVE_AGENT = re.compile(
    r"\s+by\s+([^,.;:!?\"“”«»()]{2,60}?)\s+as(?:\s+(?:a|an|the|being))?\s*$"
)


# a passive's agent between "quoted" and "as saying" ("was quoted by the website as saying")
_QUOTED_BY = re.compile(r"\s+by\s+[^,.;:!?\"“”«»]{2,60}?\s+as\s+saying\b")
# what opens a plural noun: a determiner or a quantifier right before it
_PLURAL_BEFORE = re.compile(
    r"\b(?:the|these|those|its|his|her|their|other|all|many|some|several|two|three)\s+$", re.I
)
