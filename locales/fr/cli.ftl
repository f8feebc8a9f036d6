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
        [not-applicable] être hors du champ de la règle
       *[fail] échouer
    }, mais { $got ->
        [pass] il réussit
        [fail] il échoue
        [waived] il déroge à sa propre règle
       *[not-applicable] la règle ne s’y applique pas
    }
cli-verify-invalid = l’exemple devrait { $expected ->
        [pass] réussir
        [not-applicable] être hors du champ de la règle
       *[fail] échouer
    }, mais ce n’est pas un profil valide ({ $line }:{ $column } : { $message })
cli-verify-summary = { $good ->
        [one] { $good } exemple sur { $total } se comporte
       *[other] { $good } exemples sur { $total } se comportent
    } comme prévu, dans { $rules ->
        [one] { $rules } règle
       *[other] { $rules } règles
    }

stats-heading = Statistiques : règles non suivies, sur { $n ->
        [one] { $n } profil valide
       *[other] { $n } profils valides
    }
stats-nothing-missed = toutes les règles sont suivies
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
cli-max-warnings = { $n ->
        [one] { $n } avertissement
       *[other] { $n } avertissements
    }, au-delà de la limite fixée par --max-warnings ({ $max })

help-about = Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle
help-long-about =
    Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle.

    Indique ce qu’il reste à faire à chaque étape du guide, pourquoi c’est important et où cliquer dans Facebook.
help-after-help =
    Exemples :
      profilecheck profil.yaml
      profilecheck clients/ --format sarif -o resultats.sarif
      profilecheck explain bio-length --lang fr
      profilecheck init --lang fr -o profil.yaml
help-opt-lang = Langue du rapport (par défaut : le `lang` du profil ou de la configuration, sinon selon LANG/LC_ALL)
help-opt-rules = Ajoute un pack de règles, ou tous les packs *.yaml d’un dossier (option répétable)
help-opt-config = Utilise ce fichier de configuration au lieu de chercher .profilecheck.yaml
help-opt-no-config = Ignore tout fichier .profilecheck.yaml
help-opt-color = Quand utiliser les couleurs
help-opt-paths = Fichiers de profil ou dossiers (*.yaml, *.yml, récursivement) ; - lit l’entrée standard
help-opt-format = Format du rapport
help-opt-output = Écrit le rapport dans FICHIER (de façon atomique) au lieu de la sortie standard
help-opt-select = Seulement ces règles : identifiants, noms de packs, step:N ou motifs (séparés par des virgules)
help-opt-ignore = Ignore ces règles : identifiants, noms de packs, step:N ou motifs (séparés par des virgules)
help-opt-fail-on = Code de sortie 1 s’il reste un constat de ce niveau ou d’un niveau plus grave
help-opt-max-warnings = Code de sortie 1 au-delà de N avertissements, quel que soit --fail-on
help-opt-report = Écrit aussi FORMAT dans FICHIER lors du même passage (répétable), par exemple sarif=resultats.sarif
help-opt-statistics = Après les rapports : combien de profils ne suivent pas chaque règle, de la moins suivie à la plus suivie
help-opt-quiet = Seulement les constats : ni marche à suivre, ni profils sans constat, ni résumé
help-opt-help = Affiche l’aide
help-opt-help-more = Affiche l’aide (plus de détails avec '--help')
help-opt-help-long = Affiche l’aide (un résumé avec '-h')
help-opt-version = Affiche la version
help-rules-about = Liste les règles chargées
help-rules-opt-format = Format de sortie
help-rules-opt-verify = Exécute les exemples de chaque règle et signale ceux qui ne se comportent pas comme prévu
help-rules-opt-packs = Fichiers de packs, dossiers ou noms de packs intégrés (par défaut : les règles en vigueur)
help-explain-about = Ce que vérifie une règle, pourquoi, et comment corriger
help-explain-opt-rule = L’identifiant de la règle, par exemple bio-length
help-init-about = Écrit un modèle de profil commenté à remplir
help-init-opt-output = Écrit dans FICHIER au lieu de la sortie standard
help-init-opt-interactive = Pose une à une les questions de la liste de contrôle et écrit les réponses
help-init-opt-force = Remplace FICHIER s’il existe
help-schema-about = Affiche le schéma JSON du format de profil (pour les éditeurs)
help-help-about = Affiche cette aide ou celle des sous-commandes indiquées

clap-usage = Utilisation :
clap-commands = Commandes :
clap-arguments = Arguments :
clap-options = Options :
clap-default = par défaut :
clap-possible-values = valeurs possibles :
clap-options-value = OPTIONS
clap-command-value = COMMANDE
clap-value-file = FICHIER
clap-value-file-dir = FICHIER|DOSSIER
clap-value-format-file = FORMAT=FICHIER
clap-value-path = CHEMIN
clap-value-level = NIVEAU
clap-value-ids = IDS
clap-value-format = FORMAT
clap-value-rule-id = ID-RÈGLE
clap-value-pack = PACK
clap-value-command = COMMANDE
clap-value-lang = LANGUE
clap-value-color = QUAND
clap-value-n = N
clap-value-port = PORT

