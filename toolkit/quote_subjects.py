"""The subject of a reporting verb read from the clause's grammar, not from a list of speakers.

Newspaper prose gives a reporting verb subjects that no role list holds ('The monitors said',
'White House aides said', 'The national university said last week that') and puts long
parentheticals between a subject and its verb ('Martin Lee, founder of ..., who helped to write
..., said', 'Benjamín José Astudillo, 50, whose family runs ..., said'). The subject here is the
clause's opening noun phrase: at the sentence's start, after an introductory phrase and its comma
('Despite Boko Haram’s advances, United States Embassy officials in Abuja said') or after "And"
or "But"; what stands in commas between it and the verb is a parenthetical, and a name in the
first of them is the speaker ('Mr. Putin’s chief of staff, Sergei B. Ivanov, told reporters').
A reporting verb's clause that opens without "that" is told from a noun phrase object by a
finite verb near its start (:func:`finite_clause`: 'claimed they had seen evidence', not
'claimed responsibility').

:mod:`toolkit.quote_reported` calls these when no listed speaker phrase ends right before the
verb.

Example:
    >>> from toolkit.speakers import lexicon
    >>> head = "Dilawar Syed, another tech entrepreneur backing Mr. Honda, "
    >>> s, e = clause_subject(head, lexicon())
    >>> head[s:e]
    'Dilawar Syed'
"""

from __future__ import annotations

import re

from toolkit.quote_shares import HEDGES, share_polled
from toolkit.speaker_countries import is_country
from toolkit.speakers import DETERMINERS, QUANTIFIERS, UPPER, given_name_after, is_person

__all__ = [
    "DASH_ASIDE",
    "NP_PREPOSITIONS",
    "OBJECT_PARTICIPLES",
    "SENTENCE_ADVERBS",
    "SUBORDINATE",
    "clause_subject",
    "document_head",
    "ly_noun",
    "noun_phrase",
    "without_parenthetical",
]

# a phrase that opens a sentence before its subject: a preposition, a subordinator, a sentence
# adverb or a participle ("Despite ...,", "Before returning to Washington,", "In a statement,")
_INTRO = re.compile(
    r"(?:In|On|At|With|Among|Of|After|Before|During|For|Under|Despite|Following|From|Since|Until|"
    r"Around|Over|Within|Between|Regarding|Through|Last|Here|Rather|Back|"
    r"This|Given|Across|Throughout|Beyond|Thus|Hence|Overall|Tomorrow|First|Second|"
    r"Third|Fourth|Fifth|Lastly|"
    r"While|When|Although|Though|Because|If|Once|By|Amid|Without|Like|Unlike|Instead|"
    r"However|Still|Meanwhile|Yet|Now|Today|Yesterday|Earlier|Later|Separately|Indeed|Also|Again|"
    r"Moreover|Furthermore|Nevertheless|Nonetheless|Therefore|Meantime|Afterwards?|Otherwise|"
    r"Elsewhere|"
    r"[A-Z][a-z]+ly|[A-Z][a-z]+ing|[A-Z][a-z]{2,}ed(?=\s+(?:by|with|about|on|in|at|from|for|over)\s)|"
    # ("Alarmed by the unrest,", "Asked about the plan,"; not "Ahmed el-Erainy,")
    # a time counted back or on: "Hours later,", "Two days earlier,", "A week ago,"
    r"[A-Z][a-z]*(?:\s+[a-z]+){0,2}\s+(?:later|earlier|ago)(?=,))\b"
)
# one-word openings that are adverbs, never names
SENTENCE_ADVERBS = frozenset(
    """meanwhile yesterday however moreover separately indeed nevertheless nonetheless furthermore
    therefore meantime afterward afterwards additionally consequently subsequently ultimately
    instead similarly likewise finally initially previously currently recently traditionally
    historically overall otherwise tomorrow elsewhere nationally internationally publicly
    privately officially specifically first second third fourth fifth lastly rather again
    surprisingly interestingly ironically unfortunately fortunately notably importantly
    increasingly clearly obviously naturally apparently reportedly eventually still""".split()
)
# one word before a comma that names no one ("Then, the Taliban left ...")
_NOT_NAMES = SENTENCE_ADVERBS | {"then", "now", "here", "there", "so", "yet", "thus", "today"}
# a subordinate clause, after which the main clause's subject comes: "Even as his move narrowed
# the government's majority, many analysts said"
SUBORDINATE = re.compile(
    r"(?:(?:but|and|yet|even|just)\s+)?(?:as(?!\s+(?:many|few|much)\s+as\b)|when|while|although|"
    r"though|because|since|after|before|if|once|until|whereas|where)\s",  # (not "As many as 40")
    re.I,
)
# the auxiliaries, modals and finite copulas: a clause's own verb, never a word of a noun phrase
# (one list for the attribution modules: quote_heads, quote_reported)
AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
               "may", "might", "must", "should", "did", "does", "do")  # fmt: skip
