//! `profilecheck init --interactive`: asks the checklist's questions one by
//! one, grouped by guide step, for people who have never seen YAML, and
//! writes the answers as a profile.
//!
//! Only the wording of the questions lives here: the kind of every answer
//! (yes/no, choice, number, text, list), its allowed values and its minimum
//! come from `schema.rs`, and the output follows the order of `schema::PROFILE`.
//! Unanswered questions are left out of the file (they count as "not done").
//! End of input at any point ends the interview and keeps what was answered.

use crate::i18n::Lang;
use crate::i18n::catalog::{self, t};
use crate::profile::Profile;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{Node, Value};
pub use crate::workshop::write::quote;
use crate::workshop::write::{Ans, number, write_fields};
use std::fmt::Write as _;
use std::io::{self, BufRead, Read, Write};

/// How many times a question is asked again after an answer it cannot use.
const TRIES: usize = 3;
/// A repeated block (jobs, schools, links) stops after this many items.
const MAX_ITEMS: usize = 20;

/// When a question is worth asking.
#[derive(Clone, Copy)]
pub(crate) enum Gate {
    Always,
    /// Not when this yes/no question was answered "no".
    UnlessNo(&'static str),
    /// Only when this question was answered.
    IfAnswered(&'static str),
}

/// The questions, in order; the workshop room's form is built from them too.
pub(crate) enum Q {
    /// A group header: guide step 1..=7; 0 = about you; 8 = the privacy pack.
    Step(u32),
    /// One question about the field at this path, and its message id.
    Ask(&'static str, Gate, &'static str),
    /// A list of items asked one by one; an empty answer to the first
    /// question of an item ends the list.
    Items(&'static str, &'static str, &'static [Sub]),
}

/// A question about one key of a list item, and its message id.
pub(crate) struct Sub(pub(crate) &'static str, pub(crate) &'static str);

pub(crate) const QUESTIONS: &[Q] = &[
    Q::Step(0),
    Q::Ask("name", Gate::Always, "ask-name"),
    Q::Step(1),
    Q::Ask("photo.set", Gate::Always, "ask-photo-set"),
    Q::Ask("photo.kind", Gate::UnlessNo("photo.set"), "ask-photo-kind"),
    Q::Ask("photo.cover", Gate::Always, "ask-photo-cover"),
    Q::Ask("about.bio", Gate::Always, "ask-about-bio"),
    Q::Items(
        "about.work",
        "ask-about-work",
        &[
            Sub("position", "ask-about-work-position"),
            Sub("employer", "ask-about-work-employer"),
            Sub("current", "ask-about-work-current"),
        ],
    ),
    Q::Items(
        "about.education",
        "ask-about-education",
        &[
            Sub("school", "ask-about-education-school"),
            Sub("degree", "ask-about-education-degree"),
        ],
    ),
    Q::Ask("about.city", Gate::Always, "ask-about-city"),
    Q::Ask("contact.email", Gate::Always, "ask-contact-email"),
    Q::Ask("contact.website", Gate::Always, "ask-contact-website"),
    Q::Items(
        "contact.links",
        "ask-contact-links",
        &[
            Sub("network", "ask-contact-links-network"),
            Sub("url", "ask-contact-links-url"),
        ],
    ),
    Q::Ask(
        "network.professional_contacts",
        Gate::Always,
        "ask-network-professional-contacts",
    ),
    Q::Step(2),
    Q::Ask("keywords", Gate::Always, "ask-keywords"),
    Q::Step(3),
    Q::Ask(
        "publishing.posts_per_month",
        Gate::Always,
        "ask-publishing-posts-per-month",
    ),
    Q::Ask(
        "publishing.editorial_line",
        Gate::Always,
        "ask-publishing-editorial-line",
    ),
    Q::Ask("publishing.topics", Gate::Always, "ask-publishing-topics"),
    Q::Ask(
        "publishing.shares_blog_posts",
        Gate::Always,
        "ask-publishing-shares-blog-posts",
    ),
    Q::Ask(
        "publishing.shares_curation",
        Gate::Always,
        "ask-publishing-shares-curation",
    ),
    Q::Ask(
        "publishing.writes_articles",
        Gate::Always,
        "ask-publishing-writes-articles",
    ),
    Q::Step(4),
    Q::Ask("privacy.viewed_as_public", Gate::Always, "ask-privacy-viewed-as-public"),
    Q::Step(5),
    Q::Ask("alternate_name.name", Gate::Always, "ask-alternate-name-name"),
    Q::Ask(
        "alternate_name.type",
        Gate::IfAnswered("alternate_name.name"),
        "ask-alternate-name-type",
    ),
    Q::Ask(
        "alternate_name.show_on_profile",
        Gate::IfAnswered("alternate_name.name"),
        "ask-alternate-name-show-on-profile",
    ),
    Q::Step(6),
    Q::Ask("followers.who_can_follow", Gate::Always, "ask-followers-who-can-follow"),
    Q::Ask(
        "followers.professional_mode",
        Gate::Always,
        "ask-followers-professional-mode",
    ),
    Q::Ask(
        "publishing.default_audience",
        Gate::Always,
        "ask-publishing-default-audience",
    ),
    Q::Step(7),
    Q::Ask(
        "tagging.tagged_posts_audience",
        Gate::Always,
        "ask-tagging-tagged-posts-audience",
    ),
    Q::Ask(
        "tagging.review_tagged_posts",
        Gate::Always,
        "ask-tagging-review-tagged-posts",
    ),
    Q::Ask("tagging.review_tags", Gate::Always, "ask-tagging-review-tags"),
    Q::Step(8),
    Q::Ask("privacy.search_engines", Gate::Always, "ask-privacy-search-engines"),
    Q::Ask(
        "privacy.birthday_audience",
        Gate::Always,
        "ask-privacy-birthday-audience",
    ),
    Q::Ask("privacy.phone_audience", Gate::Always, "ask-privacy-phone-audience"),
    Q::Ask("privacy.email_audience", Gate::Always, "ask-privacy-email-audience"),
    Q::Ask(
        "privacy.relationship_audience",
        Gate::Always,
        "ask-privacy-relationship-audience",
    ),
    Q::Ask("privacy.family_audience", Gate::Always, "ask-privacy-family-audience"),
];

/// The interview's question about the field at `path`, in `lang`, if it asks one.
pub(crate) fn question(path: &str, lang: Lang) -> Option<String> {
    QUESTIONS.iter().find_map(|q| match q {
        Q::Ask(p, _, id) if *p == path => Some(catalog::message(lang, id, None)),
        _ => None,
    })
}

/// Ask the questions on `prompts`, read answers from `input`, return the profile YAML.
pub fn interview(lang: Lang, input: &mut dyn BufRead, prompts: &mut dyn Write) -> io::Result<String> {
    interview_from(lang, None, input, prompts)
}

/// Like [`interview`], starting from the answers `from` already holds (a
/// profile written by `import`, or an earlier interview; with its text):
/// those are kept as they are, and only the questions left open are asked.
/// The new answers are written into that text in place, so its comments,
/// notes and the questions still open are kept byte for byte.
pub fn interview_from(
    lang: Lang,
    from: Option<(&Profile, &str)>,
    input: &mut dyn BufRead,
    prompts: &mut dyn Write,
) -> io::Result<String> {
    let mut answers = Vec::new();
    if let Some((p, _)) = from {
        collect(&p.root, schema::PROFILE, "", &mut answers);
        // The language is the one this interview runs in.
        answers.retain(|(path, _)| path != "lang");
    }
    let kept = answers.len();
    let mut s = Session {
        lang,
        input,
        prompts,
        eof: false,
        answers,
        header: None,
    };
    if from.is_some() {
        let text = t!(lang, "import-interview-kept", n = kept);
        s.say(&format!("{text}\n"))?;
    }
    s.run()?;
    let count = s.answers.len();
    let text = format!("\n{}\n", t!(lang, "interview-recorded", n = count));
    s.prompts.write_all(text.as_bytes())?;
    s.prompts.flush()?;
    // The report of this file should come in the language it was written in.
    let lang_answer = ("lang".to_owned(), Ans::Str(lang.code().to_owned()));
    if let Some((p, source)) = from {
        let mut new = s.answers[kept..].to_vec();
        if p.lang != Some(lang) {
            new.insert(0, lang_answer.clone());
        }
        if let Some(text) = in_place(source, &new, &s.answers) {
            return Ok(text);
        }
    }
    s.answers.insert(0, lang_answer);
    Ok(render(&s.answers, lang))
}

/// `source` with the `new` answers written in at their keys, if that can be
/// done and the result reads back as exactly `all` the answers.
fn in_place(source: &str, new: &[(String, Ans)], all: &[(String, Ans)]) -> Option<String> {
    let text = crate::workshop::write::fill_in_place(source, new)?;
    let profile = crate::profile::parse(text.as_bytes()).ok()?;
    let mut got = Vec::new();
    collect(&profile.root, schema::PROFILE, "", &mut got);
    got.retain(|(path, _)| path != "lang");
    let same = got.len() == all.len() && all.iter().all(|a| got.iter().any(|g| same_answer(a, g)));
    same.then_some(text)
}

/// The same answer, as written and as read back: a whole number answered
/// to a decimal question (`3` posts a month) reads back as an integer.
fn same_answer((path, a): &(String, Ans), (got_path, b): &(String, Ans)) -> bool {
    path == got_path
        && match (a, b) {
            (Ans::Num(x), Ans::Int(i)) => *x == *i as f64,
            (a, b) => a == b,
        }
}

/// The longest answer line read, in bytes; past it the interview stops
/// with an error.
pub const MAX_ANSWER_BYTES: usize = 4096;

struct Session<'a> {
    lang: Lang,
    input: &'a mut dyn BufRead,
    prompts: &'a mut dyn Write,
    /// The input has ended: every further question is skipped.
    eof: bool,
    answers: Vec<(String, Ans)>,
    /// A group header not yet shown: it waits for the group's first question,
    /// so a group whose answers are all known stays silent.
    header: Option<String>,
}

impl Session<'_> {
    /// A question of the table (its id is a `&'static str` of [`QUESTIONS`]).
    fn question(&self, id: &str) -> String {
        catalog::message(self.lang, id, None)
    }

    fn say(&mut self, text: &str) -> io::Result<()> {
        self.prompts.write_all(text.as_bytes())?;
        self.prompts.flush()
    }

    /// Print the prompt and read one line; None at end of input.
    fn read(&mut self, prompt: &str) -> io::Result<Option<String>> {
        if self.eof {
            return Ok(None);
        }
        self.say(prompt)?;
        let mut buf = Vec::new();
        // An answer is a line typed by a person: `< /dev/zero` or a binary
        // file must not grow it without end.
        let mut line = (&mut *self.input).take(MAX_ANSWER_BYTES as u64 + 1);
        if line.read_until(b'\n', &mut buf)? == 0 {
            self.eof = true;
            self.say("\n")?;
            return Ok(None);
        }
        if buf.len() > MAX_ANSWER_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                crate::i18n::catalog::t!(self.lang, "interview-answer-too-long", max = MAX_ANSWER_BYTES),
            ));
        }
        // Invalid UTF-8 from a terminal in another encoding should not end the interview.
        Ok(Some(String::from_utf8_lossy(&buf).trim().to_owned()))
    }

    fn show_header(&mut self) -> io::Result<()> {
        match self.header.take() {
            Some(h) => self.say(&h),
            None => Ok(()),
        }
    }

    fn answer(&self, path: &str) -> Option<&Ans> {
        self.answers.iter().find(|(p, _)| p == path).map(|(_, a)| a)
    }

    fn run(&mut self) -> io::Result<()> {
        let intro = format!("{}\n", t!(self.lang, "interview-intro"));
        self.say(&intro)?;
        let packs = crate::rules::pack::builtin();
        for q in QUESTIONS {
            if self.eof {
                break;
            }
            match q {
                Q::Step(n) => {
                    let title = match n {
                        0 => t!(self.lang, "interview-about-you"),
                        8 => t!(self.lang, "interview-privacy"),
                        n => {
                            let title = packs
                                .iter()
                                .find_map(|p| p.steps.get(n))
                                .map(|t| t.get(self.lang).to_owned())
                                .unwrap_or_default();
                            t!(self.lang, "report-step-titled", step = *n, title = title)
                        }
                    };
                    self.header = Some(format!("\n== {title} ==\n"));
                }
                Q::Ask(path, gate, id) => {
                    let open = match gate {
                        Gate::Always => true,
                        Gate::UnlessNo(p) => self.answer(p) != Some(&Ans::Bool(false)),
                        Gate::IfAnswered(p) => self.answer(p).is_some(),
                    };
                    if !open || self.answer(path).is_some() {
                        continue;
                    }
                    self.show_header()?;
                    let field = schema::field_at(path).unwrap_or_else(|| panic!("interview asks unknown path {path}"));
                    let question = self.question(id);
                    if let Some(a) = self.ask(&question, field, *path == "keywords", false)? {
                        self.answers.push(((*path).to_owned(), a));
                    }
                }
                Q::Items(path, id, subs) => {
                    if self.answer(path).is_some() {
                        continue;
                    }
                    self.show_header()?;
                    let intro = self.question(id);
                    self.say(&format!("{intro}\n"))?;
                    let items = self.items(path, subs)?;
                    if !items.is_empty() {
                        self.answers.push(((*path).to_owned(), Ans::Items(items)));
                    }
                }
            }
        }
        Ok(())
    }

    fn items(&mut self, path: &str, subs: &[Sub]) -> io::Result<Vec<Vec<(&'static str, Ans)>>> {
        let mut items = Vec::new();
        while items.len() < MAX_ITEMS && !self.eof {
            let mut item = Vec::new();
            for (i, Sub(key, id)) in subs.iter().enumerate() {
                let full = format!("{path}.{key}");
                let field = schema::field_at(&full).unwrap_or_else(|| panic!("interview asks unknown path {full}"));
                let number = t!(self.lang, "interview-item-number", n = items.len() + 1);
                let question = format!("  [{number}] {}", self.question(id));
                match self.ask(&question, field, false, i == 0)? {
                    Some(a) => item.push((field.key, a)),
                    // Nothing for the first question of an item: the list is done.
                    None if i == 0 => return Ok(items),
                    None => {}
                }
            }
            // Keys in the order of the format, as the template shows them, not of the questions.
            if let Some(Field {
                kind: Kind::List(Kind::Obj(order)),
                ..
            }) = schema::field_at(path)
            {
                item.sort_by_key(|(k, _)| order.iter().position(|f| f.key == *k));
            }
            items.push(item);
        }
        Ok(items)
    }

    /// Ask about one field until the answer fits its kind; None when skipped.
    fn ask(&mut self, question: &str, field: &Field, split_spaces: bool, ends_list: bool) -> io::Result<Option<Ans>> {
        let hint = if ends_list {
            // The first question of a list item: an empty answer ends the list.
            match field.kind {
                Kind::Enum(_) => t!(self.lang, "interview-choice-or-done"),
                _ => format!("[{}]", t!(self.lang, "interview-enter-when-done")),
            }
        } else {
            self.hint(&field.kind)
        };
        if let Kind::Enum(values) = field.kind {
            let mut menu = format!("{question}\n");
            for (i, v) in values.iter().enumerate() {
                let label = schema::value_label(field, v, self.lang);
                if label.is_empty() || label.to_lowercase() == *v {
                    let _ = writeln!(
                        menu,
                        "    {}. {}",
                        i + 1,
                        if label.is_empty() { *v } else { label.as_str() }
                    );
                } else {
                    let _ = writeln!(menu, "    {}. {label} ({v})", i + 1);
                }
            }
            self.say(&menu)?;
        }
        let prompt = match field.kind {
            Kind::Enum(_) => format!("  {hint} "),
            _ => format!("{question} {hint} "),
        };
        for _ in 0..TRIES {
            let Some(line) = self.read(&prompt)? else {
                return Ok(None);
            };
            if line.is_empty() {
                return Ok(None);
            }
            match self.interpret(&line, field, split_spaces) {
                Ok(a) => return Ok(Some(a)),
                Err(why) => self.say(&format!("  {why}\n"))?,
            }
        }
        let skipped = format!("  {}\n", t!(self.lang, "interview-skipped"));
        self.say(&skipped)?;
        Ok(None)
    }

    /// The reminder after a question: how to answer it.
    fn hint(&self, kind: &Kind) -> String {
        let lang = self.lang;
        match kind {
            Kind::Enum(_) => t!(lang, "interview-choice-or-skip"),
            _ => format!("[{}]", t!(lang, "interview-hint", kind = kind.name())),
        }
    }

    /// Turn a non-empty answer into a value of `kind`, or say why it can't be.
    fn interpret(&self, line: &str, field: &Field, split_spaces: bool) -> Result<Ans, String> {
        match &field.kind {
            Kind::Bool => match line.to_lowercase().as_str() {
                "y" | "yes" | "o" | "oui" | "true" => Ok(Ans::Bool(true)),
                "n" | "no" | "non" | "false" => Ok(Ans::Bool(false)),
                _ => Err(t!(self.lang, "interview-want-bool")),
            },
            Kind::Int { min } => {
                let cleaned = clean_number(line);
                let value = cleaned.parse::<i64>().ok().or_else(|| {
                    cleaned
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15)
                        .map(|x| x as i64)
                });
                match value {
                    Some(v) if min.is_none_or(|m| v >= m) => Ok(Ans::Int(v)),
                    _ => Err(match min {
                        Some(m) => t!(self.lang, "interview-want-int-min", min = m.to_string()),
                        None => t!(self.lang, "interview-want-int"),
                    }),
                }
            }
            Kind::Number { min } => match clean_number(line).parse::<f64>() {
                Ok(x) if x.is_finite() && min.is_none_or(|m| x >= m) => Ok(Ans::Num(x)),
                _ => Err(match min {
                    Some(m) => t!(self.lang, "interview-want-number-min", min = number(*m)),
                    None => t!(self.lang, "interview-want-number"),
                }),
            },
            Kind::Enum(values) => {
                let lower = line.to_lowercase();
                let by_number = lower
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| values.get(i));
                // A value's label in any language is accepted as well.
                let by_name = values.iter().find(|v| {
                    **v == lower
                        || v.replace('_', " ") == lower
                        || Lang::ALL
                            .iter()
                            .any(|l| schema::value_label(field, v, *l).to_lowercase() == lower)
                });
                match by_number.or(by_name) {
                    Some(v) => Ok(Ans::Str((*v).to_owned())),
                    None => Err(t!(self.lang, "interview-want-choice", n = values.len())),
                }
            }
            Kind::List(_) => {
                // Commas separate items; spaces separate hashtags too ("#cm #formation"),
                // but "bad word" stays one item (and keyword-format will flag it).
                let items: Vec<String> = line
                    .split([',', ';'])
                    .flat_map(|part| {
                        let words: Vec<&str> = part.split_whitespace().collect();
                        if split_spaces && words.len() > 1 && words.iter().all(|w| w.starts_with('#')) {
                            words.into_iter().map(str::to_owned).collect()
                        } else {
                            vec![part.trim().to_owned()]
                        }
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
                if items.is_empty() {
                    Err(t!(self.lang, "interview-want-list"))
                } else {
                    Ok(Ans::List(items))
                }
            }
            _ => Ok(Ans::Str(line.to_owned())),
        }
    }
}

