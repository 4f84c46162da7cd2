"""A per-document time budget: extraction that runs past it is stopped and the document recorded."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 10.0  # a normal article takes about a millisecond; only hostile input comes near this


class DocumentTimeout(Exception):
    """Extraction of one document ran past its budget; the message is the rejection reason."""


def document_budget() -> float | None:
    """Seconds one document may take (`HOPTAC_DOCUMENT_BUDGET_S`, default 10; 0 or less: no budget)."""
    seconds = float(os.environ.get("HOPTAC_DOCUMENT_BUDGET_S") or DEFAULT_SECONDS)
    return seconds if seconds > 0 else None


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in the block once ``seconds`` have passed (a real-time timer signal).
    Only the main thread receives signals: elsewhere (threaded executors) the block runs unbounded."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise DocumentTimeout(f"timeout: extraction ran past its {seconds:g} s budget")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
