//! The workshop handouts (`--format markdown` and `--format html`, docs/formats.md):
//! snapshots over the same fixture profiles, plus the safety properties a
//! snapshot review could miss — hostile profile texts stay text, and the HTML
//! page asks for nothing from the network.

use profilecheck::report::{Context, Format, render};
use profilecheck::{Checker, Lang, ProfileReport};
use regex::Regex;

/// Half the guide done: some passes, misses of every severity, a waiver,
/// a rule that does not apply, an `each` rule failing on one item.
const HALF: &str = r##"version: 1
name: Jeanne Martin
photo:
  set: true
  kind: casual
about:
  bio: "Community manager · e-reputation"
contact:
  links:
    - network: linkedin
      url: https://www.linkedin.com/in/jeanne-martin
keywords: ["#ereputation", "community management", "#formation"]
publishing:
  posts_per_month: 8
  editorial_line: "Practical e-reputation advice for small businesses"
alternate_name:
  name: Community Manager
  show_on_profile: false
followers:
  who_can_follow: friends
privacy:
  birthday_audience: public
  viewed_as_public: true
waivers:
  professional-mode: "Keeps a personal profile; uses a Page for business"
"##;

/// Nearly everything done.
const GOOD: &str = r##"name: Paul Durand
photo: {set: true, kind: professional, cover: true}
about:
  bio: "Développeur web freelance"
  work: [{employer: Indépendant, position: Développeur, current: true}]
contact:
  links: [{network: github, url: "https://github.com/pdurand"}, {network: website, url: "https://pdurand.example"}]
network: {professional_contacts: 80}
keywords: ["#web", "#rust", "#freelance"]
publishing: {posts_per_month: 6, editorial_line: "Du web sobre", topics: [web], writes_articles: true, default_audience: public}
alternate_name: {name: Développeur web, show_on_profile: true}
followers: {who_can_follow: public, professional_mode: true}
tagging: {tagged_posts_audience: friends, review_tagged_posts: true, review_tags: true}
privacy: {search_engines: true, viewed_as_public: true}
"##;

/// Invalid: a `yes` boolean, an unknown key, a negative count.
const INVALID: &str =
    "photo:\n  set: yes\nfolowers:\n  who_can_follow: public\nnetwork:\n  professional_contacts: -3\n";

/// Every kind of hostile text a participant could type.
const HOSTILE_NAME: &str = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> &amp; Zoé 🚀 مرحبا بكم | a|b ](javascript:alert(1)) *x* _y_ # ~~z~~";

fn hostile_yaml() -> String {
    format!(
        r##"name: '{}'
about:
  bio: "<b>bold</b> [click](javascript:alert(1)) & 'quotes' — {}"
contact:
  links:
    - network: website
      url: "javascript:alert(1)//<script>"
keywords: ["<script>", "#ok", "](javascript:alert(1))"]
alternate_name:
  name: "<img src=x onerror=alert(1)>"
waivers:
  professional-mode: "<script>alert(2)</script> ](javascript:alert(3)) | & \u202Etxt.exe"
  "<script>bad</script>": "unknown rule"
"##,
        HOSTILE_NAME.replace('\'', "''"),
        "x".repeat(100)
    )
}

const HOSTILE_FILE: &str = "clients/'\"><svg onload=alert(1)>&.yaml";

fn check(checker: &Checker, file: &str, yaml: &str, lang: Lang) -> ProfileReport {
    checker.check(file, yaml.as_bytes(), Some(lang))
}

fn page(format: Format, checker: &Checker, lang: Lang, reports: &[ProfileReport]) -> String {
    let ctx = Context {
        rules: &checker.rules,
        lang,
        color: false,
        quiet: false,
        problems: &[],
        width: profilecheck::report::DEFAULT_WIDTH,
    };
    String::from_utf8(render(format, ctx, reports).expect("render")).expect("UTF-8")
}

/// The `<style>` block is the same on every page: it is snapshotted once
/// (`html_half_en`), and elsewhere replaced by a marker to keep diffs readable.
fn without_css(html: &str) -> String {
    let start = html.find("<style>").expect("a <style> block") + "<style>".len();
    let end = html.find("</style>").expect("</style>");
    format!("{}[CSS]{}", &html[..start], &html[end..])
}

