#!/usr/bin/env python3
"""Seeded sampling for quotes_eval35 (China Daily + NYT, chinadaily-nyt-2013-15). Stdlib only.
Writes ../candidates.jsonl (the sampled units, with document offsets). Part 0 of a two-way split:
the other half of the shuffled eligible ids belongs to set 36 (sets 35 and 36 are parts 0 and 1).
Also excludes the documents of sets 29 to 34 (the `source` field of their labels_standoff.jsonl).

Document = open(path, encoding="utf-8", errors="replace").read(); every offset indexes that string.
"""
import glob, hashlib, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ROOT = '/work/shared/corpora/chinadaily-nyt-2013-15'
DATA = '/work/main/benchmarks/data'
WITHHELD = [f'{DATA}/quotes_eval/withheld_ids.txt'] + [f'{DATA}/quotes_eval{i}/withheld_ids.txt' for i in range(2, 13)]
SEED = 20263536
PART = 0
NDOCS = 30
PREFIX = 'rh'

def read_doc(path):
    return open(path, encoding='utf-8', errors='replace').read()

ABBR = {'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov', 'jr', 'sr',
        'no', 'vs', 'inc', 'co', 'corp', 'ltd', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
        'e.g', 'i.e', 'approx', 'ft', 'mt', 'fr', 'rev', 'hon', 'supt', 'insp', 'cmdr', 'adm', 'maj', 'brig'}
BOUND = re.compile(r'([.?!])(["”’)]*)(\s+)(?=["“‘(]?[A-Z0-9])')
# NYT paragraph cut: end punctuation (+ closing quote) directly followed by a capital or an opening quote
GLUE = re.compile(r'[.?!]["”’]*(?=[A-Z"“])')
CUE = re.compile(r'["“”]|\b(said|says|say|saying|told|tells|tell|according to|stated|states|statement|added|adds|'
                 r'announced|announces|noted|notes|stressed|claimed|claims|reported|reports|explained|warned|'
                 r'insisted|argued|confirmed|denied|believes|believed|commented|wrote|writes|tweeted|remarked|'
                 r'asserted|acknowledged|suggested|described|called)\b')

def lines(text):
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    out, off = [], 0
    for ln in text.split('\n'):
        s = ln.strip()
        if s:
            a = off + (len(ln) - len(ln.lstrip()))
            out.append((a, a + len(s)))
        off += len(ln) + 1
    return out

def contexts(text, corpus):
    spans = lines(text)
    if corpus == 'chinadaily':
        return spans
    out = []
    for a, b in spans:
        seg = text[a:b]
        st = 0
        for m in GLUE.finditer(seg):
            out.append((a + st, a + m.end()))
            st = m.end()
        out.append((a + st, b))
    return [(a, b) for a, b in out if text[a:b].strip()]

def split_sents(par):
    spans, start = [], 0
    for m in BOUND.finditer(par):
        end = m.end(2)
        if m.group(1) == '.':
            tok = par[start:m.start(1)].split()
            last = tok[-1].lower().lstrip('("“') if tok else ''
            if last in ABBR or re.fullmatch(r'[A-Za-z]', last) or re.fullmatch(r'(?:[a-z]\.)+[a-z]', last):
                continue
        spans.append((start, end))
        start = m.end(3)
    if start < len(par):
        spans.append((start, len(par.rstrip())))
    merged = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            prev = par[ps:pe]
            if (prev.count('"') % 2 == 1) or (prev.count('“') > prev.count('”')):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged

def units(text, corpus):
    out, dup = [], set()
    for ca, cb in contexts(text, corpus):
        par = text[ca:cb]
        for s, e in split_sents(par):
            sent = par[s:e]
            if len(sent.split()) < 4 or sent in dup:
                continue
            dup.add(sent)
            out.append({'context_start': ca, 'context_end': cb, 'sentence_start': ca + s, 'sentence_end': ca + e,
                        'stratum': 'cue' if CUE.search(sent) else 'other'})
    return out

