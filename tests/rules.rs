//! The built-in rules as a contract: ids, packs, steps and severities match
//! docs/rules.md, every rule is documented in both languages and carries examples,
//! every rule is seen passing and failing on profiles written here (not the
//! packs' own examples), findings are located as docs/formats.md says, and the score
//! follows docs/rules.md. A property test closes over generated profiles.

use profilecheck::report::{Context, Format, render};
use profilecheck::rules::engine::{RuleSet, Selection};
use profilecheck::rules::pack;
use profilecheck::{Checker, Lang, ProfileReport};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static BUILTIN: LazyLock<Checker> = LazyLock::new(Checker::builtin);

fn check(yaml: &str) -> ProfileReport {
    let r = BUILTIN.check("p.yaml", yaml.as_bytes(), Some(Lang::En));
    assert!(r.errors.is_empty(), "profile should be valid: {yaml}\n{:?}", r.errors);
    r
}

fn failed(r: &ProfileReport) -> BTreeSet<&str> {
    r.findings.iter().map(|f| f.rule.as_str()).collect()
}

/// The contract's rule table, copied by hand: id, pack, step, severity (docs/rules.md is generated from the packs).
const SPEC_TABLE: &[(&str, &str, Option<u32>, &str)] = &[
    ("photo-set", "guide", Some(1), "error"),
    ("photo-professional", "guide", Some(1), "warning"),
    ("cover-photo", "guide", Some(1), "info"),
    ("bio-filled", "guide", Some(1), "warning"),
    ("bio-length", "guide", Some(1), "error"),
    ("current-position", "guide", Some(1), "warning"),
    ("contact-links", "guide", Some(1), "warning"),
    ("link-urls", "guide", Some(1), "error"),
    ("website-url", "guide", Some(1), "error"),
    ("link-domains", "guide", Some(1), "warning"),
    ("professional-network", "guide", Some(1), "warning"),
    ("keywords", "guide", Some(2), "warning"),
    ("keyword-format", "guide", Some(2), "warning"),
    ("posting-rhythm", "guide", Some(3), "warning"),
    ("editorial-line", "guide", Some(3), "warning"),
    ("expertise-topics", "guide", Some(3), "warning"),
    ("content-mix", "guide", Some(3), "info"),
    ("viewed-as-public", "guide", Some(4), "info"),
    ("alternate-name", "guide", Some(5), "warning"),
    ("alternate-name-shown", "guide", Some(5), "warning"),
    ("alternate-name-standards", "guide", Some(5), "error"),
    ("followers-public", "guide", Some(6), "warning"),
    ("public-posts", "guide", Some(6), "info"),
    ("professional-mode", "guide", Some(6), "info"),
    ("tagged-posts-audience", "guide", Some(7), "warning"),
    ("review-tagged-posts", "guide", Some(7), "error"),
    ("review-tags", "guide", Some(7), "info"),
    ("personal-info-private", "privacy", None, "warning"),
    ("search-engines", "privacy", None, "info"),
];

#[test]
fn builtin_rules_match_the_spec_table_exactly() {
    let got: Vec<(String, String, Option<u32>, String)> = pack::builtin()
        .iter()
        .flat_map(|p| &p.rules)
        .map(|r| (r.id.clone(), r.pack.clone(), r.step, r.severity.as_str().to_owned()))
        .collect();
    let want: Vec<(String, String, Option<u32>, String)> = SPEC_TABLE
        .iter()
        .map(|(id, pack, step, sev)| (id.to_string(), pack.to_string(), *step, sev.to_string()))
        .collect();
    let got_set: BTreeSet<_> = got.iter().collect();
    let want_set: BTreeSet<_> = want.iter().collect();
    assert_eq!(
        got_set.difference(&want_set).collect::<Vec<_>>(),
        Vec::<&&(String, String, Option<u32>, String)>::new(),
        "rules not in the contract (or with another pack/step/severity)"
    );
    assert_eq!(
        want_set.difference(&got_set).collect::<Vec<_>>(),
        Vec::<&&(String, String, Option<u32>, String)>::new(),
        "contract rules missing or changed"
    );
    assert_eq!(got.len(), 29, "each id once");
}

