//! The one module that knows which YAML crate we use (serde-saphyr).
//!
//! It turns bytes into a small tree of [`Node`]s where every value and every
//! key carries its 1-based line and column. Everything downstream (profile
//! validation, pack loading, config) works on this tree, so a change of YAML
//! crate touches only this file.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A 1-based position in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters (not bytes), from 1.
    pub col: u32,
}

impl Pos {
    /// The first character of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };
    /// The position at `line` and `col`.
    pub fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }
}

/// A YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// How many characters the value spans from `pos` (quotes included;
    /// 0 when the parser gives no extent, as for an empty value).
    pub len: u32,
    /// The value.
    pub value: Value,
}

/// A mapping key: YAML allows any node as a key, we keep its text form.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// Where the key starts.
    pub pos: Pos,
    /// How many characters the key spans from `pos`.
    pub len: u32,
    /// The key's text.
    pub name: String,
    /// False when the key was not a plain scalar (a list or mapping used as a key).
    pub is_scalar: bool,
}

#[derive(Debug, Clone, PartialEq)]
/// A YAML value, as profiles and packs use them.
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false` (only these spellings).
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fractional part.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in file order (keys are unique).
    Map(Vec<(Key, Node)>),
}

impl Value {
    /// The YAML kind in words, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Seq(_) => "list",
            Value::Map(_) => "mapping",
        }
    }
}

impl Node {
    /// The value at `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The key and value at `key`, if this is a mapping that has it.
    pub fn entry(&self, key: &str) -> Option<(&Key, &Node)> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(k, v)| (k, v)),
            _ => None,
        }
    }
    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a document could not be read as YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Where reading stopped.
    pub pos: Pos,
    /// Why.
    pub kind: YamlErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// Why a YAML text could not be read.
pub enum YamlErrorKind {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Not UTF-8 text.
    NotUtf8 {
        /// The first byte that is not.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Past a budget of nodes or aliases: which one, in words.
    TooComplex(String),
    /// More than one YAML document.
    MultipleDocuments,
    /// A key given twice in one mapping.
    DuplicateKey(String),
    /// Not YAML, as the parser found it (its own words, in English).
    Syntax(String),
    /// A case we word ourselves: the catalogue message id (`diag-yaml-*`).
    Worded(&'static str),
}

/// What we accept: one document, no more than [`MAX_BYTES`], modest depth and size.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Nesting levels: a profile needs about 4, a rule pack about 13.
pub const MAX_DEPTH: usize = 32;
/// Values (scalars, lists, mappings) in one document.
pub const MAX_NODES: usize = 20_000;
/// Anchors (`&a`) and aliases (`*a`): real profiles use none.
pub const MAX_ALIASES: usize = 100;

/// A value and, for a list or mapping, the character offset where its last
/// item ends (the parser's span of a collection covers only its opening).
struct RawValue(Value, u64);

fn pos_of(loc: &serde_saphyr::Location) -> Pos {
    let line = loc.line().clamp(1, u32::MAX as u64) as u32;
    let col = loc.column().clamp(1, u32::MAX as u64) as u32;
    Pos { line, col }
}

fn len_of(loc: &serde_saphyr::Location) -> u32 {
    loc.span().len().min(u32::MAX as u64) as u32
}

/// Where a spanned value ends, as a character offset.
fn end_of(sp: &Spanned<RawValue>) -> u64 {
    let span = sp.referenced.span();
    (span.offset() + span.len()).max(sp.value.1)
}

fn node_from(sp: Spanned<RawValue>) -> Node {
    let span = sp.referenced.span();
    let len = end_of(&sp).saturating_sub(span.offset());
    Node {
        pos: pos_of(&sp.referenced),
        len: len.min(u32::MAX as u64) as u32,
        value: sp.value.0,
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue(Value::Bool(v), 0))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue(Value::Int(v), 0))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue(
            match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::Float(v as f64),
            },
            0,
        ))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawValue, E> {
        Ok(RawValue(
            match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::Float(v as f64),
            },
            0,
        ))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawValue, E> {
        Ok(RawValue(
            match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::Float(v as f64),
            },
            0,
        ))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue(Value::Float(v), 0))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue(Value::Str(v.to_owned()), 0))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue(Value::Str(v), 0))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<RawValue, E> {
        Ok(RawValue(Value::Str(String::from_utf8_lossy(v).into_owned()), 0))
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue(Value::Null, 0))
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue(Value::Null, 0))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        let mut end = 0;
        while let Some(item) = seq.next_element::<Spanned<RawValue>>()? {
            end = end.max(end_of(&item));
            items.push(node_from(item));
        }
        Ok(RawValue(Value::Seq(items), end))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        let mut end = 0;
        while let Some(k) = map.next_key::<Spanned<RawValue>>()? {
            let v = map.next_value::<Spanned<RawValue>>()?;
            end = end.max(end_of(&k)).max(end_of(&v));
            let key_pos = pos_of(&k.referenced);
            let key_len = len_of(&k.referenced);
            let (name, is_scalar) = match k.value.0 {
                Value::Str(s) => (s, true),
                Value::Null => ("null".to_owned(), true),
                Value::Bool(b) => (b.to_string(), true),
                Value::Int(i) => (i.to_string(), true),
                Value::Float(f) => (f.to_string(), true),
                Value::Seq(_) => ("[...]".to_owned(), false),
                Value::Map(_) => ("{...}".to_owned(), false),
            };
            entries.push((
                Key {
                    pos: key_pos,
                    len: key_len,
                    name,
                    is_scalar,
                },
                node_from(v),
            ));
        }
        Ok(RawValue(Value::Map(entries), end))
    }
}

