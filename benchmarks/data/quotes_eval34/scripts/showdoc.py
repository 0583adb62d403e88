#!/usr/bin/env python3
"""showdoc.py ID [MAXCHARS]: the whole document of an item (first MAXCHARS characters, default 6000)."""
import json, os, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8'):
    c = json.loads(l)
    if c['id'] == sys.argv[1]:
        t = open('/work/shared/corpora/' + c['source'], encoding='utf-8', errors='replace').read()
        print(t[:int(sys.argv[2]) if len(sys.argv) > 2 else 6000]); break
