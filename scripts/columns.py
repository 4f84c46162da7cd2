"""Print the column contract of every published table, generated from the pandera models in `schemas/`.

    python scripts/columns.py            # every table, as Markdown
    python scripts/columns.py meetings   # one table (registry name)

No build needed: a built data root also carries it, with row counts and hashes, in `gold/README.md`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas.registry import TABLES  # noqa: E402


def table_markdown(name: str) -> str:
    """One table: its path, key and description, then a row per column."""
    table = TABLES[name]
    rows = [f"| `{col}` | {t} | {'' if nullable else 'yes'} | {text} |" for col, t, nullable, text in table.columns()]
    return "\n".join([f"## `{table.path}` ({name})", "", f"{table.description} Key: `{table.key}`.", "",
                      "| column | type | required | description |", "|---|---|---|---|", *rows, ""])


def main(argv: list[str]) -> int:
    names = argv or list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        print(f"unknown table {', '.join(unknown)}; choose from {', '.join(TABLES)}", file=sys.stderr)
        return 2
    print("\n".join(table_markdown(n) for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
