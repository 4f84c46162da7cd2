"""Reading ahead: while `hoptac build` walks the data root, imports pandas, pandera and pyarrow and
plans, forked helper processes decode, clean and extract the documents of the batches that look
changed, so building those batches is left with validating and writing their rows.

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
- **Before the walk.** The helpers are forked before the build walks the data root (`prepare`), one
  per core. Each guesses from a listing of `bronze/` alone what the walk will find changed: the
  batches the kept manifest does not know, which is what a daily refresh adds (`_guess`). The helpers
  the guess needs import the extractors, load their compiled lexicons (`document.prepare`) and start
  reading their share of those batches while the build walks. Once it has walked, the build tells
  each helper its share (`start`), or ends it (nothing changed, too much, or a helper not needed).
  A helper whose guess was right goes on where it is; one whose guess was wrong keeps what it read
  (still the same rows) and reads the share it was told.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.timeline import mark

ENV = "HOPTAC_READ_AHEAD"
MAX_DOCUMENTS = 5000  # beyond this, worker processes build the batches (and hold their rows, not this one)
PER_HELPER = 400  # documents per helper (up to one per core): about what one reads while the build imports and plans

Order = tuple[list[str], int, int]  # the batches to read, this helper's index among `count` helpers, count


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
class Helper:
    """A helper forked before the build's walk: its process id, the read end of the pipe it delivers its
    documents through, and the write end of the pipe it is told its share on (None once told)."""

    pid: int
    results: int
    orders: int | None


@dataclass
class Waiting:
    """The helpers forked before the build's walk (`prepare`), reading what they guess until `start`
    tells them what to read (`order`) or ends them (`close`)."""

    helpers: list[Helper]

    def pipes(self) -> list[int]:
        """The pipe ends this process holds for the helpers (a helper forked later must close them)."""
        return [fd for h in self.helpers for fd in (h.results, h.orders) if fd is not None]

    def order(self, index: int, order: Order) -> tuple[int, int]:
        """Tell helper ``index`` its share; (process id, results pipe) as `_fork` gives. A helper that
        died meanwhile delivers nothing (`ReadAhead.ready` says so)."""
        helper = self.helpers[index]
        fd, helper.orders = helper.orders, None
        try:
            with os.fdopen(fd, "wb") as pipe:
                pipe.write(pickle.dumps(order, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass
        return helper.pid, helper.results

    def close(self) -> None:
        """End the helpers that were not told what to read (those told, `ReadAhead` ends)."""
        for helper in self.helpers:
            if helper.orders is not None:
                os.close(helper.orders)
                helper.orders = None
                _end(helper.pid, helper.results)


def enabled() -> bool:
    return os.environ.get(ENV, "1").strip() not in ("0", "") and _can_fork()


def helpers_for(documents: int) -> int:
    """How many helpers read ``documents`` between them (0: too many, worker processes build them)."""
    if documents > MAX_DOCUMENTS:
        return 0
    return max(1, min(os.cpu_count() or 1, documents // PER_HELPER))  # as `runner` counts cores


def prepare(root: Path, home: Path) -> Waiting | None:
    """Fork the helpers now, before the build walks the data root: as many as the most documents read
    ahead would have (None where reading ahead does not apply)."""
    if not enabled():
        return None
    waiting = Waiting([])
    for index in range(helpers_for(MAX_DOCUMENTS)):
        orders, told = os.pipe()
        pid, results = _fork(root, home, index, orders=(orders, told), siblings=waiting.pipes())
        os.close(orders)
        waiting.helpers.append(Helper(pid, results, told))
    return waiting


def start(root: Path, home: Path, snap, waiting: Waiting | None = None) -> ReadAhead | None:
    """Helpers reading ahead the batches of ``snap`` (the build's walk) that look changed: those of
    ``waiting`` that are needed, told their share, and any more forked now; None when nothing looks
    changed, the change is too large or forking is not safe here. The helpers of ``waiting`` not told
    anything are ended."""
    try:
        changed, count = _share(root, home, snap) if snap is not None and enabled() else ([], 0)
        if not changed:
            return None
        told = min(count, len(waiting.helpers)) if waiting is not None else 0
        helpers = [waiting.order(i, (changed, i, count)) for i in range(told)]
        for i in range(told, count):
            siblings = [fd for _, fd in helpers] + (waiting.pipes() if waiting is not None else [])
            helpers.append(_fork(root, home, i, order=(changed, i, count), siblings=siblings))
        return ReadAhead(changed, helpers)
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
    count = helpers_for(sum(len(stats[b]) for b in changed))
    return (changed, count) if changed and count else ([], 0)


def _guess(root: Path, home: Path) -> tuple[list[str], int] | None:
    """What `_share` will most likely find, from a listing of `bronze/` alone (no stat of its files):
    the batches the kept manifest does not know and how many helpers read them; None for none, or
    for too many documents."""
    from pipeline.bronze import ROOT_BATCH, _entries, batch_key
    from pipeline.recorder import kept_manifest

    kept = kept_manifest(root, home)
    bronze = root / "bronze"
    try:
        listing = list(os.scandir(bronze))
    except OSError:
        return None
    new: list[str] = []
    documents = 0
    loose = ROOT_BATCH not in kept and any(not e.is_dir(follow_symlinks=False) for e in listing)
    for batch, entries in ([(ROOT_BATCH, _entries(bronze, recursive=False))] if loose else []) + [
            (batch_key(e.name), _entries(e.path, f"{e.name}/")) for e in listing
            if e.is_dir(follow_symlinks=False) and batch_key(e.name) not in kept]:
        n = sum(1 for _ in entries)
        if n:
            new.append(batch)
            documents += n
        if documents > MAX_DOCUMENTS:
            return None
    count = helpers_for(documents)
    return (sorted(new), count) if new and count else None


def _can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _fork(root: Path, home: Path, index: int, order: Order | None = None,
          orders: tuple[int, int] | None = None, siblings: list[int] = ()) -> tuple[int, int]:
    """Helper ``index``: reading the share it is given (``order``), or (``orders``: a pipe's read and
    write ends) reading what it guesses until it is sent its share there (ending when the pipe closes
    empty). (process id, read end of the pipe it delivers its documents through). ``siblings``: the
    pipe ends held for helpers forked before, which this one closes (a copy of another's order pipe
    kept open would leave that helper waiting for its end)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    code = 1
    try:  # the helper: never back into the build's code (`os._exit`, whatever happens)
        for fd in (read, *siblings):
            os.close(fd)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _end_with_parent()
        if orders is not None:
            os.close(orders[1])
        ready = _help(root, home, index, order, orders[0] if orders is not None else None)
        if ready is not None:
            data = pickle.dumps(ready, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
        code = 0
    except BaseException:  # noqa: BLE001 - the build computes what this helper did not deliver
        pass
    finally:
        os._exit(code)


def _help(root: Path, home: Path, index: int, order: Order | None, orders: int | None):
    """What helper ``index`` delivers (a `document.Ready`), or None when it was ended before any order."""
    from pipeline.document import Ready
    from pipeline.document import prepare as get_ready
    from pipeline.faults import inject

    inject("read-ahead")
    ready = Ready()
    guessed = files = None
    if order is None:
        told = False
        if (guess := _guess(root, home)) is not None and index < guess[1]:
            guessed = (guess[0], index, guess[1])
            get_ready()
            files = _files(root, *guessed)
            told = _read(ready, files, orders)  # until the build's order comes, or the share is read
            if told is False:
                mark(f"read ahead: helper {index + 1}/{guess[1]} read its guess")
        if told is False:
            told = _told(orders)
        if told is None:
            return None
        order = told
    if order == guessed:
        _read(ready, files)  # the guess was right: what is left of its share
    else:
        get_ready()
        _read(ready, (f for f in _files(root, *order) if ready.cleaned(f) is None))
    mark(f"read ahead: helper {order[1] + 1}/{order[2]} done")
    return ready


def _told(orders: int, wait: bool = True) -> Order | None | bool:
    """The share the build sends on ``orders`` (None: it closed the pipe unsaid, the helper ends);
    without ``wait``, False while nothing has come."""
    if not wait and not select.select([orders], [], [], 0)[0]:
        return False
    with os.fdopen(orders, "rb") as pipe:
        data = pipe.read()
    return pickle.loads(data) if data else None


def _files(root: Path, batches: list[str], index: int, count: int) -> Iterator:
    """Every ``count``-th readable document of ``batches`` from the ``index``-th (`bronze.BronzeFile`)."""
    from pipeline.bronze import scan

    seen = 0
    for batch in batches:
        for f in scan(root / "bronze", batch):
            if f.problem:
                continue
            seen += 1
            if (seen - 1) % count == index:
                yield f


def _read(ready, files, orders: int | None = None) -> Order | None | bool:
    """Clean and extract ``files`` into ``ready``. With ``orders``: stop as soon as the build has said
    something there and return it (`_told`); False once the files are read."""
    from pipeline.budget import document_budget
    from pipeline.document import clean_file, extract_row

    budget = document_budget()
    for f in files:
        cleaned = clean_file(f)
        extracted = extract_row(cleaned.article, budget) if cleaned.article is not None else None
        if extracted is not None and extracted.timed_out:
            extracted = None  # timed on a shared core: the build times it again
        ready.add(f.source_path, f.sha256, cleaned, extracted)
        if orders is not None and (told := _told(orders, wait=False)) is not False:
            return told
    return False


def read(root: Path, batches: list[str], index: int = 0, count: int = 1):
    """What a helper told to read its share of ``batches`` delivers, read in this process (a `document.Ready`)."""
    from pipeline.document import Ready

    ready = Ready()
    _read(ready, _files(root, batches, index, count))
    return ready


def _end_with_parent() -> None:
    """Have the kernel end this helper when the build's process ends (Linux `prctl`)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
