//! The workshop tools: `init` (commented template), `init --interactive`
//! (the interview) and `schema` (JSON Schema), library and binary.

use profilecheck::Lang;
use profilecheck::profile::jsonschema::schema;
use profilecheck::profile::schema::{Field, Kind, PROFILE};
use profilecheck::profile::yaml::{Node, Value};
use profilecheck::profile::{self, Profile};
use profilecheck::workshop::interview::{interview, quote};
use profilecheck::workshop::template::template;
use serde_json::Value as Json;
use std::cell::RefCell;
use std::io::{BufRead, Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::rc::Rc;

// ---------------------------------------------------------------- helpers

fn parse(yaml: &str) -> Profile {
    match profile::parse(yaml.as_bytes()) {
        Ok(p) => p,
        Err(problems) => panic!(
            "not a valid profile: {:?}\n---\n{yaml}",
            problems
                .iter()
                .map(|d| d.render("profile", Lang::En))
                .collect::<Vec<_>>()
        ),
    }
}

/// The node at a dotted path (`contact.links.0.url`: numbers index lists).
fn at<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let mut node = root;
    for seg in path.split('.') {
        node = match (&node.value, seg.parse::<usize>()) {
            (Value::Seq(items), Ok(i)) => items.get(i)?,
            _ => node.get(seg)?,
        };
    }
    Some(node)
}

fn value<'a>(p: &'a Profile, path: &str) -> Option<&'a Value> {
    at(&p.root, path).map(|n| &n.value)
}

fn s(x: &str) -> Value {
    Value::Str(x.to_owned())
}

