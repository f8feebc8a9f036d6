//! `--output-dir DIR`: one report file per profile (and an index for
//! html and markdown), each written atomically as `-o` writes its file.

use super::output::Sink;
use crate::i18n::Lang;
use crate::report::{Context, Format, ProfileReport, Summary};
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// `--output-dir DIR`: one report per profile, `DIR/STEM.EXT`, stems made
/// unique in input order (`-2`, `-3`…), and for html and markdown the cohort
/// summary as `index.html` / `index.md`. Each file is written atomically.
pub(super) struct DirOutput {
    dir: PathBuf,
    format: Format,
    /// For the errors that name a file.
    lang: Lang,
    taken: HashSet<String>,
    /// For the index: each profile's report and the file it went to.
    written: Vec<(ProfileReport, String)>,
}

impl DirOutput {
    pub(super) fn new(dir: &Path, format: Format, lang: Lang) -> io::Result<DirOutput> {
        std::fs::create_dir_all(dir)?;
        if !std::fs::metadata(dir)?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a directory"));
        }
        let mut taken = HashSet::new();
        if matches!(format, Format::Html | Format::Markdown) {
            taken.insert("index".to_owned());
        }
        Ok(DirOutput {
            dir: dir.to_owned(),
            format,
            lang,
            taken,
            written: Vec::new(),
        })
    }

    /// A file stem for `file`: its own, made safe for a file name and unique
    /// (case-insensitively, for the disks that are).
    fn stem(&mut self, file: &str) -> String {
        let base = crate::rules::engine::default_name(file);
        let mut clean: String = base
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if clean.is_empty() || clean.starts_with('.') {
            clean.insert(0, '_');
        }
        shorten(&mut clean);
        let mut stem = clean.clone();
        let mut n = 1;
        while !self.taken.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{clean}-{n}");
        }
        stem
    }

    /// One profile's file, with its progress since the baseline if any.
    pub(super) fn write(
        &mut self,
        p: &ProfileReport,
        ctx: &Context<'_>,
        progress: Option<&crate::report::baseline::Progress>,
    ) -> io::Result<()> {
        let stem = self.stem(&p.file);
        let name = format!("{stem}.{}", self.format.extension());
        let mut summary = Summary {
            config_errors: ctx.problems.len(),
            ..Summary::default()
        };
        summary.add(p);
        let body = crate::report::render_one_with(self.format, *ctx, p, &summary, progress)?;
        write_atomic(&self.dir.join(&name), &body, self.lang)?;
        if matches!(self.format, Format::Html | Format::Markdown) {
            self.written.push((p.clone(), name));
        }
        Ok(())
    }

    /// Write the index; returns how many files were written in all.
    pub(super) fn finish(self, summary: &Summary, ctx: &Context<'_>) -> io::Result<usize> {
        let n = self.taken.len() - usize::from(matches!(self.format, Format::Html | Format::Markdown));
        let index = match self.format {
            Format::Html => Some(("index.html", crate::report::html::index(ctx, &self.written, summary))),
            Format::Markdown => Some(("index.md", crate::report::markdown::index(ctx, &self.written, summary))),
            _ => None,
        };
        match index {
            Some((name, body)) => {
                write_atomic(&self.dir.join(name), body.as_bytes(), self.lang)?;
                Ok(n + 1)
            }
            None => Ok(n),
        }
    }
}

/// Write `body` to `dest` as `-o` writes its file (docs/cli.md): through a
/// temporary file beside it, made with the umask's mode, taking a replaced
/// file's mode, removed if the run fails or is interrupted.
fn write_atomic(dest: &Path, body: &[u8], lang: Lang) -> io::Result<()> {
    let mut sink = Sink::file(dest, lang)?;
    sink.writer().write_all(body)?;
    sink.finish()
}

/// The longest stem kept, in bytes: with the extension, a `-N` to make it
/// unique and the temporary file's affixes (`.NAME.XXXXXX.tmp`), a name
/// stays under the 255 bytes file systems allow.
const MAX_STEM_BYTES: usize = 200;

/// `stem` cut to [`MAX_STEM_BYTES`] at a character boundary.
fn shorten(stem: &mut String) {
    if stem.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        stem.truncate(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_short_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = DirOutput::new(dir.path(), Format::Html, Lang::En).unwrap();
        assert_eq!(out.stem("team/ada.yaml"), "ada");
        assert_eq!(out.stem("other/ADA.yaml"), "ADA-2");
        assert_eq!(out.stem("index.yaml"), "index-2", "the index's name is taken");
        assert_eq!(out.stem(".hidden.yaml"), "_.hidden");
        let long = format!("{}.yml", "é".repeat(126));
        let stem = out.stem(&long);
        assert!(stem.len() <= MAX_STEM_BYTES && stem.chars().all(|c| c == 'é'), "{stem}");
    }
}
