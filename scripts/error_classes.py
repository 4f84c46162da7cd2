"""Sort every miss and spurious row of a dev set by the stage that failed, and count the classes.

    python scripts/eval_dev.py dev-news                    # builds /tmp/hoptac-eval/dev-news
    python scripts/error_classes.py dev-news               # the table of classes
    python scripts/error_classes.py dev-news --list        # and every item under its class

It re-matches gold and predicted rows with the scorer's own functions (`../shared/eval/score.py`), then
asks of each unmatched required gold row where the pipeline lost it:

- **cleaning**: its anchor (a participant's name, a party, the figure's number) is in the raw page but
  not in the silver body;
- **anchor**: the anchor is nowhere in the body as the gold writes it (a name or number the text spells
  otherwise: people finder or number grammar);
- **trigger**: no sentence holding the anchor has a trigger of the table (meeting word, agreement type,
  metric word);
- **merged**: a predicted row was read from that sentence but matched another gold row (several
  meetings or documents in one sentence read as one row);
- **people / parties / date / type / unit-measure**: a row was read from the sentence but the attribute
  the scorer matches on disagrees;
- **keep rule or scope**: a trigger is there and nothing was read from the sentence (a filter dropped it).

Spurious rows are sorted as **optional** (it matches an optional gold row's anchors, so it is a reading
the gold does not require), **attribute** (its sentence holds a required gold row it failed to match),
**duplicate** (its sentence holds a gold row another prediction matched) or **not an event**.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from devsets import SHARED, scorer  # noqa: E402

GOLD = {"seeds": "eval/dev", "dev-news": "eval/dev-news", "dev-pages": "eval/dev-pages"}
TABLES = {"meetings": "meetings", "agreements": "agreements", "figures": "trade_figures"}


S = scorer()


def _sentences(body: str) -> list[tuple[int, int]]:
    from pipeline.text import sentences

    return [(s.start, s.end) for s in sentences(body)]


def _fold(s: str) -> str:
    return S.nfc(s).casefold()


def _number_forms(value: float, unit: str) -> list[str]:
    """How a base-unit value may be written: `1.234`, `1,2`, `12,5` (after dividing by the scale words)."""
    forms = set()
    for scale in (1, 1e3, 1e6, 1e9, 1e12):
        v = value / scale
        if v < 0.01 or v >= 1e6:
            continue
        whole = int(round(v))
        if abs(v - whole) < 1e-9:
            forms.add(f"{whole:,}".replace(",", "."))
            forms.add(str(whole))
        for nd in (1, 2, 3):
            text = f"{v:.{nd}f}".rstrip("0")
            if abs(float(text) - v) < 1e-9 and not text.endswith("."):
                forms.add(text.replace(".", ","))
    return sorted(forms, key=len, reverse=True)


def _anchors(table: str, g: dict) -> list[str]:
    if table == "meetings":
        names = [p["name"] for p in g.get("participants", [])]
        return names or list(g.get("localities", [])) or ([g["location"]] if g.get("location") else [])
    if table == "agreements":
        return [p for p in g.get("parties", []) if p not in ("Việt Nam",)] or list(g.get("parties", []))
    return _number_forms(float(g["value"]), g.get("unit", ""))


def _found(anchor: str, text: str) -> list[int]:
    t, a = _fold(text), _fold(anchor)
    out, i = [], t.find(a)
    while i >= 0:
        out.append(i)
        i = t.find(a, i + 1)
    return out


def _triggers(table: str, sentence: str) -> bool:
    """Whether the extractor's own trigger lexicon fires in ``sentence`` (metric words for figures)."""
    from pipeline.extract import events

    if table == "figures":
        from pipeline.extract import figures

        return bool(figures._metric_hits(sentence, 0, len(sentence)))
    return bool(events.SCANNER.find(sentence)[table[:-1]])


