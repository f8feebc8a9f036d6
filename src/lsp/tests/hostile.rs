//! What a cloned repository can put in front of the server (issue 27): a
//! config whose `rules:` names a device, a FIFO or the server's own stdin, a
//! config owned by someone else, pack texts written to be rendered as
//! Markdown images and HTML.

use super::*;

/// Open a profile in `dir` whose config names `pack`; the diagnostics must
/// come (the server neither hangs nor grows) and say the pack does not load.
fn pack_is_refused(dir: &Path, pack: &str) {
    std::fs::write(dir.join(".profilecheck.yaml"), format!("rules: [{pack}]\n")).unwrap();
    let (c, _) = Client::start(dir, json!({}), None);
    let started = Instant::now();
    let d = c.open(&uri_of(&dir.join("p.yaml")), "photo: {set: false}\n");
    assert!(started.elapsed() < Duration::from_secs(5));
    let refusal = crate::i18n::catalog::t!(Lang::En, "io-not-regular");
    let note = d
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains(&refusal))
        .unwrap_or_else(|| panic!("{pack}: {d:?}"));
    assert_eq!(note["severity"], 1);
    // The profile is still checked with the built-in rules.
    assert!(d.iter().any(|d| d["code"] == "photo-set"));
    c.stop();
}

#[cfg(unix)]
#[test]
fn a_pack_that_is_dev_zero_a_fifo_or_stdin_is_refused_as_the_cli_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.yaml")).unwrap();
    pack_is_refused(dir.path(), "z.yaml");
    let fifo = dir.path().join("f.yaml");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    pack_is_refused(dir.path(), "f.yaml");
    pack_is_refused(dir.path(), "/dev/stdin");
}

#[cfg(unix)]
#[test]
fn a_config_owned_by_another_user_is_ignored_and_said_so() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        // Only root can give a file to someone else; the CI runs as root.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".profilecheck.yaml");
    std::fs::write(&config, "severity:\n  photo-set: off\n").unwrap();
    std::os::unix::fs::chown(&config, Some(4242), None).unwrap();
    let (c, _) = Client::start(dir.path(), json!({}), None);
    let d = c.open(&uri_of(&dir.path().join("p.yaml")), "photo: {set: false}\n");
    assert!(d.iter().any(|d| d["code"] == "photo-set"), "{d:?}");
    assert!(
        d.iter().any(|d| d["message"].as_str().unwrap().contains("uid 4242")),
        "{d:?}"
    );
    c.stop();
}

#[test]
fn pack_texts_reach_hover_and_completion_as_literal_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "![px](https://attacker.example/pixel.png) <img src=x onerror=alert(1)>";
    let pack = format!(
        "pack: evil\nrules:\n  - id: evil-rule\n    severity: error\n    title: '{evil}'\n    why: '<b>why</b> [l](https://x.example)'\n    fix: ['*step* `x`']\n    check: {{path: about.bio, present: true}}\n"
    );
    std::fs::write(dir.path().join("evil.yaml"), pack).unwrap();
    std::fs::write(dir.path().join(".profilecheck.yaml"), "rules: [evil.yaml]\n").unwrap();
    let md_caps = json!({"textDocument": {
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
    }});
    let (mut c, _) = Client::start(dir.path(), md_caps, None);
    let uri = uri_of(&dir.path().join("p.yaml"));
    c.open(&uri, "name: x\nwaivers:\n  evil-rule: because\n");
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 4}}),
        )
        .unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    let md = hover["contents"]["value"].as_str().unwrap();
    for raw in ["![px](", " <img", "<b>", "[l](", "*step*", "https://"] {
        assert!(!md.contains(raw), "{raw} reaches the editor raw:\n{md}");
    }
    assert!(md.contains("!\\[px\\]") && md.contains("\\<img"), "{md}");
    let items = c
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 2}}),
        )
        .unwrap();
    let item = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "evil-rule")
        .unwrap()
        .clone();
    let doc = item["documentation"]["value"].as_str().unwrap();
    assert!(!doc.contains("![px](") && !doc.contains(" <img"), "{doc}");
    c.stop();
}
