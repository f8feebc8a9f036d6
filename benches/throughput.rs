//! Throughput benchmark: how many profiles per second each stage of a lint
//! handles, measured in process on generated profiles.
//!
//! The YAML parser sets the floor; the point of this bench is to show how much
//! validation, rule evaluation and reporting add on top of it. It also owns the
//! profile generator, so that `benches/run.sh` lints on disk exactly the
//! profiles measured here (one generator, one seed).
//!
//! ```text
//! cargo bench --bench throughput                         # stages, 10,000 profiles
//! cargo bench --bench throughput -- --n 2000 --reps 3    # smaller, quicker
//! cargo bench --bench throughput -- gen DIR --n 100000   # write profiles to DIR
//! cargo bench --bench throughput -- gen DIR --flat        # all directly in DIR, no subfolders
//! cargo bench --bench throughput -- --small              # small profiles (about 700 bytes)
//! cargo bench --bench throughput -- floor DIR --threads 2  # bare parse of DIR's files
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use profilecheck::i18n::Lang;
use profilecheck::profile::{self, yaml};
use profilecheck::report::{Context, Format, Summary};
use profilecheck::rules::engine::{self, LangChoice, RuleSet};
use std::hint::black_box;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- generator

/// SplitMix64: tiny, deterministic, good enough to vary test data. No
/// dependency, so the same seed gives the same profiles on every machine.
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
    /// True with probability `pct` percent.
    fn chance(&mut self, pct: u32) -> bool {
        self.below(100) < pct as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Jeanne", "Karim", "Sophie", "Lucas", "Amélie", "Thomas", "Nadia", "Hugo", "Léa", "Mehdi", "Claire", "Yann",
    "Inès", "Julien", "Maëlle", "Olivier", "Sarah", "Pierre", "Chloé", "Antoine",
];
const LAST: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Leroy",
    "Moreau",
    "Lefèvre",
    "Garnier",
    "Rousseau",
    "Le Gall",
    "Benali",
    "Nguyen",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Kervella",
    "Petit",
];
const JOBS: &[&str] = &[
    "Community manager",
    "Consultante e-réputation",
    "Chargé de communication",
    "Formateur réseaux sociaux",
    "Social media manager",
    "Rédactrice web",
    "Chef de projet digital",
    "Graphiste indépendant",
    "Coach en personal branding",
    "Responsable marketing",
];
const EMPLOYERS: &[&str] = &[
    "Agence Horizon",
    "Studio Kerlann",
    "Ouest Média",
    "Freelance",
    "CCI Bretagne",
    "Maison Dupré & Fils",
    "Atelier Nomade",
    "Groupe Armor",
];
const SCHOOLS: &[&str] = &[
    "IUT de Lannion",
    "Université Rennes 2",
    "Sciences Po Lyon",
    "IAE de Nantes",
    "CELSA",
    "EFAP Paris",
];
const DEGREES: &[&str] = &[
    "DUT Information-Communication",
    "Master Communication des organisations",
    "Licence pro Webmaster",
    "BTS Communication",
    "MBA Marketing digital",
];
const CITIES: &[&str] = &[
    "Rennes", "Nantes", "Lyon", "Paris", "Brest", "Lille", "Bordeaux", "Quimper",
];
const BIOS: &[&str] = &[
    "Community manager · e-reputation",
    "J'aide les TPE à soigner leur image en ligne",
    "Consultante en communication digitale, formatrice, curieuse",
    "Social media, contenus et stratégie éditoriale pour les PME de l'Ouest",
    "Formateur réseaux sociaux — Facebook, LinkedIn, Instagram",
    // Over 101 characters: bio-length fails.
    "Passionné de communication digitale depuis plus de quinze ans, j'accompagne les entreprises, les associations et les collectivités dans leur stratégie",
];
const TOPICS: &[&str] = &[
    "e-reputation",
    "social media",
    "community management",
    "personal branding",
    "marketing digital",
    "rédaction web",
    "veille",
    "SEO",
];
const KEYWORDS: &[&str] = &[
    "#ereputation",
    "#communitymanagement",
    "#formation",
    "#personalbranding",
    "#marketingdigital",
    "#réseauxsociaux",
    "#SEO",
    "veille",
    // Not a valid keyword: keyword-format fails.
    "#social media",
];
const LINES: &[&str] = &[
    "Practical e-reputation advice for small businesses",
    "Des conseils concrets pour exister sur les réseaux sans y passer ses soirées",
    "Une veille hebdomadaire sur les usages des réseaux sociaux",
    "Stratégie de contenu et personal branding pour indépendants",
];
const ALT_NAMES: &[&str] = &[
    "Community Manager",
    "Consultante e-réputation",
    "Formateur Web",
    // Break alternate-name-standards: capitals, digits, symbols, repeats.
    "COMMUNITY MANAGER",
    "Coach 2.0",
    "Mr Social!!!",
    "Gééénial",
];
const AUDIENCES: &[&str] = &["public", "friends_of_friends", "friends", "only_me", "custom"];

fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'é' | 'è' | 'ë' => Some('e'),
            'ï' => Some('i'),
            ' ' | '-' => Some('-'),
            _ => None,
        })
        .collect()
}

/// A link for `network`: usually right, sometimes on the wrong domain or not a URL.
fn link(rng: &mut Rng, network: &str, who: &str) -> String {
    let good = match network {
        "linkedin" => format!("https://www.linkedin.com/in/{who}"),
        "viadeo" => format!("https://www.viadeo.com/p/{who}"),
        "twitter" | "x" => format!("https://x.com/{who}"),
        "instagram" => format!("https://www.instagram.com/{who}"),
        "youtube" => format!("https://www.youtube.com/@{who}"),
        "github" => format!("https://github.com/{who}"),
        "blog" => format!("https://blog.{who}.fr/"),
        _ => format!("https://{who}.example.org"),
    };
    match rng.below(20) {
        0 => format!("https://{who}.example.org/{network}"), // link-domains fails
        1 => format!("www.{network}.com/{who}"),             // link-urls fails
        _ => good,
    }
}

fn boolean(rng: &mut Rng, pct_true: u32) -> &'static str {
    if rng.chance(pct_true) { "true" } else { "false" }
}

/// Profile number `i`: about 40 lines touching every section, with every
/// rule passing on some profiles and failing on others. Each section is
/// present with high probability, so most keys are there and most rules
/// evaluate on real values (the expensive path).
pub fn profile(seed: u64, i: usize) -> String {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F));
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let who = slug(&format!("{first}-{last}"));
    let mut s = String::with_capacity(1400);
    let w = &mut s;
    w.push_str("version: 1\n");
    w.push_str(&format!("name: {first} {last}\n"));
    if rng.chance(30) {
        w.push_str(&format!("lang: {}\n", rng.pick(&["en", "fr"])));
    }
    if rng.chance(90) {
        let set = boolean(&mut rng, 85);
        let kind = rng.pick(&[
            "professional",
            "professional",
            "professional",
            "casual",
            "logo",
            "avatar",
            "group",
        ]);
        let cover = boolean(&mut rng, 70);
        // Half in flow style: real files mix both, and it keeps them near 40 lines.
        if rng.chance(50) {
            w.push_str(&format!("photo: {{set: {set}, kind: {kind}, cover: {cover}}}\n"));
        } else {
            w.push_str(&format!("photo:\n  set: {set}\n  kind: {kind}\n  cover: {cover}\n"));
        }
    }
    w.push_str("about:\n");
    if rng.chance(85) {
        w.push_str(&format!("  bio: \"{}\"\n", rng.pick(BIOS).replace('"', "\\\"")));
    }
    w.push_str("  work:\n");
    for j in 0..1 + usize::from(rng.chance(25)) {
        w.push_str(&format!("    - employer: {}\n", rng.pick(EMPLOYERS)));
        w.push_str(&format!("      position: {}\n", rng.pick(JOBS)));
        w.push_str(&format!(
            "      current: {}\n",
            if j == 0 { boolean(&mut rng, 80) } else { "false" }
        ));
    }
    if rng.chance(70) {
        w.push_str("  education:\n");
        w.push_str(&format!(
            "    - {{school: {}, degree: {}}}\n",
            rng.pick(SCHOOLS),
            rng.pick(DEGREES)
        ));
    }
    w.push_str(&format!("  city: {}\n", rng.pick(CITIES)));
    w.push_str("contact:\n");
    w.push_str(&format!("  email: {who}@example.org\n"));
    if rng.chance(50) {
        w.push_str(&format!("  website: https://{who}.example.org\n"));
    }
    w.push_str("  links:\n");
    let networks = [
        "linkedin",
        "twitter",
        "x",
        "instagram",
        "youtube",
        "github",
        "blog",
        "website",
        "viadeo",
        "other",
    ];
    for _ in 0..1 + rng.below(2) {
        let net = rng.pick(&networks);
        w.push_str(&format!("    - network: {net}\n"));
        w.push_str(&format!("      url: {}\n", link(&mut rng, net, &who)));
    }
    let nk = rng.below(5);
    let kws: Vec<String> = (0..nk).map(|_| format!("\"{}\"", rng.pick(KEYWORDS))).collect();
    w.push_str(&format!("keywords: [{}]\n", kws.join(", ")));
    w.push_str("network:\n");
    w.push_str(&format!("  professional_contacts: {}\n", rng.below(200)));
    w.push_str("publishing:\n");
    w.push_str(&format!("  posts_per_month: {}\n", rng.below(16)));
    if rng.chance(75) {
        w.push_str(&format!("  editorial_line: \"{}\"\n", rng.pick(LINES)));
    }
    w.push_str(&format!("  topics: [{}, {}]\n", rng.pick(TOPICS), rng.pick(TOPICS)));
    w.push_str(&format!("  shares_blog_posts: {}\n", boolean(&mut rng, 40)));
    w.push_str(&format!("  shares_curation: {}\n", boolean(&mut rng, 40)));
    w.push_str(&format!("  writes_articles: {}\n", boolean(&mut rng, 30)));
    w.push_str(&format!("  default_audience: {}\n", rng.pick(AUDIENCES)));
    if rng.chance(70) {
        let alt = rng.pick(ALT_NAMES);
        let shown = boolean(&mut rng, 70);
        if rng.chance(50) {
            w.push_str(&format!(
                "alternate_name: {{name: \"{alt}\", type: other, show_on_profile: {shown}}}\n"
            ));
        } else {
            w.push_str(&format!(
                "alternate_name:\n  name: {alt}\n  type: other\n  show_on_profile: {shown}\n"
            ));
        }
    }
    let follow = rng.pick(&["public", "friends"]);
    let pro = boolean(&mut rng, 40);
    if rng.chance(50) {
        w.push_str(&format!(
            "followers: {{who_can_follow: {follow}, professional_mode: {pro}}}\n"
        ));
    } else {
        w.push_str(&format!(
            "followers:\n  who_can_follow: {follow}\n  professional_mode: {pro}\n"
        ));
    }
    w.push_str("tagging:\n");
    w.push_str(&format!("  tagged_posts_audience: {}\n", rng.pick(AUDIENCES)));
    w.push_str(&format!("  review_tagged_posts: {}\n", boolean(&mut rng, 60)));
    w.push_str(&format!("  review_tags: {}\n", boolean(&mut rng, 60)));
    w.push_str("privacy:\n");
    w.push_str(&format!("  search_engines: {}\n", boolean(&mut rng, 60)));
    w.push_str(&format!("  viewed_as_public: {}\n", boolean(&mut rng, 50)));
    for key in ["birthday", "phone", "relationship", "family"] {
        if rng.chance(60) {
            let aud = if rng.chance(85) {
                rng.pick(&["only_me", "friends", "custom"])
            } else {
                "public"
            };
            w.push_str(&format!("  {key}_audience: {aud}\n"));
        }
    }
    if rng.chance(10) {
        w.push_str("waivers:\n");
        w.push_str("  professional-mode: \"Keeps a personal profile; uses a Page for business\"\n");
    }
    s
}