fn strs(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

fn list_of_str(p: &Profile, path: &str) -> Vec<String> {
    match value(p, path) {
        Some(Value::Seq(items)) => items
            .iter()
            .map(|n| match &n.value {
                Value::Str(s) => s.clone(),
                other => panic!("{path}: item {other:?} is not text"),
            })
            .collect(),
        other => panic!("{path}: not a list: {other:?}"),
    }
}

/// Run the interview on these answer lines; (YAML, prompts).
fn run_interview(lang: Lang, lines: &[&str]) -> (String, String) {
    let mut text = lines.join("\n");
    text.push('\n');
    run_interview_raw(lang, text.as_bytes())
}

fn run_interview_raw(lang: Lang, input: &[u8]) -> (String, String) {
    let mut input = Cursor::new(input.to_vec());
    let mut prompts = Vec::new();
    let yaml = interview(lang, &mut input, &mut prompts).expect("interview");
    (yaml, String::from_utf8(prompts).expect("prompts are UTF-8"))
}

/// The top-level keys of a profile.
fn keys(p: &Profile) -> Vec<String> {
    match &p.root.value {
        Value::Map(entries) => entries.iter().map(|(k, _)| k.name.clone()).collect(),
        Value::Null => Vec::new(),
        other => panic!("root is {other:?}"),
    }
}

/// Every leaf of the format, as dotted paths; list items' keys under the list's path.
fn leaves(fields: &[Field], prefix: &str, out: &mut Vec<String>) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.key.to_owned()
        } else {
            format!("{prefix}.{}", f.key)
        };
        match f.kind {
            Kind::Obj(children) => leaves(children, &path, out),
            Kind::List(Kind::Obj(children)) => leaves(children, &path, out),
            _ => out.push(path),
        }
    }
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
    c.env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn run(args: &[&str], cwd: &Path, stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn profilecheck");
    // A run that does not read its input (a refused init) may exit before we write.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

// ---------------------------------------------------------------- template

#[test]
fn template_is_a_valid_profile_in_both_languages() {
    for lang in Lang::ALL {
        let t = template(lang);
        let p = parse(&t);
        assert_eq!(p.lang, Some(lang), "lang is set to the chosen language");
        assert_eq!(value(&p, "version"), Some(&Value::Int(1)));
        // Everything else is left empty, so it lints as "not done".
        assert_eq!(value(&p, "photo.set"), Some(&Value::Null));
        assert_eq!(value(&p, "about.bio"), Some(&Value::Null));
        assert!(t.starts_with("# yaml-language-server: $schema=profile.schema.json\n"));
        assert!(t.contains("profilecheck schema") && t.contains(" > profile.schema.json"));
    }
    assert!(template(Lang::En).contains("profilecheck profile.yaml"));
    assert!(template(Lang::Fr).contains("profilecheck profil.yaml"));
}

#[test]
fn template_lists_every_field_and_its_allowed_values() {
    let mut paths = Vec::new();
    leaves(PROFILE, "", &mut paths);
    for lang in Lang::ALL {
        let t = template(lang);
        let p = parse(&t);
        for path in &paths {
            let key = path.rsplit('.').next().unwrap_or(path);
            let in_list_item = path.starts_with("about.work.")
                || path.starts_with("about.education.")
                || path.starts_with("contact.links.");
            if in_list_item {
                // Shown in the commented example item.
                assert!(
                    t.lines().any(|l| l.trim_start().starts_with(&format!("# - {key}:"))
                        || l.trim_start().starts_with(&format!("#   {key}:"))),
                    "{lang}: no example line for {path}"
                );
            } else {
                assert!(at(&p.root, path).is_some(), "{lang}: the template has no key {path}");
            }
        }
        // Every enum value appears, separated as the comments show them.
        for v in profilecheck::profile::schema::AUDIENCE
            .iter()
            .chain(profilecheck::profile::schema::NAME_TYPES)
            .chain(profilecheck::profile::schema::NETWORKS)
            .chain(profilecheck::profile::schema::PHOTO_KINDS)
        {
            assert!(
                t.contains(&format!(" {v} |")) || t.contains(&format!("| {v}")),
                "{lang}: {v}"
            );
        }
        assert!(t.contains(">= 0"));
        assert!(t.contains(if lang == Lang::En {
            "true or false"
        } else {
            "true ou false"
        }));
        assert!(t.contains("\nwaivers:\n") && t.contains("\nextra:\n"));
    }
}

#[test]
fn template_snapshots() {
    insta::assert_snapshot!("template_en", template(Lang::En));
    insta::assert_snapshot!("template_fr", template(Lang::Fr));
}

/// The samples of `schema.rs` (shown in the template and the JSON Schema's
/// `examples`) fill in a profile the format accepts.
#[test]
fn samples_make_a_valid_profile() {
    fn write(fields: &[Field], indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        for f in fields {
            match f.kind {
                Kind::Obj(children) => {
                    out.push_str(&format!("{pad}{}:\n", f.key));
                    write(children, indent + 2, out);
                }
                Kind::List(Kind::Obj(children)) => {
                    out.push_str(&format!("{pad}{}:\n", f.key));
                    for (i, c) in children.iter().enumerate() {
                        let lead = if i == 0 { "- " } else { "  " };
                        out.push_str(&format!("{pad}  {lead}{}: {}\n", c.key, c.sample));
                    }
                }
                _ if f.sample.is_empty() => {}
                _ => out.push_str(&format!("{pad}{}: {}\n", f.key, f.sample)),
            }
        }
    }
    let mut yaml = String::new();
    write(PROFILE, 0, &mut yaml);
    let p = parse(&yaml);
    assert_eq!(value(&p, "about.work.0.current"), Some(&Value::Bool(true)));
    assert_eq!(
        list_of_str(&p, "publishing.topics"),
        strs(&["e-reputation", "social media"])
    );
}

#[test]
fn cli_init_writes_the_template_which_lints_with_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (lang, file) in [("en", "profile.yaml"), ("fr", "profil.yaml")] {
        let out = run(&["init", "--lang", lang, "-o", file], dir.path(), b"");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "");
        let written = std::fs::read_to_string(dir.path().join(file)).expect("written");
        assert_eq!(written, template(Lang::parse(lang).expect("lang")));
        // Findings (exit 1), never a format error (exit 2).
        let lint = run(&["--no-config", file], dir.path(), b"");
        assert_eq!(lint.status.code(), Some(1), "{}", text(&lint.stderr));
        assert_eq!(text(&lint.stderr), "");
        assert!(text(&lint.stdout).contains("photo-set"));
    }
    // Without -o: stdout.
    let out = run(&["init", "--lang", "fr"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), template(Lang::Fr));
}

// ---------------------------------------------------------------- JSON Schema

#[test]
fn schema_snapshot() {
    let pretty = serde_json::to_string_pretty(&schema(Lang::En)).expect("json");
    insta::assert_snapshot!("schema", pretty);
}

