//! Files nobody should lint, linted anyway: alias bombs, deep nesting, huge,
//! binary and mis-encoded files, devices, pipes, loops, missing paths, closed
//! and full output streams. Each is given as a profile, as a rule pack
//! (`--rules`) and as a config file (`--config`), and must end with a located
//! `FILE:LINE:COL: error: ...`, exit 2, in well under a second and 100 MiB.
//!
//! How time and memory are measured: each run is wrapped as
//! `bash -c 'ulimit -v 1 GiB; exec /usr/bin/time -f %M -o FILE profilecheck ...'`.
//! `time` reports the peak resident set (VmHWM, KiB) of the binary itself,
//! which we hold under 100 MiB; the virtual-memory cap is only a safety net so
//! that a regression fails the test with an allocation error instead of
//! swapping the machine (Rust binaries reserve address space for thread
//! stacks and malloc arenas, so the cap stays far above the 100 MiB asserted).
//! Without `/usr/bin/time` the cap alone still bounds memory.
//!
//! Time: the one-second bound is on the CPU time `time` reports (user +
//! system), which other work on a shared 2-core machine barely moves; wall
//! time, measured around the whole process with `Instant`, only has to stay
//! under [`MAX_WALL`], which still catches a hang. Without `/usr/bin/time`
//! the one-second bound applies to wall time.

use serde_json::Value as Json;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_profilecheck");
const MAX_TIME: Duration = Duration::from_secs(1);
/// Wall time allowed when CPU time is measured: a hang, not a busy machine.
const MAX_WALL: Duration = Duration::from_secs(15);
const MAX_RSS_KIB: u64 = 100 * 1024;
const TIME: &str = "/usr/bin/time";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// CPU time (user + system) where `time` measured it, else wall time.
    took: Duration,
    wall: Duration,
    rss_kib: Option<u64>,
}

/// Run the binary in `dir` (so messages name files relatively) under the
/// memory cap, feeding `stdin` if given. A run over the time bound is tried
/// once more, so a moment of load from other tests on a 2-core machine does
/// not fail the suite, while a real hang still does.
fn run_in(dir: &Path, args: &[&OsStr], stdin: Option<Vec<u8>>) -> Run {
    let first = run_once(dir, args, stdin.clone());
    if first.took < MAX_TIME {
        return first;
    }
    let second = run_once(dir, args, stdin);
    if second.took < first.took { second } else { first }
}

