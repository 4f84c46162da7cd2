"""Bronze: find raw documents, identify them by hash, decode their bytes to NFC text."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from upath import UPath

from pipeline.text import nfc

# File signatures of formats that are not text, with a name for the rejection message.
MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_LETTERS = re.compile(r"[^\W\d_]")
_VISIBLE = re.compile(r"\S")


class RejectedDocument(ValueError):
    """A raw document that cannot become an article; the message is the reason."""


@dataclass(frozen=True, slots=True)
class BronzeFile:
    """One raw file: where it is and what it is (by content)."""

    source_path: str  # relative to the bronze root, with `/`
    sha256: str
    n_bytes: int
    raw: bytes

    @property
    def article_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


ROOT_BATCH = "_root"  # the batch of files lying directly in `bronze/`


def batch_of(source_path: str) -> str:
    """A file's batch: the first-level folder of `bronze/` holding it (`_root` for files directly in it)."""
    head, sep, _ = source_path.partition("/")
    return head if sep else ROOT_BATCH


def _local(root: UPath) -> Path | None:
    """``root`` as a plain path when it is on the local filesystem (walked with `os.scandir`, much faster)."""
    return Path(root.path) if root.protocol in ("", "file", "local") else None


def _txt_entries(folder: str | os.PathLike, rel: str = "", recursive: bool = True) -> Iterator[tuple[str, os.DirEntry]]:
    """(path relative to the walk's start, entry) of every `*.txt` file below ``folder`` (`os.scandir`)."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for e in entries:
        if e.name.endswith(".txt") and e.is_file():
            yield rel + e.name, e
        elif recursive and e.is_dir():
            yield from _txt_entries(e.path, f"{rel}{e.name}/")


def _local_txt(base: Path, batch: str | None) -> Iterator[tuple[str, os.DirEntry]]:
    """(path relative to ``base``, entry) of the `*.txt` files of one batch (or of all) on a local disk."""
    if batch is None:
        return _txt_entries(base)
    if batch == ROOT_BATCH:
        return _txt_entries(base, recursive=False)
    return _txt_entries(base / batch, f"{batch}/")


def batch_paths(bronze_dir: str | os.PathLike, batch: str | None = None) -> list[Path]:
    """The `*.txt` files of one batch (or of all), in path order (any fsspec filesystem)."""
    root = UPath(bronze_dir)
    base = _local(root)
    if base is not None:
        return sorted(Path(e.path) for _, e in _local_txt(base, batch))
    if batch == ROOT_BATCH:
        paths = root.glob("*.txt")
    else:
        paths = (root if batch is None else root / batch).rglob("*.txt")
    return sorted(p for p in paths if p.is_file())


def list_batches(bronze_dir: str | os.PathLike) -> list[str]:
    """Every batch that holds at least one `*.txt` file, in name order."""
    root = UPath(bronze_dir)
    base = _local(root)
    if base is None:
        return sorted({batch_of(p.relative_to(root).as_posix()) for p in batch_paths(root)})
    try:
        folders = [e.name for e in os.scandir(base) if e.is_dir()]
    except FileNotFoundError:
        return []
    return sorted({b for b in [ROOT_BATCH, *folders] if next(_local_txt(base, b), None)})


def scan(bronze_dir: str | os.PathLike, batch: str | None = None) -> Iterator[BronzeFile]:
    """Every `*.txt` file of ``batch`` (default: all) below ``bronze_dir``, in path order, read as bytes."""
    root = UPath(bronze_dir)
    base = _local(root) or root
    for path in batch_paths(root, batch):
        raw = path.read_bytes()
        yield BronzeFile(path.relative_to(base).as_posix(), hashlib.sha256(raw).hexdigest(), len(raw), raw)


def stat_signature(bronze_dir: str | os.PathLike, batch: str, code_version: str) -> str | None:
    """A cheap stand-in for `fingerprint`: code version and every file's path, size and modification time
    (no reading). Equal signatures mean unchanged files, as for make or git; None on filesystems without
    modification times, where only the content fingerprint decides."""
    base = _local(UPath(bronze_dir))
    if base is None:
        return None
    h = hashlib.sha256(code_version.encode())
    for rel, entry in sorted(_local_txt(base, batch), key=lambda x: x[0]):
        st = entry.stat()
        h.update(f"\n{rel}\t{st.st_size}\t{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def fingerprint(files: Iterator[BronzeFile] | list[BronzeFile], code_version: str) -> str:
    """What a batch's outputs depend on: the code version and every file's path and content hash."""
    h = hashlib.sha256(code_version.encode())
    for f in files:
        h.update(f"\n{f.source_path}\t{f.sha256}".encode())
    return h.hexdigest()[:24]


def _binary_kind(raw: bytes) -> str | None:
    for magic, name in MAGIC.items():
        if raw.startswith(magic):
            return name
    if b"\x00" in raw[:4096]:
        return "binary data (NUL bytes)"
    return None


def normalise(text: str) -> str:
    """NFC, LF line ends, no control characters other than tab and newline."""
    return nfc(_CONTROL.sub("", _NEWLINES.sub("\n", text)))


def decode(raw: bytes) -> Decoded:
    """Decode raw bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258.

    Raises `RejectedDocument` for empty, binary or undecodable input.
    """
    if not raw.strip():
        raise RejectedDocument("empty file" if not raw else "file holds only white space")
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as e:
                raise RejectedDocument(f"not valid {encoding} despite its byte-order mark: {e.reason}") from e
            return _checked(text, "utf-16-le" if bom == codecs.BOM_UTF16_LE else
                            "utf-16-be" if bom == codecs.BOM_UTF16_BE else encoding)
    kind = _binary_kind(raw)
    if kind:
        raise RejectedDocument(f"binary file, not text: {kind}")
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _checked(raw.decode("cp1258"), "windows-1258")
    except UnicodeDecodeError as e:
        raise RejectedDocument(f"undecodable: neither UTF-8 nor Windows-1258 ({e.reason} at byte {e.start})") from e


def _checked(text: str, encoding: str) -> Decoded:
    text = normalise(text)
    if not text.strip():
        raise RejectedDocument("no text after decoding")
    sample = text[:20_000]  # enough to tell text from noise without counting every character
    letters = len(_LETTERS.findall(sample))
    if letters < 0.3 * len(_VISIBLE.findall(sample)):
        raise RejectedDocument(f"does not look like text ({encoding}: too few letters)")
    return Decoded(text, encoding)
