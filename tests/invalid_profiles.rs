//! Invalid profiles through the binary: every kind of problem docs/format.md lists
//! is reported as `FILE:LINE:COL: error: MESSAGE` on stderr and in the JSON
//! `errors`, with exit 2, and never stops the other files from being linted.
//! Fixtures live in `tests/fixtures/invalid/`, one per kind of problem.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("FORCE_COLOR")
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new(MANIFEST), args)
}

/// Lint one fixture as text and as JSON; check what must hold for every
/// invalid file, and return a snapshot of stderr and the JSON profile.
fn invalid(file: &str, dir: &Path) -> (String, Vec<(u32, u32, String)>) {
    let text = run_in(dir, &["--no-config", file]);
    assert_eq!(text.code, 2, "{file}: exit code\n{}", text.stderr);
    let line_re = regex::Regex::new(r"^(.+):(\d+):(\d+): error: (.+)$").unwrap();
    let mut located = Vec::new();
    for line in text.stderr.lines() {
        let c = line_re
            .captures(line)
            .unwrap_or_else(|| panic!("{file}: not FILE:LINE:COL: error: MESSAGE: {line}"));
        assert_eq!(&c[1], file);
        located.push((c[2].parse().unwrap(), c[3].parse().unwrap(), c[4].to_owned()));
    }
    assert!(!located.is_empty(), "{file}: no error on stderr");
    let sorted = {
        let mut s = located.clone();
        s.sort_by_key(|(l, c, _)| (*l, *c));
        s
    };
    assert_eq!(located, sorted, "{file}: errors sorted by position");

    let json = run_in(dir, &["--no-config", "--format", "json", file]);
    assert_eq!(json.code, 2);
    assert_eq!(json.stderr, text.stderr, "same messages on stderr whatever the format");
    let v: Value = serde_json::from_str(&json.stdout).expect("JSON output parses");
    let p = &v["profiles"][0];
    assert_eq!(p["score"], Value::Null);
    assert_eq!(p["findings"], serde_json::json!([]));
    assert_eq!(p["passed"], serde_json::json!([]));
    assert_eq!(p["not_applicable"], serde_json::json!([]));
    assert_eq!(v["summary"]["invalid"], 1);
    let errors: Vec<(u32, u32, String)> = p["errors"]
        .as_array()
        .expect("errors list")
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap() as u32,
                e["column"].as_u64().unwrap() as u32,
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(errors, located, "JSON errors are the stderr errors");
    let snap = format!(
        "exit: {}\n--- stderr ---\n{}--- json profile ---\n{}\n",
        text.code,
        text.stderr,
        serde_json::to_string_pretty(p).unwrap()
    );
    (snap, located)
}

fn fixture(name: &str) -> (String, Vec<(u32, u32, String)>) {
    invalid(&format!("tests/fixtures/invalid/{name}.yaml"), Path::new(MANIFEST))
}

/// Check a fixture's single error position (verified by hand) and snapshot it.
macro_rules! case {
    ($test:ident, $name:literal, $line:literal : $col:literal, $needle:literal) => {
        #[test]
        fn $test() {
            let (snap, located) = fixture($name);
            assert_eq!(located.len(), 1, "{located:?}");
            let (line, col, msg) = &located[0];
            assert_eq!((*line, *col), ($line, $col), "{msg}");
            assert!(msg.contains($needle), "`{msg}` should contain `{}`", $needle);
            insta::assert_snapshot!($name, snap);
        }
    };
}

// `folowers:` starts line 2.
case!(unknown_key, "unknown-key-did-you-mean", 2:1, "did you mean `followers`");
// `  sett: true`: the key after two spaces.
case!(unknown_nested_key, "unknown-nested-key-did-you-mean", 2:3, "did you mean `set`");
// `  set: yes`: 2 spaces + `set: ` = 7 characters, value at 8.
case!(bool_yes, "bool-yes", 2:8, "write true or false");
// `  posts_per_month: "four"`: 2 + 17 characters, the quote at 20.
case!(string_for_number, "string-for-number", 2:20, "expected a number");
// `  - set: true`: the list starts at the dash.
case!(list_for_mapping, "list-for-mapping", 2:3, "must be a mapping");
// `  bio: 42`
case!(number_for_text, "number-for-text", 2:8, "expected text");
// `  who_can_follow: sometimes`: 2 + 16 characters.
case!(unknown_enum_value, "unknown-enum-value", 2:19, "`public`, `friends`");
// `  professional_contacts: -3`: 2 + 23 characters.
case!(negative_count, "negative-count", 2:26, "cannot be negative");
// The second `photo:` key.
case!(duplicate_key, "duplicate-key", 3:1, "duplicate key `photo`");
// The `---` line.
case!(second_document, "second-document", 3:1, "more than one YAML document");
case!(top_level_list, "top-level-list", 1:1, "not a list");
case!(top_level_scalar, "top-level-scalar", 1:1, "not a string");
// `version: 2`: the value after `version: `.
case!(version_2, "version-2", 1:10, "1 is the only version");
// `name: Jos` is 9 characters; the Latin-1 é is the 10th.
case!(not_utf8, "not-utf8", 1:10, "not valid UTF-8");
case!(yaml_syntax_error, "yaml-syntax-error", 2:6, "invalid YAML");

