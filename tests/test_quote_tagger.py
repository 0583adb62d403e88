"""The learned speaker tagger (toolkit.quote_tagger) and the attributions it adds where the rules
read no frame (toolkit.quote_fallback): the screen, the decoding of its labels, the merge with
the rules' rows, the resolution of what it marks (with a fake tagger), the committed adapters'
card, and the real tagger on sentences of no labelled set."""

import hashlib
import json

import numpy as np
import polars as pl
import pytest

from toolkit import quote_fallback, quote_tagger
from toolkit.quotes import QUOTES_SCHEMA, _merged, quotes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We will not give in,” the minister told reporters.", True),
        ('He called it "a wretched frame-up".', True),
        ("The embassy said pointedly in a statement that it opposed the change.", True),
        ("Journalists coined it the Snooper Bowl.", True),
        ("Prices rose, according to the statistics office.", True),
        ("The economy grew by 3 percent in the first quarter.", False),
        ("Minsk and Moscow signed six treaties on Tuesday.", False),
        ("The sayings of the elders were printed.", False),  # no "say" inside another word
        ("A state visit is due in May.", True),  # (a screen: the tagger decides)
    ],
)  # fmt: skip
def test_the_screen_lets_through_sentences_that_may_report(sentence, expected):
    assert quote_tagger.may_report(sentence) is expected


@pytest.mark.parametrize(
    ("piece", "expected"),
    [("Heller", 1), ("NATO", 2), ("said", 0), ("A", 1), ("“", 0), ("3rd", 0), ("", 0)],
)
def test_capitals_of_a_piece(piece, expected):
    assert quote_tagger.cap_class(piece) == expected


def _probs(labels, sure=0.95):
    out = np.full((len(labels), 3), (1 - sure) / 2)
    for i, label in enumerate(labels):
        out[i, label] = sure
    return out


@pytest.mark.parametrize(
    ("text", "offsets", "labels", "expected"),
    [
        # [CLS] Mr . Heller said [SEP]: B I I O
        ("Mr. Heller said", [(0, 0), (0, 2), (2, 3), (4, 10), (11, 15), (0, 0)],
         [0, 1, 2, 2, 0, 0], [(0, 10)]),
        # a piece inside a word widens to the word
        ("the Kremlin's aide said", [(0, 0), (0, 3), (4, 8), (8, 11), (11, 13), (14, 18),
                                     (19, 23), (0, 0)],
         [0, 0, 1, 0, 0, 0, 0, 0], [(4, 11)]),
        # an I with no mention open is a fragment, no mention
        ("one person knowledgeable said", [(0, 0), (0, 3), (4, 10), (11, 24), (25, 29), (0, 0)],
         [0, 0, 0, 2, 0, 0], []),
        # two mentions: B O B
        ("Lavrov and Wang said", [(0, 0), (0, 6), (7, 10), (11, 15), (16, 20), (0, 0)],
         [0, 1, 0, 1, 0, 0], [(0, 6), (11, 15)]),
        ("nothing here", [(0, 0), (0, 7), (8, 12), (0, 0)], [0, 0, 0, 0], []),
    ],
)  # fmt: skip
def test_labels_are_read_as_mentions(text, offsets, labels, expected):
    got = quote_tagger._spans(text, offsets, _probs(labels))
    assert [(x, y) for x, y, _ in got] == expected
    assert all(p == pytest.approx(0.95) for *_, p in got)


def test_a_mention_is_as_sure_as_its_least_sure_piece():
    probs = _probs([0, 1, 2, 0])
    probs[2] = [0.2, 0.1, 0.7]
    got = quote_tagger._spans("Anna Petrova", [(0, 0), (0, 4), (5, 12), (0, 0)], probs)
    assert got == [(0, 12, pytest.approx(0.7))]


