#!/usr/bin/env bash
# Streams a large generated JSONL batch through the release binary and reports peak memory
# (must stay well under 200 MB, whatever the input size) and throughput.
#
#   scripts/stream_memory.sh [SIZE_MB=1000] [extra mtlint options...]
#
# Environment: MTLINT=path/to/mtlint (default: $CARGO_TARGET_DIR or target, release build;
# built when missing), KEEP=1 keeps the generated file (/tmp/mtlint_stream_<SIZE>MB.jsonl,
# reused when it already exists), LIMIT_MB (default 200).
# Needs python3 and GNU time (/usr/bin/time; `apt-get install time` if missing).
set -euo pipefail

size_mb=${1:-1000}
shift || true
limit_mb=${LIMIT_MB:-200}
root=$(cd "$(dirname "$0")/.." && pwd)

if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time is missing: install it with 'apt-get install time' and run again" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "python3 is needed to generate the batch" >&2; exit 2; }

bin=${MTLINT:-${CARGO_TARGET_DIR:-$root/target}/release/mtlint}
if [[ ! -x "$bin" ]]; then
    echo "building $bin ..." >&2
    (cd "$root" && cargo build --release --quiet)
fi

data=/tmp/mtlint_stream_${size_mb}MB.jsonl
if [[ ! -s "$data" ]]; then
    echo "generating $data (${size_mb} MB) ..." >&2
    python3 - "$data" "$size_mb" <<'PY'
import json, random, sys
path, size_mb = sys.argv[1], float(sys.argv[2])
rnd = random.Random(7)
subjects = ["The government", "Officials", "The company", "Residents", "Analysts", "The committee",
            "Investors", "Police", "Lawmakers", "The agency", "Workers", "Doctors", "Farmers"]
verbs = ["said", "announced", "warned", "confirmed", "rejected", "approved", "proposed",
         "discussed", "reported", "denied", "criticized", "welcomed", "planned", "signed"]
objects = ["a new budget for the coming year", "plans to expand the railway network",
           "an agreement on energy supplies", "the results of the inquiry",
           "higher prices for food and fuel", "new rules for short-term rentals",
           "the construction of a bridge across the river", "stricter controls at the border",
           "cooperation in trade, farming and nuclear energy"]
times = ["on Monday", "on Friday", "last week", "this month", "in recent months", "on Nov. 9",
         "at 10 a.m.", "for the first time since 2019"]
names = ["Anna Hartley", "Peter Okafor", "Maria Lindqvist", "Tomasz Kowalczyk", "Helen Brennan"]
places = ["Northbridge", "Port Calder", "Elmsworth", "Westmoor", "Redhaven"]
chrome = ["Split", "View photo series", "Read more", "© Jane Doe/dpa", "Comments"]
artifacts = ["At the meeting emphasized Hartley on Thursday the importance of the route.",
             "The talks covered railwayagriculture and energytransport.",
             "The the committee met again.", "„We are ready“, said the mayor."]

def sentence():
    k = rnd.randrange(4)
    if k == 0:
        return f"{rnd.choice(subjects)} {rnd.choice(verbs)} {rnd.choice(objects)} {rnd.choice(times)}."
    if k == 1:
        return f"“We will see,” {rnd.choice(names)} told reporters in {rnd.choice(places)}."
    if k == 2:
        return f"About {rnd.randrange(10, 5000)} people were affected in {rnd.choice(places)}, according to the U.S. agency."
    if rnd.random() < 0.1:
        return rnd.choice(artifacts)
    return f"{rnd.choice(names)} {rnd.choice(verbs)} {rnd.choice(objects)}, {rnd.choice(times)}."

target = int(size_mb * 1_000_000)
written = 0
n = 0
with open(path, "w", encoding="utf-8") as f:
    while written < target:
        want = rnd.randrange(2000, 5000)
        paras, doc = [], 0
        while doc < want:
            para = " ".join(sentence() for _ in range(rnd.randrange(2, 6)))
            if rnd.random() < 0.05:
                paras.append(rnd.choice(chrome))
            paras.append(para)
            doc += len(para) + 2
        n += 1
        line = json.dumps({"id": f"d{n}", "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
print(f"{n} documents, {written} bytes", file=sys.stderr)
PY
fi

bytes=$(stat -c %s "$data")
log=$(mktemp)
trap 'rm -f "$log"; [[ -n "${KEEP:-}" ]] || rm -f "$data"' EXIT
set +e
/usr/bin/time -v "$bin" check "$data" -o /dev/null --quiet "$@" 2>"$log"
status=$?
set -e
grep -v -E '^\s' "$log" | head -5 >&2 || true
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
user=$(awk -F': ' '/User time/ {print $2}' "$log")
sys=$(awk -F': ' '/System time/ {print $2}' "$log")
secs=$(python3 -c "
p='$wall'.split(':')
s=0.0
for x in p: s=s*60+float(x)
print(s)")
python3 - "$bytes" "$rss_kb" "$secs" "$user" "$sys" "$status" "$limit_mb" <<'PY'
import sys
b, rss, secs, user, sys_t, status, limit = sys.argv[1:]
b, rss, secs, limit = int(b), int(rss), float(secs), float(limit)
print(f"input: {b/1e6:.0f} MB JSONL; exit status {status}")
print(f"peak RSS: {rss/1024:.1f} MB (limit {limit:.0f} MB)")
print(f"wall: {secs:.1f} s, user {user} s, sys {sys_t} s")
print(f"throughput: {b/1e6/secs:.1f} MB/s wall ({b/1e6/(float(user)+float(sys_t)):.1f} MB per CPU-second)")
sys.exit(0 if rss / 1024 < limit and status in ("0", "1") else 1)
PY
