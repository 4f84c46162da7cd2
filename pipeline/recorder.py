"""A build's Dagster bookkeeping off its critical path: an outbox the instance catches up from.

`hoptac build` never imports Dagster. What it would record in the instance (the batches as
partitions, each built batch's materialisations and checks, the publication's: exactly the events a
build given an instance records, `pipeline.defs.recording.InstanceRecorder`) is noted as it goes and,
once the outputs are published, written as one journal file to `$DAGSTER_HOME/hoptac-outbox/`. A
detached process (`python -m pipeline.recorder`, its output in `hoptac-outbox/recorder.log`) then
records every journal of the outbox, oldest first, one process at a time (a lock beside them), and
removes each once the instance holds all of it. The build returns as soon as its journal is on disk:
the instance shows the build a moment later (`--wait-for-instance` waits for it, and fails the build
when it cannot be recorded).

Nothing is lost when recording fails (a locked or broken instance, a killed process): the journal stays
with an `.error` note beside it, the next build says so and records it again (at least once: a
journal whose recording died half-way may record some events twice). After `MAX_ATTEMPTS` failed
attempts a journal is set aside as `.failed` so that later ones still go in. Whenever a build must
ask the instance (a batch's versions the kept manifest below does not cover), the outbox is drained
first, in the build's own process.

What each batch was last built from (its fingerprint, content fingerprint and stat signature) is kept
beside the instance too (`$DAGSTER_HOME/hoptac-batches/`), with the stat of the batch's last part: an
entry counts only while that part is the very file the build wrote (a `build_batch` run from the UI
writes it again); for any other batch the versions are asked from the instance.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from pipeline.plan import BATCH_TABLES
from pipeline.roots import is_local

MANIFESTS = "hoptac-batches"
OUTBOX = "hoptac-outbox"
JOURNAL = ".journal"
MAX_ATTEMPTS = 3  # failed recordings of one journal before it is set aside (`.failed`)
LAST_PART = BATCH_TABLES[-1]  # written last of a batch's parts


class RecordingFailed(RuntimeError):
    """The build could not be recorded in the Dagster instance."""


def _part_stat(root: Path, batch: str) -> list[int] | None:
    """Inode, size, modification and change times of the batch's last part; None when there is none."""
    from pipeline.storage import table_path

    try:
        st = os.stat(str(table_path(root, LAST_PART, batch)))
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def journals(home: Path) -> list[Path]:
    """The journals of ``home``'s outbox still to record, oldest first."""
    try:
        return sorted((home / OUTBOX).glob(f"*{JOURNAL}"))
    except OSError:
        return []


def problems(home: Path) -> list[str]:
    """Why journals of the outbox are not recorded yet (last error of each), and those set aside."""
    box = home / OUTBOX
    out = [f"{p.name}: {_last_line(p)}" for p in sorted(box.glob("*.error"))]
    return out + [f"{p.name}: set aside after {MAX_ATTEMPTS} failed attempts" for p in sorted(box.glob("*.failed"))]


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").strip().splitlines()
    except OSError:
        return "?"
    return lines[-1] if lines else "?"


