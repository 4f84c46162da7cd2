"""The asset graph: bronze files → silver documents/articles/rejected → gold extraction per batch →
published gold tables → Data Package.

Silver and the per-batch gold extraction (`gold/batches/*`) are partitioned by batch (a first-level
folder of `bronze/`); the published gold tables, the gazetteer and the Data Package span all batches.
"""


import dagster as dg
import pandas as pd

from pipeline.bronze import fingerprint, owned_fingerprint, scan
from pipeline.build import build_gold, build_silver
from pipeline.checks import untraceable
from pipeline.defs.partitions import SILVER_KEY, batches, build_plan, last_versions, published_build
from pipeline.defs.resources import DataRoot, table_metadata
from pipeline.defs.runless import bronze_observation
from pipeline.publication import NotPublishable, Publication, publish_table, start, write_publication
from pipeline.storage import frame, read_table
from pipeline.version import code_version


@dg.observable_source_asset(
    key=["bronze", "raw_files"],
    group_name="bronze",
    description="Raw documents under `bronze/**/*.txt`, exactly as received (scraped news pages turned into "
    "text). Never modified by the pipeline; a document's identity is the SHA-256 of its bytes. Each "
    "first-level folder is a batch. Observing it records the files and bytes per batch.",
)
def raw_files(data_root: DataRoot) -> dg.ObserveResult:
    """Files and bytes per batch; the data version is their stat signature (paths, sizes, mtimes)."""
    version, metadata = bronze_observation(data_root.bronze)
    return dg.ObserveResult(data_version=dg.DataVersion(version), metadata=metadata)


def _out(layer: str, description: str) -> dg.AssetOut:
    return dg.AssetOut(key_prefix=layer, group_name=layer, description=description, code_version=code_version(),
                       kinds={"parquet"})


@dg.multi_asset(
    outs={
        "documents": _out("silver", "Every bronze file and what became of it: article, duplicate of another file, or rejected."),
        "articles": _out("silver", "One cleaned article per distinct raw document: title, main text, date, outlet, author."),
        "rejected": _out("silver", "Files that could not be decoded or hold no article, with the stage and reason."),
    },
    deps=[raw_files],
    partitions_def=batches,
    check_specs=[dg.AssetCheckSpec("schema", asset=["silver", n], blocking=True,
                                   description="Validated against its pandera model before it is written.")
                 for n in ("documents", "articles", "rejected")],
)
def silver(context: dg.AssetExecutionContext, data_root: DataRoot):
    """Decode every file of the batch (UTF-8, UTF-16, Windows-1258 → NFC), drop duplicate bytes, clean pages to articles."""
    batch = context.partition_key
    state = build_plan(context.instance, data_root.path).batches[batch]  # stat signature taken before reading
    files = list(scan(data_root.bronze, batch))
    content = fingerprint(files, code_version())
    mine = {f.sha256 for f in files if f.sha256}
    known = {sha: path for sha, path in state.known.items() if sha in mine}
    result = build_silver(files, known,
                          progress=lambda n: context.log.info("batch %s: %d/%d files cleaned", batch, n, len(files)))
    context.log.info("batch %s: %s", batch, result.counts())
    meta = {"fingerprint": owned_fingerprint(content, known), "content": content, "stat_signature": state.signature,
            "batch": batch, **result.counts()}
    frames = {name: frame(name, getattr(result, name)) for name in ("documents", "articles", "rejected")}
    for name, df in frames.items():
        extra = {"body_confidence": dg.MetadataValue.json(result.confidence())} if name == "articles" else {}
        yield dg.Output(df, output_name=name, metadata={**meta, **extra})
        yield dg.AssetCheckResult(asset_key=dg.AssetKey(["silver", name]), check_name="schema", passed=True,
                                  metadata={"rows": len(df)})


BATCH_GROUP = "gold_per_batch"  # the published tables of the same names are in `gold`
GOLD_DESCRIPTIONS = {
    "meetings": "One row per meeting (talks, reception, conference, visit) told in an article.",
    "agreements": "One row per agreement document or formal relationship, signed or planned.",
    "trade_figures": "One row per reported economic quantity (tidy: a level and its growth are two rows).",
    "rejected": "Articles whose extraction failed, with the reason.",
}


