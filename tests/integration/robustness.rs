//! Bad input and a careless or hostile folder: no panic loses a run, no typo deletes
//! work, and frontline removes only files it wrote itself.

use super::util::*;
use std::fs;
use std::path::Path;

/// Every file under `dir` (relative path → bytes), symlinks as their target's name.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            let m = fs::symlink_metadata(&p).unwrap();
            if m.is_symlink() {
                let target = fs::read_link(&p).unwrap().display().to_string();
                out.insert(rel, format!("-> {target}").into_bytes());
            } else if m.is_dir() {
                stack.push(p);
            } else {
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn events_of(out: &Path) -> usize {
    json_lines(&fs::read_to_string(out.join("events.jsonl")).unwrap()).len()
}

#[test]
fn an_article_that_once_panicked_costs_nobody_else_their_results() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("p.txt");
    fs::write(
        &bad,
        " date 2024-12-06\nRebels took Dāil-Talbisi on Thursday.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(&["run", "--quiet", "seeds", s(&bad), "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(events_of(&out) > 40, "the seeds' events are all there");
    let o = run(&["extract", "--quiet", s(&bad)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_run_that_reads_nothing_exits_2_and_leaves_the_previous_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o6");
    let o = run(&["run", "--quiet", "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = snapshot(&out);
    for args in [
        vec!["run", "seeds/typo.txt", "--out", s(&out)],
        vec![
            "run",
            "--from",
            "2024-12-05",
            "--to",
            "2024-12-01",
            "--out",
            s(&out),
        ],
        vec![
            "run",
            "--from",
            "1990-01-01",
            "--to",
            "2024-12-01",
            "--out",
            s(&out),
        ],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(snapshot(&out), before, "{args:?} changed the output");
    }
    let o = run(&["run", "seeds/typo.txt", "--out", s(&out)]);
    let err = stderr(&o);
    assert!(
        err.contains("no article read") && err.contains("seeds/"),
        "{err}"
    );
}

#[test]
fn an_output_error_names_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "not a folder").unwrap();
    let o = run(&["run", "--quiet", "--out", s(&file.join("sub"))]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn a_run_deletes_nothing_that_frontline_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("x"), "precious").unwrap();
    // A user's folder with a manifest of their own listing their files.
    let user = dir.path().join("user");
    fs::create_dir(&user).unwrap();
    fs::write(user.join("notes.txt"), "mine").unwrap();
    fs::write(
        user.join("manifest.json"),
        r#"{"files": ["notes.txt", "link/x"], "checksums": {"notes.txt": "00"}}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, user.join("link")).unwrap();
    let o = run(&["run", "--quiet", "--out", s(&user)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(user.join("notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_to_string(outside.join("x")).unwrap(), "precious");

    // frontline's own manifest, edited to list a file through the symlink and a file the
    // user changed since: a smaller run replaces neither.
    let manifest_path = user.join("manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&manifest_path).unwrap()).unwrap();
    // Its true checksum: only the symlink on the way keeps it.
    let sha_x: String = {
        use sha2::Digest;
        sha2::Sha256::digest(b"precious")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    m["files"].as_array_mut().unwrap().push("link/x".into());
    m["checksums"]["link/x"] = sha_x.into();
    let day = "control/2024-11-27.geojson";
    assert!(m["files"].as_array().unwrap().iter().any(|f| f == day));
    fs::write(user.join(day), "edited by the user").unwrap();
    fs::write(&manifest_path, serde_json::to_string(&m).unwrap()).unwrap();
    let o = run(&[
        "run",
        "--quiet",
        "--from",
        "2024-12-01",
        "--to",
        "2024-12-02",
        "--out",
        s(&user),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(outside.join("x")).unwrap(), "precious");
    assert_eq!(
        fs::read_to_string(user.join(day)).unwrap(),
        "edited by the user",
        "a file changed since frontline wrote it is not removed"
    );
    assert!(
        !user.join("control/2024-11-28.geojson").exists(),
        "an unchanged stale layer is removed"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once_and_a_fifo_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    fs::create_dir(&d).unwrap();
    fs::copy("seeds/000_110a0582fc68850d.txt", d.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(".", d.join("l1")).unwrap();
    std::os::unix::fs::symlink(".", d.join("l2")).unwrap();
    let o = run(&["extract", "--quiet", s(&d)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let arts: std::collections::BTreeSet<String> = json_lines(&stdout(&o))
        .iter()
        .map(|e| e["article"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(arts.len(), 1, "{arts:?}");

    let fifo = dir.path().join("feed.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo (coreutils) works");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            fs::write(&fifo, fs::read("seeds/000_110a0582fc68850d.txt").unwrap()).unwrap()
        })
    };
    let out = dir.path().join("out");
    let o = run(&["run", "--quiet", s(&fifo), "--out", s(&out)]);
    writer.join().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(events_of(&out) > 0, "the FIFO's article was read");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let bytes = fs::metadata("seeds/000_110a0582fc68850d.txt")
        .unwrap()
        .len();
    assert_eq!(manifest["inputs"][0]["bytes"], bytes);
}

#[test]
fn one_outlying_date_does_not_make_a_run_of_decades() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("odd.jsonl");
    fs::write(
        &jsonl,
        "{\"text\": \"Rebels captured Hama on Thursday.\", \"date\": 0}\n{\"text\": \"Rebels captured Homs.\", \"date\": \"9999-12-31\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "run",
        "--quiet",
        "seeds",
        s(&jsonl),
        "--out",
        s(&out),
        "--format",
        "none",
    ]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let days = manifest["days"].as_array().unwrap();
    assert!(days.len() < 40, "{} days", days.len());
    assert_eq!(days[0], "2024-11-27");
}

#[test]
fn a_placeholder_in_article_text_stays_text_in_the_web_map() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("a.txt");
    fs::write(
        &art,
        " date 2024-12-06\nRebels took Hama on Thursday. /*LEAFLET_JS*/ __FRONTLINE_DATA__ /*LEAFLET_CSS*/\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        "run",
        "--quiet",
        s(&art),
        "--out",
        s(&out),
        "--format",
        "html",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(out.join("map.html")).unwrap();
    assert_eq!(
        page.matches("/*LEAFLET_JS*/").count(),
        1,
        "the article's, as text"
    );
    assert_eq!(
        page.matches("Leaflet 1.").count(),
        1,
        "Leaflet inlined once"
    );
}

#[test]
fn a_file_name_with_control_characters_reaches_stderr_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("a\u{1b}[2Jb.txt");
    fs::write(&hostile, "").unwrap(); // empty: skipped, and named on stderr
    let o = run(&["extract", s(&hostile)]);
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("a\\u{1b}[2Jb.txt: empty article"), "{err:?}");
}

#[test]
fn json_lines_on_stdin_are_read_record_by_record() {
    let input = b"{\"text\":\"Rebels took Hama.\",\"date\":\"2024-12-05\"}\nnot json\n{\"text\":\"Rebels took Homs on Saturday.\",\"date\":\"2024-12-08\"}\n";
    let o = run_with_stdin(&["extract", "-"], input);
    assert_eq!(o.status.code(), Some(1), "the bad line is a skipped record");
    let events = json_lines(&stdout(&o));
    let ids: Vec<&str> = events
        .iter()
        .map(|e| e["article"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["-:1", "-:3"]);
    assert_eq!(
        events[1]["date"], "2024-12-07",
        "Saturday before the record's own date"
    );
    assert!(
        stderr(&o).contains("- line 2: not an article record"),
        "{}",
        stderr(&o)
    );
    // Prose on stdin stays one article, its byte spans those of the input.
    let o = run_with_stdin(&["extract", "-"], b" date 2024-12-05\nRebels took Hama.\n");
    let events = json_lines(&stdout(&o));
    assert_eq!(events[0]["article"], "-");
    assert_eq!(events[0]["span"], serde_json::json!([29, 33]));
}
