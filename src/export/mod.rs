//! The export stage: a [`Timeline`] → files in an output folder.
//!
//! Takes the timeline, the mentions it was built from and the facts of the run, and
//! writes (see [`geojson`] for the wire format):
//!
//! ```text
//! out/events/YYYY-MM-DD.geojson    that day's fused events (an empty layer on quiet days)
//! out/control/YYYY-MM-DD.geojson   the control state at the end of the day
//! out/areas/YYYY-MM-DD.geojson     districts in the colour of the side holding their places
//! out/timeline.geojson             every event, with `date` and `timestamp` (kepler.gl)
//! out/control-timeline.geojson     every control interval with `start`/`end` (QGIS)
//! out/control-days.geojson         every day's control, with `timestamp` (kepler.gl)
//! out/events.jsonl                 the event mentions, as `frontline extract` prints them
//! out/unresolved.csv               place-like names the gazetteer does not know
//! out/manifest.json                version, inputs with SHA-256, checksums, days, counts
//! out/frontline.gpkg               every layer above as GeoPackage tables (feature `gpkg`)
//! out/map.html                     a self-contained web map with a day slider
//! out/frontline.qgs                a QGIS project over the GeoPackage, animated by day
//! ```
//!
//! Every file is written under a temporary name and renamed. A rerun replaces what the
//! previous run listed in its manifest and removes those of its files it no longer
//! writes; files it did not write are never touched.

pub mod acled;
pub mod geojson;
#[cfg(feature = "gpkg")]
pub mod gpkg;
pub mod html;
pub mod qgis;
pub mod render;

use crate::atomic::write_atomic;
use crate::extract::{EventRecord, UnresolvedRecord};
use crate::gazetteer::admin::AdminAreas;
use crate::gazetteer::Gazetteer;
use crate::timeline::Timeline;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// Which optional outputs to write (the GeoJSON layers are always written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// `frontline.gpkg`.
    pub gpkg: bool,
    /// `map.html`.
    pub html: bool,
    /// `frontline.qgs` (needs the GeoPackage).
    pub qgs: bool,
    /// `events-acled.csv` (ACLED's columns and codes).
    pub acled: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            gpkg: cfg!(feature = "gpkg"),
            html: true,
            qgs: cfg!(feature = "gpkg"),
            acled: true,
        }
    }
}

/// An output that could not be written. Its message names the path; the OS error is its
/// `source`, printed once by whoever prints the chain.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::printable::printable(&path.display().to_string()))]
pub struct ExportError {
    /// The file or folder.
    pub path: PathBuf,
    /// The OS error.
    pub source: io::Error,
}

/// One input file of the run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct InputInfo {
    /// The path as given (`-` for stdin).
    pub path: String,
    /// SHA-256 of its bytes (absent for stdin).
    pub sha256: Option<String>,
    /// Its size in bytes.
    pub bytes: u64,
}

/// What the manifest says about the run besides the files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunInfo {
    /// Every input file, sorted by path.
    pub inputs: Vec<InputInfo>,
    /// SHA-256 of the gazetteer in use (all its files, in order).
    pub gazetteer_sha256: String,
    /// Places in the gazetteer.
    pub gazetteer_places: usize,
    /// The baseline file and its SHA-256.
    pub baseline: (String, String),
    /// Articles read.
    pub articles: usize,
    /// Inputs or records skipped.
    pub skipped: usize,
}

/// `out/manifest.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// The program and its version.
    pub frontline: String,
    /// The inputs.
    pub inputs: Vec<InputInfo>,
    /// Gazetteer checksum and size.
    pub gazetteer: BTreeMap<String, Value>,
    /// Baseline file and checksum.
    pub baseline: BTreeMap<String, Value>,
    /// Articles read and skipped, mentions, events, unresolved names, undated mentions.
    pub counts: BTreeMap<String, usize>,
    /// Every day with layers.
    pub days: Vec<String>,
    /// Features in each GeoJSON layer, by path relative to the folder.
    pub layers: BTreeMap<String, usize>,
    /// Every file this run wrote (relative paths); the next run replaces exactly these.
    pub files: Vec<String>,
    /// SHA-256 of each file written but the manifest itself. A later run removes a file it
    /// no longer writes only while it still has this checksum (see [`remove_stale`]).
    pub checksums: BTreeMap<String, String>,
}

