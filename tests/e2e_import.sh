#!/usr/bin/env bash
# End-to-end check of `profilecheck import` on exports packed by real zip
# tools rather than by the zip crate the tests use: Info-ZIP `zip` (deflate,
# and streamed to stdout, which writes data descriptors instead of sizes in
# the local headers), and Python's zipfile (deflate, and stored). The export's
# JSON is written by Python the way Facebook writes it (every non-ASCII byte
# as a \u00XX escape). Each archive must import with exit 0, give the same
# profile, repair the accents, and lint with exit 0 or 1; `unzip -t` checks
# the archives themselves. Then: the login e-mail stays out of contact.email,
# `init --interactive --from` keeps every comment line, a FIFO is refused, and
# two hostile exports inside the caps import in bounded time and memory
# (GNU time). A missing tool is a FAIL, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "e2e_import: FAIL: $*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null || fail "cannot install $2"
  fi
  command -v "$1" >/dev/null || fail "$1 not found (install $2)"
}
need zip zip
need unzip unzip
need python3 python3
need timeout coreutils
need mkfifo coreutils
# GNU time, for the peak memory of the hostile exports below.
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null || fail "cannot install time"
fi
[ -x /usr/bin/time ] || fail "/usr/bin/time not found (install time)"

cargo build --quiet --locked --bin profilecheck || fail "cargo build failed"
bin="$(realpath "${CARGO_TARGET_DIR:-target}")/debug/profilecheck"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- the export
python3 - "$work/export" <<'PY'
import json, os, sys, calendar, datetime
root = sys.argv[1]

