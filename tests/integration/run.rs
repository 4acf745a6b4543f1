//! `frontline run` on the seeds: the layers, their format, and how reruns behave.

use super::util::*;
use std::collections::BTreeMap;
use std::path::Path;

fn run_seeds(out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["run", "--quiet", "--out", s(out)];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

fn read_layer(path: &Path) -> geojson::FeatureCollection {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match text
        .parse::<geojson::GeoJson>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    {
        geojson::GeoJson::FeatureCollection(fc) => fc,
        other => panic!("{}: not a FeatureCollection: {other:?}", path.display()),
    }
}

fn faction_on(out: &Path, day: &str, place_id: &str) -> Option<String> {
    read_layer(&out.join(format!("control/{day}.geojson")))
        .features
        .iter()
        .find_map(|f| {
            let p = f.properties.as_ref()?;
            (p["place_id"] == place_id).then(|| p["faction"].as_str().unwrap().to_string())
        })
}

#[test]
fn seeds_give_the_known_control_map() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    let cases = [
        ("2024-11-30", "gn:170063", "opposition"), // Aleppo
        ("2024-12-01", "gn:163476", "sna"),        // Tal Rifaat
        ("2024-12-05", "gn:170017", "opposition"), // Hama
        ("2024-12-07", "gn:169577", "opposition"), // Homs
        ("2024-12-08", "gn:170654", "opposition"), // Damascus
        ("2024-11-29", "gn:170063", "government"), // Aleppo the day before
        ("2024-12-04", "gn:170017", "government"), // Hama the day before
    ];
    for (day, place, want) in cases {
        assert_eq!(
            faction_on(dir.path(), day, place).as_deref(),
            Some(want),
            "{place} on {day}"
        );
    }
}

