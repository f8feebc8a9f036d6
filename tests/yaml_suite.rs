//! Every input of the YAML test suite (vendored in
//! `tests/corpora/yaml-test-suite/`, 308 valid and 94 invalid documents) is linted as a profile, one file per
//! run and then all in one run. None of them is a real profile, which is the
//! point: people point the linter at files they did not write, and it must
//! answer each with exit 0, 1 or 2, a located message when it refuses one,
//! and never a panic or a hang.

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");

/// Generous for a debug binary on a loaded 2-core machine; a release build
/// answers each of these in a few milliseconds.
const PER_FILE: Duration = Duration::from_secs(1);

fn suite() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora/yaml-test-suite");
    assert!(
        dir.join("valid").is_dir() && dir.join("invalid").is_dir(),
        "the vendored YAML test suite is missing at {}",
        dir.display()
    );
    dir
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

fn lint(args: &[&std::ffi::OsStr]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new(BIN)
        .args(["--no-config", "--color", "never"])
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    (out, start.elapsed())
}

/// Runs one file; a run over the time bound is tried once more, so a moment
/// of load from the other tests does not fail the suite, but a real hang does.
fn lint_one(file: &Path) -> (Output, Duration) {
    let (out, took) = lint(&[file.as_os_str()]);
    if took < PER_FILE {
        return (out, took);
    }
    let (again, took2) = lint(&[file.as_os_str()]);
    (again, took.min(took2))
}

/// What every run must show, whatever the file.
fn check_run(file: &Path, out: &Output, took: Duration) -> Result<i32, String> {
    let name = file.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out
        .status
        .code()
        .ok_or_else(|| format!("{name}: killed by a signal ({:?})", out.status))?;
    if !(0..=2).contains(&code) {
        return Err(format!("{name}: exit code {code}\n{stderr}"));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("{name}: panic\n{stderr}"));
    }
    if took >= PER_FILE {
        return Err(format!("{name}: took {took:?}"));
    }
    if code == 2 {
        // A refused file says where and why: `FILE:LINE:COL: error: MESSAGE`.
        let prefix = format!("{name}:");
        let located = stderr.lines().filter(|l| l.starts_with(&prefix)).all(|l| {
            let rest = &l[prefix.len()..];
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().and_then(|s| s.parse::<u32>().ok());
            let col = parts.next().and_then(|s| s.parse::<u32>().ok());
            let msg = parts.next().unwrap_or("");
            line.is_some_and(|n| n >= 1)
                && col.is_some_and(|n| n >= 1)
                && msg.starts_with(" error: ")
                && msg.len() > " error: ".len() + 5
        });
        if !located || !stderr.lines().any(|l| l.starts_with(&prefix)) {
            return Err(format!("{name}: exit 2 without a located error\n{stderr}"));
        }
        // Messages are ours or the parser's, never advice about the crate's API.
        if stderr.contains("Options") || stderr.contains("Policy") {
            return Err(format!("{name}: message speaks of parser internals\n{stderr}"));
        }
    } else if !stderr.trim().is_empty() && !stderr.contains("warning") {
        return Err(format!("{name}: exit {code} with unexpected stderr\n{stderr}"));
    }
    Ok(code)
}

#[test]
fn each_valid_input_alone() {
    let files = files(&suite().join("valid"));
    assert_eq!(files.len(), 308);
    let mut problems = Vec::new();
    let mut accepted = 0;
    for f in &files {
        let (out, took) = lint_one(f);
        match check_run(f, &out, took) {
            Ok(code) => {
                accepted += usize::from(code != 2);
                // Valid YAML is never reported as a syntax error. Two known
                // exceptions are our own policy, not the parser's: 565N holds
                // a `!!binary` value that is not UTF-8 text, and X38W repeats
                // a key, which docs/format.md makes an error.
                let stderr = String::from_utf8_lossy(&out.stderr);
                let stem = f.file_stem().unwrap().to_string_lossy();
                if stderr.contains("invalid YAML") && !["565N", "X38W"].contains(&stem.as_ref()) {
                    problems.push(format!(
                        "{}: valid YAML refused as a syntax error\n{stderr}",
                        f.display()
                    ));
                }
            }
            Err(e) => problems.push(e),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // A handful are mappings of plain keys that happen to lint (none is a
    // profile, so none scores clean); the rest are refused.
    assert!(accepted >= 5, "only {accepted} valid inputs linted");
}

#[test]
fn each_invalid_input_alone() {
    let files = files(&suite().join("invalid"));
    assert_eq!(files.len(), 94);
    let mut problems = Vec::new();
    for f in &files {
        let (out, took) = lint_one(f);
        match check_run(f, &out, took) {
            // Invalid YAML is never linted as if it were a profile.
            Ok(2) => {}
            Ok(code) => problems.push(format!("{}: invalid YAML accepted (exit {code})", f.display())),
            Err(e) => problems.push(e),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// In process too, so the time bound holds for the library and not only for
/// a whole process start.
#[test]
fn each_input_checks_in_process_quickly() {
    let checker = profilecheck::Checker::builtin();
    let dir = suite();
    for f in files(&dir.join("valid")).into_iter().chain(files(&dir.join("invalid"))) {
        let bytes = std::fs::read(&f).unwrap();
        let start = Instant::now();
        let report = checker.check(&f.display().to_string(), &bytes, Some(profilecheck::Lang::En));
        let took = start.elapsed();
        assert!(took < Duration::from_millis(500), "{}: {took:?}", f.display());
        assert_eq!(report.score.is_none(), !report.errors.is_empty(), "{}", f.display());
        if let Some(s) = report.score {
            assert!(s < 100, "{}: a non-profile scored {s}", f.display());
        }
    }
}

#[test]
fn whole_corpus_in_one_run_reports_every_file() {
    let dir = suite();
    let (valid, invalid) = (dir.join("valid"), dir.join("invalid"));
    let start = Instant::now();
    let out = Command::new(BIN)
        .args(["--no-config", "--format", "json"])
        .arg(&valid)
        .arg(&invalid)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(took < Duration::from_secs(30), "{took:?}");
    let json: Json = serde_json::from_slice(&out.stdout).expect("the JSON report is complete and valid");
    let profiles = json["profiles"].as_array().unwrap();
    let reported: Vec<String> = profiles
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = files(&valid)
        .into_iter()
        .chain(files(&invalid))
        .map(|p| p.display().to_string())
        .collect();
    // Every file, once, in the order given (folders sorted).
    assert_eq!(reported, expected);
    let invalid_count = profiles.iter().filter(|p| p["score"].is_null()).count();
    assert_eq!(json["summary"]["profiles"], 402);
    assert_eq!(json["summary"]["invalid"], invalid_count);
    // Each invalid profile has its errors in the report and on stderr.
    for p in profiles.iter().filter(|p| p["score"].is_null()) {
        let file = p["file"].as_str().unwrap();
        assert!(!p["errors"].as_array().unwrap().is_empty(), "{file}");
        assert!(
            stderr.lines().any(|l| l.starts_with(&format!("{file}:"))),
            "{file} not on stderr"
        );
    }
    let invalid_dir = invalid.display().to_string();
    let refused_invalid = profiles
        .iter()
        .filter(|p| p["file"].as_str().unwrap().starts_with(&invalid_dir) && p["score"].is_null())
        .count();
    assert_eq!(refused_invalid, 94);
    let uniq: BTreeSet<&String> = reported.iter().collect();
    assert_eq!(uniq.len(), 402);
}
