//! `--baseline`: a profile compared with an earlier run's JSON report, in
//! every format that shows progress (docs/cli.md, docs/formats.md).

use profilecheck::report::baseline::Baseline;
use profilecheck::report::{Context, Format, render, render_against};
use profilecheck::{Checker, Lang, ProfileReport};

const BEFORE: &str = "name: Jeanne Martin\nphoto: {set: true, kind: casual}\nabout:\n  bio: \"Community manager\"\ncontact:\n  links:\n    - {network: instagram, url: 'instagram.com/jeanne'}\n";
const AFTER: &str = "name: Jeanne Martin\nphoto: {set: true, kind: professional}\nabout:\n  bio: \"Community manager\"\n  city: Rennes\nkeywords: [ereputation, rennes, formation]\nprivacy:\n  phone_audience: public\ncontact:\n  links:\n    - {network: instagram, url: 'instagram.com/jeanne'}\n";

fn ctx(checker: &Checker) -> Context<'_> {
    Context {
        rules: &checker.rules,
        lang: Lang::En,
        color: false,
        quiet: false,
        problems: &[],
        width: profilecheck::report::DEFAULT_WIDTH,
    }
}

fn runs() -> (Checker, Baseline, Vec<ProfileReport>) {
    let checker = Checker::builtin();
    let before = vec![checker.check("clients/jeanne.yaml", BEFORE.as_bytes(), Some(Lang::En))];
    let json = render(Format::Json, ctx(&checker), &before).unwrap();
    let base = Baseline::parse(&json).unwrap();
    let after = vec![
        checker.check("./clients/jeanne.yaml", AFTER.as_bytes(), Some(Lang::En)),
        checker.check("clients/new.yaml", BEFORE.as_bytes(), Some(Lang::En)),
    ];
    (checker, base, after)
}

fn out(format: Format) -> String {
    let (checker, base, after) = runs();
    String::from_utf8(render_against(format, ctx(&checker), &after, &base).unwrap()).unwrap()
}

#[test]
fn the_comparison_is_what_the_snapshots_show() {
    let (_, base, after) = runs();
    let pr = base.compare(&after[0]);
    assert!(pr.known_profile);
    assert!(pr.after > pr.before, "{pr:?}");
    assert!(pr.fixed.iter().any(|o| o.rule == "photo-professional"), "{pr:?}");
    assert!(pr.known_count() >= 1 && pr.new_count() >= 1, "{pr:?}");
    assert!(!base.compare(&after[1]).known_profile);
}

#[test]
fn text_shows_progress_per_profile() {
    insta::assert_snapshot!("baseline_text", out(Format::Text));
}

#[test]
fn markdown_shows_progress_per_profile() {
    insta::assert_snapshot!("baseline_markdown", out(Format::Markdown));
}

#[test]
fn html_shows_progress_inside_each_profile() {
    let html = out(Format::Html);
    let start = html.find("<section class=\"baseline\">").unwrap();
    let end = html[start..].find("</section>").unwrap() + start + "</section>".len();
    insta::assert_snapshot!("baseline_html", &html[start..end]);
    // Inside the article, before it closes.
    assert!(html[end..].trim_start().starts_with("</article>"));
}

#[test]
fn sarif_marks_each_result_with_its_baseline_state() {
    let sarif: serde_json::Value = serde_json::from_str(&out(Format::Sarif)).unwrap();
    let states: Vec<(String, String, String)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_none())
        .map(|r| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_owned();
            (
                s(&r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
                s(&r["ruleId"]),
                s(&r["baselineState"]),
            )
        })
        .collect();
    let (_, base, after) = runs();
    let known: usize = after.iter().map(|p| base.compare(p).known_count()).sum();
    assert_eq!(states.iter().filter(|s| s.2 == "unchanged").count(), known);
    let changed: Vec<_> = states
        .iter()
        .filter(|s| s.2 != "unchanged" && s.0 == "clients/jeanne.yaml")
        .collect();
    insta::assert_debug_snapshot!("baseline_sarif_states", changed);
    let new = states.iter().filter(|s| s.0 == "clients/new.yaml");
    assert!(new.clone().count() > 0 && new.clone().all(|s| s.2 == "new"));
}

#[test]
fn json_carries_the_states_and_can_serve_as_the_next_baseline() {
    let json = out(Format::Json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let p = &v["profiles"][0];
    assert!(p["baseline"]["score_before"].is_u64(), "{p}");
    assert!(
        p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["baseline_state"].is_string())
    );
    let again = Baseline::parse(json.as_bytes()).unwrap();
    let (_, _, after) = runs();
    assert_eq!(again.compare(&after[0]).new_count(), 0);
}
