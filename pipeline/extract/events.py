"""Shared helpers for the meeting and agreement extractors.

Lexicons (``pipeline/lexicons/*.tsv``) are read and compiled once at import. Places, people and dates
come from ``pipeline.gazetteer``, ``pipeline.people`` and ``pipeline.dates``, shifted to body offsets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import ahocorasick
import regex

from pipeline.dates import find_dates, year_or_stand_in
from pipeline.gazetteer import country_name, find_places, lookup
from pipeline.people import PersonMention, find_people
from pipeline.text import Span, sentences

if TYPE_CHECKING:
    from pipeline.extract import ArticleText

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_OLD_STYLE = regex.compile(r"([òóỏõọÒÓỎÕỌ])([aeAE])(?!\w)|([ùúủũụÙÚỦŨỤ])([yY])(?!\w)")


def read_tsv(name: str, width: int) -> list[list[str]]:
    """Rows of a lexicon TSV (comments and blank lines skipped), padded to ``width`` columns."""
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        rows.append((cols + [""] * width)[:width])
    return rows


def _move_tone(m: regex.Match) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    parts = unicodedata.normalize("NFD", first)
    tone = "".join(c for c in parts if c in _TONES)
    base = "".join(c for c in parts if c not in _TONES)
    return unicodedata.normalize("NFC", base + second + tone)


def with_old_tones(pattern: str) -> str:
    """``pattern`` plus its old-style tone spelling (``hòa`` → ``hoà``, ``thủy`` → ``thuỷ``)."""
    old = _OLD_STYLE.sub(_move_tone, pattern)
    return pattern if old == pattern else f"(?:{pattern}|{old})"


def word_alt(patterns: list[str], ignore_case: bool = True) -> str:
    """One word-bounded alternation of the patterns (longest first)."""
    alts = "|".join(with_old_tones(p) for p in sorted(patterns, key=len, reverse=True))
    body = f"(?:{alts})"
    return f"(?<![\\w]){'(?i:' + body + ')' if ignore_case else body}(?!\\w)"


def _old_literal(text: str) -> str:
    return _OLD_STYLE.sub(_move_tone, text)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon match: its span in the body and the row of the lexicon it came from."""

    start: int
    end: int
    row: int
    text: str


class TriggerSet:
    """Regex patterns found through their literal anchors.

    An Aho–Corasick pass over the body finds the anchors (in their usual cases and both tone
    spellings); only the patterns of a found anchor are tried, in a small window around it.
    Longest match wins where two overlap.
    """

    def __init__(self, lexicons: dict[str, list[tuple[str, bool, str]]], before: int = 30, after: int = 50):
        self.before, self.after = before, after
        by_anchor: dict[tuple[str, str], list[int]] = {}
        for name, rows in lexicons.items():
            for i, (_, _, anchor) in enumerate(rows):
                for a in anchor.split("|"):
                    by_anchor.setdefault((a, name), []).append(i)
        table: dict[str, list] = {}
        for (anchor, name), idx in by_anchor.items():
            rows = lexicons[name]
            rx = regex.compile("|".join(
                f"(?P<r{i}>(?<!\\w){_wrap(rows[i][0], rows[i][1])}(?!\\w))"
                for i in sorted(idx, key=lambda i: -len(rows[i][0]))))
            for spelling in {anchor, _old_literal(anchor)}:
                for variant in _cases(spelling):
                    table.setdefault(variant, []).append((name, rx))
        self.names = list(lexicons)
        self.auto = ahocorasick.Automaton()
        for variant, entries in table.items():
            self.auto.add_word(variant, (len(variant), tuple(entries)))
        self.auto.make_automaton()

    def find(self, body: str) -> dict[str, list[Hit]]:
        """Non-overlapping matches in ``body``, by lexicon."""
        found: dict[str, dict[tuple[int, int], Hit]] = {n: {} for n in self.names}
        for end, (length, entries) in self.auto.iter(body):
            start = end + 1 - length
            a, b = max(0, start - self.before), min(len(body), end + 1 + self.after)
            for name, rx in entries:
                for m in rx.finditer(body, a, b):
                    if m.start() <= start and m.end() > end:
                        found[name][(m.start(), m.end())] = Hit(m.start(), m.end(), int(m.lastgroup[1:]),
                                                                m.group(0))
        out: dict[str, list[Hit]] = {}
        for name, hits in found.items():
            kept: list[Hit] = []
            for h in sorted(hits.values(), key=lambda h: (h.start, -h.end)):
                if not kept or h.start >= kept[-1].end:
                    kept.append(h)
            out[name] = kept
        return out


