//! Contract 1.1 on the command line (docs/cli.md, issue 9): config per profile
//! as ruff finds it, excludes, packs never linted, selection by pack, step
//! and glob, --fail-under, concise, --output-dir, statistics, configuration
//! problems in every format, help in every language, `rules PACK`, `rules
//! --verify --format json`, the severity in force in `explain`, hashtags,
//! and walks that stay in the tree.

mod common;

use common::{json, run_in, write};
use serde_json::Value;
use std::process::Command;

const HOUSE: &str = "pack: house\nrules:\n  - {id: house-city, severity: error, title: Say where you work, check: {path: about.city, present: true}}\n";
const NADIA: &str = "name: Nadia\nphoto: {set: true, kind: professional}\n";

/// A consultant's tree: `telexa/` has its own config (house pack, fail_on,
/// severities, excludes); `other/` has none.
fn consultant() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "telexa/.profilecheck.yaml",
        "rules: [house/]\nfail_on: never\nseverity:\n  privacy: info\n  photo-*: warning\nexclude: [drafts/]\n",
    );
    write(d, "telexa/house/city.yaml", HOUSE);
    write(d, "telexa/agents/nadia.yaml", NADIA);
    write(d, "telexa/drafts/wip.yaml", "name: WIP\n");
    write(d, "other/o.yaml", "name: Other\n");
    dir
}

fn files(v: &Value) -> Vec<String> {
    v["profiles"]
        .as_array()
        .expect("profiles")
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect()
}

