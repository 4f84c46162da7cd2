"""Agreements (letters of intent, MOUs, cooperation agreements, minutes, friendship relations,
joint statements) told in an article's body.

A document type counts when a signing verb (``ký``, ``ký kết``, ``trao``) or, for relations, an
establishing verb (``thiết lập``) governs it; a planned cue before that verb (``sẽ``, ``thúc đẩy
sớm``, ``mong muốn``) makes it ``planned``. Date, parties and mode fall back to the meeting the
signing took place at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from pipeline.extract import ArticleText
from pipeline.extract.events import (
    AGREEMENT_ROWS,
    CUES,
    YEAR_RANGE,
    Hit,
    Scope,
    SentenceIndex,
    article_countries,
    best_date,
    country_name,
    cue_before,
    cue_in,
    dates_in,
    fields_in,
    hits,
    is_venue,
    mode_of,
    place_sides,
    places_in,
    scope_in,
    unique,
)
from pipeline.extract.meetings import Mention, meeting_groups
from pipeline.extract.parties import parties_between
from pipeline.text import Span

_TYPES = [(t, flags) for _, t, flags, _ in AGREEMENT_ROWS]
# Words allowed between a document and the relation it sets up (`Ý định thư thiết lập quan hệ hữu nghị`).
_CONTENT_LINK = regex.compile(r"(?i)^\s*(?:(?:về|việc|nhằm|thiết lập|xác lập|quan hệ|kết nghĩa|chính thức|gia hạn|sửa đổi|"
                              r"bổ sung|thực hiện|triển khai)\s*)*$")
_VERB_WINDOW = 90
_LISTED = regex.compile(r"\s*(?:,|và|hoặc)\s*")
# A document right after one of these opens the next item of a list (`…; Bản ghi nhớ …`, `, và Hiệp định`).
_ITEM_SEP = regex.compile(r"(?:[,;:]|(?<!\w)(?:và|gồm|bao gồm|là))\s*$")
_ITEM_START = regex.compile(r"\s*(?:[-–+•*]|\d{1,2}[.)])?\s*")  # the start of a listed line
_LIST_HEAD = regex.compile(r":\s*$|(?<!\w)(?:gồm|bao gồm|như sau)\s*:?\s*$", regex.M)
_CEREMONY = regex.compile(r"(?i)(?<!\w)(?:lễ (?:ký|kí|trao)|chứng kiến|trao đổi (?:\d+ |các )?văn kiện)(?!\w)")
_PLAN_WINDOW = 35  # a planned cue governs the signing verb it stands this close before
_TERM_WINDOW = 200  # `giai đoạn 2023-2027` this close after the document is its term
_PASSIVE = regex.compile(
    r"^[^,.;]{0,40}?((?:(?:sẽ|dự kiến|có thể|sắp|sớm)\s+)+)?(?:được|đã được|vừa được)\s+(?:ký|kí)")


@dataclass
class Found:
    start: int
    end: int
    pos: int
    type: str
    status: str
    date: date | None = None
    precision: str = "unknown"
    valid_from: int | None = None
    valid_to: int | None = None
    parties: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    mode: str = "unknown"
    group: int = 0  # the list (or sentence) it was told in: documents of one list are never merged
    key: str = ""  # the word naming it (`ghi nhớ`, `công hàm`): the same document is named the same way
    listed: bool = False  # an item of a list, signed with the list's head


def _status(body: str, clause_start: int, m: Hit, relation: bool) -> str | None:
    """``signed``, ``planned`` or None (no verb governs the document: a generic mention)."""
    window_start = max(clause_start, m.start - _VERB_WINDOW)
    window = body[window_start: m.start]
    verbs = [v for cue in (("signed", "established") if relation else ("signed",))
             for v in CUES[cue].finditer(window)]
    if relation:  # a relation set up after a comma is not the one the verb set up (`thiết lập bang giao …, quan hệ hữu nghị`)
        verbs = [v for v in verbs if "," not in window[v.end():]]
    after = body[m.end: m.end + 70]
    passive = _PASSIVE.match(after)
    if not verbs and not passive:
        return None
    if passive and (not verbs or passive.group(1)):  # the document's own verb: `hiệp định dự kiến được ký`
        return "planned" if passive.group(1) else "signed"
    first_verb = min((v.start() for v in verbs), default=len(window))
    last_verb = max(v.end() for v in verbs)
    if cue_in("negation", window[last_verb:]):
        return None  # `trao quy chế … khi chưa đạt được thỏa thuận`
    head = window[:first_verb]
    cut = max(head.rfind(","), head.rfind(";"))
    head = head[cut + 1:][-_PLAN_WINDOW:]
    if cue_in("negation", head):
        return None
    if any(_plans(head, cue) for cue in ("planned", "planned_doc")):
        return "planned"
    return "signed"


def _plans(head: str, cue: str) -> bool:
    """A planned cue in ``head``; a capitalised one inside a sentence is part of a name (`Bộ trưởng …
    Xúc tiến đầu tư`)."""
    for m in CUES[cue].finditer(head):
        if not (m.group()[0].isupper() and head[:m.start()].strip()[-1:] not in ("", ".", ":", '"', "“")):
            return True
    return False


def _nested(body: str, prev: Hit | None, m: Hit) -> bool:
    """True when ``m`` is what the previous document sets up, not a document of its own."""
    return prev is not None and _CONTENT_LINK.match(body[prev.end: m.start]) is not None


def _meeting_for(groups: list[Mention], idx: SentenceIndex, body: str, pos: int, sent_start: int,
                 parties: list[str], mode: str) -> Mention | None:
    """The meeting the signing took place at, if the text ties it to one."""
    if not groups:
        return None
    para = idx.line_bounds(pos)
    for g in groups:
        for men in [g, *g.members]:
            if men.start == sent_start or para[0] <= men.trigger < para[1]:
                return g
    referred = cue_in("anaphor", body, sent_start, pos) or cue_in("sides", body, sent_start, pos)
    best, best_score = None, 0.0
    for dist, g in enumerate(reversed([g for g in groups if g.start < pos] or groups[:1])):
        overlap = len(set(parties) & set(g.localities))
        if parties and not overlap:
            continue
        if not parties and not referred and not (mode == "online" and g.mode == "online"):
            continue
        score = overlap + 0.5 * (mode != "unknown" and g.mode == mode) + 0.25 * (g.date is not None) \
            - 0.01 * dist
        if best is None or score > best_score:
            best, best_score = g, score
    return best


def _pair(doc: ArticleText, sentence: Scope, meeting: Mention | None) -> tuple[str, str] | None:
    """(Viet Nam, the counterpart country): the sentence's foreign country, else the meeting's foreign
    side, else the foreign country the article names most."""
    for iso in sentence.countries:
        if iso != "VN" and country_name(iso):
            return "Việt Nam", country_name(iso)
    if meeting is not None:
        sides = [p.side for p in meeting.people if p.side and p.side != "VN"]
        if sides and country_name(sides[0]):
            return "Việt Nam", country_name(sides[0])
    top = article_countries(doc.extra, doc.body)
    return ("Việt Nam", top[0]) if top else None


def _opens_item(body: str, idx: SentenceIndex, m: Hit, prev: Found | None) -> bool:
    """``m`` opens an item of a list whose head or earlier item ``prev`` was signed: right after a list
    separator in the same sentence, or at the start of the next line (`gồm:` / `- Bản ghi nhớ …`)."""
    if prev is None:
        return False
    if prev.start <= m.start < prev.end:
        return _ITEM_SEP.search(body, max(prev.pos, m.start - 12), m.start) is not None
    line = idx.line_bounds(m.start)
    return (_ITEM_START.fullmatch(body, line[0], m.start) is not None
            and body.count("\n", prev.end, line[0]) <= 1
            and (prev.listed or _LIST_HEAD.search(body, prev.pos, line[0]) is not None))


def _find(doc: ArticleText) -> list[Found]:
    body = doc.body
    idx = SentenceIndex(body)
    groups: list[Mention] | None = None
    out: list[Found] = []
    prev: Hit | None = None
    last_generic = False
    last_found: Found | None = None
    found_hits = hits(doc.extra, body, "agreement")
    for i, m in enumerate(found_hits):
        last, prev = prev, m
        kind, flags = _TYPES[m.row]
        sent = idx.sentence_at(m.start)
        clause = idx.clause_at(m.start)
        if last is not None and last.start < clause.start:
            last = None
        counted = cue_before("counted", body, m.start, 30)
        generic = (cue_before("generic", body, m.start, 30) and not counted) or (
            last_generic and last is not None and _LISTED.fullmatch(body[last.end: m.start]) is not None)
        if _nested(body, last, m) or generic:
            last_generic = generic
            continue  # a generic document, or one listed right after it (`các hiệp định, thỏa thuận`)
        last_generic = counted
        bundle = counted or "bundle" in flags
        if "?" in body[m.start: sent.end] or cue_in("hypothetical", body, sent.start, m.start):
            continue  # a question or a supposition
        status = _status(body, clause.start, m, relation="relation" in flags or "bare" in flags)
        item = status is None and _opens_item(body, idx, m, last_found)
        if item:
            status = last_found.status
        if status is None:
            continue
        if groups is None:
            groups = meeting_groups(doc)
        nxt = found_hits[i + 1].start if i + 1 < len(found_hits) else len(body)
        own = Span(m.start, min(clause.end, nxt), body[m.start: min(clause.end, nxt)])
        places = [p for p in places_in(clause.text, clause.start) if not is_venue(body, p.start, clause.start)]
        parties = unique(p.canonical for p in places if not p.is_country)
        if not parties:
            countries = unique(p.canonical for p in places if p.is_country)
            parties = countries if len(countries) >= 2 else []
        mode = mode_of(body[sent.start: sent.end], "unknown")
        f = Found(sent.start, sent.end, m.start, kind, status, parties=parties, mode=mode,
                  fields=fields_in(body[m.end: own.end]), group=item and last_found.group or m.start,
                  key=AGREEMENT_ROWS[m.row][3], listed=item)
        if item and not own.text.strip():
            continue
        when = best_date(dates_in(clause.text, doc.reference_year, doc.published_at, clause.start), m.start)
        if when and status == "signed":  # a planned document has no signing date yet
            f.date, f.precision = when.date, when.precision
        elif item and status == "signed":
            f.date, f.precision = last_found.date, last_found.precision
        if f.date is None and cue_in("background", body, clause.start, m.start):
            continue  # told as background (`sau khi ký Hiệp định …`) without a date of its own
        meeting = _meeting_for(groups, idx, body, m.start, sent.start, parties, mode)
        if (status == "signed" and f.date is None and meeting is None and "relation" not in flags
                and cue_in("perfective", body, clause.start, m.start)
                and not cue_in("news", body, sent.start, sent.end)):
            continue  # `Chúng ta đã ký với Nhật Bản Hiệp định …`: a past fact, not the news
        if counted and meeting is None and f.date is None:
            continue  # `đã ký các thỏa thuận …` tied to no event of the article: a generic mention
        scope = scope_in(sent.text)
        pair = _pair(doc, scope, meeting)
        named = [] if bundle else parties_between(own.text, pair)
        if named:
            f.parties = named
        elif meeting is not None and not f.parties:
            f.parties = list(meeting.localities)
        if not f.parties and pair and (bundle or cue_in("sides", body, sent.start, sent.end)
                                       or meeting is not None or item):
            f.parties = list(pair)
        if meeting is not None and status == "signed":
            if f.date is None and meeting.date is not None:
                f.date, f.precision = meeting.date, meeting.precision
            if f.mode == "unknown":
                f.mode = meeting.mode
        if item and f.mode == "unknown":
            f.mode = last_found.mode
        if status == "signed" and f.mode == "unknown" and _CEREMONY.search(body, sent.start, sent.end):
            f.mode = "in_person"  # a signing ceremony witnessed or a document handed over
        if status == "signed" and not f.parties:
            continue  # no resolvable party: a generic mention
        if not item and not _in_scope(f.parties, scope, meeting):  # an item is in its list's scope
            continue
        years = YEAR_RANGE.search(body, m.end, min(own.end, m.end + _TERM_WINDOW))
        if years and kind != "meeting_minutes":
            a, b = int(years.group(1)), int(years.group(2))
            if a <= b <= a + 30:
                f.valid_from, f.valid_to = a, b
        out.append(f)
        last_found = f
    return out


def _in_scope(parties: list[str], sentence: Scope, meeting: Mention | None) -> bool:
    """Viet Nam ↔ foreign: the parties' countries, what the sentence names, the meeting it was signed at."""
    if meeting is not None and meeting.in_scope:
        return True
    vn, foreign = place_sides(parties)
    return (sentence.vn or vn) and (sentence.foreign or foreign)


