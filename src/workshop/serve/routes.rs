//! The routes, the layers in front of them, and the accept loop.

use super::form;
use super::room::{self, Refused, Room};
use super::{BODY_TIMEOUT, HEAD_TIMEOUT, MAX_BODY, MAX_CONNECTIONS, MAX_IN_FLIGHT, Options};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::{self, Context, Format, ProfileReport};
use crate::rules::engine::{LangChoice, RuleSet, check_bytes};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// No script but ours, no style but ours, no request to anyone else, no
/// framing, no form posted anywhere, no `<base>` trick.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// A whole request, queue time included, gets this long before a 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const INDEX_HTML: &str = include_str!("assets/index.html");
const COACH_HTML: &str = include_str!("assets/coach.html");
const APP_JS: &str = include_str!("assets/app.js");
const COACH_JS: &str = include_str!("assets/coach.js");
const APP_CSS: &str = include_str!("assets/app.css");

pub struct AppState {
    rules: RuleSet,
    forced: Option<Lang>,
    fallback: Lang,
    token: String,
    room: Mutex<Room>,
}

impl AppState {
    pub fn new(rules: RuleSet, opts: &Options, token: String) -> Self {
        AppState {
            rules,
            forced: opts.forced,
            fallback: opts.fallback,
            token,
            room: Mutex::new(Room::default()),
        }
    }

    /// The language asked for: `?lang=`, else `--lang`, else the browser's
    /// (Accept-Language), else the config's or the locale's.
    fn lang(&self, asked: Option<&str>, headers: &HeaderMap) -> Lang {
        asked
            .and_then(Lang::parse)
            .or(self.forced)
            .or_else(|| accept_language(headers))
            .unwrap_or(self.fallback)
    }

    /// The report of one profile exactly as `profilecheck --format json
    /// profile.yaml` (with `--lang L` when `lang` is given) gives it.
    fn check(&self, yaml: &[u8], lang: Option<Lang>) -> ProfileReport {
        let choice = LangChoice {
            forced: lang.or(self.forced),
            fallback: self.fallback,
        };
        check_bytes(&self.rules, "profile.yaml", yaml, choice)
    }

    fn run_lang(&self, lang: Option<Lang>) -> Lang {
        lang.or(self.forced).unwrap_or(self.fallback)
    }

    fn render(&self, format: Format, lang: Lang, reports: &[ProfileReport]) -> Vec<u8> {
        let ctx = Context {
            rules: &self.rules,
            lang,
            color: false,
            quiet: false,
            // The room lints one profile with the built-in packs: no
            // configuration problems to show.
            problems: &[],
            width: report::DEFAULT_WIDTH,
        };
        // Writing to a Vec cannot fail.
        report::render(format, ctx, reports).unwrap_or_default()
    }
}

/// The first of English or French in an Accept-Language header.
fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    value
        .split(',')
        .map(|part| part.split(';').next().unwrap_or("").trim())
        .find_map(|tag| Lang::parse(tag.split('-').next().unwrap_or("")))
}

type Shared = Arc<AppState>;

pub fn router(state: Shared) -> Router {
    let security =
        |name, value: &'static str| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/coach.js",
            get(|| async { asset("text/javascript; charset=utf-8", COACH_JS) }),
        )
        .route("/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/coach", get(coach_page))
        .route("/api/form", get(form_description))
        .route("/api/check", post(check))
        .route("/api/parse", post(parse))
        .route("/api/handout", post(handout))
        .route("/api/share", post(share))
        .route("/api/room", get(room_view))
        .route("/api/room/export", get(room_export))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), host_guard))
        // The limit inside the timer: its error must reach the extractor
        // unwrapped, for a body too large to get 413 and not 408.
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(GlobalConcurrencyLimitLayer::new(MAX_IN_FLIGHT))
        .layer(CsrfLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(security(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(security(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security(header::REFERRER_POLICY, "no-referrer"))
        .layer(security(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security(header::CACHE_CONTROL, "no-store"))
        .layer(security(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ))
        .with_state(state)
}

/// Accept connections until the process stops; each goes to hyper with a
/// timer on the request head, and at most [`MAX_CONNECTIONS`] are open.
pub async fn run(listener: tokio::net::TcpListener, state: Shared) -> io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let app = router(state);
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

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A short plain-text answer in the asker's language.
fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{text}\n"),
    )
        .into_response()
}

fn json_response(status: StatusCode, value: &Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], value.to_string()).into_response()
}

