//! `profilecheck completions SHELL` and `profilecheck man`: the shell
//! completion scripts (clap_complete) and the manual page (clap_mangen), both
//! generated from the same worded command as `--help` (help.rs), so their
//! descriptions are in the run's language.
//!
//! clap_mangen writes its own section headings and a few words in English;
//! they are replaced here from the catalogue (`man-*` messages), as help.rs
//! does for `--help`. The page is one page: each subcommand is a subsection
//! of COMMANDS with its synopsis and its own options, rather than the
//! `profilecheck-rules(1)` references clap_mangen would point to (no such
//! pages are installed).

use super::help;
use super::{OK, TROUBLE};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, roman};
use std::io::{self, Write};

/// The completion script for `shell` on `out`.
pub(super) fn completions(shell: Shell, lang: Lang, out: &mut dyn Write) -> io::Result<i32> {
    let mut cmd = help::command(lang);
    // Written to a buffer first: clap_complete panics on a write error, and a
    // closed pipe (`| head`) is an ordinary error here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "profilecheck", &mut script);
    out.write_all(&script)?;
    Ok(OK)
}

/// The manual page (roff) on `out`.
pub(super) fn man(lang: Lang, out: &mut dyn Write) -> io::Result<i32> {
    match page(lang) {
        Ok(text) => {
            out.write_all(text.as_bytes())?;
            Ok(OK)
        }
        // Only writes to memory: cannot fail, but no panic if it ever did.
        Err(_) => Ok(TROUBLE),
    }
}

fn page(lang: Lang) -> io::Result<String> {
    let cmd = help::command(lang);
    let man = Man::new(cmd.clone());
    // The title line is written here: clap_mangen leaves an empty date
    // unquoted, which shifts the source and manual into its place.
    let title = format!(
        ".TH PROFILECHECK 1 \"\" \"profilecheck {}\" \"{}\"\n",
        env!("CARGO_PKG_VERSION"),
        t!(lang, "man-manual")
    );
    let mut buf = title.into_bytes();
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    commands(&cmd, lang, &mut buf)?;
    examples(&cmd, lang, &mut buf)?;
    man.render_version_section(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    Ok(localise(&text, lang))
}

/// COMMANDS: each subcommand's about, synopsis and own options (the global
/// ones are in OPTIONS above; `help` is `--help`).
fn commands(cmd: &clap::Command, lang: Lang, out: &mut Vec<u8>) -> io::Result<()> {
    let mut roff = Roff::default();
    roff.control("SH", [t!(lang, "man-commands").as_str()]);
    roff.to_writer(out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub = sub.clone().mut_args(|a| {
            if a.is_global_set() || a.get_id() == "help" {
                a.hide(true)
            } else {
                a
            }
        });
        let mut roff = Roff::default();
        let name = sub.get_bin_name().unwrap_or(sub.get_name()).to_owned();
        roff.control("SS", [name.as_str()]);
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        roff.to_writer(out)?;
        let man = Man::new(sub.clone());
        // Each section's own `.SH` heading line is dropped: these are parts
        // of the subsection, introduced by a paragraph break.
        for render in [Man::render_synopsis_section, Man::render_options_section] {
            let mut part = Vec::new();
            render(&man, &mut part)?;
            out.extend_from_slice(b".PP\n");
            for line in String::from_utf8_lossy(&part)
                .lines()
                .filter(|l| !l.starts_with(".SH "))
            {
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        }
    }
    Ok(())
}

/// EXAMPLES: the after-help's command lines, kept as written (no filling),
/// without its own "Examples:" line (the heading says it).
fn examples(cmd: &clap::Command, lang: Lang, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(after) = cmd.get_after_long_help().or(cmd.get_after_help()) else {
        return Ok(());
    };
    let after = after.to_string();
    let mut lines = after.lines().peekable();
    lines.next_if(|l| l.trim_end().ends_with(':'));
    let mut roff = Roff::default();
    roff.control("SH", [t!(lang, "man-examples").as_str()]);
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(line.trim_start())]);
        roff.control("br", []);
    }
    roff.control("fi", []);
    roff.to_writer(out)
}

