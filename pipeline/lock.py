"""One build at a time per data root: an advisory lock file `DATA_DIR/.hoptac.lock` holding the holder's
pid, host and start time. The kernel releases the lock when its holder dies, so a lock left by a killed
build is never in force: the next build takes it over (and says so)."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pipeline.roots import is_local

LOCK_NAME = ".hoptac.lock"


class BuildLocked(RuntimeError):
    """Another build holds the data root's lock; the message names it."""


def _holder(fd: int) -> dict:
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        return json.loads(os.read(fd, 4096) or b"{}")
    except ValueError:
        return {}


def describe(holder: dict) -> str:
    return f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}, started {holder.get('started', '?')}"


@contextmanager
def build_lock(root: Path, wait: float = 0.0, log=print) -> Iterator[dict]:
    """Hold the data root's build lock for the block; wait up to ``wait`` seconds for another holder,
    then raise `BuildLocked`. Object stores have no such lock: the block runs unlocked."""
    if not is_local(root):
        yield {}
        return
    Path(root).mkdir(parents=True, exist_ok=True)
    path = Path(root) / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + max(wait, 1.0)  # a peek by `lock_holder` is not a build
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildLocked(f"another build holds {path} ({describe(_holder(fd))})") from None
                time.sleep(0.2)
        if (stale := _holder(fd)).get("pid"):
            log(f"hoptac: taking over the lock left by a build that ended without releasing it ({describe(stale)})")
        holder = {"pid": os.getpid(), "host": socket.gethostname(),
                  "started": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        try:
            yield holder
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def lock_holder(root: Path) -> dict | None:
    """Who holds the data root's build lock now (None when nobody does)."""
    path = Path(root) / LOCK_NAME
    if not is_local(root) or not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder(fd) or {"pid": "?"}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
