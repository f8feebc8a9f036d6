//! Independent differential test: random valid profiles are linted by the binary and
//! by a plain re-implementation of the 29 built-in rules (docs/rules.md, contract 1.1) and
//! the score, and personal-info-private's location is predicted from the key order.
//! The oracle works on the generator's own data, never on the engine's parser.

use regex::Regex;
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

// ---------------------------------------------------------------- PRNG (splitmix64)

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pct(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    fn word(&mut self, pool: &'static str) -> &'static str {
        self.pick(&pool.split('|').collect::<Vec<_>>())
    }
}

// ---------------------------------------------------------------- value model

/// A YAML value as generated. A key absent from a `M` is a missing key.
#[derive(Clone, Debug)]
enum V {
    /// null, written as `null`, `~` or nothing (0, 1, 2)
    Null(u8),
    B(bool),
    /// a number, as its YAML literal
    N(&'static str),
    S(String),
    L(Vec<V>),
    M(Vec<(&'static str, V)>),
}

type Map = Vec<(&'static str, V)>;

fn st(x: &str) -> V {
    V::S(x.to_string())
}

/// The value at a dotted path; missing and null are both `None`.
fn get<'a>(v: &'a V, path: &str) -> Option<&'a V> {
    let mut cur = v;
    for k in path.split('.') {
        cur = match cur {
            V::M(m) => &m.iter().find(|(kk, _)| *kk == k)?.1,
            _ => return None,
        };
    }
    match cur {
        V::Null(_) => None,
        x => Some(x),
    }
}

fn t(v: &V, p: &str) -> bool {
    matches!(get(v, p), Some(V::B(true)))
}

fn text<'a>(v: &'a V, p: &str) -> Option<&'a str> {
    match get(v, p) {
        Some(V::S(x)) => Some(x),
        _ => None,
    }
}

fn num(v: &V, p: &str) -> Option<f64> {
    match get(v, p) {
        Some(V::N(x)) => Some(x.parse().unwrap()),
        _ => None,
    }
}

fn items<'a>(v: &'a V, p: &str) -> &'a [V] {
    match get(v, p) {
        Some(V::L(l)) => l,
        _ => &[],
    }
}

fn present(v: &V, p: &str) -> bool {
    match get(v, p) {
        None => false,
        Some(V::S(x)) => !x.trim().is_empty(),
        Some(V::L(l)) => !l.is_empty(),
        Some(V::M(m)) => !m.is_empty(),
        Some(_) => true,
    }
}

fn is(v: &V, p: &str, one_of: &[&str]) -> bool {
    text(v, p).is_some_and(|x| one_of.contains(&x))
}

// ---------------------------------------------------------------- YAML emitter

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn flow(v: &V) -> String {
    match v {
        V::Null(k) => if *k == 1 { "~" } else { "null" }.to_string(),
        V::B(b) => b.to_string(),
        V::N(n) => n.to_string(),
        V::S(s) => quote(s),
        V::L(l) => format!("[{}]", l.iter().map(flow).collect::<Vec<_>>().join(", ")),
        V::M(m) => {
            let kv: Vec<String> = m.iter().map(|(k, x)| format!("{k}: {}", flow(x))).collect();
            format!("{{{}}}", kv.join(", "))
        }
    }
}

fn emit_map(out: &mut String, m: &Map, indent: usize) {
    let pad = " ".repeat(indent);
    for (k, v) in m {
        match v {
            V::M(sub) if !sub.is_empty() => {
                writeln!(out, "{pad}{k}:").unwrap();
                emit_map(out, sub, indent + 2);
            }
            V::L(l) if !l.is_empty() => {
                writeln!(out, "{pad}{k}:").unwrap();
                for it in l {
                    writeln!(out, "{pad}  - {}", flow(it)).unwrap();
                }
            }
            V::Null(2) => writeln!(out, "{pad}{k}:").unwrap(),
            _ => writeln!(out, "{pad}{k}: {}", flow(v)).unwrap(),
        }
    }
}

