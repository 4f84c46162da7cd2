"""A build's Dagster bookkeeping off its critical path: a helper process records it while the build goes on.

`hoptac build` starts `ProcessRecorder` first: a spawned process that imports Dagster, opens the
instance and then records what the build sends it through a pipe (the batches as partitions, each
built batch's materialisations and checks, the publication's), exactly the events a build in process
would record (`pipeline.defs.recording.InstanceRecorder`, which tests and the in-process path use).
The build itself never imports Dagster. It waits for the helper before it returns, so once `hoptac
build` is done the instance shows everything.

What each batch was last built from (its fingerprint, content fingerprint and stat signature) is kept
beside the instance too (`$DAGSTER_HOME/hoptac-batches/`, written once the helper has recorded the
same in the instance), with the stat of the batch's last part: an entry counts only while that part
is the very file the build wrote (a `build_batch` run from the UI writes it again); for any other
batch the versions are asked from the instance, as before.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from pathlib import Path

from pipeline.plan import BATCH_TABLES
from pipeline.roots import is_local

MANIFESTS = "hoptac-batches"
LAST_PART = BATCH_TABLES[-1]  # written last of a batch's parts


class RecordingFailed(RuntimeError):
    """The helper could not record the build in the Dagster instance."""


def _part_stat(root: Path, batch: str) -> list[int] | None:
    """Inode, size, modification and change times of the batch's last part; None when there is none."""
    from pipeline.storage import table_path

    try:
        st = os.stat(str(table_path(root, LAST_PART, batch)))
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _serve(conn, home: str) -> None:
    os.environ["DAGSTER_HOME"] = home
    from pipeline.defs.recording import serve

    serve(conn)


class ProcessRecorder:
    """Records in the Dagster instance of `$DAGSTER_HOME` from a helper process (see the module)."""

    is_ephemeral = False

    def __init__(self, root: Path, home: Path):
        self.root, self.home = root, home
        self._versions: dict[str, dict[str, str]] = {}
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, str(home)), name="hoptac-recorder")
        self._process.start()
        child.close()

    def _send(self, kind: str, *args) -> None:
        try:
            self._conn.send((kind, args))
        except OSError as e:
            raise RecordingFailed(f"the Dagster bookkeeping process is gone ({e})") from e

    def _reply(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError) as e:
            raise RecordingFailed(f"the Dagster bookkeeping process is gone ({type(e).__name__})") from e

    def register(self, root: Path) -> None:
        self._send("register", str(root))

    def recorded_versions(self, root: Path, batches: list[str]) -> dict[str, dict[str, str]]:
        """What each batch was last built from: from the manifest while its last part is unchanged, else
        asked from the instance; nothing for a batch without parts (a new one: it is built whatever the
        instance holds, and needs no waiting for it)."""
        kept = self._manifest() if is_local(root) else {}  # an object store's parts have no inode to compare
        found: dict[str, dict[str, str]] = {}
        for b in batches if is_local(root) else []:
            part = _part_stat(root, b)
            if part is None:
                found[b] = {}
            elif b in kept and kept[b].get("part") == part:
                found[b] = kept[b]["versions"]
        if missing := [b for b in batches if b not in found]:
            self._send("last_versions", missing)
            reply = self._reply()
            if not isinstance(reply, dict):
                raise RecordingFailed(f"the Dagster instance could not be read: {reply}")
            found |= reply
        self._versions = dict(found)
        return found

    def batch(self, batch: str, versions: dict[str, str], counts: dict[str, int], pid: int | None) -> None:
        self._send("batch", batch, versions, counts, pid)
        self._versions[batch] = {k: v for k, v in versions.items() if k in ("fingerprint", "content", "stat_signature")}

    def publication(self, root: Path, build: dict, package: dict, written: list[str]) -> None:
        self._send("publication", str(root), build, package, written)

    def close(self) -> None:
        """Wait until the helper recorded everything; then keep the batches' versions for the next build."""
        self._send("close")
        reply = self._reply()
        self._process.join(timeout=60)
        self._conn.close()
        if reply != []:
            raise RecordingFailed("; ".join(reply) if isinstance(reply, list) else str(reply))
        self._write_manifest()

    def _manifest_path(self) -> Path:
        key = hashlib.sha256(str(self.root).encode()).hexdigest()[:16]
        return self.home / MANIFESTS / f"{key}.json"

    def _manifest(self) -> dict:
        try:
            kept = json.loads(self._manifest_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return kept.get("batches", {}) if kept.get("root") == str(self.root) else {}

    def _write_manifest(self) -> None:
        batches = {b: {"versions": v, "part": part} for b, v in sorted(self._versions.items())
                   if v and (part := _part_stat(self.root, b)) is not None}
        path = self._manifest_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_text(json.dumps({"root": str(self.root), "batches": batches}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # only costs the next build a look-up in the instance
            pass

    def kill(self) -> None:
        """Stop the helper (the build failed on its own)."""
        self._process.kill()
        self._process.join()
