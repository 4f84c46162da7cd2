"""Named officials: `Bí thư Tỉnh ủy Cao Bằng Trần Hồng Minh`, `ông Chân Kiến Vĩ, Phó Thị trưởng TP Sùng Tả`.

Two patterns, both anchored on a title from ``lexicons/titles.tsv``:

- title first: title chain, then its organisation/place words, then the name;
- appositive: (honorific) name, comma, title chain and its places.

A name is 2–4 capitalised syllables starting with a family name from ``lexicons/surnames.tsv``
(or, after an honorific, 2–4 Latin words such as `Phimpha Keomixay`) that is not a place.
Side: the first place/country named in the title (not after `tại`/`ở`, the posting), else the
side of the same name elsewhere in the text, else the side the bare title implies, else None.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

import ahocorasick
import regex

from pipeline.gazetteer import (
    LEXICONS,
    PlaceMatch,
    _read,
    find_places,
    lookup,
    not_places,
    surnames,
    tone_variants,
)


@dataclass(frozen=True)
class PersonMention:
    """A named person at ``text[start:end] == name``."""

    start: int
    end: int
    name: str
    title: str | None
    side: str | None
    locality: str | None
    sure: bool = False  # the side comes from a place or country named in this mention's title


# honorifics before a name, and academic titles used as such (`tiến sĩ X, giám đốc WHO …`): not the person's title
_HONORIFIC = r"(?:ông|bà|Ông|Bà|đồng chí|Đồng chí|ngài|Ngài|[Tt]iến sĩ|[Gg]iáo sư|[Bb]ác sĩ|(?:P?GS\.?\s?)?TS\.?|P?GS\.?)"
_SYL = r"\p{Lu}\p{Ll}*"
# Latin-script words, with the accents of European names (`Díaz - Canel`, `Smejc`).
# Phonetic spellings join a word's syllables with hyphens, spaced or not
# (`Thoong - lun Xi - xu - lit`), also in Vietnamese letters (`Bun-nhăng Vo-lạ-chít`).
_LATIN = r"(?:\p{Lu}\p{Ll}+(?:\s?-\s?\p{Ll}+)+|[A-Z][a-zà-öø-ÿ]+(?:\s?-\s?[A-Z]?[a-zà-öø-ÿ]+)*)(?![\p{L}])"
_WORD_BREAK = regex.compile(r"(?<!-)\s+(?!-)")
# Words that end a title's tail: the clause goes on with a verb or a conjunction.
_STOP = regex.compile(
    r"\b(?:đã|sẽ|đang|cho biết|là|và|cùng|với|tiếp|gặp|được|khẳng định|nói|phát biểu|đề nghị|trao|"
    r"nhấn mạnh|chủ trì|dẫn đầu|có|thăm|tới|đến|làm việc|hội đàm|hội kiến|chúc mừng|giới thiệu)\b"
)
# a dot ends a title's tail unless it closes a place abbreviation
# (`Bí thư Thành ủy TP. HCM X`) or sits inside a number (`Ủy ban Công nghiệp 4.0 X`)
_DELIM = regex.compile(r"[;:!?()\[\]\"“”\n|]|(?<!(?<!\w)(?:TP|Tp|TX|Tx|TT|Q|P))(?<!\d(?=\.\d))\.")
_DELIM_APPOS = regex.compile(r"[;:!?\"“”\n|]|\.(?!\s*(?:HCM|Hồ|\p{Lu}\p{Ll}+ \p{Lu}))")
# Syllables that are never part of a person's given name (organisation and calendar words).
_NOT_NAME = frozenset("Tháng Ủy Ban Sở Bộ Ty Tỉnh Phố Quận Huyện Xã Đảng Phủ Viện Cục Khu Ngày Tuần Đoàn "
                      "Hội Chủ".split())
_MAX_TAIL = 90
_MAX_PLACE = 80  # no place name is longer
_FOREIGN = "??"  # marker: a foreign (Latin-script) name with no country named; reported as None
_VOWELS = regex.compile(r"[aeiouy]+")
_LATIN_RX = regex.compile(_LATIN)
_POSTING = regex.compile(r"\b(?:tại|ở)\s+(?:\S+\s+){0,3}$")
_SYL_RX = regex.compile(_SYL)
_SYL_RUN = regex.compile(rf"{_SYL}(?: {_SYL})*")
# Lower-case particles inside foreign names (`Raus bin Sharif`, `Ursula von der Leyen`).
# Words of organisation and place names written in Latin script (`Carlyle Group`, `St Petersburg`).
_NOT_PERSON = frozenset("Group Corporation Corp Company Bank Holdings Inc Ltd Co University Institute Foundation "
                        "Airlines Airways Motor Motors Electric Electronics Capital Credit Partners Fund Trust St Saint City "
                        "Street Airport Port Center Centre Hotel Resort Club Association".split())
_PARTICLES = frozenset("bin binti bint van von der de da del al el".split())
_PARTICLE = r"(?:bin|binti|bint|van|von|der|de|da|del|al|el)"
_LATIN_RUN = regex.compile(rf"{_LATIN}(?: (?:{_PARTICLE} )*{_LATIN}){{1,5}}")
_ADMIN_BEFORE = regex.compile(r"(?<!\w)(?:tỉnh|(?<!iên )bang|thành phố|TP\.?|quận|hạt|châu|vùng)\s+$")  # not `liên bang`
_DEPUTY = regex.compile(r"[Pp]hó\s+")
_APPOS_STOP = regex.compile(r"\s(?:và|cùng|đã|sẽ|tiếp|cho biết)\s")


@cache
def _titles() -> tuple[regex.Pattern, dict[str, str | None]]:
    rows = _read("titles.tsv")
    # both tone-mark placements (`Thành ủy` / `Thành uỷ`, `Hòa` / `Hoà`): outlets write either
    sides = {v: (r["side"] or None) for r in rows for v in sorted(tone_variants(r["title"]))}
    alts = []
    for t in sorted(sides, key=len, reverse=True):
        head = regex.escape(t[0])
        alts.append(f"[{t[0]}{t[0].lower()}]" + regex.escape(t[1:]) if t[0].isupper() else head + regex.escape(t[1:]))
    title = r"(?:" + "|".join(alts) + r")(?![\p{L}\p{N}])"
    title = r"(?i:" + title + r")"
    chain = rf"{title}(?:(?:\s*,\s*|\s+kiêm\s+){title})*"
    return regex.compile(chain), sides


@cache
def _sided_titles() -> tuple[regex.Pattern, dict[str, str]]:
    """One pattern over the titles that imply a side (longest first), and casefolded title → side."""
    sides = {t.casefold(): s for t, s in _titles()[1].items() if s}
    alts = "|".join(regex.escape(t) for t in sorted(sides, key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])"), sides


@cache
def _title_starts() -> ahocorasick.Automaton:
    """Lower-cased titles, to find where a title may start without running the chain pattern everywhere."""
    auto = ahocorasick.Automaton()
    for t in _titles()[1]:
        auto.add_word(t.lower(), len(t))
    auto.make_automaton()
    return auto


def _title_matches(text: str):
    """What ``_titles()[0].finditer(text)`` finds, trying the pattern only where a title starts."""
    low = text.lower()
    chain = _titles()[0]
    if len(low) != len(text):  # a case mapping changed the length: offsets would not line up
        yield from chain.finditer(text)
        return
    starts = sorted({end + 1 - n for end, n in _title_starts().iter(low)})
    last = 0
    for s in starts:
        if s < last:
            continue
        m = chain.match(text, s)
        if m:
            last = m.end()
            yield m


def _title_side(chain: str) -> str | None:
    """The side implied by the chain's most specific title (longest match wins)."""
    rx, sides = _sided_titles()
    found = [(len(m.group()), sides[m.group().casefold()]) for m in rx.finditer(chain, overlapped=True)]
    return max(found)[1] if found else None


