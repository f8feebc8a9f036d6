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
cli-verify-misbehaves = example should { $expected }, but it gives: { $got ->
        [pass] pass
        [fail] fail
        [waived] waived (the example waives its own rule)
       *[not-applicable] not applicable
    }
cli-verify-invalid = example should { $expected }, but it gives: invalid profile ({ $line }:{ $column }: { $message })
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
cli-no-profile-found = no profile found (files ending in .yaml or .yml)
cli-max-warnings = { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }, more than --max-warnings { $max }
