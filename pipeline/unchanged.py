""""Nothing changed" decided from file stats alone, before Dagster, its instance or pandas are touched.

After every successful build the data root's stat signature (every entry's path, size, modification
and change times and inode, bronze and built files alike, with both code versions) is recorded in the
Dagster home beside the instance, with the build's summary. A later build whose signature is the same
has nothing to do: no file was added, removed or touched (a change time cannot be set back), no debris
lies about and the code is the same, so the full plan would build nothing and publish nothing. Any
difference, a missing record or a data root on an object store takes the full path.

The data root is walked once per build (`Snapshot`): the same walk decides "nothing changed", gives the
plan each batch's stat signature, and stands for `bronze/` in the signature recorded after the build
(only the built files are walked again). A file that lands in bronze during a build is then in
neither the plan nor the recorded signature, so the next build sees it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.bronze import _entries, batch_key, batch_of, stat_digest, stat_of, stat_signature
from pipeline.lock import LOCK_NAME
from pipeline.roots import is_local

RECORDS = "hoptac-unchanged"
BRONZE = "bronze"


@dataclass
class Snapshot:
    """One walk of a local data root: (path relative to it, `bronze.stat_of`) of every entry, in path
    order, but those under ``skip`` (the lock file, the Dagster home): `bronze/`'s and the others'."""

    root: Path
    skip: frozenset[str]
    bronze: list[tuple[str, str]]
    built: list[tuple[str, str]]
    _bronze_digest: str | None = field(default=None, repr=False)
    _batches: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False)
    _signatures: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def signature(self) -> str:
        """The digest of both code versions, `bronze/`'s entries (taken once per walk) and the others'."""
        from pipeline.version import code_version, publication_version

        if self._bronze_digest is None:
            self._bronze_digest = stat_digest(BRONZE, self.bronze)
        return stat_digest(f"{code_version()}\t{publication_version()}\t{self._bronze_digest}", self.built)

    def batches(self) -> dict[str, list[tuple[str, str]]]:
        """Each batch's entries (paths relative to `bronze/`, in path order): what
        `bronze.stat_signature` walks for it. A first-level folder that could not be listed is its
        batch's one entry. Taken once per walk."""
        if self._batches is not None:
            return self._batches
        out: dict[str, list[tuple[str, str]]] = {}
        self._batches = out
        n = len(BRONZE) + 1
        batch_of_head: dict[str, str] = {}  # a first-level name → its batch (one look-up per folder)
        for rel, stat in self.bronze:
            if rel == BRONZE:
                continue
            inner = rel[n:]
            head, sep, _ = inner.partition("/")
            if not sep and stat.startswith("!") and (self.root / rel).is_dir():
                batch = batch_key(inner)  # a folder that could not be listed
            elif sep:
                batch = batch_of_head.get(head) or batch_of_head.setdefault(head, batch_of(inner))
            else:
                batch = batch_of(inner)
            out.setdefault(batch, []).append((inner, stat))
        return out

    def signatures(self, code_version: str) -> dict[str, str]:
        """Each batch's `bronze.stat_signature` under ``code_version`` (taken once per walk)."""
        if code_version not in self._signatures:
            bronze = self.root / BRONZE
            self._signatures[code_version] = {b: stat_signature(bronze, b, code_version, entries) or ""
                                              for b, entries in self.batches().items()}
        return self._signatures[code_version]

    def after_build(self) -> Snapshot:
        """The root as the build left it: the built files walked again, `bronze/` as this walk saw it."""
        built = sorted(_walk(self.root, self.skip, outside=self.skip | {BRONZE}), key=lambda x: x[0])
        return Snapshot(self.root, self.skip, self.bronze, built, self._bronze_digest)


def _walk(root: Path, skip: frozenset[str], outside: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(path, `stat_of`) of every entry below ``root`` but those under ``skip``; the first-level folders
    in ``outside`` are not even listed."""
    try:
        folders = [e.name for e in os.scandir(root) if e.is_dir(follow_symlinks=False) and e.name not in outside]
    except OSError:
        folders = []
    entries = itertools.chain(_entries(root, recursive=False), *(_entries(root / f, f"{f}/") for f in folders))
    nested = tuple(f"{s}/" for s in skip if "/" in s)  # a skipped folder deeper down (first-level ones are not listed)
    return [(rel, stat_of(entry)) for rel, entry in entries
            if rel not in skip and not (nested and rel.startswith(nested))]


def snapshot(root: Path, home: Path) -> Snapshot | None:
    """The data root walked once; None when it is not on a local disk."""
    if not is_local(root):
        return None
    base = Path(root)
    skip = {LOCK_NAME}
    if home.is_relative_to(base):
        skip.add(home.relative_to(base).as_posix())
    stats = sorted(_walk(base, frozenset(skip), outside=skip), key=lambda x: x[0])
    inside = [x[0] == BRONZE or x[0].startswith(f"{BRONZE}/") for x in stats]
    return Snapshot(base, frozenset(skip), [x for x, i in zip(stats, inside, strict=True) if i],
                    [x for x, i in zip(stats, inside, strict=True) if not i])


def signature(root: Path, home: Path) -> str | None:
    """The stat signature of everything under ``root`` but the lock file and the Dagster home; None
    when ``root`` is not on a local disk."""
    snap = snapshot(root, home)
    return snap.signature() if snap is not None else None


def _record_path(root: Path, home: Path) -> Path:
    key = hashlib.sha256(str(Path(root)).encode()).hexdigest()[:16]
    return home / RECORDS / f"{key}.json"


def recorded_summary(root: Path, home: Path, snap: Snapshot | None = None) -> list[str] | None:
    """The summary lines of the last successful build when nothing changed since (``snap``: the root
    walked already); else None."""
    try:
        record = json.loads(_record_path(root, home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    current = snap.signature() if snap is not None else signature(root, home)
    if record.get("root") != str(root) or record.get("signature") != current:
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
