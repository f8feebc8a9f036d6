//! Conditions: compiled from pack YAML (checked against the profile format),
//! evaluated against a profile's YAML tree, and described in words.

use crate::i18n::Lang;
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::schema::{self, Kind, Resolved};
use crate::profile::yaml::{Node, Pos, Value};
use regex::Regex;
use std::sync::OnceLock;

/// A dotted path, already split. Empty means "the item itself" (`.` inside `each`/`some`).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub segments: Vec<String>,
}

impl Path {
    pub fn parse(s: &str) -> Path {
        let s = s.trim();
        if s == "." || s.is_empty() {
            return Path { segments: Vec::new() };
        }
        Path {
            segments: s.split('.').map(|p| p.trim().to_owned()).collect(),
        }
    }
    pub fn display(&self) -> String {
        if self.segments.is_empty() {
            ".".into()
        } else {
            self.segments.join(".")
        }
    }
}

/// A scalar to compare with.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Num(f64),
    Str(String),
    Null,
}

impl Scalar {
    fn show(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Num(n) => fmt_num(*n),
            Scalar::Str(s) => s.clone(),
            Scalar::Null => "null".into(),
        }
    }
    fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Scalar::Bool(a), Value::Bool(b)) => a == b,
            (Scalar::Num(a), Value::Int(b)) => *a == *b as f64,
            (Scalar::Num(a), Value::Float(b)) => a == b,
            (Scalar::Str(a), Value::Str(b)) => a == b,
            _ => false,
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

#[derive(Debug, Clone)]
pub enum Test {
    Present(bool),
    Equals(Scalar),
    OneOf(Vec<Scalar>, bool),
    Matches(Pattern, bool),
    Min(f64),
    Max(f64),
    MinChars(usize),
    MaxChars(usize),
    MinItems(usize),
    MaxItems(usize),
    MaxRepeated(usize),
}

#[derive(Debug, Clone)]
pub enum Cond {
    /// A condition with its own failure message (`message:` beside the test).
    Explained {
        cond: Box<Cond>,
        message: crate::i18n::Text,
    },
    Leaf {
        path: Path,
        test: Test,
    },
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Each {
        path: Path,
        when: Option<Box<Cond>>,
        check: Box<Cond>,
    },
    Some {
        path: Path,
        check: Box<Cond>,
    },
}

/// The value at `path` below `node`; `None` when missing or null.
pub fn lookup<'a>(node: &'a Node, path: &Path) -> Option<&'a Node> {
    let mut cur = node;
    for seg in &path.segments {
        cur = cur.get(seg)?;
    }
    if cur.value == Value::Null { None } else { Some(cur) }
}

/// Where to point for `path`: its value, else the nearest key above it that exists.
pub fn locate(node: &Node, path: &Path, fallback: Pos) -> Pos {
    let mut cur = node;
    let mut pos = fallback;
    for seg in &path.segments {
        match cur.entry(seg) {
            Some((k, v)) => {
                pos = k.pos;
                cur = v;
            }
            None => return pos,
        }
    }
    if cur.value == Value::Null { pos } else { cur.pos }
}

