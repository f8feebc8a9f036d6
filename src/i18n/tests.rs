//! The plurals test. Every catalogue message that holds a number, rendered at 0, 1, 2 and
//! 1 000 in both languages: no « (s) » shortcut, no noun that disagrees with
//! its number (« 1 étapes », « 2 profil »), and numbers written the reader's
//! way (1 000 with a narrow no-break space in French, 1,000 in English).
//!
//! Which variables are numbers is read from the catalogues themselves: a
//! variable that selects between plural forms (`[one]`, `[0]`, …) is one,
//! and so is every variable whose name says it counts something. The nouns
//! each plural selector writes next to its number make the lexicon the
//! agreement check uses, so a message that prints a number without a
//! selector (« { $n } champs remplis ») is caught when that noun appears in
//! a selector anywhere else, or ends in -s after « 1 ».

use super::Lang;
use super::catalog::{CATALOGUES, message};
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement, VariantKey};
use std::collections::BTreeSet;

/// Variable names that hold a count or a size wherever they appear.
const NUMERIC_NAMES: &[&str] = &[
    "n",
    "count",
    "max",
    "min",
    "limit",
    "size",
    "line",
    "column",
    "chars",
    "names",
    "items",
    "mib",
    "missed",
    "profiles",
    "total",
    "good",
    "rules",
    "records",
    "listed",
    "opened",
    "posts",
    "derived",
    "others",
    "done",
    "invalid",
    "at",
    "offset",
    "max_chars",
    "max_names",
    "uid",
];

/// Catalogues left out of the number checks: none (the web page's joined once merged).
const LEFT_OUT: &[&str] = &[];

/// Words ending in -s that may follow « 1 » or "1 " (not plurals).
const NOT_PLURAL: &[&str] = &[
    "fois", "plus", "mois", "dans", "sans", "sous", "pas", "vers", "depuis", "après", "is", "was", "has", "this",
    "its", "as", "other", "not",
];

struct Select {
    var: String,
    plural: bool,
}

fn selects(p: &ast::Pattern<&str>, out: &mut Vec<Select>, words: &mut Words) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_selects(expression, out, words);
        }
    }
}

#[derive(Default)]
struct Words {
    singular: BTreeSet<String>,
    plural: BTreeSet<String>,
}

fn expression_selects(e: &Expression<&str>, out: &mut Vec<Select>, words: &mut Words) {
    match e {
        Expression::Select { selector, variants } => {
            let var = match selector {
                InlineExpression::VariableReference { id } => id.name.to_string(),
                _ => String::new(),
            };
            let plural = variants.iter().any(|v| match &v.key {
                VariantKey::NumberLiteral { .. } => true,
                VariantKey::Identifier { name } => matches!(*name, "one" | "few" | "many" | "zero" | "two"),
            });
            if plural {
                for v in variants {
                    let set = match &v.key {
                        VariantKey::Identifier { name: "one" } => &mut words.singular,
                        VariantKey::Identifier { name: "other" } => &mut words.plural,
                        _ => continue,
                    };
                    if let Some(w) = noun_after_variable(&v.value, &var) {
                        set.insert(w);
                    }
                }
            }
            out.push(Select { var, plural });
            for v in variants {
                selects(&v.value, out, words);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => expression_selects(expression, out, words),
        Expression::Inline(_) => {}
    }
}

/// The first word after `{ $var }` in a variant: the noun that counts.
fn noun_after_variable(p: &ast::Pattern<&str>, var: &str) -> Option<String> {
    let mut after = false;
    for el in &p.elements {
        match el {
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } if id.name == var => after = true,
            PatternElement::TextElement { value } if after => {
                let word: String = value
                    .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                return (word.chars().count() > 2).then(|| word.to_lowercase());
            }
            _ => after = false,
        }
    }
    None
}

/// (language, file, id, variables, selectors) of every message.
type Entry = (Lang, String, String, Vec<String>, Vec<Select>);

fn entries(words: &mut Words) -> Vec<Entry> {
    let mut out = Vec::new();
    for (code, file, text) in CATALOGUES {
        if LEFT_OUT.contains(file) {
            continue;
        }
        let lang = Lang::parse(code).expect("a known language");
        let res = fluent_syntax::parser::parse(*text).expect("catalogues parse");
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let Some(value) = &m.value else { continue };
                let mut sel = Vec::new();
                selects(value, &mut sel, words);
                let mut vars = Vec::new();
                super::catalog::collect_vars(value, &mut vars);
                vars.sort();
                vars.dedup();
                out.push((lang, file.to_string(), m.id.name.to_string(), vars, sel));
            }
        }
    }
    out
}

fn is_numeric(var: &str, sel: &[Select]) -> bool {
    NUMERIC_NAMES.contains(&var) || sel.iter().any(|s| s.var == var && s.plural)
}

