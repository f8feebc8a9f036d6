//! Rule packs: each condition operator evaluated on small profiles through
//! the public API (`Checker::with_packs`), a custom pack through `--rules` on
//! the binary, and each load error reported as `PACK:LINE:COL: error: ...`
//! with exit 2. Pack fixtures live in `tests/fixtures/packs/`.

use profilecheck::{Checker, Lang};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The outcome of the one custom rule `t`.
#[derive(Debug, PartialEq)]
enum Outcome {
    Pass,
    NotApplicable,
    /// (path, line, column) of each finding.
    Fail(Vec<(String, u32, u32)>),
}
use Outcome::*;

fn pack_with(when: Option<&str>, check: &str) -> String {
    let when = when.map(|w| format!("    when: {w}\n")).unwrap_or_default();
    format!("pack: t\nrules:\n  - id: t\n    severity: warning\n    title: T\n{when}    check: {check}\n")
}

fn eval_when(when: Option<&str>, check: &str, profile: &str) -> Outcome {
    let pack = pack_with(when, check);
    let checker = match Checker::with_packs(&[("t.yaml", &pack)]) {
        Ok(c) => c,
        Err(e) => panic!("pack should load: {check}\n{:?}", e[0].render(Lang::En)),
    };
    let r = checker.check("p.yaml", profile.as_bytes(), Some(Lang::En));
    assert!(
        r.errors.is_empty(),
        "profile should be valid: {profile}\n{:?}",
        r.errors
    );
    let findings: Vec<(String, u32, u32)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "t")
        .map(|f| (f.path.clone(), f.line, f.column))
        .collect();
    let passed = r.passed.iter().any(|p| p == "t");
    let na = r.not_applicable.iter().any(|p| p == "t");
    match (passed, na, findings.is_empty()) {
        (true, false, true) => Pass,
        (false, true, true) => NotApplicable,
        (false, false, false) => Fail(findings),
        other => panic!("rule `t` in several states: {other:?}"),
    }
}

fn eval(check: &str, profile: &str) -> Outcome {
    eval_when(None, check, profile)
}

fn passes(check: &str, profile: &str) -> bool {
    match eval(check, profile) {
        Pass => true,
        Fail(_) => false,
        NotApplicable => panic!("no `when`, so always applicable"),
    }
}

/// Each (profile, expected pass?) for one condition.
fn table(check: &str, cases: &[(&str, bool)]) {
    for (profile, want) in cases {
        assert_eq!(passes(check, profile), *want, "{check} on `{profile}`");
    }
}

#[test]
fn present_true() {
    table(
        "{path: about.bio, present: true}",
        &[
            ("about: {bio: Baker}", true),
            ("about: {bio: '  '}", false),
            ("about: {bio: ~}", false),
            ("about: {city: Rennes}", false),
            ("", false),
        ],
    );
    table(
        "{path: keywords, present: true}",
        &[("keywords: [a]", true), ("keywords: []", false)],
    );
    table(
        "{path: photo, present: true}",
        &[("photo: {set: false}", true), ("photo: {}", false)],
    );
}

#[test]
fn present_false() {
    table(
        "{path: about.city, present: false}",
        &[
            ("", true),
            ("about: {city: ''}", true),
            ("about: {city: Rennes}", false),
        ],
    );
}

#[test]
fn equals() {
    table(
        "{path: network.professional_contacts, equals: 5}",
        &[
            ("network: {professional_contacts: 5}", true),
            ("network: {professional_contacts: 6}", false),
            ("", false),
        ],
    );
    table(
        "{path: photo.kind, equals: logo}",
        &[("photo: {kind: logo}", true), ("photo: {kind: casual}", false)],
    );
    table(
        "{path: photo.set, equals: false}",
        &[
            ("photo: {set: false}", true),
            ("photo: {set: true}", false),
            ("", false),
        ],
    );
    // A whole number and a decimal compare as numbers.
    table(
        "{path: publishing.posts_per_month, equals: 4}",
        &[("publishing: {posts_per_month: 4.0}", true)],
    );
}

