# profilecheck serve : la salle d’atelier (messages du serveur et de ses pages).
# Les messages page-… sont envoyés au navigateur d’un seul tenant ; un {$nom}
# qui y reste est rempli par la page.

## Affiché à l’ouverture de la salle

serve-open = profilecheck serve : la salle d’atelier est ouverte.
serve-participants = Participants :
serve-coach = Formateur (gardez cette adresse pour vous) :
serve-stop = Ctrl-C ferme la salle ; rien n’est conservé après sa fermeture, sauf si vous l’exportez depuis la page du formateur.
serve-no-lan-address = Aucune adresse réseau trouvée : seul cet ordinateur peut joindre la salle.
# The name of a download when the profile gives none (a file name: no spaces).
serve-file-stem = profil
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
serve-room-full = La salle est pleine : { $n ->
    [one] { $n } participant a déjà partagé son profil
   *[other] { $n } participants ont déjà partagé leur profil
}.
serve-forbidden = Cette page est réservée au formateur : ouvrez l’adresse affichée au démarrage de la salle.
serve-share-too-large = Le profil partagé est trop volumineux : { $kib } Kio au plus.
serve-no-participant = Ce participant n’est pas (ou plus) dans la salle.
serve-resumed = Reprise de { $file } : { $n ->
    [0] aucun participant
    [one] 1 participant
   *[other] { $n } participants
} de nouveau dans la salle.
serve-resume-unreadable = impossible de lire la salle à reprendre : { $error }
serve-resume-not-file = la salle à reprendre n’est pas un fichier ordinaire
serve-resume-not-export = ce n’est pas un export de salle fait depuis la page du formateur (exportez la salle en JSON depuis cette page, puis donnez ce fichier à --resume)
serve-resume-not-json = ce n’est pas un export de salle fait depuis la page du formateur (pas du JSON, ou tronqué)
serve-resume-too-many = l’export compte plus de participants qu’une salle n’en accueille ({ $n } au plus)
serve-resume-bad-participant = le participant n° { $n } de l’export est abîmé (identifiant, nom ou profil absent ou incorrect)

## La page du participant

