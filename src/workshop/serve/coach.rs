//! The coach's routes (all behind the run's token): the page, the room's
//! overview (polled by the page), one participant's detail, removing a
//! row, the exports; and reading an export back (`serve --resume`).

use super::room::{self, Room};
use super::routes::{AppState, Coach, Shared, asset, attachment, blocking, handout_format, json_response, plain};
use super::{advice, form, qr};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::{Format, ProfileReport};
use crate::rules::engine::RuleSet;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};
use std::path::Path;

const COACH_HTML: &str = include_str!("assets/coach.html");

/// What an export says it is, checked by `--resume`.
const EXPORT_KIND: &str = "profilecheck-room";
const EXPORT_VERSION: u64 = 1;
/// A resume file larger than this is not an export of a bounded room.
const MAX_RESUME_BYTES: u64 = (room::MAX_SHARES * (room::MAX_SHARE_BYTES + 4096)) as u64;

pub(super) async fn page(_: Coach) -> Response {
    asset("text/html; charset=utf-8", COACH_HTML)
}

/// `f` on the room; `None` when a panic left its lock poisoned.
fn locked<T>(state: &AppState, f: impl FnOnce(&mut Room) -> T) -> Option<T> {
    state.room.lock().ok().map(|mut room| f(&mut room))
}

fn poisoned() -> Response {
    plain(StatusCode::INTERNAL_SERVER_ERROR, String::new())
}

/// The room as the coach's page shows it, polled every few seconds.
pub(super) async fn view(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let lang = asked.ui;
    let Some(mut view) = locked(&state, |room| room.overview(&state.rules, lang, room::now())) else {
        return poisoned();
    };
    view["lang"] = json!(lang.code());
    view["strings"] = form::strings(lang);
    view["address"] = json!(state.address);
    view["qr"] = qr::svg_path(&state.address);
    json_response(StatusCode::OK, &view)
}

/// One participant: name, score, the advice by step as their page shows it,
/// and their answers as the form's JSON.
pub(super) async fn participant(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let lang = asked.ui;
    let id = asked.id.unwrap_or_default();
    let found = locked(&state, |room| {
        room.get(&id).map(|s| (s.name.clone(), s.yaml.clone(), s.at))
    });
    let (name, yaml, at) = match found {
        Some(Some(share)) => share,
        Some(None) => return plain(StatusCode::NOT_FOUND, t!(lang, "serve-no-participant")),
        None => return poisoned(),
    };
    blocking(&state.clone(), move || {
        let lenient = state.check_lenient(yaml.as_bytes(), Some(lang));
        let answers = crate::profile::yaml::decode(yaml.as_bytes())
            .ok()
            .and_then(|text| crate::profile::yaml::parse(text).ok())
            .map(|tree| super::routes::to_json(&tree));
        let mut v = advice::view(&state.rules, &lenient, lang);
        v["id"] = json!(id);
        v["name"] = json!(name);
        v["ago"] = json!(room::now().saturating_sub(at));
        v["answers"] = answers.unwrap_or(Value::Null);
        json_response(StatusCode::OK, &v)
    })
    .await
}

/// Take a participant's row out of the room (the page asks the coach first).
pub(super) async fn remove(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let id = asked.id.unwrap_or_default();
    match locked(&state, |room| room.remove(&id)) {
        Some(true) => json_response(StatusCode::OK, &json!({ "removed": id })),
        Some(false) => plain(StatusCode::NOT_FOUND, t!(asked.ui, "serve-no-participant")),
        None => poisoned(),
    }
}

/// The room's handouts (HTML or Markdown, every shared profile in one
/// document) or the room itself (JSON: what `--resume` reads back), as a
/// download. This is the only way anything of the room reaches a disk.
pub(super) async fn export(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let lang = asked.ui;
    let Some((format, ctype, ext)) = handout_format(&asked) else {
        return plain(StatusCode::BAD_REQUEST, t!(lang, "serve-bad-format"));
    };
    let Some(shared) = locked(&state, |room| room.shares().into_iter().cloned().collect::<Vec<_>>()) else {
        return poisoned();
    };
    let out = blocking(&state.clone(), move || {
        if format == Format::Json {
            return serde_json::to_vec_pretty(&export_json(&shared, &state.rules, lang)).unwrap_or_default();
        }
        // Each profile is checked again in the language of the export, and
        // shown under the name its owner shared it as.
        let reports: Vec<ProfileReport> = shared
            .iter()
            .map(|s| {
                let mut r = state.check_lenient(s.yaml.as_bytes(), Some(lang)).report;
                r.name = s.name.clone();
                r
            })
            .collect();
        state.render(format, lang, &reports)
    })
    .await;
    let name = if format == Format::Json {
        "room.json".to_owned()
    } else {
        format!("room-handouts.{ext}")
    };
    attachment(ctype, &name, out)
}

