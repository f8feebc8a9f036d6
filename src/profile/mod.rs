//! Reading a profile: bytes -> YAML tree -> checked against the format.
//!
//! A valid profile keeps its YAML tree: rules read values by path from it,
//! and findings point at the positions it carries.

pub mod diag;
pub(crate) mod digest;
pub mod fix;
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
        Value::Map(_) => check_obj(&root, schema::PROFILE, "", &mut problems),
        other => problems.push(Diagnostic::error(root.pos, Msg::NotMapping { found: other.kind() })),
    }
    if !problems.is_empty() {
        for d in &mut problems {
            place_empty_item(text, d);
        }
        problems.sort_by_key(|d| d.pos);
        return Err(problems);
    }
    Ok(profile_of(root, text))
}

/// A profile from a tree that passed (or was pruned to pass) validation.
fn profile_of(root: Node, text: &str) -> Profile {
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
    Profile {
        root,
        name,
        lang,
        waivers,
        notes: hashtag_comments(text),
    }
}

/// What kind of value a field wanted, for a page that words a field error
/// in its own way (no key path, no YAML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldProblem {
    /// A key the format does not know at that place.
    Unknown,
    /// A number below the field's minimum (a negative count).
    BelowMin,
    /// A decimal where a whole number is wanted.
    NotWhole,
    /// Not a number at all.
    Number,
    /// Not yes or no.
    YesNo,
    /// Not one of the field's choices.
    Choice,
    /// Not text.
    Text,
    /// Not a list, or a list item that is wrong.
    List,
    /// Anything else (a group that is not a mapping, a bad waiver, the version).
    Other,
}

impl FieldProblem {
    /// A stable name, for JSON.
    pub(crate) fn code(self) -> &'static str {
        match self {
            FieldProblem::Unknown => "unknown",
            FieldProblem::BelowMin => "below-min",
            FieldProblem::NotWhole => "not-whole",
            FieldProblem::Number => "number",
            FieldProblem::YesNo => "yes-no",
            FieldProblem::Choice => "choice",
            FieldProblem::Text => "text",
            FieldProblem::List => "list",
            FieldProblem::Other => "other",
        }
    }
}

/// One value the lenient read left out, with why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldError {
    /// The field's path in the format (`publishing.posts_per_month`,
    /// `about.work[0].title`).
    pub path: String,
    /// What kind of value was wanted.
    pub problem: FieldProblem,
    /// The same problem as the strict read reports it.
    pub diag: Diagnostic,
}

/// The lenient read (for the workshop page and the language server): a
/// profile whose text is YAML and whose root is a mapping is always read;
/// each value that fails the format is left out of the tree and reported as
/// a [`FieldError`], so every rule can still run on the rest. A text that is
/// not YAML at all fails as with [`parse`].
pub(crate) fn parse_lenient(bytes: &[u8]) -> Result<(Profile, Vec<FieldError>), Vec<Diagnostic>> {
    let text = yaml::decode(bytes).map_err(|e| vec![from_yaml(e)])?;
    let mut root = yaml::parse(text).map_err(|e| vec![hashtag_error(text, from_yaml(e))])?;
    let mut errors = Vec::new();
    match &root.value {
        Value::Null => {}
        Value::Map(_) => prune_obj(&mut root, schema::PROFILE, "", &mut errors),
        other => {
            return Err(vec![Diagnostic::error(
                root.pos,
                Msg::NotMapping { found: other.kind() },
            )]);
        }
    }
    errors.sort_by_key(|e| e.diag.pos);
    Ok((profile_of(root, text), errors))
}

