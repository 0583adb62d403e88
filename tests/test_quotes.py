import polars as pl
import pytest

import toolkit
from toolkit.quotes import QUOTES_SCHEMA, by_group, quote_share


def found(*texts):
    corpus = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    return toolkit.quotes(corpus)


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
        ('The so-called "experts" were wrong, the report found.', []),
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
    ("text", "speaker"),
    [
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
        # a place is no person ("Kong" is never alone), and a pronoun too far stays unresolved
        ("Hong Kong is calm. Hong Kong residents work. “No,” he said.", None),
        ("President Vladimir Putin spoke. " + "The weather was fine. " * 80 + "“No,” he said.",
         None),
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
        # a name after the role counts only with its title right at it (not a caption's words)
        ("The ministry said that the exercise was over. Photo: ministry press service "
         "Ivan Petrov", "The ministry"),
    ],
)  # fmt: skip
def test_roles_resolve_to_the_one_person_the_document_gives_that_title(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


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
        # two ministries: the text does not say which
        ("The Russian Foreign Ministry and the Belarusian Defence Ministry met. According to the "
         "ministry, the talks were useful.", "the ministry"),
        # "it": the institution quoted last, or no one
        ("The Russian Foreign Ministry spoke. The ministry recalled that Russia paid for years. "
         "“Our country paid on time,” it noted.", "Russian Foreign Ministry"),
        ("Vladimir Putin spoke. “Our country paid on time,” it noted.", None),
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
        # a clause's first word is no first name ("Before Leung ...")
        ("Leung Kwok-hung, a lawmaker, arrived. Leung waved. Before Leung spoke, he told reporters "
         "that the figure was made up.", "Leung Kwok-hung"),
    ],
)  # fmt: skip
def test_names_of_places_documents_and_clause_words(text, speaker):
    assert found(text)["speaker"].to_list()[-1] == speaker


def test_aliases_map_resolved_names_to_one_speaker():
    corpus = pl.DataFrame({"doc_id": ["a"], "text": ["“Yes,” Alyaksandr Lukashenka said."]})
    got = toolkit.quotes(corpus, aliases={"Lukashenko": ["alyaksandr lukashenka"]})
    assert got["speaker"].to_list() == ["Lukashenko"]


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


def test_a_frame_without_text_is_a_clear_error():
    with pytest.raises(toolkit.DataError, match="quotes need the columns text"):
        toolkit.quotes(pl.DataFrame({"doc_id": ["a"]}))