/// Properties every HTML page must have, whatever it shows.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    assert!(lower.starts_with("<!doctype html>"), "doctype");
    assert!(
        html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        ),
        "CSP meta"
    );
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<img"), "no img element");
    assert!(!lower.contains("<link"), "no link element");
    assert!(!lower.contains("@import"), "no CSS import");
    assert!(!lower.contains("url("), "no CSS url()");
    // Attributes that can load or navigate: only in-page anchors.
    let attr = Regex::new(
        r#"(?i)\s(src|href|srcset|action|formaction|poster|data|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#,
    )
    .unwrap();
    let tag = Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    for cap in tag.find_iter(html).flat_map(|t| attr.captures_iter(t.as_str())) {
        let name = cap[1].to_lowercase();
        let value = cap[2].trim_matches(|c| c == '"' || c == '\'');
        assert!(
            name == "href" && value.starts_with('#') && !value.contains(':'),
            "resource attribute {name}={value}"
        );
    }
    // Event handlers are never written as attributes.
    let handler = Regex::new(r#"<[^>]*\son[a-z]+\s*="#).unwrap();
    assert!(!handler.is_match(html), "no on* attribute in a tag");
    // Every anchor link points at an id on the page.
    let href = Regex::new(r##"href="#([^"]+)""##).unwrap();
    for cap in href.captures_iter(html) {
        assert!(
            html.contains(&format!("id=\"{}\"", &cap[1])),
            "anchor #{} exists",
            &cap[1]
        );
    }
}

#[test]
fn markdown_half_done_en() {
    let checker = Checker::builtin();
    let r = check(&checker, "jeanne.yaml", HALF, Lang::En);
    let md = page(Format::Markdown, &checker, Lang::En, &[r]);
    assert!(md.starts_with("# Jeanne Martin\n"));
    assert!(md.contains("- [x] Add a profile picture\n"));
    assert!(md.contains("- [ ] **Use a professional portrait as your profile picture** — warning"));
    assert!(
        md.contains("- ~~Turn on professional mode~~ — waived: Keeps a personal profile; uses a Page for business")
    );
    insta::assert_snapshot!("markdown_half_en", md);
}

#[test]
fn markdown_half_done_fr() {
    let checker = Checker::builtin();
    let r = check(&checker, "jeanne.yaml", HALF, Lang::Fr);
    let md = page(Format::Markdown, &checker, Lang::Fr, &[r]);
    assert!(md.contains("**Score\u{a0}: "), "French colon");
    assert!(md.contains("## Étape 1 · Faites de votre profil une vitrine"));
    assert!(md.contains("— dérogation\u{a0}: Keeps a personal profile"));
    insta::assert_snapshot!("markdown_half_fr", md);
}

#[test]
fn html_half_done_en() {
    let checker = Checker::builtin();
    let r = check(&checker, "jeanne.yaml", HALF, Lang::En);
    let html = page(Format::Html, &checker, Lang::En, &[r]);
    assert_self_contained(&html);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<h1 class=\"name\" id=\"profile-1-name\" dir=\"auto\">Jeanne Martin</h1>"));
    assert!(
        html.contains("role=\"img\""),
        "score picture is an image for assistive tech"
    );
    assert!(
        html.contains("<title id=\"profile-1-score\">Score: "),
        "score picture has a title"
    );
    assert!(html.contains("@media print"));
    insta::assert_snapshot!("html_half_en", html);
}

#[test]
fn html_half_done_fr() {
    let checker = Checker::builtin();
    let r = check(&checker, "jeanne.yaml", HALF, Lang::Fr);
    let html = page(Format::Html, &checker, Lang::Fr, &[r]);
    assert_self_contained(&html);
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("<title id=\"profile-1-score\">Score\u{a0}: "));
    assert!(html.contains("Comment faire"));
    insta::assert_snapshot!("html_half_fr", without_css(&html));
}

/// Several profiles, in two languages, one of them invalid: a summary table
/// in the run's language first, then each handout in its own language.
fn several(checker: &Checker) -> Vec<ProfileReport> {
    vec![
        check(checker, "clients/jeanne.yaml", HALF, Lang::En),
        check(checker, "clients/paul.yaml", GOOD, Lang::Fr),
        check(checker, "clients/broken.yaml", INVALID, Lang::En),
    ]
}

#[test]
fn markdown_several_profiles() {
    let checker = Checker::builtin();
    let md = page(Format::Markdown, &checker, Lang::Fr, &several(&checker));
    assert!(md.starts_with("# Bilan des profils — 3 profils\n"));
    assert!(md.contains("| Jeanne Martin | clients/jeanne.yaml | "));
    assert!(md.contains("| broken | clients/broken.yaml | invalide | 0 | 0 |"));
    assert!(
        md.contains("\n## Paul Durand\n"),
        "profiles are level 2 under the summary"
    );
    assert!(md.contains("\n### Step 1 · "), "an English profile keeps its language");
    insta::assert_snapshot!("markdown_several", md);
}

#[test]
fn html_several_profiles() {
    let checker = Checker::builtin();
    let html = page(Format::Html, &checker, Lang::Fr, &several(&checker));
    assert_self_contained(&html);
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("<h1 id=\"summary-title\">Bilan des profils — 3 profils</h1>"));
    for i in 1..=3 {
        assert!(
            html.contains(&format!("<a href=\"#profile-{i}\">")),
            "summary links to profile {i}"
        );
        assert!(html.contains(&format!("id=\"profile-{i}\"")));
    }
    assert!(html.contains("<article class=\"profile\" id=\"profile-1\" lang=\"en\""));
    assert!(html.contains("<article class=\"profile\" id=\"profile-2\" lang=\"fr\""));
    // Summary first, then the profiles in order.
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(pos("summary-title") < pos("id=\"profile-1\""));
    assert!(pos("id=\"profile-1\"") < pos("id=\"profile-2\"") && pos("id=\"profile-2\"") < pos("id=\"profile-3\""));
    insta::assert_snapshot!("html_several", without_css(&html));
}