fn run_once(dir: &Path, args: &[&OsStr], stdin: Option<Vec<u8>>) -> Run {
    let rss_file = tempfile::NamedTempFile::new().unwrap();
    // The cap and GNU time need a Unix shell (and GNU time is Linux's: BSD
    // time has no -f); elsewhere the run is bounded by the wall clock alone.
    let mut cmd = if cfg!(unix) {
        let script = if cfg!(target_os = "linux") && Path::new(TIME).exists() {
            format!("ulimit -v 1048576; exec {TIME} -q -f '%M %U %S' -o \"$0\" \"$@\"")
        } else {
            "ulimit -v 1048576 2>/dev/null; exec \"$@\"".to_owned()
        };
        let mut cmd = Command::new("bash");
        cmd.arg("-c").arg(script).arg(rss_file.path()).arg(BIN);
        cmd
    } else {
        Command::new(BIN)
    };
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let feeder = stdin.map(|data| {
        let mut pipe = child.stdin.take().unwrap();
        // The linter stops reading at its size limit; the write error that
        // follows is expected, not a failure.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let out = child.wait_with_output().unwrap();
    let took = start.elapsed();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    // `time` writes "RSS USER SYS" on its last line.
    let measured = std::fs::read_to_string(rss_file.path()).ok().and_then(|s| {
        let line = s.lines().last()?.to_owned();
        let mut it = line.split_whitespace();
        let rss: u64 = it.next()?.parse().ok()?;
        let user: f64 = it.next()?.parse().ok()?;
        let sys: f64 = it.next()?.parse().ok()?;
        Some((rss, Duration::from_secs_f64(user + sys)))
    });
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: measured.map_or(took, |(_, cpu)| cpu),
        wall: took,
        rss_kib: measured.map(|(rss, _)| rss),
    }
}

fn args<'a>(xs: &'a [&'a str]) -> Vec<&'a OsStr> {
    xs.iter().map(OsStr::new).collect()
}

/// The bounds every run keeps, whatever it was given.
fn assert_bounded(what: &str, r: &Run) {
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("memory allocation"),
        "{what}: crashed\n{}",
        r.stderr
    );
    assert!(matches!(r.code, Some(0..=2)), "{what}: exit {:?}\n{}", r.code, r.stderr);
    assert!(r.took < MAX_TIME, "{what}: took {:?}", r.took);
    assert!(r.wall < MAX_WALL, "{what}: took {:?} of wall time", r.wall);
    // The measure must not silently go missing where `time` exists.
    assert_eq!(
        r.rss_kib.is_some(),
        Path::new(TIME).exists(),
        "{what}: no memory measure"
    );
    if let Some(kib) = r.rss_kib {
        assert!(kib < MAX_RSS_KIB, "{what}: peak memory {kib} KiB");
    }
}

/// Exit 2 and the located error for `file` on stderr, containing `words`.
fn assert_refused(what: &str, r: &Run, file: &str, words: &str) {
    assert_bounded(what, r);
    assert_eq!(r.code, Some(2), "{what}: {}", r.stderr);
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with(&format!("{file}:")) && l.contains(": error: "))
        .unwrap_or_else(|| panic!("{what}: no `{file}:LINE:COL: error:` line in\n{}", r.stderr));
    let rest = &line[file.len() + 1..];
    let mut parts = rest.splitn(3, ':');
    for part in ["line", "column"] {
        let n: u32 = parts
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{what}: no {part} in `{line}`"));
        assert!(n >= 1, "{what}: {part} 0 in `{line}`");
    }
    assert!(line.contains(words), "{what}: `{line}` does not say `{words}`");
}

/// A folder with a harmless profile to lint while a pack or config is bad.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ok.yaml"),
        "name: Ok\nphoto: {set: true, kind: professional}\n",
    )
    .unwrap();
    dir
}

