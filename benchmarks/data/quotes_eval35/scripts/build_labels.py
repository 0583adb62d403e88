#!/usr/bin/env python3
"""Join the hand labels (labels_raw.txt) with candidates.jsonl -> ../labels.jsonl (full, with text; local only)
and ../labels_standoff.jsonl (offsets only, no article text; committable). Stdlib only.

labels_raw.txt: a block per item.
  `rhNNNN | notes`                      (notes may be empty; negatives start with NEG)
  `+ speaker_text | speaker | verb | quote | D/I | S/C`   one line per attribution
  `-` = null, `=` (speaker) = same as speaker_text.
  quote: `Q` / `Q2` ... = the 1st / 2nd quoted segment of the sentence (text inside the marks, trailing comma dropped);
         `QQ` = from the first opening mark to the last closing mark of the sentence;
         `A ... B` = the shortest span starting with A and ending with B (sentence first, then context);
         otherwise the literal text.
  D = direct, I = indirect or mixed; S = speaker in sentence, C = not (context or absent).
Offsets: a quote is located in the sentence (first occurrence) else in the context; a speaker_text is the
word-bounded occurrence in the sentence (S) or context (C) nearest to its quote; a `#N` suffix on speaker_text
(e.g. `he#2`) picks the N-th word-bounded occurrence instead (the suffix is not part of the text).
"""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
PREFIX = 'rh'

def quoted_segments(s):
    segs, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '"':
            j = s.find('"', i + 1)
            if j < 0: break
            segs.append((i + 1, j)); i = j + 1
        elif c == '“':
            j = s.find('”', i + 1)
            if j < 0: break
            segs.append((i + 1, j)); i = j + 1
        else:
            i += 1
    return segs

def strip_q(a, b, s):
    """(a, b) of the quote inside s with surrounding blanks and a trailing comma dropped."""
    while a < b and s[a].isspace(): a += 1
    while b > a and s[b - 1].isspace(): b -= 1
    if b > a and s[b - 1] == ',':
        b -= 1
        while b > a and s[b - 1].isspace(): b -= 1
    return a, b

def expand(spec, sent, ctx, s_off, c_off):
    """-> (start, end) of the quote in the document."""
    m = re.fullmatch(r'Q(\d*)', spec)
    if m:
        n = int(m.group(1) or 1)
        a, b = strip_q(*quoted_segments(sent)[n - 1], sent)
        return s_off + a, s_off + b
    if spec == 'QQ':
        segs = quoted_segments(sent)
        a, b = strip_q(segs[0][0], segs[-1][1], sent)
        return s_off + a, s_off + b
    if ' ... ' in spec:
        a, b = spec.split(' ... ')
        for src, off in ((sent, s_off), (ctx, c_off)):
            i = src.find(a)
            if i >= 0:
                j = src.find(b, i + len(a))
                if j >= 0:
                    return off + i, off + j + len(b)
        raise ValueError(f'span not found: {spec}')
    for src, off in ((sent, s_off), (ctx, c_off)):
        i = src.find(spec)
        if i >= 0:
            return off + i, off + i + len(spec)
    raise ValueError(f'quote not found: {spec}')

def find_speaker(st, src, off, qa, qb, nth=None):
    if nth is not None:
        ms = list(re.finditer(r'(?<!\w)' + re.escape(st) + r'(?!\w)', src))
        if len(ms) < nth:
            raise ValueError(f'speaker_text occurrence #{nth} not found: {st}')
        return off + ms[nth - 1].start(), off + ms[nth - 1].end()
    best = None
    for m in re.finditer(r'(?<!\w)' + re.escape(st) + r'(?!\w)', src):
        a, b = off + m.start(), off + m.end()
        d = 0 if (a < qb and b > qa) else min(abs(a - qb), abs(qa - b))
        if best is None or d < best[0]:
            best = (d, a, b)
    if best is None:
        raise ValueError(f'speaker_text not found: {st}')
    return best[1], best[2]

