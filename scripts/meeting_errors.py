"""Meeting errors on a dev set, classed by the stage that failed (in process, no build).

    python scripts/meeting_errors.py [dev-news|seeds] [--details] [--doc SUBSTRING]

Cleans and extracts each text of the set in process, scores the meeting rows with
``../shared/eval/score.py`` (the same matching as the real scorer) and puts every required gold
meeting that no row matched, and every row that matched no gold meeting, in one class:

- ``reference year``: the article's reference year differs from the gold one and the miss is dated;
- ``people``: a gold participant is never found by the people finder in the body;
- ``trigger``: no kept mention names any gold participant (no trigger, or the trigger was skipped);
- ``scope``: a merged meeting matches the gold one but was judged not Viet Nam ↔ foreign;
- ``keep``: a merged meeting matches but lacks sides/anchors for the keep rule;
- ``own row``: a merged meeting names the gold one's people but its row went to another gold meeting (several
  meetings told in one sentence or list, a visit folded into its talks, two meetings merged);
- ``date``: a candidate names the participants but its date does not match;
- ``spurious …``: rows with no gold, by whether the gold marks it optional-only or nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from devsets import SHARED, scorer  # noqa: E402  (puts this checkout on sys.path)

from pipeline.bronze import decode  # noqa: E402
from pipeline.clean import clean_document  # noqa: E402
from pipeline.extract import ArticleText  # noqa: E402
from pipeline.extract.meetings import _keep, _mentions, _merge, _row, meeting_groups  # noqa: E402

SETS = {"seeds": ("corpus/seeds", "eval/dev"), "dev-news": ("corpus/dev-news", "eval/dev-news"),
        "dev-pages": ("corpus/dev-pages", "eval/dev-pages")}




def article(path: Path) -> ArticleText:
    clean = clean_document(decode(path.read_bytes()).text, path.name)
    return ArticleText(path.stem, clean.body, clean.title, clean.reference_year, clean.published_at)


def classify(sc, gold: dict, doc: ArticleText, rows: list[dict], gold_year) -> str:
    """The stage that lost one required gold meeting."""
    raw = _merge(_mentions(doc))
    doc.extra.pop("_meeting_groups", None)
    groups = meeting_groups(doc)
    if gold.get("date") and doc.reference_year != gold_year and gold_year is not None:
        return "reference year"
    names = {sc.norm_name(p["name"]) for p in gold.get("participants", [])}
    from pipeline.extract.events import people_in
    found = {sc.norm_name(p.name) for p in people_in(doc.body)}
    if names and not names & found:
        return "people"
    as_rows = [(g, _row(doc, g)) for g in raw]
    cands = [(g, r) for g, r in as_rows if sc.meeting_score(gold, r) > 0]
    if not cands:
        loose = [(g, r) for g, r in as_rows
                 if names & {sc.norm_name(p["name"]) for p in r["participants"]}]
        return "date" if loose else "trigger"
    g, _ = max(cands, key=lambda c: sc.meeting_score(gold, c[1]))
    if not _keep(g):
        return "keep"
    kept = next((k for k in groups if k.start == g.start and k.trigger == g.trigger), None)
    if kept is not None and not kept.in_scope:
        return "scope"
    return "own row"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", default="dev-news", choices=list(SETS))
    ap.add_argument("--details", action="store_true", help="print each miss and spurious row")
    ap.add_argument("--doc", help="only documents whose name contains this")
    args = ap.parse_args(argv)
    sc = scorer()
    corpus, gold_dir = SETS[args.set]
    classes: Counter[str] = Counter()
    tp = fp = fn = 0
    attrs = sc.Attrs()
    for gf in sorted((SHARED / gold_dir).glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        if args.doc and args.doc not in g["doc"]:
            continue
        path = SHARED / corpus / g["doc"]
        if not path.exists():
            continue
        doc = article(path)
        from pipeline.extract.meetings import extract_meetings
        rows = extract_meetings(doc)
        golds = g.get("meetings", [])
        pairs = sc.match(golds, rows, sc.meeting_score)
        mg, mp = {a for a, _ in pairs}, {b for _, b in pairs}
        for gi, pi in pairs:
            if not golds[gi].get("optional"):
                tp += 1
                sc.check_meeting(golds[gi], rows[pi], attrs)
        for gi, gm in enumerate(golds):
            if gi in mg or gm.get("optional"):
                continue
            fn += 1
            cls = classify(sc, gm, doc, rows, g["article"].get("reference_year"))
            classes["missed: " + cls] += 1
            if args.details:
                print(f"MISS [{cls}] {g['doc']}: {json.dumps(gm, ensure_ascii=False)}")
        for pi, r in enumerate(rows):
            if pi in mp:
                continue
            fp += 1
            cls = "spurious"
            classes[cls] += 1
            if args.details:
                print(f"SPUR {g['doc']}: {r['kind']} {r['date']} "
                      f"{[p['name'] + '/' + str(p['side']) for p in r['participants']]} {r['localities']} "
                      f"| {r['evidence'][:300]}")
    p, r, f = sc.prf(tp, fp, fn)
    print(f"meetings P={p:.3f} R={r:.3f} F1={f:.3f} tp={tp} fp={fp} fn={fn} "
          f"attr={attrs.mean() or 0:.3f} {attrs.report()}")
    print(f"{'class':<28}count")
    for cls, n in classes.most_common():
        print(f"{cls:<28}{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
