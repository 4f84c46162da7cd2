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

from pipeline.bronze import ROOT_BATCH, _entries, batch_key, stat_digest, stat_of, stat_signature
from pipeline.lock import LOCK_NAME
from pipeline.roots import is_local

RECORDS = "hoptac-unchanged"
BRONZE = "bronze"


@dataclass
class Snapshot:
    """One walk of a local data root: (path, `bronze.stat_of`) of every entry, in path order, but those
    under ``skip`` (the lock file, the Dagster home): `bronze/`'s by batch (paths relative to `bronze/`,
    as `bronze.stat_signature` walks a batch), and the others' (``built``, relative to the root)."""

    root: Path
    skip: frozenset[str]
    walked: dict[str, list[tuple[str, str]]]
    built: list[tuple[str, str]]
    unlisted: str | None = None  # `stat_of` of `bronze/` itself when it could not be listed
    _signatures: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def signature(self) -> str:
        """The digest of both code versions, `bronze/` (every batch's stat signature, which digests its
        entries) and the others' entries."""
        from pipeline.version import code_version, publication_version

        code = code_version()
        batches = sorted(self.signatures(code).items())
        bronze = stat_digest(f"{BRONZE}\t{self.unlisted or ''}", batches)
        return stat_digest(f"{code}\t{publication_version()}\t{bronze}", self.built)

    def batches(self) -> dict[str, list[tuple[str, str]]]:
        """Each batch's entries (paths relative to `bronze/`, in path order): what
        `bronze.stat_signature` walks for it. A first-level folder that could not be listed is its
        batch's one entry."""
        return self.walked

    def signatures(self, code_version: str) -> dict[str, str]:
        """Each batch's `bronze.stat_signature` under ``code_version`` (taken once per walk)."""
        if code_version not in self._signatures:
            bronze = self.root / BRONZE
            self._signatures[code_version] = {b: stat_signature(bronze, b, code_version, entries) or ""
                                              for b, entries in self.walked.items()}
        return self._signatures[code_version]

    def after_build(self) -> Snapshot:
        """The root as the build left it: the built files walked again, `bronze/` as this walk saw it."""
        return Snapshot(self.root, self.skip, self.walked, _walk(self.root, self.skip, outside=self.skip | {BRONZE}),
                        self.unlisted, self._signatures)


def _walk(root: Path, skip: frozenset[str], outside: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(path, `stat_of`) of every entry below ``root`` but those under ``skip``, in path order; the
    first-level folders in ``outside`` are not even listed."""
    try:
        folders = [e.name for e in os.scandir(root) if e.is_dir(follow_symlinks=False) and e.name not in outside]
    except OSError:
        folders = []
    entries = itertools.chain(_entries(root, recursive=False), *(_entries(root / f, f"{f}/") for f in folders))
    nested = tuple(f"{s}/" for s in skip if "/" in s)  # a skipped folder deeper down (first-level ones are not listed)
    return sorted((rel, stat_of(entry)) for rel, entry in entries
                  if rel not in skip and not (nested and rel.startswith(nested)))


def _walk_bronze(bronze: Path, skip: frozenset[str]) -> tuple[dict[str, list[tuple[str, str]]], str | None]:
    """`bronze/`'s entries by batch, each batch's in path order (a folder holding no entry is no batch),
    and `bronze/`'s own `stat_of` when it could not be listed. ``skip``: paths relative to the data root."""
    try:
        listing = sorted(os.scandir(bronze), key=lambda e: e.name)
    except FileNotFoundError:
        return {}, None
    except OSError as e:
        return {}, stat_of(e)
    inside = frozenset(s.removeprefix(f"{BRONZE}/") for s in skip if s.startswith(f"{BRONZE}/"))
    batches: dict[str, list[tuple[str, str]]] = {}
    loose = []
    for e in listing:
        if e.name in inside:
            continue
        if e.is_dir(follow_symlinks=False):
            entries = [(rel, stat_of(entry)) for rel, entry in _entries(e.path, f"{e.name}/")]
            if inside:
                entries = [x for x in entries if not any(x[0] == s or x[0].startswith(f"{s}/") for s in inside)]
            if entries:
                entries.sort()
                batches[batch_key(e.name)] = entries
        else:
            loose.append((e.name, stat_of(e)))
    if loose:
        batches[ROOT_BATCH] = loose
    return batches, None


def snapshot(root: Path, home: Path) -> Snapshot | None:
    """The data root walked once; None when it is not on a local disk."""
    if not is_local(root):
        return None
    base = Path(root)
    skip = {LOCK_NAME}
    if home.is_relative_to(base):
        skip.add(home.relative_to(base).as_posix())
    skip = frozenset(skip)
    walked, unlisted = _walk_bronze(base / BRONZE, skip)
    return Snapshot(base, skip, walked, _walk(base, skip, outside=skip | {BRONZE}), unlisted)


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