/// Small profile number `i`, about 700 bytes: what a participant fills in on
/// the first day (name, photo, a bio, one job, a link or two, a few settings).
/// Half the size of [`profile`] but still a dozen sections, so the per-file
/// costs of a run (opening, scope, report) weigh twice as much per byte.
pub fn small_profile(seed: u64, i: usize) -> String {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let who = slug(&format!("{first}-{last}"));
    let mut s = String::with_capacity(800);
    let w = &mut s;
    w.push_str(&format!("version: 1\nname: {first} {last}\n"));
    if rng.chance(20) {
        w.push_str(&format!("lang: {}\n", rng.pick(&["en", "fr"])));
    }
    let kind = rng.pick(&["professional", "professional", "casual", "logo", "avatar"]);
    w.push_str(&format!("photo: {{set: {}, kind: {kind}}}\n", boolean(&mut rng, 85)));
    w.push_str("about:\n");
    if rng.chance(80) {
        w.push_str(&format!("  bio: \"{}\"\n", rng.pick(BIOS).replace('"', "\\\"")));
    }
    w.push_str(&format!(
        "  work:\n    - {{employer: {}, position: {}, current: {}}}\n",
        rng.pick(EMPLOYERS),
        rng.pick(JOBS),
        boolean(&mut rng, 80)
    ));
    w.push_str(&format!("  city: {}\n", rng.pick(CITIES)));
    w.push_str(&format!("contact:\n  email: {who}@example.org\n  links:\n"));
    for _ in 0..1 + rng.below(2) {
        let net = rng.pick(&["linkedin", "x", "instagram", "github", "blog", "other"]);
        w.push_str(&format!(
            "    - {{network: {net}, url: \"{}\"}}\n",
            link(&mut rng, net, &who)
        ));
    }
    let kws: Vec<String> = (0..rng.below(4))
        .map(|_| format!("\"{}\"", rng.pick(KEYWORDS)))
        .collect();
    w.push_str(&format!("keywords: [{}]\n", kws.join(", ")));
    w.push_str(&format!(
        "publishing: {{posts_per_month: {}, default_audience: {}}}\n",
        rng.below(16),
        rng.pick(AUDIENCES)
    ));
    let follow = rng.pick(&["public", "friends"]);
    w.push_str(&format!(
        "followers: {{who_can_follow: {follow}, professional_mode: {}}}\n",
        boolean(&mut rng, 40)
    ));
    // Block style where `spoil` looks (`--invalid` spoils small ones too).
    w.push_str(&format!("network:\n  professional_contacts: {}\n", rng.below(200)));
    w.push_str(&format!("tagging:\n  review_tags: {}\n", boolean(&mut rng, 60)));
    w.push_str(&format!("privacy:\n  search_engines: {}\n", boolean(&mut rng, 60)));
    for key in ["birthday", "phone"] {
        if rng.chance(60) {
            w.push_str(&format!(
                "  {key}_audience: {}\n",
                rng.pick(&["only_me", "friends", "public"])
            ));
        }
    }
    s
}