def test_gaps_are_the_unattributed_sentences_that_may_report():
    text = "“We act,” he said. Prices rose. The aide told us it works. Short said it."
    sentences = [(0, 18), (19, 31), (32, 58), (59, 73)]
    rows = [{"start": 1, "end": 8}]
    # the first is attributed, the second reports nothing, the last is under four words
    assert quote_fallback.gaps(text, sentences, rows) == [(32, 58)]
    # an attribution that starts long before and runs over a sentence, many others between
    rows = [{"start": 0, "end": 40}] + [{"start": 1 + i // 2, "end": 2 + i // 2} for i in range(60)]
    assert quote_fallback.gaps(text, sentences, rows) == []


def test_the_tagger_rows_go_among_the_rules_rows_in_the_order_of_their_quotations():
    rows = [{"doc_id": "a", "start": 5, "end": 9}, {"doc_id": "b", "start": 1, "end": 4},
            {"doc_id": "b", "start": 30, "end": 40}, {"doc_id": "c", "start": 0, "end": 2}]  # fmt: skip
    more = [[{"doc_id": "b", "start": 10, "end": 20, "tagged": True}]]
    got = _merged(rows, [(1, 3)], more)
    assert [(r["doc_id"], r["start"]) for r in got] == [("a", 5), ("b", 1), ("b", 10), ("b", 30),
                                                        ("c", 0)]  # fmt: skip
    # a document with no rule rows of its own: its tagger rows where they belong
    got = _merged(rows[:1] + rows[3:], [(1, 1)], more)
    assert [(r["doc_id"], r["start"]) for r in got] == [("a", 5), ("b", 10), ("c", 0)]


class _Fake:
    """A tagger that marks given words wherever a sentence holds them."""

    def __init__(self, words, sure=0.97):
        self.words, self.sure = words, sure
        self.read: list[str] = []

    def mentions(self, sentences, progress=False):
        self.read += sentences
        out = []
        for s in sentences:
            out.append([(s.index(w), s.index(w) + len(w), self.sure) for w in self.words if w in s])
        return out


@pytest.fixture
def fake(monkeypatch):
    def use(words, sure=0.97):
        tagger = _Fake(words, sure)
        monkeypatch.setattr(quote_tagger.SpeakerTagger, "load", classmethod(lambda cls: tagger))
        return tagger

    return use


def test_a_marked_mention_is_resolved_and_its_sentence_attributed(fake):
    text = ("Arno Heller, a historian, joined the witnesses at lunch on Monday. It was no "
            "coincidence, Mr. Heller reflected in an interview, that Berlin rose first.")  # fmt: skip
    tagger = fake(["Mr. Heller"])
    got = quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True)
    assert got.schema == pl.Schema(QUOTES_SCHEMA)
    rows = got.select("speaker", "speaker_text", "direct").rows()
    assert rows == [("Arno Heller", "Mr. Heller", False)]
    start, end, quote = got.select("start", "end", "quote").row(0)
    assert text[start:end] == quote and "Berlin rose first" in quote and "Heller" not in quote
    # the rules read nothing here: the tagger read that sentence (and the one before, which
    # no screen word lets through, it did not)
    assert tagger.read == [text[text.index("It was") :]]
    assert quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=False).height == 0


def test_a_quotation_in_the_sentence_is_the_quote_and_the_nearest_verb_its_verb(fake):
    text = ('Hours later, the American Embassy sent a note warning that its diplomats would '
            '"strongly oppose any change."')  # fmt: skip
    assert quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=False).height == 0
    fake(["the American Embassy"])
    got = quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True)
    assert got.select("speaker_text", "verb", "quote", "direct", "speaker_kind").rows() == [
        ("the American Embassy", "warn", "strongly oppose any change.", True, "tagged")
    ]


def test_a_tagged_quote_keeps_the_text_s_doubled_apostrophes(fake):
    # the rules and the tagger read ''...'' as quotation marks; a row's offsets and quote are
    # the text's own
    text = ("Hours later, the American Embassy sent a note warning that its diplomats would "
            "''strongly oppose any change.''")  # fmt: skip
    fake(["the American Embassy"])
    got = quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True)
    start, end, quote, kind = got.select("start", "end", "quote", "speaker_kind").row(0)
    assert kind == "tagged" and quote == text[start:end] == "strongly oppose any change."


@pytest.mark.parametrize(
    "text",
    [
        "As I said, I understand there are aspects of the package they do not approve of.",
        "They said the committee has left vague what powers it may actually have.",
        "He warned of a blind spot in the coming months, before improvement is felt.",
    ],
)
def test_whom_the_text_does_not_say_is_no_attribution(fake, text):
    fake(["I", "They", "He"])
    got = quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True)
    # (the rules' "They said ..." is a row whose speaker the text does not say: null)
    assert got.filter(
        pl.col("speaker").is_not_null() | (pl.col("speaker_kind") == "tagged")
    ).is_empty()


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Arno Heller arrived. Invited to lunch on Monday, he expressed joy at the news.", "he"),
        ("The angry reaction contradicted repeated pledges made before the ruling.", "The"),
        # what the rules hold no report: negated, a rule followed, a noun after "noted", "as
        # X claims", the author's own view, no speaker
        ("The article never said that Mr. Erdogan supported the Islamic State.", "The article"),
        (
            "According to the President's decree, the flag was hoisted at 10:00 on the square.",
            "the President's decree",
        ),
        (
            "The minister noted the increased attention the ministry has paid to schools.",
            "The minister",
        ),
        ("This invasion is not just a military operation, as Moscow claims.", "Moscow"),
        ("This author believes that the law is wrong and must be changed.", "This author"),
        (
            "These ads claim that fortified milk powder is like some kind of magic potion.",
            "These ads",
        ),
    ],
)
def test_a_pronoun_or_a_lone_article_the_tagger_marks_is_not_taken(fake, text, mark):
    fake([mark])
    assert quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True).height == 0


