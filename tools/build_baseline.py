#!/usr/bin/env python3
"""Rebuild data/baseline-2024-11-26.csv: who held each place on the eve of the offensive.

Reads gazetteer.csv and assigns every point place (cities, towns, villages,
neighbourhoods, sites) and every district (through its seat) a controller on
2024-11-26, from the documented front lines of late November 2024. The rules are
zones (boxes, a river line) plus explicit per-place assignments, each with the
source note written into the row:

  * the Idlib pocket and the western Aleppo countryside: opposition (HTS and allies),
    bounded in the south by the line of the 2020 ceasefire (Saraqib, Maarat al-Numan,
    Khan Shaykhun and Kafr Nabl on the government side);
  * the SNA's north Aleppo strip (Afrin, Azaz, al-Bab, Jarablus) and the Tall Abyad -
    Ras al-Ayn strip: SNA;
  * east of the Euphrates, Manbij, Tal Rifaat / Shahba and Sheikh Maqsoud: SDF;
  * the al-Tanf zone: opposition (Syrian Free Army);
  * everything else: government.

Sources: ISW / Critical Threats Syria control maps of November 2024; Wikipedia,
"Template:Syrian Civil War detailed map" (late-November 2024 revision); Carter Center
Syria conflict mapping. Where a place's controller is not clear from those, the zone
rule decides; the row's source note says which rule applied.

Usage: python3 tools/build_baseline.py   (from the repository root; stdlib only)
"""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2024-11-26"
MAPS = "ISW/CTP and Wikipedia Syrian Civil War map, late Nov 2024"

# Explicit assignments by gazetteer id: (faction, note).
EXPLICIT = {
    # Government-held towns inside zones that would say otherwise.
    "gn:164816": ("government", "Saraqib: government since Feb 2020"),
    "gn:166331": ("government", "Nubl: government enclave north of Aleppo"),
    "sy:al-zahraa": ("government", "Al-Zahraa: government enclave north of Aleppo, with Nubl"),
    "sy:dadikh": ("government", "Dadikh: south of Saraqib, government since Feb 2020"),
    "sy:kafr-battikh": ("government", "Kafr Battikh: south of Saraqib, government since Jan 2020"),
    "gn:163811": ("government", "Tadif: government, south of al-Bab"),
    "gn:170063": ("government", "Aleppo city: government (Sheikh Maqsoud excepted)"),
    "gn:173377": ("sdf", "Qamishli: SDF-run, government security square"),
    "gn:173811": ("sdf", "Al-Hasakah: SDF-run, government security square"),
    # SDF west of the Euphrates.
    "gn:167357": ("sdf", "Manbij: SDF since 2016"),
    "gn:163476": ("sdf", "Tal Rifaat: SDF (Shahba pocket) since 2016"),
    "gn:172374": ("sdf", "Tabqa: SDF since 2017"),
    "gn:8308210": ("sdf", "Al-Kasrah: SDF, west-bank pocket north of Deir ez-Zor"),
    "sy:aleppo-sheikh-maqsoud": ("sdf", "Sheikh Maqsoud: SDF/YPG enclave in Aleppo"),
    "sy:aleppo-ashrafieh": ("sdf", "Ashrafieh: SDF/YPG enclave in Aleppo"),
    "sy:menagh-airbase": ("sdf", "Menagh airbase: SDF (Shahba pocket)"),
    "sy:tishrin-dam": ("sdf", "Tishrin Dam: SDF"),
    "sy:tabqa-dam": ("sdf", "Tabqa Dam: SDF"),
    "sy:baath-dam": ("sdf", "Baath Dam: SDF"),
    "sy:tabqa-airbase": ("sdf", "Tabqa airbase: SDF"),
    "sy:omar-oil-field": ("sdf", "al-Omar field: SDF with US forces"),
    "sy:conoco-gas-field": ("sdf", "Conoco field: SDF with US forces"),
    "sy:semalka-crossing": ("sdf", "Semalka crossing: SDF"),
    # SNA and opposition sites.
    "sy:bab-al-salameh-crossing": ("sna", "Bab al-Salameh crossing: SNA"),
    "sy:bab-al-hawa-crossing": ("opposition", "Bab al-Hawa crossing: HTS-run"),
    "sy:taftanaz-airbase": ("opposition", "Taftanaz airbase: opposition"),
    "sy:al-tanf": ("opposition", "al-Tanf: Syrian Free Army with US forces"),
    # Right-bank (government) towns on the Euphrates, which a straight bank line misplaces.
    "gn:170794": ("government", "Deir ez-Zor city: government, right bank"),
    "gn:173480": ("government", "Al-Mayadin: government, right bank"),
    "gn:174448": ("government", "Albu Kamal: government, right bank"),
    "sy:al-quriyah": ("government", "Al-Quriyah: government, right bank"),
    "gn:174036": ("government", "Al-Ashara: government, right bank"),
    "gn:162284": ("government", "Muhasan: government, right bank"),
    "gn:172327": ("government", "Al-Tibni: government, right bank"),
    "sy:al-qaim-crossing": ("government", "al-Qaim crossing: government side"),
    # The "seven villages" on the left bank opposite Deir ez-Zor: government and
    # Iranian-backed militias until December 2024 (SOHR, syriahr.com/en/346941).
    "sy:hatla": ("government", "Hatla: one of the government-held 'seven villages' east of the Euphrates"),
    "sy:khasham": ("government", "Khasham: one of the government-held 'seven villages' east of the Euphrates"),
    # Government sites inside other zones.
    "sy:qamishli-airport": ("government", "Qamishli airport: government/Russian"),
    "sy:kuweires-airbase": ("government", "Kuweires airbase: government"),
    "sy:jirah-airbase": ("government", "Jirah airbase: government"),
    "sy:deir-ez-zor-airport": ("government", "Deir ez-Zor airport: government"),
}