fn to_yaml(p: &V) -> String {
    match p {
        V::M(m) if !m.is_empty() => {
            let mut out = String::new();
            emit_map(&mut out, m, 0);
            out
        }
        _ => "{}\n".to_string(),
    }
}

// ---------------------------------------------------------------- generator

// Value pools, `|`-separated (an empty entry is an empty string).
const KINDS: &str = "professional|casual|logo|avatar|group|landscape|other";
const NETWORKS: &str = "linkedin|viadeo|twitter|x|instagram|youtube|github|blog|website|other";
const AUDIENCES: &str = "public|friends_of_friends|friends|only_me|custom";
const ALT_TYPES: &str = "nickname|maiden_name|alternate_spelling|married_name|fathers_name|\
    birth_name|former_name|name_with_title|other";
const DOMAINS: &str =
    "linkedin.com|viadeo.com|twitter.com|x.com|instagram.com|youtube.com|youtu.be|github.com|example.org";
const KEYWORDS: &str = "#ereputation|formation|#café|#Ñandú|#über_2024|#日本|#social media|\
    #e-reputation|##double|#||#emoji😀|hash#tag|#cafe\u{301}|#SEO";
const ALT_NAMES: &str = "Community Manager|Coach|Jean-Pierre|Dr. Martin|O'Neil|Cooach|CEO Coach|\
    A|É|日本語|ABc|Coach é😀|Coach 2024|Coach ٣|Coooach|CEO|ÉCOLE|AB|ΑΒΓ|aaa|a   b|123|   |\
    Cоach|Cοach|Тренер|Ελένη|Анна Ελένη|Coach, formateur|« Coach »|Coach • Pro|L’Hôte|Coach €|\
    Coach sportif 💪|Coach–Pro|Coach (pro)|¿Coach|Coach…";
const BAD_URLS: &str = "|  |https://linkedin|https://exa mple.com/x|https:///x|https://x.com/a b|mailto:a@linkedin.com";
const SYMBOLS: &str = "!@#$%^&*()_+=[]{}<>|\\/~\"?;:";
/// Websites as people write them: full, without scheme, without a dot, with a space.
const WEBSITES: &str = "https://jeanne.example.org|http://jeanne.example.org/blog|cabinet-rebond.fr|\
    www.example.org|https://localhost|https://a b.example|ftp://jeanne.example.org|   ";

/// Adds `key` to `m`: missing 15%, null 8%, else a value.
fn put(r: &mut Rng, m: &mut Map, key: &'static str, f: impl FnOnce(&mut Rng) -> V) {
    let x = r.below(100);
    if x < 15 {
        return;
    }
    let v = if x < 23 { V::Null(r.below(3) as u8) } else { f(r) };
    m.push((key, v));
}

/// Adds a section: missing 12%, null 6%, else a (possibly empty) mapping.
fn section(r: &mut Rng, top: &mut Map, key: &'static str, f: impl FnOnce(&mut Rng, &mut Map)) {
    let x = r.below(100);
    if x < 12 {
        return;
    }
    if x < 18 {
        top.push((key, V::Null(r.below(3) as u8)));
        return;
    }
    let mut m = Vec::new();
    f(r, &mut m);
    top.push((key, V::M(m)));
}

fn boolean(r: &mut Rng) -> V {
    V::B(r.pct(50))
}

fn audience(r: &mut Rng) -> V {
    st(r.word(AUDIENCES))
}

fn list(r: &mut Rng, max: usize, f: fn(&mut Rng) -> V) -> V {
    let n = r.below(max + 1);
    V::L((0..n).map(|_| f(r)).collect())
}

fn chars(pattern: &str, n: usize) -> String {
    pattern.chars().cycle().take(n).collect()
}

fn bio(r: &mut Rng) -> V {
    let pat = r.pick(&["Community manager, trainer. ", "Café \"pro\" 😀 \\ Жé·"]);
    match r.below(9) {
        0 => st(""),
        1 => st("   "),
        _ => V::S(chars(pat, r.pick(&[1, 50, 100, 101, 101, 102, 150]))),
    }
}

