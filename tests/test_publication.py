"""Publication proportional to change (`pipeline.publication`): a refresh writes again only the tables whose
inputs changed, and its files are byte-identical to a clean build's; the Dagster `publish` job writes the
same files as `hoptac build`; rows of a new batch that do not quote their article are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipeline import publication
from pipeline.runner import run_build
from pipeline.storage import data_dir, read_table, write_table
from tests.test_faults import article, write


def gold(root: Path) -> dict[str, bytes]:
    """The published files (tables, package, data dictionary)."""
    return {p.name: p.read_bytes() for p in sorted((root / "gold").iterdir()) if p.is_file()}


def build(root: Path, instance: dg.DagsterInstance, monkeypatch, **kwargs):
    monkeypatch.setenv("DATA_DIR", str(root))
    result = run_build(instance, data_dir(str(root)), log=lambda m: None, **kwargs)
    assert result.success, result.failures
    return result


def clean(root: Path, tmp_path: Path, monkeypatch) -> dict[str, bytes]:
    """The published files of a clean build of ``root``'s bronze (fresh data root and instance)."""
    fresh = tmp_path / f"clean{len(list(tmp_path.glob('clean*')))}"
    shutil.copytree(root / "bronze", fresh / "bronze")
    with dg.DagsterInstance.ephemeral() as instance:
        build(fresh, instance, monkeypatch)
    monkeypatch.setenv("DATA_DIR", str(root))  # the Dagster resources read the data root when a run starts
    return gold(fresh)


def small_root(tmp_path: Path) -> Path:
    """A data root with three articles in batch b1 and one in b2."""
    d = tmp_path / "data"
    for i in range(3):
        write(d / "bronze" / "b1" / f"a{i}.txt", article(i))
    write(d / "bronze" / "b2" / "x.txt", article(7))
    return d


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return small_root(tmp_path)


def test_a_new_batch_then_a_removed_one_publish_what_a_clean_build_does(root, tmp_path, monkeypatch):
    with dg.DagsterInstance.ephemeral() as instance:
        build(root, instance, monkeypatch)
        localities = (root / "gold" / "localities.parquet").stat()
        rejected = (root / "gold" / "rejected.parquet").stat()
        write(root / "bronze" / "b3" / "y.txt", article(12))  # a new batch
        read = []
        real_part = publication._part
        monkeypatch.setattr(publication, "_part", lambda pub, name, b: read.append(b) or real_part(pub, name, b))
        assert build(root, instance, monkeypatch).built == ["b3"]
        assert set(read) == {"b3"}  # the published files stand for b1 and b2: their parts are not read again
        monkeypatch.setattr(publication, "_part", real_part)
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        kept = (root / "gold" / "localities.parquet").stat()  # its inputs did not change: never rewritten
        assert (kept.st_ino, kept.st_mtime_ns) == (localities.st_ino, localities.st_mtime_ns)
        kept = (root / "gold" / "rejected.parquet").stat()  # b3 brought no rejection: its rows are the same
        assert (kept.st_ino, kept.st_mtime_ns) == (rejected.st_ino, rejected.st_mtime_ns)
        assert len(read_table(root, "extraction_rejected", ["b3"])) == 0

        shutil.rmtree(root / "bronze" / "b1")  # a batch removed
        build(root, instance, monkeypatch)
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        assert set(read_table(root, "meetings")["article_id"]) <= set(read_table(root, "articles")["article_id"])


def test_the_publish_job_writes_the_files_the_cli_writes(root, tmp_path, monkeypatch):
    from pipeline.definitions import defs
    from pipeline.defs.partitions import register_batches

    monkeypatch.setenv("DATA_DIR", str(root))
    with dg.DagsterInstance.ephemeral() as instance:
        register_batches(instance, data_dir(str(root)))
        for batch in ("b1", "b2"):
            assert defs.resolve_job_def("build_batch").execute_in_process(instance=instance, partition_key=batch).success
        assert defs.resolve_job_def("publish").execute_in_process(instance=instance).success
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        write(root / "bronze" / "b3" / "y.txt", article(12))  # a refresh through the job
        register_batches(instance, data_dir(str(root)))
        assert defs.resolve_job_def("build_batch").execute_in_process(instance=instance, partition_key="b3").success
        result = defs.resolve_job_def("publish").execute_in_process(instance=instance)
        assert result.success
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        meta = result.asset_materializations_for_node("gold__meetings")[0].metadata
        assert meta["dagster/row_count"].value == len(read_table(root, "meetings"))


def test_a_cli_publication_is_recorded_for_the_ui(root, monkeypatch):
    with dg.DagsterInstance.ephemeral() as instance:
        build(root, instance, monkeypatch)
        for name in ("meetings", "trade_figures", "localities", "meeting_events", "datapackage"):
            event = instance.get_latest_materialization_event(dg.AssetKey(["gold", name]))
            assert event is not None, name
        meta = instance.get_latest_materialization_event(dg.AssetKey(["gold", "meetings"])).asset_materialization.metadata
        assert meta["dagster/row_count"].value == len(read_table(root, "meetings")) > 0
        assert "preview" in meta
        checks = instance.event_log_storage.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(dg.AssetKey(["gold", "meetings"]), "evidence_traceable")])
        assert len(checks) == 1


