//! `--format markdown`: a printable handout per profile (docs/formats.md) — the score,
//! then each guide step as a checklist (`- [x]` done, `- [ ]` missing with its
//! fix steps, waived with the reason). Several profiles get a summary table
//! first, so the reporter keeps the reports until `end`.
//!
//! Also owns the checklist model ([`groups`]) that the HTML handout shares:
//! both formats must list the same items in the same order.

use super::text::counted;
use super::{Context, Finding, ProfileReport, Reporter, Summary};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::pack::{Rule, Severity};
use std::io::{self, Write};

/// Where a rule stands for one profile.
pub(super) enum Status<'r> {
    Passed,
    /// Not done: every finding the rule gave (an `each` rule may give several).
    Missing(Vec<&'r Finding>),
    /// Deliberately not taken, with the profile's reason.
    Waived(&'r str),
}

/// One checklist line.
pub(super) struct Item<'r> {
    pub id: &'r str,
    pub title: String,
    pub severity: Severity,
    pub status: Status<'r>,
    /// The loaded rule (for `why` and the fix steps), when the context has it.
    pub rule: Option<&'r Rule>,
}

/// What a group of checklist lines is about.
pub(super) enum Heading<'r> {
    /// A guide step: number and its title in the profile's language, if known.
    Step(u32, Option<&'r str>),
    /// Rules with no step, grouped by pack: pack name and description.
    /// Pack name, description, title (when the pack has one).
    Pack(&'r str, Option<&'r str>, Option<&'r str>),
}

pub(super) struct Group<'r> {
    pub heading: Heading<'r>,
    pub items: Vec<Item<'r>>,
    /// Ids of rules whose `when` did not hold: kept out of the checklist (a
    /// handout lists what to do), only counted.
    pub not_applicable: Vec<&'r str>,
}

impl Group<'_> {
    pub fn done(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i.status, Status::Passed | Status::Waived(_)))
            .count()
    }
}

/// The checklist of a valid profile: guide steps in order, then one group per
/// pack of step-less rules; inside a group, rules in pack order. Rules are
/// taken from the context, with findings for rules it does not know (a report
/// made with other packs) appended, so nothing found is ever dropped.
pub(super) fn groups<'r>(ctx: &Context<'r>, p: &'r ProfileReport) -> Vec<Group<'r>> {
    let lang = p.lang;
    let rules = ctx.rules;
    let mut out: Vec<Group<'r>> = Vec::new();
    let group_of = |out: &mut Vec<Group<'r>>, step: Option<u32>, pack: &'r str| -> usize {
        let found = out.iter().position(|g| match (&g.heading, step) {
            (Heading::Step(n, _), Some(s)) => *n == s,
            (Heading::Pack(name, _, _), None) => *name == pack,
            _ => false,
        });
        found.unwrap_or_else(|| {
            let heading = match step {
                Some(n) => Heading::Step(n, rules.steps.get(&n).map(|t| t.get(lang))),
                None => {
                    let info = rules.packs.iter().find(|i| i.name == pack);
                    Heading::Pack(
                        pack,
                        info.map(|i| i.description.get(lang)).filter(|d| !d.is_empty()),
                        info.map(|i| i.title.get(lang)).filter(|t| !t.is_empty()),
                    )
                }
            };
            out.push(Group {
                heading,
                items: Vec::new(),
                not_applicable: Vec::new(),
            });
            out.len() - 1
        })
    };
    for rule in &rules.rules {
        let id = rule.id.as_str();
        let status = if p.passed.iter().any(|r| r == id) {
            Status::Passed
        } else if let Some(w) = p.waived.iter().find(|w| w.rule == id) {
            Status::Waived(&w.reason)
        } else if p.not_applicable.iter().any(|r| r == id) {
            let g = group_of(&mut out, rule.step, &rule.pack);
            out[g].not_applicable.push(id);
            continue;
        } else {
            let found: Vec<&Finding> = p.findings.iter().filter(|f| f.rule == id).collect();
            if found.is_empty() {
                continue; // not run for this profile
            }
            Status::Missing(found)
        };
        let g = group_of(&mut out, rule.step, &rule.pack);
        out[g].items.push(Item {
            id,
            title: rule.title.get(lang).to_owned(),
            severity: rule.severity,
            status,
            rule: Some(rule),
        });
    }
    for f in &p.findings {
        if rules.get(&f.rule).is_some() || out.iter().any(|g| g.items.iter().any(|i| i.id == f.rule)) {
            continue;
        }
        let found: Vec<&Finding> = p.findings.iter().filter(|x| x.rule == f.rule).collect();
        let g = group_of(&mut out, f.step, &f.pack);
        out[g].items.push(Item {
            id: &f.rule,
            title: f.title.clone(),
            severity: f.severity,
            status: Status::Missing(found),
            rule: None,
        });
    }
    // Steps first, in number order; packs after, in load order (stable sort).
    out.sort_by_key(|g| match g.heading {
        Heading::Step(n, _) => (0, n),
        Heading::Pack(..) => (1, 0),
    });
    out
}

