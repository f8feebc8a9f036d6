#!/usr/bin/env bash
# End-to-end check of `profilecheck schema` with a real JSON Schema validator
# (Python `jsonschema`, draft 2020-12), and of its agreement with the linter.
#
# Every case is a profile file with an expected verdict. The schema must give
# that verdict, and so must the binary: exit 0 or 1 for a valid profile, 2 for
# an invalid one. Cases: the `init` templates (en, fr), an interview written by
# `init --interactive`, every examples/*.yaml, and hand-made valid and invalid
# profiles below.
#
# YAML loading: profilecheck reads YAML 1.2 booleans (`yes` is a string, and a
# type error where true/false is expected). PyYAML's safe_load follows YAML 1.1
# (`yes`, `on` are booleans; `2024-01-01` a date; `1_000` an int), which would
# make the schema accept `set: yes`. So the loader below is SafeLoader with its
# implicit resolvers replaced by the YAML 1.2 core schema ones (null, true/false,
# int, float; nothing else). ruamel.yaml would do YAML 1.2 too, but still
# resolves timestamps and is a heavier dependency; a dozen lines of resolvers
# are easier to read and to trust.
#
# Needs python3 with venv and network access to PyPI; a missing tool is a FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "e2e_schema: FAIL: $*" >&2; exit 1; }

command -v python3 >/dev/null || fail "python3 not found"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- tools
if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
  # Debian splits venv out of python3; install it when we may.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null \
      || fail "cannot install python3-venv"
    python3 -m venv "$work/venv" || fail "python3 -m venv does not work"
  else
    fail "python3 -m venv does not work (install python3-venv)"
  fi
fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check 'jsonschema>=4.18' 'pyyaml>=6' \
  || fail "pip could not install jsonschema and pyyaml"
py="$work/venv/bin/python"

# ---------------------------------------------------------------- binary
if [ -n "${PROFILECHECK:-}" ]; then
  bin="$PROFILECHECK"
else
  cargo build --quiet --locked --bin profilecheck || fail "cargo build failed"
  bin="${CARGO_TARGET_DIR:-target}/debug/profilecheck"
fi
[ -x "$bin" ] || fail "no binary at $bin"
# Lint: global options first. Subcommands: options after the subcommand's name
# (before it, the name would be read as a file to lint).
pc() { NO_COLOR=1 LANG=C "$bin" --no-config "$@"; }
sub() { local cmd="$1"; shift; NO_COLOR=1 LANG=C "$bin" "$cmd" --no-config "$@"; }

sub schema > "$work/profile.schema.json" || fail "profilecheck schema failed"

cat > "$work/validate.py" <<'PY'
"""Validate YAML files against a JSON Schema; one line per file: PATH<TAB>valid|invalid<TAB>why."""
import json, re, sys
import yaml
from jsonschema import Draft202012Validator


