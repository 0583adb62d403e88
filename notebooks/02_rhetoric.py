# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Rhetoric across sources
#
# How the outlets frame the same relationship differently: the words that set each apart, how
# often each frame appears, who is quoted and with which verbs, us-and-them language and tone,
# and any keyword in context. An article is read as its title and its text (a title the text
# does not already open with is its first paragraph, and its words are counted), as the trends
# and topics notebooks read it; quotes are found in the text. Every table carries each group's
# documents and words; groups with fewer than `min_group_docs` documents are flagged "small n",
# drawn lighter and hatched in the plots, and should not be compared.
#
# Each distinctive term, frame and quoted speaker links to its evidence: click it, and the
# evidence table of its section shows the lines behind the number, with outlet, date and title
# (the address then ends in `#evidence=term:...`, which opens the report on those lines).
# Terms and frames show up to 5 lines per group, the earliest: the count in their table is
# every match, and `toolkit.evidence.kwic(corpus, ["term"])` gives every line of a term.

# %% tags=["parameters"]
name = "seeds"
sources = ["seeds"]
manifest = None
outlet_tables = None
unit = "paragraph"
duplicates = "collapse"
outlets = []
date_from = None
date_to = None
seed = 42
model = None
dedup = {}
min_group_docs = 5
groups_drawn = 12
ingest = {}
rhetoric = {
    "group_by": "outlet",
    "period": "year",
    "pair": [],
    "top_terms": 20,
    "min_count": 5,
    "prior_strength": 500.0,
    "ngram_max": 2,
    "stop_words": [],
    "exclude_terms": [],
    "languages": [],
    "language_map": {},
    "speaker_aliases": {},
    "speaker_kinds": ["name", "pronoun", "description", "continued", "tagged"],
    "quote_tagger": False,
    "frames_file": None,
    "frames_mode": "extend",
    "keywords": ["sanction*", "union state", "brother*"],
    "window": 8,
    "bootstrap": 1000,
}
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder
progress = True  # set by `toolkit run`: False under -q (no progress bars)

# %%
import polars as pl
from IPython.display import display

from toolkit import display as d
from toolkit import evidence, overview
from toolkit import rhetoric as rh
from toolkit.article_text import read_whole
from toolkit.comparison import comparison
from toolkit.context import context
from toolkit.groups import drawn_note, most, period_label
from toolkit.plots import log_odds_scatter, rate_bars
from toolkit.progress import step
from toolkit.quote_kinds import KINDS, kinds_by_group
from toolkit.quote_tables import by_group, counted, quote_share
from toolkit.quotes import quotes
from toolkit.resources import UNKNOWN
from toolkit.speaker_variants import spelling_variants
from toolkit.tokens import tokens_for

ctx = context(globals(), "rhetoric")
opts, minimum, seed = ctx.params["rhetoric"], ctx.params["min_group_docs"], ctx.params["seed"]
docs = ctx.stories
by = opts["group_by"]
undated = 0
if by == "period":  # an undated item belongs to no period: left out, and counted (as in trends)
    undated = docs.filter(pl.col("published").is_null()).height
    docs = docs.filter(pl.col("published").is_not_null()).with_columns(
        period=period_label(opts["period"])  # each period's first day: "2022-01-01"
    )
articles = docs  # as the corpus holds them: the quotes' offsets are into their texts
docs = read_whole(docs)  # terms, frames and stance read each article's title and text
sizes = rh.group_sizes(docs, by=by, min_group_docs=minimum)
ctx.save_table(sizes, "group_sizes")
display(d.table(sizes, title=f"Groups ({by}): documents and words (of titles and texts)"))
small = sizes.filter("small_n")["group"].to_list()
# the groups with the most documents are drawn (dozens of bars are read as none); tables keep all
drawn_groups = most(docs, by=by, n=ctx.params["groups_drawn"])
if few := drawn_note(drawn_groups, sizes.height, what="groups"):
    display(d.say("{few}", few=few))
drawn_group = pl.col("group").is_in(drawn_groups)
display(d.say("{filters} Reprints: <code>duplicates: {dups}</code>.", filters=ctx.filters(),
              dups=ctx.params["duplicates"]))  # fmt: skip
if undated:
    display(d.say("{n} undated document{s} left out: they belong to no period.", n=undated,
                  s="" if undated == 1 else "s"))  # fmt: skip
if small:
    display(d.say("<b>Small n</b>: {groups} ha{s} fewer than {n} documents. Differences "
                  "involving them are anecdotes, not evidence.", groups=small,
                  s="s" if len(small) == 1 else "ve", n=minimum))  # fmt: skip
