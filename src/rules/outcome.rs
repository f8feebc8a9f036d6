//! The report model: what checking one profile found, and the totals of a
//! run. The engine produces it, so it sits here at the end of `rules/`; it
//! knows nothing of YAML trees or terminals, and every reporter in
//! `report/` renders it.

use crate::i18n::Lang;
use crate::profile::diag::Diagnostic;
use crate::rules::pack::Severity;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
/// One rule not followed, at one place in the profile.
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// The pack it comes from.
    pub pack: String,
    /// The guide step it belongs to, if any.
    pub step: Option<u32>,
    /// Its severity in force.
    pub severity: Severity,
    /// The rule's title, in the report's language.
    pub title: String,
    /// What was expected and what was found.
    pub message: String,
    /// The path of the value in the profile (`contact.links[1]`).
    pub path: String,
    /// Line of that value, from 1.
    pub line: u32,
    /// Column of that value, in characters, from 1.
    pub column: u32,
}

impl Finding {
    /// The message with the key path it is about, for the command line and
    /// SARIF, whose readers edit the YAML file: "… (`photo.kind`)". Handouts
    /// and the web page show `message` alone, written for a participant.
    pub fn message_with_path(&self) -> String {
        let path = format!("`{}`", self.path);
        if self.path.is_empty() || self.message.contains(&path) {
            self.message.clone()
        } else if self.message.is_empty() {
            path
        } else {
            format!("{} ({path})", self.message)
        }
    }
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// A rule the profile waived.
pub struct Waived {
    /// The rule's id.
    pub rule: String,
    /// Why, in the profile author's words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
/// A located problem with the file itself.
pub struct ErrorItem {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
    /// What is wrong, in the report's language.
    pub message: String,
}

impl ErrorItem {
    /// The problem `d`, worded in `lang`.
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
    /// The file as named on the command line (`-` for standard input).
    pub file: String,
    /// The file name's own bytes when they are not UTF-8 (`file` then
    /// shows them with U+FFFD): SARIF percent-encodes them so its URI
    /// still names the file.
    pub file_bytes: Option<Vec<u8>>,
    /// The profile's name, else the file's stem.
    pub name: String,
    /// The language its texts are in.
    pub lang: Lang,
    /// `None` for an invalid profile.
    pub score: Option<u32>,
    /// Rules not followed, by position in the file.
    pub findings: Vec<Finding>,
    /// Ids of the rules followed.
    pub passed: Vec<String>,
    /// Ids of the rules whose `when` did not hold.
    pub not_applicable: Vec<String>,
    /// Rules waived by the profile.
    pub waived: Vec<Waived>,
    /// Why the file is invalid (empty for a valid profile).
    pub errors: Vec<ErrorItem>,
    /// Non-fatal problems with the file (a waiver naming an unknown rule).
    pub warnings: Vec<ErrorItem>,
}

impl ProfileReport {
    /// Whether the file could not be read or validated (it has no score).
    pub fn is_invalid(&self) -> bool {
        self.score.is_none()
    }
    /// How many findings have severity `sev`.
    pub fn count(&self, sev: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == sev).count()
    }
}

/// Totals over a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Profiles checked.
    pub profiles: usize,
    /// Profiles that could not be read or validated.
    pub invalid: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Problems that are not a profile's own: a rule pack or config that
    /// could not be used (docs/cli.md), so a dashboard cannot show green.
    pub config_errors: usize,
    /// `--statistics`: how many valid profiles miss each rule, most missed
    /// first. Written at the report's top level, not in the summary.
    #[serde(skip)]
    pub statistics: Option<Vec<StatRow>>,
}

/// One rule's line in `--statistics`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatRow {
    /// The rule id.
    pub rule: String,
    /// Valid profiles with at least one finding of this rule.
    pub missed: usize,
    /// Valid profiles in the run.
    pub profiles: usize,
}

impl Summary {
    /// Count one more profile.
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
