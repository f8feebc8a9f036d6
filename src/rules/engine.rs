//! The rule set in force and the evaluation of one profile against it.

use crate::i18n::catalog::{msg, t};
use crate::i18n::{Lang, Text};
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::schema;
use crate::profile::yaml::Pos;
use crate::profile::{self, Profile};
use crate::rules::condition::{Cond, Path};
use crate::rules::outcome::{ErrorItem, Finding, ProfileReport, Waived};
use crate::rules::pack::{Pack, PackError, Rule, Severity};
use crate::rules::select;
use std::collections::{BTreeMap, HashMap};

/// A rule's setting from the config file: a new severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Report the rule's findings at this severity.
    Severity(Severity),
    /// Do not run the rule.
    Off,
}

/// Which rules run, and how.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these rule ids (when given).
    pub select: Option<Vec<String>>,
    /// Rule ids not to run.
    pub ignore: Vec<String>,
    /// Severity overrides by rule id.
    pub settings: HashMap<String, Setting>,
}

/// Packs summarised for reports.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// The pack's name (`guide`, `privacy`, …).
    pub name: String,
    /// Its title, for headings.
    pub title: Text,
    /// What it is for.
    pub description: Text,
    /// The file it was read from (built-in packs: their name).
    pub source: String,
}

/// The loaded rules, with severities and selection applied.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Active rules, in pack order then rule order.
    pub rules: Vec<Rule>,
    /// Rules loaded but not in force (deselected, ignored or `off`), so
    /// `explain` and `rules` can say so.
    pub off: Vec<Rule>,
    /// Every loaded rule id, active or not (for waivers and `explain`).
    pub known: Vec<String>,
    /// The names of the guide's steps, by number.
    pub steps: BTreeMap<u32, Text>,
    /// Every pack in force, in load order.
    pub packs: Vec<PackInfo>,
}

impl RuleSet {
    /// Combine packs; ids must be unique across them.
    pub fn new(packs: Vec<Pack>, sel: &Selection) -> Result<RuleSet, Vec<PackError>> {
        let (rules, errors) = RuleSet::lenient(packs, sel);
        if errors.is_empty() { Ok(rules) } else { Err(errors) }
    }

    /// As [`RuleSet::new`], but keeping what does not clash: a rule whose id
    /// is taken, and a pack whose name is taken, are left out and reported,
    /// so the valid profiles of a run are still linted with the rest.
    pub fn lenient(packs: Vec<Pack>, sel: &Selection) -> (RuleSet, Vec<PackError>) {
        let mut errors = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut pack_names: HashMap<String, String> = HashMap::new();
        let mut rules = Vec::new();
        let mut known = Vec::new();
        let mut steps = BTreeMap::new();
        let mut infos = Vec::new();
        for pack in packs {
            let mut problems = Vec::new();
            let name_taken = pack_names.contains_key(&pack.name);
            if let Some(first) = pack_names.get(&pack.name) {
                problems.push(Diagnostic::error(
                    pack.name_pos,
                    Msg::Text(msg!(
                        "engine-pack-name-already-used",
                        pack_name = &pack.name,
                        first = first
                    )),
                ));
            }
            pack_names.insert(pack.name.clone(), pack.source.clone());
            for rule in pack.rules {
                if let Some(first) = seen.get(&rule.id) {
                    problems.push(Diagnostic::error(
                        rule.pos,
                        Msg::Text(msg!("engine-duplicate-rule-id-already", id = &rule.id, first = first)),
                    ));
                    continue;
                }
                seen.insert(rule.id.clone(), pack.source.clone());
                if !name_taken {
                    known.push(rule.id.clone());
                    rules.push(rule);
                }
            }
            if !name_taken {
                for (n, t) in pack.steps {
                    steps.entry(n).or_insert(t);
                }
                infos.push(PackInfo {
                    name: pack.name,
                    title: pack.title,
                    description: pack.description,
                    source: pack.source.clone(),
                });
            }
            if !problems.is_empty() {
                errors.push(PackError {
                    source: pack.source,
                    problems,
                });
            }
        }
        let mut active = Vec::new();
        let mut off = Vec::new();
        for mut rule in rules {
            if sel.select.as_ref().is_some_and(|s| !select::any_matches(s, &rule))
                || select::any_matches(&sel.ignore, &rule)
            {
                off.push(rule);
                continue;
            }
            // The narrowest setting that names the rule wins (an id over a
            // glob over a step over a pack).
            let setting = sel
                .settings
                .iter()
                .filter_map(|(k, v)| select::Pattern::parse(k).map(|p| (p, k, v)))
                .filter(|(p, _, _)| p.matches(&rule))
                .max_by_key(|(p, k, _)| (p.rank(&rule), k.as_str()))
                .map(|(_, _, v)| *v);
            match setting {
                Some(Setting::Off) => {
                    off.push(rule);
                    continue;
                }
                Some(Setting::Severity(s)) => rule.severity = s,
                None => {}
            }
            active.push(rule);
        }
        let set = RuleSet {
            rules: active,
            off,
            known,
            steps,
            packs: infos,
        };
        (set, errors)
    }

