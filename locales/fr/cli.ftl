# Messages de la ligne de commande : erreurs, avertissements et ce qu’elle dit sur la sortie d’erreur.

cli-error-prefix = profilecheck : erreur :
cli-cannot-write-report = erreur : impossible d’écrire le rapport
cli-did-you-mean = ; vouliez-vous dire `{ $name }` ?
cli-unknown-rule = règle inconnue `{ $rule }`{ $hint }
cli-no-profile-given = aucun profil indiqué ; essayez `profilecheck profil.yaml`, ou `profilecheck init` pour en créer un
cli-bad-report-spec = --report attend FORMAT=FICHIER, FORMAT parmi { $formats } ; reçu `{ $spec }`
cli-two-reports-one-file = deux rapports seraient écrits dans { $file }
cli-bad-exclude = --exclude `{ $glob }` n’est pas un motif utilisable : { $reason }
cli-select-matches-nothing = { $option } `{ $value }` ne désigne aucune règle (un identifiant de règle, un nom de pack, step:N ou un motif comme `photo-*`){ $hint }
cli-verbose-config = { $file } utilise { $config }
cli-verbose-no-config = aucune configuration (réglages par défaut)
cli-report-over-profile = { $file } fait partie des profils vérifiés ; écrivez le rapport ailleurs
cli-no-profile-found = aucun profil trouvé (fichiers en .yaml ou .yml)
cli-no-rule-loaded = avertissement : aucune règle n’est chargée (vérifiez `packs:` et `--select`) : tous les profils auront 100
cli-output-dir-unusable = --output-dir { $dir } est inutilisable : { $reason }
cli-output-dir-written = { $n ->
    [one] { $n } fichier écrit dans { $dir }
   *[other] { $n } fichiers écrits dans { $dir }
}
cli-max-warnings = { $n } avertissements, plus que --max-warnings { $max }
cli-no-such-pack = ni fichier ni dossier de pack à ce nom, ni pack intégré (packs intégrés : { $packs }){ $hint }

# Problèmes de configuration (SPEC §10) : un pack ou une configuration inutilisable.
config-problem-title = configuration de profilecheck
config-problems-heading = Problèmes de configuration
config-problems-intro = { $n ->
    [one] Les règles ci-dessous ont été appliquées sans ce que ce problème a écarté : corrigez-le avant de vous fier aux résultats.
   *[other] Les règles ci-dessous ont été appliquées sans ce que ces { $n } problèmes ont écarté : corrigez-les avant de vous fier aux résultats.
}
config-foreign-owner = ignorée : cette configuration appartient à un autre utilisateur (uid { $uid }), qui pourrait faire faire n’importe quoi à la vérification ; utilisez --config pour lui faire confiance
config-rules-entry-unusable = l’entrée `{ $path }` de `rules` est inutilisable : { $reason }
select-matches-nothing = `{ $value }` ne désigne aucune règle (un identifiant de règle, un nom de pack, step:N ou un motif comme `photo-*`){ $hint }

# Lignes de résumé.
summary-unreadable = { $n ->
    [one] { $n } profil n’a pas pu être lu
   *[other] { $n } profils n’ont pas pu être lus
}
summary-config-errors = { $n ->
    [one] { $n } problème de configuration
   *[other] { $n } problèmes de configuration
}

# --statistics dans les résumés de groupe.
stats-teach-next = À enseigner ensuite : les étapes les plus manquées
stats-nothing-missed = Aucune étape n’a été manquée.
stats-col-rule = Règle
stats-col-title = Étape
stats-col-missed = Manquée par
stats-missed-of = { $missed } sur { $profiles }

# rules et explain.
rules-severity-changed = { $severity } ({ $default } par défaut)
rules-severity-off = désactivée ({ $default } par défaut)
rules-config-in-force = Niveaux fixés par { $config }
explain-off-by-config = Cette règle est désactivée par { $config } : elle n’est pas vérifiée.
explain-off = Cette règle est désactivée : elle n’est pas vérifiée.
explain-severity-by-config = Niveau { $severity }, fixé par { $config }.

# rules --verify.
verify-should-pass = réussir
verify-should-fail = échouer
verify-misbehaves = l’exemple devrait { $expected }, mais il donne : { $got }
verify-summary = { $passed } exemples sur { $total } se comportent comme prévu, dans { $rules } règles