struct Writer<'a> {
    dir: &'a Path,
    files: Vec<String>,
    checksums: BTreeMap<String, String>,
    layers: BTreeMap<String, usize>,
}

impl Writer<'_> {
    fn err(&self, rel: &str, source: io::Error) -> ExportError {
        ExportError {
            path: self.dir.join(rel),
            source,
        }
    }

    fn file(
        &mut self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), ExportError> {
        let ((), sha) =
            write_atomic(&self.dir.join(rel), |w| fill(w)).map_err(|e| self.err(rel, e))?;
        self.wrote(rel, sha);
        Ok(())
    }

    fn wrote(&mut self, rel: &str, sha256: String) {
        self.files.push(rel.to_string());
        self.checksums.insert(rel.to_string(), sha256);
    }

    /// A FeatureCollection with one feature per line (readable diffs, same bytes each run).
    fn layer(&mut self, rel: &str, name: &str, features: &[Value]) -> Result<(), ExportError> {
        self.layers.insert(rel.to_string(), features.len());
        self.file(rel, |w| {
            let head = geojson::collection(name, Vec::new());
            write!(
                w,
                "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[",
                head["name"]
            )?;
            for (i, f) in features.iter().enumerate() {
                w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *w, f)?;
            }
            w.write_all(b"\n]}\n")
        })
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// One layer: its file, its table name and its features.
struct LayerData {
    rel: String,
    name: String,
    features: Vec<Value>,
}

/// The areas of control of every day, with the districts' outlines, computed once for
/// the areas layers and the web map.
pub struct AreaLayers<'a> {
    /// The districts.
    pub districts: &'a [crate::gazetteer::admin::Area],
    /// Each district's simplified outline (GeoJSON geometry), by district index.
    pub outlines: Vec<Value>,
    /// The districts a side holds, per day.
    pub days: BTreeMap<NaiveDate, Vec<crate::areas::AreaCell<'a>>>,
}