#[test]
fn every_layer_is_rfc7946_geojson_with_a_day_for_every_day() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("manifest.json")).unwrap())
            .unwrap();
    let days: Vec<&str> = manifest["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(days.first(), Some(&"2024-11-27"));
    // Through the newest seed's publication day (9 Dec), the day after the last event.
    assert_eq!(days.last(), Some(&"2024-12-09"));
    assert_eq!(days.len(), 13, "one layer per day, no gaps");
    for (rel, count) in manifest["layers"].as_object().unwrap() {
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("\"crs\""),
            "{rel}: RFC 7946 has no crs member"
        );
        let fc = read_layer(&path);
        assert_eq!(
            fc.features.len() as u64,
            count.as_u64().unwrap(),
            "{rel}: manifest count"
        );
        for f in &fc.features {
            let g = f.geometry.as_ref().expect("every feature has a geometry");
            // RFC 7946 §3.1.6: exterior rings counter-clockwise (positive shoelace area).
            let polygons: Vec<&Vec<Vec<Vec<f64>>>> = match &g.value {
                geojson::Value::Polygon(p) => vec![p],
                geojson::Value::MultiPolygon(m) => m.iter().collect(),
                _ => vec![],
            };
            for rings in polygons {
                let ring = &rings[0];
                let twice_area: f64 = ring
                    .windows(2)
                    .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
                    .sum();
                assert!(twice_area > 0.0, "{rel}: an exterior ring is clockwise");
            }
            if let geojson::Value::Point(c) = &g.value {
                assert!(
                    (35.0..43.0).contains(&c[0]) && (32.0..38.0).contains(&c[1]),
                    "{rel}: lon, lat order"
                );
                for x in c {
                    let decimals = x.to_string().split('.').nth(1).map_or(0, str::len);
                    assert!(decimals <= 6, "{rel}: {x} has more than 6 decimals");
                }
            }
            let p = f.properties.as_ref().unwrap();
            assert!(p.contains_key("marker-color"), "{rel}: simplestyle colour");
        }
    }
    for day in days {
        assert!(dir.path().join(format!("events/{day}.geojson")).exists());
    }
    // Every event says where it came from.
    for f in read_layer(&dir.path().join("timeline.geojson")).features {
        let p = f.properties.unwrap();
        let sources = p["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        assert!(sources[0]["article"]
            .as_str()
            .unwrap()
            .starts_with("seeds/"));
        assert!(p["timestamp"].as_str().unwrap().ends_with(" 00:00"));
    }
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "events", "control"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            if e.path().is_file() {
                out.insert(
                    format!("{sub}/{}", e.file_name().to_string_lossy()),
                    std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn output_is_byte_identical_whatever_the_input_order() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let files = [
        "seeds/004_f430c977d6ade7d1.txt",
        "seeds/000_110a0582fc68850d.txt",
        "seeds/003_e7e478c007f868f6.txt",
    ];
    let mut reversed = files;
    reversed.reverse();
    run_seeds(a.path(), &files);
    run_seeds(b.path(), &reversed);
    assert_eq!(snapshot(a.path()), snapshot(b.path()));
}

#[test]
fn rerun_replaces_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    std::fs::write(dir.path().join("control/my-style.qml"), "mine").unwrap();
    run_seeds(dir.path(), &["--to", "2024-12-01"]);
    assert!(
        !dir.path().join("control/2024-12-08.geojson").exists(),
        "stale layers of the previous run are removed"
    );
    assert!(dir.path().join("control/2024-12-01.geojson").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("control/my-style.qml")).unwrap(),
        "mine"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unwritable_output_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let o = run(&["run", "--quiet", "--out", s(&file)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("writing the layers into"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn summary_tells_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_seeds(dir.path(), &[]);
    let err = stderr(&o);
    assert!(err.contains("5 article(s) read, 0 skipped"), "{err}");
    assert!(err.contains("13 day(s), 2024-11-27 to 2024-12-09"), "{err}");
    assert!(err.contains("layers in"), "{err}");
}

/// GDAL is what users open the layers with. Without `ogrinfo` (install `gdal-bin`) the
/// test says so and passes, unless FRONTLINE_REQUIRE_GDAL is set, as `.ci/run` does.
#[test]
fn gdal_reads_every_layer_with_dates_typed_as_dates() {
    let has_gdal = std::process::Command::new("ogrinfo")
        .arg("--version")
        .output()
        .is_ok();
    let missing = (!has_gdal).then(|| "ogrinfo not found (apt-get install gdal-bin)".to_string());
    if skip_without_tool(
        "gdal_reads_every_layer_with_dates_typed_as_dates",
        "FRONTLINE_REQUIRE_GDAL",
        missing,
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("manifest.json")).unwrap())
            .unwrap();
    for (rel, count) in manifest["layers"].as_object().unwrap() {
        let o = std::process::Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(dir.path().join(rel))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{rel}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            info.contains(&format!("Feature Count: {count}")),
            "{rel}: {info}"
        );
        if count.as_u64().unwrap() == 0 {
            continue;
        }
        let fields: &[&str] = if rel.starts_with("control/") {
            &["date", "since"]
        } else if rel == "control-timeline.geojson" {
            &["start", "end"]
        } else {
            &["date"]
        };
        for field in fields {
            assert!(
                info.contains(&format!("{field}: Date")),
                "{rel}: {field} is not typed Date:\n{info}"
            );
        }
    }
    // The GeoPackage holds the same layers, as tables.
    let gpkg = dir.path().join("frontline.gpkg");
    for (rel, count) in manifest["layers"].as_object().unwrap() {
        let table = match rel.strip_suffix(".geojson").unwrap() {
            "control-timeline" => "control_timeline".to_string(),
            other => other.replace(['/', '-'], "_"),
        };
        let o = std::process::Command::new("ogrinfo")
            .args(["-ro", "-so"])
            .arg(&gpkg)
            .arg(&table)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{table}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            info.contains(&format!("Feature Count: {count}")),
            "{table}: {info}"
        );
        if count.as_u64().unwrap() > 0 && table != "control_timeline" {
            assert!(
                info.contains("date: Date"),
                "{table}: date is not a DATE column:\n{info}"
            );
        }
    }
}

#[test]
fn render_writes_a_png_of_a_day_and_a_gif_of_every_day() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("day.png");
    let o = run(&["render", "--quiet", "--day", "2024-12-05", "-o", s(&png)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1000, 760));
    let gif = dir.path().join("all.gif");
    let o = run(&["render", "--quiet", "--gif", "-o", s(&gif)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut decoder = gif::DecodeOptions::new();
    decoder.set_color_output(gif::ColorOutput::Indexed);
    let mut d = decoder
        .read_info(std::fs::File::open(&gif).unwrap())
        .unwrap();
    let mut frames = 0;
    while d.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    assert_eq!(frames, 13, "one frame per day, 2024-11-27 to 2024-12-09");
    let o = run(&["render", "--quiet", "--day", "2023-01-01", "-o", s(&png)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("outside the days of the timeline"),
        "{}",
        stderr(&o)
    );
}

/// QGIS is what many users open the project with. Without Debian's python3-qgis the test
/// says so and passes, unless FRONTLINE_REQUIRE_QGIS is set.
#[test]
fn qgis_loads_the_project_with_temporal_layers_and_renders_a_day() {
    // python3-qgis belongs to Debian's Python, which may not be the first on the PATH.
    let python = ["python3", "/usr/bin/python3"].into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import qgis.core"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let missing = python.is_none().then(|| {
        "python3-qgis not found (apt-get install python3-qgis qgis-providers)".to_string()
    });
    let test = "qgis_loads_the_project_with_temporal_layers_and_renders_a_day";
    if skip_without_tool(test, "FRONTLINE_REQUIRE_QGIS", missing) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    let frame = dir.path().join("frame.png");
    let mut cmd = std::process::Command::new(python.unwrap_or("python3"));
    cmd.arg(root().join("tests/qgis/check_project.py"))
        .arg(dir.path().join("frontline.qgs"))
        .args(["2024-12-05", "gn:170017", "opposition"])
        .arg(&frame)
        .env("QT_QPA_PLATFORM", "offscreen");
    let out = checker_stdout(&mut cmd, "QGIS check");
    assert!(
        out.contains("ok gn:170017 is opposition on 2024-12-05"),
        "{out}"
    );
    assert_eq!(&std::fs::read(&frame).unwrap()[..4], b"\x89PNG");
}

