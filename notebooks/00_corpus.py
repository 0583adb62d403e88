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
# # Corpus overview
#
# What was loaded and what was not, which outlets and sites the documents come from, which dates
# they cover, what cleaning removed, and which stories were reprinted where.
#
# Run it with `toolkit run params/NAME.yaml`, or open it in JupyterLab and Run All: the defaults
# below are the five seed documents in `seeds/`.

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
corpus = {"sample": 3, "explain": 5, "top_clusters": 20}
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder
progress = True  # set by `toolkit run`: False under -q (no progress bars)

# %%
import plotly.express as px
import polars as pl
from IPython.display import display

from toolkit import display as d
from toolkit import overview, xlingual
from toolkit.context import context
from toolkit.embed import MULTILINGUAL_MODELS
from toolkit.groups import drawn_note, most
from toolkit.palette import colours_for
from toolkit.plots import MONTH_MS
from toolkit.report import show_cleaning

ctx = context(globals(), "corpus", progress=progress)
opts = ctx.params["corpus"]
docs, dups = ctx.corpus, ctx.prepared.duplicates
display(d.say("<b>{name}</b>: {filters}", name=ctx.params["name"], filters=ctx.filters()))
# the folders read, as the parameters' paths resolved (papermill reads them from the project root)
display(d.say("Sources read: {paths}.", paths="; ".join(
    str((ctx.root / s).resolve()) for s in ctx.params["sources"])))  # fmt: skip

# %% [markdown]
# ## The load report
#
# Every input file and record is either loaded or skipped with a reason. The counts below add up
# to everything that was found under the sources.

# %%
print(ctx.prepared.summary)
loaded = overview.load_summary(ctx.prepared.report)
display(d.table(loaded, title="Files and records by status and reason"))
ctx.save_table(loaded, "load_summary")
skipped = ctx.prepared.report.filter(pl.col("status") == "skipped")
if skipped.height:
    display(d.table(skipped.select("path", "record", "line", "reason"), title="Skipped inputs"))
notes = overview.note_summary(ctx.prepared.report)
ctx.save_table(notes, "note_summary")
if notes.height:  # what was kept but is doubtful: each record's own note is in the report
    display(
        d.table(notes, title="Notes on loaded records, by kind (each record's own in the report)")
    )

# %% [markdown]
# ## Outlets and sites
#
# `outlet` is the agency whose story it is; `site` is where this copy was published (belarus.by
# carrying BelTA, chinadaily.com.cn carrying Xinhua). `stories` counts each reprint cluster once.

# %%
counts = overview.outlet_site_counts(docs)
display(d.table(counts, title="Documents per outlet and site (words: of the texts, titles aside)"))
ctx.save_table(counts, "outlet_site_counts")
# the outlets with the most documents are drawn (dozens of bars are read as none); tables keep all
outlets_drawn = most(docs, by="outlet", n=ctx.params["groups_drawn"])
if few := drawn_note(outlets_drawn, docs["outlet"].n_unique()):
    display(d.say("{few} The monthly bars put the others together.", few=few))
fig = px.bar(
    counts.filter(pl.col("outlet").is_in(outlets_drawn)).to_pandas(),
    x="outlet",
    y="documents",
    color="site",
    color_discrete_map=colours_for(counts["site"].to_list(), ctx.colours),  # the run's
    text="documents",
    # every copy, as loaded: the other reports count stories (duplicates: collapse)
    title=f"Documents per outlet, by site (n = {docs.height}, every copy; the analyses read "
    f"{ctx.stories.height})",
)
fig.update_layout(xaxis_title=None, legend_title="site")
display(d.figure_or_reason(fig, "No document was loaded: nothing to count."))

# %% [markdown]
# ## Dates
#
# Items are dated from the manifest, a date column, the page itself, the URL or the file name, in
# that order. Items whose date was written but not taken (`partial`: a day-month order nothing
# settles, a weekday without a year, a date refused or not understood; the load notes say which)
# or is missing are counted here and left out of every time plot; none is put at a default date.

# %%
dating = overview.dating_summary(docs)
display(
    d.table(
        dating, title="Dated, written but not taken (partial), and undated documents per outlet"
    )
)
# timestamps on the day of the zone they write (mostly UTC), unless a zone was declared
if zoned := overview.zone_note(docs, timezone=ctx.params["ingest"].get("timezone")):
    display(d.say("{zoned}", zoned=zoned))
ctx.save_table(dating, "dating_summary")
by_source = overview.dating_summary(docs, by="source")
display(d.table(by_source, title="How dates were read, per source (first folder or file)"))
ctx.save_table(by_source, "dating_by_source")
coverage = overview.date_coverage(docs, period="1mo")
ctx.save_table(coverage, "date_coverage_monthly")
undated = docs.height - int(dating["dated"].sum())
if coverage.height:
    others = f"other outlets ({docs['outlet'].n_unique() - len(outlets_drawn)})"
    drawn_coverage = (
        coverage.with_columns(
            pl.when(pl.col("outlet").is_in(outlets_drawn)).then("outlet").otherwise(pl.lit(others))
        )
        .group_by("outlet", "period", maintain_order=True)
        .agg(pl.col("documents").sum())
    )
    fig = px.bar(
        drawn_coverage.to_pandas(),
        x="period",
        y="documents",
        color="outlet",
        color_discrete_map={
            **colours_for(dating["outlet"].to_list(), ctx.colours),
            others: "#BBBBBB",
        },
        title=f"Dated documents per month (n = {coverage['documents'].sum()}, every copy; "
        f"{undated} undated left out)",
    )
    fig.update_traces(width=MONTH_MS)  # a month wide, however far apart the months
    fig.update_layout(xaxis_title=None, bargap=0.1)
    display(d.figure(fig))