fn is_present(v: Option<&Node>) -> bool {
    match v.map(|n| &n.value) {
        None | Some(Value::Null) => false,
        Some(Value::Str(s)) => !s.trim().is_empty(),
        Some(Value::Seq(items)) => !items.is_empty(),
        Some(Value::Map(entries)) => !entries.is_empty(),
        Some(_) => true,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn max_run(s: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut prev = None;
    for c in s.chars() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        best = best.max(run);
    }
    best
}

impl Test {
    pub fn holds(&self, v: Option<&Node>) -> bool {
        if let Test::Present(want) = self {
            return is_present(v) == *want;
        }
        // A missing value makes every other test false.
        let Some(node) = v else { return false };
        let v = &node.value;
        match self {
            Test::Present(_) => unreachable!("handled above"),
            Test::Equals(s) => s.matches(v),
            Test::OneOf(list, negate) => {
                let found = list.iter().any(|s| s.matches(v));
                found != *negate
            }
            Test::Matches(re, negate) => match v {
                Value::Str(s) => re.is_match(s) != *negate,
                _ => false,
            },
            Test::Min(n) => number(v).is_some_and(|x| x >= *n),
            Test::Max(n) => number(v).is_some_and(|x| x <= *n),
            Test::MinChars(n) => matches!(v, Value::Str(s) if s.chars().count() >= *n),
            Test::MaxChars(n) => matches!(v, Value::Str(s) if s.chars().count() <= *n),
            Test::MinItems(n) => matches!(v, Value::Seq(items) if items.len() >= *n),
            Test::MaxItems(n) => matches!(v, Value::Seq(items) if items.len() <= *n),
            Test::MaxRepeated(n) => matches!(v, Value::Str(s) if max_run(s) <= *n),
        }
    }
}

impl Cond {
    pub fn holds(&self, node: &Node) -> bool {
        match self {
            Cond::Explained { cond, .. } => cond.holds(node),
            Cond::Leaf { path, test } => test.holds(lookup(node, path)),
            Cond::All(cs) => cs.iter().all(|c| c.holds(node)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(node)),
            Cond::Not(c) => !c.holds(node),
            // A missing or empty list holds; a value that is not a list fails
            // (only possible under `extra`, where nothing is checked).
            Cond::Each { path, when, check } => {
                matches!(each_failures(node, path, when.as_deref(), check), Ok(None))
            }
            Cond::Some { path, check } => items(node, path).iter().any(|it| check.holds(it)),
        }
    }

    /// The first path this condition names (where a finding points).
    pub fn first_path(&self) -> Option<&Path> {
        match self {
            Cond::Explained { cond, .. } => cond.first_path(),
            Cond::Leaf { path, .. } | Cond::Each { path, .. } | Cond::Some { path, .. } => Some(path),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().find_map(|c| c.first_path()),
            Cond::Not(c) => c.first_path(),
        }
    }

    /// The condition in words, generated from its structure.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let join = |cs: &[Cond]| {
            cs.iter()
                .map(|c| format!("({})", c.describe(lang)))
                .collect::<Vec<_>>()
                .join(if fr { "\u{a0}; " } else { "; " })
        };
        match self {
            Cond::Explained { cond, .. } => cond.describe(lang),
            Cond::Leaf { path, test } => describe_test(&path_words(path, lang), test, lang),
            Cond::All(cs) => {
                if fr {
                    format!("toutes ces conditions\u{a0}: {}", join(cs))
                } else {
                    format!("all of: {}", join(cs))
                }
            }
            Cond::Any(cs) => {
                if fr {
                    format!("au moins une de ces conditions\u{a0}: {}", join(cs))
                } else {
                    format!("at least one of: {}", join(cs))
                }
            }
            Cond::Not(c) => {
                if fr {
                    // French elides "que" before a vowel: « qu’au moins ».
                    let inner = c.describe(lang);
                    let elide = inner.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'è', 'à', 'h']);
                    format!("il est faux {}{inner}", if elide { "qu’" } else { "que " })
                } else {
                    format!("it is not true that {}", c.describe(lang))
                }
            }
            Cond::Each { path, when, check } => {
                let p = path.display();
                let w = when.as_ref().map(|w| w.describe(lang));
                match (fr, w) {
                    (false, None) => format!("every item of `{p}`: {}", check.describe(lang)),
                    (false, Some(w)) => format!("every item of `{p}` where {w}: {}", check.describe(lang)),
                    (true, None) => format!("chaque élément de `{p}`\u{a0}: {}", check.describe(lang)),
                    (true, Some(w)) => format!("chaque élément de `{p}` tel que {w}\u{a0}: {}", check.describe(lang)),
                }
            }
            Cond::Some { path, check } => {
                let p = path.display();
                if fr {
                    format!("au moins un élément de `{p}`\u{a0}: {}", check.describe(lang))
                } else {
                    format!("at least one item of `{p}`: {}", check.describe(lang))
                }
            }
        }
    }

    /// What makes this condition fail on `node`, each part with where it
    /// points, in file order (ties keep the check's order). An `all` fails
    /// through every failing part (so a finding can name them all and point
    /// at the first one in the file); any other form through itself. Empty
    /// when the condition holds.
    pub fn culprits(&self, node: &Node) -> Vec<(&Cond, Pos)> {
        fn collect<'c>(c: &'c Cond, node: &Node, out: &mut Vec<&'c Cond>) {
            match c {
                Cond::All(cs) => cs.iter().filter(|p| !p.holds(node)).for_each(|p| collect(p, node, out)),
                other => out.push(other),
            }
        }
        let mut parts = Vec::new();
        if !self.holds(node) {
            collect(self, node, &mut parts);
        }
        let empty = Path { segments: Vec::new() };
        let mut located: Vec<(&Cond, Pos)> = parts
            .into_iter()
            .map(|c| (c, locate(node, c.first_path().unwrap_or(&empty), Pos::START)))
            .collect();
        located.sort_by_key(|(_, pos)| *pos);
        located
    }

    /// Why this condition fails on `node`, in words: for each culprit (see
    /// `culprits`), its own message, or the test and the value it found.
    pub fn explain_failure(&self, node: &Node, lang: Lang) -> String {
        match self {
            Cond::Explained { cond, message } => {
                fill_message(message.get(lang), node).unwrap_or_else(|| cond.explain_failure(node, lang))
            }
            Cond::Leaf { path, test } => {
                let v = lookup(node, path);
                let found = found_words(v, test, lang);
                let expected = describe_test(&path_words(path, lang), test, lang);
                match lang {
                    Lang::En => format!("expected: {expected}; found: {found}"),
                    Lang::Fr => format!("attendu\u{a0}: {expected}\u{a0}; trouvé\u{a0}: {found}"),
                }
            }
            Cond::All(_) => {
                // Sentences follow each other; generated clauses are joined by a semicolon.
                let mut out = String::new();
                for (c, _) in self.culprits(node) {
                    if !out.is_empty() {
                        let sentence = out.ends_with(['.', '!', '?', '…']);
                        out.push_str(match (sentence, lang) {
                            (true, _) => " ",
                            (false, Lang::En) => "; ",
                            (false, Lang::Fr) => "\u{a0}; ",
                        });
                    }
                    out.push_str(&c.explain_failure(node, lang));
                }
                out
            }
            Cond::Some { path, .. } if items(node, path).is_empty() => {
                let p = path.display();
                match lang {
                    Lang::En => format!("`{p}` is empty or missing"),
                    Lang::Fr => format!("`{p}` est vide ou absent"),
                }
            }
            other => match lang {
                Lang::En => format!("expected: {}", other.describe(lang)),
                Lang::Fr => format!("attendu\u{a0}: {}", other.describe(lang)),
            },
        }
    }
}

