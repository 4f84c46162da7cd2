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
WAIT_ENV = "HOPTAC_WAIT_FOR_INSTANCE"


def dagster_home() -> Path:
    """`$DAGSTER_HOME`, else `.dagster_home` in the working directory: Dagster's local SQLite instance."""
    home = Path(os.environ.get("DAGSTER_HOME") or ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(INSTANCE_YAML)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def build(data_dir: str | None = None, force: bool = False, wait: float = 0.0, wait_instance: bool | None = None) -> int:
    """Build what changed: each batch whose files or code changed, then republish the gold tables.

    With nothing new, nothing is recomputed and every output stays byte-identical. One build at a time
    per data root (`pipeline.lock`): a second one waits up to ``wait`` seconds, then exits with 75.
    The Dagster instance records the build from the outbox right after (`pipeline.recorder`);
    ``wait_instance`` (default: `$HOPTAC_WAIT_FOR_INSTANCE`) waits until it has.
    """
    if data_dir:
        os.environ["DATA_DIR"] = data_dir
    home = dagster_home()
    if wait_instance is None:
        wait_instance = os.environ.get(WAIT_ENV, "") not in ("", "0")

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
            from pipeline import ahead

            waiting = None if force else ahead.prepare(root, home)  # helpers reading what looks new while the root is walked
            try:
                snap = unchanged.snapshot(root, home)  # the one walk of the data root (`unchanged.Snapshot`)
                mark("walked")
                _report_outbox(home, log)
                if not force and (lines := unchanged.recorded_summary(root, home, snap)) is not None:
                    log(NOTHING_CHANGED)
                    print("\n".join([header(root, time.perf_counter() - started), *lines]))
                    return _catch_up(home, wait_instance)
                reading = ahead.start(root, home, snap, waiting) if waiting is not None else None  # before `_run`'s imports
            finally:
                if waiting is not None:
                    waiting.close()
            mark("read-ahead started")
            try:
                _import_build()
                mark("build imported")
                result, lines, signature = _run(root, home, force, log, snap, wait_instance, reading)
            finally:
                if reading is not None:
                    reading.close()
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


def _import_build() -> None:
    """Import what building and publishing need (pandas, pandera, pyarrow and the steps) with the cyclic
    garbage collector paused, then leave those objects out of its later passes (`gc.freeze`): it would
    otherwise walk the libraries' objects again at every full pass (about 0.08 s of a small refresh)."""
    import gc

    gc.disable()
    try:
        import pipeline.build
        import pipeline.clustering
        import pipeline.plan
        import pipeline.publication
        import pipeline.runner  # noqa: F401 - imported for the build that follows
    finally:
        gc.freeze()
        gc.enable()


def _report_outbox(home: Path, log) -> None:
    """Say when earlier builds are not in the Dagster instance yet because recording them failed."""
    from pipeline.recorder import problems

    if found := problems(home):
        log(f"hoptac: {len(found)} earlier builds could not be recorded in the Dagster instance yet (see "
            f"{home / 'hoptac-outbox'}); this build records them again: {found[0]}")


def _catch_up(home: Path, wait_instance: bool) -> int:
    """After a build with nothing to do: start recording what earlier builds left in the outbox."""
    from pipeline.recorder import journals, start_drain

    if not journals(home):
        return 0
    proc = start_drain(home)
    return 1 if wait_instance and proc.wait() else 0


def _run(root: Path, home: Path, force: bool, log, snap, wait_instance: bool = False, reading=None):
    """`runner.run_build` noting what the Dagster instance is to record (`pipeline.recorder`), then the
    summary and the data root's stat signature (``snap``'s bronze and the built files walked again,
    `unchanged.Snapshot.after_build`: the recorder writes only in the Dagster home); the build's journal
    goes to the outbox last, and the instance records it from there (``wait_instance``: before this
    returns). ``reading``: the changed batches' documents read ahead (`pipeline.ahead`)."""
    from pipeline.recorder import OutboxRecorder, RecordingFailed
    from pipeline.runner import BuildResult, run_build

    recorder = OutboxRecorder(root, home, wait=wait_instance)
    result = None
    try:
        from pipeline.version import code_version

        result = run_build(recorder, root, force, log=log, stats=snap.batches() if snap is not None else None,
                           reading=reading, signatures=snap.signatures(code_version()) if snap is not None else None)
        mark("run_build done")
        lines = summary(root, recorder.counts)
        signature = snap.after_build().signature() if snap is not None and result.success else None
        mark("close start")
        drain = recorder.close()
        mark("close end")
        if drain is not None and not wait_instance:
            log(f"hoptac: the Dagster instance records this build in the background (process {drain.pid}); "
                f"--wait-for-instance waits for it")
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


def summary(root: Path, kept: dict[str, dict[str, int]] | None = None) -> list[str]:
    """Documents read, articles, duplicates, rejected, rows per table (the event tables included): the
    documents' status column and the Parquet footers, nothing else is read. ``kept``: batch → its
    counts (`build.process_batch`'s, with `build.STATUS`) where its parts are known to be those counted."""
    from collections import Counter

    from pipeline.build import STATUS
    from pipeline.storage import batches_written, read_table, row_count
    from schemas.registry import TABLES

    kept = {b: c for b, c in (kept or {}).items() if any(k.startswith(STATUS) for k in c)}
    lines = []
    batches = batches_written(root, "documents")
    status: Counter[str] = Counter()
    if unknown := [b for b in batches if b not in kept]:
        try:
            status.update(read_table(root, "documents", unknown, columns=["status"])["status"].value_counts().to_dict())
        except FileNotFoundError:
            batches = []
    for b in batches:
        if b in kept:
            status.update({k.removeprefix(STATUS): v for k, v in kept[b].items() if k.startswith(STATUS)})
    if batches:
        lines.append(f"  documents read {sum(status.values())} in {len(batches)} batches: articles "
                     f"{status.get('article', 0)}, duplicates {status.get('duplicate', 0)}, rejected {status.get('rejected', 0)}"
                     + (f", ignored {status['ignored']}" if status.get("ignored") else ""))
    else:
        lines.append("  no documents table written")
    for name in ("articles", "rejected", "meetings", "agreements", "trade_figures", "meeting_events",
                 "agreement_events", "extraction_rejected", "localities"):
        parts = batches_written(root, name) if TABLES[name].path == TABLES[name].parts else None
        try:
            if parts and all(b in kept and name in kept[b] for b in parts):
                rows = sum(kept[b][name] for b in parts)
            else:
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
    b.add_argument("--wait-for-instance", action="store_true", default=None,
                   help=f"return only once the Dagster instance records the build, and fail if it cannot "
                        f"(default: ${WAIT_ENV}, else it is recorded in the background)")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.data_dir, args.force, args.wait, args.wait_for_instance)
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