#[test]
fn builtin_rule_ids_snapshot() {
    let mut out = String::new();
    for p in pack::builtin() {
        for r in &p.rules {
            let step = r.step.map_or("-".to_owned(), |s| s.to_string());
            out.push_str(&format!("{:<26} {:<8} {:<2} {}\n", r.id, r.pack, step, r.severity));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn every_file_in_rules_dir_is_embedded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("rules/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    on_disk.sort();
    let mut embedded: Vec<(String, String)> = pack::BUILTIN
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    embedded.sort();
    let names = |v: &[(String, String)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&embedded), names(&on_disk));
    assert_eq!(embedded, on_disk, "embedded text is the file's text");
    // Each embedded pack is named after its file.
    for p in pack::builtin() {
        assert!(pack::BUILTIN.iter().any(|(n, _)| *n == p.name), "pack {}", p.name);
    }
}

#[test]
fn every_builtin_rule_is_documented_in_en_and_fr_with_examples() {
    for p in pack::builtin() {
        for r in &p.rules {
            for (what, t) in [("title", &r.title), ("why", &r.why)] {
                for code in ["en", "fr"] {
                    let text = t.variants.iter().find(|(c, _)| c == code).map(|(_, s)| s.trim());
                    assert!(text.is_some_and(|s| !s.is_empty()), "{}: {what}.{code} missing", r.id);
                }
                assert_ne!(t.get(Lang::En), t.get(Lang::Fr), "{}: {what} is not translated", r.id);
            }
            for code in ["en", "fr"] {
                let steps = r.fix.variants.iter().find(|(c, _)| c == code).map(|(_, s)| s);
                assert!(
                    steps.is_some_and(|s| !s.is_empty() && s.iter().all(|l| !l.trim().is_empty())),
                    "{}: fix.{code} missing or has an empty step",
                    r.id
                );
            }
            assert!(!r.examples_pass.is_empty(), "{}: no pass example", r.id);
            assert!(!r.examples_fail.is_empty(), "{}: no fail example", r.id);
        }
    }
}

#[test]
fn builtin_examples_behave_as_declared() {
    let failures = profilecheck::rules::verify::verify_failures(&pack::builtin(), profilecheck::Lang::En);
    let shown: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {} expected {} got {}",
                f.pack,
                f.line,
                f.col,
                f.rule,
                f.expected,
                f.got.key()
            )
        })
        .collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

