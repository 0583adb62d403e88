import polars as pl
import pytest

import toolkit
from toolkit.quote_spans import quote_spans
from toolkit.quote_tables import by_group, counted, quote_share
from toolkit.quotes import QUOTES_SCHEMA, _in_doc
from toolkit.speaker_names import find_mentions
from toolkit.speaker_resolver import Resolver
from toolkit.speakers import lexicon


def found(*texts):
    """The rules' attributions (the learned tagger after them is tested in
    tests/test_quote_tagger.py)."""
    corpus = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    return toolkit.quotes(corpus, tagger=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '"...," X said', with the surname resolved to the full name the text gives
        ("Russian Foreign Minister Sergey Lavrov spoke in Minsk. “We will respond,” Lavrov said.",
         [("Sergey Lavrov", "Lavrov", "say", "We will respond,", True)]),
        # 'X said: "..."'
        ('Aleksandr Lukashenko said: "Belarus and Russia are one."',
         [("Aleksandr Lukashenko", "Aleksandr Lukashenko", "say", "Belarus and Russia are one.",
           True)]),
        # '"...", the Belarusian leader said': a role resolved through the title
        ("Belarusian President Aleksandr Lukashenko met the delegation. “We are brothers,” the "
         "Belarusian leader said.",
         [("Aleksandr Lukashenko", "the Belarusian leader", "say", "We are brothers,", True)]),
        # ... through the country the title names ("President of Belarus") or the text puts
        # near the person ("in Minsk, Belarus"): the role's adjective is that country's
        ("President of Belarus Alexander Lukashenko met the governor of the Pskov region. "
         "“Today we held meaningful talks,” the Belarusian leader said.",
         [("Alexander Lukashenko", "the Belarusian leader", "say", "Today we held meaningful talks,",
           True)]),
        ("Volodymyr Zelenskyy met the Prime Minister of Bulgaria in Kyiv, Ukraine. Zelenskyy said "
         "the talks were good. “We held meaningful talks,” the Ukrainian President said.",
         [("Volodymyr Zelenskyy", "Zelenskyy", "say", "the talks were good", False),
          ("Volodymyr Zelenskyy", "the Ukrainian President", "say", "We held meaningful talks,",
           True)]),
        # a document and its owner as the subject: the owner speaks, less the words before its
        # name and a time after it
        ("A study by the Council of the Great City Schools found that students take 112 tests.",
         [("Council of the Great City Schools", "A study by the Council of the Great City Schools",
           "find", "students take 112 tests", False)]),
        ("A recent report by the Institute for Policy Analysis of Conflict, based in Jakarta, "
         "said that both were weak.",
         [("Institute for Policy Analysis of Conflict",
           "A recent report by the Institute for Policy Analysis of Conflict", "say",
           "both were weak", False)]),
        ("A report by the state-run Myanmar News Agency on Wednesday said that the army struck.",
         [("Myanmar News Agency", "A report by the state-run Myanmar News Agency", "say",
           "the army struck", False)]),
        # "the head of government" is the Prime Minister the text named before
        ("Prime Minister Denys Shmyhal said that the country recorded 23,785 cases. The head of "
         "government said “we will cope”.",
         [("Denys Shmyhal", "Prime Minister Denys Shmyhal", "say",
           "the country recorded 23,785 cases", False),
          ("Denys Shmyhal", "The head of government", "say", "we will cope", True)]),
        # (an adjective of another country is no match: "Austrian" is not "Australia")
        ("Scott Morrison met the Prime Minister of Japan in Canberra, Australia. Morrison said "
         "the talks were good. “We held meaningful talks,” the Austrian Chancellor said.",
         [("Scott Morrison", "Morrison", "say", "the talks were good", False),
          ("the Austrian Chancellor", "the Austrian Chancellor", "say", "We held meaningful talks,",
           True)]),
        # 'X stressed that ...': reported speech, the quote is the clause
        ("Dmitry Peskov stressed that the talks would continue next week.",
         [("Dmitry Peskov", "Dmitry Peskov", "stress", "the talks would continue next week", False)]),
        # inverted frame, and a continuation that keeps the speaker with no verb
        ("“We are ready,” said Dmitry Peskov. “The date is set.”",
         [("Dmitry Peskov", "Dmitry Peskov", "say", "We are ready,", True),
          ("Dmitry Peskov", "Dmitry Peskov", None, "The date is set.", True)]),
        # '..., X said.' and 'According to X, ...'
        ("The talks went well, Putin told reporters.",
         [("Putin", "Putin", "tell", "The talks went well", False)]),
        ("According to the ministry, the exercise will end on Friday.",
         [("the ministry", "the ministry", "according to", "the exercise will end on Friday", False)]),
        # "he" resolved to the person just quoted
        ("“It is over,” Vladimir Putin said. He added that the sanctions had failed.",
         [("Vladimir Putin", "Vladimir Putin", "say", "It is over,", True),
          ("Vladimir Putin", "He", "add", "the sanctions had failed", False)]),
        # a co-occurrence is no attribution (the old lexicon counted these)
        ("Putin met Lukashenko. The West is trying to weaken the Union State.", []),
        ("Putin discussed the situation. It was noted that the talks were fruitful.", []),
        ('The so-called "experts" were wrong about the vote in the end.', []),
        ("Having said that, the talks went on.", []),
        # issue 14's cases: a name inside the quote is not the speaker; "as he departed"
        ("“We know what the West is trying to do,” Lavrov said.",
         [("Lavrov", "Lavrov", "say", "We know what the West is trying to do,", True)]),
        ("Donald Trump met Vladimir Putin. “It went well,” Trump said as he departed.",
         [("Donald Trump", "Trump", "say", "It went well,", True)]),
        # '..., said X, the ...' without quotation marks
        ("The leaders met on Wednesday, said Natalia Eismont, spokeswoman of the Belarusian leader.",
         [("Natalia Eismont", "Natalia Eismont", "say", "The leaders met on Wednesday", False)]),
        # an initial does not end an inverted speaker
        ("“It works,” said Heather K. Gerken, a law professor.",
         [("Heather K. Gerken", "Heather K. Gerken", "say", "It works,", True)]),
        # a source that glues a sentence to a quotation opened with a closing mark, and the
        # quotation after it with no frame of its own
        ("They met in 2021.”We will act,” Aleksandr Lukashenko stated. “Do not shout about it.”",
         [("Aleksandr Lukashenko", "Aleksandr Lukashenko", "state", "We will act,", True),
          ("Aleksandr Lukashenko", "Aleksandr Lukashenko", None, "Do not shout about it.",
           True)]),
        # the frame's sentence goes on with an adverbial, then the quotation continues ...
        ("“We are united,” Isaac Herzog said on Israeli television Monday evening. “The choice "
         "is clear.”",
         [("Isaac Herzog", "Isaac Herzog", "say", "We are united,", True),
          ("Isaac Herzog", "Isaac Herzog", None, "The choice is clear.", True)]),
        # ... but not after a sentence of its own
        ("“We are united,” Isaac Herzog said. Benjamin Netanyahu nodded. “The choice is clear.”",
         [("Isaac Herzog", "Isaac Herzog", "say", "We are united,", True)]),
        # a title and a role phrase with a preposition in it; a group is never one person
        ("Tourism from Russia has grown again, Russian Ambassador to Vietnam Gennady Bezdetko said in Hanoi.",
         [("Gennady Bezdetko", "Russian Ambassador to Vietnam Gennady Bezdetko", "say",
           "Tourism from Russia has grown again", False)]),
        ("President Obama nominated Gayle Smith, a senior official, administration officials said.",
         [("administration officials", "administration officials", "say",
           "President Obama nominated Gayle Smith, a senior official", False)]),
        # an appositive between the speaker and the verb; a clause there is none
        ("“It is wrong,” Dieter Graumann, head of the Central Council of Jews, said in a statement.",
         [("Dieter Graumann", "Dieter Graumann", "say", "It is wrong,", True)]),
        ("“It is flag waving,” Dmitri Trenin, the director of the Carnegie Center, said.",
         [("Dmitri Trenin", "Dmitri Trenin", "say", "It is flag waving,", True)]),
        ("Jörn Menge is a leader. While they are a problem, they are not the most dangerous "
         "extremists, said Jörn Menge, the leader of the group.",
         [("Jörn Menge", "Jörn Menge", "say", "While they are a problem, they are not the most "
           "dangerous extremists", False)]),
        # "by saying": the subject of the verb before the participle
        ('Thai Prime Minister Yingluck Shinawatra responded to the campaign by saying: "It is my '
         'responsibility."',
         [("Yingluck Shinawatra", "Thai Prime Minister Yingluck Shinawatra", "respond",
           "It is my responsibility.", True)]),
        # a reported clause that goes on as a quotation
        ("The President noted that over the year 2022, the parties mapped out the way, “We are "
         "making good progress.”",
         [("The President", "The President", "note", "We are making good progress.", True)]),
        # a quotation that ends its sentence or paragraph takes no frame after it
        ("“We are making good progress.”\nThe President said that the ministries worked well.",
         [("The President", "The President", "say", "the ministries worked well", False)]),
        # "that," before an inserted phrase, and a long prepositional phrase before "that"
        ("Vladimir Putin expressed confidence that, as Speaker of the upper house, Gurbanguly "
         "Berdimuhamedov would continue the partnership.",
         [("Vladimir Putin", "Vladimir Putin", "express confidence", "as Speaker of the upper "
           "house, Gurbanguly Berdimuhamedov would continue the partnership", False)]),
        ("President Xi Jinping emphasized at a function held by the Chinese People's Political "
         "Consultative Conference (CPPCC) in Beijing late last year that the country will grow.",
         [("Xi Jinping", "President Xi Jinping", "emphasize", "the country will grow", False)]),
        # "that" opening a relative clause is no report
        ("In this regard, Sergei Aleinik mentioned an exhibition that had been opened in the "
         "ministry.", []),
        # the first "that" opens the clause; a relative "that" later leaves "said" bare
        ("Rustam Minnikhanov said that it was an issue that could not be settled alone.",
         [("Rustam Minnikhanov", "Rustam Minnikhanov", "say",
           "it was an issue that could not be settled alone", False)]),
        ("Hamid Karzai said he welcomed the election that is likely to make Nawaz Sharif prime "
         "minister.",
         [("Hamid Karzai", "Hamid Karzai", "say", "he welcomed the election that is likely to "
           "make Nawaz Sharif prime minister", False)]),
        # '..., X said' with an adverbial after the verb, not an object or a long account
        ("The Russian side is ready to assist the elections in Syria, Russian Foreign Minister "
         "Sergey Lavrov stated in an interview with media outlets on Thursday.",
         [("Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "state",
           "The Russian side is ready to assist the elections in Syria", False)]),
        ("By joining the sanctions war against Russia, Bern continued the line of deviation.", []),
        ("After the talks in Moscow ended, Vladimir Putin explained in detail about the "
         "provocations carried out by radical groups using sabotage units in the area of the "
         "plant.", []),
        # a frame that ends in a comma introduces what follows
        ("On this occasion, the Head of State emphasised,", []),
        # "in Australia" is no subject, "News reports" no verb
        ("News reports here and in Australia have suggested that Israel detained him.", []),
        # a name in commas after a noun phrase is the speaker; a relative clause or an
        # appositive with a role in it stands between a speaker and the verb
        ("On Tuesday, a spokesman for the Chinese Ministry of Foreign Affairs, Hong Lei, said in "
         "Beijing that the visit would promote friendly ties.",
         [("Hong Lei", "Hong Lei", "say", "the visit would promote friendly ties", False)]),
        ('The Deputy Magistrate, Michael Chan Pik-kiu, said in his judgment: "If I do not act, '
         'the public might think it trivial."',
         [("Michael Chan Pik-kiu", "Michael Chan Pik-kiu", "say",
           "If I do not act, the public might think it trivial.", True)]),
        ("Scott Mastic, regional director for the International Republican Institute, said, "
         "“How should we take it seriously?”",
         [("Scott Mastic", "Scott Mastic", "say", "How should we take it seriously?", True)]),
        ("General Abdel Fattah al-Sisi, who deposed Morsi on July 3 and installed an interim "
         "administration, said on Wednesday he did not want more bloodshed.",
         [("Abdel Fattah al-Sisi", "General Abdel Fattah al-Sisi", "say",
           "he did not want more bloodshed", False)]),
        # (and the clause reported before ", saying:", its own row since session 42)
        ('Another abstainer, Diaa Hussein, complained there was no real choice, saying: "Sisi '
         'did not leave a chance."',
         [("Diaa Hussein", "Diaa Hussein", "complain", "there was no real choice", False),
          ("Diaa Hussein", "Diaa Hussein", "complain", "Sisi did not leave a chance.", True)]),
        # a quoted phrase as the object of a verb that takes one, or after a participle
        ('David Lampton spoke. Lampton dismissed it as "sort of cliché" that China has had '
         'economic reforms.',
         [("David Lampton", "Lampton", "dismiss", "sort of cliché", True)]),
        ("Sheikh Salman has long denied the allegations, calling them “nasty lies” in an "
         "interview.",
         [("Sheikh Salman", "Sheikh Salman", "deny", "nasty lies", True)]),
        ("As polling closed on Tuesday, Sisi's sole rival, the leftist Hamdeen Sabbahi, slammed "
         'the ballot extension, saying it raised "questions about the integrity of the vote."',
         [("Hamdeen Sabbahi", "Hamdeen Sabbahi", "slam",
           "questions about the integrity of the vote.", True)]),
        # an abbreviation's full stop is no stop between the verb and its quoted object
        ("But Eli Shaked, a former Israeli ambassador to Egypt, praised Mr. Netanyahu’s "
         "government for “acting very discreetly,” and left.",
         [("Eli Shaked", "Eli Shaked", "praise", "acting very discreetly,", True)]),
        ('Calling it a "deal" is wrong.', []),
        # ... which report a clause only with "that"
        ("Volodymyr Zelenskyy called for assistance in unblocking the ports so that Ukraine "
         "could export grain.", []),
        ("The ministry denied that the troops had crossed the border.",
         [("The ministry", "The ministry", "deny", "the troops had crossed the border", False)]),
        # a relative clause with no commas ends the subject
        ("The Israeli official who described the campaign acknowledged that the suspension was "
         "a blow.",
         [("The Israeli official", "The Israeli official", "acknowledge",
           "the suspension was a blow", False)]),
        # "As X said (adjunct), ...": the clause after the comma
        ("As Iryna Vereshchuk said at the briefing, at 5:30 am Ukraine received a message from "
         "the Russian side.",
         [("Iryna Vereshchuk", "Iryna Vereshchuk", "say",
           "at 5:30 am Ukraine received a message from the Russian side", False)]),
        # a passive frame gives the sentence before it to the agent; none without one
        ("Diia City will make Ukraine attractive for IT companies. This was emphasized by "
         "President Volodymyr Zelenskyy during his speech at the Diia Summit.",
         [("Volodymyr Zelenskyy", "President Volodymyr Zelenskyy", "emphasize",
           "Diia City will make Ukraine attractive for IT companies.", False)]),
        ("The talks were long. It was noted that the sides agreed.", []),
        # a reporting verb coordinated with another verb takes that verb's subject; not a
        # copula's ("Rome was not built ...")
        ("In a letter seen by The New York Times, Mr. Garcia expressed concern about the "
         "accusations but said that he had limited powers.",
         [("Mr. Garcia", "Mr. Garcia", "say", "he had limited powers", False)]),
        ("Rome was not built in a day and this author believes that the economy takes time.",
         []),
        # "said" with a clause that opens with a name
        ("Lukashenko said Belarus would respond to any provocation.",
         [("Lukashenko", "Lukashenko", "say", "Belarus would respond to any provocation",
           False)]),
        ("Analysts said Ms. Abul Naga’s return underscored the government’s disregard.",
         [("Analysts", "Analysts", "say", "Ms. Abul Naga’s return underscored the government’s "
           "disregard", False)]),
        # an opening prepositional phrase is no clause that a verb could report
        ("In line with its CSTO obligations, Tajikistan also promptly responded to a request "
         "from Kazakhstan.", []),
        # the clause's own subject, which no role list holds, with long parentheticals
        # between it and the verb (newspaper prose outside the labelled sets)
        ("The monitors said all sides were to blame.",
         [("The monitors", "The monitors", "say", "all sides were to blame", False)]),
        ("Despite Boko Haram’s advances, United States Embassy officials in Abuja said Nigeria "
         "had canceled the last stage of training.",
         [("United States Embassy officials in Abuja", "United States Embassy officials in Abuja",
           "say", "Nigeria had canceled the last stage of training", False)]),
        ("Dilawar Syed, another tech entrepreneur backing Mr. Honda, said Silicon Valley cares "
         "about broader issues.",
         [("Dilawar Syed", "Dilawar Syed", "say", "Silicon Valley cares about broader issues",
           False)]),
        ("Mr. Putin’s chief of staff, Sergei B. Ivanov, told reporters that the landing vessels "
         "were being sent.",
         [("Sergei B. Ivanov", "Sergei B. Ivanov", "tell", "the landing vessels were being sent",
           False)]),
        ("“Freedom is earned,” the activist told him.",
         [("the activist", "the activist", "tell", "Freedom is earned,", True)]),
        # a lower-case title that opens the clause ("acting", "opposition")
        ("The caretaker government does not support dividing the nation, acting Thai prime "
         "minister Yingluck Shinawatra said on Monday.",
         [("Yingluck Shinawatra", "acting Thai prime minister Yingluck Shinawatra", "say",
           "The caretaker government does not support dividing the nation", False)]),
        # a bare clause after a belief or claim verb, told from an object by its auxiliary
        ("And opposition leaders claimed they already had seen evidence of fraud.",
         [("opposition leaders", "opposition leaders", "claim",
           "they already had seen evidence of fraud", False)]),
        ("Spokesmen for the Islamic State claimed responsibility for both killings.", []),
        ("Melinda Simmons noted the increased attention of the United Kingdom to the region.",
         []),
        # "according to" after "But"; "says X, our correspondent"
        ("But according to the Chinese police, both men were common crime suspects.",
         [("the Chinese police", "the Chinese police", "according to",
           "both men were common crime suspects", False)]),
        # a mental state expressed "that", and "conceded" as a reporting verb
        ("Vladimir Putin expressed the hope that the talks in Vienna would be constructive.",
         [("Vladimir Putin", "Vladimir Putin", "express hope",
           "the talks in Vienna would be constructive", False)]),
        ("Still, Mr. Ghani conceded, the count would take weeks.",
         [("Mr. Ghani", "Mr. Ghani", "concede", "the count would take weeks", False)]),
        # "according to X" that ends a sentence with an appositive after X
        ("The camp will be cleared on Monday, according to Chief Superintendent Steve Hui, a "
         "spokesman for the police.",
         [("Steve Hui", "Chief Superintendent Steve Hui", "according to",
           "The camp will be cleared on Monday", False)]),
        # a relative clause of speech: the people it hangs on speak
        ("Her silence about the violence troubles American officials, who say the persecution is "
         "the biggest obstacle.",
         [("American officials", "American officials", "say",
           "the persecution is the biggest obstacle", False)]),
        # a subject with long parentheticals before a quotation
        ("Nick Ryan, the founder of the American Future Fund, which spent $25 million last "
         "year, said, “It appears that they lost.”",
         [("Nick Ryan", "Nick Ryan", "say", "It appears that they lost.", True)]),
        # a share of a group speaks for it (a hedge before it is no part of it, set 35)
        ("On the contrary, only 33 percent of Americans said their children will be better off.",
         [("33 percent of Americans", "33 percent of Americans", "say",
           "their children will be better off", False)]),
        # a quotation "according to" a source; "X told me," as an aside
        ("“The realities have not yet been internalized,” according to Bruce Gyory, a veteran "
         "political consultant.",
         [("Bruce Gyory", "Bruce Gyory", "according to",
           "The realities have not yet been internalized,", True)]),
        ("This time, Catsimatidis told me, there will be no retreat.",
         [("Catsimatidis", "Catsimatidis", "tell", "there will be no retreat", False)]),
        # the main clause's subject after a subordinate clause; a quantifier alone
        ("Even as his move narrowed the government’s majority, many analysts said it would "
         "strengthen the prime minister.",
         [("many analysts", "many analysts", "say", "it would strengthen the prime minister",
           False)]),
        ("Several said that the basic understanding of inflation remains functional.",
         [("Several", "Several", "say", "the basic understanding of inflation remains "
           "functional", False)]),
        # "says it is": a clause that opens with "it" and a verb
        ("Patricia Thornton, a lecturer in Chinese politics at Oxford University, says it is "
         "important to see China on its own terms.",
         [("Patricia Thornton", "Patricia Thornton", "say",
           "it is important to see China on its own terms", False)]),
        # "Ms." inside the source; an acronym's stops; nested appositives after a quotation
        ("Legislators voted to lift immunity only once, according to Ms. Konstantopoulou.",
         [("Ms. Konstantopoulou", "Ms. Konstantopoulou", "according to",
           "Legislators voted to lift immunity only once", False)]),
        ("“I think they attracted attention,” the Canadian I.O.C. member Dick Pound told "
         "reporters afterward.",
         [("Dick Pound", "the Canadian I.O.C. member Dick Pound", "tell",
           "I think they attracted attention,", True)]),
        ("“This is a real outlier among states,” Matt Rothschild, executive director of the "
         "Wisconsin Democracy Campaign, a nonprofit that tracks election spending, said of the "
         "proposed changes.",
         [("Matt Rothschild", "Matt Rothschild", "say", "This is a real outlier among states,",
           True)]),
        # a capital after a question that ends the quotation opens a new sentence
        ("McCain said, “Don’t you think this issue says something about America?”The issue "
         "says something about our reluctance to look back.",
         [("McCain", "McCain", "say",
           "Don’t you think this issue says something about America?", True)]),
        # an institution's name that ends in a place is no person ("Hong Kong")
        ("Officers would remove the camp on Monday morning, according to Radio Television Hong "
         "Kong, a public broadcaster.",
         [("Radio Television Hong Kong", "Radio Television Hong Kong", "according to",
           "Officers would remove the camp on Monday morning", False)]),
        # "saying" after an article is a noun, no frame
        ("They can use some guidance from an ancient Chinese saying: “Those who suit their "
         "actions to the times are wise.”", []),
        # a frame that reports its own clause, or a noun form, after a quoted term
        ("With many calling for a boycott of the carrier, which they nicknamed “Air Nuts,” the "
         "company announced that Ms. Cho had resigned.",
         [("the company", "the company", "announce", "Ms. Cho had resigned", False)]),
        ("The agency keeps a database of “metadata” — logs of all phone calls Americans have "
         "dialed.", []),
        # a document is whose the text says it is: "In an article ..., X said", "X issued a
        # statement", "a statement by X"; else the document named whole before
        ("In an article published on its website on Monday, the Central Commission for "
         "Discipline Inspection said the campaign would last. “We must firmly oppose such "
         "notions,” the article said.",
         [("Central Commission for Discipline Inspection",
           "the Central Commission for Discipline Inspection", "say", "the campaign would last",
           False),
          ("Central Commission for Discipline Inspection", "the article", "say",
           "We must firmly oppose such notions,", True)]),
        ("The Sabahi campaign issued a statement on Tuesday. “The police beat our lawyer,” the "
         "statement said.",
         [("Sabahi campaign", "the statement", "say", "The police beat our lawyer,", True)]),
        # ("released by" X, X an office: chinadaily-nyt)
        ("The court heard a report released on Thursday by Amnesty International. The abuse is "
         "common, the report said.",
         [("Amnesty International", "the report", "say", "The abuse is common", False)]),
        ("He is better, said a statement released by the office of President Jacob Zuma. “He "
         "will continue to receive care at his home,” the statement said.",
         [("a statement released by the office of President Jacob Zuma",
           "a statement released by the office of President Jacob Zuma", "say", "He is better",
           False),
          ("office of President Jacob Zuma", "the statement", "say",
           "He will continue to receive care at his home,", True)]),
        ("But the Xinhua editorial sounded a warning. “China will protect its citizens,” the "
         "editorial said.",
         [("the Xinhua editorial", "the editorial", "say", "China will protect its citizens,",
           True)]),
        ("“We will respond,” the statement said.",
         [("the statement", "the statement", "say", "We will respond,", True)]),
        # "according to" a document, after "Also,"
        ("Also, according to the white paper, the coalition should focus on those who avoid "
         "sanctions.",
         [("the white paper", "the white paper", "according to",
           "the coalition should focus on those who avoid sanctions", False)]),
        # "a man named X" is X
        ("“Marry me,” a man named Mikita wrote to a woman named Anna.",
         [("Mikita", "a man named Mikita", "write", "Marry me,", True)]),
        # the surname He before a pinyin given name is a name, not the pronoun (chinadaily-nyt)
        ("He Lifeng, head of the commission, said the economy would grow.",
         [("He Lifeng", "He Lifeng", "say", "the economy would grow", False)]),
        ("“The economy will grow,” said He Yafei, a vice minister.",
         [("He Yafei", "He Yafei", "say", "The economy will grow,", True)]),
        ("He Tongmei, an official, spoke at the forum. “We need common endeavors,” she said.",
         [("He Tongmei", "she", "say", "We need common endeavors,", True)]),
        ("He said the economy would grow.", [(None, "He", "say", "the economy would grow", False)]),
        # so is one going by a name given after the description, in commas or not, and the name
        # as given is no one else's the document names (sets 26, 33; chinadaily-nyt)
        ("“A lot of people think that,” said a protester using the pseudonym Katya.",
         [("Katya", "a protester using the pseudonym Katya", "say", "A lot of people think that,",
           True)]),
        ("“Editors should not do this,” a Hong Kong commenter going by the name Oneam said.",
         [("Oneam", "a Hong Kong commenter going by the name Oneam", "say",
           "Editors should not do this,", True)]),
        ("Viktor F. Yanukovych spoke. “I would never have done this,” said the well-dressed "
         "manager, who gave only his first name, Viktor, a supporter from the start.",
         [("Viktor", "the well-dressed manager, who gave only his first name, Viktor", "say",
           "I would never have done this,", True)]),
        ("“So far, he is not known as a host,” said the comedian known as Basketmouth.",
         [("Basketmouth", "the comedian known as Basketmouth", "say",
           "So far, he is not known as a host,", True)]),
        # a speaker after the verb wins over the words before it ("..., said X")
        ("Other modernist painters like Picasso were influenced by the fourth dimension, said "
         "Linda D. Henderson, a professor of art history.",
         [("Linda D. Henderson", "Linda D. Henderson", "say",
           "Other modernist painters like Picasso were influenced by the fourth dimension",
           False)]),
        # two people, or a group of a person's, are no one person
        ("Mr. Obama and Mr. Putin said the talks remained their shared goal.",
         [("Mr. Obama and Mr. Putin", "Mr. Obama and Mr. Putin", "say",
           "the talks remained their shared goal", False)]),
        ("Samantha Power spoke. Other friends of Ms. Power said she talks about the need to weigh "
         "risks.",
         [("Other friends of Ms. Power", "Other friends of Ms. Power", "say",
           "she talks about the need to weigh risks", False)]),
        ("It’s worth noting that even the cannibals were not monsters.", []),
        # a conjunction is no adjective of a role; a group bigger than its last words
        ("London no longer has a veto, but veteran Brussels diplomats say it is hard to imagine "
         "a vote.",
         [("veteran Brussels diplomats", "veteran Brussels diplomats", "say",
           "it is hard to imagine a vote", False)]),
        ("He is attacked by former far left elements of his own party, who say that his "
         "acceptance of the terms was treachery.", []),
        # a subordinator opens no subject; a relative pronoun is no adjective
        ("In April, after newspapers reported that the minister had been sidelined, the talks "
         "stalled.", [("newspapers", "newspapers", "report",
                       "the minister had been sidelined, the talks stalled", False)]),
        ("The event weakened the ruling coalition, whose politicians suggested they would try "
         "to block the move.",
         [("politicians", "politicians", "suggest", "they would try to block the move", False)]),
        # a name before an appositive is the one a relative clause of speech hangs on
        ("Among those opposing the bill was Dov Hanin, a lawmaker from the left-wing Hadash "
         "Party, who suggested that the bill was unconstitutional.",
         [("Dov Hanin", "Dov Hanin", "suggest", "the bill was unconstitutional", False)]),
        # a noun before its copula; "added to" a noun with a relative clause
        ("His greatest fear is that the Europeans may insist on the surplus.", []),
        ("The high property costs faced by young people added to simmering discontent that "
         "prompted protests.", []),
        # a quoted term, then another sentence's frame: the term is no one's words (the frame
        # reports its own sentence)
        ("The center will include an “ideas contest,” co-sponsored by the Aspen Institute; and "
         "a prize.The center’s purpose, its founder, Nicolas Berggruen, said, is to look past "
         "differences.",
         [("Nicolas Berggruen", "Nicolas Berggruen", "say", "is to look past differences",
           False)]),
        # no clause: a phrase after the verb, a verb form that is a plural noun
        ("Citizens complain about the vast distances they have to travel.", []),
        ("The president's critical comments on Africa were widely read.", []),
        # no subject: the writer's own voice, a participle's object, a clause word
        ("This author believes the economy is the heart of politics.", []),
        ("Having said that, the talks went on.", []),
        ("The exhibit tells the audience about the factors that shaped his reign.", []),
        # a participle of warning before a clause of its own: the clause is what is reported,
        # quotation marks and all (not only the words inside them)
        ("Ms. Clinton gave a speech, warning leaders that they risked “sinking in the sand” if "
         "they did not reform.", [("Ms. Clinton", "Ms. Clinton", "warn", "they risked “sinking "
                                  "in the sand” if they did not reform", False)]),
        # a pair of names in commas is no one speaker
        ("Leaders of the two countries, Vladimir Putin and Xi Jinping, said that the talks went "
         "well.", []),
    ],
)  # fmt: skip
def test_attributions_link_speaker_verb_and_quote(text, expected):
    got = found(text)
    assert got.schema == pl.Schema(QUOTES_SCHEMA)
    rows = got.select("speaker", "speaker_text", "verb", "quote", "direct").rows()
    assert rows == expected
    for start, end, quote in got.select("start", "end", "quote").iter_rows():
        assert text[start:end] == quote  # offsets into the row's text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 9, from set 10's misses (development data)
        ("In view of this, as Mykhailo Podolyak noted, it is worth waiting for the situation to "
         "unfold.", [("Mykhailo Podolyak", "note")]),
        ("The judge in the case, Sergio Moro, has responded by saying that the law requires that "
         "evidence be made public.", [("Sergio Moro", "say")]),
        ("The association's representatives told reporters after the meeting that Wang Guangya "
         "had rejected their demands.", [("The association's representatives", "tell")]),
        ("Medea Benjamin, a co-founder of Code Pink, a group opposed to the war, was there. "
         "\u201cExcuse me, President Obama,\u201d she yelled as the president spoke.",
         [("Medea Benjamin", "yell")]),
        ("Managing Director of the International Monetary Fund Kristalina Georgieva met him. The "
         "IMF Managing Director said she would inform the G7 about the need.",
         [("Kristalina Georgieva", "say")]),
        ("He met International Criminal Court Prosecutor Karim Khan. \"The law must move "
         "forward,\" the International Criminal Court Prosecutor said.", [("Karim Khan", "say")]),
        # a speaker's own view in an address or a transcript is no report (set 10)
        ("In this connection, I believe we should thank our colleagues from the Government.", []),
        ("We hope that the talks will go on next week.", []),
        # round 10, from set 11's misses (development data)
        ("Chief Executive Leung Chun-ying termed their action \"unsavory\" and called for talks.",
         [("Leung Chun-ying", "term")]),
        ("Sergey Lavrov expressed the view that the talks would go on next week in Geneva.",
         [("Sergey Lavrov", "express view")]),
        ("According to data published by the Newspaper Association of America, revenues for US "
         "newspapers declined by 55 percent in 2012.",
         [("Newspaper Association of America", "according to")]),
        ("Boris Johnson met Volodymyr Zelenskyy on Friday. In particular, according to him, it is "
         "a question of energy.", [("Boris Johnson", "according to")]),
        # a commonplace or a proverb is no one's words
        ("Common sense tells us that a house must be built on solid foundations.", []),
        ("As the Chinese saying goes, a whole year's work depends on a good start in spring.", []),
        ("We expressed the view that the talks would go on.", []),
    ],
)  # fmt: skip
def test_frames_and_speakers_of_rounds_9_and_10(text, expected):
    got = found(text).select("speaker", "verb").rows()
    assert got == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name of three or four words the text addresses whole ("Ms. Aung San Suu Kyi")
        ("Ms. Aung San Suu Kyi met the president. “We want to win in the right way,” she said.",
         "Aung San Suu Kyi"),
        # "the 66-year-old" is the person named last, like a pronoun
        ("Richard Bush, a scholar at the Brookings Institution, spoke. The 66-year-old "
         "acknowledged that some issues won't be solved.", "Richard Bush"),
        # the person mentioned last, by surname, outside quotation marks
        ("Jimmy Wales founded it. “Front page,” he told me. Wales would soon be moving. "
         "“I am not the Google guys,” he said.", "Jimmy Wales"),
        # Ms. says who "she" is, and a name inside a quotation is no antecedent
        ("Ms. Zhang met David Moser. Mei Zhang explained: “Historically it was rare. "
         "Ask “Mr. Liu Yu” about it.” “As a woman you must be outstanding,” she said.", "Mei Zhang"),
        # a family name written first ("Choi Man-yiu"), a surname last before that
        ("Choi Man-yiu, vice-president of the committee, spoke. “We support the government,” "
         "Choi said.", "Choi Man-yiu"),
        ("Choi Man-yiu and Anna Choi spoke. “We support the government,” Choi said.", "Anna Choi"),
        # a name inside a reported clause is no antecedent either
        ("Piero Parolari is a physician. Mohammad Amin, the police superintendent, said that he "
         "suspected the assault on Mr. Parolari was planned. He said he had met them.",
         "Mohammad Amin"),
        # a name in the appositive of an inverted frame's speaker is no antecedent (set 31);
        # one that opens a sentence of its own after the frame is
        ("“We will win,” said Tom Brown, an aide to Senator John Smith. “We lost before,” he "
         "said.", "Tom Brown"),
        ("“We will win,” said Hisila Yami, the wife of a former prime minister, Baburam "
         "Bhattarai. “We have to be nice,” she said.", "Hisila Yami"),
        ("“We will win,” said Tom Brown. John Smith disagreed with him. “We lost before,” he "
         "said.", "John Smith"),
        # or one a sentence between names by an office that is his alone (kremlin-2021-22)
        ("Prime Minister of Canada Justin Trudeau arrived in Kyiv. “Thank you for coming,” said "
         "Volodymyr Zelenskyy, addressing Justin Trudeau. For his part, the Prime Minister of "
         "Canada reaffirmed the support. “We will provide everything needed,” he said.",
         "Justin Trudeau"),
        ("“We are grateful,” said President Volodymyr Zelenskyy, meeting European Council "
         "President Charles Michel. The President thanked him for his support. “We will "
         "rebuild,” he said.", "Volodymyr Zelenskyy"),
        # a place is no person ("Kong" is never alone), and a pronoun too far stays unresolved
        ("Hong Kong is calm. Hong Kong residents work. “No,” he said.", None),
        ("President Vladimir Putin spoke. " + "The weather was fine. " * 80 + "“No,” he said.",
         None),
        # one described by where they work, quoted last with no one named since, is the
        # pronoun's (chinadaily-nyt: "She" had read Zhang Xiaoming); a frame's subject past an
        # adverb that opens the sentence; not a document, nor one of the other gender, nor one
        # "she" named before a "he"
        ("Zhang Xiaoming spoke. Only officials may rent rooms there, a receptionist at the "
         "resort said. She said the resort was now fully booked.",
         "a receptionist at the resort"),
        ("Zhang Xiaoming spoke. “We wait,” a statement from the embassy said. He said it was "
         "fine.", "Zhang Xiaoming"),
        # (a short clause after a pronoun and its verb is a report: "He said it was fine.")
        ("Marianne Smith spoke. “Go,” one man in the crowd said. She said there were none.",
         "Marianne Smith"),
        ("John Walsh spoke. “Wait,” a campaign aide for Mr. Walsh said. She said it was fine. "
         "He said he was taking medication.", "John Walsh"),
        ("John Walsh spoke. A reporter at the briefing asked whether it was fair. “No,” he "
         "said.", "John Walsh"),
        # an age in the role before an appositive name (chinadaily-nyt)
        ("“We feel watched,” said a 45-year-old shopkeeper, Esmatullah Baghrani.",
         "Esmatullah Baghrani"),
    ],
)  # fmt: skip
def test_pronouns_follow_the_document_s_people(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a headline's role, named only in the article below it
        ("The President stressed that Moscow would move on as planned\nMOSCOW, December 26. "
         "/TASS/. Russian President Vladimir Putin spoke to reporters.", "Vladimir Putin"),
        # "of Belarus" is what "Belarusian" says
        ("Belarusian President Alexander Lukashenko met the delegation. The President of Belarus "
         "noted that the difficult time requires political will.", "Alexander Lukashenko"),
        ("Belarusian President Alexander Lukashenko met the delegation. The President of Russia "
         "noted that the difficult time requires political will.", "The President of Russia"),
        ("Aleksandr Lukashenko met Russian Minister of Foreign Affairs Sergey Lavrov and "
         "Belarusian Minister of Foreign Affairs Sergei Aleinik. The Russian Minister of Foreign "
         "Affairs noted that the tensions could not be left without a reaction.", "Sergey Lavrov"),
        # no one is given the title: the person quoted last, as for "he"
        ("“We will stand our ground,” Aleksandr Lukashenko stressed. The President noted that "
         "the economy is at the heart of everything.", "Aleksandr Lukashenko"),
        # ... but not a person the text gives another title
        ("“We will respond,” Russian Foreign Minister Sergey Lavrov said. The President noted "
         "that the talks went well.", "The President"),
        # ... nor for a role with a modifier the text never gives that person
        ("“We will stand our ground,” Aleksandr Lukashenko stressed. The US President noted "
         "that the economy is at the heart of everything.", "The US President"),
        # an office the text gives no one: the person named last before it, in an earlier
        # sentence, whom no other office already names (Kremlin meeting summaries name both
        # people in full and never title them)
        ("Vladimir Putin met Dmitry Artyukhov. Vladimir Putin noted that the region was "
         "growing. Dmitry Artyukhov also spoke about the wages of teachers. The governor "
         "explained that the premiums are accumulated.", "Dmitry Artyukhov"),
        ("Vladimir Putin met Sergei Melikov. Vladimir Putin asked about the vaccination. Sergei "
         "Melikov said the situation in the republic remained stable. The Head of the Republic "
         "noted that the muftis helped. The President noted that it is necessary to thank the "
         "muftis.", "Vladimir Putin"),
        ("Vladimir Putin had a telephone conversation with Emmanuel Macron. Vladimir Putin "
         "described the situation in Russia. Responding to the concerns expressed by Emmanuel "
         "Macron, the President of Russia emphasised that the talks would go on.",
         "Vladimir Putin"),
        # a long title that runs up to the name, with "of the" and a dash in it
        ("This was announced by Deputy Prime Minister - Minister for Reintegration of the "
         "Temporarily Occupied Territories Iryna Vereshchuk. The Deputy Prime Minister stressed "
         "that the ceasefire had been agreed.", "Iryna Vereshchuk"),
        ("Deputy Head of the Office of the President Rostyslav Shurma spoke at the briefing. The "
         "Deputy Head of the Office of the President noted that the talks on gas went on.",
         "Rostyslav Shurma"),
        # ... and the person it titles is the one a later "she" names
        ("It was announced by Deputy Prime Minister - Minister for Reintegration Iryna "
         "Vereshchuk. \"We have asked for approval of the route,\" she said.", "Iryna Vereshchuk"),
        # "the President's Office" is "the Office of the President"
        ("Head of the Office of the President Andriy Yermak spoke. “We are grateful,” said the "
         "Head of the President's Office.", "Andriy Yermak"),
        # the head of a ministry is its minister
        ("Russian Minister of Foreign Affairs Sergey Lavrov and Belarusian Minister of Foreign "
         "Affairs Sergei Aleinik met. “We will endure,” stressed the Head of the Belarusian "
         "Foreign Ministry.", "Sergei Aleinik"),
        # a name after the role counts only with its title right at it (not a caption's words)
        ("The ministry said that the exercise was over. Photo: ministry press service "
         "Ivan Petrov", "The ministry"),
        # the sentence before a name gives it no title ("... where the President directed the
        # discussion. Anton Alikhanov reported", set 8)
        ("Vladimir Putin began the talk by noting that the economy was growing. However, "
         "problems remain, and this is where the President directed the discussion. Anton "
         "Alikhanov reported that the region has created conditions for accelerated "
         "development. The Governor said that revenues have increased by 73 percent. The "
         "President and the Governor also discussed the construction industry. The President "
         "noted that only half of the coastal fishing quotas were being used.",
         "Vladimir Putin"),
    ],
)  # fmt: skip
def test_roles_resolve_to_the_one_person_the_document_gives_that_title(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a lead that names no one before the office: the first speaker after it, of that
        # country (a Kremlin call readout)
        ("The leaders discussed the border. The Russian President emphasised that the refugees "
         "were treated brutally. Vladimir Putin noted that Russia would help.", "Vladimir Putin"),
        # adverbs between the speaker and the verb (set 13)
        ("The leaders discussed the border. The President of Russia noted that provocations "
         "were the reason. Vladimir Putin once again emphasised the need for guarantees for "
         "Russia.", "Vladimir Putin"),
        # ... not one of another country, nor with no country the text puts near them
        ("The leaders discussed the border. The Russian President emphasised that the refugees "
         "were treated brutally. Angela Merkel noted that Germany would help.",
         "The Russian President"),
    ],
)  # fmt: skip
def test_an_office_named_first_is_the_speaker_after_it(text, speaker):
    assert found(text)["speaker"].to_list()[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "the ministry": the one ministry the document names, in its longest form
        ("The Russian Emergencies Ministry sent ships. According to the ministry, the coast "
         "affected is 220 kilometers long.", "Russian Emergencies Ministry"),
        ("The Russian Foreign Ministry spoke. The Foreign Ministry's talks ended. The ministry "
         "noted that the payments had stopped.", "Russian Foreign Ministry"),
        ("The Communist Party of China Central Commission for Discipline Inspection met. The "
         "commission said that the campaign would go on.",
         "Communist Party of China Central Commission for Discipline Inspection"),
        # an institution named with its head word first, and "according to" after a semicolon
        ("Bank Rossiya's board met. Gennady Timchenko joined the Bank Rossiya circle as an "
         "investor; according to the bank, his stake is owned by a company he controls.",
         "Bank Rossiya"),
        # two ministries: the text does not say which
        ("The Russian Foreign Ministry and the Belarusian Defence Ministry met. According to the "
         "ministry, the talks were useful.", "the ministry"),
        # "it": the institution quoted last, or no one
        ("The Russian Foreign Ministry spoke. The ministry recalled that Russia paid for years. "
         "“Our country paid on time,” it noted.", "Russian Foreign Ministry"),
        ("Vladimir Putin spoke. “Our country paid on time,” it noted.", None),
        # or a body, a paper or a document that opens the clause or the sentence before
        # (chinadaily-nyt)
        ("Amazon is hiring. It said today it will add 80,000 temporary employees.", "Amazon"),
        ("When the Pentagon did come up with what it calls “actionable intelligence” from the "
         "flights, it was shared.", "the Pentagon"),
        # (a document named whole is written "the ...", however the sentence opened it)
        ("A DBS report earlier this year showed that the rate stayed low. It said the demand for "
         "labor has grown.", "the DBS report"),
        ("While the White House was wary of the seizure, it hoped that its aid would help.",
         "the White House"),
        ("The major opposition group, the National Salvation Front, has announced that it plans "
         "to boycott the vote to protest what it says is a push by Mr. Morsi.",
         "the National Salvation Front"),
        # not the clause "it" reports, a quotation's words, a person, a nation's people
        ("The report accuses the group. The central government has followed a clear policy, it "
         "says.", "The report"),
        ("“For the first time, such payments were interrupted. By joining the sanctions war, Bern "
         "continued the line,” it added.", None),
        ("Shinzo Abe spoke in Tokyo. Abe pushed the concept in a bid to build what it calls an "
         "“arc of freedom.”", None),
        ("In November, The Liaoning Daily drew attention with a report. Chinese academics, it "
         "complained, were comparing Mao to an emperor.", None),
    ],
)  # fmt: skip
def test_institutions_resolve_to_the_name_the_document_gives(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name "of" a place is the name; a role "of" a place stays a role
        ("Representative Louise M. Slaughter of New York said that she was happy to debate.",
         "Louise M. Slaughter"),
        ("Johnny Araya, a former mayor of San José, announced that he would stop campaigning.",
         "Johnny Araya"),
        ("A former mayor of San José announced that he would stop campaigning.",
         "A former mayor of San José"),
        # three names when they open a run of capitals and an appositive follows; not a place
        # or a title before a two-word name
        ("It is all about timing for Luiz Felipe Scolari, the coach of Brazil’s team. “Everyone "
         "has the right to protest,” Scolari told Globo TV.", "Luiz Felipe Scolari"),
        ("“We believe in reforms,” Ali Akbar Velayati, a senior aide to Iran’s supreme leader, "
         "said.", "Ali Akbar Velayati"),
        ("Russian Ambassador to Vietnam Gennady Bezdetko, a diplomat, said that tourism grew again.",
         "Gennady Bezdetko"),
        ("Presidential Aide Yury Ushakov, a veteran diplomat, said that the talks went well.",
         "Yury Ushakov"),
        ("Delegate Jackson Miller, a Republican, said that the rules were fair.",
         "Jackson Miller"),
        # a document speaks for someone the text names elsewhere: it stays as written
        ("The statement came after Numan Kurtulmus visited the camp. “The war goes on,” the "
         "statement said.", "the statement"),
        # a surname joined to its particle ("al-Sisi") is named alone without it
        ("General Abdel Fattah al-Sisi deposed Morsi. Sisi said that ordinary Egyptians should "
         "rally.", "Abdel Fattah al-Sisi"),
        # a possessive ("Morsi's Brotherhood") and a number ("Sixteen American") are no person
        # that "he" could name
        ("Abdel Fattah al-Sisi spoke on television. But Morsi's Brotherhood, which accuses Sisi "
         "of a coup, refused. “I request a mandate,” he told the crowd.", "Abdel Fattah al-Sisi"),
        ("Michael Wahid Hanna, a fellow at the Century Foundation, spoke. Sixteen American "
         "defendants were out of the country. And domestically, he said, “this is just "
         "confirmation.”", "Michael Wahid Hanna"),
        # what a title is of is no person ("the Secretary of the National Security ..."): "he"
        # is the sentence's subject; and a possessive is no part of a name
        ("Oleksiy Reznikov met the Secretary of the National Security and Defense Council. “We "
         "agreed,” he said.", "Oleksiy Reznikov"),
        ("Qunu is the center of Mr. Mandela’s life. It was the home of Nelson Mandela’s mother. "
         "“I loved it,” he wrote.", "Nelson Mandela"),
        # the verb of a relative clause about the speaker
        ("Luiz Felipe Scolari, the coach, arrived. Scolari, who also said he has settled on 21 "
         "of the players, smiled.", "Luiz Felipe Scolari"),
        # a clause's first word is no first name ("Before Leung ...")
        ("Leung Kwok-hung, a lawmaker, arrived. Leung waved. Before Leung spoke, he told reporters "
         "that the figure was made up.", "Leung Kwok-hung"),
    ],
)  # fmt: skip
def test_names_of_places_documents_and_clause_words(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


@pytest.mark.parametrize(
    ("aliases", "expected"),
    [
        # two outlets' spellings of one person, merged under the name given
        ({"Aleksandr Lukashenko": ["Alexander Lukashenko", "alyaksandr lukashenka"]},
         ["Aleksandr Lukashenko", "Aleksandr Lukashenko", "Vladimir Putin"]),
        # the name itself is one of its forms; other speakers are left as resolved
        ({"Lukashenko": ["alyaksandr lukashenka"]},
         ["Alexander Lukashenko", "Lukashenko", "Vladimir Putin"]),
        ({}, ["Alexander Lukashenko", "Alyaksandr Lukashenka", "Vladimir Putin"]),
    ],
)  # fmt: skip
def test_aliases_map_resolved_names_to_one_speaker(aliases, expected):
    texts = ["“Yes,” Alexander Lukashenko said.", "“Yes,” Alyaksandr Lukashenka said.",
             "“No,” Vladimir Putin said."]  # fmt: skip
    corpus = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": texts})
    assert toolkit.quotes(corpus, aliases=aliases)["speaker"].to_list() == expected


def test_aliases_reach_a_pronoun_resolved_to_a_form():
    text = ("Alexander Lukashenko met Vladimir Putin.\n\nAt the press conference, Lukashenko said "
            "he considered the talks constructive.\n\n\"Today, we can state that together we "
            "are able to survive,\" he said.")  # fmt: skip
    corpus = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    got = toolkit.quotes(corpus, aliases={"Aleksandr Lukashenko": ["Alexander Lukashenko"]})
    assert got.select("speaker", "speaker_text").rows() == [
        ("Aleksandr Lukashenko", "Lukashenko"),
        ("Aleksandr Lukashenko", "he"),
    ]


@pytest.mark.parametrize("forms", ["Alexander Lukashenko", None, 3])
def test_aliases_need_a_list_of_forms(forms):
    corpus = pl.DataFrame({"doc_id": ["a"], "text": ["“Yes,” Alexander Lukashenko said."]})
    with pytest.raises(toolkit.errors.DataError, match="give each name a list"):
        toolkit.quotes(corpus, aliases={"Aleksandr Lukashenko": forms})


def test_tables_per_outlet_count_speakers_verbs_and_the_share_in_quotes():
    docs = pl.DataFrame({"doc_id": ["a", "b"], "outlet": ["TASS", "BelTA"],
                         "text": ["“We agree,” Putin said.", "No quotes here at all."],
                         "n_words": [4, 5]})  # fmt: skip
    f = toolkit.quotes(docs)
    table = by_group(f, docs, by="outlet", min_group_docs=1)
    assert table.select("group", "speaker", "verb", "attributions").rows() == [
        ("TASS", "Putin", "say", 1)
    ]
    share = dict(quote_share(f, docs, by="outlet", min_group_docs=1)
                 .select("group", "share").iter_rows())  # fmt: skip
    assert share == {"BelTA": 0.0, "TASS": round(len("We agree,") / len(docs["text"][0]), 4)}


def test_the_share_in_quotes_has_an_interval_over_documents_and_its_n():
    # trial AB: the share came with no interval and no count of quotes ("Associated Press
    # 0.344" from one document)
    texts = ["“We agree,” Putin said. Talks went on.", "No quotes here at all, the talks went on.",
             "“We disagree entirely with this,” Lavrov said.", "Nothing quoted in this one."]  # fmt: skip
    docs = pl.DataFrame({"doc_id": list("abcd"), "outlet": ["TASS"] * 3 + ["BelTA"],
                         "text": texts, "n_words": [7, 9, 6, 5]})  # fmt: skip
    f = toolkit.quotes(docs)
    share = {
        r["group"]: r
        for r in quote_share(f, docs, by="outlet", min_group_docs=1).iter_rows(named=True)
    }
    tass = share["TASS"]
    assert tass["n_quotes"] == 2 and tass["n_docs"] == 3
    assert tass["ci_low"] <= tass["share"] <= tass["ci_high"]
    assert tass["ci_low"] == 0.0 and tass["ci_high"] > tass["share"]  # one document of none
    # no quotation in two documents: no upper limit ([0, 0] would claim what nothing shows)
    two = docs.with_columns(outlet=pl.lit("BelTA")).filter(pl.col("doc_id").is_in(["b", "d"]))
    none = quote_share(f.filter(pl.col("doc_id").is_in(["b", "d"])), two, by="outlet",
                       min_group_docs=1).row(0, named=True)  # fmt: skip
    assert (none["share"], none["ci_low"], none["ci_high"]) == (0.0, 0.0, None)
    # one document gives no interval; the same seed, the same interval
    assert (share["BelTA"]["share"], share["BelTA"]["ci_low"]) == (0.0, None)
    again = quote_share(f, docs, by="outlet", min_group_docs=1)
    assert again.equals(quote_share(f, docs, by="outlet", min_group_docs=1))


def test_a_description_a_sentence_opens_is_counted_with_the_same_inside_one():
    # "Analysts" and "analysts" were two rows of the speakers table (chinadaily-nyt: 73 and 150)
    texts = ["Analysts said the deal would fail. Prices fell.",
             "The deal would fail within a year, analysts said. “Talks went on,” the Foreign "
             "Ministry said."]  # fmt: skip
    docs = pl.DataFrame({"doc_id": ["a", "b"], "outlet": ["TASS"] * 2, "text": texts,
                         "n_words": [8, 10]})  # fmt: skip
    table = by_group(counted(toolkit.quotes(docs)), docs, by="outlet", min_group_docs=1)
    assert table.select("speaker", "attributions").rows() == [
        ("analysts", 2), ("Foreign Ministry", 1)]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "counted_as"),
    [
        ("Analysts", "analysts"), ("The report", "the report"), ("A spokesman", "a spokesman"),
        ("Some Hong Kong residents", "some Hong Kong residents"), ("Police", "police"),
        # names, titles, nations and institutions stay as written
        ("President Obama", "President Obama"), ("General Allen", "General Allen"),
        ("Americans", "Americans"), ("Chinese officials", "Chinese officials"),
        ("Ministry of Defence", "Ministry of Defence"), ("Xinhua", "Xinhua"), ("", ""),
    ],
)  # fmt: skip
def test_in_common_case_lowers_only_a_common_word_a_sentence_opens(written, counted_as):
    assert toolkit.speakers.in_common_case(written, lexicon()) == counted_as


