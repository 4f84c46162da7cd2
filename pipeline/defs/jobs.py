"""Jobs: build everything."""

from __future__ import annotations

import dagster as dg

build_all = dg.define_asset_job(
    "build_all", selection=dg.AssetSelection.all(),
    description="Build every dataset from `bronze/`: silver articles, then the gold tables, with their checks.",
)
