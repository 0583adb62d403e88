"""Command line: ``toolkit ingest PATH... -o corpus.parquet [--strict]``.

Also runnable as ``python -m toolkit ...``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from toolkit.errors import StrictModeError, ToolkitError

__all__ = ["main"]


def _ingest(args: argparse.Namespace) -> int:
    from toolkit.load import ingest

    result = ingest(
        args.paths,
        manifest=args.manifest,
        learn=not args.no_learn,
        outlets=args.outlets,
        progress=not args.quiet,
    )
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.corpus.write_parquet(out)
    report_path = Path(args.report) if args.report else out.with_name(out.stem + ".report.csv")
    result.report.write_csv(report_path)
    if result.learned_chrome.height:
        result.learned_chrome.write_csv(out.with_name(out.stem + ".chrome.csv"))
    print(result.summary())
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
    print(f"\nWrote {out} ({result.corpus.height} rows) and {report_path}.")
    if args.strict and skipped.height:
        print(f"strict: {skipped.height} inputs were skipped", file=sys.stderr)
        return 1
    return 0


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
    ingest.add_argument("--report", help="where to write the load report CSV")
    ingest.add_argument("--outlets", help="folder of your own outlet tables (*.yaml)")
    ingest.add_argument("--strict", action="store_true", help="exit 1 if anything was skipped")
    ingest.add_argument("--no-learn", action="store_true", help="do not learn repeated chrome")
    ingest.add_argument("--show", type=int, default=20, help="skipped inputs to list (20)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(func=_ingest)
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


if __name__ == "__main__":
    sys.exit(main())
