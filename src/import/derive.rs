//! From export records to profile fields, as docs/cli.md, import lists them: the
//! About section from `profile_information.json`, the posting rhythm,
//! hashtags and links from the posts of the last 183 days.

use super::Derived;
use super::facebook::{Post, Profile};
use super::repair::repair;
use crate::workshop::write::Ans;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
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

/// Most distinct posts of the window counted (and told apart from the
/// repeats of a split export): 546 a day, far past any person.
const MAX_POSTS: usize = 100_000;
/// Most distinct hashtags counted; later new ones are not.
const MAX_TAGS: usize = 10_000;
/// A longer "hashtag" is not one anybody types, and is not counted.
const MAX_TAG_BYTES: usize = 256;

/// How often a hashtag is used, and its first use: (timestamp, post in
/// reading order, place in the post).
#[derive(Debug, Clone, Copy)]
struct Tag {
    uses: usize,
    first: (i64, usize, usize),
}

/// Posts as they stream by: counted, told apart from repeats, and reduced
/// at once to what the profile needs (hashtag counts, which sites they
/// link to). No post text is kept, so memory does not grow with the export.
pub(super) struct Posts {
    window: Window,
    pub(super) records: usize,
    /// A hash of (timestamp, text) of each distinct post of the window.
    seen: HashSet<u64>,
    tags: HashMap<String, Tag>,
    /// The hosts of the profile's own websites.
    own: HashSet<String>,
    blog: bool,
    curation: bool,
}

impl Posts {
    /// `own`: the hosts of the profile's websites, to tell a blog post from curation.
    pub(super) fn new(window: Window, own: HashSet<String>) -> Self {
        Posts {
            window,
            records: 0,
            seen: HashSet::new(),
            tags: HashMap::new(),
            own,
            blog: false,
            curation: false,
        }
    }

    pub(super) fn add(&mut self, p: Post) {
        self.records += 1;
        let Some(ts) = p.timestamp.0.filter(|t| t.is_finite()).map(|t| t as i64) else {
            return;
        };
        if !self.window.contains(ts) || self.seen.len() >= MAX_POSTS {
            return;
        }
        let text: Vec<String> = p
            .data
            .items()
            .filter_map(|d| d.post.0.as_deref())
            .map(|s| repair(s).into_owned())
            .collect();
        let text = text.join("\n");
        // Parts of a split export repeat records: the same moment and text is one post.
        let mut h = std::hash::DefaultHasher::new();
        (ts, &text).hash(&mut h);
        if !self.seen.insert(h.finish()) {
            return;
        }
        let order = self.seen.len();
        for (place, m) in HASHTAG.find_iter(&text).enumerate() {
            self.count_tag(m.as_str(), (ts, order, place));
        }
        let hosts = p.attachments.items().flat_map(|a| a.data.items());
        for url in hosts.filter_map(|d| d.external_context.0.as_ref()?.url.0.as_deref()) {
            if let Some(host) = host(&repair(url)) {
                match self.own.contains(&host) {
                    true => self.blog = true,
                    false => self.curation = true,
                }
            }
        }
    }

    fn count_tag(&mut self, tag: &str, at: (i64, usize, usize)) {
        if let Some(t) = self.tags.get_mut(tag) {
            t.uses += 1;
            t.first = t.first.min(at);
        } else if self.tags.len() < MAX_TAGS && tag.len() <= MAX_TAG_BYTES {
            self.tags.insert(tag.to_owned(), Tag { uses: 1, first: at });
        }
    }

    pub(super) fn in_window(&self) -> usize {
        self.seen.len()
    }

    /// The distinct hashtags: most used first, ties by first use, at most [`MAX_KEYWORDS`].
    fn hashtags(&self) -> Vec<String> {
        let mut tags: Vec<(&String, &Tag)> = self.tags.iter().collect();
        tags.sort_by(|a, b| b.1.uses.cmp(&a.1.uses).then(a.1.first.cmp(&b.1.first)));
        tags.into_iter().take(MAX_KEYWORDS).map(|(t, _)| t.clone()).collect()
    }
}

static HASHTAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"#[\p{L}\p{N}_]+").expect("valid regex"));

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

/// The profile's website addresses, in the export's order.
fn websites(root: &Profile) -> Vec<String> {
    root.websites.items().filter_map(|w| w.address.get()).collect()
}

/// The hosts of the profile's own websites (not the social networks').
pub(super) fn own_hosts(profile: Option<&Profile>) -> HashSet<String> {
    profile
        .map(websites)
        .unwrap_or_default()
        .iter()
        .filter_map(|w| host(w))
        .collect()
}

/// The account's first login e-mail, if the export gives one. It is not
/// `contact.email` (the address shown on the profile, docs/format.md): the
/// written profile only mentions it in a comment.
pub(super) fn login_email(root: &Profile) -> Option<String> {
    root.emails.0.as_ref()?.emails.0.iter().find_map(|e| e.get())
}

