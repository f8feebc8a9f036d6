#!/usr/bin/env bash
# End-to-end: profilecheck as people install it, with the real clients.
#
#   1. `cargo package --locked`: the .crate is under 5 MiB, and `cargo
#      install --path` of the unpacked crate into an empty root gives a
#      program that runs the README's example (exit 1: it has findings).
#   2. `pip wheel .` (maturin, bindings = "bin"): a fresh venv that installs
#      the wheel has `profilecheck`, which runs the example and `serve
#      --help`; pre-commit's `profilecheck-system` hook runs it with no cargo
#      on PATH.
#   3. `profilecheck completions bash` parses (`bash -n`) and completes the
#      subcommands; zsh, fish, powershell and elvish scripts name them too;
#      `profilecheck man` starts with `.TH` and man renders it.
#
# Builds use Cargo.toml's `dist` profile (thin LTO, 16 units), the one
# pyproject.toml gives maturin, so the crate install and the wheel share
# their dependencies' builds and neither pays for fat LTO.
# Needs: cargo, python3 with venv, tar, bash, man, zsh and fish (the last
# three installed as root when missing). A missing client is a failure, never a skip.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
die() { echo "e2e_ship: $*" >&2; exit 1; }
started=$SECONDS

for tool in cargo python3 tar bash; do
  command -v "$tool" >/dev/null || die "required tool \`$tool\` is not installed"
done
if ! command -v man >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq man-db groff-base; } >/dev/null 2>&1
fi
command -v man >/dev/null || die "required tool \`man\` is not installed"
# zsh and fish check that their completion scripts parse.
if { ! command -v zsh || ! command -v fish; } >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq zsh fish; } >/dev/null 2>&1
fi
for tool in zsh fish; do
  command -v "$tool" >/dev/null || die "required tool \`$tool\` is not installed"
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
CARGO_TARGET_DIR="$(realpath "${CARGO_TARGET_DIR:-target}")"
export CARGO_TARGET_DIR

# The example exits 1 (findings) and prints its report; anything else fails.
check_example() {
  local what="$1" bin="$2"
  local code=0
  (cd "$TMP" && "$bin" "$EXAMPLE" --lang en >"$TMP/example.txt" 2>&1) || code=$?
  if [ "$code" = 1 ] && grep -q "score 52/100" "$TMP/example.txt"; then
    ok "$what runs the example (exit 1, score 52/100)"
  else
    bad "$what on the example: exit $code"
    head -n 20 "$TMP/example.txt" | sed 's/^/     /'
  fi
}

# ----------------------------------------------------------------- the crate
echo "== cargo package"
t=$SECONDS
# --allow-dirty: a work tree with changes packages what it has (the copy
# .ci/run makes is no git repository, so nothing is dirty there). The build
# check is the install below, from the unpacked crate.
cargo package --locked --allow-dirty --no-verify --quiet 2>"$TMP/package.err" ||
  { cat "$TMP/package.err" >&2; die "cargo package failed"; }
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
crate="$CARGO_TARGET_DIR/package/profilecheck-$version.crate"
[ -f "$crate" ] || die "no $crate"
size=$(wc -c <"$crate")
if [ "$size" -lt $((5 * 1024 * 1024)) ]; then
  ok "profilecheck-$version.crate is $((size / 1024)) KiB (< 5 MiB)"
else
  bad "profilecheck-$version.crate is $size bytes (>= 5 MiB)"
fi
tar -tzf "$crate" >"$TMP/crate-files.txt" || die "tar -t $crate"
for must in LICENSE-MIT LICENSE-APACHE README.md build.rs rules/guide.yaml locales/fr/cli.ftl \
  src/profile/yaml.rs examples/jeanne-martin.yaml; do
  if grep -qx "profilecheck-$version/$must" "$TMP/crate-files.txt"; then
    ok "the crate carries $must"
  else
    bad "the crate lacks $must"
  fi
done
if grep -q "/tests/corpora/\|/tests/snapshots/\|/fuzz/" "$TMP/crate-files.txt"; then
  bad "the crate carries the test corpora, snapshots or fuzz targets"
else
  ok "the crate leaves out the test corpora, snapshots and fuzz targets"
fi
# Unpacked at a fixed place under the target folder: a second run on the
# same crate reuses its build (cargo keys builds by the source's path).
unpacked="$CARGO_TARGET_DIR/e2e-ship"
rm -rf "$unpacked"
mkdir -p "$unpacked" "$TMP/root"
tar -xzf "$crate" -C "$unpacked"
echo "   (packaged in $((SECONDS - t)) s)"

echo "== cargo install from the unpacked crate"
t=$SECONDS
if cargo install --locked --quiet --profile dist --path "$unpacked/profilecheck-$version" \
  --root "$TMP/root" >"$TMP/install.txt" 2>&1; then
  ok "cargo install --path of the unpacked crate builds ($((SECONDS - t)) s)"
