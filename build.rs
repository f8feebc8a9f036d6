//! Build-time work, so start-up does none of it:
//! - every Fluent catalogue under `locales/<lang>/*.ftl` is embedded (adding a
//!   file to a language folder is enough, no list to keep in step);
//! - every built-in rule pack `rules/*.yaml` is parsed once, with the
//!   program's own YAML reader, and embedded as a compact tree
//!   (`src/profile/digest.rs`). A pack that is not valid YAML fails the build
//!   with a located error.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/profile/yaml.rs"]
mod yaml;

#[allow(dead_code)]
#[path = "src/profile/digest.rs"]
mod digest;

fn main() {
    catalogues();
    packs();
}

fn packs() {
    // Read at run time: a build script reused from another checkout must
    // still read this one.
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut names = Vec::new();
    for file in fs::read_dir(&root).expect("rules/ exists") {
        let file = file.expect("readable rules/").path();
        if file.extension().is_some_and(|e| e == "yaml") {
            names.push(file);
        }
    }
    names.sort();
    let out_dir = env::var("OUT_DIR").unwrap();
    let mut list = String::from("/// (pack file stem, its tree as `digest::encode` wrote it).\n");
    list.push_str("pub(crate) const BUILTIN_TREES: &[(&str, &[u8])] = &[\n");
    for file in names {
        println!("cargo:rerun-if-changed={}", file.display());
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(&file).expect("readable pack");
        let tree = yaml::decode(&bytes)
            .and_then(yaml::parse)
            .unwrap_or_else(|e| panic!("rules/{stem}.yaml:{}:{}: error: {:?}", e.pos.line, e.pos.col, e.kind));
        let mut digest = Vec::new();
        digest::encode(&tree, &mut digest);
        let dest = Path::new(&out_dir).join(format!("{stem}.tree"));
        fs::write(&dest, digest).expect("OUT_DIR is writable");
        let _ = writeln!(
            list,
            "    ({stem:?}, include_bytes!({:?})),",
            dest.display().to_string()
        );
    }
    list.push_str("];\n");
    fs::write(Path::new(&out_dir).join("builtin_trees.rs"), list).expect("OUT_DIR is writable");
}

fn catalogues() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
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
