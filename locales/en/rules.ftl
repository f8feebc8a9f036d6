pack-empty = `{ $what }` is empty
pack-not-language-code-en = `{ $key }` is not a language code such as `en` or `fr`
pack-text = `{ $what }.{ $key }` must be text
pack-text-mapping-language-text = `{ $what }` must be text, or a mapping of language to text (`{"{"}en: ..., fr: ...{"}"}`)
pack-each-item-text = each item of `{ $what }` must be text
pack-list-texts = `{ $what }` must be a list of texts
pack-examples-mapping-with-pass = `examples` must be a mapping with `pass` and `fail` lists
pack-examples-list-profiles-written = `examples.{ $key }` must be a list of profiles written as YAML text
pack-example-profile-written-yaml = an example is a profile written as YAML text (a string)
pack-rule-mapping-with-id = a rule must be a mapping with `id`, `severity`, `title`, `check`…
pack-rule-has-no = this rule has no `{ $key }`
pack-rule-id-kebab-case = a rule id must be kebab-case text, such as `photo-set`
pack-step-guide-step-number = `step` must be a guide step number (1, 2, …)
pack-rule-pack-mapping-with = a rule pack must be a mapping with `pack` and `rules`
pack-pack-kebab-case-name = `pack` must be a kebab-case name, such as `call-centre`
pack-pack-has-no-pack = this pack has no `pack` name
pack-steps-map-step-numbers = `steps` must map step numbers to titles
pack-step-number-1-more = a step number must be 1 or more
pack-duplicate-rule-id-first = duplicate rule id `{ $id }` (first defined at line { $line })
pack-rules-list-rules = `rules` must be a list of rules
pack-pack-has-no-rules = this pack has no `rules` list

cond-message-text-mapping-language = `message` must be text, or a mapping of language to text
cond-condition-needs-exactly-one = a condition needs exactly one of `path`, `all`, `any`, `not`, `each`, `some`
cond-cannot-used-with-condition = `{ $key }` cannot be used with `{ $forms }` in a condition
cond-takes-list-conditions = `{ $key }` takes a list of conditions
cond-needs-at-least-one = `{ $key }` needs at least one condition
cond-needs-list-but = `{ $key }` needs a list, but `{ $path }` is { diag-kind }
cond-needs-check = `{ $key }` needs a `check`
cond-path-text-about-bio = a path must be text such as `about.bio`
cond-malformed-path = malformed path `{ $s }`
cond-path-condition-needs-exactly = a `path` condition needs exactly one test ({ $operators }), found { $count }
cond-takes-whole-number-0 = `{ $op }` takes a whole number, 0 or more
cond-present-takes-true-false = `present` takes true or false
cond-equals-takes-single-value = `equals` takes a single value (text, number or true/false)
cond-takes-list-values = `{ $op }` takes a list of values
cond-takes-plain-values = `{ $op }` takes plain values
cond-takes-regular-expression-text = `{ $op }` takes a regular expression as text
cond-takes-number = `{ $op }` takes a number

engine-pack-name-already-used = pack name `{ $pack_name }` is already used by { $first }
engine-duplicate-rule-id-already = duplicate rule id `{ $id }`: already defined in { $first }

cond-not-mapping = a condition must be a mapping such as `{"{"}path: photo.set, equals: true{"}"}`
cond-unknown-path = `{ $path }` is not a path of the profile format
cond-unknown-path-did-you-mean = `{ $path }` is not a path of the profile format; did you mean `{ $suggestion }`?
cond-unknown-path-in-list = `{ $path }` is not a path of the profile format: `{ $prefix }` is a list; check its items with `each` or `some`
cond-unknown-path-below-leaf = `{ $path }` is not a path of the profile format (`{ $prefix }` has no keys below it)
cond-value-not-allowed = `{ $value }` is not a value this field can take (expected one of { $allowed })
cond-can-never-equal = this field holds { diag-kind }, so it can never equal `{ $value }`
# $applies: single, text, numbers, lists.
cond-operator-applies-to = `{ $op }` applies to { $applies ->
        [single] a single value
        [text] text
        [numbers] numbers
       *[lists] lists
    }, but `{ $path }` is { diag-kind }
