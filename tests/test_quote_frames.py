import polars as pl
import pytest

import toolkit


def found(text):
    return toolkit.quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a linking adverb in commas between the subject and its verb
        ("Artur Mas is the Catalan leader. Mr. Mas, however, said in a television interview on "
         "Sunday that it was Mr. Rajoy who was forcing a vote.", "Artur Mas"),
        ("Analysts, however, say that the countries share too many interests.", "Analysts"),
        # an appositive after a dash, closed by a comma
        ('Aung San Suu Kyi - one of the staunchest fighters for democracy in the world, said, '
         '"Sometimes a parody of democracy is more dangerous than a dictatorship."',
         "Aung San Suu Kyi"),
        # a short quotation inside an appositive, and an adverb after it
        ('Benny Tai spoke. I recall that Benny Tai, one of the three organizers of the "Occupy '
         'Central" movement, repeatedly said obeying the law was a "low level" interpretation.',
         "Benny Tai"),
        # a surname that ends in "-ly" is no adverb
        ("Ghada Waly is the minister. “Transparency will appease all those fears,” Ms. Waly said.",
         "Ghada Waly"),
        ("Megyn Kelly is a host. Ms. Kelly said that the debate was fair.", "Megyn Kelly"),
        # a verb's capitalised form inside a name in the appositive ("United States") is no
        # verb of the frame
        ("\"Their strategy is very clear,\" Michael McFaul, a senior fellow at the Hoover "
         "Institution and a former United States ambassador to Russia, said.", "Michael McFaul"),
        ("\"Their strategy is very clear,\" Michael McFaul, a former ambassador to the United "
         "States, said.", "Michael McFaul"),
        # a name's appositive before a relative clause or a dash aside; whom one told by a
        # possessive's noun phrase
        ("Schiff, 56, who has served on the Intelligence Committee for a decade, told USA "
         "TODAY's weekly video newsmaker series it is clear that Russia hacked the party.",
         "Schiff"),
        ("John Dickey, the chief executive of Ora Media -- the production company that owns "
         "Mr. King's programming, which is also streamed on Hulu -- told me, \"We're a content "
         "provider.\"", "John Dickey"),
        ("Bayram Ali Hanedar, 29, a mathematics teacher, who held up the cartoon at the "
         "protest, said he had been questioned by police.", "Bayram Ali Hanedar"),
        # (not where the name stands after the comma, nor a place before a role)
        ("Former National Security Adviser to the President of the United States, Ambassador "
         "Michael McFaul, who is the coordinator of the expert group, said that the experts "
         "will comment shortly.", "Michael McFaul"),
        ("In Moscow, the minister, who has served for a decade, said the talks were useful.",
         "the minister"),        ("Adam Schiff spoke. Schiff told CNN's chief political correspondent it is clear that "
         "Russia hacked the party.", "Adam Schiff"),
        # a clause after "says" that opens a mixed quotation; "that" with a quotation after a
        # past form
        ("The clip says Kaine “has a passion for defending the wrong people.”", "The clip"),
        ("Iris's mother said her daughter also told her that \"we have a moral responsibility "
         "to speak out against injustice.\"", "Iris's mother"),
    ],
)  # fmt: skip
def test_the_subject_before_the_verb_past_asides(text, speaker):
    assert found(text)["speaker"].to_list() == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a dash before a clause, not an appositive; an adverb in lower case stays an adverb
        "The talks failed - the ministry said nothing, and the envoy left.",
        "“Fine,” she firmly said.",
    ],
)
def test_no_person_from_a_clause_or_an_adverb(text):
    assert found(text)["speaker"].to_list() in ([], [None])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted complement after a longer object and "as" (PolNeAR dev, set 15)
        ("Lavrov described the new Western sanctions against Moscow as “illegal.”",
         [("Lavrov", "describe", "illegal.")]),
        ("Bill Clinton criticized the Affordable Care Act as a “crazy system” during a stop.",
         [("Bill Clinton", "criticize", "crazy system")]),
        # "call" and "term" name what they call in up to six words, with no "on" or "for"
        ("Clinton called half of Donald Trump’s supporters “deplorables.”",
         [("Clinton", "call", "deplorables.")]),
        ("Lavrov called on the leaders of the two countries to “stop the war.”", []),
        # a progressive, and a participle after a comma with its object: the clause's subject
        ("Hillary Clinton is describing as “unhinged” a tweet by Donald Trump.",
         [("Hillary Clinton", "describe", "unhinged")]),
        ("Lavrov rejected the plan, calling it “a disaster.”", [("Lavrov", "call", "a disaster.")]),
        ("Mr. Gayoom’s loyalists protested, and Mr. Nasheed resigned in 2012, describing what "
         "had happened as a “coup d’état.”",
         [("Mr. Nasheed", "describe", "coup d’état.")]),
        # the agent of a passive before the complement (sets 26 and 29)
        ("The plan was described by the minister as “a step forward.”",
         [("the minister", "describe", "a step forward.")]),
        ('This proposal was criticized by some as being "too complicated".',
         [("some", "criticize", "too complicated")]),
        # a verb's form that is also a noun after a determiner or a possessive is the noun
        # (PolNeAR dev)
        ("Minyon Moore called the remarks “a true wake-up call.”",
         [("Minyon Moore", "call", "a true wake-up call.")]),
        ("Orlando Watson called Mrs. Clinton’s remarks “misleading and divisive.”",
         [("Orlando Watson", "call", "misleading and divisive.")]),
        # what is spoken of in quotation marks (set 36)
        ("The party’s spokesman, Ilias Kasidiaris, spoke of “a wretched frame-up.”",
         [("Ilias Kasidiaris", "speak of", "a wretched frame-up.")]),
        ("Mr. Kerry spoke of the “enormous levels of suffering” among the refugees.",
         [("Mr. Kerry", "speak of", "enormous levels of suffering")]),
        ("He spoke of his childhood in Minsk.", []),
        # a verb that takes no quoted object, or an object too long to be one
        ("Lavrov visited the new plant that the company built in the city of Tula, “a gift.”", []),
        ("Lavrov described the long list of new Western sanctions against Moscow and its allies "
         "in Europe as “illegal.”", []),
    ],
)  # fmt: skip
def test_a_quoted_complement_after_the_verb_and_its_object(text, expected):
    assert found(text).select("speaker_text", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a bare role after a number or a capitalised modifier, before the name (PolNeAR dev)
        ("“They are 100 percent wrong,” said 9/11 widow Terry Strada.", "Terry Strada"),
        ("“It is a milestone,” says Terracotta founder Joey Leung.", "Joey Leung"),
        ("“It is wrong,” said two-time champion John Smith.", "John Smith"),
        ("“It is wrong,” said Russian diplomat Sergei Ivanov.", "Sergei Ivanov"),
    ],
)  # fmt: skip
def test_inverted_frame_with_a_bare_role_before_the_name(text, speaker):
    assert found(text)["speaker"].to_list() == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitalised words, ordinals and lower-case modifiers describe the name after an
        # inverted verb; the mention keeps them (PolNeAR train)
        ("“We won,” said former Massachusetts congressman Barney Frank.",
         [("former Massachusetts congressman Barney Frank", "Barney Frank")]),
        ("“We won,” said Air Force 1st Lt. Tyler Livingston.",
         [("Air Force 1st Lt. Tyler Livingston", "Tyler Livingston")]),
        ("“We won,” said former Sen. Evan Bayh, a moderate Indiana Democrat.",
         [("former Sen. Evan Bayh", "Evan Bayh")]),
        # a person, then what the person is of
        ("“We won,” said Robert Antonacci of the New York delegation.",
         [("Robert Antonacci of the New York delegation", "Robert Antonacci")]),
        # one described, then a relative clause on a person
        ("“We won,” said the designer, who works for another brand.",
         [("the designer", "the designer")]),
        ("“We won,” said one of those advisers, who spoke on the condition of anonymity.",
         [("one of those advisers", "one of those advisers")]),
        # no relative clause on a person: no speaker
        ("“It is over,” said the car, which was red.", []),
    ],
)  # fmt: skip
def test_inverted_frame_with_what_describes_the_speaker(text, expected):
    assert found(text).select("speaker_text", "speaker").rows() == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # capitalised words in the role before the name, and where the role is held
        # (PolNeAR train)
        ("“We are anxious,” said another Twitter user, Johanna Bayer.", "Johanna Bayer"),
        ("“It was his first attempt,” said his best friend at Lehigh, Bruce Turry.",
         "Bruce Turry"),
        ("“It is over,” said the Senate president, John Cullerton, a Democrat.",
         "John Cullerton"),
        # a role and a description after it, no name: the role
        ("“Go Home,” said her lawyer, the former judge.", "her lawyer"),
    ],
)  # fmt: skip
def test_inverted_role_with_capitals_before_the_name(text, speaker):
    assert found(text)["speaker"].to_list() == [speaker]


def test_a_name_with_jr_before_the_verb_after_a_quotation():
    text = ("“Twitter works as a way to sell books,” James B. Comey Jr., the director of the "
            "Federal Bureau of Investigation, said at a conference.")  # fmt: skip
    assert found(text).select("speaker_text", "verb").rows() == [("James B. Comey Jr.", "say")]