/// Refuse a request whose Host is a name other than `localhost`: the room
/// is reached by the IP addresses it prints, and a page on another site that
/// rebinds its own name to this machine would otherwise read its answers.
async fn host_guard(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !host_is_ours(host) {
        let lang = state.lang(None, req.headers());
        return plain(StatusCode::MISDIRECTED_REQUEST, t!(lang, "serve-wrong-host"));
    }
    next.run(req).await
}

/// `127.0.0.1`, `192.168.1.20:8080`, `[::1]:8080`, `localhost`: an IP
/// address or localhost, with or without a port.
fn host_is_ours(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(':') => {
            name
        }
        _ => host,
    };
    let bare = name.strip_prefix('[').and_then(|n| n.strip_suffix(']'));
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<std::net::Ipv4Addr>().is_ok()
        || bare.is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok())
}

async fn not_found(State(state): State<Shared>, headers: HeaderMap) -> Response {
    plain(StatusCode::NOT_FOUND, t!(state.lang(None, &headers), "serve-not-found"))
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
    format: Option<String>,
    token: Option<String>,
}

/// What every API route reads first, from its query: `?lang=` (en or fr
/// when given, else 400), `?format=` and `?token=`.
struct Asked {
    /// `?lang=`, when given: the language of the report asked for.
    lang: Option<Lang>,
    /// The language to answer a person in: `?lang=`, else `--lang`, else the
    /// browser's, else the config's or the locale's.
    ui: Lang,
    format: Option<String>,
    token: Option<String>,
}

impl FromRequestParts<Shared> for Asked {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        let Query(q) = Query::<LangQuery>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let lang = match q.lang.as_deref() {
            None => None,
            Some(l) => match Lang::parse(l) {
                Some(lang) => Some(lang),
                None => {
                    let ui = state.lang(None, &parts.headers);
                    return Err(plain(StatusCode::BAD_REQUEST, t!(ui, "serve-bad-lang", lang = l)));
                }
            },
        };
        Ok(Asked {
            lang,
            ui: state.lang(q.lang.as_deref(), &parts.headers),
            format: q.format,
            token: q.token,
        })
    }
}

/// A coach route's request: [`Asked`] with the run's token, else 403.
struct Coach(Asked);

impl FromRequestParts<Shared> for Coach {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        let asked = Asked::from_request_parts(parts, state).await?;
        if asked
            .token
            .as_deref()
            .is_some_and(|t| room::same_token(t, &state.token))
        {
            Ok(Coach(asked))
        } else {
            Err(plain(StatusCode::FORBIDDEN, t!(asked.ui, "serve-forbidden")))
        }
    }
}

/// A profile in the body, after [`Asked`]'s checks: YAML as
/// `application/yaml` (or `x-yaml`, `text/yaml`), `text/plain`, JSON
/// (YAML's subset), or no type at all. Form encodings are refused: the
/// room's page never sends them, and a cross-site HTML form can.
struct ProfileIn {
    asked: Asked,
    body: Bytes,
}

impl FromRequest<Shared> for ProfileIn {
    type Rejection = Response;

    async fn from_request(req: Request, state: &Shared) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let asked = Asked::from_request_parts(&mut parts, state).await?;
        let ctype = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
        let accepted = [
            "application/yaml",
            "application/x-yaml",
            "text/yaml",
            "text/x-yaml",
            "text/plain",
            "application/json",
        ];
        if let Some(ct) = &ctype
            && !accepted.contains(&ct.as_str())
        {
            return Err(plain(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                t!(asked.ui, "serve-media-type", ctype = ct.as_str()),
            ));
        }
        let body = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|e| body_error(&e, asked.ui))?;
        Ok(ProfileIn { asked, body })
    }
}

