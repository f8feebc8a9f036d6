//! Completion: the keys valid at the cursor, enum values, `true`/`false`,
//! rule ids inside `waivers:` and a config's `severity:`.
//!
//! The context is read from the text (indentation and `key:` lines above
//! the cursor), not from the YAML tree: while a line is being typed the
//! document is often not valid YAML.

use super::check::Kind;
use super::markup::Markup;
use super::view::DocView;
use crate::i18n::Lang;
use crate::profile::schema::{self, Field};
use lsp_types::{Position, Range};
use serde_json::{Value, json};

const PROPERTY: u32 = 10;
const VALUE: u32 = 12;
const ENUM_MEMBER: u32 = 20;

/// Where the cursor is: on a key (in the mapping at `path`) or on the value of `key`.
#[derive(Debug, PartialEq)]
pub(crate) enum Slot {
    Key { path: Vec<String> },
    Value { path: Vec<String>, key: String },
}

/// Indentation of a line's key, after any `- ` list markers, and the rest of the line.
fn key_indent(line: &str) -> (usize, &str) {
    let mut indent = line.len() - line.trim_start_matches(' ').len();
    let mut rest = &line[indent..];
    while let Some(r) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
        let spaces = r.len() - r.trim_start_matches(' ').len();
        indent += 2 + spaces;
        rest = r.trim_start_matches(' ');
    }
    (indent, rest)
}

/// The key of a `key:` line that opens a block (nothing after the colon but a comment).
fn block_key(rest: &str) -> Option<&str> {
    let (key, after) = rest.split_once(':')?;
    let after = after.trim();
    (after.is_empty() || after.starts_with('#')).then(|| key.trim().trim_matches(['"', '\'']))
}

/// The slot at the cursor, given the lines above and the current line up to the token being typed.
pub(crate) fn slot(above: &[&str], before: &str) -> Slot {
    let (indent, rest) = key_indent(before);
    let mut path = Vec::new();
    let mut level = indent;
    for line in above.iter().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || level == 0 {
            continue;
        }
        let (ki, r) = key_indent(line);
        let li = line.len() - trimmed.len();
        if li < level && ki >= level {
            // `- key: ...` opening the list item the cursor is in: a sibling.
            continue;
        }
        if ki < level {
            match block_key(r) {
                Some(k) => {
                    path.push(k.to_owned());
                    level = li;
                }
                // A line less indented with a value of its own ends the search.
                None => break,
            }
        }
    }
    path.reverse();
    // The key of the value being typed: the last `key:` before the cursor,
    // so `check: {path: ` is the value of `path`.
    match rest.rfind(':') {
        Some(colon) => Slot::Value {
            path,
            key: rest[..colon]
                .rsplit(['{', ',', ' '])
                .next()
                .unwrap_or("")
                .trim_matches(['"', '\''])
                .to_owned(),
        },
        None => Slot::Key { path },
    }
}

/// The keys already written in the mapping the cursor's line belongs to
/// (same indentation, same list item), so completion does not offer a
/// duplicate key.
pub(crate) fn siblings(above: &[&str], below: &[&str], indent: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |line: &str, up: bool| -> bool {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return true;
        }
        let (ki, rest) = key_indent(line);
        let li = line.len() - trimmed.len();
        if ki < indent || (li < indent && !up) {
            return false; // the parent, or the next list item
        }
        if ki == indent
            && let Some((k, _)) = rest.split_once(':')
        {
            out.push(k.trim().trim_matches(['"', '\'']).to_owned());
        }
        // Scanning up, the `- key:` line opens the item: nothing above it is a sibling.
        !(up && li < indent)
    };
    for line in above.iter().rev() {
        if !take(line, true) {
            break;
        }
    }
    for line in below {
        if !take(line, false) {
            break;
        }
    }
    out
}

