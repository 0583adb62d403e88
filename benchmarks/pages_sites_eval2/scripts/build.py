"""Build pages_sites_eval2: a second, held-out set of many text pages per site.

Six news sites that neither ``pages_sites_eval`` nor any outlet table covers, labelled by
exactly the rules of ``benchmarks/pages_eval/scripts/build.py`` (its ``process``: title, date,
body passages, chrome, outlet, and the same naive text dump), as ``pages_sites_eval`` is:

- rodricios/crawl-to-the-future (GPL-2.0), ``dataset/<host>.7z``, the 2015 pages of the three
  archives the first set left out: entertainment.msn.com, www.esquire.com, www.nymag.com
  (``<title>.txt`` beside each page is the hand-made text of its article: the body reference);
- ppke-nlpg/CleanPortalEval (no licence file), ``input/<site>_<n>.html`` with the hand-cleaned
  ``GoldStandard/<site>_<n>.txt`` (CleanEval format) as the body reference: tv.msnbc.com,
  blogs.wsj.com and washingtonpost.com pages of 2011-2012 (its bbc.co.uk pages are left out:
  BBC is in the first set). Each input file wraps the page in ``<text id="...">`` ...
  ``</text>`` (CleanEval's container, not the page's): the wrapper is cut, the page's bytes are
  otherwise unchanged.

Every page is held out (``split`` "test"): nothing here was looked at while tuning.

Run (needs py7zr and selectolax, and git mirrors of both repositories under $MIRROR_ROOT,
default /work/.mirror/<owner>+<name>/repo):

    PAGES_SITES_OUT=/work/data/pages_sites_eval2 \
        python benchmarks/pages_sites_eval2/scripts/build.py

It writes ``html/``, ``text/``, ``labels.jsonl`` and ``build_drops.tsv`` under the output
folder (default: the folder above this script).
"""

import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "pages_eval", "scripts"))
import build as pages_eval  # noqa: E402  (the first set's labelling rules, unchanged)

_spec = importlib.util.spec_from_file_location(
    "pages_sites_build", os.path.join(HERE, "..", "..", "pages_sites_eval", "scripts", "build.py")
)
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)

OUT = os.environ.get("PAGES_SITES_OUT", os.path.dirname(HERE))
MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/work/.mirror")
CTF_ARCHIVES = ["entertainment.msn.com", "www.esquire.com", "www.nymag.com"]
CPE = dict(
    repo="ppke-nlpg/CleanPortalEval",
    commit="517726d64d8ded8846bf27ae2808853b1cd0ffe8",
    license="none stated (no LICENSE file)",
    prefixes=["tv.msnbc.com_news", "blogs.wsj.com_brussels", "washingtonpost.com_blog"],
)
PER_SITE_CAP = 25
KEYS = [
    "id",
    "site",
    "html_path",
    "text_path",
    "url",
    "title",
    "title_evidence",
    "date",
    "date_evidence",
    "body_passages",
    "chrome",
    "outlet",
    "source_repo",
    "source_path",
    "source_commit",
    "license",
    "redistributable",
    "split",
]
_WRAPPER = re.compile(rb"^\s*<text id=\"[^\"]*\">\s*|\s*</text>\s*$")
_GOLD_TAG = re.compile(r"^(?:URL:.*|<[phl]>)", re.M)


def cpe_git(*args):
    mirror = os.path.join(MIRROR_ROOT, "ppke-nlpg+CleanPortalEval", "repo")
    return subprocess.run(["git", "-C", mirror, *args], capture_output=True, check=True).stdout


def gold_text(raw):
    """A CleanEval gold file as plain text: its URL line and <p>/<h>/<l> marks left out."""
    import html

    return html.unescape(_GOLD_TAG.sub("", raw.decode("utf-8", "replace"))).strip()


def cleanportal_candidates():
    commit = CPE["commit"]
    names = cpe_git("ls-tree", "-r", "--name-only", commit, "input").decode().split()
    for path in sorted(names):
        stem = os.path.basename(path)[: -len(".html")]
        if not any(stem.startswith(p) for p in CPE["prefixes"]):
            continue
        raw = _WRAPPER.sub(b"", cpe_git("show", f"{commit}:{path}"))
        gold = cpe_git("show", f"{commit}:GoldStandard/{stem}.txt")
        yield dict(
            raw=raw,
            url=None,
            reference=gold_text(gold),
            reference_kind="CleanPortalEval gold standard",
            ref_title=None,
            source_repo=CPE["repo"],
            source_path=path,
            source_commit=commit,
            license=CPE["license"],
            redistributable=False,
        )


# pages_eval's hand list of non-news hosts names www.msn.com for the one scrapinghub page of that
# host (judged from its domain and URL only); the pages here are MSN's entertainment news
# articles ("Adele's new album delayed again"), so the host is not counted as non-news here.
NEWS_HERE = {"www.msn.com"}


def candidates():
    pages_eval.sources.NON_NEWS_HOSTS -= NEWS_HERE
    first.ARCHIVES = CTF_ARCHIVES
    yield from first.candidates()
    yield from cleanportal_candidates()


def main():
    rows, drops, seen, per_site = [], [], set(), {}
    for c in candidates():
        digest = hashlib.sha1(c["raw"]).hexdigest()
        if digest in seen:
            drops.append((c["source_path"], "duplicate bytes"))
            continue
        seen.add(digest)
        try:
            row, why = pages_eval.process(c)
        except Exception as e:  # keep going; report
            row, why = None, f"error {type(e).__name__}: {e}"
        if row is not None:
            row, why = first.without_stamps(row)
        if row is not None and per_site.get(row["site"], 0) >= PER_SITE_CAP:
            row, why = None, "site cap"
        if row is None:
            drops.append((c["source_path"], why))
            continue
        per_site[row["site"]] = per_site.get(row["site"], 0) + 1
        row["id"] = f"{row['site'].replace('.', '-')}-{digest[:10]}"
        row["split"] = "test"
        rows.append(row)
    write(rows, drops)


def write(rows, drops):
    """Pages, dumps, labels and drops written exactly as the first set writes them."""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: (r["site"], r["id"])):
            r["html_path"] = f"html/{r['site']}/{r['id']}.html"
            r["text_path"] = f"text/{r['site']}/{r['id']}.txt"
            for p, data in (
                (r["html_path"], r.pop("_raw")),
                (r["text_path"], r.pop("_dump").encode()),
            ):
                os.makedirs(os.path.dirname(os.path.join(OUT, p)), exist_ok=True)
                with open(os.path.join(OUT, p), "wb") as g:
                    g.write(data)
            obj = {k: r[k] for k in KEYS}
            obj.update({k: v for k, v in r.items() if k not in obj})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "build_drops.tsv"), "w", encoding="utf-8") as f:
        for d in drops:
            f.write("\t".join(d) + "\n")
    sites = {r["site"] for r in rows}
    print(f"kept {len(rows)} pages from {len(sites)} sites; dropped {len(drops)}")


if __name__ == "__main__":
    main()
