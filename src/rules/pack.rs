//! Rule packs: YAML files of rules, loaded in two stages — the YAML tree is
//! read into rules whose every key, path, operator, regex and enum value is
//! checked against the profile format; evaluation only ever sees valid rules.

use crate::i18n::catalog::{Message, msg, t};
use crate::i18n::{Lang, Text, TextList};
use crate::profile::diag::{Diagnostic, Msg, from_yaml};
use crate::profile::digest;
use crate::profile::yaml::{self, Node, Pos, Value};
use crate::rules::condition::{self, Cond, Scope};
pub use crate::rules::limits::{MAX_FINDINGS, MAX_ITEM_CHECKS, MAX_PATTERN_BYTES, MAX_TITLE_CHARS};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// How much a rule matters: its findings' level and its weight in the score.
pub enum Severity {
    /// Good to have (weight 1).
    Info,
    /// Should be fixed (weight 2).
    Warning,
    /// Must be fixed (weight 3).
    Error,
}

impl Severity {
    /// The severity named `s`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
    /// Its name in files and machine formats: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    /// Weight in the score (docs/rules.md).
    pub fn weight(self) -> u32 {
        match self {
            Severity::Error => 3,
            Severity::Warning => 2,
            Severity::Info => 1,
        }
    }
    /// The severity in words, as a report shows it.
    pub fn word(self, lang: Lang) -> String {
        // Worded once per language: the text report writes severity words
        // several times per finding, and the catalogues do not change.
        static WORDS: [OnceLock<[String; 3]>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];
        let words = WORDS[lang as usize].get_or_init(|| {
            [
                t!(lang, "severity-info"),
                t!(lang, "severity-warning"),
                t!(lang, "severity-error"),
            ]
        });
        words[self as usize].clone()
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A checked rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule's id, unique across the packs in force.
    pub id: String,
    /// The pack it belongs to.
    pub pack: String,
    /// The guide step it belongs to, if any.
    pub step: Option<u32>,
    /// Its severity as the pack declares it.
    pub severity: Severity,
    /// A one-line title.
    pub title: Text,
    /// Why it matters.
    pub why: Text,
    /// How to fix it, step by step.
    pub fix: TextList,
    /// Overrides the generated failure message when set.
    pub message: Option<Text>,
    pub(crate) when: Option<Cond>,
    pub(crate) check: Cond,
    /// Profiles the pack declares the rule passes on.
    pub examples_pass: Vec<Example>,
    /// Profiles the pack declares the rule fails on.
    pub examples_fail: Vec<Example>,
    /// Profiles the pack declares the rule does not apply to (its `when`
    /// does not hold).
    pub examples_not_applicable: Vec<Example>,
    /// Where the rule's id is written.
    pub pos: Pos,
}

#[derive(Debug, Clone)]
/// A profile written in a pack to show a rule's behaviour.
pub struct Example {
    /// The profile's YAML text.
    pub yaml: String,
    /// Where it is written in the pack.
    pub pos: Pos,
}

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The pack's name.
    pub name: String,
    /// Where `pack:` names it, to locate a clash with another pack.
    pub name_pos: Pos,
    /// A short name for headings ("Privacy" / "Confidentialité").
    pub title: Text,
    /// What it is for.
    pub description: Text,
    /// Guide step titles (the guide pack has them; any pack may).
    pub steps: BTreeMap<u32, Text>,
    /// Its rules, in file order.
    pub rules: Vec<Rule>,
    /// Where it came from: a file path, or `builtin:NAME`.
    pub source: String,
}

/// A pack that failed to load: its file and every problem found.
#[derive(Debug, Clone)]
pub struct PackError {
    /// The pack's file, as named in messages.
    pub source: String,
    /// Every problem found in it.
    pub problems: Vec<Diagnostic>,
}

impl PackError {
    /// The problems as `FILE:LINE:COL: error: …` lines, in `lang`.
    pub fn render(&self, lang: Lang) -> Vec<String> {
        self.problems.iter().map(|d| d.render(&self.source, lang)).collect()
    }
}

/// The packs compiled into the binary, from the repository's `rules/` folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("guide", include_str!("../../rules/guide.yaml")),
    ("privacy", include_str!("../../rules/privacy.yaml")),
];

const PACK_KEYS: &[&str] = &["pack", "title", "description", "steps", "rules"];
const RULE_KEYS: &[&str] = &[
    "id", "step", "severity", "title", "why", "fix", "message", "when", "check", "examples",
];

