"""Incremental builds: each changed batch, then a publication proportional to the change.

Batches are built with `pipeline.build.process_batch` (all parts of a batch written aside, then put in
place together), in this process or, for many batches, side by side in worker processes (one per
core). Everything a build records in the Dagster instance goes through a recorder: the batches as
partitions, each batch's materialisations and checks (runless events, so the UI, the sensors and later
builds see them exactly as after a `build_batch` run), the publication's. `hoptac build` notes them in an
outbox the instance records from afterwards (`pipeline.recorder.OutboxRecorder`) and never imports
Dagster itself; given a `DagsterInstance` (tests, the UI's jobs), a build records in it directly. The publication is
`pipeline.publication.publish`, which the Dagster `publish` job's assets run step by step.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.faults import inject
from pipeline.timeline import mark

PARALLEL_FROM = 3  # batches; below this the start-up of worker processes costs more than it saves,
PARALLEL_FILES = 500  # unless they hold this many files (a worker's ~1 s start-up is ~500 documents' work)


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # batch → the fingerprint it was built with
    published: bool = False
    failures: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failures


def recorder_for(instance: Any):
    """``instance`` when it is a recorder already, else one recording straight into the Dagster instance."""
    if hasattr(instance, "recorded_versions"):
        return instance
    from pipeline.defs.recording import InstanceRecorder

    return InstanceRecorder(instance)


def run_build(instance: Any, root: Path, force: bool = False, log: Callable[[str], None] = print,
              workers: int | None = None, stats: dict[str, list[tuple[str, str]]] | None = None,
              reading=None, signatures: dict[str, str] | None = None) -> BuildResult:
    """Make the published outputs what a clean build of `root/bronze` gives: clear a killed build's
    debris, drop the parts of batches whose folder is gone, build the batches whose files, owners or
    code changed (all with ``force``), then publish unless the package already records exactly these
    batches and its files match it. ``instance``: a `DagsterInstance` or a recorder
    (`pipeline.recorder`); ``stats``: each batch's entries as a walk of the root just saw them
    (`unchanged.Snapshot.batches`; they are the batches), ``signatures`` their stat signatures
    (`unchanged.Snapshot.signatures`); ``reading``: documents being read ahead (`pipeline.ahead.ReadAhead`):
    when they cover every batch to build, this process builds them from what was read. Call it holding
    `pipeline.lock.build_lock`."""
    from pipeline.bronze import list_batches
    from pipeline.plan import make_plan
    from pipeline.publish import publication_needed
    from pipeline.storage import batches_written, drop_batch, remove_debris
    from pipeline.version import code_version, publication_version

    os.environ["DATA_DIR"] = str(root)  # the Dagster resources read the data root when a run starts
    recorder = recorder_for(instance)
    out = BuildResult()
    if debris := remove_debris(root):
        log(f"hoptac: removed {len(debris)} unfinished files left by an earlier build")
    mark("register send")
    recorder.register(root)
    recorded = recorder.recorded_versions(root, sorted(stats) if stats is not None else list_batches(root / "bronze"))
    mark("versions got")
    plan = make_plan(root, code_version(), lambda b: recorded.get(b, {}), force, stats, signatures)
    for b in plan.batches.keys() - set(plan.todo):  # touched, not changed: its files need not be read again
        if (signature := plan.batches[b].signature) and recorded.get(b, {}).get("stat_signature") != signature:
            recorder.restat(b, signature)
    for batch in plan.gone:
        log(f"hoptac: batch {batch} is gone from bronze; its parts are removed")
        drop_batch(root, batch)
    mark("plan done")
    todo = plan.todo
    workers = min(workers or os.cpu_count() or 1, len(todo))
    files = sum(len(plan.batches[b].hashes) for b in todo)
    if reading is not None and not (todo and reading.covers(todo)):
        reading.close()  # the plan builds nothing, or batches that were not read ahead
        reading = None
    if reading is not None:
        ready = reading.ready()
        for lost in reading.lost:
            log(f"hoptac: reading ahead lost a helper ({lost}); its documents are read here")
        _build_in_process(recorder, root, plan, out, log, ready)
    elif in_workers(workers, len(todo), files) and not recorder.is_ephemeral:
        _build_in_workers(recorder, root, plan, workers, out, log)
    else:
        _build_in_process(recorder, root, plan, out, log)
    if out.failures:
        return out
    mark("batches built")
    inject("batches-built")
    # what the instance now records for each batch with parts (`partitions.published_build`), known here
    build = {"code": publication_version(), "batches": {
        b: out.fingerprints.get(b) or plan.batches[b].fingerprint for b in batches_written(root, "documents")}}
    reason = "forced" if force else publication_needed(root, build)
    if reason is None:
        from pipeline.cli import NOTHING_CHANGED

        log(NOTHING_CHANGED)
        return out
    log(f"hoptac: publishing ({reason})")
    from pipeline.publication import publish

    try:
        # the documents of batches not built now, as the plan read them from their parts
        hashes = {b: [sha for _, sha in plan.batches[b].hashes] for b in build["batches"]
                  if b in plan.batches and b not in out.built}
        pub, package = publish(root, build, full=force, log=log, hashes=hashes, checked=out.built)
    except Exception as e:  # noqa: BLE001 - reported as the build's failure; the published set stays
        out.failures.append(f"publication: {type(e).__name__}: {e}")
        remove_debris(root)  # the stage: nothing of it was swapped in
        return out
    mark("published")
    recorder.publication(root, build, package, pub.written)
    out.published = True
    return out


def in_workers(workers: int, batches: int, files: int) -> bool:
    """Whether ``batches`` holding ``files`` documents are built side by side in ``workers`` processes."""
    return workers > 1 and batches > 1 and (batches >= PARALLEL_FROM or files >= PARALLEL_FILES)


def _record(recorder, batch: str, versions: dict[str, str], counts: dict[str, int], pid: int | None,
            out: BuildResult) -> None:
    recorder.batch(batch, versions, counts, pid)
    out.built.append(batch)
    out.fingerprints[batch] = versions["fingerprint"]


def _build_one(recorder, root: Path, plan, batch: str, out: BuildResult, ready=None) -> dict[str, int] | None:
    """Build ``batch`` in this process and record it; its row counts, or None when it failed. ``ready``:
    documents read already (`document.Ready`)."""
    from pipeline.build import process_batch
    from pipeline.version import code_version

    state = plan.batches[batch]
    try:
        versions, counts = process_batch(root, batch, code_version(), state.known, ready)
    except Exception as e:  # noqa: BLE001 - reported as the batch's failure; other batches go on
        out.failures.append(f"batch {batch}: {type(e).__name__}: {e}")
        return None
    _record(recorder, batch, {**versions, "stat_signature": state.signature}, counts, None, out)
    return counts


def _build_in_process(recorder, root: Path, plan, out: BuildResult, log, ready=None) -> None:
    for i, batch in enumerate(plan.todo, 1):
        log(f"hoptac: batch {batch} ({i}/{len(plan.todo)})")
        _build_one(recorder, root, plan, batch, out, ready)


def _build_in_workers(recorder, root: Path, plan, workers: int, out: BuildResult, log) -> None:
    """The batches side by side in ``workers`` processes. With no more batches than that, this process
    (its imports done: a worker's start-up is ~1 s) builds the largest one while the others run."""
    from pipeline.version import code_version

    todo = plan.todo
    mine = max(todo, key=lambda b: len(plan.batches[b].hashes)) if len(todo) <= workers else None
    pooled = [b for b in todo if b != mine]
    processes = min(workers, len(pooled))
    here = f"{mine} in this process and {len(pooled)} on {processes}" if mine else f"{len(todo)} on {processes}"
    log(f"hoptac: {len(todo)} batches: {here} worker processes")
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context)
    try:
        futures = {pool.submit(_worker, str(root), batch, code_version(), plan.batches[batch].known): batch
                   for batch in pooled}
        done = 0
        if mine is not None and (counts := _build_one(recorder, root, plan, mine, out)) is not None:
            done += 1
            _done(log, mine, done, len(todo), counts)
        for future in as_completed(futures):
            batch = futures[future]
            try:
                versions, counts, pid = future.result()
            except Exception as e:  # noqa: BLE001 - reported as the batch's failure; other batches go on
                out.failures.append(f"batch {batch}: {type(e).__name__}: {e}")
                continue
            _record(recorder, batch, {**versions, "stat_signature": plan.batches[batch].signature}, counts, pid, out)
            done += 1
            _done(log, batch, done, len(todo), counts)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # the workers end on their own: no waiting for their exit
    out.built.sort()


def _done(log, batch: str, i: int, n: int, counts: dict[str, int]) -> None:
    log(f"hoptac: batch {batch} done ({i}/{n}): {counts['articles']} articles, "
        f"{counts['meetings']} meetings, {counts['trade_figures']} figures")


def _worker(root: str, batch: str, version: str, known: dict[str, str]) -> tuple[dict[str, str], dict[str, int], int]:
    from pipeline.build import process_batch
    from pipeline.storage import data_dir

    return (*process_batch(data_dir(root), batch, version, known), os.getpid())
