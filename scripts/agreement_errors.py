"""Classify every missed and spurious agreement of a built dev set by the stage that failed.

    python scripts/eval_dev.py dev-news --work /tmp/eval            # builds /tmp/eval/dev-news
    python scripts/agreement_errors.py /tmp/eval/dev-news ../shared/eval/dev-news ../shared/corpus/dev-news

Matching is the scorer's own (``score.py``: same type, one gold party matching a predicted one).
Misses: ``body_lost`` (the raw page names more documents of the type than the cleaned body),
``no_type_word`` (neither does: a kind the lexicon lacks), ``not_extracted`` (the body names it, no row
of that type came out), ``wrong_parties`` (a row of that type exists, no party matches), ``taken``
(rows of that type with a matching party all went to other gold rows: a merge or a missed list item).
Spurious: ``type_differs`` (a gold row with a shared party has another type), ``parties_differ`` (gold
rows of that type exist, none shares a party), ``no_gold`` (nothing of that type in the gold: an
over-reading). Prints one table of counts and, with ``--list``, each row.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
from devsets import scorer  # noqa: E402  (puts this checkout on sys.path)

from pipeline.bronze import normalise  # noqa: E402
from pipeline.extract.events import AGREEMENT_ROWS, hits  # noqa: E402


def _types(text: str) -> Counter:
    return Counter(AGREEMENT_ROWS[h.row][1] for h in hits({}, text, "agreement"))


def classify(data: Path, gold_dir: Path, corpus: Path) -> list[tuple[str, str, str, str]]:
    """(doc, miss|spurious, class, description) for every error."""
    score = scorer(gold_dir.parent / "score.py")
    arts = {Path(r["source_path"]).name: r for r in
            ds.dataset(str(data / "silver/articles"), format="parquet", partitioning="hive").to_table().to_pylist()}
    by_id = {r["article_id"]: name for name, r in arts.items()}
    preds: dict[str, list[dict]] = {}
    for row in score.read_table(data / "gold", "agreements"):
        preds.setdefault(by_id.get(row["article_id"], ""), []).append(row)
    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        doc = gold_path.stem + ".txt"
        golds = json.loads(gold_path.read_text(encoding="utf-8")).get("agreements", [])
        mine = preds.get(doc, [])
        pairs = score.match(golds, mine, score.agreement_score)
        used_g, used_p = {g for g, _ in pairs}, {p for _, p in pairs}
        body = arts[doc]["body"] if doc in arts else ""
        raw = normalise((corpus / doc).read_text(encoding="utf-8")) if (corpus / doc).exists() else ""
        in_body, in_raw = _types(body), _types(raw)
        for gi, g in enumerate(golds):
            if gi in used_g or g.get("optional"):
                continue
            kind = g["agreement_type"]
            same = [p for p in mine if p["agreement_type"] == kind]
            if not same:
                cls = ("body_lost" if in_raw[kind] > in_body[kind] else "not_extracted" if in_body[kind]
                       else "no_type_word")
            elif any(score.party_overlap(g.get("parties", []), p["parties"])[0] for p in same):
                cls = "taken"
            else:
                cls = "wrong_parties"
            out.append((doc, "miss", cls, f"{kind} {g.get('parties')} | {g.get('note', '')[:90]}"))
        for pi, p in enumerate(mine):
            if pi in used_p:
                continue
            shared = [g for g in golds if score.party_overlap(g.get("parties", []), p["parties"])[0]]
            if any(g["agreement_type"] != p["agreement_type"] for g in shared):
                cls = "type_differs"
            elif any(g["agreement_type"] == p["agreement_type"] for g in golds):
                cls = "parties_differ"
            else:
                cls = "no_gold"
            out.append((doc, "spurious", cls, f"{p['agreement_type']} {list(p['parties'])} | {p['evidence'][:90]}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="a built data root (silver/ and gold/)")
    ap.add_argument("gold", type=Path, help="the gold folder of that dev set")
    ap.add_argument("corpus", type=Path, help="the raw texts of that dev set")
    ap.add_argument("--list", action="store_true", help="print every error, not only the counts")
    args = ap.parse_args(argv)
    errors = classify(args.data, args.gold, args.corpus)
    counts = Counter((side, cls) for _, side, cls, _ in errors)
    print(f"{'side':9} {'class':15} count")
    for (side, cls), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{side:9} {cls:15} {n}")
    if args.list:
        for doc, side, cls, text in errors:
            print(f"{side:9} {cls:15} {doc[:34]:34} {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