fn other(pos: Pos, m: Message) -> Diagnostic {
    Diagnostic::error(pos, m.into())
}

fn unknown(key: &yaml::Key, allowed: &[&str]) -> Diagnostic {
    Diagnostic::unknown_key(key, allowed.iter().copied(), true)
}

fn entries(node: &Node) -> &[(yaml::Key, Node)] {
    match &node.value {
        Value::Map(e) => e,
        _ => &[],
    }
}

/// Is `id` kebab-case (`lower-case-words-123`)?
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// A language code such as `en`, `fr` or `pt-BR`: a typo like `englsh`
/// would otherwise load and silently fall back to another language.
pub fn is_lang_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let lang = parts.next().unwrap_or("");
    let region = parts.next();
    lang.len() == 2
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_uppercase()))
        && parts.next().is_none()
}

fn text(node: &Node, what: &str, out: &mut Vec<Diagnostic>) -> Option<Text> {
    let blank = |s: &str, pos, out: &mut Vec<Diagnostic>| {
        if s.trim().is_empty() {
            out.push(other(pos, msg!("pack-empty", what = what)));
        }
    };
    match &node.value {
        Value::Str(s) => {
            blank(s, node.pos, out);
            Some(Text::plain(s.clone()))
        }
        Value::Map(es) => {
            let mut t = Text::default();
            for (k, v) in es {
                if !is_lang_code(&k.name) {
                    out.push(other(k.pos, msg!("pack-not-language-code-en", key = &k.name)));
                }
                match v.as_str() {
                    Some(s) => {
                        blank(s, v.pos, out);
                        t.variants.push((k.name.clone(), s.to_owned()))
                    }
                    None => out.push(other(v.pos, msg!("pack-text", what = what, key = &k.name))),
                }
            }
            if t.is_empty() {
                out.push(other(node.pos, msg!("pack-empty", what = what)));
            }
            Some(t)
        }
        _ => {
            out.push(other(node.pos, msg!("pack-text-mapping-language-text", what = what)));
            None
        }
    }
}

fn string_list(node: &Node, what: &str, out: &mut Vec<Diagnostic>) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|it| match it.as_str() {
                Some(s) => Some(s.to_owned()),
                None => {
                    out.push(other(it.pos, msg!("pack-each-item-text", what = what)));
                    None
                }
            })
            .collect(),
        Value::Str(s) => vec![s.clone()],
        _ => {
            out.push(other(node.pos, msg!("pack-list-texts", what = what)));
            Vec::new()
        }
    }
}

fn text_list(node: &Node, what: &str, out: &mut Vec<Diagnostic>) -> TextList {
    match &node.value {
        Value::Map(es) => TextList {
            variants: es
                .iter()
                .map(|(k, v)| (k.name.clone(), string_list(v, &format!("{what}.{}", k.name), out)))
                .collect(),
        },
        _ => TextList {
            variants: vec![(String::new(), string_list(node, what, out))],
        },
    }
}

/// A rule's examples: those it passes on, fails on, does not apply to.
type Examples = (Vec<Example>, Vec<Example>, Vec<Example>);

fn examples(node: &Node, out: &mut Vec<Diagnostic>) -> Examples {
    let (mut pass, mut fail, mut not_applicable) = (Vec::new(), Vec::new(), Vec::new());
    if !matches!(node.value, Value::Map(_)) {
        out.push(other(node.pos, msg!("pack-examples-mapping-with-pass")));
        return (pass, fail, not_applicable);
    }
    for (k, v) in entries(node) {
        let target = match k.name.as_str() {
            "pass" => &mut pass,
            "fail" => &mut fail,
            "not_applicable" => &mut not_applicable,
            _ => {
                out.push(unknown(k, &["pass", "fail", "not_applicable"]));
                continue;
            }
        };
        let Value::Seq(items) = &v.value else {
            out.push(other(v.pos, msg!("pack-examples-list-profiles-written", key = &k.name)));
            continue;
        };
        for it in items {
            match it.as_str() {
                Some(s) => target.push(Example {
                    yaml: s.to_owned(),
                    pos: it.pos,
                }),
                None => out.push(other(it.pos, msg!("pack-example-profile-written-yaml"))),
            }
        }
    }
    (pass, fail, not_applicable)
}

