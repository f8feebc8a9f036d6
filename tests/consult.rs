//! The consultant's daily loop (issue 26), with the real binary in a
//! repository of client profiles: which files are profiles (`include`,
//! `exclude`, the files of other tools, `--force-exclude` as the pre-commit
//! hook passes it), configs that `extend`, the new config keys, `--fix` and
//! `--diff`, `--baseline`, and `rules --verify` on the config's packs.

mod common;
use common::{Out, json, run_in};
use std::path::Path;

const COMPLETE: &str = include_str!("../examples/complete.yaml");

const HOUSE_PACK: &str = r#"pack: house
rules:
  - id: house-city
    severity: warning
    title: "Say which city you work from"
    when: {path: about, present: true}
    check: {path: about.city, present: true}
    examples:
      pass: ["about: {city: Lyon}"]
      fail: ["about: {bio: Consultant}"]
      not_applicable: ["name: X"]
"#;

/// A consultant's repository: a house config and pack, client folders, a
/// nested config, the YAML files of other tools.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &str)] = &[
        (
            ".profilecheck.yaml",
            "rules: [packs/house.yaml]\nseverity: {cover-photo: off}\nexclude: [drafts/]\n",
        ),
        ("packs/house.yaml", HOUSE_PACK),
        ("clients/karim.yaml", COMPLETE),
        ("clients/nocity.yaml", &COMPLETE.replace("  city: Lyon\n", "")),
        (
            "clients/vip/.profilecheck.yaml",
            "extend: ../../.profilecheck.yaml\nfail_on: warning\n",
        ),
        ("clients/vip/lea.yaml", &COMPLETE.replace("  city: Lyon\n", "")),
        ("drafts/wip.yaml", "name: [unfinished\n"),
        (
            ".pre-commit-config.yaml",
            "repos:\n  - repo: local\n    hooks: [{id: x, name: x, entry: x, language: system}]\n",
        ),
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
        ("docker-compose.yml", "services: {web: {image: nginx}}\n"),
    ];
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    run_in(dir, &all, &[("NO_COLOR", "1")])
}