    /// The built-in packs with nothing changed.
    pub fn builtin() -> RuleSet {
        RuleSet::new(crate::rules::pack::builtin(), &Selection::default()).expect("built-in rule ids are unique")
    }

    /// An active rule by id. A scan, not an index: `rules` is public, so an
    /// embedder may change it, and a few dozen rules scan in nanoseconds.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Rule ids the user may have meant by `id`.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        schema::did_you_mean(id, self.known.iter().map(String::as_str))
    }
}

/// How to pick a profile's report language.
#[derive(Debug, Clone, Copy, Default)]
pub struct LangChoice {
    /// `--lang`: wins over everything.
    pub forced: Option<Lang>,
    /// Config file, then the locale: used when the profile says nothing.
    pub fallback: Lang,
}

impl LangChoice {
    /// The language of the report of a profile that asks for `profile_lang`.
    pub fn for_profile(&self, profile_lang: Option<Lang>) -> Lang {
        self.forced.or(profile_lang).unwrap_or(self.fallback)
    }
}

/// `file` is how the file is named in reports; its stem is the default name.
pub fn default_name(file: &str) -> String {
    if file == "-" {
        return "stdin".into();
    }
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base
        .strip_suffix(".yaml")
        .or_else(|| base.strip_suffix(".yml"))
        .unwrap_or(base);
    stem.to_owned()
}

/// Read, validate and check one profile.
pub fn check_bytes(rules: &RuleSet, file: &str, bytes: &[u8], lang: LangChoice) -> ProfileReport {
    match profile::parse(bytes) {
        Ok(p) => check_profile(rules, file, &p, lang),
        Err(problems) => invalid(file, &problems, lang.for_profile(None)),
    }
}

/// A report from the lenient read: the rules' verdict on what could be
/// read, and the values left out.
#[derive(Debug, Clone)]
pub(crate) struct LenientReport {
    /// The report as for a valid profile (score, findings) over the values
    /// that passed the format; an invalid report when the text is not a
    /// YAML mapping at all.
    pub report: ProfileReport,
    /// Each value left out, with its path and why.
    pub field_errors: Vec<profile::FieldError>,
}

/// Read one profile leniently (a value that fails the format is left out
/// and reported, every rule runs on the rest) and check it. The command
/// line and `/api/check` stay strict ([`check_bytes`]); the workshop page
/// and the language server show a score while one answer is wrong.
pub(crate) fn check_bytes_lenient(rules: &RuleSet, file: &str, bytes: &[u8], lang: LangChoice) -> LenientReport {
    match profile::parse_lenient(bytes) {
        Ok((p, field_errors)) => LenientReport {
            report: check_profile(rules, file, &p, lang),
            field_errors,
        },
        Err(problems) => LenientReport {
            report: invalid(file, &problems, lang.for_profile(None)),
            field_errors: Vec::new(),
        },
    }
}

/// The report for a file that could not be read or validated.
pub fn invalid(file: &str, problems: &[Diagnostic], lang: Lang) -> ProfileReport {
    ProfileReport {
        file: file.to_owned(),
        file_bytes: None,
        name: default_name(file),
        lang,
        score: None,
        findings: Vec::new(),
        passed: Vec::new(),
        not_applicable: Vec::new(),
        waived: Vec::new(),
        errors: problems.iter().map(|d| ErrorItem::from_diag(d, lang)).collect(),
        warnings: Vec::new(),
    }
}

/// Round half up, in integers: floor(100·p/t + ½).
pub fn score(passed: u32, total: u32) -> u32 {
    if total == 0 {
        100
    } else {
        (200 * passed + total) / (2 * total)
    }
}

