//! The one description of the profile format (version 1).
//!
//! Validation, the JSON Schema, the `init` template and the check of rule
//! paths in packs all read this table, so they cannot drift apart.

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// `true` or `false`.
    Bool,
    /// An integer, at least `min`.
    Int {
        /// The smallest value allowed, if any.
        min: Option<i64>,
    },
    /// Any number (integer or decimal), at least `min`.
    Number {
        /// The smallest value allowed, if any.
        min: Option<f64>,
    },
    /// Text.
    Str,
    /// One of the listed strings.
    Enum(&'static [&'static str]),
    /// A list of values of one kind.
    List(&'static Kind),
    /// A mapping with these fields.
    Obj(&'static [Field]),
    /// `extra`: free-form, never validated.
    Free,
    /// `waivers`: rule id -> reason.
    Waivers,
}

impl Kind {
    /// The kind in words, for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Bool => "true or false",
            Kind::Int { .. } => "a whole number",
            Kind::Number { .. } => "a number",
            Kind::Str => "text",
            Kind::Enum(_) => "one of the listed values",
            Kind::List(_) => "a list",
            Kind::Obj(_) | Kind::Waivers => "a mapping",
            Kind::Free => "anything",
        }
    }

    /// The kind in French words ("du texte").
    pub fn describe_fr(&self) -> &'static str {
        match self {
            Kind::Bool => "true ou false",
            Kind::Int { .. } => "un nombre entier",
            Kind::Number { .. } => "un nombre",
            Kind::Str => "du texte",
            Kind::Enum(_) => "l’une des valeurs permises",
            Kind::List(_) => "une liste",
            Kind::Obj(_) | Kind::Waivers => "un dictionnaire (clés et valeurs)",
            Kind::Free => "n’importe quoi",
        }
    }

    /// Whether a value of this kind is a single value (not a list or a mapping).
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Kind::Bool | Kind::Int { .. } | Kind::Number { .. } | Kind::Str | Kind::Enum(_)
        )
    }
}

/// One key of the format, with its documentation in both languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The key as written in the YAML file.
    pub key: &'static str,
    /// What its value may be.
    pub kind: Kind,
    /// What the field means, in English.
    pub en: &'static str,
    /// What the field means, in French.
    pub fr: &'static str,
    /// A value to show in the `init` template.
    pub sample: &'static str,
}

const fn f(key: &'static str, kind: Kind, en: &'static str, fr: &'static str, sample: &'static str) -> Field {
    Field {
        key,
        kind,
        en,
        fr,
        sample,
    }
}

/// Who can see a piece of information (Facebook's audiences).
pub const AUDIENCE: &[&str] = &["public", "friends_of_friends", "friends", "only_me", "custom"];
/// What a profile picture shows.
pub const PHOTO_KINDS: &[&str] = &[
    "professional",
    "casual",
    "logo",
    "avatar",
    "group",
    "landscape",
    "other",
];
/// The networks a contact link may point to.
pub const NETWORKS: &[&str] = &[
    "linkedin",
    "viadeo",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "github",
    "blog",
    "website",
    "other",
];
/// Facebook's types of alternate name.
pub const NAME_TYPES: &[&str] = &[
    "nickname",
    "maiden_name",
    "alternate_spelling",
    "married_name",
    "fathers_name",
    "birth_name",
    "former_name",
    "name_with_title",
    "other",
];
/// Who may follow the profile.
pub const WHO_CAN_FOLLOW: &[&str] = &["public", "friends"];
/// The languages a profile may ask its report in.
pub const LANGS: &[&str] = &["en", "fr"];

const AUD: Kind = Kind::Enum(AUDIENCE);
const COUNT: Kind = Kind::Int { min: Some(0) };

const WORK: &[Field] = &[
    f(
        "employer",
        Kind::Str,
        "employer or organisation",
        "employeur ou organisation",
        "Agence Horizon",
    ),
    f(
        "position",
        Kind::Str,
        "job title",
        "intitulé du poste",
        "Community manager",
    ),
    f(
        "current",
        Kind::Bool,
        "this is the current job",
        "c’est le poste actuel",
        "true",
    ),
];
const EDUCATION: &[Field] = &[
    f(
        "school",
        Kind::Str,
        "school or university",
        "école ou université",
        "IUT de Lannion",
    ),
    f(
        "degree",
        Kind::Str,
        "degree or diploma",
        "diplôme",
        "DUT Information-Communication",
    ),
];
const LINK: &[Field] = &[
    f(
        "network",
        Kind::Enum(NETWORKS),
        "which network or site",
        "quel réseau ou site",
        "linkedin",
    ),
    f(
        "url",
        Kind::Str,
        "full address, starting with https://",
        "adresse complète, commençant par https://",
        "https://www.linkedin.com/in/your-name",
    ),
];

