"""Pages from sites no outlet table covers: title, date, body kept and chrome dropped.

Two benchmarks on the labelled set ``pages_eval`` (258 real news pages from 160 sites, truth
from the pages' own metadata and URLs; see ``benchmarks/pages_eval/README.md``), and the text
one again on ``pages_sites_eval`` (158 pages from 7 sites, 19-25 a site, labelled by the same
rules; see ``benchmarks/pages_sites_eval/README.md``), where there is a site's worth of pages to
learn its chrome, title affixes and date order from; ``--set sites2`` runs the held-out set
``pages_sites_eval2`` (96 pages from 6 more sites, every page "test"; see its README):

- **html**: the ``.html`` pages read by ``toolkit.ingest`` (trafilatura with the toolkit's
  knowledge on top) and, side by side in the same process, by trafilatura alone
  (``trafilatura.bare_extraction(html, with_metadata=True)``, the call a user would write);
- **text**: the same pages as a naive scraper saves them (every text node of ``<body>``, one
  block per line: menus, footers and all), read by ``toolkit.ingest``, beside the naive reading
  a user would otherwise do (first line as title, no date, every line as body).

Checks, per page: the title (the labelled title, or it less a site-name part after " | ", " - "
or " — "), the date (within a day, where the label has one; for text pages only where the
date is written in the page's first lines, see :func:`date_visible`), every labelled body
passage found in the text, and every labelled chrome line absent from the text's lines. The
sites are split dev/test by a hash of the site: tune on ``dev``, report ``test``. Where the
page's labelled outlet (its ``og:site_name``) is an alias the outlet tables know, the outlet
the toolkit gives is checked too (an outlet cue exists).

Usage: python benchmarks/bench_pages.py [--set pages|sites|sites2|both] [--split test]
[--json results/pages.json]

Each set's folder holds ``labels.jsonl`` and the pages (``html/``, ``text/``): by default
``benchmarks/<set>`` if its pages were rebuilt there (see its README), else
``/work/data/<set>``; ``--data DIR`` reads one set from ``DIR``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import platform
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = {"pages": "pages_eval", "sites": "pages_sites_eval", "sites2": "pages_sites_eval2"}


def set_folder(name: str) -> Path:
    """Where a set's pages are: rebuilt in the repository, else on the development machine."""
    local = ROOT / "benchmarks" / SETS[name]
    return local if (local / "text").is_dir() else Path("/work/data") / SETS[name]


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_SPACE = re.compile(r"\s+")
_AFFIX = re.compile(r"^(.*?)\s+[|\-–—:·•]\s+[^|]{2,60}$|^[^|]{2,60}\s+[|\-–—:·•]\s+(.*)$")


def norm(text: str | None) -> str:
    """Text compared as a reader sees it: entities, Unicode forms, quotes, dashes, spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", html.unescape(text)).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def title_ok(found: str | None, label: str) -> bool:
    """The labelled title, or it less a site-name part ("... | MIT Technology Review")."""
    found, label = norm(found).casefold(), norm(label).casefold()
    if not found:
        return False
    if found == label:
        return True
    m = _AFFIX.match(label)
    return bool(m) and found in {g.strip() for g in m.groups() if g}


def date_ok(found: dt.date | None, label: str) -> bool:
    return found is not None and abs((found - dt.date.fromisoformat(label)).days) <= 1


_MONTHS = [
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
]


def date_visible(text: str, label: str, *, lines: int = 60) -> bool:
    """Whether the labelled date is written in the page's first lines in a common form (the
    text benchmark scores a date only where the page shows one)."""
    d = dt.date.fromisoformat(label)
    head = " ".join(text.splitlines()[:lines]).casefold().replace(",", " ").replace(".", " ")
    head = _SPACE.sub(" ", head)
    forms = {
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.month}/{d.day}/{d.year}",
        f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.day:02d} {d.month:02d} {d.year}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
    }
    for names in _MONTHS:
        month = names.split()[d.month - 1]
        forms |= {f"{month} {d.day} {d.year}", f"{d.day} {month} {d.year}"}
        forms |= {f"{month} {d.day:02d} {d.year}", f"{d.day:02d} {month} {d.year}"}
    return any(f in head for f in forms)


def score(
    found: dict, label: dict, *, kind: str, source_text: str = "", outlet: str | None = None
) -> dict[str, list]:
    """[ok, total] per check for one page; ``found`` has title, date, text (and outlet);
    ``outlet`` is the outlet the tables know the page's site name as, if any."""
    out = {"title": [int(title_ok(found["title"], label["title"])), 1]}
    if outlet is not None:
        out["outlet"] = [int(found.get("outlet") == outlet), 1]
    if label["date"] and (kind == "html" or date_visible(source_text, label["date"])):
        out["date"] = [int(date_ok(found["date"], label["date"])), 1]
    text = norm(found["text"])
    lines = {norm(line) for line in (found["text"] or "").splitlines()}
    kept = [_passage(norm(p), found.get("dateline")) in text for p in label["body_passages"]]
    dropped = [norm(c) not in lines for c in label["chrome"]]
    out["body"] = [sum(kept), len(kept)]
    out["chrome"] = [sum(dropped), len(dropped)]
    return out