#[test]
fn schema_follows_the_format_table() {
    let s = schema(Lang::En);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(s["properties"]["version"]["anyOf"][0]["const"], 1);
    assert_eq!(s["properties"]["extra"]["type"], serde_json::json!(["object", "null"]));
    assert!(
        s["properties"]["extra"].get("additionalProperties").is_none(),
        "extra is free"
    );
    assert_eq!(
        s["properties"]["waivers"]["additionalProperties"]["type"], "string",
        "a waiver needs its reason"
    );
    assert_eq!(
        s["properties"]["network"]["properties"]["professional_contacts"]["minimum"],
        0
    );
    assert_eq!(
        s["properties"]["publishing"]["properties"]["posts_per_month"]["type"],
        serde_json::json!(["number", "null"])
    );
    // List items are not nullable: `profile.rs` rejects `- ~`.
    assert_eq!(s["properties"]["keywords"]["items"]["type"], "string");

    // Every field of the table is there, documented, and accepts null.
    fn check(fields: &[Field], node: &Json, path: &str) {
        assert_eq!(node["additionalProperties"], false, "{path}");
        let props = node["properties"].as_object().expect("properties");
        assert_eq!(props.len(), fields.len(), "{path}: one property per field");
        for f in fields {
            let p = &props[f.key];
            let here = format!("{path}.{}", f.key);
            assert!(p["description"].as_str().is_some_and(|d| !d.is_empty()), "{here}");
            assert!(p["x-description-fr"].as_str().is_some_and(|d| !d.is_empty()), "{here}");
            let nullable = p["type"].as_array().is_some_and(|t| t.contains(&Json::from("null")))
                || p["anyOf"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x["type"] == "null"));
            assert!(nullable, "{here} must accept null");
            match f.kind {
                Kind::Obj(children) => check(children, p, &here),
                Kind::List(Kind::Obj(children)) => check(children, &p["items"], &here),
                Kind::Enum(values) => {
                    let allowed = p["enum"].as_array().expect("enum");
                    assert_eq!(allowed.len(), values.len() + 1, "{here}: values and null");
                }
                _ => {}
            }
        }
    }
    check(PROFILE, &s, "");
}

#[test]
fn cli_schema_prints_the_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(&["schema"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(0));
    let printed: Json = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(printed, schema(Lang::En));
}

// ---------------------------------------------------------------- interview

/// Every question answered, in English, with the ways people type answers.
const ALL_ANSWERED_EN: &[&str] = &[
    "Jeanne Martin",                      // name
    "y",                                  // photo.set
    "1",                                  // photo.kind: professional
    "YES",                                // photo.cover
    "Coach: \"e-réputation\" #1 \\ ok",   // about.bio
    "Community manager",                  // work 1 position
    "Agence Horizon",                     //   employer
    "y",                                  //   current
    "Trainer",                            // work 2 position
    "",                                   //   employer skipped
    "n",                                  //   current
    "",                                   // no more jobs
    "IUT de Lannion",                     // school
    "DUT Information-Communication",      //   degree
    "",                                   // no more schools
    "Rennes",                             // city
    "jeanne@example.org",                 // email
    "https://jeanne.example.org",         // website
    "linkedin",                           // link 1 network, by value
    "https://www.linkedin.com/in/jeanne", //   url
    "2",                                  // link 2 network: viadeo
    "",                                   //   url skipped
    "",                                   // no more links
    "42",                                 // professional_contacts
    "#ereputation, #cm #formation",       // keywords
    "2.5",                                // posts_per_month
    "Practical advice",                   // editorial_line
    "e-reputation, social media",         // topics
    "y",                                  // shares_blog_posts
    "n",                                  // shares_curation
    "yes",                                // writes_articles
    "no",                                 // viewed_as_public
    "Community Manager",                  // alternate_name.name
    "Other",                              // type, by value in any case
    "y",                                  // show_on_profile
    "public",                             // who_can_follow
    "n",                                  // professional_mode
    "Friends of friends",                 // default_audience, by label
    "4",                                  // tagged_posts_audience: only_me
    "y",                                  // review_tagged_posts
    "N",                                  // review_tags
    "y",                                  // search_engines
    "only me",                            // birthday_audience
    "5",                                  // phone_audience: custom
    "1",                                  // email_audience: public
    "friends",                            // relationship_audience
    "3",                                  // family_audience: friends
];