@pytest.mark.parametrize(
    ("text", "speaker", "document", "share_people"),
    [
        # a Kremlin greeting's words are the message's, a document's: counted apart (trial E)
        ("Putin sent greetings. The message reads, in part: “Our countries are allies.”",
         "The message", True, 0.0),
        ("“The talks went well,” the statement said.", "the statement", True, 0.0),
        ("“The talks went well,” Putin said.", "Putin", False, None),
        ("“The talks went well,” the Foreign Ministry said.", "Foreign Ministry", False, None),
    ],
)  # fmt: skip
def test_a_document_s_quotes_are_kept_apart_from_people_s(text, speaker, document, share_people):
    docs = pl.DataFrame({"doc_id": ["a"], "outlet": ["Kremlin"], "text": [text], "n_words": [9]})
    f = toolkit.quotes(docs)
    table = by_group(f, docs, by="outlet", min_group_docs=1)
    assert table.select("speaker", "document").rows() == [(speaker, document)]
    share = quote_share(f, docs, by="outlet", min_group_docs=1).row(0, named=True)
    assert share["share"] > 0
    assert share["share_people"] == (share_people if share_people is not None else share["share"])
    assert share["document_chars"] == (share["quoted_chars"] if document else 0)


def test_a_frame_without_text_is_a_clear_error():
    with pytest.raises(toolkit.DataError, match="quotes need the columns text"):
        toolkit.quotes(pl.DataFrame({"doc_id": ["a"]}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups as speakers, with a quantifier, an adjective, or two groups joined by "and"
        ("Many Hong Kong residents argue that the package is fair.",
         [("Many Hong Kong residents", "argue", "the package is fair")]),
        ("Some business leaders and political analysts have argued that the city needs a leader.",
         [("Some business leaders and political analysts", "argue", "the city needs a leader")]),
        # a group after "and" opens a new clause; a base form for a plural subject
        ("Tensions have been rising over the issue and many residents worry that the party is "
         "seeking control.",
         [("many residents", "worry", "the party is seeking control")]),
        ("The referendum attracted a fifth of the electorate, organizers said Sunday.",
         [("organizers", "say", "The referendum attracted a fifth of the electorate")]),
        # a role for an institution; an institution's name with "and" after "for"
        ("After the vote closed, a spokesman for the Hong Kong government said that the demand "
         "was unlikely to win backing.",
         [("a spokesman for the Hong Kong government", "say",
           "the demand was unlikely to win backing")]),
        ("At a press conference, the Alliance for Peace and Democracy - the organizer of a "
         "petition - said over a million people had signed.",
         [("Alliance for Peace and Democracy", "say", "over a million people had signed")]),
        # a participle after a comma takes the subject of its clause, past an appositive
        ("As he walked across campus, Masete Levy, president of the student council, echoed "
         "that sentiment, saying that the students are disappointed.",
         [("Masete Levy", "say", "the students are disappointed")]),
        # a participle aside between the speaker and a verb whose object is quoted
        ("President François Hollande of France, speaking to reporters later, welcomed the idea "
         "of a “broad coalition” on Syria.",
         [("François Hollande", "welcome", "broad coalition")]),
        # not a speaker: a plural noun with no reporting verb, a question's auxiliary
        ("The residents of the district met on Monday.", []),
        ("Do they believe that the troops will be sent somewhere?", []),
        # a second speaker after ", and": a clause of its own
        ("But Eli Shaked, a former ambassador, praised the government for “acting discreetly,” "
         "and Yitzhak Levanon, Israel’s ambassador until 2011, said the lobbying had not been "
         "aggressive.",
         [("Eli Shaked", "praise", "acting discreetly,"),
          ("Yitzhak Levanon", "say", "the lobbying had not been aggressive")]),
        # verbs the lexicon lacked: "calls" a quoted object, "informed"
        ("Its status as what the Obama administration calls the “personal bank” of the circle.",
         [("the Obama administration", "call", "personal bank")]),
        ("“The head will be General Zhyrnov,” the Head of State informed.",
         [("the Head of State", "inform", "The head will be General Zhyrnov,")]),
    ],
)  # fmt: skip
def test_groups_participles_and_asides(text, expected):
    rows = found(text).select("speaker", "verb", "quote").rows()
    assert rows == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation right after a frame with a long appositive goes on that speaker's words
        ("“We never asked for it,” said Aimal Faizi, a spokesman for the president, in an "
         "electronic message sent late Tuesday.“The president accepted it as a bitter pill.”",
         ["Aimal Faizi", "Aimal Faizi"]),
        # ... up to 28 words of it (set 29, chinadaily-nyt: Fred Reish, Xiao Qiang, Magnus Norell)
        ("“It’s unfortunate that it took litigation to focus attention on costs,” said Fred "
         "Reish, a lawyer with Drinker, Biddle & Reath in Los Angeles and an expert on the "
         "federal law that governs 401(k) plans. “But it clearly has.”",
         ["Fred Reish", "Fred Reish"]),
        # but not after a new sentence with a subject and verb of its own
        ("“We never asked for it,” said Aimal Faizi. The talks went on for many hours and the "
         "delegations left.“The president accepted it.”",
         ["Aimal Faizi"]),
    ],
)  # fmt: skip
def test_a_quotation_continues_after_a_long_frame(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a nickname in quotation marks is no mention of a person
        ("Pascal Lamy led the W.T.O. Wags dubbed him the “Dalai Lamy” for his ascetic life. "
         "“He was put there deliberately,” Mr. Lamy said.", "Pascal Lamy"),
        # a long appositive after a three-word name keeps the first name
        ("The discontent could help induce concessions, said Joseph Wong Wing-ping, a former "
         "senior public servant in Hong Kong who has backed the movement. “At the end of the "
         "day, it is up to them,” Mr. Wong said.", "Joseph Wong Wing-ping"),
    ],
)  # fmt: skip
def test_names_resolved_past_nicknames_and_long_appositives(text, speaker):
    assert set(found(text)["speaker"].to_list()) == {speaker}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I" in a transcript's turn is the speaker of that turn
        ("Marina Akhmedova spoke about the homeless. Vladimir Putin: Ms Akhmedova, you have "
         "raised a sensitive issue. I said at the Valdai Club recently that classic capitalism "
         "is disappearing.",
         [("Vladimir Putin", "I", "say", "classic capitalism is disappearing")]),
        # the next turn is its own speaker's
        ("Vladimir Putin: Thank you. Marina Akhmedova: Good afternoon. I said last year that the "
         "homeless need help.",
         [("Marina Akhmedova", "I", "say", "the homeless need help")]),
        # a turn label with the speaker's title, a translator's note or a scraper's repeat
        # (Kremlin transcripts, set 14); the label is no part of the quotation
        ("President of Russia Vladimir Putin: Friends, we should simply proceed from current "
         "realities, as I said.",
         [("Vladimir Putin", "I", "say",
           "Friends, we should simply proceed from current realities")]),
        ("Vladimir Putin: Thank you. President of Azerbaijan Ilham Aliyev Aliyev IlhamPresident "
         "of Azerbaijan: Thank you. As I have already noted, President Vladimir Putin played an "
         "important role.",
         [("Ilham Aliyev", "I", "note", "President Vladimir Putin played an important role")]),
        ("Vladimir Putin: Thank you. President of France Emmanuel Macron Macron EmmanuelPresident "
         "of France(retranslated from French): Thank you. I said that the talks were useful.",
         [("Emmanuel Macron", "I", "say", "the talks were useful")]),
        # a label glued to the sentence before it names no one (a debate transcript that lost
        # its spaces, chinadaily-nyt: "Senator Sanders.SANDERS" had been the speaker of 11 rows;
        # an "I" no turn names is no one's)
        ("COOPER: Thank you very much. Senator Sanders.SANDERS: Anderson, thank you. I said "
         "that the economy is rigged.", []),
        # a turn label after the Kremlin's "***" separator (sets 11, 14)
        ("Attending the meeting were the ministers. *** President of Russia Vladimir Putin: "
         "Good afternoon. We should simply proceed from current realities, as I said.",
         [("Vladimir Putin", "I", "say", "We should simply proceed from current realities")]),
        # a turn label right after a heading with no stop (a third of the Kremlin's first
        # turns; set 9); not a name and a colon in prose
        ("Speech at the Council of Lawmakers meeting President of Russia Vladimir Putin: Good "
         "afternoon. As I have said, we will counter any restrictions.",
         [("Vladimir Putin", "I", "say", "we will counter any restrictions")]),
        ("Lavrov held talks with President of Russia Vladimir Putin: Good afternoon. As I have "
         "said, we will counter any restrictions.", []),
        # what the speaker says at the moment is no report; nor an aside on a clause
        ("Vladimir Putin: I will say right off that much has been done in this area.", []),
        ("Veronika Skvortsova: This is AmpliTest, as I said, a testing of Omicron and its "
         "variants.", []),
        # a role the turn's speaker uses names someone else
        ("Vladimir Putin: Welcome. President of the Republic of Belarus Alexander Lukashenko: "
         "Friends, tensions are rising in the world, as the President just said.",
         [("the President", "the President", "say",
           "Friends, tensions are rising in the world")]),
        # a turn after a question that ends in an ellipsis (Kremlin transcripts)
        ("Margarita Simonyan: We want it, but still… Vladimir Putin: As I have already said "
         "in my remarks, the situation on the global food market is deteriorating.",
         [("Vladimir Putin", "I", "say",
           "the situation on the global food market is deteriorating")]),
        # a view the speaker holds is no report of speech ("I believe we should thank ...":
        # the labelling guide's transcript speech, set 10)
        ("Vladimir Putin: Thank you. Marina Akhmedova: Good afternoon. I believe that the "
         "homeless need help.", []),
        # first person with no turn is the text's own voice: no attribution
        ("I believe that the talks will go on.", []),
        # a colon after a place or a lower-case phrase is no turn
        ("MOSCOW: I said that the talks will go on.", []),
    ],
)  # fmt: skip
def test_first_person_in_a_transcript_turn(text, expected):
    rows = found(text).select("speaker", "speaker_text", "verb", "quote").rows()
    assert rows == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation of whole sentences with no frame, a narrative sentence after the speaker's
        # frame, resumes that speaker
        ("“God has not allowed this,” said Umar Inuwa Obi, a trader. The crowd dispersed by "
         "noon. “But the government has refused. That is why they started throwing stones.”",
         ["Umar Inuwa Obi", "Umar Inuwa Obi"]),
        # not when another person is named between, even without a title
        ("“God has not allowed this,” said Umar Inuwa Obi, a trader. Mordechai Gordon, who "
         "teaches at the university, sees it quite otherwise. “But the government has refused. "
         "That is why they started throwing stones.”",
         ["Umar Inuwa Obi"]),
        # not a phrase in quotation marks, nor a quotation inside a sentence of narrative
        ("“God has not allowed this,” said Umar Inuwa Obi, a trader. The crowd chanted “no more "
         "lies.”",
         ["Umar Inuwa Obi"]),
        ("“God has not allowed this,” said Umar Inuwa Obi, a trader. The crowd carried a banner "
         "with the words “The government has refused to talk to any of us.”",
         ["Umar Inuwa Obi"]),
    ],
)  # fmt: skip
def test_a_frameless_quotation_resumes_the_speaker_quoted_last(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role in lower case (no list needs to hold it), then the name in commas
        ("“We will appeal the ruling,” said her lawyer, Maria Teresa Almeida Costa.",
         [("Maria Teresa Almeida Costa", "Maria Teresa Almeida Costa", "say")]),
        ("“We will appeal the ruling,” said the lawyer, John Smith.",
         [("John Smith", "John Smith", "say")]),
        # a sentence that ends with no space after its stop ends the name
        ("“We will appeal,” said his lawyer, John Smith.He gave no details.",
         [("John Smith", "John Smith", "say")]),
        # not a clause after the comma
        ("“We will appeal the ruling,” said his wife, who was there.", []),
        # a name from an institution, in a quotation the frame splits: the name
        ("Antonio Marques works at Teneo. “The question,” said Mr. Marques from Teneo "
         "Intelligence, “is whether the new parties will stay clean.”",
         [("Antonio Marques", "Mr. Marques from Teneo Intelligence", "say"),
          ("Antonio Marques", "Mr. Marques from Teneo Intelligence", None)]),
        # a name "of" an institution is the person, not the institution
        ("“The bill is dead,” John Smith of the Brookings Institution said.",
         [("John Smith", "John Smith of the Brookings Institution", "say")]),
        ("“The bill is dead,” said Irene Petras of Zimbabwe Lawyers for Human Rights.",
         [("Irene Petras", "Irene Petras of Zimbabwe Lawyers for Human Rights", "say")]),
        # an office of a country is no name: not "United Kingdom"
        ("“The bill is dead,” said the Prime Minister of the United Kingdom.",
         [("the Prime Minister of the United Kingdom", "the Prime Minister of the United Kingdom",
           "say")]),
        ("“The bill is dead,” a former mayor of San José said.",
         [("a former mayor of San José", "a former mayor of San José", "say")]),
    ],
)  # fmt: skip
def test_a_name_after_a_role_or_before_an_institution(text, expected):
    assert found(text).select("speaker", "speaker_text", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source no speaker phrase names: a report, survey, poll, study or figures
        ("According to media reports on Thursday, the bridge will need an extra $5 billion.",
         [("media reports", "the bridge will need an extra $5 billion")]),
        ("According to the 2011 figures, India is now the third-largest economy.",
         [("the 2011 figures", "India is now the third-largest economy")]),
        ("The company only runs the market, according to the company's mission statement.",
         [("the company's mission statement", "The company only runs the market")]),
        ("Unemployment rose to 5 percent, according to official statistics.",
         [("official statistics", "Unemployment rose to 5 percent")]),
        # after a linking adverb that opens the sentence
        ("In addition, according to media reports, the agency faces a 50 percent cut.",
         [("media reports", "the agency faces a 50 percent cut")]),
        ("Meanwhile, according to the Chinese police, the road reopened on Friday.",
         [("the Chinese police", "the road reopened on Friday")]),
        # not after another opening phrase, which may be the source's own clause
        ("In Minsk, according to the law, the election must be held in May.", []),
        # a report its owner names in capitals, a day it was released an adjunct
        ("Malaysia is among the countries doing the least, according to a State Department "
         "report released Friday, a finding that could lead to penalties.",
         [("a State Department report", "Malaysia is among the countries doing the least")]),
        # the author of an analysis, past its appositive and a relative clause on it
        ("Some 109 projects were in the budget, according to an analysis by Citizens Against "
         "Government Waste, a fiscally conservative group, which calls the report the Pig Book.",
         [("Citizens Against Government Waste", "Some 109 projects were in the budget")]),
        # a source with a relative clause on it: the source before the clause (PolNeAR train,
        # chinadaily-nyt)
        ("Two Republicans would defeat Hillary Clinton, according to a new poll that shows more "
         "voters view her unfavorably.", [("a new poll", "Two Republicans would defeat Hillary "
                                           "Clinton")]),
        ("The council is to choose a president, according to the statement that Mr. Asodi read "
         "at the palace.", [("the statement", "The council is to choose a president")]),
        # a source before the colon of a list; trackers and a fact sheet (PolNeAR train); not
        # an index ("his body mass index"), nor a schedule, which the thing follows
        ("There are four that track the records, according to the State Department:",
         [("State Department", "There are four that track the records")]),
        ("Trump weighs 236 pounds, which classifies him as overweight according to his body "
         "mass index.", []),
        ("It has spent about $12 million in the state, according to media trackers.",
         [("media trackers", "It has spent about $12 million in the state")]),
        ("Thiel is to speak on Thursday night, according to the initial schedule.", []),
        # a rule followed, not a source
        ("According to the President’s decree, the National Flag was hoisted at 10:00.", []),
        # not other nouns; "the survey" as written, as the labels name it (set 26: "According
        # to the study, ..."; PolNeAR dev: "..., according to the poll.")
        ("According to the latest information, India is now the third-largest economy.", []),
        ("According to the law, the election must be held in May.", []),
        ("According to the survey, India is now the third-largest economy.",
         [("the survey", "India is now the third-largest economy")]),
        # the authors of a study, after "But" and its comma (kremlin-2021-22)
        ("But, according to the authors, Vladimir Putin underestimated the horror.",
         [("the authors", "Vladimir Putin underestimated the horror")]),
        # a company's abbreviation inside the source; an irregular past after the aside; more
        # documents (chinadaily-nyt)
        ("The number of such jobs grew to 32 million, according to Economic Modeling Specialists "
         "Intl., a labor market analytics firm.",
         [("Economic Modeling Specialists Intl.", "The number of such jobs grew to 32 million")]),
        ("The number of such jobs, according to Acme Analytics, a labor market analytics firm, "
         "grew to 32 million.", [("Acme Analytics", "The number of such jobs, according to "
                                  "Acme Analytics, a labor market analytics firm, grew to 32 "
                                  "million.")]),
        ("His campaign had $1.1 million in cash, according to federal campaign disclosures.",
         [("federal campaign disclosures", "His campaign had $1.1 million in cash")]),
        ("He was shot by soldiers, according to video footage.",
         [("video footage", "He was shot by soldiers")]),
        ("Glenwood obtained $1 billion in bond financing, according to testimony at Mr. Silver’s "
         "trial.", [("testimony at Mr. Silver’s trial", "Glenwood obtained $1 billion in bond "
                     "financing")]),
        # "but according to X, ..." after the sentence's first clause
        ("Details have yet to be made public, but according to British news reports, the orders "
         "could include a requirement.",
         [("British news reports", "the orders could include a requirement")]),
    ],
)  # fmt: skip
def test_according_to_a_source(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The relationship is at a critical juncture,” Xi Jinping proclaimed after the meeting.",
         [("Xi Jinping", "proclaim")]),
        ("Before the elections, Mr. Abadi fretted anew that the old party was regrouping.",
         [("Mr. Abadi", "fret")]),
        ("The Brooklyn Public Library counters that the new branch will have more space.",
         [("Brooklyn Public Library", "counter")]),
        ("“The president is headstrong,” lamented another Brotherhood leader.",
         [("another Brotherhood leader", "lament")]),
        # "counters" is also a plural noun: no verb after a subject no list names
        ("The shop counters were empty.", []),
    ],
)  # fmt: skip
def test_more_reporting_verbs(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person named in the speaker's own frame (an appositive) is no later antecedent
        ("Col. Qassim Atia, an aide to General Qassim Atta, said it was propaganda. “Of course "
         "we are in a war,” he said.",
         ["Qassim Atia", "Qassim Atia"]),
        # a name in the possessive is not the one who speaks after it
        ("Michael Brown, 18, was killed in August. Wesley Bell, a professor, said his "
         "background helped. Even before Mr. Brown’s killing, he said, he worked to help poor "
         "defendants.",
         ["Wesley Bell", "Wesley Bell"]),
        # with no possessive, the person named last still is
        ("Wesley Bell, a professor, said his background helped. Michael Brown, a student, "
         "arrived later. “It was a shock,” he said.",
         ["Wesley Bell", "Michael Brown"]),
    ],
)  # fmt: skip
def test_he_is_not_a_name_in_the_frame_or_a_possessive(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside before the quotation in its sentence names its speaker
        ("In many ways, Alibaba is no longer a company but, as the Chinese often say, a "
         "“platform” where many businesses operate.",
         [("the Chinese", "say", "platform")]),
        ("The war was, as one Scottish officer put it, “a shambles from start to finish.”",
         [("one Scottish officer", "put", "a shambles from start to finish.")]),
        # not an aside that names no one
        ("Nobody knew, as though to say, “we are done with it.”", []),
    ],
)  # fmt: skip
def test_an_aside_names_the_speaker_of_a_quotation(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reporting verb joined by "and" to the clause's first verb takes that verb's subject,
        # past an aside, an appositive with a relative clause, and adverbs
        ("One Arab commander, sitting near the earthen wall, bitterly recalled being chased "
         "from his hometown and said he would do anything to reclaim that territory.",
         [("One Arab commander", "he would do anything to reclaim that territory")]),
        ("In a speech on Friday night, Ms. Rousseff, a former guerrilla who fought the "
         "dictatorship in the 1970s, praised the demonstrators for their energy and said "
         "repeatedly that she would listen to the streets.",
         [("Ms. Rousseff", "she would listen to the streets")]),
        # not a reduced relative clause ("waged by ... who shell ... and believe")
        ("The war waged by barbarians who shell the museum and believe that their missiles can "
         "destroy our philosophy.", []),
        # not a participle after "but": it opens a clause of its own
        ("Students at the university balked at a $6 increase, but noting that turnout was "
         "small, the trustees approved the fee.", []),
    ],
)  # fmt: skip
def test_a_coordinated_reporting_verb_takes_the_first_verbs_subject(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short subject no list names ends the sentence as its frame
        ("The police discouraged reporting on the accident, the group said.",
         [("the group", "The police discouraged reporting on the accident")]),
        ("He was released on bail on Friday, his lawyer said on Monday.",
         [("his lawyer", "He was released on bail on Friday")]),
        ("Mr. Obama was frustrated that the talks had stalled, aides said.",
         [("aides", "Mr. Obama was frustrated that the talks had stalled")]),
        # a plural role and where or what they are of
        ("The talks went well, officials from both countries said.",
         [("officials from both countries", "The talks went well")]),
        ("Two men had bullet wounds, doctors at a Bangkok hospital said.",
         [("doctors at a Bangkok hospital", "Two men had bullet wounds")]),
        ("The economy grew strongly, sales in China said.", []),
        # the writer of a sentence in the first person ("I" outside a transcript is no one)
        ("I believe that the talks will go on, the columnist wrote.",
         [("the columnist", "I believe that the talks will go on")]),
        # not a clause word, a verb that is no report without an object, nor a noun form
        ("Coal is the cheapest fuel, as it is said.", []),
        ("Even during the pandemic, our economic ties continued.", []),
        ("He canceled the trip to Switzerland, according to news reports.",
         [("news reports", "He canceled the trip to Switzerland")]),
        # not a frame that goes on into another clause
        ("The talks stalled on Monday, the station said, and the army moved in.", []),
    ],
)  # fmt: skip
def test_a_short_subject_ends_the_sentence_as_its_frame(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare clause may open with "at least", a number, or "it" and a verb in the past
        ("The police also said at least 18 people had been injured in the violence.",
         [("The police", "at least 18 people had been injured in the violence")]),
        ("The police said 26 people had been arrested.",
         [("The police", "26 people had been arrested")]),
        ("The ministry said it made the decision after receiving comments.",
         [("The ministry", "it made the decision after receiving comments")]),
        # not "at" a place or "it" as an object, nor a number after "added" (a rise)
        ("The ministry said at the meeting in Geneva.", []),
        ("He said it all.", []),
        ("Investment added 7.6 percent over three quarters of the year.", []),
    ],
)  # fmt: skip
def test_a_bare_clause_after_said(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inverted frame whose speaker takes a lower-case appositive of any form
        ("Your data may be observed, said Jules Polonetsky, executive director and co-chairman "
         "of the Future of Privacy Forum.",
         [("Jules Polonetsky", "Jules Polonetsky")]),
        # "one such voter, NAME": a role with any determiner before the name
        ("“Egypt now needs a harsh leader,” said one such voter, Mona el-Saadat, 66.",
         [("Mona el-Saadat", "Mona el-Saadat")]),
        # a name before "of" and a place whose name a title word ends ("State")
        ("“We will rebuild,” said Gov. Kashim Shettima of Borno State.",
         [("Kashim Shettima", "Gov. Kashim Shettima of Borno State")]),
        # "called X," names a thing, no speaker
        ("In its materials, the company describes one of its products, called AbiliTec Digital, "
         "as a data-powered tool.", []),
        # initials joined before a surname are no stop; a party and state in brackets after a
        # name, and a photograph's note, are no part of the frame (PolNeAR dev)
        ('"The talks were useful," said V.V. Putin.', [("V.V. Putin", "V.V. Putin")]),
        ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the "
         "Congressional Black Caucus.",
         [("G.K. Butterfield", "Rep. G.K. Butterfield")]),
        ('"We agreed," said Vladimir Putin (pictured).', [("Vladimir Putin", "Vladimir Putin")]),
        ("“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.",
         [("Gwen Moore", "Rep. Gwen Moore")]),
        ("Vladimir Putin (pictured) said the talks had failed.",
         [("Vladimir Putin", "Vladimir Putin")]),
        # a day's is no one's ("Friday’s tweets" is no one tweeting)
        ("Trump has responded with attacks on Machado, including Friday’s tweets.", []),
        # a title in quotation marks, with its comma inside the closing mark, in an
        # appositive (set 29)
        ("“He made the position what it was,” Senator Al Franken of Minnesota, a Democrat and "
         "himself a former performer on “Saturday Night Live,” said in an interview.",
         [("Senator Al Franken of Minnesota", "Senator Al Franken of Minnesota")]),
        # a delegate's and a brigadier's abbreviated titles end no sentence (PolNeAR dev)
        ('"It is a waste of time," said Del. Stacey Plaskett, a Democrat.',
         [("Stacey Plaskett", "Del. Stacey Plaskett")]),
        ('"The air force led the assault," said Brig. Gen. Chris Olukolade.',
         [("Chris Olukolade", "Brig. Gen. Chris Olukolade")]),
        # the paper a name writes for; two appositives after a name, the second with a plural
        # noun that is also a verb's form (PolNeAR dev)
        ("“The impact of the debate is still small,” wrote Cameron Easley for Morning Consult.",
         [("Cameron Easley", "Cameron Easley")]),
        ("“It’s an invasion of the state domain,” Scott Pruitt, the attorney general of "
         "Oklahoma, one of the states suing the EPA, said at an event.",
         [("Scott Pruitt", "Scott Pruitt")]),
    ],
)  # fmt: skip
def test_inverted_frames_and_names_before_of(text, expected):
    assert found(text).select("speaker", "speaker_text").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation that goes on one just attributed keeps the speaker its frame was resolved
        # to, not the person named before that frame
        ("Dr Wang Chunchen, the curator, spoke. Zhang Xiaotao, an artist, paints. His work "
         "sells, Wang says. “Let us take ink painting,” he says. “Today you can renew the "
         "medium, artistically and politically.”",
         ["Wang Chunchen", "Wang Chunchen", "Wang Chunchen"]),
        ("Pier Luigi Bersani, the party leader, spoke after Beppe Grillo, the comedian, left. "
         "Bersani was calm. “Now they are here, too,” he said. “So either they should go home "
         "as well, or say what they want to do.”",
         ["Pier Luigi Bersani", "Pier Luigi Bersani"]),
    ],
)  # fmt: skip
def test_a_continued_quotation_keeps_its_frame_s_speaker(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in the frame's own appositive describes the speaker: the next quotation of
        # whole sentences still resumes the speaker
        ("“The Fed is too important to be insulated from working families,” said Ady Barkan, a "
         "lawyer with the Center for Popular Democracy, a group based in Brooklyn. “We think "
         "that the Fed needs to listen more and be more responsive.”",
         ["Ady Barkan", "Ady Barkan"]),
        # not a person named in a sentence after the frame's
        ("“The Fed is too important to be insulated from working families,” said Ady Barkan, a "
         "lawyer. Janet Yellen, the Fed chair, met them. “We think that the Fed needs to listen "
         "more and be more responsive.”",
         ["Ady Barkan"]),
    ],
)  # fmt: skip
def test_a_name_in_the_frame_s_appositive_does_not_stop_a_resumed_quotation(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case words that describe the name in a frame that ends the sentence
        ("Four police were hacked to death with machetes, coast police boss Aggrey Adoli said.",
         [("Aggrey Adoli", "say", "Four police were hacked to death with machetes")]),
        ("The talks went well, opposition leader Ilya Yashin said on Monday.",
         [("Ilya Yashin", "say", "The talks went well")]),
        ("Dissidents crowded into the courtroom to cheer, the independent Cairene daily "
         "Al-Masry Al-Youm reported.",
         [("Al-Masry Al-Youm", "report", "Dissidents crowded into the courtroom to cheer")]),
        # a long adjunct after "said" with no comma in it (set 13)
        ("The CPPCC should expand consulting fields, President Xi Jinping said in his keynote "
         "speech in Beijing on Sunday at the conference to celebrate the CPPCC's 65th "
         "anniversary.",
         [("Xi Jinping", "say", "The CPPCC should expand consulting fields")]),
        # not after a clause that opens with a subordinator, nor with a verb that is no "say"
        ("After Emmanuel Macron expressed concern for the safety of nuclear power plants, "
         "Vladimir Putin explained in detail about provocations carried out by Ukrainian "
         "radical nationalists using sabotage groups in the area of the Zaporizhzhya Nuclear "
         "Power Plant.", []),
        # "quote X:" before a quotation: X's words (set 12)
        ("I want to quote General Mikhail Dragomirov, a prominent military theorist: “The "
         "devotion to the Motherland is the main goal of every soldier.”",
         [("Mikhail Dragomirov", "say",
           "The devotion to the Motherland is the main goal of every soldier.")]),
        # a document that quotes someone: the one quoted speaks (set 14)
        ("Zakaria Moumni told investigators that the police beat him. “They put documents in "
         "front of me,” the report quotes him as saying.",
         [("Zakaria Moumni", "tell", "the police beat him"),
          ("Zakaria Moumni", "say", "They put documents in front of me,")]),
        # a person's clause that a colon ends before a whole sentence in quotation marks, whatever
        # its verb (set 14); not "The message reads:" nor a turn label
        ("Justice Samuel Alito wrote a dissent. He ends on a note of doom: “Recalling the harsh "
         "treatment of gays in the past, some may think that turnabout is fair play.”",
         [("Samuel Alito", None, "Recalling the harsh treatment of gays in the past, some may "
           "think that turnabout is fair play.")]),
        ("The message sent to the family reads, in part: “He was a bright and talented person "
         "and a musician.”", []),
        # (not where the clause names someone else's words: a quote, a slogan)
        ("Discussing the future, Mr. Díaz-Canel reached for a quote from 1894: “Our wine is "
         "bitter, but it is our wine and nothing else.”", []),
        # (after "Mr.", an aside and an irregular past: chinadaily-nyt)
        ("Mr. Burns, though, struck an optimistic note: “My sense is that people realize that "
         "the process must be transparent.”",
         [("Mr. Burns", None, "My sense is that people realize that the process must be "
           "transparent.")]),
        # media report (sets 13-14), and are no person titled "media tycoon"
        ("Media tycoon Jimmy Lai spoke. Local media reported that the police had arrested more "
         "than 100 members.",
         [("Local media", "report", "the police had arrested more than 100 members")]),
        ("As reported in the Chinese media, the initiatives will reach 4.4 billion people.",
         [("the Chinese media", "report", "the initiatives will reach 4.4 billion people")]),
        # the passive frame of agency copy (set 14)
        ("“Even if I die, I will die in the Diamond Mountain,” Mr. Kim was quoted as saying by "
         "the news agency Yonhap.",
         [("Mr. Kim", "say", "Even if I die, I will die in the Diamond Mountain,")]),
        # "he" is no place named after "in" (outside the sets: "Andhra Pradesh")
        ("He was arrested for speeches he made in Andhra Pradesh, where he was quoted as saying "
         "that Muslims can take care of the country.",
         [(None, "say", "Muslims can take care of the country")]),
        # an inverted frame with an adjunct after the speaker; a document and its owner
        ("China's bid to deepen reform needs a good start, said Xi Jinping on Monday.",
         [("Xi Jinping", "say", "China's bid to deepen reform needs a good start")]),
        ("China's bid to deepen reform needs a good start, said an article in People's Daily "
         "on Thursday.",
         [("an article in People's Daily", "say",
           "China's bid to deepen reform needs a good start")]),
        # a phrase and a comma between "said" and a finite clause (set 11); not a relative
        # clause, nor after a quotation it frames
        ("But Mr. Rhodes said on the merits, Africa had transformed itself into an opportunity.",
         [("Mr. Rhodes", "say", "Africa had transformed itself into an opportunity")]),
        ("Mr. Leung said at a tea with local journalists on Tuesday, the contents of which were "
         "confirmed on Wednesday.", []),
        ("“Democracy belongs to the entire Thai people,” she said in a Twitter message, a day "
         "after the leaders of the protests began a shutdown.",
         [(None, "say", "Democracy belongs to the entire Thai people,")]),
        # not a clause's own words before the name
        ("The war was over by then, and Vladimir Putin said.", []),
        ("We met the whole team, then Vladimir Putin said.", []),
    ],
)  # fmt: skip
def test_a_described_name_ends_the_sentence_as_its_frame(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle on a noun phrase after a quotation is no frame
        ("Though Ms. Saldana told InStyle that “I was not right for the part,” the online "
         "petition calling for a boycott grew.",
         [("Ms. Saldana", "tell")]),
        ("“We want a boycott of the film,” the protesters chanting outside the cinema grew "
         "louder.", []),
        # a finite verb after a participle phrase still frames it
        ("“We want a boycott of the film,” a protester standing outside said.",
         [("a protester standing outside", "say")]),
    ],
)  # fmt: skip
def test_a_participle_after_a_quotation_is_no_frame(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'As X noted, ...' with words that describe the name
        ("As her cousin Omar Robert Hamilton noted, she is among the dissidents on a hunger "
         "strike.",
         [("Omar Robert Hamilton", "note", "she is among the dissidents on a hunger strike")]),
        ("As the veteran diplomat Ivan Petrov said, the talks will take a long time.",
         [("Ivan Petrov", "say", "the talks will take a long time")]),
    ],
)  # fmt: skip
def test_as_a_described_name_said(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reveal, disclose, exclaim, splutter
        ("One US official revealed that the president prefers smaller meetings.",
         [("One US official", "reveal", "the president prefers smaller meetings")]),
        ("The ministry disclosed that the plant would close in May.",
         [("The ministry", "disclose", "the plant would close in May")]),
        # a frame with a colon introduces the quotation after it, not a slogan before it
        ("Walking past a wall scrawled with the slogan “Assad only, Assad forever,” one "
         "government supporter spluttered: “This is wrong. Syria is for my children.”",
         [("one government supporter", "splutter", "This is wrong. Syria is for my children.")]),
        # still no report without "that" right after the verb
        ("The ministry disclosed the figures on Monday.", []),
        ("Bass reveals the sordid diplomacy that attended the birth of Bangladesh in 1971.", []),
    ],
)  # fmt: skip
def test_more_verbs_and_a_frame_before_a_colon(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive frame whose title runs through "to" and lower-case words up to the name
        ("Experts are tracking Russian oil tankers. This was stated by Adviser to the President "
         "of Ukraine on economic issues Oleg Ustenko in a comment for The Economist.",
         [("Oleg Ustenko", "Oleg Ustenko", "state")]),
        ("Experts are tracking Russian oil tankers. This was stated by President Volodymyr "
         "Zelenskyy on national television.",
         [("Volodymyr Zelenskyy", "President Volodymyr Zelenskyy", "state")]),
        ("Experts are tracking Russian oil tankers. This was stated by many people in Kyiv.", []),
        # "Adviser to the Head of ...": the title, and "the adviser" after it
        ("Adviser to the Head of the Office of the President of Ukraine Mykhailo Podolyak said "
         "that talks were over. The adviser added that it is so.",
         [("Mykhailo Podolyak", "Adviser to the Head of the Office of the President of Ukraine "
           "Mykhailo Podolyak", "say"),
          ("Mykhailo Podolyak", "The adviser", "add")]),
        # "the company" is the one organisation an appositive calls a company
        ("Another Chinese company, BYD, a leading producer of electric vehicles, is also "
         "determined to join. According to the company, this model is environmentally safe.",
         [("BYD", "the company", "according to")]),
        ("The talks ended. Sinopec, a state-owned company based in Beijing, will join. The "
         "company said that the model is safe.",
         [("Sinopec", "The company", "say")]),
        # two so described, a person so described, or "a company man": as written
        ("Gazprom, the Russian gas company, and BYD, a Chinese company, will join. The company "
         "said that the model is safe.",
         [("The company", "The company", "say")]),
        ("Mr. Li, a company man, spoke. The company said that the model is safe.",
         [("The company", "The company", "say")]),
        # a lower-case role before a name of three or four words says where it begins
        ("Xi Jinping met Myanmar opposition leader Aung San Suu Kyi on Thursday. Suu Kyi, "
         "wearing a white top, said it is vital to be committed to the relationship.",
         [("Aung San Suu Kyi", "Suu Kyi", "say")]),
        # a number opens a group; an adjective with its preposition follows a group's head
        ("Three senior Afghan officials said they needed a government in place by September.",
         [("Three senior Afghan officials", "Three senior Afghan officials", "say")]),
        ("A person close to the president said the deal was off.",
         [("A person close to the president", "A person close to the president", "say")]),
        ("Two people briefed on the plan said that the deal was off.",
         [("Two people briefed on the plan", "Two people briefed on the plan", "say")]),
        ("Officials with knowledge of the inner workings of the palace said many of the "
         "confidants were frustrated.",
         [("Officials with knowledge of the inner workings of the palace",
           "Officials with knowledge of the inner workings of the palace", "say")]),
    ],
)  # fmt: skip
def test_titles_through_to_organisations_by_appositive_and_groups(text, expected):
    assert found(text).select("speaker", "speaker_text", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in commas after a role is a person's, and the antecedent of "she" after it
        ("Allie Brandenburger, a spokeswoman for Mr. Bush, said: “We are fully complying with "
         "the law.” A spokeswoman for Mr. Walker, Kirsten Kukowski, did not respond directly. "
         "She said Mr. Walker has been using his PAC in “talking to Americans.”",
         ["Allie Brandenburger", "Kirsten Kukowski"]),
        # "he" after a sentence whose subject is one person and whose object another: the
        # subject (also where the page glues its sentences: "issue.In an interview")
        ("Bob Fu, a pastor, and Chen Guangcheng, a lawyer, met. Mr. Chen has said he has no "
         "position on the issue.In an interview, Mr. Fu, a former dissident, waved off "
         "suggestions that he manipulated Mr. Chen. “To accuse me of this underestimates "
         "Chen’s intelligence,” he said.",
         ["Chen Guangcheng", "Bob Fu"]),
        ("President Volodymyr Zelenskyy met Speaker of the Bundestag Bärbel Bas in Kyiv. For "
         "her part, Bärbel Bas thanked Volodymyr Zelenskyy for the meeting. She noted that it is "
         "very important for her to be in Ukraine on May 8.",
         ["Bärbel Bas"]),
        # the subject and the object of the same gender, the object named last: the subject
        ("Vladimir Putin informed Recep Tayyip Erdogan of the talks. He said that the sides "
         "would meet again.",
         ["Vladimir Putin"]),
        # ... also where the subject is an office, its holder quoted last (set 5)
        ("Vladimir Putin met Artur Parfenchikov. The President added that he expected growth "
         "in the republic. The President asked Artur Parfenchikov to coordinate these matters. "
         "He said that everything possible would be done to help the republic.",
         ["Vladimir Putin", "Vladimir Putin"]),
    ],
)  # fmt: skip
def test_a_pronoun_is_the_subject_of_the_sentence_before(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "according to" people named by what they know
        ("The deal is off, according to two people familiar with the talks.",
         [("two people familiar with the talks", "The deal is off")]),
        ("The deal is off, according to a person close to the president.",
         [("a person close to the president", "The deal is off")]),
        ("The group had to reconsider its goals, according to people familiar with their "
         "reservations.",
         [("people familiar with their reservations", "The group had to reconsider its goals")]),
        # not people of a place, nor a document followed
        ("The deal is off, according to the people of Kyiv.", []),
    ],
)  # fmt: skip
def test_according_to_people_familiar_with(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


def test_a_pronoun_is_no_country_and_finds_a_person_who_acts():
    # trial AB: "he suggested" went to "Nazi Germany" (a country's name read as a person's)
    # and not to a name the text makes act ("Henry Kissinger issued a statement")
    text = (
        "Krauss-Maffei Wegmann was also Nazi Germany’s prime supplier. Not coincidentally, on "
        "Jan. 17, Putin pal Henry Kissinger issued a statement that recommended talks. At that "
        "point, a cease-fire can be negotiated, he suggested, along with the future of Crimea."
    )
    assert found(text)["speaker"].to_list() == ["Henry Kissinger"]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # '"...," X said' is read after the quotation; a quotation that goes on continues it
        ("“We are ready,” said Dmitry Peskov. “The date is set.”", ["after", "continues"]),
        # 'X said: "..."' is read before it
        ('Aleksandr Lukashenko said: "Belarus and Russia are one."', ["before"]),
        # a frameless quotation of whole sentences resumes the speaker quoted last
        ("“We will respond,” Sergey Lavrov said on Monday. The talks lasted three hours. “There "
         "is no other way for us to go now.”", ["after", "resumes"]),
        # 'X stressed that ...' is reported speech
        ("Dmitry Peskov stressed that the talks would continue next week.", ["reported"]),
    ],
)  # fmt: skip
def test_each_attribution_names_the_reading_that_found_it(text, rules):
    # benchmarks/probe_quotes_model.py learns from this; a reading unnamed would read as reported
    lex = lexicon()
    resolver = Resolver(find_mentions(text, lex), lex, {}, text, quote_spans(text))
    assert [f.rule for f in _in_doc(text, lex, resolver)] == rules


