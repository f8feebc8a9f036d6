# The command line's own messages: `rules`, `explain`, `rules --verify`,
# `--statistics`, and the problems that stop a run.

cli-pack-heading = Pack { $name }
cli-explain-pack = pack { $name }
cli-explain-step = step { $step } · { $title }
cli-explain-what = What it checks:
cli-explain-applies-when = Applies only when { $when }
cli-explain-passes-when = Passes when { $check }
cli-explain-why = Why it matters:
cli-explain-fix = How to fix it:
cli-explain-examples-pass = Examples that pass:
cli-explain-examples-fail = Examples that fail:
# $expected and $got: pass, fail, waived, not-applicable.
cli-verify-misbehaves = example should { $expected ->
        [pass] pass
        [fail] fail
       *[not-applicable] be one the rule does not apply to
    }, but it gives: { $got ->
        [pass] pass
        [fail] fail
        [waived] waived (the example waives its own rule)
       *[not-applicable] not applicable
    }
cli-verify-invalid = example should { $expected ->
        [pass] pass
        [fail] fail
       *[not-applicable] be one the rule does not apply to
    }, but it gives: invalid profile ({ $line }:{ $column }: { $message })
cli-verify-summary = { $good } of { $total ->
        [one] { $total } example behaves
       *[other] { $total } examples behave
    } as declared, in { $rules ->
        [one] { $rules } rule
       *[other] { $rules } rules
    }

stats-heading = Statistics: steps missed, over { $n ->
        [one] { $n } valid profile
       *[other] { $n } valid profiles
    }
stats-nothing-missed = nothing missed
stats-waived = { $n } waived
stats-percent = { $pct }%

# Problems that stop a run, printed as `profilecheck: error: MESSAGE` (the
# keyword stays English in every language, for problem matchers).
cli-cannot-write = cannot write the report: { $detail }
cli-unknown-rule = unknown rule `{ $rule }`
cli-unknown-rule-did-you-mean = unknown rule `{ $rule }`; did you mean `{ $suggestion }`?
cli-exists = { $path } already exists; add --force to overwrite it
cli-wrote = wrote { $path }; check it with: profilecheck { $path }
cli-no-profile-given = no profile given; try `profilecheck profile.yaml`, or `profilecheck init` to write one
cli-bad-report = --report takes FORMAT=FILE with FORMAT one of { $formats }; got `{ $got }`
cli-two-reports = two reports would be written to { $path }
cli-select-unknown = --select names an unknown rule `{ $rule }`
cli-select-unknown-did-you-mean = --select names an unknown rule `{ $rule }`; did you mean `{ $suggestion }`?
cli-report-over-profile = { $path } is one of the profiles being checked; write the report elsewhere
cli-max-warnings = { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }, more than --max-warnings { $max }

# `--help`: help-about, help-long-about and help-after-help for the command,
# help-SUB-about for a subcommand, help-opt-ID for an option (global ones
# everywhere), help-SUB-opt-ID for a subcommand's own.
help-about = Lint a Facebook profile description (YAML) against a personal-branding guide
help-long-about =
    Lint a Facebook profile description (YAML) against a personal-branding guide.

    Says which steps are missing, why they matter and where to click in Facebook to fix them.
help-after-help =
    Examples:
      profilecheck profile.yaml
      profilecheck clients/ --format sarif -o results.sarif
      profilecheck explain bio-length --lang fr
      profilecheck init -o profile.yaml
help-opt-lang = Report language (default: the profile's or config's `lang`, else from LANG/LC_ALL)
help-opt-rules = Add a rule pack file, or every *.yaml pack in a folder (repeatable)
help-opt-config = Use this config file instead of looking for .profilecheck.yaml
help-opt-no-config = Ignore any .profilecheck.yaml
help-opt-color = When to use colours
help-opt-paths = Profile files or folders (*.yaml, *.yml, recursively); - reads stdin
help-opt-format = Output format
help-opt-output = Write the report to FILE (atomically) instead of stdout
help-opt-select = Only these rules: ids, pack names, step:N or globs (comma-separated)
help-opt-ignore = Skip these rules: ids, pack names, step:N or globs (comma-separated)
help-opt-fail-on = Exit 1 when a finding at or above this severity remains
help-opt-max-warnings = Exit 1 when there are more than N warnings, whatever --fail-on says
help-opt-report = Also write FORMAT to FILE from the same run (repeatable), e.g. sarif=results.sarif
help-opt-statistics = After the reports: how many profiles miss each rule, most missed first
help-opt-quiet = Only the findings: no fix steps, no passing profiles, no summary
help-opt-help = Print help
help-opt-help-more = Print help (see more with '--help')
help-opt-help-long = Print help (see a summary with '-h')
help-opt-version = Print version
help-rules-about = List the loaded rules
help-rules-opt-format = Output format
help-rules-opt-verify = Run every rule's examples and report those that misbehave
help-rules-opt-packs = Pack files, folders or built-in pack names (default: the rules in force)
help-explain-about = What a rule checks, why, and how to fix it
help-explain-opt-rule = The rule id, e.g. bio-length
help-init-about = Write a commented template profile to fill in
help-init-opt-output = Write to FILE instead of stdout
help-init-opt-interactive = Ask the checklist's questions one by one and write the answers
help-init-opt-force = Overwrite FILE if it exists
help-schema-about = Print the JSON Schema of the profile format (for editors)
help-help-about = Print this message or the help of the given subcommand(s)

