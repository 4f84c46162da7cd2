"""Parties an agreement names: ``giữa A và B`` with organisations (ministries, banks, companies …),
governments and localities, as canonical names.

A ``và`` / ``với`` / comma inside the phrase separates two parties only where a new party starts
(an organisation head from ``org_heads.tsv``, a known place) or the left side is plainly complete
(one token such as ``PVN``, or a name ending in a country): ``Bộ Tài nguyên và Môi trường`` stays one
party. ``… hai nước`` stands for one party on each side.
"""

from __future__ import annotations

import regex

from pipeline.extract.events import AGREEMENT_ROWS, lookup_place, places_in, read_tsv, word_alt

_ROWS = read_tsv("org_heads.tsv", 2)
_ABBREVIATIONS = dict(read_tsv("party_abbreviations.tsv", 2))  # `VN` → `Việt Nam`


def _alt(kinds: tuple[str, ...]) -> str:
    heads = sorted((h for h, k in _ROWS if k in kinds), key=len, reverse=True)
    return "|".join(regex.escape(h) for h in heads)


_HEAD = regex.compile(rf"(?i)(?:{_alt(('org', 'gov', 'admin'))})(?!\w)(?!\s+(?:trưởng|phó)(?!\w))")  # not `Bộ trưởng`
_GOV = regex.compile(rf"(?i)^(?:{_alt(('gov',))})\s+(?:nước\s+)?")
_ADMIN = regex.compile(rf"(?i)^(?:(?:các|hai|ba)\s+)?(?:(?:{_alt(('admin',))})\s+)+")
_BETWEEN = regex.compile(r"(?<!\w)giữa\s+")
_ACRONYM_CHARS = r"[A-Z][A-Za-z0-9&.\-]{1,11}"
_ACRONYM = rf"\(({_ACRONYM_CHARS})\)"
_STOP = regex.compile(
    r"\s+(?:về|trong|nhằm|để|tại|ở|ngày|vào|từ|đến|tới|theo|thực hiện|cho|giai đoạn|nhân dịp|trị giá|có|được|đã|sẽ"
    rf"|ký|kí|là|năm|cũng|còn|đều|vừa|mới(?=\s+(?:ký|kí|được|đây))|hôm|(?:sáng|chiều|tối|trưa)(?=\s+(?:\d|nay|qua|mai|hôm|thứ|ngày|cùng)|\s*[,.;]|$))(?!\w)|(?<!\bTP)\.|[;:!?\"“”\n]|\s[-–]\s|\((?!{_ACRONYM_CHARS}\))(?![A-ZĐ][^()]{{0,25}}\))")
# `mới` and the parts of the day end a name only as adverbs (`mới ký`, `sáng 5/6`), not inside one (`Quỹ đổi mới`,
# `Cục đổi mới sáng tạo`).
_SEP = regex.compile(r"\s*,\s*|\s+(?:và|với|cùng)\s+")
_BOTH = regex.compile(r"(?i)^(?:(.*?)\s+)?(?:của\s+)?(?:hai|2) (?:nước|bên|quốc gia|chính phủ)$")
_SIDES = regex.compile(r"^(?i:các|hai|ba|một số|nhiều|những)(?:\s+(?!\p{Lu})\S+)+$")  # `hai thành phố`, `các bên`
_STATE_TAIL = regex.compile(r"(?i)\s+(?:của\s+)?(?:nước\s+)?(\S.*)$")
_MAX_PHRASE = 260
_BETWEEN_WINDOW = 160  # a document's name runs at most this far before its `giữa …`
_SUBJECT_LEAD = regex.compile(r"(?i)^(?:.*?(?:gồm|bao gồm|là)\s*:?\s+)?(?:đại diện|lãnh đạo)?\s*")
_MINISTER = regex.compile(r"(?i)^(?:Bộ trưởng|Thứ trưởng)\s+(?:Bộ\s+)?")
_PARTNER_LEAD = regex.compile(r"(?i)^(?:đối tác|phía|bạn)\s+")
_WITH = regex.compile(r"(?<!\w)với\s+")
_DOC = regex.compile(word_alt([p for p, *_ in AGREEMENT_ROWS]))  # the next document of a list
_FIRST_PART = regex.compile(r"[,;()]")
_TRAILING_LINK = regex.compile(r"(?i)(?:\s+(?:và|với|cùng))+$")
_TRAILING_BRACKET = regex.compile(r"\s*\(([^()]*)\)$")
_NAMED = regex.compile(r"\p{Lu}|\d")
_CONSORTIUM = regex.compile(r"(?i)^(?:tổ hợp|liên danh)(?:\s+(?:các\s+)?nhà thầu)?\s+(\S+(?:\s*/\s*\S+)+)$")  # `A / B / C`
_OWNER_TAIL = regex.compile(r"(?i)\s+của$|(?<!nhà)\s+nước$")


