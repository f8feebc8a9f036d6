//! The command line as a user and a CI script see it (docs/cli.md, docs/formats.md): exit codes,
//! `--fail-on`, rule selection, language precedence, file discovery, stdin,
//! `-o`, the JSON shape, and the `rules`/`explain`/`--help` outputs. Every run
//! sets `NO_COLOR=1`, `LANG=C` and `--no-config` unless it tests them.

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
const COMPLETE: &str = "tests/fixtures/profiles/complete.yaml";
const WARNINGS: &str = "tests/fixtures/profiles/warnings-only.yaml";
const FRENCH: &str = "tests/fixtures/profiles/french.yaml";

#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn exec(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("FORCE_COLOR")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    if let Some(data) = stdin {
        pipe.write_all(data).expect("write stdin");
    }
    drop(pipe);
    let out = child.wait_with_output().expect("wait");
    Out {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
    }
}

fn run(args: &[&str]) -> Out {
    exec(Path::new(MANIFEST), args, &[], None)
}

fn json(out: &Out) -> Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
}

fn rules_of(p: &Value, key: &str) -> BTreeSet<String> {
    p[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is a list"))
        .iter()
        .map(|v| if key == "findings" { &v["rule"] } else { v })
        .map(|v| v.as_str().expect("rule id").to_owned())
        .collect()
}

/// A profile in a temp dir; returns (dir, file name).
fn temp_profile(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

/// complete.yaml without a cover photo: a single `info` finding.
fn info_only() -> tempfile::TempDir {
    let text = std::fs::read_to_string(Path::new(MANIFEST).join(COMPLETE))
        .unwrap()
        .replace("  cover: true\n", "");
    temp_profile("info.yaml", &text)
}

// ------------------------------------------------------------------ exit codes

#[test]
fn exit_0_when_clean() {
    let o = run(&["--no-config", COMPLETE]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    assert!(o.stdout.contains("Jeanne Martin"), "{}", o.stdout);
    assert!(o.stdout.contains("100/100"), "{}", o.stdout);
}

#[test]
fn exit_1_on_an_error_finding() {
    let o = run(&["--no-config", FRENCH]);
    assert_eq!((o.code, o.stderr.as_str()), (1, ""));
}

#[test]
fn exit_0_on_warnings_by_default() {
    let o = run(&["--no-config", WARNINGS]);
    assert_eq!(o.code, 0, "default --fail-on is error");
    assert!(o.stdout.contains("warning"), "{}", o.stdout);
}

#[test]
fn exit_2_on_invalid_profile_and_usage_errors() {
    assert_eq!(run(&["--no-config", "tests/fixtures/invalid/bool-yes.yaml"]).code, 2);
    let o = run(&["--no-config", "--no-such-flag", COMPLETE]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("--no-such-flag"), "{}", o.stderr);
    assert_eq!(run(&["--no-config", "--fail-on", "sometimes", COMPLETE]).code, 2);
    let o = run(&["--no-config"]);
    assert_eq!(o.code, 2, "no path given");
    assert!(o.stderr.contains("no profile given"), "{}", o.stderr);
    let o = run(&["--no-config", "tests/fixtures/profiles/no-such-file.yaml"]);
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "tests/fixtures/profiles/no-such-file.yaml:1:1: error: no such file or directory\n"
    );
}

#[test]
fn fail_on_levels() {
    let info = info_only();
    let d = info.path();
    let code = |extra: &[&str]| {
        let mut args = vec!["--no-config"];
        args.extend_from_slice(extra);
        args.push("info.yaml");
        exec(d, &args, &[], None).code
    };
    assert_eq!(code(&[]), 0, "info finding, default error");
    assert_eq!(code(&["--fail-on", "warning"]), 0, "info is below warning");
    assert_eq!(code(&["--fail-on", "info"]), 1);
    assert_eq!(code(&["--fail-on", "never"]), 0);

    assert_eq!(run(&["--no-config", "--fail-on", "warning", WARNINGS]).code, 1);
    assert_eq!(run(&["--no-config", "--fail-on", "error", WARNINGS]).code, 0);
    assert_eq!(run(&["--no-config", "--fail-on", "never", FRENCH]).code, 0);
    assert_eq!(run(&["--no-config", "--fail-on", "info", COMPLETE]).code, 0);
    // `never` does not hide an invalid file.
    assert_eq!(
        run(&[
            "--no-config",
            "--fail-on",
            "never",
            "tests/fixtures/invalid/bool-yes.yaml"
        ])
        .code,
        2
    );
}

// ------------------------------------------------------------------ selection

#[test]
fn select_and_ignore_take_comma_separated_ids() {
    let o = run(&[
        "--no-config",
        "--format",
        "json",
        "--select",
        "photo-set,cover-photo,bio-length",
        FRENCH,
    ]);
    let p = &json(&o)["profiles"][0];
    assert_eq!(
        rules_of(p, "findings"),
        ["cover-photo", "photo-set"].map(String::from).into()
    );
    assert_eq!(rules_of(p, "passed"), BTreeSet::new());
    assert_eq!(rules_of(p, "not_applicable"), ["bio-length"].map(String::from).into());
    assert_eq!(p["score"], 0);

    let o = run(&[
        "--no-config",
        "--format",
        "json",
        "--ignore",
        "photo-set,review-tagged-posts",
        FRENCH,
    ]);
    assert_eq!(o.code, 0, "no error-level rule left failing");
    let p = &json(&o)["profiles"][0];
    let seen: BTreeSet<String> = ["findings", "passed", "not_applicable"]
        .iter()
        .flat_map(|k| rules_of(p, k))
        .collect();
    assert_eq!(seen.len(), 27);
    assert!(!seen.contains("photo-set") && !seen.contains("review-tagged-posts"));
}

// ------------------------------------------------------------------ language

fn lang_of(out: &Out) -> (String, String) {
    let p = &json(out)["profiles"][0];
    let title = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "photo-set")
        .map(|f| f["title"].as_str().unwrap().to_owned())
        .unwrap_or_default();
    (p["lang"].as_str().unwrap().to_owned(), title)
}

#[test]
fn language_precedence() {
    let no_lang = temp_profile("p.yaml", "photo: {set: false}\n");
    let en_profile = temp_profile("p.yaml", "lang: en\nphoto: {set: false}\n");
    let fr_locale = [("LANG", "fr_FR.UTF-8")];
    let args = ["--no-config", "--format", "json", "p.yaml"];
    let fr_title = "Ajoutez une photo de profil";
    let en_title = "Add a profile picture";

    // Locale: C gives English, fr_FR gives French.
    let o = exec(no_lang.path(), &args, &[], None);
    assert_eq!(lang_of(&o), ("en".into(), en_title.into()));
    let o = exec(no_lang.path(), &args, &fr_locale, None);
    assert_eq!(lang_of(&o), ("fr".into(), fr_title.into()));
    // LC_ALL wins over LANG.
    let o = exec(no_lang.path(), &args, &[("LANG", "C"), ("LC_ALL", "fr_CA.UTF-8")], None);
    assert_eq!(lang_of(&o).0, "fr");
    // The profile's `lang` wins over the locale.
    let o = exec(en_profile.path(), &args, &fr_locale, None);
    assert_eq!(lang_of(&o), ("en".into(), en_title.into()));
    let o = run(&["--no-config", "--format", "json", FRENCH]);
    assert_eq!(lang_of(&o), ("fr".into(), fr_title.into()));
    // --lang wins over both.
    let o = exec(
        en_profile.path(),
        &["--no-config", "--lang", "fr", "--format", "json", "p.yaml"],
        &[],
        None,
    );
    assert_eq!(lang_of(&o), ("fr".into(), fr_title.into()));
    let o = run(&["--no-config", "--lang", "en", "--format", "json", FRENCH]);
    assert_eq!(lang_of(&o), ("en".into(), en_title.into()));
    let o = exec(
        no_lang.path(),
        &["--no-config", "--lang", "en", "--format", "json", "p.yaml"],
        &fr_locale,
        None,
    );
    assert_eq!(lang_of(&o).0, "en");
}

#[test]
fn text_report_in_french() {
    let o = run(&[
        "--no-config",
        "--lang",
        "fr",
        "--select",
        "photo-set,cover-photo",
        FRENCH,
    ]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("Ajoutez une photo de profil"), "{}", o.stdout);
    assert!(!o.stdout.contains("Add a profile picture"), "{}", o.stdout);
}

// ------------------------------------------------------------------ inputs

#[test]
fn directories_are_recursive_sorted_and_skip_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = "photo: {set: true}\n";
    for f in [
        "b.yaml",
        "a.yml",
        "sub/c.yaml",
        "sub/deeper/a.yaml",
        ".hidden.yaml",
        ".git/d.yaml",
    ] {
        let path = d.join("clients").join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, p).unwrap();
    }
    std::fs::write(d.join("clients/notes.txt"), "not a profile").unwrap();
    std::fs::write(d.join("clients/readme.md"), "# no").unwrap();
    let o = exec(d, &["--no-config", "--format", "json", "clients"], &[], None);
    assert_eq!(o.stderr, "");
    let files: Vec<String> = json(&o)["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        files,
        [
            "clients/a.yml",
            "clients/b.yaml",
            "clients/sub/c.yaml",
            "clients/sub/deeper/a.yaml"
        ]
    );
    // A file and a folder together keep command-line order.
    let o = exec(
        d,
        &["--no-config", "--format", "json", "clients/sub", "clients/b.yaml"],
        &[],
        None,
    );
    let files: Vec<&str> = json(&o)["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .map(|s| {
            if s.ends_with("c.yaml") {
                "c"
            } else if s.ends_with("b.yaml") {
                "b"
            } else {
                "a"
            }
        })
        .collect();
    assert_eq!(files, ["c", "a", "b"]);
}

