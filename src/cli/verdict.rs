//! Why a lint run fails, said on stderr once the reports are written: the
//! profiles under their score bar (`--fail-under`, a config's
//! `fail_under`), and too many warnings (`--max-warnings` over the run, a
//! config's `max_warnings` over its own profiles). A run that fails says
//! why, whatever the threshold.

use super::exit::Tally;
use super::problems::Problems;
use super::scope::Scopes;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use std::collections::BTreeMap;

/// Say why `tally` fails on thresholds of scores and warnings; returns
/// whether warnings make the run fail. `max_warnings` is the command
/// line's, which wins over every config's.
pub(super) fn explain(
    problems: &mut Problems,
    tally: &Tally,
    scopes: &Scopes,
    max_warnings: Option<usize>,
    lang: Lang,
) -> bool {
    // One line per bar: "2 profiles score below --fail-under 60: a (45), b (52)".
    let mut by_bar: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for (file, score, bar) in &tally.under {
        by_bar.entry(*bar).or_default().push(format!("{file} ({score})"));
    }
    for (bar, list) in by_bar {
        let line = t!(
            lang,
            "cli-fail-under",
            n = list.len(),
            min = bar,
            list = list.join(", ")
        );
        problems.note_line(&format!("profilecheck: {line}"));
    }
    if let Some(max) = max_warnings {
        let n: usize = tally.warnings.iter().sum();
        if n > max {
            let line = t!(lang, "cli-max-warnings", n = n, max = max);
            problems.note_line(&format!("profilecheck: {line}"));
            return true;
        }
        return false;
    }
    let mut failing = false;
    for (scope, n) in tally.warnings.iter().enumerate() {
        let config = &scopes.list[scope].config;
        if let Some(max) = config.max_warnings
            && *n > max
        {
            failing = true;
            let shown = config
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let line = t!(lang, "cli-max-warnings-config", n = *n, config = shown, max = max);
            problems.note_line(&format!("profilecheck: {line}"));
        }
    }
    failing
}
