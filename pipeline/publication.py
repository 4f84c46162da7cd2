"""Publication proportional to change: each published file is written again only when its inputs changed.

The inputs of every table are recorded in the package in `gold/` (`provenance.inputs`, a digest per
table): the batch fingerprints for the four tables concatenated from the batch parts, the source
table's file and the fingerprints of the batches holding its rows for the event tables, the code alone
for the gazetteer. A table whose digest and published file (size and SHA-256) agree with that package
stays untouched, and so does a concatenated one to which the new batches bring no rows; any other is
built from the parts with pyarrow (in batch order, sorted by key: the same bytes whichever publication
writes it) into the run's stage `gold/.publish-<run>/`, and only the rows of the batches the package
did not hold yet are checked again (evidence against their own batch's silver articles, place ids
against the gazetteer): the others were checked when first published. The evidence of the batches the
same build just wrote is not read again: `build.process_batch` checked it on the very rows it wrote.
The package is written last and swapped in after the tables (`publish.commit`).

`hoptac build` runs `publish`; the Dagster `publish` job's assets run its steps one by one: the same
files either way.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.bronze import article_id
from pipeline.checks import unresolved_places, untraceable
from pipeline.publish import PACKAGE, PUBLISHED, read_part, resource, sha256_file, write_package
from pipeline.storage import (
    _types_mapper,
    read_parquet,
    stage_dir,
    table_path,
    to_arrow,
    write_arrow,
)
from schemas.registry import TABLES

CONCATENATED = ("meetings", "agreements", "trade_figures", "extraction_rejected")
EVENTS = {"meeting_events": "meetings", "agreement_events": "agreements"}
TRACEABLE = ("meetings", "agreements", "trade_figures")


class NotPublishable(ValueError):
    """Rows of a changed batch that do not quote their article or whose places do not resolve."""

    def __init__(self, message: str, sample: list[dict]):
        super().__init__(f"{message}: {sample[:3]}")
        self.sample = sample


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def read_package(root: Path) -> dict:
    """The package published in `gold/`, or {} when there is none or it is unreadable."""
    try:
        return json.loads((root / "gold" / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@dataclass
class Publication:
    """One publication of ``build`` (code version and batch fingerprints) over the package in `gold/`."""

    root: Path
    build: dict
    stage: Path
    recorded: dict[str, dict] = field(default_factory=dict)  # table → its resource in the published package
    recorded_inputs: dict[str, str] = field(default_factory=dict)  # table → the input digest it was built from
    changed: list[str] = field(default_factory=list)  # batches whose parts the published tables do not hold
    held: dict[str, str] = field(default_factory=dict)  # batch → fingerprint the published package was built from
    hashes: dict[str, str] = field(default_factory=dict)  # file → SHA-256, each file hashed once
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # table → rows per batch part
    written: list[str] = field(default_factory=list)  # tables written again (`publish`)
    parts: dict[tuple[str, str], pa.Table] = field(default_factory=dict)  # (table, batch) → part, read once
    bodies: dict[str, pd.Series] = field(default_factory=dict)  # batch → the bodies its rows quote
    dates: dict[str, pa.Table] = field(default_factory=dict)  # batch → its articles' publication times
    documents: dict[str, list[str]] = field(default_factory=dict)  # batch → its documents' SHA-256s, where known
    places: set[str] | None = None  # the published gazetteer's ids, read once (`unresolved_rows`)
    checked: bool = False  # the evidence of every changed batch's rows was checked (`check_evidence`)

    @property
    def batches(self) -> list[str]:
        return sorted(self.build["batches"])

    def path(self, name: str) -> Path:
        """Where table ``name`` is for this publication: its staged copy, else the published file."""
        return table_path(self.root, name, stage=self.stage)

    def staged(self, name: str) -> bool:
        return self.path(name).parent == self.stage

    def sha256(self, path: Path) -> str:
        if str(path) not in self.hashes:
            self.hashes[str(path)] = f"sha256:{sha256_file(path)}"
        return self.hashes[str(path)]

    def rows_per_batch(self, name: str) -> dict[str, int]:
        """Rows of each batch's part of ``name`` (from the Parquet footers; nothing else is read)."""
        if name not in self.counts:
            self.counts[name] = {}
            for b in self.batches:
                with table_path(self.root, name, b).open("rb") as f:
                    self.counts[name][b] = pq.read_metadata(f).num_rows
        return self.counts[name]

    def inputs(self, name: str) -> str:
        """The digest of what table ``name`` is built from (call after its source table is published)."""
        if name in CONCATENATED:
            return _digest(self.build)
        if name in EVENTS:
            source = EVENTS[name]
            holding = {b: self.build["batches"][b] for b, n in self.rows_per_batch(source).items() if n}
            return _digest({"code": self.build["code"], "source": self.sha256(self.path(source)), "batches": holding})
        return _digest({"code": self.build["code"]})

    def kept(self, name: str) -> bool:
        """Whether the published file of ``name`` stays: built from the same inputs, and it is still the
        file the package describes (a killed swap may have left a newer one under an older package)."""
        r = self.recorded.get(name)
        path = self.root / TABLES[name].path
        if r is None or self.recorded_inputs.get(name) != self.inputs(name) or not path.exists():
            return False
        return path.stat().st_size == r.get("bytes") and self.sha256(path) == r.get("hash")


