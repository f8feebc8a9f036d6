//! The two kinds of export files the importer reads, as serde sees them.
//!
//! Both are streamed, never built as a JSON tree: only the keys the
//! importer uses are kept, and serde skips the rest without building it
//! (`IgnoredAny`). What is kept is bounded too, whatever the file holds:
//! lists keep their first [`MAX_ITEMS`] items, texts their first bytes
//! (a real post is at most 63,206 characters), so memory does not grow
//! with the export. A value of another shape than expected (a number where
//! a text is, a list where an object is) is skipped, as a missing key is.

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::{BufReader, Read};
use std::marker::PhantomData;

/// Most items kept from one list (jobs, websites, a post's attachments):
/// real exports have a handful.
pub(super) const MAX_ITEMS: usize = 64;
/// Most bytes kept from a post's text: Facebook's limit of 63,206
/// characters, at 4 bytes each.
pub(super) const MAX_POST_BYTES: usize = 256 * 1024;
/// Most bytes kept from any other text (a name, a city, a web address).
pub(super) const MAX_TEXT_BYTES: usize = 4096;

/// A text of at most `MAX` bytes (cut at a character boundary); None for a
/// value that is not a text.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Text<const MAX: usize = MAX_TEXT_BYTES>(pub(super) Option<String>);

impl<const MAX: usize> Text<MAX> {
    /// The text, repaired (see `repair.rs`) and trimmed; None when empty.
    pub(super) fn get(&self) -> Option<String> {
        let s = self.0.as_deref()?;
        let s = super::repair::repair(s);
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    }
}

/// `s` cut to at most `max` bytes, after its last whole word when it has
/// several (a hashtag cut in two would count as another one), else at a
/// character boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let s = &s[..end];
    match s.rfind(char::is_whitespace) {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    }
}

