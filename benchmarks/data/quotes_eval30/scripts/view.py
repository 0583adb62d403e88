#!/usr/bin/env python3
"""Viewer used while labelling: items per document, context once, sentences marked."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
its = [json.loads(l) for l in open(os.path.join(HERE, '..', 'candidates.jsonl'), encoding='utf-8')]
lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (0, len(its))
prev_doc = prev_ctx = None
for it in its[lo:hi]:
    if it['source'] != prev_doc:
        print(f"\n######## {it['source'].split('/',1)[1]}")
        prev_doc = it['source']
    print(f"-- {it['id']} [{it['stratum']}]: {it['sentence']}")
    if it['context'] != it['sentence'] and it['context'] != prev_ctx:
        c = it['context']; s = c.find(it['sentence'])
        a, b = max(0, s - 400), min(len(c), s + len(it['sentence']) + 300)
        print(f"   CTX: {'…' if a else ''}{c[a:b]}{'…' if b < len(c) else ''}")
    prev_ctx = it['context']
