"""Whether a reporting verb's form reports anything where it stands, read before its subject
is looked for (:func:`reports_here`; before a quotation, :func:`noun_before_quote`): a noun
("His greatest fear is", "the Gulf states"), a base form after a verb's object ("helped a
journalist write": :func:`base_after_one`), a negation ("never said"), a modal's view ("will
think"), a participle on a noun ("a report warning that"); the manner between a subject and
its verb ("was quick to say", "continues to insist": :func:`without_manner`); and whether a
report's clause follows its verb (:func:`clause_follows`, for the verbs the lexicon reports
only so: "vowed that ..."); and the words before a verb as its subject reads them
(:func:`subject_words`: "Cruz himself said"); the sentence without its parentheticals
(:func:`without_asides`) and the clause at a verb's "that" (:func:`that_clause`).
:mod:`toolkit.quote_reported` reads reported speech with these.

Example:
    >>> import re
    >>> from toolkit.speakers import lexicon
    >>> lex = lexicon()
    >>> text = "The article never said that the talks failed."
    >>> reports_here(text, lex["verb"].search(text), "say", lex)
    False
"""

from __future__ import annotations

import re

from toolkit.quote_heads import PROGRESSIVE, lemma_of
from toolkit.quote_subjects import AUXILIARIES
from toolkit.speakers import DETERMINERS, UPPER

__all__ = [
    "ACCUSED_OF",
    "IN_NAME",
    "NEGATED",
    "PROMISES",
    "REQUESTS",
    "STATES_BEFORE",
    "a_noun_here",
    "base_after_one",
    "clause_follows",
    "infinitive_first",
    "labelled",
    "names_thing",
    "noun_before_quote",
    "reports_here",
    "subject_words",
    "that_clause",
    "uncontracted",
    "without_asides",
    "without_manner",
]

