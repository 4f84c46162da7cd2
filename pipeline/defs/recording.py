"""A build's bookkeeping in a Dagster instance: the batches as partitions, each built batch's and the
publication's materialisations and checks, and what each batch was last built from. `hoptac build`'s
outbox is recorded with it (`pipeline.recorder.drain`); builds given an instance use it directly."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.defs.partitions import batch_events, last_versions, register_batches
from pipeline.defs.runless import publication_events
from pipeline.storage import data_dir


class InstanceRecorder:
    """Records straight into ``instance`` (the build waits for each write)."""

    def __init__(self, instance: dg.DagsterInstance):
        self.instance = instance
        self.is_ephemeral = instance.is_ephemeral

    def register(self, root: Path | str) -> None:
        register_batches(self.instance, data_dir(str(root)))

    def last_versions(self, batches: list[str]) -> dict[str, dict[str, str]]:
        return {b: last_versions(self.instance, b) for b in batches}

    def recorded_versions(self, root: Path, batches: list[str]) -> dict[str, dict[str, str]]:
        return self.last_versions(batches)

    def batch(self, batch: str, versions: dict[str, str], counts: dict[str, int], pid: int | None) -> None:
        self._report(batch_events(batch, versions, counts, pid))

    def restat(self, batch: str, signature: str) -> None:
        """Nothing: a touched batch's files are read again at the next plan (`OutboxRecorder.restat`)."""

    def publication(self, root: Path | str, build: dict, package: dict, written: list[str]) -> None:
        self._report(publication_events(data_dir(str(root)), build, package, written))

    def close(self) -> None:
        pass

    def _report(self, events: list) -> None:
        for event in events:
            self.instance.report_runless_asset_event(event)
