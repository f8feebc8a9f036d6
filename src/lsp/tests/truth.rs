//! The editor tells the truth (issue 26): hover on every rule whatever its
//! severity, plain text that is plain, ranges on what a problem is about, a
//! code on every diagnostic, the hashtag advice for `- #tag`.

use super::*;

fn hover(c: &mut Client, uri: &str, line: u32, character: u32) -> Value {
    c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
    .unwrap()
}

#[test]
fn a_rule_the_config_turns_off_still_has_its_hover_which_says_it_is_off() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".profilecheck.yaml");
    std::fs::write(&config, "severity:\n  photo-set: off\n").unwrap();
    let (mut c, _) = Client::start(
        dir.path(),
        json!({"textDocument": {"hover": {"contentFormat": ["markdown"]}}}),
        None,
    );
    let profile = uri_of(&dir.path().join("p.yaml"));
    c.open(&profile, "name: x\nwaivers:\n  photo-set: no photo\n");
    let h = hover(&mut c, &profile, 2, 4);
    let text = h["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover: {h}"));
    assert!(text.contains("`photo-set`") && text.contains("off"), "{text}");
    let cfg = uri_of(&config);
    c.open(&cfg, "severity:\n  photo-set: off\n");
    let h = hover(&mut c, &cfg, 1, 4);
    let text = h["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover: {h}"));
    assert!(text.contains("`photo-set`") && text.contains("off"), "{text}");
    // An active rule says its severity instead.
    std::fs::write(&config, "severity:\n  photo-set: info\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": cfg, "type": 2}]}),
    );
    let h = hover(&mut c, &profile, 2, 4);
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(!text.contains("off:"), "{text}");
    c.stop();
}

#[test]
fn a_client_without_markdown_gets_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let caps = json!({"textDocument": {
        "hover": {"contentFormat": ["plaintext"]},
        "completion": {"completionItem": {"documentationFormat": ["plaintext"]}},
    }});
    let (mut c, _) = Client::start(dir.path(), caps, None);
    let uri = uri_of(&dir.path().join("p.yaml"));
    c.open(&uri, "photo:\n  set: false\nwaivers:\n  bio-length: short\n");
    for (line, character) in [(1, 3), (0, 1), (3, 4)] {
        let h = hover(&mut c, &uri, line, character);
        assert_eq!(h["contents"]["kind"], "plaintext", "{h}");
        let text = h["contents"]["value"].as_str().unwrap();
        assert!(!text.is_empty());
        for mark in ["**", "`", "\\", "---"] {
            assert!(!text.contains(mark), "{mark} in plain text:\n{text:?}");
        }
    }
    let items = c
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 2}}),
        )
        .unwrap();
    for item in items["items"].as_array().unwrap() {
        if let Some(doc) = item.get("documentation") {
            let doc = doc.as_str().unwrap_or_else(|| panic!("plain text is a string: {doc}"));
            assert!(!doc.contains('`') && !doc.contains("**"), "{doc}");
        }
    }
    c.stop();
}

#[test]
fn ranges_sit_on_the_section_the_token_or_the_end_never_past_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = Client::start(dir.path(), json!({}), None);
    let uri = uri_of(&dir.path().join("p.yaml"));
    let text = "name: Jo\nphoto:\n  kind: casual\n";
    let d = summary(&c.open(&uri, text));
    // A key missing inside a section: on the section's key.
    assert!(d.contains(&("photo-set".into(), 1, 0, 1, 5)), "{d:?}");
    // A whole section missing: on the CLI's line, but not underlining `name`.
    let keywords = d.iter().find(|d| d.0 == "keywords").unwrap();
    assert_eq!((keywords.1, keywords.2, keywords.3, keywords.4), (0, 0, 0, 0), "{d:?}");
    assert!(!d.iter().any(|d| (d.1, d.2, d.3, d.4) == (0, 0, 0, 4)), "{d:?}");
    // The format's problems among the rules' findings (a file with one
    // still gets every rule's).
    let format = |d: Vec<Value>| -> Vec<Value> {
        d.into_iter()
            .filter(|d| ["empty-list-item", "hashtag-comment"].contains(&d["code"].as_str().unwrap()))
            .collect()
    };
    // An empty item: on its `-`, inside the line.
    let d = summary(&format(c.change(&uri, 2, "name: Jo\nkeywords:\n  -\n  - seo\n")));
    assert_eq!(d, vec![("empty-list-item".into(), 2, 2, 2, 3)]);
    // A hashtag read as a comment, in flow and in block style: the hashtag
    // itself, said once (as an error, not again as a note).
    let d = summary(&c.change(&uri, 3, "name: Jo\nkeywords: [#a, b]\n"));
    assert_eq!(d, vec![("hashtag-comment".into(), 1, 11, 1, 13)]);
    let d = format(c.change(&uri, 4, "name: Jo\nkeywords:\n  - #ereputation\n"));
    assert_eq!(summary(&d), vec![("hashtag-comment".into(), 2, 4, 2, 16)]);
    assert_eq!(d[0]["severity"], 1);
    assert!(d[0]["message"].as_str().unwrap().contains("\"#ereputation\""), "{d:?}");
    c.stop();
}

