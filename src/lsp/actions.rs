//! Quick fixes: waive the rule of a finding (adds `waivers: {ID: "reason"}`;
//! once the edit comes back as a change, the server selects the reason with
//! `window/showDocument`, ready to be typed over), quote an unquoted
//! hashtag (`#tag` starts a YAML comment), add a missing section from the
//! `init` template.

use super::check::{Kind, Problem};
use super::text::Lines;
use super::view::{DocView, to_diagnostic};
use crate::i18n::catalog::t;
use crate::profile::yaml::{self, Node, Pos, Value};
use lsp_types::Range;
use serde_json::{Value as Json, json};

/// An edit: insert `text` at byte `offset` (replacing `remove` bytes).
struct Edit {
    offset: usize,
    remove: usize,
    text: String,
}

fn overlaps(view: &DocView<'_>, p: &Problem, start: Pos, end: Pos) -> bool {
    let r = view.lines.range(p.pos, p.len);
    let (ps, pe) = (view.lines.pos_of(r.start), view.lines.pos_of(r.end));
    ps <= end && start <= pe
}

/// A selection to make once a document has become `text`: the reason of
/// a waiver, after its code action is applied.
pub(crate) struct Pending {
    pub text: String,
    pub selection: Range,
}

/// The code actions at a range, and the selections that applying them calls for.
pub(crate) fn actions(view: &DocView<'_>, start: Pos, end: Pos) -> (Vec<Json>, Vec<Pending>) {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    if view.kind != Kind::Profile {
        return (out, pending);
    }
    let root = yaml::parse(&view.doc.text).ok();
    let mut sections_offered = Vec::new();
    for p in view.problems.iter().filter(|p| overlaps(view, p, start, end)) {
        let Some(rule) = &p.rule else { continue };
        if let Some(root) = &root
            && let Some(edit) = waiver_edit(view, root, rule)
        {
            let (a, select) = waive_action(view, p, rule, edit);
            out.push(a);
            pending.push(select);
        }
        // A finding about a section that is not there at all: offer the template's.
        let section = p
            .path
            .as_deref()
            .and_then(|path| path.split(['.', '[']).next())
            .unwrap_or("");
        if let Some(root) = &root
            && !section.is_empty()
            && root.get(section).is_none()
            && !sections_offered.contains(&section)
            && let Some(body) = crate::workshop::template::section(section, view.lang)
        {
            sections_offered.push(section);
            let text = &view.doc.text;
            let lead = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let edit = Edit {
                offset: text.len(),
                remove: 0,
                text: format!("{lead}{body}"),
            };
            out.push(action(
                view,
                t!(view.lang, "lsp-action-add-section", section = section),
                vec![p],
                &[edit],
            ));
        }
    }
    let first = (start.line.max(1) - 1) as usize;
    let last = (end.line.max(1) - 1) as usize;
    let mut edits = Vec::new();
    let mut tags = Vec::new();
    for i in first..=last.min(view.lines.count().saturating_sub(1)) {
        let line_start = view.lines.offset(Pos::new(i as u32 + 1, 1));
        for (b, tag) in unquoted_hashtags(view.lines.line(i)) {
            edits.push(Edit {
                offset: line_start + b,
                remove: tag.len(),
                text: format!("\"{tag}\""),
            });
            tags.push(tag);
        }
    }
    if let Some(first_tag) = tags.first() {
        let on_lines: Vec<&Problem> = view
            .problems
            .iter()
            .filter(|p| (first as u32 + 1..=last as u32 + 1).contains(&p.pos.line))
            .collect();
        let title = t!(view.lang, "lsp-action-quote", n = tags.len(), tag = *first_tag);
        out.push(action(view, title, on_lines, &edits));
    }
    (out, pending)
}