/// (rule, a profile where it passes, a profile where it fails), written
/// independently of the packs' own examples.
fn cases() -> Vec<(&'static str, String, String)> {
    let s = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    let bio = |n: usize| format!("about: {{bio: \"{}\"}}", "é".repeat(n));
    let mut v = vec![
        ("photo-set", s("photo: {set: true}", "photo: {set: false, cover: true}")),
        (
            "photo-professional",
            s(
                "photo: {set: true, kind: professional}",
                "photo: {set: true, kind: avatar}",
            ),
        ),
        ("cover-photo", s("photo: {cover: true}", "photo: {cover: false}")),
        (
            "bio-filled",
            s("about: {bio: Photographe culinaire}", "about: {bio: ''}"),
        ),
        // 101 accented letters are 101 characters (202 bytes): the limit counts characters.
        ("bio-length", (bio(101), bio(102))),
        (
            "current-position",
            s(
                "about: {work: [{employer: A, position: Cook, current: false}, {employer: B, position: Baker, current: true}]}",
                "about: {work: [{employer: A, position: Cook, current: false}, {employer: B, current: true}]}",
            ),
        ),
        (
            "contact-links",
            s(
                "contact: {links: [{network: instagram, url: 'https://instagram.com/j'}, {network: viadeo, url: 'https://viadeo.com/p/j'}]}",
                "contact: {links: [{network: instagram, url: 'https://instagram.com/j'}, {network: github, url: 'https://github.com/j'}]}",
            ),
        ),
        (
            "website-url",
            s(
                "contact: {website: 'https://ahmed-benali.fr/'}",
                "contact: {website: ahmed-benali.fr}",
            ),
        ),
        (
            "link-urls",
            s(
                "contact: {links: [{network: blog, url: 'http://blog.example.org/'}]}",
                "contact: {links: [{network: blog, url: 'www.example.org'}]}",
            ),
        ),
        (
            "link-domains",
            s(
                "contact: {links: [{network: youtube, url: 'https://m.youtube.com/@j'}, {network: website, url: 'https://anything.example'}]}",
                "contact: {links: [{network: twitter, url: 'https://mastodon.social/@j'}]}",
            ),
        ),
        (
            "professional-network",
            s(
                "network: {professional_contacts: 10}",
                "network: {professional_contacts: 9}",
            ),
        ),
        ("keywords", s("keywords: [seo, web, '#ads']", "keywords: [seo, web]")),
        (
            "keyword-format",
            s(
                "keywords: ['#seo', référencement, web_2]",
                "keywords: ['#seo', 'two words']",
            ),
        ),
        (
            "posting-rhythm",
            s("publishing: {posts_per_month: 4}", "publishing: {posts_per_month: 3.5}"),
        ),
        (
            "editorial-line",
            s(
                "publishing: {editorial_line: Plain SEO tips}",
                "publishing: {topics: [seo]}",
            ),
        ),
        (
            "expertise-topics",
            s("publishing: {topics: [seo]}", "publishing: {topics: []}"),
        ),
        (
            "content-mix",
            s(
                "publishing: {shares_curation: true}",
                "publishing: {shares_blog_posts: false, shares_curation: false, writes_articles: false}",
            ),
        ),
        (
            "viewed-as-public",
            s(
                "privacy: {viewed_as_public: true}",
                "privacy: {viewed_as_public: false}",
            ),
        ),
        (
            "alternate-name",
            s(
                "alternate_name: {name: Photographe}",
                "alternate_name: {type: nickname}",
            ),
        ),
        (
            "alternate-name-shown",
            s(
                "alternate_name: {name: Photographe, show_on_profile: true}",
                "alternate_name: {name: Photographe, show_on_profile: false}",
            ),
        ),
        (
            "alternate-name-standards",
            s(
                "alternate_name: {name: Photographe culinaire}",
                "alternate_name: {name: 'Photographe #1'}",
            ),
        ),
        (
            "followers-public",
            s(
                "followers: {who_can_follow: friends, professional_mode: true}",
                "followers: {who_can_follow: friends, professional_mode: false}",
            ),
        ),
        (
            "public-posts",
            s(
                "followers: {who_can_follow: public}\npublishing: {default_audience: public}",
                "followers: {who_can_follow: public}\npublishing: {default_audience: friends}",
            ),
        ),
        (
            "professional-mode",
            s(
                "followers: {professional_mode: true}",
                "followers: {professional_mode: false}",
            ),
        ),
        (
            "tagged-posts-audience",
            s(
                "tagging: {tagged_posts_audience: custom}",
                "tagging: {tagged_posts_audience: friends_of_friends}",
            ),
        ),
        (
            "review-tagged-posts",
            s(
                "tagging: {review_tagged_posts: true}",
                "tagging: {review_tagged_posts: false}",
            ),
        ),
        (
            "review-tags",
            s("tagging: {review_tags: true}", "tagging: {review_tags: false}"),
        ),
        (
            "personal-info-private",
            s(
                "privacy: {email_audience: public, birthday_audience: friends}",
                "privacy: {birthday_audience: friends, relationship_audience: public}",
            ),
        ),
        (
            "search-engines",
            s("privacy: {search_engines: true}", "privacy: {search_engines: false}"),
        ),
    ];
    v.sort_by_key(|(id, _)| *id);
    v.into_iter().map(|(id, (p, f))| (id, p, f)).collect()
}