AUXILIARY = "|".join(AUXILIARIES)  # as a regular expression's alternation
# words that end a subject before its verb and are none of its: auxiliaries, adverbs, "here"
_TRAILING = re.compile(
    r"^(?:(?-i:[a-z]\w*ly)|also|then|later|again|once|twice|further|however|has|have|had|would|will|"
    r"long|since|already|never|not|just|here|there|too|both|all|themselves|itself|himself|herself|"
    r"previously|publicly|privately|repeatedly|often|now|still|always|later|even|earlier)$",
    re.I,
)
# nouns that end in "-ly", no adverbs ("The family said", "Russia's closest ally said", "the
# rally's organizers"): a subject's head
LY_NOUNS = {"family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "reply",
            "daily", "weekly", "monthly", "quarterly", "bully", "tally", "homily"}  # fmt: skip
# what makes the next word a noun: a determiner or a possessive ("the family", "his family")
_NOUN_BEFORE = re.compile(r"(?:the|a|an|his|her|its|their|our|my|your|this|that|\w+['’]s)$", re.I)


def ly_noun(word: str, before: str | None) -> bool:
    """Whether a word that ends in "-ly" is a noun, not an adverb: one of ``LY_NOUNS``, or
    right after a determiner or a possessive (``before``, the word before it)."""
    low = word.lower()
    return low.endswith("ly") and (
        low in LY_NOUNS or (before is not None and _NOUN_BEFORE.match(before) is not None)
    )


# words a noun phrase subject never holds: pronouns and relatives, auxiliaries and copulas,
# conjunctions that open a clause
_NOT_IN_NP = {
    "it", "this", "that", "these", "those", "which", "who", "whom", "whose", "what", "there",
    "he", "she", "they", "we", "i", "you", "be", "been", *AUXILIARIES, "not", "if", "when",
    "while", "because", "as", "than", "so", "to", "where",
    "how", "why", "also", "only", "even", "no", "nor", "or", "then", "said", "says", "told",
    "after", "before", "since", "until", "although", "though", "once", "whether", "unless",
    "went", "took", "made", "met", "gave", "came", "saw", "spoke", "sent", "left", "held",
    "became", "began", "found", "thought", "knew", "got", "kept", "felt", "it’s", "it's",
    "that’s", "that's", "there’s", "there's", "here’s", "here's", "what’s", "what's",
}  # fmt: skip
_CONJUNCTIONS = {"and", "but", "or"}
# what says who "those" are in a subject: "Those with knowledge of ...", "those interviewed"
_THOSE_WHO = {"with", "interviewed", "polled", "surveyed", "close", "familiar", "involved",
              "present", "attending", "questioned", "over", "under"}  # fmt: skip