def _attribute(table: str, g: dict, p: dict) -> str:
    if table == "meetings":
        gn = {S.norm_name(x["name"]) for x in g.get("participants", [])}
        pn = {S.norm_name((x or {}).get("name")) for x in S.seq(p.get("participants"))}
        if gn and not gn & pn:
            return "people"
        if g.get("date") and not (S.as_date(p.get("date")) or "").startswith(g["date"]):
            return "date"
        return "localities/location"
    if table == "agreements":
        if g.get("agreement_type") != p.get("agreement_type"):
            return "type"
        return "parties"
    if g.get("measure") != p.get("measure") or g.get("unit") != p.get("unit"):
        return "unit-measure"
    return "value"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentences_with(table: str, g: dict, body: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding most of the row's anchors, those with a trigger first."""
    found = Counter(s for a in _anchors(table, g)
                    for s in {s for i in _found(a, body) for s in sents if s[0] <= i < s[1]})
    if not found:
        return []
    cued = {s: n for s, n in found.items() if _triggers(table, body[s[0]:s[1]])} or found
    best = max(cued.values())
    return sorted(s for s, n in cued.items() if n == best)


def classify(name: str, data: Path) -> dict[str, Counter]:
    golds = {}
    for f in sorted((SHARED / GOLD[name]).glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[g["doc"]] = g
    arts = {Path(a["source_path"]).name: a for a in S.read_table(data / "silver", "articles")}
    raw = S.locate_raw(golds, [data / "bronze", SHARED / "corpus"])
    by_id = {a["article_id"]: doc for doc, a in arts.items()}
    score_fns = {"meetings": S.meeting_score, "agreements": S.agreement_score, "figures": S.figure_score}
    result: dict[str, Counter] = {}
    items: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for table, path in TABLES.items():
        counts: Counter = Counter()
        preds_by_doc: dict[str, list[dict]] = defaultdict(list)
        for r in S.read_table(data / "gold", path):
            if by_id.get(r["article_id"]) in golds:
                preds_by_doc[by_id[r["article_id"]]].append(r)
        for doc, gdoc in golds.items():
            gl, preds = gdoc.get(table, []), preds_by_doc.get(doc, [])
            art = arts.get(doc)
            body = (art or {}).get("body") or ""
            raw_text = S.nfc(Path(raw[doc]).read_text(encoding="utf-8", errors="replace")) if doc in raw else ""
            pairs = S.match(gl, preds, score_fns[table])
            g_of_p = {pi: gi for gi, pi in pairs}
            matched_g = {gi for gi, _ in pairs}
            sents = _sentences(body)
            pred_spans = [(p["evidence_start"], p["evidence_end"]) for p in preds]

            for gi, g in enumerate(gl):
                if gi in matched_g or g.get("optional"):
                    continue
                anchors = _anchors(table, g)
                where = _sentences_with(table, g, body, sents)
                if not where:
                    cls = "cleaning" if any(_found(a, raw_text) for a in anchors) else "anchor"
                elif not any(_triggers(table, body[a:b]) for a, b in where):
                    cls = "trigger"
                else:
                    near = [pi for pi, sp in enumerate(pred_spans) if any(_overlap(sp, w) for w in where)]
                    if not near:
                        cls = "keep rule or scope"
                    elif all(pi in g_of_p for pi in near):
                        cls = "merged"
                    else:
                        free = [pi for pi in near if pi not in g_of_p]
                        cls = _attribute(table, g, preds[free[0]])
                counts[f"missed: {cls}"] += 1
                items[table].append((f"missed: {cls}", doc, g.get("note") or json.dumps(g, ensure_ascii=False)[:160]))
            for pi, p in enumerate(preds):
                if pi in g_of_p:
                    continue
                span = pred_spans[pi]
                holders = [gi for gi, g in enumerate(gl) if any(_overlap(span, w) for w in _sentences_with(table, g, body, sents))]
                if any(gl[gi].get("optional") for gi in holders if gi not in matched_g):
                    cls = "optional"
                elif any(gi not in matched_g for gi in holders):
                    cls = "attribute"
                elif holders:
                    cls = "duplicate"
                else:
                    cls = "not an event"
                counts[f"spurious: {cls}"] += 1
                items[table].append((f"spurious: {cls}", doc, p["evidence"][:160]))
        result[table] = counts
    classify.items = items  # type: ignore[attr-defined]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", default="dev-news", choices=list(GOLD))
    ap.add_argument("--data", type=Path, help="built data root (default: <work>/<set> of scripts/eval_dev.py)")
    ap.add_argument("--list", action="store_true", help="print every item under its class")
    args = ap.parse_args(argv)
    data = args.data or Path(os.environ.get("TMPDIR", "/tmp")) / "hoptac-eval" / args.set
    result = classify(args.set, data)
    print("| table | class | n |\n|---|---|---|")
    for table, counts in result.items():
        for cls, n in sorted(counts.items(), key=lambda kv: (not kv[0].startswith("missed"), -kv[1], kv[0])):
            print(f"| {table} | {cls} | {n} |")
    if args.list:
        for table, rows in classify.items.items():  # type: ignore[attr-defined]
            print(f"\n## {table}")
            for cls, doc, what in sorted(rows):
                print(f"- [{cls}] {doc}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