# a negation right before a verb ("never said", "has not claimed", "did not say"): no report
# (a contraction's "n't" inside its word: "isn't saying", "haven't said")
NEGATED = re.compile(r"(?:\b(?:never|not)|\Bn['’]t)\s+(?:(?:once|even|ever)\s+)?$", re.I)
# what stands before "states" the noun: an adjective of place or a kind of state
STATES_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]*(?:an|ic|ish|ese|ab|ulf|ern)|\b(?:[Mm]ember|island|nation|city|small|"
    r"neighbou?ring|sovereign|independent|other|several|many|all|two|three|four|five|dozen|"
    r"[Bb]altic|[Gg]ulf|[Nn]ordic|swing|battleground|early|southern|northern|western|eastern|"
    r"border|coastal)|\bof\s+(?!(?:the|an?|its|his|her|their|this|our|your|my)\s)(?:[a-z\-]+\s+)?[a-z\-]+)\s+$"
)  # (not after a number: "Article 5 states that", "Clause 3.2.18 states,"; after "of" and a word
# or two with no determiner: "A union of responsible states that")
# what follows a plural noun and no reporting verb: a modal, a preposition of place or a
# conjunction ("states should", "states from Russia to Tajikistan")
_NOUN_NEXT = re.compile(
    r"\s+(?:should|must|will|would|can|could|may|might|have|had|from|of|in|across|and|or|to)\b"
)
# what stands before a plural noun and never ends a subject before its verb: a determiner, a
# preposition, a past or a verb that takes the noun as its object ("the cases include claims
# that", "the courts upheld charges that", "after facing charges that"), or an adjective or a
# crime before a charge ("spearheaded criminal charges that", "The terrorism charges that")
_OBJECT_WORD_BEFORE = re.compile(
    r"\b(?:the|these|those|such|any|no|of|to|against|about|over|on|for|with|[a-z]{3,}ed|upheld|"
    r"brought|made|include|includes|including|face|faces|facing|deny|denies|denying|criminal|"
    r"take|takes|took|taking|"
    r"formal|new|false|similar|further|fresh|corruption|terrorism|fraud|murder|bribery)\s+$"
)
# the pronouns a helper is contracted onto ("He’s", "They’re", "She’d")
_PRONOUNS = ("[Hh]e", "[Ss]he", "[Ii]t", "[Tt]hey", "[Ww]e", "[Yy]ou")
# a pronoun's contracted "is" or "are" ("He’s claiming", "They’re saying")
_CONTRACTED_HELPER = "(?:" + "|".join(rf"(?<=\b{p})" for p in _PRONOUNS) + ")['’](?:s|re)"
# what a reporting participle follows in a frame: a comma, "by", a progressive's auxiliary
_PARTICIPLE_AFTER = re.compile(
    rf"(?:,|\bby|(?:\b(?:{'|'.join(sorted(PROGRESSIVE))})|{_CONTRACTED_HELPER})(?:\s+\w+ly|\s+now)?"
    r"|\b(?:statement|letter|message|communique|declaration)(?:\s+to(?:\s+[A-Z][\w.’'\-]*){1,3})?"
    r"|,\s+with\s+(?:[\w’'\-]+\s+){0,3}[\w’'\-]+)"
    r"\s*$"
)  # or a document put out ("wrote a letter to Cablevision insisting that"), or after "with"
# and its subject ("..., with demonstrators contending that"); a contracted helper too ("He’s
# claiming that")
# how a subject went about saying it, between the subject and the verb: "was quick to",
# "is wrong to", "were careful to", "appeared to", "continues to"
_EAGER = re.compile(
    r"\s+(?:(?:is|was|are|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:quick|careful|keen|eager|wrong|right|correct|swift|the\s+first|among\s+the\s+first)"
    r"|(?:\w+ly\s+)?(?:appear|seem|continue|start)(?:s|ed|d)?|began|begins?"  # ("started to say")
    # (or took the floor, or broke in, to say it: "took to Twitter to say", "took the floor to
    # stress", "interjected to say", "tweeted on Friday to say", "called to say")
    r"|(?:took|takes|take|taking)\s+(?:to\s+)?(?:the\s+)?(?:Twitter|X|Facebook|Instagram|Telegram|"
    r"Weibo|social\s+media|airwaves|floor|podium|rostrum|stage|microphone|stand)"
    r"|(?:interject|pause|intervene|tweet|call)(?:s|ed|d)?(?:\s+on\s+[A-Z][a-z]+day)?"
    r"|(?:chimes?|chimed|weighs?|weighed|steps?|stepped)\s+in)\s+to\s*$"
)


# a determiner right before a word, or "take" ("takes note that")
_DETERMINED = re.compile(
    r"\b(?:an?|the|his|her|its|their|this|my|our|your|take|takes|took|taken|taking)\s+$", re.I
)
# a possessive, or a determiner and a word that is no plural, right before a word
_LABEL_BEFORE = re.compile(r"(?:\w['’]s|\b(?:an?|the)\s+[a-z]+(?<!s))\s+$")


def a_noun_here(text: str, v: re.Match, lemma: str, lex: dict) -> bool:
    """Whether a verb's base form that is also a noun follows a determiner or "take", so is the
    noun ("sent a note warning that", "The Kremlin takes note that")."""
    return (
        lemma in lex["noun_forms"]
        and v.group().lower() == lemma
        and _DETERMINED.search(text, max(0, v.start() - 8), v.start()) is not None
    )


def labelled(text: str, v: re.Match, lemma: str, lex: dict) -> bool:
    """Whether a verb's base form that is also a noun is a label's noun before its colon, after
    a possessive or a determiner and an adjective ("Editor's note:", "on a bright note:"); not
    the past "read" ("a sign read:")."""
    return (
        lemma in lex["noun_forms"]
        and v.group().lower() == lemma != "read"
        and text.startswith(":", v.end())
        and _LABEL_BEFORE.search(text, max(0, v.start() - 30), v.start()) is not None
    )


