//! A compact binary form of a YAML tree, for the built-in rule packs: the
//! build script parses `rules/*.yaml` once and embeds their trees in this
//! form, so start-up decodes a few kilobytes instead of parsing 67 KB of
//! YAML. It is only ever read back by this same build of the program, so it
//! has no version and no error path beyond "not produced by `encode`".
//!
//! Shared with `build.rs` (included there by path): it may use nothing but
//! the YAML tree types.

use super::yaml::{Key, Node, Pos, Value};

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const FLOAT: u8 = 4;
const STR: u8 = 5;
const SEQ: u8 = 6;
const MAP: u8 = 7;

/// Append `node` to `out`. Only build.rs and the tests write digests.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(node: &Node, out: &mut Vec<u8>) {
    pos(node.pos, out);
    out.extend_from_slice(&node.len.to_le_bytes());
    match &node.value {
        Value::Null => out.push(NULL),
        Value::Bool(false) => out.push(FALSE),
        Value::Bool(true) => out.push(TRUE),
        Value::Int(i) => {
            out.push(INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Str(s) => {
            out.push(STR);
            text(s, out);
        }
        Value::Seq(items) => {
            out.push(SEQ);
            len(items.len(), out);
            items.iter().for_each(|n| encode(n, out));
        }
        Value::Map(entries) => {
            out.push(MAP);
            len(entries.len(), out);
            for (k, v) in entries {
                pos(k.pos, out);
                out.extend_from_slice(&k.len.to_le_bytes());
                out.push(u8::from(k.is_scalar));
                text(&k.name, out);
                encode(v, out);
            }
        }
    }
}

#[cfg_attr(not(test), allow(dead_code))]
fn len(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&u32::try_from(n).expect("a built-in pack is small").to_le_bytes());
}

#[cfg_attr(not(test), allow(dead_code))]
fn pos(p: Pos, out: &mut Vec<u8>) {
    out.extend_from_slice(&p.line.to_le_bytes());
    out.extend_from_slice(&p.col.to_le_bytes());
}

#[cfg_attr(not(test), allow(dead_code))]
fn text(s: &str, out: &mut Vec<u8>) {
    len(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

/// Read back what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Node {
    let mut r = Reader { bytes, at: 0 };
    let node = r.node();
    assert_eq!(r.at, bytes.len(), "a digest holds exactly one tree");
    node
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let b = self.bytes[self.at..self.at + N].try_into().expect("N bytes");
        self.at += N;
        b
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
    fn pos(&mut self) -> Pos {
        Pos::new(self.u32(), self.u32())
    }
    fn text(&mut self) -> String {
        let n = self.u32() as usize;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).expect("encoded from a str");
        self.at += n;
        s.to_owned()
    }
    fn node(&mut self) -> Node {
        let pos = self.pos();
        let len = self.u32();
        let [tag] = self.take();
        let value = match tag {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Int(i64::from_le_bytes(self.take())),
            FLOAT => Value::Float(f64::from_bits(u64::from_le_bytes(self.take()))),
            STR => Value::Str(self.text()),
            SEQ => {
                let n = self.u32() as usize;
                Value::Seq((0..n).map(|_| self.node()).collect())
            }
            MAP => {
                let n = self.u32() as usize;
                let mut entries = Vec::with_capacity(n);
                for _ in 0..n {
                    let pos = self.pos();
                    let len = self.u32();
                    let [is_scalar] = self.take();
                    let name = self.text();
                    let key = Key {
                        pos,
                        len,
                        name,
                        is_scalar: is_scalar == 1,
                    };
                    entries.push((key, self.node()));
                }
                Value::Map(entries)
            }
            other => unreachable!("tag {other} is not written by encode"),
        };
        Node { pos, len, value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_reads_back_as_written() {
        let text = "a: [1, 2.5, true, ~, \"é\\u00e9\"]\n? [x]\n: {b: -3}\nc: |\n  two\n  lines\n";
        let tree = crate::profile::yaml::parse(text).unwrap();
        let mut bytes = Vec::new();
        encode(&tree, &mut bytes);
        assert_eq!(decode(&bytes), tree);
    }
}