clap-unknown-argument = argument inattendu `{ $arg }`
clap-unknown-argument-did-you-mean = argument inattendu `{ $arg }` ; vouliez-vous dire `{ $suggestion }` ?
clap-unknown-subcommand = commande inconnue `{ $name }`
clap-unknown-subcommand-did-you-mean = commande inconnue `{ $name }` ; vouliez-vous dire `{ $suggestion }` ?
clap-missing-value = `{ $arg }` demande une valeur
clap-invalid-value = valeur invalide `{ $value }` pour `{ $arg }`
clap-invalid-value-one-of = valeur invalide `{ $value }` pour `{ $arg }` ; valeurs possibles : { $valid }
clap-conflict = `{ $arg }` ne peut pas s’employer avec `{ $other }`
clap-missing-argument = argument manquant : { $arg }
clap-too-many-values = valeur inattendue `{ $value }` pour `{ $arg }`
clap-wrong-values = nombre de valeurs incorrect pour `{ $arg }`
clap-no-equals = `{ $arg }` prend sa valeur après `=`
clap-other = ligne de commande invalide ({ $detail })
clap-more-information = Pour en savoir plus, essayez '--help'.

help-lsp-about = Lance le serveur de langage sur stdio (pour les éditeurs)

# Contract 1.1 CLI (cli9): selection, exclude, --output-dir, configuration problems, statistics.
cli-did-you-mean = ; vouliez-vous dire `{ $name }` ?
cli-bad-report-spec = --report attend FORMAT=FICHIER, FORMAT parmi { $formats } ; reçu `{ $spec }`
cli-bad-exclude = --exclude `{ $glob }` n’est pas un motif utilisable : { $reason }
cli-select-matches-nothing = { $option } `{ $value }` ne désigne aucune règle (un identifiant de règle, un nom de pack, step:N ou un motif comme `photo-*`){ $hint }
cli-verbose-config = { $file } utilise { $config }
cli-verbose-no-config = aucune configuration (réglages par défaut)
cli-no-rule-loaded = aucune règle n’est chargée (vérifiez `packs:` et `--select`) : tous les profils obtiendront 100
cli-output-dir-unusable = --output-dir { $dir } est inutilisable : { $reason }
cli-output-dir-written = { $n ->
    [one] { $n } fichier écrit dans { $dir }
   *[other] { $n } fichiers écrits dans { $dir }
}
cli-no-such-pack = ni fichier ni dossier de pack à ce nom, ni pack intégré (packs intégrés : { $packs }){ $hint }
config-problem-title = configuration de profilecheck
config-problems-heading = Problèmes de configuration
config-problems-intro = { $n ->
    [one] À cause de ce problème, une partie des règles n’a pas été appliquée : corrigez-le avant de vous fier aux résultats.
   *[other] À cause de ces { $n } problèmes, une partie des règles n’a pas été appliquée : corrigez-les avant de vous fier aux résultats.
}
config-foreign-owner = ignorée : cette configuration appartient à un autre utilisateur (uid { NUMBER($uid, useGrouping: "false") }), qui pourrait s’en servir pour fausser la vérification ; pour l’utiliser quand même, indiquez-la avec --config
config-rules-entry-unusable = l’entrée `{ $path }` de `rules` est inutilisable : { $reason }
select-matches-nothing = `{ $value }` ne désigne aucune règle (un identifiant de règle, un nom de pack, step:N ou un motif comme `photo-*`){ $hint }
summary-config-errors = { $n ->
    [one] { $n } problème de configuration
   *[other] { $n } problèmes de configuration
}
stats-teach-next = À travailler ensuite en atelier : les règles les moins suivies
stats-col-rule = Identifiant
stats-col-title = Règle
stats-col-missed = Profils concernés
stats-missed-of = { $missed ->
    [one] { $missed } profil sur { $profiles }
   *[other] { $missed } profils sur { $profiles }
}
rules-severity-changed = { $severity } ({ $default } par défaut)
rules-severity-off = désactivée ({ $default } par défaut)
rules-config-in-force = Niveaux fixés par { $config }
explain-off-by-config = Cette règle est désactivée par { $config } : elle n’est pas vérifiée.
explain-off = Cette règle est désactivée : elle n’est pas vérifiée.
explain-severity-by-config = Niveau { $severity }, fixé par { $config }.
stats-no-step-missed = Toutes les règles sont suivies par tous les profils.
help-opt-output-dir = Un rapport par profil dans DOSSIER (plus index.html / index.md pour html et markdown)
help-opt-exclude = Ignore les fichiers et dossiers qui correspondent à MOTIF lors du parcours d’un dossier (répétable)
help-opt-follow = Suit les liens symboliques rencontrés en parcourant un dossier
help-opt-verbose = Indique sur la sortie d’erreur la configuration qu’utilise chaque profil
help-opt-fail-under = Code de sortie 1 si un profil valide a un score inférieur à SCORE (0-100)
clap-value-rules = RÈGLES
clap-value-dir = DOSSIER
clap-value-glob = MOTIF
clap-value-score = SCORE
help-serve-about = Ouvre la salle d’atelier : un formulaire web vérifié en direct, et une vue d’ensemble pour la personne qui anime l’atelier
help-serve-opt-port = Port d’écoute (0 : n’importe quel port libre)
help-serve-opt-lan = Écoute sur toutes les interfaces réseau, pas seulement sur cet ordinateur, et affiche les adresses
help-serve-opt-resume = Repartir de l’export d’une séance précédente (le JSON de la salle, exporté depuis la page du formateur)