#[test]
fn explain_gives_the_evidence_for_a_place_with_its_sentences() {
    let o = run(&["explain", "Hama", "--quiet", "seeds"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Hama (gn:170017), city, Hama"), "{out}");
    assert!(out.contains("baseline 2024-11-26: government"), "{out}");
    // Hama fell on 5 December; the seed that says so is quoted.
    assert!(
        out.contains("2024-12-05  opposition since 2024-12-05, changed"),
        "{out}"
    );
    assert!(out.contains("capture by opposition"), "{out}");
    assert!(out.contains("000_110a0582fc68850d.txt: \""), "{out}");
    // --day stops the evidence there; an unknown place is an error.
    let o = run(&["explain", "Hama", "--day", "2024-12-04", "--quiet", "seeds"]);
    assert!(!stdout(&o).contains("2024-12-05"), "{}", stdout(&o));
    let o = run(&["explain", "Qzxwvbl", "--quiet", "seeds"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn control_days_holds_every_days_control_with_a_kepler_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    run_seeds(dir.path(), &[]);
    let all = read_layer(&dir.path().join("control-days.geojson"));
    let mut per_day = 0;
    for entry in std::fs::read_dir(dir.path().join("control")).unwrap() {
        per_day += read_layer(&entry.unwrap().path()).features.len();
    }
    assert_eq!(all.features.len(), per_day, "one feature per place and day");
    for f in &all.features {
        let p = f.properties.as_ref().unwrap();
        let date = p["date"].as_str().unwrap();
        assert_eq!(p["timestamp"], format!("{date} 00:00"));
    }
    // Hama changes hands on 5 December: government the day before, opposition that day.
    let on = |d: &str| {
        all.features
            .iter()
            .find(|f| {
                let p = f.properties.as_ref().unwrap();
                p["date"] == d && p["place_id"] == "gn:170017"
            })
            .map(|f| f.properties.as_ref().unwrap()["faction"].clone())
    };
    assert_eq!(on("2024-12-04"), Some("government".into()));
    assert_eq!(on("2024-12-05"), Some("opposition".into()));
}

#[test]
fn the_acled_export_reads_back_with_acled_s_columns_and_codes() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_seeds(dir.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rdr = csv::Reader::from_path(dir.path().join("events-acled.csv")).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, frontline::export::acled::COLUMNS);
    let rows: Vec<BTreeMap<String, String>> = rdr.deserialize().map(Result::unwrap).collect();
    // One row per asserted change of the timeline: its claims are left out.
    let timeline = read_layer(&dir.path().join("timeline.geojson"));
    let asserted = timeline
        .features
        .iter()
        .filter(|f| f.property("action").and_then(|a| a.as_str()) != Some("claimed"))
        .count();
    assert_eq!(rows.len(), asserted);
    let aleppo = rows
        .iter()
        .find(|r| r["location"] == "Aleppo" && r["event_date"] == "2024-11-30")
        .expect("Aleppo's capture on 30 November");
    let want = [
        ("sub_event_type", "Non-state actor overtakes territory"),
        ("event_type", "Strategic developments"),
        ("actor1", "Syrian opposition (HTS-led)"),
        ("inter1", "2"),
        ("actor2", "Military Forces of Syria (2000-2024)"),
        ("interaction", "12"),
        ("admin1", "Aleppo"),
        ("country", "Syria"),
        ("year", "2024"),
    ];
    for (column, value) in want {
        assert_eq!(aleppo[column], value, "{column}");
    }
    assert!(aleppo["notes"].contains("took control of most of the center of Aleppo"));
    for r in &rows {
        let (lat, lon): (f64, f64) = (
            r["latitude"].parse().unwrap(),
            r["longitude"].parse().unwrap(),
        );
        assert!(
            (32.0..37.5).contains(&lat) && (35.5..42.5).contains(&lon),
            "{r:?}"
        );
        assert!(r["event_id_cnty"].starts_with("SYR"));
    }
    // Handovers and withdrawals are non-violent transfers.
    assert!(rows
        .iter()
        .any(|r| r["sub_event_type"] == "Non-violent transfer of territory"));
}
