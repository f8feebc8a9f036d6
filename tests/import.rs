//! `profilecheck import` (docs/cli.md) on exports built here from the documented
//! structure (shared research notes, copied in as the layouts below): the
//! 2024+ and 2021–23 layouts, the 2018–19 `profile` root key, split exports,
//! the encoding bug, the posting window, hashtags, websites, current jobs,
//! the written YAML linted by the CLI, and the refusals (HTML variant,
//! broken zips, zip bombs, `..` names). Every person and place is made up.

use profilecheck::profile::yaml::{Node, Value};
use serde_json::{Value as Json, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use zip::write::SimpleFileOptions;

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");
/// The fixed day the tests import "as of": the window is 2026-06-01..2026-11-30.
const AS_OF: &str = "2026-12-01";

// ------------------------------------------------------------ the exports

/// Where one era of exports keeps its files.
struct Layout {
    profile: &'static str,
    posts: fn(usize) -> String,
    messages: &'static str,
    root_key: &'static str,
}

/// Accounts Center layout (2024 on).
const L2024: Layout = Layout {
    profile: "personal_information/profile_information/profile_information.json",
    posts: |n| format!("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_{n}.json"),
    messages: "your_facebook_activity/messages/inbox",
    root_key: "profile_v2",
};
/// The 2021–23 layout.
const L2021: Layout = Layout {
    profile: "profile_information/profile_information.json",
    posts: |n| format!("posts/your_posts_{n}.json"),
    messages: "messages/inbox",
    root_key: "profile_v2",
};
/// 2018–19: the root key is `profile`.
const L2019: Layout = Layout {
    profile: "profile_information/profile_information.json",
    posts: |n| format!("posts/your_posts_{n}.json"),
    messages: "messages/inbox",
    root_key: "profile",
};

/// JSON as Facebook writes it: every non-ASCII character as the `\u00XX`
/// escapes of its UTF-8 bytes (`ø` → `\u00c3\u00b8`).
fn fb_json(v: &Json) -> String {
    let plain = serde_json::to_string_pretty(v).unwrap();
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\u00{b:02x}"));
            }
        }
    }
    out
}

/// Unix seconds of `YYYY-MM-DD` plus seconds.
fn ts(date: &str, secs: i64) -> i64 {
    profilecheck::import::parse_date(date).unwrap() * 86_400 + secs
}

fn post(t: i64, text: Option<&str>, url: Option<&str>) -> Json {
    let mut data = vec![json!({"update_timestamp": t})];
    if let Some(text) = text {
        data.insert(0, json!({ "post": text }));
    }
    let mut attachments = vec![
        json!({"data": [{"media": {"uri": "your_facebook_activity/posts/media/x.jpg", "creation_timestamp": t}}]}),
    ];
    if let Some(url) = url {
        attachments.push(json!({"data": [{"external_context": {"url": url, "name": "a link"}}]}));
    }
    json!({"timestamp": t, "data": data, "attachments": attachments, "title": "Jeanne Lefèvre updated her status."})
}

/// The posts of the main fixture, newest first as Facebook writes them.
fn posts() -> Vec<Json> {
    vec![
        // Outside the window, on both sides, and long ago.
        post(
            ts("2026-12-01", 0),
            Some("#future"),
            Some("https://elsewhere.example.com/x"),
        ),
        // In the window (2026-06-01 00:00:00 to 2026-11-30 23:59:59 UTC).
        post(ts("2026-11-30", 86_399), Some("#Kø et #formation"), None),
        post(ts("2026-10-20", 3600), None, None),
        post(ts("2026-09-05", 60), Some("#formation à Rennes"), None),
        post(
            ts("2026-08-10", 60),
            Some("Lu ce matin #veille"),
            Some("https://www.lemonde.fr/pixels/article.html"),
        ),
        post(
            ts("2026-07-01", 60),
            Some("#communitymanagement : trois conseils"),
            None,
        ),
        post(
            ts("2026-06-15", 60),
            Some("Nouvel article #ereputation"),
            Some("https://jeanne.example.org/2026/06/article"),
        ),
        post(ts("2026-06-01", 0), Some("Rentrée #formation #ereputation"), None),
        post(ts("2026-05-31", 86_399), Some("#old #old #old"), None),
        post(ts("2025-01-10", 0), Some("#ancien"), None),
    ]
}