/// Decode bytes as UTF-8 (a leading BOM is dropped), or say where they are not.
pub fn decode(bytes: &[u8]) -> Result<&str, YamlError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // valid_up_to is a char boundary, so this slice is valid UTF-8.
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(YamlError {
                pos: Pos::new(line as u32, col as u32),
                kind: YamlErrorKind::NotUtf8 {
                    byte: bytes[e.valid_up_to()],
                    offset: e.valid_up_to(),
                },
            })
        }
    }
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // A profile is a few dozen lines: these bounds are far above any real one
    // and far below what could exhaust time, stack or memory.
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_documents = 1;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_events = 100_000;
    budget.max_total_scalar_bytes = MAX_BYTES;
    budget.max_reader_input_bytes = Some(MAX_BYTES);
    let mut opts = serde_saphyr::Options::default();
    opts.budget = Some(budget);
    opts.strict_booleans = true;
    opts.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    opts
}

/// Parse one YAML document. An empty document (or only comments) is `Null` at 1:1.
///
/// Two readers give the same tree: [`direct`] builds it straight from the
/// parser's events and handles what profiles and packs are made of; anything
/// else (an error, a tag, an anchor, a number it does not resolve itself, a
/// budget in sight) goes to serde-saphyr's deserialiser, whose result and
/// wording are the reference.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    if text.len() > MAX_BYTES {
        return Err(YamlError {
            pos: Pos::START,
            kind: YamlErrorKind::TooLarge {
                size: text.len(),
                limit: MAX_BYTES,
            },
        });
    }
    match direct::parse(text) {
        Some(node) => {
            // Debug builds (the tests) and fuzzing builds check every document
            // the direct reader takes against the reference reading.
            if cfg!(any(debug_assertions, fuzzing)) {
                assert_eq!(via_serde(text), Ok(node.clone()), "readers differ: {text:?}");
            }
            Ok(node)
        }
        None => via_serde(text),
    }
}

/// The reference reading, through serde-saphyr's deserialiser.
fn via_serde(text: &str) -> Result<Node, YamlError> {
    match serde_saphyr::from_str_with_options::<Option<Spanned<RawValue>>>(text, options()) {
        Ok(Some(sp)) => Ok(node_from(sp)),
        Ok(None) => Ok(Node {
            pos: Pos::START,
            len: 0,
            value: Value::Null,
        }),
        Err(e) => Err(convert_error(&e, text)),
    }
}

