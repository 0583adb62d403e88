"""Rebuild the fundus page set from a git mirror of flairNLP/fundus at a fixed commit.

Writes, under ``FUNDUS_OUT`` (default ``benchmarks/pages_fundus``):
  - ``html/<cc>/<Publisher>_<date>.html``: the test page, gunzipped, bytes otherwise as stored;
  - ``text/<cc>/<Publisher>_<date>.txt``: the page as a naive scraper saves it (every text node
    of ``<body>`` a line, block by block; menus, footers and related links kept; scripts,
    styles and other non-text elements dropped);
  - ``body/<cc>/<Publisher>_<date>.json``: fundus' own expected parse of the page's article
    body (its test case JSON, the parser version whose title the page's markup gives, else
    the one in the order of the pages' dates): ``summary`` and ``paragraphs`` (every section's,
    in order), the truth of the body benchmark;
  - ``labels.jsonl`` (only with ``--labels``): what each page's own markup says of it, the truth
    the benchmark scores against: ``og:title``, ``<title>``, the ``<h1>`` headings, the first
    date meta (``article:published_time`` and the like, else JSON-LD ``datePublished``, else the
    first ``<time datetime>``), the URL (fundus' ``meta.info``) and a date in it, ``<html lang>``,
    and the split (``test`` where sha256 of the publisher is 0 modulo 3: held out).
Every country folder but ``de`` (fundus' own largest, left out to keep the set varied).

Usage: python benchmarks/pages_fundus/scripts/build.py [--labels] (MIRROR_ROOT: the folder of
``flairNLP+fundus/repo``, default /work/.mirror)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import lxml.html

REPO, COMMIT = "flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
DATA = "tests/resources/parser/test_data"
HERE = Path(__file__).resolve().parents[1]
BLOCK = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "nav", "aside", "tr", "td", "th", "ul", "ol", "blockquote", "figcaption", "figure",
    "main", "form", "br", "dt", "dd", "table", "time", "button", "label", "option",
}  # fmt: skip
DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
        "math", "head"}  # fmt: skip
DATE_KEYS = [
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "date", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "publish-date", "article.published", "cxenseparse:recs:publishtime", "og:published_time",
    "published_time", "dc.date.issued",
]  # fmt: skip


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def decoded(raw: bytes) -> str:
    """The page's text in the charset its head declares (UTF-8 by default)."""
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:5000])
    try:
        text = raw.decode(m.group(1).decode() if m else "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("utf-8", "replace")
    return re.sub(r"^\s*<\?xml[^>]*>", "", text)


def text_dump(doc) -> str:
    body = doc.find(".//body") if doc.tag != "body" else doc
    lines, current = [], []

    def flush():
        line = re.sub(r"\s+", " ", " ".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(el):
        if not isinstance(el.tag, str) or el.tag in DROP:
            if el.tail:
                current.append(el.tail)
            return
        block = el.tag in BLOCK
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    for child in body if body is not None else doc:
        walk(child)
    flush()
    return "\n".join(lines) + "\n"


def label(doc, headings, name: str, url: str | None) -> dict:
    """The page's truth from its own markup (``headings``: the page read as UTF-8 first, as
    pages that declare another charset in error are)."""
    metas = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if key and m.get("content") is not None and key not in metas:
            metas[key] = m.get("content").strip()
    date, source = None, None
    for key in DATE_KEYS:
        if metas.get(key):
            date, source = metas[key], f"meta:{key}"
            break
    if not date:
        for script in doc.xpath('//script[@type="application/ld+json"]'):
            if m := re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text or ""):
                date, source = m.group(1), "jsonld:datePublished"
                break
    if not date and (times := doc.xpath("//time[@datetime]")):
        date, source = times[0].get("datetime"), "first <time datetime>"
    day = re.match(r"(\d{4})-(\d{2})-(\d{2})", date or "")
    in_url = url and (
        re.search(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/", url)
        or re.search(r"/(20\d\d)(\d\d)(\d\d)/", url)
    )
    publisher = name.split("/")[1].rsplit("_", 3)[0]
    return {
        "page": name,
        "publisher": publisher,
        "split": "test"
        if int(hashlib.sha256(publisher.encode()).hexdigest(), 16) % 3 == 0
        else "dev",
        "url": url,
        "og_title": metas.get("og:title"),
        "title_tag": (doc.findtext(".//title") or "").strip() or None,
        "h1": [re.sub(r"\s+", " ", h.text_content()).strip() for h in headings.xpath("//h1")][:5],
        "date_raw": date,
        "date_source": source,
        "date_day": "-".join(day.groups()) if day else None,
        "url_date": "-".join(in_url.groups()) if in_url else None,
        "site_name": metas.get("og:site_name"),
        "lang": doc.get("lang"),
    }


def bodies(repo: Path, pages: list[str]) -> dict[str, dict]:
    """Each page's expected body from its publisher's test case JSON (``<Publisher>.json``,
    one entry per parser version): the version whose title is the page's ``og:title``,
    ``<title>`` or an ``<h1>``, else the one whose place among the versions is the page's
    among the publisher's pages by date."""
    out: dict[str, dict] = {}
    by_publisher: dict[str, list[str]] = {}
    for path in pages:
        by_publisher.setdefault(path.rsplit("_", 3)[0], []).append(path)
    for stem, paths in by_publisher.items():
        try:
            cases = json.loads(git(repo, "show", f"{COMMIT}:{stem}.json"))
        except subprocess.CalledProcessError:
            continue
        versions = sorted(cases, key=lambda v: int(re.sub(r"\D", "", v) or 0))
        for i, path in enumerate(sorted(paths)):
            raw = gzip.decompress(git(repo, "show", f"{COMMIT}:{path}")).decode("utf-8", "replace")
            own = {_squashed(t) for t in re.findall(r"<(?:title|h1)[^>]*>(.*?)</", raw, re.S)}
            own |= {_squashed(t) for t in re.findall(r'og:title"\s+content="([^"]*)"', raw)}
            titled = [v for v in versions if _squashed(cases[v].get("title") or "") in own]
            version = titled[0] if titled else versions[min(i, len(versions) - 1)]
            body = cases[version].get("body") or {}
            out[path[len(DATA) + 1 : -len(".html.gz")]] = {
                "version": version,
                "by_title": bool(titled),
                "summary": body.get("summary") or [],
                "paragraphs": [p for s in body.get("sections") or [] for p in s["paragraphs"]],
            }
    return out


def _squashed(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip().casefold()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", action="store_true", help="write labels.jsonl too")
    args = parser.parse_args()
    repo = Path(os.environ.get("MIRROR_ROOT", "/work/.mirror")) / "flairNLP+fundus" / "repo"
    out = Path(os.environ.get("FUNDUS_OUT", HERE))
    names = git(repo, "ls-tree", "-r", "--name-only", COMMIT, DATA).decode().split("\n")
    pages = sorted(p for p in names if p.endswith(".html.gz") and "/de/" not in p)
    urls: dict[str, str] = {}
    for info in {str(Path(p).parent / "meta.info") for p in pages}:
        try:
            meta = json.loads(git(repo, "show", f"{COMMIT}:{info}"))
        except subprocess.CalledProcessError:
            continue
        urls |= {f"{Path(info).parent.name}/{k}": v.get("url") for k, v in meta.items()}
    for name, body in bodies(repo, pages).items():
        target = out / "body" / (name + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    labels = []
    for path in pages:
        name = path[len(DATA) + 1 : -len(".gz")]  # <cc>/<Publisher>_<date>.html
        raw = gzip.decompress(git(repo, "show", f"{COMMIT}:{path}"))
        doc = lxml.html.fromstring(decoded(raw))
        for folder, suffix, data in (("html", ".html", raw), ("text", ".txt", None)):
            target = out / folder / (name[: -len(".html")] + suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            if data is None:
                target.write_text(text_dump(doc), encoding="utf-8")
            else:
                target.write_bytes(data)
        try:
            headings = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", raw.decode("utf-8")))
        except UnicodeDecodeError:
            headings = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", raw.decode("latin-1")))
        labels.append(label(doc, headings, name, urls.get(name + ".gz")))
    if args.labels:
        with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
            for row in labels:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(pages)} pages from {REPO}@{COMMIT[:7]} -> {out}")


if __name__ == "__main__":
    main()