def test_attribution_shows_a_progress_bar_and_finds_the_same(capsys):
    """Issue 18: every step over about ten seconds shows progress (attribution takes about 10 ms
    an article: 4,000 articles some 40 s)."""
    import polars as pl

    from toolkit.quotes import quotes

    corpus = pl.DataFrame({"doc_id": ["a", "b"], "text": ['"We agree," Putin said.'] * 2})
    quiet = quotes(corpus)
    assert capsys.readouterr().err == ""
    shown = quotes(corpus, progress=True)
    assert "attribution" in capsys.readouterr().err
    assert shown.equals(quiet) and quiet.height == 2


def test_the_leader_and_the_president_of_one_country_are_one_office():
    # a readout: "the Russian leader" and "the Russian President" both name Vladimir Putin,
    # and a title after a greeting's addressee is not the addressee's (Kremlin readouts)
    text = (
        "Greetings to Prime Minister of Canada Justin Trudeau, the Russian President wished "
        "him success. Vladimir Putin noted that ties grew stronger. The Russian leader expressed "
        "confidence that the work would go on. The Russian President said he was sure that "
        "the two countries would develop ties."
    )
    assert found(text)["speaker"].to_list() == ["Vladimir Putin"] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short phrase in quotation marks after a quotation is a name, no one's words (set 14)
        ("“We must govern the Party strictly,” Xi said.\n“Strictly governing the Party”, one of "
         "Xi's “Four Comprehensives”, has become a signature policy.",
         ["We must govern the Party strictly,"]),
        # a sentence in quotation marks goes on the frame before it
        ("“We must govern the Party strictly,” Xi said. “It is our duty.”",
         ["We must govern the Party strictly,", "It is our duty."]),
    ],
)  # fmt: skip
def test_a_quoted_phrase_does_not_continue_a_quotation(text, expected):
    assert found(text)["quote"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One pollster found that about 40 percent of the voters defined themselves as right.",
         [("One pollster", "find")]),
        ("All three polls showed nationalists had gained ground before the vote.",
         [("All three polls", "show")]),
        ("Recent surveys indicate Hong Kong has become less competitive than before.",
         [("Recent surveys", "indicate")]),
        ("The study also found that most people got their news from TV and radio.",
         [("The study", "find")]),
        ('The so-called "experts" were wrong, the report found.', [("the report", "find")]),
        # the head before its modifiers (set 31)
        ("Surveys conducted among marchers at the protest showed that only one in five would "
         "join.", [("Surveys conducted among marchers at the protest", "show")]),
        # (a poll by someone is theirs)
        ("A poll by Gallup showed that Clinton leads Trump by four points in Ohio.",
         [("Gallup", "show")]),
        ("The police in Ohio found that the car had been stolen in May.", []),
        # a pollster's name joined by a slash, a poll "out" on a day (PolNeAR train)
        ("A CNN/ORC poll last month showed that Mr. Trump was leading Mr. Cruz nationally.",
         [("A CNN/ORC poll", "show")]),
        ("A Monmouth poll out Monday showed that Clinton had a healthy lead in New York.",
         [("A Monmouth poll", "show")]),
        # a finding's head before "shows" or "finds" makes it a verb, its clause without
        # "that" the report (PolNeAR train)
        ("The most recent poll shows Cruz has fallen to 27 percent.",
         [("The most recent poll", "show")]),
        ("Early analysis shows Iowa polls may have missed the Republican results.",
         [("Early analysis", "show")]),
        # or a finding's verb after a finding's head ending the sentence
        ("Clinton leads Sanders by 19 points among likely voters, the poll found.",
         [("the poll", "find")]),
        ("The man was killed lawfully, a jury found on Wednesday.", [("a jury", "find")]),
        ("The door of the office was locked, the police found.", []),
        # a share's sign opens a clause as its number does (PolNeAR train)
        ("A new poll from Suffolk University found 40% of voters are not sure they will vote.",
         [("Suffolk University", "find")]),
        ("He went out Monday and said that it was fine.", [(None, "say")]),
        # a finding's small clause: a name and how it stands; a poll from a body is the body's,
        # its release no part of it (PolNeAR train)
        ("A poll from Marquette Law School released Wednesday found Clinton leading Trump by 15 "
         "points among likely voters.", [("Marquette Law School", "find")]),
        ("The latest Rasmussen Reports poll shows Trump leading Clinton 44 percent to 37 percent.",
         [("The latest Rasmussen Reports poll", "show")]),
        ("A CNN/ORC poll of South Carolina showed Mr. Trump with a 16-point lead over Mr. Cruz.",
         [("A CNN/ORC poll of South Carolina", "show")]),
        ("The police found John Smith with a gun in his car.", []),
        # a release after a plural or capitalised document, "taken" and "filed" too (PolNeAR
        # train)
        ("Exit polls taken in South Carolina found that most Republican voters support a ban.",
         [("Exit polls", "find")]),
        ("Polls released Sunday showed that Clinton took a lead in the presidential race.",
         [("Polls", "show")]),
        ("A court document filed Thursday says that the manager will not be prosecuted.",
         [("A court document", "say")]),
        ("A report from Moscow said that the talks had failed.", [("A report from Moscow", "say")]),
        # only a poll, survey, study or researchers report a finding
        ("Mr. Smith found that the door to the office was locked.", []),
        ("It shows that the situation in the country has changed considerably.", []),
        ("The police found the body was in the river, officials said.",
         [("officials", "say")]),
        ("The popular TV shows were cancelled after the season ended.", []),
    ],
)  # fmt: skip
def test_polls_and_studies_report_what_they_found(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the group": the organisation the sentence before opens with as its subject
        ("Local groups gathered at the site. The Alliance for Peace and Democracy expressed its "
         "determination to fight. “Anyone who tries to obstruct it will fail,” the group said.",
         "Alliance for Peace and Democracy"),
        # not one named elsewhere in a sentence, nor where no organisation is the subject
        ("Police found explosives during the Legislative Council debate. “We will fight on to "
         "the end,” the group said.", "the group"),
        # a title the text gave the group ("The advocacy group Human Rights Watch")
        ("BERLIN — The advocacy group Human Rights Watch sharply criticized the powers on "
         "Tuesday. In addition, the group said the arrests were unlawful and should end.",
         "Human Rights Watch"),
        # "he": the subject of the sentence before, past an opening phrase with "Mr."
        ("President Hamid Karzai backed Mr. Ghani. Asked about the deal brokered by Mr. Kerry, "
         "Aimal Faizi, a "
         "spokesman for Mr. Karzai, refused to confirm the details. “There is no comment from the "
         "palace yet,” he said.", "Aimal Faizi"),
        # a surname two people share: the one the sentence before names in full
        ("Former President Kim Dae-jung began the reunions, and Kim Dae-jung said it was a new "
         "era. The reunions were revived in 2009. Earlier Thursday, Kim Seom-gyeong, 91, arrived "
         "in an ambulance. “Even if I die, I will die in the mountain,” Mr. Kim was quoted as "
         "saying.", "Kim Seom-gyeong"),
        # a school, a campaign or a project is no person's name: its place stays in it, and
        # "he" is no school (chinadaily-nyt; here no one: the man is named in a sentence with a
        # relative clause)
        ("The Wisconsin Democracy Campaign said money is now funneled to both parties.",
         "Wisconsin Democracy Campaign"),
        ("Marc Sternberg, who started his career in Teach for America and founded the Bronx Lab "
         "School, a public school in New York City, does not apologize. “What’s the argument?” "
         "he asked.", None),
    ],
)  # fmt: skip
def test_groups_and_surnames_resolve_to_the_one_the_text_just_named(text, expected):
    assert found(text)["speaker"].to_list()[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one newspapers quote speaks, not the newspapers
        ("Army spokesman Major General Asim Bajwa said 300,000 troops were deployed. “They have "
         "made a plan to counter that,” newspapers quoted him as saying.",
         ("Asim Bajwa", "him")),
        # an adverb that opens the sentence is no subject of a participle
        ("Instead, the government has denied making the recordings, saying it was the work of "
         "a foreign country.", ("the government", "the government")),
        # "the department": the one department the text names
        ("In 2012, the Justice Department argued that huge checks would corrupt politicians. "
         "“Such a regime would be a disaster,” the department wrote.",
         ("Justice Department", "the department")),
        # another person's role before "and" is no title of the name after it
        ("Andrew M. Cuomo said he was glad to visit Israel. A meeting between the governor and "
         "Prime Minister Benjamin Netanyahu was rescheduled. “They are against Israel,” the "
         "governor said.",
         ("Andrew M. Cuomo", "the governor")),
        # the Deputy Head of the Office of the President is no Head of State
        ("President Volodymyr Zelenskyy visited Odesa. Deputy Head of the Office of the President "
         "Kyrylo Tymoshenko said the work had begun. Commenting on the strategy, the Head of "
         "State reminded that the program is aimed at reviving the landmarks.",
         ("Volodymyr Zelenskyy", "the Head of State")),
        # a name in quotation marks inside the speaker's phrase
        ('Right from the beginning, the "Occupy Central" campaign clearly stated that its '
         "intention was to force Beijing to change its position.",
         ('the "Occupy Central" campaign', 'the "Occupy Central" campaign')),
    ],
)  # fmt: skip
def test_objects_quoted_adverbs_departments_and_other_offices(text, expected):
    assert found(text).select("speaker", "speaker_text").rows()[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Whatever the benefits of the war, skeptics argue, they are too meager to justify it.",
         [("skeptics", "argue")]),
        ("Obama did acknowledge that he had very successful meetings with President Xi.",
         [("Obama", "acknowledge")]),
        ("He said the United States shared no intelligence and did not say where it came from.",
         [(None, "say")]),  # "did not say": no report of its own
        ("He hinted that human cordons might be used to surround the government ministries.",
         [(None, "hint")]),
        ("Critics were now warning that the economy would slow down sharply this year.",
         [("Critics", "warn")]),
        ("As Robert Gates put it, any adviser recommending such action should be examined.",
         [("Robert Gates", "put")]),
        ("She put it on the table before the meeting began in the afternoon.", []),
        # the issuer of a document a participle reports on speaks (a union is an organisation:
        # its name without "The", as "European Union said" gives it)
        ("The European Union issued a statement saying the ruling undercut its free image.",
         [("European Union", "say")]),
        ("After the vote, the Council of Institutional Investors wrote a letter to Cablevision "
         "insisting that the three step down.",
         [("Council of Institutional Investors", "insist")]),
        # a participle on a noun or after a preposition is no frame
        ("He uncovered an intelligence report warning that foreign spies were active.", []),
        ("The WSJ article misleads readers by suggesting that all of the protesters joined.",
         []),
        # "insist on" a plan: the plan's relative clause is no report
        ("The city government may insist on a plan for nominating the chief that bars "
         "candidates.", []),
        ("He insisted on Monday that the plan would work out well in the end.",
         [(None, "insist")]),
        # a word in quotation marks before its noun is no quotation with a frame after it
        ('Certain "pan-democrat" legislators have suggested a proposal to abolish the seats.',
         []),
        ('"This shows that Ukraine has not just survived - Ukraine is winning" he said.',
         [(None, "say")]),
        ("Human rights advocates said the sentence reduction was a step in the right direction.",
         [("Human rights advocates", "say")]),
    ],
)  # fmt: skip
def test_participles_progressives_documents_and_scare_quotes(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an article of a law, numbered, speaks as a document
        ("Article 45 of the Basic Law clearly states that candidates must be nominated.",
         [("Article 45 of the Basic Law", "state")]),
        ("They forget what Article 45 of Hong Kong's Basic Law says: “The aim is universal "
         "suffrage.”", [("Article 45 of Hong Kong's Basic Law", "say")]),
        # "As noted in X, “...”": X's, a date in a document's name no matter
        ("As noted in the Hong Kong Bar Association's Oct 28 statement, “the rule of law is at "
         "risk of being broken.”",
         [("the Hong Kong Bar Association's Oct 28 statement", "note")]),
        ("Voting results show that Syriza fell just short of the seats needed to win.",
         [("Voting results", "show")]),
        # an indictment as a speaker
        ("Mr. Menendez, the indictment suggests, was fully aware that the checks were a favor.",
         [("the indictment", "suggest")]),
        # a discourse word in commas before the subject
        ("In Markha, though, Tsetan Dolkar, 34, the owner of a guesthouse, said her village "
         "had tried.", [("Tsetan Dolkar", "say")]),
        ("Analysts, however, say the pipeline will take years to complete.",
         [("Analysts", "say")]),
        # one described by a relation to a person named after is not that person
        ("A spokesman for President Vladimir Putin said that the talks would go on.",
         [("A spokesman for President Vladimir Putin", "say")]),
    ],
)  # fmt: skip
def test_articles_documents_and_asides(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


def test_a_role_after_and_is_another_person_s():
    text = ("His mother, Paula Somers, and his brother, Jordan, released a video. “He is a good "
            "person,” his brother said.")  # fmt: skip
    assert found(text)["speaker"].to_list() == ["his brother"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Afghan and American officials said Sunday that the crises had made it clear. "
         "Though the plan does not account for those differences, officials said, the lessons "
         "were a signal.", "Afghan and American officials"),
        ("Palestinian analysts said the new government got poor grades. “It is a disaster,” "
         "the analysts said.", "Palestinian analysts"),
        # another group, or one named too long before, stays as written
        ("Palestinian analysts gave the new government poor grades. “It is a disaster,” "
         "officials said.", "officials"),
    ],
)  # fmt: skip
def test_a_bare_group_is_the_same_group_named_just_before(text, expected):
    assert found(text)["speaker"].to_list()[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the meantime, according to experts, the reduction in sales should not exceed 20 "
         "percent.", [("experts", "the reduction in sales should not exceed 20 percent")]),
        ("Therefore, according to the ministry, Ukraine needs an agreement on security.",
         [("the ministry", "Ukraine needs an agreement on security")]),
        ("In the second quarter, according to the ministry, a shortfall is expected again.",
         [("the ministry", "a shortfall is expected again")]),
        # a subject before the aside is part of what the source says
        ("The second problem, according to the ministry, is the threat of a famine.",
         [("the ministry", "The second problem, according to the ministry, is the threat of a "
           "famine.")]),
    ],
)  # fmt: skip
def test_according_to_after_an_opening_phrase(text, expected):
    assert found(text).select("speaker", "quote").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-word surname the text addresses, with the given name written before it once
        ("In the 1980s, that is just what Gonzalo García Pelayo did. “I felt the cinema "
         "abandoned me,” Mr. García Pelayo said.", "Gonzalo García Pelayo"),
        # two brothers: the one introduced first, unless the sentence before names the other
        ("Gonzalo García Pelayo made films. His brother, Javier García Pelayo, ran a club. "
         "The films were shown in Vienna. “I felt abandoned,” Mr. García Pelayo said.",
         "Gonzalo García Pelayo"),
        # a country before a title's name is no given name
        ("President of France Emmanuel Macron called. “We talked,” Mr. Emmanuel Macron said.",
         "Emmanuel Macron"),
    ],
)  # fmt: skip
def test_a_two_word_surname_takes_its_given_name(text, expected):
    assert found(text)["speaker"].to_list()[-1] == expected