def _cased(name: str) -> bool:
    """Written as a proper name: first and last words capitalised (`Cộng hòa nhân dân Trung Hoa`)."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def _country(name: str) -> str | None:
    if not _cased(name):
        return None
    p = lookup_place(_ABBREVIATIONS.get(name, name))
    return p.canonical if p and p.is_country else None


def _place(name: str) -> str | None:
    if not _cased(name):
        return None
    p = lookup_place(_ABBREVIATIONS.get(name, name))
    return p.canonical if p else None


def _starts_party(text: str) -> bool:
    """A new party starts here: an organisation head, a known place, or `đối tác` before a name."""
    partner = _PARTNER_LEAD.match(text)
    if _HEAD.match(text) or (partner and text[partner.end():][:1].isupper()):
        return True
    words = _FIRST_PART.split(text, maxsplit=1)[0].split()
    return any(_place(" ".join(words[:n])) for n in (3, 2, 1) if len(words) >= n)


def _complete(left: str) -> bool:
    """The left side is a whole name: one token (``PVN``), a place, or a name ending in a country."""
    words = left.split()
    if len(words) == 1 or _place(left) or regex.search(_ACRONYM + "$", left):
        return True
    return any(_country(" ".join(words[-n:])) for n in (1, 2, 3) if len(words) > n)


def _phrase(text: str, start: int) -> str:
    end = min(len(text), start + _MAX_PHRASE)
    stop = _STOP.search(text, start, end)
    while stop and _DASH.fullmatch(stop.group()) and _joins_name(text[start: stop.start()], text[stop.end(): end]):
        stop = _STOP.search(text, stop.end(), end)
    return text[start: stop.start() if stop else end]


_DASH = regex.compile(r"\s[-–]\s")


def _joins_name(left: str, right: str) -> bool:
    """A spaced dash inside an organisation's name (`Bộ Lao động - Thương binh và Xã hội`, `Bệnh viện Việt - Đức`):
    the name opens with an organisation head, ends in no place before the dash, and goes on capitalised
    with no new organisation head."""
    last = _SEP.split(left)[-1].strip()
    words = last.split()
    return (bool(_HEAD.match(last)) and not _complete(last) and right[:1].isupper() and not _HEAD.match(right)
            and not any(_place(" ".join(words[-n:])) for n in (1, 2, 3) if len(words) > n))


def _members(phrase: str) -> list[tuple[str, str]]:
    """(separator before, member) pairs of the phrase."""
    out: list[tuple[str, str]] = []
    pos, sep = 0, ""
    for m in _SEP.finditer(phrase):
        left, right = phrase[pos: m.start()], phrase[m.end():]
        if not right or not left:
            continue
        comma = "," in m.group()
        if _starts_party(right) or (not comma and _complete(left)):
            out.append((sep, left))
            pos, sep = m.end(), "," if comma else "và"
        elif comma and (not right[0].isupper() or _DOC.match(right)):
            out.append((sep, left))
            return out
    out.append((sep, phrase[pos:]))
    return out


def canonical_party(name: str) -> str | None:
    """A party's canonical name: a place or state by its gazetteer name, an organisation as written
    (its acronym when one follows in brackets), with ``nước Cộng hòa …`` / ``của Nhật Bản`` read as the
    country."""
    name = _PARTNER_LEAD.sub("", _TRAILING_LINK.sub("", name.strip(" ,")))
    acro = regex.search(_ACRONYM, name)
    if acro and not _place(acro.group(1)):
        return _ABBREVIATIONS.get(acro.group(1), acro.group(1))
    if not name:
        return None
    bracket = _TRAILING_BRACKET.search(name)
    if bracket and (acro or _place(bracket.group(1))) and name[:bracket.start()].strip():
        name = name[:bracket.start()]  # `Kingsoft (Trung Quốc)`: the body, not its country
    whole = _place(name) or _ABBREVIATIONS.get(name)
    if whole:
        return whole
    gov = _GOV.match(name)
    if gov:
        rest = name[gov.end():]
        return _place(rest) or _ADMIN.sub("", rest) or None
    admin = _ADMIN.match(name)
    if admin:
        return _place(name[admin.end():]) or name[admin.end():] or None
    head = _HEAD.match(name)
    if head and not _NAMED.search(name, head.end()):
        return None  # `tập đoàn kinh tế`: a kind of body, not a named one
    if not head:  # `Bí thư Khu ủy Khu tự trị … Quảng Tây`: a place's office, the place
        places = [p for p in places_in(name) if _cased(name[p.start:p.end])]
        if places:
            return places[-1].canonical
        if not all(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
            return None  # `Tổng giám đốc … và đại diện Boeing`: people or a description, not a name
    words = name.split()
    for n in range(min(9, len(words) - 1), 0, -1):
        if words[-n].casefold() == "nước" and words[-n - 1].casefold() == "nhà":
            continue  # `Ngân hàng Nhà nước Việt Nam`: the State bank, named with its country
        tail = _STATE_TAIL.match(" " + " ".join(words[-n:]))
        country = _country(tail.group(1)) if tail and (n <= 3 or tail.group(1) != " ".join(words[-n:])) else None
        if country:
            head = _OWNER_TAIL.sub("", " ".join(words[:-n]))
            head = head[:1].upper() + head[1:]
            return head if head.endswith(" " + country) else f"{head} {country}"
    return name[:1].upper() + name[1:]


def parties_between(text: str, pair: tuple[str, str] | None) -> list[str]:
    """Parties of the first ``giữa …`` phrase in ``text``; ``pair`` (Viet Nam, the foreign country) expands
    ``hai nước``. Empty when the text has no such phrase."""
    m = _BETWEEN.search(text, 0, _BETWEEN_WINDOW)
    if not m:
        return []
    phrase = _phrase(text, m.end())
    inner = _BETWEEN.search(phrase)  # `… giữa Việt Nam và Nhật Bản giữa Bộ Công Thương và JETRO`: whose relation, then who signs
    if inner:
        return _named(phrase[inner.end():], pair) or _named(phrase[:inner.start()], pair)
    return _named(phrase, pair)


def parties_of_signing(subject: str, after: str, pair: tuple[str, str] | None) -> list[str]:
    """Signatories told around the verb: its subject (`Sở Công Thương và Công ty X đã ký …`, `Bộ trưởng Quốc
    phòng hai nước ký …`) and a ``với …`` phrase after the document (`VCCI ký thỏa thuận với Liên minh Y`).
    Every part of the subject must be an organisation, a place or a ministry's minister; else none."""
    subject = _phrase(_SUBJECT_LEAD.sub("", subject.strip(" ,")), 0)
    if not subject:
        return []
    minister = _MINISTER.match(subject)
    if minister and _BOTH.match(subject):
        subject = "Bộ " + subject[minister.end():]
    elif not all(_HEAD.match(m) or _place(m) or regex.fullmatch(_ACRONYM_CHARS, m)
                 for m in (_bare(m) for _, m in _members(subject))):
        return []
    with_ = _WITH.search(after)
    found = _named(subject, pair) + (_named(_phrase(after, with_.end()), pair) if with_ else [])
    found = list(dict.fromkeys(found))
    return found if len(found) >= 2 else []