/// Spoil a valid profile in one of the ways docs/format.md calls invalid.
fn spoil(rng: &mut Rng, text: String) -> String {
    match rng.below(6) {
        0 => text.replace("  city:", "  ctiy:"), // unknown key, with suggestion
        1 => text
            .replace("  review_tags: true", "  review_tags: yes")
            .replace("  review_tags: false", "  review_tags: no"),
        2 => text.replace("professional_contacts: ", "professional_contacts: -"), // negative count
        3 => text.replace("version: 1", "version: 2"),
        4 => text.replace("\ntagging:\n", "\ntagging: [\n"), // syntax error
        _ => format!("{text}name: Again\n"),                 // duplicate key
    }
}

/// `n` profiles (small ones with `small`); `invalid_pct` percent of them
/// spoiled (0: all valid).
pub fn profiles(n: usize, invalid_pct: u32, small: bool) -> Vec<String> {
    let mut rng = Rng(SEED.rotate_left(17));
    (0..n)
        .map(|i| {
            let p = if small {
                small_profile(SEED, i)
            } else {
                profile(SEED, i)
            };
            if invalid_pct > 0 && rng.chance(invalid_pct) {
                spoil(&mut rng, p)
            } else {
                p
            }
        })
        .collect()
}

const SEED: u64 = 0x005E_ED0F_BE4C;

