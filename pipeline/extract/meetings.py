"""Meetings (talks, receptions, conferences, visits) told in an article's body.

One trigger scan over the body finds candidate sentences; only those are read further
(people, dates, places). Mentions of the same meeting (a lead and its photo caption, ``Tại cuộc
gặp, …``) are merged into one row; sentences dated ``Cùng ngày`` / ``Ngay sau …`` take the date
of the meeting told before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import regex

from pipeline.extract import ArticleText
from pipeline.extract.events import (
    CUES,
    INTL,
    MEETING_ROWS,
    VN_TITLE,
    Hit,
    Person,
    SentenceIndex,
    article_is_vietnamese,
    article_sides,
    best_date,
    cue_before,
    cue_in,
    dates_in,
    hits,
    is_venue,
    lookup_place,
    mode_of,
    people_in,
    place_sides,
    places_in,
    scope_in,
    unique,
)
from pipeline.people import is_foreign_name

_KINDS = [(kind, mode if mode != "-" else "unknown") for _, kind, mode, _, _ in MEETING_ROWS]
# Titles of a local body: without a place in the title, the person belongs to the place named before.
_LOCAL_BODY = regex.compile(r"(?i)(?:thành|tỉnh|khu) (?:ủy|uỷ)|ubnd|(?:ủy|uỷ) ban nhân dân|hđnd|thị trưởng|"
                            r"tỉnh trưởng|chủ tịch (?:tỉnh|thành phố|khu)|chính quyền")
_NAME_LIKE = regex.compile(r"\p{Lu}[\w-]*\s+\p{Lu}")  # a person's name has two capitalised syllables
_CAPITAL_AFTER = regex.compile(r"^\s*(?:\w+\s+){0,2}?\p{Lu}")
_VIETNAM = "VN"
_PLACE_WINDOW = 220  # places farther than this from the trigger belong to other clauses
_MISSION_SEAT = regex.compile(CUES["mission"].pattern + r"(?:\s+[\p{Lu}][\w]*){0,3}\s+tại\s*$")


@dataclass
class Mention:
    """One sentence telling of a meeting."""

    start: int
    end: int
    trigger: int
    kind: str
    mode: str
    date: date | None = None
    precision: str = "unknown"
    location: str | None = None
    people: list[Person] = field(default_factory=list)
    localities: list[str] = field(default_factory=list)
    anaphoric: bool = False
    in_scope: bool = False  # involves a Viet Nam side and a foreign side
    relative: bool = False
    trigger_text: str = ""
    own: tuple[bool, int] = (False, 0)  # (dated in its own sentence, people named there)
    ref_text: str = ""
    members: list[Mention] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {p.name for p in self.people}


def _trigger_kind(m: Hit) -> tuple[str, str]:
    return _KINDS[m.row]


def _classify(body: str, sent_start: int, m: Hit) -> str:
    """``main``, ``anaphor``, ``reference`` or ``skip`` for one trigger inside its sentence."""
    pos = m.start
    kind, _ = _trigger_kind(m)
    if cue_before("blocked", body, pos) or cue_before("aggregate", body, pos, 60):
        return "skip"
    if cue_before("generic", body, pos, 25):
        return "skip"
    if cue_before("reference", body, pos, 30):
        return "reference"
    after = body[m.end: m.end + 30]
    if kind == "anaphor" or (cue_before("anaphor", body, pos, 25) and not _CAPITAL_AFTER.match(after)):
        return "anaphor"
    clause = body[max(sent_start, pos - 120): pos]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"))
    clause = clause[cut + 1:]
    if cue_in("planned", clause) or cue_in("negation", clause):
        return "skip"
    if cue_in("planned_strong", body, sent_start, pos):
        return "skip"
    tail_end = next((i for i in range(m.end, min(len(body), m.end + 80)) if body[i] in ",;.\n"), m.end + 80)
    if cue_in("planned_strong", body, m.end, tail_end) or cue_in("aggregate_after", body, m.end, tail_end):
        return "skip"
    return "main"


def _locality_of(person: Person, body: str, para_start: int) -> str | None:
    """The person's locality: from the title, else the last place named before in the paragraph."""
    if person.locality:
        return person.locality
    if not person.title or not _LOCAL_BODY.search(person.title):
        return None
    before = [p for p in places_in(body[para_start: person.start], para_start) if not p.is_country]
    return before[-1].canonical if before else None


