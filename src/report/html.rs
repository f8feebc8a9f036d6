//! `--format html`: one self-contained page of handouts (docs/formats.md) — a score
//! ring per profile, the checklist by guide step with the fix steps, the
//! waivers with their reason; a summary table first when there are several
//! profiles. The page makes no request of any kind: styles are inline, there
//! is no script, and a Content-Security-Policy forbids loading anything, so
//! even a bug in escaping could not reach the network. Every text from a
//! profile or a pack goes through [`escape`].
//!
//! The reports are kept until `end`: the summary table comes first, and the
//! heading levels depend on whether there is one.

use super::markdown::{Group, Heading, Item, Status, groups, invalid_profiles, pack_label, profiles_word, step_label};
use super::text::counted;
use super::{Context, ProfileReport, Reporter, Summary};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::pack::Severity;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than white space are parse errors in HTML.
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            // Bidirectional overrides and invisible characters, shown as text shows them.
            c if crate::i18n::is_unsafe(c) => crate::i18n::safe::push_code_point(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Escape a file path, with a line-break opportunity after each separator so
/// a long path wraps at a folder rather than in the middle of a name.
fn path_html(s: &str) -> String {
    escape(s).replace('/', "/<wbr>").replace('\\', "\\<wbr>")
}

/// Escape a finding message, showing its `code` spans as `<code>`.
fn message_html(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len() < 3 || parts.len().is_multiple_of(2) {
        return escape(s);
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// The colour band of a score: the same thresholds as the text report.
fn band(score: Option<u32>) -> &'static str {
    match score {
        Some(s) if s >= 80 => "good",
        Some(s) if s >= 50 => "fair",
        Some(_) => "low",
        None => "none",
    }
}

/// The score as a ring gauge with the number in the middle.
fn ring(id: &str, score: Option<u32>, lang: Lang) -> String {
    const R: f64 = 52.0;
    let circ = 2.0 * std::f64::consts::PI * R;
    let label = match score {
        Some(s) => t!(lang, "handout-score-label", score = s),
        None => t!(lang, "handout-no-score"),
    };
    let mut svg = format!(
        "<svg class=\"ring band-{}\" viewBox=\"0 0 120 120\" width=\"120\" height=\"120\" role=\"img\" \
         aria-labelledby=\"{id}\"><title id=\"{id}\">{}</title>\
         <circle class=\"track\" cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke-width=\"12\"/>",
        band(score),
        escape(&label)
    );
    if let Some(s) = score.filter(|&s| s > 0) {
        let arc = circ * f64::from(s.min(100)) / 100.0;
        let _ = write!(
            svg,
            "<circle class=\"arc\" cx=\"60\" cy=\"60\" r=\"52\" fill=\"none\" stroke-width=\"12\" \
             stroke-linecap=\"round\" stroke-dasharray=\"{arc:.2} {circ:.2}\" transform=\"rotate(-90 60 60)\"/>"
        );
    }
    match score {
        Some(s) => {
            let _ = write!(
                svg,
                "<text class=\"num\" x=\"60\" y=\"67\" text-anchor=\"middle\">{s}</text>\
                 <text class=\"of\" x=\"60\" y=\"86\" text-anchor=\"middle\">/100</text>"
            );
        }
        None => svg.push_str("<text class=\"num\" x=\"60\" y=\"72\" text-anchor=\"middle\">?</text>"),
    }
    svg.push_str("</svg>");
    svg
}

/// A checkbox as drawn on paper: ticked, empty (to tick by hand) or crossed out.
fn mark(status: &Status<'_>) -> &'static str {
    match status {
        Status::Passed => {
            "<svg class=\"box\" viewBox=\"0 0 20 20\" width=\"20\" height=\"20\" aria-hidden=\"true\">\
             <rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" rx=\"4\"/>\
             <path d=\"M5 10.5l3.2 3.2L15 6.8\"/></svg>"
        }
        Status::Missing(_) => {
            "<svg class=\"box\" viewBox=\"0 0 20 20\" width=\"20\" height=\"20\" aria-hidden=\"true\">\
             <rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" rx=\"4\"/></svg>"
        }
        Status::Waived(_) => {
            "<svg class=\"box\" viewBox=\"0 0 20 20\" width=\"20\" height=\"20\" aria-hidden=\"true\">\
             <rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" rx=\"4\"/><path d=\"M5.5 10h9\"/></svg>"
        }
    }
}

fn sev_class(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub struct Html<'a> {
    ctx: Context<'a>,
    reports: Vec<ProfileReport>,
    /// `--baseline`: each report's progress, and the next one's.
    progress: Vec<Option<super::baseline::Progress>>,
    next: Option<super::baseline::Progress>,
}

impl<'a> Html<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Html {
            ctx,
            reports: Vec::new(),
            progress: Vec::new(),
            next: None,
        }
    }
}