fn rule(node: &Node, pack: &str, lazy: bool, out: &mut Vec<Diagnostic>) -> Option<Rule> {
    if !matches!(node.value, Value::Map(_)) {
        out.push(other(node.pos, msg!("pack-rule-mapping-with-id")));
        return None;
    }
    let before = out.len();
    for (k, _) in entries(node) {
        if !RULE_KEYS.contains(&k.name.as_str()) {
            out.push(unknown(k, RULE_KEYS));
        }
    }
    let required = |key: &str, out: &mut Vec<Diagnostic>| -> Option<&Node> {
        let n = node.get(key).filter(|n| n.value != Value::Null);
        if n.is_none() {
            out.push(other(node.pos, msg!("pack-rule-has-no", key = key)));
        }
        n
    };
    let id = match required("id", out) {
        Some(n) => match n.as_str() {
            Some(s) if is_kebab(s) => Some(s.to_owned()),
            _ => {
                out.push(other(n.pos, msg!("pack-rule-id-kebab-case")));
                None
            }
        },
        None => None,
    };
    let step = match node.get("step").map(|n| (n, &n.value)) {
        None | Some((_, Value::Null)) => None,
        Some((_, Value::Int(i))) if *i >= 1 && *i <= 1000 => Some(*i as u32),
        Some((n, _)) => {
            out.push(other(n.pos, msg!("pack-step-guide-step-number")));
            None
        }
    };
    let severity = required("severity", out).and_then(|n| match n.as_str().and_then(Severity::parse) {
        Some(s) => Some(s),
        None => {
            out.push(Diagnostic::error(
                n.pos,
                Msg::BadEnum {
                    value: n
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| n.value.kind().to_owned()),
                    allowed: vec!["error".into(), "warning".into(), "info".into()],
                },
            ));
            None
        }
    });
    let title = required("title", out).and_then(|n| text(n, "title", out));
    // A title is copied into every finding: keep it a title.
    if let (Some(t), Some(n)) = (&title, node.get("title"))
        && let Some(chars) = t
            .variants
            .iter()
            .map(|(_, s)| s.chars().count())
            .find(|&c| c > MAX_TITLE_CHARS)
    {
        out.push(other(n.pos, msg!("budget-title", chars = chars, max = MAX_TITLE_CHARS)));
    }
    let why = node.get("why").and_then(|n| text(n, "why", out)).unwrap_or_default();
    let fix = node.get("fix").map(|n| text_list(n, "fix", out)).unwrap_or_default();
    let message = node.get("message").and_then(|n| text(n, "message", out));
    if let (Some(m), Some(n)) = (&message, node.get("message")) {
        condition::check_message(m, n.pos, out);
    }
    let when = node
        .get("when")
        .and_then(|n| condition::compile(n, Scope::root(lazy), out));
    let check = required("check", out).and_then(|n| condition::compile(n, Scope::root(lazy), out));
    let (examples_pass, examples_fail, examples_not_applicable) =
        node.get("examples").map(|n| examples(n, out)).unwrap_or_default();
    if out.len() > before {
        return None;
    }
    Some(Rule {
        id: id?,
        pack: pack.to_owned(),
        step,
        severity: severity?,
        title: title?,
        why,
        fix,
        message,
        when,
        check: check?,
        examples_pass,
        examples_fail,
        examples_not_applicable,
        // Point at the id itself, as the duplicate-id check within a pack
        // does, so both duplicate messages land on the same spot.
        pos: node.get("id").map_or(node.pos, |n| n.pos),
    })
}

/// Load one pack from its bytes. `source` names it in messages. A pack that
/// alone goes over the [`Budget`] (with the built-in packs) is refused.
pub fn load(source: &str, bytes: &[u8]) -> Result<Pack, PackError> {
    let pack = load_with(source, bytes, false)?;
    let mut budget = Budget::with_builtin();
    budget.charge(&pack).map_err(|d| PackError {
        source: source.to_owned(),
        problems: vec![d],
    })?;
    Ok(pack)
}

/// What a run's packs may cost, so that packs written by someone else
/// cannot exhaust time or memory: compiled patterns, item checks per
/// profile and findings per profile, each counted at its worst. Packs are
/// charged in load order; the first to go over is refused, located at the
/// rule that did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Budget {
    pattern_bytes: usize,
    item_checks: usize,
    findings: usize,
}