/// The failing items of an `each`: index in the list, and the item.
pub type Failing<'a> = Vec<(usize, &'a Node)>;

/// How an `each` fails, in one place for evaluation and for findings:
/// `Ok(None)` when it holds (a missing or empty list holds), `Ok(Some(..))`
/// with the index and node of every failing item (those `when` admits), and
/// `Err(value)` when the value is not a list at all (only possible under
/// `extra`, where nothing is checked).
pub fn each_failures<'a>(
    node: &'a Node,
    path: &Path,
    when: Option<&Cond>,
    check: &Cond,
) -> Result<Option<Failing<'a>>, &'a Node> {
    let items = match lookup(node, path) {
        None => return Ok(None),
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => items,
        Some(other) => return Err(other),
    };
    let failing: Vec<(usize, &Node)> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| when.is_none_or(|w| w.holds(it)) && !check.holds(it))
        .collect();
    Ok((!failing.is_empty()).then_some(failing))
}

/// The items of the list at `path` (none when missing or not a list).
pub fn items<'a>(node: &'a Node, path: &Path) -> &'a [Node] {
    match lookup(node, path).map(|n| &n.value) {
        Some(Value::Seq(items)) => items,
        _ => &[],
    }
}

fn path_words(path: &Path, lang: Lang) -> String {
    if path.segments.is_empty() {
        lang.pick("the item", "l’élément").to_owned()
    } else {
        format!("`{}`", path.display())
    }
}

