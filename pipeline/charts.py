"""Charts of the published tables for the Dagster UI: PNG images (matplotlib, Agg) embedded in Markdown
as data URIs, so they render in the asset's metadata panel without a server.

Monthly charts have a continuous axis (months without rows are shown as empty, not skipped). Every
chart is written from the table's columns alone and degrades to a one-line note on an empty table.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import numpy as np
import pandas as pd

TOP = 20  # categories shown in a bar chart
MAX_MONTHS = 240  # a continuous axis over more months shows the latest ones


def _figure(width: float = 9, height: float = 3.6):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=90)
    return fig, fig.add_subplot()


def png_markdown(fig, title: str) -> str:
    """``fig`` as a PNG in a Markdown image (data URI), under a bold title."""
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f"**{title}**\n\n![{title}](data:image/png;base64,{data})"


def _empty(title: str, why: str = "no rows") -> str:
    return f"**{title}**\n\n_{why}_"


def monthly_counts(dates: pd.Series, groups: pd.Series) -> pd.DataFrame:
    """Rows per calendar month (index: every month from the first to the last, zeros included) and group
    (columns, largest first). Null dates are left out."""
    keep = dates.notna().to_numpy()
    months = pd.PeriodIndex([pd.Timestamp(d).to_period("M") for d in dates[keep]], freq="M")
    if not len(months):
        return pd.DataFrame()
    table = pd.crosstab(months, groups[keep].astype(str).to_numpy())
    full = pd.period_range(months.min(), months.max(), freq="M")[-MAX_MONTHS:]
    table = table.reindex(full, fill_value=0)
    return table[table.sum().sort_values(ascending=False).index]


def category_counts(labels: pd.Series, groups: pd.Series, top: int = TOP) -> pd.DataFrame:
    """Rows per label (the ``top`` most frequent, largest first) and group (columns)."""
    keep = labels.notna().to_numpy()
    if not keep.any():
        return pd.DataFrame()
    table = pd.crosstab(labels[keep].astype(str).to_numpy(), groups[keep].astype(str).to_numpy())
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    return table[table.sum().sort_values(ascending=False).index]


def colours(groups: pd.Series) -> dict[str, str]:
    """One colour per group value, most frequent first, so that a table's charts agree on them."""
    return {str(v): f"C{i % 10}" for i, v in enumerate(groups.astype(str).value_counts().index)}


def _legend(ax, title: str) -> None:
    ax.legend(title=title, fontsize=8, title_fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))


def stacked_months(table: pd.DataFrame, title: str, legend: str, ylabel: str, colour: dict[str, str] | None = None) -> str:
    """Stacked bars per month of a `monthly_counts` table."""
    if table.empty:
        return _empty(title, "no dated rows")
    fig, ax = _figure()
    edges = np.arange(len(table) + 1) - 0.5
    bottom = np.zeros(len(table))
    for col in table.columns:  # one filled step patch per group, not one rectangle per month (fast)
        top = bottom + table[col].to_numpy()
        ax.stairs(top, edges, baseline=bottom, fill=True, label=col, color=(colour or {}).get(col))
        bottom = top
    if len(table) > 36:  # years: a tick at each January
        ticks = [(i, str(p.year)) for i, p in enumerate(table.index) if p.month == 1]
    else:
        ticks = [(i, str(p)) for i, p in enumerate(table.index)][::max(1, len(table) // 12)]
    ax.set_xticks([i for i, _ in ticks], [label for _, label in ticks], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(table) - 0.4)
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _legend(ax, legend)
    return png_markdown(fig, title)


def stacked_bars(table: pd.DataFrame, title: str, legend: str, xlabel: str, colour: dict[str, str] | None = None) -> str:
    """Horizontal stacked bars of a `category_counts` table, the largest on top."""
    if table.empty:
        return _empty(title)
    fig, ax = _figure(height=max(2.2, 0.8 + 0.28 * len(table)))
    table = table.iloc[::-1]
    left = pd.Series(0, index=table.index)
    for col in table.columns:
        ax.barh(range(len(table)), table[col], left=left, label=col, color=(colour or {}).get(col))
        left += table[col]
    ax.set_yticks(range(len(table)), table.index, fontsize=8)
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _legend(ax, legend)
    return png_markdown(fig, title)


def usd_values(figures: pd.DataFrame, title: str, colour: dict[str, str] | None = None) -> str:
    """Each amount with a USD value at the end of its period, one colour per metric (log scale)."""
    usd = figures["value_usd"].where(figures["value_usd"].notna(), figures["value"].where(figures["unit"] == "USD"))
    keep = (figures["measure"] == "amount") & usd.notna() & (usd > 0) & figures["period_end"].notna()
    if not keep.any():
        return _empty(title, "no dated amount in USD")
    fig, ax = _figure()
    dates = pd.to_datetime(figures.loc[keep, "period_end"].astype(str))
    for metric, idx in figures[keep].groupby("metric").groups.items():
        ax.plot(dates[idx], usd[idx], "o", label=metric, alpha=0.75, color=(colour or {}).get(metric))
    ax.set_yscale("log")
    ax.set_ylabel("USD")
    _legend(ax, "metric")
    return png_markdown(fig, title)


def _meetings(df: pd.DataFrame) -> dict[str, str]:
    dated = df[df["date_precision"].isin(["day", "month"])]
    places = df[["localities", "kind"]].explode("localities")
    kinds = colours(df["kind"])
    return {
        "chart: meetings per month": stacked_months(
            monthly_counts(dated["date"], dated["kind"]), "Meetings per month by kind (dated to the day or month)",
            "kind", "meetings", kinds),
        "chart: meetings by locality": stacked_bars(
            category_counts(places["localities"], places["kind"]), f"Meetings by locality (top {TOP})", "kind",
            "meetings", kinds),
    }


def _agreements(df: pd.DataFrame) -> dict[str, str]:
    return {"chart: agreements by type": stacked_bars(
        category_counts(df["agreement_type"], df["status"]), "Agreements by type and status", "status", "agreements")}


def _figures(df: pd.DataFrame) -> dict[str, str]:
    metrics = colours(df["metric"])
    return {
        "chart: figures per month": stacked_months(
            monthly_counts(df["period_end"], df["metric"]), "Trade figures per month of period end, by metric",
            "metric", "figures", metrics),
        "chart: values in USD": usd_values(df, "Trade figure amounts in USD over time, by metric", metrics),
    }


CHARTS: dict[str, Callable[[pd.DataFrame], dict[str, str]]] = {
    "meetings": _meetings, "agreements": _agreements, "trade_figures": _figures,
    # the event tables carry the same columns, one row per event reported by one or more articles
    "meeting_events": _meetings, "agreement_events": _agreements}


def table_charts(name: str, df: pd.DataFrame) -> dict[str, str]:
    """The charts (title → Markdown) of a published table; none for tables without charts."""
    return CHARTS[name](df) if name in CHARTS else {}
