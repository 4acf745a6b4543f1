//! Why a place has the controller it has: the evidence, day by day, as a person would
//! audit it.
//!
//! Takes a built [`Timeline`], the [`Baseline`] it started from, the gazetteer and one
//! place; gives an [`Explanation`]: the baseline row, then every day on which the place's
//! state changed, was contested or was reported, each with the events about the place
//! itself and about the areas it lies in (its governorate, district or city), and their
//! sources.

use crate::gazetteer::{Gazetteer, Place};
use crate::timeline::{contained, Baseline, BaselineRow, ControlCell, FusedEvent, Timeline};
use chrono::NaiveDate;

/// The evidence for one place.
#[derive(Debug, Clone)]
pub struct Explanation<'t> {
    /// The place.
    pub place: &'t Place,
    /// Its baseline row, if the baseline names it.
    pub baseline: Option<&'t BaselineRow>,
    /// The days worth reading, oldest first.
    pub days: Vec<ExplainedDay<'t>>,
}

/// One day of an [`Explanation`].
#[derive(Debug, Clone)]
pub struct ExplainedDay<'t> {
    /// The day.
    pub day: NaiveDate,
    /// The place's state at the end of the day (none before anything names it).
    pub cell: Option<&'t ControlCell>,
    /// Events about the place itself that day.
    pub own: Vec<&'t FusedEvent>,
    /// Events that day about an area the place lies in.
    pub areas: Vec<(&'t Place, &'t FusedEvent)>,
}

/// The evidence for `place_id` over the timeline's days up to `through` (every day when
/// `None`). A day is kept when something about the place happened on it, plus the last
/// day, which gives the state in the end.
pub fn explain<'t>(
    tl: &'t Timeline,
    baseline: &'t Baseline,
    gaz: &'t Gazetteer,
    place_id: &str,
    through: Option<NaiveDate>,
) -> Option<Explanation<'t>> {
    let place = gaz.place(gaz.by_id(place_id)?);
    let days: Vec<NaiveDate> = tl
        .days
        .iter()
        .copied()
        .filter(|d| through.is_none_or(|t| *d <= t))
        .collect();
    let mut out = Vec::new();
    for (k, &day) in days.iter().enumerate() {
        let cell = tl
            .control
            .get(&day)
            .and_then(|cells| cells.iter().find(|c| c.place == place.id));
        let events = tl.events.get(&day).map(Vec::as_slice).unwrap_or(&[]);
        let own: Vec<&FusedEvent> = events.iter().filter(|e| e.place == place.id).collect();
        let areas: Vec<(&Place, &FusedEvent)> = events
            .iter()
            .filter(|e| e.place != place.id)
            .filter_map(|e| {
                let area = gaz.place(gaz.by_id(&e.place)?);
                contained(gaz, area)
                    .any(|p| p.id == place.id)
                    .then_some((area, e))
            })
            .collect();
        let notable = !own.is_empty()
            || !areas.is_empty()
            || cell.is_some_and(|c| c.changed || c.contested)
            || k + 1 == days.len();
        if notable {
            out.push(ExplainedDay {
                day,
                cell,
                own,
                areas,
            });
        }
    }
    Some(Explanation {
        place,
        baseline: baseline.rows.get(&place.id),
        days: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::DateBasis;
    use crate::extract::Action;
    use crate::extract::{EventRecord, PlaceRecord};
    use crate::model::Faction;
    use crate::timeline::{build, fuse, BUNDLED_BASELINE};

    #[test]
    fn the_evidence_names_the_reports_own_and_of_the_area() {
        let gaz = Gazetteer::bundled().unwrap();
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, &gaz).unwrap();
        let mention = |article: &str, place: &str, date: &str, sentence: &str| {
            let p = gaz.place(gaz.by_id(place).unwrap());
            EventRecord {
                article: article.into(),
                published: None,
                date: Some(date.parse().unwrap()),
                date_basis: DateBasis::Explicit,
                time_precision: 1,
                faction: Faction::Opposition,
                previous_faction: None,
                action: Action::Capture,
                actor: "rebels".into(),
                place: PlaceRecord::of(p),
                place_text: p.name.clone(),
                geo_precision: 1,
                sentence: sentence.into(),
                sentence_span: [0, 1],
                span: [0, 1],
            }
        };
        // Maarat al-Numan (gn:167611): the governorate on 30 Nov, the town itself on 2 Dec.
        let (ev, _) = fuse(&[
            mention(
                "a",
                "gn:169387",
                "2024-11-30",
                "Rebels took all of Idlib province.",
            ),
            mention(
                "b",
                "gn:167611",
                "2024-12-02",
                "Rebels entered Maarat al-Numan.",
            ),
        ]);
        let tl = build(ev, &baseline, &gaz, None, None);
        let x = explain(&tl, &baseline, &gaz, "gn:167611", None).unwrap();
        assert_eq!(x.baseline.map(|b| b.faction), Some(Faction::Government));
        let on = |d: &str| {
            x.days
                .iter()
                .find(|e| e.day == d.parse::<NaiveDate>().unwrap())
                .unwrap()
        };
        let nov30 = on("2024-11-30");
        assert_eq!(nov30.areas.len(), 1);
        assert_eq!(nov30.areas[0].0.id, "gn:169387");
        assert_eq!(nov30.cell.unwrap().faction, Faction::Opposition);
        let dec2 = on("2024-12-02");
        assert_eq!(
            dec2.own[0].sources[0].sentence,
            "Rebels entered Maarat al-Numan."
        );
        // A day on which nothing about it happened is left out.
        assert!(x
            .days
            .iter()
            .all(|d| d.day != "2024-12-01".parse::<NaiveDate>().unwrap()));
        assert!(explain(&tl, &baseline, &gaz, "no:such", None).is_none());
    }
}