def _cases(text: str) -> set[str]:
    """The ways an anchor is written: lower case, sentence case, title case, upper case."""
    low = text.lower()
    return {text, low, low[:1].upper() + low[1:], low.title(), low.upper()}


def hits(extra: dict, body: str, lexicon: str) -> list[Hit]:
    """Matches of one lexicon in ``body``; one scan serves both extractors (cached in ``extra``)."""
    cached = extra.get("_hits")
    if cached is None or cached[0] != len(body):
        cached = extra["_hits"] = (len(body), SCANNER.find(body))
    return cached[1][lexicon]


def _wrap(pattern: str, cased: bool) -> str:
    p = with_old_tones(pattern)
    return p if cased else f"(?i:{p})"


MEETING_ROWS = read_tsv("meeting_triggers.tsv", 5)  # pattern, kind, mode, flags, anchor
AGREEMENT_ROWS = read_tsv("agreement_types.tsv", 4)  # pattern, type, flags, anchor
SCANNER = TriggerSet({
    "meeting": [(p, "cased" in flags, anchor) for p, _, _, flags, anchor in MEETING_ROWS],
    "agreement": [(p, False, anchor) for p, _, _, anchor in AGREEMENT_ROWS],
})


def _load_cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for cue, pattern in read_tsv("cues.tsv", 2):
        out.setdefault(cue, []).append(pattern)
    return out


CUE_PATTERNS = _load_cues()
CUES = {k: regex.compile(word_alt(v)) for k, v in CUE_PATTERNS.items()}
# `cue` right before a position: search it in the text that ends there.
CUES_BEFORE = {k: regex.compile(word_alt(v) + r"[\s,]*$") for k, v in CUE_PATTERNS.items()}
YEAR_RANGE = regex.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:[-–—/]|đến(?:\s+năm)?)\s*((?:19|20)\d\d)(?!\d)"
)


def _fields() -> list[tuple[regex.Pattern, str]]:
    return [(regex.compile(word_alt(p.split("|"))), f) for p, f in read_tsv("fields.tsv", 2)]


FIELDS = _fields()


