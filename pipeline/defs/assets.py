"""The asset graph: bronze files → silver documents/articles/rejected → gold tables."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from pipeline.bronze import scan
from pipeline.build import build_gold, build_silver
from pipeline.defs.resources import DataRoot
from pipeline.storage import frame

raw_files = dg.AssetSpec(
    key=["bronze", "raw_files"],
    group_name="bronze",
    description="Raw documents under `bronze/**/*.txt`, exactly as received (scraped news pages turned into "
    "text). Never modified by the pipeline; a document's identity is the SHA-256 of its bytes.",
    kinds={"text"},
)


@dg.multi_asset(
    outs={
        "documents": dg.AssetOut(key_prefix="silver", description="Every bronze file and what became of it: "
                                 "article, duplicate of another file, or rejected.", group_name="silver"),
        "articles": dg.AssetOut(key_prefix="silver", description="One cleaned article per distinct raw document: "
                                "title, main text, date, outlet, author.", group_name="silver"),
        "rejected": dg.AssetOut(key_prefix="silver", description="Files that could not be decoded or hold no "
                                "article, with the stage and reason.", group_name="silver"),
    },
    deps=[raw_files],
    compute_kind="python",
)
def silver(context: dg.AssetExecutionContext, data_root: DataRoot):
    """Decode every bronze file (UTF-8, UTF-16, Windows-1258 → NFC), drop duplicate bytes, clean pages to articles."""
    result = build_silver(scan(data_root.bronze))
    counts = result.counts()
    context.log.info("bronze files %(files)d: articles %(article)d, duplicates %(duplicate)d, rejected %(rejected)d", counts)
    yield dg.Output(frame("documents", result.documents), output_name="documents")
    yield dg.Output(frame("articles", result.articles), output_name="articles")
    yield dg.Output(frame("rejected", result.rejected), output_name="rejected")


@dg.multi_asset(
    outs={
        "meetings": dg.AssetOut(key_prefix="gold", group_name="gold",
                                description="One row per meeting (talks, reception, conference, visit) told in an article."),
        "agreements": dg.AssetOut(key_prefix="gold", group_name="gold",
                                  description="One row per agreement document or formal relationship, signed or planned."),
        "trade_figures": dg.AssetOut(key_prefix="gold", group_name="gold",
                                     description="One row per reported economic quantity (tidy: a level and its growth are two rows)."),
        "rejected": dg.AssetOut(key_prefix="gold", group_name="gold",
                                description="Articles whose extraction failed, with the reason."),
    },
    ins={"articles": dg.AssetIn(key=["silver", "articles"])},
    compute_kind="python",
)
def gold(context: dg.AssetExecutionContext, articles: pd.DataFrame):
    """Read meetings, agreements and trade figures from each article, each row with its evidence sentence."""
    tables, rejected = build_gold(articles.to_dict("records"))
    context.log.info("articles %d → %s", len(articles), {k: len(v) for k, v in tables.items()})
    for name, rows in tables.items():
        yield dg.Output(frame(name, rows), output_name=name)
    yield dg.Output(frame("extraction_rejected", rejected), output_name="rejected")


@dg.asset(key=["gold", "localities"], group_name="gold", compute_kind="python")
def localities() -> pd.DataFrame:
    """The gazetteer: Viet Nam's provinces (63 before and 34 after 2025, with the mapping), China's provinces,
    prefectures and counties with Sino-Vietnamese names, and countries in Vietnamese."""
    from pipeline.gazetteer import localities_frame

    return localities_frame()
