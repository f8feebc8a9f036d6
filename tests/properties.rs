//! Properties that hold for every input, checked with proptest:
//! - arbitrary bytes and YAML-shaped noise never panic the profile reader,
//!   the pack loader or the checker, and every refusal is located;
//! - arbitrary valid profiles, generated from the format's own description
//!   (`schema::PROFILE`), are accepted, give each loaded rule exactly one
//!   status, a score from 0 to 100, and the same report every time;
//! - the binary reports each file the same whether it is reached through its
//!   folder or named, in any order.

use profilecheck::profile::schema::{self, Field, Kind};
use profilecheck::{Checker, Lang, ProfileReport};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::process::Command;

// ---------------------------------------------------------------- noise

/// Pieces of YAML syntax and of the profile and pack vocabularies, so random
/// sequences of them reach far deeper than random bytes.
const TOKENS: &[&str] = &[
    ": ",
    ":",
    "\n",
    "\r\n",
    "  ",
    "    ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!str ",
    "!!binary ",
    "!!map ",
    "!x ",
    "? ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "\\",
    "# c\n",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "0",
    "1",
    "-1",
    "1.5",
    "1e999",
    ".nan",
    "-.inf",
    "0x1F",
    "\t",
    "\u{feff}",
    "é",
    "·",
    "🙂",
    "\u{0}",
    "version",
    "name",
    "lang",
    "fr",
    "photo",
    "set",
    "kind",
    "professional",
    "cover",
    "about",
    "bio",
    "work",
    "current",
    "position",
    "contact",
    "links",
    "network",
    "linkedin",
    "url",
    "https://x.com/a",
    "keywords",
    "professional_contacts",
    "publishing",
    "posts_per_month",
    "topics",
    "alternate_name",
    "show_on_profile",
    "followers",
    "who_can_follow",
    "public",
    "tagging",
    "privacy",
    "waivers",
    "photo-set",
    "extra",
    "pack",
    "p",
    "description",
    "steps",
    "rules",
    "id",
    "r",
    "step",
    "severity",
    "error",
    "title",
    "why",
    "fix",
    "en",
    "message",
    "when",
    "check",
    "path",
    "photo.set",
    "about.bio",
    "contact.links",
    "present",
    "equals",
    "one_of",
    "not_one_of",
    "matches",
    "not_matches",
    "min",
    "max",
    "min_chars",
    "max_chars",
    "min_items",
    "max_items",
    "max_repeated_chars",
    "all",
    "any",
    "not",
    "each",
    "some",
    "examples",
    "pass",
    "fail",
    "(a+)+$",
    "[",
    "\\p{L}",
    "a{99999}",
];

fn yamlish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(select(TOKENS), 0..120).prop_map(|t| t.concat().into_bytes())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![prop::collection::vec(any::<u8>(), 0..400), yamlish()]
}

fn checker() -> &'static Checker {
    static C: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    C.get_or_init(Checker::builtin)
}

fn rule_ids() -> Vec<String> {
    checker().rules.rules.iter().map(|r| r.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn profile_parse_never_panics(data in bytes()) {
        if let Err(problems) = profilecheck::profile::parse(&data) {
            prop_assert!(!problems.is_empty());
            for d in &problems {
                prop_assert!(d.pos.line >= 1 && d.pos.col >= 1, "{d:?}");
            }
        }
    }

    #[test]
    fn pack_load_never_panics(data in bytes()) {
        if let Err(e) = profilecheck::rules::pack::load("p.yaml", &data) {
            prop_assert!(!e.problems.is_empty());
            for line in e.render(Lang::En) {
                prop_assert!(line.starts_with("p.yaml:"), "{line}");
                prop_assert!(line.contains(": error: "), "{line}");
            }
        }
    }

    #[test]
    fn check_never_panics(data in bytes()) {
        let report = checker().check("p.yaml", &data, Some(Lang::En));
        prop_assert_eq!(report.score.is_none(), !report.errors.is_empty());
        if report.score.is_some() {
            assert_statuses(&report)?;
        } else {
            prop_assert!(report.findings.is_empty() && report.passed.is_empty());
            for e in &report.errors {
                prop_assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty(), "{e:?}");
            }
        }
    }
}

