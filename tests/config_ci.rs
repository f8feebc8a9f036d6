//! What a consultant running profilecheck in CI relies on: the config file
//! (discovery, every key, located errors), `--report`, `--statistics`,
//! `--max-warnings`, waivers, colour control and `-q`.

mod common;

use common::{Out, json, run_in, write};
use serde_json::Value;
use std::path::Path;

/// A workspace: a config at the top, profiles in `clients/`, a house pack in `house/`.
fn workspace(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".profilecheck.yaml", config);
    write(
        dir.path(),
        "house/bio.yaml",
        "pack: house\nrules:\n  - {id: house-city, severity: warning, title: Say where you work, check: {path: about.city, present: true}}\n",
    );
    write(
        dir.path(),
        "clients/a.yaml",
        "name: A\nphoto: {set: true, kind: professional}\n",
    );
    write(dir.path(), "clients/b.yaml", "name: B\nabout: {city: Rennes}\n");
    dir
}

fn rule_ids(profile: &Value, key: &str) -> Vec<String> {
    profile[key]
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn config_is_found_in_a_parent_and_every_key_applies() {
    let dir = workspace(
        "lang: fr\npacks: [guide]\nrules: [house]\nseverity:\n  cover-photo: off\n  posting-rhythm: error\nfail_on: warning\n",
    );
    let sub = dir.path().join("clients");
    let out = run_in(&sub, &["-f", "json", "a.yaml", "b.yaml"], &[]);
    assert_eq!(out.code, 1, "fail_on: warning makes warnings fail\n{}", out.stderr);
    let report = json(&out);
    assert_eq!(report["lang"], "fr");
    let a = &report["profiles"][0];
    let findings = a["findings"].as_array().expect("findings");
    let ids: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default())
        .collect();
    // packs: [guide] leaves the privacy pack out; severity off removes cover-photo.
    assert!(
        !ids.contains(&"search-engines") && !ids.contains(&"personal-info-private"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"cover-photo") && !rule_ids(a, "passed").contains(&"cover-photo".into()));
    // The house pack is found relative to the config file, not the working directory.
    assert!(ids.contains(&"house-city"), "{ids:?}");
    assert!(rule_ids(&report["profiles"][1], "passed").contains(&"house-city".into()));
    let rhythm = findings
        .iter()
        .find(|f| f["rule"] == "posting-rhythm")
        .expect("posting-rhythm");
    assert_eq!(rhythm["severity"], "error");
    assert!(
        rhythm["title"].as_str().is_some_and(|t| t.contains("mois")),
        "French titles: {rhythm}"
    );

    // --no-config: all packs, English, default severities and threshold.
    let out = run_in(&sub, &["--no-config", "-f", "json", "a.yaml"], &[]);
    let report = json(&out);
    assert_eq!(report["lang"], "en");
    let ids: Vec<String> = report["profiles"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(ids.contains(&"cover-photo".into()) && ids.contains(&"search-engines".into()));
    assert_eq!(out.code, 1, "review-tagged-posts is an error finding");
}

#[test]
fn command_line_wins_over_the_config() {
    let dir = workspace("lang: fr\nfail_on: info\n");
    let out = run_in(
        dir.path(),
        &["--lang", "en", "--fail-on", "never", "clients/a.yaml"],
        &[],
    );
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Step 1"), "{}", out.stdout);
    // An explicit --config is used even where discovery would find another.
    write(dir.path(), "other.yaml", "lang: en\n");
    let out = run_in(dir.path(), &["--config", "other.yaml", "-q", "clients/a.yaml"], &[]);
    assert!(out.stdout.contains("Step 1"), "{}", out.stdout);
}

#[test]
fn config_problems_are_located_errors() {
    let dir = workspace("lang: de\nfail-on: warning\npacks: [guide, privcy]\nseverity: {cover-photo: loud}\n");
    let out = run_in(dir.path(), &["clients/b.yaml"], &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    insta::assert_snapshot!(out.stderr, @r"
    .profilecheck.yaml:1:7: error: unknown value `de`; expected one of `en`, `fr`
    .profilecheck.yaml:2:1: error: unknown key `fail-on`; did you mean `fail_on`?
    .profilecheck.yaml:3:16: error: unknown value `privcy`; expected one of `guide`, `privacy`
    .profilecheck.yaml:4:25: error: unknown value `loud`; expected one of `error`, `warning`, `info`, `off`
    ");
    // The profile is still linted and reported.
    assert!(out.stdout.contains("B — clients/b.yaml"), "{}", out.stdout);
}

#[test]
fn report_writes_more_formats_from_the_same_run() {
    let dir = workspace("{}\n");
    let out = run_in(
        dir.path(),
        &[
            "--report",
            "json=out/r.json",
            "--report",
            "sarif=out/r.sarif",
            "clients",
        ],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("A — clients/a.yaml"), "text stays on stdout");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/r.json")).expect("json"))
        .expect("valid JSON");
    assert_eq!(report["summary"]["profiles"], 2);
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/r.sarif")).expect("sarif"))
        .expect("valid SARIF JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let findings: usize = report["profiles"]
        .as_array()
        .expect("profiles")
        .iter()
        .map(|p| p["findings"].as_array().map_or(0, Vec::len))
        .sum();
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), findings);

    let out = run_in(dir.path(), &["--report", "yaml=x", "clients"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--report takes FORMAT=FILE"), "{}", out.stderr);
}

#[test]
fn statistics_count_profiles_missing_each_rule() {
    let dir = workspace("{}\n");
    let out = run_in(
        dir.path(),
        &[
            "--no-config",
            "--statistics",
            "-q",
            "--select",
            "photo-set,bio-filled",
            "clients",
        ],
        &[],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let stats = &out.stdout[out.stdout.find("Statistics").expect("statistics")..];
    insta::assert_snapshot!(stats, @r"
    Statistics: steps missed, over 2 valid profiles
           2  100%  bio-filled                 Write a short bio that says what you do
           1   50%  photo-set                  Add a profile picture
    ");
    // A misspelt --select would turn every rule off: a usage error, exit 2.
    let typo = run_in(
        dir.path(),
        &["--no-config", "--select", "photo-set,bio-filed", "clients"],
        &[],
    );
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr
            .contains("--select `bio-filed` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`); did you mean `bio-filled`?"),
        "{}",
        typo.stderr
    );
    // JSON carries them itself (docs/formats.md), most missed first, then by id.
    let out = run_in(
        dir.path(),
        &[
            "--no-config",
            "--statistics",
            "-f",
            "json",
            "--select",
            "photo-set,bio-filled",
            "clients",
        ],
        &[],
    );
    let v = json(&out);
    assert_eq!(
        v["statistics"],
        serde_json::json!([
            {"rule": "bio-filled", "missed": 2, "profiles": 2},
            {"rule": "photo-set", "missed": 1, "profiles": 2},
        ])
    );
    assert!(!out.stderr.contains("Statistics"), "{}", out.stderr);
    // Formats that cannot carry them still get them, on stderr.
    let out = run_in(
        dir.path(),
        &["--no-config", "--statistics", "-f", "sarif", "clients"],
        &[],
    );
    json(&out);
    assert!(
        out.stderr.contains("Statistics: steps missed, over 2 valid profiles"),
        "{}",
        out.stderr
    );
}

#[test]
fn max_warnings_fails_the_run_whatever_fail_on_says() {
    let dir = workspace("{}\n");
    let args = [
        "--no-config",
        "--fail-on",
        "never",
        "-q",
        "--select",
        "bio-filled,alternate-name",
        "clients/a.yaml",
    ];
    assert_eq!(run_in(dir.path(), &args, &[]).code, 0);
    let mut with_max = args.to_vec();
    with_max.extend(["--max-warnings", "2"]);
    assert_eq!(
        run_in(dir.path(), &with_max, &[]).code,
        0,
        "2 warnings is not more than 2"
    );
    with_max.pop();
    with_max.push("1");
    let out = run_in(dir.path(), &with_max, &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("2 warnings, more than --max-warnings 1"),
        "{}",
        out.stderr
    );
}

#[test]
fn waivers_are_reported_with_their_reason_and_unknown_ones_warned() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "w.yaml",
        "name: W\nwaivers:\n  professional-mode: \"Uses a Page\"\n  profesional-mode: typo\n",
    );
    let out = run_in(dir.path(), &["--no-config", "-f", "json", "w.yaml"], &[]);
    let p = &json(&out)["profiles"][0];
    assert_eq!(
        p["waived"],
        serde_json::json!([{"rule": "professional-mode", "reason": "Uses a Page"}])
    );
    assert!(!rule_ids(p, "passed").contains(&"professional-mode".into()));
    assert!(
        p["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["rule"] != "professional-mode")
    );
    assert_eq!(
        out.stderr.trim(),
        "w.yaml:4:3: warning: unknown rule in waivers: `profesional-mode`; did you mean `professional-mode`?"
    );
    let text = run_in(dir.path(), &["--no-config", "w.yaml"], &[("NO_COLOR", "1")]);
    assert!(
        text.stdout.contains("professional-mode        Uses a Page"),
        "{}",
        text.stdout
    );
}

#[test]
fn colour_follows_the_terminal_and_the_environment() {
    let dir = workspace("{}\n");
    let esc = |o: &Out| o.stdout.contains('\u{1b}');
    // stdout is a pipe here: no colour unless asked for.
    assert!(!esc(&run_in(dir.path(), &["clients/a.yaml"], &[])));
    assert!(esc(&run_in(dir.path(), &["--color", "always", "clients/a.yaml"], &[])));
    assert!(esc(&run_in(dir.path(), &["clients/a.yaml"], &[("FORCE_COLOR", "1")])));
    assert!(!esc(&run_in(
        dir.path(),
        &["--color", "never", "clients/a.yaml"],
        &[("FORCE_COLOR", "1")]
    )));
}

#[test]
fn quiet_shows_only_profiles_with_findings_and_no_fix_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let complete =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/complete.yaml")).expect("example");
    write(dir.path(), "complete.yaml", &complete);
    write(dir.path(), "empty.yaml", "name: E\n");
    let out = run_in(dir.path(), &["--no-config", "-q", "complete.yaml", "empty.yaml"], &[]);
    assert!(!out.stdout.contains("complete.yaml"), "{}", out.stdout);
    assert!(out.stdout.contains("E — empty.yaml"));
    assert!(!out.stdout.contains("1. "), "no fix steps with -q:\n{}", out.stdout);
    assert!(!out.stdout.contains(" in 2 profiles"), "no summary with -q");
}
