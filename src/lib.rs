//! profilecheck: lint a YAML description of a Facebook profile against the
//! steps of a personal-branding guide.
//!
//! The library never prints. Embed it like this:
//!
//! ```
//! use profilecheck::{Checker, Lang};
//! let checker = Checker::builtin();
//! let report = checker.check("jeanne.yaml", b"photo: {set: true, kind: professional}\n", Some(Lang::En));
//! assert!(report.passed.contains(&"photo-set".to_string()));
//! assert!(report.score.unwrap() < 100);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod cli;
pub mod i18n;
pub mod import;
pub mod lsp;
mod platform;
pub mod profile;
pub mod report;
pub mod rules;
pub mod workshop;

pub use i18n::Lang;
pub use report::{ErrorItem, Finding, ProfileReport, Summary, Waived};
pub use rules::engine::{LangChoice, RuleSet, Selection};
pub use rules::pack::{Pack, PackError, Severity};

/// A ready-to-use checker: rule packs in, reports out.
#[derive(Debug, Clone)]
pub struct Checker {
    /// The rules in force.
    pub rules: RuleSet,
}

impl Checker {
    /// The built-in `guide` and `privacy` packs.
    pub fn builtin() -> Self {
        Checker {
            rules: RuleSet::builtin(),
        }
    }

    /// The built-in packs plus packs given as (name for messages, YAML text).
    pub fn with_packs(extra: &[(&str, &str)]) -> Result<Self, Vec<PackError>> {
        let mut packs = rules::pack::builtin();
        let mut errors = Vec::new();
        for (source, text) in extra {
            match rules::pack::load(source, text.as_bytes()) {
                Ok(p) => packs.push(p),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Checker {
            rules: RuleSet::new(packs, &Selection::default())?,
        })
    }

    /// Check one profile given as YAML bytes. `lang` forces the report
    /// language; otherwise the profile's `lang`, else English.
    pub fn check(&self, file: &str, yaml: &[u8], lang: Option<Lang>) -> ProfileReport {
        rules::engine::check_bytes(
            &self.rules,
            file,
            yaml,
            LangChoice {
                forced: lang,
                fallback: Lang::En,
            },
        )
    }
}