/// `name` given as a profile, a pack and a config: refused the same way each time.
/// Returns the three stderr texts, for the snapshot.
fn refused_everywhere(dir: &Path, name: &str, words: &str) -> String {
    let as_profile = run_in(dir, &args(&["--no-config", name]), None);
    assert_refused(&format!("{name} as a profile"), &as_profile, name, words);
    // The valid profile beside it is still linted and reported.
    let with_ok = run_in(dir, &args(&["--no-config", "--format", "json", name, "ok.yaml"]), None);
    assert_refused(&format!("{name} beside a valid profile"), &with_ok, name, words);
    let json: Json = serde_json::from_str(&with_ok.stdout).unwrap();
    assert_eq!(json["summary"]["profiles"], 2, "{name}");
    assert_eq!(json["profiles"][1]["file"], "ok.yaml");
    assert!(json["profiles"][1]["score"].is_u64(), "{name}");

    let as_pack = run_in(dir, &args(&["--no-config", "--rules", name, "ok.yaml"]), None);
    assert_refused(&format!("{name} as a pack"), &as_pack, name, words);
    let as_config = run_in(dir, &args(&["--config", name, "ok.yaml"]), None);
    assert_refused(&format!("{name} as a config"), &as_config, name, words);
    format!(
        "# as a profile\n{}# as a pack\n{}# as a config\n{}",
        as_profile.stderr, as_pack.stderr, as_config.stderr
    )
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn alias_bomb() {
    let dir = workdir();
    // Billion laughs: nine levels of nine aliases each.
    let mut y = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 0..8u8 {
        let (this, prev) = ((b'b' + i) as char, (b'a' + i) as char);
        let refs = vec![format!("*{prev}"); 9].join(",");
        y.push_str(&format!("{this}: &{this} [{refs}]\n"));
    }
    write(dir.path(), "bomb.yaml", &y);
    insta::assert_snapshot!(refused_everywhere(dir.path(), "bomb.yaml", "too complex"));
}

#[test]
fn many_aliases_of_one_scalar() {
    let dir = workdir();
    let y = format!("a: &x 1\nb: [{}]\n", vec!["*x"; 50_000].join(","));
    write(dir.path(), "aliases.yaml", y);
    refused_everywhere(dir.path(), "aliases.yaml", "too complex");
}

#[test]
fn deep_flow_nesting() {
    let dir = workdir();
    write(
        dir.path(),
        "seq.yaml",
        format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        dir.path(),
        "map.yaml",
        format!("{}{}\n", "{a: ".repeat(100_000), "}".repeat(100_000)),
    );
    let seq = refused_everywhere(dir.path(), "seq.yaml", "nesting too deep");
    let map = refused_everywhere(dir.path(), "map.yaml", "nesting too deep");
    insta::assert_snapshot!(format!("{seq}{map}"));
}

#[test]
fn deep_block_nesting() {
    let dir = workdir();
    // 100,000 nested block sequences fit on one line (`- - - ... x`); nested
    // block mappings need growing indentation, so 100,000 levels would be a
    // 5 GB file (refused by size, see `huge_file`): 1,400 levels fit in 1 MiB.
    write(dir.path(), "dashes.yaml", format!("{}x\n", "- ".repeat(100_000)));
    let indented: String = (0..1_400).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    assert!(indented.len() < 1024 * 1024);
    write(dir.path(), "indented.yaml", indented);
    let dashes = refused_everywhere(dir.path(), "dashes.yaml", "nesting too deep");
    let indented = refused_everywhere(dir.path(), "indented.yaml", "nesting too deep");
    insta::assert_snapshot!(format!("{dashes}{indented}"));
}

#[test]
fn huge_file() {
    let dir = workdir();
    // 50 MB, sparse: refused by its size before a byte is read.
    let f = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    f.set_len(50 * 1000 * 1000).unwrap();
    drop(f);
    insta::assert_snapshot!(refused_everywhere(dir.path(), "huge.yaml", "file too large"));
    // Just over the limit, with real content.
    write(
        dir.path(),
        "over.yaml",
        format!("name: \"{}\"\n", "x".repeat(1024 * 1024)),
    );
    refused_everywhere(dir.path(), "over.yaml", "file too large");
}

#[test]
fn huge_stdin_is_read_only_up_to_the_limit() {
    let dir = workdir();
    let data = b"# padding\n".repeat(5 * 1000 * 1000);
    let r = run_in(dir.path(), &args(&["--no-config", "-"]), Some(data));
    assert_refused("50 MB on stdin", &r, "-", "file too large");
}

#[test]
fn binary_data() {
    let dir = workdir();
    // Deterministic noise (xorshift), with the bytes UTF-8 forbids.
    let mut x: u32 = 0x9E37_79B9;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    write(dir.path(), "noise.bin", &noise);
    let noise_msgs = refused_everywhere(dir.path(), "noise.bin", "not valid UTF-8");
    // Valid UTF-8 but control characters (NUL, ESC) that YAML does not allow.
    write(dir.path(), "nul.yaml", b"name: Ok\nabout:\n  bio: a\x00b\x1b\n");
    let nul = refused_everywhere(dir.path(), "nul.yaml", "invalid YAML");
    insta::assert_snapshot!(format!("{noise_msgs}{nul}"));
}

#[test]
fn not_utf8() {
    let dir = workdir();
    // Latin-1 `é` at line 2, column 12.
    write(dir.path(), "latin1.yaml", b"name: Ok\nabout: {bio: caf\xe9}\n");
    let msgs = refused_everywhere(dir.path(), "latin1.yaml", "not valid UTF-8");
    assert!(msgs.contains("latin1.yaml:2:17: error:"), "{msgs}");
    // UTF-16 with its BOM is not UTF-8 either.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("name: Ok\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(dir.path(), "utf16.yaml", utf16);
    let utf16 = refused_everywhere(dir.path(), "utf16.yaml", "not valid UTF-8");
    insta::assert_snapshot!(format!("{msgs}{utf16}"));
}

fn json_report(dir: &Path, file: &str) -> (Run, Json) {
    let r = run_in(dir, &args(&["--no-config", "--format", "json", file]), None);
    assert_bounded(file, &r);
    let json: Json = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{file}: {e}\n{}", r.stdout));
    let p = json["profiles"][0].clone();
    (r, p)
}

fn finding<'a>(p: &'a Json, rule: &str) -> &'a Json {
    p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {p}"))
}

