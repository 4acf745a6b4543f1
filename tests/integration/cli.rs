//! `frontline resolve`, `frontline gazetteer check` and `frontline lexicon check` through the
//! real binary.

use super::util::*;

#[test]
fn resolve_json_prints_one_object_per_name_in_order() {
    let o = run(&[
        "resolve",
        "--json",
        "Maaret al-Numan",
        "Idlib province",
        "Khan Cheikhoun",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["query"], "Maaret al-Numan");
    assert_eq!(lines[0]["matches"][0]["id"], "gn:167611");
    assert_eq!(lines[1]["matches"][0]["kind"], "governorate");
    assert_eq!(lines[2]["matches"][0]["name"], "Khan Shaykhun");
    for key in ["id", "name", "kind", "governorate", "lat", "lon", "score"] {
        assert!(lines[0]["matches"][0].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn unknown_name_exits_non_zero_with_an_empty_match_list() {
    let o = run(&["resolve", "--json", "Qzxwvbl"]);
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines[0]["matches"].as_array().unwrap().len(), 0);
    assert!(stderr(&o).contains("\"Qzxwvbl\" matches no place"));
}

#[test]
fn bundled_gazetteer_checks_clean() {
    let o = run(&["gazetteer", "check", "gazetteer.csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 error(s)"));
}

#[test]
fn bad_gazetteer_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "id,name,kind,lat,lon\nx:1,Ok,town,35,37\nx:2,Far,town,95.2,37\nx:1,Dup,town,35,37\n",
    )
    .unwrap();
    let o = run(&["gazetteer", "check", s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.csv line 3: error: x:2: latitude 95.2 out of range"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv line 4: error: duplicate id x:1 (first on line 2)"),
        "{err}"
    );
    // The same file as --gazetteer stops the command with those messages.
    let o = run(&["resolve", "--gazetteer", s(&bad), "Ok"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("latitude 95.2 out of range"));
}

#[test]
fn add_gazetteer_extends_the_bundled_one() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.csv");
    std::fs::write(&extra, "id,name,kind,lat,lon,governorate,aliases,source\nsy:test-zyx,Qarqazyx,village,35.5,37.0,Aleppo,,test\n").unwrap();
    let o = run(&[
        "resolve",
        "--add-gazetteer",
        s(&extra),
        "Qarqazyx",
        "Aleppo",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("sy:test-zyx"));
    assert!(stdout(&o).contains("gn:170063"));
}

#[test]
fn places_is_a_tsv_with_a_header_or_json_and_skips_a_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "Rebels took Aleppo and Hama.").unwrap();
    let missing = dir.path().join("missing.txt");
    let o = run(&["places", s(&missing), s(&ok)]);
    assert_eq!(o.status.code(), Some(1), "a skipped input is exit 1");
    let out = stdout(&o);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "input",
            "start",
            "end",
            "text",
            "id",
            "name",
            "kind",
            "subtype",
            "governorate",
            "district",
            "lon",
            "lat",
            "cue"
        ]
    );
    // Aleppo: bytes 12..18 of the text; GeoNames 170063 at 37.16117 E, 36.20124 N.
    assert_eq!(
        rows[1][1..],
        [
            "12",
            "18",
            "Aleppo",
            "gn:170063",
            "Aleppo",
            "city",
            "",
            "Aleppo",
            "Aleppo District",
            "37.16117",
            "36.20124",
            "none"
        ]
    );
    assert_eq!(rows.len(), 3, "{out}");
    assert!(!out.contains("None") && !out.contains("Populated"), "{out}");
    let o = run(&["places", "--json", s(&ok)]);
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines[1]["name"], "Hama");
    assert_eq!(lines[1]["span"], serde_json::json!([23, 27]));
}

#[test]
fn resolve_labels_its_coordinates_lon_first() {
    let o = run(&["resolve", "Aleppo"]);
    assert!(
        stdout(&o).contains("lon 37.16117 lat 36.20124"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_gazetteer_of_ones_own_runs_with_the_bundled_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(
        &g,
        "id,name,kind,lat,lon,governorate\nx:aleppo,Aleppo,city,36.20124,37.16117,Aleppo\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "run",
        "--gazetteer",
        s(&g),
        "--out",
        s(&out),
        "--format",
        "none",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("row(s) name places this gazetteer lacks"));
}

#[test]
fn resolve_lists_namesakes_with_their_district_and_takes_a_governorate_or_a_place() {
    // Two towns called Suran: north of Hama (gn:163915) and near Azaz (gn:163913).
    let o = run(&["resolve", "--json", "Suran"]);
    let all = &json_lines(&stdout(&o))[0]["matches"];
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"gn:163915") && ids.contains(&"gn:163913"),
        "{ids:?}"
    );
    assert_eq!(all[0]["district"], "Hama District");
    let o = run(&["resolve", "--json", "--in", "aleppo", "Suran"]);
    let within = &json_lines(&stdout(&o))[0]["matches"];
    assert_eq!(within[0]["id"], "gn:163913", "{within}");
    assert!(within
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["governorate"] == "Aleppo"));
    let o = run(&["resolve", "--json", "--near", "Azaz", "Suran"]);
    let near = &json_lines(&stdout(&o))[0]["matches"];
    assert_eq!(near[0]["id"], "gn:163913", "{near}");
    assert!(near[0]["km"].as_f64().unwrap() < 20.0, "{near}");
    // A governorate that does not exist is a flag error, not an empty answer.
    let o = run(&["resolve", "--in", "Atlantis", "Suran"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn lexicon_check_passes_the_checkout_and_names_a_bad_line() {
    let o = run(&["lexicon", "check", "--data", s(&root().join("data"))]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("lexicon/triggers.csv: "),
        "{}",
        stdout(&o)
    );
    // A copy of data/ with one malformed pattern and one unknown frame.
    let dir = tempfile::tempdir().unwrap();
    for name in frontline::extract::check::FILES {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join("data").join(name), &to).unwrap();
    }
    let triggers = dir.path().join("lexicon/triggers.csv");
    let mut text = std::fs::read_to_string(&triggers).unwrap();
    let lines = text.lines().count();
    text.push_str("take,<seize:gerund> control of,\n");
    std::fs::write(&triggers, text).unwrap();
    let o = run(&["lexicon", "check", "--data", s(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    let want = format!(
        "lexicon/triggers.csv line {}: unknown verb form \"gerund\"",
        lines + 1
    );
    assert!(stderr(&o).contains(&want), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 error(s)"), "{}", stderr(&o));
}