# Zones: (faction, test(lat, lon, governorate), note). The first that matches wins.
def in_box(lat, lon, lat0, lat1, lon0, lon1):
    return lat0 <= lat <= lat1 and lon0 <= lon <= lon1


# The Euphrates from Jarablus to Albu Kamal, (lat, lon) upstream to downstream.
EUPHRATES = [
    (36.82, 38.02), (36.38, 38.18), (35.95, 38.20), (35.87, 38.55), (35.95, 39.00),
    (35.77, 39.45), (35.55, 39.75), (35.33, 40.15), (35.02, 40.45), (34.75, 40.75),
    (34.45, 40.93), (34.40, 41.00),
]


def east_of_euphrates(lat, lon):
    """True when the point lies on the left (north-east) bank of the Euphrates."""
    best = None
    for (a_lat, a_lon), (b_lat, b_lon) in zip(EUPHRATES, EUPHRATES[1:]):
        if min(a_lat, b_lat) - 0.3 <= lat <= max(a_lat, b_lat) + 0.3 or best is None:
            # Cross product of the segment direction with the point: the river flows
            # south-east, so the left bank is where the cross product is positive.
            cross = (b_lon - a_lon) * (lat - a_lat) - (b_lat - a_lat) * (lon - a_lon)
            d = abs(lat - (a_lat + b_lat) / 2) + abs(lon - (a_lon + b_lon) / 2)
            if best is None or d < best[0]:
                best = (d, cross > 0)
    return best[1]


ZONES = [
    ("opposition", lambda la, lo, g: g == "Idlib" and la >= 35.68 and lo <= 36.79,
     "Idlib pocket north of the 2020 ceasefire line"),
    ("sna", lambda la, lo, g: g == "Aleppo" and in_box(la, lo, 36.35, 36.90, 36.50, 37.00),
     "Afrin and Azaz (SNA since 2018)"),
    ("sdf", lambda la, lo, g: g == "Aleppo" and in_box(la, lo, 36.40, 36.55, 37.00, 37.15),
     "Tal Rifaat / Shahba pocket (SDF)"),
    ("sna", lambda la, lo, g: g == "Aleppo" and (in_box(la, lo, 36.30, 36.60, 37.00, 37.65)
                                                or in_box(la, lo, 36.60, 36.85, 37.00, 38.05)),
     "al-Bab - Jarablus strip (SNA since 2017)"),
    ("opposition", lambda la, lo, g: g == "Aleppo" and in_box(la, lo, 35.95, 36.35, 36.40, 36.86),
     "western Aleppo countryside (opposition)"),
    ("sdf", lambda la, lo, g: g == "Aleppo" and in_box(la, lo, 36.30, 36.95, 37.68, 38.70),
     "Manbij and Kobani (SDF)"),
    ("sna", lambda la, lo, g: g == "Raqqa" and in_box(la, lo, 36.45, 36.80, 38.70, 39.40),
     "Tall Abyad strip (SNA since 2019)"),
    ("sna", lambda la, lo, g: g == "Al-Hasakah" and in_box(la, lo, 36.55, 36.95, 39.50, 40.30),
     "Ras al-Ayn strip (SNA since 2019)"),
    ("sdf", lambda la, lo, g: g in ("Raqqa", "Al-Hasakah"), "north-east Syria (SDF)"),
    ("sdf", lambda la, lo, g: g == "Deir ez-Zor" and east_of_euphrates(la, lo),
     "Deir ez-Zor east of the Euphrates (SDF)"),
    ("government", lambda la, lo, g: True, "government-held on 2024-11-26"),
]


def controller(row):
    if row["id"] in EXPLICIT:
        return EXPLICIT[row["id"]]
    lat, lon, gov = float(row["lat"]), float(row["lon"]), row["governorate"]
    for faction, test, note in ZONES:
        if test(lat, lon, gov):
            return faction, note
    raise AssertionError("the last zone matches everything")


def seat_of(district, rows):
    """The populated place at a district's point (the district is named after it)."""
    return next((r for r in rows if r["kind"] not in ("district", "governorate")
                 and (r["lat"], r["lon"]) == (district["lat"], district["lon"])), None)


def main():
    with open(os.path.join(ROOT, "gazetteer.csv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] != "governorate"]
    out = os.path.join(ROOT, f"data/baseline-{AS_OF}.csv")
    counts = {}
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["place_id", "faction", "as_of", "source"])
        for r in sorted(rows, key=lambda r: r["id"]):
            seat = seat_of(r, rows) if r["kind"] == "district" else None
            faction, note = controller(seat or r)
            if seat:
                note = f"as its seat {seat['id']}: {note}"
            counts[faction] = counts.get(faction, 0) + 1
            w.writerow([r["id"], faction, AS_OF, f"{note} ({MAPS})"])
    print(f"{out}: {sum(counts.values())} places {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
