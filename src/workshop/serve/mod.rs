//! `profilecheck serve` (docs/cli.md, serve): the workshop room. A local web server
//! with the participant's page (the profile as a form, checked as it is
//! typed, kept in the browser), `POST /api/check` (the `--format json`
//! report of one profile), `POST /api/advice` (the page's lenient check) and
//! the coach's page. Everything lives in memory and is gone when it stops,
//! unless the coach exports it (`--resume` reads an export back).
//!
//! The server parts: axum's router behind tower-http's CSRF check and
//! timeout, a body reader with a whole-body deadline (`limits.rs`), and an
//! accept loop of our own that hands each connection to hyper with a
//! request-head deadline (`axum::serve` sets none) and bounds how many
//! connections are open at once.

mod advice;
mod coach;
mod form;
mod limits;
mod qr;
mod room;
mod routes;

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::engine::RuleSet;
use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// A client must send its whole request head within this time (docs/cli.md, serve: a
/// client that stops half-way is dropped within 10 s).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(8);
/// And its whole body within this time after the head, however it dribbles
/// in (a deadline, not a timer per read).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(8);
/// The largest body accepted (413 past it): the profile size limit.
pub const MAX_BODY: usize = crate::profile::yaml::MAX_BYTES;
/// Open connections at once; past it new ones wait in the kernel's backlog.
pub const MAX_CONNECTIONS: usize = 256;
/// Checks run at once; the others wait their turn.
pub const MAX_IN_FLIGHT: usize = 64;
/// Bodies read at once; pages, which have none, never wait for them.
pub const MAX_UPLOADS: usize = 32;

/// How the room is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// 0 lets the system choose a free port (printed at start).
    pub port: u16,
    /// Listen on every interface instead of 127.0.0.1 only.
    pub lan: bool,
    /// `--lang`: the language every report is forced into, and the page's.
    pub forced: Option<Lang>,
    /// The language of a profile that names none (config, then locale).
    pub fallback: Lang,
    /// `--resume FILE`: a coach's export of an earlier session to start from.
    pub resume: Option<std::path::PathBuf>,
}

/// Run the room until the process is stopped. `out` gets the addresses to
/// give the room (the library prints nothing of its own).
pub fn serve(rules: RuleSet, opts: Options, out: &mut dyn Write) -> io::Result<()> {
    let lang = opts.forced.unwrap_or(opts.fallback);
    // A resume file is read first: a bad one stops here, before any port opens.
    let room = match &opts.resume {
        Some(path) => coach::resume(path, &rules, lang).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
        None => room::Room::default(),
    };
    let resumed = room.shares().len();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let ip = if opts.lan {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        };
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(ip, opts.port)).await?;
        let port = listener.local_addr()?.port();
        let token = room::new_token()?;
        let hosts = if opts.lan { lan_addresses() } else { vec![] };
        let shown: Vec<String> = if hosts.is_empty() {
            vec!["127.0.0.1".to_owned()]
        } else {
            hosts.iter().map(|h| h.to_string()).collect()
        };
        let address = format!("http://{}:{port}/", shown[0]);
        let state = Arc::new(routes::AppState::new(rules, &opts, token.clone(), room, address));
        writeln!(out, "{}", t!(lang, "serve-open"))?;
        if let Some(path) = &opts.resume {
            let file = coach::shown_path(path);
            writeln!(out, "{}", t!(lang, "serve-resumed", n = resumed, file = file.as_str()))?;
        }
        for h in &shown {
            writeln!(out, "  {}  http://{h}:{port}/", t!(lang, "serve-participants"))?;
        }
        writeln!(
            out,
            "  {}  http://{}:{port}/coach?token={token}",
            t!(lang, "serve-coach"),
            shown[0]
        )?;
        if opts.lan && hosts.is_empty() {
            writeln!(out, "{}", t!(lang, "serve-no-lan-address"))?;
        }
        writeln!(out, "{}", t!(lang, "serve-stop"))?;
        out.flush()?;
        routes::run(listener, state).await
    })
}

/// The machine's own non-loopback addresses, IPv4 first: what participants
/// on the room's network type in.
fn lan_addresses() -> Vec<IpAddr> {
    let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| !ip.is_loopback() && ip.is_ipv4())
        .collect();
    ips.sort();
    ips.dedup();
    ips
}
