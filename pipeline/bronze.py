"""Bronze: find raw documents, identify them by hash, decode their bytes to NFC text."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.roots import local_path, upath
from pipeline.text import nfc

if TYPE_CHECKING:
    from upath import UPath

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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_SPACES = re.compile(r"\s+")


class RejectedDocument(ValueError):
    """A raw document that cannot become an article; the message is the reason."""


@dataclass(frozen=True, slots=True)
class BronzeFile:
    """One entry of `bronze/`: where it is and what it is (by content). A file that was not read (not
    `.txt`, unreadable, a link out of bronze…) has no hash, its ``status`` (`ignored` or `rejected`)
    and the ``problem`` in words."""

    source_path: str  # relative to the bronze root, with `/`
    sha256: str | None
    n_bytes: int
    raw: bytes
    problem: str | None = None
    status: str | None = None

    @property
    def article_id(self) -> str | None:
        return article_id(self.sha256) if self.sha256 else None


def article_id(sha256: str) -> str:
    """The id of the article a document holds: the first 16 hex characters of its SHA-256."""
    return sha256[:16]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


ROOT_BATCH = "_root"  # the batch of files lying directly in `bronze/`
TEXT_SUFFIX = ".txt"  # compared case-insensitively: `NOTE.TXT` is text too


def batch_key(folder: str) -> str:
    """The batch of a first-level folder: its name, with one more `_` in front when it starts with `_`,
    so no folder (not even one named `_root`) takes the root batch's key and no two folders share one."""
    return "_" + folder if folder.startswith("_") else folder


def batch_folder(batch: str) -> str | None:
    """The first-level folder of ``batch`` (None for the root batch): the inverse of `batch_key`."""
    if batch == ROOT_BATCH:
        return None
    return batch[1:] if batch.startswith("_") else batch


def batch_of(source_path: str) -> str:
    """A file's batch: from the first-level folder of `bronze/` holding it (`_root` for files directly in it)."""
    head, sep, _ = source_path.partition("/")
    return batch_key(head) if sep else ROOT_BATCH


def _entries(folder: str | os.PathLike, rel: str = "", recursive: bool = True) -> Iterator[tuple[str, os.DirEntry | OSError]]:
    """(path relative to the walk's start, entry) of every file, link or other non-folder entry below
    ``folder`` (`os.scandir`; folder links are entries, not followed). A folder that cannot be listed
    is one entry holding the error."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as e:
        yield rel.rstrip("/") or ".", e
        return
    for e in entries:
        if e.is_dir(follow_symlinks=False):
            if recursive:
                yield from _entries(e.path, f"{rel}{e.name}/")
        else:
            yield rel + e.name, e


def _local_entries(base: Path, batch: str | None) -> Iterator[tuple[str, os.DirEntry | OSError]]:
    """(path relative to ``base``, entry) of one batch's entries (or all) on a local disk."""
    if batch is None:
        return _entries(base)
    folder = batch_folder(batch)
    if folder is None:
        return _entries(base, recursive=False)
    return _entries(base / folder, f"{folder}/")


def _remote_paths(root: UPath, batch: str | None) -> list[UPath]:
    if batch == ROOT_BATCH:
        paths = root.glob("*.txt")
    else:
        folder = batch_folder(batch) if batch else None
        paths = (root if folder is None else root / folder).rglob("*.txt")
    return sorted(p for p in paths if p.is_file())


def list_batches(bronze_dir: str | os.PathLike) -> list[str]:
    """Every batch that holds at least one entry, in name order."""
    base = local_path(bronze_dir)
    root = upath(bronze_dir) if base is None else None
    if base is None:
        return sorted({batch_of(p.relative_to(root).as_posix()) for p in _remote_paths(root, None)})
    try:
        folders = [e.name for e in os.scandir(base) if e.is_dir(follow_symlinks=False)]
    except FileNotFoundError:
        return []
    found = [ROOT_BATCH] if next(_entries(base, recursive=False), None) else []
    return sorted(found + [batch_key(f) for f in folders if next(_entries(base / f, f"{f}/"), None)])


def entry_sizes(bronze_dir: str | os.PathLike) -> list[tuple[str, int]]:
    """(batch, bytes) of every `*.txt` entry below ``bronze_dir``, from the listing alone (nothing is read;
    an entry that cannot be stat'ed counts 0 bytes)."""
    base = local_path(bronze_dir)
    root = upath(bronze_dir) if base is None else None
    if base is None:
        return [(batch_of(p.relative_to(root).as_posix()), p.stat().st_size) for p in _remote_paths(root, None)]
    out = []
    for rel, entry in _local_entries(base, None):
        if isinstance(entry, OSError) or not rel.lower().endswith(TEXT_SUFFIX):
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            size = 0
        out.append((batch_of(rel), size))
    return out


