//! The server's state and its message loop: open documents, the agreed
//! position encoding, the client's capabilities, and one handler per method.

use super::check::{Checker, Kind};
use super::text::{Encoding, Lines};
use super::view::{Doc, DocView, to_diagnostic};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, Diagnostic, DiagnosticOptions,
    DiagnosticServerCapabilities, HoverProviderCapability, Position, PublishDiagnosticsParams, Range, SaveOptions,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

pub(crate) struct Server<'c> {
    conn: &'c Connection,
    pub(crate) checker: Checker,
    pub(crate) cwd: PathBuf,
    pub(crate) enc: Encoding,
    pub(crate) docs: HashMap<Url, Doc>,
    caps: Value,
    next_id: i32,
    /// Whether the client asked for pull diagnostics. Such a client gets
    /// them only when it asks: VS Code and Neovim keep pulled and pushed
    /// diagnostics apart, so pushing as well would show each finding twice
    /// (ruff's server makes the same choice).
    pull: bool,
    /// Selections to make when a code action's edit comes back as a change.
    pending: Vec<(Url, super::actions::Pending)>,
}

fn cap(caps: &Value, pointer: &str) -> bool {
    caps.pointer(pointer)
        .is_some_and(|v| v.as_bool() == Some(true) || v.is_object())
}

