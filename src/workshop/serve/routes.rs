//! The routes, the layers in front of them, and the accept loop.

use super::limits::{self, Uploads};
use super::room::{self, Refused, Room};
use super::{MAX_BODY, MAX_IN_FLIGHT, Options, advice, coach, form};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::{self, Context, Format, ProfileReport};
use crate::rules::engine::{LangChoice, LenientReport, RuleSet, check_bytes, check_bytes_lenient};
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
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// No script but ours, no style but ours, no request to anyone else, no
/// framing, no form posted anywhere, no `<base>` trick.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// A whole request, queue time included, gets this long before a 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const COACH_JS: &str = include_str!("assets/coach.js");
const APP_CSS: &str = include_str!("assets/app.css");

pub struct AppState {
    pub(super) rules: RuleSet,
    pub(super) forced: Option<Lang>,
    fallback: Lang,
    pub(super) token: String,
    pub(super) room: Mutex<Room>,
    /// The participants' address, for the coach's page and its QR code.
    pub(super) address: String,
    /// Bodies read at once.
    pub(super) uploads: Uploads,
    /// Checks run at once (CPU work); the others wait their turn.
    checks: Semaphore,
}

impl AppState {
    pub fn new(rules: RuleSet, opts: &Options, token: String, room: Room, address: String) -> Self {
        AppState {
            rules,
            forced: opts.forced,
            fallback: opts.fallback,
            token,
            room: Mutex::new(room),
            address,
            uploads: Uploads::default(),
            checks: Semaphore::new(MAX_IN_FLIGHT),
        }
    }

    /// The language asked for: `?lang=`, else `--lang`, else the browser's
    /// (Accept-Language), else the config's or the locale's.
    pub(super) fn lang(&self, asked: Option<&str>, headers: &HeaderMap) -> Lang {
        asked
            .and_then(Lang::parse)
            .or(self.forced)
            .or_else(|| accept_language(headers))
            .unwrap_or(self.fallback)
    }

    /// The report of one profile exactly as `profilecheck --format json
    /// profile.yaml` (with `--lang L` when `lang` is given) gives it.
    pub(super) fn check(&self, yaml: &[u8], lang: Option<Lang>) -> ProfileReport {
        check_bytes(&self.rules, "profile.yaml", yaml, self.choice(lang))
    }

    /// The lenient check of the room's pages: a wrong answer is left out
    /// and named, the rest is scored.
    pub(super) fn check_lenient(&self, yaml: &[u8], lang: Option<Lang>) -> LenientReport {
        check_bytes_lenient(&self.rules, "profile.yaml", yaml, self.choice(lang))
    }

    fn choice(&self, lang: Option<Lang>) -> LangChoice {
        LangChoice {
            forced: lang.or(self.forced),
            fallback: self.fallback,
        }
    }

    pub(super) fn run_lang(&self, lang: Option<Lang>) -> Lang {
        lang.or(self.forced).unwrap_or(self.fallback)
    }

    pub(super) fn render(&self, format: Format, lang: Lang, reports: &[ProfileReport]) -> Vec<u8> {
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

pub(super) type Shared = Arc<AppState>;

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
        .route("/coach", get(coach::page))
        .route("/api/form", get(form_description))
        .route("/api/check", post(check))
        .route("/api/advice", post(advice_route))
        .route("/api/parse", post(parse))
        .route("/api/handout", post(handout))
        .route("/api/share", post(share))
        .route("/api/room", get(coach::view))
        .route("/api/room/participant", get(coach::participant))
        .route("/api/room/remove", post(coach::remove))
        .route("/api/room/export", get(coach::export))
        .fallback(not_found)
        // Every body is read whole, within its deadline, before a route runs.
        .layer(middleware::from_fn_with_state(state.clone(), limits::whole_body))
        .layer(middleware::from_fn_with_state(state.clone(), host_guard))
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

/// Serve the room on `listener` until the process stops.
pub async fn run(listener: tokio::net::TcpListener, state: Shared) -> io::Result<()> {
    limits::run(listener, router(state)).await
}

pub(super) fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A short plain-text answer in the asker's language.
pub(super) fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{text}\n"),
    )
        .into_response()
}

pub(super) fn json_response(status: StatusCode, value: &Value) -> Response {
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
    id: Option<String>,
}

/// What every API route reads first, from its query: `?lang=` (en or fr
/// when given, else 400), `?format=` and `?token=`.
pub(super) struct Asked {
    /// `?lang=`, when given: the language of the report asked for.
    pub(super) lang: Option<Lang>,
    /// The language to answer a person in: `?lang=`, else `--lang`, else the
    /// browser's, else the config's or the locale's.
    pub(super) ui: Lang,
    pub(super) format: Option<String>,
    token: Option<String>,
    pub(super) id: Option<String>,
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
            id: q.id,
        })
    }
}

/// A coach route's request: [`Asked`] with the run's token, else 403.
pub(super) struct Coach(pub(super) Asked);

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
pub(super) fn body_error(e: &BytesRejection, lang: Lang) -> Response {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            t!(lang, "serve-too-large", mib = (MAX_BODY / (1024 * 1024)) as u64),
        )
    } else {
        plain(StatusCode::REQUEST_TIMEOUT, t!(lang, "serve-body-incomplete"))
    }
}

