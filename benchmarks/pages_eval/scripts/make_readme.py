"""Write README.md (prose + counts generated from labels.jsonl)."""
import collections
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rows = [json.loads(l) for l in open(os.path.join(ROOT, "labels.jsonl"), encoding="utf-8")]
by_site = collections.Counter(r["site"] for r in rows)
split_site = {r["site"]: r["split"] for r in rows}
by_split = collections.Counter(r["split"] for r in rows)
sites_split = collections.Counter(split_site.values())
by_src = collections.Counter((r["source_repo"], r["source_commit"], r["license"]) for r in rows)
date_ev = collections.Counter(str(r["date_evidence"]) for r in rows)
title_ev = collections.Counter(r["title_evidence"] for r in rows)
body_ev = collections.Counter(r["body_evidence"] for r in rows)

out = []
w = out.append
w("# pages_eval: labelled real news-article HTML pages\n")
w(f"{len(rows)} pages from {len(by_site)} sites (registrable domains). "
  f"Split: dev {by_split['dev']} pages / {sites_split['dev']} sites, "
  f"test {by_split['test']} pages / {sites_split['test']} sites.\n")
w("""Purpose: benchmark (a) HTML extraction (title, publication date, body passages kept,
site chrome dropped) and (b) reading plain-text dumps of scraped pages.

## Layout

- `html/<site>/<id>.html` - the raw page bytes as stored in the source repository
  (scrapinghub pages are stored there gzip-compressed; they are decompressed here, bytes otherwise unchanged).
- `text/<site>/<id>.txt` - plain-text dump of the same page as a naive scraper would save it: every text node
  of `<body>` (menus, headers, footers, related links, cookie text kept; only `script style noscript template svg
  iframe object embed canvas math` and comments dropped), one block element per line, whitespace collapsed
  inside a line. Written by `scripts/build.py:text_dump` with selectolax (lexbor).
- `labels.jsonl` - one object per page (fields below).
- `build_drops.tsv` - candidates that were considered and dropped, with the reason.
- `scripts/` - `sources.py` (which repos/paths/commits), `build.py` (labelling + dumps),
  `verify.py` (mechanical checks; `--drop` removes failing pages), `make_readme.py`.

Rebuild (needs the git mirrors of the five repos below under `$MIRROR_ROOT`, default `/work/.mirror/<owner>+<name>/repo`,
and a python with selectolax):

    cd /work/data/pages_eval && rm -rf html text labels.jsonl
    /work/main/.venv/bin/python scripts/build.py
    /work/main/.venv/bin/python scripts/verify.py --drop
    /work/main/.venv/bin/python scripts/make_readme.py

## Sources and licences

| repo | commit | licence (from its LICENSE file) | pages |
|---|---|---|---|
""")
for (repo, commit, lic), n in sorted(by_src.items(), key=lambda x: -x[1]):
    w(f"| {repo} | {commit} | {lic} | {n} |\n")
