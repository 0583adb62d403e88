"""Whether the words after a reporting verb open a clause of their own without "that"
(:func:`finite_clause`): 'claimed they had seen evidence', 'said the talks went well', not a
noun phrase object ('claimed responsibility', 'noted the increased attention'); and the
irregular past forms that tell a clause's verb (:data:`PAST_ONLY`, :data:`IRREGULAR_PAST`).
:mod:`toolkit.quote_bare`, :mod:`toolkit.quote_asides` and others read a clause with these;
:mod:`toolkit.quote_subjects` reads its subject.

Example:
    >>> finite_clause(" they had seen evidence")
    True
    >>> finite_clause(" responsibility for the attack")
    False
    >>> finite_clause(" the talks went well", past=True)
    True
"""

from __future__ import annotations

import re

from toolkit.quote_subjects import AUXILIARIES, AUXILIARY, NP_PREPOSITIONS
from toolkit.speakers import DETERMINERS

__all__ = ["IRREGULAR_PAST", "PAST_ONLY", "finite_clause"]

# irregular pasts that no past participle shares: a clause's verb wherever they stand ("reported
# the email came hours after"; not "the progress made in the talks")
PAST_ONLY = (
    "went|came|became|began|took|gave|saw|knew|grew|fell|rose|broke|chose|spoke|wrote|drew|threw|"
    "ran|flew|drove|shook|wore|swore|stole|froze|tore|woke|sang|rang|drank|hid"
)
# irregular pasts, those a participle shares too: they tell a clause after "it" ("reported it
# sold", "said it made the decision") and open a first clause ("Fiorina threw her support ...")
IRREGULAR_PAST = (
    f"{PAST_ONLY}|made|got|meant|kept|left|brought|found|thought|felt|held|sent|spent|paid|won|"
    "lost|built|sold|led|met|struck|stood|sought|fought|stuck|dug|clung|sat"
)
# an auxiliary or a modal, negated too ("the party doesn’t care", "it won’t", "cannot")
_AUX = rf"(?:(?:{AUXILIARY})(?:n['’]t)?|won['’]t|can['’]t|cannot)"
# an auxiliary, a modal or a copula near the start of a clause: "they already had seen",
# "overpasses are needed" (a past form or a plural noun there says nothing: "the increased
# attention", "both killings")
_FINITE = re.compile(
    r"^\s+(?:(?!(?:when|while|after|before|because|where|if|since|until)\s)"
    rf"(?!(?:who|which)\s+(?:[\w’'\-.]+\s+)?(?:{AUXILIARY})\b)"
    rf"[\w’'\-.$]+\s+){{1,10}}?{_AUX}\b"
)  # (no subordinate or relative clause's verb: "emphasized his ties shortly after his arrival
# when he had", "suggesting a posture toward protesters who have occupied"; a relative clause
# before the verb is the subject's: "believes the bureau chiefs who bear ... should belong")


# a relative "that" after a noun, its auxiliary and participle ("the areas that were hacked")
_RELATIVE_THAT = re.compile(
    rf"(?<=[a-z] )that\s+(?:{AUXILIARY})(?:\s+(?:{AUXILIARY}|not|also|been|being)){{0,3}}"
    r"(?:\s+[a-z]+(?:ed|en|ing))?\b"
)
# what follows a plural noun, not a verb: a preposition, a stop or the end
_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:!?)—–]|\s-|$|(?:for|of|in|on|at|to|from|with|by|since|over|and|or)\b)"
)
# any finite verb near the start of a clause, for "said" ("said the talks went well", "said
# Silicon Valley cares about ..."): an auxiliary, a past or a present form
_PAST = re.compile(
    rf"^\s+(?:[\w’'\-.$]+\s+){{1,10}}?(?:{_AUX}|"
    r"[a-z]{3,}ed|went|took|made|met|gave|came|saw|spoke|sent|"
    r"left|held|became|began|found|thought|knew|got|kept|felt|told|said|won|lost|ran|paid|"
    r"rose|fell|grew|led|meant|sold|stood|brought|bought|built|fought|sought|caught|taught|"
    r"drove|wrote|broke|chose|spread|struck|hurt|cost|cut|put|set|hit|"
    # a verb after an adverb ("the requirements also hurt business")
    r"(?:also|still|already|never|always|often)\s+"
    r"(?!(?:the|and|but|for|from|with|under|about|into|over|more|less|very)\b)[a-z]{3,}|"
    # (a present in "-s", no word that only looks like one: "told me earlier this summer")
    r"(?!(?:this|his|its|thus|perhaps|always|sometimes|whereas|besides|towards|news)\b)"
    r"[a-z]{2,}[^suí'’]s)\b"
)


