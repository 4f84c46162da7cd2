"""Page metadata: publication time, outlet, byline and the reference year of the body's dates."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import regex

VN_TZ = timezone(timedelta(hours=7))

_DMY = regex.compile(
    r"(?:\b(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?\b.{0,20}?)?"
    r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b"
    r"(?:.{0,12}?\b(?P<H2>\d{1,2})[:h](?P<M2>\d{2})(?::(?P<S2>\d{2}))?\b)?"
)
_ISO = regex.compile(
    r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)
_TZ = regex.compile(r"(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", regex.IGNORECASE)


def _tz(text: str, iso_tz: str | None = None) -> timezone:
    if iso_tz:
        if iso_tz == "Z":
            return UTC
        sign = -1 if iso_tz[0] == "-" else 1
        digits = iso_tz[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    m = _TZ.search(text)
    if m:
        sign = -1 if m.group("sign") == "-" else 1
        return timezone(sign * timedelta(hours=int(m.group("h")), minutes=int(m.group("m") or 0)))
    return VN_TZ


def parse_timestamp(text: str) -> datetime | None:
    """A stated publication time: `16:24 | 16/07/2025 GMT+7`, `16/07/2025 16:24`, ISO 8601, …
    Times without a zone are Viet Nam time (UTC+7); a date without a time is midnight."""
    m = _ISO.search(text)
    if m:
        parts = (m.group("y"), m.group("m"), m.group("d"), m.group("H"), m.group("M"), m.group("S"))
        tz = _tz(text, m.group("tz"))
    else:
        m = _DMY.search(text)
        if not m:
            return None
        hh, mm, ss = (m.group("H"), m.group("M"), m.group("S")) if m.group("H") else (
            m.group("H2"), m.group("M2"), m.group("S2"))
        parts = (m.group("y"), m.group("m"), m.group("d"), hh, mm, ss)
        tz = _tz(text)
    y, mo, d, hh, mm, ss = parts
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=tz)
    except ValueError:
        return None


_DOMAIN_IN = regex.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info|gov|edu|int|news|asia))\b",
                           regex.IGNORECASE)


def outlet_from(text: str) -> str | None:
    """The site's domain (`nhandan.vn`) in a URL or domain string."""
    m = _DOMAIN_IN.search(text)
    return m.group(1).casefold() if m else None


_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{Ll}]*\.?|\p{Lu}\.(?:\p{Lu}\.?)*\p{Ll}*|\p{Lu}{2,4})$")
_BYLINE_PREFIX = regex.compile(
    r"^(?:bài(?:\s+và\s+ảnh)?|ảnh|tin|phóng\s+viên|pv|tác\s+giả|by|theo)\s*:?\s+", regex.IGNORECASE
)
_BYLINE_SUFFIX = regex.compile(r"\s*[-–(]\s*(?:tổng\s+hợp|lược\s+dịch|dịch|biên\s+dịch|ttxvn|pv)\)?\s*$",
                               regex.IGNORECASE)


def name_like(text: str) -> str | None:
    """The person named by a short byline line (`Quảng An`, `Bài và ảnh: Lê Cường`), else None."""
    t = _BYLINE_SUFFIX.sub("", _BYLINE_PREFIX.sub("", text.strip())).strip(" .,;")
    words = t.replace(".", ". ").split() if "." in t else t.split()
    if not 2 <= len(words) <= 5 or len(t) > 40 or any(c.isdigit() for c in t):
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    return t


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_PREFIXES = ("19", "20")  # what `_YEAR` opens with
FIRST_YEAR = 1945  # the published tables cover Viet Nam since independence; older years are history told
_LEFT_FULL = re.compile(r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]|[Tt]háng\s+\d{1,2}\s*(?:[/.-]|năm))\s*$")
_LEFT_BARE = re.compile(r"(?:^|[^\w])[Nn]ăm\s+$")
_LEFT_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?$")
_RIGHT_RANGE = re.compile(r"\s*[-–—]\s*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)?(?:19|20)\d\d")


