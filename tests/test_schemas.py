"""The pandera models reject malformed frames and the registry publishes the contract's columns."""

import datetime as dt

import pandera.errors
import pytest

from pipeline.storage import frame
from schemas.registry import TABLES

CONTRACT = {
    "articles": ["article_id", "source_path", "title", "body", "published_at", "reference_year", "outlet", "author", "n_chars"],
    "meetings": ["meeting_id", "article_id", "date", "date_precision", "mode", "kind", "location", "participants",
                 "localities", "evidence", "evidence_start", "evidence_end"],
    "agreements": ["agreement_id", "article_id", "agreement_type", "status", "signed_date", "date_precision",
                   "valid_from_year", "valid_to_year", "parties", "fields", "mode", "evidence", "evidence_start", "evidence_end"],
    "trade_figures": ["figure_id", "article_id", "metric", "measure", "value", "unit", "value_usd", "value_usd_source", "qualifier", "product",
                      "locality", "partner", "period_start", "period_end", "evidence", "evidence_start", "evidence_end"],
    "rejected": ["source_path", "stage", "reason"],
}


def meeting(**kw) -> dict:
    row = {"meeting_id": "0123456789abcdef", "article_id": "fedcba9876543210", "date": dt.date(2022, 6, 29),
           "date_precision": "day", "mode": "online", "kind": "talks", "location": None,
           "participants": [{"name": "Lam Hiểu", "title": "Bí thư Thành ủy", "side": "CN"}],
           "localities": ["Sùng Tả", "Lạng Sơn"], "locality_ids": ["CN-451400", "VN-20"], "location_id": None,
           "evidence": "Ngày 29/6/2022, …", "evidence_start": 10,
           "evidence_end": 27}
    return row | kw


@pytest.mark.parametrize("name", CONTRACT)
def test_every_contract_column_is_published(name):
    assert set(CONTRACT[name]) <= set(TABLES[name].column_names)


def test_a_valid_meeting_passes_and_keeps_arrow_types():
    df = frame("meetings", [meeting()])
    assert str(df["date"].dtype) == "date32[day][pyarrow]"
    assert df.loc[0, "participants"][0]["name"] == "Lam Hiểu"
    assert TABLES["meetings"].arrow_schema().field("localities").type.value_type == "string"


@pytest.mark.parametrize(("bad", "column"), [
    ({"kind": "party"}, "kind"),
    ({"mode": "hybrid"}, "mode"),
    ({"meeting_id": "not-hex"}, "meeting_id"),
    ({"evidence_end": 99}, "offsets_span_evidence"),
])
def test_malformed_meetings_are_rejected(bad, column):
    with pytest.raises(pandera.errors.SchemaErrors) as err:
        frame("meetings", [meeting(**bad)])
    assert column in str(err.value)


def test_missing_and_extra_columns_are_rejected():
    table = TABLES["rejected"]
    df = frame("rejected", [{"source_path": "a.txt", "article_id": "0123456789abcdef", "stage": "decode", "reason": "empty file"}])
    with pytest.raises(pandera.errors.SchemaErrors):
        table.validate(df.drop(columns=["reason"]))
    with pytest.raises(pandera.errors.SchemaErrors):
        table.validate(df.assign(extra=1))


def test_figure_period_must_be_ordered():
    row = {"figure_id": "0123456789abcdef", "article_id": "fedcba9876543210", "metric": "gdp", "measure": "amount",
           "value": 1.0, "unit": "USD", "value_usd": None, "value_usd_source": None, "qualifier": "exact", "product": None, "locality": None,
           "partner": None, "locality_id": None, "partner_id": None, "period_start": dt.date(2022, 9, 1), "period_end": dt.date(2022, 1, 1),
           "evidence": "x", "evidence_start": 0, "evidence_end": 1}
    with pytest.raises(pandera.errors.SchemaErrors, match="period_ordered"):
        frame("trade_figures", [row])


def test_dates_must_fall_between_1945_and_today():
    for bad in (dt.date(1930, 5, 1), dt.date.today() + dt.timedelta(days=40)):
        with pytest.raises(pandera.errors.SchemaErrors, match="date_plausible"):
            frame("meetings", [meeting(date=bad)])
    assert len(frame("meetings", [meeting(date=None, date_precision="unknown")])) == 1


def test_figure_value_must_be_finite():
    row = {"figure_id": "0123456789abcdef", "article_id": "fedcba9876543210", "metric": "gdp", "measure": "amount",
           "value": float("inf"), "unit": "USD", "value_usd": float("inf"), "value_usd_source": "stated",
           "qualifier": "exact", "product": None, "locality": None, "partner": None, "period_start": None,
           "period_end": None, "evidence": "x", "evidence_start": 0, "evidence_end": 1}
    with pytest.raises(pandera.errors.SchemaErrors, match="value_finite"):
        frame("trade_figures", [row])


def article(**kw) -> dict:
    row = {"article_id": "0123456789abcdef", "source_path": "b/a.txt", "title": None, "body": "Hai tỉnh ký kết.",
           "published_at": dt.datetime(2021, 3, 4, tzinfo=dt.UTC), "reference_year": 2021, "outlet": None,
           "author": None, "n_chars": 16, "encoding": "utf-8", "body_confidence": 0.9}
    return row | kw


def test_rows_are_checked_in_their_arrow_dtypes_as_coercing_them_would_give(monkeypatch):
    import pyarrow as pa

    from pipeline.storage import _types_mapper

    rows = [article(), article(article_id="fedcba9876543210", reference_year=None, published_at=None)]
    table = TABLES["articles"]
    with monkeypatch.context() as m:
        m.setattr(table.model, "validate", lambda *a, **k: pytest.fail("validated again with coercion"))
        typed = frame("articles", rows)  # nullable integers converted, every dtype checked, nothing coerced
    coerced = table.validate(pa.Table.from_pylist(rows, schema=table.arrow_schema()).to_pandas(types_mapper=_types_mapper))
    assert str(typed["reference_year"].dtype) == "Int64" and typed["reference_year"].isna().tolist() == [False, True]
    assert typed.equals(coerced) and list(typed.dtypes) == list(coerced.dtypes)
    with pytest.raises(pandera.errors.SchemaErrors, match="n_chars_matches"):  # a failure still reports its check
        frame("articles", [article(n_chars=3)])


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_with_no_rows_is_the_frame_validating_it_gives(name, monkeypatch):
    import pyarrow as pa

    from pipeline import storage

    table = TABLES[name]
    storage._empty.cache_clear()
    with monkeypatch.context() as m:  # no rows: nothing for pandera to check, so it is not asked
        m.setattr(table.model, "validate", lambda *a, **k: pytest.fail("validated"))
        m.setattr(type(table), "validate", lambda *a, **k: pytest.fail("validated"))
        empty = frame(name, [])
    storage._empty.cache_clear()
    by_pandera = table.validate(pa.Table.from_pylist([], schema=table.arrow_schema()).to_pandas(types_mapper=storage._types_mapper))
    assert empty.empty and list(empty.columns) == table.column_names
    assert list(empty.dtypes) == list(by_pandera.dtypes) and empty.equals(by_pandera)
    assert table.validate(empty, typed=True).equals(empty)