#[test]
fn every_builtin_rule_passes_and_fails() {
    let cases = cases();
    let covered: BTreeSet<&str> = cases.iter().map(|(id, _, _)| *id).collect();
    let all: BTreeSet<&str> = SPEC_TABLE.iter().map(|(id, ..)| *id).collect();
    assert_eq!(covered, all, "one case per built-in rule");
    for (id, pass, fail) in &cases {
        let r = check(pass);
        assert!(r.passed.iter().any(|p| p == id), "{id} should pass on:\n{pass}\n{r:#?}");
        assert!(!failed(&r).contains(id), "{id} both passed and failed");
        let r = check(fail);
        assert!(
            failed(&r).contains(id),
            "{id} should fail on:\n{fail}\npassed: {:?}",
            r.passed
        );
        assert!(!r.passed.iter().any(|p| p == id), "{id} both failed and passed");
    }
}

#[test]
fn alternate_name_standards_each_clause() {
    let fails = [
        ("digit", "Coach 2"),
        ("symbol", "Coach; sportif"),
        ("emoji", "Coach sportif 💪"),
        ("comma", "Consultant, formateur"),
        ("French quotes", "« Coach »"),
        ("bullet", "Coach • Formateur"),
        ("currency sign", "Coach €"),
        ("Cyrillic о among Latin letters", "Cоach"),
        ("Greek ο among Latin letters", "Cοach"),
        ("Greek and Cyrillic", "Αлфа"),
        ("backslash", "Coach\\\\sportif"),
        ("tripled letter", "Cooooach"),
        ("all capitals", "SEO"),
        ("51 characters", &"a".repeat(51)),
    ];
    for (why, name) in fails {
        let r = check(&format!("alternate_name: {{name: \"{name}\"}}"));
        assert!(
            failed(&r).contains("alternate-name-standards"),
            "{why}: `{name}` should fail"
        );
    }
    let passes = [
        "Coach",
        "Dr Anne Roy",
        "Coach sportif",
        "Aa",
        &"ab".repeat(25),
        "Chef d'équipe",
        "Dr. Jean-Pierre L’Hôte",
        "Анна Тренер",
        "Ελένη",
    ];
    for name in passes {
        let r = check(&format!("alternate_name: {{name: \"{name}\"}}"));
        assert!(
            r.passed.iter().any(|p| p == "alternate-name-standards"),
            "`{name}` should pass"
        );
    }
}

#[test]
fn rules_with_when_are_not_applicable_when_it_does_not_hold() {
    let r = check("photo: {set: false}\nfollowers: {who_can_follow: friends}\n");
    for id in [
        "photo-professional",
        "bio-length",
        "alternate-name-shown",
        "alternate-name-standards",
        "public-posts",
    ] {
        assert!(r.not_applicable.iter().any(|n| n == id), "{id}: {:?}", r.not_applicable);
        assert!(!failed(&r).contains(id) && !r.passed.iter().any(|p| p == id));
    }
}

// ------------------------------------------------------------------ locations (docs/formats.md)

fn finding<'a>(r: &'a ProfileReport, id: &str) -> &'a profilecheck::Finding {
    r.findings
        .iter()
        .find(|f| f.rule == id)
        .unwrap_or_else(|| panic!("no finding for {id}: {:?}", failed(r)))
}

#[test]
fn finding_points_at_its_value() {
    let r = check("name: Jeanne\nphoto:\n  set: false\n");
    let f = finding(&r, "photo-set");
    assert_eq!((f.path.as_str(), f.line, f.column), ("photo.set", 3, 8));
    let r = check("name: Jeanne\nphoto:\n  cover: false\n  set: true\n  kind:   casual\n");
    let f = finding(&r, "cover-photo");
    assert_eq!((f.path.as_str(), f.line, f.column), ("photo.cover", 3, 10));
    let f = finding(&r, "photo-professional");
    assert_eq!((f.path.as_str(), f.line, f.column), ("photo.kind", 5, 11));
}

