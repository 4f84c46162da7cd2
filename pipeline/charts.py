"""Small charts for the Dagster UI, as Markdown (they render in the asset's metadata panel)."""

from __future__ import annotations

import pandas as pd

WIDTH = 30


def bar_chart(counts: pd.Series, title: str, limit: int = 24) -> str:
    """A horizontal bar chart of ``counts`` (label → number) as a Markdown table."""
    counts = counts[counts > 0].head(limit)
    if counts.empty:
        return f"**{title}**\n\n_no rows_"
    top = int(counts.max())
    rows = [f"| {label} | `{'█' * max(1, round(WIDTH * int(n) / top))}` {int(n)} |" for label, n in counts.items()]
    return "\n".join([f"**{title}**", "", "| | |", "|---|---|", *rows])


def meeting_charts(meetings: pd.DataFrame) -> dict[str, str]:
    """Meetings per month (dated ones) and per locality: what a reader of the table looks at first."""
    dated = meetings[meetings["date_precision"].isin(["day", "month"])]
    months = pd.Series([d.strftime("%Y-%m") for d in dated["date"]], dtype="str").value_counts().sort_index()
    places = pd.Series([p for locs in meetings["localities"] for p in locs], dtype="str").value_counts()
    return {
        "meetings per month": bar_chart(months.tail(24), "Meetings per month (last 24 months with meetings)"),
        "meetings by locality": bar_chart(places, "Meetings by locality (top 24)"),
    }
