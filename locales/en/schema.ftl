# What each key of the profile format holds (init template, JSON Schema,
# findings). Ids follow the key's path: `field-photo-kind` is `photo.kind`.

field-about = the About section
field-about-bio = the short intro under your name (Bio, 101 characters at most)
field-about-city = current city
field-about-education = schools: school, degree
field-about-education-degree = degree or diploma
field-about-education-school = school or university
field-about-work = jobs: employer, position, current
field-about-work-current = this is the current job
field-about-work-employer = employer or organisation
field-about-work-position = job title
field-alternate-name = the other name shown next to yours
field-alternate-name-name = the other name (Facebook "Other names"), e.g. your profession
field-alternate-name-show-on-profile = "Show at top of profile" is ticked
field-alternate-name-type = the name type chosen in Facebook
field-contact = contact details
field-contact-email = contact email shown on the profile
field-contact-links = links to professional profiles: network, url
field-contact-links-network = which network or site
field-contact-links-url = full address, starting with https://
field-contact-website = personal website
field-extra = free-form data for custom rule packs; never validated
field-followers = followers and professional mode
field-followers-professional-mode = professional mode is on
field-followers-who-can-follow = Who can follow me
field-keywords = hashtags and keywords of your expertise
field-lang = report language for this profile
field-name = your name, shown in reports (default: the file name)
field-network = your professional network
field-network-professional-contacts = how many professional contacts are among your friends and followers
field-photo = profile picture and cover photo
field-photo-cover = a cover photo is set
field-photo-kind = what the profile picture shows
field-photo-set = a profile picture is uploaded
field-privacy = privacy settings
field-privacy-birthday-audience = who sees your birthday
field-privacy-email-audience = who sees your email address
field-privacy-family-audience = who sees your family members
field-privacy-phone-audience = who sees your phone number
field-privacy-relationship-audience = who sees your relationship status
field-privacy-search-engines = search engines outside Facebook may link to your profile
field-privacy-viewed-as-public = you have looked at your profile as the public sees it
field-publishing = what and how you publish
field-publishing-default-audience = who sees your posts by default
field-publishing-editorial-line = your editorial line in one sentence
field-publishing-posts-per-month = how many posts you publish a month
field-publishing-shares-blog-posts = you relay your own blog articles
field-publishing-shares-curation = you run a watch (curated news) and share it
field-publishing-topics = your subjects of expertise
field-publishing-writes-articles = you write long-form posts
field-tagging = profile and tagging settings
field-tagging-review-tagged-posts = you review posts you're tagged in before they appear on your profile
field-tagging-review-tags = you review tags people add to your own posts
field-tagging-tagged-posts-audience = who sees posts you are tagged in, on your profile
field-version = format version; 1 is the only one
field-waivers = rule id -> reason: a rule deliberately set aside

schema-title = profilecheck profile (format version 1)
schema-description = A description of a person's Facebook profile settings, linted by profilecheck against the steps of a personal-branding guide. Every key is optional; a key with no value counts as missing. Booleans are YAML 1.2 true/false.
schema-waiver-reason = why this rule is deliberately set aside

# Examples the template shows where they are worded per language (the
# others come from the format's table).
sample-about-bio = "Community manager · e-reputation"
sample-publishing-editorial-line = "Practical e-reputation advice for small businesses"
sample-publishing-topics = [e-reputation, social media]
sample-contact-links-url = https://www.linkedin.com/in/your-name

# Labels of enum values (the interview's numbered choices): value- and the
# value, or value-, the key's path and the value where one field needs its own.
value-public = Public (anyone, on or off Facebook)
value-friends-of-friends = Friends of friends
value-friends = Friends
value-only-me = Only me
value-custom = Custom (chosen people or lists)
value-professional = A professional portrait of you
value-casual = A casual photo of you (holiday, party…)
value-logo = A logo
value-avatar = An avatar or drawing
value-group = A group photo
value-landscape = A landscape or object
value-other = Something else
value-linkedin = LinkedIn
value-viadeo = Viadeo
value-twitter = Twitter
value-x = X
value-instagram = Instagram
value-youtube = YouTube
value-github = GitHub
value-blog = Blog
value-website = Website
value-nickname = Nickname
value-maiden-name = Maiden name
value-alternate-spelling = Alternate spelling
value-married-name = Married name
value-fathers-name = Father's name
value-birth-name = Birth name
value-former-name = Former name
value-name-with-title = Name with a title
value-en = English
value-fr = French
value-followers-who-can-follow-public = Public (anyone on Facebook)

value-yes = yes
value-no = no