impl Budget {
    /// A budget already charged with the built-in packs.
    pub fn with_builtin() -> Budget {
        let mut b = Budget::default();
        for p in builtin() {
            // The built-in packs are ours and tested to fit.
            let _ = b.charge(&p);
        }
        b
    }

    /// Charge `pack`; the error is located at the rule that goes over.
    pub fn charge(&mut self, pack: &Pack) -> Result<(), Diagnostic> {
        for r in &pack.rules {
            let mut cost = Cost::default();
            for c in r.when.iter().chain(std::iter::once(&r.check)) {
                cost.add(c, 1);
            }
            if matches!(r.check, Cond::Each { .. }) {
                cost.findings += yaml::MAX_NODES;
            } else {
                cost.findings += 1;
            }
            self.pattern_bytes += cost.pattern_bytes;
            self.item_checks += cost.item_checks;
            self.findings += cost.findings;
            let over = [
                (self.pattern_bytes > MAX_PATTERN_BYTES, "pattern"),
                (self.item_checks > MAX_ITEM_CHECKS, "items"),
                (self.findings > MAX_FINDINGS, "findings"),
            ];
            if let Some((_, what)) = over.iter().find(|(o, _)| *o) {
                return Err(other(
                    r.pos,
                    match *what {
                        "pattern" => msg!("budget-patterns", mib = MAX_PATTERN_BYTES >> 20),
                        "items" => msg!("budget-items", max = MAX_ITEM_CHECKS, items = yaml::MAX_NODES),
                        _ => msg!("budget-findings", max = MAX_FINDINGS, items = yaml::MAX_NODES),
                    },
                ));
            }
        }
        Ok(())
    }
}

/// The worst-case cost of one rule's conditions.
#[derive(Default)]
struct Cost {
    pattern_bytes: usize,
    item_checks: usize,
    findings: usize,
}

impl Cost {
    /// `per` is how many times the condition runs per profile.
    fn add(&mut self, c: &Cond, per: usize) {
        match c {
            Cond::Explained { cond, .. } => self.add(cond, per),
            Cond::Leaf { test, .. } => {
                if let condition::Test::Matches(re, _) = test {
                    self.pattern_bytes += re.cost();
                }
                if per > 1 {
                    self.item_checks = self.item_checks.saturating_add(per);
                }
            }
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| self.add(c, per)),
            Cond::Not(c) => self.add(c, per),
            // Every item of every list is a node: however the lists nest,
            // a condition under them runs at most MAX_NODES times.
            Cond::Each { when, check, .. } => {
                when.iter().for_each(|c| self.add(c, yaml::MAX_NODES));
                self.add(check, yaml::MAX_NODES);
            }
            Cond::Some { check, .. } => self.add(check, yaml::MAX_NODES),
        }
    }
}

/// `lazy`: compile regular expressions on first use (built-in packs only).
fn load_with(source: &str, bytes: &[u8], lazy: bool) -> Result<Pack, PackError> {
    let fail = |problems: Vec<Diagnostic>| PackError {
        source: source.to_owned(),
        problems,
    };
    condition::start_pattern_budget();
    let source_text = yaml::decode(bytes).map_err(|e| fail(vec![from_yaml(e)]))?;
    let root = yaml::parse(source_text).map_err(|e| fail(vec![from_yaml(e)]))?;
    load_tree(source, &root, lazy)
}