#[test]
fn utf8_bom_is_accepted() {
    let dir = workdir();
    write(dir.path(), "bom.yaml", b"\xEF\xBB\xBFname: Bom\nphoto:\n  set: false\n");
    let (r, p) = json_report(dir.path(), "bom.yaml");
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(p["name"], "Bom");
    // The BOM takes no column: `false` is at 3:8.
    let f = finding(&p, "photo-set");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(3), Some(8)));
    // Errors after a BOM are located the same way.
    write(dir.path(), "bom-bad.yaml", b"\xEF\xBB\xBFphoto: {set: yes}\n");
    let r = run_in(dir.path(), &args(&["--no-config", "bom-bad.yaml"]), None);
    assert_refused("BOM, then an error", &r, "bom-bad.yaml", "bom-bad.yaml:1:14: error:");
    // A pack and a config may start with a BOM too.
    write(dir.path(), "cfg.yaml", b"\xEF\xBB\xBFlang: fr\n");
    let r = run_in(dir.path(), &args(&["--config", "cfg.yaml", "ok.yaml"]), None);
    assert_bounded("BOM config", &r);
    assert_ne!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stdout.contains("Étape") || r.stdout.contains("étape"), "{}", r.stdout);
}

#[test]
fn crlf_is_accepted_with_right_columns() {
    let dir = workdir();
    write(
        dir.path(),
        "crlf.yaml",
        "name: Crlf\r\nphoto:\r\n  set: false\r\nkeywords:\r\n  - \"#a\"\r\n  - \"b c\"\r\n",
    );
    let (r, p) = json_report(dir.path(), "crlf.yaml");
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(p["name"], "Crlf");
    let f = finding(&p, "photo-set");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(3), Some(8)));
    let f = finding(&p, "keyword-format");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(6), Some(5)));
    // Errors too: `pro` starts at column 9 of line 3.
    write(dir.path(), "crlf-bad.yaml", "photo:\r\n  set: true\r\n  kind: pro\r\n");
    let r = run_in(dir.path(), &args(&["--no-config", "crlf-bad.yaml"]), None);
    assert_refused(
        "CRLF, then an error",
        &r,
        "crlf-bad.yaml",
        "crlf-bad.yaml:3:9: error: unknown value `pro`",
    );
    // Old Mac line ends (CR alone) are line breaks in YAML as well.
    write(dir.path(), "cr.yaml", "photo:\r  set: false\r");
    let (_, p) = json_report(dir.path(), "cr.yaml");
    let f = finding(&p, "photo-set");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(2), Some(8)));
}

