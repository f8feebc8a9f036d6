//! `profilecheck serve` through a real socket: the binary is started on a
//! free port of 127.0.0.1 and spoken to in plain HTTP/1.1, so what is tested
//! is what a browser or a workshop's own tool would see.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Room {
    child: Child,
    port: u16,
    token: String,
    banner: String,
    _dir: tempfile::TempDir,
}

impl Drop for Room {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The environment both the server and the CLI it is compared with run in.
fn clean(cmd: &mut Command, dir: &Path) {
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .current_dir(dir);
}

fn start(args: &[&str]) -> Room {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
    clean(&mut cmd, dir.path());
    let mut child = cmd
        .arg("serve")
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    while !banner.contains("Ctrl-C") {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            panic!("the server stopped before printing its addresses: {banner}");
        }
        banner.push_str(&line);
    }
    // The port of the first address printed (127.0.0.1, or with --lan the
    // machine's first network address); loopback reaches both.
    let port = banner
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|hp| hp.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .expect("a participants' URL");
    let token = banner
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    Room {
        child,
        port,
        token,
        banner,
        _dir: dir,
    }
}

struct Answer {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

impl Room {
    fn send(&self, raw: &[u8]) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        // The server may answer (413) and close before the whole body is
        // written; what it answered is what counts.
        let _ = s.write_all(raw);
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        parse(&buf)
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut raw = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            raw.push_str(&format!("Host: 127.0.0.1:{}\r\n", self.port));
        }
        for (k, v) in headers {
            raw.push_str(&format!("{k}: {v}\r\n"));
        }
        if method == "POST" {
            raw.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        raw.push_str("\r\n");
        let mut bytes = raw.into_bytes();
        bytes.extend_from_slice(body);
        self.send(&bytes)
    }

    fn get(&self, path: &str) -> Answer {
        self.request("GET", path, &[], b"")
    }

    fn check(&self, query: &str, yaml: &[u8]) -> Answer {
        self.request(
            "POST",
            &format!("/api/check{query}"),
            &[("Content-Type", "application/yaml")],
            yaml,
        )
    }
}

fn parse(buf: &[u8]) -> Answer {
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(buf)));
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut body = buf[end + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = unchunk(&body);
    }
    Answer {
        status,
        headers: head,
        body,
    }
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

/// What `profilecheck --format json profile.yaml` prints for these bytes.
fn cli_json(yaml: &[u8], extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("profile.yaml"), yaml).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
    clean(&mut cmd, dir.path());
    cmd.args(["--format", "json"])
        .args(extra)
        .arg("profile.yaml")
        .output()
        .unwrap()
        .stdout
}

fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 2);
    v
}

#[test]
fn check_answers_exactly_the_cli_json_report() {
    let room = start(&[]);
    let mut bodies: Vec<Vec<u8>> = examples().iter().map(|p| std::fs::read(p).unwrap()).collect();
    bodies.push(b"photo: {set: true, kind: casual}\nlang: fr\n".to_vec());
    bodies.push(b"{}\n".to_vec());
    bodies.push(b"photo:\n  set: yes\nfolowers: 1\n".to_vec());
    for body in &bodies {
        let a = room.check("", body);
        let want = cli_json(body, &[]);
        assert_eq!(
            a.text(),
            String::from_utf8_lossy(&want),
            "for {}",
            String::from_utf8_lossy(body)
        );
        let valid = serde_json::from_slice::<serde_json::Value>(&a.body).unwrap()["profiles"][0]["score"].is_number();
        assert_eq!(a.status, if valid { 200 } else { 422 });
        assert_eq!(a.header("content-type").as_deref(), Some("application/json"));
        for lang in ["en", "fr"] {
            let a = room.check(&format!("?lang={lang}"), body);
            assert_eq!(a.text(), String::from_utf8_lossy(&cli_json(body, &["--lang", lang])));
        }
    }
}

#[test]
fn the_server_lang_and_rules_options_are_those_of_the_cli() {
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/service-client.yaml");
    let pack = pack.to_str().unwrap();
    let room = start(&["--lang", "fr", "--rules", pack]);
    assert!(
        room.banner.contains("la salle d’atelier est ouverte"),
        "{}",
        room.banner
    );
    for p in examples() {
        let body = std::fs::read(&p).unwrap();
        let a = room.check("", &body);
        assert_eq!(
            a.text(),
            String::from_utf8_lossy(&cli_json(&body, &["--lang", "fr", "--rules", pack]))
        );
    }
}