#[test]
fn every_diagnostic_has_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = Client::start(dir.path(), json!({}), None);
    let uri = uri_of(&dir.path().join("p.yaml"));
    for (v, text, code) in [
        (1, "nmae: Jo\n", "unknown-key"),
        (2, "photo: [unclosed\n", "yaml-syntax"),
        (3, "photo:\n  set: yes\n", "expected-bool"),
        (4, "network:\n  professional_contacts: -3\n", "negative"),
        (5, "waivers:\n  no-such-rule: why\n", "unknown-waiver"),
    ] {
        let d = c.change(&uri, v, text);
        assert!(
            d.iter().all(|d| d["code"].as_str().is_some_and(|c| !c.is_empty())),
            "{d:?}"
        );
        assert!(d.iter().any(|d| d["code"] == code), "{text}: {d:?}");
    }
    c.stop();
}

#[test]
fn an_invalid_value_hides_no_rule_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = Client::start(dir.path(), json!({}), None);
    let uri = uri_of(&dir.path().join("p.yaml"));
    // One unknown key, one value of the wrong kind, one empty item: each said
    // where the CLI says it, with its code ...
    let text = "name: Jo\nnmae: x\nphoto:\n  set: false\n  cover: maybe\nkeywords:\n  -\n  - seo\n";
    let d = summary(&c.open(&uri, text));
    let cli = crate::profile::parse(text.as_bytes()).unwrap_err();
    let format: Vec<(u64, u64)> = cli
        .iter()
        .map(|e| (e.pos.line as u64 - 1, e.pos.col as u64 - 1))
        .collect();
    for (code, at) in [
        ("unknown-key", format[0]),
        ("expected-bool", format[1]),
        ("empty-list-item", format[2]),
    ] {
        assert!(d.iter().any(|d| d.0 == code && (d.1, d.2) == at), "{code}: {d:?}");
    }
    assert_eq!(format.len(), 3);
    // ... and every rule still runs on the rest: the findings of the same
    // file with the faulty values taken out, at the same places.
    let valid = "name: Jo\nphoto:\n  set: false\nkeywords:\n  - seo\n";
    let report = crate::Checker::builtin().check("p.yaml", valid.as_bytes(), None);
    assert!(report.errors.is_empty() && !report.findings.is_empty());
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    for rule in &rules {
        assert!(d.iter().any(|d| d.0 == *rule), "{rule} is missing: {d:?}");
    }
    let photo = d.iter().find(|d| d.0 == "photo-set").unwrap();
    assert_eq!((photo.1, photo.2), (3, 7), "{d:?}");
    // Text that is no YAML mapping still gives its error alone.
    let d = summary(&c.change(&uri, 2, "- a list\n"));
    assert_eq!(d.len(), 1, "{d:?}");
    c.stop();
}

/// The server diagnoses only what the CLI would lint there: the YAML of
/// other tools, and files outside the config's `include:` or inside its
/// `exclude:`, get no profile diagnostic, hover or completion.
#[test]
fn files_the_cli_would_not_lint_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::create_dir_all(root.join("clients/vip/drafts")).unwrap();
    std::fs::create_dir_all(root.join("notes")).unwrap();
    let config = "include: [\"clients/**/*.yaml\"]\nexclude: [\"clients/vip/drafts/\"]\n";
    std::fs::write(root.join(".profilecheck.yaml"), config).unwrap();
    let (mut c, _) = Client::start(root, json!({}), None);
    let compose = "services:\n  web:\n    image: nginx\n";
    let profile = "photo: {set: false}\n";
    for (file, text) in [
        ("docker-compose.yml", compose),
        ("clients/compose.yaml", compose),
        (".pre-commit-config.yaml", "repos: []\n"),
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
        ("clients/vip/drafts/p.yaml", profile),
        ("notes/p.yaml", profile),
    ] {
        let uri = uri_of(&root.join(file));
        assert_eq!(c.open(&uri, text), Vec::<Value>::new(), "{file}");
        let at = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}});
        assert_eq!(
            c.request("textDocument/hover", at.clone()).unwrap(),
            Value::Null,
            "{file}"
        );
        let items = c.request("textDocument/completion", at).unwrap();
        assert!(
            items.is_null() || items["items"].as_array().is_some_and(Vec::is_empty),
            "{file}: {items}"
        );
    }
    // A profile the config includes is diagnosed as ever.
    let d = c.open(&uri_of(&root.join("clients/vip/p.yaml")), profile);
    assert!(d.iter().any(|d| d["code"] == "photo-set"), "{d:?}");
    c.stop();
}
