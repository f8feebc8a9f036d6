//! `--format sarif` (docs/formats.md): one SARIF 2.1.0 run for code-scanning tools
//! such as GitHub's. The driver lists every active rule with its docs; each
//! finding is a result located in the profile file; a waived rule is a result
//! carrying a suppression with the waiver's reason; invalid profiles (and
//! profile warnings) are tool execution notifications.
//!
//! Streamed: `begin` writes the tool and opens `results`, each profile appends
//! its results, `end` closes the array and writes the invocation. Only the
//! notifications are kept until the end, as they belong after the results.

use super::{Context, ErrorItem, ProfileReport, Reporter, Summary};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::pack::{Rule, Severity};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

pub struct Sarif<'a> {
    ctx: Context<'a>,
    /// Rule id -> index in `tool.driver.rules` (the `ruleIndex` of results).
    index: HashMap<&'a str, usize>,
    first: bool,
    notifications: Vec<Value>,
    invalid: bool,
    /// `--baseline`: the progress of the next profile.
    progress: Option<super::baseline::Progress>,
}

impl<'a> Sarif<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        let index = ctx
            .rules
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        Sarif {
            ctx,
            index,
            first: true,
            notifications: Vec::new(),
            invalid: false,
            progress: None,
        }
    }

    fn write_result(&mut self, result: &Value, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(if self.first { b"\n        " } else { b",\n        " })?;
        self.first = false;
        write_indented(w, result, 8)
    }

    fn result(&self, rule: &str, level: &str, message: String, loc: Value, key: &str) -> Value {
        let mut r = json!({
            "ruleId": rule,
            "level": level,
            "message": { "text": message },
            "locations": [loc],
            "partialFingerprints": { "profilecheck/v1": fingerprint(key) },
        });
        if let Some(i) = self.index.get(rule) {
            r["ruleIndex"] = json!(i);
        }
        r
    }
}

/// SARIF's names for our severities.
pub fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `photo-set` -> `PhotoSet`: SARIF's `name` is meant to read as an identifier.
pub fn pascal_case(id: &str) -> String {
    id.split(['-', '_'])
        .flat_map(|part| {
            let mut cs = part.chars();
            cs.next().into_iter().flat_map(char::to_uppercase).chain(cs)
        })
        .collect()
}

/// The file as given on the command line, as a URI reference: a relative
/// path stays relative (code scanning resolves it against the checkout), an
/// absolute one becomes a `file:` URI; backslashes become slashes and every
/// byte that is not unreserved is percent-encoded (spaces, `#`, `%`, non-ASCII…).
pub fn file_uri(file: &str) -> String {
    file_uri_bytes(file.as_bytes())
}

/// [`file_uri`] of a file name's raw bytes, which need not be UTF-8: each
/// byte is percent-encoded as it is, so the URI names the very file.
pub fn file_uri_bytes(file: &[u8]) -> String {
    let path: Vec<u8> = file.iter().map(|&b| if b == b'\\' { b'/' } else { b }).collect();
    let b = path.as_slice();
    let drive = b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/';
    let (prefix, keep, rest): (&str, &[u8], &[u8]) = if drive {
        ("file:///", &b[..2], &b[2..])
    } else if b.starts_with(b"/") {
        ("file://", b"", b)
    } else {
        let mut rest = b;
        while let Some(r) = rest.strip_prefix(b"./") {
            rest = r;
        }
        ("", b"", rest)
    };
    let mut out = String::with_capacity(prefix.len() + path.len());
    out.push_str(prefix);
    out.extend(keep.iter().map(|&c| c as char));
    for &byte in rest {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The URI of a profile's file, from its raw name when that is not UTF-8.
fn uri_of(p: &ProfileReport) -> String {
    match &p.file_bytes {
        Some(raw) => file_uri_bytes(raw),
        None => file_uri(&p.file),
    }
}

/// A stable key for a result, so code scanning follows an alert across runs
/// even when lines move: FNV-1a (64 bits) of the parts, in hex.
pub fn fingerprint(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn location(uri: &str, line: u32, column: u32) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": { "startLine": line.max(1), "startColumn": column.max(1) },
        }
    })
}

