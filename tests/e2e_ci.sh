#!/usr/bin/env bash
# End-to-end check of the CI formats with the real clients, run by .ci/run
# after `cargo test`: the SARIF goes through Microsoft's SARIF validator with
# GitHub's rules (zero errors allowed), the JUnit through junitparser (counts in
# the attributes must match the testcases). Both clients are installed from
# their registries into a temp dir; a missing tool is a failure, never a skip.
#
# Run from the repository root: bash tests/e2e_ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
ok() {
  passed=$((passed + 1))
  echo "ok   $*"
}
bad() {
  failed=$((failed + 1))
  echo "FAIL $*"
}
die() {
  echo "FAIL $*" >&2
  echo "e2e_ci: $passed passed, $((failed + 1)) failed"
  exit 1
}

for tool in cargo node npm python3; do
  command -v "$tool" >/dev/null || die "required tool \`$tool\` is not installed"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/e2e_ci.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ------------------------------------------------------------------ clients
echo "== installing clients"
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$TMP/npm" @microsoft/sarif-multitool >/dev/null ||
  die "npm install @microsoft/sarif-multitool"
# Call the platform binary directly: the package's launcher runs it through a
# shell, which would split `--rule-kind Gh;Sarif` at the semicolon.
SARIF_TOOL=$(node -p "require('$TMP/npm/node_modules/@microsoft/sarif-multitool')") ||
  die "cannot locate the SARIF multitool binary"
[ -f "$SARIF_TOOL" ] || die "SARIF multitool binary missing: $SARIF_TOOL"
# npm may skip the package's postinstall `chmod u+x`.
[ -x "$SARIF_TOOL" ] || chmod u+x "$SARIF_TOOL"

python3 -m venv "$TMP/venv" || die "python3 -m venv (install the venv module)"
"$TMP/venv/bin/python" -m pip install --quiet --disable-pip-version-check junitparser pre-commit ||
  die "pip install junitparser pre-commit"
PY="$TMP/venv/bin/python"
"$PY" -c "import junitparser" || die "junitparser does not import"

# ------------------------------------------------------------------- binary
echo "== building profilecheck (release)"
cargo build --release --locked --quiet || die "cargo build --release"
BIN="$(realpath "${CARGO_TARGET_DIR:-target}")/release/profilecheck"
[ -x "$BIN" ] || die "no binary at $BIN"

# ----------------------------------------------------------------- fixtures
mkdir -p "$TMP/valid" "$TMP/mixed/sub dir" "$TMP/clean"
cat >"$TMP/clean/complete.yaml" <<'EOF'
version: 1
name: Paul Durand
photo: {set: true, kind: professional, cover: true}
about:
  bio: "Community manager · e-reputation"
  work:
    - {employer: Agence Horizon, position: Community manager, current: true}
contact:
  links:
    - {network: linkedin, url: "https://www.linkedin.com/in/paul-durand"}
keywords: ["#ereputation", "#communitymanagement", "#formation"]
network: {professional_contacts: 42}
publishing:
  posts_per_month: 8
  editorial_line: "Practical e-reputation advice"
  topics: [e-reputation]
  writes_articles: true
  default_audience: public
alternate_name: {name: Community Manager, type: other, show_on_profile: true}
followers: {who_can_follow: public, professional_mode: true}
tagging: {tagged_posts_audience: friends, review_tagged_posts: true, review_tags: true}
privacy: {search_engines: true, viewed_as_public: true, birthday_audience: only_me}
EOF
cat >"$TMP/valid/half done.yaml" <<'EOF'
name: "Jeanne <Martin> & \"Co\" 100%"
photo: {set: true, kind: casual}
about:
  bio: "Community manager"
contact:
  links:
    - {network: linkedin, url: "ftp://x"}
    - {network: twitter, url: "https://facebook.com/x"}
keywords: ["#ereputation", "bad, key: 100%", "\x1b[31mred\u202e"]
EOF
cat >"$TMP/valid/waived.yaml" <<'EOF'
name: Camille
lang: fr
photo: {set: true, kind: professional, cover: true}
followers: {who_can_follow: friends}
waivers:
  professional-mode: "Garde un profil personnel ; utilise une Page"
  followers-public: "Profil privé <assumé> & \"voulu\"\nsur deux lignes"
  no-such-rule: "a waiver naming an unknown rule is a warning"
