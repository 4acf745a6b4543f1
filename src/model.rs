//! Shared vocabulary of every stage: byte spans, factions and place kinds.
//!
//! Nothing here does work; these are the small value types that flow from one stage to
//! the next (`article → text → gazetteer → extract → timeline → export`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` into an article's text. Always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Who controls a place. The six sides of the 2024 war plus `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Faction {
    /// The Assad government, its army and allied militias.
    Government,
    /// HTS and the armed opposition (Military Operations Command, southern factions, ...).
    Opposition,
    /// The Turkish-backed Syrian National Army.
    Sna,
    /// The Kurdish-led Syrian Democratic Forces (YPG).
    Sdf,
    /// The Islamic State.
    Isis,
    /// Israel Defense Forces.
    Israel,
    /// The text does not say.
    Unknown,
}

impl Faction {
    /// Every faction, in output order.
    pub const ALL: [Faction; 7] = [
        Faction::Government,
        Faction::Opposition,
        Faction::Sna,
        Faction::Sdf,
        Faction::Isis,
        Faction::Israel,
        Faction::Unknown,
    ];

    /// The lowercase name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Faction::Government => "government",
            Faction::Opposition => "opposition",
            Faction::Sna => "sna",
            Faction::Sdf => "sdf",
            Faction::Isis => "isis",
            Faction::Israel => "israel",
            Faction::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Faction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Faction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Faction::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown faction {s:?}"))
    }
}

/// What sort of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// One of the 14 governorates (muhafazat).
    Governorate,
    /// One of the ~60 districts (mintaqat).
    District,
    /// A city (governorate capital or ≥ 50,000 people).
    City,
    /// A town (district or subdistrict seat, or ≥ 10,000 people).
    Town,
    /// A village.
    Village,
    /// A neighbourhood of a city.
    Neighbourhood,
    /// An airport, base, crossing, prison, dam, field or landmark.
    Site,
}

impl PlaceKind {
    /// Every kind.
    pub const ALL: [PlaceKind; 7] = [
        PlaceKind::Governorate,
        PlaceKind::District,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Neighbourhood,
        PlaceKind::Site,
    ];

    /// The lowercase name used in the gazetteer and every output.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Governorate => "governorate",
            PlaceKind::District => "district",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Site => "site",
        }
    }

    /// Governorates and districts are areas; everything else is a point.
    pub fn is_admin_area(self) -> bool {
        matches!(self, PlaceKind::Governorate | PlaceKind::District)
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PlaceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PlaceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown kind {s:?}"))
    }
}

/// Great-circle distance in kilometres between two points given as latitude and
/// longitude in degrees (`geo`'s haversine on a sphere of the Earth's mean radius).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine::distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_aleppo_damascus() {
        // Aleppo (36.20124, 37.16117) to Damascus (33.5102, 36.29128): about 310 km.
        let d = haversine_km(36.20124, 37.16117, 33.5102, 36.29128);
        assert!((d - 310.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn faction_names_round_trip() {
        for f in Faction::ALL {
            assert_eq!(f.as_str().parse::<Faction>().unwrap(), f);
        }
        assert!("rebels".parse::<Faction>().is_err());
    }

    #[test]
    fn kind_names_round_trip() {
        for k in PlaceKind::ALL {
            assert_eq!(k.as_str().parse::<PlaceKind>().unwrap(), k);
        }
        assert!("hamlet".parse::<PlaceKind>().is_err());
    }
}
