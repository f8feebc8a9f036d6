//! Reading a profile: bytes -> YAML tree -> checked against the format.
//!
//! A valid profile keeps its YAML tree: rules read values by path from it,
//! and findings point at the positions it carries.

pub mod diag;
pub(crate) mod digest;
pub mod jsonschema;
pub mod schema;
pub mod yaml;

use crate::i18n::Lang;
use crate::i18n::catalog::msg;
use crate::profile::diag::{Diagnostic, Msg, from_yaml};
use schema::{Field, Kind};
use yaml::{Key, Node, Pos, Value};

/// A profile that passed format validation.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The YAML tree, with the position of every key and value.
    pub root: Node,
    /// The profile's `name`, if given.
    pub name: Option<String>,
    /// The profile's `lang`, if given: the language of its report.
    pub lang: Option<Lang>,
    /// Waived rule ids with their reasons and where they were written.
    pub waivers: Vec<Waiver>,
    /// Warnings about the text that do not make it invalid: a hashtag that
    /// YAML read as a comment (`keywords: #coaching`).
    pub notes: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
/// A rule the profile deliberately does not follow.
pub struct Waiver {
    /// The waived rule's id.
    pub rule: String,
    /// Why, in the author's words (required).
    pub reason: String,
    /// Where the waiver is written.
    pub pos: Pos,
}

/// Parse and validate a profile; on failure, every problem found.
pub fn parse(bytes: &[u8]) -> Result<Profile, Vec<Diagnostic>> {
    let text = yaml::decode(bytes).map_err(|e| vec![from_yaml(e)])?;
    let root = yaml::parse(text).map_err(|e| vec![hashtag_error(text, from_yaml(e))])?;
    let mut problems = Vec::new();
    match &root.value {
        Value::Null => {}
        Value::Map(_) => check_obj(&root, schema::PROFILE, &mut String::new(), &mut problems),
        other => problems.push(Diagnostic::error(root.pos, Msg::NotMapping { found: other.kind() })),
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| d.pos);
        return Err(problems);
    }
    let name = root.get("name").and_then(|n| n.as_str()).map(str::to_owned);
    let lang = root.get("lang").and_then(|n| n.as_str()).and_then(Lang::parse);
    let mut waivers = Vec::new();
    if let Some(Node {
        value: Value::Map(entries),
        ..
    }) = root.get("waivers")
    {
        for (k, v) in entries {
            waivers.push(Waiver {
                rule: k.name.clone(),
                reason: v.as_str().unwrap_or("").to_owned(),
                pos: k.pos,
            });
        }
    }
    Ok(Profile {
        root,
        name,
        lang,
        waivers,
        notes: hashtag_comments(text),
    })
}

/// The message for a hashtag that YAML takes for a comment.
fn hashtag_msg(tag: &str) -> Msg {
    msg!("diag-hashtag-comment", tag = diag::excerpt(tag)).into()
}

/// The hashtag starting at byte `at` of `line`, if `#` is followed by a letter or digit.
fn hashtag_at(line: &str, at: usize) -> Option<&str> {
    let rest = line.get(at..)?.strip_prefix('#')?;
    if !rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
        .unwrap_or(rest.len());
    Some(&line[at..at + 1 + end])
}

