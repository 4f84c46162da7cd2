"""Gold: meetings, agreements, trade figures and the localities gazetteer."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import HEX16, MODES, PRECISIONS, Date, Participants, StringList, Text, row_check

MEETING_KINDS = ["talks", "reception", "conference", "visit", "other"]
AGREEMENT_TYPES = [
    "letter_of_intent", "memorandum_of_understanding", "cooperation_agreement", "meeting_minutes",
    "friendship_relation", "joint_statement", "other",
]
METRICS = [
    "trade_turnover", "export_value", "import_value", "fdi_capital", "fdi_projects", "gdp", "budget_revenue",
    "deposits", "fixed_asset_investment", "industrial_investment", "agriculture", "industry", "services",
    "goods_volume", "vehicle_crossings", "export_volume", "other",
]
MEASURES = ["amount", "change_pct", "share_pct"]
FIRST_DATE = dt.date(1945, 1, 1)


def plausible_dates(series: pd.Series) -> pd.Series:
    """True where the date is missing or between 1945-01-01 and today."""
    values = pd.Series([None if pd.isna(v) else v for v in series], index=series.index, dtype=object)
    today = dt.date.today()
    return values.map(lambda v: v is None or FIRST_DATE <= v <= today).astype(bool)
QUALIFIERS = ["exact", "approx", "more_than", "less_than"]


def aligned(names: pd.Series, ids: pd.Series) -> pd.Series:
    """True where the id list has one entry per name."""
    def size(v) -> int:
        return 0 if v is None or (not hasattr(v, "__len__") and pd.isna(v)) else len(v)

    return pd.Series([size(a) == size(b) for a, b in zip(names, ids, strict=True)], index=names.index, dtype=bool)


class Evidence(pa.DataFrameModel):
    """Columns every extracted row carries: the article and the sentence(s) it was read from."""

    article_id: Series[Text] = pa.Field(str_matches=HEX16, description="Article the row was read from (`silver/articles`).")
    evidence: Series[Text] = pa.Field(str_length={"min_value": 1}, description="The sentence(s) the row was read from.")
    evidence_start: Series[int] = pa.Field(ge=0, description="Offset of `evidence` in the article's `body` (characters).")
    evidence_end: Series[int] = pa.Field(ge=1, description="End offset of `evidence` in `body`: `body[evidence_start:evidence_end] == evidence`.")

    @row_check("evidence_end - evidence_start == len(evidence)")
    def offsets_span_evidence(cls, df: pd.DataFrame) -> Series[bool]:
        return df["evidence_end"] - df["evidence_start"] == df["evidence"].str.len()

    class Config:
        strict = True
        coerce = True


class Meetings(Evidence):
    """One row per meeting mentioned in an article's body."""

    meeting_id: Series[Text] = pa.Field(unique=True, str_matches=HEX16, description="Stable id: same article, sentence and reading give the same id.")
    date: Series[Date] = pa.Field(nullable=True, description="When it happened (first day of the stated month/year for coarser precision); null when the text does not say.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="`day`, `month`, `year` or `unknown` (no date).")
    mode: Series[Text] = pa.Field(isin=MODES, description="`online` (trực tuyến, điện đàm), `in_person` or `unknown`.")
    kind: Series[Text] = pa.Field(isin=MEETING_KINDS, description="`talks` (hội đàm), `reception` (tiếp, hội kiến, làm việc), `conference` (hội nghị, phiên họp), `visit` (thăm, khảo sát) or `other`.")
    location: Series[Text] = pa.Field(nullable=True, description="Where it took place, when stated (canonical place name).")
    participants: Series[Participants] = pa.Field(description="Named people: name (no honorifics), title, side (ISO 3166-1 alpha-2 of the country they represent, or null).")
    localities: Series[StringList] = pa.Field(description="Provinces, cities or regions the sides represent, canonical Vietnamese names (`Quảng Tây`, `Lạng Sơn`).")
    locality_ids: Series[StringList] = pa.Field(description="`gold/localities.locality_id` of each `localities` entry, in the same order (the unit the article means where a name is ambiguous).")
    location_id: Series[Text] = pa.Field(nullable=True, description="`gold/localities.locality_id` of `location`; null when the location is not in the gazetteer.")

    @row_check("one locality id per locality")
    def locality_ids_aligned(cls, df: pd.DataFrame) -> Series[bool]:
        return aligned(df["localities"], df["locality_ids"])

    @row_check("date between 1945-01-01 and today")
    def date_plausible(cls, df: pd.DataFrame) -> Series[bool]:
        return plausible_dates(df["date"])


class Agreements(Evidence):
    """One row per agreement document or formal relationship."""

    agreement_id: Series[Text] = pa.Field(unique=True, str_matches=HEX16, description="Stable id.")
    agreement_type: Series[Text] = pa.Field(isin=AGREEMENT_TYPES, description="`letter_of_intent` (ý định thư), `memorandum_of_understanding` (biên bản ghi nhớ), `cooperation_agreement` (thỏa thuận hợp tác), `meeting_minutes` (biên bản hội nghị / hội đàm), `friendship_relation` (quan hệ hữu nghị / kết nghĩa), `joint_statement` (tuyên bố chung) or `other`.")
    status: Series[Text] = pa.Field(isin=["signed", "planned"], description="`signed` (it happened) or `planned` (intended, proposed).")
    signed_date: Series[Date] = pa.Field(nullable=True, description="When it was signed or established.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="Precision of `signed_date`.")
    valid_from_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1945, le=2100, description="First year of its term (`giai đoạn 2023-2027` → 2023).")
    valid_to_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1945, le=2100, description="Last year of its term.")
    parties: Series[StringList] = pa.Field(description="Canonical names of the localities or organisations that signed.")
    fields: Series[StringList] = pa.Field(description="Sectors named for it (trade, investment, education, …); may be empty.")
    mode: Series[Text] = pa.Field(isin=MODES, description="`online`, `in_person` or `unknown`.")
    party_ids: Series[StringList] = pa.Field(description="`gold/localities.locality_id` of each party, in the order of `parties`; null for a party that is an organisation.")

    @row_check("one id (or null) per party")
    def party_ids_aligned(cls, df: pd.DataFrame) -> Series[bool]:
        return aligned(df["parties"], df["party_ids"])

    @row_check("valid_from_year <= valid_to_year")
    def term_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return ~(df["valid_from_year"] > df["valid_to_year"]).fillna(False).astype(bool)

    @row_check("signed_date between 1945-01-01 and today")
    def date_plausible(cls, df: pd.DataFrame) -> Series[bool]:
        return plausible_dates(df["signed_date"])