def start(root: Path, build: dict, run_id: str | None = None, full: bool = False) -> Publication:
    """The publication of ``build``: what the package in `gold/` holds (nothing when ``full``, or when it
    was published by other code) and which batches are new to it."""
    pub = Publication(root, build, stage_dir(root, run_id or uuid.uuid4().hex))
    package = {} if full else read_package(root)
    provenance = package.get("provenance", {})
    if provenance.get("build", {}).get("code") == build["code"]:
        pub.recorded = {r["name"]: r for r in package.get("resources", []) if "name" in r}
        pub.recorded_inputs = dict(provenance.get("inputs", {}))
        held = provenance["build"].get("batches", {})
    else:
        held = {}
    pub.held = dict(held)
    pub.changed = [b for b in pub.batches if held.get(b) != build["batches"][b]]
    return pub


def _write(pub: Publication, name: str, arrow: pa.Table) -> Path:
    path = pub.stage / Path(TABLES[name].path).name
    pub.stage.mkdir(parents=True, exist_ok=True)
    return write_arrow([(arrow.replace_schema_metadata(None), path)])[0]


def _part(pub: Publication, name: str, batch: str) -> pa.Table:
    """A batch's part of ``name`` in the published schema (read once per publication); a part written
    with another schema is validated here (parts written by `storage.write_tables` were validated just
    before)."""
    if (name, batch) not in pub.parts:
        table, schema = TABLES[name], TABLES[name].arrow_schema()
        part = read_parquet(table_path(pub.root, name, batch))
        if part.schema.equals(schema, check_metadata=False):  # Parquet names a list's items `element`: cast back
            part = part.cast(schema)
        else:
            part = to_arrow(table, part.to_pandas(types_mapper=_types_mapper))
        pub.parts[(name, batch)] = part
    return pub.parts[(name, batch)]


def _bodies(pub: Publication, batch: str) -> pd.Series:
    """The bodies (by `article_id`) of the batch's articles that its gold rows quote, read once."""
    if batch not in pub.bodies:
        quoted = pa.concat_arrays([_part(pub, n, batch)["article_id"].combine_chunks() for n in TRACEABLE]).unique()
        articles = read_parquet(table_path(pub.root, "articles", batch), columns=["article_id", "body"])
        articles = articles.filter(pc.is_in(articles["article_id"], value_set=quoted))
        pub.bodies[batch] = pd.Series(articles["body"].to_pylist(), index=articles["article_id"].to_pylist(), dtype=object)
    return pub.bodies[batch]


def untraceable_rows(pub: Publication, name: str, batches: list[str] | None = None) -> list[dict]:
    """Rows of the changed batches' parts of ``name`` (or those of ``batches``) that do not quote their own
    batch's silver article."""
    bad: list[dict] = []
    for b in pub.changed if batches is None else batches:
        rows = _part(pub, name, b).select(["article_id", "evidence", "evidence_start", "evidence_end"])
        if rows.num_rows:
            bad += untraceable(rows.to_pandas(), _bodies(pub, b))
    return bad


def unresolved_rows(pub: Publication, name: str) -> list[dict]:
    """Rows of the changed batches' parts of ``name`` whose place ids are not in the published gazetteer."""
    rows = [part.to_pandas(types_mapper=_types_mapper) for b in pub.changed if (part := _part(pub, name, b)).num_rows]
    if not rows:
        return []
    if pub.places is None:
        pub.places = set(read_parquet(pub.path("localities"), columns=["locality_id"])["locality_id"].to_pylist())
    return [row for df in rows for row in unresolved_places(name, df, pub.places)]


def _require_traceable(pub: Publication, name: str, batches: list[str] | None = None) -> None:
    if bad := untraceable_rows(pub, name, batches):
        raise NotPublishable(f"{len(bad)} {name} rows do not quote their article", bad)


