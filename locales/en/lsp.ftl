# Messages of the language server (`profilecheck lsp`): diagnostics about
# configs and packs, hover labels, code action titles.

# A problem with the config file or a pack it names, shown on each profile
# that uses them. $problem is a line such as `.profilecheck.yaml:3:5: error: …`.
lsp-config-problem = this profile is checked without a broken config or pack: { $problem }
# A pack named in the config's `rules:` that does not load.
lsp-pack-problem = a pack in `rules` does not load: { $problem }
lsp-unknown-rule = unknown rule `{ $rule }`
lsp-unknown-rule-suggest = unknown rule `{ $rule }`; did you mean `{ $suggestion }`?

# Protocol problems, answered to the editor.
lsp-internal-error = internal error while handling { $method }; the server goes on
lsp-unknown-method = unknown method { $method }
lsp-bad-params = missing or invalid parameters for { $method }
lsp-not-open = { $uri } was never opened; its text is taken as it comes
lsp-parse-error = the message could not be read (not a JSON-RPC message, or a broken or too large Content-Length); it is ignored

# Hover on a rule or a key.
lsp-hover-step = step { $n }
lsp-hover-off = off: the config turns it off (`off` in `severity:`, or not selected)
lsp-hover-checks = What it checks
lsp-hover-when = Applies only when { $condition }.
lsp-hover-passes = Passes when { $condition }.
lsp-hover-why = Why it matters
lsp-hover-fix = How to fix it
lsp-hover-allowed = Allowed values

# Hover on the keys of `.profilecheck.yaml`.
lsp-config-lang = report language when a profile does not set its own: `en` or `fr`
lsp-config-packs = the built-in packs to enable (all of them when absent): `guide`, `privacy`
lsp-config-rules = more rule packs: files or folders, relative to this file
lsp-config-severity = per rule id: `error`, `warning`, `info`, or `off` to turn the rule off
lsp-config-fail-on = the lowest severity that makes the run fail: `error`, `warning`, `info` or `never`

# Code actions.
lsp-action-waive = Waive `{ $rule }` in this profile
lsp-action-select-reason = Type the reason of the waiver
lsp-waiver-reason = why this rule is set aside
lsp-action-quote = { $n ->
    [one] Quote the hashtag { $tag }
   *[other] Quote the { $n } hashtags, from { $tag }
}
lsp-action-add-section = Add the `{ $section }` section from the template
