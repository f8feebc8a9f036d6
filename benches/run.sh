#!/usr/bin/env bash
# End-to-end throughput and memory of the real binary on generated profiles.
#
#   benches/run.sh                 # 10,000 profiles, then 100,000 for peak memory
#   benches/run.sh --n 20000       # another size for the first part
#   benches/run.sh --no-big        # skip the 100,000-profile run
#   benches/run.sh --reps 5        # repetitions of each timed run (best wall time kept)
#
# Profiles come from the generator in benches/throughput.rs (fixed seed), are
# written under a temp dir, linted with `profilecheck --format json|text DIR >
# /dev/null` (stdout redirected: `-o` would add a temp file and a rename), and
# timed with GNU time (wall clock, peak RSS). The bare-parse floor is measured
# on the same files and the same number of threads by the bench binary.
set -euo pipefail
cd "$(dirname "$0")/.."

N=10000
BIG=100000
REPS=3
DO_BIG=1
while [ $# -gt 0 ]; do
    case "$1" in
        --n) N="$2"; shift 2 ;;
        --big) BIG="$2"; shift 2 ;;
        --reps) REPS="$2"; shift 2 ;;
        --no-big) DO_BIG=0; shift ;;
        *) echo "usage: $0 [--n N] [--big N] [--reps R] [--no-big]" >&2; exit 2 ;;
    esac
done

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (needed for peak RSS)" >&2
    apt-get install -y time >/dev/null
fi

cargo build --release --quiet --bin profilecheck
cargo bench --quiet --bench throughput --no-run 2>/dev/null
BENCH=$(cargo bench --bench throughput --no-run --message-format=json 2>/dev/null |
    jq -r 'select(.reason == "compiler-artifact" and .target.name == "throughput") | .executable' | tail -n 1)
BIN=target/release/profilecheck
CORES=$(nproc)

WORK=$(mktemp -d /tmp/profilecheck-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $CORES cores, $(uname -m); load before start: $(cut -d' ' -f1-3 /proc/loadavg)"

# run LABEL DIR N [taskset-prefix...]: REPS runs, best wall time, largest peak RSS.
run() {
    local label="$1" dir="$2" n="$3"
    shift 3
    local best="" cpu="" rss=0 w m u s code
    for _ in $(seq "$REPS"); do
        code=0
        NO_COLOR=1 LANG=C "$@" /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" \
            "$BIN" --no-config $FORMAT_ARGS "$dir" >/dev/null 2>"$WORK/stderr" || code=$?
        # 0 or 1 is a normal lint; anything else means the run itself failed.
        if [ "$code" -gt 1 ] && ! grep -q ': error: ' "$WORK/stderr"; then
            echo "profilecheck failed (exit $code):" >&2
            cat "$WORK/stderr" >&2
            exit 1
        fi
        read -r w m u s < <(tail -n 1 "$WORK/time")
        if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$w; cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }'); fi
        if [ "$m" -gt "$rss" ]; then rss=$m; fi
    done
    awk -v l="$label" -v n="$n" -v w="$best" -v c="$cpu" -v m="$rss" -v f="$FLOOR" 'BEGIN {
        if (w < 0.01) w = 0.01
        printf "%-30s %7.2f s %8.0f profiles/s  cpu %6.2f s %8.1f MiB peak", l, w, n / w, c, m / 1024
        if (f > 0) printf "   %.2f× the bare parse", w / f
        printf "\n"
    }'
}

# floor DIR THREADS: print the bench binary's bare-parse line, set FLOOR (seconds).
floor() {
    local out
    out=$("$BENCH" floor "$1" --threads "$2" --reps "$REPS")
    echo "$out" | head -n 1
    FLOOR=$(echo "$out" | sed -n 's/.*floor_parse_s=\([0-9.]*\).*/\1/p')
}

section() {
    local n="$1" dir="$WORK/p$1"
    echo
    "$BENCH" gen "$dir" --n "$n"
    echo "$(find "$dir" -name '*.yaml' | head -n 200 | xargs cat | wc -l | awk '{ printf "%.1f", $1 / 200 }') lines per profile on average"
    floor "$dir" "$CORES"
    FORMAT_ARGS="--format json" run "json, $CORES cores" "$dir" "$n"
    FORMAT_ARGS="--format text" run "text, $CORES cores" "$dir" "$n"
    if [ "$CORES" -gt 1 ]; then
        floor "$dir" 1
        FORMAT_ARGS="--format json" run "json, 1 core (taskset -c 0)" "$dir" "$n" taskset -c 0
    fi
    rm -rf "$dir"
}

FORMAT_ARGS=""
FLOOR=0
section "$N"
if [ "$DO_BIG" = 1 ]; then
    REPS=1 section "$BIG"
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
