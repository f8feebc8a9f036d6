//! `--help` in the user's language: clap's derive gives the English text;
//! French replaces every about and help string and the headings clap lets
//! us set.

use super::args::Cli;
use crate::i18n::Lang;
use clap::CommandFactory;
use std::ffi::OsString;

/// `--lang` as written on the command line, before clap parses it, so the
/// help text itself can be in that language.
pub(super) fn args_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}

/// `help` and `help COMMAND` as `--help` and `COMMAND --help`: clap's own
/// `help` subcommand speaks only English, so the French command has none, and
/// without this `help` would be taken for a file to check.
pub(super) fn help_subcommand(args: Vec<OsString>) -> Vec<OsString> {
    // Skip the options before the first word, and the values they take.
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        if matches!(a, "--lang" | "--color" | "--config" | "--rules") {
            i += 2;
        } else if a.starts_with('-') && a != "-" {
            i += 1;
        } else {
            break;
        }
    }
    if args.get(i).is_none_or(|a| a != "help") {
        return args;
    }
    let mut out: Vec<OsString> = args[..i].to_vec();
    out.extend(args[i + 1..].iter().cloned());
    out.push("--help".into());
    out
}

/// The clap command, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // French help: every about and help string, and the headings clap lets us set.
    let args: &[(&str, &str)] = &[
        (
            "lang",
            "Langue du rapport (par défaut : le `lang` du profil ou de la configuration, sinon selon LANG/LC_ALL)",
        ),
        (
            "rules",
            "Ajoute un pack de règles, ou tous les packs *.yaml d’un dossier (option répétable)",
        ),
        (
            "config",
            "Utilise ce fichier de configuration au lieu de chercher .profilecheck.yaml",
        ),
        ("no_config", "Ignore tout fichier .profilecheck.yaml"),
        ("color", "Quand utiliser les couleurs"),
        (
            "paths",
            "Fichiers de profil ou dossiers (*.yaml, *.yml, récursivement) ; - lit l’entrée standard",
        ),
        ("format", "Format du rapport"),
        (
            "output",
            "Écrit le rapport dans FICHIER (de façon atomique) au lieu de la sortie standard",
        ),
        (
            "select",
            "Seulement ces règles\u{a0}: identifiants, noms de packs, step:N ou motifs (séparés par des virgules)",
        ),
        (
            "ignore",
            "Ignore ces règles\u{a0}: identifiants, noms de packs, step:N ou motifs (séparés par des virgules)",
        ),
        (
            "output_dir",
            "Un rapport par profil dans DOSSIER (plus index.html / index.md pour html et markdown)",
        ),
        (
            "exclude",
            "Ignore les fichiers et dossiers qui correspondent à MOTIF lors du parcours d’un dossier (répétable)",
        ),
        (
            "follow",
            "Suit les liens symboliques rencontrés en parcourant un dossier",
        ),
        (
            "verbose",
            "Indique sur la sortie d’erreur la configuration qu’utilise chaque profil",
        ),
        (
            "fail_under",
            "Code de sortie 1 si un profil valide a un score inférieur à SCORE (0-100)",
        ),
        (
            "fail_on",
            "Code de sortie 1 s’il reste un constat de ce niveau ou plus grave",
        ),
        (
            "max_warnings",
            "Code de sortie 1 au-delà de N avertissements, quel que soit --fail-on",
        ),
        (
            "report",
            "Écrit aussi FORMAT dans FICHIER lors du même passage (répétable), par ex. sarif=resultats.sarif",
        ),
        (
            "statistics",
            "Après les rapports : combien de profils manquent chaque règle, de la plus manquée à la moins manquée",
        ),
        (
            "quiet",
            "Seulement les constats : ni étapes de correction, ni profils sans constat, ni résumé",
        ),
    ];
    let mut cmd = cmd
        .about("Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle")
        .long_about(
            "Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle.\n\n\
             Indique les étapes manquantes, pourquoi elles comptent et où cliquer dans Facebook pour les corriger.",
        )
        .after_help(
            "Exemples :\n  profilecheck profil.yaml\n  profilecheck clients/ --format sarif -o resultats.sarif\n  \
             profilecheck explain bio-length --lang fr\n  profilecheck init -o profil.yaml",
        )
        .subcommand_help_heading("Commandes")
        .disable_help_subcommand(true);
    for (id, help) in args {
        cmd = cmd.mut_arg(*id, |a| a.help(*help));
    }
    for (id, name) in [
        ("output", "FICHIER"),
        ("rules", "FICHIER|DOSSIER"),
        ("config", "FICHIER"),
        ("report", "FORMAT=FICHIER"),
        ("paths", "CHEMIN"),
        ("fail_on", "NIVEAU"),
        ("select", "RÈGLES"),
        ("ignore", "RÈGLES"),
        ("output_dir", "DOSSIER"),
        ("exclude", "MOTIF"),
        ("lang", "LANGUE"),
        ("color", "QUAND"),
    ] {
        cmd = cmd.mut_arg(id, |a| a.value_name(name));
    }
    // clap words "Usage:" itself; a template lets us say it in French.
    let template = "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";
    cmd = cmd.help_template(template);
    type Sub<'s> = (&'s str, &'s str, &'s [(&'s str, &'s str)]);
    let subs: &[Sub] = &[
        (
            "rules",
            "Liste les règles chargées",
            &[
                ("format", "Format de sortie"),
                (
                    "verify",
                    "Exécute les exemples de chaque règle et signale ceux qui ne se comportent pas comme prévu",
                ),
                (
                    "packs",
                    "Fichiers ou dossiers de packs, ou noms de packs intégrés (par défaut\u{a0}: les règles en vigueur)",
                ),
            ],
        ),
        (
            "explain",
            "Ce que vérifie une règle, pourquoi, et comment corriger",
            &[("rule", "L’identifiant de la règle, par ex. bio-length")],
        ),
        (
            "init",
            "Écrit un modèle de profil commenté à remplir",
            &[
                ("output", "Écrit dans FICHIER au lieu de la sortie standard"),
                (
                    "interactive",
                    "Pose une à une les questions de la liste de contrôle et écrit les réponses",
                ),
                ("force", "Remplace FICHIER s’il existe"),
            ],
        ),
        (
            "schema",
            "Affiche le schéma JSON du format de profil (pour les éditeurs)",
            &[],
        ),
        (
            "lsp",
            "Lance le serveur de langage sur stdio (pour les éditeurs\u{a0}: diagnostics, survol, complétion, corrections)",
            &[],
        ),
    ];
    for (name, about, sub_args) in subs {
        cmd = cmd.mut_subcommand(*name, |mut sc| {
            sc = sc.about(*about).help_template(template);
            for (id, help) in *sub_args {
                sc = sc.mut_arg(*id, |a| a.help(*help));
            }
            if *name == "init" {
                sc = sc.mut_arg("output", |a| a.value_name("FICHIER"));
            }
            sc
        });
    }
    cmd.disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Affiche l’aide")
                .global(true),
        )
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Affiche la version"),
        )
}
