"""Vietnamese date and period mentions (``Sáng 22/2``, ``quý I/2024``, ``từ tháng 1 đến tháng 8 năm 2022``).

One precompiled ``regex`` finds every mention; each alternative is resolved in Python. Year-less
mentions take the year of ``published_at`` (else ``reference_year``); with neither, ``date`` is
None but ``precision``, ``month`` and ``day`` are kept so a caller can resolve them later with
:meth:`DateMention.with_year`.

``precision`` says how much of ``date`` was stated (``day|month|year|unknown``); ``period_start`` /
``period_end`` is the span of time the mention covers (a day, a month, ``nửa đầu năm`` = Jan 1–Jun 30).
``kind`` is ``date``, ``period`` (ranges, quarters, halves, ``từ đầu năm``) or ``anniversary``
(``18/1/1950-18/1/2025``: ``date`` stays None unless ``anniversaries=True``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

import regex

__all__ = ["STAND_IN_YEAR", "TRIP_FRAME", "DateMention", "find_dates", "improves", "same_day", "stated", "within", "year_or_stand_in"]


@dataclass(frozen=True)
class DateMention:
    """A date or period said at ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str  # day | month | year | unknown
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    kind: str = "date"  # date | period | anniversary
    month: int | None = None
    day: int | None = None
    year_stated: bool = False

    def with_year(self, year: int) -> DateMention:
        """The same mention resolved with ``year`` when it had none (a caller's year hint)."""
        if self.date is not None or self.kind == "anniversary":
            return self
        return _resolve_simple(self, year)


# The year given to yearless dates of an article whose year is unknown, so that `4/6` and `8/6` stay two days
# (a meeting told on each is two meetings) while no row is dated by it: `stated` turns it back into None. A leap
# year (`29/2` resolves) no news is about; `năm ngoái` / a range over New Year land one year off.
STAND_IN_YEAR = 1904


def year_or_stand_in(year: int | None) -> int:
    """``year``, or the stand-in year when the article has none."""
    return STAND_IN_YEAR if year is None else year


def stated(d: dt.date | None) -> dt.date | None:
    """``d`` unless it was resolved with the stand-in year (then the year is not known: None)."""
    return None if d is None or abs(d.year - STAND_IN_YEAR) <= 1 else d


def improves(old: dt.date | None, new: dt.date | None) -> bool:
    """``new`` tells more than ``old``: a date where there was none, or the year of the same day (month) where
    ``old`` has the stand-in one."""
    return new is not None and (old is None or stated(old) is None and stated(new) is not None and same_day(old, new))


# A trip told with its days (`trong chuyến thăm chính thức … từ ngày 8 đến 11/7`): a meeting or signing of the trip
# whose own day is not told took place within them, not on the first.
TRIP_FRAME = regex.compile(r"(?i)chuyến\s+(?:thăm|công\s+tác|làm\s+việc)|\bthăm\s+(?:chính\s+thức|cấp\s+nhà\s+nước|"
                           r"hữu\s+nghị|làm\s+việc)|khuôn\s+khổ")


def within(d: dt.date | None, precision: str, days: int) -> tuple[dt.date | None, str]:
    """The date of an event told only as taking place during the ``days`` days from ``d`` (a trip's): the
    month when they stay inside one, else the year; ``d`` itself when it is one day or not a day."""
    if d is None or days <= 1 or precision != "day":
        return d, precision
    last = d + dt.timedelta(days=days - 1)
    if (last.year, last.month) == (d.year, d.month):
        return d.replace(day=1), "month"
    return (d.replace(month=1, day=1), "year") if last.year == d.year else (None, "unknown")


def same_day(a: dt.date, b: dt.date) -> bool:
    """The same date, or the same day and month when either has the stand-in year."""
    if stated(a) is None or stated(b) is None:
        return (a.month, a.day) == (b.month, b.day)
    return a == b


_NUM_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
              "mười": 10, "mười một": 11, "mười hai": 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_REL = {"nay": 0, "này": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}

_Y = r"(?:19|20)\d\d(?!\d)"
_YREL = r"(?:nay|ngoái)"
# ``năm 2022`` / ``/2022`` / ``-2022`` after a month or quarter.
_YTAIL = rf"(?:\s*[/-]\s*(?P<{{n}}y>{_Y})|\s+năm\s+(?:(?P<{{n}}yy>{_Y})|(?P<{{n}}rel>{_YREL})))?"


def _ytail(name: str) -> str:
    return _YTAIL.replace("{n}", name)


_NUMW = "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
_DAYCTX = (r"(?:ngày|sáng sớm|rạng sáng|sáng|chiều tối|chiều|tối|trưa|đêm|khuya|hôm"
           r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)")