#[test]
fn an_ordinary_commit_passes_the_hook_and_a_bad_profile_fails_it() {
    let dir = repo();
    // What pre-commit passes for a commit of the tooling and the house pack.
    let tooling = [
        "--force-exclude",
        ".pre-commit-config.yaml",
        ".github/workflows/ci.yml",
        "docker-compose.yml",
        "packs/house.yaml",
        "drafts/wip.yaml",
        ".profilecheck.yaml",
        "clients/vip/.profilecheck.yaml",
    ];
    let out = run(dir.path(), &tooling);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("no profile to check"), "{}", out.stderr);
    assert!(out.stdout.contains("in 0 profiles"), "{}", out.stdout);
    // Without --force-exclude a file named is linted as asked.
    let out = run(dir.path(), &["docker-compose.yml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // A bad profile in the same commit fails it.
    std::fs::write(dir.path().join("clients/bad.yaml"), "photo: {set: maybe}\n").unwrap();
    let mut args = tooling.to_vec();
    args.push("clients/bad.yaml");
    let out = run(dir.path(), &args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("clients/bad.yaml:1:"), "{}", out.stderr);
}

#[test]
fn a_folder_walk_leaves_out_other_tools_files_and_packs() {
    let dir = repo();
    let out = run(dir.path(), &["--format", "json", "."]);
    let files: Vec<String> = json(&out)["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        files,
        [
            "./clients/karim.yaml",
            "./clients/nocity.yaml",
            "./clients/vip/lea.yaml"
        ]
    );
}

#[test]
fn a_nested_config_that_extends_keeps_the_house_pack_and_says_its_chain() {
    let dir = repo();
    let out = run(
        dir.path(),
        &["-v", "--format", "json", "clients/vip/lea.yaml", "clients/nocity.yaml"],
    );
    let v = json(&out);
    for p in v["profiles"].as_array().unwrap() {
        let rules: Vec<&str> = p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(&"house-city"), "{p}");
    }
    // fail_on: warning under vip: the house rule's warning fails the run.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("clients/vip/.profilecheck.yaml extends .profilecheck.yaml"),
        "{}",
        out.stderr
    );
    // Without vip's profile, warnings do not fail (the root's fail_on).
    assert_eq!(run(dir.path(), &["clients/nocity.yaml"]).code, 0);
    // A nested config that does not extend replaces the root's, as ruff's
    // do: the house pack is gone, and -v says so and how to keep it.
    std::fs::write(dir.path().join("clients/vip/.profilecheck.yaml"), "fail_on: warning\n").unwrap();
    let out = run(dir.path(), &["-v", "--format", "json", "clients/vip/lea.yaml"]);
    assert!(!out.stdout.contains("house-city"), "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "clients/vip/.profilecheck.yaml replaces .profilecheck.yaml (its packs and settings do not apply here): add `extend: ../../.profilecheck.yaml` to keep them"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_extend_cycle_is_a_located_error() {
    let dir = repo();
    std::fs::write(
        dir.path().join(".profilecheck.yaml"),
        "extend: clients/vip/.profilecheck.yaml\n",
    )
    .unwrap();
    let out = run(dir.path(), &["clients/vip/lea.yaml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(".profilecheck.yaml:1:9: error: `extend` goes round in a circle"),
        "{}",
        out.stderr
    );
}

#[test]
fn fail_under_says_why_the_run_fails_and_config_keys_apply() {
    let dir = repo();
    let out = run(
        dir.path(),
        &["--fail-under", "100", "clients/karim.yaml", "clients/nocity.yaml"],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("1 profile scores below --fail-under 100: clients/nocity.yaml ("),
        "{}",
        out.stderr
    );
    std::fs::write(
        dir.path().join("clients/vip/.profilecheck.yaml"),
        "extend: ../../.profilecheck.yaml\nselect: [house]\nmax_warnings: 0\n",
    )
    .unwrap();
    let out = run(dir.path(), &["--format", "json", "clients/vip/lea.yaml"]);
    let v = json(&out);
    let rules: Vec<&str> = v["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["house-city"]);
    assert_eq!(out.code, 1, "max_warnings: 0 with one warning");
    assert!(out.stderr.contains("max_warnings 0"), "{}", out.stderr);
    // The command line wins.
    assert_eq!(
        run(dir.path(), &["--max-warnings", "5", "clients/vip/lea.yaml"]).code,
        0
    );
}

/// Profiles with every kind of safe fix, and comments to keep.
const FIXABLE: &[(&str, &str)] = &[
    (
        "flow.yaml",
        "# Léa's profile: keep this comment\nname: Léa   # and this one\nkeywords: [#ereputation, #rennes, \"#ok\"]\nphoto: {set: yes, cover: No, kind: Professional}\n",
    ),
    (
        "block.yaml",
        "# template style\nkeywords:\n  - #ereputation   # a comment after a tag\n  - #formation\ncontact:\n  # links below\n  website: lea.example.org\n  links:\n    - network: linkedin\n      url: www.linkedin.com/in/lea\nversion: \"1\"\n",
    ),
    ("broken.yaml", "# stays as is\nkeywords: [#a\nphoto: {set: yes\n"),
];

/// Every comment: a comment line whole, a trailing comment from its `#`.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| match l.trim_start().starts_with('#') {
            true => Some(l),
            false => l.rfind(" # ").map(|i| &l[i..]),
        })
        .collect()
}