def check_evidence(pub: Publication, checked: Iterable[str] = ()) -> None:
    """Check the evidence of every changed batch's rows, batch by batch (each batch's quoted bodies are
    read once and let go before the next); raise `NotPublishable` on the first table with bad rows.
    ``checked``: batches whose parts this build wrote after checking just that (`build.process_batch`),
    not read again for it."""
    for b in sorted(set(pub.changed) - set(checked)):
        for name in TRACEABLE:
            _require_traceable(pub, name, [b])
        pub.bodies.pop(b, None)
    pub.checked = True


def _holds_the_kept_batches(pub: Publication, name: str) -> bool:
    """Whether the published file of ``name`` holds exactly the parts of batches this build keeps as they
    were (only new batches came, none changed or went), by this code."""
    r, path = pub.recorded.get(name), pub.root / TABLES[name].path
    held_build = {"code": pub.build["code"], "batches": pub.held}
    return not (r is None or not pub.held or any(pub.build["batches"].get(b) != f for b, f in pub.held.items())
                or pub.recorded_inputs.get(name) != _digest(held_build) or not path.exists()
                or path.stat().st_size != r.get("bytes") or pub.sha256(path) != r.get("hash"))


def _published_rows(pub: Publication, name: str) -> pa.Table | None:
    """The published file of ``name`` when it holds exactly the parts of batches this build keeps as they
    were (`_holds_the_kept_batches`): then it stands for those parts, read as one file instead of one part
    per batch. None otherwise."""
    if not _holds_the_kept_batches(pub, name):
        return None
    path, schema = pub.root / TABLES[name].path, TABLES[name].arrow_schema()
    rows = read_parquet(path)
    return rows.cast(schema) if rows.schema.equals(schema, check_metadata=False) else None


def _concatenated(pub: Publication, name: str) -> pa.Table:
    """All batches' parts of ``name`` in key order: the published file plus the new batches' parts when it
    holds all the others (`_published_rows`), else every part."""
    if name in TRACEABLE and not pub.checked:
        _require_traceable(pub, name)
    table = TABLES[name]
    published = _published_rows(pub, name)
    pieces = ([published] + [_part(pub, name, b) for b in pub.changed] if published is not None
              else [_part(pub, name, b) for b in pub.batches])
    arrow = pa.concat_tables(pieces) if pieces else table.arrow_schema().empty_table()
    return arrow.sort_by([(table.key, "ascending")]).combine_chunks()


def _article_dates(pub: Publication, batches: list[str], quoted: set[str]) -> pd.DataFrame:
    """Publication times of the ``quoted`` articles, all in ``batches`` (the event tables order an event's
    articles by them and need no others); each batch's are read once for both event tables."""
    columns = ["article_id", "published_at"]
    schema = pa.schema([TABLES["articles"].arrow_schema().field(c) for c in columns])
    batches = _holding(pub, batches, quoted)
    for b in batches:
        if b not in pub.dates:
            pub.dates[b] = read_part(table_path(pub.root, "articles", b), columns, schema)
    dates = pa.concat_tables([pub.dates[b] for b in batches]) if batches else schema.empty_table()
    dates = dates.filter(pc.is_in(dates["article_id"], value_set=pa.array(sorted(quoted), pa.string())))
    return dates.to_pandas(types_mapper=_types_mapper)


def _holding(pub: Publication, batches: list[str], articles: set[str]) -> list[str]:
    """Of ``batches``, those that may hold ``articles``: an article's id is the head of its document's
    SHA-256 (`bronze.article_id`), so a batch whose documents are known (`Publication.documents`) and
    hold none of them is left out."""
    return [b for b in batches if b not in pub.documents or b in pub.changed
            or not articles.isdisjoint(map(article_id, pub.documents[b]))]


def _previous_events(pub: Publication, name: str) -> pa.Table | None:
    """The published event table ``name`` when it is the one the package describes (the package's event
    tables are the clustering of its source tables, by this code), else None."""
    r, path = pub.recorded.get(name), pub.root / TABLES[name].path
    if r is None or not pub.held or not path.exists() or path.stat().st_size != r.get("bytes") \
            or pub.sha256(path) != r.get("hash"):
        return None
    schema = TABLES[name].arrow_schema()
    events = read_parquet(path)
    return events.cast(schema) if events.schema.equals(schema, check_metadata=False) else None


