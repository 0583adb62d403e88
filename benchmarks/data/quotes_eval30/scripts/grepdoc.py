#!/usr/bin/env python3
"""grepdoc.py <item id> <regex>: matching snippets in the item's document (viewer)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
for l in open(os.path.join(HERE, '..', 'candidates.jsonl'), encoding='utf-8'):
    it = json.loads(l)
    if it['id'] == sys.argv[1]:
        t = open(os.path.join('/work/shared/corpora', it['source']), encoding='utf-8', errors='replace').read()
        for m in re.finditer(sys.argv[2], t):
            print('|', t[max(0, m.start()-100):m.end()+100].replace('\n', ' '))
