"""Command line: ``toolkit ingest``, ``toolkit dedup`` and ``toolkit run`` (the notebooks).

``toolkit ingest PATH... -o corpus.parquet``, ``toolkit dedup corpus.parquet -o DIR``,
``toolkit run params/NAME.yaml [--only corpus,topics] [--show-code]``.

Also runnable as ``python -m toolkit ...``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from toolkit.dedup import DedupOptions
from toolkit.errors import DataError, InputError, StrictModeError, ToolkitError
from toolkit.options import range_text, specs

__all__ = ["main"]


def _columns(pairs: list[str]) -> dict[str, str] | None:
    """``--column FIELD=NAME`` flags as ``ingest``'s ``columns`` (checked there)."""
    columns = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        if not sep or not field.strip() or not name.strip():
            raise InputError(f"--column {pair!r}: write FIELD=NAME, e.g. --column text=story")
        columns[field.strip()] = name.strip()
    return columns or None


def _ingest(args: argparse.Namespace) -> int:
    import polars as pl

    from toolkit.load import ingest

    if Path(args.output).suffix.lower() != ".parquet":  # said before the load, not after
        raise ToolkitError(
            f"-o {args.output}: the corpus is written as Parquet: name the file .parquet (the "
            "load report is written beside it as CSV)"
        )
    result = ingest(
        args.paths,
        manifest=args.manifest,
        learn=not args.no_learn,
        outlets=args.outlets,
        dayfirst=args.dayfirst,
        date_format=args.date_format,
        timezone=args.timezone,
        columns=_columns(args.column),
        max_file_mb=args.max_file_mb,
        progress=not args.quiet,
        engine=args.engine,
    )
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.corpus.write_parquet(out)
    report_path = Path(args.report) if args.report else out.with_name(out.stem + ".report.csv")
    if report_path.suffix.lower() == ".parquet":  # as its name says (trial AA: a CSV was
        result.report.write_parquet(report_path)  # written under a .parquet name)
    else:
        result.report.write_csv(report_path)
    if result.learned_chrome.height:
        result.learned_chrome.write_csv(out.with_name(out.stem + ".chrome.csv"))
    print(result.summary())
    # A fallback encoding is right for old files, but the reader should know it was used.
    fallback = (
        result.report.filter(~pl.col("encoding").is_in(["utf-8", "utf-16"]))
        .group_by("encoding")
        .agg(pl.col("path").n_unique())
        .sort("encoding")
    )
    for encoding, files in fallback.iter_rows():
        print(f"  decoded as {encoding} (not UTF-8): {files} files; see {report_path}")
    skipped = result.skipped
    if skipped.height:
        print("\nSkipped:")
        for path, record, line, reason in (
            skipped.select("path", "record", "line", "reason").head(args.show).iter_rows()
        ):
            where = path + (f":{line}" if line is not None else "")
            where += f" (record {record})" if record is not None else ""
            print(f"  {where}: {reason}")
        if skipped.height > args.show:
            print(f"  ... and {skipped.height - args.show} more; see {report_path}")
    chrome = (
        f" and {out.with_name(out.stem + '.chrome.csv')}" if result.learned_chrome.height else ""
    )
    print(f"\nWrote {out} ({result.corpus.height} rows), {report_path}{chrome}.")
    if args.strict and skipped.height:
        print(f"strict: {skipped.height} inputs were skipped", file=sys.stderr)
        return 1
    if not result.corpus.height:  # as `toolkit run` stops on sources that give no article
        why = ("the report says why for each file" if result.report.height
               else "no file was found under them")  # fmt: skip
        print(f"no article was loaded from the sources ({why})", file=sys.stderr)
        return 1
    return 0


