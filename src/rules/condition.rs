//! Conditions: compiled from pack YAML (checked against the profile format),
//! evaluated against a profile's YAML tree, and described in words.

use crate::i18n::Lang;
use crate::i18n::catalog::{Message, msg, t};
use crate::profile::diag::Diagnostic;
use crate::profile::schema::{self, Kind, Resolved};
use crate::profile::yaml::{Node, Pos, Value};
pub use crate::rules::limits::{MAX_MESSAGE_CHARS, MAX_PATTERN_PROGRAM, MAX_PLACEHOLDERS, MAX_VALUE_CHARS};
use regex::Regex;
use std::cell::Cell;
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
        /// Its failure sentence, worded once per language.
        worded: Worded,
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
            Cond::Leaf { path, test, .. } => test.holds(lookup(node, path)),
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
        let join = |cs: &[Cond]| {
            cs.iter()
                .map(|c| format!("({})", c.describe(lang)))
                .collect::<Vec<_>>()
                .join(&t!(lang, "cond-list-separator"))
        };
        match self {
            Cond::Explained { cond, .. } => cond.describe(lang),
            Cond::Leaf { path, test, .. } => {
                let field = field_of(path);
                describe_test(&subject_words(path, field, lang), test, field, lang)
            }
            Cond::All(cs) => t!(lang, "cond-all", list = join(cs)),
            Cond::Any(cs) => t!(lang, "cond-any", list = join(cs)),
            Cond::Not(c) => match &**c {
                // A negated test is worded as its opposite, not as "it is not true that".
                Cond::Leaf { path, test, .. } => {
                    let field = field_of(path);
                    let subject = subject_words(path, field, lang);
                    match test {
                        Test::Equals(v) => {
                            t!(
                                lang,
                                "test-not-equals",
                                subject = subject,
                                value = value_words(v, field, lang)
                            )
                        }
                        Test::Present(b) => describe_test(&subject, &Test::Present(!b), field, lang),
                        Test::OneOf(l, neg) => describe_test(&subject, &Test::OneOf(l.clone(), !neg), field, lang),
                        Test::Matches(re, neg) => {
                            describe_test(&subject, &Test::Matches(re.clone(), !neg), field, lang)
                        }
                        _ => t!(lang, "cond-not", cond = c.describe(lang)),
                    }
                }
                _ => t!(lang, "cond-not", cond = c.describe(lang)),
            },
            Cond::Each { path, when, check } => match when {
                None => t!(lang, "cond-each", path = path.display(), check = check.describe(lang)),
                Some(w) => t!(
                    lang,
                    "cond-each-where",
                    path = path.display(),
                    when = w.describe(lang),
                    check = check.describe(lang)
                ),
            },
            Cond::Some { path, check } => {
                t!(lang, "cond-some", path = path.display(), check = check.describe(lang))
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
            Cond::Leaf { path, test, worded } => {
                let sentence = worded.get(path, test, lang);
                let found = found_words(lookup(node, path), test, sentence.field, lang);
                let out = match &sentence.around {
                    Some((before, after)) => [before.as_str(), &found, after].concat(),
                    None => leaf_sentence(path, test, sentence.field, lang, found.clone()),
                };
                // Every debug build (so every test) checks the shortcut
                // against the sentence worded in full.
                debug_assert_eq!(out, leaf_sentence(path, test, sentence.field, lang, found));
                out
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
                t!(lang, "cond-failure-empty", path = path.display())
            }
            other => t!(lang, "cond-failure-general", expected = other.describe(lang)),
        }
    }
}

/// A leaf's failure sentence in one language, worded once: everything in
/// it but the value found depends only on the leaf (the field, its path,
/// what the test expects), and wording it with Fluent for every finding
/// was a fifth of a run's instructions on small profiles.
#[derive(Debug, Clone, Default)]
pub struct Worded([OnceLock<Sentence>; Lang::ALL.len()]);

/// What [`Worded`] keeps for one language.
#[derive(Debug, Clone)]
struct Sentence {
    /// The field at the leaf's path, as the format's table describes it.
    field: Option<&'static schema::Field>,
    /// The sentence before and after the value found; None when the marker
    /// did not come out exactly once (then it is worded in full each time).
    around: Option<(String, String)>,
}

/// Stands for the value found while a sentence is worded once: a
/// private-use character no catalogue message holds.
const FOUND_MARK: &str = "\u{E000}";

impl Worded {
    fn get(&self, path: &Path, test: &Test, lang: Lang) -> &Sentence {
        self.0[lang as usize].get_or_init(|| {
            // The field as the format's table describes it, so a
            // participant reads "what the profile picture shows", not a
            // path, and its values by their labels.
            let field = schema::field_at(&path.display()).filter(|_| !path.segments.is_empty());
            let whole = leaf_sentence(path, test, field, lang, FOUND_MARK.to_owned());
            let around = whole
                .split_once(FOUND_MARK)
                .filter(|(_, after)| !after.contains(FOUND_MARK))
                .map(|(before, after)| (before.to_owned(), after.to_owned()));
            Sentence { field, around }
        })
    }
}

/// Why a leaf fails, in full: what it expects of its field (or path) and
/// what was `found` there.
fn leaf_sentence(path: &Path, test: &Test, field: Option<&schema::Field>, lang: Lang, found: String) -> String {
    let expected = expected_words(test, field, lang);
    match field {
        Some(field) => t!(
            lang,
            "cond-failure-field",
            field = field.describe(lang),
            expected = expected,
            found = found
        ),
        None => t!(
            lang,
            "cond-failure",
            path = path_words(path, lang),
            expected = expected,
            found = found
        ),
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

/// The field of the format's table at `path`, if the path names one. A
/// one-key path may be relative to a list item (`network` under
/// `contact.links`): a section of the format (`network:` at the top) is then
/// not what it means, so sections are never taken for a one-key path.
fn field_of(path: &Path) -> Option<&'static schema::Field> {
    schema::field_at(&path.display())
        .filter(|_| !path.segments.is_empty())
        .filter(|f| path.segments.len() > 1 || !matches!(f.kind, schema::Kind::Obj(_)))
}

/// The subject of a test for `explain`: the field in words with its path,
/// else the path.
fn subject_words(path: &Path, field: Option<&schema::Field>, lang: Lang) -> String {
    match field {
        Some(f) => format!("{} (`{}`)", f.describe(lang), path.display()),
        None => path_words(path, lang),
    }
}

fn path_words(path: &Path, lang: Lang) -> String {
    if path.segments.is_empty() {
        t!(lang, "cond-the-item")
    } else {
        format!("`{}`", path.display())
    }
}

/// A value as a participant reads it: yes or no, an enum value by its
/// label when the field has one, text in quotes.
fn value_words(s: &Scalar, field: Option<&schema::Field>, lang: Lang) -> String {
    match s {
        Scalar::Bool(b) => yes_no(*b, lang),
        Scalar::Str(v) => {
            let label = field.map(|f| schema::value_label(f, v, lang)).unwrap_or_default();
            lang.quote(if label.is_empty() { v } else { &label })
        }
        Scalar::Num(n) => lang.number(*n),
        other => other.show(),
    }
}

fn yes_no(b: bool, lang: Lang) -> String {
    if b { t!(lang, "value-yes") } else { t!(lang, "value-no") }
}

/// The values of a list, as [`value_words`], comma-separated.
fn quoted_list(l: &[Scalar], field: Option<&schema::Field>, lang: Lang) -> String {
    l.iter()
        .map(|s| value_words(s, field, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A test with its subject `p`, for rule authors (`explain`, `rules`).
fn describe_test(p: &str, test: &Test, field: Option<&schema::Field>, lang: Lang) -> String {
    let list = |l: &[Scalar]| quoted_list(l, field, lang);
    match test {
        Test::Present(true) => t!(lang, "test-present", subject = p),
        Test::Present(false) => t!(lang, "test-absent", subject = p),
        Test::Equals(v) => t!(lang, "test-equals", subject = p, value = value_words(v, field, lang)),
        Test::OneOf(l, false) => t!(lang, "test-one-of", subject = p, values = list(l)),
        Test::OneOf(l, true) => t!(lang, "test-none-of", subject = p, values = list(l)),
        Test::Matches(re, false) => t!(lang, "test-matches", subject = p, pattern = re.as_str()),
        Test::Matches(re, true) => t!(lang, "test-not-matches", subject = p, pattern = re.as_str()),
        Test::Min(n) => t!(lang, "test-min", subject = p, n = *n),
        Test::Max(n) => t!(lang, "test-max", subject = p, n = *n),
        Test::MinChars(n) => t!(lang, "test-min-chars", subject = p, n = *n),
        Test::MaxChars(n) => t!(lang, "test-max-chars", subject = p, n = *n),
        Test::MinItems(n) => t!(lang, "test-min-items", subject = p, n = *n),
        Test::MaxItems(n) => t!(lang, "test-max-items", subject = p, n = *n),
        Test::MaxRepeated(n) => t!(lang, "test-max-repeated", subject = p, n = *n),
    }
}

/// What a test wants, without its subject, for a participant's finding.
fn expected_words(test: &Test, field: Option<&schema::Field>, lang: Lang) -> String {
    match test {
        Test::Present(true) => t!(lang, "expect-present"),
        Test::Present(false) => t!(lang, "expect-absent"),
        Test::Equals(v) => value_words(v, field, lang),
        Test::OneOf(l, false) => t!(lang, "expect-one-of", values = quoted_list(l, field, lang)),
        Test::OneOf(l, true) => t!(lang, "expect-none-of", values = quoted_list(l, field, lang)),
        Test::Matches(re, false) => t!(lang, "expect-matches", pattern = re.as_str()),
        Test::Matches(re, true) => t!(lang, "expect-not-matches", pattern = re.as_str()),
        Test::Min(n) => t!(lang, "expect-min", n = *n),
        Test::Max(n) => t!(lang, "expect-max", n = *n),
        Test::MinChars(n) => t!(lang, "expect-min-chars", n = *n),
        Test::MaxChars(n) => t!(lang, "expect-max-chars", n = *n),
        Test::MinItems(n) => t!(lang, "expect-min-items", n = *n),
        Test::MaxItems(n) => t!(lang, "expect-max-items", n = *n),
        Test::MaxRepeated(n) => t!(lang, "expect-max-repeated", n = *n),
    }
}

fn found_words(v: Option<&Node>, test: &Test, field: Option<&schema::Field>, lang: Lang) -> String {
    let Some(node) = v else {
        return t!(lang, "found-missing");
    };
    match (&node.value, test) {
        (Value::Str(s), Test::MinChars(_) | Test::MaxChars(_)) => {
            t!(lang, "found-chars", n = s.chars().count())
        }
        (Value::Str(s), Test::MaxRepeated(_)) => t!(lang, "found-repeated", n = max_run(s)),
        (Value::Seq(items), _) => t!(lang, "found-items", n = items.len()),
        (Value::Map(_), _) => t!(lang, "found-mapping"),
        (Value::Str(s), _) if field.is_some_and(|f| matches!(f.kind, Kind::Enum(_))) => {
            value_words(&Scalar::Str(s.clone()), field, lang)
        }
        (Value::Str(s), _) if s.trim().is_empty() => t!(lang, "found-empty"),
        (Value::Str(s), _) => {
            let short: String = s.chars().take(60).collect();
            let ellipsis = if short.len() < s.len() { "…" } else { "" };
            lang.quote(&format!("{short}{ellipsis}"))
        }
        (Value::Int(i), _) => lang.number(*i as f64),
        (Value::Float(f), _) => lang.number(*f),
        (Value::Bool(b), _) => yes_no(*b, lang),
        (Value::Null, _) => t!(lang, "found-missing"),
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

/// The lazy DFA cache one pattern may fill while matching (the regex
/// crate's default is 2 MiB).
const DFA_CACHE: usize = 256 << 10;

thread_local! {
    /// The pattern bytes of the pack being loaded on this thread, so its
    /// loading stops as soon as it goes over budget.
    static PATTERN_BYTES: Cell<usize> = const { Cell::new(0) };
}

/// Start counting the pattern bytes of a new pack.
pub(crate) fn start_pattern_budget() {
    PATTERN_BYTES.with(|c| c.set(0));
}

/// A regular expression of a pack, compiled at load or on first use.
#[derive(Debug, Clone)]
pub struct Pattern {
    src: String,
    re: OnceLock<Regex>,
    /// An upper bound on the compiled program's size, in bytes, for the
    /// packs' budget (0 for a built-in pattern compiled on first use).
    cost: usize,
}

impl Pattern {
    fn builder(src: &str) -> regex::RegexBuilder {
        let mut b = regex::RegexBuilder::new(src);
        b.size_limit(MAX_PATTERN_PROGRAM).dfa_size_limit(DFA_CACHE);
        b
    }

    /// Compile now: the error, if any, is the caller's to report.
    ///
    /// The regex crate does not tell how large a compiled pattern is, only
    /// whether it fits a size limit; so the pattern is compiled under a
    /// small limit first and a larger one only when it does not fit, and
    /// its cost is the limit it fitted, plus the lazy DFA's cache that
    /// matching may fill. Most real patterns fit the first try.
    /// `Err(None)`: the pack's patterns already use up the budget
    /// ([`crate::rules::limits::MAX_PATTERN_BYTES`]), so this one is not
    /// compiled at all (a pack of 1,500 large patterns stops at the first
    /// that goes over, not after compiling them all).
    fn eager(src: &str) -> Result<Pattern, Option<regex::Error>> {
        let used = PATTERN_BYTES.with(Cell::get);
        if used > crate::rules::limits::MAX_PATTERN_BYTES {
            return Err(None);
        }
        let mut last = None;
        for limit in [16 << 10, 128 << 10, MAX_PATTERN_PROGRAM] {
            match Self::builder(src).size_limit(limit).build() {
                Ok(re) => {
                    PATTERN_BYTES.with(|c| c.set(used + limit));
                    return Ok(Pattern {
                        src: src.to_owned(),
                        re: OnceLock::from(re),
                        cost: limit,
                    });
                }
                Err(e @ regex::Error::CompiledTooBig(_)) => last = Some(e),
                Err(e) => return Err(Some(e)),
            }
        }
        Err(last)
    }

    /// The bytes this pattern counts for in a pack's budget.
    pub(crate) fn cost(&self) -> usize {
        self.cost
    }

    /// Compile on first use: start-up pays only for the patterns a run needs.
    fn lazy(src: &str) -> Pattern {
        Pattern {
            src: src.to_owned(),
            re: OnceLock::new(),
            cost: 0,
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

/// What is wrong with a regular expression, in our words: the regex crate's
/// own message is English and written for programmers.
fn regex_problem(src: &str, e: &regex::Error) -> Message {
    use regex_syntax::ast::ErrorKind as K;
    let Err(syntax) = regex_syntax::ast::parse::Parser::new().parse(src) else {
        let problem = match e {
            regex::Error::CompiledTooBig(_) => "too-big",
            _ => "unsupported",
        };
        return msg!("cond-bad-regex", problem = problem, at = 0usize);
    };
    let problem = match syntax.kind() {
        K::GroupUnclosed => "group-unclosed",
        K::GroupUnopened => "group-unopened",
        K::ClassUnclosed => "class-unclosed",
        K::ClassRangeInvalid | K::ClassRangeLiteral => "class-range",
        K::RepetitionMissing => "repetition-missing",
        K::RepetitionCountInvalid | K::RepetitionCountDecimalEmpty | K::RepetitionCountUnclosed => "repetition-count",
        K::EscapeUnexpectedEof | K::EscapeUnrecognized | K::ClassEscapeInvalid => "escape",
        K::UnsupportedBackreference | K::UnsupportedLookAround => "unsupported",
        K::NestLimitExceeded(_) => "too-deep",
        _ => "other",
    };
    // The place as a 1-based character count, as an editor shows columns.
    let at = src[..syntax.span().start.offset].chars().count() + 1;
    msg!("cond-bad-regex", problem = problem, at = at)
}

fn err(pos: Pos, m: Message) -> Diagnostic {
    Diagnostic::error(pos, m.into())
}

/// Compile a condition; problems are pushed to `out` (and `None` returned).
pub fn compile(node: &Node, scope: Scope, out: &mut Vec<Diagnostic>) -> Option<Cond> {
    let cond = compile_bare(node, scope, out)?;
    match node.get("message") {
        None => Some(cond),
        Some(m) => {
            let message = message_text(m, out)?;
            check_message(&message, m.pos, out);
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
        out.push(err(node.pos, msg!("cond-message-text-mapping-language")));
        return None;
    }
    Some(text)
}

/// The `{placeholder}` names of a template, in order: a `{` followed by a
/// name of letters, digits, `_` and `.` and a `}`. One pass: every other
/// `{` is text.
fn placeholders(template: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = template.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(off) = bytes[at..].iter().position(|&b| b == b'{') {
            let open = at + off;
            let name_len = template[open + 1..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(template.len() - open - 1);
            let close = open + 1 + name_len;
            at = open + 1;
            if name_len > 0 && bytes.get(close) == Some(&b'}') {
                at = close + 1;
                return Some((open, &template[open + 1..close]));
            }
        }
        None
    })
}

/// Is this `message` within the limits above? Located where it is written.
pub fn check_message(text: &crate::i18n::Text, pos: Pos, out: &mut Vec<Diagnostic>) {
    for (_, t) in &text.variants {
        let (chars, names) = (t.chars().count(), placeholders(t).count());
        if chars > MAX_MESSAGE_CHARS || names > MAX_PLACEHOLDERS {
            out.push(err(
                pos,
                msg!(
                    "budget-message",
                    chars = chars,
                    names = names,
                    max_chars = MAX_MESSAGE_CHARS,
                    max_names = MAX_PLACEHOLDERS
                ),
            ));
            return;
        }
    }
}

/// Fill a `message` template: `{path}` is the value at that path below
/// `context` (the failing item of an `each`, else the profile); `{.}` is the
/// context itself. `None` when a placeholder names nothing, so the caller
/// falls back to the generated message. Linear in the template and the
/// values, each value cut at [`MAX_VALUE_CHARS`].
pub fn fill_message(template: &str, context: &Node) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut done = 0;
    for (open, name) in placeholders(template) {
        let value = lookup(context, &Path::parse(name))?;
        out.push_str(&template[done..open]);
        let shown = match &value.value {
            Value::Str(s) => std::borrow::Cow::Borrowed(s.as_str()),
            Value::Int(i) => i.to_string().into(),
            Value::Float(f) => f.to_string().into(),
            Value::Bool(b) => b.to_string().into(),
            _ => return None,
        };
        match shown.char_indices().nth(MAX_VALUE_CHARS) {
            Some((cut, _)) => {
                out.push_str(&shown[..cut]);
                out.push('…');
            }
            None => out.push_str(&shown),
        }
        done = open + name.len() + 2;
    }
    out.push_str(&template[done..]);
    Some(out)
}

fn compile_bare(node: &Node, scope: Scope, out: &mut Vec<Diagnostic>) -> Option<Cond> {
    let Value::Map(entries) = &node.value else {
        out.push(err(node.pos, msg!("cond-not-mapping")));
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
        out.push(err(node.pos, msg!("cond-condition-needs-exactly-one")));
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
                msg!("cond-cannot-used-with-condition", key = &k.name, forms = forms[0]),
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
                out.push(err(list.pos, msg!("cond-takes-list-conditions", key = key)));
                return None;
            };
            // `all: []` always holds and `any: []` never does: surely a slip.
            if items.is_empty() {
                out.push(err(list.pos, msg!("cond-needs-at-least-one", key = key)));
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
                        msg!(
                            "cond-needs-list-but",
                            key = key,
                            path = path.display().to_string(),
                            expected = k.name()
                        ),
                    ));
                    return None;
                }
            };
            let Some(check_node) = node.get("check") else {
                out.push(err(node.pos, msg!("cond-needs-check", key = key)));
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
        out.push(err(pnode.pos, msg!("cond-path-text-about-bio")));
        return None;
    };
    let path = Path::parse(s);
    if path.segments.iter().any(|s| s.is_empty()) {
        out.push(err(pnode.pos, msg!("cond-malformed-path", s = s)));
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
            let m = if let Some(sug) = suggestion {
                msg!("cond-unknown-path-did-you-mean", path = s, suggestion = sug)
            } else if matches!(
                schema::resolve(scope.base, &path.segments[..i]),
                Ok(Resolved::Field(Kind::List(_)))
            ) {
                msg!("cond-unknown-path-in-list", path = s, prefix = &prefix)
            } else if allowed.is_empty() {
                msg!("cond-unknown-path-below-leaf", path = s, prefix = &prefix)
            } else {
                msg!("cond-unknown-path", path = s)
            };
            out.push(err(pnode.pos, m));
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

/// Can a field of `kind` ever equal `s`? Err carries the reason.
fn check_scalar_fits(kind: &Kind, s: &Scalar) -> Result<(), Message> {
    match (kind, s) {
        (Kind::Bool, Scalar::Bool(_)) | (Kind::Str, Scalar::Str(_)) => Ok(()),
        (Kind::Int { .. } | Kind::Number { .. }, Scalar::Num(_)) => Ok(()),
        (Kind::Enum(allowed), Scalar::Str(v)) => {
            if allowed.contains(&v.as_str()) {
                Ok(())
            } else {
                Err(msg!("cond-value-not-allowed", value = v, allowed = allowed.join(", ")))
            }
        }
        (k, s) => Err(msg!("cond-can-never-equal", expected = k.name(), value = s.show())),
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
            msg!(
                "cond-path-condition-needs-exactly",
                operators = OPERATORS.join(", "),
                count = ops.len()
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
    // `applies` names what the operator takes: single, text, numbers, lists.
    let type_error = |applies: &str| {
        let k = kind.unwrap_or(Kind::Free);
        err(
            op_key.pos,
            msg!(
                "cond-operator-applies-to",
                op = op,
                applies = applies,
                path = path.display().to_string(),
                expected = k.name()
            ),
        )
    };
    let count = |out: &mut Vec<Diagnostic>| -> Option<usize> {
        match &arg.value {
            Value::Int(i) if *i >= 0 => Some(*i as usize),
            _ => {
                out.push(err(arg.pos, msg!("cond-takes-whole-number-0", op = op)));
                None
            }
        }
    };
    let is_text = |k: &Kind| matches!(k, Kind::Str | Kind::Enum(_));
    let test = match op {
        "present" => match arg.value {
            Value::Bool(b) => Test::Present(b),
            _ => {
                out.push(err(arg.pos, msg!("cond-present-takes-true-false")));
                return None;
            }
        },
        "equals" => {
            let Some(s) = scalar_of(arg).filter(|s| *s != Scalar::Null) else {
                out.push(err(arg.pos, msg!("cond-equals-takes-single-value")));
                return None;
            };
            if let Some(k) = &kind {
                if !k.is_scalar() {
                    out.push(type_error("single"));
                    return None;
                }
                if let Err(m) = check_scalar_fits(k, &s) {
                    out.push(err(arg.pos, m));
                    return None;
                }
            }
            Test::Equals(s)
        }
        "one_of" | "not_one_of" => {
            let Value::Seq(items) = &arg.value else {
                out.push(err(arg.pos, msg!("cond-takes-list-values", op = op)));
                return None;
            };
            if kind.as_ref().is_some_and(|k| !k.is_scalar()) {
                out.push(type_error("single"));
                return None;
            }
            let before = out.len();
            let mut list = Vec::new();
            for it in items {
                match scalar_of(it).filter(|s| *s != Scalar::Null) {
                    None => out.push(err(it.pos, msg!("cond-takes-plain-values", op = op))),
                    Some(s) => {
                        if let Some(k) = &kind
                            && let Err(m) = check_scalar_fits(k, &s)
                        {
                            out.push(err(it.pos, m));
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
                out.push(type_error("text"));
                return None;
            }
            let Some(src) = arg.as_str() else {
                out.push(err(arg.pos, msg!("cond-takes-regular-expression-text", op = op)));
                return None;
            };
            let compiled = if scope.lazy {
                Ok(Pattern::lazy(src))
            } else {
                Pattern::eager(src)
            };
            match compiled {
                Ok(re) => Test::Matches(re, op == "not_matches"),
                Err(None) => {
                    out.push(err(
                        arg.pos,
                        msg!("budget-patterns", mib = crate::rules::limits::MAX_PATTERN_BYTES >> 20),
                    ));
                    return None;
                }
                Err(Some(e)) => {
                    out.push(err(arg.pos, regex_problem(src, &e)));
                    return None;
                }
            }
        }
        "min" | "max" => {
            if !applies(&|k| matches!(k, Kind::Int { .. } | Kind::Number { .. })) {
                out.push(type_error("numbers"));
                return None;
            }
            let Some(n) = number(&arg.value) else {
                out.push(err(arg.pos, msg!("cond-takes-number", op = op)));
                return None;
            };
            if op == "min" { Test::Min(n) } else { Test::Max(n) }
        }
        "min_chars" | "max_chars" | "max_repeated_chars" => {
            if !applies(&is_text) {
                out.push(type_error("text"));
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
                out.push(type_error("lists"));
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
    Some(Cond::Leaf {
        path,
        test,
        worded: Worded::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::yaml;

    fn tree(text: &str) -> Node {
        yaml::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn leaf(text: &str) -> Cond {
        let mut problems = Vec::new();
        let cond = compile(&tree(text), Scope::root(false), &mut problems).expect("compiles");
        assert!(problems.is_empty(), "{problems:?}");
        cond
    }

    #[test]
    fn a_leaf_sentence_worded_once_reads_as_worded_in_full() {
        // The second leaf expects the marker itself: it is worded in full every time.
        for (cond, kept) in [
            (leaf("path: photo.kind\none_of: [professional]\n"), true),
            (leaf("path: about.city\none_of: [\"\\uE000\"]\n"), false),
        ] {
            let Cond::Leaf { path, test, worded } = &cond else {
                panic!("a leaf: {cond:?}")
            };
            let field = schema::field_at(&path.display());
            for profile in ["photo: {kind: logo}\nabout: {city: Brest}\n", "photo: {set: true}\n"] {
                let root = tree(profile);
                for lang in Lang::ALL {
                    let found = found_words(lookup(&root, path), test, field, lang);
                    let whole = leaf_sentence(path, test, field, lang, found);
                    // Twice: the first wording keeps the parts, the second uses them.
                    assert_eq!(cond.explain_failure(&root, lang), whole, "{profile} {lang:?}");
                    assert_eq!(cond.explain_failure(&root, lang), whole, "{profile} {lang:?}");
                    assert_eq!(worded.get(path, test, lang).around.is_some(), kept);
                }
            }
        }
        let root = tree("photo: {kind: logo}\n");
        assert_eq!(
            leaf("path: photo.kind\none_of: [professional]\n").explain_failure(&root, Lang::En),
            "what the profile picture shows — expected: one of “A professional portrait of you”; in your profile: “A logo”"
        );
    }
}
