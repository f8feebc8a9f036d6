//! What a workshop participant reads, probed for the defects a native
//! editor found (issue 25): finding lines written for people, not for a
//! compiler; negations in words in `explain`; the reader's decimal mark;
//! a readable but invalid file never called unreadable; the two most common
//! YAML slips in our own words in both languages; key paths kept for the
//! command line and SARIF but out of the handouts.

mod common;

use common::run_in;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> common::Out {
    run_in(dir, args, &[])
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const HALF: &str = "name: Zoé\nphoto: {set: true, kind: professional}\npublishing:\n  posts_per_month: 3.5\n";

#[test]
fn handouts_speak_to_people_and_keep_key_paths_out() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", HALF);
    for format in ["markdown", "html"] {
        let out = run(dir.path(), &["--no-config", "--lang", "fr", "-f", format, "p.yaml"]);
        let s = &out.stdout;
        assert!(
            s.contains("attendu\u{a0}: oui\u{a0}; dans votre profil\u{a0}: rien pour l’instant"),
            "{s}"
        );
        assert!(
            s.contains("dans votre profil\u{a0}: 3,5"),
            "a French decimal comma: {s}"
        );
        for bad in [
            "trouvé",
            "(absent)",
            "(`",
            "publishing.posts_per_month",
            "remarque",
            "3.5",
        ] {
            assert!(!s.contains(bad), "{format} handout shows {bad:?}:\n{s}");
        }
    }
    let out = run(dir.path(), &["--no-config", "--lang", "en", "-f", "markdown", "p.yaml"]);
    assert!(
        out.stdout.contains("expected: yes; in your profile: nothing yet"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_command_line_and_sarif_keep_the_key_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", HALF);
    let text = run_in(
        dir.path(),
        &["--no-config", "--lang", "fr", "p.yaml"],
        &[("COLUMNS", "300")],
    );
    assert!(
        text.stdout
            .contains("dans votre profil\u{a0}: 3,5 (`publishing.posts_per_month`)"),
        "{}",
        text.stdout
    );
    let sarif = run(dir.path(), &["--no-config", "--lang", "fr", "-f", "sarif", "p.yaml"]);
    assert!(
        sarif.stdout.contains("(`publishing.posts_per_month`)"),
        "{}",
        sarif.stdout
    );
}

#[test]
fn explain_words_a_negation_as_its_opposite() {
    let dir = tempfile::tempdir().unwrap();
    let fr = run(
        dir.path(),
        &["--no-config", "explain", "personal-info-private", "--lang", "fr"],
    );
    assert!(!fr.stdout.contains("ceci est faux"), "{}", fr.stdout);
    assert!(fr.stdout.contains("qui voit votre date de naissance"), "{}", fr.stdout);
    assert!(fr.stdout.contains("ne vaut pas «\u{a0}Public"), "{}", fr.stdout);
    let en = run(
        dir.path(),
        &["--no-config", "explain", "personal-info-private", "--lang", "en"],
    );
    assert!(en.stdout.contains("is not “Public"), "{}", en.stdout);
}

#[test]
fn a_readable_but_invalid_profile_is_not_called_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.yaml", "name: Zoé\nphoto: {set: maybe}\n");
    let out = run(dir.path(), &["--no-config", "--lang", "fr", "p.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("(dont 1 non vérifié)"), "{}", out.stdout);
    assert!(!out.stdout.contains("illisible"), "{}", out.stdout);
}

#[test]
fn the_two_common_yaml_slips_are_worded_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "colon.yaml",
        "name: Zoé\nabout:\n  bio: Consultante: e-réputation\n",
    );
    write(dir.path(), "tab.yaml", "name: Zoé\nabout:\n\tbio: x\n");
    write(dir.path(), "other.yaml", "name: [a, b\n");
    let fr = |f: &str| run(dir.path(), &["--no-config", "--lang", "fr", "-q", f]).stderr;
    let en = |f: &str| run(dir.path(), &["--no-config", "--lang", "en", "-q", f]).stderr;
    assert!(fr("colon.yaml").contains("colon.yaml:3:"), "{}", fr("colon.yaml"));
    assert!(
        fr("colon.yaml").contains("mettez tout le texte entre guillemets"),
        "{}",
        fr("colon.yaml")
    );
    assert!(
        en("colon.yaml").contains("put the whole text in double quotes"),
        "{}",
        en("colon.yaml")
    );
    assert!(fr("tab.yaml").contains("tabulation"), "{}", fr("tab.yaml"));
    assert!(en("tab.yaml").contains("indent with spaces only"), "{}", en("tab.yaml"));
    for f in ["colon.yaml", "tab.yaml"] {
        assert!(
            !fr(f).contains("mapping values") && !fr(f).contains("tabs disallowed"),
            "{}",
            fr(f)
        );
    }
    // Anything else keeps the parser's words, with a French hint.
    assert!(
        fr("other.yaml").contains("Vérifiez cette ligne et celle du dessus"),
        "{}",
        fr("other.yaml")
    );
}
