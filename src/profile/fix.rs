//! The safe, mechanical fixes of a profile's text: one engine for
//! `profilecheck --fix`/`--diff` and the editor's quick fixes.
//!
//! A fix is a text edit at a byte offset: it replaces the few characters of
//! one value and nothing else, so comments, key order, blank lines and
//! quoting elsewhere stay byte for byte. Only what has one obvious meaning is
//! fixed: a hashtag YAML reads as a comment is quoted, a link without
//! `https://` gets it, `yes`/`no` (and quoted `"true"`) become `true`/`false`,
//! a quoted `version: "1"` becomes the number, an allowed value written in
//! the wrong case (`Public`) takes the format's spelling. A text whose
//! fixes would not read as YAML gets none.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{self, Node, Pos, Value};

/// What a fix does, worded by the catalogues' `fix-*` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FixKind {
    /// `#tag` where YAML reads a comment becomes `"#tag"`.
    QuoteHashtag,
    /// `www.example.org` becomes `https://www.example.org`.
    AddHttps,
    /// `yes`, `no`, `on`, `off`, `"true"`… in a true/false field.
    Boolean,
    /// `version: "1"` becomes `version: 1`.
    Version,
    /// `Public` becomes `public`: an allowed value in the format's case.
    EnumCase,
}

impl FixKind {
    /// A stable name for the fix (`--fix` output, the editor's actions).
    pub fn code(self) -> &'static str {
        match self {
            FixKind::QuoteHashtag => "quote-hashtag",
            FixKind::AddHttps => "add-https",
            FixKind::Boolean => "boolean",
            FixKind::Version => "version-number",
            FixKind::EnumCase => "letter-case",
        }
    }
}

/// One edit: replace `remove` bytes at byte `offset` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does.
    pub kind: FixKind,
    /// Where the replaced text starts, in bytes from the start of the text.
    pub offset: usize,
    /// How many bytes it replaces.
    pub remove: usize,
    /// What it writes instead.
    pub text: String,
    /// Where the replaced text starts (line, and column in characters).
    pub pos: Pos,
    /// The text replaced.
    pub before: String,
}

impl Fix {
    /// What the fix does, in `lang` (`--fix` reports it, the editor's quick fix is titled with it).
    pub fn describe(&self, lang: Lang) -> String {
        let before = crate::profile::diag::excerpt(&self.before);
        let after = crate::profile::diag::excerpt(&self.text);
        match self.kind {
            FixKind::QuoteHashtag => t!(lang, "fix-quote-hashtag", before = before),
            FixKind::AddHttps => t!(lang, "fix-add-https"),
            FixKind::Boolean => t!(lang, "fix-boolean", before = before, after = after),
            FixKind::Version => t!(lang, "fix-version-number", after = after),
            FixKind::EnumCase => t!(lang, "fix-letter-case", before = before, after = after),
        }
    }
}

/// Every safe fix of `text`, in order, none overlapping: hashtags first (they
/// are what keeps some texts from reading as YAML), then the values of the
/// tree the text reads as once they are quoted. Empty when the result would
/// not read as YAML.
pub fn fixes(text: &str) -> Vec<Fix> {
    let mut out = hashtag_fixes(text);
    let quoted = apply(text, &out);
    let Ok(root) = yaml::parse(&quoted) else {
        return Vec::new();
    };
    // Value fixes are found in the quoted text: map them back through the
    // hashtag edits (which never touch a value fixed here).
    let mut values = Vec::new();
    if let Value::Map(_) = root.value {
        let starts = line_starts(&quoted);
        obj_fixes(&quoted, &starts, &root, schema::PROFILE, &mut values);
    }
    // Where each hashtag edit ends up in the quoted text, and how much it grew.
    let mut grown = 0usize;
    let moved: Vec<(usize, usize)> = out
        .iter()
        .map(|h| {
            let at = h.offset + grown;
            grown += h.text.len() - h.remove;
            (at, h.text.len() - h.remove)
        })
        .collect();
    for mut f in values {
        let shift: usize = moved.iter().filter(|(at, _)| *at < f.offset).map(|(_, g)| g).sum();
        f.offset -= shift;
        f.pos = pos_at(text, f.offset);
        out.push(f);
    }
    out.sort_by_key(|f| f.offset);
    out.dedup_by(|b, a| b.offset < a.offset + a.remove);
    if yaml::parse(&apply(text, &out)).is_err() {
        return Vec::new();
    }
    out
}