fn alt_name(r: &mut Rng) -> V {
    match r.below(10) {
        0 => {
            let sym = r.pick(&SYMBOLS.chars().collect::<Vec<_>>());
            V::S(format!("Coach{sym}Pro"))
        }
        1 => V::S(chars("Coach é ", r.pick(&[50, 51]))),
        _ => st(r.word(ALT_NAMES)),
    }
}

fn own_domains(net: &str) -> &'static [&'static str] {
    match net {
        "linkedin" => &["linkedin.com"],
        "viadeo" => &["viadeo.com"],
        "twitter" | "x" => &["twitter.com", "x.com"],
        "instagram" => &["instagram.com"],
        "youtube" => &["youtube.com", "youtu.be"],
        "github" => &["github.com"],
        _ => &[],
    }
}

fn url(r: &mut Rng, net: &str) -> String {
    let own = own_domains(net);
    let d = if !own.is_empty() && r.pct(60) {
        r.pick(own)
    } else {
        r.word(DOMAINS)
    };
    let up = d.to_uppercase();
    match r.below(18) {
        0..=4 => format!("https://www.{d}/in/jeanne"),
        5 => format!("https://{d}"),
        6 => format!("http://{d}/p?q=1"),
        7 => format!("HTTPS://WWW.{up}/x"),
        8 => format!("https://Fr.{up}/p"),
        9 => format!("https://{d}:8080/p"),
        10 => format!("https://evil-{d}/p"),
        11 => format!("https://{d}.evil.org/p"),
        12 => format!("www.{d}/p"),
        13 => format!("ftp://{d}/p"),
        14 => format!("https://{d}#top"),
        15 => format!("https://user@{d}/p"),
        _ => r.word(BAD_URLS).to_string(),
    }
}

fn work(r: &mut Rng) -> V {
    let mut m = Vec::new();
    put(r, &mut m, "employer", |_| st("Agence Horizon"));
    put(r, &mut m, "position", |r| {
        st(r.word("Community manager|Formatrice é|  |"))
    });
    put(r, &mut m, "current", boolean);
    V::M(m)
}

fn edu(r: &mut Rng) -> V {
    let mut m = Vec::new();
    put(r, &mut m, "school", |_| st("IUT de Lannion"));
    put(r, &mut m, "degree", |_| st("DUT"));
    V::M(m)
}

fn link(r: &mut Rng) -> V {
    let mut m = Vec::new();
    let net = r.word(NETWORKS);
    put(r, &mut m, "network", |_| st(net));
    put(r, &mut m, "url", |r| V::S(url(r, net)));
    V::M(m)
}