else
  bad "cargo install --path of the unpacked crate"
  tail -n 20 "$TMP/install.txt" | sed 's/^/     /'
fi
# The example as the crate's README names it, from the unpacked crate.
EXAMPLE="$unpacked/profilecheck-$version/examples/jeanne-martin.yaml"
check_example "the installed crate" "$TMP/root/bin/profilecheck"

# ------------------------------------------------------------------ the wheel
echo "== pip wheel"
t=$SECONDS
python3 -m venv "$TMP/build" || die "python3 -m venv (install python3-venv)"
if "$TMP/build/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$TMP/wheels" . \
  >"$TMP/wheel.txt" 2>&1; then
  ok "pip wheel . builds ($((SECONDS - t)) s)"
else
  bad "pip wheel ."
  tail -n 20 "$TMP/wheel.txt" | sed 's/^/     /'
fi
wheel="$(find "$TMP/wheels" -name "profilecheck-*.whl" 2>/dev/null | head -n 1)"
[ -n "$wheel" ] || die "no wheel built"
echo "   $(basename "$wheel")"
python3 - "$wheel" >"$TMP/meta.txt" <<'PY' || bad "the wheel's metadata"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
    print(z.read(meta).decode())
    print("\n".join(z.namelist()))
PY
for field in "Name: profilecheck" "License-Expression: MIT OR Apache-2.0" "Classifier: Environment :: Console" \
  "Project-URL: Repository" "Description-Content-Type: text/markdown" "scripts/profilecheck"; do
  if grep -q "$field" "$TMP/meta.txt"; then ok "the wheel has $field"; else bad "the wheel lacks $field"; fi
done

python3 -m venv "$TMP/user" || die "python3 -m venv"
"$TMP/user/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" pre-commit ||
  die "pip install the wheel and pre-commit"
EXAMPLE="$PWD/examples/jeanne-martin.yaml"
check_example "the wheel's profilecheck" "$TMP/user/bin/profilecheck"
if "$TMP/user/bin/profilecheck" serve --help >"$TMP/serve.txt" 2>&1 && grep -q -- "--port" "$TMP/serve.txt"; then
  ok "the wheel's profilecheck serve --help"
else
  bad "the wheel's profilecheck serve --help"
  head -n 10 "$TMP/serve.txt" | sed 's/^/     /'
fi

# pre-commit's no-Rust hook, with no cargo anywhere on PATH.
REPO="$PWD"
if ! git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (
    cd "$REPO" && git init -q . && git add -A &&
      git -c user.name=e2e -c user.email=e2e@localhost commit -q -m "copy under test"
  ) || die "git init of the copy for pre-commit"
fi
mkdir "$TMP/hooks"
cp examples/jeanne-martin.yaml examples/complete.yaml "$TMP/hooks/"
(cd "$TMP/hooks" && git init -q . && git add -A) || die "git init for the pre-commit check"
norust="$TMP/user/bin:/usr/bin:/bin"
export PRE_COMMIT_HOME="$TMP/pre-commit-home"
if (cd "$TMP/hooks" && PATH="$norust" pre-commit try-repo "$REPO" profilecheck-system --files complete.yaml) \
  >"$TMP/pc-ok.txt" 2>&1; then
  ok "pre-commit profilecheck-system passes on complete.yaml without cargo"
else
  bad "pre-commit profilecheck-system on complete.yaml"
  tail -n 15 "$TMP/pc-ok.txt" | sed 's/^/     /'
fi
if (cd "$TMP/hooks" && PATH="$norust" pre-commit try-repo "$REPO" profilecheck-system --files jeanne-martin.yaml) \
  >"$TMP/pc-bad.txt" 2>&1; then
  bad "pre-commit profilecheck-system passes on the half-done jeanne-martin.yaml"
elif grep -q "jeanne-martin.yaml:" "$TMP/pc-bad.txt"; then
  ok "pre-commit profilecheck-system fails on jeanne-martin.yaml with its findings"
else
  bad "pre-commit profilecheck-system failed without findings"
  tail -n 15 "$TMP/pc-bad.txt" | sed 's/^/     /'
fi

