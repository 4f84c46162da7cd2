"""Trade and economic figures (contract table ``trade_figures``) from one article.

For every quantity with an economic unit (currency, %, tonne, vehicle, project) the sentence is read
for: what is measured (``lexicons/metrics.tsv``, words before the number, else inherited from the
previous figure of the clause, else the words right after it), the measure (a ``%`` after ``tăng``/
``giảm`` is ``change_pct``, after ``chiếm``/``tương đương`` ``share_pct``; other percentages are
dropped), the period (the sentence's date phrase nearest before the number), whose figure it is
(``locality``: a place marked ``của``/``toàn``, else the main place of the clause, else of the
previous sentences) and the counterpart (``partner``: ``với``/``sang``/``từ``/``của các doanh
nghiệp`` + place, or another country). Prices, targets, absolute changes and numbers without an
economic word are dropped: precision over recall.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import ahocorasick
import regex

from pipeline.dates import DateMention, find_dates
from pipeline.extract import ArticleText
from pipeline.numbers import UNIT_KIND, Quantity, find_quantities
from pipeline.text import Span, clauses

try:  # the gazetteer is another module; without it figures carry no locality
    from pipeline.gazetteer import Place, PlaceMatch, find_places
except ImportError:  # pragma: no cover
    Place = PlaceMatch = None  # type: ignore[assignment,misc]

    def find_places(text: str) -> list:  # type: ignore[misc]
        return []


__all__ = ["extract_figures"]

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
_W = r"(?<!\w)"
_E = r"(?!\w)"
_FLAGS = regex.IGNORECASE


def _words(p: str) -> str:
    return p.replace(" ", r"\s+")


def _rx(words: str) -> regex.Pattern:
    alts = sorted(words.split("|"), key=len, reverse=True)
    return regex.compile(_W + "(?:" + "|".join(_words(a) for a in alts) + ")" + _E, _FLAGS)


_SPACES = regex.compile(r"\s+")


def _load_metrics() -> tuple[ahocorasick.Automaton, regex.Pattern | None, dict[str, tuple[str, int]]]:
    """Plain metric words go into one Aho–Corasick automaton, the few regex patterns into one regex."""
    ac = ahocorasick.Automaton()
    extra, groups = [], {}
    for line in (LEXICONS / "metrics.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pat, metric, prio = (c.strip() for c in line.split("\t")[:3])
        if regex.search(r"[()?\\\[\]{}+*|]", pat):
            groups[f"m{len(extra)}"] = (metric, int(prio))
            extra.append(f"(?P<m{len(extra)}>{_words(pat)})")
        else:
            ac.add_word(pat.lower(), (len(pat), metric, int(prio)))
    ac.make_automaton()
    rx = regex.compile(f"{_W}(?:{'|'.join(extra)}){_E}", _FLAGS) if extra else None
    return ac, rx, groups


_METRIC_AC, _METRIC_RX, _METRIC_OF = _load_metrics()
_PRODUCTS = [w.strip() for w in (LEXICONS / "products.tsv").read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
_PRODUCT_RX = regex.compile(_W + "(?:" + "|".join(sorted(map(regex.escape, _PRODUCTS), key=len, reverse=True))
                            + ")" + _E)

_GROWTH = _rx("tăng trưởng|tăng|giảm|sụt giảm|tụt|tăng thêm|tăng lên|giảm đi")
_DOWN = regex.compile(r"giảm|tụt", _FLAGS)
_SHARE = _rx("chiếm|chiếm tỷ trọng|chiếm tỉ trọng|tỷ trọng|tỉ trọng|tương đương|bằng")
_TO_LEVEL = regex.compile(r"\s*(?:lên|xuống|còn)\b", _FLAGS)
_ABS_CHANGE = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)(?:\s+(?!đạt|lên|xuống|còn|là|ở)\w+){0,2}\s+$", _FLAGS)
_VERB = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)(?!\w)", _FLAGS)
_LEVEL_AFTER_VERB = _rx("đạt|là|lên|xuống|còn|ở mức|với|được")
_THRESHOLD = regex.compile(r"(?<!\w)(?:ít\s+nhất|tối\s+thiểu|trở\s+lên|(?:lớn|nhỏ|cao|thấp|nhiều|ít)\s+hơn)"
                           r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", _FLAGS)
_PRICE_CLAUSE = _rx("giá|lãi suất|tỷ giá|tỉ giá|lạm phát|chỉ số giá|CPI|giá cả")
_AFTER_SHARE_BLOCK = _rx("kế hoạch|chỉ tiêu|diện tích|dân số|thị phần|lao động|số hộ|số người|dự toán")
_PUNCT = regex.compile(r"[,;.()]")
_TARGET = _rx("mục tiêu|phấn đấu|kế hoạch|chỉ tiêu|dự kiến|dự báo|sẽ|hướng tới|đặt ra|kỳ vọng|nhằm|cam kết|có thể"
              "|dự tính|triển vọng|nếu")
_PRICE_AFTER = regex.compile(r"\s*/\s*\w")
_VEHICLE_CUE = _rx("lượt|thông quan|cửa khẩu|xuất nhập cảnh|xuất cảnh|nhập cảnh|qua lại|ra vào|xe hàng")
_GOODS_CUE = _rx("hàng hóa|hàng hoá|thông quan|qua cửa khẩu|qua cảng|xuất nhập khẩu|bốc xếp|lượng hàng|nhập khẩu")
_EXPORT = regex.compile(_W + r"xuất\s+khẩu" + _E, _FLAGS)
_FOREIGN = regex.compile(r"FDI|nước ngoài|đầu tư trực tiếp|ngoại", _FLAGS)
_INVEST = regex.compile(r"đầu\s+tư|FDI", _FLAGS)
_NATION = regex.compile(_W + r"(?:cả\s+nước|nước\s+ta|toàn\s+quốc)" + _E, _FLAGS)
_REPORT = _rx("cho biết|cho hay|nói|phát biểu|khẳng định|nhấn mạnh|thông tin|thông báo|báo cáo|giới thiệu"
              "|công bố|chia sẻ|tiết lộ")
_DATE_NOT_PERIOD = regex.compile(
    r"(?:so\s+với|cùng\s+kỳ|cao\s+nhất|thấp\s+nhất|kỷ\s+lục|kể\s+từ|trước|sau|của)\s*(?:cùng\s+kỳ\s*)?$",
    _FLAGS)
_ADMIN = r"(?:tỉnh|thành\s+phố|TP\.?|khu\s+tự\s+trị(?:\s+dân\s+tộc\s+\w+)?|huyện|thị\s+xã|quận|nước|phía|địa\s+bàn)"
_PARTNER_BEFORE = regex.compile(
    r"(?<!\w)(?:với|sang|từ|đối\s+tác|của\s+(?:các\s+)?(?:doanh\s+nghiệp|nhà\s+đầu\s+tư|công\s+ty|tập\s+đoàn|đối\s+tác)"
    r"|thị\s+trường)\s+(?:các\s+)?(?:(?:thị\s+trường|doanh\s+nghiệp|nhà\s+đầu\s+tư|địa\s+phương|" + _ADMIN[3:-1]
    + r")\s+)*$", _FLAGS)
_OWNER_BEFORE = regex.compile(r"(?<!\w)(?:của|toàn|cả)\s+(?:" + _ADMIN + r"\s+)?$", _FLAGS)
_BETWEEN = regex.compile(r"(?<!\w)giữa\s+(?:" + _ADMIN + r"\s+)?$", _FLAGS)
_AND_BEFORE = regex.compile(r"(?<!\w)(?:và|với)\s+(?:" + _ADMIN + r"\s+)?$", _FLAGS)
_PARENT_GAP = regex.compile(r"\s*(?:,|\(|-|–)\s*$")
_NEWLINE = regex.compile("\n")
_LEVEL_RANK = {"province": 0, "region": 0, "prefecture": 1, "city": 1, "county": 2, "district": 2}
_KEEP_UNITS = {"CNY", "USD", "VND", "EUR", "JPY", "percent", "tonne", "vehicle", "project", "TEU", "container"}
_VN = None


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    place: object  # gazetteer Place
    role: str  # owner | partner | normal


def _metric_hits(body: str, a: int, b: int) -> list[tuple[int, str, int]]:
    """(end, metric, priority) of the metric words in ``body[a:b]``: leftmost-longest, word-bounded.

    Offsets are into the whitespace-normalised window; they only order hits within it.
    """
    seg = _SPACES.sub(" ", body[a:b].lower())
    found = []
    for end, (length, metric, prio) in _METRIC_AC.iter(seg):
        start = end - length + 1
        if (start == 0 or not seg[start - 1].isalnum()) and (end + 1 == len(seg) or not seg[end + 1].isalnum()):
            found.append((start, end + 1, metric, prio))
    if _METRIC_RX is not None:
        for m in _METRIC_RX.finditer(seg):
            found.append((m.start(), m.end(), *_METRIC_OF[m.lastgroup]))
    found.sort(key=lambda h: (h[0], h[0] - h[1]))
    out, pos = [], -1
    for start, end, metric, prio in found:
        if start >= pos:
            pos = end
            if metric != "=":
                out.append((end, metric, prio))
    return out


def _best_metric(hits: list[tuple[int, str, int]]) -> str | None:
    """Highest priority, nearest wins; ``-`` (a blocker nearer than the metric word) means not a figure."""
    real = [h for h in hits if h[1] != "-"]
    best = max(real, key=lambda h: (h[2], h[0])) if real else None
    blocks = [h for h in hits if h[1] == "-"]
    if blocks and (best is None or max(b[0] for b in blocks) > best[0]):
        return "-"
    return best[1] if best else None


class _Sentence:
    """Lazily computed context of one sentence."""

    def __init__(self, doc: ArticleText, span: Span):
        self.doc, self.span = doc, span

    @cached_property
    def clauses(self) -> list[Span]:
        return clauses(self.doc.body, self.span)

    def clause_of(self, pos: int) -> Span:
        for c in self.clauses:
            if c.start <= pos < c.end:
                return c
        return self.span

    @cached_property
    def dates(self) -> list[DateMention]:
        return find_dates(self.span.text, self.doc.reference_year, self.doc.published_at, offset=self.span.start)

    @cached_property
    def places(self) -> list[_Place]:
        return _roles(self.doc.body, self.span, find_places(self.span.text))


def _roles(body: str, span: Span, matches: list) -> list[_Place]:
    out: list[_Place] = []
    prev = None
    between_seen = False
    for pm in matches:
        s, e, place = pm.start + span.start, pm.end + span.start, pm.place
        if prev is not None and _PARENT_GAP.match(body, prev.end, s) and _is_parent(place, prev.place):
            continue
        before = body[max(span.start, s - 60):s]
        if _PARTNER_BEFORE.search(before):
            role = "partner"
        elif between_seen and _AND_BEFORE.search(before):
            role = "partner"
        elif _OWNER_BEFORE.search(before):
            role = "owner"
        else:
            role = "normal"
        between_seen = between_seen or bool(_BETWEEN.search(before))
        prev = _Place(s, e, place, role)
        out.append(prev)
    return out


def _is_parent(place, child) -> bool:
    if place.level == "country":
        return place.country == child.country
    return place.canonical == child.parent or (place.country == child.country and place.level == "province"
                                               and child.level != "province")


def _is_sub(p: _Place) -> bool:
    return p.place.level != "country"


def _pick_locality(places: list[_Place], pos: int, clause: Span) -> _Place | None:
    cands = [p for p in places if p.role != "partner"]
    if not cands:
        return None
    for sub in (True, False):
        owners = [p for p in cands if p.role == "owner" and _is_sub(p) == sub]
        if owners:
            before = [p for p in owners if p.start < pos]
            return before[-1] if before else owners[0]
        group = [p for p in cands if _is_sub(p) == sub]
        if not group:
            continue
        in_clause = [p for p in group if clause.start <= p.start < pos]
        if in_clause:
            return min(in_clause, key=lambda p: (_LEVEL_RANK.get(p.place.level, 3), -p.start))
        before = [p for p in group if p.start < pos]
        return before[-1] if before else group[0]
    return None


def _topic(places: list[_Place]) -> _Place | None:
    cands = [p for p in places if p.role != "partner"]
    for sub in (True, False):
        group = [p for p in cands if _is_sub(p) == sub]
        owners = [p for p in group if p.role == "owner"]
        if owners or group:
            return (owners or group)[0]
    return None


def _pick_partner(places: list[_Place], pos: int, clause: Span, loc) -> str | None:
    loc_country = getattr(loc, "country", None)
    loc_name = getattr(loc, "canonical", None)

    def ok(p: _Place) -> bool:
        return p.place.canonical != loc_name and not (p.place.level == "country" and p.place.country == loc_country)

    partners = [p for p in places if p.role == "partner" and ok(p)]
    if partners:
        return min(partners, key=lambda p: (not (clause.start <= p.start < clause.end), abs(p.start - pos))).place.canonical
    if loc_country:
        for p in places:
            if p.place.level == "country" and p.place.country != loc_country and p.role != "partner":
                return p.place.canonical
    return None


def _period(sent: _Sentence, body: str, pos: int, clause: Span):
    cands = []
    for d in sent.dates:
        if d.kind == "anniversary" or d.period_start is None:
            continue
        if _DATE_NOT_PERIOD.search(body, max(sent.span.start, d.start - 20), d.start):
            continue
        if d.end <= pos and _REPORT.search(body, d.end, pos):
            continue
        cands.append(d)
    before_clause = [d for d in cands if clause.start <= d.start and d.end <= pos]
    if before_clause:
        return before_clause[-1]
    before = [d for d in cands if d.end <= pos]
    if before:
        return before[-1]
    after = [d for d in cands if pos < d.start < clause.end]
    return after[0] if after else None


class _Extractor:
    def __init__(self, doc: ArticleText):
        self.doc = doc
        self.body = doc.body
        self.sents = doc.sentences
        self.cache: dict[int, _Sentence] = {}
        self.newlines = [m.start() for m in _NEWLINE.finditer(self.body)]

    def sentence(self, i: int) -> _Sentence:
        if i not in self.cache:
            self.cache[i] = _Sentence(self.doc, self.sents[i])
        return self.cache[i]

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.newlines, pos)

    def fallback_locality(self, si: int, exclude: set[str]):
        """Topic place of the previous sentences (up to 6 back, within 4 paragraphs)."""
        para = self.paragraph(self.sents[si].start)
        for j in range(si - 1, max(-1, si - 7), -1):
            if para - self.paragraph(self.sents[j].start) > 3:
                break
            places = [p for p in self.sentence(j).places if p.place.canonical not in exclude]
            t = _topic(places)
            if t is not None:
                return t.place
        return None

    def run(self) -> list[dict]:
        qs = [q for q in find_quantities(self.body) if q.unit in _KEEP_UNITS]
        if not qs:
            return []
        starts = [s.start for s in self.sents]
        rows: list[dict] = []
        last: dict[int, tuple[int, str]] = {}  # clause start -> (end of last figure, its metric)
        for q in qs:
            si = bisect.bisect_right(starts, q.start) - 1
            if si < 0 or q.end > self.sents[si].end:
                continue
            row = self.figure(q, si, last)
            if row:
                rows.append(row)
        return rows

    def figure(self, q: Quantity, si: int, last: dict) -> dict | None:
        body, sent = self.body, self.sentence(si)
        clause = sent.clause_of(q.start)
        if _PRICE_AFTER.match(body, q.end) or _TARGET.search(body, clause.start, q.start):
            return None
        prev_end, prev_metric = last.get(clause.start, (clause.start, None))
        a = max(clause.start, prev_end)
        hits = _metric_hits(body, a, q.start)
        metric = _best_metric(hits)
        if metric == "-":
            return None
        window = body[a:q.start]
        measure = "amount"
        value = q.value
        kind = UNIT_KIND.get(q.unit, "")
        if q.unit == "percent":
            g = list(_GROWTH.finditer(window))
            s = list(_SHARE.finditer(window))
            gpos = g[-1].start() if g else -1
            spos = s[-1].start() if s else -1
            stop = _PUNCT.search(body, q.end, clause.end)
            if (gpos < 0 and spos < 0 or _PRICE_CLAUSE.search(body, clause.start, q.start)
                    or _AFTER_SHARE_BLOCK.search(body, q.end, stop.start() if stop else clause.end)):
                return None
            if gpos > spos:
                if _TO_LEVEL.match(window, g[-1].end()):
                    return None
                measure = "change_pct"
                if _DOWN.match(g[-1].group()):
                    value = -value
            else:
                measure = "share_pct"
        elif _ABS_CHANGE.search(window) or _THRESHOLD.search(window) or self.changed(window):
            return None
        if metric is None:
            metric = prev_metric
        if metric is None and measure == "share_pct":
            stop = _PUNCT.search(body, q.end, clause.end)
            metric = _best_metric(_metric_hits(body, q.end, stop.start() if stop else clause.end))
            if metric == "-":
                return None
        metric = self.unit_metric(q, metric, window, clause, kind, sent.span.text)
        if metric is None:
            return None
        if metric in ("fdi_capital", "fdi_projects") and not _FOREIGN.search(sent.span.text):
            metric = "other"
        last[clause.start] = (q.end, metric)
        return self.row(q, si, clause, metric, measure, value)

    @staticmethod
    def changed(window: str) -> bool:
        """An amount told as a change (``giảm thu ngân sách gần 100 tỉ``), not a level."""
        verbs = list(_VERB.finditer(window))
        return bool(verbs) and not _LEVEL_AFTER_VERB.search(window, verbs[-1].end())

    def unit_metric(self, q: Quantity, metric: str | None, window: str, clause: Span, kind: str,
                    sent_text: str) -> str | None:
        text = self.body[clause.start:clause.end]
        if q.unit == "vehicle":
            return "vehicle_crossings" if _VEHICLE_CUE.search(sent_text) else None
        if q.unit in ("tonne", "TEU", "container"):
            near = window + self.body[q.end:q.end + 30]
            if metric in ("export_value", "export_volume") or _EXPORT.search(near):
                return "export_volume"
            return "goods_volume" if _GOODS_CUE.search(near) else None
        if q.unit == "project":
            if not _INVEST.search(text):
                return None
            return "fdi_projects" if _FOREIGN.search(text) or metric in ("fdi_capital", "fdi_projects") else "other"
        if metric in ("goods_volume", "vehicle_crossings"):
            return None  # only tonnes and vehicles measure these
        if kind == "currency" and metric == "export_volume":
            return "export_value"
        if kind == "currency" and metric in ("agriculture", "industry", "services") and "giá trị" not in window:
            return None  # a sector word beside money is rarely the sector's output
        return metric

    def row(self, q: Quantity, si: int, clause: Span, metric: str, measure: str, value: float) -> dict:
        sent = self.sentence(si)
        places = sent.places
        loc = _pick_locality(places, q.start, clause)
        loc_place = loc.place if loc else None
        if loc_place is None and _NATION.search(self.body, clause.start, q.start):
            loc_place = _vn()
        if loc_place is None:
            exclude = {p.place.canonical for p in places if p.role == "partner"}
            loc_place = self.fallback_locality(si, exclude)
        partner = _pick_partner(places, q.start, clause, loc_place)
        period = _period(sent, self.body, q.start, clause)
        product = None
        if metric not in ("gdp", "budget_revenue", "deposits", "fixed_asset_investment"):
            prods = list(_PRODUCT_RX.finditer(self.body, clause.start, q.start))
            product = prods[-1].group() if prods else None
        return {
            "metric": metric,
            "measure": measure,
            "value": float(value),
            "unit": q.unit,
            "value_usd": q.value_usd,
            "qualifier": q.qualifier,
            "product": product,
            "locality": getattr(loc_place, "canonical", None),
            "partner": partner,
            "period_start": period.period_start if period else None,
            "period_end": period.period_end if period else None,
            "evidence": sent.span.text,
            "evidence_start": sent.span.start,
            "evidence_end": sent.span.end,
        }


def _vn():
    global _VN
    if _VN is None:
        try:
            from pipeline.gazetteer import lookup
            _VN = lookup("Việt Nam")
        except ImportError:  # pragma: no cover
            _VN = False
    return _VN or None


def extract_figures(doc: ArticleText) -> list[dict]:
    """Contract ``trade_figures`` rows (without ``figure_id``/``article_id``) for one article."""
    if not doc.body:
        return []
    return _Extractor(doc).run()