def _side(person: Person, locality: str | None) -> str | None:
    if person.side:
        return person.side
    if locality:
        place = lookup_place(locality)
        if place and place.country:
            return place.country
    return _VIETNAM if person.title and not is_foreign_name(person.name) else None


def _read_sentence(doc: ArticleText, idx: SentenceIndex, m: Hit, status: str, cut: int | None) -> Mention:
    """Read one meeting mention; people and places from ``cut`` on belong to an earlier event."""
    body = doc.body
    sent = idx.sentence_at(m.start)
    clause = idx.clause_at(m.start)
    kind, mode = _trigger_kind(m)
    men = Mention(sent.start, sent.end, m.start, kind, mode_of(sent.text, mode),
                  anaphoric=status == "anaphor")
    men.relative = cue_in("relative_date", body, sent.start, m.start) is not None
    men.trigger_text = m.text.casefold()
    when = best_date(dates_in(clause.text, doc.reference_year, doc.published_at, clause.start), m.start)
    if when:
        men.date, men.precision = when.date, when.precision
    cut = clause.end if cut is None else min(cut, clause.end)
    # Places and people are the costly steps: skip them where no name could be (two capitalised words).
    names = len(_NAME_LIKE.findall(body, clause.start, cut))
    anchored = (men.anaphoric or men.relative or when is not None
                or CUES["venue"].search(body, clause.start, cut) is not None)
    people = [p for p in people_in(clause.text, clause.start) if p.start < cut] \
        if names >= 2 or (names and anchored) else []
    # Without people, a date or a venue (`tại …`) no row could be kept: no need for places.
    if names and (people or anchored):
        places = [p for p in places_in(clause.text, clause.start) if p.start < cut]
    else:
        places = []
    para_start, _ = idx.line_bounds(m.start)
    locs = []
    seen: set[str] = set()
    for person in people:
        if person.name in seen:
            continue
        seen.add(person.name)
        loc = _locality_of(person, body, para_start)
        men.people.append(Person(person.start, person.end, person.name, person.title,
                                 _side(person, loc), loc))
        if loc:
            locs.append(loc)
    for p in places:
        venue = is_venue(body, p.start, clause.start)
        surface = body[p.start: p.end]
        inside_title = any(surface in (person.title or "") for person in people) or _MISSION_SEAT.search(
            body, max(clause.start, p.start - 60), p.start) is not None
        if venue and not inside_title and men.location is None and not men.anaphoric:
            men.location = p.canonical
        if not p.is_country and not venue and abs(p.start - m.start) <= _PLACE_WINDOW:
            locs.append(p.canonical)
    men.own = (men.date is not None, len(men.people))
    if not men.anaphoric:
        men.localities = unique(locs)
    else:
        men.localities = unique(p.locality for p in men.people if p.locality)
    return men


def _mentions(doc: ArticleText) -> list[Mention]:
    """One mention per sentence holding a meeting trigger that is not skipped."""
    body = doc.body
    idx = SentenceIndex(body)
    by_sentence: dict[int, list[Hit]] = {}
    for m in hits(doc.extra, body, "meeting"):
        by_sentence.setdefault(idx.sentence_at(m.start).start, []).append(m)
    plan = []
    for start, matches in by_sentence.items():
        statuses = [_classify(body, start, m) for m in matches]
        if any(s == "skip" and cue_before("aggregate", body, m.start, 60)
               for s, m in zip(statuses, matches, strict=True)):
            continue
        mains = [m for s, m in zip(statuses, matches, strict=True) if s == "main"]
        # `đến Hà Nội trong chuyến thăm …, đã có cuộc hội đàm với …`: the talks are the meeting.
        main = next((m for m in mains if _trigger_kind(m)[0] != "visit"), mains[0] if mains else None)
        focus = main or next((m for s, m in zip(statuses, matches, strict=True) if s == "anaphor"), None)
        if focus is None:
            continue
        cut = next((m.start for s, m in zip(statuses, matches, strict=True)
                    if s == "reference" and m.start > focus.start), None)
        refs = [m for s, m in zip(statuses, matches, strict=True) if s == "reference" and m.start < focus.start]
        plan.append((focus, main is not None, cut, refs[-1].text.casefold() if refs else ""))
    if not any(is_main for _, is_main, _, _ in plan):
        return []  # anaphora with nothing to refer to
    out = []
    for focus, is_main, cut, ref in plan:
        men = _read_sentence(doc, idx, focus, "main" if is_main else "anaphor", cut)
        if is_main and ref:
            men.relative, men.ref_text = True, ref
        out.append(men)
    return out