/// "Step 3 · title" / "Étape 3 · titre".
pub(super) fn step_label(n: u32, lang: Lang) -> String {
    t!(lang, "report-step", step = n)
}

/// The heading of a step-less group: the pack's title, else its name.
pub(super) fn pack_label(name: &str, title: Option<&str>, lang: Lang) -> String {
    match title {
        Some(t) => t.to_owned(),
        None => t!(lang, "handout-pack", name = lang.quote(name)),
    }
}

/// "1 error · 3 warnings · 2 notes" for one profile.
pub(super) fn counts_line(p: &ProfileReport, lang: Lang) -> String {
    [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|&s| counted(p.count(s), s, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub(super) fn profiles_word(n: usize, lang: Lang) -> String {
    t!(lang, "profiles-count", n = n)
}

/// "2 invalid profiles" / "2 profils invalides".
pub(super) fn invalid_profiles(n: usize, lang: Lang) -> String {
    t!(lang, "handout-invalid-profiles", n = n)
}

/// Escape a text for inline Markdown, with the one escaping every Markdown
/// output shares ([`crate::i18n::markdown_inline`]): a hostile name cannot
/// open a link, emphasis, an HTML tag, an entity or a table cell, start a
/// block, or hide a bidirectional override.
pub fn escape(s: &str) -> String {
    crate::i18n::markdown_inline(s)
}

/// Escape a finding message, keeping its `code` spans as code spans. A code
/// span shows its content literally (no markup, no HTML), and the content is
/// cut at backticks, so it cannot close the span early; an odd number of
/// backticks means the spans are not ours, and the whole text is escaped.
fn message(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len() < 3 || parts.len().is_multiple_of(2) {
        return escape(s);
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            out.push_str(&escape(part));
        } else {
            let flat = code(part);
            if flat.trim().is_empty() {
                out.push_str(&escape(&format!("`{part}`")));
            } else {
                out.push('`');
                out.push_str(&flat);
                out.push('`');
            }
        }
    }
    out
}

pub struct Markdown<'a> {
    ctx: Context<'a>,
    /// The reports, kept until `end`: the heading levels and the summary
    /// table depend on how many profiles there are.
    reports: Vec<ProfileReport>,
    /// `--baseline`: each report's progress, and the next one's.
    progress: Vec<Option<super::baseline::Progress>>,
    next: Option<super::baseline::Progress>,
}

impl<'a> Markdown<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Markdown {
            ctx,
            reports: Vec::new(),
            progress: Vec::new(),
            next: None,
        }
    }
}

impl Reporter for Markdown<'_> {
    fn profile(&mut self, p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        self.reports.push(p.clone());
        self.progress.push(self.next.take());
        Ok(())
    }

    fn baseline(&mut self, progress: &super::baseline::Progress) {
        self.next = Some(progress.clone());
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        let mut out = String::new();
        let several = self.reports.len() > 1;
        problems(&mut out, self.ctx.problems, self.ctx.lang);
        if several {
            summary(&mut out, &self.reports, s, self.ctx.lang);
        }
        if let Some(rows) = &s.statistics {
            statistics(&mut out, rows, &self.ctx, several);
        }
        if self.reports.is_empty() {
            let lang = self.ctx.lang;
            out.push_str(&format!(
                "# {}\n\n{}\n",
                t!(lang, "handout-title"),
                t!(lang, "handout-no-profile")
            ));
        }
        for (i, p) in self.reports.iter().enumerate() {
            if i > 0 || several {
                out.push_str("\n---\n\n");
            }
            profile(&mut out, &self.ctx, p, if several { 2 } else { 1 });
            if let Some(Some(pr)) = self.progress.get(i) {
                progress(&mut out, pr, p);
            }
        }
        w.write_all(out.as_bytes())
    }
}

