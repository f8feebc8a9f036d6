//! The one description of the profile format (version 1).
//!
//! Validation, the JSON Schema, the `init` template and the check of rule
//! paths in packs all read this table, so they cannot drift apart.

use crate::i18n::{Lang, catalog};

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
    /// The kind's name, worded in messages by the catalogues' `diag-kind`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Int { .. } => "int",
            Kind::Number { .. } => "number",
            Kind::Str => "str",
            Kind::Enum(_) => "enum",
            Kind::List(_) => "list",
            Kind::Obj(_) | Kind::Waivers => "map",
            Kind::Free => "free",
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

/// One key of the format; its documentation lives in the catalogues.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The key as written in the YAML file.
    pub key: &'static str,
    /// What its value may be.
    pub kind: Kind,
    /// The catalogue message describing it: `field-` and the key's path.
    pub id: &'static str,
    /// A value to show in the `init` template.
    pub sample: &'static str,
}

const fn f(key: &'static str, kind: Kind, id: &'static str, sample: &'static str) -> Field {
    Field { key, kind, id, sample }
}

impl Field {
    /// What the field holds, in `lang` (the catalogues' `field-*` messages).
    pub fn describe(&self, lang: Lang) -> String {
        catalog::message(lang, self.id, None)
    }

    /// The value the `init` template shows: the catalogue's `sample-*`
    /// message when the example is worded per language, else `sample`.
    pub fn sample(&self, lang: Lang) -> String {
        let id = format!("sample-{}", self.id.trim_start_matches("field-"));
        catalog::lookup(lang, &id).unwrap_or_else(|| self.sample.to_owned())
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
    f("employer", Kind::Str, "field-about-work-employer", "Agence Horizon"),
    f("position", Kind::Str, "field-about-work-position", "Community manager"),
    f("current", Kind::Bool, "field-about-work-current", "true"),
];
const EDUCATION: &[Field] = &[
    f("school", Kind::Str, "field-about-education-school", "IUT de Lannion"),
    f(
        "degree",
        Kind::Str,
        "field-about-education-degree",
        "DUT Information-Communication",
    ),
];
const LINK: &[Field] = &[
    f(
        "network",
        Kind::Enum(NETWORKS),
        "field-contact-links-network",
        "linkedin",
    ),
    f(
        "url",
        Kind::Str,
        "field-contact-links-url",
        "https://www.linkedin.com/in/your-name",
    ),
];

const PHOTO: &[Field] = &[
    f("set", Kind::Bool, "field-photo-set", "true"),
    f("kind", Kind::Enum(PHOTO_KINDS), "field-photo-kind", "professional"),
    f("cover", Kind::Bool, "field-photo-cover", "true"),
];
const ABOUT: &[Field] = &[
    f(
        "bio",
        Kind::Str,
        "field-about-bio",
        "\"Community manager · e-reputation\"",
    ),
    f("work", Kind::List(&Kind::Obj(WORK)), "field-about-work", ""),
    f(
        "education",
        Kind::List(&Kind::Obj(EDUCATION)),
        "field-about-education",
        "",
    ),
    f("city", Kind::Str, "field-about-city", "Rennes"),
];
const CONTACT: &[Field] = &[
    f("email", Kind::Str, "field-contact-email", "jeanne@example.org"),
    f(
        "website",
        Kind::Str,
        "field-contact-website",
        "https://jeanne.example.org",
    ),
    f("links", Kind::List(&Kind::Obj(LINK)), "field-contact-links", ""),
];
const NETWORK: &[Field] = &[f(
    "professional_contacts",
    COUNT,
    "field-network-professional-contacts",
    "42",
)];
const PUBLISHING: &[Field] = &[
    f(
        "posts_per_month",
        Kind::Number { min: Some(0.0) },
        "field-publishing-posts-per-month",
        "8",
    ),
    f("editorial_line", Kind::Str, "field-publishing-editorial-line", ""),
    f(
        "topics",
        Kind::List(&Kind::Str),
        "field-publishing-topics",
        "[e-reputation, social media]",
    ),
    f(
        "shares_blog_posts",
        Kind::Bool,
        "field-publishing-shares-blog-posts",
        "true",
    ),
    f(
        "shares_curation",
        Kind::Bool,
        "field-publishing-shares-curation",
        "true",
    ),
    f(
        "writes_articles",
        Kind::Bool,
        "field-publishing-writes-articles",
        "true",
    ),
    f("default_audience", AUD, "field-publishing-default-audience", "public"),
];
const ALTERNATE_NAME: &[Field] = &[
    f("name", Kind::Str, "field-alternate-name-name", "Community Manager"),
    f("type", Kind::Enum(NAME_TYPES), "field-alternate-name-type", "other"),
    f(
        "show_on_profile",
        Kind::Bool,
        "field-alternate-name-show-on-profile",
        "true",
    ),
];
const FOLLOWERS: &[Field] = &[
    f(
        "who_can_follow",
        Kind::Enum(WHO_CAN_FOLLOW),
        "field-followers-who-can-follow",
        "public",
    ),
    f(
        "professional_mode",
        Kind::Bool,
        "field-followers-professional-mode",
        "true",
    ),
];
const TAGGING: &[Field] = &[
    f(
        "tagged_posts_audience",
        AUD,
        "field-tagging-tagged-posts-audience",
        "friends",
    ),
    f(
        "review_tagged_posts",
        Kind::Bool,
        "field-tagging-review-tagged-posts",
        "true",
    ),
    f("review_tags", Kind::Bool, "field-tagging-review-tags", "true"),
];
const PRIVACY: &[Field] = &[
    f("search_engines", Kind::Bool, "field-privacy-search-engines", "true"),
    f("viewed_as_public", Kind::Bool, "field-privacy-viewed-as-public", "true"),
    f("birthday_audience", AUD, "field-privacy-birthday-audience", "only_me"),
    f("phone_audience", AUD, "field-privacy-phone-audience", "only_me"),
    f("email_audience", AUD, "field-privacy-email-audience", "public"),
    f(
        "relationship_audience",
        AUD,
        "field-privacy-relationship-audience",
        "friends",
    ),
    f("family_audience", AUD, "field-privacy-family-audience", "friends"),
];

/// The top level of a profile file.
pub const PROFILE: &[Field] = &[
    f("version", Kind::Int { min: None }, "field-version", "1"),
    f("name", Kind::Str, "field-name", "Jeanne Martin"),
    f("lang", Kind::Enum(LANGS), "field-lang", "fr"),
    f("photo", Kind::Obj(PHOTO), "field-photo", ""),
    f("about", Kind::Obj(ABOUT), "field-about", ""),
    f("contact", Kind::Obj(CONTACT), "field-contact", ""),
    f(
        "keywords",
        Kind::List(&Kind::Str),
        "field-keywords",
        "[\"#ereputation\", \"#communitymanagement\", \"#formation\"]",
    ),
    f("network", Kind::Obj(NETWORK), "field-network", ""),
    f("publishing", Kind::Obj(PUBLISHING), "field-publishing", ""),
    f("alternate_name", Kind::Obj(ALTERNATE_NAME), "field-alternate-name", ""),
    f("followers", Kind::Obj(FOLLOWERS), "field-followers", ""),
    f("tagging", Kind::Obj(TAGGING), "field-tagging", ""),
    f("privacy", Kind::Obj(PRIVACY), "field-privacy", ""),
    f("waivers", Kind::Waivers, "field-waivers", ""),
    f("extra", Kind::Free, "field-extra", ""),
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

/// A human label for an enum value of `field` in `lang`, for people who
/// have never seen the format (the interview's numbered choices); empty when
/// the catalogues have none. Values are shared between enums (`public`,
/// `other`) and mean the same in each, unless the catalogue words one for
/// its field (`value-followers-who-can-follow-public`).
pub fn value_label(field: &Field, value: &str, lang: Lang) -> String {
    let value = value.replace('_', "-");
    let own = format!("value-{}-{value}", field.id.trim_start_matches("field-"));
    catalog::lookup(lang, &own)
        .or_else(|| catalog::lookup(lang, &format!("value-{value}")))
        .unwrap_or_default()
}