def _compatible(a: Mention, b: Mention) -> bool:
    return a.date is None or b.date is None or (a.date == b.date and a.precision == b.precision)


def _absorb(group: Mention, other: Mention) -> None:
    """Merge ``other`` into ``group`` (people, localities, mode, location, date)."""
    group.members.append(other)
    known = {p.name: i for i, p in enumerate(group.people)}
    for p in other.people:
        if p.name not in known:
            known[p.name] = len(group.people)
            group.people.append(p)
        else:
            old = group.people[known[p.name]]
            if (not old.title and p.title) or (not old.locality and p.locality):
                group.people[known[p.name]] = Person(old.start, old.end, old.name, old.title or p.title,
                                                     old.side or p.side, old.locality or p.locality)
    group.localities = unique(group.localities + other.localities)
    if "online" in (group.mode, other.mode):
        group.mode = "online"
    elif "in_person" in (group.mode, other.mode):
        group.mode = "in_person"
    group.location = group.location or other.location
    if group.date is None and other.date is not None:
        group.date, group.precision = other.date, other.precision


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Groups of mentions that tell the same meeting, in order of their first mention."""
    groups: list[Mention] = []
    last: Mention | None = None
    pending: list[Mention] = []
    for i, men in enumerate(mentions):
        if men.relative and men.date is None:
            dated = [x for x in mentions[:i] if x.date is not None]
            src = next((x for x in reversed(dated) if men.ref_text and x.trigger_text == men.ref_text),
                       dated[-1] if dated else None)
            if src is not None:
                men.date, men.precision = src.date, src.precision
        if men.anaphoric:
            if last is not None:
                _absorb(last, men)
            else:
                pending.append(men)
            continue
        target = None
        for g in reversed(groups):
            shared = len(g.names & men.names)
            if not _compatible(g, men) or not shared:
                continue
            if (g.kind == men.kind) or shared >= 2:
                target = g
                break
        if target is None:
            groups.append(men)
            target = men
            for p in pending:
                _absorb(men, p)
            pending = []
        else:
            _absorb(target, men)
        last = target
    return groups


def _keep(g: Mention) -> bool:
    """A meeting needs named sides: people, or localities with a date or a place."""
    anchor = g.date is not None or g.location is not None
    n_people, n_loc = len(g.people), len(g.localities)
    return n_people >= 2 or (n_people == 1 and (anchor or n_loc >= 1)) or (n_loc >= 2 and anchor)


_APPOS_END = regex.compile(r"[.;:()\n]|\s(?:và|cùng|đã|sẽ|tiếp|cho biết)\s")


def _international(body: str, person: Person) -> bool:
    """The person's title names an international organisation (`Tổng Thư ký LHQ Kofi Annan`)."""
    if not person.title:
        return False
    floor = max(0, person.start - 120)
    at = body.rfind(person.title, floor, person.start)
    if at >= 0:
        affiliation = body[at + len(person.title): person.start]
    else:  # appositive: `ông X, Chủ tịch Ban Công tác WTO`
        tail = body[person.end: person.end + 120]
        cut = _APPOS_END.search(tail, 2)
        affiliation = tail[: cut.start() if cut else len(tail)]
    return INTL.search(affiliation) is not None


