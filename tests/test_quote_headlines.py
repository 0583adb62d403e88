"""A headline's credit (toolkit.quote_headlines) and its rows in toolkit.quotes."""

import polars as pl
import pytest

import toolkit
from toolkit.quote_headlines import credited_words, credits, headline_line
from toolkit.speakers import lexicon


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[a:b], text[p:q], lemma) for a, b, (p, q), lemma in credits(text, lexicon())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a credit after the last dash: a name, a role, a medium, a body
        ("Russia ready to continue talks with Ukraine — Lavrov",
         [("Russia ready to continue talks with Ukraine", "Lavrov", None)]),
        ("Two million men wanted in Ukraine for draft evasion — official",
         [("Two million men wanted in Ukraine for draft evasion", "official", None)]),
        ("Eurozone service-sector inflation rises sharply – data",
         [("Eurozone service-sector inflation rises sharply", "data", None)]),
        ("Low-inflation policy helps stabilize ruble’s exchange rate - Bank of Russia",
         [("Low-inflation policy helps stabilize ruble’s exchange rate", "Bank of Russia", None)]),
        ("Russia forced to prepare alternative draft on Gaza — Russian mission to UN",
         [("Russia forced to prepare alternative draft on Gaza", "Russian mission to UN", None)]),
        # a tag after the credit; the one addressed; the topic after "on"
        ("Russia and Ukraine exchange 300 POWs – MOD (VIDEO)",
         [("Russia and Ukraine exchange 300 POWs", "MOD", None)]),
        ("‘You should’ve never started’ this war – Trump to Zelensky",
         [("‘You should’ve never started’ this war", "Trump", None)]),
        ("Govts turn backs on suffering of millions – Oxfam on refugee crisis",
         [("Govts turn backs on suffering of millions", "Oxfam", None)]),
        # after a dash, no credit: prose, a tag, a number, a claim of two words
        ("Ukraine backing away from key peace deal pledge – what we know so far", []),
        ("Trump starts US withdrawal from WHO – again", []),
        ("Ukraine crisis in its third year — LIVE", []),
        ("Minsk talks resume — day 3", []),
        ("Minsk talks — Lavrov", []),
        ("X - Y - Z", []),
        ("Russia ready to talk — (VIDEO)", []),
        # a credit after a colon at the end (Xinhua, CGTN): a name or a role
        ("Cases of Crimean-Congo haemorrhagic fever surge in Iraq: WHO",
         [("Cases of Crimean-Congo haemorrhagic fever surge in Iraq", "WHO", None)]),
        ("Iran-Syria ties at best level: Iranian FM",
         [("Iran-Syria ties at best level", "Iranian FM", None)]),
        ("US airstrikes in E. Syria kill 6 fighters: war monitor",
         [("US airstrikes in E. Syria kill 6 fighters", "war monitor", None)]),
        ("Arab states seek good ties with Iran: Jordan king",
         [("Arab states seek good ties with Iran", "Jordan king", None)]),
        ("Report on China is politically biased: Chinese Mission to the EU",
         [("Report on China is politically biased", "Chinese Mission to the EU", None)]),
        ("Hong Kong's dynamic zero tolerance 'still our policy': top epidemiologist",
         [("Hong Kong's dynamic zero tolerance 'still our policy'", "top epidemiologist", None)]),
        # a verb of evidence or an expectation in a credited claim is the claim's own
        ("Heatwave in Europe underscores need for action on climate: WHO",
         [("Heatwave in Europe underscores need for action on climate", "WHO", None)]),
        ("Kremlin expects information from US on settlement — spokesman",
         [("Kremlin expects information from US on settlement", "spokesman", None)]),
        # after a colon at the end, a clause is no credit
        ("Ukraine crisis day 45: Russia shells Kharkiv", []),
        ("HORRIFIC car crash in St. Petersburg: Two killed including American citizen", []),
        # a label before a colon: a role or body
        ("Russian Deputy PM: Cyprus haircut was surprise to all",
         [("Cyprus haircut was surprise to all", "Russian Deputy PM", None)]),
        ("Russia’s MFA: Ukraine trying to undermine peace process",
         [("Ukraine trying to undermine peace process", "Russia’s MFA", None)]),
        # a person, a topic, a place, a format, a series or a surname alone before a colon: the
        # BBC's "Name: topic" makes a person's label no credit
        ("Shamima Begum: Spy for Canada smuggled schoolgirl to Syria", []),
        ("Fyodor Lukyanov: Why the West keeps failing", []),
        ("Xinhua Commentary: Science serves as bedrock of epidemic control", []),
        ("WATCH: Putin arrives in Minsk for talks", []),
        ("Press review: Europe seeks to block US-Russia thaw", []),
        ("Legoland: Rollercoaster crash at Germany resort injures 31", []),
        ("RIP Britannia: Britons can’t afford to die", []),
        ("Putin: Kiev authorities are junta if they use force", []),
        # a speech act at the start, with an object; after a plural or a compound; an adverb
        ("Kremlin urges West to stop arming Kiev",
         [("West to stop arming Kiev", "Kremlin", "urge")]),
        ("Musk warns of US bankruptcy", [("US bankruptcy", "Musk", "warn of")]),
        ("Member state calls for EU ‘heavy brigade’",
         [("EU ‘heavy brigade’", "Member state", "call for")]),
        ("Russian lawmakers slam NATO’s online fake news game",
         [("NATO’s online fake news game", "Russian lawmakers", "slam")]),
        ("Users slam NATO’s online fake news game", []),  # (a plural of no role: "floods" too)
        ("Pope Francis jokingly calls gossiping nuns ‘terrorists’",
         [("gossiping nuns ‘terrorists’", "Pope Francis", "call")]),
        ("Chinese FM again urges explanation on US officials’ remarks",
         [("explanation on US officials’ remarks", "Chinese FM", "urge")]),
        ("Four global organizations urge 15 bln USD grants to fight pandemics",
         [("15 bln USD grants to fight pandemics", "Four global organizations", "urge")]),
        ("China, Pakistan vow to defeat conspiracies against ties",
         [("to defeat conspiracies against ties", "China, Pakistan", "vow")]),
        ("Chinese students complain of unfair treatment while entering U.S.",
         [("unfair treatment while entering U.S.", "Chinese students", "complain of")]),
        # a speech act at the end, after a kicker; a credit inside a dash credit's claim
        ("SPIEF 2024: Russia-China relations at their ‘highest level,’ envoy says",
         [("Russia-China relations at their ‘highest level,’", "envoy", "say")]),
        ("Why George Floyd’s death may have wrecked Donald Trump’s re-election hopes", []),
        ("Sweeteners harmful, alter gut microbiome, study finds",
         [("Sweeteners harmful, alter gut microbiome,", "study", "find")]),
        ("Dea-John Reid killing: I got no justice at trial, says mother",
         [("I got no justice at trial", "mother", "say")]),
        ("Merz urges readiness for war with Russia — Lavrov",
         [("Merz urges readiness for war with Russia", "Lavrov", None),
          ("readiness for war with Russia", "Merz", "urge")]),
        # no speech act: an action, a verb's noun after a singular ("Russia state")
        ("Putin visits Minsk for talks with Lukashenko", []),
        ("Xi replies to letter from cadre workshop participants", []),  # whom, not what
        # a preposition, a determiner or a plural noun's form is no subject and verb
        ("Amid fears of second Chernobyl, Lithuania launches campaign", []),
        ("All questions on New START should be addressed to US — Russian deputy foreign minister",
         [("All questions on New START should be addressed to US",
           "Russian deputy foreign minister", None)]),
        ("Ukraine’s claims are baseless and provocative, experts note", []),
        # a colon's tail with a comma is a list, no source
        ("Ukraine army assaults Lugansk: Airstrikes on suburbs, shelling of residential areas",
         []),
        ("Ukraine conflict day 77: Kherson might 'join Russia' and Ukraine claims gains", []),
        ("Jordan welcomes UNESCO resolution on old Jerusalem",
         [("UNESCO resolution on old Jerusalem", "Jordan", "welcome")]),
        ("China denounces Australian defense chief's negative remarks",
         [("Australian defense chief's negative remarks", "China", "denounce")]),
        ("Russia state budget deficit widens in May", []),
        ("Australia’s deadly floods highlight climate risks", []),
        # a verb of evidence reports a study's, a role's, a person's or a country's words, not
        # a thing's or a region's
        ("Study highlights oximeter flaw", [("oximeter flaw", "Study", "highlight")]),
        ("GT survey shows 99% of respondents have watched Winter Olympics",
         [("99% of respondents have watched Winter Olympics", "GT survey", "show")]),
        ("Chinese scientists reveal how bats facilitate virus transmission",
         [("how bats facilitate virus transmission", "Chinese scientists", "reveal")]),
        ("Russian skate star Alexandra Trusova reveals she’s big in Japan",
         [("she’s big in Japan", "Russian skate star Alexandra Trusova", "reveal")]),
        ("Russia reveals evidence of bio-program in Ukraine",
         [("evidence of bio-program in Ukraine", "Russia", "reveal")]),
        ("Xinjiang shows strong vitality, defying US smear", []),
        ("Obama's Africa trip highlights contrast in US China foreign policies", []),
        ("Heatwave underscores need for action", []),
        # a post's speaker: after a speech balloon, or a label over the post
        ("💬 #lavrov : international relations are in a difficult state.",
         [("international relations are in a difficult state.", "#lavrov", None)]),
        ("🇷🇺 🇰🇭 embassy of russia in cambodia: \n\n on may 26-27 the prosecutor general visited",
         [("on may 26-27 the prosecutor general visited", "embassy of russia in cambodia",
           None)]),
        ("#opinion by maria zakharova: \n\n 💬 anglo-saxon politics is an amazing thing.",
         [("💬 anglo-saxon politics is an amazing thing.", "maria zakharova", None)]),
        ("📸 photo by maria #zakharova : \n\n the red square at dawn", []),
        ("🔴 #live : un security council meeting on the situation in venezuela", []),
        # a lower-cased post's first line is no headline: its dash is a title's
        ("📞 foreign minister sergey lavrov and deputy prime minister – foreign minister", []),
        # a subject in quotation marks is not read in part
        ("Britain’s pandemic may be over by autumn, ‘Professor Lockdown’ claims", []),
        # title case (Sputnik's, the New York Times's): the verb read in lower case, the
        # subject a name, a role, a body or a document, not a noun nor a preposition's phrase
        ("Lavrov Says OSCE Facing Real Threat of Self-Destruction",
         [("OSCE Facing Real Threat of Self-Destruction", "Lavrov", "say")]),
        ("Clinton Hid Past Health Problems From Public, Former White House Doctor Says",
         [("Clinton Hid Past Health Problems From Public,", "Former White House Doctor", "say")]),
        ("Brazilian President Urges to Reform UN Security Council",
         [("to Reform UN Security Council", "Brazilian President", "urge")]),
        ("Russia's Zakharova Says EU Officials Using Iran to Distract Public",
         [("EU Officials Using Iran to Distract Public", "Russia's Zakharova", "say")]),
        ("Former U.S. Envoy to Moscow Says Russians Are Still Spying on Him",
         [("Russians Are Still Spying on Him", "Former U.S. Envoy to Moscow", "say")]),
        # (a period after a title-case headline, as PolNeAR's texts have it, ends no sentence;
        # a question's mark ends a question)
        ("Trump Could Address Clean Energy, Lindsey Graham Says.",
         [("Trump Could Address Clean Energy,", "Lindsey Graham", "say")]),
        # a given name the name data leave uncertain opens a person too (PolNeAR train)
        ("Bernie Sanders Says He’s Already Started Writing His Inaugural Address.",
         [("He’s Already Started Writing His Inaugural Address", "Bernie Sanders", "say")]),
        ("Chris Christie Says He Would Issue A Quarantine Over Zika Virus",
         [("He Would Issue A Quarantine Over Zika Virus", "Chris Christie", "say")]),
        # (not a rarer one that is more often a word: "Egypt", "March")
        ("Egypt Crisis Finds Obama Aloof", []),
        ("Iran’s Missile Might vs. America’s Arsenal: Who Will Run Out First?", []),
        ("Killings Stir Questions on Indonesia Military Overhaul", []),
        ("Exxon Defies Calls to Add Gays to Anti-Bias Policy", []),
        ("In Spirited Talks Kerry Tells Iraq to Help Stop Arms Shipments to Syria", []),
        ("A Myanmar in Transition Says Little of Past Abuses", []),
        ("De Blasio Announcing Mayoral Bid Pledges to Help People City Hall Forgot", []),
        # a verb's form that is a noun before its preposition is the noun, in either case; a
        # verb's own preposition is part of its form
        ("Opening Remarks at Meeting of the Commission for Modernisation", []),
        ("Opening remarks at the meeting with the BRICS leaders", []),
        ("Kremlin responds to reports of plans for Western troops in Ukraine", []),
        ("Biden hints at plans for reelection bid",
         [("plans for reelection bid", "Biden", "hint at")]),
        ("Zelensky demands at least 200,000 ‘peacekeepers’ on Ukrainian soil",
         [("at least 200,000 ‘peacekeepers’ on Ukrainian soil", "Zelensky", "demand")]),
        # a credit ends at its speech verb: whom it tells is no source (statemedia-headlines)
        ("‘Rule out no-deal Brexit or I quit’ – Tory minister warns Theresa May",
         [("‘Rule out no-deal Brexit or I quit’", "Tory minister", "warn")]),
        ("Investigative Committee prosecuted over 1.5 million in 15 years — IC chief tells Putin",
         [("Investigative Committee prosecuted over 1.5 million in 15 years", "IC chief",
           "tell")]),
        ("Kiev loses 85 Su-27 fighters since 2022 — TASS estimates",
         [("Kiev loses 85 Su-27 fighters since 2022", "TASS", "estimate")]),
        ("‘Convert to Islam or face murder conviction’ – Pakistani prosecutor reportedly tells "
         "Christians", [("‘Convert to Islam or face murder conviction’", "Pakistani prosecutor",
                         "tell")]),
        # after a colon, only after a quotation; the verb of two words whole
        ("'We will propose to UEFA the delay': Italian FA chief calls for Euro 2020 postponement",
         [("'We will propose to UEFA the delay'", "Italian FA chief", "call for")]),
        ("‘US has no right’: China responds to comments over its $1 billion rig in S. China Sea",
         [("‘US has no right’", "China", "respond")]),
        # (a noun, not a verb, after no source; "says" before its clause)
        ("US in secret talks with Hezbollah – Israeli reports",
         [("US in secret talks with Hezbollah", "Israeli reports", None)]),
        ("Silver futures tumble on Comex — market reports",
         [("Silver futures tumble on Comex", "market reports", None)]),
        ("War without end: German defense minister says no timetable for troop withdrawal",
         [("no timetable for troop withdrawal", "German defense minister", "say")]),
        ("South China Sea standoff: Beijing denies plans to build on disputed shoal",
         [("plans to build on disputed shoal", "Beijing", "deny")]),
        # a person's name before a colon, with the person's own words after it: a quotation or
        # a first person (PolNeAR, statemedia-headlines); a surname alone where the body gives
        # it after a capitalised word
        ("Paul Ryan: FBI Decision Not to Indict Hillary ‘Defies Explanation’",
         [("FBI Decision Not to Indict Hillary ‘Defies Explanation’", "Paul Ryan", None)]),
        ("Marco Rubio: I’m Not Interested In Being Vice President",
         [("I’m Not Interested In Being Vice President", "Marco Rubio", None)]),
        ("Reid: 'Never, ever, ever underestimate Trump'\nSenator Harry Reid warned on Wednesday.",
         [("'Never, ever, ever underestimate Trump'", "Reid", None)]),
        ("Reid: 'Never, ever, ever underestimate Trump'\nThe senator warned on Wednesday.", []),
        ("Brexit: 'We will be ready on day one'\nMinisters fear a Hard Brexit in March.", []),
        ("Pence: Trump Was ‘Mocking’ Clinton Camp\nGov. Pence spoke on Sunday.",
         [("Trump Was ‘Mocking’ Clinton Camp", "Pence", None)]),
        ("Shamima Begum: 'I was a stupid, naive girl'",
         [("'I was a stupid, naive girl'", "Shamima Begum", None)]),
        ("Jesus’s secret message: 250yo ‘time capsule’ found hidden in statue", []),
        ("Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By Donald Trump", []),
        # the source before whom it speaks to, or what it speaks on with a clause after it
        ("Theresa May to Conservative MPs: I’m ‘prepared to leave’ if you back my deal",
         [("I’m ‘prepared to leave’ if you back my deal", "Theresa May", None)]),
        ("Russian envoy to West: Stop turning world into 'global barracks'",
         [("Stop turning world into 'global barracks'", "Russian envoy to West", None)]),
        ("CNN President On Trump: ‘We Do Not Pay Candidates To Appear At Debates’",
         [("‘We Do Not Pay Candidates To Appear At Debates’", "CNN President", None)]),
        ("Kremlin on Ukraine talks: no progress has been made so far",
         [("no progress has been made so far", "Kremlin", None)]),
        ("President in an interview to The Washington Post: The hybrid war is being waged",
         [("The hybrid war is being waged", "President", None)]),
        ("Kremlin on the brink: America’s medical meltdown", []),
        ("Time to pay the piper: Cameron faces wrath of MPs", []),
        # an event's name before the colon, though a body's word opens it (statemedia)
        ("Board of Peace first meeting: What is known about organization at this point", []),
        ("Panel of experts first meeting: What is known about organization at this point", []),
        # not a headline: a sentence with its stop, a long first line
        ("Russia is ready to continue talks with Ukraine — Lavrov.", []),
        ("The minister said the talks were good - and ended.\nMore text", []),
    ],
)  # fmt: skip
def test_credits(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Russia ready to talk — Lavrov\nBody text.", "Russia ready to talk — Lavrov"),
        ("  Title of a page  \n\nBody.", "Title of a page"),
        ("The talks ended on Monday.", None),
        (
            "Obama Says Museum Will Tell of Suffering.\nBody.",
            "Obama Says Museum Will Tell of Suffering.",
        ),
        ("Ukrainian Strike on Bryansk: What’s Known So Far?\nBody.", None),
        (" ".join(["word"] * 31), None),
        ("", None),
        ("lavrov meets his counterpart in moscow", None),
    ],
)
def test_headline_line(text, headline):
    span = headline_line(text)
    assert (text[span[0] : span[1]] if span else None) == headline


