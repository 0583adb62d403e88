"""Build pages_sites_eval: many text pages per site, labelled from each page's own evidence.

The pages come from rodricios/crawl-to-the-future (GPL-2.0), whose ``dataset/<host>.7z``
archives hold pages saved from seven news sites, 25 articles a site for each of 2000, 2005, 2010
and 2015, each with a hand-made text of its article (``<title>.txt``). The 2015 pages carry
their own metadata (og:url, og:title, publish-time metas), so their labels are taken exactly as
``benchmarks/pages_eval/scripts/build.py`` takes them (its ``process``: title, date, body
passages, chrome, outlet, and the same text dump), the hand-made text serving as the body
reference. Older eras have no such metadata and are not used.

Run (needs py7zr and selectolax, and a git mirror of the repository under $MIRROR_ROOT,
default /work/.mirror/rodricios+crawl-to-the-future/repo):

    PAGES_SITES_OUT=/work/data/pages_sites_eval python benchmarks/pages_sites_eval/scripts/build.py

It writes ``html/``, ``text/``, ``labels.jsonl`` and ``build_drops.tsv`` under the output
folder (default: the folder above this script).
"""

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile

import py7zr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "pages_eval", "scripts"))
import build as pages_eval  # noqa: E402  (the first set's labelling rules, unchanged)

OUT = os.environ.get("PAGES_SITES_OUT", os.path.dirname(HERE))
MIRROR = os.path.join(
    os.environ.get("MIRROR_ROOT", "/work/.mirror"), "rodricios+crawl-to-the-future", "repo"
)
REPO = "rodricios/crawl-to-the-future"
COMMIT = "aebed4d2ac836a116b40bde75a473726362d95db"
LICENSE = "GPL-2.0"
ARCHIVES = [
    "news.bbc.co.uk",
    "news.yahoo.com",
    "thenation.com",
    "www.cnn.com",
    "www.forbes.com",
    "www.foxnews.com",
    "www.latimes.com",
]
ERA = "2015"


def git_show(path):
    cmd = ["git", "-C", MIRROR, "show", f"{COMMIT}:{path}"]
    return subprocess.run(cmd, capture_output=True, check=True).stdout


def read(path):
    with open(path, "rb") as f:
        return f.read()


def _text(path):
    return read(path).decode("utf-8", "replace") if path else None


def candidates():
    for name in ARCHIVES:
        path = f"dataset/{name}.7z"
        with tempfile.TemporaryDirectory() as tmp:
            with py7zr.SevenZipFile(io.BytesIO(git_show(path))) as archive:
                archive.extractall(tmp)
            files = {
                os.path.relpath(os.path.join(d, n), tmp): os.path.join(d, n)
                for d, _, names in os.walk(tmp)
                for n in names
            }
            pages = [
                (m, read(files[m]), _text(files.get(m[: -len(".html")] + ".txt")))
                for m in sorted(files)
                if m.endswith(".html") and f"/{ERA}/" in m
            ]
        for member, raw, ref in pages:
            yield dict(
                raw=raw,
                url=None,
                reference=ref,
                reference_kind="crawl-to-the-future hand-made text" if ref else None,
                ref_title=None,
                source_repo=REPO,
                source_path=f"{path}:{member}",
                source_commit=COMMIT,
                license=LICENSE,
                redistributable=False,
            )


# The hand-made texts open with the page's date stamp ("Updated 12:31 PM ET, Fri January 16,
# 2015"), so pages_eval's rules can pick it as a body passage; it is the page's date, not its
# body, and is dropped from the passages.
STAMP_PASSAGE = re.compile(r"^(?:Updated|Posted|Published)\b")


def without_stamps(row):
    passages = [p for p in row["body_passages"] if not STAMP_PASSAGE.match(p)]
    if len(passages) < 3:
        return None, "too few body passages once date stamps are left out"
    return {**row, "body_passages": passages}, None


def main():
    rows, drops, seen = [], [], set()
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
            row, why = without_stamps(row)
        if row is None:
            drops.append((c["source_path"], why))
            continue
        row["id"] = f"{row['site'].replace('.', '-')}-{digest[:10]}"
        rows.append(row)
    keys = [
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
            obj = {k: r[k] for k in keys}
            obj.update({k: v for k, v in r.items() if k not in obj})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "build_drops.tsv"), "w", encoding="utf-8") as f:
        for d in drops:
            f.write("\t".join(d) + "\n")
    sites = {r["site"] for r in rows}
    print(f"kept {len(rows)} pages from {len(sites)} sites; dropped {len(drops)}")


if __name__ == "__main__":
    main()
