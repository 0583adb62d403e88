#!/usr/bin/env python3
"""grepdoc.py <source-substring> <regex>: matching snippets in a sampled document (viewer)."""
import json, os, re, sys
for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'docs.jsonl'), encoding='utf-8'):
    d = json.loads(l)
    if sys.argv[1] in d['source']:
        for m in re.finditer(sys.argv[2], d['text']):
            print(d['source'][9:40], '|', d['text'][max(0, m.start()-80):m.end()+80].replace('\n', ' '))