LONG_TURN = (
    "Vladimir Putin: We are glad to see you in Moscow. The talks went well and our trade grew by "
    "a third this year, which is a good result for both of our countries and our peoples.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "you" in a turn: the speaker of the turn before it
        (LONG_TURN + "Nguyen Xuan Phuc: Thank you. As you rightly said, it is always a great joy "
         "for us to meet.", [("Vladimir Putin", "say")]),
        # the name the turn addresses
        ("Vladimir Putin: Thank you. Mr Zaitsev, I think it was a slip of the tongue when you "
         "said that it is important to know how people live.\n\nYury Zaitsev: Yes.",
         [("Yury Zaitsev", "say")]),
        # a question is no report; nor is "you" outside a transcript
        (LONG_TURN + "Question: What can you say about the talks with the President?", []),
        ("As you rightly said, the talks went well in the end.", []),
        # a turn that hands the floor on is not the one "you" answers
        (LONG_TURN + "Dmitry Peskov: Sky News, please.\n\nDiana Magnay: Thank you. You also say "
         "you have no intention of invading Ukraine.", [("Vladimir Putin", "say")]),
    ],
)  # fmt: skip
def test_you_in_a_transcript_is_the_one_the_turn_answers(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one described, not named, speaks; "he" after is that one, not a name inside the
        # description nor the subject of what "he" reports
        ("In Damascus, an obstetrician who taught Mr. Assad in medical school said he would vote "
         "for him. Mr. Assad, he said, would win a clear majority. Besides, he said, the "
         "monarchies lack standing.",
         ["an obstetrician who taught Mr. Assad in medical school"] * 3),
        ("A woman who lives near the square said she would vote for him.",
         ["A woman who lives near the square"]),
        # a relative clause that goes on past "and" is no subject of the verb after it
        ("The war waged by barbarians who shell the museum and believe that missiles can win.",
         []),
    ],
)  # fmt: skip
def test_one_described_without_a_name_speaks(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Claiming July 1 is the time to "start a revolution", Chan also urged residents to '
         "block the roads.", [("Chan", "claim")]),
        ("Acknowledging that she would need to raise millions of dollars, Ms. Williamson hired "
         "staff.", [("Ms. Williamson", "acknowledge")]),
        # an object, not a clause; a participle that reports nothing
        ("Noting the symbolic significance of the agreement, Mr. Putin thanked his guest.", []),
        ("Speaking at the forum in Sochi, Mr. Putin urged the governors to act.", []),
        # after a subordinator, a pronoun for its subject, a comma inside the closing mark
        # (PolNeAR dev, chinadaily-nyt)
        ("Lea Smith spoke. After saying her right foot was “so swollen I could barely get my "
         "shoe on,” she was whisked off to hospital.", [("Lea Smith", "say")]),
        ("While insisting that choices of international relations were Ukraine’s to make, Mr. "
         "Putin argued that Ukraine would fare better.",
         [("Mr. Putin", "insist"), ("Mr. Putin", "argue")]),
        ("After meeting the minister on Monday, he left for Minsk.", []),
    ],
)  # fmt: skip
def test_a_reporting_participle_that_opens_the_sentence(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a speech's title gives its "I"
        ("Speech by President Volodymyr Zelenskyy at the Verkhovna Rada",
         "Dear friends! I said today in my address that our state does not leave its people.",
         [("Volodymyr Zelenskyy", "say")]),
        ("We will win - address by President Volodymyr Zelenskyy",
         "I stressed that this crisis is artificial and would not exist without the war.",
         [("Volodymyr Zelenskyy", "stress")]),
        # the present is a speech act of the moment, no report
        ("Speech by President Volodymyr Zelenskyy at the Verkhovna Rada",
         "That is why I say that food security is one of the main issues of the year.", []),
        # a title with no name, or no title: "I" stays the text's own voice
        ("Russia is trying to find a weapon - address by the President of Ukraine",
         "I said today in my address that our state does not leave its people.", []),
        (None, "I said today in my address that our state does not leave its people.", []),
    ],
)  # fmt: skip
def test_a_speech_title_gives_its_first_person(title, text, expected):
    corpus = pl.DataFrame({"doc_id": ["d"], "text": [text], "title": [title]})
    assert toolkit.quotes(corpus).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Africanist": one the text has named, described by what they are
        ("Kuruvilla Mathews, an Africanist at the university, has worked there for decades. "
         "“China needs Africa,” he said. The Africanist believes the West has only itself to "
         "blame.", "Kuruvilla Mathews"),
        # a name the text writes inside a sentence is no description
        ("Glenn Greenwald wrote the story, published in The Guardian on Monday. “It was "
         "accurate,” The Guardian said.", "The Guardian"),
    ],
)  # fmt: skip
def test_an_agent_noun_names_the_person_quoted_last(text, expected):
    assert found(text)["speaker"].to_list()[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An association in Spain that has pushed the plaintiffs’ case said the ruling "
         "represented progress.", ["An association in Spain that has pushed the plaintiffs’ case"]),
        # a noun's content, a verb before "that", a clause that goes on: no such subject
        ("The fact that the attacks penetrated only a few miles suggested restraint.", []),
        ("The Head of State noted that during the talks it was agreed that Ukraine would take "
         "part.", ["The Head of State"]),
        ("The list of countries that honestly say that freedom matters is expanding.", []),
    ],
)  # fmt: skip
def test_a_subject_with_a_that_relative_clause(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today, one of the representatives of the Russian state said that the occupiers began "
         "to use lasers.", ["one of the representatives of the Russian state"]),
        ("“We have a challenge,” one of her senior advisers told me.",
         ["one of her senior advisers"]),
        ("One of Ms. Rousseff’s senior aides said Tuesday that tax measures would be enough.",
         ["One of Ms. Rousseff’s senior aides"]),
    ],
)  # fmt: skip
def test_one_of_a_group_speaks(text, expected):
    assert found(text)["speaker"].to_list() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name or a word in quotation marks inside the sentence reads as plain words
        ("Organizers with Avaaz, the groups that coordinated the “Marching Shoes” in Paris, said "
         "they had nothing to do with the clashes.", [("Organizers with Avaaz", "say")]),
        ('Some "pan-democrats" claim the political reform framework is undemocratic.',
         [('Some "pan-democrats"', "claim")]),
        ('The "Occupy" initiators earlier said that they hoped many people would gather.',
         [('The "Occupy" initiators', "say")]),
        # "As the protest goes on, ...": a time, no frame
        ('As the ongoing "Occupy Central" protest in Hong Kong goes on, protesters call for '
         "the withdrawal of the decision.", []),
    ],
)  # fmt: skip
def test_short_quoted_phrases_in_a_reported_sentence(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


def test_mr_president_is_the_one_president_among_the_speakers():
    text = ("President of Russia Vladimir Putin: Good afternoon, colleagues. We will discuss the "
            "budget today and the plans of the regions for the coming years, which matter.\n\n"
            "Dmitry Peskov: This is to remind everyone that it is time to replace your facemasks "
            "and to follow the recommendations of the doctors on this, please, colleagues.\n\n"
            "Anton Ivanov: Mr President, you said that the regions would get more money.")  # fmt: skip
    assert found(text).select("speaker", "verb").rows() == [("Vladimir Putin", "say")]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # an office the text names no one for: the one the title gives that office
        ("Telephone conversation with President of France Emmanuel Macron",
         "The President of France expressed the hope that the conflict would end soon.",
         [("Emmanuel Macron", "express hope")]),
        # ... not an office without the title's modifiers, nor a headline in title case
        ("Telephone conversation with President of France Emmanuel Macron",
         "The President said that the conflict would end soon.", [("The President", "say")]),
        ("Myanmar President Backs Change", "Myanmar’s president said that the change would come.",
         [("Myanmar’s president", "say")]),
    ],
)  # fmt: skip
def test_an_office_is_the_one_the_title_names(title, text, expected):
    corpus = pl.DataFrame({"doc_id": ["d"], "text": [text], "title": [title]})
    assert toolkit.quotes(corpus).select("speaker", "verb").rows() == expected


