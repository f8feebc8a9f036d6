template-header =
    Profil profilecheck (version 1 du format)
    Décrivez ici votre profil Facebook, puis vérifiez-le au regard des sept
    étapes du guide de marque personnelle :
        profilecheck profil.yaml

    Comment le remplir
      - Écrivez chaque réponse après les deux-points et une espace :   city: Rennes
      - Les noms de clés, à gauche des deux-points, restent en anglais.
      - Laissez une valeur vide (city:) si vous ne la connaissez pas ou si ce
        n’est pas encore fait : elle compte comme « à faire », et le
        rapport explique comment s’y prendre.
      - Les réglages oui/non s’écrivent exactement true (oui) ou false (non),
        jamais yes, no, oui ou non.
      - Mettez le texte entre guillemets droits ("…") s’il contient un
        deux-points suivi d’une espace, ou un # précédé d’une espace, ou s’il
        commence par un guillemet, un tiret, un crochet ou un autre signe.
      - Gardez l’indentation : deux espaces par niveau, jamais de tabulation.
      - Les lignes qui commencent par # sont des commentaires. Pour utiliser un
        exemple, retirez au début de ses lignes le « # » et l’espace qui
        le suit.
    Vous préférez répondre à des questions ?
        profilecheck init --interactive --lang fr -o profil.yaml

    Complétion et vérification pendant la saisie (extension YAML de VS Code, ou
    tout éditeur qui utilise yaml-language-server) : enregistrez le schéma à
    côté de ce fichier avec
        profilecheck schema --lang fr > profile.schema.json
    La première ligne de ce fichier indique ce schéma à l’éditeur.
template-example = Exemple :
template-list-of-items = Une liste : recopiez l’exemple en commentaire ci-dessous pour chaque élément, et retirez au début de ses lignes le « # » et l’espace qui le suit.
template-list-of-values = Un élément par ligne, commençant par un tiret et une espace. Exemple :
template-waivers = Dérogations : une règle que vous écartez volontairement. Une ligne par règle, `id-de-regle: "raison"` ; la règle ne compte alors ni pour ni contre le score, et les rapports affichent votre raison. Les identifiants des règles : profilecheck rules
template-waiver-example = Garde un profil personnel ; passe par une Page pour l’activité pro
template-extra = Extra : données libres (clés et valeurs au choix) pour vos propres packs de règles (--rules) ; profilecheck ne les vérifie jamais. Exemple :
template-extra-example = Avis personnels

allowed-bool = true ou false
allowed-int = un nombre entier{ $min }
allowed-number = un nombre{ $min } (décimales avec un point : 2.5)
allowed-text = du texte
allowed-enum = au choix : { $values }
allowed-list-texts = une liste de textes
allowed-list-values = une liste de valeurs

