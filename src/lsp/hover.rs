//! Hover: on a finding, the rule's `explain` text as Markdown (title, what
//! it checks, why, fix steps); on a key, its meaning and allowed values from
//! the format description; on a rule id (a waiver, a config's `severity:`
//! entry), that rule.

use super::check::Kind;
use super::view::{DocView, covers};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema;
use crate::profile::yaml::{Key, Node, Pos, Value};
use crate::rules::engine::RuleSet;

pub(crate) fn hover(view: &DocView<'_>, pos: Pos) -> Option<String> {
    let lang = view.lang;
    let rules = &view.rules.rules;
    let mut parts = Vec::new();
    // The key's meaning first, then the rules reported there.
    if let Ok(root) = crate::profile::yaml::parse(&view.doc.text)
        && let Some((path, key)) = key_at(&root, pos)
    {
        parts.extend(key_doc(view.doc.kind, &path, &key.name, rules, lang));
    }
    for p in &view.problems {
        if let Some(id) = &p.rule
            && covers(&view.lines, p, pos)
            && let Some(md) = explain(rules, id, lang)
            && !parts.contains(&md)
        {
            parts.push(md);
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("\n\n---\n\n"))
    }
}

/// The rule `id` as Markdown, as `profilecheck explain` tells it.
pub(crate) fn explain(rules: &RuleSet, id: &str, lang: Lang) -> Option<String> {
    let r = rules.get(id)?;
    let mut md = format!(
        "**{}**\n\n`{}` · {} · {}",
        r.title.get(lang),
        r.id,
        r.pack,
        r.severity.word(lang)
    );
    if let Some(step) = r.step {
        md.push_str(&format!(" · {}", t!(lang, "lsp-hover-step", n = step)));
        if let Some(title) = rules.steps.get(&step) {
            md.push_str(&format!(" — {}", title.get(lang)));
        }
    }
    md.push_str(&format!("\n\n**{}**{} ", t!(lang, "lsp-hover-checks"), lang.colon()));
    if let Some(when) = &r.when {
        md.push_str(&t!(lang, "lsp-hover-when", condition = when.describe(lang)));
        md.push(' ');
    }
    md.push_str(&t!(lang, "lsp-hover-passes", condition = r.check.describe(lang)));
    if !r.why.is_empty() {
        md.push_str(&format!(
            "\n\n**{}**{} {}",
            t!(lang, "lsp-hover-why"),
            lang.colon(),
            r.why.get(lang)
        ));
    }
    let fix = r.fix.get(lang);
    if !fix.is_empty() {
        md.push_str(&format!("\n\n**{}**{}\n", t!(lang, "lsp-hover-fix"), lang.colon()));
        for (i, step) in fix.iter().enumerate() {
            md.push_str(&format!("\n{}. {step}", i + 1));
        }
    }
    Some(md)
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

fn key_doc(kind: Kind, parents: &[String], key: &str, rules: &RuleSet, lang: Lang) -> Option<String> {
    let parent = parents.join(".");
    match kind {
        Kind::Profile if parent == "waivers" => explain(rules, key, lang),
        Kind::Profile => {
            let dotted = if parent.is_empty() {
                key.to_owned()
            } else {
                format!("{parent}.{key}")
            };
            let field = schema::field_at(&dotted)?;
            Some(format!(
                "**`{dotted}`** — {}\n\n{}{} {}",
                field.describe(lang),
                t!(lang, "lsp-hover-allowed"),
                lang.colon(),
                crate::workshop::template::allowed(&field.kind, lang)
            ))
        }
        Kind::Config if parent == "severity" => explain(rules, key, lang),
        Kind::Config if parent.is_empty() => {
            let text = match key {
                "lang" => t!(lang, "lsp-config-lang"),
                "packs" => t!(lang, "lsp-config-packs"),
                "rules" => t!(lang, "lsp-config-rules"),
                "severity" => t!(lang, "lsp-config-severity"),
                "fail_on" => t!(lang, "lsp-config-fail-on"),
                _ => return None,
            };
            Some(format!("**`{key}`** — {text}"))
        }
        _ => None,
    }
}