/// Drop the entries of a mapping that fail the format, recording why.
fn prune_obj(node: &mut Node, fields: &'static [Field], prefix: &str, out: &mut Vec<FieldError>) {
    let Value::Map(entries) = &mut node.value else { return };
    entries.retain_mut(|(key, value)| {
        let path = join(prefix, &key.name);
        let found = key
            .is_scalar
            .then(|| fields.iter().find(|f| f.key == key.name))
            .flatten();
        match found {
            Some(field) => value.value == Value::Null || prune_kind(value, &field.kind, &path, out),
            None => {
                let diag = if key.is_scalar {
                    unknown_key(key, fields)
                } else {
                    Diagnostic::error(key.pos, Msg::ComplexKey)
                };
                out.push(FieldError {
                    path,
                    problem: FieldProblem::Unknown,
                    diag,
                });
                false
            }
        }
    });
}

/// Whether `node` may stay: mappings and lists are pruned inside, any other
/// value stays only when the strict check finds nothing wrong with it.
fn prune_kind(node: &mut Node, kind: &Kind, path: &str, out: &mut Vec<FieldError>) -> bool {
    match (kind, &mut node.value) {
        (Kind::Obj(fields), Value::Map(_)) => {
            prune_obj(node, fields, path, out);
            true
        }
        (Kind::List(item), Value::Seq(items)) => {
            let mut i = 0;
            items.retain_mut(|it| {
                let keep = prune_kind(it, item, &format!("{path}[{i}]"), out);
                i += 1;
                keep
            });
            true
        }
        _ => {
            let mut found = Vec::new();
            check_kind(node, kind, path, &mut found);
            let ok = found.is_empty();
            let problem = if path == "version" {
                FieldProblem::Other
            } else {
                problem_of(kind, &node.value)
            };
            out.extend(found.into_iter().map(|diag| FieldError {
                path: path.to_owned(),
                problem,
                diag,
            }));
            ok
        }
    }
}

fn problem_of(kind: &Kind, value: &Value) -> FieldProblem {
    match (kind, value) {
        (Kind::Int { .. }, Value::Float(x)) if x.is_finite() && x.fract() != 0.0 => FieldProblem::NotWhole,
        (Kind::Int { .. } | Kind::Number { .. }, Value::Int(_) | Value::Float(_)) => FieldProblem::BelowMin,
        (Kind::Int { .. } | Kind::Number { .. }, _) => FieldProblem::Number,
        (Kind::Bool, _) => FieldProblem::YesNo,
        (Kind::Enum(_), _) => FieldProblem::Choice,
        (Kind::Str, _) => FieldProblem::Text,
        (Kind::List(_), _) | (_, Value::Null) => FieldProblem::List,
        _ => FieldProblem::Other,
    }
}

