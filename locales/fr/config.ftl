config-packs-list-built-pack = `packs` doit être une liste de noms de packs intégrés
config-each-entry-rules-path = chaque entrée de `rules` doit être le chemin d’un pack ou d’un dossier
config-rules-list-paths = `rules` doit être une liste de chemins
config-severity-map-rule-ids = `severity` doit associer des identifiants de règle à error, warning, info ou off

config-not-mapping = la configuration doit être un dictionnaire de clés et de valeurs, pas { diag-found }
config-exclude-list = `exclude` doit être une liste de motifs, relatifs au dossier de la configuration
config-exclude-bad-glob = ce motif est inutilisable : { $reason }
config-exclude-entry = chaque entrée de `exclude` doit être un motif comme `brouillons/` ou `**/ancien-*.yaml`
config-rules-leaves-folder = `{ $path }` sort du dossier de la configuration : une entrée relative de `rules` doit y rester (écrivez un chemin absolu pour utiliser des packs situés ailleurs)
