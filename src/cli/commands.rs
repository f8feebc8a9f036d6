//! The subcommands that describe rules: `rules`, `rules --verify`, `explain`.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::i18n::one_line;
use crate::report::text::wrap;
use crate::rules::engine::RuleSet;
use crate::rules::pack::{Pack, Rule, Severity};
use crate::rules::verify::{Outcome, verify_failures};
use colored::Colorize;
use serde_json::json;
use std::collections::HashMap;
use std::io::{self, Write};

/// Every loaded rule in load order, with whether it is in force.
fn every_rule(rules: &RuleSet) -> Vec<(&Rule, bool)> {
    rules
        .known
        .iter()
        .filter_map(|id| {
            rules
                .get(id)
                .map(|r| (r, true))
                .or_else(|| rules.off.iter().find(|r| &r.id == id).map(|r| (r, false)))
        })
        .collect()
}

/// "warning (error by default)" / "off (error by default)" under a config
/// that changed it, else the severity's word.
fn severity_in_force(r: &Rule, on: bool, defaults: &HashMap<String, Severity>, lang: Lang) -> String {
    let default = defaults.get(&r.id).copied().unwrap_or(r.severity);
    match (on, default == r.severity) {
        (true, true) => r.severity.word(lang).to_owned(),
        (true, false) => t!(
            lang,
            "rules-severity-changed",
            severity = r.severity.word(lang),
            default = default.word(lang)
        ),
        (false, _) => t!(lang, "rules-severity-off", default = default.word(lang)),
    }
}

