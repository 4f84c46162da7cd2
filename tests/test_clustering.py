"""Same event, many articles: meetings and agreements reported by several outlets share one event."""

import datetime as dt

import pandas as pd

from pipeline.clustering import agreement_events, dates_compatible, meeting_events
from pipeline.gazetteer import lookup
from pipeline.storage import frame


def ids(name: str) -> str | None:
    place = lookup(name)
    return place.locality_id if place else None


def meeting(mid: str, art: str, names: list[str], date=None, precision="unknown", kind="talks", **kw) -> dict:
    return {"meeting_id": mid * 16, "article_id": art * 16, "date": date, "date_precision": precision,
            "mode": kw.get("mode", "unknown"), "kind": kind, "location": kw.get("location"),
            "participants": [{"name": n, "title": None, "side": None} for n in names],
            "localities": kw.get("localities", []), "locality_ids": [ids(n) for n in kw.get("localities", [])],
            "location_id": None, "evidence": "x", "evidence_start": 0, "evidence_end": 1}


def articles(*ids: str, published=None) -> pd.DataFrame:
    published = published or [None] * len(ids)
    return pd.DataFrame({"article_id": [i * 16 for i in ids],
                         "published_at": pd.to_datetime(published, utc=True)})


def test_dates_compare_at_the_coarser_precision():
    assert dates_compatible(dt.date(2022, 6, 29), "day", dt.date(2022, 6, 1), "month") is True
    assert dates_compatible(dt.date(2022, 6, 29), "day", dt.date(2022, 6, 28), "day") is False
    assert dates_compatible(None, "unknown", dt.date(2022, 6, 28), "day") is None


def test_two_outlets_one_meeting_different_words():
    rows = [
        # outlet A: "Ngày 29/6, Bí thư Thành ủy Sùng Tả Lam Hiểu hội đàm trực tuyến với Phó Chủ tịch UBND tỉnh Lạng Sơn Đoàn Thu Hà"
        meeting("a", "1", ["Lam Hiểu", "Đoàn Thu Hà"], dt.date(2022, 6, 29), "day", "talks", mode="online",
                localities=["Sùng Tả", "Lạng Sơn"]),
        # outlet B: "Lạng Sơn và Sùng Tả trao đổi qua cầu truyền hình… bà Đoàn Thu Hà tiếp ông Lam Hiểu" (a month only)
        meeting("b", "2", ["Đoàn Thu Hà", "Lam Hiểu"], dt.date(2022, 6, 1), "month", "reception",
                localities=["Lạng Sơn"]),
        # the same people at another meeting a month later: a different event
        meeting("c", "3", ["Lam Hiểu", "Đoàn Thu Hà"], dt.date(2022, 7, 30), "day", "talks"),
        # unrelated
        meeting("d", "2", ["Phan Anh Sơn"], dt.date(2025, 7, 16), "day", "reception", location="Hà Nội"),
    ]
    events = meeting_events(frame("meetings", rows).assign(batch="x"),
                            articles("1", "2", "3", published=["2022-06-30", "2022-06-29", "2022-07-31"]))
    df = frame("meeting_events", events)
    assert len(df) == 3
    merged = df[df["n_articles"] == 2].iloc[0]
    assert list(merged["meeting_ids"]) == ["b" * 16, "a" * 16]  # earliest article first
    assert merged["first_article_id"] == "2" * 16 and merged["last_article_id"] == "1" * 16
    assert merged["date"] == dt.date(2022, 6, 29) and merged["date_precision"] == "day"
    assert merged["mode"] == "online"
    assert sorted(merged["localities"]) == ["Lạng Sơn", "Sùng Tả"]
    assert sorted(p["name"] for p in merged["participants"]) == ["Lam Hiểu", "Đoàn Thu Hà"]


def test_event_ids_are_stable_when_a_later_article_joins():
    a = meeting("a", "1", ["Lam Hiểu"], dt.date(2022, 6, 29), "day")
    first = meeting_events(frame("meetings", [a]), articles("1"))[0]["event_id"]
    later = meeting_events(frame("meetings", [a, meeting("e", "5", ["Lam Hiểu"], dt.date(2022, 6, 29), "day")]),
                           articles("1", "5"))
    assert [e["event_id"] for e in later] == [first]


