#!/usr/bin/env python3
"""Checker for quotes_eval28 (stdlib only). Exit status 1 on any failure."""
import collections, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
KEYS = ['id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum', 'context', 'sentence', 'attributions', 'notes']
AKEYS = ['speaker_text', 'speaker', 'verb', 'quote', 'direct', 'speaker_in_sentence']
docs = {}
for l in open(os.path.join(OUT, 'docs.jsonl'), encoding='utf-8'):
    d = json.loads(l)
    assert list(d) == ['source', 'title', 'url', 'date', 'text'], d.keys()
    docs[d['source']] = d
cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
labels = [json.loads(l) for l in open(os.path.join(OUT, 'labels.jsonl'), encoding='utf-8')]
raw_ids = re.findall(r'^(rb\d{4})\b', open(os.path.join(HERE, 'labels_raw.txt'), encoding='utf-8').read(), re.M)
errs = []
def err(i, m): errs.append(f'{i}: {m}')
cnt = collections.Counter(r['id'] for r in labels)
for i, n in cnt.items():
    if n != 1: err(i, f'labelled {n} times in labels.jsonl')
for i, n in collections.Counter(raw_ids).items():
    if n != 1: err(i, f'labelled {n} times in labels_raw.txt')
cids = [c['id'] for c in cands]
if sorted(cnt) != sorted(cids): err('-', 'labelled ids differ from sampled ids')
if sorted(set(raw_ids)) != sorted(cids): err('-', 'labels_raw ids differ from sampled ids')
cby = {c['id']: c for c in cands}
for r in labels:
    i = r['id']
    if list(r) != KEYS: err(i, f'key order {list(r)}')
    c = cby.get(i)
    if c is None: continue
    for k in KEYS[:9]:
        if r[k] != c[k]: err(i, f'{k} differs from candidates')
    if r['corpus'] != 'wikinews' or r['split'] != 'test': err(i, 'corpus/split')
    if r['sentence'] not in r['context']: err(i, 'sentence not in context')
    d = docs.get(r['source'])
    if d is None: err(i, 'source not in docs.jsonl'); continue
    if r['context'] not in d['text']: err(i, 'context not in document text')
    if d['text'][c['sent_start']:c['sent_start'] + len(r['sentence'])] != r['sentence']: err(i, 'sentence offset')
    if not r['attributions'] and not r['notes'].startswith('NEG'): err(i, 'negative without NEG note')
    if r['attributions'] and r['notes'].startswith('NEG'): err(i, 'positive with NEG note')
    for a in r['attributions']:
        if list(a) != AKEYS: err(i, f'attribution key order {list(a)}')
        q = a['quote']
        if not q or not q.strip(): err(i, 'empty quote')
        elif q not in d['text']: err(i, f'quote not in document: {q[:40]}')
        elif q not in r['context']: err(i, f'quote not in context: {q[:40]}')
        st = a['speaker_text']
        if st is None:
            if a['verb'] is not None: err(i, 'verb without speaker_text')
            if a['speaker_in_sentence']: err(i, 'speaker_in_sentence with null speaker_text')
        else:
            if st not in r['context']: err(i, f'speaker_text not in context: {st}')
            if a['speaker_in_sentence'] and st not in r['sentence']: err(i, f'speaker_text not in sentence: {st}')
        if not a['speaker']: err(i, 'empty speaker')
        if a['direct'] and not re.search('["“”]', r['context']): err(i, 'direct quote without quotation mark')
        if not isinstance(a['direct'], bool) or not isinstance(a['speaker_in_sentence'], bool): err(i, 'bool fields')
for e in errs: print('FAIL', e)
pos = sum(bool(r['attributions']) for r in labels)
print(f'{len(labels)} items from {len({r["source"] for r in labels})} documents; {pos} positive, {len(labels)-pos} negative, '
      f'{sum(len(r["attributions"]) for r in labels)} attributions; doubtful {sum("doubtful" in r["notes"] for r in labels)}')
print('check.py: ' + ('FAIL' if errs else 'all checks pass'))
sys.exit(1 if errs else 0)