/// The anchor of the `i`th profile (0-based): never built from user text.
fn anchor(i: usize) -> String {
    format!("profile-{}", i + 1)
}

impl Reporter for Html<'_> {
    fn profile(&mut self, p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        self.reports.push(p.clone());
        self.progress.push(self.next.take());
        Ok(())
    }

    fn baseline(&mut self, progress: &super::baseline::Progress) {
        self.next = Some(progress.clone());
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.ctx.lang;
        let several = self.reports.len() > 1;
        let title = match (&self.reports[..], several) {
            ([one], false) => format!("{} — profilecheck", one.name),
            _ => format!("{} — {}", t!(lang, "handout-title"), profiles_word(s.profiles, lang)),
        };
        let mut out = String::with_capacity(64 * 1024);
        page_head(&mut out, lang, &title);
        problems_html(&mut out, self.ctx.problems, lang);
        if several {
            summary_table(&mut out, &self.reports, s, lang);
        }
        if let Some(rows) = &s.statistics {
            statistics_html(&mut out, rows, &self.ctx, several);
        }
        if self.reports.is_empty() {
            let _ = writeln!(
                out,
                "<h1>{}</h1>\n<p>{}</p>",
                t!(lang, "handout-title"),
                t!(lang, "handout-no-profile")
            );
        }
        for (i, p) in self.reports.iter().enumerate() {
            section(&mut out, &self.ctx, p, &anchor(i), if several { 2 } else { 1 });
            if let Some(Some(pr)) = self.progress.get(i) {
                progress_html(&mut out, pr, p);
            }
        }
        let _ = write!(
            out,
            "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
            t!(lang, "handout-footer")
        );
        w.write_all(out.as_bytes())
    }
}

