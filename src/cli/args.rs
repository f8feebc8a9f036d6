//! The command line's shape: clap's derive structs, one source for parsing
//! and for `--help`.

use crate::report::Format;
use crate::rules::config::FailOn;
use crate::rules::pack::Severity;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
// Every about and help text shown is the catalogue's (`help-*` messages in
// locales/<lang>/cli.ftl, set by help.rs); the doc comments below are for
// readers of this file, and a test checks each argument has its message.
#[command(name = "profilecheck", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub lint: LintArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Report language (default: the profile's or config's `lang`, else from LANG/LC_ALL)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Add a rule pack file, or every *.yaml pack in a folder (repeatable)
    #[arg(long = "rules", value_name = "FILE|DIR", global = true)]
    pub rules: Vec<PathBuf>,
    /// Use this config file instead of looking for .profilecheck.yaml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Ignore any .profilecheck.yaml
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Profile files or folders (*.yaml, *.yml, recursively); - reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = Format::NAMES.to_vec())]
    pub format: String,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// One report file per profile in DIR (plus index.html / index.md for html and markdown)
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub output_dir: Option<PathBuf>,
    /// Only these rules: ids, pack names, step:N or globs (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Skip these rules: ids, pack names, step:N or globs (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Skip files and folders matching GLOB in a folder walk (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Apply include, exclude and the files that are never profiles to files named on the command line too
    #[arg(long)]
    pub force_exclude: bool,
    /// Follow symlinks met while walking a folder
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Say on stderr which config each profile uses
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Exit 1 when a valid profile scores below SCORE (0-100)
    #[arg(long, value_name = "SCORE", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub fail_under: Option<u32>,
    /// Exit 1 when a finding at or above this severity remains
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,
    /// Exit 1 when there are more than N warnings, whatever --fail-on says
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Also write FORMAT to FILE from the same run (repeatable), e.g. sarif=results.sarif
    #[arg(long, value_name = "FORMAT=FILE")]
    pub report: Vec<String>,
    /// After the reports: how many profiles miss each rule, most missed first
    #[arg(long)]
    pub statistics: bool,
    /// Only the findings: no fix steps, no passing profiles, no summary
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Apply the safe fixes to the profiles in place (comments and layout kept), then check them
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Show the safe fixes as a diff, write nothing; exit 1 when there is one
    #[arg(long)]
    pub diff: bool,
    /// Compare with REPORT.json (a JSON report of an earlier run): only new findings fail the run
    #[arg(long, value_name = "REPORT.json")]
    pub baseline: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the loaded rules
    Rules {
        /// Output format
        #[arg(long, short = 'f', value_parser = ["text", "json"], default_value = "text")]
        format: String,
        /// Run every rule's examples and report those that misbehave
        #[arg(long)]
        verify: bool,
        /// Pack files, folders or built-in pack names (default: the rules in force)
        #[arg(value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
    /// What a rule checks, why, and how to fix it
    Explain {
        /// The rule id, e.g. bio-length
        #[arg(value_name = "RULE-ID")]
        rule: String,
    },
    /// Write a commented template profile to fill in
    Init {
        /// Write to FILE instead of stdout
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Ask the checklist's questions one by one and write the answers
        #[arg(long, short = 'i')]
        interactive: bool,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
        /// With --interactive: start from this profile (e.g. one written by `import`), ask only what it leaves open
        #[arg(long, value_name = "FILE", requires = "interactive")]
        from: Option<PathBuf>,
    },
    /// Write a profile from your Facebook data export (JSON), leaving questions for the rest
    Import(ImportArgs),
    /// Print the JSON Schema of the profile format (for editors)
    Schema,
    /// Run the language server over stdio (for editors)
    Lsp,
    /// Open the workshop room: a local web form with live checking and a coach's view
    Serve {
        /// Port to listen on (0: any free port)
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Listen on every network interface, not only this computer, and print the addresses
        #[arg(long)]
        lan: bool,
        /// Start from a coach's export of an earlier session (room.json)
        #[arg(long, value_name = "FILE")]
        resume: Option<PathBuf>,
    },
    /// Print a completion script for a shell (completions.rs)
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff, for `man -l -`)
    Man,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export: its .zip file(s) (every part of a split export), or the folder it unpacks to
    #[arg(value_name = "EXPORT", required = true)]
    pub exports: Vec<PathBuf>,
    /// Write the profile to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Count posts in the 183 days before this date (YYYY-MM-DD; default: today)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOnArg {
    pub fn to_fail_on(self) -> FailOn {
        match self {
            FailOnArg::Error => FailOn::Severity(Severity::Error),
            FailOnArg::Warning => FailOn::Severity(Severity::Warning),
            FailOnArg::Info => FailOn::Severity(Severity::Info),
            FailOnArg::Never => FailOn::Never,
        }
    }
}
