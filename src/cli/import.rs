//! `profilecheck import`: runs the importer, says on stderr what it read
//! (file names and counts, cleaned of control characters), and writes the
//! profile to stdout or, atomically, to a file.

use super::args::ImportArgs;
use super::exit::{OK, TROUBLE};
use super::output::Sink;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::import::{self, FileKind, Options};
use std::io::{self, Write};

fn clean(s: &str) -> String {
    crate::i18n::one_line(s).into_owned()
}

fn fail(stderr: &mut dyn Write, msg: String) -> io::Result<i32> {
    writeln!(stderr, "{}", super::problems::error(msg))?;
    Ok(TROUBLE)
}

pub(super) fn run(args: ImportArgs, lang: Lang, stdout: &mut dyn Write, stderr: &mut dyn Write) -> io::Result<i32> {
    let as_of = match &args.as_of {
        None => import::today(),
        Some(s) => match import::parse_date(s) {
            Some(d) => d,
            None => return fail(stderr, t!(lang, "import-error-date", value = clean(s))),
        },
    };
    if let Some(path) = &args.output
        && path.exists()
        && !args.force
    {
        let file = clean(&path.display().to_string());
        return fail(stderr, t!(lang, "cli-exists", path = file));
    }
    let opts = Options {
        paths: args.exports,
        as_of,
    };
    let imported = match import::import(&opts) {
        Ok(i) => i,
        Err(e) => {
            writeln!(stderr, "{}", e.render(lang))?;
            return Ok(TROUBLE);
        }
    };
    for f in &imported.read {
        let file = clean(&f.shown);
        let line = match f.kind {
            FileKind::Profile => t!(lang, "import-read-profile", file = file),
            FileKind::Posts { records } => t!(lang, "import-read-posts", file = file, records = records),
        };
        writeln!(stderr, "{line}")?;
    }
    if imported.no_profile {
        // The keyword stays English, as in every message (problem matchers).
        writeln!(stderr, "profilecheck: warning: {}", t!(lang, "import-no-profile"))?;
    }
    if imported.extra_profiles > 0 {
        writeln!(
            stderr,
            "{}",
            t!(lang, "import-extra-profile", n = imported.extra_profiles)
        )?;
    }
    let summary = t!(
        lang,
        "import-read-summary",
        listed = imported.listed,
        opened = imported.read.len(),
        posts = imported.posts_in_window,
        from = imported.window.0.as_str(),
        to = imported.window.1.as_str(),
        derived = imported.derived_paths().len()
    );
    writeln!(stderr, "{summary}")?;
    let name = match &args.output {
        Some(p) => p.display().to_string(),
        None => t!(lang, "import-default-file"),
    };
    let text = imported.to_yaml(lang, &name);
    match &args.output {
        // A file that appeared during the import is kept (no-clobber, in the library).
        Some(path) if !args.force && !super::output::is_stdout(path) => {
            // One that appeared meanwhile is said as itself, not as a failed write.
            if let Err(e) = crate::workshop::write::create_new(path, text.as_bytes(), lang) {
                if e.kind() != io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
                writeln!(stderr, "{}", super::problems::error(e.to_string()))?;
                return Ok(super::TROUBLE);
            }
        }
        _ => {
            let mut sink = Sink::open(args.output.as_deref(), stdout, lang)?;
            sink.writer().write_all(text.as_bytes())?;
            sink.finish()?;
        }
    }
    if args.output.is_some() {
        writeln!(stderr, "{}", t!(lang, "import-wrote", file = clean(&name)))?;
    }
    Ok(OK)
}