/// Check a valid profile.
pub fn check_profile(rules: &RuleSet, file: &str, p: &Profile, lang: LangChoice) -> ProfileReport {
    let lang = lang.for_profile(p.lang);
    let root = &p.root;
    let mut report = ProfileReport {
        file: file.to_owned(),
        file_bytes: None,
        name: p
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| default_name(file)),
        lang,
        score: None,
        findings: Vec::new(),
        passed: Vec::new(),
        not_applicable: Vec::new(),
        waived: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    for d in &p.notes {
        report.warnings.push(ErrorItem::from_diag(d, lang));
    }
    for w in &p.waivers {
        if !rules.known.contains(&w.rule) {
            let d = Diagnostic::warning(
                w.pos,
                Msg::UnknownWaiver {
                    rule: w.rule.clone(),
                    suggestion: rules.suggest(&w.rule).map(str::to_owned),
                },
            );
            report.warnings.push(ErrorItem::from_diag(&d, lang));
        }
    }
    let (mut passed_w, mut total_w) = (0, 0);
    for rule in &rules.rules {
        if let Some(w) = p.waivers.iter().find(|w| w.rule == rule.id) {
            report.waived.push(Waived {
                rule: rule.id.clone(),
                reason: w.reason.clone(),
            });
            continue;
        }
        if rule.when.as_ref().is_some_and(|c| !c.holds(root)) {
            report.not_applicable.push(rule.id.clone());
            continue;
        }
        total_w += rule.severity.weight();
        let before = report.findings.len();
        findings_for(rule, root, lang, &mut report.findings);
        if report.findings.len() == before {
            passed_w += rule.severity.weight();
            report.passed.push(rule.id.clone());
        }
    }
    report.score = Some(score(passed_w, total_w));
    report
        .findings
        .sort_by(|a, b| (a.line, a.column, &a.rule).cmp(&(b.line, b.column, &b.rule)));
    report
}

fn findings_for(rule: &Rule, root: &crate::profile::yaml::Node, lang: Lang, out: &mut Vec<Finding>) {
    // The generated explanation is worded only for a rule without its own message.
    let finding =
        |path: String, pos: Pos, context: &crate::profile::yaml::Node, generated: &dyn Fn() -> String| Finding {
            rule: rule.id.clone(),
            pack: rule.pack.clone(),
            step: rule.step,
            severity: rule.severity,
            title: rule.title.get(lang).to_owned(),
            message: rule
                .message
                .as_ref()
                .and_then(|m| crate::rules::condition::fill_message(m.get(lang), context))
                .unwrap_or_else(generated),
            path,
            line: pos.line,
            column: pos.col,
        };
    match &rule.check {
        // A failing `each` gives one finding per failing item, at the item.
        Cond::Each { path, when, check } => {
            let list = path.display();
            match crate::rules::condition::each_failures(root, path, when.as_deref(), check) {
                Ok(None) => {}
                Ok(Some(failing)) => {
                    for (i, item) in failing {
                        out.push(finding(format!("{list}[{i}]"), item.pos, item, &|| {
                            check.explain_failure(item, lang)
                        }));
                    }
                }
                Err(value) => {
                    let message = t!(lang, "finding-not-a-list", path = &list);
                    out.push(finding(list, value.pos, value, &|| message.clone()));
                }
            }
        }
        check => {
            // Located at the first culprit in the file (docs/rules.md: the first
            // public audience), worded with every culprit.
            if let Some((first, pos)) = check.culprits(root).first() {
                let path = first.first_path().map_or_else(|| ".".to_owned(), Path::display);
                out.push(finding(path, *pos, root, &|| check.explain_failure(root, lang)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_keeps_a_score_where_strict_has_none() {
        let rules = RuleSet::builtin();
        let text = b"name: Sophie Bernard\nabout:\n  bio: Coach\npublishing:\n  posts_per_month: -3\n";
        let strict = check_bytes(&rules, "p.yaml", text, LangChoice::default());
        assert_eq!(strict.score, None);
        let lenient = check_bytes_lenient(&rules, "p.yaml", text, LangChoice::default());
        assert!(lenient.report.score.is_some());
        assert!(lenient.report.errors.is_empty());
        assert_eq!(lenient.field_errors.len(), 1);
        assert_eq!(lenient.field_errors[0].path, "publishing.posts_per_month");
        // The rest is checked as if the bad value had never been written.
        let without = check_bytes(
            &rules,
            "p.yaml",
            b"name: Sophie Bernard\nabout:\n  bio: Coach\n",
            LangChoice::default(),
        );
        assert_eq!(lenient.report.score, without.score);
        assert_eq!(lenient.report.passed, without.passed);
    }

    #[test]
    fn lenient_on_a_valid_profile_is_the_strict_report() {
        let rules = RuleSet::builtin();
        let text = b"name: Ann\nphoto:\n  set: true\n";
        let a = check_bytes(&rules, "p.yaml", text, LangChoice::default());
        let b = check_bytes_lenient(&rules, "p.yaml", text, LangChoice::default());
        assert_eq!(a, b.report);
        assert!(b.field_errors.is_empty());
    }

    #[test]
    fn lenient_on_broken_yaml_is_invalid() {
        let r = check_bytes_lenient(&RuleSet::builtin(), "p.yaml", b"a: [\n", LangChoice::default());
        assert_eq!(r.report.score, None);
        assert!(!r.report.errors.is_empty());
    }
}