def test_quotes_give_a_headline_credit_its_row():
    corpus = pl.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Russia ready to continue talks with Ukraine — Lavrov\n"
                "Russian Foreign Minister Sergey Lavrov said on Monday that Moscow was open.",
                "Lavrov says Russia ready to talk",
                "West seeks to drag Belarus into conflict — Kremlin aide",
            ],
        }
    )
    rows = toolkit.quotes(corpus).sort("doc_id", "start")
    got = rows.select("doc_id", "speaker", "speaker_text", "verb", "direct", "speaker_kind")
    assert got.rows() == [
        # the surname resolved by the article's full name; no verb, not in quotation marks
        ("a", "Sergey Lavrov", "Lavrov", None, False, "name"),
        ("a", "Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "say", False, "name"),
        # read once, by the frames, not again as a headline's
        ("b", "Lavrov", "Lavrov", "say", False, "name"),
        ("c", "Kremlin aide", "Kremlin aide", None, False, "description"),
    ]
    first = rows.row(0, named=True)
    assert first["quote"] == "Russia ready to continue talks with Ukraine"


def test_credits_stay_inside_any_text():
    """Seeded random texts of the characters the rules read: no error, every span inside."""
    import random

    rng = random.Random(30)
    alphabet = "abcXYZ :-—–,.'’‘\"“”#💬()\n"
    lex = lexicon()
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for a, b, (p, q), _ in credits(text, lex):
            assert 0 <= a <= b <= len(text) and 0 <= p < q <= len(text), text


def test_a_surname_before_a_colon_is_a_credit_where_the_corpus_credits_it():
    """ "Putin:" alone is no credit, but it is in a corpus that credits "— Putin" elsewhere;
    a country is left out ("Ukraine:" is as often a topic), and so is a word never credited."""
    lex = lexicon()
    texts = ["Russia ready to continue talks — Putin", "Ukraine says talks are over",
             "WATCH: Putin arrives in Minsk", None]  # fmt: skip
    known = credited_words(texts, lex)
    assert known == {"Putin"}
    line = "Putin: Western pressure accelerates integration"
    assert credits(line, lex) == []
    assert _read_known(line, known) == [("Western pressure accelerates integration", "Putin")]
    assert _read_known("Ukraine: Russia shells Kharkiv overnight", credited_words(
        ["Talks are over, Ukraine says", "Ukraine urges West to act"], lex)) == []  # fmt: skip
    rows = toolkit.quotes(pl.DataFrame({"doc_id": ["a", "b"], "text": [texts[0], line]}))
    assert rows.filter(pl.col("doc_id") == "b")["speaker"].to_list() == ["Putin"]


def _read_known(text: str, known: frozenset[str]) -> list[tuple[str, str]]:
    return [(text[a:b], text[p:q]) for a, b, (p, q), _ in credits(text, lexicon(), known)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin to West: Stop turning world into 'global barracks'",
         [("Stop turning world into 'global barracks'", "Putin")]),
        ("Lavrov on Obama speech: Efforts to isolate Russia will fail",
         [("Efforts to isolate Russia will fail", "Lavrov")]),
        # (no one addressed: "to" before a verb; nothing said on it: no clause after)
        ("Time to pay the piper: Cameron faces wrath of MPs over tax affairs", []),
        ("Lavrov on Greenland crisis: Key statements from annual press conference", []),
    ],
)  # fmt: skip
def test_a_credited_word_speaks_to_someone_or_on_something(text, expected):
    """A word the corpus credits, before whom it speaks to or what it speaks on and a colon."""
    assert _read_known(text, frozenset({"Putin", "Lavrov", "Time"})) == expected


