//! The default, human report: per profile a header with the score, findings
//! grouped by guide step with their fix steps, then one summary line.

use super::{Context, ProfileReport, Reporter, Summary};
use crate::i18n::catalog::t;
use crate::i18n::{Lang, one_line};
use crate::rules::pack::Severity;
use colored::{ColoredString, Colorize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};
use std::sync::OnceLock;

pub struct Text<'a> {
    ctx: Context<'a>,
    /// Each rule's step and pack, by id.
    place: HashMap<&'a str, (Option<u32>, &'a str)>,
    /// Fix steps as printed, per rule and language, wrapped on first use and
    /// kept: the same steps are shown for many findings, a run on one
    /// profile wraps only the few it prints, and `OnceLock` lets a read-only
    /// reporter render profiles on the worker threads.
    fix_blocks: HashMap<(&'a str, Lang), OnceLock<String>>,
    /// The rule-id column: the longest id loaded, at least 24, so a long
    /// house rule id does not push its line out of alignment.
    id_width: usize,
    /// `--baseline`: the progress of the next profile.
    progress: Option<super::baseline::Progress>,
}

impl<'a> Text<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        let place = ctx
            .rules
            .rules
            .iter()
            .map(|r| (r.id.as_str(), (r.step, r.pack.as_str())))
            .collect();
        let mut fix_blocks = HashMap::new();
        for rule in &ctx.rules.rules {
            for lang in Lang::ALL {
                fix_blocks.insert((rule.id.as_str(), lang), OnceLock::new());
            }
        }
        let id_width = ctx.rules.rules.iter().map(|r| width(&r.id)).max().unwrap_or(0).max(24);
        Text {
            ctx,
            place,
            fix_blocks,
            id_width,
            progress: None,
        }
    }

    fn paint(&self, s: &str, f: fn(&str) -> ColoredString) -> String {
        if self.ctx.color { f(s).to_string() } else { s.to_owned() }
    }
}

fn sev_mark(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "✗",
        Severity::Warning => "!",
        Severity::Info => "·",
    }
}

fn sev_color(sev: Severity) -> fn(&str) -> ColoredString {
    match sev {
        Severity::Error => |s| s.red().bold(),
        Severity::Warning => |s| s.yellow().bold(),
        Severity::Info => |s| s.cyan(),
    }
}

/// The narrowest the report is laid out for, whatever the terminal says.
pub const MIN_WIDTH: usize = 60;

/// Break `text` into lines of at most `max` columns at spaces (a longer word
/// stays whole on its own line).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(20);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        // A paragraph that fits, with single spaces between its words, is its own line.
        if !para.starts_with(' ') && !para.ends_with(' ') && !para.contains("  ") && width(para) <= max {
            lines.push(para.to_owned());
            continue;
        }
        let mut line = String::with_capacity(max + 8);
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = width(word);
            if used > 0 && used + 1 + w > max {
                lines.push(std::mem::replace(&mut line, String::with_capacity(max + 8)));
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// The width of the longest severity word in `lang`, so the columns of
/// findings, waivers and fix steps line up.
fn sev_pad(lang: Lang) -> usize {
    [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|s| width(&s.word(lang)))
        .max()
        .unwrap_or(8)
}

/// Display width of `s`, counting each char as one column (good enough for
/// the Latin text of reports).
fn width(s: &str) -> usize {
    s.chars().count()
}

pub fn score_word(lang: Lang) -> String {
    t!(lang, "report-score")
}

/// "2 errors", "1 avertissement"…
pub fn counted(n: usize, sev: Severity, lang: Lang) -> String {
    match sev {
        Severity::Error => t!(lang, "report-errors-count", n = n),
        Severity::Warning => t!(lang, "report-warnings-count", n = n),
        Severity::Info => t!(lang, "report-notes-count", n = n),
    }
}

impl Reporter for Text<'_> {
    /// Pack and config problems come first (docs/formats.md): the profiles below
    /// were checked without the rules they hold.
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let problems = self.ctx.problems;
        if problems.is_empty() {
            return Ok(());
        }
        let lang = self.ctx.lang;
        let heading = t!(lang, "config-problems-heading");
        writeln!(w, "{}", self.paint(&heading, |s| s.red().bold()))?;
        for p in problems {
            writeln!(
                w,
                "  {} {}:{}:{}: {}",
                self.paint("✗", |s| s.red().bold()),
                one_line(&p.file),
                p.line,
                p.column,
                one_line(&p.message)
            )?;
        }
        writeln!(w)
    }

    /// Each profile's block ends with exactly one blank line, whatever its
    /// last section was.
    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let mut block = self.render(p);
        if let Some(pr) = self.progress.take()
            && !block.is_empty()
        {
            // Before the block's closing blank line.
            block.truncate(block.len() - 1);
            self.progress_lines(&pr, p, &mut block)?;
            block.push(b'\n');
        }
        w.write_all(&block)
    }

    fn baseline(&mut self, progress: &super::baseline::Progress) {
        self.progress = Some(progress.clone());
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if self.ctx.quiet {
            return Ok(());
        }
        let mut line = summary_line(s, self.ctx.lang);
        if s.errors + s.warnings + s.infos > 0 {
            line.push_str(" — ");
            line.push_str(&t!(self.ctx.lang, "report-explain-hint"));
        }
        for part in wrap(&line, self.ctx.width.max(MIN_WIDTH)) {
            writeln!(w, "{}", self.paint(&part, |s| s.bold()))?;
        }
        Ok(())
    }
}

