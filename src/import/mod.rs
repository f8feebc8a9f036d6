//! `profilecheck import`: a profile from the person's own Facebook export
//! ("Download your information", JSON format), docs/cli.md, import.
//!
//! Only two kinds of files are ever opened, found by name under any folder
//! so every layout since 2018 works: `profile_information.json` and the
//! `your_posts*.json` files. Conversations, photos and videos (most of an
//! export) are never read, so the run takes about as long for a 2 GB export
//! as for a small one. Nothing leaves the machine and nothing is extracted
//! to disk. The library never prints: it returns what it derived and what it
//! read, and the command line says so.

mod derive;
mod facebook;
mod repair;
mod source;
mod yaml;

pub use repair::repair;

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::workshop::write::Ans;
use source::{Entry, Export};
use std::path::PathBuf;

/// Most that one `profile_information.json` may inflate to (real ones are a
/// few kilobytes).
const PROFILE_CAP: u64 = 16 << 20;
/// Most that one posts file may inflate to (Facebook splits posts into files
/// of 10,000 records, a few megabytes each). The JSON reader holds a text
/// whole while reading it, so this also bounds the memory one text takes.
const POSTS_CAP: u64 = 128 << 20;
/// Most inflated bytes for the whole run, whatever the archives declare.
const BUDGET: u64 = 1 << 30;

/// What to import and as of when.
#[derive(Debug, Clone)]
pub struct Options {
    /// The export: zips (parts of one export) or unpacked folders.
    pub paths: Vec<PathBuf>,
    /// The day the posting window ends (excluded), as days since 1970-01-01.
    pub as_of: i64,
}

/// A field the export could tell, with where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Derived {
    pub(crate) path: &'static str,
    pub(crate) value: Ans,
    /// The files it was read from, inside the export.
    pub(crate) files: Vec<String>,
    /// The keys (or the computation) it was read from.
    pub(crate) how: derive::How,
}

/// One file the importer opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRead {
    /// Where it is: `part.zip:path/in/zip` or `folder/path`.
    pub shown: String,
    /// What it held.
    pub kind: FileKind,
}

/// The two kinds of files an import opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// `profile_information.json`.
    Profile,
    /// A posts file.
    Posts {
        /// Records in it, duplicates and posts outside the window included.
        records: usize,
    },
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    pub(crate) derived: Vec<Derived>,
    /// Every file opened, in the order read.
    pub read: Vec<FileRead>,
    /// Files in the export (all parts), listed but not opened.
    pub listed: usize,
    /// Distinct posts (after removing duplicates across parts) in the window.
    pub posts_in_window: usize,
    /// The posts window: its first and last days, as YYYY-MM-DD.
    pub window: (String, String),
    /// A second `profile_information.json` (another part) that was not used.
    pub extra_profiles: usize,
    /// No `profile_information.json` in any part given (or one without a profile in it).
    pub no_profile: bool,
    /// The account's login e-mail and the file it was read from: never
    /// written as `contact.email` (the address shown on the profile), only
    /// mentioned beside that question.
    pub(crate) login_email: Option<(String, String)>,
}

impl Import {
    /// Dotted paths of the fields the export told, in the format's order.
    pub fn derived_paths(&self) -> Vec<&str> {
        self.derived.iter().map(|d| d.path).collect()
    }

    /// The profile YAML, comments and questions in `lang`; `file` is the
    /// name it will be saved as, for the commands its header suggests.
    pub fn to_yaml(&self, lang: Lang, file: &str) -> String {
        yaml::render(self, lang, file)
    }
}

/// Why an export could not be imported. `path` is where: an export as
/// given on the command line, or `part.zip:path/in/zip` for one of its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// A path that cannot be read (missing, no permission, an I/O error).
    Unreadable {
        /// Where.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// A pipe, socket or device: never opened for reading, which could block.
    NotRegular {
        /// Where.
        path: String,
    },
    /// Neither a zip nor a folder holding a Facebook export.
    NotAnExport {
        /// Where.
        path: String,
    },
    /// The HTML variant of the export.
    Html {
        /// Where.
        path: String,
    },
    /// A zip that cannot be read, or whose data fails its checks.
    CorruptZip {
        /// Where.
        path: String,
        /// The zip reader's reason.
        reason: String,
    },
    /// An entry inflates past the cap.
    Bomb {
        /// Where.
        path: String,
        /// The cap, in bytes.
        limit: u64,
    },
    /// An entry name with `..` or an absolute path.
    UnsafeName {
        /// Where.
        path: String,
        /// The entry's name.
        name: String,
    },
    /// A JSON file of the export does not parse, or has an unexpected shape.
    Json {
        /// Where.
        path: String,
        /// 1-based line in that file.
        line: usize,
        /// 1-based column in that file.
        column: usize,
        /// The JSON reader's reason.
        reason: String,
    },
}

