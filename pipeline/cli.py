"""`hoptac` command line: build every dataset from `$DATA_DIR/bronze` through Dagster."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pipeline.timeline import mark

INSTANCE_YAML = "telemetry:\n  enabled: false\n"
NOTHING_CHANGED = "hoptac: nothing changed since the last publication; outputs left as they are"
EX_TEMPFAIL = 75  # sysexits: another build holds the lock, try again later


def dagster_home() -> Path:
    """`$DAGSTER_HOME`, else `.dagster_home` in the working directory: Dagster's local SQLite instance."""
    home = Path(os.environ.get("DAGSTER_HOME") or ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(INSTANCE_YAML)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def build(data_dir: str | None = None, force: bool = False, wait: float = 0.0) -> int:
    """Build what changed: each batch whose files or code changed, then republish the gold tables.

    With nothing new, nothing is recomputed and every output stays byte-identical. One build at a time
    per data root (`pipeline.lock`): a second one waits up to ``wait`` seconds, then exits with 75.
    """
    if data_dir:
        os.environ["DATA_DIR"] = data_dir
    home = dagster_home()

    from pipeline import unchanged
    from pipeline.lock import BuildLocked, build_lock
    from pipeline.roots import data_dir as resolve_data_dir

    root = resolve_data_dir()
    if not (root / "bronze").is_dir():
        print(f"hoptac: no bronze folder at {root / 'bronze'}; put raw .txt files there or set DATA_DIR",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    mark("build starts")
    log = lambda m: print(m, flush=True)  # noqa: E731
    try:
        with build_lock(root, wait, log):
            snap = unchanged.snapshot(root, home)  # the one walk of the data root (`unchanged.Snapshot`)
            if not force and (lines := unchanged.recorded_summary(root, home, snap)) is not None:
                log(NOTHING_CHANGED)
                print("\n".join([header(root, time.perf_counter() - started), *lines]))
                return 0
            result, lines, signature = _run(root, home, force, log, snap)
            print("\n".join([header(root, time.perf_counter() - started), *lines]))
            if result.success:
                unchanged.record(root, home, lines, signature)
    except BuildLocked as e:
        print(f"hoptac: {e}; try again when it is done (or pass --wait SECONDS)", file=sys.stderr)
        return EX_TEMPFAIL
    if not result.success:
        print("hoptac: the build failed; the last good published outputs were left in place.", *result.failures[:5],
              sep="\n  ", file=sys.stderr)
        return 1
    return 0


def _run(root: Path, home: Path, force: bool, log, snap):
    """`runner.run_build` with Dagster's bookkeeping in a helper process beside it (`pipeline.recorder`),
    then the summary and the data root's stat signature (``snap``'s bronze and the built files walked
    again, `unchanged.Snapshot.after_build`: the helper writes only in the Dagster home) while the
    helper finishes; returns once the instance holds the whole build."""
    from pipeline.recorder import ProcessRecorder, RecordingFailed
    from pipeline.runner import BuildResult, run_build

    recorder = ProcessRecorder(root, home)  # first: its Dagster import is the longest step of a refresh
    mark("recorder spawned")
    result = None
    try:
        result = run_build(recorder, root, force, log=log, stats=snap.batches() if snap is not None else None)
        mark("run_build done")
        lines = summary(root)
        signature = snap.after_build().signature() if snap is not None and result.success else None
        mark("close start")
        recorder.close()
        mark("close end")
    except RecordingFailed as e:
        recorder.kill()
        result = result or BuildResult()
        result.failures.append(f"recording the build in the Dagster instance failed: {e}")
        return result, summary(root), None
    except BaseException:
        recorder.kill()
        raise
    return result, lines, signature


def header(root: Path, elapsed: float) -> str:
    return f"hoptac build: {root} in {elapsed:.1f} s"


def summary(root: Path) -> list[str]:
    """Documents read, articles, duplicates, rejected, rows per table (the event tables included): the
    documents' status column and the Parquet footers, nothing else is read."""
    from pipeline.storage import read_table, row_count
    from schemas.registry import TABLES

    lines = []
    try:
        docs = read_table(root, "documents", columns=["status"])
        status = docs["status"].value_counts()
        lines.append(f"  documents read {len(docs)} in {docs['batch'].nunique()} batches: articles "
                     f"{status.get('article', 0)}, duplicates {status.get('duplicate', 0)}, rejected {status.get('rejected', 0)}"
                     + (f", ignored {status['ignored']}" if "ignored" in status else ""))
    except FileNotFoundError:
        lines.append("  no documents table written")
    for name in ("articles", "rejected", "meetings", "agreements", "trade_figures", "meeting_events",
                 "agreement_events", "extraction_rejected", "localities"):
        try:
            rows = row_count(root, name)
        except FileNotFoundError:
            rows = "missing"
        lines.append(f"  {TABLES[name].path:<28} {rows} rows")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hoptac", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every dataset from DATA_DIR/bronze (default: data)")
    b.add_argument("--data-dir", help="data root (default: $DATA_DIR or ./data)")
    b.add_argument("--force", action="store_true", help="rebuild every batch even if nothing changed")
    b.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="when another build holds the data root, wait this long for it (default: exit at once)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.data_dir, args.force, args.wait)
    return 2


def run() -> None:
    """Console entry point: the build's status is the process's, whatever native threads do at exit.

    Every native thread a build leaves is pyarrow's: jemalloc's background thread and Arrow's CPU and
    I/O thread pools (importing pyarrow starts two, the first Parquet read and write the rest; Dagster,
    pandas, pandera and distributed add none). Interpreter shutdown unloads the extension while those
    threads are parked; now and then a pool's `std::thread` is destroyed while still joinable and the
    C++ runtime aborts (`terminate called without an active exception`, exit 134) after a successful
    build. Everything is written, flushed and closed by now (the instance and the worker pool are
    closed in `build`), so the process ends here with its status, skipping that teardown.
    """
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
