//! GeoPackage output (OGC GeoPackage 1.3): the GeoJSON layers as tables of one SQLite file.
//!
//! Takes named layers of GeoJSON features (the same features the `.geojson` files hold,
//! so each property is defined once) and writes one feature table per layer
//! (`events_2024_11_30`, `control_2024_11_30`, `timeline`, `control_timeline`) with the
//! metadata tables GDAL and QGIS expect: `gpkg_spatial_ref_sys` (EPSG:4326 and the two
//! undefined systems), `gpkg_contents` with each layer's extent, and
//! `gpkg_geometry_columns`. Columns take their type from the values: `date`, `since`,
//! `start`, `end` are `DATE`; booleans `BOOLEAN`; whole numbers `INTEGER`; other numbers
//! `REAL`; arrays and objects JSON `TEXT`. Geometries are GeoPackage blobs (header,
//! little-endian WKB); polygons carry their envelope. Each layer declares the most specific
//! geometry type that holds its features (`POINT`, `POLYGON`, `MULTIPOLYGON`, else
//! `GEOMETRY`) and has an R-tree spatial index (`rtree_<layer>_geom`, registered in
//! `gpkg_extensions`, with the extension's triggers), as GDAL writes it.

use rusqlite::{params_from_iter, Connection, ToSql};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Columns typed as dates.
const DATE_COLUMNS: [&str; 4] = ["date", "since", "start", "end"];

const WGS84_WKT: &str = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

/// One layer: its table name and its GeoJSON features.
pub struct Layer<'a> {
    /// Table name (letters, digits and `_`).
    pub name: String,
    /// The features, as written to the GeoJSON files.
    pub features: &'a [Value],
}

/// Writes `layers` into a new GeoPackage at `path` (which must not exist); `stamp` is the
/// `last_change` written for every layer (fixed, so reruns give the same content).
pub fn write(path: &Path, layers: &[Layer], stamp: &str) -> rusqlite::Result<()> {
    let mut db = Connection::open(path)?;
    db.execute_batch(
        "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF;",
    )?;
    let tx = db.transaction()?;
    create_metadata(&tx)?;
    for layer in layers {
        write_layer(&tx, layer, stamp)?;
    }
    tx.commit()?;
    db.execute_batch("VACUUM;")
}

fn create_metadata(db: &Connection) -> rusqlite::Result<()> {
    db.execute_batch(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
           organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
           definition TEXT NOT NULL, description TEXT);
         CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
           identifier TEXT UNIQUE, description TEXT DEFAULT '',
           last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
           min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
           CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
         CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT,
           extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
           CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
         CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
           geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
           CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
           CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
           CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));",
    )?;
    let mut ins = db.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    ins.execute((
        "Undefined cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system",
    ))?;
    ins.execute((
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system",
    ))?;
    ins.execute((
        "WGS 84 geodetic",
        4326,
        "EPSG",
        4326,
        WGS84_WKT,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
    ))?;
    Ok(())
}

/// The SQL type of a column from its name and values.
fn column_type(name: &str, values: &[&Value]) -> &'static str {
    if DATE_COLUMNS.contains(&name) {
        return "DATE";
    }
    let present: Vec<&&Value> = values.iter().filter(|v| !v.is_null()).collect();
    if present.is_empty() {
        "TEXT"
    } else if present.iter().all(|v| v.is_boolean()) {
        "BOOLEAN"
    } else if present.iter().all(|v| v.is_i64() || v.is_u64()) {
        "INTEGER"
    } else if present.iter().all(|v| v.is_number()) {
        "REAL"
    } else {
        "TEXT"
    }
}