/// `#tag` written where YAML reads a comment (after `- `, `[`, `,` or
/// `key: `), outside quotes: the byte offset in the line and the tag.
pub(crate) fn unquoted_hashtags(line: &str) -> Vec<(usize, &str)> {
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

/// Where and how to add `rule: "reason"` to the profile's waivers.
fn waiver_edit(view: &DocView<'_>, root: &Node, rule: &str) -> Option<(Edit, usize)> {
    let text = &view.doc.text;
    let reason = t!(view.lang, "lsp-waiver-reason");
    let entry = format!("{rule}: \"{reason}\"");
    // The reason's offset inside the inserted text, to select it afterwards.
    let at = |prefix_len: usize| prefix_len + rule.len() + 3;
    let line_end = |line: u32| -> usize {
        let l = &view.lines;
        let i = (line.max(1) - 1) as usize;
        l.offset(Pos::new(line, 1)) + l.line(i).len()
    };
    match root.entry("waivers") {
        None => {
            let lead = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            let prefix = format!("{lead}waivers:\n  ");
            let edit = Edit {
                offset: text.len(),
                remove: 0,
                text: format!("{prefix}{entry}\n"),
            };
            Some((edit, at(prefix.len())))
        }
        Some((key, v)) => match &v.value {
            Value::Null => {
                let indent = " ".repeat(key.pos.col as usize - 1 + 2);
                let prefix = format!("\n{indent}");
                let edit = Edit {
                    offset: line_end(key.pos.line),
                    remove: 0,
                    text: format!("{prefix}{entry}"),
                };
                Some((edit, at(prefix.len())))
            }
            Value::Map(entries) => {
                let r = view.lines.range(v.pos, Some(v.len));
                let end = view.lines.pos_of(r.end);
                let flow = text[view.lines.offset(v.pos)..].starts_with('{');
                if flow {
                    let (offset, prefix) = if entries.is_empty() {
                        (view.lines.offset(v.pos) + 1, String::new())
                    } else {
                        (view.lines.offset(end), ", ".to_owned())
                    };
                    let edit = Edit {
                        offset,
                        remove: 0,
                        text: format!("{prefix}{entry}"),
                    };
                    return Some((edit, at(prefix.len())));
                }
                let first = &entries.first()?.0;
                let prefix = format!("\n{}", " ".repeat(first.pos.col as usize - 1));
                let edit = Edit {
                    offset: line_end(end.line),
                    remove: 0,
                    text: format!("{prefix}{entry}"),
                };
                Some((edit, at(prefix.len())))
            }
            _ => None,
        },
    }
}

fn waive_action(view: &DocView<'_>, p: &Problem, rule: &str, (edit, reason_at): (Edit, usize)) -> (Json, Pending) {
    // The reason's range in the text as it will be once the edit is applied.
    let reason_len = t!(view.lang, "lsp-waiver-reason").len();
    let mut after = view.doc.text.clone();
    after.replace_range(edit.offset..edit.offset + edit.remove, &edit.text);
    let new_lines = Lines::new(&after, view.enc);
    let start = edit.offset + reason_at;
    let selection = Range::new(new_lines.position(start), new_lines.position(start + reason_len));
    let a = action(view, t!(view.lang, "lsp-action-waive", rule = rule), vec![p], &[edit]);
    (a, Pending { text: after, selection })
}

fn action(view: &DocView<'_>, title: String, problems: Vec<&Problem>, edits: &[Edit]) -> Json {
    let edits: Vec<Json> = edits
        .iter()
        .map(|e| {
            let range = Range::new(view.lines.position(e.offset), view.lines.position(e.offset + e.remove));
            json!({"range": range, "newText": e.text})
        })
        .collect();
    let diagnostics: Vec<_> = problems.iter().map(|p| to_diagnostic(&view.lines, p)).collect();
    // No `command` beside the edit: some clients (lsprotocol, which
    // pytest-lsp builds on) read any code action carrying one as a bare Command.
    json!({
        "title": title,
        "kind": "quickfix",
        "diagnostics": diagnostics,
        "edit": {"changes": {view.uri.as_str(): edits}},
    })
}

#[cfg(test)]
mod tests {
    use super::unquoted_hashtags;

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
}