// ---------------------------------------------------------------- measuring

struct Args {
    cmd: Option<String>,
    dir: Option<PathBuf>,
    n: usize,
    reps: usize,
    invalid: u32,
    threads: usize,
    /// `gen --flat`: every file directly in DIR (the floor reads only those).
    flat: bool,
    /// `--small`: profiles of about 700 bytes instead of 1.2 KB.
    small: bool,
}

fn parse_args() -> Args {
    let mut a = Args {
        cmd: None,
        dir: None,
        n: 10_000,
        reps: 5,
        invalid: 0,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        flat: false,
        small: false,
    };
    let mut it = std::env::args().skip(1);
    let num = |v: Option<String>, what: &str| -> usize {
        v.and_then(|s| s.replace('_', "").parse().ok())
            .unwrap_or_else(|| panic!("{what} needs a number"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            // cargo bench passes --bench to harness=false targets.
            "--bench" => {}
            "--n" => a.n = num(it.next(), "--n"),
            "--reps" => a.reps = num(it.next(), "--reps").max(1),
            "--invalid" => a.invalid = num(it.next(), "--invalid").min(100) as u32,
            "--threads" => a.threads = num(it.next(), "--threads").max(1),
            "--flat" => a.flat = true,
            "--small" => a.small = true,
            "gen" | "floor" if a.cmd.is_none() => a.cmd = Some(arg),
            other if a.cmd.is_some() && a.dir.is_none() => a.dir = Some(PathBuf::from(other)),
            other => panic!("unknown argument {other:?}; see the header of benches/throughput.rs"),
        }
    }
    a
}

/// CPU time used by this process so far (user + system), from /proc: unlike
/// wall time it does not grow when other processes take the cores, so it
/// keeps the ratios between stages meaningful on a busy machine. Resolution
/// is one clock tick (10 ms); zero where /proc is missing.
fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the command name (which may hold spaces) start at field 3;
    // utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect();
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Run `f` `reps` times; each run's wall and CPU time.
fn time(reps: usize, mut f: impl FnMut()) -> Vec<(Duration, Duration)> {
    (0..reps)
        .map(|_| {
            let (t, c) = (Instant::now(), cpu_time());
            f();
            (t.elapsed(), cpu_time().saturating_sub(c))
        })
        .collect()
}

struct Stat {
    best: Duration,
    median: Duration,
    /// The least CPU time of any run.
    cpu: Duration,
}

fn stat(mut d: Vec<(Duration, Duration)>) -> Stat {
    let cpu = d.iter().map(|x| x.1).min().unwrap_or_default();
    d.sort();
    Stat {
        best: d[0].0,
        median: d[d.len() / 2].0,
        cpu,
    }
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

const HEADER: [&str; 6] = ["best", "median", "per CPU-s", "vs (a)", "vs (a)", ""];

fn header(out: &mut dyn Write, title: &str) {
    let h = HEADER;
    let _ = writeln!(
        out,
        "{title:<40} {:>9} {:>9} {:>9} {:>8} {:>8}",
        h[0], h[1], h[2], h[3], h[4]
    );
    let _ = writeln!(
        out,
        "{:<40} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "", "wall", "wall", "", "wall", "CPU"
    );
}

/// One line of the table; `base` is the (wall, CPU) rate of stage (a).
fn print_row(out: &mut dyn Write, name: &str, n: usize, s: &Stat, base: (f64, f64)) {
    let (best, cpu) = (rate(n, s.best), rate(n, s.cpu));
    let _ = writeln!(
        out,
        "{name:<40} {best:>9.0} {:>9.0} {cpu:>9.0} {:>7.2}× {:>7.2}×",
        rate(n, s.median),
        base.0 / best,
        base.1 / cpu
    );
}

/// Call `f(i)` for every index in 0..n on `threads` threads (work stealing by
/// an atomic counter, like src/run.rs).
fn parallel(n: usize, threads: usize, f: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    f(i);
                }
            });
        }
    });
}