#[test]
fn one_of_and_not_one_of() {
    table(
        "{path: tagging.tagged_posts_audience, one_of: [friends, only_me]}",
        &[
            ("tagging: {tagged_posts_audience: only_me}", true),
            ("tagging: {tagged_posts_audience: public}", false),
            ("", false),
        ],
    );
    table(
        "{path: tagging.tagged_posts_audience, not_one_of: [public]}",
        &[
            ("tagging: {tagged_posts_audience: friends}", true),
            ("tagging: {tagged_posts_audience: public}", false),
            // A missing value makes every test false but `present: false`.
            ("", false),
        ],
    );
}

#[test]
fn matches_and_not_matches() {
    table(
        r#"{path: about.city, matches: '^\p{Lu}'}"#,
        &[
            ("about: {city: Évry}", true),
            ("about: {city: évry}", false),
            ("", false),
        ],
    );
    table(
        "{path: about.city, not_matches: '[0-9]'}",
        &[
            ("about: {city: Rennes}", true),
            ("about: {city: Paris 15}", false),
            ("", false),
        ],
    );
}

#[test]
fn min_and_max() {
    table(
        "{path: publishing.posts_per_month, min: 2.5}",
        &[
            ("publishing: {posts_per_month: 2.5}", true),
            ("publishing: {posts_per_month: 2}", false),
            ("", false),
        ],
    );
    table(
        "{path: network.professional_contacts, max: 10}",
        &[
            ("network: {professional_contacts: 10}", true),
            ("network: {professional_contacts: 11}", false),
            ("", false),
        ],
    );
}

#[test]
fn min_chars_and_max_chars_count_characters() {
    table(
        "{path: about.city, min_chars: 3}",
        &[("about: {city: Évé}", true), ("about: {city: Év}", false), ("", false)],
    );
    table(
        "{path: about.city, max_chars: 3}",
        &[
            ("about: {city: ééé}", true),
            ("about: {city: éééé}", false),
            ("", false),
        ],
    );
}

#[test]
fn min_items_and_max_items() {
    table(
        "{path: publishing.topics, min_items: 2}",
        &[
            ("publishing: {topics: [a, b]}", true),
            ("publishing: {topics: [a]}", false),
            ("", false),
        ],
    );
    table(
        "{path: publishing.topics, max_items: 2}",
        &[
            ("publishing: {topics: [a, b]}", true),
            ("publishing: {topics: [a, b, c]}", false),
            ("publishing: {topics: []}", true),
            ("", false),
        ],
    );
}

#[test]
fn max_repeated_chars() {
    table(
        "{path: alternate_name.name, max_repeated_chars: 2}",
        &[
            ("alternate_name: {name: Boss}", true),
            ("alternate_name: {name: Bosss}", false),
            ("alternate_name: {name: ééé}", false),
            ("", false),
        ],
    );
}

#[test]
fn all_any_not() {
    let all = "{all: [{path: photo.set, equals: true}, {path: photo.cover, equals: true}]}";
    table(
        all,
        &[
            ("photo: {set: true, cover: true}", true),
            ("photo: {set: true, cover: false}", false),
            ("", false),
        ],
    );
    let any = "{any: [{path: photo.set, equals: true}, {path: photo.cover, equals: true}]}";
    table(
        any,
        &[
            ("photo: {set: false, cover: true}", true),
            ("photo: {set: false, cover: false}", false),
        ],
    );
    let not = "{not: {path: privacy.phone_audience, equals: public}}";
    table(
        not,
        &[
            ("privacy: {phone_audience: friends}", true),
            ("", true),
            ("privacy: {phone_audience: public}", false),
        ],
    );
    // A failing `all` points at its first failing part in the file (1.1),
    // not at the first path it names.
    assert_eq!(
        eval(all, "name: J\nphoto:\n  set: true\n  cover: false\n"),
        Fail(vec![("photo.cover".into(), 4, 10)])
    );
    assert_eq!(
        eval(all, "name: J\nphoto:\n  cover: false\n  set: false\n"),
        Fail(vec![("photo.cover".into(), 3, 10)])
    );
}

