//! The quality gate: the seeds and the 60-article dev set of `../shared/eval`, extracted
//! by the real binary and scored by the evaluation's own scorer (`score.py`, Python 3's
//! standard library), against a committed ratchet of known misses, extras and wrong days
//! (`tests/quality/known-misses.txt`).
//!
//! It fails on a new miss, extra or wrong day (a regression) and on a known one that now
//! passes (the list must shrink with the fix, so it never hides a later regression), and
//! prints which. The articles are third-party news text and stay out of the repository:
//! the gate reads them from `../shared/eval` beside the checkout, and says plainly that it
//! skipped when they or `python3` are absent, unless `FRONTLINE_REQUIRE_EVAL` is set (as
//! `.ci/run` does). `FRONTLINE_UPDATE_KNOWN=1 cargo test quality` rewrites the list.

use super::util::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const KNOWN: &str = "tests/quality/known-misses.txt";

fn eval_dir() -> PathBuf {
    root().join("../shared/eval")
}

/// Scores `events` against one gold set; gives (the summary lines, the findings).
fn score(events: &Path, set: &str) -> (String, Vec<String>) {
    let eval = eval_dir();
    let mut cmd = Command::new("python3");
    cmd.arg(eval.join("score.py"))
        .arg("--events")
        .arg(events)
        .arg("--gold")
        .arg(eval.join(set).join("gold.csv"))
        .arg("--places")
        .arg(eval.join("places.csv"))
        .arg("-v");
    let no_event = eval.join(set).join("no_event_files.txt");
    if no_event.exists() {
        cmd.arg("--no-event").arg(no_event);
    }
    let out = checker_stdout(&mut cmd, "score.py");
    let findings = out.lines().filter_map(|l| finding(set, l)).collect();
    let summary = out
        .lines()
        .filter(|l| l.starts_with("precision") || l.starts_with("strict"))
        .collect::<Vec<_>>()
        .join("; ");
    (summary, findings)
}

/// A scorer line `  MISS  file: place -> faction [...] (place found ...)` as a ratchet
/// entry `set MISS file: place -> faction [...]`; the parenthetical is a diagnosis, not
/// part of the finding.
fn finding(set: &str, line: &str) -> Option<String> {
    let t = line.trim();
    let kind = ["MISS ", "EXTRA ", "DATE "]
        .into_iter()
        .find(|k| t.starts_with(k))?;
    let rest = t[kind.len()..].trim();
    let rest = rest.split(" (place found").next().unwrap_or(rest);
    Some(format!("{set} {}{rest}", kind))
}

#[test]
fn seeds_and_dev_set_hold_the_ratchet() {
    let eval = eval_dir();
    let missing = if !eval.join("score.py").exists() {
        Some(format!(
            "{} not found (the evaluation data lives beside the checkout)",
            eval.display()
        ))
    } else if Command::new("python3").arg("--version").output().is_err() {
        Some("python3 not found (the scorer is Python)".to_string())
    } else {
        None
    };
    if skip_without_tool("quality gate", "FRONTLINE_REQUIRE_EVAL", missing) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    let o = run(&[
        "extract",
        "--quiet",
        s(&root().join("../shared/seeds")),
        s(&eval.join("dev/articles")),
        "-o",
        s(&events),
    ]);
    assert!(o.status.success(), "extract failed: {}", stderr(&o));
    let mut found = BTreeSet::new();
    let mut summaries = Vec::new();
    for set in ["seeds", "dev"] {
        let (summary, findings) = score(&events, set);
        // Past the harness's capture, so every run shows where the project stands.
        let _ = writeln!(std::io::stderr(), "quality gate, {set}: {summary}");
        summaries.push(summary);
        found.extend(findings);
    }
    let path = root().join(KNOWN);
    if std::env::var_os("FRONTLINE_UPDATE_KNOWN").is_some() {
        let mut body = String::from(
            "# Known misses, extras and wrong days of the seeds and the dev set (see\n\
             # tests/integration/quality.rs). One per line, as the scorer names them.\n",
        );
        for f in &found {
            body.push_str(f);
            body.push('\n');
        }
        std::fs::write(&path, body).unwrap();
    }
    let known: BTreeSet<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "the quality ratchet moved ({}).\nNew (regressions):\n  {}\nNow passing (remove them from {KNOWN}):\n  {}",
        summaries.join(" | "),
        new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  "),
        fixed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    );
}
