config-packs-list-built-pack = `packs` doit être une liste de noms de packs intégrés
config-each-entry-rules-path = chaque entrée de `rules` doit être le chemin d’un pack ou d’un dossier
config-rules-list-paths = `rules` doit être une liste de chemins
config-severity-map-rule-ids = `severity` doit associer des identifiants de règle à error, warning, info ou off

config-not-mapping = la configuration doit être un dictionnaire de clés et de valeurs, pas { diag-found }
