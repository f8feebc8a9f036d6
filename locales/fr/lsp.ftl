# Messages du serveur de langage (`profilecheck lsp`) : diagnostics sur la
# configuration et les packs, libellés du survol, titres des corrections.

# Un problème dans la configuration ou dans un pack qu’elle cite, affiché sur
# chaque profil qui les utilise. $problem est une ligne du genre
# `.profilecheck.yaml:3:5: erreur : …`.
lsp-config-problem = ce profil est vérifié sans la configuration ou le pack défectueux que voici : { $problem }
# Un pack cité dans `rules:` de la configuration qui ne se charge pas.
lsp-pack-problem = un pack de `rules` ne se charge pas : { $problem }
lsp-unknown-rule = règle inconnue `{ $rule }`
lsp-unknown-rule-suggest = règle inconnue `{ $rule }` ; vouliez-vous dire `{ $suggestion }` ?

# Problèmes de protocole, répondus à l’éditeur.
lsp-internal-error = erreur interne en traitant { $method } ; le serveur continue
lsp-unknown-method = méthode inconnue : { $method }
lsp-bad-params = paramètres absents ou invalides pour { $method }
lsp-not-open = { $uri } n’a jamais été ouvert ; son texte est pris tel quel
lsp-parse-error = message illisible (pas un message JSON-RPC, ou un Content-Length invalide ou trop grand) ; il est ignoré

# Survol d’une règle ou d’une clé.
lsp-hover-step = étape { $n }
lsp-hover-off = désactivée : la configuration la désactive (`off` dans `severity:`, ou non sélectionnée)
lsp-hover-checks = Ce qui est vérifié
lsp-hover-when = S’applique seulement si { $condition }.
lsp-hover-passes = Réussit si { $condition }.
lsp-hover-why = Pourquoi c’est important
lsp-hover-fix = Comment corriger
lsp-hover-allowed = Valeurs permises

# Survol des clés de `.profilecheck.yaml`.
lsp-config-lang = langue des rapports quand un profil ne fixe pas la sienne : `en` ou `fr`
lsp-config-packs = les packs intégrés à activer (tous s’il est absent) : `guide`, `privacy`
lsp-config-rules = d’autres packs de règles : fichiers ou dossiers, relatifs à ce fichier
lsp-config-severity = par identifiant de règle : `error`, `warning`, `info`, ou `off` pour désactiver la règle
lsp-config-fail-on = le niveau le plus bas qui fait échouer l’exécution : `error`, `warning`, `info` ou `never`

# Corrections rapides.
lsp-action-waive = Écarter `{ $rule }` pour ce profil
lsp-action-select-reason = Saisir la raison de la dérogation
lsp-waiver-reason = pourquoi cette règle est écartée
lsp-action-quote = { $n ->
    [one] Mettre le hashtag { $tag } entre guillemets
   *[other] Mettre les { $n } hashtags entre guillemets, à partir de { $tag }
}
lsp-action-add-section = Ajouter la section `{ $section }` du modèle