/// Compile a pack from its YAML tree.
fn load_tree(source: &str, root: &Node, lazy: bool) -> Result<Pack, PackError> {
    let fail = |problems: Vec<Diagnostic>| PackError {
        source: source.to_owned(),
        problems,
    };
    let mut out = Vec::new();
    if !matches!(root.value, Value::Map(_)) {
        out.push(other(root.pos, msg!("pack-rule-pack-mapping-with")));
        return Err(fail(out));
    }
    for (k, _) in entries(root) {
        if !k.is_scalar || !PACK_KEYS.contains(&k.name.as_str()) {
            out.push(unknown(k, PACK_KEYS));
        }
    }
    let name = match root.get("pack") {
        Some(n) => match n.as_str() {
            Some(s) if is_kebab(s) => s.to_owned(),
            _ => {
                out.push(other(n.pos, msg!("pack-pack-kebab-case-name")));
                String::new()
            }
        },
        None => {
            out.push(other(root.pos, msg!("pack-pack-has-no-pack")));
            String::new()
        }
    };
    let title = root
        .get("title")
        .and_then(|n| text(n, "title", &mut out))
        .unwrap_or_default();
    let description = root
        .get("description")
        .and_then(|n| text(n, "description", &mut out))
        .unwrap_or_default();
    let mut steps = BTreeMap::new();
    if let Some(n) = root.get("steps") {
        if !matches!(n.value, Value::Map(_)) {
            out.push(other(n.pos, msg!("pack-steps-map-step-numbers")));
        }
        for (k, v) in entries(n) {
            match k.name.parse::<u32>() {
                Ok(num) if num >= 1 => {
                    if let Some(t) = text(v, "steps", &mut out) {
                        steps.insert(num, t);
                    }
                }
                _ => out.push(other(k.pos, msg!("pack-step-number-1-more"))),
            }
        }
    }
    let mut rules = Vec::new();
    match root.get("rules") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => {
            let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
            for it in items {
                if let Some(r) = rule(it, &name, lazy, &mut out) {
                    if let Some(first) = seen.get(&r.id) {
                        out.push(other(
                            it.get("id").map_or(it.pos, |n| n.pos),
                            msg!("pack-duplicate-rule-id-first", id = &r.id, line = first.line),
                        ));
                    } else {
                        seen.insert(r.id.clone(), it.get("id").map_or(it.pos, |n| n.pos));
                        rules.push(r);
                    }
                }
            }
        }
        Some(n) => out.push(other(n.pos, msg!("pack-rules-list-rules"))),
        None => out.push(other(root.pos, msg!("pack-pack-has-no-rules"))),
    }
    if !out.is_empty() {
        out.sort_by_key(|d| d.pos);
        return Err(fail(out));
    }
    let name_pos = root.get("pack").map_or(Pos::START, |n| n.pos);
    Ok(Pack {
        name,
        name_pos,
        title,
        description,
        steps,
        rules,
        source: source.to_owned(),
    })
}

// The trees of `rules/*.yaml`, parsed at build time (see build.rs).
include!(concat!(env!("OUT_DIR"), "/builtin_trees.rs"));

/// The built-in packs, parsed. They are tested, so a failure here is a bug.
pub fn builtin() -> Vec<Pack> {
    BUILTIN
        .iter()
        .map(|(name, _)| {
            let (_, tree) = BUILTIN_TREES
                .iter()
                .find(|(stem, _)| stem == name)
                .expect("build.rs digests every rules/*.yaml");
            load_tree(&format!("builtin:rules/{name}.yaml"), &digest::decode(tree), true)
                .unwrap_or_else(|e| panic!("built-in pack {name} is invalid: {:?}", e.render(Lang::En)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_words_are_the_catalogues_for_each_language() {
        for lang in Lang::ALL {
            // Twice: the first call fills the cache, the second reads it.
            for _ in 0..2 {
                assert_eq!(Severity::Info.word(lang), t!(lang, "severity-info"));
                assert_eq!(Severity::Warning.word(lang), t!(lang, "severity-warning"));
                assert_eq!(Severity::Error.word(lang), t!(lang, "severity-error"));
            }
        }
        assert_ne!(Severity::Error.word(Lang::En), Severity::Error.word(Lang::Fr));
    }

    #[test]
    fn every_builtin_pattern_compiles_eagerly() {
        // Built-in packs compile their patterns on first use; loading them
        // the way a user's pack is loaded proves each one compiles.
        for (name, text) in BUILTIN {
            if let Err(e) = load(name, text.as_bytes()) {
                panic!("{name}: {:?}", e.render(Lang::En));
            }
        }
    }
}

#[cfg(test)]
mod budget_tests {
    use super::*;

    #[test]
    fn the_built_in_packs_use_a_small_part_of_the_budget() {
        let b = Budget::with_builtin();
        // Documented in the README: the budget is generous for real packs.
        // 20 conditions under `each`/`some` of the 100 allowed, 3 `each`
        // rules of the 20 allowed: the README's numbers.
        let (iterated, each_rules) = (b.item_checks / yaml::MAX_NODES, b.findings / yaml::MAX_NODES);
        assert_eq!((iterated, each_rules), (20, 3), "{b:?}");
        assert_eq!(MAX_ITEM_CHECKS / yaml::MAX_NODES, 100);
        assert_eq!(MAX_FINDINGS / yaml::MAX_NODES, 20);
    }
}
