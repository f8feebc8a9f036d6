//! The server's own stdio framing. lsp-server's reader gives up on the first
//! frame it cannot read (bad JSON, a non-UTF-8 body, a broken
//! `Content-Length`) and so ends the server, and it allocates whatever length a
//! header claims before reading a byte. Here a frame is read with a bounded
//! header and a capped body; a frame whose body is not a message is answered
//! with JSON-RPC's parse error (`-32700`, id `null`) and the server goes on,
//! as the protocol asks. Parsed messages go to lsp-server's `Connection`, so
//! the rest of the server is unchanged.

use lsp_server::{Connection, Message};
use std::io::{self, BufRead, Read, Write};

/// The largest message body read (64 MiB): a profile is capped far below,
/// and a claimed length beyond it is refused before anything is allocated.
pub(crate) const MAX_BODY: u64 = 64 << 20;
/// The longest header line kept; the rest of a longer line is skipped.
const MAX_LINE: usize = 8 << 10;

/// What one frame held.
#[derive(Debug, PartialEq)]
pub(crate) enum Frame {
    /// A body of the announced length.
    Body(Vec<u8>),
    /// A frame that cannot be read: no, an unreadable or too large
    /// `Content-Length`. Its body (if any) is skipped as stray lines.
    Bad,
}

/// Read one line (up to `\n`), keeping at most [`MAX_LINE`] bytes of it.
/// `None` at the end of the input.
fn read_line(r: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(line));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        r.consume(n);
        if done {
            return Ok(Some(line));
        }
    }
}

/// The `Content-Length` a header line gives, if it is one: `Some(None)` when
/// the value is not a length we accept. The header may follow stray bytes on
/// its line (the end of a body skipped after a bad frame).
fn content_length(line: &str) -> Option<Option<u64>> {
    const NAME: &str = "content-length:";
    let at = line.to_ascii_lowercase().find(NAME)?;
    let value = line[at + NAME.len()..].trim();
    Some(value.parse::<u64>().ok().filter(|&n| n <= MAX_BODY))
}

/// Read the next frame; `None` at the end of the input (a body cut short
/// included). Lines that are no header are skipped.
pub(crate) fn read_frame(r: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Option<u64>> = None;
    let mut headers = 0;
    loop {
        let Some(raw) = read_line(r)? else { return Ok(None) };
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if headers == 0 {
                continue;
            }
            break;
        }
        if let Some(l) = content_length(line) {
            length = Some(l);
            headers += 1;
        } else if is_header(line) {
            headers += 1;
        }
    }
    let Some(Some(len)) = length else {
        return Ok(Some(Frame::Bad));
    };
    let mut body = Vec::new();
    r.take(len).read_to_end(&mut body)?;
    if (body.len() as u64) < len {
        return Ok(None);
    }
    Ok(Some(Frame::Body(body)))
}

/// `Name: value` with a token name (`Content-Type: …`).
fn is_header(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// The message a body holds, or `None` when it is not one (not UTF-8, not
/// JSON, JSON that is no request, response or notification).
pub(crate) fn parse(body: &[u8]) -> Option<Message> {
    let text = std::str::from_utf8(body).ok()?;
    // An object only: serde reads a struct from an array too (`[1,2]` as a response).
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    if !value.is_object() {
        return None;
    }
    serde_json::from_value(value).ok()
}

/// Write one frame.
pub(crate) fn write_frame(w: &mut impl Write, body: &[u8]) -> io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(body)?;
    w.flush()
}

/// The answer to a frame that holds no message.
pub(crate) fn parse_error(message: &str) -> Vec<u8> {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": message},
    })
    .to_string()
    .into_bytes()
}

/// Feed the messages read from `input` to `to_server` until the input ends or
/// the client says `exit`; answer each unreadable frame on `output`.
pub(crate) fn pump(
    mut input: impl BufRead,
    to_server: &Connection,
    mut output: impl FnMut(&[u8]) -> io::Result<()>,
    error_text: &str,
) -> io::Result<()> {
    while let Some(frame) = read_frame(&mut input)? {
        let msg = match frame {
            Frame::Body(body) => parse(&body),
            Frame::Bad => None,
        };
        let Some(msg) = msg else {
            output(&parse_error(error_text))?;
            continue;
        };
        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if to_server.sender.send(msg).is_err() || exit {
            break;
        }
    }
    Ok(())
}

