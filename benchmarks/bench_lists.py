"""Lists inside the article of scraped text pages: are their items kept in the text?

The truth is each page's HTML: the items (``<li>``) of a ``<ul>`` or ``<ol>`` inside the page's
labelled article container (``body_container`` of ``pages_eval``, ``pages_sites_eval`` and
``pages_sites_eval2``; see their READMEs), not under a ``nav``, ``aside``, ``footer``,
``figure`` or ``header``; an item of at least 15 characters that is not all link text (a list
of other stories is links) and is a whole line of the page's text dump; lists of at least three
such items. A container may still hold a list the reader would call chrome (share buttons, a
box of other stories with teasers): the figure counts them too, the same before and after.

Each set's text pages are read by one ``toolkit.ingest`` (as ``bench_pages.py`` reads them),
and an item is kept when the toolkit's ``text`` holds it. Sites are split dev/test as in
``bench_pages.py`` (tune on dev, report test).

Usage: python benchmarks/bench_lists.py [--set pages|sites|sites2|all] [--split dev|test|all]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import SETS, norm, set_folder, toolkit_pages

_OUTSIDE = {"nav", "aside", "footer", "figure", "header"}
_ATTRIBUTE = re.compile(r'\[(\w+)(\*?)="([^"]+)"\]')


def container_xpath(selector: str) -> str:
    """The XPath of a ``body_container`` selector (a tag, ``[a="v"]`` or ``[a*="v"]``)."""
    if m := _ATTRIBUTE.fullmatch(selector):
        name, contains, value = m.groups()
        return f'//*[contains(@{name}, "{value}")]' if contains else f'//*[@{name}="{value}"]'
    return f"//{selector}"


def list_items(label: dict, data: Path) -> list[str]:
    """The in-article list items of a labelled page (see the module's text), normalised."""
    if not label.get("body_container"):
        return []
    doc = lxml.html.fromstring((data / label["html_path"]).read_bytes())
    found = doc.xpath(container_xpath(label["body_container"]))
    if not found:
        return []
    # the container with most paragraph text, as the labels chose it
    container = max(found, key=lambda c: sum(len(p.text_content()) for p in c.iter("p")))
    dump = {norm(line) for line in (data / label["text_path"]).read_text("utf-8").splitlines()}
    items = []
    for block in container.iter("ul", "ol"):
        if any(a.tag in _OUTSIDE for a in block.iterancestors()):
            continue
        kept = []
        for li in block:
            if li.tag != "li":
                continue
            text = norm(li.text_content())
            links = norm(" ".join(a.text_content() for a in li.iter("a")))
            if len(text) >= 15 and text != links and text in dump:
                kept.append(text)
        items += kept if len(kept) >= 3 else []
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="all", choices=[*SETS, "all"])
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    args = parser.parse_args()
    print("| set | split | pages | with lists | items | kept | pages losing items |")
    print("|---|---|---:|---:|---:|---:|---|")
    for name in list(SETS) if args.set == "all" else [args.set]:
        data = set_folder(name)
        labels = [json.loads(line) for line in (data / "labels.jsonl").open(encoding="utf-8")]
        labels = [lab for lab in labels if args.split in ("all", lab["split"])]
        if not labels:
            continue
        ours, _ = toolkit_pages(labels, data, "text")
        items = {lab["id"]: list_items(lab, data) for lab in labels}
        kept = {
            page: sum(i in norm((ours[page] or {}).get("text")) for i in its)
            for page, its in items.items()
        }
        total = sum(map(len, items.values()))
        losing = [f"{p} {kept[p]}/{len(i)}" for p, i in items.items() if kept[p] < len(i)]
        print(
            f"| {SETS[name]} | {args.split} | {len(labels)} | {sum(map(bool, items.values()))}"
            f" | {total} | {sum(kept.values())} | {', '.join(losing) or '-'} |"
        )


if __name__ == "__main__":
    main()