/// `1 000`, `2,5`: the way people write numbers, as Rust parses them.
fn clean_number(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect()
}

fn render(answers: &[(String, Ans)], lang: Lang) -> String {
    let mut out = String::from("# yaml-language-server: $schema=profile.schema.json\n");
    for line in t!(lang, "interview-file-header").lines() {
        out.push_str(format!("# {line}").trim_end());
        out.push('\n');
    }
    let mut body = String::new();
    write_fields(&mut body, schema::PROFILE, "", 0, answers);
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
    }
    out
}

/// The answers a profile already holds, by dotted path, in the format's order.
fn collect(node: &Node, fields: &[Field], prefix: &str, out: &mut Vec<(String, Ans)>) {
    for field in fields {
        let Some(child) = node.get(field.key) else { continue };
        let path = if prefix.is_empty() {
            field.key.to_owned()
        } else {
            format!("{prefix}.{}", field.key)
        };
        match field.kind {
            Kind::Obj(children) => collect(child, children, &path, out),
            Kind::List(Kind::Obj(children)) => {
                let Value::Seq(items) = &child.value else { continue };
                let items: Vec<Vec<(&'static str, Ans)>> = items
                    .iter()
                    .map(|item| {
                        children
                            .iter()
                            .filter_map(|c| Some((c.key, scalar(&item.get(c.key)?.value)?)))
                            .collect::<Vec<_>>()
                    })
                    .filter(|item| !item.is_empty())
                    .collect();
                if !items.is_empty() {
                    out.push((path, Ans::Items(items)));
                }
            }
            Kind::List(_) => {
                let Value::Seq(items) = &child.value else { continue };
                let items: Vec<String> = items.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect();
                if !items.is_empty() {
                    out.push((path, Ans::List(items)));
                }
            }
            Kind::Waivers | Kind::Free => {
                if !matches!(child.value, Value::Null) {
                    out.push((path, Ans::Raw(flow(child))));
                }
            }
            _ => {
                if let Some(a) = scalar(&child.value) {
                    out.push((path, a));
                }
            }
        }
    }
}

fn scalar(v: &Value) -> Option<Ans> {
    match v {
        Value::Bool(b) => Some(Ans::Bool(*b)),
        Value::Int(i) => Some(Ans::Int(*i)),
        Value::Float(x) => Some(Ans::Num(*x)),
        Value::Str(s) if !s.trim().is_empty() => Some(Ans::Str(s.clone())),
        _ => None,
    }
}

/// A value as one line of flow YAML (`{a: "b", c: [1, 2]}`), for the
/// free-form sections an interview does not ask about but must keep.
fn flow(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => number(*x),
        Value::Str(s) => quote(s),
        Value::Seq(items) => format!("[{}]", items.iter().map(flow).collect::<Vec<_>>().join(", ")),
        Value::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", quote(&k.name), flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
