"""A build's timeline across its processes, for profiling (`HOPTAC_TIMELINE=FILE hoptac build`).

Each `mark` appends the seconds since the build started, the process id and the step to FILE; the
helper and worker processes inherit the start time, so the lines of all of them share one clock
(`bench.refresh_profile` prints it). Without the variable `mark` does nothing.
"""

from __future__ import annotations

import os
import time

_FILE = "HOPTAC_TIMELINE"
_START = "HOPTAC_TIMELINE_START"


def mark(step: str) -> None:
    """Note that ``step`` is done (only when `HOPTAC_TIMELINE` names a file)."""
    path = os.environ.get(_FILE)
    if not path:
        return
    start = float(os.environ.setdefault(_START, repr(time.time())))
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"{time.time() - start:8.3f} {os.getpid():>7} {step}\n")
