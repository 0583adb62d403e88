#!/usr/bin/env python3
"""Checker for quotes_eval36 (stdlib only). Exit status 1 on any failure.
Checks labels.jsonl against candidates.jsonl and the documents, and that labels_standoff.jsonl (offsets only)
rebuilds every text field of labels.jsonl exactly from the documents in ../shared/corpora."""
import collections, hashlib, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CORPORA = '/work/shared/corpora/'
KEYS = ['id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum', 'context', 'sentence', 'attributions', 'notes']
AKEYS = ['speaker_text', 'speaker', 'verb', 'quote', 'direct', 'speaker_in_sentence']
SKEYS = ['id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum', 'doc_sha256', 'context_start', 'context_end',
         'sentence_start', 'sentence_end', 'attributions', 'notes']
SAKEYS = ['speaker', 'speaker_text_start', 'speaker_text_end', 'verb', 'quote_start', 'quote_end', 'direct',
          'speaker_in_sentence']
cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
labels = [json.loads(l) for l in open(os.path.join(OUT, 'labels.jsonl'), encoding='utf-8')]
stand = [json.loads(l) for l in open(os.path.join(OUT, 'labels_standoff.jsonl'), encoding='utf-8')]
raw_ids = re.findall(r'^(ri\d{4})\b', open(os.path.join(HERE, 'labels_raw.txt'), encoding='utf-8').read(), re.M)
errs = []
def err(i, m): errs.append(f'{i}: {m}')
docs = {}
def doc(src):
    if src not in docs:
        docs[src] = open(CORPORA + src, encoding='utf-8', errors='replace').read()
    return docs[src]
cids = [c['id'] for c in cands]
for name, ids in (('labels.jsonl', [r['id'] for r in labels]), ('labels_standoff.jsonl', [r['id'] for r in stand]),
                  ('labels_raw.txt', raw_ids)):
    for i, n in collections.Counter(ids).items():
        if n != 1: err(i, f'labelled {n} times in {name}')
    if ids != cids: err('-', f'{name}: ids differ from sampled ids (or order)')
cby = {c['id']: c for c in cands}
sby = {r['id']: r for r in stand}
for r in labels:
    i = r['id']
    if list(r) != KEYS: err(i, f'key order {list(r)}')
    c = cby.get(i)
    if c is None: continue
    for k in KEYS[:9]:
        if r[k] != c[k]: err(i, f'{k} differs from candidates')
    if r['corpus'] not in ('chinadaily', 'nytimes') or r['split'] != 'test': err(i, 'corpus/split')
    d = doc(r['source'])
    if r['sentence'] not in r['context']: err(i, 'sentence not in context')
    if d[c['context_start']:c['context_end']] != r['context']: err(i, 'context not at its offsets in the document')
    if d[c['sentence_start']:c['sentence_end']] != r['sentence']: err(i, 'sentence not at its offsets in the document')
    if not r['attributions'] and not r['notes'].startswith('NEG'): err(i, 'negative without NEG note')
    if r['attributions'] and r['notes'].startswith('NEG'): err(i, 'positive with NEG note')
    for a in r['attributions']:
        if list(a) != AKEYS: err(i, f'attribution key order {list(a)}')
        q = a['quote']
        if not q or not q.strip(): err(i, 'empty quote')
        elif q not in r['context']: err(i, f'quote not in context: {q[:40]}')
        st = a['speaker_text']
        if st is None:
            if a['verb'] is not None: err(i, 'verb without speaker_text')
            if a['speaker_in_sentence']: err(i, 'speaker_in_sentence with null speaker_text')
        else:
            if st not in r['context']: err(i, f'speaker_text not in context: {st}')
            if a['speaker_in_sentence'] and st not in r['sentence']: err(i, f'speaker_text not in sentence: {st}')
            if not a['verb']: err(i, 'speaker_text without verb')
        if not a['speaker']: err(i, 'empty speaker')
        if a['direct'] and not re.search('["“”]', r['context']): err(i, 'direct quote without quotation mark')
        if not isinstance(a['direct'], bool) or not isinstance(a['speaker_in_sentence'], bool): err(i, 'bool fields')
    # stand-off: no article text, and it rebuilds this record exactly
    s = sby.get(i)
    if s is None: continue
    if list(s) != SKEYS: err(i, f'stand-off key order {list(s)}')
    if hashlib.sha256(d.encode('utf-8')).hexdigest() != s['doc_sha256']: err(i, 'doc_sha256 mismatch')
    rebuilt = {k: s[k] for k in KEYS[:7]}
    rebuilt['context'] = d[s['context_start']:s['context_end']]
    rebuilt['sentence'] = d[s['sentence_start']:s['sentence_end']]
    ra = []
    for a in s['attributions']:
        if list(a) != SAKEYS: err(i, f'stand-off attribution key order {list(a)}')
        if not (s['context_start'] <= a['quote_start'] < a['quote_end'] <= s['context_end']): err(i, 'quote offsets outside context')
        if a['speaker_text_start'] is None:
            stx = None
            if a['speaker_text_end'] is not None: err(i, 'half-null speaker offsets')
        else:
            stx = d[a['speaker_text_start']:a['speaker_text_end']]
            lo, hi = ((s['sentence_start'], s['sentence_end']) if a['speaker_in_sentence'] else (s['context_start'], s['context_end']))
            if not (lo <= a['speaker_text_start'] < a['speaker_text_end'] <= hi): err(i, 'speaker offsets outside sentence/context')
        ra.append({'speaker_text': stx, 'speaker': a['speaker'], 'verb': a['verb'],
                   'quote': d[a['quote_start']:a['quote_end']], 'direct': a['direct'],
                   'speaker_in_sentence': a['speaker_in_sentence']})
    rebuilt['attributions'] = ra
    rebuilt['notes'] = s['notes']
    if json.dumps(rebuilt, ensure_ascii=False) != json.dumps(r, ensure_ascii=False): err(i, 'stand-off rebuild differs from labels.jsonl')
for e in errs: print('FAIL', e)
pos = sum(bool(r['attributions']) for r in labels)
print(f'{len(labels)} items from {len({r["source"] for r in labels})} documents; {pos} positive, {len(labels)-pos} negative, '
      f'{sum(len(r["attributions"]) for r in labels)} attributions; doubtful {sum("doubtful" in r["notes"] for r in labels)}; '
      f'stand-off rebuild checked for {len(stand)} records')
print('check.py: ' + ('FAIL' if errs else 'all checks pass'))
sys.exit(1 if errs else 0)
