"""Vietnamese numbers and quantities: ``50,043 tỷ nhân dân tệ (7,2 tỷ USD)``, ``hơn 1.100 xe``, ``5,7%``.

Number convention (``parse_number``): Vietnamese writes ``,`` for decimals and ``.`` for thousands.
Digit groups decide the rest:

* ``,`` and ``.`` together: the one written last is the decimal mark (``1.234,5``; ``1,234.5``).
* several ``,`` (``1,234,567``) or several ``.`` (``25.495.000.000``): thousands separators.
* one ``,``: always decimal (``3,370`` → 3.37, ``50,043`` → 50.043), as Vietnamese outlets mean it.
* one ``.``: thousands when exactly three digits follow (``138.000``, ``1.488``), else a decimal
  written English-style (``7.2 tỷ``, ``1.5%``). A scale word does not change this: ``7.200 tỷ đồng``
  is 7,200 billion in Vietnamese usage, and no thousands group has one or two digits.

Quantities (``find_quantities``) are a number (or a range ``1,4-1,5``, ``từ 200.000 đến 250.000``,
``2 triệu tới 3 triệu``, read as its midpoint with qualifier ``approx``), an optional scale word (nghìn/ngàn, vạn, triệu, tỷ/tỉ, nghìn tỷ) and an optional
unit from ``lexicons/units.tsv``. ``value`` is in base units. A qualifier word right before the number
(``khoảng``, ``hơn``, ``dưới``…) sets ``qualifier``; a USD amount in brackets or after ``tương đương``
right after a non-USD amount becomes its ``value_usd`` and is not returned on its own. A number too
long to be a float (``inf``) is not a quantity.

``usd_equivalent`` gives a figure's USD value and where it came from: the value itself for USD, a stated
equivalent, else a conversion at the yearly average rate of ``lexicons/exchange_rates.tsv``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import regex

__all__ = ["Quantity", "parse_number", "find_quantities", "usd_equivalent", "UNIT_KIND"]

LEXICONS = Path(__file__).resolve().parent / "lexicons"

SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12, "triệu tỷ": 1e15,
          "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
QUALIFIERS = {
    "approx": ("khoảng", "gần", "xấp xỉ", "ước tính", "ước đạt", "ước", "chừng", "trung bình", "bình quân"),
    "more_than": ("hơn", "trên", "vượt mốc", "vượt ngưỡng", "vượt qua", "vượt", "ngoài", "ít nhất", "tối thiểu",
                  "không dưới", "không thấp hơn", "không ít hơn"),  # (``không dưới``: at least, not ``dưới``)
    "less_than": ("dưới", "chưa đến", "chưa tới", "không đến", "không tới", "không quá", "tối đa", "chưa vượt qua",
                  "chưa thể vượt qua", "không vượt quá"),
}
# Words after which ``đồng`` is not the currency (``2 đồng chí``).
_DONG_NOT = "chí|bào|hồ|thời|ý|tâm|hương|minh|loại|ruộng|nghiệp|đội|chủ|tình|phục|ca|bằng|nát"


@dataclass(frozen=True)
class Quantity:
    """A number said at ``text == source[start:end]`` (qualifier words excluded, a USD bracket included)."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    qualifier: str = "exact"
    value_usd: float | None = None
    scale_text: str | None = None


