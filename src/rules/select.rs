//! Naming rules in `--select`, `--ignore` and the config's `severity`: a rule
//! id, a pack name (`privacy`), a guide step (`step:7`) or a glob over rule
//! ids (`photo-*`) (SPEC §10).

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
    crate::profile::schema::did_you_mean(text, names.iter().map(String::as_str)).map(str::to_owned)
}
