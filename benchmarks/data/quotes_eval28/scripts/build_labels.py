#!/usr/bin/env python3
"""Join the hand labels (labels_raw.txt) with candidates.jsonl -> ../labels.jsonl. Stdlib only.

labels_raw.txt: a block per item.
  `rbNNNN | notes`                      (notes may be empty; negatives start with NEG)
  `+ speaker_text | speaker | verb | quote | D/I | S/C`   one line per attribution
  `-` = null, `=` (speaker) = same as speaker_text.
  quote: `Q` / `Q2` ... = the 1st / 2nd quoted segment of the sentence (text inside the marks, trailing comma dropped);
         `QQ` = from the first opening mark to the last closing mark of the sentence;
         `A ... B` = the shortest context span starting with A and ending with B; otherwise the literal text.
  D = direct, I = indirect or mixed; S = speaker in sentence, C = not (context or absent).
"""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

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

def strip_q(q):
    q = q.strip()
    return q[:-1].rstrip() if q.endswith(',') else q

def expand(spec, sent, ctx):
    m = re.fullmatch(r'Q(\d*)', spec)
    if m:
        n = int(m.group(1) or 1)
        a, b = quoted_segments(sent)[n - 1]
        return strip_q(sent[a:b])
    if spec == 'QQ':
        segs = quoted_segments(sent)
        return strip_q(sent[segs[0][0]:segs[-1][1]])
    if ' ... ' in spec:
        a, b = spec.split(' ... ')
        for src in (sent, ctx):
            i = src.find(a)
            if i >= 0:
                j = src.find(b, i + len(a))
                if j >= 0:
                    return src[i:j + len(b)]
        raise ValueError(f'span not found: {spec}')
    return spec

def parse(path):
    labels, cur = {}, None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('+ '):
            f = [x.strip() for x in line[2:].split(' | ')]
            if len(f) != 6: sys.exit(f'line {ln}: need 6 fields: {line}')
            labels[cur]['attr'].append(f)
        else:
            m = re.match(r'(rb\d{4})\s*\|?\s*(.*)$', line)
            if not m: sys.exit(f'line {ln}: bad line: {line}')
            cur = m.group(1)
            if cur in labels: sys.exit(f'line {ln}: {cur} labelled twice')
            labels[cur] = {'notes': m.group(2).strip(), 'attr': []}
    return labels

def main():
    cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
    labels = parse(os.path.join(HERE, 'labels_raw.txt'))
    partial = '--partial' in sys.argv
    out = []
    for c in cands:
        if c['id'] not in labels:
            if partial: continue
            sys.exit(f'unlabelled: {c["id"]}')
        L = labels[c['id']]
        attrs = []
        for st, sp, vb, q, d, s in L['attr']:
            st = None if st == '-' else st
            sp = st if sp == '=' else sp
            vb = None if vb == '-' else vb
            attrs.append({'speaker_text': st, 'speaker': sp, 'verb': vb,
                          'quote': expand(q, c['sentence'], c['context']),
                          'direct': d == 'D', 'speaker_in_sentence': s == 'S'})
        out.append({'id': c['id'], 'source': c['source'], 'corpus': c['corpus'], 'doc_title': c['doc_title'],
                    'link': c['link'], 'split': c['split'], 'stratum': c['stratum'], 'context': c['context'],
                    'sentence': c['sentence'], 'attributions': attrs, 'notes': L['notes']})
    extra = set(labels) - {c['id'] for c in cands}
    if extra: sys.exit(f'labels for unknown ids: {sorted(extra)}')
    if not partial:
        with open(os.path.join(OUT, 'labels.jsonl'), 'w', encoding='utf-8') as f:
            for r in out:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(out)} items, {sum(bool(r["attributions"]) for r in out)} positive, '
          f'{sum(len(r["attributions"]) for r in out)} attributions' + (' (partial, nothing written)' if partial else ''))
    if partial:
        for r in out:
            for a in r['attributions']:
                print(r['id'], '|', a['speaker_text'], '|', a['verb'], '|', a['quote'][:90])

if __name__ == '__main__':
    main()