fn describe_test(p: &str, test: &Test, lang: Lang) -> String {
    let list = |l: &[Scalar]| l.iter().map(|s| s.show()).collect::<Vec<_>>().join(", ");
    match (lang, test) {
        (Lang::En, Test::Present(true)) => format!("{p} is filled in"),
        (Lang::Fr, Test::Present(true)) => format!("{p} est renseigné"),
        (Lang::En, Test::Present(false)) => format!("{p} is empty or absent"),
        (Lang::Fr, Test::Present(false)) => format!("{p} est vide ou absent"),
        (Lang::En, Test::Equals(v)) => format!("{p} is {}", v.show()),
        (Lang::Fr, Test::Equals(v)) => format!("{p} vaut {}", v.show()),
        (Lang::En, Test::OneOf(l, false)) => format!("{p} is one of {}", list(l)),
        (Lang::Fr, Test::OneOf(l, false)) => format!("{p} vaut l’une de ces valeurs\u{a0}: {}", list(l)),
        (Lang::En, Test::OneOf(l, true)) => format!("{p} is none of {}", list(l)),
        (Lang::Fr, Test::OneOf(l, true)) => format!("{p} ne vaut aucune de ces valeurs\u{a0}: {}", list(l)),
        (Lang::En, Test::Matches(re, false)) => format!("{p} matches /{}/", re.as_str()),
        (Lang::Fr, Test::Matches(re, false)) => format!("{p} correspond au motif /{}/", re.as_str()),
        (Lang::En, Test::Matches(re, true)) => format!("{p} does not match /{}/", re.as_str()),
        (Lang::Fr, Test::Matches(re, true)) => format!("{p} ne correspond pas au motif /{}/", re.as_str()),
        (Lang::En, Test::Min(n)) => format!("{p} is at least {}", fmt_num(*n)),
        (Lang::Fr, Test::Min(n)) => format!("{p} vaut au moins {}", fmt_num(*n)),
        (Lang::En, Test::Max(n)) => format!("{p} is at most {}", fmt_num(*n)),
        (Lang::Fr, Test::Max(n)) => format!("{p} vaut au plus {}", fmt_num(*n)),
        (Lang::En, Test::MinChars(n)) => format!("{p} has at least {n} characters"),
        (Lang::Fr, Test::MinChars(n)) => format!("{p} compte au moins {n}\u{a0}caractères"),
        (Lang::En, Test::MaxChars(n)) => format!("{p} has at most {n} characters"),
        (Lang::Fr, Test::MaxChars(n)) => format!("{p} compte au plus {n}\u{a0}caractères"),
        (Lang::En, Test::MinItems(n)) => format!("{p} has at least {n} item{}", if *n == 1 { "" } else { "s" }),
        (Lang::Fr, Test::MinItems(n)) => format!(
            "{p} contient au moins {n}\u{a0}élément{}",
            if *n > 1 { "s" } else { "" }
        ),
        (Lang::En, Test::MaxItems(n)) => format!("{p} has at most {n} item{}", if *n == 1 { "" } else { "s" }),
        (Lang::Fr, Test::MaxItems(n)) => {
            format!("{p} contient au plus {n}\u{a0}élément{}", if *n > 1 { "s" } else { "" })
        }
        (Lang::En, Test::MaxRepeated(n)) => format!("{p} repeats no character more than {n} times in a row"),
        (Lang::Fr, Test::MaxRepeated(n)) => format!("{p} ne répète aucun caractère plus de {n}\u{a0}fois de suite"),
    }
}

