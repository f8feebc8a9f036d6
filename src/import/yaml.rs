//! The imported profile as YAML: the `init` template's shape, with the
//! derived fields filled in under a comment naming their source, and every
//! other field left as a commented question.

use super::Import;
use super::derive::How;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::workshop::template::{self, Known};
use std::fmt::Write as _;

/// Text from the export (file names) on one comment line, whatever it holds.
fn clean(s: &str) -> String {
    crate::i18n::one_line(s).into_owned()
}

/// `FILE`, or `FILE and N other files`.
fn files(lang: Lang, files: &[String]) -> String {
    let first = files.first().map(|f| clean(f)).unwrap_or_default();
    t!(
        lang,
        "import-files",
        first = first,
        others = files.len().saturating_sub(1)
    )
}

fn note(lang: Lang, d: &super::Derived) -> String {
    let file = files(lang, &d.files);
    match &d.how {
        How::Keys(keys) => t!(lang, "import-note-keys", file = file, keys = *keys),
        How::PerMonth { posts, from, to } => t!(
            lang,
            "import-note-per-month",
            file = file,
            posts = *posts,
            from = from.as_str(),
            to = to.as_str()
        ),
        How::Hashtags { posts } => t!(lang, "import-note-hashtags", file = file, posts = *posts),
        How::Links => t!(lang, "import-note-links", file = file),
    }
}

/// The header: what this file is, where its values come from, what is left.
fn header(lang: Lang, file: &str) -> String {
    let mut out = String::from("# yaml-language-server: $schema=profile.schema.json\n#\n");
    let file = clean(file);
    let paragraphs = [
        t!(lang, "import-header-title"),
        t!(lang, "import-header-derived"),
        t!(lang, "import-header-questions"),
    ];
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push_str("#\n");
        }
        wrap(&mut out, p);
    }
    let _ = writeln!(out, "#     profilecheck init --interactive --from {file} -o {file}");
    wrap(&mut out, &t!(lang, "import-header-check"));
    let _ = writeln!(out, "#     profilecheck {file}\n");
    out
}

/// A paragraph as `# ` lines of at most 80 columns.
fn wrap(out: &mut String, text: &str) {
    let mut line = String::from("#");
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if line.len() > 1 && line.chars().count() + 1 + word.chars().count() > 80 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

pub(super) fn render(import: &Import, lang: Lang, file: &str) -> String {
    let notes: Vec<String> = import.derived.iter().map(|d| note(lang, d)).collect();
    let mut known: Vec<Known<'_>> = import
        .derived
        .iter()
        .zip(&notes)
        .map(|(d, n)| Known {
            path: d.path,
            value: Some(&d.value),
            note: n,
        })
        .collect();
    // The login address is private unless the profile shows it: a hint
    // beside the question, never the answer (docs/format.md, contact.email).
    let hint = import.login_email.as_ref().map(|(file, email)| {
        t!(
            lang,
            "import-note-login-email",
            file = clean(file),
            email = clean(email)
        )
    });
    if let Some(hint) = &hint {
        known.push(Known {
            path: "contact.email",
            value: None,
            note: hint,
        });
    }
    template::filled(lang, &header(lang, file), &known)
}
