//! Writing YAML text for people: values quoted so they read back as
//! written, numbers as YAML writes them. Shared by the
//! template, the interview and every other writer of profiles; and answers
//! filled into an existing profile's text in place, so its comments,
//! layout and open questions stay as they were.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{Key, Node, Value};
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::Path;

/// A number as YAML writes it: `0`, not `0.0`, when it is whole.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A YAML double-quoted string: safe for any text, whatever it looks like
/// (`yes`, `null`, `#tag`, `: `, leading spaces), since nothing is left to
/// the plain-scalar rules.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            // Other C0 and C1 controls, DEL, line/paragraph separators and the
            // byte-order mark are not printable in YAML: escape them.
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value to write under a key, typed by the field it fills: what the
/// interview records and what the importer derives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ans {
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    List(Vec<String>),
    Items(Vec<Vec<(&'static str, Ans)>>),
    /// Flow YAML written as it is (a free-form section kept from a file).
    Raw(String),
}

/// `key: value` at `indent`, as block YAML (lists one item per line).
pub(crate) fn write_value(out: &mut String, key: &str, a: &Ans, indent: usize) {
    let pad = " ".repeat(indent);
    match a {
        Ans::Bool(b) => {
            let _ = writeln!(out, "{pad}{key}: {b}");
        }
        Ans::Int(i) => {
            let _ = writeln!(out, "{pad}{key}: {i}");
        }
        Ans::Num(x) => {
            let _ = writeln!(out, "{pad}{key}: {}", number(*x));
        }
        Ans::Str(s) => {
            let _ = writeln!(out, "{pad}{key}: {}", quote(s));
        }
        Ans::List(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for it in items {
                let _ = writeln!(out, "{pad}  - {}", quote(it));
            }
        }
        Ans::Raw(text) => {
            let _ = writeln!(out, "{pad}{key}: {text}");
        }
        Ans::Items(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for item in items {
                let mut first = true;
                for (k, v) in item {
                    let mut line = String::new();
                    write_value(&mut line, k, v, 0);
                    let lead = if first { "- " } else { "  " };
                    first = false;
                    let _ = write!(out, "{pad}  {lead}{line}");
                }
            }
        }
    }
}

/// Write `text` to `dest`, which must not exist: the file is written
/// beside it under a temporary name, then moved into place only if nothing
/// is at `dest` by then (`persist_noclobber`: an atomic link or rename that
/// fails on an existing name, a dangling symlink included). A file that
/// appeared while an interview or an import ran is kept, and the error
/// (`AlreadyExists`) says so in `lang`.
pub fn create_new(dest: &Path, text: &[u8], lang: Lang) -> io::Result<()> {
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", dest.display()));
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(named)?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    // A profile is meant to be shared: 0666 less the umask, not tempfile's 0600.
    let mut tmp = crate::platform::report_tempfile(dir, &prefix).map_err(named)?;
    tmp.write_all(text).map_err(named)?;
    tmp.as_file().sync_all().map_err(named)?;
    match tmp.persist_noclobber(dest) {
        Ok(_) => Ok(()),
        // The temporary file is removed as the error drops.
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            t!(
                lang,
                "write-appeared",
                path = crate::i18n::one_line(&dest.display().to_string()).into_owned()
            ),
        )),
        Err(e) => Err(named(e.error)),
    }
}

/// Whether some answer lies at or under `path`.
fn answered_under(answers: &[(String, Ans)], path: &str) -> bool {
    answers
        .iter()
        .any(|(p, _)| p == path || p.strip_prefix(path).is_some_and(|rest| rest.starts_with('.')))
}

/// The `answers` (by dotted path) that fall under `fields`, as block YAML at
/// `indent`, in the format's order; sections only when something is in them.
pub(crate) fn write_fields(out: &mut String, fields: &[Field], prefix: &str, indent: usize, answers: &[(String, Ans)]) {
    let pad = " ".repeat(indent);
    for field in fields {
        let path = if prefix.is_empty() {
            field.key.to_owned()
        } else {
            format!("{prefix}.{}", field.key)
        };
        if !answered_under(answers, &path) {
            continue;
        }
        match (field.kind, answers.iter().find(|(p, _)| *p == path).map(|(_, a)| a)) {
            (Kind::Obj(children), _) => {
                let _ = writeln!(out, "{pad}{}:", field.key);
                write_fields(out, children, &path, indent + 2, answers);
            }
            (_, Some(a)) => write_value(out, field.key, a, indent),
            _ => {}
        }
    }
}

