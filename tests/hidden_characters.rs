//! No human-readable output lets through a character that reorders or hides
//! text (a right-to-left override, an Arabic letter mark, a zero width space,
//! a byte order mark): every format escapes what `text` escapes, through the
//! one predicate of src/i18n/safe.rs. JSON and SARIF keep the text, escaped.

mod common;

const HIDDEN: [char; 4] = ['\u{202e}', '\u{061c}', '\u{200b}', '\u{feff}'];

#[test]
fn no_format_passes_a_hidden_or_reordering_character_through_raw() {
    let dir = tempfile::tempdir().unwrap();
    let name = "Jo\u{202e}evil\u{061c}x\u{200b}y\u{feff}z";
    let profile = format!(
        "name: \"{name}\"\nphoto: {{set: false}}\nkeywords: [\"#a\u{202e}b\u{feff}\"]\nwaivers:\n  cover-set: \"reason \u{202e}desrever\u{200b}\"\n"
    );
    // The file name too: every format shows it, even `concise`.
    let file = "p\u{202e}lmth.yaml";
    common::write(dir.path(), file, &profile);
    for format in [
        "text", "concise", "json", "sarif", "junit", "github", "markdown", "html",
    ] {
        let out = common::run_in(dir.path(), &["--no-config", "--format", format, file], &[]);
        assert!(out.code == 1 || out.code == 0, "{format}: {}", out.stderr);
        for c in HIDDEN {
            assert!(!out.stdout.contains(c), "{format} lets U+{:04X} through", c as u32);
            assert!(
                !out.stderr.contains(c),
                "{format} (stderr) lets U+{:04X} through",
                c as u32
            );
        }
        if format == "json" {
            // Escaped in the JSON text, the same string once read.
            assert_eq!(common::json(&out)["profiles"][0]["name"], name);
        } else if format != "sarif" {
            assert!(
                out.stdout.contains("\\u{202e}"),
                "{format} shows the override as text does:\n{}",
                out.stdout
            );
        }
    }
}