# The news's own date: a full date told with the time of day (`chiều 12/5/2017`), or opening a clause with its
# comma after it (`Ngày 3/4/2019, …`). A past signing, a history or a target is seldom told that way.
_DATELINE_TIME = regex.compile(r"(?i)\b(?:sáng|chiều|tối|trưa|đêm)(?:\s+(?:nay|qua))?(?:\s+ngày)?\s+"
                               r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*$")
_DATELINE_OPEN = regex.compile(r"(?i)(?:^|[.;:(,]\s*)ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*$")
_NEWS_DATE = 3  # what a dateline, the lead sentence, the title or a lunar new year adds to a year's support
_SUPPORT = 2  # support a year needs to be the reference year: a news date, or two mentions


def _dateline(text: str, a: int, b: int) -> bool:
    """Whether the full date whose year is ``text[a:b]`` reads as the news's own date."""
    lo = max(0, a - 28)
    return bool(_DATELINE_TIME.search(text, lo, a)
                or text.startswith(",", b) and _DATELINE_OPEN.search(text, lo, a))


def _year_spans(text: str) -> list[tuple[int, int]]:
    """Where `_YEAR` matches in ``text`` (left to right, no overlap), found with `str.find`: the two
    prefixes are rare, and a regular expression would step through every character."""
    out = []
    n = len(text)
    nxt = {p: text.find(p) for p in _YEAR_PREFIXES}
    pos = 0
    while True:
        found = [i for i in nxt.values() if i >= 0]
        if not found:
            return out
        a = min(found)
        if a + 4 <= n and text[a + 2].isdecimal() and text[a + 3].isdecimal():  # `\d`: a decimal digit
            out.append((a, a + 4))
            pos = a + 4
        else:
            pos = a + 1
        for p, i in nxt.items():
            if 0 <= i < pos:
                nxt[p] = text.find(p, pos)


def _year_scores(text: str, spans: list[tuple[int, int]], scores: Counter[int], bare_until: int,
                 support: Counter[int] | None = None) -> None:
    """Add the years of ``text``'s full dates (3) and of bare `năm YYYY` before ``bare_until`` (1) to ``scores``,
    and what each mention backs to ``support``: a dateline as a news date, a bare year near the top as enough,
    another full date 1, a year in a plan's clause nothing. ``spans``: ``text``'s `_year_spans`."""
    n = len(text)
    for a, b in spans:
        if a and text[a - 1].isdigit() or b < n and text[b].isdigit():
            continue
        year = int(text[a:b])
        if not FIRST_YEAR <= year <= date.today().year + 1:
            continue
        left = text[max(0, a - 24):a]
        if _LEFT_RANGE.search(left) or _RIGHT_RANGE.match(text, b):
            continue  # `giai đoạn 2023-2027`, `18/1/1950-18/1/2025`
        if _LEFT_FULL.search(left):
            scores[year] += 3
            backing = _NEWS_DATE if _dateline(text, a, b) else 1
        elif a <= bare_until and _LEFT_BARE.search(left):
            scores[year] += 1
            backing = _SUPPORT  # `năm 2025` near the top: the news's year
        else:
            continue
        if support is not None and not _in_plan(text, a):
            support[year] += backing


# Years that are not the news's: a target or deadline, a birth, a founding, a licence, diplomatic ties. Matched on
# the words just before each year (few per article) rather than scanned over the whole body.
_NOT_NEWS_BEFORE = regex.compile(
    r"(?i)(?:(?:đến|tới|trước|vào)\s+(?:năm\s+)?|(?:dự kiến|mục tiêu|phấn đấu|tầm nhìn|định hướng|hướng tới|lộ trình)"
    r"[^.;\n]{0,40}?|(?:sinh|thành lập|ra đời|cấp|quan hệ ngoại giao|ký)\s*\(?\s*(?:(?:ngày|năm|vào)\s+)?[\d/.-]{0,6})$")
_NOT_NEWS_REACH = 64  # characters before a year that the cue may take
# A year in a plan's clause (`sẽ nâng kim ngạch lên 6 tỉ USD trong năm 2020`, `sớm tổ chức … trong nửa đầu năm
# 2018`) still counts but does not back that year as the news's (see `reference_year`).
_PLAN_BEFORE = regex.compile(r"(?i)(?:\bsẽ|\bsớm|dự kiến|mục tiêu|phấn đấu|hướng tới|tiến tới)[^.;,\n]{0,90}$")
_PLAN_REACH = 104
_PLAN_WORDS = ("sẽ", "sớm", "dự kiến", "mục tiêu", "phấn đấu", "hướng tới", "tiến tới")  # `_PLAN_BEFORE`'s cues


def _in_plan(text: str, a: int) -> bool:
    """The year at ``a`` is in a plan's clause (`_PLAN_BEFORE`); the cue words are looked for first."""
    lo = max(0, a - _PLAN_REACH)
    window = text[lo:a].lower()
    return any(w in window for w in _PLAN_WORDS) and _PLAN_BEFORE.search(text, lo, a) is not None


# `Xuân Đinh Dậu 2017`, `năm Mậu Tuất 2018`: the lunar new year told is the news's (a stem, blanks, a branch,
# blanks, then a year). No branch ends another, so the words before a year are read backwards without search.
_LUNAR_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_LUNAR_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Mẹo", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
_DIGIT = regex.compile(r"\d")
_NOT_BLANK = "\x1c\x1d\x1e\x1f"  # `str.isspace` but not the regular expressions' `\s`


def _blanks_before(text: str, end: int) -> int:
    """Where the run of blanks ending at ``end`` starts (``end`` when there is none)."""
    while end > 0 and text[end - 1].isspace() and text[end - 1] not in _NOT_BLANK:
        end -= 1
    return end


def _lunar_year(text: str, a: int, b: int) -> bool:
    """The year at ``text[a:b]`` closes a lunar year's name (`Đinh Dậu 2017`), no digit after it."""
    j = _blanks_before(text, a)
    if j == a or not text.endswith(_LUNAR_BRANCHES, 0, j) or _DIGIT.match(text, b):
        return False
    for branch in _LUNAR_BRANCHES:
        if text.endswith(branch, 0, j):
            k = _blanks_before(text, j - len(branch))
            return k < j - len(branch) and text.endswith(_LUNAR_STEMS, 0, k)
    return False
_MONTH_YEAR = regex.compile(r"(?<![Tt]háng\s*)(?<![\d/.-])(?:0?[1-9]|1[0-2])/((?:19|20)\d\d)(?!\d)")  # `(01/2017)`
_LEAD_WEIGHT = 4  # a year in the lead sentence counts this many times
_LEAD_END = regex.compile(r"[.!?](?:\s|$)|\n")


def _dated_years(text: str, spans: list[tuple[int, int]], scores: Counter[int],
                 support: Counter[int] | None = None) -> None:
    """Lunar new years and `MM/YYYY` dates count as full dates; a lunar new year is a news date.
    ``spans``: ``text``'s `_year_spans`."""
    lunar = [int(text[a:b]) for a, b in spans if _lunar_year(text, a, b)]
    months = [int(m.group(1)) for m in _MONTH_YEAR.finditer(text)]
    for years, weight in ((lunar, _NEWS_DATE), (months, 1)):
        for year in years:
            if FIRST_YEAR <= year <= date.today().year + 1:
                scores[year] += 3
                if support is not None:
                    support[year] += weight


def _mask_not_news(body: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``body`` with the years that are not the news's written `####`, and the year spans left. ``spans``:
    ``body``'s `_year_spans` (a mask is as long as a year and no digit, so the other years stay where they were)."""
    cuts = [(a, b) for a, b in spans
            if not (b < len(body) and body[b].isdigit())
            and _NOT_NEWS_BEFORE.search(body, max(0, a - _NOT_NEWS_REACH), a)]
    if not cuts:
        return body, spans
    parts, last = [], 0
    for a, b in cuts:
        parts += [body[last:a], "####"]
        last = b
    cut = set(cuts)
    return "".join(parts) + body[last:], [s for s in spans if s not in cut]


def reference_year(body: str, title: str | None = None) -> int | None:
    """The year the text establishes for its dates written without one, None when unsure.

    Years in full dates (`29/6/2022`, `tháng 7/2022`, `01/2017`) count most, and most of all in the
    lead sentence (the news peg); a bare `năm 2023` counts only in the title, the lead paragraph or the
    first third of the body; a lunar new year (`Xuân Đinh Dậu 2017`) counts as a full date. Ranges
    (`2023-2027`, `18/1/1950-18/1/2025`) and years that are not the news's (a target `đến năm 2025`, a
    birth, a founding, a licence, a plan `sẽ … trong năm 2020`) are ignored. Highest score wins, ties go to
    the later year, but only when the text backs it as the news's: a news date (the title, the lead
    sentence, a dateline `Sáng 13/7/2017,`, a lunar new year), a bare `năm 2025` near the top, or two
    full dates. A single past or future date deep in the body (a history `ngày 9/1/1984`, a deadline
    `tháng 7/2018`) does not date the news: None."""
    masked, spans = _mask_not_news(body, _year_spans(body))
    scores: Counter[int] = Counter()
    support: Counter[int] = Counter()
    first_nl = masked.find("\n")
    _year_scores(masked, spans, scores, max(len(masked) // 3, first_nl if first_nl >= 0 else len(masked)), support)
    lead_end = _LEAD_END.search(masked)
    lead = masked[: lead_end.end() if lead_end else len(masked)]
    _dated_years(masked, spans, scores, support)
    in_lead: Counter[int] = Counter()
    lead_spans = [s for s in spans if s[1] <= len(lead)]  # a year crossing the lead's end is none of the lead's
    _year_scores(lead, lead_spans, in_lead, len(lead))
    _dated_years(lead, lead_spans, in_lead)
    for year, n in in_lead.items():
        scores[year] += n * (_LEAD_WEIGHT - 1)
        support[year] += _NEWS_DATE
    if title:
        in_title: Counter[int] = Counter()
        _year_scores(title, _year_spans(title), in_title, len(title))
        scores.update(in_title)
        support.update(dict.fromkeys(in_title, _NEWS_DATE))
    if not scores:
        return None
    year = max(scores.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return year if support[year] >= _SUPPORT else None