// ------------------------------------------------------------ answers filled in place

/// Lines to put into the text: `replace` the line at `line` (when set) and
/// insert `lines` after it. Edits are applied bottom up, so the line numbers
/// read from the parse stay right.
struct Edit {
    line: usize,
    replace: Option<String>,
    lines: Vec<String>,
}

/// `text` with `answers` written in at their keys, every other byte kept:
/// comments, blank lines, the order and the questions left open. An empty
/// key (`bio:`, `bio: ""`, `keywords: []`) gets the value after its colon (a
/// list's items on the lines below); a key the text lacks is added at the
/// end of its section, or a missing section at the end of the file. None
/// when the text is laid out in a way this does not edit (flow sections, a
/// key that already has a value, CR-only line ends): the caller then writes
/// the answers anew.
pub(crate) fn fill_in_place(text: &str, answers: &[(String, Ans)]) -> Option<String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    if body.replace("\r\n", "").contains('\r') {
        return None;
    }
    let root = crate::profile::yaml::parse(body).ok()?;
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = body.lines().map(str::to_owned).collect();
    let mut edits = Vec::new();
    let mut new_sections = Vec::new();
    for (path, answer) in answers {
        match path.split_once('.') {
            // The language an interview runs in replaces the file's.
            None => match root.entry(path) {
                Some((key, node)) => edits.push(set(&lines, key, node, answer, path == "lang")?),
                None => new_sections.push((path.clone(), answer.clone())),
            },
            Some((section, key)) => match root.entry(section) {
                None => new_sections.push((path.clone(), answer.clone())),
                Some((skey, snode)) => edits.push(set_in_section(&lines, skey, snode, key, answer)?),
            },
        }
    }
    // Bottom up; at one place, in the order the answers came.
    edits.sort_by_key(|e| std::cmp::Reverse(e.line));
    let mut at_line: Vec<Edit> = Vec::new();
    for e in edits {
        apply_group(&mut lines, &mut at_line, e);
    }
    apply_group(
        &mut lines,
        &mut at_line,
        Edit {
            line: usize::MAX,
            replace: None,
            lines: Vec::new(),
        },
    );
    let mut out = String::from(bom);
    for line in &lines {
        out.push_str(line);
        out.push_str(eol);
    }
    if !new_sections.is_empty() {
        let mut added = String::new();
        write_fields(&mut added, schema::PROFILE, "", 0, &new_sections);
        for line in added.lines() {
            out.push_str(line);
            out.push_str(eol);
        }
    }
    Some(out)
}

/// Edits at the same line are applied together (several keys added at the
/// end of one section keep their order); a new line number flushes them.
fn apply_group(lines: &mut Vec<String>, group: &mut Vec<Edit>, next: Edit) {
    if group.first().is_some_and(|g| g.line != next.line) {
        let line = group[0].line;
        let mut inserted = Vec::new();
        // A value set on the line (and its list items) comes before keys added after it.
        group.sort_by_key(|e| e.replace.is_none());
        for e in group.drain(..) {
            if let Some(r) = e.replace {
                lines[line] = r;
            }
            inserted.extend(e.lines);
        }
        lines.splice(line + 1..line + 1, inserted);
    }
    if next.line != usize::MAX {
        group.push(next);
    }
}

/// The byte offset of 1-based character column `col` in `line`.
fn byte_at(line: &str, col: u32) -> Option<usize> {
    let col = col.checked_sub(1)? as usize;
    match line.char_indices().nth(col) {
        Some((i, _)) => Some(i),
        None if line.chars().count() == col => Some(line.len()),
        None => None,
    }
}