impl Text<'_> {
    /// `--baseline`: the profile's progress, then each finding fixed and
    /// each new one (rule and path).
    fn progress_lines(&self, pr: &super::baseline::Progress, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let lang = p.lang;
        let line = super::baseline::summary_line(pr, lang);
        for part in wrap(&line, self.ctx.width.max(MIN_WIDTH) - 4) {
            writeln!(w, "  {}", self.paint(&part, |s| s.bold()))?;
        }
        let (fixed, new) = (t!(lang, "baseline-fixed-word"), t!(lang, "baseline-new-word"));
        let pad = width(&fixed).max(width(&new));
        let items = super::baseline::items(pr, p);
        let rule_pad = items.iter().map(|(_, r, _)| width(r)).max().unwrap_or(0);
        for (is_new, rule, path) in items {
            let (word, paint): (&str, fn(&str) -> ColoredString) = match is_new {
                true => (&new, |s| s.red()),
                false => (&fixed, |s| s.green()),
            };
            let word = format!("{word:<pad$}");
            let rule = format!("{:<rule_pad$}", one_line(rule));
            writeln!(w, "    {}  {rule}  {}", self.paint(&word, paint), one_line(path))?;
        }
        Ok(())
    }

    /// Where headers put their right-hand part (the score, "✓ all done").
    fn header_width(&self) -> usize {
        self.ctx.width.clamp(MIN_WIDTH, 72)
    }

    /// Where a heading's "✓ all done" starts: under the header's end, or
    /// earlier when the words would not fit the width (French, 60 columns).
    fn done_column(&self, done: &str) -> usize {
        (self.header_width() - 6).min(self.ctx.width.saturating_sub(width(done)))
    }

    /// One profile's block, ending with exactly one blank line (empty when
    /// `-q` hides the profile). Takes `&self`, so worker threads can render
    /// while the writer writes.
    pub fn render(&self, p: &ProfileReport) -> Vec<u8> {
        let cleaned = p.printable();
        let p = cleaned.as_ref().unwrap_or(p);
        let mut block = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.profile_block(p, &mut block);
        while block.ends_with(b"\n") {
            block.pop();
        }
        if !block.is_empty() {
            block.extend_from_slice(b"\n\n");
        }
        block
    }

    fn profile_block(&self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let lang = p.lang;
        let quiet = self.ctx.quiet;
        if quiet && p.findings.is_empty() && !p.is_invalid() {
            return Ok(());
        }
        let title = format!("{} — {}", p.name, p.file);
        let right = match p.score {
            Some(s) => format!("{} {s}/100", score_word(lang)),
            None => t!(lang, "report-invalid"),
        };
        let pad = self.header_width().saturating_sub(width(&title) + width(&right)).max(2);
        let right_painted = match p.score {
            Some(s) if s >= 80 => self.paint(&right, |s| s.green().bold()),
            Some(s) if s >= 50 => self.paint(&right, |s| s.yellow().bold()),
            _ => self.paint(&right, |s| s.red().bold()),
        };
        writeln!(
            w,
            "{}{}{}",
            self.paint(&title, |s| s.bold()),
            " ".repeat(pad),
            right_painted
        )?;
        if p.is_invalid() {
            for e in &p.errors {
                writeln!(
                    w,
                    "  {} {}:{}:{}: {}",
                    self.paint("✗", |s| s.red().bold()),
                    p.file,
                    e.line,
                    e.column,
                    e.message
                )?;
            }
            return writeln!(w);
        }
        writeln!(w)?;
        // Group by guide step; rules without a step are grouped by pack after the steps.
        let mut by_step: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut by_pack: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, f) in p.findings.iter().enumerate() {
            match f.step {
                Some(s) => by_step.entry(s).or_default().push(i),
                None => by_pack.entry(f.pack.as_str()).or_default().push(i),
            }
        }
        let rules = self.ctx.rules;
        // Where the passed rules sit: their step, or their pack when they have
        // none (a "✓ all done" line needs one). One pass over `passed`.
        let passed_places: HashSet<(Option<u32>, &str)> = p
            .passed
            .iter()
            .filter_map(|id| self.place.get(id.as_str()))
            .map(|&(step, pack)| (step, if step.is_some() { "" } else { pack }))
            .collect();
        let mut steps: Vec<u32> = rules.steps.keys().copied().collect();
        steps.extend(rules.rules.iter().filter_map(|r| r.step));
        steps.extend(by_step.keys().copied());
        steps.sort_unstable();
        steps.dedup();
        for step in steps {
            let applies = passed_places.contains(&(Some(step), ""));
            let heading = match rules.steps.get(&step) {
                Some(title) => t!(
                    lang,
                    "report-step-titled",
                    step = step,
                    title = one_line(title.get(lang)).into_owned()
                ),
                None => t!(lang, "report-step", step = step),
            };
            match by_step.get(&step) {
                None if applies && !quiet => {
                    let done = format!("✓ {}", t!(lang, "report-all-done"));
                    let pad = self.done_column(&done).saturating_sub(width(&heading)).max(2);
                    writeln!(
                        w,
                        "{}{}{}",
                        self.paint(&heading, |s| s.bold()),
                        " ".repeat(pad),
                        self.paint(&done, |s| s.green())
                    )?;
                }
                None => {}
                Some(idx) => {
                    for line in heading_lines(&heading, self.ctx.width) {
                        writeln!(w, "{}", self.paint(&line, |s| s.bold()))?;
                    }
                    for &i in idx {
                        self.finding(p, i, w)?;
                    }
                    writeln!(w)?;
                }
            }
        }
        // Step-less packs in load order, then any pack only the findings name.
        let mut packs: Vec<&str> = Vec::new();
        for name in rules
            .rules
            .iter()
            .filter(|r| r.step.is_none())
            .map(|r| r.pack.as_str())
            .chain(by_pack.keys().copied())
        {
            if !packs.contains(&name) {
                packs.push(name);
            }
        }
        for pack in packs {
            let heading = pack_heading(rules, pack, lang);
            match by_pack.get(pack) {
                Some(idx) => {
                    for line in heading_lines(&heading, self.ctx.width) {
                        writeln!(w, "{}", self.paint(&line, |s| s.bold()))?;
                    }
                    for &i in idx {
                        self.finding(p, i, w)?;
                    }
                    writeln!(w)?;
                }
                None if !quiet && passed_places.contains(&(None, pack)) => {
                    // Just the title here, aligned with the steps' "all done".
                    let title = heading.split(" · ").next().unwrap_or(&heading).to_owned();
                    let done = format!("✓ {}", t!(lang, "report-all-done"));
                    let pad = self.done_column(&done).saturating_sub(width(&title)).max(2);
                    writeln!(
                        w,
                        "{}{}{}",
                        self.paint(&title, |s| s.bold()),
                        " ".repeat(pad),
                        self.paint(&done, |s| s.green())
                    )?;
                }
                None => {}
            }
        }
        if !p.waived.is_empty() {
            writeln!(w, "{}", self.paint(&t!(lang, "report-waived-heading"), |s| s.bold()))?;
            let pad = sev_pad(lang);
            let word = format!("~ {:<pad$}", t!(lang, "report-waived-word"));
            for wv in &p.waived {
                writeln!(
                    w,
                    "  {} {:<id_width$} {}",
                    self.paint(&word, |s| s.dimmed()),
                    wv.rule,
                    wv.reason,
                    id_width = self.id_width,
                )?;
            }
            writeln!(w)?;
        }
        for warn in &p.warnings {
            writeln!(
                w,
                "  {} {}:{}:{}: {}",
                self.paint("!", |s| s.yellow().bold()),
                p.file,
                warn.line,
                warn.column,
                warn.message
            )?;
        }
        if !p.warnings.is_empty() {
            writeln!(w)?;
        }
        Ok(())
    }

    fn finding(&self, p: &ProfileReport, i: usize, w: &mut dyn Write) -> io::Result<()> {
        let f = &p.findings[i];
        let lang = p.lang;
        // Pad to the longest severity word of the language so columns line up.
        let pad = sev_pad(lang);
        let sev = format!("{} {:<pad$}", sev_mark(f.severity), f.severity.word(lang));
        let id_width = self.id_width.max(width(&f.rule));
        writeln!(
            w,
            "  {} {:<id_width$} {}",
            self.paint(&sev, sev_color(f.severity)),
            f.rule,
            self.paint(&format!("{}:{}:{}", p.file, f.line, f.column), |s| s.dimmed()),
        )?;
        let indent = " ".repeat(2 + width(&sev) + 1);
        // Wrapped like the rest, so a long house-rule title fits the width.
        for line in wrap(&f.title, self.ctx.width.max(MIN_WIDTH).saturating_sub(indent.len())) {
            writeln!(w, "{indent}{}", self.paint(&line, |s| s.bold()))?;
        }
        // The expected/found line is what to read first: never dimmed.
        if !f.message.is_empty() && !self.ctx.quiet {
            for line in wrap(
                &f.message_with_path(),
                self.ctx.width.max(MIN_WIDTH).saturating_sub(indent.len()),
            ) {
                writeln!(w, "{indent}{line}")?;
            }
        }
        if !self.ctx.quiet
            && let Some(rule) = self.ctx.rules.get(&f.rule)
        {
            match self.fix_blocks.get(&(rule.id.as_str(), lang)) {
                Some(block) => w.write_all(block.get_or_init(|| fix_block(rule, lang, self.ctx.width)).as_bytes())?,
                None => w.write_all(fix_block(rule, lang, self.ctx.width).as_bytes())?,
            }
        }
        Ok(())
    }
}

