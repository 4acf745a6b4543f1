//! Districts and governorates as areas: which ones a point lies in.
//!
//! Takes the Who's On First district and governorate polygons (GeoJSON, bundled under
//! `data/third_party/wof-sy/`) and gives [`AdminAreas`]; [`AdminAreas::locate`] answers
//! for a point, and [`locate_places`] fills the `district` and `governorate` of gazetteer
//! rows with the names the gazetteer itself gives those areas ("Azaz District", "Aleppo").
//!
//! A point on the coast or the border can fall just outside every polygon (the polygons
//! are generalised): it takes the nearest area within [`NEAREST_KM`].

use super::Place;
use crate::model::PlaceKind;
use geo::{BoundingRect, ClosestPoint, Contains, Distance, Haversine, MultiPolygon, Point, Rect};

/// The bundled district polygons (Who's On First `county`).
const DISTRICTS_GEOJSON: &str = include_str!("../../data/third_party/wof-sy/districts.geojson");
/// The bundled governorate polygons (Who's On First `region`).
const GOVERNORATES_GEOJSON: &str =
    include_str!("../../data/third_party/wof-sy/governorates.geojson");

/// How far outside every polygon a point may be and still take the nearest one.
pub const NEAREST_KM: f64 = 8.0;

/// How far outside its stated governorate's polygon a row may be and keep it: the
/// polygons are generalised, and a source that names the governorate of a place on a
/// boundary (Al-Tanf, Homs) knows better than they do.
pub const STATED_GOVERNORATE_KM: f64 = 25.0;

/// One district or governorate.
#[derive(Debug, Clone)]
pub struct Area {
    /// Who's On First id.
    pub wof_id: i64,
    /// Who's On First's English name (`name_en`, else `name`).
    pub name: String,
    /// The area itself.
    pub polygon: MultiPolygon<f64>,
    bbox: Rect<f64>,
}

/// The areas a point lies in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Location<'a> {
    /// Its district, if any.
    pub district: Option<&'a Area>,
    /// Its governorate, if any.
    pub governorate: Option<&'a Area>,
}

/// Districts and governorates with their polygons.
#[derive(Debug, Clone)]
pub struct AdminAreas {
    /// The districts.
    pub districts: Vec<Area>,
    /// The governorates.
    pub governorates: Vec<Area>,
}

/// Why polygons could not be read.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// Not GeoJSON.
    #[error("{file}: {source}")]
    GeoJson {
        /// Which file.
        file: String,
        /// What the parser said.
        source: Box<geojson::Error>,
    },
    /// A feature without a usable property or geometry.
    #[error("{file}: feature {index}: {message}")]
    Feature {
        /// Which file.
        file: String,
        /// Position in the collection, from 0.
        index: usize,
        /// What is wrong.
        message: String,
    },
}

impl AdminAreas {
    /// The bundled Who's On First polygons.
    pub fn bundled() -> Result<AdminAreas, AdminError> {
        Ok(AdminAreas {
            districts: read_areas("districts.geojson", DISTRICTS_GEOJSON)?,
            governorates: read_areas("governorates.geojson", GOVERNORATES_GEOJSON)?,
        })
    }

    /// The district and governorate of the point (`lon`, `lat`).
    pub fn locate(&self, lon: f64, lat: f64) -> Location<'_> {
        let p = Point::new(lon, lat);
        Location {
            district: area_of(&self.districts, p),
            governorate: area_of(&self.governorates, p),
        }
    }
}

/// The polygon features of a GeoJSON collection (point features are skipped: WOF keeps a
/// few neighbouring districts as bare points).
fn read_areas(file: &str, text: &str) -> Result<Vec<Area>, AdminError> {
    let collection: geojson::FeatureCollection = text.parse().map_err(|e| AdminError::GeoJson {
        file: file.into(),
        source: Box::new(e),
    })?;
    let mut areas = Vec::new();
    for (index, feature) in collection.features.into_iter().enumerate() {
        let bad = |message: &str| AdminError::Feature {
            file: file.into(),
            index,
            message: message.into(),
        };
        let text_prop = |key: &str| {
            feature
                .property(key)
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let wof_id = feature
            .property("wof_id")
            .and_then(|v| v.as_i64())
            .ok_or_else(|| bad("no wof_id"))?;
        let name = text_prop("name_en")
            .or_else(|| text_prop("name"))
            .ok_or_else(|| bad("no name"))?;
        let Some(geometry) = feature.geometry.clone() else {
            continue;
        };
        let geometry: geo::Geometry<f64> = geometry
            .try_into()
            .map_err(|e: geojson::Error| bad(&e.to_string()))?;
        let polygon = match geometry {
            geo::Geometry::Polygon(p) => MultiPolygon::new(vec![p]),
            geo::Geometry::MultiPolygon(m) => m,
            _ => continue,
        };
        let Some(bbox) = polygon.bounding_rect() else {
            continue;
        };
        areas.push(Area {
            wof_id,
            name,
            polygon,
            bbox,
        });
    }
    Ok(areas)
}

fn area_of(areas: &[Area], p: Point<f64>) -> Option<&Area> {
    let inside = areas.iter().find(|a| {
        let (min, max) = (a.bbox.min(), a.bbox.max());
        (min.x..=max.x).contains(&p.x())
            && (min.y..=max.y).contains(&p.y())
            && a.polygon.contains(&p)
    });
    inside.or_else(|| {
        areas
            .iter()
            .filter_map(|a| Some((distance_km(a, p)?, a)))
            .filter(|(km, _)| *km <= NEAREST_KM)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, a)| a)
    })
}

