# Writing reports (-o, --report, --output-dir): what can go wrong with the
# file a report is written to.

# `-o reports/`: the name of a folder where a file name was expected.
output-is-folder-name = ends with `/`, so it names a folder: give a file name such as `report.json`
output-is-folder = is a folder: give a file name such as `report.json`

# A report aimed at a file the run reads. { $file } is the path as given.
output-is-pack = profilecheck: error: { $file } is a rule pack in use; write the report elsewhere
output-is-config = profilecheck: error: { $file } is the configuration in use; write the report elsewhere
output-two-on-stdout = profilecheck: error: two reports would be written to standard output; send one to a file with --report FORMAT=FILE

# `profilecheck - <&-`: standard input was closed, not empty.
stdin-closed = standard input is closed: pipe a profile in (`profilecheck - < profile.yaml`) or name a file

# `init --interactive < /dev/zero`: an answer line past the cap.
interview-answer-too-long = an answer is too long (more than { $max ->
    [one] { $max } byte
   *[other] { $max } bytes
} on one line); the interview stops
