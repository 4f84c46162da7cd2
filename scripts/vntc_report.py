"""Run cleaning and extraction over the VNTC sample and report what a reviewer needs.

    python scripts/vntc_report.py [--limit N] [--sample 30] [--out vntc_report.md]

Prints the body-retention distribution (share of non-space characters after the title that the
body keeps), rows per 1,000 articles for each gold table, and writes random predicted meetings and
figures with their evidence for reading by hand. An article whose normalised text repeats an earlier
one is skipped, as a build publishes a document's first copy only. The sample is read from ../shared;
it is never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's pipeline, not an installed one
from pipeline.bronze import normalise  # noqa: E402
from pipeline.clean import clean_document  # noqa: E402
from pipeline.extract import ArticleText, extract_article  # noqa: E402

VNTC = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "vntc" / "vntc-sample.jsonl.gz"


# VnExpress-style related-article lists: a headline with its date in brackets, one per line. Not the
# article's body by the annotation rules, so a second retention figure leaves them out of the denominator.
RELATED = re.compile(r"^[^\n]{5,200}\(\d{1,2}/\d{1,2}/\d{4}\)[ \t]*$", re.M)


def nonspace(s: str) -> int:
    return sum(not c.isspace() for c in s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=VNTC)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path("vntc_report.md"))
    args = ap.parse_args()

    ratios: list[float] = []
    own: list[float] = []  # the same, without related-article lines in the denominator
    rows: dict[str, list[tuple[str, dict]]] = {"meetings": [], "agreements": [], "trade_figures": []}
    n = clean_s = extract_s = 0.0
    seen: set[bytes] = set()
    repeats = 0
    with gzip.open(args.path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if args.limit and i >= args.limit:
                break
            rec = json.loads(line)
            text = normalise(rec["text"])
            digest = hashlib.sha256(text.encode("utf-8")).digest()
            if digest in seen:
                repeats += 1
                continue
            seen.add(digest)
            t0 = time.perf_counter()
            doc = clean_document(text, rec["id"] if isinstance(rec["id"], str) else str(rec["id"]))
            t1 = time.perf_counter()
            after_title = nonspace(text) - (nonspace(doc.title) if doc.title else 0)
            ratios.append(min(1.0, nonspace(doc.body) / after_title) if after_title else 1.0)
            related = sum(nonspace(m.group()) for m in RELATED.finditer(text))
            own.append(min(1.0, nonspace(doc.body) / (after_title - related)) if after_title > related else 1.0)
            if doc.body:
                out = extract_article(ArticleText(str(rec["id"]), doc.body, doc.title, doc.reference_year, doc.published_at))
                for k, v in out.items():
                    rows[k].extend((str(rec["id"]), r) for r in v)
            t2 = time.perf_counter()
            n += 1
            clean_s += t1 - t0
            extract_s += t2 - t1

    ratios.sort()
    pct = lambda q: ratios[min(len(ratios) - 1, int(q * len(ratios)))]  # noqa: E731
    share95 = sum(r >= 0.95 for r in ratios) / len(ratios)
    own95 = sum(r >= 0.95 for r in own) / len(own)
    lines = [
        f"# VNTC report: {int(n)} articles ({repeats} repeated texts skipped)",
        f"clean {1000 * clean_s / n:.3f} ms/article, extract {1000 * extract_s / n:.3f} ms/article (mean, one process)",
        f"body keeps >= 95% of the characters after the title for {share95:.1%} of articles; "
        f"kept-share percentiles p1={pct(0.01):.3f} p5={pct(0.05):.3f} p10={pct(0.10):.3f} p50={pct(0.5):.3f}",
        f"not counting related-article lists (`Headline(27/03/2004)`): {own95:.1%} of articles keep >= 95%",
    ]
    for k, v in rows.items():
        lines.append(f"{k}: {len(v)} rows, {1000 * len(v) / n:.1f} per 1,000 articles")
    rng = random.Random(args.seed)
    for k in ("meetings", "trade_figures", "agreements"):
        lines.append(f"\n## {args.sample} random {k}\n")
        for doc_id, r in rng.sample(rows[k], min(args.sample, len(rows[k]))):
            keep = {c: r.get(c) for c in ("kind", "mode", "date", "participants", "localities", "agreement_type",
                                          "status", "parties", "metric", "measure", "value", "unit", "qualifier",
                                          "locality", "partner", "period_start") if c in r}
            lines.append(f"- [{doc_id}] {keep}\n  > {r['evidence'][:400]}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:4 + len(rows)]))
    print(f"samples written to {args.out}")


if __name__ == "__main__":
    main()