def test_rows_of_a_new_batch_that_misquote_their_article_are_not_published(root, monkeypatch):
    from pipeline.publication import NotPublishable, publish, read_package, start, untraceable_rows

    with dg.DagsterInstance.ephemeral() as instance:
        build(root, instance, monkeypatch)
    before = gold(root)
    r = data_dir(str(root))
    meetings = read_table(r, "meetings", ["b2"]).drop(columns="batch")
    meetings[["evidence_start", "evidence_end"]] += 1  # the same sentence, quoted one character off
    write_table(r, "meetings", meetings, "b2")
    recorded = read_package(r)["provenance"]["build"]
    refreshed = {**recorded, "batches": {**recorded["batches"], "b2": "rebuilt"}}  # as if b2 was built again
    pub = start(r, refreshed)
    assert pub.changed == ["b2"] and len(untraceable_rows(pub, "meetings")) == len(meetings)
    assert untraceable_rows(start(r, recorded), "meetings") == []  # b2's rows were published and checked before
    with pytest.raises(NotPublishable, match="do not quote"):
        publish(r, refreshed)
    assert gold(root) == before  # nothing was swapped in


def test_a_build_checks_the_evidence_of_the_rows_it_writes_once(root, monkeypatch):
    from pipeline import build as steps
    from pipeline.document import Extracted

    with dg.DagsterInstance.ephemeral() as instance:
        build(root, instance, monkeypatch)
        write(root / "bronze" / "b3" / "y.txt", article(12))  # a new batch: its rows are checked as it is built
        checked = []
        real_bodies = publication._bodies
        monkeypatch.setattr(publication, "_bodies", lambda pub, b: checked.append(b) or real_bodies(pub, b))
        assert build(root, instance, monkeypatch).built == ["b3"]
        assert checked == []  # ... and the publication does not read b3's articles to check them again
        before = gold(root)

        real_extract = steps.extract_row

        def misquoting(row, budget):  # every meeting quoted one character off
            got = real_extract(row, budget)
            for m in got.tables["meetings"]:
                m["evidence_start"], m["evidence_end"] = m["evidence_start"] + 1, m["evidence_end"] + 1
            return Extracted(got.tables)

        monkeypatch.setattr(steps, "extract_row", misquoting)
        write(root / "bronze" / "b4" / "z.txt", article(5))
        monkeypatch.setenv("DATA_DIR", str(root))
        result = run_build(instance, data_dir(str(root)), log=lambda m: None)
        assert not result.success and "do not quote their article" in result.failures[0]
        assert gold(root) == before  # b4 was refused before any of its parts was written
        assert not (root / "gold" / "_batches" / "meetings" / "batch=b4").exists()


def test_two_large_batches_are_built_side_by_side_but_two_small_ones_are_not():
    from pipeline.runner import in_workers

    assert in_workers(2, 2, 1600) and in_workers(2, 5, 10)
    assert not in_workers(2, 2, 40) and not in_workers(1, 5, 5000) and not in_workers(2, 1, 5000)


def test_event_tables_recluster_only_the_events_a_change_touches(root, tmp_path, monkeypatch):
    from pipeline import clustering

    updates = []
    real_update = clustering.update
    monkeypatch.setattr(clustering, "update", lambda *a: updates.append(real_update(*a)) or updates[-1])
    write(root / "bronze" / "b2" / "r.txt", article(108))  # the meeting of a0 (same day and places), told again
    with dg.DagsterInstance.ephemeral() as instance:
        build(root, instance, monkeypatch)
        assert not updates  # a first publication clusters every row
        events = read_table(root, "meeting_events")
        assert sorted(events["n_articles"]) == [1, 1, 1, 2]
        write(root / "bronze" / "b3" / "y.txt", article(109))  # joins a1's event
        write(root / "bronze" / "b3" / "z.txt", article(5))  # a meeting of its own
        dated = []
        real_read_part = publication.read_part
        monkeypatch.setattr(publication, "read_part", lambda path, *a: (
            path.parent.parent.name == "articles" and dated.append(path.parent.name)) or real_read_part(path, *a))
        build(root, instance, monkeypatch)
        kept, again = updates[0]
        assert len(kept) == 3 and len(again) == 3  # a0+r, a2, x stand; a1 and b3's two rows are clustered again
        assert sorted(dated) == ["batch=b1", "batch=b3"]  # the dates of their articles: b2 holds none of them
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        assert sorted(read_table(root, "meeting_events")["n_articles"]) == [1, 1, 1, 2, 2]

        updates.clear()
        shutil.rmtree(root / "bronze" / "b1")  # a removed batch splits the events it held rows of
        build(root, instance, monkeypatch)
        assert updates[0] is not None
        assert gold(root) == clean(root, tmp_path, monkeypatch)
        assert sorted(read_table(root, "meeting_events")["n_articles"]) == [1, 1, 1, 1]