/// `keywords: [#a, #b]` is a YAML syntax error ("comments must be separated
/// from other tokens by whitespace"): say what it really is, the most likely
/// mistake in this domain (issue 9).
fn hashtag_error(text: &str, d: Diagnostic) -> Diagnostic {
    let Msg::Syntax(m) = &d.msg else { return d };
    if !m.contains("comment") {
        return d;
    }
    let Some(line) = text.lines().nth(d.pos.line.saturating_sub(1) as usize) else {
        return d;
    };
    // The parser points at or just after the `#`: take the nearest hashtag.
    let col = line
        .char_indices()
        .nth(d.pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let found = line
        .match_indices('#')
        .map(|(i, _)| i)
        .filter(|&i| hashtag_at(line, i).is_some())
        .min_by_key(|&i| i.abs_diff(col));
    match found.and_then(|i| hashtag_at(line, i).map(|t| (i, t))) {
        Some((i, tag)) => Diagnostic::error(
            Pos {
                line: d.pos.line,
                col: line[..i].chars().count() as u32 + 1,
            },
            hashtag_msg(tag),
        ),
        None => d,
    }
}

/// `keywords: #a` is valid YAML with an empty value: warn at the comment
/// when a key or a list item has nothing before a `#hashtag` and nothing
/// nested below it.
fn hashtag_comments(text: &str) -> Vec<Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        // Most lines hold no `#` at all: one byte search, then the next line.
        if !line.contains('#') {
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        // After `key:` or `- ` with only spaces before the `#`.
        let after = if let Some(rest) = trimmed.strip_prefix("- ") {
            Some(line.len() - rest.len())
        } else {
            trimmed
                .find(": ")
                .filter(|&i| !trimmed[..i].contains(['"', '\'', '#', '[', '{']))
                .map(|i| line.len() - trimmed.len() + i + 2)
        };
        let Some(start) = after else { continue };
        let rest = &line[start..];
        let at = start + (rest.len() - rest.trim_start().len());
        let Some(tag) = hashtag_at(line, at) else { continue };
        // A block nested below the key is its value: the `#` is a real comment.
        let next = lines[n + 1..]
            .iter()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if next.is_some_and(|l| {
            indent(l) > indent(line)
                || (l.trim_start().starts_with("- ") && indent(l) == indent(line) && !trimmed.starts_with("- "))
        }) {
            continue;
        }
        out.push(Diagnostic::warning(
            Pos {
                line: n as u32 + 1,
                col: line[..at].chars().count() as u32 + 1,
            },
            hashtag_msg(tag),
        ));
    }
    out
}

/// `path` is where `node` sits (`contact.links[1]`), grown and cut back as
/// the check goes down and up: one string per profile, not one per key.
fn check_obj(node: &Node, fields: &'static [Field], path: &mut String, out: &mut Vec<Diagnostic>) {
    let Value::Map(entries) = &node.value else { return };
    let len = path.len();
    for (key, value) in entries {
        if !key.is_scalar {
            out.push(Diagnostic::error(key.pos, Msg::ComplexKey));
            continue;
        }
        match fields.iter().find(|f| f.key == key.name) {
            Some(field) => {
                if len > 0 {
                    path.push('.');
                }
                path.push_str(&key.name);
                check_value(value, field, path, out);
                path.truncate(len);
            }
            None => out.push(unknown_key(key, fields)),
        }
    }
}

fn unknown_key(key: &Key, fields: &[Field]) -> Diagnostic {
    Diagnostic::unknown_key(key, fields.iter().map(|f| f.key), true)
}

/// How a scalar was written, for messages.
fn shown(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Seq(_) => "a list".into(),
        Value::Map(_) => "a mapping".into(),
    }
}

/// A list or mapping by its kind (worded by `diag-found`), a scalar as written.
fn found_word(v: &Value) -> String {
    match v {
        Value::Seq(_) | Value::Map(_) | Value::Null => v.kind().to_owned(),
        other => shown(other),
    }
}

fn wrong_type(kind: &Kind, node: &Node) -> Diagnostic {
    let found = shown(&node.value);
    let msg = if matches!(node.value, Value::Seq(_) | Value::Map(_)) {
        msg!(
            "diag-wrong-type-composite",
            expected = kind.name(),
            found = node.value.kind()
        )
        .into()
    } else if *kind == Kind::Str {
        msg!("diag-expected-text", found = found).into()
    } else {
        Msg::WrongType {
            expected: kind.name(),
            found,
        }
    };
    Diagnostic::error(node.pos, msg)
}

fn check_value(node: &Node, field: &Field, path: &mut String, out: &mut Vec<Diagnostic>) {
    // A key with no value is the same as a missing key, so half-filled templates lint.
    if node.value == Value::Null {
        return;
    }
    check_kind(node, &field.kind, path, out);
}