#[test]
fn fix_writes_safe_fixes_keeping_comments_and_a_second_run_finds_none() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in FIXABLE {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let before = run(dir.path(), &["--no-config", "--format", "json", "."]);
    let fixable = ["link-urls"];
    let count = |v: &serde_json::Value| -> usize {
        v["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let f = p["findings"].as_array().unwrap();
                let e = p["errors"].as_array().unwrap().len() + p["warnings"].as_array().unwrap().len();
                e + f
                    .iter()
                    .filter(|f| fixable.contains(&f["rule"].as_str().unwrap()))
                    .count()
            })
            .sum()
    };
    assert!(count(&json(&before)) > 0);
    // --diff writes nothing and exits 1.
    let diff = run(dir.path(), &["--no-config", "--diff", "."]);
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    assert!(
        diff.stdout
            .contains("+keywords: [\"#ereputation\", \"#rennes\", \"#ok\"]"),
        "{}",
        diff.stdout
    );
    for (name, text) in FIXABLE {
        assert_eq!(std::fs::read_to_string(dir.path().join(name)).unwrap(), *text);
    }
    let fixed = run(dir.path(), &["--no-config", "--fix", "."]);
    assert!(
        fixed.stderr.contains("./flow.yaml:3:12: fixed: quote #ereputation"),
        "{}",
        fixed.stderr
    );
    for (name, text) in FIXABLE {
        let now = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(
            comments(&now),
            comments(text),
            "{name}: comment lines kept byte for byte"
        );
        assert_eq!(now.lines().count(), text.lines().count(), "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.yaml")).unwrap(),
        FIXABLE[2].1,
        "a file that does not read as YAML is left byte for byte"
    );
    let after = run(
        dir.path(),
        &["--no-config", "--format", "json", "flow.yaml", "block.yaml"],
    );
    assert_eq!(count(&json(&after)), 0, "{}", after.stdout);
    assert_eq!(
        run(dir.path(), &["--no-config", "--diff", "flow.yaml", "block.yaml"]).code,
        0
    );
}

#[test]
fn a_baseline_run_fails_only_on_new_findings() {
    let dir = repo();
    let base = run(
        dir.path(),
        &["--fail-on", "info", "--format", "json", "-o", "base.json", "clients"],
    );
    assert_eq!(base.code, 1, "{}", base.stderr);
    let again = run(dir.path(), &["--fail-on", "info", "--baseline", "base.json", "clients"]);
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    assert!(again.stdout.contains("Since the baseline: score"), "{}", again.stdout);
    // A new problem in one profile: the run fails, and says which.
    let karim = dir.path().join("clients/karim.yaml");
    let text = std::fs::read_to_string(&karim).unwrap();
    std::fs::write(
        &karim,
        text.replace("phone_audience: only_me", "phone_audience: public"),
    )
    .unwrap();
    let worse = run(dir.path(), &["--fail-on", "info", "--baseline", "base.json", "clients"]);
    assert_eq!(worse.code, 1, "{}", worse.stderr);
    assert!(worse.stdout.contains("1 new"), "{}", worse.stdout);
    let sarif = run(dir.path(), &["--baseline", "base.json", "--format", "sarif", "clients"]);
    let v = json(&sarif);
    let states: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["baselineState"].as_str())
        .collect();
    assert!(states.contains(&"new") && states.contains(&"unchanged"), "{states:?}");
    // One handout per profile shows its progress too.
    let handouts = run(
        dir.path(),
        &[
            "--baseline",
            "base.json",
            "--format",
            "markdown",
            "--output-dir",
            "out",
            "clients",
        ],
    );
    let karim = std::fs::read_to_string(dir.path().join("out/karim.md")).unwrap();
    assert!(karim.contains("1 new"), "{karim}\n{}", handouts.stderr);
    // A baseline that is not a JSON report is a located error.
    std::fs::write(dir.path().join("bad.json"), "{\"profiles\": 3}").unwrap();
    let bad = run(dir.path(), &["--baseline", "bad.json", "clients"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.starts_with("bad.json:1:"), "{}", bad.stderr);
}

#[test]
fn rules_verify_without_a_pack_verifies_the_configs_packs() {
    let dir = repo();
    let out = run(dir.path(), &["rules", "--verify"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = run(dir.path(), &["rules", "--verify", "--format", "json"]);
    let v = json(&out);
    assert!(
        v["packs"].as_array().unwrap().iter().any(|p| p == "house"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_config_select_that_matches_nothing_is_located_in_its_file() {
    let dir = repo();
    std::fs::write(
        dir.path().join("clients/vip/.profilecheck.yaml"),
        "extend: ../../.profilecheck.yaml\nselect: [guide,\n  hous]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["clients/vip/lea.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("clients/vip/.profilecheck.yaml:3:3: error: `hous` matches no rule"),
        "{}",
        out.stderr
    );
}