/// The value of an empty `key` set to `answer`, on its own line (and the
/// lines below for a list).
fn set(lines: &[String], key: &Key, node: &Node, answer: &Ans, overwrite: bool) -> Option<Edit> {
    let empty = match &node.value {
        Value::Null => true,
        Value::Str(s) => s.trim().is_empty() || overwrite,
        Value::Seq(items) => items.is_empty(),
        _ => false,
    };
    if !empty || !key.is_scalar {
        return None;
    }
    let at = key.pos.line.checked_sub(1)? as usize;
    let line = lines.get(at)?;
    let key_end = byte_at(line, key.pos.col + key.len)?;
    let colon = key_end + line[key_end..].find(':')?;
    if !line[key_end..colon].trim().is_empty() {
        return None;
    }
    // What follows the colon, without the empty value if it is written.
    let mut rest = line[colon + 1..].to_owned();
    if node.len > 0 {
        if node.pos.line != key.pos.line {
            return None;
        }
        let (from, to) = (byte_at(line, node.pos.col)?, byte_at(line, node.pos.col + node.len)?);
        if from <= colon {
            return None;
        }
        rest = format!("{}{}", &line[colon + 1..from], &line[to..]);
    }
    let trimmed = rest.trim();
    if !trimmed.is_empty() && !trimmed.starts_with('#') {
        return None;
    }
    let comment = if trimmed.is_empty() {
        String::new()
    } else {
        format!(" {}", rest.trim_start())
    };
    let indent = key.pos.col as usize - 1;
    let mut written = String::new();
    write_value(&mut written, "k", answer, indent);
    let mut new = written.lines();
    let first = new.next()?;
    let value = first.split_once(':').map(|(_, v)| v).unwrap_or_default();
    Some(Edit {
        line: at,
        replace: Some(format!("{}{value}{comment}", &line[..=colon])),
        lines: new.map(str::to_owned).collect(),
    })
}

/// `section.key` set to `answer`: in place when the key is there and empty,
/// else added at the end of the section (a block mapping, or an empty one).
fn set_in_section(lines: &[String], skey: &Key, section: &Node, key: &str, answer: &Ans) -> Option<Edit> {
    let start = skey.pos.line.checked_sub(1)? as usize;
    match &section.value {
        Value::Map(entries) => {
            if let Some((k, node)) = section.entry(key) {
                return set(lines, k, node, answer, false);
            }
            // A flow mapping (`about: {city: X}`) is not edited in place.
            let first = &entries.first()?.0;
            if first.pos.line <= skey.pos.line {
                return None;
            }
            let indent = first.pos.col as usize - 1;
            let mut written = String::new();
            write_value(&mut written, key, answer, indent);
            Some(Edit {
                line: section_end(lines, start, skey.pos.col as usize - 1),
                replace: None,
                lines: written.lines().map(str::to_owned).collect(),
            })
        }
        Value::Null => {
            let line = lines.get(start)?;
            let after = &line[byte_at(line, skey.pos.col + skey.len)?..];
            let after = after.trim_start().strip_prefix(':')?.trim();
            if !after.is_empty() && !after.starts_with('#') {
                return None;
            }
            let mut written = String::new();
            write_value(&mut written, key, answer, skey.pos.col as usize + 1);
            Some(Edit {
                line: start,
                replace: None,
                lines: written.lines().map(str::to_owned).collect(),
            })
        }
        _ => None,
    }
}

/// The last line of the block that starts at `start` with a key at
/// `indent`: the last line below it, before the next line at that indent
/// or less, that is more indented and not a comment or blank.
fn section_end(lines: &[String], start: usize, indent: usize) -> usize {
    let mut end = start;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let content = line.trim_start();
        if content.is_empty() {
            continue;
        }
        let own = line.len() - content.len();
        if own <= indent {
            break;
        }
        if !content.starts_with('#') {
            end = i;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_an_existing_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("sub/profile.yaml");
        create_new(&dest, b"name: A\n", Lang::En).unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "name: A\n");
        // It appeared meanwhile: kept as it is, and no temporary file left.
        let e = create_new(&dest, b"name: B\n", Lang::En).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert!(e.to_string().contains("--force"), "{e}");
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "name: A\n");
        assert_eq!(std::fs::read_dir(dest.parent().unwrap()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_never_followed() {
        // A dangling symlink is something at that name too.
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(dir.path().join("elsewhere.yaml"), &link).unwrap();
        assert!(create_new(&link, b"x", Lang::En).is_err());
        assert!(!dir.path().join("elsewhere.yaml").exists());
    }
}
