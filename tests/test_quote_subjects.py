"""The subject of a reporting verb read from the clause: sentences from newspaper documents of
../shared/corpora outside the labelled sets (trimmed where long)."""

import pytest

from toolkit.quote_finite import finite_clause
from toolkit.quote_subjects import clause_subject, noun_phrase
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("head", "subject"),
    [
        # the clause's opening noun phrase, with no role list behind it
        ("The monitors ", "The monitors"),
        ("White House aides ", "White House aides"),
        ("Mr. Abdullah’s aides have ", "Mr. Abdullah’s aides"),
        ("Some opposition figures here have ", "Some opposition figures"),
        ("Leaders of another protest movement ", "Leaders of another protest movement"),
        ("Others ", "Others"),
        # after an introductory phrase and its comma, or "And"
        ("Despite Boko Haram’s advances, United States Embassy officials in Abuja ",
         "United States Embassy officials in Abuja"),
        ("And opposition leaders ", "opposition leaders"),
        # or a second main clause after a comma and "and" or "but"
        ("Mr. Ghani was thought by many to have benefited, but the monitors ", "the monitors"),
        # parentheticals in commas between the subject and the verb, however long
        ("Martin Lee, founder of the Democratic Party, who helped to write the laws that will "
         "govern Hong Kong separately from the rest of China until 2047, ", "Martin Lee"),
        ("Benjamín José Astudillo, 50, whose family runs a small restaurant on the beach, near "
         "a stretch of sand once reserved for guests of the Sheraton, ", "Benjamín José Astudillo"),
        ("Dilawar Syed, another tech entrepreneur backing Mr. Honda, ", "Dilawar Syed"),
        ("The police officer, who was reached by telephone and did not give his name, ",
         "The police officer"),
        # a name in the first parenthetical after a noun phrase is the speaker
        ("Mr. Putin’s chief of staff, Sergei B. Ivanov, ", "Sergei B. Ivanov"),
        ("On Tuesday, the temporary speaker, Mahdi al-Hafith, ", "Mahdi al-Hafith"),
        # no subject: a clause, a pronoun, a time, a list of names, a second sentence
        ("The campaign that he ran ", None),
        ("It ", None),
        ("Last week ", None),
        ("Leaders of the two countries, Vladimir Putin and Xi Jinping, ", None),
        ("Putin met Lukashenko. The officials ", None),
        ("Two years later ", None),
    ],
)  # fmt: skip
def test_clause_subject_is_the_opening_noun_phrase(head, subject):
    got = clause_subject(head, lexicon())
    assert (head[got[0] : got[1]] if got else None) == subject


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The national university", True),
        ("the activist", True),
        ("United States Embassy officials", True),  # "States" in a name is no verb
        ("the talks went", False),
        ("this", False),
        ("Last month", False),
        ("Officials", True),
        ("Kong", False),  # one capitalised word that is neither a group nor a person
        # "by" after a document, before its owner, reads as "of" (not after another noun)
        ("A study by the Council of the Great City Schools", True),
        ("A recent poll by the Pew Research Center", True),
        ("The man by the door", False),
        # a verb's "-s" form after a quantifier or a determiner is a plural noun (PolNeAR
        # train: "Officials in several other states, including ..., say")
        ("Officials in five states", True),
        ("Officials in several other states", True),
        ("Officials in Ohio states", False),
        # a newspaper's "Times" is a name; a day is no head, capitalised or not
        ("The New York Times", True),
        ("The Financial Times", True),
        ("many times", False),
        ("Late Monday", False),
    ],
)
def test_noun_phrase_that_can_speak(phrase, expected):
    assert noun_phrase(phrase, lexicon()) is expected


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (" they already had seen evidence of fraud.", True),
        (" overpasses are needed in many locations.", True),
        (" Russia would respond.", True),
        (" responsibility for both killings within hours.", False),  # an object
        (" the increased attention of the United Kingdom to the situation.", False),
        (" the courage and dedication of the fighters.", False),
        (" that the talks were useful.", False),  # "that" is the other rule's
        # an initialism's stops are no sentence's
        (" the U.S. has to keep Moscow out of elections.", True),
        (" the U.S. embassy, in a statement.", False),
        # nor a middle initial's (PolNeAR train: "Current and former officials said the
        # conviction of ... David H. Petraeus ... is casting a shadow")
        (" the conviction of CIA director David H. Petraeus is casting a shadow.", True),
        (" the arrest of David H. Petraeus.", False),
        # a subject of up to ten words before its auxiliary; past seven, none with "and" or an
        # adverb in it
        (" the plan to build the new bridge across the river would cost too much.", True),
        (" clearly and simply about a complex subject and is most convincing.", False),
        # a name of many capitalised words counts as one word (set 26: "The city of Calabasas
        # announced on Twitter the ...")
        (
            " the Federal Aviation Administration and the National Transportation Safety Board "
            "were to investigate the cause of the crash.",
            True,
        ),
        (
            " the Federal Aviation Administration and the National Transportation Safety Board "
            "investigation into the cause of the crash.",
            False,
        ),
        # "it" and a finite verb: a clause; "it" and a preposition: an object
        (" it sold $30.4 billion in goods in the quarter.", True),
        (" it to the police on Monday.", False),
    ],
)
def test_finite_clause_tells_a_clause_from_an_object(rest, expected):
    assert finite_clause(rest) is expected


def test_finite_clause_takes_the_nearer_of_an_auxiliary_and_a_past_form():
    """A past form before an auxiliary that follows "that" is the clause's verb ("her daughter
    also told her that we have ..."), not the auxiliary behind the "that"."""
    assert finite_clause(" her daughter also told her that we have a duty.", past=True) is True
    assert finite_clause(" her daughter that we have a duty.", past=True) is False