/// Pack and config problems, before anything else (docs/formats.md): the checklist
/// below was made without the rules they hold.
fn problems(out: &mut String, problems: &[super::Problem], lang: Lang) {
    if problems.is_empty() {
        return;
    }
    out.push_str(&format!("# {}\n\n", t!(lang, "config-problems-heading")));
    out.push_str(&format!(
        "{}\n\n",
        t!(lang, "config-problems-intro", n = problems.len())
    ));
    for p in problems {
        out.push_str(&format!(
            "- `{}:{}:{}`{} {}\n",
            code(&p.file),
            p.line,
            p.column,
            lang.colon(),
            escape(&p.message)
        ));
    }
    out.push('\n');
}

/// `--statistics` in the cohort summary: the most missed steps, what to
/// teach next (docs/formats.md).
fn statistics(out: &mut String, rows: &[super::StatRow], ctx: &Context<'_>, several: bool) {
    let lang = ctx.lang;
    let h = if several { "##" } else { "#" };
    out.push_str(&format!("\n{h} {}\n\n", t!(lang, "stats-teach-next")));
    if rows.is_empty() {
        out.push_str(&format!("{}\n", t!(lang, "stats-no-step-missed")));
        return;
    }
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|--:|\n",
        t!(lang, "stats-col-rule"),
        t!(lang, "stats-col-title"),
        t!(lang, "stats-col-missed")
    ));
    for r in rows {
        let title = ctx.rules.get(&r.rule).map(|x| x.title.get(lang)).unwrap_or("");
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code(&r.rule),
            escape(title),
            t!(lang, "stats-missed-of", missed = r.missed, profiles = r.profiles)
        ));
    }
}

/// Text for inside a Markdown code span: backticks cannot be escaped there,
/// so they become a look-alike, line breaks a space, and the other
/// characters [`crate::i18n::is_unsafe`] names their code point.
fn code(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '`' => out.push('\u{2018}'),
            '|' => out.push('\u{2223}'),
            c if c.is_control() => out.push(' '),
            c if crate::i18n::is_unsafe(c) => crate::i18n::safe::push_code_point(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// `--output-dir`'s `index.md`: the problems, the cohort table with each
/// name linked to its handout, and the statistics when asked for.
pub(crate) fn index(ctx: &Context<'_>, written: &[(ProfileReport, String)], s: &Summary) -> String {
    let mut out = String::new();
    let reports: Vec<ProfileReport> = written.iter().map(|(p, _)| p.clone()).collect();
    let links: Vec<String> = written.iter().map(|(_, f)| f.clone()).collect();
    problems(&mut out, ctx.problems, ctx.lang);
    summary_linked(&mut out, &reports, s, ctx.lang, Some(&links));
    if let Some(rows) = &s.statistics {
        statistics(&mut out, rows, ctx, true);
    }
    out
}

fn summary(out: &mut String, reports: &[ProfileReport], s: &Summary, lang: Lang) {
    summary_linked(out, reports, s, lang, None)
}

fn summary_linked(out: &mut String, reports: &[ProfileReport], s: &Summary, lang: Lang, links: Option<&[String]>) {
    out.push_str(&format!(
        "# {} — {}\n\n",
        t!(lang, "handout-title"),
        profiles_word(s.profiles, lang)
    ));
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|---|--:|--:|--:|\n",
        t!(lang, "handout-col-profile"),
        t!(lang, "handout-col-file"),
        t!(lang, "handout-col-score"),
        t!(lang, "handout-col-errors"),
        t!(lang, "handout-col-warnings"),
    ));
    for (i, p) in reports.iter().enumerate() {
        let score = match p.score {
            Some(n) => format!("{n}/100"),
            None => t!(lang, "report-invalid"),
        };
        let name = match links.and_then(|l| l.get(i)) {
            Some(target) => format!("[{}]({})", escape(&p.name), super::link_to_file(target)),
            None => escape(&p.name),
        };
        out.push_str(&format!(
            "| {} | {} | {score} | {} | {} |\n",
            name,
            escape(&p.file),
            p.count(Severity::Error),
            p.count(Severity::Warning),
        ));
    }
    out.push('\n');
    out.push_str(&t!(
        lang,
        "handout-total",
        errors = counted(s.errors, Severity::Error, lang),
        warnings = counted(s.warnings, Severity::Warning, lang),
        notes = counted(s.infos, Severity::Info, lang)
    ));
    if s.invalid > 0 {
        out.push_str(&format!(" · {}", invalid_profiles(s.invalid, lang)));
    }
    out.push('\n');
}

