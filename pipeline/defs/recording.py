"""A build's bookkeeping in a Dagster instance: the batches as partitions, each built batch's and the
publication's materialisations and checks, and what each batch was last built from. `hoptac build`
runs `serve` in its helper process (`pipeline.recorder`); builds given an instance use
`InstanceRecorder` directly."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

import dagster as dg

from pipeline.defs.partitions import batch_events, last_versions, register_batches
from pipeline.defs.runless import publication_events
from pipeline.storage import data_dir
from pipeline.timeline import mark


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

    def publication(self, root: Path | str, build: dict, package: dict, written: list[str]) -> None:
        self._report(publication_events(data_dir(str(root)), build, package, written))

    def close(self) -> None:
        pass

    def _report(self, events: list) -> None:
        for event in events:
            self.instance.report_runless_asset_event(event)


def serve(conn) -> None:
    """The helper's loop: open the instance, run each request (`("batch", args)`…) until `close`, then
    answer with the errors met (none: `[]`) and end at once (see `pipeline.cli.run`)."""
    mark("helper imports done")
    errors: list[str] = []
    try:
        with dg.DagsterInstance.get() as instance:
            recorder = InstanceRecorder(instance)
            mark("instance open")
            while True:
                kind, args = conn.recv()
                mark(f"got {kind}")
                if kind == "close":
                    break
                try:
                    result = getattr(recorder, kind)(*args)
                except Exception as e:  # noqa: BLE001 - reported to the build, which fails
                    errors.append(f"{kind}: {type(e).__name__}: {e}")
                    result = f"{type(e).__name__}: {e}"
                mark(f"done {kind}")
                if kind == "last_versions":
                    conn.send(result)
    except Exception:  # noqa: BLE001 - the instance could not be opened
        errors.append(traceback.format_exc(limit=3))
    try:
        conn.send(errors)
        conn.close()
    finally:
        os._exit(0)
