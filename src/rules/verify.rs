//! `rules --verify`: run every rule's own examples and keep those that do
//! not behave as their pack declares.

use crate::i18n::Lang;
use crate::rules::engine::{LangChoice, RuleSet, Selection, check_bytes};
use crate::rules::pack::{Pack, Rule};

/// Outcome of one example that does not behave as declared.
pub struct Failure {
    /// The pack's file, as named in messages.
    pub pack: String,
    /// The rule the example belongs to.
    pub rule: String,
    /// Where the example is written in the pack.
    pub line: u32,
    /// Its column (in characters, from 1).
    pub col: u32,
    /// `pass`, `fail` or `not-applicable`, as declared.
    pub expected: &'static str,
    /// What the rule really gave.
    pub got: Outcome,
}

/// What a rule gives on one example.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The rule passes on the example.
    Pass,
    /// The rule fails on the example.
    Fail,
    /// The example is not a valid profile.
    Invalid {
        /// Line of the first problem.
        line: u32,
        /// Its column.
        column: u32,
        /// The problem, worded in the language asked for.
        message: String,
    },
    /// The example waives its own rule.
    Waived,
    /// The rule's `when` does not hold on the example.
    NotApplicable,
}

impl Outcome {
    /// `pass`, `fail`, `invalid`, `waived` or `not-applicable`, as the
    /// catalogues select on it.
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Invalid { .. } => "invalid",
            Outcome::Waived => "waived",
            Outcome::NotApplicable => "not-applicable",
        }
    }
}

/// Run every rule's examples. Each example is checked against its own rule
/// only (other rules of the pack don't matter).
pub fn verify_failures(packs: &[Pack], lang: Lang) -> Vec<Failure> {
    let mut failures = Vec::new();
    for pack in packs {
        for rule in &pack.rules {
            let single = RuleSet::new(
                vec![Pack {
                    rules: vec![rule.clone()],
                    ..pack.clone()
                }],
                &Selection::default(),
            );
            let Ok(single) = single else { continue };
            let declared = [
                (&rule.examples_pass, "pass"),
                (&rule.examples_fail, "fail"),
                (&rule.examples_not_applicable, "not-applicable"),
            ];
            for (examples, expected) in declared {
                for ex in examples {
                    let got = outcome(&single, rule, &ex.yaml, lang);
                    if got.key() != expected {
                        failures.push(Failure {
                            pack: pack.source.clone(),
                            rule: rule.id.clone(),
                            line: ex.pos.line,
                            col: ex.pos.col,
                            expected,
                            got,
                        });
                    }
                }
            }
        }
    }
    failures
}

fn outcome(rules: &RuleSet, rule: &Rule, yaml: &str, lang: Lang) -> Outcome {
    let choice = LangChoice {
        forced: Some(lang),
        ..LangChoice::default()
    };
    let report = check_bytes(rules, "example", yaml.as_bytes(), choice);
    if let Some(e) = report.errors.first() {
        return Outcome::Invalid {
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        };
    }
    if report.passed.contains(&rule.id) {
        Outcome::Pass
    } else if report.waived.iter().any(|w| w.rule == rule.id) {
        Outcome::Waived
    } else if report.not_applicable.contains(&rule.id) {
        Outcome::NotApplicable
    } else {
        Outcome::Fail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_may_expect_the_rule_not_to_apply() {
        let pack = crate::rules::pack::load(
            "house.yaml",
            br#"pack: house
rules:
  - id: house-bio-when-work
    severity: warning
    title: "A bio when you list work"
    when: {path: about.city, present: true}
    check: {path: about.bio, present: true}
    examples:
      pass: ["about: {city: Rennes, bio: Hi}"]
      fail: ["about: {city: Rennes}"]
      not_applicable: ["name: Jeanne", "about: {city: Rennes}"]
"#,
        )
        .unwrap();
        assert_eq!(pack.rules[0].examples_not_applicable.len(), 2);
        let failures = verify_failures(&[pack], Lang::En);
        assert_eq!(failures.len(), 1);
        assert_eq!((failures[0].line, failures[0].expected), (11, "not-applicable"));
        assert_eq!(failures[0].got, Outcome::Fail);
    }
}
