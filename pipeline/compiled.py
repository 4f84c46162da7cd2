"""Compiled lexicons kept on disk: what takes a process a noticeable time to build from the lexicon files
is pickled once per code version under `$DAGSTER_HOME/hoptac-cache/`, written atomically, and built
again whenever the file is missing, unreadable or from other code. Without a Dagster home nothing is
kept. Two things are kept:

- the gazetteer's entries and its Aho–Corasick automaton (`cached`);
- the compiled regular expressions of the cleaning and extraction rules (`keep_patterns`). The
  `regex` library parses a pattern and generates its matching code in Python (about 0.6 s for the
  rules' ~600 patterns, in every process that builds a batch); what it hands its C core
  (`_regex.compile`'s arguments: the code as a list of ints, the group tables, the required string)
  depends only on the pattern, its flags and the library's version. `watch_patterns` (installed when
  `pipeline` is imported) records those arguments as patterns are compiled; at the first pattern a
  process compiles it loads the kept file, and `regex.compile` then returns a kept pattern made from
  its arguments, once per process (held here, not in the library's cache: that one holds 500 and
  drops patterns once it has more, which had the rules recompile as they ran). Patterns with named
  lists or locale-dependent flags are never kept; any surprise from the library's internals turns the
  whole mechanism off (everything is compiled as before)."""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CACHE = "hoptac-cache"
T = TypeVar("T")


def _version(package: str) -> str:
    if package == "regex":  # imported already: no need for the (slower to import) package metadata
        from regex import __version__

        return __version__
    if package == "pyahocorasick" and (found := _installed_version("ahocorasick", package)):
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _installed_version(module: str, package: str) -> str | None:
    """The version in the name of ``package``'s `.dist-info` folder beside ``module`` (how pip installs
    it), read without importing `importlib.metadata` (about 30 ms in a process that has no other use
    for it); None when there is not exactly one."""
    file = getattr(sys.modules.get(module), "__file__", None)
    found = list(Path(file).parent.glob(f"{package}-*.dist-info")) if file else []
    if len(found) != 1:
        return None
    return found[0].name.removesuffix(".dist-info").removeprefix(f"{package}-")


def _key(name: str, library: str = "pyahocorasick", tag: str = "aho") -> str:
    from pipeline.version import code_version

    return f"{name}-{code_version()}-py{sys.version_info[0]}{sys.version_info[1]}-{tag}{_version(library)}"


def _path(name: str, **key) -> Path | None:
    home = os.environ.get("DAGSTER_HOME")
    return Path(home) / CACHE / f"{_key(name, **key)}.pickle" if home else None


def _load(path: Path):
    with path.open("rb") as f:
        return pickle.load(f)


def _keep(path: Path, name: str, value) -> None:
    """Write ``value`` to ``path`` atomically and remove other code versions' copies of ``name``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full home only costs speed
        pass


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, or what an earlier process built with the same code (and Python, pyahocorasick)."""
    path = _path(name)
    if path is None:
        return build()
    try:
        return _load(path)
    except Exception:  # noqa: BLE001 - missing, truncated or from another version: built again
        pass
    value = build()
    _keep(path, name, value)
    return value


PATTERNS = "regex"


class _PatternCache:
    """Records what `regex` hands its C core for each pattern compiled, and makes what an earlier process
    recorded as it is asked for (see the module). One per process: `watch_patterns`."""

    def __init__(self, main) -> None:
        self.main, self.core, self.compile = main, main._regex, main._compile
        self.version = main.DEFAULT_VERSION
        self.known: dict[tuple[str, int], tuple] = {}  # (pattern, flags) → _regex.compile's arguments
        self.ready: dict[tuple[str, int], object] = {}  # (pattern, flags) → the kept pattern, made the first time asked
        self.passed: set[tuple[str, int]] = set()  # compiled here once but not kept (locale, named lists)
        self.loaded_from: Path | None = None
        self.looked = False  # whether the kept file was looked for (once per process, in a Dagster home)
        self.kept: dict[tuple[str, int], tuple] = {}  # what the kept file holds, made as asked (`_made`)
        self.new = self.seeded = 0
        main._compile = self._compiling

    def _compiling(self, pattern, flags, ignore_unused, kwargs, cache_it):
        key = (pattern, flags)
        if not kwargs and self.main.DEFAULT_VERSION == self.version:
            if (ready := self.ready.get(key)) is not None:
                return ready  # not the library's cache: it holds 500 patterns, and shrinks once it has more
            if not self.looked and isinstance(pattern, str):
                self._seed()
            if (ready := self._made(key)) is not None:
                return ready
        if kwargs or not isinstance(pattern, str) or key in self.known or key in self.passed:
            return self.compile(pattern, flags, ignore_unused, kwargs, cache_it)  # the library's cache has it
        self.passed.add(key)
        calls: list[tuple] = []
        self.main._regex = _Recorder(self.core, calls)
        try:
            compiled = self.compile(pattern, flags, ignore_unused, kwargs, cache_it)
        finally:
            self.main._regex = self.core
        keepable = (len(calls) == 1 and cache_it
                    and not flags & self.main.LOCALE and self.main.DEFAULT_VERSION == self.version
                    and self.main._locale_sensitive.get((str, pattern)) is False)
        if keepable and (pattern, flags) not in self.known:
            self.known[(pattern, flags)] = calls[0]
            self.ready[(pattern, flags)] = compiled
            self.new += 1
        return compiled

    def _seed(self) -> None:
        path = _path(PATTERNS, library="regex", tag="regex")
        if path is None:
            return  # no Dagster home (yet): looked for again at the next pattern not held
        self.looked = True
        self.loaded_from = path
        try:
            kept = _load(path)
        except Exception:  # noqa: BLE001 - missing, truncated or from another version: compiled as they come
            return
        if isinstance(kept, dict):
            self.kept = kept

    def _made(self, key: tuple[str, int]):
        """The kept pattern ``key`` made by the library's core (None when not kept, or not accepted)."""
        if (args := self.kept.get(key)) is None:
            return None
        try:
            compiled = self.core.compile(*args)
        except Exception:  # noqa: BLE001 - not what this library accepts: compiled as it comes
            self.kept.pop(key)
            return None
        self.ready[key] = compiled
        self.known[key] = args
        self.seeded += 1
        return compiled

    def keep(self) -> None:
        if self.new and self.loaded_from is not None:
            _keep(self.loaded_from, PATTERNS, self.kept | self.known)
            self.new = 0


class _Recorder:
    """Stands in for the `_regex` core while one pattern compiles, noting the arguments of its compile."""

    def __init__(self, core, calls: list[tuple]) -> None:
        self._core, self._calls = core, calls

    def __getattr__(self, name: str):
        return getattr(self._core, name)

    def compile(self, *args):
        self._calls.append(args)
        return self._core.compile(*args)


_patterns: _PatternCache | None = None


def watch_patterns() -> None:
    """Install the pattern cache in this process (once; nothing when `regex` is not as expected)."""
    global _patterns
    if _patterns is not None:
        return
    try:
        from regex import _main

        needed = (_main._compile, _main._regex.compile, _main._cache, _main._named_args,
                  _main._locale_sensitive, _main.DEFAULT_VERSION, _main.LOCALE)
    except (ImportError, AttributeError):
        return
    if all(x is not None for x in needed):
        _patterns = _PatternCache(_main)


def keep_patterns() -> None:
    """Write the patterns this process compiled that the kept file lacks (after a batch is built)."""
    if _patterns is not None:
        _patterns.keep()