fn check_kind(node: &Node, kind: &Kind, path: &mut String, out: &mut Vec<Diagnostic>) {
    match (kind, &node.value) {
        // Only list items get here with no value (a field with none is missing).
        (k, Value::Null) if *k != Kind::Free => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-empty-list-item", path = path.as_str()).into(),
        )),
        (Kind::Free, _) => {
            if !matches!(node.value, Value::Map(_) | Value::Null) {
                out.push(wrong_type(&Kind::Obj(&[]), node));
            }
        }
        (Kind::Bool, Value::Bool(_)) => {}
        // `"true"` in quotes is text; saying "`true` is not a boolean" would read as nonsense.
        (Kind::Bool, Value::Str(s)) if s == "true" || s == "false" => {
            out.push(Diagnostic::error(node.pos, msg!("diag-quoted-bool", value = s).into()))
        }
        (Kind::Bool, Value::Str(s)) => out.push(Diagnostic::error(node.pos, Msg::ExpectedBool { found: s.clone() })),
        (Kind::Bool, Value::Int(i)) if *i == 0 || *i == 1 => {
            out.push(Diagnostic::error(node.pos, Msg::ExpectedBool { found: i.to_string() }))
        }
        (Kind::Int { min }, Value::Int(i)) => {
            if path == "version" && *i != schema::FORMAT_VERSION {
                out.push(Diagnostic::error(node.pos, Msg::Version { found: i.to_string() }));
            } else if min.is_some_and(|m| *i < m) {
                out.push(Diagnostic::error(node.pos, Msg::Negative { key: path.to_owned() }));
            }
        }
        // `version: 1.0` is the number 1, as for any whole-number field.
        (Kind::Int { .. }, Value::Float(x)) if path == "version" && *x == schema::FORMAT_VERSION as f64 => {}
        (Kind::Int { .. }, Value::Str(v)) if path == "version" && v.trim() == schema::FORMAT_VERSION.to_string() => {
            out.push(Diagnostic::error(node.pos, msg!("diag-version-quoted").into()))
        }
        (Kind::Int { .. }, _) if path == "version" => out.push(Diagnostic::error(
            node.pos,
            Msg::Version {
                found: shown(&node.value).trim_matches('"').to_owned(),
            },
        )),
        (Kind::Int { .. }, Value::Float(x)) if x.fract() != 0.0 || !x.is_finite() => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-not-whole", found = x.to_string()).into(),
        )),
        (Kind::Int { min }, Value::Float(x)) => {
            if min.is_some_and(|m| *x < m as f64) {
                out.push(Diagnostic::error(node.pos, Msg::Negative { key: path.to_owned() }));
            }
        }
        (Kind::Number { min }, Value::Int(i)) => {
            if min.is_some_and(|m| (*i as f64) < m) {
                out.push(Diagnostic::error(node.pos, Msg::Negative { key: path.to_owned() }));
            }
        }
        (Kind::Number { min }, Value::Float(x)) => {
            if !x.is_finite() {
                out.push(wrong_type(kind, node));
            } else if min.is_some_and(|m| *x < m) {
                out.push(Diagnostic::error(node.pos, Msg::Negative { key: path.to_owned() }));
            }
        }
        (Kind::Str, Value::Str(_)) => {}
        (Kind::Enum(allowed), Value::Str(s)) => {
            if !allowed.contains(&s.as_str()) {
                out.push(Diagnostic::error(
                    node.pos,
                    Msg::BadEnum {
                        value: s.clone(),
                        allowed: allowed.iter().map(|s| s.to_string()).collect(),
                    },
                ));
            }
        }
        (Kind::List(item), Value::Seq(items)) => {
            let len = path.len();
            for (i, it) in items.iter().enumerate() {
                use std::fmt::Write;
                let _ = write!(path, "[{i}]");
                check_kind(it, item, path, out);
                path.truncate(len);
            }
        }
        (Kind::Obj(fields), Value::Map(_)) => check_obj(node, fields, path, out),
        (Kind::Waivers, Value::Map(entries)) => {
            for (k, v) in entries {
                if !k.is_scalar {
                    out.push(Diagnostic::error(k.pos, Msg::ComplexKey));
                } else if !matches!(v.value, Value::Str(_)) {
                    out.push(Diagnostic::error(
                        if v.value == Value::Null { k.pos } else { v.pos },
                        msg!("diag-waiver-reason").into(),
                    ));
                }
            }
        }
        (Kind::Obj(_) | Kind::Waivers, other) => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-not-mapping", path = path.as_str(), found = found_word(other)).into(),
        )),
        (Kind::List(_), other) => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-not-list", path = path.as_str(), found = found_word(other)).into(),
        )),
        _ => out.push(wrong_type(kind, node)),
    }
}
