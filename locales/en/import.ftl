# Messages of `profilecheck import`: reading a Facebook data export.

## Errors (after "WHERE: error: ")

import-error-unreadable = cannot read it: { $reason }
import-error-not-export = not a Facebook data export: give the .zip file(s) from "Download your information", or the folder they unpack to (neither profile_information.json nor a your_posts file was found)
import-error-html = this export is in HTML, and profilecheck reads the JSON one. Request it again: Accounts Center > Your information and permissions > Download your information > Format: JSON
import-error-corrupt-zip = damaged zip file ({ $reason }); download this part of the export again
import-error-bomb = a file in this archive inflates past { $mib } MiB, far more than any export file profilecheck reads; the archive is refused (a zip bomb?)
import-error-unsafe-name = the archive holds a file name that points outside its folder ({ $name }); a genuine Facebook export has none, so it is refused
import-error-json = not the JSON of a Facebook export: { $reason }
import-error-date = --as-of takes a date written YYYY-MM-DD, such as 2026-06-30, not "{ $value }"

## What was read, on stderr

import-read-profile = read { $file }: profile information
import-read-posts = read { $file }: { $records ->
    [one] 1 post
   *[other] { $records } posts
}
import-read-summary = { $listed ->
    [one] 1 file
   *[other] { $listed } files
} listed, { $opened } opened (never messages, photos or videos); { $posts ->
    [one] 1 post
   *[other] { $posts } posts
} from { DATE($from) } to { DATE($to) } once duplicates are removed; { $derived ->
    [one] { $derived } field
   *[other] { $derived } fields
} filled in, the others left as questions
import-no-profile = no profile information (profile_information.json) in what was given; for an export in several parts, give every part
import-extra-profile = note: { $n ->
    [one] another copy
   *[other] { $n } other copies
} of profile_information.json, in other parts, not needed
# The file name the header suggests when the profile goes to stdout.
import-default-file = profile.yaml
import-wrote = wrote { $file }; answer what is left with: profilecheck init --interactive --from { $file } -o { $file }

## Comments in the written profile

# A file name, and how many more files, as in "your_posts_1.json and 2 other files".
import-files = { $others ->
    [0] { $first }
    [one] { $first } and 1 other file
   *[other] { $first } and { $others } other files
}
import-note-keys = From the export: { $file } ({ $keys }).
import-note-per-month = From the export: { $file }. { $posts ->
    [one] 1 post
   *[other] { $posts } posts
} from { DATE($from) } to { DATE($to) } (183 days); that total divided by 6 gives the number per month.
import-note-hashtags = From the export: hashtags of the { $posts ->
    [one] post
   *[other] { $posts } posts
} of the last 183 days in { $file }, most used first.
import-note-links = From the export: whether the posts of the last 183 days in { $file } link to one of your websites (your blog) or to other sites (curation).
import-header-title = Profile imported from your Facebook data export by profilecheck import (format version 1). Nothing was sent anywhere.
import-header-derived = Fields with a value were read from the export: the comment above each one names its file. Check them: the export says what the account holds, not who can see it.
import-header-questions = Every other field is a question the export cannot answer (photos, settings, audiences). Write each answer after the colon, or let profilecheck ask only those questions:
import-header-check = Then check the profile with:

## init --interactive --from FILE

import-interview-kept = { $n ->
    [one] 1 answer kept
   *[other] { $n } answers kept
} from the file; only the questions left open are asked.

## --help (ids as src/cli/help.rs builds them)

help-import-about = Write a profile from your Facebook data export (JSON), leaving questions for the rest
help-import-opt-exports = The export: its .zip file(s) (every part of a split export), or the folder it unpacks to
help-import-opt-output = Write the profile to FILE instead of stdout
help-import-opt-as-of = Count posts in the 183 days before this date (YYYY-MM-DD; default: today)
help-import-opt-force = Overwrite FILE if it exists
help-init-opt-from = With --interactive: start from this profile (e.g. one written by `import`), ask only what it leaves open
clap-value-export = EXPORT
clap-value-date = DATE

## contact.email: the login address, a hint only

import-note-login-email = The export gives { $email } as the account's login e-mail ({ $file }, emails.emails). A login address is not necessarily shown on your profile: fill in contact.email only if this one is.

## A FIFO, socket or device given as the export (after "WHERE: error: ")

import-error-not-regular = not a regular file (a pipe, socket or device): give the .zip file(s) of the export, or the folder they unpack to