impl<'a> AreaLayers<'a> {
    /// The areas of every day of `tl`.
    pub fn new(tl: &Timeline, gaz: &Gazetteer, areas: &'a AdminAreas) -> AreaLayers<'a> {
        let mut index = crate::areas::PlaceDistricts::default();
        AreaLayers {
            districts: &areas.districts,
            outlines: areas.districts.iter().map(geojson::area_geometry).collect(),
            days: tl
                .control
                .iter()
                .map(|(&day, cells)| {
                    (
                        day,
                        crate::areas::areas_of_day(cells, gaz, areas, &mut index),
                    )
                })
                .collect(),
        }
    }
}

fn layers(tl: &Timeline, gaz: &Gazetteer, areas: &AreaLayers) -> Vec<LayerData> {
    let palette = geojson::Palette::bundled();
    let mut out = Vec::new();
    for &day in &tl.days {
        let d = ymd(day);
        let table = d.replace('-', "_");
        let events = tl.events.get(&day).map(Vec::as_slice).unwrap_or_default();
        let features = events
            .iter()
            .filter_map(|e| geojson::event_feature(e, gaz, &palette, false))
            .collect();
        out.push(LayerData {
            rel: format!("events/{d}.geojson"),
            name: format!("events_{table}"),
            features,
        });
        let cells = tl.control.get(&day).map(Vec::as_slice).unwrap_or_default();
        let features = cells
            .iter()
            .filter_map(|c| geojson::control_feature(day, c, gaz, &palette))
            .collect();
        out.push(LayerData {
            rel: format!("control/{d}.geojson"),
            name: format!("control_{table}"),
            features,
        });
        let features = areas
            .days
            .get(&day)
            .into_iter()
            .flatten()
            .map(|a| geojson::area_feature(day, a, &areas.outlines[a.index], &palette))
            .collect();
        out.push(LayerData {
            rel: format!("areas/{d}.geojson"),
            name: format!("areas_{table}"),
            features,
        });
    }
    let features = tl
        .events
        .values()
        .flatten()
        .filter_map(|e| geojson::event_feature(e, gaz, &palette, true))
        .collect();
    out.push(LayerData {
        rel: "timeline.geojson".into(),
        name: "timeline".into(),
        features,
    });
    let features = tl
        .control
        .iter()
        .flat_map(|(&day, cells)| cells.iter().map(move |c| (day, c)))
        .filter_map(|(day, c)| geojson::control_day_feature(day, c, gaz, &palette))
        .collect();
    out.push(LayerData {
        rel: "control-days.geojson".into(),
        name: "control_days".into(),
        features,
    });
    let features = tl
        .intervals
        .iter()
        .filter_map(|i| geojson::interval_feature(i, gaz, &palette))
        .collect();
    out.push(LayerData {
        rel: "control-timeline.geojson".into(),
        name: "control_timeline".into(),
        features,
    });
    out
}

/// Writes every output into `dir`.
pub fn write_all(
    dir: &Path,
    tl: &Timeline,
    gaz: &Gazetteer,
    mentions: &[EventRecord],
    unresolved: &[UnresolvedRecord],
    run: &RunInfo,
    formats: Formats,
) -> Result<Manifest, ExportError> {
    for sub in ["", "events", "control", "areas"] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(|source| ExportError { path: d, source })?;
    }
    let previous = previous_files(dir);
    let mut w = Writer {
        dir,
        files: Vec::new(),
        checksums: BTreeMap::new(),
        layers: BTreeMap::new(),
    };
    let areas = AdminAreas::bundled()
        .map_err(io::Error::other)
        .map_err(|e| ExportError {
            path: dir.join("areas"),
            source: e,
        })?;
    let areas = AreaLayers::new(tl, gaz, &areas);
    let layers = layers(tl, gaz, &areas);
    for l in &layers {
        w.layer(&l.rel, &l.name, &l.features)?;
    }
    w.file("events.jsonl", |f| {
        for m in mentions {
            serde_json::to_writer(&mut *f, m)?;
            f.write_all(b"\n")?;
        }
        Ok(())
    })?;
    w.file("unresolved.csv", |f| write_unresolved(f, unresolved))?;
    if formats.gpkg {
        write_gpkg(&mut w, &layers, tl)?;
    }
    if formats.html {
        w.file("map.html", |f| html::write_map(f, tl, gaz, &areas))?;
    }
    if formats.acled {
        w.file("events-acled.csv", |f| acled::write(f, tl, gaz))?;
    }
    if formats.qgs && formats.gpkg {
        w.file("frontline.qgs", |f| qgis::write_project(f, &tl.days))?;
    }
    let manifest = manifest(&w, tl, mentions, unresolved, run);
    let body = serde_json::to_string_pretty(&manifest)
        .map_err(io::Error::other)
        .map_err(|e| w.err("manifest.json", e))?;
    write_atomic(&dir.join("manifest.json"), |f| writeln!(f, "{body}"))
        .map(|_| ())
        .map_err(|e| w.err("manifest.json", e))?;
    remove_stale(dir, &previous, &manifest.files);
    Ok(manifest)
}

#[cfg(feature = "gpkg")]
fn write_gpkg(w: &mut Writer, layers: &[LayerData], tl: &Timeline) -> Result<(), ExportError> {
    let rel = "frontline.gpkg";
    let target = w.dir.join(rel);
    // SQLite writes into a fresh empty file created with O_EXCL (see `atomic`); it is
    // removed if anything fails.
    let temp = tempfile::Builder::new()
        .prefix(".frontline.gpkg.")
        .suffix(".tmp")
        .tempfile_in(w.dir)
        .map_err(|e| w.err(rel, e))?;
    // The governorates go in too, as the base map of the QGIS project.
    let base: serde_json::Value = serde_json::from_str(geojson::GOVERNORATES_GEOJSON)
        .map_err(io::Error::other)
        .map_err(|e| w.err(rel, e))?;
    let base = base["features"].as_array().cloned().unwrap_or_default();
    let mut tables: Vec<gpkg::Layer> = layers
        .iter()
        .map(|l| gpkg::Layer {
            name: l.name.clone(),
            features: &l.features,
        })
        .collect();
    tables.push(gpkg::Layer {
        name: "governorates".into(),
        features: &base,
    });
    let stamp = tl.days.last().map_or("1970-01-01".to_string(), |d| ymd(*d)) + "T00:00:00.000Z";
    gpkg::write(temp.path(), &tables, &stamp)
        .map_err(io::Error::other)
        .map_err(|e| w.err(rel, e))?;
    let sha = file_sha256(temp.path()).map_err(|e| w.err(rel, e))?;
    temp.persist(&target).map_err(|e| w.err(rel, e.error))?;
    w.wrote(rel, sha);
    Ok(())
}

