//! The labels the built-in fix steps quote, per rule and language. People
//! follow fix steps with Facebook open beside them, so each quoted label is a
//! decision taken against the project's research notes on Facebook's menus (section 11
//! and the sections above it, confidence marks included): this table makes a
//! change to any label visible in review. English quotes "…", French « … ».
//!
//! Besides the table, every quoted label must be in `locales/GLOSSARY.md`
//! (read from this repository), which gives each label's source and
//! confidence; and: French never quotes a label the research marks ❓ (it
//! describes the place instead), French quotes carry no-break spaces, settings
//! links are the ones the research gives, and no step relies on the
//! unconfirmed "pencil" icon.

use profilecheck::Lang;
use profilecheck::rules::pack;
use std::collections::BTreeSet;

/// (rule, language, every quoted string of its fix steps, in order).
const QUOTED: &[(&str, &str, &[&str])] = &[
    (
        "photo-set",
        "en",
        &[
            "Update profile picture",
            "Edit profile",
            "Add profile picture",
            "Upload photo",
            "Save",
        ],
    ),
    ("photo-set", "fr", &["Modifier le profil"]),
    (
        "photo-professional",
        "en",
        &["Update profile picture", "Upload photo", "Save"],
    ),
    ("photo-professional", "fr", &[]),
    (
        "cover-photo",
        "en",
        &[
            "Add cover photo",
            "Edit cover photo",
            "Upload photo",
            "Save changes",
            "Save",
        ],
    ),
    ("cover-photo", "fr", &[]),
    (
        "bio-filled",
        "en",
        &["Edit profile", "Add bio", "Add", "Save", "Share now"],
    ),
    ("bio-filled", "fr", &["Modifier le profil"]),
    ("bio-length", "en", &["Edit profile", "Edit bio", "Save", "Share now"]),
    ("bio-length", "fr", &["Modifier le profil", "À propos"]),
    (
        "current-position",
        "en",
        &["About", "Work and education", "Public", "Save", "Edit details"],
    ),
    ("current-position", "fr", &["À propos", "Public"]),
    (
        "contact-links",
        "en",
        &[
            "About",
            "Contact and basic info",
            "Add a website",
            "Websites and social links",
            "Add a social link",
            "Add a website",
            "Public",
            "Save",
            "Edit details",
        ],
    ),
    ("contact-links", "fr", &["À propos", "Public"]),
    (
        "link-urls",
        "en",
        &["About", "Contact and basic info", "Websites and social links", "Save"],
    ),
    ("link-urls", "fr", &["À propos"]),
    (
        "website-url",
        "en",
        &["About", "Contact and basic info", "Websites and social links", "Save"],
    ),
    ("website-url", "fr", &["À propos"]),
    (
        "link-domains",
        "en",
        &[
            "About",
            "Contact and basic info",
            "Websites and social links",
            "Save",
            "Add a website",
        ],
    ),
    ("link-domains", "fr", &["À propos"]),
    ("professional-network", "en", &[]),
    ("professional-network", "fr", &[]),
    ("keywords", "en", &[]),
    ("keywords", "fr", &[]),
    ("keyword-format", "en", &[]),
    ("keyword-format", "fr", &[]),
    (
        "posting-rhythm",
        "en",
        &["What's on your mind?", "Public", "Set as default audience"],
    ),
    (
        "posting-rhythm",
        "fr",
        &["Que voulez-vous dire, [prénom]\u{a0}?", "Public"],
    ),
    (
        "editorial-line",
        "en",
        &[
            "Practical e-reputation advice for small businesses, in plain words",
            "Friends",
            "Set as default audience",
            "Public",
        ],
    ),
    (
        "editorial-line",
        "fr",
        &[
            "Des conseils concrets d’e-réputation pour les petites entreprises, sans jargon",
            "Amis",
            "Ami(e)s",
            "Public",
        ],
    ),
    ("expertise-topics", "en", &[]),
    ("expertise-topics", "fr", &[]),
    ("content-mix", "en", &["Public", "Set as default audience"]),
    ("content-mix", "fr", &["Public"]),
    ("viewed-as-public", "en", &["⋯", "Edit profile", "View As", "⋯", "⋯"]),
    (
        "viewed-as-public",
        "fr",
        &["⋯", "Modifier le profil", "Voir en tant que", "⋯", "⋯"],
    ),
    (
        "alternate-name",
        "en",
        &[
            "About",
            "Details about you",
            "Other names",
            "Add a nickname, a birth name…",
            "Nickname",
            "Name with title",
            "Community Manager",
            "Save",
        ],
    ),
    ("alternate-name", "fr", &["À propos", "Community Manager"]),
    (
        "alternate-name-shown",
        "en",
        &[
            "About",
            "Details about you",
            "Other names",
            "Show at top of profile",
            "Save",
        ],
    ),
    ("alternate-name-shown", "fr", &["À propos"]),
    (
        "alternate-name-standards",
        "en",
        &[
            "About",
            "Details about you",
            "Other names",
            "Jean-Pierre",
            "Community Manager",
            "COMMUNITY MANAGER",
            "Save",
        ],
    ),
    (
        "alternate-name-standards",
        "fr",
        &["À propos", "Jean-Pierre", "Community Manager", "COMMUNITY MANAGER"],
    ),
    (
        "followers-public",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "Followers and public content",
            "Who can follow me",
            "Public",
            "Public",
        ],
    ),
    (
        "followers-public",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Followers et contenu public",
            "Qui peut me suivre",
            "Public",
            "Public",
        ],
    ),
    (
        "public-posts",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Tools and resources",
            "Default audience settings",
            "Audience and visibility",
            "Posts",
            "Who can see your future posts?",
            "Public",
            "Set as default audience",
            "Limit past posts",
        ],
    ),
    (
        "public-posts",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Qui peut voir vos futures publications\u{a0}?",
            "Public",
            "Limiter l’audience des anciennes publications",
            "Amis",
        ],
    ),
    (
        "professional-mode",
        "en",
        &[
            "⋯",
            "Edit profile",
            "Turn on professional mode",
            "Turn on",
            "Settings",
            "Profile and tagging",
            "Edit profile",
            "Details",
            "Edit",
            "Category",
            "Digital creator",
            "Who can follow me",
            "Friends",
        ],
    ),
    (
        "professional-mode",
        "fr",
        &[
            "⋯",
            "Modifier le profil",
            "Activer le mode pro",
            "Profil et identification",
            "Modifier le profil",
            "Qui peut me suivre",
            "Ami(e)s",
        ],
    ),
    (
        "tagged-posts-audience",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "Profile and tagging",
            "Who can see posts you're tagged in on your profile?",
            "Friends",
            "Only me",
            "Custom",
        ],
    ),
    (
        "tagged-posts-audience",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Profil et identification",
            "Amis",
            "Ami(e)s",
            "Moi uniquement",
            "Personnalisé",
        ],
    ),
    (
        "review-tagged-posts",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "Profile and tagging",
            "Review posts you're tagged in before the post appears on your profile?",
        ],
    ),
    (
        "review-tagged-posts",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Profil et identification",
            "Examiner les publications dans lesquelles vous êtes identifié…",
        ],
    ),
    (
        "review-tags",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "Profile and tagging",
            "Review tags people add to your posts before the tags appear on Facebook?",
        ],
    ),
    (
        "review-tags",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Profil et identification",
            "Examiner les identifications que d’autres personnes ajoutent à vos publications avant qu’elles n’apparaissent sur Facebook\u{a0}?",
        ],
    ),
    (
        "personal-info-private",
        "en",
        &[
            "About",
            "Contact and basic info",
            "Friends",
            "Only me",
            "Family and relationships",
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "How people find and contact you",
            "Who can look you up using the phone number you provided?",
            "Who can see what you share",
        ],
    ),
    (
        "personal-info-private",
        "fr",
        &[
            "À propos",
            "Amis",
            "Ami(e)s",
            "Moi uniquement",
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Assistance confidentialité",
            "Qui peut voir ce que vous partagez\u{a0}?",
        ],
    ),
    (
        "search-engines",
        "en",
        &[
            "Settings & privacy",
            "Settings",
            "Audience and visibility",
            "How people find and contact you",
            "Do you want search engines outside of Facebook to link to your profile?",
            "Allow search engines outside of Facebook to link to your profile",
        ],
    ),
    (
        "search-engines",
        "fr",
        &[
            "Paramètres et confidentialité",
            "Paramètres",
            "Audience et visibilité",
            "Voulez-vous que les moteurs de recherche en dehors de Facebook affichent un lien vers votre profil\u{a0}?",
        ],
    ),
];