if UNKNOWN in sizes["group"].to_list():
    unknown = sizes.filter(pl.col("group") == UNKNOWN)["n_docs"].item()
    display(d.say("<b>{group}</b>: {n} document{s} whose {by} is not known (the data do not "
                  "name it, or name it in a way the outlet tables do not know: the load report's "
                  "notes say which, and a table's site or channel column is kept in meta), "
                  "compared as one group. They may come from several {by}s, so read differences "
                  "with them as "
                  "a mixture's, not one {by}'s; a manifest or outlet table that names them would "
                  "split them.", group=UNKNOWN, n=unknown, s="" if unknown == 1 else "s",
                  by=by))  # fmt: skip


words_compared = comparison(docs, languages=opts["languages"],
                            language_map=opts["language_map"])  # fmt: skip
display(d.say("Distinctive terms are compared <b>{how}</b>: words of different languages meet "
              "only through a <code>language_map</code> you give.",
              how=words_compared.describe()))  # fmt: skip


# %% [markdown]
# ## Distinctive terms
#
# The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): for
# each group against all the others, the terms it uses more than expected, ranked by z-score.
# Thousands of terms are tested at once, so |z| > 1.96 alone is no finding: each term carries its
# p-value and its Benjamini-Hochberg q-value over every term of its comparison (q < 0.05 is the
# bar). The prior shrinks rare terms, so a word used twice does not top the list. `per_1000` is
# per 1,000 of the group's counted terms (`n_terms`: words and two-word phrases, stop words left
# out), not per 1,000 words (`n_words`). Outlets that cover different years differ by their
# years' news as well as by their style: check `first` and `last` in the corpus report (grouped
# by period, each group is named by its period's first day, and its terms are that period's
# news). `term_docs` counts the group's documents that use a term and `top_doc_share` the share
# of its uses in the one that uses it most: a term from one long interview is that article's
# word, not the group's. Click a term for its lines in context.

# %%
# each result is kept by the corpus, the parameters and the code: a rerun reads it back
with step("distinctive terms", progress=ctx.progress):  # a bar while it runs, none kept
    terms = ctx.cached("distinctive_terms", lambda: rh.distinctive_terms(
        docs, by=by, ngram_max=opts["ngram_max"], min_count=opts["min_count"],
        prior_strength=opts["prior_strength"], top=opts["top_terms"], min_group_docs=minimum,
        stop_words=opts["stop_words"], exclude_terms=opts["exclude_terms"],
        languages=opts["languages"], language_map=opts["language_map"],
    ))  # fmt: skip
ctx.save_table(terms, "distinctive_terms")
stops = tokens_for(docs, stop_words=opts["stop_words"], exclude_terms=opts["exclude_terms"]).stop
# the two largest groups among the documents compared (one language)
largest = rh.default_pair(docs, by=by, languages=opts["languages"],
                          language_map=opts["language_map"])  # fmt: skip
if len(largest) < 2:
    display(d.say("One group among the documents compared ({groups}): no rest to compare it "
                  "against.", groups=largest))  # fmt: skip
elif rh.note_of(terms) and "term" not in terms.columns:  # every z undefined: say why
    display(d.say("{note}", note=rh.note_of(terms)))
elif terms.height:
    if rh.note_of(terms):
        display(d.say("{note}", note=rh.note_of(terms)))
    if terms["names_group"].any():
        display(d.say("Terms marked <code>names_group</code> are words of the group's own name "
                      "(its sign-offs and self-references, 'according to SHOT'): they set it "
                      "apart, but say nothing of its rhetoric."))  # fmt: skip
    display(d.table(terms.select("group", "term", "count", "count_other", "per_1000",
                                 "n_terms", "z", "q_value", "term_docs", "top_doc_share",
                                 "n_docs", "n_words", "small_n", "names_group"),
                    title="Most distinctive terms of each group against the rest",
                    links={"term": "term"}))  # fmt: skip
    if shared := overview.repeated_note(ctx.stories):
        display(d.say("<b>{note}</b>", note=shared))
    few = terms.filter((pl.col("term_docs") < 3) | (pl.col("top_doc_share") >= 0.5))
    if few.height:
        display(d.say("{k} of these {n} terms rest on one or two documents or have half their "
                      "uses or more in one (<code>term_docs</code> under 3 or "
                      "<code>top_doc_share</code> 0.5 or more): one article's words, not the "
                      "group's, until their lines say otherwise.", k=few.height,
                      n=terms.height))  # fmt: skip
    term_lines = ctx.cached("evidence_terms", lambda: evidence.kwic(  # the documents compared
        words_compared.select(docs), terms["term"].unique().sort().to_list(), by=by,
        window=opts["window"], per_key=5, stop_words=stops))  # fmt: skip
    ctx.save_table(term_lines, "evidence_terms")
    display(d.evidence_table(term_lines, kind="term", title="Distinctive terms in context "
                             f"(up to 5 lines per term and {by}, earliest first)",
                             **ctx.whole("evidence_terms")))  # fmt: skip
