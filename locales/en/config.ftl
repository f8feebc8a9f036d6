config-packs-list-built-pack = `packs` must be a list of built-in pack names
config-each-entry-rules-path = each entry of `rules` must be a path to a pack file or folder
config-rules-list-paths = `rules` must be a list of paths
config-severity-map-rule-ids = `severity` must map rule ids to error, warning, info or off

config-not-mapping = the config must be a mapping of keys to values, not { diag-found }
config-exclude-list = `exclude` must be a list of globs, relative to the config's folder
config-exclude-bad-glob = this glob cannot be used: { $reason }
config-exclude-entry = each entry of `exclude` must be a glob such as `drafts/` or `**/old-*.yaml`
config-rules-leaves-folder = `{ $path }` leaves the config's folder: a relative `rules` entry must stay inside it (write an absolute path to use packs from elsewhere)
