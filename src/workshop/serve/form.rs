//! What the participant's page is built from, as JSON: the form (the
//! interview's questions by guide step, each field's kind, bounds and
//! choices read from `schema.rs`), the rules' titles and fix steps, and the
//! page's own words from the catalogue. The page has no copy of the format,
//! so the form cannot drift from `init`, the interview and the JSON Schema.

use crate::i18n::Lang;
use crate::i18n::catalog::{ids_with_prefix, message, t};
use crate::profile::schema::{self, Field, Kind};
use crate::rules::engine::RuleSet;
use crate::workshop::interview::{Gate, Q, QUESTIONS, Sub};
use serde_json::{Map, Value, json};

/// The whole description of the page in `lang`.
pub(crate) fn describe(rules: &RuleSet, lang: Lang) -> Value {
    // The interview's questions are message ids: the same words as `init -i`,
    // unless the page has its own (a terminal's "press Enter when done" has
    // no place on a page).
    let own = ids_with_prefix("page-ask-");
    let label = |id: &str| {
        let page_id = format!("page-{id}");
        match own.iter().find(|o| **o == page_id) {
            Some(o) => message(lang, o, None),
            None => message(lang, id, None),
        }
    };
    let mut steps: Vec<Value> = Vec::new();
    for q in QUESTIONS {
        match q {
            Q::Step(n) => steps.push(json!({
                "step": n,
                "title": step_title(rules, *n, lang),
                "fields": [],
            })),
            Q::Ask(path, gate, id) => {
                let mut field = field_json(path, lang);
                field["label"] = label(id).into();
                match gate {
                    Gate::Always => {}
                    Gate::UnlessNo(p) => field["unless_no"] = (*p).into(),
                    Gate::IfAnswered(p) => field["if_answered"] = (*p).into(),
                }
                push_field(&mut steps, field);
            }
            Q::Items(path, id, subs) => {
                let mut field = field_json(path, lang);
                field["kind"] = "items".into();
                field["label"] = label(id).into();
                field["items"] = subs
                    .iter()
                    .map(|Sub(key, id)| {
                        let mut sub = field_json(&format!("{path}.{key}"), lang);
                        sub["key"] = (*key).into();
                        sub["label"] = label(id).into();
                        sub
                    })
                    .collect();
                push_field(&mut steps, field);
            }
        }
    }
    let rules_json: Map<String, Value> = rules
        .rules
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                json!({
                    "title": r.title.get(lang),
                    "step": r.step,
                    "severity": r.severity.as_str(),
                    "why": r.why.get(lang),
                    "fix": r.fix.get(lang),
                }),
            )
        })
        .collect();
    json!({
        "lang": lang.code(),
        "version": schema::FORMAT_VERSION,
        "steps": steps,
        "rules": rules_json,
        "strings": strings(lang),
    })
}

/// Every `page-` message of the catalogue in `lang`, by id. A variable is
/// left as `{$name}` for the page to fill in.
pub(crate) fn strings(lang: Lang) -> Value {
    let map: Map<String, Value> = ids_with_prefix("page-")
        .into_iter()
        .map(|id| (id.to_owned(), message(lang, id, None).into()))
        .collect();
    Value::Object(map)
}

fn push_field(steps: &mut [Value], field: Value) {
    if let Some(Value::Array(fields)) = steps.last_mut().map(|s| &mut s["fields"]) {
        fields.push(field);
    }
}

/// "Step 3 · Publish regularly", or the room's own title for the groups
/// that are not guide steps (0: about you; 8: the privacy pack).
fn step_title(rules: &RuleSet, n: u32, lang: Lang) -> String {
    match n {
        0 => t!(lang, "page-step-about-you"),
        8 => t!(lang, "page-step-privacy"),
        n => {
            let title = rules.steps.get(&n).map(|t| t.get(lang)).unwrap_or_default();
            t!(lang, "serve-step-title", n = n, title = title)
        }
    }
}