def finite_clause(rest: str, *, past: bool = False) -> bool:
    """Whether the words after a reporting verb open a clause without "that": an auxiliary,
    modal or copula after a subject of one to five words with no stop before it ('claimed they
    already had seen evidence', 'believes overpasses are needed'), not a noun phrase object
    ('claimed responsibility for the attack', 'noted the increased attention'); with ``past``
    a past form counts too ('said the talks went well')."""
    # a parenthetical in commas after the clause's subject is left out ("said many
    # Brazilians, despite the protests, were still sheep")
    rest = re.sub(
        r"^(\s+(?:[\w’'\-.]+\s+){0,3}?[\w’'\-.]+),\s[^,;:\"“”]{3,80},",
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))),
        rest,
        count=1,
    )
    # a title's full stop is no stop ("said many of Mr. Karzai’s confidants were ..."), nor a
    # number's comma a clause's ("say more than 190,000 residents participated")
    rest = re.sub(r"\b(Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov)\.", r"\1 ", rest)
    # (nor an initialism's: "says the U.S. has to keep Moscow out")
    rest = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", "x"), rest)
    # (nor a middle initial's: "the conviction of David H. Petraeus is casting")
    rest = re.sub(
        r"(\b[A-Z][a-z]+)\s+[A-Z]\.(?=\s+[A-Z][a-z])",
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))),
        rest,
    )
    rest = re.sub(r"(?<=\d),(?=\d{3}\b)", "0", rest)
    rest = re.sub(r"(?<=\d)%", "0", rest)  # (nor a share's sign: "40% of voters")
    # (a name of many words counts as one: "announced on Twitter the Federal Aviation
    # Administration and the National Transportation Safety Board were to investigate")
    rest = re.sub(r"\b[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*)+", "Name", rest)
    if re.match(
        r"\s+(?:he|she|they|we|I|you)(?:['’](?:ll|d|s|re|ve|m)\b)?\s+(?:(?:both|all)\s+)?"
        r"(?!(?:to|of|and|or|who|all|both|too)\b)[a-z]{2,}\b",
        rest,
    ):
        return True  # a personal pronoun and its verb: "said they need our assistance", "says
        # they both share", "says she’ll continue"; "it" and a finite verb ("reported it sold",
        # "said it’s more realistic")
    if re.match(
        rf"\s+it(?:['’](?:s|ll|d)|\s+(?:{AUXILIARY}|[a-z]+ed|{IRREGULAR_PAST})(?:n['’]t)?)\b", rest
    ):
        return True
    if re.match(r"\s+(?:about(?!\s+\d)|of|to|for|with|on|in|at|from|over|against)\b", rest):
        return False  # "complain about the distances they have to travel": a phrase first
    after_relative = False
    for _ in range(3):
        # (the nearer of an auxiliary and a past form: "her daughter also told her that we have")
        found = [f for f in (_FINITE.match(rest), _PAST.match(rest) if past else None) if f]
        if not found:
            return False
        m = min(found, key=lambda f: f.end())
        words = m.group().split()
        rel = _RELATIVE_THAT.search(rest, 2)
        if rel and rel.start() < m.end():
            # a relative clause on its subject ("the areas that were hacked suggested"): skip it
            rest = rest[: rel.start()] + re.sub(r"\S", "x", rel.group()) + rest[rel.end() :]
            after_relative = True
            continue
        present = re.fullmatch(r"[a-z]{2,}[^suí'’]s", words[-1]) and words[-1] not in AUXILIARIES
        if after_relative and present:
            return False  # (past one, a present form may be a plural: "a country that has
            # seen four military coups")
        # (a present form after a preposition's noun, then no clause's words: a plural, "a tax
        # hike on high earners for a period", not "the standard of living surpasses their")
        low = [""] * 2 + [w.lower() for w in words]
        plural = present and _NOUN_AFTER.match(rest, m.end()) and low[-3] in NP_PREPOSITIONS
        if plural or low[-2] in NP_PREPOSITIONS | DETERMINERS | {"to", "by"}:
            # a noun after a determiner or preposition, no verb ("the talks went", "a line
            # for buses", "a tax hike on high earners"): look further, past it
            rest = rest[: m.end() - len(words[-1])] + "x" * len(words[-1]) + rest[m.end() :]
            continue
        # (past seven words, no "and" nor adverb: "Clinton argued Trump’s proposal to pay down
        # the debt by printing money would"; not "writes clearly and simply ... and is"; past
        # forms, for "said", took ten words before)
        long = not past and len(words) > 8 and re.search(r"\b(?:and|or|\w+ly)\b", m.group())
        return not (long or re.search(r"[.;:!?,\"“”]|\bthat\b", m.group()))
    return False