#[test]
fn interview_all_answered() {
    let (yaml, prompts) = run_interview(Lang::En, ALL_ANSWERED_EN);
    let p = parse(&yaml);
    let b = |x| Some(Value::Bool(x));
    let checks: &[(&str, Option<Value>)] = &[
        ("name", Some(s("Jeanne Martin"))),
        ("photo.set", b(true)),
        ("photo.kind", Some(s("professional"))),
        ("photo.cover", b(true)),
        ("about.bio", Some(s("Coach: \"e-réputation\" #1 \\ ok"))),
        ("about.work.0.position", Some(s("Community manager"))),
        ("about.work.0.employer", Some(s("Agence Horizon"))),
        ("about.work.0.current", b(true)),
        ("about.work.1.position", Some(s("Trainer"))),
        ("about.work.1.employer", None),
        ("about.work.1.current", b(false)),
        ("about.work.2", None),
        ("about.education.0.school", Some(s("IUT de Lannion"))),
        ("about.education.0.degree", Some(s("DUT Information-Communication"))),
        ("about.city", Some(s("Rennes"))),
        ("contact.email", Some(s("jeanne@example.org"))),
        ("contact.website", Some(s("https://jeanne.example.org"))),
        ("contact.links.0.network", Some(s("linkedin"))),
        ("contact.links.0.url", Some(s("https://www.linkedin.com/in/jeanne"))),
        ("contact.links.1.network", Some(s("viadeo"))),
        ("contact.links.1.url", None),
        ("network.professional_contacts", Some(Value::Int(42))),
        ("publishing.posts_per_month", Some(Value::Float(2.5))),
        ("publishing.editorial_line", Some(s("Practical advice"))),
        ("publishing.shares_blog_posts", b(true)),
        ("publishing.shares_curation", b(false)),
        ("publishing.writes_articles", b(true)),
        ("publishing.default_audience", Some(s("friends_of_friends"))),
        ("privacy.viewed_as_public", b(false)),
        ("alternate_name.name", Some(s("Community Manager"))),
        ("alternate_name.type", Some(s("other"))),
        ("alternate_name.show_on_profile", b(true)),
        ("followers.who_can_follow", Some(s("public"))),
        ("followers.professional_mode", b(false)),
        ("tagging.tagged_posts_audience", Some(s("only_me"))),
        ("tagging.review_tagged_posts", b(true)),
        ("tagging.review_tags", b(false)),
        ("privacy.search_engines", b(true)),
        ("privacy.birthday_audience", Some(s("only_me"))),
        ("privacy.phone_audience", Some(s("custom"))),
        ("privacy.email_audience", Some(s("public"))),
        ("privacy.relationship_audience", Some(s("friends"))),
        ("privacy.family_audience", Some(s("friends"))),
    ];
    for (path, want) in checks {
        assert_eq!(value(&p, path), want.as_ref(), "{path}\n{yaml}");
    }
    assert_eq!(
        list_of_str(&p, "keywords"),
        strs(&["#ereputation", "#cm", "#formation"]),
        "keywords split on commas and spaces"
    );
    assert_eq!(
        list_of_str(&p, "publishing.topics"),
        strs(&["e-reputation", "social media"]),
        "topics split on commas only"
    );
    // Every question of the checklist was asked: every leaf of the format but
    // the ones that are not about the profile is in the answers.
    let mut paths = Vec::new();
    leaves(PROFILE, "", &mut paths);
    for path in paths {
        if ["version", "lang", "waivers", "extra"].contains(&path.as_str()) {
            continue;
        }
        let probe = path
            .replace("about.work.", "about.work.0.")
            .replace("about.education.", "about.education.0.")
            .replace("contact.links.", "contact.links.0.");
        assert!(at(&p.root, &probe).is_some(), "never asked: {path}");
    }
    // Grouped by guide step, titles from the guide pack.
    let step1 = prompts
        .find("== Step 1 · Make your profile a showcase ==")
        .expect("step 1");
    let step7 = prompts.find("== Step 7 · Stay in control of tags ==").expect("step 7");
    assert!(step1 < step7);
    assert!(prompts.contains("    4. Only me (only_me)"), "{prompts}");
    assert!(prompts.ends_with("35 answers recorded. Unanswered questions count as \"not done\".\n"));
}

