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
# # Topics
#
# What each outlet writes about, and how that shifts over time, with BERTopic: sentence
# embeddings (offline, cached), UMAP and HDBSCAN seeded and sized from the corpus, c-TF-IDF and
# KeyBERT-style topic words. Shares come with 95% intervals and counts; groups too small to
# compare are drawn in a lighter, hatched shade and marked "small n".

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
topics = {
    "min_units": 20,
    "min_topic_size": None,
    "n_neighbors": None,
    "n_components": 5,
    "representation": "keybert",
    "mmr_diversity": 0.3,
    "top_n_words": 10,
    "ngram_max": 2,
    "stop_words": [],
    "exclude_terms": [],
    "nr_topics": None,
    "reduce_outliers": False,
    "stability_runs": 3,
    "period": "month",
    "topics_drawn": 10,
    "passages": 3,
}
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder
progress = True  # set by `toolkit run`: False under -q (no progress bars)

# %%
from html import escape

import polars as pl
from IPython.display import HTML, display

from toolkit import evidence
from toolkit import topics as tp
from toolkit import trends as tr
from toolkit.context import context
from toolkit.display import evidence_table
from toolkit.groups import drawn_note, most
from toolkit.palette import colours_for
from toolkit.plots import share_bars, share_panels
from toolkit.report import show, show_table
from toolkit.topic_stability import stability_note


def say(html_text: str) -> None:
    """A paragraph of HTML; every value from the data in it is escaped by the caller."""
    display(HTML(f"<p>{html_text}</p>"))


ctx = context(globals(), "topics")
tp.compiled_cache(ctx.cache("numba"))  # UMAP compiled once per machine, not once per process
opts = ctx.params["topics"]
units, wordless = tp.topic_units(ctx.stories, ctx.params["unit"])  # articles: title and text
texts = units["text"].to_list()
say(
    f"<b>{escape(ctx.params['name'])}</b>: {escape(ctx.filters())} Unit of analysis: "
    f"<b>{escape(ctx.params['unit'])}</b> ({units.height} units)."
    + (f" {wordless} units hold no word (only numbers, signs or punctuation) and are left out."
       if wordless else "")
)  # fmt: skip
ctx.record("wordless_units", wordless)
whole = ctx.stories.filter(~pl.col("text").fill_null("").str.contains("\n")).height
if ctx.params["unit"] == "paragraph" and whole:
    say(
        f"{whole} of {ctx.stories.height} documents have no paragraph break (a table's body in "
        "one line, say): each of them is one unit, the whole article, not a paragraph."
    )
    ctx.record("documents_without_paragraphs", whole)

# %% [markdown]
# ## What the model reads
#
# An embedding model with a window of tokens (the default all-MiniLM-L6-v2: 256) reads no more of
# a unit; the rest of a longer text is cut off without warning. Paragraphs (the default unit)
# fit; whole articles often do not. The multilingual encoder (`model: multilingual`) has no
# window: it reads every token, but a long unit is still one point, its subjects averaged.

# %%
window = ctx.cached("window", lambda: tp.window_report(texts, ctx.model_path()),
                    inputs=ctx.model_hash())  # fmt: skip
ctx.record("window", window)
msg = (
    f"The model reads every token of a unit: none is cut (median {window['median_tokens']}, "
    f"longest {window['longest_tokens']} tokens)."
    if window["max_tokens"] is None else
    f"{window['over_window']} of {window['units']} units ({window['share_over_window']:.0%}) are "
    f"longer than the model's {window['max_tokens']}-token window (median "
    f"{window['median_tokens']}, longest {window['longest_tokens']} tokens)."
)  # fmt: skip
if window["share_over_window"] > 0.1:
    shorter = {"article": "unit: paragraph", "paragraph": "unit: sentence"}.get(ctx.params["unit"])
    msg += (
        " <b>Their ends are not read</b>: topics here describe the beginnings of the longer "
        "units only. "
        + (f"Use <code>{shorter}</code> for shorter units." if shorter else
           "A model with a longer window would read them whole.")
    )  # fmt: skip
