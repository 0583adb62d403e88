#!/usr/bin/env python3
"""around.py ID [N_BEFORE] [N_AFTER]: the item's document, the N_BEFORE chars before and N_AFTER chars after its context."""
import json, os, sys
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
nb = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
na = int(sys.argv[3]) if len(sys.argv) > 3 else 300
for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8'):
    c = json.loads(l)
    if c['id'] == sys.argv[1]:
        t = open('/work/shared/corpora/' + c['source'], encoding='utf-8', errors='replace').read()
        print(t[max(0, c['context_start'] - nb):c['sentence_start']] + '[[' + t[c['sentence_start']:c['sentence_end']] + ']]'
              + t[c['sentence_end']:c['context_end'] + na])
        break