/// A heading as the lines that fit `columns`: one line when it fits, else
/// wrapped at spaces, the lines after the first indented under the text
/// that follows its " · " (as a finding's message is under its start).
fn heading_lines(heading: &str, columns: usize) -> Vec<String> {
    if width(heading) <= columns {
        return vec![heading.to_owned()];
    }
    let (lead, rest) = match heading.split_once(" · ") {
        Some((name, rest)) if width(name) + 3 + 20 <= columns => (format!("{name} · "), rest),
        _ => (String::new(), heading),
    };
    let indent = " ".repeat(width(&lead));
    wrap(rest, columns - width(&lead))
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { &lead } else { &indent }))
        .collect()
}

/// A pack without steps is headed by its title (else its name) and the first
/// sentence of its description ("Privacy · The golden rule: …").
fn pack_heading(rules: &crate::rules::engine::RuleSet, pack: &str, lang: Lang) -> String {
    let info = rules.packs.iter().find(|i| i.name == pack);
    let description = info.map(|i| i.description.get(lang)).unwrap_or("");
    let first = description.split_inclusive(". ").next().unwrap_or("").trim();
    let name = match info.map(|i| i.title.get(lang)).filter(|t| !t.is_empty()) {
        Some(t) => t.to_owned(),
        None => {
            let mut name: Vec<char> = pack.chars().collect();
            if let Some(c) = name.first_mut() {
                *c = c.to_ascii_uppercase();
            }
            name.into_iter().collect()
        }
    };
    let heading = if first.is_empty() {
        name
    } else {
        format!("{name} · {first}")
    };
    one_line(&heading).into_owned()
}