/// The parser's messages that speak of its own workings (Rust types,
/// internals), worded for the person who wrote the file.
fn reworded(msg: &str) -> Option<&'static str> {
    let known: &[(&str, &str)] = &[
        ("recursive references", "diag-yaml-self-alias"),
        // The parser's own wording, matched to be replaced.
        (
            concat!("alias references", " unknown anchor"),
            "diag-yaml-unknown-alias",
        ),
        ("invalid floating point", "diag-yaml-bad-float"),
        ("Internal", "diag-yaml-internal"),
    ];
    // "invalid u64", "invalid i32": the name of a Rust integer type.
    let int_type = msg.strip_prefix("invalid ").is_some_and(|t| {
        let digits = t.strip_prefix(['u', 'i']).unwrap_or("");
        matches!(digits, "8" | "16" | "32" | "64" | "128" | "size")
    });
    if int_type {
        return Some("diag-yaml-bad-int");
    }
    known
        .iter()
        .find(|(start, _)| msg.starts_with(start))
        .map(|&(_, id)| id)
}

/// The two most common slips in a hand-written profile, worded ourselves in
/// both languages (the parser's English reaches French readers otherwise): a
/// tab in the indentation, and a colon followed by a space inside an unquoted
/// text (`bio: Consultante: e-réputation`). `None` for anything else.
fn common_slip(msg: &str, text: &str, pos: Pos) -> Option<&'static str> {
    if msg.starts_with("tabs disallowed") || msg.contains("found a tab") || msg.contains("tab character") {
        return Some("diag-yaml-tab");
    }
    if !msg.starts_with(concat!("mapping values", " are not allowed")) {
        return None;
    }
    // The line holds a key, then a value that has ": " (or ends with ":")
    // of its own: the value is text with a colon in it.
    let line = text.lines().nth(pos.line.saturating_sub(1) as usize)?;
    let (_, value) = line.trim_start().trim_start_matches("- ").split_once(": ")?;
    let value = value.trim_end();
    let quoted = value.starts_with(['"', '\'', '[', '{']);
    (!quoted && (value.contains(": ") || value.ends_with(':'))).then_some("diag-yaml-colon-in-text")
}

fn convert_error(e: &serde_saphyr::Error, text: &str) -> YamlError {
    let pos = e.location().map(|l| pos_of(&l)).unwrap_or(Pos::START);
    // The crate's Display adds "error: line L column C: " and a code frame;
    // we keep only the message and classify the cases we word ourselves.
    let full = e.to_string();
    let first = full.lines().next().unwrap_or("").trim();
    let msg = first.strip_prefix("error: ").unwrap_or(first).to_owned();
    let msg = match msg.find(": ") {
        Some(i) if msg.starts_with("line ") => msg[i + 2..].to_owned(),
        _ => msg,
    };
    let kind = if let Some(id) = common_slip(&msg, text, pos) {
        YamlErrorKind::Worded(id)
    } else if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set DuplicateKeyPolicy").next().unwrap_or(rest);
        YamlErrorKind::DuplicateKey(key.trim().to_owned())
    } else if msg.starts_with("duplicate mapping key") {
        // A repeated key that is not plain text (`[a, b]: 1` twice) has no name to show.
        YamlErrorKind::Worded("diag-yaml-key-twice")
    } else if msg.starts_with("!!binary") {
        YamlErrorKind::Worded("diag-yaml-binary")
    } else if msg.starts_with("non-finite float") {
        YamlErrorKind::Worded("diag-yaml-non-finite")
    } else if msg.starts_with("invalid boolean") {
        YamlErrorKind::Worded("diag-yaml-bad-bool")
    } else if let Some(id) = reworded(&msg) {
        YamlErrorKind::Worded(id)
    } else if msg.contains("Documents") {
        YamlErrorKind::MultipleDocuments
    } else if msg.contains("recursion limit") || msg.contains("Depth") || msg.contains("nesting") {
        YamlErrorKind::TooDeep
    } else if let Some(rest) = msg.strip_prefix("budget breached: ") {
        YamlErrorKind::TooComplex(rest.split(' ').next().unwrap_or(rest).to_lowercase())
    } else {
        YamlErrorKind::Syntax(msg)
    };
    YamlError { pos, kind }
}

