//! `frontline extract` on the real seed articles and on bad input.

use super::util::*;
use serde_json::Value;

fn seed_events() -> Vec<Value> {
    let o = run(&["extract", "-q", "seeds"]);
    assert!(o.status.success(), "{}", stderr(&o));
    json_lines(&stdout(&o))
}

fn has_event(events: &[Value], article: &str, place_id: &str, faction: &str, date: &str) -> bool {
    events.iter().any(|e| {
        e["article"].as_str().unwrap().contains(article)
            && e["place"]["id"] == place_id
            && e["faction"] == faction
            && e["date"] == date
    })
}

#[test]
fn seeds_give_the_known_events() {
    let ev = seed_events();
    // Hama taken by the opposition on Thursday 5 December ("Last Thursday", published 9 Dec).
    assert!(has_event(
        &ev,
        "000_",
        "gn:170017",
        "opposition",
        "2024-12-05"
    ));
    // Tal Rifaat taken by the SNA on 1 December.
    assert!(has_event(&ev, "003_", "gn:163476", "sna", "2024-12-01"));
    // Damascus on 8 December.
    assert!(has_event(
        &ev,
        "004_",
        "gn:170654",
        "opposition",
        "2024-12-08"
    ));
}

#[test]
fn records_follow_the_contract() {
    for e in seed_events() {
        for field in [
            "article",
            "published",
            "date",
            "date_basis",
            "faction",
            "action",
            "actor",
            "place",
            "place_text",
            "sentence",
            "span",
            "geo_precision",
            "time_precision",
        ] {
            assert!(e.get(field).is_some(), "missing {field} in {e}");
        }
        for field in ["id", "name", "kind", "governorate", "lat", "lon"] {
            assert!(
                e["place"].get(field).is_some(),
                "missing place.{field} in {e}"
            );
        }
        // The span points at the place as written in the article file.
        let text = std::fs::read_to_string(root().join(e["article"].as_str().unwrap())).unwrap();
        let (a, b) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        let (sa, sb) = (
            e["sentence_span"][0].as_u64().unwrap() as usize,
            e["sentence_span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[sa..sb], e["sentence"].as_str().unwrap());
        assert!(sa <= a && b <= sb, "{e}");
    }
}

#[test]
fn output_does_not_depend_on_input_order() {
    let a = run(&[
        "extract",
        "-q",
        "seeds/000_110a0582fc68850d.txt",
        "seeds/004_f430c977d6ade7d1.txt",
    ]);
    let b = run(&[
        "extract",
        "-q",
        "seeds/004_f430c977d6ade7d1.txt",
        "seeds/000_110a0582fc68850d.txt",
    ]);
    let mut la: Vec<String> = stdout(&a).lines().map(String::from).collect();
    let mut lb: Vec<String> = stdout(&b).lines().map(String::from).collect();
    la.sort();
    lb.sort();
    assert_eq!(la, lb);
    assert!(!la.is_empty());
}

#[test]
fn stdin_and_jsonl_inputs() {
    let o = run_with_stdin(
        &["extract", "-q", "--published", "2024-12-07", "-"],
        b"Rebels captured Hama on Thursday.",
    );
    let ev = json_lines(&stdout(&o));
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0]["date"], "2024-12-05");
    let dir = tempfile::tempdir().unwrap();
    let jl = dir.path().join("a.jsonl");
    std::fs::write(
        &jl,
        "{\"text\":\"Insurgents seized Saraqib on Friday.\",\"date\":\"2024-11-30\"}\n",
    )
    .unwrap();
    let o = run(&["extract", "-q", s(&jl)]);
    let ev = json_lines(&stdout(&o));
    assert_eq!(
        (ev[0]["place"]["id"].as_str(), ev[0]["date"].as_str()),
        (Some("gn:164816"), Some("2024-11-29"))
    );
}