/// List items, as `Ans::Items` holds them.
type Items = Vec<Vec<(&'static str, Ans)>>;

fn work(root: &Profile) -> Items {
    let mut out = Vec::new();
    for w in root.work_experiences.items() {
        let mut item = Vec::new();
        if let Some(e) = w.employer.get() {
            item.push(("employer", Ans::Str(e)));
        }
        if let Some(t) = w.title.get() {
            item.push(("position", Ans::Str(t)));
        }
        if item.is_empty() {
            continue;
        }
        let ended = w.end_timestamp.0.is_some_and(|t| t != 0.0);
        item.push(("current", Ans::Bool(!ended)));
        out.push(item);
    }
    out
}

fn schools(root: &Profile) -> Items {
    let mut out = Vec::new();
    for s in root.education_experiences.items() {
        let mut item = Vec::new();
        if let Some(n) = s.name.get() {
            item.push(("school", Ans::Str(n)));
        }
        if let Some(d) = s.degree.get() {
            item.push(("degree", Ans::Str(d)));
        }
        if !item.is_empty() {
            out.push(item);
        }
    }
    out
}

/// `contact.website` (the first address that is no network's) and
/// `contact.links` (the others).
fn sites(websites: &[String]) -> (Option<String>, Items) {
    let mut website = None;
    let mut links = Vec::new();
    for address in websites {
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
    (website, links)
}

/// The fields `profile_information.json` tells, read from `file`.
fn about(out: &mut Vec<Derived>, file: &str, root: &Profile) {
    let mut put = |path: &'static str, value: Ans, keys: &'static str| {
        out.push(Derived {
            path,
            value,
            files: vec![file.to_owned()],
            how: How::Keys(keys),
        });
    };
    // 2018–2019 exports may give the name as a plain string.
    if let Some(name) = root.name.0.get() {
        put("name", Ans::Str(name), "name.full_name");
    }
    if let Some(bio) = root.intro_bio.0.as_ref().and_then(|b| b.name.get()) {
        put("about.bio", Ans::Str(bio), "intro_bio.name");
    }
    let work = work(root);
    if !work.is_empty() {
        put("about.work", Ans::Items(work), "work_experiences");
    }
    let schools = schools(root);
    if !schools.is_empty() {
        put("about.education", Ans::Items(schools), "education_experiences");
    }
    if let Some(city) = root.current_city.0.as_ref().and_then(|c| c.name.get()) {
        put("about.city", Ans::Str(city), "current_city.name");
    }
    let (website, links) = sites(&websites(root));
    if let Some(w) = website {
        put("contact.website", Ans::Str(w), "websites[].address");
    }
    if !links.is_empty() {
        put("contact.links", Ans::Items(links), "websites[].address");
    }
    if let Some(other) = root.other_names.items().find(|o| o.name.get().is_some()) {
        let name = other.name.get().unwrap_or_default();
        put("alternate_name.name", Ans::Str(name), "other_names[0].name");
        let kind = other.kind.get().map_or("other", |k| name_type(&k));
        put("alternate_name.type", Ans::Str(kind.to_owned()), "other_names[0].type");
    }
}

/// Every field the export tells. `profile` is (file, profile object);
/// `post_files` the posts files read.
pub(super) fn fields(profile: Option<&(String, Option<Profile>)>, posts: &Posts, post_files: &[&str]) -> Vec<Derived> {
    let mut out = Vec::new();
    if let Some((file, Some(root))) = profile {
        about(&mut out, file, root);
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
        let tags = posts.hashtags();
        if !tags.is_empty() {
            out.push(Derived {
                path: "keywords",
                value: Ans::List(tags),
                files: files.clone(),
                how: How::Hashtags { posts: n },
            });
        }
        for (path, value) in [
            ("publishing.shares_blog_posts", posts.blog),
            ("publishing.shares_curation", posts.curation),
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

    fn tags_of(texts: &[&str]) -> Vec<String> {
        let mut p = Posts::new(Window::before(100), HashSet::new());
        for (i, text) in texts.iter().enumerate() {
            let json = format!(
                r#"{{"timestamp": {}, "data": [{{"post": {}}}]}}"#,
                90 * 86_400 + i,
                serde_json::to_string(text).unwrap()
            );
            p.add(serde_json::from_str(&json).unwrap());
        }
        p.hashtags()
    }

    #[test]
    fn hashtags_by_use_then_first_use() {
        let texts = ["#b and #a", "#a #c #b", "#d", "#c"];
        assert_eq!(tags_of(&texts), ["#b", "#a", "#c", "#d"]);
        let many: Vec<String> = (0..15).map(|i| format!("#t{i}")).collect();
        let got = tags_of(&many.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(got.len(), 10);
        assert_eq!(got[0], "#t0");
        assert_eq!(tags_of(&["#été, #Été! #x-y"]), ["#été", "#Été", "#x"]);
    }

    #[test]
    fn distinct_hashtags_and_posts_are_bounded() {
        let text: String = (0..MAX_TAGS + 500).map(|i| format!("#t{i} ")).collect();
        let long = format!("#{}", "a".repeat(MAX_TAG_BYTES));
        let mut p = Posts::new(Window::before(100), HashSet::new());
        for (i, text) in [text.as_str(), text.as_str(), &long].iter().enumerate() {
            let json = format!(
                r#"{{"timestamp": {}, "data": [{{"post": "{text}"}}]}}"#,
                90 * 86_400 + i
            );
            p.add(serde_json::from_str(&json).unwrap());
        }
        assert_eq!(p.tags.len(), MAX_TAGS);
        assert_eq!(p.tags["#t0"].uses, 2);
        assert!(!p.tags.contains_key(&long));
        for i in 0..MAX_POSTS + 10 {
            let json = format!(r#"{{"timestamp": {}}}"#, 90 * 86_400 + i);
            p.add(serde_json::from_str(&json).unwrap());
        }
        assert_eq!(p.in_window(), MAX_POSTS);
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