/// `profilecheck rules`: one line per rule, or JSON with both languages.
/// `defaults` are the severities before the config changed them; `config`
/// names the config in force.
pub fn list_rules(
    rules: &RuleSet,
    defaults: &HashMap<String, Severity>,
    config: Option<&str>,
    format: &str,
    lang: Lang,
    w: &mut dyn Write,
) -> io::Result<()> {
    let all = every_rule(rules);
    if format == "json" {
        let list: Vec<_> = all
            .iter()
            .map(|&(r, on)| {
                let default = defaults.get(&r.id).copied().unwrap_or(r.severity);
                json!({
                    "id": r.id,
                    "pack": r.pack,
                    "step": r.step,
                    "severity": if on { r.severity.as_str() } else { "off" },
                    "default_severity": default.as_str(),
                    "title": { "en": r.title.get(Lang::En), "fr": r.title.get(Lang::Fr) },
                    "why": { "en": r.why.get(Lang::En), "fr": r.why.get(Lang::Fr) },
                    "fix": { "en": r.fix.get(Lang::En), "fr": r.fix.get(Lang::Fr) },
                    "check": { "en": r.check.describe(Lang::En), "fr": r.check.describe(Lang::Fr) },
                    "when": r.when.as_ref().map(|c| json!({ "en": c.describe(Lang::En), "fr": c.describe(Lang::Fr) })),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &json!({ "config": config, "rules": list })).map_err(io::Error::from)?;
        return writeln!(w);
    }
    if let Some(c) = config {
        writeln!(
            w,
            "{}",
            t!(lang, "rules-config-in-force", config = one_line(c).into_owned())
        )?;
    }
    let id_width = all.iter().map(|(r, _)| r.id.chars().count()).max().unwrap_or(0).max(26);
    // The severity column is as wide as its widest entry: "off (info by
    // default)" or « avertissement » must not push titles out of line.
    let sevs: Vec<String> = all
        .iter()
        .map(|&(r, on)| severity_in_force(r, on, defaults, lang))
        .collect();
    let sev_width = sevs.iter().map(|s| s.chars().count()).max().unwrap_or(0).max(8);
    let mut current_pack = "";
    for ((r, on), sev) in all.into_iter().zip(sevs) {
        if r.pack != current_pack {
            current_pack = &r.pack;
            writeln!(
                w,
                "{}",
                t!(lang, "cli-pack-heading", name = one_line(&r.pack).into_owned()).bold()
            )?;
        }
        let step = r.step.map_or_else(|| "  ".to_owned(), |s| format!("{s:>2}"));
        let line = format!(
            "  {step}  {:<id_width$} {:<sev_width$} {}",
            one_line(&r.id),
            sev,
            one_line(r.title.get(lang))
        );
        if on {
            writeln!(w, "{line}")?;
        } else {
            writeln!(w, "{}", line.dimmed())?;
        }
    }
    Ok(())
}

/// `profilecheck explain RULE`: what it checks (in words generated from the
/// check), why, how to fix it, and its examples.
pub fn explain(
    rules: &RuleSet,
    defaults: &HashMap<String, Severity>,
    config: Option<&str>,
    id: &str,
    lang: Lang,
    _color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let Some((r, on)) = every_rule(rules).into_iter().find(|(r, _)| r.id == id) else {
        return Ok(());
    };
    writeln!(w, "{} — {}", r.id.bold(), one_line(r.title.get(lang)))?;
    let step = r.step.and_then(|s| {
        rules.steps.get(&s).map(|title| {
            t!(
                lang,
                "cli-explain-step",
                step = s,
                title = one_line(title.get(lang)).into_owned()
            )
        })
    });
    writeln!(
        w,
        "{} · {}{}",
        t!(lang, "cli-explain-pack", name = one_line(&r.pack).into_owned()),
        severity_in_force(r, on, defaults, lang),
        step.map(|s| format!(" · {s}")).unwrap_or_default(),
    )?;
    where_severity_comes_from(r, on, defaults, config, lang, w)?;
    writeln!(w)?;
    writeln!(w, "{}", t!(lang, "cli-explain-what").bold())?;
    // Long generated descriptions and texts are wrapped like the text report.
    let para = |w: &mut dyn Write, first: &str, rest: &str, text: &str| -> io::Result<()> {
        for (i, line) in wrap(&one_line(text), 96).iter().enumerate() {
            writeln!(w, "{}{line}", if i == 0 { first } else { rest })?;
        }
        Ok(())
    };
    if let Some(when) = &r.when {
        let text = t!(lang, "cli-explain-applies-when", when = when.describe(lang));
        para(w, "  ", "    ", &text)?;
    }
    let text = t!(lang, "cli-explain-passes-when", check = r.check.describe(lang));
    para(w, "  ", "    ", &text)?;
    writeln!(w)?;
    if !r.why.is_empty() {
        writeln!(w, "{}", t!(lang, "cli-explain-why").bold())?;
        para(w, "  ", "  ", r.why.get(lang))?;
        writeln!(w)?;
    }
    let fix = r.fix.get(lang);
    if !fix.is_empty() {
        writeln!(w, "{}", t!(lang, "cli-explain-fix").bold())?;
        for (i, step) in fix.iter().enumerate() {
            para(w, &format!("  {}. ", i + 1), "     ", step)?;
        }
        writeln!(w)?;
    }
    let passes = t!(lang, "cli-explain-examples-pass");
    let fails = t!(lang, "cli-explain-examples-fail");
    example_block(w, &passes, &r.examples_pass)?;
    example_block(w, &fails, &r.examples_fail)?;
    let not_applicable = t!(lang, "cli-explain-examples-not-applicable");
    example_block(w, &not_applicable, &r.examples_not_applicable)?;
    Ok(())
}

/// Where the severity in force comes from, and when the rule is off.
fn where_severity_comes_from(
    r: &Rule,
    on: bool,
    defaults: &HashMap<String, Severity>,
    config: Option<&str>,
    lang: Lang,
    w: &mut dyn Write,
) -> io::Result<()> {
    let default = defaults.get(&r.id).copied().unwrap_or(r.severity);
    match (on, config) {
        (false, Some(c)) => writeln!(
            w,
            "{}",
            t!(lang, "explain-off-by-config", config = one_line(c).into_owned())
        )?,
        (false, None) => writeln!(w, "{}", t!(lang, "explain-off"))?,
        (true, Some(c)) if default != r.severity => writeln!(
            w,
            "{}",
            t!(
                lang,
                "explain-severity-by-config",
                config = one_line(c).into_owned(),
                severity = r.severity.word(lang)
            )
        )?,
        _ => {}
    }
    Ok(())
}

fn example_block(w: &mut dyn Write, label: &str, examples: &[crate::rules::pack::Example]) -> io::Result<()> {
    if examples.is_empty() {
        return Ok(());
    }
    writeln!(w, "{}", label.bold())?;
    for e in examples {
        // An example is YAML on several lines: each line shown safe.
        let mut lines = e.yaml.lines().map(one_line);
        if let Some(first) = lines.next() {
            writeln!(w, "  - {first}")?;
        }
        for line in lines {
            writeln!(w, "    {line}")?;
        }
    }
    writeln!(w)
}

/// `rules --verify`: print each misbehaving example (or, with `json`, one
/// JSON document); returns how many misbehave.
pub fn verify(packs: &[Pack], json_out: bool, lang: Lang, w: &mut dyn Write) -> io::Result<usize> {
    let failures = verify_failures(packs, lang);
    let total: usize = packs
        .iter()
        .flat_map(|p| &p.rules)
        .map(|r| r.examples_pass.len() + r.examples_fail.len() + r.examples_not_applicable.len())
        .sum();
    let rules: usize = packs.iter().map(|p| p.rules.len()).sum();
    if json_out {
        let list: Vec<_> = failures
            .iter()
            .map(|f| {
                json!({
                    "pack": f.pack,
                    "line": f.line,
                    "column": f.col,
                    "rule": f.rule,
                    "expected": f.expected,
                    "got": f.got.key(),
                    "message": match &f.got {
                        Outcome::Invalid { message, .. } => Some(message.as_str()),
                        _ => None,
                    },
                })
            })
            .collect();
        let doc = json!({
            "packs": packs.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            "rules": rules,
            "examples": total,
            "passed": total - failures.len(),
            "failures": list,
        });
        serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
        writeln!(w)?;
        return Ok(failures.len());
    }
    for f in &failures {
        // The pack's file name and the example's own error quote files.
        let line = format!(
            "{}:{}:{}: {} {}",
            one_line(&f.pack),
            f.line,
            f.col,
            f.rule,
            match &f.got {
                Outcome::Invalid { line, column, message } => t!(
                    lang,
                    "cli-verify-invalid",
                    expected = f.expected,
                    line = *line,
                    column = *column,
                    message = message
                ),
                got => t!(lang, "cli-verify-misbehaves", expected = f.expected, got = got.key()),
            }
        );
        writeln!(w, "{}", one_line(&line))?;
    }
    let good = total - failures.len();
    writeln!(
        w,
        "{}",
        t!(lang, "cli-verify-summary", good = good, total = total, rules = rules)
    )?;
    Ok(failures.len())
}