/// `text` with `fixes` applied (sorted by offset, not overlapping).
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * fixes.len());
    let mut at = 0;
    for f in fixes {
        if f.offset < at || f.offset + f.remove > text.len() {
            continue;
        }
        out.push_str(&text[at..f.offset]);
        out.push_str(&f.text);
        at = f.offset + f.remove;
    }
    out.push_str(&text[at..]);
    out
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// The byte offset of `pos` in `text` (`starts` from [`line_starts`]).
fn offset_of(text: &str, starts: &[usize], pos: Pos) -> Option<usize> {
    let start = *starts.get(pos.line.checked_sub(1)? as usize)?;
    let line = &text[start..];
    let col = pos.col.checked_sub(1)? as usize;
    line.char_indices().nth(col).map(|(i, _)| start + i).or_else(|| {
        // The position just past the line's last character.
        (line.chars().count() == col).then_some(start + line.len())
    })
}

fn pos_at(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos::new(line as u32, col as u32)
}

/// The lines of a block scalar (`bio: |` and what is indented below it):
/// their `#` is text, never a comment.
fn block_scalar_lines(lines: &[&str]) -> Vec<bool> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut inside = vec![false; lines.len()];
    let mut block: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(parent) = block {
            if line.trim().is_empty() || indent(line) > parent {
                inside[i] = true;
                continue;
            }
            block = None;
        }
        let value = line.split(" #").next().unwrap_or("").trim_end();
        let header = value.rsplit([' ', ':', '-']).next().unwrap_or("");
        let is_header = (value.ends_with(": ") || value.contains(": ") || value.trim_start().starts_with("- "))
            && matches!(header.chars().next(), Some('|' | '>'))
            && header[1..].chars().all(|c| matches!(c, '+' | '-' | '1'..='9'));
        if is_header {
            block = Some(indent(line));
        }
    }
    inside
}

fn hashtag_fixes(text: &str) -> Vec<Fix> {
    if !text.contains('#') {
        return Vec::new();
    }
    let starts = line_starts(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let in_block = block_scalar_lines(&lines);
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if in_block[i] || !line.contains('#') {
            continue;
        }
        for (b, tag) in unquoted_hashtags(line) {
            if opens_a_block(&lines, i, b) {
                continue;
            }
            let offset = starts[i] + b;
            out.push(Fix {
                kind: FixKind::QuoteHashtag,
                offset,
                remove: tag.len(),
                text: format!("\"{tag}\""),
                pos: Pos::new(i as u32 + 1, line[..b].chars().count() as u32 + 1),
                before: tag.to_owned(),
            });
        }
    }
    out
}

/// Is the `#` at byte `at` of line `i` the whole value of a `key:` or a
/// `- ` whose value is the block indented below it? Then it is a real
/// comment (`keywords: #mine` over `  - a`), not a hashtag to quote.
fn opens_a_block(lines: &[&str], i: usize, at: usize) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let before = lines[i][..at].trim_end();
    if !(before.ends_with(':') || before.ends_with('-')) {
        return false;
    }
    let next = lines[i + 1..]
        .iter()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    next.is_some_and(|l| {
        indent(l) > indent(lines[i])
            || (l.trim_start().starts_with("- ") && indent(l) == indent(lines[i]) && before.ends_with(':'))
    })
}

/// `#tag` written where YAML reads a comment (after `- `, `[`, `,` or
/// `key: `), outside quotes: the byte offset in the line and the tag.
pub fn unquoted_hashtags(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut quote: Option<char> = None;
    // The character just before, and the last one that is not a blank.
    let (mut prev, mut last_sig) = (' ', None::<char>);
    for (b, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => {
                let Some(sig) = last_sig else { break }; // a comment line
                let rest = &line[b + 1..];
                let is_tag = rest.chars().next().is_some_and(|n| n.is_alphanumeric() || n == '_');
                let value_start =
                    matches!(sig, '[' | ',' | ':' | '-') && (prev.is_whitespace() || matches!(prev, '[' | ','));
                if is_tag && value_start {
                    let len = rest
                        .find(|n: char| n.is_whitespace() || matches!(n, ',' | ']' | '}' | '"' | '\''))
                        .unwrap_or(rest.len());
                    out.push((b, &line[b..b + 1 + len]));
                } else if prev.is_whitespace() {
                    break; // a comment: nothing after it counts
                }
            }
            None => {}
        }
        if !c.is_whitespace() {
            last_sig = Some(c);
        }
        prev = c;
    }
    out
}