def _foreign_sides(doc: ArticleText, idx: SentenceIndex, g: Mention) -> None:
    """A foreign name with no country in its title takes the one foreign country named in its sentence,
    else in its paragraph (`Tổng thống Nasagiin Bagabandi` in a Viet Nam–Mongolia story); one titled
    with an international organisation stays without a side."""
    body = doc.body
    for i, p in enumerate(g.people):
        if p.side is not None or not is_foreign_name(p.name) or _international(body, p):
            continue
        sent = idx.sentence_at(p.start)
        found = scope_in(sent.text).countries
        if not found:
            a, b = idx.line_bounds(p.start)
            found = scope_in(body[a:b]).countries
        if len(found) == 1:
            g.people[i] = replace(p, side=found[0])


def _in_scope(doc: ArticleText, g: Mention) -> bool:
    """Viet Nam ↔ foreign, from the participants' sides, the localities' countries, then what the
    meeting's sentences name in an actor's place. A side that only a bare title gave (`Thủ tướng Ôn Gia
    Bảo`) is Vietnamese only in an article that names Viet Nam, unless only Viet Nam has that office
    unqualified (`Chủ tịch nước`, `Chủ tịch UBND`); a Viet Nam side is implied by a plainly
    Vietnamese article when at most one person is named (`… tiếp đoàn doanh nghiệp Nhật Bản`)."""
    body = doc.body
    vn = any(p.side == _VIETNAM and (p.locality or VN_TITLE.search(p.title or "")) for p in g.people)
    foreign = any((p.side and p.side != _VIETNAM) or is_foreign_name(p.name) for p in g.people)
    loc_vn, loc_foreign = place_sides(g.localities)
    vn, foreign = vn or loc_vn, foreign or loc_foreign
    if vn and foreign:
        return True
    for men in [g, *g.members]:
        sc = scope_in(body[men.start: men.end], strict=True)
        vn, foreign = vn or sc.vn, foreign or sc.foreign
        if vn and foreign:
            return True
    if not foreign:
        return False
    if any(p.side == _VIETNAM for p in g.people) and article_sides(doc.extra, body)[0] > 0:
        return True
    if len(g.people) < 2:  # two or more foreigners and no Vietnamese: foreign–foreign
        return article_is_vietnamese(doc.extra, body)
    return False


def meeting_groups(doc: ArticleText) -> list[Mention]:
    """Merged meetings kept for output (in scope or not), cached on the document for the agreement
    extractor."""
    cached = doc.extra.get("_meeting_groups")
    if cached is None or cached[0] != len(doc.body):
        groups = [g for g in _merge(_mentions(doc)) if _keep(g)]
        if groups:
            idx = SentenceIndex(doc.body)
            for g in groups:
                _foreign_sides(doc, idx, g)
                g.in_scope = _in_scope(doc, g)
        cached = doc.extra["_meeting_groups"] = (len(doc.body), groups)
    return cached[1]


def _evidence(g: Mention) -> tuple[int, int]:
    """The sentence that tells the most about the meeting: dated, most people, earliest."""
    told = [m for m in [g, *g.members] if not m.anaphoric]
    best = max(told, key=lambda m: (*m.own, -m.start))
    return best.start, best.end


def _row(doc: ArticleText, g: Mention) -> dict:
    start, end = _evidence(g)
    people = [{"name": p.name, "title": p.title, "side": p.side} for p in g.people]
    return {
        "date": g.date,
        "date_precision": g.precision if g.date else "unknown",
        "mode": g.mode,
        "kind": g.kind,
        "location": g.location,
        "participants": people,
        "localities": g.localities,
        "evidence": doc.body[start:end],
        "evidence_start": start,
        "evidence_end": end,
    }


def extract_meetings(doc: ArticleText) -> list[dict]:
    """Meeting rows (contract columns except ``meeting_id`` and ``article_id``)."""
    return [_row(doc, g) for g in meeting_groups(doc) if g.in_scope]


__all__ = ["extract_meetings", "meeting_groups", "Mention"]
