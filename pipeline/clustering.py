"""Same event, many articles: group meetings (and agreements) that several outlets report.

Two rows from different articles are the same event when they are of the same kind (type), their
dates are compatible and they share people (meetings) or parties (agreements). Groups are the
connected components of that relation; an event's id is derived from its earliest member, so it
stays put as new batches add articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from pipeline.extract import stable_id

PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}
# how much of a date each precision fixes: compared at the coarser of the two
PREFIX = {"day": 10, "month": 7, "year": 4}


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _norm(name: str) -> str:
    return " ".join(str(name).casefold().split())


def dates_compatible(a: dt.date | None, pa: str, b: dt.date | None, pb: str) -> bool | None:
    """True/False when both dates are known (compared at the coarser precision), None when one is missing."""
    if a is None or b is None or pd.isna(a) or pd.isna(b) or pa == "unknown" or pb == "unknown":
        return None
    n = min(PREFIX.get(pa, 4), PREFIX.get(pb, 4))
    return a.isoformat()[:n] == b.isoformat()[:n]


def _people(row: dict) -> set[str]:
    return {_norm(p["name"]) for p in (row.get("participants") or []) if p and p.get("name")}


def same_meeting(x: dict, y: dict) -> bool:
    """Same kind (talks and receptions count as one family), compatible dates, shared people or places."""
    family = {"talks": "talk", "reception": "talk"}
    if family.get(x["kind"], x["kind"]) != family.get(y["kind"], y["kind"]):
        return False
    dates = dates_compatible(x.get("date"), x["date_precision"], y.get("date"), y["date_precision"])
    if dates is False:
        return False
    shared_people = _people(x) & _people(y)
    places_x, places_y = set(x.get("localities") or []), set(y.get("localities") or [])
    if shared_people:
        return dates is True or len(shared_people) >= 2 or bool(places_x & places_y)
    if _people(x) and _people(y):
        return False  # both name people, none in common
    return dates is True and x["date_precision"] == y["date_precision"] == "day" and \
        len(places_x & places_y) >= 2 and x["kind"] == y["kind"]


def same_agreement(x: dict, y: dict) -> bool:
    """Same type, compatible dates and (nearly) the same parties."""
    if x["agreement_type"] != y["agreement_type"]:
        return False
    if dates_compatible(x.get("signed_date"), x["date_precision"], y.get("signed_date"), y["date_precision"]) is False:
        return False
    px, py = set(x.get("parties") or []), set(y.get("parties") or [])
    if not px or not py:
        return False
    shared = px & py
    return len(shared) >= min(len(px), len(py), 2) and len(shared) / len(px | py) >= 0.5


def meeting_keys(r: dict) -> set:
    """Blocking keys: a pair is compared only when it shares one (a person, or a day and a place)."""
    keys: set = {("person", n) for n in _people(r)}
    if r["date_precision"] == "day" and r.get("date") is not None:
        keys |= {("day-place", str(r["date"]), loc) for loc in (r.get("localities") or [])}
    return keys


def agreement_keys(r: dict) -> set:
    return {("party", r["agreement_type"], p) for p in (r.get("parties") or [])}


def cluster(rows: Sequence[dict], same, keys) -> list[list[int]]:
    """Groups of row indices (connected components of ``same`` over pairs sharing a blocking key);
    rows of one article are never merged with each other."""
    postings: dict = defaultdict(list)
    for i, r in enumerate(rows):
        for k in keys(r):
            postings[k].append(i)
    uf = UnionFind(len(rows))
    seen: set[tuple[int, int]] = set()
    for members in postings.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                i, j = members[a], members[b]
                if (i, j) in seen or rows[i]["article_id"] == rows[j]["article_id"]:
                    continue
                seen.add((i, j))
                if uf.find(i) != uf.find(j) and same(rows[i], rows[j]):
                    uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[uf.find(i)].append(i)
    return sorted(groups.values())


def _most_common(values: Iterable, default=None):
    values = [v for v in values if v is not None and not (isinstance(v, float) and pd.isna(v))]
    return Counter(values).most_common(1)[0][0] if values else default


def _article_order(articles: pd.DataFrame) -> dict[str, tuple]:
    """Sort key per article: publication time when stated, then the id (stable)."""
    order = {}
    for r in articles[["article_id", "published_at"]].itertuples(index=False):
        ts = r.published_at
        order[r.article_id] = (pd.isna(ts), ts.isoformat() if not pd.isna(ts) else "", r.article_id)
    return order


def _event_frame(rows: list[dict], groups: list[list[int]], id_col: str, order: dict, merge) -> list[dict]:
    out = []
    for g in groups:
        members = sorted((rows[i] for i in g), key=lambda r: (order.get(r["article_id"], (True, "", r["article_id"])), r[id_col]))
        arts = list(dict.fromkeys(r["article_id"] for r in members))
        event = {
            "event_id": stable_id("event", id_col, min(r[id_col] for r in members)),
            "n_articles": len(arts),
            "first_article_id": arts[0],
            "last_article_id": arts[-1],
            "article_ids": arts,
            f"{id_col}s": [r[id_col] for r in members],
        }
        event.update(merge(members))
        out.append(event)
    return out


def _merge_date(members: list[dict], date_col: str) -> dict:
    best = max(members, key=lambda r: (PRECISION_RANK.get(r["date_precision"], 0), r.get(date_col) is not None))
    dated = [r for r in members if r["date_precision"] == best["date_precision"] and r.get(date_col) is not None]
    return {date_col: _most_common(r[date_col] for r in dated), "date_precision": best["date_precision"]}


def merge_meetings(members: list[dict]) -> dict:
    people: dict[str, dict] = {}
    for r in members:
        for p in r.get("participants") or []:
            cur = people.setdefault(_norm(p["name"]), dict(p))
            for k in ("title", "side"):
                cur[k] = cur.get(k) or p.get(k)
    modes = [r["mode"] for r in members if r["mode"] != "unknown"]
    return {
        **_merge_date(members, "date"),
        "kind": _most_common(r["kind"] for r in members),
        "mode": _most_common(modes, "unknown"),
        "location": _most_common(r.get("location") for r in members),
        "participants": list(people.values()),
        "localities": sorted({loc for r in members for loc in (r.get("localities") or [])}),
    }


def merge_agreements(members: list[dict]) -> dict:
    return {
        **_merge_date(members, "signed_date"),
        "agreement_type": members[0]["agreement_type"],
        "status": "signed" if any(r["status"] == "signed" for r in members) else "planned",
        "valid_from_year": _most_common(r.get("valid_from_year") for r in members),
        "valid_to_year": _most_common(r.get("valid_to_year") for r in members),
        "parties": sorted({p for r in members for p in (r.get("parties") or [])}),
        "fields": sorted({f for r in members for f in (r.get("fields") or [])}),
    }


def _records(df: pd.DataFrame) -> list[dict]:
    rows = df.drop(columns=["batch"], errors="ignore").to_dict("records")
    for r in rows:
        for k, v in r.items():
            if hasattr(v, "tolist") and not isinstance(v, str):
                r[k] = v.tolist()
    return rows


@dataclass(frozen=True)
class Kind:
    """How the rows of one source table are grouped into events and merged."""

    id_col: str
    same: Callable[[dict, dict], bool]
    keys: Callable[[dict], set]
    merge: Callable[[list[dict]], dict]
    columns: tuple[str, ...]  # the source columns the relation and the merge read

    def events(self, rows: list[dict], articles: pd.DataFrame) -> list[dict]:
        groups = cluster(rows, self.same, self.keys)
        return sorted(_event_frame(rows, groups, self.id_col, _article_order(articles), self.merge),
                      key=lambda e: e["event_id"])


KINDS = {
    "meeting_events": Kind("meeting_id", same_meeting, meeting_keys, merge_meetings, (
        "meeting_id", "article_id", "date", "date_precision", "kind", "mode", "location", "participants", "localities")),
    "agreement_events": Kind("agreement_id", same_agreement, agreement_keys, merge_agreements, (
        "agreement_id", "article_id", "agreement_type", "status", "signed_date", "date_precision", "valid_from_year",
        "valid_to_year", "parties", "fields")),
}


def update(name: str, source: pa.Table, previous: Sequence[Sequence[str]], added: set[str]) -> tuple[list[int], list[int]] | None:
    """What a change of the source rows leaves of the previous events (each a list of member ids), given
    the ids of the ``added`` rows (those of new or rebuilt batches; the others were clustered before):
    the indices of the previous events that stand as they were, and those of the ``source`` rows to
    cluster again (the added ones and the remaining members of every other previous event).

    Events are connected components: a previous event stays one unless it lost a member (its batch
    changed or went) or one of its members is the same event as an added row (`cluster`'s relation:
    a shared blocking key, other articles, ``same``); clustering the rows of all other previous events
    with the added ones gives exactly the components a clustering of every row gives. None when the
    previous events do not hold each row that was not added exactly once (they are not the clustering
    of these rows). The rows are compared as Arrow gives them (the relation reads no value that differs)."""
    kind = KINDS[name]
    rows = source.select(list(kind.columns)).to_pylist()
    new = [i for i, r in enumerate(rows) if r[kind.id_col] in added]
    postings: dict = defaultdict(list)
    for i in new:
        for k in kind.keys(rows[i]):
            postings[k].append(rows[i])
    event_of: dict[str, int] = {}
    for e, members in enumerate(previous):
        for m in members:
            if event_of.setdefault(m, e) != e:
                return None  # a row in two previous events
    index = {r[kind.id_col]: i for i, r in enumerate(rows) if r[kind.id_col] not in added}
    if any(m not in event_of for m in index):
        return None  # a row in no previous event
    touched = {e for e, members in enumerate(previous) if any(m not in index for m in members)}
    for m, i in index.items():
        r = rows[i]
        if event_of[m] not in touched and any(
                a["article_id"] != r["article_id"] and kind.same(a, r)
                for k in kind.keys(r) for a in postings.get(k, ())):
            touched.add(event_of[m])
    again = new + [index[m] for e in sorted(touched) for m in previous[e] if m in index]
    return [e for e in range(len(previous)) if e not in touched], sorted(again)


def meeting_events(meetings: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """One row per meeting event across articles."""
    return KINDS["meeting_events"].events(_records(meetings), articles)


def agreement_events(agreements: pd.DataFrame, articles: pd.DataFrame) -> list[dict]:
    """One row per agreement event across articles."""
    return KINDS["agreement_events"].events(_records(agreements), articles)