fn found_words(v: Option<&Node>, test: &Test, lang: Lang) -> String {
    let Some(node) = v else {
        return lang.pick("nothing (missing)", "rien (absent)").to_owned();
    };
    match (&node.value, test) {
        (Value::Str(s), Test::MinChars(_) | Test::MaxChars(_)) => {
            let n = s.chars().count();
            match lang {
                Lang::En => format!("{n} characters"),
                Lang::Fr => format!("{n} caractères"),
            }
        }
        (Value::Str(s), Test::MaxRepeated(_)) => {
            let n = max_run(s);
            match lang {
                Lang::En => format!("a character repeated {n} times"),
                Lang::Fr => format!("un caractère répété {n} fois"),
            }
        }
        (Value::Seq(items), _) => {
            let n = items.len();
            match lang {
                Lang::En => format!("{n} item{}", if n == 1 { "" } else { "s" }),
                Lang::Fr => format!("{n} élément{}", if n > 1 { "s" } else { "" }),
            }
        }
        (Value::Map(_), _) => lang.pick("a mapping", "un dictionnaire").to_owned(),
        (Value::Str(s), _) => {
            let short: String = s.chars().take(60).collect();
            let ellipsis = if short.len() < s.len() { "…" } else { "" };
            match lang {
                Lang::En => format!("\"{short}{ellipsis}\""),
                Lang::Fr => format!("«\u{a0}{short}{ellipsis}\u{a0}»"),
            }
        }
        (Value::Int(i), _) => i.to_string(),
        (Value::Float(f), _) => fmt_num(*f),
        (Value::Bool(b), _) => b.to_string(),
        (Value::Null, _) => lang.pick("nothing (missing)", "rien (absent)").to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Compiling conditions from pack YAML.

const OPERATORS: &[&str] = &[
    "present",
    "equals",
    "one_of",
    "not_one_of",
    "matches",
    "not_matches",
    "min",
    "max",
    "min_chars",
    "max_chars",
    "min_items",
    "max_items",
    "max_repeated_chars",
];
/// Keys that shape a condition rather than test a value.
const FORM_KEYS: &[&str] = &["path", "all", "any", "not", "each", "some", "check", "when", "message"];

fn condition_keys() -> impl Iterator<Item = &'static str> + Clone {
    FORM_KEYS.iter().chain(OPERATORS).copied()
}

/// Where a condition is compiled: the kind its paths start from.
#[derive(Clone, Copy)]
pub struct Scope {
    pub base: Kind,
    /// True under `extra`: nothing is known of the shape.
    pub free: bool,
    /// Compile regular expressions on first use. Only for the built-in
    /// packs, whose patterns the tests compile: a user's pack must have every
    /// error reported at load, located.
    pub lazy: bool,
}

impl Scope {
    pub fn root(lazy: bool) -> Self {
        Scope {
            base: schema::ROOT,
            free: false,
            lazy,
        }
    }
}

/// A regular expression of a pack, compiled at load or on first use.
#[derive(Debug, Clone)]
pub struct Pattern {
    src: String,
    re: OnceLock<Regex>,
}

impl Pattern {
    fn builder(src: &str) -> regex::RegexBuilder {
        let mut b = regex::RegexBuilder::new(src);
        b.size_limit(1 << 20).dfa_size_limit(1 << 20);
        b
    }

    /// Compile now: the error, if any, is the caller's to report.
    fn eager(src: &str) -> Result<Pattern, regex::Error> {
        let re = Self::builder(src).build()?;
        Ok(Pattern {
            src: src.to_owned(),
            re: OnceLock::from(re),
        })
    }

    /// Compile on first use: start-up pays only for the patterns a run needs.
    fn lazy(src: &str) -> Pattern {
        Pattern {
            src: src.to_owned(),
            re: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.src
    }

    fn is_match(&self, s: &str) -> bool {
        self.re
            .get_or_init(|| {
                Self::builder(&self.src)
                    .build()
                    .unwrap_or_else(|e| panic!("built-in pattern /{}/ does not compile: {e}", self.src))
            })
            .is_match(s)
    }
}

fn err(pos: Pos, en: String, fr: String) -> Diagnostic {
    Diagnostic::error(pos, Msg::other(en, fr))
}

/// Compile a condition; problems are pushed to `out` (and `None` returned).
pub fn compile(node: &Node, scope: Scope, out: &mut Vec<Diagnostic>) -> Option<Cond> {
    let cond = compile_bare(node, scope, out)?;
    match node.get("message") {
        None => Some(cond),
        Some(m) => {
            let message = message_text(m, out)?;
            Some(Cond::Explained {
                cond: Box::new(cond),
                message,
            })
        }
    }
}

/// `message: "..."` or `message: {en: ..., fr: ...}`.
fn message_text(node: &Node, out: &mut Vec<Diagnostic>) -> Option<crate::i18n::Text> {
    let mut text = crate::i18n::Text::default();
    match &node.value {
        Value::Str(s) => text.variants.push((String::new(), s.clone())),
        Value::Map(entries) if !entries.is_empty() => {
            for (k, v) in entries {
                // A non-text value leaves an empty text, reported below.
                text.variants
                    .push((k.name.clone(), v.as_str().unwrap_or_default().to_owned()));
            }
        }
        _ => {}
    }
    if text.is_empty() || text.variants.iter().any(|(_, t)| t.is_empty()) {
        out.push(err(
            node.pos,
            "`message` must be text, or a mapping of language to text".into(),
            "`message` doit être un texte, ou un dictionnaire langue → texte".into(),
        ));
        return None;
    }
    Some(text)
}

/// Fill a `message` template: `{path}` is the value at that path below
/// `context` (the failing item of an `each`, else the profile); `{.}` is the
/// context itself. `None` when a placeholder names nothing, so the caller
/// falls back to the generated message.
pub fn fill_message(template: &str, context: &Node) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open + 1..].find('}') else { break };
        let name = &rest[open + 1..open + 1 + len];
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        }
        let value = lookup(context, &Path::parse(name))?;
        out.push_str(&rest[..open]);
        match &value.value {
            Value::Str(s) => out.push_str(s),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&f.to_string()),
            Value::Bool(b) => out.push_str(&b.to_string()),
            _ => return None,
        }
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    Some(out)
}