ACCUSED_OF = re.compile(r"accused\s+of\b")  # a passive's participle: the one accused
# one person or thing that a verb of causing or perceiving takes, right before a base form
# ("helped an East German journalist write a book", "saw a man run")
_ONE_BEFORE = re.compile(
    r"\b(?:help(?:s|ed|ing)?|let(?:s|ting)?|ma(?:ke|kes|de|king)|s(?:ee|ees|aw|een|eeing)|"
    r"watch(?:es|ed|ing)?)\s+(?:an?|one|each|every)\s+(?:[\w’'\-]+\s+){0,3}$"
)


def base_after_one(sentence: str, v: re.Match, lemma: str) -> bool:
    """Whether the form ``v`` is a base form right after a verb of causing or perceiving and
    its object ("helped an East German journalist write a book"): no finite verb, no report."""
    return v.group() == lemma and _ONE_BEFORE.search(sentence, 0, v.start()) is not None


# a capitalised word right before a verb's form, with a lower-case word of prose before it: the
# form is a name's word ("the United States", "a New York Times Op-Ed"), not a headline's verb
IN_NAME = re.compile(rf"\b[a-z]{{4,}}\b[^.!?]*\s[{UPPER}][\w’'\-.]*\s+$")


def reports_here(sentence: str, v: re.Match, lemma: str, lex: dict) -> bool:
    """Whether the reporting verb form ``v`` (of ``lemma``) in ``sentence`` may report
    someone's words there, as far as the words right around it tell."""
    if re.match(r"\s+(?:is|was|are|were)\b", sentence[v.end() :]):
        return False  # "His greatest fear is that ...": a noun before its verb
    if v.group()[0].isupper() and IN_NAME.search(sentence, 0, v.start()):
        return False  # "as the United States?": a name's word
    if base_after_one(sentence, v, lemma):
        return False  # "helped an East German journalist write a book": no finite verb
    if (v.group().endswith("s") and lemma in lex["noun_forms"]
            and _NOUN_NEXT.match(sentence, v.end())):  # fmt: skip
        return False  # "former Soviet states from Russia to Tajikistan", "The CSTO states
        # should ...": a plural noun, its modal or preposition after it
    if (v.group().endswith("s") and lemma in lex["noun_forms"]
            and _OBJECT_WORD_BEFORE.search(sentence, 0, v.start())):  # fmt: skip
        return False  # "The cases include claims that ...": a noun, the verb's object
    if re.search(r"\b(?:[Ii]t|[Tt]hat|[Tt]here)(?:['’]s|\s+is|\s+was)\s+$", sentence[: v.start()]):
        return False  # "It's said that ...": a passive with no one who says it ("It was
        # revealing that ...": an adjective)
    if v.group().endswith("s") and re.search(r"\w['’]s\s+$", sentence[: v.start()]):
        return False  # "Li's remarks, made outside ..., echoed": a possessive's noun
    if labelled(sentence, v, lemma, lex) or a_noun_here(sentence, v, lemma, lex):
        return False  # "Editor's note:", "on a bright note:", "sent a note": a noun
    if v.group() == "states" and STATES_BEFORE.search(sentence[: v.start()]):
        return False  # "other Baltic states, Moldova", "the Gulf states": the noun
    if lemma in ("think", "believe") and re.search(
        r"\b(?:will|would|should|could|might|may|must|to)\s+(?:\w+ly\s+)?$",
        sentence[: v.start()],
    ):
        return False  # "students will think seriously about ...": no view held, none reported
    if NEGATED.search(sentence, 0, v.start()) and lemma not in ("doubt", "deny", "dispute"):
        return False  # "the article never said or implied that ...": what was not said (not
        # "she never doubted that ...": what she holds)
    if lemma in ("ask", "charge", "accuse") and re.search(
        r"(?:\b(?:am|is|are|was|were|be|been|being|get|gets|got)|\w['’](?:m|re))\s+"
        r"(?:(?:he|she|they|it|we|I)\s+)?"
        r"(?:(?:\w+ly|often|also|always|never|sometimes|still|again)\s+)?$",
        sentence[: v.start()],
    ):
        return False  # "I'm often asked why ...": whom a question was put to, no one's question
        # (nor whom a charge is laid against: "nor was he formally charged", "was accused of")
    if ACCUSED_OF.match(sentence, v.start()):
        return False  # "Mr. Adeeb was under arrest, accused of ...": the one accused
    if v.group() == "alleged" and re.match(
        r"\s+(?!(?:they|he|she|it|we|you)\s)[a-z]+\s+(?:were|was|are|is)\b", sentence[v.end() :]
    ):
        return False  # "the three alleged killers were arrested": an adjective
    if lemma == "continue" and not re.match(r"\s*[,:;.\"“]|\s+that\b", sentence[v.end() :]):
        return False  # "Emanuel continues to face questions", "the attack continues with the
        # expectation that": going on, no report ("continued:"; "continues to insist that" is
        # the report of "insist", after its manner: without_manner)
    if lemma == "think" and re.match(r"\s+tanks?\b", sentence[v.end() :]):
        return False  # "think tank exchanges": a noun
    if v.group().lower() == "saying" and re.match(r"\s+(?:goes|went)\b", sentence[v.end() :]):
        return False  # "As the Chinese saying goes, ...": a proverb, no one's report (set 11)
    # "an intelligence report warning that": a participle on a noun; a frame's participle
    # follows a comma ("..., warning that") or "by" ("began by noting that"), or is a
    # progressive ("are claiming that")
    participle = v.group().lower().endswith("ing") and not v.group().lower().endswith("saying")
    return not participle or _PARTICIPLE_AFTER.search(sentence[: v.start()]) is not None


