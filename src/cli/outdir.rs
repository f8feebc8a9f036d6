//! `--output-dir DIR`: one report file per profile (and an index for
//! html and markdown), each written atomically.

use crate::report::{Context, Format, ProfileReport, Summary};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `--output-dir DIR`: one report per profile, `DIR/STEM.EXT`, stems made
/// unique in input order (`-2`, `-3`…), and for html and markdown the cohort
/// summary as `index.html` / `index.md`. Each file is written atomically.
pub(super) struct DirOutput {
    dir: PathBuf,
    format: Format,
    taken: HashSet<String>,
    /// For the index: each profile's report and the file it went to.
    written: Vec<(ProfileReport, String)>,
}

impl DirOutput {
    pub(super) fn new(dir: &Path, format: Format) -> io::Result<DirOutput> {
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
        let mut stem = clean.clone();
        let mut n = 1;
        while !self.taken.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{clean}-{n}");
        }
        stem
    }

    pub(super) fn write(&mut self, p: &ProfileReport, ctx: &Context<'_>) -> io::Result<()> {
        let stem = self.stem(&p.file);
        let name = format!("{stem}.{}", self.format.extension());
        let mut summary = Summary {
            config_errors: ctx.problems.len(),
            ..Summary::default()
        };
        summary.add(p);
        let body = crate::report::render_one(self.format, *ctx, p, &summary)?;
        write_atomic(&self.dir.join(&name), &body)?;
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
                write_atomic(&self.dir.join(name), body.as_bytes())?;
                Ok(n + 1)
            }
            None => Ok(n),
        }
    }
}

/// Write `body` to `dest` through a temporary file of a random name created
/// in the same folder (O_EXCL), renamed over `dest` once complete.
fn write_atomic(dest: &Path, body: &[u8]) -> io::Result<()> {
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", dest.display()));
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(named)?;
    tmp.write_all(body).map_err(named)?;
    tmp.as_file().sync_all().map_err(named)?;
    tmp.persist(dest).map_err(|e| named(e.error))?;
    Ok(())
}
