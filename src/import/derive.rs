//! From export records to profile fields, as docs/cli.md, import lists them: the
//! About section from `profile_information.json`, the posting rhythm,
//! hashtags and links from the posts of the last 183 days.

use super::Derived;
use super::facebook::Post;
use super::repair::repair;
use crate::workshop::write::Ans;
use regex::Regex;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Length of the posting window, in days (about six months).
pub(crate) const WINDOW_DAYS: i64 = 183;
/// Most hashtags kept as keywords.
const MAX_KEYWORDS: usize = 10;

/// Networks recognised from a website's host: the link-domains table of
/// docs/rules.md, plus viadeo. A subdomain (`www.`, `fr.`) counts.
const NETWORKS: &[(&str, &[&str])] = &[
    ("linkedin", &["linkedin.com"]),
    ("viadeo", &["viadeo.com"]),
    ("twitter", &["twitter.com"]),
    ("x", &["x.com"]),
    ("instagram", &["instagram.com"]),
    ("youtube", &["youtube.com", "youtu.be"]),
    ("github", &["github.com"]),
];

/// The posting window: the days from `start_day` (included) to `end_day`
/// (excluded), as days since 1970-01-01, UTC.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub(super) start_day: i64,
    pub(super) end_day: i64,
}

impl Window {
    /// The [`WINDOW_DAYS`] days before `as_of`.
    pub(super) fn before(as_of: i64) -> Window {
        Window {
            start_day: as_of - WINDOW_DAYS,
            end_day: as_of,
        }
    }
    fn contains(&self, ts: i64) -> bool {
        (self.start_day * 86_400..self.end_day * 86_400).contains(&ts)
    }
}

/// How a field was found, for the comment above it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum How {
    /// Read from these keys of `profile_information.json`.
    Keys(&'static str),
    /// Posts of the window ÷ 6.
    PerMonth { posts: usize, from: String, to: String },
    /// Hashtags of the window's posts.
    Hashtags { posts: usize },
    /// Links shared in the window's posts, compared with the websites.
    Links,
}

/// A post of the window, kept for hashtags and links.
struct Kept {
    ts: i64,
    order: usize,
    text: String,
    urls: Vec<String>,
}

/// Posts as they stream by: counted, and kept (once) when in the window.
pub(super) struct Posts {
    window: Window,
    pub(super) records: usize,
    seen: HashSet<(i64, String)>,
    kept: Vec<Kept>,
}

impl Posts {
    pub(super) fn new(window: Window) -> Self {
        Posts {
            window,
            records: 0,
            seen: HashSet::new(),
            kept: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, p: Post) {
        self.records += 1;
        let Some(ts) = p.timestamp.filter(|t| t.is_finite()).map(|t| t as i64) else {
            return;
        };
        if !self.window.contains(ts) {
            return;
        }
        let text: Vec<String> = p
            .data
            .iter()
            .filter_map(|d| d.post.as_deref())
            .map(|s| repair(s).into_owned())
            .collect();
        let text = text.join("\n");
        // Parts of a split export repeat records: the same moment and text is one post.
        if !self.seen.insert((ts, text.clone())) {
            return;
        }
        let urls = p
            .attachments
            .iter()
            .flat_map(|a| &a.data)
            .filter_map(|d| d.external_context.as_ref()?.url.as_deref())
            .map(|u| repair(u).into_owned())
            .collect();
        let order = self.kept.len();
        self.kept.push(Kept { ts, order, text, urls });
    }

    pub(super) fn in_window(&self) -> usize {
        self.kept.len()
    }

    /// The window's posts, oldest first (ties in reading order).
    fn chronological(&self) -> Vec<&Kept> {
        let mut v: Vec<&Kept> = self.kept.iter().collect();
        v.sort_by_key(|k| (k.ts, k.order));
        v
    }
}

static HASHTAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"#[\p{L}\p{N}_]+").expect("valid regex"));

/// The distinct hashtags of `texts` (given oldest first): most used first,
/// ties by first use, at most [`MAX_KEYWORDS`].
fn hashtags<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut next = 0;
    for text in texts {
        for m in HASHTAG.find_iter(text) {
            let e = counts.entry(m.as_str()).or_insert_with(|| {
                next += 1;
                (0, next)
            });
            e.0 += 1;
        }
    }
    let mut tags: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    tags.into_iter().take(MAX_KEYWORDS).map(|(t, _)| t.to_owned()).collect()
}

/// The host of a URL, lower case, without `www.`, port or user; a URL
/// without `://` is read as if `https://` stood before it.
pub(crate) fn host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = authority.split(':').next()?.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").map(str::to_owned).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The network a URL's host belongs to, if any.
fn network_of(url: &str) -> Option<&'static str> {
    let host = host(url)?;
    NETWORKS.iter().find_map(|(net, domains)| {
        domains
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
            .then_some(*net)
    })
}

