"""Trade-figure errors on a dev set, classified by the stage that failed, with counts.

    python scripts/figure_errors.py --data /tmp/hoptac-eval/dev-news --gold ../shared/eval/dev-news [--list]

``--data`` is a data root already built by ``scripts/eval_dev.py`` (its silver articles are read; the
figures are extracted again in process with this checkout's code, so a change is measured without a
rebuild). Matching and attribute checks are ``score.py``'s own. Classes:

* ``miss/not in body`` — no number of that value in the cleaned body (the cleaner lost it, or it is
  written in words); ``miss/other unit`` — the number is read with another unit (or none);
* ``miss/dropped: <reason>`` — read with its unit, then rejected by a figure rule (the reason the
  extractor recorded); ``miss/other measure`` — a row with that value but another measure;
* ``spurious/<metric>`` — a row matching no gold figure;
* ``attr/<name> missing|wrong`` — a matched row with that attribute null or different.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
from devsets import scorer  # noqa: E402  (puts this checkout on sys.path)

from pipeline.extract import ArticleText  # noqa: E402
from pipeline.extract.figures import _KEEP_UNITS, _Extractor  # noqa: E402
from pipeline.numbers import find_quantities  # noqa: E402

ATTRS = ("metric", "locality", "partner", "period_start", "period_end", "product", "qualifier", "value_usd")




def classify_doc(score, gold: dict, art: dict, out: Counter, listing: list) -> tuple[int, int, int]:
    doc = ArticleText(art["article_id"], art["body"], art.get("title"), art.get("reference_year"),
                      art.get("published_at"))
    ex = _Extractor(doc)
    preds = ex.run() if doc.body else []
    golds = gold["figures"]
    pairs = score.match(golds, preds, score.figure_score)
    by_gold = dict(pairs)
    matched_p = {pi for _, pi in pairs}
    qs = find_quantities(doc.body)
    tp = fn = 0
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        if gi in by_gold:
            tp += 1
            p = preds[by_gold[gi]]
            for k in ATTRS:
                if k not in g:
                    continue
                out["~attributes checked"] += 1
                gv, pv = g[k], p.get(k)
                pv = pv.isoformat() if hasattr(pv, "isoformat") else pv
                ok = (score.close(gv, pv, 0.01) if k == "value_usd" else
                      score.norm_place(gv) == score.norm_place(pv))
                if not ok:
                    cls = f"attr/{k} {'missing' if pv is None else 'wrong'}"
                    out[cls] += 1
                    listing.append((cls, gold["doc"], f"gold={gv!r} pred={pv!r} | {p['evidence'][:160]}"))
            continue
        fn += 1
        same = [q for q in qs if score.close(abs(g["value"]), q.value, 0.005)]
        if not same:
            cls = "miss/not in body"
        elif not any(q.unit == g["unit"] or (g["unit"] == "percent" and q.unit == "percent") for q in same):
            cls = "miss/other unit"
        elif any(score.close(abs(g["value"]), abs(p["value"]), 0.005) and p["unit"] == g["unit"] for p in preds):
            cls = "miss/other measure"
        else:
            q = next(q for q in same if q.unit == g["unit"])
            why = ex.dropped.get(q.start)
            cls = f"miss/dropped: {why}" if why else ("miss/dropped: unit not read by figures"
                                                      if q.unit not in _KEEP_UNITS else "miss/dropped: other")
        out[cls] += 1
        listing.append((cls, gold["doc"], f"{g['metric']} {g['measure']} {g['value']} {g['unit']} | {g.get('note', '')[:120]}"))
    fp = 0
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            fp += 1
            cls = f"spurious/{p['metric']}"
            out[cls] += 1
            listing.append((cls, gold["doc"], f"{p['measure']} {p['value']} {p['unit']} | {p['evidence'][:160]}"))
    return tp, fp, fn


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="a data root built by scripts/eval_dev.py")
    ap.add_argument("--gold", type=Path, required=True, help="the dev set's gold folder")
    ap.add_argument("--list", action="store_true", help="also list every error under its class")
    args = ap.parse_args(argv)
    score = scorer(args.gold.parent / "score.py")
    arts = ds.dataset(args.data / "silver" / "articles", format="parquet").to_table().to_pylist()
    by_doc = {Path(str(a["source_path"])).name: a for a in arts}
    out: Counter = Counter()
    listing: list = []
    tp = fp = fn = 0
    for f in sorted(args.gold.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        art = by_doc.get(gold["doc"])
        if art is None:
            continue
        t, p, n = classify_doc(score, gold, art, out, listing)
        tp, fp, fn = tp + t, fp + p, fn + n
    prec, rec = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
    seen = out.pop("~attributes checked", 0)
    wrong = sum(n for cls, n in out.items() if cls.startswith("attr/"))
    print(f"figures tp={tp} fp={fp} fn={fn} P={prec:.3f} R={rec:.3f} F1={2 * prec * rec / (prec + rec or 1):.3f} "
          f"attr={1 - wrong / seen if seen else 1:.3f} ({seen} checked)")
    print(f"{'class':<62} count")
    for cls, n in sorted(out.items(), key=lambda kv: (kv[0].split("/")[0], -kv[1], kv[0])):
        print(f"{cls:<62} {n}")
    if args.list:
        for cls, doc, text in sorted(listing):
            print(f"  {cls} | {doc[:32]} | {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
