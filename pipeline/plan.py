"""What a build must do, decided from bronze alone: each batch's fingerprint (its files' content and
which of its documents another batch keeps), the batches to (re)build and those whose folder is gone.

A document held by several batches belongs to its first copy in batch and path order, exactly as in
a clean build; so when that copy goes, the batch holding the next one is stale and rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.bronze import fingerprint, list_batches, owned_fingerprint, scan, stat_signature

# a batch's parts, in the order a build writes them (`extraction_rejected` last: `recorder` checks it)
BATCH_TABLES = ("documents", "articles", "rejected", "meetings", "agreements", "trade_figures", "extraction_rejected")


@dataclass
class BatchState:
    """One batch of the current bronze: its stat signature, content fingerprint, documents and owners."""

    batch: str
    signature: str
    content: str
    hashes: list[tuple[str, str]]  # (source_path, sha256) of the documents read, in path order
    known: dict[str, str] = field(default_factory=dict)  # sha256 → path of the copy another batch keeps

    @property
    def fingerprint(self) -> str:
        return owned_fingerprint(self.content, self.known)

    def versions(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "content": self.content, "stat_signature": self.signature}


@dataclass
class Plan:
    batches: dict[str, BatchState]
    todo: list[str]
    gone: list[str]

    def fingerprints(self) -> dict[str, str]:
        return {b: s.fingerprint for b, s in self.batches.items()}


def _recorded_hashes(root: Path, batch: str) -> list[tuple[str, str]] | None:
    """(source_path, sha256) of the documents the batch's documents part records (read with pyarrow
    alone: at 160 batches a pandas frame per part is most of the plan's time)."""
    from pipeline.storage import read_parquet, table_path

    try:
        docs = read_parquet(table_path(root, "documents", batch), columns=["source_path", "sha256"])
    except (FileNotFoundError, OSError):
        return None
    return [(p, s) for p, s in zip(docs.column("source_path").to_pylist(), docs.column("sha256").to_pylist(),
                                   strict=True) if isinstance(s, str)]


def _all_recorded_hashes(root: Path, batches: list[str]) -> dict[str, list[tuple[str, str]] | None]:
    """`_recorded_hashes` of each batch, read side by side (pyarrow reads without the GIL)."""
    if len(batches) < 2:
        return {b: _recorded_hashes(root, b) for b in batches}
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(batches, pool.map(lambda b: _recorded_hashes(root, b), batches), strict=True))


def batch_state(root: Path, batch: str, code_version: str, last: dict[str, str],
                stats: list[tuple[str, str]] | None = None,
                recorded: dict[str, list[tuple[str, str]] | None] | None = None,
                signature: str | None = None) -> BatchState:
    """The batch as it is now. When nothing was touched since its last build (same stat signature) the
    recorded content fingerprint and document hashes stand; otherwise every file is read and hashed.
    ``stats``: the batch's entries as the build's walk of the data root saw them (`unchanged.Snapshot`);
    ``recorded``: batch → its recorded document hashes, read already; ``signature``: its stat signature,
    taken already from ``stats``."""
    if signature is None:
        signature = stat_signature(root / "bronze", batch, code_version, stats) or ""
    if signature and last.get("stat_signature") == signature and last.get("content"):
        hashes = recorded[batch] if recorded is not None and batch in recorded else _recorded_hashes(root, batch)
        if hashes is not None:
            return BatchState(batch, signature, last["content"], hashes)
    files = [replace(f, raw=b"") for f in scan(root / "bronze", batch)]  # hashes kept, bytes let go
    hashes = [(f.source_path, f.sha256) for f in files if f.sha256]
    return BatchState(batch, signature, fingerprint(files, code_version), hashes)


def assign_owners(states: dict[str, BatchState]) -> None:
    """Fill each batch's ``known``: its documents whose first copy (batch, then path order) is elsewhere."""
    owner: dict[str, tuple[str, str]] = {}
    for batch in sorted(states):
        for path, sha in states[batch].hashes:
            owner.setdefault(sha, (batch, path))
    for batch, state in states.items():
        state.known = {sha: owner[sha][1] for _, sha in state.hashes if owner[sha][0] != batch}


def make_plan(root: Path, code_version: str, last: Callable[[str], dict[str, str]], force: bool = False,
              stats: dict[str, list[tuple[str, str]]] | None = None,
              signatures: dict[str, str] | None = None) -> Plan:
    """The build's plan for ``root``; ``last(batch)`` gives the versions recorded by its last build;
    ``stats``: each batch's entries walked already (`unchanged.Snapshot.batches`; a batch it lacks is
    walked here; with them, the batches are those it holds: nothing is listed again); ``signatures``:
    their stat signatures under ``code_version``, taken already (`unchanged.Snapshot.signatures`)."""
    from pipeline.storage import batches_written, table_path

    found = sorted(stats) if stats is not None else list_batches(root / "bronze")
    recorded = {b: last(b) for b in found}
    stats, signatures = stats or {}, signatures or {}
    hashes = _all_recorded_hashes(root, [b for b in found if recorded[b].get("content")])
    states = {b: batch_state(root, b, code_version, recorded[b], stats.get(b), hashes, signatures.get(b))
              for b in found}
    assign_owners(states)
    todo = [b for b in found if force or recorded[b].get("fingerprint") != states[b].fingerprint
            or not all(table_path(root, name, b).exists() for name in BATCH_TABLES)]
    gone = sorted({b for name in BATCH_TABLES for b in batches_written(root, name)} - set(found))
    return Plan(states, todo, gone)