#[test]
fn dash_reads_stdin() {
    let text = std::fs::read(Path::new(MANIFEST).join(COMPLETE)).unwrap();
    let o = exec(
        Path::new(MANIFEST),
        &["--no-config", "--format", "json", "-"],
        &[],
        Some(&text),
    );
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    let p = &json(&o)["profiles"][0];
    assert_eq!(
        (p["file"].as_str(), p["name"].as_str(), p["score"].as_u64()),
        (Some("-"), Some("Jeanne Martin"), Some(100))
    );
    // Without a name, stdin is called "stdin"; errors are located on `-`
    // (`photo: {set: ` is 13 characters, the value is the 14th).
    let o = exec(
        Path::new(MANIFEST),
        &["--no-config", "-"],
        &[],
        Some(b"photo: {set: maybe}\n"),
    );
    assert_eq!(o.code, 2);
    assert_eq!(
        o.stderr,
        "-:1:14: error: `maybe` is not a boolean: write true or false\n"
    );
    let o = exec(
        Path::new(MANIFEST),
        &["--no-config", "--format", "json", "-"],
        &[],
        Some(b"photo: {set: true}\n"),
    );
    assert_eq!(json(&o)["profiles"][0]["name"], "stdin");
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("report.json");
    let to_stdout = run(&["--no-config", "--format", "json", WARNINGS]);
    let o = run(&[
        "--no-config",
        "--format",
        "json",
        "-o",
        dest.to_str().unwrap(),
        WARNINGS,
    ]);
    assert_eq!((o.code, o.stdout.as_str(), o.stderr.as_str()), (0, "", ""));
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), to_stdout.stdout);
    // Written atomically: no temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.json"]);
    // An existing file is replaced; the exit code still reflects the findings.
    let o = run(&["--no-config", "--output", dest.to_str().unwrap(), FRENCH]);
    assert_eq!(o.code, 1);
    assert!(std::fs::read_to_string(&dest).unwrap().contains("Lucie Bernard"));
}

