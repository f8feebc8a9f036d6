//! `profilecheck init`: the commented template profile, generated from the
//! format description in `schema.rs`, so that every field of the format, its
//! allowed values and its documentation appear in it and cannot drift.
//!
//! Every value is left empty (a key with no value counts as missing), so the
//! template lints as it is: findings, never a format error.

use crate::i18n::Lang;
use crate::profile::schema::{self, Field, Kind};
use crate::profile::yaml::{self, Value};
use crate::workshop::write::{fr_typo, number, quote};
use std::fmt::Write as _;

/// Comments are wrapped to this many columns (indentation included).
const WIDTH: usize = 80;

/// The template in `lang`.
pub fn template(lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(header(lang));
    for field in schema::PROFILE {
        // Sections stand apart; the three one-line settings at the top stay together.
        if !field.kind.is_scalar() {
            out.push('\n');
        }
        write_field(&mut out, field, 0, lang);
    }
    out
}

/// One top-level section of the template (`photo:` and its commented
/// fields), for an editor to add a missing section; `None` for an unknown key.
pub fn section(key: &str, lang: Lang) -> Option<String> {
    let field = schema::PROFILE.iter().find(|f| f.key == key)?;
    let mut out = String::new();
    write_field(&mut out, field, 0, lang);
    Some(out)
}

fn header(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "\
# yaml-language-server: $schema=profile.schema.json
#
# profilecheck profile (format version 1)
# Describe your Facebook profile here, then check it against the seven steps
# of the personal-branding guide:
#     profilecheck profile.yaml
#
# How to fill it in
#   - Write each answer after the colon and a space:   city: Rennes
#   - Leave a value empty (city:) when you don't know it or haven't done it
#     yet: it counts as \"not done\", and the report tells you how to do it.
#   - Yes/no settings take exactly true or false (not yes, no, on or off).
#   - Put text in \"double quotes\" when it contains \": \" or \" #\", or when it
#     starts with a quote, a dash, a bracket or another sign.
#   - Keep the indentation: two spaces per level, never tabs.
#   - Lines starting with # are comments. To use an example, delete the \"# \"
#     at the start of its lines.
# Rather answer questions?   profilecheck init --interactive -o profile.yaml
#
# Completion and checks as you type (VS Code's YAML extension, or any editor
# using yaml-language-server): save the schema next to this file with
#     profilecheck schema > profile.schema.json
# The first line of this file points the editor at it.

"
        }
        Lang::Fr => {
            "\
# yaml-language-server: $schema=profile.schema.json
#
# Profil profilecheck (format version 1)
# Décrivez ici votre profil Facebook, puis vérifiez-le au regard des sept
# étapes du guide de personal branding\u{a0}:
#     profilecheck profil.yaml
#
# Comment le remplir
#   - Écrivez chaque réponse après les deux-points et une espace\u{a0}:   city: Rennes
#   - Les noms de clés, à gauche des deux-points, restent en anglais.
#   - Laissez une valeur vide (city:) si vous ne la connaissez pas ou si ce
#     n’est pas encore fait\u{a0}: elle compte comme «\u{a0}à faire\u{a0}», et le
#     rapport explique comment s’y prendre.
#   - Les réglages oui/non s’écrivent exactement true (oui) ou false (non),
#     jamais yes, no, oui ou non.
#   - Mettez le texte entre guillemets droits (\"…\") s’il contient un
#     deux-points suivi d’une espace, ou un # précédé d’une espace, ou s’il
#     commence par un guillemet, un tiret, un crochet ou un autre signe.
#   - Gardez l’indentation\u{a0}: deux espaces par niveau, jamais de tabulation.
#   - Les lignes qui commencent par # sont des commentaires. Pour utiliser un
#     exemple, retirez au début de ses lignes le «\u{a0}#\u{a0}» et l’espace qui
#     le suit.
# Vous préférez répondre à des questions\u{a0}?
#     profilecheck init --interactive --lang fr -o profil.yaml
#
# Complétion et vérification pendant la saisie (extension YAML de VS Code, ou
# tout éditeur qui utilise yaml-language-server)\u{a0}: enregistrez le schéma à
# côté de ce fichier avec
#     profilecheck schema > profile.schema.json
# La première ligne de ce fichier indique ce schéma à l’éditeur.

"
        }
    }
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

