//! `out/map.html` in a real browser: headless Chromium driven by playwright-core
//! (`tests/browser/`). Without Node, Chromium or `tests/browser/node_modules` the tests say
//! so and pass, unless FRONTLINE_REQUIRE_BROWSER is set, as `.ci/run` does.

use super::util::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Why the browser tests cannot run here, if they cannot.
fn missing_tools() -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node not found".into());
    }
    if !chromium().exists() {
        return Some(format!(
            "{} not found (apt-get install chromium)",
            chromium().display()
        ));
    }
    if !root()
        .join("tests/browser/node_modules/playwright-core")
        .exists()
    {
        return Some("playwright-core not installed (cd tests/browser && npm install)".into());
    }
    None
}

fn skip_unless_tools(test: &str) -> bool {
    skip_without_tool(test, "FRONTLINE_REQUIRE_BROWSER", missing_tools())
}

fn visible_on(out: &Path, day: &str) -> serde_json::Value {
    let fc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join(format!("control/{day}.geojson"))).unwrap(),
    )
    .unwrap();
    let rows: Vec<serde_json::Value> = fc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| serde_json::json!({"place_id": f["properties"]["place_id"], "faction": f["properties"]["faction"]}))
        .collect();
    serde_json::Value::Array(rows)
}

fn check_map(map: &Path, expected: serde_json::Value) {
    let exp = map.with_file_name("expected.json");
    std::fs::write(&exp, expected.to_string()).unwrap();
    let mut cmd = Command::new("node");
    cmd.arg(root().join("tests/browser/map_check.mjs"))
        .arg(map)
        .arg(&exp)
        .env("CHROMIUM", chromium());
    let out = checker_stdout(&mut cmd, "map check");
    assert!(out.contains("ok no console errors"), "{out}");
}

#[test]
fn map_shows_the_control_layers_day_by_day() {
    if skip_unless_tools("map_shows_the_control_layers_day_by_day") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["run", "--quiet", "--out", s(dir.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut days = serde_json::Map::new();
    for day in ["2024-11-30", "2024-12-08"] {
        days.insert(day.into(), visible_on(dir.path(), day));
    }
    check_map(
        &dir.path().join("map.html"),
        serde_json::json!({"days": days, "popup": "gn:170063",
                           "search": {"name": "Aleppo", "id": "gn:170063"}}),
    );
}

#[test]
fn hostile_article_text_is_shown_as_text() {
    if skip_unless_tools("hostile_article_text_is_shown_as_text") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // The article's name reaches the popup verbatim; its text has markup of its own.
    let name = "<img src=x onerror=window.__xss=1>.txt";
    std::fs::write(
        input.join(name),
        " date 2024-12-08 Rebels captured Homs on Saturday, <script>window.__xss=1</script> said \"</script><img src=x>\".",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(&["run", "--quiet", "--out", s(&out), s(&input)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut days = serde_json::Map::new();
    days.insert("2024-12-07".into(), visible_on(&out, "2024-12-07"));
    check_map(
        &out.join("map.html"),
        serde_json::json!({"days": days, "popup": "gn:169577"}),
    );
}
