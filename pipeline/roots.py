"""The data root, resolved without importing pandas or pyarrow (the lock and the no-op check need it first)."""

from __future__ import annotations

import os
from pathlib import Path

from upath import UPath

LOCAL = {"", "file", "local"}
__all__ = ["LOCAL", "data_dir", "is_local"]


def data_dir(value: str | os.PathLike | None = None) -> UPath:
    """The data root: the argument, else `$DATA_DIR`, else `data` (relative to the working directory).

    Any fsspec URL works (`s3://bucket/hoptac`, `memory://hoptac`); a local path is made absolute.
    """
    root = UPath(value or os.environ.get("DATA_DIR") or "data")
    return UPath(Path(root).resolve()) if root.protocol in LOCAL else root


def is_local(path: UPath | Path) -> bool:
    return not isinstance(path, UPath) or path.protocol in LOCAL