const PHOTO: &[Field] = &[
    f(
        "set",
        Kind::Bool,
        "a profile picture is uploaded",
        "une photo de profil est en ligne",
        "true",
    ),
    f(
        "kind",
        Kind::Enum(PHOTO_KINDS),
        "what the profile picture shows",
        "ce que montre la photo de profil",
        "professional",
    ),
    f(
        "cover",
        Kind::Bool,
        "a cover photo is set",
        "une photo de couverture est en place",
        "true",
    ),
];
const ABOUT: &[Field] = &[
    f(
        "bio",
        Kind::Str,
        "the short intro under your name (Bio, 101 characters at most)",
        "la courte présentation sous votre nom (Bio, 101 caractères au plus)",
        "\"Community manager · e-reputation\"",
    ),
    f(
        "work",
        Kind::List(&Kind::Obj(WORK)),
        "jobs: employer, position, current",
        "emplois : employeur, poste, actuel",
        "",
    ),
    f(
        "education",
        Kind::List(&Kind::Obj(EDUCATION)),
        "schools: school, degree",
        "formation : école, diplôme",
        "",
    ),
    f("city", Kind::Str, "current city", "ville actuelle", "Rennes"),
];
const CONTACT: &[Field] = &[
    f(
        "email",
        Kind::Str,
        "contact email shown on the profile",
        "e-mail de contact affiché sur le profil",
        "jeanne@example.org",
    ),
    f(
        "website",
        Kind::Str,
        "personal website",
        "site web personnel",
        "https://jeanne.example.org",
    ),
    f(
        "links",
        Kind::List(&Kind::Obj(LINK)),
        "links to professional profiles: network, url",
        "liens vers vos profils professionnels : réseau, adresse",
        "",
    ),
];
const NETWORK: &[Field] = &[f(
    "professional_contacts",
    COUNT,
    "how many professional contacts are among your friends and followers",
    "combien de contacts professionnels figurent parmi vos amis et followers",
    "42",
)];
const PUBLISHING: &[Field] = &[
    f(
        "posts_per_month",
        Kind::Number { min: Some(0.0) },
        "how many posts you publish a month",
        "combien de publications par mois",
        "8",
    ),
    f(
        "editorial_line",
        Kind::Str,
        "your editorial line in one sentence",
        "votre ligne éditoriale en une phrase",
        "\"Practical e-reputation advice for small businesses\"",
    ),
    f(
        "topics",
        Kind::List(&Kind::Str),
        "your subjects of expertise",
        "vos sujets d’expertise",
        "[e-reputation, social media]",
    ),
    f(
        "shares_blog_posts",
        Kind::Bool,
        "you relay your own blog articles",
        "vous relayez les articles de votre blog",
        "true",
    ),
    f(
        "shares_curation",
        Kind::Bool,
        "you run a watch (curated news) and share it",
        "vous faites une veille et la partagez",
        "true",
    ),
    f(
        "writes_articles",
        Kind::Bool,
        "you write long-form posts",
        "vous rédigez des publications de fond",
        "true",
    ),
    f(
        "default_audience",
        AUD,
        "who sees your posts by default",
        "qui voit vos publications par défaut",
        "public",
    ),
];
const ALTERNATE_NAME: &[Field] = &[
    f(
        "name",
        Kind::Str,
        "the other name (Facebook \"Other names\"), e.g. your profession",
        "l’autre nom (« Autres noms » sur Facebook), par exemple votre métier",
        "Community Manager",
    ),
    f(
        "type",
        Kind::Enum(NAME_TYPES),
        "the name type chosen in Facebook",
        "le type de nom choisi dans Facebook",
        "other",
    ),
    f(
        "show_on_profile",
        Kind::Bool,
        "\"Show at top of profile\" is ticked",
        "la case d’affichage en haut du profil est cochée",
        "true",
    ),
];
const FOLLOWERS: &[Field] = &[
    f(
        "who_can_follow",
        Kind::Enum(WHO_CAN_FOLLOW),
        "Who can follow me",
        "qui peut vous suivre",
        "public",
    ),
    f(
        "professional_mode",
        Kind::Bool,
        "professional mode is on",
        "le mode professionnel est activé",
        "true",
    ),
];
const TAGGING: &[Field] = &[
    f(
        "tagged_posts_audience",
        AUD,
        "who sees posts you are tagged in, on your profile",
        "qui voit sur votre profil les publications où vous êtes identifié(e)",
        "friends",
    ),
    f(
        "review_tagged_posts",
        Kind::Bool,
        "you review posts you're tagged in before they appear on your profile",
        "vous examinez les publications où l’on vous identifie avant qu’elles n’apparaissent sur votre profil",
        "true",
    ),
    f(
        "review_tags",
        Kind::Bool,
        "you review tags people add to your own posts",
        "vous examinez les identifications ajoutées à vos propres publications",
        "true",
    ),
];
const PRIVACY: &[Field] = &[
    f(
        "search_engines",
        Kind::Bool,
        "search engines outside Facebook may link to your profile",
        "les moteurs de recherche hors de Facebook peuvent renvoyer vers votre profil",
        "true",
    ),
    f(
        "viewed_as_public",
        Kind::Bool,
        "you have looked at your profile as the public sees it",
        "vous avez regardé votre profil tel que le public le voit",
        "true",
    ),
    f(
        "birthday_audience",
        AUD,
        "who sees your birthday",
        "qui voit votre date de naissance",
        "only_me",
    ),
    f(
        "phone_audience",
        AUD,
        "who sees your phone number",
        "qui voit votre numéro de téléphone",
        "only_me",
    ),
    f(
        "email_audience",
        AUD,
        "who sees your email address",
        "qui voit votre adresse e-mail",
        "public",
    ),
    f(
        "relationship_audience",
        AUD,
        "who sees your relationship status",
        "qui voit votre situation amoureuse",
        "friends",
    ),
    f(
        "family_audience",
        AUD,
        "who sees your family members",
        "qui voit les membres de votre famille",
        "friends",
    ),
];

