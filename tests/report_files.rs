//! Report files are never clobbered, lost or left half-written (issue 10):
//! random temporary names created with O_EXCL beside the target, the old
//! file's mode and owner kept, one file however it is spelt, never the
//! config or a pack of the run, a closed stdout that hides nothing, no
//! debris after SIGINT or SIGTERM, errors that name the file, and `-`
//! for standard output.

use serde_json::Value as Json;
use std::io::{Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with one profile that has error findings.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), "name: P\nphoto: {set: false}\n").unwrap();
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Start a run that lints stdin and waits for it: its report files are
/// open, their temporary files in place. Returns once one shows up; the
/// caller waits for the child.
#[allow(clippy::zombie_processes)]
fn paused_run(dir: &Path, args: &[&str]) -> (Child, std::process::ChildStdin, String) {
    let mut child = cmd(dir, args).stdin(Stdio::piped()).spawn().unwrap();
    let stdin = child.stdin.take().unwrap();
    let start = Instant::now();
    loop {
        if let Some(tmp) = names(dir).into_iter().find(|n| n.ends_with(".tmp")) {
            return (child, stdin, tmp);
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no temporary file appeared");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn temporary_file_has_a_random_name_and_no_debris_is_left() {
    let dir = workdir();
    let (child, mut stdin, tmp) = paused_run(dir.path(), &["--no-config", "-o", "r.json", "-f", "json", "-"]);
    let pid = child.id().to_string();
    assert!(tmp.starts_with(".r.json.") && !tmp.contains(&pid), "{tmp}");
    stdin.write_all(b"name: S\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(names(dir.path()), ["p.yaml", "r.json"]);
}

#[cfg(unix)] // `kill -TERM`
#[test]
fn a_signal_mid_run_removes_the_temporary_files() {
    for signal in ["INT", "TERM"] {
        let dir = workdir();
        std::fs::write(dir.path().join("old.sarif"), "old").unwrap();
        let (mut child, stdin, _) = paused_run(
            dir.path(),
            &["--no-config", "-o", "r.json", "--report", "sarif=old.sarif", "-"],
        );
        // Both temporary files are there before the signal.
        let start = Instant::now();
        while names(dir.path()).iter().filter(|n| n.ends_with(".tmp")).count() < 2 {
            assert!(start.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(10));
        }
        let kill = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let status = child.wait().unwrap();
        drop(stdin);
        assert!(!status.success(), "{signal}: {status:?}");
        assert_eq!(names(dir.path()), ["old.sarif", "p.yaml"], "{signal}");
        assert_eq!(std::fs::read_to_string(dir.path().join("old.sarif")).unwrap(), "old");
    }
}

#[cfg(unix)] // Unix modes and owners
#[test]
fn replacing_a_report_keeps_its_mode_and_owner() {
    let dir = workdir();
    let d = dir.path();
    let r = d.join("r.json");
    std::fs::write(&r, "old").unwrap();
    std::fs::set_permissions(&r, std::fs::Permissions::from_mode(0o600)).unwrap();
    let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    if root {
        std::os::unix::fs::chown(&r, Some(4242), Some(4343)).unwrap();
    }
    let out = run(d, &["--no-config", "-f", "json", "-o", "r.json", "p.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let m = std::fs::metadata(&r).unwrap();
    assert_eq!(m.mode() & 0o777, 0o600);
    if root {
        assert_eq!((m.uid(), m.gid()), (4242, 4343));
    }
    assert!(std::fs::read_to_string(&r).unwrap().starts_with('{'));
    // A new report is readable by others, as any file the user creates.
    let out = Command::new("sh")
        .args(["-c", &format!("umask 022; exec {BIN} --no-config -o new.json p.yaml")])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(d.join("new.json")).unwrap().mode() & 0o777, 0o644);
}

#[cfg(unix)] // a symbolic link
#[test]
fn one_file_under_two_spellings_is_refused() {
    let dir = workdir();
    let d = dir.path();
    std::os::unix::fs::symlink("r.json", d.join("link.json")).unwrap();
    let abs = d.join("r.json").display().to_string();
    for exists in [false, true] {
        if exists {
            std::fs::write(d.join("r.json"), "keep").unwrap();
        }
        for other in [
            "sarif=./r.json",
            &format!("sarif={abs}"),
            "sarif=link.json",
            "sarif=sub/../r.json",
        ] {
            std::fs::create_dir_all(d.join("sub")).unwrap();
            let out = run(d, &["--no-config", "-o", "r.json", "--report", other, "p.yaml"]);
            assert_eq!(out.status.code(), Some(2), "{other}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("two reports would be written to r.json"),
                "{other}: {}",
                stderr(&out)
            );
        }
        if exists {
            assert_eq!(std::fs::read_to_string(d.join("r.json")).unwrap(), "keep");
        }
    }
}

#[test]
fn a_report_never_replaces_the_config_or_a_pack() {
    let dir = workdir();
    let d = dir.path();
    let pack = "pack: house\nrules:\n  - id: house-bio\n    severity: info\n    title: T\n    check: {path: about.bio, min_chars: 3}\n";
    std::fs::create_dir(d.join("house")).unwrap();
    std::fs::write(d.join("house/h.yaml"), pack).unwrap();
    std::fs::write(d.join(".profilecheck.yaml"), "rules: [house]\n").unwrap();
    let out = run(d, &["-o", ".profilecheck.yaml", "p.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(".profilecheck.yaml is the configuration in use"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(d.join(".profilecheck.yaml")).unwrap(),
        "rules: [house]\n"
    );
    for target in ["house/h.yaml", "./house/h.yaml"] {
        let out = run(d, &["--report", &format!("json={target}"), "p.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("is a rule pack in use"), "{}", stderr(&out));
    }
    std::fs::write(d.join("extra.yaml"), pack.replace("house", "extra")).unwrap();
    let out = run(
        d,
        &["--no-config", "--rules", "extra.yaml", "-o", "extra.yaml", "p.yaml"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(d.join("house/h.yaml")).unwrap(), pack);
    assert!(
        std::fs::read_to_string(d.join("extra.yaml"))
            .unwrap()
            .starts_with("pack: extra")
    );
}

#[test]
fn a_closed_stdout_keeps_the_exit_code_and_the_other_reports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..300 {
        std::fs::write(
            d.join(format!("p{i:03}.yaml")),
            format!("name: P{i}\nphoto: {{set: false}}\n"),
        )
        .unwrap();
    }
    let mut child = cmd(d, &["--no-config", "--report", "sarif=r.sarif", "."])
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    let sarif: Json = serde_json::from_str(&std::fs::read_to_string(d.join("r.sarif")).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 300, "{}", results.len());
}

#[test]
fn write_errors_name_the_file() {
    let dir = workdir();
    let d = dir.path();
    if Path::new("/dev/full").exists() {
        for args in [&["-o", "/dev/full"][..], &["--report", "json=/dev/full"]] {
            let mut all = vec!["--no-config"];
            all.extend_from_slice(args);
            all.push("p.yaml");
            let out = run(d, &all);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(
                stderr(&out).contains("cannot write the report: /dev/full: No space left"),
                "{}",
                stderr(&out)
            );
        }
    }
    let out = run(d, &["--no-config", "-o", "newd/", "p.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("newd/: ends with `/`, so it names a folder"),
        "{}",
        stderr(&out)
    );
    std::fs::create_dir(d.join("adir")).unwrap();
    let out = run(d, &["--no-config", "--report", "json=adir", "p.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("adir: is a folder"), "{}", stderr(&out));
    // A read-only folder, in Unix modes.
    #[cfg(unix)]
    {
        std::fs::create_dir(d.join("ro")).unwrap();
        std::fs::set_permissions(d.join("ro"), std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = run(d, &["--no-config", "-o", "ro/r.json", "p.yaml"]);
        // Root writes anywhere; others are told which file failed.
        if out.status.code() == Some(2) {
            assert!(stderr(&out).contains("ro/r.json: "), "{}", stderr(&out));
        }
    }
}

#[test]
fn an_unusable_tmpdir_loses_no_junit_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let profile =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jeanne-martin.yaml")).unwrap();
    for i in 0..1_500 {
        std::fs::write(d.join(format!("p{i:04}.yaml")), &profile).unwrap();
    }
    let out = cmd(
        d,
        &["--no-config", "--fail-on", "never", "-f", "junit", "-o", "r.xml", "."],
    )
    .env("TMPDIR", d.join("missing"))
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let xml = std::fs::read_to_string(d.join("r.xml")).unwrap();
    assert!(xml.len() > 5 << 20, "{} bytes: not past the spill size", xml.len());
    assert_eq!(xml.matches("<testsuite ").count(), 1_500);
    assert!(xml.trim_end().ends_with("</testsuites>"));
}

#[test]
fn dash_is_standard_output_for_o_and_report() {
    let dir = workdir();
    let d = dir.path();
    let out = run(d, &["--no-config", "-f", "json", "-o", "-", "p.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["profiles"][0]["file"], "p.yaml");
    assert!(!d.join("-").exists());
    let out = run(d, &["--no-config", "-o", "r.txt", "--report", "json=-", "p.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["profiles"][0]["file"], "p.yaml");
    assert!(std::fs::read_to_string(d.join("r.txt")).unwrap().contains("P — p.yaml"));
    // Two reports cannot share standard output.
    let out = run(d, &["--no-config", "--report", "json=-", "p.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("two reports would be written to standard output"),
        "{}",
        stderr(&out)
    );
    let out = run(d, &["init", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("name:"));
    assert!(!d.join("-").exists());
}
