//! Writing YAML text for people: values quoted so they read back as
//! written, numbers as YAML writes them. Shared by the
//! template, the interview and every other writer of profiles.

use std::fmt::Write as _;

/// A number as YAML writes it: `0`, not `0.0`, when it is whole.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A YAML double-quoted string: safe for any text, whatever it looks like
/// (`yes`, `null`, `#tag`, `: `, leading spaces), since nothing is left to
/// the plain-scalar rules.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            // Other C0 and C1 controls, DEL, line/paragraph separators and the
            // byte-order mark are not printable in YAML: escape them.
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value to write under a key, typed by the field it fills: what the
/// interview records and what the importer derives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ans {
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    List(Vec<String>),
    Items(Vec<Vec<(&'static str, Ans)>>),
    /// Flow YAML written as it is (a free-form section kept from a file).
    Raw(String),
}

/// `key: value` at `indent`, as block YAML (lists one item per line).
pub(crate) fn write_value(out: &mut String, key: &str, a: &Ans, indent: usize) {
    let pad = " ".repeat(indent);
    match a {
        Ans::Bool(b) => {
            let _ = writeln!(out, "{pad}{key}: {b}");
        }
        Ans::Int(i) => {
            let _ = writeln!(out, "{pad}{key}: {i}");
        }
        Ans::Num(x) => {
            let _ = writeln!(out, "{pad}{key}: {}", number(*x));
        }
        Ans::Str(s) => {
            let _ = writeln!(out, "{pad}{key}: {}", quote(s));
        }
        Ans::List(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for it in items {
                let _ = writeln!(out, "{pad}  - {}", quote(it));
            }
        }
        Ans::Raw(text) => {
            let _ = writeln!(out, "{pad}{key}: {text}");
        }
        Ans::Items(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for item in items {
                let mut first = true;
                for (k, v) in item {
                    let mut line = String::new();
                    write_value(&mut line, k, v, 0);
                    let lead = if first { "- " } else { "  " };
                    first = false;
                    let _ = write!(out, "{pad}  {lead}{line}");
                }
            }
        }
    }
}
