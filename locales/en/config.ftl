config-packs-list-built-pack = `packs` must be a list of built-in pack names
config-each-entry-rules-path = each entry of `rules` must be a path to a pack file or folder
config-rules-list-paths = `rules` must be a list of paths
config-severity-map-rule-ids = `severity` must map rule ids to error, warning, info or off

config-not-mapping = the config must be a mapping of keys to values, not { diag-found }
config-exclude-list = `exclude` must be a list of globs, relative to the config's folder
config-exclude-bad-glob = this glob cannot be used: { $reason }
config-exclude-entry = each entry of `exclude` must be a glob such as `drafts/` or `**/old-*.yaml`
config-rules-leaves-folder = `{ $path }` leaves the config's folder: a relative `rules` entry must stay inside it (write an absolute path to use packs from elsewhere)
config-include-list = `include` must be a list of globs, relative to the config's folder
config-include-entry = each entry of `include` must be a glob such as `*.yaml` or `clients/**/*.yaml`
config-rule-list = `{ $key }` must be a list of rule ids, pack names, `step:N` or globs
config-fail-under = `fail_under` must be a whole number from 0 to 100
config-max-warnings = `max_warnings` must be a whole number, 0 or more
config-extend-path = `extend` must be the path of another config file, relative to this one's folder
config-extend-cycle = `extend` goes round in a circle: { $chain }
config-extend-unusable = the config to extend, `{ $path }`, cannot be used: { $reason }