/// A rule's numbered fix steps, wrapped and indented under a finding.
fn fix_block(rule: &crate::rules::pack::Rule, lang: Lang, columns: usize) -> String {
    // The findings' text column: mark, space, padded severity word, space.
    let pad = sev_pad(lang);
    let indent = " ".repeat(2 + 2 + pad + 1);
    let mut block = String::new();
    for (n, step) in rule.fix.get(lang).iter().enumerate() {
        let number = format!("{}. ", n + 1);
        let hang = " ".repeat(number.len());
        let step = one_line(step);
        for (k, line) in wrap(
            &step,
            columns.max(MIN_WIDTH).saturating_sub(indent.len() + number.len()),
        )
        .iter()
        .enumerate()
        {
            block.push_str(&format!("{indent}{}{line}\n", if k == 0 { &number } else { &hang }));
        }
    }
    block
}

/// "2 errors · 5 warnings · 3 notes in 4 profiles (1 invalid)", shared by the
/// formats that end with a one-line summary.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let mut line = t!(
        lang,
        "report-summary",
        errors = counted(s.errors, Severity::Error, lang),
        warnings = counted(s.warnings, Severity::Warning, lang),
        notes = counted(s.infos, Severity::Info, lang),
        profiles = s.profiles,
        invalid = s.invalid
    );
    if s.config_errors > 0 {
        line.push_str(&format!(
            " · {}",
            t!(lang, "summary-config-errors", n = s.config_errors)
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::wrap;

    /// Word by word, as `wrap` does for a paragraph that does not fit as is.
    fn word_by_word(text: &str, max: usize) -> Vec<String> {
        let max = max.max(20);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let (mut line, mut used) = (String::new(), 0);
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let w = word.chars().count();
                if used > 0 && used + 1 + w > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                if used > 0 {
                    line.push(' ');
                    used += 1;
                }
                line.push_str(word);
                used += w;
            }
            lines.push(line);
        }
        lines
    }

    #[test]
    fn a_paragraph_that_fits_is_kept_and_others_break_at_spaces() {
        let fits = "Add a profile picture: à côté de votre nom";
        assert_eq!(wrap(fits, 60), [fits]);
        assert_eq!(wrap("", 60), [""]);
        assert_eq!(
            wrap("twenty chars exactly plus some more words here", 20),
            ["twenty chars exactly", "plus some more words", "here"]
        );
        for text in [
            fits,
            "",
            " leading space",
            "trailing space ",
            "two  spaces inside",
            "one\n\ntwo paragraphs, the second one long enough to break somewhere",
            "a-very-long-word-that-is-longer-than-the-width-on-its-own then short",
            "exactly twenty chars",
            "exactly twenty chars!",
            "é è ê ë à â ä î ï ô ö ù û ü ÿ ç œ æ « guillemets » et espaces fines",
        ] {
            for max in [0, 20, 21, 40, 72] {
                assert_eq!(wrap(text, max), word_by_word(text, max), "{text:?} at {max}");
            }
        }
    }
}
