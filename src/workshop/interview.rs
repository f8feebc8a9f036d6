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
use crate::profile::schema::{self, Field, Kind};
pub use crate::workshop::write::quote;
use crate::workshop::write::{fr_typo, number};
use std::fmt::Write as _;
use std::io::{self, BufRead, Write};

/// How many times a question is asked again after an answer it cannot use.
const TRIES: usize = 3;
/// A repeated block (jobs, schools, links) stops after this many items.
const MAX_ITEMS: usize = 20;

/// When a question is worth asking.
#[derive(Clone, Copy)]
enum Gate {
    Always,
    /// Not when this yes/no question was answered "no".
    UnlessNo(&'static str),
    /// Only when this question was answered.
    IfAnswered(&'static str),
}

enum Q {
    /// A group header: guide step 1..=7; 0 = about you; 8 = the privacy pack.
    Step(u32),
    /// One question about the field at this path.
    Ask(&'static str, Gate, &'static str, &'static str),
    /// A list of items asked one by one; an empty answer to the first
    /// question of an item ends the list.
    Items(&'static str, &'static str, &'static str, &'static [Sub]),
}

/// A question about one key of a list item.
struct Sub(&'static str, &'static str, &'static str);

const QUESTIONS: &[Q] = &[
    Q::Step(0),
    Q::Ask(
        "name",
        Gate::Always,
        "Your name, as the report should show it?",
        "Votre nom, tel que le rapport doit l’afficher ?",
    ),
    Q::Step(1),
    Q::Ask(
        "photo.set",
        Gate::Always,
        "Have you put up a profile picture?",
        "Avez-vous mis en ligne une photo de profil ?",
    ),
    Q::Ask(
        "photo.kind",
        Gate::UnlessNo("photo.set"),
        "What does your profile picture show?",
        "Que montre votre photo de profil ?",
    ),
    Q::Ask(
        "photo.cover",
        Gate::Always,
        "Is there a cover photo (the wide picture at the top of your profile)?",
        "Avez-vous une photo de couverture (la grande image en haut de votre profil) ?",
    ),
    Q::Ask(
        "about.bio",
        Gate::Always,
        "Your Bio, the short intro under your name (101 characters at most)?",
        "Votre Bio, la courte présentation sous votre nom (101 caractères au plus) ?",
    ),
    Q::Items(
        "about.work",
        "Your jobs, one at a time (press Enter on an empty job title when done).",
        "Vos emplois, un par un (appuyez sur Entrée sans rien écrire quand vous avez fini).",
        &[
            Sub("position", "Job title?", "Intitulé du poste ?"),
            Sub("employer", "Employer or organisation?", "Employeur ou organisation ?"),
            Sub("current", "Is it your current job?", "Est-ce votre poste actuel ?"),
        ],
    ),
    Q::Items(
        "about.education",
        "Your schools, one at a time (press Enter on an empty school when done).",
        "Votre formation, une école à la fois (appuyez sur Entrée sans rien écrire quand vous avez fini).",
        &[
            Sub("school", "School or university?", "École ou université ?"),
            Sub("degree", "Degree or diploma?", "Diplôme ?"),
        ],
    ),
    Q::Ask(
        "about.city",
        Gate::Always,
        "The city you live in, as shown on your profile?",
        "La ville où vous habitez, telle qu’affichée sur votre profil ?",
    ),
    Q::Ask(
        "contact.email",
        Gate::Always,
        "The contact email shown on your profile?",
        "L’adresse e-mail de contact affichée sur votre profil ?",
    ),
    Q::Ask(
        "contact.website",
        Gate::Always,
        "The address of your website (https://…)?",
        "L’adresse de votre site web (https://…) ?",
    ),
    Q::Items(
        "contact.links",
        "Links to your other professional profiles, one at a time: first the network, then the address (press Enter on the network when done).",
        "Liens vers vos autres profils professionnels, un par un : d’abord le réseau, puis l’adresse (appuyez sur Entrée au lieu du réseau quand vous avez fini).",
        &[
            Sub("network", "Network?", "Réseau ?"),
            Sub(
                "url",
                "Full address of that profile (https://…)?",
                "Adresse complète de ce profil (https://…) ?",
            ),
        ],
    ),
    Q::Ask(
        "network.professional_contacts",
        Gate::Always,
        "About how many professional contacts are among your friends and followers?",
        "Environ combien de contacts professionnels comptez-vous parmi vos amis et followers ?",
    ),
    Q::Step(2),
    Q::Ask(
        "keywords",
        Gate::Always,
        "Your hashtags or keywords, separated by commas (e.g. #ereputation, #training)?",
        "Vos hashtags ou mots-clés, séparés par des virgules (par exemple #ereputation, #formation) ?",
    ),
    Q::Step(3),
    Q::Ask(
        "publishing.posts_per_month",
        Gate::Always,
        "How many posts do you publish a month, on average?",
        "Combien de publications faites-vous par mois, en moyenne ?",
    ),
    Q::Ask(
        "publishing.editorial_line",
        Gate::Always,
        "Your editorial line, in one sentence?",
        "Votre ligne éditoriale, en une phrase ?",
    ),
    Q::Ask(
        "publishing.topics",
        Gate::Always,
        "Your subjects of expertise, separated by commas?",
        "Vos sujets d’expertise, séparés par des virgules ?",
    ),
    Q::Ask(
        "publishing.shares_blog_posts",
        Gate::Always,
        "Do you share the articles of your own blog?",
        "Relayez-vous les articles de votre propre blog ?",
    ),
    Q::Ask(
        "publishing.shares_curation",
        Gate::Always,
        "Do you keep a watch on news in your field and share the best of it?",
        "Faites-vous une veille sur votre domaine, dont vous partagez le meilleur ?",
    ),
    Q::Ask(
        "publishing.writes_articles",
        Gate::Always,
        "Do you write long-form posts?",
        "Rédigez-vous des publications de fond ?",
    ),
    Q::Step(4),
    Q::Ask(
        "privacy.viewed_as_public",
        Gate::Always,
        "Have you looked at your profile as the public sees it (\"View as\")?",
        "Avez-vous regardé votre profil tel que le public le voit (« Voir en tant que ») ?",
    ),
    Q::Step(5),
    Q::Ask(
        "alternate_name.name",
        Gate::Always,
        "The other name shown next to yours (Facebook's \"Other names\"), e.g. your profession?",
        "L’autre nom affiché à côté du vôtre (« Autres noms » sur Facebook), par exemple votre métier ?",
    ),
    Q::Ask(
        "alternate_name.type",
        Gate::IfAnswered("alternate_name.name"),
        "Which name type did you choose for it in Facebook?",
        "Quel type de nom avez-vous choisi pour lui dans Facebook ?",
    ),
    Q::Ask(
        "alternate_name.show_on_profile",
        Gate::IfAnswered("alternate_name.name"),
        "Is \"Show at top of profile\" ticked?",
        "La case qui affiche cet autre nom en haut du profil est-elle cochée ?",
    ),
    Q::Step(6),
    Q::Ask(
        "followers.who_can_follow",
        Gate::Always,
        "Who can follow you?",
        "Qui peut vous suivre ?",
    ),
    Q::Ask(
        "followers.professional_mode",
        Gate::Always,
        "Is professional mode turned on?",
        "Le mode professionnel est-il activé ?",
    ),
    Q::Ask(
        "publishing.default_audience",
        Gate::Always,
        "Who sees your posts by default?",
        "Qui voit vos publications par défaut ?",
    ),
    Q::Step(7),
    Q::Ask(
        "tagging.tagged_posts_audience",
        Gate::Always,
        "Who sees, on your profile, the posts you are tagged in?",
        "Qui voit, sur votre profil, les publications où vous êtes identifié(e) ?",
    ),
    Q::Ask(
        "tagging.review_tagged_posts",
        Gate::Always,
        "Do you review posts you're tagged in before they appear on your profile?",
        "Examinez-vous les publications où l’on vous identifie avant qu’elles n’apparaissent sur votre profil ?",
    ),
    Q::Ask(
        "tagging.review_tags",
        Gate::Always,
        "Do you review the tags people add to your own posts?",
        "Examinez-vous les identifications que d’autres ajoutent à vos propres publications ?",
    ),
    Q::Step(8),
    Q::Ask(
        "privacy.search_engines",
        Gate::Always,
        "Do you let search engines outside Facebook link to your profile?",
        "Autorisez-vous les moteurs de recherche hors de Facebook à renvoyer vers votre profil ?",
    ),
    Q::Ask(
        "privacy.birthday_audience",
        Gate::Always,
        "Who sees your birthday?",
        "Qui voit votre date de naissance ?",
    ),
    Q::Ask(
        "privacy.phone_audience",
        Gate::Always,
        "Who sees your phone number?",
        "Qui voit votre numéro de téléphone ?",
    ),
    Q::Ask(
        "privacy.email_audience",
        Gate::Always,
        "Who sees your email address?",
        "Qui voit votre adresse e-mail ?",
    ),
    Q::Ask(
        "privacy.relationship_audience",
        Gate::Always,
        "Who sees your relationship status?",
        "Qui voit votre situation amoureuse ?",
    ),
    Q::Ask(
        "privacy.family_audience",
        Gate::Always,
        "Who sees your family members?",
        "Qui voit les membres de votre famille ?",
    ),
];

/// One answer, typed by the field it fills.
#[derive(Debug, Clone, PartialEq)]
enum Ans {
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    List(Vec<String>),
    Items(Vec<Vec<(&'static str, Ans)>>),
}

/// Ask the questions on `prompts`, read answers from `input`, return the profile YAML.
pub fn interview(lang: Lang, input: &mut dyn BufRead, prompts: &mut dyn Write) -> io::Result<String> {
    let mut s = Session {
        lang,
        input,
        prompts,
        eof: false,
        answers: Vec::new(),
    };
    s.run()?;
    let count = s.answers.len();
    // The report of this file should come in the language it was written in.
    s.answers
        .insert(0, ("lang".to_owned(), Ans::Str(lang.code().to_owned())));
    let text = s.t(
        &format!("\n{count} answer(s) recorded. Unanswered questions count as \"not done\".\n"),
        &format!("\n{count} réponse(s) enregistrée(s). Les questions sans réponse comptent comme « à faire ».\n"),
    );
    s.prompts.write_all(text.as_bytes())?;
    s.prompts.flush()?;
    Ok(render(&s.answers, lang))
}

struct Session<'a> {
    lang: Lang,
    input: &'a mut dyn BufRead,
    prompts: &'a mut dyn Write,
    /// The input has ended: every further question is skipped.
    eof: bool,
    answers: Vec<(String, Ans)>,
}

impl Session<'_> {
    /// The text in the session's language, French with its typography.
    fn t(&self, en: &str, fr: &str) -> String {
        match self.lang {
            Lang::En => en.to_owned(),
            Lang::Fr => fr_typo(fr),
        }
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
        if self.input.read_until(b'\n', &mut buf)? == 0 {
            self.eof = true;
            self.say("\n")?;
            return Ok(None);
        }
        // Invalid UTF-8 from a terminal in another encoding should not end the interview.
        Ok(Some(String::from_utf8_lossy(&buf).trim().to_owned()))
    }

    fn answer(&self, path: &str) -> Option<&Ans> {
        self.answers.iter().find(|(p, _)| p == path).map(|(_, a)| a)
    }

    fn run(&mut self) -> io::Result<()> {
        let intro = self.t(
            "Answer each question and press Enter.\n\
             Press Enter alone to skip a question you can't answer: it will count as \"not done\",\n\
             and the report will say how to do it.\n\
             Press Ctrl-D (Ctrl-Z then Enter on Windows) to stop early: your answers are kept.\n",
            "Répondez à chaque question puis appuyez sur Entrée.\n\
             Appuyez sur Entrée sans rien écrire pour passer une question : elle comptera comme « à faire »,\n\
             et le rapport expliquera comment s’y prendre.\n\
             Ctrl-D (Ctrl-Z puis Entrée sous Windows) arrête l’entretien : vos réponses sont conservées.\n",
        );
        self.say(&intro)?;
        let packs = crate::rules::pack::builtin();
        for q in QUESTIONS {
            if self.eof {
                break;
            }
            match q {
                Q::Step(n) => {
                    let title = match n {
                        0 => self.t("About you", "À propos de vous"),
                        8 => self.t(
                            "Privacy: anything you publish can be used against you",
                            "Confidentialité : tout ce que vous publiez peut être retenu contre vous",
                        ),
                        n => {
                            let title = packs
                                .iter()
                                .find_map(|p| p.steps.get(n))
                                .map(|t| t.get(self.lang).to_owned())
                                .unwrap_or_default();
                            format!("{} {n} · {title}", self.t("Step", "Étape"))
                        }
                    };
                    self.say(&format!("\n== {title} ==\n"))?;
                }
                Q::Ask(path, gate, en, fr) => {
                    let open = match gate {
                        Gate::Always => true,
                        Gate::UnlessNo(p) => self.answer(p) != Some(&Ans::Bool(false)),
                        Gate::IfAnswered(p) => self.answer(p).is_some(),
                    };
                    if !open {
                        continue;
                    }
                    let field = schema::field_at(path).unwrap_or_else(|| panic!("interview asks unknown path {path}"));
                    let question = self.t(en, fr);
                    if let Some(a) = self.ask(&question, field, *path == "keywords", false)? {
                        self.answers.push(((*path).to_owned(), a));
                    }
                }
                Q::Items(path, en, fr, subs) => {
                    let intro = self.t(en, fr);
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
            for (i, Sub(key, en, fr)) in subs.iter().enumerate() {
                let full = format!("{path}.{key}");
                let field = schema::field_at(&full).unwrap_or_else(|| panic!("interview asks unknown path {full}"));
                let number = format!("{} {}", self.t("#", "n°"), items.len() + 1);
                let question = format!("  [{number}] {}", self.t(en, fr));
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
                Kind::Enum(_) => self.t(
                    "Your choice (number), Enter when done:",
                    "Votre choix (numéro), Entrée quand vous avez fini :",
                ),
                _ => self.t("[Enter when done]", "[Entrée quand vous avez fini]"),
            }
        } else {
            self.hint(&field.kind)
        };
        if let Kind::Enum(values) = field.kind {
            let mut menu = format!("{question}\n");
            for (i, v) in values.iter().enumerate() {
                let (en, fr) = schema::value_label(v);
                let label = self.t(en, fr);
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
            match self.interpret(&line, &field.kind, split_spaces) {
                Ok(a) => return Ok(Some(a)),
                Err(why) => self.say(&format!("  {why}\n"))?,
            }
        }
        let skipped = self.t("  Skipped.\n", "  Question passée.\n");
        self.say(&skipped)?;
        Ok(None)
    }

    /// The reminder after a question: how to answer it.
    fn hint(&self, kind: &Kind) -> String {
        let (en, fr) = match kind {
            Kind::Bool => ("[y/n, Enter to skip]", "[o/n, Entrée pour passer]"),
            Kind::Int { .. } => (
                "[a whole number, Enter to skip]",
                "[un nombre entier, Entrée pour passer]",
            ),
            Kind::Number { .. } => ("[a number, Enter to skip]", "[un nombre, Entrée pour passer]"),
            Kind::Enum(_) => (
                "Your choice (number), Enter to skip:",
                "Votre choix (numéro), Entrée pour passer :",
            ),
            Kind::List(_) => ("[Enter to skip]", "[Entrée pour passer]"),
            _ => ("[Enter to skip]", "[Entrée pour passer]"),
        };
        self.t(en, fr)
    }

    /// Turn a non-empty answer into a value of `kind`, or say why it can't be.
    fn interpret(&self, line: &str, kind: &Kind, split_spaces: bool) -> Result<Ans, String> {
        match kind {
            Kind::Bool => match line.to_lowercase().as_str() {
                "y" | "yes" | "o" | "oui" | "true" => Ok(Ans::Bool(true)),
                "n" | "no" | "non" | "false" => Ok(Ans::Bool(false)),
                _ => Err(self.t(
                    "Please answer y (yes) or n (no), or press Enter to skip.",
                    "Répondez o (oui) ou n (non), ou appuyez sur Entrée pour passer.",
                )),
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
                        Some(m) => self.t(
                            &format!("Please type a whole number, {m} or more (e.g. 42)."),
                            &format!("Tapez un nombre entier, {m} ou plus (par exemple 42)."),
                        ),
                        None => self.t("Please type a whole number.", "Tapez un nombre entier."),
                    }),
                }
            }
            Kind::Number { min } => match clean_number(line).parse::<f64>() {
                Ok(x) if x.is_finite() && min.is_none_or(|m| x >= m) => Ok(Ans::Num(x)),
                _ => Err(match min {
                    Some(m) => self.t(
                        &format!("Please type a number, {} or more (e.g. 8 or 2.5).", number(*m)),
                        &format!("Tapez un nombre, {} ou plus (par exemple 8 ou 2,5).", number(*m)),
                    ),
                    None => self.t("Please type a number.", "Tapez un nombre."),
                }),
            },
            Kind::Enum(values) => {
                let lower = line.to_lowercase();
                let by_number = lower
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| values.get(i));
                let by_name = values.iter().find(|v| {
                    let (en, fr) = schema::value_label(v);
                    **v == lower
                        || v.replace('_', " ") == lower
                        || (!en.is_empty() && en.to_lowercase() == lower)
                        || (!fr.is_empty() && fr.to_lowercase() == lower)
                });
                match by_number.or(by_name) {
                    Some(v) => Ok(Ans::Str((*v).to_owned())),
                    None => Err(self.t(
                        &format!("Please type a number from 1 to {}.", values.len()),
                        &format!("Tapez un numéro de 1 à {}.", values.len()),
                    )),
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
                    Err(self.t(
                        "Please type one or more items separated by commas.",
                        "Tapez un ou plusieurs éléments séparés par des virgules.",
                    ))
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
    out.push_str(&match lang {
        Lang::En => "\
# Profile written by `profilecheck init --interactive` (format version 1).
# Check it with:   profilecheck followed by this file's name
# Questions left unanswered are not in this file: they count as \"not done\".
# `profilecheck init` prints a template that explains every field.
"
        .to_owned(),
        Lang::Fr => fr_typo(
            "\
# Profil écrit par `profilecheck init --interactive` (format version 1).
# Vérifiez-le avec :   profilecheck suivi du nom de ce fichier
# Les questions restées sans réponse ne figurent pas ici :
# elles comptent comme « à faire ».
# `profilecheck init` affiche un modèle qui explique chaque champ.
",
        ),
    });
    let mut body = String::new();
    write_fields(&mut body, schema::PROFILE, "", 0, answers);
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
    }
    out
}

/// Whether some answer lies at or under `path`.
fn answered_under(answers: &[(String, Ans)], path: &str) -> bool {
    answers
        .iter()
        .any(|(p, _)| p == path || p.strip_prefix(path).is_some_and(|rest| rest.starts_with('.')))
}

fn write_fields(out: &mut String, fields: &[Field], prefix: &str, indent: usize, answers: &[(String, Ans)]) {
    let pad = " ".repeat(indent);
    for field in fields {
        let path = if prefix.is_empty() {
            field.key.to_owned()
        } else {
            format!("{prefix}.{}", field.key)
        };
        if !answered_under(answers, &path) {
            continue;
        }
        match (field.kind, answers.iter().find(|(p, _)| *p == path).map(|(_, a)| a)) {
            (Kind::Obj(children), _) => {
                let _ = writeln!(out, "{pad}{}:", field.key);
                write_fields(out, children, &path, indent + 2, answers);
            }
            (_, Some(a)) => write_value(out, field.key, a, indent),
            _ => {}
        }
    }
}

fn write_value(out: &mut String, key: &str, a: &Ans, indent: usize) {
    let pad = " ".repeat(indent);
    match a {
        Ans::Bool(b) => {
            let _ = writeln!(out, "{pad}{key}: {b}");
        }
        Ans::Int(i) => {
            let _ = writeln!(out, "{pad}{key}: {i}");
        }
        Ans::Num(x) => {
            let _ = writeln!(out, "{pad}{key}: {}", number(*x));
        }
        Ans::Str(s) => {
            let _ = writeln!(out, "{pad}{key}: {}", quote(s));
        }
        Ans::List(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for it in items {
                let _ = writeln!(out, "{pad}  - {}", quote(it));
            }
        }
        Ans::Items(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for item in items {
                let mut first = true;
                for (k, v) in item {
                    let mut line = String::new();
                    write_value(&mut line, k, v, 0);
                    let lead = if first { "- " } else { "  " };
                    first = false;
                    let _ = write!(out, "{pad}  {lead}{line}");
                }
            }
        }
    }
}