/// SARIF messages are sentences: end them with a full stop if they do not
/// already end with punctuation.
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    match t.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…') => t.to_owned(),
        Some(_) => format!("{t}."),
    }
}

/// Pack text for `help.markdown`: the one Markdown escaping of the program.
fn md_escape(s: &str) -> String {
    crate::i18n::markdown_inline(s)
}

fn rule_descriptor(rule: &Rule, lang: Lang) -> Value {
    let title = rule.title.get(lang);
    let why = rule.why.get(lang);
    let steps = rule.fix.get(lang);
    let full = if why.is_empty() { title } else { why };
    let (help_text, help_md) = if steps.is_empty() {
        (sentence(full), md_escape(&sentence(full)))
    } else {
        let text: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1))
            .collect();
        let md: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, md_escape(s)))
            .collect();
        let md = if why.is_empty() {
            md.join("\n")
        } else {
            format!("{}\n\n{}", md_escape(&sentence(why)), md.join("\n"))
        };
        (text.join("\n"), md)
    };
    let mut tags = vec![json!(rule.pack)];
    if let Some(step) = rule.step {
        tags.push(json!(format!("step-{step}")));
    }
    let mut d = json!({
        "id": rule.id,
        "shortDescription": { "text": sentence(title) },
        "fullDescription": { "text": sentence(full) },
        "help": { "text": help_text, "markdown": help_md },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "pack": rule.pack, "step": rule.step, "tags": tags },
    });
    // The validator (SARIF1001) wants `name` to differ from `id`, even by
    // more than case: a one-word id such as `keywords` gets no name.
    let name = pascal_case(&rule.id);
    if !name.eq_ignore_ascii_case(&rule.id) {
        d["name"] = json!(name);
    }
    d
}

/// Serialise `v` pretty-printed, every line after the first indented by
/// `indent` spaces (the caller places the first); JSON strings never hold a
/// raw newline, so this cannot touch a value.
fn write_indented(w: &mut dyn Write, v: &Value, indent: usize) -> io::Result<()> {
    let text = super::json::to_string_pretty(v).map_err(io::Error::other)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            w.write_all(b"\n")?;
            w.write_all(pad.as_bytes())?;
        }
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn notification(uri: &str, item: &ErrorItem, level: &str) -> Value {
    json!({
        "level": level,
        "message": { "text": sentence(&item.message) },
        "locations": [location(uri, item.line, item.column)],
    })
}

