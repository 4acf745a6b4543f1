//! Running the real `frontline` binary in tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root (where `seeds/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `frontline args...` from the repository root, with `stdin` as standard input.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the frontline binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs `frontline args...` from the repository root.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs an outside checker (a browser or QGIS script); fails the test with its output
/// unless it succeeds, and gives its standard output.
pub fn checker_stdout(cmd: &mut Command, what: &str) -> String {
    let o = cmd.output().unwrap();
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(o.status.success(), "{what} failed:\n{out}\n{err}");
    out
}

/// Parses JSON Lines.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// A path as &str.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// For tests that need a tool people open the outputs with (GDAL, Chromium, QGIS): when
/// `missing` says why the tool is absent, prints `SKIPPED <test>: <why>` straight to stderr
/// (past the test harness's capture) and returns true, unless `require_var` is set, as
/// `.ci/run` does, in which case the test fails.
pub fn skip_without_tool(test: &str, require_var: &str, missing: Option<String>) -> bool {
    use std::io::Write;
    let Some(why) = missing else { return false };
    assert!(
        std::env::var_os(require_var).is_none(),
        "{require_var} is set but {why}"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    true
}