#[test]
fn invalid_profile_lists_located_problems() {
    let checker = Checker::builtin();
    let r = check(&checker, "broken.yaml", INVALID, Lang::En);
    assert!(r.is_invalid());
    let md = page(Format::Markdown, &checker, Lang::En, std::slice::from_ref(&r));
    assert!(md.contains("**Invalid profile: no score**"));
    for e in &r.errors {
        assert!(md.contains(&format!("- line {}: ", e.line)), "line {} listed", e.line);
    }
    insta::assert_snapshot!("markdown_invalid", md);
    let html = page(Format::Html, &checker, Lang::En, &[r]);
    assert_self_contained(&html);
    assert!(html.contains("No score: the file is invalid"));
    assert!(html.contains("line 2, column 8:"));
    insta::assert_snapshot!("html_invalid", without_css(&html));
}

#[test]
fn waived_rule_shows_reason_and_not_a_finding() {
    let checker = Checker::builtin();
    let yaml = "name: Ana\nphoto: {set: false}\nwaivers:\n  photo-set: \"Prefers an illustrated avatar for now\"\n";
    let r = check(&checker, "ana.yaml", yaml, Lang::En);
    assert!(r.waived.iter().any(|w| w.rule == "photo-set"));
    let md = page(Format::Markdown, &checker, Lang::En, std::slice::from_ref(&r));
    assert!(md.contains("- ~~Add a profile picture~~ — waived: Prefers an illustrated avatar for now\n"));
    assert!(
        !md.contains("**Add a profile picture**"),
        "a waived rule is not listed as missing"
    );
    insta::assert_snapshot!("markdown_waived", md);
    let html = page(Format::Html, &checker, Lang::En, &[r]);
    assert_self_contained(&html);
    assert!(html.contains("<s>Add a profile picture</s> <span class=\"badge waived\">waived</span>"));
    assert!(html.contains("<span dir=\"auto\">Prefers an illustrated avatar for now</span>"));
    insta::assert_snapshot!("html_waived", without_css(&html));
}

#[test]
fn hostile_profile_renders_as_text_in_html() {
    let checker = Checker::builtin();
    let r = check(&checker, HOSTILE_FILE, &hostile_yaml(), Lang::En);
    assert_eq!(r.name, HOSTILE_NAME, "the fixture's name reaches the report unchanged");
    let reports = [r, check(&checker, "clients/jeanne.yaml", HALF, Lang::En)];
    let html = page(Format::Html, &checker, Lang::En, &reports);
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&amp;amp;"), "an entity in a name is shown, not decoded");
    assert!(html.contains("Zoé 🚀 مرحبا بكم"), "emoji and Arabic pass through");
    assert!(
        html.contains("&#39;&quot;&gt;&lt;svg onload=alert(1)&gt;&amp;.yaml"),
        "file name escaped"
    );
    assert!(
        html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "waiver reason escaped"
    );
    // The name sits in elements that isolate its direction.
    assert!(html.contains("<h2 class=\"name\" id=\"profile-1-name\" dir=\"auto\">&lt;script&gt;"));
    assert!(html.contains("<th scope=\"row\" dir=\"auto\"><a href=\"#profile-1\">&lt;script&gt;"));
    insta::assert_snapshot!("html_hostile", without_css(&html));
}

#[test]
fn hostile_profile_renders_as_text_in_markdown() {
    let checker = Checker::builtin();
    let r = check(&checker, HOSTILE_FILE, &hostile_yaml(), Lang::En);
    let reports = [r, check(&checker, "clients/jeanne.yaml", HALF, Lang::En)];
    let md = page(Format::Markdown, &checker, Lang::En, &reports);
    // No raw HTML, link syntax or entity survives from the profile.
    // Code spans show their content literally: set them aside, then no
    // markup character from the profile may be left unescaped.
    let text = without_code_spans(&md);
    let unescaped = |needle: &str| {
        text.match_indices(needle)
            .any(|(i, _)| i == 0 || text.as_bytes()[i - 1] != b'\\')
    };
    for needle in ["](", "<", "&amp;", "*x*", "_y_", "~~z~~"] {
        assert!(!unescaped(needle), "unescaped {needle:?} in markdown");
    }
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(md.contains("\\]\\(javascript:alert(1))") || md.contains("\\](javascript:alert(1))"));
    // The summary row of the hostile profile keeps exactly 6 cell borders.
    let row = md.lines().find(|l| l.starts_with("| \\<script")).expect("summary row");
    let borders = Regex::new(r"(^|[^\\])\|").unwrap().find_iter(row).count();
    assert_eq!(borders, 6, "cells: {row}");
    insta::assert_snapshot!("markdown_hostile", md);
}

/// `md` with its code spans blanked out, honouring backslash escapes.
fn without_code_spans(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '`' => {
                out.push_str("``");
                for d in chars.by_ref() {
                    if d == '`' {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}