fn rules_of(v: &Value, i: usize) -> Vec<String> {
    v["profiles"][i]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn each_profile_uses_its_nearest_config() {
    let dir = consultant();
    // From the parent folder, nadia still gets telexa's house pack.
    let out = run_in(
        dir.path(),
        &["-f", "json", "-v", "telexa/agents/nadia.yaml", "other"],
        &[],
    );
    let v = json(&out);
    assert_eq!(files(&v), ["telexa/agents/nadia.yaml", "other/o.yaml"]);
    assert!(rules_of(&v, 0).contains(&"house-city".to_owned()));
    assert!(!rules_of(&v, 1).contains(&"house-city".to_owned()));
    // `privacy: info` applies under telexa only.
    let sev = |i: usize, rule: &str| {
        v["profiles"][i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["severity"].as_str().unwrap().to_owned())
    };
    assert_eq!(sev(0, "search-engines").as_deref(), Some("info"));
    // fail_on: never under telexa, error (the default) elsewhere: other fails.
    assert_eq!(out.code, 1, "{}", out.stderr);
    // -v says which config each profile uses.
    assert!(
        out.stderr
            .contains("profilecheck: telexa/agents/nadia.yaml uses telexa/.profilecheck.yaml"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("profilecheck: other/o.yaml uses no config (built-in defaults)"),
        "{}",
        out.stderr
    );
    // Alone, nadia passes under telexa's fail_on: never.
    let out = run_in(dir.path(), &["-q", "telexa/agents/nadia.yaml"], &[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    // --config applies to every profile; --no-config to none.
    write(dir.path(), "plain.yaml", "fail_on: never\n");
    let out = run_in(
        dir.path(),
        &["-q", "--config", "plain.yaml", "-f", "json", "telexa/agents"],
        &[],
    );
    assert!(!rules_of(&json(&out), 0).contains(&"house-city".to_owned()));
    // stdin uses the current directory's config.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
    let child = cmd
        .current_dir(dir.path().join("telexa"))
        .args(["-f", "json", "-"])
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.as_ref().unwrap().write_all(NADIA.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(rules_of(&v, 0).contains(&"house-city".to_owned()));
}

#[test]
fn walks_skip_excludes_and_packs() {
    let dir = consultant();
    // The config's packs and `exclude:` entries are never linted as profiles.
    let out = run_in(dir.path(), &["-f", "json", "."], &[]);
    assert_eq!(files(&json(&out)), ["./other/o.yaml", "./telexa/agents/nadia.yaml"]);
    // --exclude does the same from the command line, relative to the path walked.
    let out = run_in(dir.path(), &["-f", "json", "--exclude", "other", "."], &[]);
    assert_eq!(files(&json(&out)), ["./telexa/agents/nadia.yaml"]);
    let out = run_in(dir.path(), &["-f", "json", "--exclude", "**/nadia.yaml", "telexa"], &[]);
    // No profile left: a note and exit 0 (issue 26: a commit of files that
    // are not profiles passes the hook); a missing path stays an error.
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("no profile to check"), "{}", out.stderr);
}

#[cfg(unix)] // a symbolic link out of the tree
#[test]
fn walks_stay_in_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "outside/secret.yaml", "root:$6$hash: x\n");
    write(d, "repo/p.yaml", NADIA);
    std::os::unix::fs::symlink(d.join("outside"), d.join("repo/link")).unwrap();
    let out = run_in(d, &["--no-config", "-f", "json", "repo"], &[]);
    assert_eq!(files(&json(&out)), ["repo/p.yaml"]);
    assert!(!out.stderr.contains("root:"), "{}", out.stderr);
    // -L follows it; the unknown key is quoted as a short, clean excerpt.
    write(d, "outside/secret.yaml", &format!("{}: x\n", "k".repeat(300)));
    let out = run_in(d, &["--no-config", "-L", "-f", "json", "repo"], &[]);
    assert_eq!(files(&json(&out)), ["repo/link/secret.yaml", "repo/p.yaml"]);
    let line = out
        .stderr
        .lines()
        .find(|l| l.contains("unknown key"))
        .expect("unknown key");
    assert!(line.len() < 300, "{line}");
    assert!(line.contains(&format!("`{}…`", "k".repeat(40))), "{line}");
    // A link named on the command line is followed.
    let out = run_in(d, &["--no-config", "-f", "json", "repo/link"], &[]);
    assert_eq!(files(&json(&out)), ["repo/link/secret.yaml"]);
}

#[cfg(unix)] // built by a Unix shell, past PATH_MAX
#[test]
fn deep_trees_are_walked_in_linear_time_and_too_deep_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // 1,500 levels of `dd/`: 4,500 bytes, deeper than PATH_MAX (4,096). The
    // shell's relative `cd` gets there where a full path cannot, 500 levels
    // at a time (a `mkdir` per level takes minutes on an overlay disk).
    let made = Command::new("bash")
        .current_dir(dir.path())
        .args([
            "-c",
            "p=$(printf 'dd/%.0s' $(seq 1 500)); echo 'name: Top' > top.yaml; \
             mkdir -p \"$p\" && echo 'name: Mid' > \"$(printf 'dd/%.0s' $(seq 1 100))mid.yaml\" || exit 1; \
             for k in 1 2 3; do mkdir -p \"$p\" && cd \"$p\" || exit 1; done; echo 'name: Deep' > deep.yaml",
        ])
        .status()
        .unwrap();
    assert!(made.success());
    let start = std::time::Instant::now();
    let out = run_in(
        dir.path(),
        &["--no-config", "-f", "json", "--fail-on", "never", "."],
        &[],
    );
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    let v = json(&out);
    let names = files(&v);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("/dd/mid.yaml")), "{names:?}");
    assert!(
        names.iter().any(|n| n.ends_with("/dd") && n.len() > 4000),
        "the folder too deep to list is reported"
    );
    assert_eq!(names[2], "./top.yaml");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("PATH_MAX"), "{}", out.stderr);
}

