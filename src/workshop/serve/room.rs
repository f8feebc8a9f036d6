//! The room's memory: who shared with the coach, their profile and report.
//! Nothing here is written to disk; it is gone when the server stops, unless
//! the coach exports it (and brings it back with `serve --resume`).

use super::advice;
use crate::i18n::catalog::t;
use crate::report::ProfileReport;
use crate::rules::engine::RuleSet;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io;

/// At most this many participants can share (a room, not a crowd); the
/// memory it takes is bounded by this times [`MAX_SHARE_BYTES`].
pub const MAX_SHARES: usize = 500;
/// A shared profile is at most this long: the form writes a few KiB.
pub const MAX_SHARE_BYTES: usize = 64 * 1024;
/// A shared name is cut to this many characters.
pub const MAX_NAME: usize = 80;

/// A random token of 128 bits, in hex, from the system's generator.
pub fn new_token() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compare a presented token with the real one without stopping at the
/// first difference, so the time taken does not tell how much matched.
pub fn same_token(given: &str, real: &str) -> bool {
    given.len() == real.len() && given.bytes().zip(real.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// A participant's id as the page draws it (128 random bits in hex, kept in
/// the browser for every tab): anything else is not an id.
pub fn is_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A name as the coach's screen shows it: no control characters, no line
/// breaks, single spaces, at most [`MAX_NAME`] characters.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() || is_invisible(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME)
        .collect()
}

/// Format characters that turn text around or hide it (bidi overrides,
/// zero-width characters, the byte-order mark).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Seconds since 1970, for "shared 2 min ago" and the export.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// What one participant shared last.
#[derive(Debug, Clone)]
pub struct Share {
    pub id: String,
    pub name: String,
    pub yaml: String,
    pub report: ProfileReport,
    /// The order of first sharing, for a stable list.
    pub order: usize,
    /// When they last shared (seconds since 1970).
    pub at: u64,
}

#[derive(Debug, Default)]
pub struct Room {
    /// By the participant's id (drawn by their browser).
    shares: BTreeMap<String, Share>,
    next: usize,
}

/// Why a share was refused.
#[derive(Debug, PartialEq)]
pub enum Refused {
    Full,
}

impl Room {
    /// Record (or replace) a participant's share; returns their id. An id
    /// that is not one the page draws gets a new one.
    pub fn share(
        &mut self,
        id: Option<&str>,
        name: String,
        yaml: String,
        report: ProfileReport,
        at: u64,
    ) -> Result<String, Refused> {
        let id = match id.filter(|id| is_id(id)) {
            Some(id) => id.to_owned(),
            None => new_token().map_err(|_| Refused::Full)?,
        };
        let order = match self.shares.get(&id) {
            Some(s) => s.order,
            None if self.shares.len() >= MAX_SHARES => return Err(Refused::Full),
            None => {
                self.next += 1;
                self.next
            }
        };
        let share = Share {
            id: id.clone(),
            name,
            yaml,
            report,
            order,
            at,
        };
        self.shares.insert(id.clone(), share);
        Ok(id)
    }

    /// Take a participant out of the room; false when there was none.
    pub fn remove(&mut self, id: &str) -> bool {
        self.shares.remove(id).is_some()
    }

    /// One participant's share.
    pub fn get(&self, id: &str) -> Option<&Share> {
        self.shares.get(id)
    }

    /// The shares in the order people first shared.
    pub fn shares(&self) -> Vec<&Share> {
        let mut v: Vec<&Share> = self.shares.values().collect();
        v.sort_by_key(|s| s.order);
        v
    }

    /// The coach's view: who shared (with how many guide steps done and how
    /// long ago), the average, and the rules most missed by guide step.
    pub fn overview(&self, rules: &RuleSet, lang: crate::i18n::Lang, now: u64) -> Value {
        let shares = self.shares();
        let people: Vec<Value> = shares
            .iter()
            .map(|s| {
                let (done, total) = advice::steps_done(rules, &s.report);
                json!({
                    "id": s.id,
                    "name": s.name,
                    "score": s.report.score,
                    "steps_done": done,
                    "steps_total": total,
                    "at": s.at,
                    "ago": now.saturating_sub(s.at),
                })
            })
            .collect();
        json!({
            "participants": people,
            "average": average(&shares),
            "missed": missed(&shares, rules, lang),
        })
    }
}

/// The rounded mean score of the valid shares.
pub fn average(shares: &[&Share]) -> Option<u32> {
    let scores: Vec<u32> = shares.iter().filter_map(|s| s.report.score).collect();
    (!scores.is_empty()).then(|| {
        let sum: u32 = scores.iter().sum();
        (f64::from(sum) / scores.len() as f64).round() as u32
    })
}

/// The rules someone missed, grouped by guide step in guide order (the
/// rules of no step last), each with how many of the scored profiles miss
/// it; inside a step, most missed first, then the pack's order.
pub fn missed(shares: &[&Share], rules: &RuleSet, lang: crate::i18n::Lang) -> Vec<Value> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in shares {
        let mut seen: Vec<&str> = s.report.findings.iter().map(|f| f.rule.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for rule in seen {
            *counts.entry(rule).or_default() += 1;
        }
    }
    let valid = shares.iter().filter(|s| s.report.score.is_some()).count();
    let mut groups: Vec<Value> = Vec::new();
    for (step, title) in advice::step_groups(rules, lang) {
        let mut rows: Vec<(usize, usize, &crate::rules::pack::Rule)> = rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| advice::group_of(rules, r) == step)
            .filter_map(|(i, r)| counts.get(r.id.as_str()).map(|n| (*n, i, r)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let items: Vec<Value> = rows
            .iter()
            .map(|(n, _, r)| {
                json!({
                    "rule": r.id,
                    "title": r.title.get(lang),
                    "severity": r.severity.as_str(),
                    "missed": n,
                    "of": valid,
                    // Worded here, where the catalogue's plural rules apply.
                    "count_text": t!(lang, "serve-coach-missed-count", n = *n, of = valid),
                })
            })
            .collect();
        groups.push(json!({ "step": step, "title": title, "rules": items }));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::rules::engine::{LangChoice, check_bytes};

    fn report(yaml: &str) -> ProfileReport {
        check_bytes(
            &RuleSet::builtin(),
            "profile.yaml",
            yaml.as_bytes(),
            LangChoice::default(),
        )
    }

    const A: &str = "0123456789abcdef0123456789abcdef";
    const B: &str = "fedcba9876543210fedcba9876543210";

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 32);
        assert!(is_id(&a));
        assert_ne!(a, b);
        assert!(same_token(&a, &a.clone()));
        assert!(!same_token(&a, &b));
        assert!(!same_token(&a[..31], &a));
        assert!(!same_token("", &a));
    }

    #[test]
    fn sharing_again_replaces_and_keeps_the_place() {
        let mut room = Room::default();
        let ann = room
            .share(Some(A), "Ann".into(), "x".into(), report("photo: {set: true}\n"), 10)
            .unwrap();
        assert_eq!(ann, A);
        room.share(Some(B), "Bob".into(), "y".into(), report("{}\n"), 11)
            .unwrap();
        let again = room
            .share(Some(A), "Ann B.".into(), "z".into(), report("{}\n"), 20)
            .unwrap();
        assert_eq!(again, A);
        let names: Vec<&str> = room.shares().iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ann B.", "Bob"]);
        assert_eq!(room.get(A).unwrap().at, 20);
        // What is not an id the page draws is a new participant.
        let other = room
            .share(Some("forged"), "Eve".into(), "w".into(), report("{}\n"), 21)
            .unwrap();
        assert_ne!(other, "forged");
        assert_eq!(room.shares().len(), 3);
        let view = room.overview(&RuleSet::builtin(), Lang::En, 100);
        assert_eq!(view["participants"][0]["ago"], 80);
        assert_eq!(view["participants"][0]["steps_total"], 7);
    }

    #[test]
    fn removing_a_row_moves_the_average() {
        let mut room = Room::default();
        room.share(Some(A), "A".into(), String::new(), report("photo: {set: true}\n"), 0)
            .unwrap();
        room.share(Some(B), "B".into(), String::new(), report("{}\n"), 0)
            .unwrap();
        let both = room.overview(&RuleSet::builtin(), Lang::En, 0)["average"]
            .as_u64()
            .unwrap();
        assert!(room.remove(B));
        assert!(!room.remove(B));
        let one = room.overview(&RuleSet::builtin(), Lang::En, 0)["average"]
            .as_u64()
            .unwrap();
        assert_eq!(Some(one), report("photo: {set: true}\n").score.map(u64::from));
        assert_ne!(both, one);
    }

    #[test]
    fn the_most_missed_are_grouped_by_step_in_guide_order() {
        let mut room = Room::default();
        room.share(Some(A), "A".into(), String::new(), report("photo: {set: true}\n"), 0)
            .unwrap();
        room.share(Some(B), "B".into(), String::new(), report("photo: {set: false}\n"), 0)
            .unwrap();
        let view = room.overview(&RuleSet::builtin(), Lang::En, 0);
        let groups = view["missed"].as_array().unwrap();
        let steps: Vec<u64> = groups.iter().map(|g| g["step"].as_u64().unwrap()).collect();
        assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
        assert_eq!(steps[0], 1);
        assert!(groups[0]["title"].as_str().unwrap().starts_with("Step 1 · "));
        let photo = groups[0]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["rule"] == "photo-set")
            .unwrap();
        assert_eq!(photo["missed"], 1);
        assert_eq!(photo["of"], 2);
        for g in groups {
            let counts: Vec<u64> = g["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["missed"].as_u64().unwrap())
                .collect();
            assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        }
    }

    #[test]
    fn the_room_is_bounded_and_names_are_cleaned() {
        let mut room = Room::default();
        let r = report("{}\n");
        for _ in 0..MAX_SHARES {
            room.share(None, "p".into(), String::new(), r.clone(), 0).unwrap();
        }
        assert_eq!(
            room.share(None, "late".into(), String::new(), r.clone(), 0),
            Err(Refused::Full)
        );
        // Someone already in the room can still share again.
        let first = room.shares()[0].id.clone();
        assert!(room.share(Some(&first), "p".into(), String::new(), r, 1).is_ok());
        assert_eq!(clean_name("  Ann\n\t<b>\u{202E}Lee\u{200B} "), "Ann <b> Lee");
        assert_eq!(clean_name(&"é".repeat(200)).chars().count(), MAX_NAME);
    }
}