w("""
- scrapinghub/article-extraction-benchmark: `html/<hash>.html.gz` + `ground-truth.json` (url, human articleBody). LICENSE: MIT.
- mozilla/readability: `test/test-pages/<name>/source.html` (+ `expected.html`, `expected-metadata.json`). LICENSE.md: Apache-2.0.
  Some of these sources were trimmed by the Readability maintainers (e.g. scripts removed), but they are real pages.
- codelucas/newspaper: `tests/data/html/<domain><n>.html`; URL reconstructed from `tests/data/fulltext_url_list.txt`
  exactly as newspaper's own test does (`<base domain><running count>`); reference text `tests/data/text/<same>.txt`. LICENSE: MIT.
- goose3/goose3: `tests/data/content/test_<name>.html` + `.json` (url, expected cleaned_text). LICENSE.txt: Apache-2.0.
- postlight/parser (Mercury): `fixtures/<domain>.html`; URL taken from the custom-extractor test that reads the fixture
  (`src/extractors/custom/*/index.test.js`). Dual licensed, LICENSE-MIT and LICENSE-APACHE.
- Not used: adbar/trafilatura and adbar/htmldate test pages (the library was tuned on them).
- Excluded outlets (toolkit already has tables): TASS, BelTA, Xinhua, China Daily, kremlin.ru, RT, Sputnik,
  president.gov.by, belarus.by, CGTN, Global Times, sb.by, RIA, MFA Russia (host filter in `sources.py`;
  this removed rt.com and sputniknews.com pages of the scrapinghub set).
- Non-news pages of the scrapinghub set (shops, corporate/personal blogs, landing pages) were left out by a
  hand list of hosts (`NON_NEWS_HOSTS`), judged from domain and URL only.

`redistributable` is true for every page because every source repo has a known open licence. Caveat: those
licences are granted by the repo owners; the page content itself remains the publishers' copyright, as in the
source repos. Treat it as research/benchmark data.

## How truth was taken (all mechanical, see `scripts/build.py`)

- **url**: the source's own record (ground-truth.json, newspaper URL list, goose json, Mercury test file); for
  readability pages the page's `og:url`, else `<link rel=canonical>` (`url_evidence`).
- **title** (`title_evidence`): candidates `meta:og:title`, `jsonld:headline` (Article-typed JSON-LD objects),
  and an `<h1>` that sits in the article container or whose text is part of `<title>`/og:title (logo h1s excluded).
  If the h1 equals another candidate the evidence lists all that agree (e.g. `meta:og:title+jsonld:headline+h1`);
  `h1+title-tag(contains)` = h1 contained in `<title>`; otherwise priority jsonld:headline > og:title > h1.
  og:title may carry a site suffix (e.g. "... | Aktuálně.cz") where no h1 agreed; `title_reference` holds
  the Readability/goose expected title where the source has one.
- **date** (`date_evidence`, `date_raw` = the exact evidence string): candidates `meta:article:published_time`,
  `jsonld:datePublished`, `meta:itemprop:datePublished`, other publish metas (`meta:<name>`, e.g. sailthru.date,
  article_date_original), `time-tag` (`<time datetime>` with pubdate / itemprop=datePublished / class~publish),
  `url` (/YYYY/MM/DD/, /YYYY/mon/DD/, YYYY-MM-DD, /YYYYMMDD/). Priority: article:published_time > JSON-LD >
  itemprop meta > URL > time tag > other metas. The date is the calendar date *as written* in the evidence
  (no timezone conversion), so a UTC timestamp may be one day off the local date: score with +-1 day tolerance
  or exact, as you prefer. If candidates disagree by more than one day, `date` is null, `date_evidence` is
  "conflict" and `date_conflicts` lists them. null with null evidence = nothing found.
- **body_passages** (3-5, 40-200 chars): `<p>` elements of the article container (`[itemprop=articleBody]`,
  `<article>`, or common article-body class/id patterns; the one with most paragraph text, `body_container`)
  and/or, where the source ships a reference body (scrapinghub human ground truth, Readability expected.html,
  newspaper expected text, goose cleaned_text), paragraphs whose text is in that reference (`body_evidence`:
  `container`, `reference` or both). Paragraphs under nav/footer/aside/figure/header/blockquote or with
  caption/byline/related/promo/newsletter/share classes, link-heavy paragraphs and "Read more"-style promos are
  skipped. A passage is a whole sentence (or a word-boundary prefix of a long paragraph), picked from paragraphs
  spread over the article, and must occur verbatim in the entity-unescaped, whitespace-collapsed HTML, in
  the text dump, and in the reference when there is one.
- **chrome** (2-5): text of a/li/p/h2-4/span/button elements inside footer, nav, header, aside,
  role=navigation/banner/contentinfo, or class/id like nav/menu/footer/cookie/consent/related/newsletter/
  subscribe/social/breadcrumb/most-popular/sidebar, outside the article container; 8-120 chars; must be a whole
  line of the dump; must not occur in the container text, the reference body or the title.
  `chrome_regions` says which kind of region each came from.
- **outlet**: og:site_name, else JSON-LD publisher.name, else null (`outlet_evidence`).

`verify.py` re-checks every label: passages verbatim in dump and HTML, chrome verbatim in dump and not inside
any passage, title in the HTML, date re-derived from `date_raw`/URL, site and split recomputed. Pages failing
any check are dropped (none failed in the released build).

## Split rule

Per site (registrable domain, `site` field): `sha1("pages_eval-v1:" + site)`, first 8 hex digits as an integer,
mod 100 < 40 -> `dev`, else `test`. All pages of a site share a split, so test sites are never seen when tuning.
Note guardian.co.uk and theguardian.com (and similar) are distinct sites by this rule.

## Evidence counts

""")
w("date_evidence: " + ", ".join(f"{k} {v}" for k, v in date_ev.most_common()) + "\n\n")
w("title_evidence: " + ", ".join(f"{k} {v}" for k, v in title_ev.most_common()) + "\n\n")
w("body_evidence: " + ", ".join(f"{k} {v}" for k, v in body_ev.most_common()) + "\n\n")
w("## Labels fields\n\n`id, site, html_path, text_path, url, title, title_evidence, date, date_evidence, body_passages, "
  "chrome, outlet, source_repo, source_path, source_commit, license, redistributable, split` plus extras: "
  "`url_evidence, title_reference, date_raw, date_conflicts, body_evidence, body_container, reference_kind, "
  "chrome_regions, outlet_evidence`.\n\n")
w("## Known gaps\n\n- Few non-English pages (some French, German, Czech, Portuguese, Spanish, Japanese; Russian only wday.ru);"
  " no Meduza / Moscow Times / Kyiv Independent / DW / France24 / Euronews / SCMP / Japan Times pages were found in"
  " the reachable public repos with raw HTML.\n- Pages are mostly 2014-2021 captures; many sites have 1-2 pages.\n"
  "- Sentence splitting is heuristic, so a passage can end at an abbreviation (\"Rep.\"); it is still verbatim.\n\n")
w("## Counts per site\n\n| site | split | pages |\n|---|---|---|\n")
for s, n in sorted(by_site.items()):
    w(f"| {s} | {split_site[s]} | {n} |\n")
open(os.path.join(ROOT, "README.md"), "w", encoding="utf-8").write("".join(out))
print("README written")