#[test]
fn interview_all_skipped_writes_no_key() {
    let empty = vec![""; 200];
    let (yaml, prompts) = run_interview(Lang::En, &empty);
    let p = parse(&yaml);
    // Only the language is written, so the report comes in the interview's language.
    assert_eq!(keys(&p), strs(&["lang"]), "{yaml}");
    assert_eq!(value(&p, "lang"), Some(&s("en")));
    assert!(yaml.starts_with("# yaml-language-server: $schema=profile.schema.json\n"));
    assert!(
        yaml.lines()
            .all(|l| l.starts_with('#') || l.is_empty() || l == "lang: \"en\""),
        "{yaml}"
    );
    // A skipped "do you have a photo" does not hide "what does it show";
    // a skipped other name does hide its type and "show at top".
    assert!(prompts.contains("What does your profile picture show?"));
    assert!(!prompts.contains("Which name type"));
    assert!(prompts.contains("0 answers recorded"));
    // Nothing at all on the input: the same.
    let (yaml2, _) = run_interview_raw(Lang::En, b"");
    assert_eq!(keys(&parse(&yaml2)), strs(&["lang"]));
}

#[test]
fn interview_re_asks_invalid_answers_then_skips() {
    let mut lines = vec![""; 11]; // name … links: skipped
    lines.extend([
        "many", "-3", "4.5", // professional_contacts: three invalid answers, then skipped
        "",    // keywords
        "x", "1 000,5", // posts_per_month: once wrong, then a French decimal with a space
        "", "", // editorial_line, topics
        "maybe", "oui", // shares_blog_posts: re-asked, then French yes works in English too
        "", "", "", "", // shares_curation, writes_articles, viewed_as_public, alternate_name
        "0", "3", // who_can_follow: 0 is not a choice, 3 neither (two values), then:
        "friends",
    ]);
    let (yaml, prompts) = run_interview(Lang::En, &lines);
    let p = parse(&yaml);
    assert_eq!(value(&p, "network"), None, "skipped after 3 tries:\n{yaml}");
    assert_eq!(value(&p, "publishing.posts_per_month"), Some(&Value::Float(1000.5)));
    assert_eq!(value(&p, "publishing.shares_blog_posts"), Some(&Value::Bool(true)));
    assert_eq!(
        value(&p, "followers.who_can_follow"),
        Some(&Value::Str("friends".into()))
    );
    assert_eq!(
        prompts
            .matches("Please type a whole number, 0 or more (e.g. 42).")
            .count(),
        3
    );
    assert_eq!(prompts.matches("  Skipped.").count(), 1);
    assert!(prompts.contains("Please type a number, 0 or more (e.g. 8 or 2.5)."));
    assert!(prompts.contains("Please answer y (yes) or n (no), or press Enter to skip."));
    assert_eq!(prompts.matches("Please type a number from 1 to 2.").count(), 2);
}

#[test]
fn interview_stops_at_end_of_input_and_keeps_the_answers() {
    // No newline after the last answer: it still counts.
    let (yaml, prompts) = run_interview_raw(Lang::En, b"Jeanne\ny\n2\nn\nMy bio");
    let p = parse(&yaml);
    assert_eq!(keys(&p), strs(&["name", "lang", "photo", "about"]));
    assert_eq!(value(&p, "photo.kind"), Some(&s("casual")));
    assert_eq!(value(&p, "photo.cover"), Some(&Value::Bool(false)));
    assert_eq!(value(&p, "about.bio"), Some(&s("My bio")));
    assert!(!prompts.contains("Step 2"), "stopped at the end of input");
    // Ends in the middle of a list item: the item so far is kept.
    let (yaml, _) = run_interview(Lang::En, &["", "", "", "", "", "Coach", "Me"]);
    let p = parse(&yaml);
    assert_eq!(value(&p, "about.work.0.position"), Some(&s("Coach")));
    assert_eq!(value(&p, "about.work.0.employer"), Some(&s("Me")));
}

