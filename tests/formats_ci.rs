//! The CI output formats (SARIF, JUnit, GitHub workflow commands) over the
//! same fixture reports: a snapshot of each, and checks of the structure a
//! consumer relies on (counts, indexes, escaping) that a snapshot review
//! could miss. The real clients run in `tests/e2e_ci.sh`.

use profilecheck::report::{Context, Format, render};
use profilecheck::{Checker, Lang, ProfileReport, Severity};
use serde_json::Value;

const HALF: &str = "\
name: Jeanne Martin
photo: {set: true, kind: casual}
about:
  bio: \"Community manager\"
contact:
  links:
    - {network: linkedin, url: \"ftp://x\"}
    - {network: twitter, url: \"https://facebook.com/x\"}
keywords: [\"#ereputation\"]
";

const COMPLETE: &str = "\
version: 1
name: Paul Durand
photo: {set: true, kind: professional, cover: true}
about:
  bio: \"Community manager · e-reputation\"
  work:
    - {employer: Agence Horizon, position: Community manager, current: true}
contact:
  links:
    - {network: linkedin, url: \"https://www.linkedin.com/in/paul-durand\"}
keywords: [\"#ereputation\", \"#communitymanagement\", \"#formation\"]
network: {professional_contacts: 42}
publishing:
  posts_per_month: 8
  editorial_line: \"Practical e-reputation advice\"
  topics: [e-reputation]
  writes_articles: true
  default_audience: public
alternate_name: {name: Community Manager, type: other, show_on_profile: true}
followers: {who_can_follow: public, professional_mode: true}
tagging: {tagged_posts_audience: friends, review_tagged_posts: true, review_tags: true}
privacy: {search_engines: true, viewed_as_public: true, birthday_audience: only_me}
";

const INVALID: &str = "\
photo:
  set: yes
  kind: selfie
\"bogus<&>]]>\\x01\": 1
";

const WAIVED: &str = "\
name: Camille
photo: {set: true, kind: professional, cover: true}
followers: {who_can_follow: friends}
waivers:
  professional-mode: \"Garde un profil personnel ; utilise une Page\"
  followers-public: \"Profil privé, assumé\"
";

/// Every kind of string that breaks a careless encoder: markup, CDATA end,
/// percent, colons and commas (workflow command properties), newlines, C0
/// and C1 controls, emoji, right-to-left marks and overrides.
const HOSTILE: &str = "\
name: \"Zoë <b>&amp;</b> \\\"]]>%::, \\u202eLTR\\u200f 🚀\\nline2\\x01\\x7f\"
keywords: [\"#ok\", \"bad<&>]]>%::,\", \"\\x1b[31mred\\x07\", \"🚀\\u202e\"]
alternate_name: {name: \"CEO!!! <script>\", show_on_profile: true}
contact:
  links:
    - {network: linkedin, url: \"javascript:alert('<&>')\\r\\n::error::pwned\"}
waivers:
  review-tagged-posts: \"reason \\\"q\\\" <&> ]]> %0A\\n::warning::injected,: \\x02 \\u202e\"
  \"unknown\\n::error::x\": nope
";

const HOSTILE_FILE: &str = "clients/we\"ird <&> 100%,x:y é.yaml";

fn fixtures() -> (Checker, Vec<ProfileReport>) {
    let checker = Checker::builtin();
    let reports = vec![
        checker.check("examples/half-done.yaml", HALF.as_bytes(), Some(Lang::En)),
        checker.check("examples/complete.yaml", COMPLETE.as_bytes(), Some(Lang::En)),
        checker.check("examples/invalid.yaml", INVALID.as_bytes(), Some(Lang::En)),
        checker.check("examples\\camille waived.yaml", WAIVED.as_bytes(), Some(Lang::Fr)),
        checker.check(HOSTILE_FILE, HOSTILE.as_bytes(), Some(Lang::En)),
    ];
    (checker, reports)
}

fn out(format: Format, checker: &Checker, reports: &[ProfileReport]) -> String {
    let ctx = Context {
        rules: &checker.rules,
        lang: Lang::En,
        color: false,
        quiet: false,
        problems: &[],
        width: profilecheck::report::DEFAULT_WIDTH,
    };
    String::from_utf8(render(format, ctx, reports).unwrap()).unwrap()
}

#[test]
fn fixtures_are_what_the_tests_assume() {
    let (_, r) = fixtures();
    assert!(!r[0].findings.is_empty() && !r[0].passed.is_empty());
    assert!(r[1].findings.is_empty(), "{:#?}", r[1].findings);
    assert_eq!(r[1].score, Some(100));
    assert!(r[2].is_invalid() && r[2].errors.len() >= 3, "{:#?}", r[2].errors);
    assert_eq!(r[3].waived.len(), 2);
    assert!(!r[4].is_invalid(), "{:#?}", r[4].errors);
    assert_eq!(r[4].waived.len(), 1);
    assert_eq!(r[4].warnings.len(), 1);
    // Several findings for one rule: JUnit must fold them into one testcase.
    assert_eq!(r[0].findings.iter().filter(|f| f.rule == "link-domains").count(), 2);
    assert!(r[4].findings.iter().filter(|f| f.rule == "keyword-format").count() >= 2);
}

// ---------------------------------------------------------------- SARIF

#[test]
fn sarif_snapshot() {
    let (c, r) = fixtures();
    insta::assert_snapshot!("sarif", out(Format::Sarif, &c, &r));
}

#[test]
fn sarif_structure() {
    let (c, r) = fixtures();
    let log: Value = serde_json::from_str(&out(Format::Sarif, &c, &r)).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "profilecheck");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), c.rules.rules.len());
    for (rule, desc) in c.rules.rules.iter().zip(rules) {
        assert_eq!(desc["id"], rule.id.as_str());
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(!desc[key]["text"].as_str().unwrap().is_empty(), "{} {key}", rule.id);
        }
        assert!(desc["help"]["text"].as_str().unwrap().starts_with("1. "), "{}", rule.id);
        let level = match rule.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(desc["defaultConfiguration"]["level"], level);
    }

    let results = run["results"].as_array().unwrap();
    let findings: usize = r.iter().map(|p| p.findings.len()).sum();
    let waived: usize = r.iter().map(|p| p.waived.len()).sum();
    assert_eq!(results.len(), findings + waived);
    let suppressed: Vec<&Value> = results.iter().filter(|x| x.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), waived);
    for s in &suppressed {
        assert!(!s["suppressions"][0]["justification"].as_str().unwrap().is_empty());
    }
    let mut fingerprints = std::collections::HashSet::new();
    for res in results {
        let id = res["ruleId"].as_str().unwrap();
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], id);
        let sev = c.rules.get(id).unwrap().severity;
        assert_eq!(res["level"], rules[i]["defaultConfiguration"]["level"], "{id} {sev}");
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "{uri}"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
        assert!(
            fingerprints.insert(
                res["partialFingerprints"]["profilecheck/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            )
        );
    }
    // Every hostile result message survives the round trip unchanged.
    let hostile = &r[4];
    let kw = hostile.findings.iter().find(|f| f.message.contains("bad<&>")).unwrap();
    assert!(
        results
            .iter()
            .any(|x| x["message"]["text"].as_str().unwrap().contains(&kw.message))
    );
    assert!(results.iter().any(|x| {
        x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "clients/we%22ird%20%3C%26%3E%20100%25%2Cx%3Ay%20%C3%A9.yaml"
    }));
    assert!(results.iter().any(|x| {
        x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "examples/camille%20waived.yaml"
    }));

    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    let errors: usize = r.iter().map(|p| p.errors.len()).sum();
    let warnings: usize = r.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(notes.len(), errors + warnings);
    assert_eq!(notes.iter().filter(|n| n["level"] == "error").count(), errors);
    for n in notes.iter().filter(|n| n["level"] == "error") {
        assert_eq!(
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "examples/invalid.yaml"
        );
    }
}

#[test]
fn sarif_without_invalid_profiles_or_any_profile() {
    let (c, r) = fixtures();
    let log: Value = serde_json::from_str(&out(Format::Sarif, &c, &r[..2])).unwrap();
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
    assert_eq!(
        log["runs"][0]["invocations"][0]["toolExecutionNotifications"],
        serde_json::json!([])
    );
    let log: Value = serde_json::from_str(&out(Format::Sarif, &c, &[])).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

// ---------------------------------------------------------------- JUnit

/// The value of `name="..."` in the tag that starts at the beginning of `tag`.
fn attr_of(tag: &str, name: &str) -> usize {
    let end = tag.find('>').unwrap();
    let start = tag[..end]
        .find(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("{name} in {tag}"))
        + name.len()
        + 3;
    let len = tag[start..].find('"').unwrap();
    tag[start..start + len].parse().unwrap()
}

fn count(s: &str, pat: &str) -> usize {
    s.matches(pat).count()
}

#[test]
fn junit_snapshot() {
    let (c, r) = fixtures();
    insta::assert_snapshot!("junit", out(Format::Junit, &c, &r));
}

#[test]
fn junit_counts_match_the_elements() {
    let (c, r) = fixtures();
    let xml = out(Format::Junit, &c, &r);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"profilecheck\" "));
    let root = &xml[xml.find("<testsuites").unwrap()..];
    let suites: Vec<&str> = xml.split("<testsuite ").skip(1).collect();
    assert_eq!(suites.len(), r.len());
    let (mut tests, mut failures, mut errors, mut skipped) = (0, 0, 0, 0);
    for (suite, p) in suites.iter().zip(&r) {
        let body = &suite[..suite.find("</testsuite>").unwrap()];
        let t = count(body, "<testcase ");
        let f = count(body, "<failure ");
        let e = count(body, "<error ");
        let s = count(body, "<skipped ");
        assert_eq!(attr_of(suite, "tests"), t, "{}", p.file);
        assert_eq!(attr_of(suite, "failures"), f, "{}", p.file);
        assert_eq!(attr_of(suite, "errors"), e, "{}", p.file);
        assert_eq!(attr_of(suite, "skipped"), s, "{}", p.file);
        // One testcase per applicable or waived rule; one failure per rule
        // whatever its number of findings.
        if p.is_invalid() {
            assert_eq!((t, f, e, s), (1, 0, 1, 0));
        } else {
            let mut failing: Vec<&str> = p.findings.iter().map(|x| x.rule.as_str()).collect();
            failing.sort_unstable();
            failing.dedup();
            assert_eq!(t, p.passed.len() + failing.len() + p.waived.len());
            assert_eq!(f, failing.len());
            assert_eq!(s, p.waived.len());
        }
        tests += t;
        failures += f;
        errors += e;
        skipped += s;
    }
    assert_eq!(attr_of(root, "tests"), tests);
    assert_eq!(attr_of(root, "failures"), failures);
    assert_eq!(attr_of(root, "errors"), errors);
    assert_eq!(attr_of(root, "skipped"), skipped);
}

#[test]
fn junit_escapes_hostile_strings() {
    let (c, r) = fixtures();
    let xml = out(Format::Junit, &c, &r);
    // No character XML 1.0 forbids.
    assert!(
        !xml.chars()
            .any(|ch| (ch < ' ' && !matches!(ch, '\t' | '\n' | '\r')) || ch == '\u{fffe}' || ch == '\u{ffff}')
    );
    assert!(!xml.contains("]]>"));
    // Every `&` starts an entity or a character reference.
    for (i, _) in xml.match_indices('&') {
        let rest = &xml[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "bare & at {}",
            &rest[..rest.len().min(20)]
        );
    }
    // Markup only where the reporter put it: each `<` opens a known element.
    for (i, _) in xml.match_indices('<') {
        let rest = &xml[i + 1..];
        assert!(
            [
                "?xml",
                "testsuites",
                "/testsuites",
                "testsuite",
                "/testsuite",
                "testcase",
                "/testcase",
                "failure",
                "/failure",
                "error",
                "/error",
                "skipped",
                "properties",
                "/properties",
                "property",
                "system-err",
                "/system-err",
            ]
            .iter()
            .any(|e| rest.starts_with(e)),
            "stray < at {}",
            &rest[..rest.len().min(20)]
        );
    }
    assert!(xml.contains("<testsuite name=\"clients/we&quot;ird &lt;&amp;&gt; 100%,x:y é.yaml\""));
    assert!(xml.contains("<skipped message=\"reason &quot;q&quot; &lt;&amp;&gt; ]]&gt; %0A&#10;::warning::injected,: \u{fffd} \\u{202e}\"/>"));
}

// ---------------------------------------------------------------- GitHub

#[test]
fn github_snapshot() {
    let (c, r) = fixtures();
    insta::assert_snapshot!("github", out(Format::Github, &c, &r));
}

#[test]
fn github_commands_are_escaped_and_grouped() {
    let (c, r) = fixtures();
    let text = out(Format::Github, &c, &r);
    let lines: Vec<&str> = text.lines().collect();
    // Every line is a command: no value broke out onto a line of its own.
    assert!(lines.iter().all(|l| l.starts_with("::")), "{text}");
    // No raw control character (CR, ESC, BEL…) reaches the log.
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("::group::")).count(), r.len());
    assert_eq!(lines.iter().filter(|l| **l == "::endgroup::").count(), r.len());
    let annotations = |cmd: &str| {
        lines
            .iter()
            .filter(|l| l.starts_with(&format!("::{cmd} file=")))
            .count()
    };
    let sev = |s: Severity| r.iter().map(|p| p.count(s)).sum::<usize>();
    let errors: usize = r.iter().map(|p| p.errors.len()).sum();
    let warnings: usize = r.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(annotations("error"), sev(Severity::Error) + errors);
    assert_eq!(annotations("warning"), sev(Severity::Warning) + warnings);
    assert_eq!(annotations("notice"), sev(Severity::Info));
    assert!(lines.last().unwrap().starts_with("::notice title=profilecheck::"));

    // Properties: `:` and `,` (and `%`) escaped, so `file=` ends where it should.
    let file = "clients/we\"ird <&> 100%25%2Cx%3Ay é.yaml";
    let link = lines
        .iter()
        .find(|l| l.starts_with(&format!("::error file={file},")) && l.contains("title=link-urls::"))
        .expect("the hostile link-urls finding");
    let data = &link[link.find("::Give").unwrap()..];
    assert!(data.contains("%0D%0A::error::pwned"), "{data}");
    // Each property splits cleanly on `,` into key=value pairs.
    for l in lines.iter().filter(|l| l.contains(" file=")) {
        let props = &l[l.find(' ').unwrap() + 1..];
        let props = &props[..props.find("::").unwrap()];
        let keys: Vec<&str> = props.split(',').map(|kv| kv.split('=').next().unwrap()).collect();
        assert_eq!(keys, ["file", "line", "col", "title"], "{l}");
    }
    // A waiver naming an unknown rule with a newline in it.
    assert!(text.contains("unknown%0A::error::x"), "{text}");
}

#[test]
fn quiet_github_skips_clean_profiles_and_the_summary() {
    let (c, r) = fixtures();
    let ctx = Context {
        rules: &c.rules,
        lang: Lang::En,
        color: false,
        quiet: true,
        problems: &[],
        width: profilecheck::report::DEFAULT_WIDTH,
    };
    let text = String::from_utf8(render(Format::Github, ctx, &r).unwrap()).unwrap();
    assert!(!text.contains("complete.yaml"));
    assert!(text.contains("half-done.yaml"));
    assert!(!text.contains("::notice title=profilecheck::"));
}
