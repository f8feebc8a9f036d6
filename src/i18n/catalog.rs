//! The interface's messages, one Fluent catalogue per language
//! (`locales/<lang>/*.ftl`, embedded at build time by `build.rs`).
//!
//! Code names a message by id and hands it its variables through [`t!`];
//! the sentence, its plural forms and its typography live in the catalogue,
//! where a translator reads them side by side. A language's bundle is parsed
//! on first use only, so a run that prints nothing localised pays nothing.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks are for mixing directions in a UI; on a
    // terminal, in a CI log or a YAML comment they are invisible noise.
    bundle.set_use_isolating(false);
    // Numbers in the reader's locale: 1,000 and 2.5 in English, 1 000
    // (narrow no-break space) and 2,5 in French.
    // NUMBER(), for the options above.
    let _ = bundle.add_builtins();
    // DATE($d): an ISO date (2026-06-30) as the reader writes it
    // (« 30 juin 2026 », "30 June 2026"); anything else is shown as given.
    let _ = bundle.add_function("DATE", move |positional, _| match positional.first() {
        Some(FluentValue::String(s)) => FluentValue::from(date(s, lang).unwrap_or_else(|| s.to_string())),
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    bundle.set_formatter(Some(match lang {
        Lang::En => |v, _| number_value(v, Lang::En),
        Lang::Fr => |v, _| number_value(v, Lang::Fr),
    }));
    for (code, file, text) in CATALOGUES {
        if *code != lang.code() {
            continue;
        }
        // The catalogues are ours and checked by tests; a syntax error must
        // not take the tool down, so what parses is kept.
        let res = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(res, _)| res);
        if let Err(errors) = bundle.add_resource(res) {
            debug_assert!(errors.is_empty(), "locales/{code}/{file}.ftl: {errors:?}");
        }
    }
    bundle
}

fn number_value(v: &FluentValue<'_>, lang: Lang) -> Option<String> {
    match v {
        // `NUMBER($uid, useGrouping: "false")` keeps an identifier whole.
        FluentValue::Number(n) if !n.options.use_grouping => Some(number(n.value, Lang::En).replace(',', "")),
        FluentValue::Number(n) if n.options.minimum_fraction_digits.is_none() => Some(number(n.value, lang)),
        _ => None,
    }
}

/// `n` as the reader of `lang` writes it: digits grouped by three from
/// 1 000 up (a comma in English, a narrow no-break space in French), the
/// decimal mark a point in English and a comma in French.
pub(crate) fn number(n: f64, lang: Lang) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    let plain = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n.abs() as i64)
    } else {
        n.abs().to_string()
    };
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if n < 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 3 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

/// An ISO date `YYYY-MM-DD` in words for a French reader: day, month name
/// (`month-N` in the catalogue), year, « 1er » for the first of the month.
/// English keeps ISO 8601, which no English reader misreads (6/1 would be
/// read two ways).
fn date(iso: &str, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let mut parts = iso.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let month = message(lang, &format!("month-{m}"), None);
    let day = match (lang, d) {
        (Lang::Fr, 1) => message(lang, "date-first-day", None),
        _ => d.to_string(),
    };
    Some(message_with(
        lang,
        "date-long",
        &[("day", day), ("month", month), ("year", y.to_string())],
    ))
}

fn message_with(lang: Lang, id: &str, args: &[(&'static str, String)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, FluentValue::from(v.clone()));
    }
    message(lang, id, Some(&a))
}

/// The message `id` in `lang` with `args`; English when `lang` lacks it, and
/// the id itself when no catalogue has it (a test keeps that from shipping).
pub(crate) fn message(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// The message `id` in `lang` (or English), if a catalogue has it: for
/// messages that exist for some keys only, such as localised samples.
pub(crate) fn lookup(lang: Lang, id: &str) -> Option<String> {
    [lang, Lang::En]
        .iter()
        .any(|l| bundle(*l).has_message(id))
        .then(|| message(lang, id, None))
}

/// The ids of the English messages that start with `prefix`, in catalogue
/// order: the workshop room sends its page every `page-` message at once.
/// A message starts a line with its id and ` =` (Fluent's syntax).
pub(crate) fn ids_with_prefix(prefix: &str) -> Vec<&'static str> {
    CATALOGUES
        .iter()
        .filter(|(code, _, _)| *code == "en")
        .flat_map(|(_, _, text)| text.lines())
        .filter(|line| line.starts_with(prefix))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim_end()))
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .collect()
}