def without_manner(before: str) -> str | None:
    """The words before a reporting verb without how the subject went about it ("Lavrov was
    quick to", "Professor Tai is wrong to", "appeared to", "continues to"); None where the
    subject is an impersonal "it" ("it is wrong to say ..."): no one's report."""
    eager = _EAGER.search(before)
    if eager is None:
        return before
    before = before[: eager.start()]
    return None if re.search(r"\b[Ii]t\s*$", before) else before


def clause_follows(before: str, lex: dict) -> bool:
    """Whether a report's clause follows its verb: "that" right before it, or the verb itself
    ("promised he would")."""
    last = re.search(r"(\S+)\s*$", before)
    return bool(last) and (last.group(1) == "that" or lex["verb"].fullmatch(last.group(1)))


# a pronoun's contracted helper right before the verb
_CONTRACTED = re.compile(rf"\b(?:{'|'.join(_PRONOUNS)}|I)(['’](s|re|ve|d|ll)(\s+))$")


def uncontracted(before: str, *, progressive: bool) -> str:
    """The words before a reporting verb with a pronoun's contracted helper at their end
    written out before a participle in "-ing", offsets kept ("He’s " -> "He is"), else blanked
    ("He’s said": has)."""

    def written(m: re.Match) -> str:
        full = {"s": " is", "re": " are"}.get(m.group(2)) if progressive else None
        kept = m.group()[: m.start(1) - m.start()]
        return kept + (full + m.group(3)[1:] if full else " " * len(m.group(1)))

    return _CONTRACTED.sub(written, before)


# a reduced relative clause of the writer's own after a group: "the experts I interviewed",
# "officials we spoke to"
_INTERVIEWED = re.compile(
    r"(?<=[a-z])\s+(?:I|we)\s+(?:have\s+)?(?:interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
    r"contacted|surveyed|consulted|asked)\s*$"
)
_SELF = re.compile(r"(?<=\w)\s+(?:him|her|them|it)sel(?:f|ves)\s*$")  # "Cruz himself said"


def subject_words(before: str, *, progressive: bool) -> str:
    """The words before a reporting verb as its subject reads them, offsets kept: an
    intensifying pronoun blanked ("Cruz himself said"), a contraction undone
    (:func:`uncontracted`: "He’s claiming", "They’ve said"), and the writer's own relative
    clause after a group blanked (whom the writer asked speaks: "all the experts I interviewed
    said")."""
    before = _SELF.sub(lambda m: " " * len(m.group()), before)
    before = uncontracted(before, progressive=progressive)
    return _INTERVIEWED.sub(lambda m: " " * len(m.group()), before)


