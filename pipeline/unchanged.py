""""Nothing changed" decided from file stats alone, before Dagster, its instance or pandas are touched.

After every successful build the data root's stat signature (every entry's path, size, modification
and change times and inode, bronze and built files alike, with both code versions) is recorded in the
Dagster home beside the instance, with the build's summary. A later build whose signature is the same
has nothing to do: no file was added, removed or touched (a change time cannot be set back), no debris
lies about and the code is the same, so the full plan would build nothing and publish nothing. Any
difference, a missing record or a data root on an object store takes the full path.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipeline.bronze import _entries, _stat_line
from pipeline.lock import LOCK_NAME
from pipeline.roots import is_local

RECORDS = "hoptac-unchanged"


def signature(root: Path, home: Path) -> str | None:
    """The stat signature of everything under ``root`` but the lock file and the Dagster home; None
    when ``root`` is not on a local disk."""
    if not is_local(root):
        return None
    from pipeline.version import code_version, publication_version

    base = Path(root)
    skip = {LOCK_NAME}
    if home.is_relative_to(base):
        skip.add(home.relative_to(base).as_posix())
    h = hashlib.sha256(f"{code_version()}\t{publication_version()}".encode())
    for rel, entry in sorted(_entries(base), key=lambda x: x[0]):
        if rel not in skip and not any(rel.startswith(s + "/") for s in skip):
            h.update(_stat_line(rel, entry).encode())
    return h.hexdigest()


def _record_path(root: Path, home: Path) -> Path:
    key = hashlib.sha256(str(Path(root)).encode()).hexdigest()[:16]
    return home / RECORDS / f"{key}.json"


def recorded_summary(root: Path, home: Path) -> list[str] | None:
    """The summary lines of the last successful build when nothing changed since; else None."""
    try:
        record = json.loads(_record_path(root, home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("root") != str(root) or record.get("signature") != signature(root, home):
        return None
    return list(record.get("summary", []))


def record(root: Path, home: Path, summary: list[str], sig: str | None = None) -> None:
    """Note the data root's signature (``sig``, when taken already) after a successful build (atomically;
    a failure only costs speed)."""
    sig = sig or signature(root, home)
    path = _record_path(root, home)
    if sig is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps({"root": str(root), "signature": sig, "summary": summary}), encoding="utf-8")
    os.replace(tmp, path)

