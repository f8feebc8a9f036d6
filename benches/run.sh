#!/usr/bin/env bash
# profilecheck against the parse floor, end to end, on generated profiles.
#
#   benches/run.sh                 # 10,000 profiles of 1.2 KB, then 10,000 of 700 bytes
#                                  # (7 alternating rounds each), then 100,000 for memory
#   benches/run.sh --n 20000       # another number of files for the first two parts
#   benches/run.sh --reps 11       # rounds of the alternation (medians are taken over them)
#   benches/run.sh --sizes small   # only the small profiles (or: full; default: full small)
#   benches/run.sh --no-big        # skip the 100,000-profile run
#   benches/run.sh --callgrind 1000   # instruction counts (valgrind) on 1,000 profiles of each size instead
#
# The floor is benches/floor-saphyr, vendored: a plain serde-saphyr parse of
# every *.yaml directly in a folder into a generic tree, on N threads, built
# with its own Cargo.toml and Cargo.lock into target/floor. The profiles come
# from the generator in benches/throughput.rs (fixed seed), written flat into
# a temp folder because the floor does not descend into subfolders. Two sizes:
# `full` (about 44 lines, 1.2 KB, every section) and `small` (`gen --small`,
# about 700 bytes): on small files what a lint pays per file beyond the parse
# (opening, scope, report) weighs more.
#
# One round runs, one after the other: the floor, `profilecheck --no-config
# --format json DIR`, the floor again, `profilecheck --no-config --format text
# DIR`, each timed by GNU time (wall, user + sys CPU, peak RSS). Alternating in
# rounds means a change in the machine's load hits both sides alike; the
# medians over the rounds and their ratios are printed. Reports go to
# /dev/null through stdout (`-o` would add a temp file and a rename).
set -euo pipefail
cd "$(dirname "$0")/.."

N=10000
BIG=100000
REPS=7
DO_BIG=1
SIZES="full small"
CALLGRIND=0
while [ $# -gt 0 ]; do
    case "$1" in
        --n) N="$2"; shift 2 ;;
        --big) BIG="$2"; shift 2 ;;
        --reps) REPS="$2"; shift 2 ;;
        --no-big) DO_BIG=0; shift ;;
        --sizes) SIZES="$2"; shift 2 ;;
        --callgrind) CALLGRIND="$2"; shift 2 ;;
        *) echo "usage: $0 [--n N] [--big N] [--reps R] [--sizes 'full small'] [--no-big] [--callgrind N]" >&2; exit 2 ;;
    esac
done

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (needed for CPU time and peak RSS)" >&2
    apt-get install -y time >/dev/null
fi

cargo build --release --quiet --bin profilecheck
cargo build --release --quiet --locked --manifest-path benches/floor-saphyr/Cargo.toml --target-dir target/floor
BENCH=$(cargo bench --bench throughput --no-run --message-format=json 2>/dev/null |
    jq -r 'select(.reason == "compiler-artifact" and .target.name == "throughput") | .executable' | tail -n 1)
BIN=target/release/profilecheck
FLOOR_BIN=target/floor/release/floor-saphyr
CORES=$(nproc)

WORK=$(mktemp -d /tmp/profilecheck-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $CORES cores, $(uname -m); load before start: $(cut -d' ' -f1-3 /proc/loadavg)"

# timed LABEL CMD...: run CMD once under GNU time, append "wall cpu rss_kib" to $WORK/LABEL.
timed() {
    local label="$1" code=0 w m u s
    shift
    NO_COLOR=1 LANG=C /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || code=$?
    # profilecheck exits 1 when it finds something: a normal lint. Anything else is a failure.
    if [ "$code" -gt 1 ]; then
        echo "$* failed (exit $code):" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    read -r w m u s < <(tail -n 1 "$WORK/time")
    awk -v w="$w" -v u="$u" -v s="$s" -v m="$m" 'BEGIN { printf "%.3f %.3f %d\n", w, u + s, m }' >>"$WORK/$label"
}

# median LABEL COLUMN: the median of that column of $WORK/LABEL.
median() {
    cut -d' ' -f"$2" "$WORK/$1" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
peak() {
    cut -d' ' -f3 "$WORK/$1" | sort -g | tail -n 1
}

# line LABEL N [FLOOR_LABEL]: medians of LABEL, and the ratios to FLOOR_LABEL's medians.
line() {
    local label="$1" n="$2" fl="${3:-}"
    local w c m
    w=$(median "$label" 1)
    c=$(median "$label" 2)
    m=$(peak "$label")
    awk -v l="$label" -v n="$n" -v w="$w" -v c="$c" -v m="$m" 'BEGIN {
        printf "%-22s wall %6.2f s  cpu %6.2f s  %8.0f profiles/s  %6.1f MiB peak", l, w, c, n / (w > 0 ? w : 0.01), m / 1024
    }'
    if [ -n "$fl" ]; then
        awk -v w="$w" -v c="$c" -v fw="$(median "$fl" 1)" -v fc="$(median "$fl" 2)" 'BEGIN {
            printf "   ratio to floor: wall %.2f×  cpu %.2f×", w / (fw > 0 ? fw : 0.01), c / (fc > 0 ? fc : 0.01)
        }'
    fi
    printf "\n"
}

