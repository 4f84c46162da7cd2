"""Cut a document into segments: header fields, then lines, then (for squashed pages) pieces of lines."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.clean.furniture import label_starts
from pipeline.clean.lexicon import markers
from pipeline.clean.markup import IMAGE, LINK_RUN

# `Title: …` / `Published Date: …` / `Content: …` headers written by some scrapers.
_HEADER = regex.compile(
    r"^\s*(?P<key>title|tiêu đề|headline|published(?: date| at|_at)?|date|ngày đăng|ngày|author|tác giả|"
    r"url|link|source|outlet|site|nguồn|description|mô tả|summary|sapo|tóm tắt|category|chuyên mục|tags?|keywords|"
    r"từ khóa|từ khoá|content|nội dung|body)\s*:\s*(?P<value>.*)$",
    regex.IGNORECASE,
)
_HEADER_KEYS = {
    "title": "title", "tiêu đề": "title", "headline": "title",
    "published": "published", "published date": "published", "published at": "published",
    "published_at": "published", "date": "published", "ngày đăng": "published", "ngày": "published",
    "author": "author", "tác giả": "author",
    "url": "url", "link": "url", "source": "source", "outlet": "outlet", "site": "outlet", "nguồn": "url",
    "description": "summary", "mô tả": "summary", "summary": "summary", "sapo": "summary", "tóm tắt": "summary",
    "category": "category", "chuyên mục": "category",
    "tags": "tags", "tag": "tags", "keywords": "tags", "từ khóa": "tags", "từ khoá": "tags",
    "content": "content", "nội dung": "content", "body": "content",
}

TIMESTAMP = regex.compile(
    r"(?:\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:\|\s*|,\s*|-\s*|ngày\s+)?)?\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b"
    r"(?:\s*(?:\||-|,|lúc)?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?"
    r"|\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
# A page timestamp (a date with a clock time or a time zone): cut out of squashed text.
STAMP_CUT = regex.compile(
    r"\b\d{1,2}:\d{2}\s*\|?\s*(?:\p{L}+,?\s+)?\d{1,2}/\d{1,2}/\d{4}(?:\s*\(?GMT\s*[+-]\s*\d{1,2}\)?)?"
    r"|\b\d{1,2}/\d{1,2}/\d{4}\s*(?:-|\||,)?\s*\d{1,2}:\d{2}(?:\s*\(?GMT\s*[+-]\s*\d{1,2}\)?)?"
)
# Widget text left in a flattened page (`aa` font-size buttons) between two capitals.
_WIDGET = regex.compile(r"(?<=\s)(?:aa|A\+|A-|Xin chờ trong giây lát\.\.\.)(?=\s+\p{Lu})")
_SENTENCE_END = regex.compile(  # `./.`, the mark that closes a Vietnamese article, ends a sentence too
    r"(?<=[\p{Ll}\p{N})\]\"”’»%][.!?…]+[\"”’»)\]]*|\./\.)\s+(?=[\"“‘«(\[]?[\p{Lu}\p{N}])"
)
# Abbreviations after which a dot does not end a sentence.
_ABBREV_END = regex.compile(r"(?:\b(?:TP|Tp|TS|PGS|GS|ThS|BS|Th|Q|P|St|Mr|Mrs|Ms|Dr|No|v\.v)|\b\p{Lu})\.$")
_PIPE_CUT = regex.compile(r"(?<=\S) \|(?= +\S)")


@dataclass(slots=True)
class Segment:
    """A piece of the document classified as one unit."""

    raw: str
    line: int
    squashed: bool = False


@dataclass(slots=True)
class Header:
    """Fields of a `Key: value` header block at the top of a document."""

    fields: dict[str, str] = field(default_factory=dict)
    content_start: int = 0


def read_header(lines: list[str]) -> Header:
    """Parse a leading header block (`Title:`, `Published Date:`, …, `Content:`); empty when absent."""
    head = Header()
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    first = i
    while i < len(lines) and i - first < 20:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = _HEADER.match(line)
        if not m:
            break
        key = _HEADER_KEYS.get(m.group("key").casefold())
        if key is None:
            break
        if key == "content":
            head.fields[key] = m.group("value")
            head.content_start = i
            return head
        head.fields.setdefault(key, m.group("value").strip())
        i += 1
    # Only a real block counts: a title plus at least one other field, never a lone `Nguồn:` line.
    if "title" in head.fields and len(head.fields) >= 2:
        head.content_start = i
        return head
    return Header()


def _marker_pattern() -> regex.Pattern:
    phrases = sorted(
        (p for kind in ("end", "box") for p in markers()[kind] if " " in p or p.endswith(":")),
        key=len, reverse=True,
    )
    alts = []
    for p in phrases:
        alts.append(regex.escape(p[:1].upper() + p[1:]))
        alts.append(regex.escape(p.upper()))
    alts.append("Nguồn:")
    alts.append("Multimedia")
    # A marker stands alone: start of text or after a blank, then the end or a capital letter.
    return regex.compile(r"(?:(?<=^)|(?<=\s))(?:[>»]+\s*)?(?:" + "|".join(alts) + r"):?(?=\s*$|\s+[\p{Lu}\p{N}\[!\"“])")


_MARKER_IN_LINE = None


def _markers_in_line() -> regex.Pattern:
    global _MARKER_IN_LINE
    if _MARKER_IN_LINE is None:
        _MARKER_IN_LINE = _marker_pattern()
    return _MARKER_IN_LINE


def _sentences(piece: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(piece):
        if _ABBREV_END.search(piece, start, m.start()):
            continue
        out.append(piece[start:m.start()])
        start = m.end()
    out.append(piece[start:])
    return out


def split_squashed(line: str) -> list[str]:
    """Cut a long line of a flattened page into pieces: images start a piece, caption pipes, timestamps,
    section markers and link runs stand alone, and plain prose is cut into sentences."""
    cuts = {0, len(line)}
    for m in IMAGE.finditer(line):
        cuts.add(m.start())
    for m in _PIPE_CUT.finditer(line):
        cuts.add(m.end())
    for pat in (_markers_in_line(), LINK_RUN, _WIDGET):
        for m in pat.finditer(line):
            cuts.add(m.start())
            cuts.add(m.end())
    cuts.update(label_starts(line))
    for m in STAMP_CUT.finditer(line):
        a, b = m.span()
        cuts = {c for c in cuts if not a < c < b} | {a, b}
    bounds = sorted(cuts)
    pieces = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = line[a:b].strip()
        if not piece:
            continue
        if piece.startswith("![") or LINK_RUN.fullmatch(piece):
            pieces.append(piece)
        else:
            pieces.extend(s.strip() for s in _sentences(piece) if s.strip())
    return pieces


# A sentence end glued to a capital (`… vũ khí Iraq.Người Anh giảm …`): where teaser links were pasted
# onto the end of a paragraph.
_GLUED_END = regex.compile(r"(?<=[\p{Ll}\d][.!?…][\"”’)]?)(?=\p{Lu}[\p{Ll}\s])")
_ENDS_SENTENCE = regex.compile(r"[.!?…:;][\"”’»)\]]*\s*$")


def _split_glued_tail(line: str) -> list[str] | None:
    """`Paragraph.Teaser oneTeaser two` → [paragraph, teasers], when the line ends without punctuation."""
    if _ENDS_SENTENCE.search(line[-6:]):
        return None
    last = None
    for m in _GLUED_END.finditer(line):
        last = m
    if last is None or last.start() < 40:
        return None
    return [line[:last.start()], line[last.start():]]


def _split_hint(line: str) -> bool:
    """An image, a link or a caption pipe in ``line`` (substring tests: a scan in C each)."""
    return "![" in line or "](" in line or " | " in line


def segment(lines: list[str], flattened: bool = False) -> list[Segment]:
    """One segment per line, except that very long lines of a flattened page are cut into pieces.
    ``flattened``: the page came as a scraper's `Content:` field, so any long line is a squashed page."""
    nonblank = -1  # non-blank lines, counted when a line is long enough to ask
    segs: list[Segment] = []
    for i, line in enumerate(lines):
        n = len(line)
        if n > 1500 and nonblank < 0:
            nonblank = sum(1 for ln in lines if ln.strip())
        if flattened and n > 300 or n > 600 and (n > 3000 or n > 1500 and nonblank <= 3 or _split_hint(line)
                                                 or _markers_in_line().search(line)):
            pieces = split_squashed(line)
            if len(pieces) > 1:
                segs.extend(Segment(p, i, True) for p in pieces)
                continue
        if n > 150 and (pieces := _split_glued_tail(line)):
            segs.extend(Segment(p, i) for p in pieces)
            continue
        segs.append(Segment(line, i))
    return segs
