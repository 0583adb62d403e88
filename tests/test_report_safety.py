"""No script from the data runs in a report (issue 17, item 1).

`toolkit run` on a corpus whose titles, outlets, texts, file names and keywords hold script,
an ``<img onerror>`` and Markdown; every rendered report is opened in headless Chromium, and
nothing may have run: each payload would set the page's title to a marker or add an element
with the marker's id. The HTML is also searched, outside its own scripts, for any payload
written raw.
"""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser

import pytest
from browser import dom
from conftest import ROOT, SEEDS

from toolkit.cli import main

MARK = "PWNED"
PAYLOADS = [
    f"<script>document.title='{MARK}'</script>",
    f"<img src=x onerror=\"document.title='{MARK}'\">",
    f"<svg onload=\"document.body.insertAdjacentHTML('beforeend','<i id={MARK}></i>')\">",
    f"**bold** [click](javascript:document.title='{MARK}') <b id={MARK}>b</b>",
]
# what would be in the page's own markup (outside its scripts) had a payload been written raw,
# or its Markdown rendered
RAW = ["<script>document.title", "<img src=x onerror", "<svg onload", f"<b id={MARK}",
       "<strong>bold</strong>", 'href="javascript:']  # fmt: skip


def _corpus(folder):
    folder.mkdir()
    for p in SEEDS.glob("*.txt"):  # real text, so that every section has something to show
        shutil.copy(p, folder / p.name)
    rows = []
    for i, payload in enumerate(PAYLOADS * 3):
        rows.append({
            "title": f"Talks {i} {payload}",
            "outlet": payload if i % 2 else f"Agency {payload}",
            "date": f"2022-0{1 + i % 6}-1{i % 9}",
            "text": (
                f"Minsk, {i + 1} January. Belarus and Russia discussed sanctions {payload} and the "
                f"Union State. \u201cWe are brothers {payload},\u201d Lukashenko said. "
                f"Aleksandr Lukashenko stressed that the {payload} allies will stand together."
            ),
        })  # fmt: skip
    with (folder / "table.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    name = "2022-03-01 <img src=x onerror=document.title='PWNED'> talks.txt"
    (folder / name).write_text(
        f"Moscow, 1 March. {PAYLOADS[0]} The brotherly Union State talks went on.\n\n"
        "\u201cSanctions will not break us,\u201d Putin said.",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.py"))
    _corpus(root / "corpus")
    (root / "params").mkdir()
    params = root / "params" / "unsafe.yaml"
    params.write_text(
        "name: unsafe\nsources: [corpus]\nmin_group_docs: 5\n"
        "rhetoric:\n  keywords: ['sanction*', \"<img src=x onerror=document.title='PWNED'>\"]\n"
        "trends:\n  event: '2022-02-24'\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOOLKIT_OUTPUTS", str(root / "outputs"))
        code = main(["run", str(params), "-q"])
    run_dir = (root / "outputs" / "unsafe" / "latest").resolve()
    return code, run_dir


def _pages(run_dir):
    return sorted(run_dir.glob("*.html"))


def test_the_run_finished_and_rendered_its_reports(reports):
    code, run_dir = reports
    assert code == 0
    assert {p.stem for p in _pages(run_dir)} >= {"index", "00_corpus", "02_rhetoric"}


def _outside_scripts(page: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S | re.I)


STEMS = ["index", "00_corpus", "01_topics", "02_rhetoric", "03_trends"]


@pytest.mark.parametrize("stem", STEMS)
def test_no_payload_is_written_raw(reports, stem):
    _, run_dir = reports
    page = (run_dir / f"{stem}.html").read_text(encoding="utf-8")
    markup = _outside_scripts(page)
    assert MARK in page  # the payloads are in the report, as text
    for raw in RAW:
        assert raw not in markup, f"{stem}: {raw!r} written raw"


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_from_the_data_runs_in_chromium(reports, stem):
    _, run_dir = reports
    shown = dom(run_dir / f"{stem}.html")
    title = re.search(r"<title>(.*?)</title>", shown, flags=re.S)
    assert title is None or MARK not in title.group(1)
    assert MARK not in _ids(shown)  # no element the payloads make


def _ids(page: str) -> set[str]:
    """The id of every element in the page (attribute values parsed, not grepped: plotly keeps
    the text it drew, payloads included, in a data attribute)."""
    ids = set()

    class Ids(HTMLParser):
        def handle_starttag(self, tag, attrs):
            ids.update(v for k, v in attrs if k == "id" and v)

    Ids().feed(page)
    return ids


def test_numbers_plotly_keeps_encoded_stay_numbers_when_the_data_text_is_escaped():
    """Trial AA: a figure rebuilt from its dict (BERTopic's intertopic map and hierarchy) holds
    its arrays as {"dtype", "bdata"}; read as a list, the escaping made its points the strings
    "dtype" and "bdata", and the map and the dendrogram were drawn empty."""
    import numpy as np
    import plotly.graph_objects as go

    from toolkit.figure_prep import data_text_escaped

    fig = go.Figure(go.Scatter(x=np.array([1.0, 2.0, 3.0]), y=np.array([3.0, 1.0, 2.0]),
                               text=["<b>a</b>", "b", "c"]))  # fmt: skip
    encoded = go.Figure(fig.to_dict())
    assert isinstance(encoded.data[0].x, dict)  # as plotly keeps them
    safe = data_text_escaped(encoded)
    assert safe.data[0].x == encoded.data[0].x and safe.data[0].y == encoded.data[0].y
    assert list(safe.data[0].text) == ["&lt;b&gt;a&lt;/b&gt;", "b", "c"]
