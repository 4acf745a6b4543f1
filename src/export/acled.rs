//! `events-acled.csv`: the fused changes of control in the columns and codes of ACLED's
//! event data, for researchers whose tools read ACLED exports.
//!
//! Input: the [`Timeline`]'s fused events and the gazetteer. Output: one CSV row per
//! asserted change (claims are left out: ACLED records what happened, and a claim is not
//! that yet), in date and place order.
//!
//! Codes, after ACLED's codebook: every row is `disorder_type` and `event_type`
//! "Strategic developments"; `sub_event_type` is "Government regains territory" when the
//! new controller is the Syrian state, "Non-violent transfer of territory" for a withdrawal
//! or a handover, "Non-state actor overtakes territory" when another Syrian side takes it,
//! and "Other" when a foreign state does (the codebook has no sub-event type for that).
//! Actors are frontline's factions under ACLED-style names, with their `inter` codes (1
//! state forces, 2 rebel groups, 3 political militias, 8 external forces); the state's name
//! follows ACLED's split at the fall of the Assad government on 8 December 2024.
//! `event_id_cnty` is `SYR` and a number in this file's order, so ids are stable for the
//! same inputs, not across runs of different inputs. `fatalities` is 0, as ACLED records
//! for strategic developments; `notes` is the first source sentence, `source` the articles.

use crate::extract::Action;
use crate::gazetteer::Gazetteer;
use crate::model::Faction;
use crate::timeline::{FusedEvent, Timeline};
use chrono::NaiveDate;
use std::io::{self, Write};

/// The columns, in ACLED's order (those frontline can fill).
pub const COLUMNS: [&str; 25] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
];

/// The day ACLED's name for the Syrian state changes.
fn fall_of_assad() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 8).expect("a valid day")
}

/// A faction's ACLED-style actor name and `inter` code on `day`.
pub fn actor(faction: Faction, day: NaiveDate) -> (&'static str, u8) {
    match faction {
        Faction::Government if day < fall_of_assad() => ("Military Forces of Syria (2000-2024)", 1),
        Faction::Government => ("Military Forces of Syria (2024-)", 1),
        Faction::Opposition => ("Syrian opposition (HTS-led)", 2),
        Faction::Sna => ("SNA: Syrian National Army", 2),
        Faction::Sdf => ("SDF: Syrian Democratic Forces", 2),
        Faction::Isis => ("Islamic State (Syria)", 2),
        Faction::Israel => ("Military Forces of Israel (2022-)", 8),
        Faction::Unknown => ("Unidentified Armed Group (Syria)", 3),
    }
}

/// ACLED's sub-event type for a change.
pub fn sub_event_type(e: &FusedEvent) -> &'static str {
    match (e.action, e.faction) {
        (Action::Withdrawal | Action::Handover, _) => "Non-violent transfer of territory",
        (_, Faction::Government) => "Government regains territory",
        (_, Faction::Israel) => "Other",
        _ => "Non-state actor overtakes territory",
    }
}

/// Writes the rows of every asserted change in `tl`.
pub fn write(w: &mut dyn Write, tl: &Timeline, gaz: &Gazetteer) -> io::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(COLUMNS)?;
    let events = tl
        .events
        .values()
        .flatten()
        .filter(|e| e.action != Action::Claimed);
    for (n, e) in events.enumerate() {
        let Some(place) = gaz.by_id(&e.place).map(|k| gaz.place(k)) else {
            continue;
        };
        let (actor1, inter1) = actor(e.faction, e.date);
        let second = e.previous_faction.map(|f| actor(f, e.date));
        let actor2 = second.map_or("", |(name, _)| name);
        let inter2 = second.map_or(String::new(), |(_, code)| code.to_string());
        // ACLED's interaction: the two inter codes, lower first; one actor alone with 0.
        let interaction = match second {
            Some((_, code)) => format!("{}{}", inter1.min(code), inter1.max(code)),
            None => format!("{inter1}0"),
        };
        let partial = if e.action == Action::Partial {
            "Partial: "
        } else {
            ""
        };
        let sentence = e.sources.first().map_or("", |s| s.sentence.as_str());
        let mut articles: Vec<&str> = Vec::new();
        for s in &e.sources {
            if !articles.contains(&s.article.as_str()) {
                articles.push(&s.article);
            }
        }
        let timestamp = e
            .date
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        c.write_record([
            format!("SYR{}", n + 1),
            e.date.to_string(),
            e.date.format("%Y").to_string(),
            e.time_precision.to_string(),
            "Strategic developments".into(),
            "Strategic developments".into(),
            sub_event_type(e).into(),
            actor1.into(),
            inter1.to_string(),
            actor2.into(),
            inter2,
            interaction,
            "760".into(),
            "Middle East".into(),
            "Syria".into(),
            place.governorate.clone(),
            place.district.clone(),
            place.name.clone(),
            format!("{:.4}", place.lat),
            format!("{:.4}", place.lon),
            e.geo_precision.to_string(),
            articles.join("; "),
            format!("{partial}{sentence}"),
            "0".into(),
            timestamp.to_string(),
        ])?;
    }
    c.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_state_s_name_follows_acled_s_split_at_the_fall_of_assad() {
        assert_eq!(
            actor(Faction::Government, day("2024-12-07")).0,
            "Military Forces of Syria (2000-2024)"
        );
        assert_eq!(
            actor(Faction::Government, day("2024-12-08")).0,
            "Military Forces of Syria (2024-)"
        );
        assert_eq!(actor(Faction::Israel, day("2024-12-09")).1, 8);
        assert_eq!(actor(Faction::Sdf, day("2024-12-09")).1, 2);
    }
}