impl ImportError {
    /// `WHERE: error: MESSAGE`, one line, in `lang` (the keyword stays
    /// `error`, as in every located message of the tool, for editors and CI).
    pub fn render(&self, lang: Lang) -> String {
        let clean = |s: &str| crate::i18n::one_line(s).into_owned();
        let (at, msg) = match self {
            ImportError::Unreadable { path, reason } => (
                path.clone(),
                t!(lang, "import-error-unreadable", reason = clean(reason)),
            ),
            ImportError::NotRegular { path } => (path.clone(), t!(lang, "import-error-not-regular")),
            ImportError::NotAnExport { path } => (path.clone(), t!(lang, "import-error-not-export")),
            ImportError::Html { path } => (path.clone(), t!(lang, "import-error-html")),
            ImportError::CorruptZip { path, reason } => (
                path.clone(),
                t!(lang, "import-error-corrupt-zip", reason = clean(reason)),
            ),
            ImportError::Bomb { path, limit } => (path.clone(), t!(lang, "import-error-bomb", mib = limit >> 20)),
            ImportError::UnsafeName { path, name } => {
                (path.clone(), t!(lang, "import-error-unsafe-name", name = clean(name)))
            }
            ImportError::Json {
                path,
                line,
                column,
                reason,
            } => (
                format!("{path}:{line}:{column}"),
                t!(lang, "import-error-json", reason = clean(reason)),
            ),
        };
        format!("{}: error: {msg}", clean(&at))
    }
}

/// serde_json's message without its " at line L column C" tail, since the
/// location is printed in front.
pub(crate) fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Which of the files the importer wants an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Profile,
    Posts,
}

fn wanted(e: &Entry) -> Option<Wanted> {
    if e.in_skipped_dir() {
        return None;
    }
    let base = e.base();
    if base == "profile_information.json" {
        Some(Wanted::Profile)
    } else if base.starts_with("your_posts") && base.ends_with(".json") {
        Some(Wanted::Posts)
    } else {
        None
    }
}

/// The same names in the HTML variant (and its start page).
fn html_twin(e: &Entry) -> bool {
    let base = e.base();
    base == "profile_information.html"
        || (base.starts_with("your_posts") && base.ends_with(".html"))
        || base == "start_here.html"
        // The start page of older HTML exports, at the top or in the one folder the zip holds.
        || (base == "index.html" && e.name.matches('/').count() <= 1)
}

/// Read the export and derive every field it can tell.
pub fn import(opts: &Options) -> Result<Import, ImportError> {
    let (mut export, entries) = Export::open(&opts.paths, BUDGET)?;
    let profiles: Vec<&Entry> = entries.iter().filter(|e| wanted(e) == Some(Wanted::Profile)).collect();
    let posts: Vec<&Entry> = entries.iter().filter(|e| wanted(e) == Some(Wanted::Posts)).collect();
    let first_path = || opts.paths.first().map(|p| p.display().to_string()).unwrap_or_default();
    if profiles.is_empty() && posts.is_empty() {
        if let Some(e) = entries.iter().find(|e| html_twin(e)) {
            return Err(ImportError::Html {
                path: export.part_name(e),
            });
        }
        return Err(ImportError::NotAnExport { path: first_path() });
    }
    let mut read = Vec::new();
    let mut profile = None;
    // Parts may each carry a copy; the first one read (in the order given) is used.
    if let Some(e) = profiles.first() {
        let root = export.read(e, PROFILE_CAP, facebook::profile_root)?;
        read.push(FileRead {
            shown: export.shown(e),
            kind: FileKind::Profile,
        });
        profile = Some((e.name.clone(), root));
    }
    let window = derive::Window::before(opts.as_of);
    let root = profile.as_ref().and_then(|(_, root)| root.as_ref());
    let mut collector = derive::Posts::new(window, derive::own_hosts(root));
    for e in &posts {
        let before = collector.records;
        export.read(e, POSTS_CAP, |r| facebook::posts(r, &mut |p| collector.add(p)))?;
        read.push(FileRead {
            shown: export.shown(e),
            kind: FileKind::Posts {
                records: collector.records - before,
            },
        });
    }
    let post_files: Vec<&str> = posts.iter().map(|e| e.name.as_str()).collect();
    let derived = derive::fields(profile.as_ref(), &collector, &post_files);
    let no_profile = !matches!(profile, Some((_, Some(_))));
    let login_email = match &profile {
        Some((file, Some(root))) => derive::login_email(root).map(|e| (file.clone(), e)),
        _ => None,
    };
    Ok(Import {
        login_email,
        derived,
        read,
        listed: entries.len(),
        posts_in_window: collector.in_window(),
        window: (date(window.start_day), date(window.end_day - 1)),
        extra_profiles: profiles.len().saturating_sub(1),
        no_profile,
    })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, or None.
pub fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d == 0 || d > len[m as usize - 1] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
pub fn date(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Today (UTC), as days since 1970-01-01.
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    secs.div_euclid(86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_refuse_nonsense() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2026-12-01"), Some(20_788));
        for d in ["2024-02-29", "2000-03-01", "1999-12-31", "2026-06-30"] {
            assert_eq!(date(parse_date(d).unwrap()), d);
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-00",
            "today",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn json_messages_lose_their_location_tail() {
        assert_eq!(
            strip_location("EOF while parsing a list at line 3 column 1"),
            "EOF while parsing a list"
        );
        assert_eq!(strip_location("expected value"), "expected value");
    }
}
