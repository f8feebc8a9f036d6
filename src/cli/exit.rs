//! The exit code of a lint run (docs/cli.md): 2 when a file or the
//! command line could not be used, else 1 when some profile fails the
//! thresholds (`--fail-on`, a config's `fail_on`, `--fail-under`,
//! `--max-warnings`, and their config keys), else 0. With `--baseline`,
//! only what is new counts: the findings the baseline did not have, and a
//! score under the bar only when it fell since.

use crate::report::ProfileReport;
use crate::report::baseline::Progress;
use crate::rules::config::FailOn;
use crate::rules::pack::Severity;

/// Exit codes (docs/cli.md).
pub const OK: i32 = 0;
/// Exit code: some profile has findings at or above `--fail-on`.
pub const FINDINGS: i32 = 1;
/// Exit code: a file or the command line could not be used.
pub const TROUBLE: i32 = 2;

/// What the profiles of a run have said so far about the exit code.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// A profile could not be read or parsed.
    pub(super) trouble: bool,
    /// A profile fails a threshold.
    pub(super) failing: bool,
    /// Each profile under its score bar: (file, score, bar), to say why.
    pub(super) under: Vec<(String, u32, u32)>,
    /// Warnings by scope (the new ones only, with a baseline).
    pub(super) warnings: Vec<usize>,
}

/// The thresholds a profile is held to (its scope's).
#[derive(Debug, Clone, Copy)]
pub(super) struct Bars {
    pub(super) fail_on: FailOn,
    pub(super) fail_under: Option<u32>,
}

impl Tally {
    /// Count one profile of scope `scope`, held to `bars`, compared with
    /// the baseline when there is one.
    pub(super) fn add(&mut self, p: &ProfileReport, scope: usize, bars: Bars, progress: Option<&Progress>) {
        self.trouble |= p.is_invalid();
        let counted: Vec<&crate::report::Finding> = match progress {
            Some(pr) => pr.new_findings(p).collect(),
            None => p.findings.iter().collect(),
        };
        if let FailOn::Severity(min) = bars.fail_on
            && counted.iter().any(|f| f.severity >= min)
        {
            self.failing = true;
        }
        let fell = |score: u32| progress.and_then(|pr| pr.before).is_none_or(|before| score < before);
        if let (Some(min), Some(score)) = (bars.fail_under, p.score)
            && score < min
            && fell(score)
        {
            self.failing = true;
            self.under.push((p.file.clone(), score, min));
        }
        if self.warnings.len() <= scope {
            self.warnings.resize(scope + 1, 0);
        }
        self.warnings[scope] += counted.iter().filter(|f| f.severity == Severity::Warning).count();
    }

    /// The code, given whether the run had problems of its own (packs,
    /// configs, usage).
    pub(super) fn code(&self, problems: bool) -> i32 {
        if self.trouble || problems {
            TROUBLE
        } else if self.failing {
            FINDINGS
        } else {
            OK
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::rules::engine::{LangChoice, RuleSet, Selection, check_bytes};
    use crate::rules::pack::{Severity, builtin};

    fn report(yaml: &str) -> ProfileReport {
        let rules = RuleSet::lenient(builtin(), &Selection::default()).0;
        let lang = LangChoice {
            forced: Some(Lang::En),
            fallback: Lang::En,
        };
        check_bytes(&rules, "p.yaml", yaml.as_bytes(), lang)
    }

    fn bars(fail_on: FailOn, fail_under: Option<u32>) -> Bars {
        Bars { fail_on, fail_under }
    }

    #[test]
    fn with_a_baseline_only_new_findings_and_a_fallen_score_fail() {
        let before = report("name: Ada\n");
        let json = crate::report::render(
            crate::report::Format::Json,
            crate::report::Context {
                rules: &RuleSet::lenient(builtin(), &Selection::default()).0,
                lang: Lang::En,
                color: false,
                quiet: false,
                problems: &[],
                width: 100,
            },
            std::slice::from_ref(&before),
        )
        .unwrap();
        let base = crate::report::baseline::Baseline::parse(&json).unwrap();
        let strict = bars(FailOn::Severity(Severity::Info), Some(99));
        let mut t = Tally::default();
        t.add(&before, 0, strict, Some(&base.compare(&before)));
        assert!(!t.failing, "nothing new, the score did not fall");
        let worse = report("name: Ada\nprivacy: {phone_audience: public}\n");
        let mut t = Tally::default();
        t.add(&worse, 0, strict, Some(&base.compare(&worse)));
        assert!(t.failing);
        assert_eq!(t.under.len(), 1, "the score fell under the bar");
    }

    #[test]
    fn trouble_wins_over_findings_and_findings_over_ok() {
        let mut t = Tally::default();
        assert_eq!(t.code(false), OK);
        assert_eq!(t.code(true), TROUBLE);
        t.add(
            &report("name: [\n"),
            0,
            bars(FailOn::Severity(Severity::Error), None),
            None,
        );
        assert_eq!(t.code(false), TROUBLE, "an unreadable profile");
    }

    #[test]
    fn a_score_under_the_bar_fails() {
        let p = report("name: Ada\n");
        let mut t = Tally::default();
        t.add(&p, 0, bars(FailOn::Never, Some(101)), None);
        assert!(t.failing);
        assert_eq!(t.under, [("p.yaml".to_owned(), p.score.unwrap(), 101)]);
        assert_eq!(t.code(false), FINDINGS);
        let mut t = Tally::default();
        t.add(&p, 0, bars(FailOn::Never, None), None);
        assert_eq!(t.code(false), OK);
    }
}