page-title = Votre profil Facebook, étape par étape
page-intro = Répondez à ce que vous pouvez sur votre profil Facebook : votre score et vos conseils se mettent à jour pendant que vous tapez. Rien ne sort de cette salle, et rien ne part chez le formateur tant que vous ne cliquez pas sur « Partager avec le formateur ».
page-saved-note = Vos réponses restent enregistrées dans ce navigateur, sur cet appareil, même si vous fermez la page. Elles ne sont envoyées nulle part.
page-start-over = Tout recommencer
page-start-over-confirm = Effacer toutes vos réponses de ce navigateur et repartir d’un formulaire vide ?
page-started-over = Vos réponses ont été effacées.
page-lang-label = Langue
page-file-legend = Votre profil en fichier
page-load = Charger un profil (YAML)
page-loaded = « { $file } » chargé.
page-load-failed = Ce profil ne peut pas être chargé :
page-load-not-yaml = il n’est pas écrit en YAML valide (ligne { $line }).
page-load-unreadable = le navigateur n’a pas pu le lire.
page-kept = Une partie de votre profil n’a pas de question ici : elle est conservée telle quelle et figurera dans le profil que vous téléchargerez.
page-download-yaml = Télécharger mon profil (YAML)
page-download-html = Télécharger ma fiche (HTML)
page-download-md = Télécharger ma fiche (Markdown)
page-yaml-header = Profil rédigé dans la salle d’atelier profilecheck.
page-form-heading = Votre profil
page-results-heading = Votre score et la suite
page-score-label = Score : { $score } sur 100
page-score-none = Pas encore de score : votre profil n’a pas pu être lu.
page-steps-done = Étapes terminées : { $done } sur { $total }
page-step-done = Étape terminée.
page-errors = Votre profil ne peut pas être vérifié :
page-not-yaml = Ce qui a été saisi n’a pas pu être lu (ligne { $line }).
page-findings = Vos conseils, étape par étape
page-no-findings = Toutes les étapes sont terminées. Bravo !
page-fix = Comment faire
page-why = Pourquoi c’est important
page-severity-error = À corriger
page-severity-warning = À améliorer
page-severity-info = Conseil
page-step-about-you = À propos de vous
page-step-privacy = Confidentialité : tout ce que vous publiez peut être retenu contre vous
page-yes = Oui
page-no = Non
page-unanswered = Sans réponse
page-ask-about-work = Vos emplois
page-ask-about-education = Votre formation
page-ask-contact-links = Vos autres profils professionnels
page-add-about-work = Ajouter un emploi
page-add-about-education = Ajouter une formation
page-add-contact-links = Ajouter un lien
page-item-about-work = Emploi { $n }
page-item-about-education = Formation { $n }
page-item-contact-links = Lien { $n }
page-remove-about-work = Retirer l’emploi { $n }
page-remove-about-education = Retirer la formation { $n }
page-remove-contact-links = Retirer le lien { $n }
page-field-below-min = Indiquez zéro ou un nombre positif. D’ici là, cette réponse n’est pas comptée.
page-field-not-whole = Indiquez un nombre entier. D’ici là, cette réponse n’est pas comptée.
page-field-number = Indiquez un nombre. D’ici là, cette réponse n’est pas comptée.
page-field-yes-no = Répondez par oui ou par non. D’ici là, cette réponse n’est pas comptée.
page-field-choice = Choisissez l’une des réponses proposées. D’ici là, cette réponse n’est pas comptée.
page-field-text = Écrivez cette réponse sous forme de texte. D’ici là, elle n’est pas comptée.
page-field-list = Séparez les éléments par des virgules. D’ici là, cette réponse n’est pas comptée.
page-field-other = Cette réponse n’a pas la bonne forme : elle n’est pas comptée.
page-field-elsewhere = Une réponse du profil chargé (ligne { $line }) n’a pas la bonne forme : elle n’est pas comptée.
page-share-legend = Partager avec le formateur
page-share-explain = Rien n’est partagé tant que vous ne cliquez pas sur le bouton. Le formateur verra votre nom, votre score, les étapes terminées, vos conseils, toutes vos réponses à ce formulaire et le moment du partage. Partagez de nouveau après vos modifications : votre ligne sera mise à jour chez le formateur.
page-share-name = Nom affiché pour le formateur
page-share = Partager avec le formateur
page-shared = Partagé avec le formateur (score { $score }).
page-share-failed = Le partage a échoué :
page-share-need-name = Indiquez d’abord un nom.
page-unreachable = Le serveur de la salle ne répond pas. Vos réponses sont toujours là, dans ce navigateur.

## La page du formateur

page-coach-title = Salle d’atelier : la vue du formateur
page-coach-intro = Les participants apparaissent ici quand ils cliquent sur « Partager avec le formateur ». Cette vue se met à jour toute seule. Rien n’est enregistré sur le disque, sauf si vous téléchargez la séance.
page-coach-address = Adresse pour les participants
page-coach-qr = QR code de l’adresse des participants
page-coach-people = Participants
page-coach-name = Nom
page-coach-score = Score
page-coach-steps = Étapes terminées
page-coach-steps-count = { $done } sur { $total }
page-coach-when = Partagé
page-coach-actions = Actions
page-coach-details = Conseils et réponses
page-coach-remove = Retirer
page-coach-remove-label = Retirer { $name } de la salle
page-coach-remove-confirm = Retirer { $name } de la salle ? Sa ligne, son score et ses réponses disparaîtront de cette vue.
page-coach-advice = Conseils
page-coach-answers = Réponses
page-coach-no-answers = Aucune réponse pour l’instant.
page-coach-nobody = Personne n’a encore partagé son profil.
page-coach-average = Score moyen : { $score } sur 100
page-coach-missed = À enseigner ensuite : ce que la salle manque le plus, étape par étape
serve-coach-missed-count = à revoir pour { $n ->
    [one] { $n } participant
   *[other] { $n } participants
} sur { $of }
page-coach-nothing-missed = Rien de manqué pour l’instant.
page-coach-projector = Vue projecteur
page-coach-projector-exit = Revenir à la vue complète
page-coach-teach-next = À enseigner ensuite
page-coach-export = Télécharger la séance
page-coach-export-html = Fiches (HTML)
page-coach-export-md = Fiches (Markdown)
page-coach-export-json = La séance (JSON, pour la reprendre la prochaine fois)
page-coach-invalid = profil illisible
