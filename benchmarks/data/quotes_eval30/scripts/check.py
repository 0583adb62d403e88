#!/usr/bin/env python3
"""Checker for quotes_eval30 (stdlib only). Exit status 1 on any failure.
Checks labels.jsonl against the documents (read exactly as open(path, encoding='utf-8', errors='replace').read()),
candidates.jsonl and labels_raw.txt, and rebuilds every text field of labels.jsonl from labels_standoff.jsonl
(offsets) and the documents."""
import collections, hashlib, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CORP = '/work/shared/corpora'
KEYS = ['id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum', 'context', 'sentence', 'attributions', 'notes']
AKEYS = ['speaker_text', 'speaker', 'verb', 'quote', 'direct', 'speaker_in_sentence']
SKEYS = ['id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum', 'doc_sha256', 'context_start', 'context_end',
         'sentence_start', 'sentence_end', 'attributions', 'notes']
SAKEYS = ['speaker', 'speaker_text_start', 'speaker_text_end', 'verb', 'quote_start', 'quote_end', 'direct',
          'speaker_in_sentence']
docs = {}
def doc(src):
    if src not in docs:
        docs[src] = open(os.path.join(CORP, src), encoding='utf-8', errors='replace').read()
    return docs[src]
cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
labels = [json.loads(l) for l in open(os.path.join(OUT, 'labels.jsonl'), encoding='utf-8')]
stand = [json.loads(l) for l in open(os.path.join(OUT, 'labels_standoff.jsonl'), encoding='utf-8')]
raw_ids = re.findall(r'^(rd\d{4})\b', open(os.path.join(HERE, 'labels_raw.txt'), encoding='utf-8').read(), re.M)
errs = []
def err(i, m): errs.append(f'{i}: {m}')
cids = [c['id'] for c in cands]
for name, ids in (('labels.jsonl', [r['id'] for r in labels]), ('labels_standoff.jsonl', [r['id'] for r in stand]),
                  ('labels_raw.txt', raw_ids)):
    for i, n in collections.Counter(ids).items():
        if n != 1: err(i, f'labelled {n} times in {name}')
    if sorted(set(ids)) != sorted(cids): err('-', f'{name} ids differ from sampled ids')
cby = {c['id']: c for c in cands}
sby = {s['id']: s for s in stand}
for r in labels:
    i = r['id']
    if list(r) != KEYS: err(i, f'key order {list(r)}')
    c = cby.get(i)
    if c is None: continue
    for k in KEYS[:9]:
        if r[k] != c[k]: err(i, f'{k} differs from candidates')
    if r['corpus'] not in ('chinadaily', 'nytimes') or r['split'] != 'test': err(i, 'corpus/split')
    if r['source'] != f'chinadaily-nyt-2013-15/{r["corpus"]}/' + r['source'].rsplit('/', 1)[1]: err(i, 'source path')
    if r['sentence'] not in r['context']: err(i, 'sentence not in context')
    d = doc(r['source'])
    if d[c['context_start']:c['context_end']] != r['context']: err(i, 'context not at its offsets in the document')
    if d[c['sentence_start']:c['sentence_end']] != r['sentence']: err(i, 'sentence not at its offsets in the document')
    if not (c['context_start'] <= c['sentence_start'] < c['sentence_end'] <= c['context_end']): err(i, 'sentence outside context')
    if not r['attributions'] and not r['notes'].startswith('NEG'): err(i, 'negative without NEG note')
    if r['attributions'] and r['notes'].startswith('NEG'): err(i, 'positive with NEG note')
    for a in r['attributions']:
        if list(a) != AKEYS: err(i, f'attribution key order {list(a)}')
        q = a['quote']
        if not q or not q.strip(): err(i, 'empty quote')
        elif q not in r['context']: err(i, f'quote not in context')
        st = a['speaker_text']
        if st is None:
            if a['verb'] is not None: err(i, 'verb without speaker_text')
            if a['speaker_in_sentence']: err(i, 'speaker_in_sentence with null speaker_text')
        else:
            if st not in r['context']: err(i, 'speaker_text not in context')
            if a['speaker_in_sentence'] and st not in r['sentence']: err(i, 'speaker_text not in sentence')
            if not a['verb']: err(i, 'speaker_text without verb')
        if not a['speaker']: err(i, 'empty speaker')
        if a['direct'] and not re.search('["“”]', r['context']): err(i, 'direct quote without quotation mark')
        if not isinstance(a['direct'], bool) or not isinstance(a['speaker_in_sentence'], bool): err(i, 'bool fields')
    # stand-off rebuild: every text field of labels.jsonl from the document and the offsets
    s = sby.get(i)
    if s is None: continue
    if list(s) != SKEYS: err(i, f'stand-off key order {list(s)}')
    if hashlib.sha256(d.encode('utf-8')).hexdigest() != s['doc_sha256']: err(i, 'doc_sha256')
    rebuilt = {k: s[k] for k in KEYS[:7]}
    rebuilt['context'] = d[s['context_start']:s['context_end']]
    rebuilt['sentence'] = d[s['sentence_start']:s['sentence_end']]
    rebuilt['attributions'] = []
    for sa in s['attributions']:
        if list(sa) != SAKEYS: err(i, f'stand-off attribution key order {list(sa)}')
        st = None if sa['speaker_text_start'] is None else d[sa['speaker_text_start']:sa['speaker_text_end']]
        if st is not None and not (s['context_start'] <= sa['speaker_text_start'] and sa['speaker_text_end'] <= s['context_end']):
            err(i, 'stand-off speaker_text outside context')
        if not (s['context_start'] <= sa['quote_start'] < sa['quote_end'] <= s['context_end']):
            err(i, 'stand-off quote outside context')
        rebuilt['attributions'].append({'speaker_text': st, 'speaker': sa['speaker'], 'verb': sa['verb'],
                                        'quote': d[sa['quote_start']:sa['quote_end']], 'direct': sa['direct'],
                                        'speaker_in_sentence': sa['speaker_in_sentence']})
    rebuilt['notes'] = s['notes']
    if json.dumps(rebuilt, ensure_ascii=False) != json.dumps(r, ensure_ascii=False):
        err(i, 'stand-off rebuild differs from labels.jsonl')
    # the stand-off file holds no article text beyond the title
    for sa in s['attributions']:
        if sa['speaker'] and len(sa['speaker']) > 120: err(i, 'long speaker in stand-off')
for e in errs: print('FAIL', e)
pos = sum(bool(r['attributions']) for r in labels)
print(f'{len(labels)} items from {len({r["source"] for r in labels})} documents; {pos} positive, {len(labels)-pos} negative, '
      f'{sum(len(r["attributions"]) for r in labels)} attributions; doubtful {sum("doubtful" in r["notes"] for r in labels)}')
print('stand-off rebuild: ' + ('FAIL' if any('stand-off' in e or 'doc_sha256' in e for e in errs) else f'{len(stand)}/{len(labels)} records rebuild labels.jsonl exactly'))
print('check.py: ' + ('FAIL' if errs else 'all checks pass'))
sys.exit(1 if errs else 0)