#[test]
fn bad_input_is_skipped_and_reported_without_losing_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a_good.txt"),
        " date 2024-12-08 Rebels captured Homs on Saturday.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b_binary.txt"), b"\x00\x01\x02garbage").unwrap();
    std::fs::write(dir.path().join("c_empty.txt"), b"   ").unwrap();
    std::fs::write(
        dir.path().join("d_latin1.txt"),
        b" date 2024-12-08 Rebels captured Hama \xe9 on Thursday.",
    )
    .unwrap();
    let o = run(&["extract", s(dir.path())]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "skipped input must show in the exit status"
    );
    let err = stderr(&o);
    assert!(err.contains("b_binary.txt: binary file, skipped"), "{err}");
    assert!(err.contains("c_empty.txt: empty article, skipped"), "{err}");
    assert!(err.contains("decoded lossily"), "{err}");
    let ev = json_lines(&stdout(&o));
    assert_eq!(
        ev.len(),
        2,
        "both readable articles still give their events"
    );
}

#[test]
fn output_file_is_written_whole_and_unresolved_names_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.jsonl");
    let unres = dir.path().join("unresolved.jsonl");
    let o = run(&[
        "extract",
        "-q",
        "seeds",
        "-o",
        s(&out),
        "--unresolved",
        s(&unres),
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    assert!(json_lines(&std::fs::read_to_string(&out).unwrap()).len() > 20);
    let names: Vec<String> = json_lines(&std::fs::read_to_string(&unres).unwrap())
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"Tibas".to_string()), "{names:?}");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary files left behind");
}

#[test]
fn bad_published_date_is_a_clear_error() {
    let o = run(&["extract", "--published", "7 Dec", "seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--published \"7 Dec\": expected YYYY-MM-DD"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_dateline_without_a_year_takes_the_year_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    // "a_" sorts first: the year-less article is read before the dated one, and waits.
    std::fs::write(
        dir.path().join("a_tass.txt"),
        "Situation in Syria\n\nDUBAI, December 9. /TASS/. The opposition took Jableh on Sunday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b_dated.txt"),
        " date 2024-12-07 Rebels captured Hama on Thursday.\n",
    )
    .unwrap();
    let o = run(&["extract", s(dir.path())]);
    let ev = json_lines(&stdout(&o));
    let jableh = ev
        .iter()
        .find(|e| e["article"].as_str().unwrap().ends_with("a_tass.txt"))
        .expect("the year-less article's event");
    assert_eq!(jableh["published"], "2024-12-09");
    assert_eq!(jableh["date"], "2024-12-08");
    assert!(
        stderr(&o).contains("the dateline gives no year; published 2024-12-09 taken"),
        "{}",
        stderr(&o)
    );
    // Alone, it stays undated.
    let alone = dir.path().join("a_tass.txt");
    let o = run(&["extract", s(&alone)]);
    assert_eq!(json_lines(&stdout(&o))[0]["date"], serde_json::Value::Null);
}

#[test]
fn any_number_of_threads_gives_the_same_bytes() {
    // Over 256 articles (more than one batch), so order across batches is tested too.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    let o = run(&["corpus", "--mb", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(&corpus, &o.stdout).unwrap();
    assert!(o.stdout.iter().filter(|&&b| b == b'\n').count() > 300);
    let outputs: Vec<(Vec<u8>, String)> = ["1", "2", "3"]
        .iter()
        .map(|t| {
            let o = run(&["extract", "--threads", t, s(&corpus)]);
            assert!(o.status.success(), "{}", stderr(&o));
            let err = stderr(&o);
            (o.stdout, err)
        })
        .collect();
    assert!(!outputs[0].0.is_empty());
    assert!(
        outputs.iter().all(|o| *o == outputs[0]),
        "outputs differ between thread counts"
    );
}

#[test]
fn an_outlet_s_convention_decides_what_a_name_means() {
    // Turkish state media call the SDF "terrorists"; Syrian state media the rebels.
    let record = |url: &str| {
        format!(
            "{{\"date\":\"2024-12-02\",\"url\":\"{url}\",\"text\":\"The army drove the terrorists out of Tal Rifaat on Sunday.\"}}\n"
        )
    };
    let input =
        record("https://www.aa.com.tr/en/middle-east/x") + &record("https://sana.sy/en/?p=1");
    let o = run_with_stdin(&["extract", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let losers: Vec<_> = json_lines(&stdout(&o))
        .iter()
        .map(|e| e["previous_faction"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(losers, ["sdf", "opposition"]);
}