async fn form_description(State(state): State<Shared>, asked: Asked) -> Response {
    let mut value = form::describe(&state.rules, asked.ui);
    value["server_lang"] = json!(state.forced.map(Lang::code));
    json_response(StatusCode::OK, &value)
}

/// Why a body could not be read: too large (413), or it stopped coming or
/// broke off (408).
fn body_error(e: &BytesRejection, lang: Lang) -> Response {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            t!(lang, "serve-too-large", mib = (MAX_BODY / (1024 * 1024)) as u64),
        )
    } else {
        plain(StatusCode::REQUEST_TIMEOUT, t!(lang, "serve-body-incomplete"))
    }
}

/// Linting is CPU work: it runs off the threads that move bytes.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.expect("a check never panics")
}

async fn check(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    let lang = asked.lang;
    let (status, json) = blocking(move || {
        let report = state.check(&body, lang);
        let status = if report.is_invalid() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        (status, state.render(Format::Json, state.run_lang(lang), &[report]))
    })
    .await;
    (status, [(header::CONTENT_TYPE, "application/json")], json).into_response()
}

/// A loaded file as JSON, for the page to fill its form; or why it is not
/// a profile (the same errors as the report).
async fn parse(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    blocking(move || {
        let report = state.check(&body, asked.lang);
        if report.is_invalid() {
            return json_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                &json!({ "profile": null, "errors": report.errors }),
            );
        }
        let tree = crate::profile::yaml::decode(&body)
            .ok()
            .and_then(|text| crate::profile::yaml::parse(text).ok());
        json_response(
            StatusCode::OK,
            &json!({ "profile": tree.as_ref().map(to_json), "errors": [] }),
        )
    })
    .await
}

