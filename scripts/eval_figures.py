#!/usr/bin/env python3
"""Score ``extract_figures`` on the seed gold files (bodies from the gold ``body_lines``).

    .venv/bin/python scripts/eval_figures.py [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "eval"))

import score  # noqa: E402

from pipeline.extract import ArticleText  # noqa: E402
from pipeline.extract.figures import extract_figures  # noqa: E402
from pipeline.text import nfc  # noqa: E402


def seed_doc(gold: dict) -> ArticleText:
    """An ArticleText built from the raw seed and the gold ``body_lines``."""
    raw = (SHARED / "corpus" / "seeds" / gold["doc"]).read_text(encoding="utf-8").splitlines()
    art = gold["article"]
    body = "\n".join(nfc(raw[n - 1]) for n in art["body_lines"])
    pub = datetime.fromisoformat(art["published_at"]) if art.get("published_at") else None
    return ArticleText(gold["doc"], body, art.get("title"), art.get("reference_year"), pub)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    golds, preds = {}, {}
    for f in sorted((SHARED / "eval" / "dev").glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        golds[gold["doc"]] = gold.get("figures", [])
        rows = extract_figures(seed_doc(gold))
        preds[gold["doc"]] = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
                              for r in rows]
    rep = score.score_events("figures", golds, preds, score.figure_score, score.check_figure)
    print(f"F1={rep['f1']} P={rep['precision']} R={rep['recall']} tp={rep['tp']} fp={rep['fp']} fn={rep['fn']} "
          f"attr={rep['attribute_accuracy']} {rep['attributes']}")
    if args.details:
        for m in rep["missed"]:
            print("  missed  ", m["doc"], json.dumps(m["gold"], ensure_ascii=False))
        for s in rep["spurious"]:
            print("  spurious", s["doc"], json.dumps(s["pred"], ensure_ascii=False))
        for doc, rows in preds.items():
            for r in rows:
                print("  pred", doc[:3], {k: r[k] for k in ("metric", "measure", "value", "unit", "qualifier", "locality",
                                                          "partner", "period_start", "period_end", "product", "value_usd")})
    return 0


if __name__ == "__main__":
    sys.exit(main())