fn obj_fixes(text: &str, starts: &[usize], node: &Node, fields: &[Field], out: &mut Vec<Fix>) {
    let Value::Map(entries) = &node.value else { return };
    for (key, value) in entries {
        if let Some(field) = fields.iter().find(|f| f.key == key.name) {
            kind_fixes(text, starts, value, &field.kind, field.key, out);
        }
    }
}

fn kind_fixes(text: &str, starts: &[usize], node: &Node, kind: &Kind, key: &str, out: &mut Vec<Fix>) {
    match (kind, &node.value) {
        (Kind::Obj(fields), _) => obj_fixes(text, starts, node, fields, out),
        (Kind::List(item), Value::Seq(items)) => {
            for it in items {
                kind_fixes(text, starts, it, item, key, out);
            }
        }
        (Kind::Bool, Value::Str(s)) => {
            let b = match s.trim().to_ascii_lowercase().as_str() {
                "yes" | "y" | "on" | "true" | "oui" | "vrai" => "true",
                "no" | "n" | "off" | "false" | "non" | "faux" => "false",
                _ => return,
            };
            replace(text, starts, node, FixKind::Boolean, b, out);
        }
        (Kind::Int { .. }, Value::Str(s)) if key == "version" && s.trim() == schema::FORMAT_VERSION.to_string() => {
            replace(
                text,
                starts,
                node,
                FixKind::Version,
                &schema::FORMAT_VERSION.to_string(),
                out,
            );
        }
        (Kind::Enum(allowed), Value::Str(s)) if !allowed.contains(&s.as_str()) => {
            if let Some(a) = allowed.iter().find(|a| a.eq_ignore_ascii_case(s.trim())) {
                let quoted = span(text, starts, node).is_some_and(|(_, t)| t.starts_with(['"', '\'']));
                let new = if quoted { format!("\"{a}\"") } else { (*a).to_owned() };
                replace(text, starts, node, FixKind::EnumCase, &new, out);
            }
        }
        (Kind::Str, Value::Str(s)) if matches!(key, "url" | "website") && needs_https(s) => {
            if let Some((offset, written)) = span(text, starts, node) {
                // After the opening quote, if any; before the first character otherwise.
                let lead = written.len() - written.trim_start_matches(['"', '\'']).len();
                let lead = lead + written[lead..].len() - written[lead..].trim_start().len();
                out.push(Fix {
                    kind: FixKind::AddHttps,
                    offset: offset + lead,
                    remove: 0,
                    text: "https://".into(),
                    pos: node.pos,
                    before: String::new(),
                });
            }
        }
        _ => {}
    }
}

/// A web address written without its scheme: a host name with a dot, no
/// space, no `:` before the first `/` (`mailto:x`, `http:/x` are left alone).
fn needs_https(s: &str) -> bool {
    let s = s.trim();
    let host = s.split('/').next().unwrap_or("");
    !s.is_empty()
        && !s.contains(char::is_whitespace)
        && !host.contains([':', '@'])
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// The value's bytes in `text` (its offset and what is written there).
fn span<'t>(text: &'t str, starts: &[usize], node: &Node) -> Option<(usize, &'t str)> {
    if node.len == 0 {
        return None;
    }
    let start = offset_of(text, starts, node.pos)?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .nth(node.len as usize)
        .map_or(rest.len(), |(i, _)| i);
    Some((start, &rest[..end]))
}

