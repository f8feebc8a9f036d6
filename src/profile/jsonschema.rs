//! `profilecheck schema`: the JSON Schema (draft 2020-12) of the profile
//! format, generated from the format description in `schema.rs`, for editors
//! (yaml-language-server) and for other tools that check profiles.
//!
//! It says what `profile::parse` accepts, as far as JSON Schema can: a key
//! with no value counts as missing, so every field also accepts `null`
//! (list items and waiver reasons do not, as in `profile.rs`). What it cannot
//! say: duplicate keys, several documents, the 1 MiB limit, YAML 1.1
//! booleans (`yes`, which a YAML 1.2 reader gives as a string anyway), and
//! `version: 1.0`, which JSON Schema counts as equal to 1 but the linter
//! rejects (`profilecheck` is the judge; the schema is for editors).

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{self, Node, Value};
use serde_json::{Map, Value as Json, json};

/// Where the schema says it lives. `.invalid` is reserved (RFC 2606): the
/// schema is identified, never fetched; `profilecheck schema` prints it.
pub const ID: &str = "https://profilecheck.invalid/schema/profile-v1.json";

/// The JSON Schema (draft 2020-12) of profile format v1, with its descriptions in `lang` (and the other languages
/// under `x-description-<code>`).
pub fn schema(lang: Lang) -> Json {
    let mut root = object(schema::PROFILE, true, lang);
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["$id"] = json!(ID);
    root["title"] = json!(t!(lang, "schema-title"));
    describe(&mut root, lang, |l| t!(l, "schema-description"));
    root
}

/// The schema of a mapping with these fields; `nullable` when it may be left empty.
fn object(fields: &[Field], nullable: bool, lang: Lang) -> Json {
    let mut props = Map::new();
    for f in fields {
        props.insert(f.key.to_owned(), field(f, lang));
    }
    json!({
        "type": types("object", nullable),
        "additionalProperties": false,
        "properties": props,
    })
}

fn types(t: &str, nullable: bool) -> Json {
    if nullable { json!([t, "null"]) } else { json!(t) }
}

/// A number as JSON writes it: `0`, not `0.0`, when it is whole.
fn number(x: f64) -> Json {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// The schema of a value of `kind`. `nullable`: a key's value (null counts as
/// missing); list items are not (`profile.rs` rejects a null item).
fn kind(kind: &Kind, nullable: bool, lang: Lang) -> Json {
    match kind {
        Kind::Bool => json!({ "type": types("boolean", nullable) }),
        Kind::Int { min } => {
            let mut s = json!({ "type": types("integer", nullable) });
            if let Some(m) = min {
                s["minimum"] = json!(m);
            }
            s
        }
        Kind::Number { min } => {
            let mut s = json!({ "type": types("number", nullable) });
            if let Some(m) = min {
                s["minimum"] = number(*m);
            }
            s
        }
        Kind::Str => json!({ "type": types("string", nullable) }),
        Kind::Enum(values) => {
            let mut allowed: Vec<Json> = values.iter().map(|v| json!(v)).collect();
            if nullable {
                allowed.push(Json::Null);
            }
            json!({ "type": types("string", nullable), "enum": allowed })
        }
        Kind::List(item) => json!({ "type": types("array", nullable), "items": self::kind(item, false, lang) }),
        Kind::Obj(fields) => object(fields, nullable, lang),
        Kind::Waivers => json!({
            "type": types("object", nullable),
            "additionalProperties": { "type": "string", "description": t!(lang, "schema-waiver-reason") },
        }),
        Kind::Free => json!({ "type": types("object", nullable) }),
    }
}

fn field(f: &Field, lang: Lang) -> Json {
    let mut s = if f.key == "version" {
        // The only known version; `profile.rs` rejects any other.
        json!({ "anyOf": [{ "const": schema::FORMAT_VERSION }, { "type": "null" }] })
    } else {
        kind(&f.kind, true, lang)
    };
    describe(&mut s, lang, |l| sentence(&f.describe(l)));
    if let Some(example) = example(f, lang) {
        s["examples"] = json!([example]);
    }
    s
}

/// `description` in `lang`, and `x-description-<code>` in every other
/// language, so an editor in any of them finds its own.
fn describe(s: &mut Json, lang: Lang, text: impl Fn(Lang) -> String) {
    s["description"] = json!(text(lang));
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        s[format!("x-description-{}", other.code())] = json!(text(other));
    }
}

fn sentence(doc: &str) -> String {
    let mut chars = doc.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The field's sample (YAML text in `schema.rs`) as JSON; for a list of
/// mappings, one item made of its fields' samples.
fn example(f: &Field, lang: Lang) -> Option<Json> {
    if let Kind::List(Kind::Obj(children)) = f.kind {
        let mut item = Map::new();
        for c in children.iter() {
            item.insert(c.key.to_owned(), example(c, lang)?);
        }
        return Some(json!([item]));
    }
    let sample = f.sample(lang);
    if sample.is_empty() {
        return None;
    }
    yaml::parse(&sample).ok().map(|n| to_json(&n))
}

fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(x) => json!(x),
        Value::Str(s) => json!(s),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => Json::Object(entries.iter().map(|(k, v)| (k.name.clone(), to_json(v))).collect()),
    }
}
