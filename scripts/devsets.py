"""What the dev-set scripts share: this checkout on `sys.path`, `../shared`, and its scorer as a module."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's pipeline, not an installed one
SHARED = next((d / "shared" for d in ROOT.parents if (d / "shared").is_dir()), ROOT.parent / "shared")


@cache
def scorer(path: Path = SHARED / "eval" / "score.py") -> ModuleType:
    """``../shared/eval/score.py`` (or the one at ``path``) imported, for its matching and attribute checks."""
    spec = importlib.util.spec_from_file_location("hoptac_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