fn profile_info() -> Json {
    json!({
        "name": {"full_name": "Jeanne Lefèvre", "first_name": "Jeanne", "last_name": "Lefèvre"},
        "emails": {"emails": ["jeanne@example.org", "autre@example.org"], "previous_emails": []},
        "birthday": {"year": 1990, "month": 4, "day": 2},
        "gender": {"gender_option": "FEMALE", "pronoun": "FEMALE"},
        "current_city": {"name": "København", "timestamp": 1_700_000_000},
        "hometown": {"name": "Quimperlé", "timestamp": 1_600_000_000},
        "relationship": {"status": "Married", "timestamp": 1_600_000_000},
        "family_members": [{"name": "Paul Lefèvre", "relation": "Brother", "timestamp": 1}],
        "education_experiences": [
            {"name": "IUT de Lannion", "degree": "DUT Information-Communication", "graduated": true, "timestamp": 1},
            {"name": "Lycée Chateaubriand", "school_type": "High School", "timestamp": 1}
        ],
        "work_experiences": [
            {"employer": "Agence Horizon", "title": "Community manager", "start_timestamp": 1_650_000_000, "timestamp": 1},
            {"employer": "Studio Nord", "title": "Chargée de communication", "start_timestamp": 1_500_000_000, "end_timestamp": 1_600_000_000},
            {"employer": "Collectif Brume", "title": "Bénévole", "start_timestamp": 1_400_000_000, "end_timestamp": 0}
        ],
        "other_names": [
            {"name": "Community Manager", "type": "Nickname", "timestamp": 1},
            {"name": "J. L.", "type": "Other", "timestamp": 2}
        ],
        "intro_bio": {"name": "Community manager · e-réputation", "timestamp": 1},
        "websites": [
            {"address": "https://jeanne.example.org/"},
            {"address": "https://www.linkedin.com/in/jeanne-exemple"},
            {"address": "https://twitter.com/jeanne_exemple"},
            {"address": "https://carnet.example.net"},
            {"address": "https://x.com/jeanne_exemple"},
            {"address": "https://www.youtube.com/@jeanne-exemple"}
        ],
        "phone_numbers": [{"phone_type": "Mobile", "phone_number": "+33 6 00 00 00 00", "verified": true}],
        "username": "jeanne.exemple",
        "registration_timestamp": 1_200_000_000
    })
}

/// Files of an export: (path inside it, bytes).
type Files = Vec<(String, Vec<u8>)>;

fn export_files(l: &Layout) -> Files {
    let mut files: Files = vec![
        (
            l.profile.to_owned(),
            fb_json(&json!({ l.root_key: profile_info() })).into_bytes(),
        ),
        ((l.posts)(1), fb_json(&Json::Array(posts())).into_bytes()),
    ];
    // Conversations are never opened: one that would break the import if it were.
    files.push((
        format!("{}/friend_abc123/message_1.json", l.messages),
        b"{ not json".to_vec(),
    ));
    files.push((
        format!("{}/friend_abc123/your_posts_1.json", l.messages),
        b"not even json".to_vec(),
    ));
    files.push((
        "connections/friends/your_friends.json".into(),
        br#"{"friends_v2": []}"#.to_vec(),
    ));
    files
}

