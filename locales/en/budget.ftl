# The rule packs' budget (README, "Rule pack budget"): a pack past it is
# refused, located at the rule or value that goes over.

budget-patterns = with this rule the rule packs go over their budget: their regular expressions may take { $mib } MiB once compiled; split the rules into smaller packs run separately
budget-items = with this rule the rule packs go over their budget: checking one profile may cost { $max ->
    [one] { $max } check
   *[other] { $max } checks
} of list items (each condition under `each` or `some` counts once per list item, up to { $items }); split the rules into smaller packs run separately
budget-findings = with this rule the rule packs go over their budget: one profile may get { $max ->
    [one] { $max } finding
   *[other] { $max } findings
} (a rule checked with `each` counts { $items ->
    [one] { $items } finding
   *[other] { $items } findings
}); split the rules into smaller packs run separately
budget-message = this message is too large for a rule pack ({ $chars ->
    [one] { $chars } character
   *[other] { $chars } characters
} and { $names ->
    [one] { $names } placeholder
   *[other] { $names } placeholders
}; at most { $max_chars ->
    [one] { $max_chars } character
   *[other] { $max_chars } characters
} and { $max_names ->
    [one] { $max_names } placeholder
   *[other] { $max_names } placeholders
})
budget-title = this title is { $chars ->
    [one] { $chars } character
   *[other] { $chars } characters
} long; a rule's title has at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}

# The YAML parser's own words (Rust types, internals), reworded.
diag-yaml-self-alias = invalid YAML: an alias refers to the anchor it is inside (as in `a: &x [*x]`): a value cannot contain itself
diag-yaml-unknown-alias = invalid YAML: an alias `*NAME` refers to no anchor `&NAME` written before it
diag-yaml-bad-int = invalid YAML: a value tagged `!!int` is not a whole number
diag-yaml-bad-float = invalid YAML: a value tagged `!!float` is not a number
diag-yaml-internal = invalid YAML: the file could not be read as YAML
