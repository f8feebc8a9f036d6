//! The small defects users hit (issue 22, issue 27), each pinned by a run
//! of the binary: the text report fits `COLUMNS`, a closed standard output
//! loses no other report nor the exit code, `--output-dir` files are made
//! like `-o`'s (the umask, an existing file's mode, a long name, no debris),
//! a config's `rules:` entry cannot reach outside its tree through a link,
//! and a CRLF profile reads as its LF twin (docs/cli.md).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");
const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(MANIFEST).join("tests/fixtures/profiles").join(name)).unwrap()
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("FORCE_COLOR")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("LANG", "C");
    c
}

#[test]
fn every_line_of_the_text_report_fits_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["warnings-only.yaml", "complete.yaml", "french.yaml"] {
        std::fs::write(dir.path().join("p.yaml"), fixture(name)).unwrap();
        for lang in ["en", "fr"] {
            let out = cmd(dir.path(), &["--no-config", "--lang", lang, "p.yaml"])
                .env("COLUMNS", "80")
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines() {
                // A single word longer than the width (a settings URL) stays whole.
                let breakable = line.trim().contains(' ');
                assert!(
                    line.chars().count() <= 80 || !breakable,
                    "{name} {lang}: {} columns:\n{line}",
                    line.chars().count()
                );
            }
        }
    }
}

#[test]
fn the_privacy_heading_wraps_under_its_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), fixture("warnings-only.yaml")).unwrap();
    let out = cmd(dir.path(), &["--no-config", "p.yaml"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let at = text.find("Privacy · The golden rule:").expect("the privacy heading");
    let lines: Vec<&str> = text[at..].lines().take(2).collect();
    assert!(lines[0].chars().count() <= 80, "{lines:?}");
    assert!(lines[1].starts_with("          against you."), "{lines:?}");
}

#[test]
fn a_closed_stdout_keeps_the_other_reports_and_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("team");
    std::fs::create_dir(&profiles).unwrap();
    // French has an error: the exit code must still say 1. Enough files
    // that the JSON is far larger than a pipe's buffer.
    for i in 0..200 {
        std::fs::write(profiles.join(format!("p{i}.yaml")), fixture("french.yaml")).unwrap();
    }
    let mut child = cmd(
        dir.path(),
        &["--no-config", "--format", "json", "--report", "sarif=s.sarif", "team"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    out.read_exact(&mut first).unwrap();
    // `| head -c 100`
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("s.sarif")).unwrap()).unwrap();
    let artifacts = sarif["runs"][0]["artifacts"].as_array().map_or(0, Vec::len);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(artifacts == 200 || results.len() >= 200, "{artifacts} artifacts");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Run with umask 022, as a login shell does.
#[cfg(unix)]
fn with_umask(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut c = cmd(dir, &["-c", "umask 022; exec \"$0\" \"$@\"", BIN]);
    c.args(args);
    let mut sh = Command::new("sh");
    sh.current_dir(dir)
        .args(c.get_args())
        .env("NO_COLOR", "1")
        .env("LANG", "C");
    sh.output().unwrap()
}

#[cfg(unix)]
#[test]
fn output_dir_files_honour_the_umask_and_keep_a_replaced_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ada.yaml"), fixture("complete.yaml")).unwrap();
    std::fs::write(dir.path().join("bob.yaml"), fixture("complete.yaml")).unwrap();
    let args = [
        "--no-config",
        "--format",
        "json",
        "--output-dir",
        "out",
        "ada.yaml",
        "bob.yaml",
    ];
    let out = with_umask(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(mode(&dir.path().join("out/ada.json")), 0o644);
    // As `-o` does: a file made private stays private when replaced.
    std::fs::set_permissions(dir.path().join("out/bob.json"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = with_umask(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(mode(&dir.path().join("out/bob.json")), 0o600);
    assert_eq!(mode(&dir.path().join("out/ada.json")), 0o644);
    let debris: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".tmp"))
        .collect();
    assert!(debris.is_empty(), "{debris:?}");
}

#[test]
fn a_255_byte_profile_name_does_not_stop_the_output_dir_run() {
    let dir = tempfile::tempdir().unwrap();
    // The longest legal name: its stem and `.html` would make 256 bytes.
    let long = format!("{}.yml", "a".repeat(251));
    assert_eq!(long.len(), 255);
    std::fs::write(dir.path().join(&long), fixture("complete.yaml")).unwrap();
    std::fs::write(dir.path().join("bob.yaml"), fixture("complete.yaml")).unwrap();
    for format in ["html", "json"] {
        let out = cmd(
            dir.path(),
            &[
                "--no-config",
                "--format",
                format,
                "--output-dir",
                "out",
                &long,
                "bob.yaml",
            ],
        )
        .output()
        .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {err}");
        let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("aaaa") && n.ends_with(format)),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n == &format!("bob.{format}")), "{names:?}");
    }
}

#[test]
fn a_crlf_profile_reads_as_its_lf_twin() {
    let dir = tempfile::tempdir().unwrap();
    let lf = fixture("warnings-only.yaml").replace("\r\n", "\n");
    std::fs::write(dir.path().join("p.yaml"), &lf).unwrap();
    let a = cmd(dir.path(), &["--no-config", "--format", "json", "p.yaml"])
        .output()
        .unwrap();
    std::fs::write(dir.path().join("p.yaml"), lf.replace('\n', "\r\n")).unwrap();
    let b = cmd(dir.path(), &["--no-config", "--format", "json", "p.yaml"])
        .output()
        .unwrap();
    assert_eq!(a.status.code(), b.status.code());
    assert_eq!(String::from_utf8_lossy(&a.stdout), String::from_utf8_lossy(&b.stdout));
}

#[cfg(unix)]
#[test]
fn a_config_rules_link_out_of_its_tree_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&team).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let pack = std::fs::read_to_string(Path::new(MANIFEST).join("examples/packs/service-client.yaml")).unwrap();
    std::fs::write(outside.join("secret.yaml"), &pack).unwrap();
    std::os::unix::fs::symlink("../outside/secret.yaml", team.join("linkpack.yaml")).unwrap();
    std::fs::write(team.join(".profilecheck.yaml"), "rules: [linkpack.yaml]\n").unwrap();
    std::fs::create_dir(team.join("profiles")).unwrap();
    std::fs::write(team.join("profiles/p.yaml"), fixture("complete.yaml")).unwrap();
    let out = cmd(&team, &["--format", "json", "profiles"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(".profilecheck.yaml:1:9: error: `linkpack.yaml` leaves the config's folder"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !json.to_string().contains("sc-current-employer"),
        "the pack outside was not loaded"
    );
    // The same pack inside the tree, through a link that stays inside, loads.
    std::fs::write(team.join("real.yaml"), &pack).unwrap();
    std::fs::remove_file(team.join("linkpack.yaml")).unwrap();
    std::os::unix::fs::symlink("real.yaml", team.join("linkpack.yaml")).unwrap();
    let out = cmd(&team, &["--format", "json", "profiles"]).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("sc-current-employer"));
}