@dg.multi_asset(
    outs={name: dg.AssetOut(key=["gold", "batches", name], group_name=BATCH_GROUP, code_version=code_version(),
                            description=f"Per batch: {text}", kinds={"parquet"})
          for name, text in GOLD_DESCRIPTIONS.items()},
    ins={"articles": dg.AssetIn(key=["silver", "articles"])},
    partitions_def=batches,
    check_specs=[dg.AssetCheckSpec(check, asset=["gold", "batches", n], blocking=True, description=text)
                 for n in ("meetings", "agreements", "trade_figures")
                 for check, text in (("schema", "Validated against its pandera model before it is written."),
                                     ("evidence_traceable", "Every row's article is in the batch's silver "
                                      "articles and `evidence == body[evidence_start:evidence_end]`."))],
)
def gold(context: dg.AssetExecutionContext, articles: pd.DataFrame):
    """Read meetings, agreements and trade figures from each article, each row with its evidence sentence."""
    tables, rejected = build_gold(articles.to_dict("records"), progress=lambda n: context.log.info(
        "batch %s: %d/%d articles extracted", context.partition_key, n, len(articles)))
    context.log.info("batch %s: %d articles → %s", context.partition_key, len(articles),
                     {k: len(v) for k, v in tables.items()})
    bodies = articles.set_index("article_id")["body"]
    frames = {name: frame(name, rows) for name, rows in tables.items()}
    # the batch's fingerprint, recorded once its extraction succeeded: what `stale_batches` compares
    meta = last_versions(context.instance, context.partition_key, SILVER_KEY)
    for name, df in frames.items():
        key = dg.AssetKey(["gold", "batches", name])
        bad = untraceable(df, bodies)
        yield dg.Output(df, output_name=name, metadata=meta)
        yield dg.AssetCheckResult(asset_key=key, check_name="schema", passed=True, metadata={"rows": len(df)})
        yield dg.AssetCheckResult(asset_key=key, check_name="evidence_traceable", passed=not bad,
                                  metadata={"untraceable": len(bad), "sample": dg.MetadataValue.json(bad[:10])})
    yield dg.Output(frame("extraction_rejected", rejected), output_name="rejected", metadata=meta)  # last: see FINGERPRINT_KEY


def publication(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext, root) -> Publication:
    """This run's publication (`pipeline.publication`): every step of the `publish` job sees the same one."""
    return start(root, published_build(context.instance, root), context.run.run_id)


def _publish(context: dg.AssetExecutionContext, data_root: DataRoot, name: str) -> dg.MaterializeResult:
    """Publish table ``name`` as `hoptac build` does (kept when its inputs did not change, else staged)."""
    pub = publication(context, data_root.path)
    try:
        path = publish_table(pub, name)
    except NotPublishable as e:  # a bad row never replaces a good file
        raise dg.Failure(str(e), metadata={"sample": dg.MetadataValue.json(e.sample[:10])}) from e
    context.log.info("%s: %s (%d batches new to the publication)", name,
                     "staged" if pub.staged(name) else "unchanged, kept", len(pub.changed))
    return dg.MaterializeResult(metadata=table_metadata(name, read_table(pub.root, name, stage=pub.stage), path))


def _published(name: str) -> dg.AssetsDefinition:
    table = "extraction_rejected" if name == "rejected" else name

    @dg.asset(key=["gold", name], group_name="gold", deps=[dg.AssetKey(["gold", "batches", name])], kinds={"parquet"},
              description=f"{GOLD_DESCRIPTIONS[name]} All batches, one file.")
    def published(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
        return _publish(context, data_root, table)

    return published


published_tables = [_published(name) for name in GOLD_DESCRIPTIONS]


@dg.asset(key=["gold", "localities"], group_name="gold", kinds={"parquet"}, code_version=code_version())
def localities(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
    """The gazetteer: Viet Nam's provinces (63 before and 34 after 2025, with the mapping), China's provinces,
    prefectures and counties with Sino-Vietnamese names, and countries in Vietnamese."""
    return _publish(context, data_root, "localities")


@dg.asset(key=["gold", "meeting_events"], group_name="gold", kinds={"parquet"},
          deps=[dg.AssetKey(["gold", "meetings"]), dg.AssetKey(["silver", "articles"])])
def meeting_events(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
    """One row per meeting across articles: several outlets' reports of one meeting merged (same kind,
    compatible dates, shared people), with `n_articles` and the first and last article."""
    return _publish(context, data_root, "meeting_events")


@dg.asset(key=["gold", "agreement_events"], group_name="gold", kinds={"parquet"},
          deps=[dg.AssetKey(["gold", "agreements"]), dg.AssetKey(["silver", "articles"])])
def agreement_events(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
    """One row per agreement across articles: several outlets' reports of one signing merged (same type,
    compatible dates, the same parties), with `n_articles` and the first and last article."""
    return _publish(context, data_root, "agreement_events")


@dg.asset(
    key=["gold", "datapackage"],
    group_name="gold",
    deps=[dg.AssetKey(["silver", "documents"])] + [dg.AssetKey(["gold", n]) for n in (
        "meetings", "agreements", "trade_figures", "rejected", "meeting_events", "agreement_events", "localities")],
    kinds={"json"},
)
def datapackage(context: dg.AssetExecutionContext, data_root: DataRoot) -> dg.MaterializeResult:
    """`gold/datapackage.json` (Frictionless Data Package) and `gold/README.md` (data dictionary), generated
    from the schema registry: descriptions, types, enums, row counts, hashes, licence, provenance (with
    the batch fingerprints the tables were built from). Written with the run's staged tables, then all
    swapped into `gold/` together."""
    context.log.info("writing the Data Package: hashing the files written again")
    package = write_publication(publication(context, data_root.path))
    return dg.MaterializeResult(metadata={
        "resources": len(package["resources"]),
        "rows": dg.MetadataValue.json({r["name"]: r["rows"] for r in package["resources"]}),
        "path": dg.MetadataValue.path(str(data_root.path / "gold" / "datapackage.json")),
    })
