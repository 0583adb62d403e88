import pytest

from toolkit.quote_credits import credited


def spans(text):
    return [(text[a:b], text[p:q]) for a, b, (p, q) in credited(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comment page's excerpt and the credit line below it (China Daily, set 14)
        ("For the uncertain future, the protesters have exacted a real and certain price. This "
         "seems not the way to behave.\n"
         "Wen Yang, a Beijing-based scholar, from his article published on guancha.cn, Nov 19\n",
         [("For the uncertain future, the protesters have exacted a real and certain price. This "
           "seems not the way to behave.", "Wen Yang")]),
        # a website or a newspaper credited, two excerpts in a row
        ("The process of realizing democracy is a progressive evolution, rather than a "
         "revolution.\nWenweipo.com, Nov 18\n"
         "The law should embody the principle that the penalty matches the deed in every case.\n"
         "Beijing Times, June 11\n",
         [("The process of realizing democracy is a progressive evolution, rather than a "
           "revolution.", "Wenweipo.com"),
          ("The law should embody the principle that the penalty matches the deed in every case.",
           "Beijing Times")]),
        # not a short line, a heading, nor a dateline inside a sentence
        ("Comments:\nLiu Guiming, chief editor, June 11\n", []),
        ("Hong Kong protest leaders met officials\nLiu Guiming, chief editor, June 11\n", []),
        ("The talks were held in Beijing, and officials met again later, Nov 19 at noon.\n", []),
    ],
)  # fmt: skip
def test_credited_excerpts(text, expected):
    assert spans(text) == expected


def named(text):
    from toolkit.quote_credits import named_quotations
    from toolkit.speakers import lexicon

    return [(text[a:b], text[p:q]) for a, b, (p, q) in named_quotations(text, lexicon())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page of what people say: each quotation a paragraph, the name line below it, in
        # capitals or not, with a blank line between or none (chinadaily-nyt-2013-15)
        ('"I am delighted to see the progress in the jury system. The pilot program is only a '
         'start."\nZENG XINHUA, a law professor at the University of International Business\n',
         [("I am delighted to see the progress in the jury system. The pilot program is only a "
           "start.", "ZENG XINHUA")]),
        ('"It is OK to have a dream. However, it should be pursued in the right way."\n\n'
         "Tang Wai-keung, 55, a businessman\n\n",
         [("It is OK to have a dream. However, it should be pursued in the right way.",
           "Tang Wai-keung")]),
        # sound bites with no marks, their names set off by a dash: two of them or more
        ("The opposition must be mindful of Hong Kong's future development and not veto the "
         "package.\n\nTam Yiu-chung - Legislative Council member\n\n"
         "Universal suffrage can be achieved under a gradual and orderly process, all sides "
         "agree.\n\nRita Fan Hsu Lai-tai - Hong Kong deputy to NPC\n",
         [("The opposition must be mindful of Hong Kong's future development and not veto the "
           "package.", "Tam Yiu-chung"),
          ("Universal suffrage can be achieved under a gradual and orderly process, all sides "
           "agree.", "Rita Fan Hsu Lai-tai")]),
        # one such paragraph is an article's last and its byline's; a line with a verb is a
        # sentence, not a name line; nor a line after a paragraph that is no one quotation
        ("The opposition must be mindful of Hong Kong's future development and not veto the "
         "package.\n\nJohn Smith - staff writer\n", []),
        ('"This brought together ideas of pan-Africanism and reconciliation."\n\n'
         "Ross Anthony, research fellow at Stellenbosch University does believe that messages "
         "from China resonate.\n", []),
        ('"I still think there is a gap between the national dream and individual dreams."\n\n'
         "Dambisa Moyo, the Zambian-born economist, believes many in Africa agree.\n", []),
        ('He said: "I still think there is a gap between the national dream and individual '
         'dreams."\nDambisa Moyo, the Zambian-born economist\n', []),
    ],
)  # fmt: skip
def test_named_quotations(text, expected):
    assert named(text) == expected