/// Drain a mapping or a list that is not wanted, without building it.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The visitor methods of a value of another shape than expected: the value
/// is skipped and the default kept.
macro_rules! skip_other_shapes {
    ($($method:ident($t:ty)),*) => {
        $(fn $method<E: de::Error>(self, _: $t) -> Result<Self::Value, E> {
            Ok(Default::default())
        })*
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const MAX: usize>;
        impl<'de, const MAX: usize> Visitor<'de> for V<MAX> {
            type Value = Text<MAX>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text<MAX>, E> {
                Ok(Text(Some(cut(s, MAX).to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text<MAX>, A::Error> {
                drain_map(map).map(|()| Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text<MAX>, A::Error> {
                drain_seq(seq).map(|()| Text(None))
            }
            skip_other_shapes!(visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64));
        }
        d.deserialize_any(V::<MAX>)
    }
}

/// A number; None for a value that is not one.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct Num(pub(super) Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Num, E> {
                Ok(Num(Some(n as f64)))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Num, E> {
                Ok(Num(Some(n as f64)))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Num, E> {
                Ok(Num(Some(n)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Num, A::Error> {
                drain_map(map).map(|()| Num(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Num, A::Error> {
                drain_seq(seq).map(|()| Num(None))
            }
            skip_other_shapes!(visit_bool(bool), visit_str(&str));
        }
        d.deserialize_any(V)
    }
}

/// An object read as `T` (whose unknown keys serde skips); None for a value
/// that is not an object.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Obj<T>(pub(super) Option<T>);

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(|t| Obj(Some(t)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Obj<T>, A::Error> {
                drain_seq(seq).map(|()| Obj(None))
            }
            skip_other_shapes!(
                visit_bool(bool),
                visit_i64(i64),
                visit_u64(u64),
                visit_f64(f64),
                visit_str(&str)
            );
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A list's first [`MAX_ITEMS`] items (the rest skipped unread); empty for
/// a value that is not a list.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct List<T>(pub(super) Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::new();
                while items.len() < MAX_ITEMS {
                    match seq.next_element::<T>()? {
                        Some(t) => items.push(t),
                        None => return Ok(List(items)),
                    }
                }
                drain_seq(seq).map(|()| List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<List<T>, A::Error> {
                drain_map(map).map(|()| List::default())
            }
            skip_other_shapes!(
                visit_bool(bool),
                visit_i64(i64),
                visit_u64(u64),
                visit_f64(f64),
                visit_str(&str)
            );
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A list of objects: items that are not objects are left out.
pub(super) type Objs<T> = List<Obj<T>>;

impl<T> List<Obj<T>> {
    /// The items that were objects.
    pub(super) fn items(&self) -> impl Iterator<Item = &T> {
        self.0.iter().filter_map(|o| o.0.as_ref())
    }
}

// ------------------------------------------------------------ profile_information.json

/// The profile object of `profile_information.json`: only the keys the
/// importer reads (docs/cli.md, import).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Profile {
    pub(super) name: Name,
    pub(super) intro_bio: Obj<Named>,
    pub(super) work_experiences: Objs<Work>,
    pub(super) education_experiences: Objs<School>,
    pub(super) current_city: Obj<Named>,
    pub(super) emails: Obj<Emails>,
    pub(super) websites: Objs<Website>,
    pub(super) other_names: Objs<OtherName>,
}

/// `name`: `{full_name}` since 2020, a plain text in some 2018–2019 exports.
#[derive(Debug, Default)]
pub(super) struct Name(pub(super) Text);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Name, E> {
                Ok(Name(Text(Some(cut(s, MAX_TEXT_BYTES).to_owned()))))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Name, A::Error> {
                #[derive(Deserialize)]
                struct Full {
                    #[serde(default)]
                    full_name: Text,
                }
                Full::deserialize(MapAccessDeserializer::new(map)).map(|f| Name(f.full_name))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Name, A::Error> {
                drain_seq(seq).map(|()| Name::default())
            }
            skip_other_shapes!(visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64));
        }
        d.deserialize_any(V)
    }
}

/// An object whose text is its `name` (`intro_bio`, `current_city`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Named {
    pub(super) name: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Work {
    pub(super) employer: Text,
    pub(super) title: Text,
    pub(super) end_timestamp: Num,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct School {
    pub(super) name: Text,
    pub(super) degree: Text,
}

/// `emails.emails`: the account's login addresses.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Emails {
    pub(super) emails: List<Text>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Website {
    pub(super) address: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct OtherName {
    pub(super) name: Text,
    #[serde(rename = "type")]
    pub(super) kind: Text,
}

/// The profile of `profile_information.json` (root key `profile_v2` since
/// 2021, `profile` before); None when the file has neither key, or is not
/// an object. Streamed: the rest of the file is skipped unread.
pub(super) fn profile_root(r: &mut dyn Read) -> Result<Option<Profile>, serde_json::Error> {
    struct Root;
    impl<'de> Visitor<'de> for Root {
        type Value = Option<Profile>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a profile")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Profile>, A::Error> {
            let (mut new, mut old) = (None, None);
            while let Some(key) = map.next_key::<Key>()? {
                match key {
                    Key::V2 => new = map.next_value::<Obj<Profile>>()?.0.or(new),
                    Key::Old => old = map.next_value::<Obj<Profile>>()?.0.or(old),
                    Key::Other => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(new.or(old))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<Profile>, A::Error> {
            drain_seq(seq).map(|()| None)
        }
        skip_other_shapes!(
            visit_bool(bool),
            visit_i64(i64),
            visit_u64(u64),
            visit_f64(f64),
            visit_str(&str)
        );
    }
    let mut de = serde_json::Deserializer::from_reader(buffered(r));
    let root = de::Deserializer::deserialize_any(&mut de, Root)?;
    de.end()?;
    Ok(root)
}

/// The JSON reader takes one byte at a time: from a `BufReader` it owns,
/// that is a look into the buffer (std's fast path), not a call through `dyn
/// Read` and the cap for every byte, which made a 100 MB text take seconds.
fn buffered(r: &mut dyn Read) -> BufReader<&mut dyn Read> {
    BufReader::with_capacity(64 * 1024, r)
}

/// The root keys told apart without keeping any key's text.
enum Key {
    V2,
    Old,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "profile_v2" => Key::V2,
                    "profile" => Key::Old,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

// ------------------------------------------------------------ posts files

/// One post record: only what the importer uses.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Post {
    /// Unix seconds (UTC).
    pub(super) timestamp: Num,
    pub(super) data: Objs<PostData>,
    pub(super) attachments: Objs<Attachment>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct PostData {
    pub(super) post: Text<MAX_POST_BYTES>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Attachment {
    pub(super) data: Objs<AttachmentData>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AttachmentData {
    pub(super) external_context: Obj<External>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct External {
    pub(super) url: Text,
}

/// Stream the records of a posts file to `f`: a top-level list (2020 on), or
/// an object whose list values hold them (`status_updates`, 2018–2019).
pub(super) fn posts(r: &mut dyn Read, f: &mut dyn FnMut(Post)) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_reader(buffered(r));
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
        assert_eq!(got[0].data.items().next().unwrap().post.get().as_deref(), Some("a"));
        let url = got[0].attachments.items().flat_map(|a| a.data.items()).nth(1);
        let url = url
            .and_then(|d| d.external_context.0.as_ref())
            .and_then(|e| e.url.get());
        assert_eq!(url.as_deref(), Some("https://e.org"));
        let old = r#"{"status_updates": [{"timestamp": 3}], "note": "x", "n": 1}"#;
        assert_eq!(stream(old).unwrap()[0].timestamp, Num(Some(3.0)));
    }

    #[test]
    fn a_file_that_is_not_posts_is_an_error_with_a_place() {
        assert!(stream("\"text\"").is_err());
        let e = stream("[{\"timestamp\": 1},\n {").unwrap_err();
        assert_eq!(e.line(), 2);
    }

    #[test]
    fn values_of_another_shape_are_skipped_not_fatal() {
        let odd = r#"[{"timestamp": "soon", "data": {"post": "x"}, "attachments": [3, {"data": "no"}]},
            {"timestamp": 5, "data": [{"post": ["a"]}, "b", {"post": "ok"}]}]"#;
        let got = stream(odd).unwrap();
        assert_eq!(got[0].timestamp, Num(None));
        assert_eq!(got[0].data.items().count(), 0);
        let texts: Vec<_> = got[1].data.items().filter_map(|d| d.post.get()).collect();
        assert_eq!(texts, ["ok"]);
    }

    #[test]
    fn what_is_kept_is_bounded() {
        let many = format!("[{{\"timestamp\": 1, \"data\": [{}]}}]", vec!["{}"; 10_000].join(","));
        assert_eq!(stream(&many).unwrap()[0].data.0.len(), MAX_ITEMS);
        let long = format!("[{{\"data\": [{{\"post\": \"{}\"}}]}}]", "é".repeat(MAX_POST_BYTES));
        let kept = stream(&long).unwrap()[0]
            .data
            .items()
            .next()
            .unwrap()
            .post
            .0
            .clone()
            .unwrap();
        assert_eq!(kept.len(), MAX_POST_BYTES);
        assert!(kept.chars().all(|c| c == 'é'));
        let words = format!("[{{\"data\": [{{\"post\": \"{}\"}}]}}]", "#abc ".repeat(MAX_POST_BYTES));
        let kept = stream(&words).unwrap()[0]
            .data
            .items()
            .next()
            .unwrap()
            .post
            .0
            .clone()
            .unwrap();
        assert!(
            kept.len() <= MAX_POST_BYTES && kept.ends_with("#abc"),
            "{}",
            &kept[kept.len() - 9..]
        );
        let name = format!("{{\"profile_v2\": {{\"name\": \"{}\"}}}}", "a".repeat(100_000));
        let root = profile_root(&mut name.as_bytes()).unwrap().unwrap();
        assert_eq!(root.name.0.0.unwrap().len(), MAX_TEXT_BYTES);
    }

    #[test]
    fn profile_root_key_old_and_new() {
        for key in ["profile_v2", "profile"] {
            let json = format!(r#"{{"{key}": {{"name": {{"full_name": "Ren\u00c3\u00a9e"}}, "x": [1, {{"y": 2}}]}}}}"#);
            let root = profile_root(&mut json.as_bytes()).unwrap().unwrap();
            assert_eq!(root.name.0.get().as_deref(), Some("Renée"));
        }
        let old_style = r#"{"profile": {"name": "Jeanne", "current_city": "Rennes"}}"#;
        let root = profile_root(&mut old_style.as_bytes()).unwrap().unwrap();
        assert_eq!(root.name.0.get().as_deref(), Some("Jeanne"));
        assert!(root.current_city.0.is_none());
        assert!(profile_root(&mut &b"{\"other\": 1}"[..]).unwrap().is_none());
        assert!(profile_root(&mut &b"[{\"a\": 0}, {\"a\": 0}]"[..]).unwrap().is_none());
        assert!(profile_root(&mut &b"{\"profile_v2\": {}} x"[..]).is_err());
    }
}
