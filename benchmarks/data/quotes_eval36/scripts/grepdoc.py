#!/usr/bin/env python3
"""grepdoc.py ID WORD: lines/snippets of the item's document containing WORD (for speaker resolution)."""
import json, os, re, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8'):
    c = json.loads(l)
    if c['id'] == sys.argv[1]:
        t = open('/work/shared/corpora/' + c['source'], encoding='utf-8', errors='replace').read()
        if len(sys.argv) < 3:
            print(t[:int(2500)]); break
        for m in re.finditer(sys.argv[2], t):
            print('...', t[max(0, m.start() - 150):m.end() + 150].replace('\n', ' '), '...')
        break
