# Messages of the command line: errors, warnings and what it tells on stderr.

cli-error-prefix = profilecheck: error:
cli-cannot-write-report = error: cannot write the report
cli-did-you-mean = ; did you mean `{ $name }`?
cli-unknown-rule = unknown rule `{ $rule }`{ $hint }
cli-no-profile-given = no profile given; try `profilecheck profile.yaml`, or `profilecheck init` to write one
cli-bad-report-spec = --report takes FORMAT=FILE with FORMAT one of { $formats }; got `{ $spec }`
cli-two-reports-one-file = two reports would be written to { $file }
cli-bad-exclude = --exclude `{ $glob }` is not a usable glob: { $reason }
cli-select-matches-nothing = { $option } `{ $value }` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`){ $hint }
cli-verbose-config = { $file } uses { $config }
cli-verbose-no-config = no config (built-in defaults)
cli-report-over-profile = { $file } is one of the profiles being checked; write the report elsewhere
cli-no-profile-found = no profile found (files ending in .yaml or .yml)
cli-no-rule-loaded = warning: no rule is loaded (check `packs:` and `--select`): every profile scores 100
cli-output-dir-unusable = --output-dir { $dir } cannot be used: { $reason }
cli-output-dir-written = { $n ->
    [one] wrote { $n } file in { $dir }
   *[other] wrote { $n } files in { $dir }
}
cli-max-warnings = { $n } warnings, more than --max-warnings { $max }
cli-no-such-pack = no such pack file or folder, and no built-in pack of that name (built-in: { $packs }){ $hint }

# Configuration problems (SPEC §10): a broken pack or config.
config-problem-title = profilecheck configuration
config-problems-heading = Configuration problems
config-problems-intro = { $n ->
    [one] The rules below ran without what this problem kept out: fix it before trusting the results.
   *[other] The rules below ran without what these { $n } problems kept out: fix them before trusting the results.
}
config-foreign-owner = ignored: this config belongs to another user (uid { $uid }), who could make the check do anything; use --config to trust it
config-rules-entry-unusable = the `rules` entry `{ $path }` cannot be used: { $reason }
select-matches-nothing = `{ $value }` matches no rule (a rule id, a pack name, step:N or a glob such as `photo-*`){ $hint }

# Summary lines.
summary-unreadable = { $n ->
    [one] { $n } profile could not be read
   *[other] { $n } profiles could not be read
}
summary-config-errors = { $n ->
    [one] { $n } configuration problem
   *[other] { $n } configuration problems
}

# --statistics in the cohort summaries.
stats-teach-next = What to teach next: the most missed steps
stats-nothing-missed = No step was missed.
stats-col-rule = Rule
stats-col-title = Step
stats-col-missed = Missed by
stats-missed-of = { $missed } of { $profiles }

# rules and explain.
rules-severity-changed = { $severity } ({ $default } by default)
rules-severity-off = off ({ $default } by default)
rules-config-in-force = Severities as set by { $config }
explain-off-by-config = This rule is off under { $config }: it is not checked.
explain-off = This rule is off: it is not checked.
explain-severity-by-config = Severity { $severity }, as set by { $config }.

# rules --verify.
verify-should-pass = pass
verify-should-fail = fail
verify-misbehaves = example should { $expected }, but it gives: { $got }
verify-summary = { $passed } of { $total } examples behave as declared, in { $rules } rules