def _one_syllable(tok: str) -> bool:
    """A Vietnamese syllable has one vowel group (`Nguyễn`, `Quyết`); `Simone` has three."""
    return len(_VOWELS.findall(fold(tok.lower()))) == 1


def fold(s: str) -> str:
    """Letters without tone and vowel marks (`Nguyễn` → `Nguyen`), for comparing spellings."""
    return "".join(c for c in unicodedata.normalize("NFD", s.replace("đ", "d")) if not unicodedata.combining(c))


def _is_surname_name(tokens: list[str]) -> bool:
    return (2 <= len(tokens) <= 4 and tokens[0] in surnames() and " ".join(tokens) not in not_places()
            and all(map(_one_syllable, tokens)) and not any(t in _NOT_NAME for t in tokens[1:]))


def _words(name: str) -> list[str]:
    """The words of a name, hyphenated syllables kept together (`Xi - xu - lit`)."""
    return _WORD_BREAK.split(name.strip())


def _is_latin_name(tokens: list[str]) -> bool:
    """Foreign names: ASCII words, at least one with two vowel groups (no Vietnamese syllable has);
    lower-case particles (`bin`, `van`) do not count."""
    tokens = [t for t in tokens if t not in _PARTICLES]
    if not 2 <= len(tokens) <= 4 or not all(_LATIN_RX.fullmatch(t) for t in tokens) or _NOT_PERSON & set(tokens):
        return False
    return any(len(_VOWELS.findall(fold(t.lower()))) >= 2 for t in tokens)


