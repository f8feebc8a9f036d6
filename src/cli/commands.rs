//! The subcommands that describe rules: `rules`, `rules --verify`, `explain`.

use crate::i18n::catalog::t;
use crate::i18n::{Lang, one_line};
use crate::report::text::wrap;
use crate::rules::engine::RuleSet;
use crate::rules::pack::Pack;
use crate::rules::verify::{Outcome, verify_failures};
use colored::Colorize;
use serde_json::json;
use std::io::{self, Write};

/// `profilecheck rules`: one line per rule, or JSON with both languages.
pub fn list_rules(rules: &RuleSet, format: &str, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    if format == "json" {
        let list: Vec<_> = rules
            .rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "pack": r.pack,
                    "step": r.step,
                    "severity": r.severity.as_str(),
                    "title": { "en": r.title.get(Lang::En), "fr": r.title.get(Lang::Fr) },
                    "why": { "en": r.why.get(Lang::En), "fr": r.why.get(Lang::Fr) },
                    "fix": { "en": r.fix.get(Lang::En), "fr": r.fix.get(Lang::Fr) },
                    "check": { "en": r.check.describe(Lang::En), "fr": r.check.describe(Lang::Fr) },
                    "when": r.when.as_ref().map(|c| json!({ "en": c.describe(Lang::En), "fr": c.describe(Lang::Fr) })),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &json!({ "rules": list })).map_err(io::Error::from)?;
        return writeln!(w);
    }
    let mut current_pack = "";
    for r in &rules.rules {
        if r.pack != current_pack {
            current_pack = &r.pack;
            writeln!(w, "{}", t!(lang, "cli-pack-heading", name = &r.pack).bold())?;
        }
        let step = r.step.map_or_else(|| "  ".to_owned(), |s| format!("{s:>2}"));
        writeln!(
            w,
            "  {step}  {:<26} {:<8} {}",
            r.id,
            r.severity.as_str(),
            one_line(r.title.get(lang))
        )?;
    }
    Ok(())
}

/// `profilecheck explain RULE`: what it checks (in words generated from the
/// check), why, how to fix it, and its examples.
pub fn explain(rules: &RuleSet, id: &str, lang: Lang, _color: bool, w: &mut dyn Write) -> io::Result<()> {
    let Some(r) = rules.get(id) else { return Ok(()) };
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
        "{} · {}{}\n",
        t!(lang, "cli-explain-pack", name = &r.pack),
        r.severity.word(lang),
        step.map(|s| format!(" · {s}")).unwrap_or_default(),
    )?;
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

/// `rules --verify`: print each misbehaving example; returns how many.
pub fn verify(packs: &[Pack], lang: Lang, w: &mut dyn Write) -> io::Result<usize> {
    let failures = verify_failures(packs, lang);
    let total: usize = packs
        .iter()
        .flat_map(|p| &p.rules)
        .map(|r| r.examples_pass.len() + r.examples_fail.len())
        .sum();
    for f in &failures {
        // The pack's file name and the example's own error quote files.
        let line = format!(
            "{}:{}:{}: {} {}",
            f.pack,
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
    let rules: usize = packs.iter().map(|p| p.rules.len()).sum();
    let good = total - failures.len();
    writeln!(
        w,
        "{}",
        t!(lang, "cli-verify-summary", good = good, total = total, rules = rules)
    )?;
    Ok(failures.len())
}
