//! `profilecheck lsp` as a process, spoken to byte by byte over its pipes:
//! hostile framing (docs/editors.md, "What the server refuses") and the
//! positions of documents with each kind of line end, against the CLI's.

mod common;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

struct Server {
    child: Child,
    stdin: ChildStdin,
    frames: mpsc::Receiver<Value>,
}

fn read_frames(out: ChildStdout, tx: mpsc::Sender<Value>) {
    let mut r = BufReader::new(out);
    loop {
        let mut len = None;
        loop {
            let mut line = String::new();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; len.expect("the server frames its messages")];
        r.read_exact(&mut body).unwrap();
        if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

impl Server {
    fn start(dir: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
            .arg("lsp")
            .current_dir(dir)
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let (tx, frames) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || read_frames(out, tx));
        let mut s = Server { child, stdin, frames };
        s.send(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
        assert!(s.answer(1).get("result").is_some());
        s.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn body(&mut self, body: &[u8]) {
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(body);
        self.raw(&frame);
    }

    fn send(&mut self, v: &Value) {
        self.body(v.to_string().as_bytes());
    }

    fn next(&self) -> Value {
        self.frames
            .recv_timeout(Duration::from_secs(10))
            .expect("the server answers within 10 s")
    }

    /// The response to request `id`, skipping notifications.
    fn answer(&self, id: i64) -> Value {
        loop {
            let v = self.next();
            if v["id"] == id && v.get("method").is_none() {
                return v;
            }
        }
    }

    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            let v = self.next();
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                return v["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    /// Shut down; the exit code and stderr.
    fn stop(mut self) -> (Option<i32>, String) {
        self.send(&json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
        assert!(self.answer(99).get("error").is_none());
        self.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
        drop(self.stdin);
        let status = self.child.wait().unwrap();
        let mut err = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        (status.code(), err)
    }
}

#[test]
fn a_frame_that_holds_no_message_gets_a_parse_error_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Server::start(dir.path());
    let bad: [&[u8]; 6] = [
        b"{abc}",
        br#"{"jsonrpc":"2.0","id":5,"method":"x","params":"\ud800"}"#,
        b"[1,2]",
        b"[]",
        b"\xff\xfe{}",
        b"null",
    ];
    for body in bad {
        s.body(body);
        let v = s.next();
        assert_eq!(v["error"]["code"], -32700, "{}", String::from_utf8_lossy(body));
        assert!(v["id"].is_null());
    }
    // Broken and oversized lengths: refused before any allocation, then a
    // well-framed request is still answered.
    for header in [
        "Content-Length: 3000000000\r\n\r\n",
        "Content-Length: 18446744073709551615\r\n\r\n",
        "Content-Length: 99999999999999999999999\r\n\r\n",
        "Content-Length: twelve\r\n\r\n",
        "Content-Type: nothing-else\r\n\r\n",
    ] {
        s.raw(header.as_bytes());
        assert_eq!(s.next()["error"]["code"], -32700, "{header:?}");
    }
    s.send(&json!({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}}}));
    assert_eq!(s.answer(7)["result"], Value::Null);
    let (code, err) = s.stop();
    assert_eq!(code, Some(0));
    assert_eq!(err, "", "nothing on stderr");
}

#[test]
fn positions_agree_with_the_cli_on_lf_crlf_and_cr_only_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, nl) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let text = [
            "name: Jo",
            "about:",
            "  bio: Hi",
            "",
            "photo: {set: false}",
            "keywords: [a, b]",
            "",
        ]
        .join(nl);
        let file = format!("{name}.yaml");
        common::write(dir.path(), &file, &text);
        let out = common::run_in(dir.path(), &["--no-config", "--format", "json", &file], &[]);
        let cli: Vec<(String, u64)> = common::json(&out)["profiles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["rule"].as_str().unwrap().to_owned(), f["line"].as_u64().unwrap()))
            .collect();
        assert!(cli.iter().any(|(r, l)| r == "photo-set" && *l == 5), "{name}: {cli:?}");
        let mut s = Server::start(dir.path());
        let uri = format!("file://{}/{file}", dir.path().display());
        s.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}));
        let lsp: Vec<(String, u64)> = s
            .diagnostics(&uri)
            .iter()
            .map(|d| {
                let line = d["range"]["start"]["line"].as_u64().unwrap() + 1;
                (d["code"].as_str().unwrap().to_owned(), line)
            })
            .collect();
        assert_eq!(lsp, cli, "{name}");
        s.stop();
    }
}

#[test]
fn a_block_list_hashtag_gets_the_hashtag_advice_at_its_column_from_cli_and_server() {
    let dir = tempfile::tempdir().unwrap();
    let text = "name: Jo\nkeywords:\n  - #ereputation\n";
    common::write(dir.path(), "p.yaml", text);
    let out = common::run_in(dir.path(), &["--no-config", "--format", "concise", "p.yaml"], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stdout.contains("p.yaml:3:5: error") && out.stdout.contains("write \"#ereputation\" in quotes"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("empty list item"), "{}", out.stdout);
    let mut s = Server::start(dir.path());
    let uri = format!("file://{}/p.yaml", dir.path().display());
    s.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}));
    let all = s.diagnostics(&uri);
    // Said once, as the CLI's error; the rules still run on the rest of the file.
    let d: Vec<&Value> = all
        .iter()
        .filter(|d| d["severity"] == 1 && d["range"]["start"]["line"] == 2)
        .collect();
    assert_eq!(d.len(), 1, "{all:?}");
    assert!(all.iter().any(|d| d["code"] == "photo-set"), "{all:?}");
    assert_eq!(d[0]["code"], "hashtag-comment");
    assert_eq!(d[0]["range"]["start"], json!({"line": 2, "character": 4}));
    assert_eq!(d[0]["range"]["end"], json!({"line": 2, "character": 16}));
    s.stop();
}
