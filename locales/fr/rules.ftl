pack-empty = `{ $what }` est vide
pack-not-language-code-en = `{ $key }` n’est pas un code de langue comme `en` ou `fr`
pack-text = `{ $what }.{ $key }` doit être un texte
pack-text-mapping-language-text = `{ $what }` doit être un texte, ou un dictionnaire langue → texte (`{"{"}en: ..., fr: ...{"}"}`)
pack-each-item-text = chaque élément de `{ $what }` doit être un texte
pack-list-texts = `{ $what }` doit être une liste de textes
pack-examples-mapping-with-pass = `examples` doit être un dictionnaire avec des listes `pass` et `fail`
pack-examples-list-profiles-written = `examples.{ $key }` doit être une liste de profils écrits en YAML
pack-example-profile-written-yaml = un exemple est un profil écrit en YAML (une chaîne)
pack-rule-mapping-with-id = une règle doit être un dictionnaire avec `id`, `severity`, `title`, `check`…
pack-rule-has-no = cette règle n’a pas de `{ $key }`
pack-rule-id-kebab-case = un identifiant de règle s’écrit en minuscules avec des tirets, comme `photo-set`
pack-step-guide-step-number = `step` doit être un numéro d’étape du guide (1, 2, …)
pack-rule-pack-mapping-with = un pack de règles doit être un dictionnaire avec `pack` et `rules`
pack-pack-kebab-case-name = `pack` doit être un nom en minuscules avec des tirets, comme `service-client`
pack-pack-has-no-pack = ce pack n’a pas de nom (`pack`)
pack-steps-map-step-numbers = `steps` doit associer des numéros d’étape à des titres
pack-step-number-1-more = un numéro d’étape doit valoir 1 ou plus
pack-duplicate-rule-id-first = identifiant de règle `{ $id }` en double (déjà défini ligne { $line })
pack-rules-list-rules = `rules` doit être une liste de règles
pack-pack-has-no-rules = ce pack n’a pas de liste `rules`

cond-message-text-mapping-language = `message` doit être un texte, ou un dictionnaire langue → texte
cond-condition-needs-exactly-one = une condition demande exactement une des clés `path`, `all`, `any`, `not`, `each`, `some`
cond-cannot-used-with-condition = `{ $key }` ne peut pas accompagner `{ $forms }` dans une condition
cond-takes-list-conditions = `{ $key }` attend une liste de conditions
cond-needs-at-least-one = `{ $key }` demande au moins une condition
cond-needs-list-but = `{ $key }` demande une liste, mais `{ $path }` est { diag-kind }
cond-needs-check = `{ $key }` demande une clé `check`
cond-path-text-about-bio = un chemin doit être un texte comme `about.bio`
cond-malformed-path = chemin mal formé `{ $s }`
cond-path-condition-needs-exactly = une condition `path` demande exactement un test ({ $operators }), trouvé : { $count }
cond-takes-whole-number-0 = `{ $op }` attend un nombre entier positif ou nul
cond-present-takes-true-false = `present` attend true ou false
cond-equals-takes-single-value = `equals` attend une seule valeur (texte, nombre ou true/false)
cond-takes-list-values = `{ $op }` attend une liste de valeurs
cond-takes-plain-values = `{ $op }` attend des valeurs simples
cond-takes-regular-expression-text = `{ $op }` attend une expression régulière (texte)
cond-takes-number = `{ $op }` attend un nombre

engine-pack-name-already-used = le nom de pack `{ $pack_name }` est déjà pris par { $first }
engine-duplicate-rule-id-already = identifiant de règle `{ $id }` en double : déjà défini dans { $first }

cond-not-mapping = une condition doit être un dictionnaire comme `{"{"}path: photo.set, equals: true{"}"}`
cond-unknown-path = `{ $path }` n’est pas un chemin du format de profil
cond-unknown-path-did-you-mean = `{ $path }` n’est pas un chemin du format de profil ; vouliez-vous dire `{ $suggestion }` ?
cond-unknown-path-in-list = `{ $path }` n’est pas un chemin du format de profil : `{ $prefix }` est une liste ; vérifiez ses éléments avec `each` ou `some`
cond-unknown-path-below-leaf = `{ $path }` n’est pas un chemin du format de profil (`{ $prefix }` n’a pas de clés en dessous)
cond-value-not-allowed = `{ $value }` n’est pas une valeur possible pour ce champ (valeurs possibles : { $allowed })
cond-can-never-equal = ce champ contient { diag-kind }, il ne peut donc jamais valoir `{ $value }`
cond-operator-applies-to = `{ $op }` s’applique { $applies ->
        [single] à une valeur simple
        [text] à du texte
        [numbers] à des nombres
       *[lists] à des listes
    }, mais `{ $path }` contient { diag-kind }