# The words clap prints itself, and value names (clap-value- and the
# English name in lower case, `|` and `=` as `-`).
clap-usage = Usage:
clap-commands = Commands:
clap-arguments = Arguments:
clap-options = Options:
clap-default = default:
clap-possible-values = possible values:
clap-options-value = OPTIONS
clap-command-value = COMMAND
clap-value-file = FILE
clap-value-file-dir = FILE|DIR
clap-value-format-file = FORMAT=FILE
clap-value-path = PATH
clap-value-level = LEVEL
clap-value-ids = IDS
clap-value-format = FORMAT
clap-value-rule-id = RULE-ID
clap-value-pack = PACK
clap-value-command = COMMAND
clap-value-lang = LANG
clap-value-color = COLOR
clap-value-n = N
clap-value-port = PORT

# clap's errors, printed as `profilecheck: error: MESSAGE`.
clap-unknown-argument = unexpected argument `{ $arg }`
clap-unknown-argument-did-you-mean = unexpected argument `{ $arg }`; did you mean `{ $suggestion }`?
clap-unknown-subcommand = unknown command `{ $name }`
clap-unknown-subcommand-did-you-mean = unknown command `{ $name }`; did you mean `{ $suggestion }`?
clap-missing-value = `{ $arg }` needs a value
clap-invalid-value = invalid value `{ $value }` for `{ $arg }`
clap-invalid-value-one-of = invalid value `{ $value }` for `{ $arg }`; possible values: { $valid }
clap-conflict = `{ $arg }` cannot be used with `{ $other }`
clap-missing-argument = missing argument: { $arg }
clap-too-many-values = unexpected value `{ $value }` for `{ $arg }`
clap-wrong-values = wrong number of values for `{ $arg }`
clap-no-equals = `{ $arg }` takes its value after `=`
clap-other = invalid command line ({ $detail })
clap-more-information = For more information, try '--help'.

help-lsp-about = Run the language server over stdio (for editors)

# Contract 1.1 CLI (cli9): selection, exclude, --output-dir, configuration problems, statistics.
cli-did-you-mean = ; did you mean `{ $name }`?
cli-bad-report-spec = --report takes FORMAT=FILE with FORMAT one of { $formats }; got `{ $spec }`
cli-bad-exclude = --exclude `{ $glob }` is not a usable glob: { $reason }
cli-select-matches-nothing = { $option } `{ $value }` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`){ $hint }
cli-verbose-config = { $file } uses { $config }
cli-verbose-no-config = no config (built-in defaults)
cli-no-rule-loaded = no rule is loaded (check `packs:` and `--select`): every profile scores 100
cli-output-dir-unusable = --output-dir { $dir } cannot be used: { $reason }
cli-output-dir-written = { $n ->
    [one] wrote { $n } file in { $dir }
   *[other] wrote { $n } files in { $dir }
}
cli-no-such-pack = no such pack file or folder, and no built-in pack of that name (built-in: { $packs }){ $hint }
config-problem-title = profilecheck configuration
config-problems-heading = Configuration problems
config-problems-intro = { $n ->
    [one] The rules below ran without what this problem kept out: fix it before trusting the results.
   *[other] The rules below ran without what these { $n } problems kept out: fix them before trusting the results.
}
config-foreign-owner = ignored: this config belongs to another user (uid { NUMBER($uid, useGrouping: "false") }), who could make the check do anything; use --config to trust it
config-rules-entry-unusable = the `rules` entry `{ $path }` cannot be used: { $reason }
select-matches-nothing = `{ $value }` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`){ $hint }
summary-config-errors = { $n ->
    [one] { $n } configuration problem
   *[other] { $n } configuration problems
}
stats-teach-next = What to teach next: the most missed steps
stats-col-rule = Id
stats-col-title = Rule
stats-col-missed = Missed by
stats-missed-of = { $missed } of { $profiles }
rules-severity-changed = { $severity } ({ $default } by default)
rules-severity-off = off ({ $default } by default)
rules-config-in-force = Severities as set by { $config }
explain-off-by-config = This rule is off under { $config }: it is not checked.
explain-off = This rule is off: it is not checked.
explain-severity-by-config = Severity { $severity }, as set by { $config }.
stats-no-step-missed = No step was missed.
help-opt-output-dir = One report file per profile in DIR (plus index.html / index.md for html and markdown)
help-opt-exclude = Skip files and folders matching GLOB in a folder walk (repeatable)
help-opt-follow = Follow symlinks met while walking a folder
help-opt-verbose = Say on stderr which config each profile uses
help-opt-fail-under = Exit 1 when a valid profile scores below SCORE (0-100)
clap-value-rules = RULES
clap-value-dir = DIR
clap-value-glob = GLOB
clap-value-score = SCORE
help-serve-about = Open the workshop room: a local web form with live checking and a coach's view
help-serve-opt-port = Port to listen on (0: any free port)
help-serve-opt-lan = Listen on every network interface, not only this computer, and print the addresses
help-serve-opt-resume = Start from a coach’s export of an earlier session (the room’s JSON from the coach’s page)

