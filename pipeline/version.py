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
NOT_BATCH_CODE = {"defs", "cli.py", "runner.py", "publish.py", "charts.py", "clustering.py", "version.py"}


@cache
def code_version() -> str:
    h = hashlib.sha256()
    for pkg in PACKAGES:
        for path in sorted(p for p in pkg.rglob("*") if p.suffix in SUFFIXES and "__pycache__" not in p.parts):
            if NOT_BATCH_CODE & set(path.relative_to(pkg).parts):
                continue
            h.update(path.relative_to(pkg.parent).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
