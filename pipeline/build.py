"""The pipeline's steps as plain functions (no Dagster): bronze files → silver rows → gold rows.

The Dagster assets, the CLI and the benchmarks all call these, so there is one implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd
import pandera.errors
import pyarrow as pa

from pipeline.bronze import BronzeFile
from pipeline.budget import document_budget
from pipeline.clean.bands import LOW_CONFIDENCE, distribution
from pipeline.compiled import keep_patterns
from pipeline.document import GOLD_TABLES, Ready, clean_file, extract_row
from pipeline.plan import BATCH_TABLES
from pipeline.timeline import mark

PROGRESS_EVERY = 500  # items between two progress reports of a long step
STATUS = "status:"  # `process_batch`'s counts of documents by status: "status:article", "status:duplicate"…


@dataclass
class Silver:
    """Silver rows for a set of bronze files."""

    documents: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # tables already validated (`articles`)

    def counts(self) -> dict[str, int]:
        status = pd.Series([d["status"] for d in self.documents], dtype="str").value_counts()
        counts = {"files": len(self.documents), **{k: int(status.get(k, 0)) for k in ("article", "duplicate", "rejected")}}
        return counts | ({"ignored": int(status["ignored"])} if "ignored" in status else {})

    def confidence(self) -> dict[str, int]:
        """Articles per `body_confidence` band, with the documents rejected for a low one."""
        low = sum(r["reason"].startswith(LOW_CONFIDENCE) for r in self.rejected)
        return distribution([a["body_confidence"] for a in self.articles], low)


def counted(items: Iterable, progress: Callable[[int], None] | None, every: int | None = None) -> Iterator:
    """``items``, calling ``progress(n)`` after each ``every``-th (default `PROGRESS_EVERY`) item is done."""
    every = every or PROGRESS_EVERY
    for i, item in enumerate(items, 1):
        yield item
        if progress and i % every == 0:
            progress(i)


def build_silver(files: Iterable[BronzeFile], known: dict[str, str] | None = None,
                 progress: Callable[[int], None] | None = None, ready: Ready | None = None) -> Silver:
    """Decode and clean every file; identical bytes under several paths become one article.

    ``known`` maps the SHA-256 of documents already published by other batches to their path:
    those bytes are duplicates here. ``progress(n)`` is called every `PROGRESS_EVERY` files.
    ``ready``: documents cleaned already (`pipeline.ahead`); the others are cleaned here.
    """
    out = Silver()
    kept: dict[str, str] = dict(known or {})  # sha256 -> source_path of the article or rejection
    for f in counted(files, progress):
        doc = {"source_path": f.source_path, "sha256": f.sha256,
               "n_bytes": f.n_bytes, "encoding": None, "article_id": f.article_id, "duplicate_of": None}
        out.documents.append(doc)
        if f.problem:  # not read: not a text file, unreadable, a bad link
            doc["status"] = f.status
            out.rejected.append(_rejection(f, "scan", f.problem))
            continue
        if f.sha256 in kept:
            doc.update(status="duplicate", duplicate_of=kept[f.sha256])
            continue
        kept[f.sha256] = f.source_path
        cleaned = (ready.cleaned(f) if ready is not None else None) or clean_file(f)
        doc["encoding"] = cleaned.encoding
        if cleaned.article is None:
            doc["status"] = "rejected"
            out.rejected.append(_rejection(f, cleaned.stage, cleaned.reason))
            continue
        doc["status"] = "article"
        out.articles.append(cleaned.article)
    out.frames["articles"], bad = split_valid("articles", out.articles)
    if bad:
        rejected_ids = {row["article_id"] for row, _ in bad}
        out.articles = [a for a in out.articles if a["article_id"] not in rejected_ids]
        for doc in out.documents:
            if doc["status"] == "article" and doc["article_id"] in rejected_ids:
                doc["status"] = "rejected"
        out.rejected += [{"source_path": row["source_path"], "article_id": row["article_id"], "stage": "clean",
                          "reason": f"article fails its schema: {reason}"} for row, reason in bad]
    return out


def _rejection(f: BronzeFile, stage: str, reason: str) -> dict:
    return {"source_path": f.source_path, "article_id": f.article_id, "stage": stage, "reason": reason}


def split_valid(name: str, rows: list[dict]) -> tuple[pd.DataFrame, list[tuple[dict, str]]]:
    """The rows of table ``name`` that pass its schema (as a validated frame), and the others with why.

    One bad row (an implausible year, a value of the wrong sign) must not sink a whole batch: it is
    set aside with its reason and the rest is published.
    """
    from pipeline.storage import frame

    try:
        return frame(name, rows), []
    except (pandera.errors.SchemaErrors, pa.ArrowException, ValueError, TypeError):
        pass
    bad: dict[int, str] = {}
    for i, row in enumerate(rows):  # the slow path, taken only when something is wrong
        try:
            frame(name, [row])
        except pandera.errors.SchemaErrors as e:
            cases = e.failure_cases
            bad[i] = "; ".join(sorted({f"{c} fails {k}" for c, k in zip(cases["column"], cases["check"], strict=True)}))
        except (pa.ArrowException, ValueError, TypeError) as e:
            bad[i] = f"{type(e).__name__}: {e}"
    good = [r for i, r in enumerate(rows) if i not in bad]
    return frame(name, good), [(rows[i], reason) for i, reason in bad.items()]


def build_gold(articles: Iterable[dict], progress: Callable[[int], None] | None = None,
               frames: dict[str, pd.DataFrame] | None = None, ready: Ready | None = None
               ) -> tuple[dict[str, list[dict]], list[dict]]:
    """Extract gold rows from silver article rows; an article whose extraction fails is recorded, not lost.
    ``progress(n)`` is called every `PROGRESS_EVERY` articles; ``frames``, when given, receives each
    table's rows as the validated frame; ``ready``: articles extracted already (`pipeline.ahead`)."""
    tables: dict[str, list[dict]] = {name: [] for name in GOLD_TABLES}
    rejected: list[dict] = []
    articles = list(articles)
    budget = document_budget()
    for row in counted(articles, progress):
        got = (ready.extracted(row) if ready is not None else None) or extract_row(row, budget)
        if got.tables is None:
            rejected.append({"source_path": row["source_path"], "article_id": row["article_id"],
                             "stage": "extract", "reason": got.reason})
            continue
        for name in GOLD_TABLES:
            tables[name].extend(got.tables[name])
    paths = {row["article_id"]: row["source_path"] for row in articles}
    for name, id_col in (("meetings", "meeting_id"), ("agreements", "agreement_id"), ("trade_figures", "figure_id")):
        valid, bad = split_valid(name, _unique_by(tables[name], id_col))
        if frames is not None:
            frames[name] = valid
        bad_ids = {row[id_col] for row, _ in bad}
        tables[name] = [r for r in _unique_by(tables[name], id_col) if r[id_col] not in bad_ids]
        rejected += [{"source_path": paths.get(row.get("article_id"), ""), "article_id": row.get("article_id"),
                      "stage": "extract", "reason": f"{name} row fails its schema: {reason}; evidence: "
                      f"{str(row.get('evidence', ''))[:200]}"} for row, reason in bad]
    keep_patterns()  # for the next process that builds a batch (`pipeline.compiled`)
    return tables, rejected


