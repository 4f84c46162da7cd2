"""A seeded hostile corpus and how long each document takes (issue 11, item 5): one-sentence files
made of a repeated trigger phrase, percentages, amounts and digits, at doubling sizes.

    .venv/bin/python -m bench.hostile [--max-kb 256] [--seed 11] [--budget 10]

Prints, per document, its size and the seconds of decode + clean + extract (as `build_silver` and
`build_gold` run them, under the per-document time budget) and the seconds per MB; linear work shows
as a flat seconds-per-MB column. Not run in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from pipeline.bronze import BronzeFile

PIECES = ("tăng 10% ", "hội đàm ", "ký kết biên bản ghi nhớ ", "đạt 1.234,5 tỷ USD ", "Quảng Tây ",
          "ngày 12/3/2024 ", "9" * 400 + " USD ", "Bí thư Tỉnh ủy Lạng Sơn ")


def hostile(seed: int, max_kb: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of each document: every piece alone and a seeded mix, from 8 KB to ``max_kb``."""
    rng = random.Random(seed)
    docs = []
    size = 8
    while size <= max_kb:
        for i, piece in enumerate(PIECES):
            docs.append((f"p{i}_{size}k.txt", (piece * (size * 1024 // len(piece.encode()) + 1)).encode()))
        mix = ""
        while len(mix.encode()) < size * 1024:
            mix += rng.choice(PIECES)
        docs.append((f"mix_{size}k.txt", mix.encode()))
        size *= 2
    return docs


def _row(name: str, body: str) -> dict:
    return {"article_id": "0" * 16, "source_path": f"hostile/{name}", "body": body, "title": None,
            "published_at": None, "reference_year": 2024}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=256)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--budget", type=float, default=10.0)
    args = parser.parse_args(argv)
    os.environ["HOPTAC_DOCUMENT_BUDGET_S"] = str(args.budget)
    import hashlib

    from pipeline.build import build_gold, build_silver

    build_gold([_row("warm-up", "Quảng Ninh hội đàm với Quảng Tây.")])  # lexicons compiled once, not timed
    worst = (0.0, "")
    for name, raw in hostile(args.seed, args.max_kb):
        started = time.perf_counter()
        silver = build_silver([BronzeFile(f"hostile/{name}", hashlib.sha256(raw).hexdigest(), len(raw), raw)])
        cleaned = time.perf_counter()
        _, rejected = build_gold([_row(name, raw.decode())])  # the whole text as a body: extraction's worst case
        seconds = time.perf_counter() - started
        per_mb = seconds / (len(raw) / 1e6)
        worst = max(worst, (per_mb, name))
        note = rejected[0]["reason"][:40] if rejected else ""
        print(f"{name:<16} {len(raw) / 1024:7.0f} KB  clean {cleaned - started:7.2f} s  extract "
              f"{seconds - (cleaned - started):7.2f} s  {per_mb:8.2f} s/MB  {silver.counts()['article']} article  {note}",
              flush=True)
    print(f"slowest: {worst[1]} at {worst[0]:.2f} s/MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