# Un dossier donné comme dossier de packs (`--rules`, `rules:` d’une configuration), bien trop grand pour en être un.
pack-folder-too-large = ce dossier contient { $limit ->
    [one] plus d’une entrée
   *[other] plus de { $limit } entrées
}, bien trop pour un dossier de packs : indiquez les fichiers de packs ou un dossier plus petit

# --fix et --diff, et les corrections rapides de l’éditeur : ce que fait chaque correction sûre.
fix-quote-hashtag = mettre entre guillemets { $before }, que YAML lit comme un commentaire
fix-add-https = ajouter https:// devant le lien
fix-boolean = écrire { $before } sous la forme { $after }
fix-version-number = écrire la version sous la forme du nombre { $after }
fix-letter-case = écrire { $before } sous la forme { $after }

# `explain` : les exemples auxquels, selon le pack, la règle ne s’applique pas.
cli-explain-examples-not-applicable = Exemples hors du champ de la règle :

# --fail-under, fail_under et max_warnings d’une configuration : pourquoi l’analyse échoue.
cli-fail-under = { $n ->
        [one] { $n } profil a un score
       *[other] { $n } profils ont un score
    } inférieur à --fail-under { $min } : { $list }
cli-max-warnings-config = { $n ->
        [one] { $n } avertissement
       *[other] { $n } avertissements
    } sous { $config }, plus que son max_warnings { $max }
# Une analyse dont les chemins existent mais ne contiennent aucun profil.
cli-no-profile-note = aucun profil à vérifier : les chemins indiqués ne contiennent aucun fichier *.yaml ou *.yml qui soit un profil (voir « Which files are profiles » dans docs/cli.md)
# -v : les configurations qu’une configuration étend.
cli-verbose-extends = { $config } étend { $chain }
# --fix : chaque correction, puis le compte.
cli-fixed-word = corrigé
cli-fixed-summary = { $fixes ->
        [one] { $fixes } correction écrite
       *[other] { $fixes } corrections écrites
    } dans { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    }
cli-diff-summary = { $fixes ->
        [one] { $fixes } correction serait écrite
       *[other] { $fixes } corrections seraient écrites
    } dans { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    } (--diff n’écrit rien)
cli-fix-stdin = l’entrée standard est vérifiée mais pas corrigée : --fix et --diff portent sur des fichiers
cli-cannot-fix = impossible d’écrire les corrections : { $reason }
# --baseline
cli-baseline-unusable = la référence est inutilisable : { $reason }
cli-baseline-summary = par rapport à la référence : { $new ->
        [one] { $new } nouveau constat
       *[other] { $new } nouveaux constats
    }, { $known ->
        [one] { $known } déjà connu
       *[other] { $known } déjà connus
    }, { $fixed ->
        [one] { $fixed } corrigé
       *[other] { $fixed } corrigés
    }
help-opt-fix = Applique sur place les corrections sûres aux profils (commentaires et mise en page conservés), puis les vérifie
help-opt-diff = Montre les corrections sûres sous forme de diff, sans rien écrire ; code de sortie 1 s’il y en a
help-opt-baseline = Compare avec RAPPORT.json (le rapport JSON d’une analyse précédente) : seuls les nouveaux constats font échouer l’analyse
help-opt-force-exclude = Applique aussi include, exclude et les fichiers qui ne sont jamais des profils aux fichiers nommés sur la ligne de commande
# -v : une configuration imbriquée qui n’en étend aucune remplace celle du dessus.
cli-verbose-replaces = { $config } remplace { $parent } (ses packs et réglages ne s’appliquent pas ici) : ajoutez `extend: { $extend }` pour les garder

# `profilecheck completions` et `profilecheck man` (src/cli/completions.rs).
help-completions-about = Affiche le script de complétion d’un shell (bash, zsh, fish, powershell, elvish)
help-completions-opt-shell = Le shell dans lequel compléter
clap-value-shell = SHELL
help-man-about = Affiche la page de manuel (roff ; lisez-la avec `profilecheck man | man -l -`)
# Les titres de section de la page de manuel (en capitales, comme dans toute page de manuel).
man-manual = manuel de profilecheck
man-name = NOM
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-commands = COMMANDES
man-examples = EXEMPLES
man-version = VERSION
man-possible-values = Valeurs possibles :
