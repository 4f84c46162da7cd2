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
    (?:[^\S\n]+|(?=\p{Lu}))           # then space (not a line end), or a capital glued to it (`giao ngay.Bộ`)
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
_CLOSERS = "\"”’»)]"  # what may close a sentence after its final punctuation
_FINAL_PUNCT = ".!?…"
_ABBR_REACH = 40  # characters before a cut searched for its last token: never rescan a long line
_ABBR_LONGEST = max(len(a) for a in ABBREVIATIONS if "." not in a)  # (a dotted one is never a last token)


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
    piece = source[start:end]
    text = piece.strip()
    if not text:
        return None
    if len(text) != len(piece):
        start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(text), text)


def _is_abbreviation(text: str, lo: int, stop: int) -> bool:
    """True when ``text[lo:stop]`` ends with an abbreviation or an initial rather than a sentence: its last
    token (letters and dots before the final mark and closing quotes) is in `ABBREVIATIONS` or one capital.
    Only the last `_ABBR_REACH` characters are read."""
    lo = max(lo, stop - _ABBR_REACH)
    i = stop
    while i > lo and text[i - 1].isspace():
        i -= 1
    while i > lo and text[i - 1] in _CLOSERS:
        i -= 1
    if i <= lo or text[i - 1] not in _FINAL_PUNCT:
        return False
    mark = j = i - 1
    if mark - _ABBR_LONGEST > lo and text[mark - _ABBR_LONGEST - 1:mark].isalpha():
        return False  # the last token is a word longer than any abbreviation
    while j > lo and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    if j == mark:
        return False
    run = text[j:mark]
    token = run.rsplit(".", 1)[-1] if "." in run.rstrip(".") else run.rstrip(".")
    return token.casefold() in ABBREVIATIONS or (len(token) == 1 and token.isupper())


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Candidate boundaries in ``text[start:end]``, sorted: (end of a sentence, start of the next, whether it
    ends with punctuation, so that the dot may close an abbreviation instead). None crosses a line end."""
    found = [(m.end("stop"), m.end(), True) for m in _BOUNDARY.finditer(text, start, end)]
    for m in _GLUED.finditer(text, start, end):
        gap = m.start()
        while gap > start and text[gap - 1] == " ":
            gap -= 1
        if start < gap < m.start() and text[gap - 1].isalnum():  # never after a line end: `\n` is no word
            found.append((gap, m.start(), False))
    return sorted(found)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences; offsets are into ``text``.

    Lines are always boundaries. Within a line a boundary is ``.``, ``!``, ``?`` or ``…``
    followed by a capital letter or digit, unless the dot closes an abbreviation (``TP.``,
    ``Q.``, an initial) or sits inside a number (``1.488``); and a headline glued to its lead.
    The candidate boundaries are found in one pass over the whole text, then read line by line.
    """
    end = len(text) if end is None else end
    cuts = _cuts(text, start, end)
    n_cuts = len(cuts)
    k = 0
    out: list[Span] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        cut = line_start
        while k < n_cuts and cuts[k][0] < line_end:
            stop, after, punctuated = cuts[k]
            k += 1
            if stop <= cut or punctuated and _is_abbreviation(text, cut, stop):
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
    while (i := text.find(";", cut, span.end)) >= 0:
        piece = _strip_span(text, cut, i)
        if piece:
            out.append(piece)
        cut = i + 1
    piece = _strip_span(text, cut, span.end)
    if piece:
        out.append(piece)
    return out
