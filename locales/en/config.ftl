config-packs-list-built-pack = `packs` must be a list of built-in pack names
config-each-entry-rules-path = each entry of `rules` must be a path to a pack file or folder
config-rules-list-paths = `rules` must be a list of paths
config-severity-map-rule-ids = `severity` must map rule ids to error, warning, info or off

config-not-mapping = the config must be a mapping of keys to values, not { diag-found }