/// `other_names[].type` as the format's name type: English keys and labels,
/// and the French labels, else `other`.
fn name_type(t: &str) -> &'static str {
    // Accents dropped, so the French labels match however they were typed.
    let t: String = t
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '’' | '\''))
        .map(|c| match c {
            ' ' | '-' => '_',
            'é' | 'è' | 'ê' => 'e',
            c => c,
        })
        .collect();
    match t.as_str() {
        "nickname" | "surnom" => "nickname",
        "maiden_name" | "nom_de_jeune_fille" => "maiden_name",
        "alternate_spelling" | "autre_orthographe" => "alternate_spelling",
        "married_name" | "nom_marital" | "nom_depouse" | "nom_depoux" => "married_name",
        "fathers_name" | "father_name" | "nom_du_pere" => "fathers_name",
        "birth_name" | "nom_de_naissance" => "birth_name",
        "former_name" | "ancien_nom" => "former_name",
        "name_with_title" | "nom_avec_titre" => "name_with_title",
        _ => "other",
    }
}

fn text_at<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    let mut v = v;
    for k in keys {
        v = v.get(k)?;
    }
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// Every field the export tells. `profile` is (file, profile object);
/// `post_files` the posts files read.
pub(super) fn fields(profile: Option<&(String, Option<Value>)>, posts: &Posts, post_files: &[&str]) -> Vec<Derived> {
    let mut out = Vec::new();
    let mut websites: Vec<String> = Vec::new();
    if let Some((file, Some(root))) = profile {
        let mut put = |path: &'static str, value: Ans, keys: &'static str| {
            out.push(Derived {
                path,
                value,
                files: vec![file.clone()],
                how: How::Keys(keys),
            });
        };
        // 2018–2019 exports may give the name as a plain string.
        let name = text_at(root, &["name", "full_name"]).or_else(|| text_at(root, &["name"]));
        if let Some(name) = name {
            put("name", Ans::Str(name.to_owned()), "name.full_name");
        }
        if let Some(bio) = text_at(root, &["intro_bio", "name"]) {
            put("about.bio", Ans::Str(bio.to_owned()), "intro_bio.name");
        }
        let work: Vec<Vec<(&'static str, Ans)>> = list(root, "work_experiences")
            .iter()
            .filter_map(|w| {
                let mut item = Vec::new();
                if let Some(e) = text_at(w, &["employer"]) {
                    item.push(("employer", Ans::Str(e.to_owned())));
                }
                if let Some(t) = text_at(w, &["title"]) {
                    item.push(("position", Ans::Str(t.to_owned())));
                }
                if item.is_empty() {
                    return None;
                }
                let ended = w.get("end_timestamp").and_then(Value::as_f64).is_some_and(|t| t != 0.0);
                item.push(("current", Ans::Bool(!ended)));
                Some(item)
            })
            .collect();
        if !work.is_empty() {
            put("about.work", Ans::Items(work), "work_experiences");
        }
        let schools: Vec<Vec<(&'static str, Ans)>> = list(root, "education_experiences")
            .iter()
            .filter_map(|s| {
                let mut item = Vec::new();
                if let Some(n) = text_at(s, &["name"]) {
                    item.push(("school", Ans::Str(n.to_owned())));
                }
                if let Some(d) = text_at(s, &["degree"]) {
                    item.push(("degree", Ans::Str(d.to_owned())));
                }
                (!item.is_empty()).then_some(item)
            })
            .collect();
        if !schools.is_empty() {
            put("about.education", Ans::Items(schools), "education_experiences");
        }
        if let Some(city) = text_at(root, &["current_city", "name"]) {
            put("about.city", Ans::Str(city.to_owned()), "current_city.name");
        }
        if let Some(email) = list(root.get("emails").unwrap_or(&Value::Null), "emails")
            .iter()
            .find_map(|e| e.as_str().map(str::trim).filter(|s| !s.is_empty()))
        {
            put("contact.email", Ans::Str(email.to_owned()), "emails.emails");
        }
        websites = list(root, "websites")
            .iter()
            .filter_map(|w| text_at(w, &["address"]))
            .map(str::to_owned)
            .collect();
        let mut website = None;
        let mut links = Vec::new();
        for address in &websites {
            match network_of(address) {
                Some(net) => links.push(vec![
                    ("network", Ans::Str(net.to_owned())),
                    ("url", Ans::Str(address.clone())),
                ]),
                None if website.is_none() => website = Some(address.clone()),
                None => links.push(vec![
                    ("network", Ans::Str("website".to_owned())),
                    ("url", Ans::Str(address.clone())),
                ]),
            }
        }
        if let Some(w) = website {
            put("contact.website", Ans::Str(w), "websites[].address");
        }
        if !links.is_empty() {
            put("contact.links", Ans::Items(links), "websites[].address");
        }
        if let Some(other) = list(root, "other_names")
            .iter()
            .find(|o| text_at(o, &["name"]).is_some())
        {
            let name = text_at(other, &["name"]).unwrap_or_default();
            put("alternate_name.name", Ans::Str(name.to_owned()), "other_names[0].name");
            let kind = text_at(other, &["type"]).map_or("other", name_type);
            put("alternate_name.type", Ans::Str(kind.to_owned()), "other_names[0].type");
        }
    }
    if !post_files.is_empty() {
        let files: Vec<String> = post_files.iter().map(|s| (*s).to_owned()).collect();
        let n = posts.in_window();
        let from = super::date(posts.window.start_day);
        let to = super::date(posts.window.end_day - 1);
        // n ÷ 6 to one decimal, rounded half up, in integers so it is exact.
        let tenths = (n as f64 * 10.0 / 6.0).round();
        out.push(Derived {
            path: "publishing.posts_per_month",
            value: Ans::Num(tenths / 10.0),
            files: files.clone(),
            how: How::PerMonth { posts: n, from, to },
        });
        let chrono = posts.chronological();
        let tags = hashtags(chrono.iter().map(|k| k.text.as_str()));
        if !tags.is_empty() {
            out.push(Derived {
                path: "keywords",
                value: Ans::List(tags),
                files: files.clone(),
                how: How::Hashtags { posts: n },
            });
        }
        let own: HashSet<String> = websites.iter().filter_map(|w| host(w)).collect();
        let linked: Vec<String> = chrono.iter().flat_map(|k| &k.urls).filter_map(|u| host(u)).collect();
        let blog = linked.iter().any(|h| own.contains(h));
        let curation = linked.iter().any(|h| !own.contains(h));
        for (path, value) in [
            ("publishing.shares_blog_posts", blog),
            ("publishing.shares_curation", curation),
        ] {
            out.push(Derived {
                path,
                value: Ans::Bool(value),
                files: files.clone(),
                how: How::Links,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_by_use_then_first_use() {
        let texts = ["#b and #a", "#a #c #b", "#d", "#c"];
        assert_eq!(hashtags(texts.into_iter()), ["#b", "#a", "#c", "#d"]);
        let many: Vec<String> = (0..15).map(|i| format!("#t{i}")).collect();
        let got = hashtags(many.iter().map(String::as_str));
        assert_eq!(got.len(), 10);
        assert_eq!(got[0], "#t0");
        assert_eq!(hashtags(["#été, #Été! #x-y"].into_iter()), ["#été", "#Été", "#x"]);
    }

    #[test]
    fn hosts_and_networks() {
        assert_eq!(host("https://www.Example.org/blog?x").as_deref(), Some("example.org"));
        assert_eq!(host("jeanne.example.org").as_deref(), Some("jeanne.example.org"));
        assert_eq!(host("http://user@site.fr:8080/").as_deref(), Some("site.fr"));
        assert_eq!(network_of("https://fr.linkedin.com/in/x"), Some("linkedin"));
        assert_eq!(network_of("twitter.com/x"), Some("twitter"));
        assert_eq!(network_of("https://x.com/x"), Some("x"));
        assert_eq!(network_of("https://youtu.be/abc"), Some("youtube"));
        assert_eq!(network_of("https://www.viadeo.com/p/x"), Some("viadeo"));
        assert_eq!(network_of("https://notlinkedin.com/x"), None);
        assert_eq!(network_of("https://box.com"), None);
    }

    #[test]
    fn name_types_map_to_the_format() {
        assert_eq!(name_type("Nickname"), "nickname");
        assert_eq!(name_type("Father's Name"), "fathers_name");
        assert_eq!(name_type("Name with Title"), "name_with_title");
        assert_eq!(name_type("Nom de jeune fille"), "maiden_name");
        assert_eq!(name_type("Nom du p\u{e8}re"), "fathers_name");
        assert_eq!(name_type("Spitzname"), "other");
    }

    #[test]
    fn the_window_is_the_183_days_before_as_of() {
        let w = Window::before(100);
        assert!(!w.contains((100 - 183) * 86_400 - 1));
        assert!(w.contains((100 - 183) * 86_400));
        assert!(w.contains(100 * 86_400 - 1));
        assert!(!w.contains(100 * 86_400));
    }
}
