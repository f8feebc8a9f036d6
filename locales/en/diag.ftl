# Problems with input files (profiles, packs, config). Each is printed as
# `FILE:LINE:COL: error: MESSAGE`; the keyword stays English, the message is here.

level-error = error
level-warning = warning

diag-syntax = invalid YAML: { $detail }. Check this line and the one above it: indentation (spaces only), a colon inside a text (put the text in quotes), a quote or bracket left open
# The two most common slips, worded ourselves (src/profile/yaml.rs, common_slip).
diag-yaml-tab = invalid YAML: this line is indented with a tab; indent with spaces only (two per level)
diag-yaml-colon-in-text = invalid YAML: this text holds a colon followed by a space, which YAML reads as a new key; put the whole text in double quotes, for example bio: "Consultant: e-reputation"
diag-too-large = file too large ({ $size ->
    [one] { $size } byte
   *[other] { $size } bytes
}; the limit is { $limit ->
    [one] { $limit } byte
   *[other] { $limit } bytes
})
diag-not-utf8 = the file is not valid UTF-8 (byte { $byte } at offset { $offset }); save it as UTF-8
diag-too-deep = nesting too deep (more than { $n } levels)
# $budget is the parser's name of the limit reached; $n the limit, already formatted.
diag-too-complex = document too large or too complex ({ $budget ->
        [nodes] more than { $n } values
        [aliases] more than { $n } YAML anchors or aliases such as `&a` and `*a`
        [anchors] more than { $n } YAML anchors or aliases such as `&a` and `*a`
        [scalarbytes] more than 1 MiB of text
        [totalscalarbytes] more than 1 MiB of text
       *[other] { $budget }
    })
diag-multiple-documents = more than one YAML document (`---`): put one profile per file
diag-duplicate-key = duplicate key `{ $key }`: keep only one
diag-complex-key = a key must be plain text
# $found is a YAML kind (null, list, mapping, string, integer, number,
# boolean) or a value as written.
diag-found = { $found ->
        [null] nothing
        [list] a list
        [mapping] a mapping
        [integer] an integer
        [number] a number
        [boolean] a boolean
        [string] a string
       *[other] { $found }
    }
diag-profile-not-mapping = a profile must be a mapping of keys to values, not { diag-found }
diag-unknown-key = unknown key `{ $key }`
diag-unknown-key-did-you-mean = unknown key `{ $key }`; did you mean `{ $suggestion }`?
diag-unknown-key-allowed = unknown key `{ $key }`; expected one of { $allowed }
diag-expected-bool = `{ $found }` is not a boolean: write true or false
# $expected is what the format wants: bool, int, number, str, enum, list, map, free.
diag-kind = { $expected ->
        [bool] true or false
        [int] a whole number
        [number] a number
        [str] text
        [enum] one of the listed values
        [list] a list
        [map] a mapping
       *[free] anything
    }
diag-wrong-type = expected { diag-kind }, found { $found }
diag-bad-enum = unknown value `{ $value }`; expected one of { $allowed }
diag-negative = `{ $key }` cannot be negative: write 0 or more
diag-version = unknown version `{ $found }`: 1 is the only version
diag-unknown-waiver = unknown rule in waivers: `{ $rule }`
diag-unknown-waiver-did-you-mean = unknown rule in waivers: `{ $rule }`; did you mean `{ $suggestion }`?

# Values the format rejects ($path is the key's path, e.g. `links.url`).
diag-wrong-type-composite = expected { diag-kind }, found { diag-found }
diag-expected-text = expected text, found { $found }; put it in quotes if it is meant as text
diag-empty-list-item = `{ $path }` is an empty list item: fill it in or remove its `-` line
diag-quoted-bool = "{ $value }" in quotes is text, not a boolean: write { $value } without quotes
diag-version-quoted = write the version as a number, without quotes: `version: 1`
diag-not-whole = expected a whole number, found { $found }
diag-waiver-reason = a waiver needs its reason as text: `rule-id: "why this rule is set aside"`
diag-not-mapping = `{ $path }` must be a mapping of keys to values, not { diag-found }
diag-not-list = `{ $path }` must be a list (`[a, b]` or lines starting with `- `), not { diag-found }

# Files that cannot be read.
io-not-found = no such file or directory
io-permission = permission denied: the file cannot be read
io-other = cannot read: { $detail }
io-not-regular = not a regular file (a device, pipe or socket): give a YAML file
io-directory = is a directory

# YAML problems we word ourselves.
diag-yaml-key-twice = invalid YAML: a key appears twice in the same mapping
diag-yaml-binary = invalid YAML: a `!!binary` value that is not UTF-8 text: write the value as plain text
diag-yaml-non-finite = invalid YAML: infinite or not-a-number values (`.inf`, `.nan`) are not allowed: write a number
diag-yaml-bad-bool = invalid YAML: not a boolean: write true or false
io-path-too-long = the path is longer than the system allows (PATH_MAX): move the file to a shallower folder to check it
io-permission-folder = permission denied: this folder cannot be listed, so its profiles were not checked
diag-hashtag-comment = `{ $tag }` is read as a comment, not a value: in YAML `#` starts a comment; write "{ $tag }" in quotes
diag-bad-enum-did-you-mean = unknown value `{ $value }`; did you mean `{ $suggestion }`?