#[test]
fn interview_in_french() {
    let lines = [
        "Jeanne Martin", // nom
        "non",           // photo.set = false: the kind of photo is not asked
        "Oui",           // photo.cover
        "",              // bio
        "",              // no job
        "",              // no school
        "",
        "",
        "",             // city, email, website
        "",             // no link
        "",             // contacts
        "#ereputation", // keywords
        "",
        "",
        "",
        "",
        "",
        "",            // publishing …
        "o",           // viewed_as_public
        "Formatrice",  // alternate_name.name
        "autre chose", // type, by French label
        "O",           // show_on_profile
        "",
        "",
        "Moi uniquement", // default_audience, by French label
    ];
    let (yaml, prompts) = run_interview(Lang::Fr, &lines);
    let p = parse(&yaml);
    assert_eq!(value(&p, "photo.set"), Some(&Value::Bool(false)));
    assert_eq!(value(&p, "photo.kind"), None);
    assert_eq!(value(&p, "photo.cover"), Some(&Value::Bool(true)));
    assert_eq!(value(&p, "privacy.viewed_as_public"), Some(&Value::Bool(true)));
    assert_eq!(value(&p, "alternate_name.type"), Some(&s("other")));
    assert_eq!(value(&p, "alternate_name.show_on_profile"), Some(&Value::Bool(true)));
    assert_eq!(value(&p, "publishing.default_audience"), Some(&s("only_me")));
    assert!(!prompts.contains("Que montre votre photo"));
    assert!(prompts.contains("== Étape 1 · Faites de votre profil une vitrine =="));
    assert!(prompts.contains("Avez-vous mis en ligne une photo de profil\u{a0}? [o/n, Entrée pour passer]"));
    assert!(prompts.contains("    4. Moi uniquement (only_me)"));
    assert!(yaml.contains("# Vérifiez-le avec\u{a0}:   profilecheck suivi du nom de ce fichier"));
    assert_eq!(value(&p, "lang"), Some(&s("fr")));
}

/// A transcript as a person at a terminal sees it: the prompts, and each
/// answer echoed where it was typed.
#[derive(Clone, Default)]
struct Transcript(Rc<RefCell<Vec<u8>>>);

impl Write for Transcript {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads answers and echoes each line it hands out into the transcript.
struct Echo {
    input: Cursor<Vec<u8>>,
    transcript: Transcript,
}

impl Read for Echo {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        self.transcript.0.borrow_mut().extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl BufRead for Echo {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.input.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        let pos = self.input.position() as usize;
        let consumed = self.input.get_ref()[pos..pos + amt].to_vec();
        self.transcript.0.borrow_mut().extend_from_slice(&consumed);
        self.input.consume(amt);
    }
}

#[test]
fn interview_transcript_snapshot() {
    let transcript = Transcript::default();
    let mut input = Echo {
        input: Cursor::new((ALL_ANSWERED_EN.join("\n") + "\n").into_bytes()),
        transcript: transcript.clone(),
    };
    let mut prompts = transcript.clone();
    let yaml = interview(Lang::Fr, &mut input, &mut prompts).expect("interview");
    let seen = String::from_utf8(transcript.0.borrow().clone()).expect("UTF-8");
    insta::assert_snapshot!("interview_fr_transcript", seen);
    insta::assert_snapshot!("interview_fr_yaml", yaml);
}

#[test]
fn quoted_strings_read_back_unchanged() {
    let nasty = [
        "yes",
        "no",
        "null",
        "~",
        "true",
        "123",
        "0x1F",
        "#tag",
        "a: b",
        "a #b",
        "- dash",
        "[x]",
        "{y}",
        "'single'",
        "\"double\"",
        "back\\slash",
        " leading and trailing ",
        "tab\there",
        "line\nbreak\r\n",
        "nul\0bell\u{7}esc\u{1b}del\u{7f}",
        "next line\u{85}c1\u{9f}",
        "separators\u{2028}\u{2029}",
        "bom\u{feff}",
        "émoji 🎉 « guillemets » 日本",
        "",
    ];
    for x in nasty {
        let yaml = format!("name: {}\n", quote(x));
        let p = parse(&yaml);
        assert_eq!(p.name.as_deref(), Some(x), "{yaml}");
        // Nothing unprintable is left raw in the file.
        assert!(!yaml.trim_end_matches('\n').chars().any(|c| c.is_control()), "{yaml:?}");
    }
    assert_eq!(quote("a\"b\\c\n"), r#""a\"b\\c\n""#);
}

// ---------------------------------------------------------------- CLI: init --interactive

#[test]
fn cli_interactive_writes_a_profile_that_lints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut answers = ALL_ANSWERED_EN.join("\n");
    answers.push('\n');
    let out = run(
        &["init", "--interactive", "--lang", "en", "-o", "me.yaml"],
        dir.path(),
        answers.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "prompts go to stderr, the profile to the file");
    let err = text(&out.stderr);
    assert!(err.contains("Have you put up a profile picture?"), "{err}");
    assert!(
        err.ends_with("wrote me.yaml; check it with: profilecheck me.yaml\n"),
        "{err}"
    );
    let written = std::fs::read_to_string(dir.path().join("me.yaml")).expect("written");
    let p = parse(&written);
    assert_eq!(p.name.as_deref(), Some("Jeanne Martin"));

    // Lints with findings (the second job's link has no url, viewed_as_public is false…), no format error.
    let lint = run(&["--no-config", "--format", "json", "me.yaml"], dir.path(), b"");
    assert_eq!(lint.status.code(), Some(1), "{}", text(&lint.stderr));
    let report: Json = serde_json::from_slice(&lint.stdout).expect("json report");
    let findings: Vec<&str> = report["profiles"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or(""))
        .collect();
    assert!(findings.contains(&"link-urls"), "{findings:?}");
    assert!(findings.contains(&"viewed-as-public"), "{findings:?}");
    assert!(!findings.contains(&"photo-set"), "{findings:?}");

    // To stdout without -o.
    let out = run(&["init", "-i", "--lang", "en"], dir.path(), b"Solo\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(parse(&text(&out.stdout)).name.as_deref(), Some("Solo"));
}

#[test]
fn cli_init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("taken.yaml");
    std::fs::write(&file, "name: Keep me\n").expect("write");
    for args in [
        &["init", "--lang", "en", "-o", "taken.yaml"][..],
        &["init", "--interactive", "--lang", "en", "-o", "taken.yaml"][..],
    ] {
        let out = run(args, dir.path(), b"Other\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "profilecheck: error: taken.yaml already exists; add --force to overwrite it\n"
        );
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "name: Keep me\n");
    }
    let out = run(
        &["init", "--interactive", "--lang", "en", "--force", "-o", "taken.yaml"],
        dir.path(),
        b"Other\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        parse(&std::fs::read_to_string(&file).expect("read")).name.as_deref(),
        Some("Other")
    );
    let out = run(
        &["init", "--lang", "fr", "--force", "-o", "taken.yaml"],
        dir.path(),
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), template(Lang::Fr));
}

