"""How the headline sets' items were drawn (session 30, 2026-12-03; set 39's, seed 20261205, by
the same draw as set 38's over the rows and titles set 38 does not hold; set 40's, seed
20261206, 70 from each Chinese outlet and 20 from the BBC over those sets 38 and 39 do not
hold: ``items_later``): quotes_eval37 from
statemedia-headlines-2006-26 (seed 20261203: 420 headlines with a dash near the end or a colon
near the start, 240 without, shuffled; every third item dev, the rest test) and quotes_eval38
from cn-statemedia-headlines-2022 (seed 20261204: 60 per outlet, all test). Writes items.jsonl,
items_cn.jsonl and the labellers' batches (batch0-2, batch_cn0-1) to the working directory; the
texts stay local (no licence is stated for either corpus)."""

import collections
import csv
import hashlib
import json
import random
import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[4].parent / "shared" / "corpora"  # beside the project


def items_37():
    rows = list(csv.DictReader(open(f"{CORPORA}/statemedia-headlines-2006-26/headlines.csv",
                                    encoding="utf-8")))
    rng = random.Random(20261203)
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    marked = re.compile(r"\s[—–-]{1,2}\s[^—–]{1,60}$|^[^:]{2,40}:\s")
    a = [i for i in idx if marked.search(rows[i]["title"].strip())][:420]
    b = [i for i in idx if not marked.search(rows[i]["title"].strip())][:240]
    items = sorted(a + b)
    rng.shuffle(items)
    return [{"id": f"hl{k:04d}", "source": f"statemedia-headlines-2006-26/headlines.csv/row{i}",
             "outlet": rows[i]["outlet"], "date": rows[i]["date"], "text": rows[i]["title"],
             "split": "dev" if k % 3 == 0 else "test",
             "doc_sha256": hashlib.sha256(rows[i]["title"].encode()).hexdigest()}
            for k, i in enumerate(items)]


def items_38():
    rows = list(csv.DictReader(open(f"{CORPORA}/cn-statemedia-headlines-2022/headlines.csv",
                                    encoding="utf-8")))
    rng = random.Random(20261204)
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    per = collections.defaultdict(list)
    for i in idx:
        if len(per[rows[i]["outlet"]]) < 60 and rows[i]["title"].strip():
            per[rows[i]["outlet"]].append(i)
    items = [i for o in sorted(per) for i in per[o]]
    rng.shuffle(items)
    return [{"id": f"hc{k:04d}", "source": f"cn-statemedia-headlines-2022/headlines.csv/row{i}",
             "outlet": rows[i]["outlet"], "text": rows[i]["title"], "split": "test",
             "doc_sha256": hashlib.sha256(rows[i]["title"].encode()).hexdigest()}
            for k, i in enumerate(items)]


def items_later(earlier, seed, quota, prefix):
    """A later development set of the cn corpus: ``quota`` per outlet, drawn with ``seed`` from
    the rows and titles the ``earlier`` items do not hold (set 39: seed 20261205, 60 each, "hd";
    set 40: seed 20261206, 70 per Chinese outlet and 20 BBC, "he")."""
    rows = list(csv.DictReader(open(f"{CORPORA}/cn-statemedia-headlines-2022/headlines.csv",
                                    encoding="utf-8")))
    used = {int(it["source"].rsplit("row", 1)[1]) for it in earlier}
    seen = {rows[i]["title"] for i in used}
    rng = random.Random(seed)
    idx = [i for i in range(len(rows)) if i not in used]
    rng.shuffle(idx)
    per = collections.defaultdict(list)
    for i in idx:
        outlet, title = rows[i]["outlet"], rows[i]["title"]
        if len(per[outlet]) < quota[outlet] and title.strip() and title not in seen:
            per[outlet].append(i)
            seen.add(title)
    items = [i for o in sorted(per) for i in per[o]]
    rng.shuffle(items)
    return [{"id": f"{prefix}{k:04d}", "source": f"cn-statemedia-headlines-2022/headlines.csv/row{i}",
             "outlet": rows[i]["outlet"], "text": rows[i]["title"], "split": "dev",
             "doc_sha256": hashlib.sha256(rows[i]["title"].encode()).hexdigest()}
            for k, i in enumerate(items)]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    a, b = items_37(), items_38()
    write("items.jsonl", a)
    write("items_cn.jsonl", b)
    for k in range(3):
        write(f"batch{k}.jsonl", [{"id": o["id"], "outlet": o["outlet"], "text": o["text"]}
                                  for o in a[k::3]])
    for k in range(2):
        write(f"batch_cn{k}.jsonl", [{"id": o["id"], "outlet": o["outlet"], "text": o["text"]}
                                     for o in b[k::2]])
    c = items_later(b, 20261205, dict.fromkeys(
        ["bbc", "cgtn", "chinadaily", "globaltimes", "xinhuanet"], 60), "hd")
    d = items_later(b + c, 20261206, {"xinhuanet": 70, "cgtn": 70, "chinadaily": 70,
                                      "globaltimes": 70, "bbc": 20}, "he")
    write("items_cn_dev.jsonl", c)
    write("items_cn_dev2.jsonl", d)
