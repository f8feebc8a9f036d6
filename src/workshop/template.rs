//! `profilecheck init`: the commented template profile, generated from the
//! format description in `schema.rs`, so that every field of the format, its
//! allowed values and its documentation appear in it and cannot drift.
//!
//! Every value is left empty (a key with no value counts as missing), so the
//! template lints as it is: findings, never a format error.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{self, Value};
use crate::workshop::write::{Ans, number, quote, write_value};
use std::fmt::Write as _;

/// Comments are wrapped to this many columns (indentation included).
const WIDTH: usize = 80;

/// The template in `lang`.
pub fn template(lang: Lang) -> String {
    filled(lang, &header(lang), &[])
}

/// A value known in advance (read from a data export): written in place of
/// the empty key, under a comment saying where it comes from. Without a
/// value, the note is a hint written above the field's usual question.
pub(crate) struct Known<'a> {
    /// Dotted path of the field (`about.work`).
    pub path: &'a str,
    pub value: Option<&'a Ans>,
    pub note: &'a str,
}

/// The template after `header`, with the `known` fields filled in. When
/// some are known, the fields left empty are asked as the interview's
/// questions, since they are what remains to answer.
pub(crate) fn filled(lang: Lang, header: &str, known: &[Known<'_>]) -> String {
    let mut out = String::new();
    out.push_str(header);
    for field in schema::PROFILE {
        // Sections stand apart; the three one-line settings at the top stay together.
        if !field.kind.is_scalar() {
            out.push('\n');
        }
        write_field(&mut out, field, "", 0, lang, known);
    }
    out
}

/// One top-level section of the template (`photo:` and its commented
/// fields), for an editor to add a missing section; `None` for an unknown key.
pub fn section(key: &str, lang: Lang) -> Option<String> {
    let field = schema::PROFILE.iter().find(|f| f.key == key)?;
    let mut out = String::new();
    write_field(&mut out, field, "", 0, lang, &[]);
    Some(out)
}

/// The opening comment block, ending with a blank line.
fn header(lang: Lang) -> String {
    let mut text = String::new();
    for line in t!(lang, "template-header").lines() {
        let line = format!("# {line}");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    // The editor's schema link must be the first line, in every language.
    format!("# yaml-language-server: $schema=profile.schema.json\n#\n{text}\n")
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

/// A space that [`comment`] never breaks a line at (turned back into a space).
const GLUE: char = '\u{1}';

/// `text` as `# ` comment lines at `indent`, wrapped at [`WIDTH`].
fn comment(out: &mut String, indent: usize, text: &str) {
    comment_with(out, indent, "", "  ", text);
}

/// Like [`comment`], with `first` after the `# ` of the first line and `cont`
/// after that of the others.
fn comment_with(out: &mut String, indent: usize, first: &str, cont: &str, text: &str) {
    let lead = format!("{}# ", pad(indent));
    // A line may break after a `|` between enum values, never before it.
    let text = text.replace(" | ", &format!("{GLUE}| "));
    let mut line = format!("{lead}{first}");
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word = word.replace(GLUE, " ");
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = format!("{lead}{cont}");
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// An example that wraps as one piece.
fn glued(s: &str) -> String {
    s.replace(' ', &GLUE.to_string())
}

/// The field's documentation with a capital letter.
fn doc(field: &Field, lang: Lang) -> String {
    let d = field.describe(lang);
    let mut chars = d.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a scalar may hold, in words: the values of an enum, `true or false`, `>= 0`.
pub(crate) fn allowed(kind: &Kind, lang: Lang) -> String {
    // `>=` reads the same in both languages and survives any terminal.
    let min = |m: Option<String>| m.map(|m| format!(" >= {m}")).unwrap_or_default();
    match kind {
        Kind::Bool => t!(lang, "allowed-bool"),
        Kind::Int { min: m } => t!(lang, "allowed-int", min = min(m.map(|m| m.to_string()))),
        Kind::Number { min: m } => t!(lang, "allowed-number", min = min(m.map(number))),
        Kind::Str => t!(lang, "allowed-text"),
        Kind::Enum(values) => t!(lang, "allowed-enum", values = values.join(" | ")),
        Kind::List(item) if **item == Kind::Str => t!(lang, "allowed-list-texts"),
        Kind::List(item) if item.is_scalar() => t!(lang, "allowed-list-values"),
        other => t!(lang, "diag-kind", expected = other.name()),
    }
}

fn example_word(lang: Lang) -> String {
    t!(lang, "template-example")
}

fn write_field(out: &mut String, field: &Field, prefix: &str, indent: usize, lang: Lang, known: &[Known<'_>]) {
    let p = pad(indent);
    let key = field.key;
    let path = if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    };
    if let Some(k) = known.iter().find(|k| k.path == path) {
        comment(out, indent, k.note);
        if let Some(value) = k.value {
            write_value(out, key, value, indent);
            return;
        }
    }
    let question = if known.is_empty() {
        None
    } else {
        crate::workshop::interview::question(&path, lang)
    };
    match field.kind {
        Kind::Obj(children) => {
            comment(out, indent, &doc(field, lang));
            let _ = writeln!(out, "{p}{key}:");
            for child in children {
                write_field(out, child, &path, indent + 2, lang, known);
            }
        }
        Kind::List(Kind::Obj(children)) => {
            let how = t!(lang, "template-list-of-items");
            comment(out, indent, &format!("{}. {how}", doc(field, lang)));
            for c in children.iter() {
                let note = format!("{}: {} — {}", c.key, doc(c, lang), allowed(&c.kind, lang));
                comment_with(out, indent, "  · ", "      ", &note);
            }
            let _ = writeln!(out, "{p}{key}:");
            // The example item, ready to uncomment.
            for (i, c) in children.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                let _ = writeln!(out, "{p}# {lead}{}: {}", c.key, c.sample(lang));
            }
        }
        Kind::List(_) => {
            let how = t!(lang, "template-list-of-values");
            comment(
                out,
                indent,
                &format!("{} — {}. {how}", doc(field, lang), allowed(&field.kind, lang)),
            );
            let _ = writeln!(out, "{p}{key}:");
            for item in sample_items(&field.sample(lang)) {
                let _ = writeln!(out, "{p}# - {}", quote(&item));
            }
        }
        Kind::Waivers => {
            comment(out, indent, &t!(lang, "template-waivers"));
            let _ = writeln!(out, "{p}{key}:");
            let example = t!(lang, "template-waiver-example");
            let _ = writeln!(out, "{p}#   professional-mode: {}", quote(&example));
        }
        Kind::Free => {
            comment(out, indent, &t!(lang, "template-extra"));
            let _ = writeln!(out, "{p}{key}:");
            let _ = writeln!(out, "{p}#   brand:");
            let _ = writeln!(
                out,
                "{p}#     disclaimer: {}",
                quote(&t!(lang, "template-extra-example"))
            );
        }
        _ => {
            let lead = question.unwrap_or_else(|| doc(field, lang));
            let mut text = format!("{lead} — {}.", allowed(&field.kind, lang));
            // Enums and booleans already list their values; a sample there would read as advice.
            let shows_sample = matches!(field.kind, Kind::Str | Kind::Int { .. } | Kind::Number { .. });
            if shows_sample && !field.sample(lang).is_empty() && key != "version" {
                let _ = write!(text, " {} {}", example_word(lang), glued(&field.sample(lang)));
            }
            comment(out, indent, &text);
            match key {
                // Filled in: the only version, and the language the template was asked in.
                "version" if indent == 0 => {
                    let _ = writeln!(out, "{p}{key}: {}", schema::FORMAT_VERSION);
                }
                "lang" if indent == 0 => {
                    let _ = writeln!(out, "{p}{key}: {}", lang.code());
                }
                _ => {
                    let _ = writeln!(out, "{p}{key}:");
                }
            }
        }
    }
}

/// The items of a list sample such as `[e-reputation, social media]`.
fn sample_items(sample: &str) -> Vec<String> {
    match yaml::parse(sample) {
        Ok(node) => match node.value {
            Value::Seq(items) => items
                .into_iter()
                .filter_map(|n| match n.value {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        Err(_) => Vec::new(),
    }
}