fn sql_value(v: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as S;
    match v {
        Value::Null => S::Null,
        Value::Bool(b) => S::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(S::Integer)
            .unwrap_or_else(|| S::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => S::Text(s.clone()),
        other => S::Text(other.to_string()),
    }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The triggers of the R-tree extension (GeoPackage 1.3, annex F.3), created once the
/// index is filled: they keep it in step when a GIS edits the table later (the `ST_`
/// functions are the ones GDAL and QGIS register).
fn create_rtree_triggers(db: &Connection, table: &str) -> rusqlite::Result<()> {
    const TRIGGERS: &str = r#"
CREATE TRIGGER "<r>_insert" AFTER INSERT ON <t> WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN INSERT OR REPLACE INTO "<r>" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "<r>_update1" AFTER UPDATE OF geom ON <t> WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN INSERT OR REPLACE INTO "<r>" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "<r>_update2" AFTER UPDATE OF geom ON <t> WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "<r>" WHERE id = OLD.fid; END;
CREATE TRIGGER "<r>_update3" AFTER UPDATE OF geom ON <t> WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "<r>" WHERE id = OLD.fid; INSERT OR REPLACE INTO "<r>" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "<r>_update4" AFTER UPDATE ON <t> WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "<r>" WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER "<r>_delete" AFTER DELETE ON <t> WHEN old.geom NOT NULL
BEGIN DELETE FROM "<r>" WHERE id = OLD.fid; END;"#;
    // Layer names are letters, digits and `_` ([`Layer::name`]), so they sit inside quotes.
    let sql = TRIGGERS
        .replace("<r>", &format!("rtree_{table}_geom"))
        .replace("<t>", &quote(table));
    db.execute_batch(&sql)
}

fn write_layer(db: &Connection, layer: &Layer, stamp: &str) -> rusqlite::Result<()> {
    let mut columns: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for f in layer.features {
        for (k, v) in f["properties"].as_object().into_iter().flatten() {
            columns.entry(k.clone()).or_default().push(v);
        }
    }
    let geometry_type = geometry_type(layer.features);
    let defs: Vec<String> = columns
        .iter()
        .map(|(k, vs)| format!("{} {}", quote(k), column_type(k, vs)))
        .collect();
    let table = quote(&layer.name);
    let mut create = format!(
        "CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {geometry_type}"
    );
    for d in &defs {
        create.push_str(", ");
        create.push_str(d);
    }
    create.push(')');
    db.execute_batch(&create)?;
    let names: Vec<String> = std::iter::once("geom".to_string())
        .chain(columns.keys().map(|k| quote(k)))
        .collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let mut ins = db.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    ))?;
    let rtree = quote(&format!("rtree_{}_geom", layer.name));
    db.execute_batch(&format!(
        "CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)"
    ))?;
    let mut index = db.prepare(&format!("INSERT INTO {rtree} VALUES (?1, ?2, ?3, ?4, ?5)"))?;
    let mut extent = Extent::default();
    for f in layer.features {
        let geometry = gpkg_geometry(&f["geometry"], geometry_type, &mut extent);
        let envelope = geometry.as_ref().map(|g| g.1);
        let mut values: Vec<rusqlite::types::Value> = vec![geometry
            .map_or(rusqlite::types::Value::Null, |g| {
                rusqlite::types::Value::Blob(g.0)
            })];
        for k in columns.keys() {
            values.push(sql_value(&f["properties"][k.as_str()]));
        }
        ins.execute(params_from_iter(values.iter().map(|v| v as &dyn ToSql)))?;
        if let Some((min_x, min_y, max_x, max_y)) = envelope {
            index.execute((db.last_insert_rowid(), min_x, max_x, min_y, max_y))?;
        }
    }
    create_rtree_triggers(db, &layer.name)?;
    db.execute(
        "INSERT INTO gpkg_extensions VALUES (?1, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        [&layer.name],
    )?;
    let (min_x, min_y, max_x, max_y) = extent.bounds();
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
         VALUES (?1, 'features', ?1, '', ?2, ?3, ?4, ?5, ?6, 4326)",
        (&layer.name, stamp, min_x, min_y, max_x, max_y),
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4326, 0, 0)",
        (&layer.name, geometry_type),
    )?;
    Ok(())
}

/// The most specific type that holds every feature: `POINT`, `POLYGON` or `MULTIPOLYGON`
/// (polygons mixed with multipolygons are written as multipolygons), else the generic
/// `GEOMETRY` (points mixed with polygons: a governorate's event among towns').
fn geometry_type(features: &[Value]) -> &'static str {
    let all = |t: &str| features.iter().all(|f| f["geometry"]["type"] == t);
    let areal = |f: &Value| {
        matches!(
            f["geometry"]["type"].as_str(),
            Some("Polygon" | "MultiPolygon")
        )
    };
    if all("Point") {
        "POINT"
    } else if all("Polygon") {
        "POLYGON"
    } else if features.iter().all(areal) {
        "MULTIPOLYGON"
    } else {
        "GEOMETRY"
    }
}

