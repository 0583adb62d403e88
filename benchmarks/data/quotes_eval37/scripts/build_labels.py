"""Build the stand-off label files of the headline sets (quotes_eval37: statemedia-headlines,
dev and test; quotes_eval38: cn-statemedia-headlines, test) from the sampled items
(items*.jsonl) and the labellers' files (labels*.jsonl): offsets into each headline, its sha256,
no text; quotes_eval39 (cn-statemedia-headlines, dev) likewise from items_cn_dev.jsonl and
labels_cnd*.jsonl, and quotes_eval40 (dev) from items_cn_dev2.jsonl and labels_cne*.jsonl. Run
from this folder: python build_labels.py OUT37 OUT38 [OUT39 [OUT40]]"""

import json
import re
import sys
from pathlib import Path


def read(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line]


def resolved(written):
    """The speaker a source as written resolves to (toolkit.quotes' ``speaker``): the name it ends
    in after lower-case words ("UFC icon Khabib Nurmagomedov" -> "Khabib Nurmagomedov"), else
    the source as written."""
    m = re.search(r"(?:^|\s)[a-z][\w-]*\s+((?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+)$", written)
    return m.group(1) if m else written


def build(items, labels, out, corpus):
    by_id = {lab["id"]: lab for lab in labels}
    assert set(by_id) == {it["id"] for it in items}, "every item labelled once"
    rows = []
    for it in items:
        lab, text = by_id[it["id"]], it["text"]
        atts = []
        for a in lab["attributions"]:
            s = text.find(a["speaker_text"])
            q = text.find(a["quote"])
            assert s >= 0 and q >= 0, (it["id"], a)
            atts.append({"speaker": resolved(a["speaker_text"]), "speaker_text_start": s,
                         "speaker_text_end": s + len(a["speaker_text"]), "verb": None,
                         "quote_start": q, "quote_end": q + len(a["quote"])})
        rows.append({"id": it["id"], "source": it["source"], "corpus": corpus,
                     "outlet": it["outlet"], "doc_title": None, "link": None,
                     "split": it["split"], "stratum": "headline", "doc_sha256": it["doc_sha256"],
                     "context_start": 0, "context_end": len(text), "sentence_start": 0,
                     "sentence_end": len(text), "attributions": atts,
                     "doubtful": lab.get("doubtful", False), "notes": lab.get("notes", "")})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(out, len(rows), sum(bool(r["attributions"]) for r in rows))


if __name__ == "__main__":
    labels = [lab for k in range(3) for lab in read(f"labels{k}.jsonl")]
    build(read("items.jsonl"), labels, sys.argv[1], "statemedia-headlines")
    if all(Path(f"labels_cn{k}.jsonl").is_file() for k in range(2)):
        labels = [lab for k in range(2) for lab in read(f"labels_cn{k}.jsonl")]
        build(read("items_cn.jsonl"), labels, sys.argv[2], "cn-statemedia-headlines")
    if len(sys.argv) > 3:
        labels = [lab for k in range(2) for lab in read(f"labels_cnd{k}.jsonl")]
        build(read("items_cn_dev.jsonl"), labels, sys.argv[3], "cn-statemedia-headlines")
    if len(sys.argv) > 4:
        labels = [lab for k in range(2) for lab in read(f"labels_cne{k}.jsonl")]
        build(read("items_cn_dev2.jsonl"), labels, sys.argv[4], "cn-statemedia-headlines")