#[test]
fn missing_value_points_at_nearest_key_above() {
    // `photo` exists, `photo.cover` does not: point at `photo`.
    let r = check("name: Jeanne\nphoto:\n  set: true\n");
    let f = finding(&r, "cover-photo");
    assert_eq!((f.path.as_str(), f.line, f.column), ("photo.cover", 2, 1));
    // A key with no value is missing: point at that key.
    let r = check("name: Jeanne\nphoto:\n  set: true\n  cover:\n");
    let f = finding(&r, "cover-photo");
    assert_eq!((f.line, f.column), (4, 3));
    // Nothing on the path exists: 1:1.
    let f = finding(&r, "review-tags");
    assert_eq!((f.path.as_str(), f.line, f.column), ("tagging.review_tags", 1, 1));
}

#[test]
fn each_gives_one_finding_per_failing_item_at_the_item() {
    let yaml = "contact:\n  links:\n    - network: blog\n      url: https://ok.example\n    - network: blog\n      url: nope\n    - {network: website, url: 'ftp://x.example'}\n";
    let r = check(yaml);
    let got: Vec<(&str, u32, u32)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "link-urls")
        .map(|f| (f.path.as_str(), f.line, f.column))
        .collect();
    assert_eq!(got, vec![("contact.links[1]", 5, 7), ("contact.links[2]", 7, 7)]);
    // The rule counts once in the score and is not also "passed".
    assert!(!r.passed.iter().any(|p| p == "link-urls"));
}

#[test]
fn all_points_at_the_first_failing_part_in_file_order_and_names_each() {
    // personal-info-private (docs/rules.md, contract 1.1): birthday is private, family comes
    // before phone in the file; both are public.
    let yaml = "privacy:\n  birthday_audience: friends\n  family_audience: public\n  relationship_audience: only_me\n  phone_audience: public\n";
    let r = check(yaml);
    let f = finding(&r, "personal-info-private");
    assert_eq!((f.path.as_str(), f.line, f.column), ("privacy.family_audience", 3, 20));
    assert_eq!(
        f.message,
        "Your family members are public. Your phone number is public."
    );
    let r = BUILTIN.check("p.yaml", yaml.as_bytes(), Some(Lang::Fr));
    let f = finding(&r, "personal-info-private");
    assert_eq!(
        f.message,
        "Les membres de votre famille sont visibles de tous. Votre numéro de téléphone est visible de tous."
    );
    // One public audience: only that one is named.
    let r = check("privacy: {phone_audience: only_me, birthday_audience: public}\n");
    let f = finding(&r, "personal-info-private");
    assert_eq!(
        (f.path.as_str(), f.line, f.column),
        ("privacy.birthday_audience", 1, 55)
    );
    assert_eq!(f.message, "Your birth date is public.");
}

#[test]
fn website_counts_as_a_contact_link_and_is_checked_like_one() {
    let r = check("contact: {website: 'https://ahmed-benali.fr'}\n");
    assert!(r.passed.iter().any(|p| p == "contact-links"), "{:?}", failed(&r));
    assert!(r.passed.iter().any(|p| p == "website-url"));
    let r = check("contact:\n  website: cabinet-rebond.fr\n");
    let f = finding(&r, "website-url");
    assert_eq!((f.path.as_str(), f.line, f.column), ("contact.website", 2, 12));
    assert!(
        f.message.starts_with("\"cabinet-rebond.fr\" is not a full web address"),
        "{}",
        f.message
    );
}

#[test]
fn a_link_without_scheme_is_reported_by_link_urls_alone() {
    let yaml = "contact: {links: [{network: linkedin, url: 'linkedin.com/in/sophie-lefevre'}, {network: x, url: 'www.twitter.com/s'}]}\n";
    let r = check(yaml);
    assert!(r.passed.iter().any(|p| p == "link-domains"), "{:?}", failed(&r));
    assert_eq!(r.findings.iter().filter(|f| f.rule == "link-urls").count(), 2);
    // Without a scheme, the host is still judged; another scheme is not http(s).
    for url in [
        "sophie-lefevre.fr/linkedin",
        "ftp://linkedin.com/in/s",
        "//linkedin.com/in/s",
    ] {
        let r = check(&format!("contact: {{links: [{{network: linkedin, url: '{url}'}}]}}\n"));
        assert!(failed(&r).contains("link-domains"), "{url} should fail link-domains");
    }
}