fn to_json(node: &crate::profile::yaml::Node) -> Value {
    use crate::profile::yaml::Value as Y;
    match &node.value {
        Y::Null => Value::Null,
        Y::Bool(b) => json!(b),
        Y::Int(i) => json!(i),
        Y::Float(x) => json!(x),
        Y::Str(s) => json!(s),
        Y::Seq(items) => items.iter().map(to_json).collect(),
        Y::Map(entries) => entries
            .iter()
            .map(|(k, v)| (k.name.clone(), to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn handout_format(asked: &Asked) -> Option<(Format, &'static str, &'static str)> {
    match asked.format.as_deref().unwrap_or("html") {
        "html" => Some((Format::Html, "text/html; charset=utf-8", "html")),
        "markdown" | "md" => Some((Format::Markdown, "text/markdown; charset=utf-8", "md")),
        "json" => Some((Format::Json, "application/json", "json")),
        _ => None,
    }
}

fn attachment(content_type: &'static str, name: &str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

/// The handout of the profile in the body, as HTML or Markdown.
async fn handout(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    let Some((format, ctype, ext)) = handout_format(&asked) else {
        return plain(StatusCode::BAD_REQUEST, t!(asked.ui, "serve-bad-format"));
    };
    let lang = asked.lang;
    let out = blocking(move || {
        let report = state.check(&body, lang);
        state.render(format, state.run_lang(lang), &[report])
    })
    .await;
    attachment(ctype, &format!("profile-handout.{ext}"), out)
}

#[derive(Deserialize)]
struct ShareBody {
    id: Option<String>,
    name: String,
    yaml: String,
}

/// "Share with the coach": the participant's name and profile, kept in
/// memory for the coach's page until the server stops.
async fn share(
    State(state): State<Shared>,
    asked: Asked,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = asked.ui;
    let body = match body {
        Ok(b) => b,
        Err(e) => return body_error(&e, lang),
    };
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json {
        return plain(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            t!(lang, "serve-media-type", ctype = "?"),
        );
    }
    let Ok(ShareBody { id, name, yaml }) = serde_json::from_slice::<ShareBody>(&body) else {
        return plain(StatusCode::BAD_REQUEST, t!(lang, "serve-share-bad"));
    };
    // A name is shown on the coach's screen: no control characters, no
    // line breaks, not a page long.
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(room::MAX_NAME)
        .collect();
    if name.is_empty() {
        return plain(StatusCode::BAD_REQUEST, t!(lang, "serve-share-no-name"));
    }
    let report = {
        let state = state.clone();
        let yaml = yaml.clone();
        blocking(move || state.check(yaml.as_bytes(), None)).await
    };
    let score = report.score;
    let shared = state
        .room
        .lock()
        .map_err(|_| ())
        .and_then(|mut room| room.share(id.as_deref(), name, yaml, report).map_err(|_: Refused| ()));
    match shared {
        Ok(id) => json_response(StatusCode::OK, &json!({ "id": id, "score": score })),
        Err(()) => plain(
            StatusCode::TOO_MANY_REQUESTS,
            t!(lang, "serve-room-full", n = room::MAX_SHARES),
        ),
    }
}

async fn coach_page(_: Coach) -> Response {
    asset("text/html; charset=utf-8", COACH_HTML)
}

async fn room_view(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let lang = asked.ui;
    let mut view = match state.room.lock() {
        Ok(room) => room.overview(&state.rules, lang),
        Err(_) => return plain(StatusCode::INTERNAL_SERVER_ERROR, String::new()),
    };
    view["lang"] = json!(lang.code());
    view["strings"] = form::strings(lang);
    json_response(StatusCode::OK, &view)
}

/// The room's handouts (HTML or Markdown, every shared profile in one
/// document) or its statistics (JSON), as a download.
async fn room_export(State(state): State<Shared>, Coach(asked): Coach) -> Response {
    let lang = asked.ui;
    let Some((format, ctype, ext)) = handout_format(&asked) else {
        return plain(StatusCode::BAD_REQUEST, t!(lang, "serve-bad-format"));
    };
    let shared: Vec<(String, String)> = match state.room.lock() {
        Ok(room) => room.shares().iter().map(|s| (s.name.clone(), s.yaml.clone())).collect(),
        Err(_) => return plain(StatusCode::INTERNAL_SERVER_ERROR, String::new()),
    };
    let out = blocking(move || {
        // Each profile is checked again in the language of the export, and
        // shown under the name its owner shared it as.
        let reports: Vec<ProfileReport> = shared
            .iter()
            .map(|(name, yaml)| {
                let mut r = state.check(yaml.as_bytes(), Some(lang));
                r.name = name.clone();
                r
            })
            .collect();
        if format == Format::Json {
            let refs: Vec<room::Share> = reports
                .iter()
                .zip(&shared)
                .enumerate()
                .map(|(i, (r, (name, yaml)))| room::Share {
                    name: name.clone(),
                    yaml: yaml.clone(),
                    report: r.clone(),
                    order: i,
                })
                .collect();
            let shares: Vec<&room::Share> = refs.iter().collect();
            let people: Vec<Value> = refs
                .iter()
                .map(|s| json!({ "name": s.name, "score": s.report.score, "missed": s.report.findings.iter().map(|f| &f.rule).collect::<Vec<_>>() }))
                .collect();
            let stats = json!({
                "tool": "profilecheck",
                "lang": lang.code(),
                "participants": people,
                "missed": room::missed(&shares, &state.rules, lang),
            });
            return serde_json::to_vec_pretty(&stats).unwrap_or_default();
        }
        state.render(format, lang, &reports)
    })
    .await;
    let name = if format == Format::Json {
        "room-statistics.json".to_owned()
    } else {
        format!("room-handouts.{ext}")
    };
    attachment(ctype, &name, out)
}

#[cfg(test)]
mod tests {
    use super::host_is_ours;

    #[test]
    fn hosts_are_addresses_or_localhost() {
        for ok in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST",
            "192.168.1.20:80",
            "[::1]:8080",
            "[fe80::1]",
        ] {
            assert!(host_is_ours(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.nip.io",
            "localhost.evil",
            "::1",
            "[::1",
            "1.2.3:80",
        ] {
            assert!(!host_is_ours(bad), "{bad}");
        }
    }
}