cond-bad-regex = expression régulière invalide : { $problem ->
        [group-unclosed] une parenthèse `(` n’est jamais fermée
        [group-unopened] une parenthèse `)` ne ferme rien
        [class-unclosed] un crochet `[` n’est jamais fermé
        [class-range] un intervalle comme `[z-a]` est à l’envers ou n’en est pas un
        [repetition-missing] `*`, `+`, `?` ou `{"{"}…{"}"}` ne suit rien à répéter
        [repetition-count] un nombre de répétitions comme `{"{"}2,5{"}"}` est mal écrit
        [escape] une barre oblique inverse `\` commence un échappement inconnu ou incomplet
        [unsupported] elle utilise des assertions avant/arrière ou des références arrière, non prises en charge
        [too-deep] elle est trop imbriquée
        [too-big] elle est trop grosse une fois compilée
       *[other] elle est mal formée
    }{ $at ->
        [0] {""}
       *[other] {" "}(au caractère { $at })
    }

cond-list-separator = {"\u00A0; "}
cond-all = toutes ces conditions sont remplies : { $list }
cond-any = au moins une de ces conditions est remplie : { $list }
cond-not = il est faux que { $cond }
cond-each = chaque élément de `{ $path }` remplit cette condition : { $check }
cond-each-where = chaque élément de `{ $path }` tel que { $when } remplit cette condition : { $check }
cond-some = au moins un élément de `{ $path }` remplit cette condition : { $check }
cond-the-item = l’élément
test-present = { $subject } est renseigné
test-absent = { $subject } est vide ou absent
test-equals = { $subject } vaut { $value }
test-not-equals = { $subject } ne vaut pas { $value }
test-one-of = { $subject } vaut l’une de ces valeurs : { $values }
test-none-of = { $subject } ne vaut aucune de ces valeurs : { $values }
test-matches = { $subject } correspond au motif /{ $pattern }/
test-not-matches = { $subject } ne correspond pas au motif /{ $pattern }/
test-min = { $subject } vaut au moins { $n }
test-max = { $subject } vaut au plus { $n }
test-min-chars = { $subject } compte au moins { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    }
test-max-chars = { $subject } compte au plus { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    }
test-min-items = { $subject } contient au moins { $n ->
        [one] { $n } élément
       *[other] { $n } éléments
    }
test-max-items = { $subject } contient au plus { $n ->
        [one] { $n } élément
       *[other] { $n } éléments
    }
test-max-repeated = { $subject } ne répète aucun caractère plus de { $n ->
        [one] une fois
       *[other] { $n } fois
    } de suite

cond-failure-field = { $field } — attendu : { $expected } ; dans votre profil : { $found }
cond-failure = { $path } : attendu : { $expected } ; dans votre profil : { $found }
cond-failure-empty = `{ $path }` est vide ou absent
cond-failure-general = attendu : { $expected }
expect-present = une valeur
expect-absent = rien
expect-one-of = l’une de ces valeurs : { $values }
expect-none-of = autre chose que { $values }
expect-matches = un texte correspondant au motif /{ $pattern }/
expect-not-matches = un texte ne correspondant pas au motif /{ $pattern }/
expect-min = au moins { $n }
expect-max = au plus { $n }
expect-min-chars = au moins { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    }
expect-max-chars = au plus { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    }
expect-min-items = au moins { $n ->
        [one] { $n } élément
       *[other] { $n } éléments
    }
expect-max-items = au plus { $n ->
        [one] { $n } élément
       *[other] { $n } éléments
    }
expect-max-repeated = aucun caractère répété plus de { $n ->
        [one] une fois
       *[other] { $n } fois
    } de suite
found-missing = rien pour l’instant
found-chars = { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    }
found-repeated = un caractère répété { $n ->
        [one] une fois
       *[other] { $n } fois
    }
found-items = { $n ->
        [one] { $n } élément
       *[other] { $n } éléments
    }
found-mapping = un dictionnaire
finding-not-a-list = `{ $path }` n’est pas une liste

found-empty = un texte vide
