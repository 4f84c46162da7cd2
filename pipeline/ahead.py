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
- **Warm before the walk.** The first helper is forked before the build walks the data root
  (`prepare`): while the build walks, it imports the extractors and loads their compiled lexicons
  (`document.prepare`), then waits to be told what to read (`start`) or ended (nothing changed, or
  too much).
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
            _end(pid, fd)
        self.helpers = []


def _end(pid: int, fd: int) -> None:
    """Kill helper ``pid`` (if it still runs), close its results pipe and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.close(fd)
    os.waitpid(pid, 0)


@dataclass
class Waiting:
    """A helper forked before the build's walk (`prepare`), warming up until `start` tells it what to
    read (`order`) or ends it (`close`)."""

    pid: int
    results: int  # read end of the pipe it delivers its documents through
    orders: int | None  # write end of the pipe it waits on for what to read; None once told

    def order(self, batches: list[str], index: int, count: int) -> tuple[int, int]:
        """Tell the helper to read its share of ``batches``; (process id, results pipe) as `_fork` gives.
        A helper that died meanwhile delivers nothing (`ReadAhead.ready` says so)."""
        fd, self.orders = self.orders, None
        try:
            with os.fdopen(fd, "wb") as pipe:
                pipe.write(pickle.dumps((batches, index, count), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
        return self.pid, self.results

    def close(self) -> None:
        """End the helper unless it was told what to read (then `ReadAhead` ends it)."""
        if self.orders is None:
            return
        os.close(self.orders)
        self.orders = None
        _end(self.pid, self.results)


def enabled() -> bool:
    return os.environ.get(ENV, "1").strip() not in ("0", "") and _can_fork()


def prepare(root: Path) -> Waiting | None:
    """Fork the first helper now, before the build walks the data root: it gets ready to read while the
    build walks (None where reading ahead does not apply)."""
    if not enabled():
        return None
    orders, told = os.pipe()
    pid, results = _fork(root, None, 0, 1, orders=(orders, told))
    os.close(orders)
    return Waiting(pid, results, told)


def start(root: Path, home: Path, snap, waiting: Waiting | None = None) -> ReadAhead | None:
    """Helpers reading ahead the batches of ``snap`` (the build's walk) that look changed, the first of
    them ``waiting`` when given (else forked now, as the others are); None when nothing looks changed,
    the change is too large or forking is not safe here (``waiting`` is then ended)."""
    try:
        changed, count = _share(root, home, snap) if snap is not None and enabled() else ([], 0)
        if not changed:
            return None
        first = waiting.order(changed, 0, count) if waiting is not None else _fork(root, changed, 0, count)
        return ReadAhead(changed, [first] + [_fork(root, changed, i, count) for i in range(1, count)])
    finally:
        if waiting is not None:
            waiting.close()


def _share(root: Path, home: Path, snap) -> tuple[list[str], int]:
    """The batches that look changed and how many helpers read them (none: too many documents)."""
    from pipeline.recorder import kept_manifest
    from pipeline.version import code_version

    kept = kept_manifest(root, home)
    stats = snap.batches()
    changed = [b for b, signature in sorted(snap.signatures(code_version()).items())
               if kept.get(b, {}).get("versions", {}).get("stat_signature") != signature]
    documents = sum(len(stats[b]) for b in changed)
    if not changed or documents > MAX_DOCUMENTS:
        return [], 0
    return changed, max(1, min(os.cpu_count() or 1, documents // PER_HELPER))  # as `runner` counts cores


def _can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _fork(root: Path, batches: list[str] | None, index: int, count: int,
          orders: tuple[int, int] | None = None) -> tuple[int, int]:
    """A helper reading its share of ``batches``, or (``orders``: a pipe's read and write ends) getting
    ready and then reading the share it is sent there (nothing when the pipe closes empty)."""
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
        if orders is not None:
            from pipeline.document import prepare as get_ready

            os.close(orders[1])
            get_ready()
            with os.fdopen(orders[0], "rb") as pipe:
                order = pipe.read()
            if not order:
                os._exit(0)
            batches, index, count = pickle.loads(order)
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
