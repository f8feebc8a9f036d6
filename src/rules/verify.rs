//! `rules --verify`: run every rule's own examples and keep those that do
//! not behave as their pack declares.

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
    /// `pass` or `fail`, as declared.
    pub expected: &'static str,
    /// What the rule really gave.
    pub got: String,
}

/// Run every rule's examples. Each example is checked against its own rule
/// only (other rules of the pack don't matter).
pub fn verify_failures(packs: &[Pack]) -> Vec<Failure> {
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
            for (examples, expected) in [(&rule.examples_pass, "pass"), (&rule.examples_fail, "fail")] {
                for ex in examples {
                    let got = outcome(&single, rule, &ex.yaml);
                    if got != expected {
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

fn outcome(rules: &RuleSet, rule: &Rule, yaml: &str) -> String {
    let report = check_bytes(rules, "example", yaml.as_bytes(), LangChoice::default());
    if let Some(e) = report.errors.first() {
        return format!("invalid profile ({}:{}: {})", e.line, e.column, e.message);
    }
    if report.passed.contains(&rule.id) {
        "pass".into()
    } else if report.waived.iter().any(|w| w.rule == rule.id) {
        "waived (the example waives its own rule)".into()
    } else if report.not_applicable.contains(&rule.id) {
        "not applicable".into()
    } else {
        "fail".into()
    }
}
