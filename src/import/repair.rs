//! The export's encoding bug: Facebook writes each UTF-8 byte of a string as
//! its own `\u00XX` escape, so `é` (bytes C3 A9) arrives as `Ã©`. Every
//! string read from the export goes through [`repair`].

use std::borrow::Cow;

/// The text `s` was meant to be: when all its characters are at most U+00FF
/// and, taken as bytes, they decode as UTF-8, the decoded text; otherwise
/// `s` unchanged (plain ASCII, text already right such as a lone `é`, or
/// anything with a character past U+00FF).
pub fn repair(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().any(|c| c as u32 > 0xFF) {
        return Cow::Borrowed(s);
    }
    let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_decoded() {
        // What serde_json makes of "K\u00c3\u00b8benhavn".
        let s: String = serde_json::from_str(r#""K\u00c3\u00b8benhavn""#).unwrap();
        assert_eq!(repair(&s), "København");
        assert_eq!(repair("Ã©tÃ© Ã\u{a0} Paris"), "été à Paris");
        assert_eq!(repair("F\u{c3}\u{a6}tter"), "Fætter");
        // An emoji: four bytes, all escaped.
        assert_eq!(repair("\u{f0}\u{9f}\u{98}\u{80}"), "😀");
    }

    #[test]
    fn text_that_is_not_such_a_sequence_stays() {
        for s in [
            "Rennes",
            "Café",
            "Ça va ?",
            "déjà",
            "€100",
            "München 😀",
            "Ã",
            "a\u{c3}",
            "",
        ] {
            assert_eq!(repair(s), s, "{s}");
        }
    }
}
