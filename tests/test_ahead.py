"""Reading ahead (`pipeline.ahead`): a refresh whose documents forked helpers cleaned and extracted
publishes what a clean build does, and whatever a helper did not deliver the build reads itself."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline import ahead
from pipeline.bronze import scan
from pipeline.unchanged import snapshot
from tests.test_faults import article, hoptac, ok, write
from tests.test_publication import clean, gold, small_root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return small_root(tmp_path)


def new_batch(root: Path) -> None:
    """A batch of new articles, one repeating a document of b1 and one that is no text."""
    for i in range(20, 26):
        write(root / "bronze" / "b3" / f"n{i}.txt", article(i))
    write(root / "bronze" / "b3" / "z-again.txt", article(1))
    write(root / "bronze" / "b3" / "photo.jpg", b"\xff\xd8\xff\xe0 not text")


def refresh(root: Path, tmp_path: Path, fault: str | None = None) -> tuple[str, str]:
    ok(hoptac(root))
    new_batch(root)
    timeline = tmp_path / "timeline.txt"
    os.environ["HOPTAC_TIMELINE"] = str(timeline)
    try:
        out = ok(hoptac(root, fault=fault))
    finally:
        del os.environ["HOPTAC_TIMELINE"]
    return out, timeline.read_text()


def test_a_refresh_read_ahead_publishes_what_a_clean_build_does(root, tmp_path, monkeypatch):
    out, timeline = refresh(root, tmp_path)
    assert "read ahead: 7 documents" in timeline  # the new batch's text files, cleaned and extracted early
    assert "batch b3" in out
    assert gold(root) == clean(root, tmp_path, monkeypatch)


def test_documents_a_helper_did_not_deliver_are_read_by_the_build(root, tmp_path, monkeypatch):
    out, timeline = refresh(root, tmp_path, fault="read-ahead")  # the helper is killed before it reads
    assert "read ahead: 0 documents" in timeline and "reading ahead lost a helper" in out
    assert gold(root) == clean(root, tmp_path, monkeypatch)


def test_only_batches_that_look_changed_are_read_ahead_and_not_too_many(root, tmp_path, monkeypatch):
    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    assert ahead.start(root, home, snapshot(root, home)) is None  # nothing looks changed
    new_batch(root)
    reading = ahead.start(root, home, snapshot(root, home))
    assert reading is not None and reading.batches == ["b3"] and reading.covers(["b3"]) and not reading.covers(["b1"])
    assert len(reading.ready()) == 7 and not reading.lost
    monkeypatch.setattr(ahead, "MAX_DOCUMENTS", 5)  # more than this goes to worker processes
    assert ahead.start(root, home, snapshot(root, home)) is None
    monkeypatch.setattr(ahead, "MAX_DOCUMENTS", 5000)
    monkeypatch.setenv(ahead.ENV, "0")
    assert ahead.start(root, home, snapshot(root, home)) is None


def test_helpers_forked_before_the_walk_read_what_they_are_told_or_end(root, tmp_path):
    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    waiting = ahead.prepare(root, home)  # forked before the walk: one per core, waiting to be told
    assert waiting is not None and len(waiting.helpers) == ahead.helpers_for(ahead.MAX_DOCUMENTS)
    assert ahead.start(root, home, snapshot(root, home), waiting) is None  # nothing looks changed: ended
    for helper in waiting.helpers:
        assert helper.orders is None
        with pytest.raises(ChildProcessError):
            os.waitpid(helper.pid, os.WNOHANG)  # reaped
    new_batch(root)
    waiting = ahead.prepare(root, home)
    reading = ahead.start(root, home, snapshot(root, home), waiting)
    assert reading is not None and [pid for pid, _ in reading.helpers] == [waiting.helpers[0].pid]  # one is needed
    cold = ahead.read(root, ["b3"])  # what a helper forked after the walk delivers
    ready = reading.ready()
    assert len(ready) == len(cold) == 7 and not reading.lost
    for f in scan(root / "bronze", "b3"):
        assert ready.cleaned(f) == cold.cleaned(f)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one helper per core")
def test_helpers_told_their_shares_each_deliver_without_waiting_on_another(root, tmp_path, monkeypatch):
    import signal

    def hung(*_):
        raise TimeoutError("a helper waits for something that never comes")

    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    for i in range(100, 300):  # enough for each helper's results to fill its pipe before the build reads it
        write(root / "bronze" / "b4" / f"n{i}.txt", article(i))
    monkeypatch.setattr(ahead, "PER_HELPER", 50)  # shared by every core's helper
    waiting = ahead.prepare(root, home)
    reading = ahead.start(root, home, snapshot(root, home), waiting)
    assert reading is not None and len(reading.helpers) == min(os.cpu_count(), 4)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        ready = reading.ready()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert len(ready) == 200 and not reading.lost


def test_a_helper_reads_the_new_batches_before_the_walk_ends(root, tmp_path, monkeypatch):
    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    new_batch(root)
    assert ahead._guess(root, home) == (["b3"], 1)  # a folder the kept manifest does not know
    timeline = tmp_path / "timeline.txt"
    monkeypatch.setenv("HOPTAC_TIMELINE", str(timeline))
    waiting = ahead.prepare(root, home)
    deadline = time.monotonic() + 60
    while "read its guess" not in (timeline.read_text() if timeline.exists() else ""):
        assert time.monotonic() < deadline, "the helper should read the new batch without being told"
        time.sleep(0.05)
    reading = ahead.start(root, home, snapshot(root, home), waiting)  # told what it guessed: it delivers
    ready = reading.ready()
    assert len(ready) == 7 and not reading.lost
    cold = ahead.read(root, ["b3"])
    assert all(ready.cleaned(f) == cold.cleaned(f) for f in scan(root / "bronze", "b3"))


def test_a_helper_that_guessed_wrong_reads_what_it_is_told(root, tmp_path):
    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    new_batch(root)
    (root / "bronze" / "b1" / "late.txt").write_bytes(article(40))  # a batch it knows, changed: not guessed
    waiting = ahead.prepare(root, home)
    reading = ahead.start(root, home, snapshot(root, home), waiting)
    assert reading is not None and reading.batches == ["b1", "b3"]
    ready = reading.ready()
    cold = ahead.read(root, ["b1", "b3"])
    assert len(ready) == len(cold) and not reading.lost
    for batch in ("b1", "b3"):
        assert all(ready.cleaned(f) == cold.cleaned(f) for f in scan(root / "bronze", batch))


def test_batches_touched_but_not_changed_are_read_once_then_look_unchanged_again(root, tmp_path):
    from pipeline.recorder import kept_manifest
    from tests.test_faults import outputs

    home = tmp_path / "home"
    ok(hoptac(root, home=home))
    before = outputs(root)
    later = time.time_ns() + 10**9
    for f in (root / "bronze").rglob("*.txt"):  # as a restore or a copy leaves them: the same bytes, new stats
        os.utime(f, ns=(later, later))
    assert ahead._share(root, home, snapshot(root, home))[0] == ["b1", "b2"]  # every batch looks changed
    out = ok(hoptac(root, home=home))
    assert "batch b" not in out and outputs(root) == before  # read again, found as it was: nothing built
    assert ahead._share(root, home, snapshot(root, home)) == ([], 0)  # and now they look unchanged
    kept = kept_manifest(root, home)
    assert sorted(kept) == ["b1", "b2"] and all(kept[b]["versions"]["stat_signature"] for b in kept)
    new_batch(root)
    assert ahead._share(root, home, snapshot(root, home))[0] == ["b3"]  # a refresh reads only the new batch


def test_a_document_rewritten_or_timed_out_in_a_helper_is_read_again_by_the_build(root, monkeypatch):
    def slow(doc):
        if "Cao Bằng" in doc.body:
            time.sleep(0.5)
        return {"meetings": [], "agreements": [], "trade_figures": []}

    monkeypatch.setenv("HOPTAC_DOCUMENT_BUDGET_S", "0.1")
    monkeypatch.setattr("pipeline.extract.extract_article", slow)
    ready = ahead.read(root, ["b1"])  # what a helper delivers, read in this process
    files = list(scan(root / "bronze", "b1"))
    assert all(ready.cleaned(f) is not None for f in files)
    timed_out = [f for f in files if "Cao Bằng" in f.raw.decode()]
    assert timed_out, "the fixture should hold an article the slow extractor stalls on"
    for f in files:
        row = ready.cleaned(f).article
        assert (ready.extracted(row) is None) == (f in timed_out)  # timed on a shared core: timed again
    rewritten = files[0].__class__(files[0].source_path, "f" * 64, 3, b"new")
    assert ready.cleaned(rewritten) is None  # other bytes under the same path: read again


def test_the_build_imports_its_libraries_with_the_collector_paused_and_leaves_it_on(monkeypatch):
    import gc
    import sys

    from pipeline.cli import _import_build

    try:
        _import_build()
        assert gc.isenabled() and gc.get_freeze_count() > 0  # the libraries' objects are out of its passes
        assert {"pandas", "pandera", "pyarrow", "pipeline.publication", "pipeline.build"} <= set(sys.modules)
    finally:
        gc.unfreeze()


def test_the_build_imports_neither_the_cleaner_nor_the_extractors():
    """A refresh whose documents were read ahead never cleans or extracts in the build's own process."""
    import subprocess
    import sys

    code = ("import sys; from pipeline.cli import _import_build; _import_build(); "
            "print(sorted(m for m in sys.modules if m.startswith(('pipeline.clean.', 'pipeline.extract.')) "
            "and m != 'pipeline.clean.bands'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