# A regular expression the regex engine refuses; $at is the character where
# the problem starts (0 when unknown).
cond-bad-regex = bad regular expression: { $problem ->
        [group-unclosed] a parenthesis `(` is never closed
        [group-unopened] a parenthesis `)` closes nothing
        [class-unclosed] a bracket `[` is never closed
        [class-range] a range such as `[z-a]` runs backwards or is not a range
        [repetition-missing] `*`, `+`, `?` or `{"{"}…{"}"}` follows nothing to repeat
        [repetition-count] a count such as `{"{"}2,5{"}"}` is malformed
        [escape] a backslash `\` starts an unknown or incomplete escape
        [unsupported] it uses look-around or back-references, which are not supported
        [too-deep] it nests too deep
        [too-big] it is too large once compiled
       *[other] it is malformed
    }{ $at ->
        [0] {""}
       *[other] {" "}(at character { $at })
    }

# A rule's check in words, for rule authors (`explain`, `rules`).
cond-list-separator = {"; "}
cond-all = all of: { $list }
cond-any = at least one of: { $list }
cond-not = it is not true that { $cond }
cond-each = every item of `{ $path }`: { $check }
cond-each-where = every item of `{ $path }` where { $when }: { $check }
cond-some = at least one item of `{ $path }`: { $check }
cond-the-item = the item
test-present = { $subject } is filled in
test-absent = { $subject } is empty or absent
test-equals = { $subject } is { $value }
test-not-equals = { $subject } is not { $value }
test-one-of = { $subject } is one of { $values }
test-none-of = { $subject } is none of { $values }
test-matches = { $subject } matches /{ $pattern }/
test-not-matches = { $subject } does not match /{ $pattern }/
test-min = { $subject } is at least { $n }
test-max = { $subject } is at most { $n }
test-min-chars = { $subject } has at least { $n ->
        [one] { $n } character
       *[other] { $n } characters
    }
test-max-chars = { $subject } has at most { $n ->
        [one] { $n } character
       *[other] { $n } characters
    }
test-min-items = { $subject } has at least { $n ->
        [one] { $n } item
       *[other] { $n } items
    }
test-max-items = { $subject } has at most { $n ->
        [one] { $n } item
       *[other] { $n } items
    }
test-max-repeated = { $subject } repeats no character more than { $n ->
        [one] once
       *[other] { $n } times
    } in a row

# Why a finding was given, for the person whose profile it is: the field as
# the format describes it, what was expected and what was found.
cond-failure-field = { $field } — expected: { $expected }; in your profile: { $found }
cond-failure = { $path }: expected: { $expected }; in your profile: { $found }
cond-failure-empty = `{ $path }` is empty or missing
cond-failure-general = expected: { $expected }
expect-present = a value
expect-absent = nothing
expect-one-of = one of { $values }
expect-none-of = anything but { $values }
expect-matches = text matching /{ $pattern }/
expect-not-matches = text not matching /{ $pattern }/
expect-min = at least { $n }
expect-max = at most { $n }
expect-min-chars = at least { $n ->
        [one] { $n } character
       *[other] { $n } characters
    }
expect-max-chars = at most { $n ->
        [one] { $n } character
       *[other] { $n } characters
    }
expect-min-items = at least { $n ->
        [one] { $n } item
       *[other] { $n } items
    }
expect-max-items = at most { $n ->
        [one] { $n } item
       *[other] { $n } items
    }
expect-max-repeated = no character repeated more than { $n ->
        [one] once
       *[other] { $n } times
    } in a row
found-missing = nothing yet
found-chars = { $n ->
        [one] { $n } character
       *[other] { $n } characters
    }
found-repeated = a character repeated { $n ->
        [one] once
       *[other] { $n } times
    }
found-items = { $n ->
        [one] { $n } item
       *[other] { $n } items
    }
found-mapping = a mapping
finding-not-a-list = `{ $path }` is not a list

found-empty = empty text