#[test]
fn some_points_at_the_list() {
    let r = check("name: J\ncontact:\n  links:\n    - {network: other, url: 'https://a.example'}\n");
    let f = finding(&r, "contact-links");
    assert_eq!((f.path.as_str(), f.line, f.column), ("contact.links", 4, 5));
}

#[test]
fn findings_sorted_by_line_column_rule() {
    let r = check("photo:\n  set: false\ntagging: {review_tags: false, review_tagged_posts: false}\n");
    let keys: Vec<(u32, u32, String)> = r.findings.iter().map(|f| (f.line, f.column, f.rule.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Several findings at 1:1 are ordered by rule id.
    let at_start: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| (f.line, f.column) == (1, 1))
        .map(|f| f.rule.as_str())
        .collect();
    assert!(
        at_start.len() > 3 && at_start.windows(2).all(|w| w[0] < w[1]),
        "{at_start:?}"
    );
    assert_eq!(r.findings.last().map(|f| f.rule.as_str()), Some("review-tagged-posts"));
}

// ------------------------------------------------------------------ score (docs/rules.md)

fn checker_with(select: &[&str]) -> Checker {
    let sel = Selection {
        select: Some(select.iter().map(|s| s.to_string()).collect()),
        ..Selection::default()
    };
    Checker {
        rules: RuleSet::new(pack::builtin(), &sel).expect("valid"),
    }
}

#[test]
fn score_of_empty_profile_computed_by_hand() {
    // All 29 rules weigh 6 errors×3 + 16 warnings×2 + 7 infos×1 = 57.
    // Not applicable on an empty profile: photo-professional (2), bio-length (3),
    // website-url (3), alternate-name-shown (2), alternate-name-standards (3),
    // public-posts (1) → 43 apply.
    // Passing on an empty profile: link-urls (3), link-domains (2),
    // keyword-format (2), personal-info-private (2) → 9.
    // 100 × 9 / 43 = 20.93 → 21.
    let r = check("");
    assert_eq!(r.score, Some(21));
    let mut passed = r.passed.clone();
    passed.sort();
    assert_eq!(
        passed,
        ["keyword-format", "link-domains", "link-urls", "personal-info-private"]
    );
}

#[test]
fn score_of_complete_profile_is_100() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/complete.yaml"
    ))
    .unwrap();
    let r = BUILTIN.check("complete.yaml", &text, None);
    assert_eq!(r.score, Some(100), "{:?}", failed(&r));
    assert_eq!(r.passed.len(), 29);
}

#[test]
fn score_rounds_half_up() {
    // photo-set (error 3) + bio-filled (warning 2) + keywords (warning 2) + cover-photo (info 1) = 8;
    // only cover-photo passes: 100 × 1 / 8 = 12.5 → 13 (half-even would give 12).
    let c = checker_with(&["photo-set", "bio-filled", "keywords", "cover-photo"]);
    let r = c.check("p.yaml", b"photo: {cover: true}\n", None);
    assert_eq!(r.score, Some(13));
    // Only photo-set fails: 100 × 5 / 8 = 62.5 → 63.
    let r = c.check(
        "p.yaml",
        b"photo: {cover: true}\nabout: {bio: Baker}\nkeywords: [a, b, c]\n",
        None,
    );
    assert_eq!(r.score, Some(63));
}

#[test]
fn score_counts_a_rule_once_however_many_findings() {
    // link-urls (3) fails on two items, photo-set (3) passes: 3 / 6 = 50.
    let c = checker_with(&["link-urls", "photo-set"]);
    let r = c.check(
        "p.yaml",
        b"photo: {set: true}\ncontact: {links: [{network: blog, url: a}, {network: blog, url: b}]}\n",
        None,
    );
    assert_eq!(r.findings.len(), 2);
    assert_eq!(r.score, Some(50));
}