#[test]
fn selection_by_pack_step_and_glob() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", "name: P\n");
    let ids = |args: &[&str]| -> (i32, Vec<String>) {
        let mut a = vec!["--no-config", "-f", "json", "--fail-on", "never"];
        a.extend_from_slice(args);
        a.push("p.yaml");
        let out = run_in(dir.path(), &a, &[]);
        let v = json(&out);
        let mut r: Vec<String> = rules_of(&v, 0);
        r.extend(
            v["profiles"][0]["passed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_owned()),
        );
        r.sort();
        r.dedup();
        (out.code, r)
    };
    let (_, privacy) = ids(&["--select", "privacy"]);
    assert!(
        !privacy.is_empty() && privacy.iter().all(|r| !r.starts_with("photo")),
        "{privacy:?}"
    );
    let (_, photo) = ids(&["--select", "photo-*"]);
    assert!(
        !photo.is_empty() && photo.iter().all(|r| r.starts_with("photo-")),
        "{photo:?}"
    );
    let (_, step1) = ids(&["--select", "step:1"]);
    assert!(step1.contains(&"photo-set".to_owned()), "{step1:?}");
    let (_, both) = ids(&["--select", "step:1,privacy", "--ignore", "photo-*"]);
    assert!(!both.iter().any(|r| r.starts_with("photo-")), "{both:?}");
    assert!(both.len() > privacy.len(), "{both:?}");
    // A value that names nothing: exit 2 with a did-you-mean.
    let out = run_in(dir.path(), &["--no-config", "--select", "Privacy", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr.trim(), @"profilecheck: error: --select `Privacy` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`); did you mean `privacy`?");
    let out = run_in(dir.path(), &["--no-config", "--ignore", "step:99", "p.yaml"], &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // The same in the config's severity, located at its line.
    write(
        dir.path(),
        ".profilecheck.yaml",
        "severity:\n  privacy: off\n  step:1: info\n  fotos-*: off\n",
    );
    let out = run_in(dir.path(), &["-f", "json", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
    let v = json(&out);
    assert_eq!(v["errors"][0]["file"], ".profilecheck.yaml");
    assert_eq!(v["errors"][0]["line"], 4);
    assert_eq!(v["summary"]["config_errors"], 1);
    assert!(!rules_of(&v, 0).iter().any(|r| r == "search-engines"));
    let photo_sev = v["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "photo-set")
        .map(|f| f["severity"].clone());
    assert_eq!(photo_sev, Some("info".into()));
}

#[test]
fn fail_under_fails_a_low_score() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", "name: P\n");
    let out = run_in(
        dir.path(),
        &["--no-config", "--fail-on", "never", "--fail-under", "50", "p.yaml"],
        &[],
    );
    assert_eq!(out.code, 1);
    let out = run_in(
        dir.path(),
        &["--no-config", "--fail-on", "never", "--fail-under", "0", "p.yaml"],
        &[],
    );
    assert_eq!(out.code, 0);
    let out = run_in(dir.path(), &["--no-config", "--fail-under", "101", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
}

#[test]
fn concise_is_one_line_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.yaml",
        "name: P\nphoto: {set: true, kind: professional}\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "--no-config",
            "-f",
            "concise",
            "--select",
            "photo-*,bio-filled",
            "p.yaml",
        ],
        &[],
    );
    insta::assert_snapshot!(out.stdout, @r"
    p.yaml:1:1: warning bio-filled Write a short bio that says what you do
    0 errors · 1 warning · 0 notes in 1 profile
    ");
}

#[test]
fn output_dir_writes_one_handout_per_profile_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a/jeanne.yaml", "name: Jeanne\n");
    write(d, "b/jeanne.yaml", "name: Jeanne B\n");
    write(d, "c/jeanne.yaml", "name: Jeanne C\n");
    let out = run_in(
        d,
        &[
            "--no-config",
            "-f",
            "markdown",
            "--statistics",
            "--output-dir",
            "out",
            "a",
            "b",
            "c",
        ],
        &[],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["index.md", "jeanne-2.md", "jeanne-3.md", "jeanne.md"]);
    let b = std::fs::read_to_string(d.join("out/jeanne-2.md")).unwrap();
    assert!(b.starts_with("# Jeanne B"), "{b}");
    let index = std::fs::read_to_string(d.join("out/index.md")).unwrap();
    assert!(index.contains("[Jeanne B](jeanne-2.md)"), "{index}");
    assert!(index.contains("What to teach next"), "{index}");
    assert!(index.contains("3 of 3"), "{index}");
    // HTML too, and nothing left behind but the reports.
    let out = run_in(d, &["--no-config", "-f", "html", "--output-dir", "html", "a"], &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(d.join("html"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["index.html", "jeanne.html"]);
}

#[test]
fn statistics_reach_json_and_the_cohort_summaries() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "name: A\n");
    write(
        dir.path(),
        "b.yaml",
        "name: B\nphoto: {set: true, kind: professional}\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "--no-config",
            "--statistics",
            "-f",
            "html",
            "--select",
            "photo-set",
            "a.yaml",
            "b.yaml",
        ],
        &[],
    );
    assert!(out.stdout.contains("What to teach next"), "{}", out.stdout);
    assert!(out.stdout.contains("<code>photo-set</code>"));
    assert!(out.stdout.contains("1 of 2"));
    assert!(!out.stderr.contains("Statistics"));
}

/// A broken house pack: every format says so, so no dashboard shows green.
#[test]
fn configuration_problems_reach_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "house.yaml",
        "pack: house\nrules:\n  - {id: x, severity: nope}\n",
    );
    write(dir.path(), "p.yaml", NADIA);
    let run = |f: &str| {
        run_in(
            dir.path(),
            &["--no-config", "--rules", "house.yaml", "-f", f, "p.yaml"],
            &[],
        )
    };
    let j = run("json");
    assert_eq!(j.code, 2);
    let v = json(&j);
    assert_eq!(v["summary"]["config_errors"], 3);
    assert_eq!(
        v["errors"][2],
        serde_json::json!({"file": "house.yaml", "line": 3, "column": 23,
            "message": "unknown value `nope`; expected one of `error`, `warning`, `info`"})
    );
    let s = run("sarif");
    let v = json(&s);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolConfigurationNotifications"];
    assert_eq!(n.as_array().unwrap().len(), 3);
    assert_eq!(n[0]["level"], "error");
    assert_eq!(
        n[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "house.yaml"
    );
    // Named by an absolute path, the pack is a `file:` URI, which code
    // scanning can resolve (a rooted reference cannot be combined with a base).
    let abs = dir.path().join("house.yaml");
    let s = run_in(
        dir.path(),
        &["--no-config", "--rules", abs.to_str().unwrap(), "-f", "sarif", "p.yaml"],
        &[],
    );
    let uri =
        json(&s)["runs"][0]["invocations"][0]["toolConfigurationNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_owned();
    assert_eq!(uri, format!("file://{}", abs.display()));
    let x = run("junit");
    assert!(
        x.stdout
            .contains("<testsuite name=\"profilecheck configuration\" tests=\"3\" failures=\"0\" errors=\"3\""),
        "{}",
        x.stdout
    );
    let g = run("github");
    assert!(g.stdout.starts_with(
        "::error file=house.yaml,line=3,col=5,title=profilecheck configuration::this rule has no `title`\n"
    ));
    for f in ["text", "markdown", "html", "concise"] {
        let o = run(f);
        assert_eq!(o.code, 2, "{f}");
        let body = o.stdout.find("<main>").unwrap_or(0);
        let marker = if f == "concise" { "p.yaml:" } else { "Nadia" };
        let first_profile = o.stdout[body..]
            .find(marker)
            .map(|i| i + body)
            .unwrap_or_else(|| panic!("{f}: {}", o.stdout));
        let problem = o
            .stdout
            .find("house.yaml:3:5")
            .unwrap_or_else(|| panic!("{f}: {}", o.stdout));
        assert!(problem < first_profile, "{f}: problems first\n{}", o.stdout);
    }
    let t = run("text");
    assert!(t.stdout.contains("· 3 configuration problems"), "{}", t.stdout);
}

#[test]
fn a_bad_rules_entry_is_located_at_the_config_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".profilecheck.yaml",
        "lang: en\nrules:\n  - missing/\n  - ../../etc\n",
    );
    write(dir.path(), "p.yaml", NADIA);
    let out = run_in(dir.path(), &["-q", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @r"
    .profilecheck.yaml:4:5: error: `../../etc` leaves the config's folder: a relative `rules` entry must stay inside it (write an absolute path to use packs from elsewhere)
    ");
    write(dir.path(), ".profilecheck.yaml", "rules:\n  - missing/\n");
    let out = run_in(dir.path(), &["-q", "p.yaml"], &[]);
    insta::assert_snapshot!(out.stderr, @r"
    .profilecheck.yaml:2:5: error: the `rules` entry `missing/` cannot be used: no such file or directory
    ");
}

#[test]
fn a_rules_folder_too_big_for_packs_is_refused_without_reading_it() {
    // `rules: [/]` from a pull request would walk the whole disk and show
    // every YAML file on it as a broken pack: past 2,000 entries a folder is
    // refused, at the config's line, and none of its files is read.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for i in 0..2_001 {
        std::fs::write(big.join(format!("n{i:04}.txt")), "").unwrap();
    }
    std::fs::write(big.join("broken.yaml"), "pack: [").unwrap();
    write(dir.path(), ".profilecheck.yaml", "lang: en\nrules:\n  - big\n");
    write(dir.path(), "p.yaml", NADIA);
    let out = run_in(dir.path(), &["-q", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @r"
    .profilecheck.yaml:3:5: error: the `rules` entry `big` cannot be used: this folder holds more than 2,000 entries, too many for a folder of rule packs: name the pack files or a smaller folder
    ");
    let out = run_in(dir.path(), &["-q", "--no-config", "--rules", "big", "p.yaml"], &[]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains("broken.yaml"), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("big:1:1: error: this folder holds more than"),
        "{}",
        out.stderr
    );
}

#[test]
fn help_works_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["C", "fr_FR.UTF-8"] {
        let out = run_in(dir.path(), &["help", "explain"], &[("LANG", lang)]);
        assert_eq!(out.code, 0, "{lang}: {}", out.stderr);
        // The value name is translated with the rest of the help.
        let value = if lang == "C" { "RULE-ID" } else { "ID-RÈGLE" };
        assert!(out.stdout.contains(value), "{lang}: {}", out.stdout);
        let out = run_in(dir.path(), &["help"], &[("LANG", lang)]);
        assert_eq!(out.code, 0, "{lang}: {}", out.stderr);
    }
    let out = run_in(dir.path(), &["help", "explain"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(out.stdout.contains("Ce que vérifie une règle"), "{}", out.stdout);
}

#[test]
fn rules_lists_the_packs_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "house.yaml", HOUSE);
    let out = run_in(dir.path(), &["--no-config", "rules", "house.yaml"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout, @r"
    Pack house
          house-city                 error    Say where you work
    ");
    let out = run_in(dir.path(), &["--no-config", "rules", "privacy"], &[]);
    assert!(out.stdout.starts_with("Pack privacy\n"), "{}", out.stdout);
    assert!(!out.stdout.contains("Pack guide"), "{}", out.stdout);
    let out = run_in(dir.path(), &["--no-config", "rules", "missing.yaml"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("missing.yaml:1:1: error: "), "{}", out.stderr);
    let out = run_in(dir.path(), &["--no-config", "rules", "privacyy"], &[]);
    assert!(out.stderr.contains("did you mean `privacy`?"), "{}", out.stderr);
}

#[test]
fn verify_takes_builtin_names_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &["--no-config", "rules", "--verify", "guide", "-f", "json"],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = json(&out);
    assert_eq!(v["packs"], serde_json::json!(["guide"]));
    assert_eq!(v["failures"], serde_json::json!([]));
    assert_eq!(v["passed"], v["examples"]);
    assert!(v["examples"].as_u64().unwrap() > 20);
}

#[test]
fn explain_and_rules_show_the_severity_in_force() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".profilecheck.yaml",
        "severity:\n  photo-set: warning\n  search-engines: off\n",
    );
    let out = run_in(dir.path(), &["explain", "search-engines"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let head: Vec<&str> = out.stdout.lines().take(3).collect();
    insta::assert_snapshot!(head.join("\n"), @r"
    search-engines — Let search engines link to your profile
    pack privacy · off (info by default)
    This rule is off under .profilecheck.yaml: it is not checked.
    ");
    let out = run_in(dir.path(), &["explain", "photo-set"], &[]);
    assert!(out.stdout.contains("warning (error by default)"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Severity warning, as set by .profilecheck.yaml."),
        "{}",
        out.stdout
    );
    let out = run_in(dir.path(), &["rules", "-f", "json"], &[]);
    let v = json(&out);
    let r = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "search-engines")
        .unwrap()
        .clone();
    assert_eq!(r["severity"], "off");
    assert_eq!(r["default_severity"], "info");
    // In the text list, every title starts in the same column, however long
    // the severity in force (`off (info by default)`, « avertissement »).
    for lang in ["en", "fr"] {
        let out = run_in(dir.path(), &["rules", "--lang", lang], &[]);
        let columns: std::collections::BTreeSet<usize> = v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let (id, title) = (r["id"].as_str().unwrap(), r["title"][lang].as_str().unwrap());
                let row = out.stdout.lines().find(|l| l.contains(&format!(" {id} "))).unwrap();
                row[..row.find(title).unwrap()].chars().count()
            })
            .collect();
        assert_eq!(columns.len(), 1, "{lang}: titles out of line\n{}", out.stdout);
    }
}

#[test]
fn unquoted_hashtags_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "flow.yaml", "name: H\nkeywords: [#coaching, #rh]\n");
    write(
        dir.path(),
        "block.yaml",
        "name: H\nkeywords: #coaching\nabout:  # my words\n  bio: x\n",
    );
    let out = run_in(dir.path(), &["--no-config", "-q", "flow.yaml", "block.yaml"], &[]);
    insta::assert_snapshot!(out.stderr, @r##"
    flow.yaml:2:12: error: `#coaching` is read as a comment, not a value: in YAML `#` starts a comment; write "#coaching" in quotes
    block.yaml:2:11: warning: `#coaching` is read as a comment, not a value: in YAML `#` starts a comment; write "#coaching" in quotes
    "##);
    let out = run_in(
        dir.path(),
        &["--no-config", "-q", "flow.yaml"],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert!(
        out.stderr.contains(
            "en YAML, `#` commence un commentaire\u{a0}; écrivez «\u{a0}\"#coaching\"\u{a0}» entre guillemets"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn values_that_differ_by_case_or_spaces_get_a_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.yaml",
        "name: P\nprivacy:\n  phone_audience: Public\n  email_audience: only me\n",
    );
    let out = run_in(dir.path(), &["--no-config", "-q", "p.yaml"], &[]);
    assert!(
        out.stderr.contains("unknown value `Public`; did you mean `public`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("unknown value `only me`; did you mean `only_me`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn no_rule_loaded_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".profilecheck.yaml", "packs: []\n");
    write(dir.path(), "p.yaml", NADIA);
    let out = run_in(dir.path(), &["p.yaml"], &[]);
    assert!(
        out.stderr.contains("profilecheck: warning: no rule is loaded"),
        "{}",
        out.stderr
    );
    // In French too the keyword stays `warning:`, for problem matchers.
    let out = run_in(dir.path(), &["p.yaml"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(
        out.stderr.contains("profilecheck: warning: aucune règle n’est chargée"),
        "{}",
        out.stderr
    );
}

#[test]
fn diagnostics_are_coloured_under_color_always() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", "name: [\n");
    let out = run_in(dir.path(), &["--no-config", "--color", "always", "p.yaml"], &[]);
    assert!(out.stderr.contains("\u{1b}[1;31merror\u{1b}[0m"), "{:?}", out.stderr);
    let out = run_in(dir.path(), &["--no-config", "p.yaml"], &[]);
    assert!(!out.stderr.contains('\u{1b}'));
}

#[test]
fn text_report_follows_columns_and_keeps_long_ids_aligned() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "house.yaml",
        "pack: house\nrules:\n  - {id: house-a-very-long-rule-identifier-indeed, severity: error, title: Say where you work and what you do there every day of the week, check: {path: about.city, present: true}, fix: [Open your profile, click Edit details and type the city where you work so that people nearby find you]}\n",
    );
    write(dir.path(), "p.yaml", NADIA);
    let run = |cols: &str| {
        run_in(
            dir.path(),
            &[
                "--no-config",
                "--rules",
                "house.yaml",
                "--select",
                "house-*,bio-filled",
                "p.yaml",
            ],
            &[("COLUMNS", cols)],
        )
        .stdout
    };
    let narrow = run("60");
    for line in narrow.lines() {
        assert!(
            line.chars().count() <= 66 || !line.contains(' '),
            "too wide at 60: {line:?}"
        );
    }
    let wide = run("200");
    let col = |text: &str, id: &str| {
        let line = text.lines().find(|l| l.contains(id)).unwrap();
        line[..line.find("p.yaml:").unwrap()].chars().count()
    };
    assert_eq!(col(&wide, "house-a-very-long"), col(&wide, "bio-filled"), "{wide}");
    insta::assert_snapshot!(narrow);
}

/// A config planted by another user is ignored with a warning (docs/cli.md, as
/// git does). Only root can make such a file: CI runs as root.
#[cfg(unix)] // file owners (Windows has no such check: docs/cli.md)
#[test]
fn a_config_owned_by_someone_else_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".profilecheck.yaml", "packs: []\n");
    write(dir.path(), "p.yaml", NADIA);
    let cfg = dir.path().join(".profilecheck.yaml");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        // Without root the file cannot be given away; the config applies.
        let out = run_in(dir.path(), &["-f", "json", "p.yaml"], &[]);
        assert_eq!(json(&out)["profiles"][0]["findings"], serde_json::json!([]));
        return;
    }
    std::os::unix::fs::chown(&cfg, Some(12345), Some(12345)).unwrap();
    let out = run_in(dir.path(), &["-f", "json", "p.yaml"], &[]);
    assert!(
        out.stderr
            .starts_with(".profilecheck.yaml:1:1: warning: ignored: this config belongs to another user (uid 12345)"),
        "{}",
        out.stderr
    );
    // Ignored: the built-in rules ran.
    assert!(!json(&out)["profiles"][0]["findings"].as_array().unwrap().is_empty());
    // Named with --config, it is trusted.
    let out = run_in(
        dir.path(),
        &["-f", "json", "--config", ".profilecheck.yaml", "p.yaml"],
        &[],
    );
    assert_eq!(json(&out)["profiles"][0]["findings"], serde_json::json!([]));
}