#[derive(Default)]
struct Extent(Option<(f64, f64, f64, f64)>);

impl Extent {
    fn add(&mut self, x: f64, y: f64) {
        let (a, b, c, d) = self.0.unwrap_or((x, y, x, y));
        self.0 = Some((a.min(x), b.min(y), c.max(x), d.max(y)));
    }

    fn bounds(&self) -> (Option<f64>, Option<f64>, Option<f64>, Option<f64>) {
        match self.0 {
            Some((a, b, c, d)) => (Some(a), Some(b), Some(c), Some(d)),
            None => (None, None, None, None),
        }
    }
}

fn coords(v: &Value) -> Option<(f64, f64)> {
    Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?))
}

fn wkb_ring(ring: &Value, out: &mut Vec<u8>, env: &mut Extent) {
    let pts: Vec<(f64, f64)> = ring
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(coords)
        .collect();
    out.extend((pts.len() as u32).to_le_bytes());
    for (x, y) in pts {
        env.add(x, y);
        out.extend(x.to_le_bytes());
        out.extend(y.to_le_bytes());
    }
}

fn wkb_polygon(rings: &Value, out: &mut Vec<u8>, env: &mut Extent) {
    out.push(1);
    out.extend(3u32.to_le_bytes());
    let rings = rings.as_array().map(Vec::as_slice).unwrap_or_default();
    out.extend((rings.len() as u32).to_le_bytes());
    for r in rings {
        wkb_ring(r, out, env);
    }
}

/// A feature's envelope: (min x, min y, max x, max y).
type Envelope = (f64, f64, f64, f64);