fn profile(out: &mut String, ctx: &Context<'_>, p: &ProfileReport, level: usize) {
    let lang = p.lang;
    let h = "#".repeat(level);
    out.push_str(&format!("{h} {}\n\n", escape(&p.name)));
    let file = t!(lang, "handout-file", file = escape(&p.file));
    let Some(score) = p.score else {
        out.push_str(&format!("**{}** — {file}\n\n", t!(lang, "handout-invalid")));
        out.push_str(&t!(lang, "handout-fix-file"));
        out.push_str("\n\n");
        for e in &p.errors {
            let line = t!(lang, "handout-at-line", line = e.line, message = message(&e.message));
            out.push_str(&format!("- {line}\n"));
        }
        return;
    };
    out.push_str(&format!(
        "**{}** · {}\\\n{file}\n",
        t!(lang, "handout-score", score = score),
        counts_line(p, lang)
    ));
    for g in groups(ctx, p) {
        if g.items.is_empty() {
            continue;
        }
        let title = match g.heading {
            Heading::Step(n, Some(t)) => format!("{} · {}", step_label(n, lang), escape(t)),
            Heading::Step(n, None) => step_label(n, lang),
            Heading::Pack(name, _, title) => escape(&pack_label(name, title, lang)),
        };
        out.push_str(&format!("\n{h}# {title} — {}/{}\n\n", g.done(), g.items.len()));
        if let Heading::Pack(_, Some(desc), _) = g.heading {
            out.push_str(&format!("*{}*\n\n", escape(desc)));
        }
        for item in &g.items {
            checklist_item(out, p, item);
        }
    }
    if !p.warnings.is_empty() {
        out.push_str(&format!("\n{h}# {}\n\n", t!(lang, "handout-file-notes")));
        for e in &p.warnings {
            let line = t!(lang, "handout-at-line", line = e.line, message = message(&e.message));
            out.push_str(&format!("- {line}\n"));
        }
    }
    if !p.not_applicable.is_empty() {
        let ids = p
            .not_applicable
            .iter()
            .map(|id| escape(id))
            .collect::<Vec<_>>()
            .join(", ");
        let line = t!(lang, "handout-not-applicable", n = p.not_applicable.len(), rules = ids);
        out.push_str(&format!("\n*{line}*\n"));
    }
}

fn checklist_item(out: &mut String, p: &ProfileReport, item: &Item<'_>) {
    let lang = p.lang;
    let title = escape(&item.title);
    match &item.status {
        Status::Passed => out.push_str(&format!("- [x] {title}\n")),
        // No box: a waived step is neither done nor to do.
        Status::Waived(reason) => out.push_str(&format!(
            "- ~~{title}~~ — {}\n",
            t!(lang, "handout-waived", reason = escape(reason))
        )),
        Status::Missing(found) => {
            // A trailing backslash is a hard line break: the item stays one
            // tight list entry whatever the renderer.
            out.push_str(&format!("- [ ] **{title}** — {}\\\n", item.severity.word(lang)));
            if let Some(why) = item.rule.map(|r| r.why.get(lang)).filter(|w| !w.is_empty()) {
                out.push_str(&format!("  *{}*\\\n", escape(why)));
            }
            // What the check saw; locations are left to the text and JSON
            // reports (a missing value sits at 1:1, which means nothing here).
            for (i, f) in found.iter().enumerate() {
                let end = if i + 1 < found.len() { "\\" } else { "" };
                out.push_str(&format!("  → {}{end}\n", message(&f.message)));
            }
            if let Some(rule) = item.rule {
                for (n, step) in rule.fix.get(lang).iter().enumerate() {
                    out.push_str(&format!("  {}. {}\n", n + 1, escape(step)));
                }
            }
        }
    }
}
/// `--baseline`: the profile's progress, then each finding fixed and each
/// new one.
fn progress(out: &mut String, pr: &super::baseline::Progress, p: &ProfileReport) {
    let lang = p.lang;
    out.push_str(&format!(
        "\n> **{}**\n",
        escape(&super::baseline::summary_line(pr, lang))
    ));
    let items = super::baseline::items(pr, p);
    if !items.is_empty() {
        out.push_str(">\n");
    }
    for (is_new, rule, path) in items {
        let word = if is_new {
            t!(lang, "baseline-new-word")
        } else {
            t!(lang, "baseline-fixed-word")
        };
        out.push_str(&format!("> - {} · {} · {}\n", escape(&word), code(rule), code(path)));
    }
}