/// The tree built straight from the events of granit-parser (the parser under
/// serde-saphyr), without serde: what profiles and packs are made of, and
/// nothing else. No tags, anchors or aliases, text keys, one document, a
/// mapping or list at the root, numbers in plain decimal, and well inside
/// every budget; for anything else it answers `None` and [`parse`] asks
/// serde-saphyr, so every error keeps its wording and location. What it does
/// accept comes out exactly as serde-saphyr's reading (the tests compare both
/// on every YAML file of the repository). No recursion: an explicit stack.
mod direct {
    use super::{Key, MAX_BYTES, MAX_DEPTH, MAX_NODES, Node, Pos, Value};
    use serde_saphyr::granit_parser::{Event, Options, Parser, ScalarStyle, Span};
    use std::borrow::Cow;
    use std::sync::OnceLock;

    // Well inside the budgets given to serde-saphyr (`options`), so that a
    // document anywhere near one is read, and refused, by serde-saphyr.
    const DEPTH: usize = MAX_DEPTH - 8;
    const NODES: usize = MAX_NODES / 2;
    const SCALAR_BYTES: usize = MAX_BYTES / 2;
    // Duplicate keys are found by a linear scan; a larger mapping goes to serde-saphyr.
    const MAP_KEYS: usize = 64;

