"""Publishing: a Frictionless Data Package and a data dictionary, both generated from the schema registry."""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.storage import is_local
from schemas.registry import TABLES, Table

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHED = ("meetings", "agreements", "trade_figures", "meeting_events", "agreement_events", "localities")
TITLE = "hoptac: Viet Nam's local cooperation with foreign partners"
DESCRIPTION = (
    "Meetings, agreements and trade figures read from Vietnamese news pages about Viet Nam's local "
    "cooperation with foreign partners (first of all Guangxi, China). Every row carries the sentence it "
    "was read from (`evidence`) and its character offsets in the article body (`silver/articles`)."
)


def pipeline_version() -> str:
    try:
        return version("hoptac")
    except PackageNotFoundError:
        return "0+unknown"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def frictionless_type(t: pa.DataType) -> str:
    if pa.types.is_integer(t):
        return "integer"
    if pa.types.is_floating(t):
        return "number"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "datetime"
    if pa.types.is_list(t):
        return "array"
    if pa.types.is_struct(t):
        return "object"
    return "string"


def allowed_values(table: Table, column: str) -> list | None:
    for check in table.schema.columns[column].checks:
        if check.name == "isin":
            return list(check.statistics["allowed_values"])
    return None


def field_spec(table: Table, name: str, arrow_type: pa.DataType, nullable: bool, description: str) -> dict:
    kind = frictionless_type(arrow_type)
    # Frictionless reads Parquet through numpy-backed pandas: lists arrive as numpy arrays and nullable
    # integers as floats with NaN, which its `array`/`integer` types reject. Such columns are `any`,
    # with their exact Arrow type alongside.
    loose = kind in ("array", "object") or (kind == "integer" and nullable)
    spec: dict = {"name": name, "type": "any" if loose else kind, "description": description}
    if loose:
        spec["arrowType"] = str(arrow_type)
    constraints: dict = {}
    if not nullable:
        constraints["required"] = True
    if table.schema.columns[name].unique:
        constraints["unique"] = True
    if enum := allowed_values(table, name):
        constraints["enum"] = enum
    if constraints:
        spec["constraints"] = constraints
    return spec


def resource(root: Path, table: Table) -> dict:
    path = root / table.path
    with path.open("rb") as f:
        meta = pq.read_metadata(f)
    fields = [field_spec(table, *col) for col in table.columns()]
    return {
        "name": table.name,
        "path": Path(table.path).name,
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "encoding": "utf-8",
        "description": table.description,
        # `sha256`/`size` rather than Frictionless `hash`/`bytes`: its Parquet reader does not stream bytes to check them
        "sha256": sha256_file(path),
        "size": path.stat().st_size,
        "rows": meta.num_rows,
        "schema": {"fields": fields, "primaryKey": [table.key] if table.schema.columns[table.key].unique else []},
    }


def bronze_provenance(documents) -> dict:
    """Count and digest of the bronze documents the outputs were built from (digest over sorted SHA-256s)."""
    hashes = sorted(documents["sha256"])
    by_batch = documents.groupby("batch")["sha256"].apply(lambda s: hashlib.sha256("\n".join(sorted(s)).encode()).hexdigest())
    return {
        "files": len(documents),
        "distinct_documents": len(set(hashes)),
        "sha256_of_document_hashes": hashlib.sha256("\n".join(hashes).encode()).hexdigest(),
        "batches": {b: {"files": int((documents["batch"] == b).sum()), "sha256_of_document_hashes": h}
                    for b, h in by_batch.items()},
    }


def datapackage(root: Path, documents) -> dict:
    """The Data Package descriptor for the gold tables under ``root``."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "hoptac",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": pipeline_version(),
        "licenses": [LICENSE],
        "keywords": ["Viet Nam", "China", "Guangxi", "local cooperation", "news", "trade"],
        "sources": [{"title": "Vietnamese news pages (bronze layer)", "description": "Raw documents as scraped"}],
        "provenance": {"pipeline": "hoptac", "pipeline_version": pipeline_version(),
                       "bronze": bronze_provenance(documents)},
        "resources": [resource(root, TABLES[name]) for name in PUBLISHED if (root / TABLES[name].path).exists()],
    }


def data_dictionary(package: dict) -> str:
    """A Markdown data dictionary for the package: tables, row counts, hashes, columns."""
    lines = [f"# {package['title']}", "", package["description"], "",
             f"Version {package['version']}. Licence: [{LICENSE['title']}]({LICENSE['path']}). "
             f"Built from {package['provenance']['bronze']['distinct_documents']} distinct bronze documents "
             f"(digest `{package['provenance']['bronze']['sha256_of_document_hashes'][:16]}…`).", ""]
    lines += ["| table | rows | sha256 |", "|---|---|---|"]
    lines += [f"| `{r['path']}` | {r['rows']} | `{r['sha256'][:16]}…` |" for r in package["resources"]]
    for r in package["resources"]:
        lines += ["", f"## {r['name']}", "", r["description"], "",
                  "| column | type | required | allowed values | description |", "|---|---|---|---|---|"]
        for f in r["schema"]["fields"]:
            c = f.get("constraints", {})
            enum = ", ".join(f"`{v}`" for v in c.get("enum", []))
            kind = f.get("arrowType", f["type"])
            lines.append(f"| `{f['name']}` | {kind} | {'yes' if c.get('required') else ''} | {enum} | "
                         f"{f['description'].replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def published_outputs_present(root: Path) -> bool:
    """True when every published gold file and the Data Package exist."""
    files = [root / TABLES[n].path for n in (*PUBLISHED, "extraction_rejected")]
    return all(f.exists() for f in files) and (root / "gold" / "datapackage.json").exists()


def write_package(root: Path, documents) -> dict:
    """Write `gold/datapackage.json` and `gold/README.md`; return the descriptor."""
    package = datapackage(root, documents)
    gold = root / "gold"
    _atomic_write(gold / "datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    _atomic_write(gold / "README.md", data_dictionary(package))
    return package


def _atomic_write(path: Path, text: str) -> None:
    if not is_local(path):
        path.write_text(text, encoding="utf-8")
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(str(tmp), str(path))