fn compile_bare(node: &Node, scope: Scope, out: &mut Vec<Diagnostic>) -> Option<Cond> {
    let Value::Map(entries) = &node.value else {
        out.push(err(
            node.pos,
            "a condition must be a mapping such as `{path: photo.set, equals: true}`".into(),
            "une condition doit être un dictionnaire comme `{path: photo.set, equals: true}`".into(),
        ));
        return None;
    };
    let mut bad = false;
    for (k, _) in entries {
        if !condition_keys().any(|c| c == k.name) {
            out.push(Diagnostic::unknown_key(k, condition_keys(), false));
            bad = true;
        }
    }
    if bad {
        return None;
    }
    let has = |k: &str| node.get(k).is_some();
    let forms: Vec<&str> = ["path", "all", "any", "not", "each", "some"]
        .into_iter()
        .filter(|k| has(k))
        .collect();
    if forms.len() != 1 {
        out.push(err(
            node.pos,
            "a condition needs exactly one of `path`, `all`, `any`, `not`, `each`, `some`".into(),
            "une condition demande exactement une des clés `path`, `all`, `any`, `not`, `each`, `some`".into(),
        ));
        return None;
    }
    let allowed_extra: &[&str] = match forms[0] {
        "path" => OPERATORS,
        "each" => &["check", "when"],
        "some" => &["check"],
        _ => &[],
    };
    // `message` words the failure of this part of a check; `each`/`some`
    // rules are worded by the rule's own `message`.
    let message_ok = !matches!(forms[0], "each" | "some");
    for (k, _) in entries {
        if k.name == "message" && message_ok {
            continue;
        }
        if k.name != forms[0] && !allowed_extra.contains(&k.name.as_str()) {
            out.push(err(
                k.pos,
                format!("`{}` cannot be used with `{}` in a condition", k.name, forms[0]),
                format!("`{}` ne peut pas accompagner `{}` dans une condition", k.name, forms[0]),
            ));
            bad = true;
        }
    }
    if bad {
        return None;
    }
    match forms[0] {
        "all" | "any" => {
            let key = forms[0];
            let list = node.get(key)?;
            let Value::Seq(items) = &list.value else {
                out.push(err(
                    list.pos,
                    format!("`{key}` takes a list of conditions"),
                    format!("`{key}` attend une liste de conditions"),
                ));
                return None;
            };
            // `all: []` always holds and `any: []` never does: surely a slip.
            if items.is_empty() {
                out.push(err(
                    list.pos,
                    format!("`{key}` needs at least one condition"),
                    format!("`{key}` demande au moins une condition"),
                ));
                return None;
            }
            let before = out.len();
            let cs: Vec<Cond> = items.iter().filter_map(|c| compile(c, scope, out)).collect();
            if out.len() > before {
                return None;
            }
            if key == "all" {
                Some(Cond::All(cs))
            } else {
                Some(Cond::Any(cs))
            }
        }
        "not" => compile(node.get("not")?, scope, out).map(|c| Cond::Not(Box::new(c))),
        "each" | "some" => {
            let key = forms[0];
            let pnode = node.get(key)?;
            let (path, kind) = compile_path(pnode, scope, out)?;
            let item_scope = match kind {
                Resolved::Free => Scope {
                    base: Kind::Free,
                    free: true,
                    ..scope
                },
                Resolved::Field(Kind::List(item)) => Scope {
                    base: *item,
                    free: false,
                    ..scope
                },
                Resolved::Field(k) => {
                    out.push(err(
                        pnode.pos,
                        format!("`{key}` needs a list, but `{}` is {}", path.display(), k.describe()),
                        format!(
                            "`{key}` demande une liste, or `{}` est {}",
                            path.display(),
                            k.describe_fr()
                        ),
                    ));
                    return None;
                }
            };
            let Some(check_node) = node.get("check") else {
                out.push(err(
                    node.pos,
                    format!("`{key}` needs a `check`"),
                    format!("`{key}` demande une clé `check`"),
                ));
                return None;
            };
            let check = compile(check_node, item_scope, out);
            let when = match node.get("when") {
                Some(w) => Some(Box::new(compile(w, item_scope, out)?)),
                None => None,
            };
            let check = Box::new(check?);
            if key == "each" {
                Some(Cond::Each { path, when, check })
            } else {
                Some(Cond::Some { path, check })
            }
        }
        _ => compile_leaf(node, entries, scope, out),
    }
}

fn compile_path(pnode: &Node, scope: Scope, out: &mut Vec<Diagnostic>) -> Option<(Path, Resolved)> {
    let Some(s) = pnode.as_str() else {
        out.push(err(
            pnode.pos,
            "a path must be text such as `about.bio`".into(),
            "un chemin doit être un texte comme `about.bio`".into(),
        ));
        return None;
    };
    let path = Path::parse(s);
    if path.segments.iter().any(|s| s.is_empty()) {
        out.push(err(
            pnode.pos,
            format!("malformed path `{s}`"),
            format!("chemin mal formé `{s}`"),
        ));
        return None;
    }
    if scope.free {
        return Some((path, Resolved::Free));
    }
    match schema::resolve(scope.base, &path.segments) {
        Ok(r) => Some((path, r)),
        Err((i, allowed)) => {
            let seg = &path.segments[i];
            let prefix = path.segments[..i].join(".");
            let suggestion = schema::did_you_mean(seg, allowed.iter().copied()).map(|s| {
                if prefix.is_empty() {
                    s.to_owned()
                } else {
                    format!("{prefix}.{s}")
                }
            });
            let mut en = format!("`{s}` is not a path of the profile format");
            let mut fr = format!("`{s}` n’est pas un chemin du format de profil");
            if let Some(sug) = suggestion {
                en.push_str(&format!("; did you mean `{sug}`?"));
                fr.push_str(&format!("\u{a0}; vouliez-vous dire `{sug}`\u{a0}?"));
            } else if matches!(
                schema::resolve(scope.base, &path.segments[..i]),
                Ok(Resolved::Field(Kind::List(_)))
            ) {
                en.push_str(&format!(
                    ": `{prefix}` is a list; check its items with `each` or `some`"
                ));
                fr.push_str(&format!(
                    "\u{a0}: `{prefix}` est une liste\u{a0}; vérifiez ses éléments avec `each` ou `some`"
                ));
            } else if allowed.is_empty() {
                en.push_str(&format!(" (`{prefix}` has no keys below it)"));
                fr.push_str(&format!(" (`{prefix}` n’a pas de clés en dessous)"));
            }
            out.push(err(pnode.pos, en, fr));
            None
        }
    }
}

