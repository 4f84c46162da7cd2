"""Gazetteer ids beside every place name a gold row gives, chosen by the article's context.

A canonical name can denote several units (`Đông Hưng`: a Vietnamese district and two Chinese
counties; `Quảng Ninh`: a province and a Chinese county), so joins on names fan out. Each name is
resolved, in order, to:

1. at a mention of the name inside the row's evidence, the unit whose parent (or grandparent) is
   named right after it (`Đông Hưng (Quảng Tây)`), else the unit the gazetteer recognised there (its
   own context rules: an admin word before it, China named nearby);
2. the same at the mentions elsewhere in the article, the most frequent reading winning;
3. of the units bearing the name, the one whose parent the article names, then the one in the
   country the article names most, then the most prominent (country, province, lower levels).

A name the gazetteer does not know (an organisation among agreement parties) gets a null id.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

from pipeline.gazetteer import Place, PlaceMatch, find_places, places_named

_PARENT_REACH = 40  # characters after a name in which its parent is read as part of it


def lookup_parent(place: Place) -> str | None:
    """The parent of ``place``'s parent (a Chinese county's province), when the gazetteer has it."""
    if not place.parent:
        return None
    up = [p for p in places_named(place.parent) if p.country == place.country and p.level != "country"]
    return up[0].parent if up else None


class PlaceContext:
    """The places an article names, for resolving the names of its rows to ids."""

    def __init__(self, body: str, matches: list[PlaceMatch] | None = None):
        self.body = body
        self.matches = find_places(body) if matches is None else matches

    @cached_property
    def countries(self) -> Counter[str]:
        """How often the article names each country's places (counted when a name needs it)."""
        return Counter(m.place.country for m in self.matches)

    @cached_property
    def named(self) -> set[str]:
        return {m.place.canonical for m in self.matches}

    def resolve(self, name: str | None, start: int = 0, end: int = 0) -> str | None:
        """The id of the unit ``name`` denotes in this article, for a row quoting ``body[start:end]``."""
        if not name:
            return None
        cands = places_named(name)
        if len(cands) <= 1:
            return cands[0].locality_id if cands else None
        ids = {p.locality_id for p in cands}
        seen = [(m.start, self._reading(m, cands)) for m in self.matches if m.place.locality_id in ids]
        inside = [pid for pos, pid in seen if start <= pos < end]
        if inside:
            return inside[0]
        if seen:
            return Counter(pid for _, pid in seen).most_common(1)[0][0]
        return max(enumerate(cands), key=lambda ip: self._fit(ip[1], ip[0]))[1].locality_id

    def _reading(self, m: PlaceMatch, cands: list[Place]) -> str:
        """The unit meant at mention ``m``: the one whose parent or grandparent follows it, else the
        gazetteer's choice."""
        after = self.body[m.end:m.end + _PARENT_REACH]
        for p in cands:
            parent = lookup_parent(p)
            if any(a and a in after for a in (p.parent, parent)):
                return p.locality_id
        return m.place.locality_id

    def _fit(self, place: Place, order: int) -> tuple:
        return (place.parent in self.named, self.countries[place.country], -order)


def add_place_ids(body: str, tables: dict[str, list[dict]], matches: list[PlaceMatch] | None = None) -> None:
    """Give each gold row the ids of its place names: meetings `locality_ids` (one per `localities`
    entry) and `location_id`, agreements `party_ids` (one per party; null for an organisation), trade
    figures `locality_id` and `partner_id`. ``matches``: the body's gazetteer matches, when already found."""
    ctx = PlaceContext(body, matches)
    for row in tables.get("meetings", []):
        span = row["evidence_start"], row["evidence_end"]
        row["locality_ids"] = [ctx.resolve(n, *span) for n in row.get("localities") or []]
        row["location_id"] = ctx.resolve(row.get("location"), *span)
    for row in tables.get("agreements", []):
        span = row["evidence_start"], row["evidence_end"]
        row["party_ids"] = [ctx.resolve(n, *span) for n in row.get("parties") or []]
    for row in tables.get("trade_figures", []):
        span = row["evidence_start"], row["evidence_end"]
        row["locality_id"] = ctx.resolve(row.get("locality"), *span)
        row["partner_id"] = ctx.resolve(row.get("partner"), *span)
