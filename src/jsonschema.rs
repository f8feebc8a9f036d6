//! `profilecheck schema`: the JSON Schema of the profile format, generated
//! from the format description in `schema.rs`. (Being written.)

/// The JSON Schema (draft 2020-12) of profile format v1.
pub fn schema() -> serde_json::Value {
    serde_json::json!({})
}
