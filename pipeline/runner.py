"""Incremental builds through Dagster: each changed batch, then the publication step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    published: bool = False
    failures: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failures


def run_build(instance: dg.DagsterInstance, root: Path, force: bool = False,
              log: Callable[[str], None] = print) -> BuildResult:
    """Register the batches found in `root/bronze`, build those whose files or code changed (all with
    ``force``), then republish. With nothing new nothing runs, so outputs stay byte-identical."""
    from pipeline.bronze import list_batches
    from pipeline.definitions import defs
    from pipeline.defs.partitions import register_batches, stale_batches
    from pipeline.publish import published_outputs_present

    out = BuildResult()
    register_batches(instance, root)
    todo = list_batches(root / "bronze") if force else stale_batches(instance, root)
    job = defs.resolve_job_def("build_batch")
    for i, batch in enumerate(todo, 1):
        log(f"hoptac: batch {batch} ({i}/{len(todo)})")
        result = job.execute_in_process(instance=instance, partition_key=batch, raise_on_error=False)
        if result.success:
            out.built.append(batch)
        else:
            out.failures += [f"batch {batch}: {e.message}" for e in result.all_events if e.is_failure]
    if out.failures:
        return out
    if todo or not published_outputs_present(root):
        result = defs.resolve_job_def("publish").execute_in_process(instance=instance, raise_on_error=False)
        out.published = result.success
        out.failures += [e.message for e in result.all_events if e.is_failure]
    else:
        log("hoptac: nothing changed since the last build; outputs left as they are")
    return out
