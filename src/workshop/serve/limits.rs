//! How the room bounds what a client can hold: the accept loop (at most
//! [`MAX_CONNECTIONS`] open, each with a whole-head deadline), and the body
//! reader every route sits behind (a whole-body deadline, a size cap, and a
//! bounded number of bodies read at once).
//!
//! Why a deadline and not a timer per read: a timer that restarts with
//! every chunk lets a client that sends one byte every 3 s hold a request
//! for ever (issue 27). Why a separate bound for uploads: pages carry no
//! body, so however many slow uploads wait their turn, `GET /` is served.

use super::{BODY_TIMEOUT, HEAD_TIMEOUT, MAX_BODY, MAX_CONNECTIONS, MAX_UPLOADS};
use crate::i18n::catalog::t;
use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// Accept connections until the process stops; each goes to hyper with a
/// deadline on the request head (hyper's timer runs from the head's first
/// read and is not reset by later bytes), and at most [`MAX_CONNECTIONS`]
/// are open.
pub async fn run(listener: tokio::net::TcpListener, app: Router) -> io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, a connection reset before it was
            // accepted: wait a moment and go on serving the others.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(64 * 1024);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// The bodies being read at once.
pub struct Uploads(Arc<Semaphore>);

impl Default for Uploads {
    fn default() -> Self {
        Uploads(Arc::new(Semaphore::new(MAX_UPLOADS)))
    }
}

/// Why a body was not read.
enum BodyFault {
    TooLarge,
    /// It did not all come before the deadline, or broke off.
    Incomplete,
}

/// Middleware: read the whole body before the route runs, within
/// [`BODY_TIMEOUT`] from the end of the head (waiting for a turn included),
/// and at most [`MAX_BODY`] bytes. A late body gets 408 and the connection
/// is closed; a request with no body goes straight through.
pub async fn whole_body(State(state): State<super::routes::Shared>, req: Request, next: Next) -> Response {
    let deadline = Instant::now() + BODY_TIMEOUT;
    let (parts, body) = req.into_parts();
    if body.is_end_stream() {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let lang = state.lang(None, &parts.headers);
    // A body announced larger than the cap is refused before a byte is read.
    let announced = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let read = async {
        if announced.is_some_and(|n| n > MAX_BODY as u64) {
            return Err(BodyFault::TooLarge);
        }
        let _turn = state.uploads.0.acquire().await.map_err(|_| BodyFault::Incomplete)?;
        collect(body).await
    };
    let fault = match tokio::time::timeout_at(deadline, read).await {
        Ok(Ok(bytes)) => return next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Ok(Err(fault)) => fault,
        Err(_) => BodyFault::Incomplete,
    };
    let (status, text) = match fault {
        BodyFault::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            t!(lang, "serve-too-large", mib = (MAX_BODY / (1024 * 1024)) as u64),
        ),
        BodyFault::Incomplete => (StatusCode::REQUEST_TIMEOUT, t!(lang, "serve-body-incomplete")),
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            // What is left of the body is never read: the connection goes.
            (header::CONNECTION, "close"),
        ],
        format!("{text}\n"),
    )
        .into_response()
}

/// Every frame of a body, up to [`MAX_BODY`] bytes.
async fn collect(mut body: Body) -> Result<Bytes, BodyFault> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            None => return Ok(Bytes::from(out)),
            Some(Err(_)) => return Err(BodyFault::Incomplete),
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    if out.len() + data.len() > MAX_BODY {
                        return Err(BodyFault::TooLarge);
                    }
                    out.extend_from_slice(&data);
                }
            }
        }
    }
}
