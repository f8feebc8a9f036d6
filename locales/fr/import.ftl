# Messages de `profilecheck import` : lecture d’un export de données Facebook.

## Erreurs (après « EMPLACEMENT: error: »)

import-error-unreadable = lecture impossible : { $reason }
import-error-not-export = ce n’est pas un export de données Facebook : indiquez le ou les fichiers .zip de « Télécharger vos informations », ou le dossier où ils ont été décompressés (ni profile_information.json ni fichier your_posts n’y figurent)
import-error-html = cet export est au format HTML, et profilecheck lit le format JSON. Demandez-le à nouveau : Espace Comptes > Vos informations et autorisations > Télécharger vos informations > Format : JSON
import-error-corrupt-zip = fichier zip endommagé ({ $reason }) ; téléchargez à nouveau cette partie de l’export
import-error-bomb = un fichier de cette archive dépasse { $mib } Mio une fois décompressé, bien plus que tout fichier d’export que lit profilecheck ; l’archive est refusée (une bombe zip ?)
import-error-unsafe-name = l’archive contient un nom de fichier qui pointe hors de son dossier ({ $name }) ; un véritable export Facebook n’en a pas, elle est donc refusée
import-error-json = ce n’est pas le JSON d’un export Facebook : { $reason }
import-error-date = --as-of attend une date écrite AAAA-MM-JJ, par exemple 2026-06-30, et non « { $value } »

## Ce qui a été lu, sur la sortie d’erreur

import-read-profile = lu : { $file } (informations du profil)
import-read-posts = lu : { $file } ({ $records ->
    [one] { $records } publication
   *[other] { $records } publications
})
import-read-summary = { $listed ->
    [one] { $listed } fichier listé
   *[other] { $listed } fichiers listés
}, { $opened ->
    [one] { $opened } ouvert
   *[other] { $opened } ouverts
} (jamais ceux des messages, photos et vidéos) ; { $posts ->
    [one] { $posts } publication
   *[other] { $posts } publications
} du { DATE($from) } au { DATE($to) }, doublons retirés ; { $derived ->
    [one] { $derived } champ rempli
   *[other] { $derived } champs remplis
}, les autres restent des questions à poser
import-no-profile = aucune information de profil (profile_information.json) dans ce qui a été fourni ; si l’export est en plusieurs parties, indiquez-les toutes
import-extra-profile = remarque : { $n ->
    [one] une autre copie de profile_information.json, dans une autre partie, n’a pas servi
   *[other] { $n } autres copies de profile_information.json, dans d’autres parties, n’ont pas servi
}
# The file name the header suggests when the profile goes to stdout.
import-default-file = profil.yaml
import-wrote = { $file } écrit ; répondez aux questions restantes avec : profilecheck init --interactive --from { $file } -o { $file }

## Commentaires du profil écrit

# Un nom de fichier, et combien d’autres, comme dans « your_posts_1.json et 2 autres fichiers ».
import-files = { $others ->
    [0] { $first }
    [one] { $first } et 1 autre fichier
   *[other] { $first } et { $others } autres fichiers
}
import-note-keys = D’après l’export : { $file } ({ $keys }).
import-note-per-month = D’après l’export : { $file }. { $posts ->
    [one] { $posts } publication
   *[other] { $posts } publications
} du { DATE($from) } au { DATE($to) } (183 jours) ; ce total divisé par 6 donne le nombre par mois.
import-note-hashtags = D’après l’export : hashtags { $posts ->
    [one] de la publication
   *[other] des { $posts } publications
} des 183 derniers jours dans { $file }, les plus utilisés d’abord.
import-note-links = D’après l’export : les publications des 183 derniers jours dans { $file } renvoient-elles à l’un de vos sites (votre blog) ou à d’autres sites (veille) ?
import-header-title = Profil importé de votre export de données Facebook par profilecheck import (version 1 du format). Rien n’a été envoyé nulle part.
import-header-derived = Les champs qui ont une valeur viennent de l’export : le commentaire au-dessus de chacun nomme son fichier. Vérifiez-les : l’export dit ce que contient le compte, pas qui peut le voir.
import-header-questions = Chaque autre champ est une question à laquelle l’export ne répond pas (photos, réglages, audiences). Écrivez chaque réponse après les deux-points, ou laissez profilecheck poser seulement ces questions :
import-header-check = Puis vérifiez le profil avec :

## init --interactive --from FICHIER

import-interview-kept = { $n ->
    [one] { $n } réponse reprise
   *[other] { $n } réponses reprises
} du fichier ; seules les questions restées ouvertes sont posées.

## --help (identifiants construits par src/cli/help.rs)

help-import-about = Écrit un profil à partir de votre export de données Facebook (JSON), avec des questions pour le reste
help-import-opt-exports = L’export : son ou ses fichiers .zip (toutes les parties d’un export découpé), ou le dossier décompressé
help-import-opt-output = Écrit le profil dans FICHIER au lieu de la sortie standard
help-import-opt-as-of = Compte les publications des 183 jours avant cette date (AAAA-MM-JJ ; par défaut : aujourd’hui)
help-import-opt-force = Remplace FICHIER s’il existe
help-init-opt-from = Avec --interactive : part de ce profil (par ex. écrit par `import`) et ne demande que ce qui reste
clap-value-export = EXPORT
clap-value-date = DATE

## contact.email : l’adresse de connexion, une indication seulement

import-note-login-email = L’export donne { $email } comme adresse e-mail de connexion du compte ({ $file }, emails.emails). Une adresse de connexion n’apparaît pas forcément sur votre profil : ne reportez celle-ci dans contact.email que si elle y est affichée.

## Un FIFO, une socket ou un périphérique donné comme export (après « WHERE: error: »)

import-error-not-regular = ce n’est pas un fichier ordinaire (un tube, une socket ou un périphérique) : donnez le ou les fichiers .zip de l’export, ou le dossier où ils sont décompressés