def parse(path):
    labels, cur = {}, None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('+ '):
            f = [x.strip() for x in line[2:].split(' | ')]
            if len(f) != 6: sys.exit(f'line {ln}: need 6 fields: {line}')
            if cur is None: sys.exit(f'line {ln}: attribution before an id')
            labels[cur]['attr'].append(f)
        else:
            m = re.match(PREFIX + r'(\d{4})\s*\|?\s*(.*)$', line)
            if not m: sys.exit(f'line {ln}: bad line: {line}')
            cur = PREFIX + m.group(1)
            if cur in labels: sys.exit(f'line {ln}: {cur} labelled twice')
            labels[cur] = {'notes': m.group(2).strip(), 'attr': []}
    return labels

def main():
    cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
    labels = parse(os.path.join(HERE, 'labels_raw.txt'))
    partial = '--partial' in sys.argv
    full, stand = [], []
    for c in cands:
        if c['id'] not in labels:
            if partial: continue
            sys.exit(f'unlabelled: {c["id"]}')
        L = labels[c['id']]
        doc = open('/work/shared/corpora/' + c['source'], encoding='utf-8', errors='replace').read()
        sent, ctx = c['sentence'], c['context']
        so, co = c['sentence_start'], c['context_start']
        assert doc[so:c['sentence_end']] == sent and doc[co:c['context_end']] == ctx, c['id']
        attrs, sattrs = [], []
        for st, sp, vb, q, d, s in L['attr']:
            st = None if st == '-' else st
            nth = None
            if st is not None:
                mm = re.fullmatch(r'(.+)#(\d+)', st)
                if mm:
                    st, nth = mm.group(1), int(mm.group(2))
            sp = st if sp == '=' else sp
            vb = None if vb == '-' else vb
            try:
                qa, qb = expand(q, sent, ctx, so, co)
                if st is None:
                    sa = sb = None
                elif s == 'S':
                    sa, sb = find_speaker(st, sent, so, qa, qb, nth)
                else:
                    sa, sb = find_speaker(st, ctx, co, qa, qb, nth)
            except (ValueError, IndexError) as e:
                sys.exit(f'{c["id"]}: {e}')
            attrs.append({'speaker_text': st, 'speaker': sp, 'verb': vb, 'quote': doc[qa:qb],
                          'direct': d == 'D', 'speaker_in_sentence': s == 'S'})
            sattrs.append({'speaker': sp, 'speaker_text_start': sa, 'speaker_text_end': sb, 'verb': vb,
                           'quote_start': qa, 'quote_end': qb, 'direct': d == 'D', 'speaker_in_sentence': s == 'S'})
        head = {k: c[k] for k in ('id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum')}
        full.append({**head, 'context': ctx, 'sentence': sent, 'attributions': attrs, 'notes': L['notes']})
        stand.append({**head, 'doc_sha256': c['doc_sha256'], 'context_start': c['context_start'],
                      'context_end': c['context_end'], 'sentence_start': c['sentence_start'],
                      'sentence_end': c['sentence_end'], 'attributions': sattrs, 'notes': L['notes']})
    extra = set(labels) - {c['id'] for c in cands}
    if extra: sys.exit(f'labels for unknown ids: {sorted(extra)}')
    if not partial:
        with open(os.path.join(OUT, 'labels.jsonl'), 'w', encoding='utf-8') as f:
            for r in full:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        with open(os.path.join(OUT, 'labels_standoff.jsonl'), 'w', encoding='utf-8') as f:
            for r in stand:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(full)} items, {sum(bool(r["attributions"]) for r in full)} positive, '
          f'{sum(len(r["attributions"]) for r in full)} attributions' + (' (partial, nothing written)' if partial else ''))
    if partial or '--show' in sys.argv:
        for r in full:
            for a in r['attributions']:
                print(r['id'], '|', a['speaker_text'], '|', a['verb'], '|', a['quote'][:100])

if __name__ == '__main__':
    main()