#[test]
fn crlf_and_bom_in_packs_and_config() {
    let dir = workdir();
    // The example pack, saved by a Windows editor: BOM and CRLF.
    let pack =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/service-client.yaml"))
            .unwrap();
    write(
        dir.path(),
        "win.yaml",
        format!("\u{feff}{}", pack.replace('\n', "\r\n")),
    );
    let r = run_in(
        dir.path(),
        &args(&["--no-config", "--rules", "win.yaml", "ok.yaml"]),
        None,
    );
    assert_bounded("BOM+CRLF pack", &r);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.contains("sc-current-employer"), "{}", r.stdout);
    // A mistake in such a pack is located as in any other: `min_chars` on a
    // boolean, its key at line 6, column 30.
    write(
        dir.path(),
        "bad.yaml",
        "\u{feff}pack: t\r\nrules:\r\n  - id: r1\r\n    severity: info\r\n    title: T\r\n    check: {path: photo.set, min_chars: 3}\r\n",
    );
    let r = run_in(
        dir.path(),
        &args(&["--no-config", "--rules", "bad.yaml", "ok.yaml"]),
        None,
    );
    assert_refused("BOM+CRLF bad pack", &r, "bad.yaml", "bad.yaml:6:30: error: `min_chars`");
    // A config with CRLF and an unknown value, located at line 2, column 10.
    write(dir.path(), "cfg.yaml", "lang: en\r\nfail_on: sometimes\r\n");
    let r = run_in(dir.path(), &args(&["--config", "cfg.yaml", "ok.yaml"]), None);
    assert_refused("CRLF config", &r, "cfg.yaml", "cfg.yaml:2:10: error:");
}

/// docs/rules.md applied by hand to a profile with nothing in it: the rules whose
/// `when` cannot hold are not applicable, the `each` rules and
/// `personal-info-private` hold on missing values, every other rule fails.
/// Passed weight 3+2+2+2 = 9 of 43 applicable: 20.93, so 21.
fn assert_empty_profile(p: &Json) {
    assert_eq!(p["score"], 21, "{p}");
    let ids = |k: &str| -> Vec<String> {
        let mut v: Vec<String> = p[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().into())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        ids("passed"),
        ["keyword-format", "link-domains", "link-urls", "personal-info-private"]
    );
    assert_eq!(
        ids("not_applicable"),
        [
            "alternate-name-shown",
            "alternate-name-standards",
            "bio-length",
            "photo-professional",
            "public-posts",
            "website-url"
        ]
    );
    assert_eq!(p["findings"].as_array().unwrap().len(), 19);
    // With nothing to point at, every finding is at 1:1.
    assert!(
        p["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["line"] == 1 && f["column"] == 1)
    );
}

#[test]
fn empty_file_is_an_empty_profile() {
    let dir = workdir();
    for (name, text) in [
        ("empty.yaml", ""),
        ("blank.yaml", "\n\n   \n"),
        ("comments.yaml", "# only\n# comments\n"),
        ("dashes.yaml", "---\n...\n"),
        ("null.yaml", "~\n"),
    ] {
        write(dir.path(), name, text);
        let (r, p) = json_report(dir.path(), name);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{name}: {}", r.stderr);
        assert_eq!(p["name"], name.trim_end_matches(".yaml"));
        assert_empty_profile(&p);
    }
}

#[test]
fn empty_pack_and_config() {
    let dir = workdir();
    write(dir.path(), "empty.yaml", "");
    // An empty pack has no name and no rules: an error, located at 1:1.
    let r = run_in(
        dir.path(),
        &args(&["--no-config", "--rules", "empty.yaml", "ok.yaml"]),
        None,
    );
    assert_refused("empty pack", &r, "empty.yaml", "empty.yaml:1:1: error:");
    // An empty config sets nothing: the defaults apply.
    let r = run_in(dir.path(), &args(&["--config", "empty.yaml", "ok.yaml"]), None);
    assert_bounded("empty config", &r);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo failed");
}

#[cfg(unix)]
#[test]
fn fifo_and_devices() {
    let dir = workdir();
    // Nobody writes to this pipe: opening it would block for ever.
    mkfifo(&dir.path().join("pipe.yaml"));
    let mut msgs = refused_everywhere(dir.path(), "pipe.yaml", "not a regular file");
    for dev in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        msgs += &refused_everywhere(dir.path(), dev, "not a regular file");
    }
    insta::assert_snapshot!(msgs);
}