#[test]
fn score_ignores_not_applicable_and_waived_rules() {
    // bio-length is not applicable (no bio), photo-set waived: nothing applies → 100.
    let c = checker_with(&["bio-length", "photo-set"]);
    let r = c.check("p.yaml", b"waivers: {photo-set: \"Uses a Page\"}\n", None);
    assert_eq!(r.score, Some(100));
    assert_eq!(r.not_applicable, ["bio-length"]);
    assert_eq!(r.waived.len(), 1);
    assert_eq!(
        (r.waived[0].rule.as_str(), r.waived[0].reason.as_str()),
        ("photo-set", "Uses a Page")
    );
    // With a bio, bio-length (3) passes and cover-photo (1) fails: 75.
    let c = checker_with(&["bio-length", "cover-photo"]);
    let r = c.check("p.yaml", b"about: {bio: Baker}\n", None);
    assert_eq!(r.score, Some(75));
}

#[test]
fn invalid_profile_has_no_score() {
    let r = BUILTIN.check("p.yaml", b"photo: {set: yes}\n", None);
    assert_eq!(r.score, None);
    assert!(r.findings.is_empty() && r.passed.is_empty() && r.not_applicable.is_empty());
    assert_eq!(r.errors.len(), 1);
}

// ------------------------------------------------------------------ property test

fn word() -> impl Strategy<Value = String> {
    "[A-Za-zé#0-9 _]{0,14}"
}

fn opt<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn sel(xs: &'static [&'static str]) -> impl Strategy<Value = Option<&'static str>> {
    opt(prop::sample::select(xs))
}

const AUD: &[&str] = &["public", "friends_of_friends", "friends", "only_me", "custom"];
const NETS: &[&str] = &[
    "linkedin",
    "viadeo",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "github",
    "blog",
    "other",
];
const URLS: &[&str] = &[
    "https://www.linkedin.com/in/j",
    "https://x.com/j",
    "https://youtu.be/j",
    "https://example.org",
    "nope",
    "http://github.com/j",
];
const IDS: &[&str] = &["photo-set", "keywords", "bio-length", "public-posts", "no-such-rule"];

