"""The code version: a digest of every source and lexicon file the outputs depend on.

A batch is rebuilt when its bronze files or this version change, and only then.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGES = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "schemas")
SUFFIXES = {".py", ".tsv", ".txt", ".json", ".csv"}
# orchestration and publication code does not change what a batch holds
NOT_BATCH_CODE = {"defs", "cli.py", "runner.py", "publish.py", "publication.py", "recorder.py", "compiled.py",
                  "charts.py", "clustering.py", "version.py", "timeline.py", "unchanged.py", "lock.py"}


def _digest(skip: set[str]) -> str:
    h = hashlib.sha256()
    for pkg in PACKAGES:
        for path in sorted(p for p in pkg.rglob("*") if p.suffix in SUFFIXES and "__pycache__" not in p.parts):
            if skip & set(path.relative_to(pkg).parts):
                continue
            h.update(path.relative_to(pkg.parent).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


@cache
def code_version() -> str:
    """What a batch's outputs depend on: every source and lexicon file but orchestration and publication."""
    return _digest(NOT_BATCH_CODE)


@cache
def publication_version() -> str:
    """What the published set depends on besides the batches: all the code (recorded in the package)."""
    return _digest(set())