#[cfg(not(feature = "gpkg"))]
fn write_gpkg(_: &mut Writer, _: &[LayerData], _: &Timeline) -> Result<(), ExportError> {
    Ok(())
}

fn write_unresolved(w: &mut dyn Write, unresolved: &[UnresolvedRecord]) -> io::Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(["article", "name", "span_start", "span_end", "sentence"])?;
    for u in unresolved {
        c.write_record([
            &u.article,
            &u.name,
            &u.span[0].to_string(),
            &u.span[1].to_string(),
            &u.sentence,
        ])?;
    }
    c.flush()
}

fn manifest(
    w: &Writer,
    tl: &Timeline,
    mentions: &[EventRecord],
    unresolved: &[UnresolvedRecord],
    run: &RunInfo,
) -> Manifest {
    let mut files = w.files.clone();
    files.push("manifest.json".into());
    let counts = BTreeMap::from([
        ("articles".to_string(), run.articles),
        ("skipped".to_string(), run.skipped),
        ("mentions".to_string(), mentions.len()),
        ("events".to_string(), tl.events.values().map(Vec::len).sum()),
        ("unresolved".to_string(), unresolved.len()),
        ("undated_mentions".to_string(), tl.undated),
    ]);
    Manifest {
        frontline: format!("frontline {}", env!("CARGO_PKG_VERSION")),
        inputs: run.inputs.clone(),
        gazetteer: BTreeMap::from([
            (
                "sha256".to_string(),
                Value::from(run.gazetteer_sha256.clone()),
            ),
            ("places".to_string(), Value::from(run.gazetteer_places)),
        ]),
        baseline: BTreeMap::from([
            ("file".to_string(), Value::from(run.baseline.0.clone())),
            ("sha256".to_string(), Value::from(run.baseline.1.clone())),
        ]),
        counts,
        days: tl.days.iter().map(|d| ymd(*d)).collect(),
        layers: w.layers.clone(),
        files,
        checksums: w.checksums.clone(),
    }
}

/// The files a previous run of frontline listed in `dir/manifest.json`, with their
/// checksums: none unless the manifest is frontline's own (its `frontline` key names the
/// program, and it has checksums), so a user's `manifest.json` is never acted on.
fn previous_files(dir: &Path) -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(dir.join("manifest.json")) else {
        return BTreeMap::new();
    };
    let Ok(v) = serde_json::from_str::<Value>(&text) else {
        return BTreeMap::new();
    };
    let ours = v["frontline"]
        .as_str()
        .is_some_and(|p| p.starts_with("frontline "));
    if !ours {
        return BTreeMap::new();
    }
    v["checksums"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(f, sha)| Some((f.clone(), sha.as_str()?.to_string())))
        .collect()
}

/// Removes the files a previous run wrote and this one did not, when each is still what
/// frontline wrote: a plain relative path inside `dir`, reached through no symlink, a
/// regular file, with the checksum the manifest gives. Anything else stays.
fn remove_stale(dir: &Path, previous: &BTreeMap<String, String>, current: &[String]) {
    for (rel, sha) in previous.iter().filter(|(p, _)| !current.contains(p)) {
        if let Some(path) = own_file(dir, Path::new(rel)) {
            if file_sha256(&path).is_ok_and(|s| &s == sha) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// `dir/rel` when `rel` is plain (no `..`, no root) and neither it nor a folder on the way
/// is a symlink, and it is a regular file.
fn own_file(dir: &Path, rel: &Path) -> Option<PathBuf> {
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut path = dir.to_path_buf();
    for c in rel.components() {
        path.push(c);
        let m = std::fs::symlink_metadata(&path).ok()?;
        if m.is_symlink() {
            return None;
        }
    }
    std::fs::symlink_metadata(&path)
        .ok()
        .filter(|m| m.is_file())
        .map(|_| path)
}

fn file_sha256(path: &Path) -> io::Result<String> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    io::copy(&mut std::fs::File::open(path)?, &mut h)?;
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
