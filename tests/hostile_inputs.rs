//! Inputs that change under the linter or are not what they seem (issue 10):
//! a file swapped for a FIFO between a check and an open, a closed stdin,
//! one file reached by several paths, file names that are not UTF-8, and
//! Markdown smuggled into SARIF by a pack.

use serde_json::Value as Json;
use std::ffi::OsStr;
#[cfg(unix)]
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");

fn run(dir: &Path, args: &[&OsStr]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn os(xs: &[&str]) -> Vec<&'static OsStr> {
    xs.iter()
        .map(|s| OsStr::new(Box::leak(s.to_string().into_boxed_str())))
        .collect()
}

fn files_of(json: &Json) -> Vec<String> {
    json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect()
}

#[cfg(unix)] // FIFOs
#[test]
fn a_file_swapped_for_a_fifo_never_hangs_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_owned();
    std::fs::write(d.join("real"), "name: Real\n").unwrap();
    assert!(Command::new("mkfifo").arg(d.join("pipe")).status().unwrap().success());
    // Each of x0.yaml … x3.yaml is a regular file one moment and a FIFO
    // the next, swapped atomically (a rename), so it always exists.
    const FILES: usize = 4;
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, d) = (stop.clone(), d.clone());
        std::thread::spawn(move || {
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let from = if (n / FILES).is_multiple_of(2) { "real" } else { "pipe" };
                let tmp = d.join("swap.tmp");
                let _ = std::fs::remove_file(&tmp);
                let _ = std::fs::hard_link(d.join(from), &tmp);
                let _ = std::fs::rename(&tmp, d.join(format!("x{}.yaml", n % FILES)));
                n += 1;
            }
        })
    };
    let names: Vec<String> = (0..FILES).map(|i| format!("x{i}.yaml")).collect();
    const RUNS: usize = 300;
    let mut hung = 0;
    for _ in 0..RUNS {
        let mut child = Command::new(BIN)
            .args(["--no-config", "--fail-on", "never"])
            .args(&names)
            .current_dir(&d)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if start.elapsed() > Duration::from_secs(10) {
                hung += 1;
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    stop.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
    assert_eq!(hung, 0, "{hung} of {RUNS} runs hung on a FIFO");
}

#[cfg(unix)] // `<&-` in a Unix shell
#[test]
fn a_closed_stdin_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .args(["-c", &format!("exec {BIN} --no-config - <&-")])
        .current_dir(dir.path())
        .env("LANG", "C")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("-:1:1: error: standard input is closed"), "{stderr}");
    // An empty stdin is still an empty profile.
    let out = Command::new("sh")
        .args(["-c", &format!("exec {BIN} --no-config --fail-on never - < /dev/null")])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(unix)] // symbolic links
#[test]
fn a_file_reached_by_several_paths_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("dup")).unwrap();
    std::fs::write(d.join("dup/a.yaml"), "name: A\n").unwrap();
    std::os::unix::fs::symlink("a.yaml", d.join("dup/b.yaml")).unwrap();
    let json_files = |args: &[&str]| {
        let mut all = vec!["--no-config", "--fail-on", "never", "-f", "json"];
        all.extend_from_slice(args);
        let out = run(d, &os(&all));
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        files_of(&serde_json::from_slice(&out.stdout).unwrap())
    };
    // Alone or with another path, the same answer: the first appearance.
    assert_eq!(json_files(&["dup"]), ["dup/a.yaml"]);
    assert_eq!(json_files(&["dup", "dup/a.yaml"]), ["dup/a.yaml"]);
    assert_eq!(json_files(&["dup/b.yaml"]), ["dup/b.yaml"]);
    assert_eq!(json_files(&["dup/b.yaml", "dup"]), ["dup/b.yaml"]);
    assert_eq!(
        json_files(&["dup/b.yaml", "dup/a.yaml", "./dup/a.yaml"]),
        ["dup/b.yaml"]
    );
}

#[cfg(unix)] // file names that are not UTF-8
#[test]
fn sarif_uris_keep_the_bytes_of_non_utf8_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = OsStr::from_bytes(b"caf\xe9 #1.yaml");
    std::fs::write(d.join(name), "name: Cafe\nphoto: {set: false}\n").unwrap();
    let out = run(
        d,
        &[OsStr::new("--no-config"), OsStr::new("-f"), OsStr::new("sarif"), name],
    );
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let sarif: Json = serde_json::from_slice(&out.stdout).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "caf%E9%20%231.yaml");
}

#[test]
fn sarif_help_markdown_keeps_a_packs_markdown_literal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("md.yaml"),
        r#"pack: md
rules:
  - id: md-rule
    severity: info
    title: T
    why: "Why.\n# Heading\n[click](https://evil.example) <img src=x> *bold* 1. list"
    fix: ["- item\n\n---\n![x](y) &amp; `code`"]
    check: {path: about.bio, min_chars: 3}
"#,
    )
    .unwrap();
    std::fs::write(d.join("p.yaml"), "name: P\n").unwrap();
    let out = run(d, &os(&["--no-config", "--rules", "md.yaml", "-f", "sarif", "p.yaml"]));
    let sarif: Json = serde_json::from_slice(&out.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = rules.iter().find(|r| r["id"] == "md-rule").unwrap();
    let md = rule["help"]["markdown"].as_str().unwrap();
    // Our own layout: the why, a blank line, the numbered steps.
    let (why, steps) = md.split_once("\n\n").unwrap();
    assert!(!why.contains('\n') && !steps.contains('\n'), "{md:?}");
    assert_eq!(
        why,
        r"Why. \# Heading \[click\](https\://evil.example) \<img src=x\> \*bold\* 1. list."
    );
    // `!` needs no escape: with `[` escaped it cannot start an image.
    assert_eq!(steps, r"1. \- item  --- !\[x\](y) \&amp; \`code\`");
}

#[test]
fn the_yaml_librarys_own_words_do_not_leak() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases = [
        (
            "self.yaml",
            "about: &x [*x]\n",
            "an alias refers to the anchor it is inside",
        ),
        (
            "nested.yaml",
            "about: &x\n  bio: *x\n",
            "an alias refers to the anchor it is inside",
        ),
        (
            "int.yaml",
            "followers: !!int many\n",
            "a value tagged `!!int` is not a whole number",
        ),
        (
            "float.yaml",
            "followers: !!float x\n",
            "a value tagged `!!float` is not a number",
        ),
        ("alias.yaml", "about: *nope\n", "refers to no anchor"),
    ];
    for (file, yaml, words) in cases {
        std::fs::write(d.join(file), yaml).unwrap();
        for (args, pack) in [
            (vec!["--no-config", file], false),
            (vec!["--no-config", "--rules", file, "rules"], true),
        ] {
            let out = run(d, &os(&args));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{file} (pack: {pack}): {stderr}");
            assert!(stderr.contains(words), "{file} (pack: {pack}): {stderr}");
            for leak in ["weak recursion", "u64", "floating point", "unknown anchor", "Internal"] {
                assert!(!stderr.contains(leak), "{file}: {stderr}");
            }
        }
    }
}
