"""The data root, resolved without importing pandas or pyarrow (the lock and the no-op check need it
first), nor `upath` and fsspec for a local one (a plain `Path`; fsspec URLs get a `UPath`)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from upath import UPath

LOCAL = {"", "file", "local"}
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
__all__ = ["LOCAL", "data_dir", "is_local", "local_path", "upath"]


def data_dir(value: str | os.PathLike | None = None) -> Path | UPath:
    """The data root: the argument, else `$DATA_DIR`, else `data` (relative to the working directory).

    Any fsspec URL works (`s3://bucket/hoptac`, `memory://hoptac`); a local path is made absolute.
    """
    root = value or os.environ.get("DATA_DIR") or "data"
    local = local_path(root)
    return local.resolve() if local is not None else upath(root)


def upath(value: str | os.PathLike) -> UPath:
    """``value`` as a `UPath` (for a root on an object store)."""
    from upath import UPath

    return UPath(value)


def local_path(value: str | os.PathLike) -> Path | None:
    """``value`` as a plain path when it is on the local filesystem (a path, a `file://` URL, a local
    `UPath`), else None."""
    protocol = getattr(value, "protocol", None)
    if protocol is None:
        text = value if isinstance(value, str) else os.fspath(value)
        if not _URL.match(text):
            return Path(text)
        value = upath(text)
        protocol = value.protocol
    return Path(value.path) if protocol in LOCAL else None


def is_local(path: Path | UPath) -> bool:
    return getattr(path, "protocol", "") in LOCAL
