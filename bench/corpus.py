"""The VNTC sample as raw bytes, and bronze folders of `.txt` batches built from it."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpus" / "vntc" / "vntc-sample.jsonl.gz"
WORK = ROOT / "bench" / "work"
STAMP = ".bench-corpus.json"


@dataclass(frozen=True, slots=True)
class Article:
    """One sample article: its VNTC id and its text as UTF-8 bytes (CRLF kept)."""

    id: int
    raw: bytes


def read_sample(limit: int | None = None, path: Path = SAMPLE) -> list[Article]:
    """The first ``limit`` articles of the sample (all by default), in file order."""
    out: list[Article] = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for line in f:
            if limit is not None and len(out) >= limit:
                break
            rec = json.loads(line)
            out.append(Article(int(rec["id"]), rec["text"].encode("utf-8")))
    return out


def spread(items: Sequence[Article], n: int) -> list[Article]:
    """``n`` items taken evenly across ``items`` (all of them if ``n`` is not smaller)."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def marked(raw: bytes, marker: str) -> bytes:
    """The bytes with a marker line appended, so the document hashes differently."""
    return raw + f"\r\n[{marker}]\r\n".encode()


def write_batches(bronze: Path, docs: Iterable[tuple[str, bytes]], batch_size: int,
                  batch_name: Callable[[int], str]) -> int:
    """Write ``(file name, bytes)`` pairs as `.txt` files, ``batch_size`` per batch folder; returns the count."""
    n = 0
    for n, (name, raw) in enumerate(docs, 1):
        folder = bronze / batch_name((n - 1) // batch_size)
        if (n - 1) % batch_size == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.txt").write_bytes(raw)
    return n


def prepare_bronze(data_dir: Path, articles: Sequence[Article], copies: int = 1, batch_size: int = 1000) -> int:
    """Fill ``data_dir/bronze`` with ``copies`` of the articles in batches (copy 0 unchanged, copy k with a
    marker line), reusing an identical earlier corpus. Built outputs and batches not listed are removed."""
    spec = {"n": len(articles), "copies": copies, "batch_size": batch_size, "last_id": articles[-1].id}
    bronze, stamp = data_dir / "bronze", data_dir / STAMP
    reset_outputs(data_dir)
    n_batches = -(-len(articles) * copies // batch_size)
    width = max(2, len(str(n_batches - 1)))
    if stamp.exists() and json.loads(stamp.read_text()) == spec:
        expected = {f"b{i:0{width}d}" for i in range(n_batches)}
        for extra in (p for p in bronze.iterdir() if p.name not in expected):
            shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
        return len(articles) * copies
    shutil.rmtree(bronze, ignore_errors=True)
    docs = ((f"{k}-{a.id:05d}", a.raw if k == 0 else marked(a.raw, f"bench copy {k}"))
            for k in range(copies) for a in articles)
    n = write_batches(bronze, docs, batch_size, lambda i: f"b{i:0{width}d}")
    stamp.write_text(json.dumps(spec))
    return n


def reset_outputs(data_dir: Path) -> None:
    """Remove what a build wrote (silver, gold, the Dagster home kept beside them)."""
    for name in ("silver", "gold", "dagster_home"):
        shutil.rmtree(data_dir / name, ignore_errors=True)
