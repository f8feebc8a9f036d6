//! Any bytes given as a profile (or as a config file) must give a report or
//! located errors: never a panic, a hang or a runaway allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use profilecheck::{Checker, Lang};
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(Checker::builtin)
}

fuzz_target!(|data: &[u8]| {
    let parsed = profilecheck::profile::parse(data);
    let report = checker().check("fuzz.yaml", data, Some(Lang::Fr));
    // The report and the parse agree on validity, and a score is a percentage.
    assert_eq!(parsed.is_ok(), report.score.is_some());
    if let Some(s) = report.score {
        assert!(s <= 100);
    }
    // Config files go through the same YAML layer with another schema.
    let _ = profilecheck::rules::config::parse(std::path::Path::new("fuzz.yaml"), data, &["guide", "privacy"]);
});
