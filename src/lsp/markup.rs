//! Hover and completion texts, written once for both kinds of client: as
//! Markdown for an editor that renders it, as plain text (no `**`, no
//! backticks, no escapes) for one that does not. Every text that is not the
//! server's own markup (pack titles, reasons and steps, condition
//! descriptions with a pack's values, messages) is escaped by the program's
//! one Markdown escaping, [`crate::i18n::markdown_inline`], so a pack cannot
//! load an image or pass HTML to the editor's renderer.

use crate::i18n::{markdown_inline, one_line};

/// A text being written, in Markdown or in plain text.
pub(crate) struct Markup {
    markdown: bool,
    out: String,
}

impl Markup {
    pub(crate) fn new(markdown: bool) -> Self {
        Markup {
            markdown,
            out: String::new(),
        }
    }

    /// Text from a pack, a profile or a message: literal in both forms.
    pub(crate) fn text(&mut self, s: &str) -> &mut Self {
        if self.markdown {
            self.out.push_str(&markdown_inline(s));
        } else {
            self.out.push_str(&one_line(s));
        }
        self
    }

    /// Text whose `code` spans (the catalogue's) are kept as code in
    /// Markdown and lose their backticks in plain text; the rest is literal.
    /// An odd number of backticks means the spans are not ours: all literal.
    pub(crate) fn spans(&mut self, s: &str) -> &mut Self {
        let parts: Vec<&str> = s.split('`').collect();
        if parts.len().is_multiple_of(2) {
            return self.text(s);
        }
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 0 {
                self.text(part);
            } else {
                self.code(part);
            }
        }
        self
    }

    /// Strong text (a title): literal inside.
    pub(crate) fn bold(&mut self, s: &str) -> &mut Self {
        self.mark("**").text(s).mark("**")
    }

    /// A code span (an id, a path): backticks and line breaks cannot be in it.
    pub(crate) fn code(&mut self, s: &str) -> &mut Self {
        let flat: String = s.chars().map(|c| if c == '`' { '\u{2018}' } else { c }).collect();
        let flat = one_line(&flat).into_owned();
        if self.markdown && !flat.trim().is_empty() {
            self.out.push('`');
            self.out.push_str(&flat);
            self.out.push('`');
        } else {
            self.text(&flat);
        }
        self
    }

    /// A strong code span (the key a hover is about).
    pub(crate) fn code_bold(&mut self, s: &str) -> &mut Self {
        self.mark("**").code(s).mark("**")
    }

    /// Markup of our own, left out of plain text.
    fn mark(&mut self, m: &str) -> &mut Self {
        if self.markdown {
            self.out.push_str(m);
        }
        self
    }

    /// Our own separators, numbers and line breaks: the same in both forms.
    pub(crate) fn raw(&mut self, s: &str) -> &mut Self {
        self.out.push_str(s);
        self
    }

    /// The break between two parts of a hover.
    pub(crate) fn rule(&mut self) -> &mut Self {
        self.raw(if self.markdown { "\n\n---\n\n" } else { "\n\n" })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The text written (the writer is left empty).
    pub(crate) fn finish(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::Markup;

    #[test]
    fn the_same_text_as_markdown_and_as_plain_text() {
        let write = |md: bool| {
            let mut m = Markup::new(md);
            m.bold("<b>T</b> ![i](x)").raw("\n\n").code("photo-set").raw(" · ");
            m.spans("set `photo.set` to *true*");
            m.finish()
        };
        assert_eq!(
            write(true),
            "**\\<b\\>T\\</b\\> !\\[i\\](x)**\n\n`photo-set` · set `photo.set` to \\*true\\*"
        );
        assert_eq!(write(false), "<b>T</b> ![i](x)\n\nphoto-set · set photo.set to *true*");
    }
}