# `init --interactive` : une question par clé du format (ask- et son chemin).
ask-name = Votre nom, tel que le rapport doit l’afficher ?
ask-photo-set = Avez-vous mis en ligne une photo de profil ?
ask-photo-kind = Que montre votre photo de profil ?
ask-photo-cover = Avez-vous une photo de couverture (la grande image en haut de votre profil) ?
ask-about-bio = Votre bio, la courte présentation sous votre nom (101 caractères au plus d’après les guides) ?
ask-about-work = Vos emplois, un par un (appuyez sur Entrée sans rien écrire quand vous avez fini).
ask-about-work-position = Intitulé du poste ?
ask-about-work-employer = Employeur ou organisation ?
ask-about-work-current = Est-ce votre poste actuel ?
ask-about-education = Votre formation, une école à la fois (appuyez sur Entrée sans rien écrire quand vous avez fini).
ask-about-education-school = École ou université ?
ask-about-education-degree = Diplôme ?
ask-about-city = La ville où vous habitez, telle qu’affichée sur votre profil ?
ask-contact-email = L’adresse e-mail de contact affichée sur votre profil ?
ask-contact-website = L’adresse de votre site web (https://…) ?
ask-contact-links = Liens vers vos autres profils professionnels, un par un : d’abord le réseau, puis l’adresse (appuyez sur Entrée au lieu du réseau quand vous avez fini).
ask-contact-links-network = Réseau ?
ask-contact-links-url = Adresse complète de ce profil (https://…) ?
ask-network-professional-contacts = Environ combien de contacts professionnels comptez-vous parmi vos amis et followers ?
ask-keywords = Vos hashtags ou mots-clés, séparés par des virgules (par exemple #ereputation, #formation) ?
ask-publishing-posts-per-month = Combien de publications faites-vous par mois, en moyenne ?
ask-publishing-editorial-line = Votre ligne éditoriale, en une phrase ?
ask-publishing-topics = Vos sujets d’expertise, séparés par des virgules ?
ask-publishing-shares-blog-posts = Relayez-vous les articles de votre propre blog ?
ask-publishing-shares-curation = Faites-vous une veille sur votre domaine, dont vous partagez le meilleur ?
ask-publishing-writes-articles = Rédigez-vous des publications de fond ?
ask-privacy-viewed-as-public = Avez-vous regardé votre profil tel que le public le voit (« Voir en tant que ») ?
ask-alternate-name-name = L’autre nom affiché à côté du vôtre (dans la partie des autres noms de Facebook), par exemple votre métier ?
ask-alternate-name-type = Quel type de nom avez-vous choisi pour lui dans Facebook ?
ask-alternate-name-show-on-profile = La case qui affiche cet autre nom en haut du profil est-elle cochée ?
ask-followers-who-can-follow = Qui peut vous suivre ?
ask-followers-professional-mode = Le mode professionnel est-il activé ?
ask-publishing-default-audience = Qui voit vos publications par défaut ?
ask-tagging-tagged-posts-audience = Qui voit, sur votre profil, les publications où vous êtes identifié(e) ?
ask-tagging-review-tagged-posts = Examinez-vous les publications où l’on vous identifie avant qu’elles n’apparaissent sur votre profil ?
ask-tagging-review-tags = Examinez-vous les identifications que d’autres ajoutent à vos propres publications ?
ask-privacy-search-engines = Autorisez-vous les moteurs de recherche hors de Facebook à renvoyer vers votre profil ?
ask-privacy-birthday-audience = Qui voit votre date de naissance ?
ask-privacy-phone-audience = Qui voit votre numéro de téléphone ?
ask-privacy-email-audience = Qui voit votre adresse e-mail ?
ask-privacy-relationship-audience = Qui voit votre situation amoureuse ?
ask-privacy-family-audience = Qui voit les membres de votre famille ?

interview-intro =
    Répondez à chaque question puis appuyez sur Entrée.
    Appuyez sur Entrée sans rien écrire pour passer une question : elle comptera comme « à faire »,
    et le rapport expliquera comment s’y prendre.
    Ctrl-D (Ctrl-Z puis Entrée sous Windows) arrête l’entretien : vos réponses sont conservées.
interview-about-you = À propos de vous
interview-privacy = Confidentialité : tout ce que vous publiez en ligne peut un jour être utilisé contre vous
interview-item-number = n° { $n }
interview-choice-or-done = Votre choix (numéro), Entrée quand vous avez fini :
interview-enter-when-done = Entrée quand vous avez fini
interview-choice-or-skip = Votre choix (numéro), Entrée pour passer :
interview-hint = { $kind ->
        [bool] o/n, Entrée pour passer
        [int] un nombre entier, Entrée pour passer
        [number] un nombre, Entrée pour passer
       *[other] Entrée pour passer
    }
interview-skipped = Question passée.
interview-want-bool = Répondez o (oui) ou n (non), ou appuyez sur Entrée pour passer.
interview-want-int-min = Tapez un nombre entier, { $min } ou plus (par exemple 42).
interview-want-int = Tapez un nombre entier.
interview-want-number-min = Tapez un nombre, { $min } ou plus (par exemple 8 ou 2,5).
interview-want-number = Tapez un nombre.
interview-want-choice = Tapez un numéro de 1 à { $n }.
interview-want-list = Tapez un ou plusieurs éléments séparés par des virgules.
interview-recorded = { $n ->
        [one] { $n } réponse enregistrée.
       *[other] { $n } réponses enregistrées.
    } Les questions sans réponse comptent comme « à faire ».
interview-file-header =
    Profil écrit par `profilecheck init --interactive` (version 1 du format).
    Vérifiez-le avec :   profilecheck suivi du nom de ce fichier
    Les questions restées sans réponse ne figurent pas ici :
    elles comptent comme « à faire ».
    `profilecheck init` affiche un modèle qui explique chaque champ.

## Un profil écrit avec -o sans --force (après « profilecheck: error: »)

write-appeared = { $path } a été créé pendant que profilecheck travaillait, et il est laissé tel quel ; ajoutez --force pour le remplacer