// ------------------------------------------------------------------ JSON shape (docs/formats.md)

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().expect("an object").keys().map(String::as_str).collect()
}

#[test]
fn json_shape() {
    let o = run(&[
        "--no-config",
        "--format",
        "json",
        WARNINGS,
        "tests/fixtures/invalid/bool-yes.yaml",
    ]);
    assert_eq!(o.code, 2);
    let v = json(&o);
    for k in ["tool", "version", "lang", "profiles", "summary"] {
        assert!(keys(&v).contains(k), "top-level `{k}`");
    }
    assert_eq!(v["tool"], "profilecheck");
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["lang"], "en");
    let profiles = v["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2);
    for p in profiles {
        for k in [
            "file",
            "name",
            "score",
            "findings",
            "passed",
            "not_applicable",
            "waived",
            "errors",
        ] {
            assert!(keys(p).contains(k), "profile `{k}`");
        }
    }
    let good = &profiles[0];
    assert_eq!(good["name"], "Paul Durand");
    assert!(good["score"].is_u64());
    let findings = good["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(
            keys(f),
            [
                "column", "line", "message", "pack", "path", "rule", "severity", "step", "title"
            ]
            .into()
        );
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["line"].as_u64().unwrap() >= 1 && f["column"].as_u64().unwrap() >= 1);
    }
    let order: Vec<(u64, u64, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "findings sorted by line, column, rule");
    let bad = &profiles[1];
    assert_eq!(bad["score"], Value::Null);
    assert_eq!(keys(&bad["errors"][0]), ["column", "line", "message"].into());

    let s = &v["summary"];
    assert_eq!(
        keys(s),
        ["config_errors", "errors", "infos", "invalid", "profiles", "warnings"].into()
    );
    assert_eq!(s["config_errors"], 0);
    assert_eq!(v["errors"], serde_json::json!([]));
    let count = |sev: &str| findings.iter().filter(|f| f["severity"] == sev).count() as u64;
    assert_eq!(s["profiles"], 2);
    assert_eq!(s["invalid"], 1);
    assert_eq!(s["errors"].as_u64(), Some(count("error")));
    assert_eq!(s["warnings"].as_u64(), Some(count("warning")));
    assert_eq!(s["infos"].as_u64(), Some(count("info")));
}

