//! `--statistics`: how many profiles miss each rule over a run.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::ProfileReport;
use crate::rules::engine::RuleSet;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// One more for `rule`; its id is copied only the first time it is met.
fn bump(counts: &mut BTreeMap<String, usize>, rule: &str) {
    match counts.get_mut(rule) {
        Some(n) => *n += 1,
        None => {
            counts.insert(rule.to_owned(), 1);
        }
    }
}

/// How many profiles miss each rule, over a run (`--statistics`).
#[derive(Debug, Default)]
pub struct Statistics {
    valid: usize,
    missed: BTreeMap<String, usize>,
    waived: BTreeMap<String, usize>,
}

impl Statistics {
    pub fn add(&mut self, p: &ProfileReport) {
        if p.is_invalid() {
            return;
        }
        self.valid += 1;
        let mut rules: Vec<&str> = p.findings.iter().map(|f| f.rule.as_str()).collect();
        rules.sort_unstable();
        rules.dedup();
        for r in rules {
            bump(&mut self.missed, r);
        }
        for w in &p.waived {
            bump(&mut self.waived, &w.rule);
        }
    }

    /// Most missed first, then by rule id.
    pub fn rows(&self) -> Vec<(&str, usize)> {
        let mut rows: Vec<(&str, usize)> = self.missed.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        rows
    }

    /// The rows as reports carry them (JSON's `statistics`, the cohort
    /// summaries of HTML and Markdown).
    pub fn stat_rows(&self) -> Vec<crate::report::StatRow> {
        self.rows()
            .into_iter()
            .map(|(rule, missed)| crate::report::StatRow {
                rule: rule.to_owned(),
                missed,
                profiles: self.valid,
            })
            .collect()
    }

    pub fn write(&self, rules: &RuleSet, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "{}", t!(lang, "stats-heading", n = self.valid))?;
        if self.missed.is_empty() {
            return writeln!(w, "  {}", t!(lang, "stats-nothing-missed"));
        }
        for (rule, n) in self.rows() {
            let pct = (n * 100 + self.valid / 2).checked_div(self.valid).unwrap_or(0);
            let title = crate::i18n::one_line(rules.get(rule).map(|r| r.title.get(lang)).unwrap_or(""));
            let waived = self.waived.get(rule).copied().unwrap_or(0);
            let waived = if waived > 0 {
                format!(" ({})", t!(lang, "stats-waived", n = waived))
            } else {
                String::new()
            };
            // Right-aligned to 3 digits; the catalogue places the sign (French
            // puts a no-break space before %).
            let pct = t!(lang, "stats-percent", pct = format!("{pct:>3}"));
            writeln!(w, "  {n:>6}  {pct}  {rule:<26} {title}{waived}")?;
        }
        Ok(())
    }
}