/// What [`locate_places`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LocateReport {
    /// Rows given a district or a governorate they did not have, or a different one.
    pub changed: usize,
    /// Rows outside every district (beyond [`NEAREST_KM`]); their district is left as it was.
    pub outside: Vec<String>,
}

/// Sets each place's `district` and `governorate` to the areas its point lies in, named as
/// the gazetteer names them: a district by the district row whose point (its seat) lies in
/// that polygon, a governorate by the governorate row inside it. A polygon without such a
/// row is named after Who's On First ("Rif Dimashq Markaz District").
pub fn locate_places(places: &mut [Place], areas: &AdminAreas) -> LocateReport {
    let row_inside = |kind: PlaceKind, a: &Area| {
        places
            .iter()
            .find(|p| p.kind == kind && a.polygon.contains(&Point::new(p.lon, p.lat)))
    };
    let district_names: Vec<String> = areas
        .districts
        .iter()
        .map(|a| {
            row_inside(PlaceKind::District, a)
                .map_or_else(|| format!("{} District", a.name), |p| p.name.clone())
        })
        .collect();
    // A governorate polygon without a governorate row (the UN zone on the Golan) names
    // nothing: its points keep the governorate they were given.
    let governorate_names: Vec<Option<String>> = areas
        .governorates
        .iter()
        .map(|a| row_inside(PlaceKind::Governorate, a).map(|p| p.governorate.clone()))
        .collect();
    let index_of = |list: &[Area], a: &Area| list.iter().position(|x| x.wof_id == a.wof_id);
    let mut report = LocateReport::default();
    for p in places.iter_mut() {
        let at = areas.locate(p.lon, p.lat);
        let before = (p.district.clone(), p.governorate.clone());
        if p.kind != PlaceKind::Governorate {
            match at.district.and_then(|d| index_of(&areas.districts, d)) {
                Some(i) => p.district = district_names[i].clone(),
                None => report.outside.push(p.id.clone()),
            }
            let found = at
                .governorate
                .and_then(|g| index_of(&areas.governorates, g));
            if let Some(name) = found.and_then(|i| governorate_names[i].as_ref()) {
                if !stated_governorate_is_near(p, areas, &governorate_names) {
                    p.governorate = name.clone();
                }
            }
        }
        if (p.district.clone(), p.governorate.clone()) != before {
            report.changed += 1;
        }
    }
    report
}

/// Is the governorate a row already states one whose polygon lies within [`STATED_GOVERNORATE_KM`] of
/// its point? A curated row's governorate comes from its source and outranks generalised
/// polygons near a boundary (Al-Tanf is in Homs, a few km from Rif Dimashq's line).
fn stated_governorate_is_near(p: &Place, areas: &AdminAreas, names: &[Option<String>]) -> bool {
    let point = Point::new(p.lon, p.lat);
    areas.governorates.iter().zip(names).any(|(a, name)| {
        name.as_deref() == Some(p.governorate.as_str())
            && !p.governorate.is_empty()
            && (a.polygon.contains(&point)
                || distance_km(a, point).is_some_and(|d| d <= STATED_GOVERNORATE_KM))
    })
}

fn distance_km(a: &Area, p: Point<f64>) -> Option<f64> {
    match a.polygon.closest_point(&p) {
        geo::Closest::Intersection(c) | geo::Closest::SinglePoint(c) => {
            Some(Haversine::distance(p, c) / 1000.0)
        }
        geo::Closest::Indeterminate => None,
    }
}

