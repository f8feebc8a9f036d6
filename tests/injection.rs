//! Text from files reaches terminals and CI logs on one line and without a
//! control character: profile keys and values, waiver reasons, file names,
//! pack texts (titles, steps, why, fix, messages, examples) and config
//! values, on stderr and in every human-readable output (issue 10).

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

/// Every line of stdout and stderr is free of control characters and
/// Unicode line breaks, and none starts with a forged message.
fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for line in text.lines() {
            let bad = line
                .chars()
                .find(|&c| c != '\t' && c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{202e}'));
            assert!(bad.is_none(), "{what}: {stream} has {bad:?} in {line:?}");
            for forged in ["::stop-commands::", "x.yaml:1:1: error", "forged"] {
                assert!(
                    !line.trim_start().starts_with(forged),
                    "{what}: {stream} has a forged line {line:?}\n{text}"
                );
            }
        }
    }
}

const NASTY: &str = "\\nforged\\r\\u2028forged\\u2029forged\\x85forged\\e]0;pwned\\a\\e[2J\\0\\u202e";

/// A pack whose every text carries line breaks and terminal escapes.
fn nasty_pack() -> String {
    let escaped = NASTY.replace('\\', "\\\\");
    format!(
        r#"pack: nasty
title: "T{NASTY}"
description: "D{NASTY}"
steps:
  40: "S{NASTY}"
rules:
  - id: nasty-rule
    step: 40
    severity: error
    title: "Title{NASTY}"
    why: "Why{NASTY}"
    fix: ["Fix{NASTY}"]
    message: "Msg{NASTY}"
    check: {{path: about.bio, equals: "never"}}
    examples:
      # An example is YAML: its escapes reach the profile's key, quoted
      # by the error that `--verify` shows.
      pass: ["\"k{escaped}\": 1"]
  - id: stepless
    severity: warning
    title: "Stepless{NASTY}"
    check: {{path: about.bio, equals: "never"}}
"#
    )
}

#[test]
fn profile_keys_values_and_waiver_reasons_stay_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("key.yaml"), "name: K\n\"a\\n::stop-commands::tok\": 1\n").unwrap();
    std::fs::write(
        d.join("waiver.yaml"),
        "name: W\nwaivers:\n  photo-set: \"ok\\nx.yaml:1:1: error: forged\\e[2J\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("value.yaml"),
        "name: \"V\\nforged\\u2028forged\"\nlang: \"e\\nforged\"\n",
    )
    .unwrap();
    for format in ["text", "concise", "github"] {
        for file in ["key.yaml", "waiver.yaml", "value.yaml"] {
            let out = run(d, &["--no-config", "--format", format, file]);
            assert_clean(&format!("{format} {file}"), &out);
        }
    }
    let out = run(d, &["--no-config", "key.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(r"unknown key `a\n::stop-commands::tok`"), "{stderr}");
}

#[test]
fn file_names_stay_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = "evil\nx.yaml:1:1: error: forged\u{1b}[2J.yaml";
    std::fs::write(d.join(name), "photo: {set: maybe}\n").unwrap();
    let out = run(d, &["--no-config", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert_clean("a file name", &out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(r"evil\nx.yaml:1:1: error: forged\u{1b}[2J.yaml"),
        "{stderr}"
    );
    // As a pack and as a config.
    let out = run(d, &["--no-config", "--rules", name, "rules"]);
    assert_clean("a pack's file name", &out);
    let out = run(d, &["--config", name, "rules"]);
    assert_clean("a config's file name", &out);
}

#[test]
fn pack_texts_are_cleaned_everywhere_they_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("nasty.yaml"), nasty_pack()).unwrap();
    std::fs::write(d.join("p.yaml"), "name: P\nabout: {bio: hello}\n").unwrap();
    for args in [
        &["--no-config", "--rules", "nasty.yaml", "p.yaml"][..],
        &["--no-config", "--rules", "nasty.yaml", "--statistics", "p.yaml"],
        &["--no-config", "--rules", "nasty.yaml", "rules"],
        &["--no-config", "--rules", "nasty.yaml", "explain", "nasty-rule"],
        &["--no-config", "rules", "--verify", "nasty.yaml"],
    ] {
        let out = run(d, args);
        assert_clean(&args.join(" "), &out);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(r"\n"),
            "{args:?}: the pack's text is shown, escaped\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn config_values_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("p.yaml"), "name: P\n").unwrap();
    std::fs::write(
        d.join(".profilecheck.yaml"),
        "severity:\n  \"photo\\nforged\\e]0;t\\a\": off\nfail_on: \"x\\nforged\"\n",
    )
    .unwrap();
    let out = run(d, &["p.yaml"]);
    assert_clean("config values", &out);
    assert!(String::from_utf8_lossy(&out.stderr).contains(r"\n"));
}
