"""One bad row never sinks a batch: it is set aside with its reason and the rest is published."""

import datetime as dt

from pipeline.bronze import BronzeFile
from pipeline.build import build_gold, build_silver, split_valid


def figure(i: int, **kw) -> dict:
    row = {"figure_id": f"{i:016x}", "article_id": "a" * 16, "metric": "gdp", "measure": "amount", "value": 1.0,
           "unit": "USD", "value_usd": None, "value_usd_source": None, "qualifier": "exact", "product": None, "locality": None,
           "partner": None, "locality_id": None, "partner_id": None, "period_start": None, "period_end": None, "evidence": "x", "evidence_start": 0,
           "evidence_end": 1}
    return row | kw


def test_split_valid_keeps_good_rows_and_names_the_bad_ones():
    rows = [figure(1), figure(2, metric="weather"), figure(3, period_start=dt.date(2022, 9, 1), period_end=dt.date(2022, 1, 1))]
    good, bad = split_valid("trade_figures", rows)
    assert list(good["figure_id"]) == [f"{1:016x}"]
    reasons = dict((r["figure_id"], why) for r, why in bad)
    assert "metric fails isin" in reasons[f"{2:016x}"]
    assert "period_ordered" in reasons[f"{3:016x}"]


def test_an_article_failing_its_schema_is_rejected_not_the_batch(monkeypatch):
    from pipeline.clean import clean_document as real

    def odd_year(text, source_path=""):
        doc = real(text, source_path)
        if "odd" in source_path:
            doc.reference_year = 1890
        return doc

    monkeypatch.setattr("pipeline.clean.clean_document", odd_year)
    text = "Tiêu đề\nNgày 9/9/2022, Bí thư Tỉnh ủy Cao Bằng hội đàm với đoàn Quảng Tây.".encode()
    files = [BronzeFile("b/odd.txt", "1" * 64, len(text), text), BronzeFile("b/ok.txt", "2" * 64, len(text), text)]
    silver = build_silver(files)
    assert [a["source_path"] for a in silver.articles] == ["b/ok.txt"]
    assert silver.rejected[0]["source_path"] == "b/odd.txt" and "reference_year" in silver.rejected[0]["reason"]
    assert silver.counts() == {"files": 2, "article": 1, "duplicate": 0, "rejected": 1}


def test_a_gold_row_failing_its_schema_goes_to_rejected(monkeypatch):
    def extract(doc):
        return {"meetings": [], "agreements": [], "trade_figures": [figure(1, article_id=doc.article_id),
                                                                    figure(2, article_id=doc.article_id, value_usd=-5.0, measure="ratio")]}

    monkeypatch.setattr("pipeline.extract.extract_article", extract)
    tables, rejected = build_gold([{"article_id": "a" * 16, "source_path": "b/x.txt", "body": "x", "title": None,
                                    "reference_year": None, "published_at": None}])
    assert len(tables["trade_figures"]) == 1
    assert rejected[0]["source_path"] == "b/x.txt" and rejected[0]["stage"] == "extract"
    assert "measure fails isin" in rejected[0]["reason"]