#[test]
fn several_problems_all_reported_sorted_by_position() {
    let (snap, located) = fixture("several-problems");
    let positions: Vec<(u32, u32)> = located.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(
        positions,
        [(3, 8), (4, 9), (6, 8), (7, 3), (9, 26), (10, 1), (13, 16)],
        "{located:#?}"
    );
    insta::assert_snapshot!("several-problems", snap);
}

#[test]
fn too_large_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("name: Big\n");
    while text.len() <= 1024 * 1024 {
        text.push_str("# padding padding padding padding padding padding padding\n");
    }
    std::fs::write(dir.path().join("too-large.yaml"), &text).unwrap();
    let (snap, located) = invalid("too-large.yaml", dir.path());
    assert_eq!(located.len(), 1);
    assert_eq!((located[0].0, located[0].1), (1, 1));
    assert!(located[0].2.contains("too large"), "{}", located[0].2);
    insta::assert_snapshot!("too-large", snap);
}

#[test]
fn too_large_on_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .args(["--no-config", "-"])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The tool may stop reading once over the limit; a broken pipe here is fine.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let chunk = vec![b'#'; 64 * 1024];
        for _ in 0..20 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("-:1:1: error: file too large"), "{err}");
}

#[test]
fn invalid_file_among_valid_ones() {
    let valid = "tests/fixtures/profiles/complete.yaml";
    let bad = "tests/fixtures/invalid/bool-yes.yaml";
    let other = "tests/fixtures/profiles/warnings-only.yaml";
    let r = run(&["--no-config", "--format", "json", valid, bad, other]);
    assert_eq!(r.code, 2, "an invalid file makes the exit code 2");
    assert_eq!(
        r.stderr,
        format!("{bad}:2:8: error: `yes` is not a boolean: write true or false\n")
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let profiles = v["profiles"].as_array().unwrap();
    let files: Vec<&str> = profiles.iter().map(|p| p["file"].as_str().unwrap()).collect();
    assert_eq!(files, [valid, bad, other], "every file is reported, in order");
    assert_eq!(profiles[0]["score"], 100);
    assert_eq!(profiles[1]["score"], Value::Null);
    assert!(profiles[2]["score"].as_u64().unwrap() < 100);
    assert!(!profiles[2]["findings"].as_array().unwrap().is_empty());
    assert_eq!(v["summary"]["profiles"], 3);
    assert_eq!(v["summary"]["invalid"], 1);

    // The text report shows the valid ones too.
    let r = run(&["--no-config", valid, bad]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("Jeanne Martin"), "{}", r.stdout);
    assert!(r.stdout.contains("100/100"), "{}", r.stdout);
    // The summary says in plain words how many files were not checked
    // (unreadable or invalid alike: it must not call a readable file unreadable).
    assert!(r.stdout.ends_with("in 2 profiles (1 not checked)\n"), "{}", r.stdout);
    let r = run(&[
        "--no-config",
        "--lang",
        "fr",
        valid,
        bad,
        "tests/fixtures/invalid/several-problems.yaml",
    ]);
    assert!(
        r.stdout.ends_with("dans 3 profils (dont 2 non vérifiés)\n"),
        "{}",
        r.stdout
    );
    // several-problems.yaml is valid YAML with invalid values: never « illisible ».
    assert!(!r.stdout.contains("illisible"), "{}", r.stdout);
}

#[test]
fn invalid_messages_in_french() {
    let r = run(&[
        "--no-config",
        "--lang",
        "fr",
        "tests/fixtures/invalid/several-problems.yaml",
    ]);
    assert_eq!(r.code, 2);
    insta::assert_snapshot!("several-problems-fr", r.stderr);
}

#[test]
fn null_values_are_missing_not_invalid() {
    // A half-filled template lints: `bio:`, `bio: ~`, `photo: null` are missing keys.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("template.yaml"),
        "name:\nphoto: null\nabout:\n  bio: ~\n  city:\nkeywords:\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["--no-config", "--format", "json", "template.yaml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["profiles"][0]["score"], 21, "same as an empty profile");
    assert_eq!(v["profiles"][0]["name"], "template");
}