    /// The parser options serde-saphyr derives from `options()`.
    fn parser_options() -> &'static Options {
        static OPTIONS: OnceLock<Options> = OnceLock::new();
        OPTIONS.get_or_init(|| {
            let serde = serde_saphyr::Options::default();
            let mut o = Options::default();
            o.simple_key_max_lookahead = serde_saphyr::Budget::default().simple_key_max_lookahead;
            o.flow_nesting_limit = MAX_DEPTH;
            o.block_nesting_limit = o.block_nesting_limit.max(MAX_DEPTH + 1);
            o.emit_comments = false;
            o.strict_indentation = serde.strict_indentation;
            o.bom_inside_document_as_content = serde.bom_inside_document_as_content;
            o
        })
    }

    /// A list or mapping whose end event has not come yet.
    struct Open {
        pos: Pos,
        /// Character offset of its first character.
        start: usize,
        /// Character offset where it, or the last of its items, ends.
        end: usize,
        items: Items,
    }

    enum Items {
        Seq(Vec<Node>),
        /// The entries, and a key read whose value has not come yet (with its end).
        Map(Vec<(Key, Node)>, Option<(Key, usize)>),
    }

    fn pos(span: &Span) -> Pos {
        let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX).max(1);
        let col = u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX);
        Pos { line, col }
    }

    fn len(from: usize, to: usize) -> u32 {
        u32::try_from(to.saturating_sub(from)).unwrap_or(u32::MAX)
    }

    /// A value (not a key) goes into its list or mapping.
    fn attach(top: &mut Open, node: Node, end: usize) -> Option<()> {
        top.end = top.end.max(end);
        match &mut top.items {
            Items::Seq(items) => items.push(node),
            Items::Map(entries, pending) => {
                let (key, key_end) = pending.take()?;
                top.end = top.end.max(key_end);
                entries.push((key, node));
            }
        }
        Some(())
    }

    pub(super) fn parse(text: &str) -> Option<Node> {
        let mut parser = Parser::new_from_str_with_options(text, parser_options().clone());
        let mut stack: Vec<Open> = Vec::new();
        let mut root = None;
        let (mut documents, mut nodes, mut scalar_bytes) = (0usize, 0usize, 0usize);
        while let Some(item) = parser.next_event() {
            let (event, span) = item.ok()?;
            match event {
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
                Event::DocumentStart(_, version) => {
                    documents += 1;
                    if version.is_some() || documents > 1 {
                        return None;
                    }
                }
                Event::Scalar(value, style, anchor, tag) => {
                    nodes += 1;
                    scalar_bytes += value.len();
                    if anchor != 0 || tag.is_some() || nodes > NODES || scalar_bytes > SCALAR_BYTES {
                        return None;
                    }
                    // A document that is a lone scalar is left to serde-saphyr.
                    let top = stack.last_mut()?;
                    let value = resolve(value, style)?;
                    let (pos, end, len) = (pos(&span), span.end.index(), len(span.start.index(), span.end.index()));
                    if let Items::Map(entries, pending @ None) = &mut top.items {
                        // A key: text or a whole number, not `<<` (a merge), not twice.
                        let name = match value {
                            Value::Str(name) => name,
                            Value::Int(i) => i.to_string(),
                            _ => return None,
                        };
                        if name == "<<" || entries.len() >= MAP_KEYS || entries.iter().any(|(k, _)| k.name == name) {
                            return None;
                        }
                        let key = Key {
                            pos,
                            len,
                            name,
                            is_scalar: true,
                        };
                        *pending = Some((key, end));
                    } else {
                        attach(top, Node { pos, len, value }, end)?;
                    }
                }
                Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                    nodes += 1;
                    if anchor != 0 || tag.is_some() || nodes > NODES || stack.len() >= DEPTH {
                        return None;
                    }
                    match stack.last() {
                        // A list or mapping used as a key.
                        Some(Open {
                            items: Items::Map(_, None),
                            ..
                        }) => return None,
                        Some(_) => {}
                        None if root.is_some() => return None,
                        None => {}
                    }
                    let items = if matches!(event, Event::SequenceStart(..)) {
                        Items::Seq(Vec::new())
                    } else {
                        Items::Map(Vec::new(), None)
                    };
                    stack.push(Open {
                        pos: pos(&span),
                        start: span.start.index(),
                        end: span.end.index(),
                        items,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let open = stack.pop()?;
                    let value = match open.items {
                        Items::Seq(items) => Value::Seq(items),
                        Items::Map(entries, None) => Value::Map(entries),
                        Items::Map(_, Some(_)) => return None,
                    };
                    let node = Node {
                        pos: open.pos,
                        len: len(open.start, open.end),
                        value,
                    };
                    match stack.last_mut() {
                        Some(top) => attach(top, node, open.end)?,
                        None => root = Some(node),
                    }
                }
                Event::Alias(_) | Event::Anchor(..) | Event::UnresolvedAlias(_) => return None,
                // Comments, when another crate turns them on in the parser.
                #[allow(unreachable_patterns)]
                _ => return None,
            }
        }
        if stack.is_empty() { root } else { None }
    }

    /// A scalar's value as serde-saphyr's `deserialize_any` resolves it with
    /// strict booleans (YAML 1.2 core schema), or `None` where that takes
    /// more than this: signs, radixes, exponents, underscores, leading zeros,
    /// `.inf`, big numbers.
    fn resolve(text: Cow<'_, str>, style: ScalarStyle) -> Option<Value> {
        if !matches!(style, ScalarStyle::Plain) {
            return Some(Value::Str(text.into_owned()));
        }
        let value = match &*text {
            "" | "~" | "null" | "Null" | "NULL" => Value::Null,
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            t if t.starts_with([' ', '\t', '\r', '\n']) || t.ends_with([' ', '\t', '\r', '\n']) => return None,
            // Every number serde-saphyr reads (radixes, exponents, `.inf`) is
            // made of ASCII letters, digits and `+-._`: anything else is text.
            t if t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')) => {
                if t.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_'))
                {
                    number(t)?
                } else {
                    Value::Str(text.into_owned())
                }
            }
            // Neither a number nor a boolean can start otherwise: `inf` and `nan`
            // without a dot are text in YAML, and to serde-saphyr.
            _ => Value::Str(text.into_owned()),
        };
        Some(value)
    }

    /// `12`, `-3`, `0`, `4.5`, `-0.25`: the decimal forms.
    fn number(t: &str) -> Option<Value> {
        let digits = |s: &str| !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit());
        let (neg, unsigned) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match unsigned.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (unsigned, None),
        };
        if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        match frac {
            None => {
                let v: i64 = int.parse().ok()?;
                Some(Value::Int(if neg { -v } else { v }))
            }
            Some(frac) if digits(frac) => t.parse::<f64>().ok().filter(|x| x.is_finite()).map(Value::Float),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a node or key spans, read back from the source by its start and length.
    fn spanned(text: &str, pos: Pos, len: u32) -> String {
        let line = text.lines().nth(pos.line as usize - 1).unwrap();
        line.chars().skip(pos.col as usize - 1).take(len as usize).collect()
    }

    #[test]
    fn values_and_keys_carry_their_length_in_characters() {
        let text = "bio: \"Café ☕ crème\"\nkeys: [\"#a\", bb]\nphoto: {set: true}\nname: Jo Mo\nn: 12\nempty:\n";
        let root = parse(text).unwrap();
        let Value::Map(entries) = &root.value else {
            panic!("a mapping")
        };
        let shown: Vec<(String, String)> = entries
            .iter()
            .map(|(k, v)| (spanned(text, k.pos, k.len), spanned(text, v.pos, v.len)))
            .collect();
        let expected = [
            ("bio", "\"Café ☕ crème\""),
            ("keys", "[\"#a\", bb"),
            ("photo", "{set: true"),
            ("name", "Jo Mo"),
            ("n", "12"),
            ("empty", ""),
        ];
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(shown, expected);
    }

    /// Every YAML file of the repository: the direct reader either leaves it
    /// to serde-saphyr or gives exactly serde-saphyr's tree.
    #[test]
    fn the_direct_reader_gives_serde_saphyrs_tree_on_every_yaml_file_here() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![
            root.join("tests"),
            root.join("examples"),
            root.join("rules"),
            root.join("templates"),
        ];
        let (mut direct_read, mut left) = (0, 0);
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if !path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let Ok(text) = decode(&bytes) else { continue };
                if text.len() > MAX_BYTES {
                    continue;
                }
                match direct::parse(text) {
                    Some(node) => {
                        direct_read += 1;
                        assert_eq!(via_serde(text), Ok(node), "{}", path.display());
                    }
                    None => left += 1,
                }
            }
        }
        // The examples, the packs and most of the YAML test suite's valid documents.
        assert!(
            direct_read > 150,
            "{direct_read} read directly, {left} left to serde-saphyr"
        );
    }

    /// Scalars of every kind, as values and as keys, in block and flow style.
    #[test]
    fn the_direct_reader_resolves_scalars_as_serde_saphyr_does() {
        let scalars = [
            "0",
            "-0",
            "7",
            "007",
            "-007",
            "+7",
            "12",
            "-3",
            "123456789012345678",
            "1234567890123456789",
            "9223372036854775807",
            "-9223372036854775808",
            "18446744073709551616",
            "1_000",
            "0x1F",
            "0X1F",
            "0o17",
            "0O17",
            "0b101",
            "4.5",
            "-0.25",
            "0.5",
            "00.5",
            ".5",
            "5.",
            "1e3",
            "1.5e3",
            "-1E-3",
            "1.",
            "-",
            "+",
            ".",
            "-.",
            ".inf",
            "-.inf",
            "+.inf",
            ".Inf",
            ".NAN",
            ".nan",
            "-.nan",
            "inf",
            "nan",
            "infinity",
            "NaN",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "False",
            "FALSE",
            "yes",
            "no",
            "Yes",
            "on",
            "off",
            "y",
            "n",
            "null",
            "Null",
            "NULL",
            "nUll",
            "~",
            "",
            "\"\"",
            "''",
            "\"1\"",
            "'true'",
            "\"null\"",
            "2024-01-01",
            "2024-01-01T10:00:00Z",
            "12:30",
            "1:20:30",
            "+33 6 12",
            "3 rue des Lilas",
            "75001 Paris",
            "+33 6 12 34 56 78",
            "1/2",
            "1,5",
            "-1 000",
            "0.5 %",
            "1e3 x",
            "2fa",
            "1.2.3",
            "-.5",
            "+.5",
            "1__0",
            "0x_1",
            "1-2",
            "-a",
            "- a",
            "-1a",
            "1a",
            "é",
            "☕ café",
            "<<",
            "a b",
            "#tag",
            "@user",
            "https://x.com/a?b=c",
            "a: b",
            "\"a\\tb\"",
            "'it''s'",
            "|\n  block\n",
            ">-\n  folded\n  text\n",
            "plain\n  continued",
            "\"\\u00e9\"",
            "!!str 12",
            "!!int \"12\"",
            "&a 1",
            "[]",
            "{}",
            "[1, 2]",
            "{a: 1}",
        ];
        let mut docs = Vec::new();
        for s in scalars {
            docs.push(format!("k: {s}\n"));
            docs.push(format!("- {s}\n"));
            docs.push(format!("k: [{s}]\n"));
            docs.push(format!("{s}: v\n"));
            docs.push(format!("{{{s}: v}}\n"));
            docs.push(format!("a:\n  b: {s}\n  c: x\n"));
        }
        docs.extend(
            [
                "",
                "# only a comment\n",
                "---\n",
                "---\na: 1\n",
                "a: 1\n...\n",
                "a: 1\n---\nb: 2\n",
                "%YAML 1.2\n---\na: 1\n",
                "a: 1\na: 2\n",
                "a: 1\n'a': 2\n",
                "a: {b: 1, b: 2}\n",
                "1: a\n'1': b\n",
                "a:\nb:\n",
                "- \n- a\n",
                "[a, [b, [c, {d: e}]]]\n",
                "a: [1, 2,]\n",
                "? a\n: b\n",
                "? [a]\n: b\n",
                "a: &x 1\nb: *x\n",
                "a: !!map {b: 1}\n",
                "\u{feff}a: 1\n",
                "a: 1\n\u{feff}b: 2\n",
                "a:\n\t- b\n",
                "a: b: c\n",
                "a: 'open\n",
                "- a\nb: c\n",
                "a:\n  - b\n  -\n  - c\n",
                "a: |\n  x\n\nb: 1\n",
                "links:\n  - network: x\n    url: https://x.com/jo\nafter: 1\n",
            ]
            .map(str::to_owned),
        );
        let mut direct_read = 0;
        for doc in &docs {
            if let Some(node) = direct::parse(doc) {
                direct_read += 1;
                assert_eq!(via_serde(doc), Ok(node), "{doc:?}");
            }
        }
        assert!(direct_read > 200, "{direct_read} of {} read directly", docs.len());
    }

    #[test]
    fn the_direct_reader_leaves_what_it_does_not_handle_to_serde_saphyr() {
        for doc in [
            "a: 1\na: 2\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: 1\n---\nb: 2\n",
            "just text\n",
            "a: 0x1F\n",
            "<<: {a: 1}\n",
            "a: [b\n",
        ] {
            assert_eq!(direct::parse(doc), None, "{doc:?}");
        }
        let nested = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(direct::parse(&nested(MAX_DEPTH - 8)).is_some());
        assert_eq!(direct::parse(&nested(MAX_DEPTH - 7)), None);
        let wide = (0..65).map(|i| format!("k{i}: {i}\n")).collect::<String>();
        assert_eq!(direct::parse(&wide), None);
        assert!(direct::parse("a: [1, {b: c}]\n").is_some());
    }

    #[test]
    fn a_block_collection_spans_to_its_last_item() {
        let text = "links:\n  - network: x\n    url: https://x.com/jo\nafter: 1\n";
        let root = parse(text).unwrap();
        let links = root.get("links").unwrap();
        assert_eq!(links.pos, Pos::new(2, 3));
        // From `- ` on line 2 to the end of the url on line 3.
        let chars_to_end = "- network: x\n    url: https://x.com/jo".chars().count() as u32;
        assert_eq!(links.len, chars_to_end);
    }
}