class TradeFigures(Evidence):
    """One row per reported quantity (tidy: a level and its growth rate are two rows)."""

    figure_id: Series[Text] = pa.Field(unique=True, str_matches=HEX16, description="Stable id.")
    metric: Series[Text] = pa.Field(isin=METRICS, description="What is measured (`trade_turnover`, `gdp`, `fdi_capital`, …, `other`).")
    measure: Series[Text] = pa.Field(isin=MEASURES, description="`amount` (a level or count), `change_pct` (growth, percent) or `share_pct` (a share, percent).")
    value: Series[float] = pa.Field(description="Value in base units: `50,043 tỷ` is 50043000000.0; `5,7%` is 5.7.")
    unit: Series[Text] = pa.Field(description="`CNY`, `USD`, `VND`, `tonne`, `vehicle`, `project`, `percent`, …")
    value_usd: Series[float] = pa.Field(nullable=True, description="USD equivalent: the value itself for USD, one stated beside it (`(7,2 tỷ USD)`), else converted at the yearly average rate (`lexicons/exchange_rates.tsv`); null for non-money units.")
    value_usd_source: Series[Text] = pa.Field(nullable=True, isin=["stated", "converted"], description="`stated` (a USD amount or a stated equivalent), `converted` (yearly average rate) or null.")
    qualifier: Series[Text] = pa.Field(isin=QUALIFIERS, description="`exact`, `approx` (khoảng, gần), `more_than` (hơn, trên, vượt) or `less_than`.")
    product: Series[Text] = pa.Field(nullable=True, description="Goods named, e.g. `vải thiều`.")
    locality: Series[Text] = pa.Field(nullable=True, description="Whose figure (canonical name).")
    partner: Series[Text] = pa.Field(nullable=True, description="Counterpart, when stated (`Việt Nam`, `Trung Quốc`, …).")
    locality_id: Series[Text] = pa.Field(nullable=True, description="`gold/localities.locality_id` of `locality`.")
    partner_id: Series[Text] = pa.Field(nullable=True, description="`gold/localities.locality_id` of `partner`.")
    period_start: Series[Date] = pa.Field(nullable=True, description="First day of the period the figure covers.")
    period_end: Series[Date] = pa.Field(nullable=True, description="Last day of the period the figure covers.")

    @row_check("period_start <= period_end")
    def period_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return ~(df["period_start"] > df["period_end"]).fillna(False).astype(bool)

    @row_check("periods between 1945-01-01 and today")
    def period_plausible(cls, df: pd.DataFrame) -> Series[bool]:
        return plausible_dates(df["period_start"]) & plausible_dates(df["period_end"])

    @row_check("levels, counts and shares are positive (growth may be negative)")
    def value_positive(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["measure"] == "change_pct") | (df["value"] > 0)

    @row_check("values and USD equivalents are finite numbers")
    def value_finite(cls, df: pd.DataFrame) -> Series[bool]:
        return np.isfinite(df["value"]) & (df["value_usd"].isna() | np.isfinite(df["value_usd"].astype(float)))

    @row_check("a stated USD equivalent is positive")
    def value_usd_positive(cls, df: pd.DataFrame) -> Series[bool]:
        return df["value_usd"].isna() | (df["value_usd"] > 0)