def _dedup(args: argparse.Namespace) -> int:
    import json

    import polars as pl

    from toolkit.dedup import find_duplicates
    from toolkit.load_options import outlet_registry

    options = {s.name: getattr(args, s.name) for s in specs(DedupOptions) if s.flag}
    registry = outlet_registry(args.outlets)
    try:
        dups = find_duplicates(
            args.corpus, progress=not args.quiet, registry=registry, engine=args.engine, **options
        )
    except DataError as e:  # what is wrong with the file: name it
        raise DataError(f"{args.corpus}: {e}") from e
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    dups.pairs.write_parquet(out / "pairs.parquet")
    dups.clusters.write_parquet(out / "clusters.parquet")
    summary = {"corpus": str(args.corpus), "options": dups.options, "stats": dups.stats}
    (out / "dedup.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(dups.summary())
    biggest = (
        dups.clusters.filter(pl.col("cluster_size") > 1)
        .group_by("cluster_id")
        .agg(pl.len().alias("copies"), pl.col("lag_days").max().alias("max_lag_days"))
        .sort(["copies", "cluster_id"], descending=[True, False])
        .head(args.show)
    )
    if biggest.height:
        print("\nLargest clusters (cluster_id is the canonical copy):")
        for cid, copies, lag in biggest.iter_rows():
            lag_text = (
                f", last copy {lag} day{'' if lag == 1 else 's'} later" if lag is not None else ""
            )
            print(f"  {cid}: {copies} copies{lag_text}")
    print(f"\nWrote {out / 'pairs.parquet'}, {out / 'clusters.parquet'} and {out / 'dedup.json'}.")
    return 0


def _run(args: argparse.Namespace) -> int:
    from toolkit.run import run_pipeline

    only = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else None
    result = run_pipeline(
        args.params,
        only=only,
        show_code=args.show_code,
        progress=not args.quiet,
        engine=args.engine,
    )
    run_dir = result.run_dir
    for nb in result.manifest["notebooks"]:
        mark = "ok" if nb["status"] == "ok" else "FAILED"
        print(f"  {nb['notebook']}: {mark} in {nb['seconds']:.1f} s -> {run_dir / nb['html']}")
    print(f"\nReport: {run_dir / 'index.html'}  (latest: {run_dir.parent / 'latest'})")
    if result.failed:
        first = result.failed[0]
        print(
            f"{len(result.failed)} notebook(s) failed; {first['notebook']}: {first['reason']}",
            file=sys.stderr,
        )
        return 1
    return 0


def _option_flags(parser: argparse.ArgumentParser, options: type) -> None:
    """A ``--flag`` for each option of a stage's options dataclass, with its help, default and
    range (checked by the stage itself, so a flag and a keyword fail with the same message)."""
    for spec in specs(options):
        if not spec.flag:
            continue
        if spec.types not in ((int,), (int, type(None)), (float, int), (str,)):  # pragma: no cover
            raise TypeError(f"no command-line flag for {spec.name}: {spec.types}")
        within = f"; {range_text(spec)}" if range_text(spec) else ""
        parser.add_argument(
            "--" + spec.name.replace("_", "-"),
            type=spec.types[0],
            default=spec.default,
            choices=spec.choices,
            help=f"{spec.help} ({spec.default}{within})",
        )


def _engine_flag(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--engine",
        default=default,
        metavar="local|dask[://HOST:PORT]",
        help="where files are read, duplicates found and (run) texts embedded: here (local), a "
        "local Dask cluster (dask) or a running Dask scheduler (dask://host:port); the tables "
        "are the same"
        + (" (default: the parameter set's engine key)" if default is None else " (local)"),
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="toolkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser(
        "ingest",
        help="load files and folders into one corpus table and print the load report",
    )
    ingest.add_argument("paths", nargs="+", help="files or folders (read recursively)")
    ingest.add_argument("-o", "--output", required=True, help="corpus parquet file to write")
    ingest.add_argument("--manifest", help="CSV of known outlet/site/published/title per file")
    ingest.add_argument(
        "--report",
        help="where to write the load report (CSV; Parquet where the name ends .parquet)",
    )
    ingest.add_argument("--outlets", help="folder of your own outlet tables (*.yaml)")
    ingest.add_argument("--strict", action="store_true", help="exit 1 if anything was skipped")
    ingest.add_argument("--no-learn", action="store_true", help="do not learn repeated chrome")
    order = ingest.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst", action="store_true", default=None, help='"01/10/2017" is 1 October'
    )
    order.add_argument(
        "--monthfirst", dest="dayfirst", action="store_false", help='"01/10/2017" is 10 January'
    )
    ingest.add_argument("--date-format", help='strptime format of date columns, e.g. "%%d/%%m/%%Y"')
    ingest.add_argument(
        "--timezone",
        help="time zone the sources' timestamps are placed in before their day is taken, e.g. "
        "Europe/Moscow (a timestamp's own offset, or UTC for a Unix time, is converted to it)",
    )
    ingest.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help="read a field from your table's column, e.g. --column text=Анонс (repeatable; "
        "fields: title, text, date, outlet, site, url)",
    )
    ingest.add_argument("--max-file-mb", type=float, default=200.0, help="skip larger files (200)")
    ingest.add_argument("--show", type=int, default=20, help="skipped inputs to list (20)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _engine_flag(ingest, "local")
    ingest.set_defaults(func=_ingest)

    dedup = sub.add_parser(
        "dedup", help="find exact, near and contained duplicates in a corpus parquet file"
    )
    dedup.add_argument("corpus", help="corpus parquet file written by `toolkit ingest`")
    dedup.add_argument("-o", "--output", required=True, help="folder for pairs and clusters")
    _option_flags(dedup, DedupOptions)
    dedup.add_argument(
        "--outlets", help="folder of your own outlet tables (*.yaml): their own sites win ties"
    )
    dedup.add_argument("--show", type=int, default=10, help="largest clusters to list (10)")
    dedup.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _engine_flag(dedup, "local")
    dedup.set_defaults(func=_dedup)

    run = sub.add_parser(
        "run", help="run the notebooks of a parameter set into outputs/NAME/RUN_ID/ with reports"
    )
    run.add_argument("params", help="parameter set, e.g. params/seeds.yaml")
    run.add_argument("--only", help="comma-separated notebooks to run, e.g. corpus,topics")
    run.add_argument("--show-code", action="store_true", help="show code cells in the reports")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    _engine_flag(run, None)
    run.set_defaults(func=_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except StrictModeError as e:
        print(e, file=sys.stderr)
        return 1
    except ToolkitError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a file or folder that cannot be read or written: named, no traceback
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
