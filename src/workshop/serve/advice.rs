//! What the participant's page (and the coach's detail of one participant)
//! shows of a report: the advice grouped under the guide's steps in guide
//! order, how many steps are done, and the values the lenient read left out
//! ("field errors"), for the page to word at each field.
//!
//! A *step* is one of the guide's seven steps; a rule belongs to at most
//! one. The rules of no step (the privacy pack) come in one group after the
//! last step.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::FieldError;
use crate::report::ProfileReport;
use crate::rules::engine::{LenientReport, RuleSet};
use crate::rules::pack::Rule;
use serde_json::{Value, json};

/// The group number of a rule of no step: one past the guide's last step.
fn no_step(rules: &RuleSet) -> u32 {
    let last_named = rules.steps.keys().max().copied().unwrap_or(0);
    let last_used = rules.rules.iter().filter_map(|r| r.step).max().unwrap_or(0);
    last_named.max(last_used) + 1
}

/// The group a rule's advice goes under.
pub(crate) fn group_of(rules: &RuleSet, rule: &Rule) -> u32 {
    rule.step.unwrap_or_else(|| no_step(rules))
}

/// Every group in order, numbered and titled: the guide's steps, then the
/// rules of no step when there are any.
pub(crate) fn step_groups(rules: &RuleSet, lang: Lang) -> Vec<(u32, String)> {
    let mut numbers: Vec<u32> = rules.steps.keys().copied().collect();
    numbers.extend(rules.rules.iter().filter_map(|r| r.step));
    numbers.sort_unstable();
    numbers.dedup();
    let mut groups: Vec<(u32, String)> = numbers
        .into_iter()
        .map(|n| {
            let title = rules.steps.get(&n).map(|t| t.get(lang)).unwrap_or_default();
            (n, t!(lang, "serve-step-title", n = n, title = title))
        })
        .collect();
    if rules.rules.iter().any(|r| r.step.is_none()) {
        groups.push((no_step(rules), t!(lang, "page-step-privacy")));
    }
    groups
}

/// How many of the guide's steps are done (every applicable rule of the
/// step passes, or is waived), and how many steps the guide has.
pub(crate) fn steps_done(rules: &RuleSet, report: &ProfileReport) -> (usize, usize) {
    let total = rules.steps.len();
    if report.score.is_none() {
        return (0, total);
    }
    let done = rules
        .steps
        .keys()
        .filter(|n| !report.findings.iter().any(|f| f.step == Some(**n)))
        .count();
    (done, total)
}

/// The page's view of a lenient report: score, steps done, the advice by
/// step (inside a step: errors, then warnings, then tips, each in the
/// pack's order), the field errors and, when the text is not a profile at
/// all, why.
pub(crate) fn view(rules: &RuleSet, lenient: &LenientReport, lang: Lang) -> Value {
    let report = &lenient.report;
    let (done, total) = steps_done(rules, report);
    let mut groups = Vec::new();
    if report.score.is_some() {
        for (step, title) in step_groups(rules, lang) {
            groups.push(group(rules, report, step, title, lang));
        }
    }
    json!({
        "score": report.score,
        "steps": { "done": done, "total": total },
        "groups": groups,
        "field_errors": lenient.field_errors.iter().map(field_error).collect::<Vec<_>>(),
        // A text that is not YAML: where it broke (the page words the rest).
        "errors": report.errors.iter().map(|e| json!({ "line": e.line, "column": e.column })).collect::<Vec<_>>(),
    })
}

fn group(rules: &RuleSet, report: &ProfileReport, step: u32, title: String, lang: Lang) -> Value {
    let mut missed: Vec<(u32, usize, &Rule)> = rules
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| group_of(rules, r) == step)
        .filter(|(_, r)| report.findings.iter().any(|f| f.rule == r.id))
        .map(|(i, r)| (r.severity.weight(), i, r))
        .collect();
    missed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let advice: Vec<Value> = missed
        .iter()
        .map(|(_, _, r)| {
            json!({
                "rule": r.id,
                "severity": r.severity.as_str(),
                "title": r.title.get(lang),
                "fix": r.fix.get(lang),
                "why": r.why.get(lang),
            })
        })
        .collect();
    json!({
        "step": step,
        "title": title,
        "guide": rules.steps.contains_key(&step),
        "done": advice.is_empty(),
        "advice": advice,
    })
}

fn field_error(e: &FieldError) -> Value {
    json!({
        "path": e.path,
        "problem": e.problem.code(),
        "line": e.diag.pos.line,
        "column": e.diag.pos.col,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::engine::{LangChoice, check_bytes_lenient};

    fn page(yaml: &str) -> Value {
        let rules = RuleSet::builtin();
        let r = check_bytes_lenient(&rules, "p.yaml", yaml.as_bytes(), LangChoice::default());
        view(&rules, &r, Lang::Fr)
    }

    #[test]
    fn advice_follows_the_guide_order() {
        let v = page(&format!("name: Sophie\nabout:\n  bio: \"{}\"\n", "x".repeat(150)));
        let groups = v["groups"].as_array().unwrap();
        let steps: Vec<u64> = groups.iter().map(|g| g["step"].as_u64().unwrap()).collect();
        assert_eq!(steps, [1, 2, 3, 4, 5, 6, 7, 8]);
        assert!(groups[0]["title"].as_str().unwrap().starts_with("Étape 1 · "));
        let order: Vec<(&str, &str)> = groups
            .iter()
            .flat_map(|g| g["advice"].as_array().unwrap())
            .map(|a| (a["rule"].as_str().unwrap(), a["severity"].as_str().unwrap()))
            .collect();
        let bio = order.iter().position(|(r, _)| *r == "bio-length").unwrap();
        let alt = order.iter().position(|(r, _)| *r == "alternate-name").unwrap();
        assert!(bio < alt, "{order:?}");
        // Inside step 1: errors first.
        let step1: Vec<&str> = groups[0]["advice"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["severity"].as_str().unwrap())
            .collect();
        let rank = |s: &str| ["error", "warning", "info"].iter().position(|x| *x == s).unwrap();
        assert!(step1.windows(2).all(|w| rank(w[0]) <= rank(w[1])), "{step1:?}");
        assert_eq!(v["steps"]["total"], 7);
    }

    #[test]
    fn a_wrong_field_keeps_the_score_and_is_named() {
        let v = page("name: Sophie\npublishing:\n  posts_per_month: -3\n");
        assert!(v["score"].as_u64().is_some());
        assert_eq!(v["field_errors"][0]["path"], "publishing.posts_per_month");
        assert_eq!(v["field_errors"][0]["problem"], "below-min");
    }

    #[test]
    fn not_yaml_has_no_score_and_says_where() {
        let v = page("name: [\n");
        assert!(v["score"].is_null());
        assert!(v["groups"].as_array().unwrap().is_empty());
        assert!(v["errors"][0]["line"].as_u64().is_some());
    }
}