fn profile(r: &mut Rng) -> V {
    let mut top = Vec::new();
    if r.pct(20) {
        top.push(("version", V::N("1")));
    }
    if r.pct(20) {
        top.push(("name", st("Jeanne \"JM\" Martin \\ é")));
    }
    section(r, &mut top, "photo", |r, m| {
        put(r, m, "set", boolean);
        put(r, m, "kind", |r| st(r.word(KINDS)));
        put(r, m, "cover", boolean);
    });
    section(r, &mut top, "about", |r, m| {
        put(r, m, "bio", bio);
        put(r, m, "work", |r| list(r, 4, work));
        put(r, m, "education", |r| list(r, 2, edu));
        put(r, m, "city", |_| st("Saint-Étienne"));
    });
    section(r, &mut top, "contact", |r, m| {
        put(r, m, "email", |_| st("jeanne@example.org"));
        put(r, m, "website", |r| st(r.word(WEBSITES)));
        put(r, m, "links", |r| list(r, 4, link));
    });
    put(r, &mut top, "keywords", |r| list(r, 5, |r| st(r.word(KEYWORDS))));
    section(r, &mut top, "network", |r, m| {
        put(r, m, "professional_contacts", |r| V::N(r.word("0|9|10|500")));
    });
    section(r, &mut top, "publishing", |r, m| {
        put(r, m, "posts_per_month", |r| V::N(r.word("0|3|3.99|4|4.0|4.5|12")));
        put(r, m, "editorial_line", |r| st(r.word("Practical advice|   |")));
        put(r, m, "topics", |r| {
            list(r, 3, |r| st(r.word("e-reputation|social media|SEO")))
        });
        put(r, m, "shares_blog_posts", |r| V::B(r.pct(30)));
        put(r, m, "shares_curation", |r| V::B(r.pct(30)));
        put(r, m, "writes_articles", |r| V::B(r.pct(30)));
        put(r, m, "default_audience", audience);
    });
    section(r, &mut top, "alternate_name", |r, m| {
        put(r, m, "name", alt_name);
        put(r, m, "type", |r| st(r.word(ALT_TYPES)));
        put(r, m, "show_on_profile", boolean);
    });
    section(r, &mut top, "followers", |r, m| {
        put(r, m, "who_can_follow", |r| st(r.word("public|friends")));
        put(r, m, "professional_mode", boolean);
    });
    section(r, &mut top, "tagging", |r, m| {
        put(r, m, "tagged_posts_audience", audience);
        put(r, m, "review_tagged_posts", boolean);
        put(r, m, "review_tags", boolean);
    });
    section(r, &mut top, "privacy", |r, m| {
        put(r, m, "search_engines", boolean);
        put(r, m, "viewed_as_public", boolean);
        for k in [
            "birthday_audience",
            "phone_audience",
            "email_audience",
            "relationship_audience",
            "family_audience",
        ] {
            put(r, m, k, |r| st(r.word("public|friends|only_me")));
        }
    });
    V::M(top)
}

// ---------------------------------------------------------------- oracle

#[derive(Clone, Copy, Debug, PartialEq)]
enum Out {
    Na,
    Pass,
    Fail(usize),
}

struct Res {
    url: Regex,
    keyword: Regex,
    digit: Regex,
    upper: Regex,
    lower: Regex,
    symbol_or_punct: Regex,
    scripts: [Regex; 3],
}

impl Res {
    fn new() -> Self {
        let re = |s: &str| Regex::new(s).unwrap();
        Res {
            url: re(r"^https?://[^\s/]+\.[^\s]+$"),
            keyword: re(r"^#?[\p{L}\p{N}_]+$"),
            digit: re(r"\d"),
            upper: re(r"\p{Lu}"),
            lower: re(r"\p{Ll}"),
            symbol_or_punct: re(r"^[\p{S}\p{P}]$"),
            scripts: [re(r"\p{Latin}"), re(r"\p{Greek}"), re(r"\p{Cyrillic}")],
        }
    }

    fn alt_standards(&self, n: &str) -> bool {
        let cs: Vec<char> = n.chars().collect();
        let digit = self.digit.is_match(n);
        // Contract 1.0's list, and 1.1: any symbol or punctuation but ' ’ - .
        let symbol = cs.iter().any(|c| SYMBOLS.contains(*c))
            || cs
                .iter()
                .any(|c| !"'’-.".contains(*c) && self.symbol_or_punct.is_match(c.encode_utf8(&mut [0; 4])));
        let scripts = self.scripts.iter().filter(|s| s.is_match(n)).count() > 1;
        let repeated = cs.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
        let all_caps = self.upper.find_iter(n).count() >= 2 && !self.lower.is_match(n);
        let too_long = cs.len() > 50;
        ![digit, symbol, scripts, repeated, all_caps, too_long].contains(&true)
    }
}