# prepositions that may follow the head noun inside the phrase ("Leaders of smaller parties",
# "officials in Stuttgart", "a spokesman for the ministry")
# the one-word hedges "Only 34 percent of Brazilians" had before the others were read
_HEDGES = ("only", "about", "nearly", "almost", "just", "roughly", "some", "over", "more", "too")
NP_PREPOSITIONS = {"of", "in", "at", "for", "from", "with", "on"}
# prepositions of place, which may also end the phrase as adverbs ("Political observers in
# Virginia and around the country", "a protester standing outside")
_PLACE_PREPOSITIONS = {"across", "around", "throughout", "near", "inside", "outside"}
# adjectives that follow a group's head with their preposition ("officials familiar with ...")
_POST_ADJECTIVES = {"familiar": "with", "close": "to", "briefed": "on", "knowledgeable": "about"}
# participles that open a modifier after a head, their object no subject ("a lawyer
# representing the family", "a source speaking to Fox News")
# ("working" and "holding" are left out: "a working group", "a holding company")
OBJECT_PARTICIPLES = {"speaking", "representing", "using", "advising", "monitoring",
                      "tracking", "covering", "investigating", "attending", "visiting",
                      "overseeing"}  # fmt: skip
# heads besides the roles that are people, whom an infinitive may describe ("the last man to")
_PEOPLE_HEADS = frozenset("man woman men women person people one group groups coalition".split())


def _person_head(low: list[str], lex: dict) -> bool:
    """Whether the head of lower-case words (the word before their first preposition, or their
    last) is a person, people or a role."""
    at = next((j for j, w in enumerate(low) if j and w in NP_PREPOSITIONS), len(low))
    head = low[at - 1]
    return head in _PEOPLE_HEADS or re.sub(r"s$", "", head) in lex["role_words"]


_ALONE = {"others", "another", "one", "some", "many", "several", "most", "both"}  # "Both said"
# heads besides the roles that "to" may follow as "of" does ("a delegation to", "ties to")
_TO_HEADS = {"delegation", "delegations", "mission", "contributor", "contributors", "successor",
             "ties"}  # fmt: skip
# heads that are times, amounts or places, no speakers ("Last week", "Two years later")
_NOT_HEADS = re.compile(
    r"^(?:week|weeks|year|years|month|months|day|days|time|times|moment|morning|evening|night|"
    r"percent|per|cent|number|total|part|half|rest|majority|one|ones|way|ways|case|fact|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)$",
    re.I,
)
# a title or an initial with its stop, which ends no sentence ("Mr. Putin's", "Sergei B. Ivanov")
_ABBREVIATION = re.compile(rf"\b(?:Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|[{UPPER}])\.")
# words before a number that say how exact it is
# a share of people, which speaks for them ("33 percent of Americans said")
_SHARES = {"percent", "number", "majority", "minority", "share", "third", "half", "quarter",
           "dozens", "hundreds", "thousands", "most", "many", "one", "some", "several", "two",
           "three", "none", "each", "all"}  # fmt: skip
_WORD = re.compile(r"[\w’'\-.&/]+|\d[\d.,]*%")  # a slash joins pollsters' names: "CNN/ORC"
# the small words inside an organisation's name ("Forum on the Arms Trade")
_NAME_LINKS = {"of", "on", "the", "for", "and", "in", "de", "la"}


def _named_tail(words: list[str]) -> bool:
    """Whether the words after the phrase's first preposition are one proper name, which
    counts as a unit however long ("Jeff Abramson of the Forum on the Arms Trade")."""
    at = next((i for i, w in enumerate(words) if w.lower() in NP_PREPOSITIONS), len(words))
    tail = words[at + 1 :]
    if tail[:1] and tail[0].lower() == "the":
        tail = tail[1:]
    return (len(tail) >= 3 and tail[0][:1].isupper() and tail[-1][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_LINKS for w in tail))  # fmt: skip