fn write_dir(dir: &Path, files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        z.start_file(name.as_str(), opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

// ------------------------------------------------------------ running it

#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn exec(args: &[&str], stdin: Option<&str>) -> Out {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        pipe.write_all(s.as_bytes()).unwrap();
    }
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    Out {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `profilecheck import PATHS --as-of AS_OF --no-config [extra]`.
fn import(paths: &[&Path], extra: &[&str]) -> Out {
    let mut args: Vec<String> = vec!["import".into(), "--no-config".into(), "--as-of".into(), AS_OF.into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    exec(&args.iter().map(String::as_str).collect::<Vec<_>>(), None)
}

fn parsed(yaml: &str) -> Node {
    match profilecheck::profile::parse(yaml.as_bytes()) {
        Ok(p) => p.root,
        Err(e) => panic!(
            "not a valid profile: {:?}\n{yaml}",
            e.iter()
                .map(|d| d.render("p", profilecheck::Lang::En))
                .collect::<Vec<_>>()
        ),
    }
}

fn at<'a>(root: &'a Node, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for seg in path.split('.') {
        node = match (&node.value, seg.parse::<usize>()) {
            (Value::Seq(items), Ok(i)) => items.get(i)?,
            _ => node.get(seg)?,
        };
    }
    match &node.value {
        Value::Null => None,
        v => Some(v),
    }
}

fn s(root: &Node, path: &str) -> Option<String> {
    match at(root, path)? {
        Value::Str(s) => Some(s.clone()),
        other => panic!("{path} is not a string: {other:?}"),
    }
}

fn strs(root: &Node, path: &str) -> Vec<String> {
    match at(root, path) {
        Some(Value::Seq(items)) => items.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect(),
        None => vec![],
        other => panic!("{path}: {other:?}"),
    }
}

fn len(root: &Node, path: &str) -> usize {
    match at(root, path) {
        Some(Value::Seq(items)) => items.len(),
        _ => 0,
    }
}

/// Everything the import derives from the main fixture.
fn assert_main_fixture(root: &Node) {
    assert_eq!(s(root, "name").as_deref(), Some("Jeanne Lefèvre"));
    assert_eq!(
        s(root, "about.bio").as_deref(),
        Some("Community manager · e-réputation")
    );
    assert_eq!(s(root, "about.city").as_deref(), Some("København"));
    // Work: no end_timestamp or 0 is current.
    assert_eq!(len(root, "about.work"), 3);
    assert_eq!(s(root, "about.work.0.employer").as_deref(), Some("Agence Horizon"));
    assert_eq!(s(root, "about.work.0.position").as_deref(), Some("Community manager"));
    assert_eq!(at(root, "about.work.0.current"), Some(&Value::Bool(true)));
    assert_eq!(
        s(root, "about.work.1.position").as_deref(),
        Some("Chargée de communication")
    );
    assert_eq!(at(root, "about.work.1.current"), Some(&Value::Bool(false)));
    assert_eq!(at(root, "about.work.2.current"), Some(&Value::Bool(true)));
    assert_eq!(s(root, "about.education.0.school").as_deref(), Some("IUT de Lannion"));
    assert_eq!(
        s(root, "about.education.0.degree").as_deref(),
        Some("DUT Information-Communication")
    );
    assert_eq!(
        s(root, "about.education.1.school").as_deref(),
        Some("Lycée Chateaubriand")
    );
    assert_eq!(at(root, "about.education.1.degree"), None);
    // The export's e-mails are the account's login addresses, not the one
    // the profile shows (docs/format.md): never an answer, a hint at most.
    assert_eq!(at(root, "contact.email"), None);
    // Websites: the first off-network one is the website; networks by domain; the rest `website`.
    assert_eq!(
        s(root, "contact.website").as_deref(),
        Some("https://jeanne.example.org/")
    );
    let links: Vec<(String, String)> = (0..len(root, "contact.links"))
        .map(|i| {
            (
                s(root, &format!("contact.links.{i}.network")).unwrap(),
                s(root, &format!("contact.links.{i}.url")).unwrap(),
            )
        })
        .collect();
    let want = [
        ("linkedin", "https://www.linkedin.com/in/jeanne-exemple"),
        ("twitter", "https://twitter.com/jeanne_exemple"),
        ("website", "https://carnet.example.net"),
        ("x", "https://x.com/jeanne_exemple"),
        ("youtube", "https://www.youtube.com/@jeanne-exemple"),
    ];
    assert_eq!(
        links,
        want.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(s(root, "alternate_name.name").as_deref(), Some("Community Manager"));
    assert_eq!(s(root, "alternate_name.type").as_deref(), Some("nickname"));
    // 7 posts in the window: 7 ÷ 6 = 1.1666… → 1.2.
    assert_eq!(at(root, "publishing.posts_per_month"), Some(&Value::Float(1.2)));
    // Most used first; ties by first use in time (the file lists newest first).
    assert_eq!(
        strs(root, "keywords"),
        ["#formation", "#ereputation", "#communitymanagement", "#veille", "#Kø"]
    );
    assert_eq!(at(root, "publishing.shares_blog_posts"), Some(&Value::Bool(true)));
    assert_eq!(at(root, "publishing.shares_curation"), Some(&Value::Bool(true)));
    // Not in the export: left as questions.
    for path in [
        "photo.set",
        "network.professional_contacts",
        "publishing.default_audience",
        "followers.professional_mode",
        "tagging.review_tags",
        "privacy.birthday_audience",
        "alternate_name.show_on_profile",
    ] {
        assert_eq!(at(root, path), None, "{path} should be left as a question");
    }
}

/// The login e-mail appears only in a comment above the empty
/// `contact.email` question, saying what it is.
fn assert_login_email_is_a_hint(yaml: &str) {
    let lines: Vec<&str> = yaml.lines().collect();
    let key = lines
        .iter()
        .position(|l| l.trim_start().starts_with("email:"))
        .expect("an email question");
    assert_eq!(lines[key].trim(), "email:", "{yaml}");
    let hint = lines[..key]
        .iter()
        .rev()
        .take_while(|l| l.trim_start().starts_with('#'));
    let hint: Vec<&str> = hint.copied().collect();
    let hint = hint.join(" ");
    assert!(hint.contains("jeanne@example.org") && hint.contains("login"), "{hint}");
    let uses: Vec<&&str> = lines.iter().filter(|l| l.contains("jeanne@example.org")).collect();
    assert!(uses.iter().all(|l| l.trim_start().starts_with('#')), "{uses:?}");
}

/// The written YAML never carries what is not a profile field.
fn assert_private(yaml: &str) {
    for secret in [
        "+33 6",
        "1990",
        "Paul",
        "Married",
        "autre@example.org",
        "jeanne.exemple\"",
        "Quimperlé",
    ] {
        assert!(!yaml.contains(secret), "{secret:?} leaked into the profile:\n{yaml}");
    }
}

// ------------------------------------------------------------ the layouts

#[test]
fn layout_2024_zip_derives_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("facebook-jeanne.exemple-2026-12-01-AbCdEfGh.zip");
    write_zip(&zip, &export_files(&L2024));
    let out = import(&[&zip], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_main_fixture(&parsed(&out.stdout));
    assert_private(&out.stdout);
    assert_login_email_is_a_hint(&out.stdout);
    // It says what it read, and only that.
    assert!(
        out.stderr
            .contains("personal_information/profile_information/profile_information.json"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("your_posts__check_ins__photos_and_videos_1.json: 10 posts"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("5 files listed, 2 opened"), "{}", out.stderr);
    assert!(
        out.stderr.contains("7 posts from 2026-06-01 to 2026-11-30"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("messages/"), "{}", out.stderr);
}

#[test]
fn layout_2021_folder_derives_every_field() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(dir.path(), &export_files(&L2021));
    let out = import(&[dir.path()], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_main_fixture(&parsed(&out.stdout));
    assert!(
        out.stderr.contains("posts/your_posts_1.json: 10 posts"),
        "{}",
        out.stderr
    );
}

#[test]
fn old_profile_root_key_and_status_updates() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = export_files(&L2019);
    // 2018–19 wrapped the posts in an object.
    files[1].1 = fb_json(&json!({ "status_updates": posts() })).into_bytes();
    write_zip(&dir.path().join("old.zip"), &files);
    let out = import(&[&dir.path().join("old.zip")], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_main_fixture(&parsed(&out.stdout));
}

#[test]
fn split_export_profile_in_the_second_part_and_posts_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let all = export_files(&L2024);
    let posts = posts();
    // Part 1: half the posts and the messages; part 2: the profile, the rest of
    // the posts, and again four records already in part 1.
    let part1: Files = vec![
        (
            (L2024.posts)(1),
            fb_json(&Json::Array(posts[..5].to_vec())).into_bytes(),
        ),
        all[2].clone(),
    ];
    let part2: Files = vec![
        all[0].clone(),
        (
            (L2024.posts)(2),
            fb_json(&Json::Array(posts[1..].to_vec())).into_bytes(),
        ),
    ];
    let (z1, z2) = (dir.path().join("part-1.zip"), dir.path().join("part-2.zip"));
    write_zip(&z1, &part1);
    write_zip(&z2, &part2);
    let out = import(&[&z1, &z2], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_main_fixture(&parsed(&out.stdout));
    assert!(out.stderr.contains("7 posts from"), "{}", out.stderr);
    // One part alone: what it has, and a warning about the rest.
    let out = import(&[&z1], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("profilecheck: warning: no profile information"),
        "{}",
        out.stderr
    );
    let root = parsed(&out.stdout);
    assert_eq!(s(&root, "name"), None);
    assert_eq!(at(&root, "publishing.posts_per_month"), Some(&Value::Float(0.7)));
}

#[test]
fn a_folder_of_downloaded_parts_is_read_as_one_export() {
    let dir = tempfile::tempdir().unwrap();
    let all = export_files(&L2024);
    write_zip(&dir.path().join("facebook-x-part-1.zip"), &all[1..]);
    write_zip(&dir.path().join("facebook-x-part-2.zip"), &all[..2]);
    let out = import(&[dir.path()], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_main_fixture(&parsed(&out.stdout));
    // The posts file is in both parts: its records count once.
    assert!(out.stderr.contains("7 posts from"), "{}", out.stderr);
}

#[test]
fn encoding_repair_leaves_text_that_is_not_mojibake() {
    let dir = tempfile::tempdir().unwrap();
    // Written by hand: one string with the bug, one already right, one with a
    // character past U+00FF next to Latin-1 ones.
    let profile = r#"{"profile_v2": {
        "name": {"full_name": "Ren\u00c3\u00a9e Dub\u00c3\u00b8"},
        "current_city": {"name": "K\u00c3\u00b8benhavn"},
        "intro_bio": {"name": "Caf\u00e9 \u2615 cr\u00e8me"},
        "work_experiences": [{"employer": "\u00c3\u0089cole", "title": "Pr\u00e9sident"}]
    }}"#;
    write_dir(
        dir.path(),
        &[("profile_information/profile_information.json".into(), profile.into())],
    );
    let out = import(&[dir.path()], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let root = parsed(&out.stdout);
    assert_eq!(s(&root, "name").as_deref(), Some("Renée Dubø"));
    assert_eq!(s(&root, "about.city").as_deref(), Some("København"));
    assert_eq!(s(&root, "about.bio").as_deref(), Some("Café ☕ crème"));
    assert_eq!(s(&root, "about.work.0.employer").as_deref(), Some("École"));
    assert_eq!(s(&root, "about.work.0.position").as_deref(), Some("Président"));
    // No posts file: the publishing fields stay questions.
    assert_eq!(at(&root, "publishing.posts_per_month"), None);
}

#[test]
fn window_edges_and_counts_follow_as_of() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(dir.path(), &export_files(&L2024));
    // A day later, the post of 2026-06-01 00:00 leaves and the one of 2026-12-01 enters.
    let out = exec(
        &[
            "import",
            "--no-config",
            "--as-of",
            "2026-12-02",
            &dir.path().display().to_string(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let root = parsed(&out.stdout);
    assert_eq!(at(&root, "publishing.posts_per_month"), Some(&Value::Float(1.2)));
    let tags = strs(&root, "keywords");
    assert_eq!(tags[0], "#formation");
    assert!(
        tags.contains(&"#future".to_owned()) && !tags.contains(&"#old".to_owned()),
        "{tags:?}"
    );
    // Long after: no post in the window, so 0, no keywords, no links.
    let out = exec(
        &[
            "import",
            "--no-config",
            "--as-of",
            "2030-01-01",
            &dir.path().display().to_string(),
        ],
        None,
    );
    let root = parsed(&out.stdout);
    assert_eq!(at(&root, "publishing.posts_per_month"), Some(&Value::Int(0)));
    assert_eq!(at(&root, "keywords"), None);
    assert_eq!(at(&root, "publishing.shares_blog_posts"), Some(&Value::Bool(false)));
    assert_eq!(at(&root, "publishing.shares_curation"), Some(&Value::Bool(false)));
    // A date that is not one.
    let out = exec(
        &["import", "--as-of", "2026-02-30", &dir.path().display().to_string()],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("YYYY-MM-DD"), "{}", out.stderr);
}

#[test]
fn at_most_ten_hashtags() {
    let dir = tempfile::tempdir().unwrap();
    let t = ts("2026-09-01", 0);
    let posts: Vec<Json> = (0..14)
        .map(|i| {
            let text = format!("#tag{i} #common");
            post(t + i, Some(&text), None)
        })
        .collect();
    write_dir(
        dir.path(),
        &[((L2021.posts)(1), fb_json(&Json::Array(posts)).into_bytes())],
    );
    let out = import(&[dir.path()], &[]);
    let tags = strs(&parsed(&out.stdout), "keywords");
    assert_eq!(
        tags,
        [
            "#common", "#tag0", "#tag1", "#tag2", "#tag3", "#tag4", "#tag5", "#tag6", "#tag7", "#tag8"
        ]
    );
}

// ------------------------------------------------------------ the written YAML

fn lint(file: &Path, lang: &str) -> Out {
    exec(&["--no-config", "--lang", lang, &file.display().to_string()], None)
}

#[test]
fn the_written_profile_lints_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(&dir.path().join("export"), &export_files(&L2024));
    for lang in ["en", "fr"] {
        let file = dir.path().join(format!("profile-{lang}.yaml"));
        let out = import(
            &[&dir.path().join("export")],
            &["--lang", lang, "-o", &file.display().to_string()],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.is_empty());
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(&format!("lang: {lang}")), "{text}");
        let linted = lint(&file, lang);
        assert!(
            linted.code == 0 || linted.code == 1,
            "{}\n{}",
            linted.stdout,
            linted.stderr
        );
        assert!(linted.stderr.is_empty(), "{}", linted.stderr);
        // The derived fields pass their rules; the questions are reported.
        let json = exec(&["--no-config", "--format", "json", &file.display().to_string()], None);
        let report: Json = serde_json::from_str(&json.stdout).unwrap();
        let passed: Vec<&str> = report["profiles"][0]["passed"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        for rule in [
            "bio-filled",
            "bio-length",
            "current-position",
            "contact-links",
            "link-urls",
            "website-url",
            "link-domains",
            "keywords",
            "keyword-format",
            "content-mix",
            "alternate-name",
            "alternate-name-standards",
        ] {
            assert!(passed.contains(&rule), "{rule} should pass: {passed:?}");
        }
        let missed: Vec<&str> = report["profiles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert!(
            missed.contains(&"photo-set") && missed.contains(&"posting-rhythm"),
            "{missed:?}"
        );
        assert!(
            !missed.iter().any(|r| r.starts_with("website") || r.starts_with("link")),
            "{missed:?}"
        );
        // Writing over it needs --force.
        let again = import(&[&dir.path().join("export")], &["-o", &file.display().to_string()]);
        assert_eq!(again.code, 2, "{}", again.stderr);
    }
}

/// The YAML a person reads, with the temp folder's name taken out.
fn snapshot_text(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write_dir(dir.path(), &export_files(&L2024));
    let out = import(&[dir.path()], &["--lang", lang]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn written_profile_en() {
    insta::assert_snapshot!("import_profile_en", snapshot_text("en"));
}

#[test]
fn written_profile_fr() {
    let text = snapshot_text("fr");
    // French typography in the comments.
    assert!(text.contains("D’après l’export\u{a0}:"), "{text}");
    insta::assert_snapshot!("import_profile_fr", text);
}

#[test]
fn interview_from_an_import_asks_only_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(&dir.path().join("export"), &export_files(&L2024));
    let file = dir.path().join("profile.yaml");
    let out = import(&[&dir.path().join("export")], &["-o", &file.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Answer the first question asked (the profile picture), then stop.
    let f = file.display().to_string();
    let out = exec(
        &["init", "--no-config", "--interactive", "--from", &f, "-o", &f],
        Some("y\n"),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("answers kept from the file"), "{}", out.stderr);
    assert!(
        out.stderr.contains("Have you put up a profile picture?"),
        "{}",
        out.stderr
    );
    for asked_already in [
        "Your Bio",
        "Your jobs",
        "The city you live in",
        "Your hashtags",
        "How many posts",
    ] {
        assert!(
            !out.stderr.contains(asked_already),
            "asked again: {asked_already}\n{}",
            out.stderr
        );
    }
    let root = parsed(&std::fs::read_to_string(&file).unwrap());
    assert_main_fixture_except_questions(&root);
    assert_eq!(at(&root, "photo.set"), Some(&Value::Bool(true)));
}

/// The command the import tells people to run keeps the file as written:
/// every comment line (provenance notes, questions, the header), in order,
/// byte for byte, with the answers filled in at their keys (issue 26: it
/// used to drop 113 of 125 comment lines).
#[test]
fn interview_from_an_import_keeps_every_comment_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(&dir.path().join("export"), &export_files(&L2024));
    for lang in ["en", "fr"] {
        let file = dir.path().join(format!("profile-{lang}.yaml"));
        let f = file.display().to_string();
        let out = import(&[&dir.path().join("export")], &["--lang", lang, "-o", &f]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let before = std::fs::read_to_string(&file).unwrap();
        // "y" to everything: yes to every yes/no question, "y" as a text,
        // a list or a list item; choices and numbers are asked again, then skipped.
        let answers = "y\n".repeat(400);
        let out = exec(&["init", "--no-config", "-i", "--from", &f, "-o", &f], Some(&answers));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let after = std::fs::read_to_string(&file).unwrap();
        let comments = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .map(str::to_owned)
                .collect()
        };
        assert!(comments(&before).len() > 100, "{before}");
        assert_eq!(comments(&after), comments(&before), "{after}");
        // Every line of the import is still there, in order, but the answered keys.
        let mut rest = after.lines();
        for line in before
            .lines()
            .filter(|l| !l.trim_end().ends_with(':') || l.trim_start().starts_with('#'))
        {
            assert!(rest.any(|l| l == line), "lost or moved: {line:?}\n{after}");
        }
        let root = parsed(&after);
        assert_main_fixture_except_questions(&root);
        assert_eq!(at(&root, "photo.set"), Some(&Value::Bool(true)));
        assert_eq!(at(&root, "tagging.review_tags"), Some(&Value::Bool(true)));
        assert_eq!(s(&root, "publishing.editorial_line").as_deref(), Some("y"));
        // The questions skipped (choices, numbers) are still blank questions.
        assert!(after.contains("\n  kind:\n"), "{after}");
        assert!(after.contains("\n  professional_contacts:\n"), "{after}");
        assert!(after.contains(&format!("\nlang: {lang}\n")), "{after}");
    }
}

#[test]
fn interview_from_a_french_import_asks_in_french() {
    let dir = tempfile::tempdir().unwrap();
    write_dir(&dir.path().join("export"), &export_files(&L2021));
    let file = dir.path().join("profil.yaml");
    let f = file.display().to_string();
    let out = import(&[&dir.path().join("export")], &["--lang", "fr", "-o", &f]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("lu\u{a0}: "), "{}", out.stderr);
    let out = exec(&["init", "--no-config", "-i", "--from", &f], Some(""));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("réponses reprises du fichier"), "{}", out.stderr);
    assert!(out.stdout.contains("\nlang: fr\n"), "{}", out.stdout);
    assert_main_fixture_except_questions(&parsed(&out.stdout));
}

fn assert_main_fixture_except_questions(root: &Node) {
    assert_eq!(s(root, "about.city").as_deref(), Some("København"));
    assert_eq!(len(root, "about.work"), 3);
    assert_eq!(len(root, "contact.links"), 5);
    assert_eq!(strs(root, "keywords").len(), 5);
    assert_eq!(at(root, "publishing.posts_per_month"), Some(&Value::Float(1.2)));
}

// ------------------------------------------------------------ refusals

fn refused(paths: &[&Path], needle: &str) -> Out {
    let out = import(paths, &[]);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(needle), "wanted {needle:?} in:\n{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    out
}

#[test]
fn html_variant_is_refused_with_the_way_to_json() {
    let dir = tempfile::tempdir().unwrap();
    let files: Files = vec![
        ("start_here.html".into(), b"<html></html>".to_vec()),
        (
            "personal_information/profile_information/profile_information.html".into(),
            b"<html></html>".to_vec(),
        ),
        (
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html".into(),
            b"<html></html>".to_vec(),
        ),
    ];
    write_zip(&dir.path().join("html.zip"), &files);
    refused(&[&dir.path().join("html.zip")], "Format: JSON");
    write_dir(&dir.path().join("unpacked"), &files);
    refused(&[&dir.path().join("unpacked")], "Download your information");
}

#[test]
fn not_an_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    refused(&[&dir.path().join("notes.txt")], "not a Facebook data export");
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    refused(&[&dir.path().join("empty")], "not a Facebook data export");
    write_zip(
        &dir.path().join("other.zip"),
        &[("holiday/photo.jpg".into(), vec![0xff, 0xd8])],
    );
    refused(&[&dir.path().join("other.zip")], "not a Facebook data export");
    refused(&[&dir.path().join("missing.zip")], "cannot read it");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["export.zip", "folder"] {
        let fifo = dir.path().join(name);
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        // Bounded: a hang would be killed, and fail the test.
        let out = Command::new("timeout")
            .args(["10", BIN, "import", "--no-config"])
            .arg(&fifo)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn broken_zips_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.zip");
    write_zip(&good, &export_files(&L2024));
    let bytes = std::fs::read(&good).unwrap();
    // Cut before the central directory.
    let cut = dir.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    refused(&[&cut], "damaged zip file");
    // Garbage named .zip.
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"PK\x03\x04 this is no zip at all").unwrap();
    refused(&[&junk], "damaged zip file");
    // Compressed data spoiled after the directory is read: the entry fails its check.
    let mut spoiled = bytes.clone();
    let at = find(&spoiled, b"profile_information.json").unwrap() + 30;
    for b in &mut spoiled[at..at + 40] {
        *b ^= 0x5a;
    }
    let spoiled_path = dir.path().join("spoiled.zip");
    std::fs::write(&spoiled_path, &spoiled).unwrap();
    let out = import(&[&spoiled_path], &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn zip_bomb_is_refused_whatever_it_declares() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MiB of spaces inside a valid JSON object: far past the profile cap,
    // a few kilobytes once compressed.
    let mut big = b"{\"profile_v2\": {\"name\": {\"full_name\": \"x\"}}".to_vec();
    big.extend(std::iter::repeat_n(b' ', 40 << 20));
    big.push(b'}');
    let bomb = dir.path().join("bomb.zip");
    write_zip(&bomb, &[(L2024.profile.into(), big)]);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    refused(&[&bomb], "zip bomb");
}

#[test]
fn names_climbing_out_of_the_archive_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = export_files(&L2024);
    files.push(("../../etc/profile_information.json".into(), b"{}".to_vec()));
    let evil = dir.path().join("evil.zip");
    write_zip(&evil, &files);
    refused(&[&evil], "points outside its folder");
}

#[test]
fn malformed_json_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = export_files(&L2021);
    files[1].1 = b"[\n  {\"timestamp\": 1},\n  {\"timestamp\": }\n]".to_vec();
    write_dir(dir.path(), &files);
    let out = refused(
        &[dir.path()],
        "posts/your_posts_1.json:3:17: error: not the JSON of a Facebook export",
    );
    assert!(out.stderr.starts_with(&dir.path().display().to_string()));
}

#[test]
fn control_characters_in_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = export_files(&L2024);
    files[1].0 = "your_facebook_activity/po\u{1b}[31msts\r/your_posts_1.json".into();
    let z = dir.path().join("odd.zip");
    write_zip(&z, &files);
    let out = import(&[&z], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\r'),
        "{:?}",
        out.stderr
    );
    assert!(!out.stdout.contains('\u{1b}'), "{:?}", out.stdout);
    parsed(&out.stdout);
}

// ------------------------------------------------------------ size

/// A stored (uncompressed) zip written by hand, whose big entries are holes in
/// a sparse file: a multi-gigabyte export on disk in a few milliseconds and
/// no disk space. Small entries are written as given.
fn sparse_zip(path: &Path, small: &[(String, Vec<u8>)], big: &[(String, u64)]) {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::create(path).unwrap();
    let mut central = Vec::new();
    let mut count = 0u16;
    let entry = |f: &mut std::fs::File, name: &str, size: u64, data: Option<&[u8]>, central: &mut Vec<u8>| {
        let offset = f.stream_position().unwrap() as u32;
        let crc = match data {
            Some(d) => crc32fast::hash(d),
            None => {
                let mut h = crc32fast::Hasher::new();
                let zeros = vec![0u8; 1 << 20];
                let mut left = size;
                while left > 0 {
                    let n = left.min(zeros.len() as u64) as usize;
                    h.update(&zeros[..n]);
                    left -= n as u64;
                }
                h.finalize()
            }
        };
        let size32 = u32::try_from(size).expect("entries under 4 GiB");
        let mut local = Vec::new();
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend([20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]); // version, flags, stored, time, date
        local.extend(crc.to_le_bytes());
        local.extend(size32.to_le_bytes());
        local.extend(size32.to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend(0u16.to_le_bytes());
        local.extend(name.as_bytes());
        f.write_all(&local).unwrap();
        match data {
            Some(d) => f.write_all(d).unwrap(),
            None => {
                f.seek(SeekFrom::Current(size as i64)).unwrap();
            }
        }
        central.extend(0x0201_4b50u32.to_le_bytes());
        // made by, needed, flags, stored, time, date
        central.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
        central.extend(crc.to_le_bytes());
        central.extend(size32.to_le_bytes());
        central.extend(size32.to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0u8; 8]); // extra, comment, disk, internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    };
    for (name, data) in small {
        entry(&mut f, name, data.len() as u64, Some(data), &mut central);
        count += 1;
    }
    for (name, size) in big {
        entry(&mut f, name, *size, None, &mut central);
        count += 1;
    }
    let cd_offset = f.stream_position().unwrap() as u32;
    f.write_all(&central).unwrap();
    let mut end = Vec::new();
    end.extend(0x0605_4b50u32.to_le_bytes());
    end.extend([0u8; 4]);
    end.extend(count.to_le_bytes());
    end.extend(count.to_le_bytes());
    end.extend((central.len() as u32).to_le_bytes());
    end.extend(cd_offset.to_le_bytes());
    end.extend(0u16.to_le_bytes());
    f.write_all(&end).unwrap();
}

/// A 2 GB export (messages: 4 × 500 MB plus 3,000 small threads; media)
/// imports in about a second, in memory that does not grow with it: run
/// under a 256 MiB address-space limit, as a zip and as a folder.
#[cfg(unix)] // `ulimit` in a Unix shell caps its memory
#[test]
// It prints its measurements (with --nocapture) for benches/README.md.
#[allow(clippy::print_stderr)]
fn big_export_with_messages_imports_fast_in_small_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut small = export_files(&L2024);
    for i in 0..3000 {
        small.push((
            format!("your_facebook_activity/messages/inbox/friend_{i}/message_1.json"),
            br#"{"messages": []}"#.to_vec(),
        ));
    }
    let big: Vec<(String, u64)> = (0..4)
        .map(|i| {
            (
                format!("your_facebook_activity/messages/inbox/friend_{i}/videos/v{i}.mp4"),
                500_000_000,
            )
        })
        .chain([("your_facebook_activity/posts/media/album.jpg".to_owned(), 100_000_000)])
        .collect();
    let zip = dir.path().join("facebook-big.zip");
    sparse_zip(&zip, &small, &big);
    assert!(std::fs::metadata(&zip).unwrap().len() > 2_000_000_000);
    // The same as an unpacked folder, with sparse files.
    let folder = dir.path().join("unpacked");
    write_dir(&folder, &small);
    for (name, size) in &big {
        let p = folder.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::File::create(p).unwrap().set_len(*size).unwrap();
    }
    for export in [&zip, &folder] {
        // GNU time, when there, gives the peak memory for the record
        // (`cargo test --release --test import big -- --nocapture`).
        // (GNU time: BSD time on macOS has no -f.)
        let timed = cfg!(target_os = "linux") && Path::new("/usr/bin/time").exists();
        let script = if timed {
            r#"ulimit -v 262144 2>/dev/null; exec /usr/bin/time -f "peak RSS %M KB" "$0" import --no-config --as-of 2026-12-01 "$1""#
        } else {
            r#"ulimit -v 262144 2>/dev/null; exec "$0" import --no-config --as-of 2026-12-01 "$1""#
        };
        let started = std::time::Instant::now();
        let out = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(BIN)
            .arg(export)
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let size: u64 = if export.is_dir() {
            2_100_000_000
        } else {
            std::fs::metadata(export).unwrap().len()
        };
        eprintln!(
            "{} ({:.1} GB): {:.3} s, {}",
            if export.is_dir() { "folder" } else { "zip" },
            size as f64 / 1e9,
            took.as_secs_f64(),
            stderr.lines().last().filter(|_| timed).unwrap_or("")
        );
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert_main_fixture(&parsed(&String::from_utf8_lossy(&out.stdout)));
        assert!(!stderr.contains("messages/") && !stderr.contains(".mp4"), "{stderr}");
        // A debug build on a shared machine: generous, still far from reading 2 GB.
        assert!(took.as_secs_f64() < 5.0, "{took:?} for {}", export.display());
    }
    // The library says which files it opened: the profile and the posts, nothing else.
    let got = profilecheck::import::import(&profilecheck::import::Options {
        paths: vec![PathBuf::from(&zip)],
        as_of: profilecheck::import::parse_date(AS_OF).unwrap(),
    })
    .unwrap();
    assert_eq!(got.read.len(), 2);
    assert!(got.read.iter().all(|f| !f.shown.contains("messages")), "{:?}", got.read);
}

/// Peak memory of `import` on `export`, run under a 300 MiB address-space
/// limit (stricter than the resident size the limit is about) and a time
/// limit: the exit code, stderr, and the peak RSS GNU time measured, if there.
fn import_bounded(export: &Path) -> (Option<i32>, String, Option<u64>) {
    let timed = Path::new("/usr/bin/time").exists();
    let time = if timed { "/usr/bin/time -f 'peak RSS %M KB'" } else { "" };
    let script = format!(
        r#"ulimit -v 307200; exec timeout 120 {time} "$0" import --no-config --as-of 2026-12-01 "$1" >/dev/null"#
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .arg(export)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let peak = stderr
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("peak RSS ")?.strip_suffix(" KB")?.parse().ok());
    (out.status.code(), stderr, peak.filter(|_| timed))
}

/// Files inside the caps but built to make a tree of the whole file or to
/// keep every hashtag: memory must not grow with them (issue 27). Before
/// the streaming reader, the first took 1.45 GB and the second 1.06 GB.
#[test]
// It prints its measurements (with --nocapture) for benches/README.md.
#[allow(clippy::print_stderr)]
fn hostile_exports_inside_the_caps_import_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let objects = |k: usize| format!("[{}]", vec![r#"{"a":0}"#; k].join(","));
    // 16 MiB (the profile cap) of {"a":0}: 2 million objects.
    let whole = objects(((16 << 20) - 2) / 8);
    assert!(whole.len() <= 16 << 20);
    // A million of them as the items of two lists the importer reads.
    let half = objects((16 << 20) / 16 - 100);
    let lists = format!(r#"{{"profile_v2": {{"name": "Jeanne", "work_experiences": {half}, "websites": {half}}}}}"#);
    assert!(lists.len() <= 16 << 20);
    // One post in the window with half a million distinct hashtags and a long list of attachments.
    let tags: String = (0..500_000).map(|i| format!("#t{i} ")).collect();
    let posts = format!(
        r#"[{{"timestamp": {}, "data": [{{"post": "{tags}"}}], "attachments": {whole}}}]"#,
        ts("2026-09-01", 0)
    );
    let objects = whole;
    let cases: Vec<(&str, Files)> = vec![
        ("objects", vec![(L2024.profile.into(), objects.clone().into_bytes())]),
        ("lists", vec![(L2024.profile.into(), lists.into_bytes())]),
        ("hashtags", vec![((L2024.posts)(1), posts.into_bytes())]),
    ];
    for (name, files) in cases {
        let zip = dir.path().join(format!("{name}.zip"));
        write_zip(&zip, &files);
        let started = std::time::Instant::now();
        let (code, stderr, peak) = import_bounded(&zip);
        let took = started.elapsed();
        eprintln!("{name}: {:.2} s, peak RSS {peak:?} KB", took.as_secs_f64());
        assert!(code == Some(0) || code == Some(2), "{name}: {code:?} {stderr}");
        assert!(
            !stderr.contains("memory") && !stderr.contains("panicked"),
            "{name}: {stderr}"
        );
        if let Some(kb) = peak {
            assert!(kb < 300 * 1024, "{name}: {kb} KB");
        }
    }
}
