"""`hoptac` command line: build every dataset from `$DATA_DIR/bronze` through Dagster."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

INSTANCE_YAML = "telemetry:\n  enabled: false\n"


def dagster_home() -> Path:
    """`$DAGSTER_HOME`, else `.dagster_home` in the working directory: Dagster's local SQLite instance."""
    home = Path(os.environ.get("DAGSTER_HOME") or ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(INSTANCE_YAML)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def build(data_dir: str | None = None, force: bool = False) -> int:
    """Build what changed: each batch whose files or code changed, then republish the gold tables.

    With nothing new, nothing is recomputed and every output stays byte-identical.
    """
    if data_dir:
        os.environ["DATA_DIR"] = data_dir
    dagster_home()
    import dagster as dg

    from pipeline.runner import run_build
    from pipeline.storage import data_dir as resolve_data_dir

    root = resolve_data_dir()
    if not (root / "bronze").is_dir():
        print(f"hoptac: no bronze folder at {root / 'bronze'}; put raw .txt files there or set DATA_DIR",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        result = run_build(instance, root, force, log=lambda m: print(m, flush=True))
    print(summary(root, time.perf_counter() - started))
    if not result.success:
        print("hoptac: the build failed; the last good published outputs were left in place.", *result.failures[:5],
              sep="\n  ", file=sys.stderr)
        return 1
    return 0


def summary(root: Path, elapsed: float) -> str:
    """Documents read, articles, duplicates, rejected, rows per table (the event tables included)."""
    from pipeline.storage import read_table
    from schemas.registry import TABLES

    lines = [f"hoptac build: {root} in {elapsed:.1f} s"]
    try:
        docs = read_table(root, "documents")
        status = docs["status"].value_counts()
        lines.append(f"  documents read {len(docs)} in {docs['batch'].nunique()} batches: articles "
                     f"{status.get('article', 0)}, duplicates {status.get('duplicate', 0)}, rejected {status.get('rejected', 0)}")
    except FileNotFoundError:
        lines.append("  no documents table written")
    for name in ("articles", "rejected", "meetings", "agreements", "trade_figures", "meeting_events",
                 "agreement_events", "extraction_rejected", "localities"):
        try:
            rows = len(read_table(root, name))
        except FileNotFoundError:
            rows = "missing"
        lines.append(f"  {TABLES[name].path:<28} {rows} rows")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hoptac", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every dataset from DATA_DIR/bronze (default: data)")
    b.add_argument("--data-dir", help="data root (default: $DATA_DIR or ./data)")
    b.add_argument("--force", action="store_true", help="rebuild every batch even if nothing changed")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.data_dir, args.force)
    return 2


if __name__ == "__main__":
    sys.exit(main())