impl<'c> Server<'c> {
    /// The `initialize` handshake: agree on the position encoding and the
    /// language, say what we offer.
    pub(crate) fn start(conn: &'c Connection, env_locale: Lang, cwd: PathBuf) -> Result<Self, ProtocolError> {
        let (id, params) = conn.initialize_start()?;
        let caps = params.get("capabilities").cloned().unwrap_or(Value::Null);
        let offered: Option<Vec<lsp_types::PositionEncodingKind>> = caps
            .pointer("/general/positionEncodings")
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        let enc = Encoding::negotiate(offered.as_deref());
        let locale = params
            .get("locale")
            .and_then(Value::as_str)
            .filter(|l| !l.is_empty())
            .map_or(env_locale, Lang::from_locale);
        let pull = cap(&caps, "/textDocument/diagnostic");
        let capabilities = ServerCapabilities {
            position_encoding: Some(enc.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".into(), " ".into()]),
                ..CompletionOptions::default()
            }),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            diagnostic_provider: pull.then(|| {
                DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("profilecheck".into()),
                    // A profile's findings depend on its config and packs.
                    inter_file_dependencies: true,
                    workspace_diagnostics: false,
                    ..DiagnosticOptions::default()
                })
            }),
            ..ServerCapabilities::default()
        };
        let result = json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "profilecheck", "version": env!("CARGO_PKG_VERSION")},
        });
        conn.initialize_finish(id, result)?;
        let mut server = Server {
            conn,
            checker: Checker::new(locale),
            cwd,
            enc,
            docs: HashMap::new(),
            caps,
            next_id: 0,
            pull,
            pending: Vec::new(),
        };
        server.register_watchers();
        Ok(server)
    }

    fn send(&self, msg: impl Into<Message>) {
        // A client gone away ends the loop at the next receive.
        let _ = self.conn.sender.send(msg.into());
    }

    pub(crate) fn request_client(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("profilecheck-{}", self.next_id));
        self.send(Request::new(id, method.to_owned(), params));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params));
    }

    pub(crate) fn log(&self, level: u8, message: String) {
        self.notify("window/logMessage", json!({"type": level, "message": message}));
    }

    /// Ask to hear about every change to a config or a pack on disk,
    /// when the client lets servers register for it.
    fn register_watchers(&mut self) {
        if !cap(&self.caps, "/workspace/didChangeWatchedFiles/dynamicRegistration") {
            return;
        }
        let watchers: Vec<Value> = ["**/.profilecheck.yaml", "**/*.yaml", "**/*.yml"]
            .iter()
            .map(|g| json!({"globPattern": g}))
            .collect();
        self.request_client(
            "client/registerCapability",
            json!({"registrations": [{
                "id": "profilecheck-watch",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": watchers},
            }]}),
        );
    }

    /// The loop: each message handled, and each request answered, in order.
    pub(crate) fn run(mut self) -> Result<i32, ProtocolError> {
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(0);
                    }
                    let id = req.id.clone();
                    let method = req.method.clone();
                    let response = match catch_unwind(AssertUnwindSafe(|| self.request(req))) {
                        Ok(r) => r,
                        Err(_) => Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            t!(self.checker.locale, "lsp-internal-error", method = method),
                        ),
                    };
                    self.send(response);
                }
                Message::Notification(n) => {
                    if n.method == "exit" {
                        return Ok(1);
                    }
                    let method = n.method.clone();
                    if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                        self.log(1, t!(self.checker.locale, "lsp-internal-error", method = method));
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(1)
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/hover" => self.with_doc(req.params, |s, v, p| s.hover(v, p)),
            "textDocument/completion" => self.with_doc(req.params, |s, v, p| s.complete(v, p)),
            "textDocument/codeAction" => self.with_doc(req.params, |s, v, p| s.code_actions(v, p)),
            "textDocument/diagnostic" => self.pull_diagnostics(req.params),
            m => Err((
                ErrorCode::MethodNotFound,
                t!(self.checker.locale, "lsp-unknown-method", method = m),
            )),
        };
        match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn notification(&mut self, n: Notification) {
        let p = &n.params;
        let uri = || {
            p.pointer("/textDocument/uri")
                .and_then(Value::as_str)
                .and_then(|u| Url::parse(u).ok())
        };
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let (Some(uri), Some(text)) = (uri(), p.pointer("/textDocument/text").and_then(Value::as_str)) else {
                    return self.log(1, t!(self.checker.locale, "lsp-bad-params", method = n.method));
                };
                let version = p.pointer("/textDocument/version").and_then(Value::as_i64).unwrap_or(0) as i32;
                self.open(uri, text.to_owned(), version);
            }
            "textDocument/didChange" => {
                let Some(uri) = uri() else {
                    return self.log(1, t!(self.checker.locale, "lsp-bad-params", method = n.method));
                };
                let version = p.pointer("/textDocument/version").and_then(Value::as_i64).unwrap_or(0) as i32;
                // Full sync: the last change holds the whole text. A change
                // without a range for a document never opened opens it.
                let Some(change) = p.get("contentChanges").and_then(Value::as_array).and_then(|c| c.last()) else {
                    return;
                };
                let text = change.get("text").and_then(Value::as_str).unwrap_or("").to_owned();
                if !self.docs.contains_key(&uri) {
                    self.log(2, t!(self.checker.locale, "lsp-not-open", uri = uri.as_str()));
                }
                // The waiver just added: put the cursor on its reason, selected.
                let applied = self.pending.iter().position(|(u, p)| *u == uri && p.text == text);
                let selection = applied.map(|i| self.pending.swap_remove(i).1.selection);
                if applied.is_some() {
                    self.pending.clear();
                }
                self.open(uri.clone(), text, version);
                if let Some(range) = selection {
                    self.request_client(
                        "window/showDocument",
                        json!({"uri": uri, "takeFocus": true, "selection": range}),
                    );
                }
            }
            "textDocument/didSave" => {
                let Some(uri) = uri() else { return };
                let kind = self.docs.get(&uri).map(|d| d.kind);
                if matches!(kind, Some(Kind::Config | Kind::Pack)) {
                    self.rules_changed();
                } else {
                    self.publish(&uri);
                }
            }
            "textDocument/didClose" => {
                if let Some(uri) = uri() {
                    self.docs.remove(&uri);
                    if self.pull {
                        return;
                    }
                    self.notify(
                        "textDocument/publishDiagnostics",
                        PublishDiagnosticsParams::new(uri, Vec::new(), None),
                    );
                }
            }
            "workspace/didChangeWatchedFiles" => self.rules_changed(),
            _ => {}
        }
    }

    fn open(&mut self, uri: Url, text: String, version: i32) {
        let path = uri.to_file_path().ok();
        let kind = Kind::of(path.as_deref(), &text);
        self.docs.insert(
            uri.clone(),
            Doc {
                path,
                text,
                version,
                kind,
            },
        );
        self.publish(&uri);
    }

    /// A config or pack changed on disk: read them again and check every
    /// open document anew.
    fn rules_changed(&mut self) {
        self.checker.invalidate();
        let mut uris: Vec<Url> = self.docs.keys().cloned().collect();
        uris.sort();
        for uri in &uris {
            self.publish(uri);
        }
        if self.pull && cap(&self.caps, "/workspace/diagnostics/refreshSupport") {
            self.request_client("workspace/diagnostic/refresh", Value::Null);
        }
    }

    pub(crate) fn view<'a>(&mut self, uri: &'a Url, doc: &'a Doc) -> DocView<'a> {
        let kind = self.checker.kind_in_place(doc.kind, doc.path.as_deref(), &self.cwd);
        let (problems, lang) = self.checker.problems(kind, doc.path.as_deref(), &self.cwd, &doc.text);
        let rules = self.checker.setup(doc.path.as_deref(), &self.cwd);
        DocView {
            uri,
            doc,
            kind,
            lines: Lines::new(&doc.text, self.enc),
            enc: self.enc,
            problems,
            lang,
            rules,
        }
    }

    fn diagnostics(&mut self, uri: &Url) -> Option<Vec<Diagnostic>> {
        let doc = self.docs.remove(uri)?;
        let view = self.view(uri, &doc);
        let out = view.problems.iter().map(|p| to_diagnostic(&view.lines, p)).collect();
        drop(view);
        self.docs.insert(uri.clone(), doc);
        Some(out)
    }

    fn publish(&mut self, uri: &Url) {
        if self.pull {
            return;
        }
        let Some(diags) = self.diagnostics(uri) else { return };
        let version = self.docs.get(uri).map(|d| d.version);
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams::new(uri.clone(), diags, version),
        );
    }

    fn pull_diagnostics(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        let uri = self.uri_param(&params)?;
        // A document the editor has not opened is read from disk, as the CLI would read it.
        if !self.docs.contains_key(&uri)
            && let Ok(path) = uri.to_file_path()
            && let Ok(bytes) = super::files::read(&path)
            && let Ok(text) = String::from_utf8(bytes)
        {
            let kind = Kind::of(Some(&path), &text);
            let doc = Doc {
                path: Some(path),
                text,
                version: 0,
                kind,
            };
            self.docs.insert(uri.clone(), doc);
            let items = self.diagnostics(&uri);
            self.docs.remove(&uri);
            return Ok(json!({"kind": "full", "items": items.unwrap_or_default()}));
        }
        let items = self.diagnostics(&uri).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                t!(self.checker.locale, "lsp-not-open", uri = uri.as_str()),
            )
        })?;
        Ok(json!({"kind": "full", "items": items}))
    }

    fn uri_param(&self, params: &Value) -> Result<Url, (ErrorCode, String)> {
        params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .and_then(|u| Url::parse(u).ok())
            .ok_or_else(|| {
                (
                    ErrorCode::InvalidParams,
                    t!(self.checker.locale, "lsp-bad-params", method = "uri"),
                )
            })
    }

    /// Run `f` on the document a request names; `null` when it is not open.
    fn with_doc(
        &mut self,
        params: Value,
        f: impl FnOnce(&mut Self, &DocView<'_>, &Value) -> Result<Value, (ErrorCode, String)>,
    ) -> Result<Value, (ErrorCode, String)> {
        let uri = self.uri_param(&params)?;
        let Some(doc) = self.docs.remove(&uri) else {
            return Ok(Value::Null);
        };
        let view = self.view(&uri, &doc);
        let out = f(self, &view, &params);
        drop(view);
        self.docs.insert(uri, doc);
        out
    }

    /// The parameter `key` read as a `T`, or an "invalid parameters" error naming it.
    fn param<T: serde::de::DeserializeOwned>(&self, params: &Value, key: &str) -> Result<T, (ErrorCode, String)> {
        params
            .get(key)
            .and_then(|p| serde_json::from_value(p.clone()).ok())
            .ok_or_else(|| {
                (
                    ErrorCode::InvalidParams,
                    t!(self.checker.locale, "lsp-bad-params", method = key),
                )
            })
    }

    /// Does the client read Markdown where `pointer` lists its formats?
    fn markdown(&self, pointer: &str) -> bool {
        self.caps
            .pointer(pointer)
            .and_then(Value::as_array)
            .is_some_and(|f| f.iter().any(|f| f == "markdown"))
    }

    fn hover(&mut self, view: &DocView<'_>, params: &Value) -> Result<Value, (ErrorCode, String)> {
        let at: Position = self.param(params, "position")?;
        // Plain text, really plain, for a client that does not render Markdown.
        let markdown = self.markdown("/textDocument/hover/contentFormat");
        let kind = if markdown { "markdown" } else { "plaintext" };
        Ok(match super::hover::hover(view, view.lines.pos_of(at), markdown) {
            Some(value) => json!({"contents": {"kind": kind, "value": value}}),
            None => Value::Null,
        })
    }

    fn complete(&mut self, view: &DocView<'_>, params: &Value) -> Result<Value, (ErrorCode, String)> {
        let at: Position = self.param(params, "position")?;
        let markdown = self.markdown("/textDocument/completion/completionItem/documentationFormat");
        let items = super::complete::complete(view, at, markdown);
        Ok(json!({"isIncomplete": false, "items": items}))
    }

    fn code_actions(&mut self, view: &DocView<'_>, params: &Value) -> Result<Value, (ErrorCode, String)> {
        let range: Range = self.param(params, "range")?;
        let start = view.lines.pos_of(range.start);
        let end = view.lines.pos_of(range.end);
        let (actions, pending) = super::actions::actions(view, start, end);
        if cap(&self.caps, "/window/showDocument/support") {
            self.pending = pending.into_iter().map(|p| (view.uri.clone(), p)).collect();
        }
        Ok(json!(actions))
    }
}
