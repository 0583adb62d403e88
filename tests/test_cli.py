import subprocess
import sys

import polars as pl
import pytest
from conftest import SEEDS

from toolkit.cli import main


def test_ingest_writes_corpus_and_report(tmp_path, capsys):
    out = tmp_path / "corpus.parquet"
    assert main(["ingest", str(SEEDS), "-o", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert "5 articles loaded from 6 files; 0 records or files skipped." in printed
    assert pl.read_parquet(out).height == 5
    assert pl.read_csv(tmp_path / "corpus.report.csv").height == 6


@pytest.mark.parametrize(("name", "read"), [("r.parquet", pl.read_parquet), ("r.csv", pl.read_csv)])
def test_the_report_is_written_as_its_name_says(tmp_path, capsys, name, read):
    """Trial AA: --report X.parquet wrote a CSV under the .parquet name."""
    out = tmp_path / "corpus.parquet"
    assert main(["ingest", str(SEEDS), "-o", str(out), "--report", str(tmp_path / name), "-q"]) == 0
    assert read(tmp_path / name).height == 6


def test_strict_exits_non_zero_on_any_skip(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Body of a story.")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    args = ["ingest", str(tmp_path / "in"), "-o", str(tmp_path / "c.parquet"), "-q"]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    assert "in/b.txt: empty file" in capsys.readouterr().out


def test_missing_path_is_a_clear_error(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "-o", str(tmp_path / "c.parquet")]) == 2
    assert "nope: no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["corpus.csv", "corpus", "corpus.PARQUET.txt"])
def test_a_corpus_file_not_named_parquet_is_refused_before_the_load(tmp_path, capsys, name):
    assert main(["ingest", str(SEEDS), "-o", str(tmp_path / name), "-q"]) == 2
    assert "the corpus is written as Parquet: name the file .parquet" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # nothing written


def test_python_dash_m(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "toolkit",
            "ingest",
            str(SEEDS),
            "-o",
            str(tmp_path / "c.parquet"),
            "-q",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "5 articles loaded" in done.stdout


def test_dedup_flags_are_the_dedup_options(tmp_path, capsys):
    import json

    from toolkit.cli import _parser
    from toolkit.dedup import DedupOptions
    from toolkit.options import specs

    args = _parser().parse_args(["dedup", "c.parquet", "-o", "out"])
    assert {s.name: getattr(args, s.name) for s in specs(DedupOptions)} == {
        s.name: s.default for s in specs(DedupOptions)
    }
    with pytest.raises(SystemExit):
        main(["dedup", "-h"])
    shown = " ".join(capsys.readouterr().out.split())
    for spec in specs(DedupOptions):
        assert f"--{spec.name.replace('_', '-')}" in shown and spec.help in shown
    corpus = tmp_path / "corpus.parquet"
    assert main(["ingest", str(SEEDS), "-o", str(corpus), "-q"]) == 0
    out = tmp_path / "dups"
    assert main(["dedup", str(corpus), "-o", str(out), "-q", "--threshold", "0.6"]) == 0
    options = json.loads((out / "dedup.json").read_text())["options"]
    assert options == {**{s.name: s.default for s in specs(DedupOptions)}, "threshold": 0.6}
    capsys.readouterr()
    assert main(["dedup", str(corpus), "-o", str(out), "-q", "--bands", "30"]) == 2
    assert (
        "error: find_duplicates: bands (30) must divide num_perm (128)" in capsys.readouterr().err
    )
    assert main(["dedup", str(corpus), "-o", str(out), "-q", "--threshold", "0"]) == 2
    assert "threshold must be in (0, 1], not 0.0" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flags", "published"),
    [([], None), (["--dayfirst"], "2017-10-01"), (["--monthfirst"], "2017-01-10")],
)
def test_ingest_date_order_flags(tmp_path, flags, published):
    import polars as pl

    from toolkit.cli import main

    (tmp_path / "t.csv").write_text("title,text,date\nA,Body a.,01/10/2017\n")
    out = tmp_path / "c.parquet"
    assert main(["ingest", str(tmp_path / "t.csv"), "-o", str(out), "-q", *flags]) == 0
    got = pl.read_parquet(out)["published"].cast(pl.String).item()
    assert got == published


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"garbage", "could not read the corpus"),
        (b"Minsk, 3 March. Talks went on.\n" * 20, "could not read the corpus"),
        (None, "the corpus has no doc_id, text column"),
    ],
    ids=["corrupt", "not parquet", "other columns"],
)
def test_dedup_of_a_corrupt_or_foreign_file_is_a_clear_error(tmp_path, capsys, content, message):
    corpus = tmp_path / "corpus.parquet"
    if content is None:
        pl.DataFrame({"x": [1]}).write_parquet(corpus)
    else:
        corpus.write_bytes(content)
    assert main(["dedup", str(corpus), "-o", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {corpus}: ") and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("flags", "code", "texts", "message"),
    [
        # a table whose columns no usual name fits: refused, with the flag to give
        ([], 1, [], None),  # nothing loaded: exit 1, the report says why
        (["--column", "text=story", "--column", "date=when"], 0, ["Lukashenko met Putin."], None),
        (["--column", "text"], 2, None, "--column 'text': write FIELD=NAME"),
        (["--column", "body=story"], 2, None, "unknown field 'body'"),
    ],
)
def test_ingest_column_flags(tmp_path, capsys, flags, code, texts, message):
    (tmp_path / "t.csv").write_text("story,when\nLukashenko met Putin.,2021-05-09\n")
    out = tmp_path / "c.parquet"
    assert main(["ingest", str(tmp_path / "t.csv"), "-o", str(out), "-q", *flags]) == code
    captured = capsys.readouterr()
    if texts is not None:
        assert pl.read_parquet(out)["text"].to_list() == texts
    if message is not None:
        assert message in captured.err
    if not flags:
        assert "--column text=..." in captured.out


def test_a_load_of_no_article_exits_1_with_the_report_written(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "c.parquet"
    assert main(["ingest", str(tmp_path / "in"), "-o", str(out), "-q"]) == 1
    assert "no article was loaded" in capsys.readouterr().err
    assert out.is_file() and (tmp_path / "c.report.csv").is_file()