_PATTERN = rf"""
(?P<anniv>(?<![\d/.-])(?P<a_d1>\d{{1,2}})/(?P<a_m1>\d{{1,2}})/(?P<a_y1>{_Y})\s*[-–]\s*
    (?P<a_d2>\d{{1,2}})/(?P<a_m2>\d{{1,2}})/(?P<a_y2>{_Y}))
|(?P<drange>(?:\b(?:từ|trong)\s+(?:(?:các|hai|ba)\s+)?(?:ngày\s+)?|\b(?:các\s+)?ngày\s+)
    (?P<r_d1>\d{{1,2}})(?:[/.](?P<r_m1>\d{{1,2}}))?\s*(?:-|–|đến|tới|và)\s*(?:ngày\s+)?
    (?P<r_d2>\d{{1,2}})(?:[/.-](?P<r_m2>\d{{1,2}})(?:[/.-](?P<r_y>{_Y}))?
                        |\s+tháng\s+(?P<r_m2>\d{{1,2}})(?:\s+năm\s+(?P<r_y>{_Y}))?)(?![\d]|[.,]\d))
|(?P<mrange>\btừ\s+(?:đầu\s+)?tháng\s+(?P<m_m1>\d{{1,2}})(?:\s*/\s*(?P<m_y1>{_Y}))?\s*(?:đến|tới|-|–)\s*
    (?:hết\s+|cuối\s+)?(?:tháng\s+)?(?P<m_m2>\d{{1,2}})(?!\d){_ytail("m_")}
  |\btháng\s+(?P<m2_m1>\d{{1,2}})\s*[-–]\s*(?P<m2_m2>\d{{1,2}})(?![\d]){_ytail("m2_")})
|(?P<fromstart>\btừ\s+đầu\s+năm(?:\s+(?:(?P<f_y>{_Y})|(?P<f_rel>{_YREL})))?(?:\s+(?:đến|tới)\s+nay)?)
|(?P<dtm>\bngày\s+(?P<t_d>\d{{1,2}})\s+tháng\s+(?P<t_m>\d{{1,2}})(?!\d)(?:\s+năm\s+(?P<t_y>{_Y}))?)
|(?P<dm>(?P<ctx>\b{_DAYCTX}(?:\s+(?:hôm\s+)?(?:nay|qua))?\s*[,(]?\s*(?:ngày\s+)?)?
    (?<![\d.,/])(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?:(?P=sep)(?P<y>{_Y}))?(?![\d]|[.,/-]\d))
|(?P<quarter>\bquý\s+(?P<q_n>IV|III|II|I|[1-4])(?!\w){_ytail("q_")})
|(?P<nmonths>\b(?P<n_n>\d{{1,2}}|{_NUMW})\s+tháng\s+(?P<n_side>đầu|cuối)\s+năm
    (?:\s+(?:(?P<n_y>{_Y})|(?P<n_rel>{_YREL})))?)
|(?P<half>\bnửa\s+(?P<h_side>đầu|cuối|sau)\s+năm(?:\s+(?:(?P<h_y>{_Y})|(?P<h_rel>{_YREL})))?)
|(?P<yrange>\b(?:năm|giai\s+đoạn|thời\s+kỳ|niên\s+độ)\s+(?P<g_y1>{_Y})\s*[-–]\s*(?P<g_y2>{_Y})
  |\btừ\s+năm\s+(?P<g2_y1>{_Y})\s+(?:đến|tới)\s+năm\s+(?P<g2_y2>{_Y}))
|(?P<edge>\b(?P<e_side>đầu|cuối|giữa)\s+năm\s+(?:(?P<e_y>{_Y})|(?P<e_rel>{_YREL})))
|(?P<month>\btháng\s+(?P<o_m>\d{{1,2}})(?![\d]|[.,]\d){_ytail("o_")})
|(?P<year>\bnăm\s+(?:(?P<y_y>{_Y})|(?P<y_rel>nay|ngoái|tới)\b))
|(?P<rel>\b(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?P<rel_n>nay|qua)\b|\bngày\s+(?P<rel_m>mai)\b)
"""
_RX = regex.compile(_PATTERN, regex.IGNORECASE | regex.VERBOSE)
_QUICK = regex.compile(r"\d|nay|ngoái|nửa|qua\b|\bmai\b", regex.IGNORECASE)
# Where a mention can start: its first word, or a digit. ``_RX`` is only tried there (the hot path).
_STARTS = regex.compile(
    r"(?<![\w.,/-])\d|(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|khuya|rạng|hôm|thứ|chủ|từ|trong|các|tháng|quý|nửa"
    rf"|năm|giai|thời|niên|đầu|cuối|giữa|{_NUMW})(?!\w)",
    regex.IGNORECASE,
)


