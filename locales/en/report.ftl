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
# "2 errors · 5 warnings · 3 notes in 4 profiles (1 invalid)"; $errors,
# $warnings and $notes are already counted.
report-summary = { $errors } · { $warnings } · { $notes } in { $profiles ->
        [one] { $profiles } profile
       *[other] { $profiles } profiles
    }{ $invalid ->
        [0] {""}
       *[other] {" "}({ $invalid } invalid)
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