_MINISTER_OF = regex.compile(r"(?<!\w)Bộ trưởng\s+(?:Bộ\s+)?")
_TWO_MINISTRIES = regex.compile(r"(?i)(?<!\w)giữa\s+(?:hai|2)\s+bộ(?!\s*trưởng)(?!\w)")


def ministries_between(text: str, sentence: str, pair: tuple[str, str] | None) -> list[str]:
    """``giữa hai bộ`` in ``text``: the ministry of the portfolio a minister of the sentence holds, on each side
    (`Bộ trưởng Y tế Lào … ký Bản ghi nhớ … giữa hai bộ` → `Bộ Y tế Việt Nam`, `Bộ Y tế Lào`)."""
    if pair is None or not _TWO_MINISTRIES.search(text, 0, _BETWEEN_WINDOW):
        return []
    for m in _MINISTER_OF.finditer(sentence):
        words = sentence[m.end(): m.end() + 120].replace(",", " ,").split()
        for k in range(1, min(6, len(words))):
            if not words[0][:1].isupper() or "," in words[:k]:
                break
            if any(_country(" ".join(words[k: k + n])) in pair for n in (1, 2, 3) if len(words) >= k + n):
                return [f"Bộ {' '.join(words[:k])} {c}" for c in pair]
    return []


def _bare(member: str) -> str:
    """A member without a leading `đối tác` / `phía` and a trailing bracket (`đối tác Fonterra (New Zealand)`)."""
    return _TRAILING_BRACKET.sub("", _PARTNER_LEAD.sub("", member.strip(" ,")))


def _named(phrase: str, pair: tuple[str, str] | None) -> list[str]:
    out: list[str] = []
    prev_kind = None
    for sep, member in _members(phrase):
        member = member.strip(" ,")
        both = _BOTH.match(member)
        if both:
            if pair:
                base = both.group(1) and not _GOV.match(both.group(1) + " ") and _HEAD.match(both.group(1))
                base = base and both.group(1)[:1].upper() + both.group(1)[1:]
                out += [f"{base} {c}" if base else c for c in pair]
            continue
        if _SIDES.match(member):
            continue  # `giữa hai thành phố`: the sides of the meeting, read elsewhere
        consortium = _CONSORTIUM.match(member)
        if consortium:  # `Tổ hợp nhà thầu VSP / PVEP / Bitexco`: its members sign
            out += [n for part in consortium.group(1).split("/") if (n := canonical_party(part))]
            prev_kind = "other"
            continue
        country = _country(member)
        if country and sep == "," and prev_kind == "other":
            continue  # `bệnh viện Kitahara, Nhật Bản`: whose it is, not a party
        name = canonical_party(member)
        if name:
            out.append(name)
            prev_kind = "country" if country else "other"
    return list(dict.fromkeys(out))


def party_places(parties: list[str]) -> list[str]:
    """Each party's place or country: itself when it is one, else a country its name ends in
    (`Bộ Công an Việt Nam` → `Việt Nam`)."""
    out = []
    for name in parties:
        words = name.split()
        found = _place(name) or next((c for n in (3, 2, 1) if len(words) > n
                                      for c in [_country(" ".join(words[-n:]))] if c), None)
        if found:
            out.append(found)
    return out