def _unread(rel: str, status: str, problem: str, n_bytes: int = 0) -> BronzeFile:
    return BronzeFile(rel, None, n_bytes, b"", problem, status)


def _read_local(base_real: str, rel: str, entry: os.DirEntry | OSError) -> BronzeFile:
    """Read one local entry, or say why it was not read (never raises for a bad file)."""
    if isinstance(entry, OSError):
        return _unread(rel, "rejected", f"folder cannot be listed: {entry.strerror}")
    if not rel.lower().endswith(TEXT_SUFFIX):
        return _unread(rel, "ignored", f"not a {TEXT_SUFFIX} file")
    link = entry.is_symlink()
    try:
        st = os.stat(entry.path)
    except FileNotFoundError:
        return _unread(rel, "rejected", "dangling symbolic link" if link else "file vanished while reading")
    except OSError as e:
        return _unread(rel, "rejected", "symbolic link loop" if e.errno == errno.ELOOP else f"unreadable: {e.strerror}")
    if link and os.path.commonpath([base_real, os.path.realpath(entry.path)]) != base_real:
        return _unread(rel, "rejected", "symbolic link to a file outside bronze (not followed)")
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a special file"
        return _unread(rel, "ignored" if stat.S_ISDIR(st.st_mode) else "rejected", f"not a regular file: {kind}")
    try:
        with open(entry.path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return _unread(rel, "rejected", f"unreadable: {e.strerror}", st.st_size)
    return BronzeFile(rel, hashlib.sha256(raw).hexdigest(), len(raw), raw)


def scan(bronze_dir: str | os.PathLike, batch: str | None = None) -> Iterator[BronzeFile]:
    """Every entry of ``batch`` (default: all) below ``bronze_dir``, in path order: `*.txt` files read
    as bytes, anything else (other files, bad links, unreadable files) as a `BronzeFile` saying why not."""
    base = local_path(bronze_dir)
    root = upath(bronze_dir) if base is None else None
    if base is None:
        for path in _remote_paths(root, batch):
            raw = path.read_bytes()
            yield BronzeFile(path.relative_to(root).as_posix(), hashlib.sha256(raw).hexdigest(), len(raw), raw)
        return
    base_real = os.path.realpath(base)
    for rel, entry in sorted(_local_entries(base, batch), key=lambda x: x[0]):
        yield _read_local(base_real, rel, entry)


def stat_of(entry: os.DirEntry | OSError) -> str:
    """An entry's size, modification and change times and inode (or the error that hid them)."""
    if isinstance(entry, OSError):
        return f"!{entry.errno}"
    try:
        st = os.stat(entry.path)
    except OSError as e:
        return f"!{e.errno}"
    return f"{st.st_size}\t{st.st_mtime_ns}\t{st.st_ctime_ns}\t{st.st_ino}"


def stat_digest(head: str, stats: Iterable[tuple[str, str]]) -> str:
    """SHA-256 (hex) over ``head`` and each (relative path, `stat_of`) in order."""
    h = hashlib.sha256(head.encode())
    for rel, st in stats:
        h.update(f"\n{rel}\t{st}".encode())
    return h.hexdigest()


def stat_signature(bronze_dir: str | os.PathLike, batch: str, code_version: str,
                   stats: list[tuple[str, str]] | None = None) -> str | None:
    """A cheap stand-in for `fingerprint`: code version and every entry's path, size, modification and
    change times and inode (no reading). The change time cannot be set back by a program, so an
    in-place edit that restores size and modification time still shows (as git's index does); equal
    signatures mean unchanged files. None on filesystems without such times: only the content decides.
    ``stats``: the batch's (path, `stat_of`) in path order, taken already (`unchanged.Snapshot`)."""
    base = local_path(bronze_dir)
    if base is None:
        return None
    if stats is None:
        stats = [(rel, stat_of(entry)) for rel, entry in sorted(_local_entries(base, batch), key=lambda x: x[0])]
    return stat_digest(code_version, stats)[:24]


def fingerprint(files: Iterable[BronzeFile], code_version: str) -> str:
    """What a batch's own outputs depend on: the code version and every entry's path and content hash
    (or why it was not read)."""
    h = hashlib.sha256(code_version.encode())
    for f in files:
        h.update(f"\n{f.source_path}\t{f.sha256 or '!' + str(f.problem)}".encode())
    return h.hexdigest()[:24]


def owned_fingerprint(content: str, known: dict[str, str]) -> str:
    """A batch's full fingerprint: its `fingerprint` and which of its documents other batches keep
    (``known``: SHA-256 → path), so a batch is rebuilt when the copy it deferred to goes away."""
    if not known:
        return content
    h = hashlib.sha256(content.encode())
    for sha, path in sorted(known.items()):
        h.update(f"\n{sha}\t{path}".encode())
    return h.hexdigest()[:24]


def _binary_kind(raw: bytes) -> str | None:
    for magic, name in MAGIC.items():
        if raw.startswith(magic):
            return name
    if b"\x00" in raw:  # anywhere: one memchr, and a NUL is never text
        return "binary data (NUL bytes)"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """`utf-16-le`/`-be` when the bytes look like UTF-16 without a byte-order mark: NULs (the high byte
    of Latin letters, digits and spaces) on one side of most pairs and none on the other."""
    if len(raw) < 4 or len(raw) % 2 or b"\x00" not in raw:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    pairs = len(raw) // 2
    if odd >= 0.2 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.2 * pairs and odd == 0:
        return "utf-16-be"
    return None


def _c1_as_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encoding error handler: a C1 control character stands for its own byte (mojibake read as Latin-1)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start:error.end]
    if all("\x80" <= c <= "\x9f" for c in chunk):
        return chunk.encode("latin-1"), error.end
    raise error


