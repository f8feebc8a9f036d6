cli-pack-heading = Pack { $name }
cli-explain-pack = pack { $name }
cli-explain-step = étape { $step } · { $title }
cli-explain-what = Ce qui est vérifié :
cli-explain-applies-when = S’applique seulement si { $when }
cli-explain-passes-when = Réussit si { $check }
cli-explain-why = Pourquoi c’est important :
cli-explain-fix = Comment corriger :
cli-explain-examples-pass = Exemples conformes :
cli-explain-examples-fail = Exemples non conformes :
cli-verify-misbehaves = l’exemple devrait { $expected ->
        [pass] réussir
       *[fail] échouer
    }, mais { $got ->
        [pass] il réussit
        [fail] il échoue
        [waived] il déroge à sa propre règle
       *[not-applicable] la règle ne s’y applique pas
    }
cli-verify-invalid = l’exemple devrait { $expected ->
        [pass] réussir
       *[fail] échouer
    }, mais ce n’est pas un profil valide ({ $line }:{ $column } : { $message })
cli-verify-summary = { $good ->
        [one] { $good } exemple sur { $total } se comporte
       *[other] { $good } exemples sur { $total } se comportent
    } comme prévu, dans { $rules ->
        [one] { $rules } règle
       *[other] { $rules } règles
    }

stats-heading = Statistiques : étapes manquées, sur { $n ->
        [one] { $n } profil valide
       *[other] { $n } profils valides
    }
stats-nothing-missed = aucune étape manquée
stats-waived = { $n ->
        [one] { $n } dérogation
       *[other] { $n } dérogations
    }
stats-percent = { $pct } %

cli-cannot-write = impossible d’écrire le rapport : { $detail }
cli-unknown-rule = règle inconnue `{ $rule }`
cli-unknown-rule-did-you-mean = règle inconnue `{ $rule }` ; vouliez-vous dire `{ $suggestion }` ?
cli-exists = { $path } existe déjà ; ajoutez --force pour le remplacer
cli-wrote = { $path } écrit ; vérifiez-le avec : profilecheck { $path }
cli-no-profile-given = aucun profil indiqué ; essayez `profilecheck profil.yaml`, ou `profilecheck init` pour en créer un
cli-bad-report = --report attend FORMAT=FICHIER, FORMAT parmi { $formats } ; reçu `{ $got }`
cli-two-reports = deux rapports seraient écrits dans { $path }
cli-select-unknown = --select nomme une règle inconnue `{ $rule }`
cli-select-unknown-did-you-mean = --select nomme une règle inconnue `{ $rule }` ; vouliez-vous dire `{ $suggestion }` ?
cli-report-over-profile = { $path } fait partie des profils vérifiés ; écrivez le rapport ailleurs
cli-no-profile-found = aucun profil trouvé (fichiers en .yaml ou .yml)
cli-max-warnings = { $n ->
        [one] { $n } avertissement
       *[other] { $n } avertissements
    }, plus que --max-warnings { $max }