def test_a_title_of_another_type_is_read_as_text():
    corpus = pl.DataFrame({"doc_id": ["d"], "text": ["“We will win,” he said."], "title": [3]})
    assert toolkit.quotes(corpus).height == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time phrase between a subject and its verb is no part of the subject
        ("The ministry on Monday said that the talks would go on.", [("The ministry", "say")]),
        ("Officials last week said the talks would go on as planned.", [("Officials", "say")]),
        ("A study last year found that nearly half of hyperlinks in opinions no longer work.",
         [("A study", "find")]),
        # "the police force" is the force the text names
        ("The Hong Kong Police Force won praise. The police force on Monday acknowledged that "
         "some protesters may try to disrupt the festivities.",
         [("Hong Kong Police Force", "acknowledge")]),
        # "the official" after "A law enforcement official said": the one so introduced
        ("A law enforcement official said the men were arrested on Tuesday night. “This was "
         "sparked when two men began arguing on Bedford Avenue,” the official said.",
         [("A law enforcement official", "say"), ("A law enforcement official", "say")]),
        ("A front-page commentary article in People's Daily said achieving universal suffrage "
         "in the 2017 Chief Executive election went way beyond democratic development. It has "
         "become a vital issue concerning social stability, the article stressed.",
         [("A front-page commentary article in People's Daily", "say"),
          ("A front-page commentary article in People's Daily", "stress")]),
        # ... not where a name was resolved for that head since, nor with another modifier
        ("A senior official said the men were arrested. Later Michael Chen, a police official, "
         "said they were freed. “We did not know,” the official said.",
         [("A senior official", "say"), ("Michael Chen", "say"), ("Michael Chen", "say")]),
        ("A senior official said the men were arrested on Tuesday night. “We had no choice,” "
         "the police official said.", [("A senior official", "say"), ("the police official", "say")]),
        # a speech-act noun and its speaker after "by" or "from"
        ("He said the new body would counteract claims by Russia and Iran that the opposition "
         "was too scattered to uphold an agreement.",
         [(None, "say"), ("Russia and Iran", "claim")]),
        ("It is reassuring to recall repeated statements by central government officials that "
         "no matter what the outcome of electoral reform, the city will prosper.",
         [("central government officials", "state")]),
        ('He recalled statements by central government officials that the "One Country, Two '
         'Systems" policy will not change.', [("central government officials", "state")]),
        ("Ukraine has received assurances from allies that they remain on our side, said "
         "President Volodymyr Zelenskyy.",
         [("Volodymyr Zelenskyy", "say"), ("allies", "assure")]),
        # ... not a relative clause on the noun
        ("It cited a statement from Nigeria’s Defense Headquarters that was sent to reporters "
         "from the country’s capital.", []),
        ("He answered the comments by asking those who have alleged that Chinese are racists.", []),
        # a clause's subject of up to seven words before its auxiliary
        ("The analyst Ma Ngok believes getting people to abandon their protests will hinge on "
         "difficult choices.", [("Ma Ngok", "believe")]),
        ("Yemeni officials doubt anyone still considered a real threat will be released soon.",
         [("Yemeni officials", "doubt")]),
        # "think that" of others; a court's or a ruling's finding; "too many": a hedge, no part
        # of who speaks (set 35)
        ("Too many people in the West think that anything other than formal democracy cannot "
         "be democracy.", [("many people in the West", "think")]),
        ("Vladimir Putin: I think that we will do it together.", []),
        ("The court found that the scheme was conceived by the general secretary of the city.",
         [("The court", "find")]),
        ("The police found that the door had been forced open.", []),
        # "As X observed its ...": an object, no "as" frame
        ("As France observed its second of three days of national mourning, the authorities "
         "raced to track down suspects.", []),
        ("As Iryna Vereshchuk said at the briefing, all obstacles must be removed quickly.",
         [("Iryna Vereshchuk", "say")]),
        # a relative clause that reports: its subject said the rest of the clause
        ("Candidates are turning to tales amid what political operatives say is voter anger "
         "at out-of-control spending.", [("political operatives", "say")]),
        ("The talks come alongside a cease-fire that the United Nations hopes will cover much "
         "of the country.", [("the United Nations", "hope")]),
        ("The bill is a measure that critics say would disenfranchise Arab citizens.",
         [("critics", "say")]),
        ("What he actually said escaped me.", []),
        # ... beside two reports of one subject, each kept
        ("Vladimir Putin noted that they were fighting for their land and expressed confidence "
         "that victory would be theirs.",
         [("Vladimir Putin", "note"), ("Vladimir Putin", "express confidence")]),
        # friends as a source; a described source with a relative clause; a plan is a rule
        ("According to friends, the two did not attend the poetry reading.",
         [("friends", "according to")]),
        ("Extremists killed 150 soldiers this week, according to a Syrian monitoring group that "
         "has been chronicling casualties.",
         [("a Syrian monitoring group that has been chronicling casualties", "according to")]),
        ("We will be acting calmly, according to the initial plan of the General Headquarters.",
         []),
        ("The deal adds debt, according to the Committee for a Responsible Budget, a "
         "nonpartisan group.", [("Committee for a Responsible Budget", "according to")]),
        # "states" the noun after an adjective of place
        ("After Ukraine it will try to bring this to Moldova, the Baltic states, Kazakhstan and "
         "all other countries it can reach.", []),
        ("Next is your state, other Baltic states, Moldova, Georgia, Poland, Central Asian "
         "states.", []),
        ("The CSTO states that it will act.", [("The CSTO", "state")]),
        # an institution's name is no person a pronoun names
        ("Cases such as this make a mechanism imperative, said Zhu Lijia, professor in public "
         "policy at the Chinese Academy of Governance. The role of People's Congresses must be "
         "strengthened, he added.", [("Zhu Lijia", "say"), ("Zhu Lijia", "add")]),
        # whose opinion, view or words a sentence gives
        ("Volodymyr Zelenskyy met business people. Also, in his opinion, it is inadmissible "
         "for oligarchs to finance protests.", [("Volodymyr Zelenskyy", "in opinion")]),
        ("In the opinion of Lau Siu-kai, the movement was the biggest political conflict.",
         [("Lau Siu-kai", "in opinion")]),
        ("In his opinion, the proposal is the best possible model.", [(None, "in opinion")]),
        ("In the opinion of the court, the proposal is lawful.", [("the court", "in opinion")]),
        # "as X said" with a long phrase after the verb
        ("Vladimir Putin: Colleagues, good afternoon. And, as I emphasised at a recent "
         "international conference on artificial intelligence, it is essential to determine a "
         "correct model.", [("Vladimir Putin", "emphasise")]),
        # a surname in "-ing" right before the verb; a time adverb with no comma before the
        # subject; "according to X, a role, a kind"
        ("“Every week, there’s some message we want to stress to the whole team,” Manning "
         "said.", [("Manning", "say")]),
        ("Recently the chief executive of Apple, Tim Cook, said governments that want data "
         "should deal with the users.", [("Tim Cook", "say")]),
        ("On Monday the federal prosecutor’s office, which took over the case, said that the "
         "accused wanted to send a signal.", [("the federal prosecutor’s office", "say")]),
        ("Mr. Mediene amassed power through blackmail, according to Geoff D. Porter, the founder "
         "of North Africa Risk Consulting, a security firm.", [("Geoff D. Porter", "according to")]),
        ("Speaking to reporters, Mr. Lee said the talks went well.", [("Mr. Lee", "say")]),
        # an inverted speaker before a second verb, a relative clause or as an age
        ('"Gas will be supplied, there can be no interruptions," said Denys Shmyhal and '
         "assured that the government fulfills the conditions.", [("Denys Shmyhal", "say")]),
        ("He met Jakarta-based American executives. “Half of them wanted to vote for him,” "
         "said one American who attended.", [("one American who attended", "say")]),
        ("“We can tolerate the blockade,” said a person who is involved in the government’s "
         "decisions. “This is a revival,” said the person.",
         [("a person who is involved in the government’s decisions", "say"),
          ("a person who is involved in the government’s decisions", "say")]),
        ("Those with knowledge of the negotiations said the legislation would require it.",
         [("Those with knowledge of the negotiations", "say")]),
        ("Truthiness, the brief explained, is a characteristic of a statement made from the gut.",
         [("the brief", "explain")]),
        ("“I thank the voters,” said the right’s candidate in the north, Xavier Bertrand, who "
         "beat Ms. Le Pen.", [("Xavier Bertrand", "say")]),
        ("“We’re furious about our leaders,” said Adão Clóvis Martins dos Santos, a sociologist.",
         [("Adão Clóvis Martins dos Santos", "say")]),
        ("“Those changes are not only about house renovation,” said the 75-year-old, who has "
         "lived in the area for 25 years.", [("the 75-year-old", "say")]),
        # a clause with a pronoun subject after a verb that otherwise needs "that"
        ("Institutional Shareholder Services noted there was a disconnect between performance "
         "and pay.", [("Institutional Shareholder Services", "note")]),
        ("The minister noted the increased attention the ministry has paid to schools.", []),
        # a bare head word that the clause's subject takes whole; an office keeps its holder
        ("Algeria’s largest Islamist political party said that it will boycott the election.",
         [("Algeria’s largest Islamist political party", "say")]),
        ("Neither side said that the talks had failed.", [("Neither side", "say")]),
        ("Mariano Rajoy said on Monday that the talks were over. Mr. Rajoy fought to prevent a "
         "Catalan vote that he claimed would violate the Constitution.",
         [("Mariano Rajoy", "say"), ("Mariano Rajoy", "claim")]),
        # lawyers, attorneys and aides speak; "think" with a bare clause, not after a modal
        # nor in "think tank"
        ("In addition, according to the US attorney, it is important to introduce sanctions.",
         [("the US attorney", "according to")]),
        ("In between the crises, aides say, she is trying to spend time with her family.",
         [("aides", "say")]),
        ("Many analysts think the deal will collapse.", [("Many analysts", "think")]),
        ("I hope that students and activists will think seriously about what their actions may "
         "bring.", []),
        ("Unlike Western-African think tank exchanges, China-African think tank exchanges are "
         "often temporary.", []),
        # "Some of them" is a share; "while others said"; a pronoun and its verb after "said"
        ("Some of them said they are managing on their own, while others said they need our "
         "assistance.", [("Some of them", "say"), ("others", "say")]),
        ("O Estado de Maranhão reported it. Some in Maranhão doubt that the Sarney family will "
         "sit back.", [("Some in Maranhão", "doubt")]),
        # "his critics" are the critics of the one "his" names; the First Lady is an office
        ("Prime Minister Tayyip Erdogan said on Monday that the inquiry was a plot. But his "
         "response, his critics say, has betrayed authoritarian tendencies.",
         [("Tayyip Erdogan", "say"), ("Tayyip Erdogan's critics", "say")]),
        ("First Lady Olena Zelenska visited the school. The First Lady said that the tradition "
         "brings a New Year's mood.", [("Olena Zelenska", "say")]),
        # "said it wants", "said this choice makes": a clause, not an object
        ("Syriza has said it wants to renegotiate two bailouts.", [("Syriza", "say")]),
        ("Mr. Kent said this choice makes thematic sense for the play.", [("Mr. Kent", "say")]),
        ("He said it in public on the first day.", []),
        # a participle's subject in commas before it, or after ", with"; not a clause's
        ("The government, arguing that another term was legal, moved quickly to stifle dissent.",
         [("The government", "argue")]),
        ("Large protests erupted, with demonstrators contending that a third term would violate "
         "the constitution.", [("demonstrators", "contend")]),
        # (a participle after the clause is its subject's where the last verb is that
        # subject's: PolNeAR's annotators credit the group; it gave nothing before session 39)
        ("But the group changed course on Sunday, declaring that the occupation would be the "
         "base of protests.", [("the group", "declare")]),
        ("Some remain skeptical of the new zones, arguing that they have suspect legal systems.",
         []),
        # "first" is no subject
        ("Hossam Yaacoub said on Monday that he was innocent. During interrogation, he first "
         "insisted that he was a trader.", [("Hossam Yaacoub", "say"), ("Hossam Yaacoub", "insist")]),
        # an institution's name with "and" inside; a role after a possessive name, then the
        # name in commas; an inverted speaker before a far stop; a participle opens no name
        ('"We will send a small contingent there," said the Secretary of the National Security '
         "and Defense Council.",
         [("the Secretary of the National Security and Defense Council", "say")]),
        ("Minister of Defense Sergei Shoigu and Foreign Minister Sergei Lavrov said the talks "
         "would go on.", [("Sergei Lavrov", "say")]),
        ("“We can’t sit by and let the board make a mockery of our right,” said New York City’s "
         "comptroller, John Liu, who oversees the city’s pension funds.", [("John Liu", "say")]),
        ('"The Slovak people fully support Ukraine in the struggle for our common freedom and '
         'values," said the Ukrainian Head of State during a meeting with members of the Slovak '
         "delegation in Kyiv.", [("the Ukrainian Head of State", "say")]),
        ("Greeting Zuzana Caputova in Kyiv, the President stressed that Slovakia had supported "
         "Ukraine.", [("the President", "stress")]),
        # a one-word adverb or a longer phrase opens the sentence before its subject
        ("Meanwhile, archaeologists said they had found three vaulted chambers.",
         [("archaeologists", "say")]),
        ("Last fall, archaeologists said they had found three vaulted chambers.",
         [("archaeologists", "say")]),
        ("Of course, some in Hong Kong have argued that their city is different.",
         [("some in Hong Kong", "argue")]),
        ("Kelly, the chief of staff, said the plan would fail.", [("Kelly", "say")]),
        # a final frame with a participle after it
        ("Nelson Mandela has been readmitted to a hospital, the presidency said on Thursday, "
         "urging people to pray for him.", [("the presidency", "say")]),
        # "And he said" opens with its conjunction; a role for an institution after "according
        # to"; a relative clause that reports with "who" or none; "this" and a noun phrase
        ("Mr. Obama met the king on Monday. And he said President Bashar al-Assad of Syria is so "
         "provincial that he once asked about jet lag.", [("Mr. Obama", "say")]),
        ("He graduated in 2008 with a degree, according to a spokesman for the college.",
         [("a spokesman for the college", "according to")]),
        ("It has been reluctant to use force against the demonstrators, who the government says "
         "are backed by powerful forces.", [("the government", "say")]),
        ("She said this unusually murky situation required the Fed to consider a broad range of "
         "indicators.", [(None, "say")]),
        ("Omidyar also founded the Democracy Fund to support entrepreneurs, according to its "
         "website.", [("its website", "according to")]),
        ("China had called for a cease-fire, according to Xinhua, China’s state news agency.",
         [("Xinhua", "according to")]),
        ("Lawmakers should muster the courage, according to Ko Po-ling, vice-chairman of Yau "
         "Tsim Mong District Council.", [("Ko Po-ling", "according to")]),
        ("A judge must be appointed, according to the initial plan of the General Headquarters.",
         []),
        ("“I suspect people will be camping out,” said a critic from The Telegraph.",
         [("a critic from The Telegraph", "say")]),
        ("Mr. Bevilacqua told the authorities he had the e-mails because he was hired by a lawyer.",
         [("Mr. Bevilacqua", "tell")]),
        ("He told them to leave the building at once.", []),
        # a colon frame after a longer adjunct; a role and a name with a military title in
        # commas; "Third," as an opening; sources followed by where they come from
        ('Zeid Hussein said in a statement from his office in Geneva: "I am deeply concerned at '
         'the number of young people."', [("Zeid Hussein", "say")]),
        ("“I don’t want to describe it as an invasion,” a spokesman for the military, Col. "
         "Winthai Suvaree, said by telephone.", [("Winthai Suvaree", "say")]),
        ("Third, Lee Kuan Yew stressed Hong Kong should eliminate the negative effects.",
         [("Lee Kuan Yew", "stress")]),
        ("In fact, 62 percent of Spaniards want a referendum, according to an opinion poll "
         "published last Sunday by the newspaper El País.",
         [("an opinion poll published last Sunday by the newspaper El País", "according to")]),
        ("Many analysts said it gave too much power to the government.",
         [("Many analysts", "say")]),
        # an irregular past after "it" opens a clause too; the finding inside is the
        # department's, no row of its own (PolNeAR train)
        ("The State Department said it found no evidence that the document was ever sent.",
         [("State Department", "say")]),
        ("The company said it won the contract in May.", [("The company", "say")]),
        # an intensifying pronoun after the subject; a past participle's opening phrase
        ("Cruz himself said the only way to win is to ask.", [("Cruz", "say")]),
        # the verb first, then the speaker, before the quotation (PolNeAR dev and train); the
        # verb is no given name of the speaker's
        # "states" after a region's word is the noun, no verb of "the Gulf" (chinadaily-nyt)
        ("The Gulf states “pledged to deepen our cooperation with the opposition.”", []),
        ("Mr. Hagel said that the Gulf states “pledged to deepen our cooperation” and agreed "
         "that assistance should be “complementary.”", [("Mr. Hagel", "say"), ("Mr. Hagel", "agree")]),
        # a participle after a frame whose verb is an irregular past ("wrote, adding that")
        ("Judge Colleen McMahon ruled. “The pronouncement is not lost on me,” Judge McMahon "
         "wrote, adding that she was operating in a legal environment.",
         [("Colleen McMahon", "write"), ("Colleen McMahon", "add")]),
        # a relative clause's speaker after "who's" ("who has")
        ("The effort was championed by Curly Haugland, who’s argued for years that delegates "
         "can’t be bound.", [("Curly Haugland", "argue")]),
        ("Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”",
         [("Ellis", "say")]),
        ("Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud "
         "of him.”", [("Dorothy Poynter", "say")]),
        # a participle after a clause whose last verb has no speaker for its subject: the
        # first clause's subject, past a time after it (PolNeAR train)
        ("Mrs. Warren praised Mrs. Clinton's advocacy for families and children, saying she "
         "had a good heart.", [("Mrs. Warren", "say")]),
        ("Corey Lewandowski rejected the idea that the developer would be a drag on the "
         "ticket, saying the crowds prove him wrong.", [("Corey Lewandowski", "say")]),
        ("Donald Trump on Thursday ratcheted up his attacks on Rubio, saying he is weak on "
         "immigration.", [("Donald Trump", "say")]),
        ("Some candidates have called for ground forces in Syria, saying airstrikes have been "
         "inadequate.", [("Some candidates", "say")]),
        # an inverted frame's name with a possessive appositive (PolNeAR train)
        ("The Internet has facilitated the spread of such misinformation, said Angie Holan, "
         "Politifact's editor.", [("Angie Holan", "say")]),
        # a list of speakers is the subject whole, not its last item; not an opening adverb or
        # a list of places before another subject
        ("Putin, Lukashenko and Tokayev said the union would grow stronger.",
         [("Putin, Lukashenko and Tokayev", "say")]),
        ("Analysts, diplomats and officials say that the talks failed.",
         [("Analysts, diplomats and officials", "say")]),
        ("Privately, Democratic senators and aides complain that the tone is counterproductive.",
         [("Democratic senators and aides", "complain")]),
        ("In Minsk, Moscow and Kyiv, officials said the union would grow stronger.",
         [("officials", "say")]),
        # a participle's quotation after an inverted frame is the frame's speaker's, with
        # "that" or a comma before it
        ("“We are ready,” said Dmitry Peskov, adding that “the talks will go on.”",
         [("Dmitry Peskov", "say"), ("Dmitry Peskov", "add")]),
        ("“We are ready,” said the Kremlin spokesman, adding, “The talks will go on.”",
         [("the Kremlin spokesman", "say"), ("the Kremlin spokesman", "add")]),
        # "did" as a first verb before the joined one; a past participle's phrase in commas
        # after the subject; whom one told, named at length (PolNeAR train)
        ("Clinton did not mention Trump by name, but told city leaders that the country should "
         "be governed by those who put the people first.", [("Clinton", "tell")]),
        ("Sullivan, struck by her story, told her she clearly did not need any talking points.",
         [("Sullivan", "tell")]),
        ("Former UN Ambassador John Bolton told Breitbart News Daily SiriusXM host Matt Boyle, "
         "“Hillary’s campaign slogan is a joke.”", [("John Bolton", "tell")]),
        ("Lavrov told the mayors who gathered in the city of Indianapolis, “No one should be "
         "confused.”", [("Lavrov", "tell")]),
        # not a finite verb with "to" (the participle is the subject's), nor a subject of ten
        # words with "and" after "said"
        ("Liu Xiangyang, the man behind Ju Yi International, declined to be interviewed, saying "
         "he would do so only if given a veto.", [("Liu Xiangyang", "say")]),
        ("Marketing experts said the comments from Mr. Dolce and Mr. Gabbana would be perceived "
         "as alienating.", [("Marketing experts", "say")]),
        # where it was said, after the subject, is no part of it
        ("Carson proposed an agency, while Jeb Bush in a Medium post said the plan was weak.",
         [("Jeb Bush", "say")]),
        # a colon closes what came before the verb's subject (PolNeAR train)
        ("There is less consensus on terrorism: 47% say the United States should commit "
         "troops.", [("47%", "say")]),
        # (not before a headline's label after a colon, nor "it" after a subject no list names)
        ("Tweet gone wrong: Outrage over AP post saying plane with bodies lands in Eindhoven",
         []),
        ("Tennessee restaurant threatened with arson over false claim it donated food to a "
         "rally", []),
        # the first clause's subject after an opening phrase
        ("Since entering Parliament two years ago, Aung San Suu Kyi has been reluctant to speak "
         "out about abuses, saying both sides were responsible for killings.",
         [("Aung San Suu Kyi", "say")]),
        # nor after an opening subordinate clause, nor one who cannot speak
        ("As the police handcuffed them and led them away, a crowd pressed in, chanting that "
         "they must go free.", []),
        ("The storm hit the coast on Friday, showing that the defences were too weak.", []),
        # not the first clause's subject across "while": the joined verb is another's
        ("Louisiana Gov. Bobby Jindal on Monday signed an order, while Mike Huckabee, the "
         "former governor, proposed a ban and said the speaker should resign.", []),
        # a middle initial is no stop in a bare clause after a subject no list names
        ("Current and former officials said the conviction of David H. Petraeus is casting a "
         "shadow over the inquiry.", [("Current and former officials", "say")]),
        # a pronoun's contracted helper: "is" before "-ing", else "has" or "had" (PolNeAR)
        ("Donald Trump spoke. He’s claiming that voting fraud is a big problem.",
         [("Donald Trump", "claim")]),
        ("Donald Trump spoke. He’s said he gets his ideas from a novel.",
         [("Donald Trump", "say")]),
        ("Hillary Clinton spoke. She’d said that the plan would fail.",
         [("Hillary Clinton", "say")]),
        # a first verb no "-ed" shows before the reporting one joined to it; after a copula,
        # only a person's name (PolNeAR train)
        ("Sullivan put off deciding whether Judicial Watch could question Clinton but said the "
         "group could come back later.", [("Sullivan", "say")]),
        ("By the end of the day, Mr. Trump was forced into a rare moment of damage control and "
         "said that his words had been misconstrued.", [("Mr. Trump", "say")]),
        ("Rome was not built in a day and this author understands that the administration needs "
         "time and believes that the economy is key.", []),
        ("Mr. Obama, whose first campaign was built on opposition to the war, praised Mr. Bush "
         "and said his predecessor fought for his country.", [("Mr. Obama", "say")]),
        # a participle after a quotation's frame: the frame's speaker adds
        ("“We are ready,” Dmitry Peskov said, adding that the talks would go on for a week.",
         [("Dmitry Peskov", "say"), ("Dmitry Peskov", "add")]),
        # an aside of where or when after a name, in commas, a place's comma inside
        ("Clinton, during a town hall meeting in Columbus, Ohio, said she was going to put coal "
         "miners out of business.", [("Clinton", "say")]),
        ("Priebus, in the wake of a new poll showing Trump down to 14 percent, told Fox News on "
         "Sunday that Trump appreciates the need to do better.", [("Priebus", "tell")]),
        # whom one told, named in capitals, before "that" or before a clause in commas
        ("A producer told The New York Times Tuesday morning that Trump canceled an interview.",
         [("A producer", "tell")]),
        ("Instead, Trump told CNN, his policy would merely be to go after them.",
         [("Trump", "tell")]),
        # (a plural noun before the participle's comma is no verb)
        ("Barack Obama took note of these grievances, saying the United States was rethinking "
         "its surveillance.", [("Barack Obama", "say")]),
        ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that "
         "he spoke with Mr. Sanders.", [("Harry Reid", "say")]),
        # (a name that ends as a participle does, before a lower-case particle, is no opening)
        ("“This is the final battle,” Ahmed el-Erainy, 42, a business consultant, said.",
         [("Ahmed el-Erainy", "say")]),
        ("“Key wouldn’t recognize what we sing today,” said the musicologist Mark Clague in a "
         "joint Skype interview with Mr. Hampson.", [("Mark Clague", "say")]),
        ("Three seminars, held by the committee, concluded in Shenzhen on Thursday.", []),
        ("Senators struggled to overcome obstacles that several people familiar with the "
         "negotiations said could hinder a deal.",
         [("several people familiar with the negotiations", "say")]),
        # names and sentences that open with a Latin Extended-A capital; a Slavic surname's
        # feminine ending gives "she" and "he" their people
        ("“We will stand with Ukraine,” said Maroš Šefčovič, the commission's vice president.",
         [("Maroš Šefčovič", "say")]),
        ("Volodymyr Zelenskyy met President of Slovakia Zuzana Čaputová. Greeting Zuzana "
         "Čaputová in Kyiv, he stressed that Slovakia had supported Ukraine. Čaputová said that "
         "Slovakia would help.",
         [("Volodymyr Zelenskyy", "stress"), ("Zuzana Čaputová", "say")]),
        # "he" after a speaker the text calls by a noun ("the king") is that one: the king it
        # named (a monarch with the title, set 35)
        ("President Barack Obama met King Abdullah. “Prime Minister Recep Tayyip Erdogan of "
         "Turkey is an authoritarian,” the king said. And he said President Bashar al-Assad is "
         "so provincial that he asked about jet lag.",
         [("King Abdullah", "say"), ("King Abdullah", "say")]),
        # a condition is no report
        ("If the occupiers think that Lyman will be theirs, they are wrong.", []),
        # data a text relies on (not estimates: set 2)
        ("According to the most recent data, a little over 1,000 citizens are dying every day.",
         [("the most recent data", "according to")]),
        # session 42: a time of day after the day, a year or a month between subject and verb
        ("RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
         [("Sean Spicer", "say")]),
        ("Mexico kept its cool, though an arbitration panel in 2001 found the United States was "
         "in breach of the agreement.", [("an arbitration panel", "find")]),
        ("Officials in Marseille said the port was closed.", [("Officials in Marseille", "say")]),
        # a subordinate clause's subject after a comma, and one with its apposition
        ("The operation was outmatched, even though a number of attendees said they supported "
         "him.", [("a number of attendees", "say")]),
        ("When the F.B.I. director, James B. Comey, said on Tuesday that his investigators had no "
         "direct evidence, experts understood.", [("James B. Comey", "say")]),
        ("Before the convention, Cleveland Police Chief Calvin Williams lobbied to suspend "
         'open-carry rights, saying, "The fewer guns, the better."', [("Calvin Williams", "say")]),
        ("European countries have begun to understand NATO's existence, as some European "
         "high-ranking officials have said.",
         [("some European high-ranking officials", "say")]),
        # a participle's object is no speaker; "speaking ..." is no part of the speaker
        ("A lawyer representing the family said, “The agents are investigating.”",
         [("A lawyer representing the family", "say")]),
        ("Another intelligence source speaking to Fox News said, “The agents are investigating.”",
         [("Another intelligence source", "say")]),
        # (a report by someone is theirs: the owner, not the last word)
        ("A recent report by a United Nations working group warned that Tunisians were leaving.",
         [("United Nations working group", "warn")]),
        ("Polk County GOP Chairman Will Rogers, for example, said the visit would earn the "
         "Republican media attention.", [("Will Rogers", "say")]),
        # a reporting verb joined by "and" or "but" to the clause's first verb, before a quotation
        ('Trump called on her to resign from her post and said, "Her mind is shot!"',
         [("Trump", "say")]),
        # ... after an adverb (PolNeAR dev)
        ('Trump called on her to resign and repeatedly said, "Her mind is shot!"',
         [("Trump", "say")]),
        # ... with whom it tells before the quotation, after a verb of telling only (PolNeAR
        # train, chinadaily-nyt)
        ("Carson did not mention any of his opponents by name, but told his supporters, “our "
         "nation is in horrible trouble.”", [("Carson", "tell")]),
        ("Beate Zschäpe walked into a police station and told officers, “I’m the one you are "
         "looking for.”", [("Beate Zschäpe", "tell")]),
        ("The police arrived and closed the road, “for safety.”", []),
        ("At a news conference in Brussels, Mohamed said he did not know Salah’s whereabouts and "
         "added, “My parents are under shock.”", [("Mohamed", "say"), ("Mohamed", "add")]),
        ("Mr. Khatami larded his speech with references to philosophers like Hegel and Weber, and "
         "said, “Democratic norms are not identical packaged-goods.”", [("Mr. Khatami", "say")]),
        ("Elections were broached, a senior administration official said, but added, “We are not "
         "pushing it.”", [("a senior administration official", "say")]),
        # a participle of telling with whom it tells, before a quotation (PolNeAR train,
        # chinadaily-nyt); "Back in 1999," opens the sentence, no one speaks it
        ("Back in 1999, Mr. Trump expressed admiration for Mr. Clinton's political skills, "
         'telling CNBC: "I wish I could be like that."', [("Mr. Trump", "tell")]),
        ("Last month, he slipped up for a moment, telling reporters in Nevada, “I am running for "
         "president in 2016.”", [(None, "tell")]),
        # "the president": the one quoted last, whom the text names by title and surname only,
        # over another president it names in full (chinadaily-nyt: 9 rows)
        ("President Obama called for calm. He met President Macky Sall of Senegal. “It is "
         "routine,” Mr. Obama said. “I will not scramble jets,” the president said.",
         [("President Obama", "say"), ("President Obama", "say")]),
        # (the one named in full where the text gives the president's full name)
        ("President Barack Obama called for calm. He met President Macky Sall of Senegal. “It "
         "is routine,” Mr. Obama said. “I will not scramble jets,” the president said.",
         [("Barack Obama", "say"), ("Barack Obama", "say")]),
        # ... or named over twice as often as the other president (chinadaily-nyt: "the
        # president" had been Uhuru Kenyatta, Haider al-Abadi, Anwar Ibrahim in Obama's visits)
        ("President Obama arrived in Nairobi. Mr. Obama spoke at the palace. Mr. Obama smiled. "
         "President Uhuru Kenyatta met him. Indeed, the president acknowledged that some were "
         "strangers.", [("President Obama", "acknowledge")]),
        # (not where the title and surname are the other's own: "General Gutiérrez" is "General
        # Jesús Gutiérrez Rebollo")
        ("General Jesús Gutiérrez Rebollo was arrested in 1997. General Gutiérrez denied it. His "
         "sons visited General Gutiérrez. “They haven’t left us with much,” the general said.",
         [("Gutiérrez Rebollo", "say")]),
        # a pronoun's person the text names by address or title and surname only, never in full
        # ("President Obama ... Mr. Obama", "Ms. Lu"; chinadaily-nyt: 125 rows, 97 of them
        # Obama's), not one it names in full ("Kenneth Gross ... Mr. Gross")
        ("President Obama arrived in Nairobi on Friday. Mr. Obama defended his decision to "
         "come. “We don’t improve cooperation by ignoring them,” he said.",
         [("President Obama", "say")]),
        ("Ms. Lu met Mr. Wang at the station. “It was a long trip,” she said.",
         [("Ms. Lu", "say")]),
        ("Kenneth Gross, a lawyer, spoke. Mr. Gross said the issues matter. “It is uncharted,” "
         "he said.", [("Kenneth Gross", "say"), ("Kenneth Gross", "say")]),
        # a person whom a kin noun right before the name or an appositive of one of a group by
        # role makes one (chinadaily-nyt: Janis Page, Wang Bo, Stoyan Dodnikov); not a body
        ("Teruggi’s younger sister, Janis Page, is an assistant professor of journalism. In "
         "2007, she visited Santiago. But she said she was happy that others can visit.",
         [("Janis Page", "say")]),
        ("Wang Bo, one of Yenching’s associate deans, sought to compare the debate to China’s "
         "own struggle. If allowed to flourish, he said, Yenching will become a bridge.",
         [("Wang Bo", "say")]),
        ("Acme Lee, one of the largest banks in the city, cut its rates. “Rates will fall,” he "
         "said.", [(None, "say")]),
        # "one official", "a spokesman": someone not named before (chinadaily-nyt: 42 rows had
        # been given a name, most wrongly), but for the name its appositive follows
        ("“The report is inaccurate,” said the official, Jed Ober, director of programs. Many "
         "operations here are “basically skeleton agencies now,” one official said.",
         [("Jed Ober", "say"), ("one official", "say")]),
        ("His wife, Francis Bosch, an unemployed teacher, who is from the working class area of "
         "Catia, said: “The idea is to make people think.”", [("Francis Bosch", "say")]),
        # "Mrs. Clinton" is the Clinton of a woman's given name, not Bill Clinton named after
        # Hillary; a "she" is no one addressed "Mr." (chinadaily-nyt: Hillary Clinton, Ron
        # Dermer, Lyudmila Putin, Jane Sanders, Xu Yan)
        ("Hillary Rodham Clinton spoke. Bill Clinton was there. Mr. Emanuel asked about Mrs. "
         "Clinton’s mother, Dorothy Rodham. Mrs. Clinton talked about her mother’s hardships. "
         "“Chicago is at the real core of my family,” she said.",
         [("Hillary Rodham Clinton", "say")]),
        ("Bernie Sanders spoke. His wife, Jane Sanders, was proud. Yet when asked why Mr. Sanders "
         "was attracting so many people, she added: “Because if not now, when?”",
         [("Jane Sanders", "add")]),
        # "Mr. Obama" is no woman the text names in full with his surname and calls a woman
        # ("his half sister, Auma Obama"; chinadaily-nyt: 31 rows of Obama's Kenya and India
        # trips had been Joseph P. Clancy, Narendra Modi or none); a given name proves nothing
        ("President Obama arrived in Nairobi. He was greeted by his half sister, Auma Obama. "
         "Mr. Obama tried a few words of Swahili. “That was the first time that my name meant "
         "something,” he said.", [("President Obama", "say")]),
        ("Senator Lindsey Graham spoke in Cairo. Mr. Graham said the ties were strong. “The "
         "foundation is solid,” he said.", [("Lindsey Graham", "say"), ("Lindsey Graham", "say")]),
        # a month is a surname after a given name, and alone where the text names its bearer
        # (chinadaily-nyt: "The Home Secretary, Theresa May, said"; "Professor May ... he said")
        ("Prime Minister Theresa May said Britain would leave. Later, Mrs. May said the deal "
         "was dead. “We go,” May said.",
         [("Theresa May", "say"), ("Theresa May", "say"), ("Theresa May", "say")]),
        ("The Home Secretary, Theresa May, said she would consider the findings.",
         [("Theresa May", "say")]),
        ("Gary May, a professor at the University of Delaware, said the rhetoric was unsurprising."
         " Professor May said that some audience members hissed. “On balance, the film is a "
         "positive force,” he said.", [("Gary May", "say"), ("Gary May", "say"),
                                      ("Gary May", "say")]),
        ("In May the minister said it would rain.", [("the minister", "say")]),
        # two given names before a surname of two words are the name's (chinadaily-nyt: "Ms.
        # Silva" is Marina Silva, not "Lula da Silva", whom the given name "Lula" made a woman)
        ("When Dilma Rousseff and Marina Silva were both cabinet ministers, Ms. Rousseff was the "
         "heir to President Luiz Inácio Lula da Silva. “Servants always remember the life of their"
         " masters,” Ms. Silva said.", [("Marina Silva", "say")]),
        ("President Andrés Manuel López Obrador spoke. “We will win,” Mr. López Obrador said.",
         [("Andrés Manuel López Obrador", "say")]),
        ("The ambassador of India Harsh Kumar Jain said relations were good.",
         [("Harsh Kumar Jain", "say")]),
        # "he" after one described in a role, new to the text, is that one (chinadaily-nyt:
        # "said the Western diplomat. ... he added"); not after an appositive of a name, one who
        # tells someone, a document, nor once one named by a single name spoke after it
        ("“People are indignant,” said Mr. Dramé. “This is not going to be a perfect election,” a"
         " Western diplomat said. “I think we will get a credible president out of it,” he added.",
         [("Mr. Dramé", "say"), ("a Western diplomat", "say"), ("a Western diplomat", "add")]),
        ("“That was unavoidable,” said Susan Deng, 31, an office manager who said she visited the "
         "United States this year. “I am very in tune with American values,” she said.",
         [("Susan Deng", "say"), ("an office manager", "say"), ("Susan Deng", "say")]),
        ("Mizanur Rahman Khan, an editor, went to the police. An official told him that he should "
         "stop riding rickshaws. “We are in a very difficult position,” he said.",
         [("An official", "tell"), ("Mizanur Rahman Khan", "say")]),
        ("“It is over,” said Mr. Kouachi, who lied, according to a court document. He later "
         "admitted that he planned to go to war.",
         [("a court document", "according to"), ("Mr. Kouachi", "say"), ("Mr. Kouachi", "admit")]),
        ("“Egypt is changing,” a Western diplomat said. “We have this thing about us,” Israa "
         "said. “No one cares,” she said.",
         [("a Western diplomat", "say"), ("Israa", "say"), (None, "say")]),
        # a relative clause with its own subject before its verb is no frame of the name before
        # it ("Mr. Morsi, who critics said ...": critics said it; chinadaily-nyt)
        ("She was not a supporter of Mr. Morsi, who critics said had seemed to grow more feckless"
         " by the month.", [("critics", "say")]),
        ("She said her daughter was bruised during a scuffle with the police, who she said used "
         "abusive language.", [(None, "say"), (None, "say")]),
        ("Scolari, who also said he has settled on 21 players, spoke.", [("Scolari", "say")]),
        # a document's owner is not the clause before its "the" (chinadaily-nyt), but keeps a
        # name's "the" after "of" or "to"
        ("But as the Islamist pressure grew Monday night the generals issued a second statement "
         "denying a coup. “The armed forces do not allow coups,” the statement declared.",
         [("generals", "declare")]),
        ("The office of the President issued a statement. “We regret it,” the statement said.",
         [("office of the President", "say")]),
        ("The Adviser to the President of Ukraine published an article. “Gas is a weapon,” the "
         "article said.", [("Adviser to the President of Ukraine", "say")]),
        # a cardinal, a bishop or a judge holds no office the text names by its role
        # (chinadaily-nyt: "the president" after "Cardinal Timothy Dolan ... told reporters")
        ("Cardinal Timothy Dolan of New York told reporters he had heard that Francis would visit"
         " Benedict soon. Mr. Obama was among the first world leaders to congratulate Francis. "
         "“As the first pope from the Americas,” the president said, “his selection speaks to the "
         "strength of a region.”", [("Timothy Dolan", "tell"), ("the president", "say"),
                                    ("the president", "say")]),
        # "The President" beside a state's president and an institution's is the state's
        # (kremlin-2021-22, a president.gov.ua readout)
        ("President of Ukraine Volodymyr Zelenskyy met with President of the European Commission "
         "Ursula von der Leyen, who is on a visit to our country. The President greeted the "
         "President of the European Commission, noting that this is her second visit. For her "
         "part, Ursula von der Leyen noted that the Commission would complete its discussions. "
         "Ursula von der Leyen also said that the European Union would help.",
         [("Volodymyr Zelenskyy", "note"), ("Ursula von der Leyen", "note"),
          ("Ursula von der Leyen", "say")]),
        # a name a relative clause's verb takes as its object is no subject (chinadaily-nyt);
        # a common noun after "which" is the clause's own ("which experts have said")
        ("A spokesman for Time Warner’s Turner division, which operates CNN International, said "
         "the Turkish channel is independent.",
         [("A spokesman for Time Warner’s Turner division", "say")]),
        ("The methods used in those trials, which numerous experts have said relied on fabricated"
         " evidence, have come under scrutiny.", [("experts", "say")]),
        # satisfaction expressed with a clause is a report, with an object none (set 9)
        ("Vladimir Putin held talks with President of Egypt Abdel Fattah el-Sisi. The leaders "
         "expressed satisfaction that Egypt will take part in the forum as a guest country.",
         [("Vladimir Putin and Abdel Fattah el-Sisi", "express satisfaction")]),
        ("Vladimir Putin held talks. He expressed satisfaction with the progress of the talks.",
         []),
        # a verb that is also a plural noun after a name with a given name is the verb (PolNeAR
        # train); after other capitals it stays a noun
        ("Jeb Bush hopes his campaign could score a turnaround there.", [("Jeb Bush", "hope")]),
        ("Their show of force in politically crucial Rust Belt states underscored how important "
         "it was.", []),
        # a subject after "But" that opens with a number, or after "Again," (PolNeAR train)
        ("But 58 percent of Florida Latino voters said they were much less likely to vote for "
         "Republicans.", [("58 percent of Florida Latino voters", "say")]),
        ("Again, those surveyed said Trump was best able to handle the issue.",
         [("those surveyed", "say")]),
        ("Nonetheless, many voters, tired of soaring unemployment, said they could not accept "
         "the terms.", [("many voters", "say")]),
        # a group no list names in a frame set inside or after the clause, after a comma; a
        # demonstrative before a group is the text's own source, not the writer (PolNeAR train,
        # chinadaily-nyt)
        ("Mrs. Clinton, these people said, would be open to other measures.",
         [("these people", "say")]),
        ("The explosion injured two guards, but most employees had not yet arrived, Libyan and "
         "French officials said.", [("Libyan and French officials", "say")]),
        ("The sides could meet again this week, officials of the national government and Aceh "
         "Province said on Monday.",
         [("officials of the national government and Aceh Province", "say")]),
        ("These critics fear that the new textbooks will stifle opinion.", [("These critics", "fear")]),
        ("The sides could meet again this week, a handful of Democrats said.",
         [("a handful of Democrats", "say")]),
        ("This author believes that the new textbooks will stifle opinion.", []),
        ("On Wednesday, at the protest site on Canton Road, a few critics of the pro-democracy "
         "crowd shouted at them from the sidewalk.", []),
        ("Leaders and supporters of both sides took to the streets in a country gripped by "
         "excitement and hope, balanced by a good measure of dread.", []),
        # the object of a preposition speaks in its restrictive relative clause, not a place's
        # object; a relative clause's verb frames no clause before it (PolNeAR train,
        # chinadaily-nyt)
        ("The party offered fresh ammunition to Republicans who say the law is a money pit.",
         [("Republicans", "say")]),
        ("Still, there are some in Myanmar who believe it is only a matter of time.", []),
        ("The article also misspelled, in some copies, the surname of an Albany Law School "
         "professor who commented on Mr. Cuomo's choice.", []),
        # a described speaker after an inverted verb with an appositive or an age after it
        # (chinadaily-nyt-2013-15); not a document after "according to", whose mixed quotation
        # stays the reported clause's
        ("“I came here a rich man, and now I have nothing,” said a 43-year-old cabdriver, a "
         "former businessman from Chongqing.", [("a 43-year-old cabdriver", "say")]),
        ("“I hope that these forums will serve some purpose,” said one woman, 52.",
         [("one woman", "say")]),
        ("“We need to let the leaders in Beijing know,” said one of my students, a 19-year-old "
         "English major.", [("one of my students", "say")]),
        ("Mr. Kerry said that Israel risked becoming an “apartheid state,” according to an "
         "article in The Daily Beast, an online publication.", [("Mr. Kerry", "say")]),
        # the NYT magazine's doubled curly marks (chinadaily-nyt-2013-15)
        ("Mirza fled.‘‘The battle made me think of women differently,’’ he told me.",
         [(None, "tell")]),
        ("‘‘We are not here to discuss with you,’’ the police official said.",
         [("the police official", "say")]),
        # "it cannot" opens a clause; a demonstrative opens a group that speaks, not the
        # writer's "this author"; "here" after a final frame's plural; a title's stop before
        # "that" (chinadaily-nyt-2013-15)
        ("The election commission says it cannot bend from its position.",
         [("The election commission", "say")]),
        ("These people, who spoke on the condition of anonymity, said Mr. de Blasio held out on "
         "having the forum.", [("These people", "say")]),
        ("That soon changed when they reviewed the information, this person said.",
         [("this person", "say")]),
        ("This columnist believes that the law is wrong.", []),
        ("It was the first time that the United States had given up its vote, diplomats here "
         "said.", [("diplomats here", "say")]),
        ("Fighting occurred as recently as Wednesday, an officer with the Kachin armed forces "
         "said.", [("an officer with the Kachin armed forces", "say")]),
        ("Prosecutors told Mr. Xu’s lawyer that they had approved his arrest.",
         [("Prosecutors", "tell")]),
        # a negated auxiliary tells a clause after a subject no list names; an infinitive on
        # a person or a campaign is part of the subject, not a verb's ("sought to calm");
        # "where" opens a clause's subject; "As my colleague X reported" (PolNeAR train,
        # chinadaily-nyt-2013-15)
        ("One in three said the party doesn’t care very much about the Latino community.",
         [("One in three", "say")]),
        ("Organizers of the push to boycott the speech said they are worried about it.",
         [("Organizers of the push to boycott the speech", "say")]),
        ("The last man to mount a major third-party race says he doesn't think Bloomberg will "
         "run.", [("The last man to mount a major third-party race", "say")]),
        ("The Florida senator sought to calm his supporters, and took a heckler in stride, "
         "saying the person would “not get beat up” at his rally.",
         [("The Florida senator", "say")]),
        ("Bankers found no escape inside the conference, where a series of academics warned "
         "policy makers that their view of inflation was oversimplified.",
         [("a series of academics", "warn")]),
        ("As my colleague Austin Ramzy reported, Xinhua also published a commentary this week.",
         [("Austin Ramzy", "report")]),
        # a described speaker after an inverted verb before a clause of when it was said; a
        # clause that opens with a sum (chinadaily-nyt-2013-15); a final frame before a phrase
        # of what went with it (PolNeAR train)
        ("“Keep going, Yanis,” said a taxi driver as we walked to a cafe near the Acropolis.",
         [("a taxi driver", "say")]),
        ("Even the United States, which used to avoid the word “terrorism” to describe attacks "
         "in the region, condemned the latest attack soon after it happened.", []),
        ("The two candidates are now tied in a general election matchup, the new poll indicates, "
         "with each receiving the support of 40 percent of voters.",
         [("the new poll", "indicate")]),
        ("But a spokesman for the airline, which has its hub at Sea-Tac, said a $15 minimum wage "
         "would affect contractors.", [("a spokesman for the airline", "say")]),
        # "and" after a clause whose verb is a past opens the frame's own clause, its subject
        # the name after it (PolNeAR train)
        ("A woman asked for a photo and Clinton said, “As long as we’re not violating any "
         "election laws.”", [("Clinton", "say")]),
        ("The crowd cheered and she said, “We will win this election.”", [(None, "say")]),
        # (not a past's object alone, "politicians", nor the name's last word after its "and",
        # "Peace": chinadaily-nyt-2013-15; the groups' own rows are read by neither, as before)
        ("That conclusion angered pro-democracy groups and politicians, who have said that the "
         "universal suffrage could be undercut.", []),
        ("Organizers of a movement called Occupy Central With Love and Peace had warned the "
         "government that such restrictions were unfair.", []),
        # a name whose given name no list holds after an inverted verb, after a mixed
        # quotation too (chinadaily-nyt-2013-15); not a day before a surname
        ("Ms. Merkel “has taken any political polarization away by reverse-engineering the "
         "strategy,” said Henning Meyer, editor of The Social Europe Journal.",
         [("Henning Meyer", "say")]),
        ("“We won,” said Monday Meyer.", []),
        # what a quotation is of, then the speaker and the verb (PolNeAR dev)
        ("Mr. Cole spoke. “I have admiration for the mechanics” of the Clinton proposals, Mr. "
         "Holtz-Eakin said.", [("Mr. Holtz-Eakin", "say")]),
        # whom one told, in up to ten words before a colon (chinadaily-nyt-2013-15)
        ('Deng Xiaoping once told a delegation of leaders in Hong Kong: "There is indeed a line."',
         [("Deng Xiaoping", "tell")]),
        # a name's "St." is no stop (chinadaily-nyt-2013-15)
        ("“This is an opening volley,” Mr. St. Hilaire said.", [("St. Hilaire", "say")]),
        # a pronoun subject before a mixed quotation (chinadaily-nyt-2013-15)
        ("The agency said it “cannot confirm or deny employment,” and the other did not respond.",
         [("The agency", "say")]),
        # no stop near the name, and a phrase of when after it (kremlin-2021-22); a
        # possessive name with its title before the role (chinadaily-nyt-2013-15)
        ("“We expect great support,” said Volodymyr Zelenskyy during a meeting with media "
         "representatives following talks in Kyiv.", [("Volodymyr Zelenskyy", "say")]),
        ("“This is something campaigns should embrace,” said Mr. Paul’s chief digital "
         "strategist, Vincent Harris.", [("Vincent Harris", "say")]),
        # a name in commas after a noun phrase, after a conjunction that opens the sentence
        # (chinadaily-nyt-2013-15)
        ("But a prosecutor, Capt. Joe Morrow, said that Private Manning was no ordinary leaker.",
         [("Joe Morrow", "say")]),
        ("But the lawyer, John Wang, told her to relax.", []),
        ("A legal aid system offers defendants representation, lawyers said.",
         [("lawyers", "say")]),
        # no body named by a sentence's opening phrase (chinadaily-nyt-2013-15)
        ("In November, a committee of the Federal District Court in Austin dismissed the case. "
         "The choice, the committee said, belongs to the states.", [("the committee", "say")]),
        # a body that decides speaks in an aside; "Just as" opens an "as" frame
        # (chinadaily-nyt-2013-15)
        ("At the same time, the panel said, the Supreme Court has never required any "
         "particular standard.", [("the panel", "say")]),
        ("Just as President Xi said, the Chinese dream is a dream of national strength.",
         [("President Xi", "say")]),
        # whom it was told, then how, after a clause (chinadaily-nyt-2013-15)
        ("She has been held since Friday after her arrest at the airport, a prosecutor told the "
         "International Service for Human Rights in an email.", [("a prosecutor", "tell")]),
        ("Even under the reign of a godless emperor, Paul, writing under inspiration, told his "
         "readers to be in subjection to the government.", []),
        # how long ago, between a subject and its verb (PolNeAR train)
        ("The State Department less than two weeks ago said that intelligence had passed "
         "through the server.", [("State Department", "say")]),
        # a longer parenthetical after a name (PolNeAR train), not one that holds a report of
        # its own (chinadaily-nyt-2013-15)
        ("Sen. Chris Murphy (a Connecticut Democrat who is up for reelection) says he was "
         "unfocused in the weeks after the vote.", [("Chris Murphy", "say")]),
        ("Arab citizens are 20 percent of the population. (Mr. Darawshe said one in five Arab "
         "voters supported so-called Zionist parties like Labor.)", [("Darawshe", "say")]),
        # "those who" with a one-word clause, after "Yet" (chinadaily-nyt-2013-15); a present
        # after a name before its object, joined by "and" to "says" (PolNeAR train)
        ("Yet those who voted Sunday said they felt a thrill knowing that their country might "
         "be guided by the will of the people.", [("those who voted", "say")]),
        ("China's state-owned investment giant CITIC runs an oil field in Kazakhstan and says it "
         "has established a fund.", [("China's state-owned investment giant CITIC", "say")]),
        # a name "and others" with the relative clause that says which (PolNeAR train)
        ("Hawkins and others who want to ban abortion said the decision will make the choice "
         "even more stark.", [("Hawkins and others who want to ban abortion", "say")]),
        # a phrase of where or how in commas between the verb and "that" (chinadaily-nyt-2013-15)
        ("The ministry said, in a statement on Friday, that the talks had failed.",
         [("The ministry", "say")]),
        ("The owners of two leading newspapers told me, in their different ways, that their "
         "adoration of Mr. Modi is not ideological.",
         [("The owners of two leading newspapers", "tell")]),
        # a list of plurals no list names (PolNeAR train)
        ("Friends, lobbyists and former foes say that Trump is picking the right man for the "
         "job.", [("Friends, lobbyists and former foes", "say")]),
        # (not a participle's phrase as a list's item; the pair after it is read by no rule yet)
        ("Looking at minorities like Mormons, Nigerian immigrants, Asian-Americans and Jews, among "
         "others, Chua and Rubenfeld contend that successful groups share three traits.", []),
        # a list of names that ends with "other" and a group (PolNeAR train)
        ("Ms. Toretti, Mrs. Rao and other prominent bundlers in both parties said their "
         "networks were now composed mostly of women.",
         [("Ms. Toretti, Mrs. Rao and other prominent bundlers in both parties", "say")]),
        # "A total of" before a share; "one" alone speaks as "another" does, its name after it
        # in commas (chinadaily-nyt-2013-15)
        ("A total of 68 percent of respondents said they do not support the campaign.",
         [("A total of 68 percent of respondents", "say")]),
        ("But one, Abu Shadi, said there was no going back.", [("Abu Shadi", "say")]),
        ("Some students accepted the paper. One said that the paper was racist.",
         [("One", "say")]),
        ("There are ups and downs. One hopes that through such reflection the leaders will "
         "serve the people.", []),
        ("Two officers were cleared. One, however, acknowledged that “the death was tragic.”",
         [("One", "acknowledge")]),
        # "with ties to" in a group's phrase; a clause after "but" whose subject has its name
        # in commas (chinadaily-nyt-2013-15)
        ("Syrian Islamists with ties to the group say its wartime evolution has left its members "
         "with a range of views.", [("Syrian Islamists with ties to the group", "say")]),
        ("Calls seeking comment were not returned, but an official with Rakhine State, Myo Than, "
         "said all local policies require consent from the central government.",
         [("Myo Than", "say")]),
        # "Both" and "the two" alone; "an official there" (chinadaily-nyt-2013-15)
        ("Both said they saw the poll as another step in a long battle.", [("Both", "say")]),
        ("In their letter, the two say their hotel room contained supplies for Gaza.",
         [("the two", "say")]),
        ("The fund is now raising money for lawmakers who voted for the measure, an official "
         "there said.", [("an official there", "say")]),
        ("At the time, the three alleged killers were arrested and were awaiting trial.", []),
        ("It was the case in which students have alleged they were misled and defrauded.",
         [("students", "allege")]),
        # "some" alone in an aside (chinadaily-nyt-2013-15)
        ("The involvement of the government, some say, has made the museum vulnerable to "
         "political pressures.", [("some", "say")]),
        # "as X said" after a clause and its subordinator (kremlin-2021-22)
        ("Problems between the parties must be resolved since, as President Lukashenko told me, "
         "readmission problems have not been resolved.", [("President Lukashenko", "tell")]),
        ("They need our help, so, as they say, friends, like and subscribe to such bloggers.", []),
        # "it" or "this" and a negated auxiliary open a clause (PolNeAR train, kremlin-2021-22)
        ("Sanders said it wouldn’t happen if voters “continue to elect corporate Democrats.”",
         [("Sanders", "say")]),
        ("Sanders said this isn't about the voters at all, but about the donors.",
         [("Sanders", "say")]),
        ("Sanders claimed it doesn’t matter whether voters elect corporate Democrats.",
         [("Sanders", "claim")]),
        # an inverted frame that ends a parenthesis (PolNeAR train, chinadaily-nyt)
        ("The crowd booed. (“I don’t want to have fisticuffs,” said one party activist.)",
         [("one party activist", "say")]),
        ("(“She went above and beyond,” said the shop’s owner, Mike Smith.) There was more.",
         [("Mike Smith", "say")]),
        # whom one tells and an infinitive: a request, no clause (chinadaily-nyt)
        ("In the video, the man told the Chinese government to drop its support of Mr. Assad or "
         "“all Islamic countries of the world will unite to impose sanctions.”", []),
        # a participle after a copula's clause and after a dash (PolNeAR train,
        # chinadaily-nyt); not after a passive, nor after a report's own copula
        ("Clinton is more conservative, saying she favors raising the minimum wage.",
         [("Clinton", "say")]),
        ("Marco Rubio flipped his choice on the spot – saying he was rooting for Peyton Manning.",
         [("Marco Rubio", "say")]),
        ("The candidate changed her story a few months later, after her initial statement was "
         "shown to be false, stating that she had not sent any email.",
         [("The candidate", "state")]),
        ("John Podesta, the counselor to President Obama, said it was a “momentous day” for "
         "Afghanistan, adding, “We’re proud.”", [("John Podesta", "say"), ("John Podesta", "add")]),
        # "as X noted," after a conjunction (PolNeAR train); not a verb and "on" (chinadaily-nyt)
        ("But as Clyburn noted, those voters will give Sanders a second look.",
         [("Clyburn", "note")]),
        ("And as Menendez pointed out, court rulings have real, lasting impact on women.",
         [("Menendez", "point out")]),
        ("But as he read on, Mr. Ross discovered an all-but-forgotten story of a trial.", []),
        # a participle's clause: after "Here in ...," and "And then"
        ("Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, “We have "
         "got to achieve the day.”", [("Sanders", "say")]),
        ('And then Trump went fully on the attack, saying, "Is President Obama going to mention '
         'the words?"', [("Trump", "say")]),
        # a reported clause before ", adding, “...”" is kept beside the quotation's own row
        ("A senior Israeli official said the government supports “in principle” Jews’ rights to "
         "pray there, adding, “we’ve got to do it in a measured way.”",
         [("A senior Israeli official", "say"), ("A senior Israeli official", "add")]),
        # whom one told with its place and when, before a clause; a name with "&" in a subject
        ("Christine Todd Whitman, the former New Jersey governor, told The Star-Ledger of Newark "
         "last week she would rather vote for Hillary Clinton.",
         [("Christine Todd Whitman", "tell")]),
        ("“We are shocked,” one P&G employee told reporters.", [("one P&G employee", "tell")]),
        # a title's abbreviation (Capt., Sgt.); a reporting verb's past is no adjective of the
        # subject after it; a nested quotation's apostrophe before a doubled closing mark
        ("“The candidates don’t understand the military,” said Army Capt. Christian Pardo, who "
         "said he would not vote for either.",
         [("Christian Pardo", "say"), ("Christian Pardo", "say")]),
        ("The intelligence officer, who declined to be named, said ethnic leaders told him that "
         "the army was moving.",
         [("The intelligence officer", "say"), ("ethnic leaders", "tell")]),
        ("''She\'d look at me and say, \'What did he mean by that?\''' Mr. Biden said.",
         [("Mr. Biden", "say")]),
        # a frame that ends its clause at a semicolon; "Rather," opens a sentence; an age over
        # a number after the head ("Those over 60", not "Over 50% of Americans")
        ("Candidates need 40 percent of the Hispanic vote, political analysts say; in 2012, Mitt "
         "Romney stumbled with 27 percent.", [("political analysts", "say")]),
        ("Rather, sources close to her campaign say she stands fully behind the president.",
         [("sources close to her campaign", "say")]),
        ("Those over 60 say they feel that way by 2-1.", [("Those over 60", "say")]),
        ("Over 50% of Americans say the military oversteps its bounds.",
         [("50% of Americans", "say")]),
        # "even" before the second of two groups
        ("Politicians and even some technologists say the efforts have been toothless.",
         [("Politicians and even some technologists", "say")]),
        # ("here" after a subject is its: "Officials here in Bauchi say")
        ("Officials here in Bauchi say they want to root out corruption.",
         [("Officials here in Bauchi", "say")]),
        # "to" after a role, as "of" ("The deputy head of China's delegation to the forum";
        # not "the clip to YouTube", a thing, after a quotation's title)
        ("The deputy head of China’s delegation to the forum said the United States should "
         "reduce its provocative exercises.",
         [("The deputy head of China’s delegation to the forum", "say")]),
        ("Serafinowicz, who has starred in “Parks and Recreation” and “Guardians of the Galaxy,” "
         "posted the clip to YouTube on Thursday.", []),
        # a share of a poll's respondents ("One in four voters in a ... poll last year")
        ("One in four voters in a New York Times poll last year said illegal immigrants should "
         "be required to leave the country.",
         [("One in four voters in a New York Times poll", "say")]),
        # a group by its plural alone and its relative clause (not "Though executives ...")
        ("Voters in Iowa who watched the debate said she had done well.",
         [("Voters in Iowa who watched the debate", "say")]),
        ("Though executives who have worked with Lachlan Murdoch say they assume he shares some "
         "of his father's views, they also say he does not readily show it.",
         [("executives", "say")]),
        ("But artists who venture into political satire — like other government critics — often "
         "say they feel ostracized.", []),
        # a region by its compass point is no person whose surname "Cyprus" would be
        ("Prime Minister Kyriakos Mitsotakis spoke about the EastMed project, which involves "
         "Greece, Cyprus and Israel. \"We don't seek to exclude anyone from energy "
         "cooperation,\" he said. Only Northern Cyprus is recognized by Turkey.",
         [("Kyriakos Mitsotakis", "say")]),
        # a sentence's opening word or a place's participle is no part of a name ("Ask Fares",
        # "Shanghai-born Shing": chinadaily-nyt)
        ("Raed Fares runs the radio station in Kafranbel. Ask Fares what will happen if ISIS "
         "returns, and he shrugs. “I have sons and a station to run,” Fares said.",
         [("Raed Fares", "say")]),
        ("The Shanghai-born Shing joined ATV in 2010. “This is another big plus for us,” says "
         "Shing.", [("Shing", "say")]),
        # an office the text gave someone by title and surname before it is theirs, not that
        # of one named in full after it (chinadaily-nyt: "the president" had read George W. Bush)
        ("President Obama said Thursday that it was time to narrow the battle against "
         "terrorists. Instead, the president suggested that the country had returned to the "
         "state of affairs before the attacks. President George W. Bush had declared a global "
         "war in 2001.", [("President Obama", "say"), ("President Obama", "suggest")]),
        # a relative clause in commas ends before the main clause's own verb ("..., has a
        # bigger legacy, says X": X's report, not the king's), unless it opens with an aside
        ("But the king, who announced today that he would abdicate, has a bigger legacy, says "
         "Raphael Minder, our correspondent in Madrid.",
         [("Raphael Minder", "say"), ("the king", "announce")]),
        ("Thaksin, who lives in exile, was not involved in the movement, said Jakrapob Penkair.",
         [("Jakrapob Penkair", "say")]),
        ("But in a telephone interview, Mr. Tin Maung Lwin, who, like the vast majority of "
         "government employees, is Buddhist, denied that he had used the word.",
         [("Tin Maung Lwin", "deny")]),
        # "they" that opens a group's reported clause is that group's report, no other group's
        # (chinadaily-nyt: "Some lawyers said they worried" had given "Some activists" a row)
        ("Some activists praised the rules on Monday. Some lawyers said they worried that the "
         "new rules could be abused.", [("Some lawyers", "say")]),
        # a role with its "of" after an inverted verb
        ('"Thanks, Clarkston, for welcoming these refugees," said master of ceremonies Asab '
         'Al-Tabchi, a Syrian engineer who immigrated to Clarkston decades ago.',
         [("Asab Al-Tabchi", "say")]),
        # a title's last word after "for" is no given name; initials without stops open a name
        ("Secretary for Security Lai Tung-kwok said the police would act. Lai said the "
         "protest was illegal.", [("Lai Tung-kwok", "say"), ("Lai Tung-kwok", "say")]),
        ('Chief Executive C Y Leung said the reform would go ahead. "It is understandable," '
         'Leung said.', [("C Y Leung", "say"), ("C Y Leung", "say")]),
        ('Chief Executive C.Y. Leung said the reform would go ahead. "It is understandable," '
         'Leung said.', [("C.Y. Leung", "say"), ("C.Y. Leung", "say")]),
        # a name the text also gives with a Chinese given name (set 35)
        ('Jeremy Young Chit-on is a candidate. Jeremy Young likes to be hands-on. "I am ready," '
         "Jeremy Young said. He says he finds the residents friendly.",
         [("Jeremy Young Chit-on", "say"), ("Jeremy Young Chit-on", "say")]),
        ("Chief Secretary Carrie Lam Cheng Yuet-ngor spoke on Monday. Carrie Lam said the plan "
         "was fair.", [("Carrie Lam Cheng Yuet-ngor", "say")]),
        # "the company" that no name or appositive names: the body quoted last, none since
        ("Alibaba said the deal was fueled by a desire to improve China’s image. This coverage, "
         "the company said, influences how investors regard Alibaba.",
         [("Alibaba", "say"), ("Alibaba", "say")]),
        ("The Foreign Ministry said on Monday that it would appeal. The company said the ban was "
         "unfair.", [("Foreign Ministry", "say"), ("The company", "say")]),
        ("Greenpeace said the decision was a triumph. Cuadrilla Resources said it would appeal. "
         "The company said the ban was unfair.",
         [("Greenpeace", "say"), ("Cuadrilla Resources", "say"), ("The company", "say")]),
        ("Some also say LinkedIn has not communicated clearly. When he inquired why, the company "
         "responded that it was because he had posted the item from China.",
         [("Some", "say"), ("the company", "respond")]),
        # a described speaker after an inverted verb, then a participle on it to the sentence's
        # end, or a participle of speech after its comma (chinadaily-nyt)
        ("“I get frustrated a lot,” said one 32-year-old PRI government official working on "
         "economic development in the Guadalajara area.",
         [("one 32-year-old PRI government official", "say")]),
        ("“The Nicaraguan struggle is our struggle,” said a poster designed by the group.",
         [("a poster", "say")]),
        ("“It is fine,” said the man, adding that he would go.", [("the man", "say")]),
        ("Mr. Snyder’s call for an emergency manager underscored a long, troubling arc for "
         "Detroit.", []),
        # a group after a preposition, then its relative clause of speech (chinadaily-nyt)
        ("The plan drew fire from lawmakers, who said it would fail.", [("lawmakers", "say")]),
        # a surname that is a verb's form after a form of address (chinadaily-nyt)
        ("“We knew he was a crucial component to our story,” Mr. Read said.",
         [("Mr. Read", "say")]),
        # a capitalised word before the lower-case words of a role that opens the clause
        ("He was taken to a prison in Alexandria, Egyptian state news media said.",
         [("Egyptian state news media", "say")]),
        # a newspaper's "Times" is a name, no time: its relative clause is an aside
        ("The New York Times, which endorsed de Blasio's candidacy, said his campaign resonated "
         "with voters.", [("The New York Times", "say")]),
        # a title's word as a surname: before a generation, after "Dr."
        ("The film depicts the Rev. Dr. Martin Luther King Jr. in Selma. “We are not afraid,” "
         "Dr. King said.", [("Martin Luther King Jr", "say")]),
        ("The Rev. Martin Luther King Jr. marched. “We are not afraid,” Dr. King said.",
         [("Martin Luther King Jr", "say")]),
        # a city's state after its comma is part of the appositive, no speaker
        ("“A case for easier monetary conditions does not get better than this,” Carl Weinberg, "
         "chief economist of High Frequency Economics in Valhalla, New York, wrote in a note.",
         [("Carl Weinberg", "write")]),
        # a document's or a body's name whole (set 33: it had been "Universal Declaration")
        ('As early as in 1948, the Universal Declaration of Human Rights has pointed out: '
         '"Everyone is entitled to all the rights."',
         [("the Universal Declaration of Human Rights", "point out")]),
        ("The Sino-British Joint Declaration states that Hong Kong will keep its system.",
         [("The Sino-British Joint Declaration", "state")]),
        ("The Democratic National Convention said it would meet in July.",
         [("The Democratic National Convention", "say")]),
        # how long before or after, after a document's release (chinadaily-nyt)
        ("A Human Rights Watch report issued a year later said the authorities held people.",
         [("A Human Rights Watch report", "say")]),
        ("A 2007 United States diplomatic cable made public by WikiLeaks said that Mr. Lo had "
         "been given a concession.", [("A 2007 United States diplomatic cable", "say")]),
        ("A report leaked to the press on Monday said that the plan had failed.",
         [("A report", "say")]),
        # an adverb or an adjunct after an inverted verb's speaker
        ("“He would have been worse,” said Lin-Manuel Miranda recently.",
         [("Lin-Manuel Miranda", "say")]),
        ("“He would have been worse,” said the composer-performer Lin-Manuel Miranda recently "
         "over lunch at Fraunces Tavern in Lower Manhattan.", [("Lin-Manuel Miranda", "say")]),
        # "the" and a role no list holds before a name, an appositive after it
        ("“I got traded,” said the forward Matt Bonner, in his eighth year with the Spurs.",
         [("Matt Bonner", "say")]),
        # one of a group and the one's name
        ("“I want you to carry a message,” said another of the Ahmed daughters, Tofa, 58.",
         [("Tofa", "say")]),
        # a place after the name before the quotation's next part
        ("“The big fear that the state has,” said Mr. Joyce at Free Legal Advice Centers, “is "
         "that the balance sheets are damaged.”", [("Mr. Joyce", "say")]),
        # a long title in quotation marks, or one with a colon, in the appositive
        ("Marcus Mietzner, a senior lecturer and author of “The Politics of Military Reform in "
         "Post-Suharto Indonesia,” said the prison raid exposed a culture of impunity.",
         [("Marcus Mietzner", "say")]),
        ("Andy Cohen, the host of “Watch What Happens: Live,” said earlier this week that he "
         "was auctioning his suit.", [("Andy Cohen", "say")]),
        # an institution is the subject of a copula's clause and of "and said"
        ("The Moreland Commission was also harshly critical of lawmakers’ spending and said "
         "that state laws should be tightened.", [("Moreland Commission", "say")]),
        # a long appositive after a name that opens the clause (not after a dateline's
        # capitals, nor after an object)
        ("Cheung Chi-kong, a member of the Executive Council and executive director of the One "
         "Country Two Systems Research Institute Ltd, told a symposium on Monday that the "
         "success was vital.", [("Cheung Chi-kong", "tell")]),
        ("BEIRUT, Lebanon — As Syrian opposition leaders met in Turkey over the weekend to try "
         "to iron out their differences, Syria’s foreign minister invited rebels to join a "
         "national dialogue, promising that all who lay down their arms would be pardoned.",
         [("Syria’s foreign minister", "promise")]),
        # a title's "and" after "for" further back ("for Foreign Affairs and Security Policy")
        ("High Representative of the EU for Foreign Affairs and Security Policy Josep Borrell "
         "said the EU would assist.", [("Josep Borrell", "say")]),
        # what it was said about, after an inverted verb's speaker (kremlin-2021-22)
        ('"We must help children," said the First Lady about the rehabilitation program.',
         [("the First Lady", "say")]),
        # an adjunct of up to 24 words after an inverted verb's speaker that ends the sentence
        ("Relations are now the best in many years, said Volodymyr Zelenskyy during a "
         "conversation with media representatives after talks with the head of the "
         "commission in Kyiv on Tuesday.", [("Volodymyr Zelenskyy", "say")]),
        # a relative clause of a name's kin makes it a person's (chinadaily-nyt)
        ("Nearby, Nihal Simsek, whose husband and eldest son are being held by ISIS, showed a "
         "photo of the two men. “They just went to bring back money,” she said.",
         [("Nihal Simsek", "say")]),
        # a name in commas after a noun phrase, after "and" that opens a clause
        ("Ubisoft has defended the game, and one of its producers, Antoine Vimal du Monteil, "
         "told the newspaper Le Monde that it was a game.",
         [("Antoine Vimal du Monteil", "tell")]),
        # (not a clause with its verbs after the speaker: the name before the verb speaks)
        ("And yet G.N. Devy, a writer from Mr. Modi’s home state, Gujarat, said a government "
         "official recently "
         "visited and politely quizzed him for an hour about his decision to return his award.",
         [("G.N. Devy", "say")]),
        # an adverb that opens the sentence before its comma ("Surprisingly,")
        ("Surprisingly, the administrators said they had little problem with the service.",
         [("the administrators", "say")]),
        # a briefing's bullet right after the speaker's stop
        ("“A situation in which a scientist has to sell a medal is unacceptable,” said the "
         "buyer, Alisher Usmanov.• Ace to the rescue.", [("Alisher Usmanov", "say")]),
        # a sentence joined to the next with no space after an accented letter's stop
        ("“People are indignant that they can’t get their electoral cards,” said Mr. Dramé.But "
         "the pressure from the West trumped local concerns.", [("Mr. Dramé", "say")]),
        # whom one told, "the" and a title's capitals ("of" between), after a described subject
        ("The members of the team told the Head of State that they are determined to win the "
         "competition.", [("The members of the team", "tell")]),
        # a month's abbreviation in the adjunct before the quotation
        ("One worker in Texas wrote on Jan. 30, “I work every other Sunday as a closer, which "
         "is at 10:30.”", [("One worker in Texas", "write")]),
        # a board, and the participles of "respond" and "reply"
        ("The board has rejected Mr. Cahn’s arguments, responding in a letter that the "
         "violations represented “an unprecedented event.”", [("The board", "respond")]),
        # a relative clause's verb inside the subject before the name
        ("“It is proven,” the head of the panel that ruled on the case, Tasia Psara-Miltiadou, "
         "said Thursday in court.", [("Tasia Psara-Miltiadou", "say")]),
        ("The head of the panel that ruled on the case, Tasia Psara-Miltiadou, said it was "
         "proven.", [("Tasia Psara-Miltiadou", "say")]),
        # more verbs of speaking (chinadaily-nyt, kremlin-2021-22), "twice" before the verb
        ("In a later speech, Mr. Obama twice repeated, “the United States welcomes the rise of a "
         "peaceful China.”", [("Mr. Obama", "repeat")]),
        ("“It was supposed to be a kind of tongue-in-cheek book,” Chua interjected.",
         [("Chua", "interject")]),
        ("“Choose your version, see how e-democracy works,” the President urged.",
         [("the President", "urge")]),
        ("The mediator pleaded: “Please talk about this in a way that this problem could be "
         "solved.”", [("The mediator", "plead")]),
        ("Moeletsi Mbeki charged that black empowerment “strikes a fatal blow against "
         "entrepreneurship.”", [("Moeletsi Mbeki", "charge")]),
        ('The leaders of Ukraine and Poland emphasize that "a decision is needed."',
         [("The leaders of Ukraine and Poland", "emphasize")]),
        # "our" before an inverted verb's role; a surname after an address that is a quantifier
        ("“More than 330,000 people tried to get asylum,” says our correspondent in Geneva, Nick "
         "Cumming-Bruce.", [("Nick Cumming-Bruce", "say")]),
        ("“One day, they went to a mosque,” said Mr. Many, the lawyer.", [("Mr. Many", "say")]),
        # a role before the name of a frame set after an opening phrase
        ("In jazz, the pianist Geri Allen said, a willingness to listen closely to the other "
         "musicians is essential.", [("Geri Allen", "say")]),
        # whose words, after the sentence; when one told, before "that"
        ('The book is the second masterpiece of a "genius of perception", in the words of Joseph '
         'Epstein.', [("Joseph Epstein", "in words")]),
        ("They oppose economists like Gary Becker, who told me a few years ago that “inequality in "
         "earnings has been mainly the good kind.”", [("Gary Becker", "tell")]),
        # (not a relative clause's "that" after an infinitive, nor a deed as one asked for it)
        ("In 2012, the United States urged the Europeans to impose financial sanctions that "
         "greatly limited Iran’s ability to sell oil.", []),
        ("Putin vowed to fight the forces that 'helped spy on Merkel'.", []),
        ("The advisers stopped short of calling for the program to be shut down, as its critics "
         "have urged.", []),
        ("North Korea repeats mid-range ballistic missile test after failed attempt", []),
        ("Man pleads guilty to murdering his mother", []),
        # (nor a verb of asking followed by an infinitive after a quotation)
        ('Claiming July 1 is the time to "start a revolution", Chan also urged residents to '
         'block the roads.', [("Chan", "claim")]),
        # a base form after "to" is no verb of the clause before "that"; "Let me" is a speech
        # act of the moment, as "I say that", no report (kremlin-2021-22, set 17)
        ("Mr. Quinn went on to explain that Mr. Rich was living in Switzerland.",
         [("Mr. Quinn", "explain")]),
        ("Vladimir Putin: Good afternoon. Let me emphasise that Brazil is always widely "
         "represented at the forum.", []),
        # a base form after a possessive is a noun; a person's role "indicated" as a person does
        ("Editor’s note: President Xi Jinping has referred to Deng Xiaoping’s ideas many times.",
         []),
        ("The inspector general had previously indicated that he thought that some of the "
         "emails contained top secret material.", [("The inspector general", "indicate")]),
        # "charges" the verb after its subject, not the noun after a verb, a preposition or a
        # determiner, nor "charged" in a passive (chinadaily-nyt)
        ("The opposition charges that the framework decision is unfair.",
         [("The opposition", "charge")]),
        ("The cases include charges that Mr. Thaksin directed the government to provide loans.",
         []),
        ("The courts upheld charges that he had abused his power.", []),
        ("The cases include claims that Mr. Thaksin directed the government to provide loans.",
         []),
        ("Emad Shahin called the charges “baseless.”", [("Emad Shahin", "call")]),
        ("He was not allowed to see a lawyer, nor was he formally charged.", []),
        ("He spearheaded criminal charges that nonprofit groups were acting as agents.", []),
        ("The Kremlin took note that the assets were safe.", []),
        ("A friend interrupted: “They were celebrating yesterday — celebrating our blood!”",
         [("A friend", "interrupt")]),
        ("Security threat interrupts FCC net neutrality vote", []),
        # (nor "that" before a noun and a comma: a demonstrative)
        ("The recession interrupted that trend, but the rich have rebounded during the sluggish "
         "recovery.", []),
        ("He recalled that day, when the rich had rebounded.", []),
        # a quotation right after "claims"; "began by saying"; a place in commas after the
        # subject; "at the time" before the verb; whom one told in an aside (PolNeAR train)
        ("The ad claims “Jeb is the conservative you can trust.”", [("The ad", "claim")]),
        ("When he returned he began by saying, “I don’t think that it is necessary for Mr. "
         "D’Souza to go to jail.”", [(None, "say")]),
        ("Trump, in Kentucky, said that Marco Rubio was “a total lightweight.”",
         [("Trump", "say")]),
        ("Trump at the time said he had asked his “people” to “look into” paying the fees.",
         [("Trump", "say")]),
        ("And, Kasich tells the crowd, he has been known to be “brusk” and “tough” in Ohio.",
         [("Kasich", "tell")]),
        ("Kasich told the crowd, a large one, that he would win.", []),
        ("Legal observers note that the White House would not truly close the prison.",
         [("Legal observers", "note")]),
        # a participle "writing" after the clause; a quotation right after a promise's "to"; an
        # aside in dashes before "that" (PolNeAR train)
        ("Band member Flea shared the news on social media last week, writing “Feels great to "
         "support someone I believe in.”", [("Band member Flea", "write")]),
        ("And he vowed to “take our fight” to the 35 states that had not yet voted.",
         [(None, "vow")]),
        ("Ali called on fellow Muslims to “stand up to those who use Islam to advance their own "
         "agenda.”", [("Ali", "call")]),
        ("They asked him to go to “the Big Apple” on Friday.", []),
        ("He advised government ministers to “send their wives and children to somewhere safe.”",
         [(None, "advise")]),
        ("Mr. Niemann and his followers waved banners demanding an end to “asylum terror.”",
         []),
        ("His campaign chairman Paul Manafort said — on Twitter, as it happens — that Trump "
         "raised about $4 million that day.", [("Paul Manafort", "say")]),
        # (not a verb of asking with its infinitive before a comma and a quotation, but before a
        # colon; not a noun after a determiner and an adjective; nor a quotation after a claim's
        # preposition; a possessive's noun before "that" reports)
        ("The longtime senator said he rarely asks surrogates to stump for him, “except for "
         "people I’m very close to.”", [("The longtime senator", "say")]),
        ("He urged the council to act: “We cannot wait.”", [(None, "urge")]),
        ("The ad ends before concluding on a bright note: “Scott Brown was right on Obamacare "
         "then.”", []),
        ('Some students still insist on being a part of "Occupy Central", because they want '
         'change.', []),
        ("Abuse is documented here, despite Mr. Sall’s claim at Thursday’s news conference that "
         "“Senegal is a tolerant country.”", [("Mr. Sall’s", "claim")]),
        ("The authors found that voters in districts hardest hit by imports chose more extreme "
         "lawmakers.", [("The authors", "find")]),
        # (an infinitive whose own verb takes the "that" reports it; a demonstrative after it
        # does not; "called" with an infinitive inside its object; a past "read"; a plural
        # subject's phrase before a base form)
        ("Mr. ElBaradei vowed to ensure that “everybody who is being rounded up is detained by "
         "order of the attorney general.”", [("Mr. ElBaradei", "vow")]),
        ("Ms. Park’s party had hoped to break that pattern — until the ferry sank off South "
         "Korea on April 16.", []),
        ("The State Department urged the government to ensure that citizens had free access to "
         "all social media platforms.", [("State Department", "urge")]),
        ("Mr. Mahmoud called his return to office “a message for every ruler: You must respect "
         "your judiciary.”", [("Mr. Mahmoud", "call")]),
        ("Senior officials are ready to reconnect with the students, a statement read.",
         [("a statement", "read")]),
        ("But some moderate lawmakers in the camp worry they will be labeled as traitors.",
         [("some moderate lawmakers in the camp", "worry")]),
        ("Scientists find way to turn light into matter", []),
        # whom after "at" a joined verb's colon (chinadaily-nyt)
        ("Laughing, Mr. Smith assumed a fighting stance and yelled at Ms. Weintraub: “Let’s go "
         "right now, you speech-hating enemy of the First Amendment!”", [("Mr. Smith", "yell")]),
        # a state's abbreviation inside the subject after a quotation
        ("“I think the Holy Father sees the influence,” Archbishop Joseph E. Kurtz of "
         "Louisville, Ky., president of the bishops, said in a statement.",
         [("Joseph E. Kurtz", "say")]),
        # how long before a clause after "said" ("for weeks"), a contraction after its pronoun
        ("Cruz has said for weeks he’s the only candidate in the field who can beat Trump.",
         [("Cruz", "say")]),
        # whom one told by name and where, before a comma and a quotation
        ("Trump told the Washington Post in a written statement, “I really don’t want Jeb’s "
         "endorsement, because he is a low-energy person.”", [("Trump", "tell")]),
        # a show's title in quotation marks in the adjunct of a frame that ends the sentence
        ("Chris Shays was pro John Kasich while the Ohio governor was in the running, he said "
         "Wednesday morning on MSNBC’s “Morning Joe.”", [(None, "say")]),
        # a clause that opens with "this year's" (no time phrase before it)
        ("The chairman of the electoral board, Merga Bekana, said this year’s elections were "
         "conducted in a “free, fair, peaceful, credible and democratic manner.”",
         [("Merga Bekana", "say")]),
        # (an exclamation before a verb of asking or promising is the subject's, in a headline)
        ("‘No rush!’ US vows to keep sanctions on N. Korea as Trump prepares to meet Kim",
         [("US", "vow")]),
        # "No." before a number inside an appositive after the quotation (chinadaily-nyt)
        ("“The position has been made extremely clear by the central authorities,” Carrie Lam, "
         "the No. 2 official in the Hong Kong government, told reporters on Sunday morning.",
         [("Carrie Lam", "tell")]),
        # a subject pronoun after an opening phrase with no comma, a past form after "the"
        ("Ms. Machado sent an email. In the alleged email she praised the protests and said, "
         "“Kevin Whitaker reconfirmed to me his support and indicated new steps.”",
         [("Ms. Machado", "say")]),
        # a habit of saying; a base form after a plural; "had written"
        ("“The grandfather builds the first floor, the son the second,” residents like to say.",
         [("residents", "say")]),
        ("“These men did not fight the war to make the world safe for democracy,” the authors "
         "write.", [("the authors", "write")]),
        ("“It is demeaning to the democratic process,” Justice Kennedy had written, “to presume "
         "that voters are not capable of deciding an issue.”",
         [("Justice Kennedy", "write"), ("Justice Kennedy", "write")]),
        # "warns" is no noun; a name given by "calling himself"
        ("“Use a software to hide all jihadi material you might be bringing,” the book warns.",
         [("the book", "warn")]),
        ("“Tonight, let’s revive Mong Kok,” a user calling himself Li Siu-ming wrote on the "
         "HKGolden website.", [("Li Siu-ming", "write")]),
        # a participle after a longer quotation that is a preposition's object
        ("In camouflage, Colonel Okaidi offered thanks to “our brothers al-Muhajireen wal Ansar "
         "and others,” adding: “We’re here to kiss every hand pressed on the trigger.”",
         [("Colonel Okaidi", "add")]),
        # an "as" aside that opens the sentence, with an appositive and where it was put
        ("As André Bishop, the theater’s artistic director, put it in an interview, “it was too "
         "small for the Met and too big for the Beaumont, musically.”", [("André Bishop", "put")]),
        # a parenthesis still open: its own clause's subject (PolNeAR dev)
        ("Democrats want policies that create more revenue, and Republicans want policies that "
         "create less revenue (they want lower tax rates and suggest that such rates would spur "
         "the economy).", [(None, "suggest")]),
        # going on is no report unless a verb of saying follows (PolNeAR train)
        ("Emanuel continues to face questions about the city's delay in releasing the video "
         "as he labors anew to persuade voters that he understands their fear.", []),
        ("The United States continues to insist that North Korea hacked Sony’s computers.",
         [("The United States", "insist")]),
        ("Therefore, Russia's attack continues with the expectation that our forces will be "
         "tired.", []),
        ("It was revealing that Recep Tayyip Erdogan gave a critical assessment of the "
         "campaign.", []),
        # the subject of a relative clause on the one so called (PolNeAR train)
        ("Much of Beck’s ire was also directed at Bannon, who Beck on Wednesday called “a "
         "horrible, despicable human being.”", [("Beck", "call")]),
        # a quoted object's verb joined to a clause's first verb, no comma before the quotation
        ("Carson took the stage Tuesday at the Grand Hotel in Baltimore and called the political "
         "system “rotten to the core.”", [("Carson", "call")]),
        # a retort; how the words were said; a quoted object of mocking
        ("“You are a disgrace to the party and the country,” Trump shot back.",
         [("Trump", "shoot back")]),
        ("The city he is building near Delhi “will be larger than Central Park in New York,” Mr. "
         "Singh crowed.", [("Mr. Singh", "crow")]),
        ("Trump boasted he had won more votes than any Republican in history.",
         [("Trump", "boast")]),
        ("Mr. Farage mocked the leaders of Britain’s three mainstream parties as “goldfish that "
         "have been tipped out of their bowl.”", [("Mr. Farage", "mock")]),
        ("The branch snapped and the tree fell on the car that was parked below.", []),
        # an accusation and its quoted charge (not one accused, nor an unquoted charge, which the
        # labelled sets do not count as speech)
        ("Khaled Montaser, a columnist, accused the film of “celebrating, repeating and "
         "exaggerating scenes of the military’s violence.”", [("Khaled Montaser", "accuse")]),
        ("Sanders accused Republicans of placing the interests of the National Rifle "
         "Association ahead of children.", []),
        ("He was accused of placing the interests of the National Rifle Association ahead of "
         "children.", []),
        ("Weeks later, Mr. Adeeb, 33, was under arrest, accused of “high treason.”", []),
        ("Kiev says two Su-25 fighter jets shot down, accuses Russia", [("Kiev", "say")]),
        # whom one told by a name of three words before a clause; the antecedent of "who" before
        # a frame, the object of a preposition too; "when asked" no frame of its own
        ("Three days before, Trump told The Washington Post he was “not quite there yet” on "
         "supporting Ryan.", [("Trump", "tell")]),
        ("The crowd cheered for Mr. Smith, who also said: \"We will win this election because the "
         "people are with us.\"", [("Mr. Smith", "say")]),
        ("Any decision would involve Attorney General Loretta E. Lynch, who told Congress when "
         "asked last month about the inquiry: \"That is a matter for the career people.\"",
         [("Loretta E. Lynch", "tell")]),
        # (the antecedent of "who" only where no appositive comes before it)
        ("This appealed to economists like Gary Becker, a Nobel Prize-winning professor at the "
         "University of Chicago, who told me a few years ago that “inequality is not a problem "
         "at all.”", [("Gary Becker", "tell")]),
        # an "as" aside with a long adjunct of where and when (kremlin-2021-22)
        ("As President Zelensky wrote on Twitter after a strike hit near Ukraine's memorial to "
         "Jews massacred in World War II, \"what is the point of saying 'never again' for 80 "
         "years, if the world stays silent?\"", [("President Zelensky", "write")]),
        # a statement issued, its participle of a quoted object no noun
        ("The ministry issued a statement describing the meeting as a “very positive step "
         "toward unification and peace.”", [("The ministry", "issue a statement")]),
        # a longer adjunct in commas after the verb, before the quotation; counsel
        ("And he added, in a nod to concerns about terrorist groups, “I believe that Afghanistan "
         "will never again be a safe haven to terrorists.”", [(None, "add")]),
        ("“The best universities are ones that teach you how to think, not what to think,” Mr. "
         "Levin counseled.", [("Mr. Levin", "counsel")]),
        # a government's bodies in the plural speak
        ("The departments declined to provide any documentation about the process, saying they "
         "cannot discuss the case.", [("The departments", "say")]),
        # a noun's "-s" after "and" in a plural subject's clause is no verb joined to it
        ("Now, Democrats are attacking a host of measures, including voter identification "
         "requirements, and rules that could nullify ballots cast in the wrong precinct.", []),
        # in a headline, mocking is a speech act; boasting and firing back are as often deeds,
        # but not "boasts of" or "fires back at"
        ("Snowden mocks claim he lived in ‘KGB safehouse’", [("Snowden", "mock")]),
        ("OPEC+ boasts 159% compliance with oil production cuts", []),
        ("UK boasts of leading aid to Ukraine", [("UK", "boast of")]),
        ("Iran’s supreme leader fires back at Trump over sanctions",
         [("Iran’s supreme leader", "fire back at")]),
        ("China fires back in trade war with tariffs on Canadian goods", []),
        # a magazine speaks as one; a blog post's frame; a progressive's subject for the verb
        # joined to it (PolNeAR train)
        ("“In the case of Wyoming, the Cruz train has already left the station,” wrote Time "
         "magazine.", [("Time magazine", "write")]),
        ("Ed Krayewski said it best when he blogged: “Hillary Clinton is as close to a "
         "pre-selected candidate as this cycle will see.”", [("Ed Krayewski", "blog")]),
        ("He is comparing the gun actions to Obama’s executive action on immigration and says "
         "Obama is flouting the proper constitutional process.", [(None, "say")]),
        # the one a report quotes as saying, not the report (agency copy)
        ("The semiofficial Mehr News Agency quoted Senator Bernard Sanders, independent of "
         "Vermont, as saying, “The United States should not be accumulating phone records.”",
         [("Bernard Sanders", "say")]),
        ("Reuters quoted people close to Alibaba as saying the company is ready to move the "
         "listing to New York.", [("people close to Alibaba", "say")]),
        ("Tass quoted Dmitry Peskov as saying that the talks had been useful for both sides.",
         [("Dmitry Peskov", "say")]),
        # (not a relative's "told me", nor an "-ing" noun after its article)
        ("Not every hawk self-identified as a neocon, including Fontaine, who told me, “Where "
         "I come down on this is I believe in human rights.”", [("Fontaine", "tell")]),
        ("The white paper concludes with a warning: \"Meanwhile, it is necessary to stay alert "
         "to the attempt of outside forces.\"", [("The white paper", "conclude")]),
        # one name before a plural verb ends a list, no frame of the clause before it
        ("Nuclear talks between Iran, US conclude in Oman — TV", [("TV", None)]),
        ("Sanctions are working, Russia, US say", []),
        # a quotation going on after the speaker's appositive, a relative clause in it
        ("“Cyril,” says Anthony Butler, a professor at the University of Cape Town who has "
         "written a biography of Ramaphosa, “is the Forrest Gump of South African history.”",
         [("Anthony Butler", "say"), ("Anthony Butler", None)]),
        # a base form in an "as" clause before a colon is the view answered, no frame
        ("Olena Zelenska also stressed that Ukraine is not ready to give up its territories in "
         "exchange for peace, as some politicians suggest: \"We are not ready to give up our "
         "territories.\"", [("Olena Zelenska", "stress")]),
        # a frame in commas inside the sentence, the clause going on after it
        ("He had no known political affiliations, the airline added, and had passed all "
         "background security checks.", [("the airline", "add")]),
        # what one is before "who" after "as", a base form after "an East German journalist",
        # a dash's label before a colon
        ("But as a former Census-taker who has written about Census controversies for more "
         "than 25 years, Trump's words today make me wary of this blunderbuss.", []),
        ("The security agency also secretly helped an East German journalist write a book, "
         "“Who’s Who in the CIA,” that accurately outed numerous undercover CIA agents.", []),
        ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep "
         "on contacting voters as late as possible.”", []),
        # a report that goes on is the verb after "to" (its bare clause too: "he’s"); the floor
        # taken or a word put in before "to say" is how the subject said it (PolNeAR train)
        ("Pence went on to say he’s “confident” that once the elections are over, “these two "
         "men are going to do great things.”", [("Pence", "say")]),
        ("Trump took to Twitter to say the election was “rigged.”", [("Trump", "say")]),
        ("Lukashenko took the floor to stress that Belarus “will never betray Russia.”",
         [("Lukashenko", "stress")]),
        ("O'Malley interjected to say: \"They've both been inconsistent when it comes to this "
         "issue.\"", [("O'Malley", "say")]),
        ('It is wrong to say: "the talks have failed for good."', []),
        ("Donald Trump, who is vying to be the next president, tweeted on Friday to say he had "
         "never suggested a database.", [("Donald Trump", "say")]),
        ("The Kremlin called to say the meeting had been postponed.", [("The Kremlin", "say")]),
        ("Mr. Tsipras called on Greeks to say a “big ‘no’ to the ultimatum,” referring to the "
         "proposal.", []),
        # one of those spoken of, named after it; whom or what it was said of before "that";
        # a quotation that opens with "that" after whom one told; an interview's label, a
        # person's name alone before a colon (chinadaily-nyt-2013-15)
        ("“Why did they need things to turn violent before they listened to us?” asked one, "
         "Burcu Baran, 30.", [("Burcu Baran", "ask")]),
        ("Leo Strauss said of de Tocqueville's first masterpiece, Democracy In America (1835), "
         "that \"no book comparable in breadth and depth has ever been produced afterwards\".",
         [("Leo Strauss", "say")]),
        ("Mr. de Blasio assured Aipac members “that City Hall will always be open to Aipac.”",
         [("Mr. de Blasio", "assure")]),
        ("He pointed to the fact “that the talks have failed.”", []),
        ("Miller noted that he had written a book “that presidents have read and praised.”",
         [("Miller", "note")]),
        ("They wrote things like “that lady who ran for Congress.”", []),
        ("Mr. Ayalon: “You ask yourself less and less where to stop.”", [("Mr. Ayalon", None)]),
        ("Hong Kong: “You ask yourself less and less where to stop.”", []),
        # a word or two in quotation marks earlier in the frame's clause are its words
        # (chinadaily-nyt-2013-15)
        ('The author of the "Plan B" story warns: "CE Leung should push for universal suffrage '
         'for his own future\'s sake," but what does it really mean?',
         [('The author of the "Plan B" story', "warn")]),
        # a name's parenthetical and a comma before the verb; "who" and a time before its
        # verb; a document's participle after whoever put it out (PolNeAR train)
        ("Gov. John Kasich (R-OH), said, “I am getting ready to go to the convention.”",
         [("John Kasich", "say")]),
        ("Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” "
         "endorsed Cruz.", [("Beck", "describe")]),
        ('President Obama released a statement saying, "This is a horrific terrorist attack in '
         'Nice, France."', [("President Obama", "say")]),
        ("Something caught his eye: an 1870 newspaper article describing the “voodoo abduction” "
         "of a toddler by two mysterious women.", []),
        ('Lam Woon-kwong\'s previous comments condemning "Occupy" includes a commentary '
         'headlined, "Occupy Central is naive to think its disruptive threat will work".', []),
        # (no subject ends with "by": the quotation before it cut the clause; a plural of
        # "state" after a number's word is the noun; PolNeAR train)
        ("Pastor Darrell Scott defended Trump’s “Look at my African-American over here!” line by "
         "saying it was a “term of endearment” and part of his style.",
         [("Darrell Scott", "say")]),
        ("Strong showings in the dozen states that held primaries strengthened the prospect that "
         "the election will pit Clinton against Trump.", []),
        ('The Basic Law, of which Article 5 states that our "way of life shall remain unchanged '
         'for 50 years," is clear.', [("Article 5", "state")]),
        # an age after "now" in an appositive; a time after whom one told is no clause ("this"
        # is no verb in "-s"); a sound of the voice after a quotation (chinadaily-nyt-2013-15)
        ("“I tried to make the point to the White House,” Dole, now 92, told me earlier this "
         "summer.", [("Dole", "tell")]),
        ("“We will win the state,” Dole told me earlier this summer.", [("Dole", "tell")]),
        ("“She doesn’t know anything about killing people,” she sobbed.", [(None, "sob")]),
        ("Many people cried when the results came in.", []),
        # a base form after a plural; one of a person's family as a source (kremlin-2021-22)
        ('"Overall, the economy is likely to decline by at least 40% this year," the authors '
         'predict.', [("the authors", "predict")]),
        ("It is hard to predict what will happen.", []),
        ("Third parties, regulators wrote, could potentially use the information.",
         [("regulators", "write")]),
        # "To quote X," before a quotation; "was often quoted as saying" (chinadaily-nyt)
        ('To quote the late Chairman Mao, "Dust will remain until the broom sweeps it away."',
         [("Chairman Mao", "say")]),
        ("“Sport has the power to change the world,” Mandela, who died Thursday, was often quoted "
         "as saying.", [("Mandela", "say")]),
        ("Ms. Lee cut me short: “There isn’t a creative solution to everything.”",
         [("Ms. Lee", None)]),
        ('Ms. Lee became so upset that I had to change my answer: "Of course I believe in it."',
         []),
        ("Benjamin Franklin described a building he helped finance for the preacher George "
         "Whitefield: “The design in building not being to accommodate any particular sect.”",
         [("Benjamin Franklin", None)]),
        # where one is, after an inverted verb, is no part of the speaker; "intones"
        # (chinadaily-nyt-2013-15)
        ("“It’s too early and too difficult to talk about this right now,” said a journalist "
         "there.", [("a journalist", "say")]),
        ("“Powerful interests have tried to capture Washington,” intones Ms. Warren, as images "
         "flash by.", [("Ms. Warren", "intone")]),
        # (an aside's inverted frame after a name and a comma, chinadaily-nyt-2013-15)
        ("The European Union, said Marion Maréchal-Le Pen, a member of the French parliament, is "
         "a failure.", [("Marion Maréchal-Le Pen", "say")]),
        # a plural form after a document's head is its verb (set 26)
        ("The lawsuit claims the declaration is unconstitutional.", [("The lawsuit", "claim")]),
        ("The statement claims were rejected by the court.", []),
        # a short quotation in the predicate of a frame set inside its clause (PolNeAR dev)
        ("These employees, Stumpf explained earlier in the committee hearing, were “well-paid,” "
         "making between $30,000 and $60,000 a year.", [("Stumpf", "explain")]),
        ('According to the President\'s wife, Russian soldiers are resorting to violence, because '
         'Russia\'s goal is to "destroy everything that makes us Ukrainians."',
         [("the President's wife", "according to")]),
        # a statement put out, and when (chinadaily-nyt-2013-15)
        ("The Hong Kong government issued a statement late Tuesday saying it would take the "
         "desires of the protesters into account.", [("The Hong Kong government", "say")]),
        # the subject of a verb joined by "and" before its adverb (chinadaily-nyt-2013-15)
        ("She first accused China Daily of “unleashing the torrent of criticism” of Professor "
         "Tai, called for a “stop to vilifying campaigners”, and went on to say “there is the "
         "orchestrated campaign by some chambers of commerce” against civic disobedience.",
         [(None, "accuse"), (None, "say")]),
        # "call" takes a longer object before its quoted complement, one that ends in its noun
        # with no clause or infinitive in it; a participle's verb has its short object before
        # "by" (PolNeAR train; chinadaily-nyt-2013-15)
        ("Bolton called Obama’s ignorance of solid advice from seasoned military commanders "
         "“disrespectful to the men and women who are in harm’s way.”", [("Bolton", "call")]),
        ("Obama punctuated his list by saying “Too many.”", [("Obama", "say")]),
        ("The minister called an emergency meeting of the council in Minsk over the “crisis.”",
         []),
        ("The president called his counterpart in Moscow on Friday to discuss the “Union State” "
         "program.", []),
        ("Hong Kong's government called off a meeting with the leaders of the student "
         "\"pro-democracy\" protests.", []),
        ("President Obama called the Supreme Court’s decision to overturn the Defense of Marriage "
         "Act a “victory for American democracy.”", [("President Obama", "call")]),
        ("He helped to found a group called Scholarism to protest an effort by the authorities "
         "to promote a “patriotic education” curriculum.", []),
        # a subordinate clause's subject named in commas after a clause; an appositive whose
        # closing comma is left out, not a possessive's phrase (chinadaily-nyt-2013-15)
        ("She studied philosophy at N.Y.U., where a professor, Sidney Hook, said in a lecture, "
         "“You don’t have to be a shoemaker to know that the shoe hurts your foot.”",
         [("Sidney Hook", "say")]),
        ("“If a democratically elected mayor needs to step down, then all alarm bells need to "
         "be going off,” Cem Ozdemir, head of the opposition Greens told public broadcaster "
         "SWR.", [("Cem Ozdemir", "tell")]),
        ("“Human rights were part of the discussions,” Josh Earnest, the White House press "
         "secretary told reporters.", [("Josh Earnest", "tell")]),
        ("“We will not raise taxes,” Mr. Putin, his spokesman said.", [("his spokesman", "say")]),
        # "called" after a thing's noun names it; "accused of" is a passive's participle
        # (chinadaily-nyt-2013-15)
        ("Yasin Aktay, a sociology professor who wrote a book on leadership called “Times of "
         "Charisma,” which includes an analysis, lectures in Ankara.", []),
        ("General Buhari waged a campaign called “War Against Indiscipline.”", []),
        ("The president called the notion a “waste of time.”", [("The president", "call")]),
        ("“They love it in Israel,” one editor wrote on a Wikipedia page called “Lamest Edit "
         "Wars.”", [("one editor", "write")]),
        ("They studied a text that Ocalan wrote on gender equality called ‘‘Liberating Life.’’",
         []),
        ("Ms. Aung San Suu Kyi acknowledged what she called “defects” in the party.",
         [("Aung San Suu Kyi", "call")]),
        ("Visiting presidents stick to a handful of what one analyst called “safe-bet "
         "countries.”", [("one analyst", "call")]),
        ("There’s a reason Philip Roth has called “A Perfect Spy,” le Carré’s novel, the best.",
         [("Philip Roth", "call")]),
        ("“I understand my colleagues’ desire to help the guy,” Charles Bu, the professor "
         "accused of having promoted the Communist Party agenda, said of Mr. Xia.",
         [("Charles Bu", "say")]),
        # a demonstrative after a preposition opens its object; a phrase coined in quotation
        # marks (chinadaily-nyt-2013-15, development sets)
        ("Opponents of this plan said it “would fail.”", [("Opponents of this plan", "say")]),
        ("Journalists coined it the “Snooper Bowl.”", [("Journalists", "coin")]),
        ("This plan said it “would fail.”", []),
        ("“May its lights always be bright,” the President wished.", [("the President", "wish")]),
        # an inverted frame inside the clause before the quotation's next words; a Catalan
        # name's "i"; an emphasis's "did"; one named with where from (chinadaily-nyt-2013-15)
        ("A new election, added Fitch, “could produce an anti-austerity, anti-E.U. "
         "administration.”", [("Fitch", "add")]),
        ("He went home. Later, said the police, “he left again.”", [("the police", "say")]),
        ("“There is no easier way,” he wrote in his autobiography, “Long Walk to Freedom.”",
         [(None, "write")]),
        # (the frame runs over the title: the quotation after it goes on the speaker's)
        ("“Would the Iraq war have occurred without W.M.D.?” Mr. Rove wrote in his memoir, "
         "“Courage and Consequence.” “I doubt it.”", [("Mr. Rove", "write"), ("Mr. Rove", None)]),
        # a given name alone before what the person is; a point made; an inverted frame's
        # adjunct before a participle (chinadaily-nyt-2013-15)
        ("Ronnie, his older brother, said, “My dad stuck with the Constitution.”",
         [("Ronnie", "say")]),
        ("The houses were looted. Then, the Taliban left messages on their phones, saying, "
         "“Return and you will be killed.”", [("the Taliban", "say")]),
        # a surname alone before its appositive; a name before an adjunct and a participle's
        # clause after an inverted verb (PolNeAR train)
        ('Hemsley, the co-author of "Going Viral," about the rapid spread of information, said '
         'the days when the nation had "a somewhat unifying story" are gone.', [("Hemsley", "say")]),
        ('"Watch a fully formed fetus on the table," said former tech executive Carly Fiorina '
         "during the second GOP debate, suggesting that she had seen such a video.",
         [("Carly Fiorina", "say")]),
        ("“It works,” Fares said. “It’s for adults.” Still another quoted the genie in the film "
         "“Aladdin”: “To be free. Such a thing would be greater than all the magic.”",
         [("Fares", "say"), ("Fares", None)]),
        ("“We are taking the claim seriously,” said a senior diplomat in Dhaka, speaking on the "
         "condition of anonymity. “We see it unfolding.”",
         [("a senior diplomat in Dhaka", "say"), ("a senior diplomat in Dhaka", None)]),
        ("The minister took the opposite view, asking, “If we say no, then what are the "
         "alternatives?”", [("The minister", "ask")]),
        ("The Chinese president stuck to his guns, bluntly asserting, “We have the right.”",
         [("The Chinese president", "assert")]),
        ("The ad uses footage of Hillary Clinton saying, “Why aren’t I 50 points ahead?”",
         [("Hillary Clinton", "say")]),
        # the country after a name says whose office it is (chinadaily-nyt-2013-15)
        ("President Obama met President Xi Jinping of China on Monday. “We have concerns,” Mr. "
         "Obama said. “We have the right,” the Chinese president said.",
         [("President Obama", "say"), ("Xi Jinping", "say")]),
        ("He made the point that for democracy to thrive, “there also has to be space for "
         "citizens.”", [(None, "make the point")]),
        ('"The US used to be a dominant power in Africa," wrote columnist Liu Zhun in the Global '
         "Times, noting that trade has fallen.", [("Liu Zhun", "write")]),
        ("A White House spokesman, Josh Earnest, told reporters, “We have repeatedly called on "
         "the military.”", [("Josh Earnest", "tell")]),
        ("“I hope the new king will be sensitive to the demands of the Catalan citizenship,” Mr. "
         "Duran i Lleida said.", [("Duran i Lleida", "say")]),
        ("But the governor did say, “Texas will continue to fight for its voter ID "
         "requirement.”", [("the governor", "say")]),
        ("“We are hopeful that the transition will be going back to democracy,” said one, "
         "Senator Lindsey Graham of South Carolina, who made the trip.",
         [("Lindsey Graham", "say")]),

        ('"Don\'t ever take a fence down until you know the reason it was put up," advises '
         'Gilbert Keith Chesterton in the book "The Thing".',
         [("Gilbert Keith Chesterton", "advise")]),
        # a passive's agent between "quoted" and "as saying"; an editorial that reads; whom one
        # told by what they are, then where; a country's name holds no verb; a verb's form that
        # is also a plural noun ends the frame (chinadaily-nyt-2013-15)
        ("“We would like to thank you for your true kindness,” a farmer was quoted by the ASTV "
         "Manager news website as saying.", [("a farmer", "say")]),
        ("“Government, opposition must step back from the brink,” read the lead editorial in "
         "the Sunday Nation, one of Kenya’s biggest newspapers.",
         [("the lead editorial in the Sunday Nation", "read")]),
        ("“Government, opposition must step back from the brink,” read a banner held by "
         "protesters.", []),
        ("In 1976, McNeill told a roomful of teachers at an American Historical Association "
         "meeting, “I find the apathy truly amazing; suicidal; absurd.”", [("McNeill", "tell")]),
        ("Lawrence Mishel called the decline of union power in the United States “the single "
         "largest factor suppressing wage growth.”", [("Lawrence Mishel", "call")]),
        ("“All Russian couples should have children while sober,” the poet duly notes.",
         [("the poet", "note")]),
        ('They should ask if they would embrace a China as "democratic, free and powerful" as '
         "the United States? They would most likely say no.", []),
        # a participle's agent on a noun; a statement's "Mr." ends no sentence
        ("Founded by Lo Hsing Han, a drug lord once described by the United States as the "
         "“kingpin of the heroin traffic in Southeast Asia,” Asia World grew.",
         [("the United States", "describe")]),
        ("“The article made clear that some leaders interfere,” read a statement issued by his "
         "campaign’s press office regarding Mr. Rosenberg’s expulsion.",
         [("a statement issued by his campaign’s press office regarding Mr. Rosenberg’s "
           "expulsion", "read")]),
        # a claim pushed further; a name one goes by; a colon's clause after a relative clause
        # on its subject (chinadaily-nyt-2013-15)
        ('Alan Leong of the Civic Party went so far as to say "Hong Kong with true democracy '
         "suits America's best interests\".", [("Alan Leong", "say")]),
        ("“ISIS brings foreign fighters for an Islamic State,” said one Arab commander with the "
         "Raqqa Revolutionaries Brigade who goes by the name Abu Hamza.", [("Abu Hamza", "say")]),
        ("Mr. Erdogan, whose party has accused opposition parties of stoking the protests, "
         "weighed in on Twitter in the late afternoon: “Wherever they try to hit us, we will "
         "stand tall and strong.”", [("Mr. Erdogan", None)]),
        ("“It was the revolution of a people.” Grateful Egyptians, the judge said, saw in Mr. "
         "Sisi “a bright tomorrow and a new birth.”", [("the judge", "say")]),
    ],
)  # fmt: skip
def test_more_frames_subjects_sources_and_resolutions(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation right after "said", or after a short adjunct, that ends its clause
        ("Ehud Yaari, an analyst for Israeli television, said “the new situation is not "
         "optimal” but better for Israel.", [("Ehud Yaari", "say")]),
        ('Global Times, a tabloid published by People\'s Daily, said in a recent editorial "the '
         'radical opposition in Hong Kong is a paper tiger".', [("Global Times", "say")]),
        ('Minister Hugo Swire said in a newspaper opinion piece "Britain stands ready to help '
         'in any way we can." This happened a month later.', [("Hugo Swire", "say")]),
        # not a quoted phrase that opens the reported clause
        ('Lawrence Ma said "civil nomination" unnecessarily dilutes the pool of candidates.',
         [("Lawrence Ma", "say")]),
        # a subject whose organisation's name has small words of its own
        ("Jeff Abramson of the Forum on the Arms Trade, a network of civil society experts, said "
         "that he was not sure if this should be seen as part of the strategy.",
         [("Jeff Abramson", "say")]),
        ("The head of the office in the city of Minsk said that the deal was bad.", []),
        # more verbs of speaking, with a quotation or "that" only
        ("“It is really so important,” Mr. Law joked, referring to the book.",
         [("Mr. Law", "joke")]),
        ("“Xi Jinping, write back,” protesters chanted.", [("protesters", "chant")]),
        ("The protesters chanted slogans all night.", []),
        ("Oscar Pistorius took the stand. “I don’t have to look at a picture,” he mumbled.",
         [("Oscar Pistorius", "mumble")]),
        # Burmese honorifics: the name without them, and the gender they give
        ("Daw Aung San Suu Kyi met U Khin Nyunt, the former spy chief, on Monday. “I would like "
         "us to have the courage,” she said.", [("Aung San Suu Kyi", "say")]),
        ("Daw Aung San Suu Kyi met U Khin Nyunt, the former spy chief, on Monday. “I would like "
         "us to have the courage,” he said.", [("Khin Nyunt", "say")]),
        # "he" after a person the text gives an age, not the person quoted before
        ("“Someone who can afford an Acura will buy a Civic,” said Paul Blokland, the director "
         "of Segment Y, a research firm. Vishal Rode, a 31-year-old autoworker, earns $80 a "
         "week. He had to take out a loan. “I want to buy a car in the future,” he said.",
         [("Paul Blokland", "say"), ("Vishal Rode", "say")]),
        # a relative clause on the adjunct's noun after a final frame
        ("The audit will be conducted in accordance with the highest international standards, "
         "Kerry said at the briefing, which was also attended by the UN secretary-general's "
         "special envoy for Afghanistan Jan Kubis.", [("Kerry", "say")]),
        # an article and an adjective before the name of a participle's subject
        ("Ronny Tong resigned. A tearful Tong apologized to his supporters, saying his decision "
         "to leave the party has been a painful one.", [("Ronny Tong", "say")]),
        # (no name here, but a group that may speak: its explanation is its own, as the first
        # clause's subject; it gave nothing before session 39)
        ("The de Blasio-backed group canceled its event, explaining in a statement that it would "
         "redirect its energies.", [("The de Blasio-backed group", "explain")]),
        # "she" is no man the given name says is one
        ("“For a while we were going to write a book,” said Jed Rubenfeld, a law professor. Amy "
         "Chua, his wife, laughed. “It was going to be how different the cultures were,” she said.",
         [("Jed Rubenfeld", "say"), ("Amy Chua", "say")]),
        # a verb of the sentence's own before "that" opens no report of the first verb; a
        # relative clause on whom one tells does not stop it
        ("The new aid Mr. Kerry announced would be in addition to the food that the United "
         "States pledged to provide.", []),
        ("Mr. Kerry told reporters who had gathered outside that the talks had failed.",
         [("Mr. Kerry", "tell")]),
        # "added" with a noun phrase is no report; a clause after it is, past a noun, an
        # adverb or an irregular verb
        ("Ford opened a plant in India this year, and Daimler has added an extensive assembly "
         "line for buses to its truck factory in southern India.", []),
        ("Mr. Smith added the talks went well.", [("Mr. Smith", "add")]),
        ("Many employers say the requirements also hurt business.", [("Many employers", "say")]),
        # a Hong Kong name: given name, surname and the Chinese given name
        ("The decision by the Civic Party's Ronny Tong Ka-wah to quit was sad. Tong said that "
         "he had no choice.", [("Ronny Tong Ka-wah", "say")]),
    ],
)  # fmt: skip
def test_frames_verbs_and_honorifics_of_sets_20_and_21(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news copy that drops "that" after a reporting verb, past where or when it was said
        ("Peter Smith announced on Twitter the agency was to investigate the cause of the crash.",
         [("Peter Smith", "announce")]),
        ("Peter Smith reported the party had finalized the division of the delegates.",
         [("Peter Smith", "report")]),
        ("The city's security chief, Abdullah al-Jahafi, announced on Facebook on Tuesday there "
         "were suspects in custody.", [("Abdullah al-Jahafi", "announce")]),
        ("Mr Orlov explained how they are protecting the coastline and building a dam.", []),
        ("Peter Smith announced the winners of the prize.", []),
        # "said no" opens a clause when a noun and more follow; not a reply
        ("Peter Smith said no traces of poison was found in his blood or urine.",
         [("Peter Smith", "say")]),
        ("Peter Smith said no to the plan.", []),
        # whom one told, then a clause with a noun phrase for its subject
        ("Doug Miller of Milltech Marine told our correspondent an AIS transponder will "
         "broadcast automatically provided it has power.", [("Doug Miller", "tell")]),
        ("Baslan Damang told The Jakarta Post radio broadcasts were being used to alert other "
         "traffic.", [("Baslan Damang", "tell")]),
        ("She told the story of the man who lived next door.", []),
        ("Vladimir Putin told Mario Draghi about the ongoing efforts to establish peaceful life "
         "in the liberated cities of Donbass.", []),
        # a post on a social network, and a quotation right after "stated" or "tweeted"
        ("Peter Smith posted on Twitter, \"Today we went to the Moon and came back to earth!\"",
         [("Peter Smith", "post")]),
        ("Chief Minister Manohar Parrikar tweeted he was \"extremely pained\" to hear about the "
         "demise.", [("Manohar Parrikar", "tweet")]),
        ("Denzel Washington, who paid for Boseman to attend BADA, stated \"He was a gentle soul "
         "and a brilliant artist.\"", [("Denzel Washington", "state")]),
        # a day opens no organisation's name
        ("On Friday Ford Motor Company announced the Department of Justice was performing a "
         "criminal investigation.", [("Ford Motor Company", "announce")]),
        # a surname written without the accents of the full name the text gives
        ("President Recep Tayyip Erdoğan spoke on Monday. On Friday Erdogan said, \"We will "
         "change the name.\"", [("Recep Tayyip Erdoğan", "say")]),
    ],
)  # fmt: skip
def test_reports_without_that_tweets_and_plain_spellings_of_wikinews_set_26(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person "at" an institution: the person
        ("Dr. Steven Wolf at Saint Francis said, \"We received a mass casualty alert.\"",
         [("Steven Wolf", "say")]),
        # where and when, with no verb, between the verb and the comma before a quotation
        ("Connecticut Governor Ned Lamont said at a press conference after the incident, \"My "
         "heart really goes out to the families.\"", [("Ned Lamont", "say")]),
        ("Mr. Smith said in the talks that were held after the vote that had failed, \"It is "
         "over.\"", []),
        # "about" and a number opens a clause's subject, no phrase
        ("Local officials said on Saturday, about 20 buildings collapsed.",
         [("Local officials", "say")]),
        ("The Foreign Ministry of Iraq characterized the attack as \"a serious violation of "
         "Iraqi sovereignty\".", [("Foreign Ministry of Iraq", "characterize")]),
        # a degree's initials end no sentence
        ("Lead author Daniel Paluh, a Ph.D. candidate at the University of Florida, said, "
         "\"Superficially, frogs may look similar.\"", [("Daniel Paluh", "say")]),
        # a bare role before the name after an inverted verb
        ("\"Whenever there are signs of sending a palm branch,\" wrote student protester Joshua "
         "Wong on Twitter.", [("Joshua Wong", "write")]),
        # a quotation with a frame of its own continues no one's
        ("\"Whenever there are signs,\" wrote student protester Joshua Wong on Twitter. \"She is "
         "just doing this to try and disintegrate the movement,\" said a protester using the "
         "pseudonym Katya.", [("Joshua Wong", "write"), ("Katya", "say")]),
        # a phrase of what the speaker was doing between subject and verb; an aside in dashes
        # before the quotation; a participle right after the first verb's short object
        ("Assembly president Richard Ferrand in relaying the news to parliament said, \"Jacques "
         "Chirac is part of the history of France\".", [("Richard Ferrand", "say")]),
        ("President Erdogan said — as reported by Hurriyet Daily News — \"Ayasofya will no "
         "longer be a museum.\"", [("President Erdogan", "say")]),
        ("The governor tweeted her reasoning saying, \"Today, I signed into law the Alabama "
         "Human Life Protection Act.\"", [("The governor", "tweet")]),
        # a group of a person's: the full name the text gives
        ("Russian opposition leader Alexei Navalny fell ill. Associates of Navalny alleged he "
         "drank tea laced with poison.", [("Associates of Alexei Navalny", "allege")]),
        # a name and any verb after a verb that takes a clause; not a possessive's object
        ("NPR reported Adil Abdul-Mahdi, the caretaker Prime Minister, recommended the United "
         "States troops in Iraq withdraw.", [("NPR", "report")]),
        ("Vladimir Putin also reiterated Russia's demands made earlier.", []),
        # a person and their group: together, under the person's full name
        ("President Donald Trump spoke. Trump and his supporters claimed Joe Biden only won the "
         "elections due to voter fraud.", [("Donald Trump and his supporters", "claim")]),
        # a participle after "by" and its quoted object; the subject of the verb before "by"
        ("Members of the House of Commons protested by shouting \"shame on you!\" during the "
         "session.", [("Members of the House of Commons", "shout")]),
        # a time phrase after an appositive's comma, before the verb
        ("Baslan Damang, a security official, on Tuesday told reporters the radio broadcasts "
         "were being used.", [("Baslan Damang", "tell")]),
        # a relative by the given name alone: the given name and the person's surname
        ("Former French president Jacques Chirac has died. He had not made public appearances "
         "since 2014, which his wife Bernadette said was due to memory problems.",
         [("Bernadette Chirac", "say")]),
        ("Former French president Jacques Chirac has died. His wife Bernadette said he had been "
         "ill for years.", [("Bernadette Chirac", "say")]),
        # a participle's own subject after ", with"
        ("Republican Representatives attacked the impeachment inquiry, with Steve Scalise of "
         "Louisiana calling the investigation into Trump \"Soviet-style\".",
         [("Steve Scalise", "call")]),
        ("The talks ended, with Smith saying, \"We will come back.\"", [("Smith", "say")]),
        # "called on" someone "to do": an appeal, no words quoted
        ("George Osborne, the British chancellor of the Exchequer, on Friday called on the Greek "
         "government “to do a deal before it is too late.”", []),
    ],
)  # fmt: skip
def test_adjuncts_roles_and_own_frames_of_wikinews_set_26(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials with spaces before a surname: the full name a later "Mr." resolves to
        ("“There is no judiciary in Egypt,” said H. A. Hellyer, a fellow at the Brookings "
         "Institution. “More people will die,” Mr. Hellyer said.",
         [("H. A. Hellyer", "say"), ("H. A. Hellyer", "say")]),
        ("K.K. Barrett, the designer, said the work was done. “It is done,” Mr. Barrett said.",
         [("K.K. Barrett", "say"), ("K.K. Barrett", "say")]),
        # one name spelled two ways: the text's first spelling
        ("Deng Xiaoping spoke in 1992. Later Deng Xiao-ping said the reform would go on.",
         [("Deng Xiaoping", "say")]),
    ],
)  # fmt: skip
def test_initials_and_spellings_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an officer is a role; a comma inside a short quotation's closing mark
        ("“Blackmail by terrorism,” said a senior military officer.",
         [("a senior military officer", "say")]),
        ("Mr. Thiel, describing himself as a “political atheist,” said that people should spend "
         "less time trying to change the system.", [("Mr. Thiel", "say")]),
    ],
)  # fmt: skip
def test_officers_and_commas_inside_quotes_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in the possessive before an office is a person's, and the subject of the
        # sentence before is the "he" of the next quotation
        ("The 94-year-old was hospitalized, President Jacob Zuma's office said in a statement. "
         "Zuma wished Mandela a speedy recovery. “We appeal to the people to pray for our "
         "beloved Madiba,” he said.",
         [("President Jacob Zuma's office", "say"), ("Jacob Zuma", "say")]),
        # a kin noun in an appositive makes a person ("Ying-Ying Chang, Iris's mother")
        ("It was in 1979 when Iris Chang was in fifth grade that she grew curious about her "
         "roots. Ying-Ying Chang, Iris's mother, usually told her about her grandparents. "
         "“We told her of the sufferings of our parents,” she said.",
         [("Ying-Ying Chang", "say")]),
        # no name in a report before its own frame is that frame's "she"
        ("Ying-Ying Chang, Iris's mother, told her stories. “We told her of the war,” she "
         "said. They also told Iris about the Nanking Massacre, she said.",
         [("Ying-Ying Chang", "say"), ("Ying-Ying Chang", "say")]),
    ],
)  # fmt: skip
def test_possessives_kin_and_own_reports_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title of address opens a sentence where a page glued two: the report ends before it
        ("In September, Mr. Nittve said he would be stepping down in January, when his contract "
         "will expire.Mr. Nittve has been with M+ since 2011.",
         [("Mr. Nittve", "say",
           "he would be stepping down in January, when his contract will expire")]),
        # whom one told, with a time after it, before "that"
        ("Clinton told the Senate's foreign relations committee in March 2012 that the US is "
         "\"engaged in an information war\".",
         [("Clinton", "tell", 'the US is "engaged in an information war"')]),
        # "As X, an appositive, once said, ...": an adverb or auxiliary after the appositive
        ("As Lu Wei, minister of the Cyberspace Administration of China, once said, freedom is "
         "the purpose while order serves to protect it.",
         [("Lu Wei", "say", "freedom is the purpose while order serves to protect it")]),
        ("As Lu Wei, the minister, has said, freedom is the purpose.",
         [("Lu Wei", "say", "freedom is the purpose")]),
        # a body's name in commas after what it is, and its "it"
        ("The major opposition group, the National Salvation Front, has announced that it plans "
         "to boycott the vote to protest what it says is a push by Mr. Morsi.",
         [("the National Salvation Front", "announce",
           "it plans to boycott the vote to protest what it says is a push by Mr. Morsi"),
          ("the National Salvation Front", "say", "is a push by Mr. Morsi")]),
    ],
)  # fmt: skip
def test_glue_whom_told_appositives_and_bodies_of_set_31(text, expected):
    assert found(text).select("speaker", "verb", "quote").rows() == expected


