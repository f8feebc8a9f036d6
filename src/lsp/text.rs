//! Positions: ours count Unicode characters from 1 (line and column), LSP's
//! count from 0 in the code units the client and server agreed on (UTF-16
//! unless the client offers UTF-8 or UTF-32). Every conversion goes through
//! the text of the line, so an emoji or an accented letter before a problem
//! does not shift it.

use crate::profile::yaml::Pos;
use lsp_types::{Position, PositionEncodingKind, Range};

/// The position encoding agreed at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The first of the client's encodings that we speak, preferring none:
    /// the client lists them in its order of preference. UTF-16 when it offers none.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|k| match k.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or(Encoding::Utf16)
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// A document's text with the byte offset where each line starts.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    enc: Encoding,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str, enc: Encoding) -> Self {
        // LF, CRLF and a lone CR each end a line, for YAML (and so for the
        // CLI's positions) as for LSP.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i + 1),
        );
        Lines { text, starts, enc }
    }

    /// Line `i` (0-based) without its line break; empty past the end.
    pub(crate) fn line(&self, i: usize) -> &'a str {
        let Some(&start) = self.starts.get(i) else { return "" };
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e);
        self.text[start..end].trim_end_matches(['\r', '\n'])
    }

    pub(crate) fn count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset of our 1-based (line, column in characters), clamped
    /// to the line's end.
    pub(crate) fn offset(&self, pos: Pos) -> usize {
        let i = (pos.line.max(1) - 1) as usize;
        let Some(&start) = self.starts.get(i) else {
            return self.text.len();
        };
        let line = self.line(i);
        let skip = (pos.col.max(1) - 1) as usize;
        start + line.char_indices().nth(skip).map_or(line.len(), |(b, _)| b)
    }

    /// The LSP position of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let i = self.starts.partition_point(|&s| s <= offset) - 1;
        let line = self.line(i);
        let in_line = (offset - self.starts[i]).min(line.len());
        // An offset inside a character (never made here) counts the whole character.
        let character = line
            .char_indices()
            .take_while(|(b, _)| *b < in_line)
            .map(|(_, c)| self.enc.units(c))
            .sum();
        Position::new(i as u32, character)
    }

    /// The byte offset of an LSP position; a character past the end of its
    /// line means the end of the line, a line past the end the end of the text.
    pub(crate) fn offset_of(&self, p: Position) -> usize {
        let i = p.line as usize;
        let Some(&start) = self.starts.get(i) else {
            return self.text.len();
        };
        let mut units = 0;
        for (b, c) in self.line(i).char_indices() {
            if units >= p.character {
                return start + b;
            }
            units += self.enc.units(c);
        }
        start + self.line(i).len()
    }

    /// Our 1-based position of an LSP position.
    pub(crate) fn pos_of(&self, p: Position) -> Pos {
        let offset = self.offset_of(p);
        let i = self.starts.partition_point(|&s| s <= offset) - 1;
        let col = self.text[self.starts[i]..offset].chars().count() + 1;
        Pos::new(i as u32 + 1, col as u32)
    }

    /// The range of a problem at `pos` spanning `len` characters. Trailing
    /// blanks (the line break a block scalar ends with) are left out. With no
    /// length, the rest of the line's content is covered, so a problem
    /// never shows as a single character; a length of 0 is a point.
    pub(crate) fn range(&self, pos: Pos, len: Option<u32>) -> Range {
        let start = self.offset(pos);
        let mut end = match len {
            Some(0) => start,
            Some(n) => self.text[start..]
                .char_indices()
                .nth(n as usize)
                .map_or(self.text.len(), |(b, _)| start + b),
            _ => {
                let i = (pos.line.max(1) - 1) as usize;
                let line_end = self.starts.get(i).map_or(self.text.len(), |s| s + self.line(i).len());
                line_end.max(start)
            }
        };
        end = start + self.text[start..end].trim_end().len();
        let mut start = start;
        if end == start {
            // Nothing left at the end of a line: the line's content, never an
            // empty range after it (an empty line keeps its empty range).
            let i = self.starts.partition_point(|&s| s <= start) - 1;
            let line = self.line(i);
            let content = line.trim();
            if !content.is_empty() && start >= self.starts[i] + line.trim_end().len() {
                start = self.starts[i] + (line.len() - line.trim_start().len());
                end = start + content.len();
            }
        }
        Range::new(self.position(start), self.position(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_s_preferred_encoding_wins_and_utf16_is_the_default() {
        let kinds = |v: &[&str]| {
            v.iter()
                .map(|s| PositionEncodingKind::from(s.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&kinds(&["utf-32", "utf-16"]))),
            Encoding::Utf32
        );
        assert_eq!(Encoding::negotiate(Some(&kinds(&["utf-8"]))), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&kinds(&["latin-1"]))), Encoding::Utf16);
    }

    #[test]
    fn characters_before_a_problem_are_counted_in_the_agreed_units() {
        // "é" is 2 UTF-8 bytes, 1 UTF-16 unit; "😀" 4 bytes, 2 UTF-16 units.
        let text = "a: b\r\nname: \"é😀\" x\n";
        let at = Pos::new(2, 12); // the `x`, after 11 characters
        for (enc, character) in [(Encoding::Utf8, 15), (Encoding::Utf16, 12), (Encoding::Utf32, 11)] {
            let lines = Lines::new(text, enc);
            let r = lines.range(at, Some(1));
            assert_eq!(r.start, Position::new(1, character), "{enc:?}");
            assert_eq!(r.end, Position::new(1, character + 1), "{enc:?}");
            assert_eq!(lines.pos_of(r.start), at, "{enc:?}");
        }
    }

    #[test]
    fn cr_lf_and_crlf_each_end_a_line() {
        for nl in ["\n", "\r\n", "\r"] {
            let text = format!("a: 1{nl}b: 2{nl}{nl}name: x{nl}");
            let lines = Lines::new(&text, Encoding::Utf16);
            assert_eq!(lines.line(3), "name: x", "{nl:?}");
            assert_eq!(lines.line(2), "", "{nl:?}");
            let r = lines.range(Pos::new(4, 7), Some(1));
            assert_eq!(r.start, Position::new(3, 6), "{nl:?}");
            assert_eq!(lines.pos_of(Position::new(3, 6)), Pos::new(4, 7), "{nl:?}");
            assert_eq!(lines.range(Pos::new(4, 1), None).end, Position::new(3, 7), "{nl:?}");
        }
    }

    #[test]
    fn a_range_covers_the_value_or_the_rest_of_the_line() {
        let lines = Lines::new("bio: |\n  two\n  lines\nk: v   \n", Encoding::Utf16);
        // A block scalar's span ends with its line break, which is not shown.
        let r = lines.range(Pos::new(2, 3), Some(12));
        assert_eq!((r.start, r.end), (Position::new(1, 2), Position::new(2, 7)));
        let r = lines.range(Pos::new(4, 1), None);
        assert_eq!((r.start, r.end), (Position::new(3, 0), Position::new(3, 4)));
        // Past the end: clamped, never a panic.
        let r = lines.range(Pos::new(99, 99), Some(5));
        assert_eq!(r.start, r.end);
        assert_eq!(lines.pos_of(Position::new(0, 500)), Pos::new(1, 7));
    }
}
