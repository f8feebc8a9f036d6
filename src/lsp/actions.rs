//! Quick fixes: waive the rule of a finding (adds `waivers: {ID: "reason"}`;
//! once the edit comes back as a change, the server selects the reason with
//! `window/showDocument`, ready to be typed over), quote an unquoted
//! hashtag (`#tag` starts a YAML comment) and the other safe fixes of
//! `--fix` (one engine, `profile::fix`), add a missing section from the
//! `init` template.

use super::check::{Kind, Problem};
use super::text::Lines;
use super::view::{DocView, to_diagnostic};
use crate::i18n::catalog::t;
use crate::profile::fix;
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
    fix_actions(view, start, end, &mut out);
    (out, pending)
}

/// The safe fixes on the lines of the range, from the one fix engine that
/// `--fix` uses: the hashtags of those lines in one action, each other fix
/// in an action of its own.
fn fix_actions(view: &DocView<'_>, start: Pos, end: Pos, out: &mut Vec<Json>) {
    let lines = start.line.max(1)..=end.line.max(1);
    let fixes: Vec<fix::Fix> = fix::fixes(&view.doc.text)
        .into_iter()
        .filter(|f| lines.contains(&f.pos.line))
        .collect();
    let on_lines = |f: &[&fix::Fix]| -> Vec<&Problem> {
        view.problems
            .iter()
            .filter(|p| f.iter().any(|f| f.pos.line == p.pos.line))
            .collect()
    };
    let edit = |f: &fix::Fix| Edit {
        offset: f.offset,
        remove: f.remove,
        text: f.text.clone(),
    };
    let tags: Vec<&fix::Fix> = fixes.iter().filter(|f| f.kind == fix::FixKind::QuoteHashtag).collect();
    if let Some(first_tag) = tags.first() {
        let title = t!(
            view.lang,
            "lsp-action-quote",
            n = tags.len(),
            tag = first_tag.before.as_str()
        );
        let edits: Vec<Edit> = tags.iter().map(|f| edit(f)).collect();
        out.push(action(view, title, on_lines(&tags), &edits));
    }
    for f in fixes.iter().filter(|f| f.kind != fix::FixKind::QuoteHashtag) {
        let mut title = f.describe(view.lang);
        if let Some(c) = title.chars().next() {
            title.replace_range(..c.len_utf8(), &c.to_uppercase().to_string());
        }
        out.push(action(view, title, on_lines(&[f]), &[edit(f)]));
    }
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