def _passage(passage: str, dateline: str | None) -> str:
    """A passage as the toolkit keeps it: a dateline that opens it is in its own column."""
    if dateline and passage.startswith(norm(dateline)):
        return passage[len(norm(dateline)) :].lstrip(" ,-–—:(").lstrip()
    return passage


# ---------------------------------------------------------------- readers


def trafilatura_alone(path: Path) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    if doc is None:
        return {"title": None, "date": None, "text": ""}
    date = None
    if doc.date:
        try:
            date = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            date = None
    return {"title": doc.title, "date": date, "text": doc.text or ""}


def naive_text(path: Path) -> dict:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"title": lines[0] if lines else None, "date": None, "text": "\n".join(lines)}


def toolkit_pages(labels: list[dict], data: Path, kind: str) -> tuple[dict[str, dict], float]:
    """Every page of ``labels`` read by one ``toolkit.ingest`` of a folder of them (so chrome
    is learned across a site's pages); CPU seconds of the ingest."""
    import toolkit

    key = f"{kind}_path"
    with tempfile.TemporaryDirectory() as tmp:
        for label in labels:
            target = Path(tmp) / label[key]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(data / label[key], target)
        start = time.process_time()
        result = toolkit.ingest(Path(tmp) / kind)
        seconds = time.process_time() - start
    rows = {
        path: {"title": title, "date": date, "text": text, "dateline": dateline, "outlet": outlet}
        for path, title, date, text, dateline, outlet in result.corpus.select(
            "path", "title", "published", "text", "dateline", "outlet"
        ).iter_rows()
    }
    return {lab["id"]: rows.get(lab[key]) for lab in labels}, seconds


def _empty() -> dict:
    return {"title": None, "date": None, "text": ""}


def evaluate(labels: list[dict], data: Path, kind: str) -> dict:
    """Checks passed by the toolkit and by the baseline, per split, and CPU seconds."""
    from toolkit.outlets import registry

    reg = registry()
    ours, our_seconds = toolkit_pages(labels, data, kind)
    baseline = trafilatura_alone if kind == "html" else naive_text
    start = time.process_time()
    theirs = {lab["id"]: baseline(data / lab[f"{kind}_path"]) for lab in labels}
    their_seconds = time.process_time() - start
    totals: dict = {}
    by_site: dict = {}
    for lab in labels:
        source = (data / lab["text_path"]).read_text(encoding="utf-8") if kind == "text" else ""
        outlet = reg.canonical(lab["outlet"]) if lab["outlet"] else None
        for who, found in (
            ("toolkit", ours[lab["id"]] or _empty()),
            ("baseline", theirs[lab["id"]]),
        ):
            checks = score(found, lab, kind=kind, source_text=source, outlet=outlet)
            for check, (ok, n) in checks.items():
                for table_, key in (
                    (totals, lab["split"]),
                    (totals, "all"),
                    (by_site, lab["site"]),
                ):
                    cell = table_.setdefault(key, {}).setdefault(who, {}).setdefault(check, [0, 0])
                    cell[0] += ok
                    cell[1] += n
    return {
        "checks": totals,
        "by_site": by_site,
        "cpu_s": {"toolkit": our_seconds, "baseline": their_seconds},
    }


def table(name: str, result: dict, split: str) -> str:
    if split not in result["checks"]:
        return f"{name}: no {split} pages in this set"
    checks = result["checks"][split]
    order = ["outlet", "title", "date", "body", "chrome"]
    rows = [f"| {name} ({split}) | " + " | ".join(order) + " | all checks |", "|---" * 7 + "|"]
    for who in ("toolkit", "baseline"):
        cells = [checks[who].get(c, [0, 0]) for c in order]
        ok, n = sum(c[0] for c in cells), sum(c[1] for c in cells)
        shown = [f"{a}/{b} ({a / b:.1%})" if b else "-" for a, b in cells]
        rows.append(f"| {who} | " + " | ".join(shown) + f" | {ok}/{n} ({ok / n:.1%}) |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="both", choices=["pages", "sites", "sites2", "both"])
    parser.add_argument("--data", type=Path, default=None, help="one set's folder")
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    parser.add_argument("--kind", default="both", choices=["html", "text", "both"])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    names = ["pages", "sites"] if args.set == "both" else [args.set]
    results = {}
    for name in names:
        data = args.data or set_folder(name)
        if not (data / "labels.jsonl").is_file():
            sys.exit(f"{data}/labels.jsonl not found: see benchmarks/{SETS[name]}/README.md")
        labels = [json.loads(line) for line in (data / "labels.jsonl").open(encoding="utf-8")]
        # The sites set is for text pages: its HTML is read as well as any other site's.
        kinds = ["html", "text"] if args.kind == "both" else [args.kind]
        if name != "pages":
            kinds = [k for k in kinds if k == "text"]
        for kind in kinds:
            key = kind if name == "pages" else f"{kind} ({SETS[name]})"
            results[key] = evaluate(labels, data, kind)
            print(table(key, results[key], args.split))
            print(f"CPU s: {results[key]['cpu_s']}\n")
    if args.json:
        results["machine"] = f"{platform.machine()} {platform.python_version()}"
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