fn lang() -> LangChoice {
    LangChoice {
        forced: None,
        fallback: Lang::En,
    }
}

fn file_name(i: usize) -> String {
    format!("profiles/p{i:06}.yaml")
}

/// Check every profile and stream its report through a reporter into a sink,
/// as the CLI does (without files or threads).
fn check_and_render(rules: &RuleSet, texts: &[String], format: Format) {
    let ctx = Context {
        rules,
        lang: Lang::En,
        color: false,
        quiet: false,
        problems: &[],
        width: profilecheck::report::DEFAULT_WIDTH,
    };
    let mut out = io::BufWriter::new(io::sink());
    let mut reporter = format.reporter(ctx);
    let mut summary = Summary::default();
    reporter.begin(&mut out).expect("sink");
    for (i, t) in texts.iter().enumerate() {
        let r = engine::check_bytes(rules, &file_name(i), t.as_bytes(), lang());
        summary.add(&r);
        reporter.profile(&r, &mut out).expect("sink");
    }
    reporter.end(&summary, &mut out).expect("sink");
    out.flush().expect("sink");
}

fn stages(a: &Args) {
    let out = &mut io::stdout().lock();
    let texts = profiles(a.n, a.invalid, a.small);
    let bytes: usize = texts.iter().map(String::len).sum();
    let lines: usize = texts.iter().map(|t| t.lines().count()).sum();
    let rules = RuleSet::builtin();
    // Sanity: the generated set is what we claim (valid unless asked otherwise).
    let invalid = texts.iter().filter(|t| profile::parse(t.as_bytes()).is_err()).count();
    let findings: usize = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            engine::check_bytes(&rules, &file_name(i), t.as_bytes(), lang())
                .findings
                .len()
        })
        .sum();
    let _ = writeln!(
        out,
        "profilecheck throughput: {} profiles, {:.1} lines and {} bytes on average, {} invalid, {:.1} findings each; {} rules; best and median of {} runs",
        a.n,
        lines as f64 / a.n as f64,
        bytes / a.n.max(1),
        invalid,
        findings as f64 / a.n as f64,
        rules.rules.len(),
        a.reps
    );
    header(out, "profiles per second, single thread");
    let mut floor = None;
    let mut row = |name: &str, s: Stat, out: &mut dyn Write| {
        let base = *floor.get_or_insert((rate(a.n, s.best), rate(a.n, s.cpu)));
        print_row(out, name, a.n, &s, base);
    };
    let parse = stat(time(a.reps, || {
        for t in &texts {
            let _ = black_box(yaml::parse(black_box(t)));
        }
    }));
    row("(a) yaml::parse (the floor)", parse, out);
    let validate = stat(time(a.reps, || {
        for t in &texts {
            let _ = black_box(profile::parse(black_box(t.as_bytes())));
        }
    }));
    row("(b) profile::parse (parse + validate)", validate, out);
    let check = stat(time(a.reps, || {
        for (i, t) in texts.iter().enumerate() {
            black_box(engine::check_bytes(
                &rules,
                &file_name(i),
                black_box(t.as_bytes()),
                lang(),
            ));
        }
    }));
    row("(c) engine::check_bytes (+ 28 rules)", check, out);
    let json = stat(time(a.reps, || check_and_render(&rules, &texts, Format::Json)));
    row("(d) check + JSON reporter to a sink", json, out);
    let text = stat(time(a.reps, || check_and_render(&rules, &texts, Format::Text)));
    row("(e) check + text reporter to a sink", text, out);
    // For reference: the YAML crate with default options and no positions,
    // into a generic tree (what "serde-saphyr alone" means in the issue).
    let alone = stat(time(a.reps, || {
        for t in &texts {
            let _ = black_box(serde_saphyr::from_str::<serde_json::Value>(black_box(t)));
        }
    }));
    row("(r) serde-saphyr alone, no positions", alone, out);

    // The same on all cores: what the parallel lint can reach at best.
    let t = a.threads;
    if t > 1 {
        let par_parse = stat(time(a.reps, || {
            parallel(texts.len(), t, |i| {
                let _ = black_box(yaml::parse(&texts[i]));
            })
        }));
        let par_check = stat(time(a.reps, || {
            parallel(texts.len(), t, |i| {
                black_box(engine::check_bytes(&rules, &file_name(i), texts[i].as_bytes(), lang()));
            })
        }));
        header(out, &format!("on {t} threads"));
        let base = (rate(a.n, par_parse.best), rate(a.n, par_parse.cpu));
        print_row(out, "(a) yaml::parse", a.n, &par_parse, base);
        print_row(out, "(c) engine::check_bytes", a.n, &par_check, base);
    }
}

