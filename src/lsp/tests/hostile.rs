//! What a cloned repository can put in front of the server (issue 27): a
//! config whose `rules:` names a device, a FIFO or the server's own stdin, a
//! config owned by someone else, pack texts written to be rendered as
//! Markdown images and HTML.

use super::*;

/// Open a profile in `dir` whose config names `pack`; the diagnostics must
/// come (the server neither hangs nor grows) and say why the pack does not
/// load: `why`, a message of the catalogue.
fn pack_is_refused(dir: &Path, pack: &str, why: &str) {
    std::fs::write(dir.join(".profilecheck.yaml"), format!("rules: [{pack}]\n")).unwrap();
    let (c, _) = Client::start(dir, json!({}), None);
    let started = Instant::now();
    let d = c.open(&uri_of(&dir.join("p.yaml")), "photo: {set: false}\n");
    assert!(started.elapsed() < Duration::from_secs(5));
    let note = d
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains(why))
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
    let not_regular = crate::i18n::catalog::t!(Lang::En, "io-not-regular");
    // Named by an absolute path, or through a link from elsewhere: not a regular file.
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("z.yaml");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    pack_is_refused(dir.path(), link.to_str().unwrap(), &not_regular);
    pack_is_refused(dir.path(), "/dev/zero", &not_regular);
    pack_is_refused(dir.path(), "/dev/stdin", &not_regular);
    let fifo = dir.path().join("f.yaml");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    pack_is_refused(dir.path(), "f.yaml", &not_regular);
    // A relative entry linked to a device leaves the config's folder by its
    // real path: refused before it is opened, as the CLI refuses it.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.yaml")).unwrap();
    let leaves = crate::i18n::catalog::t!(Lang::En, "config-rules-leaves-folder", path = "z.yaml");
    pack_is_refused(dir.path(), "z.yaml", &leaves);
}

/// The resident memory of this process in KiB (Linux), to tell that a
/// refusal cost nothing.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(unix)]
#[test]
fn a_special_file_costs_no_memory() {
    let dir = tempfile::tempdir().unwrap();
    let before = rss_kib();
    let not_regular = crate::i18n::catalog::t!(Lang::En, "io-not-regular");
    pack_is_refused(dir.path(), "/dev/zero", &not_regular);
    if let (Some(before), Some(after)) = (before, rss_kib()) {
        // Reading /dev/zero up to the cap would be 1 MiB; without it, gigabytes.
        assert!(after < before + 64 * 1024, "{before} KiB -> {after} KiB");
    }
}

/// A relative `rules:` entry that leads out of the config's folder through
/// a link (to a file or through a linked folder) is refused by its real
/// path, located at its line, as the CLI refuses it; the rest still loads.
#[cfg(unix)]
#[test]
fn a_rules_entry_that_escapes_the_tree_through_a_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, outside) = (dir.path().join("tree"), dir.path().join("outside"));
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let secret = "pack: secret\nrules:\n  - id: secret-rule\n    severity: error\n    title: Secret\n    check: {path: about.bio, present: true}\n";
    std::fs::write(outside.join("secret.yaml"), secret).unwrap();
    std::os::unix::fs::symlink("../outside/secret.yaml", tree.join("linkpack.yaml")).unwrap();
    std::os::unix::fs::symlink("../outside", tree.join("linkdir")).unwrap();
    let config = "rules:\n  - linkpack.yaml\n  - linkdir\n";
    std::fs::write(tree.join(".profilecheck.yaml"), config).unwrap();
    let (c, _) = Client::start(&tree, json!({}), None);
    let d = c.open(&uri_of(&tree.join("p.yaml")), "photo: {set: false}\n");
    assert!(!d.iter().any(|d| d["code"] == "secret-rule"), "{d:?}");
    assert!(d.iter().any(|d| d["code"] == "photo-set"), "{d:?}");
    let notes: Vec<&str> = d
        .iter()
        .filter(|d| d["code"] == "broken-config")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    for (entry, line) in [("linkpack.yaml", 2), ("linkdir", 3)] {
        let said = crate::i18n::catalog::t!(Lang::En, "config-rules-leaves-folder", path = entry);
        assert!(
            notes
                .iter()
                .any(|n| n.contains(&said) && n.contains(&format!(".profilecheck.yaml:{line}:"))),
            "{entry}: {notes:?}"
        );
    }
    // Opened in the editor, the config says so where `rules` is.
    let cd = c.open(&uri_of(&tree.join(".profilecheck.yaml")), config);
    assert_eq!(cd.iter().filter(|d| d["code"] == "broken-pack").count(), 2, "{cd:?}");
    c.stop();
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

/// `rules: [/]` (or any folder far bigger than a folder of packs): the
/// server answers at once, loads none of it and says why.
#[test]
fn a_rules_folder_too_big_for_packs_is_refused_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for i in 0..2_001 {
        std::fs::write(big.join(format!("{i}.txt")), b"").unwrap();
    }
    std::fs::write(big.join("a.yaml"), "pack: a\nrules: []\n").unwrap();
    let said = crate::i18n::catalog::t!(Lang::En, "pack-folder-too-large", limit = 2_000);
    pack_is_refused(dir.path(), "big", &said);
}