/// Linting is CPU work: it runs off the threads that move bytes, at most
/// [`MAX_IN_FLIGHT`] at once.
pub(super) async fn blocking<T: Send + 'static>(state: &Shared, f: impl FnOnce() -> T + Send + 'static) -> T {
    let _turn = state.checks.acquire().await;
    tokio::task::spawn_blocking(f).await.expect("a check never panics")
}

async fn check(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    let lang = asked.lang;
    let (status, json) = blocking(&state.clone(), move || {
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

/// A loaded file as JSON, for the page to fill its form (a wrong value
/// comes too, for the page to mark at its field); or where it is not YAML.
async fn parse(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    blocking(&state.clone(), move || {
        let lenient = state.check_lenient(&body, asked.lang);
        if lenient.report.is_invalid() {
            let errors: Vec<Value> = lenient
                .report
                .errors
                .iter()
                .map(|e| json!({ "line": e.line, "column": e.column }))
                .collect();
            return json_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                &json!({ "profile": null, "errors": errors }),
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

/// The participant's page: the lenient check of the profile in the body,
/// as the page shows it (docs/cli.md, serve): score, steps done, advice by
/// step, the answers left out. `/api/check` stays the strict CLI report.
async fn advice_route(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    blocking(&state.clone(), move || {
        let lang = state.run_lang(asked.lang);
        let lenient = state.check_lenient(&body, asked.lang);
        json_response(StatusCode::OK, &advice::view(&state.rules, &lenient, lang))
    })
    .await
}

pub(super) fn to_json(node: &crate::profile::yaml::Node) -> Value {
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

pub(super) fn handout_format(asked: &Asked) -> Option<(Format, &'static str, &'static str)> {
    match asked.format.as_deref().unwrap_or("html") {
        "html" => Some((Format::Html, "text/html; charset=utf-8", "html")),
        "markdown" | "md" => Some((Format::Markdown, "text/markdown; charset=utf-8", "md")),
        "json" => Some((Format::Json, "application/json", "json")),
        _ => None,
    }
}

pub(super) fn attachment(content_type: &'static str, name: &str, body: Vec<u8>) -> Response {
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

/// The handout of the profile in the body, as HTML or Markdown, named
/// after the person.
async fn handout(State(state): State<Shared>, ProfileIn { asked, body }: ProfileIn) -> Response {
    let Some((format, ctype, ext)) = handout_format(&asked) else {
        return plain(StatusCode::BAD_REQUEST, t!(asked.ui, "serve-bad-format"));
    };
    let lang = asked.lang;
    let (name, out) = blocking(&state.clone(), move || {
        let report = state.check_lenient(&body, lang).report;
        let name = file_stem(&report.name, state.run_lang(lang));
        (name, state.render(format, state.run_lang(lang), &[report]))
    })
    .await;
    attachment(ctype, &format!("{name}.{ext}"), out)
}

/// "Sophie Bernard" -> `sophie-bernard`: a file name from a person's name
/// (ASCII letters, digits and dashes), "profile" or "profil" for none.
pub(super) fn file_stem(name: &str, lang: Lang) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if folded != "-" || !out.ends_with('-') {
            out.push_str(folded);
        }
    }
    let stem: String = out.trim_matches('-').chars().take(60).collect();
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() || name == "profile" {
        t!(lang, "serve-file-stem")
    } else {
        stem.to_owned()
    }
}

#[derive(Deserialize)]
struct ShareBody {
    id: Option<String>,
    name: String,
    yaml: String,
}

/// "Share with the coach": the participant's name and profile, kept in
/// memory for the coach's page until the server stops. The id is the one
/// the participant's browser keeps for every tab: sharing again updates
/// the same row.
async fn share(State(state): State<Shared>, asked: Asked, headers: HeaderMap, body: Bytes) -> Response {
    let lang = asked.ui;
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
    if yaml.len() > room::MAX_SHARE_BYTES {
        return plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            t!(
                lang,
                "serve-share-too-large",
                kib = (room::MAX_SHARE_BYTES / 1024) as u64
            ),
        );
    }
    let name = room::clean_name(&name);
    if name.is_empty() {
        return plain(StatusCode::BAD_REQUEST, t!(lang, "serve-share-no-name"));
    }
    let report = {
        let (state2, yaml) = (state.clone(), yaml.clone());
        blocking(&state, move || state2.check_lenient(yaml.as_bytes(), None).report).await
    };
    let score = report.score;
    let shared = state.room.lock().map_err(|_| ()).and_then(|mut room| {
        room.share(id.as_deref(), name, yaml, report, room::now())
            .map_err(|_: Refused| ())
    });
    match shared {
        Ok(id) => json_response(StatusCode::OK, &json!({ "id": id, "score": score })),
        Err(()) => plain(
            StatusCode::TOO_MANY_REQUESTS,
            t!(lang, "serve-room-full", n = room::MAX_SHARES),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, file_stem, host_is_ours};

    #[test]
    fn downloads_are_named_after_the_person() {
        assert_eq!(file_stem("Sophie Bernard", Lang::Fr), "sophie-bernard");
        assert_eq!(file_stem("  Zoé  Lefèvre-Œuvray ", Lang::Fr), "zoe-lefevre-oeuvray");
        assert_eq!(file_stem("<script>", Lang::En), "script");
        assert_eq!(file_stem("🚀", Lang::Fr), "profil");
        assert_eq!(file_stem("profile", Lang::En), "profile");
        assert_eq!(file_stem("", Lang::En), "profile");
    }

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
