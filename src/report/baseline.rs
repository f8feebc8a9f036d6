//! `--baseline REPORT.json`: the JSON report of an earlier run, and how each
//! profile of this run compares with it (docs/cli.md, docs/formats.md).
//!
//! A finding is the same as one of the baseline when the profile's file,
//! the rule and the path of the value agree (line numbers move as a file is
//! edited; paths do not). What is left is matched on the rule and the
//! message, so a link that moved in its list (`contact.links[2]` becoming
//! `[1]`) is still the same finding. Each baseline finding matches once.

use crate::i18n::Lang;
use crate::i18n::catalog::{msg, t};
use crate::profile::diag::Diagnostic;
use crate::profile::yaml::Pos;
use crate::report::{Finding, ProfileReport};
use crate::rules::pack::Severity;
use serde::Deserialize;
use std::collections::HashMap;

/// A finding of the baseline, as its report wrote it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Old {
    /// The rule's id.
    pub rule: String,
    /// Its severity then.
    #[serde(default = "warning")]
    pub severity: String,
    /// The rule's title then.
    #[serde(default)]
    pub title: String,
    /// The message then.
    #[serde(default)]
    pub message: String,
    /// The path of the value.
    #[serde(default)]
    pub path: String,
    /// Where it was then.
    #[serde(default)]
    pub line: u32,
    /// Its column then.
    #[serde(default)]
    pub column: u32,
}

fn warning() -> String {
    "warning".into()
}

impl Old {
    /// Its severity then (a warning when the report names none we know).
    pub fn severity(&self) -> Severity {
        Severity::parse(&self.severity).unwrap_or(Severity::Warning)
    }
}

#[derive(Debug, Clone, Deserialize)]
struct OldProfile {
    file: String,
    #[serde(default)]
    score: Option<u32>,
    #[serde(default)]
    findings: Vec<Old>,
}

#[derive(Debug, Clone, Deserialize)]
struct OldReport {
    profiles: Vec<OldProfile>,
}

/// The largest baseline read: a JSON report of thousands of profiles.
pub const MAX_BASELINE_BYTES: usize = 64 * 1024 * 1024;

/// An earlier run's findings, by profile.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    profiles: HashMap<String, OldProfile>,
}

/// Whether a finding was in the baseline (SARIF's `baselineState` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not in the baseline: it fails the run as any finding does.
    New,
    /// In the baseline already: reported as known, it does not fail the run.
    Unchanged,
}

impl State {
    /// SARIF's name for the state.
    pub fn sarif(self) -> &'static str {
        match self {
            State::New => "new",
            State::Unchanged => "unchanged",
        }
    }
}

/// How one profile compares with the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Whether the baseline had this profile at all.
    pub known_profile: bool,
    /// Its score then.
    pub before: Option<u32>,
    /// Its score now.
    pub after: Option<u32>,
    /// The state of each finding of this run, in the report's order.
    pub states: Vec<State>,
    /// The baseline's findings that are gone (SARIF's `absent`).
    pub fixed: Vec<Old>,
}

impl Progress {
    /// How many findings are new.
    pub fn new_count(&self) -> usize {
        self.states.iter().filter(|s| **s == State::New).count()
    }
    /// How many findings were already in the baseline.
    pub fn known_count(&self) -> usize {
        self.states.len() - self.new_count()
    }
    /// The findings of `p` that are new (`p` is the report compared).
    pub fn new_findings<'p>(&self, p: &'p ProfileReport) -> impl Iterator<Item = &'p Finding> {
        p.findings
            .iter()
            .zip(self.states.clone())
            .filter(|(_, s)| *s == State::New)
            .map(|(f, _)| f)
    }
}

/// The name a file goes by for matching: `./a.yaml` and `a.yaml` are one,
/// as are `dir\a.yaml` and `dir/a.yaml`.
fn file_key(file: &str) -> String {
    let f = file.replace('\\', "/");
    let mut f = f.as_str();
    while let Some(rest) = f.strip_prefix("./") {
        f = rest;
    }
    f.to_owned()
}

