# `profilecheck init`: the commented template. Each line of
# template-header becomes a `# ` comment line.
template-header =
    profilecheck profile (format version 1)
    Describe your Facebook profile here, then check it against the seven steps
    of the personal-branding guide:
        profilecheck profile.yaml

    How to fill it in
      - Write each answer after the colon and a space:   city: Rennes
      - Leave a value empty (city:) when you don't know it or haven't done it
        yet: it counts as "not done", and the report tells you how to do it.
      - Yes/no settings take exactly true or false (not yes, no, on or off).
      - Put text in "double quotes" when it contains ": " or " #", or when it
        starts with a quote, a dash, a bracket or another sign.
      - Keep the indentation: two spaces per level, never tabs.
      - Lines starting with # are comments. To use an example, delete the "# "
        at the start of its lines.
    Rather answer questions?   profilecheck init --interactive -o profile.yaml

    Completion and checks as you type (VS Code's YAML extension, or any editor
    using yaml-language-server): save the schema next to this file with
        profilecheck schema > profile.schema.json
    The first line of this file points the editor at it.
template-example = Example:
template-list-of-items = A list: copy the commented example below once per item, and delete the "# " at the start of its lines.
template-list-of-values = One item per line, starting with "- ". Example:
template-waivers = Waivers: a step of the guide you deliberately don't take. One line per rule, `rule-id: "reason"`; the rule then counts neither for nor against the score, and reports show your reason. The rule ids: profilecheck rules
template-waiver-example = Keeps a personal profile; uses a Page for business
template-extra = Extra: free-form data (any keys and values) for your own rule packs (--rules); profilecheck never checks it. Example:
template-extra-example = Views are my own

# What a value may be, in the template and the interview.
allowed-bool = true or false
allowed-int = a whole number{ $min }
allowed-number = a number{ $min } (decimals with a point: 2.5)
allowed-text = text
allowed-enum = one of: { $values }
allowed-list-texts = a list of texts
allowed-list-values = a list of values

# `init --interactive`: one question per key of the format (ask- and its path).
ask-name = Your name, as the report should show it?
ask-photo-set = Have you put up a profile picture?
ask-photo-kind = What does your profile picture show?
ask-photo-cover = Is there a cover photo (the wide picture at the top of your profile)?
ask-about-bio = Your Bio, the short intro under your name (101 characters at most)?
ask-about-work = Your jobs, one at a time (press Enter on an empty job title when done).
ask-about-work-position = Job title?
ask-about-work-employer = Employer or organisation?
ask-about-work-current = Is it your current job?
ask-about-education = Your schools, one at a time (press Enter on an empty school when done).
ask-about-education-school = School or university?
ask-about-education-degree = Degree or diploma?
ask-about-city = The city you live in, as shown on your profile?
ask-contact-email = The contact email shown on your profile?
ask-contact-website = The address of your website (https://…)?
ask-contact-links = Links to your other professional profiles, one at a time: first the network, then the address (press Enter on the network when done).
ask-contact-links-network = Network?
ask-contact-links-url = Full address of that profile (https://…)?
ask-network-professional-contacts = About how many professional contacts are among your friends and followers?
ask-keywords = Your hashtags or keywords, separated by commas (e.g. #ereputation, #training)?
ask-publishing-posts-per-month = How many posts do you publish a month, on average?
ask-publishing-editorial-line = Your editorial line, in one sentence?
ask-publishing-topics = Your subjects of expertise, separated by commas?
ask-publishing-shares-blog-posts = Do you share the articles of your own blog?
ask-publishing-shares-curation = Do you keep a watch on news in your field and share the best of it?
ask-publishing-writes-articles = Do you write long-form posts?
ask-privacy-viewed-as-public = Have you looked at your profile as the public sees it ("View as")?
ask-alternate-name-name = The other name shown next to yours (Facebook's "Other names"), e.g. your profession?
ask-alternate-name-type = Which name type did you choose for it in Facebook?
ask-alternate-name-show-on-profile = Is "Show at top of profile" ticked?
ask-followers-who-can-follow = Who can follow you?
ask-followers-professional-mode = Is professional mode turned on?
ask-publishing-default-audience = Who sees your posts by default?
ask-tagging-tagged-posts-audience = Who sees, on your profile, the posts you are tagged in?
ask-tagging-review-tagged-posts = Do you review posts you're tagged in before they appear on your profile?
ask-tagging-review-tags = Do you review the tags people add to your own posts?
ask-privacy-search-engines = Do you let search engines outside Facebook link to your profile?
ask-privacy-birthday-audience = Who sees your birthday?
ask-privacy-phone-audience = Who sees your phone number?
ask-privacy-email-audience = Who sees your email address?
ask-privacy-relationship-audience = Who sees your relationship status?
ask-privacy-family-audience = Who sees your family members?

interview-intro =
    Answer each question and press Enter.
    Press Enter alone to skip a question you can't answer: it will count as "not done",
    and the report will say how to do it.
    Press Ctrl-D (Ctrl-Z then Enter on Windows) to stop early: your answers are kept.
interview-about-you = About you
interview-privacy = Privacy: anything you publish can be used against you
interview-item-number = # { $n }
interview-choice-or-done = Your choice (number), Enter when done:
interview-enter-when-done = Enter when done
interview-choice-or-skip = Your choice (number), Enter to skip:
# $kind: bool, int, number, or any other kind.
interview-hint = { $kind ->
        [bool] y/n, Enter to skip
        [int] a whole number, Enter to skip
        [number] a number, Enter to skip
       *[other] Enter to skip
    }
interview-skipped = Skipped.
interview-want-bool = Please answer y (yes) or n (no), or press Enter to skip.
interview-want-int-min = Please type a whole number, { $min } or more (e.g. 42).
interview-want-int = Please type a whole number.
interview-want-number-min = Please type a number, { $min } or more (e.g. 8 or 2.5).
interview-want-number = Please type a number.
interview-want-choice = Please type a number from 1 to { $n }.
interview-want-list = Please type one or more items separated by commas.
interview-recorded = { $n ->
        [one] { $n } answer recorded.
       *[other] { $n } answers recorded.
    } Unanswered questions count as "not done".
# The comment block at the top of the written profile.
interview-file-header =
    Profile written by `profilecheck init --interactive` (format version 1).
    Check it with:   profilecheck followed by this file's name
    Questions left unanswered are not in this file: they count as "not done".
    `profilecheck init` prints a template that explains every field.

## A profile written with -o and without --force (after "profilecheck: error: ")

write-appeared = { $path } was created while profilecheck was running, and is left as it is; add --force to replace it