/// Each loaded rule is in exactly one of findings, passed, not applicable,
/// waived; the score is a percentage.
fn assert_statuses(r: &ProfileReport) -> Result<(), TestCaseError> {
    let score = r.score.expect("a valid profile has a score");
    prop_assert!(score <= 100);
    for id in rule_ids() {
        let n = usize::from(r.findings.iter().any(|f| f.rule == id))
            + usize::from(r.passed.contains(&id))
            + usize::from(r.not_applicable.contains(&id))
            + usize::from(r.waived.iter().any(|w| w.rule == id));
        prop_assert_eq!(n, 1, "rule {} has {} statuses in {:?}", id, n, r);
    }
    let statuses = r.passed.len() + r.not_applicable.len() + r.waived.len();
    let failed: std::collections::BTreeSet<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    prop_assert_eq!(statuses + failed.len(), rule_ids().len());
    // All passed (or nothing applicable) is 100, any failure is below it.
    prop_assert_eq!(
        score == 100,
        r.findings.is_empty(),
        "score {} with {} findings",
        score,
        r.findings.len()
    );
    Ok(())
}

// ---------------------------------------------------------------- valid profiles

/// A YAML double-quoted string: JSON's escapes are all valid YAML escapes.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

const TEXTS: &[&str] = &[
    "Jeanne Martin",
    "Community manager · e-réputation",
    "https://www.linkedin.com/in/jeanne",
    "http://twitter.com/jeanne",
    "https://youtu.be/x",
    "not a url",
    "#ereputation",
    "ereputation",
    "deux mots",
    "COACH",
    "Coach!!",
    "Cooooach",
    "Coach 2",
    "",
    "   ",
    "yes",
    "null",
    "123",
    "a: b # c",
    "ligne\nsuivante",
    "🙂 émoji",
    "\"guillemets\" et 'apostrophes'",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

fn value(kind: &'static Kind) -> BoxedStrategy<String> {
    match kind {
        Kind::Bool => any::<bool>().prop_map(|b| b.to_string()).boxed(),
        Kind::Int { .. } => (0u32..40).prop_map(|n| n.to_string()).boxed(),
        Kind::Number { .. } => prop_oneof![
            (0u32..30).prop_map(|n| n.to_string()),
            (0u32..300).prop_map(|n| format!("{}.5", n / 10))
        ]
        .boxed(),
        Kind::Str => select(TEXTS).prop_map(quoted).boxed(),
        Kind::Enum(values) => select(*values).prop_map(quoted).boxed(),
        Kind::List(item) => prop::collection::vec(value(item), 0..4)
            .prop_map(|v| format!("[{}]", v.join(", ")))
            .boxed(),
        Kind::Obj(fields) => object(fields),
        Kind::Free => select(&["{}", "{brand: {disclaimer: \"x\"}}", "{n: [1, 2]}"][..])
            .prop_map(str::to_owned)
            .boxed(),
        Kind::Waivers => {
            let ids: Vec<String> = schema_rule_ids();
            prop::collection::btree_map(select(ids), select(TEXTS), 0..4)
                .prop_map(|m| {
                    let entries: Vec<String> = m.iter().map(|(k, v)| format!("{k}: {}", quoted(v))).collect();
                    format!("{{{}}}", entries.join(", "))
                })
                .boxed()
        }
    }
}

/// Waivable ids: the built-in rules and one that no pack defines (a warning).
fn schema_rule_ids() -> Vec<String> {
    let mut v = rule_ids();
    v.push("no-such-rule".into());
    v
}

/// A random subset of the fields, each with a value of its kind, or empty
/// (`key:`), which the format treats as missing.
fn entries(fields: &'static [Field]) -> BoxedStrategy<Vec<(&'static str, String)>> {
    let per_field: Vec<BoxedStrategy<Option<(&'static str, String)>>> = fields
        .iter()
        .map(|f| {
            let v = if f.key == "version" {
                Just("1".to_owned()).boxed()
            } else {
                value(&f.kind)
            };
            let key = f.key;
            prop_oneof![
                2 => Just(None),
                1 => Just(Some((key, "~".to_owned()))),
                5 => v.prop_map(move |v| Some((key, v))),
            ]
            .boxed()
        })
        .collect();
    per_field.prop_map(|v| v.into_iter().flatten().collect()).boxed()
}

fn object(fields: &'static [Field]) -> BoxedStrategy<String> {
    entries(fields)
        .prop_map(|e| {
            let parts: Vec<String> = e.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", parts.join(", "))
        })
        .boxed()
}

/// A whole profile: block style at the top, flow style below, and the key
/// order shuffled (order never matters).
fn profile() -> impl Strategy<Value = String> {
    entries(schema::PROFILE)
        .prop_shuffle()
        .prop_map(|e| e.iter().map(|(k, v)| format!("{k}: {v}\n")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn valid_profiles_give_each_rule_one_status(yaml in profile()) {
        let report = checker().check("p.yaml", yaml.as_bytes(), Some(Lang::En));
        prop_assert!(report.errors.is_empty(), "generated profile refused: {:?}\n{}", report.errors, yaml);
        assert_statuses(&report)?;
        // Same input, same report: repeated, and from a fresh checker.
        let again = checker().check("p.yaml", yaml.as_bytes(), Some(Lang::En));
        prop_assert_eq!(&report, &again);
        let fresh = Checker::builtin().check("p.yaml", yaml.as_bytes(), Some(Lang::En));
        prop_assert_eq!(&report, &fresh);
        // Findings come sorted by line, column, rule id.
        let keys: Vec<(u32, u32, &str)> = report.findings.iter().map(|f| (f.line, f.column, f.rule.as_str())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }
}

// ---------------------------------------------------------------- the binary

fn json_run(dir: &std::path::Path, paths: &[String]) -> Json {
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .args(["--no-config", "--format", "json", "--lang", "en"])
        .args(paths)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn by_file(report: &Json) -> (Vec<String>, BTreeMap<String, Json>) {
    let profiles = report["profiles"].as_array().unwrap();
    let order = profiles
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    let map = profiles
        .iter()
        .map(|p| (p["file"].as_str().unwrap().to_owned(), p.clone()))
        .collect();
    (order, map)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn same_reports_for_a_folder_and_for_its_files_in_any_order(
        (profiles, order) in prop::collection::vec(profile(), 1..24)
            .prop_flat_map(|p| {
                let n = p.len();
                (Just(p), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
            })
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        let names: Vec<String> = (0..profiles.len()).map(|i| format!("d/p{i:02}.yaml")).collect();
        for (name, yaml) in names.iter().zip(&profiles) {
            std::fs::write(dir.path().join(name), yaml).unwrap();
        }
        let (dir_order, from_dir) = by_file(&json_run(dir.path(), &["d".to_owned()]));
        let shuffled: Vec<String> = order.iter().map(|&i| names[i].clone()).collect();
        let (files_order, from_files) = by_file(&json_run(dir.path(), &shuffled));
        // A folder is read in sorted order; named files come in the order given.
        prop_assert_eq!(&dir_order, &names);
        prop_assert_eq!(&files_order, &shuffled);
        prop_assert_eq!(&from_dir, &from_files);
        // And the binary agrees with the library.
        for (name, yaml) in names.iter().zip(&profiles) {
            let lib = checker().check(name, yaml.as_bytes(), Some(Lang::En));
            prop_assert_eq!(from_dir[name]["score"].as_u64(), lib.score.map(u64::from));
            prop_assert_eq!(from_dir[name]["findings"].as_array().unwrap().len(), lib.findings.len());
        }
    }
}
