#!/usr/bin/env bash
# Start-up time: `echo "One line." | mtlint` over RUNS runs (default 20); prints the median
# (target: under 50 ms). Uses hyperfine when installed, else a loop timed with date +%s%N.
#
#   scripts/startup.sh [RUNS=20]
#
# Environment: MTLINT=path/to/mtlint (default: $CARGO_TARGET_DIR or target, release build;
# built when missing), LIMIT_MS (default 50).
set -euo pipefail

runs=${1:-20}
limit_ms=${LIMIT_MS:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${MTLINT:-${CARGO_TARGET_DIR:-$root/target}/release/mtlint}
if [[ ! -x "$bin" ]]; then
    echo "building $bin ..." >&2
    (cd "$root" && cargo build --release --quiet)
fi

# One warm-up run (page cache), checked for success.
echo "One line." | "$bin" >/dev/null

if command -v hyperfine >/dev/null; then
    json=$(mktemp)
    hyperfine --runs "$runs" --warmup 2 --shell=bash --export-json "$json" \
        "echo 'One line.' | '$bin' >/dev/null" >&2
    median_ms=$(python3 -c "import json,sys; print(round(json.load(open('$json'))['results'][0]['median']*1000, 1))")
    rm -f "$json"
else
    times=()
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        echo "One line." | "$bin" >/dev/null
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    n=${#sorted[@]}
    if (( n % 2 )); then
        median_us=${sorted[$((n / 2))]}
    else
        median_us=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 ))
    fi
    median_ms=$(awk "BEGIN { printf \"%.1f\", $median_us / 1000 }")
    echo "runs: $n, min $(awk "BEGIN { printf \"%.1f\", ${sorted[0]} / 1000 }") ms, max $(awk "BEGIN { printf \"%.1f\", ${sorted[$((n - 1))]} / 1000 }") ms (date +%s%N loop; hyperfine not installed)"
fi
# CPU time (user + system) is less disturbed by other processes than wall time on a busy
# machine: report its median too.
if command -v python3 >/dev/null; then
    python3 - "$bin" "$runs" <<'PY'
import resource, statistics, subprocess, sys
b, runs = sys.argv[1], int(sys.argv[2])
cpu = []
for _ in range(runs):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([b], input=b"One line.\n", stdout=subprocess.DEVNULL, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
print(f"median CPU time (user + system): {statistics.median(cpu) * 1000:.1f} ms")
PY
fi
echo "median start-up: ${median_ms} ms (target < ${limit_ms} ms)"
awk "BEGIN { exit !($median_ms < $limit_ms) }"