/// A variable for [`t!`]: numbers stay numbers (so plurals are chosen by
/// CLDR rules), everything else becomes text.
pub(crate) trait Arg {
    fn into_value(self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                #[allow(clippy::clone_on_copy)]
                FluentValue::from(self.clone())
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);
number_arg!(&u8, &u16, &u32, &u64, &usize, &i32, &i64, &f64);

impl Arg for String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl Arg for &String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl Arg for &&str {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from((*self).to_owned())
    }
}
impl Arg for std::path::Display<'_> {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl Arg for &str {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

/// A message chosen now and worded later, in whatever language the reader
/// asks for: located problems are found once and rendered per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, ArgValue)>,
}

/// A variable kept until the message is worded.
#[derive(Debug, Clone, PartialEq)]
enum ArgValue {
    Number(f64),
    Text(String),
}

impl Message {
    pub(crate) fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    /// The catalogue id: stable, kebab-case (diagnostic codes are made from it).
    pub(crate) fn id(&self) -> &'static str {
        self.id
    }

    pub(crate) fn arg(mut self, name: &'static str, value: impl Arg) -> Self {
        let v = match value.into_value() {
            FluentValue::Number(n) => ArgValue::Number(n.value),
            FluentValue::String(s) => ArgValue::Text(s.into_owned()),
            _ => ArgValue::Text(String::new()),
        };
        self.args.push((name, v));
        self
    }

    /// The message worded in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return message(lang, self.id, None);
        }
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            match v {
                ArgValue::Number(n) => args.set(*k, FluentValue::from(*n)),
                ArgValue::Text(s) => args.set(*k, FluentValue::from(s.clone())),
            }
        }
        message(lang, self.id, Some(&args))
    }
}

/// `msg!("message-id", n = 3)`: a [`Message`] to word later.
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::catalog::Message::new($id)
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::catalog::Message::new($id)$(.arg(stringify!($k), $v))+
    };
}
pub(crate) use msg;

/// `t!(lang, "message-id")` or `t!(lang, "message-id", n = 3, file = name)`:
/// the message in `lang`, its variables set by name.
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::i18n::catalog::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::catalog::Arg::into_value($v)); )+
        $crate::i18n::catalog::message($lang, $id, Some(&args))
    }};
}
pub(crate) use t;

/// Every (language, message id, variables) of the catalogues, for the test
/// that keeps the languages in step.
#[cfg(test)]
pub(crate) fn inventory() -> Vec<(String, String, Vec<String>)> {
    use fluent_syntax::ast;
    let mut out = Vec::new();
    for (code, _, text) in CATALOGUES {
        let res = fluent_syntax::parser::parse(*text).expect("catalogues parse");
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    collect_vars(v, &mut vars);
                }
                for a in &m.attributes {
                    collect_vars(&a.value, &mut vars);
                }
                vars.sort();
                vars.dedup();
                out.push((code.to_string(), m.id.name.to_string(), vars));
            }
        }
    }
    out
}

