# Ce que contient chaque clé du format de profil (modèle d’init, schéma JSON,
# constats). Les identifiants suivent le chemin : `field-photo-kind` est `photo.kind`.

field-about = la section « À propos »
field-about-bio = la bio, courte présentation sous votre nom (101 caractères au plus d’après les guides)
field-about-city = ville actuelle
field-about-education = formation : école, diplôme
field-about-education-degree = diplôme
field-about-education-school = école ou université
field-about-work = emplois : employeur, poste, actuel
field-about-work-current = c’est le poste actuel
field-about-work-employer = employeur ou organisation
field-about-work-position = intitulé du poste
field-alternate-name = l’autre nom affiché à côté du vôtre
field-alternate-name-name = l’autre nom (dans la partie des autres noms de Facebook), par exemple votre métier
field-alternate-name-show-on-profile = la case d’affichage en haut du profil est cochée
field-alternate-name-type = le type de nom choisi dans Facebook
field-contact = coordonnées
field-contact-email = e-mail de contact affiché sur le profil
field-contact-links = liens vers vos profils professionnels : réseau, adresse
field-contact-links-network = quel réseau ou site
field-contact-links-url = adresse complète, commençant par https://
field-contact-website = site web personnel
field-extra = données libres pour des packs de règles maison ; jamais validées
field-followers = followers et mode professionnel
field-followers-professional-mode = le mode professionnel est activé
field-followers-who-can-follow = qui peut vous suivre
field-keywords = hashtags et mots-clés de votre expertise
field-lang = langue du rapport pour ce profil
field-name = votre nom, affiché dans les rapports (par défaut : le nom du fichier)
field-network = votre réseau professionnel
field-network-professional-contacts = combien de contacts professionnels figurent parmi vos amis et followers
field-photo = photo de profil et photo de couverture
field-photo-cover = une photo de couverture est en place
field-photo-kind = ce que montre la photo de profil
field-photo-set = une photo de profil est en ligne
field-privacy = réglages de confidentialité
field-privacy-birthday-audience = qui voit votre date de naissance
field-privacy-email-audience = qui voit votre adresse e-mail
field-privacy-family-audience = qui voit les membres de votre famille
field-privacy-phone-audience = qui voit votre numéro de téléphone
field-privacy-relationship-audience = qui voit votre situation amoureuse
field-privacy-search-engines = les moteurs de recherche hors de Facebook peuvent renvoyer vers votre profil
field-privacy-viewed-as-public = vous avez regardé votre profil tel que le public le voit
field-publishing = ce que vous publiez, et comment
field-publishing-default-audience = qui voit vos publications par défaut
field-publishing-editorial-line = votre ligne éditoriale en une phrase
field-publishing-posts-per-month = combien de publications par mois
field-publishing-shares-blog-posts = vous relayez les articles de votre blog
field-publishing-shares-curation = vous faites une veille et la partagez
field-publishing-topics = vos sujets d’expertise
field-publishing-writes-articles = vous rédigez des publications de fond
field-tagging = réglages « Profil et identification »
field-tagging-review-tagged-posts = vous examinez les publications où l’on vous identifie avant qu’elles n’apparaissent sur votre profil
field-tagging-review-tags = vous examinez les identifications ajoutées à vos propres publications
field-tagging-tagged-posts-audience = qui voit sur votre profil les publications où vous êtes identifié(e)
field-version = version du format ; 1 est la seule
field-waivers = identifiant de règle -> raison : une règle volontairement écartée

schema-title = profil profilecheck (version 1 du format)
schema-description = La description des réglages d’un profil Facebook, vérifiée par profilecheck au regard des étapes d’un guide de marque personnelle. Toutes les clés sont facultatives ; une clé sans valeur compte comme absente. Les réponses oui/non s’écrivent true ou false (YAML 1.2).
schema-waiver-reason = pourquoi cette règle est volontairement écartée

# Exemples du modèle rédigés dans chaque langue (les autres viennent de la
# table du format).
sample-about-bio = "Community manager · e-réputation"
sample-publishing-editorial-line = "Des conseils d’e-réputation concrets pour les petites entreprises"
sample-publishing-topics = [e-réputation, réseaux sociaux]
sample-contact-links-url = https://www.linkedin.com/in/votre-nom

# Libellés des valeurs au choix (les choix numérotés de l’entretien).
value-public = Public (tout le monde, sur Facebook ou ailleurs)
value-friends-of-friends = Amis de vos amis
value-friends = Amis
value-only-me = Moi uniquement
value-custom = Personnalisé (personnes ou listes choisies)
value-professional = Un portrait professionnel de vous
value-casual = Une photo de vous décontractée (vacances, soirée…)
value-logo = Un logo
value-avatar = Un avatar ou un dessin
value-group = Une photo de groupe
value-landscape = Un paysage ou un objet
value-other = Autre chose
value-linkedin = LinkedIn
value-viadeo = Viadeo
value-twitter = Twitter
value-x = X
value-instagram = Instagram
value-youtube = YouTube
value-github = GitHub
value-blog = Blog
value-website = Site web
value-nickname = Surnom
value-maiden-name = Nom de jeune fille
value-alternate-spelling = Autre orthographe
value-married-name = Nom d’épouse ou d’époux
value-fathers-name = Nom du père
value-birth-name = Nom de naissance
value-former-name = Ancien nom
value-name-with-title = Nom avec un titre
value-en = Anglais
value-fr = Français
value-followers-who-can-follow-public = Public (tout le monde sur Facebook)

value-yes = oui
value-no = non
