#!/usr/bin/env python3
"""Seeded sampling for quotes_eval26 (English Wikinews, vanatteveldt/wikinews). Stdlib only.
Writes ../docs.jsonl (the 60 sampled documents) and ../candidates.jsonl (the sampled units)."""
import csv, io, json, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
REPO = 'vanatteveldt/wikinews'
COMMIT = '347254178bf343f3801aac1d03c41cc09c35decb'
PATHS = ['data/wikinews_2019.csv', 'data/wikinews_2020.csv']
GITDIR = '/work/.mirror/vanatteveldt+wikinews/repo'
SEED = 20262626
NDOCS = 60
POOL_SEED = 20262600
PART = 0
EXCLUDE = '/work/labels/quotes_eval25/docs.jsonl'

def load_csv(path):
    raw = subprocess.run(['git', '-C', GITDIR, 'show', f'{COMMIT}:{path}'], check=True,
                         capture_output=True).stdout.decode('utf-8')
    return list(csv.DictReader(io.StringIO(raw, newline='')))

DATE_RE = re.compile(r'^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$')

def clean(text):
    text = text.replace('\xa0', ' ').replace('\r', '')
    paras = []
    for p in re.split(r'\n\s*\n', text):
        p = re.sub(r'\s*\n\s*', ' ', p).strip()
        p = re.sub(r'[ \t]{2,}', ' ', p)
        if not p:
            continue
        if DATE_RE.match(p):                       # date header
            continue
        if p.startswith('—') or p.startswith('Image:') or '██' in p:   # pull-quote credit, caption, legend
            continue
        if p.startswith('This article requires pre-publication review'):
            continue
        if len(p.split()) < 8 and not re.search(r'[.?!]["”’)]?$', p):  # captions/headings without end punctuation
            continue
        paras.append(p)
    return paras

ABBR = {'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov', 'jr', 'sr',
        'no', 'vs', 'inc', 'co', 'corp', 'ltd', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
        'e.g', 'i.e', 'approx', 'ft', 'mt', 'fr', 'rev', 'hon', 'gov', 'supt', 'insp', 'cmdr', 'adm', 'maj', 'brig'}
BOUND = re.compile(r'([.?!])(["”’)]*)(\s+)(?=["“‘(]?[A-Z0-9])')

def split_sents(par):
    """(start, end) spans of sentence units inside a paragraph."""
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
    # merge a unit that opens a quotation closed only in a later unit
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

CUE = re.compile(r'["“”]|\b(said|says|say|saying|told|tells|tell|according to|stated|states|statement|added|adds|'
                 r'announced|announces|noted|notes|stressed|claimed|claims|reported|reports|explained|warned|'
                 r'insisted|argued|confirmed|denied|believes|believed|commented|wrote|writes|tweeted|remarked|'
                 r'asserted|acknowledged|suggested|described|called)\b')

def slug(title):
    s = re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')
    return s[:80].strip('-')

def main():
    docs = []
    for path in PATHS:
        for i, r in enumerate(load_csv(path)):
            paras = clean(r['text'])
            docs.append({'row': f'{path}#row{i}', 'title': r['title'].strip(), 'url': r['url'].replace('.org//wiki/', '.org/wiki/'),
                         'date': r['date'] or None, 'paras': paras, 'raw': r['text']})
    seen = {}
    eligible = {}
    n_interview = 0
    for d in docs:
        sid = 'wikinews/' + slug(d['title'])
        if sid in seen:
            sid = sid + '-2'
        seen[sid] = 1
        d['source'] = sid
        if '((' in d['raw']:          # Q&A interviews (answers partly lost in the scrape): not prose
            n_interview += 1
            continue
        text = '\n\n'.join(d['paras'])
        units, off, dup = [], 0, set()
        for par in d['paras']:
            for s, e in split_sents(par):
                sent = par[s:e]
                if len(sent.split()) < 4 or sent in dup:
                    continue
                dup.add(sent)
                units.append({'sentence': sent, 'context': par, 'start': off + s})
            off += len(par) + 2
        for u in units:
            assert text[u['start']:u['start'] + len(u['sentence'])] == u['sentence']
            u['stratum'] = 'cue' if CUE.search(u['sentence']) else 'other'
        if len(units) >= 5 and any(u['stratum'] == 'cue' for u in units):
            d['text'] = text
            d['units'] = units
            eligible[sid] = d
    ids = sorted(eligible)
    print(f'documents {len(docs)}, interviews excluded {n_interview}, eligible {len(ids)}')
    excl = {json.loads(l)['source'] for l in open(EXCLUDE, encoding='utf-8')}
    assert len(excl) == 60 and excl <= set(ids), 'set 25 sources must all be eligible'
    ids = sorted(set(ids) - excl)
    random.Random(POOL_SEED).shuffle(ids)
    pool = sorted(ids[PART::3])
    print(f'eligible minus set 25: {len(ids)}, pool (part {PART}): {len(pool)}')
    rng = random.Random(SEED)
    chosen = rng.sample(pool, min(NDOCS, len(pool)))
    items, n = [], 0
    with open(os.path.join(OUT, 'docs.jsonl'), 'w', encoding='utf-8') as fd:
        for sid in chosen:
            d = eligible[sid]
            fd.write(json.dumps({'source': sid, 'title': d['title'], 'url': d['url'], 'date': d['date'],
                                 'text': d['text']}, ensure_ascii=False) + '\n')
            cue = [u for u in d['units'] if u['stratum'] == 'cue']
            oth = [u for u in d['units'] if u['stratum'] == 'other']
            pick = rng.sample(cue, min(3, len(cue))) + rng.sample(oth, min(2, len(oth)))
            pick.sort(key=lambda u: u['start'])
            for u in pick:
                items.append({'id': f'qz{n:04d}', 'source': sid, 'corpus': 'wikinews', 'doc_title': d['title'],
                              'link': d['url'], 'split': 'test', 'stratum': u['stratum'], 'context': u['context'],
                              'sentence': u['sentence'], 'sent_start': u['start'], 'provenance': f'{REPO}@{COMMIT}:{d["row"]}'})
                n += 1
    with open(os.path.join(OUT, 'candidates.jsonl'), 'w', encoding='utf-8') as fc:
        for it in items:
            fc.write(json.dumps(it, ensure_ascii=False) + '\n')
    print(f'items {len(items)}: cue {sum(i["stratum"]=="cue" for i in items)}, other {sum(i["stratum"]=="other" for i in items)}')

if __name__ == '__main__':
    main()