def cue_in(cue: str, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """First match of a cue class in ``text[pos:endpos]``."""
    return CUES[cue].search(text, pos, len(text) if endpos is None else endpos)


def cue_before(cue: str, text: str, pos: int, window: int = 40) -> bool:
    """True when a cue of class ``cue`` ends right before ``pos`` (spaces and commas allowed)."""
    return CUES_BEFORE[cue].search(text, max(0, pos - window), pos) is not None


_VENUE_TAIL = regex.compile(word_alt(CUE_PATTERNS["venue"]) + r"[^,;()]*$")


def is_venue(text: str, pos: int, floor: int = 0) -> bool:
    """True when the place at ``pos`` sits in a ``tại …`` / ``ở …`` phrase (no comma between)."""
    return _VENUE_TAIL.search(text, max(floor, pos - 40), pos) is not None


def fields_in(text: str) -> list[str]:
    """Sector codes named in ``text``, in lexicon order."""
    return [f for rx, f in FIELDS if rx.search(text)]


# --- sentences -----------------------------------------------------------------------------


class SentenceIndex:
    """Sentences of a body computed lazily, one line at a time."""

    def __init__(self, body: str):
        self.body = body
        self._lines: dict[int, list[Span]] = {}

    def line_bounds(self, pos: int) -> tuple[int, int]:
        start = self.body.rfind("\n", 0, pos) + 1
        end = self.body.find("\n", pos)
        return start, len(self.body) if end < 0 else end

    def sentence_at(self, pos: int) -> Span:
        start, end = self.line_bounds(pos)
        spans = self._lines.get(start)
        if spans is None:
            spans = self._lines[start] = sentences(self.body, start, end)
        for s in spans:
            if s.start <= pos < s.end:
                return s
        return Span(start, end, self.body[start:end])

    def clause_at(self, pos: int) -> Span:
        """The semicolon clause of the sentence holding ``pos``."""
        s = self.sentence_at(pos)
        a = self.body.rfind(";", s.start, pos) + 1 or s.start
        b = self.body.find(";", pos, s.end)
        b = s.end if b < 0 else b
        while a < b and self.body[a].isspace():
            a += 1
        return Span(a, b, self.body[a:b])


# --- places, people and dates with offsets into the body ----------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    canonical: str
    country: str | None
    level: str

    @property
    def is_country(self) -> bool:
        return self.level == "country"


Person = PersonMention


@dataclass(frozen=True, slots=True)
class When:
    start: int
    end: int
    date: date | None
    precision: str
    days: int = 1  # a day range's length (`từ ngày 8 đến 11/7`: 4), its first day being ``date``


def places_in(text: str, offset: int = 0) -> list[Place]:
    """Places in ``text`` with offsets shifted by ``offset``."""
    return [Place(m.start + offset, m.end + offset, m.place.canonical, m.place.country, m.place.level)
            for m in find_places(text)]


def lookup_place(name: str) -> Place | None:
    """The gazetteer entry for a canonical or surface name, if any."""
    p = lookup(name) if name else None
    return None if p is None else Place(0, 0, p.canonical, p.country, p.level)


def place_sides(names) -> tuple[bool, bool]:
    """(a Vietnamese place, a foreign place) among the canonical ``names``."""
    countries = {p.country for p in map(lookup_place, names) if p and p.country}
    return "VN" in countries, bool(countries - {"VN"})


def people_in(text: str, offset: int = 0) -> list[Person]:
    """People named in ``text`` with offsets shifted by ``offset``."""
    return [replace(p, start=p.start + offset, end=p.end + offset, title=p.title or None)
            for p in find_people(text)]


def dates_in(doc: ArticleText, text: str, offset: int = 0) -> list[When]:
    """Dates in ``text``, a piece of ``doc.body`` at ``offset`` (offsets shifted by it). A day told without a
    year is read in a stand-in year when the article gives none, so that it still dates its mention; the row
    then shows no date (``dates.stated``)."""
    out = []
    for d in find_dates(text, year_or_stand_in(doc.reference_year), doc.published_at):
        if d.kind == "period" and d.period_start and d.period_end and (d.period_end - d.period_start).days > 31:
            continue  # a term (`giai đoạn 2023-2027`), not when something happened
        days = (d.period_end - d.period_start).days + 1 if d.kind == "period" and d.period_end and d.date else 1
        out.append(When(d.start + offset, d.end + offset, d.date, d.precision if d.date else "unknown", days))
    return out


def best_date(found: list[When], anchor: int) -> When | None:
    """The most precise dated mention, the nearest to ``anchor`` among equals."""
    dated = [w for w in found if w.date is not None]
    if not dated:
        return None
    return max(dated, key=lambda w: (PRECISION_RANK.get(w.precision, 0), -abs(w.start - anchor)))


def mode_of(text: str, default: str = "unknown") -> str:
    """``online`` / ``in_person`` from cues in ``text``, else ``default``."""
    if cue_in("online", text):
        return "online"
    if cue_in("in_person", text):
        return "in_person"
    return default


# --- scope: a Viet Nam side and a foreign side ------------------------------------------------


def _scope_rows() -> tuple[list[tuple[str, regex.Pattern, str | None]], dict[str, list[str]]]:
    rows, words = [], {}
    for side, pattern, country in read_tsv("scope_cues.tsv", 3):
        if side in ("actor", "topic", "vn_title"):
            words.setdefault(side, []).append(pattern)
        else:
            rows.append((side, regex.compile(rf"(?<![\w]){with_old_tones(pattern)}(?!\w)"), country or None))
    return rows, words


SCOPE_ROWS, _SCOPE_WORDS = _scope_rows()
# All scope rows in one pattern (`s<i>` names row i), longest alternatives first within a row.
_SCOPE_ANY = regex.compile("|".join(f"(?P<s{i}>{rx.pattern})" for i, (_, rx, _) in enumerate(SCOPE_ROWS)))
INTL = regex.compile("|".join(f"(?:{rx.pattern})" for side, rx, _ in SCOPE_ROWS if side == "intl"))
_ACTOR_BEFORE = regex.compile(word_alt(_SCOPE_WORDS["actor"]).replace("(?!\\w)", "") + r"(?:\s+[^\s,;.()]+){0,3}?\s*$")
_TOPIC = regex.compile(word_alt(_SCOPE_WORDS["topic"]))
VN_TITLE = regex.compile(word_alt(_SCOPE_WORDS["vn_title"]))
_ACTOR_WINDOW, _TOPIC_WINDOW = 60, 50


@dataclass(frozen=True, slots=True)
class Scope:
    """Sides named in a stretch of text: a Viet Nam one, a foreign one, and the foreign countries."""

    vn: bool
    foreign: bool
    countries: tuple[str, ...]


def _as_actor(text: str, pos: int) -> bool:
    """A foreign name at ``pos`` stands for a side: an actor word before it, no topic word."""
    if _TOPIC.search(text, max(0, pos - _TOPIC_WINDOW), pos):
        return False
    return _ACTOR_BEFORE.search(text, max(0, pos - _ACTOR_WINDOW), pos) is not None


def scope_in(text: str, strict: bool = False) -> Scope:
    """Sides named in ``text``. A foreign place in a ``tại …`` phrase is where it happened, not a side
    (`gặp cộng đồng người Việt Nam tại Pháp`); a Vietnamese one names the host. ``strict``: foreign
    names count only in an actor's place (see ``scope_cues.tsv``)."""
    vn = foreign = False
    countries: list[str] = []
    for p in places_in(text):
        if p.country == "VN":
            vn = True
        elif p.country and not is_venue(text, p.start) and (not strict or _as_actor(text, p.start)):
            foreign = True
            countries.append(p.country)
    for m in _SCOPE_ANY.finditer(text):
        side, _, country = SCOPE_ROWS[int(m.lastgroup[1:])]
        if side in ("vn", "pair"):
            vn = True
            foreign = foreign or side == "pair"
        elif country and is_venue(text, m.start()):
            continue
        elif not strict or (side == "foreign" and not country) or _as_actor(text, m.start()):
            foreign = True
            if country:
                countries.append(country)
    return Scope(vn, foreign, tuple(unique(countries)))


def article_sides(extra: dict, body: str) -> tuple[int, int]:
    """How often the article names Viet Nam (its places and institutions) and foreign countries, places
    and organisations (cached in ``extra``)."""
    cached = extra.get("_article_sides")
    if cached is None or cached[0] != len(body):
        vn = foreign = 0
        for p in places_in(body):
            if p.country == "VN":
                vn += 1
            elif p.country:
                foreign += 1
        for m in _SCOPE_ANY.finditer(body):
            side = SCOPE_ROWS[int(m.lastgroup[1:])][0]
            vn += side in ("vn", "pair")
            foreign += side != "vn"
        cached = extra["_article_sides"] = (len(body), (vn, foreign))
    return cached[1]


def article_countries(extra: dict, body: str) -> list[str]:
    """Foreign countries the article names, most named first (cached in ``extra``)."""
    cached = extra.get("_article_countries")
    if cached is None or cached[0] != len(body):
        counts: dict[str, int] = {}
        for p in places_in(body):
            if p.country and p.country != "VN":
                counts[p.country] = counts.get(p.country, 0) + 1
        names = [country_name(c) for c in sorted(counts, key=lambda c: -counts[c])]
        cached = extra["_article_countries"] = (len(body), [n for n in names if n])
    return cached[1]


def article_is_vietnamese(extra: dict, body: str) -> bool:
    """The article is plainly Viet Nam-local: Vietnamese places and institutions outnumber foreign ones."""
    vn, foreign = article_sides(extra, body)
    return vn >= 2 and vn > foreign


def unique(items) -> list:
    """Items in first-seen order without repeats."""
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