/// A GeoPackage geometry blob for a GeoJSON geometry (Point, Polygon, MultiPolygon) and
/// its envelope; a Polygon is written as a one-part MultiPolygon in a `MULTIPOLYGON`
/// column.
fn gpkg_geometry(
    g: &Value,
    column: &str,
    layer_extent: &mut Extent,
) -> Option<(Vec<u8>, Envelope)> {
    let mut env = Extent::default();
    let mut wkb = Vec::new();
    match g["type"].as_str()? {
        "Polygon" if column == "MULTIPOLYGON" => {
            wkb.push(1);
            wkb.extend(6u32.to_le_bytes());
            wkb.extend(1u32.to_le_bytes());
            wkb_polygon(&g["coordinates"], &mut wkb, &mut env);
        }
        "Point" => {
            let (x, y) = coords(&g["coordinates"])?;
            env.add(x, y);
            wkb.push(1);
            wkb.extend(1u32.to_le_bytes());
            wkb.extend(x.to_le_bytes());
            wkb.extend(y.to_le_bytes());
        }
        "Polygon" => wkb_polygon(&g["coordinates"], &mut wkb, &mut env),
        "MultiPolygon" => {
            let polys = g["coordinates"].as_array()?;
            wkb.push(1);
            wkb.extend(6u32.to_le_bytes());
            wkb.extend((polys.len() as u32).to_le_bytes());
            for p in polys {
                wkb_polygon(p, &mut wkb, &mut env);
            }
        }
        _ => return None,
    }
    let (min_x, min_y, max_x, max_y) = env.0?;
    layer_extent.add(min_x, min_y);
    layer_extent.add(max_x, max_y);
    let point = g["type"] == "Point";
    // Header: magic, version 0, flags (little-endian; envelope [minx,maxx,miny,maxy] for
    // non-points), srs_id.
    let mut blob = vec![b'G', b'P', 0, if point { 0b0000_0001 } else { 0b0000_0011 }];
    blob.extend(4326i32.to_le_bytes());
    if !point {
        for v in [min_x, max_x, min_y, max_y] {
            blob.extend(v.to_le_bytes());
        }
    }
    blob.extend(wkb);
    Some((blob, (min_x, min_y, max_x, max_y)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn point_blob_has_header_and_wkb() {
        let mut e = Extent::default();
        let (b, envelope) = gpkg_geometry(
            &json!({"type": "Point", "coordinates": [37.5, 36.25]}),
            "POINT",
            &mut e,
        )
        .unwrap();
        assert_eq!(envelope, (37.5, 36.25, 37.5, 36.25));
        assert_eq!(&b[..4], &[b'G', b'P', 0, 1]);
        assert_eq!(i32::from_le_bytes(b[4..8].try_into().unwrap()), 4326);
        assert_eq!(b[8], 1);
        assert_eq!(u32::from_le_bytes(b[9..13].try_into().unwrap()), 1);
        assert_eq!(f64::from_le_bytes(b[13..21].try_into().unwrap()), 37.5);
        assert_eq!(b.len(), 8 + 21);
    }

    #[test]
    fn column_types_follow_values() {
        let (t, f, n, x, s) = (json!(true), json!(false), json!(3), json!(0.5), json!("a"));
        assert_eq!(column_type("changed", &[&t, &f]), "BOOLEAN");
        assert_eq!(column_type("source_count", &[&n]), "INTEGER");
        assert_eq!(column_type("confidence", &[&n, &x]), "REAL");
        assert_eq!(column_type("since", &[&s]), "DATE");
        assert_eq!(column_type("place", &[&s]), "TEXT");
    }

    #[test]
    fn writes_a_readable_geopackage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.gpkg");
        let feats = vec![
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.1, 36.2]},
                                "properties": {"date": "2024-11-30", "place": "Aleppo", "changed": true}}),
        ];
        write(
            &path,
            &[Layer {
                name: "control_2024_11_30".into(),
                features: &feats,
            }],
            "2024-11-30T00:00:00.000Z",
        )
        .unwrap();
        let db = Connection::open(&path).unwrap();
        let n: i64 = db
            .query_row("SELECT count(*) FROM control_2024_11_30", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        let kind: String = db
            .query_row("SELECT data_type FROM gpkg_contents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kind, "features");
        let app: i64 = db
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, 0x4750_4B47);
    }

    #[test]
    fn layers_declare_their_geometry_type_and_carry_a_spatial_index() {
        let point = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.1, 36.2]}, "properties": {}});
        let square = json!({"type": "Feature", "geometry": {"type": "Polygon", "coordinates":
            [[[36.0, 35.0], [37.0, 35.0], [37.0, 36.0], [36.0, 36.0], [36.0, 35.0]]]}, "properties": {}});
        let multi = json!({"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates":
            [[[[38.0, 35.0], [39.0, 35.0], [39.0, 36.0], [38.0, 35.0]]]]}, "properties": {}});
        let cases: [(&str, Vec<Value>, &str); 4] = [
            ("points", vec![point.clone()], "POINT"),
            ("polygons", vec![square.clone()], "POLYGON"),
            ("areas", vec![square.clone(), multi.clone()], "MULTIPOLYGON"),
            ("mixed", vec![point, square], "GEOMETRY"),
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.gpkg");
        let layers: Vec<Layer> = cases
            .iter()
            .map(|(name, features, _)| Layer {
                name: (*name).into(),
                features,
            })
            .collect();
        write(&path, &layers, "2024-11-30T00:00:00.000Z").unwrap();
        let db = Connection::open(&path).unwrap();
        for (name, features, want) in &cases {
            let got: String = db
                .query_row(
                    "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(got, *want, "{name}");
            let indexed: i64 = db
                .query_row(
                    &format!("SELECT count(*) FROM rtree_{name}_geom"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(indexed as usize, features.len(), "{name}");
            let ext: i64 = db
                .query_row("SELECT count(*) FROM gpkg_extensions WHERE table_name = ?1 AND extension_name = 'gpkg_rtree_index'", [name], |r| r.get(0))
                .unwrap();
            assert_eq!(ext, 1, "{name}");
        }
        // The square's envelope, as minx, maxx, miny, maxy.
        let env: (f64, f64, f64, f64) = db
            .query_row(
                "SELECT minx, maxx, miny, maxy FROM rtree_polygons_geom",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(env, (36.0, 37.0, 35.0, 36.0));
    }
}
