//! The report model: what checking one profile found, and the totals of a
//! run. The engine produces it, so it sits here at the end of `rules/`; it
//! knows nothing of YAML trees or terminals, and every reporter in
//! `report/` renders it.

use crate::i18n::Lang;
use crate::profile::diag::Diagnostic;
use crate::rules::pack::Severity;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub pack: String,
    pub step: Option<u32>,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waived {
    pub rule: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl ErrorItem {
    pub fn from_diag(d: &Diagnostic, lang: Lang) -> Self {
        ErrorItem {
            line: d.pos.line,
            column: d.pos.col,
            message: d.msg.text(lang),
        }
    }
}

/// What one profile got.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileReport {
    pub file: String,
    pub name: String,
    /// The language its texts are in.
    pub lang: Lang,
    /// `None` for an invalid profile.
    pub score: Option<u32>,
    pub findings: Vec<Finding>,
    pub passed: Vec<String>,
    pub not_applicable: Vec<String>,
    pub waived: Vec<Waived>,
    /// Why the file is invalid (empty for a valid profile).
    pub errors: Vec<ErrorItem>,
    /// Non-fatal problems with the file (a waiver naming an unknown rule).
    pub warnings: Vec<ErrorItem>,
}

impl ProfileReport {
    pub fn is_invalid(&self) -> bool {
        self.score.is_none()
    }
    pub fn count(&self, sev: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == sev).count()
    }
}

/// Totals over a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub profiles: usize,
    pub invalid: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, p: &ProfileReport) {
        self.profiles += 1;
        if p.is_invalid() {
            self.invalid += 1;
        }
        self.errors += p.count(Severity::Error);
        self.warnings += p.count(Severity::Warning);
        self.infos += p.count(Severity::Info);
    }
}