def _load_units() -> tuple[dict[str, str], dict[str, str]]:
    units, kinds = {}, {}
    for line in (LEXICONS / "units.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surface, unit, kind = (line.split("\t") + ["", ""])[:3]
        units[surface.strip().casefold()] = unit.strip()
        kinds[unit.strip()] = kind.strip()
    return units, kinds


_UNITS, UNIT_KIND = _load_units()


def _alt(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _unit_alt() -> str:
    parts = []
    for w in sorted(_UNITS, key=len, reverse=True):
        p = regex.escape(w).replace(r"\ ", r"\s+")
        if w == "đồng":
            p += rf"(?!\s+(?:{_DONG_NOT})\b)"
        parts.append(p)
    return "|".join(parts)


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?"
# A range: ``1,4-1,5``, ``từ 200.000 đến 250.000``, ``2 triệu tới 3 triệu`` or ``6% - 9%`` (the first end may carry
# its own scale or percent sign).
_RANGE = rf"""(?:(?:\s*(?P<scale1>{_alt(SCALES)})(?!\w)|\s*%)?(?:\s*[-–]\s*|\s+(?:đến|tới)\s+)(?P<num2>{_NUM}))?"""
_RX = regex.compile(
    rf"""(?<![\w.,/-])(?P<num>{_NUM}){_RANGE}(?![\d/]|[.,]\d)
    (?:\s*(?P<scale>{_alt(SCALES)})(?!\w))?
    (?:\s*(?P<unit>%|{_unit_alt()})(?!\w))?""",
    regex.IGNORECASE | regex.VERBOSE,
)
# The same with the unit required: scanned in C over the whole text when the caller wants units only.
_RX_UNIT = regex.compile(
    rf"""(?<![\w.,/-])(?P<num>{_NUM}){_RANGE}(?![\d/]|[.,]\d)
    (?:\s*(?P<scale>{_alt(SCALES)})(?!\w))?
    \s*(?P<unit>%|{_unit_alt()})(?!\w)""",
    regex.IGNORECASE | regex.VERBOSE,
)
_QUAL = {w: q for q, ws in QUALIFIERS.items() for w in ws}
_QUAL_RX = regex.compile(rf"(?:^|\W)(?P<q>{_alt(_QUAL)})\s+(?:đạt\s+|là\s+|mức\s+|con\s+số\s+)?$",
                         regex.IGNORECASE)
_USD_OPEN = regex.compile(
    r"^\s*(?:\(\s*|,\s*|-\s*|–\s*)?(?:(?:tương\s+đương|tương\s+ứng|quy\s+đổi|tức|hay)\s*(?:với\s+)?(?:khoảng\s+|gần\s+"
    r"|hơn\s+|trên\s+|xấp\s+xỉ\s+)?|(?:khoảng|gần|hơn|trên|xấp\s+xỉ|~|≈)\s*)?$",
    regex.IGNORECASE,
)
_USD_CLOSE = regex.compile(r"\s*\)")


def parse_number(s: str) -> float:
    """A Vietnamese-written number as a float (see the module docstring for the digit-group rules)."""
    s = s.strip().replace(" ", "").replace("\u00a0", "")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif "." in s and len(s) - s.index(".") - 1 == 3:
        s = s.replace(".", "")
    return float(s)


def _scaled(num: str, scale: str | None) -> float:
    """``num`` times its scale word, in decimal: ``1.038,1 tỷ`` is 1038100000000.0, not …99.9999."""
    v = parse_number(num)
    if not scale or not math.isfinite(v):
        return v
    return float(Decimal(repr(v)) * Decimal(repr(SCALES[_SPACES.sub(" ", scale.casefold())])))


# ``cao hơn mức 7% của cùng kỳ``, ``nhỉnh hơn so với mức 16,4%``: the number is what is compared with, told exactly.
_COMPARED_WITH = regex.compile(r"(?:cao|thấp|nhỉnh|kém|nhanh|chậm|lớn|nhỏ)\s+hơn\s+(?:so\s+với\s+)?mức\s+$", regex.IGNORECASE)


# The first word of every qualifier: one of them must be in the window before a number for `_QUAL_RX` to match.
_QUAL_STEMS = tuple(sorted({w.split()[0].casefold() for w in _QUAL}))
_QUAL_STEM_RX = re.compile("|".join(map(re.escape, _QUAL_STEMS)))
_QUAL_REACH = 32  # characters before a number that `_QUAL_RX` searches


def _qualifier(text: str, start: int) -> str:
    lo = max(0, start - _QUAL_REACH)
    if start == lo or not text[start - 1].isspace():
        return "exact"  # `_QUAL_RX` ends with blanks: a number glued to a word or a bracket has no qualifier
    if _QUAL_STEM_RX.search(text[lo:start].casefold()) is None:
        return "exact"
    m = _QUAL_RX.search(text, lo, start)
    if m is None or _COMPARED_WITH.search(text, max(0, start - 40), start):
        return "exact"
    return _QUAL[_SPACES.sub(" ", m.group("q").casefold())]


_DIGITS = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")


_RANGE_SPREAD = 1000  # a range's upper end is never this many times its lower end


def _matches(text: str):
    """``_RX`` tried only where a run of digits starts (much faster than scanning every position)."""
    pos = 0
    for d in _DIGITS.finditer(text):
        s = d.start()
        if s < pos or s and text[s - 1] in ".,/-" or text.startswith("/", d.end()):
            continue  # inside the last match, or a part of a date (`5/6/2017`): the look-behind or -ahead fails
        m = _RX.match(text, s)
        if m:
            pos = m.end()
            yield m


def _raw(text: str, units: frozenset[str] | set[str] | None = None) -> list[Quantity]:
    out = []
    for m in (_matches(text) if units is None else _RX_UNIT.finditer(text)):
        num, scale1, num2, scale, unit_s = m.group("num", "scale1", "num2", "scale", "unit")
        unit = None
        if unit_s:
            unit = "percent" if unit_s == "%" else _UNITS.get(_SPACES.sub(" ", unit_s.casefold()))
        if units is not None and unit not in units:
            continue  # the caller wants only these units: no parsing, no qualifier look-up
        v = _scaled(num, scale1 or scale)
        qual = _qualifier(text, m.start())
        if num2:  # a range is read as its midpoint
            hi = _scaled(num2, scale)
            if v > hi and not scale1:
                v = parse_number(num)  # ``990.000 đến 1,05 triệu``: the scale is the upper end's only
            if hi > _RANGE_SPREAD * v:  # ``năm 2003 tới 540 tỷ USD``: a year, then the amount reached, not a range
                v = hi
            else:
                v = float((Decimal(repr(v)) + Decimal(repr(hi))) / 2)
                qual = "approx"
        if not math.isfinite(v):
            continue  # hundreds of digits: a code or garbage, not an amount
        out.append(Quantity(m.start(), m.end(), m.group(), v, unit, qual, None, scale))
    return out


def find_quantities(text: str, units: frozenset[str] | set[str] | None = None) -> list[Quantity]:
    """Every number in ``text`` with its scale, unit, qualifier and stated USD equivalent.

    With ``units``, only quantities in those units are returned (and the others are never parsed): the
    fast path for a caller that reads a few units. A USD equivalent is only merged when ``USD`` is
    among them.
    """
    raw = _raw(text, units)
    out: list[Quantity] = []
    i = 0
    while i < len(raw):
        q = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if (nxt and nxt.unit == "USD" and q.unit and q.unit != "USD" and UNIT_KIND.get(q.unit) == "currency"
                and _USD_OPEN.match(text[q.end:nxt.start])):
            gap = text[q.end:nxt.start]
            end = nxt.end
            if "(" in gap:
                close = _USD_CLOSE.match(text, nxt.end)
                end = close.end() if close else nxt.end
            out.append(replace(q, end=end, text=text[q.start:end], value_usd=nxt.value))
            i += 2
            continue
        out.append(q)
        i += 1
    return out


def _load_rates() -> dict[tuple[str, int], float]:
    rates = {}
    for line in (LEXICONS / "exchange_rates.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cur, year, per_usd = line.split("\t")[:3]
            rates[(cur.strip(), int(year))] = float(per_usd)
    return rates


_RATES = _load_rates()


def usd_equivalent(value: float, unit: str | None, stated: float | None = None,
                   year: int | None = None) -> tuple[float | None, str | None]:
    """(value_usd, value_usd_source) of an amount: a USD amount is its own equivalent and a stated
    equivalent wins (``stated``); else the yearly average rate of ``year`` converts it (``converted``);
    else (no rate, no year, not money) ``(None, None)``."""
    if unit == "USD":
        return value, "stated"
    if stated is not None:
        return stated, "stated"
    rate = _RATES.get((unit or "", year)) if year is not None else None
    return (round(value / rate, 2), "converted") if rate else (None, None)
