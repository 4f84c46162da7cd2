"""Keep Dask out of pandera: its model code asks `pandera.typing` for every Series/DataFrame/Index type
it knows, and that list imports `dask.dataframe` (about 1.6 s) when Dask is installed. The models here
are pandas models only, so the lists are made once with Dask's typing module hidden; `pandera.typing.dask`
stays importable for whoever asks for it (the Dask executor imports Dask itself)."""

from __future__ import annotations

import sys
import types

import pandera.typing as pandera_typing

DASK_TYPING = "pandera.typing.dask"


def prime_pandera_types() -> None:
    """Fill pandera's cached type lists without importing Dask (a no-op once Dask is imported)."""
    if "dask.dataframe" in sys.modules or DASK_TYPING in sys.modules:
        return
    stub = types.ModuleType(DASK_TYPING)
    stub.DASK_INSTALLED = False
    sys.modules[DASK_TYPING] = stub
    parent_had = hasattr(pandera_typing, "dask")
    try:
        pandera_typing.get_series_types()
        pandera_typing.get_dataframe_types()
        pandera_typing.get_index_types()
    finally:
        del sys.modules[DASK_TYPING]
        if not parent_had and getattr(pandera_typing, "dask", None) is stub:
            delattr(pandera_typing, "dask")