# ------------------------------------------------ the action's run step
# action.yml's lint step as GitHub runs it (`bash --noprofile --norc -eo
# pipefail`), with the wheel's profilecheck on PATH: findings give exit-code
# 1 in the step's outputs and a SARIF report, and the step itself goes on so
# the report is uploaded. (Its install step downloads a release: no
# release exists on this machine's network.)
echo "== action.yml run step"
"$TMP/user/bin/python" - action.yml >"$TMP/action-run.sh" <<'PY' || bad "reading action.yml"
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
print(next(s for s in steps if s.get("id") == "run")["run"])
PY
mkdir "$TMP/action"
cp examples/jeanne-martin.yaml examples/complete.yaml "$TMP/action/"
code=0
(cd "$TMP/action" && PATH="$TMP/user/bin:$PATH" PROFILE_PATHS="jeanne-martin.yaml complete.yaml" \
  EXTRA_ARGS="--lang fr --fail-on warning" SARIF=out.sarif GITHUB_OUTPUT="$TMP/action/outputs" \
  bash --noprofile --norc -eo pipefail "$TMP/action-run.sh") >"$TMP/action/log" 2>&1 || code=$?
if [ "$code" = 0 ] && grep -qx "exit-code=1" "$TMP/action/outputs"; then
  ok "the action's run step records exit-code=1 and carries on to the upload"
else
  bad "the action's run step: exit $code, outputs: $(cat "$TMP/action/outputs" 2>/dev/null)"
  tail -n 10 "$TMP/action/log" | sed 's/^/     /'
fi
if "$TMP/user/bin/python" - "$TMP/action/out.sarif" <<'PY'; then
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert "jeanne-martin.yaml" in uris, uris
assert run["tool"]["driver"]["name"] == "profilecheck"
PY
  ok "the action's SARIF report has the findings of jeanne-martin.yaml"
else
  bad "the action's SARIF report"
fi

# ------------------------------------------------- completions and man page
echo "== completions and man page"
BIN="$TMP/user/bin/profilecheck"
for lang in en fr; do
  "$BIN" completions bash --lang "$lang" >"$TMP/c.bash" || bad "completions bash --lang $lang"
  if bash -n "$TMP/c.bash"; then ok "bash completions ($lang) parse"; else bad "bash -n on bash completions ($lang)"; fi
done
# Source it and ask for completions as bash would after `profilecheck s`.
words="$(bash -c '
  source "$1"
  COMP_WORDS=(profilecheck s); COMP_CWORD=1; COMP_LINE="profilecheck s"; COMP_POINT=${#COMP_LINE}
  _profilecheck profilecheck s profilecheck
  printf "%s\n" "${COMPREPLY[@]}"
' sh "$TMP/c.bash" 2>&1)"
if grep -qx serve <<<"$words" && grep -qx schema <<<"$words"; then
  ok "bash completes \`profilecheck s\` to serve and schema"
else
  bad "bash completion of \`profilecheck s\`: $words"
fi
words="$(bash -c '
  source "$1"
  COMP_WORDS=(profilecheck --fail-o); COMP_CWORD=1; COMP_LINE="profilecheck --fail-o"; COMP_POINT=${#COMP_LINE}
  _profilecheck profilecheck --fail-o profilecheck
  printf "%s\n" "${COMPREPLY[@]}"
' sh "$TMP/c.bash" 2>&1)"
if grep -qx -- "--fail-on" <<<"$words"; then
  ok "bash completes \`profilecheck --fail-o\` to --fail-on"
else
  bad "bash completion of \`--fail-o\`: $words"
fi
for lang in en fr; do
  if "$BIN" completions zsh --lang "$lang" >"$TMP/c.zsh" && zsh -n "$TMP/c.zsh"; then
    ok "zsh completions ($lang) parse"
  else
    bad "zsh -n on zsh completions ($lang)"
  fi
  if "$BIN" completions fish --lang "$lang" >"$TMP/c.fish" && fish --no-execute "$TMP/c.fish"; then
    ok "fish completions ($lang) parse"
  else
    bad "fish --no-execute on fish completions ($lang)"
  fi
done
for shell in zsh fish powershell elvish; do
  "$BIN" completions "$shell" >"$TMP/c.$shell" 2>"$TMP/c.err" || bad "completions $shell: $(cat "$TMP/c.err")"
  if [ -s "$TMP/c.$shell" ] && grep -q serve "$TMP/c.$shell" && grep -q explain "$TMP/c.$shell"; then
    ok "$shell completions name the subcommands"
  else
    bad "$shell completions"
  fi
done
"$BIN" man >"$TMP/profilecheck.1" || bad "profilecheck man"
if head -n 1 "$TMP/profilecheck.1" | grep -q '^\.TH PROFILECHECK 1 '; then
  ok "profilecheck man starts with .TH"
else
  bad "profilecheck man starts with: $(head -c 80 "$TMP/profilecheck.1")"
fi
if MANWIDTH=100 man -l "$TMP/profilecheck.1" >"$TMP/man.txt" 2>"$TMP/man.err" &&
  grep -q "profilecheck serve" "$TMP/man.txt" && [ ! -s "$TMP/man.err" ]; then
  ok "man renders the page, with every subcommand, without warnings"
else
  bad "man -l: $(head -n 5 "$TMP/man.err")"
fi

echo "e2e_ship: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
