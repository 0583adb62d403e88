#!/usr/bin/env python3
"""before.py ID [N]: the N characters of the document before the item's context (default 1200), then the context."""
import json, os, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8'):
    c = json.loads(l)
    if c['id'] == sys.argv[1]:
        t = open('/work/shared/corpora/' + c['source'], encoding='utf-8', errors='replace').read()
        print(t[max(0, c['context_start'] - n):c['context_start']], '\n>>>>', t[c['context_start']:c['context_end']]); break