fn scalar_of(n: &Node) -> Option<Scalar> {
    match &n.value {
        Value::Bool(b) => Some(Scalar::Bool(*b)),
        Value::Int(i) => Some(Scalar::Num(*i as f64)),
        Value::Float(f) => Some(Scalar::Num(*f)),
        Value::Str(s) => Some(Scalar::Str(s.clone())),
        Value::Null => Some(Scalar::Null),
        _ => None,
    }
}

/// Can a field of `kind` ever equal `s`? Err carries the reason in en/fr.
fn check_scalar_fits(kind: &Kind, s: &Scalar) -> Result<(), (String, String)> {
    match (kind, s) {
        (Kind::Bool, Scalar::Bool(_)) | (Kind::Str, Scalar::Str(_)) => Ok(()),
        (Kind::Int { .. } | Kind::Number { .. }, Scalar::Num(_)) => Ok(()),
        (Kind::Enum(allowed), Scalar::Str(v)) => {
            if allowed.contains(&v.as_str()) {
                Ok(())
            } else {
                let list = allowed.join(", ");
                Err((
                    format!("`{v}` is not a value this field can take (expected one of {list})"),
                    format!("`{v}` n’est pas une valeur possible pour ce champ (valeurs\u{a0}: {list})"),
                ))
            }
        }
        (k, s) => Err((
            format!(
                "this field holds {}, so it can never equal `{}`",
                k.describe(),
                s.show()
            ),
            format!(
                "ce champ contient {}, il ne peut donc jamais valoir `{}`",
                k.describe_fr(),
                s.show()
            ),
        )),
    }
}