#[test]
fn default_bind_is_loopback_and_pages_carry_a_strict_csp() {
    let room = start(&[]);
    assert!(room.banner.contains("http://127.0.0.1:"));
    assert!(!room.banner.contains("0.0.0.0"));
    assert_eq!(room.token.len(), 32);
    for (path, ctype) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/coach.js", "text/javascript"),
    ] {
        let a = room.get(path);
        assert_eq!(a.status, 200, "{path}");
        assert!(a.header("content-type").unwrap().starts_with(ctype), "{path}");
        let csp = a.header("content-security-policy").unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe"), "{csp}");
        assert_eq!(a.header("x-content-type-options").as_deref(), Some("nosniff"));
    }
    // No inline script anywhere: the CSP would block it.
    let page = room.get("/").text();
    assert!(!page.contains("<script>") && page.contains("<script src=\"/app.js\""));
    let missing = room.get("/nothing-here");
    assert_eq!(missing.status, 404);
    assert!(missing.header("content-security-policy").is_some());
    // A page that rebinds its own name to 127.0.0.1 is not answered.
    assert_eq!(room.request("GET", "/", &[("Host", "evil.example")], b"").status, 421);
}

#[test]
fn oversized_bodies_get_413_and_the_server_keeps_serving() {
    let room = start(&[]);
    let big = vec![b'a'; 2 * 1024 * 1024];
    assert_eq!(room.check("", &big).status, 413);
    // Without a length announced: counted as it comes.
    let mut raw = b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for chunk in big.chunks(64 * 1024) {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(room.send(&raw).status, 413);
    // Exactly at the limit is accepted (and is no profile).
    let at_limit = vec![b'#'; 1024 * 1024];
    assert_eq!(room.check("", &at_limit).status, 200);
    assert_eq!(room.check("", b"photo: {set: true}\n").status, 200);
}

#[test]
fn cross_site_posts_are_refused() {
    let room = start(&[]);
    let yaml = b"photo: {set: true}\n";
    let ct = ("Content-Type", "text/plain");
    let cases: [(&[(&str, &str)], u16); 6] = [
        (&[ct, ("Origin", "http://evil.example")], 403),
        (&[ct, ("Sec-Fetch-Site", "cross-site")], 403),
        (
            &[ct, ("Sec-Fetch-Site", "same-site"), ("Origin", "http://127.0.0.1:1")],
            403,
        ),
        (&[ct, ("Origin", "null")], 403),
        (&[ct, ("Sec-Fetch-Site", "same-origin")], 200),
        // A workshop's own tool (curl, a script) sends neither header.
        (&[ct], 200),
    ];
    for (headers, want) in cases {
        let a = room.request("POST", "/api/check", headers, yaml);
        assert_eq!(a.status, want, "{headers:?}");
    }
    let origin = format!("http://127.0.0.1:{}", room.port);
    assert_eq!(
        room.request("POST", "/api/check", &[ct, ("Origin", &origin)], yaml)
            .status,
        200
    );
    // The encodings an HTML form on another site can send are not profiles.
    let form = ("Content-Type", "application/x-www-form-urlencoded");
    assert_eq!(room.request("POST", "/api/check", &[form], b"a=1").status, 415);
    // Sharing is a POST too.
    let share = br#"{"name":"Mallory","yaml":"{}"}"#;
    let a = room.request(
        "POST",
        "/api/share",
        &[("Content-Type", "application/json"), ("Origin", "http://evil.example")],
        share,
    );
    assert_eq!(a.status, 403);
}

#[test]
fn not_yaml_gets_422_with_the_located_errors() {
    let room = start(&[]);
    for body in [
        &b"\x00\x01\xff\xfe binary"[..],
        b"[unclosed",
        b"- a\n- b\n",
        b"just words",
    ] {
        let a = room.check("", body);
        assert_eq!(a.status, 422, "{}", String::from_utf8_lossy(body));
        let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        assert!(v["profiles"][0]["score"].is_null());
        assert!(v["profiles"][0]["errors"][0]["line"].is_number());
        assert_eq!(a.text(), String::from_utf8_lossy(&cli_json(body, &[])));
    }
    assert_eq!(room.check("?lang=de", b"{}").status, 400);
}

#[test]
fn the_coach_page_needs_the_token_and_shows_who_shared() {
    let room = start(&[]);
    assert_eq!(room.get("/coach").status, 403);
    assert_eq!(room.get("/coach?token=0123").status, 403);
    assert_eq!(room.get(&format!("/coach?token={}x", room.token)).status, 403);
    assert_eq!(room.get("/api/room").status, 403);
    assert_eq!(room.get("/api/room/export?format=json").status, 403);
    assert_eq!(room.get(&format!("/coach?token={}", room.token)).status, 200);

    let room_view = || {
        let a = room.get(&format!("/api/room?token={}&lang=en", room.token));
        assert_eq!(a.status, 200);
        serde_json::from_slice::<serde_json::Value>(&a.body).unwrap()
    };
    assert_eq!(
        room_view()["participants"].as_array().unwrap().len(),
        0,
        "nothing is shared before"
    );

    let json = ("Content-Type", "application/json");
    let jeanne = std::fs::read_to_string(&examples()[1]).unwrap();
    // The id is the one the participant's browser keeps for all its tabs.
    let id = "0123456789abcdef0123456789abcdef";
    let body = serde_json::json!({ "id": id, "name": "Jeanne\u{1b}[31m\nM.", "yaml": jeanne }).to_string();
    let a = room.request("POST", "/api/share", &[json], body.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&a.body).unwrap()["id"], id);
    let body = serde_json::json!({ "name": "Paul", "yaml": "photo: {set: false}\n" }).to_string();
    assert_eq!(room.request("POST", "/api/share", &[json], body.as_bytes()).status, 200);
    // Sharing again under the same id (another tab) updates, it does not add.
    let body = serde_json::json!({ "id": id, "name": "Jeanne M.", "yaml": jeanne }).to_string();
    assert_eq!(room.request("POST", "/api/share", &[json], body.as_bytes()).status, 200);
    let huge = serde_json::json!({ "name": "Big", "yaml": format!("name: {}\n", "x".repeat(70_000)) }).to_string();
    assert_eq!(room.request("POST", "/api/share", &[json], huge.as_bytes()).status, 413);
    let empty = serde_json::json!({ "name": "  ", "yaml": "{}" }).to_string();
    assert_eq!(
        room.request("POST", "/api/share", &[json], empty.as_bytes()).status,
        400
    );

    let view = room_view();
    let people = view["participants"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["name"], "Jeanne M.");
    assert_eq!(people[1]["name"], "Paul");
    let cli: serde_json::Value = serde_json::from_slice(&cli_json(jeanne.as_bytes(), &[])).unwrap();
    assert_eq!(people[0]["score"], cli["profiles"][0]["score"]);
    assert_eq!(people[0]["steps_total"], 7);
    assert!(people[0]["ago"].as_u64().unwrap() < 60);
    // The most missed, by guide step in guide order.
    let missed = view["missed"].as_array().unwrap();
    let steps: Vec<u64> = missed.iter().map(|g| g["step"].as_u64().unwrap()).collect();
    assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
    assert!(
        missed[0]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["rule"] == "photo-set" && m["missed"] == 1 && m["of"] == 2)
    );
    // The participants' address, and its QR code drawn here.
    assert_eq!(view["address"], format!("http://127.0.0.1:{}/", room.port));
    assert!(view["qr"]["path"].as_str().unwrap().starts_with('M'));
    // One participant's advice and answers.
    let detail = room.get(&format!("/api/room/participant?token={}&id={id}&lang=fr", room.token));
    assert_eq!(detail.status, 200);
    let detail: serde_json::Value = serde_json::from_slice(&detail.body).unwrap();
    assert_eq!(detail["answers"]["name"], "Jeanne Martin");
    assert!(detail["groups"][0]["title"].as_str().unwrap().starts_with("Étape 1 · "));
    assert_eq!(room.get(&format!("/api/room/participant?id={id}")).status, 403);

    let export = room.get(&format!("/api/room/export?token={}&format=html&lang=fr", room.token));
    assert_eq!(export.status, 200);
    assert!(
        export
            .header("content-disposition")
            .unwrap()
            .contains("room-handouts.html")
    );
    let html = export.text();
    assert!(html.contains("Jeanne M.") && html.contains("Paul") && html.contains("lang=\"fr\""));
    let stats = room.get(&format!("/api/room/export?token={}&format=json", room.token));
    let stats: serde_json::Value = serde_json::from_slice(&stats.body).unwrap();
    assert_eq!(stats["participants"].as_array().unwrap().len(), 2);

    // The coach removes a row: the average follows.
    let before = room_view()["average"].clone();
    let paul = room_view()["participants"][1]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/room/remove?token={}&id={paul}", room.token);
    assert_eq!(
        room.request("POST", &format!("/api/room/remove?id={paul}"), &[], b"")
            .status,
        403
    );
    assert_eq!(room.request("POST", &path, &[], b"").status, 200);
    assert_eq!(room.request("POST", &path, &[], b"").status, 404);
    let after = room_view();
    assert_eq!(after["participants"].as_array().unwrap().len(), 1);
    assert_eq!(after["average"], cli["profiles"][0]["score"]);
    assert_ne!(after["average"], before);
}