EOF
cp "$TMP/valid/"*.yaml "$TMP/clean/complete.yaml" "$TMP/mixed/sub dir/"
cat >"$TMP/mixed/invalid.yaml" <<'EOF'
photo:
  set: yes
  kind: selfie
bogus_key: 1
EOF

# ----------------------------------------------------------------- checks
# Lint $@ in every format; expect exit code $1; then check the outputs.
run_case() {
  local label=$1 expect=$2
  shift 2
  local out="$TMP/out/$label"
  mkdir -p "$out"
  local fmt code codes=""
  for fmt in json sarif junit; do
    set +e
    NO_COLOR=1 LANG=C "$BIN" --no-config --format "$fmt" -o "$out/report.$fmt" "$@" 2>"$out/stderr.$fmt"
    code=$?
    set -e
    codes="$codes $code"
    if [ "$expect" = any ] || [ "$code" = "$expect" ]; then
      ok "$label: --format $fmt exits $code"
    else
      bad "$label: --format $fmt exits $code, expected $expect"
      sed 's/^/     /' "$out/stderr.$fmt"
    fi
    [ -s "$out/report.$fmt" ] || bad "$label: --format $fmt wrote no report"
  done
  # Whatever the format, the same input gives the same exit code.
  if [ "$codes" = " $code $code $code" ]; then
    ok "$label: same exit code in every format"
  else
    bad "$label: exit codes differ between formats:$codes"
  fi

  # SARIF: Microsoft's validator with GitHub's rules. Its exit code says
  # nothing about the findings (it is 0 even when it cannot write), so read
  # the log it writes.
  rm -f "$out/validation.sarif"
  if "$SARIF_TOOL" validate "$out/report.sarif" -o "$out/validation.sarif" --rule-kind "Gh;Sarif" \
    --level "Error;Warning" >"$out/validator.txt" 2>&1 && [ -s "$out/validation.sarif" ]; then
    if "$PY" - "$out/validation.sarif" <<'EOF'; then
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
results = [r for run in log["runs"] for r in run.get("results", [])]
errors = [r for r in results if r.get("level", "warning") == "error"]
warnings = [r for r in results if r.get("level", "warning") == "warning"]
for r in errors + warnings:
    print("     %s %s %s" % (r.get("level", "warning"), r["ruleId"], r["message"].get("arguments")))
sys.exit(1 if errors else 0)
EOF
      ok "$label: SARIF validator (Gh;Sarif): no error"
    else
      bad "$label: SARIF validator reports errors"
      grep -E ": error " "$out/validator.txt" | head -20 | sed 's/^/     /' || true
    fi
  else
    bad "$label: SARIF validator did not run"
    sed 's/^/     /' "$out/validator.txt"
  fi

  # SARIF against the JSON report of the same input: one result per finding
  # and per waiver, one notification per profile error and warning.
  if "$PY" - "$out/report.sarif" "$out/report.json" "$code" <<'EOF'; then
import json, sys
sarif = json.load(open(sys.argv[1], encoding="utf-8"))
report = json.load(open(sys.argv[2], encoding="utf-8"))
code = int(sys.argv[3])
run = sarif["runs"][0]
assert sarif["version"] == "2.1.0"
profiles = report["profiles"]
findings = sum(len(p["findings"]) for p in profiles)
waived = sum(len(p["waived"]) for p in profiles)
results = run["results"]
assert len(results) == findings + waived, (len(results), findings, waived)
suppressed = [r for r in results if r.get("suppressions")]
assert len(suppressed) == waived, (len(suppressed), waived)
assert all(r["suppressions"][0]["justification"] for r in suppressed)
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r in results:
    assert ids[r["ruleIndex"]] == r["ruleId"], r
    loc = r["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] >= 1 and loc["artifactLocation"]["uri"], r
inv = run["invocations"][0]
notes = inv["toolExecutionNotifications"]
errors = sum(len(p["errors"]) for p in profiles)
warnings = sum(len(p.get("warnings", [])) for p in profiles)
assert len([n for n in notes if n["level"] == "error"]) == errors, (notes, errors)
assert len([n for n in notes if n["level"] == "warning"]) == warnings, (notes, warnings)
invalid = report["summary"]["invalid"]
# Pack and config problems (docs/ci.md): never a green run.
config = report["errors"]
assert report["summary"]["config_errors"] == len(config), report["summary"]
conf_notes = inv.get("toolConfigurationNotifications", [])
assert len(conf_notes) == len(config), (conf_notes, config)
for n, e in zip(conf_notes, config):
    assert n["level"] == "error", n
    loc = n["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] == e["line"], (n, e)
assert inv["executionSuccessful"] == (invalid == 0 and not config)
assert (code == 2) == (invalid > 0 or bool(config)), (code, invalid, config)
print("     %d results (%d waived), %d notifications" % (len(results), waived, len(notes)))
EOF
    ok "$label: SARIF matches the JSON report"
  else
    bad "$label: SARIF does not match the JSON report"
  fi

  # JUnit through junitparser: it must read the file, and every count in the
  # attributes must equal what the testcases hold.
  if "$PY" - "$out/report.junit" "$out/report.json" <<'EOF'; then
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
report = json.load(open(sys.argv[2], encoding="utf-8"))
profiles = report["profiles"]
suites = list(xml)
total = [0, 0, 0, 0]
# Pack and config problems first, as a suite of their own (docs/ci.md).
if report["errors"]:
    conf = suites.pop(0)
    assert conf.name == "profilecheck configuration", conf.name
    n = len(report["errors"])
    cases = list(conf)
    assert len(cases) == n and all(isinstance(r, Error) for c in cases for r in c.result), cases
    assert [conf.tests, conf.failures, conf.errors, conf.skipped] == [n, 0, n, 0]
    total = [n, 0, n, 0]
assert len(suites) == len(profiles), (len(suites), len(profiles))
for suite, p in zip(suites, profiles):
    n = [0, 0, 0, 0]
    for case in suite:
        n[0] += 1
        for r in case.result:
            n[1] += isinstance(r, Failure)
            n[2] += isinstance(r, Error)
            n[3] += isinstance(r, Skipped)
    attrs = [suite.tests, suite.failures, suite.errors, suite.skipped]
    assert attrs == n, (suite.name, attrs, n)
    assert suite.name == p["file"], (suite.name, p["file"])
    if p["score"] is None:
        assert n == [1, 0, 1, 0], n
    else:
        failing = {f["rule"] for f in p["findings"]}
        assert n[0] == len(p["passed"]) + len(failing) + len(p["waived"]), (p["file"], n)
        assert n[1] == len(failing) and n[3] == len(p["waived"]), (p["file"], n)
        reasons = sorted(r.message for case in suite for r in case.result if isinstance(r, Skipped))
        assert reasons == sorted(w["reason"] for w in p["waived"]), reasons
    total = [a + b for a, b in zip(total, n)]
root = [xml.tests, xml.failures, xml.errors, xml.skipped]
assert root == total, (root, total)
print("     tests=%d failures=%d errors=%d skipped=%d" % tuple(total))
EOF
    ok "$label: junitparser reads the JUnit and its counts match"
  else
    bad "$label: JUnit check"
  fi
}

echo "== checks"
run_case clean 0 "$TMP/clean"
run_case valid 1 "$TMP/valid"
run_case mixed 2 "$TMP/mixed"
shopt -s nullglob
examples=(examples/*.yaml examples/*.yml)
if [ ${#examples[@]} -gt 0 ]; then
  run_case examples any "${examples[@]}"
else
  echo "(examples/ holds no profile yet)"
fi

# A broken house pack: every format must say the run is not green.
cat >"$TMP/broken-pack.yaml" <<'EOF'
pack: house
rules:
  - {id: house-city, severity: nope, title: Say where you work}
  - not a rule
EOF
run_case broken-pack 2 --rules "$TMP/broken-pack.yaml" "$TMP/clean"

# ------------------------------------------------------------- pre-commit
# The hook of .pre-commit-hooks.yaml with the real pre-commit: it passes on
# the complete example and fails on the half-done one.
echo "== pre-commit try-repo"
command -v git >/dev/null || die "required tool \`git\` is not installed"
PRE_COMMIT="$TMP/venv/bin/pre-commit"
REPO="$PWD"
# pre-commit reads a hook repository with git. .ci/run runs this script in
# a plain copy of the checkout: make that copy a repository of its own.
if ! git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (
    cd "$REPO" && git init -q . && git add -A &&
      git -c user.name=e2e -c user.email=e2e@localhost commit -q -m "copy under test"
  ) || die "git init of the copy for pre-commit"
fi
HOOKS="$TMP/hooks-user"
mkdir -p "$HOOKS"
cp examples/complete.yaml examples/jeanne-martin.yaml "$HOOKS/"
(
  cd "$HOOKS"
  git init -q . && git add complete.yaml jeanne-martin.yaml
) || die "git init for the pre-commit check"
# pre-commit builds the hook with cargo: keep its cache in the temp dir,
# and let its `cargo install` reuse the release build of this run (cargo
# install honours CARGO_TARGET_DIR) instead of compiling every crate twice.
export PRE_COMMIT_HOME="$TMP/pre-commit-home"
CARGO_TARGET_DIR="$(realpath "${CARGO_TARGET_DIR:-target}")"
export CARGO_TARGET_DIR
if (cd "$HOOKS" && "$PRE_COMMIT" try-repo "$REPO" profilecheck --files complete.yaml) >"$TMP/pc-ok.txt" 2>&1; then
  ok "pre-commit try-repo passes on examples/complete.yaml"
else
  bad "pre-commit try-repo fails on examples/complete.yaml"
  tail -20 "$TMP/pc-ok.txt" | sed 's/^/     /'
fi
if (cd "$HOOKS" && "$PRE_COMMIT" try-repo "$REPO" profilecheck --files jeanne-martin.yaml) >"$TMP/pc-bad.txt" 2>&1; then
  bad "pre-commit try-repo passes on the half-done examples/jeanne-martin.yaml"
elif grep -q "jeanne-martin.yaml:" "$TMP/pc-bad.txt"; then
  ok "pre-commit try-repo fails on examples/jeanne-martin.yaml, with its findings"
else
  bad "pre-commit try-repo failed without findings"
  tail -20 "$TMP/pc-bad.txt" | sed 's/^/     /'
fi

# An ordinary commit (issue 26): a workflow, a compose file, pre-commit's own
# config and a profilecheck config are named by pre-commit, and the hook's
# --force-exclude leaves them out: the hook passes, with a note.
mkdir -p "$HOOKS/.github/workflows"
printf 'on: push\njobs: {}\n' >"$HOOKS/.github/workflows/ci.yml"
printf 'services: {web: {image: nginx}}\n' >"$HOOKS/docker-compose.yml"
printf 'repos: []\n' >"$HOOKS/.pre-commit-config.yaml"
printf 'rules: [packs/]\n' >"$HOOKS/.profilecheck.yaml"
mkdir -p "$HOOKS/packs"
printf 'pack: house\nrules: []\n' >"$HOOKS/packs/house.yaml"
(cd "$HOOKS" && git add -A) || die "git add for the ordinary commit"
ORDINARY=(.github/workflows/ci.yml docker-compose.yml .pre-commit-config.yaml .profilecheck.yaml packs/house.yaml)
if (cd "$HOOKS" && "$PRE_COMMIT" try-repo "$REPO" profilecheck --files "${ORDINARY[@]}") >"$TMP/pc-ordinary.txt" 2>&1; then
  ok "pre-commit try-repo passes on a commit of a workflow, a compose file, configs and a pack"
else
  bad "pre-commit try-repo blocks an ordinary commit"
  tail -20 "$TMP/pc-ordinary.txt" | sed 's/^/     /'
fi
if (cd "$HOOKS" && "$PRE_COMMIT" try-repo "$REPO" profilecheck --files "${ORDINARY[@]}" jeanne-martin.yaml) >"$TMP/pc-mixed.txt" 2>&1; then
  bad "pre-commit try-repo passes a commit with the half-done profile among other files"
elif grep -q "jeanne-martin.yaml:" "$TMP/pc-mixed.txt" && ! grep -q "docker-compose.yml:" "$TMP/pc-mixed.txt"; then
  ok "pre-commit try-repo fails on the half-done profile only, among other files"
else
  bad "pre-commit try-repo failed for the wrong files"
  tail -20 "$TMP/pc-mixed.txt" | sed 's/^/     /'
fi

echo "e2e_ci: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