impl Baseline {
    /// Read a JSON report (`--format json`) as a baseline. A text that is not
    /// one is an error located in it.
    pub fn parse(bytes: &[u8]) -> Result<Baseline, Diagnostic> {
        let located = |e: serde_json::Error| {
            let pos = Pos::new(e.line().max(1) as u32, e.column().max(1) as u32);
            let m = msg!("baseline-not-report", reason = e.to_string());
            Diagnostic::error(pos, m.into())
        };
        let report: OldReport = serde_json::from_slice(bytes).map_err(located)?;
        let mut profiles = HashMap::new();
        for p in report.profiles {
            profiles.entry(file_key(&p.file)).or_insert(p);
        }
        Ok(Baseline { profiles })
    }

    /// Read the report at `path` as a baseline: at most [`MAX_BASELINE_BYTES`],
    /// a regular file only.
    pub fn read(path: &std::path::Path) -> Result<Baseline, Diagnostic> {
        use crate::profile::diag::Msg;
        use std::io::Read;
        let at_start = |m: Msg| Diagnostic::error(Pos::START, m);
        let io = |e: std::io::Error| at_start(msg!("io-other", detail = e.to_string()).into());
        let f = std::fs::File::open(path).map_err(io)?;
        if !f.metadata().is_ok_and(|m| m.is_file()) {
            return Err(at_start(msg!("io-not-regular").into()));
        }
        let mut bytes = Vec::new();
        f.take(MAX_BASELINE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() > MAX_BASELINE_BYTES {
            return Err(at_start(Msg::TooLarge {
                size: bytes.len(),
                limit: MAX_BASELINE_BYTES,
            }));
        }
        Baseline::parse(&bytes)
    }

    /// How `p` compares with the baseline.
    pub fn compare(&self, p: &ProfileReport) -> Progress {
        let Some(old) = self.profiles.get(&file_key(&p.file)) else {
            return Progress {
                known_profile: false,
                before: None,
                after: p.score,
                states: vec![State::New; p.findings.len()],
                fixed: Vec::new(),
            };
        };
        let mut left: Vec<Option<&Old>> = old.findings.iter().map(Some).collect();
        let mut states = vec![State::New; p.findings.len()];
        let passes: [fn(&Finding, &Old) -> bool; 2] = [
            |f, o| f.rule == o.rule && f.path == o.path,
            |f, o| f.rule == o.rule && f.message == o.message,
        ];
        for same in passes {
            for (f, state) in p.findings.iter().zip(states.iter_mut()) {
                if *state == State::Unchanged {
                    continue;
                }
                if let Some(slot) = left.iter_mut().find(|o| o.is_some_and(|o| same(f, o))) {
                    *slot = None;
                    *state = State::Unchanged;
                }
            }
        }
        Progress {
            known_profile: true,
            before: old.score,
            after: p.score,
            states,
            fixed: left.into_iter().flatten().cloned().collect(),
        }
    }
}

/// The progress of one profile in a sentence: "Since the baseline: score
/// 62 → 78, 2 findings fixed, 1 new, 4 known."
pub fn summary_line(pr: &Progress, lang: Lang) -> String {
    let score = |s: Option<u32>| s.map_or_else(|| "—".to_owned(), |s| s.to_string());
    if !pr.known_profile {
        return t!(lang, "baseline-new-profile", new = pr.new_count());
    }
    t!(
        lang,
        "baseline-progress",
        before = score(pr.before),
        after = score(pr.after),
        fixed = pr.fixed.len(),
        new = pr.new_count(),
        known = pr.known_count()
    )
}

/// Each fixed and each new finding as a short item: (is it new, rule,
/// path). None for a profile the baseline did not have: every finding of it
/// is new, and the report lists them already.
pub fn items<'a>(pr: &'a Progress, p: &'a ProfileReport) -> Vec<(bool, &'a str, &'a str)> {
    if !pr.known_profile {
        return Vec::new();
    }
    let fixed = pr.fixed.iter().map(|o| (false, o.rule.as_str(), o.path.as_str()));
    let new = pr.new_findings(p).map(|f| (true, f.rule.as_str(), f.path.as_str()));
    fixed.chain(new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, path: &str, message: &str, line: u32) -> Finding {
        Finding {
            rule: rule.into(),
            pack: "guide".into(),
            step: Some(1),
            severity: Severity::Warning,
            title: rule.into(),
            message: message.into(),
            path: path.into(),
            line,
            column: 3,
        }
    }