_VN_SYLLABLE = regex.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]+(?:ch|nh|ng|[cmnpt])?")


@cache
def _foreign_surnames() -> frozenset[str]:
    """Family names of ``lexicons/surnames.tsv`` no Vietnamese or Chinese name has (`Park`, `Choi`)."""
    return frozenset(r["surname"] for r in _read("surnames.tsv")
                     if not {"VN", "CN"} & set(r["origin"].split("|")))


def is_foreign_name(name: str) -> bool:
    """True for a name no Vietnamese (or Sino-Vietnamese) name could be: Latin-script words
    (`Kofi Annan`), a foreign family name (`Chang Byung Gyu`) or a syllable Vietnamese spelling does not
    have (`Kim Won Ki`, `M.Morshed Khan`)."""
    tokens = _words(name)
    if _is_latin_name(tokens) or (tokens and tokens[0] in _foreign_surnames()):
        return True
    return any(not _VN_SYLLABLE.fullmatch(fold(t.lower())) for t in tokens)


@cache
def _other_country_names() -> list[tuple[regex.Pattern, str]]:
    """Country abbreviations and capitals the gazetteer does not hold (`Thủ tướng TQ …`), from
    ``lexicons/scope_cues.tsv`` (rows of side ``foreign`` with a country)."""
    out = []
    for line in (LEXICONS / "scope_cues.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0] == "foreign" and cols[2].strip():
            out.append((regex.compile(rf"(?<!\w)(?:{cols[1]})(?!\w)"), cols[2].strip()))
    return out


def _side_and_locality(places: list[PlaceMatch], seg: str, seg_start: int) -> tuple[str | None, str | None]:
    side = locality = None
    for m in places:
        before = seg[: m.start - seg_start]
        if _POSTING.search(before):
            continue  # posting place, not who the person represents
        if side is None:
            side = m.place.country
        if locality is None and m.place.level != "country" and m.place.country == side:
            locality = m.place.canonical
    if side is None:
        for rx, country in _other_country_names():
            m = rx.search(seg)
            if m and not _POSTING.search(seg[: m.start()]):
                return country, None
    return side, locality


def _name_in_tail(text: str, start: int, end: int, places: list[PlaceMatch]) -> tuple[int, int] | None:
    """The first name in ``text[start:end]``, skipping places and organisation words."""
    blocked = [(m.start, m.end) for m in places]
    for run in _SYL_RUN.finditer(text, start, end):
        toks = [(t.start(), t.end()) for t in _SYL_RX.finditer(run.group())]
        toks = [(run.start() + a, run.start() + b) for a, b in toks
                if not any(s <= run.start() + a < e for s, e in blocked)]
        words = [text[a:b] for a, b in toks]
        for i in range(len(words)):
            cand = words[i:]
            contiguous = all(toks[j + 1][0] == toks[j][1] + 1 for j in range(i, len(toks) - 1))
            if contiguous and len(cand) <= 4 and _is_surname_name(cand) and text[toks[-1][1]:toks[-1][1] + 1] != "-":
                return toks[i][0], toks[-1][1]  # not `Lee Jae` of `Lee Jae-yong`
    for run in _LATIN_RUN.finditer(text[:end], start):
        s0, words = run.start(), _words(run.group())
        while words and (lookup(words[0], foreign_units=False) is not None  # `Thủ tướng Malta Dom Mintoff`
                         or any(s <= s0 < e for s, e in blocked)  # `Thủ tướng New Zealand X`
                         or any(rx.fullmatch(words[0]) for rx, _ in _other_country_names())
                         or _ADMIN_BEFORE.search(text, max(0, s0 - 16), s0)):  # `Thống đốc tỉnh Aichi X`
            s0 += len(words.pop(0)) + 1
        for _ in range(_org_words(words)):  # `Chủ tịch Home Credit Jiri Smejc`: the company comes first
            s0 += len(words.pop(0)) + 1
        # After a foreign country in the title any Latin words are the name (`Thủ tướng Campuchia Hun Sen`).
        foreign = any(m.place.country not in (None, "VN") and m.end <= s0 for m in places)
        if (_is_latin_name(words) or (foreign and 2 <= len([w for w in words if w not in _PARTICLES]) <= 4
                                       and not _NOT_PERSON & set(words))) and not any(
                s < run.end() and s0 < e for s, e in blocked):
            return s0, run.end()
    return None


def _org_words(words: list[str]) -> int:
    """How many leading words of a Latin run name an organisation before a person: up to its last
    organisation word (`Home Credit`, `Toyota Motor`), else up to a foreign family name (`Samsung Lee
    Jae-yong`); none unless two words are left for the name."""
    org = max((i + 1 for i, w in enumerate(words) if w in _NOT_PERSON), default=0)
    if not org:
        org = next((i for i, w in enumerate(words) if i and w in _foreign_surnames()), 0)
    return org if len(words) - org >= 2 else 0


def _clip(text: str, start: int, limit: int) -> int:
    end = min(len(text), start + limit)
    m = _DELIM.search(text, start, end)
    if m:
        end = m.start()
    for m in _STOP.finditer(text, start, end):
        if m.group() == "và" and _ORG_AND.match(text, m.end()) and not _titles()[0].match(text, m.end() + 1):
            continue  # `Bộ trưởng Kinh tế và Công nghiệp Israel X`: the organisation's name goes on
        return m.start()
    return end


def _places_from(places: list[PlaceMatch], starts: list[int], a: int, b: int) -> list[PlaceMatch]:
    """The places (sorted by start, ``starts`` their starts) that start in ``[a, b)``."""
    return places[bisect_left(starts, a): bisect_left(starts, b)]


def _title_first(text: str, places: list[PlaceMatch]) -> list[tuple[PersonMention, bool]]:
    out = []
    starts = [m.start for m in places]
    for tm in _title_matches(text):
        if tm.start() and text[tm.start() - 1].isalpha():
            continue
        end = _clip(text, tm.end(), _MAX_TAIL)
        comma = text.find(",", tm.end(), end)
        if comma != -1:
            end = comma
        tail_places = [m for m in _places_from(places, starts, tm.end(), end) if m.end <= end]
        span = _name_in_tail(text, tm.end(), end, tail_places)
        if span is None:
            continue
        s, e = span
        if e < end and text[e:e + 1] == " " and text[e + 1:e + 2].isupper():
            continue  # name runs on into more capitalised words: not a clean name
        chain_places = [m for m in tail_places if m.end <= s]
        side, loc = _side_and_locality(chain_places, text[tm.start():s], tm.start())
        if side is None and _is_latin_name(_words(text[s:e])):
            prev = lookup(text[tm.end():s].split()[-1]) if text[tm.end():s].split() else None
            side = prev.country if prev and prev.level == "country" else _FOREIGN
        out.append((PersonMention(s, e, text[s:e], tm.group(), side, loc), side not in (None, _FOREIGN)))
    return out


_APPOS = regex.compile(
    rf"(?:(?<hon>{_HONORIFIC})\s+|(?<!\p{{Lu}}\p{{Ll}}* ))(?<name>{_SYL}(?: {_SYL}){{1,3}}|{_LATIN}(?: (?:{_PARTICLE} )?{_LATIN}){{1,3}}),\s+"
)


_COMMA = regex.compile(r",\s+")
_APPOS_REACH = 200  # characters before its comma an appositive's honorific and name can start


def _appositives(text: str, chain_re: regex.Pattern) -> Iterator[tuple[regex.Match, regex.Match]]:
    """(name before a comma, the title right after it): the name is looked for only before a comma a
    title follows (`X, Phó Hiệu trưởng …`: any title may take `Phó`), not at every position of the text."""
    for c in _COMMA.finditer(text):
        deputy = _DEPUTY.match(text, c.end())
        tm = chain_re.match(text, c.end()) or (chain_re.match(text, deputy.end()) if deputy else None)
        if tm is not None:
            for m in _APPOS.finditer(text, max(0, c.start() - _APPOS_REACH), c.end(), overlapped=True):
                if m.end() == c.end():
                    yield m, tm


def _appositive(text: str, places: list[PlaceMatch]) -> list[tuple[PersonMention, bool]]:
    out = []
    starts = [m.start for m in places]
    for m, tm in _appositives(text, _titles()[0]):
        title = text[m.end(): tm.end()]
        name = m.group("name")
        toks = name.split()
        if not (_is_surname_name(toks) or (m.group("hon") and _is_latin_name(toks))):
            continue
        s, e = m.span("name")
        if any(p.end > s for p in _places_from(places, starts, s - _MAX_PLACE, e)):
            continue
        end = min(len(text), tm.end() + _MAX_TAIL)
        d = _DELIM_APPOS.search(text, tm.end(), end)
        end = d.start() if d else end
        st = _APPOS_STOP.search(text, tm.end(), end)
        end = st.start() if st else end
        seg_places = [p for p in _places_from(places, starts, tm.start(), end) if p.end <= end]
        if _name_in_tail(text, tm.end(), end, seg_places):
            continue  # the title has a name of its own: `X, Thủ tướng Vương quốc Bỉ Guy Verhofstadt`
        side, loc = _side_and_locality(seg_places, text[tm.start():end], tm.start())
        out.append((PersonMention(s, e, name, title, side, loc), side not in (None, _FOREIGN)))
    return out


# a foreign name after an honorific (`Ông Dmitry Medvedev cho rằng …`): a person though no title is told
_PLAIN_LATIN = r"[A-Z][a-zà-öø-ÿ]+(?![\p{L}-])"
_HONORED_LATIN = regex.compile(rf"(?<!\w)(?:[Ôô]ng|[Bb]à|[Nn]gài)\s+(?P<name>{_PLAIN_LATIN}(?: (?:{_PARTICLE} )*{_PLAIN_LATIN}){{1,3}})"
                               r"(?!\s*-)")


def _honorific_latin(text: str, places: list[PlaceMatch]) -> list[tuple[PersonMention, bool]]:
    """Foreign (Latin-script) names right after `ông`, `bà`, `ngài`, with no title; the side is the country
    of an appositive that follows (`ông Katsuro Nagai, Công sứ Đại sứ quán Nhật Bản tại Việt Nam`), if any."""
    if "ông " not in text and "Ông " not in text and "bà " not in text and "Bà " not in text and "gài " not in text:
        return []
    out = []
    starts = [p.start for p in places]
    for m in _HONORED_LATIN.finditer(text):
        s, e = m.span("name")
        if not _is_latin_name(_words(m.group("name"))) or _NEXT_WORD.match(text, e):
            continue
        side = None
        if text.startswith(",", e):
            end = _clip(text, e + 1, _MAX_TAIL)
            seg = [p for p in _places_from(places, starts, e, end) if p.end <= end]
            side = _side_and_locality(seg, text[e:end], e)[0]
        out.append((PersonMention(s, e, m.group("name"), None, side, None), side is not None))
    return out


def find_people(text: str) -> list[PersonMention]:
    """Named people with a title (or a foreign name after an honorific), sorted by start; one mention per
    name span."""
    places = find_places(text)
    first = _title_first(text, places)
    titled = {(pm.start, pm.end): (pm.title or "").casefold() for pm, _ in first}
    # `Chủ tịch Quốc hội X, Chủ tịch Quốc hội Cuba nhấn mạnh`: the office X holds, said again, opens a new subject
    appositive = [(pm, sure) for pm, sure in _appositive(text, places)
                  if not (titled.get((pm.start, pm.end)) and (pm.title or "").casefold().startswith(titled[(pm.start, pm.end)]))]
    best: dict[tuple[int, int], tuple[PersonMention, bool]] = {}
    titled = {pm.name: pm for pm, _ in first + appositive}
    honoured = [(replace(pm, title=titled[pm.name].title) if pm.name in titled else pm, sure)
                for pm, sure in _honorific_latin(text, places)]  # `ông Kofi Annan` … `Tổng Thư ký LHQ Kofi Annan`
    for pm, sure in first + appositive + honoured:
        key = (pm.start, pm.end)
        if key not in best or (sure and not best[key][1]):
            best[key] = (pm, sure)
    mentions = sorted(best.values(), key=lambda x: x[0].start)
    known: dict[str, list[tuple[int, str]]] = {}
    for pm, sure in mentions:
        if sure and pm.side:
            known.setdefault(pm.name, []).append((pm.start, pm.side))
    out = []
    for pm, sure in mentions:
        side, loc = pm.side, pm.locality
        if not sure:
            seen = known.get(pm.name, [])
            earlier = [sd for st, sd in seen if st < pm.start]
            side = earlier[-1] if earlier else (seen[0][1] if seen else _title_side(pm.title or ""))
        if side == _FOREIGN or (side == "VN" and is_foreign_name(pm.name)):
            side = None
        out.append(PersonMention(pm.start, pm.end, pm.name, pm.title, side, loc, sure and side is not None))
    return out


_NOT_ONE = regex.compile(r"(?i)(?:hai|các|những|ba|nhiều|mỗi|vị|nguyên|cựu|ngài|phu nhân)\s+$")
_ONE_WORD = regex.compile(r"\s+(\p{Lu}[\p{Ll}-]+)(?![\p{L}\p{N}])(?!\s+\p{Lu})")
_NEXT_WORD = regex.compile(r"\s+(\p{Lu}[\p{Ll}-]*)(?![\p{L}\p{N}])")
_ORG_AND = regex.compile(r" \p{Lu}\p{Ll}+ \p{Ll}")  # `và Công nghiệp`, `và Đầu tư`: a two-word noun, not a name
_BARE_END = regex.compile(r"\s+\p{Ll}|\s*[,;.:]")


def title_references(text: str) -> list[tuple[int, int, str, str | None, str | None]]:
    """Officials told by title alone or with one word of their name (`Tổng thống Kovind`, `Phó Thủ
    tướng hội đàm với …`): (start, end, title, that word or None, country named in the title or None),
    to resolve against people named elsewhere in the article. Plural or former titles (`hai Thủ
    tướng`, `nguyên Chủ tịch`) are not."""
    out = []
    for tm in _title_matches(text):
        a, b = tm.span()
        if a and text[a - 1].isalpha() or _NOT_ONE.search(text, max(0, a - 12), a):
            continue
        country = None
        while True:  # `Thủ tướng Nga Medvedev`, `Bộ trưởng Quốc phòng Trung Quốc hội đàm`: past the country
            near = find_places(text[b: b + _MAX_PLACE])
            if near and not text[b: b + near[0].start].strip():
                b += near[0].end
                country = country or near[0].place.country
                continue
            word = _NEXT_WORD.match(text, b)
            place = lookup(word.group(1)) if word else None
            if place is None or place.level != "country":
                break
            b = word.end()
            country = country or place.country
        one = _ONE_WORD.match(text, b)
        if one:
            out.append((one.start(1), one.end(1), tm.group(), one.group(1), country))
        elif _BARE_END.match(text, b):
            out.append((a, b, tm.group(), None, country))
    return out