def test_a_mention_under_the_threshold_is_left_out(fake):
    text = "Coming so late, Jane Doe expressed no confidence it would change the outcome."
    fake(["Jane Doe"], sure=quote_tagger.THRESHOLD - 0.01)
    assert quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True).height == 0
    fake(["Jane Doe"], sure=quote_tagger.THRESHOLD)
    assert quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}), tagger=True)[
        "speaker"
    ].to_list() == ["Jane Doe"]


def test_the_adapters_were_trained_on_development_sets_only():
    card = quote_tagger.card()
    held_out = {25, 27, 28, 30, 32, 34}  # benchmarks/README.md, "Quote attribution"
    assert set(card["held_out_sets"]) == held_out
    assert not set(card["trained_on_sets"]) & held_out
    assert card["adapter_sha256"] == hashlib.sha256(quote_tagger.ADAPTER.read_bytes()).hexdigest()
    assert card["rank"] == quote_tagger.RANK and card["max_pieces"] == quote_tagger.MAX_PIECES


def test_the_adapters_sit_on_the_bundled_model():
    from toolkit.embed import model_info

    assert quote_tagger.card()["base_model_sha256"] == model_info(None).sha256
    json.dumps(quote_tagger.card())  # the card is plain JSON


@pytest.fixture(scope="module")
def real():
    return quote_tagger.SpeakerTagger.load()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # written for this test (no labelled set's), in forms the rules also read and not
        ("It was no accident, Mr. Kovalenko said in a telephone interview, that the strike "
         "began in Gomel.", "Mr. Kovalenko"),
        ("Hours later, the Belarusian Embassy in Warsaw stressed in a statement that its "
         "diplomats “strongly oppose any attempt to close the border.”",
         "the Belarusian Embassy in Warsaw"),
        ("A senior aide to the governor said the budget would not pass.",
         "A senior aide to the governor"),
        ('Journalists coined it the "Minsk Bowl."', "Journalists"),
    ],
)  # fmt: skip
def test_the_real_tagger_marks_the_speaker(real, sentence, speaker):
    (got,) = real.mentions([sentence])
    assert [sentence[x:y] for x, y, p in got if p >= quote_tagger.THRESHOLD] == [speaker]


def test_the_real_tagger_marks_no_one_in_narration(real):
    got = real.mentions(["The economy grew by three percent in the first quarter, and the "
                         "central bank kept its rate at 9.5 percent."])  # fmt: skip
    assert [m for m in got[0] if m[2] >= quote_tagger.THRESHOLD] == []


def test_the_real_tagger_gives_the_same_marks_twice_and_in_any_batch(real):
    sentences = [
        "“We act,” Lukashenko said.",
        "Prices rose.",
        "Mr. Kovalenko reflected that it worked.",
    ]
    once = real.mentions(sentences)
    assert real.mentions(sentences) == once  # the same batches: the same numbers
    alone = [real.mentions([s])[0] for s in sentences]  # other shapes: the same marks
    assert [[(x, y) for x, y, _ in m] for m in alone] == [[(x, y) for x, y, _ in m] for m in once]
    for a, b in zip(alone, once, strict=True):
        assert [p for *_, p in a] == pytest.approx([p for *_, p in b], abs=1e-4)


def test_with_the_real_tagger_the_rules_rows_stay_and_only_tagged_rows_are_added(real):
    import toolkit

    corpus = toolkit.ingest("seeds").corpus.select("doc_id", "text", "title")
    rules = quotes(corpus)
    both = quotes(corpus, tagger=True)
    assert both.schema == pl.Schema(QUOTES_SCHEMA)
    assert rules.height and both.height >= rules.height
    # the rules' rows, every one, in their order; the others are the tagger's
    kept = both.join(rules, on=list(QUOTES_SCHEMA), how="semi", nulls_equal=True)
    assert kept.equals(rules)
    added = both.join(rules, on=list(QUOTES_SCHEMA), how="anti", nulls_equal=True)
    assert set(added["speaker_kind"]) <= {"tagged"}
    assert "tagged" not in set(rules["speaker_kind"])
    fields = {f: dict(corpus.select("doc_id", f).iter_rows()) for f in ("text", "title")}
    for doc_id, start, end, quote, field in both.select(
        "doc_id", "start", "end", "quote", "field"
    ).iter_rows():
        assert fields[field][doc_id][start:end] == quote  # a page title's credits: its offsets
    # each document's rows of its text in the order of their quotations
    for _, rows in both.filter(pl.col("field") == "text").with_row_index().group_by("doc_id"):
        assert rows["start"].is_sorted()
    assert quotes(corpus, tagger=True).equals(both)  # the same rows again


def test_loading_the_tagger_leaves_the_process_gradients_on(real):
    import torch

    # (it once switched them off for the whole process: a user's own training would not learn)
    assert torch.is_grad_enabled()