def known_documents(root, batch: str) -> dict[str, str]:
    """SHA-256 → path of documents other batches already hold: the same bytes in ``batch`` are duplicates."""
    from pipeline.storage import batches_written, read_table

    others = [b for b in batches_written(root, "documents") if b != batch]
    if not others:
        return {}
    docs = read_table(root, "documents", others)
    docs = docs[(docs["status"] != "duplicate") & docs["sha256"].notna()]  # unread entries have no bytes to match
    return dict(zip(docs["sha256"], docs["source_path"], strict=True))


def process_batch(root, batch: str, code_version: str, known: dict[str, str] | None = None,
                  ready: Ready | None = None) -> tuple[dict[str, str], dict[str, int]]:
    """Build one batch outside Dagster's IO managers (`hoptac build`, fan-out jobs): silver and gold
    parts validated, checked to quote their articles, written aside, then all put in place together.
    Returns the batch's versions (`content` and full `fingerprint`) and row counts (with its documents
    by status, `STATUS`). ``known``:
    documents other batches keep (default: read from their written parts); ``ready``: documents
    cleaned and extracted already (`pipeline.ahead`)."""
    from pipeline.bronze import fingerprint, owned_fingerprint, scan
    from pipeline.checks import untraceable
    from pipeline.storage import frame, write_tables

    files = list(scan(root / "bronze", batch))
    known = known_documents(root, batch) if known is None else known
    mark("scanned")
    silver = build_silver(files, known, ready=ready)
    mark("silver built")
    frames = dict(silver.frames)  # each table validated once, all before any is written
    tables, rejected = build_gold(silver.articles, frames=frames, ready=ready)
    out = {"documents": silver.documents, "rejected": silver.rejected, "extraction_rejected": rejected}
    frames |= {name: frame(name, rows) for name, rows in out.items()}
    mark("gold built")
    bodies = frames["articles"].set_index("article_id")["body"]
    for name in GOLD_TABLES:
        if bad := untraceable(frames[name], bodies):
            raise ValueError(f"batch {batch}: {len(bad)} {name} rows do not quote their article: {bad[:3]}")
    write_tables(root, {(name, batch): frames[name] for name in BATCH_TABLES}, validated=True)
    mark("written")
    content = fingerprint(files, code_version)
    mine = {f.sha256 for f in files if f.sha256}
    versions = {"content": content, "fingerprint": owned_fingerprint(content, {k: v for k, v in known.items() if k in mine})}
    statuses = {f"{STATUS}{k}": v for k, v in silver.counts().items() if k != "files"}
    return versions, {name: len(df) for name, df in frames.items()} | statuses


def _unique_by(rows: list[dict], key: str) -> list[dict]:
    """Drop exact repeats (same id: same article, evidence and reading)."""
    seen: set[str] = set()
    out = []
    for r in rows:
        if r[key] not in seen:
            seen.add(r[key])
            out.append(r)
    return out
