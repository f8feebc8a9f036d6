//! The two kinds of export files the importer reads, as serde sees them.
//!
//! `profile_information.json` is small: it is read whole as a JSON tree. A
//! posts file may hold 10,000 records: it is streamed one record at a time,
//! and only the keys the importer uses are kept (serde skips the rest
//! without building it).

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::Read;

/// The profile object of `profile_information.json` (root key `profile_v2`
/// since 2021, `profile` before), its strings repaired; None when the file
/// has neither key.
pub(super) fn profile_root(r: &mut dyn Read) -> Result<Option<serde_json::Value>, serde_json::Error> {
    let mut v: serde_json::Value = serde_json::from_reader(r)?;
    let root = match v.as_object_mut() {
        Some(map) => map.remove("profile_v2").or_else(|| map.remove("profile")),
        None => None,
    };
    Ok(root.map(|mut root| {
        super::repair::repair_tree(&mut root);
        root
    }))
}

/// One post record: only what the importer uses.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Post {
    /// Unix seconds (UTC).
    #[serde(default)]
    pub(super) timestamp: Option<f64>,
    #[serde(default)]
    pub(super) data: Vec<PostData>,
    #[serde(default)]
    pub(super) attachments: Vec<Attachment>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct PostData {
    #[serde(default)]
    pub(super) post: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct Attachment {
    #[serde(default)]
    pub(super) data: Vec<AttachmentData>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct AttachmentData {
    #[serde(default)]
    pub(super) external_context: Option<External>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct External {
    #[serde(default)]
    pub(super) url: Option<String>,
}

/// Stream the records of a posts file to `f`: a top-level list (2020 on), or
/// an object whose list values hold them (`status_updates`, 2018–2019).
pub(super) fn posts(r: &mut dyn Read, f: &mut dyn FnMut(Post)) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_reader(r);
    Records { f, top: true }.deserialize(&mut de)?;
    de.end()
}

struct Records<'a> {
    f: &'a mut dyn FnMut(Post),
    /// At the top of the file (an object there is looked into, once).
    top: bool,
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a posts list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(post) = seq.next_element::<Post>()? {
            (self.f)(post);
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if !self.top {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Records {
                f: &mut *self.f,
                top: false,
            })?;
        }
        Ok(())
    }

    // Other values beside the list in an old-style object are skipped.
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.skip()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.skip()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.skip()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.skip()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.skip()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.skip()
    }
}

impl Records<'_> {
    fn skip<E: de::Error>(&self) -> Result<(), E> {
        if self.top {
            Err(E::custom("posts list expected"))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(json: &str) -> Result<Vec<Post>, serde_json::Error> {
        let mut out = Vec::new();
        posts(&mut json.as_bytes(), &mut |p| out.push(p))?;
        Ok(out)
    }

    #[test]
    fn records_stream_from_a_list_or_an_old_object() {
        let list = r#"[{"timestamp": 1, "data": [{"post": "a"}, {"update_timestamp": 5}],
            "attachments": [{"data": [{"media": {"uri": "x"}}, {"external_context": {"url": "https://e.org"}}]}],
            "title": "t", "tags": [{"name": "n"}]}, {"timestamp": 2}]"#;
        let got = stream(list).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].data[0].post.as_deref(), Some("a"));
        let url = got[0].attachments[0].data[1]
            .external_context
            .as_ref()
            .unwrap()
            .url
            .as_deref();
        assert_eq!(url, Some("https://e.org"));
        let old = r#"{"status_updates": [{"timestamp": 3}], "note": "x", "n": 1}"#;
        assert_eq!(stream(old).unwrap()[0].timestamp, Some(3.0));
    }

    #[test]
    fn a_file_that_is_not_posts_is_an_error_with_a_place() {
        assert!(stream("\"text\"").is_err());
        let e = stream("[{\"timestamp\": 1},\n {").unwrap_err();
        assert_eq!(e.line(), 2);
    }

    #[test]
    fn profile_root_key_old_and_new() {
        for key in ["profile_v2", "profile"] {
            let json = format!(r#"{{"{key}": {{"name": {{"full_name": "Ren\u00c3\u00a9e"}}}}}}"#);
            let root = profile_root(&mut json.as_bytes()).unwrap().unwrap();
            assert_eq!(root["name"]["full_name"], "Renée");
        }
        assert!(profile_root(&mut &b"{\"other\": 1}"[..]).unwrap().is_none());
    }
}