def test_a_given_name_that_opens_a_sentence_with_a_past_verb_is_a_person_of_set_31():
    # "Lester Kurylo moved back": a person, so the "he" after is his, not a place's
    text = (
        "It has more oceanfront property than any other town in New Jersey, the storm rendered "
        "homes uninhabitable. Lester Kurylo moved back to his house to protect it from looting. "
        "“I just don’t look left or right,” he said."
    )
    assert found(text).select("speaker", "verb").rows() == [("Lester Kurylo", "say")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the president" where the text names a president by title and surname only
        ("President Obama vowed on Saturday to keep borders open. Mr. Obama chatted with "
         "children. They were representative of the faces of minorities, the president said.",
         [("President Obama", "say")]),
        # not where it names two so
        ("President Obama met President Hollande on Saturday. They were representative of "
         "the faces of minorities, the president said.",
         [("the president", "say")]),
    ],
)  # fmt: skip
def test_the_president_named_by_title_and_surname_of_set_31(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


def test_a_role_after_a_determiner_in_a_long_appositive_makes_a_person_of_set_31():
    # ", a representative of ... who reviewed the draft regulation,": a person, so the "he"
    # after is his and not the one quoted before him
    text = (
        "“The systems are not flexible,” says Mr. Kerry, who has taken trips. Last month, Jan "
        "Philipp Albrecht, a representative of the European Parliament who reviewed the draft "
        "regulation, proposed additional rights. “My impression is that the U.S. Chamber of "
        "Commerce is following Silicon Valley,” he says."
    )
    assert found(text).select("speaker", "verb").rows() == [
        ("Mr. Kerry", "say"),
        ("Jan Philipp Albrecht", "say"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom one told, then a clause with a quotation mark inside it (a mixed quotation)
        ("Lakhdar Brahimi, the envoy, spoke. But he told reporters the council “is very much now "
         "aware it’s a serious problem.”",
         [("Lakhdar Brahimi", "tell")]),
        # a person and others, the person resolved as the surname alone names them
        ("Andy Kwan Cheuk-chiu, director of the ACE Centre, studied the data. Kwan and others "
         "said that the projected supply is clearly not enough.",
         [("Andy Kwan Cheuk-chiu and others", "say")]),
    ],
)  # fmt: skip
def test_mixed_quotations_after_whom_one_told_and_others_of_set_31(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news subject's hope with "that" is a view reported, as "believe" is
        ("And State Department officials hope that the Istanbul meeting will enable the "
         "American side to close ranks.",
         [("State Department officials", "hope")]),
        # not with no "that", not as a noun, and not the writer's own
        ("Mr. Kerry hoped to meet them.", []),
        ("Hopes that the talks would succeed faded.", []),
        ("We hope that the meeting works.", []),
    ],
)  # fmt: skip
def test_a_hope_reported_of_set_31(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive in a description after an inverted verb
        ("“The revolution has started,” said the paper’s managing editor, speaking anonymously.",
         [("the paper’s managing editor", "say")]),
        # a name in commas after what the person is, with a past verb: a person, so the "he"
        # after is theirs
        ("On Tuesday, an anti-monarchist, Hans Maessen, stood in Dam Square waving a sign. He "
         "conceded that the balance of opinion was running against his cause.",
         [("Hans Maessen", "concede")]),
        # a person who indicates reports; a subject that is no study or person finds nothing
        ("Carrie Lam spoke. What is needed, Lam indicated, is a period of calm reflection.",
         [("Carrie Lam", "indicate")]),
        ("The move indicated that prices would rise.", []),
    ],
)  # fmt: skip
def test_possessive_descriptions_appositives_and_indicating_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the statement" is whose the text said it was ("X said in a statement"), not one a
        # time phrase opens
        ("The 94-year-old was hospitalized on Wednesday, President Jacob Zuma's office said in "
         "a statement. \"Doctors are attending to him,\" the statement said.",
         [("President Jacob Zuma's office", "say"), ("President Jacob Zuma's office", "say")]),
        ("On Monday the ministry said in a statement that it was fine. \"We are fine,\" the "
         "statement said.",
         [("the ministry", "say"), ("the statement", "say")]),
    ],
)  # fmt: skip
def test_a_statement_is_whose_the_text_said_it_was_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution named shorter after its longer name
        ("Thames Valley Police investigated. Police said on Monday they believe the theft "
         "involved thieves.",
         [("Thames Valley Police", "say")]),
        ("The European Court of Justice ruled. By today’s judgment, the Court of Justice said "
         "that the rule holds.",
         [("European Court of Justice", "say")]),
        # not where two longer names are given as often, nor from a phrase that opens a sentence
        ("The European Court of Justice and the Supreme Court of Justice met. The Court of "
         "Justice said that the rule holds.",
         [("The Court of Justice", "say")]),
        ("On Monday Police said that the roads were closed.", [("Police", "say")]),
    ],
)  # fmt: skip
def test_an_institution_named_shorter_after_its_longer_name_of_set_26(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname is the longer form of the name the person quoted last was given
        ("The program cost $1 million.Jes Kaliebe Petersen, co-founder of the company, said "
         "that the program had no political aim. “We have run the network autonomously,” Mr. "
         "Petersen said.",
         [("Jes Kaliebe Petersen", "say"), ("Jes Kaliebe Petersen", "say")]),
        # a description after a dateline's dash
        ("YANGON, Myanmar — Myanmar’s election commission said on Friday that the party had "
         "won 348 seats.",
         [("Myanmar’s election commission", "say")]),
        # two groups, the second with its determiner
        ("The parents and their supporters say the president has done too little.",
         [("The parents and their supporters", "say")]),
        # a name in a participle's phrase that opens the sentence is no subject for "he"
        ("Meeting with Egypt’s foreign minister, Nabil Fahmy, in Washington on Tuesday, "
         "Secretary of State John Kerry flagged “disturbing decisions” that he said “raised "
         "serious challenges for all of us.”",
         [("John Kerry", "say")]),
    ],
)  # fmt: skip
def test_longer_names_datelines_groups_and_participles_of_set_33(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "the government" is the one government the text named by whose it is
        ("The Hong Kong government condemned the protests. The government denied abetting the "
         "violence, but said the turmoil was a good reason to end the sit-ins.",
         [("Hong Kong government", "say")]),
        ("The Obama administration spoke. The administration has insisted that Beijing resolve "
         "the claims.",
         [("Obama administration", "insist")]),
        ("The Chinese government and the US government met. The government said that it was "
         "fine.",
         [("The government", "say")]),
        # a stance a news subject is said to hold, with "that"
        ("But Mr. Abdel-Fattah, the political scientist, was skeptical that such a dialogue "
         "could restore trust.",
         [("Mr. Abdel-Fattah", "be skeptical")]),
        ("The ministry is concerned about the plan.", []),
    ],
)  # fmt: skip
def test_whose_government_and_stances_held_of_sets_29_and_33(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a family name that is also a common word, before a hyphened given name or addressed
        ("They threaten to derail President Park Geun-hye’s political agenda. (Granting broader "
         "authority to the panel, Ms. Park has said, would “shake the foundation of the "
         "judicial system.”)",
         [("Park Geun-hye", "say")]),
        ("We met in Central Park. Mr. Park said that it was fine.", [("Mr. Park", "say")]),
    ],
)  # fmt: skip
def test_a_family_name_that_is_a_common_word_of_set_33(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation split by an inverted frame with no comma
        ("\"We stand ready\" tweeted Johnson \"to provide whatever help we can.\"",
         [("Johnson", "tweet"), ("Johnson", None)]),
        # "the latter" and "the former" of two names joined by "and"
        ("Investigations have been launched by the Federal Aviation Administration and the "
         "National Transportation Safety Board, with the latter yesterday confirming on Twitter "
         "that five people died.",
         [("National Transportation Safety Board", "confirm")]),
        ("Mr. Smith and Mr. Jones met. The former said that it was fine.",
         [("Mr. Smith", "say")]),
        ("The former president said that it was fine.", [("The former president", "say")]),
    ],
)  # fmt: skip
def test_split_inverted_frames_and_the_latter_of_set_26(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one of a group after an inverted verb, and what the appositive says it is
        ("“Blackmail by terrorism,” said one of the officials, a senior military officer.",
         [("a senior military officer", "say")]),
        ("“It is over,” said one of the officials on Monday.",
         [("one of the officials", "say")]),
        # not one of a group no role names
        ("“It is over,” said one of the cars.", []),
    ],
)  # fmt: skip
def test_one_of_a_group_after_an_inverted_verb_of_set_29(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom one told, then where and when at length, before "that"
        ("Li Junhua spoke. Li, the head of the Chinese delegation, told a press conference on "
         "Friday afternoon after the conclusion of the dialogue that there is no single path.",
         [("Li Junhua", "tell")]),
        # a verb other than "tell" keeps the shorter reach ("that" here opens a relative clause)
        ("Li noted the long list of the promises made at the conference in the spring of the "
         "year before that were kept.", []),
    ],
)  # fmt: skip
def test_whom_one_told_where_and_when_at_length_of_set_33(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the president" where two are titled: the one the text also calls by title and
        # surname (a possessive is the same one), by the full name the text gives
        ("US President Donald Trump and former US Vice President Joe Biden were to debate. "
         "President Trump tested positive. The talks went on in light of President Trump's "
         "diagnosis. The president called the notion a \"waste of time\".",
         [("Donald Trump", "call")]),
        # no given name: title and surname
        ("President Obama vowed to act. President Obama's aides agreed. The president said the "
         "plan would work well.",
         [("President Obama", "say")]),
        # two presidents by title and surname: neither
        ("President Obama met President Putin. Both spoke at length. The president said the "
         "plan would work well.",
         [("The president", "say")]),
    ],
)  # fmt: skip
def test_the_president_by_title_and_surname_of_set_26(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the government" whose the text says once by name: a hyphened adjective before the
        # same head is no name ("the Beijing-backed government")
        ("Protesters were attacked by supporters of the Beijing-backed government. The Hong "
         "Kong government met them. The government denied abetting the violence, but said the "
         "turmoil was a good reason to end the sit-ins.",
         [("Hong Kong government", "say")]),
        # two names as often: neither
        ("The Hong Kong government met them. The Macau government met them too. The "
         "government denied abetting the violence, but said the turmoil was a good reason to "
         "end the sit-ins.",
         [("The government", "say")]),
    ],
)  # fmt: skip
def test_the_government_by_its_name_of_set_33(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a monarch is known with the title, the ordinal too; "the king", the name alone, the
        # name without the ordinal and a pronoun are the same one
        ("King Abdullah II spoke this week. King Abdullah met them. “It is over,” the king said "
         "of their program. “It is done,” Abdullah said.",
         [("King Abdullah II", "say"), ("King Abdullah II", "say")]),
        ("Queen Beatrix of the Netherlands spoke on television. “Some moments ago I abdicated "
         "from the throne,” Beatrix said.",
         [("Queen Beatrix", "say")]),
        ("This is what Pope Francis suggested when he said business was especially useful “if "
         "it sees the creation of jobs as an essential part of its service.”",
         [("Pope Francis", "say")]),
        # a president keeps the given name the text writes
        ("President Barack Obama spoke. “It is done,” Obama said.", [("Barack Obama", "say")]),
    ],
)  # fmt: skip
def test_monarchs_and_popes_are_known_with_the_title_of_sets_29_and_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after "the" is no person's that "he" stands for ("the Arab Spring")
        ("King Abdullah II spoke this week. Many had feared the upheaval of the Arab Spring. "
         "His family does not understand the lessons of the Arab Spring, he said.",
         [("King Abdullah II", "say")]),
        # unless the text makes it speak ("the Dalai Lama said")
        ("The Dalai Lama met the students. The Dalai Lama said the visit was long overdue. The "
         "trip was not political, he said.",
         [("Dalai Lama", "say"), ("Dalai Lama", "say")]),
        # nor one inside an institution's name ("the Center for American Progress"), which
        # makes the appositive a role
        ("Neera Tanden, president of the Center for American Progress, a Washington research "
         "group with close ties to the White House, said, “What we have learned is how much of "
         "a challenge the demand side has been.” “A big reason is that we have a demand "
         "challenge,” she added.",
         [("Neera Tanden", "say"), ("Neera Tanden", "add")]),
    ],
)  # fmt: skip
def test_a_name_after_the_or_inside_an_institution_is_no_person_of_set_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence's stop after an acronym "according to" cites is no part of it
        ("To save face, the Hong Kong Council of Social Service (HKCSS) downloaded the data. The "
         "poverty trap is best avoided by surgical sterilization, according to the HKCSS.",
         [("Hong Kong Council of Social Service", "according to")]),
        # an initialism's own stops stay
        ("Prices rose sharply last year, according to the U.N.", [("the U.N.", "according to")]),
    ],
)  # fmt: skip
def test_an_acronym_at_the_end_of_according_to_of_set_36(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's name in commas after what it is, after an inverted verb
        ("“Go Home Imran,” said a politically conservative newspaper, The Nation.",
         [("The Nation", "say")]),
        ("“Go Home Imran,” said the main opposition group, the National Salvation Front.",
         [("the National Salvation Front", "say")]),
        # a person's role and no name: the role
        ("“Go Home,” said her lawyer, the former judge.", [("her lawyer", "say")]),
    ],
)  # fmt: skip
def test_a_body_named_after_what_it_is_after_an_inverted_verb_of_set_36(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated report is none: what was not said
        ("The article never said that Mr. Erdogan supported the Islamic State.", []),
        ("He has not claimed that the plan would work.", []),
        ("She never once said the plan would work.", []),
        # a negated doubt or denial is what one holds
        ("Tu never doubted that the people of Hong Kong would do well.",
         [("Tu", "doubt")]),
        # a statement issued or made, with its "that" clause (not a relative clause on it)
        ("Dean Baquet, the Times executive editor, also issued a statement that the article "
         "never said or implied that Mr. Erdogan supported the Islamic State.",
         [("Dean Baquet", "issue a statement")]),
        ("Officials issued a joint statement that both sides would keep talking.",
         [("Officials", "issue a statement")]),
        ("He made a statement that was widely mocked.", []),
    ],
)  # fmt: skip
def test_negated_reports_and_statements_issued_of_set_36(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members are a group: "X members and other activists" is one, and "the activists" it
        ("When New York City officials sought to add officers this year, local Black Lives "
         "Matter members and other activists argued those funds should be spent elsewhere. Such "
         "programs would address the root causes of crime, the activists argued, but the City "
         "Council voted for more officers.",
         [("local Black Lives Matter members and other activists", "argue"),
          ("local Black Lives Matter members and other activists", "argue")]),
        ("Party members said the plan would fail badly.", [("Party members", "say")]),
    ],
)  # fmt: skip
def test_members_are_a_group_of_set_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedge before a share is no part of who speaks
        ("Only 34 percent of Brazilians think the World Cup will help the economy.",
         [("34 percent of Brazilians", "think")]),
        ("About 60 percent of voters said the economy was the main issue.",
         [("60 percent of voters", "say")]),
        # a place that ends in "-ing" after a determiner is a name, no participle
        ("He leaves the world an inheritance to treasure, said a Beijing News editorial on "
         "Saturday.",
         [("a Beijing News editorial", "say")]),
    ],
)  # fmt: skip
def test_hedged_shares_and_names_that_end_in_ing_of_set_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # frames found missing in the unlabelled chinadaily-nyt corpus (its held-out sets'
        # documents left out): a described speaker no role list holds, after an inverted verb
        ("“You learn to kill,” said one Spanish investigator.",
         [("one Spanish investigator", "say")]),
        # a participle after a quoted term in the clause
        ("Even Audrey Eu Yuet-mee, another opposition leader, recently questioned the idea of "
         "\"Occupy Central,\" saying: \"While 10,000 people are really coming out, 100,000 "
         "people will come out to complain.\"",
         [("Audrey Eu Yuet-mee", "say")]),
        # a post, a statement put out, a summing up, going on to say
        ("On May 29, the day he disappeared, Abdi Nur posted, “I Thank Allah For Everything!”",
         [("Abdi Nur", "post")]),
        ("The company posted a loss of $3 million last year.", []),
        ("\"Some departments have competed for ostentation and extravagance,\" said a statement "
         "released after the meeting.",
         [("a statement released after the meeting", "say")]),
        ("CPPCC Chairman Yu Zhengsheng summed up: \"As the reform enters a difficult stage, the "
         "CPPCC must make good use of its resources.\"",
         [("Yu Zhengsheng", "sum up")]),
        ("Chan goes on to say, \"There is no universal standard for democratic institutions.\"",
         [("Chan", "say")]),
    ],
)  # fmt: skip
def test_frames_missing_in_the_unlabelled_corpus(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" with no group quoted before: a group the sentence before opens with
        ("When the order came, the students voiced the same refrain. “It is better to be "
         "killed in front of the embassy than to return to our campus to die,” they said.",
         [("the students", "say")]),
        ("Many residents have complained about the noise. “We cannot sleep at night,” they "
         "said.",
         [("Many residents", "say")]),
        # none: a quotation whose speaker the text does not say (null)
        ("The storm hit the town. “We cannot sleep at night,” they said.", [(None, "say")]),
        # a "they" inside another's report is that report's: no row of its own
        ("Millennials say they believe success will require a lifetime of effort.",
         [("Millennials", "say")]),
        # a question reports nothing
        ("Does he believe that the troops will be sent somewhere?", []),
    ],
)  # fmt: skip
def test_they_after_a_group_that_opens_the_sentence_before(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court's ruling, with a quotation or "that"; not "ruled out", nor a rule of a country
        ("“The king holds the position of head of state,” the court ruled.",
         [("the court", "rule")]),
        ("The court ruled that the law was void.", [("The court", "rule")]),
        ("He ruled out a third term.", []),
        ("The party ruled the country for decades.", []),
        # more verbs of speech in frames after a quotation
        ("Senator Bernie Sanders spoke. “The middle class bailed you out,” he bellowed.",
         [("Bernie Sanders", "bellow")]),
        ("Nigel Farage spoke. “The way it was done,” he snorts.", [("Nigel Farage", "snort")]),
        # a document described, then an appositive, after an inverted verb
        ("“This state of affairs is undemocratic and intolerable,” said the 373-page document, "
         "the result of an inquiry.",
         [("the 373-page document", "say")]),
        ("“It is over,” said the long night, the worst of all.", []),
    ],
)  # fmt: skip
def test_rulings_and_more_frames_missing_in_the_unlabelled_corpus(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name, then "as" and a clause, after an inverted verb
        ("\"I am here to vote and I am not afraid of any attacks,\" said Haji Ramazan as he "
         "stood in line at a polling station in Kabul.",
         [("Haji Ramazan", "say")]),
        # a described speaker with the relative clause that describes it
        ("“I can’t even stand thinking about it,” said a 74-year-old man who refused to give "
         "his name.",
         [("a 74-year-old man who refused to give his name", "say")]),
    ],
)  # fmt: skip
def test_a_name_before_as_and_a_described_speaker_with_its_clause_of_set_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname that ends a place's name too: the person ("Mr. Kong", not Hong Kong)
        ("Kong Man-keung, a student, was arrested in Hong Kong. Police in Hong Kong said he was "
         "held. “I did nothing wrong,” Mr. Kong said.",
         [("Police in Hong Kong", "say"), ("Kong Man-keung", "say")]),
    ],
)  # fmt: skip
def test_a_surname_is_no_place_of_set_36(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a misspelt surname or given name is the name the text gives (the labelling guide:
        # "Koronolli" is Viktor Koronelli)
        ("Johan Leman, a sociologist, studies migration. US intervention in countries has "
         "always been highly problematic, Lehman says.",
         [("Johan Leman", "say")]),
        ("David Dollar worked at the World Bank. \"It is a largely positive development,\" said "
         "Daivd Dollar.",
         [("David Dollar", "say")]),
        # not a feminine form of the surname, nor a short one
        ("Sergey Lavrov spoke first. Maria Zakharova spoke too. \"It is over,\" Ms. Lavrova "
         "said.",
         [("Ms. Lavrova", "say")]),
    ],
)  # fmt: skip
def test_a_misspelt_name_is_the_name_the_text_gives_of_sets_33_and_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


