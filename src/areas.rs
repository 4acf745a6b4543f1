//! Areas of control: each district drawn in the colour of the side that holds its places.
//!
//! Takes one day's control cells, the gazetteer and the district polygons
//! ([`AdminAreas`]) and gives an [`AreaCell`] per district that holds at least one
//! controlled town, city, village or neighbourhood: the side holding the largest weight of
//! its places (a city counts 4, a town 2, a village or neighbourhood 1; sites, districts
//! and governorates are not territory of their own), that side's share, and whether the
//! district is `mixed` (no side holds [`MAJORITY`] of the weight). It is a coarse picture,
//! at the grain of the 62 districts: a front line inside a district shows as a mixed
//! district, not as a line.

use crate::gazetteer::admin::{AdminAreas, Area};
use crate::gazetteer::Gazetteer;
use crate::model::{Faction, PlaceKind};
use crate::timeline::ControlCell;
use rustc_hash::FxHashMap;

/// The share of a district's weight a side must hold for the district to be its own.
pub const MAJORITY: f64 = 2.0 / 3.0;

/// One district on one day.
#[derive(Debug, Clone)]
pub struct AreaCell<'a> {
    /// The district.
    pub district: &'a Area,
    /// Its position in `AdminAreas::districts`.
    pub index: usize,
    /// The side holding the largest weight of its places.
    pub faction: Faction,
    /// That side's share of the weight, 0..=1.
    pub share: f64,
    /// Controlled places counted.
    pub places: usize,
    /// No side holds [`MAJORITY`].
    pub mixed: bool,
}

/// Which district each place lies in, found once per place (point in polygon).
#[derive(Debug, Default)]
pub struct PlaceDistricts(FxHashMap<u32, Option<usize>>);

impl PlaceDistricts {
    fn of(&mut self, gaz: &Gazetteer, areas: &AdminAreas, place: u32) -> Option<usize> {
        *self.0.entry(place).or_insert_with(|| {
            let p = gaz.place(place);
            let d = areas.locate(p.lon, p.lat).district?;
            areas.districts.iter().position(|a| a.wof_id == d.wof_id)
        })
    }
}

fn weight(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::City => 4.0,
        PlaceKind::Town => 2.0,
        PlaceKind::Village | PlaceKind::Neighbourhood => 1.0,
        PlaceKind::Site | PlaceKind::District | PlaceKind::Governorate => 0.0,
    }
}

/// The districts of one day, in the order of `areas.districts`.
pub fn areas_of_day<'a>(
    cells: &[ControlCell],
    gaz: &Gazetteer,
    areas: &'a AdminAreas,
    index: &mut PlaceDistricts,
) -> Vec<AreaCell<'a>> {
    // Per district: weight per faction, places counted.
    let mut tally: Vec<(FxHashMap<Faction, f64>, usize)> =
        vec![Default::default(); areas.districts.len()];
    for c in cells.iter().filter(|c| c.faction != Faction::Unknown) {
        let Some(place) = gaz.by_id(&c.place) else {
            continue;
        };
        let w = weight(gaz.place(place).kind);
        if w == 0.0 {
            continue;
        }
        if let Some(d) = index.of(gaz, areas, place) {
            *tally[d].0.entry(c.faction).or_default() += w;
            tally[d].1 += 1;
        }
    }
    tally
        .into_iter()
        .enumerate()
        .filter(|(_, (_, n))| *n > 0)
        .filter_map(|(d, (weights, places))| {
            let total: f64 = weights.values().sum();
            // Largest weight; ties go to the fixed faction order, so output is stable.
            let (&faction, &held) = weights
                .iter()
                .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
            let share = held / total;
            Some(AreaCell {
                district: &areas.districts[d],
                index: d,
                faction,
                share,
                places,
                mixed: share < MAJORITY,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn cell(place: &str, faction: Faction) -> ControlCell {
        ControlCell {
            place: place.into(),
            faction,
            since: NaiveDate::default(),
            changed: false,
            event_id: None,
            contested: false,
            challenger: None,
        }
    }

    #[test]
    fn a_district_takes_the_side_of_most_of_its_places_and_a_split_one_is_mixed() {
        let gaz = Gazetteer::bundled().unwrap();
        let areas = AdminAreas::bundled().unwrap();
        let mut index = PlaceDistricts::default();
        // Jabal Sam'an: Aleppo city (4) with the opposition, the village of Turaydim south
        // of it (gn:8306360, 1) with the government: the opposition's, 80%.
        let cells = [
            cell("gn:170063", Faction::Opposition),
            cell("gn:8306360", Faction::Government),
        ];
        let got = areas_of_day(&cells, &gaz, &areas, &mut index);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].district.name, "Jabal Sam'an");
        assert_eq!(got[0].faction, Faction::Opposition);
        assert!((got[0].share - 0.8).abs() < 1e-9 && !got[0].mixed);
        // Two towns of Idlib's Ma'arrat an-Nu'man district, one per side: mixed.
        let cells = [
            cell("gn:167611", Faction::Opposition),
            cell("gn:168325", Faction::Government),
        ];
        let got = areas_of_day(&cells, &gaz, &areas, &mut index);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].mixed && (got[0].share - 0.5).abs() < 1e-9);
        // Sites and areas are no territory of their own.
        let cells = [cell("sy:aleppo-international-airport", Faction::Opposition)];
        assert!(areas_of_day(&cells, &gaz, &areas, &mut index).is_empty());
    }
}
