#!/usr/bin/env python3
"""Seeded sampling for quotes_eval30 (China Daily + NYT, part 1 of seed 20262929). Stdlib only.
Writes ../candidates.jsonl (the sampled units, with offsets into the document string)."""
import hashlib, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CORP = '/work/shared/corpora'
BASE = os.path.join(CORP, 'chinadaily-nyt-2013-15')
WITHHELD = ['/work/main/benchmarks/data/quotes_eval/withheld_ids.txt'] + \
    [f'/work/main/benchmarks/data/quotes_eval{i}/withheld_ids.txt' for i in range(2, 13)]
SEED = 20262929
NDOCS = 30
PART = 1          # this set takes ids[1::2]; set 29 takes ids[0::2]


def read_doc(path):
    return open(path, encoding='utf-8', errors='replace').read()


def key300(text):
    return text.strip()[:300]


ABBR = {'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov', 'jr', 'sr',
        'no', 'vs', 'inc', 'co', 'corp', 'ltd', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
        'e.g', 'i.e', 'approx', 'ft', 'mt', 'fr', 'rev', 'hon', 'supt', 'insp', 'cmdr', 'adm', 'maj', 'brig', 'messrs'}
BOUND = re.compile(r'([.?!])(["”’)]*)(\s+)(?=["“‘(]?[A-Z0-9])')
# NYT: the files lost their paragraph breaks: cut where end punctuation (+ closing quote) is directly
# followed by a capital or an opening quote (no space).
NYT_PARA = re.compile(r'(?<=[.?!])(["”’]*)(?=["“A-Z])')


def split_sents(par):
    """(start, end) spans of sentence units inside a paragraph (end punctuation + optional closing quote +
    whitespace + optional opening quote + capital/digit; not after abbreviations or single initials; a unit
    opening a quotation not closed in it is merged with the next)."""
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
    if start < len(par.rstrip()):
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


def lines_with_offsets(text):
    """(start, end) of every non-blank line, stripped of surrounding whitespace (incl. no-break spaces)."""
    out, off = [], 0
    for line in text.split('\n'):
        s = line.strip()
        if s:
            i = off + line.index(s)
            out.append((i, i + len(s)))
        off += len(line) + 1
    return out


def contexts(text, corpus):
    """(start, end) offsets of the contexts of a document."""
    lines = lines_with_offsets(text)
    if corpus == 'chinadaily':
        return lines
    out = []
    for a, b in lines:
        seg = text[a:b]
        st = 0
        for m in NYT_PARA.finditer(seg):
            cut = m.end(1)
            p = m.start(1) - 1                      # the end punctuation
            if seg[p] == '.' and p >= 1 and seg[p - 1].isupper() and (p == 1 or not seg[p - 2].isalpha()):
                continue                            # an initial or an abbreviation like U.S.
            if cut < len(seg) and cut > st:
                out.append((a + st, a + cut))
                st = cut
        out.append((a + st, b))
    return out


CUE = re.compile(r'["“”]|\b(said|says|say|saying|told|tells|tell|according to|stated|states|statement|added|adds|'
                 r'announced|announces|noted|notes|stressed|claimed|claims|reported|reports|explained|warned|'
                 r'insisted|argued|confirmed|denied|believes|believed|commented|wrote|writes|tweeted|remarked|'
                 r'asserted|acknowledged|suggested|described|called)\b')


def units(text, corpus):
    out, dup = [], set()
    for cs, ce in contexts(text, corpus):
        par = text[cs:ce]
        for s, e in split_sents(par):
            sent = par[s:e]
            if len(sent.split()) < 4 or sent in dup:
                continue
            dup.add(sent)
            out.append({'context_start': cs, 'context_end': ce, 'sentence_start': cs + s, 'sentence_end': cs + e,
                        'stratum': 'cue' if CUE.search(sent) else 'other'})
    return out


def title_of(name, corpus):
    stem = name[:-4]
    return stem.split(' ', 1)[1] if ' ' in stem else stem


def main():
    excluded = set()
    for w in WITHHELD:
        for line in open(w, encoding='utf-8'):
            f = line.rstrip('\n').split('\t')
            if len(f) >= 3 and f[2].startswith('chinadaily-nyt-2013-15/'):
                excluded.add(f[2][len('chinadaily-nyt-2013-15/'):])
    ex_keys = set()
    for p in excluded:
        fp = os.path.join(BASE, p)
        if os.path.exists(fp):
            ex_keys.add(key300(read_doc(fp)))
    print(f'excluded documents (earlier sets 1-12): {len(excluded)}')
    pools = {}
    reprints = {}
    for corpus in ('chinadaily', 'nytimes'):
        el, nrep = [], 0
        for name in sorted(os.listdir(os.path.join(BASE, corpus))):
            if not name.endswith('.txt'):
                continue
            rel = f'{corpus}/{name}'
            if rel in excluded:
                continue
            text = read_doc(os.path.join(BASE, rel))
            if key300(text) in ex_keys:
                nrep += 1
                continue
            us = units(text, corpus)
            if len(us) >= 5 and any(u['stratum'] == 'cue' for u in us):
                el.append(rel)
        pools[corpus] = sorted(el)
        reprints[corpus] = nrep
        print(f'{corpus}: eligible {len(el)} (reprints of excluded documents dropped: {nrep})')
    rng = random.Random(SEED)
    chosen = []
    for corpus in ('chinadaily', 'nytimes'):
        ids = list(pools[corpus])
        rng.shuffle(ids)
        part = ids[PART::2]
        keys, picked, skipped = set(), [], []
        for rel in part:
            if len(picked) == NDOCS:
                break
            k = key300(read_doc(os.path.join(BASE, rel)))
            if k in keys:              # reprint of a document already chosen
                skipped.append(rel)
                continue
            keys.add(k)
            picked.append(rel)
        print(f'{corpus}: chosen {len(picked)}, skipped as reprints of chosen: {skipped}')
        chosen += picked
    items, n = [], 0
    for rel in chosen:
        corpus, name = rel.split('/', 1)
        text = read_doc(os.path.join(BASE, rel))
        us = units(text, corpus)
        cue = [u for u in us if u['stratum'] == 'cue']
        oth = [u for u in us if u['stratum'] == 'other']
        pick = rng.sample(cue, min(3, len(cue))) + rng.sample(oth, min(2, len(oth)))
        pick.sort(key=lambda u: u['sentence_start'])
        sha = hashlib.sha256(text.encode('utf-8')).hexdigest()
        for u in pick:
            items.append({'id': f'rd{n:04d}', 'source': f'chinadaily-nyt-2013-15/{rel}', 'corpus': corpus,
                          'doc_title': title_of(name, corpus), 'link': None, 'split': 'test',
                          'stratum': u['stratum'],
                          'context': text[u['context_start']:u['context_end']],
                          'sentence': text[u['sentence_start']:u['sentence_end']],
                          'doc_sha256': sha,
                          'context_start': u['context_start'], 'context_end': u['context_end'],
                          'sentence_start': u['sentence_start'], 'sentence_end': u['sentence_end']})
            n += 1
    with open(os.path.join(OUT, 'candidates.jsonl'), 'w', encoding='utf-8') as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + '\n')
    print(f'documents {len(chosen)}; items {len(items)}: cue {sum(i["stratum"] == "cue" for i in items)}, '
          f'other {sum(i["stratum"] == "other" for i in items)}')


if __name__ == '__main__':
    main()