/// Write the profiles to `dir` as p000000.yaml…, in subfolders of 1,000 so no
/// folder gets huge; with `--flat`, all directly in `dir`, which is what the
/// vendored floor (benches/floor-saphyr) reads.
fn generate(a: &Args, dir: &Path) -> io::Result<()> {
    let texts = profiles(a.n, a.invalid, a.small);
    let mut bytes = 0;
    for (i, t) in texts.iter().enumerate() {
        let sub = if a.flat {
            dir.to_path_buf()
        } else {
            dir.join(format!("{:03}", i / 1000))
        };
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        std::fs::write(sub.join(format!("p{i:06}.yaml")), t)?;
        bytes += t.len();
    }
    println!("wrote {} profiles ({} KiB) to {}", a.n, bytes / 1024, dir.display());
    Ok(())
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            yaml_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The bare-parse floor for the files of `dir` on `threads` threads: files
/// read into memory first (not timed), then `yaml::parse` on each; and the
/// same with the reading timed, which is what a lint has to do too.
fn floor(a: &Args, dir: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    yaml_files(dir, &mut files)?;
    let n = files.len();
    let texts: Vec<String> = files.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let t = a.threads;
    let parse = stat(time(a.reps, || {
        parallel(n, t, |i| {
            let _ = black_box(yaml::parse(&texts[i]));
        })
    }));
    let read_parse = stat(time(a.reps, || {
        parallel(n, t, |i| {
            let text = std::fs::read_to_string(&files[i]).expect("readable");
            let _ = black_box(yaml::parse(&text));
        })
    }));
    println!(
        "bare parse floor, {n} files, {t} threads: parse {:.0} profiles/s ({:.3} s), read + parse {:.0} profiles/s ({:.3} s); best of {}",
        rate(n, parse.best),
        parse.best.as_secs_f64(),
        rate(n, read_parse.best),
        read_parse.best.as_secs_f64(),
        a.reps
    );
    // For benches/run.sh.
    println!(
        "floor_parse_s={:.6} floor_read_parse_s={:.6}",
        parse.best.as_secs_f64(),
        read_parse.best.as_secs_f64()
    );
    Ok(())
}

fn main() -> io::Result<()> {
    let a = parse_args();
    match (a.cmd.as_deref(), &a.dir) {
        (Some("gen"), Some(dir)) => generate(&a, dir),
        (Some("floor"), Some(dir)) => floor(&a, dir),
        (Some(cmd), None) => panic!("{cmd} needs a directory"),
        _ => {
            stages(&a);
            Ok(())
        }
    }
}