def test_agreements_merge_on_type_and_parties():
    def agreement(aid, art, parties, kind="letter_of_intent", status="signed"):
        return {"agreement_id": aid * 16, "article_id": art * 16, "agreement_type": kind, "status": status,
                "signed_date": None, "date_precision": "unknown", "valid_from_year": None, "valid_to_year": None,
                "parties": parties, "party_ids": [ids(n) for n in parties], "fields": [], "mode": "online", "evidence": "x", "evidence_start": 0,
                "evidence_end": 1}

    rows = [agreement("a", "1", ["Bắc Giang", "Nam Ninh"]), agreement("b", "2", ["Nam Ninh", "Bắc Giang"], status="planned"),
            agreement("c", "3", ["Nam Ninh", "Bắc Giang"], kind="memorandum_of_understanding"),
            agreement("d", "4", ["Nam Ninh", "Cao Bằng"])]
    df = frame("agreement_events", agreement_events(frame("agreements", rows), articles("1", "2", "3", "4")))
    assert sorted(df["n_articles"]) == [1, 1, 2]
    assert df[df["n_articles"] == 2].iloc[0]["status"] == "signed"


OUTLET_A = """Lạng Sơn và Sùng Tả hội đàm trực tuyến
Chiều 14/3/2024, đồng chí Đoàn Thu Hà, Phó Chủ tịch UBND tỉnh Lạng Sơn đã có buổi hội đàm trực tuyến với ông Lam Hiểu, Bí thư Thành ủy Sùng Tả, Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc).
Hai bên trao đổi về việc nâng cao hiệu quả thông quan hàng hóa tại các cặp cửa khẩu và tăng cường quản lý biên giới.
"""
OUTLET_B = """Thúc đẩy hợp tác cửa khẩu giữa Lạng Sơn và thành phố Sùng Tả
Ngày 14/3/2024, Bí thư Thành ủy thành phố Sùng Tả (Trung Quốc) Lam Hiểu và Phó Chủ tịch UBND tỉnh Lạng Sơn Đoàn Thu Hà đã hội đàm qua hình thức trực tuyến.
Tại buổi hội đàm, hai bên thống nhất tiếp tục phối hợp chặt chẽ, bảo đảm thông quan thông suốt dịp cao điểm.
"""


def test_the_same_meeting_told_by_two_outlets_becomes_one_event():
    from pipeline.clean import clean_document
    from pipeline.document import article_text
    from pipeline.extract import extract_article

    rows, arts = [], []
    for i, text in enumerate((OUTLET_A, OUTLET_B)):
        doc = clean_document(text)
        art = {"article_id": f"{i}" * 16, "source_path": f"{i}.txt", "body": doc.body, "title": doc.title,
               "reference_year": doc.reference_year, "published_at": None}
        arts.append(art)
        rows += extract_article(article_text(art))["meetings"]
    assert len(rows) == 2
    events = frame("meeting_events", meeting_events(frame("meetings", rows), pd.DataFrame(arts)))
    assert len(events) == 1
    event = events.iloc[0]
    assert event["n_articles"] == 2 and event["kind"] == "talks" and event["mode"] == "online"
    assert event["date"] == dt.date(2024, 3, 14)
    assert sorted(p["name"] for p in event["participants"]) == ["Lam Hiểu", "Đoàn Thu Hà"]


def test_an_update_reclusters_only_the_events_an_added_row_joins_or_a_removed_row_leaves():
    import pyarrow as pa

    from pipeline.clustering import update
    from schemas.registry import TABLES

    rows = [
        meeting("a", "1", ["Trần Văn Nam", "Lý Minh"], dt.date(2021, 3, 9), "day"),
        meeting("b", "2", ["Lý Minh", "Trần Văn Nam"], dt.date(2021, 3, 9), "day"),  # a's event
        meeting("c", "3", ["Hoàng Thị Lan"], dt.date(2021, 4, 2), "day"),
        meeting("d", "4", ["Hoàng Thị Lan"], dt.date(2021, 9, 20), "day"),  # shares a person with c, another day
        meeting("f", "6", ["Vũ Đức Thắng"], dt.date(2021, 5, 5), "day"),
    ]
    previous = [["a" * 16, "b" * 16], ["c" * 16], ["d" * 16], ["f" * 16]]
    added = meeting("e", "5", ["Hoàng Thị Lan"], dt.date(2021, 4, 2), "day")  # joins c, not d (same key)
    table = pa.Table.from_pandas(frame("meetings", [*rows[1:], added]), schema=TABLES["meetings"].arrow_schema(),
                                 preserve_index=False)  # a's batch went, e's came
    kept, again = update("meeting_events", table, previous, {"e" * 16})
    assert kept == [2, 3]  # d and f stand: d shares only a key with e, not the event
    assert sorted(table["meeting_id"].take(pa.array(again)).to_pylist()) == ["b" * 16, "c" * 16, "e" * 16]
    assert update("meeting_events", table, [["b" * 16], ["c" * 16]], {"e" * 16}) is None  # d, f in no event