else:
    display(d.say("No term occurs at least {n} times in these documents: nothing to rank.",
                  n=opts["min_count"]))  # fmt: skip

# %% [markdown]
# Two groups side by side: each term's frequency against its z-score. Terms above the upper
# dotted line (coloured) are the first group's with q < 0.05, below the lower one the second's;
# grey terms pass no corrected test. Hover for the term.

# %%
pair = opts["pair"] or largest  # the user's two groups, else the two largest compared
if len(pair) == 2:
    with step("the pair's terms", progress=ctx.progress):
        versus = ctx.cached("distinctive_terms_pair", lambda: rh.distinctive_terms(
            docs, by=by, pair=tuple(pair), ngram_max=opts["ngram_max"],
            min_count=opts["min_count"], prior_strength=opts["prior_strength"],
            min_group_docs=minimum, stop_words=opts["stop_words"],
            exclude_terms=opts["exclude_terms"], languages=opts["languages"],
            language_map=opts["language_map"],
        ))  # fmt: skip
    ctx.save_table(versus, "distinctive_terms_pair")
    n = {g: r for g, *r in sizes.select("group", "n_docs", "n_words").iter_rows()}
    title = f"{pair[0]} (n={n[pair[0]][0]} docs) against {pair[1]} (n={n[pair[1]][0]} docs)" + (
        " - small n, do not read as evidence" if set(pair) & set(small) else ""
    )
    if rh.note_of(versus):  # terms with an undefined z, left out
        display(d.say("{note}", note=rh.note_of(versus)))
    fig = log_odds_scatter(versus, title=title) if "term" in versus.columns else None
    display(
        d.figure_or_reason(
            fig,
            "{a} and {b} share no term used at least {n} times: nothing to draw.",
            a=pair[0],
            b=pair[1],
            n=opts["min_count"],
        )
    )
else:
    display(d.say("Fewer than two groups among the documents compared ({groups}): nothing to "
                  "compare side by side.", groups=pair))  # fmt: skip

# %% [markdown]
# ## Frames
#
# Matches of each frame's lexicon per 1,000 words, with 95% bootstrap intervals (documents
# resampled within each group). The lexicons are in `toolkit/lexicons/frames.yaml`; a params
# file can extend or replace them. A frame's `except` phrases hold no match ("brother*" is
# kinship, not in "Muslim Brotherhood" or "his brother"; "friend*" not in "user-friendly"); a
# word read another way than the frame means can still be counted, so read the lines behind a
# rate before citing it. "Brotherhood and kinship" counts friendship and alliance too (friend*,
# ally): in the Kremlin's 2021-22 releases two-thirds of its matches. Click a frame for the
# lines that matched it.

# %%
frames = ctx.frames()  # the bundled frames with `frames_file` (extend or replace)
rates = ctx.cached("frame_rates", lambda: rh.frame_rates(
    docs, by=by, frames=frames, seed=seed, n_boot=opts["bootstrap"], min_group_docs=minimum,
    stop_words=opts["stop_words"], exclude_terms=opts["exclude_terms"],
    languages=opts["languages"]), inputs=frames)  # fmt: skip
ctx.save_table(rates, "frame_rates")
frames_compared = comparison(docs, languages=opts["languages"], through="frame terms per language")
frames, frames_left = rh.frames_for(frames, frames_compared)
display(d.say("Frames are counted <b>{how}</b>. {left}", how=frames_compared.describe(),
              left="; ".join(frames_left)))  # fmt: skip
# frames whose terms are in another script than the documents' (an English lexicon on Russian)
frames_script = rh.frames_note(frames, frames_compared.languages)
ctx.record("frames_script", frames_script)
if frames_script:
    display(d.say("{note}", note=frames_script))
countable = not frames or any(not rh.matches_none(f["terms"], frames_compared.languages)
                              for f in frames.values())  # fmt: skip
