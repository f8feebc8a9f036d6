//! Text from a file made safe for a terminal or a CI log line.
//!
//! A profile, pack or config is written by someone else. Shown raw, its
//! text could end a line and forge another (`x.yaml:1:1: error: …`, or a
//! `::stop-commands::` line that silences GitHub's annotations), or drive the
//! terminal (ESC sequences that clear the screen, set the window title or
//! plant a link). Every text from a file that a person reads goes through
//! [`one_line`] on its way out, or, where it lands in Markdown (the Markdown
//! report, SARIF's `help.markdown`, the language server's hover and
//! completion docs), through [`markdown_inline`]. Both, and the other formats'
//! escapers, decide what is unsafe with [`is_unsafe`] and show it as
//! [`push_code_point`] writes it, so no format lets through what another
//! escapes.

use std::borrow::Cow;

/// Does `c` have to be escaped? Every control character (C0 with TAB, CR
/// and LF, DEL, C1 with NEL), the Unicode line and paragraph separators, the
/// bidirectional marks, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069), which reorder what a terminal shows
/// (a line that reads differently from what it holds), and the invisible
/// U+200B (zero width space) and U+FEFF (byte order mark), which make two
/// different texts look the same. The joiners U+200C and U+200D stay: emoji
/// and scripts need them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Write `c` as its code point, `\u{202e}`: visible, and what it was stays known.
pub fn push_code_point(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// `s` on one line with nothing a terminal acts on: CR, LF and TAB become
/// `\r`, `\n` and `\t`, every other character of [`is_unsafe`] its code
/// point as `\u{1b}`, so what was there stays visible. Text needing none of
/// this is borrowed as is.
pub fn one_line(s: &str) -> Cow<'_, str> {
    // Most text is printable ASCII, checked a byte at a time; the first byte
    // outside it starts a character, from which characters are checked.
    let Some(ascii) = s.bytes().position(|b| !(b' '..=b'~').contains(&b)) else {
        return Cow::Borrowed(s);
    };
    let Some(first) = s[ascii..].find(is_unsafe).map(|i| ascii + i) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => push_code_point(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` as literal inline Markdown (CommonMark and GFM), for texts from a
/// pack, profile or config: every character that may start emphasis, code,
/// a link, an image, HTML, an entity, a table cell, strikethrough or math is
/// backslash-escaped, as are a leading list, heading or quote marker and the
/// `:` or `.` of a bare `https://` or `www.` link (GFM would make it a link).
/// Line breaks become spaces (a line break would start a block of its own);
/// every other [`is_unsafe`] character is shown as its code point, as
/// [`one_line`] shows it.
pub fn markdown_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // A leading `-`, `+`, `=` or `1.`/`1)` (after blanks) would start a list or a heading.
    let blanks = s.len() - s.trim_start().len();
    let digits = s[blanks..].chars().take_while(char::is_ascii_digit).count();
    let lead = match s[blanks..].chars().nth(digits) {
        Some('.' | ')') if digits > 0 => Some(blanks + digits),
        Some('-' | '+' | '=') if digits == 0 => Some(blanks),
        _ => None,
    };
    for (i, c) in s.char_indices() {
        let bare_link = (c == ':' && s[i..].starts_with("://")) || (c == '.' && s[..i].ends_with("www"));
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ if Some(i) == lead || bare_link => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            '\t' => out.push(' '),
            c if is_unsafe(c) => {
                // The backslash of `\u{…}` escaped, so Markdown shows it.
                out.push('\\');
                push_code_point(&mut out, c);
            }
            c => out.push(c),
        }
    }
    out
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
        assert_eq!(
            one_line("a\u{61c}b\u{200b}c\u{feff}d"),
            "a\\u{61c}b\\u{200b}c\\u{feff}d"
        );
        // Joiners hold emoji together.
        assert_eq!(one_line("👩\u{200d}💻"), "👩\u{200d}💻");
    }

    #[test]
    fn markdown_inline_leaves_no_markup_and_no_hidden_character() {
        use super::markdown_inline as md;
        assert_eq!(
            md("![px](https://attacker.example/pixel.png) <img src=x onerror=alert(1)>"),
            "!\\[px\\](https\\://attacker.example/pixel.png) \\<img src=x onerror=alert(1)\\>"
        );
        assert_eq!(
            md("- 1. *a* _b_ `c` ~d~ $e$ &amp; | #"),
            "\\- 1. \\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$e\\$ \\&amp; \\| \\#"
        );
        assert_eq!(md("2) www.x.fr"), "2\\) www\\.x.fr");
        assert_eq!(md(" is kept - as is"), " is kept - as is");
        assert_eq!(md("a\nb\r\nc\td"), "a b  c d");
        assert_eq!(md("rtl\u{202e}x\u{1b}[2J"), "rtl\\\\u{202e}x\\\\u{1b}\\[2J");
        assert_eq!(md("Élodie, coach !"), "Élodie, coach !");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Élodie « coach » 💪 — 1\u{a0}000\u{202f}€ \\n";
        assert!(matches!(one_line(s), std::borrow::Cow::Borrowed(_)));
        assert_eq!(one_line(s), s);
    }
}