def _valid(y: int | None, m: int, d: int | None = None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    last = calendar.monthrange(y or 2000, m)[1]  # 2000: leap year, so 29/2 passes without a year
    return 1 <= d <= last


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_of(g: dict, prefix: str, base: int | None) -> tuple[int | None, bool]:
    """Year from ``{prefix}y``/``{prefix}yy``/``{prefix}rel`` groups: (year, stated explicitly)."""
    for key in (prefix + "y", prefix + "yy"):
        if g.get(key):
            return int(g[key]), True
    rel = g.get(prefix + "rel")
    if rel:
        return (None if base is None else base + _REL[rel.casefold()]), False
    return base, False


def _resolve_simple(m: DateMention, year: int) -> DateMention:
    if m.month is None:
        d = dt.date(year, 1, 1)
        return replace(m, date=d, period_start=d, period_end=dt.date(year, 12, 31))
    if not _valid(year, m.month, m.day):
        return m
    if m.day is None:
        d = dt.date(year, m.month, 1)
        return replace(m, date=d, period_start=d, period_end=_month_end(year, m.month))
    d = dt.date(year, m.month, m.day)
    return replace(m, date=d, period_start=d, period_end=d)


class _Ctx:
    """Resolution context: base year and publication date."""

    def __init__(self, reference_year: int | None, published_at: dt.datetime | None):
        self.pub = published_at.date() if isinstance(published_at, dt.datetime) else published_at
        self.base = self.pub.year if self.pub else reference_year

    def day_year(self, month: int, day: int) -> int | None:
        """Year of a year-less day: the base year, or the one before when that would be >6 months ahead."""
        if self.base is None:
            return None
        if self.pub and _valid(self.base, month, day):
            if (dt.date(self.base, month, day) - self.pub).days > 183:
                return self.base - 1
        return self.base


def _mention(m: regex.Match, offset: int, ctx: _Ctx, anniversaries: bool) -> DateMention | None:
    g = m.groupdict()
    kind = m.lastgroup
    start, end, text = m.start() + offset, m.end() + offset, m.group()

    def mk(date, precision, ps=None, pe=None, k="date", month=None, day=None, stated=False):
        return DateMention(start, end, text, date, precision, ps, pe, k, month, day, stated)

    if kind == "anniv":
        d1 = (int(g["a_y1"]), int(g["a_m1"]), int(g["a_d1"]))
        d2 = (int(g["a_y2"]), int(g["a_m2"]), int(g["a_d2"]))
        if not (_valid(*d1[:2], d1[2]) and _valid(*d2[:2], d2[2])):
            return None
        a, b = dt.date(*d1), dt.date(*d2)
        if a.year != b.year:  # an anniversary: from the founding date to today's
            return mk(b if anniversaries else None, "day" if anniversaries else "unknown", a, b, "anniversary",
                      b.month, b.day, True)
        return mk(a, "day", a, b, "period", a.month, a.day, True) if a <= b else None
    if kind == "drange":
        d1, d2, m2 = int(g["r_d1"]), int(g["r_d2"]), int(g["r_m2"])
        m1 = int(g["r_m1"]) if g["r_m1"] else (m2 if d1 <= d2 else m2 - 1)
        if m1 < 1:
            return None
        y2 = int(g["r_y"]) if g["r_y"] else ctx.day_year(m2, d2)
        if not (_valid(y2, m1, d1) and _valid(y2, m2, d2)):
            return None
        if y2 is None:
            return mk(None, "day", k="period", month=m1, day=d1)
        y1 = y2 if m1 <= m2 else y2 - 1
        a, b = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        return mk(a, "day", a, b, "period", m1, d1, bool(g["r_y"])) if a <= b else None
    if kind == "mrange":
        p = "m_" if g["m_m1"] else "m2_"
        m1, m2 = int(g[p + "m1"]), int(g[p + "m2"])
        if not (_valid(None, m1) and _valid(None, m2)):
            return None
        y2, stated = _year_of(g, p, ctx.base)
        y1 = int(g["m_y1"]) if p == "m_" and g["m_y1"] else (None if y2 is None else (y2 if m1 <= m2 else y2 - 1))
        if y1 is None or y2 is None:
            return mk(None, "month", k="period", month=m1)
        a, b = dt.date(y1, m1, 1), _month_end(y2, m2)
        return mk(a, "month", a, b, "period", m1, None, stated) if a <= b else None
    if kind == "fromstart":
        y, stated = _year_of({"y": g["f_y"], "rel": g["f_rel"]}, "", ctx.base)
        if y is None:
            return mk(None, "year", k="period")
        a = dt.date(y, 1, 1)
        b = ctx.pub if ctx.pub and ctx.pub.year == y else None
        return mk(a, "year", a, b, "period", None, None, stated)
    if kind in ("dtm", "dm"):
        if kind == "dtm":
            d, mo, ys = int(g["t_d"]), int(g["t_m"]), g["t_y"]
        else:
            d, mo, ys = int(g["d"]), int(g["m"]), g["y"]
            if not g["ctx"] and (not ys or g["sep"] == "." and not ys):
                return None  # `1/3`, `2.3`, `19-3` alone are fractions, decimals or scores
        y = int(ys) if ys else ctx.day_year(mo, d)
        if not _valid(y, mo, d):
            return None
        if y is None:
            return mk(None, "day", month=mo, day=d)
        a = dt.date(y, mo, d)
        return mk(a, "day", a, a, "date", mo, d, bool(ys))
    if kind == "quarter":
        q = _ROMAN[g["q_n"].casefold()]
        y, stated = _year_of(g, "q_", ctx.base)
        if y is None:
            return mk(None, "month", k="period", month=3 * q - 2)
        a = dt.date(y, 3 * q - 2, 1)
        return mk(a, "month", a, _month_end(y, 3 * q), "period", a.month, None, stated)
    if kind in ("nmonths", "half"):
        if kind == "nmonths":
            raw = g["n_n"].casefold()
            n = int(raw) if raw.isdigit() else _NUM_WORDS[raw]
            first = g["n_side"].casefold() == "đầu"
            y, stated = _year_of({"y": g["n_y"], "rel": g["n_rel"]}, "", ctx.base)
        else:
            n, first = 6, g["h_side"].casefold() == "đầu"
            y, stated = _year_of({"y": g["h_y"], "rel": g["h_rel"]}, "", ctx.base)
        if not 1 <= n <= 12:
            return None
        m1, m2 = (1, n) if first else (13 - n, 12)
        if y is None:
            return mk(None, "month", k="period", month=m1)
        return mk(dt.date(y, m1, 1), "month", dt.date(y, m1, 1), _month_end(y, m2), "period", m1, None, stated)
    if kind == "yrange":
        y1, y2 = (int(g["g_y1"]), int(g["g_y2"])) if g["g_y1"] else (int(g["g2_y1"]), int(g["g2_y2"]))
        if y2 < y1:
            return None
        return mk(dt.date(y1, 1, 1), "year", dt.date(y1, 1, 1), dt.date(y2, 12, 31), "period", stated=True)
    if kind == "edge":
        y, stated = _year_of({"y": g["e_y"], "rel": g["e_rel"]}, "", ctx.base)
        return mk(None if y is None else dt.date(y, 1, 1), "year", stated=stated)
    if kind == "month":
        mo = int(g["o_m"])
        if not _valid(None, mo):
            return None
        y, stated = _year_of(g, "o_", ctx.base)
        if y is None:
            return mk(None, "month", month=mo)
        a = dt.date(y, mo, 1)
        return mk(a, "month", a, _month_end(y, mo), "date", mo, None, stated)
    if kind == "year":
        y, stated = _year_of({"y": g["y_y"], "rel": g["y_rel"]}, "", ctx.base)
        if y is None:
            return mk(None, "year")
        return mk(dt.date(y, 1, 1), "year", dt.date(y, 1, 1), dt.date(y, 12, 31), stated=stated)
    if kind == "rel":
        if ctx.pub is None:
            return mk(None, "day")
        shift = -1 if (g["rel_n"] or "").casefold() == "qua" else (1 if g["rel_m"] else 0)
        a = ctx.pub + dt.timedelta(days=shift)
        return mk(a, "day", a, a, "date", a.month, a.day)
    return None


def find_dates(text: str, reference_year: int | None = None, published_at: dt.datetime | None = None,
               *, anniversaries: bool = False, offset: int = 0) -> list[DateMention]:
    """Every date or period mention in ``text``, left to right (offsets + ``offset``)."""
    if not _QUICK.search(text):
        return []
    ctx = _Ctx(reference_year, published_at)
    out = []
    pos = 0
    for s in _STARTS.finditer(text):
        if s.start() < pos:
            continue
        m = _RX.match(text, s.start())
        if m is None:
            continue
        pos = m.end()
        dm = _mention(m, offset, ctx, anniversaries)
        if dm is not None:
            out.append(dm)
    return out
