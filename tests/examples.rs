//! The shipped examples as a contract: every `examples/*.yaml` is a valid
//! profile, `complete.yaml` is clean, `jeanne-martin.yaml` gives the report
//! shown in the README (snapshots in en, fr and JSON), the custom pack
//! `examples/packs/service-client.yaml` verifies and each of its rules is seen
//! passing and failing, and the full packs and conditions quoted in
//! `docs/pack-authors.md` load.

use profilecheck::rules::pack;
use profilecheck::{Checker, Lang, ProfileReport};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const PACK: &str = "examples/packs/service-client.yaml";
const JEANNE: &str = "examples/jeanne-martin.yaml";
const COMPLETE: &str = "examples/complete.yaml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Run the binary from the repository root (so paths in reports are the
/// relative ones a reader types), with colour off and an English locale.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("FORCE_COLOR")
        .output()
        .expect("run profilecheck");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

fn example_profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    files
}

fn with_pack() -> Checker {
    Checker::with_packs(&[(PACK, &read(PACK))]).unwrap_or_else(|e| panic!("{:?}", e[0].render(Lang::En)))
}

fn failed(r: &ProfileReport) -> BTreeSet<&str> {
    r.findings.iter().map(|f| f.rule.as_str()).collect()
}

// ---------------------------------------------------------------- (a) valid profiles

