# Problèmes dans les fichiers lus (profils, packs, configuration). Chacun
# s’affiche `FICHIER:LIGNE:COL: error: MESSAGE` : le mot-clé reste en anglais
# (pour les outils qui le cherchent), le message est ici.

level-error = erreur
level-warning = avertissement

diag-syntax = YAML invalide : { $detail } (message de l’analyseur, en anglais). Vérifiez cette ligne et celle du dessus : l’indentation (des espaces seulement), un deux-points dans un texte (mettez le texte entre guillemets), un guillemet ou un crochet resté ouvert
# Les deux erreurs les plus courantes, formulées par nous (src/profile/yaml.rs, common_slip).
diag-yaml-tab = YAML invalide : cette ligne est indentée avec une tabulation ; n’utilisez que des espaces (deux par niveau)
diag-yaml-colon-in-text = YAML invalide : ce texte contient un deux-points suivi d’une espace, que YAML prend pour une nouvelle clé ; mettez tout le texte entre guillemets droits, par exemple bio: "Consultante : e-réputation"
diag-too-large = fichier trop volumineux ({ $size ->
    [one] { $size } octet
   *[other] { $size } octets
} ; la limite est de { $limit ->
    [one] { $limit } octet
   *[other] { $limit } octets
})
diag-not-utf8 = le fichier n’est pas en UTF-8 (octet { $byte } à la position { $offset }) ; enregistrez-le en UTF-8
diag-too-deep = imbrication trop profonde (plus de { $n } niveaux)
diag-too-complex = document trop gros ou trop complexe ({ $budget ->
        [nodes] plus de { $n } valeurs
        [aliases] plus de { $n } ancres ou alias YAML comme `&a` et `*a`
        [anchors] plus de { $n } ancres ou alias YAML comme `&a` et `*a`
        [scalarbytes] plus de 1 Mio de texte
        [totalscalarbytes] plus de 1 Mio de texte
       *[other] { $budget }
    })
diag-multiple-documents = plus d’un document YAML (`---`) : mettez un seul profil par fichier
diag-duplicate-key = clé `{ $key }` en double : gardez-en une seule
diag-complex-key = une clé doit être un simple texte
diag-found = { $found ->
        [null] rien
        [list] une liste
        [mapping] un dictionnaire
        [integer] un nombre entier
        [number] un nombre
        [boolean] une réponse true ou false
        [string] du texte
       *[other] { $found }
    }
diag-profile-not-mapping = un profil doit être un dictionnaire de clés et de valeurs, pas { diag-found }
diag-unknown-key = clé inconnue `{ $key }`
diag-unknown-key-did-you-mean = clé inconnue `{ $key }` ; vouliez-vous dire `{ $suggestion }` ?
diag-unknown-key-allowed = clé inconnue `{ $key }` ; clés possibles : { $allowed }
diag-expected-bool = `{ $found }` n’est pas accepté pour une réponse oui/non : écrivez exactement true (oui) ou false (non)
diag-kind = { $expected ->
        [bool] true ou false
        [int] un nombre entier
        [number] un nombre
        [str] du texte
        [enum] l’une des valeurs permises
        [list] une liste
        [map] un dictionnaire (clés et valeurs)
       *[free] n’importe quoi
    }
diag-wrong-type = attendu : { diag-kind } ; trouvé : { $found }
diag-bad-enum = valeur inconnue `{ $value }` ; valeurs possibles : { $allowed }
diag-negative = `{ $key }` ne peut pas être négatif : écrivez 0 ou plus
diag-version = version `{ $found }` inconnue : seule la version 1 existe
diag-unknown-waiver = règle inconnue dans `waivers` : `{ $rule }`
diag-unknown-waiver-did-you-mean = règle inconnue dans `waivers` : `{ $rule }` ; vouliez-vous dire `{ $suggestion }` ?

diag-wrong-type-composite = attendu : { diag-kind } ; trouvé : { diag-found }
diag-expected-text = attendu : du texte ; trouvé : { $found } ; mettez-le entre guillemets si c’est du texte
diag-empty-list-item = `{ $path }` est un élément de liste vide : remplissez-le ou supprimez sa ligne `-`
diag-quoted-bool = « { $value } » entre guillemets est du texte, pas une réponse oui/non : écrivez { $value } sans guillemets
diag-version-quoted = écrivez la version comme un nombre, sans guillemets : `version: 1`
diag-not-whole = attendu : un nombre entier ; trouvé : { $found }
diag-waiver-reason = une dérogation demande sa raison en texte : `id-de-regle: "pourquoi cette règle est écartée"`
diag-not-mapping = `{ $path }` doit être un dictionnaire de clés et de valeurs, pas { diag-found }
diag-not-list = `{ $path }` doit être une liste (`[a, b]` ou des lignes commençant par `- `), pas { diag-found }

io-not-found = fichier ou dossier introuvable
io-permission = permission refusée : le fichier ne peut pas être lu
io-other = lecture impossible : { $detail }
io-not-regular = ce n’est pas un fichier ordinaire (périphérique, tube ou socket) : indiquez un fichier YAML
io-directory = c’est un dossier

diag-yaml-key-twice = YAML invalide : une clé apparaît deux fois dans le même dictionnaire
diag-yaml-binary = YAML invalide : une valeur `!!binary` qui n’est pas du texte UTF-8 ; écrivez la valeur en texte simple
diag-yaml-non-finite = YAML invalide : les valeurs infinies ou non numériques (`.inf`, `.nan`) ne sont pas permises ; écrivez un nombre
diag-yaml-bad-bool = YAML invalide : ce n’est pas une réponse oui/non ; écrivez true (oui) ou false (non)
io-path-too-long = le chemin dépasse la longueur permise par le système (PATH_MAX) : déplacez le fichier dans un dossier moins profond pour le vérifier
io-permission-folder = permission refusée : ce dossier ne peut pas être parcouru, ses profils n’ont pas été vérifiés
diag-hashtag-comment = `{ $tag }` est lu comme un commentaire, pas comme une valeur : en YAML, `#` commence un commentaire ; écrivez « "{ $tag }" » entre guillemets
diag-bad-enum-did-you-mean = valeur inconnue `{ $value }` ; vouliez-vous dire `{ $suggestion }` ?
