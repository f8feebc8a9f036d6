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