def _events(pub: Publication, name: str) -> pa.Table:
    """The event table ``name``: the previous one's events that no new, rebuilt or removed row touches,
    and the clustering of the others' rows with the new rows (`clustering.update`: the same rows a
    clustering of every row gives), else the clustering of every row."""
    from pipeline import clustering
    from pipeline.storage import frame

    source, kind = EVENTS[name], clustering.KINDS[name]
    rows = read_parquet(pub.path(source), columns=list(kind.columns))
    holding = [b for b, n in pub.rows_per_batch(source).items() if n]  # a row's article is in its own batch
    previous = _previous_events(pub, name)
    change = None
    if previous is not None:
        added = {i for b in pub.changed for i in _part(pub, source, b)[kind.id_col].to_pylist()}
        change = clustering.update(name, rows, previous[f"{kind.id_col}s"].to_pylist(), added)
    if change is None:
        df = rows.to_pandas(types_mapper=_types_mapper)
        events = getattr(clustering, name)(df, _article_dates(pub, holding, set(df["article_id"])))
        return to_arrow(TABLES[name], frame(name, events), validated=True)
    kept, again = change
    df = rows.take(pa.array(again, pa.int64())).to_pandas(types_mapper=_types_mapper)
    dates = _article_dates(pub, holding, set(df["article_id"]))
    fresh = to_arrow(TABLES[name], frame(name, getattr(clustering, name)(df, dates)), validated=True)
    return pa.concat_tables([previous.take(pa.array(kept, pa.int64())), fresh]).sort_by(
        [(TABLES[name].key, "ascending")]).combine_chunks()


def _localities(pub: Publication, name: str) -> pa.Table:
    from pipeline.gazetteer import localities_frame

    return to_arrow(TABLES[name], localities_frame())


BUILDERS: dict[str, Callable[[Publication, str], pa.Table]] = {
    **dict.fromkeys(CONCATENATED, _concatenated), **dict.fromkeys(EVENTS, _events), "localities": _localities}


def publish_table(pub: Publication, name: str) -> Path:
    """Table ``name`` as this publication has it: the published file when its inputs did not change,
    else built and staged. Its source tables must be published first (the gazetteer, then the tables
    concatenated from the parts, then the event tables)."""
    if pub.kept(name) or _no_new_rows(pub, name):
        return pub.path(name)
    return _write(pub, name, BUILDERS[name](pub, name))


def _no_new_rows(pub: Publication, name: str) -> bool:
    """Whether a table concatenated from the parts is its published file as it is: that file holds the
    kept batches' parts, and the batches new to the publication have no rows of it (a small refresh
    often brings no rejections, or no meetings). Its new input digest is recorded with it."""
    return (name in CONCATENATED and _holds_the_kept_batches(pub, name)
            and not any(pub.rows_per_batch(name)[b] for b in pub.changed))


def write_publication(pub: Publication) -> dict:
    """Write the package and the data dictionary into the stage and swap everything staged into
    `gold/` (the package last); return the package. Each batch's documents' SHA-256s are
    `Publication.documents` where known already (the build's plan read them); the other batches' are
    read from their documents parts."""
    resources = []
    for name in PUBLISHED:
        path = pub.path(name)
        if not path.exists():
            continue
        staged = pub.staged(name)
        resources.append(resource(pub.root, TABLES[name], pub.stage, pub.sha256(path)) if staged
                         else pub.recorded[name])
    hashes = {b: pub.documents[b] if b in pub.documents else
              read_part(table_path(pub.root, "documents", b), ["sha256"])["sha256"].drop_null().to_pylist()
              for b in pub.batches}
    return write_package(pub.root, hashes, pub.stage, pub.build, resources,
                         {name: pub.inputs(name) for name in PUBLISHED})


ORDER = ("localities", *CONCATENATED, *EVENTS)


def publish(root: Path, build: dict, full: bool = False, log: Callable[[str], None] = lambda m: None,
            hashes: dict[str, list[str]] | None = None, checked: Iterable[str] = ()) -> tuple[Publication, dict]:
    """Publish ``build``: every table in dependency order (checking the changed batches' rows but those
    of ``checked``, see `check_evidence`), then the package (``hashes``: `Publication.documents`). A
    failure replaces nothing (the caller removes the stage with `storage.remove_debris`)."""
    pub = start(root, build, full=full)
    pub.documents = dict(hashes or {})
    check_evidence(pub, checked)
    for name in ORDER:
        publish_table(pub, name)
        if name in TRACEABLE and (bad := unresolved_rows(pub, name)):
            raise NotPublishable(f"{len(bad)} {name} rows have place ids not in gold/localities", bad)
        pub.written += [name] if pub.staged(name) else []
    log(f"hoptac: {len(pub.changed)} batches new to the publication; written again: {', '.join(pub.written) or 'none'}")
    return pub, write_publication(pub)
