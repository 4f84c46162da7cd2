"""Text units: Unicode normalisation, sentences and clauses with character offsets.

Every span keeps its offsets into the text it was cut from, so evidence can always be
traced back with ``body[start:end]``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# Tokens that end with a dot without ending a sentence (`TP. Hồ Chí Minh`, `PGS.TS.`, `Q.1`).
ABBREVIATIONS = frozenset(
    """tp tx tt q p h x ths ts pgs gs bs ks ls nxb th thcs thpt đh cđ ubnd hđnd mr mrs ms dr st no vs v.v
    ct k tr đ ng c ô""".split()
)

_BOUNDARY = regex.compile(
    r"""
    (?P<stop>[.!?…]+["”’»)\]]*)     # sentence-final punctuation, optional closing quote/bracket
    (?:\s+|(?=\p{Lu}))               # then space, or a capital glued to it (`giao ngay.Bộ`)
    (?=["“‘«(\[]?[\p{Lu}\p{N}-])     # the next sentence starts with a capital, digit or dash
    """,
    regex.VERBOSE,
)
# A headline glued to the lead without punctuation (`… thăm Việt Nam Ngày 9-3, người phát ngôn …`): a
# capitalised dateline or framing word, which mid-sentence would be written lower-case, after a word. The
# words are searched for (rare capitals); the spaces and the letter before them are checked in `_cuts`.
_GLUED = regex.compile(
    r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Rạng sáng|Trong|Tại|Vào)"
    r" (?:\d|nay\b|qua\b|hôm\b|ngày\b|sáng\b|chiều\b|tối\b|phiên\b|cuộc\b|buổi\b|chuyến\b|dịp\b)"
)
_LAST_TOKEN = regex.compile(r"([\p{L}.]+)[.!?…][\"”’»)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def nfc(text: str) -> str:
    """Unicode NFC form, the form every layer stores."""
    return unicodedata.normalize("NFC", text)


def _strip_span(source: str, start: int, end: int) -> Span | None:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return Span(start, end, source[start:end]) if end > start else None


def _is_abbreviation(piece: str) -> bool:
    """True when ``piece`` ends with an abbreviation or an initial rather than a sentence."""
    m = _LAST_TOKEN.search(piece[-40:])  # the last token only: never rescan a long line
    if not m:
        return False
    token = m.group(1).rsplit(".", 1)[-1] if "." in m.group(1).rstrip(".") else m.group(1).rstrip(".")
    return token.casefold() in ABBREVIATIONS or (len(token) == 1 and token.isupper())


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Candidate boundaries in ``text[start:end]``: (end of a sentence, start of the next, whether it ends
    with punctuation, so that the dot may close an abbreviation instead)."""
    found = [(m.end("stop"), m.end(), True) for m in _BOUNDARY.finditer(text, start, end)]
    for m in _GLUED.finditer(text, start, end):
        gap = m.start()
        while gap > start and text[gap - 1] == " ":
            gap -= 1
        if start < gap < m.start() and text[gap - 1].isalnum():
            found.append((gap, m.start(), False))
    return sorted(found)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences; offsets are into ``text``.

    Lines are always boundaries. Within a line a boundary is ``.``, ``!``, ``?`` or ``…``
    followed by a capital letter or digit, unless the dot closes an abbreviation (``TP.``,
    ``Q.``, an initial) or sits inside a number (``1.488``); and a headline glued to its lead.
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        cut = line_start
        for stop, after, punctuated in _cuts(text, line_start, line_end):
            if stop <= cut or punctuated and _is_abbreviation(text[cut:stop]):
                continue
            span = _strip_span(text, cut, stop)
            if span:
                out.append(span)
            cut = after
        span = _strip_span(text, cut, line_end)
        if span:
            out.append(span)
        line_start = line_end + 1
    return out


def clauses(text: str, span: Span) -> list[Span]:
    """Split a sentence at semicolons (lists of figures, lists of agreements)."""
    out: list[Span] = []
    cut = span.start
    for i in range(span.start, span.end):
        if text[i] == ";":
            piece = _strip_span(text, cut, i)
            if piece:
                out.append(piece)
            cut = i + 1
    piece = _strip_span(text, cut, span.end)
    if piece:
        out.append(piece)
    return out