def drain(home: Path) -> list[str]:
    """Record every journal of ``home``'s outbox in its instance, oldest first, holding the outbox lock;
    the errors met (none: `[]`). A journal that fails stops the drain (the later ones wait, in order)
    unless it has failed `MAX_ATTEMPTS` times, when it is set aside."""
    if not journals(home):
        return []
    box = home / OUTBOX
    with (box / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one drain at a time; a build's in-process drain waits here too
        return _drain_locked(home)


def _drain_locked(home: Path) -> list[str]:
    os.environ["DAGSTER_HOME"] = str(home)
    errors: list[str] = []
    try:
        import dagster as dg

        from pipeline.defs.recording import InstanceRecorder

        instance = dg.DagsterInstance.get()
    except Exception as e:  # noqa: BLE001 - no instance to record in: the oldest journal notes why
        _failed(journals(home)[0], e, errors)
        return errors
    with instance:
        recorder = InstanceRecorder(instance)
        while todo := journals(home):
            for path in todo:
                try:
                    with path.open("rb") as f:
                        requests = pickle.load(f)
                    for kind, args in requests:
                        getattr(recorder, kind)(*args)
                except Exception as e:  # noqa: BLE001 - kept with its reason, recorded again later
                    if _failed(path, e, errors):
                        return errors
                    continue
                path.unlink()
                path.with_suffix(".error").unlink(missing_ok=True)
    return errors


def _failed(path: Path, e: Exception, errors: list[str]) -> bool:
    """Note in ``errors`` and beside ``path`` why it could not be recorded; whether the drain stops
    (later journals wait, in order), not when it is set aside after `MAX_ATTEMPTS`."""
    note = path.with_suffix(".error")
    attempts = _attempts(note) + 1
    with note.open("a", encoding="utf-8") as f:
        f.write(f"attempt {attempts} at {time.strftime('%Y-%m-%dT%H:%M:%S')}:\n"
                f"{traceback.format_exc(limit=3)}{type(e).__name__}: {e}\n")
    errors.append(f"{path.name}: {type(e).__name__}: {e}")
    if attempts < MAX_ATTEMPTS:
        return True
    path.rename(path.with_suffix(".failed"))
    return False


def _attempts(note: Path) -> int:
    try:
        return sum(line.startswith("attempt ") for line in note.read_text(encoding="utf-8").splitlines())
    except OSError:
        return 0


def wait_recorded(home: Path, timeout: float = 600.0) -> bool:
    """Wait until ``home``'s outbox holds no journal and no drain is running; whether that happened
    within ``timeout`` seconds (a journal that keeps failing stays: see `problems`)."""
    deadline = time.monotonic() + timeout
    while journals(home) and not problems(home):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    lock = home / OUTBOX / ".lock"
    if lock.exists():
        with lock.open("a") as f:
            fcntl.flock(f, fcntl.LOCK_EX)  # the drain that took the last journal has ended
    return not journals(home)


def start_drain(home: Path) -> subprocess.Popen:
    """A detached process draining ``home``'s outbox (`python -m pipeline.recorder`)."""
    box = home / OUTBOX
    box.mkdir(parents=True, exist_ok=True)
    with (box / "recorder.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "pipeline.recorder"], env={**os.environ, "DAGSTER_HOME": str(home)},
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)


def _manifest_path(root: Path, home: Path) -> Path:
    key = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return home / MANIFESTS / f"{key}.json"


def kept_manifest(root: Path, home: Path) -> dict[str, dict]:
    """Batch → what the last build kept of it beside the instance (its versions, last part's stat, counts)."""
    try:
        kept = json.loads(_manifest_path(root, home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return kept.get("batches", {}) if kept.get("root") == str(root) else {}


class OutboxRecorder:
    """Notes what a build records and hands it to the instance through the outbox (see the module)."""

    is_ephemeral = False

    def __init__(self, root: Path, home: Path, wait: bool = False):
        self.root, self.home, self.wait = root, home, wait
        self._requests: list[tuple[str, tuple]] = []
        self._versions: dict[str, dict[str, str]] = {}
        self.counts: dict[str, dict[str, int]] = {}  # batch → its rows and documents by status, while its parts stand

    def register(self, root: Path) -> None:
        self._requests.append(("register", (str(root),)))

    def recorded_versions(self, root: Path, batches: list[str]) -> dict[str, dict[str, str]]:
        """What each batch was last built from: from the manifest while its last part is unchanged, else
        asked from the instance (after the outbox is drained); nothing for a batch without parts (a new
        one: it is built whatever the instance holds)."""
        kept = self._manifest() if is_local(root) else {}  # an object store's parts have no inode to compare
        found: dict[str, dict[str, str]] = {}
        for b in batches if is_local(root) else []:
            part = _part_stat(root, b)
            if part is None:
                found[b] = {}
            elif b in kept and kept[b].get("part") == part:
                found[b] = kept[b]["versions"]
                if "counts" in kept[b]:
                    self.counts[b] = kept[b]["counts"]
        if missing := [b for b in batches if b not in found]:
            found |= self._ask_instance(missing)
        self._versions = dict(found)
        return found

    def _ask_instance(self, batches: list[str]) -> dict[str, dict[str, str]]:
        if errors := drain(self.home):
            raise RecordingFailed("earlier builds could not be recorded in the Dagster instance: " + "; ".join(errors))
        os.environ["DAGSTER_HOME"] = str(self.home)
        try:
            import dagster as dg

            from pipeline.defs.partitions import last_versions

            with dg.DagsterInstance.get() as instance:
                return {b: last_versions(instance, b) for b in batches}
        except Exception as e:
            raise RecordingFailed(f"the Dagster instance could not be read: {type(e).__name__}: {e}") from e

    def batch(self, batch: str, versions: dict[str, str], counts: dict[str, int], pid: int | None) -> None:
        self._requests.append(("batch", (batch, versions, counts, pid or os.getpid())))
        self._versions[batch] = {k: v for k, v in versions.items() if k in ("fingerprint", "content", "stat_signature")}
        self.counts[batch] = dict(counts)

    def restat(self, batch: str, signature: str) -> None:
        """Keep ``signature`` as the stat signature of ``batch``, whose files were touched (copied, restored,
        rewritten as they were) but hold what it was built from: the next plan takes its recorded
        versions instead of reading every file again. Only the kept manifest has it (the instance keeps
        what the batch was built from)."""
        if versions := self._versions.get(batch):
            self._versions[batch] = versions | {"stat_signature": signature}

    def publication(self, root: Path, build: dict, package: dict, written: list[str]) -> None:
        self._requests.append(("publication", (str(root), build, package, written)))

    def close(self) -> subprocess.Popen | None:
        """Keep the batches' versions, put the build's journal in the outbox and start its drain (with
        ``wait``: wait for it, and raise `RecordingFailed` unless this build's journal went in).
        Returns the drain started, if any."""
        self._write_manifest()
        mine = self._write_journal() if self._requests else None
        if mine is None and not journals(self.home):
            return None
        proc = start_drain(self.home)
        if self.wait:
            proc.wait()
            if mine is not None and (mine.exists() or mine.with_suffix(".failed").exists()):
                raise RecordingFailed(_last_line(mine.with_suffix(".error")))
        return proc

    def _write_journal(self) -> Path:
        box = self.home / OUTBOX
        box.mkdir(parents=True, exist_ok=True)
        path = box / f"{time.time_ns():020d}-{os.getpid()}{JOURNAL}"
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=box)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(self._requests, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        self._requests = []
        return path

    def _manifest_path(self) -> Path:
        return _manifest_path(self.root, self.home)

    def _manifest(self) -> dict:
        return kept_manifest(self.root, self.home)

    def _write_manifest(self) -> None:
        batches = {b: {"versions": v, "part": part} | ({"counts": self.counts[b]} if b in self.counts else {})
                   for b, v in sorted(self._versions.items()) if v and (part := _part_stat(self.root, b)) is not None}
        path = self._manifest_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_text(json.dumps({"root": str(self.root), "batches": batches}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # only costs the next build a look-up in the instance
            pass

    def kill(self) -> None:
        """Forget what was noted (the build failed on its own: its batches are built again next time)."""
        self._requests = []


def main() -> None:
    """`python -m pipeline.recorder`: drain `$DAGSTER_HOME`'s outbox; status 1 when something failed."""
    home = Path(os.environ["DAGSTER_HOME"])
    errors = drain(home)
    for e in errors:
        print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} hoptac recorder: {e}", file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(1 if errors else 0)  # see `pipeline.cli.run`: pyarrow's threads must not outlive a clean exit


if __name__ == "__main__":
    main()