/// Every dotted path of the profile format (list items are transparent,
/// as in rule paths), with its field.
fn profile_paths(fields: &'static [Field], prefix: &str, out: &mut Vec<(String, &'static Field)>) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.key.to_owned()
        } else {
            format!("{prefix}.{}", f.key)
        };
        out.push((path.clone(), f));
        match f.kind {
            schema::Kind::Obj(fs) => profile_paths(fs, &path, out),
            schema::Kind::List(schema::Kind::Obj(fs)) => profile_paths(fs, &path, out),
            _ => {}
        }
    }
}

/// The fields of the mapping at `path` in a profile, or `None` past the format.
fn fields_at(path: &[String]) -> Option<&'static [Field]> {
    if path.is_empty() {
        return Some(schema::PROFILE);
    }
    match schema::field_at(&path.join("."))?.kind {
        schema::Kind::Obj(fs) => Some(fs),
        schema::Kind::List(schema::Kind::Obj(fs)) => Some(fs),
        _ => None,
    }
}

struct Items {
    range: Range,
    items: Vec<Value>,
    /// The client reads Markdown in documentation (else plain text).
    markdown: bool,
}

impl Items {
    fn add(&mut self, label: &str, insert: String, kind: u32, doc: Option<String>) {
        let mut item = json!({
            "label": label,
            "kind": kind,
            "textEdit": {"range": self.range, "newText": insert},
            "filterText": label,
        });
        if let Some(d) = doc {
            item["documentation"] = if self.markdown {
                json!({"kind": "markdown", "value": d})
            } else {
                json!(d)
            };
        }
        self.items.push(item);
    }

    /// A documentation text in the form the client reads.
    fn doc(&self) -> Markup {
        Markup::new(self.markdown)
    }

    /// A field's documentation: what it means and the values it takes.
    fn field_doc(&self, f: &Field, lang: Lang) -> String {
        let mut m = self.doc();
        m.spans(&f.describe(lang)).raw("\n\n");
        m.spans(&crate::workshop::template::allowed(&f.kind, lang));
        m.finish()
    }

    fn values(&mut self, values: &[&str]) {
        for v in values {
            self.add(v, v.to_string(), ENUM_MEMBER, None);
        }
    }

    fn rule_ids(&mut self, view: &DocView<'_>, lang: Lang) {
        for id in &view.rules.rules.known {
            // A rule the config turns off can still be waived or set.
            let rule = view
                .rules
                .rules
                .get(id)
                .or_else(|| view.rules.rules.off.iter().find(|r| r.id == *id));
            let doc = rule.map(|r| self.doc().text(r.title.get(lang)).finish());
            self.add(id, format!("{id}: "), VALUE, doc);
        }
    }
}