def fb(obj):
    """JSON as Facebook writes it: UTF-8 bytes escaped one by one."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return "".join(c if ord(c) < 128 else "".join("\\u00%02x" % b for b in c.encode("utf-8")) for c in text)

def put(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="ascii") as f:
        f.write(text)

def ts(day, secs=0):
    d = datetime.date.fromisoformat(day)
    return calendar.timegm(d.timetuple()) + secs

profile = {"profile_v2": {
    "name": {"full_name": "Maëlle Océane"},
    "current_city": {"name": "Göteborg"},
    "intro_bio": {"name": "Formatrice · réseaux sociaux"},
    "work_experiences": [{"employer": "Atelier Écume", "title": "Formatrice"}],
    "websites": [{"address": "https://maelle.example.org"}, {"address": "https://github.com/maelle-exemple"}],
    "other_names": [{"name": "Formatrice", "type": "Name with Title"}],
}}
posts = [
    {"timestamp": ts("2026-11-02", 60), "data": [{"post": "#formation et #café"}]},
    {"timestamp": ts("2026-10-02", 60), "data": [{"post": "Article : https://maelle.example.org/a #formation"}],
     "attachments": [{"data": [{"external_context": {"url": "https://maelle.example.org/a"}}]}]},
    {"timestamp": ts("2026-09-02", 60), "data": [{"post": "#été"}]},
    {"timestamp": ts("2025-01-02", 60), "data": [{"post": "#ancien"}]},
]
put("personal_information/profile_information/profile_information.json", fb(profile))
put("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", fb(posts))
put("your_facebook_activity/messages/inbox/ami_1/message_1.json", "{ never read")
PY

# ---------------------------------------------------------------- the archives
(cd "$work/export" && zip -q -r -9 "$work/infozip.zip" .) || fail "zip"
(cd "$work/export" && zip -q -r - . > "$work/infozip-stream.zip") || fail "zip to stdout"
python3 - "$work/export" "$work" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
for name, method in [("python-deflate.zip", zipfile.ZIP_DEFLATED), ("python-stored.zip", zipfile.ZIP_STORED)]:
    with zipfile.ZipFile(os.path.join(out, name), "w", method) as z:
        for d, _, files in os.walk(src):
            for f in sorted(files):
                full = os.path.join(d, f)
                z.write(full, os.path.relpath(full, src))
PY

first=""
for archive in infozip.zip infozip-stream.zip python-deflate.zip python-stored.zip; do
  unzip -tq "$work/$archive" >/dev/null || fail "unzip -t rejects $archive"
  "$bin" import --no-config --as-of 2026-12-01 "$work/$archive" -o "$work/$archive.yaml" 2>"$work/err" \
    || fail "import of $archive exited $?: $(cat "$work/err")"
  grep -q 'name: "Maëlle Océane"' "$work/$archive.yaml" || fail "$archive: name not repaired"
  grep -q 'city: "Göteborg"' "$work/$archive.yaml" || fail "$archive: city not repaired"
  grep -q 'posts_per_month: 0.5' "$work/$archive.yaml" || fail "$archive: posts_per_month"
  grep -q 'shares_blog_posts: true' "$work/$archive.yaml" || fail "$archive: shares_blog_posts"
  grep -q 'network: "github"' "$work/$archive.yaml" || fail "$archive: github link"
  grep -q 'type: "name_with_title"' "$work/$archive.yaml" || fail "$archive: name type"
  if grep -q 'message_1' "$work/err"; then fail "$archive: a message file was read"; fi
  set +e
  "$bin" --no-config "$work/$archive.yaml" >/dev/null 2>"$work/lint-err"
  code=$?
  set -e
  [ "$code" = 0 ] || [ "$code" = 1 ] || fail "$archive: lint exited $code: $(cat "$work/lint-err")"
  if [ -z "$first" ]; then
    first="$work/$archive.yaml"
  else
    # Same values and notes; only the header's own file name differs.
    diff <(grep -v '^# ' "$first") <(grep -v '^# ' "$work/$archive.yaml") >&2 \
      || fail "$archive gives another profile than $(basename "$first")"
  fi
done
# Keywords: most used first, then first use.
sed -n '/^keywords:/,/^$/p' "$first" | grep -q '^  - "#formation"' || fail "keywords order"
# The login e-mail is never the profile's contact.email (only a comment).
grep -qE '^  email: *$' "$first" || fail "contact.email is not left as a question"
if grep -E '^ *email: *[^ #]' "$first"; then fail "contact.email written from the login e-mail"; fi

# The command the import prints keeps every comment line, byte for byte.
cp "$first" "$work/answered.yaml"
for _ in $(seq 400); do echo y; done > "$work/answers"
"$bin" init --no-config --interactive --from "$work/answered.yaml" -o "$work/answered.yaml" <"$work/answers" \
  >/dev/null 2>"$work/err" || fail "init --from exited $?: $(tail -3 "$work/err")"
diff <(grep -E '^ *#' "$first") <(grep -E '^ *#' "$work/answered.yaml") >&2 \
  || fail "init --from lost or changed comment lines"
grep -q '^  set: true$' "$work/answered.yaml" || fail "init --from did not fill photo.set in place"

# A FIFO given as the export is refused at once, not waited on.
mkfifo "$work/fifo.zip"
set +e
timeout 10 "$bin" import --no-config "$work/fifo.zip" >/dev/null 2>"$work/err"
code=$?
set -e
[ "$code" = 2 ] && grep -q 'not a regular file' "$work/err" || fail "FIFO: exit $code: $(cat "$work/err")"

# Hostile exports inside the caps: memory must not grow with them (peak RSS
# under 300 MiB, run under a 300 MiB address-space limit and a time limit).
python3 - "$work" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
n = ((16 << 20) - 2) // 8
with zipfile.ZipFile(os.path.join(out, "objects.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("personal_information/profile_information/profile_information.json",
               "[" + ",".join(['{"a":0}'] * n) + "]")
tags = " ".join("#t%d" % i for i in range(2_000_000))
with zipfile.ZipFile(os.path.join(out, "hashtags.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("your_facebook_activity/posts/your_posts_1.json",
               '[{"timestamp": 1789000000, "data": [{"post": "%s"}]}]' % tags)
PY
for hostile in objects hashtags; do
  set +e
  ( ulimit -v 307200; exec timeout 120 /usr/bin/time -f '%M' "$bin" import --no-config --as-of 2026-12-01 \
      "$work/$hostile.zip" >/dev/null 2>"$work/err" )
  code=$?
  set -e
  [ "$code" = 0 ] || fail "$hostile: exit $code: $(tail -3 "$work/err")"
  kb=$(tail -1 "$work/err")
  [ "$kb" -lt $((300 * 1024)) ] || fail "$hostile: peak RSS $kb KB"
  echo "e2e_import: $hostile export: peak RSS $kb KB"
done
echo "e2e_import: ok (4 archives from Info-ZIP and Python zipfile, --from, FIFO, hostile exports)"
