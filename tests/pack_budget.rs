//! Packs written by someone else stay within bounds (issue 10): compiled
//! patterns, item checks and findings per profile, message and title sizes
//! are budgeted and a pack past the budget is refused with a located error;
//! real packs are far inside it; `fill_message` is linear; and the
//! interview caps its answer lines.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");

/// The binary under an address-space cap of `kib` where a Unix shell can
/// set one: a safety net, so a regression fails here instead of swapping.
fn capped(kib: u64) -> Command {
    if cfg!(unix) {
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(format!("ulimit -v {kib} 2>/dev/null; exec \"$@\""))
            .arg("sh")
            .arg(BIN);
        cmd
    } else {
        Command::new(BIN)
    }
}

fn run(dir: &Path, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = capped(2_097_152)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (out, start.elapsed())
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn rule(id: usize, check: &str) -> String {
    format!("  - id: r{id}\n    severity: info\n    title: T\n    check: {check}\n")
}

fn pack(name: &str, rules: impl Iterator<Item = String>) -> String {
    format!("pack: {name}\nrules:\n{}", rules.collect::<String>())
}

/// `error:` located in `file`, at a rule's id (line 3 + 4 per rule before it).
fn assert_refused(out: &Output, file: &str, words: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with(&format!("{file}:")) && l.contains(": error: "))
        .unwrap_or_else(|| panic!("no located error for {file}:\n{err}"));
    assert!(line.contains(words), "{line}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn many_large_patterns_are_refused_at_the_rule_that_goes_over() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let big = pack(
        "big",
        (0..1_500).map(|i| rule(i, r#"{path: about.bio, matches: '\w{20}'}"#)),
    );
    std::fs::write(d.join("big.yaml"), &big).unwrap();
    std::fs::write(d.join("p.yaml"), "name: P\nabout: {bio: hello}\n").unwrap();
    let (out, took) = run(d, &["--no-config", "--rules", "big.yaml", "p.yaml"]);
    assert_refused(&out, "big.yaml", "budget");
    // About 33 patterns are compiled before the budget stops the pack: a
    // second in a release build, much more in the debug build tests use.
    assert!(took < Duration::from_secs(120), "{took:?}");
    // Four packs each within the budget alone go over it together: the
    // first that does is refused, the others still load.
    // `\w{20}` compiles to about 1 MiB: 12 take 12 of the 32 MiB.
    let part = |n: &str, k: usize| {
        pack(
            n,
            (0..12).map(|i| rule(100 * k + i, r#"{path: about.bio, matches: '\w{20}'}"#)),
        )
    };
    for (k, n) in ["a", "b", "c"].into_iter().enumerate() {
        std::fs::write(d.join(format!("{n}.yaml")), part(n, k)).unwrap();
    }
    let (out, _) = run(
        d,
        &[
            "--no-config",
            "--fail-on",
            "never",
            "--rules",
            "a.yaml",
            "--rules",
            "b.yaml",
            "p.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "two fit: {}", stderr(&out));
    let (out, _) = run(
        d,
        &[
            "--no-config",
            "--rules",
            "a.yaml",
            "--rules",
            "b.yaml",
            "--rules",
            "c.yaml",
            "p.yaml",
        ],
    );
    assert_refused(&out, "c.yaml", "regular expressions may take 32 MiB");
}

#[test]
fn each_rules_over_a_huge_list_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let many = pack(
        "many",
        (0..1_100).map(|i| rule(i, "{each: extra.items, check: {path: name, present: true}}")),
    );
    std::fs::write(d.join("many.yaml"), many).unwrap();
    let items = vec!["1"; 19_000].join(",");
    std::fs::write(d.join("p.yaml"), format!("name: P\nextra:\n  items: [{items}]\n")).unwrap();
    let (out, took) = run(d, &["--no-config", "--rules", "many.yaml", "p.yaml"]);
    assert_refused(&out, "many.yaml", "budget");
    assert!(took < Duration::from_secs(20), "{took:?}");
    // A real pack's handful of `each` rules over the same list is fine.
    let few = pack(
        "few",
        (0..5).map(|i| rule(i, "{each: extra.items, check: {path: name, present: true}}")),
    );
    std::fs::write(d.join("few.yaml"), few).unwrap();
    let (out, took) = run(
        d,
        &[
            "--no-config",
            "--fail-on",
            "never",
            "--rules",
            "few.yaml",
            "-f",
            "json",
            "p.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["profiles"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.iter().filter(|f| f["rule"] == "r0").count(), 19_000);
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn messages_and_titles_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let placeholders = "{about.bio}".repeat(10_000);
    let loud = format!(
        "pack: loud\nrules:\n  - id: loud\n    severity: info\n    title: T\n    message: \"{placeholders}\"\n    check: {{path: about.bio, max_chars: 3}}\n"
    );
    std::fs::write(d.join("loud.yaml"), loud).unwrap();
    std::fs::write(
        d.join("p.yaml"),
        format!("name: P\nabout: {{bio: \"{}\"}}\n", "b".repeat(500_000)),
    )
    .unwrap();
    let (out, took) = run(d, &["--no-config", "--rules", "loud.yaml", "p.yaml"]);
    assert_refused(&out, "loud.yaml", "message is too large");
    assert!(stderr(&out).contains("loud.yaml:6:14: error:"), "{}", stderr(&out));
    assert!(took < Duration::from_secs(20), "{took:?}");
    // Within the limits, a long value is cut, so a finding stays small.
    let ok = "pack: ok\nrules:\n  - id: ok\n    severity: info\n    title: T\n    message: \"Bio: {about.bio}!\"\n    check: {path: about.bio, max_chars: 3}\n";
    std::fs::write(d.join("ok.yaml"), ok).unwrap();
    let (out, _) = run(d, &["--no-config", "--rules", "ok.yaml", "-f", "json", "p.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = json["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ok")
        .unwrap()
        .clone();
    assert_eq!(f["message"], format!("Bio: {}…!", "b".repeat(200)));
    let long_title = format!(
        "pack: t\nrules:\n  - id: t\n    severity: info\n    title: \"{}\"\n    check: {{path: about.bio, max_chars: 3}}\n",
        "T".repeat(5_000)
    );
    std::fs::write(d.join("title.yaml"), long_title).unwrap();
    let (out, _) = run(d, &["--no-config", "--rules", "title.yaml", "p.yaml"]);
    assert_refused(&out, "title.yaml", "a rule's title has at most 200");
}

#[test]
fn fill_message_is_linear() {
    // Many `{` with one `}` far away made each `{` scan to the end.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let template = format!("{}}}", "{a ".repeat(300));
    let p = format!(
        "pack: q\nrules:\n  - id: q\n    severity: info\n    title: T\n    message: \"{template}\"\n    check: {{path: about.bio, max_chars: 3}}\n"
    );
    std::fs::write(d.join("q.yaml"), p).unwrap();
    std::fs::write(d.join("p.yaml"), "name: P\nabout: {bio: long bio}\n").unwrap();
    let (out, _) = run(d, &["--no-config", "--rules", "q.yaml", "-f", "json", "p.yaml"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["profiles"][0]["findings"].as_array().unwrap();
    let q = findings.iter().find(|f| f["rule"] == "q").unwrap();
    let msg = q["message"].as_str().unwrap().to_owned();
    assert_eq!(msg, template, "a `{{` that opens no placeholder is text");
}

#[test]
fn interview_answers_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = capped(1_048_576)
        .args(["init", "--interactive", "--lang", "en"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // `< /dev/zero`: an endless line. The writer stops when the reader does.
    let feeder = std::thread::spawn(move || {
        let zeros = vec![0u8; 1 << 16];
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if stdin.write_all(&zeros).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("answer is too long"), "{err}");
    assert!(!err.contains("memory allocation"), "{err}");
}
