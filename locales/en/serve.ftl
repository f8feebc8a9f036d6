# profilecheck serve: the workshop room (messages of the server and of its pages).
# The page-… messages are sent to the browser as one dictionary; a {$name}
# left in them is filled in by the page.

## Printed when the room opens

serve-open = profilecheck serve: the workshop room is open.
serve-participants = Participants:
serve-coach = Coach (keep this address to yourself):
serve-stop = Press Ctrl-C to close the room; nothing is kept after it closes.
serve-no-lan-address = No network address found: only this computer can reach the room.
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
serve-room-full = The room is full: { $n } participants have already shared.
serve-forbidden = This page is for the coach: open the address printed when the room started.

## The participant's page

page-title = Your Facebook profile, step by step
page-intro = Answer what you can about your Facebook profile. The score and the advice update as you type. Nothing leaves this room, and nothing is shared until you press "Share with the coach".
page-lang-label = Language
page-file-legend = Your profile file
page-load = Load a profile (YAML)
page-loaded = Loaded { $file }.
page-load-failed = This file cannot be loaded:
page-download-yaml = Download the profile (YAML)
page-download-html = Download the handout (HTML)
page-download-md = Download the handout (Markdown)
page-form-heading = Your profile
page-results-heading = Your score and what to do next
page-score-label = Score: { $score } out of 100
page-score-none = No score: the profile has errors to correct first.
page-score-waiting = Checking…
page-summary = { $done } of { $total } steps done.
page-errors = The profile cannot be checked:
page-warnings = Warnings:
page-findings = What to do next
page-no-findings = Every step is done. Well done!
page-fix = How to fix it
page-why = Why it matters
page-severity-error = Must fix
page-severity-warning = Should fix
page-severity-info = Tip
page-step-about-you = About you
page-step-privacy = Privacy: anything you publish can be used against you
page-yes = Yes
page-no = No
page-unanswered = Not answered
page-list-hint = Separate items with commas.
page-add = Add
page-remove = Remove
page-item = No. { $n }
page-choose = Choose…
page-share-legend = Share with the coach
page-share-explain = Nothing is shared until you press the button. The coach sees your name, your score and your answers.
page-share-name = Name shown to the coach
page-share = Share with the coach
page-shared = Shared with the coach (score { $score }). Press again after changes to update.
page-share-failed = Could not share:
page-share-need-name = Type a name first.
page-unreachable = The room's server cannot be reached. Your answers are still on this page.
page-kept = Kept from your file (not in the form):

## The coach's page

page-coach-title = The workshop room: coach's view
page-coach-intro = Participants appear here when they press "Share with the coach". This view updates every few seconds; nothing is kept after the room closes.
page-coach-people = Who has shared
page-coach-name = Name
page-coach-score = Score
page-coach-todo = Steps to do
page-coach-nobody = Nobody has shared yet.
page-coach-average = Average score: { $score } out of 100
page-coach-missed = What to teach next: the most missed steps
page-coach-missed-count = missed by { $n } of { $of }
page-coach-rule = Step
page-coach-count = Missed by
page-coach-export = Export the room
page-coach-export-html = Handouts (HTML)
page-coach-export-md = Handouts (Markdown)
page-coach-export-json = Statistics (JSON)
page-coach-invalid = invalid file
