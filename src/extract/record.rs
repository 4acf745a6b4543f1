//! The wire format of `frontline extract`: one JSON object per event mention.
//!
//! ```json
//! {"article": "seeds/000.txt", "published": "2024-12-09", "date": "2024-11-30",
//!  "date_basis": "explicit", "time_precision": 1, "faction": "opposition",
//!  "previous_faction": "government", "action": "capture", "actor": "anti-regime groups",
//!  "place": {"id": "gn:170063", "name": "Aleppo", "kind": "city", "governorate": "Aleppo",
//!            "lat": 36.20124, "lon": 37.16117},
//!  "place_text": "Aleppo", "geo_precision": 1, "sentence": "On Nov. 30, ...",
//!  "sentence_span": [1186, 1408], "span": [1262, 1268]}
//! ```
//!
//! `date` is `null` when neither the text nor the publication gives a day; `span` and
//! `sentence_span` are half-open byte ranges in the article file as read.

use super::dates::DateBasis;
use super::{Action, Event, Unresolved};
use crate::article::Article;
use crate::gazetteer::Gazetteer;
use crate::model::{Faction, PlaceKind};
use chrono::NaiveDate;
use serde::Serialize;

/// The place of an event, as written out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRecord {
    /// Gazetteer id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// Governorate name.
    pub governorate: String,
    /// Latitude, degrees WGS84.
    pub lat: f64,
    /// Longitude, degrees WGS84.
    pub lon: f64,
}

/// One line of `frontline extract` output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    /// The article id (its path as given).
    pub article: String,
    /// The article's publication day.
    pub published: Option<NaiveDate>,
    /// The day of the change.
    pub date: Option<NaiveDate>,
    /// How `date` was established.
    pub date_basis: DateBasis,
    /// ACLED time precision.
    pub time_precision: u8,
    /// The new controller.
    pub faction: Faction,
    /// The side that lost the place, when stated.
    pub previous_faction: Option<Faction>,
    /// What changed.
    pub action: Action,
    /// The actor as written.
    pub actor: String,
    /// The place.
    pub place: PlaceRecord,
    /// The place as written.
    pub place_text: String,
    /// ACLED geographic precision.
    pub geo_precision: u8,
    /// The sentence that states the change.
    pub sentence: String,
    /// Bytes of the sentence in the article.
    pub sentence_span: [usize; 2],
    /// Bytes of the place text in the article.
    pub span: [usize; 2],
}

/// One line of the unresolved-names report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnresolvedRecord {
    /// The article id.
    pub article: String,
    /// The name as written.
    pub name: String,
    /// The sentence it appeared in.
    pub sentence: String,
    /// Bytes of the name in the article.
    pub span: [usize; 2],
}

impl PlaceRecord {
    /// The record of a gazetteer place.
    pub fn of(p: &crate::gazetteer::Place) -> PlaceRecord {
        PlaceRecord {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            governorate: p.governorate.clone(),
            lat: p.lat,
            lon: p.lon,
        }
    }
}

impl EventRecord {
    /// The record of `e`, found in `article`.
    pub fn new(article: &Article, e: &Event, gaz: &Gazetteer) -> EventRecord {
        let p = gaz.place(e.place);
        EventRecord {
            article: article.id.clone(),
            published: article.published,
            date: e.date,
            date_basis: e.date_basis,
            time_precision: e.time_precision,
            faction: e.faction,
            previous_faction: e.previous_faction,
            action: e.action,
            actor: e.actor.clone(),
            place: PlaceRecord::of(p),
            place_text: e.place_text.clone(),
            geo_precision: e.geo_precision,
            sentence: article.text[e.sentence.start..e.sentence.end].to_string(),
            sentence_span: [e.sentence.start, e.sentence.end],
            span: [e.span.start, e.span.end],
        }
    }
}

impl UnresolvedRecord {
    /// The record of `u`, found in `article`.
    pub fn new(article: &Article, u: &Unresolved) -> UnresolvedRecord {
        UnresolvedRecord {
            article: article.id.clone(),
            name: u.text.clone(),
            sentence: article.text[u.sentence.start..u.sentence.end].to_string(),
            span: [u.span.start, u.span.end],
        }
    }
}