/// French labels the research could not confirm (❓): the parts of the About
/// tab, other names, the "Show at top of profile" box, the save buttons, the
/// unconfirmed long form of professional mode. `locales/GLOSSARY.md` lists
/// them among the labels no step quotes.
const UNCONFIRMED_FR: &[&str] = &[
    "Intro",
    "Coordonnées et informations de base",
    "Emploi et scolarité",
    "Famille et relations",
    "Informations vous concernant",
    "Autres noms",
    "Ajouter une bio",
    "Modifier les infos",
    "Afficher en haut du profil",
    "Enregistrer",
    "Enregistrer les modifications",
    "Activer le mode professionnel",
    "Seulement moi",
];

/// The settings links the research notes on Facebook's menus give (new interface; they work in
/// every language).
const SETTINGS_LINKS: &[&str] = &[
    "facebook.com/settings/?tab=profile_and_tagging",
    "facebook.com/settings/?tab=posts",
    "facebook.com/settings/?tab=how_people_find_and_contact_you",
];

fn fix_text(rule: &pack::Rule, lang: Lang) -> String {
    rule.fix.get(lang).join("\n")
}

/// Quoted strings: between straight double quotes in English, between « and »
/// in French.
fn quoted(text: &str, lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => text.split('"').skip(1).step_by(2).map(str::to_owned).collect(),
        Lang::Fr => text
            .split('«')
            .skip(1)
            .filter_map(|s| s.split_once('»').map(|(q, _)| q.trim_matches('\u{a0}').to_owned()))
            .collect(),
    }
}

