//! Text from a file made safe for a terminal or a CI log line.
//!
//! A profile, pack or config is written by someone else. Shown raw, its
//! text could end a line and forge another (`x.yaml:1:1: error: …`, or a
//! `::stop-commands::` line that silences GitHub's annotations), or drive the
//! terminal (ESC sequences that clear the screen, set the window title or
//! plant a link). Every text from a file that a person reads goes through
//! [`one_line`] on its way out.

use std::borrow::Cow;

/// Does `c` have to be escaped? Every control character (C0 with TAB, CR
/// and LF, DEL, C1 with NEL), the Unicode line and paragraph separators, and
/// the bidirectional overrides and isolates, which reorder what a terminal
/// shows (a line that reads differently from what it holds).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` on one line with nothing a terminal acts on: CR, LF and TAB become
/// `\r`, `\n` and `\t`, every other character of [`unsafe_char`] its code
/// point as `\u{1b}`, so what was there stays visible. Text needing none of
/// this is borrowed as is.
pub fn one_line(s: &str) -> Cow<'_, str> {
    // Most text is printable ASCII, checked a byte at a time; the first byte
    // outside it starts a character, from which characters are checked.
    let Some(ascii) = s.bytes().position(|b| !(b' '..=b'~').contains(&b)) else {
        return Cow::Borrowed(s);
    };
    let Some(first) = s[ascii..].find(unsafe_char).map(|i| ascii + i) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn every_line_break_and_control_character_is_escaped() {
        assert_eq!(one_line("a\nb\r\nc"), "a\\nb\\r\\nc");
        assert_eq!(one_line("a\u{2028}b\u{2029}c\u{85}d"), "a\\u{2028}b\\u{2029}c\\u{85}d");
        assert_eq!(
            one_line("\u{1b}]0;title\u{7}\0\u{7f}\u{9b}"),
            "\\u{1b}]0;title\\u{7}\\u{0}\\u{7f}\\u{9b}"
        );
        assert_eq!(one_line("tab\there"), "tab\\there");
        assert_eq!(one_line("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Élodie « coach » 💪 — 1\u{a0}000\u{202f}€ \\n";
        assert!(matches!(one_line(s), std::borrow::Cow::Borrowed(_)));
        assert_eq!(one_line(s), s);
    }
}
