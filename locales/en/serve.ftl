# profilecheck serve: the workshop room (messages of the server and of its pages).
# The page-… messages are sent to the browser as one dictionary; a {$name}
# left in them is filled in by the page.

## Printed when the room opens

serve-open = profilecheck serve: the workshop room is open.
serve-participants = Participants:
serve-coach = Coach (keep this address to yourself):
serve-stop = Press Ctrl-C to close the room; nothing is kept after it closes unless you export it from the coach’s page.
serve-no-lan-address = No network address found: only this computer can reach the room.
# The name of a download when the profile gives none (a file name: no spaces).
serve-file-stem = profile
serve-step-title = Step { $n } · { $title }

## Answers of the server

serve-wrong-host = This room answers only at its IP addresses or at localhost.
serve-not-found = Nothing here. The room is at /.
serve-bad-lang = Unknown language `{ $lang }`: use en or fr.
serve-media-type = Send the profile as YAML (Content-Type: application/yaml or text/plain), not { $ctype }.
serve-too-large = The profile is too large: { $mib } MiB at most.
serve-body-incomplete = The request stopped before its end.
serve-bad-format = Unknown format: use html, markdown or json.
serve-share-bad = Send {"{"} "name": …, "yaml": … {"}"} as JSON.
serve-share-no-name = Give a name for the coach to see.
serve-room-full = The room is full: { $n ->
    [one] { $n } participant has already shared a profile
   *[other] { $n } participants have already shared their profiles
}.
serve-forbidden = This page is for the coach: open the address printed when the room started.
serve-share-too-large = The shared profile is too large: { $kib } KiB at most.
serve-no-participant = No such participant in the room (already removed?).
serve-resumed = Resumed from { $file }: { $n ->
    [one] 1 participant
   *[other] { $n } participants
} back in the room.
serve-resume-unreadable = cannot read the room to resume: { $error }
serve-resume-not-file = the room to resume is not a regular file
serve-resume-not-json = this is not a room export from the coach's page (not JSON, or cut short)
serve-resume-not-export = this is not a room export from the coach's page (export the room as JSON from the coach's page, then give that file to --resume)
serve-resume-too-many = the export holds more participants than a room takes ({ $n } at most)
serve-resume-bad-participant = participant { $n } of the export is damaged (id, name or profile missing or wrong)

## The participant's page

page-title = Your Facebook profile, step by step
page-intro = Answer what you can about your Facebook profile: your score and advice update as you type. Nothing leaves this room, and nothing goes to the coach until you click “Share with the coach”.
page-saved-note = Your answers are kept in this browser, on this device, even if you close the page. They are not sent anywhere.
page-start-over = Start over
page-start-over-confirm = Erase all your answers from this browser and start again from an empty form?
page-started-over = Your answers have been erased.
page-lang-label = Language
page-file-legend = Your profile as a file
page-load = Load a profile (YAML)
page-loaded = “{ $file }” loaded.
page-load-failed = This profile cannot be loaded:
page-load-not-yaml = it is not valid YAML (line { $line }).
page-load-unreadable = the browser could not read it.
page-kept = Part of your profile has no question here: it is kept as it is and will be in the profile you download.
page-download-yaml = Download my profile (YAML)
page-download-html = Download my handout (HTML)
page-download-md = Download my handout (Markdown)
page-yaml-header = Profile written in the profilecheck workshop room.
page-form-heading = Your profile
page-results-heading = Your score and what comes next
page-score-label = Score: { $score } out of 100
page-score-none = No score yet: your profile could not be read.
page-steps-done = Steps done: { $done } of { $total }
page-step-done = Step done.
page-errors = Your profile cannot be checked:
page-not-yaml = What was typed could not be read (line { $line }).
page-findings = Advice, step by step
page-no-findings = Every step is done. Well done!
page-fix = How to fix it
page-why = Why it matters
page-severity-error = To fix
page-severity-warning = To improve
page-severity-info = Tip
page-step-about-you = About you
page-step-privacy = Privacy: everything you publish can be held against you
page-yes = Yes
page-no = No
page-unanswered = No answer
page-ask-about-work = Your jobs
page-ask-about-education = Your education
page-ask-contact-links = Your other professional profiles
page-add-about-work = Add a job
page-add-about-education = Add a school
page-add-contact-links = Add a link
page-item-about-work = Job { $n }
page-item-about-education = School { $n }
page-item-contact-links = Link { $n }
page-remove-about-work = Remove job { $n }
page-remove-about-education = Remove school { $n }
page-remove-contact-links = Remove link { $n }
page-field-below-min = Enter zero or a positive number. This answer is not counted until then.
page-field-not-whole = Enter a whole number. This answer is not counted until then.
page-field-number = Enter a number. This answer is not counted until then.
page-field-yes-no = Answer yes or no. This answer is not counted until then.
page-field-choice = Pick one of the answers offered. This answer is not counted until then.
page-field-text = Write this answer as text. This answer is not counted until then.
page-field-list = Write the items separated by commas. This answer is not counted until then.
page-field-other = This answer is not in the right form and is not counted.
page-field-elsewhere = An answer of the loaded profile (line { $line }) is not in the right form: it is not counted.
page-share-legend = Share with the coach
page-share-explain = Nothing is shared until you click the button. The coach will see your name, your score, the steps you have done, your advice, every answer of this form and when you shared. Share again after changes: your line on the coach’s screen is updated.
page-share-name = Name shown to the coach
page-share = Share with the coach
page-shared = Shared with the coach (score { $score }).
page-share-failed = Sharing failed:
page-share-need-name = Give a name first.
page-unreachable = The room’s server does not answer. Your answers are still here, in this browser.

## The coach's page

page-coach-title = Workshop room: the coach’s view
page-coach-intro = Participants appear here when they click “Share with the coach”. This view updates by itself. Nothing is written to disk unless you download the session.
page-coach-address = Participants’ address
page-coach-qr = QR code of the participants’ address
page-coach-people = Participants
page-coach-name = Name
page-coach-score = Score
page-coach-steps = Steps done
page-coach-steps-count = { $done } of { $total }
page-coach-when = Shared
page-coach-actions = Actions
page-coach-details = Advice and answers
page-coach-remove = Remove
page-coach-remove-label = Remove { $name } from the room
page-coach-remove-confirm = Remove { $name } from the room? Their line, score and answers disappear from this view.
page-coach-advice = Advice
page-coach-answers = Answers
page-coach-no-answers = No answers yet.
page-coach-nobody = Nobody has shared yet.
page-coach-average = Average score: { $score } out of 100
page-coach-missed = What to teach next: the most missed, step by step
serve-coach-missed-count = missed by { $n ->
    [one] { $n } participant
   *[other] { $n } participants
} of { $of }
page-coach-nothing-missed = Nothing missed yet.
page-coach-projector = Projector view
page-coach-projector-exit = Back to the full view
page-coach-teach-next = What to teach next
page-coach-export = Download the session
page-coach-export-html = Handouts (HTML)
page-coach-export-md = Handouts (Markdown)
page-coach-export-json = The session (JSON, to resume it next time)
page-coach-invalid = unreadable profile
