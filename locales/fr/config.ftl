config-packs-list-built-pack = `packs` doit être une liste de noms de packs intégrés
config-each-entry-rules-path = chaque entrée de `rules` doit être le chemin d’un pack ou d’un dossier
config-rules-list-paths = `rules` doit être une liste de chemins
config-severity-map-rule-ids = `severity` doit associer des identifiants de règle à error, warning, info ou off

config-not-mapping = la configuration doit être un dictionnaire de clés et de valeurs, pas { diag-found }
config-exclude-list = `exclude` doit être une liste de motifs, relatifs au dossier de la configuration
config-exclude-bad-glob = ce motif est inutilisable : { $reason }
config-exclude-entry = chaque entrée de `exclude` doit être un motif comme `brouillons/` ou `**/ancien-*.yaml`
config-rules-leaves-folder = `{ $path }` sort du dossier de la configuration : une entrée relative de `rules` doit y rester (écrivez un chemin absolu pour utiliser des packs situés ailleurs)
config-include-list = `include` doit être une liste de motifs, relatifs au dossier de la configuration
config-include-entry = chaque entrée de `include` doit être un motif comme `*.yaml` ou `clients/**/*.yaml`
config-rule-list = `{ $key }` doit être une liste d’identifiants de règles, de noms de packs, de `step:N` ou de motifs
config-fail-under = `fail_under` doit être un nombre entier de 0 à 100
config-max-warnings = `max_warnings` doit être un nombre entier, 0 ou plus
config-extend-path = `extend` doit être le chemin d’un autre fichier de configuration, relatif au dossier de celle-ci
config-extend-cycle = `extend` tourne en rond : { $chain }
config-extend-unusable = la configuration à étendre, `{ $path }`, est inutilisable : { $reason }
