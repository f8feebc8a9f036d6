# Messages communs aux formats de rapport.

# Un nombre de profils, comme dans « 5 profils ».
profiles-count = { $n ->
    [one] { $n } profil
   *[other] { $n } profils
}

severity-error = erreur
severity-warning = avertissement
severity-info = conseil

report-errors-count = { $n ->
    [one] { $n } erreur
   *[other] { $n } erreurs
}
report-warnings-count = { $n ->
    [one] { $n } avertissement
   *[other] { $n } avertissements
}
report-notes-count = { $n ->
    [one] { $n } conseil
   *[other] { $n } conseils
}
report-summary = { $errors } · { $warnings } · { $notes } dans { $profiles ->
        [one] { $profiles } profil
       *[other] { $profiles } profils
    }{ $invalid ->
        [0] {""}
       *[other] {" "}(dont { $invalid ->
            [one] { $invalid } non vérifié
           *[other] { $invalid } non vérifiés
        })
    }
report-explain-hint = pour en savoir plus sur une règle : `profilecheck explain RÈGLE`
report-score = score
report-invalid = invalide
report-step = Étape { $step }
report-step-titled = Étape { $step } · { $title }
report-all-done = tout est fait
report-waived-heading = Dérogations
report-waived-word = dérogation

handout-title = Bilan des profils
handout-no-profile = Aucun profil n’a été vérifié.
handout-col-profile = Profil
handout-col-file = Fichier
handout-col-score = Score
handout-col-errors = Erreurs
handout-col-warnings = Avertissements
handout-total = Total : { $errors } · { $warnings } · { $notes }
handout-pack = Pack { $name }
handout-invalid-profiles = { $n ->
    [one] { $n } profil invalide
   *[other] { $n } profils invalides
}
handout-file = Fichier : { $file }
handout-invalid = Profil invalide : pas de score
handout-fix-file = Corrigez ces problèmes dans le fichier, puis relancez la vérification :
handout-at-line = ligne { $line } : { $message }
handout-score = Score : { $score }/100
handout-file-notes = Remarques sur le fichier lui-même
handout-not-applicable = { $n ->
    [one] { $n } règle ne s’applique pas à ce profil : { $rules }.
   *[other] { $n } règles ne s’appliquent pas à ce profil : { $rules }.
}
handout-waived = dérogation : { $reason }

handout-col-total = Total
handout-col-notes = Conseils
handout-kicker = Fiche de marque personnelle
handout-invalid-badge = Profil invalide
handout-not-checked = Le fichier n’a pas pu être vérifié
handout-line = ligne
handout-column = colonne
handout-done = Fait
handout-reason = Motif
handout-to-do = À faire
handout-in-your-file = Constat
handout-how-to-fix = Comment faire
handout-score-label = Score : { $score } sur 100
handout-no-score = Pas de score : le fichier est invalide
handout-footer = Vérifié par profilecheck au regard des sept étapes du guide de marque personnelle. Cochez chaque case une fois la correction faite dans Facebook.
handout-done-of = { $done ->
        [one] { $done } point sur { $total } réglé
       *[other] { $done } points sur { $total } réglés
    }

report-invalid-profile = profil invalide
report-profile-warning = avertissement sur le profil
report-why = Pourquoi
report-how-to-fix = Comment corriger
report-problems-count = { $n ->
    [one] { $n } problème
   *[other] { $n } problèmes
}

punct-colon =  :
punct-quote = « { $text } »

# Dates in words (DATE() in a message): { $day } { $month } { $year }.
date-long = { $day } { $month } { $year }
date-first-day = 1er
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

# --baseline : où en est un profil par rapport au rapport JSON d’une analyse précédente.
baseline-not-report = ce n’est pas un rapport JSON de profilecheck (`--format json`) : { $reason }
baseline-progress = Depuis la référence : score { $before } → { $after } ; { $fixed ->
    [one] { $fixed } constat corrigé
   *[other] { $fixed } constats corrigés
}, { $new ->
    [one] { $new } nouveau
   *[other] { $new } nouveaux
}, { $known ->
    [one] { $known } déjà connu
   *[other] { $known } déjà connus
}.
baseline-new-profile = Absent de la référence : { $new ->
    [one] { $new } nouveau constat
   *[other] { $new } nouveaux constats
}.
baseline-fixed-word = corrigé
baseline-new-word = nouveau
baseline-known-word = déjà connu