fn render(lang: Lang, id: &str, vars: &[String], sel: &[Select], n: f64) -> String {
    let mut args = FluentArgs::new();
    for v in vars {
        if is_numeric(v, sel) {
            args.set(v.clone(), FluentValue::from(n));
        } else {
            args.set(v.clone(), FluentValue::from("X"));
        }
    }
    message(lang, id, Some(&args))
}

fn shown(n: f64, lang: Lang) -> String {
    super::catalog::number(n, lang)
}

/// The word right after each occurrence of the number `num` in `text`.
fn words_after(text: &str, num: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(num) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '\u{202f}')) {
            continue;
        }
        let rest = &text[at + num.len()..];
        let Some(rest) = rest.strip_prefix([' ', '\u{a0}']) else {
            continue;
        };
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '(' || *c == ')')
            .collect();
        out.push(word.to_lowercase());
    }
    out
}

#[test]
fn every_message_with_a_number_agrees_at_0_1_2_and_1000() {
    let mut words = Words::default();
    let entries = entries(&mut words);
    // The lexicon is really built: nouns of both numbers, in both languages.
    assert!(
        words.singular.contains("profil") && words.plural.contains("profils"),
        "{:?}",
        words.singular
    );
    assert!(words.singular.contains("error") && words.plural.contains("errors"));
    let mut problems = Vec::new();
    let mut rendered = 0;
    for (lang, file, id, vars, sel) in &entries {
        if !vars.iter().any(|v| is_numeric(v, sel)) {
            continue;
        }
        for n in [0.0, 1.0, 2.0, 1000.0] {
            rendered += 1;
            let text = render(*lang, id, vars, sel, n);
            let at = format!("locales/{lang}/{file}.ftl {id} at {n}: {text}");
            if text.contains("(s)") || text.contains("(x)") {
                problems.push(format!("« (s) » shortcut: {at}"));
            }
            let num = shown(n, *lang);
            for w in words_after(&text, &num) {
                let one = n == 1.0 || (n == 0.0 && *lang == Lang::Fr);
                let wrong = !NOT_PLURAL.contains(&w.as_str())
                    && if one {
                        words.plural.contains(&w) && !words.singular.contains(&w) || (n == 1.0 && w.ends_with('s'))
                    } else {
                        words.singular.contains(&w) && !words.plural.contains(&w)
                    };
                if wrong {
                    problems.push(format!("« {num} {w} »: {at}"));
                }
            }
            if n == 1000.0 && *lang == Lang::Fr && text.contains("1000") && !id.contains("foreign-owner") {
                problems.push(format!("1000 not written 1 000: {at}"));
            }
        }
    }
    assert!(rendered > 100, "only {rendered} renderings: the scan is too narrow");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_agreement_check_catches_the_slips_it_is_for() {
    // What the test above refuses, shown on made-up lines.
    let words = |t: &str, n: &str| words_after(t, n);
    assert_eq!(words("1 étapes faites sur 7", "1"), ["étapes"]);
    assert_eq!(words("sur 11 profils", "1"), Vec::<String>::new());
    assert_eq!(words("1\u{202f}000 profils", "1\u{202f}000"), ["profils"]);
    assert_eq!(shown(1000.0, Lang::Fr), "1\u{202f}000");
    assert_eq!(shown(3.5, Lang::Fr), "3,5");
    assert_eq!(shown(1234567.0, Lang::En), "1,234,567");
    assert_eq!(shown(-12.25, Lang::Fr), "-12,25");
}

#[test]
fn fluent_numbers_are_written_the_readers_way() {
    let mut a = FluentArgs::new();
    a.set("n", FluentValue::from(1000));
    assert_eq!(message(Lang::Fr, "profiles-count", Some(&a)), "1\u{202f}000 profils");
    assert_eq!(message(Lang::En, "profiles-count", Some(&a)), "1,000 profiles");
}

#[test]
fn dates_are_written_the_readers_way() {
    let note = |lang, from: &str| {
        let mut a = FluentArgs::new();
        a.set("file", FluentValue::from("posts.json"));
        a.set("posts", FluentValue::from(7));
        a.set("from", FluentValue::from(from.to_owned()));
        a.set("to", FluentValue::from("2026-11-30"));
        message(lang, "import-note-per-month", Some(&a))
    };
    let fr = note(Lang::Fr, "2026-06-01");
    assert!(fr.contains("du 1er juin 2026 au 30 novembre 2026"), "{fr}");
    // English keeps ISO 8601; a value that is not a date is shown as given.
    assert!(note(Lang::En, "2026-06-01").contains("from 2026-06-01 to 2026-11-30"));
    assert!(note(Lang::Fr, "2026-13-01").contains("du 2026-13-01 au"));
}