/// The export: each participant (id, name, when, profile, score and the
/// rules missed) and the room's most missed by step.
fn export_json(shared: &[room::Share], rules: &RuleSet, lang: Lang) -> Value {
    let refs: Vec<&room::Share> = shared.iter().collect();
    let people: Vec<Value> = shared
        .iter()
        .map(|s| {
            let mut missed: Vec<&str> = Vec::new();
            for f in &s.report.findings {
                if !missed.contains(&f.rule.as_str()) {
                    missed.push(&f.rule);
                }
            }
            json!({
                "id": s.id,
                "name": s.name,
                "shared_at": s.at,
                "score": s.report.score,
                "missed": missed,
                "yaml": s.yaml,
            })
        })
        .collect();
    json!({
        "tool": "profilecheck",
        "export": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "lang": lang.code(),
        "exported_at": room::now(),
        "average": room::average(&refs),
        "participants": people,
        "missed": room::missed(&refs, rules, lang),
    })
}

/// Read a coach's export back into a room: every participant as they last
/// shared, checked again with the rules in force. Anything that is not such
/// an export is refused, located, and the room does not open.
pub fn resume(path: &Path, rules: &RuleSet, lang: Lang) -> Result<Room, String> {
    let shown = shown_path(path);
    let fail = |line: usize, col: usize, msg: String| format!("{shown}:{line}:{col}: error: {msg}");
    // The one bounded reader: opened without blocking, a regular file only, capped.
    let bytes = crate::platform::read_limited(path, MAX_RESUME_BYTES as usize).map_err(|e| match e {
        crate::platform::ReadError::Io(e) => fail(1, 1, t!(lang, "serve-resume-unreadable", error = e.to_string())),
        crate::platform::ReadError::Directory | crate::platform::ReadError::NotRegular => {
            fail(1, 1, t!(lang, "serve-resume-not-file"))
        }
        crate::platform::ReadError::TooLarge { .. } => fail(1, 1, t!(lang, "serve-resume-not-export")),
    })?;
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|e| fail(e.line(), e.column(), t!(lang, "serve-resume-not-json")))?;
    if value["tool"] != "profilecheck" || value["export"] != EXPORT_KIND || value["version"] != EXPORT_VERSION {
        return Err(fail(1, 1, t!(lang, "serve-resume-not-export")));
    }
    let Some(people) = value["participants"].as_array() else {
        return Err(fail(1, 1, t!(lang, "serve-resume-not-export")));
    };
    if people.len() > room::MAX_SHARES {
        return Err(fail(1, 1, t!(lang, "serve-resume-too-many", n = room::MAX_SHARES)));
    }
    let mut room = Room::default();
    for (i, p) in people.iter().enumerate() {
        let bad = || fail(1, 1, t!(lang, "serve-resume-bad-participant", n = i + 1));
        let (Some(id), Some(name), Some(yaml)) = (p["id"].as_str(), p["name"].as_str(), p["yaml"].as_str()) else {
            return Err(bad());
        };
        let name = room::clean_name(name);
        if !room::is_id(id) || name.is_empty() || yaml.len() > room::MAX_SHARE_BYTES {
            return Err(bad());
        }
        let report = crate::rules::engine::check_bytes_lenient(
            rules,
            "profile.yaml",
            yaml.as_bytes(),
            crate::rules::engine::LangChoice::default(),
        )
        .report;
        let at = p["shared_at"].as_u64().unwrap_or(0);
        room.share(Some(id), name, yaml.to_owned(), report, at)
            .map_err(|_| bad())?;
    }
    Ok(room)
}

/// A path as a terminal line may show it: no control character.
pub(super) fn shown_path(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}