def noun_phrase(chunk: str, lex: dict) -> bool:
    """Whether a chunk of text is one noun phrase that can speak: up to eight words, no verb,
    pronoun or clause word, a head that is no time or amount, and a prepositional phrase only
    after its head ("Leaders of smaller parties", "The national university", "Others")."""
    given = given_name_after(chunk)
    if given and re.match(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s", chunk[: given.start()]):
        return noun_phrase(chunk[: given.start()], lex)  # "a protester using the pseudonym
        # Katya": the one described (not a clause: "Putin named Mishustin")
    words = chunk.split()
    low = [w.lower().rstrip(".") for w in words]
    # ("even" after "and" stresses the second group: "Politicians and even some technologists")
    low = ["and" if w == "even" and low[i - 1 : i] == ["and"] else w for i, w in enumerate(low)]
    # an adjective with its preposition after the head ("people familiar with the talks", "a
    # person close to the president") opens a modifier as a preposition does
    post = [i for i, w in enumerate(low[:-1]) if _POST_ADJECTIVES.get(w) == low[i + 1]]
    for i in post:
        low[i : i + 2] = ["with", "of"]  # as "people with knowledge of the talks" reads
    # an age over or under a number: "People over 60", "voters under 30"
    low = [("of" if i and w in ("over", "under") and low[i + 1 : i + 2] and low[i + 1][:1].isdigit()
            else w) for i, w in enumerate(low)]  # fmt: skip
    # "to" before its object after a role ("the ambassador to Russia", "the deputy head of the
    # delegation to the forum"), not an infinitive ("the last man to mount") nor after a thing
    # ("the clip to YouTube"): as "of" reads
    post += [i for i, w in enumerate(low[1:-1], 1) if w == "to"
             and (low[i - 1] in _TO_HEADS or re.sub(r"s$", "", low[i - 1]) in lex["role_words"])
             and (low[i + 1] in DETERMINERS or words[i + 1][:1].isupper())]  # fmt: skip
    low = ["of" if i in post and w == "to" else w for i, w in enumerate(low)]
    # an infinitive in a phrase whose head is a person or a role ("the last man to mount a
    # race", "Organizers of the push to boycott the speech"): a modifier, read as "with" and
    # its object (not a verb's: "The senator sought to calm"; nor a thing's: "Mr. Netanyahu's
    # final push to win back voters", "The desperation of her family to have her come home";
    # nor a place's "to": "the clip to YouTube")
    inf = next((i for i, w in enumerate(low[1:-2], 1) if w == "to" and i not in post
                and re.fullmatch(r"[a-z]+", words[i + 1])
                and low[i + 1] not in DETERMINERS | QUANTIFIERS | NP_PREPOSITIONS
                and _person_head(low[:i], lex)), None)  # fmt: skip
    if inf is not None:
        words, low = (
            [*words[:inf], "with", *words[inf + 2 :]],
            [*low[:inf], "with", *low[inf + 2 :]],
        )
        post.append(inf)
    # "by" after a document, before its owner ("A study by the Council of the Great City
    # Schools", "A recent poll by RealClearPolitics"): as "of" reads
    owned = [i for i, w in enumerate(low[1:-1], 1) if w == "by" and document_head(low[i - 1], lex)]
    post += owned
    low = ["of" if i in owned else w for i, w in enumerate(low)]
    modified = [i for i, w in enumerate(low[1:-1], 1) if w in OBJECT_PARTICIPLES]
    for i in modified[:1]:  # "a lawyer representing the family" reads as "a lawyer with the family"
        low[i : i + 2] = ["with", "of" if low[i + 1] == "to" else low[i + 1]]
    post += modified[:1]
    # longer only so modified: "Officials with knowledge of the inner workings of the palace"
    longest = (12 if post or "with knowledge of" in " ".join(low) or _named_tail(words)
               or share_polled(low) else 8)  # fmt: skip
    if not 1 <= len(words) <= longest or not all(_WORD.fullmatch(w) for w in words):
        return False
    if low in (["the", "two"], ["the", "three"]) or (len(low) == 1 and low[0] in _ALONE):
        return True  # one or a group by its quantifier alone: "Several said", "the two say"
    while (
        len(low) > 1
        and low[0] in HEDGES
        and (
            low[1][:1].isdigit() or low[1] in QUANTIFIERS or low[1:3] in (["a", w] for w in _SHARES)
        )
    ):
        # "only 33 percent of Americans", "too many people", "nearly a third" (not "Some of
        # them": a share)
        words, low = words[1:], low[1:]
    if share_polled(low):
        return True  # a share of those polled: "63 percent said", "Another 19 percent said",
        # "42% said", "4 in 10 said", "one in five said", "42% of voters said"
    # (a plural noun after its quantifier or determiner, no verb: "Some estimates", "the
    # reports", "Officials in five states")
    verbs = [m for m in lex["verb"].finditer(chunk)
             if m.group()[0].islower() and not _counted_noun(chunk, m)]  # fmt: skip
    if low[0] == "those" and len(low) > 1 and words[1].lower() in _THOSE_WHO:
        low = ["people", *low[1:]]  # "Those with knowledge of the negotiations", "those polled"
    shown = {
        i
        for i, w in enumerate(low)
        if i and w in ("this", "these") and low[i - 1] in NP_PREPOSITIONS
    }  # (a demonstrative after a preposition: "The perpetrators of this act")
    if verbs or any(w in _NOT_IN_NP for i, w in enumerate(low) if i not in shown):
        return False  # ("States" in a name is no verb)
    if (
        low[0] in NP_PREPOSITIONS | _CONJUNCTIONS
        or low[-1] in NP_PREPOSITIONS | DETERMINERS | QUANTIFIERS | _CONJUNCTIONS
    ):
        return False
    # a determiner inside the phrase opens the object of a preposition or a second conjunct,
    # not a verb's object ("Targets include the governor's race": a clause)
    if any(w in DETERMINERS and low[i - 1] not in NP_PREPOSITIONS | _PLACE_PREPOSITIONS | {"and"}
           for i, w in enumerate(low) if i):  # fmt: skip
        return False
    at = next((i for i, w in enumerate(low) if w in NP_PREPOSITIONS), len(low))
    head = low[at - 1] if at else ""
    if head in _SHARES and at < len(low) and low[at] == "of":
        return True  # a share of a group: "a majority of 62 percent", "a number of scholars"
    aged = re.fullmatch(r"\d+-year-old", head)  # "The 66-year-old acknowledged"
    if (
        not head
        or (_NOT_HEADS.match(head) and not (at > 1 and words[at - 1] == "Times"))
        or head.endswith("ly")
        or (re.search(r"\d", head) and not aged)
    ):
        return False
    # one word alone is a name, a plural group ("Others", "Officials") or no subject
    return (
        len(words) > 1
        or low[0] in ("others", "some", "many", "several", "most")
        or is_person(chunk, lex)
        or (head.endswith("s") and len(head) >= 5)  # "Officials", "newspapers"
    )


def _counted_noun(chunk: str, verb: re.Match) -> bool:
    """Whether a verb's "-s" form in a chunk is a plural noun, after a quantifier or a
    determiner ("five states", "the reports")."""
    before = chunk[: verb.start()].split()[-1:]
    return (
        verb.group().endswith("s")
        and bool(before)
        and (before[0].lower() in QUANTIFIERS | DETERMINERS)
    )


def document_head(word: str, lex: dict) -> bool:
    """Whether a word is a document's or a source's head noun ("statement", "study", "poll")."""
    return word in lex["documents"] or word in lex["sources"]


def _name(chunk: str, lex: dict) -> bool:
    words = chunk.split()
    return 2 <= len(words) <= 5 and is_person(chunk, lex)


# a short parenthetical right after a word: a party and state, a photograph's note
_PARENTHETICAL = re.compile(r"(?<=[\w.])\s\([^()\"“”]{1,24}\)")


def without_parenthetical(text: str) -> str:
    """The text with each short parenthetical after a word blanked, offsets kept ("Rep. Gwen
    Moore (D-Wis.) said", "Vladimir Putin (pictured) said"): no part of a frame."""
    return _PARENTHETICAL.sub(lambda m: " " * len(m.group()), text)


# an aside between dashes or double hyphens ("Kall -- co-editor of a book -- said")
DASH_ASIDE = r"\s+(?:--|[-–—])\s+[^–—\"“”«»;:!?]{3,120}?\s+(?:--|[-–—])"
_DASHED = re.compile(rf"{DASH_ASIDE}\s*$")


def clause_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The span, in ``head`` (a sentence up to its reporting verb), of the verb's subject: the
    clause's opening noun phrase, after an introductory phrase and its comma or "And"/"But",
    with only parentheticals in commas between it and the verb; a name in the first
    parenthetical after a noun phrase is the subject ('Mr. Putin’s chief of staff, Sergei B.
    Ivanov,'). None when the words before the verb are no such phrase."""
    head = without_parenthetical(head)
    # an aside in dashes before the verb, blanked, offsets kept ("Kall -- co-editor of
    # Debating The Donald, a book ... -- said")
    head = _DASHED.sub(lambda m: " " * len(m.group()), head)
    # a clause before a semicolon is another's, blanked, offsets kept ("It's an unlikely
    # scenario; Clinton's team says")
    last = head.rfind(";")
    if last >= 0 and not re.search(r"[\"“”«»]", head[last:]):
        head = " " * (last + 1) + head[last + 1 :]
    words = list(re.finditer(r"\S+", head))
    while len(words) > 1 and _TRAILING.match(words[-1].group()):
        if ly_noun(words[-1].group(), words[-2].group() if len(words) > 1 else None):
            break  # "the family said": a noun
        words.pop()
    if not words:
        return None
    core = head[: words[-1].end()]
    if re.search(r"[\"“”«»()\[\];:!?]|[.]\s", _ABBREVIATION.sub("  ", core)):
        return None  # a quotation, a second sentence or a list: no single clause
    parenthetical = core.endswith(",")
    chunks = [(m.start(1), m.end(1)) for m in re.finditer(r"\s*([^,]+?)\s*(?:,|$)", core)
              if m.group(1).strip()]  # fmt: skip
    first = 0
    # "And", "But" or a time adverb without its comma before the subject ("Recently the chief
    # executive of Apple, Tim Cook, said")
    lead = re.match(r"(?:And|But|So|Yet|Even|Recently|Earlier|Later|Meanwhile|Now|Today|Yesterday|"
                    r"On\s+[A-Z][a-z]+day|Last\s+(?:week|month|year))\s+(?=[A-Za-z\d])",
                    core[chunks[0][0] :]) if chunks else None  # fmt: skip
    intro = chunks and _INTRO.match(core[chunks[0][0] :])
    opening = core[chunks[0][0] : chunks[0][1]] if chunks else ""
    # one word opens the sentence as an adverb when it is short or a known one ("Meanwhile,"),
    # not a name that looks like one ("Kelly,", "Manning,")
    long_intro = intro and (
        len(opening.split()) > 1 or intro.end() < 8 or opening.lower() in SENTENCE_ADVERBS
    )
    if lead is None and len(chunks) > 1 and long_intro:
        first = 1  # "Despite Boko Haram's advances, United States Embassy officials ..."
    if not parenthetical and len(chunks) > first + 1 and SUBORDINATE.match(core[chunks[-2][0] :]):
        first = len(chunks) - 1  # "..., but as Thailand has lurched ..., some said"
    elif (not parenthetical and len(chunks) > first + 1
          and (re.match(r"(?:while|whereas|and|but)\s", core[chunks[-1][0] :])
               or SUBORDINATE.match(core[chunks[-1][0] :]))):  # fmt: skip
        first = len(chunks) - 1  # "Some said ..., while others said", "..., and human rights
        # groups warned", "..., even though a number of attendees said"
    # "..., but an official with Rakhine State, Myo Than, said" (not "and", which ends a list)
    buts = [k for k in range(1, len(chunks) - 1) if re.match(r"but\s", core[chunks[k][0] :])]
    first = buts[-1] if parenthetical and not first and buts else first
    after = core[chunks[1][0] : chunks[1][1]] if len(chunks) == 2 else ""
    if (not parenthetical and not first and after and _name(opening, lex)
            and re.match(r"(?:the|an?)\s|(?!(?:his|her|its|their|our|my)\b)[a-z]", after)
            and noun_phrase(after, lex)):  # fmt: skip
        return chunks[0]  # "Cem Ozdemir, head of the Greens told": the appositive's comma left out
    if len(chunks) <= first or (not parenthetical and len(chunks) != first + 1):
        return None  # "X, Y and Z said" or a clause before: the words before are no subject
    # a subordinate clause whose subject has an apposition: "When the F.B.I. director, James
    # B. Comey, said" (its opening is no introductory phrase of another clause), also after a
    # clause: "..., where a professor, Sidney Hook, said"
    late = len(chunks) - 2
    subject_named = (parenthetical and late >= 0 and first <= late + 1
                     and SUBORDINATE.match(core[chunks[late][0] :]) is not None
                     and _name(core[chunks[-1][0] : chunks[-1][1]], lex))  # fmt: skip
    first = late if subject_named else first
    if parenthetical and len(chunks) == first + 1:
        return None  # "..., X said," : the subject's own comma, no parenthetical after it
    s, e = chunks[first]
    if lead and first == 0:
        s += lead.end()
    end_or_but = first == len(chunks) - 1 or first in buts
    joined = re.match(r"(?:and|but)\s+", core[s:e]) if first and end_or_but else None
    s += joined.end() if joined else 0  # (the conjunction that joins the clause is none of it)
    sub = SUBORDINATE.match(core[s:e])
    if sub and re.search(r"\bif\s$", sub.group(), re.I):
        return None  # "If the occupiers think that ...": a condition, no one's report
    if sub and (first == len(chunks) - 1 or subject_named):
        s += sub.end()  # "In April, after newspapers reported that ...": the clause's own subject
    rest = chunks[first + 1 :]
    if (rest and not first and re.fullmatch(r"[A-Z][a-z’'\-]{2,}", core[s:e])  # ("Ronnie, his
            and not _INTRO.match(core[s:e]) and core[s:e].lower() not in _NOT_NAMES  # older
            and not is_country(core[s:e])  # brother,", "Hemsley, the co-author of ...,")
            and re.match(r"(?:his|her|their|an?|the|\d+)\s", core[rest[0][0] :])):  # fmt: skip
        return s, e  # a given name alone before what the person is: "Ronnie, his older brother,"
    # (a demonstrative reads as "the": "These people said"; quote_voices keeps "this author" out)
    if not noun_phrase(re.sub(r"^(?:Th(?:is|ese|ose))\b", "the", core[s:e]), lex):
        return None
    hedge = re.match(rf"(?i:{'|'.join(sorted(_HEDGES))})\s+(?=\d|{'|'.join(QUANTIFIERS)}\b)",
                     core[s:e])  # fmt: skip
    s += hedge.end() if hedge else 0  # "Only 34 percent of Brazilians": no part of who speaks
    pair = rest and re.fullmatch(rf"(?:[{UPPER}][\w’'\-.]*\s+)+and(?:\s+[{UPPER}][\w’'\-.]*)+",
                                 core[rest[0][0] : rest[0][1]])  # fmt: skip
    if pair:
        return None  # "Leaders of the two countries, Vladimir Putin and Xi Jinping, said"
    if rest and _name(core[rest[0][0] : rest[0][1]], lex) and not _name(core[s:e], lex):
        return rest[0]  # "a spokesman for the ministry, Hong Lei, said"
    speaking = re.search(r"\sspeaking\s", core[s:e])
    return s, s + speaking.start() if speaking else e  # "Another source speaking to Fox News"
