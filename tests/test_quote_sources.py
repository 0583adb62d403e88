import pytest

from toolkit.quote_sources import according_to, is_speaker
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to Ms. Konstantopoulou, the vote will be held in May.",
         [("the vote will be held in May", "Ms. Konstantopoulou")]),
        ("Consumer prices rose, according to official statistics.",
         [("Consumer prices rose", "official statistics")]),
        ("Moreover, according to media reports, the bridge will cost more.",
         [("the bridge will cost more", "media reports")]),
        ("Malaysia did the least, according to a State Department report released Friday.",
         [("Malaysia did the least", "a State Department report")]),
        ("Some 109 projects were in the budget, according to an analysis by Citizens Against "
         "Government Waste, a group, which calls it the Pig Book.",
         [("Some 109 projects were in the budget", "Citizens Against Government Waste")]),
        # official numbers, an editorial (set 11-12); "that same" is no part of the source
        ("The wage would be two-thirds of the median, according to official numbers.",
         [("The wage would be two-thirds of the median", "official numbers")]),
        ("Democracy is at stake, according to that same Japan Times editorial.",
         [("Democracy is at stake", "Japan Times editorial")]),
        # estimates are no one's words (set 2), but for an owner's (sets 17 and 31)
        ("According to the most conservative estimates, the project would attract investment.",
         []),
        ("According to expert estimates, the harvest will be good.",
         [("the harvest will be good", "expert estimates")]),
        ("The march drew 190,000 people according to APD's estimate, which covered the park.",
         [("The march drew 190,000 people", "APD's estimate")]),
        # one owner's word alone before a source, and one who attended (PolNeAR train)
        ("This room had two couches, according to F.A.A. records.",
         [("This room had two couches", "F.A.A. records")]),
        ("Women still trail men in giving, according to Crowdpac data.",
         [("Women still trail men in giving", "Crowdpac data")]),
        # ... and before what the source is (PolNeAR train, chinadaily-nyt), not a determiner
        ("The nonprofit paid $1.13 million, according to U.S. lobbying records.",
         [("The nonprofit paid $1.13 million", "U.S. lobbying records")]),
        ("Unemployment fell, according to French government figures.",
         [("Unemployment fell", "French government figures")]),
        ("Growth fell, according to A notation with the article.", []),
        # an opening "According to X" before a colon (PolNeAR train)
        ("According to HuffPo: “Senator Tim Kaine has had a mixed record on abortion.”",
         [("“Senator Tim Kaine has had a mixed record on abortion.”", "HuffPo")]),
        ("The plan was dropped, according to an attendee.",
         [("The plan was dropped", "an attendee")]),
        # a rule followed, the latest information: no source
        ("According to the decree, the flag was hoisted at 10:00.", []),
        ("According to the latest information, the flag was hoisted at 10:00.", []),
        # the aside inside its sentence, an appositive after the source: the sentence is his
        ("Civil disobedience, according to Senior Counsel Jat Sew-tong, former chairman of the "
         "Independent Police Complaints Council, is a fine tradition.",
         [("Civil disobedience, according to Senior Counsel Jat Sew-tong, former chairman of the "
           "Independent Police Complaints Council, is a fine tradition.",
           "Senior Counsel Jat Sew-tong")]),
        ("The economy, according to the ministry, will grow by 3 percent next year.",
         [("The economy, according to the ministry, will grow by 3 percent next year.",
           "the ministry")]),
        # a rule followed, and an aside with no verb after it: none
        ("The economy, according to plan, will grow by 3 percent next year.", []),
        ("The talks, according to the ministry, a success.", []),
        # with no comma before "according to": a source, not a law or a rule followed
        ("The aircraft was manufactured in 1944 according to Federal Aviation Administration "
         "records.",
         [("The aircraft was manufactured in 1944", "Federal Aviation Administration records")]),
        ("It set a framework for universal suffrage according to the Basic Law.", []),
        ("The holiday is celebrated according to the lunar calendar.", []),
        # a day after the source, with "last" or "early" before it, is no part of it
        ("Mr. Khanna has $1.9 million, according to campaign finance records filed last "
         "Friday.", [("Mr. Khanna has $1.9 million", "campaign finance records")]),
        # a name's appositive, and others after it (PolNeAR dev)
        ("It can be effective in reducing suicide, according to Craig Bryan, head of the "
         "National Center for Veterans Studies, and other scientists.",
         [("It can be effective in reducing suicide", "Craig Bryan")]),
        # an aside after the predicate with more after it: the sentence is the source's; a
        # web address names a source (PolNeAR train)
        ("That's bad, according to Rubio, because, well, Biden.",
         [("That's bad, according to Rubio, because, well, Biden.", "Rubio")]),
        ("They denounced the deal, which would cut the rate to 17 percent, according to company "
         "leaders, compared with 25 percent now.",
         [("They denounced the deal, which would cut the rate to 17 percent, according to company "
           "leaders, compared with 25 percent now.", "company leaders")]),
        ("They met, according to plan, because the talks were due.", []),
        ("Friends were devastated by the news, according to Tchadinfos.com.",
         [("Friends were devastated by the news", "Tchadinfos.com")]),
    ],
)  # fmt: skip
def test_according_to_cites_a_speaker_or_a_source(sentence, expected):
    found = according_to(sentence, 0, lexicon())
    assert [(sentence[a:b], sentence[p:q]) for a, b, (p, q), _ in found] == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("him", True), ("the Belarusian leader", True), ("media reports", True),
     ("the law", False), ("the survey", True), ("this survey", False),
     ("the Xinhua report", True),
     # a poll named by its owners, a slash or eight words in all (PolNeAR dev)
     ("a new Washington Post-ABC News national poll", True),
     ("a New York Times/CBS News poll", True), ("a Reuters/Ipsos poll", True),
     ("the post-debate analysis", True), ("an official tally", True),
     # the writer's own, and what the writer estimates: no source
     ("the top British medical journal", True),
     ("our analysis", False), ("our data", False), ("the most conservative estimates", False),
     # what a source is of or what it tracks; its owners' capitals with no determiner
     ("a recent Reuters survey of voter lists", True),
     ("a Washington Post database tracking such deaths", True),
     ("her profile on the legislature's website", True),
     ("the numbers on the waiting list", False),
     # a source before a participle or an adjective on it (PolNeAR train)
     ("the most recent data available from the FBI", True),
     ("emails unearthed in the investigation", True),
     ("a newly uncovered email previously kept secret", True),
     ("the tensions unearthed in the investigation", False),
     # a press or news release, and what it is from (PolNeAR train)
     ("a press release from Judicial Watch", True), ("its news release", True),
     ("the release of the prisoners", False),
     # a name with what the writer credits it with before it; a part of a group; people
     # where something happened (PolNeAR train)
     ("Fox News judicial analyst Judge Andrew Napolitano", True),
     ("Ronald Reagan's former education secretary William J. Bennett", True),
     ("USA TODAY contributor and monetary historian David J. Marsh", True),
     ("one of his senior aides", True), ("people in attendance", True),
     ("someone in attendance", True),
     # not a name's last two words, nor a credit with a preposition in it
     ("Israel and several Arab", False), ("the memoirs of the late Sergei Ivanov", False),
     ("Transparency International’s 2014 Corruption Perception Index", False),
     ("Human Rights Watch and an Egyptian group called the Arabic Network for Human Rights "
      "Information", False)],
)  # fmt: skip
def test_is_speaker(phrase, expected):
    assert is_speaker(phrase, lexicon()) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an initialism that owns the source, a source in a publication, one taken at a time,
        # profiles, networks, an institute named before (PolNeAR train)
        ("The group is spending money on mailings, according to FEC filings.",
         [("The group is spending money on mailings", "FEC filings")]),
        ("Trump will likely win, according to a new article in Politico.",
         [("Trump will likely win", "a new article in Politico")]),
        ("Voters view Trump favorably, according to a national Gallup Poll taken last week.",
         [("Voters view Trump favorably", "a national Gallup Poll taken last week")]),
        ("The pilot had been with EgyptAir since 2004, according to his Facebook profile.",
         [("The pilot had been with EgyptAir since 2004", "his Facebook profile")]),
        ("Ted Cruz has won the primary, according to three television networks.",
         [("Ted Cruz has won the primary", "three television networks")]),
        ("Mrs. Clinton leads by eight points, according to the institute.",
         [("Mrs. Clinton leads by eight points", "the institute")]),
        # a long source before the clause
        ("According to early results of the exit poll conducted by Edison Research for the "
         "Associated Press, voters were angry.",
         [("voters were angry", "early results of the exit poll conducted by Edison Research "
                                "for the Associated Press")]),
        # a measure is no source: none
        ("He is overweight according to his body mass index.", []),
        # session 42 (PolNeAR train): a longer appositive, an owner's name of several words, a
        # number's compound, a timeline, what a source was reported or emerged in, informants
        # named by a relative clause
        ("Her favorability is worse than ever, according to Bill McInturff, a Republican "
         "pollster who conducted the NBC-Wall Street Journal poll with Peter Hart.",
         [("Her favorability is worse than ever", "Bill McInturff")]),
        ("Clinton has spent more than $77 million on advertising, according to Kantar Media’s "
         "political ad tracker.",
         [("Clinton has spent more than $77 million on advertising",
           "Kantar Media’s political ad tracker")]),
        ("Now, according to the recent 50-state poll, some are swinging.",
         [("some are swinging", "the recent 50-state poll")]),
        ("By the end of 2019, according to the current timeline, many of the area’s components "
         "will be ready.",
         [("many of the area’s components will be ready", "the current timeline")]),
        ("Trump gave his blessing, according to court documents reported previously by The Post, "
         "becoming a 93 percent owner.",
         [("Trump gave his blessing", "court documents reported previously by The Post")]),
        ("But according to reports emerging in the news media, he could not convince them.",
         [("he could not convince them", "reports emerging in the news media")]),
        ("The FBI is looking into it, according to three intelligence sources who spoke to Fox "
         "News but were not authorized to speak on the record.",
         [("The FBI is looking into it", "three intelligence sources who spoke to Fox News but "
                                         "were not authorized to speak on the record")]),
        # a clause with a verb of its own after the source is the aside's sentence, no
        # appositive; one joined by "and" is the sentence's own
        ("Some of the gravest challenges, according to the voluminous report, came in countries "
         "where the Arab Spring had raised hopes.",
         [("Some of the gravest challenges, according to the voluminous report, came in "
           "countries where the Arab Spring had raised hopes.", "the voluminous report")]),
        ("Just under 1.5 million citizens have registered to vote, according to the election "
         "commission, and only 11 percent of them are women.",
         [("Just under 1.5 million citizens have registered to vote", "the election commission")]),
        # an opening phrase before an aside is no claim of its own (nor, not yet read, the
        # clause after the aside)
        ("About 10:03 p.m., according to a congressional timeline, the CIA security contractors "
         "left for the compound.", []),
    ],
)  # fmt: skip
def test_according_to_more_sources(sentence, expected):
    found = according_to(sentence, 0, lexicon())
    assert [(sentence[a:b], sentence[p:q]) for a, b, (p, q), _ in found] == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # people named by a head with modifiers before it, and what says which of them
        # after it (PolNeAR train)
        ("numerous fellow Democrats", True),
        ("Democratic and independent analysts", True),
        ("media buying sources", True),
        ("members who spoke with reporters afterward", True),
        ("two senators present", True),
        ("a source on the call", True),
        ("multiple intelligence sources who have seen the correspondence", True),
        # no group: a pronoun, a verb's helper, a singular head with no determiner, a rule
        ("they have said officials", False),
        ("the lunar calendar", False),
        ("his body mass index", False),
    ],
)  # fmt: skip
def test_a_group_according_to(phrase, expected):
    assert is_speaker(phrase, lexicon()) is expected
