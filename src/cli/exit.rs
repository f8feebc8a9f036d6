//! The exit code of a lint run (docs/cli.md): 2 when a file or the
//! command line could not be used, else 1 when some profile fails the
//! thresholds (`--fail-on`, a config's `fail_on`, `--fail-under`,
//! `--max-warnings`), else 0.

use crate::report::ProfileReport;
use crate::rules::config::FailOn;

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
}

impl Tally {
    /// Count one profile, checked under `fail_on`, against `fail_under`.
    pub(super) fn add(&mut self, p: &ProfileReport, fail_on: FailOn, fail_under: Option<u32>) {
        self.trouble |= p.is_invalid();
        if let FailOn::Severity(min) = fail_on
            && p.findings.iter().any(|f| f.severity >= min)
        {
            self.failing = true;
        }
        if let (Some(min), Some(score)) = (fail_under, p.score)
            && score < min
        {
            self.failing = true;
        }
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

    #[test]
    fn trouble_wins_over_findings_and_findings_over_ok() {
        let mut t = Tally::default();
        assert_eq!(t.code(false), OK);
        assert_eq!(t.code(true), TROUBLE);
        t.add(&report("name: [\n"), FailOn::Severity(Severity::Error), None);
        assert_eq!(t.code(false), TROUBLE, "an unreadable profile");
    }

    #[test]
    fn a_score_under_the_bar_fails() {
        let p = report("name: Ada\n");
        let mut t = Tally::default();
        t.add(&p, FailOn::Never, Some(101));
        assert!(t.failing);
        assert_eq!(t.code(false), FINDINGS);
        let mut t = Tally::default();
        t.add(&p, FailOn::Never, None);
        assert_eq!(t.code(false), OK);
    }
}
