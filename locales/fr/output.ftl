# Écriture des rapports (-o, --report, --output-dir) : ce qui peut mal se
# passer avec le fichier où un rapport est écrit.

# `-o rapports/` : le nom d’un dossier là où un nom de fichier était attendu.
output-is-folder-name = se termine par `/` et désigne donc un dossier : indiquez un nom de fichier comme `rapport.json`
output-is-folder = est un dossier : indiquez un nom de fichier comme `rapport.json`

# Un rapport visant un fichier que l’exécution lit. { $file } est le chemin tel qu’indiqué.
output-is-pack = profilecheck : erreur : { $file } est un pack de règles utilisé ; écrivez le rapport ailleurs
output-is-config = profilecheck : erreur : { $file } est la configuration utilisée ; écrivez le rapport ailleurs
output-two-on-stdout = profilecheck : erreur : deux rapports seraient écrits sur la sortie standard ; envoyez-en un dans un fichier avec --report FORMAT=FICHIER

# `profilecheck - <&-` : l’entrée standard a été fermée, elle n’est pas vide.
stdin-closed = l’entrée standard est fermée : envoyez-y un profil (`profilecheck - < profil.yaml`) ou indiquez un fichier

# `init --interactive < /dev/zero` : une ligne de réponse dépasse la limite.
interview-answer-too-long = une réponse est trop longue ({ $max ->
    [one] plus d’un octet
   *[other] plus de { $max } octets
} sur une ligne) ; l’entretien s’arrête
