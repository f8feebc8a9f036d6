# profilecheck serve : la salle d’atelier (messages du serveur et de ses pages).
# Les messages page-… sont envoyés au navigateur d’un seul tenant ; un {$nom}
# qui y reste est rempli par la page.

## Affiché à l’ouverture de la salle

serve-open = profilecheck serve : la salle d’atelier est ouverte.
serve-participants = Participants :
serve-coach = Formateur (gardez cette adresse pour vous) :
serve-stop = Ctrl-C ferme la salle ; rien n’est conservé après sa fermeture.
serve-no-lan-address = Aucune adresse réseau trouvée : seul cet ordinateur peut joindre la salle.
serve-step-title = Étape { $n } · { $title }

## Réponses du serveur

serve-wrong-host = Cette salle ne répond qu’à ses adresses IP ou à localhost.
serve-not-found = Il n’y a rien ici. La salle est à /.
serve-bad-lang = Langue inconnue `{ $lang }` : utilisez en ou fr.
serve-media-type = Envoyez le profil en YAML (Content-Type : application/yaml ou text/plain), pas en { $ctype }.
serve-too-large = Le profil est trop volumineux : { $mib } Mio au plus.
serve-body-incomplete = La requête s’est arrêtée avant sa fin.
serve-bad-format = Format inconnu : utilisez html, markdown ou json.
serve-share-bad = Envoyez {"{"} "name": …, "yaml": … {"}"} en JSON.
serve-share-no-name = Indiquez un nom que le formateur verra.
serve-room-full = La salle est pleine : { $n } participants ont déjà partagé.
serve-forbidden = Cette page est réservée au formateur : ouvrez l’adresse affichée au démarrage de la salle.

## La page du participant

page-title = Votre profil Facebook, étape par étape
page-intro = Répondez à ce que vous pouvez sur votre profil Facebook. Le score et les conseils se mettent à jour pendant que vous tapez. Rien ne sort de cette salle, et rien n’est partagé tant que vous n’appuyez pas sur « Partager avec le formateur ».
page-lang-label = Langue
page-file-legend = Votre fichier de profil
page-load = Charger un profil (YAML)
page-loaded = { $file } chargé.
page-load-failed = Ce fichier ne peut pas être chargé :
page-download-yaml = Télécharger le profil (YAML)
page-download-html = Télécharger la fiche (HTML)
page-download-md = Télécharger la fiche (Markdown)
page-form-heading = Votre profil
page-results-heading = Votre score et la suite
page-score-label = Score : { $score } sur 100
page-score-none = Pas de score : le profil contient des erreurs à corriger d’abord.
page-score-waiting = Vérification…
page-summary = { $done } étapes faites sur { $total }.
page-errors = Le profil ne peut pas être vérifié :
page-warnings = Avertissements :
page-findings = Ce qu’il reste à faire
page-no-findings = Toutes les étapes sont faites. Bravo !
page-fix = Comment corriger
page-why = Pourquoi c’est important
page-severity-error = À corriger
page-severity-warning = À améliorer
page-severity-info = Conseil
page-step-about-you = À propos de vous
page-step-privacy = Confidentialité : tout ce que vous publiez peut être retenu contre vous
page-yes = Oui
page-no = Non
page-unanswered = Sans réponse
page-list-hint = Séparez les éléments par des virgules.
page-add = Ajouter
page-remove = Retirer
page-item = N° { $n }
page-choose = Choisissez…
page-share-legend = Partager avec le formateur
page-share-explain = Rien n’est partagé tant que vous n’appuyez pas sur le bouton. Le formateur voit votre nom, votre score et vos réponses.
page-share-name = Nom affiché pour le formateur
page-share = Partager avec le formateur
page-shared = Partagé avec le formateur (score { $score }). Appuyez de nouveau après vos modifications pour le mettre à jour.
page-share-failed = Le partage a échoué :
page-share-need-name = Indiquez d’abord un nom.
page-unreachable = Le serveur de la salle ne répond pas. Vos réponses sont toujours sur cette page.
page-kept = Repris de votre fichier (absent du formulaire) :

## La page du formateur

page-coach-title = La salle d’atelier : vue du formateur
page-coach-intro = Les participants apparaissent ici quand ils appuient sur « Partager avec le formateur ». Cette vue se met à jour toutes les quelques secondes ; rien n’est conservé après la fermeture de la salle.
page-coach-people = Qui a partagé
page-coach-name = Nom
page-coach-score = Score
page-coach-todo = Étapes à faire
page-coach-nobody = Personne n’a encore partagé.
page-coach-average = Score moyen : { $score } sur 100
page-coach-missed = À enseigner ensuite : les étapes les plus manquées
page-coach-missed-count = manquée par { $n } sur { $of }
page-coach-rule = Étape
page-coach-count = Manquée par
page-coach-export = Exporter la salle
page-coach-export-html = Fiches (HTML)
page-coach-export-md = Fiches (Markdown)
page-coach-export-json = Statistiques (JSON)
page-coach-invalid = fichier invalide