if countable:  # else the sentence above stands in for a table and a plot of zeros
    columns = ["group", "label", "matches", "per_1000", "ci_low", "ci_high", "n_docs", "n_words"]
    display(d.table(rates.select(*columns, "small_n"), title="Frames per 1,000 words",
                    links={"label": "frame"}))  # fmt: skip
    fig = rate_bars(rates.filter(drawn_group).drop("frame").rename({"label": "frame"}),
                    group="group",
                    category="frame", value="per_1000",
                    title="Frames per 1,000 words (95% bootstrap intervals)",
                    axis_title="matches per 1,000 words", colours=ctx.colours)  # fmt: skip
    display(d.figure_or_reason(fig, "No term of any frame occurs in these documents."))
lexicons = rh.frame_terms(frames, stop_words=opts["stop_words"],
                          exclude_terms=opts["exclude_terms"])  # fmt: skip
frame_lines = ctx.cached("evidence_frames", lambda: evidence.kwic(
    docs, lexicons, by=by, window=opts["window"], per_key=5,
    exceptions=rh.frame_exceptions(frames)), inputs=frames)  # fmt: skip
ctx.save_table(frame_lines, "evidence_frames")
if countable:  # no empty table of lines where no frame can match
    display(d.evidence_table(frame_lines, kind="frame", title="Frame matches in context (up to 5 "
                             f"lines per frame and {by}, earliest first)",
                             **ctx.whole("evidence_frames")))  # fmt: skip

# %% [markdown]
# ## Who is quoted
#
# Each attribution links a speaker, a reporting verb and what was said (`toolkit.quotes`): direct
# quotes ('"...," X said', 'X said: "..."'), reported speech ('X stressed that ...') and a
# headline's credit ("Russia ready to continue talks — Lavrov", "...: Iranian FM", with no
# verb, shown as "(none: a credit, ...)"; "Kremlin urges West to ..."). A page's own headline,
# kept in its `title`, is read too and its credit counted with the article's rows (`field`
# "title" in `quotes.parquet`; filter it out to count the articles' text alone). The
# rules read English, so documents in other languages are left out (the count is given below).
# Speakers are found in the text, not taken from a list, and a role or surname is resolved to
# the full name where the article makes it clear ("the Belarusian leader" -> Aleksandr
# Lukashenko). Where the text does not say who (a "he said" with no person near it), the
# speaker is left empty and shown as such, never guessed. A description is counted in lower case
# whether or not it opens a sentence ("Analysts said" and "..., analysts said" are one speaker,
# in `quotes.parquet` too). Click a speaker for the quotes. One
# person written two ways by two outlets ("Aleksandr" and "Alexander Lukashenko") is two
# speakers here unless `speaker_aliases` in the parameters merges them. The table after the
# speakers lists the names that may be one person's spellings (a middle initial, a
# transliteration, accents), with the entry that would merge them. They are only proposed,
# because two people can share a name's sound.
#
# How far to trust it: on the three latest held-out China Daily and NYT sets, about 295
# hand-labelled sentences each from 60 articles (`benchmarks/README.md`, "Quote attribution",
# sets 30, 32 and 34), speaker precision is **0.80**, **0.82** and **0.83** and recall
# **0.72**, **0.63** and **0.69**, below the 0.9 / 0.8 target (two annotators labelling one set
# blind agreed on 98% of speakers); on three held-out sets from
# English Wikinews, an outlet the rules were never written from (sets 25, 27 and 28), 0.89,
# 0.87 and 0.81 and 0.67, 0.65 and 0.61; on the China Daily and NYT sets before (22-24) 0.85,
# 0.78 and 0.91 and 0.63, 0.64 and 0.70; on the six sets before those (Kremlin and
# president.gov.ua releases too), 0.76-0.94 and 0.54-0.72. Agency releases are read better
# than newspaper prose, where "he said" follows paragraphs about other people. Headlines are
# read best: on 440 held-out TASS, RT and Russian ministry headlines (set 37) the credits are
# right 0.98 of the time and find 0.82 of them, on 300 of Xinhua, CGTN, Global Times, China
# Daily and the BBC (set 38) 0.85 and 0.67. Overall a third
# to a half of attributions are missed and 1 in 10 to 1 in 4 speakers is wrong. How the frame
# gives the speaker matters (`speaker_kind` in the quotes table): on the held-out China Daily
# and NYT sets a speaker the frame names was right 137 times in 153 (0.90, 95% interval
# 0.84-0.93), one resolved from "he" or "she" 53 in 69 (0.77), a description ("the report",
# "officials") 32 in 54 (0.59) and a quotation that goes on from another 31 in 35 (0.89); on
# the Wikinews sets a named one 192 in 221 (0.87, 0.82-0.91). Where precision matters more
# than coverage, count only the named
# speakers (about half of the right ones): `speaker_kinds: [name]` in the `rhetoric`
# parameters. The table after the speakers gives each group's share of named speakers: a group
# whose speakers are mostly "he" and descriptions is read less surely. Read the counts below
# with that in mind, and check them in the quotes. A learned speaker tagger can read the
# sentences no rule read a frame in (`quote_tagger: true` in the `rhetoric` parameters): on
# the held-out sets it adds 1.4 to 2.5 points of recall for 1 of precision, its own speakers
# (kind "tagged") are right about 6 times in 10, and it takes 6-8 times the CPU.

