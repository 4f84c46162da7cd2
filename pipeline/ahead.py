"""Reading ahead: while `hoptac build` imports pandas, pandera and pyarrow and plans, forked helper
processes decode, clean and extract the documents of the batches that look changed, so building
those batches is left with validating and writing their rows.

- **Which documents.** A batch looks changed when its stat signature (from the build's one walk of
  the data root, `unchanged.Snapshot`) is not the one the kept manifest records for it
  (`recorder.kept_manifest`). The plan still decides what is built; a batch it does not build was
  read for nothing.
- **The same rows.** The helpers call the functions a build calls (`pipeline.document`), and their
  results are a memo keyed by each document's path and content hash (`document.Ready`). Whatever a
  helper does not deliver, the build computes itself: a helper that died, a document that ran out of
  its time budget (timed again in the build, whose core is not shared), a batch the plan builds that
  did not look changed, a file rewritten since.
- **When.** Only where `os.fork` is safe and cheap: on Linux, from a process running one thread,
  before the heavy imports (the helpers do not import pandas), for at most `MAX_DOCUMENTS`
  documents; a larger change goes to worker processes (`runner`), whose start-up it amortises.
  ``HOPTAC_READ_AHEAD=0`` turns it off. The helpers end with the build (killed if still running).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.timeline import mark

ENV = "HOPTAC_READ_AHEAD"
MAX_DOCUMENTS = 5000  # beyond this, worker processes build the batches (and hold their rows, not this one)
PER_HELPER = 400  # documents per helper (up to one per core): about what one reads while the build imports and plans


@dataclass
class ReadAhead:
    """The helpers reading ``batches`` ahead, and what they delivered (`ready`, once all have ended)."""

    batches: list[str]
    helpers: list[tuple[int, int]]  # (process id, read end of its pipe)
    lost: list[str] = field(default_factory=list)  # why a helper delivered nothing
    _ready: object | None = None

    def covers(self, batches: list[str]) -> bool:
        return set(batches) <= set(self.batches)

    def ready(self):
        """Every helper's results as one `document.Ready` (waits for the helpers the first time)."""
        from pipeline.document import Ready

        if self._ready is None:
            ready = Ready()
            for pid, fd in self.helpers:
                with os.fdopen(fd, "rb") as pipe:
                    data = pipe.read()
                _, status = os.waitpid(pid, 0)
                code = os.waitstatus_to_exitcode(status)
                try:
                    if code != 0:
                        raise ValueError(f"exit status {code}")
                    ready.update(pickle.loads(data))
                except Exception as e:  # noqa: BLE001 - the build computes what this helper did not deliver
                    self.lost.append(f"helper {pid}: {e}")
            self.helpers = []
            self._ready = ready
            mark(f"read ahead: {len(ready)} documents")
        return self._ready

    def close(self) -> None:
        """End the helpers still running (the build no longer needs them)."""
        for pid, fd in self.helpers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(fd)
            os.waitpid(pid, 0)
        self.helpers = []


def start(root: Path, home: Path, snap) -> ReadAhead | None:
    """Helpers reading ahead the batches of ``snap`` (the build's walk) that look changed; None when
    nothing looks changed, the change is too large or forking is not safe here."""
    if snap is None or os.environ.get(ENV, "1").strip() in ("0", "") or not _can_fork():
        return None
    from pipeline.recorder import kept_manifest
    from pipeline.version import code_version

    kept = kept_manifest(root, home)
    stats = snap.batches()
    changed = [b for b, signature in sorted(snap.signatures(code_version()).items())
               if kept.get(b, {}).get("versions", {}).get("stat_signature") != signature]
    documents = sum(len(stats[b]) for b in changed)
    if not changed or documents > MAX_DOCUMENTS:
        return None
    count = max(1, min(os.cpu_count() or 1, documents // PER_HELPER))  # as `runner` counts cores
    return ReadAhead(changed, [_fork(root, changed, i, count) for i in range(count)])


def _can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _fork(root: Path, batches: list[str], index: int, count: int) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    code = 1
    try:  # the helper: never back into the build's code (`os._exit`, whatever happens)
        os.close(read)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _end_with_parent()
        data = pickle.dumps(_read(root, batches, index, count), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # noqa: BLE001 - the build computes what this helper did not deliver
        pass
    finally:
        os._exit(code)


def _end_with_parent() -> None:
    """Have the kernel end this helper when the build's process ends (Linux `prctl`)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _read(root: Path, batches: list[str], index: int, count: int):
    """Every ``count``-th document of ``batches`` from the ``index``-th, cleaned and extracted."""
    from pipeline.bronze import scan
    from pipeline.budget import document_budget
    from pipeline.document import Ready, clean_file, extract_row
    from pipeline.faults import inject

    inject("read-ahead")
    ready, budget, seen = Ready(), document_budget(), 0
    for batch in batches:
        for f in scan(root / "bronze", batch):
            if f.problem:
                continue
            seen += 1
            if (seen - 1) % count != index:
                continue
            cleaned = clean_file(f)
            extracted = extract_row(cleaned.article, budget) if cleaned.article is not None else None
            if extracted is not None and extracted.timed_out:
                extracted = None  # timed on a shared core: the build times it again
            ready.add(f.source_path, f.sha256, cleaned, extracted)
    mark(f"read ahead: helper {index + 1}/{count} done")
    return ready