#[cfg(unix)]
#[test]
fn fifo_inside_a_folder_is_reported_not_skipped() {
    let dir = workdir();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    mkfifo(&dir.path().join("d/pipe.yaml"));
    write(&dir.path().join("d"), "real.yaml", "name: Real\n");
    let r = run_in(dir.path(), &args(&["--no-config", "--format", "json", "d"]), None);
    assert_refused("a folder holding a pipe", &r, "d/pipe.yaml", "not a regular file");
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    let files = files_of(&json);
    assert_eq!(files, ["d/pipe.yaml", "d/real.yaml"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir();
    write(dir.path(), "secret.yaml", "name: Secret\n");
    let path = dir.path().join("secret.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_err() {
        refused_everywhere(dir.path(), "secret.yaml", "permission denied");
    } else {
        // Running as root (as CI does): mode 000 does not stop root, so the
        // file is simply linted. The read-error path is checked below with
        // a file that no one can read.
        let r = run_in(dir.path(), &args(&["--no-config", "secret.yaml"]), None);
        assert_bounded("mode 000 as root", &r);
        assert_ne!(r.code, Some(2), "{}", r.stderr);
    }
    // A regular file whose read fails for everyone, root included: reading
    // a process's memory at offset 0 (never mapped) is an I/O error.
    let mem = "/proc/self/mem";
    if Path::new(mem).exists() {
        refused_everywhere(dir.path(), mem, "cannot read");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    use std::os::unix::fs::symlink;
    let dir = workdir();
    let d = dir.path().join("d");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    write(&d, "a.yaml", "name: A\n");
    write(&d.join("sub"), "b.yaml", "name: B\n");
    // Folder loops: a link to the folder itself and to its parent.
    symlink(".", d.join("self")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    // A file loop: two links pointing at each other.
    symlink("y.yaml", d.join("x.yaml")).unwrap();
    symlink("x.yaml", d.join("y.yaml")).unwrap();
    // A walk does not follow links (as ripgrep): only the real profiles.
    let r = run_in(dir.path(), &args(&["--no-config", "--format", "json", "d"]), None);
    assert_bounded("folder with symlink loops", &r);
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(files_of(&json), ["d/a.yaml", "d/sub/b.yaml"]);
    // With --follow the loops end: each real profile once, each looping link reported.
    let r = run_in(dir.path(), &args(&["--no-config", "-L", "--format", "json", "d"]), None);
    assert_refused("folder with symlink loops, -L", &r, "d/x.yaml", "d/x.yaml:1:1: error:");
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    let files = files_of(&json);
    assert_eq!(files, ["d/a.yaml", "d/sub/b.yaml", "d/x.yaml", "d/y.yaml"]);
    // A looping link named on the command line is followed, and reported.
    let r = run_in(dir.path(), &args(&["--no-config", "d/x.yaml"]), None);
    assert_refused("looping link named", &r, "d/x.yaml", "symbolic links");
    // As a pack folder, the links are not followed either.
    let r = run_in(dir.path(), &args(&["--no-config", "--rules", "d", "ok.yaml"]), None);
    assert_bounded("symlink loop as pack folder", &r);
    assert!(!r.stderr.contains("symbolic links"), "{}", r.stderr);
}

#[test]
fn missing_path() {
    let dir = workdir();
    let msgs = refused_everywhere(dir.path(), "nope.yaml", "no such file or directory");
    let r = run_in(dir.path(), &args(&["--no-config", "nope/"]), None);
    assert_refused("missing folder", &r, "nope/", "no such file");
    insta::assert_snapshot!(msgs);
}

#[test]
fn thousands_of_findings_stay_bounded() {
    // `each` rules give one finding per failing item: 3,000 bad keywords and
    // 500 bad links make 4,000 findings (links fail two rules) with their fix
    // steps, from a 50 KB file.
    let dir = workdir();
    let keywords = vec!["\"a b\""; 3_000].join(",");
    let links = vec!["{network: linkedin, url: \"ftp://x\"}"; 500].join(",");
    write(
        dir.path(),
        "many.yaml",
        format!("keywords: [{keywords}]\ncontact:\n  links: [{links}]\n"),
    );
    for format in ["text", "json"] {
        let r = run_in(
            dir.path(),
            &args(&["--no-config", "--format", format, "many.yaml"]),
            None,
        );
        assert_bounded(format, &r);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        if format == "json" {
            let json: Json = serde_json::from_str(&r.stdout).unwrap();
            let findings = json["profiles"][0]["findings"].as_array().unwrap();
            let count = |rule: &str| findings.iter().filter(|f| f["rule"] == rule).count();
            assert_eq!(count("keyword-format"), 3_000);
            assert_eq!(count("link-urls"), 500);
            assert_eq!(count("link-domains"), 500);
        }
    }
}

#[test]
fn regex_bomb_in_a_pack() {
    let dir = workdir();
    // Each would compile to far more than any rule needs: refused at load,
    // at the regex, instead of eating memory.
    for (i, re) in [r"(\\w{1000}){1000}", r"((a|b|\\w)*){200}", r"\\p{L}{5000}"]
        .iter()
        .enumerate()
    {
        let name = format!("re{i}.yaml");
        write(
            dir.path(),
            &name,
            format!(
                "pack: t\nrules:\n  - id: r1\n    severity: info\n    title: T\n    check: {{path: about.bio, matches: \"{re}\"}}\n"
            ),
        );
        let r = run_in(dir.path(), &args(&["--no-config", "--rules", &name, "ok.yaml"]), None);
        assert_refused(re, &r, &name, &format!("{name}:6:39: error: bad regular expression"));
    }
}

#[test]
fn closed_stdout_ends_quietly() {
    // Enough profiles that the report overflows the pipe buffer many times.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        write(
            dir.path(),
            &format!("p{i:03}.yaml"),
            format!("name: P{i}\nabout: {{bio: b}}\n"),
        );
    }
    let lint = |format: &str| {
        let mut cmd = Command::new(BIN);
        // `--fail-on never`: exit 0 is then the only right answer, whether
        // the reader left early or not.
        cmd.args(["--no-config", "--fail-on", "never", "--format", format, "."])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    };
    let mut tested = Vec::new();
    for format in ["text", "json", "sarif", "junit", "github", "markdown", "html"] {
        // Only a report much larger than a pipe's buffer (64 KiB) is sure
        // to meet the closed pipe.
        let full = lint(format).output().unwrap();
        if full.stdout.len() < 1024 * 1024 {
            continue;
        }
        let mut child = lint(format).spawn().unwrap();
        let start = Instant::now();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        out.read_exact(&mut first).unwrap();
        // `| head -c 64`: the reader goes away with the rest unread.
        drop(out);
        let status = child.wait().unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert_eq!(status.code(), Some(0), "{format}: {err}");
        assert!(err.is_empty(), "{format}: {err}");
        assert!(start.elapsed() < Duration::from_secs(20));
        tested.push(format);
    }
    assert!(tested.contains(&"text") && tested.contains(&"json"), "{tested:?}");
}

#[test]
fn full_disk_is_an_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return; // not Linux: no device that is always full
    }
    let dir = workdir();
    let out = std::fs::OpenOptions::new().write(true).open(full).unwrap();
    let r = Command::new(BIN)
        .args(["--no-config", "ok.yaml"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdout(Stdio::from(out))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.starts_with("profilecheck: error: cannot write the report: ") && stderr.contains("No space left"),
        "{stderr}"
    );
}

#[test]
fn many_files_at_once_stay_small() {
    // Memory does not grow with the number of files: 3,000 profiles, one run.
    let dir = tempfile::tempdir().unwrap();
    let profile =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/complete.yaml")).unwrap();
    for i in 0..3_000 {
        write(dir.path(), &format!("p{i:04}.yaml"), &profile);
    }
    let r = run_in(dir.path(), &args(&["--no-config", "--format", "json", "."]), None);
    assert!(matches!(r.code, Some(0..=2)), "{}", r.stderr);
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["summary"]["profiles"], 3_000);
    if let Some(kib) = r.rss_kib {
        assert!(kib < MAX_RSS_KIB, "peak memory {kib} KiB");
    }
}

/// The `file` of every profile of a JSON report, in order.
fn files_of(json: &Json) -> Vec<&str> {
    json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect()
}