#[test]
fn waivers_in_json_and_unknown_waiver_warning() {
    let dir = temp_profile(
        "p.yaml",
        "name: W\nwaivers:\n  professional-mode: \"Uses a Page for business\"\n  profesional-mode2: typo\n",
    );
    let o = exec(dir.path(), &["--no-config", "--format", "json", "p.yaml"], &[], None);
    assert_eq!(o.code, 1, "still fails on other rules, but the waiver is not an error");
    assert_eq!(
        o.stderr,
        "p.yaml:4:3: warning: unknown rule in waivers: `profesional-mode2`; did you mean `professional-mode`?\n"
    );
    let p = &json(&o)["profiles"][0];
    assert_eq!(
        p["waived"],
        serde_json::json!([{"rule": "professional-mode", "reason": "Uses a Page for business"}])
    );
    assert!(!rules_of(p, "findings").contains("professional-mode"));
    assert!(!rules_of(p, "passed").contains("professional-mode"));
}

// ------------------------------------------------------------------ subcommands

#[test]
fn rules_lists_every_rule() {
    let o = run(&["rules", "--no-config"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("rules-text", o.stdout);
}

#[test]
fn rules_as_json() {
    let o = run(&["rules", "--format", "json", "--no-config"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    let v = json(&o);
    let rules = v["rules"].as_array().expect("rules list");
    assert_eq!(rules.len(), 29);
    for r in rules {
        for k in ["id", "pack", "step", "severity", "title", "why", "fix", "check"] {
            assert!(keys(r).contains(k), "rule `{k}`");
        }
        assert!(r["title"]["en"].is_string() && r["title"]["fr"].is_string());
    }
    let first = &rules[0];
    assert_eq!(
        (&first["id"], &first["pack"], &first["step"], &first["severity"]),
        (
            &Value::from("photo-set"),
            &Value::from("guide"),
            &Value::from(1),
            &Value::from("error")
        )
    );
    let last = &rules[28];
    assert_eq!(
        (&last["id"], &last["step"]),
        (&Value::from("search-engines"), &Value::Null)
    );
}

#[test]
fn rules_lists_custom_packs_too() {
    let o = run(&[
        "rules",
        "--no-config",
        "--rules",
        "tests/fixtures/packs/brand-disclaimer.yaml",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("Pack brand"), "{}", o.stdout);
    assert!(o.stdout.contains("brand-disclaimer"), "{}", o.stdout);
}

#[test]
fn explain_a_rule() {
    let o = run(&["explain", "bio-length", "--no-config"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("explain-bio-length", o.stdout);
    let fr = run(&["explain", "bio-length", "--lang", "fr", "--no-config"]);
    assert_eq!(fr.code, 0);
    assert!(fr.stdout.contains("Pourquoi"), "{}", fr.stdout);
}

#[test]
fn explain_unknown_rule_suggests() {
    let o = run(&["explain", "photo-st", "--no-config"]);
    assert_eq!(o.code, 2);
    assert_eq!(o.stdout, "");
    assert_eq!(
        o.stderr,
        "profilecheck: error: unknown rule `photo-st`; did you mean `photo-set`?\n"
    );
    let o = run(&["explain", "zzzz", "--no-config"]);
    assert_eq!(
        (o.code, o.stderr.as_str()),
        (2, "profilecheck: error: unknown rule `zzzz`\n")
    );
}

#[test]
fn help() {
    let o = run(&["--help"]);
    assert_eq!(o.code, 0);
    insta::assert_snapshot!("help", o.stdout);
}

#[test]
fn help_goes_to_stdout_only() {
    let o = run(&["--help"]);
    assert_eq!(o.stderr, "");
}

#[test]
fn global_flag_before_subcommand() {
    let o = run(&["--no-config", "rules"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
    assert!(o.stdout.contains("photo-set"));
}

/// `-o` replaces a regular file atomically and leaves no temporary file; a
/// symlink keeps pointing at its (rewritten) target; a FIFO stays a FIFO and
/// receives the report; a directory is an error.
#[cfg(unix)] // symlinks and a FIFO
#[test]
fn output_file_targets() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let complete = Path::new(MANIFEST).join(COMPLETE);
    let complete = complete.to_str().expect("utf-8 path");

    let report = dir.path().join("report.txt");
    std::fs::write(&report, "old report\n").expect("write");
    let out = exec(dir.path(), &["--no-config", complete, "-o", "report.txt"], &[], None);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    assert!(
        std::fs::read_to_string(&report)
            .expect("read")
            .contains("score 100/100")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let target = dir.path().join("real.json");
    std::os::unix::fs::symlink("real.json", dir.path().join("link.json")).expect("symlink");
    let out = exec(
        dir.path(),
        &["--no-config", "-f", "json", complete, "-o", "link.json"],
        &[],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let meta = std::fs::symlink_metadata(dir.path().join("link.json")).expect("meta");
    assert!(meta.file_type().is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("\"score\":100")
    );

    let fifo = dir.path().join("out.fifo");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    let out = exec(dir.path(), &["--no-config", complete, "-o", "out.fifo"], &[], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(reader.join().expect("reader").contains("score 100/100"));
    assert!(std::fs::symlink_metadata(&fifo).expect("meta").file_type().is_fifo());

    let out = exec(dir.path(), &["--no-config", complete, "-o", "."], &[], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains(".: is a folder"), "{}", out.stderr);
}

/// A report aimed at one of the profiles being checked is refused before
/// anything is written; the profile is untouched.
#[test]
fn output_over_an_input_profile_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = dir.path().join("victim.yaml");
    std::fs::write(&profile, "name: Victim\n").expect("write");
    for args in [
        ["--no-config", "victim.yaml", "-o", "victim.yaml"],
        ["--no-config", ".", "--report", "json=./victim.yaml"],
    ] {
        let out = exec(dir.path(), &args, &[], None);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(
            out.stderr.contains("is one of the profiles being checked"),
            "{}",
            out.stderr
        );
        assert_eq!(std::fs::read_to_string(&profile).expect("read"), "name: Victim\n");
    }
}

/// A misspelt path in CI is an error, not a green run over 0 profiles; a
/// folder that exists but holds no profile is a note and exit 0 (issue 26:
/// a commit of files that are not profiles must pass the hook); extensions
/// are matched whatever their case.
#[test]
fn no_profile_found_is_a_note_a_missing_path_an_error_and_extensions_ignore_case() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let out = exec(dir.path(), &["--no-config", "empty"], &[], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("no profile to check"), "{}", out.stderr);
    let out = exec(dir.path(), &["--no-config", "emtpy"], &[], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("emtpy:1:1: error:"), "{}", out.stderr);
    std::fs::write(dir.path().join("empty/UPPER.YAML"), "name: U\n").expect("write");
    let out = exec(
        dir.path(),
        &["--no-config", "-f", "json", "--fail-on", "never", "empty"],
        &[],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json(&out)["profiles"][0]["file"], "empty/UPPER.YAML");
}

/// Control characters from a profile never reach the terminal: a name or
/// value carrying ESC sequences is shown with each control character escaped
/// (`\u{1b}`), so what the file holds stays visible.
#[test]
fn control_characters_from_profiles_are_not_echoed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("esc.yaml"),
        "name: \"Evil\\e[31mRED\"\nphoto: {set: \"\\e[2J\"}\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("ok.yaml"), "name: \"Evil\\e[31mRED\\a\"\n").expect("write");
    let out = exec(dir.path(), &["--no-config", "esc.yaml", "ok.yaml"], &[], None);
    assert!(
        !out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{7}'),
        "{:?}",
        out.stdout
    );
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    assert!(
        out.stdout.contains("Evil\\u{1b}[31mRED\\u{7} — ok.yaml"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("esc.yaml:2:14: error: `\\u{1b}[2J` is not a boolean"),
        "{}",
        out.stderr
    );
}

/// `--select "a, b"` tolerates spaces; stdin named twice is read once.
#[test]
fn select_trims_ids_and_stdin_counts_once() {
    let out = exec(
        Path::new(MANIFEST),
        &[
            "--no-config",
            "-f",
            "json",
            "--select",
            "photo-set, bio-filled",
            "-",
            "-",
        ],
        &[],
        Some(b"name: S\n"),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = json(&out);
    assert_eq!(report["summary"]["profiles"], 1);
    let p = &report["profiles"][0];
    let ids: BTreeSet<String> = rules_of(p, "findings");
    assert_eq!(ids, ["bio-filled", "photo-set"].map(String::from).into());
}