class Core12Loader(yaml.SafeLoader):
    """SafeLoader reading scalars by the YAML 1.2 core schema, as profilecheck does."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
]:
    Core12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(regexp), list(first))


def core12_int(loader, node):
    # YAML 1.2: 017 is seventeen (1.1 read it as octal), no `_` separators.
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


Core12Loader.add_constructor("tag:yaml.org,2002:int", core12_int)

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    try:
        data = yaml.load(open(path, encoding="utf-8"), Loader=Core12Loader)
    except yaml.YAMLError as e:
        print(f"{path}\tinvalid\tYAML: {str(e).splitlines()[0]}")
        continue
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{path}\tinvalid\t{where}: {e.message[:120]}")
    else:
        print(f"{path}\tvalid\t")
PY

# ---------------------------------------------------------------- cases
mkdir -p "$work/valid" "$work/invalid"
valid()   { printf '%s\n' "$2" > "$work/valid/$1.yaml"; }
invalid() { printf '%s\n' "$2" > "$work/invalid/$1.yaml"; }

sub init --lang en > "$work/valid/template-en.yaml"
sub init --lang fr > "$work/valid/template-fr.yaml"
printf '%s\n' "Jeanne Martin" y 1 y "Coach: e-réputation #1" "Community manager" "Agence Horizon" y "" \
  "IUT" "DUT" "" "Rennes" "j@example.org" "https://j.example.org" 1 "https://www.linkedin.com/in/j" "" \
  42 "#ereputation, #formation, #cm" 8,5 "Conseils \"pratiques\"" "e-réputation, réseaux" y n y y \
  "Community Manager" 9 y 1 y 1 3 y y y 4 4 1 3 3 \
  | sub init --interactive --lang fr -o "$work/valid/interview-fr.yaml" 2>/dev/null
printf '\n\n' | sub init --interactive --lang en -o "$work/valid/interview-empty.yaml" 2>/dev/null

valid empty ''
valid comments-only '# nothing filled in yet'
valid spec-sample 'version: 1
name: Jeanne Martin
lang: fr
photo: {set: true, kind: professional, cover: true}
about:
  bio: "Community manager · e-reputation"
  work:
    - employer: Agence Horizon
      position: Community manager
      current: true
  education:
    - {school: IUT de Lannion, degree: DUT Information-Communication}
  city: Rennes
contact:
  email: jeanne@example.org
  website: https://jeanne.example.org
  links:
    - {network: linkedin, url: "https://www.linkedin.com/in/jeanne-martin"}
keywords: ["#ereputation", "#communitymanagement", "#formation"]
network: {professional_contacts: 42}
publishing:
  posts_per_month: 8
  editorial_line: "Practical e-reputation advice for small businesses"
  topics: [e-reputation, social media]
  shares_blog_posts: true
  shares_curation: true
  writes_articles: true
  default_audience: public
alternate_name: {name: Community Manager, type: other, show_on_profile: true}
followers: {who_can_follow: public, professional_mode: true}
tagging: {tagged_posts_audience: friends, review_tagged_posts: true, review_tags: true}
privacy:
  search_engines: true
  viewed_as_public: true
  birthday_audience: only_me
  phone_audience: only_me
  email_audience: public
  relationship_audience: friends
  family_audience: friends
waivers:
  professional-mode: "Keeps a personal profile; uses a Page for business"
extra: {}'
valid nulls-everywhere 'version:
name: ~
photo: null
about: {bio: , work: , city: null}
contact: {links: [{network: ~, url: }]}
keywords:
waivers:
extra:'
valid yes-is-text-where-text-is-expected 'about: {city: yes, bio: "no"}
name: off'
valid whole-float-count 'network: {professional_contacts: 42.0}
publishing: {posts_per_month: 2.5}'
valid zero-counts 'network: {professional_contacts: 0}
publishing: {posts_per_month: 0}'
valid free-extra 'extra:
  brand: {disclaimer: "Views are my own", colours: [red, 3, true, null]}
  anything: [1, {deep: {er: 2}}]'
valid unknown-waiver 'waivers: {no-such-rule: "kept on purpose"}'
valid custom-audiences 'privacy: {birthday_audience: custom, phone_audience: friends_of_friends}
followers: {who_can_follow: friends}'
valid unicode-text 'name: "Zoë Ødegaard — 日本語"
about: {bio: "Tab\there, quote \" and backslash \\"}'

invalid unknown-key 'folowers: {who_can_follow: public}'
invalid unknown-nested-key 'photo: {sett: true}'
invalid unknown-item-key 'about: {work: [{employer: X, salary: 3}]}'
invalid text-as-number 'about: {bio: 42}'
invalid yes-as-boolean 'photo: {set: yes}'
invalid on-as-boolean 'tagging: {review_tags: on}'
invalid one-as-boolean 'photo: {cover: 1}'
invalid negative-count 'network: {professional_contacts: -3}'
invalid negative-posts 'publishing: {posts_per_month: -1.5}'
invalid fractional-count 'network: {professional_contacts: 4.5}'
invalid count-as-text 'network: {professional_contacts: "many"}'
invalid bad-enum 'photo: {kind: selfie}'
invalid bad-audience 'privacy: {birthday_audience: everyone}'
invalid bad-network 'contact: {links: [{network: myspace, url: "https://myspace.com/x"}]}'
invalid bad-lang 'lang: de'
invalid version-2 'version: 2'
invalid version-text 'version: "1"'
invalid list-as-text 'keywords: "#a, #b"'
invalid null-list-item 'keywords: ["#a", ~]'
invalid mapping-as-text 'alternate_name: Coach'
invalid waiver-without-reason 'waivers: {photo-set: }'
invalid waiver-number 'waivers: {photo-set: 3}'
invalid extra-not-mapping 'extra: 5'
invalid root-list '- photo: {set: true}'
invalid root-text 'just some text'

# ---------------------------------------------------------------- run
shopt -s nullglob
cases=("$work"/valid/*.yaml "$work"/invalid/*.yaml)
examples=(examples/*.yaml examples/*.yml)
"$py" "$work/validate.py" "$work/profile.schema.json" "${cases[@]}" "${examples[@]}" > "$work/verdicts" \
  || fail "validator crashed"

passed=0
failed=0
while IFS=$'\t' read -r path verdict why; do
  case "$path" in
    "$work"/invalid/*) want=invalid ;;
    # An example meant to show an error says so in its name.
    examples/*invalid*) want=invalid ;;
    *) want=valid ;;
  esac
  name="${path#"$work"/}"
  set +e
  pc --lang en -q "$path" > /dev/null 2> "$work/stderr"
  code=$?
  set -e
  if [ "$code" = 2 ]; then lint=invalid; elif [ "$code" = 0 ] || [ "$code" = 1 ]; then lint=valid; else lint="crashed($code)"; fi
  if [ "$verdict" = "$want" ] && [ "$lint" = "$want" ]; then
    passed=$((passed + 1))
    echo "ok   $name: $want (exit $code${why:+; schema: $why})"
  else
    failed=$((failed + 1))
    echo "FAIL $name: expected $want; schema says $verdict ${why:+($why)}; profilecheck exit $code" >&2
    sed 's/^/    /' "$work/stderr" >&2
  fi
done < "$work/verdicts"

expected=$(( ${#cases[@]} + ${#examples[@]} ))
seen=$(( passed + failed ))
if [ "$seen" != "$expected" ]; then
  failed=$((failed + expected - seen))
  echo "FAIL: the validator gave $seen verdicts for $expected files" >&2
fi

echo "e2e_schema: $passed passed, $failed failed"
[ "$failed" = 0 ]
