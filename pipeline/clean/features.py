"""Per-segment features and the local (context-free) kind of a segment."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.clean.furniture import CONTACT, furniture_kind
from pipeline.clean.lexicon import function_words, markers
from pipeline.clean.markup import IMAGE, LINK_RUN, link_chars, plain
from pipeline.clean.segments import TIMESTAMP, Segment

BLANK, PLACEHOLDER, TEASER, LINKS, DOUBLED = "blank", "placeholder", "teaser", "links", "doubled"
END, BOX, CHROME, SOURCE, STAMP, DOMAIN = "end", "box", "chrome", "source", "stamp", "domain"
CAPTION, PARA, HEAD, NOISE = "caption", "para", "head", "noise"
ITEM, CELL = "item", "cell"  # a list item (`1. …`, `- …`, `+ …`); a short table cell or label

_FINAL = regex.compile(r"[.!?…:;][\"”’»)\]]*$|\.{3}$")
_CAPTION = regex.compile(
    r"\((?:[Ảả]nh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Photo|Video|Clip)\b[^()]{0,80}\)\s*\.?$"
    r"|(?:^|[.\s])(?:[Ảả]nh|Ảnh minh họa|Photo)\s*:\s*[^.:]{1,60}$"
)
# The alt text of a gallery image: `Tiêu đề bài ảnh 1`.
_ALT_NUMBER = regex.compile(r"\s(?:ảnh|hình|photo)\s*\d{1,2}$", regex.IGNORECASE)
# A capital glued to the previous word: headline links run together (`Quảng NinhKhai mạc`, `2019Cửa`).
_GLUED = regex.compile(r"(?<=[\p{Ll}\p{N}])\p{Lu}\p{Ll}")
_DOMAIN = regex.compile(
    r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info|gov|edu|int|news|asia))/?$",
    regex.IGNORECASE,
)
_SOURCE = regex.compile(r"^(?:nguồn|source)\s*:|^\(?theo\s+[^,.]{2,40}\)?\.?$", regex.IGNORECASE)
_STAMP_WORDS = regex.compile(
    r"\b(?:thứ\s+\w+|chủ\s+nhật|ngày|lúc|cập\s+nhật|đăng|gmt|utc|\d+|sáng|chiều|tối|am|pm)\b", regex.IGNORECASE
)
# A list item in plain text or markdown.
_ITEM = regex.compile(r"^\s*(?:[-+•*–]\s*(?=\S)|\d{1,2}[.)]\s+|[a-zđ][.)]\s+|[IVX]{1,4}\.\s+)")
# A headline followed by its date: an item of a related-news list (`Tiêu đề(08/12/2005)`).
_DATED_HEADLINE = regex.compile(r"\(\d{1,2}/\d{1,2}/\d{4}\)\s*$|\s[-–]\s\d{1,2}/\d{1,2}/\d{4}$")
# In a flattened page: a headline written twice, then the start of its summary.
_DOUBLED_PREFIX = regex.compile(r"^(\p{Lu}.{18,200}?) \1(?= \p{Lu}|$)")
_DIGITS = regex.compile(r"\d")
# A sentence end inside a segment (a full stop before the next sentence's capital).
SENTENCE_END = regex.compile(r"[\p{Ll}\p{N})”\"][.!?…](?=\s+\p{Lu})")
_MARKER_TRIM = regex.compile(r"^[\s>»#*•\-–—]+|(?:\s*\(\d+\))?[\s:>»*|.…]*$")


@dataclass(slots=True)
class Feat:
    """What one segment looks like."""

    kind: str
    text: str  # markup stripped
    n_words: int = 0
    final: bool = False
    func_ratio: float = 0.0
    contact: bool = False  # an address / phone / e-mail line (furniture only next to the site's footer)
    prose: int = -1  # `prose_words`, once computed


PUNCT = ".,;:!?…\"'“”‘’()[]«»-–—"
_PUNCT_RUN = regex.compile("[" + regex.escape(PUNCT) + "]+")


def func_ratio(words: list[str]) -> float:
    """Share of function words among (at most the first 60) words."""
    words = words[:60]
    if not words:
        return 0.0
    return sum(map(function_words().__contains__, _bare(" ".join(words)).split())) / len(words)


def _bare(text: str) -> str:
    """``text`` casefolded, with the punctuation around words removed."""
    return _PUNCT_RUN.sub(" ", text.casefold())


def prose_words(f: Feat) -> int:
    """Words of ``f`` that count as prose: at most 40 per sentence, so a flattened run of headlines
    (a hundred words and no full stop) weighs like one sentence."""
    if f.n_words <= 40:
        return f.n_words
    if f.prose < 0:
        ends = f.text.count(". ") + f.text.count("? ") + f.text.count("! ") + f.text.count("… ")
        f.prose = min(f.n_words, 40 * (1 + ends))
    return f.prose


def syllables(text: str) -> set[str]:
    """Casefolded content syllables of ``text`` (function words left out)."""
    return set(_bare(text).split()).difference(function_words())


def share_of(want: set[str], have: set[str]) -> float:
    """Share of the syllables ``want`` that ``have`` holds; 0 when ``want`` is empty."""
    return len(want & have) / len(want) if want else 0.0


def marker_kind(text: str) -> str | None:
    """`end`, `box`, `chrome` or `crumb` when ``text`` is (or starts with, for crumbs) a boilerplate marker."""
    key = _MARKER_TRIM.sub("", text).casefold()
    if len(key) > 60:
        return None
    m = markers()
    for kind in ("end", "box", "chrome"):
        if key in m[kind]:
            return kind
    for crumb in m["crumb"]:
        if key.startswith(crumb):
            return "crumb"
    return None


def _may_be_caption(text: str) -> bool:
    """What `_CAPTION` needs: a closing bracket at the end (before blanks and one dot), or a colon among
    the last 61 characters (a label and at most 60 characters after it)."""
    return (text[:-1] if text.endswith(".") else text).rstrip().endswith(")") or ":" in text[-61:]


def is_doubled(text: str) -> bool:
    """`Tiêu đề Tiêu đề`: a teaser headline written twice in a row."""
    n = len(text)
    if n < 21 or n % 2 == 0:
        return False
    h = n // 2
    return text[h] == " " and text[:h] == text[h + 1:]


def describe(seg: Segment) -> Feat:
    """The local kind of ``seg`` and its basic features."""
    f = _describe(seg)
    if f.kind == CONTACT:
        f = _describe(seg, furniture=False)
        f.contact = True
    return f


def _describe(seg: Segment, furniture: bool = True) -> Feat:
    raw = seg.raw.strip()
    if not raw:
        return Feat(BLANK, "")
    image = raw.startswith("![") and IMAGE.match(raw)
    text = plain(raw)
    if not text or (image and text == "|"):
        return Feat(PLACEHOLDER, "")
    if image:
        # An image followed by a headline or lead on the same line: a teaser of another article.
        return Feat(TEASER, text)
    n = text.count(" ") + 1
    kind = marker_kind(text) if n <= 8 else None
    if kind is not None:
        return Feat(CHROME if kind == "crumb" else kind, text, n)
    if furniture and n <= 150 and (kind := furniture_kind(text, n)):
        return Feat(kind, text, n)
    if "](" in raw:
        lc = link_chars(raw)
        if lc >= 0.7 * len(text) or LINK_RUN.search(raw) and lc >= 0.4 * len(text):
            return Feat(LINKS, text, n)
    tail = text[-8:]
    final = bool(_FINAL.search(tail))
    if n <= 14 and TIMESTAMP.search(text) and len(_STAMP_WORDS.sub(" ", TIMESTAMP.sub(" ", text)).split()) <= 2:
        return Feat(STAMP, text, n)
    if n <= 3 and _DOMAIN.match(text):
        return Feat(DOMAIN, text, n)
    if n <= 12 and _SOURCE.search(text):
        return Feat(SOURCE, text, n)
    caption = raw.endswith(" |") or raw.endswith("\t|") or (
        ("nh" in tail or "o" in tail or ")" in tail) and _may_be_caption(text) and bool(_CAPTION.search(text[-120:])))
    if caption and n >= 3:
        return Feat(CAPTION, text, n, True)
    if is_doubled(text) or seg.squashed and _DOUBLED_PREFIX.match(text):
        return Feat(DOUBLED, text, n)
    if final and (n >= 5 or seg.squashed and n >= 2):
        return Feat(PARA, text, n, True)
    glued = len(_GLUED.findall(text))
    if n < 40 and (glued >= 2 or glued == 1 and n >= 12):
        return Feat(LINKS, text, n)
    if _ALT_NUMBER.search(text[-12:]):
        return Feat(PLACEHOLDER, text, n)
    if _DATED_HEADLINE.search(text[-16:]):
        return Feat(TEASER, text, n)
    if _ITEM.match(raw):
        return Feat(ITEM, text, n, final)
    fr = func_ratio(text[:500].split())
    if n >= 20 and fr >= 0.12:
        return Feat(PARA, text, n, final, fr)
    if n <= 4 or n <= 10 and len(_DIGITS.findall(text)) >= 0.3 * len(text.replace(" ", "")):
        return Feat(CELL, text, n, final, fr)
    if n <= 40:
        return Feat(HEAD, text, n, final, fr)
    return Feat(NOISE, text, n, final, fr)