    fn report(file: &str, score: u32, findings: Vec<Finding>) -> ProfileReport {
        let mut r = crate::rules::engine::invalid(file, &[], Lang::En);
        r.score = Some(score);
        r.findings = findings;
        r
    }

    const BASE: &str = r#"{"tool": "profilecheck", "profiles": [
      {"file": "./clients/a.yaml", "score": 50, "findings": [
        {"rule": "bio-length", "severity": "warning", "title": "t", "message": "m", "path": "about.bio", "line": 3, "column": 3},
        {"rule": "link-urls", "severity": "error", "title": "t", "message": "\"www.x\" is not", "path": "contact.links[2]", "line": 9, "column": 5},
        {"rule": "photo-set", "severity": "error", "title": "t", "message": "m", "path": "photo.set", "line": 1, "column": 1}
      ]}]}"#;

    #[test]
    fn findings_match_by_path_then_by_message_never_by_line() {
        let b = Baseline::parse(BASE.as_bytes()).unwrap();
        let now = report(
            "clients/a.yaml",
            70,
            vec![
                finding("bio-length", "about.bio", "other words", 12),
                finding("link-urls", "contact.links[1]", "\"www.x\" is not", 8),
                finding("keywords-count", "keywords", "m", 4),
            ],
        );
        let pr = b.compare(&now);
        assert_eq!(pr.states, [State::Unchanged, State::Unchanged, State::New]);
        assert_eq!(
            pr.fixed.iter().map(|o| o.rule.as_str()).collect::<Vec<_>>(),
            ["photo-set"]
        );
        assert_eq!(
            (pr.before, pr.after, pr.new_count(), pr.known_count()),
            (Some(50), Some(70), 1, 2)
        );
        assert_eq!(
            summary_line(&pr, Lang::En),
            "Since the baseline: score 50 → 70; 1 finding fixed, 1 new, 2 known."
        );
        // Two findings of one rule and path are two: the second is new.
        let twice = report(
            "clients/a.yaml",
            50,
            vec![
                finding("bio-length", "about.bio", "m", 3),
                finding("bio-length", "about.bio", "m", 3),
            ],
        );
        assert_eq!(b.compare(&twice).states, [State::Unchanged, State::New]);
    }

    #[test]
    fn a_profile_missing_from_the_baseline_has_only_new_findings() {
        let b = Baseline::parse(BASE.as_bytes()).unwrap();
        let pr = b.compare(&report("b.yaml", 80, vec![finding("bio-length", "about.bio", "m", 3)]));
        assert!(!pr.known_profile);
        assert_eq!(pr.states, [State::New]);
        assert_eq!(summary_line(&pr, Lang::En), "Not in the baseline: 1 new finding.");
    }

    #[test]
    fn a_file_that_is_not_a_json_report_is_a_located_error() {
        let e = Baseline::parse(b"{\"profiles\": [\n  {\"score\": 3}\n]}").unwrap_err();
        assert_eq!(e.pos.line, 2);
        assert!(
            e.msg.text(Lang::En).contains("missing field `file`"),
            "{}",
            e.msg.text(Lang::En)
        );
        assert!(Baseline::parse(b"text report").is_err());
    }
}
