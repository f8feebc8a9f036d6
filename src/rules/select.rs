//! Naming rules in `--select`, `--ignore` and the config's `severity`: a rule
//! id, a pack name (`privacy`), a guide step (`step:7`) or a glob over rule
//! ids (`photo-*`) (docs/cli.md).

use crate::rules::pack::Rule;

/// One way of naming rules, parsed from what the user wrote.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// `step:7`: the rules of a guide step.
    Step(u32),
    /// `photo-*`: rule ids matching a glob.
    Glob(globset::GlobMatcher),
    /// A rule id or a pack name: both are plain words, and a word that is
    /// both (a pack named like one of its rules) names both.
    Word(String),
}

impl Pattern {
    /// `None` for a `step:` without a number or a glob that does not compile.
    pub fn parse(text: &str) -> Option<Pattern> {
        let text = text.trim();
        if let Some(n) = text.strip_prefix("step:") {
            return n.trim().parse().ok().map(Pattern::Step);
        }
        if text.contains(['*', '?', '[', '{']) {
            return globset::Glob::new(text)
                .ok()
                .map(|g| Pattern::Glob(g.compile_matcher()));
        }
        Some(Pattern::Word(text.to_owned()))
    }

    /// Does this pattern name `rule`?
    pub fn matches(&self, rule: &Rule) -> bool {
        match self {
            Pattern::Step(n) => rule.step == Some(*n),
            Pattern::Glob(g) => g.is_match(&rule.id),
            Pattern::Word(w) => rule.id == *w || rule.pack == *w,
        }
    }

    /// Which of two settings wins when both name a rule: the narrower, so
    /// `privacy: warning` with `audience-public: error` does what it says.
    pub fn rank(&self, rule: &Rule) -> u8 {
        match self {
            Pattern::Word(w) if *w == rule.id => 3,
            Pattern::Glob(_) => 2,
            Pattern::Step(_) => 1,
            Pattern::Word(_) => 0,
        }
    }
}

/// Does any of `texts` name `rule`? Texts that do not parse name nothing
/// (they are reported as unmatched by [`unmatched`]).
pub fn any_matches(texts: &[String], rule: &Rule) -> bool {
    texts.iter().filter_map(|t| Pattern::parse(t)).any(|p| p.matches(rule))
}

/// The texts that name none of `rules`, each with a did-you-mean taken from
/// the rule ids, pack names and steps there are.
pub fn unmatched<'a>(texts: impl IntoIterator<Item = &'a str>, rules: &[&Rule]) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for text in texts {
        let hit = Pattern::parse(text).is_some_and(|p| rules.iter().any(|r| p.matches(r)));
        if !hit {
            out.push((text.to_owned(), suggest(text, rules)));
        }
    }
    out
}

/// The closest name there is to `text`: a rule id, a pack name or `step:N`.
pub fn suggest(text: &str, rules: &[&Rule]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for r in rules {
        for n in [
            Some(r.id.clone()),
            Some(r.pack.clone()),
            r.step.map(|s| format!("step:{s}")),
        ]
        .into_iter()
        .flatten()
        {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    // Case and spaces first (`Privacy`, `step: 7`), then spelling.
    let squash = |s: &str| s.to_lowercase().replace([' ', '_'], "");
    if let Some(n) = names.iter().find(|n| squash(n) == squash(text)) {
        return Some(n.clone());
    }
    // `step:99` is not a misspelt `step:1`: the steps there are are listed
    // by `profilecheck rules`.
    if text.trim_start().starts_with("step") {
        return None;
    }
    crate::profile::schema::did_you_mean(text, names.iter().map(String::as_str)).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::engine::RuleSet;

    #[test]
    fn ids_packs_steps_and_globs_name_rules() {
        let set = RuleSet::builtin();
        let photo = set.get("photo-set").expect("photo-set");
        assert!(Pattern::parse("photo-set").unwrap().matches(photo));
        assert!(Pattern::parse("guide").unwrap().matches(photo));
        assert!(Pattern::parse("step:1").unwrap().matches(photo));
        assert!(Pattern::parse(" step: 1 ").unwrap().matches(photo));
        assert!(Pattern::parse("photo-*").unwrap().matches(photo));
        assert!(!Pattern::parse("step:2").unwrap().matches(photo));
        assert!(!Pattern::parse("privacy").unwrap().matches(photo));
        assert!(Pattern::parse("step:x").is_none());
        // The narrowest wins.
        let id = Pattern::parse("photo-set").unwrap().rank(photo);
        let glob = Pattern::parse("photo-*").unwrap().rank(photo);
        let pack = Pattern::parse("guide").unwrap().rank(photo);
        assert!(id > glob && glob > pack);
    }

    #[test]
    fn unmatched_values_get_a_did_you_mean() {
        let set = RuleSet::builtin();
        let rules: Vec<&Rule> = set.rules.iter().collect();
        assert_eq!(
            unmatched(["Privacy", "step:99", "photo-*", "phot-set"], &rules),
            [
                ("Privacy".to_owned(), Some("privacy".to_owned())),
                ("step:99".to_owned(), None),
                ("phot-set".to_owned(), Some("photo-set".to_owned())),
            ]
        );
    }
}