/// Warnings for rows whose `district` or `governorate` is not the one their point lies in
/// (as [`locate_places`] would set it).
pub fn disagreements(file: &str, places: &[Place], areas: &AdminAreas) -> Vec<super::Diagnostic> {
    let mut located = places.to_vec();
    locate_places(&mut located, areas);
    places
        .iter()
        .zip(&located)
        .filter(|(a, b)| (&a.district, &a.governorate) != (&b.district, &b.governorate))
        .map(|(a, b)| super::Diagnostic {
            severity: super::Severity::Warning,
            file: file.to_string(),
            line: a.line,
            message: format!(
                "{}: its point lies in {} ({}), the row says {} ({}); `frontline gazetteer locate` sets it",
                a.id, b.district, b.governorate, a.district, a.governorate
            ),
        })
        .collect()
}

/// Why a gazetteer file could not be located.
#[derive(Debug, thiserror::Error)]
pub enum RelocateError {
    /// The file does not load (its errors, one per line).
    #[error("{0}")]
    Load(String),
    /// The CSV could not be read or written.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// Gazetteer CSV `data` (from `file`) with every row's `district` and `governorate`
/// columns set by [`locate_places`] (the columns are added when missing); every other
/// column and every comment row is kept as it was.
pub fn relocate_csv(
    file: &str,
    data: &[u8],
    areas: &AdminAreas,
) -> Result<(Vec<u8>, LocateReport), RelocateError> {
    let parsed = super::load::parse(file, data);
    if parsed.has_errors() {
        let lines: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
        return Err(RelocateError::Load(lines.join("\n")));
    }
    let mut places = parsed.places;
    let report = locate_places(&mut places, areas);
    let by_id: std::collections::HashMap<&str, &Place> =
        places.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let mut headers = rdr.headers()?.clone();
    let column = |headers: &mut csv::StringRecord, name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .unwrap_or_else(|| {
                headers.push_field(name);
                headers.len() - 1
            })
    };
    let (g_col, d_col) = (
        column(&mut headers, "governorate"),
        column(&mut headers, "district"),
    );
    let id_col = column(&mut headers, "id");
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    out.write_record(&headers)?;
    for record in rdr.records() {
        let record = record?;
        let Some(p) = by_id.get(record.get(id_col).unwrap_or("").trim()) else {
            out.write_record(&record)?; // a comment or blank row
            continue;
        };
        let mut fields: Vec<&str> = record.iter().collect();
        fields.resize(fields.len().max(headers.len()), "");
        fields[g_col] = &p.governorate;
        fields[d_col] = &p.district;
        out.write_record(&fields)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok((bytes, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_polygons_cover_syria() {
        let a = AdminAreas::bundled().unwrap();
        assert!(a.districts.len() >= 60, "{} districts", a.districts.len());
        assert!(a.governorates.len() >= 14);
        // Points of known places and the areas Who's On First puts them in.
        let cases = [
            ("Aleppo citadel", 37.1628, 36.1993, "Jabal Sam'an", "H'alab"),
            (
                "Maarat al-Numan",
                36.6768,
                35.6483,
                "Ma'arrat an-Nu'man",
                "Idlib",
            ),
            ("Daraa", 36.1060, 32.6189, "Markaz Dar'a", "Dar`a"),
            (
                "Qamishli",
                41.2278,
                37.0522,
                "Al-Qamishli",
                "Hasaka (Al Haksa)",
            ),
        ];
        for (what, lon, lat, district, governorate) in cases {
            let at = a.locate(lon, lat);
            assert_eq!(
                at.district.map(|d| d.name.as_str()),
                Some(district),
                "{what}"
            );
            assert_eq!(
                at.governorate.map(|g| g.name.as_str()),
                Some(governorate),
                "{what}"
            );
        }
    }

    #[test]
    fn relocate_names_areas_as_the_gazetteer_does_and_keeps_other_columns() {
        let csv = "id,name,kind,lat,lon,governorate,district,extra\n\
                   g:1,Aleppo Governorate,governorate,36.2,37.2,Aleppo,,x\n\
                   d:1,Mount Simeon District,district,36.2012,37.1612,Aleppo,,y\n\
                   # a comment row\n\
                   v:1,Somewhere,village,36.1993,37.1628,Hama,Wrong District,z\n";
        let (out, report) =
            relocate_csv("t.csv", csv.as_bytes(), &AdminAreas::bundled().unwrap()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("v:1,Somewhere,village,36.1993,37.1628,Aleppo,Mount Simeon District,z"),
            "{out}"
        );
        assert!(out.contains("# a comment row"), "{out}");
        assert!(
            report.changed >= 1 && report.outside.is_empty(),
            "{report:?}"
        );
    }

    #[test]
    fn a_point_far_outside_syria_has_no_area() {
        let a = AdminAreas::bundled().unwrap();
        let at = a.locate(31.2, 30.0); // Cairo
        assert!(at.district.is_none() && at.governorate.is_none());
    }
}