/// The top level of a profile file.
pub const PROFILE: &[Field] = &[
    f(
        "version",
        Kind::Int { min: None },
        "format version; 1 is the only one",
        "version du format ; 1 est la seule",
        "1",
    ),
    f(
        "name",
        Kind::Str,
        "your name, shown in reports (default: the file name)",
        "votre nom, affiché dans les rapports (par défaut : le nom du fichier)",
        "Jeanne Martin",
    ),
    f(
        "lang",
        Kind::Enum(LANGS),
        "report language for this profile",
        "langue du rapport pour ce profil",
        "fr",
    ),
    f(
        "photo",
        Kind::Obj(PHOTO),
        "profile picture and cover photo",
        "photo de profil et photo de couverture",
        "",
    ),
    f(
        "about",
        Kind::Obj(ABOUT),
        "the About section",
        "la section « À propos »",
        "",
    ),
    f("contact", Kind::Obj(CONTACT), "contact details", "coordonnées", ""),
    f(
        "keywords",
        Kind::List(&Kind::Str),
        "hashtags and keywords of your expertise",
        "hashtags et mots-clés de votre expertise",
        "[\"#ereputation\", \"#communitymanagement\", \"#formation\"]",
    ),
    f(
        "network",
        Kind::Obj(NETWORK),
        "your professional network",
        "votre réseau professionnel",
        "",
    ),
    f(
        "publishing",
        Kind::Obj(PUBLISHING),
        "what and how you publish",
        "ce que vous publiez, et comment",
        "",
    ),
    f(
        "alternate_name",
        Kind::Obj(ALTERNATE_NAME),
        "the other name shown next to yours",
        "l’autre nom affiché à côté du vôtre",
        "",
    ),
    f(
        "followers",
        Kind::Obj(FOLLOWERS),
        "followers and professional mode",
        "followers et mode professionnel",
        "",
    ),
    f(
        "tagging",
        Kind::Obj(TAGGING),
        "profile and tagging settings",
        "réglages « Profil et identification »",
        "",
    ),
    f(
        "privacy",
        Kind::Obj(PRIVACY),
        "privacy settings",
        "réglages de confidentialité",
        "",
    ),
    f(
        "waivers",
        Kind::Waivers,
        "rule id -> reason: a step deliberately not taken",
        "identifiant de règle -> raison : une étape volontairement écartée",
        "",
    ),
    f(
        "extra",
        Kind::Free,
        "free-form data for custom rule packs; never validated",
        "données libres pour des packs de règles maison ; jamais validées",
        "",
    ),
];