def key(text):
    return text.strip()[:300]

def main():
    excluded = set()
    for f in WITHHELD:
        for l in open(f, encoding='utf-8'):
            p = l.rstrip('\n').split('\t')
            if len(p) >= 3 and p[2].startswith('chinadaily-nyt-2013-15/'):
                excluded.add(p[2][len('chinadaily-nyt-2013-15/'):])
    for k in (29, 30, 31, 32, 33, 34):  # the documents of sets 29 to 34 (their `source` field only)
        for l in open(f'{DATA}/quotes_eval{k}/labels_standoff.jsonl', encoding='utf-8'):
            excluded.add(json.loads(l)['source'][len('chinadaily-nyt-2013-15/'):])
    allfiles = {}
    for corpus in ('chinadaily', 'nytimes'):
        for path in sorted(glob.glob(f'{ROOT}/{corpus}/*.txt')):
            allfiles[f'{corpus}/{os.path.basename(path)}'] = (corpus, path)
    bad_keys = {key(read_doc(allfiles[s][1])) for s in excluded if s in allfiles}
    print(f'excluded (earlier sets): {len(excluded)} documents, {sum(s in allfiles for s in excluded)} found in the pool')
    eligible = {'chinadaily': [], 'nytimes': []}
    seen_key = {}
    n_reprint = 0
    docs = {}
    for sid in sorted(allfiles):
        corpus, path = allfiles[sid]
        if sid in excluded:
            continue
        text = read_doc(path)
        k = key(text)
        if k in bad_keys or k in seen_key:      # reprint of an excluded document, or of an earlier (sorted) eligible one
            n_reprint += 1
            continue
        us = units(text, corpus)
        if len(us) >= 5 and any(u['stratum'] == 'cue' for u in us):
            seen_key[k] = sid
            eligible[corpus].append(sid)
            docs[sid] = (corpus, path, text, us)
    print(f'reprints dropped: {n_reprint}; eligible: chinadaily {len(eligible["chinadaily"])}, nytimes {len(eligible["nytimes"])}')
    rng = random.Random(SEED)
    chosen = []
    for corpus in ('chinadaily', 'nytimes'):
        ids = sorted(eligible[corpus])
        rng.shuffle(ids)
        chosen += ids[PART::2][:NDOCS]
    items, n = [], 0
    for sid in chosen:
        corpus, path, text, us = docs[sid]
        cue = [u for u in us if u['stratum'] == 'cue']
        oth = [u for u in us if u['stratum'] == 'other']
        pick = rng.sample(cue, min(3, len(cue))) + rng.sample(oth, min(2, len(oth)))
        pick.sort(key=lambda u: u['sentence_start'])
        title = os.path.basename(path)[:-4].split(' ', 1)[1]
        sha = hashlib.sha256(text.encode('utf-8')).hexdigest()
        for u in pick:
            items.append({'id': f'{PREFIX}{n:04d}', 'source': f'chinadaily-nyt-2013-15/{sid}', 'corpus': corpus,
                          'doc_title': title, 'link': None, 'split': 'test', 'stratum': u['stratum'],
                          'context': text[u['context_start']:u['context_end']],
                          'sentence': text[u['sentence_start']:u['sentence_end']],
                          'doc_sha256': sha, 'context_start': u['context_start'], 'context_end': u['context_end'],
                          'sentence_start': u['sentence_start'], 'sentence_end': u['sentence_end']})
            n += 1
    with open(os.path.join(OUT, 'candidates.jsonl'), 'w', encoding='utf-8') as fc:
        for it in items:
            fc.write(json.dumps(it, ensure_ascii=False) + '\n')
    print(f'documents {len(chosen)}; items {len(items)}: cue {sum(i["stratum"]=="cue" for i in items)}, '
          f'other {sum(i["stratum"]=="other" for i in items)}')

if __name__ == '__main__':
    main()