// ---------------------------------------------------------------- --from, in place

/// `interview_from` on `text` with these answer lines: (YAML, prompts).
fn run_from(lang: Lang, text: &str, lines: &[&str]) -> String {
    let start = parse(text);
    let mut input = Cursor::new(format!("{}\n", lines.join("\n")).into_bytes());
    let mut prompts = Vec::new();
    profilecheck::workshop::interview::interview_from(lang, Some((&start, text)), &mut input, &mut prompts)
        .expect("interview")
}

/// Every line of `before` that is not an answered key is in `after`, in order.
fn kept_in_order(before: &str, after: &str, answered: &[&str]) {
    let mut rest = after.lines();
    for line in before.lines() {
        if answered.iter().any(|k| line.trim_start().starts_with(&format!("{k}:"))) {
            continue;
        }
        assert!(rest.any(|l| l == line), "lost or moved: {line:?}\n---\n{after}");
    }
}

#[test]
fn answers_from_a_hand_written_file_go_in_place() {
    // Comments everywhere, an empty key with a trailing comment, a section
    // missing a key, a missing section, CRLF line ends.
    let text = "# my notes\r\nversion: 1\r\nlang: en\r\nname: Jo   # who\r\n\r\n# the photo\r\nphoto:\r\n  set:    # to check\r\n  # cover is next\r\n\r\nabout:\r\n  bio: \"Coach\"\r\n  # city below\r\n\r\n# the end\r\n";
    // photo.set, photo.kind (logo), photo.cover, then Enter for the rest but the city and keywords.
    // A whole number to a decimal question reads back as an integer: still in place.
    let mut lines = vec!["y", "3", "n", "", "", "Rennes", "", "", "", "", "#a #b", "4"];
    lines.extend([""; 40]);
    let got = run_from(Lang::En, text, &lines);
    kept_in_order(&text.replace("\r\n", "\n"), &got.replace("\r\n", "\n"), &["set"]);
    assert!(got.contains("  set: true # to check\r\n"), "{got}");
    assert!(!got.replace("\r\n", "").contains('\n'), "mixed line ends:\n{got}");
    let p = parse(&got);
    assert_eq!(value(&p, "photo.kind"), Some(&s("logo")));
    assert_eq!(value(&p, "photo.cover"), Some(&Value::Bool(false)));
    assert_eq!(value(&p, "about.city"), Some(&s("Rennes")));
    assert_eq!(list_of_str(&p, "keywords"), strs(&["#a", "#b"]));
    assert_eq!(value(&p, "publishing.posts_per_month"), Some(&Value::Int(4)));
    assert_eq!(value(&p, "name"), Some(&s("Jo")));
    // Added at the end of their section, before the comments that follow it.
    let lines: Vec<&str> = got.lines().collect();
    let kind = lines.iter().position(|l| l.starts_with("  kind:")).unwrap();
    assert!(lines[kind - 1].starts_with("  set:"), "{got}");
    let city = lines.iter().position(|l| l.starts_with("  city:")).unwrap();
    assert!(
        lines[city - 1].starts_with("  bio:") && lines[city + 1] == "  # city below",
        "{got}"
    );
}