impl Reporter for Sarif<'_> {
    fn baseline(&mut self, progress: &super::baseline::Progress) {
        self.progress = Some(progress.clone());
    }

    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.ctx.lang;
        let rules: Vec<Value> = self.ctx.rules.rules.iter().map(|r| rule_descriptor(r, lang)).collect();
        let mut driver = json!({
            "name": "profilecheck",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        // Cargo sets these to "" when the manifest has none.
        let info = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")];
        if let Some(uri) = info.into_iter().find(|u| !u.is_empty()) {
            driver["informationUri"] = json!(uri);
        }
        w.write_all(
            b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": ",
        )?;
        write_indented(w, &driver, 8)?;
        write!(
            w,
            "\n      }},\n      \"language\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            json!(lang.code())
        )
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let lang = p.lang;
        if p.is_invalid() {
            self.invalid = true;
            for e in &p.errors {
                self.notifications.push(notification(&uri_of(p), e, "error"));
            }
        }
        for e in &p.warnings {
            self.notifications.push(notification(&uri_of(p), e, "warning"));
        }
        let progress = self.progress.take();
        for (i, f) in p.findings.iter().enumerate() {
            let text = format!(
                "{} — {}",
                f.title.trim_end_matches('.'),
                sentence(&f.message_with_path())
            );
            let key = format!("{}\u{0}{}\u{0}{}", f.rule, p.file, f.path);
            let mut r = self.result(
                &f.rule,
                level(f.severity),
                text,
                location(&uri_of(p), f.line, f.column),
                &key,
            );
            if let Some(state) = progress.as_ref().and_then(|pr| pr.states.get(i)) {
                r["baselineState"] = json!(state.sarif());
            }
            self.write_result(&r, w)?;
        }
        // A finding of the baseline that is gone: SARIF's `absent` result,
        // where the baseline saw it.
        for old in progress.iter().flat_map(|pr| &pr.fixed) {
            let text = format!("{} — {}", old.title.trim_end_matches('.'), sentence(&old.message));
            let key = format!("{}\u{0}{}\u{0}{}", old.rule, p.file, old.path);
            let loc = location(&uri_of(p), old.line.max(1), old.column.max(1));
            let mut r = self.result(&old.rule, level(old.severity()), text, loc, &key);
            r["baselineState"] = json!("absent");
            self.write_result(&r, w)?;
        }
        for wv in &p.waived {
            // A waiver has no position of its own in the report: the result
            // points at the file's start, and the suppression carries the reason.
            let rule = self.ctx.rules.get(&wv.rule);
            let title = rule.map_or(wv.rule.as_str(), |r| r.title.get(lang));
            let sev = rule.map_or(Severity::Warning, |r| r.severity);
            let text = format!(
                "{} — {}{} {}",
                title.trim_end_matches('.'),
                t!(lang, "report-waived-word"),
                lang.colon(),
                sentence(&wv.reason)
            );
            let key = format!("{}\u{0}{}\u{0}waivers.{}", wv.rule, p.file, wv.rule);
            let mut r = self.result(&wv.rule, level(sev), text, location(&uri_of(p), 1, 1), &key);
            r["suppressions"] = json!([{
                "kind": "inSource",
                "status": "accepted",
                "justification": wv.reason,
            }]);
            self.write_result(&r, w)?;
        }
        Ok(())
    }

    fn end(&mut self, _s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            w.write_all(b"\n      ")?;
        }
        // A pack or config that could not be used means the run did not do
        // what was asked (exit 2): never a green run (docs/formats.md).
        let config: Vec<Value> = self
            .ctx
            .problems
            .iter()
            .map(|p| {
                let item = ErrorItem {
                    line: p.line,
                    column: p.column,
                    message: p.message.clone(),
                };
                // A URI like every other location: a pack named by an
                // absolute path is a `file:` URI, not a rooted reference.
                notification(&file_uri(&p.file), &item, "error")
            })
            .collect();
        let mut invocation = json!({
            "executionSuccessful": !self.invalid && config.is_empty(),
            "toolExecutionNotifications": std::mem::take(&mut self.notifications),
        });
        if !config.is_empty() {
            invocation["toolConfigurationNotifications"] = json!(config);
        }
        w.write_all(b"],\n      \"invocations\": [\n        ")?;
        write_indented(w, &invocation, 8)?;
        w.write_all(b"\n      ]\n    }\n  ]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_or_file_and_encoded() {
        assert_eq!(file_uri("examples/jeanne.yaml"), "examples/jeanne.yaml");
        assert_eq!(file_uri("./a b/c#d%.yaml"), "a%20b/c%23d%25.yaml");
        assert_eq!(file_uri("dir\\x.yaml"), "dir/x.yaml");
        assert_eq!(file_uri("/tmp/é.yaml"), "file:///tmp/%C3%A9.yaml");
        assert_eq!(file_uri("C:\\p\\x.yaml"), "file:///C:/p/x.yaml");
        // A colon in a relative path must not read as a scheme.
        assert_eq!(file_uri("a:b.yaml"), "a%3Ab.yaml");
    }

    #[test]
    fn names_and_fingerprints() {
        assert_eq!(pascal_case("alternate-name-shown"), "AlternateNameShown");
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_ne!(fingerprint("a\u{0}b"), fingerprint("ab\u{0}"));
    }
}