/// Pack and config problems, first (docs/formats.md).
fn problems_html(out: &mut String, problems: &[super::Problem], lang: Lang) {
    if problems.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"problems\" role=\"alert\">\n<h1>{}</h1>\n<p>{}</p>\n<ul>\n",
        escape(&t!(lang, "config-problems-heading")),
        escape(&t!(lang, "config-problems-intro", n = problems.len()))
    );
    for p in problems {
        let _ = writeln!(
            out,
            "<li><code dir=\"auto\">{}:{}:{}</code>{} {}</li>",
            escape(&p.file),
            p.line,
            p.column,
            lang.colon(),
            escape(&p.message)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// `--statistics`: the most missed steps, what to teach next (docs/formats.md).
fn statistics_html(out: &mut String, rows: &[super::StatRow], ctx: &Context<'_>, several: bool) {
    let lang = ctx.lang;
    let h = if several { "h2" } else { "h1" };
    let _ = writeln!(
        out,
        "<section class=\"statistics\">\n<{h}>{}</{h}>",
        escape(&t!(lang, "stats-teach-next"))
    );
    if rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", escape(&t!(lang, "stats-no-step-missed")));
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th></tr></thead>\n<tbody>",
        escape(&t!(lang, "stats-col-rule")),
        escape(&t!(lang, "stats-col-title")),
        escape(&t!(lang, "stats-col-missed"))
    );
    for r in rows {
        let title = ctx.rules.get(&r.rule).map(|x| x.title.get(lang)).unwrap_or("");
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><code>{}</code></th><td dir=\"auto\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&r.rule),
            escape(title),
            escape(&t!(lang, "stats-missed-of", missed = r.missed, profiles = r.profiles))
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// The start of a page, up to `<main>`: a page that asks for nothing from
/// the network (the policy allows inline styles and `data:` images only) and
/// sends no referrer.
fn page_head(out: &mut String, lang: Lang, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <meta name=\"generator\" content=\"profilecheck\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        escape(title)
    );
}

/// `--output-dir`'s `index.html`: the problems, the cohort table with each
/// name linked to its handout, and the statistics when asked for.
pub(crate) fn index(ctx: &Context<'_>, written: &[(ProfileReport, String)], s: &Summary) -> String {
    let lang = ctx.lang;
    let reports: Vec<ProfileReport> = written.iter().map(|(p, _)| p.clone()).collect();
    let links: Vec<String> = written.iter().map(|(_, f)| f.clone()).collect();
    let title = format!("{} — {}", t!(lang, "handout-title"), profiles_word(s.profiles, lang));
    let mut out = String::with_capacity(16 * 1024);
    page_head(&mut out, lang, &title);
    problems_html(&mut out, ctx.problems, lang);
    summary_table_linked(&mut out, &reports, s, lang, Some(&links));
    if let Some(rows) = &s.statistics {
        statistics_html(&mut out, rows, ctx, true);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn summary_table(out: &mut String, rows: &[ProfileReport], s: &Summary, lang: Lang) {
    summary_table_linked(out, rows, s, lang, None)
}

fn summary_table_linked(out: &mut String, rows: &[ProfileReport], s: &Summary, lang: Lang, links: Option<&[String]>) {
    let colon = lang.colon();
    let _ = write!(
        out,
        "<section class=\"summary\" aria-labelledby=\"summary-title\">\n\
         <p class=\"kicker\">profilecheck</p>\n\
         <h1 id=\"summary-title\">{} — {}</h1>\n\
         <p class=\"totals\">{}{colon} {} · {} · {}",
        t!(lang, "handout-title"),
        profiles_word(s.profiles, lang),
        t!(lang, "handout-col-total"),
        counted(s.errors, Severity::Error, lang),
        counted(s.warnings, Severity::Warning, lang),
        counted(s.infos, Severity::Info, lang),
    );
    if s.invalid > 0 {
        let _ = write!(out, " · {}", invalid_profiles(s.invalid, lang));
    }
    let _ = write!(
        out,
        "</p>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"col-file\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n notes-col\">{}</th></tr></thead>\n<tbody>\n",
        t!(lang, "handout-col-profile"),
        t!(lang, "handout-col-file"),
        t!(lang, "handout-col-score"),
        t!(lang, "handout-col-errors"),
        t!(lang, "handout-col-warnings"),
        t!(lang, "handout-col-notes"),
    );
    for (i, r) in rows.iter().enumerate() {
        let (errors, warnings) = (r.count(Severity::Error), r.count(Severity::Warning));
        let score = match r.score {
            Some(n) => format!(
                "<span class=\"meter band-{}\" aria-hidden=\"true\"><span style=\"width:{n}%\"></span></span>\
                 <span class=\"score-num\">{n}</span>",
                band(r.score)
            ),
            None => format!("<span class=\"badge invalid\">{}</span>", t!(lang, "report-invalid")),
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\" dir=\"auto\"><a href=\"{}\">{}</a></th><td class=\"col-file\" dir=\"auto\">{}</td>\
             <td class=\"n score\">{score}</td><td class=\"n{}\">{}</td><td class=\"n{}\">{}</td><td class=\"n notes-col\">{}</td></tr>",
            match links.and_then(|l| l.get(i)) {
                Some(f) => super::link_to_file(f),
                None => format!("#{}", anchor(i)),
            },
            escape(&r.name),
            path_html(&r.file),
            if errors > 0 { " has-error" } else { "" },
            errors,
            if warnings > 0 { " has-warning" } else { "" },
            warnings,
            r.count(Severity::Info),
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// The handout of one profile; its name is a heading of `level` (1 alone,
/// 2 under the summary), its steps one level below.
fn section(out: &mut String, ctx: &Context<'_>, p: &ProfileReport, anchor: &str, level: usize) {
    let lang = p.lang;
    let colon = lang.colon();
    let sub = level + 1;
    let _ = write!(
        out,
        "<article class=\"profile\" id=\"{anchor}\" lang=\"{}\" aria-labelledby=\"{anchor}-name\">\n\
         <header class=\"head\">\n{}\n<div class=\"who\">\n<p class=\"kicker\">{}</p>\n\
         <h{level} class=\"name\" id=\"{anchor}-name\" dir=\"auto\">{}</h{level}>\n\
         <p class=\"file\">{}{colon} <bdi>{}</bdi></p>\n",
        lang.code(),
        ring(&format!("{anchor}-score"), p.score, lang),
        t!(lang, "handout-kicker"),
        escape(&p.name),
        t!(lang, "handout-col-file"),
        path_html(&p.file),
    );
    if p.is_invalid() {
        let _ = write!(
            out,
            "<p class=\"counts\"><span class=\"badge invalid\">{}</span></p>\n</div>\n</header>\n\
             <section class=\"problems\">\n<h{sub} class=\"sub-h\">{}</h{sub}>\n<p>{}</p>\n<ul>\n",
            t!(lang, "handout-invalid-badge"),
            t!(lang, "handout-not-checked"),
            t!(lang, "handout-fix-file"),
        );
        for e in &p.errors {
            let _ = writeln!(
                out,
                "<li><span class=\"loc\">{} {}, {} {}{colon}</span> <span dir=\"auto\">{}</span></li>",
                t!(lang, "handout-line"),
                e.line,
                t!(lang, "handout-column"),
                e.column,
                message_html(&e.message)
            );
        }
        out.push_str("</ul>\n</section>\n</article>\n");
        return;
    }
    let _ = write!(
        out,
        "<p class=\"counts\">{}</p>\n</div>\n</header>\n",
        [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .map(|&s| format!(
                "<span class=\"chip {}{}\">{}</span>",
                sev_class(s),
                if p.count(s) == 0 { " zero" } else { "" },
                counted(p.count(s), s, lang)
            ))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for (gi, g) in groups(ctx, p).iter().enumerate() {
        if g.items.is_empty() {
            continue;
        }
        group(out, p, g, &format!("{anchor}-g{}", gi + 1), sub);
    }
    if !p.warnings.is_empty() {
        let _ = write!(
            out,
            "<section class=\"notes\">\n<h{sub} class=\"sub-h\">{}</h{sub}>\n<ul>\n",
            t!(lang, "handout-file-notes")
        );
        for e in &p.warnings {
            let _ = writeln!(
                out,
                "<li><span class=\"loc\">{} {}{colon}</span> <span dir=\"auto\">{}</span></li>",
                t!(lang, "handout-line"),
                e.line,
                message_html(&e.message)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !p.not_applicable.is_empty() {
        let n = p.not_applicable.len();
        let ids = p
            .not_applicable
            .iter()
            .map(|id| format!("<code>{}</code>", escape(id)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "<p class=\"na\">{}</p>",
            t!(lang, "handout-not-applicable", n = n, rules = ids)
        );
    }
    out.push_str("</article>\n");
}

fn group(out: &mut String, p: &ProfileReport, g: &Group<'_>, id: &str, level: usize) {
    let lang = p.lang;
    let (done, total) = (g.done(), g.items.len());
    let (num, title, desc) = match g.heading {
        Heading::Step(n, t) => (
            format!("<span class=\"num\" aria-hidden=\"true\">{n}</span>"),
            match t {
                Some(t) => format!(
                    "<span class=\"visually-hidden\">{}{} </span>{}",
                    escape(&step_label(n, lang)),
                    lang.colon(),
                    escape(t)
                ),
                None => escape(&step_label(n, lang)),
            },
            None,
        ),
        Heading::Pack(name, d, title) => (
            "<span class=\"num pack\" aria-hidden=\"true\">+</span>".to_owned(),
            escape(&pack_label(name, title, lang)),
            d,
        ),
    };
    let tally = if done == total {
        format!("<span class=\"tally all\">{}</span>", t!(lang, "report-all-done"))
    } else {
        format!(
            "<span class=\"tally\">{}</span>",
            t!(lang, "handout-done-of", done = done, total = total)
        )
    };
    let _ = write!(
        out,
        "<section class=\"step\" aria-labelledby=\"{id}\">\n<h{level} class=\"step-h\" id=\"{id}\">{num}<span class=\"step-title\">{title}</span>{tally}</h{level}>\n"
    );
    if let Some(d) = desc {
        let _ = writeln!(out, "<p class=\"pack-desc\">{}</p>", escape(d));
    }
    out.push_str("<ul class=\"checklist\">\n");
    for item in &g.items {
        checklist_item(out, p, item);
    }
    out.push_str("</ul>\n</section>\n");
}

fn checklist_item(out: &mut String, p: &ProfileReport, item: &Item<'_>) {
    let lang = p.lang;
    let colon = lang.colon();
    let title = escape(&item.title);
    match &item.status {
        Status::Passed => {
            let _ = writeln!(
                out,
                "<li class=\"item passed\">{}<div class=\"body\"><p class=\"title\">\
                 <span class=\"visually-hidden\">{}{colon} </span>{title}</p></div></li>",
                mark(&item.status),
                t!(lang, "handout-done"),
            );
        }
        Status::Waived(reason) => {
            let _ = writeln!(
                out,
                "<li class=\"item waived\">{}<div class=\"body\"><p class=\"title\"><s>{title}</s> \
                 <span class=\"badge waived\">{}</span></p>\
                 <p class=\"reason\"><span class=\"label\">{}{colon}</span> <span dir=\"auto\">{}</span></p></div></li>",
                mark(&item.status),
                t!(lang, "report-waived-word"),
                t!(lang, "handout-reason"),
                escape(reason),
            );
        }
        Status::Missing(found) => {
            let sev = sev_class(item.severity);
            let _ = write!(
                out,
                "<li class=\"item missing sev-{sev}\">{}<div class=\"body\">\n<p class=\"title\">\
                 <span class=\"visually-hidden\">{}{colon} </span><strong>{title}</strong> \
                 <span class=\"badge {sev}\">{}</span></p>\n",
                mark(&item.status),
                t!(lang, "handout-to-do"),
                item.severity.word(lang),
            );
            if let Some(why) = item.rule.map(|r| r.why.get(lang)).filter(|w| !w.is_empty()) {
                let _ = writeln!(out, "<p class=\"why\">{}</p>", escape(why));
            }
            for f in found {
                let _ = writeln!(
                    out,
                    "<p class=\"found\"><span class=\"label\">{}{colon}</span> <span dir=\"auto\">{}</span></p>",
                    t!(lang, "handout-in-your-file"),
                    message_html(&f.message)
                );
            }
            let fix = item.rule.map(|r| r.fix.get(lang)).unwrap_or(&[]);
            if !fix.is_empty() {
                let _ = write!(
                    out,
                    "<p class=\"fix-label\">{}</p>\n<ol class=\"fix\">\n",
                    t!(lang, "handout-how-to-fix")
                );
                for step in fix {
                    let _ = writeln!(out, "<li>{}</li>", escape(step));
                }
                out.push_str("</ol>\n");
            }
            out.push_str("</div></li>\n");
        }
    }
}

/// The page's styles: system fonts only (nothing to download), calm colours
/// with AA contrast on screen, black on white with page breaks in print.
const CSS: &str = r#"
:root{--ink:#1b1f24;--muted:#58606b;--line:#dfe3e8;--bg:#f3f4f7;--card:#fff;--accent:#2f5fd0;
--good:#177245;--fair:#a45a00;--low:#b42318;--info:#2f5b8a;--track:#e7eaef}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
main{max-width:860px;margin:0 auto;padding:32px 20px 8px;overflow-wrap:anywhere}
footer{max-width:860px;margin:0 auto;padding:8px 20px 40px;color:var(--muted);font-size:.85rem;text-align:center}
h1,h2,h3,h4{line-height:1.25;margin:0}
code{font:.86em/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;background:#eef1f5;border-radius:4px;padding:.05em .3em;overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.kicker{margin:0 0 2px;font-size:.78rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.summary,.profile{background:var(--card);border:1px solid var(--line);border-radius:16px;box-shadow:0 1px 2px rgba(16,24,40,.04),0 4px 16px rgba(16,24,40,.05);padding:28px 32px;margin:0 0 28px}
.summary h1{font-size:1.6rem;margin-bottom:4px}
.totals{margin:0 0 18px;color:var(--muted)}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{padding:9px 10px;border-bottom:1px solid var(--line);text-align:start;vertical-align:middle}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600}
tbody tr:last-child th,tbody tr:last-child td{border-bottom:0}
tbody th{font-weight:600}
td.col-file{color:var(--muted);font-size:.88rem;overflow-wrap:break-word;max-width:18rem}
.table-wrap{overflow-x:auto}
.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.has-error{color:var(--low);font-weight:700}
.has-warning{color:var(--fair);font-weight:700}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:2px}
.meter{display:inline-block;width:64px;height:8px;border-radius:4px;background:var(--track);vertical-align:middle;margin-inline-end:8px;overflow:hidden}
.meter>span{display:block;height:100%;border-radius:4px;background:currentColor}
.score-num{display:inline-block;min-width:2ch;font-weight:700}
.band-good{color:var(--good)}.band-fair{color:var(--fair)}.band-low{color:var(--low)}.band-none{color:var(--muted)}
.head{display:flex;gap:24px;align-items:center;padding-bottom:20px;margin-bottom:8px;border-bottom:1px solid var(--line)}
.who{min-width:0}
.name{font-size:1.9rem;overflow-wrap:anywhere}
.file{margin:4px 0 10px;color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.counts{margin:0;display:flex;flex-wrap:wrap;gap:6px}
.counts .badge{margin-inline-start:0}
.ring{flex:none}
.ring .track{stroke:var(--track)}
.ring .arc{stroke:currentColor}
.ring .num{font-size:36px;font-weight:750;fill:var(--ink);font-family:inherit}
.ring .of{font-size:13px;fill:var(--muted);font-family:inherit}
.chip,.badge{display:inline-block;border-radius:999px;font-size:.78rem;font-weight:600;line-height:1.2;padding:4px 10px;white-space:nowrap;border:1px solid transparent}
.chip.error{background:#fdecea;color:var(--low)}.chip.warning{background:#fff3e0;color:var(--fair)}.chip.info{background:#e8f0fa;color:var(--info)}
.chip.zero{background:#f1f3f5;color:var(--muted)}
.badge{padding:2px 8px;font-size:.72rem;vertical-align:2px;margin-inline-start:4px;text-transform:lowercase}
.badge.error{background:#fdecea;color:var(--low)}.badge.warning{background:#fff3e0;color:var(--fair)}.badge.info{background:#e8f0fa;color:var(--info)}
.badge.waived{background:#f1f3f5;color:var(--muted)}.badge.invalid{background:#fdecea;color:var(--low);font-size:.85rem;padding:4px 12px}
.step{padding:18px 0 6px;border-bottom:1px solid var(--line)}
.step:last-of-type{border-bottom:0}
.step-h{display:flex;align-items:center;gap:12px;font-size:1.12rem;margin-bottom:10px}
.step-title{flex:1}
.num{flex:none;display:inline-grid;place-items:center;width:30px;height:30px;border-radius:50%;background:var(--ink);color:#fff;font-size:.9rem;font-weight:700}
.num.pack{background:var(--info)}
.tally{flex:none;font-size:.8rem;font-weight:600;color:var(--muted);white-space:nowrap}
.tally.all{color:var(--good)}
.pack-desc{margin:-4px 0 10px 42px;color:var(--muted);font-size:.92rem}
.checklist{list-style:none;margin:0;padding:0}
.item{display:flex;gap:12px;align-items:flex-start;padding:7px 0}
.item .body{flex:1;min-width:0}
.item p{margin:0}
.box{flex:none;margin-top:3px;fill:none;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
.passed .box rect{fill:var(--good);stroke:var(--good)}.passed .box path{stroke:#fff;stroke-width:2.2}
.passed .title{color:var(--ink)}
.missing .box rect{stroke:#8a929c;fill:#fff}
.waived .box rect{fill:#eef0f3;stroke:#9aa1ab}.waived .box path{stroke:#58606b}
.waived s{color:var(--muted);text-decoration-thickness:1px}
.missing{margin:6px 0;padding:12px 14px 12px 12px;border-radius:10px;background:#fafbfc;border:1px solid var(--line);border-inline-start:4px solid var(--line)}
.sev-error{border-inline-start-color:var(--low)}.sev-warning{border-inline-start-color:#e39a2d}.sev-info{border-inline-start-color:#7aa3d3}
.missing .title strong{font-weight:650}
.why{color:var(--muted);font-size:.92rem;margin-top:4px!important}
.found,.reason{font-size:.9rem;margin-top:6px!important;overflow-wrap:anywhere}
.label{font-weight:600;color:var(--ink)}
.fix-label{font-size:.78rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin-top:10px!important}
.fix{margin:4px 0 0;padding-inline-start:1.5em;font-size:.95rem}
.fix li{margin:3px 0;padding-inline-start:2px}
.fix li::marker{font-weight:700;color:var(--accent)}
.problems,.notes{padding-top:16px}
.sub-h{font-size:1.1rem;margin-bottom:6px}
.problems ul,.notes ul{padding-inline-start:1.2em}
.problems li,.notes li{margin:4px 0;overflow-wrap:anywhere}
.loc{font-weight:600;color:var(--low);white-space:nowrap}
.notes .loc{color:var(--fair)}
.na{margin:14px 0 0;color:var(--muted);font-size:.85rem}
@media (max-width:600px){
main{padding:16px 10px}.summary,.profile{padding:20px 16px;border-radius:12px}
.head{flex-direction:column;align-items:flex-start;gap:12px}.name{font-size:1.5rem}
.pack-desc{margin-left:0}th,td{padding-inline:6px}
.col-file,.notes-col{display:none}
.step-h{flex-wrap:wrap;row-gap:2px}.tally{flex-basis:100%;padding-inline-start:42px}.missing{padding:10px}.meter{display:none}thead th{letter-spacing:0;font-size:.7rem}
}
@media print{
@page{margin:12mm 13mm 14mm}
:root{--ink:#000;--muted:#333;--line:#bbb;--accent:#000}
body{background:#fff;color:#000;font-size:9.5pt;line-height:1.38}
main{max-width:none;padding:0}
footer{padding:6pt 0 0;color:#333;font-size:8pt}
.summary,.profile{border:0;border-radius:0;box-shadow:none;padding:0;margin:0 0 10pt;background:none}
.summary+.profile,.profile+.profile{break-before:page}
a{color:#000;text-decoration:none}
code{background:none;padding:0}
.head{padding-bottom:8pt;margin-bottom:2pt}
.ring{width:88px;height:88px}
.name{font-size:18pt}
.chip,.badge,.chip.zero{background:none!important;border:1px solid #555;color:#000!important;padding:1pt 6pt}
.step{padding:8pt 0 2pt}
.step-h{font-size:11.5pt;margin-bottom:4pt;break-inside:avoid;break-after:avoid}
.num{width:20pt;height:20pt;background:none;color:#000;border:1.2pt solid #000;font-size:9pt}
.num.pack{background:none}
.item{padding:2pt 0;gap:8pt;break-inside:avoid}
.missing{margin:3pt 0;padding:5pt 8pt;background:none;border:.75pt solid #999;border-inline-start:3pt solid #999;border-radius:4pt}
.missing.sev-error{border-inline-start-color:#b42318}.missing.sev-warning{border-inline-start-color:#d08a1e}.missing.sev-info{border-inline-start-color:#6d95c6}
.why{font-size:8.5pt;margin-top:1pt!important}
.found,.reason{font-size:8.5pt;margin-top:2pt!important}
.fix-label{font-size:7pt;margin-top:3pt!important}
.fix{font-size:9pt;margin-top:1pt}
.fix li{margin:0}
.box{width:14px;height:14px;margin-top:1px}
.passed .box rect{fill:#fff;stroke:#000}.passed .box path{stroke:#000}
.missing .box rect{stroke:#000}
.waived .box rect{fill:#fff;stroke:#555}
.pack-desc{font-size:8.5pt;margin:0 0 4pt 28pt}
.ring,.meter,.missing{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.why,.na,.file,.totals,.tally{color:#333}
.fix li::marker{color:#000}
th,td{padding:4pt 6pt}
}
"#;
/// `--baseline`: the profile's progress, then each finding fixed and each
/// new one, inside the profile's article (which [`section`] has just closed).
fn progress_html(out: &mut String, pr: &super::baseline::Progress, p: &ProfileReport) {
    const CLOSE: &str = "</article>\n";
    let lang = p.lang;
    if out.ends_with(CLOSE) {
        out.truncate(out.len() - CLOSE.len());
    }
    let _ = writeln!(
        out,
        "<section class=\"baseline\">\n<p><strong>{}</strong></p>",
        escape(&super::baseline::summary_line(pr, lang))
    );
    let items = super::baseline::items(pr, p);
    if !items.is_empty() {
        out.push_str("<ul>\n");
        for (is_new, rule, path) in items {
            let (class, word) = if is_new {
                ("new", t!(lang, "baseline-new-word"))
            } else {
                ("fixed", t!(lang, "baseline-fixed-word"))
            };
            let _ = writeln!(
                out,
                "<li class=\"{class}\">{} · <code>{}</code> · <code>{}</code></li>",
                escape(&word),
                escape(rule),
                path_html(path)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out.push_str(CLOSE);
}