def _richness(f: Found) -> tuple:
    return (len(f.parties), f.date is not None, f.valid_from is not None, -f.start)


def _merge(found: list[Found]) -> list[Found]:
    """One row per document: mentions in different sentences or lists of the same type, status, naming word
    and parties are merged; the documents of one list stay apart."""
    kept: list[Found] = []
    for f in found:
        twin = next((k for k in kept if k.type == f.type and k.status == f.status and k.key == f.key
                     and k.group != f.group
                     and (not k.parties or not f.parties or set(k.parties) & set(f.parties))), None)
        if twin is None:
            kept.append(f)
            continue
        best, other = (f, twin) if _richness(f) > _richness(twin) else (twin, f)
        if best.date is None and other.date is not None:
            best.date, best.precision = other.date, other.precision
        best.valid_from = best.valid_from or other.valid_from
        best.valid_to = best.valid_to or other.valid_to
        best.fields = unique(best.fields + other.fields)
        if best.mode == "unknown":
            best.mode = other.mode
        kept[kept.index(twin)] = best
    return kept


def extract_agreements(doc: ArticleText) -> list[dict]:
    """Agreement rows (contract columns except ``agreement_id`` and ``article_id``)."""
    rows = []
    for f in _merge(_find(doc)):
        rows.append({
            "agreement_type": f.type,
            "status": f.status,
            "signed_date": f.date,
            "date_precision": f.precision if f.date else "unknown",
            "valid_from_year": f.valid_from,
            "valid_to_year": f.valid_to,
            "parties": f.parties,
            "fields": f.fields,
            "mode": f.mode,
            "evidence": doc.body[f.start: f.end],
            "evidence_start": f.start,
            "evidence_end": f.end,
        })
    return rows
