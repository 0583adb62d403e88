#!/usr/bin/env python3
"""Viewer used while labelling: items of ids A..B with their context, the sentence marked [[...]]."""
import json, os, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
a, b = sys.argv[1], sys.argv[2]
cur = None
for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8'):
    c = json.loads(l)
    if not (a <= c['id'] <= b): continue
    if c['source'] != cur:
        cur = c['source']; print('\n######', cur)
    s = c['sentence_start'] - c['context_start']; e = c['sentence_end'] - c['context_start']
    ctx = c['context']
    shown = ctx[:s] + '[[' + ctx[s:e] + ']]' + ctx[e:]
    if len(shown) > 900: shown = shown[max(0, s - 300):e + 4 + 300]
    print(f"-- {c['id']} {c['stratum']}: {shown}")
