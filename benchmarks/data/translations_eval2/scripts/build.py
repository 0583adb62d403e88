#!/usr/bin/env python3
"""Build translations_eval2: Ukrainian originals and their official English translations
(Office of the President of Ukraine, 2022-02..05), plus the 11 Kremlin RU->EN pairs of
translations_eval.

Pairing evidence (no cross-lingual text similarity anywhere):
  1. Amice13/resistinua (CC0) keeps each video address twice, in static/content/messages*.js
     (Ukrainian) and messages*-en.js (English), under the same YouTube video id: the dataset's
     own cross-link.
  2. The English of that record must be the official English of president.gov.ua: its 8-word
     shingles are contained (>= 0.9) in the body of one item of
     ../shared/corpora/kremlin-2021-22/zelenskyy_president_gov_ua_en.csv (an English-English
     identity check of provenance; the site author's own machine translations fail it).
  The pair is (Ukrainian record, that president.gov.ua English item); the English side is the
  official item (its URL carries the site's numeric id), the Ukrainian side the record with the
  same video id.
Run: python build.py   (needs the resistinua mirror and ../shared/corpora)."""

import collections
import csv
import datetime as dt
import hashlib
import json
import re
import subprocess

csv.field_size_limit(1 << 30)
GIT = "/work/.mirror/Amice13+resistinua/repo"
PGU = "/work/shared/corpora/kremlin-2021-22/zelenskyy_president_gov_ua_en.csv"
OLD = "/work/data/translations_eval"
OUT = "/work/data/translations_eval2"
FILES = ["messages", "messages-2", "messages-3"]
MIN_CONTAINMENT = 0.9
NEG_DAYS = 1  # hard negatives: other addresses within this many days


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def show(path):
    return subprocess.run(
        ["git", "--git-dir", GIT, "show", f"{COMMIT}:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


COMMIT = subprocess.run(
    ["git", "--git-dir", GIT, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
).stdout.strip()


def records(path, commit=None):
    """The JS module's array, read by node (JS object literals with template strings)."""
    try:
        js = subprocess.run(
            ["git", "--git-dir", GIT, "show", f"{commit or COMMIT}:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except subprocess.CalledProcessError:
        return []
    code = "let module={};" + js + ";process.stdout.write(JSON.stringify(source))"
    return json.loads(
        subprocess.run(["node"], input=code, capture_output=True, text=True, check=True).stdout
    )


def clean(t):
    return re.sub(r"\*\*", "", t).strip()


def shingles(t, k=8):
    w = re.sub(r"[^a-z0-9]+", " ", clean(t).lower()).split()
    return {" ".join(w[i : i + k]) for i in range(max(0, len(w) - k + 1))}


# every version of the files, newest first: a record keeps its newest text; records dropped from the
# files later (about 40) are still the site's pairs
HISTORY = subprocess.run(
    [
        "git",
        "--git-dir",
        GIT,
        "log",
        "--format=%H",
        COMMIT,
        "--",
        *[f"static/content/{f}{s}.js" for f in FILES for s in ("", "-en")],
    ],
    capture_output=True,
    text=True,
    check=True,
).stdout.split()
uk, en_rec = {}, {}
for commit in HISTORY:
    for f in FILES:
        for r in records(f"static/content/{f}.js", commit):
            uk.setdefault(r["id"], r)
        for r in records(f"static/content/{f}-en.js", commit):
            en_rec.setdefault(r["id"], r)
with open(PGU, encoding="utf-8") as f:
    pgu = list(csv.DictReader(f))
index = collections.defaultdict(set)
for j, row in enumerate(pgu):
    for g in shingles(row["body"]):
        index[g].add(j)

items, pairs, skipped = {}, [], collections.Counter()


def pgu_id(url):
    return re.search(r"-(\d+)$", url.strip()).group(1)


def pgu_item(j):
    row = pgu[j]
    nid = pgu_id(row["link"])
    return dict(
        id=f"pgu-en-{nid}",
        lang="en",
        url=row["link"].strip(),
        date=row["date"][:10],
        title=row["headline"],
        text=row["body"],
        text_kind="full_text",
        source="shared/corpora/kremlin-2021-22 (president.gov.ua/en)",
        site_id=nid,
    )


def uk_item(r):
    return dict(
        id=f"ua-uk-{r['id']}",
        lang="uk",
        url=r["url"],
        date=r["date"][:10],
        title=r["name"],
        text=clean(r["text"]),
        text_kind="full_text",
        source="Amice13/resistinua",
        site_id=r["id"],
        speaker=r["speaker"],
    )


matched_pgu, duplicates = {}, set()
for vid in sorted(set(uk) & set(en_rec)):
    if uk[vid]["url"] != en_rec[vid]["url"]:
        skipped["the two records of the id name different videos"] += 1
        continue
    s = shingles(en_rec[vid]["text"])
    if len(s) < 20:
        skipped["english record under 27 words (a title or description only)"] += 1
        continue
    c = collections.Counter(j for g in s for j in index.get(g, ()))
    if not c:
        skipped["english record not in president.gov.ua/en (2021-10..2022-06)"] += 1
        continue
    j, n = c.most_common(1)[0]
    share = n / len(s)
    if share < MIN_CONTAINMENT:
        skipped[f"english record not the official text (containment < {MIN_CONTAINMENT})"] += 1
        continue
    if len(clean(uk[vid]["text"])) < 200:
        skipped["ukrainian record without its text"] += 1
        continue
    if j in matched_pgu:
        skipped[
            "official item already paired with another record id (an older copy: left out)"
        ] += 1
        duplicates.add(vid)
        continue
    matched_pgu[j] = vid
    a, b = uk_item(uk[vid]), pgu_item(j)
    items[a["id"]], items[b["id"]] = a, b
    lag = (dt.date.fromisoformat(b["date"]) - dt.date.fromisoformat(a["date"])).days
    h = int(hashlib.sha256(f"{a['id']}|{b['id']}".encode()).hexdigest(), 16) % 100
    pairs.append(
        dict(
            original_id=a["id"],
            translation_id=b["id"],
            source="president.gov.ua",
            evidence=f"same record id {vid} and video {uk[vid]['url']} in resistinua uk/en; "
            f"en text = president.gov.ua item {b['site_id']} "
            f"(shingle containment {share:.2f})",
            lag_days=lag,
            split="dev" if h < 40 else "test",
        )
    )


# distractors: the other Ukrainian records with a text, and the official English items of the
# same months. A record that repeats a paired one (another upload of the same address: half or
# more of its 6-word shingles in the paired text, a Ukrainian-Ukrainian check) is left out:
# linking it would be no error.
def uk_shingles(t, k=6):
    w = re.sub(r"\W+", " ", t.lower()).split()
    return {" ".join(w[i : i + k]) for i in range(max(0, len(w) - k + 1))}


paired_uk = collections.defaultdict(set)
for it in items.values():
    for g in uk_shingles(it["text"]):
        paired_uk[g].add(it["id"])
first, last = min(i["date"] for i in items.values()), max(i["date"] for i in items.values())
for vid, r in uk.items():
    it = uk_item(r)
    if it["id"] in items or len(it["text"]) < 200 or vid in duplicates:
        continue
    s = uk_shingles(it["text"])
    c = collections.Counter(j for g in s for j in paired_uk.get(g, ()))
    if c and c.most_common(1)[0][1] >= 0.5 * len(s):
        skipped["ukrainian record repeating a paired one (left out of the distractors)"] += 1
        continue
    items[it["id"]] = dict(it, role="distractor")
for j in range(len(pgu)):
    it = pgu_item(j)
    if it["id"] not in items and first <= it["date"] <= last:
        items[it["id"]] = dict(it, role="distractor")

# the Kremlin pairs of translations_eval (RU full text, EN title + 60 characters)
old_items = {it["id"]: it for it in jsonl(f"{OLD}/items.jsonl")}
for p in jsonl(f"{OLD}/pairs.jsonl"):
    pairs.append(dict(p, source="kremlin.ru"))
for k, v in old_items.items():
    items[k] = dict(v, site_id=v.pop("kremlin_id", None))
old_negs = [dict(n, source="kremlin.ru") for n in jsonl(f"{OLD}/negatives.jsonl")]

# hard negatives: a paired Ukrainian address against the official English of another paired
# address of the same or the next day (same speaker, same war, same format: the hardest
# distractors there are)
gold_en = {p["translation_id"] for p in pairs if p["source"] == "president.gov.ua"}
negs = []
for p in pairs:
    if p["source"] != "president.gov.ua":
        continue
    a = items[p["original_id"]]
    for b_id in sorted(gold_en - {p["translation_id"]}):
        gap = (dt.date.fromisoformat(items[b_id]["date"]) - dt.date.fromisoformat(a["date"])).days
        if abs(gap) <= NEG_DAYS:
            negs.append(
                dict(
                    a=a["id"],
                    b=b_id,
                    why="another address of the same days (different video and site id)",
                    day_gap=gap,
                    a_in_pair=True,
                    source="president.gov.ua",
                )
            )
negs += old_negs

with open(f"{OUT}/items.jsonl", "w", encoding="utf-8") as f:
    for k in sorted(items):
        f.write(
            json.dumps(
                dict({"role": "paired"}, **items[k]) if "role" not in items[k] else items[k],
                ensure_ascii=False,
            )
            + "\n"
        )
for name, rows in (("pairs", pairs), ("negatives", negs)):
    with open(f"{OUT}/{name}.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(f"{OLD}/sources.json", encoding="utf-8") as f:
    sources = json.load(f)
sources["Amice13/resistinua"] = dict(
    repo="Amice13/resistinua",
    commit=COMMIT,
    history_commits=len(HISTORY),
    path=[f"static/content/{f}{s}.js" for f in FILES for s in ("", "-en")],
    licence="CC0 1.0 (LICENSE file). Ukrainian texts are president.gov.ua addresses and briefings",
    redistributable=True,
)
sources["shared/corpora/kremlin-2021-22"] = dict(
    repo="PeiYiZhuo/zelenskyy-putin (via ../shared/corpora)",
    path="zelenskyy_president_gov_ua_en.csv",
    commit=None,
    licence='president.gov.ua terms not verified here (the shared README: "terms not stated")',
    redistributable=False,
)
with open(f"{OUT}/sources.json", "w", encoding="utf-8") as f:
    json.dump(sources, f, indent=1, ensure_ascii=False)
print(
    f"{len(pairs)} pairs ({collections.Counter(p['source'] for p in pairs)}), "
    f"splits {collections.Counter((p['source'], p['split']) for p in pairs)}"
)
kinds = collections.Counter((i["lang"], i.get("role", "paired")) for i in items.values())
print(f"{len(items)} items {kinds}")
print(f"{len(negs)} negatives; skipped {dict(skipped)}")
print("lag days", collections.Counter(p.get("lag_days") for p in pairs))
