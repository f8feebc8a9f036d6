//! Hover: on a finding, the rule's `explain` text as Markdown (title, what
//! it checks, why, fix steps); on a key, its meaning and allowed values from
//! the format description; on a rule id (a waiver, a config's `severity:`
//! entry), that rule.

use super::check::Kind;
use super::markup::Markup;
use super::view::{DocView, covers};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema;
use crate::profile::yaml::{Key, Node, Pos, Value};
use crate::rules::engine::RuleSet;

/// The hover at `pos`, in Markdown or in plain text.
pub(crate) fn hover(view: &DocView<'_>, pos: Pos, markdown: bool) -> Option<String> {
    let lang = view.lang;
    let rules = &view.rules.rules;
    let mut parts: Vec<String> = Vec::new();
    // The key's meaning first, then the rules reported there.
    if let Ok(root) = crate::profile::yaml::parse(&view.doc.text)
        && let Some((path, key)) = key_at(&root, pos)
    {
        parts.extend(key_doc(view.kind, &path, &key.name, rules, lang, markdown));
    }
    for p in &view.problems {
        if let Some(id) = &p.rule
            && covers(&view.lines, p, pos)
            && let Some(text) = explain(rules, id, lang, markdown)
            && !parts.contains(&text)
        {
            parts.push(text);
        }
    }
    let mut out = Markup::new(markdown);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.rule();
        }
        out.raw(part);
    }
    (!out.is_empty()).then(|| out.finish())
}

/// The rule `id` as `profilecheck explain` tells it, whatever its severity:
/// a rule the config turns off is explained too, and said to be off.
pub(crate) fn explain(rules: &RuleSet, id: &str, lang: Lang, markdown: bool) -> Option<String> {
    let (r, off) = match rules.get(id) {
        Some(r) => (r, false),
        None => (rules.off.iter().find(|r| r.id == id)?, true),
    };
    let mut m = Markup::new(markdown);
    m.bold(r.title.get(lang))
        .raw("\n\n")
        .code(&r.id)
        .raw(" · ")
        .text(&r.pack)
        .raw(" · ");
    if off {
        m.spans(&t!(lang, "lsp-hover-off"));
    } else {
        m.text(&r.severity.word(lang));
    }
    if let Some(step) = r.step {
        m.raw(" · ").text(&t!(lang, "lsp-hover-step", n = step));
        if let Some(title) = rules.steps.get(&step) {
            m.raw(" — ").text(title.get(lang));
        }
    }
    m.raw("\n\n")
        .bold(&t!(lang, "lsp-hover-checks"))
        .raw(&lang.colon())
        .raw(" ");
    if let Some(when) = &r.when {
        m.spans(&t!(lang, "lsp-hover-when", condition = when.describe(lang)))
            .raw(" ");
    }
    m.spans(&t!(lang, "lsp-hover-passes", condition = r.check.describe(lang)));
    if !r.why.is_empty() {
        m.raw("\n\n")
            .bold(&t!(lang, "lsp-hover-why"))
            .raw(&lang.colon())
            .raw(" ");
        m.text(r.why.get(lang));
    }
    let fix = r.fix.get(lang);
    if !fix.is_empty() {
        m.raw("\n\n")
            .bold(&t!(lang, "lsp-hover-fix"))
            .raw(&lang.colon())
            .raw("\n");
        for (i, step) in fix.iter().enumerate() {
            m.raw(&format!("\n{}. ", i + 1)).text(step);
        }
    }
    Some(m.finish())
}

/// The key under `pos` and the dotted path of the mapping holding it
/// (list items are transparent: `about.work.position`).
pub(crate) fn key_at(root: &Node, pos: Pos) -> Option<(Vec<String>, Key)> {
    fn walk(n: &Node, pos: Pos, path: &mut Vec<String>) -> Option<Key> {
        match &n.value {
            Value::Map(es) => {
                for (k, v) in es {
                    if k.pos.line == pos.line && k.pos.col <= pos.col && pos.col <= k.pos.col + k.len {
                        return Some(k.clone());
                    }
                    path.push(k.name.clone());
                    if let Some(found) = walk(v, pos, path) {
                        return Some(found);
                    }
                    path.pop();
                }
                None
            }
            Value::Seq(items) => items.iter().find_map(|it| walk(it, pos, path)),
            _ => None,
        }
    }
    let mut path = Vec::new();
    let key = walk(root, pos, &mut path)?;
    Some((path, key))
}

fn key_doc(kind: Kind, parents: &[String], key: &str, rules: &RuleSet, lang: Lang, markdown: bool) -> Option<String> {
    let parent = parents.join(".");
    let mut m = Markup::new(markdown);
    match kind {
        Kind::Profile if parent == "waivers" => return explain(rules, key, lang, markdown),
        Kind::Profile => {
            let dotted = if parent.is_empty() {
                key.to_owned()
            } else {
                format!("{parent}.{key}")
            };
            let field = schema::field_at(&dotted)?;
            m.code_bold(&dotted).raw(" — ").spans(&field.describe(lang)).raw("\n\n");
            m.spans(&t!(lang, "lsp-hover-allowed")).raw(&lang.colon()).raw(" ");
            m.spans(&crate::workshop::template::allowed(&field.kind, lang));
        }
        Kind::Config if parent == "severity" => return explain(rules, key, lang, markdown),
        Kind::Config if parent.is_empty() => {
            let text = match key {
                "lang" => t!(lang, "lsp-config-lang"),
                "packs" => t!(lang, "lsp-config-packs"),
                "rules" => t!(lang, "lsp-config-rules"),
                "severity" => t!(lang, "lsp-config-severity"),
                "fail_on" => t!(lang, "lsp-config-fail-on"),
                _ => return None,
            };
            m.code_bold(key).raw(" — ").spans(&text);
        }
        _ => return None,
    }
    Some(m.finish())
}