def without_asides(sentence: str, lex: dict) -> str:
    """The sentence with its parentheticals blanked, offsets kept ("the Hong Kong Bar
    Association (HKBA) said", "Sen. Chris Murphy (a Connecticut Democrat who is up for
    reelection) says"), but one that holds a report of its own ("(Mr. Darawshe said one in
    five Arab voters supported ...)", "(the first person, several scholars said, to be hired
    ...)")."""

    def blank(m: re.Match) -> str:  # (one of up to 40 characters inside, whatever it holds)
        own = len(m.group()) - 3 > 40 and lex["verb"].search(m.group())
        return m.group() if own else " " * len(m.group())

    return re.sub(r"\s\([^()\"“”]{1,120}\)", blank, sentence)


# the content clause after a reporting verb, at the first "that": "said (to reporters) that, ...",
# "said that it was an issue that could ..."; and after a long
# prepositional phrase ("emphasized at a function held by ... in Beijing late last year that")
def that_clause(reach: int) -> re.Pattern:
    """Up to ``reach`` characters of a verb's object or adjuncts, then "that" (perhaps after a
    discourse word in commas: "told POLITICO, however, that") and its clause."""
    # (a programme's or paper's title in quotation marks may be among them: 'told MSNBC's
    # "Morning Joe" that')
    # (and a place's comma: 'told a town hall in Salem, New Hampshire on Monday that'; a
    # title's or an initial's stop: "told Mr. Xu’s lawyer that", "told U.S. officials that")
    words = (
        r"(?:[^,.;:\"“”]|[\"“][A-Z][^,.;:\"“”]{0,40}[\"”]"
        r"|(?:(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bDr)|(?<=\bSen)|(?<=\bRep)|(?<=\b[A-Z]))\.(?=\s|[A-Z])"
        r"|(?<=[a-z]),(?=\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:on|in|at|last|this|that)\s)"
        # (and the commas around a name after whom: "promised the country’s foreign secretary,
        # Albert del Rosario, that")
        r"|(?<=[a-z]),(?=\s[A-Z][\w’'\-]+(?:\s(?:[A-Z][\w’'\-]+|de|del|da|van|von|al|el)){1,4},\s+that\s)"
        r"|(?<=[a-z]),(?=\s+that\s))"
    )
    # (or a phrase of where or how in commas: "said, in a statement on Friday, that", "told me,
    # without being specific, that", "said, speaking on condition of anonymity, that"; any aside
    # in dashes: "said — on Twitter, as it happens — that")
    aside = (
        r"(?:,\s+(?:however|though|also|too|moreover|nonetheless|nevertheless|again"
        r"|(?:in|at|on|during|to|without|after|when|while|citing|speaking)\s[^,;:\"“”]{3,60}),"
        r"|\s+[—–]\s+[^—–;:\"“”]{3,60}?\s+[—–])?"
    )
    # (not "that" before a noun, a demonstrative: "interrupted that trend, but the rich ...")
    return re.compile(
        rf"(\s+{words}{{0,{reach}}}?)??{aside}\s+that,?\s+"
        r"(?!(?!today|now|then|here|there)[a-z]+,\s+(?:but|when|where|so)\s)(.{8,}?)[.!?]?[\"”]?$"
    )


# an infinitive after a verb of asking or promising, perhaps after whom it asks
# ("urged the Europeans to impose", "vowed to fight"; not "warned that efforts to legalize")
_INFINITIVE = re.compile(
    r"\s+(?:(?!that\b)[\w’'\-]+\s+){0,3}?to\s+"
    r"(?!(?:the|a|an|his|her|its|their|this|these|those)\s)[a-z]+\s"
)
# "that" and what opens a clause after it: a quotation, a capital or a number, a pronoun or a
# determiner (not "to break that pattern", "to return that power")
_THAT_CLAUSE = re.compile(
    r"that,?\s+(?:[“\"A-Z\d]|(?:he|she|it|they|we|I|you|there|the|a|an|his|her|its|their|this|"
    r"these|those|some|all|no|every|such|many|most|everyone|everybody|nobody|[a-z]+[^s\W]s)\b)"
)  # (or a plural, which no "that" is a demonstrative of: "to ensure that citizens had")
# verbs of promising, and of asking for a deed: what they report is a deed, promised or asked
# for ("vowed to ...", "urged X to ...", "..., as its critics have urged.")
PROMISES = frozenset({"vow", "pledge", "promise"})
REQUESTS = frozenset({"urge", "advise", "plead", "demand", "ask", "call"})
# verbs an infinitive may follow, perhaps after whom ("called" not: "called his return to
# office “...”")
_TO_DO = PROMISES | (REQUESTS - {"call"}) | {"remind", "agree", "hope", "warn", "charge"}


