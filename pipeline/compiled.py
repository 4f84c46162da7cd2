"""Compiled lexicons kept on disk: what takes a process a noticeable time to build from the lexicon files
(the gazetteer's entries and its Aho–Corasick automaton) is pickled once per code version under
`$DAGSTER_HOME/hoptac-cache/`, written atomically, and built again whenever the file is missing,
unreadable or from other code. Without a Dagster home nothing is kept."""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

CACHE = "hoptac-cache"
T = TypeVar("T")


def _key(name: str) -> str:
    from pipeline.version import code_version

    try:
        aho = version("pyahocorasick")
    except PackageNotFoundError:
        aho = "?"
    return f"{name}-{code_version()}-py{sys.version_info[0]}{sys.version_info[1]}-aho{aho}"


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, or what an earlier process built with the same code (and Python, pyahocorasick)."""
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return build()
    path = Path(home) / CACHE / f"{_key(name)}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, truncated or from another version: built again
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{name}-*.pickle"):  # other code versions' copies
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full home only costs speed
        pass
    return value