if window["over_long"] and ctx.params["unit"] != "sentence":
    msg += (
        f" {window['over_long']} units are longer than {tp.LONG_UNIT_TOKENS:,} tokens: "
        + ("a paragraph this long is a whole text written without paragraph breaks (one line), "
           if ctx.params["unit"] == "paragraph" else "")
        + "read as one point, its subjects averaged. <code>unit: sentence</code> cuts them."
    )  # fmt: skip
say(msg)

# %% [markdown]
# ## Languages the model reads
#
# Which languages the run's model reads: the default (all-MiniLM-L6-v2) reads English, and places
# units in other languages by their script and names rather than their subject, so topics mixing
# them are not comparable; `model: multilingual` reads many languages in one space. The sentence
# below says which this run used.

# %%
langs = tp.language_report(units, ctx.params["model"])
ctx.record("languages", langs)
# und: a language the toolkit does not tell (it tells English, Cyrillic, Han and kana scripts)
undetermined = (
    f" {langs['undetermined']} units' language is undetermined (not English, Russian, "
    "Belarusian, Ukrainian, Chinese or Japanese, or too short to tell): the rhetoric and "
    "trends reports say whether their measures count them."
    if langs["undetermined"]
    else ""
)
if langs["not_english"] == 0:
    say(f"All {langs['units']} units are in English or their language is undetermined."
        + undetermined)  # fmt: skip
else:
    listed = ", ".join(f"{escape(str(k))} {v}" for k, v in langs["other_languages"].items())
    msg = (
        f"{langs['not_english']} of {langs['units']} units ({langs['share_not_english']:.0%}) "
        f"are in another language than English ({listed})."
    )
    if langs["english_only_model"] is False:
        msg += " The model reads many languages: their units are placed in one space."
    elif langs["english_only_model"]:
        msg += (
            " <b>The model reads English only</b>: their topics group them by script and names, "
            "not by subject. Use <code>model: multilingual</code> for a corpus in several "
            "languages."
        )
    say(msg + undetermined)

# %%
embeddings = ctx.embeddings(texts, progress=ctx.progress)  # bars while it runs, none in the report
fit_options = {k: v for k, v in opts.items() if k in tp.DEFAULT_OPTIONS}


def fit() -> tuple:
    result = tp.fit_topics(units, embeddings, seed=ctx.params["seed"],
                           embedding_model=ctx.embedder(progress=ctx.progress), options=fit_options,
                           cache_dir=ctx.cache("umap"), progress=ctx.progress)  # fmt: skip
    return tp.summarise(result, passages=opts["passages"], model_path=ctx.model_path()).parts()


# the fit's tables, figures and model are kept by the corpus, the parameters and the code: a
# rerun reads them back without loading BERTopic
result = tp.TopicSummary.from_parts(ctx.cached("fit", fit, inputs=ctx.model_hash()))
ctx.record(
    "topics",
    {"status": result.status, "reason": result.reason, "settings": result.settings,
     "outliers": result.outliers, "n_topics": result.n_topics},
)  # fmt: skip
if result.ok:
    say(
        f"{result.n_topics} topics from {units.height} units "
        f"(UMAP n_neighbors={result.settings['n_neighbors']}, HDBSCAN min_topic_size="
        f"{result.settings['min_topic_size']}, scaled to the corpus; seed "
        f"{ctx.params['seed']})."
    )
else:
    say(f"<b>No topic model.</b> {escape(result.reason)}. The sections below are empty.")

# %% [markdown]
# ## Topics
#
# Each topic's size (units), its label and its most distinctive words. The label is the
# topic's top words and phrases with the words they share said once. Topic -1 holds the
# outliers: units HDBSCAN placed in no topic. Click a label: the table below it shows the
# passages most typical of the topic (BERTopic's representative units), with outlet, date and
# title (the address then ends in `#evidence=topic:...`, which opens the report on them).

# %%
table = result.table
ctx.save_table(table, "topics")
passages = evidence.passages(ctx.stories, tp.topic_passages(result.units, table), chars=400)
ctx.save_table(passages, "evidence_topics")
show_table(table.drop("representative", "representative_units"), caption="Topics",
           rows=table.height, links={"label": ("topic", set(passages["key"]))})  # fmt: skip
if passages.height:
    display(evidence_table(passages, kind="topic", title="Representative passages of each "
                           "topic (earliest first)", **ctx.whole("evidence_topics")))  # fmt: skip