# %%
UNSAID = "(the text does not say who)"
# attribution, stance markers and VADER read English: other languages are left out, and said
# so; documents of unknown language are read where the corpus holds no other (as the terms)
in_english = comparison(docs, languages=["en"])
english = in_english.select(docs)
quoted = in_english.select(articles)  # the texts, whose offsets the quotes give
unknown = (f", {in_english.n_unknown} of them of unknown language (a headline too short to "
           "tell, say), read as English: the corpus holds no other" if in_english.n_unknown
           else "")  # fmt: skip
other = docs.height - english.height
left = f"; the {other} in other languages are left out" if other else ""
if other or unknown:
    display(d.say("Attribution reads English: {en} of the {n} documents{unknown}{left}.",
                  en=english.height, n=docs.height, unknown=unknown, left=left))  # fmt: skip
found = counted(ctx.cached("quotes", lambda: quotes(quoted.select("doc_id", "text", "title"),
                                                    aliases=opts["speaker_aliases"],
                                                    tagger=opts["quote_tagger"],
                                                    progress=ctx.progress)))  # fmt: skip
ctx.save_table(found, "quotes")
if set(opts["speaker_kinds"]) != set(KINDS):  # rhetoric.speaker_kinds: fewer, surer speakers
    kept = found.filter(pl.col("speaker_kind").is_in(opts["speaker_kinds"]))
    display(d.say("Counted below: the attributions whose frame gives the speaker as {kinds} "
                  "(rhetoric.speaker_kinds), {kept} of the {n} found (all are in quotes.parquet).",
                  kinds=" or ".join(opts["speaker_kinds"]), kept=kept.height,
                  n=found.height))  # fmt: skip
    found = kept
speakers = by_group(found, quoted, by=by, min_group_docs=minimum).with_columns(
    pl.col("speaker").fill_null(UNSAID),
    pl.col("verb").fill_null("(none: a credit, or a quote continued)"),
)
ctx.save_table(speakers, "quoted_speakers")
if found.height:
    display(d.table(speakers.select("group", "speaker", "document", "verb", "attributions",
                                    "direct", "docs", "n_docs", "small_n"),
                    title=f"Who is quoted, with which verb, per {by}",
                    links={"speaker": "speaker"}))  # fmt: skip
    kinds = kinds_by_group(found, quoted, by=by, min_group_docs=minimum, seed=seed,
                           n_boot=opts["bootstrap"])  # fmt: skip
    ctx.save_table(kinds, "speaker_kinds")
    display(d.table(kinds, title=f"How the speakers are given, per {by} (attributions by "
                    "speaker_kind; named: the share whose frame names the speaker, with a 95% "
                    "bootstrap interval over documents)"))  # fmt: skip
    variants = spelling_variants(found)
    ctx.save_table(variants, "speaker_variants")
    title = "Speakers that may be one person spelled two ways (not merged: add the entry to "
    title += "rhetoric.speaker_aliases to count them as one)"
    if variants.height:
        display(d.table(variants, title=title))
    else:
        display(d.say("No two speakers' names read as spellings of one."))
    verbs = speakers.group_by("group", "verb").agg(pl.col("attributions").sum())
    table = verbs.sort("verb").pivot(on="verb", index="group", values="attributions")
    table = sizes.select("group", "n_docs", "n_words", "small_n").join(
        table.fill_null(0), on="group", how="left"
    )
    display(d.table(table, title=f"Reporting verbs per {by} (attributions), with each n"))
    share = quote_share(found, quoted, by=by, min_group_docs=minimum, seed=seed,
                        n_boot=opts["bootstrap"])  # fmt: skip
    ctx.save_table(share, "quote_share")
    display(d.table(share, title="Share of the text (characters) inside attributed direct quotes "
                    "(95% bootstrap intervals over documents)"))  # fmt: skip
    display(d.say("<code>share</code> counts every attributed quotation; <code>share_people"
                  "</code> leaves out those whose speaker is a document (a greeting's 'The "
                  "message reads', 'the statement said': <code>document_chars</code>), marked "
                  "<code>document</code> in the speakers' table. A transcript's turns ('Vladimir "
                  "Putin: ...') are not quotations and count in neither. The interval resamples "
                  "a group's documents; a group of one document has none, and one with no "
                  "quotation at all no upper limit."))  # fmt: skip
    lines = ctx.cached("evidence_quotes",
                       lambda: evidence.quote_lines(found, quoted, unknown=UNSAID))  # fmt: skip
    display(d.evidence_table(lines, kind="speaker", title="The quotes, by speaker",
                             **ctx.whole("evidence_quotes")))  # fmt: skip