#[test]
fn every_example_profile_is_valid() {
    let files = example_profiles();
    assert!(files.len() >= 2, "expected the shipped examples, found {files:?}");
    let checker = Checker::builtin();
    for f in &files {
        let bytes = std::fs::read(f).expect("read example");
        let r = checker.check(&f.display().to_string(), &bytes, Some(Lang::En));
        assert!(r.errors.is_empty(), "{} is invalid: {:?}", f.display(), r.errors);
        assert!(r.warnings.is_empty(), "{} has warnings: {:?}", f.display(), r.warnings);
        assert!(r.score.is_some(), "{} has no score", f.display());
    }
    // The same through the binary: no file is counted invalid, nothing on stderr.
    // (Each file by name: `examples/` as a folder would also take in `examples/packs/`.)
    let mut args = vec!["--no-config", "--format", "json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let (code, stdout, stderr) = run(&args);
    assert_eq!(stderr, "");
    assert_eq!(code, 1, "jeanne-martin.yaml has errors");
    let json: Json = serde_json::from_str(&stdout).expect("json");
    assert_eq!(json["summary"]["invalid"], 0);
    assert_eq!(json["summary"]["profiles"], files.len());
}

// ---------------------------------------------------------------- (b) complete.yaml

#[test]
fn complete_profile_scores_100_with_no_findings() {
    let r = Checker::builtin().check(COMPLETE, read(COMPLETE).as_bytes(), Some(Lang::En));
    assert_eq!(r.score, Some(100));
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.waived.is_empty(), "a complete profile needs no waiver");
    // Every built-in rule applies to it and passes: nothing is dodged through `when`.
    assert!(r.not_applicable.is_empty(), "{:?}", r.not_applicable);
    assert_eq!(r.passed.len(), 29);

    let (code, stdout, stderr) = run(&["--no-config", "--color", "never", "--lang", "en", COMPLETE]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.starts_with("Karim Benali — examples/complete.yaml"), "{stdout}");
    assert!(stdout.contains("score 100/100"), "{stdout}");
    // Even with --fail-on info nothing fails.
    let (code, _, _) = run(&["--no-config", "--fail-on", "info", COMPLETE]);
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- (c) jeanne-martin.yaml

#[test]
fn jeanne_is_half_done_with_a_mix_of_findings() {
    let r = Checker::builtin().check(JEANNE, read(JEANNE).as_bytes(), Some(Lang::En));
    assert_eq!(r.name, "Jeanne Martin");
    let score = r.score.expect("valid");
    assert!((40..=70).contains(&score), "score {score}");
    for sev in [pack::Severity::Error, pack::Severity::Warning, pack::Severity::Info] {
        assert!(r.count(sev) > 0, "no {sev} finding");
    }
    assert_eq!(r.waived.len(), 1);
    assert_eq!(r.waived[0].rule, "professional-mode");
    assert!(!r.waived[0].reason.trim().is_empty());
    // No `lang` in the file: the report follows --lang / LANG.
    assert!(!read(JEANNE).lines().any(|l| l.starts_with("lang:")));
    let fr = Checker::builtin().check(JEANNE, read(JEANNE).as_bytes(), Some(Lang::Fr));
    assert_eq!(fr.lang, Lang::Fr);
}

#[test]
fn jeanne_text_report_en() {
    let (code, stdout, stderr) = run(&["--no-config", "--color", "never", "--lang", "en", JEANNE]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    insta::assert_snapshot!("jeanne_text_en", stdout);
}

#[test]
fn jeanne_text_report_en_follows_lang_env() {
    // Without --lang, LANG=C gives English: the same report as --lang en.
    let (_, with_flag, _) = run(&["--no-config", "--color", "never", "--lang", "en", JEANNE]);
    let (code, without, _) = run(&["--no-config", "--color", "never", JEANNE]);
    assert_eq!(code, 1);
    assert_eq!(with_flag, without);
}

#[test]
fn jeanne_text_report_fr() {
    let (code, stdout, stderr) = run(&["--no-config", "--color", "never", "--lang", "fr", JEANNE]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    insta::assert_snapshot!("jeanne_text_fr", stdout);
}

#[test]
fn jeanne_json_report() {
    let (code, stdout, stderr) = run(&["--no-config", "--format", "json", "--lang", "en", JEANNE]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    let json: Json = serde_json::from_str(&stdout).expect("valid JSON");
    insta::assert_json_snapshot!("jeanne_json", json);
}

// ---------------------------------------------------------------- (d) the service-client pack

#[test]
fn service_client_pack_verifies() {
    let (code, stdout, stderr) = run(&["rules", "--no-config", "--verify", PACK]);
    assert_eq!(stderr, "");
    assert_eq!(code, 0, "{stdout}");
    let p = pack::load(PACK, read(PACK).as_bytes()).expect("pack loads");
    let total: usize = p
        .rules
        .iter()
        .map(|r| r.examples_pass.len() + r.examples_fail.len())
        .sum();
    assert_eq!(
        stdout,
        format!(
            "{total} of {total} examples behave as declared, in {} rules\n",
            p.rules.len()
        )
    );
}

#[test]
fn service_client_pack_is_well_formed() {
    let p = pack::load(PACK, read(PACK).as_bytes()).expect("pack loads");
    assert_eq!(p.name, "service-client");
    assert!((5..=8).contains(&p.rules.len()), "{} rules", p.rules.len());
    for lang in [Lang::En, Lang::Fr] {
        assert!(!p.description.get(lang).is_empty());
    }
    for r in &p.rules {
        assert!(r.id.starts_with("sc-"), "{}: prefix ids so they never clash", r.id);
        for (code, lang) in [("en", Lang::En), ("fr", Lang::Fr)] {
            // Each text exists in this very language, not through the fallback.
            assert!(
                r.title.variants.iter().any(|(c, t)| c == code && !t.is_empty()),
                "{} title {code}",
                r.id
            );
            assert!(
                r.why.variants.iter().any(|(c, t)| c == code && !t.is_empty()),
                "{} why {code}",
                r.id
            );
            assert!(
                r.fix.variants.iter().any(|(c, t)| c == code && !t.is_empty()),
                "{} fix {code}",
                r.id
            );
            assert_eq!(
                r.fix.get(Lang::En).len(),
                r.fix.get(lang).len(),
                "{}: fix steps differ",
                r.id
            );
        }
        assert!(!r.examples_pass.is_empty(), "{} has no pass example", r.id);
        assert!(!r.examples_fail.is_empty(), "{} has no fail example", r.id);
    }
    // Loads beside the built-in packs: no id clashes with them.
    with_pack();
}

/// Each rule passing and failing through the public checker, on the pack's
/// own examples: independent of the `rules --verify` code path.
#[test]
fn service_client_rules_pass_and_fail_on_their_examples() {
    let checker = with_pack();
    let p = pack::load(PACK, read(PACK).as_bytes()).expect("pack loads");
    for r in &p.rules {
        for ex in &r.examples_pass {
            let rep = checker.check("ex.yaml", ex.yaml.as_bytes(), Some(Lang::En));
            assert!(rep.errors.is_empty(), "{}: invalid example {:?}", r.id, ex.yaml);
            assert!(rep.passed.contains(&r.id), "{} should pass on {:?}", r.id, ex.yaml);
        }
        for ex in &r.examples_fail {
            let rep = checker.check("ex.yaml", ex.yaml.as_bytes(), Some(Lang::En));
            assert!(rep.errors.is_empty(), "{}: invalid example {:?}", r.id, ex.yaml);
            assert!(
                failed(&rep).contains(r.id.as_str()),
                "{} should fail on {:?}",
                r.id,
                ex.yaml
            );
        }
    }
}

#[test]
fn service_client_on_jeanne() {
    let r = with_pack().check(JEANNE, read(JEANNE).as_bytes(), Some(Lang::En));
    let sc_failed: BTreeSet<&str> = failed(&r).into_iter().filter(|id| id.starts_with("sc-")).collect();
    assert_eq!(
        sc_failed,
        BTreeSet::from(["sc-bio-role", "sc-disclaimer", "sc-team-hashtag"])
    );
    for id in [
        "sc-current-employer",
        "sc-position-named",
        "sc-phone-hidden",
        "sc-public-email-work",
    ] {
        assert!(r.passed.iter().any(|p| p == id), "{id} should pass on Jeanne");
    }
    // The free-form path is located at the nearest existing key, `extra.brand`.
    let disclaimer = r.findings.iter().find(|f| f.rule == "sc-disclaimer").expect("finding");
    assert_eq!(
        (disclaimer.path.as_str(), disclaimer.message.as_str()),
        (
            "extra.brand.disclaimer",
            "no disclaimer recorded in `extra.brand.disclaimer`"
        )
    );
    let line = read(JEANNE)
        .lines()
        .nth(disclaimer.line as usize - 1)
        .unwrap_or_default()
        .to_owned();
    assert_eq!(line.trim(), "brand:");

    let (code, stdout, stderr) = run(&["--no-config", "--color", "never", "-q", "--rules", PACK, JEANNE]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    assert!(stdout.contains("Service-client · "), "{stdout}");
}

#[test]
fn service_client_each_reports_every_failing_item() {
    let profile = "about:\n  work:\n    - employer: Agence Horizon\n      current: true\n    - employer: Horizon Care\n      position: ''\n    - employer: La Poste\n";
    let r = with_pack().check("p.yaml", profile.as_bytes(), Some(Lang::En));
    let at: Vec<(&str, u32)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "sc-position-named")
        .map(|f| (f.path.as_str(), f.line))
        .collect();
    assert_eq!(at, [("about.work[0]", 3), ("about.work[1]", 5)]);
    assert!(r.passed.iter().any(|p| p == "sc-current-employer"));
}

#[test]
fn verify_catches_a_wrong_example() {
    // Swap a passing example for a profile that fails: verify must notice and exit 1.
    let text = read(PACK).replacen(
        "- \"privacy: {phone_audience: only_me}\"",
        "- \"privacy: {phone_audience: public}\"",
        1,
    );
    assert_ne!(text, read(PACK), "the pack changed: update this test");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pack.yaml");
    std::fs::write(&path, text).expect("write");
    let (code, stdout, _) = run(&["rules", "--no-config", "--verify", path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("sc-phone-hidden example should pass, but it gives: fail"),
        "{stdout}"
    );
}

// ---------------------------------------------------------------- (e) the pack authors' guide

/// The ```yaml blocks of the guide whose first line is `# pack-example`.
fn guide_packs() -> Vec<String> {
    let doc = read("docs/pack-authors.md");
    let mut blocks = Vec::new();
    let mut cur: Option<String> = None;
    for line in doc.lines() {
        match &mut cur {
            None if line.trim_start() == "```yaml" => cur = Some(String::new()),
            Some(_) if line.trim_start() == "```" => {
                let b = cur.take().unwrap_or_default();
                if b.starts_with("# pack-example") {
                    blocks.push(b);
                }
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn guide_full_packs_load_and_verify() {
    let blocks = guide_packs();
    assert!(
        blocks.len() >= 2,
        "the guide should mark its full packs with `# pack-example`"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, b) in blocks.iter().enumerate() {
        if let Err(e) = pack::load("guide-block", b.as_bytes()) {
            panic!("pack #{i} of the guide does not load: {:?}\n{b}", e.render(Lang::En));
        }
        let path = dir.path().join(format!("block{i}.yaml"));
        std::fs::write(&path, b).expect("write");
        let (code, stdout, stderr) = run(&["rules", "--no-config", "--verify", path.to_str().expect("utf-8 path")]);
        assert_eq!(code, 0, "pack #{i} of the guide:\n{stdout}{stderr}");
    }
}

#[test]
fn guide_condition_table_compiles() {
    // Each row of the condition table ends with a one-line example condition.
    let doc = read("docs/pack-authors.md");
    let conds: Vec<&str> = doc
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.trim_end_matches('|').trim_end().rsplit('|').next())
        .map(|c| c.trim().trim_matches('`'))
        .filter(|c| c.starts_with('{'))
        .collect();
    assert!(conds.len() >= 15, "found {} example conditions", conds.len());
    let mut text = String::from("pack: table\nrules:\n");
    for (i, c) in conds.iter().enumerate() {
        text.push_str(&format!(
            "  - id: t{i}\n    severity: info\n    title: t\n    check: {c}\n"
        ));
    }
    if let Err(e) = pack::load("table", text.as_bytes()) {
        panic!("{:?}", e.render(Lang::En));
    }
}

/// The sample output at the top of the README is a real run: every line it
/// shows (it elides some with "…") comes out of the command it names, in order.
#[test]
fn readme_sample_output_is_a_real_run() {
    let readme = read("README.md");
    let command = "$ profilecheck examples/jeanne-martin.yaml --lang en\n";
    let start = readme.find(command).expect("README shows the sample command") + command.len();
    let sample = &readme[start..start + readme[start..].find("```").expect("end of the sample")];
    let (code, stdout, stderr) = run(&["examples/jeanne-martin.yaml", "--lang", "en"]);
    assert_eq!((code, stderr.as_str()), (1, ""));
    let mut out = stdout.lines();
    for line in sample.lines().filter(|l| l.trim() != "…") {
        assert!(
            out.any(|o| o == line),
            "README line not in the real output (or out of order): {line:?}\n{stdout}"
        );
    }
}
