//! The export as the user hands it over: one or more zips, or unpacked
//! folders. Listing is cheap (a zip's central directory; a folder's tree
//! without `messages/` and media folders), and an entry is opened only when
//! the importer asks for it by name, through a reader that stops at a cap on
//! inflated bytes whatever the archive declares.

use super::ImportError;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use zip::ZipArchive;

/// Folders never walked into: they hold conversations and photos, which the
/// importer never needs, and most of an export's size.
const SKIPPED_DIRS: &[&str] = &["messages", "media", "photos_and_videos"];
/// How deep a folder walk goes: exports nest about five levels.
const MAX_DEPTH: usize = 16;

/// One part of the export.
enum Part {
    Zip {
        shown: String,
        archive: Box<ZipArchive<BufReader<File>>>,
    },
    Dir {
        root: PathBuf,
    },
}

/// A file of the export: which part, and its `/`-separated path inside it.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    part: usize,
    index: usize,
    pub(super) name: String,
}

impl Entry {
    /// The file name, after the last `/`.
    pub(super) fn base(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }
    /// Whether the entry sits under a folder whose contents are never read.
    pub(super) fn in_skipped_dir(&self) -> bool {
        let mut dirs = self.name.split('/').rev().skip(1);
        dirs.any(|d| SKIPPED_DIRS.contains(&d))
    }
}

pub(super) struct Export {
    parts: Vec<Part>,
    /// Inflated bytes left for the whole run.
    budget: u64,
}

impl Export {
    /// Open every part and list its files.
    pub(super) fn open(paths: &[PathBuf], budget: u64) -> Result<(Export, Vec<Entry>), ImportError> {
        let mut parts = Vec::new();
        let mut entries = Vec::new();
        let mut zip_parts = Vec::new();
        let mut paths: Vec<PathBuf> = paths.to_vec();
        let mut next = 0;
        while next < paths.len() {
            let path = &paths[next];
            next += 1;
            let shown = path.display().to_string();
            let meta = std::fs::metadata(path).map_err(|e| ImportError::Unreadable {
                path: shown.clone(),
                reason: e.to_string(),
            })?;
            // A pipe, socket or device would block the run or never end.
            if !meta.is_dir() && !meta.is_file() {
                return Err(ImportError::NotRegular { path: shown });
            }
            let n = parts.len();
            if meta.is_dir() {
                let mut found = Vec::new();
                walk(path, "", 0, &mut found).map_err(|e| ImportError::Unreadable {
                    path: shown.clone(),
                    reason: e.to_string(),
                })?;
                // A folder where the parts were downloaded: each zip at its top is a part.
                let (zips, files): (Vec<String>, Vec<String>) = found
                    .into_iter()
                    .partition(|name| !name.contains('/') && name.to_ascii_lowercase().ends_with(".zip"));
                for (index, name) in files.into_iter().enumerate() {
                    entries.push(Entry { part: n, index, name });
                }
                parts.push(Part::Dir { root: path.clone() });
                for name in zips {
                    zip_parts.push(path.join(name));
                }
            } else {
                let archive = open_zip(path, &shown)?;
                for index in 0..archive.len() {
                    let name = match archive.name_for_index(index) {
                        Some(Ok(name)) => name.into_owned(),
                        _ => {
                            return Err(ImportError::CorruptZip {
                                path: shown,
                                reason: "unreadable entry name".into(),
                            });
                        }
                    };
                    if escapes(&name) {
                        return Err(ImportError::UnsafeName { path: shown, name });
                    }
                    if !name.ends_with('/') {
                        entries.push(Entry {
                            part: n,
                            index,
                            name: name.replace('\\', "/"),
                        });
                    }
                }
                parts.push(Part::Zip {
                    shown,
                    archive: Box::new(archive),
                });
            }
            paths.append(&mut zip_parts);
        }
        Ok((Export { parts, budget }, entries))
    }

    /// The part an entry belongs to, as given on the command line.
    pub(super) fn part_name(&self, e: &Entry) -> String {
        match &self.parts[e.part] {
            Part::Zip { shown, .. } => shown.clone(),
            Part::Dir { root } => root.display().to_string(),
        }
    }

    /// Where an entry is, for messages: `part.zip:path/in/zip` or `folder/path`.
    pub(super) fn shown(&self, e: &Entry) -> String {
        match &self.parts[e.part] {
            Part::Zip { shown, .. } => format!("{shown}:{}", e.name),
            Part::Dir { root } => root.join(&e.name).display().to_string(),
        }
    }