def infinitive_first(rest: str, lemma: str) -> bool:
    """Whether the words after a verb of asking or promising (``rest``) open with an infinitive,
    so that a "that" further on opens a relative clause, no report ("vowed to fight the forces
    that ...", "urged Merkel to give ... a base that ...", "UK urged to give ..."); not one
    whose verb takes the "that" ("vowed to ensure that ...")."""
    m = _INFINITIVE.match(rest) if lemma in _TO_DO else None
    return m is not None and not _THAT_CLAUSE.match(rest, m.end())  # (not "vowed to ensure that")


# a determiner or a possessive right before a word: what follows is a noun ("the remarks")
_DETERMINER_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(DETERMINERS | {'these', 'those', 'my', 'your'}))}|[\w\-]+['’]s)\s+"
    r"(?:(?:previous|recent|latest|earlier|new|own|public|repeated|frequent)\s+)?$",
    re.I,
)  # (an adjective between: "Lam Woon-kwong's previous comments condemning “...”")


# "called" right before a quotation after a noun of its own and no relative word: the name a
# thing goes by ("a new book called “...”", "a campaign called “...”"; not "what he called",
# "which Mr. Paul called", "Philip Roth has called"), or a passive's ("can be called “...”")
_CALLED_AFTER = re.compile(r"\b([a-z][\w\-]*)\s+called\s*$")
_CALLED_BY = re.compile(r"\b(?:what|which|whom|who|that)\s+(?:\S+\s+){0,4}called\s*$", re.I)
_SUBJECT_WORDS = frozenset(
    "he she they it we i you who also once even then first never just later often".split()
) | (frozenset(AUXILIARIES) - {"is", "are", "was", "were"})  # (a passive's copula names a thing)


def names_thing(head: str, v: re.Match) -> bool:
    """Whether ``v`` is "called" that names a thing right before a quotation that ends ``head``
    ('a new book called “...”'): the quotation is a name, no one's words."""
    w = _CALLED_AFTER.search(head, 0, v.end())
    if not w or v.group() != "called" or head[v.end() :].strip() or w[1] in _SUBJECT_WORDS:
        return False
    return not w[1].endswith("ly") and not _CALLED_BY.search(head, 0, v.end())


def noun_before_quote(head: str, v: re.Match, lex: dict) -> bool:
    """Whether a verb's form that is also a noun is the noun where it stands before a
    quotation (or no finite verb: :func:`base_after_one`): after a determiner or a possessive
    ('called the remarks “a true wake-up call”'), a label's noun before its colon ('on a bright
    note: “': :func:`labelled`); "states" after a region's or a kind's word ('the Gulf states
    “pledged ...”')."""
    lemma, start = lemma_of(v.group(), lex), max(0, v.start() - 30)
    if base_after_one(head, v, lemma) or ACCUSED_OF.match(head, v.start()):
        return True  # (no finite verb either: "helped an East German journalist write"; nor
        # the one accused: "was under arrest, accused of “high treason.”")
    if (lemma in lex["noun_forms"] or v.group().endswith("ing")) and (
        _DETERMINER_BEFORE.search(head, start, v.start()) or labelled(head, v, lemma, lex)
    ):
        return True  # (an "-ing" form after a determiner too: "concludes with a warning:")
    return v.group() == "states" and STATES_BEFORE.search(head[: v.start()]) is not None
