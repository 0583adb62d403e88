#!/usr/bin/env python3
"""Mechanical checks of translations_eval2 (no text similarity): ids, one-to-one pairs,
evidence strings, languages, the split rule, negatives of different ids."""

import collections
import hashlib
import json
import re

D = "/work/data/translations_eval2"


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


items = {it["id"]: it for it in jsonl(f"{D}/items.jsonl")}
pairs = jsonl(f"{D}/pairs.jsonl")
negs = jsonl(f"{D}/negatives.jsonl")
errors = []
for p in pairs:
    a, b = items[p["original_id"]], items[p["translation_id"]]
    if b["lang"] != "en" or a["lang"] not in ("uk", "ru"):
        errors.append(f"languages {p}")
    if p["source"] == "president.gov.ua":
        vid, video = re.search(r"same record id (\S+) and video (\S+) ", p["evidence"]).groups()
        nid = re.search(r"president.gov.ua item (\d+)", p["evidence"]).group(1)
        if (
            a["site_id"] != vid
            or a["url"] != video
            or not b["url"].endswith("-" + nid)
            or b["site_id"] != nid
        ):
            errors.append(f"evidence {p}")
    else:
        if a["site_id"] != b["site_id"] or not p["evidence"].endswith(a["site_id"]):
            errors.append(f"kremlin id {p}")
    h = int(hashlib.sha256(f"{a['id']}|{b['id']}".encode()).hexdigest(), 16) % 100
    if p["split"] != ("dev" if h < 40 else "test"):
        errors.append(f"split {p}")
for side in ("original_id", "translation_id"):
    dup = [k for k, n in collections.Counter(p[side] for p in pairs).items() if n > 1]
    if dup:
        errors.append(f"{side} in two pairs: {dup}")
gold = {(p["original_id"], p["translation_id"]) for p in pairs}
for n in negs:
    if (n["a"], n["b"]) in gold or (
        items[n["a"]]["site_id"] == items[n["b"]]["site_id"] and n["source"] == "kremlin.ru"
    ):
        errors.append(f"negative is a pair {n}")
print(
    "OK" if not errors else "\n".join(errors[:20]),
    f"({len(pairs)} pairs, {len(negs)} negatives, {len(items)} items)",
)
