# Messages shared by the report formats.

# A count of profiles, as in "5 profiles".
profiles-count = { $n ->
    [one] { $n } profile
   *[other] { $n } profiles
}

severity-error = error
severity-warning = warning
severity-info = info

report-errors-count = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
report-warnings-count = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
report-notes-count = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
# "2 errors · 5 warnings · 3 notes in 4 profiles (1 could not be read)"; $errors,
# $warnings and $notes are already counted.
report-summary = { $errors } · { $warnings } · { $notes } in { $profiles ->
        [one] { $profiles } profile
       *[other] { $profiles } profiles
    }{ $invalid ->
        [0] {""}
       *[other] {" "}({ $invalid } not checked)
    }
report-explain-hint = `profilecheck explain RULE` for more
report-score = score
report-invalid = invalid
report-step = Step { $step }
report-step-titled = Step { $step } · { $title }
report-all-done = all done
report-waived-heading = Waived
report-waived-word = waived

# The handouts (Markdown and HTML).
handout-title = Profile check
handout-no-profile = No profile was checked.
handout-col-profile = Profile
handout-col-file = File
handout-col-score = Score
handout-col-errors = Errors
handout-col-warnings = Warnings
handout-total = Total: { $errors } · { $warnings } · { $notes }
handout-pack = Pack { $name }
handout-invalid-profiles = { $n ->
    [one] { $n } invalid profile
   *[other] { $n } invalid profiles
}
handout-file = File: { $file }
handout-invalid = Invalid profile: no score
handout-fix-file = Fix these problems in the file, then run the check again:
handout-at-line = line { $line }: { $message }
handout-score = Score: { $score }/100
handout-file-notes = Notes on the file
handout-not-applicable = { $n ->
    [one] { $n } rule does not apply to this profile: { $rules }.
   *[other] { $n } rules do not apply to this profile: { $rules }.
}
handout-waived = waived: { $reason }

handout-col-total = Total
handout-col-notes = Notes
handout-kicker = Personal-branding checklist
handout-invalid-badge = Invalid profile
handout-not-checked = The file could not be checked
handout-line = line
handout-column = column
handout-done = Done
handout-reason = Reason
handout-to-do = To do
handout-in-your-file = In your file
handout-how-to-fix = How to fix it
handout-score-label = Score: { $score } out of 100
handout-no-score = No score: the file is invalid
handout-footer = Checked by profilecheck against the steps of the personal-branding guide. Tick each box once the step is done.
handout-done-of = { $done } of { $total } done

report-invalid-profile = invalid profile
report-profile-warning = profile warning
report-why = Why
report-how-to-fix = How to fix
report-problems-count = { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}

# Punctuation around a label or a quoted value.
punct-colon = :
punct-quote = “{ $text }”

# Dates in words (DATE() in a message): { $day } { $month } { $year }.
date-long = { $day } { $month } { $year }
date-first-day = 1
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# --baseline: how a profile compares with an earlier run's JSON report.
baseline-not-report = this is not a JSON report of profilecheck (`--format json`): { $reason }
baseline-progress = Since the baseline: score { $before } → { $after }; { $fixed ->
    [one] { $fixed } finding fixed
   *[other] { $fixed } findings fixed
}, { $new } new, { $known } known.
baseline-new-profile = Not in the baseline: { $new ->
    [one] { $new } new finding
   *[other] { $new } new findings
}.
baseline-fixed-word = fixed
baseline-new-word = new
baseline-known-word = known
