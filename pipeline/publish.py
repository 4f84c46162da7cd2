"""Publishing: a Frictionless Data Package and a data dictionary, both generated from the schema registry."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.faults import inject
from pipeline.storage import is_local, read_parquet, replace_file, table_path, umask
from schemas.registry import TABLES, Table

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHED = ("meetings", "agreements", "trade_figures", "extraction_rejected", "meeting_events", "agreement_events",
             "localities")
PACKAGE, README = "datapackage.json", "README.md"
TITLE = "hoptac: Viet Nam's local cooperation with foreign partners"
DESCRIPTION = (
    "Meetings, agreements and trade figures read from Vietnamese news pages about Viet Nam's local "
    "cooperation with foreign partners (first of all Guangxi, China). Every row carries the sentence it "
    "was read from (`evidence`) and its character offsets in the article body (`silver/articles`)."
)


@cache
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


def resource(root: Path, table: Table, stage: Path | None = None, digest: str | None = None) -> dict:
    """The package's entry for ``table`` (its staged copy in ``stage`` when there is one); ``digest``: its
    `sha256:` hash when already known."""
    path = table_path(root, table.name, stage=stage)
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
        "hash": digest or f"sha256:{sha256_file(path)}",
        "bytes": path.stat().st_size,
        "rows": meta.num_rows,
        "schema": {"fields": fields, "primaryKey": [table.key] if table.schema.columns[table.key].unique else [],
                   **({"foreignKeys": keys} if (keys := foreign_keys(table.name)) else {})},
    }


# Scalar place-id columns → `localities.locality_id` (the list-valued `locality_ids` / `party_ids` hold the same
# ids; Frictionless cannot declare a key over a list, so the blocking check `locality_ids_resolve` covers them).
PLACE_KEYS = {"meetings": ["location_id"], "trade_figures": ["locality_id", "partner_id"]}


def foreign_keys(name: str) -> list[dict]:
    """Frictionless foreign keys of table ``name``."""
    return [{"fields": col, "reference": {"resource": "localities", "fields": "locality_id"}}
            for col in PLACE_KEYS.get(name, [])]


def read_part(path: Path, columns: list[str] | None = None, schema: pa.Schema | None = None) -> pa.Table:
    """One Parquet file (only ``columns``), cast to ``schema`` when given (`storage.read_parquet`)."""
    table = read_parquet(path, columns=columns)
    return table if schema is None else table.cast(schema)


def bronze_provenance(hashes: dict[str, list[str]]) -> dict:
    """Count and digest of the bronze documents the outputs were built from, given each batch's documents'
    SHA-256s (entries that were not read have none): the digest over the sorted SHA-256s, overall and
    per batch."""
    every = sorted(h for batch in hashes.values() for h in batch)
    return {
        "files": len(every),
        "distinct_documents": len(set(every)),
        "sha256_of_document_hashes": hashlib.sha256("\n".join(every).encode()).hexdigest(),
        "batches": {b: {"files": len(hashes[b]), "sha256_of_document_hashes": hashlib.sha256(
            "\n".join(sorted(hashes[b])).encode()).hexdigest()} for b in sorted(hashes) if hashes[b]},
    }


def datapackage(root: Path, hashes: dict[str, list[str]], stage: Path | None = None, build: dict | None = None,
                resources: list[dict] | None = None, inputs: dict[str, str] | None = None) -> dict:
    """The Data Package descriptor for the gold tables under ``root`` (their staged copies in ``stage``
    when there are); ``hashes``: each batch's documents' SHA-256s; ``build``: the batch fingerprints and code version they were built from;
    ``resources``: the tables' entries when already known; ``inputs``: each table's input digest
    (`pipeline.publication`)."""
    if resources is None:
        resources = [resource(root, TABLES[name], stage) for name in PUBLISHED
                     if table_path(root, name, stage=stage).exists()]
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
                       "bronze": bronze_provenance(hashes), "build": build or {},
                       **({"inputs": inputs} if inputs is not None else {})},
        "resources": resources,
    }


def data_dictionary(package: dict) -> str:
    """A Markdown data dictionary for the package: tables, row counts, hashes, columns."""
    lines = [f"# {package['title']}", "", package["description"], "",
             f"Version {package['version']}. Licence: [{LICENSE['title']}]({LICENSE['path']}). "
             f"Built from {package['provenance']['bronze']['distinct_documents']} distinct bronze documents "
             f"(digest `{package['provenance']['bronze']['sha256_of_document_hashes'][:16]}…`).", ""]
    lines += ["| table | rows | sha256 |", "|---|---|---|"]
    lines += [f"| `{r['path']}` | {r['rows']} | `{r['hash'].removeprefix('sha256:')[:16]}…` |" for r in package["resources"]]
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


def publication_needed(root: Path, build: dict) -> str | None:
    """Why the published set must be written again, or None when it is exactly what ``build`` (batch
    fingerprints and code version) gives: decided from what is published, not from what was built, so a
    publication that failed or was killed is redone by the next build."""
    gold = root / "gold"
    try:
        package = json.loads((gold / PACKAGE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "nothing published yet"
    except (OSError, ValueError):
        return f"{PACKAGE} is unreadable"
    if package.get("provenance", {}).get("build") != build:
        return "bronze or code changed since the last publication"
    resources = {r.get("name"): r for r in package.get("resources", [])}
    if missing := [n for n in PUBLISHED if n not in resources]:
        return f"{PACKAGE} lacks {', '.join(missing)}"
    for r in resources.values():
        path = gold / r["path"]
        if not path.exists() or path.stat().st_size != r.get("bytes") or f"sha256:{sha256_file(path)}" != r.get("hash"):
            return f"{r['path']} differs from {PACKAGE}"
    if not (gold / README).exists():
        return f"{README} is missing"
    return None


def write_package(root: Path, hashes: dict[str, list[str]], stage: Path | None = None, build: dict | None = None,
                  resources: list[dict] | None = None, inputs: dict[str, str] | None = None) -> dict:
    """Publish: write `datapackage.json` and `README.md` (into ``stage`` with the staged tables, when
    given, then swap them all into `gold/`); return the descriptor (arguments as for `datapackage`)."""
    package = datapackage(root, hashes, stage, build, resources, inputs)
    target = stage if stage is not None else root / "gold"
    target.mkdir(parents=True, exist_ok=True)
    _atomic_write(target / PACKAGE, json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    _atomic_write(target / README, data_dictionary(package))
    if stage is not None:
        commit(stage, root / "gold")
    return package


def commit(stage: Path, gold: Path) -> None:
    """Swap a staged publication into ``gold``: the tables, then the README, then the package last (a
    reader who trusts the package's hashes never takes a mix for a set), then drop the stage."""
    names = sorted(p.name for p in stage.iterdir())
    order = [n for n in names if n not in (README, PACKAGE)] + [n for n in (README, PACKAGE) if n in names]
    for i, name in enumerate(order):
        if i:
            inject("publish-swap")
        replace_file(stage / name, gold / name)
    stage.rmdir() if is_local(stage) else stage.fs.rm(stage.path, recursive=True)


def _atomic_write(path: Path, text: str) -> None:
    if not is_local(path):
        path.write_text(text, encoding="utf-8")
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o666 & ~umask())
    os.replace(tmp, str(path))