#[test]
fn the_language_asked_in_replaces_the_files_in_place() {
    let text = "# mine\nlang: en\nname:\n";
    let got = run_from(Lang::Fr, text, &["Jo"]);
    assert!(got.starts_with("# mine\nlang: \"fr\"\nname: \"Jo\"\n"), "{got}");
}

#[test]
fn a_layout_not_edited_in_place_still_keeps_every_answer() {
    // A city to add into a flow section: the answers are written anew, none lost.
    let text = "# flow\nabout: {bio: \"Coach\"}\n";
    let got = run_from(Lang::En, text, &["Jo", "y", "", "", "", "", "Rennes"]);
    let p = parse(&got);
    assert_eq!(value(&p, "about.bio"), Some(&s("Coach")));
    assert_eq!(value(&p, "about.city"), Some(&s("Rennes")));
    assert_eq!(value(&p, "photo.set"), Some(&Value::Bool(true)));
    assert_eq!(value(&p, "name"), Some(&s("Jo")));
}

/// A file created at `-o`'s name while the interview waits for answers is
/// kept: the answers are not written over it (issue 27). With --force they are.
#[test]
fn cli_init_keeps_a_file_that_appears_during_the_interview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("late.yaml");
    for force in [false, true] {
        let _ = std::fs::remove_file(&file);
        let mut args = vec!["init", "--interactive", "--lang", "en", "-o", "late.yaml"];
        if force {
            args.push("--force");
        }
        let mut child = bin()
            .args(&args)
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn profilecheck");
        // Wait for the first question: the check at the start is behind us.
        let mut stderr = child.stderr.take().expect("stderr");
        let mut seen = Vec::new();
        let mut byte = [0u8; 1];
        while !text(&seen).contains('?') {
            assert_eq!(stderr.read(&mut byte).expect("read"), 1, "{}", text(&seen));
            seen.push(byte[0]);
        }
        std::fs::write(&file, "name: Mine\n").expect("write");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"Other\n")
            .expect("answer");
        let status = child.wait().expect("wait");
        let mut rest = String::new();
        stderr.read_to_string(&mut rest).expect("read");
        let written = std::fs::read_to_string(&file).expect("read");
        if force {
            assert_eq!(status.code(), Some(0), "{rest}");
            assert_eq!(parse(&written).name.as_deref(), Some("Other"));
        } else {
            assert_eq!(status.code(), Some(2), "{rest}");
            assert_eq!(written, "name: Mine\n");
            assert!(
                rest.contains("late.yaml was created while profilecheck was running"),
                "{rest}"
            );
            // Said as what happened, not as a report that could not be written.
            assert!(!rest.contains("cannot write the report"), "{rest}");
        }
        // No temporary file left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["late.yaml"]);
    }
}

#[test]
fn answers_into_the_template_keep_all_its_comments() {
    let text = template(Lang::En);
    // Name, no photo, no cover answer, no bio, one job, then nothing more.
    let mut lines = vec!["Jo", "n", "", "", "Coach", "Acme", "y", ""];
    lines.extend([""; 60]);
    let got = run_from(Lang::En, &text, &lines);
    let comments = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(comments(&got), comments(&text), "{got}");
    kept_in_order(&text, &got, &["name", "set", "work"]);
    let p = parse(&got);
    assert_eq!(value(&p, "name"), Some(&s("Jo")));
    assert_eq!(value(&p, "photo.set"), Some(&Value::Bool(false)));
    assert_eq!(value(&p, "about.work.0.position"), Some(&s("Coach")));
    assert_eq!(value(&p, "about.work.0.employer"), Some(&s("Acme")));
    assert_eq!(value(&p, "about.work.0.current"), Some(&Value::Bool(true)));
}