/// A profile as YAML lines, section by section; absent fields are left out.
fn profile() -> impl Strategy<Value = String> {
    let photo = (
        opt(any::<bool>()),
        sel(&["professional", "casual", "logo"]),
        opt(any::<bool>()),
    );
    let about = (
        opt(word()),
        prop::collection::vec((opt(word()), opt(any::<bool>())), 0..3),
    );
    let links = prop::collection::vec((prop::sample::select(NETS), prop::sample::select(URLS)), 0..4);
    let publishing = (
        opt(0u32..12),
        opt(word()),
        opt(prop::collection::vec(word(), 0..3)),
        opt(any::<bool>()),
        sel(AUD),
    );
    let alt = (opt(word()), opt(any::<bool>()));
    let settings = (
        sel(&["public", "friends"]),
        opt(any::<bool>()),
        sel(AUD),
        opt(any::<bool>()),
        opt(any::<bool>()),
        sel(AUD),
        opt(any::<bool>()),
    );
    let misc = (
        opt(prop::collection::vec(word(), 0..5)),
        opt(0u32..30),
        opt(prop::sample::select(IDS)),
    );
    (photo, about, links, publishing, alt, settings, misc).prop_map(
        |(photo, about, links, publishing, alt, settings, misc)| {
            let mut y = String::new();
            let q = |s: &str| format!("'{s}'");
            let mut section = |name: &str, fields: Vec<(&str, Option<String>)>| {
                let fields: Vec<_> = fields.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
                if !fields.is_empty() {
                    y.push_str(&format!("{name}:\n"));
                    for (k, v) in fields {
                        y.push_str(&format!("  {k}: {v}\n"));
                    }
                }
            };
            section(
                "photo",
                vec![
                    ("set", photo.0.map(|b| b.to_string())),
                    ("kind", photo.1.map(str::to_owned)),
                    ("cover", photo.2.map(|b| b.to_string())),
                ],
            );
            let work = (!about.1.is_empty()).then(|| {
                let items: Vec<String> = about
                    .1
                    .iter()
                    .map(|(p, c)| {
                        let mut parts = vec!["employer: Acme".to_owned()];
                        if let Some(p) = p {
                            parts.push(format!("position: {}", q(p)));
                        }
                        if let Some(c) = c {
                            parts.push(format!("current: {c}"));
                        }
                        format!("{{{}}}", parts.join(", "))
                    })
                    .collect();
                format!("[{}]", items.join(", "))
            });
            section("about", vec![("bio", about.0.as_deref().map(q)), ("work", work)]);
            let links = (!links.is_empty()).then(|| {
                let items: Vec<String> = links
                    .iter()
                    .map(|(n, u)| format!("{{network: {n}, url: '{u}'}}"))
                    .collect();
                format!("[{}]", items.join(", "))
            });
            section("contact", vec![("links", links)]);
            let list = |v: &Vec<String>| format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "));
            section(
                "publishing",
                vec![
                    ("posts_per_month", publishing.0.map(|n| n.to_string())),
                    ("editorial_line", publishing.1.as_deref().map(q)),
                    ("topics", publishing.2.as_ref().map(list)),
                    ("writes_articles", publishing.3.map(|b| b.to_string())),
                    ("default_audience", publishing.4.map(str::to_owned)),
                ],
            );
            section(
                "alternate_name",
                vec![
                    ("name", alt.0.as_deref().map(q)),
                    ("show_on_profile", alt.1.map(|b| b.to_string())),
                ],
            );
            section(
                "followers",
                vec![
                    ("who_can_follow", settings.0.map(str::to_owned)),
                    ("professional_mode", settings.1.map(|b| b.to_string())),
                ],
            );
            section(
                "tagging",
                vec![
                    ("tagged_posts_audience", settings.2.map(str::to_owned)),
                    ("review_tagged_posts", settings.3.map(|b| b.to_string())),
                    ("review_tags", settings.4.map(|b| b.to_string())),
                ],
            );
            section(
                "privacy",
                vec![
                    ("birthday_audience", settings.5.map(str::to_owned)),
                    ("search_engines", settings.6.map(|b| b.to_string())),
                ],
            );
            section(
                "network",
                vec![("professional_contacts", misc.1.map(|n| n.to_string()))],
            );
            section(
                "waivers",
                vec![(misc.2.unwrap_or("x"), misc.2.map(|_| "'not now'".to_owned()))],
            );
            if let Some(k) = &misc.0 {
                y.push_str(&format!("keywords: {}\n", list(k)));
            }
            y
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_profiles_are_scored_consistently(yaml in profile()) {
        let r = BUILTIN.check("gen.yaml", yaml.as_bytes(), Some(Lang::En));
        prop_assert!(r.errors.is_empty(), "generated profile invalid:\n{}\n{:?}", yaml, r.errors);
        let score = r.score.expect("valid profile has a score");
        prop_assert!(score <= 100);
        let failing: BTreeSet<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
        for rule in &BUILTIN.rules.rules {
            let id = rule.id.as_str();
            let buckets = [
                failing.contains(id),
                r.passed.iter().any(|p| p == id),
                r.not_applicable.iter().any(|p| p == id),
                r.waived.iter().any(|w| w.rule == id),
            ];
            prop_assert_eq!(buckets.iter().filter(|b| **b).count(), 1, "{} in {:?}\n{}", id, buckets, yaml);
        }
        // Determinism: the same input gives the same report and the same bytes.
        let again = BUILTIN.check("gen.yaml", yaml.as_bytes(), Some(Lang::En));
        prop_assert_eq!(&r, &again);
        let ctx = Context { rules: &BUILTIN.rules, lang: Lang::En, color: false, quiet: false, problems: &[], width: profilecheck::report::DEFAULT_WIDTH };
        let a = render(Format::Json, ctx, std::slice::from_ref(&r)).expect("render");
        let b = render(Format::Json, ctx, std::slice::from_ref(&again)).expect("render");
        prop_assert_eq!(a, b);
    }
}