/// A space that [`comment`] never breaks a line at (turned back into a space).
const GLUE: char = '\u{1}';

/// `text` as `# ` comment lines at `indent`, wrapped at [`WIDTH`].
fn comment(out: &mut String, indent: usize, text: &str) {
    comment_with(out, indent, "", "  ", text);
}

/// Like [`comment`], with `first` after the `# ` of the first line and `cont`
/// after that of the others.
fn comment_with(out: &mut String, indent: usize, first: &str, cont: &str, text: &str) {
    let lead = format!("{}# ", pad(indent));
    // A line may break after a `|` between enum values, never before it.
    let text = text.replace(" | ", &format!("{GLUE}| "));
    let mut line = format!("{lead}{first}");
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word = word.replace(GLUE, " ");
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = format!("{lead}{cont}");
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// An example that wraps as one piece.
fn glued(s: &str) -> String {
    s.replace(' ', &GLUE.to_string())
}

/// The field's documentation with a capital letter.
fn doc(field: &Field, lang: Lang) -> String {
    let d = lang.pick(field.en, field.fr);
    let mut chars = d.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a scalar may hold, in words: the values of an enum, `true or false`, `>= 0`.
pub(crate) fn allowed(kind: &Kind, lang: Lang) -> String {
    // `>=` reads the same in both languages and survives any terminal.
    let min = |m: String| format!(" >= {m}");
    match kind {
        Kind::Bool => lang.pick("true or false", "true ou false").to_owned(),
        Kind::Int { min: m } => {
            format!(
                "{}{}",
                lang.pick("a whole number", "un nombre entier"),
                m.map(|m| min(m.to_string())).unwrap_or_default()
            )
        }
        Kind::Number { min: m } => format!(
            "{}{}{}",
            lang.pick("a number", "un nombre"),
            m.map(|m| min(number(m))).unwrap_or_default(),
            lang.pick(" (decimals with a point: 2.5)", " (décimales avec un point\u{a0}: 2.5)")
        ),
        Kind::Str => lang.pick("text", "du texte").to_owned(),
        Kind::Enum(values) => format!("{} {}", lang.pick("one of:", "au choix\u{a0}:"), values.join(" | ")),
        Kind::List(item) if item.is_scalar() => format!(
            "{} {}",
            lang.pick("a list of", "une liste de"),
            match **item {
                Kind::Str => lang.pick("texts", "textes"),
                _ => lang.pick("values", "valeurs"),
            }
        ),
        other => lang.pick(other.describe(), other.describe_fr()).to_owned(),
    }
}

fn example_word(lang: Lang) -> &'static str {
    lang.pick("Example:", "Exemple\u{a0}:")
}

fn write_field(out: &mut String, field: &Field, indent: usize, lang: Lang) {
    let p = pad(indent);
    let key = field.key;
    match field.kind {
        Kind::Obj(children) => {
            comment(out, indent, &doc(field, lang));
            let _ = writeln!(out, "{p}{key}:");
            for child in children {
                write_field(out, child, indent + 2, lang);
            }
        }
        Kind::List(Kind::Obj(children)) => {
            let how = lang.pick(
                "A list: copy the commented example below once per item, and delete the \"# \" at the start of its lines.",
                "Une liste\u{a0}: recopiez l’exemple en commentaire ci-dessous pour chaque élément, et retirez au début de ses lignes le «\u{a0}#\u{a0}» et l’espace qui le suit.",
            );
            comment(out, indent, &format!("{}. {how}", doc(field, lang)));
            for c in children.iter() {
                let note = format!("{}: {} — {}", c.key, doc(c, lang), allowed(&c.kind, lang));
                comment_with(out, indent, "  · ", "      ", &note);
            }
            let _ = writeln!(out, "{p}{key}:");
            // The example item, ready to uncomment.
            for (i, c) in children.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                let _ = writeln!(out, "{p}# {lead}{}: {}", c.key, c.sample);
            }
        }
        Kind::List(_) => {
            let how = lang.pick(
                "One item per line, starting with \"- \". Example:",
                "Un élément par ligne, commençant par un tiret et une espace. Exemple\u{a0}:",
            );
            comment(
                out,
                indent,
                &format!("{} — {}. {how}", doc(field, lang), allowed(&field.kind, lang)),
            );
            let _ = writeln!(out, "{p}{key}:");
            for item in sample_items(field.sample) {
                let _ = writeln!(out, "{p}# - {}", quote(&item));
            }
        }
        Kind::Waivers => {
            comment(
                out,
                indent,
                &match lang {
                    Lang::En => "Waivers: a step of the guide you deliberately don't take. One line per rule, \
                        `rule-id: \"reason\"`; the rule then counts neither for nor against the score, and \
                        reports show your reason. The rule ids: profilecheck rules"
                        .to_owned(),
                    Lang::Fr => fr_typo(
                        "Dérogations : une étape du guide que vous écartez volontairement. Une ligne par règle, \
                        `id-de-regle: \"raison\"` ; la règle ne compte alors ni pour ni contre le score, et les \
                        rapports affichent votre raison. Les identifiants des règles : profilecheck rules",
                    ),
                },
            );
            let _ = writeln!(out, "{p}{key}:");
            let example = lang.pick(
                "Keeps a personal profile; uses a Page for business",
                "Garde un profil personnel ; passe par une Page pour l’activité pro",
            );
            let example = if lang == Lang::Fr {
                fr_typo(example)
            } else {
                example.to_owned()
            };
            let _ = writeln!(out, "{p}#   professional-mode: {}", quote(&example));
        }
        Kind::Free => {
            comment(
                out,
                indent,
                &match lang {
                    Lang::En => "Extra: free-form data (any keys and values) for your own rule packs \
                        (--rules); profilecheck never checks it. Example:"
                        .to_owned(),
                    Lang::Fr => fr_typo(
                        "Extra : données libres (clés et valeurs au choix) pour vos propres packs de règles \
                        (--rules) ; profilecheck ne les vérifie jamais. Exemple :",
                    ),
                },
            );
            let _ = writeln!(out, "{p}{key}:");
            let _ = writeln!(out, "{p}#   brand:");
            let _ = writeln!(
                out,
                "{p}#     disclaimer: {}",
                quote(lang.pick("Views are my own", "Avis personnels"))
            );
        }
        _ => {
            let mut text = format!("{} — {}.", doc(field, lang), allowed(&field.kind, lang));
            // Enums and booleans already list their values; a sample there would read as advice.
            let shows_sample = matches!(field.kind, Kind::Str | Kind::Int { .. } | Kind::Number { .. });
            if shows_sample && !field.sample.is_empty() && key != "version" {
                let _ = write!(text, " {} {}", example_word(lang), glued(field.sample));
            }
            comment(out, indent, &text);
            match key {
                // Filled in: the only version, and the language the template was asked in.
                "version" if indent == 0 => {
                    let _ = writeln!(out, "{p}{key}: {}", schema::FORMAT_VERSION);
                }
                "lang" if indent == 0 => {
                    let _ = writeln!(out, "{p}{key}: {}", lang.code());
                }
                _ => {
                    let _ = writeln!(out, "{p}{key}:");
                }
            }
        }
    }
}

/// The items of a list sample such as `[e-reputation, social media]`.
fn sample_items(sample: &str) -> Vec<String> {
    match yaml::parse(sample) {
        Ok(node) => match node.value {
            Value::Seq(items) => items
                .into_iter()
                .filter_map(|n| match n.value {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        Err(_) => Vec::new(),
    }
}
