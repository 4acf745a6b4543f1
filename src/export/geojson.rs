//! GeoJSON layers (RFC 7946): WGS84 `[lon, lat]` with at most 6 decimals, no `crs`
//! member, polygons with the right-hand rule (as stored in `data/governorates.geojson`),
//! properties with sorted keys, features in a fixed order: the same timeline gives the
//! same bytes.
//!
//! # Wire format
//!
//! Every feature has an `id` and simplestyle colours (`marker-color`, `fill`, `stroke`)
//! from `data/factions.csv`, so geojson.io and similar viewers colour it with no set-up.
//! Dates are `YYYY-MM-DD` strings, which GDAL and QGIS type as `Date`.
//!
//! | layer | geometry | properties |
//! |---|---|---|
//! | `events/DAY.geojson`, `timeline.geojson` | Point (a governorate: its Polygon) | `event_id`, `date`, `place_id`, `place`, `kind`, `governorate`, `faction`, `previous_faction`, `action`, `actors` (array), `confidence`, `contested`, `geo_precision`, `time_precision`, `source_count` (every mention), `independent_reports` (syndicated copies once), `sources` (array of `{article, sentence}`: at most five, one per article first); the timeline adds `timestamp` (`YYYY-MM-DD 00:00`, for kepler.gl) |
//! | `areas/DAY.geojson` | Polygon or MultiPolygon (a district) | `date`, `district`, `faction`, `share` (of the weight of its places), `places`, `mixed` (no side holds two thirds) |
//! | `control/DAY.geojson` | Point | `date`, `place_id`, `place`, `kind`, `governorate`, `faction`, `since`, `changed`, `event_id`, `contested`, `challenger` (the lone contrary report's event id) |
//! | `control-days.geojson` | Point | the control layers of every day in one file, with `timestamp` (`YYYY-MM-DD 00:00`, for kepler.gl) |
//! | `control-timeline.geojson` | Point | `place_id`, `place`, `kind`, `governorate`, `faction`, `start`, `end` (exclusive), `event_id` |

use crate::gazetteer::{Gazetteer, Place};
use crate::model::{Faction, PlaceKind};
use crate::timeline::{ControlCell, FusedEvent, Interval};
use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The governorate polygons, compiled in.
pub const GOVERNORATES_GEOJSON: &str = include_str!("../../data/governorates.geojson");

/// Colours (`#rrggbb`) and legend labels of each faction.
#[derive(Debug, Clone)]
pub struct Palette {
    colours: BTreeMap<Faction, String>,
    labels: BTreeMap<Faction, String>,
}

impl Palette {
    /// The colours and labels of the bundled `data/factions.csv`.
    pub fn bundled() -> Palette {
        let file = crate::extract::lexicon::parse_factions(crate::extract::lexicon::FACTIONS_CSV)
            .expect("the bundled factions.csv is valid");
        Palette {
            colours: file.colours.into_iter().collect(),
            labels: file.labels.into_iter().collect(),
        }
    }

    /// The colour of `f` (grey when the file gives none).
    pub fn colour(&self, f: Faction) -> &str {
        self.colours.get(&f).map_or("#999999", String::as_str)
    }

