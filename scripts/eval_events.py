"""Score the meeting, agreement and figure extractors on the seed gold (bodies built from `body_lines`).

    .venv/bin/python scripts/eval_events.py [--details]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from pipeline.extract import ArticleText, events
from pipeline.extract import agreements as agreements_mod
from pipeline.extract import meetings as meetings_mod
from pipeline.extract.agreements import extract_agreements
from pipeline.extract.figures import extract_figures
from pipeline.extract.meetings import extract_meetings
from pipeline.text import nfc

YEAR = re.compile(r"(?<!\d)((?:19[89]|20[0-2])\d)(?!\d)")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def seed_docs(gold_dir: Path = SHARED / "eval" / "dev") -> dict[str, tuple[dict, ArticleText]]:
    """Gold JSON and the article built from its body lines, by document name."""
    out = {}
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        art = gold["article"]
        raw = (SHARED / "corpus" / "seeds" / gold["doc"]).read_text(encoding="utf-8")
        lines = raw.replace("\r\n", "\n").split("\n")
        body = nfc("\n".join(lines[n - 1] for n in art["body_lines"]))
        pub = datetime.fromisoformat(art["published_at"]) if art.get("published_at") else None
        out[gold["doc"]] = (gold, ArticleText(gold["doc"], body, art.get("title"), art.get("reference_year"), pub))
    return out


def _plain(row: dict) -> dict:
    """A row with dates as ISO strings, as the scorer reads them from Parquet."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


def vntc_docs(limit: int | None = None) -> list[ArticleText]:
    """VNTC sample articles as ArticleText (CRLF→LF, NFC; reference year = the commonest year named)."""
    out = []
    with gzip.open(SHARED / "corpus" / "vntc" / "vntc-sample.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            text = nfc(json.loads(line)["text"].replace("\r\n", "\n").replace("\r", "\n"))
            years = Counter(YEAR.findall(text))
            ref = int(years.most_common(1)[0][0]) if years else None
            out.append(ArticleText(f"vntc{i}", text, None, ref, None))
    return out


def run_vntc(limit: int | None, sample: int, seed: int) -> None:
    docs = vntc_docs(limit)
    for d in docs:  # sentences are shared article state, not extractor cost
        d.extra.clear()
    spent = Counter()

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - t
        return wrapper

    for name in ("people_in", "dates_in", "places_in"):  # time spent in the sibling modules
        orig = getattr(events, name)
        for mod in (events, meetings_mod, agreements_mod):
            if getattr(mod, name, None) is orig:
                setattr(mod, name, timed(name, orig))
    t0 = time.process_time()
    meetings, agreements = [], []
    for d in docs:
        meetings += [(d.article_id, r) for r in extract_meetings(d)]
        agreements += [(d.article_id, r) for r in extract_agreements(d)]
    dt = time.process_time() - t0
    n = len(docs)
    print(f"vntc: {n} articles, {len(meetings)} meetings ({1000 * len(meetings) / n:.1f}/1000), "
          f"{len(agreements)} agreements ({1000 * len(agreements) / n:.1f}/1000), "
          f"{1000 * dt / n:.3f} ms CPU/article, of which "
          + ", ".join(f"{k} {1000 * v / n:.3f}" for k, v in spent.items()))
    rng = random.Random(seed)
    for title, rows in (("meetings", meetings), ("agreements", agreements)):
        print(f"--- {min(sample, len(rows))} random {title}")
        for aid, r in rng.sample(rows, min(sample, len(rows))):
            brief = {k: v for k, v in r.items() if k not in ("evidence", "evidence_start", "evidence_end")}
            print(aid, json.dumps(brief, ensure_ascii=False, default=str))
            print("    ", r["evidence"][:400])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--vntc", type=int, nargs="?", const=-1, help="run over the VNTC sample (N articles)")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.vntc is not None:
        run_vntc(None if args.vntc < 0 else args.vntc, args.sample, args.seed)
        return 0
    sys.path.insert(0, str(SHARED / "eval"))
    import score

    docs = seed_docs()
    for task, fn, score_fn, check in (
        ("meetings", extract_meetings, score.meeting_score, score.check_meeting),
        ("agreements", extract_agreements, score.agreement_score, score.check_agreement),
        ("figures", extract_figures, score.figure_score, score.check_figure),
    ):
        golds = {d: g.get(task, []) for d, (g, _) in docs.items()}
        preds = {d: [_plain(r) for r in fn(doc)] for d, (_, doc) in docs.items()}
        rep = score.score_events(task, golds, preds, score_fn, check)
        print(f"{task:<10} P={rep['precision']:.3f} R={rep['recall']:.3f} F1={rep['f1']:.3f} "
              f"tp={rep['tp']} fp={rep['fp']} fn={rep['fn']} attr={rep['attribute_accuracy']} {rep['attributes']}")
        if args.details:
            for m in rep["missed"]:
                print("  missed  ", m["doc"], json.dumps(m["gold"], ensure_ascii=False))
            for s in rep["spurious"]:
                print("  spurious", s["doc"], json.dumps(s["pred"], ensure_ascii=False))
            for d, rows in preds.items():
                for r in rows:
                    print("  pred", d[:3], json.dumps({k: v for k, v in r.items() if k != "evidence"},
                                                      ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
