"""Compiled lexicons kept on disk (`pipeline.compiled`): built once per code version, the same matches
when loaded, and a damaged file is built again, never trusted."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.compiled import CACHE, cached
from tests.conftest import ROOT

TEXT = "Đoàn công tác tỉnh Cao Bằng sang thăm thành phố Bách Sắc (Quảng Tây) và thủ đô Viêng Chăn."


def test_a_value_is_built_once_and_a_damaged_copy_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}

    assert cached("thing", build) == {"built": 1}
    assert cached("thing", build) == {"built": 1} and len(calls) == 1  # read back, not built
    [kept] = (tmp_path / CACHE).glob("thing-*.pickle")
    kept.write_bytes(b"\x80\x05 half a pickle")
    assert cached("thing", build) == {"built": 2}


def test_without_a_dagster_home_nothing_is_kept(monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert cached("thing", lambda: 3) == 3


def test_the_gazetteer_loaded_from_disk_matches_as_when_compiled(tmp_path):
    code = ("from pipeline.gazetteer import find_places\n"
            f"print([(m.start, m.end, m.place.locality_id) for m in find_places({TEXT!r})])")
    env = {"DAGSTER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300, check=True).stdout for _ in range(2)]
    assert list((tmp_path / CACHE).glob("gazetteer-*.pickle"))
    assert runs[0] == runs[1] and "CN-45" in runs[0]


ARTICLE = ("Chiều 12/5/2024, tại Hà Nội, Phó Thủ tướng Trần Văn Minh đã hội đàm với Bộ trưởng Thương mại Lào "
           "Khăm-phăn Phôm-ma-vông. Hai bên đã ký biên bản ghi nhớ về hợp tác thương mại biên giới. "
           "Năm 2023, kim ngạch xuất khẩu của tỉnh Lạng Sơn sang Quảng Tây đạt 1,25 tỷ USD, tăng 8,4%.")
EXTRACT = ("import json, pipeline.compiled as c\n"
           "from pipeline.build import build_gold\n"
           "rows = {'article_id': '0123456789abcdef', 'source_path': 'x.txt', 'title': 't', 'body': BODY, 'reference_year': 2024,"
           " 'published_at': None}\n"
           "tables, rejected = build_gold([rows])\n"
           "print(json.dumps({'rows': tables, 'rejected': rejected, 'seeded': c._patterns.seeded},"
           " default=str, sort_keys=True))\n")


def test_patterns_compiled_once_match_as_when_compiled_in_every_later_process(tmp_path):
    code = f"BODY = {ARTICLE!r}\n" + EXTRACT
    env = {"DAGSTER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    cold, warm = (json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                                            text=True, timeout=300, check=True).stdout) for _ in range(2))
    [kept] = (tmp_path / CACHE).glob("regex-*.pickle")
    assert cold["seeded"] == 0 and warm["seeded"] > 100  # the second process compiled (almost) nothing itself
    assert cold["rows"] == warm["rows"] and not warm["rejected"]
    assert warm["rows"]["meetings"] and warm["rows"]["agreements"] and warm["rows"]["trade_figures"]
    kept.write_bytes(b"\x80\x05 half a pickle")  # a damaged copy is ignored: everything compiled as before
    again = json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                                      text=True, timeout=300, check=True).stdout)
    assert again["rows"] == cold["rows"] and again["seeded"] == 0


def test_patterns_with_named_lists_or_locale_flags_are_not_kept():
    import regex

    import pipeline.compiled as c

    if c._patterns is None:  # the library changed its internals: the cache is off, nothing to check
        return
    regex.compile(r"\b\L<words>\b", words=["hội đàm", "hội kiến"])
    regex.compile(r"(?L)\w+ ký kết", flags=regex.LOCALE)
    plain = regex.compile(r"\bký kết hiệp định mẫu số \d+")
    assert not any("\\L<words>" in p or "(?L)" in p for p, _ in c._patterns.known)
    assert (plain.pattern, plain.flags & ~(regex.UNICODE | regex.VERSION0)) in c._patterns.known or \
        (plain.pattern, 0) in c._patterns.known


def test_kept_patterns_stay_made_once_a_process_has_more_than_the_librarys_cache_holds(tmp_path):
    """`regex` keeps 500 patterns and drops some once it has more; the kept ones are held here, so a
    process using 600 of them makes each once (the same object every time), not again and again."""
    code = ("import json, regex, pipeline.compiled as c\n"
            "words = [f'(?<!\\\\w)t\\u1eeb{i}(?:\\\\s+m\\u1ee5c)?(?!\\\\w)' for i in range(600)]\n"
            "first = [regex.compile(w) for w in words]\n"
            "again = [regex.compile(w) for w in words]\n"
            "c.keep_patterns()\n"
            "print(json.dumps({'same': sum(a is b for a, b in zip(first, again)), 'made': c._patterns.seeded,"
            " 'match': bool(again[599].search('t\\u1eeb599 m\\u1ee5c'))}))\n")
    env = {"DAGSTER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    cold, warm = (json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                                            text=True, timeout=300, check=True).stdout) for _ in range(2))
    # compiled here, each held once made; the one compiled as the library shrinks its cache is not kept
    # (the library then forgets whether it depends on the locale) and goes through its cache
    assert cold["same"] >= 599 and cold["match"]
    assert warm["made"] >= 599 and warm["same"] == 600 and warm["match"]  # made from the kept file, once each


def test_the_automaton_is_keyed_by_the_installed_pyahocorasick_without_reading_package_metadata():
    from importlib.metadata import version

    import ahocorasick  # noqa: F401 - the module whose dist-info is found beside it

    from pipeline.compiled import _installed_version, _version

    assert _installed_version("ahocorasick", "pyahocorasick") == version("pyahocorasick") == _version("pyahocorasick")
    assert _installed_version("ahocorasick", "no-such-package") is None