def test_a_described_speaker_at_the_very_end_of_a_text():
    # a scraped text that ends with the frame, no stop: it raised IndexError before (a China
    # Daily file); with the stop, the frame is read
    assert found("“It is over,” said one Spanish investigator").height <= 1
    assert found("“It is over,” said one Spanish investigator.").select(
        "speaker", "quote"
    ).rows() == [("one Spanish investigator", "It is over,")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural office that no list held, after "to" or "close to" (PolNeAR dev)
        ("But advisers to Mr. Obama say the president has grown exasperated with the tenor.",
         [("advisers to Mr. Obama", "say")]),
        ("The talks would go on, advisers to the president said.",
         [("advisers to the president", "say")]),
        ("The talks would go on, officials close to the Kremlin said.",
         [("officials close to the Kremlin", "say")]),
        # two roles joined before where they are from (set 33)
        ("China and Europe need each other more than ever, politicians and experts from both "
         "sides said.",
         [("politicians and experts from both sides", "say")]),
        # an aside in brackets that closes the sentence is no part of the name (PolNeAR dev)
        ("Using the tax \"is a misguided approach,\" said Mr. Burman (a view echoed by everyone "
         "I interviewed).",
         [("Mr. Burman", "say")]),
        ("Using the tax is a misguided approach, said Mr. Burman (a view echoed by everyone).",
         [("Mr. Burman", "say")]),
        # (an aside before no stop and space is not read: the name would be cut short)
        ("“The jokes require some knowledge,” writes our TV critic Mike Hale (1 p.m. Eastern, "
         "Hulu Plus; and on YouTube).• Your World Cup dreams.",
         []),
        # a time counted back opens the sentence; an adverb and "in a statement" before "that"
        ("Hours later, the American Embassy in Islamabad said pointedly in a statement that its "
         "diplomats strongly oppose any efforts.",
         [("the American Embassy in Islamabad", "say")]),
        # a place after a name's appositive is not whom "who" names (set 36)
        ("“We believe in Jesus,” said Lu Jingxiang, a pastor from Anhui Province, in eastern "
         "China, who said he was told his travel documents could not be processed.",
         [("Lu Jingxiang", "say"), ("Lu Jingxiang", "say")]),
        # the police and a group with its determiner speak together
        ("The Bavarian police and the Bamberg prosecutors said that the 11 men had ties to "
         "right-wing circles.",
         [("The Bavarian police and the Bamberg prosecutors", "say")]),
        ("The Bavarian police and the Bamberg officials said that the 11 men had ties to "
         "right-wing circles.",
         [("The Bavarian police and the Bamberg officials", "say")]),
        # a relative clause's verb is no frame of the main clause's quotation
        ("Defense Minister Agustín Rossi told reporters on Wednesday that the prosecutors who "
         "called for the march were “the battering ram of the political opposition.”",
         [("Agustín Rossi", "tell")]),
        ("Defense Minister Agustín Rossi told reporters on Wednesday that the officials who "
         "called for the march were “the battering ram of the political opposition.”",
         [("Agustín Rossi", "tell")]),
    ],
)  # fmt: skip
def test_plural_offices_closing_asides_and_relative_clauses_of_session_35(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by its members' plural keeps the name, not the article
        ("The Cabinet of Ministers also said that 7.8 million Ukrainians have applied.",
         "Cabinet of Ministers"),
        ("The Hong Kong Federation of Students said the protesters took the action.",
         "Hong Kong Federation of Students"),
        # (an office of one person is a role, as written)
        ("The Court Prosecutor said that the bill would pass.", "The Court Prosecutor"),
    ],
)  # fmt: skip
def test_a_body_named_by_a_plural_is_its_name(text, expected):
    assert found(text)["speaker"].to_list() == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an official readout: the office is the person the text makes the subject of what an
        # office holder does ("fulfilled", "laid out"; kremlin-2021-22)
        ("The President joined the New Year Tree of Wishes campaign. Vladimir Putin fulfilled "
         "the dream of 13-year-old Tanya. The girl was taken on a tour. In addition, the "
         "President suggested that the girl and her parents see the ice show in Moscow.",
         [("Vladimir Putin", "suggest")]),
        ("The leaders continued the discussion on Russia's special military operation. The "
         "President of Russia emphasised the fact that the European Union leaders ignored the "
         "strike. Vladimir Putin laid out his principled assessments of the talks between "
         "Russian and Ukrainian representatives.",
         [("Vladimir Putin", "emphasise")]),
        # or of a meeting, named with another ("Vladimir Putin and Narendra Modi discussed")
        ("The situation around Ukraine and Russia's special military operation were discussed. "
         "The President of Russia said that the necessary instructions would be given. "
         "Vladimir Putin and Narendra Modi also discussed bilateral cooperation.",
         [("Vladimir Putin", "say")]),
    ],
)  # fmt: skip
def test_an_office_in_a_readout_is_its_holder(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed spokesman the text names right after by the same noun (set 29)
        ("A spokesman for the governor said the current system worked well. “The system worked "
         "as designed,” said the spokesman, Tucker Martin.",
         [("Tucker Martin", "A spokesman for the governor"), ("Tucker Martin", "Tucker Martin")]),
        ("Mr. Sanusi’s account is “untrue,” a spokesman for President Goodluck Jonathan said. "
         "“He is making claims,” the spokesman, Reuben Abati, said in an email.",
         [("Reuben Abati", "a spokesman for President Goodluck Jonathan"),
          ("Reuben Abati", "Reuben Abati")]),
        # (two of the same staff before the name: it names the nearer one only)
        ("A spokesman for the governor said the system worked. A spokesman for the mayor said "
         "it did not work at all. “It worked,” said the spokesman, Tucker Martin.",
         [("A spokesman for the governor", "A spokesman for the governor"),
          ("Tucker Martin", "A spokesman for the mayor"), ("Tucker Martin", "Tucker Martin")]),
        # the name after "a spokeswoman for the island's leader," is the leader's (set 31)
        ("Violent protesters' activities should be condemned, said a spokeswoman for the "
         "island's leader, Ma Ying-jeou.\nLee Chia-fei, spokeswoman for Ma's office, said on "
         "Monday that the occupation of a government building is unacceptable.",
         [("Lee Chia-fei", "a spokeswoman for the island's leader, Ma Ying-jeou"),
          ("Lee Chia-fei", "Lee Chia-fei")]),
        # (not after a body: the name is the spokeswoman's)
        ("“We will respond,” said a spokeswoman for the ministry, Maria Zakharova.",
         [("Maria Zakharova", "Maria Zakharova")]),
    ],
)  # fmt: skip
def test_an_unnamed_spokesman_is_the_one_named_right_after(text, expected):
    assert found(text).select("speaker", "speaker_text").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subordinate or relative clause's verb opens no clause after the verb: an object
        ("Mr. Obama emphasized his ties to Kenya after his arrival when he had dinner with his "
         "family.",
         []),
        ("The government declared emergency rule on Tuesday, suggesting a more aggressive "
         "posture toward protesters who have occupied parts of the city.",
         []),
        ("The man spoke anonymously because he feared reprisals at work if it were known.", []),
        # (a relative clause of the clause's own subject: the clause's verb after it)
        ("Prof Lo believes the bureau chiefs who bear political responsibility should belong "
         "to political parties.",
         [("Prof Lo", "believe")]),
    ],
)  # fmt: skip
def test_a_subordinate_clause_verb_opens_no_reported_clause(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported clause runs up to a second clause, joined, that holds another's quotation
        # (set 31): both are read
        ("German Chancellor Angela Merkel says, the refugees must be fairly divided throughout "
         "Europe, but British Prime Minister David Cameron is adamant that \"taking in more is "
         "not the answer\".",
         [("Angela Merkel", "say"), ("David Cameron", "be adamant")]),
        ("Polls show that his approval ratings have been declining, but “I don’t give a damn,” "
         "insisted Mr. Bravo.",
         [("Polls", "show"), ("Mr. Bravo", "insist")]),
        # (a quotation inside the clause before any join is the clause's own: one row)
        ("Putin said that the West \"lies\", and the sanctions would fail.", [("Putin", "say")]),
    ],
)  # fmt: skip
def test_a_reported_clause_ends_before_a_joined_clause_with_a_quotation(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom the writer interviewed speaks (PolNeAR dev, chinadaily-nyt)
        ("In Mrs. Clinton's favor, all the experts I interviewed said her proposals were more "
         "detailed.",
         [("the experts", "say")]),
        ("Other human rights activists I spoke to worried that citizen journalists might not be "
         "aware of the risks.",
         [("Other human rights activists", "worry")]),
    ],
)  # fmt: skip
def test_those_the_writer_interviewed_speak(text, expected):
    assert found(text).select("speaker_text", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name's capitalised last word is no adverb before the verb ("has long denied")
        ("Peter Long said the plan failed.", [("Peter Long", "say")]),
        ("Peter Long, a Malaysian who holds the chess rank of FIDE master and is one of "
         "Kasparov’s campaign supporters in Asia, complained to me that the eagerness of some "
         "delegates was a problem.", [("Peter Long", "complain")]),
        ("Mr. Smith has long denied that the plan failed.", [("Mr. Smith", "deny")]),
    ],
)  # fmt: skip
def test_a_name_keeps_a_last_word_that_is_an_adverb(text, expected):
    assert found(text).select("speaker_text", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report nested in a reported clause, its speaker named before its quotation: both
        # are rows (PolNeAR dev; the outer one was dropped for meeting the inner quotation)
        ("Trump said on Friday that Clinton once described the deal as “the gold standard” of "
         "trade deals.", [("Trump", "say"), ("Clinton", "describe")]),
        ("Mr. Lamy said that what he called a “mafia of sherpas” was a valuable mechanism.",
         [("Mr. Lamy", "say"), ("Mr. Lamy", "call")]),
        # a whole report whose source the clause gives after its frame
        ("“There are credible reports of excessive force,” he said, according to news service "
         "reports.", [("news service reports", "according to"), (None, "say")]),
        ("“The situation is horrific,” Foreign Minister Laurent Fabius said in a radio "
         "interview, Reuters reported.",
         [("Reuters", "report"), ("Laurent Fabius", "say")]),
        # not a clause that runs over the frame of the quotation inside it
        ("“The election is behind him so he’s free,” Representative John Lewis, Democrat of "
         "Georgia, the civil rights icon who introduced Mr. Obama, said.",
         [("John Lewis", "say")]),
        ("“What is a coup?” asked Wael Haddara, an adviser. The administration’s “verbal "
         "acrobatics,” he added, denied the obvious.",
         [("Wael Haddara", "ask"), ("Wael Haddara", "add")]),
        # a quotation with its own frame before it is no nested report ('X said that “...”')
        ("Trump said that “the deal is a disaster for the workers of this country.”",
         [("Trump", "say")]),
    ],
)  # fmt: skip
def test_a_report_nested_in_a_reported_clause_is_a_row_of_its_own(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a study's finding, its head before a relative clause (PolNeAR dev)
        ("A 2014 study that appeared in the British Medical Journal found that medical research "
         "did not support half of his recommendations.",
         [("A 2014 study that appeared in the British Medical Journal", "find")]),
        ("A study that was published in Nature found that the oceans are warming faster.",
         [("A study that was published in Nature", "find")]),
        # ... not the police's, nor an officer's with a relative clause
        ("The police found that the door had been forced open.", []),
        ("The police officer who arrived first found that the door was open.", []),
        # a person who indicates, named after a title (set 26, development data)
        ("Health Minister Veronika Skvortsova indicated on Monday that the chances were "
         "already diminishing.", [("Veronika Skvortsova", "indicate")]),
        ("The weather indicated that the season was over.", []),
    ],
)  # fmt: skip
def test_findings_of_studies_and_indications_of_titled_persons(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what "according to" cites: results, a count, polling, documents, a summary, a memoir
        # (PolNeAR train)
        ("Trump received 37 percent and Clinton had 36 percent, according to the results.",
         [("the results", "according to")]),
        ("Clinton now has at least 723 delegates, according to a count by The Associated Press.",
         [("The Associated Press", "according to")]),
        ("According to recent polling, the billionaire candidate is strongly leading the field.",
         [("recent polling", "according to")]),
        ("G-III has more than 7,600 employees, according to company documents.",
         [("company documents", "according to")]),
        ("The employee did not do so immediately, according to the summary.",
         [("the summary", "according to")]),
        ("She compared the conversation to a root canal, according to Axelrod’s memoir.",
         [("Axelrod’s memoir", "according to")]),
        # ... a role before what it knows, a person's doctor
        ("HarperCollins declined to renew the offer, according to a publishing executive "
         "familiar with the talks.",
         [("a publishing executive familiar with the talks", "according to")]),
        ("The billionaire had excellent results, according to his longtime personal physician.",
         [("his longtime personal physician", "according to")]),
        # ... in parentheses, before a hyphen's aside, before "at the time"
        ("(According to the New York Police Department, it keeps no statistics on "
         "skateboarding.)", [("New York Police Department", "according to")]),
        ("The plan would raise only $1.1 trillion, according to the Tax Policy Center - half a "
         "percentage point of GDP.", [("the Tax Policy Center", "according to")]),
        ("Cruz garnered just 3 percent support, according to polls at the time.",
         [("polls", "according to")]),
        # ... not a rule or an owner's guess
        ("The talks will go on, according to the plan.", []),
        ("According to the most conservative estimates, the project will create 20,000 jobs.",
         []),
        # a campaign's strategist speaks
        ("A Republican strategist said the race was over.", [("A Republican strategist", "say")]),
        # a name after a dash is the verb's subject, not a relative clause's
        ("These officials report to executives who do — Mr. Kryukov claimed that the feedback "
         "was virtually all positive.", [("Mr. Kryukov", "claim")]),
        ("Marc Grossman, a former undersecretary of state who has worked with the committee "
         "that screens nominees — agreed that the system was broken.",
         [("Marc Grossman", "agree")]),
    ],
)  # fmt: skip
def test_sources_according_to_and_roles_of_campaigns(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share of those polled speaks for them: with a percent sign, "N in M", "a third"
        # (PolNeAR train)
        ("42% say they are liberal.", [("42%", "say")]),
        ("42% of voters say they are liberal.", [("42% of voters", "say")]),
        ("About 4 in 10 say they want more liberal policies.", [("4 in 10", "say")]),
        ("Nearly a third say they do not know.", [("Nearly a third", "say")]),
        ("Some 48 percent of those polled said the legislature should reject the plan.",
         [("48 percent of those polled", "say")]),
        # ... not a count of cases or a time
        ("In 4 in 10 cases, the police said the suspects were released.",
         [("the police", "say")]),
        ("Two in the afternoon was when the police said the suspects were released.",
         [("the police", "say")]),
    ],
)  # fmt: skip
def test_a_share_of_those_polled_speaks(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun that is also a verb's form, in a phrase before "that", is no verb of its own
        # (PolNeAR train)
        ("Wasserman Schultz said in her opening remarks that the platform should reiterate the "
         "party's support.", [("Wasserman Schultz", "say")]),
        # ... but a noun phrase's "that" after the verb opens a relative clause
        ("Critics say the different rules that South Korean companies have to play by limit "
         "their ability to think.", [("Critics", "say")]),
        # an inverted frame's name before a time phrase and a comma
        ("“It’s not new in Virginia,” said Rep. Bobby Scott (D-Va.) at the time, adding that "
         "“we’ve been electing African-Americans to office for a long time.”",
         [("Bobby Scott", "say")]),
        # ... not before a place that is part of a description: the name after it speaks
        ("“It may have been his first attempt,” said his best friend at Lehigh, Bruce Turry, "
         "who remembered it.", [("Bruce Turry", "say")]),
    ],
)  # fmt: skip
def test_nouns_before_that_and_names_before_a_time(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a candidate and the callings news copy names people by (PolNeAR train)
        ("The New York businessman has praised Putin, saying he was a stronger leader than "
         "Obama.", [("The New York businessman", "say")]),
        ("The retired neurosurgeon said the campaign was refining its operations.",
         [("The retired neurosurgeon", "say")]),
        ("Republican presidential candidate Ben Carson met voters. The candidate said the "
         "campaign was refining its operations.", [("Ben Carson", "say")]),
        ("Hong Kong's economy will suffer if lawmakers fail to support the proposal, tycoon Li "
         "Ka-shing warned on Wednesday.", [("Li Ka-shing", "warn")]),
        # a role's relative clause that reports with "that": a verb after its content's subject
        # is the content's, not the role's (a role head had given Hagee "suggest" too)
        ("John C. Hagee, an evangelical leader who once argued that biblical verses suggested "
         "that the Holocaust was part of a plan, will speak.", [("John C. Hagee", "argue")]),
        ("As the trial opened, a judge who ruled that most of it could be broadcast said his "
         "decision would counter the notion.", [("a judge", "rule"), ("a judge", "say")]),
        # a pronoun's clause before a noun's "that" is read whole
        ("The nominee says they both share the belief that every child should have a chance.",
         [("The nominee", "say")]),
    ],
)  # fmt: skip
def test_candidates_and_callings_are_roles(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle's clause: a past form after a determiner is no verb of it (PolNeAR train)
        ("He also spoke about the proposed border wall, saying it will be as big as it needs "
         "to be.", [(None, "say")]),
        ("Vladimir Putin spoke about the proposed border wall, saying it will be as big as it "
         "needs to be.", [("Vladimir Putin", "say")]),
    ],
)  # fmt: skip
def test_a_participles_clause_skips_adjectives(text, expected):
    assert found(text).select("speaker", "verb").rows() == expected
