//! Any bytes given as a rule pack must load or give located errors; a pack
//! that loads must then evaluate (conditions, regexes, `each`/`some`) on its
//! own examples and on a full profile without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use profilecheck::{Lang, LangChoice, RuleSet, Selection};

const PROFILE: &[u8] = include_bytes!("../../examples/complete.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(pack) = profilecheck::rules::pack::load("fuzz.yaml", data) else {
        return;
    };
    let examples: Vec<String> = pack
        .rules
        .iter()
        .flat_map(|r| r.examples_pass.iter().chain(&r.examples_fail))
        .map(|e| e.yaml.clone())
        .collect();
    let Ok(rules) = RuleSet::new(vec![pack], &Selection::default()) else {
        return;
    };
    let lang = LangChoice {
        forced: Some(Lang::En),
        fallback: Lang::En,
    };
    for yaml in examples.iter().map(String::as_bytes).chain([PROFILE, b"" as &[u8]]) {
        let report = profilecheck::rules::engine::check_bytes(&rules, "p.yaml", yaml, lang);
        if let Some(s) = report.score {
            assert!(s <= 100);
        }
    }
});