# A folder given as rule packs (`--rules`, a config's `rules:`) that is far too big to be one.
pack-folder-too-large = this folder holds more than { $limit ->
    [one] { $limit } entry
   *[other] { $limit } entries
}, too many for a folder of rule packs: name the pack files or a smaller folder

# --fix and --diff, and the editor's quick fixes: what each safe fix does.
fix-quote-hashtag = quote { $before }, which YAML reads as a comment
fix-add-https = add https:// in front of the link
fix-boolean = write { $before } as { $after }
fix-version-number = write the version as the number { $after }
fix-letter-case = write { $before } as { $after }

# `explain`: the examples a pack declares its rule does not apply to.
cli-explain-examples-not-applicable = Examples the rule does not apply to:

# --fail-under, a config's fail_under and max_warnings: why the run fails.
cli-fail-under = { $n ->
        [one] { $n } profile scores
       *[other] { $n } profiles score
    } below --fail-under { $min }: { $list }
cli-max-warnings-config = { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    } under { $config }, more than its max_warnings { $max }
# A run whose paths exist but hold no profile (all left out, or an empty folder).
cli-no-profile-note = no profile to check: the paths given hold no *.yaml or *.yml file that is a profile (see "Which files are profiles" in docs/cli.md)
# -v: the configs a config extends.
cli-verbose-extends = { $config } extends { $chain }
# --fix: each fix, then the count.
cli-fixed-word = fixed
cli-fixed-summary = { $fixes ->
        [one] { $fixes } fix
       *[other] { $fixes } fixes
    } written to { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
cli-diff-summary = { $fixes ->
        [one] { $fixes } fix
       *[other] { $fixes } fixes
    } would be written to { $files ->
        [one] { $files } file
       *[other] { $files } files
    } (--diff writes nothing)
cli-fix-stdin = standard input is checked but not fixed: --fix and --diff work on files
cli-cannot-fix = cannot write the fixes: { $reason }
# --baseline
cli-baseline-unusable = the baseline cannot be used: { $reason }
cli-baseline-summary = against the baseline: { $new ->
        [one] { $new } new finding
       *[other] { $new } new findings
    }, { $known } known, { $fixed } fixed
help-opt-fix = Apply the safe fixes to the profiles in place (comments and layout kept), then check them
help-opt-diff = Show the safe fixes as a diff, write nothing; exit 1 when there is one
help-opt-baseline = Compare with REPORT.json (a JSON report of an earlier run): only new findings fail the run
help-opt-force-exclude = Apply include, exclude and the files that are never profiles to files named on the command line too
# -v: a nested config that extends none replaces the one above it.
cli-verbose-replaces = { $config } replaces { $parent } (its packs and settings do not apply here): add `extend: { $extend }` to keep them

# `profilecheck completions` and `profilecheck man` (src/cli/completions.rs).
help-completions-about = Print a completion script for a shell (bash, zsh, fish, powershell, elvish)
help-completions-opt-shell = The shell to complete in
clap-value-shell = SHELL
help-man-about = Print the manual page (roff; read it with `profilecheck man | man -l -`)
# The manual page's section headings (upper case, as man pages have them).
man-manual = profilecheck manual
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-commands = COMMANDS
man-examples = EXAMPLES
man-version = VERSION
man-possible-values = Possible values:
