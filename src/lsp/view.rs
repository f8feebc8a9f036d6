//! An open document and the view of it every handler works from (its lines
//! in the agreed encoding, its problems, the rules in force). A module of its
//! own, so the server and the handlers (hover, completion, code actions) both
//! use it and neither imports the other.

use super::check::{Kind, Level3, Problem, Setup};
use super::text::{Encoding, Lines};
use crate::i18n::Lang;
use crate::profile::yaml::Pos;
use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Url};
use std::path::PathBuf;
use std::rc::Rc;

/// An open document.
pub(crate) struct Doc {
    pub path: Option<PathBuf>,
    pub text: String,
    pub version: i32,
    pub kind: Kind,
}

/// What the handlers of one document need: its text, problems and rules.
pub(crate) struct DocView<'a> {
    pub uri: &'a Url,
    pub doc: &'a Doc,
    /// What the document is where it stands ([`Checker::kind_in_place`]):
    /// handlers go by this, not by `doc.kind`.
    ///
    /// [`Checker::kind_in_place`]: super::check::Checker::kind_in_place
    pub kind: Kind,
    pub lines: Lines<'a>,
    pub enc: Encoding,
    pub problems: Vec<Problem>,
    pub lang: Lang,
    /// The rules in force for it (a profile's config; the defaults otherwise).
    pub rules: Rc<Setup>,
}

pub(crate) fn to_diagnostic(lines: &Lines<'_>, p: &Problem) -> Diagnostic {
    Diagnostic {
        range: lines.range(p.pos, p.len),
        severity: Some(match p.level {
            Level3::Error => DiagnosticSeverity::ERROR,
            Level3::Warning => DiagnosticSeverity::WARNING,
            Level3::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(p.code().to_owned())),
        source: Some("profilecheck".into()),
        message: p.message.clone(),
        ..Diagnostic::default()
    }
}

/// Is `pos` inside the range a problem covers?
pub(crate) fn covers(lines: &Lines<'_>, p: &Problem, pos: Pos) -> bool {
    let r = lines.range(p.pos, p.len);
    let (start, end) = (lines.pos_of(r.start), lines.pos_of(r.end));
    start <= pos && pos <= end
}
