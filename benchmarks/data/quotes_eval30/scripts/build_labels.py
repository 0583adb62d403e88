#!/usr/bin/env python3
"""Join the hand labels (labels_raw.txt) with candidates.jsonl -> ../labels.jsonl (with text, local only) and
../labels_standoff.jsonl (offsets only, no article text). Stdlib only.

labels_raw.txt: a block per item.
  `rdNNNN | notes`                      (notes may be empty; negatives start with NEG)
  `+ speaker_text | speaker | verb | quote | D/I | S/C`   one line per attribution
  `-` = null, `=` (speaker) = same as speaker_text; `speaker_text@N` = the N-th whole-word occurrence in the
  sentence (for the stand-off offsets; the label keeps speaker_text without the suffix).
  quote: `Q` / `Q2` ... = the 1st / 2nd quoted segment of the sentence (text inside the marks, trailing comma dropped;
         a segment opened and not closed runs to the end of the sentence);
         `QQ` = from the first opening mark to the last closing mark of the sentence;
         `A ... B` = the shortest span starting with A and ending with B (sentence first, then context);
         otherwise the literal text (found in the sentence first, then the context).
  D = direct, I = indirect or mixed; S = speaker in sentence, C = not (context or absent).
"""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CORP = '/work/shared/corpora'

def quoted_segments(s):
    segs, i = [], 0
    while i < len(s):
        c = s[i]
        if c in '"“':
            j = s.find('"' if c == '"' else '”', i + 1)
            if j < 0:
                segs.append((i + 1, len(s))); break
            segs.append((i + 1, j)); i = j + 1
        else:
            i += 1
    return segs

def strip_span(s, a, b):
    while b > a and s[b - 1].isspace(): b -= 1
    while a < b and s[a].isspace(): a += 1
    if b > a and s[b - 1] == ',':
        b -= 1
        while b > a and s[b - 1].isspace(): b -= 1
    return a, b

def expand(spec, sent, ctx, s_in_c):
    """-> (start, end) of the quote in the context."""
    m = re.fullmatch(r'Q(\d*)', spec)
    if m:
        a, b = quoted_segments(sent)[int(m.group(1) or 1) - 1]
        a, b = strip_span(sent, a, b)
        return s_in_c + a, s_in_c + b
    if spec == 'QQ':
        segs = quoted_segments(sent)
        a, b = strip_span(sent, segs[0][0], segs[-1][1])
        return s_in_c + a, s_in_c + b
    for src, base in ((sent, s_in_c), (ctx, 0)):
        if ' ... ' in spec:
            x, y = spec.split(' ... ')
            i = src.find(x)
            if i >= 0:
                j = src.find(y, i + len(x))
                if j >= 0:
                    return base + i, base + j + len(y)
        else:
            i = src.find(spec)
            if i >= 0:
                return base + i, base + i + len(spec)
    raise ValueError(f'quote not found: {spec}')

def find_word(src, w, nth=1):
    ms = list(re.finditer(r'(?<!\w)' + re.escape(w) + r'(?!\w)', src))
    return ms[nth - 1].start() if len(ms) >= nth else -1

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
            m = re.match(r'(rd\d{4})\s*\|?\s*(.*)$', line)
            if not m: sys.exit(f'line {ln}: bad line: {line}')
            cur = m.group(1)
            if cur in labels: sys.exit(f'line {ln}: {cur} labelled twice')
            labels[cur] = {'notes': m.group(2).strip(), 'attr': []}
    return labels

def main():
    cands = [json.loads(l) for l in open(os.path.join(OUT, 'candidates.jsonl'), encoding='utf-8')]
    labels = parse(os.path.join(HERE, 'labels_raw.txt'))
    partial = '--partial' in sys.argv
    out, stand = [], []
    for c in cands:
        if c['id'] not in labels:
            if partial: continue
            sys.exit(f'unlabelled: {c["id"]}')
        L = labels[c['id']]
        sent, ctx = c['sentence'], c['context']
        cs = c['context_start']
        s_in_c = c['sentence_start'] - cs
        assert ctx[s_in_c:s_in_c + len(sent)] == sent, c['id']
        attrs, sattrs = [], []
        for st, sp, vb, q, d, s in L['attr']:
            st = None if st == '-' else st
            sp = re.sub(r'@\d+$', '', st) if (sp == '=' and st) else sp
            vb = None if vb == '-' else vb
            try:
                qa, qb = expand(q, sent, ctx, s_in_c)
            except Exception as e:
                sys.exit(f'{c["id"]}: {e}')
            nth = 1
            if st and re.search(r'@\d+$', st):
                st, nth = st.rsplit('@', 1)[0], int(st.rsplit('@', 1)[1])
            if st is None:
                ta = tb = None
            else:
                i = find_word(sent, st, nth)
                if i >= 0:
                    ta = cs + s_in_c + i
                else:
                    i = find_word(ctx, st)
                    if i < 0: sys.exit(f'{c["id"]}: speaker_text not found: {st}')
                    ta = cs + i
                tb = ta + len(st)
            attrs.append({'speaker_text': st, 'speaker': sp, 'verb': vb, 'quote': ctx[qa:qb],
                          'direct': d == 'D', 'speaker_in_sentence': s == 'S'})
            sattrs.append({'speaker': sp, 'speaker_text_start': ta, 'speaker_text_end': tb, 'verb': vb,
                           'quote_start': cs + qa, 'quote_end': cs + qb, 'direct': d == 'D',
                           'speaker_in_sentence': s == 'S'})
        base = {k: c[k] for k in ('id', 'source', 'corpus', 'doc_title', 'link', 'split', 'stratum')}
        out.append({**base, 'context': ctx, 'sentence': sent, 'attributions': attrs, 'notes': L['notes']})
        stand.append({**base, 'doc_sha256': c['doc_sha256'], 'context_start': c['context_start'],
                      'context_end': c['context_end'], 'sentence_start': c['sentence_start'],
                      'sentence_end': c['sentence_end'], 'attributions': sattrs, 'notes': L['notes']})
    extra = set(labels) - {c['id'] for c in cands}
    if extra: sys.exit(f'labels for unknown ids: {sorted(extra)}')
    if not partial:
        for name, rows in (('labels.jsonl', out), ('labels_standoff.jsonl', stand)):
            with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(out)} items, {sum(bool(r["attributions"]) for r in out)} positive, '
          f'{sum(len(r["attributions"]) for r in out)} attributions' + (' (partial, nothing written)' if partial else ''))
    if '--show' in sys.argv:
        for r in out:
            for a in r['attributions']:
                print(r['id'], '|', a['speaker_text'], '|', a['verb'], '|', a['quote'][:100])

if __name__ == '__main__':
    main()
