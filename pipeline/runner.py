"""Incremental builds through Dagster: each changed batch, then the publication step.

A few batches run as Dagster runs of `build_batch`, one after another. Many batches run side by side
in worker processes (one per core), each building whole batches with the same functions; the parent
records each batch's materialisations and checks in the Dagster instance (runless events), so the UI,
the sensor and later builds see them exactly as after a `build_batch` run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

LOGS = {"loggers": {"console": {"config": {"log_level": os.environ.get("HOPTAC_LOG_LEVEL", "INFO")}}}}
PARALLEL_FROM = 3  # batches; below this the start-up of worker processes costs more than it saves


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    published: bool = False
    failures: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failures


def run_build(instance: dg.DagsterInstance, root: Path, force: bool = False,
              log: Callable[[str], None] = print, workers: int | None = None) -> BuildResult:
    """Register the batches found in `root/bronze`, build those whose files or code changed (all with
    ``force``), then republish. With nothing new nothing runs, so outputs stay byte-identical."""
    from pipeline.bronze import list_batches
    from pipeline.defs.partitions import register_batches, stale_batches
    from pipeline.publish import published_outputs_present

    os.environ["DATA_DIR"] = str(root)  # the Dagster resources read the data root when a run starts
    out = BuildResult()
    register_batches(instance, root)
    todo = list_batches(root / "bronze") if force else stale_batches(instance, root)
    workers = min(workers or os.cpu_count() or 1, len(todo))
    if workers > 1 and len(todo) >= PARALLEL_FROM and not instance.is_ephemeral:
        _build_in_workers(instance, root, todo, workers, out, log)
    else:
        _build_as_runs(instance, todo, out, log)
    if out.failures:
        return out
    if todo or not published_outputs_present(root):
        from pipeline.definitions import defs

        result = defs.resolve_job_def("publish").execute_in_process(instance=instance, raise_on_error=False,
                                                                    run_config=LOGS)
        out.published = result.success
        out.failures += [e.message for e in result.all_events if e.is_failure]
    else:
        log("hoptac: nothing changed since the last build; outputs left as they are")
    return out


def _build_as_runs(instance: dg.DagsterInstance, todo: list[str], out: BuildResult, log) -> None:
    from pipeline.definitions import defs

    job = defs.resolve_job_def("build_batch")
    for i, batch in enumerate(todo, 1):
        log(f"hoptac: batch {batch} ({i}/{len(todo)})")
        result = job.execute_in_process(instance=instance, partition_key=batch, raise_on_error=False,
                                        run_config=LOGS)
        if result.success:
            out.built.append(batch)
        else:
            out.failures += [f"batch {batch}: {e.message}" for e in result.all_events if e.is_failure]


def owners(root: Path, todo: list[str]) -> dict[str, dict[str, str]]:
    """Per batch to build: SHA-256 → path of documents another batch keeps. Batches already built keep
    theirs; among the batches to build, the first in name order keeps a document (as a sequential build would)."""
    from pipeline.bronze import batch_of, scan
    from pipeline.build import known_documents

    kept = {sha: path for sha, path in known_documents(root, "").items() if batch_of(path) not in todo}
    first: dict[str, tuple[str, str]] = {}
    shas: dict[str, list[str]] = {}
    for batch in todo:
        shas[batch] = []
        for f in scan(root / "bronze", batch):
            shas[batch].append(f.sha256)
            if f.sha256 not in kept:
                first.setdefault(f.sha256, (batch, f.source_path))
    known: dict[str, dict[str, str]] = {batch: {} for batch in todo}
    for batch in todo:  # only the batch's own documents: each worker gets a small map, not the corpus
        for sha in shas[batch]:
            if sha in kept:
                known[batch][sha] = kept[sha]
            elif first[sha][0] != batch:
                known[batch][sha] = first[sha][1]
    return known


def _build_in_workers(instance: dg.DagsterInstance, root: Path, todo: list[str], workers: int,
                      out: BuildResult, log) -> None:
    from pipeline.bronze import stat_signature
    from pipeline.defs.partitions import batch_events
    from pipeline.version import code_version

    known = owners(root, todo)
    signatures = {b: stat_signature(root / "bronze", b, code_version()) or "" for b in todo}  # before reading
    log(f"hoptac: {len(todo)} batches on {workers} worker processes")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_worker, str(root), batch, code_version(), known[batch]): batch for batch in todo}
        for i, future in enumerate(as_completed(futures), 1):
            batch = futures[future]
            try:
                fingerprint, counts, pid = future.result()
            except Exception as e:  # noqa: BLE001 - reported as the batch's failure; other batches go on
                out.failures.append(f"batch {batch}: {type(e).__name__}: {e}")
                continue
            versions = {"fingerprint": fingerprint, "stat_signature": signatures[batch]}
            for event in batch_events(batch, versions, counts, pid):
                instance.report_runless_asset_event(event)
            out.built.append(batch)
            log(f"hoptac: batch {batch} done ({i}/{len(todo)}): {counts['articles']} articles, "
                f"{counts['meetings']} meetings, {counts['trade_figures']} figures")
    out.built.sort()


def _worker(root: str, batch: str, version: str, known: dict[str, str]) -> tuple[str, dict[str, int], int]:
    from pipeline.build import process_batch
    from pipeline.storage import data_dir

    return (*process_batch(data_dir(root), batch, version, known), os.getpid())