/// An empty list item is reported where the parser puts its null value,
/// which may be past the end of its line (after a comment). Put it on the
/// item's `-` instead, and when the item is `- #tag`, say what happened: the
/// hashtag was read as a comment, as `keywords: [#tag]` is told.
fn place_empty_item(text: &str, d: &mut Diagnostic) {
    if !matches!(&d.msg, Msg::Text(m) if m.id() == "diag-empty-list-item") {
        return;
    }
    let Some(line) = text.lines().nth(d.pos.line.saturating_sub(1) as usize) else {
        return;
    };
    let blank = line.len() - line.trim_start().len();
    if !line[blank..].starts_with('-') {
        return;
    }
    let after = &line[blank + 1..];
    let at = blank + 1 + (after.len() - after.trim_start().len());
    let col = |byte: usize| line[..byte].chars().count() as u32 + 1;
    *d = match hashtag_at(line, at) {
        Some(tag) if at > blank + 1 => Diagnostic::error(Pos::new(d.pos.line, col(at)), hashtag_msg(tag)),
        _ => Diagnostic::error(Pos::new(d.pos.line, col(blank)), d.msg.clone()),
    };
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

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn check_obj(node: &Node, fields: &'static [Field], prefix: &str, out: &mut Vec<Diagnostic>) {
    let Value::Map(entries) = &node.value else { return };
    for (key, value) in entries {
        if !key.is_scalar {
            out.push(Diagnostic::error(key.pos, Msg::ComplexKey));
            continue;
        }
        match fields.iter().find(|f| f.key == key.name) {
            Some(field) => check_value(value, field, &join(prefix, &key.name), out),
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

fn check_value(node: &Node, field: &Field, path: &str, out: &mut Vec<Diagnostic>) {
    // A key with no value is the same as a missing key, so half-filled templates lint.
    if node.value == Value::Null {
        return;
    }
    check_kind(node, &field.kind, path, out);
}

fn check_kind(node: &Node, kind: &Kind, path: &str, out: &mut Vec<Diagnostic>) {
    match (kind, &node.value) {
        // Only list items get here with no value (a field with none is missing).
        (k, Value::Null) if *k != Kind::Free => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-empty-list-item", path = path).into(),
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
            for (i, it) in items.iter().enumerate() {
                check_kind(it, item, &format!("{path}[{i}]"), out);
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
            msg!("diag-not-mapping", path = path, found = found_word(other)).into(),
        )),
        (Kind::List(_), other) => out.push(Diagnostic::error(
            node.pos,
            msg!("diag-not-list", path = path, found = found_word(other)).into(),
        )),
        _ => out.push(wrong_type(kind, node)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lenient(text: &str) -> (Profile, Vec<FieldError>) {
        parse_lenient(text.as_bytes()).expect("YAML mapping")
    }

    #[test]
    fn a_bad_value_is_left_out_and_the_rest_kept() {
        let text =
            "name: Sophie\npublishing:\n  posts_per_month: -3\n  editorial_line: Conseils\nphoto:\n  set: maybe\n";
        let (p, errors) = lenient(text);
        let paths: Vec<(&str, FieldProblem)> = errors.iter().map(|e| (e.path.as_str(), e.problem)).collect();
        assert_eq!(
            paths,
            [
                ("publishing.posts_per_month", FieldProblem::BelowMin),
                ("photo.set", FieldProblem::YesNo)
            ]
        );
        assert!(p.root.get("publishing").unwrap().get("posts_per_month").is_none());
        assert!(p.root.get("photo").unwrap().get("set").is_none());
        assert_eq!(p.name.as_deref(), Some("Sophie"));
        // The same problems, worded the same, as the strict read gives.
        let strict = parse(text.as_bytes()).unwrap_err();
        assert_eq!(strict, errors.iter().map(|e| e.diag.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn list_items_unknown_keys_and_kinds() {
        let text = "about:\n  work:\n    - position: 1.5\n      employer: ACME\n    - \"x\"\n  folowers: 3\nnetwork:\n  professional_contacts: 2.5\n";
        let (p, errors) = lenient(text);
        let got: Vec<(&str, FieldProblem)> = errors.iter().map(|e| (e.path.as_str(), e.problem)).collect();
        assert_eq!(
            got,
            [
                ("about.work[0].position", FieldProblem::Text),
                ("about.work[1]", FieldProblem::Other),
                ("about.folowers", FieldProblem::Unknown),
                ("network.professional_contacts", FieldProblem::NotWhole),
            ]
        );
        let work = p.root.get("about").unwrap().get("work").unwrap();
        let Value::Seq(items) = &work.value else { panic!() };
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].get("employer").unwrap().as_str(), Some("ACME"));
        assert!(items[0].get("position").is_none());
    }

    #[test]
    fn a_valid_profile_reads_the_same_both_ways() {
        let text = "name: Ann\nphoto:\n  set: true\n";
        let (p, errors) = lenient(text);
        assert!(errors.is_empty());
        assert_eq!(p.root, parse(text.as_bytes()).unwrap().root);
    }

    #[test]
    fn what_is_not_a_profile_still_fails() {
        assert!(parse_lenient(b"name: [unclosed\n").is_err());
        assert!(parse_lenient(b"- a list\n").is_err());
        assert!(parse_lenient(b"").is_ok());
    }
}
