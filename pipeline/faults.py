"""Fault injection for the fault tests: `HOPTAC_FAULT=<point>[=<action>]` makes the build fail at a
named point, as a kill (`kill`, the default: SIGKILL, nothing cleaned up) or a full disk (`enospc`).
Unset (always, outside tests), `inject` does nothing."""

from __future__ import annotations

import errno
import os
import signal

ENV = "HOPTAC_FAULT"


def inject(point: str) -> None:
    """Fail here when `$HOPTAC_FAULT` names ``point``."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    name, _, action = spec.partition("=")
    if name != point:
        return
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), point)
    os.kill(os.getpid(), signal.SIGKILL)