#[test]
fn each_without_when_one_finding_per_failing_item() {
    let check = "{each: contact.links, check: {path: url, matches: '^https://'}}";
    let profile = "contact:\n  links:\n    - network: blog\n      url: http://a.example\n    - network: blog\n      url: https://b.example\n    - {network: blog, url: 'ftp://c.example'}\n";
    assert_eq!(
        eval(check, profile),
        Fail(vec![
            ("contact.links[0]".into(), 3, 7),
            ("contact.links[2]".into(), 7, 7)
        ])
    );
    // A missing or empty list holds.
    assert_eq!(eval(check, ""), Pass);
    assert_eq!(eval(check, "contact: {links: []}"), Pass);
    assert_eq!(
        eval(check, "contact: {links: [{network: blog, url: 'https://a.example'}]}"),
        Pass
    );
}

#[test]
fn each_with_when_skips_items_it_does_not_hold_for() {
    let check =
        "{each: contact.links, when: {path: network, equals: linkedin}, check: {path: url, matches: 'linkedin\\.com'}}";
    let profile = "contact:\n  links:\n    - {network: blog, url: 'https://blog.example'}\n    - {network: linkedin, url: 'https://example.com/in/j'}\n    - {network: linkedin, url: 'https://linkedin.com/in/j'}\n";
    assert_eq!(eval(check, profile), Fail(vec![("contact.links[1]".into(), 4, 7)]));
    assert_eq!(
        eval(
            check,
            "contact: {links: [{network: blog, url: 'https://blog.example'}]}"
        ),
        Pass
    );
}

#[test]
fn each_over_a_list_of_strings_uses_dot() {
    let check = "{each: keywords, check: {path: '.', min_chars: 3}}";
    assert_eq!(
        eval(check, "keywords:\n  - seo\n  - ux\n  - web\n  - ai\n"),
        Fail(vec![("keywords[1]".into(), 3, 5), ("keywords[3]".into(), 5, 5)])
    );
}

#[test]
fn some_holds_when_one_item_does() {
    let check = "{some: about.work, check: {path: current, equals: true}}";
    assert_eq!(
        eval(check, "about: {work: [{employer: A}, {employer: B, current: true}]}"),
        Pass
    );
    // Fails at the list itself, or at the nearest key when it is missing.
    assert_eq!(
        eval(check, "about:\n  work:\n    - {employer: A, current: false}\n"),
        Fail(vec![("about.work".into(), 3, 5)])
    );
    assert_eq!(
        eval(check, "name: J\nabout:\n  city: Rennes\n"),
        Fail(vec![("about.work".into(), 2, 1)])
    );
}

#[test]
fn when_makes_a_rule_not_applicable() {
    let when = Some("{path: photo.set, equals: true}");
    let check = "{path: photo.kind, equals: professional}";
    assert_eq!(eval_when(when, check, "photo: {set: false}"), NotApplicable);
    assert_eq!(eval_when(when, check, "photo: {set: true, kind: professional}"), Pass);
    assert!(matches!(eval_when(when, check, "photo: {set: true}"), Fail(_)));
}

#[test]
fn extra_paths_are_free_form() {
    table(
        "{path: extra.brand.disclaimer, present: true}",
        &[
            ("extra: {brand: {disclaimer: Opinions are mine}}", true),
            ("extra: {brand: {}}", false),
            ("", false),
        ],
    );
    table(
        "{path: extra.rating, min: 3}",
        &[("extra: {rating: 4}", true), ("extra: {rating: two}", false)],
    );
    table(
        "{path: extra.tags, min_items: 2}",
        &[("extra: {tags: [a, b]}", true), ("extra: {tags: a}", false)],
    );
    let each = "{each: extra.accounts, check: {path: handle, matches: '^@'}}";
    assert_eq!(
        eval(each, "extra:\n  accounts:\n    - handle: '@ok'\n    - handle: nope\n"),
        Fail(vec![("extra.accounts[1]".into(), 4, 7)])
    );
}

// ------------------------------------------------------------------ through the binary

