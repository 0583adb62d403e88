"""Mechanically verify labels.jsonl against the stored html/ and text/ files.

Checks, per page: files exist; 3-5 body passages, 40-200 chars, distinct, each a
verbatim substring of the text dump AND of the page HTML (entity-unescaped,
whitespace-collapsed); 2-5 chrome snippets, each a verbatim substring of the
dump and not a substring of any body passage; title present in the HTML;
date re-derived from its evidence (URL fragment or the raw metadata string,
which must occur in the page).  With --drop, failing pages are removed from
labels.jsonl (and their files deleted).  Exit 1 if anything failed without --drop.
"""
import html as htmlmod
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import decode, norm, parse_date, url_date, split_of, site_of  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def check(r):
    errs = []
    raw = open(os.path.join(ROOT, r["html_path"]), "rb").read()
    dump = open(os.path.join(ROOT, r["text_path"]), encoding="utf-8").read()
    page = norm(htmlmod.unescape(decode(raw)))
    bp = r["body_passages"]
    if not 3 <= len(bp) <= 5 or len(set(bp)) != len(bp):
        errs.append("body count")
    for p in bp:
        if not 40 <= len(p) <= 200:
            errs.append(f"body len {len(p)}")
        if p not in dump:
            errs.append(f"body not in dump: {p[:40]}")
        if p not in page:
            errs.append(f"body not in html: {p[:40]}")
    ch = r["chrome"]
    if not 2 <= len(ch) <= 5:
        errs.append("chrome count")
    for c in ch:
        if c not in dump:
            errs.append(f"chrome not in dump: {c}")
        if any(c in p for p in bp):
            errs.append(f"chrome inside body passage: {c}")
    if not r["title"] or norm(r["title"]) not in page:
        errs.append("title not in html")
    ev, d = r["date_evidence"], r["date"]
    if d is not None:
        if ev == "url":
            ud, frag = url_date(r["url"])
            if ud != d or frag != r["date_raw"]:
                errs.append("url date mismatch")
        else:
            if parse_date(r["date_raw"]) != d:
                errs.append("date does not parse from evidence")
            if r["date_raw"] not in page:
                errs.append("date evidence string not in html")
    if r["site"] != site_of(r["url"]) or r["split"] != split_of(r["site"]):
        errs.append("site/split")
    return errs


def main():
    drop = "--drop" in sys.argv
    path = os.path.join(ROOT, "labels.jsonl")
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    good, bad = [], []
    for r in rows:
        e = check(r)
        (bad if e else good).append((r, e))
    for r, e in bad:
        print(r["id"], "; ".join(e[:4]))
    print(f"{len(good)} ok, {len(bad)} failing")
    if drop and bad:
        for r, _ in bad:
            for k in ("html_path", "text_path"):
                os.remove(os.path.join(ROOT, r[k]))
        with open(path, "w", encoding="utf-8") as f:
            for r, _ in good:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    sys.exit(1 if bad and not drop else 0)


if __name__ == "__main__":
    main()
