"""Build and score the dev sets in ``../shared/eval`` with the real ``hoptac build``.

    python scripts/eval_dev.py                    # seeds, dev-news, dev-pages: score lines
    python scripts/eval_dev.py dev-news --details # one set, every miss and spurious row
    python scripts/eval_dev.py --json out/        # full reports as JSON (for scripts/error_classes.py)

Each set's texts are copied into a fresh ``<work>/<set>/bronze/<set>/`` and built with its own
``DAGSTER_HOME``, exactly as DEVELOPERS.md describes; nothing under ``data/`` is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from devsets import ROOT, SHARED  # noqa: E402

SETS = {"seeds": ("corpus/seeds", "eval/dev"), "dev-news": ("corpus/dev-news", "eval/dev-news"),
        "dev-pages": ("corpus/dev-pages", "eval/dev-pages")}


def build(name: str, work: Path) -> Path:
    """A fresh data root for dev set ``name``, built by ``hoptac build``."""
    corpus, _ = SETS[name]
    data = work / name
    shutil.rmtree(data, ignore_errors=True)
    bronze = data / "bronze" / name
    bronze.mkdir(parents=True)
    for f in sorted((SHARED / corpus).glob("*.txt")):
        shutil.copy2(f, bronze / f.name)
    env = {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(data / ".dagster_home")}
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--data-dir", str(data)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"build of {name} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return data


def score(name: str, data: Path, details: bool, json_dir: Path | None) -> str:
    _, gold = SETS[name]
    cmd = [sys.executable, str(SHARED / "eval/score.py"), "--data", str(data), "--gold", str(SHARED / gold)]
    if details:
        cmd.append("--details")
    if json_dir:
        json_dir.mkdir(parents=True, exist_ok=True)
        cmd += ["--json", str(json_dir / f"{name}.json")]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help=f"dev sets (default: all of {', '.join(SETS)})")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "hoptac-eval")
    ap.add_argument("--details", action="store_true", help="print every miss and spurious row")
    ap.add_argument("--json", type=Path, help="write each set's full report to this folder")
    ap.add_argument("--per-doc", action="store_true", help="keep the body line's per-document scores")
    args = ap.parse_args(argv)
    for name in args.sets or list(SETS):
        if name not in SETS:
            ap.error(f"unknown dev set {name!r}; choose from {', '.join(SETS)}")
        out = score(name, build(name, args.work), args.details, args.json)
        print(f"== {name}")
        for line in out.splitlines():
            if not args.per_doc and line.startswith("body"):
                line = line.split(" per_doc=")[0]
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
