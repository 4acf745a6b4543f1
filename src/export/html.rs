//! `out/map.html`: one self-contained page (Leaflet inlined, no CDN, no tiles) with the
//! control state of each day, its areas of control (districts in the colour of the side
//! holding most of their places, mixed ones hatched lighter), that day's events, a day
//! slider, play/pause, arrow keys, a legend and popups quoting the source sentences.
//!
//! Takes the timeline and gives HTML. The data goes in as JSON inside a
//! `<script type="application/json">` block with `<`, `>` and `&` escaped as `\u003c`,
//! `\u003e`, `\u0026`, so no article text can close the block; the page reads it with
//! `JSON.parse` and puts text on the page only through `textContent`. The page exposes
//! `window.frontline = {days, setDay(day), visible(), openPopup(place_id)}` for tests and
//! users' automation.

use super::geojson::{Palette, GOVERNORATES_GEOJSON};
use super::AreaLayers;
use crate::gazetteer::Gazetteer;
use crate::model::Faction;
use crate::timeline::Timeline;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

const TEMPLATE: &str = include_str!("map.html");
const LEAFLET_JS: &str = include_str!("../../vendor/leaflet/leaflet.js");
const LEAFLET_CSS: &str = include_str!("../../vendor/leaflet/leaflet.css");

/// JSON that can sit inside a `<script>` element whatever strings it holds.
fn script_safe_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The districts' outlines once, and per day the districts a side holds:
/// `[district index, faction, share, mixed]`.
fn areas_data(areas: &AreaLayers) -> (Value, Value) {
    let outlines: Vec<Value> = areas
        .districts
        .iter()
        .zip(&areas.outlines)
        .map(|(a, g)| json!({"name": a.name, "geometry": g}))
        .collect();
    let by_day: serde_json::Map<String, Value> = areas
        .days
        .iter()
        .map(|(day, cells)| {
            let rows = cells
                .iter()
                .map(|a| {
                    json!([
                        a.index,
                        a.faction,
                        (a.share * 100.0).round() / 100.0,
                        a.mixed
                    ])
                })
                .collect();
            (day.to_string(), Value::Array(rows))
        })
        .collect();
    (Value::Array(outlines), Value::Object(by_day))
}

fn data(tl: &Timeline, gaz: &Gazetteer, areas: &AreaLayers) -> Value {
    let palette = Palette::bundled();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut places = Vec::new();
    let mut place_index = |id: &str| -> Option<usize> {
        if let Some(&i) = index.get(id) {
            return Some(i);
        }
        let p = gaz.place(gaz.by_id(id)?);
        index.insert(&p.id, places.len());
        places.push(
            json!({"id": p.id, "name": p.name, "kind": p.kind, "governorate": p.governorate,
                           "lat": p.lat, "lon": p.lon}),
        );
        Some(places.len() - 1)
    };
    let mut events = Vec::new();
    let mut event_index: BTreeMap<&str, usize> = BTreeMap::new();
    for e in tl.events.values().flatten() {
        let Some(p) = place_index(&e.place) else {
            continue;
        };
        event_index.insert(&e.id, events.len());
        let sources: Vec<Value> = e
            .shown_sources()
            .into_iter()
            .map(|s| json!({"article": s.article, "sentence": s.sentence}))
            .collect();
        events.push(
            json!({"id": e.id, "date": e.date.to_string(), "place": p, "faction": e.faction,
                           "previous": e.previous_faction, "action": e.action,
                           "sources": sources}),
        );
    }
    let mut control = serde_json::Map::new();
    for (day, cells) in &tl.control {
        let rows: Vec<Value> = cells
            .iter()
            .filter_map(|c| {
                let p = place_index(&c.place)?;
                let ev = c
                    .event_id
                    .as_deref()
                    .and_then(|id| event_index.get(id))
                    .map_or(-1, |&i| i as i64);
                Some(json!([
                    p,
                    c.faction,
                    c.since.to_string(),
                    c.changed,
                    c.contested,
                    ev
                ]))
            })
            .collect();
        control.insert(day.to_string(), Value::Array(rows));
    }
    let factions: serde_json::Map<String, Value> = Faction::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), json!(palette.colour(*f))))
        .collect();
    let governorates: Value = serde_json::from_str(GOVERNORATES_GEOJSON).unwrap_or(Value::Null);
    let order: Vec<&str> = Faction::ALL.iter().map(|f| f.as_str()).collect();
    let labels: serde_json::Map<String, Value> = Faction::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), json!(palette.label(*f))))
        .collect();
    let (districts, areas) = areas_data(areas);
    json!({"days": tl.days.iter().map(|d| d.to_string()).collect::<Vec<_>>(), "factions": factions,
           "faction_order": order, "faction_labels": labels,
           "places": places, "events": events, "control": control, "governorates": governorates,
           "districts": districts, "areas": areas})
}

/// Writes the page.
pub fn write_map(
    w: &mut dyn Write,
    tl: &Timeline,
    gaz: &Gazetteer,
    areas: &AreaLayers,
) -> io::Result<()> {
    let data = script_safe_json(&data(tl, gaz, areas));
    fill_template(
        w,
        TEMPLATE,
        &[
            ("/*LEAFLET_CSS*/", LEAFLET_CSS),
            ("__FRONTLINE_DATA__", &data),
            ("/*LEAFLET_JS*/", LEAFLET_JS),
        ],
    )
}

/// Writes `template` with each placeholder's first occurrence replaced by its content.
/// Only the template is searched, never what was put in, so article text that happens to
/// contain a placeholder (`/*LEAFLET_JS*/`) stays text.
fn fill_template(w: &mut dyn Write, template: &str, fills: &[(&str, &str)]) -> io::Result<()> {
    let mut at: Vec<(usize, &str, &str)> = fills
        .iter()
        .filter_map(|&(key, content)| Some((template.find(key)?, key, content)))
        .collect();
    at.sort_unstable();
    let mut from = 0;
    for (start, key, content) in at {
        w.write_all(&template.as_bytes()[from..start])?;
        w.write_all(content.as_bytes())?;
        from = start + key.len();
    }
    w.write_all(&template.as_bytes()[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_inside_the_content_are_never_filled() {
        let mut out = Vec::new();
        fill_template(
            &mut out,
            "<style>/*CSS*/</style><script>DATA</script><script>/*JS*/</script>",
            &[
                ("/*CSS*/", "c"),
                ("DATA", "\"/*JS*/ and /*CSS*/\""),
                ("/*JS*/", "js"),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<style>c</style><script>\"/*JS*/ and /*CSS*/\"</script><script>js</script>"
        );
    }

    #[test]
    fn hostile_text_cannot_close_the_data_block() {
        let v = json!({"s": "</script><img src=x onerror=alert(1)>&"});
        let out = script_safe_json(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn page_is_self_contained() {
        let g = Gazetteer::bundled().unwrap();
        let mut out = Vec::new();
        write_map(
            &mut out,
            &Timeline::default(),
            &g,
            &AreaLayers::new(
                &Timeline::default(),
                &g,
                &crate::gazetteer::admin::AdminAreas::bundled().unwrap(),
            ),
        )
        .unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(!page.contains("__FRONTLINE_DATA__") && !page.contains("/*LEAFLET_JS*/"));
        // Nothing is loaded from elsewhere (Leaflet's attribution is only a link).
        assert!(
            !page.contains("src=\"http") && !page.contains("<link"),
            "no external resources"
        );
        assert!(page.contains("window.frontline"));
        // The legend names the sides in words.
        assert!(
            page.contains(r#""opposition":"Opposition (HTS-led)""#),
            "faction labels"
        );
    }
}