fn builtin_rules() -> Vec<pack::Rule> {
    pack::builtin().into_iter().flat_map(|p| p.rules).collect()
}

#[test]
fn every_quoted_label_is_in_the_table() {
    let rules = builtin_rules();
    let mut mismatches = Vec::new();
    for rule in &rules {
        for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            let got = quoted(&fix_text(rule, lang), lang);
            let want: Vec<String> = QUOTED
                .iter()
                .find(|(id, l, _)| *id == rule.id && *l == code)
                .unwrap_or_else(|| panic!("{} ({code}) is not in the table", rule.id))
                .2
                .iter()
                .map(|s| s.to_string())
                .collect();
            if got != want {
                mismatches.push(format!("{} ({code}):\n  table: {want:?}\n  pack:  {got:?}", rule.id));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    // No row for a rule that no longer exists.
    let ids: BTreeSet<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let rows: BTreeSet<&str> = QUOTED.iter().map(|(id, ..)| *id).collect();
    assert_eq!(rows, ids);
    assert_eq!(QUOTED.len(), 2 * ids.len(), "one row per rule and language");
}

#[test]
fn french_never_quotes_an_unconfirmed_label() {
    for rule in builtin_rules() {
        for q in quoted(&fix_text(&rule, Lang::Fr), Lang::Fr) {
            assert!(
                !UNCONFIRMED_FR.iter().any(|u| q.eq_ignore_ascii_case(u)),
                "{}: « {q} » is not confirmed by the research: describe the place instead",
                rule.id
            );
        }
    }
}

#[test]
fn french_quotes_and_punctuation_use_no_break_spaces() {
    for rule in builtin_rules() {
        let texts = [
            rule.title.get(Lang::Fr).to_owned(),
            rule.why.get(Lang::Fr).to_owned(),
            fix_text(&rule, Lang::Fr),
            rule.message
                .as_ref()
                .map(|m| m.get(Lang::Fr).to_owned())
                .unwrap_or_default(),
        ];
        for text in texts {
            for bad in ["« ", " »", " :", " ;", " ?", " !", "\""] {
                assert!(!text.contains(bad), "{}: `{bad}` in French: {text}", rule.id);
            }
        }
    }
}

#[test]
fn settings_links_are_the_ones_the_research_gives() {
    for rule in builtin_rules() {
        for lang in [Lang::En, Lang::Fr] {
            let text = fix_text(&rule, lang);
            for (at, _) in text.match_indices("facebook.com/settings") {
                let link: String = text[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != ')')
                    .collect();
                assert!(
                    SETTINGS_LINKS.contains(&link.as_str()),
                    "{}: unknown settings link {link}",
                    rule.id
                );
            }
        }
    }
    // Each rule that sends people to those settings pages gives the link, in both languages.
    for (id, link) in [
        ("tagged-posts-audience", SETTINGS_LINKS[0]),
        ("review-tagged-posts", SETTINGS_LINKS[0]),
        ("review-tags", SETTINGS_LINKS[0]),
        ("professional-mode", SETTINGS_LINKS[0]),
        ("public-posts", SETTINGS_LINKS[1]),
        ("search-engines", SETTINGS_LINKS[2]),
        ("personal-info-private", SETTINGS_LINKS[2]),
    ] {
        let rule = builtin_rules().into_iter().find(|r| r.id == id).expect("rule");
        for lang in [Lang::En, Lang::Fr] {
            assert!(
                fix_text(&rule, lang).contains(link),
                "{id} ({lang:?}) should give {link}"
            );
        }
    }
}

#[test]
fn no_step_relies_on_the_unconfirmed_pencil_icon() {
    for rule in builtin_rules() {
        assert!(
            !fix_text(&rule, Lang::En).to_lowercase().contains("pencil"),
            "{}",
            rule.id
        );
        assert!(
            !fix_text(&rule, Lang::Fr).to_lowercase().contains("crayon"),
            "{}",
            rule.id
        );
    }
}

/// The glossary's two label columns: (English labels, French labels). A cell
/// counts only what it quotes: "…" in the English column, « … » in the
/// French one; a French cell that describes a place instead quotes nothing.
fn glossary() -> (BTreeSet<String>, BTreeSet<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/GLOSSARY.md");
    let text = std::fs::read_to_string(&path).expect("locales/GLOSSARY.md is readable");
    let (mut en, mut fr) = (BTreeSet::new(), BTreeSet::new());
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        if cells.len() < 3 {
            continue;
        }
        en.extend(quoted(cells[0].trim_start_matches("| "), Lang::En));
        fr.extend(quoted(cells[1], Lang::Fr));
    }
    (en, fr)
}

#[test]
fn every_quoted_label_is_in_the_glossary() {
    let (en, fr) = glossary();
    // The glossary is really read: a label of each language is there.
    assert!(
        en.contains("Who can follow me") && fr.contains("Qui peut me suivre"),
        "{en:?}\n{fr:?}"
    );
    let mut missing = Vec::new();
    for rule in builtin_rules() {
        for (lang, known) in [(Lang::En, &en), (Lang::Fr, &fr)] {
            for q in quoted(&fix_text(&rule, lang), lang) {
                if !known.contains(&q) {
                    missing.push(format!("{} ({lang:?}): {q:?}", rule.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "labels missing from locales/GLOSSARY.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_glossary_quotes_no_unconfirmed_french_label() {
    let (_, fr) = glossary();
    for u in UNCONFIRMED_FR {
        assert!(
            !fr.contains(*u),
            "the glossary quotes « {u} », which the research does not confirm"
        );
    }
}

#[test]
fn the_glossary_parser_sees_a_missing_label() {
    // The check above can fail: a label the glossary does not hold is reported.
    let (en, fr) = glossary();
    assert!(
        !en.contains("Add friend"),
        "professional-network's buttons are not sourced"
    );
    assert!(!fr.contains("Autres noms"));
    assert!(
        quoted("Cliquez sur « Inventé ».", Lang::Fr)
            .iter()
            .all(|q| !fr.contains(q))
    );
}

#[test]
fn hedged_facts_say_they_are_unsure() {
    // Facts the research marks uncertain are said to be so, in both languages.
    let rules = builtin_rules();
    let fix = |id: &str, lang: Lang| {
        let rule = rules.iter().find(|r| r.id == id).expect("rule");
        format!("{} {}", rule.why.get(lang), fix_text(rule, lang))
    };
    for (id, en, fr) in [
        ("bio-length", "does not publish", "publie pas"),
        ("bio-filled", "does not publish", "publie pas"),
        ("contact-links", "not confirmed", "n’est pas confirmée"),
        ("professional-network", "not confirmed", "ne sont pas confirmés"),
        ("professional-mode", "sources disagree", "les sources divergent"),
        (
            "alternate-name-standards",
            "publishes no limit",
            "ne publie pas de limite",
        ),
        ("viewed-as-public", "not confirmed", "n’est pas confirmé"),
        ("cover-photo", "\"Save\"", "enregistrez"),
    ] {
        assert!(fix(id, Lang::En).contains(en), "{id} (en) should say {en:?}");
        assert!(fix(id, Lang::Fr).contains(fr), "{id} (fr) should say {fr:?}");
    }
    for rule in &rules {
        let fr = fix_text(rule, Lang::Fr);
        assert!(
            !fr.contains("Dr. Roy"),
            "{}: the research has no source for a title with a full stop",
            rule.id
        );
        // No rule id inside French text: people read titles, not ids.
        for other in &rules {
            assert!(
                !fr.contains(&format!("règle {}", other.id)),
                "{}: English rule id in French",
                rule.id
            );
        }
    }
}