else:
    display(d.say("No document has a full date, so there is no time axis to draw."))

# %% [markdown]
# ## Cleaning, before and after
#
# A sample of documents (chosen with the run's seed) with the raw lines cleaning removed: site
# navigation, share buttons, bylines, datelines, photo credits and other chrome.

# %%
sample = overview.cleaning_sample(docs, n=opts["sample"], seed=ctx.params["seed"])
ctx.save_table(sample, "cleaning_sample")
show_cleaning(sample)
if ctx.prepared.learned_chrome.height:
    display(
        d.table(ctx.prepared.learned_chrome, title="Lines learned as chrome (repeated per site)")
    )

# %% [markdown]
# ## Duplicates and reprints
#
# Exact copies (the same words in the same order: case, punctuation, emoji and spacing are no
# difference), near copies (most of the text shared) and partial reprints (one document holds
# most of another). A text of fewer than `min_shingles` runs of words is never compared (the
# summary counts them). The canonical copy of a cluster, the one `duplicates: collapse` keeps,
# is the earliest published; on a tie, the one on the originating agency's own site, then the
# fullest.
# A copy that another holds whole (an excerpt, a trimmed version) is canonical only when the
# cluster has nothing fuller; `first_published` is still the earliest copy's date.

# %%
print(dups.summary())
loaded = ctx.prepared.corpus
if docs.height != loaded.height:
    display(d.say("Copies were searched across all {n} documents loaded, so a copy's first "
                  "publication may fall outside the filters; the tables below hold the pairs and "
                  "clusters with two or more copies among the {kept} that pass them.",
                  n=loaded.height, kept=docs.height))  # fmt: skip
clusters = overview.cluster_table(docs, dups, loaded=loaded)
ctx.save_table(overview.pairs_within(dups, docs), "duplicate_pairs")
ctx.save_table(clusters, "duplicate_clusters")
repeats = overview.one_site_repeats(clusters)
if repeats.height and dups.options.get("max_days") is None:
    display(d.say("<b>{n}</b> of the {total} clusters hold copies of one site dated more than "
                  "{days} days apart (up to {most} days): a site seldom runs its own story again "
                  "weeks later, so they may be distinct items of one formula (a weekly meeting's "
                  "summary, calls with one leader). <code>dedup: {{max_days: N}}</code> leaves "
                  "copies dated more than N days apart unlinked.", n=repeats.height,
                  total=clusters.height, days=overview.SITE_REPEAT_DAYS,
                  most=repeats["max_lag_days"].max()))  # fmt: skip
repeated = overview.repeated_texts(ctx.stories)
ctx.save_table(repeated, "repeated_texts")
if repeated.height:
    display(d.say("<b>{k} text{s} the whole text of {least} or more items under as many "
                  "different titles</b> ({n} items of the {total} analysed): a page's widget or a "
                  "programme's stub the scraper saved instead of each article, or a source whose "
                  "text column holds something else. Their words will lead the distinctive terms "
                  "and topics: check the source, and leave them out (a filter, or a source that "
                  "holds the articles).", k=repeated.height,
                  s=" is" if repeated.height == 1 else "s are each",
                  least=overview.REPEATED_MIN_ITEMS, n=repeated["items"].sum(),
                  total=ctx.stories.height))  # fmt: skip
    display(d.table(repeated, title="Texts shared by many items under different titles"))
if clusters.height:
    display(d.table(clusters.head(opts["top_clusters"]),
                    title=f"The {min(opts['top_clusters'], clusters.height)} largest of "
                    f"{clusters.height} reprint clusters (all in tables/00_corpus/"
                    "duplicate_clusters.parquet)"))  # fmt: skip
else:
    display(d.say("No two documents are copies of each other at these thresholds."))

# %% [markdown]
# ### Translations across languages
#
# With `model: multilingual`, each English story that translates a Russian, Belarusian or
# Chinese original is linked to it (`toolkit.xlingual`: close multilingual embeddings of the
# titles and openings within a few days, verified by shared names and numbers), with the days
# the translation took. They are pairs of kind `translation` in the tables above; the corpus
# keeps both stories, so analyses within one language lose neither.

# %%
translations = xlingual.translation_table(dups.pairs, docs)
ctx.save_table(translations, "translation_pairs")
if translations.height:
    display(d.table(translations, title=f"{translations.height} translations and their originals"))
elif ctx.params["model"] in MULTILINGUAL_MODELS:
    display(d.say("No English story here translates an original in another language."))
else:
    display(d.say("Translations are linked with <code>model: multilingual</code> only."))

# %%
chosen = overview.pairs_to_explain(dups, docs, n=opts["explain"])
if chosen.height:
    display(d.say("<h3>What changed between copies</h3><p>{n} of the {total} duplicate pairs, "
                  "aligned paragraph by paragraph: shared passages, and what the later copy "
                  "added, removed, edited or merged. Copies across outlets or sites come first, "
                  "then near copies before partial ones, the least similar first, one pair per "
                  "cluster.</p>", n=chosen.height,
                  total=dups.pairs.height))  # fmt: skip
for a, b in chosen.select("doc_a", "doc_b").iter_rows():
    display(dups.explain(a, b))