labels = result.labels()
assignments = result.units.select(
    "unit_id", "doc_id", "outlet", "published", "topic", "probability"
)
ctx.save_table(assignments, "unit_topics")
articles = tp.article_topics(result.units)
ctx.save_table(articles, "article_topics")
# every article, with its title, outlet and date, and its topic's label
shown = (
    ctx.stories.select("doc_id", "title", "outlet", "published")
    .join(articles, on="doc_id", how="inner")
    .with_columns(pl.col("topic").replace_strict(labels, default=None, return_dtype=pl.String)
                  .alias("label"))
)  # fmt: skip
show_table(shown, caption="Articles: the dominant topic of their units")

# %% [markdown]
# ## Outliers
#
# The share of units in no topic. With `reduce_outliers: true` they are reassigned to the
# nearest topic by embedding similarity, and the effect is reported here.

# %%
out = result.outliers
if out:
    line = f"Outliers: {out['share_before']:.0%} of units."
    if out.get("reduced"):
        line += (
            f" After reassignment: {out.get('share_after', out['share_before']):.0%} "
            f"({out.get('reassigned', 0)} units moved)."
        )
    say(line)

# %% [markdown]
# ## Topics by outlet
#
# The share of each outlet's units in each topic. Error bars are 95% Wilson intervals; the
# legend gives each outlet's units and documents. Outlets with fewer than `min_group_docs`
# documents are drawn lighter and hatched and marked "small n": do not compare them.

# %%
shares = tp.group_shares(result.units, by="outlet", min_group_docs=ctx.params["min_group_docs"])
ctx.save_table(shares, "topic_share_by_outlet")
# the outlets with the most documents are drawn (dozens of bars are read as none); tables keep all
outlets_drawn = most(ctx.stories, by="outlet", n=ctx.params["groups_drawn"])
drawn_outlet = pl.col("outlet").is_in([*outlets_drawn, tr.POOLED])
if result.ok:
    if few := drawn_note(outlets_drawn, ctx.stories["outlet"].n_unique()):
        say(escape(few))
    show(
        share_bars(
            shares.filter((pl.col("topic") != tp.OUTLIER) & drawn_outlet),
            group="outlet",
            category="topic",
            labels=labels,
            title="Share of each outlet's units per topic (95% intervals)",
            colours=ctx.colours,  # an outlet's colour in every report of the run
        )
    )
    small = shares.filter("small_n")["outlet"].unique().sort().to_list()
    if small:
        say(f"Small n (fewer than {ctx.params['min_group_docs']} documents): "
            f"{escape(', '.join(small))}.")  # fmt: skip
    # in a corpus of several languages, a topic of one language compares languages, not coverage
    by_language, one_language = tp.language_topics(result.units, labels=labels)
    if by_language.height:
        ctx.save_table(by_language, "topic_languages")
        show_table(by_language, caption="Each topic's main language (outliers aside)",
                   rows=by_language.height)  # fmt: skip
    if one_language:
        say(escape(one_language))

# %% [markdown]
# ## Topics over time
#
# Each topic's share of each outlet's units published in each period, so that busy months and
# an outlet's silences do not look like surges or falls; the first panel weights the outlets
# equally. Hollow markers are periods only partly covered by an outlet's data (before its
# first item or after its last), gaps are periods in which it published nothing or fewer than
# `min_group_docs` units (the table keeps them). The `topics_drawn` largest topics are drawn;
# the tables hold every topic: `topic_share_over_time_by_outlet` each outlet's shares,
# `topic_share_over_time` the outlets' mean (the first panel: each outlet weighted equally,
# `groups` the outlets counted, "partial" where an outlet is missing or partly covered), and
# `topic_share_over_time_all_units` the share of all units pooled, in which a busy outlet
# weighs more (its `coverage` is the equal-weight table's: "partial" where not every outlet
# covers the period, so a change of outlets is not read as a change of topics). Undated units
# are left out and counted.