fn domain_ok(net: Option<&str>, url: Option<&str>) -> bool {
    let own = own_domains(net.unwrap_or(""));
    if own.is_empty() {
        return true;
    }
    let Some(url) = url else { return false };
    // 1.1: a url with no "://" is judged as if "https://" stood before it.
    let lower = url.to_ascii_lowercase();
    let lower = if lower.contains("://") {
        lower
    } else {
        format!("https://{lower}")
    };
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    own.iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

fn b(c: bool) -> Out {
    if c { Out::Pass } else { Out::Fail(1) }
}

fn when(w: bool, c: bool) -> Out {
    if w { b(c) } else { Out::Na }
}

fn each(fails: usize) -> Out {
    if fails == 0 { Out::Pass } else { Out::Fail(fails) }
}

/// Every built-in rule with its weight and outcome on profile `p`.
fn oracle(p: &V, re: &Res) -> Vec<(&'static str, u32, Out)> {
    let links = items(p, "contact.links");
    let keywords = items(p, "keywords");
    let bio = present(p, "about.bio");
    let bio_len = text(p, "about.bio").map_or(0, |x| x.chars().count());
    let alt = present(p, "alternate_name.name");
    let alt_ok = re.alt_standards(text(p, "alternate_name.name").unwrap_or(""));
    let followers = is(p, "followers.who_can_follow", &["public"]) || t(p, "followers.professional_mode");
    let audiences = ["birthday", "phone", "relationship", "family"];
    let private = audiences
        .iter()
        .all(|k| !is(p, &format!("privacy.{k}_audience"), &["public"]));
    let current = items(p, "about.work")
        .iter()
        .any(|it| t(it, "current") && present(it, "position"));
    let nets = ["linkedin", "viadeo", "twitter", "x", "blog", "website"];
    let website = present(p, "contact.website");
    let contact = website || links.iter().any(|l| is(l, "network", &nets));
    let website_ok = text(p, "contact.website").is_some_and(|u| re.url.is_match(u));
    let bad_url = |l: &&V| !text(l, "url").is_some_and(|u| re.url.is_match(u));
    let bad_domain = |l: &&V| !domain_ok(text(l, "network"), text(l, "url"));
    let bad_kw = |k: &&V| !matches!(k, V::S(s) if re.keyword.is_match(s));
    let contacts = num(p, "network.professional_contacts").is_some_and(|n| n >= 10.0);
    let posts = num(p, "publishing.posts_per_month").is_some_and(|n| n >= 4.0);
    let mix = ["shares_blog_posts", "shares_curation", "writes_articles"];
    let mix = mix.iter().any(|k| t(p, &format!("publishing.{k}")));
    let tagged = is(p, "tagging.tagged_posts_audience", &["friends", "only_me", "custom"]);
    let photo_set = t(p, "photo.set");
    vec![
        ("photo-set", 3, b(photo_set)),
        (
            "photo-professional",
            2,
            when(photo_set, is(p, "photo.kind", &["professional"])),
        ),
        ("cover-photo", 1, b(t(p, "photo.cover"))),
        ("bio-filled", 2, b(bio)),
        ("bio-length", 3, when(bio, bio_len <= 101)),
        ("current-position", 2, b(current)),
        ("contact-links", 2, b(contact)),
        ("link-urls", 3, each(links.iter().filter(bad_url).count())),
        ("website-url", 3, when(website, website_ok)),
        ("link-domains", 2, each(links.iter().filter(bad_domain).count())),
        ("professional-network", 2, b(contacts)),
        ("keywords", 2, b(keywords.len() >= 3)),
        ("keyword-format", 2, each(keywords.iter().filter(bad_kw).count())),
        ("posting-rhythm", 2, b(posts)),
        ("editorial-line", 2, b(present(p, "publishing.editorial_line"))),
        ("expertise-topics", 2, b(!items(p, "publishing.topics").is_empty())),
        ("content-mix", 1, b(mix)),
        ("viewed-as-public", 1, b(t(p, "privacy.viewed_as_public"))),
        ("alternate-name", 2, b(alt)),
        (
            "alternate-name-shown",
            2,
            when(alt, t(p, "alternate_name.show_on_profile")),
        ),
        ("alternate-name-standards", 3, when(alt, alt_ok)),
        ("followers-public", 2, b(followers)),
        (
            "public-posts",
            1,
            when(followers, is(p, "publishing.default_audience", &["public"])),
        ),
        ("professional-mode", 1, b(t(p, "followers.professional_mode"))),
        ("tagged-posts-audience", 2, b(tagged)),
        ("review-tagged-posts", 3, b(t(p, "tagging.review_tagged_posts"))),
        ("review-tags", 1, b(t(p, "tagging.review_tags"))),
        ("personal-info-private", 2, b(private)),
        ("search-engines", 1, b(t(p, "privacy.search_engines"))),
    ]
}

/// Where personal-info-private points (1.1): the first public audience among
/// the four, in the order the keys are written.
fn first_public_audience(p: &V) -> Option<String> {
    let Some(V::M(privacy)) = get(p, "privacy") else {
        return None;
    };
    let four = [
        "birthday_audience",
        "phone_audience",
        "relationship_audience",
        "family_audience",
    ];
    privacy
        .iter()
        .find(|(k, v)| four.contains(k) && matches!(v, V::S(s) if s == "public"))
        .map(|(k, _)| format!("privacy.{k}"))
}

/// What a report says about one profile, in comparable form.
#[derive(Debug, PartialEq)]
struct Summary {
    score: Option<u64>,
    passed: BTreeSet<String>,
    not_applicable: BTreeSet<String>,
    findings: BTreeMap<String, usize>,
}

fn expected(outs: &[(&'static str, u32, Out)]) -> Summary {
    let (mut passed_w, mut all_w) = (0u64, 0u64);
    let mut s = Summary {
        score: None,
        passed: BTreeSet::new(),
        not_applicable: BTreeSet::new(),
        findings: BTreeMap::new(),
    };
    for &(id, w, o) in outs {
        match o {
            Out::Na => {
                s.not_applicable.insert(id.to_string());
            }
            Out::Pass => {
                passed_w += u64::from(w);
                all_w += u64::from(w);
                s.passed.insert(id.to_string());
            }
            Out::Fail(n) => {
                all_w += u64::from(w);
                s.findings.insert(id.to_string(), n);
            }
        }
    }
    s.score = Some(if all_w == 0 {
        100
    } else {
        (200 * passed_w + all_w) / (2 * all_w)
    });
    s
}

fn actual(p: &Json) -> Summary {
    let ids = |k: &str| -> BTreeSet<String> {
        p[k].as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    let mut findings = BTreeMap::new();
    for f in p["findings"].as_array().into_iter().flatten() {
        let id = f["rule"].as_str().unwrap_or("?").to_string();
        *findings.entry(id).or_insert(0) += 1;
    }
    Summary {
        score: p["score"].as_u64(),
        passed: ids("passed"),
        not_applicable: ids("not_applicable"),
        findings,
    }
}

fn diff(exp: &Summary, got: &Summary) -> Vec<String> {
    let mut d = Vec::new();
    if exp.score != got.score {
        d.push(format!("score: expected {:?}, got {:?}", exp.score, got.score));
    }
    for (name, e, g) in [
        ("passed", &exp.passed, &got.passed),
        ("not_applicable", &exp.not_applicable, &got.not_applicable),
    ] {
        let missing: Vec<_> = e.difference(g).collect();
        let extra: Vec<_> = g.difference(e).collect();
        if !missing.is_empty() || !extra.is_empty() {
            d.push(format!("{name}: missing {missing:?}, unexpected {extra:?}"));
        }
    }
    if exp.findings != got.findings {
        let keys: BTreeSet<_> = exp.findings.keys().chain(got.findings.keys()).collect();
        for k in keys {
            let (e, g) = (exp.findings.get(k), got.findings.get(k));
            if e != g {
                let (e, g) = (e.unwrap_or(&0), g.unwrap_or(&0));
                d.push(format!("findings[{k}]: expected {e}, got {g}"));
            }
        }
    }
    d
}

// ---------------------------------------------------------------- running the binary

fn run(dir: &Path) -> Json {
    let out = Command::new(env!("CARGO_BIN_EXE_profilecheck"))
        .args(["--format", "json", "--no-config", "--fail-on", "never"])
        .arg(dir)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run profilecheck");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "exit code; stderr:\n{stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        let stdout = String::from_utf8_lossy(&out.stdout);
        panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}")
    })
}

/// Lints `profiles` with the binary and compares each with the oracle; returns the
/// reports by file name.
fn check(profiles: &[V]) -> BTreeMap<String, Json> {
    let re = Res::new();
    let dir = tempfile::tempdir().unwrap();
    let mut yamls = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        let (name, yaml) = (format!("p{i:04}.yaml"), to_yaml(p));
        std::fs::write(dir.path().join(&name), &yaml).unwrap();
        yamls.push((name, yaml));
    }
    let report = run(dir.path());
    let reports = report["profiles"].as_array().expect("profiles array");
    let mut by_name = BTreeMap::new();
    let (mut failures, mut bad) = (Vec::new(), 0);
    for ((name, yaml), p) in yamls.iter().zip(profiles) {
        let found = reports.iter().find(|r| {
            r["file"]
                .as_str()
                .is_some_and(|f| f.ends_with(&format!("/{name}")) || f == name)
        });
        let Some(got) = found else {
            bad += 1;
            failures.push(format!("{name}: not in the report\n{yaml}"));
            continue;
        };
        let errors = &got["errors"];
        let mut d = diff(&expected(&oracle(p, &re)), &actual(got));
        let at = got["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["rule"] == "personal-info-private");
        let at = at.and_then(|f| f["path"].as_str()).map(String::from);
        if at != first_public_audience(p) {
            d.push(format!(
                "personal-info-private at {at:?}, expected {:?}",
                first_public_audience(p)
            ));
        }
        if errors.as_array().is_some_and(|a| !a.is_empty()) {
            d.insert(0, format!("profile reported invalid: {errors}"));
        }
        bad += usize::from(!d.is_empty());
        if !d.is_empty() && failures.len() < 20 {
            failures.push(format!("{name}:\n  {}\n---\n{yaml}---", d.join("\n  ")));
        }
        by_name.insert(name.clone(), got.clone());
    }
    assert!(
        failures.is_empty(),
        "{} profile(s) disagree with the oracle (first 20 shown):\n\n{}",
        bad,
        failures.join("\n\n")
    );
    by_name
}

// ---------------------------------------------------------------- tests

#[test]
fn engine_matches_oracle_on_random_profiles() {
    let mut r = Rng(0x5EED_0000_2024_0001);
    let profiles: Vec<V> = (0..400).map(|_| profile(&mut r)).collect();

    // The corpus must exercise every rule both ways (and the `when`s).
    let re = Res::new();
    let mut seen: BTreeMap<&str, [bool; 3]> = BTreeMap::new();
    for p in &profiles {
        for (id, _, o) in oracle(p, &re) {
            let slot = match o {
                Out::Pass => 0,
                Out::Fail(_) => 1,
                Out::Na => 2,
            };
            seen.entry(id).or_default()[slot] = true;
        }
    }
    assert_eq!(seen.len(), 29);
    for (id, s) in &seen {
        assert!(s[0] && s[1], "generator never makes {id} pass and fail: {s:?}");
    }
    check(&profiles);
}

fn m(kv: Vec<(&'static str, V)>) -> V {
    V::M(kv)
}

/// Sets the value at a dotted path, creating the mappings on the way.
fn set(v: &mut V, path: &'static str, val: V) {
    let V::M(map) = v else { panic!("not a mapping") };
    let (key, rest) = path.split_once('.').unwrap_or((path, ""));
    if rest.is_empty() {
        map.retain(|(k, _)| *k != key);
        map.push((key, val));
        return;
    }
    if !map.iter().any(|(k, _)| *k == key) {
        map.push((key, m(vec![])));
    }
    set(&mut map.iter_mut().find(|(k, _)| *k == key).unwrap().1, rest, val);
}

/// A profile with every step done; `extra` adds or overrides fields.
fn perfect(extra: Vec<(&'static str, V)>) -> V {
    let link = |n: &str, u: &str| m(vec![("network", st(n)), ("url", st(u))]);
    let job = m(vec![("position", st("Community manager")), ("current", V::B(true))]);
    let fields = vec![
        ("version", V::N("1")),
        ("photo.set", V::B(true)),
        ("photo.kind", st("professional")),
        ("photo.cover", V::B(true)),
        ("about.bio", V::S(chars("Community manager · e-réputation 😀 ", 101))),
        ("about.work", V::L(vec![job])),
        ("contact.website", st("https://jeanne.example.org")),
        (
            "contact.links",
            V::L(vec![link("linkedin", "https://www.linkedin.com/in/jm")]),
        ),
        (
            "keywords",
            V::L(vec![st("#ereputation"), st("#café"), st("formation_2024")]),
        ),
        ("network.professional_contacts", V::N("10")),
        ("publishing.posts_per_month", V::N("4")),
        ("publishing.editorial_line", st("Practical advice")),
        ("publishing.topics", V::L(vec![st("e-reputation")])),
        ("publishing.writes_articles", V::B(true)),
        ("publishing.default_audience", st("public")),
        ("alternate_name.name", st("Community Manager")),
        ("alternate_name.type", st("other")),
        ("alternate_name.show_on_profile", V::B(true)),
        ("followers.who_can_follow", st("public")),
        ("followers.professional_mode", V::B(true)),
        ("tagging.tagged_posts_audience", st("friends")),
        ("tagging.review_tagged_posts", V::B(true)),
        ("tagging.review_tags", V::B(true)),
        ("privacy.search_engines", V::B(true)),
        ("privacy.viewed_as_public", V::B(true)),
        ("privacy.birthday_audience", st("only_me")),
        ("privacy.email_audience", st("public")),
    ];
    let mut p = m(vec![]);
    for (k, v) in fields {
        set(&mut p, k, v);
    }
    for (k, v) in extra {
        set(&mut p, k, v);
    }
    p
}

#[test]
fn perfect_profiles_score_100_and_empty_profile_matches_oracle() {
    let link = |n: &str, u: &str| m(vec![("network", st(n)), ("url", st(u))]);
    let links = V::L(vec![
        link("x", "https://twitter.com/jm"),
        link("twitter", "http://X.com/jm"),
        link("youtube", "https://youtu.be/abc"),
        link("github", "http://gist.github.com/jm?x=1"),
        link("instagram", "https://instagram.com"),
        link("blog", "https://jeanne.example.org/blog"),
        link("other", "https://example.org/x"),
    ]);
    let profiles = vec![
        perfect(vec![]),
        perfect(vec![
            ("followers.who_can_follow", st("friends")),
            ("followers.professional_mode", V::B(true)),
            ("contact.links", links),
        ]),
        perfect(vec![
            ("alternate_name.name", V::S(chars("Coach é ", 50))),
            ("publishing.posts_per_month", V::N("4.5")),
            ("publishing.topics", V::L(vec![st("SEO"), st("e-reputation")])),
            ("privacy.phone_audience", st("friends_of_friends")),
            ("about.bio", st("Café")),
            (
                "contact.links",
                V::L(vec![link("linkedin", "https://linkedin.com/in/jm")]),
            ),
        ]),
        m(vec![]),
    ];
    let re = Res::new();
    for p in &profiles[..3] {
        let exp = expected(&oracle(p, &re));
        assert_eq!(exp.score, Some(100), "oracle self-check: {exp:?}");
        assert!(exp.findings.is_empty() && exp.not_applicable.is_empty());
    }
    let reports = check(&profiles);
    for name in ["p0000.yaml", "p0001.yaml", "p0002.yaml"] {
        let r = &reports[name];
        assert_eq!(r["score"], 100, "{name}: {r}");
        assert_eq!(r["findings"], serde_json::json!([]), "{name}");
    }
    let empty = expected(&oracle(&profiles[3], &re));
    assert_eq!(reports["p0003.yaml"]["score"].as_u64(), empty.score);
}