pub(crate) fn complete(view: &DocView<'_>, at: Position, markdown: bool) -> Vec<Value> {
    let lines = &view.lines;
    let i = at.line as usize;
    if i >= lines.count() {
        return Vec::new();
    }
    let line = lines.line(i);
    let line_start = lines.offset_of(Position::new(at.line, 0));
    let cursor = lines.offset_of(at) - line_start;
    let before = &line[..cursor];
    // The token being typed: back to a blank, a colon, a bracket or a quote.
    let token_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ' ' | '\t' | ':' | '{' | '[' | ',' | '"' | '\''))
        .map_or(0, |(b, c)| b + c.len_utf8());
    let above: Vec<&str> = (0..i).map(|j| lines.line(j)).collect();
    let slot = slot(&above, &before[..token_start]);
    let mut items = Items {
        range: Range::new(
            lines.position(line_start + token_start),
            lines.position(line_start + cursor),
        ),
        items: Vec::new(),
        markdown,
    };
    let lang = view.lang;
    match (view.kind, slot) {
        (Kind::Profile, Slot::Key { path }) if path == ["waivers"] => items.rule_ids(view, lang),
        (Kind::Profile, Slot::Key { path }) => {
            let below: Vec<&str> = (i + 1..lines.count()).map(|j| lines.line(j)).collect();
            let present = siblings(&above, &below, key_indent(&before[..token_start]).0);
            for f in fields_at(&path).unwrap_or_default() {
                if present.iter().any(|k| k == f.key) {
                    continue;
                }
                let insert = if f.kind.is_scalar() || matches!(f.kind, schema::Kind::List(k) if k.is_scalar()) {
                    format!("{}: ", f.key)
                } else {
                    format!("{}:", f.key)
                };
                let doc = items.field_doc(f, lang);
                items.add(f.key, insert, PROPERTY, Some(doc));
            }
        }
        (Kind::Profile, Slot::Value { path, key }) => {
            let kind = fields_at(&path)
                .and_then(|fs| fs.iter().find(|f| f.key == key))
                .map(|f| f.kind);
            match kind {
                Some(schema::Kind::Enum(values)) => items.values(values),
                Some(schema::Kind::Bool) => items.values(&["true", "false"]),
                _ => {}
            }
        }
        (Kind::Config, Slot::Key { path }) if path.is_empty() => {
            for k in ["lang", "packs", "rules", "severity", "fail_on"] {
                items.add(k, format!("{k}:"), PROPERTY, None);
            }
        }
        (Kind::Config, Slot::Key { path }) if path == ["severity"] => items.rule_ids(view, lang),
        (Kind::Config, Slot::Key { path }) if path == ["packs"] => {
            items.values(&crate::rules::pack::BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>())
        }
        (Kind::Config, Slot::Value { path, key }) => match (path.as_slice(), key.as_str()) {
            ([], "lang") => items.values(schema::LANGS),
            ([], "fail_on") => items.values(&["error", "warning", "info", "never"]),
            ([], "packs") => items.values(&crate::rules::pack::BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>()),
            ([s], _) if s == "severity" => items.values(&["error", "warning", "info", "off"]),
            _ => {}
        },
        (Kind::Pack, Slot::Value { key, .. }) if key == "severity" => items.values(&["error", "warning", "info"]),
        // A condition's path (or an `each`/`some` list): every path of the format.
        (Kind::Pack, Slot::Value { key, .. }) if matches!(key.as_str(), "path" | "each" | "some") => {
            let mut paths = Vec::new();
            profile_paths(schema::PROFILE, "", &mut paths);
            for (path, field) in paths {
                let doc = items.field_doc(field, lang);
                items.add(&path, path.clone(), VALUE, Some(doc));
            }
        }
        _ => {}
    }
    items.items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot_of(text: &str) -> Slot {
        let lines: Vec<&str> = text.split('\n').collect();
        let (last, above) = lines.split_last().unwrap();
        slot(above, last)
    }

    #[test]
    fn the_slot_follows_indentation_and_list_items() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(slot_of("photo:\n  set: true\n  "), Slot::Key { path: p(&["photo"]) });
        assert_eq!(
            slot_of("photo:\n  kind: "),
            Slot::Value {
                path: p(&["photo"]),
                key: "kind".into()
            }
        );
        assert_eq!(
            slot_of("about:\n  work:\n    - employer: A\n      "),
            Slot::Key {
                path: p(&["about", "work"])
            }
        );
        assert_eq!(
            slot_of("contact:\n  links:\n    - "),
            Slot::Key {
                path: p(&["contact", "links"])
            }
        );
        assert_eq!(
            slot_of("name: x\n# a comment\nwaivers:\n\n  "),
            Slot::Key { path: p(&["waivers"]) }
        );
        assert_eq!(slot_of("photo:\n  set: true\n"), Slot::Key { path: vec![] });
        assert_eq!(
            slot_of("rules:\n  - id: a\n    check: {path: "),
            Slot::Value {
                path: p(&["rules"]),
                key: "path".into()
            }
        );
    }

    #[test]
    fn keys_already_in_the_mapping_are_siblings_and_other_items_are_not() {
        let text = "photo:\n  set: true\n  \n  # kind: later\n  cover: false\nabout:\n  bio: x\n";
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(siblings(&lines[..2], &lines[3..], 2), ["set", "cover"]);
        let text = "links:\n  - network: x\n    url: u\n  - network: y\n    \n  - url: z\n";
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(siblings(&lines[..4], &lines[5..], 4), ["network"]);
    }
}