# %%
floor = ctx.params["min_group_docs"]
by_outlet, undated = tp.over_time(result.units, period=opts["period"], by="outlet")
by_outlet = by_outlet.rename({"n_units": "n"})
timeline = tr.pooled(by_outlet, category="topic", min_items=floor)  # outlets weighted equally
ctx.save_table(timeline, "topic_share_over_time")
all_units, _ = tp.over_time(result.units, period=opts["period"])
all_units = all_units.drop("coverage").join(
    timeline.select("period", "topic", "coverage"),
    on=["period", "topic"],
    how="left",
    maintain_order="left",
)
ctx.save_table(all_units, "topic_share_over_time_all_units")
by_outlet = by_outlet.filter(pl.col("topic") != tp.OUTLIER)
ctx.save_table(by_outlet, "topic_share_over_time_by_outlet")
ctx.record("undated_units", undated)
largest = (
    table.filter(pl.col("topic") >= 0).sort("size", descending=True).head(opts["topics_drawn"])
)
drawn = by_outlet.filter(pl.col("topic").is_in(largest["topic"].to_list()))
if result.ok and drawn.filter(pl.col("n") >= floor).height:
    if result.n_topics > largest.height:
        say(f"The {largest.height} largest of {result.n_topics} topics are drawn "
            "(<code>topics_drawn</code>); the table holds them all.")  # fmt: skip
    pooled = tr.pooled(drawn, category="topic", min_items=floor).drop("groups")
    fig = share_panels(
        pl.concat([pooled, drawn.filter(drawn_outlet)], how="diagonal_relaxed"),  # pooled: all
        panel="outlet",
        series="topic",
        labels=labels,
        pooled=tr.POOLED,
        min_items=floor,
        axis_title="share of units",
        # after the outlets' colours, and as in the trends report
        colours=colours_for(table["topic"].to_list(), ctx.colours),
        title=f"Topic share per {opts['period']}, within each outlet "
        f"({undated} undated units left out)",
    )
    show(fig)
else:
    say(f"No topic to draw over time: no outlet has {floor} or more dated units in any "
        f"{opts['period']} ({undated} undated).")  # fmt: skip

# %% [markdown]
# ## The topic map, hierarchy and words
#
# The words that define each topic, a map of the topics and how they merge. The map places
# each topic at the centre of its units in the model's own reduced space (the UMAP the topics
# were found in), drawn in two dimensions by PCA: near topics are near in meaning, and a
# circle's area is the topic's size.

# %%
if result.ok:
    for kind in tp.FIGURES:
        fig, why = result.figure(kind)
        if fig is not None:
            show(fig)
            if kind == "barchart" and result.n_topics > tp.BARCHART_TOPICS:
                say(f"The words of the {tp.BARCHART_TOPICS} largest of the "
                    f"{result.n_topics} topics are drawn; the topics table above gives every "
                    "topic's words.")  # fmt: skip
        else:
            say(f"<i>{kind}</i> not drawn: {escape(why)}")
            ctx.record(f"figure_{kind}", why)

# %% [markdown]
# ## How stable are the topics?
#
# The clustering is refitted with other seeds. The adjusted Rand index compares each refit with
# the topics above (1: identical); per topic, the stability is the mean overlap (Jaccard) of its
# units with the closest topic of each refit. Trust topics near 1; read those below 0.5 as
# tentative.

# %%
if result.ok and opts["stability_runs"] > 0:
    seeds = [ctx.params["seed"] + i + 1 for i in range(opts["stability_runs"])]
    runs, per_topic = ctx.cached("stability", lambda: tp.stability(
        units, embeddings, result, seeds=seeds, options=fit_options,
        cache_dir=ctx.cache("umap"), progress=ctx.progress,
    ), inputs=ctx.model_hash())  # fmt: skip
    ctx.save_table(runs, "stability_runs")
    ctx.save_table(per_topic, "stability_topics")
    ctx.record("stability_mean_ari", round(float(runs["ari"].mean()), 4))
    say(escape(stability_note(runs, per_topic, result.labels(), n_topics=result.n_topics)))
    show_table(runs, caption="Refits: adjusted Rand index against the main fit")
    show_table(per_topic.sort("stability"),
               caption="Per topic: stability across refits, least stable first")  # fmt: skip

# %%
if result.ok:
    saved = result.save_model(ctx.tables_dir / "model")
    say(f"Model saved with safetensors: <code>{escape(str(saved.relative_to(ctx.output_dir)))}"
        "</code>.")  # fmt: skip