    /// The name of `f` in words for a legend (its id when the file gives none).
    pub fn label(&self, f: Faction) -> &str {
        self.labels.get(&f).map_or(f.as_str(), String::as_str)
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn point(p: &Place) -> Value {
    json!({"type": "Point", "coordinates": [round6(p.lon), round6(p.lat)]})
}

/// The polygon of a governorate, by its name in the `governorate` column.
fn governorate_polygon(name: &str) -> Option<Value> {
    static POLYGONS: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    POLYGONS
        .get_or_init(|| {
            let fc: Value = serde_json::from_str(GOVERNORATES_GEOJSON)
                .expect("bundled polygons are valid JSON");
            fc["features"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| {
                    Some((
                        f["properties"]["governorate"].as_str()?.to_string(),
                        f["geometry"].clone(),
                    ))
                })
                .collect()
        })
        .get(name)
        .cloned()
}

fn geometry(p: &Place) -> Value {
    if p.kind == PlaceKind::Governorate {
        if let Some(poly) = governorate_polygon(&p.governorate) {
            return poly;
        }
    }
    point(p)
}

fn feature(id: &str, geometry: Value, properties: Map<String, Value>) -> Value {
    json!({"type": "Feature", "id": id, "geometry": geometry, "properties": properties})
}

/// A FeatureCollection named `name` (GDAL uses it as the layer name).
pub fn collection(name: &str, features: Vec<Value>) -> Value {
    json!({"type": "FeatureCollection", "name": name, "features": features})
}

fn place_props(p: &Place) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("place_id".into(), json!(p.id));
    m.insert("place".into(), json!(p.name));
    m.insert("kind".into(), json!(p.kind));
    m.insert("governorate".into(), json!(p.governorate));
    m
}

fn style(m: &mut Map<String, Value>, colour: &str) {
    m.insert("marker-color".into(), json!(colour));
    m.insert("fill".into(), json!(colour));
    m.insert("stroke".into(), json!(colour));
}

fn day(d: NaiveDate) -> Value {
    json!(d.format("%Y-%m-%d").to_string())
}

/// One fused event as a feature (`with_timestamp` for the timeline layer).
pub fn event_feature(
    e: &FusedEvent,
    gaz: &Gazetteer,
    palette: &Palette,
    with_timestamp: bool,
) -> Option<Value> {
    let p = gaz.place(gaz.by_id(&e.place)?);
    let mut m = place_props(p);
    m.insert("event_id".into(), json!(e.id));
    m.insert("date".into(), day(e.date));
    if with_timestamp {
        m.insert(
            "timestamp".into(),
            json!(format!("{} 00:00", e.date.format("%Y-%m-%d"))),
        );
    }
    m.insert("faction".into(), json!(e.faction));
    m.insert("previous_faction".into(), json!(e.previous_faction));
    m.insert("action".into(), json!(e.action));
    m.insert("actors".into(), json!(e.actors));
    m.insert("confidence".into(), json!(e.confidence));
    m.insert("contested".into(), json!(e.contested));
    m.insert("geo_precision".into(), json!(e.geo_precision));
    m.insert("time_precision".into(), json!(e.time_precision));
    m.insert("date_basis".into(), json!(e.date_basis));
    m.insert("source_count".into(), json!(e.sources.len()));
    m.insert("independent_reports".into(), json!(e.independent));
    let sources: Vec<Value> = e
        .shown_sources()
        .into_iter()
        .map(|s| json!({"article": s.article, "sentence": s.sentence}))
        .collect();
    m.insert("sources".into(), json!(sources));
    style(&mut m, palette.colour(e.faction));
    Some(feature(&e.id, geometry(p), m))
}

/// One control cell as a feature.
pub fn control_feature(
    date: NaiveDate,
    c: &ControlCell,
    gaz: &Gazetteer,
    palette: &Palette,
) -> Option<Value> {
    let p = gaz.place(gaz.by_id(&c.place)?);
    let mut m = place_props(p);
    m.insert("date".into(), day(date));
    m.insert("faction".into(), json!(c.faction));
    m.insert("since".into(), day(c.since));
    m.insert("changed".into(), json!(c.changed));
    m.insert("event_id".into(), json!(c.event_id));
    m.insert("contested".into(), json!(c.contested));
    m.insert("challenger".into(), json!(c.challenger));
    style(&mut m, palette.colour(c.faction));
    Some(feature(
        &format!("{}:{}", date.format("%Y-%m-%d"), c.place),
        point(p),
        m,
    ))
}

/// A district's outline for the areas layers: simplified to about 500 m (Douglas–Peucker,
/// 0.005°), rounded to 5 decimals and wound as RFC 7946 asks (exterior rings
/// counter-clockwise), as a GeoJSON geometry (through the `geojson` crate's conversion
/// from `geo`).
pub fn area_geometry(area: &crate::gazetteer::admin::Area) -> Value {
    use geo::orient::{Direction, Orient};
    use geo::{MapCoords, Simplify};
    let simple = area
        .polygon
        .simplify(&0.005)
        .map_coords(|c| geo::coord! { x: (c.x * 1e5).round() / 1e5, y: (c.y * 1e5).round() / 1e5 })
        .orient(Direction::Default);
    serde_json::to_value(::geojson::Geometry::new(::geojson::Value::from(&simple)))
        .unwrap_or(Value::Null)
}

/// One control cell as a feature of `control-days.geojson`: the control feature with a
/// `timestamp` ("YYYY-MM-DD 00:00"), the one time field kepler.gl plays.
pub fn control_day_feature(
    date: NaiveDate,
    c: &ControlCell,
    gaz: &Gazetteer,
    palette: &Palette,
) -> Option<Value> {
    let mut f = control_feature(date, c, gaz, palette)?;
    f["properties"]["timestamp"] = json!(format!("{} 00:00", date.format("%Y-%m-%d")));
    Some(f)
}

/// One district on one day as a feature of the areas layer.
pub fn area_feature(
    date: NaiveDate,
    cell: &crate::areas::AreaCell,
    geometry: &Value,
    palette: &Palette,
) -> Value {
    let mut m = Map::new();
    m.insert("date".into(), day(date));
    m.insert("district".into(), json!(cell.district.name));
    m.insert("faction".into(), json!(cell.faction));
    m.insert("share".into(), json!((cell.share * 100.0).round() / 100.0));
    m.insert("places".into(), json!(cell.places));
    m.insert("mixed".into(), json!(cell.mixed));
    style(&mut m, palette.colour(cell.faction));
    feature(
        &format!("{}:wof:{}", date.format("%Y-%m-%d"), cell.district.wof_id),
        geometry.clone(),
        m,
    )
}

/// One control interval as a feature.
pub fn interval_feature(i: &Interval, gaz: &Gazetteer, palette: &Palette) -> Option<Value> {
    let p = gaz.place(gaz.by_id(&i.place)?);
    let mut m = place_props(p);
    m.insert("faction".into(), json!(i.faction));
    m.insert("start".into(), day(i.start));
    m.insert("end".into(), day(i.end));
    m.insert("event_id".into(), json!(i.event_id));
    style(&mut m, palette.colour(i.faction));
    Some(feature(
        &format!("{}:{}", i.start.format("%Y-%m-%d"), i.place),
        point(p),
        m,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_at_most_six_decimals() {
        assert_eq!(round6(36.201241234), 36.201241);
        assert_eq!(round6(-0.0000004), -0.0);
    }

    #[test]
    fn every_governorate_has_a_polygon() {
        let g = Gazetteer::bundled().unwrap();
        for p in g
            .places()
            .iter()
            .filter(|p| p.kind == PlaceKind::Governorate)
        {
            let poly =
                governorate_polygon(&p.governorate).unwrap_or_else(|| panic!("{}", p.governorate));
            assert!(matches!(
                poly["type"].as_str(),
                Some("Polygon" | "MultiPolygon")
            ));
        }
    }

    #[test]
    fn palette_follows_the_usual_convention() {
        let p = Palette::bundled();
        assert_eq!(p.colour(Faction::Government), "#d7191c");
        assert_eq!(p.colour(Faction::Opposition), "#1a9641");
        assert_eq!(p.colour(Faction::Unknown), "#999999");
    }
}