/// The server's end of a stdio connection: a reader thread and a writer
/// thread between the process's stdin/stdout and a memory connection. The
/// writer is returned to be joined (it ends when the server's sender is
/// dropped); the reader may stay blocked on stdin and ends with the process.
pub(crate) fn stdio(error_text: String) -> (Connection, std::thread::JoinHandle<()>) {
    let (server, client) = Connection::memory();
    let from_server = client.receiver.clone();
    std::thread::spawn(move || {
        let write = |body: &[u8]| write_frame(&mut io::stdout().lock(), body);
        let _ = pump(io::stdin().lock(), &client, write, &error_text);
    });
    let writer = std::thread::spawn(move || {
        for msg in from_server {
            // Each frame written under the stdout lock, so the reader's
            // error answers never cut into one.
            if msg.write(&mut io::stdout().lock()).is_err() {
                break;
            }
        }
    });
    (server, writer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = Cursor::new(input.to_vec());
        std::iter::from_fn(|| read_frame(&mut r).unwrap()).collect()
    }

    #[test]
    fn frames_are_read_by_their_length_with_other_headers_ignored() {
        let got = frames(b"Content-Length: 2\r\nContent-Type: x\r\n\r\n{}Content-Length: 3\r\n\r\n[1]");
        assert_eq!(got, [Frame::Body(b"{}".to_vec()), Frame::Body(b"[1]".to_vec())]);
    }

    #[test]
    fn a_huge_or_broken_length_is_refused_without_allocating_and_reading_goes_on() {
        for bad in [
            "3000000000",
            "18446744073709551615",
            "99999999999999999999999",
            "-1",
            "abc",
            "",
        ] {
            let input = format!("Content-Length: {bad}\r\n\r\n{{}}\r\nContent-Length: 2\r\n\r\n{{}}");
            assert_eq!(
                frames(input.as_bytes()),
                [Frame::Bad, Frame::Body(b"{}".to_vec())],
                "{bad}"
            );
        }
        // A header cut from its body by a bad frame before it still counts.
        let got = frames(b"Content-Length: x\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}");
        assert_eq!(got, [Frame::Bad, Frame::Body(b"{}".to_vec())]);
        // A frame with no length at all.
        assert_eq!(frames(b"Content-Type: y\r\n\r\n"), [Frame::Bad]);
    }

    #[test]
    fn a_body_cut_short_or_an_endless_line_ends_reading_quietly() {
        assert_eq!(frames(b"Content-Length: 10\r\n\r\n{}"), []);
        let long = vec![b'x'; 100_000];
        assert_eq!(frames(&long), []);
    }

    #[test]
    fn bodies_that_are_no_message_are_not_parsed() {
        for body in [&b"{abc}"[..], b"[]", b"[1,2]", br#""\ud800""#, b"\xff\xfe", b"null"] {
            assert!(parse(body).is_none(), "{:?}", String::from_utf8_lossy(body));
        }
        let lone = br#"{"jsonrpc":"2.0","method":"x","params":{"s":"\ud800"}}"#;
        assert!(parse(lone).is_none());
        assert!(parse(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_some());
    }

    #[test]
    fn each_bad_frame_gets_a_parse_error_and_the_next_message_still_arrives() {
        let (server, client) = Connection::memory();
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = Vec::new();
        for body in [&b"{abc}"[..], b"[1]", b"\xff", good] {
            input.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            input.extend_from_slice(body);
        }
        let mut answers = Vec::new();
        pump(
            Cursor::new(input),
            &client,
            |b| {
                answers.push(b.to_vec());
                Ok(())
            },
            "parse error",
        )
        .unwrap();
        assert_eq!(answers.len(), 3);
        let v: serde_json::Value = serde_json::from_slice(&answers[0]).unwrap();
        assert_eq!(v["error"]["code"], -32700);
        assert!(v["id"].is_null());
        assert!(matches!(server.receiver.try_recv(), Ok(Message::Notification(n)) if n.method == "initialized"));
    }
}