def test_a_single_word_s_verb_of_evidence_is_a_credit_where_the_corpus_credits_the_word():
    """ "Biden highlights ..." is Biden's where the corpus credits "Biden" elsewhere; a word it
    never credits may be a place or a thing ("Xinjiang shows ...")."""
    line = "Biden highlights infrastructure, economy as he battles low approval"
    assert _read_known(line, frozenset()) == []
    assert _read_known(line, frozenset({"Biden"})) == [
        ("infrastructure, economy as he battles low approval", "Biden")
    ]


def test_a_title_case_headline_names_no_one_with_its_verb():
    """The names read from a title-case headline end before its verb: the role is resolved
    as written, not to a "name" that runs on into the verb ("Doctor Says", "Group Says")."""
    texts = [
        "Clinton Hid Past Health Problems From Public, Former White House Doctor Says\n"
        "The former White House physician spoke on Monday.",
        "Zimbabwe Police Defy Order to Free Lawyer, Group Says",
    ]
    corpus = pl.DataFrame({"doc_id": ["a", "b"], "text": texts})
    rows = toolkit.quotes(corpus).sort("doc_id")
    assert rows.select("speaker", "speaker_text", "verb").rows() == [
        ("Former White House Doctor", "Former White House Doctor", "say"),
        ("Group", "Group", "say"),
    ]


def test_a_title_case_title_apart_from_its_text_is_read():
    """A page's title kept apart (the New York Times's, in title case) gives its row, its
    surname resolved by the text's full name."""
    corpus = pl.DataFrame(
        {
            "doc_id": ["a"],
            "title": ["Kerry Says U.S. Will Double Aid to Rebels in Syria"],
            "text": ["Secretary of State John Kerry met the opposition in Istanbul on Saturday."],
        }
    )
    rows = toolkit.quotes(corpus).filter(pl.col("field") == "title")
    assert rows.select("speaker", "speaker_text", "verb", "quote").rows() == [
        ("John Kerry", "Kerry", "say", "U.S. Will Double Aid to Rebels in Syria")
    ]
