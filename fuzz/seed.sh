#!/usr/bin/env bash
# Seed the fuzz corpora (fuzz/corpus/{profile,pack}, gitignored) from the
# repository's examples and rule packs, the YAML test suite (vendored in
# tests/corpora/yaml-test-suite) and a few hostile shapes. Everything comes
# from inside the repository. Run from anywhere: bash fuzz/seed.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
suite="$root/tests/corpora/yaml-test-suite"
mkdir -p "$here/corpus/profile" "$here/corpus/pack"
n=0
copy() { # copy FILE DIR: name by content so re-seeding adds no duplicates
    local sum
    sum="$(sha1sum "$1" | cut -c1-16)"
    cp "$1" "$2/seed-$sum"
    n=$((n + 1))
}
shopt -s nullglob globstar
for f in "$root"/examples/**/*.yaml "$root"/examples/**/*.yml; do
    copy "$f" "$here/corpus/profile"
    copy "$f" "$here/corpus/pack"
done
for f in "$root"/rules/*.yaml; do copy "$f" "$here/corpus/pack"; done
[ -d "$suite/valid" ] || { echo "seed: the vendored YAML test suite is missing at $suite" >&2; exit 1; }
for f in "$suite"/valid/*.yaml "$suite"/invalid/*.yaml; do copy "$f" "$here/corpus/profile"; done
# Small hostile shapes: the fuzzer mutates them into worse ones.
printf 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n' >"$here/corpus/profile/seed-alias"
printf '%s' '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]' >"$here/corpus/profile/seed-deep"
printf '\xef\xbb\xbfphoto:\r\n  set: true\r\n' >"$here/corpus/profile/seed-bom-crlf"
echo "seed: $n files copied into $here/corpus/{profile,pack}"