fn bin(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .current_dir(MANIFEST)
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn custom_pack_through_rules_flag() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.yaml");
    std::fs::write(&profile, "name: J\nkeywords: ['#seo']\nextra:\n  brand:\n    site: x\n").unwrap();
    let (code, out, err) = bin(&[
        "--no-config",
        "--rules",
        "tests/fixtures/packs/brand-disclaimer.yaml",
        "--select",
        "brand-disclaimer,brand-hashtag",
        "--fail-on",
        "warning",
        "--format",
        "json",
        profile.to_str().unwrap(),
    ]);
    assert_eq!((code, err.as_str()), (1, ""));
    let v: Value = serde_json::from_str(&out).unwrap();
    let p = &v["profiles"][0];
    let findings: Vec<(&str, &str, &str, u64, u64)> = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["pack"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            ("brand-hashtag", "brand", "keywords", 2, 11),
            ("brand-disclaimer", "brand", "extra.brand.disclaimer", 4, 3),
        ]
    );
    // Warning (2) and info (1) both fail: score 0.
    assert_eq!(p["score"], 0);
}

/// Load each broken pack with `--rules`; snapshot stderr.
fn pack_error(name: &str) -> String {
    let pack = format!("tests/fixtures/packs/{name}.yaml");
    let (code, out, err) = bin(&["--no-config", "--rules", &pack, "tests/fixtures/profiles/complete.yaml"]);
    assert_eq!(code, 2, "{name}: {err}");
    let re = regex::Regex::new(r"^(.+):(\d+):(\d+): error: .+$").unwrap();
    for line in err.lines() {
        let c = re
            .captures(line)
            .unwrap_or_else(|| panic!("{name}: not located: {line}"));
        assert_eq!(&c[1], pack, "the pack file is named");
    }
    assert!(!err.is_empty());
    // Same messages from `rules`.
    let (code2, _, err2) = bin(&["rules", "--no-config", "--rules", &pack]);
    assert_eq!((code2, &err2), (2, &err), "{name}: `rules` reports the same");
    let _ = out;
    format!("exit: {code}\n{err}")
}

macro_rules! pack_case {
    ($test:ident, $name:literal, $needle:literal) => {
        #[test]
        fn $test() {
            let snap = pack_error($name);
            assert!(snap.contains($needle), "{snap}");
            insta::assert_snapshot!($name, snap);
        }
    };
}

pack_case!(
    unknown_rule_key,
    "unknown-rule-key-did-you-mean",
    ":7:5: error: unknown key `exemples`; did you mean `examples`?"
);
pack_case!(
    unknown_condition_key,
    "unknown-condition-key-did-you-mean",
    ":6:30: error: unknown key `equal`; did you mean `equals`?"
);
pack_case!(
    path_not_in_format,
    "path-not-in-format-did-you-mean",
    ":6:19: error: `photo.sett` is not a path of the profile format; did you mean `photo.set`?"
);
pack_case!(
    min_items_on_boolean,
    "min-items-on-boolean",
    ":6:30: error: `min_items` applies to lists"
);
pack_case!(min_on_text, "min-on-text", ":6:30: error: `min` applies to numbers");
pack_case!(
    matches_on_list,
    "matches-on-list",
    ":6:29: error: `matches` applies to text"
);
pack_case!(
    bad_regex,
    "bad-regex",
    ":6:39: error: bad regular expression: a parenthesis `(` is never closed (at character 1)"
);
pack_case!(
    impossible_enum_value,
    "impossible-enum-value",
    ":6:53: error: `sometimes` is not a value"
);
pack_case!(
    equals_quoted_yes_on_boolean,
    "equals-quoted-yes-on-boolean",
    ":6:38: error: this field holds true or false"
);
pack_case!(
    duplicate_id_within_pack,
    "duplicate-id-within-pack",
    ":7:9: error: duplicate rule id `has-bio`"
);
pack_case!(
    duplicate_id_across_packs,
    "duplicate-id-across-packs",
    ":3:9: error: duplicate rule id `photo-set`"
);
pack_case!(missing_check, "missing-check", ":3:5: error: this rule has no `check`");
pack_case!(bad_severity, "bad-severity", ":4:15: error: unknown value `critical`");
pack_case!(
    non_kebab_id,
    "non-kebab-id",
    ":3:9: error: a rule id must be kebab-case"
);
pack_case!(
    two_forms_in_condition,
    "two-forms-in-condition",
    ":7:7: error: a condition needs exactly one of"
);