/// One field as the format describes it: kind, meaning, bounds, choices.
/// The question is the label; the format's own description of the field
/// is not repeated under it.
fn field_json(path: &str, lang: Lang) -> Value {
    let field: &Field = schema::field_at(path).unwrap_or_else(|| panic!("the room's form names unknown path {path}"));
    let mut out = json!({ "path": path });
    match field.kind {
        Kind::Bool => out["kind"] = "bool".into(),
        Kind::Int { min } => {
            out["kind"] = "int".into();
            out["min"] = json!(min);
        }
        Kind::Number { min } => {
            out["kind"] = "number".into();
            out["min"] = json!(min);
        }
        Kind::Str => out["kind"] = "text".into(),
        Kind::Enum(values) => {
            out["kind"] = "choice".into();
            out["choices"] = values
                .iter()
                .map(|v| {
                    let label = schema::value_label(field, v, lang);
                    json!({ "value": v, "label": if label.is_empty() { (*v).to_owned() } else { label } })
                })
                .collect();
        }
        Kind::List(Kind::Str) => out["kind"] = "list".into(),
        // Lists of mappings are described by the interview's items; the
        // other kinds (waivers, extra) are not in the form and are carried
        // through from a loaded file untouched.
        _ => out["kind"] = "other".into(),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `str('page-…')` of the pages' scripts names a message of the
    /// catalogue, so no page shows a bare id.
    #[test]
    fn every_word_the_pages_ask_for_is_in_the_catalogue() {
        let known = ids_with_prefix("page-");
        let scripts = [include_str!("assets/app.js"), include_str!("assets/coach.js")];
        let mut asked = Vec::new();
        for js in scripts {
            for part in js.split("str('").skip(1) {
                let id = part.split('\'').next().unwrap();
                if id.ends_with('-') {
                    // Built from a value: the severities, the kinds of
                    // field error, the lists of items.
                    let ends: &[&str] = match id {
                        "page-severity-" => &["error", "warning", "info"],
                        "page-field-" => &[
                            "below-min",
                            "not-whole",
                            "number",
                            "yes-no",
                            "choice",
                            "text",
                            "list",
                            "other",
                        ],
                        _ => &["about-work", "about-education", "contact-links"],
                    };
                    for end in ends {
                        asked.push(format!("{id}{end}"));
                    }
                } else {
                    asked.push(id.to_owned());
                }
            }
        }
        assert!(asked.len() > 40, "{asked:?}");
        for id in &asked {
            assert!(
                known.contains(&id.as_str()),
                "the pages ask for `{id}`, which no catalogue has"
            );
        }
        for lang in Lang::ALL {
            let s = strings(lang);
            for id in &asked {
                let text = s[id.as_str()].as_str().unwrap();
                assert!(!text.is_empty() && text != id, "{lang}: {id}");
            }
        }
    }

    /// The form covers every field the interview asks, with the kind and
    /// choices the format gives it.
    #[test]
    fn the_form_is_the_format() {
        let d = describe(&RuleSet::builtin(), Lang::En);
        let fields: Vec<&Value> = d["steps"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["fields"].as_array().unwrap())
            .collect();
        for f in &fields {
            let path = f["path"].as_str().unwrap();
            let field = schema::field_at(path).unwrap();
            match field.kind {
                Kind::Enum(values) => {
                    let got: Vec<&str> = f["choices"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c["value"].as_str().unwrap())
                        .collect();
                    assert_eq!(got, values, "{path}");
                }
                Kind::Bool => assert_eq!(f["kind"], "bool", "{path}"),
                Kind::List(Kind::Obj(subs)) => {
                    for item in f["items"].as_array().unwrap() {
                        assert!(subs.iter().any(|s| s.key == item["key"]), "{path}");
                    }
                }
                _ => {}
            }
        }
        let paths: Vec<&str> = fields.iter().map(|f| f["path"].as_str().unwrap()).collect();
        for p in [
            "name",
            "photo.set",
            "about.work",
            "privacy.family_audience",
            "tagging.review_tags",
        ] {
            assert!(paths.contains(&p), "{p}");
        }
        // Step titles come from the packs, the two extra groups from the catalogue.
        assert_eq!(d["steps"][0]["title"], "About you");
        assert!(d["steps"][1]["title"].as_str().unwrap().starts_with("Step 1 · "));
        let fr = describe(&RuleSet::builtin(), Lang::Fr);
        assert!(fr["steps"][1]["title"].as_str().unwrap().starts_with("Étape 1 · "));
    }
}