/// The room's JSON export, read back by `serve --resume`, gives the same
/// participants; what is not an export is refused and no room opens.
#[test]
fn an_export_resumes_the_room_and_anything_else_is_refused() {
    let room = start(&[]);
    let json = ("Content-Type", "application/json");
    for (id, name) in [
        ("0123456789abcdef0123456789abcdef", "Sophie Bernard"),
        ("fedcba9876543210fedcba9876543210", "Zoé"),
    ] {
        let body =
            serde_json::json!({ "id": id, "name": name, "yaml": format!("name: {name}\nphoto: {{set: true}}\n") })
                .to_string();
        assert_eq!(room.request("POST", "/api/share", &[json], body.as_bytes()).status, 200);
    }
    let export = room.get(&format!("/api/room/export?token={}&format=json", room.token));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("room.json");
    std::fs::write(&file, &export.body).unwrap();
    let view = |r: &Room| {
        let a = r.get(&format!("/api/room?token={}", r.token));
        let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        v["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().to_owned(),
                    p["name"].as_str().unwrap().to_owned(),
                    p["score"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let first = view(&room);
    drop(room);
    let again = start(&["--resume", file.to_str().unwrap()]);
    assert!(again.banner.contains("2 participants"), "{}", again.banner);
    assert_eq!(view(&again), first);

    // Not an export, corrupt, or not a file: a located error, exit 2, no room.
    let bad_json = dir.path().join("bad.json");
    std::fs::write(&bad_json, &export.body[..export.body.len() / 2]).unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, b"{\"tool\": \"something\"}").unwrap();
    for (path, want) in [
        (bad_json, "bad.json:"),
        (other, "not a room export"),
        (dir.path().to_path_buf(), "not a regular file"),
        (dir.path().join("missing.json"), "cannot read"),
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
        clean(&mut cmd, dir.path());
        let out = cmd
            .args(["serve", "--port", "0", "--resume"])
            .arg(&path)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{path:?}: {stderr}");
        assert!(stderr.contains(want), "{path:?}: {stderr}");
        assert!(!stdout.contains("http://"), "a room opened: {stdout}");
    }
}

/// The page's own check is lenient; `/api/check` stays the strict CLI report.
#[test]
fn the_page_check_keeps_a_score_past_a_wrong_answer() {
    let room = start(&[]);
    let yaml = ("Content-Type", "application/yaml");
    let profile = b"name: Sophie Bernard\npublishing:\n  posts_per_month: -3\n";
    let strict = room.check("", profile);
    assert_eq!(strict.status, 422);
    let strict: serde_json::Value = serde_json::from_slice(&strict.body).unwrap();
    assert!(strict["profiles"][0]["score"].is_null());
    let page = room.request("POST", "/api/advice?lang=fr", &[yaml], profile);
    assert_eq!(page.status, 200);
    let page: serde_json::Value = serde_json::from_slice(&page.body).unwrap();
    assert!(page["score"].as_u64().is_some());
    assert_eq!(page["field_errors"][0]["path"], "publishing.posts_per_month");
    assert_eq!(page["steps"]["total"], 7);
    let handout = room.request("POST", "/api/handout?format=html&lang=fr", &[yaml], profile);
    assert!(
        handout
            .header("content-disposition")
            .unwrap()
            .contains("sophie-bernard.html")
    );
}

/// Issue 27: a body that dribbles in (one byte every second, the timer per
/// read never fires) is dropped at its deadline, and while 64 such clients
/// hang on, pages are still served at once.
#[test]
fn a_dribbled_body_is_dropped_and_pages_are_served_meanwhile() {
    let room = start(&[]);
    let dribblers: Vec<_> = (0..64)
        .map(|_| {
            let port = room.port;
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.write_all(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
                    .unwrap();
                let t = Instant::now();
                while t.elapsed() < Duration::from_secs(20) {
                    if s.write_all(b"a").is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(1000));
                    s.set_nonblocking(true).unwrap();
                    let mut buf = [0u8; 512];
                    let closed = s.read(&mut buf).is_ok();
                    s.set_nonblocking(false).unwrap();
                    if closed {
                        break;
                    }
                }
                t.elapsed()
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(3));
    for _ in 0..5 {
        let t = Instant::now();
        assert_eq!(room.get("/").status, 200);
        assert!(t.elapsed() < Duration::from_secs(1), "GET / took {:?}", t.elapsed());
        assert_eq!(room.check("", b"photo: {set: true}\n").status, 200);
    }
    for d in dribblers {
        let took = d.join().unwrap();
        assert!(
            took < Duration::from_secs(12),
            "a dribbling client held on for {took:?}"
        );
    }
}

#[test]
fn a_client_that_stops_half_way_is_dropped_within_10_seconds() {
    let room = start(&[]);
    let half_head = b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le".to_vec();
    let half_body =
        b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nphoto:"
            .to_vec();
    let threads: Vec<_> = [Vec::new(), half_head, half_body]
        .into_iter()
        .map(|bytes| {
            let port = room.port;
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
                s.write_all(&bytes).unwrap();
                let t = Instant::now();
                let mut buf = Vec::new();
                let closed = s.read_to_end(&mut buf).is_ok();
                (closed, t.elapsed(), String::from_utf8_lossy(&buf).into_owned())
            })
        })
        .collect();
    // Meanwhile the room answers others.
    assert_eq!(room.check("", b"photo: {set: true}\n").status, 200);
    for t in threads {
        let (closed, took, answer) = t.join().unwrap();
        assert!(closed, "the connection was not closed");
        assert!(took < Duration::from_secs(10), "dropped after {took:?}");
        assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
    }
    assert_eq!(room.check("", b"photo: {set: true}\n").status, 200);
}

#[test]
fn handouts_and_the_form_come_from_the_reporters_and_the_format() {
    let room = start(&[]);
    let jeanne = std::fs::read(&examples()[1]).unwrap();
    let yaml = ("Content-Type", "application/yaml");
    let html = room.request("POST", "/api/handout?format=html&lang=fr", &[yaml], &jeanne);
    assert_eq!(html.status, 200);
    let want = {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("profile.yaml"), &jeanne).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_profilecheck"));
        clean(&mut cmd, dir.path());
        cmd.args(["--format", "html", "--lang", "fr", "profile.yaml"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(html.text(), String::from_utf8_lossy(&want));
    let md = room.request("POST", "/api/handout?format=markdown", &[yaml], &jeanne);
    assert!(md.header("content-type").unwrap().starts_with("text/markdown"));

    let form = room.get("/api/form?lang=fr");
    let form: serde_json::Value = serde_json::from_slice(&form.body).unwrap();
    assert_eq!(form["lang"], "fr");
    let fields: Vec<&serde_json::Value> = form["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["fields"].as_array().unwrap())
        .collect();
    let audience = fields
        .iter()
        .find(|f| f["path"] == "privacy.birthday_audience")
        .unwrap();
    assert_eq!(audience["kind"], "choice");
    let values: Vec<&str> = audience["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["public", "friends_of_friends", "friends", "only_me", "custom"]);
    assert_eq!(audience["choices"][3]["label"], "Moi uniquement");
    assert!(form["strings"]["page-share"].as_str().unwrap().contains("formateur"));
    assert!(form["rules"]["photo-set"]["fix"].as_array().unwrap().len() > 1);

    let parsed = room.request("POST", "/api/parse", &[yaml], &jeanne);
    let parsed: serde_json::Value = serde_json::from_slice(&parsed.body).unwrap();
    assert_eq!(parsed["profile"]["name"], "Jeanne Martin");
    let bad = room.request("POST", "/api/parse", &[yaml], b"photo: [");
    assert_eq!(bad.status, 422);
}

#[test]
fn lan_prints_the_addresses_to_give_the_room() {
    let room = start(&["--lan"]);
    let urls: Vec<&str> = room
        .banner
        .lines()
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("http://")))
        .collect();
    assert!(urls.len() >= 2, "{}", room.banner);
    let participants = &urls[..urls.len() - 1];
    let printed_lan = participants
        .iter()
        .all(|u| !u.contains("127.0.0.1") && !u.contains("0.0.0.0"));
    // A machine with no network address says so instead.
    assert!(
        printed_lan || room.banner.contains("No network address found"),
        "{}",
        room.banner
    );
    assert!(urls.last().unwrap().contains("/coach?token="));
    // Reached by any of its addresses, but not under a borrowed name.
    assert_eq!(room.get("/").status, 200);
    let ip_host = participants[0].trim_start_matches("http://").trim_end_matches('/');
    assert_eq!(room.request("GET", "/", &[("Host", ip_host)], b"").status, 200);
    assert_eq!(room.request("GET", "/", &[("Host", "evil.example")], b"").status, 421);
}
