"""Long steps report progress: every N files cleaned and articles extracted."""

from __future__ import annotations

from pipeline.build import build_gold, counted


def test_counted_reports_after_every_nth_item_is_done():
    seen: list[tuple[int, int]] = []
    done: list[str] = []
    for item in counted(iter("abcdefg"), lambda n: seen.append((n, len(done))), every=3):
        done.append(item)
    assert done == list("abcdefg") and seen == [(3, 3), (6, 6)]  # reported once the 3rd, 6th item is handled
    assert list(counted([1, 2], None, every=1)) == [1, 2]  # no callback: items only


def test_build_gold_reports_progress_per_article(monkeypatch):
    import pipeline.build as build
    import pipeline.document as document

    monkeypatch.setattr(build, "PROGRESS_EVERY", 2)
    monkeypatch.setattr("pipeline.extract.extract_article", lambda doc: {n: [] for n in document.GOLD_TABLES})
    articles = [{"article_id": f"{i:016x}", "source_path": f"b/{i}.txt", "body": "Một câu.", "title": None}
                for i in range(5)]
    seen: list[int] = []
    build_gold(articles, progress=seen.append)
    assert seen == [2, 4]