else:
    display(d.say("No attributed quote or reported speech was found in these {n} English "
                  "documents.", n=english.height))  # fmt: skip

# %% [markdown]
# ## Stance and tone
#
# We/our against they/the West, evaluative words (per 1,000 words), and sentiment: VADER's
# compound score (-1 to 1) averaged over each group's sentences. VADER is a general-purpose
# lexicon: read differences in tone between groups, not the absolute values. Both are English
# lexicons, so they read the English documents only.

# %%
if other or unknown:
    display(d.say("Stance markers and VADER are English lexicons: they read the {en} English "
                  "documents of {n}{unknown}.", en=english.height, n=docs.height,
                  unknown=unknown))  # fmt: skip
with step("stance and tone (VADER)", progress=ctx.progress):
    tone = ctx.cached("stance", lambda: rh.stance(english, by=by, seed=seed,
                                                  n_boot=opts["bootstrap"],
                                                  min_group_docs=minimum))  # fmt: skip
ctx.save_table(tone, "stance")
if english.height:
    markers = tone.filter(pl.col("measure") != "sentiment")
    fig = rate_bars(markers.filter(drawn_group), group="group", category="measure",
                    value="per_1000",
                    title="Stance markers per 1,000 words (95% bootstrap intervals)",
                    axis_title="per 1,000 words", colours=ctx.colours)  # fmt: skip
    display(d.figure_or_reason(fig, "No stance marker occurs in these documents."))
    display(d.table(tone.filter(pl.col("measure") == "sentiment").select(
        "group", "mean", "ci_low", "ci_high", "n_sentences", "n_docs", "small_n"),
        title="Sentiment (VADER compound, mean of sentences)"))  # fmt: skip
else:
    display(d.say("No English document: no stance or tone to read."))

# %% [markdown]
# ## Keywords in context
#
# Every occurrence of the parameter set's `keywords` in the documents' titles and texts (as the
# trends notebook counts a query), earliest first: click a keyword to see only its lines. A
# keyword is matched as written; a `*` ending a word matches any ending of it.

# %%
keyword_lines = ctx.cached(
    "concordance",
    lambda: evidence.kwic(docs, opts["keywords"], window=opts["window"]),  # titles read
)
ctx.save_table(keyword_lines, "concordance")
found_kw = keyword_lines.group_by("key").agg(lines=pl.len(), docs=pl.col("doc_id").n_unique())
counts = pl.DataFrame({"key": sorted(map(str, opts["keywords"]))}).join(
    found_kw, on="key", how="left"
)
# keywords in a script none of the documents' languages is written in match nothing: say so
present = (
    sorted(set(docs["lang"].drop_nulls().to_list()) - {"und"}) if "lang" in docs.columns else []
)
keywords_script = rh.script_note("the keywords", opts["keywords"], present)
ctx.record("keywords_script", keywords_script)
if keywords_script:
    display(d.say("{note}", note=keywords_script))
if not rh.matches_none(opts["keywords"], present):
    display(d.table(counts.fill_null(0).rename({"key": "keyword"}), title="Keywords",
                    links={"keyword": "keyword"}))  # fmt: skip
    unmatched = rh.unmatched_note(dict(counts.fill_null(0).select("key", "lines").rows()), present)
    if unmatched:
        display(d.say("{note}", note=unmatched))
    display(d.evidence_table(keyword_lines, kind="keyword", title="Keywords in context",
                             **ctx.whole("concordance")))  # fmt: skip