/// The roff preamble each rendered part repeats (it defines `\*(Aq`, the
/// apostrophe): kept once, after `.TH`, so the page starts with its title
/// as `man` and `whatis` expect.
const PREAMBLE: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];

/// clap_mangen's English headings and words in `lang`.
fn localise(text: &str, lang: Lang) -> String {
    let headings = [
        ("NAME", t!(lang, "man-name")),
        ("SYNOPSIS", t!(lang, "man-synopsis")),
        ("DESCRIPTION", t!(lang, "man-description")),
        ("OPTIONS", t!(lang, "man-options")),
        ("VERSION", t!(lang, "man-version")),
    ];
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if PREAMBLE.contains(&line.trim_end()) {
            continue;
        }
        let mut line = line.to_owned();
        if line.starts_with(".TH ") {
            line.push_str(&PREAMBLE.join("\n"));
            line.push('\n');
        }
        if let Some(heading) = line.trim_end().strip_prefix(".SH ") {
            let heading = heading.trim_matches('"');
            if let Some((_, word)) = headings.iter().find(|(en, _)| *en == heading) {
                line = format!(".SH {}\n", quoted(word));
            }
        }
        line = line
            .replace("[default: ", &format!("[{} ", t!(lang, "clap-default")))
            .replace("Possible values:", &t!(lang, "man-possible-values"));
        out.push_str(&line);
    }
    out
}

/// A macro argument with spaces is quoted in roff.
fn quoted(word: &str) -> String {
    if word.contains(' ') {
        format!("\"{word}\"")
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: impl Fn(&mut Vec<u8>) -> io::Result<i32>) -> String {
        let mut out = Vec::new();
        assert_eq!(f(&mut out).unwrap(), OK);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_shell_gets_a_script_naming_the_subcommands_and_options() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
            let script = run(|o| completions(shell, Lang::En, o));
            // fish names long options without their dashes (`-l format`).
            for word in ["profilecheck", "explain", "serve", "completions", "format", "fail-on"] {
                assert!(script.contains(word), "{shell:?} script lacks {word}");
            }
        }
    }

    #[test]
    fn descriptions_are_in_the_language_asked() {
        let fish = run(|o| completions(Shell::Fish, Lang::Fr, o));
        assert!(fish.contains("Ouvre la salle d"), "{fish}");
        assert!(!fish.contains("Open the workshop room"), "{fish}");
    }

    #[test]
    fn the_man_page_is_roff_with_every_command_in_french_headings() {
        let page = run(|o| man(Lang::Fr, o));
        assert!(page.starts_with(".TH PROFILECHECK 1 \"\" \"profilecheck "), "{page}");
        assert_eq!(page.matches(PREAMBLE[0]).count(), 1, "{page}");
        for heading in [".SH NOM", ".SH SYNOPSIS", ".SH COMMANDES", ".SH EXEMPLES"] {
            assert!(page.lines().any(|l| l == heading), "no {heading}:\n{page}");
        }
        for english in [".SH NAME", ".SH EXTRA", "[default:", "Possible values"] {
            assert!(!page.contains(english), "{english}:\n{page}");
        }
        for sub in [
            "rules",
            "explain",
            "init",
            "import",
            "schema",
            "lsp",
            "serve",
            "completions",
            "man",
        ] {
            assert!(
                page.contains(&format!(".SS \"profilecheck {sub}\"")),
                "no {sub}:\n{page}"
            );
        }
        // A subcommand lists its own options, not the global ones again.
        let serve = page.split(".SS \"profilecheck serve\"").nth(1).unwrap();
        let serve = serve.split(".SS").next().unwrap();
        assert!(serve.contains("\\-\\-port"), "{serve}");
        assert!(!serve.contains("\\-\\-lang"), "{serve}");
        assert!(!serve.contains(".SH"), "{serve}");
    }
}