/// The top-level kind.
pub const ROOT: Kind = Kind::Obj(PROFILE);

/// What a dotted path (relative to `base`) names in the format.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// A known field of this kind.
    Field(Kind),
    /// Somewhere under `extra`: any kind.
    Free,
}

/// Resolve `segments` from `base`. Err carries the index of the first
/// unknown segment and the keys that were allowed there.
pub fn resolve(base: Kind, segments: &[String]) -> Result<Resolved, (usize, Vec<&'static str>)> {
    let mut kind = base;
    for (i, seg) in segments.iter().enumerate() {
        match kind {
            Kind::Free => return Ok(Resolved::Free),
            Kind::Obj(fields) => match fields.iter().find(|f| f.key == seg) {
                Some(field) => kind = field.kind,
                None => return Err((i, fields.iter().map(|f| f.key).collect())),
            },
            Kind::Waivers => {
                kind = Kind::Str;
            }
            _ => return Err((i, Vec::new())),
        }
    }
    Ok(match kind {
        Kind::Free => Resolved::Free,
        k => Resolved::Field(k),
    })
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase());
        if score > 0.8 && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

// ---------------------------------------------------------------- helpers for the workshop tools
// (`init`, `init --interactive`, `schema`): read-only views of the table above.

/// The only format version this build knows (`version: 1`).
pub const FORMAT_VERSION: i64 = 1;

/// The field a dotted path names (`photo.set`, `about.work.position`: list
/// items are walked through), or None for an unknown path or one under `extra`.
pub fn field_at(path: &str) -> Option<&'static Field> {
    let mut fields: &'static [Field] = PROFILE;
    let mut found: Option<&'static Field> = None;
    for seg in path.split('.') {
        let field = fields.iter().find(|f| f.key == seg)?;
        found = Some(field);
        fields = match field.kind {
            Kind::Obj(fs) => fs,
            Kind::List(Kind::Obj(fs)) => fs,
            _ => &[],
        };
    }
    found
}

/// A human label for an enum value, in English and French, for people who
/// have never seen the format (the interview's numbered choices). Values
/// are shared between enums (`public`, `other`), and mean the same in each.
pub fn value_label(value: &str) -> (&'static str, &'static str) {
    match value {
        "public" => (
            "Public (anyone, on or off Facebook)",
            "Public (tout le monde, sur Facebook ou ailleurs)",
        ),
        "friends_of_friends" => ("Friends of friends", "Amis de vos amis"),
        "friends" => ("Friends", "Amis"),
        "only_me" => ("Only me", "Moi uniquement"),
        "custom" => (
            "Custom (chosen people or lists)",
            "Personnalisé (personnes ou listes choisies)",
        ),
        "professional" => ("A professional portrait of you", "Un portrait professionnel de vous"),
        "casual" => (
            "A casual photo of you (holiday, party…)",
            "Une photo de vous décontractée (vacances, soirée…)",
        ),
        "logo" => ("A logo", "Un logo"),
        "avatar" => ("An avatar or drawing", "Un avatar ou un dessin"),
        "group" => ("A group photo", "Une photo de groupe"),
        "landscape" => ("A landscape or object", "Un paysage ou un objet"),
        "other" => ("Something else", "Autre chose"),
        "linkedin" => ("LinkedIn", "LinkedIn"),
        "viadeo" => ("Viadeo", "Viadeo"),
        "twitter" => ("Twitter", "Twitter"),
        "x" => ("X", "X"),
        "instagram" => ("Instagram", "Instagram"),
        "youtube" => ("YouTube", "YouTube"),
        "github" => ("GitHub", "GitHub"),
        "blog" => ("Blog", "Blog"),
        "website" => ("Website", "Site web"),
        "nickname" => ("Nickname", "Surnom"),
        "maiden_name" => ("Maiden name", "Nom de jeune fille"),
        "alternate_spelling" => ("Alternate spelling", "Autre orthographe"),
        "married_name" => ("Married name", "Nom d’épouse ou d’époux"),
        "fathers_name" => ("Father's name", "Nom du père"),
        "birth_name" => ("Birth name", "Nom de naissance"),
        "former_name" => ("Former name", "Ancien nom"),
        "name_with_title" => ("Name with a title", "Nom avec un titre"),
        "en" => ("English", "Anglais"),
        "fr" => ("French", "Français"),
        _ => ("", ""),
    }
}
