"""Rebuild the ru-en sample (texts/) from its public sources; see README.md beside it.

    python tests/data/ru-en-sample/build.py /work/data/translations_eval ../shared/corpora

The Russian originals and the English items paired with them by kremlin.ru's own item id come
from the cross-lingual evaluation set (benchmarks/README.md, "Cross-lingual reprints"), which
took them from gabrielkmbo/kremlin-scraper and lobsterbush/kremlin-speeches; the English
stories about Belarus come from ../shared/corpora/kremlin-2021-22. Texts are copied as found.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent / "texts"
LEFT_OUT = {"kremlin-ru-76554"}  # a 30,000-character forum transcript: too slow for a test
BELARUS_ITEMS = 6  # the shortest English releases naming Belarus in the title


def main(eval_dir: Path, corpora: Path) -> None:
    items = {}
    for line in (eval_dir / "items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        items[item["id"]] = item
    pairs = [json.loads(line) for line in
             (eval_dir / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]  # fmt: skip
    ru, en = [], []
    for pair in sorted(pairs, key=lambda p: p["original_id"]):
        if pair["original_id"] in LEFT_OUT:
            continue
        for side, out in (("original_id", ru), ("translation_id", en)):
            item = items[pair[side]]
            out.append({"url": item["url"], "date": item["date"], "title": item["title"],
                        "text": item["text"]})  # fmt: skip
    csv.field_size_limit(1 << 24)  # some transcripts are long
    with (corpora / "kremlin-2021-22" / "putin_kremlin_en.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if "Belarus" in r["headline"] and r["body"]]
    for r in sorted(rows, key=lambda r: (len(r["body"]), r["link"]))[:BELARUS_ITEMS]:
        en.append({"url": r["link"], "date": r["date"][:10], "title": r["headline"],
                   "text": r["body"]})  # fmt: skip
    for name, out in (("kremlin-ru.jsonl", ru), ("kremlin-en.jsonl", en)):
        lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in out]
        (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
