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