class Localities(pa.DataFrameModel):
    """The gazetteer the extractors resolve place names with."""

    locality_id: Series[Text] = pa.Field(unique=True, description="Stable id: ISO 3166-1 alpha-2 for a country (`CN`), `<country>-<official code>` for a unit that has one (`VN-20`, `CN-450000`), else `<country>-<parent code>-<level>-<name>`.")
    canonical: Series[Text] = pa.Field(description="Canonical Vietnamese name, without `tỉnh` / `thành phố` / `Khu tự trị`.")
    native: Series[Text] = pa.Field(nullable=True, description="Name in the country's own script (Chinese for China).")
    latin: Series[Text] = pa.Field(nullable=True, description="English or pinyin name.")
    country: Series[Text] = pa.Field(str_matches=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code.")
    level: Series[Text] = pa.Field(isin=["country", "region", "province", "prefecture", "county", "city", "district"], description="Administrative level.")
    parent: Series[Text] = pa.Field(nullable=True, description="Canonical name of the unit it belongs to.")
    province_2025: Series[Text] = pa.Field(nullable=True, description="For Viet Nam: the province it belongs to after the 2025 merger (34 units).")

    class Config:
        strict = True
        coerce = True


class Events(pa.DataFrameModel):
    """Columns every cross-article event carries."""

    event_id: Series[Text] = pa.Field(unique=True, str_matches=HEX16, description="Stable id of the event, derived from its earliest member row.")
    n_articles: Series[int] = pa.Field(ge=1, description="How many articles report it.")
    first_article_id: Series[Text] = pa.Field(str_matches=HEX16, description="Earliest article reporting it (by `published_at`, then id).")
    last_article_id: Series[Text] = pa.Field(str_matches=HEX16, description="Latest article reporting it.")
    article_ids: Series[StringList] = pa.Field(description="Every article reporting it, earliest first.")

    class Config:
        strict = True
        coerce = True


class MeetingEvents(Events):
    """One row per meeting across articles: the merged reading of every article that reports it."""

    meeting_ids: Series[StringList] = pa.Field(description="The `gold/meetings` rows of this event (join on `meeting_id`).")
    date: Series[Date] = pa.Field(nullable=True, description="When it happened, at the best precision any report gives.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="Precision of `date`.")
    kind: Series[Text] = pa.Field(isin=MEETING_KINDS, description="Most reported kind.")
    mode: Series[Text] = pa.Field(isin=MODES, description="Most reported mode other than `unknown`.")
    location: Series[Text] = pa.Field(nullable=True, description="Most reported location.")
    participants: Series[Participants] = pa.Field(description="Everyone any report names.")
    localities: Series[StringList] = pa.Field(description="Every locality any report names.")


class AgreementEvents(Events):
    """One row per agreement across articles: the merged reading of every article that reports it."""

    agreement_ids: Series[StringList] = pa.Field(description="The `gold/agreements` rows of this event (join on `agreement_id`).")
    agreement_type: Series[Text] = pa.Field(isin=AGREEMENT_TYPES, description="Type of the document or relationship.")
    status: Series[Text] = pa.Field(isin=["signed", "planned"], description="`signed` when any report says it was signed.")
    signed_date: Series[Date] = pa.Field(nullable=True, description="When it was signed, at the best precision any report gives.")
    date_precision: Series[Text] = pa.Field(isin=PRECISIONS, description="Precision of `signed_date`.")
    valid_from_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1945, le=2100, description="First year of its term.")
    valid_to_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1945, le=2100, description="Last year of its term.")
    parties: Series[StringList] = pa.Field(description="Every party any report names.")
    fields: Series[StringList] = pa.Field(description="Every sector any report names.")
