#!/usr/bin/env bash
# End-to-end check of the HTML handouts (`--format html`) in a real browser:
# headless Chromium driven by playwright-core (tests/e2e/check_html.cjs).
#
# Renders pages for the example profiles, for fixtures made here (a half-done
# profile in English and in French, several profiles with an invalid one, and a
# hostile profile whose name, bio, links and waivers carry script tags, broken
# attributes, entities, emoji, right-to-left text and Markdown links), opens
# each one and checks: no request but the file itself, no console or page
# error, no dialog, no script or img[onerror] element, hostile strings shown as
# text, the page language, titled score pictures, no sideways scrolling on a
# phone, and that the page prints. Screenshots (screen, phone, print) and PDFs
# go to target/e2e-browser/.
#
# Needs: the Debian `chromium` package (installed here when missing, as root),
# node and npm (playwright-core comes from the npm registry into a temp dir;
# it never downloads a browser). A missing tool is a FAIL, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

# fd 3 is the real stdout, also inside blocks whose output goes to a file.
exec 3>&1
fail() {
  echo "e2e_browser: FAIL: $*" >&2
  echo "e2e_browser: 0 passed, 1 failed" >&3
  exit 1
}

# ---------------------------------------------------------------- tools
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  if [ -z "${apt_updated:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e_browser: installing chromium"
  apt_install chromium || fail "cannot install the chromium package"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "e2e_browser: installing nodejs and npm"
  apt_install nodejs npm || fail "cannot install nodejs and npm"
fi
command -v node >/dev/null || fail "node not found"
command -v npm >/dev/null || fail "npm not found"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# playwright-core drives a browser and never downloads one; markdown-it
# renders the Markdown handouts the way a permissive viewer would.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$work/npm" --no-audit --no-fund --silent \
  playwright-core markdown-it >/dev/null 2>&1 || fail "npm could not install playwright-core and markdown-it"
export PLAYWRIGHT_CORE="$work/npm/node_modules/playwright-core"
export MARKDOWN_IT="$work/npm/node_modules/markdown-it"
[ -d "$PLAYWRIGHT_CORE" ] || fail "playwright-core missing after npm install"
[ -d "$MARKDOWN_IT" ] || fail "markdown-it missing after npm install"

# ---------------------------------------------------------------- binary
if [ -n "${PROFILECHECK:-}" ]; then
  bin="$PROFILECHECK"
else
  cargo build --quiet --release --locked --bin profilecheck || fail "cargo build --release failed"
  bin="${CARGO_TARGET_DIR:-target}/release/profilecheck"
fi
[ -x "$bin" ] || fail "no binary at $bin"

# ---------------------------------------------------------------- fixtures
fx="$work/fixtures"
mkdir -p "$fx" "$work/pages"

cat >"$fx/half-en.yaml" <<'YAML'
version: 1
name: Jeanne Martin
lang: en
photo: {set: true, kind: casual}
about:
  bio: "Community manager · e-reputation"
contact:
  links:
    - {network: linkedin, url: "https://www.linkedin.com/in/jeanne-martin"}
keywords: ["#ereputation", "community management", "#formation"]
publishing: {posts_per_month: 8, editorial_line: "Practical e-reputation advice for small businesses"}
alternate_name: {name: Community Manager, show_on_profile: false}
followers: {who_can_follow: friends}
privacy: {birthday_audience: public, viewed_as_public: true}
waivers:
  professional-mode: "Keeps a personal profile; uses a Page for business"
YAML
sed -e 's/^lang: en$/lang: fr/' -e 's/^name: Jeanne Martin$/name: Jeanne Martin (FR)/' \
  "$fx/half-en.yaml" >"$fx/half-fr.yaml"

cat >"$fx/good.yaml" <<'YAML'
name: Paul Durand
lang: fr
photo: {set: true, kind: professional, cover: true}
about:
  bio: "Développeur web freelance"
  work: [{employer: Indépendant, position: Développeur, current: true}]
contact:
  links: [{network: github, url: "https://github.com/pdurand"}]
network: {professional_contacts: 80}
keywords: ["#web", "#rust", "#freelance"]
publishing: {posts_per_month: 6, editorial_line: "Du web sobre", topics: [web], writes_articles: true, default_audience: public}
alternate_name: {name: Développeur web, show_on_profile: true}
followers: {who_can_follow: public, professional_mode: true}
tagging: {tagged_posts_audience: friends, review_tagged_posts: true, review_tags: true}
privacy: {search_engines: true, viewed_as_public: true}
YAML

printf 'photo:\n  set: yes\nfolowers:\n  who_can_follow: public\n' >"$fx/broken.yaml"

cat >"$fx/hostile.yaml" <<'YAML'
name: '<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; Zoé 🚀 مرحبا بكم | a|b ](javascript:alert(1))'
about:
  bio: "<b>bold</b> [click](javascript:alert(1)) & 'quotes' <iframe src=https://example.org></iframe>"
contact:
  links:
    - network: website
      url: "javascript:alert(1)//<script>"
keywords: ["<script>", "#ok", "](javascript:alert(1))"]
alternate_name:
  name: "<img src=x onerror=alert(1)>"
waivers:
  professional-mode: "<script>alert(2)</script> <a href='https://example.org'>x</a> | & \u202Etxt.exe"
YAML

# ---------------------------------------------------------------- pages
# Exit 1 (findings) and 2 (an invalid profile) are normal here; the page must
# still be written.
render() { # OUT LANG FILE... (format from OUT's extension)
  local out="$1" lang="$2" format=html
  shift 2
  [ "${out##*.}" = md ] && format=markdown
  local rc=0
  NO_COLOR=1 LANG=C "$bin" --no-config --format "$format" --lang "$lang" "$@" >"$out" 2>>"$work/stderr.log" || rc=$?
  [ "$rc" -le 2 ] || fail "profilecheck exited $rc for $*"
  [ -s "$out" ] || fail "empty page for $*"
}
render_own_lang() { # OUT FILE... (each profile in its own language)
  local out="$1"
  shift
  local rc=0
  NO_COLOR=1 LANG=C "$bin" --no-config --format html "$@" >"$out" 2>>"$work/stderr.log" || rc=$?
  [ "$rc" -le 2 ] || fail "profilecheck exited $rc for $*"
  [ -s "$out" ] || fail "empty page for $*"
}

hostile_texts='["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;", "Zoé 🚀 مرحبا بكم", "](javascript:alert(1))", "<script>alert(2)</script>"]'
manifest="$work/manifest.json"
{
  echo '['
  render "$work/pages/half-en.html" en "$fx/half-en.yaml"
  echo '{"name":"half-en","file":"'"$work/pages/half-en.html"'","lang":"en","profiles":1,"texts":["Jeanne Martin","In your file","Keeps a personal profile; uses a Page for business"]},'
  render "$work/pages/half-fr.html" fr "$fx/half-fr.yaml"
  echo '{"name":"half-fr","file":"'"$work/pages/half-fr.html"'","lang":"fr","profiles":1,"texts":["Jeanne Martin (FR)","Constat","Étape"]},'
  render_own_lang "$work/pages/several.html" "$fx/half-en.yaml" "$fx/half-fr.yaml" "$fx/good.yaml" "$fx/broken.yaml"
  echo '{"name":"several","file":"'"$work/pages/several.html"'","lang":"en","profiles":4,"texts":["Paul Durand","broken","Profile check"]},'
  render "$work/pages/hostile.html" en "$fx/hostile.yaml" "$fx/half-en.yaml"
  echo '{"name":"hostile","file":"'"$work/pages/hostile.html"'","lang":"en","profiles":2,"texts":'"$hostile_texts"'},'
  render "$work/pages/hostile-fr.html" fr "$fx/hostile.yaml"
  echo '{"name":"hostile-fr","file":"'"$work/pages/hostile-fr.html"'","lang":"fr","profiles":1,"texts":'"$hostile_texts"'},'
  render "$work/pages/hostile-md.md" en "$fx/hostile.yaml" "$fx/half-en.yaml"
  echo '{"name":"hostile-markdown","markdown":"'"$work/pages/hostile-md.md"'","texts":'"$hostile_texts"'}'
  shopt -s nullglob
  examples=(examples/*.yaml examples/*.yml)
  for ex in "${examples[@]}"; do
    base="$(basename "${ex%.*}")"
    for lang in en fr; do
      render "$work/pages/example-$base-$lang.html" "$lang" "$ex"
      echo ',{"name":"example-'"$base-$lang"'","file":"'"$work/pages/example-$base-$lang.html"'","lang":"'"$lang"'","profiles":1}'
    done
  done
  if [ "${#examples[@]}" -gt 1 ]; then
    render "$work/pages/examples-all.html" en "${examples[@]}"
    echo ',{"name":"examples-all","file":"'"$work/pages/examples-all.html"'","lang":"en","profiles":'"${#examples[@]}"'}'
  fi
  echo ']'
} >"$manifest"

shots="${CARGO_TARGET_DIR:-target}/e2e-browser"
rm -rf "$shots"
mkdir -p "$shots"
cp "$work"/pages/*.html "$work"/pages/*.md "$shots/"
node tests/e2e/check_html.cjs "$manifest" "$shots"