codecs.register_error("hoptac-c1", _c1_as_bytes)
# UTF-8 read as Windows-1252: a lead byte's letter (Ã Â Ä Å Æ á â …) then a continuation byte's
_MOJIBAKE = re.compile("[\u00c2-\u00c6\u00e1-\u00e3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                       "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
                       "\u203a\u20ac\u2122]")
MOJIBAKE_SAMPLE = 2000  # characters: mojibake runs through a whole text, its start shows it
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|script|style|div|p|meta)\b[^>]*>", re.IGNORECASE)


def repair_mojibake(text: str) -> str | None:
    """The text UTF-8 bytes were meant to be when they were decoded as Windows-1252 (or Latin-1) and
    saved as UTF-8 again (`Viá»‡t Nam` → `Việt Nam`); None when the text is not such mojibake."""
    if not _MOJIBAKE.search(text, 0, MOJIBAKE_SAMPLE):
        return None
    try:
        return text.encode("cp1252", errors="hoptac-c1").decode("utf-8")
    except UnicodeError:
        return None


def looks_like_html(text: str) -> bool:
    """True for raw HTML (a page saved as markup, not as text): several tags in its first 4,000 characters."""
    return "<" in text[:4000] and len(_HTML.findall(text, 0, 4000)) >= 3


def normalise(text: str) -> str:
    """NFC, LF line ends, no control characters other than tab and newline."""
    return nfc(_CONTROL.sub("", _NEWLINES.sub("\n", text)))


def decode(raw: bytes) -> Decoded:
    """Decode raw bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when its NULs
    show it), else Windows-1258; UTF-8 mojibake (read once as Windows-1252) is repaired.

    Raises `RejectedDocument` for empty, binary, HTML or undecodable input.
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
    if utf16 := _utf16_without_bom(raw):
        try:
            return _checked(raw.decode(utf16), utf16)
        except (UnicodeDecodeError, RejectedDocument):
            pass  # NULs in a pattern, but not UTF-16 text: judged as binary below
    kind = _binary_kind(raw)
    if kind:
        raise RejectedDocument(f"binary file, not text: {kind}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if (fixed := repair_mojibake(text)) is not None:
            return _checked(fixed, "utf-8-mojibake")
        if len(_MOJIBAKE.findall(text, 0, MOJIBAKE_SAMPLE)) >= 3:
            raise RejectedDocument("mojibake (UTF-8 read as Windows-1252) that cannot be repaired: bytes were lost")
        return _checked(text, "utf-8")
    try:
        return _checked(raw.decode("cp1258"), "windows-1258")
    except UnicodeDecodeError as e:
        raise RejectedDocument(f"undecodable: neither UTF-8 nor Windows-1258 ({e.reason} at byte {e.start})") from e


def _covered(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs of ``pattern`` cover (runs, not one match per character)."""
    return sum(len(run) for run in pattern.findall(text))


def _checked(text: str, encoding: str) -> Decoded:
    text = normalise(text)
    if not text.strip():
        raise RejectedDocument("no text after decoding")
    sample = text[:20_000]  # enough to tell text from noise without counting every character
    letters = len(sample) - _covered(_NON_LETTERS, sample)
    if letters < 0.3 * (len(sample) - _covered(_SPACES, sample)):
        raise RejectedDocument(f"does not look like text ({encoding}: too few letters)")
    if looks_like_html(text):
        raise RejectedDocument("raw HTML markup, not the page's text (save the page as text)")
    return Decoded(text, encoding)
