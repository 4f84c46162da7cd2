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


def build(data_dir: str | None = None) -> int:
    """Materialise every asset (and run every check) in one run; print a summary."""
    if data_dir:
        os.environ["DATA_DIR"] = data_dir
    dagster_home()
    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.storage import data_dir as resolve_data_dir

    root = resolve_data_dir()
    if not (root / "bronze").is_dir():
        print(f"hoptac: no bronze folder at {root / 'bronze'}; put raw .txt files there or set DATA_DIR",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_job_def("build_all").execute_in_process(instance=instance, raise_on_error=False)
    elapsed = time.perf_counter() - started
    print(summary(root, elapsed))
    if not result.success:
        failed = [e.message for e in result.all_events if e.is_failure]
        print("hoptac: the run failed; the last good outputs were left in place.", *failed[:5], sep="\n  ",
              file=sys.stderr)
        return 1
    return 0


def summary(root: Path, elapsed: float) -> str:
    """Documents read, articles, duplicates, rejected, rows per table."""
    from pipeline.storage import read_table
    from schemas.registry import TABLES

    lines = [f"hoptac build: {root} in {elapsed:.1f} s"]
    try:
        docs = read_table(root, "documents")
        status = docs["status"].value_counts()
        lines.append(f"  documents read {len(docs)}: articles {status.get('article', 0)}, "
                     f"duplicates {status.get('duplicate', 0)}, rejected {status.get('rejected', 0)}")
    except FileNotFoundError:
        lines.append("  no documents table written")
    for name in ("articles", "rejected", "meetings", "agreements", "trade_figures", "extraction_rejected", "localities"):
        path = root / TABLES[name].path
        rows = len(read_table(root, name)) if path.exists() else "missing"
        lines.append(f"  {TABLES[name].path:<28} {rows}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hoptac", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every dataset from DATA_DIR/bronze (default: data)")
    b.add_argument("--data-dir", help="data root (default: $DATA_DIR or ./data)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.data_dir)
    return 2


if __name__ == "__main__":
    sys.exit(main())
