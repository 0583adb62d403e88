"""The arrows that must never exist between the toolkit's layers (docs/architecture.md).

Every module is placed in a layer; a module in no layer fails the test, so a new module is placed
on purpose. Imports are read from the source (function-level imports count too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"

# layer of every module (docs/architecture.md, "Layers")
LAYERS: dict[str, str] = {
    # shared by all: no knowledge of any stage
    "errors": "base",
    "resources": "base",
    "options": "base",
    "stats": "base",
    "cache": "base",
    "engine": "base",
    "allocator": "base",
    "progress": "base",
    # outlet knowledge (data), used by Load, Clean and Dedup
    "outlets": "knowledge",
    "outlet_tables": "knowledge",
    # Load: files in, corpus table out
    "readers": "load",
    "archive_warc": "load",
    "archive_mhtml": "load",
    "saved_pages": "load",
    "saved_corpus": "load",
    "html_dates": "load",
    "telegram_html": "load",
    "export_lexis": "load",
    "export_factiva": "load",
    "feeds": "load",
    "html_read": "load",
    "export_nexis_uni": "load",
    "export_integrum": "load",
    "page_dates": "load",
    "table_markdown": "load",
    "table_html": "load",
    "table_bodies": "load",
    "table_placeholders": "load",
    "records": "load",
    "tables": "load",
    "tables_parts": "load",
    "tables_delimited": "load",
    "tables_json": "load",
    "json_breaks": "load",
    "tables_parquet": "load",
    "tables_excel": "load",
    "columns": "load",
    "column_names": "load",
    "column_parts": "load",  # a text split over numbered columns, joined
    "sources": "load",
    "decode": "load",
    "pages": "load",
    "page_read": "load",
    "duplicate_ids": "load",
    "provenance": "load",
    "provenance_notes": "load",
    "site_names": "load",
    "table_headless": "load",
    "lang": "load",
    "dates": "load",
    "dateparser_read": "load",
    "date_order": "load",
    "date_zones": "load",  # timestamps placed in a source's time zone
    "extract": "load",
    "stamps": "load",
    "titles": "load",
    "title_lines": "load",
    "affixes": "load",
    "chrome_counts": "load",
    "ingest_read": "load",
    "ingest_passes": "load",
    "ingest_result": "load",
    "load": "load",
    "load_options": "load",
    "dask_load": "load",
    # Clean: text in, text out
    "normalize": "clean",
    "glue": "clean",
    "clean": "clean",
    "segment": "clean",
    # Analysis: corpus table in, analysis tables and figures out
    "minhash": "analysis",
    "word_tokens": "analysis",
    "dedup_kernels": "analysis",
    "align": "analysis",
    "dedup": "analysis",
    "dedup_summary": "analysis",  # the lines a duplicates search is told by
    "explanation": "analysis",
    "dedup_candidates": "analysis",
    "dedup_clusters": "analysis",
    "dedup_verify": "analysis",
    "dedup_parallel": "analysis",
    "dedup_local": "analysis",
    "dedup_kept": "analysis",
    "dask_dedup": "analysis",
    "dask_clusters": "analysis",
    "dask_embed": "analysis",
    "groups": "analysis",
    "palette": "analysis",  # one colour per group name for a run
    "keyness": "analysis",
    "tokens": "analysis",
    "comparison": "analysis",  # which languages a comparison of words reads
    "quotes": "analysis",
    "quote_spans": "analysis",
    "quote_frames": "analysis",
    "quote_heads": "analysis",
    "quote_objects": "analysis",
    "quote_reported": "analysis",
    "quote_asides": "analysis",
    "quote_verb_forms": "analysis",
    "quote_bare": "analysis",
    "quote_coordinated": "analysis",
    "quote_subjects": "analysis",
    "quote_finite": "analysis",
    "quote_sources": "analysis",
    "quote_nouns": "analysis",
    "quote_credits": "analysis",
    "quote_cited": "analysis",
    "quote_colon": "analysis",
    "quote_groups": "analysis",
    "quote_continued": "analysis",
    "quote_headlines": "analysis",
    "quote_headline_verbs": "analysis",
    "quote_titles": "analysis",
    "quote_ends": "analysis",
    "speaker_turns": "analysis",
    "speaker_organisations": "analysis",
    "speaker_pronouns": "analysis",
    "speaker_chain": "analysis",
    "whole_words": "analysis",
    "speaker_conjuncts": "analysis",
    "given_names": "analysis",
    "quote_kinds": "analysis",
    "quote_voices": "analysis",
    "quote_tagger": "analysis",
    "quote_fallback": "analysis",
    "quote_inverted": "analysis",
    "quote_relative": "analysis",
    "quote_shares": "analysis",
    "quote_tables": "analysis",
    "speaker_names": "analysis",
    "speaker_offices": "analysis",
    "speaker_resolver": "analysis",
    "speaker_relations": "analysis",
    "speaker_aliases": "analysis",
    "speaker_variants": "analysis",
    "speakers": "analysis",
    "speaker_countries": "analysis",
    "speaker_titles": "analysis",
    "embed": "analysis",
    "xlingual": "analysis",
    "xlingual_evidence": "analysis",
    "topics": "analysis",
    "topic_units": "analysis",
    "article_text": "analysis",
    "topic_model": "analysis",
    "topic_labels": "analysis",
    "topic_stability": "analysis",
    "topic_figures": "analysis",
    "topic_tables": "analysis",
    "topic_summary": "analysis",
    "rhetoric": "analysis",
    "frames": "analysis",
    "trends": "analysis",
    "trend_options": "analysis",
    "term_flags": "analysis",
    "before_after": "analysis",
    "overview": "analysis",
    "plots": "analysis",
    "plots_time": "analysis",
    "evidence": "analysis",
    "display": "analysis",
    "figure_prep": "analysis",  # HTML built from frames; no run, params or report
    # Pipeline: parameter sets, runs, caches, rendered reports
    "params": "pipeline",
    "params_readme": "pipeline",
    "params_checks": "pipeline",
    "run": "pipeline",
    "run_manifest": "pipeline",
    "prepare": "pipeline",
    "context": "pipeline",
    "filters": "pipeline",
    # Face: what a person calls (the command line and the package root)
    "report": "pipeline",
    "cli": "face",
    "__main__": "face",
    "__init__": "face",
}

# (from layer, to layer) arrows that must never exist
FORBIDDEN = {
    ("analysis", "pipeline"),
    ("analysis", "face"),
    ("load", "analysis"),
    ("load", "pipeline"),
    ("load", "face"),
    ("clean", "analysis"),
    ("clean", "pipeline"),
    ("clean", "face"),
    ("knowledge", "load"),
    ("knowledge", "clean"),
    ("knowledge", "analysis"),
    ("knowledge", "pipeline"),
    ("knowledge", "face"),
    ("base", "knowledge"),
    ("base", "load"),
    ("base", "clean"),
    ("base", "analysis"),
    ("base", "pipeline"),
    ("base", "face"),
}


def _modules() -> list[str]:
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


def _imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "toolkit":
                out |= {a.name for a in node.names}
            elif node.module.startswith("toolkit."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("toolkit.")}
    return {m for m in out if (PACKAGE / f"{m}.py").exists()}


def test_every_module_has_a_layer():
    missing = [m for m in _modules() if m not in LAYERS]
    assert not missing, f"place these modules in a layer (tests/test_architecture.py): {missing}"


@pytest.mark.parametrize("module", _modules())
def test_no_forbidden_arrow(module):
    source = LAYERS.get(module)
    bad = [
        f"{module} ({source}) -> {target} ({LAYERS.get(target)})"
        for target in sorted(_imports(module))
        if (source, LAYERS.get(target)) in FORBIDDEN
    ]
    assert not bad, "forbidden imports: " + "; ".join(bad)


def test_the_rule_catches_an_arrow(tmp_path, monkeypatch):
    # the checker itself must be able to fail: a fake analysis module importing run
    fake = tmp_path / "toolkit"
    fake.mkdir()
    (fake / "topics.py").write_text("from toolkit.run import context\n")
    (fake / "run.py").write_text("")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    assert _imports("topics") == {"run"}
    assert ("analysis", LAYERS["run"]) in FORBIDDEN