# gen N SIZE: flat folder of N profiles of SIZE (full, small), its path on stdout.
gen() {
    local dir="$WORK/p$1-$2" small=()
    [ "$2" = small ] && small=(--small)
    "$BENCH" gen "$dir" --n "$1" --flat "${small[@]}" >&2
    echo "$dir"
}

# callgrind SIZE: instructions of the floor (one thread), json and text on $CALLGRIND profiles.
callgrind() {
    local size="$1" dir label ir
    dir=$(gen "$CALLGRIND" "$size")
    echo "$CALLGRIND $size profiles, $(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / NR }') bytes on average"
    for cmd in "floor:$FLOOR_BIN 1 $dir" \
        "json:$BIN --no-config --format json $dir" \
        "text:$BIN --no-config --format text $dir"; do
        label=${cmd%%:*}
        # shellcheck disable=SC2086
        valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$size.$label" ${cmd#*:} >/dev/null 2>"$WORK/cg.err" || true
        ir=$(grep -m1 '^summary:' "$WORK/cg.$size.$label" | awk '{ print $2 }')
        echo "$label: $ir instructions" | tee -a "$WORK/cg.$size"
    done
    awk '/^floor:/ { f = $2 } /^json:/ { j = $2 } /^text:/ { t = $2 } END {
        printf "json %.2f× the floor instructions, text %.2f×\n", j / f, t / f }' "$WORK/cg.$size"
    # Kept for callgrind_annotate when asked (CALLGRIND_KEEP=folder).
    if [ -n "${CALLGRIND_KEEP:-}" ]; then
        mkdir -p "$CALLGRIND_KEEP"
        cp "$WORK"/cg."$size".* "$CALLGRIND_KEEP"/
    fi
    rm -rf "$dir"
}

if [ "$CALLGRIND" -gt 0 ]; then
    for size in $SIZES; do
        echo
        callgrind "$size"
    done
    exit 0
fi

# rounds SIZE: $N profiles of SIZE, $REPS alternating rounds, medians and ratios.
rounds() {
    local size="$1" dir
    echo
    dir=$(gen "$N" "$size")
    echo "$N $size profiles; $REPS alternating rounds (floor, json, floor, text) on $CORES threads"
    for _ in $(seq "$REPS"); do
        timed "$size-floor-a" "$FLOOR_BIN" "$CORES" "$dir"
        timed "$size-json" "$BIN" --no-config --format json "$dir"
        timed "$size-floor-b" "$FLOOR_BIN" "$CORES" "$dir"
        timed "$size-text" "$BIN" --no-config --format text "$dir"
    done
    cat "$WORK/$size-floor-a" "$WORK/$size-floor-b" >"$WORK/$size-floor"
    line "$size-floor" "$N"
    line "$size-json" "$N" "$size-floor-a"
    line "$size-text" "$N" "$size-floor-b"
    rm -rf "$dir"
}

for size in $SIZES; do
    rounds "$size"
done

if [ "$DO_BIG" = 1 ]; then
    echo
    dir=$(gen "$BIG" full)
    echo "$BIG profiles: 1 round, peak memory"
    timed big-floor "$FLOOR_BIN" "$CORES" "$dir"
    timed big-json "$BIN" --no-config --format json "$dir"
    line big-floor "$BIG"
    line big-json "$BIG" big-floor
    rm -rf "$dir"
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