#[cfg(test)]
pub(super) fn collect_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    collect_vars(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn every_language_has_the_same_messages_and_variables() {
        let mut by_lang: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        for (lang, id, vars) in inventory() {
            let prev = by_lang.entry(lang.clone()).or_default().insert(id.clone(), vars);
            assert!(prev.is_none(), "message {id} defined twice in {lang}");
        }
        let en = &by_lang["en"];
        for (lang, msgs) in &by_lang {
            for (id, vars) in en {
                assert_eq!(
                    msgs.get(id),
                    Some(vars),
                    "{lang}: message {id} missing or with other variables"
                );
            }
            for id in msgs.keys() {
                assert!(en.contains_key(id), "{lang}: message {id} has no English original");
            }
        }
    }

    #[test]
    fn every_catalogue_parses_without_error() {
        for (code, file, text) in CATALOGUES {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*text) {
                panic!("locales/{code}/{file}.ftl: {errors:?}");
            }
        }
    }

    /// Every `.rs` file under src/, with its tests cut off (a file's unit
    /// tests start at its `#[cfg(test)]`).
    fn sources() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src/ is readable").flatten().collect();
            entries.sort_by_key(|e| e.path());
            for e in entries {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.file_name().is_some_and(|n| n == "tests.rs") {
                    // A module of tests (declared under #[cfg(test)] elsewhere).
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).expect("a source file is UTF-8");
                    let code = match text.find("#[cfg(test)]") {
                        Some(i) => text[..i].to_owned(),
                        None => text,
                    };
                    out.push((p.display().to_string(), code));
                }
            }
        }
        let mut out = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        assert!(out.len() > 20, "the scan found the sources");
        out
    }

    /// The string literals of a line of code (comments skipped).
    fn literals(line: &str) -> Vec<String> {
        let code = line.trim_start();
        if code.starts_with("//") {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let mut lit = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            c => lit.push(c),
                        }
                    }
                    out.push(lit);
                }
                // A char literal such as '"' must not open a string.
                '\'' => {
                    let rest: String = chars.clone().take(3).collect();
                    if rest.starts_with("\"'") || rest.starts_with("\\\"") {
                        chars.next();
                        chars.next();
                    }
                }
                '/' if chars.peek() == Some(&'/') => break,
                _ => {}
            }
        }
        out
    }

    /// Lines that may hold an English sentence: messages for developers
    /// (panics, failed expectations, JSON-RPC errors for an editor's log),
    /// never shown to a user.
    fn for_developers(line: &str) -> bool {
        [
            "ErrorCode::",
            "expect(",
            "panic!(",
            "unreachable!(",
            "debug_assert",
            "assert!(",
            "assert_eq!(",
        ]
        .iter()
        .any(|m| line.contains(m))
    }

    #[test]
    fn no_user_facing_sentence_is_left_inline() {
        let french = |s: &str| s.chars().any(|c| "àâçéèêëîïôûùüÿœæ’«»".contains(c));
        let sentence = regex::Regex::new(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+").unwrap();
        let mut found = Vec::new();
        for (file, code) in sources() {
            // Lang itself names its languages; nothing else matches on them.
            let i18n = file.contains("/src/i18n/");
            for (n, line) in code.lines().enumerate() {
                let at = format!("{file}:{}", n + 1);
                if !i18n && (line.contains("Lang::Fr =>") || line.contains("Lang::En =>")) {
                    found.push(format!("{at}: a match on the language"));
                }
                if line.contains(".pick(") {
                    found.push(format!("{at}: a pick between languages"));
                }
                if for_developers(line) {
                    continue;
                }
                for lit in literals(line) {
                    if french(&lit) || sentence.is_match(&lit) {
                        found.push(format!("{at}: {lit:?}"));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "sentences to move to locales/<lang>/*.ftl:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_scan_finds_what_it_looks_for() {
        // The scan above must fail on the regressions it is there for.
        assert_eq!(
            literals(r#"let a = format!("{} règles", n); // "x""#),
            vec!["{} règles"]
        );
        assert_eq!(
            literals(r#"match c { '"' => "the file is missing" }"#),
            vec!["the file is missing"]
        );
        assert!(literals("// \"a comment with words in it\"").is_empty());
        assert!(for_developers(r#"x.expect("a valid language code")"#));
    }

    #[test]
    fn every_message_id_in_the_code_exists() {
        let en: std::collections::BTreeSet<String> = inventory()
            .into_iter()
            .filter(|(lang, _, _)| lang == "en")
            .map(|(_, id, _)| id)
            .collect();
        // Any literal shaped like an id of a family the catalogues use
        // (`diag-…`, `cli-…`, `field-…`) must name a message.
        let families: std::collections::BTreeSet<&str> = en.iter().filter_map(|id| id.split('-').next()).collect();
        let shaped = regex::Regex::new(r"^[a-z]+(-[a-z0-9]+)+$").unwrap();
        let mut missing = Vec::new();
        let mut seen = 0;
        for (file, code) in sources() {
            for (n, line) in code.lines().enumerate() {
                for lit in literals(line) {
                    let family = lit.split('-').next().unwrap_or("");
                    if shaped.is_match(&lit) && families.contains(family) {
                        seen += 1;
                        if !en.contains(&lit) {
                            missing.push(format!("{file}:{}: {lit}", n + 1));
                        }
                    }
                }
            }
        }
        assert!(seen > 200, "the scan saw the ids ({seen})");
        assert!(missing.is_empty(), "ids with no message:\n{}", missing.join("\n"));
    }

    #[test]
    fn french_typography_in_the_catalogues() {
        // A no-break space before : ; ? ! » and after «, never a plain one.
        let bad = regex::Regex::new(r"\S [:;?!»]|« ").unwrap();
        for (code, file, text) in CATALOGUES.iter().filter(|(c, _, _)| *c == "fr") {
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                assert!(!bad.is_match(line), "locales/{code}/{file}.ftl:{}: {line}", n + 1);
            }
        }
    }

    #[test]
    fn plurals_for_zero_one_and_two() {
        let cases: &[(Lang, &str, [&str; 3])] = &[
            (Lang::En, "report-errors-count", ["0 errors", "1 error", "2 errors"]),
            (Lang::Fr, "report-errors-count", ["0 erreur", "1 erreur", "2 erreurs"]),
            (
                Lang::En,
                "handout-invalid-profiles",
                ["0 invalid profiles", "1 invalid profile", "2 invalid profiles"],
            ),
            (
                Lang::Fr,
                "handout-invalid-profiles",
                ["0 profil invalide", "1 profil invalide", "2 profils invalides"],
            ),
            (Lang::En, "found-items", ["0 items", "1 item", "2 items"]),
            (
                Lang::Fr,
                "found-items",
                ["0\u{a0}élément", "1\u{a0}élément", "2\u{a0}éléments"],
            ),
        ];
        for (lang, id, forms) in cases {
            for (n, want) in forms.iter().enumerate() {
                assert_eq!(
                    message(
                        *lang,
                        id,
                        Some(&{
                            let mut a = FluentArgs::new();
                            a.set("n", n);
                            a
                        })
                    ),
                    *want,
                    "{lang} {id} n={n}"
                );
            }
        }
        let recorded = |lang, n: usize| t!(lang, "interview-recorded", n = n);
        assert!(recorded(Lang::Fr, 1).starts_with("1 réponse enregistrée."));
        assert!(recorded(Lang::Fr, 15).starts_with("15 réponses enregistrées."));
        assert!(recorded(Lang::En, 0).starts_with("0 answers recorded."));
        let verify = |lang, good: usize, total: usize, rules: usize| {
            t!(lang, "cli-verify-summary", good = good, total = total, rules = rules)
        };
        assert_eq!(
            verify(Lang::Fr, 1, 4, 1),
            "1 exemple sur 4 se comporte comme prévu, dans 1 règle"
        );
        assert_eq!(
            verify(Lang::Fr, 2, 4, 2),
            "2 exemples sur 4 se comportent comme prévu, dans 2 règles"
        );
        assert_eq!(
            verify(Lang::En, 1, 4, 1),
            "1 of 4 examples behave as declared, in 1 rule"
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        // French counts 0 and 1 as singular; English only 1.
        assert_eq!(t!(Lang::En, "profiles-count", n = 0), "0 profiles");
        assert_eq!(t!(Lang::En, "profiles-count", n = 1), "1 profile");
        assert_eq!(t!(Lang::Fr, "profiles-count", n = 0), "0 profil");
        assert_eq!(t!(Lang::Fr, "profiles-count", n = 2), "2 profils");
    }
}