fn compile_leaf(
    node: &Node,
    entries: &[(crate::profile::yaml::Key, Node)],
    scope: Scope,
    out: &mut Vec<Diagnostic>,
) -> Option<Cond> {
    let ops: Vec<&(crate::profile::yaml::Key, Node)> = entries
        .iter()
        .filter(|(k, _)| OPERATORS.contains(&k.name.as_str()))
        .collect();
    if ops.len() != 1 {
        out.push(err(
            node.pos,
            format!(
                "a `path` condition needs exactly one test ({}), found {}",
                OPERATORS.join(", "),
                ops.len()
            ),
            format!(
                "une condition `path` demande exactement un test ({}), trouvé\u{a0}: {}",
                OPERATORS.join(", "),
                ops.len()
            ),
        ));
        return None;
    }
    let (op_key, arg) = ops[0];
    let (path, resolved) = compile_path(node.get("path")?, scope, out)?;
    let op = op_key.name.as_str();
    let kind = match resolved {
        Resolved::Free => None,
        Resolved::Field(k) => Some(k),
    };
    // Which kinds each operator applies to; `None` (under extra) allows all.
    let applies = |ok: &dyn Fn(&Kind) -> bool| kind.as_ref().is_none_or(ok);
    let type_error = |what_en: &str, what_fr: &str| {
        let k = kind.unwrap_or(Kind::Free);
        err(
            op_key.pos,
            format!(
                "`{op}` applies to {what_en}, but `{}` is {}",
                path.display(),
                k.describe()
            ),
            format!(
                "`{op}` s’applique à {what_fr}, or `{}` est {}",
                path.display(),
                k.describe_fr()
            ),
        )
    };
    let count = |out: &mut Vec<Diagnostic>| -> Option<usize> {
        match &arg.value {
            Value::Int(i) if *i >= 0 => Some(*i as usize),
            _ => {
                out.push(err(
                    arg.pos,
                    format!("`{op}` takes a whole number, 0 or more"),
                    format!("`{op}` attend un nombre entier positif ou nul"),
                ));
                None
            }
        }
    };
    let is_text = |k: &Kind| matches!(k, Kind::Str | Kind::Enum(_));
    let test = match op {
        "present" => match arg.value {
            Value::Bool(b) => Test::Present(b),
            _ => {
                out.push(err(
                    arg.pos,
                    "`present` takes true or false".into(),
                    "`present` attend true ou false".into(),
                ));
                return None;
            }
        },
        "equals" => {
            let Some(s) = scalar_of(arg).filter(|s| *s != Scalar::Null) else {
                out.push(err(
                    arg.pos,
                    "`equals` takes a single value (text, number or true/false)".into(),
                    "`equals` attend une seule valeur (texte, nombre ou true/false)".into(),
                ));
                return None;
            };
            if let Some(k) = &kind {
                if !k.is_scalar() {
                    out.push(type_error("a single value", "une valeur simple"));
                    return None;
                }
                if let Err((en, fr)) = check_scalar_fits(k, &s) {
                    out.push(err(arg.pos, en, fr));
                    return None;
                }
            }
            Test::Equals(s)
        }
        "one_of" | "not_one_of" => {
            let Value::Seq(items) = &arg.value else {
                out.push(err(
                    arg.pos,
                    format!("`{op}` takes a list of values"),
                    format!("`{op}` attend une liste de valeurs"),
                ));
                return None;
            };
            if kind.as_ref().is_some_and(|k| !k.is_scalar()) {
                out.push(type_error("a single value", "une valeur simple"));
                return None;
            }
            let before = out.len();
            let mut list = Vec::new();
            for it in items {
                match scalar_of(it).filter(|s| *s != Scalar::Null) {
                    None => out.push(err(
                        it.pos,
                        format!("`{op}` takes plain values"),
                        format!("`{op}` attend des valeurs simples"),
                    )),
                    Some(s) => {
                        if let Some(k) = &kind
                            && let Err((en, fr)) = check_scalar_fits(k, &s)
                        {
                            out.push(err(it.pos, en, fr));
                        }
                        list.push(s);
                    }
                }
            }
            if out.len() > before {
                return None;
            }
            Test::OneOf(list, op == "not_one_of")
        }
        "matches" | "not_matches" => {
            if !applies(&is_text) {
                out.push(type_error("text", "du texte"));
                return None;
            }
            let Some(src) = arg.as_str() else {
                out.push(err(
                    arg.pos,
                    format!("`{op}` takes a regular expression as text"),
                    format!("`{op}` attend une expression régulière (texte)"),
                ));
                return None;
            };
            let compiled = if scope.lazy {
                Ok(Pattern::lazy(src))
            } else {
                Pattern::eager(src)
            };
            match compiled {
                Ok(re) => Test::Matches(re, op == "not_matches"),
                Err(e) => {
                    // The regex crate ends its message with "error: WHAT"; our own
                    // prefix already says it is an error.
                    let last = e.to_string().lines().last().unwrap_or("").trim().to_owned();
                    let detail = last.strip_prefix("error: ").unwrap_or(&last).to_owned();
                    out.push(err(
                        arg.pos,
                        format!("bad regular expression: {detail}"),
                        format!("expression régulière invalide\u{a0}: {detail}"),
                    ));
                    return None;
                }
            }
        }
        "min" | "max" => {
            if !applies(&|k| matches!(k, Kind::Int { .. } | Kind::Number { .. })) {
                out.push(type_error("numbers", "des nombres"));
                return None;
            }
            let Some(n) = number(&arg.value) else {
                out.push(err(
                    arg.pos,
                    format!("`{op}` takes a number"),
                    format!("`{op}` attend un nombre"),
                ));
                return None;
            };
            if op == "min" { Test::Min(n) } else { Test::Max(n) }
        }
        "min_chars" | "max_chars" | "max_repeated_chars" => {
            if !applies(&is_text) {
                out.push(type_error("text", "du texte"));
                return None;
            }
            let n = count(out)?;
            match op {
                "min_chars" => Test::MinChars(n),
                "max_chars" => Test::MaxChars(n),
                _ => Test::MaxRepeated(n),
            }
        }
        "min_items" | "max_items" => {
            if !applies(&|k| matches!(k, Kind::List(_))) {
                out.push(type_error("lists", "des listes"));
                return None;
            }
            let n = count(out)?;
            if op == "min_items" {
                Test::MinItems(n)
            } else {
                Test::MaxItems(n)
            }
        }
        _ => unreachable!("OPERATORS lists every operator"),
    };
    Some(Cond::Leaf { path, test })
}