#[test]
fn pack_errors_through_the_api() {
    let broken = std::fs::read_to_string(Path::new(MANIFEST).join("tests/fixtures/packs/bad-regex.yaml")).unwrap();
    let errors = Checker::with_packs(&[("bad.yaml", &broken)]).unwrap_err();
    assert_eq!(
        errors[0].render(Lang::En),
        ["bad.yaml:6:39: error: bad regular expression: a parenthesis `(` is never closed (at character 1)"]
    );
    assert_eq!(
        errors[0].render(Lang::Fr),
        [
            "bad.yaml:6:39: error: expression régulière invalide\u{a0}: une parenthèse `(` n’est jamais fermée (au caractère 1)"
        ]
    );
}

/// A rule's `message` may name values: `{url}` relative to the failing item
/// of an `each`, `{.}` the item itself, a dotted path from the top otherwise.
/// A placeholder that names nothing falls back to the generated message.
#[test]
fn message_placeholders_are_filled_from_the_failing_value() {
    let pack = r#"
pack: msg
rules:
  - id: msg-links
    severity: warning
    title: t
    message: {en: "bad link {url} ({network})", fr: "lien « {url} » incorrect"}
    check: {each: contact.links, check: {path: url, matches: '^https://'}}
  - id: msg-name
    severity: info
    title: t
    message: "name {alternate_name.name} / city {about.city}"
    check: {path: alternate_name.name, max_chars: 3}
"#;
    let checker = Checker::with_packs(&[("msg.yaml", pack)]).expect("pack loads");
    let profile = "alternate_name: {name: Coach}\ncontact:\n  links:\n    - {network: blog, url: 'http://a.example'}\n    - {network: other}\n";
    let en = checker.check("p.yaml", profile.as_bytes(), Some(Lang::En));
    let msgs: Vec<(&str, &str)> = en
        .findings
        .iter()
        .filter(|f| f.pack == "msg")
        .map(|f| (f.path.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        msgs[0],
        (
            "alternate_name.name",
            "the other name (Facebook \"Other names\"), e.g. your profession — expected: at most 3 characters; in your profile: 5 characters"
        )
    );
    assert_eq!(msgs[1], ("contact.links[0]", "bad link http://a.example (blog)"));
    // The second link has no url: the template cannot be filled.
    assert!(msgs[2].1.starts_with("`url`: expected: text matching"), "{:?}", msgs[2]);
    let fr = checker.check("p.yaml", profile.as_bytes(), Some(Lang::Fr));
    let link = fr
        .findings
        .iter()
        .find(|f| f.path == "contact.links[0]")
        .expect("finding");
    assert_eq!(link.message, "lien « http://a.example » incorrect");
}

/// `--rules DIR`: a broken entry is reported at its own path, and the other
/// packs of the folder still load and run.
#[cfg(unix)] // a symbolic link loop
#[test]
fn rules_dir_reports_each_broken_pack_and_loads_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let packs = dir.path().join("packs");
    std::fs::create_dir(&packs).expect("mkdir");
    std::fs::write(
        packs.join("a-good.yaml"),
        "pack: good\nrules:\n  - {id: good-bio, severity: info, title: t, check: {path: about.bio, present: true}}\n",
    )
    .expect("write");
    std::os::unix::fs::symlink("b-loop.yaml", packs.join("b-loop.yaml")).expect("symlink");
    std::fs::write(packs.join("c-bad.yaml"), "pack: bad\nrules: 3\n").expect("write");
    let profile = dir.path().join("p.yaml");
    std::fs::write(&profile, "name: P\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .current_dir(dir.path())
        .args(["--no-config", "-f", "json", "--rules", "packs", "p.yaml"])
        .env("LANG", "C")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    // A link met in the folder is not followed (a walk stays in the tree).
    assert!(!stderr.contains("packs/b-loop.yaml"), "{stderr}");
    assert!(stderr.contains("packs/c-bad.yaml:2:8: error: "), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = report["profiles"][0]["findings"].as_array().expect("findings").clone();
    assert!(findings.iter().any(|f| f["rule"] == "good-bio"), "{findings:?}");
}

/// A `message` beside a test words that part of the check: the finding says
/// which clauses failed, each of them. It is refused on `each`/`some` (the rule's `message`
/// words those) and must be text.
#[test]
fn condition_messages_name_the_failing_clause() {
    let pack = r#"
pack: clause
rules:
  - id: clause-name
    severity: error
    title: t
    check:
      all:
        - {path: alternate_name.name, not_matches: '\d', message: {en: "{alternate_name.name} has a digit", fr: "chiffre"}}
        - {path: alternate_name.name, max_chars: 5, message: "too long"}
"#;
    let checker = Checker::with_packs(&[("c.yaml", pack)]).expect("pack loads");
    let msg = |yaml: &str, lang| {
        let r = checker.check("p.yaml", yaml.as_bytes(), Some(lang));
        r.findings
            .iter()
            .find(|f| f.rule == "clause-name")
            .map(|f| f.message.clone())
    };
    assert_eq!(
        msg("alternate_name: {name: Co2}", Lang::En).as_deref(),
        Some("Co2 has a digit")
    );
    assert_eq!(msg("alternate_name: {name: Co2}", Lang::Fr).as_deref(), Some("chiffre"));
    // Two clauses fail: both are named, a clause without a full stop is
    // followed by a semicolon.
    assert_eq!(
        msg("alternate_name: {name: Coach 2}", Lang::En).as_deref(),
        Some("Coach 2 has a digit; too long")
    );
    assert_eq!(
        msg("alternate_name: {name: Coach 2}", Lang::Fr).as_deref(),
        Some("chiffre\u{a0}; too long")
    );
    assert_eq!(
        msg("alternate_name: {name: Coaching}", Lang::En).as_deref(),
        Some("too long")
    );
    assert_eq!(msg("alternate_name: {name: Coach}", Lang::En), None);

    let bad = "pack: b\nrules:\n  - id: b-1\n    severity: info\n    title: t\n    check: {each: keywords, check: {path: '.', present: true}, message: x}\n  - id: b-2\n    severity: info\n    title: t\n    check: {path: about.bio, present: true, message: [x]}\n";
    let errors = Checker::with_packs(&[("b.yaml", bad)]).expect_err("refused");
    let lines = errors[0].render(Lang::En);
    assert_eq!(
        lines,
        [
            "b.yaml:6:64: error: `message` cannot be used with `each` in a condition",
            "b.yaml:10:54: error: `message` must be text, or a mapping of language to text",
        ]
    );
}

/// Load-time checks beyond the basics: language keys are codes (a typo would
/// silently fall back), texts are not blank, `all`/`any` are not empty, and a
/// clashing pack name is located at its `pack:` line.
#[test]
fn pack_texts_and_empty_combinators_are_checked() {
    let bad =
        "pack: t\ntitle: {en: T, englsh: X}\nrules:\n  - {id: t-1, severity: info, title: '  ', check: {any: []}}\n";
    let errors = Checker::with_packs(&[("t.yaml", bad)]).expect_err("refused");
    assert_eq!(
        errors[0].render(Lang::En),
        [
            "t.yaml:2:16: error: `englsh` is not a language code such as `en` or `fr`",
            "t.yaml:4:38: error: `title` is empty",
            "t.yaml:4:57: error: `any` needs at least one condition",
        ]
    );
    let clash = "# a house pack that reuses a built-in name\npack: guide\nrules: []\n";
    let errors = Checker::with_packs(&[("clash.yaml", clash)]).expect_err("refused");
    assert!(
        errors[0].render(Lang::En)[0].starts_with("clash.yaml:2:7: error: pack name `guide` is already used"),
        "{:?}",
        errors[0].render(Lang::En)
    );
}

/// `each` over a value that is not a list (possible only under `extra`)
/// fails with one finding at the value, where a missing list would hold.
#[test]
fn each_over_a_non_list_fails_at_the_value() {
    let pack = "pack: e\nrules:\n  - {id: e-tags, severity: info, title: t, check: {each: extra.tags, check: {path: '.', matches: '^#'}}}\n";
    let checker = Checker::with_packs(&[("e.yaml", pack)]).expect("loads");
    let r = checker.check("p.yaml", b"extra: {tags: nope}\n", Some(Lang::En));
    let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "e-tags").collect();
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].path.as_str(), f[0].line, f[0].column), ("extra.tags", 1, 15));
    assert_eq!(f[0].message, "`extra.tags` is not a list");
    let r = checker.check("p.yaml", b"extra: {}\n", Some(Lang::En));
    assert!(r.passed.contains(&"e-tags".to_owned()));
}
