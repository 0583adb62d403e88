import pytest

from toolkit.quote_spans import double_marks, quote_spans, sentences, work_title


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # curly marks pair; a closing mark used to open one
        ("“We act,” he said.", ["We act,"]),
        ("They met in 2021.”We will act,” he said.", ["We will act,"]),
        # an opening mark for a closing one, after a comma and before a frame's lower-case word
        # (PolNeAR train)
        ("“It’s unusual,“ said Larry Noble. “We act.”", ["It’s unusual,", "We act."]),
        ("“Apparently not,“ he said.", ["Apparently not,"]),
        # a closing mark glued to the next word that no mark closes opens nothing, and an
        # opening mark outweighs that guess; a straight opening mark closed by a curly one
        (
            "“Think about it,” he went on. “Email me.” ”Christian emailed to say that he agreed. "
            "Nothing more came of it.",
            ["Think about it,", "Email me."],
        ),
        (
            "“Think about it.” ”Christian emailed. “The idea is good,” he wrote.",
            ["Think about it.", "The idea is good,"],
        ),
        (
            'He wrote, " ‘Email me if you think this is a good idea.’ ” Christian emailed back.',
            [" ‘Email me if you think this is a good idea.’ "],
        ),
        # a curly quotation closed by a straight mark after its stop (set 29, chinadaily-nyt):
        # the mark opens no quotation after it; a straight pair inside stays an inner quote
        (
            '“The casualties will be verified during mop-up."An army spokesman said that “the '
            "air force led the assault,” he added.",
            ["The casualties will be verified during mop-up.", "the air force led the assault,"],
        ),
        (
            '“They’re trying to cash the check," Mr. Shai told reporters. “We’ll do the same.”',
            ["They’re trying to cash the check,", "We’ll do the same."],
        ),
        (
            '“He told me "go home." Then he left,” she said.',
            ['He told me "go home." Then he left,'],
        ),
        # straight marks in turns
        ('"We act," he said. "It works," she added.', ["We act,", "It works,"]),
        # an opening mark the source lost: the quotation starts with its sentence, and the
        # quotations after it keep their sides (a long paragraph with no breaks)
        (
            'He spoke. "We build it," he said. We launch it. This is new," he added. Zelenskyy '
            'noted the plan. "People matter," Zelenskyy said.',
            ["We build it,", "This is new,", "People matter,"],
        ),
        # an opening mark whose closing mark was lost does not swallow the quotations after it
        (
            'He praised the "new plan. Then he spoke. "We act," Zelenskyy said. "It works," he '
            "added.",
            ["new plan.", "We act,", "It works,"],
        ),
        # an inner quotation nests in the outer one
        (
            '"The enterprise "Center for Peace", which belongs to the Ministry, is set," said the '
            "Deputy Prime Minister.",
            ['The enterprise "Center for Peace", which belongs to the Ministry, is set,'],
        ),
        # a scare-quoted word and a name in quotation marks
        (
            'They play a sham "referendum" somewhere. Components of "Diia City": tax.',
            ["referendum", "Diia City"],
        ),
        # straight marks inside a curly quotation are its inner quotes, not quotations of
        # their own
        ('“Call it a "deal", if you like,” he said.', ['Call it a "deal", if you like,']),
        # one left open runs to the end of its paragraph, and the next paragraph starts afresh
        (
            '"This goes on and on without an end\n"Next," she said.',
            ["This goes on and on without an end", "Next,"],
        ),
        # an opening mark left at the end of the paragraph before opens the next one's
        # quotation (chinadaily-nyt-2013-15), not one whose paragraph opens its own
        (
            "He came.“\n\nThat’s not the way,” Mr. Arriagada said. “If it were, fine.”",
            ["That’s not the way,", "If it were, fine."],
        ),
        ("He came.“\n\n“That’s not the way,” he said.", ["That’s not the way,"]),
    ],
)
def test_quote_spans(text, quotes):
    assert [text[a:b] for a, b in quote_spans(text)] == quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He came. She left.", ["He came.", "She left."]),
        # glued in the source
        (
            "Officials said.If confirmed, it would be new.",
            ["Officials said.", "If confirmed, it would be new."],
        ),
        ("He met them.\nThey agreed.", ["He met them.", "They agreed."]),
    ],
)
def test_sentences_also_where_the_source_glued_them(text, expected):
    assert [text[a:b] for a, b in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the NYT archive's doubled apostrophes: an opening mark before its words, a closing
        # one after them, each a straight mark and a space at the same offsets
        ("''This isn't tax reform,'' said Douglas Holtz-Eakin.",
         ' "This isn\'t tax reform,"  said Douglas Holtz-Eakin.'),
        ("He said, ''It's anti-growth.''", 'He said,  "It\'s anti-growth." '),
        # Penn Treebank's backticks open one
        ("``Yes,'' he said.", ' "Yes,"  he said.'),
        # the NYT magazine's two curly single marks (chinadaily-nyt-2013-15): the pair is a
        # curly double mark, a nested quotation's closing mark kept before the closing pair
        ("Mirza fled.‘‘The battle made me think,’’ he told me.",
         "Mirza fled. “The battle made me think,”  he told me."),
        ("‘‘I used to say, ‘I don’t want that.’’’ Carter", " “I used to say, ‘I don’t want that.’”  Carter"),
        ("Mr. Xu’s ‘quiet’ plan", "Mr. Xu’s ‘quiet’ plan"),
        # an opening and a closing single mark before a word open a quotation
        # (chinadaily-nyt-2013-15), not an empty pair of single marks
        ("He was sympathetic.‘’Parma was crippled,” he said.",
         "He was sympathetic. “Parma was crippled,” he said."),
        ("a ‘’ b", "a ‘’ b"),
        # single curly marks before an inverted verb of speaking, or a name and the verb
        # (statemedia-headlines-2006-26), not scare quotes nor an apostrophe
        ("‘I’m back,’ says Arnold Schwarzenegger", "“I’m back,” says Arnold Schwarzenegger"),
        ("‘Stop lying,’ Russia tells US", "“Stop lying,” Russia tells US"),
        ("The candidates’ ‘plans’ said nothing", "The candidates’ ‘plans’ said nothing"),
        ("A ‘historic’ deal, officials say", "A ‘historic’ deal, officials say"),
        ("'It's all about the banking,' says Lee Camp", "“It's all about the banking,” says Lee Camp"),
        ("‘US will thrive without China,’ chief strategist tells Boom Bust",
         "“US will thrive without China,” chief strategist tells Boom Bust"),
        ("Roundup found 'safe' despite WHO claims", "Roundup found 'safe' despite WHO claims"),
        ("“I told him: ‘I am sorry.’ He said, ‘What a pity,’ ” she said.",
         "“I told him: ‘I am sorry.’ He said, ‘What a pity,’ ” she said."),
        # an apostrophe alone, and two inside a word, are no quotation marks
        ("The candidates' plans", "The candidates' plans"),
        ("O''Brien said", "O''Brien said"),
    ],
)  # fmt: skip
def test_doubled_marks_are_read_as_quotation_marks(text, expected):
    assert double_marks(text) == expected
    assert len(double_marks(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a work's title right after its noun (chinadaily-nyt-2013-15)
        ("he wrote in his autobiography, “Long Walk to Freedom.”", True),
        ("the governor said on the public radio program “The Capitol Pressroom.”", True),
        ('King said in his famous speech "I Have a Dream" that freedom would ring.', True),
        ("In an article entitled “Studying Guerrilla Theory in China”, he wrote", True),
        # words in a sentence's case, or no work's noun before them: someone's words
        ("he wrote in his autobiography, “I was born free.”", False),
        ("He said, “Long Walk to Freedom.”", False),
    ],
)  # fmt: skip
def test_a_works_title_is_no_ones_words(text, expected):
    (start, end), *_ = quote_spans(text)
    assert work_title(text, start, end) is expected
