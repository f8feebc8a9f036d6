//! Embeds every Fluent catalogue under `locales/<lang>/*.ftl` in the binary:
//! adding a file to a language folder is enough, no list to keep in step.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for lang in fs::read_dir(&root).expect("locales/ exists") {
        let lang = lang.expect("readable locales/").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.display());
        for file in fs::read_dir(&lang).expect("readable language folder") {
            let file = file.expect("readable language folder").path();
            if file.extension().is_some_and(|e| e == "ftl") {
                println!("cargo:rerun-if-changed={}", file.display());
                entries.push((
                    lang.file_name().unwrap().to_string_lossy().into_owned(),
                    file.file_stem().unwrap().to_string_lossy().into_owned(),
                    file,
                ));
            }
        }
    }
    // Sorted, so the generated file (and the bundle's order) is reproducible.
    entries.sort();
    let mut out = String::from("/// (language, file stem, text) of every embedded catalogue.\n");
    out.push_str("pub(crate) const CATALOGUES: &[(&str, &str, &str)] = &[\n");
    for (lang, stem, path) in &entries {
        let _ = writeln!(
            out,
            "    ({lang:?}, {stem:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("catalogues.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
