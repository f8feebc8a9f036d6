//! The room's memory: who shared with the coach, their profile and report.
//! Nothing here is written to disk; it is gone when the server stops.

use crate::report::ProfileReport;
use crate::rules::engine::RuleSet;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io;

/// At most this many participants can share (a room, not a crowd); the
/// memory it takes is bounded by this times the body limit.
pub const MAX_SHARES: usize = 300;
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

/// What one participant shared last.
#[derive(Debug, Clone)]
pub struct Share {
    pub name: String,
    pub yaml: String,
    pub report: ProfileReport,
    /// The order of first sharing, for a stable list.
    pub order: usize,
}

#[derive(Debug, Default)]
pub struct Room {
    /// By the participant's id (a random token the server hands out).
    shares: BTreeMap<String, Share>,
    next: usize,
}

/// Why a share was refused.
#[derive(Debug, PartialEq)]
pub enum Refused {
    Full,
}

impl Room {
    /// Record (or replace) a participant's share; returns their id.
    pub fn share(
        &mut self,
        id: Option<&str>,
        name: String,
        yaml: String,
        report: ProfileReport,
    ) -> Result<String, Refused> {
        let known = id.filter(|id| self.shares.contains_key(*id)).map(str::to_owned);
        let id = match known {
            Some(id) => id,
            None => {
                if self.shares.len() >= MAX_SHARES {
                    return Err(Refused::Full);
                }
                new_token().map_err(|_| Refused::Full)?
            }
        };
        let order = self.shares.get(&id).map_or_else(
            || {
                self.next += 1;
                self.next
            },
            |s| s.order,
        );
        self.shares.insert(
            id.clone(),
            Share {
                name,
                yaml,
                report,
                order,
            },
        );
        Ok(id)
    }

    /// The shares in the order people first shared.
    pub fn shares(&self) -> Vec<&Share> {
        let mut v: Vec<&Share> = self.shares.values().collect();
        v.sort_by_key(|s| s.order);
        v
    }

    /// The coach's view: who shared, their score, and the steps most missed
    /// ("what to teach next"), most missed first.
    pub fn overview(&self, rules: &RuleSet, lang: crate::i18n::Lang) -> Value {
        let shares = self.shares();
        let people: Vec<Value> = shares
            .iter()
            .map(|s| {
                json!({
                    "name": s.name,
                    "score": s.report.score,
                    "findings": s.report.findings.len(),
                    "errors": s.report.errors.len(),
                })
            })
            .collect();
        let scores: Vec<u32> = shares.iter().filter_map(|s| s.report.score).collect();
        let average = (!scores.is_empty()).then(|| {
            let sum: u32 = scores.iter().sum();
            (f64::from(sum) / scores.len() as f64).round() as u32
        });
        json!({
            "participants": people,
            "average": average,
            "missed": missed(&shares, rules, lang),
        })
    }
}

/// For each rule someone missed: how many of the valid shared profiles miss
/// it, most missed first, then by guide step and id.
pub fn missed(shares: &[&Share], rules: &RuleSet, lang: crate::i18n::Lang) -> Vec<Value> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in shares {
        for f in &s.report.findings {
            *counts.entry(f.rule.as_str()).or_default() += 1;
        }
    }
    let valid = shares.iter().filter(|s| s.report.score.is_some()).count();
    let mut rows: Vec<(&str, usize, Option<u32>)> = counts
        .into_iter()
        .map(|(id, n)| (id, n, rules.get(id).and_then(|r| r.step)))
        .collect();
    rows.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.2.unwrap_or(u32::MAX).cmp(&b.2.unwrap_or(u32::MAX)))
            .then(a.0.cmp(b.0))
    });
    rows.into_iter()
        .map(|(id, n, step)| {
            let rule = rules.get(id);
            json!({
                "rule": id,
                "title": rule.map(|r| r.title.get(lang)).unwrap_or(id),
                "step": step,
                "severity": rule.map(|r| r.severity.as_str()),
                "missed": n,
                "of": valid,
            })
        })
        .collect()
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

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 32);
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
            .share(None, "Ann".into(), "x".into(), report("photo: {set: true}\n"))
            .unwrap();
        room.share(None, "Bob".into(), "y".into(), report("{}\n")).unwrap();
        let again = room
            .share(Some(&ann), "Ann B.".into(), "z".into(), report("{}\n"))
            .unwrap();
        assert_eq!(again, ann);
        let names: Vec<&str> = room.shares().iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ann B.", "Bob"]);
        // An id the room never gave out is a new participant, not a takeover.
        let other = room
            .share(Some("forged"), "Eve".into(), "w".into(), report("{}\n"))
            .unwrap();
        assert_ne!(other, "forged");
        assert_eq!(room.shares().len(), 3);
    }

    #[test]
    fn the_most_missed_step_comes_first() {
        let mut room = Room::default();
        room.share(None, "A".into(), String::new(), report("photo: {set: true}\n"))
            .unwrap();
        room.share(None, "B".into(), String::new(), report("photo: {set: false}\n"))
            .unwrap();
        let view = room.overview(&RuleSet::builtin(), Lang::En);
        let missed = view["missed"].as_array().unwrap();
        let photo = missed.iter().find(|m| m["rule"] == "photo-set").unwrap();
        assert_eq!(photo["missed"], 1);
        assert_eq!(photo["of"], 2);
        let top = missed[0]["missed"].as_u64().unwrap();
        assert!(missed.iter().all(|m| m["missed"].as_u64().unwrap() <= top));
        assert_eq!(missed[0]["missed"], 2);
    }

    #[test]
    fn the_room_is_bounded() {
        let mut room = Room::default();
        let r = report("{}\n");
        for i in 0..MAX_SHARES {
            room.share(None, format!("p{i}"), String::new(), r.clone()).unwrap();
        }
        assert_eq!(room.share(None, "late".into(), String::new(), r), Err(Refused::Full));
    }
}
