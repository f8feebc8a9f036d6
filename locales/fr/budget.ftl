# Le budget des packs de règles (README, « Rule pack budget ») : un pack qui le
# dépasse est refusé, à l’endroit de la règle ou de la valeur en cause.

budget-patterns = avec cette règle, les packs dépassent leur budget : leurs expressions régulières peuvent occuper { $mib } Mio une fois compilées ; répartissez les règles dans de plus petits packs lancés séparément
budget-items = avec cette règle, les packs dépassent leur budget : vérifier un profil peut coûter { $max ->
    [one] { $max } vérification
   *[other] { $max } vérifications
} d’éléments (chaque condition sous `each` ou `some` compte une fois par élément de liste, jusqu’à { $items }) ; répartissez les règles dans de plus petits packs lancés séparément
budget-findings = avec cette règle, les packs dépassent leur budget : un profil peut recevoir { $max ->
    [one] { $max } constat
   *[other] { $max } constats
} (une règle vérifiée avec `each` en compte { $items }) ; répartissez les règles dans de plus petits packs lancés séparément
budget-message = ce message est trop grand pour un pack de règles ({ $chars ->
    [one] { $chars } caractère
   *[other] { $chars } caractères
} et { $names ->
    [one] { $names } champ
   *[other] { $names } champs
} ; au plus { $max_chars ->
    [one] { $max_chars } caractère
   *[other] { $max_chars } caractères
} et { $max_names ->
    [one] { $max_names } champ
   *[other] { $max_names } champs
})
budget-title = ce titre compte { $chars ->
    [one] { $chars } caractère
   *[other] { $chars } caractères
} ; le titre d’une règle en compte au plus { $max }

# Les mots propres de l’analyseur YAML (types Rust, rouages internes), reformulés.
diag-yaml-self-alias = YAML invalide : un alias renvoie à l’ancre qui le contient (comme dans `a: &x [*x]`) : une valeur ne peut pas se contenir elle-même
diag-yaml-unknown-alias = YAML invalide : un alias `*NOM` ne renvoie à aucune ancre `&NOM` écrite avant lui
diag-yaml-bad-int = YAML invalide : une valeur marquée `!!int` n’est pas un nombre entier
diag-yaml-bad-float = YAML invalide : une valeur marquée `!!float` n’est pas un nombre
diag-yaml-internal = YAML invalide : le fichier n’a pas pu être lu comme du YAML
