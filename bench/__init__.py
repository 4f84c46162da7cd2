"""hoptac benchmarks (`make bench`): per-stage throughput, baselines, end-to-end builds, refresh, scale.

Run with `python -m bench`; results go to `bench/results.json` and `bench/results.md`, working files
to `bench/work/` (git-ignored). The VNTC sample is read from `../shared`, never copied into the repo.
"""