    /// Read an entry through `f`, at most `cap` inflated bytes (and never past
    /// the run's budget). Errors of the archive, of the cap and of `f` are
    /// told apart so each gets its own message.
    pub(super) fn read<T>(
        &mut self,
        e: &Entry,
        cap: u64,
        f: impl FnOnce(&mut dyn Read) -> Result<T, serde_json::Error>,
    ) -> Result<T, ImportError> {
        let shown = self.shown(e);
        let limit = cap.min(self.budget);
        let is_zip = matches!(self.parts[e.part], Part::Zip { .. });
        let inner: Box<dyn Read + '_> = match &mut self.parts[e.part] {
            Part::Zip { archive, .. } => {
                Box::new(archive.by_index(e.index).map_err(|err| ImportError::CorruptZip {
                    path: shown.clone(),
                    reason: err.to_string(),
                })?)
            }
            Part::Dir { root } => Box::new(open_regular(&root.join(&e.name), &shown)?),
        };
        let mut capped = Capped {
            inner: BufReader::with_capacity(64 * 1024, inner),
            left: limit,
            over: false,
            failed: None,
        };
        let result = f(&mut capped);
        let used = limit - capped.left;
        let (over, failed) = (capped.over, capped.failed.take());
        drop(capped);
        self.budget -= used;
        if over {
            return Err(ImportError::Bomb { path: shown, limit });
        }
        if let Some(reason) = failed {
            return Err(if is_zip {
                ImportError::CorruptZip { path: shown, reason }
            } else {
                ImportError::Unreadable { path: shown, reason }
            });
        }
        result.map_err(|err| ImportError::Json {
            path: shown,
            line: err.line(),
            column: err.column(),
            reason: super::strip_location(&err.to_string()),
        })
    }
}

/// A zip, or a clear reason why the file is not one.
fn open_zip(path: &Path, shown: &str) -> Result<ZipArchive<BufReader<File>>, ImportError> {
    let unreadable = |e: io::Error| ImportError::Unreadable {
        path: shown.to_owned(),
        reason: e.to_string(),
    };
    let mut file = open_regular(path, shown)?;
    let mut magic = [0u8; 4];
    let n = read_full(&mut file, &mut magic).map_err(unreadable)?;
    let looks_zip = n == 4 && magic[..2] == *b"PK";
    let named_zip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !looks_zip && !named_zip {
        return Err(ImportError::NotAnExport { path: shown.to_owned() });
    }
    file.seek(io::SeekFrom::Start(0)).map_err(unreadable)?;
    ZipArchive::new(BufReader::new(file)).map_err(|e| ImportError::CorruptZip {
        path: shown.to_owned(),
        reason: e.to_string(),
    })
}

/// `path` opened for reading, if it is a regular file. On Unix it is opened
/// without blocking, so a FIFO put in its place after the listing is
/// refused instead of waiting for a writer that never comes.
fn open_regular(path: &Path, shown: &str) -> Result<File, ImportError> {
    let unreadable = |e: io::Error| ImportError::Unreadable {
        path: shown.to_owned(),
        reason: e.to_string(),
    };
    let file = crate::platform::open_nonblocking(path).map_err(unreadable)?;
    if !file.metadata().map_err(unreadable)?.is_file() {
        return Err(ImportError::NotRegular { path: shown.to_owned() });
    }
    Ok(file)
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A name that would land outside the folder it was extracted to: `..`
/// parts, an absolute path or a drive letter. Nothing is ever extracted, but
/// a genuine export has no such name, so the archive is not trusted.
fn escapes(name: &str) -> bool {
    let name = name.replace('\\', "/");
    name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') || name.split('/').any(|part| part == "..")
}

/// The files under `dir`, as `/`-separated paths relative to the root.
/// Symbolic links are not followed (no loops, nothing outside the export).
fn walk(dir: &Path, rel: &str, depth: usize, out: &mut Vec<String>) -> io::Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut items: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    // Sorted, so which duplicate comes first does not depend on the file system.
    items.sort_by_key(|e| e.file_name());
    for item in items {
        let kind = item.file_type()?;
        let name = item.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if kind.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                walk(&item.path(), &path, depth + 1, out)?;
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// A reader that refuses to give more than `left` bytes, and remembers
/// whether it was stopped by the cap or by an error underneath.
struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
    failed: Option<String>,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte more than allowed tells "exactly at the cap" from "past it".
        let want = buf
            .len()
            .min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = match self.inner.read(&mut buf[..want]) {
            Ok(n) => n,
            Err(e) => {
                self.failed = Some(e.to_string());
                return Err(e);
            }
        };
        if n as u64 > self.left {
            self.over = true;
            return Err(io::Error::other("over the cap"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_climb_out_are_caught() {
        assert!(escapes("../etc/passwd"));
        assert!(escapes("a/../../b.json"));
        assert!(escapes("/abs/profile_information.json"));
        assert!(escapes("C:/x.json"));
        assert!(escapes("a\\..\\b"));
        assert!(!escapes(
            "personal_information/profile_information/profile_information.json"
        ));
        assert!(!escapes("a/..b/c..json"));
    }

    #[test]
    fn the_cap_stops_a_reader_past_it_and_not_at_it() {
        let data = [7u8; 100];
        let mut c = Capped {
            inner: &data[..],
            left: 100,
            over: false,
            failed: None,
        };
        let mut out = Vec::new();
        assert_eq!(c.read_to_end(&mut out).unwrap(), 100);
        assert!(!c.over);
        let mut c = Capped {
            inner: &data[..],
            left: 99,
            over: false,
            failed: None,
        };
        assert!(c.read_to_end(&mut Vec::new()).is_err());
        assert!(c.over);
    }

    #[test]
    fn messages_and_media_folders_are_skipped() {
        let e = |name: &str| Entry {
            part: 0,
            index: 0,
            name: name.into(),
        };
        assert!(e("your_facebook_activity/messages/inbox/a/your_posts_1.json").in_skipped_dir());
        assert!(!e("posts/your_posts_1.json").in_skipped_dir());
        assert_eq!(e("a/b/profile_information.json").base(), "profile_information.json");
    }
}