fn replace(text: &str, starts: &[usize], node: &Node, kind: FixKind, new: &str, out: &mut Vec<Fix>) {
    // A value on several lines is not a mechanical fix.
    let Some((offset, written)) = span(text, starts, node).filter(|(_, w)| !w.contains('\n')) else {
        return;
    };
    out.push(Fix {
        kind,
        offset,
        remove: written.len(),
        text: new.to_owned(),
        pos: node.pos,
        before: written.to_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> (String, Vec<&'static str>) {
        let f = fixes(text);
        (apply(text, &f), f.iter().map(|f| f.kind.code()).collect())
    }

    #[test]
    fn hashtags_where_yaml_reads_a_comment_are_found_and_real_comments_are_not() {
        let tags = |l| unquoted_hashtags(l).into_iter().map(|(_, t)| t).collect::<Vec<_>>();
        assert_eq!(tags("keywords: [#ereputation, #rennes]"), ["#ereputation", "#rennes"]);
        assert_eq!(tags("  - #formation"), ["#formation"]);
        assert_eq!(tags("keywords: #café"), ["#café"]);
        assert_eq!(tags("keywords: [\"#quoted\", '#too']"), Vec::<&str>::new());
        assert_eq!(tags("# a comment #not"), Vec::<&str>::new());
        assert_eq!(tags("#commented-out: line"), Vec::<&str>::new());
        assert_eq!(tags("bio: Rennes # comment #x"), Vec::<&str>::new());
        assert_eq!(tags("url: https://x.org/#anchor"), Vec::<&str>::new());
    }

    #[test]
    fn each_fix_changes_only_its_value_and_keeps_comments_and_layout() {
        let text = "# Jeanne's profile\nname: Jeanne   # her name\nversion: \"1\"\nphoto:\n  set: yes # checked\n  cover: 'No'\n  kind: Professional\nkeywords: [#ereputation, \"#ok\", #rennes]\n\nkeywords_block_is_not_here: 1\n";
        let text = text.replace("keywords_block_is_not_here: 1\n", "");
        let (out, kinds) = fixed(&text);
        assert_eq!(
            out,
            "# Jeanne's profile\nname: Jeanne   # her name\nversion: 1\nphoto:\n  set: true # checked\n  cover: false\n  kind: professional\nkeywords: [\"#ereputation\", \"#ok\", \"#rennes\"]\n\n"
        );
        assert_eq!(
            kinds,
            [
                "version-number",
                "boolean",
                "boolean",
                "letter-case",
                "quote-hashtag",
                "quote-hashtag"
            ]
        );
        // Fixed text has nothing left to fix.
        assert!(fixes(&out).is_empty());
    }

    #[test]
    fn links_without_a_scheme_get_https_and_others_are_left_alone() {
        let text = "contact:\n  website: jeanne.example.org\n  links:\n    - {network: linkedin, url: 'www.linkedin.com/in/jeanne'}\n    - network: blog\n      url: https://blog.example.org\n    - network: x\n      url: mailto:a@b.org\n    - {network: viadeo, url: \"not a link\"}\n";
        let (out, kinds) = fixed(text);
        assert_eq!(
            out,
            "contact:\n  website: https://jeanne.example.org\n  links:\n    - {network: linkedin, url: 'https://www.linkedin.com/in/jeanne'}\n    - network: blog\n      url: https://blog.example.org\n    - network: x\n      url: mailto:a@b.org\n    - {network: viadeo, url: \"not a link\"}\n"
        );
        assert_eq!(kinds, ["add-https", "add-https"]);
    }

    #[test]
    fn block_list_hashtags_are_quoted_and_block_scalars_are_text() {
        let text = "keywords:\n  - #ereputation   # the template's style\n  - rennes\nabout:\n  bio: |\n    - #not-a-tag, text\n  city: Rennes\n";
        let (out, kinds) = fixed(text);
        assert_eq!(
            out,
            "keywords:\n  - \"#ereputation\"   # the template's style\n  - rennes\nabout:\n  bio: |\n    - #not-a-tag, text\n  city: Rennes\n"
        );
        assert_eq!(kinds, ["quote-hashtag"]);
        assert_eq!(fixes(text)[0].pos, Pos::new(2, 5));
    }

    #[test]
    fn a_comment_over_a_nested_block_is_left_alone() {
        let text = "keywords: #mine\n  - a\nabout:   #about me\n  city: Rennes\nphoto: {set: yes}\nlist: #x\n- b\n";
        let (out, kinds) = fixed(text);
        assert_eq!(kinds, ["boolean"]);
        assert_eq!(out, text.replace("set: yes", "set: true"));
    }

    #[test]
    fn a_text_that_does_not_read_as_yaml_gets_no_fix() {
        for text in [
            "photo: {set: yes\n",
            "keywords: [#a\nname: \"x\n",
            "a: b: c\nset: yes\n",
        ] {
            assert!(fixes(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn positions_of_value_fixes_count_characters_after_earlier_hashtags() {
        let text = "keywords: [#été]\nphoto: {set: oui, cover: on}\n";
        let f = fixes(text);
        assert_eq!(
            f.iter().map(|f| (f.kind.code(), f.pos)).collect::<Vec<_>>(),
            [
                ("quote-hashtag", Pos::new(1, 12)),
                ("boolean", Pos::new(2, 14)),
                ("boolean", Pos::new(2, 26)),
            ]
        );
        assert_eq!(
            apply(text, &f),
            "keywords: [\"#été\"]\nphoto: {set: true, cover: true}\n"
        );
    }
}
